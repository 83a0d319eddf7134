"""A routable network built once from line geometries (pure numpy/scipy, no QGIS).

Lines are given as one array of vertex coordinates and an array of offsets (line ``i`` has the
vertices ``coords[offsets[i]:offsets[i + 1]]``). Nodes are the vertices where lines end or where
several lines share a vertex (OpenStreetMap ways are not split at junctions: a junction is a shared
interior vertex). Line ends closer than a tolerance to another vertex are snapped onto it.

Every edge is a stretch of one line between two consecutive nodes; it keeps the measures (distance
along its line) of its ends, so pieces of it can be cut out again with their real geometry.
"""
import struct
from dataclasses import dataclass, replace

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components
from scipy.spatial import cKDTree


class NetworkError(ValueError):
    """The lines do not make a usable network."""


# ---------------------------------------------------------------------------------------------
# Geometry helpers
# ---------------------------------------------------------------------------------------------

def parse_wkb_lines(wkbs):
    """Parse (Multi)LineString WKB (2D, Z, M, ZM; ISO or EWKB flags) into coords, offsets, part_of.

    ``part_of[k]`` is the index in ``wkbs`` of line part ``k``. Other geometry types are skipped.
    """
    coords, offsets, part_of = [], [0], []
    total = 0

    def read_line(buf, pos, index):
        nonlocal total
        order = '<' if buf[pos] == 1 else '>'
        gtype = struct.unpack_from(order + 'I', buf, pos + 1)[0]
        dims = _wkb_dims(gtype)
        n = struct.unpack_from(order + 'I', buf, pos + 5)[0]
        start = pos + 9
        arr = np.frombuffer(buf, dtype=np.dtype(order + 'f8'), count=n * dims, offset=start).reshape(n, dims)
        if n >= 2:
            coords.append(arr[:, :2])
            total += n
            offsets.append(total)
            part_of.append(index)
        return start + 8 * n * dims

    for index, buf in enumerate(wkbs):
        if buf is None or len(buf) < 9:
            continue
        buf = bytes(buf)
        order = '<' if buf[0] == 1 else '>'
        gtype = struct.unpack_from(order + 'I', buf, 1)[0]
        base = (gtype & 0x0FFFFFFF) % 1000
        if base == 2:
            read_line(buf, 0, index)
        elif base == 5:
            count = struct.unpack_from(order + 'I', buf, 5)[0]
            pos = 9
            for _ in range(count):
                pos = read_line(buf, pos, index)
    if not coords:
        return np.zeros((0, 2)), np.zeros(1, np.int64), np.zeros(0, np.int64)
    return (np.ascontiguousarray(np.concatenate(coords), dtype=np.float64), np.asarray(offsets, np.int64),
            np.asarray(part_of, np.int64))


def _wkb_dims(gtype):
    dims = 2
    if gtype & 0x80000000 or (gtype % 10000) // 1000 in (1, 3):
        dims += 1
    if gtype & 0x40000000 or (gtype % 10000) // 1000 in (2, 3):
        dims += 1
    return dims


def line_index_of_vertices(offsets):
    counts = np.diff(offsets)
    return np.repeat(np.arange(len(counts)), counts)


def vertex_measures(coords, offsets):
    """Distance along its line of every vertex (0 at each line's first vertex)."""
    seg = np.zeros(len(coords))
    if len(coords) > 1:
        seg[1:] = np.hypot(np.diff(coords[:, 0]), np.diff(coords[:, 1]))
    seg[offsets[:-1]] = 0.0
    cum = np.cumsum(seg)
    start = cum[offsets[:-1]]
    return cum - np.repeat(start, np.diff(offsets))


# ---------------------------------------------------------------------------------------------
# The network
# ---------------------------------------------------------------------------------------------

