"""Failures that run down a chain across lifeline networks (pure numpy/scipy).

A *system* is the assets of the planning database (lines, nodes, facilities, shelters: one index space), the
networks built from them (core.lifelines), the population units served by each network, and the dependencies
between assets (provider -> dependent, kind, backup hours).

A failure starts from failed assets (step 0, time 0) and runs in time order:

- in a network, a failed line or node is isolated (its isolation segment's devices closed), a failed source
  stops feeding, and every part no longer connected to a working source is cut off;
- a dependent asset loses a kind of service (power, water ...) when every provider of that kind is lost, and
  fails after its backup time; a lost source stops feeding its own network, and the chain continues.

``step`` counts the links of the chain (0 = the failed asset); ``time_h`` is when it happens (backups delay it).
With a time limit, a dependent whose backup outlasts it is reported ``on_backup`` and does not fail.
"""
import heapq
from dataclasses import dataclass, field

import numpy as np
from scipy.spatial import cKDTree

from .lifelines import ROLE_DEVICE, isolation, network_n_minus_one
from .network import SegmentIndex

FAILED, ISOLATED, CUT_OFF, LOST_PROVIDER, ON_BACKUP = 'failed', 'isolated', 'cut_off', 'lost_provider', 'on_backup'


@dataclass
class Assets:
    """Every asset of the system; index = position. ``table`` is the planning-database table it comes from."""
    asset_id: np.ndarray
    table: np.ndarray
    kind: np.ndarray
    network: np.ndarray
    name: np.ndarray

    def __len__(self):
        return len(self.asset_id)

    def index(self):
        """{asset_id: index} (an ID used twice maps to its first asset)."""
        out = {}
        for i, a in enumerate(self.asset_id.tolist()):
            out.setdefault(a, i)
        return out


@dataclass
class NetworkPart:
    """One network of the system: the LifelineNetwork and which assets and population units are on it."""
    lnet: object
    line_assets: np.ndarray        # (lnet.n_lines,) asset of every line given to the build
    node_assets: np.ndarray        # (p,) asset of every node given to the build
    unit_segment: np.ndarray = None  # (u,) segment serving every population unit (-1: not served)

    def __post_init__(self):
        lnet = self.lnet
        line, seg, metres = lnet.line_segments()
        self.seg_line_asset = _csr(seg, self.line_assets[line], lnet.n_segments, metres)
        node_seg = lnet.node_asset_segment()
        on = np.flatnonzero(node_seg >= 0)
        self.seg_node_asset = _csr(node_seg[on], self.node_assets[on], lnet.n_segments)
        # A failed line breaks in the segment that holds most of its length (a valve near a pipe's end leaves
        # a stub in the neighbouring segment; WNTR gives a pipe one segment too).
        self.asset_segments = {}
        best = {}
        for a, s, m in zip(self.line_assets[line].tolist(), seg.tolist(), metres.tolist()):
            if a not in best or m > best[a] + 1e-9:
                best[a] = m
                self.asset_segments[a] = [s]
            elif abs(m - best[a]) <= 1e-9:
                self.asset_segments[a].append(s)
        for a, s in zip(self.node_assets[on].tolist(), node_seg[on].tolist()):
            self.asset_segments.setdefault(a, []).append(s)
        self.source_of_asset = {a: k for k, a in enumerate(self.node_assets[lnet.source_nodes].tolist())}
        roles = lnet.node_role
        self.device_node_of_asset = {a: int(lnet.node_attach[i]) for i, a in enumerate(self.node_assets.tolist())
                                     if roles[i] == ROLE_DEVICE and lnet.node_attach[i] >= 0}
        self.devices_at_node = {}
        for a, n in self.device_node_of_asset.items():
            self.devices_at_node.setdefault(n, []).append(a)
        if self.unit_segment is None:
            self.unit_segment = np.zeros(0, np.int64)


def _csr(rows, values, n, weights=None):
    order = np.argsort(rows, kind='stable')
    ptr = np.concatenate([[0], np.cumsum(np.bincount(rows, minlength=n))]).astype(np.int64)
    out = (ptr, np.asarray(values)[order])
    if weights is not None:
        out += (np.asarray(weights)[order],)
    return out


