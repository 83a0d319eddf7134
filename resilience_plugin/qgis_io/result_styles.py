"""Symbols of the result layers, for the panels and the demo project alike.

Coverage (population_coverage, service_areas, site_selection): demand units covered / not covered,
service areas (lines or polygons) in one colour per facility, facility loads with the overloaded ones
standing out, chosen sites labelled with their rank. Risk: zones and lists by risk grade; hazard rasters
with a colour ramp. Colours of the risk grades come from definitions; this module only draws, it
computes nothing.
"""
from qgis.core import (QgsCategorizedSymbolRenderer, QgsColorRampShader, QgsGradientColorRamp, QgsPalLayerSettings,
                       QgsRasterShader, QgsRendererCategory, QgsRuleBasedRenderer,
                       QgsSingleBandPseudoColorRenderer, QgsSingleSymbolRenderer,
                       QgsSymbol, QgsTextBufferSettings, QgsTextFormat, QgsVectorLayerSimpleLabeling)
from qgis.PyQt.QtCore import QLocale
from qgis.PyQt.QtGui import QColor, QFontInfo

from .. import compat
from ..definitions import RISK_GRADE
from ..translation import tr

COVERED_COLOUR = '#1a9641'
UNCOVERED_COLOUR = '#d7191c'
OVERLOADED_COLOUR = '#d7191c'
LOAD_COLOUR = '#2b83ba'
SITE_COLOUR = '#ffd92f'
# Service areas of one kind of facility in shades of its own colour: shelters green, fire stations red.
SHELTER_COLOURS = ('#006d2c', '#31a354', '#74c476', '#00441b', '#238b45', '#41ab5d')
FIRE_COLOURS = ('#cb181d', '#fb6a4a', '#a50f15', '#ef3b2c', '#67000d', '#fc9272')
# One colour per facility (ColorBrewer Paired, strong shades first).
FACILITY_COLOURS = ('#1f78b4', '#e31a1c', '#33a02c', '#ff7f00', '#6a3d9a', '#b15928', '#a6cee3', '#fb9a99',
                    '#b2df8a', '#fdbf6f', '#cab2d6', '#ffff99')
# Flood depth and other hazard rasters: ColorBrewer "Blues", light to dark.
HAZARD_RAMP = ('#deebf7', '#08306b')
DEMAND_OPACITY = 0.45
UNCOVERED_OPACITY = 0.25
AREA_OPACITY = 0.35          # service-area polygons, half transparent so overlaps show
LINE_WIDTH_MM = 0.8
LOAD_SIZE_MM = 3.5
OVERLOADED_SIZE_MM = 6.0
# A facility's load (people served / capacity) as a percentage of its capacity, the one way the plugin shows
# it: the map label (a QGIS expression, so it draws without the plugin) and format_load (the dock) give the
# same text, grouped digits in the user's locale as QGIS's format_number: "46%", "139%", "139,090%".
LOAD_LABEL_EXPRESSION = 'format_number("load_ratio" * 100, 0) || \'%\''
# Map labels: the font the system resolves for the application font, with common fallbacks, so a project
# never asks for a font that is not installed (QGIS warns "Font ... not available on system").
LABEL_FONT_FALLBACKS = ('Noto Sans', 'DejaVu Sans', 'Liberation Sans', 'Arial', 'Helvetica', 'Microsoft YaHei',
                        'PingFang SC', 'Noto Sans CJK SC')


def format_load(ratio):
    """``ratio`` (people / capacity) as LOAD_LABEL_EXPRESSION draws it on the map; '' when there is none."""
    if ratio is None or not isinstance(ratio, (int, float)):
        return ''
    locale = QLocale()
    locale.setNumberOptions(locale.numberOptions() & ~QLocale.NumberOption.OmitGroupSeparator)
    return locale.toString(float(ratio) * 100.0, 'f', 0) + '%'


def _symbol(layer, colour, opacity=1.0, outline=None, width=None, size=None):
    symbol = QgsSymbol.defaultSymbol(layer.geometryType())
    symbol.setColor(QColor(colour))
    symbol.setOpacity(opacity)
    geom = layer.geometryType()
    if geom == compat.GEOM_LINE and width is not None:
        symbol.setWidth(width)
    if geom == compat.GEOM_POINT and size is not None:
        symbol.setSize(size)
    if outline is not None and geom != compat.GEOM_LINE and symbol.symbolLayerCount():
        symbol.symbolLayer(0).setStrokeColor(QColor(outline))
    return symbol


def _done(layer):
    layer.triggerRepaint()
    return layer


