"""Reprojection goes through the project's transform context, so a planner's datum choice holds.

Rutland's roads (OSGB36 / British National Grid, EPSG:27700) to WGS 84 / UTM 30N (EPSG:32630): PROJ's
default is the 7-parameter Helmert 'OSGB36 to WGS 84 (6)' (2 m; the OSTN15 grid is not installed). A
transform context that prefers the older 'OSGB36 to WGS 84 (1)' (3-parameter, 21 m) moves every vertex by
about 3.5 m; the plugin must follow it exactly as QGIS's own native:reprojectlayer does with that context.
"""
import ast
import shutil

import numpy as np
import pytest
from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransformContext, QgsDatumTransform,
                       QgsProcessingContext, QgsProcessingUtils, QgsProject, QgsVectorLayer)

from conftest import ROOT, run_algorithm
from resilience_plugin.core.network import parse_wkb_lines
from resilience_plugin.qgis_io.crs import transform_xy
from resilience_plugin.qgis_io.network_layers import read_lines

SRC, DST = QgsCoordinateReferenceSystem('EPSG:27700'), QgsCoordinateReferenceSystem('EPSG:32630')
FIXTURE = ROOT / 'tests' / 'unit' / 'data' / 'rutland_osm.gpkg'


def helmert_1():
    """The proj pipeline of 'OSGB36 to WGS 84 (1)' between SRC and DST, from QGIS's list (PROJ's proj.db)."""
    operations = [o for o in QgsDatumTransform.operations(SRC, DST) if o.isAvailable]
    chosen = [o for o in operations if 'OSGB36 to WGS 84 (1)' in o.name]
    assert len(chosen) == 1 and not chosen[0].grids, [o.name for o in operations]
    return chosen[0].proj


def processing_context(operation=None):
    transform_context = QgsCoordinateTransformContext()
    if operation is not None:
        assert transform_context.addCoordinateOperation(SRC, DST, operation)
    context = QgsProcessingContext()
    context.setTransformContext(transform_context)
    return context


@pytest.fixture(scope='module')
def roads_uri(tmp_path_factory):
    """The Rutland roads of the unit fixture, copied: QGIS's ogr provider may rewrite a GeoPackage's header."""
    path = tmp_path_factory.mktemp('transform_context') / FIXTURE.name
    shutil.copyfile(FIXTURE, path)
    return str(path) + '|layername=roads'


@pytest.fixture(scope='module')
def roads(roads_uri):
    layer = QgsVectorLayer(roads_uri, 'roads', 'ogr')
    assert layer.isValid() and layer.crs() == SRC and layer.featureCount() > 5000
    return layer


def reprojected_by_qgis(layer, context):
    """Every vertex of native:reprojectlayer's output, run with ``context``."""
    result, _ = run_algorithm('native:reprojectlayer', {'INPUT': layer, 'TARGET_CRS': DST, 'OUTPUT': 'memory:'},
                              context=context)
    output = result['OUTPUT']
    if isinstance(output, str):
        output = QgsProcessingUtils.mapLayerFromString(output, context)
    coords, _, _ = parse_wkb_lines([bytes(f.geometry().asWkb()) for f in output.getFeatures()])
    return coords


def test_network_coordinates_follow_the_datum_choice_like_native_reprojectlayer(roads, roads_uri):
    default, helmert = processing_context(), processing_context(helmert_1())
    coords_default = read_lines(roads, DST, default, layer=roads)[0]  # the fast OGR path: transform_xy
    coords_helmert = read_lines(roads, DST, helmert, layer=roads)[0]
    shift = np.hypot(*(coords_helmert - coords_default).T)
    assert 3.0 < np.median(shift) < 4.0  # the two Helmert transformations differ by about 3.5 m here
    assert np.abs(coords_default - reprojected_by_qgis(roads, processing_context())).max() < 1e-6
    assert np.abs(coords_helmert - reprojected_by_qgis(roads, processing_context(helmert_1()))).max() < 1e-6
    # the slow path (QGIS feature requests) agrees with the fast one
    subset = QgsVectorLayer(roads_uri, 'roads', 'ogr')
    subset.setSubsetString('fid <= 300')
    slow = read_lines(subset, DST, helmert, layer=subset)[0]
    assert np.abs(slow - coords_helmert[:len(slow)]).max() < 1e-6


def test_transform_xy_in_both_directions_and_outside_the_crs():
    helmert = processing_context(helmert_1()).transformContext()
    xy = np.array([[485000.0, 305000.0], [490000.0, 310000.0]])
    there = transform_xy(xy, SRC, DST, helmert)
    assert np.hypot(*(there - transform_xy(xy, SRC, DST, QgsCoordinateTransformContext())).T).min() > 3.0
    # back with the same choice (its inverse, to the millimetre: heights are taken as 0 both ways), not the default
    assert np.abs(transform_xy(there, DST, SRC, helmert) - xy).max() < 0.01
    assert np.hypot(*(transform_xy(there, DST, SRC, QgsCoordinateTransformContext()) - xy).T).min() > 3.0
    assert transform_xy(np.zeros((0, 2)), SRC, DST, helmert).shape == (0, 2)
    # a point British National Grid cannot place (the other side of the Earth) becomes NaN, the rest stay
    mixed = transform_xy(np.array([[485000.0, 305000.0], [1e12, 1e12]]), SRC, QgsCoordinateReferenceSystem(
        'EPSG:4326'), QgsProject.instance().transformContext())
    assert np.isfinite(mixed[0]).all() and np.isnan(mixed[1]).all()


def test_every_coordinate_transform_of_the_plugin_takes_a_transform_context():
    """QgsCoordinateTransform(src, dst, <a transform context>), never the project or nothing; no osr, pyproj or
    rasterio.warp reprojection, which would ignore the project's datum choices."""
    problems = []
    for path in sorted((ROOT / 'resilience_plugin').rglob('*.py')):
        text = path.read_text(encoding='utf-8')
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.Call) and getattr(node.func, 'id', None) == 'QgsCoordinateTransform':
                third = ast.get_source_segment(text, node.args[2]) if len(node.args) == 3 else ''
                if not ('transformContext()' in third or 'transform_context' in third):
                    problems.append('{}:{} QgsCoordinateTransform without a transform context'.format(
                        path.relative_to(ROOT), node.lineno))
        for word in ('CoordinateTransformation', 'pyproj', 'rasterio.warp'):
            if word in text:
                problems.append('{} reprojects with {}'.format(path.relative_to(ROOT), word))
    assert not problems, '\n'.join(problems)
