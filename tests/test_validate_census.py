"""resilience:validate_census on hand-made databases and on Helsinki (core rules: tests/unit)."""
import contextlib
import dataclasses
import json
import math
import re
import sqlite3

import pytest
from osgeo import ogr
from qgis.core import QgsCoordinateReferenceSystem, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QVariant

from resilience_plugin.definitions import FINDING_FIELDS, LAYERS, MAX_ROAD_ACCESS_M, RULES, SEVERITY
from resilience_plugin.qgis_io.database import create_schema

ALG = 'resilience:validate_census'
# Values for the NOT NULL fields of the planning database, so each test row names only what it is about.
REQUIRED = {
    'road_network': {'road_class': 'branch', 'passable': 1},
    'lifelines': {'network': 'water_supply'},
    'lifeline_nodes': {'network': 'water_supply', 'node_kind': 'valve'},
    'shelters': {'shelter_class': 'emergency', 'status': 'existing'},
    'facilities': {'facility_kind': 'fire_station'},
    'risk_sources': {'kind': 'fuel_station', 'risk_grade': 'general'},
}


# Hand-made databases --------------------------------------------------------------------------------------

def add(path, layer_name, rows):
    """Append ``(wkt or None, values)`` rows to a database layer; returns the new feature ids."""
    ds = ogr.Open(path, update=1)
    layer = ds.GetLayerByName(layer_name)
    fids = []
    for wkt, values in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        for name, value in dict(REQUIRED.get(layer_name, {}), **values).items():
            if value is not None:
                feature.SetField(name, value)
        if wkt:
            feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
        fids.append(feature.GetFID())
    ds = None  # noqa: F841 (closes the file)
    return fids


def fill_clean(path):
    """Roads meeting at a T, three water pipes, a shelter and a fire station 20 and 50 m from a road."""
    add(path, 'road_network', [('LINESTRING (0 0, 1000 0)', {'asset_id': 'R1'}),
                               ('LINESTRING (500 0, 500 1000)', {'asset_id': 'R2'})])  # starts inside R1
    add(path, 'lifelines', [('LINESTRING (0 10, 400 10)', {'asset_id': 'L1', 'diameter_mm': 200}),
                            ('LINESTRING (400 10, 800 10)', {'asset_id': 'L2'}),
                            ('LINESTRING (400 10.5, 400 200)', {'asset_id': 'L3'})])  # 0.5 m off L1/L2
    add(path, 'shelters', [('MULTIPOLYGON (((100 20, 200 20, 200 120, 100 120, 100 20)))', {'asset_id': 'S1'})])
    add(path, 'facilities', [('POINT (600 50)', {'asset_id': 'F1'})])


def new_database(run, path):
    run('resilience:create_planning_database', {'OUTPUT': path, 'CRS': 'EPSG:3067'})
    return path


def content(path):
    """Every table and row of a GeoPackage as SQL (the file's header is left out: QGIS resets the WAL flag)."""
    with contextlib.closing(sqlite3.connect(path)) as connection:
        return list(connection.iterdump())


def validate(run, database, output, **parameters):
    """Run validate_census; returns the result, the findings as dicts (WKT or None under 'wkt') and the feedback."""
    result, feedback = run(ALG, dict({'DATABASE': database, 'OUTPUT': output}, **parameters))
    layer = QgsVectorLayer(result['OUTPUT'], 'findings', 'ogr')
    assert layer.isValid()
    findings = []
    for feature in layer.getFeatures():
        row = {name: feature[name] for name in layer.fields().names() if name != 'fid'}
        row = {k: None if isinstance(v, QVariant) and v.isNull() else v for k, v in row.items()}
        geometry = feature.geometry()  # a GeoPackage stores "no geometry" as an empty point
        row['wkt'] = None if geometry.isNull() or geometry.isEmpty() else geometry.asWkt()
        findings.append(row)
    return result, findings, feedback


def by_rule(findings, rule):
    return [f for f in findings if f['rule'] == rule]


@pytest.fixture
def clean_db(run, tmp_path):
    path = new_database(run, str(tmp_path / 'clean.gpkg'))
    fill_clean(path)
    return path


def test_clean_database_has_no_findings_and_is_not_modified(run, clean_db, tmp_path):
    before = content(clean_db)
    result, findings, feedback = validate(run, clean_db, str(tmp_path / 'findings.gpkg'))
    assert findings == []
    assert (result['FINDING_COUNT'], result['ERROR_COUNT'], result['WARNING_COUNT']) == (0, 0, 0)
    assert result['FEATURE_COUNT'] == 7
    assert content(clean_db) == before
    assert 'Network "water_supply" (lifelines): 3 segments, largest connected part 3, 0 disconnected.' in \
        feedback.infos


