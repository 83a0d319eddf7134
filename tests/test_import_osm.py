"""resilience:import_osm on real extracts (central Helsinki, Rutland), checked against independent reads.

Counts, lengths and areas are recomputed here straight from the .osm.pbf with osgeo.ogr/osr and a
small tag reader of the test's own, not with the plugin's code.
"""
import hashlib
import re
from pathlib import Path

import pytest
from osgeo import ogr, osr
from qgis.core import QgsProcessingException

from conftest import run_algorithm
from resilience_plugin.core import osm_tags
from resilience_plugin.definitions import LAYERS_BY_NAME
from tools.qgis_env import RecordingFeedback

PAIR = re.compile(r'"((?:[^"\\]|\\.)*)"=>"((?:[^"\\]|\\.)*)"')
ROAD_SKIPS_SEEN = {'platform'}  # the only highway=* values of the Helsinki extract the import leaves out


# Independent readers --------------------------------------------------------------------------------

def pbf_objects(path, layer_name, where=None):
    """(osm type, id, tags, ogr geometry) of a layer of the .osm.pbf, tags read without the plugin.

    ``where`` is an OGR attribute filter that only saves time; tags are still checked by the caller.
    """
    ds = ogr.Open(path)
    layer = ds.GetLayerByName(layer_name)
    layer.SetAttributeFilter(where)
    skip = {'osm_id', 'osm_way_id', 'other_tags', 'z_order'}
    for feature in layer:
        tags = {key: str(value) for key, value in feature.items().items() if value is not None and key not in skip}
        for key, value in PAIR.findall(feature.GetField('other_tags') or ''):
            tags[key.replace('\\"', '"')] = value.replace('\\"', '"')
        if layer_name == 'multipolygons':
            osm_type = 'way' if feature.GetField('osm_way_id') else 'relation'
            osm_id = feature.GetField('osm_way_id') or feature.GetField('osm_id')
        else:
            osm_type, osm_id = ('node' if layer_name == 'points' else 'way'), feature.GetField('osm_id')
        geometry = feature.GetGeometryRef()
        yield osm_type, osm_id, tags, geometry.Clone() if geometry else None


def transform_to(epsg):
    source, target = osr.SpatialReference(), osr.SpatialReference()
    source.ImportFromEPSG(4326)
    target.ImportFromEPSG(epsg)
    for srs in (source, target):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return osr.CoordinateTransformation(source, target)


def rows(db, layer, where='1'):
    """Attribute dicts and ogr geometries of a database layer."""
    ds = ogr.Open(db)
    result = ds.ExecuteSQL('SELECT * FROM "{}" WHERE {}'.format(layer, where))
    found = [(feature.items(), feature.GetGeometryRef().Clone()) for feature in result]
    ds.ReleaseResultSet(result)
    return found


def layer_epsg(db, layer):
    ds = ogr.Open(db)  # kept in a variable: the layer dies with its dataset
    return int(ds.GetLayerByName(layer).GetSpatialRef().GetAuthorityCode(None))