@dataclass
class Dependencies:
    provider: np.ndarray   # asset index
    dependent: np.ndarray  # asset index
    kind: np.ndarray       # dependency kind code
    backup_h: np.ndarray   # hours (NaN / empty = 0)

    @classmethod
    def empty(cls):
        return cls(np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, object), np.zeros(0))


@dataclass
class Event:
    asset: int
    cause: str
    step: int
    via: int          # asset index of the cause (-1: none)
    time_h: float
    service: str = ''  # the kind of service lost (lost_provider, on_backup) or the network (isolated, cut_off)
    fails_at_h: float = None  # on_backup: when the backup runs out
    segments: tuple = ()      # (network, segment) lost with it (lines: the pieces drawn)


@dataclass
class ChainResult:
    events: list                                  # Event, in the order they happened
    closed: list = field(default_factory=list)    # (network, device network node, device assets, via asset)
    lost: dict = field(default_factory=dict)      # network -> bool mask of lost segments
    isolated: dict = field(default_factory=dict)  # network -> bool mask of isolated segments
    unit_lost: dict = field(default_factory=dict)  # network -> bool mask of population units without service

    def by_asset(self):
        return {e.asset: e for e in self.events}


class System:
    """Assets, networks, population units and dependencies, ready for failures."""

    def __init__(self, assets, parts, dependencies=None, population=None):
        self.assets = assets
        self.parts = parts
        self.deps = dependencies if dependencies is not None else Dependencies.empty()
        self.population = np.zeros(0) if population is None else np.asarray(population, np.float64)
        d = self.deps
        backup = np.nan_to_num(np.asarray(d.backup_h, np.float64), nan=0.0)
        self.rows_of_provider = {}
        for r, p in enumerate(np.asarray(d.provider).tolist()):
            self.rows_of_provider.setdefault(p, []).append(r)
        self.providers_needed = {}
        self.backup = {}
        for r, (dep, kind) in enumerate(zip(np.asarray(d.dependent).tolist(), list(d.kind))):
            key = (dep, kind)
            self.providers_needed[key] = self.providers_needed.get(key, 0) + 1
            self.backup[key] = max(self.backup.get(key, 0.0), float(backup[r]))

    # ------------------------------------------------------------------------------------------
    def simulate(self, failed=(), failed_segments=None, time_limit=None, inoperable=()):
        """The chain started by the assets ``failed`` (indices) and the segments ``failed_segments``
        ({network: segments}); ``inoperable`` device assets cannot be closed."""
        limit = np.inf if time_limit is None else float(time_limit)
        state = {name: _NetState(part, inoperable) for name, part in self.parts.items()}
        lost_at = {}
        backup_events = {}
        remaining = dict(self.providers_needed)
        result = ChainResult([])
        heap, seq = [], 0
        for a in dict.fromkeys(int(x) for x in failed):
            heapq.heappush(heap, (0.0, 0, seq, a, FAILED, -1, ''))
            seq += 1
        pending_segments = {k: np.asarray(v, np.int64) for k, v in (failed_segments or {}).items()}
        while heap or pending_segments:
            t = heap[0][0] if heap else 0.0
            batch = []
            while heap and heap[0][0] == t:
                _, step, _, a, cause, via, service = heapq.heappop(heap)
                if a in lost_at:
                    continue
                lost_at[a] = t
                backup_events.pop(a, None)
                event = Event(a, cause, step, via, t, service)
                result.events.append(event)
                batch.append(event)
            new = list(batch)
            for name, st in state.items():
                new += st.apply(batch, pending_segments.pop(name, None), t, lost_at, result)
            pending_segments = {}
            for event in new:
                for r in self.rows_of_provider.get(event.asset, ()):
                    dep = int(self.deps.dependent[r])
                    key = (dep, self.deps.kind[r])
                    if dep in lost_at:
                        continue
                    remaining[key] -= 1
                    if remaining[key] > 0:
                        continue
                    fails = t + self.backup[key]
                    if fails > limit:
                        backup_events.setdefault(dep, Event(dep, ON_BACKUP, event.step + 1, event.asset, t,
                                                            key[1], fails))
                    else:
                        heapq.heappush(heap, (fails, event.step + 1, seq, dep, LOST_PROVIDER, event.asset, key[1]))
                        seq += 1
        result.events.extend(sorted(backup_events.values(), key=lambda e: (e.step, e.time_h, e.asset)))
        for name, st in state.items():
            result.lost[name] = st.lost
            result.isolated[name] = st.isolated
            seg = st.part.unit_segment
            mask = np.zeros(len(seg), bool)
            ok = seg >= 0
            mask[ok] = st.lost[seg[ok]] & st.part.lnet.supplied0()[seg[ok]]
            result.unit_lost[name] = mask
        return result

    # Totals -----------------------------------------------------------------------------------
    def population_lost(self, result):
        """{network: people without its service}, and people without at least one service."""
        per = {name: float(self.population[mask].sum()) if len(mask) else 0.0
               for name, mask in result.unit_lost.items()}
        any_mask = np.zeros(len(self.population), bool)
        for mask in result.unit_lost.values():
            if len(mask):
                any_mask |= mask
        return per, float(self.population[any_mask].sum())

    def population_served(self):
        """{network: people served by it in the intact system}."""
        out = {}
        for name, part in self.parts.items():
            seg = part.unit_segment
            ok = seg >= 0
            served = np.zeros(len(seg), bool)
            served[ok] = part.lnet.supplied0()[seg[ok]]
            out[name] = float(self.population[served].sum()) if len(seg) else 0.0
        return out


