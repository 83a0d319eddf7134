"""Write docs/data_model.md from resilience_plugin/definitions.py, so the document cannot drift.

    python tests/tools/data_model_doc.py        (a test checks the committed file is current)
"""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from resilience_plugin import definitions as d  # noqa: E402

TARGET = ROOT / 'docs' / 'data_model.md'
# The options of OutputField.when, as the document says them.
WHEN = {'timed': 'with a time limit (MAX_TIME or a timed PRESET)', 'barriers': 'with BARRIERS',
        'chain': 'in disaster_chain',
        'indicators': 'one per indicator of INDICATOR_WEIGHTS (these by default)'}


def _field_row(spec):
    rules = []
    if spec.required:
        rules.append('required')
    if spec.unique:
        rules.append('unique')
    if spec.enum is not None:
        rules.append('one of `{}`'.format(spec.enum.name))
    if spec.minimum is not None:
        rules.append('{:g} to {:g}'.format(spec.minimum, spec.maximum))
    if spec.default is not None:
        rules.append('default `{}`'.format(spec.default))
    return '| `{}` | {} | {} | {} |'.format(spec.name, spec.type, spec.alias, ', '.join(rules))


def render():
    lines = ['# Planning database: the data model', '',
             'Generated from `resilience_plugin/definitions.py` by `tests/tools/data_model_doc.py`; '
             'do not edit by hand.', '',
             'Evidence levels: C confirmed in a source excerpt, P partly confirmed, R recalled only '
             '(see ../shared/DOMAIN.md).', '']
    for kind in d.DATABASE_KINDS:
        lines += ['## `{}` ({})'.format(kind.name, kind.geometry if kind.spatial else 'table'), '', kind.description, '',
                  '| field | type | alias | rules |', '|---|---|---|---|']
        lines += [_field_row(spec) for spec in kind.fields]
        lines.append('')
    lines += ['## Enumerations', '']
    enums = {}
    for kind in d.DATABASE_KINDS:
        for spec in kind.fields:
            if spec.enum is not None:
                enums[spec.enum.name] = spec.enum
    for enum in enums.values():
        lines += ['### `{}`'.format(enum.name), '', '| code | label | colour | census code |', '|---|---|---|---|']
        lines += ['| `{}` | {} | {} | {} |'.format(c.code, c.label, c.colour or '', c.cn_code or '')
                  for c in enum.choices]
        lines.append('')
    lines += ['## Coverage presets', '', '| key | label | distance (m) | time (min) | speed (km/h) | '
              'per capita (m2) | sources |', '|---|---|---|---|---|---|---|']
    for p in d.COVERAGE_PRESETS:
        lines.append('| `{}` | {} | {} | {} | {} | {} | {} |'.format(
            p.key, p.label, p.max_distance_m or '', p.max_time_min or '', p.speed_kmh or '',
            p.per_capita_m2 or '', '<br>'.join(s.describe() for s in p.sources)))
    lines += ['', '## Result layers of the algorithms', '',
              'The fields each algorithm writes, in order (`OutputSchema` in definitions); the planning report '
              'checks a layer given to it against these. A field with a condition is written only in runs with '
              'that option.', '']
    for schema in d.OUTPUT_SCHEMAS:
        lines += ['### `{}` {}'.format(schema.algorithm, schema.output), '']
        if schema.note:
            lines += [schema.note[0].upper() + schema.note[1:] + '.', '']
        lines += ['| field | type | written |', '|---|---|---|']
        lines += ['| `{}` | {} | {} |'.format(f.name, f.type, WHEN[f.when] if f.when else 'always')
                  for f in schema.fields]
        lines.append('')
    lines += ['## Other standards', '',
              '- Road speeds by class (km/h): {} — {}'.format(
                  ', '.join('{} {:g}'.format(k, v) for k, v in d.ROAD_SPEED_KMH.items()),
                  d.SOURCE_ROAD_SPEED.describe()),
              '- Walking speed {:g} km/h — {}'.format(d.WALK_SPEED_KMH, d.SOURCE_WALK_SPEED.describe()),
              '- Sites farther than {:g} m from a road are reported — {}'.format(
                  d.MAX_ROAD_ACCESS_M, d.SOURCE_ROAD_ACCESS.describe()),
              '- Curved geometries are read as straight segments of at most {:g} degree of arc — {}'.format(
                  d.CURVE_SEGMENT_ANGLE_DEG, d.SOURCE_CURVE_SEGMENT.describe()),
              '- Risk colours — {}'.format(d.SOURCE_RISK_COLOURS.describe()),
              '- Lifeline colours and codes — {}'.format(d.SOURCE_NETWORK_COLOURS.describe()),
              '- Gas pressure classes — {}'.format(d.SOURCE_GAS_PRESSURE.describe()),
              '- Persons per m2 of floor area {:g} — {}'.format(d.M2_PER_PERSON_URBAN_CN,
                                                                 d.SOURCE_M2_PER_PERSON.describe()),
              '']
    lines += ['## Lifeline systems', '',
              '- Sources by network: {} — {}'.format('; '.join('{} {}'.format(k, ', '.join(v)) for k, v in
                                                          d.NETWORK_SOURCE_KINDS.items()),
                                                d.SOURCE_NETWORK_SOURCES.describe()),
              '- Isolation devices by network: {} — {}'.format('; '.join('{} {}'.format(k, ', '.join(v)) for k, v in
                                                                   d.ISOLATION_DEVICE_KINDS.items()),
                                                         d.SOURCE_ISOLATION_DEVICES.describe()),
              '- A node is on its network within {:g} m of a line; a station feeds it within {:g} m — {}'.format(
                  d.NODE_ON_NETWORK_M, d.SOURCE_ATTACH_M, d.SOURCE_ATTACH_DISTANCE.describe()),
              '- Service distance of the population (m): {} — {}'.format(
                  ', '.join('{} {:g}'.format(k, v) for k, v in d.SERVICE_DISTANCE_M.items()),
                  d.SOURCE_SERVICE_DISTANCE.describe()),
              '- At most {} hydrants per isolation segment — {}'.format(d.MAX_SEGMENT_HYDRANTS,
                                                                       d.SOURCE_SEGMENT_HYDRANTS.describe()),
              '- Longest isolation segment (m): {} — {}'.format(
                  ', '.join('{} {:g}'.format(k, v) for k, v in d.MAX_SEGMENT_LENGTH_M.items()),
                  d.SOURCE_SEGMENT_LENGTH.describe()),
              '- Hazard failures: {} from class {} — {}'.format(', '.join(d.HAZARD_FAILING_NODE_KINDS),
                                                               d.DEFAULT_FAILURE_CLASS,
                                                               d.SOURCE_HAZARD_FAILURE.describe()),
              '', '| default dependency rule | dependent | kind | provider | within (m) | backup (h) | sources |',
              '|---|---|---|---|---|---|---|']
    for r in d.DEPENDENCY_RULES:
        lines.append('| `{}` {} | {} {} | {} | {} {} {} | {:g} | {:g} | {} |'.format(
            r.key, r.label, r.dependent_table, ', '.join(r.dependent_values) or '(all)', r.kind, r.provider_table,
            r.provider_network, ', '.join(r.provider_node_kinds), r.max_distance_m, r.backup_hours,
            '<br>'.join(s.describe() for s in r.sources)))
    lines.append('')
    lines += ['## Resilience index (community resilience)', '',
              'Dimensions (weights, editable per run): {} — {}'.format(
                  ', '.join('{} {:g}'.format(k, v) for k, v in d.RESILIENCE_DIMENSION_WEIGHTS.items()),
                  d.SRC_BRIC.describe()), '',
              '| key | indicator | dimension | higher is | weight | unit | from | source |',
              '|---|---|---|---|---|---|---|---|']
    for i in d.RESILIENCE_INDICATORS:
        lines.append('| `{}` | {} | {} | {} | {:g} | {} | {} | {} |'.format(
            i.key, i.label, i.dimension, 'better' if i.higher_is_better else 'worse', i.weight, i.unit,
            'computed' if i.computed else '`community_indicators` table', i.source.describe()))
    lines += ['', '- Rank sensitivity: dimension weights x [1 - {0:g}, 1 + {0:g}], {1} draws — {2}'.format(
        d.RESILIENCE_SENSITIVITY_SPREAD, d.RESILIENCE_SENSITIVITY_DRAWS, d.SRC_SENSITIVITY.describe()),
        '- Dispatch: default required personnel {} — {}'.format(d.DEFAULT_REQUIRED_PERSONNEL,
                                                              d.SRC_REQUIRED_PERSONNEL.describe()),
        '- Social forces — {}'.format(d.SRC_SOCIAL_FORCES.describe()),
        '- Community risk map contents — {}; {}'.format(d.SRC_DEMONSTRATION_COMMUNITY.describe(),
                                                       d.SRC_WUHAN_EVACUATION_MAP.describe()), '']
    return '\n'.join(lines)


if __name__ == '__main__':
    TARGET.write_text(render(), encoding='utf-8')
    print('Wrote', TARGET)
