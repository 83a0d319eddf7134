"""Dispatch of emergency forces to incidents, and how well forces cover places within a time (pure numpy).

Arrival times come from the coverage engine: forces are the facilities of one network, their turnout the start
delay, and :func:`coverage.reach_pairs` gives every (incident, force) pair that arrives within the limit.

For one incident, the forces sorted by arrival time are the order in which they can be on scene: the personnel
on scene at time T is the personnel of a prefix of that order. Taking forces in that order until the required
personnel is reached therefore meets the requirement at the earliest possible time (no other set of forces
does it sooner); every force that arrives before then is sent too. Several incidents are served one after the
other (in the order given, e.g. by priority); a force sent to one incident is no longer available.
"""
from dataclasses import dataclass

import numpy as np


@dataclass
class Dispatch:
    incident: np.ndarray        # (k,) incident of every dispatched force, grouped by incident
    force: np.ndarray           # (k,) force
    arrival: np.ndarray         # (k,) arrival time (turnout + travel), minutes
    personnel: np.ndarray       # (k,) personnel of the force
    cumulative: np.ndarray      # (k,) personnel on scene once this force has arrived
    required: np.ndarray        # (n,) personnel required per incident
    sent: np.ndarray            # (n,) personnel sent
    forces_sent: np.ndarray     # (n,) forces sent
    met: np.ndarray             # (n,) bool: the requirement is met within the limit
    time_met: np.ndarray        # (n,) when it is met (arrival of the force that completes it; nan if not met)
    first_arrival: np.ndarray   # (n,) when the first force arrives (nan when none can)

    @property
    def shortfall(self):
        return np.maximum(self.required - self.sent, 0.0)


def is_available(status, available_from, available_to, hour, ready_codes):
    """Whether every force is available: its status is one of ``ready_codes`` (an empty status counts as ready)
    and ``hour`` (0-24, None: any time) lies in its daily window [from, to); a window over midnight has
    from > to; no window, or from == to, means all day."""
    status = np.asarray([str(s).strip().lower() if s not in (None, '') else '' for s in status], object)
    ready = np.isin(status, list(ready_codes) + [''])
    if hour is None:
        return ready
    start = np.asarray(available_from, float)
    end = np.asarray(available_to, float)
    all_day = np.isnan(start) | np.isnan(end) | (start == end)
    same_day = (start < end) & (hour >= start) & (hour < end)
    overnight = (start > end) & ((hour >= start) | (hour < end))
    return ready & (all_day | same_day | overnight)


def dispatch_forces(pairs_incident, pairs_force, arrival, personnel, required, order=None):
    """Forces for every incident (see the module's docstring).

    pairs_*: the (incident, force) pairs within reach with the force's arrival time at the incident;
    personnel: (F,) per force; required: (n,) per incident; order: the incidents in the order they are served.
    Ties in arrival time go to the force with more personnel (fewer forces), then to the lower index.
    """
    pairs_incident = np.asarray(pairs_incident, np.int64)
    pairs_force = np.asarray(pairs_force, np.int64)
    arrival = np.asarray(arrival, float)
    personnel = np.nan_to_num(np.asarray(personnel, float), nan=0.0)
    required = np.asarray(required, float)
    n = len(required)
    order = np.arange(n) if order is None else np.asarray(order, np.int64)
    taken = np.zeros(len(personnel), bool)
    rows = []
    sent = np.zeros(n)
    count = np.zeros(n, np.int64)
    met = np.zeros(n, bool)
    time_met = np.full(n, np.nan)
    first = np.full(n, np.nan)
    by_incident = {}
    for k in np.lexsort((pairs_force, -personnel[pairs_force], arrival, pairs_incident)):
        by_incident.setdefault(int(pairs_incident[k]), []).append(k)
    for i in order:
        on_scene = 0.0
        for k in by_incident.get(int(i), []):
            f = int(pairs_force[k])
            if taken[f] or personnel[f] <= 0:
                continue
            taken[f] = True
            on_scene += personnel[f]
            count[i] += 1
            rows.append((i, f, arrival[k], personnel[f], on_scene))
            if np.isnan(first[i]):
                first[i] = arrival[k]
            if on_scene >= required[i]:
                met[i], time_met[i] = True, arrival[k]
                break
        sent[i] = on_scene
        if required[i] <= 0:
            met[i], time_met[i] = True, 0.0 if np.isnan(first[i]) else first[i]
    table = np.array(rows, float).reshape(-1, 5)
    return Dispatch(table[:, 0].astype(np.int64), table[:, 1].astype(np.int64), table[:, 2], table[:, 3], table[:, 4],
                    required, sent, count, met, time_met, first)


def brute_force_earliest(arrival, personnel, required):
    """The earliest time any set of forces has ``required`` personnel on scene, by enumerating every subset
    (small cases only; the tests use it). ``arrival``: (F,) per force (inf: cannot come). nan when impossible."""
    from itertools import combinations
    best = np.inf
    forces = range(len(arrival))
    for size in range(1, len(arrival) + 1):
        for subset in combinations(forces, size):
            subset = list(subset)
            if personnel[subset].sum() >= required:
                best = min(best, float(np.max(arrival[subset])))
    return best if np.isfinite(best) else np.nan


@dataclass
class ForceCoverage:
    first_arrival: np.ndarray   # (p,) earliest arrival of any force (inf when none within the limit)
    forces: np.ndarray          # (p,) forces arriving within the limit
    personnel: np.ndarray       # (p,) their personnel


def force_coverage(pairs_unit, pairs_force, arrival, personnel, n_units):
    """Per place (demand unit): the first arrival, the number of forces and their personnel within the limit."""
    pairs_unit = np.asarray(pairs_unit, np.int64)
    pairs_force = np.asarray(pairs_force, np.int64)
    first = np.full(n_units, np.inf)
    np.minimum.at(first, pairs_unit, np.asarray(arrival, float))
    forces = np.bincount(pairs_unit, minlength=n_units)
    staff = np.bincount(pairs_unit, weights=np.nan_to_num(np.asarray(personnel, float), nan=0.0)[pairs_force],
                        minlength=n_units)
    return ForceCoverage(first, forces, staff)


def weighted_mean(values, weights, groups, n_groups):
    """Population-weighted mean of ``values`` per group (nan for a group without weight); ``groups`` -1: none."""
    values = np.asarray(values, float)
    weights = np.asarray(weights, float)
    inside = (np.asarray(groups) >= 0) & np.isfinite(values)
    total = np.bincount(groups[inside], weights=weights[inside], minlength=n_groups)
    summed = np.bincount(groups[inside], weights=(weights * values)[inside], minlength=n_groups)
    with np.errstate(invalid='ignore', divide='ignore'):
        return np.where(total > 0, summed / np.where(total > 0, total, 1.0), np.nan)
