"""resilience:export_census on the Helsinki database: every number of the package computed another way here."""
import hashlib
import json
import os
import shutil
import sqlite3
from collections import defaultdict

import numpy as np
import pandas as pd
import pytest
from osgeo import ogr, osr
from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsGeometry, QgsProcessingException,
                       QgsProject, QgsVectorLayer)
from qgis.PyQt.QtCore import QVariant
from shapely import wkb as shapely_wkb
from shapely.geometry import box

from conftest import run_algorithm
from resilience_plugin.core import census_stats
from resilience_plugin.definitions import CENSUS_LAYERS, FINDING_FIELDS, LAYERS_BY_NAME, NETWORK_TYPE
from tools.qgis_env import RecordingFeedback

ALG = 'resilience:export_census'
SHEETS = ('lifelines_by_network', 'lifelines_by_material', 'lifelines_by_diameter', 'lifelines_by_decade',
          'lifelines_by_condition', 'lifelines_breakdown', 'roads_by_class', 'nodes_by_kind',
          'nodes_by_network_kind', 'shelters_by_class', 'facilities_by_kind', 'risk_sources_by_grade',
          'risk_sources_by_kind', 'layers', 'left_out_by_rule')
CENTRE = (385950.0, 6672300.0)  # central Helsinki in EPSG:3067, inside the lifeline extent

# Features added to the Helsinki data: (layer, wkt or None, values, rules expected to leave it out).
BAD_FEATURES = [
    ('lifelines', 'LINESTRING (385900 6672250, 386000 6672250)',
     {'asset_id': 'BAD-MISSING', 'network': ''}, {'missing_required'}),
    ('lifelines', 'LINESTRING (385900 6672260, 385900 6672260)',
     {'asset_id': 'BAD-GEOMETRY', 'network': 'gas'}, {'invalid_geometry'}),
    ('lifelines', 'LINESTRING (385900 6672270, 386000 6672270)',
     {'asset_id': 'DUP-1', 'network': 'water_supply'}, {'duplicate_asset_id'}),
    ('lifelines', 'LINESTRING (385900 6672280, 386000 6672280)',
     {'asset_id': ' dup-1', 'network': 'water_supply'}, {'duplicate_asset_id'}),
    ('lifeline_nodes', 'POINT (385950 6672290)',
     {'asset_id': 'BAD-KIND', 'network': 'gas', 'node_kind': 'lava'}, {'out_of_domain'}),
    ('shelters', 'MULTIPOLYGON (((385900 6672300, 386000 6672400, 386000 6672300, 385900 6672400, 385900 6672300)))',
     {'asset_id': 'BAD-BOWTIE', 'shelter_class': 'emergency', 'status': 'existing'}, {'invalid_geometry'}),
    ('facilities', None, {'asset_id': 'BAD-NOGEOM', 'facility_kind': 'hospital'}, {'empty_geometry'}),
]
# Valid features that add values to the tables; the out-of-range diameter is only a warning: exported.
GOOD_FEATURES = [
    ('lifelines', 'LINESTRING (385900 6672320, 386000 6672320, 386000 6672420)',
     {'asset_id': 'GOOD-STEEL', 'network': 'water_supply', 'material': 'steel', 'diameter_mm': 150,
      'install_year': 1975, 'condition': 'poor'}),
    ('lifelines', 'LINESTRING (385900 6672330, 385950 6672330)',
     {'asset_id': 'GOOD-HUGE', 'network': 'drainage', 'diameter_mm': 20000, 'install_year': 1931}),
    ('shelters', 'MULTIPOLYGON (((386100 6672100, 386200 6672100, 386200 6672200, 386100 6672200, 386100 6672100)))',
     {'asset_id': 'GOOD-SHELTER', 'shelter_class': 'fixed_short', 'status': 'existing',
      'effective_area_m2': 8000.0, 'capacity_persons': 4000}),
    ('risk_sources', 'POINT (386050 6672150)', {'asset_id': 'GOOD-FUEL', 'kind': 'fuel_station',
                                                'risk_grade': 'general'}),
    ('risk_sources', 'POINT (386060 6672150)', {'asset_id': 'GOOD-LPG', 'kind': 'lpg_station',
                                                'risk_grade': 'significant'}),
    ('risk_source_areas', 'MULTIPOLYGON (((386000 6672000, 386050 6672000, 386050 6672050, 386000 6672000)))',
     {'asset_id': 'GOOD-PLANT', 'kind': 'industrial', 'risk_grade': 'general'}),
]


