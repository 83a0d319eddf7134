"""Parameters and steps shared by the risk-overlay algorithms (not an algorithm itself)."""
from collections import Counter
from dataclasses import dataclass

from qgis.core import (QgsProcessingException, QgsProcessingParameterField, QgsProcessingParameterMatrix,
                       QgsRectangle)

from ..core import risk
from ..definitions import N_, RISK_DISTANCE_TABLE, RISK_GRADE_ORDER
from ..qgis_io.crs import metric_crs
from ..qgis_io.risk_layers import id_list, read_features, to_shapely, transform_between
from ..translation import tr

KIND_FIELD = 'KIND_FIELD'
GRADE_FIELD = 'GRADE_FIELD'
DISTANCE_FIELD = 'DISTANCE_FIELD'
DISTANCE_TABLE = 'DISTANCE_TABLE'
TABLE_HEADERS = ['kind', 'grade', 'distance_m']

DISTANCE_HELP = N_('Influence distance of each source: DISTANCE_FIELD when it holds a positive number, else '
                   'the DISTANCE_TABLE row of its kind and grade (editable; defaults below with their '
                   'sources and evidence levels: C confirmed, P partly confirmed, R recalled only), else the '
                   'distance of its grade. Kinds and grades are read without regard to case or surrounding spaces. '
                   'A source without a valid grade gets the default grade of its kind; the log lists them.')


def distance_table_help():
    """The default distance table with each value's source, for the help text."""
    lines, seen = [], set()
    for kind, by_grade in RISK_DISTANCE_TABLE.items():
        for grade in RISK_GRADE_ORDER:
            value, source = by_grade[grade]
            lines.append('{} / {}: {:g} m'.format(kind, grade, value))
            seen.add(source)
    sources = sorted(s.describe() for s in seen)
    return '\n'.join(lines) + '\n\n' + '\n'.join('- ' + s for s in sources)


def add_source_parameters(algorithm, sources_name):
    algorithm.addParameter(QgsProcessingParameterField(
        KIND_FIELD, tr('Kind field'), 'kind', sources_name, optional=True))
    algorithm.addParameter(QgsProcessingParameterField(
        GRADE_FIELD, tr('Risk grade field'), 'risk_grade', sources_name, optional=True))
    algorithm.addParameter(QgsProcessingParameterField(
        DISTANCE_FIELD, tr('Distance field (m, overrides the table)'), None, sources_name, optional=True))
    default = [value for kind, grade, distance, _ in risk.default_table_rows() for value in (kind, grade, distance)]
    algorithm.addParameter(QgsProcessingParameterMatrix(
        DISTANCE_TABLE, tr('Distance table (kind, grade, distance in m)'), 0, False, TABLE_HEADERS, default,
        optional=True))


def field_name(algorithm, parameters, name, context, source):
    """The chosen field if the source has it, else None.

    A default field name (the planning database's) the layer lacks is simply not used; a field the user
    named explicitly and the layer lacks is an error naming it.
    """
    chosen = algorithm.parameterAsFields(parameters, name, context)
    if chosen and source.fields().indexOf(chosen[0]) >= 0:
        return chosen[0]
    default = algorithm.parameterDefinition(name).defaultValue()
    if chosen and parameters.get(name) not in (None, '', [], default):
        raise QgsProcessingException(tr('The layer has no field "{}" ({}).').format(chosen[0], name))
    return None


def distance_table(algorithm, parameters, context):
    values = algorithm.parameterAsMatrix(parameters, DISTANCE_TABLE, context)
    if not values:
        return {(k, g): d for k, g, d, _ in risk.default_table_rows()}
    if len(values) % 3:
        raise QgsProcessingException(tr('DISTANCE_TABLE must have three columns: kind, grade, distance_m.'))
    rows = [values[i:i + 3] for i in range(0, len(values), 3)]
    try:
        return risk.table_from_rows(rows)
    except ValueError as error:
        raise QgsProcessingException(tr('DISTANCE_TABLE has a bad row: {}').format(error))


@dataclass
class RiskSource:
    fid: int
    attributes: dict
    kind: str
    grade: str
    grade_defaulted: bool
    distance: float
    distance_origin: str
    geometry: object  # shapely, work CRS
    qgs_geometry: object  # QgsGeometry, work CRS

    @property
    def zone(self):
        return risk.buffer_source(self.geometry, self.distance)


def work_crs_for(source, context):
    """A metric CRS for the layer: its own if metric, else the UTM zone of its extent."""
    return metric_crs(source.sourceCrs(), layer_extent(source), context.transformContext())


def layer_extent(source):
    """The extent of a feature source, computed from its features when the provider does not know it."""
    extent = source.sourceExtent() if hasattr(source, 'sourceExtent') else source.extent()
    if extent is None or extent.isNull() or extent.isEmpty():
        extent = QgsRectangle()
        extent.setMinimal()
        for feature in source.getFeatures():
            if feature.hasGeometry():
                extent.combineExtentWith(feature.geometry().boundingBox())
    if not extent.isNull() and extent.isEmpty():  # one point: metric_crs needs a non-empty box
        extent = QgsRectangle(extent.xMinimum() - 1e-6, extent.yMinimum() - 1e-6,
                              extent.xMaximum() + 1e-6, extent.yMaximum() + 1e-6)
    return extent


def read_risk_sources(algorithm, parameters, context, source, work_crs, feedback):
    """Every risk source with kind, grade, distance and geometry in ``work_crs``; reports defaults."""
    kind_field = field_name(algorithm, parameters, KIND_FIELD, context, source)
    grade_field = field_name(algorithm, parameters, GRADE_FIELD, context, source)
    distance_field = field_name(algorithm, parameters, DISTANCE_FIELD, context, source)
    table = distance_table(algorithm, parameters, context)
    rows, skipped = read_features(source, transform_between(source.sourceCrs(), work_crs, context.transformContext()),
                                  feedback)
    if skipped:
        feedback.pushWarning(tr('{} risk sources without a usable geometry were skipped: {}').format(
            len(skipped), id_list(skipped)))
    result, defaulted, origins = [], [], Counter()
    for fid, values, geometry in rows:
        kind = risk.normalise_kind(values.get(kind_field)) if kind_field else 'other'
        grade, was_defaulted = risk.normalise_grade(values.get(grade_field) if grade_field else None, kind)
        if was_defaulted:
            defaulted.append(fid)
        distance, origin = risk.source_distance(kind, grade, table,
                                                values.get(distance_field) if distance_field else None)
        origins[origin] += 1
        shape = to_shapely(geometry)
        if shape is None:
            continue
        if not shape.is_valid:
            shape, _ = risk.repair(shape)
        result.append(RiskSource(fid, values, kind, grade, was_defaulted, distance, origin, shape, geometry))
    if defaulted:
        feedback.pushWarning(tr('{} risk sources had no valid risk grade and got the default grade of their '
                                'kind: feature ids {}').format(len(defaulted), id_list(defaulted)))
    feedback.pushInfo(tr('Distances: {} from the distance field, {} from the table, {} from the grade.').format(
        origins['field'], origins['table'], origins['grade']))
    return result
