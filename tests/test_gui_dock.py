"""The dock in a planner's daily use (issue 9), in headless QGIS with a real canvas, project and message bar:
another project opened, a narrow dock in English and Chinese, plain words, themes in any language, the
planning report from the dock and the "Who serves here?" message."""
import shutil
from decimal import ROUND_HALF_UP, Decimal

import pytest
from qgis.core import (QgsExpression, QgsExpressionContext, QgsExpressionContextUtils,
                       QgsFeature, QgsFontUtils, QgsGeometry, QgsPointXY, QgsProject, QgsReadWriteContext,
                       QgsVectorFileWriter, QgsVectorLayer)
from qgis.PyQt.QtCore import QCoreApplication, QObject, Qt, QTranslator, pyqtSlot
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import QPushButton
from qgis.PyQt.QtXml import QDomDocument

from conftest import ROOT
from resilience_plugin.definitions import LAYERS_BY_NAME, PRESETS_BY_KEY, RULES, SEVERITY
from resilience_plugin.gui.common import DOCK_WIDTH_PX, find_db_layer
from resilience_plugin.gui.coverage_panel import preset_limit
from resilience_plugin.gui.dock import ResilienceDock
from resilience_plugin.gui.widgets import combo_shown_text
from resilience_plugin.qgis_io.database import layer_uri
from resilience_plugin.qgis_io.project import THEME_KEY, add_layer, find_theme_group
from resilience_plugin.qgis_io.result_styles import LOAD_LABEL_EXPRESSION, format_load
from resilience_plugin.translation import tr
import test_gui_panels as panels
import test_gui_plugin
from test_gui_panels import TIMEOUT_MS, add_database, shelters_on_network
from risk_helpers import memory_layer

clean_settings, iface, dock = panels.clean_settings, panels.iface, panels.dock
without_session_provider = test_gui_plugin.without_session_provider
QM = ROOT / 'i18n' / 'resilience_plugin_zh_CN.qm'


@pytest.fixture
def ui_language():
    """Switch the plugin's strings to a language as QGIS does at start (the compiled .qm), and back."""
    installed = []

    def switch(language):
        for translator in installed:
            QCoreApplication.removeTranslator(translator)
        installed.clear()
        if language != 'en':
            translator = QTranslator()
            assert translator.load(str(QM)), 'run make transcompile'
            QCoreApplication.installTranslator(translator)
            installed.append(translator)
    yield switch
    switch('en')


def run_coverage(dock, qtbot, preset='shelter_emergency', facilities=None, network='road_network'):
    panel = dock.coverage
    panel.preset.setCurrentIndex(panel.preset.findData(preset))
    panel.facilities.setLayer(facilities or find_db_layer('shelters'))
    panel.network.setLayer(find_db_layer(network) if network else None)
    panel.demand.setLayer(find_db_layer('population'))
    with qtbot.waitSignal(panel.coverage_finished, timeout=TIMEOUT_MS) as blocker:
        panel.run_bar.run_button.click()
    assert blocker.args == [True], panel.run_bar.status.text()
    return panel


def validate(dock, qtbot):
    with qtbot.waitSignal(dock.census.validation_finished, timeout=TIMEOUT_MS) as blocker:
        dock.census.run_bar.run_button.click()
    assert blocker.args == [True]


# --- Another project ------------------------------------------------------------------------------------

def write_project_b(db, path):
    """Project B: another planning database's buildings, lifelines, roads and risk-source areas added by hand
    (no groups, no stored kind), and a point layer of schools that is no planning layer at all."""
    project = QgsProject.instance()
    project.clear()
    for kind in ('buildings', 'lifelines', 'road_network', 'risk_source_areas'):
        layer = QgsVectorLayer(layer_uri(db, kind), tr(LAYERS_BY_NAME[kind].title), 'ogr')
        assert layer.isValid()
        project.addMapLayer(layer)
    schools = memory_layer('Point', 'EPSG:3067', ['name:string', 'capacity:double'],
                           [('POINT(385800 6672000)', ['School', 300.0])], name='Schools')
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = 'GPKG'
    gpkg = str(path.parent / 'schools.gpkg')
    error = QgsVectorFileWriter.writeAsVectorFormatV3(schools, gpkg, project.transformContext(), options)
    assert error[0] == QgsVectorFileWriter.WriterError.NoError
    project.addMapLayer(QgsVectorLayer(gpkg, 'Schools', 'ogr'))
    assert project.write(str(path))
    project.clear()


