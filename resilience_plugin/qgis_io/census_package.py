"""The GeoPackage of the census package: census schema, copied features, findings layer and styles.

The census schema is the planning schema restricted to the layers of definitions.CENSUS_LAYERS and the
fields marked ``census``. Line layers are MultiLineString in the package, so a line that AREA cuts into
several pieces stays one feature with its asset ID. Features keep their feature id (fid) from the planning
database, so findings and census features point at the same records.
"""
import dataclasses
import hashlib
import sqlite3

from osgeo import ogr
from qgis.core import QgsVectorLayer

from ..definitions import CENSUS_FINDINGS_LAYER, CENSUS_LAYERS, FINDING_FIELDS, LAYERS_BY_NAME, N_
from ..translation import tr
from .gdal_errors import gdal_exceptions
from .database import DatabaseError, add_table, layer_uri, save_default_styles, spatial_reference
from .styles import style_findings

CENSUS_GEOMETRY = {'Point': ogr.wkbPoint, 'LineString': ogr.wkbMultiLineString,
                   'MultiPolygon': ogr.wkbMultiPolygon}
FINDINGS_DESCRIPTION = N_('Features left out of the census package, and why.')
HASH_BLOCK = 1 << 20


def census_kinds():
    """The layer kinds of the census package: census layers with their census fields only."""
    return tuple(dataclasses.replace(LAYERS_BY_NAME[name],
                                     fields=tuple(f for f in LAYERS_BY_NAME[name].fields if f.census))
                 for name in CENSUS_LAYERS)


def sha256_file(path):
    digest = hashlib.sha256()
    with open(path, 'rb') as stream:
        for block in iter(lambda: stream.read(HASH_BLOCK), b''):
            digest.update(block)
    return digest.hexdigest()


def create_census_schema(path, crs, kinds):
    """An empty census GeoPackage at ``path``: one table per kind and the findings table."""
    with gdal_exceptions():
        ds = ogr.GetDriverByName('GPKG').CreateDataSource(path)
        srs = spatial_reference(crs)
        for kind in kinds:
            add_table(ds, srs, kind.name, CENSUS_GEOMETRY[kind.geometry], kind.fields, kind.description)
        add_table(ds, srs, CENSUS_FINDINGS_LAYER, ogr.wkbPoint, FINDING_FIELDS, FINDINGS_DESCRIPTION)
        ds = None  # noqa: F841 (closes the file)


class CensusWriter:
    """Copies features from the planning database into the census GeoPackage, with new geometries."""

    def __init__(self, database, package):
        with gdal_exceptions():
            self.source = ogr.Open(database, 0)
            self.target = ogr.Open(package, 1)
        if self.source is None or self.target is None:
            raise DatabaseError(tr('Cannot open {} for writing.').format(package))

    def copy(self, layer_name, items):
        """Copy ``items`` ((fid, wkb bytes)) of ``layer_name``: attributes from the database, the given geometry."""
        with gdal_exceptions():
            return self._copy(layer_name, items)

    def _copy(self, layer_name, items):
        source = self.source.GetLayerByName(layer_name)
        target = self.target.GetLayerByName(layer_name)
        defn = target.GetLayerDefn()
        count = 0
        self.target.StartTransaction()
        try:
            for fid, wkb in items:
                feature = ogr.Feature(defn)
                feature.SetFrom(source.GetFeature(int(fid)), 1)  # forgiving: fields matched by name
                feature.SetFID(int(fid))
                feature.SetGeometry(ogr.CreateGeometryFromWkb(bytes(wkb)) if wkb else None)
                target.CreateFeature(feature)
                count += 1
            self.target.CommitTransaction()
        except Exception:
            self.target.RollbackTransaction()
            raise
        return count

    def findings(self, rows):
        """Append findings: rows of (values dict, point wkb or None)."""
        with gdal_exceptions():
            return self._findings(rows)

    def _findings(self, rows):
        target = self.target.GetLayerByName(CENSUS_FINDINGS_LAYER)
        defn = target.GetLayerDefn()
        self.target.StartTransaction()
        try:
            for values, wkb in rows:
                feature = ogr.Feature(defn)
                for name, value in values.items():
                    if value is not None:
                        feature.SetField(name, value)
                if wkb:
                    feature.SetGeometry(ogr.CreateGeometryFromWkb(bytes(wkb)))
                target.CreateFeature(feature)
            self.target.CommitTransaction()
        except Exception:
            self.target.RollbackTransaction()
            raise
        return len(rows)

    def close(self):
        self.source = None
        self.target = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def save_census_styles(path, kinds):
    """Default styles and forms of the census layers and of the findings layer, stored in the package."""
    save_default_styles(path, kinds)
    layer = QgsVectorLayer(layer_uri(path, CENSUS_FINDINGS_LAYER), CENSUS_FINDINGS_LAYER, 'ogr')
    style_findings(layer)
    error = layer.saveStyleToDatabase(CENSUS_FINDINGS_LAYER, tr(FINDINGS_DESCRIPTION), True, '')
    if error:
        raise DatabaseError(tr('Could not save the style of {}: {}').format(CENSUS_FINDINGS_LAYER, error))
    del layer


def finish_package(path):
    """Leave the GeoPackage in SQLite's default journal mode: one self-contained file to move or hash (the
    census package and a newly created planning database)."""
    connection = sqlite3.connect(path)
    try:
        connection.execute('PRAGMA journal_mode=DELETE')
    finally:
        connection.close()
