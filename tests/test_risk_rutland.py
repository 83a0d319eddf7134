"""Risk overlay on real data: Rutland's fuel stations as risk sources, power lines and roads as lifelines."""
import pandas as pd
import pytest
from qgis.core import QgsGeometry, QgsVectorLayer

from risk_helpers import features_of

LAYERS = ('risk_sources', 'lifelines', 'road_network', 'buildings', 'facilities')


@pytest.fixture(scope='module')
def rutland_db(tmp_path_factory, rutland_pbf):
    from conftest import run_algorithm
    path = str(tmp_path_factory.mktemp('rutland_risk') / 'rutland.gpkg')
    run_algorithm('resilience:create_planning_database', {'OUTPUT': path, 'CRS': 'EPSG:27700'})
    run_algorithm('resilience:import_osm', {'INPUT': rutland_pbf, 'DATABASE': path})
    return path


def layer(path, name):
    result = QgsVectorLayer('{}|layername={}'.format(path, name), name, 'ogr')
    assert result.isValid()
    return result


def union_of_buffers(sources, distance):
    """The zone union computed independently with QGIS geometry (not shapely)."""
    return QgsGeometry.unaryUnion([f.geometry().buffer(distance, 32) for f in sources.getFeatures()])


def test_fuel_station_zones_and_exposed_roads(run, rutland_db, tmp_path):
    sources = layer(rutland_db, 'risk_sources')
    assert sources.featureCount() > 0
    assert {f['kind'] for f in sources.getFeatures()} == {'fuel_station'}
    zones_path = str(tmp_path / 'zones.gpkg')
    run('resilience:risk_influence_zones', {'RISK_SOURCES': sources, 'OUTPUT': zones_path})
    zones = features_of(zones_path)
    assert [z['risk_grade'] for z in zones] == ['general']  # OSM fuel stations: general grade, 50 m
    expected = union_of_buffers(sources, 50.0)
    assert zones[0].geometry().area() == pytest.approx(expected.area(), rel=1e-6)

    targets = [layer(rutland_db, n) for n in ('lifelines', 'road_network', 'buildings', 'facilities')]
    out, summary = str(tmp_path / 'exposed.gpkg'), str(tmp_path / 'summary.gpkg')
    run('resilience:exposure', {'ZONES': zones_path, 'TARGETS': targets, 'OUTPUT': out, 'OUTPUT_SUMMARY': summary})
    roads = layer(rutland_db, 'road_network')
    by_hand = sum(f.geometry().intersection(expected).length() for f in roads.getFeatures())
    exposed = sum(f['exposed_length_m'] for f in features_of(out) if f['layer'] == 'road_network')
    assert by_hand > 0 and exposed == pytest.approx(by_hand, rel=1e-4)
    rows = features_of(summary)
    buildings_by_hand = sum(1 for f in layer(rutland_db, 'buildings').getFeatures()
                            if f.geometry().intersects(expected))
    assert sum(r['count'] for r in rows if r['layer'] == 'buildings') == buildings_by_hand


def test_exposure_counts_features_not_pieces_like_native_intersection(run, rutland_db, tmp_path):
    """The summary's count of a line layer is the number of its features in each class: QGIS's
    native:intersection of the roads with the zones, counting distinct feature ids, gives the same."""
    sources = layer(rutland_db, 'risk_sources')
    zones = str(tmp_path / 'zones.gpkg')
    # 300 m zones: roads wind in and out of them, so many are cut into several pieces.
    run('resilience:risk_influence_zones', {'RISK_SOURCES': sources, 'OUTPUT': zones,
                                            'DISTANCE_TABLE': ['fuel_station', 'general', 300]})
    roads = layer(rutland_db, 'road_network')
    summary = str(tmp_path / 'summary.gpkg')
    result, _ = run('resilience:exposure', {'ZONES': zones, 'TARGETS': [roads], 'OUTPUT': 'memory:',
                                            'OUTPUT_SUMMARY': summary})
    native, _ = run('native:intersection', {'INPUT': roads, 'OVERLAY': zones, 'INPUT_FIELDS': ['fid'],
                                            'OVERLAY_FIELDS': ['risk_grade'], 'OUTPUT': 'memory:'})
    pieces = [f for f in native['OUTPUT'].getFeatures() if f.geometry().length() > 0]
    ids = {f['fid'] for f in pieces}
    parts = sum(len(f.geometry().asGeometryCollection()) for f in pieces)
    assert parts > len(ids)  # the case the count is about: roads cut into several pieces
    rows = {r['hazard_class']: r for r in features_of(summary) if r['layer'] == 'road_network'}
    assert set(rows) == {'general'}
    assert rows['general']['count'] == len(ids)
    assert rows['general']['exposed_length_m'] == pytest.approx(sum(f.geometry().length() for f in pieces),
                                                                rel=1e-6)
    segments = list(result['OUTPUT'].getFeatures())
    assert len(segments) == len(ids) and {f['feature_id'] for f in segments} == ids


def test_rutland_risk_list(run, rutland_db, tmp_path):
    sources = layer(rutland_db, 'risk_sources')
    targets = [layer(rutland_db, n) for n in ('lifelines', 'road_network', 'buildings', 'facilities')]
    xlsx = str(tmp_path / 'risk_list.xlsx')
    result, _ = run('resilience:risk_list', {'RISK_SOURCES': rutland_db + '|layername=risk_sources',
                                             'TARGETS': targets, 'OUTPUT': 'memory:', 'OUTPUT_TABLE': xlsx})
    table = pd.read_excel(xlsx)
    # The layer's name (the GeoPackage table), not the file's (rutland).
    assert set(table['source_layer']) == {'risk_sources'}
    assert len(table) == sources.featureCount()
    assert sorted(table['rank']) == list(range(1, len(table) + 1))
    # Each station's building count, computed independently.
    buildings = list(layer(rutland_db, 'buildings').getFeatures())
    for feature in sources.getFeatures():
        zone = feature.geometry().buffer(50.0, 32)
        count = sum(1 for b in buildings if b.geometry().intersects(zone))
        assert table.set_index('feature_id').loc[feature.id(), 'buildings'] == count
    assert table['len_road_m'].sum() > 0
    assert table['lat'].between(52.5, 52.8).all() and table['lon'].between(-0.9, -0.4).all()
