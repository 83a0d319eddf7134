"""Small GeoTIFFs written with rasterio, for the unit tests and the QGIS tests alike."""
import numpy as np
import rasterio
from rasterio.transform import from_origin


def write_raster(path, data, x0, y0, cell, crs, nodata=None, dtype='float32'):
    profile = dict(driver='GTiff', width=data.shape[1], height=data.shape[0], count=1, dtype=dtype, crs=crs,
                   transform=from_origin(x0, y0, cell, cell))
    if nodata is not None:
        profile['nodata'] = nodata
    with rasterio.open(path, 'w', **profile) as dst:
        dst.write(np.asarray(data, dtype=dtype), 1)
    return path
