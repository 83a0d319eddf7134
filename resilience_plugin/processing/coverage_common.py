"""What the coverage algorithms share: parameters, presets, reading and preparing the network."""
import time
from dataclasses import dataclass, field

import numpy as np
from qgis.core import (QgsProcessingException, QgsProcessingParameterEnum,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterField,
                       QgsProcessingParameterMapLayer, QgsProcessingParameterNumber, QgsRasterLayer)

from ..compat import (FIELD_ANY, FIELD_NUMERIC, GEOM_POLYGON, NUMBER_DOUBLE, SINK_FAST_INSERT,
                      SOURCE_LINE, SOURCE_POINT, SOURCE_POLYGON, geometry_type)
from ..core.areas import edges_in_polygons
from ..core.coverage import demand_attachment
from ..definitions import (CAPACITY_AREA_FIELD, COVERAGE_PRESETS, DEFAULT_DRIVE_SPEED_KMH, DEMAND_FAR_FROM_NETWORK_M,
                           MAX_ROAD_ACCESS_M, N_, NETWORK_SNAP_TOLERANCE_M, SHELTER_CLASS_FIELD,
                           SHELTER_PER_CAPITA_M2, SOURCE_SHELTER_PER_CAPITA)
from ..qgis_io.network_layers import (choose_crs, coverage_limits, facilities_on_network, facility_components,
                                      facility_points, polygon_wkbs, read_delays, read_facilities, read_features,
                                      read_network, read_population_raster, representative_points,
                                      sample_raster_along_edges, to_float)
from ..qgis_io.risk_layers import raster_path
from ..translation import tr
from .base import GROUP_COVERAGE, ResilienceAlgorithm


def preset_help():
    lines = []
    for p in COVERAGE_PRESETS:
        limit = (tr('{} m').format(p.max_distance_m) if p.max_distance_m is not None
                 else tr('{} min at {} km/h').format(p.max_time_min, p.speed_kmh))
        lines.append('- {}: {}. {}'.format(tr(p.label), limit, '; '.join(s.describe() for s in p.sources)))
    return '\n'.join(lines)


class DemandData:
    def __init__(self, xy, population, features=None, fields=None):
        self.xy, self.population, self.features, self.fields = xy, population, features, fields

    @property
    def located(self):
        """(n,) bool: the unit has a place (features without geometry have none and are left out)."""
        return ~np.isnan(self.xy[:, 0])


def _ids(feats, idx):
    return ', '.join(str(feats[i].id()) for i in idx[:10]) + (' ...' if len(idx) > 10 else '')


def read_capacity(feats, source, cap_field, preset, feedback):
    """Capacities from ``cap_field``; empty values are derived from the effective area when possible.

    capacity = floor(effective area / area per person), the area per person taken from the PRESET
    (per_capita_m2) or else from the shelter class (definitions.SHELTER_PER_CAPITA_M2); the log names
    the source. Negative capacities stop the run; capacities that stay unknown are reported by feature id.
    """
    name = source.sourceName()
    cap = to_float([f[cap_field] for f in feats], np.nan)
    neg = np.flatnonzero(cap < 0)
    if len(neg):
        raise QgsProcessingException(tr('Negative capacity in field {} of {}: feature ids {}').format(
            cap_field, name, _ids(feats, neg)))
    null = np.isnan(cap)
    names = source.fields().names()
    if null.any() and CAPACITY_AREA_FIELD in names:
        area = to_float([f[CAPACITY_AREA_FIELD] for f in feats], np.nan)
        bad_area = np.flatnonzero(null & (area < 0))
        if len(bad_area):
            feedback.pushWarning(tr('Negative {} in {} (feature ids {}): no capacity is derived for them.').format(
                CAPACITY_AREA_FIELD, name, _ids(feats, bad_area)))
        per_capita = np.full(len(feats), np.nan)
        if preset is not None and preset.per_capita_m2:
            per_capita[:] = preset.per_capita_m2
            why = tr('{} m2 per person of the preset {} ({})').format(
                preset.per_capita_m2, tr(preset.label), '; '.join(s.describe() for s in preset.sources))
        elif SHELTER_CLASS_FIELD in names:
            classes = [f[SHELTER_CLASS_FIELD] for f in feats]
            per_capita = np.array([SHELTER_PER_CAPITA_M2.get(str(c), np.nan) if c is not None else np.nan
                                   for c in classes], float)
            why = tr('the area per person of each shelter class ({}; {})').format(
                ', '.join('{} {} m2'.format(k, v) for k, v in SHELTER_PER_CAPITA_M2.items()),
                SOURCE_SHELTER_PER_CAPITA.describe())
        else:
            why = None
        derive = np.flatnonzero(null & (area >= 0) & (per_capita > 0))
        if len(derive):
            cap[derive] = np.floor(area[derive] / per_capita[derive] + 1e-9)
            feedback.pushInfo(tr('Capacity of {} features of {} with an empty {} derived from {} / {}: feature '
                                 'ids {}').format(len(derive), name, cap_field, CAPACITY_AREA_FIELD, why,
                                                  _ids(feats, derive)))
        elif why is None and (null & (area >= 0)).any():
            feedback.pushWarning(tr('{} of {} cannot be turned into a capacity: choose a shelter PRESET (area per '
                                    'person) or give a {} field.').format(CAPACITY_AREA_FIELD, name,
                                                                          SHELTER_CLASS_FIELD))
    unknown = np.flatnonzero(np.isnan(cap))
    if len(unknown):
        feedback.pushWarning(tr('Capacity field {} is empty for {} facilities of {} and no capacity could be '
                                'derived (feature ids {}); their capacity is unknown (not 0).').format(
            cap_field, len(unknown), name, _ids(feats, unknown)))
    return cap


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
    origin: np.ndarray = None     # (n,) index in ``sources`` of the layer every facility comes from
    sources: list = None          # [(parameter name, feature source)]
    points: np.ndarray = None     # (p, 2) every point of every facility (multipoints: all their points)
    point_owner: np.ndarray = None  # (p,) facility of each point

    @property
    def n(self):
        return len(self.facilities)


