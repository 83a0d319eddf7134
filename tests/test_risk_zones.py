"""resilience:risk_influence_zones and resilience:exposure with vector zones: hand-checkable geometry."""
import math

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

from risk_helpers import chord, features_of, lens_area, memory_layer, polygon_circle_area
from resilience_plugin.definitions import RISK_DISTANCE_TABLE

CRS = 'EPSG:32650'
SOURCE_FIELDS = ['kind:string', 'risk_grade:string', 'safety_distance_m:double']


def zones_by_grade(path):
    return {f['risk_grade']: f for f in features_of(path)}


def test_overlap_goes_to_the_higher_grade_and_areas_add_up(run, tmp_path):
    r, d = 100.0, 150.0
    sources = memory_layer('Point', CRS, SOURCE_FIELDS, [
        ('POINT(0 0)', ['major_hazard', 'major', r]),
        ('POINT({} 0)'.format(d), ['hazardous_chemical', 'general', r]),
    ])
    out = str(tmp_path / 'zones.gpkg')
    run('resilience:risk_influence_zones', {'RISK_SOURCES': sources, 'DISTANCE_FIELD': 'safety_distance_m',
                                            'OUTPUT': out})
    zones = zones_by_grade(out)
    assert set(zones) == {'major', 'general'}
    circle = polygon_circle_area(r)
    major, general = zones['major'].geometry(), zones['general'].geometry()
    assert major.area() == pytest.approx(circle, rel=1e-9)          # the red circle is whole
    assert general.area() == pytest.approx(circle - lens_area(r, d), rel=2e-3)  # yellow loses the lens
    assert major.intersection(general).area() == pytest.approx(0.0, abs=1e-3)
    # Areas add up to the union of the two circles.
    assert major.area() + general.area() == pytest.approx(2 * circle - lens_area(r, d), rel=1e-3)
    assert zones['major']['area_m2'] == pytest.approx(major.area())
    assert zones['major']['grade_rank'] > zones['general']['grade_rank']


def test_distances_from_the_table_default_grade_reported(run, tmp_path):
    sources = memory_layer('Point', CRS, SOURCE_FIELDS, [
        ('POINT(0 0)', ['fuel_station', None, None]),        # no grade: default of its kind, reported
        ('POINT(5000 0)', ['lpg_station', 'significant', None]),
        ('POINT(9000 0)', ['other', 'nonsense', None]),     # unknown grade: default too
    ])
    out = str(tmp_path / 'zones.gpkg')
    _, feedback = run('resilience:risk_influence_zones', {'RISK_SOURCES': sources,
                                                          'DISTANCE_FIELD': 'safety_distance_m', 'OUTPUT': out})
    zones = zones_by_grade(out)
    fuel_radius = RISK_DISTANCE_TABLE['fuel_station']['general'][0]
    lpg_radius = RISK_DISTANCE_TABLE['lpg_station']['significant'][0]
    other_radius = RISK_DISTANCE_TABLE['other']['general'][0]
    assert zones['significant'].geometry().area() == pytest.approx(polygon_circle_area(lpg_radius), rel=1e-9)
    assert zones['general'].geometry().area() == pytest.approx(
        polygon_circle_area(fuel_radius) + polygon_circle_area(other_radius), rel=1e-9)
    warning = ' '.join(feedback.warnings)
    assert '2 risk sources had no valid risk grade' in warning and 'feature ids 1, 3' in warning


def test_edited_distance_table_and_polygon_sources(run, tmp_path):
    # A square site of 100 m buffered by 10 m: 100^2 + 4*100*10 + pi*10^2 (polygonal corners).
    sources = memory_layer('Polygon', CRS, SOURCE_FIELDS, [
        ('POLYGON((0 0, 100 0, 100 100, 0 100, 0 0))', ['industrial', 'low', None])])
    out = str(tmp_path / 'zones.gpkg')
    run('resilience:risk_influence_zones', {'RISK_SOURCES': sources, 'DISTANCE_TABLE': ['industrial', 'low', 10],
                                            'OUTPUT': out})
    area = zones_by_grade(out)['low'].geometry().area()
    assert area == pytest.approx(100 * 100 + 4 * 100 * 10 + polygon_circle_area(10), rel=1e-9)


