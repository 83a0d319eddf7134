"""The plugin's GUI lifecycle: the dock and the map tool come and go with initGui/unload, twice."""
from unittest.mock import MagicMock

import pytest
from qgis.core import QgsApplication, QgsProject
from qgis.gui import QgsMapCanvas
from qgis.PyQt.QtCore import QCoreApplication, QEvent
from qgis.PyQt.QtWidgets import QAction, QDockWidget, QMainWindow

import resilience_plugin
from resilience_plugin.processing.provider import ResilienceProvider


@pytest.fixture
def without_session_provider(qgis_app):
    registry = QgsApplication.processingRegistry()
    registry.removeProvider(registry.providerById('resilience'))
    yield registry
    if registry.providerById('resilience') is None:
        qgis_app._resilience_provider = ResilienceProvider()
        registry.addProvider(qgis_app._resilience_provider)


def leftovers(window):
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    docks = [d for d in window.findChildren(QDockWidget) if d.objectName().startswith('resilience')]
    actions = [a for a in window.findChildren(QAction) if a.objectName().startswith('resilience')]
    return docks, actions


def test_reload_leaves_nothing_behind(without_session_provider, qtbot):
    QgsProject.instance().clear()
    window = QMainWindow()
    canvas = QgsMapCanvas(window)
    iface = MagicMock()
    iface.mainWindow.return_value = window
    iface.mapCanvas.return_value = canvas
    iface.addDockWidget.side_effect = window.addDockWidget  # a real dock area, as in QGIS
    iface.removeDockWidget.side_effect = window.removeDockWidget
    window.setCentralWidget(canvas)
    window.show()
    for _ in range(2):
        plugin = resilience_plugin.classFactory(iface)
        plugin.initGui()
        try:
            check_gui(plugin, window, canvas, iface)
        finally:
            plugin.unload()
        docks, actions = leftovers(window)
        assert docks == [] and actions == []
        assert canvas.mapTool() is None
        assert plugin.dock is None and plugin.tool is None and plugin.actions == []
        assert plugin.translator is None
        assert without_session_provider.providerById('resilience') is None
    assert iface.removeDockWidget.call_count == 2
    window.deleteLater()


def check_gui(plugin, window, canvas, iface):
    """The toolbar button opens and closes the dock; the map tool becomes the canvas's tool."""
    assert plugin.dock_action in plugin.actions and plugin.tool_action in plugin.actions
    plugin.dock_action.trigger()  # the toolbar button opens the dock
    assert plugin.dock is not None and plugin.dock.isUserVisible()
    assert iface.addDockWidget.call_args[0][1] is plugin.dock
    assert plugin.dock.objectName().startswith('resilience')
    plugin.dock_action.trigger()  # ... and closes it
    assert not plugin.dock.isUserVisible()
    plugin.tool_action.trigger()
    assert canvas.mapTool() is plugin.tool
    docks, actions = leftovers(window)
    assert len(docks) == 1 and len(actions) >= 5
