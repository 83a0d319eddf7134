"""Risk influence zones and vector exposure: pure geometry with shapely (1.8 or 2.x) and numpy.

Geometries are shapely objects in one metric CRS; the QGIS side converts layers at the edge
(qgis_io.risk_layers). Nothing here imports QGIS or Qt.
"""
from collections import defaultdict

import numpy as np
from shapely.geometry import GeometryCollection, LineString, MultiLineString, MultiPolygon, Polygon
from shapely.ops import unary_union
from shapely.validation import explain_validity

from ..definitions import (DEFAULT_RISK_GRADE, DEFAULT_RISK_GRADE_BY_KIND, EXPOSURE_TARGET, RISK_DISTANCE_BY_GRADE,
                           RISK_DISTANCE_TABLE, RISK_GRADE_ORDER)
from .spatial_index import GeometryIndex

# Buffer quality: segments per quarter circle (a 1 km circle is then within 0.05 % of its true area).
BUFFER_RESOLUTION = 32

GRADE_RANK = {grade: len(RISK_GRADE_ORDER) - i for i, grade in enumerate(RISK_GRADE_ORDER)}  # major 4 .. low 1


# --- Distances ---------------------------------------------------------------------------------

def default_table_rows():
    """The default distance table as rows (kind, grade, distance_m, citation)."""
    return [(kind, grade, value, source.describe())
            for kind, by_grade in RISK_DISTANCE_TABLE.items() for grade, (value, source) in by_grade.items()]


def normalise_kind(kind):
    """A risk-source kind as its code: case and surrounding spaces ignored ('Fuel_Station ' is fuel_station);
    empty is 'other'."""
    text = '' if kind is None else str(kind).strip().lower()
    return text or 'other'


def table_from_rows(rows):
    """{(kind, grade): distance_m} from rows of (kind, grade, distance); raises ValueError on a bad row.

    Kinds and grades are matched without regard to case or surrounding spaces."""
    table = {}
    for row in rows:
        kind, grade, distance = (normalise_kind(row[0]), str(row[1]).strip().lower(), row[2])
        if grade not in GRADE_RANK:
            raise ValueError('grade {!r} is not one of {}'.format(grade, ', '.join(RISK_GRADE_ORDER)))
        distance = float(distance)
        if not np.isfinite(distance) or distance < 0:
            raise ValueError('distance {!r} for {}/{} is not a non-negative number'.format(distance, kind, grade))
        table[(kind, grade)] = distance
    return table


def normalise_grade(grade, kind):
    """(grade, defaulted): a known grade, or the default for the kind when empty or unknown."""
    text = '' if grade is None else str(grade).strip().lower()
    if text in GRADE_RANK:
        return text, False
    return DEFAULT_RISK_GRADE_BY_KIND.get(kind, DEFAULT_RISK_GRADE), True


def source_distance(kind, grade, table, override=None):
    """(distance_m, origin): the per-feature override if positive, else the table, else the grade default."""
    if override is not None:
        try:
            value = float(override)
        except (TypeError, ValueError):
            value = None
        if value is not None and np.isfinite(value) and value > 0:
            return value, 'field'
    if (kind, grade) in table:
        return table[(kind, grade)], 'table'
    return RISK_DISTANCE_BY_GRADE[grade], 'grade'


# --- Zones -------------------------------------------------------------------------------------

def buffer_source(geometry, distance):
    """The influence zone of one source: its geometry (point or polygon) buffered by ``distance``."""
    if distance <= 0:
        return geometry if geometry.area > 0 else Polygon()
    return geometry.buffer(distance, BUFFER_RESOLUTION)  # positional: 'resolution' (1.8) is 'quad_segs' (2.x)


def resolve_grades(zones_by_grade):
    """Dissolve per grade and give every place to its highest grade.

    ``zones_by_grade``: {grade: [polygons]}. Returns {grade: polygon or multipolygon} for the grades
    that keep an area: each lower grade minus the union of all higher ones, so the results do not overlap.
    """
    result, higher = {}, None
    for grade in RISK_GRADE_ORDER:
        parts = [g for g in zones_by_grade.get(grade, ()) if g is not None and not g.is_empty]
        if not parts:
            continue
        merged = unary_union(parts)
        own = merged if higher is None else merged.difference(higher)
        higher = merged if higher is None else unary_union([higher, merged])
        own = polygonal(own)
        if not own.is_empty:
            result[grade] = own
    return result


