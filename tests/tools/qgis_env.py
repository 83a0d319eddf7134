"""Start a headless QGIS with Processing and the plugin's provider: for tests, the demo and benchmarks."""
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_APP = None


def start_qgis():
    """Start QGIS once in this process (offscreen unless a display platform is set) and return the app."""
    global _APP
    if _APP is not None:
        return _APP
    os.environ.setdefault('QT_QPA_PLATFORM', 'offscreen')
    if os.path.isdir('/usr/share/proj'):  # pyproj in a venv looks under the venv prefix otherwise
        os.environ.setdefault('PROJ_DATA', '/usr/share/proj')
    runtime = os.environ.setdefault('XDG_RUNTIME_DIR', '/tmp/runtime-{}'.format(os.getuid()))
    os.makedirs(runtime, mode=0o700, exist_ok=True)
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from qgis.core import QgsApplication
    QgsApplication.setPrefixPath('/usr', True)
    _APP = QgsApplication([], True)
    _APP.initQgis()
    plugins = '/usr/share/qgis/python/plugins'
    if plugins not in sys.path:
        sys.path.append(plugins)
    from processing.core.Processing import Processing
    Processing.initialize()
    from resilience_plugin.processing.provider import ResilienceProvider
    registry = QgsApplication.processingRegistry()
    if registry.providerById('resilience') is None:
        provider = ResilienceProvider()
        registry.addProvider(provider)
        _APP._resilience_provider = provider  # keep a reference
    return _APP


def _feedback_base():
    from qgis.core import QgsProcessingFeedback
    return QgsProcessingFeedback


class RecordingFeedback(_feedback_base()):
    """Feedback that keeps every message, so tests can check what the user was told."""

    def __init__(self, echo=False):
        super().__init__(False)  # keeps QGIS's own text log, without copying it to the message log
        self.infos, self.warnings, self.errors, self.progress = [], [], [], []
        self.echo = echo

    def pushInfo(self, text):  # noqa: N802
        super().pushInfo(text)
        self.infos.append(text)
        if self.echo:
            print(text)

    def pushWarning(self, text):  # noqa: N802
        super().pushWarning(text)
        self.warnings.append(text)
        if self.echo:
            print('WARNING:', text)

    def reportError(self, text, fatalError=False):  # noqa: N802,N803
        super().reportError(text, fatalError)
        self.errors.append(text)
        if self.echo:
            print('ERROR:', text)

    def setProgressText(self, text):  # noqa: N802
        self.infos.append(text)

    def text(self):
        return '\n'.join(self.infos + self.warnings + self.errors)
