"""Benchmark of the coverage engine (`make bench`): prints a table and writes docs/benchmarks.md.

Cases: the Wuhan street network (../shared/data, 92,667 edges) with 10, 100, 1,000 and 10,000
facilities (random network nodes, fixed seed) and a generated grid of about 1M edges. Every case runs in
its own subprocess so its peak memory (ru_maxrss) is its own. Stages: read (OGR Arrow + WKB parsing),
build (network), attach (snap facilities, split edges, graph), paths (one multi-source pass), areas (bounded
per-facility searches for the overlapping areas), outputs (cutting pieces, line geometries and WKB).
The floor is reading the network once plus one bare scipy multi-source dijkstra on the same graph.
QGIS's native:serviceareafromlayer runs one search per start point: it is timed on 10 start points and
scaled linearly (said so in the table).
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
sys.path.insert(0, str(ROOT / 'tests'))
WUHAN = Path(os.environ.get('WUHAN_STREETS', ROOT.parent / 'shared' / 'data' / 'wuhan' / 'wuhan_streets.gpkg'))
LIMIT_M = 1000.0
SEED = 42


def read_wuhan():
    from osgeo import gdal, ogr
    ogr.UseExceptions()
    from resilience_plugin.core.network import parse_wkb_lines
    ds = gdal.OpenEx(str(WUHAN), gdal.OF_VECTOR)
    lyr = ds.GetLayer('streets')
    wkbs = []
    col = lyr.GetGeometryColumn() or 'geom'
    for batch in lyr.GetArrowStreamAsNumPy(['INCLUDE_FID=NO']):
        wkbs.extend(bytes(x) for x in batch[col])
    return parse_wkb_lines(wkbs)[:2]


def grid_lines(nx=708, ny=708, step=100.0):
    """Lines along rows and columns of a grid: shared interior vertices make the junctions (~1M edges)."""
    xs = np.arange(nx) * step
    ys = np.arange(ny) * step
    rows = [np.column_stack([xs, np.full(nx, y)]) for y in ys]
    cols = [np.column_stack([np.full(ny, x), ys]) for x in xs]
    coords = np.vstack(rows + cols)
    offsets = np.concatenate([[0], np.cumsum([nx] * ny + [ny] * nx)])
    return coords, offsets


def run_case(network, n_fac, overlap):
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import dijkstra
    from resilience_plugin.core.coverage import attach_facilities
    from resilience_plugin.core.network import build_network, cut_lines
    from resilience_plugin.core.service_areas import (Pieces, incidence_sides, nearest_pieces,
                                                      overlapping_pieces_sparse, piece_geometries)
    from resilience_plugin.core.shortest_paths import facility_reach, nearest_facility
    t = {}
    t0 = time.perf_counter()
    coords, offsets = read_wuhan() if network == 'wuhan' else grid_lines()
    t['read'] = time.perf_counter() - t0
    t0 = time.perf_counter()
    net = build_network(coords, offsets)
    t['build'] = time.perf_counter() - t0
    rng = np.random.default_rng(SEED)
    fac = net.node_xy[rng.choice(net.n_nodes, n_fac, replace=False)]
    t0 = time.perf_counter()
    fnet = attach_facilities(net, fac, np.arange(n_fac), n_fac)
    t['attach'] = time.perf_counter() - t0
    t0 = time.perf_counter()
    res = nearest_facility(fnet.graph, limit=LIMIT_M, need_length=False)
    pieces = nearest_pieces(fnet.net, res, LIMIT_M)
    t['paths'] = time.perf_counter() - t0
    t0 = time.perf_counter()
    n_overlap = 0
    if overlap:
        inc = incidence_sides(fnet.net)
        local = np.full(fnet.net.n_nodes, -1, np.int64)
        parts = [overlapping_pieces_sparse(fnet.net, reach, LIMIT_M, inc, local)
                 for reach in facility_reach(fnet.graph, limit=LIMIT_M)]
        n_overlap = int(sum(len(p) for p in parts))
        pieces_all = Pieces.concat(parts)
        piece_geometries(fnet.net, pieces_all)  # their geometries
    t['areas'] = time.perf_counter() - t0
    t0 = time.perf_counter()
    xy, off = cut_lines(fnet.net, pieces.line, pieces.m_start, pieces.m_end)
    wkb = [b'\x01\x02\x00\x00\x00' + np.uint32(off[i + 1] - off[i]).tobytes() + xy[off[i]:off[i + 1]].tobytes()
           for i in range(len(off) - 1)]
    t['outputs'] = time.perf_counter() - t0
    # floor: the same graph, one bare multi-source dijkstra from the facilities' nodes
    t0 = time.perf_counter()
    f = net.edge_fwd & (net.edge_u != net.edge_v)
    g = csr_matrix((np.concatenate([net.edge_len[f], net.edge_len[f]]),
                    (np.concatenate([net.edge_u[f], net.edge_v[f]]), np.concatenate([net.edge_v[f], net.edge_u[f]]))),
                   shape=(net.n_nodes, net.n_nodes))
    nodes = np.unique(fnet.index.nearest(fac).edge)
    dijkstra(g, indices=net.edge_u[nodes], min_only=True, limit=LIMIT_M)
    t['floor_dijkstra'] = time.perf_counter() - t0
    return dict(times=t, edges=int(net.n_edges), nodes=int(net.n_nodes), pieces=int(len(pieces)),
                overlap_pieces=n_overlap, covered_km=float(pieces.length.sum() / 1000), n_wkb=len(wkb),
                maxrss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0)


def wuhan_facilities(n_points):
    """Start QGIS and put n_points random Wuhan network nodes (fixed seed) in a memory point layer."""
    from tools.qgis_env import start_qgis
    start_qgis()
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer
    from resilience_plugin.core.network import build_network
    coords, offsets = read_wuhan()
    net = build_network(coords, offsets)
    rng = np.random.default_rng(SEED)
    layer = QgsVectorLayer('Point?crs=EPSG:32650', 'facilities', 'memory')
    feats = []
    for x, y in net.node_xy[rng.choice(net.n_nodes, n_points, replace=False)]:
        f = QgsFeature()
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


def timed_run(algorithm_id, parameters):
    import processing
    t0 = time.perf_counter()
    processing.run(algorithm_id, parameters)
    return dict(seconds=time.perf_counter() - t0, maxrss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0)


def run_native(n_points):
    """QGIS's native:serviceareafromlayer on n_points start points of the Wuhan network."""
    layer = wuhan_facilities(n_points)
    return timed_run('native:serviceareafromlayer', {
        'INPUT': '{}|layername=streets'.format(WUHAN), 'STRATEGY': 0, 'DEFAULT_DIRECTION': 2, 'START_POINTS': layer,
        'TRAVEL_COST2': LIMIT_M, 'OUTPUT_LINES': 'TEMPORARY_OUTPUT'})


