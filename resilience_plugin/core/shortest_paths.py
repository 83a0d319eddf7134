"""Shortest paths from many facilities at once (scipy.sparse.csgraph), pure numpy/scipy.

Every facility is a virtual node with edges to its attachment nodes on the network, weighted by its
start cost (delay + access leg). One ``dijkstra(min_only=True)`` from all virtual nodes gives, for
every node, the cost from the nearest facility and which facility it is. Per-facility overlapping
areas use bounded searches (``limit=``) in chunks, so memory stays bounded.

csgraph ignores explicit zero weights (a zero is "no edge"), so every virtual edge carries a constant
``OFFSET`` that is subtracted again from the results, and real edges have a tiny positive floor.
"""
from dataclasses import dataclass

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra

OFFSET = 1.0
_FLOOR = 1e-12


@dataclass
class Sources:
    """Where each facility enters the network (a facility may have several entrances)."""
    facility: np.ndarray   # (a,) facility index
    node: np.ndarray       # (a,) node of the network
    cost: np.ndarray       # (a,) start cost: delay + cost of the access leg
    length: np.ndarray     # (a,) metres already travelled on arrival (the access leg)


class Graph:
    """The directed csgraph of a network plus one virtual node per facility."""

    def __init__(self, net, n_facilities, sources):
        self.net = net
        self.n = net.n_nodes
        self.n_facilities = int(n_facilities)
        self.N = self.n + self.n_facilities
        u, v = net.edge_u, net.edge_v
        length = net.edge_len
        cost = length * net.edge_cost_per_m
        real = (u != v) & np.isfinite(cost)
        f = net.edge_fwd & real
        b = net.edge_bwd & real
        src_ok = (sources.node >= 0) & np.isfinite(sources.cost)
        tails = np.concatenate([u[f], v[b], self.n + sources.facility[src_ok]])
        heads = np.concatenate([v[f], u[b], sources.node[src_ok]])
        weights = np.concatenate([np.maximum(cost[f], _FLOOR), np.maximum(cost[b], _FLOOR),
                                  OFFSET + sources.cost[src_ok]])
        lengths = np.concatenate([length[f], length[b], sources.length[src_ok]])
        edges = np.arange(len(u))
        # the network edge of every arc (-1: a virtual arc) and whether it runs u -> v
        arc_edge = np.concatenate([edges[f], edges[b], np.full(int(src_ok.sum()), -1)])
        arc_forward = np.concatenate([np.ones(int(f.sum()), bool), np.zeros(int(b.sum()) + int(src_ok.sum()), bool)])
        order = np.lexsort((weights, heads, tails))
        tails, heads, weights, lengths = tails[order], heads[order], weights[order], lengths[order]
        first = np.r_[True, (tails[1:] != tails[:-1]) | (heads[1:] != heads[:-1])]
        self.tails, self.heads = tails[first], heads[first]
        self.weights, self.lengths = weights[first], lengths[first]
        self.arc_edge, self.arc_forward = arc_edge[order][first], arc_forward[order][first]
        self.keys = self.tails.astype(np.int64) * self.N + self.heads
        self.csr = csr_matrix((self.weights, (self.tails, self.heads)), shape=(self.N, self.N))
        self.has_source = np.zeros(self.n_facilities, bool)
        self.has_source[sources.facility[src_ok]] = True

    def edge_length(self, tail, head):
        """Length of the graph edge tail -> head (arrays; tail < 0 gives 0)."""
        ok = tail >= 0
        out = np.zeros(len(tail))
        idx = np.searchsorted(self.keys, tail[ok].astype(np.int64) * self.N + head[ok])
        out[ok] = self.lengths[np.minimum(idx, len(self.lengths) - 1)]
        return out

    def arcs(self, tail, head):
        """Network edge (-1 for a virtual arc) and direction (True: u -> v) of the arcs tail -> head.

        Of parallel edges between two nodes the graph keeps the cheapest: the one shortest paths use.
        """
        idx = np.searchsorted(self.keys, np.asarray(tail, np.int64) * self.N + np.asarray(head, np.int64))
        idx = np.minimum(idx, len(self.keys) - 1)
        return self.arc_edge[idx], self.arc_forward[idx]

    def path_lengths(self, pred):
        """Network length of the tree path to every node (vectorised pointer jumping)."""
        N = len(pred)
        nodes = np.arange(N)
        p = np.where(pred < 0, nodes, pred).astype(np.int64)
        acc = self.edge_length(np.where(pred < 0, -1, pred), nodes)
        while True:
            pp = p[p]
            if np.array_equal(pp, p):
                break
            acc = acc + acc[p]
            p = pp
        return acc


