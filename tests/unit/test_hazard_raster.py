"""core.hazard_raster against cell-by-cell computations written here (cell centres tested with shapely).

Reading window by window must give the answer of one whole read; every result is also computed by hand.
"""
import numpy as np
import pytest
import rasterio
from shapely.geometry import Point, Polygon

from resilience_plugin.core import hazard_raster as hr

from .rasters import write_raster

CRS = 'EPSG:32650'
X0, Y0, CELL = 1000.0, 2000.0, 10.0  # north-west corner of the test grids
WINDOWS = (5, 64, 100000)


def random_grid(tmp_path, name, seed, shape=(43, 57), nodata=-1.0):
    rng = np.random.default_rng(seed)
    data = (rng.random(shape) * 3).astype('float32')
    data[rng.random(shape) < 0.07] = nodata
    return write_raster(str(tmp_path / name), data, X0, Y0, CELL, CRS, nodata=nodata), data, data != nodata


def centres(shape):
    """x, y of every cell centre, as (rows, cols) arrays."""
    rows, cols = np.indices(shape)
    return X0 + (cols + 0.5) * CELL, Y0 - (rows + 0.5) * CELL


def inside_mask(polygon, shape):
    xs, ys = centres(shape)
    return np.array([[polygon.contains(Point(x, y)) for x, y in zip(rx, ry)] for rx, ry in zip(xs, ys)])


def test_flood_depth_is_level_minus_elevation(tmp_path):
    dem, data, valid = random_grid(tmp_path, 'dem.tif', 1)
    for size in WINDOWS:
        out = str(tmp_path / 'depth{}.tif'.format(size))
        wet, deepest = hr.write_flood_depth(dem, 1.7, out, window_cells=size)
        with rasterio.open(out) as src:
            depth = src.read(1)
            assert src.nodata == hr.NODATA_FLOAT and src.crs.to_epsg() == 32650
        expected = np.where(valid, np.maximum(1.7 - data.astype('float64'), 0.0), hr.NODATA_FLOAT).astype('float32')
        assert np.array_equal(depth, expected)
        assert wet == np.count_nonzero(valid & (data < 1.7)) and deepest == pytest.approx(expected.max())


def test_points_polygons_and_population_by_cell_centre(tmp_path):
    path, data, valid = random_grid(tmp_path, 'pop.tif', 2)
    rng = np.random.default_rng(3)
    xy = np.column_stack([rng.uniform(X0 - 50, X0 + 620, 400), rng.uniform(Y0 - 480, Y0 + 50, 400)])
    col, row = np.floor((xy[:, 0] - X0) / CELL).astype(int), np.floor((Y0 - xy[:, 1]) / CELL).astype(int)
    polygons = [Point(X0 + 200, Y0 - 200).buffer(93.0), Polygon([(X0 + 11, Y0 - 7), (X0 + 333, Y0 - 51),
                (X0 + 97, Y0 - 299)]), Point(X0 + 402.5, Y0 - 101.5).buffer(2.0), Polygon()]
    breaks = [0.5, 1.5]
    for size in WINDOWS:
        values = hr.sample_points(path, xy, window_cells=size)
        for k in range(len(xy)):
            if 0 <= row[k] < data.shape[0] and 0 <= col[k] < data.shape[1] and valid[row[k], col[k]]:
                assert values[k] == data[row[k], col[k]]
            else:
                assert np.isnan(values[k])
        stats = hr.zonal_polygons(path, polygons, breaks, window_cells=size)
        for i, polygon in enumerate(polygons[:2]):
            mask = inside_mask(polygon, data.shape)
            assert stats.nodata_cells[i] == np.count_nonzero(mask & ~valid)
            good = data[mask & valid]
            assert stats.class_cells[i].tolist() == [np.count_nonzero(good < 0.5),
                                                     np.count_nonzero((good >= 0.5) & (good < 1.5)),
                                                     np.count_nonzero(good >= 1.5)]
            assert stats.max[i] == good.max()
            assert hr.population_in_polygon(path, polygon) == pytest.approx(good.sum(), rel=1e-6)
        # smaller than a cell: the value at its representative point (cell row 10, column 40)
        assert stats.cells[2] == 1 and stats.max[2] == (data[10, 40] if valid[10, 40] else np.nan)
        assert stats.cells[3] == 0 and np.isnan(stats.max[3])
        zones = [('a', polygons[0]), ('b', polygons[1].difference(polygons[0])), ('empty', Polygon())]
        totals = hr.population_in_zones(path, zones, window_cells=size)
        for label, zone in zones[:2]:
            assert totals[label] == pytest.approx(data[inside_mask(zone, data.shape) & valid].sum(), rel=1e-6)
        assert totals['empty'] == 0.0


