"""Polygons and the network (shapely 1.8 or 2.x, no QGIS): entrances, barriers, service-area polygons."""
import numpy as np
from shapely import wkb as shapely_wkb
from shapely.geometry import LineString, MultiLineString, MultiPoint, Point
from shapely.ops import unary_union
from shapely.prepared import prep

from .network import cut_lines
from .spatial_index import GeometryIndex


def _points_of(geom):
    if geom.is_empty:
        return []
    if isinstance(geom, Point):
        return [(geom.x, geom.y)]
    out = []
    for g in getattr(geom, 'geoms', []):
        out.extend(_points_of(g))
    if isinstance(geom, (LineString,)):
        out.extend(list(geom.coords)[:1])
    return out


def polygon_entrances(polygons_wkb, index):
    """Entrances of polygon facilities: where usable network segments cross or touch the boundary.

    A polygon no segment crosses gets the boundary vertex nearest to the network.
    Returns (xy (a, 2), polygon index (a,), access (a,): 0 on crossings, else the gap to the network).
    """
    xy, owner, access = [], [], []
    p0, p1 = index.p0, index.p1
    sx0, sx1 = np.minimum(p0[:, 0], p1[:, 0]), np.maximum(p0[:, 0], p1[:, 0])
    sy0, sy1 = np.minimum(p0[:, 1], p1[:, 1]), np.maximum(p0[:, 1], p1[:, 1])
    for i, data in enumerate(polygons_wkb):
        if data is None:
            continue
        poly = shapely_wkb.loads(bytes(data))
        if poly.is_empty:
            continue
        bx0, by0, bx1, by1 = poly.bounds
        cand = np.flatnonzero((sx1 >= bx0) & (sx0 <= bx1) & (sy1 >= by0) & (sy0 <= by1))
        pts = []
        if len(cand):
            lines = MultiLineString([[tuple(p0[k]), tuple(p1[k])] for k in cand])
            hit = lines.intersection(poly.boundary)
            pts = _points_of(hit)
        if pts:
            pts = np.unique(np.round(np.asarray(pts), 6), axis=0)
            xy.append(pts)
            owner.append(np.full(len(pts), i))
            access.append(np.zeros(len(pts)))
        else:
            verts = np.vstack([np.asarray(r.coords) for g in getattr(poly, 'geoms', [poly])
                               for r in [g.exterior]])
            att = index.nearest(verts)
            k = int(np.argmin(att.access))
            xy.append(verts[k:k + 1])
            owner.append(np.array([i]))
            access.append(np.zeros(1))
    if not xy:
        return np.zeros((0, 2)), np.zeros(0, np.int64), np.zeros(0)
    return np.vstack(xy), np.concatenate(owner).astype(np.int64), np.concatenate(access)


def edges_in_polygons(net, polygons_wkb):
    """Boolean mask of the edges that touch any of the polygons (the roads a barrier closes)."""
    polys = [shapely_wkb.loads(bytes(w)) for w in polygons_wkb if w is not None]
    polys = [p for p in polys if not p.is_empty]
    blocked = np.zeros(net.n_edges, bool)
    if not polys:
        return blocked
    area = unary_union(polys)
    bx0, by0, bx1, by1 = area.bounds
    xy, off = cut_lines(net, net.edge_line, net.edge_m0, net.edge_m1)
    who = np.repeat(np.arange(net.n_edges), np.diff(off))
    ex0 = np.full(net.n_edges, np.inf)
    ex1 = np.full(net.n_edges, -np.inf)
    ey0, ey1 = ex0.copy(), ex1.copy()
    np.minimum.at(ex0, who, xy[:, 0])
    np.maximum.at(ex1, who, xy[:, 0])
    np.minimum.at(ey0, who, xy[:, 1])
    np.maximum.at(ey1, who, xy[:, 1])
    cand = np.flatnonzero((ex1 >= bx0) & (ex0 <= bx1) & (ey1 >= by0) & (ey0 <= by1))
    prepared = prep(area)
    for e in cand:
        pts = xy[off[e]:off[e + 1]]
        geom = LineString(pts) if len(pts) > 1 and np.ptp(pts, axis=0).any() else Point(pts[0])
        if prepared.intersects(geom):
            blocked[e] = True
    return blocked


