"""Default styles and attribute forms of the planning layers, built from definitions.

``configure_layer`` gives a QgsVectorLayer its aliases, drop-down value maps, range widgets,
constraints, default values and a renderer; the planning database stores the result as the
layer's default style, so forms and symbols travel inside the GeoPackage.
"""
from qgis.core import (QgsCategorizedSymbolRenderer, QgsDefaultValue, QgsEditorWidgetSetup, QgsFieldConstraints,
                       QgsGraduatedSymbolRenderer, QgsRendererCategory, QgsRendererRange, QgsSymbol,
                       QgsSingleSymbolRenderer)
from qgis.PyQt.QtGui import QColor

from .. import compat
from ..definitions import KINDS_BY_NAME, ROAD_CLASS
from ..translation import tr

# The value QGIS's value-map widget stores for "no value".
VALUE_MAP_NULL = '{2839923C-8B7D-419E-B84B-CA2FE9B80EC7}'

LINE_WIDTH_MM = {'expressway': 1.2, 'arterial': 0.9, 'secondary': 0.7, 'branch': 0.45, 'service': 0.3,
                 'pedestrian': 0.2, 'cycleway': 0.2, 'other': 0.2}
assert set(LINE_WIDTH_MM) == set(ROAD_CLASS.codes())

# Population density classes (persons per hectare) and their colours.
DENSITY_CLASSES = ((0, 50, '#fef0d9'), (50, 100, '#fdcc8a'), (100, 200, '#fc8d59'), (200, 400, '#e34a33'),
                   (400, 1e9, '#b30000'))


def value_map_config(enum, allow_null):
    entries = [{tr(choice.label): choice.code} for choice in enum.choices]
    if allow_null:
        entries.insert(0, {tr('(not set)'): VALUE_MAP_NULL})
    return {'map': entries}


def widget_setup(spec):
    if spec.enum is not None:
        return QgsEditorWidgetSetup('ValueMap', value_map_config(spec.enum, not spec.required))
    if spec.type in ('int', 'double') and spec.minimum is not None:
        config = {'Min': spec.minimum, 'Max': spec.maximum, 'Step': 1, 'Style': 'SpinBox', 'AllowNull': True}
        if spec.type == 'double':
            config['Precision'] = 2
        return QgsEditorWidgetSetup('Range', config)
    if spec.type == 'bool':
        return QgsEditorWidgetSetup('CheckBox', {'CheckedState': '', 'UncheckedState': ''})
    if spec.type == 'date':
        return QgsEditorWidgetSetup('DateTime', {'field_format': 'yyyy-MM-dd', 'display_format': 'yyyy-MM-dd',
                                                 'calendar_popup': True, 'allow_null': True})
    if spec.type == 'datetime':
        return QgsEditorWidgetSetup('DateTime', {'field_format': 'yyyy-MM-ddTHH:mm:ss',
                                                 'display_format': 'yyyy-MM-dd HH:mm:ss',
                                                 'calendar_popup': True, 'allow_null': True})
    return QgsEditorWidgetSetup('TextEdit', {'IsMultiline': False, 'UseHtml': False})


def configure_form(layer, kind):
    """Aliases, widgets, constraints and defaults for every field of ``kind`` present in ``layer``."""
    hard = QgsFieldConstraints.ConstraintStrength.ConstraintStrengthHard
    for spec in kind.fields:
        idx = layer.fields().indexOf(spec.name)
        if idx < 0:
            continue
        layer.setFieldAlias(idx, tr(spec.alias))
        layer.setEditorWidgetSetup(idx, widget_setup(spec))
        if spec.required:
            layer.setFieldConstraint(idx, QgsFieldConstraints.Constraint.ConstraintNotNull, hard)
        if spec.unique:
            layer.setFieldConstraint(idx, QgsFieldConstraints.Constraint.ConstraintUnique, hard)
        if spec.minimum is not None and spec.maximum is not None:
            expression = '"{0}" IS NULL OR ("{0}" >= {1} AND "{0}" <= {2})'.format(spec.name, spec.minimum,
                                                                                  spec.maximum)
            layer.setConstraintExpression(idx, expression, tr('Between {} and {}').format(spec.minimum,
                                                                                           spec.maximum))
            # Plausible range: a warning in the form, not a refusal.
            layer.setFieldConstraint(idx, QgsFieldConstraints.Constraint.ConstraintExpression,
                                     QgsFieldConstraints.ConstraintStrength.ConstraintStrengthSoft)
        if spec.default is not None:
            layer.setDefaultValueDefinition(idx, QgsDefaultValue(spec.default, False))
    names = kind.field_names()
    key = 'asset_id' if 'asset_id' in names else names[0]
    if 'name' in names:
        layer.setDisplayExpression('coalesce("name", "{}")'.format(key))
    else:
        layer.setDisplayExpression('"{}"'.format(key))


