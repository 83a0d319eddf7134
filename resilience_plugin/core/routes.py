"""The way from a demand point to its nearest facility along the roads (pure numpy/scipy, no QGIS).

The one multi-source pass (:func:`shortest_paths.nearest_facility`) keeps, for every node, the node it is
reached from; following those predecessors from the end of the demand point's edge leads back to the
entrance of the nearest facility. The route is that node sequence drawn with the real geometry of the
edges: the access leg from the demand point to the network, the part of its edge up to the first node,
the whole edges between the nodes, and the access leg from the network to the facility's entrance.
Its figures are those of :func:`coverage.assign_demand`, so the drawing and the coverage result agree. Where
the network joined line ends closer than the snapping tolerance, the drawing bridges the gap with a
straight join that the network distance does not count (``Route.joins_m``).
"""
from dataclasses import dataclass, field

import numpy as np
from scipy.spatial import cKDTree

from .coverage import assign_demand
from .network import cut_lines
from .shortest_paths import edge_reach_cost, facility_reach, nearest_facility

_EMPTY = np.zeros((0, 2))
# A road is counted on a route when the route travels at least this much of it (metres): an entrance a hair away
# from a junction splits off a sliver of the next road, which the route passes but does not walk along.
MIN_PIECE_M = 0.01


@dataclass
class Route:
    facility: int              # nearest facility (-1: no facility can be reached)
    xy: np.ndarray             # (k, 2) demand point, its point on the network, ..., facility entrance
    cost: float                # access leg + network (+ start delay): metres, or minutes with travel times
    distance_m: float          # access leg + network + the facility's access leg (= Assignment.distance_m)
    access_m: float            # demand point -> its point on the network
    network_m: float           # along the roads
    facility_access_m: float   # the facility's point on the network -> its entrance
    covered: bool              # cost within the limit
    nodes: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))  # nodes passed, demand side first
    entrance: int = -1         # entrance (index into the FacilityNetwork entrance arrays) the route ends at
    joins_m: float = 0.0       # straight joins drawn where the network snapped line ends together (0 on clean
    #                            data): not part of the network distance, so length = distance_m + joins_m

    @property
    def length(self):
        """Length of the drawn line."""
        return polyline_length(self.xy)


def polyline_length(xy):
    xy = np.asarray(xy, np.float64).reshape(-1, 2)
    return float(np.hypot(*np.diff(xy, axis=0).T).sum()) if len(xy) > 1 else 0.0


def _unreachable(access=np.inf):
    return Route(-1, _EMPTY.copy(), np.inf, np.inf, access, np.inf, np.inf, False)


def tree_path(pred, node, n_nodes):
    """Nodes from ``node`` back along the predecessors ``pred`` (per graph node) to the first network node after
    the facility.

    Returns (nodes, facility's virtual node); the virtual node is -1 when the path does not reach one.
    """
    nodes = [int(node)]
    for _ in range(n_nodes):
        prev = int(pred[nodes[-1]])
        if prev < 0:
            return np.asarray(nodes, np.int64), -1
        if prev >= n_nodes:
            return np.asarray(nodes, np.int64), prev
        nodes.append(prev)
    raise ValueError('The predecessors of the shortest-path tree form a cycle.')


def nearest_routes(fnet, att, demand_xy, limit=np.inf, result=None):
    """Route of every demand point to its nearest facility over the network.

    fnet: the :class:`coverage.FacilityNetwork`; att: the demand points on its split network
    (:func:`coverage.demand_attachment`); demand_xy: (p, 2) the demand points themselves; result: the
    multi-source pass (``nearest_facility(fnet.graph)``, computed when not given). Returns a list of
    :class:`Route`.
    """
    result = nearest_facility(fnet.graph) if result is None else result
    if result.pred is None:
        raise ValueError('The shortest-path result has no predecessors.')
    demand_xy = np.asarray(demand_xy, np.float64).reshape(-1, 2)
    assignment = assign_demand(fnet, att, limit, result)
    routes = []
    for i in range(len(att.edge)):
        f = int(assignment.facility[i])
        if f < 0 or att.edge[i] < 0:
            routes.append(_unreachable(float(att.access[i])))
            continue
        drawn = route_on_tree(fnet, att, demand_xy, i, f, result.cost, result.pred)
        routes.append(Route(f, drawn.xy, float(assignment.cost[i]), float(assignment.distance_m[i]),
                            float(att.access[i]), drawn.network_m, drawn.facility_access_m,
                            bool(assignment.covered[i]), drawn.nodes, drawn.entrance, drawn.joins_m))
    return routes


