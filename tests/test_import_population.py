"""resilience:import_population with the HSY 250 m population grid of central Helsinki (and points made from it).

Sums and areas are recomputed here from the source file with osgeo.ogr/osr.
"""
import pytest
from osgeo import ogr, osr
from qgis.core import QgsProcessingException

from conftest import run_algorithm
from test_import_osm import CancelAfter, layer_epsg, new_database, rows, sha256, transform_to

GRID_SUM = 71_724  # data README: 92 cells, population 71,724
CELL_M2 = 250.0 * 250.0


def grid_cells(uri):
    """(fid, population, ogr geometry in EPSG:4326) of the grid, read with OGR."""
    path, layer_name = uri.split('|layername=')
    ds = ogr.Open(path)
    return [(f.GetFID(), f.GetField('population'), f.GetGeometryRef().Clone()) for f in ds.GetLayerByName(layer_name)]


def write_points(path, cells, extra):
    """A GeoPackage of grid-cell centroids with a numeric 'people', a text 'district' and a text 'label';
    ``extra`` rows (people value, x, y) are appended. Returns the fids of the extra rows."""
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    ds = ogr.GetDriverByName('GPKG').CreateDataSource(str(path))
    layer = ds.CreateLayer('points', srs, ogr.wkbPoint)
    layer.CreateField(ogr.FieldDefn('people', ogr.OFTInteger))
    layer.CreateField(ogr.FieldDefn('district', ogr.OFTString))
    layer.CreateField(ogr.FieldDefn('label', ogr.OFTString))
    rows_in = [(population, g.Centroid().GetX(), g.Centroid().GetY()) for _, population, g in cells] + extra
    extra_fids = []
    for index, (people, x, y) in enumerate(rows_in):
        feature = ogr.Feature(layer.GetLayerDefn())
        if people is not None:
            feature.SetField('people', people)
        feature.SetField('district', 'D{}'.format(index % 3))
        feature.SetField('label', 'cell {}'.format(index))
        feature.SetGeometry(ogr.CreateGeometryFromWkt('POINT ({} {})'.format(x, y)))
        layer.CreateFeature(feature)
        if index >= len(cells):
            extra_fids.append(feature.GetFID())
    ds = None
    return extra_fids


def test_grid_cells_keep_every_person_and_their_area(tmp_path, helsinki_population):
    cells = grid_cells(helsinki_population)
    assert len(cells) == 92 and sum(p for _, p, _ in cells) == GRID_SUM
    db = new_database(tmp_path, 3067)
    result, _ = run_algorithm('resilience:import_population', {
        'INPUT': helsinki_population, 'FIELD': 'population', 'DATABASE': db, 'YEAR': 2020})
    assert (result['LAYER'], result['WRITTEN_COUNT'], result['SKIPPED_COUNT']) == ('population', 92, 0)
    assert result['TOTAL_POPULATION'] == GRID_SUM

    written = rows(db, 'population')
    assert sum(values['population'] for values, _ in written) == GRID_SUM
    assert {values['year'] for values, _ in written} == {2020}
    assert layer_epsg(db, 'population') == 3067
    to_3067 = transform_to(3067)
    source = {fid: geometry for fid, _, geometry in cells}
    for values, geometry in written:
        assert geometry.GetGeometryName() == 'MULTIPOLYGON' and geometry.IsValid()
        assert geometry.GetArea() == pytest.approx(CELL_M2, rel=0.005)
        fid = int(values['source_ref'].split(':')[1])
        expected = source[fid].Clone()
        expected.Transform(to_3067)
        assert geometry.GetArea() == pytest.approx(expected.GetArea(), rel=1e-6)
    assert rows(db, 'population_points') == []


def test_points_with_empty_or_negative_counts_are_skipped_by_id(tmp_path, helsinki_population):
    cells = grid_cells(helsinki_population)
    points = tmp_path / 'points.gpkg'
    bad = write_points(points, cells, [(None, 24.94, 60.17), (-5, 24.95, 60.17)])
    db = new_database(tmp_path, 3067)
    result, feedback = run_algorithm('resilience:import_population', {
        'INPUT': str(points) + '|layername=points', 'FIELD': 'people', 'DISTRICT_FIELD': 'district', 'DATABASE': db})
    assert (result['LAYER'], result['WRITTEN_COUNT'], result['SKIPPED_COUNT']) == ('population_points', 92, 2)
    written = rows(db, 'population_points')
    assert sum(values['population'] for values, _ in written) == GRID_SUM
    assert {values['district'] for values, _ in written} == {'D0', 'D1', 'D2'}
    assert all(geometry.GetGeometryName() == 'POINT' for _, geometry in written)
    message = next(text for text in feedback.warnings if 'empty or negative count' in text)
    assert message.endswith(', '.join(str(fid) for fid in bad))
    assert rows(db, 'population') == []


def test_a_text_field_is_refused_by_name_and_the_database_is_untouched(tmp_path, helsinki_population):
    points = tmp_path / 'points.gpkg'
    write_points(points, grid_cells(helsinki_population), [])
    db = new_database(tmp_path, 3067)
    before = sha256(db)
    with pytest.raises(QgsProcessingException, match='"label" is not numeric'):
        run_algorithm('resilience:import_population', {
            'INPUT': str(points) + '|layername=points', 'FIELD': 'label', 'DATABASE': db})
    assert sha256(db) == before


def test_cancel_leaves_the_database_byte_identical(tmp_path, helsinki_population):
    db = new_database(tmp_path, 3067)
    before = sha256(db)
    feedback = CancelAfter(30)
    with pytest.raises(QgsProcessingException, match='Cancelled; no output was written'):
        run_algorithm('resilience:import_population', {
            'INPUT': helsinki_population, 'FIELD': 'population', 'DATABASE': db}, feedback)
    assert sha256(db) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ['planning.gpkg']


def test_the_conftest_database_has_roads_and_people(helsinki_db):
    assert sum(values['population'] for values, _ in rows(helsinki_db, 'population')) == GRID_SUM
    assert len(rows(helsinki_db, 'road_network')) == 2472
