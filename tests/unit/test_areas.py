"""core.areas.points_in_polygons against an even-odd ray-casting test written here, on real polygons."""
import numpy as np
from shapely import wkb

from resilience_plugin.core.areas import points_in_polygons


def rings(polygon):
    """Every ring (exterior and holes) of a polygon or multipolygon as an (n, 2) array."""
    parts = getattr(polygon, 'geoms', [polygon])
    return [np.asarray(ring.coords) for part in parts for ring in [part.exterior, *part.interiors]]


def inside(x, y, polygon_rings):
    """Even-odd rule: a point is inside when a ray to +x crosses the rings an odd number of times."""
    crossings = 0
    for ring in polygon_rings:
        (x0, y0), (x1, y1) = ring[:-1].T, ring[1:].T
        straddle = (y0 > y) != (y1 > y)
        with np.errstate(divide='ignore', invalid='ignore'):
            at = x0 + (y - y0) * (x1 - x0) / (y1 - y0)
        crossings += int(np.count_nonzero(straddle & (at > x)))
    return crossings % 2 == 1


def textbook(xy, polygons):
    """Index of the first polygon (None: no geometry) containing each point, -1 when none."""
    boxes = np.array([p.bounds if p is not None else (np.inf, np.inf, -np.inf, -np.inf) for p in polygons])
    all_rings = [rings(p) if p is not None else [] for p in polygons]
    out = np.full(len(xy), -1)
    for k, (x, y) in enumerate(xy):
        near = np.flatnonzero((boxes[:, 0] <= x) & (x <= boxes[:, 2]) & (boxes[:, 1] <= y) & (y <= boxes[:, 3]))
        hits = [i for i in near if inside(x, y, all_rings[i])]
        if hits:
            out[k] = min(hits)
    return out


def test_points_in_the_helsinki_population_grid(helsinki_population_grid):
    wkbs, population = helsinki_population_grid
    polygons = [wkb.loads(w) for w in wkbs]
    rng = np.random.default_rng(1)
    x0, y0, x1, y1 = np.array([p.bounds for p in polygons]).T
    xy = np.column_stack([rng.uniform(x0.min(), x1.max(), 3000), rng.uniform(y0.min(), y1.max(), 3000)])
    xy = np.vstack([xy, [[np.nan, np.nan], [np.inf, np.inf]]])
    got = points_in_polygons(xy, wkbs)
    assert np.array_equal(got, textbook(xy, polygons))
    assert (got >= 0).sum() > 1000 and (got == -1).sum() > 100 and got[-1] == got[-2] == -1
    assert len(set(got[got >= 0])) > 0.8 * len(polygons)


def test_points_near_rutland_buildings(rutland_layers):
    buildings = rutland_layers['buildings'][0]
    rng = np.random.default_rng(2)
    centres = np.array([b.centroid.coords[0] for b in buildings[::3]])
    xy = centres + rng.normal(0, 8.0, centres.shape)
    wkbs = [b.wkb for b in buildings]
    wkbs[5] = None  # a feature without geometry matches nothing
    got = points_in_polygons(xy, wkbs)
    polygons = [b if w is not None else None for b, w in zip(buildings, wkbs)]
    assert np.array_equal(got, textbook(xy, polygons))
    assert (got >= 0).sum() > 0.2 * len(xy) and (got == -1).sum() > 0.1 * len(xy)
