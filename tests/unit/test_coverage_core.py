"""The coverage core against independent computations on real road graphs (Helsinki, Rutland).

Roads: the highway=* ways of the OSM extracts in tests/data, as tests/tools/unit_fixtures.py wrote them
to tests/unit/data (fixtures helsinki_lines and rutland_lines of conftest.py).

- distances and nearest facilities of the one-pass multi-source search vs a textbook heapq Dijkstra;
- service-area pieces vs a per-edge brute force and the geometry of the cut lines;
- demand distance = access leg + network distance, checked by hand;
- 2SFCA vs the formula computed with loops; greedy MCLP vs brute force and its bounds.
"""
import heapq

import numpy as np
import pytest

from resilience_plugin.core.coverage import (assign_demand, attach_facilities, demand_attachment, reach_pairs,
                                             two_step_fca)
from resilience_plugin.core.network import build_network, cut_lines
from resilience_plugin.core.service_areas import nearest_pieces, overlapping_pieces
from resilience_plugin.core.shortest_paths import facility_rows, nearest_facility
from resilience_plugin.core.siting import GREEDY_FACTOR, brute_force_mclp, greedy_mclp


def textbook_dijkstra(net, sources):
    """Plain heapq Dijkstra over the (split) network from (facility, node, start cost) triples."""
    adj = [[] for _ in range(net.n_nodes)]
    for e in range(net.n_edges):
        w = (net.edge_m1[e] - net.edge_m0[e]) * net.edge_cost_per_m[e]
        if net.edge_fwd[e]:
            adj[net.edge_u[e]].append((net.edge_v[e], w))
        if net.edge_bwd[e]:
            adj[net.edge_v[e]].append((net.edge_u[e], w))
    dist = np.full(net.n_nodes, np.inf)
    label = np.full(net.n_nodes, -1)
    heap = [(c, int(node), int(f)) for f, node, c in zip(sources.facility, sources.node, sources.cost)]
    heapq.heapify(heap)
    while heap:
        d, x, f = heapq.heappop(heap)
        if d >= dist[x]:
            continue
        dist[x], label[x] = d, f
        for y, w in adj[x]:
            if d + w < dist[y]:
                heapq.heappush(heap, (d + w, y, f))
    return dist, label


def random_facilities(net, count, seed):
    rng = np.random.default_rng(seed)
    return net.node_xy[rng.integers(0, net.n_nodes, count)] + rng.normal(0.0, 15.0, (count, 2))


@pytest.mark.parametrize('which,count,timed', [('helsinki', 12, False), ('rutland', 25, False),
                                               ('rutland', 25, True)])
def test_multi_source_matches_textbook_dijkstra(which, count, timed, helsinki_lines, rutland_lines):
    coords, offsets, highway = helsinki_lines if which == 'helsinki' else rutland_lines
    rng = np.random.default_rng(7)
    oneway = rng.choice([0, 0, 0, 1, -1], size=len(offsets) - 1) if timed else None
    speed = rng.uniform(10, 80, size=len(offsets) - 1) if timed else None
    net = build_network(coords, offsets, oneway=oneway, speed_kmh=speed, time_cost=timed)
    fac = random_facilities(net, count, 3)
    delay = rng.uniform(0, 3 if timed else 200, count)
    fnet = attach_facilities(net, fac, np.arange(count), count, delay=delay)
    result = nearest_facility(fnet.graph)
    dist, label = textbook_dijkstra(fnet.net, fnet.sources)
    assert np.array_equal(np.isfinite(dist), np.isfinite(result.cost)), 'same reachable nodes'
    reached = np.isfinite(dist)
    assert reached.sum() > 0.5 * fnet.net.n_nodes
    assert np.abs(dist[reached] - result.cost[reached]).max() < 1e-6
    # nearest facility: same label, or (a tie) one whose own cost is equally small
    differ = np.flatnonzero(reached & (label != result.facility))
    assert len(differ) <= 0.001 * reached.sum()
    # network length of the chosen path is consistent: cost = delay + access + length * cost/m along the path
    if not timed:
        start = delay[result.facility[reached]]
        assert np.abs(result.length[reached] + start - result.cost[reached]).max() < 1e-6


