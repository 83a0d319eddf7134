"""Unit tests of the pure core: real data read without QGIS or GDAL bindings, in any venv.

`make test` runs this folder twice: in the QGIS venv (Debian's numpy 1.24, shapely 1.8, pandas 1.5) and
in .venv-current (the current PyPI releases). The header of each run lists the versions it used.

A test that only the current venv can run (for example against WNTR, which needs numpy 2) is marked
``@pytest.mark.current_stack`` and imports its extra package with ``stack.require('wntr')``: it is
skipped in the QGIS venv and fails in .venv-current when the package is missing.
"""
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / 'tests' / 'data'
UNIT_DATA = Path(__file__).resolve().parent / 'data'
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from . import stack  # noqa: E402
from .gpkg import read_layer  # noqa: E402


def pytest_report_header(config):
    return 'stack: {}'.format(stack.versions())


def pytest_configure(config):
    config.addinivalue_line('markers', 'current_stack: runs only in .venv-current (current PyPI releases)')
    # the core must not lean on anything numpy, shapely or pandas already announce they will remove
    for category in ('DeprecationWarning', 'PendingDeprecationWarning', 'FutureWarning'):
        config.addinivalue_line('filterwarnings', 'error::{}:resilience_plugin'.format(category))
    # rasterio 1.4 itself still multiplies affine transforms with '*', which affine 3 announces it will drop
    config.addinivalue_line('filterwarnings', 'ignore::PendingDeprecationWarning:rasterio')


def pytest_collection_modifyitems(config, items):
    if stack.is_current():
        return
    skip = pytest.mark.skip(reason='current venv only ({}=1, as make test sets it for .venv-current)'.format(
        stack.CURRENT_ENV))
    for item in items:
        if 'current_stack' in item.keywords:
            item.add_marker(skip)


def osm_lines(name):
    """(coords, offsets, highway per part) of the roads of a unit fixture, in its metric CRS."""
    from resilience_plugin.core.network import parse_wkb_lines
    _, wkbs, fields = read_layer(UNIT_DATA / name, 'roads', ['highway'])
    coords, offsets, part_of = parse_wkb_lines(wkbs)
    return coords, offsets, np.asarray(fields['highway'], object)[part_of]


@pytest.fixture(scope='session')
def helsinki_lines():
    return osm_lines('helsinki_osm.gpkg')


@pytest.fixture(scope='session')
def rutland_lines():
    return osm_lines('rutland_osm.gpkg')


@pytest.fixture(scope='session')
def rutland_layers():
    """Shapely geometries and fields of the Rutland fixture: roads, buildings, risk sources (EPSG:27700)."""
    from shapely import wkb
    layers = {}
    for table, fields in (('roads', ['highway']), ('buildings', ['building']), ('risk_sources', ['kind', 'osm_ref'])):
        epsg, wkbs, values = read_layer(UNIT_DATA / 'rutland_osm.gpkg', table, fields)
        assert epsg == 27700
        layers[table] = ([wkb.loads(w) for w in wkbs], values)
    return layers


@pytest.fixture(scope='session')
def helsinki_population_grid():
    """(WKB polygons, population) of the HSY grid in tests/data, EPSG:4326 as shipped."""
    epsg, wkbs, values = read_layer(DATA / 'helsinki' / 'helsinki_population_grid_2020.gpkg',
                                    'population_grid_2020', ['population'])
    assert epsg == 4326
    return wkbs, np.asarray(values['population'], float)
