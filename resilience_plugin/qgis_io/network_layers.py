"""QGIS layers <-> arrays for the coverage engine: networks, facilities, demand, barriers, outputs."""
import time

import numpy as np
from osgeo import gdal
from qgis.core import (QgsCoordinateReferenceSystem, QgsFeature, QgsFeatureRequest, QgsField, QgsFields,
                       QgsGeometry, QgsProcessingException,
                       QgsProcessingFeatureSourceDefinition, QgsProviderRegistry, QgsRectangle,
                       QgsVectorLayer)

from ..compat import FIELD_TYPES, GEOM_LINE, GEOM_POINT, GEOM_POLYGON, geometry_type
from ..core.areas import polygon_entrances
from ..core.coverage import attach_facilities
from ..core.network import NetworkError, SegmentIndex, build_network, parse_wkb_lines
from ..definitions import DEFAULT_DRIVE_SPEED_KMH, MAX_ROAD_ACCESS_M, NETWORK_SNAP_TOLERANCE_M
from ..translation import tr
from .crs import is_metric, metric_crs, transform_xy
from .gdal_errors import gdal_exceptions
from .shapes import linearise


# ---------------------------------------------------------------------------------------------
# CRS
# ---------------------------------------------------------------------------------------------

def choose_crs(primary, others, feedback, transform_context):
    """A metric working CRS: ``primary``'s when it measures in metres, else its UTM zone.

    Layers in another CRS are reprojected; the log says so.
    """
    crs = primary.sourceCrs()
    working = metric_crs(crs, primary.sourceExtent(), transform_context)
    if working != crs:
        feedback.pushWarning(tr('{} is not a metric CRS; working in {} (layers are reprojected).').format(
            crs.authid() or crs.description(), working.authid()))
    for name, src in others:
        if src is not None and src.sourceCrs() != working:
            feedback.pushInfo(tr('Layer {} is in {}; reprojected to {}.').format(
                name, src.sourceCrs().authid(), working.authid()))
    return working


# ---------------------------------------------------------------------------------------------
# Lines
# ---------------------------------------------------------------------------------------------

def _fast_ogr_layer(parameter_value, layer):
    """(datasource, ogr layer) when the whole layer can be read straight with OGR, else None."""
    if layer is None or layer.providerType() != 'ogr' or layer.subsetString():
        return None
    if isinstance(parameter_value, QgsProcessingFeatureSourceDefinition) and parameter_value.selectedFeaturesOnly:
        return None
    parts = QgsProviderRegistry.instance().decodeUri('ogr', layer.source())
    path = parts.get('path')
    if not path or path.lower().endswith('.pbf'):
        return None
    try:
        with gdal_exceptions():
            ds = gdal.OpenEx(path, gdal.OF_VECTOR)
        name = parts.get('layerName')
        lyr = ds.GetLayerByName(name) if name else ds.GetLayer(parts.get('layerId') or 0)
        if lyr is None or not hasattr(lyr, 'GetArrowStreamAsNumPy'):
            return None
        return ds, lyr
    except Exception:  # noqa: BLE001 - any OGR trouble falls back to the QGIS reader
        return None