# Marker sizes (mm): dense network nodes small, sites and risk points large.
POINT_SIZE_MM = {'lifeline_nodes': 1.4}
DEFAULT_POINT_SIZE_MM = 3.2
FINDING_SIZE_MM = 2.0


def _symbol(layer, colour, road_class=None):
    symbol = QgsSymbol.defaultSymbol(layer.geometryType())
    symbol.setColor(QColor(colour))
    geom = layer.geometryType()
    if geom == compat.GEOM_LINE:
        symbol.setWidth(LINE_WIDTH_MM.get(road_class, 0.6))
    elif geom == compat.GEOM_POINT:
        symbol.setSize(POINT_SIZE_MM.get(layer.name(), DEFAULT_POINT_SIZE_MM))
        symbol.symbolLayer(0).setStrokeColor(QColor(colour).darker(170))
    elif geom == compat.GEOM_POLYGON:
        symbol.setOpacity(0.75)
        symbol.symbolLayer(0).setStrokeColor(QColor(colour).darker(150))
    return symbol


def renderer_for(layer, kind):
    if kind.name == 'population' or kind.name == 'population_points':
        if layer.geometryType() != compat.GEOM_POLYGON:
            return QgsSingleSymbolRenderer(_symbol(layer, '#fc8d59'))
        ranges = []
        for low, high, colour in DENSITY_CLASSES:
            label = (tr('{} - {} persons/ha').format(low, high) if high < 1e9
                     else tr('{} persons/ha and more').format(low))
            ranges.append(QgsRendererRange(low, high, _symbol(layer, colour), label))
        return QgsGraduatedSymbolRenderer('"population" / ($area / 10000.0)', ranges)
    if kind.style_field is None:
        return QgsSingleSymbolRenderer(_symbol(layer, '#bdbdbd'))
    enum = kind.field(kind.style_field).enum
    categories = []
    for choice in enum.choices:
        road_class = choice.code if kind.name == 'road_network' else None
        categories.append(QgsRendererCategory(choice.code, _symbol(layer, choice.colour or '#969696', road_class),
                                              tr(choice.label)))
    categories.append(QgsRendererCategory(None, _symbol(layer, '#bdbdbd'), tr('(not set)')))
    return QgsCategorizedSymbolRenderer(kind.style_field, categories)


def configure_layer(layer, kind=None):
    """Give ``layer`` the form and style of its planning layer kind (a LayerKind or its name; defaults to the
    layer's name)."""
    if not hasattr(kind, 'fields'):
        kind = KINDS_BY_NAME[kind or layer.name()]
    configure_form(layer, kind)
    if kind.spatial:
        layer.setRenderer(renderer_for(layer, kind))
    return layer



def style_findings(layer):
    """Census findings coloured by severity, with the finding fields' aliases."""
    from ..definitions import FINDING_FIELDS, SEVERITY
    categories = []
    for choice in SEVERITY.choices:
        symbol = _symbol(layer, choice.colour)
        symbol.setSize(FINDING_SIZE_MM)
        categories.append(QgsRendererCategory(choice.code, symbol, tr(choice.label)))
    layer.setRenderer(QgsCategorizedSymbolRenderer('severity', categories))
    for spec in FINDING_FIELDS:
        idx = layer.fields().indexOf(spec.name)
        if idx >= 0:
            layer.setFieldAlias(idx, tr(spec.alias))
    layer.setDisplayExpression('"message"')
    return layer
