"""What the report says: sections of paragraphs, tables and charts read from the algorithms' result layers.

Every figure is a value an algorithm wrote into its output layer (population_coverage, service_areas,
risk_influence_zones, exposure, risk_list, validate_census); this module only selects, sorts, sums
rows for totals the algorithms did not write and formats them. Fields are read by the names of the output
schemas in definitions (processing/planning_report.py checks every layer against its schema first).
Strings go through tr() and are translated into the language installed by report.language for the run;
codes (grades, kinds, networks, targets) are shown as the labels of their enumeration.

Adding a section (lifeline alarms, criticality, community resilience, ...):

1. write a function ``my_section(inputs) -> Section`` here: ``Section(key, tr('Heading'))``, then
   ``section.p(text)``, ``section.table(Table(headers, rows, numeric=(column indexes,), caption=..., note=...))``,
   ``section.blocks.append(Chart(...))`` or ``section.bullets([...])``; values formatted with ``num``,
   ``share``, ``text`` and ``enum_label``; a section whose layer was not given says so (``not_given``);
2. add it to ``SECTIONS`` (the order of the report);
3. if it reads a new result layer: its output schema in definitions, an ``Inputs`` attribute and a line
   in ``RESULT_LAYERS`` of processing/planning_report.py (the parameter).

The PDF (report.body) and the HTML version (report.html) lay out any section of this model; neither needs
a change for a new one.
"""
from collections import Counter, OrderedDict
from dataclasses import dataclass, field
from typing import List, Optional

from qgis.core import QgsVectorLayer

from ..definitions import (COVERAGE_PRESETS, EVIDENCE_LEVELS, EXPOSURE_TARGET, LAYERS, LAYERS_BY_NAME,
                           NETWORK_TYPE, REPORT_DATA_LICENCES, REPORT_MAX_ROWS, RISK_DISTANCE_TABLE, RISK_GRADE,
                           RISK_SOURCE_KIND, RULES, SEVERITY, SOURCE_RISK_COLOURS, SOURCE_ROAD_ACCESS,
                           SOURCE_SERVICE_AREA_BUFFER, SRC_HAZARD_BREAKS)
from ..qgis_io.database import layer_uri
from ..translation import tr
from .language import translations_of


# Model ---------------------------------------------------------------------------------------------
@dataclass
class Table:
    headers: List[str]
    rows: List[list]
    numeric: tuple = ()          # column indexes aligned right
    caption: str = ''
    note: str = ''               # shown under the table (e.g. rows left out)


@dataclass
class Chart:
    key: str                     # name of the image (report.chart renders it)
    title: str
    labels: List[str]
    series: List[tuple]          # (label, colour, values)
    value_format: str = '{:,.0f}'


@dataclass
class Section:
    key: str
    heading: str
    blocks: list = field(default_factory=list)  # str (paragraph), Table, Chart, ('list', [str])

    def p(self, text):
        self.blocks.append(text)

    def table(self, table):
        self.blocks.append(table)

    def bullets(self, items):
        self.blocks.append(('list', list(items)))


@dataclass
class Report:
    title: str
    subtitle: str
    details: list                # (label, value) pairs for the cover
    sections: List[Section]
    attribution: List[str]
    language: str

    def section(self, key):
        return next(s for s in self.sections if s.key == key)


@dataclass
class Inputs:
    """The layers given to the algorithm (None when not given) and the planning database path."""
    database: str
    coverage_demand: Optional[QgsVectorLayer] = None
    coverage_facilities: Optional[QgsVectorLayer] = None
    coverage_summary: Optional[QgsVectorLayer] = None
    service_areas: Optional[QgsVectorLayer] = None
    risk_zones: Optional[QgsVectorLayer] = None
    exposure_summary: Optional[QgsVectorLayer] = None
    risk_list: Optional[QgsVectorLayer] = None
    findings: Optional[QgsVectorLayer] = None
    lifeline_criticality: Optional[QgsVectorLayer] = None
    lifeline_nodes: Optional[QgsVectorLayer] = None
    disaster_chain: Optional[QgsVectorLayer] = None
    evacuation_summary: Optional[QgsVectorLayer] = None   # community section (report/community.py)
    resilience_index: Optional[QgsVectorLayer] = None
    force_coverage: Optional[QgsVectorLayer] = None
    attribution: str = ''


