"""resilience:risk_influence_zones: buffers around risk sources, dissolved per grade, higher grade wins."""
from collections import Counter

from qgis.core import (QgsFeature, QgsField, QgsFields, QgsProcessingException,
                       QgsProcessingParameterFeatureSink, QgsProcessingParameterFeatureSource)

from ..compat import FIELD_TYPES, SINK_FAST_INSERT, SOURCE_POINT, SOURCE_POLYGON, WKB
from ..core import risk
from ..definitions import N_, RISK_GRADE, RISK_ZONES_SCHEMA
from ..qgis_io.risk_layers import GradeStyler, from_shapely
from ..translation import tr
from . import risk_common as common
from .base import GROUP_RISK, ResilienceAlgorithm


def zone_fields():
    fields = QgsFields()
    for name, kind in RISK_ZONES_SCHEMA.spec():
        fields.append(QgsField(name, FIELD_TYPES[kind]))
    return fields


class RiskInfluenceZones(ResilienceAlgorithm):
    NAME = 'risk_influence_zones'
    DISPLAY_NAME = N_('Risk influence zones')
    GROUP = GROUP_RISK
    HELP = N_('Buffers every risk source (points or site outlines) by its influence distance, dissolves the '
              'buffers per risk grade and gives overlapping places to the higher grade (red > orange > '
              'yellow > blue): each grade\'s zone is its buffers minus the zones of all higher grades, so '
              'the zones do not overlap and their areas add up. The result is styled in the four risk '
              'colours. Distances are measured in metres: a layer in degrees is worked on in its UTM zone. '
              'The input layer is not modified.')

    RISK_SOURCES = 'RISK_SOURCES'
    OUTPUT = 'OUTPUT'

    def shortHelpString(self):  # noqa: N802
        return '{}\n\n{}\n\n{}'.format(tr(self.HELP), tr(common.DISTANCE_HELP), common.distance_table_help())

    def initAlgorithm(self, config=None):  # noqa: N802
        sources = QgsProcessingParameterFeatureSource(self.RISK_SOURCES, tr('Risk sources'),
                                                      [SOURCE_POINT, SOURCE_POLYGON])
        self.addParameter(sources)
        common.add_source_parameters(self, self.RISK_SOURCES)
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr('Risk influence zones'),
                                                            SOURCE_POLYGON))

    def process(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.RISK_SOURCES, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.RISK_SOURCES))
        work_crs = common.work_crs_for(source, context)
        if work_crs != source.sourceCrs():
            feedback.pushInfo(tr('The risk sources are not in a metric CRS; zones are built in {}.').format(
                work_crs.authid()))
        sources = common.read_risk_sources(self, parameters, context, source, work_crs, feedback)
        if not sources:
            feedback.pushWarning(tr('The risk-source layer is empty: no zones.'))
        feedback.setProgress(20)
        by_grade, counts = {}, Counter()
        for n, item in enumerate(sources):
            self.check_cancel(feedback)
            by_grade.setdefault(item.grade, []).append(item.zone)
            counts[item.grade] += 1
            feedback.setProgress(20 + 50.0 * (n + 1) / len(sources))
        zones = risk.resolve_grades(by_grade)
        feedback.setProgress(80)
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, zone_fields(), WKB.MultiPolygon,
                                             work_crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        fields = zone_fields()
        for grade, geometry in zones.items():
            feature = QgsFeature(fields)
            feature.setAttributes([grade, tr(RISK_GRADE.choice(grade).label), risk.GRADE_RANK[grade],
                                   counts[grade], float(geometry.area)])
            shape = from_shapely(geometry)
            shape.convertToMultiType()
            feature.setGeometry(shape)
            sink.addFeature(feature, SINK_FAST_INSERT)
            feedback.pushInfo(tr('{}: {} sources, {:.0f} m2 after higher grades are removed.').format(
                grade, counts[grade], geometry.area))
        if context.willLoadLayerOnCompletion(dest_id):
            context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(GradeStyler.create())
        feedback.setProgress(100)
        return {self.OUTPUT: dest_id}
