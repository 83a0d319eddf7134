"""Benchmark: exposure of the Wuhan street network (about 93k edges) against generated hazard rasters.

Each case runs ``resilience:exposure`` in a fresh process (so peak memory is that case's own) against a
raster written tile by tile with rasterio over the network's extent. Two raster sizes show that memory
does not grow with the raster (windowed reading); time grows with the number of line samples.

    python tests/tools/bench_exposure.py            # prints the table
    from tools.bench_exposure import run; rows = run()
"""
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WUHAN = Path(os.environ.get('RESILIENCE_WUHAN', '/work/shared/data/wuhan/wuhan_streets.gpkg'))
SIZES = (2500, 10000)
BREAKS = '0.15,0.5,1.5'
TILE = 1024


def write_hazard(path, size, bounds, crs):
    """A smooth synthetic flood-depth surface (0-3 m) of size x size cells, written tile by tile."""
    import numpy as np
    import rasterio
    from rasterio.transform import from_bounds
    from rasterio.windows import Window
    xmin, ymin, xmax, ymax = bounds
    transform = from_bounds(xmin, ymin, xmax, ymax, size, size)
    profile = dict(driver='GTiff', width=size, height=size, count=1, dtype='float32', crs=crs, transform=transform,
                   nodata=-9999.0, tiled=True, blockxsize=256, blockysize=256, BIGTIFF='IF_SAFER')
    with rasterio.open(path, 'w', **profile) as dst:
        for row in range(0, size, TILE):
            for col in range(0, size, TILE):
                w = Window(col, row, min(TILE, size - col), min(TILE, size - row))
                xs = xmin + (col + np.arange(w.width) + 0.5) * (xmax - xmin) / size
                ys = ymax - (row + np.arange(w.height) + 0.5) * (ymax - ymin) / size
                depth = 1.5 + 1.5 * np.sin(xs[None, :] / 3000.0) * np.cos(ys[:, None] / 2000.0)
                dst.write(depth.astype('float32'), 1, window=w)
    return path


def case(raster):
    """Run one exposure in this process; returns a dict (time, peak memory, totals)."""
    sys.path.insert(0, str(ROOT / 'tests'))
    from tools.qgis_env import start_qgis
    start_qgis()
    import processing
    from qgis.core import QgsVectorLayer
    layer = QgsVectorLayer('{}|layername=streets'.format(WUHAN), 'streets', 'ogr')
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    result = processing.run('resilience:exposure', {'HAZARD': raster, 'HAZARD_BREAKS': BREAKS, 'TARGETS': [layer],
                                                    'OUTPUT': 'memory:', 'OUTPUT_SUMMARY': 'memory:'})
    elapsed = time.perf_counter() - start
    exposed = sum(f['exposed_length_m'] for f in result['OUTPUT'].getFeatures())
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return dict(edges=layer.featureCount(), seconds=round(elapsed, 1), peak_rss_mb=round(peak / 1024.0),
                rss_before_mb=round(before / 1024.0), exposed_km=round(exposed / 1000.0, 1),
                exposed_edges=result['OUTPUT'].featureCount())


def run(sizes=SIZES):
    """Table rows (list of dicts), one per raster size; a single row with a message when the data is absent."""
    if not WUHAN.exists():
        return [dict(benchmark='exposure_wuhan', status='skipped: {} not found'.format(WUHAN))]
    sys.path.insert(0, str(ROOT))
    from osgeo import ogr
    ds = ogr.Open(str(WUHAN))
    lyr = ds.GetLayerByName('streets')
    xmin, xmax, ymin, ymax = lyr.GetExtent()
    crs = 'EPSG:32650'
    rows = []
    with tempfile.TemporaryDirectory(prefix='bench_exposure_') as folder:
        for size in sizes:
            raster = os.path.join(folder, 'hazard_{}.tif'.format(size))
            start = time.perf_counter()
            write_hazard(raster, size, (xmin, ymin, xmax, ymax), crs)
            written = time.perf_counter() - start
            env = dict(os.environ, QT_QPA_PLATFORM='offscreen')
            out = subprocess.run([sys.executable, __file__, '--case', raster], capture_output=True, text=True,
                                 env=env, cwd=str(ROOT))
            if out.returncode != 0:
                rows.append(dict(benchmark='exposure_wuhan', raster='{0} x {0}'.format(size),
                                 status='failed: ' + out.stderr[-300:]))
                continue
            result = json.loads(out.stdout.strip().splitlines()[-1])
            cell = (xmax - xmin) / size
            rows.append(dict(benchmark='exposure_wuhan', raster='{0} x {0}'.format(size),
                             cell_m=round(cell, 2), raster_mb=round(os.path.getsize(raster) / 2 ** 20),
                             write_s=round(written, 1), **result))
    return rows


def markdown(rows):
    """The rows as a Markdown table (columns in order of first appearance)."""
    keys = []
    for row in rows:
        keys += [k for k in row if k not in keys]
    lines = ['| ' + ' | '.join(keys) + ' |', '|' + '---|' * len(keys)]
    lines += ['| ' + ' | '.join(str(row.get(k, '')) for k in keys) + ' |' for row in rows]
    return '\n'.join(lines)


def main():
    if len(sys.argv) > 2 and sys.argv[1] == '--case':
        print(json.dumps(case(sys.argv[2])))
        return
    print(markdown(run()))


if __name__ == '__main__':
    main()
