"""What the panels share: settings, layer inputs chosen by kind, the run/cancel/progress bar, forms and tables
that fit a narrow dock, words for codes, finding and zooming to layers."""
import os

from qgis.core import QgsCoordinateTransform, QgsProject, QgsRectangle, QgsSettings
from qgis.PyQt import sip
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (QComboBox, QFormLayout, QHBoxLayout, QHeaderView, QProgressBar, QPushButton,
                                 QVBoxLayout, QWidget)

from ..definitions import KINDS_BY_NAME
from ..qgis_io.project import layer_kind
from ..translation import tr
from .tasks import AlgorithmRun
from .widgets import elide_combo, wrapping_label

SETTINGS_PREFIX = 'resilience_plugin/'
# The dock fits this width (a usual dock width) without a horizontal scrollbar, in English and Chinese.
DOCK_WIDTH_PX = 300
# Combo boxes ask for room for this many characters; longer entries are elided (the tooltip has them whole).
COMBO_CHARACTERS = 12


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

    def project_value(self, name, project=None):
        """A value kept in the project (saved with it), such as the layers chosen in it; '' when none."""
        project = project or QgsProject.instance()
        return project.readEntry(SETTINGS_PREFIX.strip('/'), '{}/{}'.format(self.group, name), '')[0]

    def set_project_value(self, name, value, project=None):
        """Keep ``value`` in the project; choosing a layer is not an edit: the project's unsaved-changes flag
        stays as it was."""
        project = project or QgsProject.instance()
        if self.project_value(name, project) == value:
            return
        dirty = project.isDirty()
        project.writeEntry(SETTINGS_PREFIX.strip('/'), '{}/{}'.format(self.group, name), value)
        project.setDirty(dirty)

    def save_layer(self, name, layer):
        """Remember the layer chosen for input ``name``: in the project, and its kind for other projects."""
        if layer is not None:
            self.set_project_value(name + '_id', layer.id())
            self.set(name + '_table', layer_kind(layer) or '')

    def choose_layer(self, combo, name, kinds):
        """Select in ``combo`` the layer chosen for input ``name`` in this project, else a layer of ``kinds``
        (the kind chosen last first), else nothing: never a layer of another kind."""
        return choose_layer(combo, self.project_value(name + '_id'), self.value(name + '_table', ''), kinds)


def db_path_of(layer):
    return layer.source().split('|', 1)[0] if layer is not None else ''


def find_db_layer(name, db_path=None, project=None):
    """The first project layer of planning layer kind ``name`` (of ``db_path`` when given), in layer-tree
    order."""
    project = project or QgsProject.instance()
    for layer in project_layers(project):
        if layer_kind(layer) != name:
            continue
        if db_path and os.path.normcase(os.path.abspath(db_path_of(layer))) != os.path.normcase(
                os.path.abspath(db_path)):
            continue
        return layer
    return None


def project_layers(project=None):
    """The project's layers in layer-tree order (top first), then any not in the tree."""
    project = project or QgsProject.instance()
    ordered = [node.layer() for node in project.layerTreeRoot().findLayers() if node.layer() is not None]
    seen = {layer.id() for layer in ordered}
    return ordered + [layer for layer in project.mapLayers().values() if layer.id() not in seen]


def find_kind_layer(kinds, project=None):
    """The first project layer of the first of ``kinds`` (planning layer kinds) present, else None."""
    for kind in kinds:
        layer = find_db_layer(kind, project=project)
        if layer is not None:
            return layer
    return None


def choose_layer(combo, saved_id, saved_kind, kinds, project=None):
    """Select in ``combo`` the layer the user chose last in this project (``saved_id``), else a layer of
    ``kinds`` (the saved kind first when it is one of them), else nothing: never a layer of another kind."""
    project = project or QgsProject.instance()
    layer = project.mapLayer(saved_id or '')
    if layer is None:
        preferred = [saved_kind] if saved_kind in kinds else []
        layer = find_kind_layer(preferred + [k for k in kinds if k != saved_kind], project)
    combo.setLayer(layer)
    return layer


def choice_label(enumeration, code):
    """The translated label of ``code`` in ``enumeration`` (definitions), else the code as it is."""
    for choice in enumeration.choices:
        if choice.code == code:
            return tr(choice.label)
    return '' if code is None else str(code)