def test_another_project_chooses_layers_by_kind_and_clears_the_dock(dock, qtbot, helsinki_db, tmp_path):
    project = QgsProject.instance()
    other_db = str(tmp_path / 'other_city.gpkg')
    shutil.copy(helsinki_db, other_db)
    project_b = tmp_path / 'other_city.qgz'
    write_project_b(other_db, project_b)

    # Project A: the Helsinki planning layers, layers chosen, a coverage run, a census check.
    add_database(dock, helsinki_db)
    coverage = run_coverage(dock, qtbot)
    assert coverage.summary and coverage.run_bar.progress.value() == 100
    dock.risk.sources.setLayer(find_db_layer('risk_sources'))
    validate(dock, qtbot)
    assert dock.census.table.rowCount() > 0
    project_a = tmp_path / 'helsinki.qgz'
    assert project.write(str(project_a))
    chosen_a = {name: combo.currentLayer().id() for name, combo in (
        ('facilities', coverage.facilities), ('network', coverage.network), ('demand', coverage.demand),
        ('sources', dock.risk.sources))}

    # Project B: a layer of the right kind or nothing; never Buildings or Schools for facilities or demand.
    assert project.read(str(project_b))
    assert coverage.facilities.currentLayer() is None   # B has no shelters
    assert coverage.demand.currentLayer() is None       # ... and no population
    network = coverage.network.currentLayer()
    assert network is not None and network.source() == layer_uri(other_db, 'road_network')
    sources = dock.risk.sources.currentLayer()
    assert sources is not None and sources.source() == layer_uri(other_db, 'risk_source_areas')
    assert dock.risk.zones.currentLayer() is None and dock.risk.hazard.currentLayer() is None
    # Nothing of A is shown any more: status, progress, summary, tables.
    assert coverage.summary == {} and coverage.results == {} and coverage.chart.bars == []
    assert coverage.summary_label.text() == tr('Run the coverage to see the population covered.')
    for panel in dock.panels():
        assert panel.run_bar.status.text() == '' and panel.run_bar.progress.value() == 0
    assert dock.census.table.rowCount() == 0 and dock.census.counts_label.text() == ''
    assert dock.census.findings_layer is None and dock.risk.table.rowCount() == 0
    # The dock works on B's planning database now.
    assert dock.overlay.database_path() == other_db
    assert dock.census.database_label.toolTip() == other_db
    # Choosing a preset for fire stations finds none in B either: the input stays empty.
    coverage.preset.setCurrentIndex(coverage.preset.findData('fire_4min'))
    coverage._preset_chosen()
    assert coverage.facilities.currentLayer() is None
    assert coverage.run() is None and coverage.run_bar.status.text() == tr('Choose a facility layer.')

    # Back to A: the layers chosen there.
    assert project.read(str(project_a))
    assert {name: combo.currentLayer().id() for name, combo in (
        ('facilities', coverage.facilities), ('network', coverage.network), ('demand', coverage.demand),
        ('sources', dock.risk.sources))} == chosen_a


def test_a_run_going_on_when_another_project_opens_adds_nothing_to_it(dock, qtbot, helsinki_db):
    add_database(dock, helsinki_db)
    panel = dock.coverage
    panel.facilities.setLayer(find_db_layer('shelters'))
    panel.network.setLayer(find_db_layer('road_network'))
    panel.demand.setLayer(find_db_layer('population'))
    with qtbot.waitSignal(panel.coverage_finished, timeout=TIMEOUT_MS) as blocker:
        panel.run_bar.run_button.click()
        QgsProject.instance().clear()   # File > New while the coverage runs
    assert blocker.args == [False]
    qtbot.wait(200)
    assert QgsProject.instance().mapLayers() == {}
    assert panel.run_bar.status.text() == '' and panel.summary == {} and panel.added_layers == []
    assert panel.run_bar.run_button.isEnabled() and not panel.run_bar.is_running()