@dataclass
class Network:
    coords: np.ndarray       # (V, 2) vertices of all lines
    offsets: np.ndarray      # (L + 1,)
    measure: np.ndarray      # (V,) distance along the line
    node_xy: np.ndarray      # (n, 2)
    edge_u: np.ndarray       # (m,) node at the lower measure
    edge_v: np.ndarray       # (m,) node at the higher measure
    edge_line: np.ndarray    # (m,) line index
    edge_m0: np.ndarray      # (m,) measure of u along the line
    edge_m1: np.ndarray      # (m,) measure of v along the line
    edge_fwd: np.ndarray     # (m,) bool, u -> v allowed
    edge_bwd: np.ndarray     # (m,) bool, v -> u allowed
    edge_cost_per_m: np.ndarray  # (m,) cost of one metre (1 for distance, minutes per metre for time)
    component: np.ndarray    # (n,) weakly connected part of each node
    n_components: int
    edge_base: np.ndarray = None  # (m,) edge of the unsplit network this edge is part of

    @property
    def n_nodes(self):
        return len(self.node_xy)

    @property
    def n_edges(self):
        return len(self.edge_u)

    @property
    def edge_len(self):
        return self.edge_m1 - self.edge_m0

    def component_sizes(self):
        return np.bincount(self.component, minlength=self.n_components)

    def with_blocked(self, blocked):
        """A copy whose edges in the boolean mask ``blocked`` are impassable."""
        blocked = np.asarray(blocked, bool)
        return replace(self, edge_fwd=self.edge_fwd & ~blocked, edge_bwd=self.edge_bwd & ~blocked)


def build_network(coords, offsets, oneway=None, speed_kmh=None, passable=None, snap_tolerance=0.0,
                  time_cost=False):
    """Build the network of the lines ``coords``/``offsets``.

    oneway: per line 0 (both ways), 1 (along the digitised direction), -1 (against it).
    speed_kmh: per line, used when ``time_cost`` (costs are then minutes, else metres).
    passable: per line, False makes the line impassable (it stays in the network for output).
    snap_tolerance: line ends within this distance (map units) of another vertex are joined to it; a line
    end within it of another line's segment (T-junction without a shared vertex) splits that segment at
    the projected point and is joined there (see :func:`insert_t_junctions`).
    """
    coords = np.ascontiguousarray(coords, dtype=np.float64)
    offsets = np.asarray(offsets, dtype=np.int64)
    n_lines = len(offsets) - 1
    if n_lines <= 0 or len(coords) < 2:
        raise NetworkError('The network has no lines.')
    if snap_tolerance and snap_tolerance > 0:
        coords, offsets = insert_t_junctions(coords, offsets, snap_tolerance)
    measure = vertex_measures(coords, offsets)
    line_of = line_index_of_vertices(offsets)

    # Positions: identical coordinates are one position.
    key = coords[:, 0] + 1j * coords[:, 1]
    unique_key, position = np.unique(key, return_inverse=True)
    n_pos = len(unique_key)
    pos_xy = np.column_stack([unique_key.real, unique_key.imag])
    is_end = np.zeros(len(coords), bool)
    is_end[offsets[:-1]] = True
    is_end[offsets[1:] - 1] = True

    if snap_tolerance and snap_tolerance > 0:
        end_pos = np.unique(position[is_end])
        tree = cKDTree(pos_xy)
        end_tree = cKDTree(pos_xy[end_pos])
        pairs = end_tree.sparse_distance_matrix(tree, snap_tolerance, output_type='coo_matrix')
        rows = end_pos[pairs.row]
        graph = coo_matrix((np.ones(len(rows)), (rows, pairs.col)), shape=(n_pos, n_pos))
        _, cluster = connected_components(graph, directed=False)
        # Representative coordinate: the first position of each cluster.
        first = np.full(cluster.max() + 1, -1)
        order = np.arange(n_pos)[::-1]
        first[cluster[order]] = order
        position = cluster[position]
        pos_xy = pos_xy[first]
        n_pos = len(first)

    count = np.bincount(position, minlength=n_pos)
    node_flag = count > 1
    node_flag[position[is_end]] = True
    node_id = np.full(n_pos, -1, np.int64)
    node_id[node_flag] = np.arange(int(node_flag.sum()))
    node_xy = pos_xy[node_flag]

    at_node = node_flag[position] | is_end
    k = np.flatnonzero(at_node)
    same_line = line_of[k[:-1]] == line_of[k[1:]]
    a, b = k[:-1][same_line], k[1:][same_line]
    edge_line = line_of[a]
    edge_u = node_id[position[a]]
    edge_v = node_id[position[b]]
    edge_m0, edge_m1 = measure[a], measure[b]

    oneway = np.zeros(n_lines, np.int8) if oneway is None else np.asarray(oneway, np.int8)
    passable = np.ones(n_lines, bool) if passable is None else np.asarray(passable, bool)
    ow, ok = oneway[edge_line], passable[edge_line]
    edge_fwd = ok & (ow >= 0)
    edge_bwd = ok & (ow <= 0)
    if time_cost:
        if speed_kmh is None:
            raise NetworkError('A speed is needed for travel times.')
        speed = np.asarray(speed_kmh, np.float64)[edge_line]
        bad = ~(speed > 0)
        edge_fwd &= ~bad
        edge_bwd &= ~bad
        cost_per_m = np.where(bad, np.inf, 60.0 / (np.where(bad, 1.0, speed) * 1000.0))
    else:
        cost_per_m = np.ones(len(edge_line))

    n_nodes = len(node_xy)
    graph = coo_matrix((np.ones(len(edge_u)), (edge_u, edge_v)), shape=(n_nodes, n_nodes))
    n_comp, component = connected_components(graph, directed=False)
    return Network(coords, offsets, measure, node_xy, edge_u, edge_v, edge_line, edge_m0, edge_m1, edge_fwd,
                   edge_bwd, cost_per_m, component, n_comp, np.arange(len(edge_u)))


