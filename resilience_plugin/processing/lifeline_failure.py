"""resilience:lifeline_failure: what stops working, for whom and in what order when lifeline assets fail."""
from qgis.core import (QgsProcessingException, QgsProcessingOutputNumber, QgsProcessingParameterFeatureSource,
                       QgsProcessingParameterNumber, QgsProcessingParameterString)

from ..compat import NUMBER_INTEGER, SOURCE_VECTOR
from ..definitions import N_
from ..translation import tr
from .lifeline_common import ANY_SERVICE, LifelineAlgorithm


class LifelineFailure(LifelineAlgorithm):
    NAME = 'lifeline_failure'
    DISPLAY_NAME = N_('Lifeline failure')
    HELP = N_('The failure of lifeline assets and what follows: the isolation devices to close around each failed '
              'segment (the mincut of water and gas mains, the switches of power cables), the lines and nodes '
              'isolated or cut off from every source, the assets that lose a provider (a pump station without power '
              'stops, the water it fed is cut off, a hospital on that main loses its water), step by step. FAILED: '
              'asset IDs (comma separated); FAILED_LAYER: a layer with an asset_id field (use its selection), or an '
              'exposure result (red rows, or rows with class_rank >= MIN_CLASS). OUTPUT: every affected asset '
              '(asset_id, layer, cause, step, via, time_h); OUTPUT_LINES: the lost pieces of lines; '
              'OUTPUT_ISOLATION: the devices to close; OUTPUT_CONSEQUENCES: people without each service, and '
              'hospitals, fire stations and shelters without it.')

    FAILED = 'FAILED'
    FAILED_LAYER = 'FAILED_LAYER'
    MIN_CLASS = 'MIN_CLASS'
    AFFECTED_COUNT = 'AFFECTED_COUNT'
    POPULATION_WITHOUT = 'POPULATION_WITHOUT'

    def shortHelpString(self):  # noqa: N802
        return tr(self.HELP) + '\n\n' + tr(self.COMMON_HELP)

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_database_parameter()
        self.addParameter(QgsProcessingParameterString(self.FAILED, tr('Failed assets (asset IDs, comma separated)'),
                                                       optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.FAILED_LAYER, tr('Failed assets from a layer (asset_id) or an exposure result'), [SOURCE_VECTOR],
            optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.MIN_CLASS, tr('Exposure result: lowest failing class_rank (empty: red rows)'), NUMBER_INTEGER,
            optional=True, minValue=0))
        self.add_chain_parameters()
        self.add_event_outputs()
        self.addOutput(QgsProcessingOutputNumber(self.AFFECTED_COUNT, tr('Affected assets')))
        self.addOutput(QgsProcessingOutputNumber(self.POPULATION_WITHOUT, tr('People without at least one service')))

    def process(self, parameters, context, feedback):
        loaded = self.load(parameters, context, feedback)
        self.check(feedback)
        failed = self.failed_from_ids(loaded, self.parameterAsString(parameters, self.FAILED, context), self.FAILED)
        source = self.parameterAsSource(parameters, self.FAILED_LAYER, context)
        if source is not None:
            min_class = self.parameterAsInt(parameters, self.MIN_CLASS, context) \
                if parameters.get(self.MIN_CLASS) not in (None, '') else None
            failed += self.failed_from_layer(source, loaded, min_class, feedback)
        if not failed:
            raise QgsProcessingException(tr('No failed asset: give FAILED (asset IDs) or FAILED_LAYER.'))
        inoperable = self.failed_from_ids(loaded, self.parameterAsString(parameters, self.INOPERABLE, context),
                                          self.INOPERABLE)
        feedback.setProgress(40)
        feedback.setProgressText(tr('Following the failure through the networks'))
        result = loaded.system.simulate(failed, time_limit=self.time_limit(parameters, context), inoperable=inoperable)
        self.check(feedback)
        feedback.setProgress(70)
        rows = self.event_rows(loaded, result)
        outputs = self.write_events(parameters, context, loaded, rows)
        outputs.update(self.write_isolation(parameters, context, loaded, result))
        consequence_rows = self.consequences(loaded, result)
        outputs.update(self.write_consequences(parameters, context, loaded, consequence_rows))
        closed = ', '.join(loaded.assets.asset_id[a] for _, _, devices, _ in result.closed for a in devices)
        self.log_outcome(rows, consequence_rows, closed, feedback)
        total = next(r for r in consequence_rows if r['service'] == ANY_SERVICE)
        outputs[self.AFFECTED_COUNT] = len(rows)
        outputs[self.POPULATION_WITHOUT] = total['population_without']
        feedback.setProgress(100)
        return outputs
