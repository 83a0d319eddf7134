"""Community resilience algorithms on the Helsinki planning database with its community data (issue 13).

Figures are checked another way: the plan's totals against its own rows and a sum done here, nearest shelters
and arrival times against resilience:population_coverage, capacities against the shelters, route lengths against
their geometry, indicators against counts done here with QGIS geometry, the index against its dimension scores,
the atlas pages against the PDF's text (pdftotext). The exact optimum against an independent linear programme
is tests/unit/test_community_core.py (no QGIS needed).
"""
import json
import os
import shutil
import subprocess

import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsProcessingException, QgsVectorLayer

from resilience_plugin.definitions import DEFAULT_REQUIRED_PERSONNEL, PRESETS_BY_KEY
from tools.community_data import incident_point, write_community_data

FIXED_MID = list(PRESETS_BY_KEY).index('shelter_fixed_mid') + 1


@pytest.fixture(scope='module')
def community_db(helsinki_db, helsinki_pbf, tmp_path_factory):
    """A copy of the Helsinki planning database with the community data of the demo."""
    path = str(tmp_path_factory.mktemp('community') / 'community.gpkg')
    shutil.copy(helsinki_db, path)
    write_community_data(path, helsinki_pbf)
    return path


def uri(db, name):
    return '{}|layername={}'.format(db, name)


class Row:
    """A feature whose NULL attributes read as None (QGIS 3.22 gives a null QVariant)."""

    def __init__(self, feature):
        self.feature = feature

    def __getitem__(self, name):
        value = self.feature[name]
        return None if value is None or (hasattr(value, 'isNull') and value.isNull()) else value

    def geometry(self):
        return self.feature.geometry()

    def id(self):
        return self.feature.id()


def features(source):
    layer = source if isinstance(source, QgsVectorLayer) else QgsVectorLayer(source, 'x', 'ogr')
    assert layer.isValid(), source
    return [Row(f) for f in layer.getFeatures()]


def memory_shelters(db, capacity):
    """The shelter candidates with an area, as points with the capacity ``capacity(area)``."""
    layer = QgsVectorLayer('Point?crs=EPSG:3067&field=name:string&field=capacity:double', 'shelters', 'memory')
    out = []
    for source in features(uri(db, 'shelter_candidates')):
        area = source['effective_area_m2']
        if not isinstance(area, float):
            continue
        f = QgsFeature(layer.fields())
        f.setGeometry(source.geometry().pointOnSurface())
        f.setAttributes([source['name'] or 'site {}'.format(source.id()), float(capacity(area))])
        out.append(f)
    layer.dataProvider().addFeatures(out)
    return layer


@pytest.fixture(scope='module')
def plan(community_db, tmp_path_factory):
    from conftest import run_algorithm
    out = str(tmp_path_factory.mktemp('plan') / 'plan.gpkg')
    names = ('assignments', 'routes', 'shelters', 'roads', 'summary')
    result, feedback = run_algorithm('resilience:evacuation_plan', {
        'SHELTERS': uri(community_db, 'shelter_candidates'), 'CAPACITY_FIELD': 'capacity_persons', 'ID_FIELD': 'name',
        'PRESET': FIXED_MID, 'NETWORK': uri(community_db, 'road_network'), 'DEMAND': uri(community_db, 'population'),
        'DEMAND_FIELD': 'population', 'OUTPUT': uri(out, 'assignments'), 'OUTPUT_ROUTES': uri(out, 'routes'),
        'OUTPUT_SHELTERS': uri(out, 'shelters'), 'OUTPUT_ROADS': uri(out, 'roads'),
        'OUTPUT_SUMMARY': uri(out, 'summary')})
    return {name: uri(out, name) for name in names}, result, feedback


