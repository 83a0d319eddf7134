"""The main job, on real data: a planning database for central Helsinki, validated, in a QGIS project.

    make demo            (or: .venv/bin/python tests/tools/demo.py --output build/demo)

Inputs (copied into tests/data with their attribution): the OpenStreetMap extract of central
Helsinki (c) OpenStreetMap contributors, ODbL 1.0, and the HSY population grid 2020, CC BY 4.0.
"""
import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / 'tests'))
from tools.qgis_env import RecordingFeedback, start_qgis  # noqa: E402

DATA = ROOT / 'tests' / 'data' / 'helsinki'
RUTLAND = ROOT / 'tests' / 'data' / 'rutland' / 'rutland-latest.osm.pbf'
ATTRIBUTION = ('Data: (c) OpenStreetMap contributors, ODbL 1.0; population grid 2020 (c) Helsinki Region '
               'Environmental Services HSY, CC BY 4.0')


def step(title, algorithm_id, parameters):
    import processing
    started = time.time()
    feedback = RecordingFeedback()
    result = processing.run(algorithm_id, parameters, feedback=feedback)
    print('  {:<34} {:6.1f} s'.format(title, time.time() - started))
    for warning in feedback.warnings[:5]:
        print('    warning:', warning if len(warning) < 240 else warning[:240] + ' ...')
    return result


def render_overview(project, extent_layers, path, width=1400):
    """Render the project's layers over the extent of ``extent_layers`` to a PNG, to look at the project."""
    from qgis.core import QgsMapRendererParallelJob, QgsMapSettings, QgsRectangle
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor
    extent = QgsRectangle()
    for layer in extent_layers:
        extent.combineExtentWith(layer.extent())
    extent.scale(1.05)
    settings = QgsMapSettings()
    settings.setLayers([n.layer() for n in project.layerTreeRoot().findLayers()
                        if n.layer().featureCount() and n.isVisible()])
    settings.setDestinationCrs(project.crs())
    settings.setBackgroundColor(QColor('white'))
    settings.setOutputSize(QSize(width, int(width * extent.height() / extent.width())))
    settings.setExtent(extent)
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    job.renderedImage().save(path)
    return path


