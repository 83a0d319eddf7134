"""Run a Processing algorithm of the plugin in the background (QgsProcessingAlgRunnerTask).

The panels only build parameter dicts; an ``AlgorithmRun`` starts the algorithm by its id in QGIS's
task manager, reports progress, can be cancelled, and hands the outputs back in the GUI thread.
Memory outputs (``TEMPORARY_OUTPUT``) are taken out of the Processing context, so the caller owns
them and decides what is added to the project: a cancelled or failed run adds nothing.

Input layers given by their project id are read through copies the run owns (``run_copy``): opening
another project deletes the project's layers while the algorithm may still be reading them in its thread.
"""
from qgis.core import (QgsApplication, QgsMapLayer, QgsProcessingAlgRunnerTask, QgsProcessingContext,
                       QgsProcessingFeedback, QgsProject, QgsVectorLayer)
from qgis.PyQt.QtCore import QObject, pyqtSignal, pyqtSlot

from ..translation import tr


def run_copy(layer):
    """A copy of ``layer`` for a background run to read, independent of the project (same source, name,
    filter and feature ids; a memory layer's features copied). A layer with unsaved edits is read as it is
    (its edits are not in a copy)."""
    if isinstance(layer, QgsVectorLayer) and layer.isEditable() and layer.isModified():
        return layer
    return layer.clone()


class _Feedback(QgsProcessingFeedback):
    """Keeps the warnings and errors so the panel can show why a run failed."""

    def __init__(self):
        super().__init__()
        self.messages = []

    def reportError(self, error, fatalError=False):  # noqa: N802,N803
        self.messages.append(error)
        super().reportError(error, fatalError)

    def pushWarning(self, warning):  # noqa: N802
        self.messages.append(warning)
        super().pushWarning(warning)


class AlgorithmRun(QObject):
    """One background run of ``algorithm_id``. Signals come in the GUI thread.

    finished(ok, results): ``results`` maps every output name to its value; vector and raster outputs
    written to memory are replaced by the QgsMapLayer itself (owned by the caller from then on).
    """

    progress = pyqtSignal(float)
    finished = pyqtSignal(bool, dict)

    def __init__(self, algorithm_id, parameters, parent=None):
        super().__init__(parent)
        self.algorithm_id = algorithm_id
        self.parameters = dict(parameters)
        self.cancelled = False
        self.running = False
        self.error = ''
        self.task = None
        self.copies = []
        self.feedback = _Feedback()
        self.context = QgsProcessingContext()
        self.context.setProject(QgsProject.instance())
        self.algorithm = QgsApplication.processingRegistry().createAlgorithmById(algorithm_id)

    @staticmethod
    def available(algorithm_id):
        return QgsApplication.processingRegistry().algorithmById(algorithm_id) is not None

    def start(self):
        """Queue the run in QGIS's task manager; False (and ``error`` set) when it cannot start."""
        if self.algorithm is None:
            self.error = tr('The algorithm {} is not available.').format(self.algorithm_id)
            return False
        parameters = self.own_inputs(self.parameters)
        ok, message = self.algorithm.checkParameterValues(parameters, self.context)
        if not ok:
            self.error = message
            return False
        self.task = QgsProcessingAlgRunnerTask(self.algorithm, parameters, self.context, self.feedback)
        self.task.setDescription(self.algorithm.displayName())
        self.feedback.progressChanged.connect(self._on_progress)
        self.task.executed.connect(self._on_executed)
        self.running = True
        QgsApplication.taskManager().addTask(self.task)
        return True

    def own_inputs(self, parameters):
        """``parameters`` with every project layer id (alone or in a list) replaced by a ``run_copy`` that this
        run keeps (given as the layer itself: the algorithm's thread does not see a context's own layers)."""
        project, copies = QgsProject.instance(), {}

        def own(value):
            layer = project.mapLayer(value) if isinstance(value, str) and value else None
            if layer is None:
                return value
            if value not in copies:
                copies[value] = run_copy(layer)
            return copies[value]
        owned = {name: [own(v) for v in value] if isinstance(value, list) else own(value)
                 for name, value in parameters.items()}
        self.copies = list(copies.values())
        return owned

    def cancel(self):
        """Ask the algorithm to stop; whatever it produced is discarded."""
        self.cancelled = True
        self.feedback.cancel()
        if self.task is not None:
            self.task.cancel()

    @pyqtSlot(float)
    def _on_progress(self, value):
        self.progress.emit(value)

    def _on_executed(self, ok, results):
        self.running = False
        self.task = None
        if self.cancelled:
            self.error = tr('Cancelled.')
            self.finished.emit(False, {})
            return
        if not ok:
            self.error = '\n'.join(self.feedback.messages[-3:]) or tr('The algorithm failed.')
            self.finished.emit(False, {})
            return
        taken = {}
        for name, value in (results or {}).items():
            layer = self.context.takeResultLayer(value) if isinstance(value, str) and value else None
            taken[name] = layer if isinstance(layer, QgsMapLayer) else value
        self.finished.emit(True, taken)