# Helpers ---------------------------------------------------------------------------------------------------

def add_features(path, rows):
    ds = ogr.Open(path, update=1)
    for layer_name, wkt, values in rows:
        layer = ds.GetLayerByName(layer_name)
        feature = ogr.Feature(layer.GetLayerDefn())
        for name, value in values.items():
            feature.SetField(name, value)
        if wkt:
            feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
    ds = None  # noqa: F841


def plain(value):
    return None if value is None or (isinstance(value, QVariant) and value.isNull()) else value


def features(path, layer_name):
    """(fid, attributes, QgsGeometry) of every feature of a GeoPackage layer."""
    layer = QgsVectorLayer('{}|layername={}'.format(path, layer_name), layer_name, 'ogr')
    assert layer.isValid(), (path, layer_name)
    names = layer.fields().names()
    return [(f.id(), {n: plain(f[n]) for n in names}, QgsGeometry(f.geometry())) for f in layer.getFeatures()]


def missing(value):
    return value is None or (isinstance(value, str) and not value.strip())


def valid_features(path, layer_name):
    """The features the census keeps, decided here from the definitions without the plugin's rule code."""
    kind = LAYERS_BY_NAME[layer_name]
    rows = features(path, layer_name)
    ids = defaultdict(int)
    for _, values, _ in rows:
        if not missing(values.get('asset_id')):
            ids[values['asset_id'].strip().lower()] += 1
    kept = []
    for fid, values, geometry in rows:
        bad = geometry.isNull() or geometry.isEmpty() or not geometry.isGeosValid()
        for spec in kind.fields:
            value = values.get(spec.name)
            bad |= spec.required and missing(value)
            bad |= spec.enum is not None and not missing(value) and value not in spec.enum.codes()
        asset = values.get('asset_id')
        bad |= not missing(asset) and ids[asset.strip().lower()] > 1
        if not bad:
            kept.append((fid, values, geometry))
    return kept


def sheets(folder):
    return pd.read_excel(os.path.join(folder, 'census_statistics.xlsx'), sheet_name=None)


def by_code(table, code_header, value_header):
    return dict(zip(table[code_header], table[value_header]))


def sha256(path):
    with open(path, 'rb') as stream:
        return hashlib.sha256(stream.read()).hexdigest()


def snapshot(folder):
    """{relative path: bytes} of every file under ``folder``."""
    files = {}
    for root, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(root, name)
            with open(path, 'rb') as stream:
                files[os.path.relpath(path, folder)] = stream.read()
    return files


def leftovers(folder):
    """Temporary folders of the package left beside it."""
    prefix = '.{}.'.format(os.path.basename(folder))
    return [name for name in os.listdir(os.path.dirname(folder)) if name.startswith(prefix)]


def write_area(path, rectangle, epsg=4326):
    """A GeoPackage polygon layer with ``rectangle`` (xmin, ymin, xmax, ymax in EPSG:3067) in ``epsg``."""
    xmin, ymin, xmax, ymax = rectangle
    ring = [(xmin, ymin), (xmax, ymin), (xmax, ymax), (xmin, ymax), (xmin, ymin)]
    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem('EPSG:3067'),
                                       QgsCoordinateReferenceSystem('EPSG:{}'.format(epsg)), QgsProject.instance())
    points = [transform.transform(x, y) for x, y in ring]
    wkt = 'POLYGON (({}))'.format(', '.join('{!r} {!r}'.format(p.x(), p.y()) for p in points))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    ds = ogr.GetDriverByName('GPKG').CreateDataSource(path)
    layer = ds.CreateLayer('area', srs, ogr.wkbPolygon)
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
    layer.CreateFeature(feature)
    ds = None  # noqa: F841
    return path