def read_lines(source, crs, context, fields=(), parameter_value=None, layer=None):
    """Read a line source into arrays in ``crs``.

    Returns (coords, offsets, part_of, fids, {field: per-feature values}); ``part_of`` gives the
    feature (row) index of every line part.
    """
    fields = [f for f in fields if f]
    fast = _fast_ogr_layer(parameter_value, layer)
    if fast is not None:
        ds, lyr = fast
        wkbs, attrs, fids = [], {f: [] for f in fields}, []
        with gdal_exceptions():
            stream = lyr.GetArrowStreamAsNumPy(['INCLUDE_FID=YES'])
            geom_col = lyr.GetGeometryColumn() or 'wkb_geometry'
            fid_col = lyr.GetFIDColumn() or 'OGC_FID'
            for batch in stream:
                g = batch[geom_col]
                wkbs.extend(_linear_wkb(bytes(x)) if x is not None else None for x in g)
                if fid_col in batch:
                    fids.append(np.asarray(batch[fid_col], np.int64))
                for f in fields:
                    attrs[f].append(_column_values(batch[f]))
            del stream
        coords, offsets, part_of = parse_wkb_lines(wkbs)
        coords = transform_xy(coords, layer.crs(), crs, context.transformContext())
        attrs = {f: (np.concatenate(v) if v else np.zeros(0, object)) for f, v in attrs.items()}
        fids = np.concatenate(fids) if fids else np.arange(len(wkbs))
        return coords, offsets, part_of, fids, attrs
    request = QgsFeatureRequest().setDestinationCrs(crs, context.transformContext())
    names = source.fields().names()
    request.setSubsetOfAttributes([names.index(f) for f in fields if f in names])
    wkbs, fids, attrs = [], [], {f: [] for f in fields}
    for feat in source.getFeatures(request):
        geom = linearise(feat.geometry())
        wkbs.append(bytes(geom.asWkb()) if not geom.isNull() else None)
        fids.append(feat.id())
        for f in fields:
            attrs[f].append(feat[f])
    coords, offsets, part_of = parse_wkb_lines(wkbs)
    return coords, offsets, part_of, np.asarray(fids, np.int64), {f: np.asarray(v, object) for f, v in attrs.items()}


def _linear_wkb(wkb):
    """Line WKB as it is; any other type (curves: CompoundCurve, MultiCurve ...) through :func:`linearise`."""
    if len(wkb) >= 5:
        gtype = int.from_bytes(wkb[1:5], 'little' if wkb[0] == 1 else 'big')
        if (gtype & 0x0FFFFFFF) % 1000 in (2, 5):
            return wkb
    geometry = QgsGeometry()
    geometry.fromWkb(wkb)
    return bytes(linearise(geometry).asWkb()) if not geometry.isNull() else None


def _column_values(column):
    """An attribute column of an Arrow batch as Python values: nulls (masked) None, text as str (not bytes)."""
    mask = np.ma.getmaskarray(column)
    data = np.ma.getdata(column)
    if data.dtype.kind not in 'SOU' and not mask.any():
        return data
    out = np.array([v.decode('utf-8', 'replace') if isinstance(v, bytes) else v for v in data.tolist()], object)
    out[mask] = None
    return out


def to_float(values, default):
    """Numbers from an attribute array; nulls and unreadable values become ``default``."""
    out = np.full(len(values), default, dtype=np.float64)
    for i, v in enumerate(values):
        try:
            if v is not None and not (hasattr(v, 'isNull') and v.isNull()):
                f = float(v)
                if np.isfinite(f):
                    out[i] = f
        except (TypeError, ValueError):
            pass
    return out


ONEWAY_ALONG = ('1', 'yes', 'true', 't', 'y', 'ft', 'forward')
ONEWAY_AGAINST = ('-1', 'reverse', 'tf', 'backward')
ONEWAY_BOTH = ('0', 'no', 'false', 'f', 'n', '')


def _oneway_code(value):
    """(code, unknown) of one one-way value (see parse_oneway)."""
    if value is None or (hasattr(value, 'isNull') and value.isNull()):
        return 0, False
    if isinstance(value, (bool, np.bool_)):
        return (1 if value else 0), False
    if isinstance(value, bytes):
        value = value.decode('utf-8', 'replace')
    text = str(value).strip().lower()
    try:
        number = float(text)
    except ValueError:
        number = None
    if number is not None and np.isnan(number):
        return 0, False
    if number in (1.0, -1.0, 0.0):
        return int(number), False
    if text in ONEWAY_ALONG:
        return 1, False
    if text in ONEWAY_AGAINST:
        return -1, False
    return 0, text not in ONEWAY_BOTH


