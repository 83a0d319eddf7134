"""Start QGIS once (headless), initialise Processing and register the plugin's provider.

QGIS starts just before the first test module outside tests/unit is collected: the unit tests
(tests/unit, with their own conftest) never start it and run in venvs without QGIS too.
"""
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / 'tests' / 'data'
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / 'tests'))
os.environ.setdefault('QT_QPA_PLATFORM', 'offscreen')

UNIT = ROOT / 'tests' / 'unit'


def pytest_collectstart(collector):
    if isinstance(collector, pytest.Module) and UNIT not in collector.path.parents:
        from tools.qgis_env import start_qgis
        start_qgis()


@pytest.fixture(scope='session')
def qgis_app():
    from tools.qgis_env import start_qgis
    return start_qgis()


@pytest.fixture(scope='session')
def helsinki_pbf():
    return str(DATA / 'helsinki' / 'Helsinki.osm.pbf')


@pytest.fixture(scope='session')
def helsinki_population():
    return str(DATA / 'helsinki' / 'helsinki_population_grid_2020.gpkg') + '|layername=population_grid_2020'


@pytest.fixture(scope='session')
def rutland_pbf():
    return str(DATA / 'rutland' / 'rutland-latest.osm.pbf')


def run_algorithm(algorithm_id, parameters, feedback=None, context=None):
    """processing.run with a feedback object that records what the algorithm reported."""
    import processing
    from tools.qgis_env import RecordingFeedback
    feedback = feedback or RecordingFeedback()
    result = processing.run(algorithm_id, parameters, feedback=feedback, context=context)
    return result, feedback


@pytest.fixture
def run():
    return run_algorithm


@pytest.fixture(scope='session')
def helsinki_db(tmp_path_factory, helsinki_pbf, helsinki_population):
    """A planning database filled from the Helsinki OSM extract and population grid (built once)."""
    path = str(tmp_path_factory.mktemp('helsinki') / 'helsinki.gpkg')
    run_algorithm('resilience:create_planning_database', {'OUTPUT': path, 'CRS': 'EPSG:3067'})
    run_algorithm('resilience:import_osm', {'INPUT': helsinki_pbf, 'DATABASE': path})
    run_algorithm('resilience:import_population', {'INPUT': helsinki_population, 'FIELD': 'population',
                                                   'DATABASE': path})
    return path
