"""Bad and odd input on real data (issue 9): a clear message naming the layer, feature or file, never a Python
traceback, never a silently wrong number.

The odd inputs are built here from the Helsinki and Rutland extracts: curved roads and sites, one-way fields
stored as text, multipoint facilities, demand without geometry, rasters without a CRS, a truncated .osm.pbf.
Every number checked is computed another way: QGIS's own algorithms (segmentize, service area), the same run
on an equivalent plain input, or geometry by hand.
"""
import hashlib
import math
import re

import numpy as np
import pytest
from osgeo import gdal, ogr, osr
from qgis.core import (QgsFeature, QgsFeatureRequest, QgsGeometry, QgsPointXY, QgsProcessingException,
                       QgsVectorLayer)

from conftest import DATA, run_algorithm
from risk_helpers import memory_layer, write_raster
from test_coverage_algorithms import assert_covered_lines_match_native, point_layer

from resilience_plugin.definitions import CURVE_SEGMENT_ANGLE_DEG

# Points in central Helsinki (EPSG:3067) near streets, and the part of the road network around them.
FACILITY_XY = [(385860.0, 6672080.0), (386180.0, 6672560.0)]
BOX = (384900.0, 6671000.0, 387100.0, 6673300.0)
LIMIT = 400.0


@pytest.fixture(scope='module')
def roads(tmp_path_factory, helsinki_pbf):
    """Helsinki roads around FACILITY_XY (whole lines, not cut) with their OSM other_tags."""
    path = str(tmp_path_factory.mktemp('bad_input') / 'roads.gpkg')
    gdal.VectorTranslate(path, helsinki_pbf, options='-t_srs EPSG:3067 -where "highway IS NOT NULL" -nln roads '
                         '-nlt LINESTRING -spat {} {} {} {} -spat_srs EPSG:3067 lines'.format(*BOX))
    return path + '|layername=roads'


def road_rows(roads):
    """[(fid, [(x, y), ...], oneway tag or None)] of the road layer."""
    layer = QgsVectorLayer(roads, 'roads', 'ogr')
    rows = []
    for f in layer.getFeatures():
        tags = f['other_tags'] if isinstance(f['other_tags'], str) else ''
        match = re.search(r'"oneway"=>"([^"]*)"', tags)
        rows.append((f.id(), [(p.x(), p.y()) for p in f.geometry().asPolyline()], match.group(1) if match else None))
    return rows


def fingerprint(path):
    with open(path, 'rb') as stream:
        return hashlib.sha256(stream.read()).hexdigest()


def facility_table(result):
    return {f['facility_id']: f for f in result['OUTPUT_FACILITIES'].getFeatures()}


# --- Curved geometries ------------------------------------------------------------------------------------------

def curved_wkt(points, bulge=0.05, min_length=20.0):
    """A CompoundCurve through every vertex of a real road: segments longer than ``min_length`` become circular
    arcs bulging by ``bulge`` of their length, shorter ones stay straight (the junctions stay where they were)."""
    parts, run = [], [points[0]]

    def flush():
        if len(run) > 1:
            parts.append('({})'.format(', '.join('{!r} {!r}'.format(x, y) for x, y in run)))

    for (ax, ay), (bx, by) in zip(points[:-1], points[1:]):
        length = math.hypot(bx - ax, by - ay)
        if length <= min_length:
            run.append((bx, by))
            continue
        flush()
        mx, my = (ax + bx) / 2 - (by - ay) * bulge, (ay + by) / 2 + (bx - ax) * bulge
        parts.append('CircularString({!r} {!r}, {!r} {!r}, {!r} {!r})'.format(ax, ay, mx, my, bx, by))
        run = [(bx, by)]
    flush()
    return 'CompoundCurve({})'.format(', '.join(parts))


@pytest.fixture(scope='module')
def curved_roads(roads, tmp_path_factory):
    """The Helsinki roads as CompoundCurves: a memory layer, the same in a GeoPackage, and QGIS's own linear copy
    (native:segmentizebymaxangle at the plugin's angle)."""
    rows = road_rows(roads)
    memory = memory_layer('CompoundCurve', 'EPSG:3067', ['road:integer'],
                          [(curved_wkt(points), [fid]) for fid, points, _ in rows], name='curved roads')
    path = str(tmp_path_factory.mktemp('curved') / 'curved.gpkg')
    ds = ogr.GetDriverByName('GPKG').CreateDataSource(path)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(3067)
    layer = ds.CreateLayer('curved', srs, ogr.wkbCompoundCurve)
    for f in memory.getFeatures():
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(ogr.CreateGeometryFromWkt(f.geometry().asWkt()))
        layer.CreateFeature(feature)
    ds = None
    segmentized, _ = run_algorithm('native:segmentizebymaxangle', {
        'INPUT': memory, 'ANGLE': CURVE_SEGMENT_ANGLE_DEG, 'OUTPUT': 'TEMPORARY_OUTPUT'})
    # QGIS leaves a CompoundCurve without arcs as it is: its vertices as a plain LineString
    linear = memory_layer('LineString', 'EPSG:3067', ['road:integer'], [
        (QgsGeometry.fromPolylineXY(f.geometry().asPolyline()).asWkt(17), [f['road']])
        for f in segmentized['OUTPUT'].getFeatures()], name='linear copy')
    return memory, path + '|layername=curved', linear, len(rows)


