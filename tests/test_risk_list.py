"""resilience:risk_list: counts, lengths and people per source, the ranking, XLSX and CSV exports."""
import math
import os

import pandas as pd
import pyproj
import pytest
from qgis.core import QgsProcessingException

from risk_helpers import chord, features_of, memory_layer
from resilience_plugin.qgis_io.atomic import is_temporary

CRS = 'EPSG:32650'


def inputs():
    sources = memory_layer('Point', CRS, ['name:string', 'kind:string', 'risk_grade:string',
                                          'safety_distance_m:double', 'responsible_unit:string'], [
        ('POINT(0 0)', ['Depot A', 'fuel_station', 'general', 100.0, 'Unit A']),
        ('POINT(1000 0)', ['Plant B', 'major_hazard', 'major', 100.0, 'Unit B']),
        ('POINT(3000 0)', ['Yard C', 'industrial', 'general', 100.0, None]),
    ], name='risk_sources')
    lifelines = memory_layer('LineString', CRS, ['network:string'], [
        ('LINESTRING(-500 60, 1500 60)', ['gas']),       # crosses A and B at 60 m: a 160 m chord each
        ('LINESTRING(0 -500, 0 500)', ['power']),        # through the centre of A: 200 m
    ], name='lifelines')
    shelters = memory_layer('Polygon', CRS, ['name:string'], [
        ('POLYGON((-10 -10, 10 -10, 10 10, -10 10, -10 -10))', ['in A']),
        ('POLYGON((2950 -10, 2970 -10, 2970 10, 2950 10, 2950 -10))', ['in C'])], name='shelters')
    population = memory_layer('Polygon', CRS, ['population:double'], [
        # A 20 x 20 m block fully inside C's zone and a 200 x 20 block half inside B's zone.
        ('POLYGON((2990 -10, 3010 -10, 3010 10, 2990 10, 2990 -10))', [40.0]),
        ('POLYGON((1000 -10, 1200 -10, 1200 10, 1000 10, 1000 -10))', [100.0])], name='population')
    return sources, [lifelines, shelters, population]


def test_risk_list_counts_ranks_and_exports(run, tmp_path):
    sources, targets = inputs()
    xlsx = str(tmp_path / 'list.xlsx')
    result, feedback = run('resilience:risk_list', {'RISK_SOURCES': sources, 'DISTANCE_FIELD': 'safety_distance_m',
                                                    'TARGETS': targets, 'OUTPUT': str(tmp_path / 'list.gpkg'),
                                                    'OUTPUT_TABLE': xlsx})
    rows = {f['name']: f for f in features_of(result['OUTPUT'])}
    a, b, c = rows['Depot A'], rows['Plant B'], rows['Yard C']
    assert a['len_gas_m'] == pytest.approx(chord(100, 60), abs=0.1)
    assert b['len_gas_m'] == pytest.approx(chord(100, 60), abs=0.1)
    assert a['len_power_m'] == pytest.approx(200.0, abs=0.01)
    assert a['lifeline_m'] == pytest.approx(200.0 + chord(100, 60), abs=0.1)
    assert (a['shelters'], b['shelters'], c['shelters']) == (1, 0, 1)
    # B's circle cuts the 200 x 20 block at x = sqrt(100^2 - y^2): about half of it (49.9 %).
    inside = sum(math.sqrt(100 ** 2 - (y + 0.5 - 10) ** 2) for y in range(20)) / 20  # mean chord half
    assert b['people'] == pytest.approx(100.0 * inside / 200.0, rel=1e-3)
    assert c['people'] == pytest.approx(40.0)
    # Rank: red first, then the general ones by people (C has people, A none).
    assert (b['rank'], c['rank'], a['rank']) == (1, 2, 3)
    assert a['responsible_unit'] == 'Unit A' and a['x'] == pytest.approx(0.0)
    lon, lat = pyproj.Transformer.from_crs(CRS, 'EPSG:4326', always_xy=True).transform(0.0, 0.0)
    assert (a['lon'], a['lat']) == (pytest.approx(lon, abs=1e-9), pytest.approx(lat, abs=1e-9))
    table = pd.read_excel(xlsx, sheet_name='risk_list')
    assert list(table['name']) == ['Plant B', 'Yard C', 'Depot A']
    assert table.loc[2, 'len_power_m'] == pytest.approx(200.0, abs=0.01)
    assert 'GB 50156' in ' '.join(pd.read_excel(xlsx, sheet_name='sources')['source'].dropna())
    assert not [n for n in os.listdir(tmp_path) if is_temporary(n)]  # nothing half-written left
    assert {f['source_layer'] for f in rows.values()} == {'risk_sources'}