def test_evacuation_plan_keeps_capacities_and_accounts_for_everyone(plan, community_db):
    paths, result, feedback = plan
    rows = features(paths['assignments'])
    population = {f.id(): f['population'] for f in features(uri(community_db, 'population'))}
    per_unit = {}
    for r in rows:
        per_unit[r['demand_id']] = per_unit.get(r['demand_id'], 0.0) + r['people']
        assert r['status'] in ('placed', 'no_capacity_left', 'unreachable', 'unknown_capacity')
        assert (r['shelter_id'] is not None) == (r['status'] == 'placed')
    # every person is placed or counted unplaced with a reason, never dropped
    for fid, people in population.items():
        assert per_unit.get(fid, 0.0) == pytest.approx(people or 0.0)
    shelters = features(paths['shelters'])
    placed = {}
    for r in rows:
        if r['status'] == 'placed':
            placed[r['shelter_id']] = placed.get(r['shelter_id'], 0.0) + r['people']
    for s in shelters:
        assert s['people'] == pytest.approx(placed.get(s['shelter_id'], 0.0))
        if s['capacity'] is None:
            assert s['people'] == 0   # unknown capacity: takes nobody
        else:
            assert s['people'] <= s['capacity'] + 1e-6
    summary = features(paths['summary'])[0]
    assert summary['placed'] == pytest.approx(sum(placed.values()))
    assert summary['population'] == pytest.approx(sum(v or 0 for v in population.values()))
    unplaced = {code: sum(r['people'] for r in rows if r['status'] == code)
                for code in ('no_capacity_left', 'unreachable', 'unknown_capacity')}
    assert summary['unplaced_no_capacity'] == pytest.approx(unplaced['no_capacity_left'])
    assert summary['unplaced_unreachable'] == pytest.approx(unplaced['unreachable'])
    assert summary['person_distance_km'] == pytest.approx(
        sum(r['people'] * r['distance_m'] for r in rows if r['status'] == 'placed') / 1000.0)
    assert summary['placed'] + sum(unplaced.values()) == pytest.approx(summary['population'])
    assert any('Solved exactly' in line for line in feedback.infos)
    assert any('Nearest shelter regardless of capacity' in line for line in feedback.infos)


def test_routes_are_as_long_as_their_distance_and_roads_count_their_people(plan):
    paths, _, _ = plan
    routes = features(paths['routes'])
    assignments = {(r['demand_id'], r['shelter_id']): r for r in features(paths['assignments'])
                   if r['status'] == 'placed'}
    assert len(routes) == len(assignments) > 20
    for route in routes:
        row = assignments[(route['demand_id'], route['shelter_id'])]
        assert route['people'] == pytest.approx(row['people'])
        assert route.geometry().length() == pytest.approx(route['length_m'], abs=1e-6)
        # drawn along the roads: the distance plus straight joins across snapped gaps (within 0.5 m each)
        assert row['distance_m'] - 1e-6 <= route['length_m'] <= row['distance_m'] + 5.0
    # the busiest road segments: the people of every route that runs along them (not only across)
    for road in sorted(features(paths['roads']), key=lambda f: -f['people'])[:5]:
        # (within a millimetre: where a shelter's entrance splits a road, the route's vertex there is interpolated)
        near = road.geometry().buffer(0.001, 4)
        along = sum(r['people'] for r in routes if r.geometry().intersection(near).length() > 0.01)
        assert road['people'] == pytest.approx(along)


def test_nearest_shelter_agrees_with_population_coverage(community_db, run):
    shelters = memory_shelters(community_db, lambda area: area / 3.0)
    common = {'FACILITIES': shelters, 'NETWORK': uri(community_db, 'road_network'), 'MAX_DISTANCE': 1500,
              'DEMAND': uri(community_db, 'population'), 'DEMAND_FIELD': 'population'}
    evacuation, _ = run('resilience:evacuation_plan', {
        'SHELTERS': shelters, 'CAPACITY_FIELD': 'capacity', **{k: v for k, v in common.items() if k != 'FACILITIES'},
        'OUTPUT': 'TEMPORARY_OUTPUT', 'OUTPUT_SUMMARY': 'TEMPORARY_OUTPUT'})
    coverage, _ = run('resilience:population_coverage', dict(common, OUTPUT_DEMAND='TEMPORARY_OUTPUT'))
    by_unit = {f['demand_id']: f for f in features(evacuation['OUTPUT'])}
    checked = 0
    for unit in features(coverage['OUTPUT_DEMAND']):
        if not unit['covered'] or unit['population_used'] <= 0:
            continue
        row = by_unit[unit.id()]
        assert row['nearest_distance_m'] == pytest.approx(unit['distance_m'], abs=1e-6)
        checked += 1
    assert checked > 5
    summary = features(evacuation['OUTPUT_SUMMARY'])[0]
    assert summary['nearest_person_distance_km'] * 1000.0 <= summary['person_distance_km'] * 1000.0 + 1e-6