def bridge_edges(net):
    """Edges whose loss splits the network: the bridges of its undirected graph of passable edges.

    Iterative depth-first search with low links (Tarjan 1974); parallel edges between two nodes are not
    bridges (either can be lost), self-loops never are. Returns a boolean mask over the edges.
    """
    usable = (net.edge_fwd | net.edge_bwd) & (net.edge_u != net.edge_v)
    edges = np.flatnonzero(usable)
    n = net.n_nodes
    tails = np.concatenate([net.edge_u[edges], net.edge_v[edges]])
    heads = np.concatenate([net.edge_v[edges], net.edge_u[edges]])
    ids = np.concatenate([edges, edges])
    order = np.argsort(tails, kind='stable')
    heads, ids = heads[order], ids[order]
    start = np.searchsorted(tails[order], np.arange(n + 1))
    disc = np.full(n, -1, np.int64)
    low = np.zeros(n, np.int64)
    bridge = np.zeros(net.n_edges, bool)
    clock = 0
    for root in range(n):
        if disc[root] >= 0:
            continue
        disc[root] = low[root] = clock
        clock += 1
        stack = [(root, -1, start[root])]   # node, edge it was entered by, next adjacency position
        while stack:
            node, via, pos = stack[-1]
            if pos < start[node + 1]:
                stack[-1] = (node, via, pos + 1)
                nxt, edge = int(heads[pos]), int(ids[pos])
                if edge == via:
                    continue
                if disc[nxt] < 0:
                    disc[nxt] = low[nxt] = clock
                    clock += 1
                    stack.append((nxt, edge, start[nxt]))
                else:
                    low[node] = min(low[node], disc[nxt])
                continue
            stack.pop()
            if stack:
                parent = stack[-1][0]
                low[parent] = min(low[parent], low[node])
                if low[node] > disc[parent]:
                    bridge[via] = True
    return bridge


