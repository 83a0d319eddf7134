"""Screenshots of the dock in the real QGIS desktop (``make screenshots``).

Outside QGIS (``python3 tests/tools/screenshots.py --stage build/stage/resilience_plugin ...``) it
installs the staged plugin into a throw-away profile (HOME is a temporary folder: the user's profile is
never touched), enables it and starts QGIS under Xvfb with the demo project and this file as --code.

Inside QGIS (``qgis --code``) it drives the dock with QTimer callbacks only (no processEvents loops):
opens the dock, shows each tab, runs the coverage from the Coverage tab, waits for its finished signal,
runs the census check, and saves PNGs of the dock and the map into $RESILIENCE_SCREENSHOT_DIR.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

OUT_ENV = 'RESILIENCE_SCREENSHOT_DIR'
PLUGIN = 'resilience_plugin'
PRESET = 'shelter_fixed_mid'
DOCK_WIDTH = 560
WATCHDOG_MS = 240000


# --- inside QGIS --------------------------------------------------------------------------------------
def drive_qgis():
    from qgis.core import QgsProject
    from qgis.PyQt.QtCore import Qt, QTimer
    from qgis.utils import iface, plugins

    out = Path(os.environ[OUT_ENV])
    out.mkdir(parents=True, exist_ok=True)
    state = {}

    def log(text):
        print('[screenshots] ' + text, flush=True)

    def later(ms, func):
        QTimer.singleShot(ms, func)

    def save(widget, name):
        path = str(out / name)
        widget.grab().save(path)
        log('saved ' + path)

    def after_refresh(then, settle_ms=1200):
        """Call ``then`` once the canvas has redrawn (or after a while if it never says so)."""
        canvas = iface.mapCanvas()
        done = {'called': False}

        def fire():
            if not done['called']:
                done['called'] = True
                try:
                    canvas.mapCanvasRefreshed.disconnect(on_refresh)
                except TypeError:
                    pass
                later(settle_ms, then)

        def on_refresh():
            fire()

        canvas.mapCanvasRefreshed.connect(on_refresh)
        canvas.refreshAllLayers()
        later(15000, fire)

    def finish(code=0):
        log('done' if code == 0 else 'gave up')
        # QGIS 3.22 under Xvfb can crash while it tears down the layer tree on exit; the screenshots are
        # written, so leave without the teardown.
        sys.stdout.flush()
        os._exit(code)

    def start():
        window = iface.mainWindow()
        window.showMaximized()
        window.setGeometry(0, 0, 1600, 1000)  # Xvfb has no window manager to maximise it
        plugin = plugins.get(PLUGIN)
        if plugin is None:
            log('the plugin is not loaded')
            finish(1)
            return
        plugin.dock_action.trigger()
        dock = state['dock'] = plugin.dock
        window.resizeDocks([dock], [DOCK_WIDTH], Qt.Orientation.Horizontal)
        # The demo project's planning database, as a user would pick it in the Overlay tab.
        shelters = next(l for l in QgsProject.instance().mapLayers().values() if 'layername=shelters' in l.source())
        dock.overlay.database.setFilePath(shelters.source().split('|', 1)[0])
        dock.overlay.refresh_themes()
        dock.tabs.setCurrentIndex(0)
        later(1500, shoot_overlay)

    def shoot_overlay():
        save(state['dock'], 'dock_overlay.png')
        dock = state['dock']
        dock.tabs.setCurrentIndex(2)
        later(800, shoot_risk)

    def shoot_risk():
        save(state['dock'], 'dock_risk.png')
        dock = state['dock']
        dock.tabs.setCurrentIndex(1)
        panel = dock.coverage
        panel.preset.setCurrentIndex(panel.preset.findData(PRESET))
        panel._preset_chosen()
        panel.restore_layers()
        panel.coverage_finished.connect(coverage_done)
        dock.overlay.theme_boxes['Census findings'].setChecked(False)  # the coverage map alone
        log('running the coverage from the panel')
        panel.run_bar.run_button.click()
        later(500, lambda: save(dock, 'dock_coverage_running.png'))

    def coverage_done(ok):
        if not ok:
            log('coverage failed: ' + state['dock'].coverage.run_bar.status.text())
            finish(1)
            return
        canvas = iface.mapCanvas()
        # The demo project holds other analyses too: show the planning base and this run's results only.
        mine = {layer.id() for layer in state['dock'].coverage.added_layers}
        for node in QgsProject.instance().layerTreeRoot().findLayers():
            source = node.layer().source()
            node.setItemVisibilityChecked(node.layer().id() in mine or any(
                'layername=' + name in source for name in ('road_network', 'shelters', 'buildings')))
        iface.messageBar().clearWidgets()
        population = next(l for l in QgsProject.instance().mapLayers().values()
                          if 'layername=population' in l.source())
        extent = population.extent()
        extent.scale(1.05)
        canvas.setExtent(extent)
        after_refresh(shoot_coverage)

    def shoot_coverage():
        save(state['dock'], 'dock_coverage.png')
        save(iface.mainWindow(), 'qgis_coverage.png')
        dock = state['dock']
        dock.tabs.setCurrentIndex(3)
        root = QgsProject.instance().layerTreeRoot()
        for node in root.findLayers():  # the census map: the planning layers and the new findings
            node.setItemVisibilityChecked('|layername=' in node.layer().source() and
                                          'census_findings' not in node.layer().source())
        dock.overlay.theme_boxes['Census findings'].setChecked(True)
        dock.census.validation_finished.connect(census_done)
        dock.census.run_bar.run_button.click()

    def census_done(ok):
        panel = state['dock'].census
        if ok and panel.table.rowCount():
            panel.table.selectRow(0)
        after_refresh(shoot_census)

    def shoot_census():
        iface.messageBar().clearWidgets()
        save(state['dock'], 'dock_census.png')
        save(iface.mainWindow(), 'qgis_census.png')
        finish(0)

    later(WATCHDOG_MS, lambda: finish(2))
    later(int(os.environ.get('RESILIENCE_SCREENSHOT_DELAY_MS', '6000')), start)


# --- outside QGIS -------------------------------------------------------------------------------------
def run_desktop(stage, project, output, keep_home=False):
    stage, project, output = Path(stage).resolve(), Path(project).resolve(), Path(output).resolve()
    if not (stage / 'metadata.txt').exists():
        raise SystemExit('No staged plugin in {} (run make stage).'.format(stage))
    if not project.exists():
        raise SystemExit('No demo project {} (run make demo).'.format(project))
    output.mkdir(parents=True, exist_ok=True)
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
        env = dict(os.environ, HOME=str(home), XDG_RUNTIME_DIR=str(home / 'runtime'))
        env.pop('QT_QPA_PLATFORM', None)
        env[OUT_ENV] = str(output)
        (home / 'runtime').mkdir(mode=0o700)
        command = ['xvfb-run', '-a', '-s', '-screen 0 1600x1000x24', 'qgis', '--noversioncheck', '--nologo',
                   '--project', str(project), '--code', str(Path(__file__).resolve())]
        print('Starting QGIS under Xvfb with a temporary profile in', home)
        result = subprocess.run(command, env=env, timeout=400)
        shots = sorted(p.name for p in output.glob('*.png'))
        print('Screenshots in {}: {}'.format(output, ', '.join(shots)))
        return result.returncode
    finally:
        if not keep_home:
            shutil.rmtree(home, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--stage', default='build/stage/' + PLUGIN)
    parser.add_argument('--project', default='build/demo/helsinki_planning.qgz')
    parser.add_argument('--output', default='docs/images')
    parser.add_argument('--keep-home', action='store_true')
    args = parser.parse_args()
    sys.exit(run_desktop(args.stage, args.project, args.output, args.keep_home))


if os.environ.get(OUT_ENV) and __name__ != '__main__':
    drive_qgis()  # executed by qgis --code
elif __name__ == '__main__':
    if os.environ.get(OUT_ENV) and 'qgis.utils' in sys.modules:
        drive_qgis()
    else:
        main()