def parse_oneway(values):
    """(codes, unknown) of one-way values stored as integers, numbers, booleans or text.

    codes: 1 along the line (1, yes, true, t, y, ft, forward), -1 against it (-1, reverse, tf, backward),
    0 both ways (0, no, false, f, n, empty or NULL; case and spaces ignored). ``unknown`` marks the other
    values: they are travelled both ways and the caller reports them.
    """
    seen, out = {}, []
    for value in values:  # few distinct values: each is parsed once
        try:
            result = seen.get(value)
            if result is None:
                result = seen[value] = _oneway_code(value)
        except TypeError:  # unhashable
            result = _oneway_code(value)
        out.append(result)
    out = np.asarray(out, np.int8).reshape(-1, 2)
    return out[:, 0].copy(), out[:, 1].astype(bool)


# ---------------------------------------------------------------------------------------------
# Points, polygons
# ---------------------------------------------------------------------------------------------

def read_features(source, crs, context):
    """All features of ``source`` with geometries in ``crs`` (curves made straight)."""
    request = QgsFeatureRequest().setDestinationCrs(crs, context.transformContext())
    features = list(source.getFeatures(request))
    for feature in features:
        geometry = feature.geometry()
        straight = linearise(geometry)
        if straight is not geometry:
            feature.setGeometry(straight)
    return features


def representative_points(features, kind):
    """(n, 2) point per feature (points: the point; polygons: a point on the surface); nan if empty."""
    xy = np.full((len(features), 2), np.nan)
    for i, f in enumerate(features):
        g = f.geometry()
        if g is None or g.isNull() or g.isEmpty():
            continue
        p = g.pointOnSurface() if kind == GEOM_POLYGON else g.centroid() if kind == GEOM_LINE else g
        if p.isMultipart():
            pts = p.asMultiPoint()
            pt = pts[0] if pts else None
        else:
            pt = p.asPoint()
        if pt is not None:
            xy[i] = (pt.x(), pt.y())
    return xy


def facility_points(features, kinds, origin):
    """Where the facilities stand: (xy (p, 2), facility index (p,)).

    Every point of a point or multipoint facility (a multipoint is one facility with several entrances, e.g.
    the gates of a park), the point on the surface of a polygon; nothing for a feature without geometry.
    """
    xy, owner = [], []
    for i, f in enumerate(features):
        g = f.geometry()
        if g is None or g.isNull() or g.isEmpty():
            continue
        if kinds[origin[i]] == GEOM_POLYGON:
            g = g.pointOnSurface()
        points = g.asMultiPoint() if g.isMultipart() else [g.asPoint()]
        xy.extend((p.x(), p.y()) for p in points)
        owner.extend([i] * len(points))
    return np.asarray(xy, np.float64).reshape(-1, 2), np.asarray(owner, np.int64)


def polygon_wkbs(features):
    return [bytes(f.geometry().asWkb()) if f.hasGeometry() else None for f in features]


def read_population_raster(path, crs, transform_context, band=1, feedback=None):
    """Cell centres (in ``crs``, through ``transform_context``) and values of a population raster, read block
    by block with rasterio."""
    import rasterio
    xs, ys, vals = [], [], []
    nodata_cells = 0
    with rasterio.open(path) as src:
        nodata = src.nodata
        for _, window in src.block_windows(band):
            data = src.read(band, window=window, masked=False).astype(np.float64)
            bad = ~np.isfinite(data)
            if nodata is not None:
                bad |= data == nodata
            nodata_cells += int(bad.sum())
            keep = ~bad & (data > 0)
            r, c = np.nonzero(keep)
            if len(r) == 0:
                continue
            t = rasterio.windows.transform(window, src.transform)
            x, y = rasterio.transform.xy(t, r, c, offset='center')
            xs.append(np.asarray(x, float))
            ys.append(np.asarray(y, float))
            vals.append(data[r, c])
        raster_crs = QgsCoordinateReferenceSystem(src.crs.to_wkt()) if src.crs else crs
    xy = np.column_stack([np.concatenate(xs), np.concatenate(ys)]) if xs else np.zeros((0, 2))
    xy = transform_xy(xy, raster_crs, crs, transform_context)
    return xy, (np.concatenate(vals) if vals else np.zeros(0)), nodata_cells


