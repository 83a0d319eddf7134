"""resilience:population_coverage: who is within reach of a facility, loads against capacity, 2SFCA."""
import time

import numpy as np
from qgis.core import (QgsFeature, QgsGeometry, QgsPointXY, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterField)

from ..compat import FIELD_ANY, GEOMETRY_WKB, SOURCE_ANY_GEOMETRY, SOURCE_POINT, SOURCE_POLYGON, SOURCE_VECTOR
from ..core.areas import points_in_polygons
from ..core.coverage import (assign_demand, demand_attachment, facility_loads, reach_pairs,
                             straight_line_assignment, straight_line_pairs, summarise, two_step_fca)
from ..definitions import COVERAGE_DEMAND_SCHEMA, COVERAGE_FACILITIES_SCHEMA, COVERAGE_SUMMARY_SCHEMA, N_
from ..qgis_io.network_layers import make_fields, polygon_wkbs, py, read_features
from ..translation import tr
from .coverage_common import CoverageAlgorithm


class PopulationCoverage(CoverageAlgorithm):
    NAME = 'population_coverage'
    DISPLAY_NAME = N_('Population coverage and capacity')
    HELP = N_('Every demand unit (polygon: its point on surface; point; or raster cell) gets its nearest facility '
              '(facility_id), distance_m (the access leg from the demand point to the nearest point of the network '
              'plus the network distance), time_min with MAX_TIME, and covered (true/false). OUTPUT_FACILITIES '
              'gives per facility the covered population assigned to it, its capacity (CAPACITY_FIELD), the load '
              'ratio and an overloaded flag, and the two-step floating catchment ratio fca_ratio (Luo & Wang 2003: '
              'capacity over all the population within reach); every demand unit gets fca_access, the sum of the '
              'ratios of the facilities within its reach (places per person). OUTPUT_SUMMARY gives the population '
              'covered, its share and the uncovered population, in total and per district (DISTRICTS). A demand '
              'unit without geometry has no place: it is listed in the log, its covered stays empty, and it is '
              'neither covered nor uncovered; the total row counts such units in units_unlocated and '
              'population_unlocated.')

    DISTRICTS = 'DISTRICTS'
    DISTRICT_FIELD = 'DISTRICT_FIELD'
    OUTPUT_DEMAND = 'OUTPUT_DEMAND'
    OUTPUT_FACILITIES = 'OUTPUT_FACILITIES'
    OUTPUT_SUMMARY = 'OUTPUT_SUMMARY'

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_common(capacity=True)
        self.add_demand()
        self.addParameter(QgsProcessingParameterFeatureSource(self.DISTRICTS, tr('Districts for the summary'),
                                                              [SOURCE_POLYGON], optional=True))
        self.addParameter(QgsProcessingParameterField(self.DISTRICT_FIELD, tr('District name field'),
                                                      parentLayerParameterName=self.DISTRICTS, type=FIELD_ANY,
                                                      optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT_DEMAND, tr('Demand with coverage'),
                                                            SOURCE_ANY_GEOMETRY, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT_FACILITIES, tr('Facility loads'),
                                                            SOURCE_POINT, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT_SUMMARY, tr('Coverage summary'),
                                                            SOURCE_VECTOR, optional=True))

    # Run ---------------------------------------------------------------------------------------
    def process(self, parameters, context, feedback):
        prep = self.prepare(parameters, context, feedback, capacity=True)
        t = time.perf_counter()
        demand = self.read_demand(parameters, context, feedback, prep.crs)
        prep.timings['read demand'] = time.perf_counter() - t
        self.check_cancel(feedback)
        limit = prep.limit
        n_f = prep.n
        valid = ~np.isnan(demand.xy[:, 0])
        t = time.perf_counter()
        before = None
        if prep.base is None:
            dist_limit = limit if not prep.timed else limit * prep.speed_kmh * 1000.0 / 60.0
            a = straight_line_assignment(prep.points, np.nan_to_num(demand.xy), dist_limit, prep.point_owner)
            a.facility = np.where(valid, a.facility, -1)
            a.covered &= valid
            a.cost = a.distance_m * (60.0 / (prep.speed_kmh * 1000.0) if prep.timed else 1.0)
            pd, pf, _ = straight_line_pairs(prep.points, np.nan_to_num(demand.xy), dist_limit, prep.point_owner)
            keep = valid[pd]
            pd, pf = pd[keep], pf[keep]
        else:
            att = self.attach_demand(prep, demand, feedback)
            a = assign_demand(prep.fnet, att, limit)
            pd, pf, _ = reach_pairs(prep.fnet, att, limit, check_cancel=lambda: self.check_cancel(feedback))
            if prep.fnet_open is not None:
                att_open = demand_attachment(prep.fnet_open, np.nan_to_num(demand.xy))
                att_open.edge[~valid] = -1
                before = assign_demand(prep.fnet_open, att_open, limit)
        prep.timings['assignment'] = time.perf_counter() - t
        self.check_cancel(feedback)
        feedback.setProgress(70)
        unreachable = valid & (a.facility < 0)
        if unreachable.any():
            feedback.pushWarning(tr('{} demand units (population {:.0f}) cannot reach any facility over the network.').format(
                int(unreachable.sum()), float(demand.population[unreachable].sum())))
        loads = facility_loads(a, demand.population, prep.capacity, n_f)
        fca = two_step_fca(pd, pf, demand.population, prep.capacity if prep.capacity is not None
                           else np.full(n_f, np.nan), n_f)
        over = np.flatnonzero(loads.overloaded)
        if len(over):
            feedback.pushWarning(tr('{} facilities are overloaded (more people than capacity): feature ids {}').format(
                len(over), ', '.join(str(prep.fac_ids[i]) for i in over[:10])))
        results = {}
        self.write_demand(parameters, context, prep, demand, a, fca, before, results)
        self.write_facilities(parameters, context, prep, loads, fca, results)
        self.write_summary(parameters, context, feedback, prep, demand, a, before, results)
        feedback.pushInfo(tr('Timings: {}').format(', '.join('{} {:.2f} s'.format(k, v) for k, v in prep.timings.items())))
        feedback.setProgress(100)
        return results

    def write_demand(self, parameters, context, prep, demand, a, fca, before, results):
        spec = COVERAGE_DEMAND_SCHEMA.spec(timed=prep.timed, barriers=before is not None)
        fields, _ = make_fields(spec, demand.fields, prefix='d_')
        wkb = next((f.geometry().wkbType() for f in demand.features or () if f.hasGeometry()), GEOMETRY_WKB['Point'])
        sink, dest = self.sink(parameters, self.OUTPUT_DEMAND, context, fields, wkb, prep.crs)
        if sink is None:
            return
        feats = []
        for i in range(len(demand.population)):
            f = QgsFeature(fields)
            if demand.features is not None:
                f.setGeometry(demand.features[i].geometry())
                extra = list(demand.features[i].attributes())
            else:
                f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(*demand.xy[i])))
                extra = []
            fi = int(a.facility[i])
            row = [int(prep.fac_ids[fi]) if fi >= 0 else None, py(a.distance_m[i])]
            if prep.timed:
                row.append(py(a.cost[i]))
            located = not np.isnan(demand.xy[i, 0])  # a unit without a place is neither covered nor not
            row += [py(a.access_m[i]), bool(a.covered[i]) if located else None, float(demand.population[i]),
                    py(fca.accessibility[i])]
            if before is not None:
                row += [bool(before.covered[i]), bool(before.covered[i] and not a.covered[i])] if located \
                    else [None, None]
            f.setAttributes(row + extra)
            feats.append(f)
        self.add(sink, feats)
        results[self.OUTPUT_DEMAND] = dest

    def write_facilities(self, parameters, context, prep, loads, fca, results):
        fields, _ = make_fields(COVERAGE_FACILITIES_SCHEMA.spec(), prep.fac_fields)
        sink, dest = self.sink(parameters, self.OUTPUT_FACILITIES, context, fields, GEOMETRY_WKB['Point'], prep.crs)
        if sink is None:
            return
        access = prep.fnet.access_distance() if prep.fnet is not None else np.zeros(prep.n)
        feats = []
        for i, src in enumerate(prep.facilities):
            f = QgsFeature(fields)
            if not np.isnan(prep.fac_xy[i, 0]):
                f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(*prep.fac_xy[i])))
            f.setAttributes([int(prep.fac_ids[i]), py(loads.population[i]), py(loads.capacity[i]),
                             py(loads.load_ratio[i]), bool(loads.overloaded[i]),
                             py(fca.ratio[i]) if prep.capacity is not None else None, py(fca.demand_in_reach[i]),
                             bool(np.isfinite(access[i]))] + list(src.attributes()))
            feats.append(f)
        self.add(sink, feats)
        results[self.OUTPUT_FACILITIES] = dest

    def write_summary(self, parameters, context, feedback, prep, demand, a, before, results):
        districts = self.parameterAsSource(parameters, self.DISTRICTS, context)
        groups = names = None
        # units without a place are left out of every row; the total row counts them apart
        located = demand.located
        pop = demand.population[located]
        if districts is not None:
            dfeats = read_features(districts, prep.crs, context)
            dfield = self.parameterAsString(parameters, self.DISTRICT_FIELD, context)
            names = [str(f[dfield]) if dfield else str(f.id()) for f in dfeats]
            groups = points_in_polygons(demand.xy[located], polygon_wkbs(dfeats))
        reachable = (a.facility >= 0)[located]
        rows = summarise(pop, a.covered[located], reachable, groups, names, total_name=tr('Total'))
        lost_rows = summarise(pop, before.covered[located], reachable, groups, names) if before is not None else None
        unlocated = (int((~located).sum()), float(demand.population[~located].sum()))
        for r in rows[:1]:
            feedback.pushInfo(tr('Population {:.0f}: covered {:.0f} ({:.1%}), uncovered {:.0f}.').format(
                r.population, r.covered, r.share_covered, r.uncovered))
        if unlocated[0]:
            feedback.pushInfo(tr('Not counted: {} demand units without location, {:.0f} people.').format(*unlocated))
        fields, _ = make_fields(COVERAGE_SUMMARY_SCHEMA.spec(barriers=before is not None))
        sink, dest = self.sink(parameters, self.OUTPUT_SUMMARY, context, fields, GEOMETRY_WKB['NoGeometry'], prep.crs)
        if sink is None:
            return
        feats = []
        for k, r in enumerate(rows):
            f = QgsFeature(fields)
            name = r.name if r.name is not None else tr('(outside the districts)')
            row = [name, r.population, r.covered, r.uncovered, py(r.share_covered), r.units, r.units_unreachable]
            row += list(unlocated) if k == 0 else [0, 0.0]
            if lost_rows is not None:
                row += [lost_rows[k].covered, lost_rows[k].covered - r.covered]
            f.setAttributes(row)
            feats.append(f)
        self.add(sink, feats)
        results[self.OUTPUT_SUMMARY] = dest
