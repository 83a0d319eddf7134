"""Risk and Census tabs and the "Who serves here?" map tool, driven in headless QGIS (pytest-qt)."""
import pytest
from qgis.core import (QgsApplication, QgsCategorizedSymbolRenderer, QgsCoordinateTransform, QgsFeature,
                       QgsGeometry, QgsPointXY, QgsProcessingContext, QgsProject, QgsRectangle, QgsSettings,
                       QgsVectorLayer)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor

from resilience_plugin.definitions import RISK_GRADE, RISK_SOURCE_KIND
from resilience_plugin.gui.common import find_db_layer
from resilience_plugin.gui.map_tool import WhoServesHereTool
from resilience_plugin.translation import tr
import test_gui_panels as panels
from test_gui_panels import TIMEOUT_MS, add_database, group_of
from risk_helpers import memory_layer


# The panels' fixtures: a fake iface with a real canvas, clean settings, the dock.
clean_settings, iface, dock = panels.clean_settings, panels.iface, panels.dock


def risk_sources_layer():
    """Three risk sources around the middle of the Helsinki road network."""
    centre = find_db_layer('road_network').extent().center()
    x, y = centre.x(), centre.y()
    layer = memory_layer('Point', 'EPSG:3067', ['asset_id:string', 'name:string', 'kind:string', 'risk_grade:string', 'responsible_unit:string'], [
        ('POINT({} {})'.format(x, y), ['r1', 'Gas regulator', 'gas_facility', 'significant', 'Gas Co']),
        ('POINT({} {})'.format(x + 400, y + 200), ['r2', 'Fuel station', 'fuel_station', 'general', 'Fuel Co']),
        ('POINT({} {})'.format(x - 300, y - 300), ['r3', 'Chemical store', 'hazardous_chemical', 'major', 'Chem']),
    ], name='Risk sources test')
    QgsProject.instance().addMapLayer(layer)
    return layer


def click_layer(point, crs):
    """The clicked place as a one-unit demand layer (population 1) for resilience:population_coverage."""
    layer = QgsVectorLayer('Point?field=population:double', 'Clicked place', 'memory')
    layer.setCrs(crs)
    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(point)))
    feature.setAttributes([1.0])
    layer.dataProvider().addFeatures([feature])
    return layer


def canvas_shows(canvas, point, crs):
    transform = QgsCoordinateTransform(crs, canvas.mapSettings().destinationCrs(), QgsProject.instance())
    return canvas.extent().contains(transform.transform(point))