class CancellingFeedback(RecordingFeedback):
    """Cancels the run when the export reaches the given step."""

    def __init__(self, at):
        super().__init__()
        self.at = at

    def setProgressText(self, text):  # noqa: N802
        super().setProgressText(text)
        if self.at in text:
            self.cancel()


# Fixtures --------------------------------------------------------------------------------------------------

@pytest.fixture(scope='module')
def census_db(helsinki_db, tmp_path_factory):
    """The Helsinki database plus features that break the rules and features with full attributes."""
    path = str(tmp_path_factory.mktemp('census') / 'census_input.gpkg')
    shutil.copyfile(helsinki_db, path)
    add_features(path, [(layer, wkt, values) for layer, wkt, values, _ in BAD_FEATURES] + GOOD_FEATURES)
    return path


@pytest.fixture(scope='module')
def package(census_db, tmp_path_factory):
    folder = str(tmp_path_factory.mktemp('out') / 'census_package')
    result, feedback = run_algorithm(ALG, {'DATABASE': census_db, 'OUTPUT': folder})
    return result, feedback, folder


@pytest.fixture(scope='module')
def area_rectangle(census_db):
    """The middle part of the lifeline extent (EPSG:3067)."""
    extent = QgsVectorLayer(census_db + '|layername=lifelines', 'l', 'ogr').extent()
    dx, dy = extent.width() / 4.0, extent.height() / 4.0
    return (extent.xMinimum() + dx, extent.yMinimum() + dy, extent.xMaximum() - dx, extent.yMaximum() - dy)


@pytest.fixture(scope='module')
def clipped(census_db, area_rectangle, tmp_path_factory):
    base = tmp_path_factory.mktemp('clip')
    area = write_area(str(base / 'area_4326.gpkg'), area_rectangle)
    folder = str(base / 'package')
    result, feedback = run_algorithm(ALG, {'DATABASE': census_db, 'OUTPUT': folder, 'AREA': area})
    return result, feedback, folder, area


# The package -----------------------------------------------------------------------------------------------

def test_package_files(package):
    result, _, folder = package
    names = set(snapshot(folder))
    assert {'census.gpkg', 'census_statistics.xlsx', 'provenance.json'} <= names
    assert {'csv/{}.csv'.format(name) for name in SHEETS} <= names
    assert not any(name.endswith(('-wal', '-shm', '-journal')) for name in names)
    assert not leftovers(folder)
    assert result['GEOPACKAGE'] == os.path.join(folder, 'census.gpkg')
    with sqlite3.connect(result['GEOPACKAGE']) as connection:
        tables = {row[0] for row in connection.execute('SELECT table_name FROM gpkg_contents')}
        mode = connection.execute('PRAGMA journal_mode').fetchone()[0]
    assert set(CENSUS_LAYERS) | {'findings'} <= tables
    assert mode == 'delete'
    assert sorted(sheets(folder)) == sorted(SHEETS + ('provenance',))


def test_lifeline_length_by_network_equals_qgis_lengths(census_db, package):
    _, _, folder = package
    expected_km, expected_n = defaultdict(float), defaultdict(int)
    for _, values, geometry in valid_features(census_db, 'lifelines'):
        expected_km[values['network']] += geometry.length() / 1000.0
        expected_n[values['network']] += 1
    table = sheets(folder)['lifelines_by_network']
    assert list(table['Network type (code)']) == NETWORK_TYPE.codes()  # every type, in the definitions' order
    km = by_code(table, 'Network type (code)', 'Length (km)')
    count = by_code(table, 'Network type (code)', 'Segments')
    for code in NETWORK_TYPE.codes():
        assert km[code] == pytest.approx(expected_km[code], abs=1e-6), code
        assert count[code] == expected_n[code], code
    assert by_code(table, 'Network type (code)', 'Network type')['water_supply'] == 'Water supply'
    assert by_code(table, 'Network type (code)', 'Census code')['gas'] == 'RQ'
    # The other lifeline tables break the same total down.
    for name in ('lifelines_by_material', 'lifelines_by_diameter', 'lifelines_by_decade', 'lifelines_by_condition',
                 'lifelines_breakdown'):
        assert sheets(folder)[name]['Length (km)'].sum() == pytest.approx(sum(expected_km.values()), abs=1e-6)