def test_a_run_reads_unsaved_edits_and_copies_of_the_other_inputs(dock, qtbot, helsinki_db):
    add_database(dock, helsinki_db)
    shelters = shelters_on_network([('Hall', 50.0), ('School', 10.0)])
    point = next(shelters.getFeatures()).geometry().asPoint()
    shelters.startEditing()
    feature = QgsFeature(shelters.fields())
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(point.x() + 700, point.y())))
    feature.setAttributes(['Library (not saved yet)', 30.0])
    shelters.addFeature(feature)
    panel = run_coverage(dock, qtbot, preset='shelter_fixed_mid', facilities=shelters)
    names = {f['name'] for f in panel.results['OUTPUT_FACILITIES'].getFeatures()}
    assert names == {'Hall', 'School', 'Library (not saved yet)'}
    shelters.rollBack()


def test_a_layer_removed_from_the_project_empties_its_input(dock, helsinki_db):
    add_database(dock, helsinki_db)
    coverage = dock.coverage
    coverage.facilities.setLayer(find_db_layer('shelters'))
    QgsProject.instance().removeMapLayer(find_db_layer('shelters').id())
    assert coverage.facilities.currentLayer() is None


# --- A narrow dock, in English and Chinese -----------------------------------------------------------------

@pytest.mark.parametrize('language', ['en', 'zh_CN'])
def test_every_tab_fits_the_usual_dock_width(language, iface, qtbot, helsinki_db, ui_language):
    ui_language(language)
    widget = ResilienceDock(iface, iface.mainWindow())
    qtbot.addWidget(widget)
    try:
        add_database(widget, helsinki_db)
        # Long values: a layer name much wider than the dock, chosen in every layer input.
        long_name = 'Emergency shelters of the central district surveyed in 2024, draft three for review'
        shelters = shelters_on_network([('Hall', 50.0), ('School', 10.0)])
        shelters.setName(long_name)
        run_coverage(widget, qtbot, preset='shelter_fixed_long', facilities=shelters)
        validate(widget, qtbot)
        widget.setFloating(True)
        widget.resize(DOCK_WIDTH_PX, 900)
        widget.show()
        qtbot.waitExposed(widget)
        assert widget.minimumSizeHint().width() <= DOCK_WIDTH_PX
        for index, area in enumerate(widget.scroll_areas()):
            widget.tabs.setCurrentIndex(index)
            qtbot.wait(50)
            panel = area.widget()
            assert panel.minimumSizeHint().width() <= DOCK_WIDTH_PX, type(panel).__name__
            assert not area.horizontalScrollBar().isVisible(), type(panel).__name__
            assert panel.width() <= area.viewport().width()
            for table in panel.findChildren(type(widget.census.table)):
                assert not table.horizontalScrollBar().isVisible()
        # The long name is elided where it is shown, and whole in the tooltip.
        combo = widget.coverage.facilities
        assert combo.currentText() == long_name and combo.toolTip() == long_name
        assert combo.width() < combo.fontMetrics().horizontalAdvance(long_name)
        assert widget.census.database_label.toolTip() == helsinki_db
    finally:
        widget.shutdown()


def test_long_entries_are_drawn_elided(dock, qtbot):
    combo = dock.coverage.preset
    label = tr(PRESETS_BY_KEY[combo.currentData()].label)
    combo.resize(110, combo.sizeHint().height())
    shown = combo_shown_text(combo)
    assert shown.endswith('…') and label.startswith(shown[:-1]) and len(shown) < len(label)
    combo.resize(600, combo.sizeHint().height())
    assert combo_shown_text(combo) == label
    assert not combo.grab().isNull()   # the elided painter draws


# --- Plain words ------------------------------------------------------------------------------------------