@pytest.mark.parametrize('capacity,everyone', [(lambda area: 1e6, True), (lambda area: 40.0, False)])
def test_everyone_reachable_is_placed_when_capacity_suffices(community_db, run, capacity, everyone):
    shelters = memory_shelters(community_db, capacity)
    result, _ = run('resilience:evacuation_plan', {
        'SHELTERS': shelters, 'CAPACITY_FIELD': 'capacity', 'NETWORK': uri(community_db, 'road_network'),
        'MAX_DISTANCE': 1500, 'DEMAND': uri(community_db, 'population'), 'DEMAND_FIELD': 'population',
        'OUTPUT': 'TEMPORARY_OUTPUT', 'OUTPUT_SHELTERS': 'TEMPORARY_OUTPUT', 'OUTPUT_SUMMARY': 'TEMPORARY_OUTPUT'})
    summary = features(result['OUTPUT_SUMMARY'])[0]
    loads = features(result['OUTPUT_SHELTERS'])
    if everyone:
        assert summary['unplaced_no_capacity'] == 0 and summary['placed'] > 0
        assert summary['placed'] + summary['unplaced_unreachable'] == pytest.approx(summary['population'])
    else:
        assert summary['unplaced_no_capacity'] > 0
        # short of places: shelters that anyone can reach are full
        full = [s for s in loads if s['people'] > 0]
        assert all(s['people'] <= 40.0 + 1e-6 for s in loads)
        assert sum(s['people'] for s in full) == pytest.approx(summary['placed'])


def test_evacuation_plan_explains_bad_input(community_db, run):
    common = {'SHELTERS': uri(community_db, 'shelter_candidates'), 'NETWORK': uri(community_db, 'road_network'),
              'MAX_DISTANCE': 1000, 'DEMAND': uri(community_db, 'population'), 'DEMAND_FIELD': 'population',
              'OUTPUT': 'TEMPORARY_OUTPUT'}
    with pytest.raises(QgsProcessingException, match='CAPACITY_FIELD'):
        run('resilience:evacuation_plan', common)
    negative = memory_shelters(community_db, lambda area: -5.0)
    with pytest.raises(QgsProcessingException, match='Negative capacity'):
        run('resilience:evacuation_plan', dict(common, SHELTERS=negative, CAPACITY_FIELD='capacity'))


def incident_layer(db, personnel):
    name, point = incident_point(db)
    layer = QgsVectorLayer('Point?crs=EPSG:3067&field=name:string&field=personnel:double', 'incident', 'memory')
    feature = QgsFeature(layer.fields())
    feature.setGeometry(point)
    feature.setAttributes([name, personnel])
    layer.dataProvider().addFeatures([feature])
    return layer


