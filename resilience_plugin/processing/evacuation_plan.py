"""resilience:evacuation_plan: people to shelters within the limit, no shelter over capacity, least person-distance."""
import time

import numpy as np
from qgis.core import (QgsFeature, QgsGeometry, QgsPointXY, QgsProcessingException, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterField)

from ..compat import FIELD_ANY, GEOMETRY_WKB, SOURCE_ANY_GEOMETRY, SOURCE_LINE, SOURCE_POINT, SOURCE_VECTOR
from ..core.coverage import reach_pairs, straight_line_pairs
from ..core.evacuation import (NO_CAPACITY, REASON_CODES, UNKNOWN_CAPACITY, UNREACHABLE, EvacuationError,
                               plan_evacuation, plan_routes)
from ..core.network import cut_lines
from ..core.routes import polyline_length
from ..definitions import (EVACUATION_ASSIGNMENTS_SCHEMA, EVACUATION_METHOD, EVACUATION_REASONS,
                           EVACUATION_ROADS_SCHEMA, EVACUATION_ROUTES_SCHEMA, EVACUATION_SHELTERS_SCHEMA,
                           EVACUATION_SUMMARY_SCHEMA, N_)
from ..qgis_io.network_layers import line_wkb, make_fields, py, write_lines
from ..translation import tr
from .base import GROUP_COMMUNITY
from .coverage_common import CoverageAlgorithm