# ---------------------------------------------------------------------------------------------
# Coverage
# ---------------------------------------------------------------------------------------------

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
    return _done(layer)


def style_service_areas(layer, field='facility_id', names=None, colours=FACILITY_COLOURS, opacity=None,
                        width=LINE_WIDTH_MM):
    """Service areas, lines or polygons, in one colour per facility.

    ``names`` maps facility ids to legend labels. Polygons are half transparent (overlaps show) with a
    darker outline; lines are ``width`` mm wide.
    """
    polygons = layer.geometryType() == compat.GEOM_POLYGON
    opacity = (AREA_OPACITY if polygons else 1.0) if opacity is None else opacity

    def symbol(colour):
        return _symbol(layer, colour, opacity, outline=QColor(colour).darker(140) if polygons else None, width=width)

    values = sorted({f[field] for f in layer.getFeatures()} - {None})
    categories = [QgsRendererCategory(value, symbol(colours[i % len(colours)]),
                                      (names or {}).get(value) or tr('Facility {}').format(value))
                  for i, value in enumerate(values)]
    if not categories:
        layer.setRenderer(QgsSingleSymbolRenderer(symbol(colours[0])))
    else:
        layer.setRenderer(QgsCategorizedSymbolRenderer(field, categories))
    return _done(layer)


def style_facility_loads(layer):
    """Facilities by load: overloaded ones (more people than capacity) as big red stars, labelled with the load."""
    root = QgsRuleBasedRenderer.Rule(None)
    star = _symbol(layer, OVERLOADED_COLOUR, outline='#67000d', size=OVERLOADED_SIZE_MM)
    if star.symbolLayerCount() and hasattr(star.symbolLayer(0), 'setShape'):
        star.symbolLayer(0).setShape(compat.MARKER_STAR)
    root.appendChild(QgsRuleBasedRenderer.Rule(star, 0, 0, '"overloaded"',
                                               tr('Overloaded (more people than capacity)')))
    normal = _symbol(layer, LOAD_COLOUR, outline='#08306b', size=LOAD_SIZE_MM)
    root.appendChild(QgsRuleBasedRenderer.Rule(normal, 0, 0, 'NOT coalesce("overloaded", false)',
                                               tr('Within capacity or no capacity')))
    layer.setRenderer(QgsRuleBasedRenderer(root))
    if layer.fields().indexOf('load_ratio') >= 0:
        _label(layer, LOAD_LABEL_EXPRESSION, size=8)
    return _done(layer)


def style_chosen_sites(layer):
    """Chosen sites with a bold outline, labelled with their rank."""
    symbol = _symbol(layer, SITE_COLOUR, 0.9, outline='#000000', size=OVERLOADED_SIZE_MM)
    if layer.geometryType() == compat.GEOM_POLYGON:
        symbol.symbolLayer(0).setStrokeWidth(0.8)
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    _label(layer, '"rank"', size=12, bold=True)
    return _done(layer)


def _label(layer, expression, size=10, bold=False):
    settings = QgsPalLayerSettings()
    settings.fieldName = expression
    settings.isExpression = True
    text = QgsTextFormat()
    font = text.font()
    font.setFamily(QFontInfo(font).family())  # the installed family, not the platform's name for its default
    font.setBold(bold)
    text.setFont(font)
    if hasattr(text, 'setFamilies'):  # QGIS >= 3.20: tried in turn where the first family is missing
        text.setFamilies([family for family in LABEL_FONT_FALLBACKS if family != font.family()])
    text.setSize(size)
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(1.0)
    buffer.setColor(QColor('#ffffff'))
    text.setBuffer(buffer)
    settings.setFormat(text)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


# ---------------------------------------------------------------------------------------------
# Risk and hazards
# ---------------------------------------------------------------------------------------------

def style_by_grade(layer, field='risk_grade', opacity=1.0, size=None):
    """Categorised by risk grade in the four risk colours."""
    categories = [QgsRendererCategory(c.code, _symbol(layer, c.colour, opacity, size=size), tr(c.label))
                  for c in RISK_GRADE.choices]
    layer.setRenderer(QgsCategorizedSymbolRenderer(field, categories))
    return _done(layer)


def style_hazard_raster(layer, opacity=0.6, ramp=HAZARD_RAMP):
    """Single-band pseudocolour from the band's minimum to maximum (Blues), with transparency."""
    provider = layer.dataProvider()
    stats = provider.bandStatistics(1, compat.RASTER_STAT_MIN | compat.RASTER_STAT_MAX)
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
    return _done(layer)


# ---------------------------------------------------------------------------------------------
# Lifeline systems: affected assets by cause, devices to close, chains in the Temporal Controller
# ---------------------------------------------------------------------------------------------

