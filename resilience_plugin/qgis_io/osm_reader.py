"""Reading OpenStreetMap data with QGIS's ogr provider: which layers, which tags, which OSM object.

An ``.osm.pbf`` / ``.osm`` file is read through GDAL's OSM driver: its ``points``, ``lines`` and
``multipolygons`` layers, with the tags GDAL does not give a column of in ``other_tags``. Any other
OGR source works too (an OSM export in a GeoPackage, say): columns are taken as tags, and
``osm_id`` / ``osm_type`` as the OSM identity when present.
"""
import contextlib
import re
from collections import namedtuple

from osgeo import gdal, ogr
from qgis.core import QgsVectorLayer

from ..compat import GEOM_LINE, GEOM_POINT, GEOM_POLYGON
from ..core.osm_tags import AREA, LINE, NON_TAG_FIELDS, POINT, parse_other_tags
from ..translation import tr
from .database import layer_uri

# The layers of GDAL's OSM driver that carry mapped objects (multilinestrings and other_relations are
# route and site relations: nothing of the planning database comes from them).
OSM_DRIVER_LAYERS = ('points', 'lines', 'multipolygons')
KIND_BY_GEOMETRY = {GEOM_POINT: POINT, GEOM_LINE: LINE, GEOM_POLYGON: AREA}
OSM_TYPES = ('node', 'way', 'relation')

# One object read: how it is drawn (POINT/LINE/AREA), its OSM type and id (or layer name and feature
# id for sources without OSM ids), its tags and its geometry in the source CRS.
OsmObject = namedtuple('OsmObject', 'kind osm_type osm_id tags geometry')


_MISSING_WAYS = re.compile(r'Relation (\d+) has missing ways')


class OsmSourceError(Exception):
    """The input cannot be read or has no point, line or polygon layer."""


def _layer_names(path):
    try:
        dataset = ogr.Open(path)
    except RuntimeError as error:
        raise OsmSourceError(tr('Cannot open {}: {}').format(path, error))
    if dataset is None:
        raise OsmSourceError(tr('Cannot open {}.').format(path))
    if dataset.GetDriver().GetName() == 'OSM':
        return list(OSM_DRIVER_LAYERS)
    return [dataset.GetLayer(i).GetName() for i in range(dataset.GetLayerCount())]


def open_layers(uri):
    """``[(QgsVectorLayer, kind)]`` of an OSM file or OGR source (``path`` or ``path|layername=x``)."""
    path, _, options = uri.partition('|')
    if options:
        layers = [QgsVectorLayer(uri, path, 'ogr')]
    else:
        layers = [QgsVectorLayer(layer_uri(path, name), name, 'ogr') for name in _layer_names(path)]
    found = []
    for layer in layers:
        if not layer.isValid():
            raise OsmSourceError(tr('Cannot read {}.').format(layer.source()))
        kind = KIND_BY_GEOMETRY.get(layer.geometryType())
        if kind is not None:
            found.append((layer, kind))
    if not found:
        raise OsmSourceError(tr('{} has no point, line or polygon layer.').format(uri))
    return found


def _is_null(value):
    return value is None or (hasattr(value, 'isNull') and value.isNull())


def _identity(values, kind, has_way_ids, layer_name, fid):
    """``(osm_type, osm_id)`` of a feature; the layer name and feature id when it has no OSM id."""
    if 'osm_way_id' in values:
        return 'way', str(values['osm_way_id'])
    if 'osm_id' not in values:
        return layer_name, str(fid)
    osm_type = str(values.get('osm_type', '')).lower()
    if osm_type not in OSM_TYPES:
        osm_type = 'node' if kind == POINT else 'relation' if has_way_ids else 'way'
    return osm_type, str(values['osm_id'])


def read_objects(layer, kind):
    """Every feature of ``layer`` as an OsmObject."""
    names = layer.fields().names()
    has_way_ids = 'osm_way_id' in names
    for feature in layer.getFeatures():
        values = {name: value for name, value in zip(names, feature.attributes()) if not _is_null(value)}
        tags = {key: str(value) for key, value in values.items() if key not in NON_TAG_FIELDS}
        tags.update(parse_other_tags(str(values.get('other_tags', ''))))
        osm_type, osm_id = _identity(values, kind, has_way_ids, layer.name(), feature.id())
        yield OsmObject(kind, osm_type, osm_id, tags, feature.geometry())


def source_ref(obj):
    """'osm:way/123' (the OSM convention), or 'layer:fid' for a source without OSM ids."""
    if obj.osm_type in OSM_TYPES:
        return 'osm:{}/{}'.format(obj.osm_type, obj.osm_id)
    return '{}:{}'.format(obj.osm_type, obj.osm_id)


def asset_id(obj, part=None):
    """'osm-way-123'; 'osm-way-123-1', 'osm-way-123-2' ... for the parts of an object split into several rows."""
    base = 'osm-{}-{}'.format(obj.osm_type, obj.osm_id)
    return base if part is None else '{}-{}'.format(base, part)


class GdalReport:
    """What GDAL said while reading: relations its OSM driver left out, its warnings and its errors (each once).

    An error means the source could not be read to its end (a truncated .osm.pbf: GDAL stops at the broken
    block and QGIS sees only the features before it).
    """

    def __init__(self):
        self.incomplete_relations = set()
        self.warnings = {}
        self.errors = {}

    def handle(self, level, number, text):
        match = _MISSING_WAYS.search(text)
        if match:
            self.incomplete_relations.add('osm:relation/{}'.format(match.group(1)))
        elif level >= gdal.CE_Failure:
            self.errors[text.strip()] = None
        elif level >= gdal.CE_Warning:
            self.warnings[text.strip()] = None


@contextlib.contextmanager
def gdal_report():
    """Collect GDAL's messages raised in this thread (OSM driver debug messages included) into a GdalReport.

    The OSM driver drops a multipolygon relation whose member ways are not all in the file (an extract
    cut at its edge) and says so only as a debug message.
    """
    report = GdalReport()
    previous = gdal.GetThreadLocalConfigOption('CPL_DEBUG', None)
    gdal.SetThreadLocalConfigOption('CPL_DEBUG', 'OSM')
    gdal.PushErrorHandler(report.handle)
    try:
        yield report
    finally:
        gdal.PopErrorHandler()
        gdal.SetThreadLocalConfigOption('CPL_DEBUG', previous)