# Formatting ----------------------------------------------------------------------------------------
def num(value, decimals=0):
    """A number with thousands separators, as the report prints it ('-' for no value)."""
    if value is None or value == '' or (isinstance(value, float) and value != value):
        return '-'
    try:
        return '{:,.{}f}'.format(float(value), decimals)
    except (TypeError, ValueError):
        return str(value)


def share(value):
    """A share (0..1) as a percentage with one decimal, as the report prints it."""
    if value is None or (isinstance(value, float) and value != value):
        return '-'
    return '{:.1%}'.format(float(value))


def text(value):
    if value is None or (hasattr(value, 'isNull') and value.isNull()):
        return '-'
    return str(value)


def plain(value):
    """A QVariant NULL as None."""
    if value is None or (hasattr(value, 'isNull') and value.isNull()):
        return None
    return value


def rows_of(layer):
    """Every feature of ``layer`` as a dict of plain values, in the layer's order."""
    if layer is None:
        return []
    names = layer.fields().names()
    return [{n: plain(v) for n, v in zip(names, f.attributes())} for f in layer.getFeatures()]


def enum_label(enum, code):
    try:
        return tr(enum.choice(code).label)
    except KeyError:
        return text(code)


def district_label(row, index):
    """The district of a coverage summary row in the report's language: population_coverage writes the total
    first and names it, and the units outside every district, in the language of its own run."""
    if index == 0:
        return tr('Total')
    if row.get('district') in translations_of('(outside the districts)'):
        return tr('(outside the districts)')
    return text(row.get('district'))


def network_label(code):
    """A network type (exposure writes the code, or the layer name where the layer has no network field)."""
    if code in (None, ''):
        return '-'
    if code in NETWORK_TYPE.codes():
        return enum_label(NETWORK_TYPE, code)
    return layer_title(code)


def zone_label(code):
    """An exposure zone or hazard class: a risk grade, 'zone' (zones without grades) or a class like '0.5-1.5'."""
    if code == 'zone':
        return tr('Influence zone')
    return enum_label(RISK_GRADE, code)


def layer_title(name):
    kind = LAYERS_BY_NAME.get(name)
    return tr(kind.title) if kind is not None else text(name)


def capped(rows, note_rows=None):
    """The first REPORT_MAX_ROWS rows and a note when some were left out."""
    if len(rows) <= REPORT_MAX_ROWS:
        return rows, ''
    return rows[:REPORT_MAX_ROWS], tr('The first {} of {} rows are shown; the layer holds them all.').format(
        REPORT_MAX_ROWS, note_rows or len(rows))


def not_given(section, what):
    section.p(tr('Not part of this review: no {} layer was given.').format(what))


def site_name(row, id_field='facility_id'):
    name = row.get('name')
    if name:
        return str(name)
    return '#{}'.format(text(row.get(id_field)))


