"""core.risk on Rutland's fuel stations, industrial land, roads and buildings (OSM, tests/unit/data).

The spatial index (core.spatial_index: shapely 1.8 and 2 answer STRtree queries differently) is checked
against plain loops over every geometry with shapely's predicates: what lies in which zone, how long,
which share of an area.
"""
import numpy as np
import pytest
from shapely.ops import unary_union
from shapely.prepared import prep

from resilience_plugin.core import risk
from resilience_plugin.definitions import RISK_GRADE, RISK_GRADE_ORDER

from . import stack

# Industrial land as a significant risk (500 m in the default table), fuel stations as general ones (50 m).
GRADES = {'industrial': 'significant', 'fuel_station': 'general'}


def test_ranking_and_grade_order():
    assert list(risk.GRADE_RANK) == RISK_GRADE.codes()
    rows = [dict(grade_rank=2, people=10, shelters=0, facilities=0, lifeline_m=0),
            dict(grade_rank=4, people=0, shelters=0, facilities=0, lifeline_m=0),
            dict(grade_rank=2, people=50, shelters=0, facilities=0, lifeline_m=0)]
    assert risk.rank_rows(rows) == [3, 1, 2]


@pytest.fixture(scope='module')
def zones(rutland_layers):
    """[(grade, rank, polygon)] of the resolved zones and the buffers they came from."""
    geometries, fields = rutland_layers['risk_sources']
    table = risk.table_from_rows((kind, grade, value) for kind, grade, value, _ in risk.default_table_rows())
    by_grade, buffers = {}, []
    for geometry, kind in zip(geometries, fields['kind']):
        grade, _ = risk.normalise_grade(GRADES[kind], kind)
        distance, _ = risk.source_distance(kind, grade, table)
        zone = risk.buffer_source(geometry, distance)
        by_grade.setdefault(grade, []).append(zone)
        buffers.append(zone)
    resolved = risk.resolve_grades(by_grade)
    return [(grade, risk.GRADE_RANK[grade], resolved[grade]) for grade in RISK_GRADE_ORDER if grade in resolved], buffers


def test_zones_do_not_overlap_and_cover_every_buffer(zones):
    graded, buffers = zones
    assert [grade for grade, _, _ in graded] == ['significant', 'general']
    for i, (_, _, a) in enumerate(graded):
        for _, _, b in graded[i + 1:]:
            assert a.intersection(b).area < 1e-6
    assert sum(z.area for _, _, z in graded) == pytest.approx(unary_union(buffers).area, rel=1e-9)


def brute_force_lengths(lines, graded):
    """{grade: length of the lines inside the grade's zone}, one intersection per line and zone."""
    out = {}
    for grade, _, zone in graded:
        inside = prep(zone)
        out[grade] = sum(line.intersection(zone).length for line in lines if inside.intersects(line))
    return out


def test_roads_cut_at_zone_boundaries_match_plain_intersections(zones, rutland_layers):
    graded, _ = zones
    roads = rutland_layers['roads'][0]
    index = risk.ZoneIndex(graded)
    lengths = dict.fromkeys(RISK_GRADE_ORDER, 0.0)
    for line in roads:
        for grade, rank, piece in index.cut_line(line):
            assert rank == risk.GRADE_RANK[grade] and piece.length > 0
            lengths[grade] += piece.length
    expected = brute_force_lengths(roads, graded)
    assert expected['significant'] > 10000 and expected['general'] > 100  # real exposure, not an empty test
    for grade, value in expected.items():
        assert lengths[grade] == pytest.approx(value, rel=1e-9)


def test_buildings_site_and_area_shares_match_plain_intersections(zones, rutland_layers):
    graded, _ = zones
    buildings = rutland_layers['buildings'][0]
    index = risk.ZoneIndex(graded)
    hit = 0
    for building in buildings:
        shares = {grade: building.intersection(zone).area / building.area for grade, _, zone in graded}
        touched = [(rank, grade) for grade, rank, _ in graded if shares[grade] > 0]
        site = index.site(building)
        if not touched:
            assert site is None and index.area_shares(building) == {}
            continue
        hit += 1
        rank, grade = max(touched)
        assert site[0] == grade and site[1] == rank and site[2] == pytest.approx(shares[grade], rel=1e-9)
        got = index.area_shares(building)
        assert got == pytest.approx({g: s for g, s in shares.items() if s > 0}, rel=1e-9)
    assert hit > 50


def test_target_index_finds_what_intersects_each_zone(zones, rutland_layers):
    graded, _ = zones
    for name in ('buildings', 'roads'):
        geometries = rutland_layers[name][0]
        index = risk.TargetIndex(geometries)
        for _, _, zone in graded:
            inside = prep(zone)
            expected = [i for i, g in enumerate(geometries) if inside.intersects(g)]
            assert len(expected) > 0
            assert index.intersecting(zone) == expected
    assert risk.TargetIndex([]).intersecting(graded[0][2]) == []


@pytest.mark.current_stack
def test_target_index_agrees_with_shapely2_bulk_query(zones, rutland_layers):
    """shapely 2's own STRtree with an 'intersects' predicate (a reference only the current venv has)."""
    shapely = stack.require('shapely')
    assert int(shapely.__version__.split('.')[0]) >= 2
    graded, _ = zones
    buildings = rutland_layers['buildings'][0]
    tree = shapely.STRtree(buildings)
    index = risk.TargetIndex(buildings)
    for _, _, zone in graded:
        assert index.intersecting(zone) == np.sort(tree.query(zone, predicate='intersects')).tolist()
