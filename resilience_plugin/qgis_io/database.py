"""The planning database as a GeoPackage: schema, styles and feature writing with GDAL/OGR.

Schema and features are written with GDAL/OGR (the same GDAL QGIS uses); styles and forms are
saved with QGIS into the GeoPackage's ``layer_styles`` table as each layer's default style.
Algorithms and panels use the backend-neutral interface of ``storage.py``; this module is the
GeoPackage side of it (and the table writer the census package shares).
"""

from osgeo import ogr, osr
from qgis.core import QgsVectorLayer

from ..definitions import DATABASE_KINDS, KINDS_BY_NAME
from ..translation import tr
from .gdal_errors import gdal_exceptions
from .styles import configure_layer
from ..compat import WKT_PREFERRED_GDAL

OGR_GEOMETRY = {'Point': ogr.wkbPoint, 'LineString': ogr.wkbLineString, 'MultiPolygon': ogr.wkbMultiPolygon,
                'NoGeometry': ogr.wkbNone}
OGR_FIELD = {'string': (ogr.OFTString, ogr.OFSTNone), 'int': (ogr.OFTInteger, ogr.OFSTNone),
             'double': (ogr.OFTReal, ogr.OFSTNone), 'date': (ogr.OFTDate, ogr.OFSTNone),
             'bool': (ogr.OFTInteger, ogr.OFSTBoolean), 'datetime': (ogr.OFTDateTime, ogr.OFSTNone),
             'int64': (ogr.OFTInteger64, ogr.OFSTNone)}


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
    from .storage import GeoPackageStore  # noqa: PLC0415 (storage builds on this module)
    return GeoPackageStore(path).crs()


def check_database(path):
    """Raise DatabaseError naming what is missing unless ``path`` is a planning database."""
    from .storage import GeoPackageStore  # noqa: PLC0415
    GeoPackageStore(path).check()


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
    if ogr_geometry == ogr.wkbNone:
        lyr = ds.CreateLayer(name, None, ogr_geometry, options=['FID=fid', 'DESCRIPTION=' + description])
    else:
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


def add_kind(ds, srs, kind):
    """Create the table of layer kind ``kind`` in the open OGR GeoPackage ``ds``, with its unique constraints over
    several columns and its query indexes (identifiers from definitions only)."""
    add_table(ds, srs, kind.name, OGR_GEOMETRY[kind.geometry], kind.fields, kind.description)
    for unique, columns in [(True, c) for c in kind.unique_together] + [(False, c) for c in kind.indexes]:
        ds.ExecuteSQL('CREATE {}INDEX "{}_{}" ON "{}" ({})'.format(
            'UNIQUE ' if unique else '', 'ux' if unique else 'ix', '_'.join((kind.name,) + tuple(columns)),
            kind.name, ', '.join('"{}"'.format(c) for c in columns)))


def create_schema(path, crs, kinds=DATABASE_KINDS):
    """Create an empty GeoPackage at ``path`` with one table per layer kind."""
    with gdal_exceptions():
        ds = ogr.GetDriverByName('GPKG').CreateDataSource(path)
        srs = spatial_reference(crs)
        for kind in kinds:
            add_kind(ds, srs, kind)
        ds = None  # noqa: F841 (closes the file)


def save_default_styles(path, kinds=DATABASE_KINDS):
    """Store each layer's form and symbology as its default style inside the GeoPackage."""
    for kind in kinds:
        layer = QgsVectorLayer(layer_uri(path, kind.name), kind.name, 'ogr')
        configure_layer(layer, kind)
        error = layer.saveStyleToDatabase(kind.name, tr(kind.description), True, '')
        if error:
            raise DatabaseError(tr('Could not save the style of {}: {}').format(kind.name, error))
        del layer


def create_database(path, crs, overwrite=False):
    """Create the planning database at ``path``; a file that holds data is replaced only with ``overwrite``."""
    from .storage import GeoPackageStore  # noqa: PLC0415
    GeoPackageStore(path).create(crs, overwrite=overwrite)
    return path


class FeatureWriter:
    """Appends features to layers of an open GeoPackage.

    Rows are ``(wkb_bytes or None, {field: value})``; fields not in the layer are an error (a bug, not bad input).
    Without ``transaction`` each ``write`` is its own transaction; with it, one transaction covers every write
    until ``commit()`` (or ``rollback()``).
    """

    def __init__(self, path, transaction=False):
        with gdal_exceptions():
            self.ds = ogr.Open(path, update=1)
            if self.ds is None:
                raise DatabaseError(tr('Cannot open {} for writing.').format(path))
            self.in_transaction = bool(transaction)
            if transaction:
                self.ds.StartTransaction()

    def commit(self):
        if self.in_transaction:
            with gdal_exceptions():
                self.ds.CommitTransaction()
            self.in_transaction = False

    def rollback(self):
        if self.in_transaction and self.ds is not None:
            self.in_transaction = False
            with gdal_exceptions():
                self.ds.RollbackTransaction()

    def write(self, layer_name, rows):
        with gdal_exceptions():
            return self._write(layer_name, rows)

    def _write(self, layer_name, rows):
        kind = KINDS_BY_NAME[layer_name]
        lyr = self.ds.GetLayerByName(layer_name)
        defn = lyr.GetLayerDefn()
        known = set(kind.field_names())
        count = 0
        own = not self.in_transaction
        if own:
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
                if wkb is not None:
                    feature.SetGeometry(ogr.CreateGeometryFromWkb(bytes(wkb)))
                lyr.CreateFeature(feature)
                count += 1
            if own:
                self.ds.CommitTransaction()
        except Exception:
            if own:
                self.ds.RollbackTransaction()
            raise
        return count

    def close(self):
        self.rollback()
        self.ds = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
