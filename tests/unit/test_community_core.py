"""The community core against independent computations: evacuation, dispatch, resilience index, road bridges.

- Evacuation on real Helsinki data (OSM roads, HSY population grid, real building footprints as shelters):
  the plan's total person-distance equals the optimum of an independent linear programme (a two-phase
  formulation: most people placed first, then least person-distance) built on distances from a textbook
  heapq Dijkstra per shelter; nobody is over capacity; everyone reachable is placed when the capacities allow
  it; routes are as long as their distances.
- Dispatch against brute force over every subset of forces.
- The resilience index against a hand calculation; its sensitivity against direct recomputation.
- Road bridges against removing each edge and counting the parts.
"""
import numpy as np
import pytest
from scipy.optimize import linprog
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components
from shapely import wkb as shapely_wkb
from shapely.geometry import LineString, Point

from resilience_plugin.core.coverage import attach_facilities, demand_attachment, reach_pairs
from resilience_plugin.core.dispatch import (brute_force_earliest, dispatch_forces, force_coverage, is_available,
                                             weighted_mean)
from resilience_plugin.core.evacuation import (NO_CAPACITY, PLACED, UNKNOWN_CAPACITY, UNREACHABLE,
                                               plan_evacuation, plan_routes)
from resilience_plugin.core.network import bridge_edges, build_network
from resilience_plugin.core.resilience_index import rank_scores, resilience_index, sensitivity
from resilience_plugin.core.routes import polyline_length

from .conftest import UNIT_DATA
from .gpkg import read_layer
from .test_coverage_core import textbook_dijkstra

LIMIT_M = 1500.0   # fixed medium-term shelter: 1.5 km along the roads


@pytest.fixture(scope='module')
def helsinki(helsinki_lines, helsinki_population_grid):
    """Roads, population cells (centres in EPSG:3067) and the 15 largest buildings as shelters."""
    import rasterio.warp  # the test's own reprojection of the grid (the plugin reprojects through QGIS)
    coords, offsets, _ = helsinki_lines
    net = build_network(coords, offsets)
    wkbs, population = helsinki_population_grid
    centres = np.array([shapely_wkb.loads(w).centroid.coords[0] for w in wkbs])
    x, y = rasterio.warp.transform('EPSG:4326', 'EPSG:3067', centres[:, 0], centres[:, 1])
    demand = np.column_stack([x, y])
    epsg, buildings, _ = read_layer(UNIT_DATA / 'helsinki_osm.gpkg', 'buildings')
    assert epsg == 3067
    shapes = []
    for w in buildings:
        try:
            shapes.append(shapely_wkb.loads(w))
        except Exception:  # noqa: BLE001 - one OSM outline of two points is not a polygon: not a shelter
            continue
    largest = sorted(shapes, key=lambda s: -s.area)[:15]
    shelter_xy = np.array([s.representative_point().coords[0] for s in largest])
    area = np.array([s.area for s in largest])
    fnet = attach_facilities(net, shelter_xy, np.arange(len(largest)), len(largest))
    att = demand_attachment(fnet, demand)
    return fnet, att, demand, population, area


def independent_pairs(fnet, att, limit):
    """(unit, shelter, distance) within ``limit`` from one textbook Dijkstra per shelter."""
    from resilience_plugin.core.shortest_paths import Sources
    net, s = fnet.net, fnet.sources
    out = []
    for j in range(fnet.n_facilities):
        mine = s.facility == j
        dist, _ = textbook_dijkstra(net, Sources(s.facility[mine], s.node[mine], s.cost[mine], s.length[mine]))
        for i in range(len(att.edge)):
            e = att.edge[i]
            if e < 0:
                continue
            L = net.edge_m1[e] - net.edge_m0[e]
            d = min(dist[net.edge_u[e]] + att.offset[i], dist[net.edge_v[e]] + L - att.offset[i]) + att.access[i]
            if d <= limit:
                out.append((i, j, d))
    return np.array(out, float).reshape(-1, 3)


