"""resilience:import_osm: fill a planning database from OpenStreetMap.

Tags decide the layer and attributes (core.osm_tags); here geometries are reprojected to the
database CRS, repaired when invalid and shaped for their layer, and the rows are written in one
atomic update: a failed or cancelled run leaves the database as it was.
"""
import datetime

from qgis.core import (QgsCoordinateTransform, QgsProcessingException, QgsProcessingOutputFile,
                       QgsProcessingOutputNumber, QgsProcessingParameterFile)

from ..core.osm_tags import LINE, POINT, classify, literal_defaults
from ..definitions import LAYERS_BY_NAME, N_, OSM_POINT_SITE_RADIUS_M
from ..qgis_io.osm_reader import (OsmSourceError, asset_id, gdal_report, open_layers, read_objects,
                                  source_ref)
from ..qgis_io.shapes import (GeometryError, as_lines, as_multipolygon, as_point, point_site, repair, reproject,
                              ring_polygon)
from ..translation import tr
from .base import GROUP_DATABASE, ResilienceAlgorithm

# Layers the import writes, in writing order.
TARGET_LAYERS = ('road_network', 'lifelines', 'lifeline_nodes', 'facilities', 'shelters', 'shelter_candidates',
                 'risk_sources', 'risk_source_areas', 'buildings')
RISK_LAYERS = ('risk_sources', 'risk_source_areas')
REMARKS_LENGTH = LAYERS_BY_NAME['road_network'].field('remarks').length
REMARK_POINT_SITE = N_('Mapped as a point in OpenStreetMap: drawn as a {} m circle; effective area unknown.')
READ_SHARE = 90.0  # per cent of the progress bar for reading; the rest is writing


def count_key(layer):
    """Result key of the number of rows written to ``layer``: 'ROAD_NETWORK_COUNT'."""
    return '{}_COUNT'.format(layer.upper())


class ObjectShapes:
    """One OSM object's geometry in the database CRS, in the shape each target layer needs.

    Reprojected and repaired once; a node becomes a small circle for polygon layers, a closed way an area.
    """

    def __init__(self, obj, transform):
        self.kind = obj.kind
        self.geometry, self.repaired = repair(reproject(obj.geometry, transform))
        self._polygon = None

    def polygon(self):
        if self._polygon is None:
            if self.kind == POINT:
                self._polygon = point_site(as_point(self.geometry), OSM_POINT_SITE_RADIUS_M)
            elif self.kind == LINE:
                polygon, repaired = repair(ring_polygon(self.geometry))
                self.repaired = self.repaired or repaired
                self._polygon = as_multipolygon(polygon)
            else:
                self._polygon = as_multipolygon(self.geometry)
        return self._polygon

    def point(self):
        return as_point(self.geometry if self.kind == POINT else self.polygon())

    def for_layer(self, layer):
        """The geometries to write to ``layer``: lines split into parts, one point or one MultiPolygon."""
        shape = LAYERS_BY_NAME[layer].geometry
        if shape == 'LineString':
            return as_lines(self.geometry)
        if shape == 'Point':
            return [self.point()]
        return [self.polygon()]


