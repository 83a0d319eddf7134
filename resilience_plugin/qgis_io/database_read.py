"""Read-only looks into a planning database with OGR, for the importers that update it atomically.

QGIS's ogr provider keeps pooled connections to a GeoPackage after its layer is gone and can rewrite
the file's header (its journal mode) when it opens it. An importer that must leave the database
byte-identical when it fails, and that replaces the file when it succeeds, reads it here instead.
"""
from osgeo import ogr
from qgis.core import QgsCoordinateReferenceSystem

from ..definitions import LAYERS


def crs_of(path):
    """CRS of the planning database at ``path`` (all its layers share it)."""
    dataset = ogr.Open(path)
    srs = dataset.GetLayerByName(LAYERS[0].name).GetSpatialRef()
    if srs.GetAuthorityName(None) == 'EPSG':
        return QgsCoordinateReferenceSystem('EPSG:{}'.format(srs.GetAuthorityCode(None)))
    return QgsCoordinateReferenceSystem.fromWkt(srs.ExportToWkt())


def asset_ids(path, layers):
    """``{layer: set of asset IDs}`` already in ``layers`` of the database at ``path``."""
    dataset = ogr.Open(path)
    found = {}
    for name in layers:
        layer = dataset.GetLayerByName(name)
        layer.SetIgnoredFields(['OGR_GEOMETRY'])
        found[name] = {feature.GetField('asset_id') for feature in layer}
    return found


def row_count(path, layer):
    """Number of rows in ``layer`` of the database at ``path``."""
    dataset = ogr.Open(path)
    return dataset.GetLayerByName(layer).GetFeatureCount()
