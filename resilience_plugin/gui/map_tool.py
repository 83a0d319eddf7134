"""Map tool "Who serves here?": a click shows the nearest facility, the route to it along the roads, the
network distance and whether the place is covered.

The Coverage tab's facilities, network and preset go to :func:`qgis_io.routes.prepare_routing` (the same
preparation as resilience:population_coverage) in a background QgsTask; the prepared network is kept for
the next clicks until a layer or the preset changes. The tool only draws the route it gets back.

The tool keeps one message in the message bar: a click replaces it, and it goes (with the route) when the
facilities or the network change, another project is opened or the Coverage tab's inputs change (``reset``).
"""
from qgis.core import Qgis, QgsApplication, QgsGeometry, QgsPointXY, QgsProcessingFeedback, QgsProject, QgsTask
from qgis.gui import QgsMapToolEmitPoint, QgsMessageBarItem, QgsRubberBand, QgsVertexMarker
from qgis.PyQt import sip
from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtGui import QColor

from .. import compat
from ..definitions import COVERAGE_PRESETS
from ..qgis_io.result_styles import COVERED_COLOUR, UNCOVERED_COLOUR
from ..qgis_io.routes import prepare_routing
from ..translation import tr
from .tasks import run_copy

ROUTE_WIDTH_PX = 4
PLACE_COLOUR = '#333333'
ANSWER_SECONDS = 15   # an answer stays this long in the message bar (or until the next click)
# Tasks in QGIS's task manager: Python keeps them alive until they finish, even when the tool is gone.
_LIVE_TASKS = set()


def resolve_layer(value):
    """A layer from a parameter value: the layer itself or its id in the project."""
    if value is None or value == '':
        return None
    if hasattr(value, 'getFeatures'):
        return value
    return QgsProject.instance().mapLayer(str(value))


class RouteTask(QgsTask):
    """Prepares the facilities on the network (unless ``routing`` is given) and routes one point."""

    def __init__(self, point, crs, routing=None, prepare=None):
        super().__init__(tr('Who serves here?'), QgsTask.Flag.CanCancel)
        self.point, self.crs = QgsPointXY(point), crs
        self.routing = routing
        self.prepare = prepare
        self.feedback = QgsProcessingFeedback()
        self.answer = None
        self.error = ''
        self.done = None   # callback(task, ok), called in the GUI thread

    def run(self):  # background thread
        try:
            if self.routing is None:
                self.routing = self.prepare(self.feedback)
            if self.isCanceled():
                return False
            self.answer = self.routing.route(self.point, self.crs)
            return not self.isCanceled()
        except Exception as error:  # noqa: BLE001 - reported in the GUI thread
            self.error = str(error)
            return False

    def cancel(self):
        self.feedback.cancel()
        super().cancel()

    def finished(self, ok):  # GUI thread
        _LIVE_TASKS.discard(self)
        if self.done is not None:
            self.done(self, ok)

    def start(self):
        _LIVE_TASKS.add(self)
        QgsApplication.taskManager().addTask(self)


