"""resilience:disaster_chain: from a hazard to the chain of lifeline failures it starts, step by step.

Direct failures come from exposure results (the outputs of resilience:exposure) or from a hazard raster sampled
at the lifeline nodes (and lines with FAIL_LINES); the chain is the one of resilience:lifeline_failure. The
step layer plays in the Temporal Controller, one step per frame; the table is the chain for the report.
"""
import numpy as np
from qgis.core import (QgsProcessingException, QgsProcessingLayerPostProcessorInterface,
                       QgsProcessingOutputNumber, QgsProcessingParameterBoolean, QgsProcessingParameterDateTime,
                       QgsProcessingParameterFeatureSink, QgsProcessingParameterMultipleLayers,
                       QgsProcessingParameterNumber, QgsProcessingParameterRasterLayer, QgsProcessingParameterString,
                       QgsVectorLayer)
from qgis.PyQt.QtCore import QDate, QDateTime, QTime

from ..compat import NUMBER_INTEGER, SINK_FAST_INSERT, SOURCE_VECTOR, WKB
from ..core import hazard_raster as hr
from ..core import risk
from ..core.lifeline_chain import ON_BACKUP
from ..core.network import parse_wkb_lines
from ..definitions import (CHAIN_FRAME_MINUTES, DEFAULT_FAILURE_CLASS, DISASTER_CHAIN_SCHEMA, DEFAULT_HAZARD_BREAKS,
                           HAZARD_FAILING_NODE_KINDS, N_, RASTER_WINDOW_CELLS, SOURCE_HAZARD_FAILURE)
from ..qgis_io.crs import transform_xy
from ..qgis_io.result_styles import make_temporal, style_lifeline_events
from ..qgis_io.risk_layers import qgis_crs_from_wkt, raster_path
from ..translation import tr
from .lifeline_common import LifelineAlgorithm, make_feature, make_fields

TABLE_FIELDS = tuple(DISASTER_CHAIN_SCHEMA.spec())


class ChainStyler(QgsProcessingLayerPostProcessorInterface):
    """Colours a chain layer by cause and lets the Temporal Controller play it, once Processing loaded it."""

    _instances = []

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        style_lifeline_events(layer)
        make_temporal(layer)

    @classmethod
    def create(cls):
        instance = cls()
        cls._instances.append(instance)
        return instance