def polygonal(geometry):
    """Only the polygon parts of ``geometry`` (intersections can leave lines and points)."""
    if geometry.is_empty:
        return MultiPolygon()
    if isinstance(geometry, (Polygon, MultiPolygon)):
        return geometry
    if isinstance(geometry, GeometryCollection) or hasattr(geometry, 'geoms'):
        polys = [p for g in geometry.geoms for p in getattr(polygonal(g), 'geoms', [polygonal(g)])
                 if isinstance(p, Polygon) and not p.is_empty]
        return MultiPolygon(polys) if polys else MultiPolygon()
    return MultiPolygon()


def linear(geometry):
    """Only the line parts of ``geometry`` as a list of LineStrings."""
    if geometry.is_empty:
        return []
    if isinstance(geometry, LineString):
        return [geometry]
    if hasattr(geometry, 'geoms'):
        return [line for g in geometry.geoms for line in linear(g)]
    return []


def repair(geometry):
    """(valid geometry, reason or None): an invalid polygon made valid with buffer(0) (reason reported)."""
    if geometry.is_valid:
        return geometry, None
    reason = explain_validity(geometry)
    fixed = polygonal(geometry.buffer(0))
    return fixed, reason


# --- Zone index ---------------------------------------------------------------------------------

class ZoneIndex:
    """Non-overlapping graded polygons with a spatial index: what lies in which grade.

    ``zones``: list of (label, rank, polygon). Polygons of different labels must not overlap
    (resolve_grades guarantees it), so lengths and areas add up across labels.
    """

    def __init__(self, zones):
        self.parts, self.labels, self.ranks = [], [], []
        for label, rank, geometry in zones:
            for poly in getattr(geometry, 'geoms', [geometry]):
                if not poly.is_empty:
                    self.parts.append(poly)
                    self.labels.append(label)
                    self.ranks.append(rank)
        self.index = GeometryIndex(self.parts)

    def candidates(self, geometry):
        return self.index.query(geometry).tolist()

    def cut_line(self, line):
        """[(label, rank, piece)] of ``line`` inside each zone part (lines cut at zone boundaries)."""
        pieces = []
        for i in self.candidates(line):
            inside = linear(line.intersection(self.parts[i]))
            for piece in inside:
                if piece.length > 0:
                    pieces.append((self.labels[i], self.ranks[i], piece))
        return pieces

    def cut_line_by_zone(self, line):
        """[(label, rank, MultiLineString)]: the pieces of ``line`` inside each label, one entry per label.

        A line cut into three pieces by one label's zones is one line exposed to that label (counted once).
        """
        grouped = defaultdict(list)
        for label, rank, piece in self.cut_line(line):
            grouped[(label, rank)].append(piece)
        return [(label, rank, MultiLineString(pieces)) for (label, rank), pieces in grouped.items()]

    def site(self, geometry):
        """(label, rank, share) of the highest zone a point or polygon touches; share = area share inside.

        None when it touches no zone. A point has share 1.0 inside.
        """
        best, area = None, geometry.area
        for i in self.candidates(geometry):
            part = self.parts[i]
            if not part.intersects(geometry):
                continue
            share = 1.0 if area <= 0 else part.intersection(geometry).area / area
            if area > 0 and share <= 0:
                continue  # touches along an edge only
            if best is None or self.ranks[i] > best[1]:
                best = (self.labels[i], self.ranks[i], share)
        return best

    def area_shares(self, polygon):
        """{label: share of ``polygon``'s area} inside each label's zones (shares add up to <= 1)."""
        shares, area = defaultdict(float), polygon.area
        if area <= 0:
            hit = self.site(polygon)
            return {hit[0]: 1.0} if hit else {}
        for i in self.candidates(polygon):
            inter = self.parts[i].intersection(polygon).area
            if inter > 0:
                shares[self.labels[i]] += inter / area
        return dict(shares)


# --- Ranking -----------------------------------------------------------------------------------

def rank_rows(rows):
    """Ranks 1..n: by grade (red first), then people, shelters, facilities, lifeline length exposed.

    ``rows``: dicts with grade_rank, people, shelters, facilities, lifeline_m. Ties keep input order.
    """
    order = sorted(range(len(rows)), key=lambda i: (-rows[i]['grade_rank'], -rows[i]['people'],
                                                    -rows[i]['shelters'], -rows[i]['facilities'],
                                                    -rows[i]['lifeline_m'], i))
    ranks = [0] * len(rows)
    for position, i in enumerate(order, start=1):
        ranks[i] = position
    return ranks


# --- Target layers -----------------------------------------------------------------------------

