"""Plugin lifecycle: translator, Processing provider, menu and toolbar entries."""
from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

from .paths import i18n_dir
from .translation import tr


def install_translator():
    """Load the .qm of the user's locale (QGIS setting locale/userLocale) into the application."""
    settings = QgsSettings()
    locale = settings.value('locale/userLocale', '') or QLocale().name()
    candidates = [locale, locale.split('_')[0]]
    for name in candidates:
        qm = i18n_dir() / 'resilience_plugin_{}.qm'.format(name)
        if qm.exists():
            translator = QTranslator()
            if translator.load(str(qm)):
                QCoreApplication.installTranslator(translator)
                return translator
    return None


class ResiliencePlugin:
    """Created by classFactory. ``iface`` is None under qgis_process: only initGui may use it."""

    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.actions = []
        self.menu = None
        self.translator = install_translator()

    # Processing ---------------------------------------------------------------------------------
    def initProcessing(self):  # noqa: N802 (QGIS API name)
        from .processing.provider import ResilienceProvider
        if self.provider is None:
            self.provider = ResilienceProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    # GUI ---------------------------------------------------------------------------------------
    def initGui(self):  # noqa: N802 (QGIS API name)
        self.initProcessing()
        from .gui.actions import create_actions
        self.menu = tr('&Resilience planning')
        self.actions = create_actions(self.iface, self.iface.mainWindow())
        for action in self.actions:
            self.iface.addPluginToMenu(self.menu, action)
        if self.actions:
            self.iface.addToolBarIcon(self.actions[0])

    def unload(self):
        for action in self.actions:
            self.iface.removePluginMenu(self.menu, action)
            self.iface.removeToolBarIcon(action)
            action.deleteLater()
        self.actions = []
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None
