"""Symbols of the layers the panels add: coverage results, risk zones, the risk list, hazard rasters.

Colours come from definitions (risk grades); this module only draws, it computes nothing.
"""
from qgis.core import (QgsCategorizedSymbolRenderer, QgsColorRampShader, QgsGradientColorRamp,
                       QgsRasterBandStats, QgsRasterShader, QgsRendererCategory, QgsRuleBasedRenderer,
                       QgsSimpleMarkerSymbolLayerBase, QgsSingleBandPseudoColorRenderer, QgsSymbol)
from qgis.PyQt.QtGui import QColor

from .. import compat
from ..definitions import RISK_GRADE
from ..translation import tr

COVERED_COLOUR = '#1a9641'
UNCOVERED_COLOUR = '#d7191c'
OVERLOADED_COLOUR = '#d7191c'
LOADED_COLOUR = '#2b83ba'
# Flood depth and other hazard rasters: ColorBrewer "Blues", light to dark.
HAZARD_RAMP = ('#deebf7', '#08306b')
AREA_COLOURS = ('#1f78b4', '#33a02c', '#e31a1c', '#ff7f00', '#6a3d9a', '#b15928', '#a6cee3', '#b2df8a',
                '#fb9a99', '#fdbf6f', '#cab2d6', '#ffff99')


def _symbol(layer, colour, opacity=1.0, size=None, outline=None):
    symbol = QgsSymbol.defaultSymbol(layer.geometryType())
    symbol.setColor(QColor(colour))
    symbol.setOpacity(opacity)
    if layer.geometryType() == compat.GEOM_POINT and size is not None:
        symbol.setSize(size)
    if outline is not None and symbol.symbolLayerCount():
        symbol.symbolLayer(0).setStrokeColor(QColor(outline))
    return symbol


def style_service_areas(layer, field='facility_id'):
    """One colour per facility, half transparent so overlaps show."""
    values = sorted({f[field] for f in layer.getFeatures()}, key=lambda v: (v is None, v))
    categories = []
    for i, value in enumerate(values):
        colour = AREA_COLOURS[i % len(AREA_COLOURS)]
        label = tr('Facility {}').format(value)
        categories.append(QgsRendererCategory(value, _symbol(layer, colour, 0.35, outline=QColor(colour).darker(140)),
                                              label))
    layer.setRenderer(QgsCategorizedSymbolRenderer(field, categories))
    layer.triggerRepaint()
    return layer


def style_demand(layer):
    """Demand units green when covered, red when not."""
    categories = [QgsRendererCategory(True, _symbol(layer, COVERED_COLOUR, 0.6), tr('Covered')),
                  QgsRendererCategory(False, _symbol(layer, UNCOVERED_COLOUR, 0.6), tr('Not covered'))]
    layer.setRenderer(QgsCategorizedSymbolRenderer('covered', categories))
    layer.triggerRepaint()
    return layer


def style_facility_loads(layer):
    """Facilities as blue dots; overloaded ones as big red stars."""
    root = QgsRuleBasedRenderer.Rule(None)
    star = _symbol(layer, OVERLOADED_COLOUR, size=6.0, outline='#67000d')
    if star.symbolLayerCount():
        star.symbolLayer(0).setShape(QgsSimpleMarkerSymbolLayerBase.Shape.Star)
    rule = QgsRuleBasedRenderer.Rule(star, 0, 0, '"overloaded"', tr('Overloaded (more people than capacity)'))
    root.appendChild(rule)
    normal = QgsRuleBasedRenderer.Rule(_symbol(layer, LOADED_COLOUR, size=3.5, outline='#08306b'), 0, 0,
                                       'NOT coalesce("overloaded", false)', tr('Within capacity or no capacity'))
    root.appendChild(normal)
    layer.setRenderer(QgsRuleBasedRenderer(root))
    layer.triggerRepaint()
    return layer


def style_by_grade(layer, field='risk_grade', opacity=1.0, size=None):
    """Categorised by risk grade in the four risk colours."""
    categories = [QgsRendererCategory(c.code, _symbol(layer, c.colour, opacity, size=size), tr(c.label))
                  for c in RISK_GRADE.choices]
    layer.setRenderer(QgsCategorizedSymbolRenderer(field, categories))
    layer.triggerRepaint()
    return layer


def style_hazard_raster(layer, opacity=0.6, ramp=HAZARD_RAMP):
    """Single-band pseudocolour from the band's minimum to maximum (Blues), with transparency."""
    provider = layer.dataProvider()
    stats = provider.bandStatistics(1, QgsRasterBandStats.Stats.Min | QgsRasterBandStats.Stats.Max)
    low, high = stats.minimumValue, stats.maximumValue
    if not high > low:
        high = low + 1.0
    gradient = QgsGradientColorRamp(QColor(ramp[0]), QColor(ramp[1]))
    shader_function = QgsColorRampShader(low, high, gradient, compat.RAMP_INTERPOLATED)
    shader_function.classifyColorRamp(5, 1)
    shader = QgsRasterShader(low, high)
    shader.setRasterShaderFunction(shader_function)
    renderer = QgsSingleBandPseudoColorRenderer(provider, 1, shader)
    renderer.setClassificationMin(low)
    renderer.setClassificationMax(high)
    renderer.setOpacity(opacity)
    layer.setRenderer(renderer)
    layer.triggerRepaint()
    return layer
