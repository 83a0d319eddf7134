"""The statistics tables of the census package, on plain pandas frames (pandas and numpy only, no QGIS).

The Processing algorithm (processing/export_census.py) reads the exported features into one frame per
layer (attribute columns plus ``length_m`` for lines), these functions group them into tables whose key
columns hold codes, and ``label_table`` / ``write_tables`` add the readable labels and write XLSX + CSV.
Missing key values are grouped under ``not_set`` (definitions.CENSUS_NOT_SET).
"""
import math

import numpy as np
import pandas as pd

from ..definitions import CENSUS_NOT_SET

# CSV files are written in UTF-8 with a byte-order mark so that Excel reads Chinese text correctly.
CSV_ENCODING = 'utf-8-sig'
# Excel limits sheet names to 31 characters.
MAX_SHEET_NAME = 31


def missing_mask(series):
    """True where a value is None, NaN or an empty / blank string."""
    def missing(value):
        if value is None:
            return True
        if isinstance(value, str):
            return not value.strip()
        return isinstance(value, float) and math.isnan(value)
    return np.array([missing(v) for v in series], dtype=bool)


def numbers(series):
    """Values as floats, NaN where missing or not a number."""
    return pd.to_numeric(pd.Series(list(series), dtype=object), errors='coerce').astype(float).to_numpy()


# Classes -------------------------------------------------------------------------------------------------

def diameter_class_codes(bounds):
    """Codes of the diameter classes for ascending lower ``bounds`` (mm): '0-100', ..., '>=1000'."""
    bounds = [float(b) for b in bounds]
    codes = ['{:g}-{:g}'.format(low, high) for low, high in zip(bounds[:-1], bounds[1:])]
    return codes + ['>={:g}'.format(bounds[-1])]


def diameter_classes(values, bounds):
    """The diameter class code of each value; ``not_set`` when missing, '<{first bound}' below the first bound."""
    codes = diameter_class_codes(bounds)
    x = numbers(values)
    result = np.full(len(x), CENSUS_NOT_SET, dtype=object)
    known = ~np.isnan(x)
    index = np.searchsorted(np.asarray(bounds, dtype=float), x[known], side='right') - 1
    labels = np.array(['<{:g}'.format(float(bounds[0]))] + codes, dtype=object)
    result[known] = labels[index + 1]
    return result


def decade_code(decade):
    return '{}s'.format(int(decade))


def install_decades(values, first):
    """Decade code of each installation year ('1970s'); '<{first}' before ``first``; ``not_set`` when missing."""
    x = numbers(values)
    result = np.full(len(x), CENSUS_NOT_SET, dtype=object)
    for i, year in enumerate(x):
        if np.isnan(year):
            continue
        result[i] = '<{}'.format(int(first)) if year < first else decade_code(math.floor(year / 10.0) * 10)
    return result


def decade_order(codes, first):
    """Decade codes in time order ('<1950' first), ``not_set`` last."""
    def key(code):
        if code == CENSUS_NOT_SET:
            return (2, 0)
        if code.startswith('<'):
            return (0, 0)
        return (1, int(code[:-1]))
    return sorted(set(codes), key=key)


# Grouping -------------------------------------------------------------------------------------------------

def _sort_key(order):
    position = {code: i for i, code in enumerate(order or [])}

    def key(code):
        if code in position:
            return (0, position[code], '')
        if code == CENSUS_NOT_SET:
            return (2, 0, '')
        return (1, 0, str(code))
    return key


