"""Service areas as network pieces: edges cut at the limit (pure numpy).

A point at ``x`` metres from an edge's u end is reached at ``cost(u) + x * c`` through u (when the
edge may be travelled u -> v) or ``cost(v) + (L - x) * c`` through v. Every edge gives at most two
pieces: the stretch reached through u and the stretch reached through v, each cut at the limit and,
when two different facilities reach the edge, at the point where they meet.
"""
from dataclasses import dataclass

import numpy as np


@dataclass
class Pieces:
    edge: np.ndarray        # edge of the network
    facility: np.ndarray    # facility index
    line: np.ndarray        # line index (for geometry)
    m_start: np.ndarray     # measure along the line where the piece starts
    m_end: np.ndarray
    cost_start: np.ndarray  # cost at m_start and at m_end
    cost_end: np.ndarray
    dist_start: np.ndarray  # network metres travelled at m_start and at m_end
    dist_end: np.ndarray

    @property
    def length(self):
        return self.m_end - self.m_start

    def __len__(self):
        return len(self.edge)

    @staticmethod
    def concat(items):
        items = [p for p in items if p is not None]
        if not items:
            return Pieces(*[np.zeros(0, t) for t in (np.int64, np.int64, np.int64)], *[np.zeros(0)] * 6)
        return Pieces(*[np.concatenate([getattr(p, f) for p in items]) for f in Pieces.__dataclass_fields__])


def cut_edges(net, edges, cost_u, cost_v, fac_u, fac_v, len_u, len_v, limit):
    """Pieces of ``edges`` within ``limit`` given the costs, facilities and lengths at their ends."""
    edges = np.asarray(edges, np.int64)
    L = net.edge_len[edges]
    c = net.edge_cost_per_m[edges]
    ok_u = net.edge_fwd[edges] & (cost_u <= limit) & (fac_u >= 0)
    ok_v = net.edge_bwd[edges] & (cost_v <= limit) & (fac_v >= 0)
    with np.errstate(invalid='ignore', divide='ignore'):
        reach_u = np.where(ok_u, np.minimum((limit - cost_u) / c, L), 0.0)
        reach_v = np.where(ok_v, np.minimum((limit - cost_v) / c, L), 0.0)
        meet = np.where(ok_u & ok_v, np.clip((cost_v - cost_u + L * c) / (2.0 * c), 0.0, L),
                        np.where(ok_u, L, 0.0))
    a_end = np.minimum(reach_u, meet)
    b_start = np.maximum(L - reach_v, meet)
    has_a = ok_u & (a_end > 0)
    has_b = ok_v & (b_start < L)
    m0 = net.edge_m0[edges]
    line = net.edge_line[edges]
    ia, ib = np.flatnonzero(has_a), np.flatnonzero(has_b)
    pa = Pieces(edges[ia], fac_u[ia], line[ia], m0[ia], m0[ia] + a_end[ia], cost_u[ia],
                cost_u[ia] + a_end[ia] * c[ia], len_u[ia], len_u[ia] + a_end[ia])
    back = L[ib] - b_start[ib]
    pb = Pieces(edges[ib], fac_v[ib], line[ib], m0[ib] + b_start[ib], m0[ib] + L[ib], cost_v[ib] + back * c[ib],
                cost_v[ib], len_v[ib] + back, len_v[ib])
    return Pieces.concat([pa, pb])


def nearest_pieces(net, result, limit):
    """Nearest-facility service-area pieces from a multi-source result (one piece per edge side)."""
    reached = result.cost <= limit
    edges = np.flatnonzero(reached[net.edge_u] | reached[net.edge_v])
    u, v = net.edge_u[edges], net.edge_v[edges]
    return cut_edges(net, edges, result.cost[u], result.cost[v], result.facility[u], result.facility[v],
                     result.length[u], result.length[v], limit)


def incidence(net):
    """CSR-like (indptr, edge ids) of the edges at every node."""
    n = net.n_nodes
    ends = np.concatenate([net.edge_u, net.edge_v])
    ids = np.concatenate([np.arange(net.n_edges), np.arange(net.n_edges)])
    order = np.argsort(ends, kind='stable')
    indptr = np.concatenate([[0], np.cumsum(np.bincount(ends, minlength=n))])
    return indptr, ids[order]


def incidence_sides(net):
    """Like :func:`incidence`, plus for every entry whether the node is the edge's u end."""
    n = net.n_nodes
    ends = np.concatenate([net.edge_u, net.edge_v])
    ids = np.concatenate([np.arange(net.n_edges), np.arange(net.n_edges)])
    order = np.argsort(ends, kind='stable')
    indptr = np.concatenate([[0], np.cumsum(np.bincount(ends, minlength=n))])
    return indptr, ids[order], order < net.n_edges