@dataclass
class NearestResult:
    cost: np.ndarray       # (n,) cost from the nearest facility (inf when unreachable)
    facility: np.ndarray   # (n,) index of that facility (-1 when unreachable)
    length: np.ndarray     # (n,) network length of that path in metres
    pred: np.ndarray = None  # (N,) previous graph node on that path (< 0 at the start or when unreachable)


def nearest_facility(graph, limit=np.inf, need_length=True, facilities=None):
    """One multi-source pass for all facilities, or only ``facilities`` (cost, facility, path length per node)."""
    n = graph.n
    if facilities is None:
        starts = graph.n + np.flatnonzero(graph.has_source)
    else:
        facilities = np.asarray(facilities, np.int64)
        starts = graph.n + facilities[graph.has_source[facilities]]
    if len(starts) == 0:
        return NearestResult(np.full(n, np.inf), np.full(n, -1), np.full(n, np.inf), np.full(graph.N, -9999))
    lim = np.inf if not np.isfinite(limit) else float(limit) + OFFSET
    dist, pred, src = dijkstra(graph.csr, directed=True, indices=starts, min_only=True,
                               return_predecessors=True, limit=lim)
    cost = dist[:n] - OFFSET
    reached = np.isfinite(cost)
    facility = np.where(reached & (src[:n] >= n), src[:n] - n, -1)
    if need_length:
        length = graph.path_lengths(pred)[:n]
        length[~reached] = np.inf
    else:
        length = cost.copy()
    cost[~reached] = np.inf
    return NearestResult(cost, facility, length, pred)


