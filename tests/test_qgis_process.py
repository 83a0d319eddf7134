"""The provider works from qgis_process, end to end, with the plugin installed like a user would."""
import json
import os
import shutil
import subprocess

from conftest import ROOT
from tools.enable_plugin import enable

QGIS_PROCESS = shutil.which('qgis_process.bin') or '/usr/bin/qgis_process.bin'


def staged_plugin(tmp_path):
    subprocess.run(['make', '-s', 'stage'], cwd=ROOT, check=True, capture_output=True)
    plugins = tmp_path / 'plugins'
    shutil.copytree(ROOT / 'build' / 'stage' / 'resilience_plugin', plugins / 'resilience_plugin')
    return plugins


def qgis_process(args, home, plugins):
    env = dict(os.environ, HOME=str(home), QGIS_PLUGINPATH=str(plugins), QT_QPA_PLATFORM='offscreen',
               XDG_RUNTIME_DIR=os.environ.get('XDG_RUNTIME_DIR', '/tmp'))
    return subprocess.run([QGIS_PROCESS] + args, env=env, capture_output=True, text=True, timeout=300)


def test_create_planning_database_through_qgis_process(tmp_path):
    plugins = staged_plugin(tmp_path)
    home = tmp_path / 'home'
    enable(str(home / '.local/share/QGIS/QGIS3/profiles/default/QGIS/QGIS3.ini'))
    listing = qgis_process(['list'], home, plugins)
    assert 'resilience:create_planning_database' in listing.stdout, listing.stdout + listing.stderr
    output = tmp_path / 'db.gpkg'
    done = qgis_process(['--json', 'run', 'resilience:create_planning_database', '--',
                         'OUTPUT={}'.format(output), 'CRS=EPSG:3067'], home, plugins)
    assert done.returncode == 0, done.stdout + done.stderr
    result = json.loads(done.stdout[done.stdout.index('{'):])
    assert result['results']['OUTPUT'] == str(output)
    from osgeo import ogr
    ds = ogr.Open(str(output))
    names = {ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount())}
    assert {'risk_sources', 'lifelines', 'road_network', 'shelters', 'facilities', 'population',
            'buildings', 'lifeline_nodes', 'layer_styles'} <= names