# Sections ------------------------------------------------------------------------------------------
def coverage_section(inputs):
    section = Section('coverage', tr('Coverage summary'))
    rows = rows_of(inputs.coverage_summary)
    if not rows:
        not_given(section, tr('Coverage summary'))
    else:
        total = rows[0]
        section.p(tr('Population {}: covered {} ({}), uncovered {}. {} demand units, {} of them cannot reach any '
                     'facility over the network.').format(
            num(total['population']), num(total['covered']), share(total['share_covered']),
            num(total['uncovered']), num(total.get('units')), num(total.get('units_unreachable'))))
        lost = 'lost' in rows[0]
        headers = [tr('District'), tr('Population'), tr('Covered'), tr('Uncovered'), tr('Share covered'),
                   tr('Demand units'), tr('Unreachable units')]
        if lost:
            headers += [tr('Covered without barriers'), tr('Lost to barriers')]
        body = []
        for index, r in enumerate(rows):
            line = [district_label(r, index), num(r['population']), num(r['covered']), num(r['uncovered']),
                    share(r['share_covered']), num(r.get('units')), num(r.get('units_unreachable'))]
            if lost:
                line += [num(r.get('covered_open')), num(r.get('lost'))]
            body.append(line)
        section.table(Table(headers, body, numeric=tuple(range(1, len(headers))),
                            caption=tr('Population covered and uncovered, in total and per district')))
        shown = list(enumerate(rows))[1:] if len(rows) > 1 else list(enumerate(rows))
        shown = sorted(shown, key=lambda item: -(item[1]['population'] or 0))[:25]
        labels = [district_label(r, index) for index, r in shown]
        shown = [r for _, r in shown]
        section.blocks.append(Chart('coverage', tr('Population covered and uncovered'), labels,
                                    [(tr('Covered'), '#1a9641', [r['covered'] or 0 for r in shown]),
                                     (tr('Uncovered'), '#d7191c', [r['uncovered'] or 0 for r in shown])]))
    facilities = rows_of(inputs.coverage_facilities)
    if facilities:
        overloaded = sum(1 for r in facilities if r.get('overloaded'))
        no_capacity = sum(1 for r in facilities if r.get('capacity') is None)
        reachable = sum(1 for r in facilities if r.get('reachable'))
        section.p(tr('{} facilities: {} reach the network, {} are overloaded, {} have no capacity recorded (their '
                     'load cannot be judged).').format(len(facilities), reachable, overloaded, no_capacity))
        body = [[site_name(r), num(r.get('population')), num(r.get('capacity')), num(r.get('load_ratio'), 2),
                 num(r.get('fca_ratio'), 3), tr('yes') if r.get('reachable') else tr('no')]
                for r in sorted(facilities, key=lambda r: -(r.get('population') or 0))]
        body, note = capped(body)
        section.table(Table([tr('Facility'), tr('Population assigned'), tr('Capacity'), tr('Load ratio'),
                             tr('2SFCA ratio'), tr('Reaches the network')], body, numeric=(1, 2, 3, 4),
                            caption=tr('Facility loads'), note=note))
    areas = rows_of(inputs.service_areas)
    if areas:
        section.p(tr('{} service areas with a total area of {} ha (areas of different facilities may overlap).')
                  .format(len(areas), num(sum(r.get('area_m2') or 0 for r in areas) / 10000.0, 1)))
        body = [[site_name(r), num((r.get('area_m2') or 0) / 10000.0, 1)]
                for r in sorted(areas, key=lambda r: -(r.get('area_m2') or 0))]
        body, note = capped(body)
        section.table(Table([tr('Facility'), tr('Service area (ha)')], body, numeric=(1,),
                            caption=tr('Service areas per facility (polygons)'), note=note))
    return section


def overloaded_section(inputs):
    section = Section('overloaded', tr('Overloaded shelters'))
    facilities = rows_of(inputs.coverage_facilities)
    if inputs.coverage_facilities is None:
        not_given(section, tr('Facility loads'))
        return section
    over = sorted((r for r in facilities if r.get('overloaded')), key=lambda r: -(r.get('load_ratio') or 0))
    if not over:
        section.p(tr('No shelter or facility is overloaded: the population assigned to each stays within its '
                     'capacity.'))
    else:
        section.p(tr('{} shelters or facilities are assigned more people than their capacity.').format(len(over)))
        body = [[site_name(r), text(r.get('facility_id')), num(r.get('population')), num(r.get('capacity')),
                 num(r.get('load_ratio'), 2), num((r.get('population') or 0) - (r.get('capacity') or 0))]
                for r in over]
        body, note = capped(body)
        section.table(Table([tr('Facility'), tr('Feature ID'), tr('Population assigned'), tr('Capacity'),
                             tr('Load ratio'), tr('Places missing')], body, numeric=(1, 2, 3, 4, 5), note=note))
    missing = [r for r in facilities if r.get('capacity') is None]
    if missing:
        section.p(tr('No capacity is recorded for: {}.').format(', '.join(site_name(r) for r in missing[:30])))
    return section


