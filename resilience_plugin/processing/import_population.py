"""resilience:import_population: population counts by area or point into the planning database.

Polygons (grid cells, census units) go to ``population``, points (address points, building
centroids) to ``population_points``, reprojected to the database CRS. A feature without a usable
count or geometry is skipped and named in the log: never a silently wrong number. The database
is updated in one step, so a failed or cancelled import leaves it unchanged.
"""
import datetime
import math
import uuid

from qgis.core import (QgsCoordinateTransform, QgsProcessingException, QgsProcessingOutputFile,
                       QgsProcessingOutputNumber, QgsProcessingOutputString, QgsProcessingParameterFeatureSource,
                       QgsProcessingParameterField, QgsProcessingParameterNumber)

from ..compat import FIELD_ANY, FIELD_NUMERIC, GEOM_POLYGON, NUMBER_INTEGER, SOURCE_POINT, SOURCE_POLYGON, geometry_type
from ..definitions import LAYERS_BY_NAME, N_
from ..qgis_io.shapes import GeometryError, as_multipolygon, as_point, repair, reproject
from ..translation import tr
from .base import GROUP_DATABASE, ResilienceAlgorithm

SOURCE_REF_LENGTH = LAYERS_BY_NAME['population'].field('source_ref').length
DISTRICT_LENGTH = LAYERS_BY_NAME['population'].field('district').length
YEAR_FIELD = LAYERS_BY_NAME['population'].field('year')


def _is_null(value):
    return value is None or (hasattr(value, 'isNull') and value.isNull())


def as_count(value):
    """A finite number from an attribute value, or None (NULL, NaN, infinite)."""
    if _is_null(value):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def as_district(value):
    """A district name from an attribute value (NULL gives None)."""
    if _is_null(value):
        return None
    return str(value)[:DISTRICT_LENGTH]


class PopulationRows:
    """Rows for the population layer, and the features that could not be used."""

    def __init__(self, source_name, layer, transform, year):
        self.source_name = source_name
        self.polygons = LAYERS_BY_NAME[layer].geometry == 'MultiPolygon'
        self.transform = transform
        self.year = year
        self.today = datetime.date.today().isoformat()
        self.rows = []
        self.bad_counts = []
        self.bad_geometries = []
        self.repaired = []
        self.total = 0.0

    def add(self, fid, count, geometry, district):
        """Add one feature's row, or record why it cannot have one."""
        if count is None or count < 0:
            self.bad_counts.append(fid)
            return
        try:
            geometry, repaired = repair(reproject(geometry, self.transform))
            geometry = as_multipolygon(geometry) if self.polygons else as_point(geometry)
        except GeometryError as error:
            self.bad_geometries.append((fid, error.reason))
            return
        if repaired:
            self.repaired.append(fid)
        self.rows.append((geometry.asWkb(), {
            'asset_id': uuid.uuid4().hex, 'population': count, 'year': self.year, 'district': as_district(district),
            'data_source': 'other', 'source_ref': '{}:{}'.format(self.source_name, fid)[:SOURCE_REF_LENGTH],
            'updated': self.today}))
        self.total += count