def independent_optimum(pairs, population, capacity):
    """Two-phase LP: the most people placed, then the least person-distance for that many."""
    d, f, c = pairs[:, 0].astype(int), pairs[:, 1].astype(int), pairs[:, 2]
    n = len(c)
    rows_d = coo_matrix((np.ones(n), (d, np.arange(n))), shape=(len(population), n))
    rows_f = coo_matrix((np.ones(n), (f, np.arange(n))), shape=(len(capacity), n))
    from scipy.sparse import vstack
    a_ub = vstack([rows_d, rows_f]).tocsr()
    b_ub = np.concatenate([population, capacity])
    most = linprog(-np.ones(n), A_ub=a_ub, b_ub=b_ub, bounds=(0, None), method='highs-ipm')
    assert most.status == 0
    placed = -most.fun
    least = linprog(c, A_ub=vstack([a_ub, coo_matrix(-np.ones((1, n)))]).tocsr(),
                    b_ub=np.concatenate([b_ub, [-(placed - 1e-7)]]), bounds=(0, None), method='highs-ipm')
    assert least.status == 0
    return placed, least.fun


@pytest.mark.parametrize("per_person_m2", [0.5, 60.0])
def test_evacuation_equals_an_independent_lp_optimum(helsinki, per_person_m2):
    fnet, att, demand, population, area = helsinki
    capacity = np.floor(area / per_person_m2)
    capacity[4] = np.nan   # a shelter whose capacity nobody recorded takes nobody
    d, f, cost, distance = reach_pairs(fnet, att, LIMIT_M, with_distance=True)
    assert np.allclose(cost, distance)   # distances: the cost is the distance, access legs included
    plan = plan_evacuation(d, f, cost, distance, population, capacity)

    pairs = independent_pairs(fnet, att, LIMIT_M)
    assert len(pairs) == len(d) > 100
    key = lambda a, b: np.lexsort((b, a))   # noqa: E731
    mine, theirs = key(d, f), key(pairs[:, 0], pairs[:, 1])
    assert np.array_equal(d[mine], pairs[theirs, 0]) and np.array_equal(f[mine], pairs[theirs, 1])
    assert np.abs(distance[mine] - pairs[theirs, 2]).max() < 1e-6
    known = np.isfinite(capacity[pairs[:, 1].astype(int)])
    placed, optimum = independent_optimum(pairs[known], population, np.nan_to_num(capacity, nan=0.0))
    assert plan.placed == pytest.approx(placed, rel=1e-7)
    assert plan.person_distance_m == pytest.approx(optimum, rel=1e-6)
    assert plan.person_cost == pytest.approx(plan.person_distance_m, rel=1e-9)

    # nobody over capacity, every person placed or counted unplaced with a reason
    assert np.all(plan.load <= np.nan_to_num(capacity, nan=0.0) + 1e-6)
    assert plan.load[4] == 0
    per_unit = np.bincount(plan.demand, weights=plan.people, minlength=len(population))
    assert np.allclose(per_unit + plan.unplaced, population)
    reachable = np.zeros(len(population), bool)
    reachable[pairs[known, 0].astype(int)] = True
    assert np.all(plan.reason[~reachable & (population > 0)] != PLACED)
    assert set(plan.reason[(population > 0) & ~np.isin(np.arange(len(population)), pairs[:, 0])]) <= {UNREACHABLE}
    only_unknown = np.isin(np.arange(len(population)), pairs[:, 0]) & ~reachable & (population > 0)
    assert np.all(plan.reason[only_unknown] == UNKNOWN_CAPACITY)
    if per_person_m2 == 0.5:
        # capacity suffices (the LP above placed everyone in reach): everyone reachable is placed
        assert placed == pytest.approx(population[reachable].sum())
        assert plan.unplaced[reachable].sum() == 0
    else:
        assert plan.unplaced_by(NO_CAPACITY) > 0
        assert plan.unplaced_by(NO_CAPACITY) == pytest.approx(population[reachable].sum() - placed, rel=1e-7)
    # the nearest-shelter assignment: every reachable unit at its cheapest pair, capacity ignored
    nearest = plan.nearest
    for i in np.flatnonzero(reachable):
        mask = (pairs[:, 0] == i) & known
        assert nearest.distance_m[i] == pytest.approx(pairs[mask, 2].min(), abs=1e-6)
    assert nearest.person_distance_m == pytest.approx((population * np.where(reachable, nearest.distance_m, 0)).sum())
    assert nearest.people == pytest.approx(population[reachable].sum())
    if plan.placed == pytest.approx(nearest.people):
        # everyone placed: the nearest shelters are a lower bound, reached only when no shelter overflows
        assert plan.person_distance_m >= nearest.person_distance_m - 1e-6
        assert (plan.person_distance_m > nearest.person_distance_m + 1e-6) == (nearest.overloaded > 0)


