"""Small in-memory layers and rasters for the risk-overlay tests."""
import math

from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

from unit.rasters import write_raster

__all__ = ['memory_layer', 'polygon_circle_area', 'lens_area', 'chord', 'write_raster', 'features_of']


def memory_layer(geometry, crs, fields, rows, name='layer'):
    """A memory layer: ``fields`` like ['kind:string', 'risk_grade:string']; rows: (wkt, [values])."""
    uri = '{}?crs={}'.format(geometry, crs) + ''.join('&field=' + f for f in fields)
    layer = QgsVectorLayer(uri, name, 'memory')
    assert layer.isValid()
    features = []
    for wkt, values in rows:
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        feature.setAttributes(list(values))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def polygon_circle_area(radius, segments_per_quarter=32):
    """Area of the regular polygon GEOS draws for a circle buffer."""
    n = 4 * segments_per_quarter
    return 0.5 * n * radius ** 2 * math.sin(2 * math.pi / n)


def lens_area(r, d):
    """Area shared by two circles of radius r whose centres are d apart."""
    return 2 * r * r * math.acos(d / (2 * r)) - 0.5 * d * math.sqrt(4 * r * r - d * d)


def chord(r, offset):
    """Length of a straight line crossing a circle of radius r at ``offset`` from its centre."""
    return 2 * math.sqrt(r * r - offset * offset)


def features_of(layer_or_id):
    from qgis.core import QgsProcessingUtils, QgsProcessingContext
    layer = layer_or_id
    if isinstance(layer_or_id, str):
        layer = QgsVectorLayer(layer_or_id, 'out', 'ogr')
        if not layer.isValid():
            layer = QgsProcessingUtils.mapLayerFromString(layer_or_id, QgsProcessingContext())
    return list(layer.getFeatures())
