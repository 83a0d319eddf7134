"""Lifeline networks as systems (pure numpy/scipy): isolation segments, supply from sources, N-1 scans.

One network type (water, power, gas, ...) is its lines and the node assets on them:

- isolation devices (valves, switches) at line vertices: closing one separates the line pieces meeting there;
- sources (pump stations, substations, regulator stations): a part of the network is supplied while it is
  connected to a working source;
- other node assets (hydrants, transformers) share the fate of the network where they stand.

Isolation segments (Giswater's mincut sectors, WNTR's valve segments) are the pieces of network between
devices. A device at a vertex where k line pieces meet acts as k closable ends, one on each branch (WNTR's
valve layer of (link, node) pairs): the vertex itself becomes a zero-length *device segment* joined to the
segment of each branch by one closable link. Isolating a segment closes its links; the other branches at the
same device stay connected through the device segment.

The segment graph (vertices: segments, then one per source; edges: closable links and source attachments) is
built once per network. Failures and the N-1 scan work on it and never walk the pipes again: supply is one
connected-components call, and the N-1 scan is one depth-first search (articulation points: removing a segment
cuts off exactly the DFS subtrees below it whose low point does not reach above it).
"""
from dataclasses import dataclass, field

import numpy as np
from scipy.sparse import coo_matrix, csr_matrix
from scipy.sparse.csgraph import connected_components
from scipy.spatial import cKDTree

from .network import SegmentIndex, build_network, insert_t_junctions, vertex_measures

ROLE_OTHER, ROLE_DEVICE, ROLE_SOURCE = 0, 1, 2


@dataclass
class LifelineNetwork:
    """The lines of one network type split into isolation segments, with its node assets attached."""
    name: str
    net: object                   # core.network.Network of the line pieces
    piece_line: np.ndarray        # (pieces,) input line of every piece (net.edge_line indexes pieces)
    edge_line: np.ndarray         # (m,) input line of every edge
    edge_segment: np.ndarray      # (m,) isolation segment of every edge
    node_segment: np.ndarray      # (n,) segment of every network node (a device node: its device segment)
    n_segments: int
    device_segment: np.ndarray    # (S,) bool: the zero-length segment of a device node
    segment_length: np.ndarray    # (S,) metres of line in each segment
    link_branch: np.ndarray       # (k,) segment of the branch a closable link closes
    link_device: np.ndarray       # (k,) device segment of the link
    link_node: np.ndarray         # (k,) network node of the device
    node_attach: np.ndarray       # (p,) network node every input node asset stands on (-1: off the network)
    node_access: np.ndarray       # (p,) distance of every node asset to its network (inf: no line near)
    node_role: np.ndarray         # (p,) ROLE_* of every input node asset
    source_nodes: np.ndarray      # (P,) input node asset of every source
    source_ptr: np.ndarray        # (P + 1,) CSR of the segments every source feeds
    source_seg: np.ndarray
    n_lines: int
    graph: object = None          # csr_matrix of the segment graph (segments, then sources)
    _supplied0: np.ndarray = None

    @property
    def n_sources(self):
        return len(self.source_nodes)

    @property
    def n_vertices(self):
        return self.n_segments + self.n_sources

    @property
    def n_devices(self):
        return int(self.device_segment.sum())

    def device_node_of_segment(self):
        """Network node of every device segment (-1 for line segments)."""
        out = np.full(self.n_segments, -1, np.int64)
        dev = np.flatnonzero(self.device_segment)
        nodes = np.flatnonzero(np.isin(self.node_segment, dev))
        out[self.node_segment[nodes]] = nodes
        return out

    def node_asset_segment(self):
        """Segment of every input node asset (-1 when off the network)."""
        seg = np.full(len(self.node_attach), -1, np.int64)
        on = self.node_attach >= 0
        seg[on] = self.node_segment[self.node_attach[on]]
        return seg

    def line_segments(self):
        """(line, segment, metres) of every line piece in every segment, one row per distinct pair."""
        key = self.edge_line * self.n_segments + self.edge_segment
        uniq, inverse = np.unique(key, return_inverse=True)
        metres = np.bincount(inverse, weights=self.net.edge_len, minlength=len(uniq))
        return uniq // self.n_segments, uniq % self.n_segments, metres

    def supplied(self, removed=None, source_ok=None):
        """Which segments are connected to a working source when the segments in ``removed`` are out."""
        return supplied_vertices(self, removed, source_ok)[:self.n_segments]

    def supplied0(self):
        """Segments supplied in the intact network (cached)."""
        if self._supplied0 is None:
            self._supplied0 = self.supplied()
        return self._supplied0