def uncovered_section(inputs):
    section = Section('uncovered', tr('Uncovered areas'))
    if inputs.coverage_demand is None:
        not_given(section, tr('Demand with coverage'))
        return section
    rows = rows_of(inputs.coverage_demand)
    uncovered = [r for r in rows if not r.get('covered')]
    population = sum(r.get('population_used') or 0 for r in uncovered)
    unreachable = sum(1 for r in uncovered if r.get('facility_id') is None)
    section.p(tr('{} of {} demand units are not covered, with a population of {}; {} of them cannot reach any '
                 'facility over the network.').format(len(uncovered), len(rows), num(population), unreachable))
    if not uncovered:
        return section
    district = 'district' if 'district' in rows[0] else ('d_district' if 'd_district' in rows[0] else None)
    ident = 'asset_id' if 'asset_id' in rows[0] else ('d_asset_id' if 'd_asset_id' in rows[0] else None)
    body = []
    for r in sorted(uncovered, key=lambda r: -(r.get('population_used') or 0)):
        unit = text(r.get(ident))[:13] if ident else '-'
        body.append([unit, text(r.get(district)) if district else '-', num(r.get('population_used')),
                     num(r.get('distance_m')), text(r.get('facility_id')) if r.get('facility_id') is not None
                     else tr('none reachable')])
    body, note = capped(body)
    section.table(Table([tr('Demand unit'), tr('District'), tr('Population'), tr('Distance to the nearest facility (m)'),
                         tr('Nearest facility')], body, numeric=(2, 3),
                        caption=tr('Uncovered demand units, largest population first'), note=note))
    return section


def exposure_section(inputs):
    section = Section('exposure', tr('Exposure summary'))
    zones = rows_of(inputs.risk_zones)
    if inputs.risk_zones is None:
        not_given(section, tr('Risk influence zones'))
    else:
        body = [[zone_label(r.get('risk_grade')), num(r.get('source_count')),
                 num((r.get('area_m2') or 0) / 10000.0, 1)]
                for r in sorted(zones, key=lambda r: r.get('grade_rank') or 0)]
        section.table(Table([tr('Risk grade'), tr('Risk sources'), tr('Zone area (ha)')], body, numeric=(1, 2),
                            caption=tr('Risk influence zones')))
    if inputs.exposure_summary is None:
        not_given(section, tr('Exposure summary'))
        return section
    rows = rows_of(inputs.exposure_summary)
    if not rows:
        section.p(tr('Nothing lies in the risk zones or the hazard.'))
        return section
    body = [[layer_title(r.get('layer')), enum_label(EXPOSURE_TARGET, r.get('target')),
             network_label(r.get('network')), zone_label(r.get('hazard_class')), num(r.get('exposed_length_m')),
             num(r.get('count')),
             num(r.get('unusable')), num(r.get('population'))] for r in rows]
    body, note = capped(body)
    section.table(Table([tr('Layer'), tr('Target'), tr('Network'), tr('Zone or hazard class'),
                         tr('Exposed length (m)'), tr('Count'), tr('Unusable'), tr('Population')], body,
                        numeric=(4, 5, 6, 7), caption=tr('What lies in each zone'), note=note))
    return section


