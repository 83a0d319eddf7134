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


def assert_covered_lines_match_native(roads, points, access, limit, crs, ours_roads=None, native_options=None,
                                      ours_options=None):
    """Covered network of each facility alone vs QGIS's native:serviceareafromlayer from the same point.

    ``ours_roads``: run ours on another layer holding the same network (curved lines, say; default ``roads``);
    ``native_options`` / ``ours_options``: extra parameters (one-way fields)."""
    # QGIS's own algorithm: one search per start point, run here per facility. QGIS starts at the start
    # point's projection on the network and does not count the access leg, which we count against the limit,
    # so our run for the comparison uses limit + access leg. QGIS writes every edge once per direction of
    # travel (overlapping duplicates), so lengths are compared through geometry: each side's lines must lie
    # within 1 cm of the other's, up to 0.2 % of the covered length (QGIS's tie points and the exact limit).
    for i, ((x, y), access_m) in enumerate(zip(points, access)):
        one = point_layer([(x, y)], crs=crs)
        native, _ = run_algorithm('native:serviceareafromlayer', dict({
            'INPUT': roads, 'STRATEGY': 0, 'DEFAULT_DIRECTION': 2, 'TOLERANCE': 0, 'START_POINTS': one,
            'TRAVEL_COST2': limit, 'INCLUDE_BOUNDS': False, 'OUTPUT_LINES': 'TEMPORARY_OUTPUT'}, **(native_options or {})))
        mine, _ = run_algorithm('resilience:service_areas', dict({
            'FACILITIES': one, 'NETWORK': ours_roads or roads, 'MAX_DISTANCE': limit + access_m, 'SNAP_TOLERANCE': 0,
            'OUTPUT_LINES': 'TEMPORARY_OUTPUT'}, **(ours_options or {})))
        theirs = QgsGeometry.unaryUnion([f.geometry() for f in native['OUTPUT_LINES'].getFeatures()])
        ours_g = QgsGeometry.unaryUnion([f.geometry() for f in mine['OUTPUT_LINES'].getFeatures()])
        covered = ours_g.length()
        assert covered > 500, i
        assert ours_g.difference(theirs.buffer(0.01, 2)).length() <= 0.002 * covered, i
        assert theirs.difference(ours_g.buffer(0.01, 2)).length() <= 0.002 * covered, i


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
    assert_covered_lines_match_native(roads, FACILITY_XY, [table[fid]['access_m'] for fid in sorted(by_fac)],
                                      limit, 'EPSG:3067')
    # the nearest-facility zones cover exactly the union of the per-facility areas
    near_len = sum(f.geometry().length() for f in ours['OUTPUT_NEAREST_LINES'].getFeatures())
    assert near_len <= sum(by_fac.values()) + 1e-6
    for fid, length in by_fac.items():
        assert table[fid]['covered_m'] == pytest.approx(length, rel=1e-6)
        assert table[fid]['reachable']


# Points near streets of Oakham and Uppingham (EPSG:27700) in the Rutland OSM extract.
RUTLAND_XY = [(486010.0, 308815.0), (485505.0, 308310.0), (486490.0, 309170.0), (487010.0, 299790.0)]


@pytest.fixture(scope='module')
def rutland_roads(tmp_path_factory, rutland_pbf):
    path = str(tmp_path_factory.mktemp('cov_rutland') / 'roads.gpkg')
    gdal.VectorTranslate(path, rutland_pbf, options='-t_srs EPSG:27700 -where "highway IS NOT NULL" -nln roads '
                                                     '-nlt LINESTRING lines')
    return path + '|layername=roads'


def test_service_areas_match_qgis_native_rutland(rutland_roads):
    """The same comparison with QGIS's native service area on the second real network, Rutland."""
    fac = point_layer(RUTLAND_XY, crs='EPSG:27700')
    limit = 400.0
    ours, _ = run_algorithm('resilience:service_areas', {
        'FACILITIES': fac, 'NETWORK': rutland_roads, 'MAX_DISTANCE': limit, 'SNAP_TOLERANCE': 0,
        'OUTPUT_LINES': 'TEMPORARY_OUTPUT', 'OUTPUT_FACILITIES': 'TEMPORARY_OUTPUT'})
    table = {f['facility_id']: f for f in ours['OUTPUT_FACILITIES'].getFeatures()}
    assert len(table) == len(RUTLAND_XY) and all(f['reachable'] for f in table.values())
    assert_covered_lines_match_native(rutland_roads, RUTLAND_XY, [table[fid]['access_m'] for fid in sorted(table)],
                                      limit, 'EPSG:27700')


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