class _NetState:
    """What has happened to one network so far in a simulation."""

    def __init__(self, part, inoperable):
        self.part = part
        lnet = part.lnet
        self.failed_segments = np.zeros(0, np.int64)
        self.inoperable_nodes = [part.device_node_of_asset[a] for a in inoperable if a in part.device_node_of_asset]
        self.source_ok = np.ones(lnet.n_sources, bool)
        self.lost = np.zeros(lnet.n_segments, bool)
        self.isolated = np.zeros(lnet.n_segments, bool)
        self.closed = set()

    def apply(self, batch, failed_segments, t, lost_at, result):
        """Network events caused by ``batch``; returns the new events (assets lost through this network)."""
        part, lnet = self.part, self.part.lnet
        triggers, new_failed = [], []
        for event in batch:
            a = event.asset
            if a in part.source_of_asset:
                self.source_ok[part.source_of_asset[a]] = False
                triggers.append(event)
            if event.cause != FAILED:
                continue
            if a in part.device_node_of_asset:
                self.inoperable_nodes.append(part.device_node_of_asset[a])
            if a in part.asset_segments and a not in part.source_of_asset:
                new_failed.extend(part.asset_segments[a])
                triggers.append(event)
        if failed_segments is not None and len(failed_segments):
            new_failed.extend(np.asarray(failed_segments).tolist())
            triggers.append(Event(-1, FAILED, 0, -1, t))
        if not triggers:
            return []
        if new_failed:
            self.failed_segments = np.unique(np.concatenate([self.failed_segments, np.asarray(new_failed, np.int64)]))
        isolated, close = isolation(lnet, self.failed_segments, self.inoperable_nodes)
        supplied = lnet.supplied(isolated, self.source_ok)
        lost = isolated | (lnet.supplied0() & ~supplied)
        fresh = lost & ~self.lost
        self.lost |= lost
        self.isolated |= isolated
        trigger = min(triggers, key=lambda e: (e.step, e.asset < 0))
        step = trigger.step + 1
        for node in close.tolist():
            if node not in self.closed:
                self.closed.add(node)
                result.closed.append((lnet.name, node, part.devices_at_node.get(node, []), trigger.asset))
        events = []
        segs = np.flatnonzero(fresh)
        if not len(segs):
            return events
        seen = {}
        for ptr, values in ((part.seg_line_asset[0], part.seg_line_asset[1]),
                            (part.seg_node_asset[0], part.seg_node_asset[1])):
            for s in segs.tolist():
                for a in values[ptr[s]:ptr[s + 1]].tolist():
                    if a in lost_at or a in part.device_node_of_asset:  # devices: in ``closed``, not lost
                        continue
                    seen.setdefault(a, []).append(s)
        for a, segments in seen.items():
            lost_at[a] = t
            cause = ISOLATED if any(isolated[s] for s in segments) else CUT_OFF
            event = Event(a, cause, step, trigger.asset, t, lnet.name,
                          segments=tuple((lnet.name, s) for s in segments))
            result.events.append(event)
            events.append(event)
        return events