# ---------------------------------------------------------------------------------------------
# Building
# ---------------------------------------------------------------------------------------------

def split_lines(coords, offsets, lines, measures, eps=1e-6):
    """Split lines at the given measures (distance along the line); returns (coords, offsets, piece_of).

    A cut within ``eps`` of a line end or of another cut is dropped; a cut between two vertices inserts the
    interpolated point. Every piece keeps its vertices; ``piece_of[k]`` is the input line of piece ``k``.
    """
    coords = np.asarray(coords, np.float64)
    offsets = np.asarray(offsets, np.int64)
    measure = vertex_measures(coords, offsets)
    n_lines = len(offsets) - 1
    lines = np.asarray(lines, np.int64)
    measures = np.asarray(measures, np.float64)
    order = np.lexsort((measures, lines))
    lines, measures = lines[order], measures[order]
    cuts = {}
    for line, m in zip(lines.tolist(), measures.tolist()):
        total = measure[offsets[line + 1] - 1]
        if m <= eps or m >= total - eps:
            continue
        existing = cuts.setdefault(line, [])
        if existing and m - existing[-1] <= eps:
            continue
        existing.append(m)
    if not cuts:
        return coords, offsets, np.arange(n_lines, dtype=np.int64)
    parts, piece_of, lengths = [], [], []
    previous = 0
    for line in sorted(cuts):
        if line > previous:  # lines without cuts, copied as one block
            block = coords[offsets[previous]:offsets[line]]
            parts.append(block)
            lengths.extend(np.diff(offsets[previous:line + 1]).tolist())
            piece_of.extend(range(previous, line))
        start, end = offsets[line], offsets[line + 1]
        xy, m = coords[start:end], measure[start:end]
        lo = 0
        for cut in cuts[line]:
            i = int(np.searchsorted(m, cut, side='left'))  # 0 < i < len(m): cuts are inside the line
            if abs(m[i - 1] - cut) <= eps:
                i -= 1
            elif abs(m[i] - cut) > eps:  # between vertices i - 1 and i: insert the point
                t = (cut - m[i - 1]) / (m[i] - m[i - 1])
                point = xy[i - 1] + (xy[i] - xy[i - 1]) * t
                xy = np.vstack([xy[:i], point, xy[i:]])
                m = np.concatenate([m[:i], [cut], m[i:]])
            parts.append(xy[lo:i + 1])
            lengths.append(i + 1 - lo)
            piece_of.append(line)
            lo = i
        parts.append(xy[lo:])
        lengths.append(len(xy) - lo)
        piece_of.append(line)
        previous = line + 1
    if previous < n_lines:
        parts.append(coords[offsets[previous]:])
        lengths.extend(np.diff(offsets[previous:]).tolist())
        piece_of.extend(range(previous, n_lines))
    new_coords = np.ascontiguousarray(np.concatenate(parts))
    new_offsets = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
    return new_coords, new_offsets, np.asarray(piece_of, np.int64)


def snap_line_ends(coords, offsets, tolerance):
    """Lines with their ends joined to vertices within ``tolerance`` (moved onto them) and T-junctions inserted,
    as core.network.build_network joins them; the returned coordinates need no snapping any more."""
    coords = np.ascontiguousarray(coords, np.float64)
    offsets = np.asarray(offsets, np.int64)
    if not tolerance or tolerance <= 0 or len(coords) == 0:
        return coords, offsets
    coords, offsets = insert_t_junctions(coords, offsets, tolerance)
    key = coords[:, 0] + 1j * coords[:, 1]
    unique_key, position = np.unique(key, return_inverse=True)
    pos_xy = np.column_stack([unique_key.real, unique_key.imag])
    ends = np.unique(position[np.concatenate([offsets[:-1], offsets[1:] - 1])])
    pairs = cKDTree(pos_xy[ends]).sparse_distance_matrix(cKDTree(pos_xy), tolerance, output_type='coo_matrix')
    n = len(pos_xy)
    graph = coo_matrix((np.ones(len(pairs.row)), (ends[pairs.row], pairs.col)), shape=(n, n))
    _, cluster = connected_components(graph, directed=False)
    first = np.full(cluster.max() + 1, -1)
    order = np.arange(n)[::-1]
    first[cluster[order]] = order
    return np.ascontiguousarray(pos_xy[first[cluster[position]]]), offsets


