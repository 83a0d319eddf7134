"""Hazard rasters read and written window by window with rasterio: memory does not grow with the raster.

- ``sample_lines``: maximum, mean and length per hazard class along lines, sampled at a fixed spacing
  (``samples_per_cell`` per cell) whose positions do not depend on the window size, so any window size
  gives the same answer as reading the raster at once.
- ``sample_points`` and ``zonal_polygons``: values at points, class areas inside polygons.
- ``population_in_zones`` / ``population_by_hazard``: a population raster summed inside graded zones
  or by hazard class.
- ``write_flood_depth`` and ``write_release_footprint``: scenario rasters (GeoTIFF).

Coordinates passed in are in the raster's CRS; lengths in metres are passed separately (the caller
measures them in a metric CRS), so a raster in degrees still gives metres.
"""
import math

import numpy as np
import rasterio
from rasterio import features
from rasterio.transform import Affine
from rasterio.windows import Window

from ..definitions import RASTER_SAMPLES_PER_CELL, RASTER_WINDOW_CELLS

NODATA_FLOAT = -9999.0


class RasterError(Exception):
    """A raster the overlay cannot use (rotated grid, several bands, unreadable)."""


class Cancelled(Exception):
    """The caller's cancel() returned True."""


def _check(cancel):
    if cancel is not None and cancel():
        raise Cancelled()


def windows(width, height, size):
    """Square windows of ``size`` cells covering a width x height grid, row by row."""
    size = max(1, int(size))
    for row in range(0, height, size):
        for col in range(0, width, size):
            yield Window(col, row, min(size, width - col), min(size, height - row))


def _north_up(transform):
    if transform.b != 0 or transform.d != 0:
        raise RasterError('rotated rasters are not supported')
    return transform


def apply_affine(transform, x, y):
    """(x', y') arrays: ``transform`` applied to coordinate arrays, like ``transform * (x, y)`` (which
    affine 3 deprecates in favour of ``@``, an operator the affine 2.4 of Debian 12 does not have)."""
    x, y = np.asarray(x, dtype='float64'), np.asarray(y, dtype='float64')
    return transform.a * x + transform.b * y + transform.c, transform.d * x + transform.e * y + transform.f


def read_valid(src, window):
    """(values as float64, valid mask) of band 1 in ``window``: nodata and NaN are invalid.

    The raster is opened for this one read and closed again: GDAL drops a closed dataset's cached blocks,
    so the block cache does not fill up with the whole raster as the windows move on (memory stays flat).
    """
    with rasterio.open(src.name) as fresh:
        return _read_valid(fresh, window)


def _read_valid(src, window):
    data = src.read(1, window=window).astype('float64')
    valid = np.isfinite(data)
    if src.nodata is not None and not (isinstance(src.nodata, float) and math.isnan(src.nodata)):
        valid &= data != src.nodata
    return data, valid


def classify(values, breaks):
    """Hazard class of each value: 0 below the first break, i for breaks[i-1] <= value < breaks[i]."""
    return np.searchsorted(np.asarray(breaks, dtype='float64'), values, side='right')


def raster_info(path):
    with rasterio.open(path) as src:
        return dict(crs_wkt=src.crs.to_wkt() if src.crs else '', width=src.width, height=src.height,
                    bounds=tuple(src.bounds), res=src.res, nodata=src.nodata, count=src.count,
                    dtype=src.dtypes[0])


# --- Lines ---------------------------------------------------------------------------------------