@dataclass
class DrawnRoute:
    """The way from a demand point to a facility along a shortest-path tree (see :func:`route_on_tree`)."""
    xy: np.ndarray             # (k, 2) demand point, its point on the network, ..., facility entrance
    nodes: np.ndarray          # network nodes passed, demand side first
    edges: np.ndarray          # edges of the (split) network travelled, the demand point's own edge first (when
    #                            any of it is travelled)
    network_m: float           # along the roads
    facility_access_m: float   # the facility's point on the network -> its entrance
    entrance: int              # entrance the route ends at (-1 when unknown)
    joins_m: float             # straight joins drawn across snapped gaps (not part of the distance)


def route_on_tree(fnet, att, demand_xy, i, f, cost, pred):
    """The route of demand point ``i`` to facility ``f`` along a shortest-path tree grown from ``f``'s side.

    cost: (n,) cost of every network node in that tree (inf where not reached); pred: (N,) previous graph node
    of every node on its path (< 0 at the start; the virtual node of ``f`` is ``n + f``). The demand point
    enters the network through the cheaper end of its edge, as :func:`coverage.assign_demand` does.
    """
    net, graph, sources = fnet.net, fnet.graph, fnet.sources
    e, offset = int(att.edge[i]), float(att.offset[i])
    _, via_v = edge_reach_cost(net, cost, np.array([e]), np.array([offset]))
    via_v = bool(via_v[0])
    end = int(net.edge_v[e] if via_v else net.edge_u[e])
    nodes, virtual = tree_path(pred, end, graph.n)
    if virtual - graph.n != f:
        raise ValueError('The shortest-path tree does not lead to the facility.')
    # the piece of the demand point's edge up to ``end``, then the edges of the tree path
    m = net.edge_m0[e] + offset
    lines, m_start, m_end, flip = [net.edge_line[e]], [m if via_v else net.edge_m0[e]], \
        [net.edge_m1[e] if via_v else m], [not via_v]
    edges = [e] if m_end[0] - m_start[0] > 1e-9 else []   # a demand point at a node travels none of its edge
    if len(nodes) > 1:
        arc_edges, forward = graph.arcs(nodes[1:], nodes[:-1])   # tree arcs run from the facility outwards
        if (arc_edges < 0).any():
            raise ValueError('The shortest-path tree uses an arc that is not a road.')
        edges += list(arc_edges)
        lines += list(net.edge_line[arc_edges])
        m_start += list(net.edge_m0[arc_edges])
        m_end += list(net.edge_m1[arc_edges])
        flip += list(forward)   # drawn from the demand side: an edge travelled u -> v is drawn v -> u
    xy, off = cut_lines(net, lines, m_start, m_end)
    pieces = [xy[off[k]:off[k + 1]][::-1] if flip[k] else xy[off[k]:off[k + 1]] for k in range(len(lines))]
    network_m = float(np.sum(np.asarray(m_end) - np.asarray(m_start)))
    # the entrance the facility's virtual arc to the last node comes from (the cheapest, as in the graph)
    last = int(nodes[-1])
    rows = np.flatnonzero((sources.facility == f) & (sources.node == last))
    k = int(rows[np.argmin(sources.cost[rows])])
    entrance = int(fnet.source_entrance[k]) if fnet.source_entrance is not None else -1
    if entrance >= 0 and fnet.entrance_point is not None:
        on_road, ends = fnet.entrance_xy[entrance], [fnet.entrance_point[entrance][None, :]]
    else:
        on_road, ends = net.node_xy[last], []
    blocks = [att.xy[i][None, :]] + pieces + [on_road[None, :]]
    joins = float(sum(np.hypot(*(a[-1] - b[0])) for a, b in zip(blocks[:-1], blocks[1:])))
    line = np.vstack([demand_xy[i][None, :]] + blocks + ends)
    keep = np.r_[True, np.any(line[1:] != line[:-1], axis=1)]
    return DrawnRoute(line[keep], nodes, np.asarray(edges, np.int64), network_m, float(sources.length[k]), entrance,
                      joins)


