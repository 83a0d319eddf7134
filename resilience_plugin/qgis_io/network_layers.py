"""QGIS layers <-> arrays for the coverage engine: networks, facilities, demand, barriers, outputs."""
import numpy as np
from osgeo import gdal, ogr, osr
from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsFeature, QgsFeatureRequest,
                       QgsField, QgsFields, QgsGeometry, QgsProcessingException, QgsProcessingFeatureSourceDefinition,
                       QgsProviderRegistry, QgsRectangle, QgsVectorLayer)

from ..compat import FIELD_TYPES, GEOM_LINE, GEOM_POINT, GEOM_POLYGON, geometry_type
from ..core.network import parse_wkb_lines
from ..translation import tr
from .crs import is_metric, metric_crs

ogr.UseExceptions()


# ---------------------------------------------------------------------------------------------
# CRS
# ---------------------------------------------------------------------------------------------

def choose_crs(primary, others, feedback):
    """A metric working CRS: ``primary``'s when it measures in metres, else its UTM zone.

    Layers in another CRS are reprojected; the log says so.
    """
    crs = primary.sourceCrs()
    working = metric_crs(crs, primary.sourceExtent())
    if working != crs:
        feedback.pushWarning(tr('{} is not a metric CRS; working in {} (layers are reprojected).').format(
            crs.authid() or crs.description(), working.authid()))
    for name, src in others:
        if src is not None and src.sourceCrs() != working:
            feedback.pushInfo(tr('Layer {} is in {}; reprojected to {}.').format(
                name, src.sourceCrs().authid(), working.authid()))
    return working


def _osr(crs):
    srs = osr.SpatialReference()
    authid = crs.authid()
    if authid.upper().startswith('EPSG:'):
        srs.ImportFromEPSG(int(authid.split(':')[1]))
    else:
        srs.ImportFromWkt(crs.toWkt(QgsCoordinateReferenceSystem.WKT_PREFERRED_GDAL))
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def transform_xy(xy, src_crs, dst_crs):
    """Reproject an (n, 2) array with GDAL/PROJ (the same PROJ as QGIS), vectorised."""
    if src_crs == dst_crs or len(xy) == 0:
        return xy
    ct = osr.CoordinateTransformation(_osr(src_crs), _osr(dst_crs))
    out = np.asarray(ct.TransformPoints(np.ascontiguousarray(xy, dtype=np.float64)))
    return out[:, :2]


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
        stream = lyr.GetArrowStreamAsNumPy(['INCLUDE_FID=YES'])
        geom_col = lyr.GetGeometryColumn() or 'wkb_geometry'
        fid_col = lyr.GetFIDColumn() or 'OGC_FID'
        for batch in stream:
            g = batch[geom_col]
            wkbs.extend(bytes(x) if x is not None else None for x in g)
            if fid_col in batch:
                fids.append(np.asarray(batch[fid_col], np.int64))
            for f in fields:
                attrs[f].append(np.asarray(batch[f]))
        del stream
        coords, offsets, part_of = parse_wkb_lines(wkbs)
        coords = transform_xy(coords, layer.crs(), crs)
        attrs = {f: (np.concatenate(v) if v else np.zeros(0)) for f, v in attrs.items()}
        fids = np.concatenate(fids) if fids else np.arange(len(wkbs))
        return coords, offsets, part_of, fids, attrs
    request = QgsFeatureRequest().setDestinationCrs(crs, context.transformContext())
    names = source.fields().names()
    request.setSubsetOfAttributes([names.index(f) for f in fields if f in names])
    wkbs, fids, attrs = [], [], {f: [] for f in fields}
    for feat in source.getFeatures(request):
        geom = feat.geometry()
        wkbs.append(bytes(geom.asWkb()) if not geom.isNull() else None)
        fids.append(feat.id())
        for f in fields:
            attrs[f].append(feat[f])
    coords, offsets, part_of = parse_wkb_lines(wkbs)
    return coords, offsets, part_of, np.asarray(fids, np.int64), {f: np.asarray(v, object) for f, v in attrs.items()}


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


def parse_oneway(values):
    """One-way codes: 1 / yes / true along, -1 / reverse against, anything else both ways."""
    out = np.zeros(len(values), np.int8)
    for i, v in enumerate(values):
        s = str(v).strip().lower() if v is not None else ''
        if s in ('1', 'yes', 'true', 't', 'y', 'ft', '1.0'):
            out[i] = 1
        elif s in ('-1', 'reverse', 'tf', '-1.0'):
            out[i] = -1
    return out


# ---------------------------------------------------------------------------------------------
# Points, polygons
# ---------------------------------------------------------------------------------------------

def read_features(source, crs, context):
    """All features of ``source`` with geometries in ``crs``."""
    request = QgsFeatureRequest().setDestinationCrs(crs, context.transformContext())
    return list(source.getFeatures(request))


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


def polygon_wkbs(features):
    return [bytes(f.geometry().asWkb()) if f.hasGeometry() else None for f in features]


def read_population_raster(path, crs, band=1, feedback=None):
    """Cell centres (in ``crs``) and values of a population raster, read block by block with rasterio."""
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
    xy = transform_xy(xy, raster_crs, crs)
    return xy, (np.concatenate(vals) if vals else np.zeros(0)), nodata_cells


def sample_raster_along_edges(path, net, crs, spacing=None, band=1):
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
        xy = transform_xy(xy, crs, raster_crs)
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


__all__ = ['choose_crs', 'read_lines', 'read_features', 'representative_points', 'polygon_wkbs',
           'read_population_raster', 'sample_raster_along_edges', 'make_fields', 'write_lines', 'py',
           'to_float', 'parse_oneway', 'transform_xy', 'geometry_type', 'GEOM_POINT', 'GEOM_LINE', 'GEOM_POLYGON',
           'is_metric', 'QgsRectangle', 'QgsVectorLayer', 'QgsCoordinateTransform', 'geometry_from_shapely']