def test_lifeline_classes_of_the_added_pipes(census_db, package):
    _, _, folder = package
    tables = sheets(folder)
    lengths = {values['asset_id']: g.length() / 1000.0 for _, values, g in valid_features(census_db, 'lifelines')}
    decade = tables['lifelines_by_decade']
    row = decade[(decade['Network type (code)'] == 'water_supply') & (decade['Installation decade (code)'] == '1970s')]
    assert row['Length (km)'].sum() == pytest.approx(lengths['GOOD-STEEL'], abs=1e-9)
    assert row['Installation decade'].iloc[0] == '1970 to 1979'
    row = decade[(decade['Network type (code)'] == 'drainage')]
    assert list(row['Installation decade (code)']) == ['<1950'] and row['Segments'].iloc[0] == 1
    diameter = tables['lifelines_by_diameter']
    row = diameter[(diameter['Network type (code)'] == 'drainage')]
    assert list(row['Diameter class (code)']) == ['>=1000']  # out-of-range is a warning: still exported
    material = tables['lifelines_by_material']
    row = material[(material['Material (code)'] == 'steel')]
    assert list(row['Network type (code)']) == ['water_supply'] and row['Segments'].iloc[0] == 1
    condition = tables['lifelines_by_condition']
    poor = condition[condition['Condition (code)'] == 'poor']
    assert poor['Length (km)'].sum() == pytest.approx(lengths['GOOD-STEEL'], abs=1e-9)


def test_roads_nodes_shelters_facilities(census_db, package):
    _, _, folder = package
    tables = sheets(folder)
    roads = defaultdict(float)
    for _, values, geometry in valid_features(census_db, 'road_network'):
        roads[values['road_class']] += geometry.length() / 1000.0
    km = by_code(tables['roads_by_class'], 'Road class (code)', 'Length (km)')
    assert all(km[code] == pytest.approx(roads[code], abs=1e-6) for code in km)

    nodes = defaultdict(int)
    for _, values, _ in valid_features(census_db, 'lifeline_nodes'):
        nodes[values['node_kind']] += 1
    assert by_code(tables['nodes_by_kind'], 'Node kind (code)', 'Nodes') == {
        code: nodes[code] for code in LAYERS_BY_NAME['lifeline_nodes'].field('node_kind').enum.codes()}
    assert tables['nodes_by_network_kind']['Nodes'].sum() == sum(nodes.values())

    shelters = valid_features(census_db, 'shelters')
    table = tables['shelters_by_class'].set_index('Shelter class (code)')
    for code in ('emergency', 'fixed_short'):
        mine = [v for _, v, _ in shelters if v['shelter_class'] == code]
        assert table.loc[code, 'Shelters'] == len(mine)
        assert table.loc[code, 'Effective area (m2)'] == pytest.approx(
            sum(v['effective_area_m2'] or 0 for v in mine))
        assert table.loc[code, 'Capacity (persons)'] == sum(v['capacity_persons'] or 0 for v in mine)
    assert table.loc['fixed_short', 'Capacity (persons)'] == 4000

    facilities = defaultdict(int)
    for _, values, _ in valid_features(census_db, 'facilities'):
        facilities[values['facility_kind']] += 1
    counts = by_code(tables['facilities_by_kind'], 'Facility kind (code)', 'Facilities')
    assert counts == {code: facilities[code] for code in counts}
    assert counts['hospital'] == 0  # the hospital without geometry is left out
    risk = tables['risk_sources_by_grade']
    points = [v for _, v, _ in valid_features(census_db, 'risk_sources')]
    areas = [v for _, v, _ in valid_features(census_db, 'risk_source_areas')]
    for column, rows in (('Points', points), ('Areas', areas), ('Total', points + areas)):
        assert list(risk[column]) == [sum(v['risk_grade'] == g for v in rows) for g in risk['Risk grade (code)']]
    assert by_code(risk, 'Risk grade (code)', 'Total')['general'] >= 2
    kinds = tables['risk_sources_by_kind']
    assert kinds['Total'].sum() == len(points) + len(areas)
    row = kinds[(kinds['Kind of risk source (code)'] == 'lpg_station')]
    assert list(row['Risk grade (code)']) == ['significant'] and list(row['Points']) == [1]


