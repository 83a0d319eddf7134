"""classFactory, initProcessing, initGui and unload: loading and unloading leaves nothing behind."""
from qgis.core import QgsApplication
from qgis.testing.mocked import get_iface

import resilience_plugin


def provider_count():
    return sum(1 for p in QgsApplication.processingRegistry().providers() if p.id() == 'resilience')


def test_class_factory_works_without_iface_like_under_qgis_process():
    registry = QgsApplication.processingRegistry()
    existing = registry.providerById('resilience')
    registry.removeProvider(existing)  # the test session's own registration
    try:
        plugin = resilience_plugin.classFactory(None)
        plugin.initProcessing()
        assert provider_count() == 1
        ids = {a.id() for a in registry.providerById('resilience').algorithms()}
        assert {'resilience:create_planning_database', 'resilience:import_osm',
                'resilience:validate_census'} <= ids
        plugin.unload()
        assert provider_count() == 0
    finally:
        from resilience_plugin.processing.provider import ResilienceProvider
        QgsApplication.processingRegistry().addProvider(ResilienceProvider())


def test_init_gui_adds_actions_and_unload_removes_them():
    iface = get_iface()
    registry = QgsApplication.processingRegistry()
    registry.removeProvider(registry.providerById('resilience'))
    try:
        plugin = resilience_plugin.classFactory(iface)
        plugin.initGui()
        assert len(plugin.actions) == 3 and provider_count() == 1
        assert iface.addPluginToMenu.call_count >= 3
        plugin.unload()
        assert plugin.actions == [] and provider_count() == 0
        assert iface.removePluginMenu.call_count >= 3
    finally:
        from resilience_plugin.processing.provider import ResilienceProvider
        registry.addProvider(ResilienceProvider())