def run_processing(n_fac, out_dir):
    """resilience:service_areas end to end through Processing (nearest-facility lines to a GeoPackage)."""
    layer = wuhan_facilities(n_fac)
    return timed_run('resilience:service_areas', {
        'FACILITIES': layer, 'NETWORK': '{}|layername=streets'.format(WUHAN), 'MAX_DISTANCE': LIMIT_M,
        'SNAP_TOLERANCE': 0, 'OUTPUT_NEAREST_LINES': os.path.join(out_dir, 'sa_{}.gpkg'.format(n_fac))})


def subprocess_json(args):
    env = dict(os.environ, QT_QPA_PLATFORM='offscreen')
    out = subprocess.run([sys.executable, __file__] + args, capture_output=True, text=True, env=env)
    for line in out.stdout.splitlines():
        if line.startswith('RESULT '):
            return json.loads(line[7:])
    raise RuntimeError(out.stderr[-3000:])


LIFELINES_TEXT = (
    'The N-1 scan of resilience:lifeline_criticality (core.lifeline_chain.criticality) on a generated water network '
    'of 99,904 pipes (a 224 x 224 street grid of 100 m blocks) with 20,000 valves (on every pipe crossing the '
    'boundary of a 5 x 5-block district, the rest random; tests/tools/bench_lifelines.py), four pump stations and '
    '50,000 population points, in a fresh process. build: snapping, valves onto the pipes, isolation segments and the '
    'segment-valve graph; population: every point to its nearest pipe within 300 m; N-1 scan: one depth-first '
    'search over the segment graph for what every segment cuts off (length, people). "one search per segment" '
    'times a connected-components call per segment on the same segment graph (200 sampled, scaled).')

EVACUATION_HEADING = '# Evacuation plan on the Wuhan network'
EVACUATION_TEXT = (
    'resilience:evacuation_plan\'s core (tests/tools/bench_evacuation.py), each case in a fresh process: demand units '
    'and shelters at random Wuhan network nodes (seed 42), populations Poisson(200), shelter capacities summing to 90 % '
    'of the population. pairs: the (unit, shelter) pairs within the limit from the bounded searches; lp: the exact '
    'transportation problem (HiGHS); routes: every flow drawn along its shelter\'s tree with the people per road. '
    'optimum / nearest: metres per person placed against everyone sent to the nearest shelter regardless of capacity '
    '(which overloads nearest_overloaded shelters).')