class WhoServesHereTool(QgsMapToolEmitPoint):
    """``parameters()`` gives the facility/network/preset parameters (the Coverage tab's); answers go to
    ``message_bar`` (a QgsMessageBar; None: only ``message`` keeps them)."""

    answered = pyqtSignal(dict)

    def __init__(self, canvas, parameters, message_bar=None):
        super().__init__(canvas)
        self.canvas = canvas
        self.parameters = parameters
        self.message_bar = message_bar
        self.message, self.message_item = '', None
        self.task, self.pending = None, None
        self.routing, self.routing_key, self._watched = None, None, []
        self.answer = {}
        self.band = QgsRubberBand(canvas, compat.GEOM_LINE)
        self.band.setWidth(ROUTE_WIDTH_PX)
        self.marker = None
        self.canvasClicked.connect(self.ask)
        QgsProject.instance().cleared.connect(self.reset)

    # The message -------------------------------------------------------------------------------
    def report(self, text, seconds=0):
        """Show ``text`` in place of the tool's previous message (``seconds`` 0: until replaced)."""
        self.clear_message()
        self.message = text
        if self.message_bar is not None:
            self.message_item = QgsMessageBarItem(tr('Who serves here?'), text, Qgis.MessageLevel.Info, seconds)
            self.message_bar.pushItem(self.message_item)

    def clear_message(self):
        item, self.message_item, self.message = self.message_item, None, ''
        if item is not None and not sip.isdeleted(item) and self.message_bar is not None \
                and item in self.message_bar.items():
            self.message_bar.popWidget(item)

    def reset(self, *args):
        """Forget the answer: the route, the message and the prepared network (the inputs changed)."""
        if self.task is not None:
            self.task.done = None
            self.task.cancel()
        self.task, self.pending = None, None
        self._forget_routing()
        self._clear_graphics()
        self.clear_message()
        self.answer = {}

    # Asking ------------------------------------------------------------------------------------
    def ask(self, point, button=None):
        if self.task is not None:
            # One route at a time (the prepared network is not shared between threads): the running one
            # is cancelled and this click is asked when it has stopped; a later click replaces this one.
            self.pending = QgsPointXY(point)  # before cancel(): a queued task finishes inside cancel()
            self.task.cancel()
            return None
        base = self.parameters()
        facilities = resolve_layer(base.get('FACILITIES'))
        if facilities is None:
            self.report(tr('Choose the facilities in the Coverage tab first.'))
            return None
        network = resolve_layer(base.get('NETWORK'))
        preset = base.get('PRESET') or 0
        preset = COVERAGE_PRESETS[int(preset) - 1] if int(preset) > 0 else None
        options = {key: base.get(name) for key, name in (
            ('max_distance', 'MAX_DISTANCE'), ('max_time', 'MAX_TIME'), ('speed_kmh', 'SPEED_KMH'))
            if base.get(name) not in (None, '')}
        key = (facilities.id(), network.id() if network is not None else None,
               preset.key if preset is not None else None, tuple(sorted(options.items())))
        if key != self.routing_key:
            self._forget_routing()
            self.routing_key = key
            self._watch([facilities] + ([network] if network is not None else []))

        # Read in the task through copies: another project opened meanwhile deletes the project's layers.
        copies = None if self.routing is not None else (
            run_copy(facilities), run_copy(network) if network is not None else None)

        def prepare(feedback):
            return prepare_routing(copies[0], copies[1], preset, feedback=feedback, **options)

        crs = self.canvas.mapSettings().destinationCrs()
        self.place = QgsPointXY(point)
        self._clear_graphics()
        self.marker = QgsVertexMarker(self.canvas)
        self.marker.setCenter(self.place)
        self.marker.setIconType(QgsVertexMarker.IconType.ICON_CIRCLE)
        self.marker.setColor(QColor(PLACE_COLOUR))
        self.marker.setIconSize(12)
        self.marker.setPenWidth(3)
        task = RouteTask(self.place, crs, self.routing, prepare)
        task.done = self._answered
        self.task = task
        task.start()
        self.report(tr('Looking for the nearest facility…'))
        return task

    def _answered(self, task, ok):
        if task is not self.task:
            return  # the tool was reset meanwhile
        self.task = None
        if task.routing is not None and self.routing is None and self.routing_key is not None:
            self.routing = task.routing   # kept for the next clicks
        if self.pending is not None:
            point, self.pending = self.pending, None
            self.ask(point)
            return
        if not ok or task.answer is None:
            if task.error:
                self.report(tr('No answer: {}').format(task.error))
            else:
                self.clear_message()   # cancelled: "Looking for…" is no longer true
            self.answered.emit({})
            return
        answer = task.answer
        if answer.facility_id is None:
            self.answer = {'facility_id': None}
            self.report(tr('No facility can be reached from here over the network.'), ANSWER_SECONDS)
            self.answered.emit(self.answer)
            return
        self.answer = {'facility_id': answer.facility_id, 'name': answer.name, 'distance_m': answer.distance_m,
                       'covered': bool(answer.covered), 'cost': answer.cost, 'timed': answer.timed,
                       'on_network': answer.on_network, 'route': [QgsPointXY(x, y) for x, y in answer.xy],
                       'joins_m': answer.route.joins_m}
        self.band.setColor(QColor(COVERED_COLOUR if answer.covered else UNCOVERED_COLOUR))
        self.band.setToGeometry(QgsGeometry.fromPolylineXY(self.answer['route']), None)
        name = answer.name or tr('facility {}').format(answer.facility_id)
        distance = '{:,.0f}'.format(answer.distance_m)
        covered = tr('covered') if answer.covered else tr('NOT covered')
        if answer.on_network:
            text = tr('Served by {name}: {distance} m over the network; {covered}.')
        else:
            text = tr('Served by {name}: {distance} m in a straight line (no road network); {covered}.')
        self.report(text.format(name=name, distance=distance, covered=covered), ANSWER_SECONDS)
        self.answered.emit(self.answer)

    # The prepared network ----------------------------------------------------------------------
    def _watch(self, layers):
        for layer in layers:
            for signal in (layer.dataChanged, layer.layerModified, layer.afterCommitChanges, layer.afterRollBack,
                           layer.subsetStringChanged, layer.crsChanged, layer.willBeDeleted):
                signal.connect(self._layer_changed)
                self._watched.append(signal)

    def _layer_changed(self, *args):
        """The facilities or the network changed or left the project: the answer shown is stale."""
        self.reset()

    def _forget_routing(self, *args):
        """Prepare the network again on the next click."""
        for signal in self._watched:
            try:
                signal.disconnect(self._layer_changed)
            except (TypeError, RuntimeError):
                pass  # the layer is gone
        self._watched = []
        self.routing, self.routing_key = None, None

    # Graphics ----------------------------------------------------------------------------------
    def _clear_graphics(self):
        self.band.reset(compat.GEOM_LINE)
        if self.marker is not None:
            self.canvas.scene().removeItem(self.marker)
            self.marker = None

    def deactivate(self):
        super().deactivate()

    def cleanup(self):
        try:
            QgsProject.instance().cleared.disconnect(self.reset)
        except TypeError:
            pass
        for task in list(_LIVE_TASKS):
            if getattr(task.done, '__self__', None) is self:
                task.done = None
                task.cancel()
        self.task, self.pending = None, None
        self._forget_routing()
        self._clear_graphics()
        self.clear_message()
        self.canvas.scene().removeItem(self.band)
