"""Community resilience index: indicators normalised, weighted within dimensions, dimensions weighted, ranked.

Pure numpy. Method (after BRIC, Cutter et al.: min-max scaling, averages within capitals):

1. every indicator is min-max scaled over the communities to 0..1, 1 the most resilient value
   (z = (x - min) / (max - min); for an indicator where higher is worse, 1 - z). An indicator with the same
   value everywhere says nothing about the difference between communities and is left out (reported);
2. a dimension's score is the weighted mean of its indicators' scaled values; a community missing a value
   has that indicator's weight shared among the others of the dimension (missing values are counted);
3. the index is the weighted mean of the dimension scores (dimension weights scaled to sum to 1 over the
   dimensions a community has), 0..1; rank 1 is the highest index (equal indices share a rank).

Sensitivity: the ranks are computed again with every dimension weight multiplied by a random factor in
[1 - spread, 1 + spread] (``draws`` times, a fixed seed), and with each weight alone moved by +/- spread.
"""
from dataclasses import dataclass

import numpy as np

from ..definitions import RESILIENCE_DIMENSION_WEIGHTS, RESILIENCE_DIMENSIONS, RESILIENCE_INDICATORS


@dataclass
class IndexResult:
    scaled: np.ndarray           # (c, k) indicator values scaled 0..1 (nan: missing or indicator left out)
    used: np.ndarray             # (k,) bool: the indicator differs between communities and takes part
    dimension_scores: np.ndarray  # (c, d) nan when the community has no value in the dimension
    index: np.ndarray            # (c,) 0..1 (nan without any value)
    rank: np.ndarray             # (c,) 1 = most resilient (nan without an index)
    missing: np.ndarray          # (c,) values of used indicators the community lacks


def scale(values, higher_is_better):
    """Min-max scaling of every column of ``values`` (c, k) to 0..1 with 1 the most resilient.

    Returns (scaled, used): a column whose values are all equal (or all missing) is not used (nan)."""
    values = np.asarray(values, float)
    higher_is_better = np.asarray(higher_is_better, bool)
    with np.errstate(all='ignore'):
        low = np.nanmin(np.where(np.isnan(values), np.inf, values), axis=0)
        high = np.nanmax(np.where(np.isnan(values), -np.inf, values), axis=0)
        span = high - low
        used = np.isfinite(span) & (span > 0)
        z = (values - low) / np.where(used, span, 1.0)
    z = np.where(higher_is_better, z, 1.0 - z)
    z[:, ~used] = np.nan
    return z, used


def rank_scores(scores):
    """Rank 1 for the highest score; equal scores share the lower rank number; nan scores get nan."""
    scores = np.asarray(scores, float)
    ranks = np.full(len(scores), np.nan)
    valid = np.flatnonzero(np.isfinite(scores))
    for i in valid:
        ranks[i] = 1 + int((scores[valid] > scores[i] + 1e-12).sum())
    return ranks


def combine(scaled, used, dimension_of, indicator_weights, dimension_weights):
    """(dimension scores (c, d), index (c,), missing (c,)) from scaled values (see the module's docstring)."""
    scaled = np.asarray(scaled, float)
    dimension_of = np.asarray(dimension_of, np.int64)
    w = np.where(used, np.asarray(indicator_weights, float), 0.0)
    n_dim = len(dimension_weights)
    present = np.isfinite(scaled) & (w > 0)
    scores = np.full((scaled.shape[0], n_dim), np.nan)
    for d in range(n_dim):
        cols = np.flatnonzero(dimension_of == d)
        if len(cols) == 0:
            continue
        weight = np.where(present[:, cols], w[cols], 0.0)
        total = weight.sum(axis=1)
        summed = (weight * np.nan_to_num(scaled[:, cols])).sum(axis=1)
        with np.errstate(invalid='ignore', divide='ignore'):
            scores[:, d] = np.where(total > 0, summed / np.where(total > 0, total, 1.0), np.nan)
    index = weighted_index(scores, dimension_weights)
    missing = (~np.isfinite(scaled[:, used]) & (w[used] > 0)).sum(axis=1)
    return scores, index, missing


def weighted_index(dimension_scores, dimension_weights):
    """Weighted mean of the dimension scores per community over the dimensions it has."""
    scores = np.asarray(dimension_scores, float)
    weights = np.broadcast_to(np.asarray(dimension_weights, float), scores.shape)
    has = np.isfinite(scores) & (weights > 0)
    total = np.where(has, weights, 0.0).sum(axis=1)
    summed = np.where(has, weights * np.nan_to_num(scores), 0.0).sum(axis=1)
    with np.errstate(invalid='ignore', divide='ignore'):
        return np.where(total > 0, summed / np.where(total > 0, total, 1.0), np.nan)


def resilience_index(values, higher_is_better, dimension_of, indicator_weights, dimension_weights):
    """The index of every community. values: (c, k) raw indicator values (nan: missing);
    dimension_of: (k,) dimension index of each indicator; weights as in the definitions (any positive scale)."""
    scaled, used = scale(values, higher_is_better)
    used &= np.asarray(indicator_weights, float) > 0
    scaled[:, ~used] = np.nan
    scores, index, missing = combine(scaled, used, dimension_of, indicator_weights, dimension_weights)
    return IndexResult(scaled, used, scores, index, rank_scores(index), missing)