def test_counts_in_equal_counts_out_plus_left_out(census_db, package):
    result, _, folder = package
    gpkg = os.path.join(folder, 'census.gpkg')
    findings = features(gpkg, 'findings')
    left_out = defaultdict(set)
    for _, values, _ in findings:
        left_out[values['layer']].add(values['feature_id'])
    layers = sheets(folder)['layers'].set_index('Layer (code)')
    provenance = json.load(open(os.path.join(folder, 'provenance.json'), encoding='utf-8'))
    total_in = total_out = 0
    for name in CENSUS_LAYERS:
        count_in = len(features(census_db, name))
        count_out = len(features(gpkg, name))
        assert count_in == count_out + len(left_out[name]), name
        assert count_out == len(valid_features(census_db, name)), name
        assert (layers.loc[name, 'Features in'], layers.loc[name, 'Exported'], layers.loc[name, 'Left out']) == (
            count_in, count_out, len(left_out[name]))
        assert provenance['layers'][name]['features_in'] == count_in
        assert provenance['layers'][name]['exported'] == count_out
        total_in, total_out = total_in + count_in, total_out + count_out
    assert (result['FEATURES_IN'], result['FEATURES_OUT'], result['LEFT_OUT']) == (
        total_in, total_out, total_in - total_out)
    assert result['LEFT_OUT'] == len(BAD_FEATURES)


def test_left_out_features_are_in_findings_and_not_in_the_package(census_db, package):
    _, _, folder = package
    gpkg = os.path.join(folder, 'census.gpkg')
    findings = [values for _, values, _ in features(gpkg, 'findings')]
    assert [f.name for f in FINDING_FIELDS] == [n for n in features(gpkg, 'findings')[0][1] if n != 'fid']
    for layer, _, values, rules in BAD_FEATURES:
        mine = [f for f in findings if f['layer'] == layer and f['asset_id'] == values['asset_id']]
        assert {f['rule'] for f in mine} == rules, values['asset_id']
        assert all(f['severity'] == 'error' and f['message'] for f in mine)
        exported = {v['asset_id'] for _, v, _ in features(gpkg, layer)}
        assert values['asset_id'] not in exported
    assert {f['rule'] for f in findings} <= {'missing_required', 'out_of_domain', 'invalid_geometry',
                                             'empty_geometry', 'duplicate_asset_id'}
    rules = sheets(folder)['left_out_by_rule']
    assert rules['Findings'].sum() == len(findings)
    # Valid features keep their fid, attributes and geometry.
    source = {fid: (values, geometry) for fid, values, geometry in features(census_db, 'lifelines')}
    for fid, values, geometry in features(gpkg, 'lifelines'):
        original, original_geometry = source[fid]
        assert {k: v for k, v in values.items() if k != 'fid'} == {k: original[k] for k in values if k != 'fid'}
        assert geometry.length() == pytest.approx(original_geometry.length(), abs=1e-9)
        assert geometry.isMultipart()
    exported = {v['asset_id'] for _, v, _ in features(gpkg, 'lifelines')}
    assert {'GOOD-STEEL', 'GOOD-HUGE'} <= exported


def test_styles_and_aliases_are_in_the_package(package):
    _, _, folder = package
    gpkg = os.path.join(folder, 'census.gpkg')
    with sqlite3.connect(gpkg) as connection:
        styled = {row[0] for row in connection.execute('SELECT f_table_name FROM layer_styles WHERE useAsDefault')}
    assert set(CENSUS_LAYERS) | {'findings'} <= styled
    layer = QgsVectorLayer(gpkg + '|layername=lifelines', 'lifelines', 'ogr')
    fields = layer.fields()
    assert fields.field('network').alias() == 'Network type'
    assert layer.editorWidgetSetup(fields.indexOf('network')).type() == 'ValueMap'
    assert layer.renderer().type() == 'categorizedSymbol'
    findings = QgsVectorLayer(gpkg + '|layername=findings', 'findings', 'ogr')
    assert findings.fields().field('rule').alias() == 'Rule'


