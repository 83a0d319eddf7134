"""What the coverage algorithms share: parameters, presets, reading and preparing the network."""
import time
from dataclasses import dataclass, field

import numpy as np
from qgis.core import (QgsProcessingException, QgsProcessingParameterEnum,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterField,
                       QgsProcessingParameterMapLayer, QgsProcessingParameterNumber, QgsRasterLayer)

from ..compat import (FIELD_ANY, FIELD_NUMERIC, GEOM_POLYGON, NUMBER_DOUBLE, SINK_FAST_INSERT,
                      SOURCE_LINE, SOURCE_POINT, SOURCE_POLYGON, geometry_type)
from ..core.areas import edges_in_polygons, polygon_entrances
from ..core.coverage import attach_facilities
from ..core.network import NetworkError, SegmentIndex, build_network
from ..definitions import (COVERAGE_PRESETS, DEFAULT_DRIVE_SPEED_KMH, MAX_ROAD_ACCESS_M, N_,
                           NETWORK_SNAP_TOLERANCE_M)
from ..qgis_io.network_layers import (choose_crs, parse_oneway, polygon_wkbs, read_features, read_lines,
                                      representative_points, sample_raster_along_edges, to_float)
from ..translation import tr
from .base import GROUP_COVERAGE, ResilienceAlgorithm



def preset_help():
    lines = []
    for p in COVERAGE_PRESETS:
        limit = (tr('{} m').format(p.max_distance_m) if p.max_distance_m is not None
                 else tr('{} min at {} km/h').format(p.max_time_min, p.speed_kmh))
        lines.append('- {}: {}. {}'.format(tr(p.label), limit, '; '.join(s.describe() for s in p.sources)))
    return '\n'.join(lines)


class Cancelled(QgsProcessingException):
    pass


@dataclass
class Prepared:
    crs: object
    facilities: list              # QgsFeatures
    fac_fields: object
    fac_ids: np.ndarray           # feature ids
    fac_xy: np.ndarray            # representative point per facility
    limit: float
    timed: bool
    speed_kmh: float
    delay: np.ndarray
    capacity: np.ndarray = None
    base: object = None           # network (None: straight-line distances)
    fnet: object = None
    blocked: np.ndarray = None
    fnet_open: object = None      # undisturbed network when barriers are given
    timings: dict = field(default_factory=dict)
    entrances: tuple = None

    @property
    def n(self):
        return len(self.facilities)

    @property
    def unit(self):
        return tr('min') if self.timed else tr('m')


