"""Benchmark: the evacuation plan on the Wuhan street network (about 93k edges), core only.

Demand units at random network nodes (seed 42) with random populations, shelters at other random nodes with
capacities summing to CAPACITY_SHARE of the population; the reachable pairs within the limit come from the
engine's bounded searches (``coverage.reach_pairs``) and the plan from HiGHS (``evacuation.plan_evacuation``),
routes and people per road from the shelters' trees (``evacuation.plan_routes``). Each case runs in a fresh
process, so peak memory is the case's own.

    python tests/tools/bench_evacuation.py            # prints the table
    from tools.bench_evacuation import run; rows = run()
"""
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CASES = ((2000, 100, 1500.0), (10000, 300, 1500.0), (20000, 500, 2500.0))   # demand units, shelters, limit (m)
CAPACITY_SHARE = 0.9
WUHAN = '/work/shared/data/wuhan/wuhan_streets.gpkg'   # as tools/bench_exposure.py; WUHAN_STREETS overrides
SEED = 42


def case(units, shelters, limit):
    import numpy as np
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / 'tests'))
    os.environ.setdefault('WUHAN_STREETS', os.environ.get('RESILIENCE_WUHAN', WUHAN))
    from tools.bench import read_wuhan
    from resilience_plugin.core.coverage import attach_facilities, demand_attachment, reach_pairs
    from resilience_plugin.core.evacuation import plan_evacuation, plan_routes
    from resilience_plugin.core.network import build_network
    row = {'units': units, 'shelters': shelters, 'limit_m': limit}
    t = time.perf_counter()
    coords, offsets = read_wuhan()
    net = build_network(coords, offsets)
    row['network_s'] = round(time.perf_counter() - t, 2)
    rng = np.random.default_rng(SEED)
    nodes = rng.choice(net.n_nodes, units + shelters, replace=False)
    demand_xy = net.node_xy[nodes[:units]] + rng.normal(0.0, 30.0, (units, 2))
    population = rng.poisson(200, units).astype(float)
    shelter_xy = net.node_xy[nodes[units:]]
    weights = rng.lognormal(0.0, 0.8, shelters)
    capacity = np.floor(weights / weights.sum() * CAPACITY_SHARE * population.sum())
    t = time.perf_counter()
    fnet = attach_facilities(net, shelter_xy, np.arange(shelters), shelters)
    att = demand_attachment(fnet, demand_xy)
    pd, pf, cost, dist = reach_pairs(fnet, att, limit, with_distance=True)
    row['pairs'] = int(len(pd))
    row['pairs_s'] = round(time.perf_counter() - t, 2)
    plan = plan_evacuation(pd, pf, cost, dist, population, capacity)
    row['lp_s'] = round(plan.seconds, 2)
    row['variables'] = plan.variables
    t = time.perf_counter()
    drawn = plan_routes(fnet, att, demand_xy, plan, limit)
    row['routes_s'] = round(time.perf_counter() - t, 2)
    row['routes'] = len(drawn.routes)
    row['population'] = int(population.sum())
    row['placed_share'] = round(plan.placed / population.sum(), 4)
    row['optimum_m_per_person'] = round(plan.person_distance_m / max(plan.placed, 1), 1)
    near = plan.nearest
    row['nearest_m_per_person'] = round(near.person_distance_m / max(near.people, 1), 1)
    row['nearest_overloaded'] = near.overloaded
    row['peak_mb'] = int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return row


def run():
    rows = []
    for units, shelters, limit in CASES:
        out = subprocess.run([sys.executable, __file__, '--case', str(units), str(shelters), str(limit)],
                             capture_output=True, text=True, check=True)
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
    return rows


def markdown(rows):
    keys = list(rows[0])
    lines = ['| ' + ' | '.join(keys) + ' |', '|' + '---|' * len(keys)]
    lines += ['| ' + ' | '.join(str(r[k]) for k in keys) + ' |' for r in rows]
    return '\n'.join(lines)


if __name__ == '__main__':
    if len(sys.argv) > 1 and sys.argv[1] == '--case':
        print(json.dumps(case(int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]))))
    else:
        print(markdown(run()))
