"""classFactory, initProcessing, initGui and unload: loading and unloading leaves nothing behind."""
from unittest import mock

import pytest
from qgis.core import QgsApplication
from qgis.PyQt.QtWidgets import QMainWindow

import resilience_plugin
from resilience_plugin.processing.provider import ALGORITHMS, ResilienceProvider


def provider_count():
    return sum(1 for p in QgsApplication.processingRegistry().providers() if p.id() == 'resilience')


@pytest.fixture
def without_session_provider(qgis_app):
    """Take the test session's provider out while a plugin instance registers its own; put one back after."""
    registry = QgsApplication.processingRegistry()
    registry.removeProvider(registry.providerById('resilience'))
    assert provider_count() == 0
    yield registry
    if registry.providerById('resilience') is None:
        qgis_app._resilience_provider = ResilienceProvider()  # keep a Python reference
        registry.addProvider(qgis_app._resilience_provider)


def test_class_factory_works_without_iface_like_under_qgis_process(without_session_provider):
    plugin = resilience_plugin.classFactory(None)
    plugin.initProcessing()
    assert provider_count() == 1
    ids = {a.id() for a in without_session_provider.providerById('resilience').algorithms()}
    assert {'resilience:create_planning_database', 'resilience:import_osm', 'resilience:import_population',
            'resilience:validate_census'} <= ids
    assert len(ids) == len(ALGORITHMS)  # every module loaded; a broken one would only be logged
    plugin.unload()
    assert provider_count() == 0


def test_init_gui_adds_actions_and_unload_removes_them(without_session_provider):
    window = QMainWindow()
    iface = mock.MagicMock()
    iface.mainWindow.return_value = window
    plugin = resilience_plugin.classFactory(iface)
    plugin.initGui()
    actions = len(plugin.actions)
    assert actions >= 4 and provider_count() == 1  # the three algorithm dialogs, the dock, the map tool...
    assert iface.addPluginToMenu.call_count == actions
    plugin.unload()
    assert plugin.actions == [] and provider_count() == 0
    assert iface.removePluginMenu.call_count == actions