@dataclass
class Sensitivity:
    rank_min: np.ndarray         # (c,) best rank over the draws
    rank_max: np.ndarray         # (c,) worst rank over the draws
    stability: np.ndarray        # (c,) share of draws with the same rank as with the given weights
    mean_shift: np.ndarray       # (c,) mean absolute rank change over the draws
    one_at_a_time: np.ndarray    # (c,) largest rank change when one dimension weight alone moves by +/- spread
    spearman: float              # mean rank correlation of the draws with the given ranking
    draws: int
    spread: float


def sensitivity(dimension_scores, dimension_weights, spread=0.5, draws=1000, seed=1):
    """Rank stability under changes of the dimension weights (see the module's docstring)."""
    scores = np.asarray(dimension_scores, float)
    base_w = np.asarray(dimension_weights, float)
    base = rank_scores(weighted_index(scores, base_w))
    rng = np.random.default_rng(seed)
    c = len(base)
    ranks = np.full((draws, c), np.nan)
    factors = rng.uniform(1.0 - spread, 1.0 + spread, size=(draws, len(base_w)))
    for t in range(draws):
        ranks[t] = rank_scores(weighted_index(scores, base_w * factors[t]))
    valid = np.isfinite(base)
    if draws:
        same = np.where(valid, (ranks == base).mean(axis=0), np.nan)
        shift = np.where(valid, np.abs(ranks - base).mean(axis=0), np.nan)
    else:   # no random draws asked for: nothing measured
        same = shift = np.full(c, np.nan)
    one = np.zeros(c)
    for d in range(len(base_w)):
        for sign in (-1.0, 1.0):
            w = base_w.copy()
            w[d] *= 1.0 + sign * spread
            one = np.fmax(one, np.abs(rank_scores(weighted_index(scores, w)) - base))
    one[~valid] = np.nan
    low, high = base.copy(), base.copy()
    if draws:
        low[valid] = ranks[:, valid].min(axis=0)
        high[valid] = ranks[:, valid].max(axis=0)
    return Sensitivity(low, high, same, shift, one, _mean_spearman(base, ranks), draws, spread)


def _mean_spearman(base, ranks):
    """Mean Spearman rank correlation of every draw's ranking with ``base`` (nan with fewer than 3 ranked)."""
    valid = np.isfinite(base)
    if valid.sum() < 3 or len(ranks) == 0:
        return float('nan')
    b = base[valid] - base[valid].mean()
    r = ranks[:, valid] - ranks[:, valid].mean(axis=1, keepdims=True)
    denominator = np.sqrt((b ** 2).sum() * (r ** 2).sum(axis=1))
    with np.errstate(invalid='ignore', divide='ignore'):
        rho = (r * b).sum(axis=1) / denominator
    return float(np.nanmean(rho)) if np.isfinite(rho).any() else float('nan')


# --- Weights -------------------------------------------------------------------------------------

def default_indicator_rows():
    """The indicators of definitions.RESILIENCE_INDICATORS as rows (key, dimension, weight, higher_is_better)."""
    return [(i.key, i.dimension, i.weight, 1 if i.higher_is_better else 0) for i in RESILIENCE_INDICATORS]


def default_dimension_rows():
    return [(d.code, RESILIENCE_DIMENSION_WEIGHTS[d.code]) for d in RESILIENCE_DIMENSIONS]


def indicators_from_rows(rows):
    """[(key, dimension, weight, higher_is_better)] from rows of four values; raises ValueError on a bad row."""
    dimensions = [d.code for d in RESILIENCE_DIMENSIONS]
    out, seen = [], set()
    for row in rows:
        key, dimension = str(row[0]).strip(), str(row[1]).strip()
        if not key or key in seen:
            raise ValueError('indicator {!r} is empty or listed twice'.format(key))
        if dimension not in dimensions:
            raise ValueError('dimension {!r} of {} is not one of {}'.format(dimension, key, ', '.join(dimensions)))
        weight = float(row[2])
        if not np.isfinite(weight) or weight < 0:
            raise ValueError('weight {!r} of {} is not a non-negative number'.format(row[2], key))
        direction = str(row[3]).strip().lower()
        if direction not in ('1', '0', '1.0', '0.0', 'true', 'false', 'higher', 'lower'):
            raise ValueError('higher_is_better {!r} of {} is not 1 or 0'.format(row[3], key))
        seen.add(key)
        out.append((key, dimension, weight, direction in ('1', '1.0', 'true', 'higher')))
    return out


def dimensions_from_rows(rows):
    """{dimension: weight} from rows (dimension, weight); dimensions not listed keep weight 0."""
    dimensions = [d.code for d in RESILIENCE_DIMENSIONS]
    weights = {d: 0.0 for d in dimensions}
    for row in rows:
        dimension = str(row[0]).strip()
        if dimension not in dimensions:
            raise ValueError('dimension {!r} is not one of {}'.format(dimension, ', '.join(dimensions)))
        weight = float(row[1])
        if not np.isfinite(weight) or weight < 0:
            raise ValueError('weight {!r} of {} is not a non-negative number'.format(row[1], dimension))
        weights[dimension] = weight
    return weights
