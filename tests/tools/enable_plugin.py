"""Enable the plugin in a QGIS profile's settings file (QGIS3.ini), as the Plugin Manager would.

    python tests/tools/enable_plugin.py ~/.local/share/QGIS/QGIS3/profiles/default/QGIS/QGIS3.ini
"""
import os
import sys

from qgis.PyQt.QtCore import QSettings

PLUGIN = 'resilience_plugin'


def enable(ini_path, plugin=PLUGIN):
    os.makedirs(os.path.dirname(os.path.abspath(ini_path)), exist_ok=True)
    settings = QSettings(ini_path, QSettings.Format.IniFormat)
    settings.setValue('PythonPlugins/{}'.format(plugin), True)
    settings.sync()
    return settings.status() == QSettings.Status.NoError


if __name__ == '__main__':
    ok = enable(sys.argv[1])
    print('Enabled {} in {}'.format(PLUGIN, sys.argv[1]) if ok else 'Could not write ' + sys.argv[1])
    sys.exit(0 if ok else 1)
