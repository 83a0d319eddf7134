"""Hazard rasters: flood depth from a DEM, release footprint, exposure sampled window by window."""
import math

import numpy as np
import pyproj
import pytest
import rasterio

from risk_helpers import features_of, memory_layer, write_raster
from resilience_plugin.core import hazard_raster as hr

CRS = 'EPSG:32650'
X0, Y0, CELL = 500000.0, 3400050.0, 10.0  # 10 columns x 5 rows of 10 m


def dem(tmp_path):
    """Elevation 10 - column (10 m at the west edge down to 1 m); one nodata cell at row 0, column 9."""
    data = np.tile(10.0 - np.arange(10, dtype='float32'), (5, 1))
    data[0, 9] = -9999.0
    return write_raster(str(tmp_path / 'dem.tif'), data, X0, Y0, CELL, CRS, nodata=-9999.0)


def flood(run, tmp_path, level=5.0):
    out = str(tmp_path / 'depth.tif')
    run('resilience:hazard_from_scenario', {'DEM': dem(tmp_path), 'LEVEL': level, 'OUTPUT': out})
    return out


def row_y(row):
    return Y0 - (row + 0.5) * CELL


def test_flood_depth_is_level_minus_elevation_and_keeps_nodata(run, tmp_path):
    with rasterio.open(flood(run, tmp_path)) as src:
        depth = src.read(1)
        assert src.nodata == hr.NODATA_FLOAT and src.crs.to_epsg() == 32650
    # Level 5 over elevation 10 - col: dry (0) up to column 5, then 1, 2, 3, 4 m.
    assert depth[2].tolist() == [0, 0, 0, 0, 0, 0, 1, 2, 3, 4]
    assert depth[0, 9] == hr.NODATA_FLOAT


def exposure_of_lines(run, tmp_path, hazard, lines, window=None, **extra):
    params = {'HAZARD': hazard, 'HAZARD_BREAKS': '0.15,0.5,1.5', 'TARGETS': [lines],
              'OUTPUT': str(tmp_path / 'lines_{}.gpkg'.format(window)),
              'OUTPUT_SUMMARY': str(tmp_path / 'summary_{}.gpkg'.format(window))}
    if window:
        params['WINDOW_CELLS'] = window
    params.update(extra)
    result, feedback = run('resilience:exposure', params)
    by_fid = {f['feature_id']: f for f in features_of(result['OUTPUT'])}
    return by_fid, features_of(result['OUTPUT_SUMMARY']), feedback


def lifelines(crs=CRS, transform=None):
    rows = [('LINESTRING({} {}, {} {})'.format(X0, row_y(2), X0 + 100, row_y(2)), ['water_supply']),
            ('LINESTRING({} {}, {} {})'.format(X0, row_y(0), X0 + 100, row_y(0)), ['power']),
            ('LINESTRING({} {}, {} {})'.format(X0, row_y(4), X0 + 40, row_y(4)), ['gas'])]  # dry
    if transform is not None:
        rows = []
        for wkt_row, values in ((2, ['water_supply']), (0, ['power']), (4, ['gas'])):
            x1 = X0 + (40 if wkt_row == 4 else 100)
            (ax, bx), (ay, by) = transform([X0, x1], [row_y(wkt_row), row_y(wkt_row)])
            rows.append(('LINESTRING({!r} {!r}, {!r} {!r})'.format(ax, ay, bx, by), values))
    return memory_layer('LineString', crs, ['network:string'], rows, name='lifelines')


def test_max_and_mean_along_lines_by_hand(run, tmp_path):
    lines, summary, feedback = exposure_of_lines(run, tmp_path, flood(run, tmp_path), lifelines())
    water, power = lines[1], lines[2]
    assert 3 not in lines  # the dry gas line is not exposed
    # Row 2: depths 0 x6, 1, 2, 3, 4 over 10 m each: max 4, mean 10/10 = 1.0.
    assert water['max_value'] == pytest.approx(4.0) and water['mean_value'] == pytest.approx(1.0)
    assert water['exposed_length_m'] == pytest.approx(40.0) and water['length_m'] == pytest.approx(100.0)
    assert water['hazard_class'] == '>=1.5' and water['risk_grade'] == 'major'
    # Row 0: column 9 is nodata: max 3, mean (1+2+3)/9 over the 90 valid metres.
    assert power['max_value'] == pytest.approx(3.0) and power['mean_value'] == pytest.approx(6.0 / 9.0)
    assert power['exposed_length_m'] == pytest.approx(30.0)
    rows = {(f['network'], f['hazard_class']): f['exposed_length_m'] for f in summary}
    assert rows == {('water_supply', '0.5-1.5'): pytest.approx(10.0), ('water_supply', '>=1.5'): pytest.approx(30.0),
                    ('power', '0.5-1.5'): pytest.approx(10.0), ('power', '>=1.5'): pytest.approx(20.0)}
    assert 'nodata' in feedback.text()


