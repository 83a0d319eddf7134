"""Coordinate reference systems: metric working CRSs for analyses that measure in metres."""
from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject, QgsRectangle

from ..compat import DISTANCE_METERS


def is_metric(crs):
    return crs.isValid() and not crs.isGeographic() and crs.mapUnits() == DISTANCE_METERS


def utm_for(extent, extent_crs):
    """The WGS 84 / UTM zone CRS for the centre of ``extent`` (given in ``extent_crs``)."""
    wgs84 = QgsCoordinateReferenceSystem('EPSG:4326')
    centre = extent.center()
    if extent_crs.isValid() and extent_crs != wgs84:
        xform = QgsCoordinateTransform(extent_crs, wgs84, QgsProject.instance())
        centre = xform.transform(centre)
    lon, lat = centre.x(), centre.y()
    zone = min(60, max(1, int((lon + 180.0) // 6.0) + 1))
    epsg = (32600 if lat >= 0 else 32700) + zone
    return QgsCoordinateReferenceSystem('EPSG:{}'.format(epsg))


def metric_crs(crs, extent=None):
    """``crs`` if it measures in metres, else the UTM zone of ``extent`` (a QgsRectangle in ``crs``)."""
    if is_metric(crs):
        return crs
    if extent is None or extent.isNull():  # a single point (zero area) still locates the zone
        extent = QgsRectangle(0, 0, 0, 0)
    return utm_for(extent, crs)