# The codes of definitions.EXPOSURE_TARGET (their labels are there).
TARGET_LIFELINE, TARGET_SHELTER, TARGET_FACILITY, TARGET_BUILDING, TARGET_POPULATION, TARGET_OTHER = (
    EXPOSURE_TARGET.codes())


def classify_target(name, geometry, field_names, population_field='population'):
    """What a target layer holds, from its name, geometry ('point', 'line', 'polygon') and fields."""
    lowered = (name or '').lower()
    if geometry == 'line':
        return TARGET_LIFELINE
    if 'shelter' in lowered or 'shelter_class' in field_names:
        return TARGET_SHELTER
    if 'facilit' in lowered or 'facility_kind' in field_names:
        return TARGET_FACILITY
    if 'building' in lowered or 'building_use' in field_names:
        return TARGET_BUILDING
    if 'population' in lowered or (population_field and population_field in field_names):
        return TARGET_POPULATION
    return TARGET_OTHER


def network_of(layer_name, attributes):
    """The network type of a lifeline feature: its ``network`` field, else road for road layers."""
    value = attributes.get('network')
    if value not in (None, ''):
        return str(value)
    if 'road_class' in attributes or 'road' in (layer_name or '').lower() or 'street' in (layer_name or '').lower():
        return 'road'
    return layer_name or 'other'


def union_lines(lines):
    return MultiLineString([line for g in lines for line in linear(g)])


def resolve_ranked(zones):
    """Like resolve_grades for any labels: ``zones`` [(label, rank, polygon)] -> [(label, rank, polygon)].

    Dissolved per label; where labels overlap, the higher rank keeps the place (ties: first label seen).
    """
    order, parts, ranks = [], defaultdict(list), {}
    for label, rank, geometry in zones:
        if label not in ranks:
            order.append(label)
            ranks[label] = rank
        ranks[label] = max(ranks[label], rank)
        if geometry is not None and not geometry.is_empty:
            parts[label].append(geometry)
    order.sort(key=lambda label: -ranks[label])
    result, higher = [], None
    for label in order:
        if not parts[label]:
            continue
        merged = unary_union(parts[label])
        own = polygonal(merged if higher is None else merged.difference(higher))
        higher = merged if higher is None else unary_union([higher, merged])
        if not own.is_empty:
            result.append((label, ranks[label], own))
    return result


def zone_rank(label):
    """Rank of a zone label: the risk grade's rank, a number as such, else 1."""
    text = '' if label is None else str(label).strip().lower()
    if text in GRADE_RANK:
        return GRADE_RANK[text]
    try:
        return float(text)
    except ValueError:
        return 1


def parse_breaks(text):
    """Sorted class breaks from '0.15,0.5,1.5' (or a list); ValueError when empty or not numbers."""
    if isinstance(text, (list, tuple)):
        values = [float(v) for v in text]
    else:
        values = [float(v) for v in str(text).replace(';', ',').split(',') if v.strip()]
    if not values or any(not np.isfinite(v) for v in values):
        raise ValueError('no class breaks')
    if sorted(values) != values or len(set(values)) != len(values):
        raise ValueError('class breaks must increase')
    return values


def class_labels(breaks):
    """Readable labels of hazard classes 1..n: '0.15-0.5', ..., '>=1.5'."""
    labels = []
    for i, low in enumerate(breaks):
        labels.append('{:g}-{:g}'.format(low, breaks[i + 1]) if i + 1 < len(breaks) else '>={:g}'.format(low))
    return labels


def class_grade(hazard_class, class_count):
    """The risk grade whose colour shows hazard class 1..n (highest class red); None for class 0."""
    if hazard_class <= 0:
        return None
    position = class_count - int(hazard_class)
    return RISK_GRADE_ORDER[min(position, len(RISK_GRADE_ORDER) - 1)]


class TargetIndex:
    """Geometries of one target layer with a spatial index: what intersects a zone."""

    def __init__(self, geometries):
        self.geometries = list(geometries)
        self.index = GeometryIndex(self.geometries)

    def intersecting(self, zone):
        """Indices of the geometries that intersect ``zone`` (sorted)."""
        return [i for i in self.index.query(zone).tolist() if self.geometries[i].intersects(zone)]

    def length_inside(self, zone, index):
        return sum(piece.length for piece in linear(self.geometries[index].intersection(zone)))

    def share_inside(self, zone, index):
        geometry = self.geometries[index]
        if geometry.area <= 0:
            return 1.0
        return geometry.intersection(zone).area / geometry.area
