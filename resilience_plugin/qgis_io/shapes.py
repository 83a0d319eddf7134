"""Geometries on their way in: curves made straight (for every reader of the plugin), and for the planning
database reprojected, repaired and shaped for the target layer.

``linearise`` is the one place where curved geometries (CircularString, CompoundCurve, CurvePolygon,
MultiCurve, MultiSurface) become lines and polygons: every reader calls it, so the core only ever sees
points, straight lines and polygons. The other functions either return a geometry the layer can take or raises GeometryError with a reason
(a string marked with N_, translated where it is reported), so importers skip and report bad
features instead of stopping on them.
"""
import math

from qgis.core import QgsAbstractGeometry, QgsCsException, QgsCurve, QgsCurvePolygon, QgsGeometry, QgsWkbTypes

from ..compat import GEOM_LINE, GEOM_POINT, GEOM_POLYGON
from ..definitions import CURVE_SEGMENT_ANGLE_DEG, N_

REASON_NO_GEOMETRY = N_('no geometry')
REASON_NOT_REPROJECTED = N_('cannot be reprojected to the database CRS')
REASON_UNREPAIRABLE = N_('invalid and cannot be repaired')
REASON_NO_LINE = N_('no line left after repair')
REASON_NO_POLYGON = N_('no polygon left after repair')
REASON_NO_POINT = N_('no point can be placed on it')
REASON_NOT_CLOSED = N_('drawn as an open way where a point or a closed area is expected')
REASON_SEVERAL_POINTS = N_('several points in one feature')


class GeometryError(Exception):
    """A geometry that cannot be written; ``reason`` is an untranslated text marked with N_."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def _usable(geometry):
    return geometry is not None and not geometry.isNull() and not geometry.isEmpty()


def linearise(geometry):
    """``geometry`` with its curves as straight segments and curve types as their linear types.

    Each segment spans at most definitions.CURVE_SEGMENT_ANGLE_DEG of arc (a tolerance without map
    units). A geometry without curves (and None or a null geometry) is returned as it is.
    """
    if geometry is None or geometry.isNull():
        return geometry
    shape = geometry.constGet()
    if not (QgsWkbTypes.isCurvedType(geometry.wkbType()) or shape.hasCurvedSegments()):
        return geometry
    return QgsGeometry(shape.segmentize(math.radians(CURVE_SEGMENT_ANGLE_DEG),
                                        QgsAbstractGeometry.SegmentationToleranceType.MaximumAngle))


def reproject(geometry, transform):
    """A 2D, linear copy of ``geometry`` transformed with ``transform`` (None: no transformation)."""
    if not _usable(geometry):
        raise GeometryError(REASON_NO_GEOMETRY)
    result = QgsGeometry(linearise(geometry))
    if QgsWkbTypes.hasZ(result.wkbType()) or QgsWkbTypes.hasM(result.wkbType()):
        result.get().dropZValue()
        result.get().dropMValue()
    if transform is not None:
        try:
            if result.transform(transform) != 0:
                raise GeometryError(REASON_NOT_REPROJECTED)
        except QgsCsException:
            raise GeometryError(REASON_NOT_REPROJECTED)
    return result


def _well_formed(geometry):
    """False for defects QGIS hides from GEOS when it converts a geometry (so isGeosValid() passes them):
    polygon rings that are not closed or have fewer than four points, lines with fewer than two."""
    for part in geometry.constParts():
        if isinstance(part, QgsCurvePolygon):
            rings = [part.exteriorRing()] + [part.interiorRing(i) for i in range(part.numInteriorRings())]
            if any(ring is None or ring.numPoints() < 4 or not ring.isClosed() for ring in rings):
                return False
        elif isinstance(part, QgsCurve) and part.numPoints() < 2:
            return False
    return True


def repair(geometry):
    """``(geometry, repaired)``: the geometry itself when valid, else its makeValid() repair."""
    if _well_formed(geometry) and geometry.isGeosValid():
        return geometry, False
    fixed = geometry.makeValid()
    if not _usable(fixed):
        raise GeometryError(REASON_UNREPAIRABLE)
    return fixed, True


def _parts(geometry, geometry_type):
    """Single-part pieces of ``geometry`` (collections flattened) of one geometry type."""
    found = []
    for part in geometry.asGeometryCollection():
        if part.isMultipart():
            found.extend(_parts(part, geometry_type))
        elif part.type() == geometry_type and not part.isEmpty():
            found.append(part)
    return found


def as_lines(geometry):
    """The single LineStrings of a line geometry (multi-part lines are split)."""
    lines = _parts(geometry, GEOM_LINE)
    if not lines:
        raise GeometryError(REASON_NO_LINE)
    return lines


def as_multipolygon(geometry):
    """The polygon parts of ``geometry`` as one valid MultiPolygon."""
    polygons = _parts(geometry, GEOM_POLYGON)
    if not polygons:
        raise GeometryError(REASON_NO_POLYGON)
    result = QgsGeometry.collectGeometry(polygons)
    if not result.isGeosValid():
        result = QgsGeometry.unaryUnion(polygons)
    result.convertToMultiType()
    if not _usable(result):
        raise GeometryError(REASON_NO_POLYGON)
    return result


def as_point(geometry):
    """The point itself, or a point on the surface of a line or polygon."""
    if geometry.type() == GEOM_POINT:
        points = _parts(geometry, GEOM_POINT)
        if len(points) != 1:
            raise GeometryError(REASON_SEVERAL_POINTS if points else REASON_NO_POINT)
        return points[0]
    point = geometry.pointOnSurface()
    if not _usable(point):
        raise GeometryError(REASON_NO_POINT)
    return point


def ring_polygon(line):
    """The polygon outlined by a closed line (a closed OSM way without an area tag OGR knows)."""
    lines = _parts(line, GEOM_LINE)
    if len(lines) != 1 or not lines[0].constGet().isClosed() or lines[0].constGet().numPoints() < 4:
        raise GeometryError(REASON_NOT_CLOSED)
    return QgsGeometry.fromPolygonXY([lines[0].asPolyline()])


def point_site(point, radius_m):
    """A point drawn as a circle of ``radius_m`` (in the units of its CRS) to fit a polygon layer."""
    return as_multipolygon(point.buffer(radius_m, 8))