# ---------------------------------------------------------------------------------------------
# Default dependencies (rules in definitions.DEPENDENCY_RULES)
# ---------------------------------------------------------------------------------------------

def nearest_within(points, targets, max_distance):
    """(index of the nearest target or -1, distance) of every point within ``max_distance``."""
    points = np.asarray(points, np.float64).reshape(-1, 2)
    targets = np.asarray(targets, np.float64).reshape(-1, 2)
    if len(targets) == 0 or len(points) == 0:
        return np.full(len(points), -1, np.int64), np.full(len(points), np.inf)
    dist, idx = cKDTree(targets).query(points, distance_upper_bound=max_distance)
    found = np.isfinite(dist)
    return np.where(found, idx, -1).astype(np.int64), dist


def nearest_lines(lnet, points, max_distance):
    """(input line of ``lnet`` nearest to every point or -1, distance), within ``max_distance``."""
    points = np.asarray(points, np.float64).reshape(-1, 2)
    att = SegmentIndex(lnet.net).nearest(points)
    ok = (att.edge >= 0) & (att.access <= max_distance)
    line = np.where(ok, lnet.edge_line[np.where(att.edge >= 0, att.edge, 0)], -1)
    return line.astype(np.int64), att.access


def units_on_network(lnet, points, max_distance):
    """Segment serving every population unit: the one of the nearest line within ``max_distance``, else -1."""
    points = np.asarray(points, np.float64).reshape(-1, 2)
    if lnet.net.n_edges == 0 or len(points) == 0:
        return np.full(len(points), -1, np.int64)
    valid = np.isfinite(points).all(axis=1)
    att = SegmentIndex(lnet.net).nearest(np.where(valid[:, None], points, 0.0))
    ok = valid & (att.edge >= 0) & (att.access <= max_distance)
    return np.where(ok, lnet.edge_segment[np.where(att.edge >= 0, att.edge, 0)], -1).astype(np.int64)




def propose_dependencies(dependents, dependent_xy, kind, existing, max_distance, provider_assets=None,
                         provider_xy=None, part=None):
    """Rows (provider, dependent, distance) a default rule proposes: the nearest provider within ``max_distance``
    for every dependent that has no dependency of ``kind`` yet (``existing``: set of (dependent, kind)).

    Providers are points (``provider_assets`` with ``provider_xy``) or the lines of a network (``part``)."""
    dependents = np.asarray(dependents, np.int64)
    todo = np.asarray([(d, kind) not in existing for d in dependents.tolist()], bool)
    xy = np.asarray(dependent_xy, np.float64).reshape(-1, 2)
    todo &= np.isfinite(xy).all(axis=1)
    if not todo.any():
        return []
    if part is not None:
        line, dist = nearest_lines(part.lnet, xy[todo], max_distance)
        provider = np.where(line >= 0, part.line_assets[np.maximum(line, 0)], -1)
    else:
        near, dist = nearest_within(xy[todo], provider_xy, max_distance)
        provider = np.where(near >= 0, np.asarray(provider_assets, np.int64)[np.maximum(near, 0)], -1)
    return [(int(p), int(d), float(x)) for p, d, x in zip(provider.tolist(), dependents[todo].tolist(), dist.tolist())
            if p >= 0 and p != d]


