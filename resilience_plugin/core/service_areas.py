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
        cols = {}
        for f in Pieces.__dataclass_fields__:
            # distances that are the costs (metres as cost) stay one array
            twin = {'dist_start': 'cost_start', 'dist_end': 'cost_end'}.get(f)
            if twin is not None and all(getattr(p, f) is getattr(p, twin) for p in items):
                cols[f] = cols[twin]
            else:
                cols[f] = np.concatenate([getattr(p, f) for p in items])
        return Pieces(**cols)


def cut_edges(net, edges, cost_u, cost_v, fac_u, fac_v, len_u, len_v, limit):
    """Pieces of ``edges`` within ``limit`` given the costs, facilities and lengths at their ends."""
    edges = np.asarray(edges, np.int64)
    m0 = net.edge_m0[edges]
    L = net.edge_m1[edges] - m0  # net.edge_len[edges] without computing it for every edge
    c = net.edge_cost_per_m[edges]
    ok_u = net.edge_fwd[edges] & (cost_u <= limit) & (fac_u >= 0)
    ok_v = net.edge_bwd[edges] & (cost_v <= limit) & (fac_v >= 0)
    with np.errstate(invalid='ignore', divide='ignore'):
        reach_u = np.where(ok_u, np.minimum((limit - cost_u) / c, L), 0.0)
        reach_v = np.where(ok_v, np.minimum((limit - cost_v) / c, L), 0.0)
        meet = np.where(ok_u & ok_v, np.minimum(np.maximum((cost_v - cost_u + L * c) / (2.0 * c), 0.0), L),
                        np.where(ok_u, L, 0.0))
    a_end = np.minimum(reach_u, meet)
    b_start = np.maximum(L - reach_v, meet)
    has_a = ok_u & (a_end > 0)
    has_b = ok_v & (b_start < L)
    line = net.edge_line[edges]
    ia, ib = np.flatnonzero(has_a), np.flatnonzero(has_b)
    # lengths given as the costs themselves with 1 cost unit per metre: the distances are the costs
    same = len_u is cost_u and len_v is cost_v and bool(np.all(c == 1.0))
    a_len = a_end[ia]
    cs = cost_u[ia]
    ce = cs + a_len * c[ia] if not same else cs + a_len
    pa = Pieces(edges[ia], fac_u[ia], line[ia], m0[ia], m0[ia] + a_len, cs, ce,
                cs if same else len_u[ia], ce if same else len_u[ia] + a_len)
    back = L[ib] - b_start[ib]
    ce = cost_v[ib]
    cs = ce + back * c[ib] if not same else ce + back
    pb = Pieces(edges[ib], fac_v[ib], line[ib], m0[ib] + b_start[ib], m0[ib] + L[ib], cs, ce,
                cs if same else len_v[ib] + back, ce if same else len_v[ib])
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
    nodes = reach.nodes
    s = len(nodes)
    local[nodes] = np.arange(s)
    try:
        # the subgraph's edges, each once: from its u end, or from its v end when u is outside
        deg = indptr[nodes + 1] - indptr[nodes]
        slot = np.repeat(indptr[nodes] - np.cumsum(deg) + deg, deg) + np.arange(deg.sum())
        e = inc_edges[slot]
        u, v = net.edge_u[e], net.edge_v[e]
        lu, lv = local[u], local[v]
        keep = is_u[slot] | (lu < 0)
        e, lu, lv = e[keep], lu[keep], lv[keep]
    finally:
        local[nodes] = -1
    # costs at both ends for every (facility, subgraph edge); column s is +inf (outside the subgraph)
    cost = reach.cost
    ext = np.empty((cost.shape[0], s + 1))
    ext[:, :s] = cost
    ext[:, s] = np.inf
    lu[lu < 0] = s
    lv[lv < 0] = s
    cu_all, cv_all = ext[:, lu], ext[:, lv]
    r, j = np.nonzero((cu_all <= limit) | (cv_all <= limit))
    cu, cv = cu_all[r, j], cv_all[r, j]
    e = e[j]
    if reach.length is None:
        len_u, len_v = cu, cv
    else:
        lens = np.empty((cost.shape[0], s + 1))
        lens[:, :s] = reach.length
        lens[:, s] = np.inf
        len_u, len_v = lens[r, lu[j]], lens[r, lv[j]]
    fac = np.asarray(reach.chunk)[r]
    return cut_edges(net, e, cu, cv, fac, fac, len_u, len_v, limit)


