"""Every user-visible string has a zh_CN translation, and the compiled catalogue is what QGIS loads."""
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

from conftest import ROOT
from tools import i18n


def test_extraction_finds_marked_strings():
    strings = i18n.extract()
    assert 'Create planning database' in strings      # N_() in an algorithm
    assert 'Major risk (red)' in strings              # N_() in definitions
    assert 'Planning database' in strings             # tr() call


def test_every_string_has_a_finished_chinese_translation():
    missing = i18n.missing('zh_CN')
    assert not missing, 'untranslated: {}'.format(missing[:20])


def test_placeholders_survive_translation():
    assert not i18n.placeholder_mismatches('zh_CN')


def test_compiled_catalogue_translates_at_run_time():
    qm = ROOT / 'i18n' / 'resilience_plugin_zh_CN.qm'
    assert qm.exists(), 'run make transcompile'
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        from resilience_plugin.translation import tr
        assert tr('Major risk (red)') == '重大风险（红）'
        assert tr('Emergency shelter') == '紧急避难场所'
    finally:
        QCoreApplication.removeTranslator(translator)
