"""Where the plugin's files are: inside the installed plugin, or beside it in a source checkout."""
from pathlib import Path

PLUGIN_DIR = Path(__file__).resolve().parent


def _find(name):
    packaged = PLUGIN_DIR / name
    return packaged if packaged.exists() else PLUGIN_DIR.parent / name


def resources_dir():
    return _find('resources')


def i18n_dir():
    return _find('i18n')


def icon_path(name='resilience.svg'):
    return str(resources_dir() / 'icons' / name)


def metadata_path():
    return _find('metadata.txt')


def plugin_version():
    """The version in metadata.txt (the one place it is written)."""
    import configparser
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(metadata_path(), encoding='utf-8')
    return parser.get('general', 'version', fallback='0')
