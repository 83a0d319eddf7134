"""Screenshots of the dock in the real QGIS desktop (``make screenshots``), in English and in Chinese.

Outside QGIS (``python3 tests/tools/screenshots.py --stage build/stage/resilience_plugin --demo build/demo``)
it installs the staged plugin into a throw-away profile (HOME is a temporary folder: the user's profile is
never touched), enables it, sets the language and starts QGIS under Xvfb with this file as --code, once per
language.

Inside QGIS (``qgis --code``) it drives the desktop with QTimer callbacks only (no processEvents loops), as
a planner would: opens the dock at the usual dock width (300 px), opens the Helsinki demo project (its first
view), runs the coverage from the Coverage tab and the census check from the Census tab, then opens the
Rutland demo project (its first view; nothing of Helsinki may be left in the dock) and builds the risk list
from the Risk tab, and saves PNGs of every tab and of the map. Everything QGIS logs meanwhile goes to ``qgis_log_<language>.txt`` beside the check images; a
missing-font warning, a stale status after the project switch or a horizontal scrollbar in the dock makes
the run fail.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

OUT_ENV = 'RESILIENCE_SCREENSHOT_DIR'
CHECK_ENV = 'RESILIENCE_SCREENSHOT_CHECK_DIR'
LANGUAGE_ENV = 'RESILIENCE_SCREENSHOT_LANGUAGE'
PROJECTS_ENV = 'RESILIENCE_SCREENSHOT_PROJECTS'
PLUGIN = 'resilience_plugin'
PRESET = 'shelter_fixed_mid'
DOCK_WIDTH = 300
LANGUAGES = ('en', 'zh_CN')
WATCHDOG_MS = 300000


# --- inside QGIS --------------------------------------------------------------------------------------
def drive_qgis():
    from qgis.core import QgsApplication, QgsProject
    from qgis.PyQt.QtCore import Qt, QTimer
    from qgis.PyQt.QtGui import QFontInfo
    from qgis.PyQt.QtWidgets import QApplication
    from qgis.utils import iface, plugins

    out, check = Path(os.environ[OUT_ENV]), Path(os.environ[CHECK_ENV])
    language = os.environ.get(LANGUAGE_ENV, 'en')
    rutland, helsinki = os.environ[PROJECTS_ENV].split(os.pathsep)
    suffix = '' if language == 'en' else '_' + language
    out.mkdir(parents=True, exist_ok=True)
    check.mkdir(parents=True, exist_ok=True)
    state = {'problems': [], 'log': []}

    def log(text):
        print('[screenshots] ' + text, flush=True)

    def problem(text):
        state['problems'].append(text)
        log('PROBLEM: ' + text)

    def on_message(message, tag, level):
        state['log'].append('{}\t{}\t{}'.format(int(level), tag, message))

    QgsApplication.messageLog().messageReceived.connect(on_message)

    def later(ms, func):
        QTimer.singleShot(ms, func)

    def save(widget, name, folder=None):
        path = str((folder or out) / name)
        widget.grab().save(path)
        log('saved ' + path)

    def after_refresh(then, settle_ms=1500):
        """Call ``then`` once the canvas has redrawn (or after a while if it never says so)."""
        canvas = iface.mapCanvas()
        done = {'called': False}

        def fire():
            if not done['called']:
                done['called'] = True
                try:
                    canvas.mapCanvasRefreshed.disconnect(fire)
                except TypeError:
                    pass
                later(settle_ms, then)

        canvas.mapCanvasRefreshed.connect(fire)
        canvas.refreshAllLayers()
        later(20000, fire)

    def show_only(keep):
        """Only the layers for which ``keep(layer)`` is true are drawn (their theme groups switched on)."""
        root = QgsProject.instance().layerTreeRoot()
        for group in root.findGroups(True):
            group.setItemVisibilityChecked(False)
        for node in root.findLayers():
            shown = bool(keep(node.layer()))
            node.setItemVisibilityChecked(shown)
            parent = node.parent()
            while shown and parent is not None and parent is not root:
                parent.setItemVisibilityChecked(True)
                parent = parent.parent()

    def no_sideways_scrolling(tab_name):
        dock = state['dock']
        area = dock.tabs.currentWidget()
        if area.horizontalScrollBar().isVisible():
            problem('{} tab: horizontal scrollbar at {} px (content {} px)'.format(
                tab_name, dock.width(), area.widget().minimumSizeHint().width()))

    def shoot_tab(index, name):
        dock = state['dock']
        dock.tabs.setCurrentIndex(index)
        no_sideways_scrolling(name)
        save(dock, 'dock_{}{}.png'.format(name, suffix))

    def finish(code=0):
        font_warnings = [line for line in state['log'] if 'font' in line.lower()]
        for line in font_warnings:
            problem('QGIS log: ' + line)
        with open(check / 'qgis_log_{}.txt'.format(language), 'w', encoding='utf-8') as stream:
            stream.write('\n'.join(state['log']) + '\n')
        code = code or (3 if state['problems'] else 0)
        log('done' if code == 0 else 'failed ({} problems)'.format(len(state['problems'])))
        # QGIS 3.22 under Xvfb can crash while it tears down the layer tree on exit; the screenshots are
        # written, so leave without the teardown.
        sys.stdout.flush()
        os._exit(code)

    # 1. The dock at the usual width, before any project ----------------------------------------------
    def start():
        window = iface.mainWindow()
        window.showMaximized()
        window.setGeometry(0, 0, 1600, 1000)  # Xvfb has no window manager to maximise it
        font = QApplication.font()
        log('application font: {} ({}), {} pt'.format(font.family(), QFontInfo(font).family(), font.pointSizeF()))
        plugin = plugins.get(PLUGIN)
        if plugin is None:
            log('the plugin is not loaded')
            finish(1)
            return
        plugin.dock_action.trigger()
        dock = state['dock'] = plugin.dock
        window.resizeDocks([dock], [DOCK_WIDTH], Qt.Orientation.Horizontal)
        dock.tabs.setCurrentIndex(0)
        log('opening ' + helsinki)
        iface.addProject(helsinki)
        after_refresh(helsinki_opened)

    # 2. Helsinki: its first view, the coverage and the census check from the dock ---------------------
    def helsinki_opened():
        dock = state['dock']
        name = 'demo_overview.png' if language == 'en' else 'helsinki_first_view{}.png'.format(suffix)
        save(iface.mainWindow(), name, out if language == 'en' else check)
        visible = [n.layer().name() for n in QgsProject.instance().layerTreeRoot().findLayers() if n.isVisible()]
        log('layers on at first: {}'.format(', '.join(visible)))
        shoot_tab(0, 'overlay')
        panel = dock.coverage
        panel.preset.setCurrentIndex(panel.preset.findData(PRESET))
        panel._preset_chosen()
        panel.coverage_finished.connect(coverage_done)
        dock.tabs.setCurrentIndex(1)
        log('running the coverage from the panel')
        panel.run_bar.run_button.click()

    def coverage_done(ok):
        if not ok:
            problem('coverage failed: ' + state['dock'].coverage.run_bar.status.text())
            finish(1)
            return
        canvas = iface.mapCanvas()
        # The demo project holds other analyses too: show the planning base and this run's results only.
        mine = {layer.id() for layer in state['dock'].coverage.added_layers}
        show_only(lambda layer: layer.id() in mine or any(
            'layername=' + name in layer.source() for name in ('road_network', 'shelters', 'buildings')))
        iface.messageBar().clearWidgets()
        population = next(l for l in QgsProject.instance().mapLayers().values()
                          if 'layername=population' in l.source())
        extent = population.extent()
        extent.scale(1.05)
        canvas.setExtent(extent)
        after_refresh(shoot_coverage)

    def shoot_coverage():
        shoot_tab(1, 'coverage')
        if language == 'en':
            save(iface.mainWindow(), 'qgis_coverage.png')
        dock = state['dock']
        dock.tabs.setCurrentIndex(3)
        # The census map: the networks and buildings the findings are about, and the findings of this check.
        show_only(lambda layer: any('layername=' + name in layer.source() for name in (
            'lifelines', 'lifeline_nodes', 'road_network', 'buildings')))
        dock.census.validation_finished.connect(census_done)
        dock.census.run_bar.run_button.click()

    def census_done(ok):
        panel = state['dock'].census
        if ok and panel.findings_layer is not None:
            node = QgsProject.instance().layerTreeRoot().findLayer(panel.findings_layer.id())
            node.setItemVisibilityChecked(True)
            node.parent().setItemVisibilityChecked(True)
        if ok and panel.table.rowCount():
            panel.table.selectRow(0)
            layer = iface.activeLayer()
            log('finding 1 selects {} feature(s) of {}'.format(layer.selectedFeatureCount() if layer else 0,
                                                                layer.name() if layer else None))
        after_refresh(shoot_census)

    def shoot_census():
        iface.messageBar().clearWidgets()
        shoot_tab(3, 'census')
        if language == 'en':
            save(iface.mainWindow(), 'qgis_census.png')
        dock = state['dock']
        dock.tabs.setCurrentIndex(2)
        log('opening ' + rutland)
        iface.addProject(rutland)
        after_refresh(rutland_opened)

    # 3. Rutland: nothing of Helsinki left in the dock; its first view; the risk list from the Risk tab --
    def rutland_opened():
        save(iface.mainWindow(), 'rutland_first_view{}.png'.format(suffix), check)
        dock = state['dock']
        coverage, census = dock.coverage, dock.census
        if coverage.summary or coverage.run_bar.status.text() or coverage.run_bar.progress.value():
            problem('the Coverage tab still shows the Helsinki run after opening Rutland')
        if census.table.rowCount() or census.counts_label.text() or census.run_bar.status.text():
            problem('the Census tab still shows the Helsinki findings after opening Rutland')
        if 'rutland' not in dock.overlay.database_path():
            problem('the dock still works on ' + dock.overlay.database_path())
        for combo, kinds in ((coverage.facilities, ('shelters',)), (coverage.network, ('road_network',)),
                             (coverage.demand, ('population', 'population_points'))):
            layer = combo.currentLayer()
            if layer is not None and not any('layername=' + kind in layer.source() for kind in kinds):
                problem('the Coverage tab chose {} for {}'.format(layer.name(), '/'.join(kinds)))
        panel = dock.risk
        if panel.sources.currentLayer() is None:
            problem('the Rutland project opened without a risk-source layer chosen')
            finish(1)
            return
        log('risk sources: ' + panel.sources.currentLayer().name())
        panel.list_finished.connect(risk_list_done)
        panel.list_button.click()

    def risk_list_done(ok):
        panel = state['dock'].risk
        if not ok:
            problem('risk list failed: ' + panel.run_bar.status.text())
            finish(1)
            return
        if panel.table.rowCount():
            panel.table.selectRow(0)
        after_refresh(shoot_risk)

    def shoot_risk():
        log('message bar: ' + ' | '.join(item.text() for item in iface.messageBar().items()))
        iface.messageBar().clearWidgets()
        shoot_tab(2, 'risk')
        finish(0)

    later(WATCHDOG_MS, lambda: finish(2))
    later(int(os.environ.get('RESILIENCE_SCREENSHOT_DELAY_MS', '5000')), start)


# --- outside QGIS -------------------------------------------------------------------------------------
def run_desktop(stage, demo, output, check, language, keep_home=False):
    """One QGIS session under Xvfb in ``language``; returns its exit code."""
    projects = [demo / 'rutland' / 'rutland_risk.qgz', demo / 'helsinki_planning.qgz']
    for project in projects:
        if not project.exists():
            raise SystemExit('No demo project {} (run make demo).'.format(project))
    home = Path(tempfile.mkdtemp(prefix='resilience_qgis_home_'))
    try:
        profile = home / '.local/share/QGIS/QGIS3/profiles/default'
        shutil.copytree(stage, profile / 'python/plugins' / PLUGIN)
        ini = profile / 'QGIS/QGIS3.ini'
        root = Path(__file__).resolve().parents[2]
        subprocess.run([sys.executable, str(root / 'tests/tools/enable_plugin.py'), str(ini)], check=True)
        with open(ini, 'a', encoding='utf-8') as stream:  # no tips, news or welcome page over the map
            stream.write('\n[qgis]\nshowTips=false\ncheckVersion=false\nallowVersionCheck=false\n'
                         'showTips322=false\n')
            stream.write('\n[locale]\noverrideFlag=true\nuserLocale={}\n'.format(language))
        env = dict(os.environ, HOME=str(home), XDG_RUNTIME_DIR=str(home / 'runtime'))
        env.pop('QT_QPA_PLATFORM', None)
        env.update({OUT_ENV: str(output), CHECK_ENV: str(check), LANGUAGE_ENV: language,
                    PROJECTS_ENV: os.pathsep.join(str(p) for p in projects)})
        (home / 'runtime').mkdir(mode=0o700)
        command = ['xvfb-run', '-a', '-s', '-screen 0 1600x1000x24', 'qgis', '--noversioncheck', '--nologo',
                   '--code', str(Path(__file__).resolve())]
        print('Starting QGIS ({}) under Xvfb with a temporary profile in {}'.format(language, home))
        return subprocess.run(command, env=env, timeout=420).returncode
    finally:
        if not keep_home:
            shutil.rmtree(home, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--stage', default='build/stage/' + PLUGIN)
    parser.add_argument('--demo', default='build/demo', help='the output folder of make demo')
    parser.add_argument('--output', default='docs/images', help='where the screenshots for the docs go')
    parser.add_argument('--check', default='build/screenshots',
                        help='where the first views of the projects and the QGIS logs go, to look at')
    parser.add_argument('--language', choices=LANGUAGES, action='append')
    parser.add_argument('--keep-home', action='store_true')
    args = parser.parse_args()
    stage, demo = Path(args.stage).resolve(), Path(args.demo).resolve()
    output, check = Path(args.output).resolve(), Path(args.check).resolve()
    if not (stage / 'metadata.txt').exists():
        raise SystemExit('No staged plugin in {} (run make stage).'.format(stage))
    output.mkdir(parents=True, exist_ok=True)
    check.mkdir(parents=True, exist_ok=True)
    codes = [run_desktop(stage, demo, output, check, language, args.keep_home)
             for language in args.language or LANGUAGES]
    print('Screenshots in {}: {}'.format(output, ', '.join(sorted(p.name for p in output.glob('*.png')))))
    print('First views and QGIS logs in {}'.format(check))
    sys.exit(max(codes))


if os.environ.get(OUT_ENV) and __name__ != '__main__':
    drive_qgis()  # executed by qgis --code
elif __name__ == '__main__':
    if os.environ.get(OUT_ENV) and 'qgis.utils' in sys.modules:
        drive_qgis()
    else:
        main()
