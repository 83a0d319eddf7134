"""Lifeline systems in the pure core, on networks small enough to check by hand, and the N-1 scan against a
plain connected-components computation written here."""
import numpy as np
import pytest
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from resilience_plugin.core.lifeline_chain import (Assets, Dependencies, NetworkPart, System, criticality,
                                                   propose_dependencies)
from resilience_plugin.core.lifelines import (ROLE_DEVICE, ROLE_OTHER, ROLE_SOURCE, build_lifeline_network,
                                              isolation, n_minus_one, network_n_minus_one, split_lines,
                                              strategic_valves)
from resilience_plugin.core.network import build_network


def lines(*polylines):
    coords = np.concatenate([np.asarray(p, float) for p in polylines])
    offsets = np.concatenate([[0], np.cumsum([len(p) for p in polylines])])
    return coords, offsets


class Toy:
    """Assets by name; networks built from (name, polyline) lines and (name, xy, role) nodes."""

    def __init__(self):
        self.names, self.tables, self.kinds, self.networks = [], [], [], []
        self.parts = {}

    def add(self, name, table, kind='', network=''):
        self.names.append(name)
        self.tables.append(table)
        self.kinds.append(kind)
        self.networks.append(network)
        return len(self.names) - 1

    def network(self, network, line_specs, node_specs):
        line_assets = [self.add(n, 'lifelines', 'pipe', network) for n, _ in line_specs]
        node_assets = [self.add(n, 'lifeline_nodes', kind, network) for n, _, kind in node_specs]
        roles = [{'valve': ROLE_DEVICE, 'switch': ROLE_DEVICE, 'pump_station': ROLE_SOURCE,
                  'substation': ROLE_SOURCE}.get(kind, ROLE_OTHER) for _, _, kind in node_specs]
        coords, offsets = lines(*[p for _, p in line_specs])
        lnet = build_lifeline_network(network, coords, offsets, np.array([xy for _, xy, _ in node_specs], float),
                                      roles)
        self.parts[network] = NetworkPart(lnet, np.array(line_assets), np.array(node_assets))
        return lnet

    def system(self, deps=(), population=None):
        assets = Assets(*(np.array(v, object) for v in (self.names, self.tables, self.kinds, self.networks,
                                                         self.names)))
        index = {n: i for i, n in enumerate(self.names)}
        d = Dependencies(np.array([index[p] for p, _, _, _ in deps], np.int64),
                         np.array([index[q] for _, q, _, _ in deps], np.int64),
                         np.array([k for _, _, k, _ in deps], object), np.array([b for *_, b in deps], float))
        self.index = index
        return System(assets, self.parts, d, population)

    def outcome(self, system, failed, **kw):
        result = system.simulate([self.index[f] for f in failed], **kw)
        return {self.names[e.asset]: (e.cause, e.step, self.names[e.via] if e.via >= 0 else None, e.time_h)
                for e in result.events}, result


def valve_main():
    """A pump at x=0 feeds four 100 m pipes in a row; valves at x=100 and x=300, a hydrant at x=350."""
    toy = Toy()
    lnet = toy.network('water_supply',
                       [('P1', [(0, 0), (100, 0)]), ('P2', [(100, 0), (200, 0)]), ('P3', [(200, 0), (300, 0)]),
                        ('P4', [(300, 0), (400, 0)])],
                       [('pump', (0, 0), 'pump_station'), ('V1', (100, 0), 'valve'), ('V3', (300, 0), 'valve'),
                        ('H', (350, 0.4), 'hydrant')])
    return toy, lnet


def test_split_lines_inserts_points_between_vertices_and_keeps_shapes():
    coords, offsets = lines([(0, 0), (10, 0), (10, 10)], [(0, 5), (0, 9)])
    new, off, piece_of = split_lines(coords, offsets, [0, 0, 1], [5.0, 10.0, 0.0])
    # cut at 5 m (between vertices) and at 10 m (the corner vertex); a cut at a line end is dropped
    assert piece_of.tolist() == [0, 0, 0, 1]
    pieces = [new[off[k]:off[k + 1]].tolist() for k in range(len(off) - 1)]
    assert pieces == [[[0, 0], [5, 0]], [[5, 0], [10, 0]], [[10, 0], [10, 10]], [[0, 5], [0, 9]]]