def test_curved_roads_are_read_as_their_linear_copy(curved_roads):
    memory, gpkg, linear, count = curved_roads
    assert sum('CircularString' in f.geometry().asWkt() for f in memory.getFeatures()) > count / 4
    assert all(f.geometry().wkbType() == 2 for f in linear.getFeatures())  # LineString
    fac = point_layer(FACILITY_XY)
    params = {'FACILITIES': fac, 'MAX_DISTANCE': LIMIT, 'SNAP_TOLERANCE': 0, 'OUTPUT_FACILITIES': 'TEMPORARY_OUTPUT'}
    plain, _ = run_algorithm('resilience:service_areas', dict(params, NETWORK=linear))
    expected = facility_table(plain)
    assert all(f['covered_m'] > 500 for f in expected.values())
    for network in (memory, gpkg):  # QGIS's reader and the plugin's fast OGR reader
        out, fb = run_algorithm('resilience:service_areas', dict(params, NETWORK=network))
        assert 'Network: {} lines'.format(count) in fb.text()  # no curved road dropped
        for fid, row in facility_table(out).items():
            assert row['covered_m'] == pytest.approx(expected[fid]['covered_m'], rel=1e-9)
            assert row['access_m'] == pytest.approx(expected[fid]['access_m'], rel=1e-9)
    # and the linear copy against QGIS's own service area, so the curved network's distances are QGIS's
    assert_covered_lines_match_native(linear, FACILITY_XY, [expected[fid]['access_m'] for fid in sorted(expected)],
                                      LIMIT, 'EPSG:3067', ours_roads=memory)


def test_curved_sites(roads):
    """A shelter drawn as a CurvePolygon (a circle) as a facility and as a risk source."""
    (x, y), r = FACILITY_XY[0], 40.0
    wkt = 'CurvePolygon(CircularString({} {}, {} {}, {} {}))'.format(x - r, y, x + r, y, x - r, y)
    curved = memory_layer('CurvePolygon', 'EPSG:3067', ['kind:string', 'risk_grade:string'],
                          [(wkt, ['fuel_station', 'general'])], name='curved site')
    linear = run_algorithm('native:segmentizebymaxangle', {'INPUT': curved, 'ANGLE': CURVE_SEGMENT_ANGLE_DEG,
                                                            'OUTPUT': 'TEMPORARY_OUTPUT'})[0]['OUTPUT']
    params = {'NETWORK': roads, 'MAX_DISTANCE': LIMIT, 'SNAP_TOLERANCE': 0, 'OUTPUT_FACILITIES': 'TEMPORARY_OUTPUT'}
    a = list(facility_table(run_algorithm('resilience:service_areas', dict(params, FACILITIES=curved))[0]).values())
    b = list(facility_table(run_algorithm('resilience:service_areas', dict(params, FACILITIES=linear))[0]).values())
    assert a[0]['covered_m'] > 500 and a[0]['covered_m'] == pytest.approx(b[0]['covered_m'], rel=1e-9)
    # its 50 m fuel-station zone: a circle of radius 90 m, by hand (the arc drawn in 1-degree segments, the
    # buffer in 32 segments a quarter: within 0.1 %)
    zones, _ = run_algorithm('resilience:risk_influence_zones', {'RISK_SOURCES': curved, 'OUTPUT': 'TEMPORARY_OUTPUT'})
    area = [f['area_m2'] for f in zones['OUTPUT'].getFeatures()]
    assert area == [pytest.approx(math.pi * 90.0 ** 2, rel=1e-3)]


# --- One-way stored as text -------------------------------------------------------------------------------------

@pytest.fixture(scope='module')
def oneway_roads(roads, tmp_path_factory):
    """Helsinki roads with their OSM one-way tag three ways, in a GeoPackage:

    - layer ``mixed``: ow_text (text: yes, YES, true, 1, -1, Reverse, no, False, NULL and three 'maybe') and
      ow_int (1, -1, 0): every fifth and sixth one-way road is drawn backwards and coded -1 / reverse;
    - layer ``reference``: the roads as drawn in OSM with ow_ref 1 (one-way), -1 (OSM's -1), 0.
    Returns (path, feature ids with 'maybe').
    """
    path = str(tmp_path_factory.mktemp('oneway') / 'oneway.gpkg')
    ds = ogr.GetDriverByName('GPKG').CreateDataSource(path)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(3067)
    mixed = ds.CreateLayer('mixed', srs, ogr.wkbLineString)
    mixed.CreateField(ogr.FieldDefn('ow_text', ogr.OFTString))
    mixed.CreateField(ogr.FieldDefn('ow_int', ogr.OFTInteger))
    ref = ds.CreateLayer('reference', srs, ogr.wkbLineString)
    ref.CreateField(ogr.FieldDefn('ow_ref', ogr.OFTInteger))
    along = [('yes', 1, False), ('YES ', 1, False), ('true', 1, False), ('1', 1, False), ('-1', -1, True),
             (' Reverse', -1, True)]
    maybe, n_yes, n_no, n_none = [], 0, 0, 0
    for fid, points, tag in road_rows(roads):
        if tag == 'yes':
            text, code, backwards = along[n_yes % len(along)]
            n_yes += 1
        elif tag == '-1':
            text, code, backwards = '-1', -1, False
        elif tag == 'no':
            text, code, backwards = ('no', 'False')[n_no % 2], 0, False
            n_no += 1
        else:
            text, code, backwards = (None, 0, False) if n_none >= 3 else ('maybe', 0, False)
            n_none += 1
        for layer, values, drawn in ((mixed, {'ow_text': text, 'ow_int': code}, points[::-1] if backwards else points),
                                     (ref, {'ow_ref': {'yes': 1, '-1': -1}.get(tag, 0)}, points)):
            feature = ogr.Feature(layer.GetLayerDefn())
            feature.SetGeometry(ogr.CreateGeometryFromWkt('LINESTRING ({})'.format(
                ', '.join('{!r} {!r}'.format(x, y) for x, y in drawn))))
            for key, value in values.items():
                if value is not None:
                    feature.SetField(key, value)
            layer.CreateFeature(feature)
            if layer is mixed and text == 'maybe':
                maybe.append(feature.GetFID())
    ds = None
    assert n_yes >= 12 and n_no >= 2 and len(maybe) == 3
    return path, maybe


