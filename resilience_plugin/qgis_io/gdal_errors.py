"""GDAL's Python exceptions for one block of code, never for the whole QGIS process.

``ogr.UseExceptions()`` at import time changes the behaviour of GDAL's Python bindings for every other
plugin and for QGIS's own Python code. The plugin switches exceptions on inside ``with gdal_exceptions():``
only, and puts back whatever mode each binding module had before.
"""
import contextlib

from osgeo import gdal, ogr, osr


@contextlib.contextmanager
def gdal_exceptions():
    """GDAL, OGR and OSR raise RuntimeError inside the block; the previous modes are restored after it."""
    modules = (gdal, ogr, osr)
    previous = [module.GetUseExceptions() for module in modules]
    for module in modules:
        module.UseExceptions()
    try:
        yield
    finally:
        # GDAL keeps the handlers on a stack: switch them off in the reverse order.
        for module, used in reversed(list(zip(modules, previous))):
            if not used:
                module.DontUseExceptions()