def summarise(frame, keys, aggregations, orders=None, complete=False):
    """One row per combination of ``keys`` with the ``aggregations``, rows in the order of the codes.

    ``aggregations`` maps an output column to ``(column, how)`` with ``how`` one of 'size' (rows),
    'count' (rows with a value) or 'sum' (sum of the values present, 0 when none). ``orders`` maps a key to
    its codes in display order; with ``complete`` (one key only) every code of that order gets a row,
    with zeros where no feature has it. Missing key values are grouped under ``not_set``.
    """
    orders = orders or {}
    frame = frame.copy()
    for key in keys:
        values = frame[key].to_numpy(dtype=object) if key in frame else np.array([], dtype=object)
        frame[key] = np.where(missing_mask(values), CENSUS_NOT_SET, values).astype(object) if len(values) else values
    columns = {}
    grouped = frame.groupby(keys, sort=False, dropna=False) if len(frame) else None
    for name, (column, how) in aggregations.items():
        if grouped is None:
            columns[name] = pd.Series(dtype=float)
            continue
        values = frame[column].to_numpy(dtype=object) if column in frame else np.zeros(len(frame))
        series = pd.Series(numbers(values) if how != 'size' else np.ones(len(frame)), index=frame.index)
        by = [frame[k] for k in keys]
        if how == 'size':
            columns[name] = series.groupby(by, sort=False).size()
        elif how == 'count':
            columns[name] = series.groupby(by, sort=False).count()
        elif how == 'sum':
            columns[name] = series.groupby(by, sort=False).sum(min_count=0)
        else:
            raise ValueError(how)
    table = pd.DataFrame(columns)
    if complete:
        if len(keys) != 1:
            raise ValueError('complete needs exactly one key')
        wanted = list(orders.get(keys[0], []))
        present = [code for code in table.index if code not in wanted]
        table = table.reindex(wanted + present, fill_value=0)
        table.index.name = keys[0]
    if len(table):
        table = table.reset_index()
    else:
        empty = {name: pd.Series(dtype=object) for name in keys}
        empty.update({name: pd.Series(dtype=float) for name in aggregations})
        table = pd.DataFrame(empty)
    table.columns = list(keys) + list(aggregations)
    sort_keys = [table[k].map(_sort_key(orders.get(k))) for k in keys]
    if len(table):
        order = sorted(range(len(table)), key=lambda i: tuple(s.iloc[i] for s in sort_keys))
        table = table.iloc[order].reset_index(drop=True)
    for name, (_, how) in aggregations.items():
        if how in ('size', 'count'):
            table[name] = table[name].astype('int64')
        else:
            table[name] = table[name].astype(float)
    return table


def lifeline_tables(frame, orders, diameter_bounds, first_decade):
    """Length (km) and segment counts of the exported lifelines.

    ``frame`` has the columns network, material, diameter_mm, install_year, condition and length_m (one row
    per exported segment, length inside AREA). Returns {table name: frame}; the tables other than
    ``lifelines_by_network`` are broken down by network too and list only combinations that occur.
    """
    frame = frame.copy()
    frame['diameter_class'] = diameter_classes(frame['diameter_mm'], diameter_bounds) if len(frame) else []
    frame['install_decade'] = install_decades(frame['install_year'], first_decade) if len(frame) else []
    frame['length_km'] = numbers(frame['length_m']) / 1000.0 if len(frame) else []
    orders = dict(orders)
    orders['diameter_class'] = ['<{:g}'.format(float(diameter_bounds[0]))] + diameter_class_codes(diameter_bounds)
    orders['install_decade'] = decade_order(list(frame['install_decade']), first_decade)
    measures = {'segments': ('length_km', 'size'), 'length_km': ('length_km', 'sum')}
    tables = {'lifelines_by_network': summarise(frame, ['network'], measures, orders, complete=True)}
    for name, key in (('lifelines_by_material', 'material'), ('lifelines_by_diameter', 'diameter_class'),
                      ('lifelines_by_decade', 'install_decade'), ('lifelines_by_condition', 'condition')):
        tables[name] = summarise(frame, ['network', key], measures, orders)
    tables['lifelines_breakdown'] = summarise(
        frame, ['network', 'material', 'diameter_class', 'install_decade', 'condition'], measures, orders)
    return tables


def road_tables(frame, orders):
    """Length (km) and segment counts of the exported roads by road class."""
    frame = frame.copy()
    frame['length_km'] = numbers(frame['length_m']) / 1000.0 if len(frame) else []
    measures = {'segments': ('length_km', 'size'), 'length_km': ('length_km', 'sum')}
    return {'roads_by_class': summarise(frame, ['road_class'], measures, orders, complete=True)}


def node_tables(frame, orders):
    """Node counts by kind, and by network and kind."""
    count = {'nodes': ('node_kind', 'size')}
    return {'nodes_by_kind': summarise(frame, ['node_kind'], count, orders, complete=True),
            'nodes_by_network_kind': summarise(frame, ['network', 'node_kind'], count, orders)}


