"""Write the small GeoPackages the unit tests read (tests/unit/data/), from the OSM extracts in tests/data.

The unit tests run without QGIS and, in the current-PyPI venv, without GDAL's Python bindings: they read
these GeoPackages with sqlite3 + shapely (tests/unit/gpkg.py). This script needs osgeo.ogr (Debian's
python3-gdal, in the QGIS venv): `.venv/bin/python tests/tools/unit_fixtures.py`. It reprojects with
OGR/PROJ's default operation, like the coverage tests did before they became unit tests.

Licence of the output: (c) OpenStreetMap contributors, ODbL 1.0 (see tests/data/ATTRIBUTION.md).
"""
import os
import re
import sys
from pathlib import Path

from osgeo import ogr, osr

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / 'tests' / 'data'
OUT = ROOT / 'tests' / 'unit' / 'data'

FUEL = re.compile(r'"amenity"=>"fuel"')

ROADS = ('lines', 'highway IS NOT NULL', ogr.wkbLineString, ['highway'])
BUILDINGS = ('multipolygons', 'building IS NOT NULL', ogr.wkbMultiPolygon, ['building'])
RISK_SOURCES = (None, None, ogr.wkbUnknown, ['kind', 'osm_ref'])  # fuel stations and industrial land

# output: (source .osm.pbf, EPSG of the output, {layer: (OGR layer, where, geometry type, fields)})
FIXTURES = {
    'helsinki_osm.gpkg': (DATA / 'helsinki' / 'Helsinki.osm.pbf', 3067, {'roads': ROADS, 'buildings': BUILDINGS}),
    'rutland_osm.gpkg': (DATA / 'rutland' / 'rutland-latest.osm.pbf', 27700,
                         {'roads': ROADS, 'buildings': BUILDINGS, 'risk_sources': RISK_SOURCES}),
}


def transform_from_wgs84(epsg):
    source, target = osr.SpatialReference(), osr.SpatialReference()
    source.ImportFromEPSG(4326)
    target.ImportFromEPSG(epsg)
    for srs in (source, target):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return osr.CoordinateTransformation(source, target), target


def features(ds, layer_name, where):
    layer = ds.GetLayerByName(layer_name)
    layer.SetAttributeFilter(where)
    for feature in layer:
        geometry = feature.GetGeometryRef()
        if geometry is not None and not geometry.IsEmpty():
            yield feature, geometry.Clone()


def risk_sources(ds):
    """(kind, osm reference, geometry) of fuel stations and industrial land."""
    for feature, geometry in features(ds, 'points', "other_tags LIKE '%amenity%'"):
        if FUEL.search(feature.GetField('other_tags') or ''):
            yield 'fuel_station', 'node/{}'.format(feature.GetField('osm_id')), geometry
    for where, kind in (("amenity = 'fuel'", 'fuel_station'), ("landuse = 'industrial'", 'industrial')):
        for feature, geometry in features(ds, 'multipolygons', where):
            ref = ('way/{}'.format(feature.GetField('osm_way_id')) if feature.GetField('osm_way_id')
                   else 'relation/{}'.format(feature.GetField('osm_id')))
            yield kind, ref, geometry


def write(name, source, epsg, layers):
    path = OUT / name
    if path.exists():
        path.unlink()
    transform, srs = transform_from_wgs84(epsg)
    src = ogr.Open(str(source))
    out = ogr.GetDriverByName('GPKG').CreateDataSource(str(path))
    for layer_name, (ogr_layer, where, geometry_type, fields) in layers.items():
        layer = out.CreateLayer(layer_name, srs, geometry_type, ['SPATIAL_INDEX=NO'])
        for field in fields:
            layer.CreateField(ogr.FieldDefn(field, ogr.OFTString))
        rows = (((geometry, [kind, ref]) for kind, ref, geometry in risk_sources(src)) if ogr_layer is None else
                ((geometry, [feature.GetField(f) for f in fields]) for feature, geometry in features(src, ogr_layer, where)))
        layer.StartTransaction()
        count = 0
        for geometry, values in rows:
            if geometry_type == ogr.wkbMultiPolygon:
                geometry = ogr.ForceToMultiPolygon(geometry)
            geometry.Transform(transform)
            feature = ogr.Feature(layer.GetLayerDefn())
            feature.SetGeometry(geometry)
            for field, value in zip(fields, values):
                feature.SetField(field, value)
            layer.CreateFeature(feature)
            count += 1
        layer.CommitTransaction()
        print('{}: {} {} features'.format(name, layer_name, count))
    out.ExecuteSQL('VACUUM')
    out = None  # noqa: F841 - closes the file
    print('{}: {} bytes'.format(path, os.path.getsize(path)))


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for name, (source, epsg, layers) in FIXTURES.items():
        write(name, source, epsg, layers)
    return 0


if __name__ == '__main__':
    sys.exit(main())