def test_evacuation_routes_follow_the_roads(helsinki):
    fnet, att, demand, population, area = helsinki
    capacity = np.floor(area / 2.0)
    d, f, cost, distance = reach_pairs(fnet, att, LIMIT_M, with_distance=True)
    plan = plan_evacuation(d, f, cost, distance, population, capacity)
    drawn = plan_routes(fnet, att, demand, plan, LIMIT_M)
    assert len(drawn.routes) == len(plan.people) > 20
    for k, route in enumerate(drawn.routes):
        # as long as its distance (plus straight joins across snapped gaps: none on this network)
        assert polyline_length(route.xy) == pytest.approx(plan.distance_m[k] + route.joins_m, abs=1e-6)
        assert tuple(route.xy[0]) == tuple(demand[plan.demand[k]])
    # the most loaded road: the people of every route that runs along its middle
    base = fnet.base
    e = int(np.argmax(drawn.edge_load))
    line = LineString(base.coords[base.offsets[base.edge_line[e]]:base.offsets[base.edge_line[e] + 1]])
    middle = Point(line.interpolate(base.edge_m0[e] + base.edge_len[e] / 2.0).coords[0])
    through = sum(plan.people[k] for k, route in enumerate(drawn.routes)
                  if LineString(route.xy).distance(middle) < 1e-6)
    assert drawn.edge_load[e] == pytest.approx(through)
    assert drawn.edge_load.max() <= plan.placed + 1e-6


def test_dispatch_against_brute_force(helsinki_lines):
    coords, offsets, _ = helsinki_lines
    rng = np.random.default_rng(11)
    net = build_network(coords, offsets, speed_kmh=rng.uniform(15, 50, len(offsets) - 1), time_cost=True)
    n_forces, n_incidents = 9, 4
    forces_xy = net.node_xy[rng.integers(0, net.n_nodes, n_forces)] + rng.normal(0, 20, (n_forces, 2))
    turnout = rng.choice([1.0, 2.0, 5.0, 30.0], n_forces)
    fnet = attach_facilities(net, forces_xy, np.arange(n_forces), n_forces, delay=turnout)
    incidents = net.node_xy[rng.integers(0, net.n_nodes, n_incidents)]
    att = demand_attachment(fnet, incidents)
    limit = 40.0
    pi, pf, arrival = reach_pairs(fnet, att, limit)
    personnel = rng.integers(2, 12, n_forces).astype(float)
    required = np.array([13.0, 20.0, 6.0, 200.0])
    result = dispatch_forces(pi, pf, arrival, personnel, required)
    left = np.ones(n_forces, bool)
    for i in range(n_incidents):
        times = np.full(n_forces, np.inf)
        mine = pi == i
        times[pf[mine]] = arrival[mine]
        times[~left] = np.inf
        best = brute_force_earliest(times, np.where(np.isfinite(times), personnel, 0.0), required[i])
        sent = result.force[result.incident == i]
        if np.isnan(best):
            assert not result.met[i]
            # every force still in reach went, and it was not enough
            assert set(sent) == set(np.flatnonzero(np.isfinite(times)))
            assert result.sent[i] < required[i]
        else:
            assert result.met[i] and result.time_met[i] == pytest.approx(best)
            assert personnel[sent].sum() >= required[i]
            assert result.arrival[result.incident == i].max() == pytest.approx(best)
        left[sent] = False
    assert len(set(result.force)) == len(result.force)   # a force goes to one incident only


