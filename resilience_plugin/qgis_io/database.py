"""The planning database: a GeoPackage whose layers, fields, forms and styles come from definitions.

Schema and features are written with GDAL/OGR (the same GDAL QGIS uses); styles and forms are
saved with QGIS into the GeoPackage's ``layer_styles`` table as each layer's default style.
"""
import os
import sqlite3

from osgeo import ogr, osr
from qgis.core import QgsVectorLayer

from ..definitions import LAYERS, LAYERS_BY_NAME
from ..translation import tr
from .atomic import atomic_path
from .gdal_errors import gdal_exceptions
from .styles import configure_layer
from ..compat import WKT_PREFERRED_GDAL

OGR_GEOMETRY = {'Point': ogr.wkbPoint, 'LineString': ogr.wkbLineString, 'MultiPolygon': ogr.wkbMultiPolygon}
OGR_FIELD = {'string': (ogr.OFTString, ogr.OFSTNone), 'int': (ogr.OFTInteger, ogr.OFSTNone),
             'double': (ogr.OFTReal, ogr.OFSTNone), 'date': (ogr.OFTDate, ogr.OFSTNone),
             'bool': (ogr.OFTInteger, ogr.OFSTBoolean)}


class DatabaseError(Exception):
    """The planning database is missing, unreadable or lacks a layer."""


def layer_uri(path, name):
    return '{}|layername={}'.format(path, name)


def open_layer(path, name):
    """The database layer ``name`` as a QgsVectorLayer, with its stored default style and form."""
    layer = QgsVectorLayer(layer_uri(path, name), name, 'ogr')
    if not layer.isValid():
        raise DatabaseError(tr('The planning database {} has no valid layer "{}".').format(path, name))
    return layer


def database_crs(path):
    """CRS of the planning database (all layers share it)."""
    return open_layer(path, LAYERS[0].name).crs()


def check_database(path):
    """Raise DatabaseError naming what is missing unless ``path`` is a planning database."""
    if not path or not os.path.exists(path):
        raise DatabaseError(tr('The planning database {} does not exist.').format(path))
    with gdal_exceptions():
        ds = ogr.Open(path)
        names = {ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount())}
    missing = [kind.name for kind in LAYERS if kind.name not in names]
    if missing:
        raise DatabaseError(tr('{} is not a planning database: layers missing: {}').format(path, ', '.join(missing)))


def spatial_reference(crs):
    srs = osr.SpatialReference()
    authid = crs.authid()
    if authid.upper().startswith('EPSG:'):
        srs.ImportFromEPSG(int(authid.split(':')[1]))
    else:
        srs.ImportFromWkt(crs.toWkt(WKT_PREFERRED_GDAL))
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def add_table(ds, srs, name, ogr_geometry, fields, description=''):
    """Create table ``name`` in the open OGR GeoPackage ``ds`` with the definitions ``fields``."""
    lyr = ds.CreateLayer(name, srs, ogr_geometry,
                         options=['GEOMETRY_NAME=geom', 'FID=fid', 'DESCRIPTION=' + description])
    for spec in fields:
        ogr_type, subtype = OGR_FIELD[spec.type]
        defn = ogr.FieldDefn(spec.name, ogr_type)
        defn.SetSubType(subtype)
        if spec.length:
            defn.SetWidth(spec.length)
        defn.SetNullable(not spec.required)
        defn.SetUnique(spec.unique)
        lyr.CreateField(defn)
    return lyr


def create_schema(path, crs, kinds=LAYERS):
    """Create an empty GeoPackage at ``path`` with one table per layer kind."""
    with gdal_exceptions():
        ds = ogr.GetDriverByName('GPKG').CreateDataSource(path)
        srs = spatial_reference(crs)
        for kind in kinds:
            add_table(ds, srs, kind.name, OGR_GEOMETRY[kind.geometry], kind.fields, kind.description)
        ds = None  # noqa: F841 (closes the file)


def save_default_styles(path, kinds=LAYERS):
    """Store each layer's form and symbology as its default style inside the GeoPackage."""
    for kind in kinds:
        layer = QgsVectorLayer(layer_uri(path, kind.name), kind.name, 'ogr')
        configure_layer(layer, kind.name)
        error = layer.saveStyleToDatabase(kind.name, tr(kind.description), True, '')
        if error:
            raise DatabaseError(tr('Could not save the style of {}: {}').format(kind.name, error))
        del layer


def create_database(path, crs):
    """Create the planning database at ``path`` (replacing any file there only once complete)."""
    with atomic_path(path) as tmp:
        create_schema(tmp, crs)
        save_default_styles(tmp)
        _rollback_journal(tmp)
    return path


def _rollback_journal(path):
    """Leave the file in SQLite's default journal mode, so it is one self-contained file to move or hash."""
    with sqlite3.connect(path) as conn:
        conn.execute('PRAGMA journal_mode=DELETE')
    conn.close()


class FeatureWriter:
    """Appends features to layers of an open GeoPackage, one transaction per batch.

    Rows are ``(wkb_bytes, {field: value})``; fields not in the layer are an error (a bug, not bad input).
    """

    def __init__(self, path):
        with gdal_exceptions():
            self.ds = ogr.Open(path, update=1)
        if self.ds is None:
            raise DatabaseError(tr('Cannot open {} for writing.').format(path))

    def write(self, layer_name, rows):
        with gdal_exceptions():
            return self._write(layer_name, rows)

    def _write(self, layer_name, rows):
        kind = LAYERS_BY_NAME[layer_name]
        lyr = self.ds.GetLayerByName(layer_name)
        defn = lyr.GetLayerDefn()
        known = set(kind.field_names())
        count = 0
        self.ds.StartTransaction()
        try:
            for wkb, values in rows:
                unknown = set(values) - known
                if unknown:
                    raise KeyError('{}: unknown fields {}'.format(layer_name, sorted(unknown)))
                feature = ogr.Feature(defn)
                for name, value in values.items():
                    if value is None:
                        continue
                    if isinstance(value, bool):
                        value = int(value)
                    feature.SetField(name, value)
                feature.SetGeometry(ogr.CreateGeometryFromWkb(bytes(wkb)))
                lyr.CreateFeature(feature)
                count += 1
            self.ds.CommitTransaction()
        except Exception:
            self.ds.RollbackTransaction()
            raise
        return count

    def close(self):
        self.ds = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