def shelter_layer(rows):
    """Polygon shelters (30 m squares around FACILITY_XY) with class, area and capacity fields."""
    layer = QgsVectorLayer('MultiPolygon?crs=EPSG:3067&field=shelter_class:string&field=effective_area_m2:double'
                           '&field=capacity_persons:integer', 'shelters', 'memory')
    feats = []
    for (x, y), attrs in zip(FACILITY_XY, rows):
        f = QgsFeature(layer.fields())
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)).buffer(15, 1))
        f.setAttributes(attrs)
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer, [f.id() for f in layer.getFeatures()]


def test_shelter_capacity_from_area(roads, helsinki_population, helsinki_db):
    from resilience_plugin.definitions import COVERAGE_PRESETS, SHELTER_PER_CAPITA_M2
    common = {'NETWORK': roads, 'DEMAND': helsinki_population, 'DEMAND_FIELD': 'population',
              'CAPACITY_FIELD': 'capacity_persons', 'OUTPUT_FACILITIES': 'TEMPORARY_OUTPUT'}
    # no preset: the area per person of each shelter's class
    layer, ids = shelter_layer([['fixed_long', 900.0, None], ['emergency', 100.0, 30], ['fixed_short', None, None],
                                ['no_such_class', 100.0, None]])
    out, fb = run_algorithm('resilience:population_coverage', dict(common, FACILITIES=layer, MAX_DISTANCE=500))
    caps = {f['facility_id']: f['capacity'] for f in out['OUTPUT_FACILITIES'].getFeatures()}
    assert caps[ids[0]] == 900.0 // SHELTER_PER_CAPITA_M2['fixed_long'] == 200  # derived from the class
    assert caps[ids[1]] == 30  # a recorded capacity wins
    assert caps[ids[2]] is None or not isinstance(caps[ids[2]], float)  # no area: unknown, not 0
    assert caps[ids[3]] is None or not isinstance(caps[ids[3]], float)  # unknown class: unknown, not 0
    text = fb.text()
    assert 'derived from effective_area_m2 / the area per person of each shelter class' in text
    assert 'GB 51143' in text and 'feature ids {}'.format(ids[0]) in text
    unknown = [w for w in fb.warnings if 'no capacity could be derived' in w]
    assert unknown and 'feature ids {}, {}'.format(ids[2], ids[3]) in unknown[0]
    # with a shelter preset: its area per person for every shelter (emergency preset: 0.5 m2 per person)
    idx = next(i for i, p in enumerate(COVERAGE_PRESETS) if p.key == 'shelter_emergency') + 1
    out, fb = run_algorithm('resilience:population_coverage', dict(common, FACILITIES=layer, PRESET=idx))
    caps = {f['facility_id']: f['capacity'] for f in out['OUTPUT_FACILITIES'].getFeatures()}
    assert caps[ids[0]] == 1800 and caps[ids[3]] == 200 and caps[ids[1]] == 30
    assert '0.5 m2 per person of the preset' in fb.text()
    # the planning database's shelter (OSM: area known, capacity empty), with the emergency preset
    db_shelters = helsinki_db + '|layername=shelters'
    out, fb = run_algorithm('resilience:population_coverage', dict(common, FACILITIES=db_shelters, PRESET=idx))
    row = list(out['OUTPUT_FACILITIES'].getFeatures())[0]
    assert row['capacity'] == int(row['effective_area_m2'] / 0.5)
    assert row['load_ratio'] == pytest.approx(row['population'] / row['capacity'])
    # negative capacity: an error naming the feature; negative area: a warning naming it
    bad, bad_ids = shelter_layer([['emergency', 100.0, -3], ['emergency', 100.0, 10]])
    with pytest.raises(QgsProcessingException, match='feature ids {}'.format(bad_ids[0])):
        run_algorithm('resilience:population_coverage', dict(common, FACILITIES=bad, MAX_DISTANCE=500))
    neg_area, neg_ids = shelter_layer([['emergency', -100.0, None], ['emergency', 100.0, 10]])
    out, fb = run_algorithm('resilience:population_coverage', dict(common, FACILITIES=neg_area, MAX_DISTANCE=500))
    assert any('Negative effective_area_m2' in w and str(neg_ids[0]) in w for w in fb.warnings)
    assert any('no capacity could be derived (feature ids {})'.format(neg_ids[0]) in w for w in fb.warnings)


