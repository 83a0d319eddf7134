"""resilience:service_areas and resilience:population_coverage end to end on real data."""
import numpy as np
import pytest
from osgeo import gdal
from qgis.core import (QgsFeature, QgsGeometry, QgsPointXY, QgsProcessingException, QgsVectorLayer)

from conftest import run_algorithm
from tools.qgis_env import RecordingFeedback

gdal.UseExceptions()
POP_TOTAL = 71724


@pytest.fixture(scope='module')
def roads(tmp_path_factory, helsinki_pbf):
    path = str(tmp_path_factory.mktemp('cov') / 'roads.gpkg')
    gdal.VectorTranslate(path, helsinki_pbf, options='-t_srs EPSG:3067 -where "highway IS NOT NULL" -nln roads '
                                                     '-nlt LINESTRING lines')
    return path + '|layername=roads'


def point_layer(points, crs='EPSG:3067', fields='field=name:string&field=cap:double&field=turnout:double',
                attrs=None):
    layer = QgsVectorLayer('Point?crs={}&{}'.format(crs, fields), 'facilities', 'memory')
    feats = []
    for i, (x, y) in enumerate(points):
        f = QgsFeature(layer.fields())
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        f.setAttributes(attrs[i] if attrs else ['f{}'.format(i), 1000.0, 0.0])
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


# Points in central Helsinki (EPSG:3067) near streets of the OSM extract.
FACILITY_XY = [(385860.0, 6672080.0), (386180.0, 6672560.0), (385560.0, 6671700.0), (386420.0, 6671900.0)]


def test_service_areas_match_qgis_native(roads):
    fac = point_layer(FACILITY_XY)
    limit = 400.0
    ours, fb = run_algorithm('resilience:service_areas', {
        'FACILITIES': fac, 'NETWORK': roads, 'MAX_DISTANCE': limit, 'SNAP_TOLERANCE': 0,
        'OUTPUT_LINES': 'TEMPORARY_OUTPUT', 'OUTPUT_NEAREST_LINES': 'TEMPORARY_OUTPUT',
        'OUTPUT_FACILITIES': 'TEMPORARY_OUTPUT'})
    lines = ours['OUTPUT_LINES']
    by_fac = {}
    for f in lines.getFeatures():
        by_fac[f['facility_id']] = by_fac.get(f['facility_id'], 0.0) + f.geometry().length()
        assert f['dist_start_m'] <= limit + 1e-6 and f['dist_end_m'] <= limit + 1e-6
        assert f['name'].startswith('f')  # facility attributes carried
    table = {f['facility_id']: f for f in ours['OUTPUT_FACILITIES'].getFeatures()}
    # QGIS's own algorithm: one search per start point, run here per facility. QGIS starts at the start
    # point's projection on the network and does not count the access leg, which we count against the limit,
    # so our run for the comparison uses limit + access leg. QGIS writes every edge once per direction of
    # travel (overlapping duplicates), so lengths are compared through geometry: each side's lines must lie
    # within 1 cm of the other's, up to 0.2 % of the covered length (QGIS's tie points and the exact limit).
    for fid, (x, y) in zip(sorted(by_fac), FACILITY_XY):
        one = point_layer([(x, y)])
        native, _ = run_algorithm('native:serviceareafromlayer', {
            'INPUT': roads, 'STRATEGY': 0, 'DEFAULT_DIRECTION': 2, 'TOLERANCE': 0, 'START_POINTS': one,
            'TRAVEL_COST2': limit, 'INCLUDE_BOUNDS': False, 'OUTPUT_LINES': 'TEMPORARY_OUTPUT'})
        mine, _ = run_algorithm('resilience:service_areas', {
            'FACILITIES': one, 'NETWORK': roads, 'MAX_DISTANCE': limit + table[fid]['access_m'], 'SNAP_TOLERANCE': 0,
            'OUTPUT_LINES': 'TEMPORARY_OUTPUT'})
        theirs = QgsGeometry.unaryUnion([f.geometry() for f in native['OUTPUT_LINES'].getFeatures()])
        ours_g = QgsGeometry.unaryUnion([f.geometry() for f in mine['OUTPUT_LINES'].getFeatures()])
        covered = ours_g.length()
        assert covered > 500
        assert ours_g.difference(theirs.buffer(0.01, 2)).length() <= 0.002 * covered, fid
        assert theirs.difference(ours_g.buffer(0.01, 2)).length() <= 0.002 * covered, fid
    # the nearest-facility zones cover exactly the union of the per-facility areas
    near_len = sum(f.geometry().length() for f in ours['OUTPUT_NEAREST_LINES'].getFeatures())
    assert near_len <= sum(by_fac.values()) + 1e-6
    for fid, length in by_fac.items():
        assert table[fid]['covered_m'] == pytest.approx(length, rel=1e-6)
        assert table[fid]['reachable']