def kind_title(name):
    """The translated title of planning layer kind ``name`` ('road_network' -> 'Road network')."""
    kind = KINDS_BY_NAME.get(name)
    return tr(kind.title) if kind is not None else ('' if name is None else str(name))


def stacked_form(parent=None):
    """A form whose labels sit above their fields, so it fits a narrow dock."""
    form = QFormLayout(parent)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


def layer_input(combo):
    """A layer input (QgsMapLayerComboBox) that may be empty, fits a narrow dock, and becomes empty when its
    layer leaves the project (Qt would show the neighbouring layer instead, without a signal)."""
    combo.setAllowEmptyLayer(True)
    combo.setLayer(None)
    fit_combo(combo)
    leaving = {}

    def about_to_remove(parent, first, last):
        layer = combo.currentLayer()
        leaving['id'] = layer.id() if layer is not None else None

    def removed(parent, first, last):
        layer_id = leaving.pop('id', None)
        if layer_id and not combo_has_layer(combo, layer_id):
            combo.setLayer(None)
    combo.model().rowsAboutToBeRemoved.connect(about_to_remove)
    combo.model().rowsRemoved.connect(removed)
    return combo


def combo_has_layer(combo, layer_id):
    return any(combo.layer(i) is not None and combo.layer(i).id() == layer_id for i in range(combo.count()))


def fit_combo(combo, characters=COMBO_CHARACTERS):
    """Let ``combo`` shrink to a narrow dock: room for ``characters`` characters, longer entries elided, the
    whole current entry as tooltip (unless the caller sets its own)."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)
    elide_combo(combo)
    if not combo.property('own_tooltip'):
        combo.currentTextChanged.connect(combo.setToolTip)
        combo.setToolTip(combo.currentText())
    return combo


def fit_table(table, stretch):
    """A table that fits a narrow dock: column ``stretch`` takes the room left, the others their contents;
    cells are elided, never scrolled sideways."""
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    header.setStretchLastSection(False)
    header.setMinimumSectionSize(24)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return table


def last_warning(run):
    """The algorithm's last warning, as a second sentence ('' when it gave none)."""
    messages = run.feedback.messages if run is not None else []
    return ' ' + messages[-1] if messages else ''


def project_layer_id(layer, project=None):
    """The id of ``layer`` while it is a layer of the project, else None (a layer removed from the
    project has been deleted: its Python object must not be used any more)."""
    if layer is None or sip.isdeleted(layer):
        return None
    project = project or QgsProject.instance()
    return layer.id() if project.mapLayer(layer.id()) is not None else None


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
    """Run and Cancel buttons, a progress bar and a status line; runs one AlgorithmRun chain at a time.

    The status says what is running, why a run failed or was cancelled; what a finished run produced is the
    caller's to say (``done(text)``): never a bare "Done." for an empty result."""

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
        self.status = wrapping_label()
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        self.current = None
        self.discarded = set()
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

    def reset(self):
        """Forget the run and its messages (another project was opened): a running run is cancelled and its
        end reported to its caller as a failure, without a message."""
        if self.current is not None:
            self.discarded.add(self.current)
            self.current.cancel()
        self.progress.setValue(0)
        self.status.clear()

    def done(self, text):
        """Say what the finished run produced."""
        self.progress.setValue(100)
        self.status.setText(text)

    def _on_progress(self, value):
        low, high = self.span
        self.progress.setValue(int(low + (high - low) * value / 100.0))

    def _on_finished(self, run, ok, results, on_done):
        if self.current is run:
            self.current = None
            self.run_button.setEnabled(True)
            self.cancel_button.setEnabled(False)
        if run in self.discarded:
            self.discarded.discard(run)
            on_done(False, {}, run)
        else:
            if run.cancelled:
                self.progress.setValue(0)
                self.status.setText(tr('Cancelled; nothing was added to the project.'))
            elif not ok:
                self.progress.setValue(0)
                self.status.setText(tr('Failed: {}').format(run.error))
            on_done(ok and not run.cancelled, results, run)
        run.deleteLater()   # its context, with the copies of the input layers it read
