"""The plugin never switches GDAL's global exception mode: other plugins and QGIS keep theirs."""
from osgeo import gdal, ogr, osr


def test_plugin_modules_leave_gdal_exception_mode_alone(helsinki_db, run, tmp_path):
    before = (gdal.GetUseExceptions(), ogr.GetUseExceptions(), osr.GetUseExceptions())
    import importlib
    import pkgutil
    import resilience_plugin
    for module in pkgutil.walk_packages(resilience_plugin.__path__, 'resilience_plugin.'):
        if '.gui' in module.name or module.name.endswith('plugin'):
            continue
        importlib.import_module(module.name)
    run('resilience:validate_census', {'DATABASE': helsinki_db, 'OUTPUT': str(tmp_path / 'f.gpkg')})
    assert (gdal.GetUseExceptions(), ogr.GetUseExceptions(), osr.GetUseExceptions()) == before


def test_gdal_exceptions_context_restores_the_previous_mode():
    from resilience_plugin.qgis_io.gdal_errors import gdal_exceptions
    ogr.DontUseExceptions()
    try:
        with gdal_exceptions():
            assert ogr.GetUseExceptions() and gdal.GetUseExceptions() and osr.GetUseExceptions()
            try:
                osr.SpatialReference().ImportFromEPSG(999999)
                raised = False
            except RuntimeError:
                raised = True
            assert raised
        assert not osr.GetUseExceptions()
        assert osr.SpatialReference().ImportFromEPSG(999999) != 0  # an error code, no exception
    finally:
        ogr.DontUseExceptions()