def test_service_areas_polygons_and_time(roads):
    fac = point_layer(FACILITY_XY, attrs=[['a', 10.0, 0.5], ['b', 10.0, 0.0], ['c', 10.0, 1.0], ['d', 10.0, 0.0]])
    out, fb = run_algorithm('resilience:service_areas', {
        'FACILITIES': fac, 'NETWORK': roads, 'PRESET': 5, 'DELAY_FIELD': 'turnout',  # fire_4min
        'OUTPUT_NEAREST_LINES': 'TEMPORARY_OUTPUT', 'OUTPUT_POLYGONS': 'TEMPORARY_OUTPUT',
        'OUTPUT_NEAREST_POLYGONS': 'TEMPORARY_OUTPUT'})
    assert 'GB 51080' in fb.text()  # the preset's source is shown
    for f in out['OUTPUT_NEAREST_LINES'].getFeatures():
        assert f['time_end_min'] <= 4.0 + 1e-9 and f['time_start_min'] <= 4.0 + 1e-9
    polys = list(out['OUTPUT_NEAREST_POLYGONS'].getFeatures())
    assert len(polys) == 4
    for i, a in enumerate(polys):  # nearest zones do not overlap
        for b in polys[i + 1:]:
            assert a.geometry().intersection(b.geometry()).area() < 1.0
    assert out['OUTPUT_POLYGONS'].featureCount() == 4


def test_population_coverage_helsinki(roads, helsinki_population):
    fac = point_layer(FACILITY_XY, attrs=[['a', 500.0, 0], ['b', 100000.0, 0], ['c', 2000.0, 0], ['d', None, 0]])
    out, fb = run_algorithm('resilience:population_coverage', {
        'FACILITIES': fac, 'NETWORK': roads, 'MAX_DISTANCE': 1000, 'DEMAND': helsinki_population,
        'DEMAND_FIELD': 'population', 'CAPACITY_FIELD': 'cap', 'OUTPUT_DEMAND': 'TEMPORARY_OUTPUT',
        'OUTPUT_FACILITIES': 'TEMPORARY_OUTPUT', 'OUTPUT_SUMMARY': 'TEMPORARY_OUTPUT'})
    total = list(out['OUTPUT_SUMMARY'].getFeatures())[0]
    assert total['population'] == pytest.approx(POP_TOTAL)
    assert total['covered'] + total['uncovered'] == pytest.approx(POP_TOTAL)
    demand = list(out['OUTPUT_DEMAND'].getFeatures())
    assert len(demand) == 92
    covered = sum(f['population'] for f in demand if f['covered'])
    assert covered == pytest.approx(total['covered'])
    for f in demand:
        if isinstance(f['distance_m'], float):  # NULL when no facility can be reached
            assert f['covered'] == (f['distance_m'] <= 1000)
            assert f['distance_m'] >= f['access_m']
        else:
            assert not f['covered']
    loads = {f['facility_id']: f for f in out['OUTPUT_FACILITIES'].getFeatures()}
    assert sum(f['population'] for f in loads.values()) == pytest.approx(total['covered'])
    for f in loads.values():
        if isinstance(f['capacity'], float) and f['capacity'] > 0:
            assert f['load_ratio'] == pytest.approx(f['population'] / f['capacity'])
            assert f['overloaded'] == (f['population'] > f['capacity'])
    assert any(f['overloaded'] for f in loads.values())
    assert 'empty for 1 facilities' in fb.text()


def test_barriers_report_loss(roads, helsinki_population, tmp_path):
    x, y = FACILITY_XY[0]
    barrier = QgsVectorLayer('Polygon?crs=EPSG:3067', 'flood', 'memory')
    f = QgsFeature()
    f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)).buffer(120, 8))
    barrier.dataProvider().addFeatures([f])
    fac = point_layer(FACILITY_XY)
    out, fb = run_algorithm('resilience:population_coverage', {
        'FACILITIES': fac, 'NETWORK': roads, 'MAX_DISTANCE': 800, 'DEMAND': helsinki_population,
        'DEMAND_FIELD': 'population', 'BARRIERS': barrier, 'OUTPUT_DEMAND': 'TEMPORARY_OUTPUT',
        'OUTPUT_SUMMARY': 'TEMPORARY_OUTPUT'})
    assert 'close' in fb.text()
    total = list(out['OUTPUT_SUMMARY'].getFeatures())[0]
    lost = [d for d in out['OUTPUT_DEMAND'].getFeatures() if d['lost_coverage']]
    assert total['lost'] == pytest.approx(sum(d['population'] for d in lost))
    assert total['covered_open'] >= total['covered']
    sa, _ = run_algorithm('resilience:service_areas', {
        'FACILITIES': fac, 'NETWORK': roads, 'MAX_DISTANCE': 800, 'BARRIERS': barrier,
        'OUTPUT_FACILITIES': 'TEMPORARY_OUTPUT'})
    first = [f for f in sa['OUTPUT_FACILITIES'].getFeatures()][0]
    assert first['lost_m'] > 0 and first['covered_open_m'] > first['covered_m']