def sha256(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def logged_refs(feedback, pattern):
    """OSM references listed in the messages that contain ``pattern``."""
    return {ref for text in feedback.warnings + feedback.infos if pattern in text
            for ref in re.findall(r'osm:(?:node|way|relation)/\d+', text)}


def new_database(folder, epsg):
    path = str(folder / 'planning.gpkg')
    run_algorithm('resilience:create_planning_database', {'OUTPUT': path, 'CRS': 'EPSG:{}'.format(epsg)})
    return path


TARGETS = ('road_network', 'lifelines', 'lifeline_nodes', 'facilities', 'shelters', 'shelter_candidates',
           'risk_sources', 'risk_source_areas', 'buildings')


@pytest.fixture(scope='module')
def helsinki(tmp_path_factory, helsinki_pbf):
    db = new_database(tmp_path_factory.mktemp('osm_helsinki'), 3067)
    result, feedback = run_algorithm('resilience:import_osm', {'INPUT': helsinki_pbf, 'DATABASE': db})
    return db, result, feedback


@pytest.fixture(scope='module')
def rutland(tmp_path_factory, rutland_pbf):
    db = new_database(tmp_path_factory.mktemp('osm_rutland'), 27700)
    result, feedback = run_algorithm('resilience:import_osm', {'INPUT': rutland_pbf, 'DATABASE': db})
    return db, result, feedback


def test_helsinki_roads_match_the_highway_ways_of_the_file(helsinki, helsinki_pbf):
    db, result, feedback = helsinki
    highways = [(osm_id, tags, geometry) for _, osm_id, tags, geometry in pbf_objects(helsinki_pbf, 'lines')
                if 'highway' in tags]
    assert len(highways) == 2504  # data README
    left_out = {tags['highway'] for _, tags, _ in highways if tags['highway'] in osm_tags.SKIPPED_HIGHWAYS}
    assert left_out == ROAD_SKIPS_SEEN
    kept = [(osm_id, geometry) for osm_id, tags, geometry in highways
            if tags['highway'] not in osm_tags.SKIPPED_HIGHWAYS]
    assert not [text for text in feedback.warnings if text.startswith('road_network:')]
    assert result['ROAD_NETWORK_COUNT'] == len(kept) == 2472
    written = rows(db, 'road_network')
    assert len(written) == len(kept)
    assert {values['source_ref'] for values, _ in written} == {'osm:way/{}'.format(i) for i, _ in kept}

    to_3067 = transform_to(3067)
    expected = 0.0
    for _, geometry in kept:
        geometry.Transform(to_3067)
        expected += geometry.Length()
    total = sum(geometry.Length() for _, geometry in written)
    assert total == pytest.approx(expected, rel=0.005)
    assert 50_000 < total < 200_000  # metres of ways in a 1.0 x 1.7 km city centre


def test_helsinki_rows_are_valid_unique_and_in_the_database_crs(helsinki):
    db, result, _ = helsinki
    expected_types = {'LineString': 'LINESTRING', 'Point': 'POINT', 'MultiPolygon': 'MULTIPOLYGON'}
    for layer in TARGETS:
        assert layer_epsg(db, layer) == 3067
        written = rows(db, layer)
        assert len(written) == result['{}_COUNT'.format(layer.upper())]
        ids = [values['asset_id'] for values, _ in written]
        assert len(ids) == len(set(ids))
        for values, geometry in written:
            assert geometry.IsValid() and not geometry.IsEmpty(), values['source_ref']
            assert geometry.GetGeometryName() == expected_types[LAYERS_BY_NAME[layer].geometry]
            assert values['data_source'] == 'osm' and values['source_ref'].startswith('osm:')
            assert 370_000 < geometry.Centroid().GetX() < 400_000  # EPSG:3067 eastings of Helsinki
            assert 6_660_000 < geometry.Centroid().GetY() < 6_690_000


def test_helsinki_fire_station_shelter_and_hydrants(helsinki, helsinki_pbf):
    db, result, _ = helsinki
    stations = rows(db, 'facilities', "facility_kind = 'fire_station'")
    assert [values['name'] for values, _ in stations] == ['Erottajan paloasema']
    assert result['FACILITIES_COUNT'] == 1
    outline = next(g for t, i, tags, g in pbf_objects(helsinki_pbf, 'multipolygons') if i == '167018')
    outline.Transform(transform_to(3067))
    assert outline.Contains(stations[0][1])  # the point on the surface of the station's outline

    shelters = rows(db, 'shelters')
    assert [values['source_ref'] for values, _ in shelters] == ['osm:way/28888848']  # the bomb shelter
    shelter = next(g for t, i, tags, g in pbf_objects(helsinki_pbf, 'multipolygons') if i == '28888848')
    shelter.Transform(transform_to(3067))
    assert shelters[0][0]['effective_area_m2'] == pytest.approx(shelter.GetArea(), rel=0.005)

    hydrants = [i for _, i, tags, _ in pbf_objects(helsinki_pbf, 'points') if tags.get('emergency') == 'fire_hydrant']
    written = rows(db, 'lifeline_nodes', "node_kind = 'hydrant'")
    assert len(written) == len(hydrants) == 37
    assert {values['network'] for values, _ in written} == {'water_supply'}


def test_helsinki_bad_geometries_are_repaired_or_skipped_and_named(helsinki, helsinki_pbf):
    db, result, feedback = helsinki
    repaired = logged_refs(feedback, 'repaired with makeValid')
    skipped = logged_refs(feedback, 'skipped for an unusable geometry')
    assert len(repaired) == result['REPAIRED_COUNT'] > 0
    assert len(skipped) <= result['SKIPPED_COUNT']
    invalid = {'osm:{}/{}'.format(t, i) for t, i, _, g in pbf_objects(helsinki_pbf, 'multipolygons')
               if g is None or not g.IsValid()}
    invalid |= {'osm:way/{}'.format(i) for _, i, _, g in pbf_objects(helsinki_pbf, 'lines') if not g.IsValid()}
    assert repaired <= invalid  # only invalid geometries were touched
    buildings = {'osm:{}/{}'.format(t, i) for t, i, tags, _ in pbf_objects(helsinki_pbf, 'multipolygons')
                 if tags.get('building', 'no') != 'no'}
    assert len(buildings) == 494  # data README
    skipped_buildings = logged_refs(feedback, 'buildings: ')
    assert skipped_buildings <= invalid
    assert result['BUILDINGS_COUNT'] == len(buildings) - len(skipped_buildings)
    assert {values['source_ref'] for values, _ in rows(db, 'buildings')} == buildings - skipped_buildings
    assert any('Non closed ring' in text for text in feedback.warnings)  # GDAL's warnings are passed on


def test_second_import_adds_nothing(tmp_path, helsinki, helsinki_pbf):
    db, first, _ = helsinki
    copy = tmp_path / 'again.gpkg'
    copy.write_bytes(Path(db).read_bytes())
    result, _ = run_algorithm('resilience:import_osm', {'INPUT': helsinki_pbf, 'DATABASE': str(copy)})
    assert all(result['{}_COUNT'.format(layer.upper())] == 0 for layer in TARGETS)
    assert result['ALREADY_PRESENT_COUNT'] == sum(first['{}_COUNT'.format(layer.upper())] for layer in TARGETS)


class CancelAfter(RecordingFeedback):
    """Feedback that asks to cancel once progress passes ``percent``."""

    def __init__(self, percent):
        super().__init__()
        self.percent = percent

    def setProgress(self, progress):  # noqa: N802
        super().setProgress(progress)
        if progress >= self.percent:
            self.cancel()


def test_cancel_leaves_the_database_byte_identical(tmp_path, helsinki_pbf):
    db = new_database(tmp_path, 3067)
    before = sha256(db)
    feedback = CancelAfter(30)
    with pytest.raises(QgsProcessingException, match='Cancelled; no output was written'):
        run_algorithm('resilience:import_osm', {'INPUT': helsinki_pbf, 'DATABASE': db}, feedback)
    assert feedback.isCanceled()
    assert sha256(db) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ['planning.gpkg']  # no temporary file left


def test_a_file_that_is_not_a_planning_database_is_refused_untouched(tmp_path, helsinki_pbf):
    other = str(tmp_path / 'other.gpkg')
    ds = ogr.GetDriverByName('GPKG').CreateDataSource(other)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(3067)
    ds.CreateLayer('roads', srs, ogr.wkbLineString)
    ds = None
    before = sha256(other)
    with pytest.raises(QgsProcessingException, match='not a planning database'):
        run_algorithm('resilience:import_osm', {'INPUT': helsinki_pbf, 'DATABASE': other})
    assert sha256(other) == before


# Rutland -----------------------------------------------------------------------------------------------

def test_rutland_completes_and_names_what_it_repaired_or_left_out(rutland, rutland_pbf):
    db, result, feedback = rutland
    assert result['ROAD_NETWORK_COUNT'] > 6000
    invalid = {'osm:{}/{}'.format(t, i) for t, i, _, g in pbf_objects(rutland_pbf, 'multipolygons')
               if not g.IsValid()}
    assert invalid == {'osm:relation/6034079'}  # Oakham School grounds, a self-intersecting multipolygon
    assert logged_refs(feedback, 'repaired with makeValid') == invalid and result['REPAIRED_COUNT'] == 1
    incomplete = logged_refs(feedback, 'GDAL left out')
    assert len(incomplete) > 10  # relations cut at the county edge, named instead of silently missing
    for layer in TARGETS:
        assert layer_epsg(db, layer) == 27700
        assert all(geometry.IsValid() for _, geometry in rows(db, layer))


def test_rutland_facilities_fuel_stations_and_power_lines(rutland, rutland_pbf):
    db, _, feedback = rutland
    names = {values['name'] for values, _ in rows(db, 'facilities', "facility_kind = 'fire_station'")}
    assert names == {'Uppingham Fire Station', 'Oakham Fire & Rescue Station'}
    hospitals = rows(db, 'facilities', "facility_kind = 'hospital'")
    assert [values['name'] for values, _ in hospitals] == ['Rutland Memorial Hospital']

    filters = {'points': "other_tags LIKE '%fuel%'", 'multipolygons': "amenity = 'fuel'"}
    fuel = {'osm:{}/{}'.format(t, i) for name, where in filters.items()
            for t, i, tags, _ in pbf_objects(rutland_pbf, name, where) if tags.get('amenity') == 'fuel'}
    written = rows(db, 'risk_sources', "kind = 'fuel_station'") + rows(db, 'risk_source_areas',
                                                                        "kind = 'fuel_station'")
    assert {values['source_ref'] for values, _ in written} == fuel and len(fuel) == 11
    assert {values['risk_grade'] for values, _ in written} == {'general'}
    assert any('default risk grade' in text for text in feedback.warnings)

    power = {i: tags for _, i, tags, _ in pbf_objects(rutland_pbf, 'lines', "other_tags LIKE '%power%'")
             if tags.get('power') in ('line', 'minor_line', 'cable')}
    lines = rows(db, 'lifelines', "network = 'power'")
    assert len(lines) == len(power) > 50
    for values, _ in lines:
        volts = [float(v) for v in power[values['source_ref'].split('/')[1]].get('voltage', '').split(';') if v]
        expected = max(volts) / 1000 if volts else None
        assert values['voltage_kv'] == expected
    assert max(values['voltage_kv'] or 0 for values, _ in lines) == 400.0
    assert {values['burial_type'] for values, _ in lines if values['subtype'] == 'line'} == {'overhead'}


# Any OGR source ----------------------------------------------------------------------------------------

def test_a_plain_vector_source_with_tag_columns(tmp_path):
    """Columns are tags; osm_id gives the identity; a multi-part way becomes one row per part."""
    source = str(tmp_path / 'export.gpkg')
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(3067)
    ds = ogr.GetDriverByName('GPKG').CreateDataSource(source)
    ways = ds.CreateLayer('ways', srs, ogr.wkbMultiLineString)
    for name in ('osm_id', 'highway', 'maxspeed'):
        ways.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    feature = ogr.Feature(ways.GetLayerDefn())
    feature.SetField('osm_id', '42')
    feature.SetField('highway', 'primary')
    feature.SetField('maxspeed', '40')
    feature.SetGeometry(ogr.CreateGeometryFromWkt(
        'MULTILINESTRING ((385000 6672000, 385100 6672000), (385200 6672000, 385200 6672300))'))
    ways.CreateFeature(feature)
    parks = ds.CreateLayer('parks', srs, ogr.wkbPolygon)
    parks.CreateField(ogr.FieldDefn('leisure', ogr.OFTString))
    feature = ogr.Feature(parks.GetLayerDefn())
    feature.SetField('leisure', 'park')
    feature.SetGeometry(ogr.CreateGeometryFromWkt(
        'POLYGON ((385000 6673000, 385100 6673000, 385100 6673050, 385000 6673050, 385000 6673000))'))
    parks.CreateFeature(feature)
    ds = None

    db = new_database(tmp_path, 3067)
    result, _ = run_algorithm('resilience:import_osm', {'INPUT': source, 'DATABASE': db})
    assert result['ROAD_NETWORK_COUNT'] == 2
    roads = sorted(rows(db, 'road_network'), key=lambda row: row[0]['asset_id'])
    assert [values['asset_id'] for values, _ in roads] == ['osm-way-42-1', 'osm-way-42-2']
    assert [geometry.Length() for _, geometry in roads] == [pytest.approx(100.0), pytest.approx(300.0)]
    assert {(values['road_class'], values['speed_kmh'], values['source_ref']) for values, _ in roads} == {
        ('arterial', 40.0, 'osm:way/42')}
    (park, geometry), = rows(db, 'shelter_candidates')
    assert (park['candidate_kind'], park['source_ref']) == ('park', 'parks:1')  # no OSM id: layer and fid
    assert park['effective_area_m2'] == pytest.approx(5000.0) == geometry.GetArea()
