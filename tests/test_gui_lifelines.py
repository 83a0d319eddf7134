"""Lifelines tab, driven like a user would in headless QGIS: pick a failed pipe on the map, run the failure, play
the chain step by step; every figure is checked against the same algorithm run with processing.run."""
import shutil


import pytest
from qgis.core import QgsPointXY, QgsProject, QgsRasterLayer, QgsRectangle
from qgis.PyQt.QtCore import Qt

from resilience_plugin.gui.common import find_db_layer
from resilience_plugin.translation import tr
import test_gui_panels as panels
from test_gui_panels import TIMEOUT_MS, add_database, group_of
from tools.lifeline_demo import add_generated_lifelines, write_flood_raster

clean_settings, iface, dock = panels.clean_settings, panels.iface, panels.dock


@pytest.fixture(scope='module')
def lifeline_gui_db(helsinki_db, tmp_path_factory):
    from conftest import run_algorithm
    path = str(tmp_path_factory.mktemp('lifelines_gui') / 'helsinki_lifelines.gpkg')
    shutil.copy(helsinki_db, path)
    generated = add_generated_lifelines(path)
    for network in ('water_supply', 'power'):
        run_algorithm('resilience:generate_isolation_devices', {'DATABASE': path, 'NETWORK': network, 'OFFSET': 3.0})
    return path, generated


def test_pick_a_main_on_the_map_and_follow_the_failure_step_by_step(dock, qtbot, lifeline_gui_db, run):
    path, generated = lifeline_gui_db
    add_database(dock, path)
    panel = dock.lifelines
    assert panel.database_label.toolTip() == path
    lines = find_db_layer('lifelines')
    # a main on a side street (no cable drawn along the same street), long enough to click its middle
    power = set(generated['power'])
    main = next(f for f in lines.getFeatures() if f['asset_id'] in generated['water']
                and f['asset_id'].replace('water', 'power') not in power and f.geometry().length() > 80)
    middle = main.geometry().interpolate(main.geometry().length() / 2).asPoint()
    qtbot.mouseClick(panel.pick_button, Qt.MouseButton.LeftButton)
    tool = panel.tool
    assert dock.iface.mapCanvas().mapTool() is tool
    canvas = dock.iface.mapCanvas()
    canvas.setExtent(QgsRectangle(middle.x() - 20, middle.y() - 20, middle.x() + 20, middle.y() + 20))
    assert tool.pick(QgsPointXY(middle))[0] == main['asset_id']
    assert panel.failed.text() == main['asset_id']
    assert lines.selectedFeatureIds() == [main.id()]

    with qtbot.waitSignal(panel.failure_finished, timeout=TIMEOUT_MS) as blocker:
        qtbot.mouseClick(panel.failure_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [True], panel.run_bar.status.text()
    expected, _ = run('resilience:lifeline_failure', dict(panel.failure_parameters(), OUTPUT='memory:',
                                                          OUTPUT_LINES='memory:', OUTPUT_ISOLATION='memory:',
                                                          OUTPUT_CONSEQUENCES='memory:'))
    events = list(expected['OUTPUT'].getFeatures())
    assert panel.table.rowCount() == len(events) == expected['AFFECTED_COUNT']
    assert panel.table.item(0, 1).text() == (main['name'] or main['asset_id'])
    devices = [layer for layer in panel.result_layers if layer.name() == tr('Isolation devices to close')]
    assert devices and devices[0].featureCount() == expected['OUTPUT_ISOLATION'].featureCount() > 0
    assert all(group_of(layer) == tr('Lifelines') for layer in panel.result_layers)
    assert tr('{} isolation devices to close.').format(devices[0].featureCount()) in panel.summary.text()
    # the step slider shows the chain up to a step
    last = max(f['step'] for f in events)
    assert panel.step_slider.maximum() == last >= 1
    panel.step_slider.setValue(0)
    shown = [layer for layer in panel.step_layers if layer.geometryType() == 0][0]
    assert shown.featureCount() == sum(1 for f in events if f['step'] == 0) == 1
    panel.step_slider.setValue(last)
    assert shown.featureCount() == len(events)

    # a second failure replaces the first on the map
    with qtbot.waitSignal(panel.failure_finished, timeout=TIMEOUT_MS):
        panel.failure_button.click()
    named = [lyr for lyr in QgsProject.instance().mapLayers().values() if lyr.name() == tr('Affected assets')]
    assert len(named) == 1


def test_disaster_chain_n_minus_one_and_the_dependencies_table(dock, qtbot, lifeline_gui_db, run, tmp_path):
    path, generated = lifeline_gui_db
    add_database(dock, path)
    panel = dock.lifelines
    nodes = find_db_layer('lifeline_nodes')
    substation = next(f for f in nodes.getFeatures() if f['asset_id'] == generated['substation'])
    point = substation.geometry().asPoint()
    raster = QgsRasterLayer(write_flood_raster(str(tmp_path / 'flood.tif'), (point.x(), point.y()),
                                               nodes.crs().toWkt(), radius_m=150.0), 'Flood')
    QgsProject.instance().addMapLayer(raster)
    panel.hazard.setLayer(raster)
    with qtbot.waitSignal(panel.chain_finished, timeout=TIMEOUT_MS) as blocker:
        qtbot.mouseClick(panel.chain_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [True], panel.run_bar.status.text()
    expected, _ = run('resilience:disaster_chain', dict(panel.chain_parameters(), HAZARD=raster, OUTPUT='memory:',
                                                        OUTPUT_TABLE='memory:', OUTPUT_LINES='memory:',
                                                        OUTPUT_ISOLATION='memory:', OUTPUT_CONSEQUENCES='memory:'))
    steps = [f['step'] for f in expected['OUTPUT'].getFeatures()]
    assert panel.table.rowCount() == len(steps)
    chain = [layer for layer in panel.step_layers if layer.geometryType() == 0][0]
    assert chain.temporalProperties().isActive()
    panel.step_slider.setValue(1)
    assert chain.featureCount() == sum(1 for s in steps if s <= 1)
    power = next(f for f in expected['OUTPUT_CONSEQUENCES'].getFeatures() if f['service'] == 'power_supply')
    assert '{:,.0f}'.format(power['population_without']) in panel.summary.text()
    assert 'DISASTER_CHAIN' in dock.report_layers()

    with qtbot.waitSignal(panel.criticality_finished, timeout=TIMEOUT_MS) as blocker:
        qtbot.mouseClick(panel.criticality_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [True], panel.run_bar.status.text()
    scan, _ = run('resilience:lifeline_criticality', {'DATABASE': path, 'OUTPUT': 'memory:'})
    assert panel.criticality_layer.featureCount() == scan['SEGMENT_COUNT']
    top = min(scan['OUTPUT'].getFeatures(), key=lambda f: f['rank'])
    assert '#1 ' in panel.summary.text() and '{:,.0f} people'.format(top['population_any']) in panel.summary.text()
    assert dock.report_layers()['LIFELINE_CRITICALITY'] is panel.criticality_layer

    table = panel.open_dependencies()
    assert table.name() == tr('Dependencies between assets') and group_of(table) == tr('Lifelines')
    dock.iface.showAttributeTable.assert_called_with(table)
    assert panel.open_dependencies() is table  # opened once

