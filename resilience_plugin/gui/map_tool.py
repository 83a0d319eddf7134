"""Map tool "Who serves here?": a click asks the coverage algorithm which facility serves that place.

The click becomes a one-point demand layer; resilience:population_coverage (with the Coverage tab's
facilities, network and preset) runs in the background and says which facility is nearest over the
network, at what network distance, and whether the place is covered. The tool draws a line from the
place to that facility and shows the answer; it computes nothing itself.
"""
from qgis.core import QgsCoordinateTransform, QgsFeature, QgsGeometry, QgsPointXY, QgsProject, QgsVectorLayer
from qgis.gui import QgsMapToolEmitPoint, QgsRubberBand, QgsVertexMarker
from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtGui import QColor

from .. import compat
from ..translation import tr
from .result_styles import COVERED_COLOUR, UNCOVERED_COLOUR
from .tasks import AlgorithmRun

ALGORITHM = 'resilience:population_coverage'


def click_layer(point, crs):
    """A memory layer holding the clicked place as one demand unit of population 1."""
    layer = QgsVectorLayer('Point?crs={}&field=population:double'.format(crs.authid() or 'EPSG:4326'),
                           tr('Clicked place'), 'memory')
    if not crs.authid():
        layer.setCrs(crs)
    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(point)))
    feature.setAttributes([1.0])
    layer.dataProvider().addFeatures([feature])
    return layer


class WhoServesHereTool(QgsMapToolEmitPoint):
    """``parameters()`` gives the facility/network/preset parameters (the Coverage tab's)."""

    answered = pyqtSignal(dict)

    def __init__(self, canvas, parameters, report=None):
        super().__init__(canvas)
        self.canvas = canvas
        self.parameters = parameters
        self.report = report or (lambda text: None)
        self.run = None
        self.answer = {}
        self.band = QgsRubberBand(canvas, compat.GEOM_LINE)
        self.band.setWidth(3)
        self.marker = None
        self.canvasClicked.connect(self.ask)

    def ask(self, point, button=None):
        base = self.parameters()
        if not base.get('FACILITIES'):
            self.report(tr('Choose the facilities in the Coverage tab first.'))
            return None
        if self.run is not None:
            self.run.cancel()
        crs = self.canvas.mapSettings().destinationCrs()
        self.place = QgsPointXY(point)
        self.place_layer = click_layer(point, crs)
        parameters = dict(base, DEMAND=self.place_layer, DEMAND_FIELD='population', OUTPUT_DEMAND='TEMPORARY_OUTPUT',
                          OUTPUT_FACILITIES='TEMPORARY_OUTPUT')
        parameters.pop('CAPACITY_FIELD', None)
        self._clear_graphics()
        self.marker = QgsVertexMarker(self.canvas)
        self.marker.setCenter(self.place)
        self.marker.setIconType(QgsVertexMarker.IconType.ICON_CIRCLE)
        self.marker.setColor(QColor('#333333'))
        self.marker.setIconSize(12)
        self.marker.setPenWidth(3)
        run = AlgorithmRun(ALGORITHM, parameters, self)
        run.finished.connect(lambda ok, results: self._answered(run, ok, results))
        if not run.start():
            self.report(tr('Cannot ask: {}').format(run.error))
            return None
        self.run = run
        self.report(tr('Looking for the nearest facility…'))
        return run

    def _answered(self, run, ok, results):
        if run is not self.run:
            return  # a newer click replaced this one
        self.run = None
        demand, loads = results.get('OUTPUT_DEMAND'), results.get('OUTPUT_FACILITIES')
        if not ok or not isinstance(demand, QgsVectorLayer):
            self.report(tr('No answer: {}').format(run.error))
            self.answered.emit({})
            return
        row = next(iter(demand.getFeatures()), None)
        facility_id = row['facility_id'] if row is not None else None
        if facility_id is None:
            self.answer = {'facility_id': None}
            self.report(tr('No facility can be reached from here over the network.'))
            self.answered.emit(self.answer)
            return
        facility = next((f for f in loads.getFeatures() if f['facility_id'] == facility_id), None)
        name = facility['name'] if facility is not None and loads.fields().indexOf('name') >= 0 else None
        self.answer = {'facility_id': facility_id, 'name': name, 'distance_m': row['distance_m'],
                       'covered': bool(row['covered'])}
        if facility is not None and facility.hasGeometry():
            target = facility.geometry()
            transform = QgsCoordinateTransform(loads.crs(), self.canvas.mapSettings().destinationCrs(),
                                               QgsProject.instance())
            target.transform(transform)
            colour = QColor(COVERED_COLOUR if self.answer['covered'] else UNCOVERED_COLOUR)
            self.band.setColor(colour)
            self.band.setToGeometry(QgsGeometry.fromPolylineXY([self.place, target.asPoint()]), None)
        text = tr('Served by {name}: {distance} m over the network; {covered}.').format(
            name=name or tr('facility {}').format(facility_id), distance='{:,.0f}'.format(row['distance_m'] or 0),
            covered=tr('covered') if self.answer['covered'] else tr('NOT covered'))
        self.report(text)
        self.answered.emit(self.answer)

    def _clear_graphics(self):
        self.band.reset(compat.GEOM_LINE)
        if self.marker is not None:
            self.canvas.scene().removeItem(self.marker)
            self.marker = None

    def deactivate(self):
        super().deactivate()

    def cleanup(self):
        if self.run is not None:
            self.run.cancel()
            self.run = None
        self._clear_graphics()
        self.canvas.scene().removeItem(self.band)