def test_oneway_as_text_works_like_the_integer(oneway_roads):
    from resilience_plugin.qgis_io.network_layers import parse_oneway
    path, maybe = oneway_roads
    mixed, reference = path + '|layername=mixed', path + '|layername=reference'
    fac = point_layer(FACILITY_XY)
    params = {'FACILITIES': fac, 'MAX_DISTANCE': 800, 'SNAP_TOLERANCE': 0, 'OUTPUT_FACILITIES': 'TEMPORARY_OUTPUT'}

    def covered(network, field=None):
        extra = {'ONEWAY_FIELD': field} if field else {}
        out, fb = run_algorithm('resilience:service_areas', dict(params, NETWORK=network, **extra))
        return {fid: f['covered_m'] for fid, f in facility_table(out).items()}, fb

    as_int, _ = covered(mixed, 'ow_int')
    as_text, fb = covered(mixed, 'ow_text')
    assert as_text == pytest.approx(as_int, rel=1e-12)
    # roads drawn backwards with -1 / reverse are the OSM roads one-way along: the same lengths
    assert as_text == pytest.approx(covered(reference, 'ow_ref')[0], rel=1e-9)
    # and one-way matters here: both ways the covered lengths differ
    both, _ = covered(mixed)
    assert any(abs(both[k] - as_int[k]) > 10.0 for k in as_int)
    # the unknown values are named with their feature ids and travelled both ways
    warning = [w for w in fb.warnings if 'one-way value' in w]
    assert len(warning) == 1 and '3 lines' in warning[0] and 'maybe' in warning[0]
    assert 'Feature ids: {}'.format(', '.join(str(i) for i in maybe)) in warning[0]
    # the same through QGIS's reader (a memory copy) instead of the fast OGR one
    memory = QgsVectorLayer(mixed, 'mixed', 'ogr').materialize(QgsFeatureRequest())
    assert covered(memory, 'ow_text')[0] == pytest.approx(as_int, rel=1e-12)
    # booleans, bytes and numbers of every kind
    codes, unknown = parse_oneway([True, False, None, b'yes', 1.0, -1, ' TF ', 'backward', 0, 'n', 2, 'nan'])
    assert codes.tolist() == [1, 0, 0, 1, 1, -1, -1, -1, 0, 0, 0, 0]
    assert unknown.tolist() == [False] * 10 + [True, False]
    # one facility against QGIS's service area with its direction field, on the roads as OSM draws them
    access = facility_table(run_algorithm('resilience:service_areas', dict(params, NETWORK=mixed,
                                                                           ONEWAY_FIELD='ow_text'))[0])
    assert_covered_lines_match_native(
        reference, FACILITY_XY[:1], [access[min(access)]['access_m']], 800, 'EPSG:3067', ours_roads=mixed,
        native_options={'DIRECTION_FIELD': 'ow_ref', 'VALUE_FORWARD': '1', 'VALUE_BACKWARD': '-1',
                        'VALUE_BOTH': '0'},
        ours_options={'ONEWAY_FIELD': 'ow_text'})


# --- Multipoint facilities -------------------------------------------------------------------------------------

def test_multipoint_facility_uses_every_point(roads, helsinki_population):
    """A facility with two gates (a multipoint) covers what its two gates cover as separate facilities."""
    multi = QgsVectorLayer('MultiPoint?crs=EPSG:3067&field=name:string&field=cap:double', 'park', 'memory')
    f = QgsFeature(multi.fields())
    f.setGeometry(QgsGeometry.fromMultiPointXY([QgsPointXY(*p) for p in FACILITY_XY]))
    f.setAttributes(['park', 1000.0])
    multi.dataProvider().addFeatures([f])
    gates = point_layer(FACILITY_XY)
    params = {'NETWORK': roads, 'MAX_DISTANCE': LIMIT, 'SNAP_TOLERANCE': 0, 'OUTPUT_LINES': 'TEMPORARY_OUTPUT',
              'OUTPUT_FACILITIES': 'TEMPORARY_OUTPUT'}
    one, _ = run_algorithm('resilience:service_areas', dict(params, FACILITIES=multi))
    two, _ = run_algorithm('resilience:service_areas', dict(params, FACILITIES=gates))
    rows = list(one['OUTPUT_FACILITIES'].getFeatures())
    union = QgsGeometry.unaryUnion([g.geometry() for g in two['OUTPUT_LINES'].getFeatures()])
    assert len(rows) == 1 and rows[0]['covered_m'] == pytest.approx(union.length(), rel=1e-6)
    assert rows[0]['covered_m'] > max(f['covered_m'] for f in two['OUTPUT_FACILITIES'].getFeatures()) + 100
    # population covered by the facility = covered by either gate, on the network and in straight lines
    demand = {'DEMAND': helsinki_population, 'DEMAND_FIELD': 'population', 'MAX_DISTANCE': 600,
              'OUTPUT_SUMMARY': 'TEMPORARY_OUTPUT'}
    for network in ({'NETWORK': roads}, {}):
        a, _ = run_algorithm('resilience:population_coverage', dict(demand, FACILITIES=multi, **network))
        b, _ = run_algorithm('resilience:population_coverage', dict(demand, FACILITIES=gates, **network))
        covered_a = list(a['OUTPUT_SUMMARY'].getFeatures())[0]['covered']
        assert covered_a > 0 and covered_a == pytest.approx(list(b['OUTPUT_SUMMARY'].getFeatures())[0]['covered'])