def _nearest_on_lines(coords, offsets, points, snap_tolerance):
    """(line, measure, distance) of the point of the lines nearest to every point."""
    net = build_network(coords, offsets, snap_tolerance=snap_tolerance)
    att = SegmentIndex(net).nearest(points)
    ok = att.edge >= 0
    line = np.where(ok, net.edge_line[np.where(ok, att.edge, 0)], -1)
    m = np.where(ok, net.edge_m0[np.where(ok, att.edge, 0)] + att.offset, np.nan)
    return line, m, att.access, net


def build_lifeline_network(name, coords, offsets, node_xy, node_role, on_network_m=1.0, source_attach_m=50.0,
                           snap_tolerance=None):
    """The isolation segments and segment graph of one network.

    coords/offsets: the network's lines (metres); node_xy: (p, 2) node assets; node_role: ROLE_* per node.
    Devices and other nodes join the network within ``on_network_m`` of a line (a vertex is inserted where
    they are not at one); a source on a line feeds it there; a source beside the lines (an OSM substation is the
    middle of its fenced area) feeds the nearest point within ``source_attach_m`` and every line end within that
    distance. ``snap_tolerance`` (default ``on_network_m``) joins line ends to nearby
    vertices as in the coverage network.
    """
    node_xy = np.asarray(node_xy, np.float64).reshape(-1, 2)
    node_role = np.asarray(node_role, np.int8)
    p = len(node_xy)
    snap = on_network_m if snap_tolerance is None else snap_tolerance
    # Nodes are placed on the lines as drawn (a valve on one of two parallel lines 0.5 m apart stays on its own);
    # digitising gaps are then closed, and the cuts at the nodes join exactly (no snapping afterwards, which
    # would merge a valve 1 m from a junction with the junction).
    if p:
        line, m, access, _ = _nearest_on_lines(coords, offsets, node_xy, 0.0)
    coords, offsets = snap_line_ends(coords, offsets, snap)
    n_lines = len(offsets) - 1
    if p:
        total = vertex_measures(coords, offsets)[offsets[1:] - 1]
        m = np.where(line >= 0, np.minimum(m, total[np.maximum(line, 0)]), m)
    else:
        line, m, access = np.zeros(0, np.int64), np.zeros(0), np.zeros(0)
    limit = np.where(node_role == ROLE_SOURCE, source_attach_m, on_network_m)
    joins = (line >= 0) & (access <= limit)
    s_coords, s_offsets, piece_of = split_lines(coords, offsets, line[joins], m[joins])
    net = build_network(s_coords, s_offsets)
    node_tree = cKDTree(net.node_xy)
    attach = np.full(p, -1, np.int64)
    if joins.any():
        # the point on the line where each node joins: its split vertex is now a network node
        on_line = _points_at(coords, offsets, line[joins], m[joins])
        _, nearest = node_tree.query(on_line)
        attach[joins] = nearest
    edge_line = piece_of[net.edge_line]

    # Devices: every edge end at a device node gets a node of its own (a closable link to the device segment).
    n = net.n_nodes
    devices = np.unique(attach[(node_role == ROLE_DEVICE) & (attach >= 0)])
    is_dev = np.zeros(n, bool)
    is_dev[devices] = True
    u2, v2 = net.edge_u.copy(), net.edge_v.copy()
    at_u, at_v = np.flatnonzero(is_dev[u2]), np.flatnonzero(is_dev[v2])
    new_u = n + np.arange(len(at_u))
    new_v = n + len(at_u) + np.arange(len(at_v))
    link_node = np.concatenate([u2[at_u], v2[at_v]])
    u2[at_u], v2[at_v] = new_u, new_v
    total = n + len(at_u) + len(at_v)
    graph = coo_matrix((np.ones(len(u2)), (u2, v2)), shape=(total, total))
    _, label = connected_components(graph, directed=False)
    # Segment numbers: line segments first (in order of their first edge), then device segments.
    edge_label = label[u2]
    line_labels, first = np.unique(edge_label, return_index=True)
    line_labels = line_labels[np.argsort(first)]
    dev_labels = label[devices]
    remap = np.full(label.max() + 1, -1, np.int64)
    remap[line_labels] = np.arange(len(line_labels))
    remap[dev_labels] = len(line_labels) + np.arange(len(dev_labels))
    seg = remap[label]
    n_segments = len(line_labels) + len(dev_labels)
    edge_segment = seg[u2]
    node_segment = seg[:n]
    device_segment = np.zeros(n_segments, bool)
    device_segment[len(line_labels):] = True
    segment_length = np.bincount(edge_segment, weights=net.edge_len, minlength=n_segments)
    link_branch = np.concatenate([seg[new_u], seg[new_v]])
    link_device = node_segment[link_node]

    # Sources: the nearest point, plus every line end within the attach distance.
    source_nodes = np.flatnonzero(node_role == ROLE_SOURCE)
    degree = np.bincount(np.concatenate([net.edge_u, net.edge_v]), minlength=n)
    ends = np.flatnonzero(degree == 1)
    end_tree = cKDTree(net.node_xy[ends]) if len(ends) else None
    ptr, segs = [0], []
    for s in source_nodes.tolist():
        at = set()
        if attach[s] >= 0:
            at.add(int(attach[s]))
        if end_tree is not None and not (attach[s] >= 0 and access[s] <= on_network_m):
            at.update(ends[end_tree.query_ball_point(node_xy[s], source_attach_m)].tolist())
        fed = np.unique(node_segment[np.asarray(sorted(at), np.int64)]) if at else np.zeros(0, np.int64)
        segs.append(fed)
        ptr.append(ptr[-1] + len(fed))
        if len(fed) and attach[s] < 0:
            attach[s] = min(at, key=lambda k: float(np.hypot(*(net.node_xy[k] - node_xy[s]))))
            access[s] = float(np.hypot(*(net.node_xy[attach[s]] - node_xy[s])))
    source_seg = np.concatenate(segs).astype(np.int64) if segs else np.zeros(0, np.int64)
    access = np.where(attach >= 0, access, np.inf) if p else access
    lnet = LifelineNetwork(name, net, piece_of, edge_line, edge_segment, node_segment, n_segments, device_segment,
                           segment_length, link_branch, link_device, link_node, attach, access, node_role,
                           source_nodes, np.asarray(ptr, np.int64), source_seg, n_lines)
    lnet.graph = segment_graph(lnet)
    return lnet