class OsmRows:
    """Rows for each target layer, and what was repaired, skipped or already there."""

    def __init__(self, existing_ids):
        self.rows = {layer: [] for layer in TARGET_LAYERS}
        self.ids = {layer: set(existing_ids.get(layer, ())) for layer in TARGET_LAYERS}
        self.defaults = {layer: literal_defaults(layer) for layer in TARGET_LAYERS}
        self.today = datetime.date.today().isoformat()
        self.repaired = []
        self.skipped = {layer: [] for layer in TARGET_LAYERS}
        self.already_present = 0
        self.too_small = 0

    def add(self, obj, transform):
        """Classify ``obj`` and add its rows; bad geometries are recorded, never raised."""
        targets = classify(obj.tags, obj.kind)
        if not targets:
            return
        try:
            shapes = ObjectShapes(obj, transform)
        except GeometryError as error:
            for target in targets:
                self.skipped[target.layer].append((source_ref(obj), error.reason))
            return
        used = False
        for target in targets:
            try:
                used = self._add_target(obj, target, shapes) or used
            except GeometryError as error:
                self.skipped[target.layer].append((source_ref(obj), error.reason))
        if shapes.repaired and used:
            self.repaired.append(source_ref(obj))

    def _add_target(self, obj, target, shapes):
        """Add the rows of one target; False when the object is left out (a pitch below the minimum area)."""
        geometries = shapes.for_layer(target.layer)
        polygon_layer = LAYERS_BY_NAME[target.layer].geometry == 'MultiPolygon'
        area = geometries[0].area() if polygon_layer and obj.kind != POINT else None
        if target.min_area_m2 and (area or 0.0) < target.min_area_m2:
            self.too_small += 1
            return False
        values = self._values(obj, target, area)
        for index, geometry in enumerate(geometries, 1):
            row_id = asset_id(obj, index if len(geometries) > 1 else None)
            if row_id in self.ids[target.layer]:
                self.already_present += 1
                continue
            self.ids[target.layer].add(row_id)
            self.rows[target.layer].append((geometry.asWkb(), dict(values, asset_id=row_id)))
        return True

    def _values(self, obj, target, area):
        """Attributes of a row: the layer's literal defaults, then what the tags say, then provenance."""
        values = dict(self.defaults[target.layer])
        values.update({key: value for key, value in target.values.items() if value is not None})
        values.update(data_source='osm', source_ref=source_ref(obj), updated=self.today)
        remarks = [tr(template).format(*args) for template, args in target.remarks]
        if 'effective_area_m2' in LAYERS_BY_NAME[target.layer].field_names():
            if area is None:
                remarks.append(tr(REMARK_POINT_SITE).format('{:g}'.format(OSM_POINT_SITE_RADIUS_M)))
            else:
                values['effective_area_m2'] = area
        if remarks:
            values['remarks'] = ' '.join(remarks)[:REMARKS_LENGTH]
        return values


