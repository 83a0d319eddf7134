"""Evacuation plan: people to shelters within the limit, no shelter over capacity, least total person-distance.

Pure numpy/scipy. The reachable (demand unit, shelter) pairs come from the coverage engine's bounded searches
(:func:`coverage.reach_pairs` with distances: access leg + network + the shelter's access leg); this module
solves the transportation problem on them exactly with HiGHS linear programming (``scipy.optimize.linprog``):

    minimise    sum_k cost_k x_k  +  M sum_i u_i
    subject to  sum_{k of unit i} x_k + u_i = population_i      (every person is placed or counted unplaced)
                sum_{k of shelter j} x_k   <= capacity_j         (no shelter over capacity)
                x, u >= 0

``u_i`` are the people of unit ``i`` left unplaced. With costs scaled to at most 1 and ``M`` larger than the
number of shelters, placing one more person always pays (an augmenting path passes each shelter at most once,
so it costs at most one scaled unit per shelter): the optimum places as many people as the capacities within
reach allow, and among those plans it has the least total person-cost. A unit may be split between shelters.
The solution is compared with the nearest-shelter assignment that ignores capacity. Routes of the plan follow
the shelters' shortest-path trees (:func:`routes.tree_routes`), so every route is as long as its distance.
"""
import time
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import csr_matrix, hstack, identity

from .routes import tree_routes

# Why people of a demand unit are (not) placed.
PLACED = 0
NO_CAPACITY = 1        # shelters are within reach, but they are full
UNREACHABLE = 2        # no shelter within the limit
UNKNOWN_CAPACITY = 3   # only shelters whose capacity is unknown are within reach
REASON_CODES = {PLACED: 'placed', NO_CAPACITY: 'no_capacity_left', UNREACHABLE: 'unreachable',
                UNKNOWN_CAPACITY: 'unknown_capacity'}


class EvacuationError(ValueError):
    """The linear programme could not be solved."""


@dataclass
class NearestComparison:
    """Everyone within reach sent to the nearest shelter, capacity ignored (what the optimum is compared with)."""
    shelter: np.ndarray          # (p,) nearest shelter of every unit (-1: none with a known capacity in reach)
    cost: np.ndarray             # (p,) its cost
    distance_m: np.ndarray       # (p,) its distance
    load: np.ndarray             # (F,) people sent to every shelter
    people: float                # people sent (everyone within reach of a shelter with a known capacity)
    person_cost: float           # sum of people x cost
    person_distance_m: float     # sum of people x distance
    overloaded: int              # shelters over capacity
    people_over_capacity: float  # sum over shelters of people above capacity


@dataclass
class EvacuationPlan:
    demand: np.ndarray           # (k,) demand unit of every flow
    shelter: np.ndarray          # (k,) shelter of every flow
    people: np.ndarray           # (k,) people of every flow
    cost: np.ndarray             # (k,) cost of the flow's way (metres, or minutes with travel times)
    distance_m: np.ndarray       # (k,) its distance: access leg + network + the shelter's access leg
    unplaced: np.ndarray         # (p,) people of every unit left unplaced
    reason: np.ndarray           # (p,) why: REASON_CODES (PLACED when nobody of the unit is left)
    load: np.ndarray             # (F,) people placed in every shelter
    population: float            # people in all demand units
    placed: float
    person_cost: float           # sum of people x cost (the optimum)
    person_distance_m: float     # sum of people x distance
    nearest: NearestComparison
    seconds: float               # time of the linear programme
    variables: int
    constraints: int

    def unplaced_by(self, reason):
        return float(self.unplaced[self.reason == reason].sum())


def nearest_comparison(pairs_demand, pairs_shelter, cost, distance, population, capacity):
    """Every unit to its cheapest shelter among ``pairs`` (capacity ignored): loads and person-distance."""
    p, n_f = len(population), len(capacity)
    shelter = np.full(p, -1, np.int64)
    best_cost = np.full(p, np.inf)
    best_dist = np.full(p, np.inf)
    if len(pairs_demand):
        order = np.lexsort((pairs_shelter, cost, pairs_demand))   # per unit the cheapest first, ties: lowest index
        first = order[np.r_[True, pairs_demand[order][1:] != pairs_demand[order][:-1]]]
        d = pairs_demand[first]
        shelter[d], best_cost[d], best_dist[d] = pairs_shelter[first], cost[first], distance[first]
    sent = shelter >= 0
    load = np.bincount(shelter[sent], weights=population[sent], minlength=n_f).astype(float)
    over = np.maximum(load - np.nan_to_num(capacity, nan=np.inf), 0.0)
    return NearestComparison(shelter, best_cost, best_dist, load, float(population[sent].sum()),
                             float((population[sent] * best_cost[sent]).sum()),
                             float((population[sent] * best_dist[sent]).sum()), int((over > 1e-9).sum()),
                             float(over.sum()))


