"""QGIS side of the risk overlay: layers to shapely and back, CRSs, rasters, the four-colour style."""
import numpy as np
from osgeo import gdal
from qgis.core import (QgsCategorizedSymbolRenderer, QgsCoordinateReferenceSystem, QgsCoordinateTransform,
                       QgsCsException, QgsFeatureRequest, QgsFillSymbol, QgsGeometry, QgsPointXY,
                       QgsProcessingException, QgsProcessingLayerPostProcessorInterface,
                       QgsProviderRegistry, QgsRendererCategory, QgsWkbTypes)
from qgis.PyQt.QtCore import QVariant
from shapely import wkb as shapely_wkb

from ..compat import GEOM_LINE, GEOM_POINT, GEOM_POLYGON, WKT_PREFERRED_GDAL
from ..definitions import RISK_GRADE
from ..translation import tr
from .gdal_errors import gdal_exceptions
from .shapes import linearise

MAX_LISTED_IDS = 20


def plain(value):
    """An attribute value with QGIS's NULL turned into None."""
    if value is None or (isinstance(value, QVariant) and value.isNull()):
        return None
    return value


def id_list(ids):
    ids = list(ids)
    text = ', '.join(str(i) for i in ids[:MAX_LISTED_IDS])
    if len(ids) > MAX_LISTED_IDS:
        text += tr(' and {} more').format(len(ids) - MAX_LISTED_IDS)
    return text


def layer_name(layer, context):
    """The name users know a layer by: its name in the project (or the name it was given), or for a file
    Processing opened from a path, the table name (a GeoPackage layer) rather than the file name."""
    if context.temporaryLayerStore().mapLayer(layer.id()) is not None:
        table = plain(QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source()).get('layerName'))
        if table:
            return str(table)
    return layer.name()


def geometry_kind(layer_or_source):
    kind = QgsWkbTypes.geometryType(layer_or_source.wkbType())
    return {GEOM_POINT: 'point', GEOM_LINE: 'line', GEOM_POLYGON: 'polygon'}.get(kind, 'none')


def to_shapely(geometry):
    """A 2D shapely copy of a QgsGeometry (None when empty)."""
    if geometry is None or geometry.isNull() or geometry.isEmpty():
        return None
    g = QgsGeometry(geometry)
    if QgsWkbTypes.hasZ(g.wkbType()):
        g.get().dropZValue()
    if QgsWkbTypes.hasM(g.wkbType()):
        g.get().dropMValue()
    return shapely_wkb.loads(bytes(g.asWkb()))


def from_shapely(geometry):
    result = QgsGeometry()
    result.fromWkb(geometry.wkb)
    return result


def transform_between(source_crs, target_crs, transform_context):
    """A QgsCoordinateTransform through ``transform_context`` (the project's datum transformations:
    ``context.transformContext()`` in algorithms), or None when the CRSs are equal."""
    if source_crs == target_crs or not source_crs.isValid() or not target_crs.isValid():
        return None
    return QgsCoordinateTransform(source_crs, target_crs, transform_context)


def read_features(source, transform=None, feedback=None, attributes=True, densify=None):
    """[(fid, {field: value}, QgsGeometry in the target CRS)] of a feature source; untransformable skipped.

    ``densify``: a distance in the source's units; lines and polygon rings get vertices at least that close
    before they are transformed, so straight segments follow their true course in the target CRS.
    Returns (rows, skipped fids). The source is only read.
    """
    names = source.fields().names()
    rows, skipped = [], []
    request = QgsFeatureRequest()
    if not attributes:
        request.setNoAttributes()
    for n, feature in enumerate(source.getFeatures(request)):
        if feedback is not None and n % 1000 == 0:
            if feedback.isCanceled():
                raise QgsProcessingException(tr('Cancelled.'))
        geometry = QgsGeometry(linearise(feature.geometry()))
        if geometry.isNull() or geometry.isEmpty():
            skipped.append(feature.id())
            continue
        if densify:
            geometry = geometry.densifyByDistance(densify)
        if transform is not None:
            try:
                geometry.transform(transform)
            except QgsCsException:
                skipped.append(feature.id())
                continue
        values = {name: plain(feature[name]) for name in names} if attributes else {}
        rows.append((feature.id(), values, geometry))
    return rows, skipped


