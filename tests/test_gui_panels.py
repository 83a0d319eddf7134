"""The dock panels driven like a user would, in headless QGIS with a real map canvas (pytest-qt).

Every figure the panels show is checked against the same algorithm run with processing.run here.
"""
import os
from unittest.mock import MagicMock

import pytest
from qgis.core import (QgsCategorizedSymbolRenderer, QgsFeature, QgsGeometry, QgsPointXY, QgsProject,
                       QgsRuleBasedRenderer, QgsSettings, QgsSingleBandPseudoColorRenderer, QgsVectorLayer)
from qgis.gui import QgsMapCanvas, QgsMessageBar
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QMainWindow

from resilience_plugin.definitions import PRESETS_BY_KEY
from resilience_plugin.gui.common import find_db_layer
from resilience_plugin.gui.dock import ResilienceDock
from resilience_plugin.translation import tr

TIMEOUT_MS = 60000


@pytest.fixture
def clean_settings():
    settings = QgsSettings()
    settings.remove('resilience_plugin')
    yield settings
    settings.remove('resilience_plugin')


@pytest.fixture
def iface(qgis_app, clean_settings):
    window = QMainWindow()
    canvas = QgsMapCanvas(window)
    window.setCentralWidget(canvas)
    window.resize(1200, 800)
    bar = QgsMessageBar(window)
    fake = MagicMock()  # the parts of iface the dock uses are real: window, canvas, message bar
    fake.mainWindow.return_value = window
    fake.mapCanvas.return_value = canvas
    fake.messageBar.return_value = bar
    QgsProject.instance().clear()
    yield fake
    QgsProject.instance().clear()
    window.deleteLater()


@pytest.fixture
def dock(iface, qtbot):
    widget = ResilienceDock(iface, iface.mainWindow())
    qtbot.addWidget(widget)
    yield widget
    widget.shutdown()


def group_of(layer):
    node = QgsProject.instance().layerTreeRoot().findLayer(layer.id())
    return node.parent().name() if node is not None else None


def project_layer_ids():
    return set(QgsProject.instance().mapLayers())


def add_database(dock, db):
    dock.overlay.database.setFilePath(db)
    dock.overlay.add_button.click()
    canvas = dock.iface.mapCanvas()
    layers = [node.layer() for node in QgsProject.instance().layerTreeRoot().findLayers()]
    canvas.setDestinationCrs(layers[0].crs())
    canvas.setLayers(layers)
    canvas.setExtent(find_db_layer('road_network').extent())
    return layers


def run_coverage_directly(run, parameters):
    """The same coverage run as the panel's, with layer sources instead of project layer ids."""
    project = QgsProject.instance()
    direct = dict(parameters)
    for key in ('FACILITIES', 'NETWORK', 'DEMAND'):
        layer = project.mapLayer(direct.get(key) or '')
        if layer is not None:
            direct[key] = layer if layer.providerType() == 'memory' else layer.source()
    result, _ = run('resilience:population_coverage', direct)
    return result


def test_overlay_adds_layers_by_theme_toggles_themes_and_styles_a_hazard_raster(dock, helsinki_db, tmp_path):
    layers = add_database(dock, helsinki_db)
    assert len(layers) >= 8
    assert group_of(find_db_layer('shelters')) == tr('Shelters')
    assert group_of(find_db_layer('road_network')) == tr('Lifelines')
    assert group_of(find_db_layer('population')) == tr('Population')
    assert group_of(find_db_layer('risk_sources')) == tr('Risk sources')
    root = QgsProject.instance().layerTreeRoot()
    shelters_box = dock.overlay.theme_boxes['Shelters']
    assert shelters_box.isEnabled() and shelters_box.isChecked()
    shelters_box.setChecked(False)
    assert not root.findGroup(tr('Shelters')).itemVisibilityChecked()
    root.findGroup(tr('Shelters')).setItemVisibilityChecked(True)  # from the layer tree: the box follows
    assert shelters_box.isChecked()
    assert not dock.overlay.theme_boxes['Hazards'].isEnabled()  # no hazard layer yet

    from risk_helpers import write_raster
    import numpy as np
    extent = find_db_layer('road_network').extent()
    depth = np.linspace(0, 2.0, 400, dtype='float32').reshape(20, 20)
    path = write_raster(str(tmp_path / 'flood_depth.tif'), depth, extent.xMinimum(), extent.yMaximum(), 50.0,
                        'EPSG:3067')
    dock.overlay.hazard.setFilePath(path)
    dock.overlay.opacity.setValue(40)
    raster = dock.overlay.add_hazard()
    assert group_of(raster) == tr('Hazards')
    renderer = raster.renderer()
    assert isinstance(renderer, QgsSingleBandPseudoColorRenderer)
    assert renderer.opacity() == pytest.approx(0.4)
    assert renderer.classificationMin() == pytest.approx(0.0) and renderer.classificationMax() == pytest.approx(2.0)
    assert dock.overlay.theme_boxes['Hazards'].isEnabled()
    # The legend explains the four risk colours and the five shelter classes.
    assert len(dock.overlay.risk_legend.labels) == 4 and len(dock.overlay.shelter_legend.labels) == 5