class DisasterChain(LifelineAlgorithm):
    NAME = 'disaster_chain'
    DISPLAY_NAME = N_('Disaster chain')
    HELP = N_('The chain of lifeline failures a hazard starts (flood -> substation -> pump stations -> water to '
              'hospitals). Direct failures: from EXPOSURE (exposure results: the red rows, or rows with class_rank >= '
              'MIN_CLASS) or from a HAZARD raster classed by HAZARD_BREAKS, where the nodes of the failing kinds '
              '(substations, transformers, switches, pump stations, water works, regulator stations) in class '
              'MIN_CLASS or above fail; with FAIL_LINES the lines there fail too (earthquakes, landslides; buried '
              'lines survive a flood). OUTPUT: every asset of the chain with its step and the time it happens, and '
              'frame_time (START_TIME + one hour per step) for the Temporal Controller; OUTPUT_TABLE: the chain as a '
              'table for the report; OUTPUT_ISOLATION and OUTPUT_CONSEQUENCES as in Lifeline failure.')

    EXPOSURE = 'EXPOSURE'
    HAZARD = 'HAZARD'
    HAZARD_BREAKS = 'HAZARD_BREAKS'
    MIN_CLASS = 'MIN_CLASS'
    FAIL_LINES = 'FAIL_LINES'
    START_TIME = 'START_TIME'
    OUTPUT_TABLE = 'OUTPUT_TABLE'
    FAILED_COUNT = 'FAILED_COUNT'
    STEP_COUNT = 'STEP_COUNT'
    POPULATION_WITHOUT = 'POPULATION_WITHOUT'

    def shortHelpString(self):  # noqa: N802
        return '{}\n\n{}\n\n{}'.format(tr(self.HELP), tr(self.COMMON_HELP), SOURCE_HAZARD_FAILURE.describe())

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_database_parameter()
        self.addParameter(QgsProcessingParameterMultipleLayers(self.EXPOSURE, tr('Exposure results'), SOURCE_VECTOR,
                                                               optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(self.HAZARD, tr('or a hazard raster'), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.HAZARD_BREAKS, tr('Hazard class breaks (comma separated)'),
            ','.join('{:g}'.format(b) for b in DEFAULT_HAZARD_BREAKS), optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.MIN_CLASS,
            tr('Lowest failing class (empty: {} for a raster, the red rows of exposure results)').format(
                DEFAULT_FAILURE_CLASS), NUMBER_INTEGER, optional=True, minValue=0))
        self.addParameter(QgsProcessingParameterBoolean(self.FAIL_LINES, tr('Lines in the hazard fail too'),
                                                        defaultValue=False))
        self.add_chain_parameters()
        self.addParameter(QgsProcessingParameterDateTime(self.START_TIME, tr('Start of the animation (frame_time)'),
                                                         optional=True))
        self.add_event_outputs(tr('Disaster chain (steps)'))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT_TABLE, tr('Disaster chain (table)'),
                                                            SOURCE_VECTOR, optional=True))
        self.addOutput(QgsProcessingOutputNumber(self.FAILED_COUNT, tr('Assets failed by the hazard')))
        self.addOutput(QgsProcessingOutputNumber(self.STEP_COUNT, tr('Steps of the chain')))
        self.addOutput(QgsProcessingOutputNumber(self.POPULATION_WITHOUT, tr('People without at least one service')))

    # Direct failures -------------------------------------------------------------------------
    def min_class(self, parameters, context):
        if parameters.get(self.MIN_CLASS) in (None, ''):
            return None
        return self.parameterAsInt(parameters, self.MIN_CLASS, context)

    def failed_from_raster(self, layer, parameters, context, loaded, fail_lines, feedback):
        try:
            breaks = risk.parse_breaks(self.parameterAsString(parameters, self.HAZARD_BREAKS, context)
                                       or DEFAULT_HAZARD_BREAKS)
        except ValueError:
            raise QgsProcessingException(tr('HAZARD_BREAKS must be increasing numbers, e.g. 0.15,0.5,1.5'))
        min_class = self.min_class(parameters, context)
        min_class = DEFAULT_FAILURE_CLASS if min_class is None else min_class
        path = raster_path(layer)
        try:
            info = hr.raster_info(path)
        except Exception as error:  # noqa: BLE001 (rasterio raises several kinds)
            raise QgsProcessingException(tr('Cannot read the hazard raster: {}').format(error))
        raster_crs = qgis_crs_from_wkt(info['crs_wkt']) if info['crs_wkt'] else layer.crs()
        assets = loaded.assets
        nodes = np.flatnonzero((assets.table == 'lifeline_nodes') &
                               np.isin(assets.kind.astype(str), HAZARD_FAILING_NODE_KINDS))
        failed = []
        if len(nodes):
            xy = transform_xy(loaded.xy[nodes], loaded.crs, raster_crs, context.transformContext())
            values = hr.sample_points(path, xy, RASTER_WINDOW_CELLS, cancel=feedback.isCanceled)
            classes = hr.classify(np.nan_to_num(values, nan=-np.inf), breaks)
            failed += nodes[classes >= min_class].tolist()
        if fail_lines and loaded.line_wkb:
            line_assets = sorted(loaded.line_wkb)
            coords, offsets, part_of = parse_wkb_lines([loaded.line_wkb[a] for a in line_assets])
            metric = [coords[offsets[k]:offsets[k + 1]] for k in range(len(offsets) - 1)]
            raster = transform_xy(coords, loaded.crs, raster_crs, context.transformContext())
            pieces = [raster[offsets[k]:offsets[k + 1]] for k in range(len(offsets) - 1)]
            lengths = [np.hypot(*np.diff(m, axis=0).T) for m in metric]
            segments = hr.Segments.from_lines(pieces, lengths)
            segments.line = part_of[segments.line] if len(part_of) else segments.line
            segments.line_count = len(line_assets)
            stats = hr.sample_lines(path, segments, breaks, RASTER_WINDOW_CELLS, cancel=feedback.isCanceled)
            top = stats.top_class
            failed += [line_assets[k] for k in np.flatnonzero(top >= min_class).tolist()]
        feedback.pushInfo(tr('Hazard raster {}: {} assets in class {} or above fail.').format(
            layer.name(), len(failed), min_class))
        return failed

    # Main ------------------------------------------------------------------------------------
    def process(self, parameters, context, feedback):
        exposure = self.parameterAsLayerList(parameters, self.EXPOSURE, context)
        for layer in exposure:
            if not isinstance(layer, QgsVectorLayer):
                raise QgsProcessingException(tr('EXPOSURE takes the vector results of resilience:exposure; {} is not '
                                                'a vector layer.').format(layer.name()))
        hazard = self.parameterAsRasterLayer(parameters, self.HAZARD, context) \
            if parameters.get(self.HAZARD) not in (None, '') else None
        if bool(exposure) == (hazard is not None):
            raise QgsProcessingException(tr('Give either EXPOSURE (exposure results) or HAZARD (a raster), not both.'))
        loaded = self.load(parameters, context, feedback)
        self.check(feedback)
        fail_lines = self.parameterAsBool(parameters, self.FAIL_LINES, context)
        if hazard is not None:
            try:
                failed = self.failed_from_raster(hazard, parameters, context, loaded, fail_lines, feedback)
            except hr.Cancelled:
                raise QgsProcessingException(tr('Cancelled; no output was written.'))
        else:
            failed = []
            min_class = self.min_class(parameters, context)
            for layer in exposure:
                failed += self.failed_from_layer(layer, loaded, min_class, feedback)
            assets = loaded.assets
            failing = np.isin(assets.kind.astype(str), HAZARD_FAILING_NODE_KINDS) & (assets.table == 'lifeline_nodes')
            failed = [a for a in failed if failing[a] or (fail_lines and assets.table[a] == 'lifelines')]
        failed = list(dict.fromkeys(failed))
        if not failed:
            feedback.pushWarning(tr('The hazard makes no lifeline asset of a failing kind fail: the chain is empty.'))
        inoperable = self.failed_from_ids(loaded, self.parameterAsString(parameters, self.INOPERABLE, context),
                                          self.INOPERABLE)
        feedback.setProgress(40)
        feedback.setProgressText(tr('Following the chain through the networks'))
        result = loaded.system.simulate(failed, time_limit=self.time_limit(parameters, context), inoperable=inoperable)
        self.check(feedback)
        start = self.parameterAsDateTime(parameters, self.START_TIME, context) \
            if parameters.get(self.START_TIME) not in (None, '') else QDateTime()
        if not start.isValid():
            start = QDateTime(QDate.currentDate(), QTime(0, 0))
        rows = sorted(self.event_rows(loaded, result), key=lambda r: (r['step'], r['time_h']))

        def frame(row):
            return {'frame_time': start.addSecs(int(row['step']) * CHAIN_FRAME_MINUTES * 60)}

        outputs = self.write_events(parameters, context, loaded, rows, chain=True, frame=frame)
        for name in (self.OUTPUT, self.OUTPUT_LINES):
            dest = outputs.get(name)
            if dest and context.willLoadLayerOnCompletion(dest):
                context.layerToLoadOnCompletionDetails(dest).setPostProcessor(ChainStyler.create())
        outputs.update(self.write_table(parameters, context, loaded, rows))
        outputs.update(self.write_isolation(parameters, context, loaded, result))
        consequence_rows = self.consequences(loaded, result)
        outputs.update(self.write_consequences(parameters, context, loaded, consequence_rows))
        closed = ', '.join(loaded.assets.asset_id[a] for _, _, devices, _ in result.closed for a in devices)
        self.log_outcome(rows, consequence_rows, closed, feedback)
        outputs[self.FAILED_COUNT] = len(failed)
        outputs[self.STEP_COUNT] = max((r['step'] for r in rows if r['cause'] != ON_BACKUP), default=-1) + 1
        outputs[self.POPULATION_WITHOUT] = consequence_rows[-1]['population_without']
        feedback.setProgress(100)
        return outputs

    def write_table(self, parameters, context, loaded, rows):
        fields = make_fields(TABLE_FIELDS)
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT_TABLE, context, fields, WKB.NoGeometry, loaded.crs)
        if sink is None:
            return {}
        index = loaded.index()
        names = loaded.assets.name
        for row in rows:
            via = index.get(row['via']) if row['via'] else None
            sink.addFeature(make_feature(fields, dict(row, via_name=(names[via] or None) if via is not None else None)),
                            SINK_FAST_INSERT)
        return {self.OUTPUT_TABLE: dest}
