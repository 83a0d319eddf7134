"""EPANET networks: the .inp reader, and isolation segments and N-1 criticality against EPA's WNTR.

WNTR >= 1.4 needs numpy >= 2.2.6, so the comparison runs in the current-library venv (``.venv-current``, marked
current_stack), not in Debian 12's QGIS venv; there the WNTR tests skip. The reader test runs everywhere.

Reference: WNTR's valve segments (``wntr.metrics.topographic.valve_segments``) for a strategic N-1 valve layer
(``generate_valve_layer``), and per segment the junctions and base demand cut off from every reservoir and tank
when the segment is shut, computed with networkx on WNTR's graph. The plugin's side uses only its own .inp reader
and core: valves become points 1 % along their pipe from the protected node.
"""
import warnings
from pathlib import Path

import numpy as np
import pytest

from resilience_plugin.core.epanet_inp import FOOT_M, read_inp
from resilience_plugin.core.lifelines import ROLE_DEVICE, ROLE_SOURCE, build_lifeline_network, network_n_minus_one
from resilience_plugin.core.network import vertex_measures

from . import stack

DATA = Path(__file__).resolve().parents[1] / 'data'
NET1 = DATA / 'epanet' / 'Net1.inp'
NET3 = DATA / 'epanet' / 'Net3.inp'
GPM_M3S = 6.30901964e-05  # 1 US gallon per minute in m3/s (WNTR's internal unit)


def test_reader_takes_nodes_links_and_units_from_net1():
    inp = read_inp(str(NET1))
    assert inp.units == 'GPM' and inp.us_units
    assert inp.node_type.count('junction') == 9 and inp.node_type.count('reservoir') == 1
    assert inp.node_type.count('tank') == 1
    assert inp.link_type.count('pipe') == 12 and inp.link_type.count('pump') == 1
    k = inp.link_id.index('110')  # tank 2 to junction 12, 200 ft of 18 in pipe
    assert inp.node_id[inp.link_node1[k]] == '2' and inp.node_id[inp.link_node2[k]] == '12'
    assert inp.length_m[k] == pytest.approx(200 * FOOT_M) and inp.diameter_mm[k] == pytest.approx(18 * 25.4)
    assert inp.demand[inp.node_id.index('22')] == 200.0
    assert inp.elevation_m[inp.node_id.index('9')] == pytest.approx(800 * FOOT_M)
    coords, offsets = inp.link_coords()
    assert len(offsets) == 14 and not np.isnan(coords).any()


def valve_points(inp, coords, offsets, valve_layer):
    """A point 1 % along the link from the node each valve protects."""
    link_index = {name: k for k, name in enumerate(inp.link_id)}
    node_index = {name: i for i, name in enumerate(inp.node_id)}
    measure = vertex_measures(coords, offsets)
    points = []
    for link, node in zip(valve_layer['link'], valve_layer['node']):
        k = link_index[link]
        a, b = offsets[k], offsets[k + 1]
        total = measure[b - 1]
        m = 0.01 * total if inp.link_node1[k] == node_index[node] else 0.99 * total
        i = int(np.clip(np.searchsorted(measure[a:b], m, 'right') - 1, 0, b - a - 2))
        t = (m - measure[a + i]) / (measure[a + i + 1] - measure[a + i])
        points.append(coords[a + i] + (coords[a + i + 1] - coords[a + i]) * t)
    return np.asarray(points)


@pytest.fixture(scope='module')
def net3():
    wntr = stack.require('wntr')
    inp = read_inp(str(NET3))
    wn = wntr.network.WaterNetworkModel(str(NET3))
    valve_layer = wntr.network.generate_valve_layer(wn, 'strategic', 1, seed=123)
    coords, offsets = inp.link_coords()
    sources = [i for i, t in enumerate(inp.node_type) if t != 'junction']
    nodes = np.vstack([valve_points(inp, coords, offsets, valve_layer), inp.node_xy[sources]])
    roles = [ROLE_DEVICE] * len(valve_layer) + [ROLE_SOURCE] * len(sources)
    # schematic coordinates (a few units apart): nothing may be snapped
    lnet = build_lifeline_network('water_supply', coords, offsets, nodes, roles, on_network_m=1e-6,
                                  source_attach_m=1e-6, snap_tolerance=0.0)
    from scipy.spatial import cKDTree
    dist, node_of = cKDTree(lnet.net.node_xy).query(inp.node_xy)
    assert dist.max() == 0.0
    # the segment of a link: that of its longest piece (the stubs at its valves belong to the nodes beyond)
    link_segment = np.array([lnet.edge_segment[e[np.argmax(lnet.net.edge_len[e])]]
                             for e in (np.flatnonzero(lnet.edge_line == k) for k in range(len(inp.link_id)))])
    return dict(wntr=wntr, wn=wn, valve_layer=valve_layer, inp=inp, lnet=lnet, node_segment=lnet.node_segment[node_of],
                link_segment=link_segment)


