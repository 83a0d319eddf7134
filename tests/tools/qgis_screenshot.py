"""Run inside QGIS desktop (qgis --code tests/tools/qgis_screenshot.py): wait for the project to render,
save a screenshot of the main window to $RESILIENCE_SCREENSHOT and quit.

    RESILIENCE_SCREENSHOT=shot.png xvfb-run -a -s "-screen 0 1600x1000x24" \\
        qgis --noversioncheck --nologo --project build/demo/helsinki_planning.qgz --code tests/tools/qgis_screenshot.py
"""
import os

from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication
from qgis.utils import iface

TARGET = os.environ.get('RESILIENCE_SCREENSHOT', 'qgis_screenshot.png')
DELAY_MS = int(os.environ.get('RESILIENCE_SCREENSHOT_DELAY_MS', '8000'))


def _shoot():
    window = iface.mainWindow()
    window.grab().save(TARGET)
    QApplication.instance().exit(0)


def _start():
    iface.mainWindow().showMaximized()
    iface.mapCanvas().refreshAllLayers()
    iface.mapCanvas().mapCanvasRefreshed.connect(lambda: QTimer.singleShot(1500, _shoot))
    QTimer.singleShot(DELAY_MS * 3, _shoot)  # in case the canvas never reports a refresh


QTimer.singleShot(DELAY_MS, _start)