class CoverageAlgorithm(ResilienceAlgorithm):
    GROUP = GROUP_COVERAGE

    FACILITIES = 'FACILITIES'
    NETWORK = 'NETWORK'
    PRESET = 'PRESET'
    MAX_DISTANCE = 'MAX_DISTANCE'
    MAX_TIME = 'MAX_TIME'
    SPEED_KMH = 'SPEED_KMH'
    SPEED_FIELD = 'SPEED_FIELD'
    ONEWAY_FIELD = 'ONEWAY_FIELD'
    SNAP_TOLERANCE = 'SNAP_TOLERANCE'
    DELAY_FIELD = 'DELAY_FIELD'
    CAPACITY_FIELD = 'CAPACITY_FIELD'
    BARRIERS = 'BARRIERS'
    BARRIER_THRESHOLD = 'BARRIER_THRESHOLD'

    COMMON_HELP = N_(
        'FACILITIES are points or polygons; polygons reach the network where its lines cross their '
        'boundary (else at the boundary point nearest to a road). NETWORK is a line layer; without it '
        'straight-line distances are used. The limit is MAX_DISTANCE (metres) or MAX_TIME (minutes, at '
        'SPEED_KMH or the speed in SPEED_FIELD); a PRESET fills the limits it defines when they are left '
        'empty. DELAY_FIELD gives a start delay per facility, in minutes with MAX_TIME and in metres with '
        'MAX_DISTANCE. ONEWAY_FIELD: 1/yes along the line, -1 against it, else both ways (travel goes from '
        'the facility outwards). SNAP_TOLERANCE joins line ends to vertices closer than it. BARRIERS '
        '(polygons, or a hazard raster with BARRIER_THRESHOLD) close the roads they touch; the outputs then '
        'also give the loss against the undisturbed network. All distances come from one multi-source '
        'shortest-path pass; per-facility areas use searches bounded by the limit.\n\nPresets:\n')

    def shortHelpString(self):  # noqa: N802
        return tr(self.HELP) + '\n\n' + tr(self.COMMON_HELP) + preset_help()

    # Parameters --------------------------------------------------------------------------------
    def add_common(self, capacity=False):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.FACILITIES, tr('Facilities (points or polygons)'), [SOURCE_POINT, SOURCE_POLYGON]))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.NETWORK, tr('Road network (lines; empty: straight-line distance)'), [SOURCE_LINE], optional=True))
        options = [tr('Custom (use the limits below)')] + [tr(p.label) for p in COVERAGE_PRESETS]
        self.addParameter(QgsProcessingParameterEnum(self.PRESET, tr('Preset (planning standard)'), options,
                                                     defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(self.MAX_DISTANCE, tr('Maximum distance (m)'), NUMBER_DOUBLE,
                                                       optional=True, minValue=0))
        self.addParameter(QgsProcessingParameterNumber(self.MAX_TIME, tr('Maximum travel time (min)'), NUMBER_DOUBLE,
                                                       optional=True, minValue=0))
        self.addParameter(QgsProcessingParameterNumber(self.SPEED_KMH, tr('Speed (km/h) for travel times'),
                                                       NUMBER_DOUBLE, optional=True, minValue=0))
        self.addParameter(QgsProcessingParameterField(self.SPEED_FIELD, tr('Speed field of the network (km/h)'),
                                                      parentLayerParameterName=self.NETWORK, type=FIELD_NUMERIC,
                                                      optional=True))
        self.addParameter(QgsProcessingParameterField(self.ONEWAY_FIELD, tr('One-way field of the network'),
                                                      parentLayerParameterName=self.NETWORK, type=FIELD_ANY,
                                                      optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.SNAP_TOLERANCE, tr('Snapping tolerance of line ends (m)'), NUMBER_DOUBLE,
            defaultValue=NETWORK_SNAP_TOLERANCE_M, minValue=0))
        self.addParameter(QgsProcessingParameterField(self.DELAY_FIELD, tr('Start delay field of the facilities'),
                                                      parentLayerParameterName=self.FACILITIES, type=FIELD_NUMERIC,
                                                      optional=True))
        if capacity:
            self.addParameter(QgsProcessingParameterField(
                self.CAPACITY_FIELD, tr('Capacity field of the facilities'), parentLayerParameterName=self.FACILITIES,
                type=FIELD_NUMERIC, optional=True))
        self.addParameter(QgsProcessingParameterMapLayer(
            self.BARRIERS, tr('Barriers: polygons or a hazard raster (scenario)'), optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.BARRIER_THRESHOLD, tr('Hazard raster threshold (cells at or above it close the roads)'),
            NUMBER_DOUBLE, optional=True))

    # Preparation -------------------------------------------------------------------------------
    def check(self, feedback):
        if feedback.isCanceled():
            raise Cancelled(tr('Cancelled.'))

    def limits(self, parameters, context, feedback):
        idx = self.parameterAsEnum(parameters, self.PRESET, context)
        preset = COVERAGE_PRESETS[idx - 1] if idx > 0 else None
        dist = parameters.get(self.MAX_DISTANCE)
        tmin = parameters.get(self.MAX_TIME)
        dist = self.parameterAsDouble(parameters, self.MAX_DISTANCE, context) if dist not in (None, '') else None
        tmin = self.parameterAsDouble(parameters, self.MAX_TIME, context) if tmin not in (None, '') else None
        speed = parameters.get(self.SPEED_KMH)
        speed = self.parameterAsDouble(parameters, self.SPEED_KMH, context) if speed not in (None, '') else None
        if dist is None and tmin is None and preset is not None:
            dist, tmin = preset.max_distance_m, preset.max_time_min
            feedback.pushInfo(tr('Preset {}: {}').format(tr(preset.label), '; '.join(
                s.describe() for s in preset.sources)))
        if speed is None and preset is not None and preset.speed_kmh:
            speed = preset.speed_kmh
        if dist is not None and tmin is not None:
            raise QgsProcessingException(tr('Give either MAX_DISTANCE or MAX_TIME, not both.'))
        if dist is None and tmin is None:
            raise QgsProcessingException(tr('Give MAX_DISTANCE or MAX_TIME (or choose a PRESET).'))
        limit = dist if dist is not None else tmin
        if not limit > 0:
            raise QgsProcessingException(tr('The limit must be greater than 0.'))
        return limit, tmin is not None, speed

    def prepare(self, parameters, context, feedback, capacity=False, progress=(0, 40)):
        t0 = time.perf_counter()
        fac_src = self.parameterAsSource(parameters, self.FACILITIES, context)
        if fac_src is None:
            raise QgsProcessingException(tr('FACILITIES is missing or cannot be read.'))
        net_src = self.parameterAsSource(parameters, self.NETWORK, context)
        limit, timed, speed = self.limits(parameters, context, feedback)
        speed_field = self.parameterAsString(parameters, self.SPEED_FIELD, context) or None
        if timed and speed is None and speed_field is None:
            speed = DEFAULT_DRIVE_SPEED_KMH
            feedback.pushWarning(tr('No speed given; using {} km/h.').format(speed))
        if timed and net_src is None and speed is None:
            speed = DEFAULT_DRIVE_SPEED_KMH
        primary = net_src if net_src is not None else fac_src
        crs = choose_crs(primary, [(fac_src.sourceName(), fac_src)], feedback)
        feats = read_features(fac_src, crs, context)
        if not feats:
            raise QgsProcessingException(tr('The facility layer {} is empty.').format(fac_src.sourceName()))
        kind = geometry_type(fac_src)
        fac_xy = representative_points(feats, kind)
        if np.isnan(fac_xy).any():
            bad = [str(feats[i].id()) for i in np.flatnonzero(np.isnan(fac_xy[:, 0]))[:10]]
            feedback.pushWarning(tr('Facilities without geometry are left out: feature ids {}').format(', '.join(bad)))
        fields = fac_src.fields()
        delay_field = self.parameterAsString(parameters, self.DELAY_FIELD, context) or None
        delay = np.zeros(len(feats))
        if delay_field:
            delay = to_float([f[delay_field] for f in feats], 0.0)
            neg = np.flatnonzero(delay < 0)
            if len(neg):
                raise QgsProcessingException(tr('Negative start delay in field {} of {}: feature ids {}').format(
                    delay_field, fac_src.sourceName(), ', '.join(str(feats[i].id()) for i in neg[:10])))
        cap = None
        cap_field = self.parameterAsString(parameters, self.CAPACITY_FIELD, context) if capacity else None
        if cap_field:
            cap = to_float([f[cap_field] for f in feats], np.nan)
            null = np.flatnonzero(np.isnan(cap))
            neg = np.flatnonzero(cap < 0)
            if len(null):
                feedback.pushWarning(tr('Capacity field {} is empty for {} facilities (feature ids {}); they have '
                                        'no capacity.').format(cap_field, len(null), ', '.join(
                                            str(feats[i].id()) for i in null[:10])))
            if len(neg):
                raise QgsProcessingException(tr('Negative capacity in field {} of {}: feature ids {}').format(
                    cap_field, fac_src.sourceName(), ', '.join(str(feats[i].id()) for i in neg[:10])))
        prep = Prepared(crs, feats, fields, np.array([f.id() for f in feats], np.int64), fac_xy, limit, timed,
                        speed, delay, cap)
        prep.timings['read facilities'] = time.perf_counter() - t0
        self.check(feedback)
        if net_src is None:
            feedback.pushInfo(tr('No network: straight-line distances.'))
            if timed:
                feedback.pushInfo(tr('Straight-line travel time at {} km/h.').format(speed))
            self.read_barriers_straight(parameters, context, feedback, prep)
            return prep

        t = time.perf_counter()
        oneway_field = self.parameterAsString(parameters, self.ONEWAY_FIELD, context) or None
        layer = self.parameterAsVectorLayer(parameters, self.NETWORK, context)
        coords, offsets, part_of, _, attrs = read_lines(
            net_src, crs, context, [oneway_field, speed_field], parameter_value=parameters.get(self.NETWORK),
            layer=layer)
        prep.timings['read network'] = time.perf_counter() - t
        if len(offsets) < 2:
            raise QgsProcessingException(tr('The network layer {} has no lines.').format(net_src.sourceName()))
        self.check(feedback)
        feedback.setProgress(progress[0] + 0.25 * (progress[1] - progress[0]))
        t = time.perf_counter()
        oneway = parse_oneway(attrs[oneway_field])[part_of] if oneway_field else None
        if speed_field:
            sp = to_float(attrs[speed_field], np.nan)[part_of]
            missing = ~(sp > 0)
            if missing.any():
                fallback = speed if speed else DEFAULT_DRIVE_SPEED_KMH
                feedback.pushWarning(tr('{} lines have no valid speed in {}; using {} km/h for them.').format(
                    int(missing.sum()), speed_field, fallback))
                sp[missing] = fallback
        else:
            sp = np.full(len(offsets) - 1, speed if speed else 1.0)
        tol = self.parameterAsDouble(parameters, self.SNAP_TOLERANCE, context)
        try:
            base = build_network(coords, offsets, oneway=oneway, speed_kmh=sp, snap_tolerance=tol, time_cost=timed)
        except NetworkError as error:
            raise QgsProcessingException(tr('The network cannot be built: {}').format(str(error)))
        sizes = base.component_sizes()
        feedback.pushInfo(tr('Network: {} lines, {} nodes, {} edges, {} connected parts (largest {} nodes).').format(
            len(offsets) - 1, base.n_nodes, base.n_edges, base.n_components, int(sizes.max())))
        if base.n_components > 1:
            feedback.pushWarning(tr('The network has {} disconnected parts; places in another part than a '
                                    'facility are unreachable from it.').format(base.n_components))
        prep.timings['build network'] = time.perf_counter() - t
        self.check(feedback)
        feedback.setProgress(progress[0] + 0.5 * (progress[1] - progress[0]))

        # Barriers: close roads, keep the open network for the comparison.
        blocked = self.read_barriers(parameters, context, feedback, base, crs)
        t = time.perf_counter()
        index = SegmentIndex(base)
        ok = ~np.isnan(fac_xy[:, 0])
        if kind == GEOM_POLYGON:
            wkbs = polygon_wkbs(feats)
            wkbs = [w if ok[i] else None for i, w in enumerate(wkbs)]
            ent_xy, ent_fac, ent_acc = polygon_entrances(wkbs, index)
        else:
            ent_fac = np.flatnonzero(ok)
            ent_xy, ent_acc = fac_xy[ent_fac], np.zeros(len(ent_fac))
        prep.entrances = (ent_xy, ent_fac, ent_acc)
        prep.base = base
        prep.fnet = attach_facilities(base, ent_xy, ent_fac, len(feats), delay=delay, index=index,
                                      entrance_access=ent_acc)
        access = prep.fnet.access_distance()
        far = np.flatnonzero(access > MAX_ROAD_ACCESS_M)
        for i in far[:20]:
            feedback.pushWarning(tr('Facility {} is {} m from the nearest road of the network.').format(
                feats[i].id(), 'inf' if not np.isfinite(access[i]) else '{:.0f}'.format(access[i])))
        if len(far) > 20:
            feedback.pushWarning(tr('{} facilities are farther than {} m from the network.').format(
                len(far), MAX_ROAD_ACCESS_M))
        comp = self.facility_components(prep)
        if base.n_components > 1:
            main = int(np.argmax(sizes))
            other = np.flatnonzero((comp >= 0) & (comp != main))
            if len(other):
                feedback.pushWarning(tr('{} facilities are on a small disconnected part of the network (feature ids '
                                        '{}); they reach only that part.').format(
                    len(other), ', '.join(str(feats[i].id()) for i in other[:10])))
        if blocked is not None:
            prep.blocked = blocked
            prep.fnet_open = prep.fnet
            closed = base.with_blocked(blocked)
            index_closed = SegmentIndex(closed)
            if kind == GEOM_POLYGON:
                ent_xy2, ent_fac2, ent_acc2 = polygon_entrances(wkbs, index_closed)
            else:
                ent_xy2, ent_fac2, ent_acc2 = ent_xy, ent_fac, ent_acc
            prep.fnet = attach_facilities(closed, ent_xy2, ent_fac2, len(feats), delay=delay, index=index_closed,
                                          entrance_access=ent_acc2)
        prep.timings['attach facilities'] = time.perf_counter() - t
        self.check(feedback)
        feedback.setProgress(progress[1])
        return prep

    @staticmethod
    def facility_components(prep):
        comp = np.full(prep.n, -1)
        s = prep.fnet.sources
        comp[s.facility] = prep.fnet.net.component[s.node]
        return comp

    def barrier_layer(self, parameters, context):
        if parameters.get(self.BARRIERS) in (None, ''):
            return None
        return self.parameterAsLayer(parameters, self.BARRIERS, context)

    def read_barriers(self, parameters, context, feedback, base, crs):
        layer = self.barrier_layer(parameters, context)
        if layer is None:
            return None
        t = time.perf_counter()
        if isinstance(layer, QgsRasterLayer):
            thr = parameters.get(self.BARRIER_THRESHOLD)
            if thr in (None, ''):
                raise QgsProcessingException(tr('A hazard raster as BARRIERS needs BARRIER_THRESHOLD.'))
            thr = self.parameterAsDouble(parameters, self.BARRIER_THRESHOLD, context)
            path = layer.source()
            values, nodata = sample_raster_along_edges(path, base, crs)
            if nodata:
                feedback.pushWarning(tr('{} samples of the hazard raster {} along roads are nodata; they do not '
                                        'close roads.').format(nodata, layer.name()))
            blocked = np.nan_to_num(values, nan=-np.inf) >= thr
        else:
            if geometry_type(layer) != GEOM_POLYGON:
                raise QgsProcessingException(tr('BARRIERS must be a polygon layer or a raster: {}').format(
                    layer.name()))
            feats = read_features(layer, crs, context)
            blocked = edges_in_polygons(base, polygon_wkbs(feats))
        feedback.pushInfo(tr('Barriers {} close {} of {} road edges ({:.1f} km).').format(
            layer.name(), int(blocked.sum()), base.n_edges, float(base.edge_len[blocked].sum()) / 1000.0))
        self._barrier_time = time.perf_counter() - t
        return blocked

    def read_barriers_straight(self, parameters, context, feedback, prep):
        if self.barrier_layer(parameters, context) is not None:
            feedback.pushWarning(tr('BARRIERS need a NETWORK; they are ignored for straight-line distances.'))

    # Output helpers ----------------------------------------------------------------------------
    def sink(self, parameters, name, context, fields, wkb_type, crs):
        if parameters.get(name) in (None, ''):
            return None, None
        sink, dest = self.parameterAsSink(parameters, name, context, fields, wkb_type, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, name))
        return sink, dest

    @staticmethod
    def add(sink, feats):
        if sink is not None and feats:
            sink.addFeatures(feats, SINK_FAST_INSERT)
