"""Which library stack a unit-test run uses, and how a test asks for the current one."""
import importlib
import os
import platform

import pytest

# Set by `make test` for the run in .venv-current (the current PyPI releases).
CURRENT_ENV = 'RESILIENCE_CURRENT_STACK'
LIBRARIES = ('numpy', 'shapely', 'pandas', 'scipy', 'rasterio')


def is_current():
    return os.environ.get(CURRENT_ENV) == '1'


def versions():
    """'python 3.11.2, numpy 2.4.6, shapely 2.2.0 (GEOS 3.13.1), ...' of this process."""
    parts = ['python {}'.format(platform.python_version())]
    for name in LIBRARIES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            parts.append('{} missing'.format(name))
            continue
        text = '{} {}'.format(name, getattr(module, '__version__', '?'))
        if name == 'shapely':
            geos = getattr(module, 'geos_version', None)  # shapely 2
            if geos is None:
                from shapely.geos import geos_version as geos  # shapely 1.8
            text += ' (GEOS {})'.format('.'.join(str(v) for v in geos))
        elif name == 'rasterio':
            text += ' (GDAL {})'.format(module.__gdal_version__)
        parts.append(text)
    return ', '.join(parts)


def require(name):
    """Import ``name`` for a current-venv-only test: skipped in other venvs, an error in .venv-current."""
    if is_current():
        return importlib.import_module(name)
    return pytest.importorskip(name)
