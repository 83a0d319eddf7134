"""Resilience planning: a QGIS plugin for urban safety and resilience planning."""


def classFactory(iface):  # noqa: N802 (QGIS API name)
    """Entry point QGIS calls to load the plugin. ``iface`` is None under qgis_process: don't touch it here."""
    from .plugin import ResiliencePlugin
    return ResiliencePlugin(iface)
