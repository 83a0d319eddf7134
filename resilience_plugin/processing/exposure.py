"""resilience:exposure: what lies in the risk zones or the hazard: lifelines, shelters, facilities, people.

Vector zones: lines are cut at zone boundaries (shapely; one row per line and zone class), sites are tested
against the zones, population polygons count by area share. Hazard raster: read window by window with
rasterio (core.hazard_raster); lines, densified in their own CRS to half a cell and then transformed to the
raster's, are sampled along their length; sites by point value or by the cells inside them.
"""
import numpy as np
from qgis.core import (QgsFeature, QgsField, QgsFields, QgsGeometry,
                       QgsProcessingException, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterField,
                       QgsProcessingParameterMultipleLayers, QgsProcessingParameterNumber,
                       QgsProcessingParameterRasterLayer, QgsProcessingParameterString, QgsRasterLayer,
                       QgsRectangle, QgsVectorLayer)

from ..compat import (FIELD_TYPES, INVALID_GEOMETRY_NO_CHECK, NUMBER_INTEGER, SINK_FAST_INSERT, SOURCE_LINE,
                      SOURCE_MAP_LAYER, SOURCE_POINT, SOURCE_POLYGON, SOURCE_VECTOR, WKB)
from ..core import hazard_raster as hr
from ..core import risk
from ..definitions import (DEFAULT_HAZARD_BREAKS, EXPOSURE_SEGMENTS_SCHEMA, EXPOSURE_SITES_SCHEMA,
                           EXPOSURE_SUMMARY_SCHEMA, N_, RASTER_WINDOW_CELLS, SRC_HAZARD_BREAKS)
from ..qgis_io.crs import is_metric, metric_crs, transform_xy
from ..qgis_io.risk_layers import (GradeStyler, densify_step, from_shapely, geometry_kind, id_list, layer_name,
                                   line_coordinates, qgis_crs_from_wkt, raster_path, read_features, to_shapely,
                                   transform_between)
from ..translation import tr
from .base import GROUP_RISK, ResilienceAlgorithm
from .risk_common import layer_extent

SEGMENT_FIELDS = EXPOSURE_SEGMENTS_SCHEMA.spec()
SITE_FIELDS = EXPOSURE_SITES_SCHEMA.spec()
SUMMARY_FIELDS = EXPOSURE_SUMMARY_SCHEMA.spec()


def make_fields(spec):
    fields = QgsFields()
    for name, kind in spec:
        fields.append(QgsField(name, FIELD_TYPES[kind]))
    return fields


def feature(fields, values, geometry=None):
    f = QgsFeature(fields)
    f.setAttributes([values.get(fields.at(i).name()) for i in range(fields.count())])
    if geometry is not None:
        f.setGeometry(geometry)
    return f


def coordinate_transform(source_crs, target_crs, transform_context):
    """f(xs, ys) -> (xs, ys) from one raster CRS to another, through the project's transform context."""
    def apply(xs, ys):
        xy = transform_xy(np.column_stack([xs, ys]), source_crs, target_crs, transform_context)
        return xy[:, 0], xy[:, 1]
    return apply


class Summary:
    """Totals keyed by (layer, target, network, class label) with the class rank."""

    def __init__(self):
        self.rows = {}

    def add(self, layer, target, network, label, rank, length=0.0, count=0, unusable=0, population=0.0):
        key = (layer, target, network or '', label)
        row = self.rows.setdefault(key, dict(layer=layer, target=target, network=network or '', hazard_class=label,
                                             class_rank=rank, exposed_length_m=0.0, count=0, unusable=0,
                                             population=0.0))
        row['exposed_length_m'] += float(length)
        row['count'] += int(count)
        row['unusable'] += int(unusable)
        row['population'] += float(population)

    def sorted_rows(self):
        return sorted(self.rows.values(), key=lambda r: (r['layer'], r['network'], -r['class_rank']))