def test_sources_in_degrees_are_buffered_in_metres(run, tmp_path):
    sources = memory_layer('Point', 'EPSG:4326', SOURCE_FIELDS, [('POINT(114.3 30.6)', ['other', 'low', 200])])
    out = str(tmp_path / 'zones.gpkg')
    _, feedback = run('resilience:risk_influence_zones', {'RISK_SOURCES': sources,
                                                          'DISTANCE_FIELD': 'safety_distance_m', 'OUTPUT': out})
    layer = QgsVectorLayer(out, 'z', 'ogr')
    assert layer.crs().authid() == 'EPSG:32650'
    assert next(layer.getFeatures()).geometry().area() == pytest.approx(polygon_circle_area(200), rel=1e-9)
    assert 'EPSG:32650' in feedback.text()


def test_empty_source_layer_gives_a_clear_message(run, tmp_path):
    sources = memory_layer('Point', CRS, SOURCE_FIELDS, [])
    out = str(tmp_path / 'zones.gpkg')
    _, feedback = run('resilience:risk_influence_zones', {'RISK_SOURCES': sources, 'OUTPUT': out})
    assert features_of(out) == []
    assert 'empty' in ' '.join(feedback.warnings)


# --- Exposure with vector zones ---------------------------------------------------------------------

def circle_zone(run, tmp_path, r=100.0, grade='major'):
    sources = memory_layer('Point', CRS, SOURCE_FIELDS, [('POINT(0 0)', ['major_hazard', grade, r])])
    out = str(tmp_path / 'circle.gpkg')
    run('resilience:risk_influence_zones', {'RISK_SOURCES': sources, 'DISTANCE_FIELD': 'safety_distance_m',
                                            'OUTPUT': out})
    return out


def test_pipeline_crossing_a_circular_zone_exposes_the_chord(run, tmp_path):
    zones = circle_zone(run, tmp_path)
    lines = memory_layer('LineString', CRS, ['network:string'], [
        ('LINESTRING(-300 60, 300 60)', ['gas']),             # chord at 60 m from the centre: 160 m
        ('LINESTRING(-300 0, -50 0, 0 -50, 300 -50)', ['power']),
        ('LINESTRING(-300 500, 300 500)', ['gas']),           # outside
    ], name='lifelines')
    out = str(tmp_path / 'exposed.gpkg')
    summary = str(tmp_path / 'summary.gpkg')
    run('resilience:exposure', {'ZONES': zones, 'TARGETS': [lines], 'OUTPUT': out, 'OUTPUT_SUMMARY': summary})
    pieces = features_of(out)
    gas = [f for f in pieces if f['network'] == 'gas']
    assert len(gas) == 1
    assert gas[0]['exposed_length_m'] == pytest.approx(chord(100, 60), abs=0.1)
    assert gas[0]['geometry'] if False else gas[0].geometry().length() == pytest.approx(160.0, abs=0.1)
    assert gas[0]['hazard_class'] == 'major' and gas[0]['risk_grade'] == 'major'
    # Power: enters at x=-100 on y=0, goes 50 m to (-50,0), then the diagonal to (0,-50), then y=-50 to the
    # circle edge at x=sqrt(100^2-50^2).
    power = sum(f['exposed_length_m'] for f in pieces if f['network'] == 'power')
    expected = 50 + math.hypot(50, 50) + math.sqrt(100 ** 2 - 50 ** 2)
    assert power == pytest.approx(expected, abs=0.2)
    rows = {(f['network'], f['hazard_class']): f for f in features_of(summary)}
    assert rows[('gas', 'major')]['exposed_length_m'] == pytest.approx(chord(100, 60), abs=0.1)
    assert rows[('power', 'major')]['exposed_length_m'] == pytest.approx(expected, abs=0.2)


