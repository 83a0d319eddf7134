"""resilience:site_selection: choose K candidate sites that add the most covered population (MCLP)."""
import time

import numpy as np
from qgis.core import (QgsFeature, QgsProcessingException, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterNumber)
from scipy.sparse import csr_matrix

from ..compat import (GEOMETRY_WKB, NUMBER_INTEGER, SOURCE_ANY_GEOMETRY, SOURCE_POINT, SOURCE_POLYGON,
                      SOURCE_VECTOR)
from ..core.coverage import (assign_demand, coverage_matrix, reach_pairs, straight_line_assignment,
                             straight_line_pairs)
from ..core.shortest_paths import nearest_facility
from ..core.siting import GREEDY_FACTOR, greedy_mclp
from ..definitions import DEFAULT_SITES_K, N_
from ..qgis_io.network_layers import make_fields, py
from ..translation import tr
from .coverage_common import CoverageAlgorithm


class SiteSelection(CoverageAlgorithm):
    NAME = 'site_selection'
    DISPLAY_NAME = N_('Site selection (maximal covering)')
    HELP = N_('Chooses K of the CANDIDATES (points or polygons, e.g. community centres, schools, parks) that add '
              'the most population within the limit of a site, on top of what the existing FACILITIES (optional) '
              'already cover: the maximal covering location problem (Church & ReVelle 1974), solved greedily. '
              'Covered population is a monotone submodular function of the chosen sites, so the greedy choice adds at least '
              '1 - 1/e (63.2 %) of the best possible K-site gain; OUTPUT_SUMMARY gives the gain against an upper '
              'bound of that optimum (the tightest of: greedy / (1 - 1/e), the LP relaxation, the sum of the K '
              'largest single-site gains). With CAPACITY_FIELD (on the candidates) a site serves at most its '
              'capacity, nearest people first, and people beyond it stay uncovered for the next site; an empty '
              'capacity is derived from effective_area_m2 (area per person of a shelter PRESET) and candidates '
              'whose capacity stays unknown are left out of the choice (reported). OUTPUT lists the chosen sites '
              'in the order chosen with rank, gain (population added) and covered_after (population covered '
              'after adding it, existing facilities included). With BARRIERS the sites are chosen on the '
              'disturbed network. An empty FACILITIES layer means there are none yet (a new district). Demand '
              'units without geometry are left out of every figure and counted in units_unlocated and '
              'population_unlocated of OUTPUT_SUMMARY.')

    CANDIDATES = 'CANDIDATES'
    K = 'K'
    OUTPUT = 'OUTPUT'
    OUTPUT_SUMMARY = 'OUTPUT_SUMMARY'
    CAPACITY_PARENT = 'CANDIDATES'
    OPTIONAL_FACILITIES = ('FACILITIES',)

    def initAlgorithm(self, config=None):  # noqa: N802
        def candidates():
            self.addParameter(QgsProcessingParameterFeatureSource(
                self.CANDIDATES, tr('Candidate sites (points or polygons)'), [SOURCE_POINT, SOURCE_POLYGON]))
            self.addParameter(QgsProcessingParameterNumber(self.K, tr('Number of sites to choose (K)'), NUMBER_INTEGER,
                                                           defaultValue=DEFAULT_SITES_K, minValue=1))
        self.add_common(capacity=tr('Capacity field of the candidates'),
                        facilities_label=tr('Existing facilities (points or polygons, optional)'),
                        facilities_optional=True, after_facilities=candidates)
        self.add_demand()
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr('Chosen sites'),
                                                            SOURCE_ANY_GEOMETRY))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT_SUMMARY, tr('Site selection summary'),
                                                            SOURCE_VECTOR, optional=True))

    def facility_sources(self, parameters, context):
        out = []
        if parameters.get(self.FACILITIES) not in (None, ''):
            existing = self.parameterAsSource(parameters, self.FACILITIES, context)
            if existing is None:
                raise QgsProcessingException(tr('FACILITIES cannot be read.'))
            out.append((self.FACILITIES, existing))
        cand = self.parameterAsSource(parameters, self.CANDIDATES, context)
        if cand is None:
            raise QgsProcessingException(tr('CANDIDATES is missing or cannot be read.'))
        out.append((self.CANDIDATES, cand))
        return out

    def process(self, parameters, context, feedback):
        k = self.parameterAsInt(parameters, self.K, context)
        if k < 1:
            raise QgsProcessingException(tr('K must be at least 1.'))
        prep = self.prepare(parameters, context, feedback, capacity=True)
        names = [name for name, _ in prep.sources]
        cand_src = prep.sources[names.index(self.CANDIDATES)][1]
        existing = np.flatnonzero(prep.origin == names.index(self.FACILITIES)) if self.FACILITIES in names \
            else np.zeros(0, np.int64)
        cand = np.flatnonzero(prep.origin == names.index(self.CANDIDATES))
        t = time.perf_counter()
        demand = self.read_demand(parameters, context, feedback, prep.crs)
        prep.timings['read demand'] = time.perf_counter() - t
        self.check_cancel(feedback)
        feedback.setProgress(45)
        valid = demand.located
        pop = np.where(valid, demand.population, 0.0)  # units without a place count nowhere (reported)
        n_d = len(pop)
        t = time.perf_counter()
        covered0 = np.zeros(n_d, bool)
        if prep.base is None:
            dist_limit = prep.limit if not prep.timed else prep.limit * prep.speed_kmh * 1000.0 / 60.0
            demand_xy = np.nan_to_num(demand.xy)
            ex = np.isin(prep.point_owner, existing)  # every point of every facility (multipoints: all)
            if ex.any():
                covered0 = straight_line_assignment(prep.points[ex], demand_xy, dist_limit).covered & valid
            cd = np.isin(prep.point_owner, cand)
            pd, pf, pc = straight_line_pairs(prep.points[cd], demand_xy, dist_limit, prep.point_owner[cd]) \
                if cd.any() else (np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0))
            keep = valid[pd]
            pd, pf, pc = pd[keep], pf[keep], pc[keep]
            if prep.timed:
                pc = pc * 60.0 / (prep.speed_kmh * 1000.0)
        else:
            att = self.attach_demand(prep, demand, feedback)
            if len(existing):
                res = nearest_facility(prep.fnet.graph, facilities=existing)
                covered0 = assign_demand(prep.fnet, att, prep.limit, res).covered
            pd, pf, pc = reach_pairs(prep.fnet, att, prep.limit, check_cancel=lambda: self.check_cancel(feedback),
                                     facilities=cand)
            if prep.fnet_open is not None:
                feedback.pushInfo(tr('Sites are chosen on the network with the BARRIERS closed.'))
        prep.timings['coverage of the candidates'] = time.perf_counter() - t
        self.check_cancel(feedback)
        feedback.setProgress(75)

        # Candidates that can take part: reachable, and with a known capacity when capacities are used.
        local = np.full(prep.n, -1, np.int64)
        local[cand] = np.arange(len(cand))
        eligible = np.ones(len(cand), bool)
        capacity = None
        if prep.capacity is not None:
            capacity = prep.capacity[cand]
            unknown = np.flatnonzero(np.isnan(capacity))
            if len(unknown):
                eligible[unknown] = False
                feedback.pushWarning(tr('{} candidates have no known capacity and are left out of the choice: feature '
                                        'ids {}').format(len(unknown), ', '.join(str(prep.fac_ids[cand[i]])
                                                                                 for i in unknown[:20])))
        take = eligible[local[pf]]
        pd, pf, pc = pd[take], local[pf[take]], pc[take]
        cover = coverage_matrix(pd, pf, n_d, len(cand))
        cost = csr_matrix((pc, (pf, pd)), shape=(len(cand), n_d)) if capacity is not None else None
        if capacity is not None:
            cost.sort_indices()
        t = time.perf_counter()
        result = greedy_mclp(cover, pop, k, covered0=covered0,
                             capacity=np.where(eligible, capacity, 0.0) if capacity is not None else None, cost=cost)
        prep.timings['greedy choice'] = time.perf_counter() - t
        single = np.asarray(cover @ np.where(covered0, 0.0, pop)).ravel()
        self.report(feedback, prep, cand, result, pop, k, capacity)
        results = {}
        self.write_sites(parameters, context, prep, cand_src, cand, result, single, capacity, pop, results)
        self.write_summary(parameters, context, prep, result, pop, k, capacity, results, demand)
        feedback.pushInfo(tr('Timings: {}').format(', '.join('{} {:.2f} s'.format(a, b)
                                                            for a, b in prep.timings.items())))
        feedback.setProgress(100)
        return results

    @staticmethod
    def report(feedback, prep, cand, result, pop, k, capacity):
        total = float(pop.sum())
        share = (lambda v: v / total if total > 0 else float('nan'))
        feedback.pushInfo(tr('Covered by the existing facilities: {:.0f} of {:.0f} ({:.1%}).').format(
            result.covered_before, total, share(result.covered_before)))
        for rank, (j, gain) in enumerate(zip(result.chosen, result.gains), 1):
            feedback.pushInfo(tr('Site {}: candidate {} adds {:.0f} people.').format(
                rank, int(prep.fac_ids[cand[j]]), gain))
        feedback.pushInfo(tr('Covered with the {} chosen sites: {:.0f} ({:.1%}); added {:.0f}.').format(
            len(result.chosen), result.covered_after, share(result.covered_after), result.added))
        if len(result.chosen) < k:
            feedback.pushWarning(tr('Only {} of the {} sites asked for add any covered population.').format(
                len(result.chosen), k))
        feedback.pushInfo(tr('The best possible gain of {} sites is at most {:.0f} ({}); the greedy choice reaches '
                             '{:.1%} of that bound.').format(k, result.upper_bound, tr(result.bound_method),
                                                             result.guarantee))
        if capacity is None:
            feedback.pushInfo(tr('Greedy guarantee: at least {:.1%} (1 - 1/e) of the optimum.').format(GREEDY_FACTOR))
        else:
            feedback.pushInfo(tr('With capacities the 1 - 1/e guarantee does not hold; compare with the upper '
                                 'bound.'))

    def write_sites(self, parameters, context, prep, cand_src, cand, result, single, capacity, pop, results):
        total = float(pop.sum())
        spec = [('rank', 'int'), ('candidate_id', 'int64'), ('gain', 'double'), ('covered_after', 'double'),
                ('share_after', 'double'), ('single_gain', 'double')]
        if capacity is not None:
            spec += [('capacity', 'double'), ('capacity_used', 'double')]
        fields, _ = make_fields(spec, cand_src.fields(), prefix='c_')
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields, cand_src.wkbType(), prep.crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        feats = []
        cum = result.covered_before
        for rank, (j, gain) in enumerate(zip(result.chosen, result.gains), 1):
            src = prep.facilities[cand[j]]
            cum += gain
            f = QgsFeature(fields)
            f.setGeometry(src.geometry())
            row = [rank, int(prep.fac_ids[cand[j]]), float(gain), float(cum), py(cum / total if total > 0 else None),
                   float(single[j])]
            if capacity is not None:
                row += [py(capacity[j]), py(gain / capacity[j] if capacity[j] > 0 else None)]
            f.setAttributes(row + list(src.attributes()))
            feats.append(f)
        self.add(sink, feats)
        results[self.OUTPUT] = dest

    def write_summary(self, parameters, context, prep, result, pop, k, capacity, results, demand):
        spec = [('population', 'double'), ('covered_before', 'double'), ('covered_after', 'double'),
                ('added', 'double'), ('share_before', 'double'), ('share_after', 'double'), ('sites_asked', 'int'),
                ('sites_chosen', 'int'), ('guaranteed_share', 'double'), ('upper_bound_added', 'double'),
                ('bound_method', 'string'), ('share_of_bound', 'double'), ('capacities', 'bool'),
                ('units_unlocated', 'int'), ('population_unlocated', 'double')]
        fields, _ = make_fields(spec)
        sink, dest = self.sink(parameters, self.OUTPUT_SUMMARY, context, fields, GEOMETRY_WKB['NoGeometry'], prep.crs)
        if sink is None:
            return
        total = float(pop.sum())
        f = QgsFeature(fields)
        f.setAttributes([total, result.covered_before, result.covered_after, result.added,
                         py(result.covered_before / total if total > 0 else None),
                         py(result.covered_after / total if total > 0 else None), k, int(len(result.chosen)),
                         GREEDY_FACTOR if capacity is None else None, py(result.upper_bound), tr(result.bound_method),
                         py(result.guarantee), capacity is not None, int((~demand.located).sum()),
                         float(demand.population[~demand.located].sum())])
        self.add(sink, [f])
        results[self.OUTPUT_SUMMARY] = dest