def hazard_raster(path):
    """50 m cells over central Helsinki: a flooded block (2.0), a row exactly at the threshold (1.0), a row just
    below it (0.99), a nodata patch, dry elsewhere. Returns (path, cells at or above 1.0 as one shapely geometry)."""
    import rasterio
    from rasterio.transform import from_origin
    from shapely.geometry import box
    from shapely.ops import unary_union
    x0, y0, cell = 385400.0, 6672700.0, 50.0
    data = np.zeros((20, 20), np.float32)
    data[4:9, 6:11] = 2.0
    data[12, 2:6] = 1.0
    data[14, 2:12] = 0.99
    data[16:18, 10:16] = -9999.0
    with rasterio.open(path, 'w', driver='GTiff', width=20, height=20, count=1, dtype='float32', crs='EPSG:3067',
                       transform=from_origin(x0, y0, cell, cell), nodata=-9999.0) as dst:
        dst.write(data, 1)
    rows, cols = np.nonzero(data >= 1.0)
    wet = unary_union([box(x0 + c * cell, y0 - (r + 1) * cell, x0 + (c + 1) * cell, y0 - r * cell)
                       for r, c in zip(rows, cols)])
    nodata = box(x0 + 10 * cell, y0 - 18 * cell, x0 + 16 * cell, y0 - 16 * cell)
    at_threshold = box(x0 + 2 * cell, y0 - 13 * cell, x0 + 6 * cell, y0 - 12 * cell)
    below = box(x0 + 2 * cell, y0 - 15 * cell, x0 + 12 * cell, y0 - 14 * cell)
    return path, wet, nodata, at_threshold, below, cell


def test_hazard_raster_barriers(roads, tmp_path):
    """Roads on cells at or above BARRIER_THRESHOLD close; the closed edges checked against the cell polygons."""
    from osgeo import ogr
    from qgis.core import QgsCoordinateReferenceSystem, QgsProject
    from shapely.geometry import LineString
    from resilience_plugin.core.network import build_network, cut_lines, parse_wkb_lines
    from resilience_plugin.qgis_io.network_layers import sample_raster_along_edges
    path, wet, nodata, at_threshold, below, cell = hazard_raster(str(tmp_path / 'flood.tif'))
    ds = ogr.Open(roads.split('|')[0])
    coords, offsets, _ = parse_wkb_lines([f.GetGeometryRef().ExportToWkb() for f in ds.GetLayer('roads')])
    net = build_network(coords, offsets)
    values, nodata_samples = sample_raster_along_edges(path, net, QgsCoordinateReferenceSystem('EPSG:3067'),
                                                       QgsProject.instance().transformContext())
    blocked = np.nan_to_num(values, nan=-np.inf) >= 1.0
    assert nodata_samples > 0
    xy, off = cut_lines(net, net.edge_line, net.edge_m0, net.edge_m1)
    step = cell / 2.0  # the sampling step along the roads: half a cell
    inside = np.zeros(net.n_edges)
    touches = np.zeros(net.n_edges, bool)
    in_nodata = np.zeros(net.n_edges, bool)
    on_equal, on_below = np.zeros(net.n_edges), np.zeros(net.n_edges)
    for e in range(net.n_edges):
        pts = xy[off[e]:off[e + 1]]
        if len(pts) < 2 or not np.ptp(pts, axis=0).any():
            continue
        g = LineString(pts)
        touches[e] = g.intersects(wet)
        inside[e] = g.intersection(wet).length
        in_nodata[e] = g.within(nodata)
        on_equal[e] = g.intersection(at_threshold).length
        on_below[e] = g.intersection(below).length
    assert blocked.sum() >= 10
    assert not (blocked & ~touches).any(), 'only roads on hazard cells close'
    assert blocked[inside > step].all(), 'every road running over half a cell on the hazard closes'
    # rows exactly at the threshold close, rows just below do not; nodata never closes
    assert (on_equal > step).any() and blocked[on_equal > step].all()
    assert (on_below > step).any() and not blocked[(on_below > step) & ~touches].any()
    assert in_nodata.any() and not blocked[in_nodata].any()
    # through Processing: the same edges close (the log), no service-area piece runs over the hazard
    out, fb = run_algorithm('resilience:service_areas', {
        'FACILITIES': point_layer(FACILITY_XY), 'NETWORK': roads, 'MAX_DISTANCE': 600, 'SNAP_TOLERANCE': 0,
        'BARRIERS': path, 'BARRIER_THRESHOLD': 1.0, 'OUTPUT_LINES': 'TEMPORARY_OUTPUT',
        'OUTPUT_FACILITIES': 'TEMPORARY_OUTPUT'})
    assert 'close {} of {} road edges'.format(int(blocked.sum()), net.n_edges) in fb.text()
    assert any('nodata' in w for w in fb.warnings)
    from shapely import wkb as shapely_wkb
    for f in out['OUTPUT_LINES'].getFeatures():
        g = shapely_wkb.loads(bytes(f.geometry().asWkb()))
        assert g.intersection(wet).length <= step + 1e-6
    lost = [f['lost_m'] for f in out['OUTPUT_FACILITIES'].getFeatures()]
    assert max(lost) > 0
    # a raster without a threshold is refused
    with pytest.raises(QgsProcessingException):
        run_algorithm('resilience:service_areas', {'FACILITIES': point_layer(FACILITY_XY), 'NETWORK': roads,
                                                   'MAX_DISTANCE': 600, 'BARRIERS': path,
                                                   'OUTPUT_LINES': 'TEMPORARY_OUTPUT'})