class CoverageAlgorithm(ResilienceAlgorithm):
    """Subclasses implement ``process`` (see base.ResilienceAlgorithm)."""
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
        'boundary (else at the boundary point nearest to a road). A multipoint feature is one facility with an '
        'entrance at each of its points (the gates of a park, say): it reaches the network from all of them, '
        'and straight-line distances go to its nearest point. Curved geometries are read as straight segments. '
        'Features without geometry are left out and listed in the log. NETWORK is a line layer; without it '
        'straight-line distances are used. The limit is MAX_DISTANCE (metres) or MAX_TIME (minutes, at '
        'SPEED_KMH or the speed in SPEED_FIELD); a PRESET fills the limits it defines when they are left '
        'empty. DELAY_FIELD gives a start delay per facility, in minutes with MAX_TIME and in metres with '
        'MAX_DISTANCE. ONEWAY_FIELD: 1/yes along the line, -1 against it, else both ways (travel goes from '
        'the facility outwards); text values (yes, no, true, false, reverse) work like the numbers, other '
        'values are travelled both ways and listed in the log. SNAP_TOLERANCE joins line ends to vertices closer than it. BARRIERS '
        '(polygons, or a hazard raster with BARRIER_THRESHOLD) close the roads they touch; the outputs then '
        'also give the loss against the undisturbed network. All distances come from one multi-source '
        'shortest-path pass; per-facility areas use searches bounded by the limit.\n\nPresets:\n')

    def shortHelpString(self):  # noqa: N802
        return tr(self.HELP) + '\n\n' + tr(self.COMMON_HELP) + preset_help()

    # Parameters --------------------------------------------------------------------------------
    def add_common(self, capacity=False, facilities_label=None, facilities_optional=False, after_facilities=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.FACILITIES, facilities_label or tr('Facilities (points or polygons)'), [SOURCE_POINT, SOURCE_POLYGON],
            optional=facilities_optional))
        if after_facilities is not None:
            after_facilities()
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
                self.CAPACITY_FIELD, capacity if isinstance(capacity, str) else tr('Capacity field of the facilities'),
                parentLayerParameterName=self.CAPACITY_PARENT, type=FIELD_NUMERIC, optional=True))
        self.addParameter(QgsProcessingParameterMapLayer(
            self.BARRIERS, tr('Barriers: polygons or a hazard raster (scenario)'), optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.BARRIER_THRESHOLD, tr('Hazard raster threshold (cells at or above it close the roads)'),
            NUMBER_DOUBLE, optional=True))

    # Preparation -------------------------------------------------------------------------------
    def limits(self, parameters, context, feedback):
        """(limit, timed, speed) from MAX_DISTANCE / MAX_TIME / SPEED_KMH, else the PRESET."""
        values = {}
        for name in (self.MAX_DISTANCE, self.MAX_TIME, self.SPEED_KMH):
            given = parameters.get(name) not in (None, '')
            values[name] = self.parameterAsDouble(parameters, name, context) if given else None
        speed_field = self.parameterAsString(parameters, self.SPEED_FIELD, context) or None
        return coverage_limits(self.preset(parameters, context), values[self.MAX_DISTANCE], values[self.MAX_TIME],
                               values[self.SPEED_KMH], speed_field, feedback)

    def facility_sources(self, parameters, context):
        """[(parameter name, feature source)] of the facility layers, read into one facility list."""
        src = self.parameterAsSource(parameters, self.FACILITIES, context)
        if src is None:
            raise QgsProcessingException(tr('FACILITIES is missing or cannot be read.'))
        return [(self.FACILITIES, src)]

    # The layer whose CAPACITY_FIELD is read (its parent parameter).
    CAPACITY_PARENT = 'FACILITIES'
    # Facility layers that may be empty (a new district has no existing facilities): read as none.
    OPTIONAL_FACILITIES = ()

    def preset(self, parameters, context):
        idx = self.parameterAsEnum(parameters, self.PRESET, context)
        return COVERAGE_PRESETS[idx - 1] if idx > 0 else None

    def prepare(self, parameters, context, feedback, capacity=False, progress=(0, 40)):
        t0 = time.perf_counter()
        sources = self.facility_sources(parameters, context)
        net_src = self.parameterAsSource(parameters, self.NETWORK, context)
        limit, timed, speed = self.limits(parameters, context, feedback)
        speed_field = self.parameterAsString(parameters, self.SPEED_FIELD, context) or None
        if timed and net_src is None and speed is None:
            speed = DEFAULT_DRIVE_SPEED_KMH
        primary = net_src if net_src is not None else sources[0][1]
        crs = choose_crs(primary, [(src.sourceName(), src) for _, src in sources], feedback,
                         context.transformContext())
        feats, kinds, origin, fac_xy, sources = read_facilities(sources, crs, context, feedback,
                                                                self.OPTIONAL_FACILITIES)
        fields = sources[0][1].fields()
        delay_field = self.parameterAsString(parameters, self.DELAY_FIELD, context) or None
        delay = np.zeros(len(feats))
        names = [name for name, _ in sources]
        if delay_field and self.FACILITIES in names:
            k = names.index(self.FACILITIES)
            sel = np.flatnonzero(origin == k)
            delay[sel] = read_delays([feats[i] for i in sel], delay_field, sources[k][1].sourceName())
        cap = None
        cap_field = self.parameterAsString(parameters, self.CAPACITY_FIELD, context) if capacity else None
        if cap_field and self.CAPACITY_PARENT in names:
            k = names.index(self.CAPACITY_PARENT)
            sel = np.flatnonzero(origin == k)
            cap = np.full(len(feats), np.nan)
            cap[sel] = read_capacity([feats[i] for i in sel], sources[k][1], cap_field,
                                     self.preset(parameters, context), feedback)
        prep = Prepared(crs, feats, fields, np.array([f.id() for f in feats], np.int64), fac_xy, limit, timed,
                        speed, delay, cap)
        prep.origin = origin
        prep.sources = sources
        prep.points, prep.point_owner = facility_points(feats, kinds, origin)
        prep.timings['read facilities'] = time.perf_counter() - t0
        self.check_cancel(feedback)
        if net_src is None:
            feedback.pushInfo(tr('No network: straight-line distances.'))
            if timed:
                feedback.pushInfo(tr('Straight-line travel time at {} km/h.').format(speed))
            self.read_barriers_straight(parameters, context, feedback, prep)
            return prep

        def step(fraction):
            self.check_cancel(feedback)
            feedback.setProgress(progress[0] + fraction * (progress[1] - progress[0]))

        base = read_network(
            net_src, crs, context, feedback, self.parameterAsString(parameters, self.ONEWAY_FIELD, context) or None,
            speed_field, speed, timed, self.parameterAsDouble(parameters, self.SNAP_TOLERANCE, context),
            parameter_value=parameters.get(self.NETWORK), layer=self.parameterAsVectorLayer(
                parameters, self.NETWORK, context), step=step, timings=prep.timings)

        # Barriers: close roads, keep the open network for the comparison.
        blocked = self.read_barriers(parameters, context, feedback, base, crs)
        t = time.perf_counter()
        prep.base = base
        prep.fnet, prep.entrances = facilities_on_network(base, feats, kinds, origin, fac_xy, delay, feedback)
        if blocked is not None:
            prep.blocked = blocked
            prep.fnet_open = prep.fnet
            prep.fnet, _ = facilities_on_network(base.with_blocked(blocked), feats, kinds, origin, fac_xy, delay)
            self.report_cut_off(prep, feedback)
        prep.timings['attach facilities'] = time.perf_counter() - t
        self.check_cancel(feedback)
        feedback.setProgress(progress[1])
        return prep

    @staticmethod
    def facility_components(prep):
        return facility_components(prep.fnet)

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
            path = raster_path(layer)
            values, nodata = sample_raster_along_edges(path, base, crs, context.transformContext())
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
        if not ((base.edge_fwd | base.edge_bwd) & ~blocked).any():
            raise QgsProcessingException(tr('The barriers {} close every road near the facilities: no road of the '
                                            'network is left open, so nothing can be reached. Check the barrier '
                                            'layer (or BARRIER_THRESHOLD of a hazard raster).').format(layer.name()))
        self._barrier_time = time.perf_counter() - t
        return blocked

    @staticmethod
    def report_cut_off(prep, feedback):
        """Facilities the barriers leave without an open road nearby (on the undisturbed network they had one)."""
        before, after = prep.fnet_open.access_distance(), prep.fnet.access_distance()
        cut = np.flatnonzero((before <= MAX_ROAD_ACCESS_M) & ~(after <= MAX_ROAD_ACCESS_M))
        if len(cut) and len(cut) == int((before <= MAX_ROAD_ACCESS_M).sum()):
            feedback.pushWarning(tr('The barriers close every road near the facilities: none has an open road '
                                    'within {} m any more; they reach the network only by long access legs.').format(
                MAX_ROAD_ACCESS_M))
        elif len(cut):
            feedback.pushWarning(tr('The barriers close every road within {} m of {} facilities (feature ids '
                                    '{}).').format(MAX_ROAD_ACCESS_M, len(cut), _ids(prep.facilities, cut)))

    def read_barriers_straight(self, parameters, context, feedback, prep):
        if self.barrier_layer(parameters, context) is not None:
            feedback.pushWarning(tr('BARRIERS need a NETWORK; they are ignored for straight-line distances.'))

    # Demand ------------------------------------------------------------------------------------
    DEMAND = 'DEMAND'
    DEMAND_FIELD = 'DEMAND_FIELD'

    def add_demand(self):
        self.addParameter(QgsProcessingParameterMapLayer(self.DEMAND, tr('Demand: population polygons, points or raster')))
        self.addParameter(QgsProcessingParameterField(self.DEMAND_FIELD, tr('Population field (vector demand)'),
                                                      parentLayerParameterName=self.DEMAND, type=FIELD_NUMERIC,
                                                      optional=True))

    def read_demand(self, parameters, context, feedback, crs):
        layer = self.parameterAsLayer(parameters, self.DEMAND, context)
        if layer is None:
            raise QgsProcessingException(tr('DEMAND is missing or cannot be read.'))
        if isinstance(layer, QgsRasterLayer):
            xy, pop, nodata = read_population_raster(raster_path(layer), crs, context.transformContext())
            if nodata:
                feedback.pushWarning(tr('Population raster {}: {} nodata cells are left out.').format(
                    layer.name(), nodata))
            if len(pop) == 0:
                raise QgsProcessingException(tr('The population raster {} has no populated cells.').format(layer.name()))
            return DemandData(xy, pop)
        source = self.parameterAsSource(parameters, self.DEMAND, context)
        feats = read_features(source, crs, context)
        if not feats:
            raise QgsProcessingException(tr('The demand layer {} is empty.').format(layer.name()))
        fname = self.parameterAsString(parameters, self.DEMAND_FIELD, context)
        if not fname:
            raise QgsProcessingException(tr('Choose the population field (DEMAND_FIELD) of {}.').format(layer.name()))
        pop = to_float([f[fname] for f in feats], np.nan)
        bad = np.flatnonzero(np.isnan(pop) | (pop < 0))
        if len(bad):
            feedback.pushWarning(tr('{} demand features have an empty or negative {} (feature ids {}); counted as 0.').format(
                len(bad), fname, ', '.join(str(feats[i].id()) for i in bad[:10])))
            pop[bad] = 0.0
        xy = representative_points(feats, geometry_type(source))
        demand = DemandData(xy, pop, feats, source.fields())
        missing = np.flatnonzero(~demand.located)
        if len(missing) == len(feats):
            raise QgsProcessingException(tr('No feature of the demand layer {} has a geometry.').format(layer.name()))
        if len(missing):
            feedback.pushWarning(tr('{} demand units of {} have no location (empty geometry) and {:.0f} people: they '
                                    'are left out of the coverage, neither covered nor uncovered. Feature ids: '
                                    '{}').format(len(missing), layer.name(), float(pop[missing].sum()),
                                                 _ids(feats, missing)))
        return demand

    def attach_demand(self, prep, demand, feedback):
        """Demand points on the (split) network, with the far-from-network warnings."""
        valid = ~np.isnan(demand.xy[:, 0])
        att = demand_attachment(prep.fnet, np.nan_to_num(demand.xy))
        att.edge[~valid] = -1
        far = valid & (att.access > DEMAND_FAR_FROM_NETWORK_M)
        if far.any():
            share = demand.population[far].sum() / max(demand.population.sum(), 1e-9)
            feedback.pushWarning(tr('{} demand units ({:.1%} of the population) are farther than {} m from the '
                                    'network; their access leg is counted.').format(
                int(far.sum()), share, DEMAND_FAR_FROM_NETWORK_M))
            if far.sum() == valid.sum():
                feedback.pushWarning(tr('The demand layer does not overlap the network.'))
        return att

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