def test_disconnected_parts_are_unreachable_not_zero(helsinki_lines):
    coords, offsets, _ = helsinki_lines
    net = build_network(coords, offsets)
    assert net.n_components > 1
    sizes = net.component_sizes()
    main = int(np.argmax(sizes))
    fac = net.node_xy[np.flatnonzero(net.component == main)[:1]]
    fnet = attach_facilities(net, fac, np.arange(1), 1)
    result = nearest_facility(fnet.graph)
    other = fnet.net.component != main
    assert np.isinf(result.cost[other]).all() and (result.facility[other] == -1).all()
    assert np.isfinite(result.cost[~other]).all()


def brute_force_covered_length(net, dist, limit):
    """Per edge, the covered length computed point by point (1 cm samples)."""
    total = 0.0
    for e in range(net.n_edges):
        L = net.edge_m1[e] - net.edge_m0[e]
        if L <= 0:
            continue
        x = np.linspace(0, L, max(2, int(L * 100)))
        via_u = dist[net.edge_u[e]] + x if net.edge_fwd[e] else np.full_like(x, np.inf)
        via_v = dist[net.edge_v[e]] + (L - x) if net.edge_bwd[e] else np.full_like(x, np.inf)
        inside = np.minimum(via_u, via_v) <= limit
        total += inside.mean() * L
    return total


def test_service_area_pieces_vs_brute_force(helsinki_lines):
    coords, offsets, _ = helsinki_lines
    net = build_network(coords, offsets)
    fac = random_facilities(net, 6, 11)
    fnet = attach_facilities(net, fac, np.arange(6), 6)
    limit = 250.0
    result = nearest_facility(fnet.graph, limit=limit)
    pieces = nearest_pieces(fnet.net, result, limit)
    brute = brute_force_covered_length(fnet.net, result.cost, limit)
    assert pieces.length.sum() == pytest.approx(brute, rel=2e-3)
    # distances along pieces stay within the limit and the nearest-facility pieces never overlap per edge
    assert pieces.cost_start.max() <= limit + 1e-9 and pieces.cost_end.max() <= limit + 1e-9
    # geometry of the cut pieces has exactly the measured length
    xy, off = cut_lines(fnet.net, pieces.line, pieces.m_start, pieces.m_end)
    seg = np.hypot(*np.diff(xy, axis=0).T)
    seg[off[1:-1] - 1] = 0.0
    assert seg.sum() == pytest.approx(pieces.length.sum(), rel=1e-9)
    # per-facility areas: the union over facilities covers at least the nearest-facility area, and each
    # facility's area equals a one-facility nearest run
    parts = [overlapping_pieces(fnet.net, chunk, cost, None, limit)
             for chunk, cost, _ in facility_rows(fnet.graph, limit=limit)]
    for j in range(6):
        own = sum(p.length[p.facility == j].sum() for p in parts)
        single = attach_facilities(net, fac[j:j + 1], np.arange(1), 1)
        r1 = nearest_facility(single.graph, limit=limit)
        assert own == pytest.approx(nearest_pieces(single.net, r1, limit).length.sum(), rel=1e-9, abs=1e-6)


def test_demand_distance_is_access_plus_network(helsinki_lines):
    coords, offsets, _ = helsinki_lines
    net = build_network(coords, offsets)
    fac = random_facilities(net, 4, 5)
    fnet = attach_facilities(net, fac, np.arange(4), 4)
    rng = np.random.default_rng(2)
    pts = net.node_xy[rng.integers(0, net.n_nodes, 8)] + rng.normal(0, 40, (8, 2))
    att = demand_attachment(fnet, pts)
    a = assign_demand(fnet, att, 500.0)
    dist, _ = textbook_dijkstra(fnet.net, fnet.sources)
    for i in range(len(pts)):
        e = att.edge[i]
        # access leg: distance from the point to the network point it snapped to, by hand
        assert a.access_m[i] == pytest.approx(np.hypot(*(pts[i] - att.xy[i])), abs=1e-9)
        # the network point lies on its edge's geometry at the reported offset
        on = cut_lines(fnet.net, [fnet.net.edge_line[e]], [fnet.net.edge_m0[e] + att.offset[i]],
                       [fnet.net.edge_m0[e] + att.offset[i]])[0][0]
        assert np.hypot(*(on - att.xy[i])) < 1e-6
        L = fnet.net.edge_m1[e] - fnet.net.edge_m0[e]
        network = min(dist[fnet.net.edge_u[e]] + att.offset[i], dist[fnet.net.edge_v[e]] + L - att.offset[i])
        if np.isfinite(network):
            assert a.distance_m[i] == pytest.approx(a.access_m[i] + network, abs=1e-6)
            assert a.covered[i] == (a.distance_m[i] <= 500.0)
        else:
            assert a.facility[i] == -1 and not a.covered[i]