def buffered_areas(coords, offsets, group, radius, n_groups, resolution=4):
    """One polygon per group: the union of its line pieces buffered by ``radius`` (None if empty)."""
    out = [None] * n_groups
    order = np.argsort(group, kind='stable')
    bounds = np.searchsorted(group[order], np.arange(n_groups + 1))
    for g in range(n_groups):
        idx = order[bounds[g]:bounds[g + 1]]
        if len(idx) == 0:
            continue
        # buffering pieces one by one and dissolving them (cascaded union) is far faster in GEOS
        # than buffering one MultiLineString whose parts overlap
        parts = [LineString(coords[offsets[i]:offsets[i + 1]]).buffer(radius, resolution) for i in idx
                 if offsets[i + 1] - offsets[i] > 1]
        out[g] = unary_union(parts) if parts else None
    return out


def point_buffers(xy, radius, resolution=16):
    return [Point(p).buffer(radius, resolution) for p in xy]


def points_in_polygons(xy, polygons_wkb):
    """Index of the first polygon containing each point (-1 when none)."""
    polys = [shapely_wkb.loads(bytes(w)) if w is not None else None for w in polygons_wkb]
    valid = [(i, p) for i, p in enumerate(polys) if p is not None and not p.is_empty]
    out = np.full(len(xy), -1, np.int64)
    if not valid:
        return out
    index = GeometryIndex([p for _, p in valid])
    for k, (x, y) in enumerate(xy):
        if not np.isfinite(x):
            continue
        pt = Point(x, y)
        hits = [valid[j][0] for j in index.query(pt).tolist() if valid[j][1].intersects(pt)]
        if hits:
            out[k] = min(hits)
    return out


__all__ = ['polygon_entrances', 'edges_in_polygons', 'buffered_areas', 'point_buffers', 'points_in_polygons',
           'MultiPoint']


def nearest_zones(coords, offsets, group, radius, n_groups, clip=None, resolution=4):
    """Nearest-facility zones without overlaps: Voronoi cells (scipy) of points sampled on the covered
    lines (or of the points themselves when ``offsets`` is None), labelled by facility, dissolved per
    facility and clipped to the buffered covered network (or to the union of ``clip``)."""
    from scipy.spatial import Voronoi
    from shapely.geometry import Polygon
    coords = np.asarray(coords, float)
    group = np.asarray(group, np.int64)
    if offsets is not None:
        counts = np.diff(offsets)
        lab = np.repeat(group, counts)
        mids = (coords[:-1] + coords[1:]) / 2.0
        inner = np.ones(len(coords) - 1, bool)
        inner[offsets[1:-1] - 1] = False
        pts = np.vstack([coords, mids[inner]]) if len(coords) > 1 else coords
        lab = np.concatenate([lab, lab[:-1][inner]]) if len(coords) > 1 else lab
        area = unary_union([g for g in buffered_areas(coords, offsets, group, radius, n_groups, resolution)
                            if g is not None])
    else:
        pts, lab = coords, group
        area = unary_union([g for g in clip if g is not None])
    out = [None] * n_groups
    if len(pts) == 0:
        return out
    pts, first = np.unique(np.round(pts, 3), axis=0, return_index=True)
    lab = lab[first]
    if len(np.unique(lab)) == 1 or len(pts) < 3:
        out[int(lab[0])] = area
        return out
    minx, miny, maxx, maxy = area.bounds
    pad = max(maxx - minx, maxy - miny) * 10 + 1
    frame = np.array([[minx - pad, miny - pad], [minx - pad, maxy + pad], [maxx + pad, miny - pad],
                      [maxx + pad, maxy + pad]])
    vor = Voronoi(np.vstack([pts, frame]))
    cells = {}
    seen = set()
    for k in range(len(pts)):
        r = int(vor.point_region[k])
        region = vor.regions[r]
        # qhull gives near-coincident ("coplanar") points the region of another point: claim it once
        if not region or -1 in region or r in seen:
            continue
        seen.add(r)
        v = vor.vertices[region]
        c = v.mean(axis=0)
        v = v[np.argsort(np.arctan2(v[:, 1] - c[1], v[:, 0] - c[0]))]  # cells are convex: order by angle
        cells.setdefault(int(lab[k]), []).append(Polygon(v))
    prepared = area.buffer(0)
    for g, polys in cells.items():
        zone = polygonal(unary_union(polys).intersection(prepared))
        if zone is not None:
            out[g] = zone
    return out


def polygonal(geom):
    """Only the polygon parts of a geometry (an intersection may add lines and points); None if none."""
    from shapely.geometry import MultiPolygon, Polygon
    if geom is None or geom.is_empty:
        return None
    if isinstance(geom, (Polygon, MultiPolygon)):
        return geom
    parts = []
    for g in getattr(geom, 'geoms', []):
        if isinstance(g, Polygon):
            parts.append(g)
        elif isinstance(g, MultiPolygon):
            parts.extend(g.geoms)
    return MultiPolygon(parts) if parts else None