def main():
    if len(sys.argv) > 1 and sys.argv[1] == '--case':
        print('RESULT ' + json.dumps(run_case(sys.argv[2], int(sys.argv[3]), sys.argv[4] == '1')))
        return
    if len(sys.argv) > 1 and sys.argv[1] == '--native':
        print('RESULT ' + json.dumps(run_native(int(sys.argv[2]))))
        return
    if len(sys.argv) > 1 and sys.argv[1] == '--processing':
        print('RESULT ' + json.dumps(run_processing(int(sys.argv[2]), sys.argv[3])))
        return
    import platform
    import tempfile
    rows = []
    cases = []
    if WUHAN.exists():
        cases += [('wuhan', n) for n in (10, 100, 1000, 10000)]
    else:
        print('Wuhan network not found at {}: skipping the Wuhan cases.'.format(WUHAN))
    cases += [('grid', 1000)]
    native = {}
    if WUHAN.exists():
        for n in (10,):
            native[n] = subprocess_json(['--native', str(n)])
            print('native:serviceareafromlayer, {} start points: {:.2f} s'.format(n, native[n]['seconds']))
        per_point = native[10]['seconds'] / 10.0
    e2e = {}
    if WUHAN.exists():
        with tempfile.TemporaryDirectory() as tmp:
            for n in (1000, 10000):
                e2e[n] = subprocess_json(['--processing', str(n), tmp])
                print('processing.run resilience:service_areas, {} facilities: {:.2f} s'.format(n, e2e[n]['seconds']))
    for network, n in cases:
        r = subprocess_json(['--case', network, str(n), '1'])
        t = r['times']
        total = sum(v for k, v in t.items() if k != 'floor_dijkstra')
        nearest_total = total - t['areas']
        floor = t['read'] + t['floor_dijkstra']
        row = dict(network=network, facilities=n, edges=r['edges'], **{k: round(v, 3) for k, v in t.items()},
                   total=round(total, 3), nearest_total=round(nearest_total, 3), floor=round(floor, 3),
                   ratio=round(nearest_total / floor, 2), total_ratio=round(total / floor, 2), maxrss_mb=round(r['maxrss_mb']), pieces=r['pieces'],
                   overlap_pieces=r['overlap_pieces'])
        if network == 'wuhan':
            row['native_est'] = round(per_point * n, 1)
            row['speedup'] = round(per_point * n / total, 1)
            if n in e2e:
                row['e2e_processing'] = round(e2e[n]['seconds'], 2)
        rows.append(row)
        print(row)
    lines = ['# Coverage engine benchmarks', '',
             'Generated by `make bench` (tests/tools/bench.py) on {} ({} cores), Python {}. Limit {:.0f} m, '
             'facilities at random network nodes (seed {}).'.format(platform.node(), os.cpu_count(),
                                                                    platform.python_version(), LIMIT_M, SEED), '',
             'Stages in seconds: read (OGR Arrow + WKB parsing), build (network), attach (snap facilities, split '
             'edges, graph), paths (one multi-source pass + nearest-facility pieces), areas (bounded per-facility '
             'searches on local subgraphs: facilities grouped in tiles of the search radius, each group searching only '
             'the nodes within that straight-line radius of its entrances, a lower bound of the network distance; '
             'pieces and geometries of the overlapping areas), outputs (nearest-facility line geometries cut at the limit + WKB). The grid is generated in memory, so its "read" and floor exclude file reading. '
             '"nearest total" is the run without the per-facility areas; the floor is reading the network once plus '
             'one bare scipy multi-source dijkstra on the same graph. Peak memory is the ru_maxrss of the case\'s '
             'own process. native:serviceareafromlayer (QGIS 3.22, one search per start point) was timed on 10 start '
             'points ({:.2f} s) and scaled linearly: "native (est.)". "Processing e2e" is processing.run of '
             'resilience:service_areas writing the nearest-facility lines to a GeoPackage (reading through OGR, '
             'QGIS feature writing included).'.format(native.get(10, {}).get('seconds', float('nan'))), '',
             '| network | facilities | edges | read | build | attach | paths | areas | outputs | total | nearest total '
             '| floor | nearest/floor | total/floor | peak MB | native (est.) | speed-up | Processing e2e |',
             '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|']
    for r in rows:
        lines.append('| {network} | {facilities} | {edges} | {read} | {build} | {attach} | {paths} | {areas} | '
                     '{outputs} | {total} | {nearest_total} | {floor} | {ratio} | {total_ratio} | {maxrss_mb} | {n} | {s} | {e} |'.format(
                         n=r.get('native_est', '-'), s=r.get('speedup', '-'), e=r.get('e2e_processing', '-'), **r))
    from tools import bench_exposure
    lines += ['', '# Exposure of the Wuhan network to a hazard raster', '',
              'resilience:exposure of the 92,667 Wuhan street edges against generated hazard rasters over the '
              'network\'s extent (tests/tools/bench_exposure.py), each run in a fresh process. The raster is read '
              'window by window, so peak memory must not grow with the raster\'s size.', '',
              bench_exposure.markdown(bench_exposure.run())]
    from tools import bench_lifelines
    lines += ['', '# Lifeline N-1 criticality', '', LIFELINES_TEXT, '', bench_lifelines.markdown(bench_lifelines.run())]
    from tools import bench_evacuation
    lines += ['', EVACUATION_HEADING, '', EVACUATION_TEXT, '', bench_evacuation.markdown(bench_evacuation.run())]
    text = '\n'.join(lines) + '\n'
    print(text)
    (ROOT / 'docs').mkdir(exist_ok=True)
    (ROOT / 'docs' / 'benchmarks.md').write_text(text)


if __name__ == '__main__':
    main()