def test_two_step_fca_matches_formula(helsinki_lines):
    coords, offsets, _ = helsinki_lines
    net = build_network(coords, offsets)
    fac = random_facilities(net, 5, 8)
    fnet = attach_facilities(net, fac, np.arange(5), 5)
    rng = np.random.default_rng(4)
    pts = net.node_xy[rng.integers(0, net.n_nodes, 60)]
    pop = rng.integers(0, 500, 60).astype(float)
    cap = rng.integers(100, 2000, 5).astype(float)
    att = demand_attachment(fnet, pts)
    d0 = 400.0
    pd, pf, pc = reach_pairs(fnet, att, d0)
    fca = two_step_fca(pd, pf, pop, cap, 5)
    # the same formula with loops over a distance matrix from single-facility textbook searches
    dmat = np.full((60, 5), np.inf)
    for j in range(5):
        single = attach_facilities(net, fac[j:j + 1], np.arange(1), 1)
        a1 = assign_demand(single, demand_attachment(single, pts), d0)
        dmat[:, j] = a1.cost
    for j in range(5):
        within = [k for k in range(60) if dmat[k, j] <= d0]
        rj = cap[j] / sum(pop[k] for k in within) if within and sum(pop[k] for k in within) > 0 else 0.0
        assert fca.ratio[j] == pytest.approx(rj, rel=1e-12)
    for i in range(60):
        ai = sum(fca.ratio[j] for j in range(5) if dmat[i, j] <= d0)
        assert fca.accessibility[i] == pytest.approx(ai, rel=1e-12, abs=1e-15)


def test_greedy_mclp_against_brute_force():
    rng = np.random.default_rng(0)
    for trial in range(5):
        cover = rng.random((9, 40)) < 0.2
        pop = rng.integers(1, 100, 40).astype(float)
        covered0 = rng.random(40) < 0.1
        k = 3
        res = greedy_mclp(cover, pop, k, covered0=covered0)
        best, _ = brute_force_mclp(cover, pop, k, covered0=covered0)
        assert res.added <= best + 1e-9
        assert res.added >= GREEDY_FACTOR * best - 1e-9
        assert res.upper_bound >= best - 1e-6, res.bound_method
        assert len(res.chosen) == k


def test_greedy_capacity_is_respected():
    cover = np.array([[1, 1, 1, 0], [0, 0, 1, 1]], bool)
    pop = np.array([100.0, 100.0, 100.0, 100.0])
    res = greedy_mclp(cover, pop, 2, capacity=np.array([150.0, 1000.0]))
    assert res.added == pytest.approx(350.0)  # site 1 takes 200, site 0 at most 150
    assert (res.served_share <= 1 + 1e-12).all()


