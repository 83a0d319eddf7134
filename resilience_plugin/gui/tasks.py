"""Run a Processing algorithm of the plugin in the background (QgsProcessingAlgRunnerTask).

The panels only build parameter dicts; an ``AlgorithmRun`` starts the algorithm by its id in QGIS's
task manager, reports progress, can be cancelled, and hands the outputs back in the GUI thread.
Memory outputs (``TEMPORARY_OUTPUT``) are taken out of the Processing context, so the caller owns
them and decides what is added to the project: a cancelled or failed run adds nothing.
"""
from qgis.core import (QgsApplication, QgsMapLayer, QgsProcessingAlgRunnerTask, QgsProcessingContext,
                       QgsProcessingFeedback, QgsProject)
from qgis.PyQt.QtCore import QObject, pyqtSignal, pyqtSlot

from ..translation import tr


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
        ok, message = self.algorithm.checkParameterValues(self.parameters, self.context)
        if not ok:
            self.error = message
            return False
        self.task = QgsProcessingAlgRunnerTask(self.algorithm, self.parameters, self.context, self.feedback)
        self.task.setDescription(self.algorithm.displayName())
        self.feedback.progressChanged.connect(self._on_progress)
        self.task.executed.connect(self._on_executed)
        self.running = True
        QgsApplication.taskManager().addTask(self.task)
        return True

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
