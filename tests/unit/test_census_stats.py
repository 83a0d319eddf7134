"""core.census_stats: classes, decades and summary tables by hand (the export: tests/test_export_census.py)."""
import math

import numpy as np
import pandas as pd
import pytest

from resilience_plugin.core import census_stats, osm_tags
from resilience_plugin.definitions import CENSUS_NOT_SET, RISK_GRADE_ORDER, RISK_SOURCE_KIND, ROAD_CLASS


def test_diameter_classes_and_decades():
    bounds = (0, 100, 300, 500, 1000)
    assert census_stats.diameter_class_codes(bounds) == ['0-100', '100-300', '300-500', '500-1000', '>=1000']
    values = [None, -1, 0, 99.9, 100, 299, 300, 999, 1000, 5000, '', float('nan')]
    assert list(census_stats.diameter_classes(values, bounds)) == [
        CENSUS_NOT_SET, '<0', '0-100', '0-100', '100-300', '100-300', '300-500', '500-1000', '>=1000', '>=1000',
        CENSUS_NOT_SET, CENSUS_NOT_SET]
    years = [1931, 1950, 1959, 1960, 2024, None]
    codes = list(census_stats.install_decades(years, 1950))
    assert codes == ['<1950', '1950s', '1950s', '1960s', '2020s', CENSUS_NOT_SET]
    assert census_stats.decade_order(codes, 1950) == ['<1950', '1950s', '1960s', '2020s', CENSUS_NOT_SET]


def test_summarise_orders_codes_and_fills_zeros():
    frame = pd.DataFrame({'k': ['b', None, 'a', 'b', 'x'], 'v': [1.0, 2.0, None, 4.0, 8.0]})
    table = census_stats.summarise(frame, ['k'], {'n': ('v', 'size'), 's': ('v', 'sum'), 'c': ('v', 'count')},
                                   {'k': ['a', 'b', 'c']}, complete=True)
    assert table.to_dict('list') == {'k': ['a', 'b', 'c', 'x', CENSUS_NOT_SET], 'n': [1, 2, 0, 1, 1],
                                     's': [0.0, 5.0, 0.0, 8.0, 2.0], 'c': [0, 2, 0, 1, 1]}
    empty = census_stats.summarise(frame.iloc[:0], ['k'], {'n': ('v', 'size')}, {'k': ['a']}, complete=True)
    assert empty.to_dict('list') == {'k': ['a'], 'n': [0]}
    assert len(census_stats.summarise(frame.iloc[:0], ['k', 'v'], {'n': ('v', 'size')})) == 0
    assert math.isclose(census_stats.lifeline_tables(
        pd.DataFrame({'network': ['gas', 'gas'], 'material': [None, 'pe'], 'diameter_mm': [None, 50],
                      'install_year': [None, 2001], 'condition': ['good', None], 'length_m': [1500.0, 250.0]}),
        {'network': ['gas']}, (0, 100), 1950)['lifelines_by_network']['length_km'].sum(), 1.75)


def test_flatten():
    assert census_stats.flatten({'a': {'b': 1, 'c': [2, {'d': 3}]}, 'e': None}) == [
        ('a.b', 1), ('a.c[0]', 2), ('a.c[1].d', 3), ('e', None)]


def test_road_and_risk_source_tables_on_rutland(rutland_layers):
    """The census tables of Rutland's roads and risk sources against sums over the features in plain Python."""
    roads, fields = rutland_layers['roads']
    classes, lengths = [], []
    for line, highway in zip(roads, fields['highway']):
        kept = [t.values for t in osm_tags.classify({'highway': highway}, osm_tags.LINE) if t.layer == 'road_network']
        if kept:
            classes.append(kept[0]['road_class'])
            lengths.append(line.length)
    table = census_stats.road_tables(pd.DataFrame({'road_class': classes, 'length_m': lengths}),
                                     {'road_class': ROAD_CLASS.codes()})['roads_by_class']
    assert list(table['road_class']) == ROAD_CLASS.codes()
    for road_class, segments, length_km in zip(table['road_class'], table['segments'], table['length_km']):
        mine = [length for c, length in zip(classes, lengths) if c == road_class]
        assert segments == len(mine) and length_km == pytest.approx(sum(mine) / 1000.0, rel=1e-12, abs=1e-12)
    assert table['segments'].sum() == len(classes) > 5000

    geometries, fields = rutland_layers['risk_sources']
    points = pd.DataFrame({'kind': [k for g, k in zip(geometries, fields['kind']) if g.area == 0],
                           'risk_grade': None})
    areas = pd.DataFrame({'kind': [k for g, k in zip(geometries, fields['kind']) if g.area > 0],
                          'risk_grade': 'low'})
    tables = census_stats.risk_tables(points, areas, {'risk_grade': RISK_GRADE_ORDER,
                                                      'kind': RISK_SOURCE_KIND.codes()})
    by_grade = tables['risk_sources_by_grade'].set_index('risk_grade')
    assert list(by_grade.index) == list(RISK_GRADE_ORDER) + [CENSUS_NOT_SET]
    assert by_grade.loc['low', 'areas'] == len(areas) and by_grade.loc['low', 'points'] == 0
    assert by_grade.loc[CENSUS_NOT_SET, 'points'] == len(points) == 8
    assert by_grade['total'].sum() == len(geometries) and by_grade['total'].dtype == np.int64
    by_kind = tables['risk_sources_by_kind']
    fuel = by_kind[by_kind['kind'] == 'fuel_station']
    assert fuel['total'].sum() == list(fields['kind']).count('fuel_station') == 11
