"""The Community tab driven like a user would, in headless QGIS (pytest-qt); every figure it shows is checked
against the same algorithm run here with processing.run."""
import shutil

import pytest
from qgis.core import QgsFeature, QgsProject, QgsRuleBasedRenderer, QgsVectorLayer
from qgis.PyQt.QtCore import Qt

from resilience_plugin.gui.common import find_db_layer
from resilience_plugin.translation import tr
import test_gui_panels as panels
from test_gui_panels import TIMEOUT_MS, add_database, group_of
from tools.community_data import incident_point, write_community_data

clean_settings, iface, dock = panels.clean_settings, panels.iface, panels.dock


@pytest.fixture(scope='module')
def community_db(helsinki_db, helsinki_pbf, tmp_path_factory):
    path = str(tmp_path_factory.mktemp('gui_community') / 'community.gpkg')
    shutil.copy(helsinki_db, path)
    write_community_data(path, helsinki_pbf)
    return path


def direct(parameters):
    """The panel's parameters with the project layers' sources (for processing.run here)."""
    project = QgsProject.instance()
    out = {}
    for key, value in parameters.items():
        layer = project.mapLayer(value) if isinstance(value, str) else None
        out[key] = layer.source() if layer is not None else value
    return out


def test_community_tab_plans_dispatches_and_ranks(dock, qtbot, community_db, run):
    add_database(dock, community_db)
    panel = dock.community
    assert dock.tabs.tabText(dock.tabs.count() - 1) == tr('Community')
    panel.restore()
    assert panel.communities.currentLayer() is find_db_layer('communities')
    assert panel.forces.currentLayer() is find_db_layer('emergency_forces')
    assert panel.demand_field.currentField() == 'population'
    panel.shelters.setLayer(find_db_layer('shelter_candidates'))
    assert panel.capacity_field.currentField() == 'capacity_persons'
    panel.preset.setCurrentIndex(panel.preset.findData('shelter_fixed_mid'))

    before = set(QgsProject.instance().mapLayers())
    with qtbot.waitSignal(panel.plan_finished, timeout=TIMEOUT_MS) as blocker:
        qtbot.mouseClick(panel.plan_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [True]
    added = [QgsProject.instance().mapLayer(i) for i in set(QgsProject.instance().mapLayers()) - before]
    assert len(added) == 4 and all(group_of(layer) == tr('Community') for layer in added)
    assert isinstance(panel.layers['plan_shelters'].renderer(), QgsRuleBasedRenderer)
    expected, _ = run('resilience:evacuation_plan', direct(dict(panel.plan_parameters(), OUTPUT='TEMPORARY_OUTPUT')))
    summary = next(expected['OUTPUT_SUMMARY'].getFeatures())
    text = panel.plan_label.text()
    assert '{:,.0f}'.format(summary['placed']) in text and '{:,.0f}'.format(summary['population']) in text
    assert '{:,.0f} m'.format(summary['mean_distance_m']) in text

    name, point = incident_point(community_db)
    incidents = QgsVectorLayer('Point?crs=EPSG:3067&field=name:string', 'incidents', 'memory')
    feature = QgsFeature(incidents.fields())
    feature.setGeometry(point)
    feature.setAttributes([name])
    incidents.dataProvider().addFeatures([feature])
    QgsProject.instance().addMapLayer(incidents)
    panel.incidents.setLayer(incidents)
    panel.required.setValue(20)
    with qtbot.waitSignal(panel.dispatch_finished, timeout=TIMEOUT_MS) as blocker:
        qtbot.mouseClick(panel.dispatch_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [True]
    expected, _ = run('resilience:dispatch', direct(panel.dispatch_parameters()))
    incident = next(expected['OUTPUT_INCIDENTS'].getFeatures())
    assert '{:.1f} min'.format(incident['time_met_min']) in panel.dispatch_label.text()
    assert panel.layers['dispatch'].featureCount() == expected['OUTPUT'].featureCount()

    with qtbot.waitSignal(panel.index_finished, timeout=TIMEOUT_MS) as blocker:
        qtbot.mouseClick(panel.index_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [True]
    parameters = panel.index_parameters()
    assert parameters['SHELTERS'] == panel.layers['plan_shelters'].id()
    expected, _ = run('resilience:resilience_index', direct(parameters))
    ranked = sorted(expected['OUTPUT'].getFeatures(), key=lambda f: f['rank'])
    assert panel.table.rowCount() == len(ranked) == 5
    for row, feature in enumerate(ranked):
        assert panel.table.item(row, 1).text() == feature['community']
        assert panel.table.item(row, 2).text() == '{:.2f}'.format(feature['resilience_index'])

    maps = panel.maps_parameters()
    assert maps['ROUTES'] == panel.layers['routes'].id() and maps['SHELTER_LOADS'] == panel.layers['plan_shelters'].id()
    report = dock.census.report_parameters()
    assert report['EVACUATION_SUMMARY'] == panel.layers['summary'].id()
    assert report['RESILIENCE_INDEX'] == panel.layers['index'].id()
    assert report['FORCE_COVERAGE'] == panel.layers['force_coverage'].id()


def test_community_tab_says_what_is_missing(dock, qtbot):
    panel = dock.community
    panel.shelters.setLayer(None)
    assert panel.plan_evacuation() is None
    assert tr('Choose the shelters') in panel.plan_label.text()
    assert panel.dispatch() is None
    assert tr('Choose the forces') in panel.dispatch_label.text()
