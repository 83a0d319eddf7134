"""The community section of the planning-review report: evacuation plan, resilience index, emergency forces.

Every figure is a value the community algorithms wrote into their result layers (evacuation_plan OUTPUT_SUMMARY,
resilience_index OUTPUT, dispatch OUTPUT_COVERAGE); this module only selects, sorts and formats them.
"""
from ..definitions import RESILIENCE_DIMENSIONS, SRC_BRIC
from ..translation import tr
from .content import Chart, Section, Table, capped, not_given, num, rows_of, share, text


def community_section(inputs):
    section = Section('community', tr('Community resilience'))
    evacuation = rows_of(getattr(inputs, 'evacuation_summary', None))
    index = rows_of(getattr(inputs, 'resilience_index', None))
    forces = rows_of(getattr(inputs, 'force_coverage', None))
    if not (evacuation or index or forces):
        not_given(section, tr('community (evacuation plan, resilience index or force coverage)'))
        return section
    if evacuation:
        evacuation_paragraphs(section, evacuation[0])
    if index:
        index_table(section, index)
    if forces:
        force_table(section, forces)
    return section


def evacuation_paragraphs(section, r):
    section.p(tr('Evacuation plan: {} of {} people are placed in shelters within {} {}; {} find no place in the '
                 'shelters within their reach, {} have no shelter within the limit and {} reach only shelters whose '
                 'capacity is unknown. No shelter takes more people than its capacity.').format(
        num(r.get('placed')), num(r.get('population')), num(r.get('limit')), text(r.get('limit_unit')),
        num(r.get('unplaced_no_capacity')), num(r.get('unplaced_unreachable')), num(r.get('unplaced_unknown_capacity'))))
    section.p(tr('The plan has the least total person-distance possible: {} km, {} m per person placed. Sending '
                 'everyone to the nearest shelter instead ({} people) would take {} km, {} m per person, but overload {} '
                 'shelters by {} people in all. {} of {} shelters take people. Method: {}, solved in {} s.').format(
        num(r.get('person_distance_km'), 1), num(r.get('mean_distance_m')), num(r.get('nearest_people')),
        num(r.get('nearest_person_distance_km'), 1), num(r.get('nearest_mean_distance_m')),
        num(r.get('nearest_overloaded')), num(r.get('nearest_people_over_capacity')), num(r.get('shelters_used')),
        num(r.get('shelters')), tr(text(r.get('method'))), num(r.get('solve_s'), 3)))   # method: EVACUATION_METHOD


def index_table(section, rows):
    rows = sorted(rows, key=lambda r: (r.get('rank') is None, r.get('rank') or 0))
    dims = [d for d in RESILIENCE_DIMENSIONS if any(r.get('dim_' + d.code) is not None for r in rows)]
    headers = [tr('Rank'), tr('Community'), tr('Residents')] + [tr(d.label) for d in dims] + [
        tr('Index'), tr('Rank range'), tr('Rank kept')]
    body = []
    for r in rows:
        low, high = r.get('rank_min'), r.get('rank_max')
        body.append([text(r.get('rank')), text(r.get('community')), num(r.get('residents'))] +
                    [num(r.get('dim_' + d.code), 2) for d in dims] +
                    [num(r.get('resilience_index'), 3), '{}-{}'.format(text(low), text(high)),
                     share(r.get('rank_stability'))])
    body, note = capped(body)
    section.table(Table(headers, body, numeric=tuple(range(2, len(headers))),
                        caption=tr('Resilience index per community (dimension scores 0-1; rank 1 is the most '
                                   'resilient; rank range and the share of weight draws keeping the rank)'),
                        note=note))
    section.blocks.append(Chart('resilience_index', tr('Resilience index per community (0-1)'),
                                [text(r.get('community')) for r in rows],
                                [(tr('Index'), '#1a9641', [r.get('resilience_index') or 0 for r in rows])],
                                value_format='{:.2f}'))
    section.p(tr('Indicators are scaled 0-1 over the communities, averaged with their weights within each dimension, '
                 'and the dimensions averaged into the index; the sensitivity check moves the dimension weights at '
                 'random. Method after {}.').format(SRC_BRIC.describe()))


def force_table(section, rows):
    body = [[text(r.get('community')), num(r.get('population')), share(r.get('share_covered')),
             num(r.get('first_arrival_min'), 1), num(r.get('worst_first_arrival_min'), 1),
             num(r.get('personnel_within')), num(r.get('forces_within'))] for r in rows]
    body, note = capped(body)
    limit = rows[0].get('limit_min')
    section.table(Table([tr('Community'), tr('Residents'), tr('Reached by a force'), tr('First arrival (min)'),
                         tr('Latest first arrival (min)'), tr('Personnel within reach'), tr('Forces within reach')],
                        body, numeric=(1, 2, 3, 4, 5, 6),
                        caption=tr('Emergency forces reaching each community within {} min').format(num(limit)),
                        note=note))
