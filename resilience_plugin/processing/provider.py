"""The Processing provider ``resilience``: every algorithm of the plugin, one per module."""
import importlib
import traceback

from qgis.core import Qgis, QgsMessageLog, QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..paths import icon_path, plugin_version
from ..translation import tr
from .base import LOG_TAG


# (module in this package, class): one algorithm per module.
ALGORITHMS = (
    ('create_planning_database', 'CreatePlanningDatabase'),
    ('import_osm', 'ImportOsm'),
    ('import_population', 'ImportPopulation'),
    ('validate_census', 'ValidateCensus'),
    ('service_areas', 'ServiceAreas'),  # coverage engine (issue 3)
    ('population_coverage', 'PopulationCoverage'),  # coverage engine (issue 3)
    ('site_selection', 'SiteSelection'),  # coverage engine (issue 3)
    ('risk_influence_zones', 'RiskInfluenceZones'),  # risk overlay (issue 4)
    ('exposure', 'Exposure'),  # risk overlay (issue 4)
    ('risk_list', 'RiskList'),  # risk overlay (issue 4)
    ('hazard_from_scenario', 'HazardFromScenario'),  # risk overlay (issue 4)
    ('export_census', 'ExportCensus'),  # census export (issue 6)
    ('planning_report', 'PlanningReport'),  # planning-review report (issue 6)
    ('import_epanet', 'ImportEpanet'),  # lifeline systems (issue 12)
    ('generate_isolation_devices', 'GenerateIsolationDevices'),  # lifeline systems (issue 12)
    ('lifeline_dependencies', 'LifelineDependencies'),  # lifeline systems (issue 12)
    ('lifeline_failure', 'LifelineFailure'),  # lifeline systems (issue 12)
    ('lifeline_criticality', 'LifelineCriticality'),  # lifeline systems (issue 12)
    ('disaster_chain', 'DisasterChain'),  # lifeline systems (issue 12)
    ('evacuation_plan', 'EvacuationPlan'),  # community resilience (issue 13)
    ('dispatch', 'Dispatch'),  # community resilience (issue 13)
    ('resilience_index', 'ResilienceIndex'),  # community resilience (issue 13)
    ('community_risk_map', 'CommunityRiskMap'),  # community resilience (issue 13)
)


def algorithm_classes():
    """The algorithm classes; raises if one cannot be imported (a bug: the tests load them all)."""
    return [getattr(importlib.import_module('.' + module, __package__), name) for module, name in ALGORITHMS]


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
        # An exception escaping this Qt virtual would abort QGIS: log it instead.
        # One broken module must not take the others with it.
        for module, name in ALGORITHMS:
            try:
                cls = getattr(importlib.import_module('.' + module, __package__), name)
                cls().initAlgorithm({})  # in Python first: an exception inside addAlgorithm would abort QGIS
                self.addAlgorithm(cls())
            except Exception:  # noqa: BLE001
                QgsMessageLog.logMessage(tr('The algorithm {} could not be loaded:\n{}').format(
                    module, traceback.format_exc()), LOG_TAG, Qgis.MessageLevel.Critical)