# --- Demand without location ----------------------------------------------------------------------------------

def test_demand_without_location_is_reported_not_uncovered(roads, helsinki_population):
    grid = QgsVectorLayer(helsinki_population, 'grid', 'ogr')
    with_holes = grid.materialize(QgsFeatureRequest())
    ids = sorted(f.id() for f in with_holes.getFeatures())[:1] + sorted(f.id() for f in with_holes.getFeatures())[10:12]
    people = sum(f['population'] for f in with_holes.getFeatures() if f.id() in ids)
    with_holes.dataProvider().changeGeometryValues({fid: QgsGeometry() for fid in ids})
    without = grid.materialize(QgsFeatureRequest())
    without.dataProvider().deleteFeatures(ids)
    params = {'FACILITIES': point_layer(FACILITY_XY), 'NETWORK': roads, 'MAX_DISTANCE': 800,
              'DEMAND_FIELD': 'population', 'OUTPUT_SUMMARY': 'TEMPORARY_OUTPUT', 'OUTPUT_DEMAND': 'TEMPORARY_OUTPUT'}
    out, fb = run_algorithm('resilience:population_coverage', dict(params, DEMAND=with_holes))
    ref, _ = run_algorithm('resilience:population_coverage', dict(params, DEMAND=without))
    total, expected = list(out['OUTPUT_SUMMARY'].getFeatures())[0], list(ref['OUTPUT_SUMMARY'].getFeatures())[0]
    for name in ('population', 'covered', 'uncovered', 'units', 'units_unreachable'):
        assert total[name] == pytest.approx(expected[name]), name
    assert (total['units_unlocated'], total['population_unlocated']) == (3, pytest.approx(people))
    assert people > 0 and any('Feature ids: {}'.format(', '.join(map(str, ids))) in w for w in fb.warnings)
    assert 'Not counted: 3 demand units without location, {:.0f} people.'.format(people) in fb.text()
    unlocated = [f for f in out['OUTPUT_DEMAND'].getFeatures() if not f.hasGeometry()]
    assert len(unlocated) == 3 and all(not isinstance(f['covered'], bool) for f in unlocated)  # NULL
    assert out['OUTPUT_DEMAND'].geometryType() == grid.geometryType()  # the first unit had none: still polygons
    # site selection: the same figures as without those units
    sites = {'CANDIDATES': point_layer(FACILITY_XY), 'NETWORK': roads, 'MAX_DISTANCE': 800, 'K': 2,
             'DEMAND_FIELD': 'population', 'OUTPUT': 'TEMPORARY_OUTPUT', 'OUTPUT_SUMMARY': 'TEMPORARY_OUTPUT'}
    a = list(run_algorithm('resilience:site_selection', dict(sites, DEMAND=with_holes))[0]['OUTPUT_SUMMARY']
             .getFeatures())[0]
    b = list(run_algorithm('resilience:site_selection', dict(sites, DEMAND=without))[0]['OUTPUT_SUMMARY']
             .getFeatures())[0]
    assert (a['population'], a['covered_after']) == (pytest.approx(b['population']), pytest.approx(b['covered_after']))
    assert (a['units_unlocated'], a['population_unlocated']) == (3, pytest.approx(people))


# --- Site selection in a new district ----------------------------------------------------------------------------

def test_empty_existing_facilities_mean_none(roads, helsinki_population):
    params = {'CANDIDATES': point_layer(FACILITY_XY + [(385560.0, 6671700.0)]), 'NETWORK': roads,
              'MAX_DISTANCE': 800, 'K': 2, 'DEMAND': helsinki_population, 'DEMAND_FIELD': 'population',
              'OUTPUT': 'TEMPORARY_OUTPUT', 'OUTPUT_SUMMARY': 'TEMPORARY_OUTPUT'}
    none, _ = run_algorithm('resilience:site_selection', params)
    empty, fb = run_algorithm('resilience:site_selection', dict(params, FACILITIES=point_layer([])))
    assert 'is empty: there are none' in fb.text()
    rank = [(f['candidate_id'], f['gain']) for f in none['OUTPUT'].getFeatures()]
    assert len(rank) == 2 and rank == [(f['candidate_id'], f['gain']) for f in empty['OUTPUT'].getFeatures()]
    assert list(empty['OUTPUT_SUMMARY'].getFeatures())[0]['covered_before'] == 0


# --- Refused clearly ---------------------------------------------------------------------------------------------

