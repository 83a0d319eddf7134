"""Facilities and demand on the network: attachment, assignment, loads, 2SFCA and summaries.

Pure numpy/scipy: points and lines come in as arrays, results go out as arrays and dataclasses.
"""
from dataclasses import dataclass

import numpy as np
from scipy.sparse import coo_matrix
from scipy.spatial import cKDTree

from .network import SegmentIndex, map_attachment, split_network
from .shortest_paths import (Graph, Sources, edge_reach_cost, edge_reach_cost_from_ends, facility_reach,
                             nearest_facility)


# ---------------------------------------------------------------------------------------------
# Facilities on the network
# ---------------------------------------------------------------------------------------------

@dataclass
class FacilityNetwork:
    base: object            # the network as built
    net: object             # the network split at the facilities' entrances
    graph: Graph
    sources: Sources
    entrance_facility: np.ndarray   # (a,) facility of every entrance point
    entrance_access: np.ndarray     # (a,) access leg of every entrance (metres)
    entrance_xy: np.ndarray         # (a, 2) point on the network
    n_facilities: int
    index: SegmentIndex             # nearest points on the (unsplit) network
    entrance_point: np.ndarray = None   # (a, 2) the entrance as given (facility point, polygon entrance)
    source_entrance: np.ndarray = None  # (s,) entrance of every row of ``sources``

    def access_distance(self):
        """Shortest access leg of every facility (inf when it has no entrance)."""
        out = np.full(self.n_facilities, np.inf)
        np.minimum.at(out, self.entrance_facility, self.entrance_access)
        return out


def attach_facilities(base, entrance_xy, entrance_facility, n_facilities, delay=None, index=None,
                      entrance_access=None):
    """Split the network at the facilities' entrance points and build the graph with virtual sources.

    entrance_xy: (a, 2) points (a facility point, or the boundary points of a facility polygon).
    entrance_facility: (a,) facility index of each point. delay: (F,) start cost of each facility.
    entrance_access: (a,) extra metres already walked to reach each point (e.g. 0 on a boundary).
    """
    index = SegmentIndex(base) if index is None else index
    entrance_xy = np.asarray(entrance_xy, np.float64).reshape(-1, 2)
    entrance_facility = np.asarray(entrance_facility, np.int64)
    att = index.nearest(entrance_xy)
    net, nodes = split_network(base, att.edge, att.offset)
    ok = nodes >= 0
    access = att.access + (0.0 if entrance_access is None else np.asarray(entrance_access, np.float64))
    cpm = np.where(att.edge >= 0, base.edge_cost_per_m[np.maximum(att.edge, 0)], np.inf)
    delay = np.zeros(n_facilities) if delay is None else np.asarray(delay, np.float64)
    cost = delay[entrance_facility] + access * cpm
    sources = Sources(entrance_facility[ok], nodes[ok], cost[ok], access[ok])
    graph = Graph(net, n_facilities, sources)
    return FacilityNetwork(base, net, graph, sources, entrance_facility, np.where(ok, access, np.inf),
                           att.xy, n_facilities, index, entrance_xy, np.flatnonzero(ok))


# ---------------------------------------------------------------------------------------------
# Demand assignment
# ---------------------------------------------------------------------------------------------

@dataclass
class Assignment:
    facility: np.ndarray     # (p,) nearest facility (-1 when none can be reached)
    cost: np.ndarray         # (p,) total cost (access leg + network), metres or minutes
    distance_m: np.ndarray   # (p,) access leg + network metres of the chosen path
    access_m: np.ndarray     # (p,) access leg
    covered: np.ndarray      # (p,) bool, cost <= limit


def demand_attachment(fnet, points):
    """Nearest points on the split network for demand points (access legs included)."""
    att = fnet.index.nearest(points)
    return map_attachment(fnet.net, fnet.base, att)


def assign_demand(fnet, att, limit, result=None):
    """Nearest facility of every demand point by network, with access leg, cost and coverage."""
    result = nearest_facility(fnet.graph) if result is None else result
    p = len(att.edge)
    ok = att.edge >= 0
    e = np.where(ok, att.edge, 0)
    net = fnet.net
    cost, via_v = edge_reach_cost(net, result.cost, e, att.offset)
    end = np.where(via_v, net.edge_v[e], net.edge_u[e])
    along = np.where(via_v, net.edge_len[e] - att.offset, att.offset)
    access_cost = att.access * net.edge_cost_per_m[e]
    total = np.where(ok, cost + access_cost, np.inf)
    facility = np.where(np.isfinite(total), result.facility[end], -1)
    dist = np.where(np.isfinite(total), result.length[end] + along + att.access, np.inf)
    total[facility < 0] = np.inf
    return Assignment(facility, total, dist, np.where(ok, att.access, np.inf), total <= limit) if p else \
        Assignment(np.zeros(0, int), np.zeros(0), np.zeros(0), np.zeros(0), np.zeros(0, bool))