class EvacuationPlan(CoverageAlgorithm):
    NAME = 'evacuation_plan'
    DISPLAY_NAME = N_('Evacuation plan (shelter capacity)')
    HELP = N_('Assigns the people of every demand unit (DEMAND, population in DEMAND_FIELD) to SHELTERS within '
              'the limit so that no shelter takes more people than its capacity (CAPACITY_FIELD; an empty '
              'capacity is derived from effective_area_m2 and the area per person of the PRESET or the shelter '
              'class, as in population_coverage; shelters whose capacity stays unknown take nobody) and the '
              'total person-distance (person-time with MAX_TIME) is the least possible: an exact solution of the '
              'transportation problem by linear programming (HiGHS), on the network distances of the coverage '
              'engine (access leg + network + the shelter\'s access leg). As many people as the capacities within '
              'reach allow are placed first; a demand unit may be split between shelters. OUTPUT has one row per '
              'assignment (shelter, people, distance_m) and one row per demand unit with people left unplaced and '
              'why (no capacity left within reach, no shelter within the limit, only shelters with an unknown '
              'capacity). OUTPUT_ROUTES draws every assignment along the roads, OUTPUT_SHELTERS gives the load '
              'against capacity, OUTPUT_ROADS the people on every road segment (bottlenecks) and OUTPUT_SUMMARY '
              'the optimum against sending everyone to the nearest shelter regardless of capacity. ID_FIELD '
              'names the shelters (default: their name field). BARRIERS close the roads a hazard cuts.')

    GROUP = GROUP_COMMUNITY
    FACILITIES = 'SHELTERS'   # the coverage tools' facilities are the shelters here
    CAPACITY_PARENT = 'SHELTERS'
    ID_FIELD = 'ID_FIELD'
    OUTPUT = 'OUTPUT'
    OUTPUT_ROUTES = 'OUTPUT_ROUTES'
    OUTPUT_SHELTERS = 'OUTPUT_SHELTERS'
    OUTPUT_ROADS = 'OUTPUT_ROADS'
    OUTPUT_SUMMARY = 'OUTPUT_SUMMARY'

    def initAlgorithm(self, config=None):  # noqa: N802
        def id_field():
            self.addParameter(QgsProcessingParameterField(
                self.ID_FIELD, tr('Shelter name or id field'), parentLayerParameterName=self.FACILITIES,
                type=FIELD_ANY, optional=True))
        self.add_common(capacity=tr('Capacity field of the shelters (persons)'),
                        facilities_label=tr('Shelters (points or polygons)'), after_facilities=id_field)
        self.add_demand()
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr('Evacuation assignments'),
                                                            SOURCE_ANY_GEOMETRY))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT_ROUTES, tr('Evacuation routes'),
                                                            SOURCE_LINE, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT_SHELTERS, tr('Shelter loads of the plan'),
                                                            SOURCE_POINT, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT_ROADS, tr('People per road segment'),
                                                            SOURCE_LINE, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT_SUMMARY, tr('Evacuation plan summary'),
                                                            SOURCE_VECTOR, optional=True))

    def facility_sources(self, parameters, context):
        src = self.parameterAsSource(parameters, self.FACILITIES, context)
        if src is None:
            raise QgsProcessingException(tr('SHELTERS is missing or cannot be read.'))
        return [(self.FACILITIES, src)]

    # Run ---------------------------------------------------------------------------------------
    def process(self, parameters, context, feedback):
        if not self.parameterAsString(parameters, self.CAPACITY_FIELD, context):
            raise QgsProcessingException(tr('Choose the capacity field of the shelters (CAPACITY_FIELD): the plan '
                                            'keeps every shelter within its capacity.'))
        prep = self.prepare(parameters, context, feedback, capacity=True)
        t = time.perf_counter()
        demand = self.read_demand(parameters, context, feedback, prep.crs)
        prep.timings['read demand'] = time.perf_counter() - t
        self.check_cancel(feedback)
        feedback.setProgress(45)
        labels = self.shelter_labels(parameters, context, prep)
        valid = ~np.isnan(demand.xy[:, 0])
        per_m = 60.0 / (prep.speed_kmh * 1000.0) if prep.timed and prep.base is None else 1.0
        t = time.perf_counter()
        att = None
        if prep.base is None:
            fac_ok = np.flatnonzero(~np.isnan(prep.fac_xy[:, 0]))
            pd, pf, dist = straight_line_pairs(prep.fac_xy[fac_ok], np.nan_to_num(demand.xy), prep.limit / per_m)
            pf = fac_ok[pf]
            keep = valid[pd]
            pd, pf, dist = pd[keep], pf[keep], dist[keep]
            cost = dist * per_m
        else:
            att = self.attach_demand(prep, demand, feedback)
            pd, pf, cost, dist = reach_pairs(prep.fnet, att, prep.limit, with_distance=True,
                                             check_cancel=lambda: self.check_cancel(feedback))
        prep.timings['shelters within reach'] = time.perf_counter() - t
        feedback.pushInfo(tr('{} demand units and {} shelters: {} pairs within the limit.').format(
            len(demand.population), prep.n, len(pd)))
        self.check_cancel(feedback)
        feedback.setProgress(60)
        try:
            plan = plan_evacuation(pd, pf, cost, dist, demand.population, prep.capacity)
        except EvacuationError as error:
            raise QgsProcessingException(tr('The evacuation plan could not be solved: {}').format(error))
        prep.timings['linear programme'] = plan.seconds
        self.check_cancel(feedback)
        feedback.setProgress(75)
        t = time.perf_counter()
        drawn = None
        if prep.base is not None and (parameters.get(self.OUTPUT_ROUTES) or parameters.get(self.OUTPUT_ROADS)):
            drawn = plan_routes(prep.fnet, att, np.nan_to_num(demand.xy), plan, prep.limit,
                                check_cancel=lambda: self.check_cancel(feedback))
            prep.timings['routes'] = time.perf_counter() - t
        self.check_cancel(feedback)
        feedback.setProgress(85)
        self.report(feedback, prep, plan)
        results = {}
        self.write_assignments(parameters, context, prep, demand, plan, labels, results)
        self.write_routes(parameters, context, prep, demand, plan, drawn, labels, results)
        self.write_shelters(parameters, context, prep, plan, labels, results)
        self.write_roads(parameters, context, prep, drawn, results)
        self.write_summary(parameters, context, prep, plan, results)
        feedback.pushInfo(tr('Timings: {}').format(', '.join('{} {:.2f} s'.format(k, v)
                                                            for k, v in prep.timings.items())))
        feedback.setProgress(100)
        return results

    def shelter_labels(self, parameters, context, prep):
        """The name of every shelter: ID_FIELD, else its name field, else its feature id."""
        field = self.parameterAsString(parameters, self.ID_FIELD, context)
        if not field and prep.fac_fields.indexOf('name') >= 0:
            field = 'name'
        labels = []
        for feature in prep.facilities:
            value = feature[field] if field else None
            empty = value is None or (hasattr(value, 'isNull') and value.isNull()) or str(value) == ''
            labels.append('#{}'.format(feature.id()) if empty else str(value))
        return labels

    def unit(self, prep):
        return tr('min') if prep.timed else tr('m')

    def report(self, feedback, prep, plan):
        near = plan.nearest
        feedback.pushInfo(tr('Placed {:,.0f} of {:,.0f} people; unplaced: {:,.0f} for lack of capacity within reach, '
                             '{:,.0f} with no shelter within the limit, {:,.0f} reaching only shelters with an '
                             'unknown capacity.').format(plan.placed, plan.population, plan.unplaced_by(NO_CAPACITY),
                                                         plan.unplaced_by(UNREACHABLE),
                                                         plan.unplaced_by(UNKNOWN_CAPACITY)))
        if plan.unplaced_by(NO_CAPACITY) > 0:
            feedback.pushWarning(tr('{:,.0f} people within reach of a shelter find no place: the shelters within '
                                    'their reach are full.').format(plan.unplaced_by(NO_CAPACITY)))
        mean = plan.person_distance_m / plan.placed if plan.placed > 0 else float('nan')
        feedback.pushInfo(tr('Optimum: total person-distance {:,.1f} km, {:,.0f} m per person placed.').format(
            plan.person_distance_m / 1000.0, mean))
        near_mean = near.person_distance_m / near.people if near.people > 0 else float('nan')
        feedback.pushInfo(tr('Nearest shelter regardless of capacity: {:,.0f} people, {:,.1f} km, {:,.0f} m per '
                             'person; {} shelters over capacity by {:,.0f} people in all.').format(
            near.people, near.person_distance_m / 1000.0, near_mean, near.overloaded, near.people_over_capacity))
        if near.people > 0 and plan.placed > 0:
            feedback.pushInfo(tr('Respecting the capacities costs {:+,.0f} m per person against the nearest '
                                 'shelter.').format(mean - near_mean))
        feedback.pushInfo(tr('Solved exactly (HiGHS linear programming) in {:.2f} s: {} variables, {} '
                             'constraints.').format(plan.seconds, plan.variables, plan.constraints))

    # Outputs -----------------------------------------------------------------------------------
    def demand_geometry(self, demand, i):
        if demand.features is not None:
            return demand.features[i].geometry()
        return QgsGeometry.fromPointXY(QgsPointXY(*demand.xy[i]))

    def demand_id(self, demand, i):
        return int(demand.features[i].id()) if demand.features is not None else int(i)

    def write_assignments(self, parameters, context, prep, demand, plan, labels, results):
        fields, _ = make_fields(EVACUATION_ASSIGNMENTS_SCHEMA.spec(timed=prep.timed), demand.fields, prefix='d_')
        wkb = demand.features[0].geometry().wkbType() if demand.features else GEOMETRY_WKB['Point']
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields, wkb, prep.crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        near = plan.nearest
        rows = [(int(plan.demand[k]), k) for k in range(len(plan.people))]
        rows += [(int(i), -1) for i in np.flatnonzero(plan.unplaced > 0)]
        feats = []
        for i, k in sorted(rows):
            f = QgsFeature(fields)
            f.setGeometry(self.demand_geometry(demand, i))
            nearest = int(near.shelter[i])
            tail = [labels[nearest] if nearest >= 0 else None, py(near.distance_m[i]) if nearest >= 0 else None]
            if k >= 0:
                s = int(plan.shelter[k])
                row = [self.demand_id(demand, i), int(prep.fac_ids[s]), labels[s], float(plan.people[k]),
                       py(plan.distance_m[k])]
                if prep.timed:
                    row.append(py(plan.cost[k]))
                code = REASON_CODES[0]
            else:
                row = [self.demand_id(demand, i), None, None, float(plan.unplaced[i]), None]
                if prep.timed:
                    row.append(None)
                code = REASON_CODES[int(plan.reason[i])]
            row += [code, tr(EVACUATION_REASONS[code])] + tail
            extra = list(demand.features[i].attributes()) if demand.features is not None else []
            f.setAttributes(row + extra)
            feats.append(f)
        self.add(sink, feats)
        results[self.OUTPUT] = dest

    def write_routes(self, parameters, context, prep, demand, plan, drawn, labels, results):
        fields, _ = make_fields(EVACUATION_ROUTES_SCHEMA.spec(timed=prep.timed))
        sink, dest = self.sink(parameters, self.OUTPUT_ROUTES, context, fields, GEOMETRY_WKB['LineString'], prep.crs)
        if sink is None:
            return
        feats = []
        for k in range(len(plan.people)):
            i, s = int(plan.demand[k]), int(plan.shelter[k])
            xy = drawn.routes[k].xy if drawn is not None else np.vstack([demand.xy[i], prep.fac_xy[s]])
            g = QgsGeometry()
            g.fromWkb(line_wkb(xy))
            f = QgsFeature(fields)
            f.setGeometry(g)
            row = [self.demand_id(demand, i), int(prep.fac_ids[s]), labels[s], float(plan.people[k]),
                   py(plan.distance_m[k])]
            if prep.timed:
                row.append(py(plan.cost[k]))
            f.setAttributes(row + [polyline_length(xy)])
            feats.append(f)
        self.add(sink, feats)
        results[self.OUTPUT_ROUTES] = dest

    def write_shelters(self, parameters, context, prep, plan, labels, results):
        fields, _ = make_fields(EVACUATION_SHELTERS_SCHEMA.spec(), prep.fac_fields)
        sink, dest = self.sink(parameters, self.OUTPUT_SHELTERS, context, fields, GEOMETRY_WKB['Point'], prep.crs)
        if sink is None:
            return
        units = np.bincount(plan.shelter, minlength=prep.n)
        person_m = np.bincount(plan.shelter, weights=plan.people * plan.distance_m, minlength=prep.n)
        feats = []
        for s, src in enumerate(prep.facilities):
            cap = prep.capacity[s]
            load = plan.load[s]
            f = QgsFeature(fields)
            if not np.isnan(prep.fac_xy[s, 0]):
                f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(*prep.fac_xy[s])))
            near = plan.nearest.load[s]
            f.setAttributes([int(prep.fac_ids[s]), labels[s], py(cap), float(load),
                             py(load / cap) if cap > 0 else None, py(cap - load), int(units[s]),
                             py(person_m[s] / load) if load > 0 else None, float(near),
                             py(max(near - cap, 0.0)) if np.isfinite(cap) else None] + list(src.attributes()))
            feats.append(f)
        self.add(sink, feats)
        results[self.OUTPUT_SHELTERS] = dest

    def write_roads(self, parameters, context, prep, drawn, results):
        fields, _ = make_fields(EVACUATION_ROADS_SCHEMA.spec())
        sink, dest = self.sink(parameters, self.OUTPUT_ROADS, context, fields, GEOMETRY_WKB['LineString'], prep.crs)
        if sink is None:
            return
        if drawn is not None:
            base = prep.base
            used = np.flatnonzero(drawn.edge_load > 0)
            used = used[np.argsort(-drawn.edge_load[used], kind='stable')]
            xy, off = cut_lines(base, base.edge_line[used], base.edge_m0[used], base.edge_m1[used])
            rows = [[int(e), float(drawn.edge_load[e]), int(drawn.edge_routes[e]), float(base.edge_len[e])]
                    for e in used]
            write_lines(sink, fields, xy, off, rows)
        results[self.OUTPUT_ROADS] = dest

    def write_summary(self, parameters, context, prep, plan, results):
        fields, _ = make_fields(EVACUATION_SUMMARY_SCHEMA.spec())
        sink, dest = self.sink(parameters, self.OUTPUT_SUMMARY, context, fields, GEOMETRY_WKB['NoGeometry'], prep.crs)
        if sink is None:
            return
        near = plan.nearest
        f = QgsFeature(fields)
        f.setAttributes([plan.population, plan.placed, plan.unplaced_by(NO_CAPACITY), plan.unplaced_by(UNREACHABLE),
                         plan.unplaced_by(UNKNOWN_CAPACITY), plan.person_distance_m / 1000.0,
                         py(plan.person_distance_m / plan.placed) if plan.placed > 0 else None, near.people,
                         near.person_distance_m / 1000.0,
                         py(near.person_distance_m / near.people) if near.people > 0 else None, near.overloaded,
                         near.people_over_capacity, prep.n, int((plan.load > 0).sum()),
                         int(np.isnan(prep.capacity).sum()), float(np.nansum(prep.capacity)), float(prep.limit),
                         self.unit(prep), plan.seconds, plan.variables,
                         tr(EVACUATION_METHOD)])
        self.add(sink, [f])
        results[self.OUTPUT_SUMMARY] = dest