def test_empty_database_has_no_findings(run, tmp_path):
    database = new_database(run, str(tmp_path / 'empty.gpkg'))
    result, findings, _ = validate(run, database, str(tmp_path / 'findings.gpkg'))
    assert findings == [] and result['FEATURE_COUNT'] == 0


def test_findings_output_has_the_finding_fields(run, clean_db, tmp_path):
    result, _, _ = validate(run, clean_db, str(tmp_path / 'findings.gpkg'))
    layer = QgsVectorLayer(result['OUTPUT'], 'findings', 'ogr')
    assert [n for n in layer.fields().names() if n != 'fid'] == [spec.name for spec in FINDING_FIELDS]
    assert layer.crs().authid() == 'EPSG:3067'


@pytest.fixture
def problem_db(clean_db):
    """The clean database plus one feature per problem; returns the path and the feature ids by asset ID."""
    ids = {}
    rows = {
        'shelters': [('MULTIPOLYGON (((400 150, 480 150, 480 250, 400 250, 400 150)))',
                      {'asset_id': 'S2', 'shelter_class': ''}),
                     ('MULTIPOLYGON (((300 20, 350 70, 350 20, 300 70, 300 20)))', {'asset_id': 'S3'})],  # bow tie
        'lifelines': [('LINESTRING (800 10, 900 10)', {'asset_id': 'L4', 'network': 'lava'}),
                      ('LINESTRING (800 10, 800 100)', {'asset_id': 'L5', 'diameter_mm': -5}),
                      ('LINESTRING (0 60, 100 60)', {'asset_id': 'L6'})],  # 50 m from L1
        'facilities': [('POINT (610 50)', {'asset_id': 'FAC-1'}),
                       ('POINT (620 50)', {'asset_id': ' fac-1'}),  # the same asset ID up to case and spaces
                       ('POINT (1300 -400)', {'asset_id': 'F4'})],  # 500 m from the end of R1 at (1000, 0)
        'lifeline_nodes': [(None, {'asset_id': 'N1'})],
    }
    for layer_name, layer_rows in rows.items():
        for fid, (_, values) in zip(add(clean_db, layer_name, layer_rows), layer_rows):
            ids[values['asset_id']] = fid
    return clean_db, ids


def test_each_problem_is_found_once(run, problem_db, tmp_path):
    database, ids = problem_db
    before = content(database)
    result, findings, _ = validate(run, database, str(tmp_path / 'findings.gpkg'))
    found = sorted((f['layer'], f['asset_id'], f['rule']) for f in findings)
    assert found == sorted([
        ('shelters', 'S2', 'missing_required'),
        ('lifelines', 'L4', 'out_of_domain'),
        ('lifelines', 'L5', 'out_of_range'),
        ('shelters', 'S3', 'invalid_geometry'),
        ('facilities', 'FAC-1', 'duplicate_asset_id'),
        ('facilities', ' fac-1', 'duplicate_asset_id'),
        ('lifelines', 'L6', 'disconnected_segment'),
        ('facilities', 'F4', 'far_from_road'),
        ('lifeline_nodes', 'N1', 'empty_geometry'),
    ])
    for finding in findings:
        assert finding['feature_id'] == ids[finding['asset_id']]
        assert finding['severity'] == RULES[finding['rule']][0]
    assert result['FINDING_COUNT'] == 9 and result['FEATURE_COUNT'] == 7 + 9
    assert result['ERROR_COUNT'] == 6 and result['WARNING_COUNT'] == 3  # out_of_range, disconnected, far
    assert content(database) == before