def test_load_reads_the_same_in_the_dock_and_on_the_map(dock, qtbot, helsinki_db, run):
    add_database(dock, helsinki_db)
    shelters = shelters_on_network([('Small school', 5.0), ('Sports hall', 50.0)])
    panel = run_coverage(dock, qtbot, preset='shelter_fixed_mid', facilities=shelters)
    loads = panel.results['OUTPUT_FACILITIES']
    labeling = loads.labeling().settings()
    assert labeling.fieldName == LOAD_LABEL_EXPRESSION and loads.labelsEnabled()
    context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(loads))
    expression = QgsExpression(labeling.fieldName)
    overloaded = sorted((f for f in loads.getFeatures() if f['overloaded']), key=lambda f: -f['load_ratio'])
    assert overloaded
    for feature in loads.getFeatures():
        context.setFeature(feature)
        on_map = expression.evaluate(context)
        # The load computed another way: people over places, as a whole percentage, digits grouped.
        percent = Decimal(repr(feature['population'])) / Decimal(repr(feature['capacity'])) * 100
        by_hand = '{:,}%'.format(int(percent.quantize(Decimal(1), rounding=ROUND_HALF_UP)))
        assert on_map == format_load(feature['load_ratio']) == by_hand
    worst = overloaded[0]
    assert tr('{} (load {} of capacity)').format(worst['name'], format_load(worst['load_ratio'])) \
        in panel.summary_label.text()
    assert '×' not in panel.summary_label.text()
    # The label's font is one this machine has (QGIS warns about a missing one when the project opens).
    document = QDomDocument()
    element = labeling.format().writeXml(document, QgsReadWriteContext())
    assert QgsFontUtils.fontFamilyMatchOnSystem(element.attribute('fontFamily'))


def test_an_empty_coverage_says_why_not_done(dock, qtbot, helsinki_db, run):
    add_database(dock, helsinki_db)
    far = memory_layer('Point', 'EPSG:3067', ['name:string'], [('POINT(300000 6600000)', ['Far away'])],
                       name='Far shelter')
    QgsProject.instance().addMapLayer(far)
    panel = run_coverage(dock, qtbot, facilities=far, network=None)
    expected, _ = run('resilience:population_coverage', {
        'FACILITIES': far, 'PRESET': 1, 'DEMAND': find_db_layer('population').source(),
        'DEMAND_FIELD': 'population', 'OUTPUT_SUMMARY': 'memory:'})
    assert next(expected['OUTPUT_SUMMARY'].getFeatures())['covered'] == 0
    status = panel.run_bar.status.text()
    assert status == tr('No facility reaches any demand within {}.').format(
        preset_limit(PRESETS_BY_KEY['shelter_emergency']))
    assert status == 'No facility reaches any demand within 500 m.'
    assert 'Done' not in status


def test_layers_added_counts_the_layers_actually_added(dock, helsinki_db):
    project = QgsProject.instance()
    before = set(project.mapLayers())
    dock.overlay.database.setFilePath(helsinki_db)
    added = dock.overlay.add_layers()
    new = set(project.mapLayers()) - before
    assert len(added) == len(new) > 0
    assert dock.overlay.message.text() == tr('{} layers added from {}.').format(len(new), 'helsinki.gpkg')
    assert dock.overlay.add_layers() == []   # asked again: nothing added, and it says so
    assert set(project.mapLayers()) - before == new
    assert dock.overlay.message.text() == tr('The {} layers of {} are already in the project.').format(
        len(new), 'helsinki.gpkg')