def densify_step(layer_crs, raster_crs, raster_res, raster_bounds, transform_context):
    """Half a raster cell measured in the layer's CRS (None when both CRSs are the same).

    Vertices this close keep a line transformed to the raster's CRS within a small fraction of a cell of its
    true course, so it is sampled in the cells it really crosses.
    """
    xform = transform_between(raster_crs, layer_crs, transform_context)
    if xform is None:
        return None
    xmin, ymin, xmax, ymax = raster_bounds
    x, y = (xmin + xmax) / 2.0, (ymin + ymax) / 2.0
    try:
        centre = xform.transform(QgsPointXY(x, y))
        sides = [xform.transform(QgsPointXY(x + raster_res[0], y)), xform.transform(QgsPointXY(x, y + raster_res[1]))]
    except QgsCsException:
        return None
    cell = min(centre.distance(p) for p in sides)
    return cell / 2.0 if cell > 0 else None


def line_coordinates(geometry):
    """List of (k, 2) coordinate arrays, one per part of a line geometry."""
    parts = geometry.asMultiPolyline() if geometry.isMultipart() else [geometry.asPolyline()]
    return [np.array([(p.x(), p.y()) for p in part], dtype='float64') for part in parts if len(part) >= 2]


def rasterio_crs(qgs_crs):
    """A CRS rasterio understands (WKT) for a QgsCoordinateReferenceSystem."""
    return qgs_crs.toWkt(WKT_PREFERRED_GDAL)


def qgis_crs_from_wkt(wkt):
    return QgsCoordinateReferenceSystem.fromWkt(wkt) if wkt else QgsCoordinateReferenceSystem()


def raster_path(layer):
    """The file path GDAL/rasterio opens for a QgsRasterLayer: a GDAL raster file with a CRS in it.

    A raster without a CRS is refused (naming the layer) rather than taken to be in some other layer's CRS.
    """
    if layer is None:
        raise QgsProcessingException(tr('A raster input cannot be read.'))
    if layer.providerType() != 'gdal':
        raise QgsProcessingException(tr('The raster {} is not a GDAL raster file.').format(layer.name()))
    path = layer.source().split('|')[0]
    try:
        with gdal_exceptions():
            dataset = gdal.Open(path)
            has_crs = bool(dataset.GetProjectionRef())
            dataset = None
    except RuntimeError as error:
        raise QgsProcessingException(tr('Cannot read the raster {}: {}').format(layer.name(), error))
    if not has_crs:
        raise QgsProcessingException(tr('The raster {} has no coordinate reference system (CRS) in its file ({}): '
                                        'assign one (Raster > Projections > Assign Projection) and run '
                                        'again.').format(layer.name(), path))
    return path


# --- Style -------------------------------------------------------------------------------------------

def grade_symbol(colour):
    return QgsFillSymbol.createSimple({'color': colour, 'outline_color': colour, 'outline_width': '0.3',
                                       'style': 'solid'})


def style_by_grade(layer, field='risk_grade', opacity=0.55):
    """Categorize ``layer`` by risk grade in the four colours of definitions.RISK_GRADE."""
    categories = []
    for choice in RISK_GRADE.choices:
        symbol = grade_symbol(choice.colour)
        symbol.setOpacity(opacity)
        categories.append(QgsRendererCategory(choice.code, symbol, tr(choice.label)))
    layer.setRenderer(QgsCategorizedSymbolRenderer(field, categories))
    layer.triggerRepaint()
    return layer


class GradeStyler(QgsProcessingLayerPostProcessorInterface):
    """Styles a zone layer by grade once Processing has loaded it."""

    _instances = []  # Processing keeps only a pointer: hold the objects until they have run

    def __init__(self, field='risk_grade'):
        super().__init__()
        self.field = field

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        if layer.fields().indexOf(self.field) >= 0:
            style_by_grade(layer, self.field)

    @classmethod
    def create(cls, field='risk_grade'):
        instance = cls(field)
        cls._instances.append(instance)
        return instance