def test_force_coverage_and_availability():
    pairs_unit = np.array([0, 0, 1, 2])
    pairs_force = np.array([0, 1, 1, 2])
    arrival = np.array([3.0, 5.0, 4.0, 9.0])
    cover = force_coverage(pairs_unit, pairs_force, arrival, np.array([4.0, 6.0, 10.0]), 4)
    assert list(cover.first_arrival[:3]) == [3.0, 4.0, 9.0] and np.isinf(cover.first_arrival[3])
    assert list(cover.forces) == [2, 1, 1, 0] and list(cover.personnel) == [10.0, 6.0, 10.0, 0.0]
    means = weighted_mean(np.array([1.0, 3.0, 5.0, np.nan]), np.array([1.0, 3.0, 2.0, 1.0]), np.array([0, 0, 1, 1]), 3)
    assert means[0] == pytest.approx(2.5) and means[1] == 5.0 and np.isnan(means[2])
    status = ['ready', 'deployed', None, 'Ready', 'ready', 'ready']
    start = np.array([8, 8, np.nan, 20, 22, 10], float)
    end = np.array([18, 18, np.nan, 6, 2, 10], float)
    assert list(is_available(status, start, end, 9.0, ('ready',))) == [True, False, True, False, False, True]
    assert list(is_available(status, start, end, 23.0, ('ready',))) == [False, False, True, True, True, True]
    assert list(is_available(status, start, end, None, ('ready',))) == [True, False, True, True, True, True]


def hand_index(values, better, dims, weights, dim_weights):
    """The index written out with loops, as one would compute it by hand."""
    c, k = len(values), len(values[0])
    scaled = [[None] * k for _ in range(c)]
    for j in range(k):
        column = [values[i][j] for i in range(c) if values[i][j] is not None]
        low, high = min(column), max(column)
        for i in range(c):
            if values[i][j] is not None and high > low:
                z = (values[i][j] - low) / (high - low)
                scaled[i][j] = z if better[j] else 1 - z
    index = []
    for i in range(c):
        total = weight_sum = 0.0
        for d, dim_weight in enumerate(dim_weights):
            num = den = 0.0
            for j in range(k):
                if dims[j] == d and scaled[i][j] is not None:
                    num += weights[j] * scaled[i][j]
                    den += weights[j]
            if den > 0:
                total += dim_weight * num / den
                weight_sum += dim_weight
        index.append(total / weight_sum)
    return index


def test_index_against_a_hand_calculation():
    # three communities, four indicators in two dimensions (infrastructure: places per resident, share covered;
    # social: share elderly (worse when higher), volunteers); C lacks the volunteers value
    values = [[0.8, 0.9, 0.20, 12.0],
              [0.4, 0.6, 0.10, 4.0],
              [1.2, 0.3, 0.30, None]]
    better = [True, True, False, True]
    dims, weights, dim_weights = [0, 0, 1, 1], [1.0, 2.0, 1.0, 1.0], [2.0, 1.0]
    # by hand: A infrastructure (1*0.5 + 2*1)/3 = 0.8333, social (0.5 + 1)/2 = 0.75, index (2*0.8333+0.75)/3
    result = resilience_index(np.array(values, dtype=float), better, dims, weights, dim_weights)
    assert result.dimension_scores[0, 0] == pytest.approx((0.5 + 2.0) / 3.0)
    assert result.dimension_scores[0, 1] == pytest.approx(0.75)
    assert result.index[0] == pytest.approx((2 * 2.5 / 3 + 0.75) / 3)
    # C: social from the elderly share alone (its weight takes the whole dimension): 1 - 1 = 0
    assert result.dimension_scores[2, 1] == pytest.approx(0.0) and result.missing[2] == 1
    assert np.allclose(result.index, hand_index(values, better, dims, weights, dim_weights))
    assert list(result.rank) == list(rank_scores(result.index)) == [1.0, 2.0, 3.0]
    # an indicator equal everywhere says nothing and is left out
    flat = np.column_stack([np.array(values, dtype=float), np.full(3, 7.0)])
    again = resilience_index(flat, better + [True], dims + [1], weights + [5.0], dim_weights)
    assert not again.used[-1] and np.allclose(again.index, result.index)