def _points_at(coords, offsets, lines, measures):
    measure = vertex_measures(coords, offsets)
    out = np.empty((len(lines), 2))
    for k, (line, m) in enumerate(zip(np.asarray(lines).tolist(), np.asarray(measures).tolist())):
        start, end = offsets[line], offsets[line + 1]
        ms = measure[start:end]
        i = int(np.clip(np.searchsorted(ms, m, side='right') - 1, 0, end - start - 2))
        span = ms[i + 1] - ms[i]
        t = 0.0 if span <= 0 else min(max((m - ms[i]) / span, 0.0), 1.0)
        out[k] = coords[start + i] + (coords[start + i + 1] - coords[start + i]) * t
    return out


def segment_graph(lnet):
    """Symmetric CSR graph: vertices 0..S-1 segments, S..S+P-1 sources; edges links and source feeds."""
    s = lnet.n_segments
    src = np.repeat(np.arange(lnet.n_sources), np.diff(lnet.source_ptr)) + s
    a = np.concatenate([lnet.link_branch, src])
    b = np.concatenate([lnet.link_device, lnet.source_seg])
    size = lnet.n_vertices
    graph = coo_matrix((np.ones(2 * len(a), np.int8), (np.concatenate([a, b]), np.concatenate([b, a]))),
                       shape=(size, size)).tocsr()
    graph.sum_duplicates()
    graph.data[:] = 1
    return graph


# ---------------------------------------------------------------------------------------------
# Supply and isolation
# ---------------------------------------------------------------------------------------------

def supplied_vertices(lnet, removed=None, source_ok=None):
    """Vertices (segments, then sources) connected to a working source, with ``removed`` segments out."""
    size = lnet.n_vertices
    s = lnet.n_segments
    out = np.zeros(size, bool)
    if lnet.n_sources == 0:
        return out
    keep = np.ones(size, bool)
    if removed is not None:
        keep[:s] &= ~np.asarray(removed, bool)
    if source_ok is not None:
        keep[s:] &= np.asarray(source_ok, bool)
    graph = lnet.graph.tocoo()
    ok = keep[graph.row] & keep[graph.col]
    root = size
    working = np.flatnonzero(keep[s:]) + s
    rows = np.concatenate([graph.row[ok], np.full(len(working), root)])
    cols = np.concatenate([graph.col[ok], working])
    g = coo_matrix((np.ones(len(rows), np.int8), (rows, cols)), shape=(size + 1, size + 1))
    _, label = connected_components(g, directed=False)
    out = label[:size] == label[root]
    out &= keep
    return out