def test_a_line_cut_in_three_by_a_zone_counts_once(run, tmp_path):
    """The summary counts features: a pipe crossing three squares of one grade is one exposed pipe."""
    zones = memory_layer('Polygon', CRS, ['risk_grade:string'], [
        ('POLYGON((0 0, 100 0, 100 100, 0 100, 0 0))', ['major']),
        ('POLYGON((200 0, 300 0, 300 100, 200 100, 200 0))', ['major']),
        ('POLYGON((400 0, 500 0, 500 100, 400 100, 400 0))', ['major']),
        ('POLYGON((600 0, 700 0, 700 100, 600 100, 600 0))', ['general']),
    ], name='zones')
    lines = memory_layer('LineString', CRS, ['network:string'], [
        ('LINESTRING(-50 50, 750 50)', ['water_supply']),   # 3 x 100 m in major, 100 m in general
        ('LINESTRING(-50 20, 150 20)', ['water_supply']),   # 100 m in major
        ('LINESTRING(250 -50, 250 50, 450 50, 450 -50)', ['gas']),  # 100 m in each of two squares
    ], name='lifelines')
    out, summary = str(tmp_path / 'lines.gpkg'), str(tmp_path / 'summary.gpkg')
    run('resilience:exposure', {'ZONES': zones, 'TARGETS': [lines], 'OUTPUT': out, 'OUTPUT_SUMMARY': summary})
    rows = {(f['network'], f['hazard_class']): f for f in features_of(summary)}
    assert {key: (f['count'], f['exposed_length_m']) for key, f in rows.items()} == {
        ('water_supply', 'major'): (2, pytest.approx(400.0)),
        ('water_supply', 'general'): (1, pytest.approx(100.0)),
        ('gas', 'major'): (1, pytest.approx(200.0)),
    }
    # One row per line and class; its geometry holds the pieces.
    segments = {(f['feature_id'], f['hazard_class']): f for f in features_of(out)}
    assert sorted(segments) == [(1, 'general'), (1, 'major'), (2, 'major'), (3, 'major')]
    first = segments[(1, 'major')]
    assert first['exposed_length_m'] == pytest.approx(300.0) and first['length_m'] == pytest.approx(800.0)
    assert len(first.geometry().asGeometryCollection()) == 3
    assert first.geometry().length() == pytest.approx(300.0)


def test_sites_population_and_invalid_zones(run, tmp_path):
    # Two square zones; the orange one overlaps the red one and a bow-tie (invalid) yellow zone.
    zones = memory_layer('Polygon', CRS, ['risk_grade:string'], [
        ('POLYGON((0 0, 100 0, 100 100, 0 100, 0 0))', ['major']),
        ('POLYGON((50 0, 200 0, 200 100, 50 100, 50 0))', ['significant']),
        ('POLYGON((300 0, 400 100, 400 0, 300 100, 300 0))', ['general']),  # bow-tie
    ], name='zones')
    shelters = memory_layer('Polygon', CRS, ['name:string', 'shelter_class:string'], [
        ('POLYGON((90 10, 110 10, 110 30, 90 30, 90 10))', ['straddles red and orange', 'emergency']),
        ('POLYGON((500 0, 510 0, 510 10, 500 10, 500 0))', ['outside', 'emergency']),
    ], name='shelters')
    facilities = memory_layer('Point', CRS, ['name:string', 'facility_kind:string'], [
        ('POINT(150 50)', ['fire station', 'fire_station']), ('POINT(600 50)', ['hospital', 'hospital'])],
        name='facilities')
    population = memory_layer('Polygon', CRS, ['population:double'], [
        ('POLYGON((-100 0, 100 0, 100 100, -100 100, -100 0))', [1000.0])], name='population')
    out, sites, summary = (str(tmp_path / n) for n in ('lines.gpkg', 'sites.gpkg', 'summary.gpkg'))
    _, feedback = run('resilience:exposure', {'ZONES': zones, 'TARGETS': [shelters, facilities, population],
                                              'OUTPUT': out, 'OUTPUT_SITES': sites, 'OUTPUT_SUMMARY': summary})
    assert 'repaired' in ' '.join(feedback.warnings) and 'feature ids 3' in ' '.join(feedback.warnings)
    by_name = {f['name']: f for f in features_of(sites) if f['name']}
    assert set(by_name) == {'straddles red and orange', 'fire station'}
    shelter = by_name['straddles red and orange']
    assert shelter['unusable'] and shelter['hazard_class'] == 'major'  # the higher grade it touches
    assert shelter['exposed_share'] == pytest.approx(1.0)
    assert by_name['fire station']['hazard_class'] == 'significant' and not by_name['fire station']['unusable']
    rows = [f for f in features_of(summary) if f['layer'] == 'population']
    people = {f['hazard_class']: f['population'] for f in rows}
    # Half of the population square lies in the red zone (0..100 of -100..100).
    assert people == {'major': pytest.approx(500.0)}


def test_exposure_needs_zones_or_hazard_and_reports_empty_layers(run, tmp_path):
    lines = memory_layer('LineString', CRS, ['network:string'], [], name='lifelines')
    zones = memory_layer('Polygon', CRS, ['risk_grade:string'], [], name='zones')
    with pytest.raises(QgsProcessingException):
        run('resilience:exposure', {'TARGETS': [lines], 'OUTPUT': 'memory:'})
    _, feedback = run('resilience:exposure', {'ZONES': zones, 'TARGETS': [lines], 'OUTPUT': 'memory:'})
    text = ' '.join(feedback.warnings)
    assert 'zone layer is empty' in text and 'lifelines is empty' in text