def test_dispatch_sends_the_earliest_forces_and_reports_coverage(community_db, run):
    incident = incident_layer(community_db, 30.0)
    common = {'NETWORK': uri(community_db, 'road_network'), 'MAX_TIME': 20, 'SPEED_KMH': 30,
              'DELAY_FIELD': 'turnout_min'}
    result, feedback = run('resilience:dispatch', dict(
        common, FORCES=uri(community_db, 'emergency_forces'), INCIDENTS=incident, REQUIRED_FIELD='personnel', HOUR=14,
        COMMUNITIES=uri(community_db, 'communities'), DEMAND=uri(community_db, 'population'),
        DEMAND_FIELD='population', OUTPUT='TEMPORARY_OUTPUT', OUTPUT_INCIDENTS='TEMPORARY_OUTPUT',
        OUTPUT_COVERAGE='TEMPORARY_OUTPUT'))
    sent = features(result['OUTPUT'])
    inc = features(result['OUTPUT_INCIDENTS'])[0]
    forces = {f.id(): f for f in features(uri(community_db, 'emergency_forces'))}
    assert inc['required'] == 30 and inc['met']
    assert inc['sent'] == pytest.approx(sum(f['personnel'] for f in sent)) and inc['sent'] >= 30
    arrivals = sorted(f['arrival_min'] for f in sent)
    assert inc['time_met_min'] == pytest.approx(arrivals[-1]) and inc['first_arrival_min'] == pytest.approx(arrivals[0])
    assert len({f['force_id'] for f in sent}) == len(sent)
    for f in sent:
        assert f['turnout_min'] == pytest.approx(forces[f['force_id']]['turnout_min'])
        assert f['arrival_min'] == pytest.approx(f['turnout_min'] + f['travel_min'])
        assert f.geometry().length() == pytest.approx(f['length_m'], abs=1e-6)
    # the volunteer team (18-8 h) is off at 14 h; the others are ready
    volunteers = [fid for fid, f in forces.items() if f['force_kind'] == 'rescue_team']
    assert not {f['force_id'] for f in sent} & set(volunteers)
    assert any('5 of 6 forces are available' in line for line in feedback.infos)
    # arrival of the first force: the nearest available force by population_coverage's travel time
    available = QgsVectorLayer(uri(community_db, 'emergency_forces'), 'forces', 'ogr')
    available.setSubsetString('"force_kind" <> \'rescue_team\'')
    nearest, _ = run('resilience:population_coverage', dict(
        common, FACILITIES=available, DEMAND=incident, DEMAND_FIELD='personnel', OUTPUT_DEMAND='TEMPORARY_OUTPUT'))
    assert features(nearest['OUTPUT_DEMAND'])[0]['time_min'] == pytest.approx(inc['first_arrival_min'], abs=1e-6)
    # community coverage: residents reached within the limit, as population_coverage counts them per community
    coverage = {f['community']: f for f in features(result['OUTPUT_COVERAGE'])}
    assert set(coverage) == {f['name'] for f in features(uri(community_db, 'communities'))}
    for row in coverage.values():
        assert 0 <= row['share_covered'] <= 1 and row['forces_within'] <= 5


def test_dispatch_reports_a_shortfall(community_db, run):
    incident = incident_layer(community_db, 1000.0)
    result, feedback = run('resilience:dispatch', {
        'FORCES': uri(community_db, 'emergency_forces'), 'NETWORK': uri(community_db, 'road_network'),
        'MAX_TIME': 20, 'SPEED_KMH': 30, 'INCIDENTS': incident, 'REQUIRED_FIELD': 'personnel',
        'OUTPUT': 'TEMPORARY_OUTPUT', 'OUTPUT_INCIDENTS': 'TEMPORARY_OUTPUT'})
    inc = features(result['OUTPUT_INCIDENTS'])[0]
    assert not inc['met'] and inc['shortfall'] == pytest.approx(1000.0 - inc['sent'])
    assert any('short by' in line for line in feedback.warnings)
    with pytest.raises(QgsProcessingException, match='MAX_TIME'):
        run('resilience:dispatch', {'FORCES': uri(community_db, 'emergency_forces'),
                                    'NETWORK': uri(community_db, 'road_network'), 'MAX_DISTANCE': 1000,
                                    'INCIDENTS': incident, 'OUTPUT': 'TEMPORARY_OUTPUT'})
    assert DEFAULT_REQUIRED_PERSONNEL == 13