def insert_t_junctions(coords, offsets, tolerance):
    """Insert a vertex into every segment whose interior passes within ``tolerance`` of a line end.

    A line end qualifies when it is farther than ``tolerance`` from both ends of the segment (else the
    vertex snapping joins it already). The new vertex is the end's projection on the segment, so the
    segment keeps its shape and its measures; the vertex snapping then joins the end to it. Returns
    (coords, offsets) with the same lines (only vertices added).
    """
    line_of = line_index_of_vertices(offsets)
    seg_a = np.flatnonzero(line_of[:-1] == line_of[1:])
    p0, p1 = coords[seg_a], coords[seg_a + 1]
    d = p1 - p0
    seg_len = np.hypot(d[:, 0], d[:, 1])
    keep = seg_len > 0
    seg_a, p0, p1, d, seg_len = seg_a[keep], p0[keep], p1[keep], d[keep], seg_len[keep]
    if len(seg_a) == 0:
        return coords, offsets
    ends = coords[np.concatenate([offsets[:-1], offsets[1:] - 1])]
    end_key = np.unique(ends[:, 0] + 1j * ends[:, 1])
    end_xy = np.column_stack([end_key.real, end_key.imag])
    # Segments cut into pieces of at most ``step``: a point within ``tolerance`` of a segment is within
    # step / 2 + tolerance of the midpoint of one of its pieces.
    step = max(float(np.median(seg_len)), float(tolerance))
    n_piece = np.ceil(seg_len / step).astype(np.int64)
    seg_of = np.repeat(np.arange(len(seg_len)), n_piece)
    k = np.arange(len(seg_of)) - np.repeat(np.cumsum(n_piece) - n_piece, n_piece)
    mids = p0[seg_of] + d[seg_of] * ((k + 0.5) / n_piece[seg_of])[:, None]
    tree = cKDTree(mids, balanced_tree=False, compact_nodes=False)  # faster to build, as fast to query
    radius = step / 2.0 + tolerance
    # the few nearest pieces of every end in one vectorised query; a ball query only where they all fit
    n_near = min(8, len(mids))
    dist, piece = tree.query(end_xy, k=n_near, distance_upper_bound=radius)
    dist, piece = dist.reshape(len(end_xy), -1), piece.reshape(len(end_xy), -1)
    found = np.isfinite(dist)
    who = np.repeat(np.arange(len(end_xy)), found.sum(1))
    piece = piece[found]
    full = np.flatnonzero(found[:, -1]) if n_near < len(mids) else np.zeros(0, np.int64)
    if len(full):
        lists = tree.query_ball_point(end_xy[full], radius)
        lens = np.fromiter((len(x) for x in lists), np.int64, len(lists))
        who = np.concatenate([who, np.repeat(full, lens)])
        piece = np.concatenate([piece] + [np.asarray(x, np.int64) for x in lists])
    if len(who) == 0:
        return coords, offsets
    key = np.unique(who * len(seg_len) + seg_of[piece])
    who, seg = key // len(seg_len), key % len(seg_len)
    e = end_xy[who]
    t = np.clip(((e - p0[seg]) * d[seg]).sum(1) / seg_len[seg] ** 2, 0.0, 1.0)
    proj = p0[seg] + d[seg] * t[:, None]
    ok = ((np.hypot(*(e - proj).T) <= tolerance) & (np.hypot(*(e - p0[seg]).T) > tolerance)
          & (np.hypot(*(e - p1[seg]).T) > tolerance))
    if not ok.any():
        return coords, offsets
    seg, t, proj = seg[ok], t[ok], proj[ok]
    order = np.lexsort((t, seg))
    seg, t, proj = seg[order], t[order], proj[order]
    first = np.r_[True, (seg[1:] != seg[:-1]) | (t[1:] != t[:-1])]
    seg, proj = seg[first], proj[first]
    at = seg_a[seg] + 1  # inserted before the segment's second vertex (stable for several per segment)
    new_coords = np.insert(coords, at, proj, axis=0)
    added = np.bincount(line_of[seg_a[seg]], minlength=len(offsets) - 1)
    new_offsets = offsets + np.concatenate([[0], np.cumsum(added)])
    return np.ascontiguousarray(new_coords), new_offsets


# ---------------------------------------------------------------------------------------------
# Points on the network
# ---------------------------------------------------------------------------------------------

@dataclass
class Attachment:
    """Where points reach the network: nearest point on an edge."""
    edge: np.ndarray       # (p,) edge index (-1 when no edge is usable)
    offset: np.ndarray     # (p,) metres from the edge's u end
    access: np.ndarray     # (p,) straight-line distance from the point to the network
    xy: np.ndarray         # (p, 2) the point on the network