class Segments:
    """Straight pieces of lines: ``xy`` (n, 4) x0 y0 x1 y1 in the raster CRS, ``length_m`` (n,), ``line`` (n,)."""

    def __init__(self, xy, length_m, line, line_count):
        self.xy = np.asarray(xy, dtype='float64').reshape(-1, 4)
        self.length_m = np.asarray(length_m, dtype='float64')
        self.line = np.asarray(line, dtype='int64')
        self.line_count = int(line_count)

    @classmethod
    def from_lines(cls, lines, lengths=None):
        """From a list of coordinate arrays (k, 2) per line (raster CRS) and, optionally, per-segment metres.

        ``lengths``: list of arrays (k-1,) of segment lengths in metres; default: lengths in the raster CRS.
        """
        xy, length, owner = [], [], []
        for i, coords in enumerate(lines):
            coords = np.asarray(coords, dtype='float64').reshape(-1, 2)
            if len(coords) < 2:
                continue
            seg = np.hstack([coords[:-1], coords[1:]])
            xy.append(seg)
            if lengths is None:
                length.append(np.hypot(seg[:, 2] - seg[:, 0], seg[:, 3] - seg[:, 1]))
            else:
                length.append(np.asarray(lengths[i], dtype='float64'))
            owner.append(np.full(len(seg), i, dtype='int64'))
        if not xy:
            return cls(np.zeros((0, 4)), np.zeros(0), np.zeros(0, dtype='int64'), len(lines))
        return cls(np.vstack(xy), np.concatenate(length), np.concatenate(owner), len(lines))


def _clip_params(c0, r0, dc, dr, xmin, xmax, ymin, ymax):
    """Liang-Barsky: parameter range [t0, t1] of each segment inside the closed rectangle (t0 > t1: outside)."""
    t0 = np.zeros(len(c0))
    t1 = np.ones(len(c0))
    for p, q in ((-dc, c0 - xmin), (dc, xmax - c0), (-dr, r0 - ymin), (dr, ymax - r0)):
        parallel = p == 0
        outside = parallel & (q < 0)
        t0[outside], t1[outside] = 1.0, 0.0
        with np.errstate(divide='ignore', invalid='ignore'):
            r = np.where(parallel, 0.0, q / np.where(parallel, 1.0, p))
        entering = (~parallel) & (p < 0)
        leaving = (~parallel) & (p > 0)
        t0 = np.where(entering, np.maximum(t0, r), t0)
        t1 = np.where(leaving, np.minimum(t1, r), t1)
    return t0, t1


class LineStats:
    """Per line: max and length-weighted mean of valid values, length by class, nodata and outside length."""

    def __init__(self, line_count, class_count):
        self.max = np.full(line_count, np.nan)
        self.weighted = np.zeros(line_count)
        self.valid_m = np.zeros(line_count)
        self.nodata_m = np.zeros(line_count)
        self.class_m = np.zeros((line_count, class_count + 1))  # column 0: below the first break
        self.total_m = np.zeros(line_count)

    @property
    def mean(self):
        with np.errstate(invalid='ignore', divide='ignore'):
            return np.where(self.valid_m > 0, self.weighted / np.where(self.valid_m > 0, self.valid_m, 1), np.nan)

    @property
    def exposed_m(self):
        return self.class_m[:, 1:].sum(axis=1)

    @property
    def outside_m(self):
        return np.maximum(self.total_m - self.valid_m - self.nodata_m, 0.0)

    @property
    def top_class(self):
        """Highest class reached along the line (0: none)."""
        hit = self.class_m > 0
        idx = np.where(hit.any(axis=1), hit.shape[1] - 1 - np.argmax(hit[:, ::-1], axis=1), 0)
        return idx