ISOLATION_COLOUR = '#000000'
EVENT_SIZE_MM = 3.2
EVENT_LINE_WIDTH_MM = 1.2


def style_lifeline_events(layer, field='cause'):
    """Affected assets (points) or lines coloured by what happened to them (definitions.LIFELINE_CAUSE)."""
    from ..definitions import LIFELINE_CAUSE
    categories = []
    for choice in LIFELINE_CAUSE.choices:
        symbol = _symbol(layer, choice.colour, width=EVENT_LINE_WIDTH_MM, size=EVENT_SIZE_MM)
        categories.append(QgsRendererCategory(choice.code, symbol, tr(choice.label)))
    layer.setRenderer(QgsCategorizedSymbolRenderer(field, categories))
    return _done(layer)


def style_isolation_devices(layer):
    """The devices to close: black bow-tie-like squares rotated to diamonds, larger than the assets."""
    symbol = _symbol(layer, '#ffffff', outline=ISOLATION_COLOUR, size=EVENT_SIZE_MM + 1.0)
    if symbol.symbolLayerCount():
        symbol.symbolLayer(0).setShape(compat.MARKER_DIAMOND)
        symbol.symbolLayer(0).setStrokeWidth(0.6)
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    return _done(layer)


def make_temporal(layer, field='frame_time', minutes=None):
    """Let the Temporal Controller play ``layer``: each feature appears at ``field`` and stays (accumulates)."""
    from ..definitions import CHAIN_FRAME_MINUTES
    props = layer.temporalProperties()
    props.setIsActive(True)
    props.setMode(compat.TEMPORAL_INSTANT_FROM_FIELD)
    props.setStartField(field)
    props.setDurationUnits(compat.TEMPORAL_MINUTES)
    props.setFixedDuration(float(minutes or CHAIN_FRAME_MINUTES))
    props.setAccumulateFeatures(True)
    return layer


CRITICAL_TOP = 10


def style_criticality(layer):
    """N-1 isolation segments: the ten most critical thick red, too large ones orange, the rest thin grey."""
    root = QgsRuleBasedRenderer.Rule(None)
    for expression, label, colour, width in (
            ('"rank" <= {}'.format(CRITICAL_TOP), tr('The {} most critical').format(CRITICAL_TOP), '#d7191c', 1.6),
            ('"too_large"', tr('Too large (too few isolation devices)'), '#fdae61', 1.0),
            ('ELSE', tr('Other isolation segments'), '#969696', 0.4)):
        rule = QgsRuleBasedRenderer.Rule(_symbol(layer, colour, width=width), 0, 0,
                                         expression if expression != 'ELSE' else '', label)
        if expression == 'ELSE':
            rule.setIsElse(True)
        root.appendChild(rule)
    layer.setRenderer(QgsRuleBasedRenderer(root))
    return _done(layer)


# ---------------------------------------------------------------------------------------------
# Community resilience (evacuation plan, community risk map, dispatch, resilience index)
# ---------------------------------------------------------------------------------------------

ROUTE_COLOUR = '#1a9850'
ROAD_LOAD_COLOUR = '#762a83'
ASSEMBLY_COLOUR = '#4daf4a'
PLAN_SHELTER_COLOUR = '#006d2c'
DISPATCH_COLOUR = '#e31a1c'
INDEX_RAMP = ('#d7191c', '#ffffbf', '#1a9641')   # least to most resilient


def _width_by(layer, field, low=0.3, high=2.2):
    """A data-defined line width growing with ``field`` from ``low`` to ``high`` mm."""
    from qgis.core import QgsProperty
    values = [f[field] for f in layer.getFeatures() if isinstance(f[field], (int, float))]
    top = max(values) if values else 1.0
    expression = 'scale_linear(coalesce("{}", 0), 0, {}, {}, {})'.format(field, max(top, 1e-9), low, high)
    renderer = layer.renderer()
    if isinstance(renderer, QgsSingleSymbolRenderer) and hasattr(renderer.symbol(), 'setDataDefinedWidth'):
        renderer.symbol().setDataDefinedWidth(QgsProperty.fromExpression(expression))


def style_evacuation_routes(layer):
    """Evacuation routes in green, wider where more people walk them, with arrowheads towards the shelter."""
    from qgis.core import QgsLineSymbol, QgsMarkerLineSymbolLayer, QgsMarkerSymbol
    symbol = QgsLineSymbol.createSimple({'line_color': ROUTE_COLOUR, 'line_width': '0.6', 'capstyle': 'round'})
    arrows = QgsMarkerLineSymbolLayer(True, 40.0)
    arrows.setSubSymbol(QgsMarkerSymbol.createSimple({'name': 'filled_arrowhead', 'color': ROUTE_COLOUR,
                                                      'outline_style': 'no', 'size': '2.0'}))
    symbol.appendSymbolLayer(arrows)
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    _width_by(layer, 'people')
    return _done(layer)


