"""QGIS enums and types that differ between QGIS 3.22 and QGIS 4 / Qt6, in one place.

Everything else in the plugin imports these names instead of touching the version-specific API.
"""
from qgis.core import Qgis, QgsProcessing, QgsWkbTypes

try:  # QGIS >= 3.30 / 4
    WKB = Qgis.WkbType
except AttributeError:  # QGIS 3.22
    WKB = QgsWkbTypes.Type

try:  # QGIS >= 3.36 / 4
    _SRC = Qgis.ProcessingSourceType
    SOURCE_POINT, SOURCE_LINE, SOURCE_POLYGON = _SRC.VectorPoint, _SRC.VectorLine, _SRC.VectorPolygon
    SOURCE_ANY_GEOMETRY, SOURCE_RASTER = _SRC.VectorAnyGeometry, _SRC.Raster
except AttributeError:  # QGIS 3.22
    _SRC = QgsProcessing.SourceType
    SOURCE_POINT, SOURCE_LINE, SOURCE_POLYGON = _SRC.TypeVectorPoint, _SRC.TypeVectorLine, _SRC.TypeVectorPolygon
    SOURCE_ANY_GEOMETRY, SOURCE_RASTER = _SRC.TypeVectorAnyGeometry, _SRC.TypeRaster

try:  # QGIS >= 3.38 uses QMetaType for field types
    from qgis.PyQt.QtCore import QMetaType
    _T = QMetaType.Type
    if Qgis.QGIS_VERSION_INT < 33800:
        raise ImportError
    FIELD_TYPES = {'string': _T.QString, 'int': _T.Int, 'double': _T.Double, 'date': _T.QDate,
                   'bool': _T.Bool, 'datetime': _T.QDateTime, 'int64': _T.LongLong}
except ImportError:
    from qgis.PyQt.QtCore import QVariant
    FIELD_TYPES = {'string': QVariant.String, 'int': QVariant.Int, 'double': QVariant.Double,
                   'date': QVariant.Date, 'bool': QVariant.Bool, 'datetime': QVariant.DateTime,
                   'int64': QVariant.LongLong}

GEOMETRY_WKB = {
    'Point': WKB.Point, 'MultiPoint': WKB.MultiPoint,
    'LineString': WKB.LineString, 'MultiLineString': WKB.MultiLineString,
    'Polygon': WKB.Polygon, 'MultiPolygon': WKB.MultiPolygon,
    'NoGeometry': WKB.NoGeometry,
}

try:
    GEOM_POINT, GEOM_LINE, GEOM_POLYGON = (Qgis.GeometryType.Point, Qgis.GeometryType.Line,
                                           Qgis.GeometryType.Polygon)
except AttributeError:
    GEOM_POINT, GEOM_LINE, GEOM_POLYGON = (QgsWkbTypes.GeometryType.PointGeometry,
                                           QgsWkbTypes.GeometryType.LineGeometry,
                                           QgsWkbTypes.GeometryType.PolygonGeometry)


def geometry_type(layer_or_source):
    """Point / line / polygon of a layer or feature source as one of GEOM_*."""
    return QgsWkbTypes.geometryType(layer_or_source.wkbType())


# Coverage engine (issue 3): Processing parameter enums, scoped in QGIS >= 3.36 / 4.
try:
    NUMBER_DOUBLE = Qgis.ProcessingNumberParameterType.Double
    NUMBER_INTEGER = Qgis.ProcessingNumberParameterType.Integer
    FIELD_NUMERIC = Qgis.ProcessingFieldParameterDataType.Numeric
    FIELD_ANY = Qgis.ProcessingFieldParameterDataType.Any
except AttributeError:  # QGIS 3.22
    from qgis.core import QgsProcessingParameterField, QgsProcessingParameterNumber
    NUMBER_DOUBLE = QgsProcessingParameterNumber.Double
    NUMBER_INTEGER = QgsProcessingParameterNumber.Integer
    FIELD_NUMERIC = QgsProcessingParameterField.Numeric
    FIELD_ANY = QgsProcessingParameterField.Any
