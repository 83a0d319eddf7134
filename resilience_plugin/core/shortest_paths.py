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
        order = np.lexsort((weights, heads, tails))
        tails, heads, weights, lengths = tails[order], heads[order], weights[order], lengths[order]
        first = np.r_[True, (tails[1:] != tails[:-1]) | (heads[1:] != heads[:-1])]
        self.tails, self.heads = tails[first], heads[first]
        self.weights, self.lengths = weights[first], lengths[first]
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


def nearest_facility(graph, limit=np.inf, need_length=True):
    """One multi-source pass for all facilities (cost, facility and path length per node)."""
    n = graph.n
    starts = graph.n + np.flatnonzero(graph.has_source)
    if len(starts) == 0:
        return NearestResult(np.full(n, np.inf), np.full(n, -1), np.full(n, np.inf))
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
    return NearestResult(cost, facility, length)


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
    u, v = net.edge_u[edges], net.edge_v[edges]
    c = net.edge_cost_per_m[edges]
    L = net.edge_len[edges]
    fwd, bwd = net.edge_fwd[edges], net.edge_bwd[edges]
    du = dist[..., u] + offsets * c
    dv = dist[..., v] + (L - offsets) * c
    du = np.where(fwd, du, np.inf)
    dv = np.where(bwd, dv, np.inf)
    via_v = dv < du
    return np.where(via_v, dv, du), via_v