def test_a_main_with_valves_closes_the_valves_around_the_break_and_dries_the_pipes_beyond():
    toy, lnet = valve_main()
    # three isolation segments: P1 | P2 P3 | P4, and one device segment per valve
    assert lnet.n_segments == 5 and lnet.n_devices == 2
    seg = {name: lnet.edge_segment[np.flatnonzero(lnet.edge_line == k)[0]]
           for k, name in enumerate(('P1', 'P2', 'P3', 'P4'))}
    assert seg['P2'] == seg['P3'] and len({seg['P1'], seg['P2'], seg['P4']}) == 3
    assert lnet.segment_length[[seg['P1'], seg['P2'], seg['P4']]].tolist() == [100, 200, 100]
    system = toy.system()
    outcome, result = toy.outcome(system, ['P3'])
    assert outcome['P3'][:2] == ('failed', 0)
    assert outcome['P2'] == ('isolated', 1, 'P3', 0.0)
    assert outcome['P4'] == ('cut_off', 1, 'P3', 0.0)
    assert outcome['H'] == ('cut_off', 1, 'P3', 0.0)      # the hydrant 0.4 m beside P4 goes dry with it
    assert 'P1' not in outcome and 'pump' not in outcome
    closed = sorted(toy.names[a] for _, _, devices, _ in result.closed for a in devices)
    assert closed == ['V1', 'V3']


def test_an_inoperable_valve_extends_the_isolation_to_the_next_valve():
    toy, lnet = valve_main()
    system = toy.system()
    outcome, result = toy.outcome(system, ['P3'], inoperable=[toy.index['V1']])
    assert outcome['P1'] == ('isolated', 1, 'P3', 0.0)   # V1 stuck: the pump's own segment must be shut too
    assert 'pump' in outcome and outcome['P4'][0] == 'cut_off'
    assert sorted(toy.names[a] for _, _, devices, _ in result.closed for a in devices) == ['V3']


def test_a_loop_keeps_supply():
    toy = Toy()
    square = [(0, 0), (100, 0), (100, 100), (0, 100)]
    toy.network('water_supply', [('S{}'.format(k), [square[k], square[(k + 1) % 4]]) for k in range(4)],
                [('pump', (0, 0), 'pump_station')] +
                [('V{}{}'.format(k, end), tuple(np.add(square[k], np.subtract(square[(k + 1) % 4], square[k]) *
                                                       (0.1 if end == 'a' else 0.9))), 'valve')
                 for k in range(4) for end in 'ab'])
    system = toy.system()
    outcome, result = toy.outcome(system, ['S1'])   # the far side of the square breaks
    assert outcome['S1'][0] == 'failed'
    # only the middle of S1 is shut (between its own two valves); the rest is fed round the other way
    assert set(outcome) == {'S1'}
    assert sorted(toy.names[a] for _, _, devices, _ in result.closed for a in devices) == ['V1a', 'V1b']


def test_a_dependency_chain_waits_for_the_backup_time():
    toy = Toy()
    toy.network('power', [('cable', [(0, 50), (300, 50)])], [('sub', (0, 50), 'substation')])
    toy.network('water_supply', [('main', [(0, 0), (300, 0)])], [('pump', (0, 0), 'pump_station')])
    toy.add('hospital', 'facilities', 'hospital')
    deps = [('sub', 'pump', 'power_supply', 6.0), ('main', 'hospital', 'water_supply', np.nan),
            ('cable', 'hospital', 'power_supply', 24.0)]
    system = toy.system(deps)
    outcome, _ = toy.outcome(system, ['sub'])
    assert outcome['sub'] == ('failed', 0, None, 0.0)
    assert outcome['cable'] == ('cut_off', 1, 'sub', 0.0)
    assert outcome['pump'] == ('lost_provider', 1, 'sub', 6.0)      # 6 h on its generator
    assert outcome['main'] == ('cut_off', 2, 'pump', 6.0)
    assert outcome['hospital'] == ('lost_provider', 3, 'main', 6.0)  # water goes before its 24 h of power
    outcome, result = toy.outcome(system, ['sub'], time_limit=4.0)
    assert set(outcome) == {'sub', 'cable', 'pump', 'hospital'}
    assert outcome['pump'] == ('on_backup', 1, 'sub', 0.0)
    assert outcome['hospital'] == ('on_backup', 2, 'cable', 0.0)
    backup = {toy.names[e.asset]: e.fails_at_h for e in result.events if e.cause == 'on_backup'}
    assert backup == {'pump': 6.0, 'hospital': 24.0}


def test_two_providers_of_one_kind_are_redundant():
    toy = Toy()
    toy.network('power', [('A', [(0, 0), (100, 0)]), ('B', [(0, 10), (100, 10)])],
                [('subA', (0, 0), 'substation'), ('subB', (0, 10), 'substation')])
    toy.add('hospital', 'facilities', 'hospital')
    system = toy.system([('A', 'hospital', 'power_supply', 0.0), ('B', 'hospital', 'power_supply', 0.0)])
    assert 'hospital' not in toy.outcome(system, ['subA'])[0]
    assert toy.outcome(system, ['subA', 'subB'])[0]['hospital'][0] == 'lost_provider'