def test_problem_messages(run, problem_db, tmp_path):
    database, ids = problem_db
    _, findings, _ = validate(run, database, str(tmp_path / 'findings.gpkg'))
    messages = {(f['asset_id'], f['rule']): f['message'] for f in findings}
    assert messages['S2', 'missing_required'] == 'shelters #{} (asset S2): field "shelter_class" is empty but ' \
                                                'required.'.format(ids['S2'])
    assert messages['L4', 'out_of_domain'].startswith(
        'lifelines #{} (asset L4): field "network" has the value "lava", which is not one of the allowed '
        'values (water_supply, drainage, gas,'.format(ids['L4']))
    assert messages['L5', 'out_of_range'] == 'lifelines #{} (asset L5): field "diameter_mm" is -5, outside the ' \
                                             'plausible range 0 to 10000.'.format(ids['L5'])
    assert 'Self-intersection' in messages['S3', 'invalid_geometry']
    assert messages['FAC-1', 'duplicate_asset_id'].endswith('is also used by #{}.'.format(ids[' fac-1']))
    assert messages[' fac-1', 'duplicate_asset_id'].endswith('is also used by #{}.'.format(ids['FAC-1']))
    # L1, L2, L3 and L5 are connected (L4 is in the "lava" network); L6 is alone.
    assert messages['L6', 'disconnected_segment'] == (
        'lifelines #{} (asset L6): the segment is in a group of 1 segment(s) that is not connected to the largest '
        'part of the "water_supply" network (4 segments).'.format(ids['L6']))
    assert messages['N1', 'empty_geometry'] == 'lifeline_nodes #{} (asset N1): the feature has no ' \
                                               'geometry.'.format(ids['N1'])


def test_far_from_road_distance_matches_hand_computation(run, problem_db, tmp_path):
    _, findings, _ = validate(run, problem_db[0], str(tmp_path / 'findings.gpkg'))
    message = by_rule(findings, 'far_from_road')[0]['message']
    reported = float(re.search(r'is ([\d.]+) m away', message).group(1))
    assert reported == pytest.approx(math.hypot(1300 - 1000, -400 - 0), abs=0.05)  # 500 m to R1's end
    assert 'more than {:g} m'.format(MAX_ROAD_ACCESS_M) in message


def test_finding_locations(run, problem_db, tmp_path):
    _, findings, _ = validate(run, problem_db[0], str(tmp_path / 'findings.gpkg'))
    where = {(f['asset_id'], f['rule']): f['wkt'] for f in findings}
    assert where['S3', 'invalid_geometry'] == 'Point (325 45)'  # where the bow tie crosses itself
    assert where['L6', 'disconnected_segment'] == 'Point (50 60)'  # middle of the line
    assert where['F4', 'far_from_road'] == 'Point (1300 -400)'
    assert where['N1', 'empty_geometry'] is None


def test_parameters_change_the_thresholds(run, problem_db, tmp_path):
    database = problem_db[0]
    _, findings, _ = validate(run, database, str(tmp_path / 'a.gpkg'), MAX_ROAD_DISTANCE=501,
                              CONNECT_TOLERANCE=51)
    assert not by_rule(findings, 'far_from_road') and not by_rule(findings, 'disconnected_segment')
    _, findings, _ = validate(run, database, str(tmp_path / 'b.gpkg'), MAX_ROAD_DISTANCE=30, CONNECT_TOLERANCE=0.1)
    assert sorted(f['asset_id'] for f in by_rule(findings, 'far_from_road')) == [' fac-1', 'F1', 'F4', 'FAC-1']
    # L3 ends 0.5 m from L1 and L2: now it is cut off too.
    assert sorted(f['asset_id'] for f in by_rule(findings, 'disconnected_segment')) == ['L3', 'L6']


def test_no_passable_road_gives_one_finding(run, tmp_path):
    database = new_database(run, str(tmp_path / 'db.gpkg'))
    add(database, 'road_network', [('LINESTRING (0 0, 10 0)', {'asset_id': 'R1', 'passable': 0})])
    add(database, 'facilities', [('POINT (0 5000)', {'asset_id': 'F1'}), ('POINT (10 5000)', {'asset_id': 'F2'})])
    _, findings, _ = validate(run, database, str(tmp_path / 'findings.gpkg'))
    assert len(findings) == 1
    finding = findings[0]
    assert (finding['layer'], finding['feature_id'], finding['rule'], finding['wkt']) == (
        'road_network', None, 'far_from_road', None)
    assert '2 site(s)' in finding['message']


def relaxed_database(path):
    """A planning database without NOT NULL and UNIQUE constraints, as other tools may produce."""
    kinds = [dataclasses.replace(kind, fields=tuple(dataclasses.replace(f, required=False, unique=False)
                                                    for f in kind.fields)) for kind in LAYERS]
    create_schema(path, QgsCoordinateReferenceSystem('EPSG:3067'), kinds)
    return path