@dataclass
class TreeRoutes:
    routes: list                 # DrawnRoute of every (point, facility) pair asked for, in that order
    edge_load: np.ndarray        # (m,) sum of the pairs' weights over the routes along every base-network edge
    edge_routes: np.ndarray      # (m,) routes along every base-network edge


def tree_routes(fnet, att, points_xy, point_index, facility_index, limit, weights=None, check_cancel=None,
                max_cells=4_000_000):
    """The route of every pair (point ``point_index[k]``, facility ``facility_index[k]``) along the facility's own
    shortest-path tree, and the load on every road.

    One bounded search per facility involved (``facility_reach`` with predecessors, within ``limit``); routes are
    drawn from the point to the facility's entrance (:func:`route_on_tree`). ``weights`` (e.g. people) are summed
    on every edge of the base network a route travels, its point's own edge included.
    """
    net, graph = fnet.net, fnet.graph
    points_xy = np.asarray(points_xy, np.float64).reshape(-1, 2)
    point_index = np.asarray(point_index, np.int64)
    facility_index = np.asarray(facility_index, np.int64)
    weights = np.ones(len(point_index)) if weights is None else np.asarray(weights, float)
    routes = [None] * len(point_index)
    by_facility = {}
    for k, f in enumerate(facility_index):
        by_facility.setdefault(int(f), []).append(k)
    cost = np.full(graph.n, np.inf)
    pred = np.full(graph.N, -9999, np.int64)
    used = np.array(sorted(by_facility), np.int64)
    for reach in facility_reach(graph, used, limit, need_pred=True, max_cells=max_cells, check_cancel=check_cancel):
        sub = reach.sub
        for r, facility in enumerate(reach.chunk):
            local = reach.pred[r]
            has = local >= 0
            cost[reach.nodes] = reach.cost[r]
            pred[sub[has]] = sub[local[has]]
            for k in by_facility[int(facility)]:
                routes[k] = route_on_tree(fnet, att, points_xy, int(point_index[k]), int(facility), cost, pred)
            cost[reach.nodes] = np.inf
            pred[sub] = -9999
    base_edge = net.edge_base if net.edge_base is not None else np.arange(net.n_edges)
    load = np.zeros(fnet.base.n_edges)
    count = np.zeros(fnet.base.n_edges, np.int64)
    for k, drawn in enumerate(routes):
        if drawn is None:
            continue
        travelled = drawn.edges[net.edge_len[drawn.edges] >= MIN_PIECE_M]   # not the slivers of a split at a node
        edges = np.unique(base_edge[travelled])   # pieces of one edge split at an entrance count once
        load[edges] += weights[k]
        count[edges] += 1
    return TreeRoutes(routes, load, count)


def straight_routes(fac_xy, demand_xy, limit=np.inf, cost_per_m=1.0, owner=None):
    """Without a network: the straight line to the nearest facility (facilities with nan points left out).

    ``owner``: the facility of each point of ``fac_xy`` when facilities have several points (default: point i
    is facility i); the route goes to the nearest point.
    """
    fac_xy = np.asarray(fac_xy, np.float64).reshape(-1, 2)
    demand_xy = np.asarray(demand_xy, np.float64).reshape(-1, 2)
    owner = np.arange(len(fac_xy)) if owner is None else np.asarray(owner, np.int64)
    usable = np.flatnonzero(~np.isnan(fac_xy[:, 0]))
    if len(usable) == 0:
        return [_unreachable(0.0) for _ in demand_xy]
    d, j = cKDTree(fac_xy[usable]).query(demand_xy)
    routes = []
    for i in range(len(demand_xy)):
        p = int(usable[j[i]])
        cost = float(d[i]) * cost_per_m
        routes.append(Route(int(owner[p]), np.vstack([demand_xy[i], fac_xy[p]]), cost, float(d[i]), 0.0, 0.0, 0.0,
                            bool(cost <= limit)))
    return routes