def sample_raster_along_edges(path, net, crs, transform_context, spacing=None, band=1):
    """Per edge the maximum raster value along it (nan where only nodata) and the nodata sample count."""
    import rasterio
    from ..core.network import interpolate_on_lines
    with rasterio.open(path) as src:
        raster_crs = QgsCoordinateReferenceSystem(src.crs.to_wkt()) if src.crs else crs
        cell = min(abs(src.transform.a), abs(src.transform.e))
        lengths = net.edge_len
        step = spacing or max(cell / 2.0, 1e-6)
        n = np.maximum(np.ceil(lengths / step).astype(np.int64), 1) + 1
        edge_of = np.repeat(np.arange(net.n_edges), n)
        k = np.arange(len(edge_of)) - np.repeat(np.cumsum(n) - n, n)
        m = net.edge_m0[edge_of] + lengths[edge_of] * k / (n[edge_of] - 1)
        xy = interpolate_on_lines(net, net.edge_line[edge_of], m)
        xy = transform_xy(xy, crs, raster_crs, transform_context)
        rows, cols = rasterio.transform.rowcol(src.transform, xy[:, 0], xy[:, 1])
        rows, cols = np.asarray(rows), np.asarray(cols)
        inside = (rows >= 0) & (rows < src.height) & (cols >= 0) & (cols < src.width)
        vals = np.full(len(xy), np.nan)
        if inside.any():
            r0, r1 = rows[inside].min(), rows[inside].max() + 1
            c0, c1 = cols[inside].min(), cols[inside].max() + 1
            window = rasterio.windows.Window(c0, r0, c1 - c0, r1 - r0)
            data = src.read(band, window=window).astype(np.float64)
            v = data[rows[inside] - r0, cols[inside] - c0]
            if src.nodata is not None:
                v[v == src.nodata] = np.nan
            vals[inside] = v
    nodata_samples = int(np.isnan(vals[inside]).sum()) if inside.any() else 0
    out = np.full(net.n_edges, -np.inf)
    np.maximum.at(out, edge_of, np.nan_to_num(vals, nan=-np.inf))
    out[out == -np.inf] = np.nan
    return out, nodata_samples


# ---------------------------------------------------------------------------------------------
# Coverage inputs: limits, facilities, the network and the facilities on it
# ---------------------------------------------------------------------------------------------

def coverage_limits(preset=None, max_distance=None, max_time=None, speed_kmh=None, speed_field=None, feedback=None):
    """(limit, timed, speed) from explicit limits, else the preset's; a speed for travel times.

    The limit is metres (MAX_DISTANCE) or minutes (MAX_TIME); exactly one must come out.
    """
    dist, tmin, speed = max_distance, max_time, speed_kmh
    if dist is None and tmin is None and preset is not None:
        dist, tmin = preset.max_distance_m, preset.max_time_min
        if feedback is not None:
            feedback.pushInfo(tr('Preset {}: {}').format(tr(preset.label), '; '.join(
                s.describe() for s in preset.sources)))
    if speed is None and preset is not None and preset.speed_kmh:
        speed = preset.speed_kmh
    if dist is not None and tmin is not None:
        raise QgsProcessingException(tr('Give either MAX_DISTANCE or MAX_TIME, not both.'))
    if dist is None and tmin is None:
        raise QgsProcessingException(tr('Give MAX_DISTANCE or MAX_TIME (or choose a PRESET).'))
    limit = dist if dist is not None else tmin
    if not limit > 0:
        raise QgsProcessingException(tr('The limit must be greater than 0.'))
    timed = tmin is not None
    if speed is not None and not speed > 0:
        raise QgsProcessingException(tr('SPEED_KMH must be greater than 0 km/h (it is {:g}); leave it empty to use '
                                        'the speed of the preset or {} km/h.').format(speed, DEFAULT_DRIVE_SPEED_KMH))
    if timed and speed is None and speed_field is None:
        speed = DEFAULT_DRIVE_SPEED_KMH
        if feedback is not None:
            feedback.pushWarning(tr('No speed given; using {} km/h.').format(speed))
    return limit, timed, speed