# ---------------------------------------------------------------------------------------------
# N-1 criticality of every isolation segment (and chosen node assets)
# ---------------------------------------------------------------------------------------------

@dataclass
class SegmentCriticality:
    network: str
    segment: np.ndarray          # line segments of the network
    length_m: np.ndarray         # of the segment itself
    lost_length_m: np.ndarray    # the segment and everything cut off with it
    population: np.ndarray       # people losing this network's service
    population_any: np.ndarray   # people losing any service (the chain across networks included)
    facilities: list             # assets of facilities and shelters lost, per segment
    supplied: np.ndarray         # supplied in the intact network
    exact: np.ndarray            # True where the whole chain was simulated (a provider was cut)


def criticality(system, networks=None, progress=None, cancel=None):
    """N-1 over every line segment of ``networks`` (default: all): one DFS per network for what each segment
    cuts off; where the lost part holds a provider of a dependency, the chain is simulated for that segment."""
    is_provider = np.zeros(len(system.assets), bool)
    is_provider[np.asarray(system.deps.provider, np.int64)] = True
    sites = np.isin(system.assets.table.astype(str), ('facilities', 'shelters'))
    out = []
    # a network with neither sources nor isolation devices has nothing to scan (its findings say so)
    names = [n for n, part in system.parts.items() if (networks is None or n in networks) and
             (part.lnet.n_sources or part.lnet.n_devices)]
    for k, name in enumerate(names):
        part = system.parts[name]
        lnet = part.lnet
        s = lnet.n_segments
        pop = np.zeros(s)
        ok = part.unit_segment >= 0
        if len(system.population) and ok.any():
            pop = np.bincount(part.unit_segment[ok], weights=system.population[ok], minlength=s)
        line, seg, _ = lnet.line_segments()
        node_seg = lnet.node_asset_segment()
        on = node_seg >= 0
        providers = (np.bincount(seg, weights=is_provider[part.line_assets[line]], minlength=s) +
                     np.bincount(node_seg[on], weights=is_provider[part.node_assets[on]], minlength=s))
        weights = np.column_stack([lnet.segment_length, pop, providers])
        nm = network_n_minus_one(lnet, weights)
        sup = nm.reached[:s]
        line_seg = np.flatnonzero(~lnet.device_segment)
        own = weights[line_seg] * sup[line_seg, None]
        lost = own + nm.cut[line_seg]
        population = lost[:, 1]
        population_any = population.copy()
        facilities = [[] for _ in line_seg]
        exact = np.zeros(len(line_seg), bool)
        # where the lost part holds a provider, the chain may run into other networks: simulate it
        candidates = np.flatnonzero(lost[:, 2] > 0)
        for j, i in enumerate(candidates.tolist()):
            if cancel is not None and cancel():
                return out
            result = system.simulate(failed_segments={name: [line_seg[i]]})
            per, any_people = system.population_lost(result)
            population[i] = per.get(name, 0.0)
            population_any[i] = any_people
            facilities[i] = [e.asset for e in result.events if sites[e.asset] and e.cause != ON_BACKUP]
            exact[i] = True
            if progress is not None and j % 50 == 0:
                progress((k + (j + 1) / max(len(candidates), 1)) / max(len(names), 1))
        out.append(SegmentCriticality(name, line_seg, lnet.segment_length[line_seg], lost[:, 0], population,
                                      population_any, facilities, sup[line_seg], exact))
        if progress is not None:
            progress((k + 1) / max(len(names), 1))
    return out


def asset_criticality(system, assets, time_limit=None):
    """What the failure of each asset in ``assets`` causes: (result, {network: people}, people any, sites lost)."""
    sites = np.isin(system.assets.table.astype(str), ('facilities', 'shelters'))
    out = []
    for a in np.asarray(assets, np.int64).tolist():
        result = system.simulate([a], time_limit=time_limit)
        per, any_people = system.population_lost(result)
        lost_sites = [e.asset for e in result.events if sites[e.asset] and e.cause != ON_BACKUP]
        out.append((result, per, any_people, lost_sites))
    return out