def test_small_windows_give_the_same_answer(run, tmp_path):
    hazard = flood(run, tmp_path)
    whole, _, _ = exposure_of_lines(run, tmp_path, hazard, lifelines(), window=None)
    small, _, _ = exposure_of_lines(run, tmp_path, hazard, lifelines(), window=3)
    for fid in whole:
        for name in ('max_value', 'mean_value', 'exposed_length_m'):
            assert small[fid][name] == pytest.approx(whole[fid][name], rel=1e-12)


def test_vectors_in_another_crs_are_transformed_to_the_raster(run, tmp_path):
    to_wgs84 = pyproj.Transformer.from_crs(CRS, 'EPSG:4326', always_xy=True).transform
    lines = lifelines('EPSG:4326', transform=lambda xs, ys: to_wgs84(xs, ys))
    result, _, feedback = exposure_of_lines(run, tmp_path, flood(run, tmp_path), lines)
    assert result[1]['max_value'] == pytest.approx(4.0)
    assert result[1]['mean_value'] == pytest.approx(1.0, abs=0.01)
    # The line gets vertices every half cell before it is transformed: the samples no longer fall on the
    # cell edges as they do in the raster's CRS, so the class boundary is found to a quarter of a cell.
    assert result[1]['exposed_length_m'] == pytest.approx(40.0, abs=CELL / 4)
    assert 'transformed to the raster CRS' in feedback.text()


def test_a_long_straight_line_in_another_crs_is_sampled_along_its_true_course(run, tmp_path):
    """A line straight in EPSG:4326 (the parallel 60.5 N from 21 E to 33 E) is an arc in UTM zone 35, bowing
    about 15 km from its chord. The hazard lies along the arc's middle third: the exposed length must be the
    arc's length over hazard cells, computed here in the raster's CRS with shapely on the arc drawn with
    20,001 points; the chord (the line transformed vertex by vertex) misses the hazard."""
    from shapely.geometry import LineString, Point, box
    from shapely.ops import unary_union
    utm = 'EPSG:32635'
    to_utm = pyproj.Transformer.from_crs('EPSG:4326', utm, always_xy=True).transform
    xs, ys = to_utm(np.linspace(21.0, 33.0, 20001), np.full(20001, 60.5))
    arc = LineString(np.column_stack([xs, ys]))
    chord_line = LineString([(xs[0], ys[0]), (xs[-1], ys[-1])])
    cell = 2000.0
    left, top = math.floor(xs.min() / cell) * cell - 10 * cell, math.ceil(ys.max() / cell) * cell + 10 * cell
    width = int(math.ceil((xs.max() - left) / cell)) + 10
    height = int(math.ceil((top - ys.min()) / cell)) + 10
    third = (xs.max() - xs.min()) / 3.0
    data = np.zeros((height, width), dtype='float32')
    cells = []
    for row in range(height):
        for col in range(width):
            cx, cy = left + (col + 0.5) * cell, top - (row + 0.5) * cell
            if xs.min() + third <= cx <= xs.max() - third and arc.distance(Point(cx, cy)) <= 3000.0:
                data[row, col] = 1.0
                cells.append(box(cx - cell / 2, cy - cell / 2, cx + cell / 2, cy + cell / 2))
    hazard = write_raster(str(tmp_path / 'band.tif'), data, left, top, cell, utm)
    band = unary_union(cells)
    expected = arc.intersection(band).length
    assert expected > 200000 and chord_line.intersection(band).length < 0.01 * expected
    line = memory_layer('LineString', 'EPSG:4326', ['network:string'], [('LINESTRING(21 60.5, 33 60.5)', ['power'])],
                        name='lifelines')
    result, _ = run('resilience:exposure', {'HAZARD': hazard, 'HAZARD_BREAKS': '0.5', 'TARGETS': [line],
                                            'OUTPUT': 'memory:'})
    exposed = [f for f in result['OUTPUT'].getFeatures()]
    assert len(exposed) == 1
    # The samples stand for quarter cells at the two ends of the band: within 1 km of 230 km.
    assert exposed[0]['exposed_length_m'] == pytest.approx(expected, abs=cell / 2)
    assert exposed[0]['length_m'] == pytest.approx(arc.length, rel=1e-6)


def test_raster_that_does_not_overlap_warns(run, tmp_path):
    far = memory_layer('LineString', CRS, ['network:string'],
                       [('LINESTRING(0 0, 100 0)', ['gas'])], name='lifelines')
    lines, summary, feedback = exposure_of_lines(run, tmp_path, flood(run, tmp_path), far)
    assert lines == {} and summary == []
    assert 'does not overlap' in ' '.join(feedback.warnings)