def sample_lines(path, segments, breaks, window_cells=RASTER_WINDOW_CELLS, samples_per_cell=RASTER_SAMPLES_PER_CELL,
                 progress=None, cancel=None):
    """Sample band 1 of the raster at ``path`` along ``segments`` (a Segments), window by window.

    Each segment gets n = ceil(length in cells x samples_per_cell) samples at the middles of n equal
    parts, each standing for length_m / n metres. Returns a LineStats.
    """
    breaks = np.asarray(sorted(breaks), dtype='float64')
    stats = LineStats(segments.line_count, len(breaks))
    stats.total_m = np.bincount(segments.line, weights=segments.length_m, minlength=segments.line_count)
    if len(segments.length_m) == 0:
        return stats
    with rasterio.open(path) as src:
        inverse = ~_north_up(src.transform)
        c0, r0 = apply_affine(inverse, segments.xy[:, 0], segments.xy[:, 1])
        c1, r1 = apply_affine(inverse, segments.xy[:, 2], segments.xy[:, 3])
        dc, dr = c1 - c0, r1 - r0
        count = np.maximum(1, np.ceil(np.hypot(dc, dr) * samples_per_cell)).astype('int64')
        weight = segments.length_m / count
        cmin, cmax = np.minimum(c0, c1), np.maximum(c0, c1)
        rmin, rmax = np.minimum(r0, r1), np.maximum(r0, r1)
        all_windows = list(windows(src.width, src.height, window_cells))
        for done, win in enumerate(all_windows):
            _check(cancel)
            xmin, ymin = win.col_off, win.row_off
            xmax, ymax = xmin + win.width, ymin + win.height
            near = np.nonzero((cmax >= xmin) & (cmin <= xmax) & (rmax >= ymin) & (rmin <= ymax))[0]
            if len(near):
                _window_samples(src, win, near, c0, r0, dc, dr, count, weight, segments.line, breaks, stats)
            if progress is not None:
                progress(100.0 * (done + 1) / len(all_windows))
    return stats


def _window_samples(src, win, near, c0, r0, dc, dr, count, weight, owner, breaks, stats):
    xmin, ymin = win.col_off, win.row_off
    xmax, ymax = xmin + win.width, ymin + win.height
    t0, t1 = _clip_params(c0[near], r0[near], dc[near], dr[near], xmin, xmax, ymin, ymax)
    n = count[near]
    k_first = np.ceil(t0 * n - 0.5).astype('int64')
    k_last = np.floor(t1 * n - 0.5).astype('int64')
    k_first = np.maximum(k_first, 0)
    k_last = np.minimum(k_last, n - 1)
    per = np.maximum(k_last - k_first + 1, 0)
    total = int(per.sum())
    if total == 0:
        return
    which = np.repeat(np.arange(len(near)), per)
    offsets = np.cumsum(per) - per
    k = k_first[which] + (np.arange(total) - offsets[which])
    seg = near[which]
    t = (k + 0.5) / count[seg]
    col = np.floor(c0[seg] + t * dc[seg]).astype('int64') - xmin
    row = np.floor(r0[seg] + t * dr[seg]).astype('int64') - ymin
    inside = (col >= 0) & (col < win.width) & (row >= 0) & (row < win.height)
    if not inside.any():
        return
    col, row, seg = col[inside], row[inside], seg[inside]
    data, valid = read_valid(src, win)
    values = data[row, col]
    ok = valid[row, col]
    w = weight[seg]
    line = owner[seg]
    size = stats.max.shape[0]
    stats.nodata_m += np.bincount(line[~ok], weights=w[~ok], minlength=size)
    line, w, values = line[ok], w[ok], values[ok]
    if not len(line):
        return
    stats.valid_m += np.bincount(line, weights=w, minlength=size)
    stats.weighted += np.bincount(line, weights=w * values, minlength=size)
    current = np.where(np.isnan(stats.max), -np.inf, stats.max)
    np.maximum.at(current, line, values)
    stats.max = np.where(np.isneginf(current), np.nan, current)
    classes = classify(values, breaks)
    width = stats.class_m.shape[1]
    stats.class_m += np.bincount(line * width + classes, weights=w, minlength=size * width).reshape(size, width)


# --- Points and polygons ---------------------------------------------------------------------------