try:
    from qgis.core import QgsFeatureSink as _QgsFeatureSink
    SINK_FAST_INSERT = _QgsFeatureSink.Flag.FastInsert
except AttributeError:  # QGIS 3.22
    SINK_FAST_INSERT = _QgsFeatureSink.FastInsert

# GUI panels (issue 5): layer and field filters of the combo boxes, raster colour-ramp shading.
try:  # QGIS >= 3.34 / 4
    _LF = Qgis.LayerFilter
    LAYER_FILTER_POINT, LAYER_FILTER_LINE, LAYER_FILTER_POLYGON = _LF.PointLayer, _LF.LineLayer, _LF.PolygonLayer
    LAYER_FILTER_VECTOR, LAYER_FILTER_RASTER = _LF.VectorLayer, _LF.RasterLayer
except AttributeError:  # QGIS 3.22
    from qgis.core import QgsMapLayerProxyModel as _MLPM
    _LF = _MLPM.Filter
    LAYER_FILTER_POINT, LAYER_FILTER_LINE, LAYER_FILTER_POLYGON = _LF.PointLayer, _LF.LineLayer, _LF.PolygonLayer
    LAYER_FILTER_VECTOR, LAYER_FILTER_RASTER = _LF.VectorLayer, _LF.RasterLayer
try:  # QGIS 4
    FIELD_FILTER_NUMERIC = Qgis.FieldProxyModelFilter.Numeric
except AttributeError:  # QGIS 3.22
    from qgis.core import QgsFieldProxyModel as _FPM
    FIELD_FILTER_NUMERIC = _FPM.Filter.Numeric
try:  # QGIS >= 3.30 / 4
    RAMP_INTERPOLATED = Qgis.ShaderInterpolationMethod.Linear
except AttributeError:  # QGIS 3.22
    from qgis.core import QgsColorRampShader as _CRS
    RAMP_INTERPOLATED = _CRS.Type.Interpolated

# Processing source types not covered above.
try:
    SOURCE_VECTOR, SOURCE_MAP_LAYER = Qgis.ProcessingSourceType.Vector, Qgis.ProcessingSourceType.MapLayer
except AttributeError:  # QGIS 3.22
    SOURCE_VECTOR, SOURCE_MAP_LAYER = QgsProcessing.SourceType.TypeVector, QgsProcessing.SourceType.TypeMapLayer

# Units, CRS WKT flavour and legend components (moved to Qgis.* in QGIS 3.30+ / 4).
try:
    DISTANCE_METERS = Qgis.DistanceUnit.Meters
    LAYOUT_MM = Qgis.LayoutUnit.Millimeters
    WKT_PREFERRED_GDAL = Qgis.CrsWktVariant.PreferredGdal
except AttributeError:  # QGIS 3.22
    from qgis.core import QgsCoordinateReferenceSystem, QgsUnitTypes
    DISTANCE_METERS = QgsUnitTypes.DistanceUnit.DistanceMeters
    LAYOUT_MM = QgsUnitTypes.LayoutUnit.LayoutMillimeters
    WKT_PREFERRED_GDAL = QgsCoordinateReferenceSystem.WktVariant.WKT_PREFERRED_GDAL
try:
    _LEGEND = Qgis.LegendComponent
    LEGEND_TITLE, LEGEND_GROUP, LEGEND_SUBGROUP, LEGEND_SYMBOL_LABEL = (
        _LEGEND.Title, _LEGEND.Group, _LEGEND.Subgroup, _LEGEND.SymbolLabel)
    LEGEND_SYMBOL = _LEGEND.Symbol
except AttributeError:  # QGIS 3.22
    from qgis.core import QgsLegendStyle
    _LEGEND = QgsLegendStyle.Style
    LEGEND_TITLE, LEGEND_GROUP, LEGEND_SUBGROUP, LEGEND_SYMBOL_LABEL = (
        _LEGEND.Title, _LEGEND.Group, _LEGEND.Subgroup, _LEGEND.SymbolLabel)
    LEGEND_SYMBOL = _LEGEND.Symbol