def test_create_database_runs_in_the_background(dock, qtbot, tmp_path):
    path = str(tmp_path / 'new_plan.gpkg')
    run = dock.overlay.create_database(path, crs='EPSG:3067')
    assert run is not None and dock.overlay.run_bar.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: not dock.overlay.run_bar.is_running(), timeout=TIMEOUT_MS)
    assert os.path.exists(path) and dock.overlay.database_path() == path
    assert dock.census.database_label.toolTip() == path


def test_coverage_panel_adds_styled_layers_and_shows_the_algorithms_figures(dock, qtbot, helsinki_db, run):
    add_database(dock, helsinki_db)
    panel = dock.coverage
    panel.preset.setCurrentIndex(panel.preset.findData('shelter_fixed_long'))
    panel.facilities.setLayer(find_db_layer('shelters'))
    panel.network.setLayer(find_db_layer('road_network'))
    panel.demand.setLayer(find_db_layer('population'))
    assert panel.demand_field.currentField() == 'population'
    assert 'GB 50413' in panel.preset.toolTip()
    before = project_layer_ids()
    with qtbot.waitSignal(panel.coverage_finished, timeout=TIMEOUT_MS) as blocker:
        qtbot.mouseClick(panel.run_bar.run_button, Qt.MouseButton.LeftButton)
        assert panel.run_bar.cancel_button.isEnabled()  # running in the background, the GUI is free
    assert blocker.args == [True]
    added = [QgsProject.instance().mapLayer(i) for i in project_layer_ids() - before]
    names = {layer.name(): layer for layer in added}
    label = tr(PRESETS_BY_KEY['shelter_fixed_long'].label)
    areas = names[tr('Service areas – {}').format(label)]
    demand = names[tr('Demand coverage – {}').format(label)]
    loads = names[tr('Facility loads – {}').format(label)]
    summary = names[tr('Coverage summary – {}').format(label)]
    assert len(added) == 4
    assert panel.run_bar.status.text() == tr('{} layers added.').format(4)
    assert group_of(areas) == tr('Shelters') and group_of(loads) == tr('Shelters')
    assert group_of(demand) == tr('Population') and group_of(summary) == tr('Population')
    assert isinstance(areas.renderer(), QgsCategorizedSymbolRenderer)
    assert areas.renderer().classAttribute() == 'facility_id' and areas.featureCount() > 0
    assert isinstance(demand.renderer(), QgsCategorizedSymbolRenderer)
    assert demand.renderer().classAttribute() == 'covered'
    assert isinstance(loads.renderer(), QgsRuleBasedRenderer)

    expected = run_coverage_directly(run, panel.coverage_parameters())
    total = next(expected['OUTPUT_SUMMARY'].getFeatures())
    assert panel.summary['population'] == pytest.approx(total['population'])
    assert panel.summary['covered'] == pytest.approx(total['covered'])
    assert panel.summary['uncovered'] == pytest.approx(total['uncovered'])
    assert panel.summary['share_covered'] == pytest.approx(total['share_covered'])
    text = panel.summary_label.text()
    assert '{:,.0f}'.format(total['covered']) in text and '{:.1%}'.format(total['share_covered']) in text
    assert '{:,.0f}'.format(total['uncovered']) in text
    assert panel.chart.bars[0][1] == pytest.approx(total['covered'])
    assert panel.chart.bars[1][1] == pytest.approx(total['uncovered'])
    assert panel.run_bar.progress.value() == 100


def shelters_on_network(count_capacity):
    """Memory shelters at road vertices near the middle of the network, with the given capacities."""
    roads = find_db_layer('road_network')
    centre = roads.extent().center()
    points = []
    for feature in roads.getFeatures():
        vertex = feature.geometry().vertexAt(0)
        points.append((QgsPointXY(vertex.x(), vertex.y()).distance(centre), QgsPointXY(vertex.x(), vertex.y())))
    points.sort(key=lambda item: item[0])
    chosen = [points[0][1], next(p for d, p in points if p.distance(points[0][1]) > 600)]
    layer = QgsVectorLayer('Point?crs=EPSG:3067&field=name:string&field=capacity_persons:double',
                           'test shelters', 'memory')
    feats = []
    for (name, capacity), point in zip(count_capacity, chosen):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromPointXY(point))
        feature.setAttributes([name, capacity])
        feats.append(feature)
    layer.dataProvider().addFeatures(feats)
    QgsProject.instance().addMapLayer(layer)
    return layer