def test_risk_zones_exposure_and_risk_list_zoom(dock, qtbot, helsinki_db, run):
    add_database(dock, helsinki_db)
    sources = risk_sources_layer()
    panel = dock.risk
    panel.sources.setLayer(sources)

    with qtbot.waitSignal(panel.zones_finished, timeout=TIMEOUT_MS) as blocker:
        qtbot.mouseClick(panel.zones_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [True]
    zones = panel.zones_layer
    assert group_of(zones) == tr('Risk sources')
    assert isinstance(zones.renderer(), QgsCategorizedSymbolRenderer)
    assert zones.renderer().classAttribute() == 'risk_grade'
    expected_zones, _ = run('resilience:risk_influence_zones', dict(panel.source_parameters(), RISK_SOURCES=sources,
                                                                    OUTPUT='memory:'))
    assert zones.featureCount() == expected_zones['OUTPUT'].featureCount()
    assert panel.zones.currentLayer() is zones  # ready for the exposure run

    with qtbot.waitSignal(panel.exposure_finished, timeout=TIMEOUT_MS) as blocker:
        qtbot.mouseClick(panel.exposure_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [True]
    assert panel.exposure_layers and all(group_of(layer) == tr('Risk sources') for layer in panel.exposure_layers)
    assert panel.exposure_label.text()

    with qtbot.waitSignal(panel.list_finished, timeout=TIMEOUT_MS) as blocker:
        qtbot.mouseClick(panel.list_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [True], panel.run_bar.status.text()
    params = panel.exposure_parameters()
    expected, _ = run('resilience:risk_list', dict(panel.source_parameters(), RISK_SOURCES=sources, OUTPUT='memory:',
                                                   TARGETS=[QgsProject.instance().mapLayer(i) for i in params['TARGETS']]))
    rows = list(expected['OUTPUT'].getFeatures())
    assert panel.table.rowCount() == len(rows) == 3
    for row, feature in enumerate(rows):
        assert panel.table.item(row, 2).text() == feature['name']
        grade = RISK_GRADE.choice(feature['risk_grade'])
        assert panel.table.item(row, 1).data(Qt.ItemDataRole.DecorationRole) == QColor(grade.colour)  # its colour
        assert panel.table.item(row, 3).text() == '{:,.0f}'.format(feature['people'])
        # the columns that do not fit the dock are in the row's tooltip, in words
        tooltip = panel.table.item(row, 1).toolTip()
        assert tr('Grade: {}').format(tr(grade.label)) in tooltip
        assert tr(RISK_SOURCE_KIND.choice(feature['kind']).label) in tooltip
        assert tr('Lifelines: {} m').format('{:,.0f}'.format(feature['lifeline_m'])) in tooltip
    assert group_of(panel.list_layer) == tr('Risk sources')

    canvas = dock.iface.mapCanvas()
    canvas.setExtent(QgsRectangle(0, 0, 10, 10))
    panel.table.selectRow(2)
    target = sources.getFeature(rows[2]['feature_id']).geometry().asPoint()
    assert canvas_shows(canvas, target, sources.crs())
    assert canvas.extent().width() < 2000


def test_census_findings_zoom_to_and_select_the_feature(dock, qtbot, helsinki_db, run):
    add_database(dock, helsinki_db)
    panel = dock.census
    assert panel.database_label.toolTip() == helsinki_db
    with qtbot.waitSignal(panel.validation_finished, timeout=TIMEOUT_MS) as blocker:
        qtbot.mouseClick(panel.run_bar.run_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [True]
    expected, _ = run('resilience:validate_census', {'DATABASE': helsinki_db, 'OUTPUT': 'memory:'})
    assert panel.table.rowCount() == expected['FINDING_COUNT'] > 0
    assert panel.counts['ERROR_COUNT'] == expected['ERROR_COUNT']
    assert panel.counts['WARNING_COUNT'] == expected['WARNING_COUNT']
    assert '{} errors'.format(expected['ERROR_COUNT']) in panel.counts_label.text()
    assert group_of(panel.findings_layer) == tr('Census findings')

    findings = list(expected['OUTPUT'].getFeatures())
    row = next(i for i, f in enumerate(findings) if f['feature_id'] is not None and find_db_layer(f['layer']))
    finding = findings[row]
    layer = find_db_layer(finding['layer'])
    canvas = dock.iface.mapCanvas()
    canvas.setExtent(QgsRectangle(0, 0, 10, 10))
    panel.table.selectRow(row)
    assert layer.selectedFeatureIds() == [finding['feature_id']]
    geometry = layer.getFeature(finding['feature_id']).geometry()
    assert canvas_shows(canvas, geometry.pointOnSurface().asPoint(), layer.crs())
    dock.iface.setActiveLayer.assert_called_with(layer)

    # Checking again replaces the findings layer rather than piling up outdated ones.
    with qtbot.waitSignal(panel.validation_finished, timeout=TIMEOUT_MS):
        panel.run_bar.run_button.click()
    named = [lyr for lyr in QgsProject.instance().mapLayers().values() if lyr.name() == tr('Census findings')]
    assert len(named) == 1


@pytest.fixture
def user_locale():
    """Set QGIS's locale/userLocale for a test; the user's setting comes back afterwards."""
    settings = QgsSettings()
    saved = settings.value('locale/userLocale', None)
    yield lambda locale: settings.setValue('locale/userLocale', locale)
    if saved is None:
        settings.remove('locale/userLocale')
    else:
        settings.setValue('locale/userLocale', saved)


def test_census_planning_report_button_prefills_what_the_dock_knows(dock, qtbot, helsinki_db, user_locale,
                                                                     monkeypatch, tmp_path):
    add_database(dock, helsinki_db)
    panel = dock.census
    assert panel.report_button.text() == tr('Planning report…')
    assert panel.report_button.isEnabled()
    with qtbot.waitSignal(panel.validation_finished, timeout=TIMEOUT_MS) as blocker:
        panel.run_bar.run_button.click()
    assert blocker.args == [True]
    # Result layers of the other tabs, as their runs leave them: in the project, except the summary table.
    centre = find_db_layer('road_network').extent().center()
    point = 'POINT({} {})'.format(centre.x(), centre.y())
    zones = memory_layer('Polygon', 'EPSG:3067', ['risk_grade:string'],
                         [('POLYGON(({0} {1},{2} {1},{2} {3},{0} {1}))'.format(
                             centre.x(), centre.y(), centre.x() + 100, centre.y() + 100), ['major'])], name='zones')
    demand = memory_layer('Point', 'EPSG:3067', ['population:double'], [(point, [10.0])], name='demand')
    summary = memory_layer('NoGeometry', 'EPSG:3067', ['population:double'], [], name='summary')
    for layer in (zones, demand):
        QgsProject.instance().addMapLayer(layer)
    dock.risk.zones_layer = zones
    dock.coverage.results = {'OUTPUT_DEMAND': demand, 'OUTPUT_SUMMARY': summary}

    user_locale('zh_CN')
    parameters = panel.report_parameters()
    assert parameters == {'DATABASE': helsinki_db, 'FINDINGS': panel.findings_layer.id(), 'LANGUAGE': 'zh_CN',
                          'RISK_ZONES': zones.id(), 'COVERAGE_DEMAND': demand.id()}
    # ... and the algorithm accepts them as they are, once the user has chosen where the PDF goes.
    algorithm = QgsApplication.processingRegistry().createAlgorithmById('resilience:planning_report')
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    ok, message = algorithm.checkParameterValues(dict(parameters, OUTPUT=str(tmp_path / 'report.pdf')), context)
    assert ok, message

    user_locale('en_US')
    assert panel.report_parameters()['LANGUAGE'] == 'en'
    user_locale('zh_TW')
    assert panel.report_parameters()['LANGUAGE'] == 'zh_CN'

    # A layer the user removed from the project is no longer offered.
    QgsProject.instance().removeMapLayer(zones.id())
    assert 'RISK_ZONES' not in panel.report_parameters()

    # The button opens the algorithm's Processing dialog with those parameters.
    import processing
    opened = []
    monkeypatch.setattr(processing, 'execAlgorithmDialog', lambda *args: opened.append(args))
    qtbot.mouseClick(panel.report_button, Qt.MouseButton.LeftButton)
    assert opened == [('resilience:planning_report', panel.report_parameters())]


def test_who_serves_here_answers_like_the_coverage_algorithm(dock, qtbot, helsinki_db, run):
    add_database(dock, helsinki_db)
    coverage = dock.coverage
    coverage.preset.setCurrentIndex(coverage.preset.findData('shelter_fixed_short'))
    coverage.facilities.setLayer(find_db_layer('shelters'))
    coverage.network.setLayer(find_db_layer('road_network'))
    canvas = dock.iface.mapCanvas()
    tool = WhoServesHereTool(canvas, coverage.base_parameters)
    canvas.setMapTool(tool)
    shelter = next(find_db_layer('shelters').getFeatures()).geometry().pointOnSurface().asPoint()
    place = QgsPointXY(shelter.x() + 250, shelter.y() + 150)
    with qtbot.waitSignal(tool.answered, timeout=TIMEOUT_MS) as blocker:
        tool.canvasClicked.emit(place, Qt.MouseButton.LeftButton)
    answer = blocker.args[0]

    parameters = coverage.base_parameters()
    parameters.update(FACILITIES=find_db_layer('shelters').source(), NETWORK=find_db_layer('road_network').source(),
                      DEMAND=click_layer(place, canvas.mapSettings().destinationCrs()), DEMAND_FIELD='population',
                      OUTPUT_DEMAND='memory:')
    expected, _ = run('resilience:population_coverage', parameters)
    row = next(expected['OUTPUT_DEMAND'].getFeatures())
    assert answer['facility_id'] == row['facility_id']
    assert answer['distance_m'] == pytest.approx(row['distance_m'])
    assert answer['covered'] == bool(row['covered'])
    # the route is drawn along the roads: many vertices, from the click to the shelter, as long as the
    # distance (plus the straight joins where the network snapped line ends together, under a metre here)
    band = tool.band.asGeometry()
    assert tool.band.numberOfVertices() > 2
    line = band.asPolyline()
    assert line[0] == place
    assert band.length() == pytest.approx(answer['distance_m'] + answer['joins_m'], abs=1e-3)
    assert 0.0 <= answer['joins_m'] < 1.0
    shelter_geometry = next(find_db_layer('shelters').getFeatures()).geometry()
    assert shelter_geometry.distance(QgsGeometry.fromPointXY(line[-1])) < 1e-6   # ends at its entrance

    # The prepared network is kept: a second click answers from it, and a fast third click replaces it.
    prepared = tool.routing
    assert prepared is not None
    other = QgsPointXY(shelter.x() - 300, shelter.y() + 200)
    with qtbot.waitSignal(tool.answered, timeout=TIMEOUT_MS) as blocker:
        tool.canvasClicked.emit(place, Qt.MouseButton.LeftButton)
        tool.canvasClicked.emit(other, Qt.MouseButton.LeftButton)
    assert tool.routing is prepared
    assert 'route' in blocker.args[0], blocker.args[0]
    assert blocker.args[0]['route'][0] == other
    canvas.unsetMapTool(tool)
    tool.cleanup()


def test_who_serves_here_without_a_network_draws_the_straight_line(dock, qtbot, helsinki_db):
    add_database(dock, helsinki_db)
    coverage = dock.coverage
    coverage.preset.setCurrentIndex(coverage.preset.findData('shelter_fixed_short'))
    coverage.facilities.setLayer(find_db_layer('shelters'))
    coverage.network.setLayer(None)
    canvas = dock.iface.mapCanvas()
    tool = WhoServesHereTool(canvas, coverage.base_parameters)
    shelter = next(find_db_layer('shelters').getFeatures()).geometry().pointOnSurface().asPoint()
    place = QgsPointXY(shelter.x() + 300, shelter.y() + 400)
    with qtbot.waitSignal(tool.answered, timeout=TIMEOUT_MS) as blocker:
        tool.canvasClicked.emit(place, Qt.MouseButton.LeftButton)
    answer = blocker.args[0]
    assert not answer['on_network'] and answer['covered']
    assert tool.band.numberOfVertices() == 2
    assert answer['distance_m'] == pytest.approx(500.0)
    assert tool.band.asGeometry().length() == pytest.approx(500.0)
    tool.cleanup()


def test_panel_click_on_a_layer_not_in_the_project_explains_what_to_do(dock, qtbot, tmp_path):
    empty = QgsVectorLayer('Point?crs=EPSG:3067', 'nothing', 'memory')
    QgsProject.instance().addMapLayer(empty)
    dock.census.validate()
    assert tr('Choose an existing planning database') in dock.census.run_bar.status.text()