def test_barriers_closing_every_road_and_speed_zero(roads):
    everything = memory_layer('Polygon', 'EPSG:3067', ['name:string'], [(
        'POLYGON(({0} {1}, {2} {1}, {2} {3}, {0} {3}, {0} {1}))'.format(BOX[0] - 5000, BOX[1] - 5000, BOX[2] + 5000,
                                                                       BOX[3] + 5000), ['flood'])], name='whole flood')
    demand = point_layer(FACILITY_XY, fields='field=population:double', attrs=[[1.0], [2.0]])
    for alg in ('resilience:service_areas', 'resilience:population_coverage', 'resilience:site_selection'):
        params = {'FACILITIES': point_layer(FACILITY_XY), 'NETWORK': roads, 'MAX_DISTANCE': LIMIT,
                  'BARRIERS': everything}
        if alg == 'resilience:service_areas':
            params['OUTPUT_LINES'] = 'TEMPORARY_OUTPUT'
        else:
            params.update(DEMAND=demand, DEMAND_FIELD='population', OUTPUT_SUMMARY='TEMPORARY_OUTPUT')
        if alg == 'resilience:site_selection':
            params.update(CANDIDATES=params.pop('FACILITIES'), OUTPUT='TEMPORARY_OUTPUT')
        with pytest.raises(QgsProcessingException, match='The barriers whole flood close every road near the '
                                                         'facilities'):
            run_algorithm(alg, params)
    with pytest.raises(QgsProcessingException, match='SPEED_KMH must be greater than 0'):
        run_algorithm('resilience:service_areas', {'FACILITIES': point_layer(FACILITY_XY), 'NETWORK': roads,
                                                   'MAX_TIME': 4, 'SPEED_KMH': 0, 'OUTPUT_LINES': 'TEMPORARY_OUTPUT'})


def test_rasters_without_crs_are_refused(roads, tmp_path):
    data = np.zeros((20, 20))
    data[4:9, 6:11] = 2.0
    path = write_raster(str(tmp_path / 'nocrs.tif'), data, 385400.0, 6672700.0, 50.0, None)
    fac = point_layer(FACILITY_XY)
    risk = memory_layer('Point', 'EPSG:3067', ['kind:string'], [('POINT(385860 6672080)', ['fuel_station'])])
    runs = [
        ('resilience:service_areas', {'FACILITIES': fac, 'NETWORK': roads, 'MAX_DISTANCE': LIMIT, 'BARRIERS': path,
                                      'BARRIER_THRESHOLD': 1.0, 'OUTPUT_LINES': 'TEMPORARY_OUTPUT'}),
        ('resilience:population_coverage', {'FACILITIES': fac, 'NETWORK': roads, 'MAX_DISTANCE': LIMIT,
                                            'DEMAND': path, 'OUTPUT_SUMMARY': 'TEMPORARY_OUTPUT'}),
        ('resilience:exposure', {'HAZARD': path, 'TARGETS': [roads], 'OUTPUT': 'TEMPORARY_OUTPUT'}),
        ('resilience:hazard_from_scenario', {'DEM': path, 'LEVEL': 1.0, 'OUTPUT': str(tmp_path / 'flood.tif')}),
        ('resilience:risk_list', {'RISK_SOURCES': risk, 'TARGETS': [path], 'OUTPUT': 'TEMPORARY_OUTPUT'}),
    ]
    for alg, params in runs:
        with pytest.raises(QgsProcessingException, match=r'The raster nocrs has no coordinate reference system'):
            run_algorithm(alg, params)
    assert not (tmp_path / 'flood.tif').exists()