class ImportPopulation(ResilienceAlgorithm):
    NAME = 'import_population'
    DISPLAY_NAME = N_('Import population')
    GROUP = GROUP_DATABASE
    ICON = 'import.svg'
    HELP = N_('Copies population counts into the planning database: polygons (grid cells, census units) into '
              'the population layer, points (address points, building centroids) into population points. '
              'FIELD is the numeric field with the number of people; YEAR and DISTRICT_FIELD are optional.\n\n'
              'Geometries are reprojected to the database CRS and repaired when invalid. Features with an empty '
              'or negative count, or a geometry that cannot be used, are skipped and listed in the log by feature '
              'id. Rows are added to those already in the layer. The database is updated in one step: a failed '
              'or cancelled import leaves it unchanged.')

    INPUT = 'INPUT'
    FIELD = 'FIELD'
    DATABASE = 'DATABASE'
    YEAR = 'YEAR'
    DISTRICT_FIELD = 'DISTRICT_FIELD'
    LAYER = 'LAYER'
    WRITTEN_COUNT = 'WRITTEN_COUNT'
    SKIPPED_COUNT = 'SKIPPED_COUNT'
    REPAIRED_COUNT = 'REPAIRED_COUNT'
    TOTAL_POPULATION = 'TOTAL_POPULATION'

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, tr('Population layer (polygons or points)'), [SOURCE_POLYGON, SOURCE_POINT]))
        self.addParameter(QgsProcessingParameterField(
            self.FIELD, tr('Population count field'), parentLayerParameterName=self.INPUT, type=FIELD_NUMERIC))
        self.add_database_parameter()
        self.addParameter(QgsProcessingParameterNumber(
            self.YEAR, tr('Reference year'), NUMBER_INTEGER, optional=True,
            minValue=YEAR_FIELD.minimum, maxValue=YEAR_FIELD.maximum))
        self.addParameter(QgsProcessingParameterField(
            self.DISTRICT_FIELD, tr('District field'), parentLayerParameterName=self.INPUT, type=FIELD_ANY,
            optional=True))
        self.addOutput(QgsProcessingOutputFile(self.DATABASE, tr('Planning database')))
        self.addOutput(QgsProcessingOutputString(self.LAYER, tr('Layer written')))
        self.addOutput(QgsProcessingOutputNumber(self.WRITTEN_COUNT, tr('Rows written')))
        self.addOutput(QgsProcessingOutputNumber(self.SKIPPED_COUNT, tr('Features skipped')))
        self.addOutput(QgsProcessingOutputNumber(self.REPAIRED_COUNT, tr('Geometries repaired')))
        self.addOutput(QgsProcessingOutputNumber(self.TOTAL_POPULATION, tr('Population written')))

    def process(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        store = self.store(parameters, context)
        count_field = self._field(source, self.parameterAsString(parameters, self.FIELD, context), numeric=True)
        district_field = self.parameterAsString(parameters, self.DISTRICT_FIELD, context) or None
        if district_field:
            self._field(source, district_field, numeric=False)
        year = None
        if parameters.get(self.YEAR) not in (None, ''):
            year = self.parameterAsInt(parameters, self.YEAR, context)

        layer = 'population' if geometry_type(source) == GEOM_POLYGON else 'population_points'
        crs = store.crs()
        transform = None
        if source.sourceCrs() != crs:
            transform = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
        reader = PopulationRows(source.sourceName(), layer, transform, year)
        self._read(source, count_field, district_field, reader, feedback)
        before = store.row_count(layer)
        with self.database_errors():
            with store.edit() as writer:
                written = writer.write(layer, reader.rows)
                self.check_cancel(feedback)
        feedback.setProgress(100.0)
        self._report(reader, layer, before, written, feedback)
        return {self.DATABASE: store.label(), self.LAYER: layer, self.WRITTEN_COUNT: written,
                self.SKIPPED_COUNT: len(reader.bad_counts) + len(reader.bad_geometries),
                self.REPAIRED_COUNT: len(reader.repaired), self.TOTAL_POPULATION: reader.total}

    def _read(self, source, count_field, district_field, reader, feedback):
        """Every feature of ``source`` into ``reader`` (90 % of the progress bar)."""
        total = source.featureCount() or 1
        for index, feature in enumerate(source.getFeatures()):
            self.check_cancel(feedback)
            district = feature[district_field] if district_field else None
            reader.add(feature.id(), as_count(feature[count_field]), feature.geometry(), district)
            feedback.setProgress(90.0 * (index + 1) / total)

    @staticmethod
    def _field(source, name, numeric):
        """The field ``name`` of ``source``; a clear error when it is missing or, for counts, not numeric."""
        index = source.fields().lookupField(name)
        if index < 0:
            raise QgsProcessingException(tr('The layer has no field "{}".').format(name))
        field = source.fields().at(index)
        if numeric and not field.isNumeric():
            raise QgsProcessingException(tr('The field "{}" is not numeric ({}); choose the field with the '
                                            'number of people.').format(name, field.typeName()))
        return field.name()

    @staticmethod
    def _report(reader, layer, before, written, feedback):
        """What was written, what was skipped and why, what was repaired."""
        people = '{:.0f}'.format(reader.total) if reader.total.is_integer() else '{:.1f}'.format(reader.total)
        feedback.pushInfo(tr('{}: {} rows written, {} people in all.').format(layer, written, people))
        if before:
            feedback.pushWarning(tr('{} already had {} rows; the new rows were added to them.').format(layer, before))
        if reader.bad_counts:
            feedback.pushWarning(tr('Features skipped for an empty or negative count: {}. Feature ids: {}').format(
                len(reader.bad_counts), ', '.join(str(fid) for fid in reader.bad_counts)))
        if reader.bad_geometries:
            feedback.pushWarning(tr('Features skipped for an unusable geometry: {}. {}').format(
                len(reader.bad_geometries),
                ', '.join('{} ({})'.format(fid, tr(reason)) for fid, reason in reader.bad_geometries)))
        if reader.repaired:
            feedback.pushInfo(tr('Invalid geometries repaired with makeValid: {}. Feature ids: {}').format(
                len(reader.repaired), ', '.join(str(fid) for fid in reader.repaired)))