def risk_list_section(inputs):
    section = Section('risk_list', tr('Urban safety risk list'))
    if inputs.risk_list is None:
        not_given(section, tr('Urban safety risk list'))
        return section
    rows = sorted(rows_of(inputs.risk_list), key=lambda r: r.get('rank') or 0)
    grades = Counter(r.get('risk_grade') for r in rows)
    section.p(tr('{} risk sources: {}.').format(len(rows), ', '.join(
        '{} {}'.format(enum_label(RISK_GRADE, g), grades[g]) for g in RISK_GRADE.codes() if grades[g])))
    body = [[text(r.get('rank')), text(r.get('name') or r.get('asset_id')), enum_label(RISK_SOURCE_KIND, r.get('kind')),
             enum_label(RISK_GRADE, r.get('risk_grade')), num(r.get('distance_m')), num(r.get('people')),
             num(r.get('shelters')), num(r.get('facilities')), num(r.get('buildings')), num(r.get('lifeline_m'))]
            for r in rows]
    body, note = capped(body)
    section.table(Table([tr('Rank'), tr('Name'), tr('Kind'), tr('Risk grade'), tr('Distance (m)'), tr('People'),
                         tr('Shelters'), tr('Facilities'), tr('Buildings'), tr('Lifelines (m)')], body,
                        numeric=(0, 4, 5, 6, 7, 8, 9), note=note))
    return section


def database_counts(path):
    counts = OrderedDict()
    for kind in LAYERS:
        layer = QgsVectorLayer(layer_uri(path, kind.name), kind.name, 'ogr')
        counts[kind.name] = layer.featureCount() if layer.isValid() else 0
    return counts


def census_section(inputs):
    section = Section('census', tr('Census completeness'))
    if inputs.findings is None:
        not_given(section, tr('Census findings'))
        return section
    rows = rows_of(inputs.findings)
    severities = Counter(r.get('severity') for r in rows)
    section.p(tr('{} findings: {} errors, {} warnings, {} for information.').format(
        len(rows), severities['error'], severities['warning'], severities['info']))
    by_rule = Counter((r.get('rule'), r.get('severity'), r.get('layer')) for r in rows)
    body = [[text(rule), tr(RULES[rule][1]) if rule in RULES else '-', enum_label(SEVERITY, severity),
             layer_title(layer), num(count)]
            for (rule, severity, layer), count in sorted(by_rule.items(), key=lambda item: (-item[1], str(item[0])))]
    section.table(Table([tr('Rule'), tr('Meaning'), tr('Severity'), tr('Layer'), tr('Findings')], body,
                        numeric=(4,), caption=tr('Findings by rule and layer')))
    counts = database_counts(inputs.database)
    flagged = {}
    for r in rows:
        flagged.setdefault(r.get('layer'), set()).add(r.get('feature_id'))
    per_layer = Counter(r.get('layer') for r in rows)
    body = []
    for name, count in counts.items():
        if not count and not per_layer[name]:
            continue
        clean = count - len(flagged.get(name, ()))
        body.append([layer_title(name), num(count), num(per_layer[name]), num(clean),
                     share(clean / count) if count else '-'])
    section.table(Table([tr('Layer'), tr('Features'), tr('Findings'), tr('Features without a finding'),
                         tr('Complete')], body, numeric=(1, 2, 3, 4), caption=tr('Completeness by layer')))
    return section


def methods_section(inputs):
    section = Section('methods', tr('Methods and standards'))
    section.p(tr('Coverage: every demand unit is assigned to its nearest facility over the road network '
                 '(network distance plus the access leg); it is covered when that distance or time is within '
                 'the limit. Loads compare the population assigned to a facility with its capacity; the '
                 'two-step floating catchment ratio (Luo & Wang 2003) divides capacity by all the population '
                 'within reach.'))
    section.p(tr('Risk: every risk source is buffered by its influence distance; the zones are dissolved per '
                 'grade and overlaps go to the higher grade. Exposure cuts lifelines at the zone boundaries, '
                 'tests sites against the zones and shares population polygons by area. The risk list ranks '
                 'sources by grade, then people, shelters, facilities and lifeline length in their own zone.'))
    section.p(tr('Census completeness: every feature of the planning database is checked against the schema '
                 '(required fields, allowed values, plausible ranges), its geometry, duplicate IDs, network '
                 'connectivity and road access.'))
    rows, seen = [], set()

    def add(topic, source):
        if (topic, source) in seen:
            return
        seen.add((topic, source))
        rows.append([topic, source.citation, source.evidence, source.url or '-'])

    for preset in COVERAGE_PRESETS:
        for source in preset.sources:
            add(tr(preset.label), source)
    add(tr('Service areas (polygons)'), SOURCE_SERVICE_AREA_BUFFER)
    for by_grade in RISK_DISTANCE_TABLE.values():
        for _, source in by_grade.values():
            add(tr('Risk influence zones'), source)
    add(tr('Risk grade'), SOURCE_RISK_COLOURS)
    add(tr('Hazard classes'), SRC_HAZARD_BREAKS)
    add(tr('Census findings'), SOURCE_ROAD_ACCESS)
    section.table(Table([tr('Topic'), tr('Standard or source'), tr('Evidence'), tr('Where')], rows,
                        caption=tr('Standards and sources used')))
    section.p(tr('Evidence levels: {}.').format('; '.join('{} {}'.format(k, tr(v)) for k, v in EVIDENCE_LEVELS.items())))
    return section


