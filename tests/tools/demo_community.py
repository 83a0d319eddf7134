"""The community part of the Helsinki demo: evacuation plan, community risk maps (English and Chinese), dispatch
for a sample incident and the resilience index, on the community data of tools/community_data.py."""
import time
from pathlib import Path

from tools.community_data import incident_point


def run(title, algorithm_id, parameters):
    import processing
    from tools.qgis_env import RecordingFeedback
    started = time.time()
    feedback = RecordingFeedback()
    result = processing.run(algorithm_id, parameters, feedback=feedback)
    print('  {:<34} {:6.1f} s'.format(title, time.time() - started))
    for warning in feedback.warnings[:4]:
        print('    warning:', warning if len(warning) < 240 else warning[:240] + ' ...')
    return result, feedback


def community_demo(out, db, coverage_paths, project):
    """Run the community algorithms for Helsinki; add their layers to ``project``. Returns (lines, paths)."""
    from qgis.core import QgsFeature, QgsVectorLayer
    from resilience_plugin.definitions import PRESETS_BY_KEY, THEME_COMMUNITY
    from resilience_plugin.qgis_io.database import layer_uri
    from resilience_plugin.qgis_io.project import add_layer
    from resilience_plugin.qgis_io.result_styles import (style_dispatch, style_evacuation_routes,
                                                         style_plan_shelters, style_resilience_index,
                                                         style_road_loads)
    out = Path(out)
    uri = {name: layer_uri(db, name) for name in ('communities', 'population', 'road_network', 'shelter_candidates',
                                                  'hidden_dangers', 'emergency_forces')}
    preset = list(PRESETS_BY_KEY).index('shelter_fixed_mid') + 1
    paths = {'residents': str(out / 'community_residents.gpkg'), 'evacuation': str(out / 'evacuation_plan.gpkg'),
             'danger_zones': str(out / 'hidden_danger_zones.gpkg'), 'dispatch': str(out / 'dispatch.gpkg'),
             'index': str(out / 'resilience_index.gpkg'), 'radar': str(out / 'resilience_radar.png')}
    plan = {name: '{}|layername={}'.format(paths['evacuation'], name)
            for name in ('assignments', 'routes', 'shelters', 'roads', 'summary')}
    run('residents of the communities', 'native:extractbylocation', {
        'INPUT': uri['population'], 'PREDICATE': [6], 'INTERSECT': uri['communities'], 'OUTPUT': paths['residents']})
    residents = {'DEMAND': paths['residents'], 'DEMAND_FIELD': 'population'}
    evacuation, feedback = run('evacuation plan (fixed shelters)', 'resilience:evacuation_plan', dict(
        residents, SHELTERS=uri['shelter_candidates'], CAPACITY_FIELD='capacity_persons', ID_FIELD='name',
        PRESET=preset, NETWORK=uri['road_network'], OUTPUT=plan['assignments'], OUTPUT_ROUTES=plan['routes'],
        OUTPUT_SHELTERS=plan['shelters'], OUTPUT_ROADS=plan['roads'], OUTPUT_SUMMARY=plan['summary']))
    run('influence zones of hidden dangers', 'resilience:risk_influence_zones', {
        'RISK_SOURCES': uri['hidden_dangers'], 'KIND_FIELD': 'danger_kind', 'OUTPUT': paths['danger_zones']})
    name, point = incident_point(db)
    incident = QgsVectorLayer('Point?crs=EPSG:3067&field=name:string&field=personnel:double', 'incident', 'memory')
    feature = QgsFeature(incident.fields())
    feature.setGeometry(point)
    feature.setAttributes(['Sample incident: building fire in {}'.format(name), 30.0])
    incident.dataProvider().addFeatures([feature])
    dispatch = {name: '{}|layername={}'.format(paths['dispatch'], name) for name in ('forces', 'incidents', 'coverage')}
    dispatched, _ = run('dispatch for a sample incident', 'resilience:dispatch', dict(
        residents, FORCES=uri['emergency_forces'], NETWORK=uri['road_network'], DELAY_FIELD='turnout_min',
        MAX_TIME=15, SPEED_KMH=30, HOUR=14, INCIDENTS=incident, REQUIRED_FIELD='personnel',
        COMMUNITIES=uri['communities'], OUTPUT=dispatch['forces'], OUTPUT_INCIDENTS=dispatch['incidents'],
        OUTPUT_COVERAGE=dispatch['coverage']))
    index = {name: '{}|layername={}'.format(paths['index'], name) for name in ('index', 'indicators')}
    run('resilience index', 'resilience:resilience_index', dict(
        residents, COMMUNITIES=uri['communities'], DATABASE=db, SHELTERS=plan['shelters'], CAPACITY_FIELD='capacity',
        SHELTER_COVERAGE=coverage_paths['shelter_coverage'], FIRE_COVERAGE=coverage_paths['fire_coverage'],
        NETWORK=uri['road_network'], RISK_ZONES=paths['danger_zones'], OUTPUT=index['index'],
        OUTPUT_TABLE=index['indicators'], OUTPUT_CHART=paths['radar']))
    maps = {}
    for language in ('en', 'zh_CN'):
        folder = str(out / 'community_maps_{}'.format(language))
        result, _ = run('community risk maps ({})'.format(language), 'resilience:community_risk_map', dict(
            residents, COMMUNITIES=uri['communities'], DATABASE=db, ROUTES=plan['routes'],
            SHELTER_LOADS=plan['shelters'], RISK_ZONES=paths['danger_zones'], LANGUAGE=language, OUTPUT=folder))
        maps[language] = result

    def layer(source, title, style=None):
        lyr = QgsVectorLayer(source, title, 'ogr')
        if not lyr.isValid():
            raise SystemExit('Could not read ' + source)
        return add_layer(style(lyr) if style else lyr, THEME_COMMUNITY, project)

    layer(dispatch['forces'], 'Dispatched forces (sample incident)', style_dispatch)
    layer(plan['shelters'], 'Shelter loads of the evacuation plan', style_plan_shelters)
    layer(plan['routes'], 'Evacuation routes', style_evacuation_routes)
    layer(plan['roads'], 'People per road segment', style_road_loads)
    index_layer = layer(index['index'], 'Resilience index', style_resilience_index)
    project.layerTreeRoot().findLayer(index_layer.id()).setItemVisibilityChecked(False)

    summary = next(QgsVectorLayer(plan['summary'], '', 'ogr').getFeatures())
    lines = ['Community resilience (5 communities of central Helsinki, {:.0f} residents):'.format(summary['population']),
             '  evacuation to {} shelter sites within {:.0f} m ({} with capacity from their area, 3 m2 per person):'
             .format(summary['shelters'], summary['limit'], summary['shelters'] - summary['shelters_unknown_capacity']),
             '    placed {:.0f}; unplaced {:.0f} (no capacity left) + {:.0f} (no shelter within the limit)'.format(
                 summary['placed'], summary['unplaced_no_capacity'], summary['unplaced_unreachable']),
             '    optimum person-distance {:.1f} km ({:.0f} m per person) vs nearest shelter {:.1f} km ({:.0f} m), '
             'which overloads {} shelters by {:.0f} people; LP {:.3f} s, {} variables'.format(
                 summary['person_distance_km'], summary['mean_distance_m'], summary['nearest_person_distance_km'],
                 summary['nearest_mean_distance_m'], summary['nearest_overloaded'],
                 summary['nearest_people_over_capacity'], summary['solve_s'], summary['variables'])]
    for f in QgsVectorLayer(dispatch['incidents'], '', 'ogr').getFeatures():
        lines.append('  dispatch: {:.0f} personnel needed at "{}": {} forces, met at {} min'.format(
            f['required'], f['name'], f['forces'], '{:.1f}'.format(f['time_met_min']) if f['met'] else 'never'))
    ranked = sorted(QgsVectorLayer(index['index'], '', 'ogr').getFeatures(), key=lambda f: f['rank'] or 99)
    lines.append('  resilience index: ' + ', '.join('{}. {} {:.2f} (rank kept {:.0%})'.format(
        f['rank'], f['community'], f['resilience_index'], f['rank_stability']) for f in ranked))
    for language, result in maps.items():
        lines.append('  community maps ({:<5}) {} ({} pages, PDF and PNG each)'.format(
            language, result['OUTPUT'], result['PAGE_COUNT']))
    paths.update(maps=maps, report={'EVACUATION_SUMMARY': plan['summary'], 'RESILIENCE_INDEX': index['index'],
                                    'FORCE_COVERAGE': dispatch['coverage']})   # planning_report's parameters
    return lines, paths