def sample_points(path, xy, window_cells=RASTER_WINDOW_CELLS, cancel=None):
    """Band-1 value at each point (n, 2) in the raster CRS; NaN for nodata or outside the raster."""
    xy = np.asarray(xy, dtype='float64').reshape(-1, 2)
    out = np.full(len(xy), np.nan)
    if not len(xy):
        return out
    with rasterio.open(path) as src:
        inverse = ~_north_up(src.transform)
        cols, rows = apply_affine(inverse, xy[:, 0], xy[:, 1])
        cols = np.floor(cols).astype('int64')
        rows = np.floor(rows).astype('int64')
        inside = (cols >= 0) & (cols < src.width) & (rows >= 0) & (rows < src.height)
        size = max(1, int(window_cells))
        key = np.where(inside, (rows // size) * (src.width // size + 1) + cols // size, -1)
        for block in np.unique(key[inside]):
            _check(cancel)
            idx = np.nonzero(key == block)[0]
            wr, wc = rows[idx[0]] // size * size, cols[idx[0]] // size * size
            win = Window(wc, wr, min(size, src.width - wc), min(size, src.height - wr))
            data, valid = read_valid(src, win)
            rr, cc = rows[idx] - wr, cols[idx] - wc
            out[idx] = np.where(valid[rr, cc], data[rr, cc], np.nan)
    return out


class PolygonStats:
    """Per polygon: cells inside by class (column 0 below the first break), nodata cells, max value."""

    def __init__(self, count, class_count):
        self.class_cells = np.zeros((count, class_count + 1))
        self.nodata_cells = np.zeros(count)
        self.max = np.full(count, np.nan)

    @property
    def cells(self):
        return self.class_cells.sum(axis=1) + self.nodata_cells

    @property
    def exposed_share(self):
        with np.errstate(invalid='ignore', divide='ignore'):
            cells = np.where(self.cells > 0, self.cells, 1)
            return np.where(self.cells > 0, self.class_cells[:, 1:].sum(axis=1) / cells, 0.0)

    def class_shares(self):
        with np.errstate(invalid='ignore', divide='ignore'):
            return self.class_cells / np.where(self.cells > 0, self.cells, 1)[:, None]


def zonal_polygons(path, polygons, breaks, window_cells=RASTER_WINDOW_CELLS, cancel=None):
    """Class areas of ``polygons`` (shapely, raster CRS): cells whose centre is inside, window by window.

    A polygon that holds no cell centre (smaller than a cell) takes the value at its representative point.
    """
    breaks = np.asarray(sorted(breaks), dtype='float64')
    stats = PolygonStats(len(polygons), len(breaks))
    if not polygons:
        return stats
    bounds = np.array([p.bounds if not p.is_empty else (np.inf, np.inf, -np.inf, -np.inf) for p in polygons])
    with rasterio.open(path) as src:
        transform = _north_up(src.transform)
        for win in windows(src.width, src.height, window_cells):
            _check(cancel)
            left, bottom, right, top = rasterio.windows.bounds(win, transform)
            near = np.nonzero((bounds[:, 2] >= min(left, right)) & (bounds[:, 0] <= max(left, right)) &
                              (bounds[:, 3] >= min(bottom, top)) & (bounds[:, 1] <= max(bottom, top)))[0]
            if not len(near):
                continue
            data, valid = read_valid(src, win)
            wt = rasterio.windows.transform(win, transform)
            classes = classify(data, breaks)
            for i in near:
                mask = features.geometry_mask([polygons[i]], out_shape=data.shape, transform=wt, invert=True)
                if not mask.any():
                    continue
                good = mask & valid
                stats.nodata_cells[i] += np.count_nonzero(mask & ~valid)
                if good.any():
                    stats.class_cells[i] += np.bincount(classes[good], minlength=len(breaks) + 1)
                    top_value = data[good].max()
                    stats.max[i] = top_value if np.isnan(stats.max[i]) else max(stats.max[i], top_value)
    small = [i for i in range(len(polygons)) if stats.cells[i] == 0 and not polygons[i].is_empty]
    if small:
        points = np.array([polygons[i].representative_point().coords[0] for i in small])
        values = sample_points(path, points, window_cells)
        for i, value in zip(small, values):
            if np.isnan(value):
                continue
            stats.max[i] = value
            stats.class_cells[i, int(classify(np.array([value]), breaks)[0])] = 1.0
    return stats


def population_in_zones(path, zones, window_cells=RASTER_WINDOW_CELLS, cancel=None):
    """{label: population}: a population raster summed over cells whose centre lies in each zone.

    ``zones``: list of (label, polygon in the raster CRS), not overlapping.
    """
    totals = {label: 0.0 for label, _ in zones}
    shapes = [(geom, i + 1) for i, (_, geom) in enumerate(zones) if not geom.is_empty]
    if not shapes:
        return totals
    with rasterio.open(path) as src:
        transform = _north_up(src.transform)
        for win in windows(src.width, src.height, window_cells):
            _check(cancel)
            data, valid = read_valid(src, win)
            labels = features.rasterize(shapes, out_shape=data.shape, transform=rasterio.windows.transform(
                win, transform), fill=0, dtype='int32')
            use = valid & (labels > 0)
            if use.any():
                sums = np.bincount(labels[use], weights=data[use], minlength=len(zones) + 1)
                for i, (label, _) in enumerate(zones):
                    totals[label] += float(sums[i + 1])
    return totals


def population_by_hazard(pop_path, hazard_path, breaks, to_hazard=None, window_cells=RASTER_WINDOW_CELLS,
                         cancel=None):
    """Population of a raster by hazard class (index 0: below the first break; last: no hazard value).

    Each populated cell's centre is looked up in the hazard raster; ``to_hazard(x, y)`` transforms
    coordinates from the population raster's CRS to the hazard raster's (None: same CRS).
    """
    breaks = np.asarray(sorted(breaks), dtype='float64')
    totals = np.zeros(len(breaks) + 2)
    with rasterio.open(pop_path) as src:
        transform = _north_up(src.transform)
        for win in windows(src.width, src.height, window_cells):
            _check(cancel)
            data, valid = read_valid(src, win)
            use = valid & (data != 0)
            if not use.any():
                continue
            rows, cols = np.nonzero(use)
            wt = rasterio.windows.transform(win, transform)
            xs, ys = apply_affine(wt, cols + 0.5, rows + 0.5)
            if to_hazard is not None:
                xs, ys = to_hazard(xs, ys)
            values = sample_points(hazard_path, np.column_stack([xs, ys]), window_cells)
            classes = np.where(np.isnan(values), len(breaks) + 1, classify(np.nan_to_num(values), breaks))
            totals += np.bincount(classes, weights=data[use], minlength=len(breaks) + 2)
    return totals


# --- Scenario rasters ------------------------------------------------------------------------------

def _profile(width, height, transform, crs, dtype, nodata):
    profile = dict(driver='GTiff', width=width, height=height, count=1, dtype=dtype, crs=crs,
                   transform=transform, compress='deflate')
    if nodata is not None:
        profile['nodata'] = nodata
    if width >= 256 and height >= 256:
        profile.update(tiled=True, blockxsize=256, blockysize=256)
    return profile


def write_flood_depth(dem_path, level, out_path, window_cells=RASTER_WINDOW_CELLS, progress=None, cancel=None):
    """Flood depth = level - elevation where positive, 0 where dry, nodata where the DEM has none.

    Returns (wet cells, maximum depth).
    """
    wet, deepest = 0, 0.0
    with rasterio.open(dem_path) as src:
        _north_up(src.transform)
        profile = _profile(src.width, src.height, src.transform, src.crs, 'float32', NODATA_FLOAT)
        all_windows = list(windows(src.width, src.height, window_cells))
        with rasterio.open(out_path, 'w', **profile) as dst:
            for done, win in enumerate(all_windows):
                _check(cancel)
                data, valid = read_valid(src, win)
                depth = np.maximum(float(level) - data, 0.0)
                depth = np.where(valid, depth, NODATA_FLOAT).astype('float32')
                wet += int(np.count_nonzero(valid & (depth > 0)))
                if (valid & (depth > 0)).any():
                    deepest = max(deepest, float(depth[valid].max()))
                dst.write(depth, 1, window=win)
                if progress is not None:
                    progress(100.0 * (done + 1) / len(all_windows))
    return wet, deepest


def release_grid(bounds, cell):
    """(transform, width, height) of a grid of ``cell`` metres covering bounds (xmin, ymin, xmax, ymax)."""
    xmin, ymin, xmax, ymax = bounds
    width = max(1, int(math.ceil((xmax - xmin) / cell)))
    height = max(1, int(math.ceil((ymax - ymin) / cell)))
    return Affine(cell, 0.0, xmin, 0.0, -cell, ymin + height * cell), width, height


def release_classes(distance, radius, classes):
    """Class value of cells at ``distance`` from a source: ``classes`` in the inner ring down to 1; 0 outside."""
    with np.errstate(invalid='ignore', divide='ignore'):
        ring = np.floor(distance * classes / radius)
    return np.where(distance < radius, classes - ring, 0).astype('uint8')


def write_release_footprint(centres, radii, classes, transform, width, height, crs, out_path,
                            window_cells=RASTER_WINDOW_CELLS, progress=None, cancel=None):
    """Distance-decay classes around each centre (n, 2) with its radius; the highest class wins.

    Returns the number of cells of each class value (index = value).
    """
    centres = np.asarray(centres, dtype='float64').reshape(-1, 2)
    radii = np.asarray(radii, dtype='float64')
    counts = np.zeros(classes + 1, dtype='int64')
    profile = _profile(width, height, transform, crs, 'uint8', None)
    all_windows = list(windows(width, height, window_cells))
    with rasterio.open(out_path, 'w', **profile) as dst:
        for done, win in enumerate(all_windows):
            _check(cancel)
            wt = rasterio.windows.transform(win, transform)
            left, bottom, right, top = rasterio.windows.bounds(win, transform)
            out = np.zeros((win.height, win.width), dtype='uint8')
            near = np.nonzero((centres[:, 0] + radii >= left) & (centres[:, 0] - radii <= right) &
                              (centres[:, 1] + radii >= bottom) & (centres[:, 1] - radii <= top))[0]
            if len(near):
                cols = np.arange(win.width) + 0.5
                rows = np.arange(win.height) + 0.5
                xs = wt.c + cols * wt.a
                ys = wt.f + rows * wt.e
                for i in near:
                    d = np.hypot(xs[None, :] - centres[i, 0], ys[:, None] - centres[i, 1])
                    np.maximum(out, release_classes(d, radii[i], classes), out=out)
            counts += np.bincount(out.ravel(), minlength=classes + 1)[:classes + 1]
            dst.write(out, 1, window=win)
            if progress is not None:
                progress(100.0 * (done + 1) / len(all_windows))
    return counts


def population_in_polygon(path, polygon):
    """Population raster summed over the cells whose centre lies in ``polygon`` (raster CRS).

    Reads only the window covering the polygon's bounds.
    """
    if polygon.is_empty:
        return 0.0
    with rasterio.open(path) as src:
        transform = _north_up(src.transform)
        minx, miny, maxx, maxy = polygon.bounds
        cols, rows = apply_affine(~transform, [minx, maxx], [maxy, miny])
        # every cell the bounds touch (rasterio's Window.round_* ignore 'floor'/'ceil' and round lengths)
        col0, row0 = max(0, math.floor(cols.min())), max(0, math.floor(rows.min()))
        col1, row1 = min(src.width, math.ceil(cols.max())), min(src.height, math.ceil(rows.max()))
        if col1 <= col0 or row1 <= row0:
            return 0.0
        window = Window(col0, row0, col1 - col0, row1 - row0)
        data, valid = read_valid(src, window)
        mask = features.geometry_mask([polygon], out_shape=data.shape,
                                      transform=rasterio.windows.transform(window, transform), invert=True)
        return float(data[mask & valid].sum())
