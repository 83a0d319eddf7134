"""The core and the plugin package import without QGIS, Qt or GDAL's Python bindings."""
import pkgutil
import subprocess
import sys
from pathlib import Path

import resilience_plugin.core

ROOT = Path(__file__).resolve().parents[2]


def test_core_modules_import_without_qgis_qt_or_osgeo():
    names = ['resilience_plugin', 'resilience_plugin.definitions'] + [
        'resilience_plugin.core.' + m.name for m in pkgutil.iter_modules(resilience_plugin.core.__path__)]
    assert len(names) > 10
    code = ('import importlib, sys\n'
            'for name in sys.argv[1:]:\n'
            '    importlib.import_module(name)\n'
            'print(" ".join(sorted({m.split(".")[0] for m in sys.modules} & {"qgis", "PyQt5", "PyQt6", "sip", "osgeo"})))\n')
    result = subprocess.run([sys.executable, '-c', code] + names, cwd=str(ROOT), capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ''
