"""Coordinate reference systems: metric working CRSs for analyses that measure in metres, and reprojection
of coordinate arrays through the project's transform context."""
import struct

import numpy as np
from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsCsException, QgsGeometry,
                       QgsPointXY, QgsRectangle)

from ..compat import DISTANCE_METERS


def is_metric(crs):
    return crs.isValid() and not crs.isGeographic() and crs.mapUnits() == DISTANCE_METERS


def utm_for(extent, extent_crs, transform_context):
    """The WGS 84 / UTM zone CRS for the centre of ``extent`` (given in ``extent_crs``); the centre goes to
    WGS 84 through ``transform_context`` (``context.transformContext()`` in algorithms)."""
    wgs84 = QgsCoordinateReferenceSystem('EPSG:4326')
    centre = extent.center()
    if extent_crs.isValid() and extent_crs != wgs84:
        xform = QgsCoordinateTransform(extent_crs, wgs84, transform_context)
        centre = xform.transform(centre)
    lon, lat = centre.x(), centre.y()
    zone = min(60, max(1, int((lon + 180.0) // 6.0) + 1))
    epsg = (32600 if lat >= 0 else 32700) + zone
    return QgsCoordinateReferenceSystem('EPSG:{}'.format(epsg))


def metric_crs(crs, extent, transform_context):
    """``crs`` if it measures in metres, else the UTM zone of ``extent`` (a QgsRectangle in ``crs``)."""
    if is_metric(crs):
        return crs
    if extent is None or extent.isNull():  # a single point (zero area) still locates the zone
        extent = QgsRectangle(0, 0, 0, 0)
    return utm_for(extent, crs, transform_context)


def transform_xy(xy, src_crs, dst_crs, transform_context):
    """Reproject an (n, 2) array with QGIS, through ``transform_context`` (the project's datum
    transformations: ``context.transformContext()`` in algorithms); NaN where a point cannot be transformed.

    Vectorised: the points go to QGIS as one line string (WKB), so PROJ transforms them in one call.
    """
    xy = np.asarray(xy, dtype=np.float64).reshape(-1, 2)
    if src_crs == dst_crs or len(xy) == 0:
        return xy
    transform = QgsCoordinateTransform(src_crs, dst_crs, transform_context)
    header = struct.pack('<BII', 1, 2, len(xy))  # little-endian WKB LineString of n points
    line = QgsGeometry()
    line.fromWkb(header + np.ascontiguousarray(xy, dtype='<f8').tobytes())
    try:
        line.transform(transform)
        out = np.frombuffer(bytes(line.asWkb()), dtype='<f8', offset=len(header)).reshape(-1, 2).copy()
    except QgsCsException:  # some points fall outside what the operation covers: one by one
        out = np.full(xy.shape, np.nan)
        for i, (x, y) in enumerate(xy):
            try:
                point = transform.transform(QgsPointXY(x, y))
                out[i] = (point.x(), point.y())
            except QgsCsException:
                pass
    out[~np.isfinite(out).all(axis=1)] = np.nan
    return out