def first_view(project, extent_layer, themes_off=(), layers_off=()):
    """What the project shows when it opens: the data's extent, few layers on (a theme switched off keeps its
    layers checked, so the dock's theme box brings them back), and coordinate operations this machine has.

    ``themes_off``: untranslated theme names; ``layers_off``: layers (kinds' titles or result layer names)."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsDatumTransform, QgsReferencedRectangle
    from resilience_plugin.qgis_io.project import find_theme_group
    root = project.layerTreeRoot()
    for theme in themes_off:
        group = find_theme_group(root, theme)
        if group is not None:
            group.setItemVisibilityChecked(False)
            group.setExpanded(False)
    for node in root.findLayers():
        if node.layer().name() in layers_off:
            node.setItemVisibilityChecked(False)
        node.setExpanded(node.isVisible())   # legends of the layers on, the others folded
    view = extent_layer.extent()
    view.scale(1.05)
    project.viewSettings().setDefaultViewExtent(QgsReferencedRectangle(view, extent_layer.crs()))
    # QGIS transforms to WGS 84 for its own displays; where the most accurate operation needs a grid this
    # machine lacks it warns ("Cannot use preferred transform"): pin the best operation available.
    wgs84 = QgsCoordinateReferenceSystem('EPSG:4326')
    context = project.transformContext()
    for source, target in ((project.crs(), wgs84), (wgs84, project.crs())):
        operations = QgsDatumTransform.operations(source, target)
        if operations and not operations[0].isAvailable:
            usable = [op for op in operations if op.isAvailable]
            if usable:
                context.addCoordinateOperation(source, target, usable[0].proj)
    project.setTransformContext(context)


def helsinki_coverage(out, db, project):
    """Shelter and fire-station coverage of the Helsinki population, and three new shelter sites.

    Writes the result layers into ``out``, adds them to ``project`` (themes Shelters / Facilities) and
    returns the key figures as lines to print.
    """
    from qgis.core import QgsVectorLayer
    from resilience_plugin.definitions import COVERAGE_PRESETS, THEME_FACILITIES, THEME_SHELTERS
    from resilience_plugin.qgis_io.result_styles import (FIRE_COLOURS, SHELTER_COLOURS, format_load,
                                                         style_chosen_sites, style_coverage_demand,
                                                         style_facility_loads, style_service_areas)
    from resilience_plugin.qgis_io.database import layer_uri
    from resilience_plugin.qgis_io.project import add_layer
    preset = {p.key: i + 1 for i, p in enumerate(COVERAGE_PRESETS)}  # PRESET 0 is "custom"
    network = {'NETWORK': layer_uri(db, 'road_network')}
    demand = {'DEMAND': layer_uri(db, 'population'), 'DEMAND_FIELD': 'population'}
    shelters, fire = layer_uri(db, 'shelters'), layer_uri(db, 'facilities')
    paths = {name: str(out / (name + '.gpkg')) for name in (
        'shelter_coverage', 'shelter_loads', 'shelter_summary', 'shelter_service_areas',
        'shelter_service_area_polygons', 'fire_coverage',
        'fire_summary', 'fire_service_areas', 'new_shelter_sites', 'new_shelter_sites_summary')}
    shelter = dict(network, FACILITIES=shelters, PRESET=preset['shelter_emergency'])
    step('shelter coverage (500 m walk)', 'resilience:population_coverage', dict(
        shelter, **demand, CAPACITY_FIELD='capacity_persons', OUTPUT_DEMAND=paths['shelter_coverage'],
        OUTPUT_FACILITIES=paths['shelter_loads'], OUTPUT_SUMMARY=paths['shelter_summary']))
    step('shelter service areas', 'resilience:service_areas', dict(
        shelter, OUTPUT_LINES=paths['shelter_service_areas'], OUTPUT_POLYGONS=paths['shelter_service_area_polygons'],
        OUTPUT_FACILITIES='TEMPORARY_OUTPUT'))
    station = dict(network, FACILITIES=fire, PRESET=preset['fire_4min'], DELAY_FIELD='turnout_min')
    step('fire-station coverage (4 min drive)', 'resilience:population_coverage', dict(
        station, **demand, OUTPUT_DEMAND=paths['fire_coverage'], OUTPUT_SUMMARY=paths['fire_summary']))
    step('fire-station service areas', 'resilience:service_areas', dict(
        station, OUTPUT_LINES=paths['fire_service_areas']))
    step('site selection: 3 new shelters', 'resilience:site_selection', dict(
        shelter, **demand, CANDIDATES=layer_uri(db, 'shelter_candidates'), K=3, OUTPUT=paths['new_shelter_sites'],
        OUTPUT_SUMMARY=paths['new_shelter_sites_summary']))

    def layer(name, title):
        lyr = QgsVectorLayer(paths[name], title, 'ogr')
        if not lyr.isValid():
            raise SystemExit('Could not read ' + paths[name])
        return lyr

    def names(path_key):
        return {f['facility_id']: f['name'] or 'id {}'.format(f['facility_id'])
                for f in layer(path_key, '').getFeatures()}

    # Shelters: new sites on top, then service areas, loads, covered / uncovered population.
    add_layer(style_chosen_sites(layer('new_shelter_sites', 'New shelter sites (3 chosen)')), THEME_SHELTERS, project,
              position=0)
    loads = style_facility_loads(layer('shelter_loads', 'Shelter loads'))
    add_layer(loads, THEME_SHELTERS, project)
    add_layer(style_service_areas(layer('shelter_service_areas', 'Shelter service areas (500 m)'),
                                  names=names('shelter_loads'), width=1.2, colours=SHELTER_COLOURS),
              THEME_SHELTERS, project)
    add_layer(style_coverage_demand(layer('shelter_coverage', 'Population within 500 m of a shelter')),
              THEME_SHELTERS, project)
    # Fire stations: service areas drawn; the covered population is in the project, switched off.
    fire_lines = layer('fire_service_areas', 'Fire-station service areas (4 min)')
    add_layer(style_service_areas(fire_lines, names={f.id(): f['name'] for f in QgsVectorLayer(
        fire, '', 'ogr').getFeatures()}, width=0.35, colours=FIRE_COLOURS, opacity=0.7), THEME_FACILITIES, project)
    fire_demand = add_layer(style_coverage_demand(layer('fire_coverage', 'Population within 4 min of a fire station')),
                            THEME_FACILITIES, project)
    project.layerTreeRoot().findLayer(fire_demand.id()).setItemVisibilityChecked(False)

    lines = ['Coverage of the population (central Helsinki):']
    for title, key in (('shelters, 500 m walk', 'shelter_summary'), ('fire stations, 4 min drive', 'fire_summary')):
        total = next(layer(key, '').getFeatures())
        lines.append('  {:<28} covered {:>7.0f} of {:.0f} ({:.1%}), uncovered {:.0f}'.format(
            title, total['covered'], total['population'], total['share_covered'], total['uncovered']))
    loaded = [f for f in loads.getFeatures() if isinstance(f['load_ratio'], float)]
    if loaded:
        worst = max(loaded, key=lambda f: f['load_ratio'])
        lines.append('  most loaded shelter: {} - {:.0f} people for {:.0f} places (load {} of capacity, {})'.format(
            worst['name'] or 'id {}'.format(worst['facility_id']), worst['population'], worst['capacity'],
            format_load(worst['load_ratio']), 'overloaded' if worst['overloaded'] else 'within capacity'))
    summary = next(layer('new_shelter_sites_summary', '').getFeatures())
    lines.append('  3 new shelter sites (greedy, >= 63% of the optimum guaranteed):')
    for f in sorted(layer('new_shelter_sites', '').getFeatures(), key=lambda f: f['rank']):
        lines.append('    {}. {:<40} +{:.0f} people (covered then {:.0f})'.format(
            f['rank'], f['name'] or 'candidate {}'.format(f['candidate_id']), f['gain'], f['covered_after']))
    lines.append('    covered {:.0f} -> {:.0f} ({:.1%} -> {:.1%}); best possible gain <= {:.0f} ({}), reached {:.1%}'
                 .format(summary['covered_before'], summary['covered_after'], summary['share_before'],
                         summary['share_after'], summary['upper_bound_added'], summary['bound_method'],
                         summary['share_of_bound']))
    return lines, paths


def helsinki_lifelines(out, db, project):
    """Lifeline systems on generated networks: OSM maps almost no water mains or cables in the extract, so water mains
    and power cables are generated along its streets, with two pump stations, valves and switches (all marked as
    generated in the database); dependencies come from the default rules. One failure (the most critical water main
    of the N-1 scan) and one disaster chain (a generated flood over the substation) run on them."""
    from qgis.core import QgsVectorLayer
    from resilience_plugin.definitions import THEME_LIFELINES
    from resilience_plugin.qgis_io.project import add_layer
    from resilience_plugin.qgis_io.result_styles import (make_temporal, style_criticality, style_isolation_devices,
                                                         style_lifeline_events)
    from resilience_plugin.qgis_io.storage import open_store
    from tools.lifeline_demo import PUMP_IDS, add_generated_lifelines, write_flood_raster
    generated = add_generated_lifelines(db)
    print('  generated lifelines                 {} water mains, {} power cables, 2 pump stations'.format(
        len(generated['water']), len(generated['power'])))
    for network in ('water_supply', 'power'):
        step('generated {} devices'.format(network), 'resilience:generate_isolation_devices',
             {'DATABASE': db, 'NETWORK': network, 'OFFSET': 3.0})
    step('dependencies (default rules)', 'resilience:lifeline_dependencies', {'DATABASE': db, 'OUTPUT': 'memory:'})
    store = open_store(db)
    # the east pump station is given a 4-hour generator (generated too), to show a backup in the chain
    store.update_rows('dependencies', ('dependent_asset_id', 'kind'), ('backup_hours', 'remarks'),
                      [(PUMP_IDS[1], 'power_supply', 4.0, 'Generated for the demo: a 4-hour standby generator')])
    paths = {name: str(out / (name + '.gpkg')) for name in (
        'lifeline_criticality', 'lifeline_critical_nodes', 'lifeline_findings', 'failure_assets', 'failure_lines',
        'failure_devices', 'failure_consequences', 'chain', 'chain_lines', 'chain_table', 'chain_devices',
        'chain_consequences')}
    criticality = step('N-1 criticality', 'resilience:lifeline_criticality', {
        'DATABASE': db, 'OUTPUT': paths['lifeline_criticality'], 'OUTPUT_NODES': paths['lifeline_critical_nodes'],
        'OUTPUT_FINDINGS': paths['lifeline_findings']})
    segments = QgsVectorLayer(paths['lifeline_criticality'], 'Critical isolation segments (N-1)', 'ogr')
    water = sorted((f for f in segments.getFeatures() if f['network'] == 'water_supply'), key=lambda f: f['rank'])
    failed = water[0]['pipe_ids'].split(', ')[0]
    failure = step('failure of water main ' + failed, 'resilience:lifeline_failure', {
        'DATABASE': db, 'FAILED': failed, 'OUTPUT': paths['failure_assets'], 'OUTPUT_LINES': paths['failure_lines'],
        'OUTPUT_ISOLATION': paths['failure_devices'], 'OUTPUT_CONSEQUENCES': paths['failure_consequences']})
    nodes = store.layer('lifeline_nodes')
    substation = next(f for f in nodes.getFeatures() if f['asset_id'] == generated['substation']).geometry().asPoint()
    flood = write_flood_raster(str(out / 'generated_flood_depth.tif'), (substation.x(), substation.y()),
                               nodes.crs().toWkt(), radius_m=150.0)
    chain = step('disaster chain of a generated flood', 'resilience:disaster_chain', {
        'DATABASE': db, 'HAZARD': flood, 'OUTPUT': paths['chain'], 'OUTPUT_LINES': paths['chain_lines'],
        'OUTPUT_TABLE': paths['chain_table'], 'OUTPUT_ISOLATION': paths['chain_devices'],
        'OUTPUT_CONSEQUENCES': paths['chain_consequences']})

    def layer(name, title):
        return QgsVectorLayer(paths[name], title, 'ogr')

    for name, title, style in (('chain_lines', 'Disaster chain: lines (generated flood)', style_lifeline_events),
                               ('chain', 'Disaster chain (generated flood)', style_lifeline_events)):
        lyr = add_layer(make_temporal(style(layer(name, title))), THEME_LIFELINES, project, position=0)
        project.layerTreeRoot().findLayer(lyr.id()).setItemVisibilityChecked(False)
    add_layer(style_lifeline_events(layer('failure_lines', 'Failure: lines lost')), THEME_LIFELINES, project,
              position=0)
    add_layer(style_lifeline_events(layer('failure_assets', 'Failure: affected assets')), THEME_LIFELINES, project,
              position=0)
    add_layer(style_isolation_devices(layer('failure_devices', 'Failure: valves to close')), THEME_LIFELINES,
              project, position=0)
    crit = add_layer(style_criticality(segments), THEME_LIFELINES, project)
    project.layerTreeRoot().findLayer(crit.id()).setItemVisibilityChecked(False)

    lines = ['Lifelines (generated water mains and power cables along the streets; generated valves, switches, pump '
             'stations and dependencies):',
             '  N-1 scan: {} isolation segments, {} too large'.format(criticality['SEGMENT_COUNT'],
                                                                     criticality['LARGE_SEGMENT_COUNT'])]
    for f in water[:3]:
        lines.append('    #{:<3} water segment of {:<40} {:>8.0f} m lost, {:>7.0f} people'.format(
            f['rank'], f['pipe_ids'][:40], f['lost_length_m'], f['population_any']))
    lines.append('  failure of {}: {} assets affected, {} valves to close, {:.0f} people without a service'.format(
        failed, failure['AFFECTED_COUNT'], layer('failure_devices', '').featureCount(), failure['POPULATION_WITHOUT']))
    lines.append('  disaster chain (generated flood over the substation): {} assets fail, {} steps, {:.0f} people '
                 'without a service'.format(chain['FAILED_COUNT'], chain['STEP_COUNT'], chain['POPULATION_WITHOUT']))
    return lines, {'LIFELINE_CRITICALITY': paths['lifeline_criticality'],
                   'LIFELINE_NODES': paths['lifeline_critical_nodes'], 'DISASTER_CHAIN': paths['chain_table']}


def census_and_reports(out, db, findings_path, coverage, lifelines=None, community=None):
    """The census package and the planning-review report in English and Chinese, with PNG pages."""
    import subprocess
    census = step('census export', 'resilience:export_census', {'DATABASE': db, 'OUTPUT': str(out / 'census_package')})
    pages = out / 'report_pages'
    pages.mkdir(exist_ok=True)
    for old in pages.glob('*.png'):
        old.unlink()
    reports = []
    for language in ('en', 'zh_CN'):
        report = step('planning report ({})'.format(language), 'resilience:planning_report', {
            'DATABASE': db, 'COVERAGE_DEMAND': coverage['shelter_coverage'],
            'COVERAGE_FACILITIES': coverage['shelter_loads'], 'COVERAGE_SUMMARY': coverage['shelter_summary'],
            'SERVICE_AREAS': coverage['shelter_service_area_polygons'], 'FINDINGS': findings_path,
            **(lifelines or {}), **(community or {}),
            'LANGUAGE': language, 'OUTPUT': str(out / 'planning_report_{}.pdf'.format(language)),
            'OUTPUT_HTML': str(out / 'planning_report_{}.html'.format(language))})
        subprocess.run(['pdftoppm', '-r', '60', '-png', report['OUTPUT'], str(pages / 'report_{}'.format(language))],
                       check=True)
        reports.append((language, report))
    lines = ['  census package     {}'.format(census['OUTPUT'])]
    for language, report in reports:
        lines.append('  report ({:<5})     {} ({} pages), {}'.format(language, report['OUTPUT'], report['PAGE_COUNT'],
                                                                   report['OUTPUT_HTML']))
    lines.append('  report pages (PNG) {}'.format(pages))
    return lines


def rutland_risk(out):
    """The county case: risk zones of Rutland's fuel stations and industrial sites, exposure, risk list."""
    from qgis.core import QgsProject, QgsVectorLayer
    from resilience_plugin.definitions import LAYERS_BY_NAME, THEME_BASE, THEME_FACILITIES, THEME_RISK, THEME_SHELTERS
    from resilience_plugin.qgis_io.database import layer_uri
    from resilience_plugin.qgis_io.project import add_database_layers, add_layer, layer_kind
    from resilience_plugin.qgis_io.result_styles import style_by_grade
    from resilience_plugin.translation import tr
    print()
    print('Rutland (county case): risk sources, what they threaten, the urban safety risk list')
    out.mkdir(parents=True, exist_ok=True)
    db = str(out / 'rutland_planning.gpkg')
    step('create planning database', 'resilience:create_planning_database',
         {'OUTPUT': db, 'CRS': 'EPSG:27700', 'OVERWRITE': True})
    step('import OpenStreetMap', 'resilience:import_osm', {'INPUT': str(RUTLAND), 'DATABASE': db})
    targets = [layer_uri(db, name) for name in ('lifelines', 'road_network', 'shelter_candidates', 'facilities',
                                               'buildings')]
    outputs = {}
    for name in ('risk_sources', 'risk_source_areas'):
        zones = str(out / '{}_zones.gpkg'.format(name))
        step('influence zones of ' + name, 'resilience:risk_influence_zones',
             {'RISK_SOURCES': layer_uri(db, name), 'OUTPUT': zones})
        exposure = step('exposure to ' + name, 'resilience:exposure',
                        {'ZONES': zones, 'TARGETS': targets, 'OUTPUT': str(out / '{}_exposed.gpkg'.format(name)),
                         'OUTPUT_SITES': str(out / '{}_exposed_sites.gpkg'.format(name)),
                         'OUTPUT_SUMMARY': str(out / '{}_exposure_summary.csv'.format(name))})
        table = str(out / '{}_risk_list.xlsx'.format(name))
        step('risk list of ' + name, 'resilience:risk_list',
             {'RISK_SOURCES': layer_uri(db, name), 'TARGETS': targets,
              'OUTPUT': str(out / '{}_risk_list.gpkg'.format(name)), 'OUTPUT_TABLE': table})
        outputs[name] = (zones, exposure, table)

    project = QgsProject.instance()
    project.clear()
    project.setTitle('Resilience planning: Rutland risk sources')
    layers = add_database_layers(db, project, skip_empty=True)
    project.setCrs(layers[0].crs())
    for name, (zones, exposure, table) in outputs.items():
        add_layer(style_by_grade(QgsVectorLayer(zones, 'Influence zones ({})'.format(name), 'ogr'), opacity=0.45),
                  THEME_RISK, project)
    roads = next(layer for layer in layers if layer_kind(layer) == 'road_network')
    # The risk picture first: risk sources and their zones over the roads.
    first_view(project, roads, themes_off=(THEME_FACILITIES, THEME_SHELTERS, THEME_BASE),
               layers_off=[tr(LAYERS_BY_NAME[kind].title) for kind in ('lifelines', 'lifeline_nodes')])
    project_path = str(out / 'rutland_risk.qgz')
    project.write(project_path)
    print('  outputs:')
    for name, (zones, exposure, table) in outputs.items():
        print('    {:<18} zones {}'.format(name, zones))
        print('    {:<18} risk list {}'.format('', table))
    print('    QGIS project       ', project_path)
    return outputs


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--output', default=str(ROOT / 'build' / 'demo'))
    args = parser.parse_args()
    out = Path(args.output).resolve()
    out.mkdir(parents=True, exist_ok=True)
    start_qgis()
    from qgis.core import QgsProject, QgsVectorLayer
    from resilience_plugin.definitions import (LAYERS_BY_NAME, THEME_COMMUNITY, THEME_FINDINGS, THEME_POPULATION,
                                               THEME_RISK)
    from resilience_plugin.qgis_io.project import add_database_layers, add_layer, layer_kind
    from resilience_plugin.translation import tr

    db = str(out / 'helsinki_planning.gpkg')
    findings_path = str(out / 'census_findings.gpkg')
    project_path = str(out / 'helsinki_planning.qgz')
    print('Resilience planning demo: central Helsinki')
    step('create planning database', 'resilience:create_planning_database',
         {'OUTPUT': db, 'CRS': 'EPSG:3067', 'OVERWRITE': True})
    imported = step('import OpenStreetMap', 'resilience:import_osm',
                    {'INPUT': str(DATA / 'Helsinki.osm.pbf'), 'DATABASE': db})
    step('import population grid', 'resilience:import_population',
         {'INPUT': str(DATA / 'helsinki_population_grid_2020.gpkg') + '|layername=population_grid_2020',
          'FIELD': 'population', 'YEAR': 2020, 'DATABASE': db})
    validation = step('validate census', 'resilience:validate_census', {'DATABASE': db, 'OUTPUT': findings_path})
    from tools.community_data import write_community_data
    community_rows = write_community_data(db, str(DATA / 'Helsinki.osm.pbf'))

    project = QgsProject.instance()
    project.clear()
    project.setTitle('Resilience planning: central Helsinki')
    layers = add_database_layers(db, project)
    project.setCrs(layers[0].crs())
    findings = QgsVectorLayer(findings_path, 'Census findings', 'ogr')
    if findings.isValid():
        from resilience_plugin.qgis_io.styles import style_findings
        style_findings(findings)
        add_layer(findings, THEME_FINDINGS, project, position=0)
    coverage, coverage_paths = helsinki_coverage(out, db, project)
    lifelines, lifeline_paths = helsinki_lifelines(out, db, project)
    from tools.demo_community import community_demo
    community, community_paths = community_demo(out, db, coverage_paths, project)
    project.writeEntry('resilience', 'attribution', ATTRIBUTION)
    roads = next(layer for layer in layers if layer_kind(layer) == 'road_network')
    # The shelter coverage first: shelters, their service areas and loads, the population they reach, new
    # sites, fire stations, over roads and buildings; the rest (community layers too) is a theme box away.
    first_view(project, roads, themes_off=(THEME_FINDINGS, THEME_RISK, THEME_POPULATION, THEME_COMMUNITY),
               layers_off=[tr(LAYERS_BY_NAME[kind].title) for kind in ('lifelines', 'lifeline_nodes',
                                                                       'shelter_candidates')]
               + ['Fire-station service areas (4 min)'])
    overview = render_overview(project, [roads], str(out / 'helsinki_overview.png'))
    if not project.write(project_path):
        raise SystemExit('Could not write ' + project_path)
    documents = census_and_reports(out, db, findings_path, coverage_paths, lifeline_paths, community_paths['report'])

    print()
    print('Features imported:')
    for layer in layers:
        print('  {:<28} {:>6}'.format(layer.name(), layer.featureCount()))
    print('Census findings: {} ({} errors, {} warnings)'.format(
        validation.get('FINDING_COUNT'), validation.get('ERROR_COUNT'), validation.get('WARNING_COUNT')))
    print()
    print('\n'.join(coverage))
    print('Community data written (communities and assembly points from the data; forces, dangers, contacts and '
          'indicators are marked samples): {}'.format(', '.join('{} {}'.format(k, v) for k, v in community_rows.items())))
    print('\n'.join(community))
    print()
    print('\n'.join(lifelines))
    print()
    print('Outputs:')
    print('  planning database  ', db)
    print('  census findings    ', findings_path)
    print('  QGIS project       ', project_path)
    print('  map overview       ', overview)
    print('\n'.join(documents))
    print(ATTRIBUTION)
    rutland_risk(out / 'rutland')
    print('Rutland data: (c) OpenStreetMap contributors, ODbL 1.0')
    return imported


if __name__ == '__main__':
    main()