def test_districts_summary(roads, helsinki_population):
    """Population by district sums to an independent point-on-surface + join-by-location in QGIS."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject, QgsRectangle
    to_wgs = QgsCoordinateTransform(QgsCoordinateReferenceSystem('EPSG:3067'),
                                    QgsCoordinateReferenceSystem('EPSG:4326'), QgsProject.instance())
    districts = QgsVectorLayer('Polygon?crs=EPSG:4326&field=name:string', 'districts', 'memory')
    feats = []
    for name, rect in (('west', (380000, 6668000, 386000, 6676000)), ('north-east', (386000, 6672000, 392000, 6676000))):
        g = QgsGeometry.fromRect(QgsRectangle(*rect)).densifyByCount(20)
        g.transform(to_wgs)  # districts in another (geographic) CRS: reprojected by the algorithm
        f = QgsFeature(districts.fields())
        f.setGeometry(g)
        f.setAttributes([name])
        feats.append(f)
    districts.dataProvider().addFeatures(feats)
    out, fb = run_algorithm('resilience:population_coverage', {
        'FACILITIES': point_layer(FACILITY_XY), 'NETWORK': roads, 'MAX_DISTANCE': 800, 'DEMAND': helsinki_population,
        'DEMAND_FIELD': 'population', 'DISTRICTS': districts, 'DISTRICT_FIELD': 'name',
        'OUTPUT_DEMAND': 'TEMPORARY_OUTPUT', 'OUTPUT_SUMMARY': 'TEMPORARY_OUTPUT'})
    rows = {f['district']: f for f in out['OUTPUT_SUMMARY'].getFeatures()}
    outside = '(outside the districts)'
    assert set(rows) == {'Total', 'west', 'north-east', outside}
    # independently: points on surface of the demand output, joined to the districts by location in QGIS
    points, _ = run_algorithm('native:pointonsurface', {'INPUT': out['OUTPUT_DEMAND'], 'OUTPUT': 'TEMPORARY_OUTPUT'})
    joined, _ = run_algorithm('native:joinattributesbylocation', {
        'INPUT': points['OUTPUT'], 'JOIN': districts, 'PREDICATE': [0], 'JOIN_FIELDS': ['name'], 'METHOD': 1,
        'DISCARD_NONMATCHING': False, 'PREFIX': 'j_', 'OUTPUT': 'TEMPORARY_OUTPUT'})
    expected = {}
    for f in joined['OUTPUT'].getFeatures():
        name = f['j_name'] if isinstance(f['j_name'], str) else outside
        pop, cov, units = expected.get(name, (0.0, 0.0, 0))
        expected[name] = (pop + f['population_used'], cov + (f['population_used'] if f['covered'] else 0.0), units + 1)
    assert set(expected) == {'west', 'north-east', outside}
    for name, (pop, cov, units) in expected.items():
        assert rows[name]['population'] == pytest.approx(pop), name
        assert rows[name]['covered'] == pytest.approx(cov), name
        assert rows[name]['uncovered'] == pytest.approx(pop - cov), name
        assert rows[name]['units'] == units, name
        if pop > 0:
            assert rows[name]['share_covered'] == pytest.approx(cov / pop)
    assert sum(p for p, _, _ in expected.values()) == pytest.approx(rows['Total']['population']) == \
        pytest.approx(POP_TOTAL)
    assert sum(c for _, c, _ in expected.values()) == pytest.approx(rows['Total']['covered'])
    assert all(rows[n]['population'] > 0 for n in ('west', 'north-east', outside))


def test_geopackage_outputs_keep_every_piece(helsinki_db, tmp_path):
    """Facilities read from a GeoPackage carry a "fid" field; copied as is it would become the feature id of
    every piece of that facility and the GeoPackage would keep only one of them."""
    shelters = helsinki_db + '|layername=shelters'
    roads = helsinki_db + '|layername=road_network'
    memory, _ = run_algorithm('resilience:service_areas', {'FACILITIES': shelters, 'NETWORK': roads, 'PRESET': 1,
                                                           'OUTPUT_LINES': 'TEMPORARY_OUTPUT'})
    path = str(tmp_path / 'sa.gpkg')
    run_algorithm('resilience:service_areas', {'FACILITIES': shelters, 'NETWORK': roads, 'PRESET': 1,
                                               'OUTPUT_LINES': path})
    written = QgsVectorLayer(path, 'sa', 'ogr')
    assert memory['OUTPUT_LINES'].featureCount() > 10
    assert written.featureCount() == memory['OUTPUT_LINES'].featureCount()
    assert 'fac_fid' in written.fields().names()
