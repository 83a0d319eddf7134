"""core.census_rules on small arrays checked by hand (the algorithm on real data: tests/test_validate_census.py)."""
import numpy as np

from resilience_plugin.core import census_rules as rules


def test_is_missing():
    values = [None, '', '  ', 'x', 0, False, float('nan'), 2.5]
    assert rules.is_missing(values).tolist() == [True, True, True, False, False, False, True, False]


def test_outside_domain_ignores_missing_values():
    assert rules.outside_domain(['gas', 'lava', None, '', 'power'], ['gas', 'power']).tolist() == [
        False, True, False, False, False]
    assert rules.outside_domain([1, 5, None], [1, 2, 3, 4]).tolist() == [False, True, False]


def test_outside_range():
    assert rules.outside_range([-5, 0, 10000, 10000.5, None], 0, 10000).tolist() == [
        True, False, False, True, False]
    assert rules.outside_range([-1, 1e9], minimum=0).tolist() == [True, False]
    assert rules.outside_range([-1, 1e9], maximum=10).tolist() == [False, True]


def test_duplicate_groups_compare_ids_ignoring_case_and_spaces():
    groups = rules.duplicate_groups(['A', 'b', ' a', None, 'B', 'c', '', ''])
    assert [g.tolist() for g in groups] == [[0, 2], [1, 4]]
    assert rules.duplicate_groups(['x', 'y']) == []


def test_endpoint_links():
    # Segment 0 (0,0)-(10,0), segment 1 (10.5,0)-(20,0), segment 2 (50,0)-(60,0), segment 3 a ring at (0,100).
    points = [(0, 0), (10, 0), (10.5, 0), (20, 0), (50, 0), (60, 0), (0, 100), (0, 100)]
    owners = [0, 0, 1, 1, 2, 2, 3, 3]
    assert rules.endpoint_links(points, owners, 1.0).tolist() == [[0, 1]]
    assert rules.endpoint_links(points, owners, 0.4).tolist() == []
    assert rules.endpoint_links(np.empty((0, 2)), [], 1.0).shape == (0, 2)


def test_component_labels_and_largest():
    labels = rules.component_labels(6, [[0, 1], [1, 3], [4, 5]])
    assert labels[0] == labels[1] == labels[3] and labels[4] == labels[5]
    assert len({labels[0], labels[2], labels[4]}) == 3
    outside, sizes, largest = rules.outside_largest(labels)
    assert outside.tolist() == [False, False, True, False, True, True]
    assert sizes.tolist() == [3, 3, 1, 3, 2, 2]
    assert largest == 3
    assert rules.outside_largest(rules.component_labels(2, np.empty((0, 2))))[0].tolist() == [False, True]
    assert rules.outside_largest([])[2] == 0


def test_beyond():
    assert rules.beyond([50, 100, 100.1, float('nan')], 100).tolist() == [False, False, True, False]