def test_resilience_index_from_the_database_and_results(community_db, plan, run, tmp_path):
    paths, _, _ = plan
    chart = str(tmp_path / 'radar.png')
    result, feedback = run('resilience:resilience_index', {
        'COMMUNITIES': uri(community_db, 'communities'), 'DEMAND': uri(community_db, 'population'),
        'DEMAND_FIELD': 'population', 'DATABASE': community_db, 'SHELTERS': paths['shelters'],
        'CAPACITY_FIELD': 'capacity', 'NETWORK': uri(community_db, 'road_network'), 'DRAWS': 200,
        'OUTPUT': 'TEMPORARY_OUTPUT', 'OUTPUT_TABLE': 'TEMPORARY_OUTPUT', 'OUTPUT_CHART': chart})
    rows = {f['community']: f for f in features(result['OUTPUT'])}
    communities = {f['name']: f.geometry() for f in features(uri(community_db, 'communities'))}
    assert set(rows) == set(communities)
    people = {name: 0.0 for name in communities}
    for cell in features(uri(community_db, 'population')):
        point = cell.geometry().pointOnSurface()
        for name, shape in communities.items():
            if shape.contains(point):
                people[name] += cell['population'] or 0
    staff = {name: 0.0 for name in communities}
    for force in features(uri(community_db, 'emergency_forces')):
        for name, shape in communities.items():
            if shape.contains(force.geometry()):
                staff[name] += force['personnel']
    entered = {(f['community'], f['indicator']): f['value'] for f in features(uri(community_db, 'community_indicators'))}
    for name, row in rows.items():
        assert row['residents'] == pytest.approx(people[name])
        assert row['forces_per_10k'] == pytest.approx(staff[name] / people[name] * 10000.0)
        assert row['elderly_share'] == pytest.approx(entered[(name, 'elderly_share')])
        dims = [row['dim_' + d] for d in ('infrastructure', 'social', 'economic', 'institutional', 'environmental')]
        present = [d for d in dims if d is not None]
        assert row['resilience_index'] == pytest.approx(sum(present) / len(present))   # equal dimension weights
        assert row['rank_min'] <= row['rank'] <= row['rank_max'] and 0 <= row['rank_stability'] <= 1
    ranked = sorted(rows.values(), key=lambda r: -r['resilience_index'])
    assert [r['rank'] for r in ranked] == list(range(1, len(ranked) + 1))
    table = features(result['OUTPUT_TABLE'])
    assert {f['indicator'] for f in table} >= {'forces_per_10k', 'elderly_share', 'road_redundancy'}
    assert all(f['standard'] for f in table if f['indicator'] == 'forces_per_10k')
    with open(chart, 'rb') as handle:
        assert handle.read(8) == b'\x89PNG\r\n\x1a\n'
    assert any('Spearman' in line for line in feedback.infos)
    # editable weights: infrastructure alone makes the index its infrastructure score
    only, _ = run('resilience:resilience_index', {
        'COMMUNITIES': uri(community_db, 'communities'), 'DEMAND': uri(community_db, 'population'),
        'DEMAND_FIELD': 'population', 'DATABASE': community_db, 'SHELTERS': paths['shelters'],
        'NETWORK': uri(community_db, 'road_network'), 'DRAWS': 0,
        'DIMENSION_WEIGHTS': ['infrastructure', 1, 'social', 0], 'OUTPUT': 'TEMPORARY_OUTPUT'})
    for row in features(only['OUTPUT']):
        assert row['resilience_index'] == pytest.approx(row['dim_infrastructure'])
    with pytest.raises(QgsProcessingException, match='DIMENSION_WEIGHTS has a bad row'):
        run('resilience:resilience_index', {
            'COMMUNITIES': uri(community_db, 'communities'), 'DEMAND': uri(community_db, 'population'),
            'DEMAND_FIELD': 'population', 'DIMENSION_WEIGHTS': ['housing', 1], 'OUTPUT': 'TEMPORARY_OUTPUT'})