def overlapping_pieces(net, chunk, cost, lengths, limit, inc=None):
    """Per-facility pieces for a chunk of bounded searches (``cost`` is (c, n))."""
    indptr, inc_edges = incidence(net) if inc is None else inc
    rows, nodes = np.nonzero(cost <= limit)
    deg = indptr[nodes + 1] - indptr[nodes]
    r = np.repeat(rows, deg)
    start = np.repeat(indptr[nodes], deg)
    within = np.arange(deg.sum()) - np.repeat(np.cumsum(deg) - deg, deg)
    e = inc_edges[start + within]
    key = np.unique(r.astype(np.int64) * net.n_edges + e)
    r, e = key // net.n_edges, key % net.n_edges
    u, v = net.edge_u[e], net.edge_v[e]
    cu, cv = cost[r, u], cost[r, v]
    lens = cost if lengths is None else lengths
    fac = np.asarray(chunk)[r]
    return cut_edges(net, e, cu, cv, fac, fac, lens[r, u], lens[r, v], limit)


def covered_length_by_facility(pieces, n_facilities):
    return np.bincount(pieces.facility, weights=pieces.length, minlength=n_facilities)


def overlapping_pieces_sparse(net, reach, limit, inc=None, local=None):
    """Per-facility pieces of a :class:`~.shortest_paths.Reach` (searches on a subgraph of the network).

    Nodes outside the subgraph are farther than the limit from the chunk's facilities, which
    :func:`cut_edges` treats exactly like an infinite cost: the pieces equal those of
    :func:`overlapping_pieces`. ``local``: a reusable (n,) int array filled with -1.
    """
    indptr, inc_edges, is_u = incidence_sides(net) if inc is None or len(inc) < 3 else inc
    n = net.n_nodes
    local = np.full(n, -1, np.int64) if local is None else local
    local[reach.nodes] = np.arange(len(reach.nodes))
    try:
        cost = reach.cost
        rows, k = np.nonzero(cost <= limit)
        nodes = reach.nodes[k]
        deg = indptr[nodes + 1] - indptr[nodes]
        r = np.repeat(rows, deg)
        start = np.repeat(indptr[nodes], deg)
        within = np.arange(deg.sum()) - np.repeat(np.cumsum(deg) - deg, deg)
        slot = start + within
        e = inc_edges[slot]
        u, v = net.edge_u[e], net.edge_v[e]
        lu, lv = local[u], local[v]
        cu = np.where(lu >= 0, cost[r, lu], np.inf)
        cv = np.where(lv >= 0, cost[r, lv], np.inf)
        # every (facility, edge) once: from its u end, or from its v end when u is not reached
        side_u = is_u[slot]
        keep = side_u | ~(cu <= limit)
        r, e, u, v, lu, lv, cu, cv = r[keep], e[keep], u[keep], v[keep], lu[keep], lv[keep], cu[keep], cv[keep]
        lens = cost if reach.length is None else reach.length
        len_u = np.where(lu >= 0, lens[r, lu], np.inf)
        len_v = np.where(lv >= 0, lens[r, lv], np.inf)
        fac = np.asarray(reach.chunk)[r]
        return cut_edges(net, e, cu, cv, fac, fac, len_u, len_v, limit)
    finally:
        local[reach.nodes] = -1


def piece_geometries(net, pieces, tol=1e-9):
    """Coordinates and offsets of the pieces' lines, like :func:`~.network.cut_lines`, faster when most
    pieces are whole edges (per-facility areas): whole edges are cut once and copied."""
    from .network import cut_lines
    e = pieces.edge
    full = (pieces.m_start <= net.edge_m0[e] + tol) & (pieces.m_end >= net.edge_m1[e] - tol)
    if full.sum() < 0.5 * len(e):
        return cut_lines(net, pieces.line, pieces.m_start, pieces.m_end)
    used, inverse = np.unique(e[full], return_inverse=True)
    exy, eoff = cut_lines(net, net.edge_line[used], net.edge_m0[used], net.edge_m1[used])
    part = np.flatnonzero(~full)
    pxy, poff = cut_lines(net, pieces.line[part], pieces.m_start[part], pieces.m_end[part])
    counts = np.empty(len(e), np.int64)
    counts[full] = np.diff(eoff)[inverse]
    counts[part] = np.diff(poff)
    off = np.concatenate([[0], np.cumsum(counts)])
    out = np.empty((off[-1], 2))
    fi = np.flatnonzero(full)
    c = counts[fi]
    dst = np.repeat(off[fi], c) + (np.arange(c.sum()) - np.repeat(np.cumsum(c) - c, c))
    out[dst] = exy[np.repeat(eoff[:-1][inverse], c) + (np.arange(c.sum()) - np.repeat(np.cumsum(c) - c, c))]
    c = counts[part]
    dst = np.repeat(off[part], c) + (np.arange(c.sum()) - np.repeat(np.cumsum(c) - c, c))
    out[dst] = pxy
    return out, off