def reach_pairs(fnet, att, limit, check_cancel=None, max_cells=4_000_000, facilities=None, with_distance=False):
    """All (demand, facility, cost) pairs with cost <= limit, by bounded per-facility searches on local
    subgraphs (:func:`shortest_paths.facility_reach`).

    facilities: only these facility indices (default: all). with_distance: a fourth array, distance_m of
    every pair: access leg + network + the facility's access leg (as :func:`assign_demand`).
    """
    ok = att.edge >= 0
    di = np.flatnonzero(ok)
    net = fnet.net
    e = att.edge[di]
    x = att.offset[di]
    access_cost = att.access[di] * net.edge_cost_per_m[e]
    out = ([], [], [], [])
    for reach in facility_reach(fnet.graph, facilities=facilities, limit=limit, need_length=with_distance,
                                max_cells=max_cells, check_cancel=check_cancel):
        iu, iv = reach.lookup(net.edge_u[e]), reach.lookup(net.edge_v[e])
        sel = np.flatnonzero((iu >= 0) | (iv >= 0))   # demand points on an edge that touches the subgraph
        if len(sel) == 0:
            continue
        iu, iv = iu[sel], iv[sel]
        step = max(1, int(max_cells // len(sel)))
        for r0 in range(0, len(reach.chunk), step):
            rows = slice(r0, r0 + step)
            cu = np.where(iu >= 0, reach.cost[rows][:, np.maximum(iu, 0)], np.inf)
            cv = np.where(iv >= 0, reach.cost[rows][:, np.maximum(iv, 0)], np.inf)
            c, via_v = edge_reach_cost_from_ends(net, cu, cv, e[sel], x[sel])
            c = c + access_cost[sel]
            r, k = np.nonzero(c <= limit)
            out[0].append(di[sel[k]])
            out[1].append(reach.chunk[rows][r])
            out[2].append(c[r, k])
            if with_distance:
                lu = reach.length[rows][r, np.maximum(iu[k], 0)]
                lv = reach.length[rows][r, np.maximum(iv[k], 0)]
                ek, xk = e[sel[k]], x[sel[k]]
                v_end = via_v[r, k]
                along = np.where(v_end, net.edge_len[ek] - xk, xk)
                out[3].append(np.where(v_end, lv, lu) + along + att.access[di[sel[k]]])
    if not out[0]:
        empty = (np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0))
        return empty + ((np.zeros(0),) if with_distance else ())
    result = tuple(np.concatenate(part) for part in out[:3])
    return result + ((np.concatenate(out[3]),) if with_distance else ())


def straight_line_assignment(fac_xy, demand_xy, limit, owner=None):
    """Nearest facility by straight-line distance (the fallback without a network).

    ``owner``: the facility of each point of ``fac_xy`` when facilities have several points (a multipoint
    facility); default: point i is facility i.
    """
    tree = cKDTree(fac_xy)
    d, j = tree.query(demand_xy)
    j = j.astype(np.int64) if owner is None else np.asarray(owner, np.int64)[j]
    return Assignment(j, d, d, np.zeros(len(d)), d <= limit)


def straight_line_pairs(fac_xy, demand_xy, limit, owner=None):
    """All (demand, facility, distance) pairs within ``limit``; with ``owner`` (see straight_line_assignment) a
    facility with several points within reach appears once, at the distance of its nearest point."""
    tree_f, tree_d = cKDTree(fac_xy), cKDTree(demand_xy)
    sdm = tree_d.sparse_distance_matrix(tree_f, limit, output_type='coo_matrix')
    # sparse_distance_matrix drops exact zeros: add pairs at distance 0 explicitly
    zero_d, zero_f = [], []
    d0, j0 = tree_f.query(demand_xy)
    at0 = np.flatnonzero(d0 == 0)
    zero_d.extend(at0)
    zero_f.extend(j0[at0])
    d = np.concatenate([sdm.row, np.asarray(zero_d, np.int64)]).astype(np.int64)
    f = np.concatenate([sdm.col, np.asarray(zero_f, np.int64)]).astype(np.int64)
    c = np.concatenate([sdm.data, np.zeros(len(zero_d))])
    if owner is not None:
        f = np.asarray(owner, np.int64)[f]
    n_f = int(f.max()) + 1 if len(f) else 1
    order = np.lexsort((c, d * n_f + f))  # by pair, nearest first: the first of each pair is its distance
    d, f, c = d[order], f[order], c[order]
    key, first = np.unique(d * n_f + f, return_index=True)
    return d[first], f[first], c[first]


# ---------------------------------------------------------------------------------------------
# Loads, capacity and 2SFCA
# ---------------------------------------------------------------------------------------------

@dataclass
class Loads:
    population: np.ndarray   # (F,) population assigned (nearest facility, covered only)
    capacity: np.ndarray     # (F,) capacity (nan when unknown)
    load_ratio: np.ndarray   # (F,) population / capacity (nan when capacity unknown or 0 with 0 load)
    overloaded: np.ndarray   # (F,) bool


def facility_loads(assignment, population, capacity, n_facilities):
    take = assignment.covered & (assignment.facility >= 0)
    pop = np.bincount(assignment.facility[take], weights=np.asarray(population, float)[take],
                      minlength=n_facilities)
    cap = np.full(n_facilities, np.nan) if capacity is None else np.asarray(capacity, float)
    with np.errstate(divide='ignore', invalid='ignore'):
        ratio = np.where(cap > 0, pop / cap, np.where(pop > 0, np.inf, np.nan))
    ratio = np.where(np.isnan(cap), np.nan, ratio)
    return Loads(pop, cap, ratio, np.nan_to_num(ratio, nan=0.0) > 1.0)


@dataclass
class TwoStepFCA:
    ratio: np.ndarray        # (F,) R_j = S_j / sum of P_k within reach of j
    demand_in_reach: np.ndarray  # (F,) sum of P_k within reach of j
    accessibility: np.ndarray    # (p,) A_i = sum of R_j within reach of i


def two_step_fca(pairs_demand, pairs_facility, population, capacity, n_facilities):
    """Two-step floating catchment (Luo & Wang 2003) over the reachable (demand, facility) pairs."""
    population = np.asarray(population, float)
    capacity = np.nan_to_num(np.asarray(capacity, float), nan=0.0)
    reach = np.bincount(pairs_facility, weights=population[pairs_demand], minlength=n_facilities)
    with np.errstate(divide='ignore', invalid='ignore'):
        ratio = np.where(reach > 0, capacity / reach, 0.0)
    acc = np.bincount(pairs_demand, weights=ratio[pairs_facility], minlength=len(population))
    return TwoStepFCA(ratio, reach, acc)


# ---------------------------------------------------------------------------------------------
# Summaries
# ---------------------------------------------------------------------------------------------

@dataclass
class SummaryRow:
    name: str
    population: float
    covered: float
    uncovered: float
    share_covered: float
    units: int
    units_unreachable: int


def summarise(population, covered, reachable, groups=None, group_names=None, total_name='total'):
    """Population covered per group (and in total). groups: (p,) group index, -1 for none."""
    population = np.asarray(population, float)
    covered = np.asarray(covered, bool)
    rows = [_row(total_name, population, covered, reachable)]
    if groups is not None:
        groups = np.asarray(groups)
        for g, name in enumerate(group_names):
            m = groups == g
            rows.append(_row(name, population[m], covered[m], np.asarray(reachable)[m]))
        m = groups < 0
        if m.any():
            rows.append(_row(None, population[m], covered[m], np.asarray(reachable)[m]))
    return rows


def _row(name, pop, cov, reach):
    total = float(pop.sum())
    c = float(pop[cov].sum())
    return SummaryRow(name, total, c, total - c, c / total if total > 0 else float('nan'), int(len(pop)),
                      int((~np.asarray(reach, bool)).sum()))


def coverage_matrix(pairs_demand, pairs_facility, n_demand, n_facilities):
    """Boolean sparse (facility x demand) matrix of the reachable pairs."""
    m = coo_matrix((np.ones(len(pairs_demand), bool), (pairs_facility, pairs_demand)),
                   shape=(n_facilities, n_demand)).tocsr()
    m.sum_duplicates()
    return m