class ImportOsm(ResilienceAlgorithm):
    NAME = 'import_osm'
    DISPLAY_NAME = N_('Import OpenStreetMap')
    GROUP = GROUP_DATABASE
    ICON = 'import.svg'
    HELP = N_('Fills a planning database with OpenStreetMap data from an .osm.pbf file (or any vector '
              'source with OSM tags as columns): roads (class, speed from maxspeed, one-way, passable), power '
              'lines, pipelines and telecom lines, lifeline nodes (substations, transformers, towers and poles, '
              'hydrants, valves, pump stations, manholes), fire stations, hospitals and ambulance stations, '
              'emergency shelters and assembly points, shelter candidates (community centres, schools, parks, '
              'sports grounds), fuel and LPG stations, gas and chemical sites, industrial land, and buildings.\n\n'
              'Geometries are reprojected to the database CRS. Invalid ones are repaired; those that cannot be '
              'used are skipped. Both are listed in the log with their OSM id. Risk sources get the default grade '
              'of their kind: assess them. Shelters and candidate sites mapped as points become small circles '
              'without an area. Objects already imported (same asset ID) are left as they are, so a second '
              'import adds only new objects. A file GDAL cannot read to its end (a truncated download) stops '
              'the import with nothing written.'
              '\n\nThe database is updated in one transaction: a failed or cancelled import leaves it unchanged.')

    INPUT = 'INPUT'
    DATABASE = 'DATABASE'
    SKIPPED_COUNT = 'SKIPPED_COUNT'
    REPAIRED_COUNT = 'REPAIRED_COUNT'
    ALREADY_PRESENT_COUNT = 'ALREADY_PRESENT_COUNT'

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFile(
            self.INPUT, tr('OpenStreetMap file (.osm.pbf) or vector source'),
            fileFilter=tr('OpenStreetMap (*.osm.pbf *.pbf *.osm);;All files (*.*)')))
        self.add_database_parameter()
        self.addOutput(QgsProcessingOutputFile(self.DATABASE, tr('Planning database')))
        for layer in TARGET_LAYERS:
            self.addOutput(QgsProcessingOutputNumber(count_key(layer), tr('Rows written to {}').format(layer)))
        self.addOutput(QgsProcessingOutputNumber(self.SKIPPED_COUNT, tr('Rows skipped (unusable geometry)')))
        self.addOutput(QgsProcessingOutputNumber(self.REPAIRED_COUNT, tr('Objects with a repaired geometry')))
        self.addOutput(QgsProcessingOutputNumber(self.ALREADY_PRESENT_COUNT, tr('Rows already in the database')))

    def process(self, parameters, context, feedback):
        uri = self.parameterAsString(parameters, self.INPUT, context)
        store = self.store(parameters, context)
        crs = store.crs()
        try:
            sources = open_layers(uri)
        except OsmSourceError as error:
            raise QgsProcessingException(str(error))
        rows = OsmRows(store.asset_ids(TARGET_LAYERS))
        with gdal_report() as gdal_said:
            self._read(sources, crs, rows, context, feedback)
        self._report_gdal(gdal_said, feedback, uri.partition('|')[0])
        self._report(rows, feedback)
        written = self._write(store, rows, feedback)
        results = {self.DATABASE: store.label(), self.SKIPPED_COUNT: sum(len(s) for s in rows.skipped.values()),
                   self.REPAIRED_COUNT: len(rows.repaired), self.ALREADY_PRESENT_COUNT: rows.already_present}
        results.update({count_key(layer): written[layer] for layer in TARGET_LAYERS})
        return results

    def _read(self, sources, crs, rows, context, feedback):
        """Classify every object of every source layer into ``rows``."""
        for index, (layer, kind) in enumerate(sources):
            feedback.setProgressText(tr('Reading {}').format(layer.name()))
            transform = None
            if layer.crs() != crs:
                transform = QgsCoordinateTransform(layer.crs(), crs, context.transformContext())
            for obj in read_objects(layer, kind):
                self.check_cancel(feedback)
                rows.add(obj, transform)
            feedback.setProgress(READ_SHARE * (index + 1) / len(sources))

    def _write(self, store, rows, feedback):
        """Write every layer's rows in one transaction; the number written per layer."""
        written = {}
        with self.database_errors():
            with store.edit() as writer:
                for index, layer in enumerate(TARGET_LAYERS):
                    self.check_cancel(feedback)
                    feedback.setProgressText(tr('Writing {}').format(layer))
                    written[layer] = writer.write(layer, rows.rows[layer])
                    feedback.pushInfo(tr('{}: {} rows written.').format(layer, written[layer]))
                    feedback.setProgress(READ_SHARE + (100.0 - READ_SHARE) * (index + 1) / len(TARGET_LAYERS))
                self.check_cancel(feedback)
        return written

    @staticmethod
    def _report_gdal(report, feedback, path):
        """Relations GDAL could not build and its warnings, so nothing is left out silently; a read error (a
        truncated file) stops the import before anything is written."""
        if report.errors:
            raise QgsProcessingException(tr('{} cannot be read to its end; GDAL says: {}. The file may be truncated '
                                            '(an interrupted download): download it again. The planning database '
                                            'was not changed.').format(path, '; '.join(list(report.errors)[:3])))
        if report.incomplete_relations:
            refs = sorted(report.incomplete_relations, key=lambda ref: int(ref.rsplit('/', 1)[1]))
            feedback.pushWarning(tr('GDAL left out {} relations whose member ways are not all in the file (an '
                                    'extract cut at its edge): {}').format(len(refs), ', '.join(refs)))
        for text in report.warnings:
            feedback.pushWarning(tr('GDAL warning while reading: {}').format(text))

    @staticmethod
    def _report(rows, feedback):
        """Tell the user what was repaired, skipped, left out or graded by default."""
        if rows.repaired:
            feedback.pushInfo(tr('Invalid geometries repaired with makeValid: {}. {}').format(
                len(rows.repaired), ', '.join(rows.repaired)))
        for layer, skipped in rows.skipped.items():
            if skipped:
                feedback.pushWarning(tr('{}: {} skipped for an unusable geometry: {}').format(
                    layer, len(skipped), ', '.join('{} ({})'.format(ref, tr(reason)) for ref, reason in skipped)))
        if rows.already_present:
            feedback.pushInfo(tr('{} rows were already in the database (same asset ID) and were left as they '
                                 'are.').format(rows.already_present))
        if rows.too_small:
            feedback.pushInfo(tr('{} sports pitches smaller than the minimum site area were not taken as shelter '
                                 'candidates.').format(rows.too_small))
        graded = sum(len(rows.rows[layer]) for layer in RISK_LAYERS)
        if graded:
            feedback.pushWarning(tr('{} risk sources got the default risk grade of their kind; assess them and '
                                    'set the grade.').format(graded))
