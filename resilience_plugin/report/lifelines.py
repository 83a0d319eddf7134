"""The lifeline section of the planning report: the most critical assets, the largest isolation segments and the
disaster chain, read from the outputs of resilience:lifeline_criticality and resilience:disaster_chain."""
from collections import OrderedDict

from ..definitions import (FACILITY_KIND, LIFELINE_CAUSE, NETWORK_TYPE, NODE_KIND, SHELTER_CLASS,
                           SOURCE_ISOLATION_DEVICES, SOURCE_NETWORK_SOURCES, SOURCE_SEGMENT_HYDRANTS,
                           SOURCE_SEGMENT_LENGTH, SRC_BACKUP_HOSPITAL, SRC_BACKUP_PUMPS, SRC_NEAREST_FEED)
from ..translation import tr
from .content import Section, Table, capped, enum_label, num, rows_of, text

TOP_ROWS = 10
NAMES_SHOWN = 3


KIND_ENUMS = {'lifeline_nodes': NODE_KIND, 'facilities': FACILITY_KIND, 'shelters': SHELTER_CLASS}


def kind_label(layer, kind):
    """The label of an asset's kind (node kind, facility kind, shelter class); a line's subtype as it is."""
    enum = KIND_ENUMS.get(layer)
    return enum_label(enum, kind) if enum is not None else text(kind)


def short(value, limit=60):
    value = text(value)
    return value if len(value) <= limit else value[:limit - 1] + '\u2026'


def lifelines_section(inputs):
    section = Section('lifelines', tr('Lifeline systems'))
    segments = rows_of(getattr(inputs, 'lifeline_criticality', None))
    nodes = rows_of(getattr(inputs, 'lifeline_nodes', None))
    chain = rows_of(getattr(inputs, 'disaster_chain', None))
    if not segments and not chain and not nodes:
        section.p(tr('Not part of this review: no lifeline criticality or disaster chain layer was given.'))
        return section
    if segments:
        large = [r for r in segments if r.get('too_large')]
        networks = sorted({r.get('network') for r in segments if r.get('network')})
        section.p(tr('N-1 scan: {} isolation segments in {} networks ({}) failed one at a time; {} are too large (too '
                     'few isolation devices).').format(len(segments), len(networks), ', '.join(
                         enum_label(NETWORK_TYPE, n) for n in networks), len(large)))
        top = sorted(segments, key=lambda r: r.get('rank') or 0)[:TOP_ROWS]
        section.table(Table(
            [tr('Rank'), tr('Network'), tr('Lines in the segment'), tr('Length lost (m)'),
             tr('People without service'), tr('Facilities without service')],
            [[text(r.get('rank')), enum_label(NETWORK_TYPE, r.get('network')), short(r.get('pipe_ids')),
              num(r.get('lost_length_m')), num(r.get('population_any')),
              short(r.get('facility_names') or '-') if r.get('facilities') else '0'] for r in top],
            numeric=(0, 3, 4), caption=tr('Most critical isolation segments')))
        biggest = sorted(segments, key=lambda r: -(r.get('length_m') or 0))[:TOP_ROWS]
        section.table(Table(
            [tr('Network'), tr('Lines in the segment'), tr('Length (m)'), tr('Isolation devices'), tr('Hydrants'),
             tr('Too large')],
            [[enum_label(NETWORK_TYPE, r.get('network')), short(r.get('pipe_ids')), num(r.get('length_m')),
              num(r.get('devices')), num(r.get('hydrants')), tr('yes') if r.get('too_large') else tr('no')]
             for r in biggest],
            numeric=(2, 3, 4), caption=tr('Largest isolation segments')))
    if nodes:
        top = sorted(nodes, key=lambda r: r.get('rank') or 0)[:TOP_ROWS]
        section.table(Table(
            [tr('Rank'), tr('Asset'), tr('Kind'), tr('Length lost (m)'), tr('People without service'),
             tr('Facilities without service')],
            [[text(r.get('rank')), short(r.get('name') or r.get('asset_id'), 40),
              kind_label('lifeline_nodes', r.get('kind')), num(r.get('lost_length_m')), num(r.get('population_any')),
              num(r.get('facilities'))] for r in top],
            numeric=(0, 3, 4, 5), caption=tr('Most critical stations and nodes')))
    if chain:
        chain_table(section, chain)
    section.p(tr('Method: the networks are split into isolation segments by their valves and switches; a failed '
                 'asset is isolated by closing the devices around its segment, and what is no longer connected to a '
                 'source (pump stations, substations, regulator stations) loses supply. Assets depending on a lost '
                 'asset (a pump on its substation, a hospital on its main) fail after their backup time and the chain '
                 'continues. Supply is connectivity, not pressure: a connected part may still have too little '
                 'pressure (docs/lifelines.md).'))
    sources = [SOURCE_NETWORK_SOURCES, SOURCE_ISOLATION_DEVICES, SOURCE_SEGMENT_HYDRANTS, SOURCE_SEGMENT_LENGTH,
               SRC_NEAREST_FEED, SRC_BACKUP_PUMPS, SRC_BACKUP_HOSPITAL]
    section.table(Table([tr('Standard or source'), tr('Evidence'), tr('Where')],
                        [[s.citation, s.evidence, s.url or '-'] for s in sources],
                        caption=tr('Sources of the lifeline analysis')))
    return section


def chain_table(section, rows):
    """The chain grouped by step: what fails at each step, through what, and when."""
    steps = OrderedDict()
    for r in sorted(rows, key=lambda r: (r.get('step') or 0, r.get('time_h') or 0.0)):
        key = (r.get('step') or 0, r.get('cause'), r.get('layer'), r.get('kind'))
        steps.setdefault(key, []).append(r)
    failed = sum(1 for r in rows if r.get('cause') == 'failed')
    last = max((r.get('step') or 0) for r in rows)
    section.p(tr('Disaster chain: the hazard makes {} assets fail; the chain reaches step {} and affects {} assets in '
                 'all.').format(failed, last, len(rows)))
    body = []
    for (step, cause, layer, kind), group in steps.items():
        names = [short(r.get('name') or r.get('asset_id'), 30) for r in group]
        via = sorted({short(r.get('via_name') or r.get('via'), 30) for r in group if r.get('via')})
        times = sorted({r.get('time_h') or 0.0 for r in group})
        body.append([text(step), enum_label(LIFELINE_CAUSE, cause), '{} {}'.format(num(len(group)),
                                                                                    kind_label(layer, kind)),
                     ', '.join(names[:NAMES_SHOWN]) + (tr(' and {} more').format(len(names) - NAMES_SHOWN)
                                                        if len(names) > NAMES_SHOWN else ''),
                     ', '.join(via[:NAMES_SHOWN]) or '-', ', '.join(num(t, 1) for t in times[:3])])
    body, note = capped(body)
    section.table(Table([tr('Step'), tr('What happened'), tr('Assets'), tr('Which'), tr('Through'), tr('Time (h)')],
                        body, numeric=(0, 5), caption=tr('Disaster chain, step by step'), note=note))