def isolation(lnet, failed_segments, inoperable_nodes=()):
    """The segments to isolate for failures in ``failed_segments`` and the device nodes to close.

    A device that cannot be operated (``inoperable_nodes``: network nodes of stuck or inaccessible devices)
    does not close: the isolation grows through it to the next devices (Giswater's "valve not accessible").
    Returns (bool mask of isolated segments, sorted array of the network nodes of the devices to close).
    """
    failed = np.unique(np.asarray(failed_segments, np.int64))
    isolated = np.zeros(lnet.n_segments, bool)
    if len(failed) == 0:
        return isolated, np.zeros(0, np.int64)
    # a failed device segment cannot close itself: it is stuck, and its branches are isolated with it
    stuck = np.isin(lnet.link_node, np.asarray(inoperable_nodes, np.int64)) | np.isin(lnet.link_device, failed)
    if stuck.any():
        a, b = lnet.link_branch[stuck], lnet.link_device[stuck]
        g = coo_matrix((np.ones(len(a)), (a, b)), shape=(lnet.n_segments, lnet.n_segments))
        _, group = connected_components(g, directed=False)
        isolated[np.isin(group, group[failed])] = True
    else:
        isolated[failed] = True
    crossing = isolated[lnet.link_branch] != isolated[lnet.link_device]
    close = np.unique(lnet.link_node[crossing])
    return isolated, close


# ---------------------------------------------------------------------------------------------
# N-1: every segment and source out in turn, with one depth-first search
# ---------------------------------------------------------------------------------------------

@dataclass
class NMinusOne:
    """What removing each vertex of a segment graph cuts off from the sources.

    ``cut[v]``: summed weights of the vertices cut off when v is removed (v itself not included);
    ``order``: vertices in DFS preorder; the cut set of v is ``order[start:end]`` over its ranges
    (``range_ptr`` CSR into ``range_start``/``range_end``). ``reached``: supplied in the intact network.
    """
    cut: np.ndarray
    reached: np.ndarray
    order: np.ndarray
    range_ptr: np.ndarray
    range_start: np.ndarray
    range_end: np.ndarray
    preorder: np.ndarray = field(default=None)

    def cut_set(self, v):
        lo, hi = self.range_ptr[v], self.range_ptr[v + 1]
        if hi == lo:
            return np.zeros(0, np.int64)
        return np.concatenate([self.order[a:b] for a, b in zip(self.range_start[lo:hi], self.range_end[lo:hi])])