def test_null_values_and_exact_duplicates(run, tmp_path):
    database = relaxed_database(str(tmp_path / 'relaxed.gpkg'))
    point = 'POINT (0 0)'
    fids = add(database, 'risk_sources', [(point, {'asset_id': 'DUP'}), (point, {'asset_id': 'DUP'}),
                                          (point, {'asset_id': 'DUP'}), (point, {'kind': None})])
    _, findings, _ = validate(run, database, str(tmp_path / 'findings.gpkg'))
    duplicates = {f['feature_id']: f['message'] for f in by_rule(findings, 'duplicate_asset_id')}
    assert duplicates[fids[1]] == 'risk_sources #{} (asset DUP): asset ID "DUP" is also used by #{}, #{}.'.format(
        fids[1], fids[0], fids[2])
    assert sorted(duplicates) == fids[:3]
    missing = sorted(f['message'] for f in by_rule(findings, 'missing_required'))
    assert missing == sorted(['risk_sources #{} (no asset ID): field "{}" is empty but required.'.format(fids[3], name)
                              for name in ('asset_id', 'kind')])


def test_summary_and_log(run, problem_db, tmp_path):
    summary_path = str(tmp_path / 'summary.json')
    result, findings, feedback = validate(run, problem_db[0], str(tmp_path / 'findings.gpkg'),
                                          OUTPUT_SUMMARY=summary_path)
    with open(summary_path, encoding='utf-8') as stream:
        summary = json.load(stream)
    assert summary['finding_count'] == len(findings) == 9
    assert summary['by_rule'] == {rule: 2 if rule == 'duplicate_asset_id' else 1 for rule in RULES}
    assert summary['by_layer'] == {'shelters': 2, 'lifelines': 3, 'facilities': 3, 'lifeline_nodes': 1}
    assert 'duplicate_asset_id: 2 (The asset ID is used more than once)' in feedback.infos


def test_loaded_findings_are_styled_by_severity(problem_db, tmp_path):
    import processing
    result = processing.runAndLoadResults(ALG, {'DATABASE': problem_db[0], 'OUTPUT': 'memory:'})
    layer = QgsProject.instance().mapLayer(result['OUTPUT'])
    try:
        renderer = layer.renderer()
        assert renderer.type() == 'categorizedSymbol' and renderer.classAttribute() == 'severity'
        colours = {c.value(): c.symbol().color().name() for c in renderer.categories()}
        assert colours == {choice.code: choice.colour for choice in SEVERITY.choices}
        assert layer.attributeAlias(layer.fields().indexOf('rule')) == 'Rule'
    finally:
        QgsProject.instance().removeMapLayer(layer.id())


def test_progress_and_cancel(run, problem_db, tmp_path):
    from qgis.core import QgsProcessingException
    from tools.qgis_env import RecordingFeedback
    feedback = RecordingFeedback()
    progress = []
    feedback.progressChanged.connect(progress.append)
    run(ALG, {'DATABASE': problem_db[0], 'OUTPUT': str(tmp_path / 'a.gpkg')}, feedback)
    assert progress == sorted(progress) and progress[-1] > 90
    cancelled = RecordingFeedback()
    cancelled.progressChanged.connect(lambda _: cancelled.cancel())  # cancel at the first progress report
    with pytest.raises(QgsProcessingException, match='Cancelled; no output was written'):
        run(ALG, {'DATABASE': problem_db[0], 'OUTPUT': str(tmp_path / 'b.gpkg')}, cancelled)


def test_not_a_planning_database(run, tmp_path):
    from qgis.core import QgsProcessingException
    with pytest.raises(QgsProcessingException, match='does not exist'):
        run(ALG, {'DATABASE': str(tmp_path / 'missing.gpkg'), 'OUTPUT': str(tmp_path / 'findings.gpkg')})


# Helsinki -------------------------------------------------------------------------------------------------

def test_helsinki(run, helsinki_db, tmp_path):
    before = content(helsinki_db)
    summary_path = str(tmp_path / 'summary.json')
    result, findings, feedback = validate(run, helsinki_db, str(tmp_path / 'findings.gpkg'),
                                          OUTPUT_SUMMARY=summary_path)
    with open(summary_path, encoding='utf-8') as stream:
        summary = json.load(stream)
    print(json.dumps(summary, indent=1))
    assert content(helsinki_db) == before
    assert result['FEATURE_COUNT'] > 1000
    assert result['FINDING_COUNT'] == len(findings) == sum(summary['by_rule'].values())
    assert result['ERROR_COUNT'] + result['WARNING_COUNT'] == len(findings)
    assert summary['by_rule']['duplicate_asset_id'] == 0  # the database enforces unique asset IDs
    # Most of the road network is one connected whole.
    roads = QgsVectorLayer(helsinki_db + '|layername=road_network', 'roads', 'ogr').featureCount()
    assert roads > 1000 and summary['by_layer'].get('road_network', 0) < roads / 2