def test_population_by_hazard_class(tmp_path):
    pop, people, pop_valid = random_grid(tmp_path, 'people.tif', 4)
    hazard, depth, hazard_valid = random_grid(tmp_path, 'hazard.tif', 5, shape=(40, 50))
    for size in WINDOWS:
        totals = hr.population_by_hazard(pop, hazard, [0.5, 1.5], window_cells=size)
        expected = np.zeros(4)
        for r, c in zip(*np.nonzero(pop_valid & (people != 0))):
            if r < 40 and c < 50 and hazard_valid[r, c]:
                expected[np.searchsorted([0.5, 1.5], depth[r, c], side='right')] += people[r, c]
            else:
                expected[3] += people[r, c]  # outside the hazard raster or nodata there
        np.testing.assert_allclose(totals, expected, rtol=1e-6)


def test_release_footprint_rings(tmp_path):
    transform, width, height = hr.release_grid((X0, Y0 - 430.0, X0 + 570.0, Y0), CELL)
    assert (width, height) == (57, 43) and transform.f == Y0
    sources, radii = np.array([[X0 + 100, Y0 - 100], [X0 + 400, Y0 - 300]]), np.array([150.0, 90.0])
    for size in WINDOWS:
        out = str(tmp_path / 'release{}.tif'.format(size))
        counts = hr.write_release_footprint(sources, radii, 3, transform, width, height, CRS, out, window_cells=size)
        with rasterio.open(out) as src:
            classes = src.read(1)
        xs, ys = centres((height, width))
        expected = np.zeros((height, width), int)
        for (x, y), radius in zip(sources, radii):
            d = np.hypot(xs - x, ys - y)
            expected = np.maximum(expected, np.where(d < radius, 3 - np.floor(d * 3 / radius), 0).astype(int))
        assert np.array_equal(classes, expected)
        assert counts.tolist() == np.bincount(expected.ravel(), minlength=4).tolist()


def test_windowing_is_exact_on_a_random_raster(tmp_path):
    rng = np.random.default_rng(4)
    data = rng.random((157, 211)).astype('float32') * 3
    data[rng.random(data.shape) < 0.05] = -1
    path = write_raster(str(tmp_path / 'r.tif'), data, 0.0, 1570.0, 10.0, CRS, nodata=-1)
    lines = [np.column_stack([rng.uniform(-100, 2200, 4), rng.uniform(-100, 1700, 4)]) for _ in range(300)]
    segments = hr.Segments.from_lines(lines)
    whole = hr.sample_lines(path, segments, [0.5, 1.5], window_cells=100000)
    for size in (5, 7, 64):
        part = hr.sample_lines(path, segments, [0.5, 1.5], window_cells=size)
        np.testing.assert_allclose(part.class_m, whole.class_m, rtol=1e-9, atol=1e-9)
        np.testing.assert_allclose(part.nodata_m, whole.nodata_m, rtol=1e-9, atol=1e-9)
        np.testing.assert_array_equal(part.max, whole.max)
        np.testing.assert_allclose(part.mean, whole.mean, rtol=1e-9)
    # Every metre is somewhere: valid + nodata + outside = the line's length.
    lengths = np.array([np.hypot(*np.diff(c, axis=0).T).sum() for c in lines])
    np.testing.assert_allclose(whole.valid_m + whole.nodata_m + whole.outside_m, lengths, rtol=1e-9)