def pdf_text(path):
    """The text of a PDF (NFKC: CJK radicals some fonts map their glyphs to read as the characters)."""
    import unicodedata
    return unicodedata.normalize('NFKC', subprocess.run(['pdftotext', '-layout', path, '-'], capture_output=True,
                                                        check=True, text=True).stdout)


@pytest.mark.parametrize('language,heading', [('en', 'Community risk map'), ('zh_CN', '社区')])
def test_community_risk_maps_one_page_per_community(community_db, plan, run, tmp_path, language, heading):
    paths, _, _ = plan
    folder = str(tmp_path / 'maps')
    result, _ = run('resilience:community_risk_map', {
        'COMMUNITIES': uri(community_db, 'communities'), 'DATABASE': community_db,
        'DEMAND': uri(community_db, 'population'), 'DEMAND_FIELD': 'population', 'ROUTES': paths['routes'],
        'SHELTER_LOADS': paths['shelters'], 'LANGUAGE': language, 'OUTPUT': folder})
    names = [f['name'] for f in features(uri(community_db, 'communities'))]
    assert result['PAGE_COUNT'] == len(names) == 5
    with open(os.path.join(folder, 'community_maps.json'), encoding='utf-8') as handle:
        manifest = json.load(handle)
    assert sorted(os.listdir(folder)) == sorted(manifest['files'] + ['community_maps.json'])
    atlas = pdf_text(result['ATLAS'])
    assert atlas.count('\f') >= 5
    contacts = features(uri(community_db, 'community_contacts'))
    for k, name in enumerate(names):
        stem = os.path.join(folder, '{:02d}_{}'.format(k + 1, name))
        assert os.path.getsize(stem + '.png') > 50000
        page = pdf_text(stem + '.pdf')
        assert heading in page and name in page
        # the contacts table lists this community's phones and no other's
        mine = {c['phone'] for c in contacts if c['community'] == name}
        others = {c['phone'] for c in contacts if c['community'] != name}
        assert all(phone in page for phone in mine) and not any(phone in page for phone in others)
        assert 'OpenStreetMap' in page   # attribution
    # a second run replaces the maps; a folder holding a file of the user's is refused and left untouched
    run('resilience:community_risk_map', {'COMMUNITIES': uri(community_db, 'communities'), 'DATABASE': community_db,
                                          'LANGUAGE': language, 'OUTPUT': folder})
    with open(os.path.join(folder, 'notes.txt'), 'w') as handle:
        handle.write('mine')
    before = sorted(os.listdir(folder))
    with pytest.raises(QgsProcessingException, match='did not write'):
        run('resilience:community_risk_map', {'COMMUNITIES': uri(community_db, 'communities'),
                                              'DATABASE': community_db, 'LANGUAGE': language, 'OUTPUT': folder})
    assert sorted(os.listdir(folder)) == before


def test_planning_report_gains_the_community_section(community_db, plan, run, tmp_path):
    paths, _, _ = plan
    summary = features(paths['summary'])[0]
    result, _ = run('resilience:planning_report', {
        'DATABASE': community_db, 'EVACUATION_SUMMARY': paths['summary'], 'LANGUAGE': 'en',
        'OUTPUT': str(tmp_path / 'report.pdf')})
    text = ' '.join(pdf_text(result['OUTPUT']).split())
    assert 'Community resilience' in text
    assert 'Evacuation plan: {:,.0f} of {:,.0f} people are placed'.format(summary['placed'],
                                                                         summary['population']) in text


def test_community_geometry_counts_cancel_and_names(community_db, tmp_path):
    """The community layer written by the demo data holds the population-grid cells it was made of."""
    total = sum(f['population'] for f in features(uri(community_db, 'communities')))
    cells = 0.0
    shapes = [f.geometry() for f in features(uri(community_db, 'communities'))]
    union = QgsGeometry.unaryUnion(shapes)
    for cell in features(uri(community_db, 'population')):
        if union.contains(cell.geometry().pointOnSurface()):
            cells += cell['population'] or 0
    assert total == pytest.approx(cells) and total > 1000