def test_a_node_shared_by_two_networks_carries_the_failure_across():
    """The pump station is a source of the water network and stands at the end of a power cable it needs."""
    toy = Toy()
    toy.network('power', [('feeder', [(-200, 0), (-100, 0)]), ('tail', [(-100, 0), (0, 0)])],
                [('sub', (-200, 0), 'substation'), ('sw', (-100, 0), 'switch')])
    toy.network('water_supply', [('m1', [(0, 0), (150, 0)]), ('m2', [(150, 0), (300, 0)])],
                [('pump', (0, 0), 'pump_station'), ('v', (150, 0), 'valve')])
    toy.add('shelter', 'shelters', 'emergency')
    system = toy.system([('tail', 'pump', 'power_supply', 0.0), ('m2', 'shelter', 'water_supply', 0.0)])
    outcome, result = toy.outcome(system, ['feeder'])
    assert outcome['tail'] == ('cut_off', 1, 'feeder', 0.0)
    assert outcome['pump'] == ('lost_provider', 2, 'tail', 0.0)
    assert outcome['m1'][:3] == ('cut_off', 3, 'pump') and outcome['m2'][:3] == ('cut_off', 3, 'pump')
    assert outcome['shelter'] == ('lost_provider', 4, 'm2', 0.0)
    assert [toy.names[a] for _, _, devices, _ in result.closed for a in devices] == ['sw']
    # the valve on the water side isolates m2 alone: m1 keeps its water
    outcome, _ = toy.outcome(system, ['m2'])
    assert set(outcome) == {'m2', 'shelter'}


def test_population_without_service_counts_units_on_lost_segments():
    toy, lnet = valve_main()
    part = toy.parts['water_supply']
    part.unit_segment = lnet.edge_segment[[0, 1, 3, 3]]   # units on P1, P2 and two on P4
    system = toy.system(population=[10.0, 20.0, 30.0, 40.0])
    _, result = toy.outcome(system, ['P3'])
    per, any_people = system.population_lost(result)
    assert per['water_supply'] == 90.0 and any_people == 90.0
    assert system.population_served()['water_supply'] == 100.0


def naive_cut(graph, roots, weights, v):
    """Weight cut off from the roots when vertex v is removed: connected components without v."""
    n = graph.shape[0]
    coo = graph.tocoo()
    keep = (coo.row != v) & (coo.col != v)
    root = n
    rows = np.concatenate([coo.row[keep], np.full(len(roots), root)])
    cols = np.concatenate([coo.col[keep], roots])
    before = _reached(n, coo.row, coo.col, roots)
    g = coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(n + 1, n + 1))
    _, label = connected_components(g, directed=False)
    after = label[:n] == label[root]
    after[roots] &= np.asarray(roots) != v
    lost = before & ~after
    lost[v] = False
    return weights[lost].sum(axis=0)


def _reached(n, row, col, roots):
    g = coo_matrix((np.ones(len(row) + len(roots)), (np.concatenate([row, np.full(len(roots), n)]),
                                                      np.concatenate([col, roots]))), shape=(n + 1, n + 1))
    _, label = connected_components(g, directed=False)
    return label[:n] == label[n]


@pytest.mark.parametrize('seed', [1, 2, 3])
def test_n_minus_one_agrees_with_connected_components_per_removal(seed):
    rng = np.random.default_rng(seed)
    n = 300
    # a sparse random graph: a random tree plus some chords (loops) and a few detached vertices
    parent = rng.integers(0, np.maximum(np.arange(n), 1))
    a = np.concatenate([np.arange(1, n), rng.integers(0, n, 40)])
    b = np.concatenate([parent[1:], rng.integers(0, n, 40)])
    keep = (a != b) & (a < n - 5) & (b < n - 5)
    a, b = a[keep], b[keep]
    graph = coo_matrix((np.ones(2 * len(a)), (np.concatenate([a, b]), np.concatenate([b, a]))), shape=(n, n)).tocsr()
    roots = np.array([0, 17, 150])
    weights = rng.random((n, 2))
    result = n_minus_one(graph, roots, weights)
    for v in range(n):
        assert np.allclose(result.cut[v], naive_cut(graph, roots, weights, v)), v
        cut = result.cut_set(v)
        assert np.allclose(weights[cut].sum(axis=0), result.cut[v])