# Flags and values moved to Qgis.* in QGIS 3.24-3.36 (tests/test_qt_compat.py lists what moved).
try:  # QGIS >= 3.36 / 4
    ALGORITHM_NO_THREADING = Qgis.ProcessingAlgorithmFlag.NoThreading
    INVALID_GEOMETRY_NO_CHECK = Qgis.InvalidGeometryCheck.NoCheck
    RASTER_STAT_MIN, RASTER_STAT_MAX = Qgis.RasterBandStatistic.Min, Qgis.RasterBandStatistic.Max
except AttributeError:  # QGIS 3.22
    from qgis.core import QgsFeatureRequest, QgsProcessingAlgorithm, QgsRasterBandStats
    ALGORITHM_NO_THREADING = QgsProcessingAlgorithm.Flag.FlagNoThreading
    INVALID_GEOMETRY_NO_CHECK = QgsFeatureRequest.InvalidGeometryCheck.GeometryNoCheck
    RASTER_STAT_MIN, RASTER_STAT_MAX = QgsRasterBandStats.Stats.Min, QgsRasterBandStats.Stats.Max
try:  # QGIS >= 3.24 / 4
    _MS = Qgis.MarkerShape
    MARKER_STAR, MARKER_SQUARE, MARKER_TRIANGLE, MARKER_PENTAGON = _MS.Star, _MS.Square, _MS.Triangle, _MS.Pentagon
    MARKER_DIAMOND = _MS.Diamond
except AttributeError:  # QGIS 3.22
    from qgis.core import QgsSimpleMarkerSymbolLayerBase
    _MS = QgsSimpleMarkerSymbolLayerBase.Shape
    MARKER_STAR, MARKER_SQUARE, MARKER_TRIANGLE, MARKER_PENTAGON = _MS.Star, _MS.Square, _MS.Triangle, _MS.Pentagon
    MARKER_DIAMOND = _MS.Diamond
try:  # QGIS >= 3.30 / 4
    SCALEBAR_FIT_WIDTH = Qgis.ScaleBarSegmentSizeMode.FitWidth
except AttributeError:  # QGIS 3.22
    from qgis.core import QgsScaleBarSettings
    SCALEBAR_FIT_WIDTH = QgsScaleBarSettings.SegmentSizeMode.SegmentSizeFitWidth

# Layout labels: a QgsTextFormat in QGIS >= 3.24 / 4 (setFont / font deprecated), a QFont and colour in 3.22.
def label_font(label):
    """The QFont of a QgsLayoutItemLabel (with its point size)."""
    if hasattr(label, 'textFormat'):
        return label.textFormat().toQFont()
    return label.font()


def label_colour(label):
    """The text colour (QColor) of a QgsLayoutItemLabel."""
    if hasattr(label, 'textFormat'):
        return label.textFormat().color()
    return label.fontColor()


def set_label_font(label, font, colour=None):
    """Set a QgsLayoutItemLabel's font (point size from ``font``) and, if given, its colour (a QColor)."""
    if hasattr(label, 'setTextFormat'):
        from qgis.core import QgsTextFormat
        text_format = QgsTextFormat.fromQFont(font)
        text_format.setColor(colour if colour is not None else label.textFormat().color())
        label.setTextFormat(text_format)
        return
    label.setFont(font)
    if colour is not None:
        label.setFontColor(colour)


# Lifeline chains (issue 12): the chain layer plays in the Temporal Controller.
try:  # QGIS >= 3.22 / 4
    TEMPORAL_INSTANT_FROM_FIELD = Qgis.VectorTemporalMode.FeatureDateTimeInstantFromField
except AttributeError:
    from qgis.core import QgsVectorLayerTemporalProperties as _VLTP
    TEMPORAL_INSTANT_FROM_FIELD = _VLTP.ModeFeatureDateTimeInstantFromField
try:  # QGIS >= 3.30 / 4
    TEMPORAL_MINUTES = Qgis.TemporalUnit.Minutes
except AttributeError:  # QGIS 3.22
    from qgis.core import QgsUnitTypes as _QUT
    TEMPORAL_MINUTES = _QUT.TemporalUnit.TemporalMinutes