def read_facilities(sources, crs, context, feedback, optional=()):
    """Features of the facility sources [(name, source)], one list in ``crs``.

    A source whose name is in ``optional`` may be empty (a new district without existing facilities): it is
    left out and the log says so; any other empty source, or one without a single geometry, stops the run.
    Returns (features, geometry kind per source, origin: index in the sources kept of every feature,
    representative point of every feature (nan without geometry), the sources kept).
    """
    feats, kinds, origin, xys, kept = [], [], [], [], []
    for name, src in sources:
        f = read_features(src, crs, context)
        if not f and name in optional:
            feedback.pushInfo(tr('The facility layer {} ({}) is empty: there are none.').format(src.sourceName(), name))
            continue
        if not f:
            raise QgsProcessingException(tr('The facility layer {} is empty.').format(src.sourceName()))
        if geometry_type(src) not in (GEOM_POINT, GEOM_POLYGON):
            raise QgsProcessingException(tr('The facility layer {} is not a point or polygon layer.').format(
                src.sourceName()))
        xy = representative_points(f, geometry_type(src))
        if np.isnan(xy[:, 0]).all() and name not in optional:
            raise QgsProcessingException(tr('No feature of the facility layer {} has a geometry.').format(
                src.sourceName()))
        origin.append(np.full(len(f), len(kept)))
        kept.append((name, src))
        kinds.append(geometry_type(src))
        xys.append(xy)
        feats.extend(f)
    if not feats:
        raise QgsProcessingException(tr('There are no facilities: every facility layer is empty.'))
    fac_xy = np.vstack(xys)
    if np.isnan(fac_xy).any():
        bad = [str(feats[i].id()) for i in np.flatnonzero(np.isnan(fac_xy[:, 0]))[:10]]
        feedback.pushWarning(tr('Facilities without geometry are left out: feature ids {}').format(', '.join(bad)))
    return feats, kinds, np.concatenate(origin), fac_xy, kept


def read_delays(feats, field, source_name):
    """Start delays of ``feats`` from ``field`` (empty: 0); negative delays stop the run."""
    delay = to_float([f[field] for f in feats], 0.0)
    neg = np.flatnonzero(delay < 0)
    if len(neg):
        raise QgsProcessingException(tr('Negative start delay in field {} of {}: feature ids {}').format(
            field, source_name, ', '.join(str(feats[i].id()) for i in neg[:10])))
    return delay