class SegmentIndex:
    """Nearest point on the network's passable segments, exact, through a k-d tree of samples."""

    def __init__(self, network, usable=None, spacing=None):
        self.net = network
        usable = (network.edge_fwd | network.edge_bwd) if usable is None else np.asarray(usable, bool)
        coords, offsets = network.coords, network.offsets
        # Segments of usable edges: vertex i to i + 1 within the edge's measure range.
        line_of = line_index_of_vertices(offsets)
        seg_a = np.flatnonzero(line_of[:-1] == line_of[1:])
        seg_line = line_of[seg_a]
        m_a, m_b = network.measure[seg_a], network.measure[seg_a + 1]
        # Edge of each segment: the edges of a line partition it, found by global measure.
        gm = _global_measure(network)
        e_start = gm.base[network.edge_line] + network.edge_m0
        edge_order = np.argsort(e_start, kind='stable')
        pos = np.searchsorted(e_start[edge_order], gm.values[seg_a], side='right') - 1
        seg_edge = edge_order[np.clip(pos, 0, len(edge_order) - 1)]
        valid = (pos >= 0) & (network.edge_line[seg_edge] == seg_line) & (m_b > m_a)
        valid &= usable[seg_edge]
        self.seg_a = seg_a[valid]
        self.seg_edge = seg_edge[valid]
        self.p0 = coords[self.seg_a]
        self.p1 = coords[self.seg_a + 1]
        self.m0 = network.measure[self.seg_a]
        seg_len = np.hypot(*(self.p1 - self.p0).T)
        self.seg_len = seg_len
        if len(seg_len) == 0:
            self.tree = None
            return
        if spacing is None:
            spacing = float(max(np.median(seg_len), 1e-9))
        self.spacing = spacing
        n_samples = np.ceil(seg_len / spacing).astype(np.int64) + 1
        seg_of = np.repeat(np.arange(len(seg_len)), n_samples)
        starts = np.cumsum(n_samples) - n_samples
        t = (np.arange(len(seg_of)) - starts[seg_of]) / (n_samples[seg_of] - 1)
        samples = self.p0[seg_of] + (self.p1 - self.p0)[seg_of] * t[:, None]
        self.sample_seg = seg_of
        self.tree = cKDTree(samples)
        self.max_gap = float((seg_len / (n_samples - 1)).max()) if len(seg_len) else 0.0

    def nearest(self, points, chunk=20000):
        points = np.asarray(points, np.float64).reshape(-1, 2)
        p = len(points)
        edge = np.full(p, -1, np.int64)
        offset = np.zeros(p)
        access = np.full(p, np.inf)
        xy = np.full((p, 2), np.nan)
        if self.tree is None or p == 0:
            return Attachment(edge, offset, access, xy)
        for s in range(0, p, chunk):
            q = points[s:s + chunk]
            d0, _ = self.tree.query(q)
            radius = d0 + self.max_gap / 2.0 + 1e-9
            lists = self.tree.query_ball_point(q, radius)
            lens = np.fromiter((len(x) for x in lists), np.int64, len(lists))
            cand = np.concatenate([np.asarray(x, np.int64) for x in lists]) if len(lists) else np.zeros(0, int)
            who = np.repeat(np.arange(len(q)), lens)
            seg = self.sample_seg[cand]
            # unique (who, seg)
            key = np.unique(who * (len(self.seg_len) + 1) + seg)
            who, seg = key // (len(self.seg_len) + 1), key % (len(self.seg_len) + 1)
            a, b = self.p0[seg], self.p1[seg]
            ab = b - a
            l2 = (ab ** 2).sum(1)
            t = np.clip(((q[who] - a) * ab).sum(1) / np.where(l2 > 0, l2, 1.0), 0.0, 1.0)
            proj = a + ab * t[:, None]
            d = np.hypot(*(q[who] - proj).T)
            # best per point: sort by (who, d)
            order = np.lexsort((d, who))
            first = order[np.r_[True, who[order][1:] != who[order][:-1]]]
            w = who[first]
            sg = seg[first]
            e = self.seg_edge[sg]
            edge[s + w] = e
            m = self.m0[sg] + t[first] * self.seg_len[sg]
            offset[s + w] = np.clip(m - self.net.edge_m0[e], 0.0, self.net.edge_len[e])
            access[s + w] = d[first]
            xy[s + w] = proj[first]
        return Attachment(edge, offset, access, xy)