def test_overloaded_shelters_are_marked_and_named(dock, qtbot, helsinki_db, run):
    add_database(dock, helsinki_db)
    shelters = shelters_on_network([('Small school', 5.0), ('Sports hall', 50.0)])
    panel = dock.coverage
    panel.preset.setCurrentIndex(panel.preset.findData('shelter_fixed_mid'))
    panel.facilities.setLayer(shelters)
    panel.network.setLayer(find_db_layer('road_network'))
    panel.demand.setLayer(find_db_layer('population'))
    with qtbot.waitSignal(panel.coverage_finished, timeout=TIMEOUT_MS):
        panel.run_bar.run_button.click()
    expected = run_coverage_directly(run, panel.coverage_parameters())
    over = sorted(((f['load_ratio'], f['name']) for f in expected['OUTPUT_FACILITIES'].getFeatures()
                   if f['overloaded']), reverse=True)
    over = [name for _, name in over]
    assert over  # the test shelters are far too small for the people they serve
    assert panel.summary['overloaded'] == over
    assert tr('Most overloaded: {}').format(over[0]) in panel.summary_label.text()
    loads = panel.results['OUTPUT_FACILITIES']
    rules = loads.renderer().rootRule().children()
    assert rules[0].filterExpression() == '"overloaded"'
    matched = {f['name'] for f in loads.getFeatures() if f['overloaded']}
    assert matched == set(over)
    bars = {label: value for label, value, _ in panel.chart.bars}
    for feature in expected['OUTPUT_FACILITIES'].getFeatures():
        assert bars[feature['name']] == pytest.approx(feature['population'])


def test_cancelled_coverage_adds_nothing(dock, qtbot, helsinki_db):
    add_database(dock, helsinki_db)
    panel = dock.coverage
    panel.facilities.setLayer(find_db_layer('shelters'))
    panel.network.setLayer(find_db_layer('road_network'))
    panel.demand.setLayer(find_db_layer('population'))
    before = project_layer_ids()
    groups_before = [g.name() for g in QgsProject.instance().layerTreeRoot().findGroups()]
    with qtbot.waitSignal(panel.coverage_finished, timeout=TIMEOUT_MS) as blocker:
        panel.run_bar.run_button.click()
        panel.run_bar.cancel_button.click()
    assert blocker.args == [False]
    qtbot.wait(200)  # a late result of the cancelled run must not come back either
    assert project_layer_ids() == before
    assert [g.name() for g in QgsProject.instance().layerTreeRoot().findGroups()] == groups_before
    assert panel.added_layers == [] and panel.summary == {}
    assert tr('Cancelled') in panel.run_bar.status.text()
    assert panel.run_bar.run_button.isEnabled() and not panel.run_bar.cancel_button.isEnabled()


def test_settings_are_restored_when_the_dock_is_created_again(iface, qtbot, helsinki_db):
    first = ResilienceDock(iface, iface.mainWindow())
    add_database(first, helsinki_db)
    first.coverage.preset.setCurrentIndex(first.coverage.preset.findData('fire_4min'))
    first.coverage.facilities.setLayer(find_db_layer('facilities'))
    first.coverage.demand.setLayer(find_db_layer('buildings'))
    first.coverage.demand_field.setField('floors')
    first.overlay.opacity.setValue(35)
    first.tabs.setCurrentIndex(2)
    first.shutdown()
    first.deleteLater()

    second = ResilienceDock(iface, iface.mainWindow())
    qtbot.addWidget(second)
    assert second.overlay.database_path() == helsinki_db
    assert second.overlay.opacity.value() == 35
    assert second.tabs.currentIndex() == 2
    assert second.coverage.preset.currentData() == 'fire_4min'
    assert second.coverage.facilities.currentLayer() is find_db_layer('facilities')
    assert second.coverage.demand.currentLayer() is find_db_layer('buildings')
    assert second.coverage.demand_field.currentField() == 'floors'
    second.shutdown()
    keys = [k for k in QgsSettings().allKeys() if k.startswith('resilience_plugin/')]
    assert keys and all(k.startswith('resilience_plugin/') for k in keys)
