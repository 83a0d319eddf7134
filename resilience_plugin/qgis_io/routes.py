"""Layers and a clicked point -> the route to the nearest facility (the "Who serves here?" answer).

The facilities and the network are read and prepared by the same functions as the coverage algorithms
(:mod:`network_layers`), so a route's facility, distance and coverage are those of
resilience:population_coverage for a demand unit at that point. No QGIS GUI: runs in a background task.
"""
from dataclasses import dataclass

import numpy as np
from qgis.core import (QgsCoordinateTransform, QgsPointXY, QgsProcessingContext, QgsProcessingException,
                       QgsProcessingFeedback, QgsProject, QgsVectorLayer)

from ..core.coverage import demand_attachment
from ..core.routes import nearest_routes, straight_routes
from ..core.shortest_paths import nearest_facility
from ..definitions import NETWORK_SNAP_TOLERANCE_M
from ..translation import tr
from .network_layers import (choose_crs, coverage_limits, facilities_on_network, facility_points, read_delays,
                             read_facilities, read_network)


@dataclass
class RouteAnswer:
    facility_id: object    # feature id of the nearest facility (None: none can be reached)
    name: object           # its "name" attribute (None when the layer has none)
    route: object          # core.routes.Route in the working CRS
    xy: np.ndarray         # (k, 2) the route in the CRS of the clicked point
    covered: bool
    distance_m: float      # access legs + network (straight line without a network)
    cost: float            # metres, or minutes with a travel-time limit
    limit: float
    timed: bool
    on_network: bool       # False: straight-line distance (no network layer)


class Routing:
    """Facilities prepared on the network with the one multi-source pass done: routes any number of points."""

    def __init__(self, crs, facilities, fac_xy, limit, timed, speed, transform_context, fnet=None, points=None):
        self.crs = crs
        self.facilities = facilities
        self.fac_xy = fac_xy
        # every point of every facility and its facility (a multipoint facility has several)
        self.points = points if points is not None else (fac_xy, np.arange(len(fac_xy)))
        self.limit, self.timed, self.speed = limit, timed, speed
        self.transform_context = transform_context
        self.fnet = fnet
        self.result = nearest_facility(fnet.graph) if fnet is not None else None

    def route(self, point, point_crs):
        """RouteAnswer for ``point`` (QgsPointXY or (x, y)) given in ``point_crs``."""
        to_work = QgsCoordinateTransform(point_crs, self.crs, self.transform_context)
        p = to_work.transform(QgsPointXY(*point) if not isinstance(point, QgsPointXY) else point)
        xy = np.array([[p.x(), p.y()]])
        if self.fnet is None:
            per_m = 60.0 / (self.speed * 1000.0) if self.timed else 1.0
            route = straight_routes(self.points[0], xy, self.limit, per_m, owner=self.points[1])[0]
        else:
            route = nearest_routes(self.fnet, demand_attachment(self.fnet, xy), xy, self.limit, self.result)[0]
        back = QgsCoordinateTransform(self.crs, point_crs, self.transform_context)
        line = np.array([[q.x(), q.y()] for q in (back.transform(QgsPointXY(*v)) for v in route.xy)]).reshape(-1, 2)
        facility_id = name = None
        if route.facility >= 0:
            feature = self.facilities[route.facility]
            facility_id = feature.id()
            if feature.fields().indexOf('name') >= 0:
                name = feature['name']
        return RouteAnswer(facility_id, name, route, line, route.covered, route.distance_m, route.cost, self.limit,
                           self.timed, self.fnet is not None)


def prepare_routing(facilities, network=None, preset=None, max_distance=None, max_time=None, speed_kmh=None,
                    speed_field=None, oneway_field=None, delay_field=None, snap_tolerance=NETWORK_SNAP_TOLERANCE_M,
                    context=None, feedback=None):
    """Read the facility and network layers (feature sources) and prepare them for routing.

    The limit comes from ``max_distance`` / ``max_time`` or else the coverage ``preset``, as in the
    coverage algorithms. Raises QgsProcessingException on bad input or when ``feedback`` is cancelled.
    """
    context = context or _context()
    feedback = feedback or QgsProcessingFeedback()
    limit, timed, speed = coverage_limits(preset, max_distance, max_time, speed_kmh, speed_field, feedback)
    primary = network if network is not None else facilities
    crs = choose_crs(primary, [(facilities.sourceName(), facilities)], feedback, context.transformContext())
    sources = [('FACILITIES', facilities)]
    feats, kinds, origin, fac_xy, _ = read_facilities(sources, crs, context, feedback)
    delay = read_delays(feats, delay_field, facilities.sourceName()) if delay_field else np.zeros(len(feats))
    _check(feedback)
    if network is None:
        return Routing(crs, feats, fac_xy, limit, timed, speed, context.transformContext(),
                       points=facility_points(feats, kinds, origin))
    base = read_network(network, crs, context, feedback, oneway_field, speed_field, speed, timed, snap_tolerance,
                        layer=network if isinstance(network, QgsVectorLayer) else None,
                        step=lambda fraction: _check(feedback))
    fnet, _ = facilities_on_network(base, feats, kinds, origin, fac_xy, delay, feedback)
    _check(feedback)
    return Routing(crs, feats, fac_xy, limit, timed, speed, context.transformContext(), fnet)


def route_to_nearest(facilities, network, point, point_crs, preset=None, context=None, feedback=None, **options):
    """The route from ``point`` to its nearest facility: :func:`prepare_routing` then :meth:`Routing.route`."""
    routing = prepare_routing(facilities, network, preset, context=context, feedback=feedback, **options)
    return routing.route(point, point_crs)


def _context():
    context = QgsProcessingContext()
    context.setTransformContext(QgsProject.instance().transformContext())
    return context


def _check(feedback):
    if feedback.isCanceled():
        raise QgsProcessingException(tr('Cancelled.'))
