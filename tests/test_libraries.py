"""One GDAL and one PROJ in the QGIS process: rasterio, pyproj and QGIS see the same data the same way."""
import numpy as np
import pyproj
import rasterio
from osgeo import gdal
from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY, QgsProject,
                       QgsRasterLayer)
from rasterio.transform import from_origin


def write_raster(path):
    data = (np.arange(40 * 30, dtype='float32').reshape(30, 40) / 7.0)
    data[0, 0] = -9999.0
    profile = dict(driver='GTiff', width=40, height=30, count=1, dtype='float32', crs='EPSG:3067',
                   transform=from_origin(385000.0, 6673000.0, 10.0, 10.0), nodata=-9999.0)
    with rasterio.open(path, 'w', **profile) as dst:
        dst.write(data, 1)
    return data


def test_rasterio_and_qgis_read_the_same_raster(tmp_path):
    path = str(tmp_path / 'values.tif')
    data = write_raster(path)
    layer = QgsRasterLayer(path, 'values')
    assert layer.isValid()
    assert layer.crs().authid() == 'EPSG:3067'
    assert (layer.width(), layer.height()) == (40, 30)
    extent = layer.extent()
    with rasterio.open(path) as src:
        assert src.bounds.left == extent.xMinimum() and src.bounds.top == extent.yMaximum()
        provider = layer.dataProvider()
        for row, col in ((1, 1), (12, 17), (29, 39)):
            x, y = src.xy(row, col)
            value, ok = provider.sample(QgsPointXY(x, y), 1)
            assert ok and abs(value - float(data[row, col])) < 1e-6
        assert provider.sourceNoDataValue(1) == src.nodata


def test_one_gdal_and_one_proj_in_the_process():
    assert rasterio.__gdal_version__ == gdal.__version__
    # A transform computed by pyproj and by QGIS agree to the millimetre (same PROJ database and grids).
    qgis_xform = QgsCoordinateTransform(QgsCoordinateReferenceSystem('EPSG:4326'),
                                        QgsCoordinateReferenceSystem('EPSG:3067'), QgsProject.instance())
    q = qgis_xform.transform(QgsPointXY(24.9384, 60.1699))
    x, y = pyproj.Transformer.from_crs('EPSG:4326', 'EPSG:3067', always_xy=True).transform(24.9384, 60.1699)
    assert abs(q.x() - x) < 1e-3 and abs(q.y() - y) < 1e-3
    # Both report the PROJ that the QGIS process loaded (no second copy inside a wheel).
    assert 'site-packages' not in rasterio.__file__ and 'site-packages' not in pyproj.__file__
