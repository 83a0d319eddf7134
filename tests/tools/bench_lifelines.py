"""Benchmark of the lifeline N-1 scan (part of `make bench`): a generated water network of about 100,000 pipe
segments (a 224 x 224 street grid, one pipe per block side, 100 m) with 20,000 valves: one on every pipe crossing
the boundary of a district of 5 x 5 blocks (2 m from the junction; 19,712 valves, 2,025 districts), the rest on random
pipe ends (fixed seed); four pump stations at the corners and 50,000 population points. Run in a fresh process so its
peak memory (ru_maxrss) is its own.

    .venv/bin/python tests/tools/bench_lifelines.py          (prints the markdown table)
"""
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
SIDE = 224
STEP_M = 100.0
VALVES = 20000
UNITS = 50000
SEED = 12
DISTRICT = 5
NAIVE_SAMPLE = 200


def generated_network():
    """(coords, offsets) of one two-point line per grid edge, valve points, source points, population points."""
    n = SIDE
    xs = np.arange(n) * STEP_M
    gx, gy = np.meshgrid(xs, xs)
    h = np.column_stack([gx[:, :-1].ravel(), gy[:, :-1].ravel(), gx[:, 1:].ravel(), gy[:, 1:].ravel()])
    v = np.column_stack([gx[:-1, :].ravel(), gy[:-1, :].ravel(), gx[1:, :].ravel(), gy[1:, :].ravel()])
    ends = np.vstack([h, v])
    coords = ends.reshape(-1, 2)
    offsets = np.arange(0, 2 * len(ends) + 1, 2)
    rng = np.random.default_rng(SEED)
    # pipes crossing a district boundary (between block DISTRICT k and k + 1): a valve at their first end
    along_x = ends[:, 1] == ends[:, 3]
    low = np.where(along_x, np.minimum(ends[:, 0], ends[:, 2]), np.minimum(ends[:, 1], ends[:, 3])) / STEP_M
    boundary = np.flatnonzero((np.round(low) % DISTRICT) == DISTRICT - 1)
    rest = rng.choice(np.setdiff1d(np.arange(2 * len(ends)), 2 * boundary), VALVES - len(boundary), replace=False)
    pick = np.concatenate([2 * boundary, rest])
    line, at_end = pick // 2, pick % 2
    a, b = ends[line, :2], ends[line, 2:]
    start, direction = np.where(at_end[:, None] == 0, a, b), np.where(at_end[:, None] == 0, b - a, a - b)
    valves = start + direction / STEP_M * 2.0
    top = (n - 1) * STEP_M
    sources = np.array([[0.0, 0.0], [top, 0.0], [0.0, top], [top, top]])
    units = rng.uniform(0, top, (UNITS, 2))
    return coords, offsets, valves, sources, units


def run_case():
    from resilience_plugin.core.lifeline_chain import Assets, NetworkPart, System, criticality, units_on_network
    from resilience_plugin.core.lifelines import ROLE_DEVICE, ROLE_SOURCE, build_lifeline_network
    t = {}
    coords, offsets, valves, sources, units = generated_network()
    t0 = time.perf_counter()
    nodes = np.vstack([valves, sources])
    roles = np.r_[np.full(len(valves), ROLE_DEVICE), np.full(len(sources), ROLE_SOURCE)]
    lnet = build_lifeline_network('water_supply', coords, offsets, nodes, roles)
    t['build'] = time.perf_counter() - t0
    t0 = time.perf_counter()
    unit_segment = units_on_network(lnet, units, 300.0)
    t['population'] = time.perf_counter() - t0
    n_lines = len(offsets) - 1
    count = n_lines + len(nodes)
    assets = Assets(np.array(['a{}'.format(i) for i in range(count)], object),
                    np.array(['lifelines'] * n_lines + ['lifeline_nodes'] * len(nodes), object),
                    np.array(['pipe'] * n_lines + ['valve'] * len(valves) + ['pump_station'] * len(sources), object),
                    np.full(count, 'water_supply', object), np.full(count, '', object))
    part = NetworkPart(lnet, np.arange(n_lines), n_lines + np.arange(len(nodes)), unit_segment)
    system = System(assets, {'water_supply': part}, population=np.ones(UNITS))
    t['system'] = time.perf_counter() - t0 - t['population']
    t0 = time.perf_counter()
    (scan,) = criticality(system)
    t['n_minus_one'] = time.perf_counter() - t0
    # the same question asked one segment at a time with connected components (no DFS), on a sample
    from scipy.sparse.csgraph import connected_components
    rng = np.random.default_rng(SEED)
    sample = rng.choice(scan.segment, NAIVE_SAMPLE, replace=False)
    graph = lnet.graph.tocoo()
    t0 = time.perf_counter()
    for seg in sample.tolist():
        keep = (graph.row != seg) & (graph.col != seg)
        from scipy.sparse import coo_matrix
        g = coo_matrix((graph.data[keep], (graph.row[keep], graph.col[keep])), shape=graph.shape)
        connected_components(g, directed=False)
    naive = (time.perf_counter() - t0) / NAIVE_SAMPLE * len(scan.segment)
    return dict(times=t, pipes=int(n_lines), valves=int(lnet.n_devices), segments=int(len(scan.segment)),
                largest_m=float(scan.length_m.max()), critical_people=float(scan.population_any.max()),
                naive_estimate=naive, maxrss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0)


def run():
    env = dict(os.environ, QT_QPA_PLATFORM='offscreen')
    out = subprocess.run([sys.executable, __file__, '--case'], capture_output=True, text=True, env=env)
    for line in out.stdout.splitlines():
        if line.startswith('RESULT '):
            return json.loads(line[7:])
    raise RuntimeError(out.stderr[-3000:])


def markdown(result):
    t = result['times']
    total = sum(t.values())
    return '\n'.join([
        '| pipes | valves | isolation segments | build (s) | population (s) | system (s) | N-1 scan (s) | total (s) '
        '| peak MB | one search per segment (est. s) |',
        '|---|---|---|---|---|---|---|---|---|---|',
        '| {pipes:,} | {valves:,} | {segments:,} | {b:.2f} | {p:.2f} | {s:.2f} | {n:.2f} | {total:.2f} | {m:.0f} | '
        '{naive:.0f} |'.format(b=t['build'], p=t['population'], s=t['system'], n=t['n_minus_one'], total=total,
                               m=result['maxrss_mb'], naive=result['naive_estimate'], **result)])


if __name__ == '__main__':
    if len(sys.argv) > 1 and sys.argv[1] == '--case':
        print('RESULT ' + json.dumps(run_case()))
    else:
        result = run()
        print(json.dumps(result, indent=1))
        print(markdown(result))