def test_sites_and_population_on_the_raster(run, tmp_path):
    hazard = flood(run, tmp_path)
    shelters = memory_layer('Polygon', CRS, ['name:string'], [
        # columns 7-8, rows 1-2: depths 2 and 3; and a dry shelter on columns 0-1.
        ('POLYGON(({x7} {y3}, {x9} {y3}, {x9} {y1}, {x7} {y1}, {x7} {y3}))'.format(
            x7=X0 + 70, x9=X0 + 90, y1=Y0 - 10, y3=Y0 - 30), ['wet']),
        ('POLYGON(({a} {b}, {c} {b}, {c} {d}, {a} {d}, {a} {b}))'.format(a=X0, b=Y0 - 30, c=X0 + 20, d=Y0 - 10),
         ['dry'])], name='shelters')
    facilities = memory_layer('Point', CRS, ['name:string'], [
        ('POINT({} {})'.format(X0 + 95, row_y(3)), ['station'])], name='facilities')
    population = memory_layer('Polygon', CRS, ['population:double'], [
        # columns 4-7 of row 3: depths 0, 0, 1, 2 -> half of the people in the exposed classes.
        ('POLYGON(({a} {b}, {c} {b}, {c} {d}, {a} {d}, {a} {b}))'.format(a=X0 + 40, b=Y0 - 40, c=X0 + 80,
                                                                         d=Y0 - 30), [80.0])], name='population')
    sites = str(tmp_path / 'sites.gpkg')
    summary = str(tmp_path / 'summary.gpkg')
    run('resilience:exposure', {'HAZARD': hazard, 'TARGETS': [shelters, facilities, population],
                                'OUTPUT': 'memory:', 'OUTPUT_SITES': sites, 'OUTPUT_SUMMARY': summary})
    by_name = {f['name']: f for f in features_of(sites) if f['name']}
    assert set(by_name) == {'wet', 'station'}
    assert by_name['wet']['unusable'] and by_name['wet']['max_value'] == pytest.approx(3.0)
    assert by_name['station']['max_value'] == pytest.approx(4.0) and by_name['station']['hazard_class'] == '>=1.5'
    people = {f['hazard_class']: f['population'] for f in features_of(summary) if f['layer'] == 'population'}
    assert people == {'0.5-1.5': pytest.approx(20.0), '>=1.5': pytest.approx(20.0)}


def test_population_raster_inside_zones(run, tmp_path):
    pop = write_raster(str(tmp_path / 'pop.tif'), np.full((5, 10), 2.0, dtype='float32'), X0, Y0, CELL, CRS)
    from qgis.core import QgsRasterLayer
    layer = QgsRasterLayer(pop, 'population grid')
    zones = memory_layer('Polygon', CRS, ['risk_grade:string'], [
        ('POLYGON(({a} {b}, {c} {b}, {c} {d}, {a} {d}, {a} {b}))'.format(a=X0, b=Y0 - 30, c=X0 + 30, d=Y0),
         ['major'])], name='zones')
    summary = str(tmp_path / 'summary.gpkg')
    run('resilience:exposure', {'ZONES': zones, 'TARGETS': [layer], 'OUTPUT': 'memory:', 'OUTPUT_SUMMARY': summary})
    assert [(f['hazard_class'], f['population']) for f in features_of(summary)] == [('major', pytest.approx(18.0))]


def test_release_footprint_rings(run, tmp_path):
    sources = memory_layer('Point', CRS, ['kind:string', 'risk_grade:string'], [
        ('POINT(1000 1000)', ['hazardous_chemical', 'major'])])
    out = str(tmp_path / 'release.tif')
    run('resilience:hazard_from_scenario', {'RISK_SOURCES': sources, 'RADIUS': 100, 'CLASSES': 2,
                                            'CELL_SIZE': 10, 'OUTPUT': out})
    with rasterio.open(out) as src:
        data = src.read(1)
        assert src.res == (10.0, 10.0) and src.bounds.left == 900 and src.bounds.top == 1100
        value = {(x, y): data[src.index(x, y)] for x, y in ((1005, 1005), (1045, 1005), (1055, 1005),
                                                             (1095, 1005), (1095, 1095), (905, 1095))}
    # Cell centres 5, 45 m from the source -> inner ring (2); 55, 95 m -> outer ring (1); beyond -> 0.
    assert value == {(1005, 1005): 2, (1045, 1005): 2, (1055, 1005): 1, (1095, 1005): 1, (1095, 1095): 0,
                     (905, 1095): 0}
    assert int((data == 2).sum()) == pytest.approx(np.pi * 50 ** 2 / 100, rel=0.1)


def test_cancel_leaves_no_file_behind(run, tmp_path):
    from qgis.core import QgsProcessingException
    from tools.qgis_env import RecordingFeedback
    feedback = RecordingFeedback()
    feedback.cancel()
    out = tmp_path / 'out' / 'depth.tif'
    out.parent.mkdir()
    with pytest.raises(QgsProcessingException):
        run('resilience:hazard_from_scenario', {'DEM': dem(tmp_path), 'LEVEL': 5.0, 'OUTPUT': str(out)}, feedback)
    assert list(out.parent.iterdir()) == []