@pytest.mark.current_stack
def test_isolation_segments_are_wntrs_valve_segments(net3):
    wntr, wn, inp = net3['wntr'], net3['wn'], net3['inp']
    node_seg, link_seg, sizes = wntr.metrics.topographic.valve_segments(wn.to_graph(), net3['valve_layer'])
    pairs = set(zip(link_seg[inp.link_id].tolist(), net3['link_segment'].tolist()))
    pairs |= set(zip(node_seg[inp.node_id].tolist(), net3['node_segment'].tolist()))
    # one to one: every WNTR segment is exactly one of ours
    assert len(pairs) == len(sizes) == len({p[0] for p in pairs}) == len({p[1] for p in pairs})
    assert len(sizes) == (~net3['lnet'].device_segment).sum()


@pytest.mark.current_stack
def test_n_minus_one_cuts_what_wntrs_segments_cut(net3):
    nx = stack.require('networkx')
    wntr, wn, inp, lnet = net3['wntr'], net3['wn'], net3['inp'], net3['lnet']
    node_seg, link_seg, _ = wntr.metrics.topographic.valve_segments(wn.to_graph(), net3['valve_layer'])
    graph = wn.to_graph().to_undirected()
    sources = [n for n in wn.node_name_list if wn.get_node(n).node_type in ('Reservoir', 'Tank')]
    demand = {n: sum(d.base_value for d in wn.get_node(n).demand_timeseries_list) for n in wn.junction_name_list}
    reference = {}
    for s in sorted(set(link_seg.values)):
        h = graph.copy()
        h.remove_edges_from([(u, v, k) for u, v, k in graph.edges(keys=True) if link_seg[k] == s])
        h.remove_nodes_from([n for n in graph.nodes if node_seg[n] == s])
        fed = set()
        for src in sources:
            if src in h:
                fed |= nx.node_connected_component(h, src)
        lost = [n for n in wn.junction_name_list if n not in fed]
        reference[s] = (len(lost), sum(demand[n] for n in lost))
    # ours: junctions and their demand per segment, one DFS over the segment graph
    junction = np.array([t == 'junction' for t in inp.node_type])
    weights = np.zeros((lnet.n_segments, 2))
    np.add.at(weights, net3['node_segment'][junction], np.column_stack([np.ones(junction.sum()),
                                                                        inp.demand[junction] * GPM_M3S]))
    result = network_n_minus_one(lnet, weights)
    supplied = result.reached[:lnet.n_segments]
    ours_of = dict(zip(net3['link_segment'].tolist(), link_seg[inp.link_id].tolist()))
    ours_of.update(zip(net3['node_segment'].tolist(), node_seg[inp.node_id].tolist()))
    agree = 0
    for v in np.flatnonzero(~lnet.device_segment).tolist():
        count, lost_demand = weights[v] * supplied[v] + result.cut[v]
        ref_count, ref_demand = reference[ours_of[v]]
        assert count == ref_count and lost_demand == pytest.approx(ref_demand, abs=1e-12), v
        agree += 1
    assert agree == len(reference) == 119


@pytest.mark.current_stack
def test_pressure_dependent_hydraulics_only_differ_from_connectivity_under_stress(net3):
    """The decision in docs/lifelines.md: connectivity answers "who is cut off" exactly; EPANET's pressure-driven
    demand (required pressure 21.09 m, minimum 3.52 m, at the peak hour) finds no connected junction below half its
    demand after any single segment outage at design demand, and finds some once demand doubles."""
    nx = stack.require('networkx')
    wntr, inp = net3['wntr'], net3['inp']
    node_seg, link_seg, _ = wntr.metrics.topographic.valve_segments(net3['wn'].to_graph(), net3['valve_layer'])
    graph = net3['wn'].to_graph().to_undirected()

    def stressed(multiplier, tmp):
        starved_outages = 0
        for s in sorted(set(link_seg.values)):
            wn = wntr.network.WaterNetworkModel(str(NET3))
            wn.options.time.duration = 0
            wn.options.time.pattern_start = 23 * 3600  # the hour of highest total demand in Net3
            wn.options.hydraulic.demand_model = 'PDD'
            wn.options.hydraulic.required_pressure = 21.09
            wn.options.hydraulic.minimum_pressure = 3.52
            wn.options.hydraulic.demand_multiplier = multiplier
            for link in link_seg.index[link_seg == s]:
                wn.get_link(link).initial_status = wntr.network.LinkStatus.Closed
            h = graph.copy()
            h.remove_edges_from([(u, v, k) for u, v, k in graph.edges(keys=True) if link_seg[k] == s])
            h.remove_nodes_from([n for n in graph.nodes if node_seg[n] == s])
            fed = set()
            for src in ('River', 'Lake', '1', '2', '3'):
                if src in h:
                    fed |= nx.node_connected_component(h, src)
            with warnings.catch_warnings():
                warnings.simplefilter('ignore')
                results = wntr.sim.EpanetSimulator(wn).run_sim(file_prefix=str(tmp / 'net3'))
            expected = wntr.metrics.expected_demand(wn).iloc[0]
            delivered = results.node['demand'].iloc[0]
            starved = [n for n in wn.junction_name_list if n in fed and expected[n] > 0
                       and delivered[n] < 0.5 * expected[n]]
            starved_outages += bool(starved)
        return starved_outages

    import logging
    logging.disable(logging.WARNING)
    try:
        import tempfile
        with tempfile.TemporaryDirectory() as tmp:
            assert stressed(1.0, Path(tmp)) == 0
            assert stressed(2.0, Path(tmp)) > 0
    finally:
        logging.disable(logging.NOTSET)
    del inp