def shelter_tables(frame, orders):
    """Shelters by class: count, effective area (sum, and how many record it), capacity (sum, how many)."""
    return {'shelters_by_class': summarise(frame, ['shelter_class'], {
        'shelters': ('shelter_class', 'size'),
        'effective_area_m2': ('effective_area_m2', 'sum'),
        'with_area': ('effective_area_m2', 'count'),
        'capacity_persons': ('capacity_persons', 'sum'),
        'with_capacity': ('capacity_persons', 'count'),
    }, orders, complete=True)}


def facility_tables(frame, orders):
    """Facilities by kind: count and recorded capacity."""
    return {'facilities_by_kind': summarise(frame, ['facility_kind'], {
        'facilities': ('facility_kind', 'size'),
        'capacity': ('capacity', 'sum'),
        'with_capacity': ('capacity', 'count'),
    }, orders, complete=True)}


def risk_tables(points, areas, orders):
    """Risk sources (points and areas) by grade, and by kind and grade."""
    columns = ['kind', 'risk_grade']
    frames = []
    for frame, flag in ((points, 'points'), (areas, 'areas')):
        part = pd.DataFrame({c: list(frame[c]) if c in frame else [None] * len(frame) for c in columns})
        part['points'] = 1.0 if flag == 'points' else 0.0
        part['areas'] = 1.0 if flag == 'areas' else 0.0
        frames.append(part)
    both = pd.concat(frames, ignore_index=True)
    both['total'] = 1.0
    measures = {'points': ('points', 'sum'), 'areas': ('areas', 'sum'), 'total': ('total', 'sum')}

    def as_counts(table):
        for name in measures:
            table[name] = table[name].round().astype('int64')
        return table
    return {'risk_sources_by_grade': as_counts(summarise(both, ['risk_grade'], measures, orders, complete=True)),
            'risk_sources_by_kind': as_counts(summarise(both, ['kind', 'risk_grade'], measures, orders))}


# Labels and output ----------------------------------------------------------------------------------------

def label_table(table, labels, headers, extra=None):
    """``table`` with a label column after each key column that has labels, and readable headers.

    ``labels`` maps a key column to {code: label}; ``extra`` maps a key column to further
    ``(suffix, {code: value})`` columns (e.g. the census codes); ``headers`` maps every column name,
    including '<key>_label' and '<key>_<suffix>', to its header. Codes without a label keep the code.
    """
    extra = extra or {}
    out = pd.DataFrame(index=table.index)
    for column in table.columns:
        out[column] = table[column]
        if column in labels:
            mapping = labels[column]
            out[column + '_label'] = [mapping.get(code, code) for code in table[column]]
        for suffix, mapping in extra.get(column, ()):
            out['{}_{}'.format(column, suffix)] = [mapping.get(code) or '' for code in table[column]]
    return out.rename(columns=lambda c: headers.get(c, c))


def flatten(record, prefix=''):
    """A nested dict as (key path, value) rows: {'a': {'b': 1}} -> [('a.b', 1)]; lists are indexed."""
    rows = []
    if isinstance(record, dict):
        for key, value in record.items():
            rows += flatten(value, '{}.{}'.format(prefix, key) if prefix else str(key))
    elif isinstance(record, (list, tuple)):
        for i, value in enumerate(record):
            rows += flatten(value, '{}[{}]'.format(prefix, i))
    else:
        rows.append((prefix, record))
    return rows


def sheet_name(name):
    return name[:MAX_SHEET_NAME]


def write_tables(tables, xlsx_path, csv_folder, csv_tables=None):
    """Write each table as a sheet of ``xlsx_path`` and as ``csv_folder/<name>.csv`` (UTF-8 with BOM).

    ``csv_tables`` names the tables also written as CSV (default: all).

    Returns {table name: csv path}. Column widths of the sheets follow their content.
    """
    paths = {}
    with pd.ExcelWriter(xlsx_path, engine='openpyxl') as writer:
        for name, table in tables.items():
            table.to_excel(writer, sheet_name=sheet_name(name), index=False)
            sheet = writer.sheets[sheet_name(name)]
            for column_cells in sheet.columns:
                width = max(len(str(cell.value)) if cell.value is not None else 0 for cell in column_cells)
                sheet.column_dimensions[column_cells[0].column_letter].width = min(60, max(8, width + 2))
            sheet.freeze_panes = 'A2'
    for name, table in tables.items():
        if csv_tables is not None and name not in csv_tables:
            continue
        path = '{}/{}.csv'.format(csv_folder, name)
        table.to_csv(path, index=False, encoding=CSV_ENCODING)
        paths[name] = path
    return paths