def test_criticality_of_the_valve_main_by_hand():
    toy, lnet = valve_main()
    toy.parts['water_supply'].unit_segment = lnet.edge_segment[[0, 1, 3]]
    toy.add('hospital', 'facilities', 'hospital')
    system = toy.system([('P4', 'hospital', 'water_supply', 0.0)], population=[10.0, 20.0, 30.0])
    (crit,) = criticality(system)
    by_segment = dict(zip(crit.segment.tolist(), zip(crit.lost_length_m, crit.population, crit.facilities)))
    s1, s23, s4 = (lnet.edge_segment[np.flatnonzero(lnet.edge_line == k)[0]] for k in (0, 1, 3))
    assert by_segment[s1][:2] == (400.0, 60.0)                   # the pump's segment: everything
    assert by_segment[s23][:2] == (300.0, 50.0)                  # P2 P3 and P4 beyond
    assert by_segment[s4][:2] == (100.0, 30.0)
    hospital = toy.index['hospital']
    assert all(by_segment[s][2] == [hospital] for s in (s1, s23, s4))


def test_default_rule_takes_the_nearest_provider_within_reach_and_skips_recorded_kinds():
    rows = propose_dependencies([10, 11, 12], [(0, 0), (500, 0), (5000, 0)], 'power_supply', {(11, 'power_supply')},
                                3000.0, provider_assets=[1, 2], provider_xy=[(100, 0), (600, 0)])
    assert rows == [(1, 10, 100.0)]


def test_strategic_valves_leave_one_edge_per_node_unvalved():
    coords, offsets = lines([(0, 0), (100, 0)], [(100, 0), (200, 0)], [(100, 0), (100, 100)])
    net = build_network(coords, offsets)
    edges, nodes, xy = strategic_valves(net, n_unvalved=1, seed=4)
    degree = np.bincount(np.concatenate([net.edge_u, net.edge_v]), minlength=net.n_nodes)
    per_node = np.bincount(nodes, minlength=net.n_nodes)
    assert (per_node == degree - 1).all()
    centre = int(np.flatnonzero(degree == 3)[0])
    # the two valves at the junction sit 1 m from it, on their own pipes
    near = xy[nodes == centre]
    assert np.allclose(np.hypot(*(near - net.node_xy[centre]).T), 1.0)


def test_segments_of_generated_valves_and_isolation_agree_with_connected_components():
    """On a 20 x 20 street grid with strategic valves: each isolation segment is a connected component of the
    pipes once every valve is cut, and isolating one closes exactly the valves on its boundary."""
    k = 20
    xs = np.arange(k) * 100.0
    polylines = [[(x, y), (x + 100, y)] for x in xs[:-1] for y in xs] + [[(x, y), (x, y + 100)] for x in xs
                                                                         for y in xs[:-1]]
    coords, offsets = lines(*polylines)
    net = build_network(coords, offsets)
    _, _, valve_xy = strategic_valves(net, n_unvalved=2, seed=7)
    nodes = np.vstack([valve_xy, [[0.0, 0.0]]])
    roles = [ROLE_DEVICE] * len(valve_xy) + [ROLE_SOURCE]
    lnet = build_lifeline_network('water_supply', coords, offsets, nodes, roles)
    # independent: pipes (edges) touching at a node without a valve are in one segment (the line graph)
    valve_nodes = set(lnet.node_attach[:-1].tolist())
    u, v = lnet.net.edge_u, lnet.net.edge_v
    m = len(u)
    incident = {}
    for e, (x, y) in enumerate(zip(u.tolist(), v.tolist())):
        for node in (x, y):
            if node not in valve_nodes:
                incident.setdefault(node, []).append(e)
    a = [es[0] for es in incident.values() for _ in es[1:]]
    b = [e for es in incident.values() for e in es[1:]]
    _, label = connected_components(coo_matrix((np.ones(len(a)), (a, b)), shape=(m, m)), directed=False)
    pairs = set(zip(label.tolist(), lnet.edge_segment.tolist()))
    assert len({p[0] for p in pairs}) == len({p[1] for p in pairs}) == len(pairs)
    assert len(pairs) == (~lnet.device_segment).sum()
    # isolating a segment closes the valves at the ends of its pipes
    seg = lnet.edge_segment[m // 2]
    isolated, close = isolation(lnet, [seg])
    expected = sorted({x for e in np.flatnonzero(lnet.edge_segment == seg).tolist() for x in (u[e], v[e])
                       if x in valve_nodes})
    assert close.tolist() == expected and isolated.sum() == 1
    nm = network_n_minus_one(lnet, lnet.segment_length)
    assert nm.reached.all()