# ---------------------------------------------------------------------------------------------
# Splitting edges at points (facility attachments become nodes)
# ---------------------------------------------------------------------------------------------

def split_network(net, edges, offsets, tol=1e-9):
    """Split edges at the given points; return (new network, node index of every point).

    Points at an edge end use the existing node. The new network keeps ``edge_base`` (the edge
    of ``net`` every piece comes from), so attachments found on ``net`` can be mapped with
    :func:`map_attachment`.
    """
    edges = np.asarray(edges, np.int64)
    offsets = np.asarray(offsets, np.float64)
    point_node = np.full(len(edges), -1, np.int64)
    ok = edges >= 0
    elen = net.edge_len
    at_u = ok & (offsets <= tol)
    at_v = ok & ~at_u & (offsets >= elen[np.where(ok, edges, 0)] - tol)
    point_node[at_u] = net.edge_u[edges[at_u]]
    point_node[at_v] = net.edge_v[edges[at_v]]
    inner = np.flatnonzero(ok & ~at_u & ~at_v)
    if len(inner) == 0:
        return net, point_node
    # unique split points (edge, offset)
    pairs = np.unique(np.column_stack([edges[inner].astype(np.float64), offsets[inner]]), axis=0,
                      return_inverse=True)
    uniq, inv = pairs
    inv = np.asarray(inv).ravel()
    sp_edge = uniq[:, 0].astype(np.int64)
    sp_off = uniq[:, 1]
    n_new = len(sp_edge)
    new_nodes = net.n_nodes + np.arange(n_new)
    point_node[inner] = new_nodes[inv]
    m0 = net.edge_m0[sp_edge] + sp_off
    line = net.edge_line[sp_edge]
    # xy of split points by interpolation along the line
    xy = interpolate_on_lines(net, line, m0)

    # Build pieces: for every split edge, pieces between consecutive split points.
    split_mask = np.zeros(net.n_edges, bool)
    split_mask[sp_edge] = True
    keep = np.flatnonzero(~split_mask)
    # For split edges: sequence u, s1, s2, ..., v
    order = np.lexsort((sp_off, sp_edge))
    se, sn, sm = sp_edge[order], new_nodes[order], m0[order]
    first = np.r_[True, se[1:] != se[:-1]]
    last = np.r_[se[1:] != se[:-1], True]
    # piece from previous (u or previous split) to this split
    prev_node = np.where(first, net.edge_u[se], np.r_[0, sn[:-1]])
    prev_m = np.where(first, net.edge_m0[se], np.r_[0.0, sm[:-1]])
    p_edge = np.concatenate([se, se[last]])
    p_u = np.concatenate([prev_node, sn[last]])
    p_v = np.concatenate([sn, net.edge_v[se[last]]])
    p_m0 = np.concatenate([prev_m, sm[last]])
    p_m1 = np.concatenate([sm, net.edge_m1[se[last]]])

    base = net.edge_base if net.edge_base is not None else np.arange(net.n_edges)
    src = np.concatenate([keep, p_edge])
    new = Network(
        net.coords, net.offsets, net.measure, np.vstack([net.node_xy, xy]),
        np.concatenate([net.edge_u[keep], p_u]), np.concatenate([net.edge_v[keep], p_v]),
        net.edge_line[src], np.concatenate([net.edge_m0[keep], p_m0]), np.concatenate([net.edge_m1[keep], p_m1]),
        net.edge_fwd[src], net.edge_bwd[src], net.edge_cost_per_m[src],
        np.concatenate([net.component, net.component[net.edge_u[sp_edge]]]), net.n_components, base[src])
    return new, point_node


