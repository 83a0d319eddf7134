"""The distributable zip: one top folder, what QGIS needs, nothing it must not contain."""
import configparser
import subprocess
import zipfile

from conftest import ROOT

REQUIRED_METADATA = ('name', 'description', 'about', 'version', 'author', 'email', 'qgisMinimumVersion',
                     'qgisMaximumVersion', 'tracker', 'repository', 'hasProcessingProvider', 'tags', 'changelog')


def metadata():
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(ROOT / 'metadata.txt', encoding='utf-8')
    return parser['general']


def test_metadata_has_every_field_the_plugin_repository_requires():
    general = metadata()
    for key in REQUIRED_METADATA:
        assert general.get(key, '').strip(), key
    assert general['qgisMinimumVersion'] == '3.22'
    assert general['qgisMaximumVersion'] == '4.99'
    assert general['hasProcessingProvider'] == 'yes'
    assert general['repository'].startswith('https://') and general['tracker'].startswith('https://')


def test_make_package_builds_a_clean_zip():
    version = metadata()['version']
    subprocess.run(['make', '-s', 'package'], cwd=ROOT, check=True, capture_output=True)
    path = ROOT / 'dist' / 'resilience_plugin-{}.zip'.format(version)
    assert path.exists()
    assert path.stat().st_size < 25 * 1024 * 1024
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        assert {n.split('/')[0] for n in names} == {'resilience_plugin'}
        for required in ('__init__.py', 'metadata.txt', 'LICENSE', 'plugin.py', 'definitions.py',
                         'processing/provider.py', 'resources/icons/resilience.svg',
                         'i18n/resilience_plugin_zh_CN.qm'):
            assert 'resilience_plugin/' + required in names, required
        for name in names:
            assert '__pycache__' not in name and not name.endswith('.pyc'), name
            assert not name.startswith('resilience_plugin/tests'), name
            assert '/.' not in name, name  # no dot files (.git, .venv, .pytest_cache)
        init = archive.read('resilience_plugin/__init__.py').decode()
        assert 'def classFactory' in init
        packaged = configparser.ConfigParser(interpolation=None)
        packaged.read_string(archive.read('resilience_plugin/metadata.txt').decode('utf-8'))
        assert packaged['general']['version'] == version