def test_census_findings_and_exposure_read_in_words(dock, qtbot, helsinki_db, run, ui_language):
    ui_language('zh_CN')
    widget = dock.__class__(dock.iface, dock.iface.mainWindow())   # the Chinese dock
    qtbot.addWidget(widget)
    try:
        add_database(widget, helsinki_db)
        validate(widget, qtbot)
        table = widget.census.table
        expected, _ = run('resilience:validate_census', {'DATABASE': helsinki_db, 'OUTPUT': 'memory:'})
        findings = list(expected['OUTPUT'].getFeatures())
        assert table.rowCount() == len(findings) > 0
        colours = {c.code: c.colour for c in SEVERITY.choices}
        for row, finding in enumerate(findings[:50]):
            assert table.item(row, 1).text() == tr(LAYERS_BY_NAME[finding['layer']].title)
            assert table.item(row, 2).text() == tr(RULES[finding['rule']][1])
            assert table.item(row, 0).data(Qt.ItemDataRole.DecorationRole).name() == colours[finding['severity']]
            assert finding['message'] in table.item(row, 2).toolTip()
            texts = ' '.join(table.item(row, c).text() for c in range(table.columnCount()))
            assert finding['rule'] not in texts and finding['layer'] not in texts
        assert tr(RULES['disconnected_segment'][1]) != RULES['disconnected_segment'][1]  # really Chinese

        # Exposure of the lifelines to a zone over the middle of the city: networks and grades in words.
        centre = find_db_layer('road_network').extent().center()
        x, y = centre.x(), centre.y()
        zones = memory_layer('Polygon', 'EPSG:3067', ['risk_grade:string'], [(
            'POLYGON(({0} {1},{2} {1},{2} {3},{0} {3},{0} {1}))'.format(x - 800, y - 800, x + 800, y + 800),
            ['major'])], name='zones')
        QgsProject.instance().addMapLayer(zones)
        widget.risk.zones.setLayer(zones)
        with qtbot.waitSignal(widget.risk.exposure_finished, timeout=TIMEOUT_MS):
            widget.risk.exposure_button.click()
        text = widget.risk.exposure_label.text()
        summary, _ = run('resilience:exposure', dict(widget.risk.exposure_parameters(), ZONES=zones,
                                                     OUTPUT_SUMMARY='memory:', OUTPUT='memory:',
                                                     OUTPUT_SITES='memory:'))
        networks = {f['network'] for f in summary['OUTPUT_SUMMARY'].getFeatures() if f['network']}
        assert networks
        from resilience_plugin.definitions import NETWORK_TYPE, RISK_GRADE
        for code in networks:
            assert tr(NETWORK_TYPE.choice(code).label) in text
        assert tr(RISK_GRADE.choice('major').label) in text
        assert not any(code in text for code in networks | {'major', 'lifeline', 'building', 'shelter'})
    finally:
        widget.shutdown()


# --- Themes in any language --------------------------------------------------------------------------------

def test_themes_work_by_their_stored_key_in_any_language(iface, qtbot, helsinki_db, ui_language):
    root = QgsProject.instance().layerTreeRoot()
    english = ResilienceDock(iface, iface.mainWindow())
    qtbot.addWidget(english)
    add_database(english, helsinki_db)   # groups titled in English
    english.shutdown()
    shelters = find_theme_group(root, 'Shelters')
    assert shelters.name() == 'Shelters' and shelters.customProperty(THEME_KEY) == 'Shelters'

    ui_language('zh_CN')                 # the user switches QGIS to Chinese
    chinese = ResilienceDock(iface, iface.mainWindow())
    qtbot.addWidget(chinese)
    try:
        box = chinese.overlay.theme_boxes['Shelters']
        assert box.text() == tr('Shelters') != 'Shelters' and box.isEnabled()
        box.setChecked(False)
        assert not shelters.itemVisibilityChecked()
        shelters.setItemVisibilityChecked(True)   # from the layer tree: the box follows
        assert box.isChecked()
        # A result added now goes to the existing group, not to a second one titled in Chinese.
        groups = len(root.findGroups())
        result = memory_layer('Point', 'EPSG:3067', ['n:int'], [('POINT(385800 6672000)', [1])], name='result')
        add_layer(result, 'Shelters')
        assert len(root.findGroups()) == groups
        assert root.findLayer(result.id()).parent() is shelters
        # ... and a group the user renamed is still the theme's.
        shelters.setName('My shelters')
        box.setChecked(False)
        assert not shelters.itemVisibilityChecked()
    finally:
        chinese.shutdown()


# --- The planning report from the dock ---------------------------------------------------------------------

class Viewer(QObject):
    """Stands in for the system's PDF viewer (QDesktopServices URL handler for file: URLs)."""

    def __init__(self):
        super().__init__()
        self.opened = []

    @pyqtSlot('QUrl')
    def show(self, url):
        self.opened.append(url.toLocalFile())