def style_road_loads(layer):
    """People per road segment: purple, wider with more people (the bottlenecks stand out)."""
    layer.setRenderer(QgsSingleSymbolRenderer(_symbol(layer, ROAD_LOAD_COLOUR, 0.85, width=0.6)))
    _width_by(layer, 'people', 0.4, 3.0)
    return _done(layer)


def style_plan_shelters(layer):
    """Shelters of an evacuation plan: dark green squares for those taking people, light ones for the others."""
    root = QgsRuleBasedRenderer.Rule(None)
    used = _symbol(layer, PLAN_SHELTER_COLOUR, outline='#ffffff', size=3.6)
    spare = _symbol(layer, '#a1d99b', outline='#006d2c', size=2.6)
    for symbol in (used, spare):
        if symbol.symbolLayerCount() and hasattr(symbol.symbolLayer(0), 'setShape'):
            symbol.symbolLayer(0).setShape(compat.MARKER_SQUARE)
    root.appendChild(QgsRuleBasedRenderer.Rule(used, 0, 0, 'coalesce("people", 0) > 0',
                                               tr('Shelter taking evacuees')))
    root.appendChild(QgsRuleBasedRenderer.Rule(spare, 0, 0, 'coalesce("people", 0) = 0',
                                               tr('Shelter not needed by the plan')))
    layer.setRenderer(QgsRuleBasedRenderer(root))
    return _done(layer)


def style_assembly_points(layer):
    symbol = _symbol(layer, ASSEMBLY_COLOUR, outline='#ffffff', size=3.4)
    if symbol.symbolLayerCount() and hasattr(symbol.symbolLayer(0), 'setShape'):
        symbol.symbolLayer(0).setShape(compat.MARKER_PENTAGON)
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    return _done(layer)


def style_hidden_dangers(layer):
    """Hidden dangers as triangles in the colour of their risk grade."""
    categories = []
    for c in RISK_GRADE.choices:
        symbol = _symbol(layer, c.colour, outline='#000000', size=3.4)
        if symbol.symbolLayerCount() and hasattr(symbol.symbolLayer(0), 'setShape'):
            symbol.symbolLayer(0).setShape(compat.MARKER_TRIANGLE)
        categories.append(QgsRendererCategory(c.code, symbol, tr(c.label)))
    layer.setRenderer(QgsCategorizedSymbolRenderer('risk_grade', categories))
    return _done(layer)


def style_dispatch(layer):
    """Routes of dispatched forces in red, labelled with their arrival time."""
    layer.setRenderer(QgsSingleSymbolRenderer(_symbol(layer, DISPATCH_COLOUR, 0.9, width=0.9)))
    if layer.fields().indexOf('arrival_min') >= 0:
        _label(layer, "format_number(\"arrival_min\", 1) || ' min'", size=8)
    return _done(layer)


def style_resilience_index(layer, field='resilience_index'):
    """Communities graduated by their resilience index, red (least) to green (most), labelled with rank."""
    from qgis.core import QgsGraduatedSymbolRenderer, QgsRendererRange
    ramp = [QColor(c) for c in INDEX_RAMP]
    ranges = []
    bounds = [(0.0, 0.2), (0.2, 0.4), (0.4, 0.6), (0.6, 0.8), (0.8, 1.0)]
    for k, (low, high) in enumerate(bounds):
        t = k / (len(bounds) - 1)
        a, b = (ramp[0], ramp[1]) if t <= 0.5 else (ramp[1], ramp[2])
        u = t * 2 if t <= 0.5 else t * 2 - 1
        colour = QColor(int(a.red() + (b.red() - a.red()) * u), int(a.green() + (b.green() - a.green()) * u),
                        int(a.blue() + (b.blue() - a.blue()) * u))
        ranges.append(QgsRendererRange(low, high, _symbol(layer, colour.name(), 0.75, outline='#444444'),
                                       '{:.1f} - {:.1f}'.format(low, high)))
    layer.setRenderer(QgsGraduatedSymbolRenderer(field, ranges))
    if layer.fields().indexOf('rank') >= 0:
        _label(layer, "\"community\" || '\\n' || format_number(\"{}\", 2) || ' (#' || \"rank\" || ')'".format(field),
               size=9, bold=True)
    return _done(layer)