def chunk_size(n_nodes, max_cells=4_000_000):
    return max(1, int(max_cells // max(n_nodes, 1)))


def facility_rows(graph, facilities=None, limit=np.inf, need_length=False, max_cells=4_000_000,
                  check_cancel=None):
    """Yield (facility indices, cost (c, n), length (c, n) or None) by bounded searches, in chunks."""
    n = graph.n
    facilities = np.flatnonzero(graph.has_source) if facilities is None else np.asarray(facilities)
    facilities = facilities[graph.has_source[facilities]]
    lim = np.inf if not np.isfinite(limit) else float(limit) + OFFSET
    step = chunk_size(graph.N, max_cells)
    for s in range(0, len(facilities), step):
        if check_cancel is not None:
            check_cancel()
        chunk = facilities[s:s + step]
        if need_length:
            dist, pred = dijkstra(graph.csr, directed=True, indices=n + chunk, limit=lim, return_predecessors=True)
            lengths = np.vstack([graph.path_lengths(pr)[:n] for pr in pred])
        else:
            dist = dijkstra(graph.csr, directed=True, indices=n + chunk, limit=lim)
            lengths = None
        cost = dist[:, :n] - OFFSET
        if lengths is not None:
            lengths[~np.isfinite(cost)] = np.inf
        yield chunk, cost, lengths


def edge_reach_cost(net, dist, edges, offsets):
    """Cost to reach points at ``offsets`` along ``edges`` from node costs ``dist`` (1-D or (c, n)).

    Returns (cost, via_v) where via_v tells whether the best way in is through the edge's v end.
    """
    return edge_reach_cost_from_ends(net, dist[..., net.edge_u[edges]], dist[..., net.edge_v[edges]], edges, offsets)


def edge_reach_cost_from_ends(net, cost_u, cost_v, edges, offsets):
    """As :func:`edge_reach_cost`, given the costs of the edges' u and v ends (arrays shaped like the result)."""
    c = net.edge_cost_per_m[edges]
    L = net.edge_len[edges]
    fwd, bwd = net.edge_fwd[edges], net.edge_bwd[edges]
    du = cost_u + offsets * c
    dv = cost_v + (L - offsets) * c
    du = np.where(fwd, du, np.inf)
    dv = np.where(bwd, dv, np.inf)
    via_v = dv < du
    return np.where(via_v, dv, du), via_v


def search_radius(graph, limit):
    """Euclidean radius around a facility's entrances that holds every node it reaches within ``limit``.

    Network cost >= (straight-line distance - slack) * the smallest cost per metre, where the slack sums
    how much shorter than the straight line between its nodes any edge is (snapped line ends; 0 on clean
    data). Returns inf when no finite bound exists.
    """
    net = graph.net
    real = (net.edge_u != net.edge_v) & (net.edge_fwd | net.edge_bwd)
    if not real.any():
        return 0.0
    cpm = net.edge_cost_per_m[real]
    min_cpm = float(cpm[np.isfinite(cpm)].min()) if np.isfinite(cpm).any() else np.inf
    if not min_cpm > 0:
        return np.inf
    u, v = net.edge_u[real], net.edge_v[real]
    euclid = np.hypot(*(net.node_xy[u] - net.node_xy[v]).T)
    slack = float(np.maximum(euclid - net.edge_len[real], 0.0).sum())
    return float(limit) / min_cpm + slack + 1e-6 * (1.0 + float(limit) / min_cpm)


@dataclass
class Reach:
    """Bounded searches of a chunk of facilities on a subgraph: dense rows over the subgraph's nodes."""
    chunk: np.ndarray      # (c,) facility indices
    nodes: np.ndarray      # (s,) network nodes of the subgraph (sorted)
    cost: np.ndarray       # (c, s) cost (inf beyond the limit or unreachable)
    length: np.ndarray     # (c, s) network metres, or None when lengths were not asked for
    pred: np.ndarray = None  # (c, s + c) previous subgraph index on the path (< 0: none), when asked for
    n: int = 0             # network nodes of the whole graph (the virtual node of facility f is n + f)

    @property
    def sub(self):
        """Graph node of every subgraph index: the network nodes, then the virtual nodes of the chunk."""
        return np.concatenate([self.nodes, self.n + self.chunk])

    def lookup(self, nodes):
        """Subgraph index of the graph ``nodes`` (-1 where a node is not in the subgraph)."""
        nodes = np.asarray(nodes, np.int64)
        if len(self.nodes) == 0:
            return np.full(len(nodes), -1, np.int64)
        pos = np.minimum(np.searchsorted(self.nodes, nodes), len(self.nodes) - 1)
        return np.where(self.nodes[pos] == nodes, pos, -1)


def facility_reach(graph, facilities=None, limit=np.inf, need_length=False, max_cells=4_000_000,
                   check_cancel=None, need_pred=False):
    """Yield :class:`Reach` chunks: bounded per-facility searches on local subgraphs.

    Facilities are grouped by tiles of the search radius; every group searches only the nodes within that
    radius of its facilities' entrances (:func:`search_radius`), so the work grows with the facilities times
    the nodes near each, not times the whole network. Same costs as :func:`facility_rows`. ``need_pred`` keeps
    every search's predecessors (``Reach.pred``), to draw the paths.
    """
    n = graph.n
    facilities = np.flatnonzero(graph.has_source) if facilities is None else np.asarray(facilities, np.int64)
    facilities = facilities[graph.has_source[facilities]]
    if len(facilities) == 0:
        return
    radius = search_radius(graph, limit) if np.isfinite(limit) else np.inf
    if not np.isfinite(radius):
        if not need_pred:
            for chunk, cost, lengths in facility_rows(graph, facilities, limit, need_length, max_cells, check_cancel):
                yield Reach(chunk, np.arange(n), cost, lengths, None, n)
            return
        lim = np.inf if not np.isfinite(limit) else float(limit) + OFFSET
        step = chunk_size(graph.N, max_cells)
        for s in range(0, len(facilities), step):
            if check_cancel is not None:
                check_cancel()
            yield _search(graph, np.arange(n), facilities[s:s + step], lim, need_length, need_pred)
        return
    lim = float(limit) + OFFSET
    xy = graph.net.node_xy
    # entrances of every facility (virtual edges) and their bounding boxes
    virt = graph.tails >= n
    fac_of, ent = graph.tails[virt] - n, graph.heads[virt]
    F = graph.n_facilities
    x0 = np.full(F, np.inf)
    y0 = np.full(F, np.inf)
    x1 = np.full(F, -np.inf)
    y1 = np.full(F, -np.inf)
    np.minimum.at(x0, fac_of, xy[ent, 0])
    np.minimum.at(y0, fac_of, xy[ent, 1])
    np.maximum.at(x1, fac_of, xy[ent, 0])
    np.maximum.at(y1, fac_of, xy[ent, 1])
    tile = max(radius, 1e-9)
    cx = np.floor((x0[facilities] + x1[facilities]) / 2.0 / tile).astype(np.int64)
    cy = np.floor((y0[facilities] + y1[facilities]) / 2.0 / tile).astype(np.int64)
    order = np.lexsort((cy, cx))
    facilities, cx, cy = facilities[order], cx[order], cy[order]
    bounds = np.flatnonzero(np.r_[True, (cx[1:] != cx[:-1]) | (cy[1:] != cy[:-1]), True])
    by_x = np.argsort(xy[:, 0], kind='stable')
    xs = xy[by_x, 0]
    for a, b in zip(bounds[:-1], bounds[1:]):
        group = facilities[a:b]
        bx0, by0 = x0[group].min() - radius, y0[group].min() - radius
        bx1, by1 = x1[group].max() + radius, y1[group].max() + radius
        cand = by_x[np.searchsorted(xs, bx0, 'left'):np.searchsorted(xs, bx1, 'right')]
        cand = np.sort(cand[(xy[cand, 1] >= by0) & (xy[cand, 1] <= by1)])
        step = max(1, int(max_cells // max(len(cand) + len(group), 1)))
        for s in range(0, len(group), step):
            if check_cancel is not None:
                check_cancel()
            yield _search(graph, cand, group[s:s + step], lim, need_length, need_pred)


def _search(graph, cand, chunk, lim, need_length, need_pred):
    """Reach of the facilities ``chunk`` on the subgraph of the network nodes ``cand`` (sorted)."""
    n = graph.n
    sub = np.concatenate([cand, n + chunk])
    local = graph.csr[sub][:, sub]
    starts = len(cand) + np.arange(len(chunk))
    if need_length or need_pred:
        dist, pred = dijkstra(local, directed=True, indices=starts, limit=lim, return_predecessors=True)
    else:
        dist, pred = dijkstra(local, directed=True, indices=starts, limit=lim), None
    cost = dist[:, :len(cand)] - OFFSET
    lengths = None
    if need_length:
        lengths = np.vstack([_local_lengths(graph, sub, pr) for pr in pred])[:, :len(cand)]
        lengths[~np.isfinite(cost)] = np.inf
    return Reach(chunk, cand, cost, lengths, pred if need_pred else None, n)


def _local_lengths(graph, sub, pred):
    """Network length of the tree path to every node of a subgraph search (pred in local indices)."""
    nodes = np.arange(len(pred))
    has = pred >= 0
    p = np.where(has, pred, nodes).astype(np.int64)
    acc = np.zeros(len(pred))
    acc[has] = graph.edge_length(sub[pred[has]], sub[nodes[has]])
    while True:
        pp = p[p]
        if np.array_equal(pp, p):
            break
        acc = acc + acc[p]
        p = pp
    return acc