def read_network(net_src, crs, context, feedback, oneway_field=None, speed_field=None, speed=None, timed=False,
                 snap_tolerance=NETWORK_SNAP_TOLERANCE_M, parameter_value=None, layer=None, step=None, timings=None):
    """Read the line source and build the routable network (one-way and speed attributes kept).

    step(fraction) is called after reading (0.25) and after building (0.5): to report progress and to
    stop on cancel. ``timings`` gets the seconds of 'read network' and 'build network'.
    """
    step = step or (lambda fraction: None)
    timings = {} if timings is None else timings
    t = time.perf_counter()
    coords, offsets, part_of, fids, attrs = read_lines(net_src, crs, context, [oneway_field, speed_field],
                                                       parameter_value=parameter_value, layer=layer)
    timings['read network'] = time.perf_counter() - t
    if len(offsets) < 2:
        raise QgsProcessingException(tr('The network layer {} has no lines.').format(net_src.sourceName()))
    step(0.25)
    t = time.perf_counter()
    oneway = None
    if oneway_field:
        codes, unknown = parse_oneway(attrs[oneway_field])
        if unknown.any():
            bad = np.flatnonzero(unknown)
            values = sorted({str(v) for v in np.asarray(attrs[oneway_field], object)[bad]})
            feedback.pushWarning(tr('{} lines of {} have a one-way value in {} that is none of 1/yes/true (along '
                                    'the line), -1/reverse (against it), 0/no/false (both ways): {}; they are '
                                    'travelled both ways. Feature ids: {}').format(
                len(bad), net_src.sourceName(), oneway_field, ', '.join(values[:10]),
                ', '.join(str(i) for i in fids[bad[:10]]) + (' ...' if len(bad) > 10 else '')))
        oneway = codes[part_of]
    if speed_field:
        sp = to_float(attrs[speed_field], np.nan)[part_of]
        missing = ~(sp > 0)
        if missing.any():
            fallback = speed if speed else DEFAULT_DRIVE_SPEED_KMH
            feedback.pushWarning(tr('{} lines have no valid speed in {}; using {} km/h for them.').format(
                int(missing.sum()), speed_field, fallback))
            sp[missing] = fallback
    else:
        sp = np.full(len(offsets) - 1, speed if speed else 1.0)
    try:
        base = build_network(coords, offsets, oneway=oneway, speed_kmh=sp, snap_tolerance=snap_tolerance,
                             time_cost=timed)
    except NetworkError as error:
        raise QgsProcessingException(tr('The network cannot be built: {}').format(str(error)))
    sizes = base.component_sizes()
    feedback.pushInfo(tr('Network: {} lines, {} nodes, {} edges, {} connected parts (largest {} nodes).').format(
        len(offsets) - 1, base.n_nodes, base.n_edges, base.n_components, int(sizes.max())))
    if base.n_components > 1:
        feedback.pushWarning(tr('The network has {} disconnected parts; places in another part than a '
                                'facility are unreachable from it.').format(base.n_components))
    timings['build network'] = time.perf_counter() - t
    step(0.5)
    return base


def entrances(wkbs, point_xy, point_owner, index):
    """Entrance points of all facilities: polygon entrances (``wkbs`` not None) plus the points of the point
    facilities (``point_owner``: the facility of each point; a multipoint facility has several)."""
    xy, fac, acc = polygon_entrances(wkbs, index)
    return (np.vstack([xy, point_xy]), np.concatenate([fac, point_owner]).astype(np.int64),
            np.concatenate([acc, np.zeros(len(point_owner))]))


def facility_components(fnet):
    """Connected part of the network every facility enters (-1: none)."""
    comp = np.full(fnet.n_facilities, -1)
    s = fnet.sources
    comp[s.facility] = fnet.net.component[s.node]
    return comp