def test_truncated_pbf_is_an_error(rutland_pbf, tmp_path):
    with open(rutland_pbf, 'rb') as stream:
        data = stream.read()
    cut = str(tmp_path / 'rutland-cut.osm.pbf')
    with open(cut, 'wb') as stream:
        stream.write(data[:len(data) // 2])
    database = str(tmp_path / 'cut.gpkg')
    run_algorithm('resilience:create_planning_database', {'OUTPUT': database, 'CRS': 'EPSG:27700'})
    before = fingerprint(database)
    with pytest.raises(QgsProcessingException, match=re.escape(cut) + ' cannot be read to its end'):
        run_algorithm('resilience:import_osm', {'INPUT': cut, 'DATABASE': database})
    assert fingerprint(database) == before


def test_outputs_in_a_folder_that_cannot_be_written(tmp_path, helsinki_db):
    blocker = tmp_path / 'a_file'
    blocker.write_text('not a folder')
    folder = blocker / 'out'
    risk = memory_layer('Point', 'EPSG:3067', ['kind:string'], [('POINT(385860 6672080)', ['fuel_station'])])
    runs = [
        ('resilience:risk_list', {'RISK_SOURCES': risk, 'OUTPUT': 'TEMPORARY_OUTPUT',
                                  'OUTPUT_TABLE': str(folder / 'list.xlsx')}, 'list.xlsx'),
        ('resilience:hazard_from_scenario', {'RISK_SOURCES': risk, 'OUTPUT': str(folder / 'release.tif')},
         'release.tif'),
        ('resilience:create_planning_database', {'OUTPUT': str(folder / 'db.gpkg'), 'CRS': 'EPSG:3067'}, 'db.gpkg'),
        ('resilience:validate_census', {'DATABASE': helsinki_db, 'OUTPUT': 'TEMPORARY_OUTPUT',
                                        'OUTPUT_SUMMARY': str(folder / 'summary.json')}, 'summary.json'),
        ('resilience:export_census', {'DATABASE': helsinki_db, 'OUTPUT': str(folder / 'census')}, 'census'),
    ]
    for alg, params, name in runs:
        with pytest.raises(QgsProcessingException, match='Cannot write {}: its folder {} cannot be'.format(
                re.escape(str(folder / name)), re.escape(str(folder)))):
            run_algorithm(alg, params)


def test_risk_kinds_ignore_case_and_spaces(rutland_pbf):
    """Rutland's fuel stations with their kind written in every case: the 50 m fuel-station distance for all."""
    ds = ogr.Open(rutland_pbf)
    points = ds.GetLayerByName('points')
    points.SetAttributeFilter('other_tags LIKE \'%"amenity"=>"fuel"%\'')
    src, dst = osr.SpatialReference(), osr.SpatialReference()
    src.ImportFromEPSG(4326)
    dst.ImportFromEPSG(27700)
    for s in (src, dst):
        s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    transform = osr.CoordinateTransformation(src, dst)
    kinds = ['fuel_station', 'Fuel_Station', 'FUEL_STATION ', ' fuel_station', 'LPG_Station', ' lpg_station ']
    rows = []
    for i, f in enumerate(points):
        g = f.GetGeometryRef().Clone()
        g.Transform(transform)
        rows.append((g.ExportToWkt(), [kinds[i % len(kinds)], (' General', 'GENERAL', 'general')[i % 3]]))
    assert len(rows) >= len(kinds)
    sources = memory_layer('Point', 'EPSG:27700', ['kind:string', 'risk_grade:string'], rows, name='fuel')
    table = ['fuel_station', 'general', 50, ' LPG_STATION', 'General ', 77]
    out, fb = run_algorithm('resilience:risk_list', {'RISK_SOURCES': sources, 'DISTANCE_TABLE': table,
                                                     'OUTPUT': 'TEMPORARY_OUTPUT'})
    listed = list(out['OUTPUT'].getFeatures())
    assert len(listed) == len(rows) and 'default grade' not in fb.text()
    for f in listed:
        assert f['kind'] in ('fuel_station', 'lpg_station') and f['risk_grade'] == 'general'
        assert f['distance_m'] == (50.0 if f['kind'] == 'fuel_station' else 77.0)
        assert f['distance_from'] == 'table'
    # the zones are those buffers, by hand with QGIS geometry
    zones, _ = run_algorithm('resilience:risk_influence_zones', {'RISK_SOURCES': sources, 'DISTANCE_TABLE': table,
                                                                 'OUTPUT': 'TEMPORARY_OUTPUT'})
    expected = QgsGeometry.unaryUnion([
        f.geometry().buffer(50.0 if 'fuel' in f['kind'].lower() else 77.0, 32) for f in sources.getFeatures()])
    area = sum(f['area_m2'] for f in zones['OUTPUT'].getFeatures())
    assert area == pytest.approx(expected.area(), rel=1e-6)


# --- Every algorithm against bad input ---------------------------------------------------------------------------

# What a Python traceback, a Python exception's text or the safety net's "a bug in the plugin" message (base.py)
# looks like inside a message.
PYTHON_TEXT = re.compile(r'Traceback|File "|\b[A-Z]\w*(Error|Exception|Warning)\b: |KeyError|AttributeError|'
                         r'TypeError|IndexError|NoneType|unexpected error')
FIELDS = ['name:string', 'population:double', 'kind:string', 'risk_grade:string', 'cap:double', 'ow:string']
VALUES = ['site', 100.0, 'fuel_station', 'general', 50.0, 'yes']
NULLS = [None] * len(FIELDS)
LAYER_TYPES = ('source', 'layer', 'multilayer', 'raster', 'vector')
DATA_PBF = DATA / 'rutland' / 'rutland-latest.osm.pbf'


@pytest.fixture(scope='module')
def bad_inputs(roads, helsinki_population, tmp_path_factory):
    """Odd layers of every geometry, built from the Helsinki data, with the fields the algorithms ask for."""
    folder = tmp_path_factory.mktemp('fuzz')
    lines = [points for _, points, _ in road_rows(roads)[:40]]
    line_wkt = ['LINESTRING ({})'.format(', '.join('{!r} {!r}'.format(x, y) for x, y in p)) for p in lines]
    cells = [f.geometry().asWkt() for f in QgsVectorLayer(helsinki_population, 'grid', 'ogr').getFeatures()][:20]
    points = ['POINT ({} {})'.format(x, y) for x, y in FACILITY_XY]
    (x, y), r = FACILITY_XY[0], 60.0
    circle = 'CurvePolygon(CircularString({} {}, {} {}, {} {}))'.format(x - r, y, x + r, y, x - r, y)

    def layer(kind, rows, name):
        return memory_layer(kind, 'EPSG:3067', FIELDS, rows, name=name)

    nocrs = write_raster(str(folder / 'nocrs.tif'), np.ones((10, 10)), 385400.0, 6672700.0, 50.0, None)
    return {
        'empty points': layer('Point', [], 'empty points'),
        'empty lines': layer('LineString', [], 'empty lines'),
        'empty polygons': layer('Polygon', [], 'empty polygons'),
        'points without geometry': layer('Point', [('', VALUES)] * 3, 'points without geometry'),
        'polygons without geometry': layer('Polygon', [('', VALUES)] * 3, 'polygons without geometry'),
        'points with null fields': layer('Point', [(w, NULLS) for w in points], 'points with null fields'),
        'lines with null fields': layer('LineString', [(w, NULLS) for w in line_wkt], 'lines with null fields'),
        'polygons with null fields': layer('MultiPolygon', [(w, NULLS) for w in cells], 'polygons with null fields'),
        'curved lines': layer('CompoundCurve', [(curved_wkt(p), VALUES) for p in lines], 'curved lines'),
        'curved polygons': layer('CurvePolygon', [(circle, VALUES)], 'curved polygons'),
        'multipoints': layer('MultiPoint', [('MULTIPOINT ({} {}, {} {})'.format(*FACILITY_XY[0], *FACILITY_XY[1]),
                                             VALUES)], 'multipoints'),
        'table without geometry': layer('None', [('', VALUES)] * 2, 'table without geometry'),
        'raster without CRS': nocrs,
    }


def base_parameters(roads, helsinki_population, empty_db, tmp_path):
    """Valid, small parameters of every algorithm of the provider (the fuzz test swaps one input at a time)."""
    roads = memory_layer('LineString', 'EPSG:3067', ['highway:string'], [
        ('LINESTRING ({})'.format(', '.join('{!r} {!r}'.format(x, y) for x, y in p)), ['residential'])
        for _, p, _ in road_rows(roads)[:300]], name='roads')
    fac = memory_layer('Point', 'EPSG:3067', FIELDS, [('POINT ({} {})'.format(x, y), VALUES) for x, y in FACILITY_XY])
    zones = memory_layer('Polygon', 'EPSG:3067', FIELDS, [(
        QgsGeometry.fromPointXY(QgsPointXY(*FACILITY_XY[0])).buffer(300, 8).asWkt(), VALUES)])
    coverage = {'FACILITIES': fac, 'NETWORK': roads, 'MAX_DISTANCE': LIMIT}
    demand = {'DEMAND': helsinki_population, 'DEMAND_FIELD': 'population'}
    return {
        'resilience:create_planning_database': [{'OUTPUT': str(tmp_path / 'new.gpkg'), 'CRS': 'EPSG:3067'}],
        'resilience:import_osm': [{'INPUT': str(tmp_path / 'missing.osm.pbf'), 'DATABASE': empty_db}],
        'resilience:import_population': [{'INPUT': helsinki_population, 'FIELD': 'population', 'DATABASE': empty_db}],
        'resilience:validate_census': [{'DATABASE': empty_db, 'OUTPUT': 'TEMPORARY_OUTPUT'}],
        'resilience:export_census': [{'DATABASE': empty_db, 'OUTPUT': str(tmp_path / 'census')}],
        'resilience:service_areas': [dict(coverage, OUTPUT_LINES='TEMPORARY_OUTPUT',
                                          OUTPUT_FACILITIES='TEMPORARY_OUTPUT')],
        'resilience:population_coverage': [dict(coverage, OUTPUT_SUMMARY='TEMPORARY_OUTPUT', **demand)],
        'resilience:site_selection': [dict(coverage, CANDIDATES=fac, K=1, OUTPUT='TEMPORARY_OUTPUT', **demand)],
        'resilience:risk_influence_zones': [{'RISK_SOURCES': fac, 'OUTPUT': 'TEMPORARY_OUTPUT'}],
        'resilience:exposure': [{'ZONES': zones, 'TARGETS': [roads, fac], 'OUTPUT': 'TEMPORARY_OUTPUT',
                                 'OUTPUT_SUMMARY': 'TEMPORARY_OUTPUT'},
                                {'HAZARD': None, 'TARGETS': [roads, fac], 'OUTPUT': 'TEMPORARY_OUTPUT'}],
        'resilience:risk_list': [{'RISK_SOURCES': fac, 'TARGETS': [roads, fac], 'OUTPUT': 'TEMPORARY_OUTPUT'}],
        'resilience:hazard_from_scenario': [{'RISK_SOURCES': fac, 'OUTPUT': str(tmp_path / 'release.tif')},
                                            {'DEM': None, 'LEVEL': 1.0, 'OUTPUT': str(tmp_path / 'flood.tif')}],
        'resilience:planning_report': [{'DATABASE': empty_db, 'OUTPUT': str(tmp_path / 'report.pdf')}],
        # lifeline systems (issue 12): EPANET's Net1 with generated valves in the otherwise empty database
        'resilience:import_epanet': [{'INPUT': str(DATA / 'epanet' / 'Net1.inp'), 'DATABASE': empty_db}],
        'resilience:generate_isolation_devices': [{'DATABASE': empty_db, 'NETWORK': 'water_supply'}],
        'resilience:lifeline_dependencies': [{'DATABASE': empty_db, 'OUTPUT': 'TEMPORARY_OUTPUT'}],
        'resilience:lifeline_failure': [{'DATABASE': empty_db, 'FAILED': 'Net1-10', 'OUTPUT': 'TEMPORARY_OUTPUT'},
                                        {'DATABASE': empty_db, 'FAILED_LAYER': fac, 'OUTPUT': 'TEMPORARY_OUTPUT'}],
        'resilience:lifeline_criticality': [{'DATABASE': empty_db, 'OUTPUT': 'TEMPORARY_OUTPUT'}],
        'resilience:disaster_chain': [{'DATABASE': empty_db, 'HAZARD': None, 'OUTPUT': 'TEMPORARY_OUTPUT'},
                                      {'DATABASE': empty_db, 'EXPOSURE': [fac], 'OUTPUT': 'TEMPORARY_OUTPUT'}],
        'resilience:evacuation_plan': [dict(demand, SHELTERS=fac, CAPACITY_FIELD='cap', NETWORK=roads,
                                            MAX_DISTANCE=LIMIT, OUTPUT='TEMPORARY_OUTPUT',
                                            OUTPUT_ROUTES='TEMPORARY_OUTPUT', OUTPUT_ROADS='TEMPORARY_OUTPUT',
                                            OUTPUT_SHELTERS='TEMPORARY_OUTPUT', OUTPUT_SUMMARY='TEMPORARY_OUTPUT')],
        'resilience:dispatch': [dict(demand, FORCES=fac, PERSONNEL_FIELD='cap', NETWORK=roads, MAX_TIME=10,
                                     INCIDENTS=fac, REQUIRED_PERSONNEL=30, COMMUNITIES=zones, COMMUNITY_FIELD='name',
                                     OUTPUT='TEMPORARY_OUTPUT', OUTPUT_INCIDENTS='TEMPORARY_OUTPUT',
                                     OUTPUT_COVERAGE='TEMPORARY_OUTPUT')],
        'resilience:resilience_index': [dict(demand, COMMUNITIES=zones, NAME_FIELD='name', DATABASE=empty_db,
                                             SHELTERS=fac, CAPACITY_FIELD='cap', NETWORK=roads, RISK_ZONES=zones,
                                             DRAWS=10, OUTPUT='TEMPORARY_OUTPUT')],
        'resilience:community_risk_map': [dict(demand, COMMUNITIES=zones, NAME_FIELD='name', DATABASE=empty_db,
                                               LANGUAGE='en', OUTPUT=str(tmp_path / 'maps'))],
    }


def python_text(alg, params):
    """None when the run ends well or with a clear QgsProcessingException; else what went wrong."""
    try:
        run_algorithm(alg, params)
    except QgsProcessingException as error:
        message = str(error)
        if not message.strip() or PYTHON_TEXT.search(message):
            return message[-400:]
    except Exception as error:  # noqa: BLE001 - anything else reaching the user is the failure looked for
        return 'not a QgsProcessingException: {!r}'.format(error)
    return None


def test_every_algorithm_refuses_bad_input_clearly(roads, helsinki_population, bad_inputs, tmp_path):
    from qgis.core import QgsApplication
    empty_db = str(tmp_path / 'empty.gpkg')
    run_algorithm('resilience:create_planning_database', {'OUTPUT': empty_db, 'CRS': 'EPSG:3067'})
    hazard = write_raster(str(tmp_path / 'hazard.tif'), np.ones((10, 10)), 385400.0, 6672700.0, 50.0, 'EPSG:3067')
    bases = base_parameters(roads, helsinki_population, empty_db, tmp_path)
    for alg in ('resilience:exposure', 'resilience:hazard_from_scenario', 'resilience:disaster_chain'):
        for base in bases[alg]:
            for key in ('HAZARD', 'DEM'):
                if key in base:
                    base[key] = hazard
    provider = QgsApplication.processingRegistry().providerById('resilience')
    assert {a.id() for a in provider.algorithms()} == set(bases), 'add the new algorithm to base_parameters'
    cut = str(tmp_path / 'cut.osm.pbf')
    with open(str(DATA_PBF), 'rb') as stream:
        data = stream.read()
    with open(cut, 'wb') as stream:
        stream.write(data[:len(data) // 3])
    text_file = tmp_path / 'notes.txt'
    text_file.write_text('not a database')
    bad_files = {'truncated .osm.pbf': cut, 'a text file': str(text_file), 'empty planning database': empty_db}
    failures, runs = [], 0
    for alg, variants in bases.items():
        definitions = QgsApplication.processingRegistry().algorithmById(alg).parameterDefinitions()
        for base in variants:
            assert python_text(alg, base) is None, (alg, base)  # the base itself runs or is refused clearly
            layer_names = [d.name() for d in definitions if d.type() in LAYER_TYPES]
            # the report's result layers are swapped together (a PDF per run is slow; COVERAGE_SUMMARY, whose
            # fields are checked first, apart), so are the community maps' optional layers; the inputs of the
            # other algorithms one by one
            if alg == 'resilience:planning_report':
                groups = [[n for n in layer_names if n != 'COVERAGE_SUMMARY'], ['COVERAGE_SUMMARY']]
            elif alg == 'resilience:community_risk_map':   # a page per run: the optional layers together
                groups = [[n for n in layer_names if n != 'COMMUNITIES'], ['COMMUNITIES']]
            else:
                groups = [[n] for n in layer_names]
            groups += [[d.name()] for d in definitions if d.type() == 'file']
            for group in groups:
                kind = next(d.type() for d in definitions if d.name() == group[0])
                for case, value in (bad_files if kind == 'file' else bad_inputs).items():
                    params = dict(base, **{name: [value] if kind == 'multilayer' else value for name in group})
                    runs += 1
                    problem = python_text(alg, params)
                    if problem is not None:
                        failures.append('{} {} = {}: {}'.format(alg, ', '.join(group), case, problem))
    assert runs > 250
    assert not failures, '\n\n'.join(failures)