def test_planning_report_is_prefilled_and_offers_to_open_the_pdf(dock, qtbot, helsinki_db, monkeypatch, tmp_path,
                                                                  run):
    add_database(dock, helsinki_db)
    coverage = run_coverage(dock, qtbot)
    summary = coverage.results['OUTPUT_SUMMARY']
    parameters = dock.census.report_parameters()
    assert parameters['COVERAGE_SUMMARY'] == summary.id()      # prefilled with the coverage summary
    assert parameters['COVERAGE_DEMAND'] == coverage.results['OUTPUT_DEMAND'].id()

    # The algorithm's dialog, as the user runs it: the report is written where they chose.
    import processing
    pdf = tmp_path / 'report.pdf'
    shown = []

    def dialog(algorithm_id, values):
        shown.append(values)
        result, _ = run(algorithm_id, dict(values, OUTPUT=str(pdf)))
        return result
    monkeypatch.setattr(processing, 'execAlgorithmDialog', dialog)
    item = dock.census.open_report()
    assert shown == [parameters] and pdf.is_file()
    bar = dock.iface.messageBar()
    assert item in bar.items() and item.text() == tr('Written to {}').format('report.pdf')
    viewer = Viewer()
    QDesktopServices.setUrlHandler('file', viewer, 'show')
    try:
        item.findChild(QPushButton, 'open_file').click()
    finally:
        QDesktopServices.unsetUrlHandler('file')
    assert viewer.opened == [str(pdf)]

    # The dialog closed without running: nothing is offered.
    monkeypatch.setattr(processing, 'execAlgorithmDialog', lambda *args: {})
    assert dock.census.open_report() is None


# --- "Who serves here?" keeps no stale message --------------------------------------------------------------

def test_who_serves_here_message_follows_the_clicks_and_the_layers(without_session_provider, iface, qtbot,
                                                                   helsinki_db):
    import resilience_plugin
    plugin = resilience_plugin.classFactory(iface)
    plugin.initGui()
    try:
        plugin.tool_action.trigger()
        tool, dock = plugin.tool, plugin.dock
        add_database(dock, helsinki_db)
        coverage = dock.coverage
        coverage.preset.setCurrentIndex(coverage.preset.findData('shelter_fixed_short'))
        shelters = shelters_on_network([('Hall', 50.0), ('School', 10.0)])
        coverage.facilities.setLayer(shelters)
        coverage.network.setLayer(find_db_layer('road_network'))
        bar = iface.messageBar()
        point = next(shelters.getFeatures()).geometry().asPoint()

        def click(dx, dy):
            with qtbot.waitSignal(tool.answered, timeout=TIMEOUT_MS) as blocker:
                tool.canvasClicked.emit(QgsPointXY(point.x() + dx, point.y() + dy), Qt.MouseButton.LeftButton)
            return blocker.args[0]

        def tool_messages():
            return [item for item in bar.items() if item.title() == tr('Who serves here?')]

        first = click(200, 100)
        assert [item.text() for item in tool_messages()] == [tool.message]
        assert first['name'] in tool.message
        second = click(-250, 150)
        assert [item.text() for item in tool_messages()] == [tool.message]   # replaced, not piled up
        assert second['name'] in tool.message
        # The facilities change: the answer about them goes, with its route.
        shelters.startEditing()
        feature = QgsFeature(shelters.fields())
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(point.x() + 900, point.y())))
        feature.setAttributes(['Library', 20.0])
        shelters.addFeature(feature)
        shelters.commitChanges()
        assert tool_messages() == [] and tool.message == '' and tool.band.numberOfVertices() == 0
        click(200, 100)
        assert len(tool_messages()) == 1
        # Other facilities chosen in the Coverage tab: the same.
        coverage.facilities.setLayer(find_db_layer('shelters'))
        assert tool_messages() == [] and tool.band.numberOfVertices() == 0
        click(200, 100)
        # Another project: the same.
        QgsProject.instance().clear()
        assert tool_messages() == [] and tool.message == ''
    finally:
        plugin.unload()