class Exposure(ResilienceAlgorithm):
    NAME = 'exposure'
    DISPLAY_NAME = N_('Exposure to risk zones or hazard')
    GROUP = GROUP_RISK
    HELP = N_('Reports what lies in the risk zones (ZONES: polygons with a grade field, for example the '
              'output of Risk influence zones) or in a hazard raster (HAZARD, classed by HAZARD_BREAKS: '
              'values below the first break are not exposed). Give one of the two.\n'
              'TARGETS: lifelines and roads (lines: cut at zone boundaries, one row per line and class with '
              'its exposed_length_m, by network type and class; with a raster the maximum and length-weighted '
              'mean value along each line, sampled twice per cell), shelters (inside a zone: flagged '
              'unusable), facilities and buildings (counted), population polygons (POPULATION_FIELD counted by '
              'the share of their area inside), population points and population rasters. The summary\'s count '
              'is the number of features: a line cut into several pieces counts once per class it reaches.\n'
              'The raster is read window by window, so rasters larger than memory work; nodata cells are not '
              'counted as exposed (their length is reported). Vectors are transformed to the raster\'s CRS '
              'for sampling, lines and polygons first given vertices every half cell so that they follow '
              'their true course there; lengths are measured in metres in a metric CRS. Invalid zone '
              'geometries are repaired and reported. No input layer is modified.')

    ZONES = 'ZONES'
    ZONE_FIELD = 'ZONE_FIELD'
    HAZARD = 'HAZARD'
    HAZARD_BREAKS = 'HAZARD_BREAKS'
    TARGETS = 'TARGETS'
    POPULATION_FIELD = 'POPULATION_FIELD'
    WINDOW_CELLS = 'WINDOW_CELLS'
    OUTPUT = 'OUTPUT'
    OUTPUT_SITES = 'OUTPUT_SITES'
    OUTPUT_SUMMARY = 'OUTPUT_SUMMARY'

    def shortHelpString(self):  # noqa: N802
        return '{}\n\n{}'.format(tr(self.HELP), SRC_HAZARD_BREAKS.describe())

    def initAlgorithm(self, config=None):  # noqa: N802
        zones = QgsProcessingParameterFeatureSource(self.ZONES, tr('Risk zones'), [SOURCE_POLYGON], optional=True)
        self.addParameter(zones)
        self.addParameter(QgsProcessingParameterField(self.ZONE_FIELD, tr('Zone grade field'), 'risk_grade',
                                                      self.ZONES, optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(self.HAZARD, tr('Hazard raster'), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.HAZARD_BREAKS, tr('Hazard class breaks (comma separated)'),
            ','.join('{:g}'.format(b) for b in DEFAULT_HAZARD_BREAKS), optional=True))
        self.addParameter(QgsProcessingParameterMultipleLayers(self.TARGETS, tr('Targets'),
                                                               SOURCE_MAP_LAYER))
        self.addParameter(QgsProcessingParameterString(self.POPULATION_FIELD, tr('Population field'),
                                                       'population', optional=True))
        window = QgsProcessingParameterNumber(self.WINDOW_CELLS, tr('Raster window (cells a side)'),
                                              NUMBER_INTEGER, RASTER_WINDOW_CELLS,
                                              optional=True, minValue=1)
        window.setFlags(window.flags() | window.FlagAdvanced)
        self.addParameter(window)
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr('Exposed lifeline segments'),
                                                            SOURCE_LINE))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT_SITES, tr('Exposed sites'),
                                                            SOURCE_POINT, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT_SUMMARY, tr('Exposure summary'),
                                                            SOURCE_VECTOR, optional=True))

    # --- Inputs -----------------------------------------------------------------------------------

    def read_zones(self, parameters, context, feedback):
        """(work CRS, ZoneIndex, [(label, rank, polygon)]) of the zone layer, invalid geometries repaired."""
        previous = context.invalidGeometryCheck()
        context.setInvalidGeometryCheck(INVALID_GEOMETRY_NO_CHECK)  # repaired and reported here
        try:
            return self._read_zones(parameters, context, feedback)
        finally:
            context.setInvalidGeometryCheck(previous)

    def _read_zones(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.ZONES, context)
        work_crs = metric_crs(source.sourceCrs(), layer_extent(source), context.transformContext())
        if work_crs != source.sourceCrs():
            feedback.pushInfo(tr('The zones are not in a metric CRS; working in {}.').format(work_crs.authid()))
        chosen = self.parameterAsFields(parameters, self.ZONE_FIELD, context)
        field = chosen[0] if chosen and source.fields().indexOf(chosen[0]) >= 0 else None
        if chosen and field is None:
            raise QgsProcessingException(tr('The zone layer has no field "{}".').format(chosen[0]))
        to_work = transform_between(source.sourceCrs(), work_crs, context.transformContext())
        rows, skipped = read_features(source, to_work, feedback)
        if source.featureCount() == 0 or not rows:
            feedback.pushWarning(tr('The zone layer is empty: nothing is exposed.'))
        repaired, zones = [], []
        for fid, values, geometry in rows:
            shape = to_shapely(geometry)
            shape, reason = risk.repair(shape)
            if reason:
                repaired.append(fid)
            label = values.get(field) if field else 'zone'
            label = 'zone' if label in (None, '') else str(label).strip()
            if label.lower() in risk.GRADE_RANK:  # a grade whatever its case: 'Major ' is major
                label = label.lower()
            zones.append((label, risk.zone_rank(label), shape))
        if repaired:
            feedback.pushWarning(tr('{} zones had an invalid geometry and were repaired: feature ids {}').format(
                len(repaired), id_list(repaired)))
        if skipped:
            feedback.pushWarning(tr('{} zones without geometry were skipped.').format(len(skipped)))
        resolved = risk.resolve_ranked(zones)
        return work_crs, risk.ZoneIndex(resolved), resolved

    def target_layers(self, parameters, context, feedback):
        layers = self.parameterAsLayerList(parameters, self.TARGETS, context)
        if not layers:
            raise QgsProcessingException(tr('Give at least one target layer.'))
        return layers

    # --- Main -------------------------------------------------------------------------------------

    def process(self, parameters, context, feedback):
        self.transform_context = context.transformContext()
        has_zones = parameters.get(self.ZONES) not in (None, '')
        hazard = self.parameterAsRasterLayer(parameters, self.HAZARD, context) \
            if parameters.get(self.HAZARD) not in (None, '') else None
        if has_zones == (hazard is not None):
            raise QgsProcessingException(tr('Give either ZONES (polygons) or HAZARD (a raster), not both.'))
        targets = self.target_layers(parameters, context, feedback)
        population_field = self.parameterAsString(parameters, self.POPULATION_FIELD, context) or 'population'
        window = self.parameterAsInt(parameters, self.WINDOW_CELLS, context) \
            if parameters.get(self.WINDOW_CELLS) not in (None, '') else RASTER_WINDOW_CELLS

        self.mode = 'zones' if has_zones else 'raster'
        if has_zones:
            work_crs, self.index, self.zones = self.read_zones(parameters, context, feedback)
            self.labels = {label: rank for label, rank, _ in self.zones}
        else:
            try:
                self.breaks = risk.parse_breaks(self.parameterAsString(parameters, self.HAZARD_BREAKS, context)
                                                or DEFAULT_HAZARD_BREAKS)
            except ValueError:
                raise QgsProcessingException(tr('HAZARD_BREAKS must be increasing numbers, e.g. 0.15,0.5,1.5'))
            self.raster = raster_path(hazard)
            try:
                info = hr.raster_info(self.raster)
            except Exception as error:  # noqa: BLE001 (rasterio raises several kinds)
                raise QgsProcessingException(tr('Cannot read the hazard raster: {}').format(error))
            self.raster_crs = qgis_crs_from_wkt(info['crs_wkt']) if info['crs_wkt'] else hazard.crs()
            self.raster_bounds = QgsRectangle(*info['bounds'])
            self.raster_bounds_tuple, self.raster_res = info['bounds'], info['res']
            self.class_names = risk.class_labels(self.breaks)
            first_vector = next((lay for lay in targets if isinstance(lay, QgsVectorLayer)), None)
            if is_metric(self.raster_crs) or first_vector is None:
                work_crs = self.raster_crs
            else:
                work_crs = metric_crs(first_vector.crs(), layer_extent(first_vector), self.transform_context)
            feedback.pushInfo(tr('Hazard raster: {} x {} cells in {}; classes {}; window {} cells.').format(
                info['width'], info['height'], self.raster_crs.authid() or tr('(custom CRS)'),
                ', '.join(self.class_names), window))
        self.window = window
        self.work_crs = work_crs

        fields_seg, fields_site, fields_sum = (make_fields(SEGMENT_FIELDS), make_fields(SITE_FIELDS),
                                               make_fields(SUMMARY_FIELDS))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields_seg, WKB.MultiLineString,
                                          work_crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        site_sink, site_dest = self.parameterAsSink(parameters, self.OUTPUT_SITES, context, fields_site, WKB.Point,
                                                    work_crs)
        sum_sink, sum_dest = self.parameterAsSink(parameters, self.OUTPUT_SUMMARY, context, fields_sum,
                                                  WKB.NoGeometry, work_crs)
        summary = Summary()
        for n, layer in enumerate(targets):
            self.check_cancel(feedback)
            name = layer_name(layer, context)
            feedback.setProgressText(tr('Target {} of {}: {}').format(n + 1, len(targets), name))
            start, span = 100.0 * n / len(targets), 100.0 / len(targets)

            def progress(value, start=start, span=span):
                feedback.setProgress(start + span * value / 100.0)

            if isinstance(layer, QgsRasterLayer):
                self.population_raster(layer, name, summary, feedback)
                continue
            if layer.featureCount() == 0:
                feedback.pushWarning(tr('The target layer {} is empty.').format(name))
                continue
            kind = risk.classify_target(name, geometry_kind(layer), layer.fields().names(), population_field)
            if self.mode == 'raster':
                self.warn_if_outside(layer, name, feedback)
            if kind == risk.TARGET_LIFELINE:
                self.lines(layer, name, sink, fields_seg, summary, feedback, progress)
            else:
                self.sites(layer, name, kind, population_field, site_sink, fields_site, summary, feedback)
            progress(100)
        if sum_sink is not None:
            for row in summary.sorted_rows():
                sum_sink.addFeature(feature(fields_sum, row), SINK_FAST_INSERT)
        self.report(summary, feedback)
        for dest_id in (dest, site_dest):
            if dest_id and context.willLoadLayerOnCompletion(dest_id):
                context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(GradeStyler.create())
        results = {self.OUTPUT: dest}
        if site_sink is not None:
            results[self.OUTPUT_SITES] = site_dest
        if sum_sink is not None:
            results[self.OUTPUT_SUMMARY] = sum_dest
        feedback.setProgress(100)
        return results

    def warn_if_outside(self, layer, name, feedback):
        xform = transform_between(layer.crs(), self.raster_crs, self.transform_context)
        extent = layer.extent()
        if xform is not None:
            try:
                extent = xform.transformBoundingBox(extent)
            except Exception:  # noqa: BLE001
                return
        if not extent.intersects(self.raster_bounds):
            feedback.pushWarning(tr('The hazard raster does not overlap the target layer {}: nothing of it can '
                                    'be exposed.').format(name))
        elif layer.crs() != self.raster_crs:
            feedback.pushInfo(tr('{} is in {}, the raster in {}: the layer is transformed to the raster CRS for '
                                 'sampling.').format(name, layer.crs().authid(),
                                                     self.raster_crs.authid() or tr('(custom CRS)')))

    # --- Lines ------------------------------------------------------------------------------------

    def lines(self, layer, name, sink, fields, summary, feedback, progress):
        rows, skipped = read_features(layer, transform_between(layer.crs(), self.work_crs, self.transform_context),
                                      feedback, densify=self.densify_step(layer))
        if skipped:
            feedback.pushWarning(tr('{}: {} features without a usable geometry were skipped.').format(
                name, len(skipped)))
        if self.mode == 'zones':
            # One row per line and zone class: a line cut into several pieces by a class counts once for it.
            for n, (fid, values, geometry) in enumerate(rows):
                if n % 500 == 0:
                    self.check_cancel(feedback)
                    progress(100.0 * n / max(1, len(rows)))
                shape = to_shapely(geometry)
                network = risk.network_of(name, values)
                for label, rank, inside in self.index.cut_line_by_zone(shape):
                    out = from_shapely(inside)
                    f = feature(fields, dict(layer=name, feature_id=fid, network=network, hazard_class=label,
                                             class_rank=rank,
                                             risk_grade=label if label in risk.GRADE_RANK else None,
                                             exposed_length_m=inside.length, length_m=shape.length), out)
                    sink.addFeature(f, SINK_FAST_INSERT)
                    summary.add(name, risk.TARGET_LIFELINE, network, label, rank, length=inside.length, count=1)
            return
        # Raster: coordinates in the raster CRS, lengths in metres in the work CRS (same vertices).
        to_raster = transform_between(self.work_crs, self.raster_crs, self.transform_context)
        coords, lengths, owner = [], [], []
        for i, (fid, values, geometry) in enumerate(rows):
            in_raster = QgsGeometry(geometry)
            if to_raster is not None:
                in_raster.transform(to_raster)
            for metric_part, raster_part in zip(line_coordinates(geometry), line_coordinates(in_raster)):
                coords.append(raster_part)
                lengths.append(np.hypot(*np.diff(metric_part, axis=0).T))
                owner.append(i)
        segments = hr.Segments.from_lines(coords, lengths)
        segments.line = np.asarray(owner, dtype='int64')[segments.line] if len(owner) else segments.line
        segments.line_count = len(rows)
        stats = hr.sample_lines(self.raster, segments, self.breaks, self.window, progress=progress,
                                cancel=feedback.isCanceled)
        exposed, top = stats.exposed_m, stats.top_class
        mean, nodata, outside = stats.mean, stats.nodata_m, stats.outside_m
        for i, (fid, values, geometry) in enumerate(rows):
            network = risk.network_of(name, values)
            for c in range(1, len(self.breaks) + 1):
                if stats.class_m[i, c] > 0:
                    summary.add(name, risk.TARGET_LIFELINE, network, self.class_names[c - 1], c,
                                length=stats.class_m[i, c], count=1)
            if exposed[i] <= 0:
                continue
            out = QgsGeometry(geometry)
            out.convertToMultiType()
            sink.addFeature(feature(fields, dict(
                layer=name, feature_id=fid, network=network, hazard_class=self.class_names[top[i] - 1],
                class_rank=int(top[i]), risk_grade=risk.class_grade(top[i], len(self.breaks)),
                exposed_length_m=float(exposed[i]), length_m=float(stats.total_m[i]),
                max_value=float(stats.max[i]), mean_value=float(mean[i])), out), SINK_FAST_INSERT)
        if nodata.sum() > 0:
            feedback.pushInfo(tr('{}: {:.0f} m of lines lie on nodata cells (not counted as exposed).').format(
                name, nodata.sum()))
        if outside.sum() > 0:
            feedback.pushInfo(tr('{}: {:.0f} m of lines lie outside the raster.').format(name, outside.sum()))

    # --- Sites ------------------------------------------------------------------------------------

    def sites(self, layer, name, kind, population_field, sink, fields, summary, feedback):
        rows, skipped = read_features(layer, transform_between(layer.crs(), self.work_crs, self.transform_context),
                                      feedback,
                                      densify=self.densify_step(layer) if geometry_kind(layer) == 'polygon' else None)
        has_population = layer.fields().indexOf(population_field) >= 0
        if kind == risk.TARGET_POPULATION and not has_population:
            feedback.pushWarning(tr('{} has no field "{}": its features are counted, not people.').format(
                name, population_field))
        shapes = [to_shapely(g) for _, _, g in rows]
        results = self.site_exposure(shapes, rows, feedback)  # [(label, rank, share, max, {label: share})]
        for (fid, values, geometry), shape, hit in zip(rows, shapes, results):
            if hit is None:
                continue
            label, rank, share, top_value, shares = hit
            people = 0.0
            if kind == risk.TARGET_POPULATION and has_population:
                total = float(values.get(population_field) or 0.0)
                for part_label, part_share in shares.items():
                    summary.add(name, kind, '', part_label, self.rank_of(part_label), count=1,
                                population=total * part_share)
                    people += total * part_share
            else:
                unusable = kind == risk.TARGET_SHELTER
                summary.add(name, kind, '', label, rank, count=1, unusable=int(unusable))
            if sink is not None:
                point = geometry if geometry_kind(layer) == 'point' else geometry.pointOnSurface()
                if point.isMultipart():
                    point = QgsGeometry.fromPointXY(point.asMultiPoint()[0])
                sink.addFeature(feature(fields, dict(
                    layer=name, feature_id=fid, name=values.get('name'), target=kind, hazard_class=label, class_rank=rank,
                    risk_grade=label if label in risk.GRADE_RANK else (
                        risk.class_grade(rank, len(self.breaks)) if self.mode == 'raster' else None),
                    exposed_share=share, max_value=top_value, unusable=kind == risk.TARGET_SHELTER,
                    population=people if kind == risk.TARGET_POPULATION else None), point),
                    SINK_FAST_INSERT)
        if skipped:
            feedback.pushWarning(tr('{}: {} features without a usable geometry were skipped.').format(
                name, len(skipped)))

    def densify_step(self, layer):
        """With a hazard raster in another CRS: half a cell in the layer's units (None otherwise)."""
        if self.mode != 'raster':
            return None
        return densify_step(layer.crs(), self.raster_crs, self.raster_res, self.raster_bounds_tuple,
                            self.transform_context)

    def rank_of(self, label):
        if self.mode == 'zones':
            return self.labels[label]
        return self.class_names.index(label) + 1

    def site_exposure(self, shapes, rows, feedback):
        """Per site: None (not exposed) or (label, rank, share, max value, {label: area share})."""
        results = []
        if self.mode == 'zones':
            for n, shape in enumerate(shapes):
                if n % 500 == 0:
                    self.check_cancel(feedback)
                hit = self.index.site(shape)
                if hit is None:
                    results.append(None)
                    continue
                shares = self.index.area_shares(shape) if shape.area > 0 else {hit[0]: 1.0}
                results.append((hit[0], hit[1], sum(shares.values()), None, shares))
            return results
        to_raster = transform_between(self.work_crs, self.raster_crs, self.transform_context)
        in_raster = []
        for (_, _, geometry) in rows:
            g = QgsGeometry(geometry)
            if to_raster is not None:
                g.transform(to_raster)
            in_raster.append(to_shapely(g))
        if all(s.area == 0 for s in in_raster):
            values = hr.sample_points(self.raster, np.array([s.representative_point().coords[0]
                                                             for s in in_raster]), self.window,
                                      cancel=feedback.isCanceled)
            classes = hr.classify(np.nan_to_num(values, nan=-np.inf), self.breaks)
            for value, c in zip(values, classes):
                label = self.class_names[c - 1] if c > 0 else None
                results.append((label, int(c), 1.0, float(value), {label: 1.0}) if c > 0 else None)
            return results
        stats = hr.zonal_polygons(self.raster, in_raster, self.breaks, self.window, cancel=feedback.isCanceled)
        shares = stats.class_shares()
        for i in range(len(in_raster)):
            exposed = [c for c in range(1, len(self.breaks) + 1) if stats.class_cells[i, c] > 0]
            if not exposed:
                results.append(None)
                continue
            c = max(exposed)
            results.append((self.class_names[c - 1], c, float(stats.exposed_share[i]), float(stats.max[i]),
                            {self.class_names[k - 1]: float(shares[i, k]) for k in exposed}))
        return results

    # --- Population rasters -----------------------------------------------------------------------

    def population_raster(self, layer, name, summary, feedback):
        path = raster_path(layer)
        info = hr.raster_info(path)
        pop_crs = qgis_crs_from_wkt(info['crs_wkt']) if info['crs_wkt'] else layer.crs()
        if self.mode == 'zones':
            xform = transform_between(self.work_crs, pop_crs, self.transform_context)
            zones = []
            for label, rank, shape in self.zones:
                g = from_shapely(shape)
                if xform is not None:
                    g.transform(xform)
                zones.append((label, to_shapely(g)))
            totals = hr.population_in_zones(path, zones, self.window, cancel=feedback.isCanceled)
            for label, people in totals.items():
                summary.add(name, risk.TARGET_POPULATION, '', label, self.labels[label], population=people)
            return
        to_hazard = None
        if pop_crs != self.raster_crs:
            to_hazard = coordinate_transform(pop_crs, self.raster_crs, self.transform_context)
        totals = hr.population_by_hazard(path, self.raster, self.breaks, to_hazard, self.window,
                                         cancel=feedback.isCanceled)
        for c in range(1, len(self.breaks) + 1):
            if totals[c] > 0:
                summary.add(name, risk.TARGET_POPULATION, '', self.class_names[c - 1], c, population=totals[c])

    def report(self, summary, feedback):
        if not summary.rows:
            feedback.pushInfo(tr('Nothing of the targets is exposed.'))
        for row in summary.sorted_rows():
            feedback.pushInfo(tr('{} {} {}: {:.0f} m, {} features, {} unusable, {:.0f} people').format(
                row['layer'], row['network'], row['hazard_class'], row['exposed_length_m'], row['count'],
                row['unusable'], row['population']))