def plan_evacuation(pairs_demand, pairs_shelter, cost, distance, population, capacity):
    """The capacity-respecting assignment of least total person-cost (see the module's docstring).

    pairs_*: the reachable (demand unit, shelter) pairs with their cost and distance (``reach_pairs``);
    population: (p,) people per unit; capacity: (F,) places per shelter, nan when unknown (such shelters
    take nobody; units that reach only them get UNKNOWN_CAPACITY).
    """
    pairs_demand = np.asarray(pairs_demand, np.int64)
    pairs_shelter = np.asarray(pairs_shelter, np.int64)
    cost = np.asarray(cost, float)
    distance = np.asarray(distance, float)
    population = np.nan_to_num(np.asarray(population, float), nan=0.0)
    capacity = np.asarray(capacity, float)
    p, n_f = len(population), len(capacity)
    if (population < 0).any() or (np.nan_to_num(capacity) < 0).any():
        raise ValueError('population and capacity must not be negative')
    reason = np.full(p, UNREACHABLE, np.int8)
    reason[np.unique(pairs_demand)] = UNKNOWN_CAPACITY
    known = np.isfinite(capacity[pairs_shelter]) if len(pairs_shelter) else np.zeros(0, bool)
    use = known & (population[pairs_demand] > 0)
    pd, ps, pc, pdist = pairs_demand[use], pairs_shelter[use], cost[use], distance[use]
    nearest = nearest_comparison(pairs_demand[known], pairs_shelter[known], cost[known], distance[known],
                                 population, capacity)
    units, unit_of = np.unique(pd, return_inverse=True)
    shelters, shelter_of = np.unique(ps, return_inverse=True)
    unplaced = population.copy()
    flows = np.zeros(len(pd))
    started = time.perf_counter()
    if len(pd):
        scale = max(float(pc.max()), 1e-12)
        penalty = len(shelters) + 2.0
        k, q, m = len(pd), len(units), len(shelters)
        objective = np.concatenate([pc / scale, np.full(q, penalty)])
        every = np.arange(k)
        a_eq = hstack([csr_matrix((np.ones(k), (unit_of, every)), shape=(q, k)), identity(q, format='csr')],
                      format='csr')
        a_ub = hstack([csr_matrix((np.ones(k), (shelter_of, every)), shape=(m, k)), csr_matrix((m, q))], format='csr')
        result = linprog(objective, A_ub=a_ub, b_ub=capacity[shelters], A_eq=a_eq, b_eq=population[units],
                         bounds=(0, None), method='highs')
        if result.status != 0 or result.x is None:
            raise EvacuationError(result.message)
        flows = np.maximum(result.x[:k], 0.0)
        unplaced[units] = np.maximum(result.x[k:], 0.0)
        reason[units] = NO_CAPACITY
    seconds = time.perf_counter() - started
    tolerance = 1e-7 * max(float(population.max()) if p else 1.0, 1.0)
    flows[flows <= tolerance] = 0.0
    unplaced[unplaced <= tolerance] = 0.0
    reason[unplaced <= 0.0] = PLACED
    reason[(population <= 0)] = PLACED
    keep = flows > 0
    load = np.bincount(ps[keep], weights=flows[keep], minlength=n_f).astype(float)
    return EvacuationPlan(pd[keep], ps[keep], flows[keep], pc[keep], pdist[keep], unplaced, reason, load,
                          float(population.sum()), float(flows.sum()), float((flows * pc).sum()),
                          float((flows * pdist).sum()), nearest, seconds, len(pd) + len(units),
                          len(units) + len(shelters))


def plan_routes(fnet, att, demand_xy, plan, limit, check_cancel=None, max_cells=4_000_000):
    """The way of every flow of ``plan`` along its shelter's shortest-path tree and the people on every road
    (:func:`routes.tree_routes`)."""
    return tree_routes(fnet, att, demand_xy, plan.demand, plan.shelter, limit, plan.people, check_cancel, max_cells)
