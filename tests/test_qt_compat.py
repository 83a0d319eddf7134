"""Forward compatibility with QGIS 4 / Qt 6: Qt only through qgis.PyQt, exec() not exec_()."""
import re

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


def plugin_sources():
    return sorted(p for p in (ROOT / 'resilience_plugin').rglob('*.py') if p.name != 'compat.py')


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
