"""Forward compatibility with QGIS 4 / Qt 6: Qt only through qgis.PyQt, exec() not exec_(), scoped enums,
and the enums QGIS 3.30-3.40 moved only through resilience_plugin/compat.py.

The enum checks read every ``Name.attr.attr`` chain of the plugin whose root is imported from qgis.* and
resolve it in the running QGIS (3.22 here): an enum value reached without its enum type (``Qt.AlignLeft``,
``QgsFeatureRequest.GeometryNoCheck``) fails under PyQt6 / QGIS 4; an enum type that QGIS moved to ``Qgis.*``
(``QgsRasterBandStats.Stats``) is gone in QGIS 4.
"""
import ast
import enum
import importlib
import re

import pytest

from conftest import ROOT

FORBIDDEN = (
    (re.compile(r'^\s*(from|import)\s+PyQt[56]\b', re.M), 'imports PyQt directly (use qgis.PyQt)'),
    (re.compile(r'\.exec_\('), 'calls exec_() (use exec())'),
    (re.compile(r'^\s*(from|import)\s+(sip|PyQt5\.sip)\b', re.M), 'imports sip directly'),
    (re.compile(r'resources_rc|pyrcc'), 'uses compiled Qt resources'),
    # Unscoped QGIS enums that QGIS 4 renamed or moved: use the names in resilience_plugin/compat.py.
    (re.compile(r'QgsProcessing\.Type[A-Z]\w*|QgsProcessingParameter(Number|Field)\.(Double|Integer|Numeric|Any)\b'
                r'|QgsFeatureSink\.FastInsert|QgsUnitTypes\.(Distance|Layout)\w+|\bQVariant\.(String|Int|Double|Date)\b'
                r'|QgsCoordinateReferenceSystem\.(WktVariant\.)?WKT_|QgsLegendStyle\.(Title|Group|Subgroup|SymbolLabel)\b'),
     'uses a QGIS enum that differs in QGIS 4 outside compat.py'),
    # QGIS 4 has no layout HTML item (WebKit is gone): the report body is built from labels, tables, pictures.
    (re.compile(r'QgsLayoutItemHtml'), 'uses the layout HTML item, which QGIS 4 does not have'),
)


# Enum types QGIS moved to Qgis.* (the version that moved them); QGIS 4 drops the old names.
MOVED = {
    'QgsWkbTypes.Type': 'Qgis.WkbType (3.30)',
    'QgsWkbTypes.GeometryType': 'Qgis.GeometryType (3.30)',
    'QgsMapLayerType': 'Qgis.LayerType (3.30)',
    'QgsUnitTypes.DistanceUnit': 'Qgis.DistanceUnit (3.30)',
    'QgsUnitTypes.AreaUnit': 'Qgis.AreaUnit (3.30)',
    'QgsUnitTypes.RenderUnit': 'Qgis.RenderUnit (3.30)',
    'QgsUnitTypes.LayoutUnit': 'Qgis.LayoutUnit (3.30)',
    'QgsUnitTypes.UnitType': 'Qgis.UnitType (3.30)',
    'QgsColorRampShader.Type': 'Qgis.ShaderInterpolationMethod (3.30)',
    'QgsColorRampShader.ClassificationMode': 'Qgis.ShaderClassificationMethod (3.30)',
    'QgsSimpleMarkerSymbolLayerBase.Shape': 'Qgis.MarkerShape (3.24)',
    'QgsPalLayerSettings.Placement': 'Qgis.LabelPlacement (3.26)',
    'QgsLegendStyle.Style': 'Qgis.LegendComponent (3.32)',
    'QgsMapLayerProxyModel.Filter': 'Qgis.LayerFilter (3.34)',
    'QgsFieldProxyModel.Filter': 'Qgis.FieldProxyModelFilter (3.34)',
    'QgsProcessing.SourceType': 'Qgis.ProcessingSourceType (3.36)',
    'QgsProcessingAlgorithm.Flag': 'Qgis.ProcessingAlgorithmFlag (3.36)',
    'QgsProcessingProvider.Flag': 'Qgis.ProcessingProviderFlag (3.36)',
    'QgsProcessingParameterDefinition.Flag': 'Qgis.ProcessingParameterFlag (3.36)',
    'QgsProcessingParameterNumber.Type': 'Qgis.ProcessingNumberParameterType (3.36)',
    'QgsProcessingParameterField.DataType': 'Qgis.ProcessingFieldParameterDataType (3.36)',
    'QgsProcessingParameterFile.Behavior': 'Qgis.ProcessingFileParameterBehavior (3.36)',
    'QgsProcessingParameterDateTime.Type': 'Qgis.ProcessingDateTimeParameterDataType (3.36)',
    'QgsProcessingContext.LogLevel': 'Qgis.ProcessingLogLevel (3.36)',
    'QgsProcessingFeatureSource.Flag': 'Qgis.ProcessingFeatureSourceFlag (3.36)',
    'QgsFeatureRequest.Flag': 'Qgis.FeatureRequestFlag (3.36)',
    'QgsFeatureRequest.InvalidGeometryCheck': 'Qgis.InvalidGeometryCheck (3.36)',
    'QgsRasterBandStats.Stats': 'Qgis.RasterBandStatistic (3.36)',
    'QgsCoordinateReferenceSystem.WktVariant': 'Qgis.CrsWktVariant (3.36)',
    'QgsFields.FieldOrigin': 'Qgis.FieldOrigin (3.38)',
    'QgsVectorDataProvider.Capability': 'Qgis.VectorProviderCapability (3.40)',
}


def plugin_sources():
    return sorted(p for p in (ROOT / 'resilience_plugin').rglob('*.py') if p.name != 'compat.py')