def detect_attribution(path):
    """Attributions of the data sets recognised in the planning database's provenance fields."""
    from osgeo import ogr
    found = []
    ds = ogr.Open(path)
    if ds is None:
        return found
    for licence in REPORT_DATA_LICENCES:
        hit = False
        for kind in LAYERS:
            layer = ds.GetLayerByName(kind.name)
            if layer is None or 'data_source' not in kind.field_names():
                continue
            clauses = []
            if licence.data_source:
                clauses.append("data_source = '{}'".format(licence.data_source))
            for prefix in licence.source_ref_prefixes:
                clauses.append("lower(source_ref) LIKE '{}%'".format(prefix.lower()))
            layer.SetAttributeFilter(' OR '.join(clauses))
            count = layer.GetFeatureCount()
            layer.SetAttributeFilter(None)
            if count:
                hit = True
                break
        if hit:
            found.append(tr(licence.attribution))
    return found


def attribution_texts(inputs):
    texts = detect_attribution(inputs.database)
    for line in (inputs.attribution or '').splitlines():
        if line.strip() and line.strip() not in texts:
            texts.append(line.strip())
    return texts


def attribution_section(inputs, attribution, given):
    """``given``: (description marked with N_, layer source or file) of every input."""
    section = Section('attribution', tr('Data attribution'))
    if attribution:
        section.bullets(attribution)
    else:
        section.p(tr('No data set with an attribution requirement was recognised; add it with the ATTRIBUTION '
                     'parameter.'))
    section.table(Table([tr('Input'), tr('Layer or file')], [[tr(what), where] for what, where in given],
                        caption=tr('Inputs of this report')))
    return section


# The sections of the report, in order; each takes the Inputs and returns a Section (the data attribution
# section, which also lists the inputs, comes last).
from .lifelines import lifelines_section  # noqa: E402 (its own module; it builds on the helpers above)
from .community import community_section  # noqa: E402 (its module builds on the model above)

SECTIONS = (coverage_section, overloaded_section, uncovered_section, exposure_section, risk_list_section,
            lifelines_section, community_section, census_section, methods_section)


def build_report(inputs, title, language, run_details, given, feedback=None):
    """The whole report for ``inputs`` (call inside report.language.report_language)."""
    attribution = attribution_texts(inputs)
    sections = []
    for n, builder in enumerate(SECTIONS):
        if feedback is not None:
            if feedback.isCanceled():
                return None
            feedback.setProgress(5 + 25.0 * n / len(SECTIONS))
        sections.append(builder(inputs))
    sections.append(attribution_section(inputs, attribution, given))
    for n, section in enumerate(sections, start=1):
        section.heading = '{} {}'.format(n, section.heading)
    subtitle = tr('Planning review of {}').format(run_details['database'])
    details = [(tr('Planning database'), run_details['database']), (tr('Date'), run_details['date']),
               (tr('Plugin version'), run_details['plugin_version']), (tr('QGIS version'), run_details['qgis_version'])]
    return Report(title, subtitle, details, sections, attribution, language)
