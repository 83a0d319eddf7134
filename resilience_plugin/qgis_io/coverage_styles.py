"""Symbols of the coverage results (population_coverage, service_areas, site_selection) in a project.

Only drawing: demand units covered / not covered, service-area lines per facility, facility loads with
the overloaded ones standing out, chosen sites numbered by rank.
"""
from qgis.core import (QgsCategorizedSymbolRenderer, QgsPalLayerSettings, QgsRendererCategory,
                       QgsRuleBasedRenderer, QgsSingleSymbolRenderer, QgsSymbol, QgsTextFormat,
                       QgsTextBufferSettings, QgsVectorLayerSimpleLabeling)
from qgis.PyQt.QtGui import QColor

from .. import compat
from ..translation import tr

COVERED_COLOUR = '#1a9641'
UNCOVERED_COLOUR = '#d7191c'
UNCOVERED_OPACITY = 0.25
OVERLOADED_COLOUR = '#d7191c'
LOAD_COLOUR = '#2b83ba'
SITE_COLOUR = '#ffd92f'
# Service areas of one kind of facility in shades of its own colour: shelters green, fire stations red.
SHELTER_COLOURS = ('#006d2c', '#31a354', '#74c476', '#00441b', '#238b45', '#41ab5d')
FIRE_COLOURS = ('#cb181d', '#fb6a4a', '#a50f15', '#ef3b2c', '#67000d', '#fc9272')
# One colour per facility (ColorBrewer Paired, strong shades first).
FACILITY_COLOURS = ('#1f78b4', '#e31a1c', '#33a02c', '#ff7f00', '#6a3d9a', '#b15928', '#a6cee3', '#fb9a99',
                    '#b2df8a', '#fdbf6f', '#cab2d6', '#ffff99')
DEMAND_OPACITY = 0.45
LINE_WIDTH_MM = 0.8
LOAD_SIZE_MM = 3.5
OVERLOADED_SIZE_MM = 6.0


def _symbol(layer, colour, opacity=1.0, outline=None, width=None, size=None):
    symbol = QgsSymbol.defaultSymbol(layer.geometryType())
    symbol.setColor(QColor(colour))
    symbol.setOpacity(opacity)
    geom = layer.geometryType()
    if geom == compat.GEOM_LINE and width is not None:
        symbol.setWidth(width)
    if geom == compat.GEOM_POINT and size is not None:
        symbol.setSize(size)
    if outline is not None and geom != compat.GEOM_LINE:
        symbol.symbolLayer(0).setStrokeColor(QColor(outline))
    return symbol


def style_coverage_demand(layer, covered=COVERED_COLOUR, uncovered=UNCOVERED_COLOUR, opacity=DEMAND_OPACITY,
                          uncovered_opacity=UNCOVERED_OPACITY):
    """Demand units filled green when covered, pale red when not (field ``covered``)."""
    categories = [
        QgsRendererCategory(True, _symbol(layer, covered, opacity, outline=QColor(covered).darker(150)),
                            tr('Covered')),
        QgsRendererCategory(False, _symbol(layer, uncovered, uncovered_opacity, outline=QColor(uncovered).darker(150)),
                            tr('Not covered')),
    ]
    layer.setRenderer(QgsCategorizedSymbolRenderer('covered', categories))
    return layer


def style_service_lines(layer, field='facility_id', names=None, width=LINE_WIDTH_MM, colours=FACILITY_COLOURS,
                        opacity=1.0):
    """Service-area lines in one colour per facility; ``names`` maps facility ids to legend labels."""
    values = sorted({f[field] for f in layer.getFeatures()} - {None})
    categories = []
    for i, value in enumerate(values):
        label = (names or {}).get(value) or tr('Facility {}').format(value)
        categories.append(QgsRendererCategory(value, _symbol(layer, colours[i % len(colours)], opacity,
                                                             width=width), label))
    if not categories:
        layer.setRenderer(QgsSingleSymbolRenderer(_symbol(layer, colours[0], opacity, width=width)))
        return layer
    layer.setRenderer(QgsCategorizedSymbolRenderer(field, categories))
    return layer


def style_facility_loads(layer):
    """Facilities by load: overloaded ones (more people than capacity) large and red."""
    root = QgsRuleBasedRenderer.Rule(None)
    for expression, colour, size, label in (
            ('"overloaded"', OVERLOADED_COLOUR, OVERLOADED_SIZE_MM, tr('Overloaded (more people than capacity)')),
            ('NOT "overloaded" OR "overloaded" IS NULL', LOAD_COLOUR, LOAD_SIZE_MM, tr('Within capacity'))):
        rule = QgsRuleBasedRenderer.Rule(_symbol(layer, colour, outline='#ffffff', size=size), 0, 0, expression,
                                         label)
        root.appendChild(rule)
    layer.setRenderer(QgsRuleBasedRenderer(root))
    _label(layer, 'round("load_ratio" * 100) || \'%\'', size=8)
    return layer


def style_chosen_sites(layer):
    """Chosen sites with a bold outline, labelled with their rank."""
    symbol = _symbol(layer, SITE_COLOUR, 0.9, outline='#000000', size=OVERLOADED_SIZE_MM)
    if layer.geometryType() == compat.GEOM_POLYGON:
        symbol.symbolLayer(0).setStrokeWidth(0.8)
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    _label(layer, '"rank"', size=12, bold=True)
    return layer


def _label(layer, expression, size=10, bold=False):
    settings = QgsPalLayerSettings()
    settings.fieldName = expression
    settings.isExpression = True
    text = QgsTextFormat()
    font = text.font()
    font.setBold(bold)
    text.setFont(font)
    text.setSize(size)
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(1.0)
    buffer.setColor(QColor('#ffffff'))
    text.setBuffer(buffer)
    settings.setFormat(text)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)