def enum_type(value):
    """The enum type of ``value`` (a sip enum or a Python enum member), else None."""
    if isinstance(value, enum.Enum):
        return type(value)
    if isinstance(value, int) and not isinstance(value, bool) and type(type(value)).__name__ == 'enumtype':
        return type(value)
    return None


def attribute_chain(node):
    names = []
    while isinstance(node, ast.Attribute):
        names.append(node.attr)
        node = node.value
    return [node.id] + names[::-1] if isinstance(node, ast.Name) else None


def enum_problems(text):
    """'line: chain why' for every unscoped QGIS/Qt enum value and every moved enum type in ``text``."""
    tree = ast.parse(text)
    imported = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and not node.level and (node.module or '').split('.')[0] == 'qgis':
            module = importlib.import_module(node.module)
            for alias in node.names:
                if hasattr(module, alias.name):
                    imported[alias.asname or alias.name] = getattr(module, alias.name)
    problems, seen = [], set()
    for node in ast.walk(tree):
        chain = attribute_chain(node) if isinstance(node, ast.Attribute) else None
        if not chain or chain[0] not in imported or (node.lineno, chain[0]) in seen:
            continue
        objects = [imported[chain[0]]]
        for name in chain[1:]:
            if not hasattr(objects[-1], name):
                break
            objects.append(getattr(objects[-1], name))
        dotted = '.'.join(chain[:len(objects)])
        if chain[0] == 'QVariant' and len(chain) > 1:
            problems.append('{}: {} uses a QVariant type (compat.FIELD_TYPES: QMetaType from QGIS 3.38)'.format(
                node.lineno, dotted))
            seen.add((node.lineno, chain[0]))
            continue
        moved = [old for old in MOVED if dotted == old or dotted.startswith(old + '.')]
        if moved:
            problems.append('{}: {} moved to {}: use compat.py'.format(node.lineno, dotted, MOVED[moved[0]]))
        else:
            for i, value in enumerate(objects[1:], start=1):
                kind = enum_type(value)
                if kind is not None and objects[i - 1] is not kind:
                    problems.append('{}: {} is an enum value without its enum type {} (fails in QGIS 4)'.format(
                        node.lineno, dotted, kind.__qualname__))
                    break
        seen.add((node.lineno, chain[0]))
    return problems


def test_no_direct_qt_imports_or_exec_underscore():
    problems = []
    for path in plugin_sources():
        text = path.read_text(encoding='utf-8')
        for pattern, why in FORBIDDEN:
            for match in pattern.finditer(text):
                line = text.count('\n', 0, match.start()) + 1
                problems.append('{}:{} {}'.format(path.relative_to(ROOT), line, why))
    assert not problems, '\n'.join(problems)


def test_the_check_itself_catches_offenders(tmp_path):
    sample = ('from PyQt5.QtCore import Qt\ndialog.exec_()\nsink.addFeature(f, QgsFeatureSink.FastInsert)\n'
              'flow = QgsLayoutItemHtml(layout)\n')
    hits = [why for pattern, why in FORBIDDEN if pattern.search(sample)]
    assert len(hits) == 4


def test_enums_are_scoped_and_moved_ones_go_through_compat():
    problems = []
    for path in plugin_sources():
        for problem in enum_problems(path.read_text(encoding='utf-8')):
            problems.append('{}:{}'.format(path.relative_to(ROOT), problem))
    assert not problems, '\n'.join(problems)


def test_the_enum_check_catches_offenders():
    sample = '\n'.join([
        'from qgis.core import QgsFeatureRequest, QgsRasterBandStats, QgsSpatialIndex, Qgis',
        'from qgis.PyQt.QtCore import Qt, QVariant',
        'a = QgsFeatureRequest.GeometryNoCheck',          # unscoped and moved
        'b = QgsRasterBandStats.Stats.Min',                # scoped but moved
        'c = QgsSpatialIndex.FlagStoreFeatureGeometries',  # unscoped
        'd = Qt.AlignLeft',                                # unscoped Qt
        'e = QVariant.Double',                             # QVariant type
        'f = QgsSpatialIndex.Flag.FlagStoreFeatureGeometries | Qt.AlignmentFlag.AlignLeft',  # fine
        'g = Qgis.MessageLevel.Warning',                   # fine
    ])
    lines = sorted(int(problem.split(':')[0]) for problem in enum_problems(sample))
    assert lines == [3, 4, 5, 6, 7]


@pytest.mark.parametrize('old', sorted(MOVED))
def test_moved_enum_names_exist_in_this_qgis(old):
    """Each old name of MOVED resolves in the QGIS the tests run on (no typo hides a use)."""
    root, *rest = old.split('.')
    value = importlib.import_module('qgis.core').__dict__.get(root) or getattr(importlib.import_module('qgis.gui'),
                                                                                root)
    for name in rest:
        value = getattr(value, name)
    assert isinstance(value, type)


def test_core_is_pure():
    """The core takes arrays and returns arrays: no QGIS, no Qt."""
    offenders = []
    for path in sorted((ROOT / 'resilience_plugin' / 'core').rglob('*.py')):
        text = path.read_text(encoding='utf-8')
        if re.search(r'^\s*(from|import)\s+(qgis|PyQt|\.\.qgis_io|\.\.gui|\.\.processing)', text, re.M):
            offenders.append(str(path.relative_to(ROOT)))
    assert not offenders


def test_definitions_module_has_no_qt():
    text = (ROOT / 'resilience_plugin' / 'definitions.py').read_text(encoding='utf-8')
    assert not re.search(r'^\s*(from|import)\s+(qgis|PyQt)', text, re.M)