def test_csv_and_xlsx_tables_agree(package):
    _, _, folder = package
    workbook = sheets(folder)
    for name in SHEETS:
        path = os.path.join(folder, 'csv', name + '.csv')
        with open(path, 'rb') as stream:
            assert stream.read(3) == b'\xef\xbb\xbf', name  # UTF-8 with BOM
        csv = pd.read_csv(path, encoding='utf-8-sig', keep_default_na=False, na_values=[''])
        sheet = workbook[name]
        assert list(csv.columns) == list(sheet.columns), name
        assert len(csv) == len(sheet), name
        for column in csv.columns:
            a, b = csv[column].tolist(), sheet[column].tolist()
            if pd.api.types.is_numeric_dtype(sheet[column]) and len(sheet):
                assert np.allclose(np.asarray(a, dtype=float), np.asarray(b, dtype=float), rtol=0, atol=1e-12,
                                   equal_nan=True), (name, column)
            else:
                assert [str(x) for x in a] == [str(x) for x in b], (name, column)


def test_provenance(census_db, package):
    result, _, folder = package
    with open(os.path.join(folder, 'provenance.json'), encoding='utf-8') as stream:
        record = json.load(stream)
    from osgeo import gdal
    from qgis.core import Qgis
    from resilience_plugin.paths import plugin_version
    assert record['plugin_version'] == plugin_version()
    assert record['qgis_version'] == Qgis.QGIS_VERSION
    assert record['gdal_version'] == gdal.VersionInfo('RELEASE_NAME')
    database = record['inputs'][0]
    assert database['name'] == 'DATABASE' and database['sha256'] == sha256(census_db)
    assert database['bytes'] == os.path.getsize(census_db)
    assert record['crs']['authid'] == 'EPSG:3067'
    assert record['parameters']['DATABASE'] == os.path.abspath(census_db)
    assert record['parameters']['AREA'] is None
    assert record['started_utc'] <= record['finished_utc']
    assert record['started_utc'].endswith('+00:00')
    assert record['totals']['exported'] == result['FEATURES_OUT']
    sheet = sheets(folder)['provenance']
    values = dict(zip(sheet.iloc[:, 0], sheet.iloc[:, 1]))
    assert values['inputs[0].sha256'] == database['sha256']
    assert values['qgis_version'] == Qgis.QGIS_VERSION
    assert values['layers.lifelines.exported'] == record['layers']['lifelines']['exported']


# AREA -----------------------------------------------------------------------------------------------------

def test_area_clips_lines_to_the_intersection(census_db, package, clipped, area_rectangle):
    _, feedback, folder, area_path = clipped
    rectangle = box(*area_rectangle)
    expected_km, expected_n = defaultdict(float), defaultdict(int)
    for _, values, geometry in valid_features(census_db, 'lifelines'):
        inside = shapely_wkb.loads(bytes(geometry.asWkb())).intersection(rectangle)
        if inside.length > 0:
            expected_km[values['network']] += inside.length / 1000.0
            expected_n[values['network']] += 1
    assert sum(expected_n.values()) > 10
    table = sheets(folder)['lifelines_by_network']
    km = by_code(table, 'Network type (code)', 'Length (km)')
    count = by_code(table, 'Network type (code)', 'Segments')
    for code in NETWORK_TYPE.codes():
        assert km[code] == pytest.approx(expected_km[code], abs=1e-6), code
        assert count[code] == expected_n[code], code
    full = sheets(package[2])['lifelines_by_network']['Length (km)'].sum()
    assert 0 < table['Length (km)'].sum() < full
    # Exported lines lie inside AREA (up to the reprojection round trip).
    for _, _, geometry in features(os.path.join(folder, 'census.gpkg'), 'lifelines'):
        assert rectangle.buffer(1e-3).contains(shapely_wkb.loads(bytes(geometry.asWkb())))
    # Points are selected by intersection.
    nodes = [v for _, v, g in valid_features(census_db, 'lifeline_nodes')
             if rectangle.intersects(shapely_wkb.loads(bytes(g.asWkb())))]
    assert sheets(folder)['nodes_by_kind']['Nodes'].sum() == len(nodes)
    # The AREA file is an input with its checksum; reprojected from EPSG:4326.
    record = json.load(open(os.path.join(folder, 'provenance.json'), encoding='utf-8'))
    area = record['inputs'][1]
    assert area['name'] == 'AREA' and area['crs'] == 'EPSG:4326'
    assert area['sha256'] == sha256(area_path)
    assert record['parameters']['AREA'].startswith(area_path)
    assert area['area_m2'] == pytest.approx(rectangle.area, rel=1e-6)