def n_minus_one(graph, roots, weights):
    """Cut-off weights for removing every single vertex of the undirected graph ``graph`` (CSR).

    ``roots``: the vertices that are always supplied (a super-root joins them; they can be removed too);
    ``weights``: (V, k) array summed over the cut-off vertices. Vertices not reached from a root are not
    supplied to begin with and cut nothing. Runs in O(V + E): one iterative DFS computing discovery times,
    low points and subtree sums; a DFS child c of v with low[c] >= disc[v] hangs off the root only through v.
    """
    graph = csr_matrix(graph)
    n = graph.shape[0]
    weights = np.asarray(weights, np.float64).reshape(n, -1)
    indptr, indices = graph.indptr, graph.indices
    root = n
    roots = np.unique(np.asarray(roots, np.int64))
    is_root = np.zeros(n + 1, bool)
    is_root[roots] = True
    disc = np.full(n + 1, -1, np.int64)
    low = np.zeros(n + 1, np.int64)
    parent = np.full(n + 1, -1, np.int64)
    order = []
    disc[root] = 0
    low[root] = 0
    counter = 1
    stack = [(root, 0)]
    children_of_root = roots.tolist()
    cut_pairs = []  # (v, child) whose subtree hangs off the root only through v
    # adjacency of a vertex: the graph's, and for the super-root the roots
    while stack:
        v, i = stack[-1]
        if v == root:
            nbrs = children_of_root
            end = len(nbrs)
        else:
            start = indptr[v]
            end = indptr[v + 1] - start
        if i < end:
            w = nbrs[i] if v == root else int(indices[indptr[v] + i])
            stack[-1] = (v, i + 1)
            if disc[w] < 0:
                disc[w] = counter
                low[w] = 0 if is_root[w] else counter  # a root is joined to the super-root
                counter += 1
                parent[w] = v
                order.append(w)
                stack.append((w, 0))
            elif w != parent[v]:
                if disc[w] < low[v]:
                    low[v] = disc[w]
            continue
        stack.pop()
        if stack:
            p = stack[-1][0]
            if low[v] < low[p]:
                low[p] = low[v]
            if p != root and low[v] >= disc[p]:
                cut_pairs.append((p, v))
    order = np.asarray(order, np.int64)
    reached = disc[:n] >= 0
    # subtree sizes and weight sums in preorder positions (children come after their parent)
    pos = np.full(n, -1, np.int64)
    pos[order] = np.arange(len(order))
    size = np.ones(len(order), np.int64)
    sums = weights[order].copy()
    par = parent[order]
    par_pos = np.where(par == root, -1, pos[np.where(par == root, 0, par)])
    for k in range(len(order) - 1, -1, -1):
        q = par_pos[k]
        if q >= 0:
            size[q] += size[k]
            sums[q] += sums[k]
    cut = np.zeros((n, weights.shape[1]))
    if cut_pairs:
        pairs = np.asarray(cut_pairs, np.int64)
        pairs = pairs[np.argsort(pairs[:, 0], kind='stable')]
        v, c = pairs[:, 0], pairs[:, 1]
        np.add.at(cut, v, sums[pos[c]])
        starts = pos[c]
        ends = starts + size[pos[c]]
        counts = np.bincount(v, minlength=n)
        range_ptr = np.concatenate([[0], np.cumsum(counts)])
    else:
        starts = ends = np.zeros(0, np.int64)
        range_ptr = np.zeros(n + 1, np.int64)
    # the roots themselves: removing one cuts what hangs off the super-root only through it
    return NMinusOne(cut, reached, order, range_ptr, starts, ends, pos)


def network_n_minus_one(lnet, segment_weights):
    """N-1 over one network's segment graph; ``segment_weights`` (S, k) per segment (sources weigh 0)."""
    w = np.zeros((lnet.n_vertices, np.asarray(segment_weights).reshape(lnet.n_segments, -1).shape[1]))
    w[:lnet.n_segments] = np.asarray(segment_weights, np.float64).reshape(lnet.n_segments, -1)
    roots = lnet.n_segments + np.arange(lnet.n_sources)
    return n_minus_one(lnet.graph, roots, w)


# ---------------------------------------------------------------------------------------------
# Generated isolation devices (demo, benchmark, EPANET networks without a valve layer)
# ---------------------------------------------------------------------------------------------

def strategic_valves(net, n_unvalved=1, offset_m=1.0, seed=0, min_edge_m=0.0):
    """Valves by WNTR's 'strategic' rule: at every node, valves on all but ``n_unvalved`` of its edges.

    Returns (edge, node, xy) of every valve: on ``edge``, ``offset_m`` from ``node`` along the edge (at most a
    third of the edge), so it sits on a vertex inserted into that pipe near the junction. Edges shorter than
    ``min_edge_m`` get none (a valve there would be closer to the next one than lines are snapped).
    """
    rng = np.random.default_rng(seed)
    ends = np.concatenate([net.edge_u, net.edge_v])
    edges = np.concatenate([np.arange(net.n_edges), np.arange(net.n_edges)])
    at_u = np.concatenate([np.ones(net.n_edges, bool), np.zeros(net.n_edges, bool)])
    shuffle = rng.permutation(len(ends))
    ends, edges, at_u = ends[shuffle], edges[shuffle], at_u[shuffle]
    order = np.argsort(ends, kind='stable')
    ends, edges, at_u = ends[order], edges[order], at_u[order]
    first = np.r_[0, np.flatnonzero(ends[1:] != ends[:-1]) + 1]
    rank = np.arange(len(ends)) - np.repeat(first, np.diff(np.r_[first, len(ends)]))
    degree = np.bincount(ends, minlength=net.n_nodes)
    keep = (rank < degree[ends] - n_unvalved) & (net.edge_len[edges] >= min_edge_m)
    edges, nodes, at_u = edges[keep], ends[keep], at_u[keep]
    length = net.edge_len[edges]
    d = np.minimum(offset_m, length / 3.0)
    m = np.where(at_u, net.edge_m0[edges] + d, net.edge_m1[edges] - d)
    from .network import interpolate_on_lines
    xy = interpolate_on_lines(net, net.edge_line[edges], m)
    return edges, nodes, xy
