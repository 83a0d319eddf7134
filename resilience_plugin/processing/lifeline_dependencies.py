"""resilience:lifeline_dependencies: dependencies proposed by the default rules, as assumptions to confirm."""
import datetime

from qgis.core import QgsProcessingOutputNumber, QgsProcessingParameterBoolean, QgsProcessingParameterFeatureSink

from ..compat import SINK_FAST_INSERT, SOURCE_VECTOR, WKB
from ..definitions import (DEPENDENCIES, DEPENDENCY_PROPOSALS_SCHEMA, DEPENDENCY_RULES, DEPENDENCY_RULES_BY_KEY,
                           N_)
from ..qgis_io.lifeline_layers import Cancelled as ReadCancelled
from ..qgis_io.lifeline_layers import read_system
from ..translation import tr
from .lifeline_common import Cancelled, LifelineAlgorithm, make_feature, make_fields

PROPOSAL_FIELDS = tuple(DEPENDENCY_PROPOSALS_SCHEMA.spec())


def rules_help():
    lines = []
    for rule in DEPENDENCY_RULES:
        lines.append('- {}: {} {} m, {} h. {}'.format(tr(rule.label), rule.kind, '{:g}'.format(rule.max_distance_m),
                                                      '{:g}'.format(rule.backup_hours),
                                                      '; '.join(s.describe() for s in rule.sources)))
    return '\n'.join(lines)


class LifelineDependencies(LifelineAlgorithm):
    NAME = 'lifeline_dependencies'
    DISPLAY_NAME = N_('Propose dependencies')
    HELP = N_('Proposes the dependencies between assets that the default rules give (a pump station needs power '
              'from the nearest substation, a hospital its water from the nearest main ...) for every dependent '
              'asset that has no dependency of that kind in the dependencies table yet. OUTPUT lists the proposals '
              'with the distance and the source of each rule; with WRITE they are added to the table as unconfirmed '
              'rows (confirmed = false, rule and data source "inferred") for the user to check, correct and confirm. '
              'Rows already in the table are never changed.\n\nRules:\n')

    WRITE = 'WRITE'
    PROPOSED_COUNT = 'PROPOSED_COUNT'
    WRITTEN_COUNT = 'WRITTEN_COUNT'

    def shortHelpString(self):  # noqa: N802
        return tr(self.HELP) + rules_help()

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_database_parameter()
        self.addParameter(QgsProcessingParameterBoolean(self.WRITE, tr('Add the proposals to the dependencies table '
                                                                       '(unconfirmed)'), defaultValue=True))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr('Proposed dependencies'), SOURCE_VECTOR))
        self.addOutput(QgsProcessingOutputNumber(self.PROPOSED_COUNT, tr('Dependencies proposed')))
        self.addOutput(QgsProcessingOutputNumber(self.WRITTEN_COUNT, tr('Dependencies added to the table')))

    def process(self, parameters, context, feedback):
        store = self.store(parameters, context, ensure=(DEPENDENCIES,))
        try:
            with self.database_errors():
                loaded = read_system(store, feedback, default_rules=True)
        except ReadCancelled:
            raise Cancelled(tr('Cancelled; no output was written.'))
        assets = loaded.assets
        fields = make_fields(PROPOSAL_FIELDS)
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields, WKB.NoGeometry, loaded.crs)
        rows = []
        for key, provider, dependent, kind, backup, distance in loaded.assumed:
            rule = DEPENDENCY_RULES_BY_KEY[key]
            values = dict(rule=key, rule_label=tr(rule.label), provider_asset_id=assets.asset_id[provider],
                          provider_name=assets.name[provider] or None, dependent_asset_id=assets.asset_id[dependent],
                          dependent_name=assets.name[dependent] or None, kind=kind, backup_hours=backup,
                          distance_m=distance, sources='; '.join(s.describe() for s in rule.sources))
            if sink is not None:
                sink.addFeature(make_feature(fields, values), SINK_FAST_INSERT)
            rows.append(values)
        written = 0
        if rows and self.parameterAsBool(parameters, self.WRITE, context):
            self.check(feedback)
            today = datetime.date.today().isoformat()
            columns = ('provider_asset_id', 'dependent_asset_id', 'kind', 'backup_hours', 'confirmed', 'rule',
                       'data_source', 'updated', 'remarks')
            table = [(r['provider_asset_id'], r['dependent_asset_id'], r['kind'], r['backup_hours'], False, r['rule'],
                      'inferred', today, tr('Proposed by a default rule ({:.0f} m): {}').format(
                          r['distance_m'], r['rule_label'])[:254]) for r in rows]
            with self.database_errors():
                written = store.insert_rows('dependencies', columns, table, ignore_duplicates=True)
        for r in rows[:20]:
            feedback.pushInfo(tr('{} needs {} from {} ({:.0f} m, backup {:g} h)').format(
                r['dependent_asset_id'], r['kind'], r['provider_asset_id'], r['distance_m'], r['backup_hours']))
        feedback.pushInfo(tr('{} dependencies proposed, {} added to the dependencies table as unconfirmed.').format(
            len(rows), written))
        return {self.OUTPUT: dest, self.PROPOSED_COUNT: len(rows), self.WRITTEN_COUNT: written}
