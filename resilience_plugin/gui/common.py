"""What the panels share: settings, the run/cancel/progress bar, finding and zooming to layers."""
import os

from qgis.core import (QgsCoordinateTransform, QgsProject, QgsRectangle, QgsSettings, QgsVectorLayer)
from qgis.PyQt import sip
from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from ..translation import tr
from .tasks import AlgorithmRun

SETTINGS_PREFIX = 'resilience_plugin/'


class PanelSettings:
    """QgsSettings under ``resilience_plugin/<group>/``."""

    def __init__(self, group):
        self.group = group

    def key(self, name):
        return '{}{}/{}'.format(SETTINGS_PREFIX, self.group, name)

    def value(self, name, default=None, type_=None):
        settings = QgsSettings()
        if type_ is not None:
            return settings.value(self.key(name), default, type=type_)
        return settings.value(self.key(name), default)

    def set(self, name, value):
        QgsSettings().setValue(self.key(name), value)


def db_layer_name(layer):
    """The table of a GeoPackage layer (``...|layername=shelters`` gives 'shelters'), else None."""
    if layer is None or not isinstance(layer, QgsVectorLayer):
        return None
    source = layer.source()
    if '|layername=' not in source:
        return None
    return source.split('|layername=', 1)[1].split('|', 1)[0]


def db_path_of(layer):
    return layer.source().split('|', 1)[0] if layer is not None else ''


def find_db_layer(name, db_path=None, project=None):
    """The first project layer showing table ``name`` (of ``db_path`` when given)."""
    project = project or QgsProject.instance()
    for layer in project.mapLayers().values():
        if db_layer_name(layer) != name:
            continue
        if db_path and os.path.normcase(os.path.abspath(db_path_of(layer))) != os.path.normcase(
                os.path.abspath(db_path)):
            continue
        return layer
    return None


def project_layer_id(layer, project=None):
    """The id of ``layer`` while it is a layer of the project, else None (a layer removed from the
    project has been deleted: its Python object must not be used any more)."""
    if layer is None or sip.isdeleted(layer):
        return None
    project = project or QgsProject.instance()
    return layer.id() if project.mapLayer(layer.id()) is not None else None


def select_layer_in_combo(combo, layer):
    if layer is not None:
        combo.setLayer(layer)


def zoom_to_geometry(canvas, geometry, crs, buffer_m=150.0):
    """Centre ``canvas`` on ``geometry`` (in ``crs``) with some room around it."""
    if canvas is None or geometry is None or geometry.isEmpty():
        return False
    rect = QgsRectangle(geometry.boundingBox())
    transform = QgsCoordinateTransform(crs, canvas.mapSettings().destinationCrs(),
                                       QgsProject.instance().transformContext())
    rect = transform.transformBoundingBox(rect)
    if rect.width() < 1 and rect.height() < 1:
        centre = rect.center()
        half = buffer_m if canvas.mapSettings().destinationCrs().isGeographic() is False else 0.002
        rect = QgsRectangle(centre.x() - half, centre.y() - half, centre.x() + half, centre.y() + half)
    else:
        rect.scale(1.3)
    canvas.setExtent(rect)
    canvas.refresh()
    return True


def zoom_to_feature(canvas, layer, fid, select=True):
    """Zoom to feature ``fid`` of ``layer``, optionally making it the layer's selection."""
    if layer is None:
        return False
    feature = layer.getFeature(int(fid))
    if not feature.isValid():
        return False
    if select:
        layer.selectByIds([feature.id()])
    return zoom_to_geometry(canvas, feature.geometry(), layer.crs())


class RunBar(QWidget):
    """Run and Cancel buttons, a progress bar and a status line; runs one AlgorithmRun chain at a time."""

    run_requested = pyqtSignal()

    def __init__(self, run_text, parent=None):
        super().__init__(parent)
        self.run_button = QPushButton(run_text)
        self.cancel_button = QPushButton(tr('Cancel'))
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.setTextVisible(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.progress, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.current = None
        self.span = (0.0, 100.0)
        self.run_button.clicked.connect(self.run_requested.emit)
        self.cancel_button.clicked.connect(self.cancel)

    def is_running(self):
        return self.current is not None

    def start(self, algorithm_id, parameters, on_done, span=(0.0, 100.0)):
        """Start ``algorithm_id``; ``on_done(ok, results, run)`` is called in the GUI thread."""
        run = AlgorithmRun(algorithm_id, parameters, self)
        self.span = span
        run.progress.connect(self._on_progress)
        run.finished.connect(lambda ok, results: self._on_finished(run, ok, results, on_done))
        if not run.start():
            self.status.setText(tr('Cannot start: {}').format(run.error))
            return None
        self.current = run
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        if span[0] == 0.0:
            self.progress.setValue(0)
        self.status.setText(tr('Running {}…').format(run.algorithm.displayName()))
        return run

    def cancel(self):
        if self.current is not None:
            self.status.setText(tr('Cancelling…'))
            self.current.cancel()

    def _on_progress(self, value):
        low, high = self.span
        self.progress.setValue(int(low + (high - low) * value / 100.0))

    def _on_finished(self, run, ok, results, on_done):
        self.current = None
        self.run_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        if run.cancelled:
            self.progress.setValue(0)
            self.status.setText(tr('Cancelled; nothing was added to the project.'))
        elif not ok:
            self.progress.setValue(0)
            self.status.setText(tr('Failed: {}').format(run.error))
        elif self.span[1] >= 100.0:
            self.progress.setValue(100)
            self.status.setText(tr('Done.'))
        on_done(ok and not run.cancelled, results, run)