def test_sensitivity_against_recomputation():
    rng = np.random.default_rng(4)
    scores = rng.uniform(0, 1, (12, 5))
    scores[0] = 0.99   # best in every dimension: always first
    weights = np.array([1.0, 1.0, 2.0, 1.0, 0.5])
    result = sensitivity(scores, weights, spread=0.5, draws=300, seed=3)
    assert result.rank_min[0] == result.rank_max[0] == 1 and result.stability[0] == 1.0
    base = rank_scores((scores * weights).sum(1) / weights.sum())
    factors = np.random.default_rng(3).uniform(0.5, 1.5, (300, 5))
    ranks = np.array([rank_scores((scores * weights * f).sum(1) / (weights * f).sum()) for f in factors])
    assert np.array_equal(result.rank_min, ranks.min(0)) and np.array_equal(result.rank_max, ranks.max(0))
    assert np.allclose(result.stability, (ranks == base).mean(0))
    one = np.zeros(12)
    for d in range(5):
        for factor in (0.5, 1.5):
            w = weights.copy()
            w[d] *= factor
            one = np.maximum(one, np.abs(rank_scores((scores * w).sum(1) / w.sum()) - base))
    assert np.array_equal(result.one_at_a_time, one)
    assert -1 <= result.spearman <= 1


def test_bridges_against_removing_each_edge(helsinki_lines):
    coords, offsets, _ = helsinki_lines
    net = build_network(coords, offsets)
    bridges = bridge_edges(net)
    assert 0 < bridges.sum() < net.n_edges

    def parts(keep):
        e = np.flatnonzero(keep)
        graph = coo_matrix((np.ones(len(e)), (net.edge_u[e], net.edge_v[e])), shape=(net.n_nodes, net.n_nodes))
        return connected_components(graph, directed=False)[0]

    everything = parts(np.ones(net.n_edges, bool))
    for e in np.random.default_rng(0).choice(net.n_edges, 300, replace=False):
        keep = np.ones(net.n_edges, bool)
        keep[e] = False
        assert bridges[e] == (parts(keep) > everything and net.edge_u[e] != net.edge_v[e])


def test_nothing_in_reach(helsinki):
    """No pair within the limit: everyone unplaced as unreachable, no flow, no route (no search at all)."""
    fnet, att, demand, population, area = helsinki
    empty = np.zeros(0, np.int64)
    plan = plan_evacuation(empty, empty, np.zeros(0), np.zeros(0), population, np.floor(area))
    assert plan.placed == 0 and len(plan.people) == 0
    assert np.all(plan.reason[population > 0] == UNREACHABLE)
    assert plan.unplaced_by(UNREACHABLE) == pytest.approx(population.sum())
    drawn = plan_routes(fnet, att, demand, plan, LIMIT_M)
    assert drawn.routes == [] and drawn.edge_load.sum() == 0
    result = dispatch_forces(empty, empty, np.zeros(0), np.array([5.0]), np.array([10.0]))
    assert not result.met[0] and result.shortfall[0] == 10 and len(result.force) == 0