def test_csv_export_and_bad_extension(run, tmp_path):
    sources, targets = inputs()
    csv = str(tmp_path / 'list.csv')
    run('resilience:risk_list', {'RISK_SOURCES': sources, 'TARGETS': targets, 'OUTPUT': 'memory:',
                                 'OUTPUT_TABLE': csv})
    table = pd.read_csv(csv, encoding='utf-8-sig')
    assert len(table) == 3 and table['rank'].tolist() == [1, 2, 3]
    # Without DISTANCE_FIELD the table distances apply: fuel station 50 m (GB 50156).
    assert table.set_index('name').loc['Depot A', 'distance_m'] == 50.0
    with pytest.raises(QgsProcessingException):
        run('resilience:risk_list', {'RISK_SOURCES': sources, 'OUTPUT': 'memory:',
                                     'OUTPUT_TABLE': str(tmp_path / 'list.txt')})


def test_default_field_names_the_layer_lacks_are_not_required(run, tmp_path):
    """A user's own layer without the planning database's responsible_unit/kind columns still works;
    a field named explicitly that the layer lacks is an error naming it."""
    import pytest
    from qgis.core import QgsProcessingException
    from risk_helpers import memory_layer
    sources = memory_layer('Point', 'EPSG:3067', ['risk_grade:string'], [('POINT(0 0)', ['major'])])
    result, _ = run('resilience:risk_list', {'RISK_SOURCES': sources, 'TARGETS': [],
                                             'OUTPUT': 'TEMPORARY_OUTPUT',
                                             'OUTPUT_TABLE': str(tmp_path / 'list.csv')})
    rows = list(result['OUTPUT'].getFeatures())
    assert len(rows) == 1 and rows[0]['risk_grade'] == 'major'
    with pytest.raises(QgsProcessingException, match='owner_unit'):
        run('resilience:risk_list', {'RISK_SOURCES': sources, 'TARGETS': [], 'RESPONSIBLE_FIELD': 'owner_unit',
                                     'OUTPUT': 'TEMPORARY_OUTPUT', 'OUTPUT_TABLE': str(tmp_path / 'list2.csv')})


def test_source_layer_is_the_layer_name_not_the_file_name(run, tmp_path):
    """A GeoPackage table given by path shows its table name; a project layer shows its name there."""
    from qgis.core import QgsCoordinateTransformContext, QgsProject, QgsVectorFileWriter, QgsVectorLayer
    sources, _ = inputs()
    path = str(tmp_path / 'planning.gpkg')
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.layerName = 'depots'
    error = QgsVectorFileWriter.writeAsVectorFormatV3(sources, path, QgsCoordinateTransformContext(), options)
    assert error[0] == QgsVectorFileWriter.NoError
    by_path, _ = run('resilience:risk_list', {'RISK_SOURCES': path + '|layername=depots', 'OUTPUT': 'memory:'})
    assert {f['source_layer'] for f in by_path['OUTPUT'].getFeatures()} == {'depots'}
    layer = QgsVectorLayer(path + '|layername=depots', 'Fuel depots (survey 2024)', 'ogr')
    QgsProject.instance().addMapLayer(layer)
    try:
        in_project, _ = run('resilience:risk_list', {'RISK_SOURCES': layer.id(), 'OUTPUT': 'memory:'})
    finally:
        QgsProject.instance().removeMapLayer(layer.id())
    assert {f['source_layer'] for f in in_project['OUTPUT'].getFeatures()} == {'Fuel depots (survey 2024)'}
