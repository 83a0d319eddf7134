"""The computations behind validate_census, on plain arrays (numpy and scipy only, no QGIS).

Every function takes a column of values or coordinates and returns an array aligned with its input,
so the Processing algorithm only reads layers and turns the results into findings.
"""
import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components
from scipy.spatial import cKDTree


def is_missing(values):
    """True where a value is None, NaN or a string that is empty once stripped."""
    def missing(value):
        if value is None:
            return True
        if isinstance(value, str):
            return not value.strip()
        return isinstance(value, float) and np.isnan(value)
    return np.array([missing(v) for v in values], dtype=bool)


def outside_domain(values, codes):
    """True where a value is present but is not one of ``codes`` (missing values are not reported)."""
    allowed = set(codes)
    present = ~is_missing(values)
    return np.array([p and v not in allowed for p, v in zip(present, values)], dtype=bool)


def as_float(values):
    """Values as a float array, NaN where a value is missing."""
    return np.array([np.nan if m else float(v) for m, v in zip(is_missing(values), values)], dtype=float)


def outside_range(values, minimum=None, maximum=None):
    """True where a numeric value is below ``minimum`` or above ``maximum`` (None: no bound; NaN: not reported)."""
    numbers = as_float(values)
    result = np.zeros(len(numbers), dtype=bool)
    with np.errstate(invalid='ignore'):
        if minimum is not None:
            result |= numbers < minimum
        if maximum is not None:
            result |= numbers > maximum
    return result


def normalise_id(value):
    """The form in which two identifiers are compared: stripped and case-folded; None when missing."""
    if value is None:
        return None
    text = str(value).strip().casefold()
    return text or None


def duplicate_groups(values):
    """Groups of positions whose identifiers are equal (see ``normalise_id``), each an ascending int array.

    Only identifiers used more than once form a group; groups are ordered by their first position.
    """
    positions = {}
    for index, value in enumerate(values):
        key = normalise_id(value)
        if key is not None:
            positions.setdefault(key, []).append(index)
    groups = [np.array(p, dtype=int) for p in positions.values() if len(p) > 1]
    return sorted(groups, key=lambda g: g[0])


def endpoint_links(points, owners, tolerance):
    """Pairs of owners (segments) that have endpoints within ``tolerance`` of each other.

    ``points`` is an (m, 2) array of endpoint coordinates and ``owners`` the segment of each endpoint;
    returns a (k, 2) int array of distinct owner pairs (an endpoint never links a segment to itself).
    """
    points = np.asarray(points, dtype=float).reshape(-1, 2)
    owners = np.asarray(owners, dtype=int)
    if len(points) < 2:
        return np.empty((0, 2), dtype=int)
    pairs = cKDTree(points).query_pairs(tolerance, output_type='ndarray')
    links = owners[pairs] if len(pairs) else np.empty((0, 2), dtype=int)
    return links[links[:, 0] != links[:, 1]]


def component_labels(count, links):
    """Connected-component label of each of ``count`` segments joined by ``links`` ((k, 2) segment pairs)."""
    links = np.asarray(links, dtype=int).reshape(-1, 2)
    graph = coo_matrix((np.ones(len(links), dtype=np.int8), (links[:, 0], links[:, 1])), shape=(count, count))
    return connected_components(graph, directed=False)[1]


def outside_largest(labels):
    """Where each segment stands relative to the largest component.

    Returns ``(mask, sizes, largest)``: True for segments outside the largest component (the first one
    by label when several are equally large), the size of each segment's component, and the largest size.
    """
    labels = np.asarray(labels, dtype=int)
    if len(labels) == 0:
        return np.zeros(0, dtype=bool), np.zeros(0, dtype=int), 0
    counts = np.bincount(labels)
    biggest = int(np.argmax(counts))
    return labels != biggest, counts[labels], int(counts[biggest])


def beyond(distances, limit):
    """True where a distance is greater than ``limit`` (NaN, an unknown distance, is not reported)."""
    distances = np.asarray(distances, dtype=float)
    with np.errstate(invalid='ignore'):
        return distances > limit