def test_raster_demand_with_nodata(roads, tmp_path):
    import rasterio
    from rasterio.transform import from_origin
    path = str(tmp_path / 'pop.tif')
    data = np.full((8, 8), 10.0, np.float32)
    data[0, :] = -9999.0
    with rasterio.open(path, 'w', driver='GTiff', width=8, height=8, count=1, dtype='float32', crs='EPSG:3067',
                       transform=from_origin(385400, 6672700, 150, 150), nodata=-9999.0) as dst:
        dst.write(data, 1)
    out, fb = run_algorithm('resilience:population_coverage', {
        'FACILITIES': point_layer(FACILITY_XY), 'NETWORK': roads, 'MAX_DISTANCE': 500, 'DEMAND': path,
        'OUTPUT_SUMMARY': 'TEMPORARY_OUTPUT'})
    assert '8 nodata cells' in fb.text()
    total = list(out['OUTPUT_SUMMARY'].getFeatures())[0]
    assert total['population'] == pytest.approx(10.0 * 56)


def test_straight_line_without_network(helsinki_population):
    out, fb = run_algorithm('resilience:population_coverage', {
        'FACILITIES': point_layer(FACILITY_XY), 'MAX_DISTANCE': 500, 'DEMAND': helsinki_population,
        'DEMAND_FIELD': 'population', 'OUTPUT_DEMAND': 'TEMPORARY_OUTPUT', 'OUTPUT_SUMMARY': 'TEMPORARY_OUTPUT'})
    assert 'straight-line' in fb.text()
    total = list(out['OUTPUT_SUMMARY'].getFeatures())[0]
    assert total['covered'] + total['uncovered'] == pytest.approx(POP_TOTAL)


def test_bad_inputs(roads, helsinki_pbf, helsinki_population):
    empty = point_layer([])
    with pytest.raises(QgsProcessingException):
        run_algorithm('resilience:service_areas', {'FACILITIES': empty, 'NETWORK': roads, 'MAX_DISTANCE': 100,
                                                   'OUTPUT_LINES': 'TEMPORARY_OUTPUT'})
    neg = point_layer(FACILITY_XY[:2], attrs=[['a', -5.0, 0], ['b', 10.0, 0]])
    fb = RecordingFeedback()
    with pytest.raises(QgsProcessingException):
        run_algorithm('resilience:population_coverage', {
            'FACILITIES': neg, 'NETWORK': roads, 'MAX_DISTANCE': 100, 'DEMAND': helsinki_population,
            'DEMAND_FIELD': 'population', 'CAPACITY_FIELD': 'cap', 'OUTPUT_SUMMARY': 'TEMPORARY_OUTPUT'}, fb)
    # a facility far from any road is reported with its distance; geographic CRS is reprojected
    far = point_layer([(24.9, 60.3), (24.945, 60.168)], crs='EPSG:4326')
    out, fb = run_algorithm('resilience:service_areas', {
        'FACILITIES': far, 'NETWORK': helsinki_pbf + '|layername=lines|subset=highway IS NOT NULL',
        'MAX_DISTANCE': 300, 'OUTPUT_FACILITIES': 'TEMPORARY_OUTPUT'})
    text = fb.text()
    assert 'not a metric CRS' in text and 'EPSG:326' in text
    assert any('m from the nearest road' in w for w in fb.warnings)
    assert 'disconnected parts' in text
    # neither limit
    with pytest.raises(QgsProcessingException):
        run_algorithm('resilience:service_areas', {'FACILITIES': point_layer(FACILITY_XY), 'NETWORK': roads,
                                                   'OUTPUT_LINES': 'TEMPORARY_OUTPUT'})


def test_cancel_stops_without_output(roads):
    fb = RecordingFeedback()
    fb.cancel()
    with pytest.raises(QgsProcessingException):
        run_algorithm('resilience:service_areas', {'FACILITIES': point_layer(FACILITY_XY), 'NETWORK': roads,
                                                   'MAX_DISTANCE': 300, 'OUTPUT_LINES': 'TEMPORARY_OUTPUT'}, fb)
