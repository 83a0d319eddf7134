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
from .shortest_paths import edge_reach_cost, nearest_facility

_EMPTY = np.zeros((0, 2))


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


def tree_path(result, node, n_nodes):
    """Nodes from ``node`` back along the predecessors to the first network node after the facility.

    Returns (nodes, facility's virtual node); the virtual node is -1 when the path does not reach one.
    """
    nodes = [int(node)]
    for _ in range(n_nodes):
        prev = int(result.pred[nodes[-1]])
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
    net, graph, sources = fnet.net, fnet.graph, fnet.sources
    routes = []
    for i in range(len(att.edge)):
        f = int(assignment.facility[i])
        if f < 0 or att.edge[i] < 0:
            routes.append(_unreachable(float(att.access[i])))
            continue
        e, offset = int(att.edge[i]), float(att.offset[i])
        _, via_v = edge_reach_cost(net, result.cost, np.array([e]), np.array([offset]))
        via_v = bool(via_v[0])
        end = int(net.edge_v[e] if via_v else net.edge_u[e])
        nodes, virtual = tree_path(result, end, graph.n)
        if virtual - graph.n != f:
            raise ValueError('The shortest-path tree does not lead to the nearest facility.')
        # the piece of the demand point's edge up to ``end``, then the edges of the tree path
        m = net.edge_m0[e] + offset
        lines, m_start, m_end, flip = [net.edge_line[e]], [m if via_v else net.edge_m0[e]], \
            [net.edge_m1[e] if via_v else m], [not via_v]
        if len(nodes) > 1:
            edges, forward = graph.arcs(nodes[1:], nodes[:-1])   # tree arcs run from the facility outwards
            if (edges < 0).any():
                raise ValueError('The shortest-path tree uses an arc that is not a road.')
            lines += list(net.edge_line[edges])
            m_start += list(net.edge_m0[edges])
            m_end += list(net.edge_m1[edges])
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
        routes.append(Route(f, line[keep], float(assignment.cost[i]), float(assignment.distance_m[i]),
                            float(att.access[i]), network_m, float(sources.length[k]),
                            bool(assignment.covered[i]), nodes, entrance, joins))
    return routes


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