def test_area_counts_in_equal_out_plus_left_out(clipped):
    result, _, folder, _ = clipped
    layers = sheets(folder)['layers']
    assert (layers['Features in'] == layers['Exported'] + layers['Left out']).all()
    assert result['FEATURES_IN'] == layers['Features in'].sum()
    findings = features(os.path.join(folder, 'census.gpkg'), 'findings')
    assert len({(v['layer'], v['feature_id']) for _, v, _ in findings}) == result['LEFT_OUT']
    # The bad features all lie in the middle of Helsinki, inside AREA, or have no geometry.
    assert result['LEFT_OUT'] == len(BAD_FEATURES)


def test_area_outside_the_data_gives_a_warning_and_an_empty_package(census_db, tmp_path):
    area = write_area(str(tmp_path / 'far.gpkg'), (100000, 7000000, 101000, 7001000))
    folder = str(tmp_path / 'empty')
    result, feedback = run_algorithm(ALG, {'DATABASE': census_db, 'OUTPUT': folder, 'AREA': area})
    assert any('No valid feature' in w for w in feedback.warnings)
    # Only the feature without geometry cannot be placed outside AREA: it is reported, nothing is exported.
    assert result['FEATURES_OUT'] == 0 and result['LEFT_OUT'] == 1
    tables = sheets(folder)
    assert tables['lifelines_by_network']['Length (km)'].sum() == 0
    assert len(tables['lifelines_by_network']) == len(NETWORK_TYPE.codes())
    assert all(len(features(os.path.join(folder, 'census.gpkg'), name)) == 0 for name in CENSUS_LAYERS)


def test_area_without_polygons_is_an_error(census_db, tmp_path):
    path = str(tmp_path / 'none.gpkg')
    ds = ogr.GetDriverByName('GPKG').CreateDataSource(path)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(3067)
    ds.CreateLayer('area', srs, ogr.wkbPolygon)
    ds = None  # noqa: F841
    with pytest.raises(QgsProcessingException, match='AREA has no polygon'):
        run_algorithm(ALG, {'DATABASE': census_db, 'OUTPUT': str(tmp_path / 'out'), 'AREA': path})
    assert not os.path.exists(str(tmp_path / 'out')) or not os.listdir(str(tmp_path / 'out'))


# Errors and atomicity -------------------------------------------------------------------------------------

def test_not_a_planning_database(tmp_path):
    path = str(tmp_path / 'other.gpkg')
    write_area(path, (0, 0, 1, 1))
    with pytest.raises(QgsProcessingException, match='is not a planning database'):
        run_algorithm(ALG, {'DATABASE': path, 'OUTPUT': str(tmp_path / 'out')})


def test_a_folder_with_other_files_is_not_replaced(helsinki_db, tmp_path):
    folder = tmp_path / 'documents'
    folder.mkdir()
    (folder / 'letter.txt').write_text('keep me')
    with pytest.raises(QgsProcessingException, match='holds no census package'):
        run_algorithm(ALG, {'DATABASE': helsinki_db, 'OUTPUT': str(folder)})
    assert (folder / 'letter.txt').read_text() == 'keep me' and len(os.listdir(folder)) == 1