def map_attachment(net_split, base_net, att):
    """Attachment on ``base_net`` expressed on the split network ``net_split`` (edge and offset)."""
    edge = np.full(len(att.edge), -1, np.int64)
    offset = att.offset.copy()
    ok = att.edge >= 0
    if not ok.any():
        return Attachment(edge, offset, att.access, att.xy)
    m = base_net.edge_m0[att.edge[ok]] + att.offset[ok]
    gm = _global_measure(net_split)
    e_start = gm.base[net_split.edge_line] + net_split.edge_m0
    order = np.argsort(e_start, kind='stable')
    q = gm.base[base_net.edge_line[att.edge[ok]]] + m
    idx = np.clip(np.searchsorted(e_start[order], q, side='right') - 1, 0, len(order) - 1)
    e = order[idx]
    edge[ok] = e
    offset[ok] = np.clip(m - net_split.edge_m0[e], 0.0, net_split.edge_len[e])
    return Attachment(edge, offset, att.access, att.xy)


def interpolate_on_lines(net, line, m):
    """Coordinates of the points at measures ``m`` along lines ``line``."""
    line = np.asarray(line, np.int64)
    m = np.asarray(m, np.float64)
    if len(line) == 0:
        return np.zeros((0, 2))
    start = net.offsets[line]
    end = net.offsets[line + 1] - 1
    # global measure: line base offset + measure keeps lines apart
    gm = _global_measure(net)
    q = gm.base[line] + m
    i = np.clip(np.searchsorted(gm.values, q, side='right') - 1, start, end - 1)
    m_a, m_b = net.measure[i], net.measure[i + 1]
    t = np.where(m_b > m_a, (m - m_a) / np.where(m_b > m_a, m_b - m_a, 1.0), 0.0)
    t = np.clip(t, 0.0, 1.0)
    return net.coords[i] + (net.coords[i + 1] - net.coords[i]) * t[:, None]


@dataclass
class _GlobalMeasure:
    values: np.ndarray
    base: np.ndarray


_GM_CACHE = {}


def _global_measure(net):
    key = id(net.measure)
    cached = _GM_CACHE.get(key)
    if cached is not None and cached[0] is net.measure:
        return cached[1]
    lengths = net.measure[net.offsets[1:] - 1]
    base = np.concatenate([[0.0], np.cumsum(lengths + 1.0)[:-1]])
    values = net.measure + np.repeat(base, np.diff(net.offsets))
    gm = _GlobalMeasure(values, base)
    _GM_CACHE.clear()
    _GM_CACHE[key] = (net.measure, gm)
    return gm


def cut_lines(net, line, m_start, m_end):
    """Geometries of the pieces [m_start, m_end] of lines ``line``: flat coords and offsets."""
    line = np.asarray(line, np.int64)
    m_start = np.asarray(m_start, np.float64)
    m_end = np.asarray(m_end, np.float64)
    k = len(line)
    if k == 0:
        return np.zeros((0, 2)), np.zeros(1, np.int64)
    gm = _global_measure(net)
    gs = gm.base[line] + m_start
    ge = gm.base[line] + m_end
    lo = np.searchsorted(gm.values, gs, side='right')   # first vertex strictly after start
    hi = np.searchsorted(gm.values, ge, side='left')    # first vertex at or after end
    # keep interior vertices inside this line's range
    lo = np.clip(lo, net.offsets[line], net.offsets[line + 1])
    hi = np.clip(hi, lo, net.offsets[line + 1])
    n_inner = hi - lo
    counts = n_inner + 2
    out_off = np.concatenate([[0], np.cumsum(counts)])
    out = np.empty((out_off[-1], 2))
    out[out_off[:-1]] = interpolate_on_lines(net, line, m_start)
    out[out_off[1:] - 1] = interpolate_on_lines(net, line, m_end)
    if n_inner.sum():
        who = np.repeat(np.arange(k), n_inner)
        within = np.arange(n_inner.sum()) - np.repeat(np.cumsum(n_inner) - n_inner, n_inner)
        out[out_off[:-1][who] + 1 + within] = net.coords[lo[who] + within]
    return out, out_off