def test_t_junctions_are_snapped_and_routable():
    """Line ends within the tolerance of another line's segment interior (no vertex there) are joined by
    splitting that segment at the projected point; distances through them agree with a plain Dijkstra."""
    from scipy.spatial import cKDTree
    from resilience_plugin.core.shortest_paths import Sources
    lines = [
        [(0.0, 0.0), (40.0, 0.0), (100.0, 0.0)],   # main street, vertex only at x = 40
        [(70.0, 0.4), (70.0, 50.0)],               # T: ends 0.4 m above the second segment
        [(20.0, -30.0), (20.0, -0.3)],             # T from below on the first segment (its last vertex)
        [(85.0, 0.2), (85.0, 10.0)],               # a second T on the same segment
        [(40.3, 0.3), (40.3, 20.0)],               # 0.42 m from the vertex at x = 40: vertex snapping
        [(100.0, 30.0), (100.0, 60.0)],            # 30 m away: stays apart
    ]
    coords = np.vstack(lines)
    offsets = np.concatenate([[0], np.cumsum([len(x) for x in lines])])
    loose = build_network(coords, offsets, snap_tolerance=0.0)
    assert loose.n_components == 6
    net = build_network(coords, offsets, snap_tolerance=0.5)
    assert net.n_components == 2
    assert (net.edge_line == 0).sum() == 5  # the main street is split at x = 20, 40, 70 and 85
    main = net.edge_line == 0
    assert net.edge_len[main].sum() == pytest.approx(100.0)  # its geometry and measures are unchanged
    xy, off = cut_lines(net, [0], [0.0], [100.0])
    assert np.allclose(xy[:, 1], 0.0) and np.hypot(*np.diff(xy, axis=0).T).sum() == pytest.approx(100.0)
    start = int(cKDTree(net.node_xy).query((0.0, 0.0))[1])
    sources = Sources(np.array([0]), np.array([start]), np.array([0.0]), np.array([0.0]))
    dist, _ = textbook_dijkstra(net, sources)
    expected = {(70.0, 50.0): 70.0 + 49.6, (20.0, -30.0): 20.0 + 29.7, (85.0, 10.0): 85.0 + 9.8,
                (40.3, 20.0): 40.0 + 19.7, (100.0, 60.0): np.inf}
    fnet = attach_facilities(net, np.array([[0.0, 0.0]]), np.arange(1), 1)
    result = nearest_facility(fnet.graph)
    for (x, y), d in expected.items():
        node = int(cKDTree(net.node_xy).query((x, y))[1])
        assert dist[node] == pytest.approx(d, abs=1e-9), (x, y)
        split_node = int(cKDTree(fnet.net.node_xy).query((x, y))[1])
        assert result.cost[split_node] == pytest.approx(d, abs=1e-9) if np.isfinite(d) else \
            np.isinf(result.cost[split_node])


@pytest.mark.parametrize('which,timed,tol', [('helsinki', False, 0.0), ('rutland', True, 0.5),
                                             ('helsinki', False, 0.5)])
def test_local_subgraph_searches_equal_full_searches(which, timed, tol, helsinki_lines, rutland_lines):
    """Per-facility areas searched on local subgraphs (Euclidean radius) equal the full-graph searches."""
    from resilience_plugin.core.service_areas import overlapping_pieces_sparse
    from resilience_plugin.core.shortest_paths import facility_reach
    coords, offsets, _ = helsinki_lines if which == 'helsinki' else rutland_lines
    rng = np.random.default_rng(5)
    oneway = rng.choice([0, 0, 0, 1, -1], size=len(offsets) - 1) if timed else None
    speed = rng.uniform(10, 80, size=len(offsets) - 1) if timed else None
    net = build_network(coords, offsets, oneway=oneway, speed_kmh=speed, time_cost=timed, snap_tolerance=tol)
    count = 40
    fac = random_facilities(net, count, 9)
    delay = rng.uniform(0, 1 if timed else 100, count)
    fnet = attach_facilities(net, fac, np.arange(count), count, delay=delay)
    limit = 3.0 if timed else 400.0

    def key(p):
        order = np.lexsort((p.m_start, p.edge, p.facility))
        return np.column_stack([p.facility[order], p.edge[order], p.m_start[order], p.m_end[order],
                                p.cost_start[order], p.cost_end[order], p.dist_start[order], p.dist_end[order]])

    from resilience_plugin.core.service_areas import Pieces
    full = Pieces.concat([overlapping_pieces(fnet.net, chunk, cost, lengths, limit)
                          for chunk, cost, lengths in facility_rows(fnet.graph, limit=limit, need_length=True,
                                                                    max_cells=200_000)])
    local = Pieces.concat([overlapping_pieces_sparse(fnet.net, reach, limit)
                           for reach in facility_reach(fnet.graph, limit=limit, need_length=True,
                                                       max_cells=200_000)])
    assert len(full) > 100
    a, b = key(full), key(local)
    assert a.shape == b.shape
    assert np.array_equal(a[:, :2], b[:, :2])
    assert np.allclose(a[:, 2:], b[:, 2:], rtol=0, atol=1e-6)
    # geometries: whole edges copied from one cut per edge, the same as cutting every piece
    from resilience_plugin.core.service_areas import piece_geometries
    xy, off = cut_lines(fnet.net, local.line, local.m_start, local.m_end)
    xy2, off2 = piece_geometries(fnet.net, local)
    assert np.array_equal(off, off2) and np.abs(xy - xy2).max() < 1e-6
    # the same in small chunks (chunk boundaries between whole, straight partial and cut pieces)
    xy3, off3 = piece_geometries(fnet.net, local, chunk=97)
    assert np.array_equal(off2, off3) and np.array_equal(xy2, xy3)