def test_a_package_folder_holding_a_users_file_is_not_replaced(census_db, tmp_path):
    """The export replaces the whole folder: one of our packages with anything else in it is left alone."""
    folder = tmp_path / 'package'
    run_algorithm(ALG, {'DATABASE': census_db, 'OUTPUT': str(folder)})
    (folder / 'census.gpkg-wal').write_bytes(b'')  # the package open in QGIS: its own journal is ours
    run_algorithm(ALG, {'DATABASE': census_db, 'OUTPUT': str(folder)})
    assert not (folder / 'census.gpkg-wal').exists()
    for extra in ('my notes.txt', os.path.join('csv', 'my_table.csv'), os.path.join('drafts', 'v1.qgz')):
        os.makedirs(os.path.dirname(str(folder / extra)), exist_ok=True)
        (folder / extra).write_text('keep me')
        before = snapshot(str(folder))
        with pytest.raises(QgsProcessingException, match='files the export did not write .*{}.*Nothing was '
                                                         'changed'.format(os.path.basename(extra))):
            run_algorithm(ALG, {'DATABASE': census_db, 'OUTPUT': str(folder)})
        assert snapshot(str(folder)) == before and not leftovers(str(folder))
        os.remove(str(folder / extra))


class FileDuringExport(RecordingFeedback):
    """Saves a user's file into the package folder while the export is running."""

    def __init__(self, path):
        super().__init__()
        self.path = path

    def setProgressText(self, text):  # noqa: N802
        super().setProgressText(text)
        if 'Writing statistics' in text:
            with open(self.path, 'w', encoding='utf-8') as stream:
                stream.write('saved while the export ran')


def test_a_file_saved_into_the_folder_during_the_export_is_kept(census_db, tmp_path):
    folder = tmp_path / 'package'
    run_algorithm(ALG, {'DATABASE': census_db, 'OUTPUT': str(folder)})
    before = snapshot(str(folder))
    with pytest.raises(QgsProcessingException, match='files the export did not write .*project.qgz'):
        run_algorithm(ALG, {'DATABASE': census_db, 'OUTPUT': str(folder)},
                      FileDuringExport(str(folder / 'project.qgz')))
    after = snapshot(str(folder))
    assert after.pop('project.qgz') == b'saved while the export ran'
    assert after == before and not leftovers(str(folder))


@pytest.mark.parametrize('step', ['Exporting lifeline_nodes', 'Saving styles', 'Writing statistics'])
def test_cancelled_export_leaves_the_previous_package_untouched(census_db, tmp_path, step):
    folder = str(tmp_path / 'package')
    run_algorithm(ALG, {'DATABASE': census_db, 'OUTPUT': folder})
    before = snapshot(folder)
    assert 'census.gpkg' in before and len(before) > 10
    feedback = CancellingFeedback(step)
    with pytest.raises(QgsProcessingException, match='Cancelled; no output was written'):
        run_algorithm(ALG, {'DATABASE': census_db, 'OUTPUT': folder}, feedback)
    assert feedback.isCanceled()
    after = snapshot(folder)
    assert sorted(after) == sorted(before)
    assert all(after[name] == before[name] for name in before)
    assert not leftovers(folder)
    # A later run replaces the package and leaves nothing beside it.
    result, _ = run_algorithm(ALG, {'DATABASE': census_db, 'OUTPUT': folder})
    assert result['FEATURES_OUT'] > 0 and not leftovers(folder)
    assert json.load(open(os.path.join(folder, 'provenance.json'), encoding='utf-8'))['started_utc']


def test_failed_export_leaves_the_previous_package_untouched(census_db, tmp_path, monkeypatch):
    folder = str(tmp_path / 'package')
    run_algorithm(ALG, {'DATABASE': census_db, 'OUTPUT': folder})
    before = snapshot(folder)
    written = []

    def fail_midway(tables, xlsx_path, csv_folder, csv_tables=None):
        pd.DataFrame({'half': [1]}).to_excel(xlsx_path)  # a half-written workbook in the new package
        written.append(xlsx_path)
        raise OSError('disk full')
    monkeypatch.setattr(census_stats, 'write_tables', fail_midway)
    with pytest.raises(QgsProcessingException, match='disk full'):
        run_algorithm(ALG, {'DATABASE': census_db, 'OUTPUT': folder})
    assert written and not os.path.exists(written[0])
    after = snapshot(folder)
    assert sorted(after) == sorted(before) and all(after[name] == before[name] for name in before)
    assert not leftovers(folder)
