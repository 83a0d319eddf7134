"""Plugin lifecycle: translator, Processing provider, menu and toolbar entries."""
from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, Qt, QTranslator

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
        self.dock = None
        self.dock_action = None
        self.tool = None
        self.tool_action = None
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
        from .gui.actions import create_actions, create_panel_actions
        self.menu = tr('&Resilience planning')
        self.actions = create_actions(self.iface, self.iface.mainWindow())
        self.dock_action, self.tool_action = create_panel_actions(self.iface.mainWindow())
        self.dock_action.toggled.connect(self.show_dock)
        self.tool_action.toggled.connect(self.activate_tool)
        self.actions += [self.dock_action, self.tool_action]
        for action in self.actions:
            self.iface.addPluginToMenu(self.menu, action)
        for action in (self.dock_action, self.tool_action, self.actions[0]):
            self.iface.addToolBarIcon(action)

    # Dock and map tool ----------------------------------------------------------------------------
    def ensure_dock(self):
        """The dock, created on first use (hidden until shown)."""
        if self.dock is None:
            from .gui.dock import ResilienceDock
            self.dock = ResilienceDock(self.iface, self.iface.mainWindow())
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
            self.dock.hide()
            self.dock.setToggleVisibilityAction(self.dock_action)
        return self.dock

    def show_dock(self, visible=True):
        dock = self.ensure_dock()
        if visible and not dock.isUserVisible():
            dock.setUserVisible(True)

    def _tool_parameters(self):
        return self.ensure_dock().coverage.base_parameters()

    def activate_tool(self, checked):
        canvas = self.iface.mapCanvas()
        if checked:
            if self.tool is None:
                from .gui.map_tool import WhoServesHereTool
                self.tool = WhoServesHereTool(canvas, self._tool_parameters, self.iface.messageBar())
                self.tool.setAction(self.tool_action)
                self.ensure_dock().coverage.inputs_changed.connect(self.tool.reset)
            canvas.setMapTool(self.tool)
        elif self.tool is not None and canvas.mapTool() is self.tool:
            canvas.unsetMapTool(self.tool)

    def unload(self):
        if self.tool is not None:
            canvas = self.iface.mapCanvas()
            if canvas.mapTool() is self.tool:
                canvas.unsetMapTool(self.tool)
            self.tool.cleanup()
            self.tool.deleteLater()
            self.tool = None
        if self.dock is not None:
            self.dock.shutdown()
            self.iface.removeDockWidget(self.dock)
            self.dock.setParent(None)
            self.dock.deleteLater()
            self.dock = None
        for action in self.actions:
            self.iface.removePluginMenu(self.menu, action)
            self.iface.removeToolBarIcon(action)
            action.setParent(None)
            action.deleteLater()
        self.actions = []
        self.dock_action = self.tool_action = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None
