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
        print('    warning:', warning)
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
    settings.setLayers([n.layer() for n in project.layerTreeRoot().findLayers() if n.layer().featureCount()])
    settings.setDestinationCrs(project.crs())
    settings.setBackgroundColor(QColor('white'))
    settings.setOutputSize(QSize(width, int(width * extent.height() / extent.width())))
    settings.setExtent(extent)
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    job.renderedImage().save(path)
    return path


def rutland_risk(out):
    """The county case: risk zones of Rutland's fuel stations and industrial sites, exposure, risk list."""
    from qgis.core import QgsProject, QgsVectorLayer
    from resilience_plugin.definitions import THEME_RISK
    from resilience_plugin.qgis_io.database import layer_uri
    from resilience_plugin.qgis_io.project import add_database_layers, add_layer
    print()
    print('Rutland (county case): risk sources, what they threaten, the urban safety risk list')
    out.mkdir(parents=True, exist_ok=True)
    db = str(out / 'rutland_planning.gpkg')
    step('create planning database', 'resilience:create_planning_database', {'OUTPUT': db, 'CRS': 'EPSG:27700'})
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
        add_layer(QgsVectorLayer(zones, 'Influence zones ({})'.format(name), 'ogr'), THEME_RISK, project)
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
    from qgis.core import QgsProject, QgsRectangle, QgsReferencedRectangle, QgsVectorLayer
    from resilience_plugin.definitions import THEME_FINDINGS
    from resilience_plugin.qgis_io.project import add_database_layers, add_layer

    db = str(out / 'helsinki_planning.gpkg')
    findings_path = str(out / 'census_findings.gpkg')
    project_path = str(out / 'helsinki_planning.qgz')
    print('Resilience planning demo: central Helsinki')
    step('create planning database', 'resilience:create_planning_database', {'OUTPUT': db, 'CRS': 'EPSG:3067'})
    imported = step('import OpenStreetMap', 'resilience:import_osm',
                    {'INPUT': str(DATA / 'Helsinki.osm.pbf'), 'DATABASE': db})
    step('import population grid', 'resilience:import_population',
         {'INPUT': str(DATA / 'helsinki_population_grid_2020.gpkg') + '|layername=population_grid_2020',
          'FIELD': 'population', 'YEAR': 2020, 'DATABASE': db})
    validation = step('validate census', 'resilience:validate_census', {'DATABASE': db, 'OUTPUT': findings_path})

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
    project.writeEntry('resilience', 'attribution', ATTRIBUTION)
    roads = next(layer for layer in layers if layer.source().endswith('layername=road_network'))
    view = QgsRectangle(roads.extent())
    view.scale(1.05)
    project.viewSettings().setDefaultViewExtent(QgsReferencedRectangle(view, roads.crs()))
    overview = render_overview(project, [roads], str(out / 'helsinki_overview.png'))
    if not project.write(project_path):
        raise SystemExit('Could not write ' + project_path)

    print()
    print('Features imported:')
    for layer in layers:
        print('  {:<28} {:>6}'.format(layer.name(), layer.featureCount()))
    print('Census findings: {} ({} errors, {} warnings)'.format(
        validation.get('FINDING_COUNT'), validation.get('ERROR_COUNT'), validation.get('WARNING_COUNT')))
    print()
    print('Outputs:')
    print('  planning database  ', db)
    print('  census findings    ', findings_path)
    print('  QGIS project       ', project_path)
    print('  map overview       ', overview)
    print(ATTRIBUTION)
    rutland_risk(out / 'rutland')
    print('Rutland data: (c) OpenStreetMap contributors, ODbL 1.0')
    return imported


if __name__ == '__main__':
    main()