def facilities_on_network(base, feats, kinds, origin, fac_xy, delay=None, feedback=None):
    """The facilities attached to ``base`` at their entrances (polygons: where roads cross the boundary).

    With ``feedback``, facilities far from any road or on a small disconnected part are reported.
    Returns (FacilityNetwork, (entrance xy, facility, extra access)).
    """
    index = SegmentIndex(base)
    ok = ~np.isnan(fac_xy[:, 0])
    is_poly = np.asarray([kinds[k] == GEOM_POLYGON for k in origin], bool)
    wkbs = [w if ok[i] and is_poly[i] else None for i, w in enumerate(polygon_wkbs(feats))]
    point_xy, point_owner = facility_points(feats, kinds, origin)
    on_points = ~is_poly[point_owner]
    ent = entrances(wkbs, point_xy[on_points], point_owner[on_points], index)
    fnet = attach_facilities(base, ent[0], ent[1], len(feats), delay=delay, index=index, entrance_access=ent[2])
    if feedback is None:
        return fnet, ent
    access = fnet.access_distance()
    far = np.flatnonzero(access > MAX_ROAD_ACCESS_M)
    for i in far[:20]:
        feedback.pushWarning(tr('Facility {} is {} m from the nearest road of the network.').format(
            feats[i].id(), 'inf' if not np.isfinite(access[i]) else '{:.0f}'.format(access[i])))
    if len(far) > 20:
        feedback.pushWarning(tr('{} facilities are farther than {} m from the network.').format(
            len(far), MAX_ROAD_ACCESS_M))
    if base.n_components > 1:
        comp = facility_components(fnet)
        main = int(np.argmax(base.component_sizes()))
        other = np.flatnonzero((comp >= 0) & (comp != main))
        if len(other):
            feedback.pushWarning(tr('{} facilities are on a small disconnected part of the network (feature ids '
                                    '{}); they reach only that part.').format(
                len(other), ', '.join(str(feats[i].id()) for i in other[:10])))
    return fnet, ent


# ---------------------------------------------------------------------------------------------
# Outputs
# ---------------------------------------------------------------------------------------------

def make_fields(spec, extra=None, prefix='fac_'):
    """QgsFields from [(name, type)] plus the fields of ``extra`` (renamed with ``prefix`` on clashes and
    when named fid)."""
    fields = QgsFields()
    for name, kind in spec:
        fields.append(QgsField(name, FIELD_TYPES[kind]))
    mapping = []
    if extra is not None:
        for f in extra:
            name = f.name()
            # a copied "fid" would become the GeoPackage feature id of every output row: rows of the same
            # source feature (service-area pieces) would clash and be dropped
            while fields.indexOf(name) >= 0 or name.lower() == 'fid':
                name = prefix + name
            g = QgsField(f)
            g.setName(name)
            fields.append(g)
            mapping.append(name)
    return fields, mapping


def line_wkb(xy):
    n = len(xy)
    return b'\x01\x02\x00\x00\x00' + np.uint32(n).tobytes() + np.ascontiguousarray(xy, '<f8').tobytes()


def write_lines(sink, fields, xy, off, rows, feedback=None, batch=5000):
    """Add line features: ``rows`` is a list of attribute lists aligned with the pieces."""
    feats = []
    for i, attrs in enumerate(rows):
        f = QgsFeature(fields)
        g = QgsGeometry()
        g.fromWkb(line_wkb(xy[off[i]:off[i + 1]]))
        f.setGeometry(g)
        f.setAttributes(attrs)
        feats.append(f)
        if len(feats) >= batch:
            sink.addFeatures(feats)
            feats = []
            if feedback is not None and feedback.isCanceled():
                raise QgsProcessingException(tr('Cancelled.'))
    if feats:
        sink.addFeatures(feats)


def geometry_from_shapely(geom):
    g = QgsGeometry()
    g.fromWkb(geom.wkb)
    return g


def py(value):
    """numpy scalars to Python values for QgsFeature attributes (nan/inf to None)."""
    if value is None:
        return None
    if isinstance(value, (np.bool_, bool)):
        return bool(value)
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (np.floating, float)):
        v = float(value)
        return v if np.isfinite(v) else None
    return value


__all__ = ['choose_crs', 'coverage_limits', 'read_facilities', 'read_delays', 'read_network', 'entrances',
           'facility_points',
           'facility_components', 'facilities_on_network', 'read_lines', 'read_features', 'representative_points',
           'polygon_wkbs', 'read_population_raster', 'sample_raster_along_edges', 'make_fields', 'write_lines', 'py',
           'to_float', 'parse_oneway', 'transform_xy', 'geometry_type', 'GEOM_POINT', 'GEOM_LINE', 'GEOM_POLYGON',
           'is_metric', 'QgsRectangle', 'QgsVectorLayer', 'geometry_from_shapely']