def piece_geometries(net, pieces, tol=1e-9, chunk=1 << 18):
    """Coordinates and offsets of the pieces' lines, like :func:`~.network.cut_lines`, faster when most
    pieces are whole edges (per-facility areas): whole edges reuse the edge's vertices by index (each
    used edge is cut once), only partial pieces are interpolated. Pieces are gathered chunk by chunk so
    that the temporaries stay small whatever the number of pieces."""
    from .network import cut_lines
    k = len(pieces)
    if k == 0:
        return np.zeros((0, 2)), np.zeros(1, np.int64)
    e = pieces.edge
    # pass 1: per piece, where its vertices start in a source table (used edges' geometries, then the
    # partial pieces' geometries) and how many there are
    full = np.empty(k, bool)
    for a in range(0, k, chunk):
        ec = e[a:a + chunk]
        full[a:a + chunk] = ((pieces.m_start[a:a + chunk] <= net.edge_m0[ec] + tol)
                             & (pieces.m_end[a:a + chunk] >= net.edge_m1[ec] - tol))
    used = np.zeros(net.n_edges, bool)
    used[e] = True
    used = np.flatnonzero(used)
    exy, eoff = cut_lines(net, net.edge_line[used], net.edge_m0[used], net.edge_m1[used])
    row = np.zeros(net.n_edges, np.int64)
    row[used] = np.arange(len(used))
    ecount = np.diff(eoff)
    off = np.zeros(k + 1, np.int64)  # counts, then offsets
    for a in range(0, k, chunk):
        r = row[e[a:a + chunk]]
        off[a + 1:a + 1 + len(r)] = ecount[r]
    # partial pieces of straight edges (no inner vertex) have their edge's 2 vertices: they are copied
    # like whole edges, then their ends are moved along the edge; the other partial pieces are cut from
    # their lines
    part = np.flatnonzero(~full)
    straight = ecount[row[e[part]]] == 2
    sp, cp = part[straight], part[~straight]
    pxy, poff = cut_lines(net, pieces.line[cp], pieces.m_start[cp], pieces.m_end[cp])
    src_xy = np.concatenate([exy, pxy])
    off[cp + 1] = np.diff(poff)
    np.cumsum(off, out=off)
    # one gather per chunk of pieces
    out = np.empty((off[-1], 2))
    for a in range(0, k, chunk):
        b = min(a + chunk, k)
        src = eoff[row[e[a:b]]]
        lo, hi = np.searchsorted(cp, [a, b])
        src[cp[lo:hi] - a] = len(exy) + poff[lo:hi]
        c = off[a + 1:b + 1] - off[a:b]
        idx = np.repeat(src - off[a:b], c)
        idx += np.arange(off[a], off[b])
        out[off[a]:off[b]] = src_xy[idx]
    for a in range(0, len(sp), chunk):
        q = sp[a:a + chunk]
        pe = e[q]
        m0 = net.edge_m0[pe]
        span = net.edge_m1[pe] - m0
        with np.errstate(invalid='ignore', divide='ignore'):
            t0 = np.where(span > 0, (pieces.m_start[q] - m0) / span, 0.0)
            t1 = np.where(span > 0, (pieces.m_end[q] - m0) / span, 0.0)
        a_xy, b_xy = out[off[q]], out[off[q] + 1]
        d = b_xy - a_xy
        out[off[q]] = a_xy + d * np.clip(t0, 0.0, 1.0)[:, None]
        out[off[q] + 1] = a_xy + d * np.clip(t1, 0.0, 1.0)[:, None]
    return out, off
