"""Start QGIS once (headless), initialise Processing and register the plugin's provider."""
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / 'tests' / 'data'
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / 'tests'))
os.environ.setdefault('QT_QPA_PLATFORM', 'offscreen')

from tools.qgis_env import start_qgis  # noqa: E402

QGIS_APP = start_qgis()


@pytest.fixture(scope='session')
def qgis_app():
    return QGIS_APP


@pytest.fixture(scope='session')
def helsinki_pbf():
    return str(DATA / 'helsinki' / 'Helsinki.osm.pbf')


@pytest.fixture(scope='session')
def helsinki_population():
    return str(DATA / 'helsinki' / 'helsinki_population_grid_2020.gpkg') + '|layername=population_grid_2020'


@pytest.fixture(scope='session')
def rutland_pbf():
    return str(DATA / 'rutland' / 'rutland-latest.osm.pbf')


def run_algorithm(algorithm_id, parameters, feedback=None):
    """processing.run with a feedback object that records what the algorithm reported."""
    import processing
    from tools.qgis_env import RecordingFeedback
    feedback = feedback or RecordingFeedback()
    result = processing.run(algorithm_id, parameters, feedback=feedback)
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
