"""The Processing provider ``resilience``: every algorithm of the plugin, one per module."""
from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..paths import icon_path, plugin_version
from ..translation import tr


def algorithm_classes():
    from .create_planning_database import CreatePlanningDatabase
    from .import_osm import ImportOsm
    from .import_population import ImportPopulation
    from .validate_census import ValidateCensus
    return [CreatePlanningDatabase, ImportOsm, ImportPopulation, ValidateCensus]


class ResilienceProvider(QgsProcessingProvider):

    def id(self):
        return 'resilience'

    def name(self):
        return tr('Resilience planning')

    def longName(self):  # noqa: N802
        return tr('Resilience planning {}').format(plugin_version())

    def icon(self):
        return QIcon(icon_path())

    def versionInfo(self):  # noqa: N802
        return plugin_version()

    def loadAlgorithms(self):  # noqa: N802
        for cls in algorithm_classes():
            self.addAlgorithm(cls())
