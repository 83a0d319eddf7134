"""The report's language: the plugin's .qm installed for the duration of a run, and a font with its glyphs."""
import contextlib

from qgis.PyQt.QtCore import QCoreApplication, QTranslator
from qgis.PyQt.QtGui import QFont, QFontDatabase

from ..definitions import REPORT_FONTS, REPORT_LANGUAGES
from ..paths import i18n_dir
from ..translation import CONTEXT, tr


class LanguageError(Exception):
    pass


def qm_path(language):
    return i18n_dir() / 'resilience_plugin_{}.qm'.format(language)


def translations_of(source):
    """``source`` and its translation into every report language: to recognise a label an algorithm wrote
    into a layer in the language of its own run."""
    found = {source}
    for language in REPORT_LANGUAGES:
        path = qm_path(language)
        translator = QTranslator()
        if language != 'en' and path.exists() and translator.load(str(path)):
            found.add(translator.translate(CONTEXT, source) or source)
    return found


def font_family(language):
    """The first installed font family for ``language`` (REPORT_FONTS), else the application's default."""
    installed = set(QFontDatabase().families())
    for family in REPORT_FONTS.get(language, ()):
        if family in installed:
            return family
    if language == 'zh_CN':
        raise LanguageError(tr('No font with Chinese glyphs is installed (looked for {}); install fonts-noto-cjk.')
                            .format(', '.join(REPORT_FONTS[language])))
    return QFont().defaultFamily()


def font_families(language):
    """The font families of the PDF, in order: Qt draws each character in the first that has it.

    Chinese: the Latin font, then the CJK font. Qt's PDF output loses the text of the digits Noto Sans CJK
    draws inside Latin words (its Latin shaping swaps them for glyph variants without a character mapping),
    so a search for 'GB 50413' would fail; the Latin font draws Latin letters and digits instead.
    """
    families = [font_family('en')]
    if language != 'en':
        families.append(font_family(language))
    return tuple(dict.fromkeys(families))


def report_font(families, size_pt=None, bold=False):
    """A QFont of ``families`` (the first that has a character draws it)."""
    font = QFont(families[0])
    font.setFamilies(list(families))
    if size_pt is not None:
        font.setPointSizeF(size_pt)
    font.setBold(bold)
    return font


def _plugin_translators():
    """Translators the running plugin installed (plugin.install_translator), to take out during an English run."""
    try:
        from qgis.utils import plugins
    except ImportError:  # pragma: no cover
        return []
    found = []
    for plugin in plugins.values():
        translator = getattr(plugin, 'translator', None)
        if isinstance(translator, QTranslator) and type(plugin).__module__.startswith(__package__.split('.')[0]):
            found.append(translator)
    return found


@contextlib.contextmanager
def report_language(language):
    """Translate the plugin's strings into ``language`` while the block runs, then restore the user's language.

    zh_CN: the plugin's compiled i18n/resilience_plugin_zh_CN.qm (``make transcompile``) is installed in front
    of every other translator. en: the plugin's own translator, if the user's locale installed one, is taken
    out, so the English source strings show.
    """
    if language not in REPORT_LANGUAGES:
        raise LanguageError(tr('Unknown report language {}.').format(language))
    removed = _plugin_translators()
    for translator in removed:
        QCoreApplication.removeTranslator(translator)
    ours = None
    try:
        if language != 'en':
            path = qm_path(language)
            ours = QTranslator()
            if not path.exists() or not ours.load(str(path)):
                raise LanguageError(tr('The translation {} is missing; build it with "make transcompile".')
                                    .format(path))
            QCoreApplication.installTranslator(ours)
        yield language
    finally:
        if ours is not None:
            QCoreApplication.removeTranslator(ours)
        for translator in removed:
            QCoreApplication.installTranslator(translator)
