"""Choosing new sites: greedy maximal covering location (Church & ReVelle 1974), with bounds.

The greedy choice covers at least (1 - 1/e) of the best possible K-site coverage (coverage is a
monotone submodular function), so ``greedy / (1 - 1/e)`` bounds the optimum from above. Two more
upper bounds are computed: the sum of the K largest single-site gains, and (for moderate sizes) the
LP relaxation of the MCLP integer programme. The report gives the tightest of them.
"""
from dataclasses import dataclass

import numpy as np
from scipy.sparse import csr_matrix

from ..definitions import N_

GREEDY_FACTOR = 1.0 - 1.0 / np.e


@dataclass
class SitingResult:
    chosen: np.ndarray         # candidate indices in the order chosen
    gains: np.ndarray          # population added by each choice
    covered_before: float      # population covered by existing facilities
    covered_after: float
    upper_bound: float         # upper bound of the added population reachable with K sites
    bound_method: str
    served_share: np.ndarray   # (p,) share of each demand unit covered after the choice (0..1)

    @property
    def added(self):
        return float(self.gains.sum())

    @property
    def guarantee(self):
        """Added population as a share of the upper bound (>= 1 - 1/e for the plain greedy)."""
        return self.added / self.upper_bound if self.upper_bound > 0 else 1.0


def greedy_mclp(cover, population, k, covered0=None, capacity=None, cost=None, lp_max_size=200_000):
    """Choose up to ``k`` candidates maximising newly covered population.

    cover: (C, p) boolean sparse matrix, candidate j covers demand i. population: (p,).
    covered0: (p,) bool, already covered by existing facilities (worth nothing more).
    capacity: (C,) optional, a candidate serves at most this many people (nearest first by ``cost``,
    a (C, p) sparse matrix with the same pattern as ``cover``; demand may be split).
    """
    cover = csr_matrix(cover, dtype=np.float64)
    C, p = cover.shape
    population = np.asarray(population, float)
    covered0 = np.zeros(p, bool) if covered0 is None else np.asarray(covered0, bool)
    remaining = np.where(covered0, 0.0, population)
    before = float(population[covered0].sum())
    chosen, gains = [], []
    available = np.ones(C, bool)
    single = cover @ remaining
    for _ in range(min(k, C)):
        gain = cover @ remaining
        if capacity is not None:
            gain = np.minimum(gain, np.nan_to_num(np.asarray(capacity, float), nan=0.0))
        gain[~available] = -1.0
        j = int(np.argmax(gain))
        if gain[j] <= 0:
            break
        row = slice(cover.indptr[j], cover.indptr[j + 1])
        idx = cover.indices[row]
        if capacity is None:
            take = remaining[idx].copy()
        else:
            order = np.argsort(cost.getrow(j).toarray().ravel()[idx], kind='stable') if cost is not None \
                else np.arange(len(idx))
            idx = idx[order]
            want = remaining[idx]
            cum = np.cumsum(want)
            cap = gain[j]
            take = np.clip(cap - (cum - want), 0.0, want)
        remaining[idx] -= take
        chosen.append(j)
        gains.append(float(take.sum()))
        available[j] = False
    gains = np.asarray(gains)
    added = float(gains.sum())
    bounds = [(added / GREEDY_FACTOR, N_('greedy result / (1 - 1/e)'))] if capacity is None else []
    top = np.sort(np.minimum(single, capacity) if capacity is not None else single)[::-1][:k]
    bounds.append((float(top.sum()), N_('sum of the K largest single-site gains')))
    if capacity is None and cover.nnz <= lp_max_size:
        lp = lp_bound(cover, np.where(covered0, 0.0, population), k)
        if lp is not None:
            bounds.append((lp, N_('LP relaxation')))
    bound, method = min(bounds, key=lambda b: b[0])
    bound = max(bound, added)
    share = np.where(population > 0, 1.0 - remaining / np.where(population > 0, population, 1.0), 1.0)
    share[covered0] = 1.0
    return SitingResult(np.asarray(chosen, np.int64), gains, before, before + added, bound, method, share)


def lp_bound(cover, weight, k):
    """Optimum of the LP relaxation of MCLP (an upper bound of the integer optimum), or None."""
    try:
        from scipy.optimize import linprog
        from scipy.sparse import bmat, eye, csr_matrix as csr
    except ImportError:  # pragma: no cover
        return None
    cover = csr_matrix(cover)
    C, p = cover.shape
    useful = np.flatnonzero((weight > 0) & (np.asarray(cover.sum(axis=0)).ravel() > 0))
    if len(useful) == 0:
        return 0.0
    A = cover[:, useful].T.tocsr()  # (p', C)
    q = len(useful)
    # variables: x (C), y (q); maximise w.y  ->  minimise -w.y
    c = np.concatenate([np.zeros(C), -weight[useful]])
    a_ub = bmat([[-A, eye(q)], [csr(np.ones((1, C))), None]], format='csr')
    b_ub = np.concatenate([np.zeros(q), [k]])
    res = linprog(c, A_ub=a_ub, b_ub=b_ub, bounds=(0, 1), method='highs')
    if not res.success:
        return None
    return float(-res.fun) + 1e-9 * float(weight.sum())


def brute_force_mclp(cover, population, k, covered0=None):
    """Exact optimum by enumeration (small instances only; used by the tests)."""
    from itertools import combinations
    cover = csr_matrix(cover).toarray().astype(bool)
    population = np.asarray(population, float)
    covered0 = np.zeros(cover.shape[1], bool) if covered0 is None else covered0
    best, best_set = 0.0, ()
    for combo in combinations(range(cover.shape[0]), k):
        cov = cover[list(combo)].any(axis=0) & ~covered0
        val = float(population[cov].sum())
        if val > best:
            best, best_set = val, combo
    return best, best_set
