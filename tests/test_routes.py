"""Routes to the nearest facility ("Who serves here?") on the Helsinki road network.

Checked against an independent computation built here from the raw road lines: a graph with a node at
every vertex and an edge along every segment, the click and the facility entrances projected onto their
nearest segment by brute force, and a textbook heapq Dijkstra from the click. The route must
- be as long as the distance it reports (access leg + network + the facility's access leg),
- be as long as that Dijkstra distance to the nearest entrance (and go to the same facility),
- start at the click, then the click's point on the road, run along the roads, and end at the entrance,
- agree with resilience:population_coverage for a demand unit at the click.
The plain graph joins lines only where they share a vertex, so those comparisons run the plugin with the
snapping tolerance 0; with the default tolerance the route is drawn across the snapped gaps (``joins_m``).
"""
import heapq
from collections import defaultdict

import numpy as np
import pytest
from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsFeature, QgsGeometry, QgsPointXY,
                       QgsProject, QgsVectorLayer)
from shapely import wkb as shapely_wkb
from shapely.geometry import MultiLineString

from resilience_plugin.core.routes import polyline_length
from resilience_plugin.definitions import NETWORK_SNAP_TOLERANCE_M, PRESETS_BY_KEY
from resilience_plugin.qgis_io.routes import prepare_routing, route_to_nearest

CRS = QgsCoordinateReferenceSystem('EPSG:3067')
PRESET = PRESETS_BY_KEY['shelter_fixed_short']   # 1,000 m along the roads


@pytest.fixture(scope='module')
def roads(helsinki_db):
    layer = QgsVectorLayer(helsinki_db + '|layername=road_network', 'roads', 'ogr')
    assert layer.isValid() and layer.crs() == CRS
    return layer


@pytest.fixture(scope='module')
def shelters(helsinki_db):
    layer = QgsVectorLayer(helsinki_db + '|layername=shelters', 'shelters', 'ogr')
    assert layer.isValid() and layer.featureCount() > 0
    return layer


@pytest.fixture(scope='module')
def plain(roads):
    return PlainGraph(roads)


class PlainGraph:
    """Every vertex of the road lines a node, every segment an edge (no noding or snapping of our own)."""

    def __init__(self, layer):
        a, b = [], []
        for feature in layer.getFeatures():
            for part in feature.geometry().constParts():
                xy = [(p.x(), p.y()) for p in part.vertices()]
                a.extend(xy[:-1])
                b.extend(xy[1:])
        self.a, self.b = np.asarray(a, float), np.asarray(b, float)
        self.d = self.b - self.a
        self.len2 = (self.d ** 2).sum(1)
        self.lines = MultiLineString([list(zip(*np.vstack([p, q]).T)) for p, q in zip(self.a, self.b)])

    def nearest(self, xy):
        """(segment, t along it, projected point, distance) of the nearest point of the roads to ``xy``."""
        xy = np.asarray(xy, float)
        t = np.clip(((xy - self.a) * self.d).sum(1) / np.where(self.len2 > 0, self.len2, 1.0), 0.0, 1.0)
        proj = self.a + self.d * t[:, None]
        dist = np.hypot(*(proj - xy).T)
        k = int(np.argmin(dist))
        return k, float(t[k]), proj[k], float(dist[k])

    def distance_to_roads(self, xy):
        return self.nearest(xy)[3]

    def dijkstra(self, start, targets):
        """Shortest network distance from the point ``start`` (on a segment) to every target point.

        ``targets``: [(segment, t, point)]; returns the distances in that order.
        """
        on_segment = defaultdict(list)   # extra nodes inserted into segments: (t, node)
        k0, t0, p0, _ = start
        on_segment[k0].append((t0, ('start',)))
        for i, (k, t, _) in enumerate(targets):
            on_segment[k].append((t, ('target', i)))
        adj = defaultdict(list)
        for k in range(len(self.a)):
            chain = [(0.0, tuple(self.a[k]))] + sorted(on_segment.get(k, [])) + [(1.0, tuple(self.b[k]))]
            length = float(np.sqrt(self.len2[k]))
            for (ta, na), (tb, nb) in zip(chain[:-1], chain[1:]):
                w = (tb - ta) * length
                adj[na].append((nb, w))
                adj[nb].append((na, w))
        dist = {('start',): 0.0}
        heap = [(0.0, 0, ('start',))]
        count = 1
        while heap:
            d, _, x = heapq.heappop(heap)
            if d > dist.get(x, np.inf):
                continue
            for y, w in adj[x]:
                if d + w < dist.get(y, np.inf):
                    dist[y] = d + w
                    heapq.heappush(heap, (d + w, count, y))
                    count += 1
        return [dist.get(('target', i), np.inf) for i in range(len(targets))]


def entrances_of(feature, plain):
    """Where a facility meets the roads, computed here: (entrance point, its point on the roads, access leg)."""
    geometry = feature.geometry()
    if geometry.type() != 2:   # a point: its nearest point on the roads
        p = geometry.asPoint()
        _, _, proj, dist = plain.nearest([p.x(), p.y()])
        return [((p.x(), p.y()), proj, dist)]
    polygon = shapely_wkb.loads(bytes(geometry.asWkb()))
    hits = plain.lines.intersection(polygon.boundary)
    points = [hits] if hits.geom_type == 'Point' else [g for g in getattr(hits, 'geoms', []) if g.geom_type == 'Point']
    if points:   # roads crossing the boundary: entrances on the road itself
        return [((p.x, p.y), np.array([p.x, p.y]), 0.0) for p in points]
    # no road crosses it: the boundary vertex nearest to a road
    vertices = [xy for part in getattr(polygon, 'geoms', [polygon]) for xy in part.exterior.coords]
    best = min(vertices, key=plain.distance_to_roads)
    _, _, proj, dist = plain.nearest(best)
    return [(best, proj, dist)]


def independent_distance(plain, facilities, click):
    """(nearest facility feature id, access + network + facility access) by the plain Dijkstra."""
    start = plain.nearest(click)
    targets, owners, legs = [], [], []
    for feature in facilities.getFeatures():
        for _, on_road, leg in entrances_of(feature, plain):
            k, t, proj, _ = plain.nearest(on_road)
            targets.append((k, t, proj))
            owners.append(feature.id())
            legs.append(leg)
    network = np.asarray(plain.dijkstra(start, targets)) + np.asarray(legs)
    best = int(np.argmin(network))
    return owners[best], start[3] + float(network[best]), start


def point_facilities(plain, count=6, seed=7):
    """Facilities beside the roads (10 to 60 m off them), spread over the network, as a memory layer."""
    rng = np.random.default_rng(seed)
    layer = QgsVectorLayer('Point?crs=EPSG:3067&field=name:string', 'stations', 'memory')
    feats = []
    for i, k in enumerate(rng.choice(len(plain.a), count, replace=False)):
        normal = np.array([-plain.d[k, 1], plain.d[k, 0]]) / max(np.sqrt(plain.len2[k]), 1e-9)
        xy = plain.a[k] + 0.5 * plain.d[k] + normal * rng.uniform(10.0, 60.0)
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(*xy)))
        feature.setAttributes(['Station {}'.format(i + 1)])
        feats.append(feature)
    layer.dataProvider().addFeatures(feats)
    return layer


def clicks(roads, facilities, count, seed):
    """Places near the facilities (within about 2 km), a few metres off the roads."""
    rng = np.random.default_rng(seed)
    centres = [f.geometry().pointOnSurface().asPoint() for f in facilities.getFeatures()]
    out = []
    for i in range(count):
        c = centres[i % len(centres)]
        out.append(QgsPointXY(c.x() + rng.uniform(-1500, 1500), c.y() + rng.uniform(-1500, 1500)))
    return out


def check_route(answer, plain, facilities, click):
    route = answer.route
    expected_id, expected_distance, start = independent_distance(plain, facilities, [click.x(), click.y()])
    assert answer.on_network
    if not np.isfinite(expected_distance):   # the click's road is on a part no facility is on
        assert answer.facility_id is None and len(answer.xy) == 0 and not answer.covered
        return None
    assert answer.facility_id is not None
    # the line drawn is as long as the distance reported, which is the sum of its parts
    assert route.distance_m == pytest.approx(route.access_m + route.network_m + route.facility_access_m, abs=1e-6)
    assert polyline_length(answer.xy) == pytest.approx(answer.distance_m, abs=1e-6)
    assert route.length == pytest.approx(route.distance_m, abs=1e-6)
    assert route.joins_m == pytest.approx(0.0, abs=1e-9)   # snapping off: the pieces meet exactly
    # ... and as long as the textbook Dijkstra says, to the same facility
    assert answer.distance_m == pytest.approx(expected_distance, abs=1e-6)
    assert answer.facility_id == expected_id
    assert answer.cost == pytest.approx(answer.distance_m, abs=1e-6)   # a distance preset: cost is metres
    assert answer.covered == (expected_distance <= PRESET.max_distance_m)
    # it starts at the click, then its point on the road, runs along the roads, ends at the entrance
    xy = answer.xy
    assert len(xy) > 2
    assert tuple(xy[0]) == pytest.approx((click.x(), click.y()), abs=1e-6)
    assert tuple(xy[1]) == pytest.approx(tuple(start[2]), abs=1e-6) or start[3] == pytest.approx(0.0, abs=1e-6)
    assert route.access_m == pytest.approx(start[3], abs=1e-6)
    on_roads = xy[1:-1] if route.facility_access_m > 0 else xy[1:]
    assert max(plain.distance_to_roads(p) for p in on_roads) < 1e-6
    facility = facilities.getFeature(answer.facility_id)
    ends = [(np.asarray(entrance), np.asarray(on_road)) for entrance, on_road, _ in entrances_of(facility, plain)]
    assert any(np.allclose(xy[-1], entrance, atol=1e-6) for entrance, _ in ends)
    if route.facility_access_m > 0:
        assert any(np.allclose(xy[-2], on_road, atol=1e-6) for _, on_road in ends)
        assert np.hypot(*(xy[-1] - xy[-2])) == pytest.approx(route.facility_access_m, abs=1e-6)
    return route


def test_route_to_a_shelter_is_the_shortest_way_along_the_roads(roads, shelters, plain):
    routing = prepare_routing(shelters, roads, PRESET, snap_tolerance=0.0)
    lengths = []
    for click in clicks(roads, shelters, 8, seed=1):
        route = check_route(routing.route(click, CRS), plain, shelters, click)
        if route is not None:
            lengths.append(len(route.nodes))
    assert len(lengths) >= 6
    assert min(lengths) > 5   # real routes through several junctions, not a straight line


def test_routes_to_the_nearest_of_several_point_facilities(roads, plain):
    stations = point_facilities(plain)
    routing = prepare_routing(stations, roads, PRESET, snap_tolerance=0.0)
    served = set()
    for click in clicks(roads, stations, 12, seed=2):
        answer = routing.route(click, CRS)
        if check_route(answer, plain, stations, click) is not None:
            assert answer.name == stations.getFeature(answer.facility_id)['name']
            served.add(answer.facility_id)
    assert len(served) > 2


def test_route_with_the_default_snapping_tolerance(roads, shelters):
    snapped = prepare_routing(shelters, roads, PRESET)   # NETWORK_SNAP_TOLERANCE_M, as the algorithms
    exact = prepare_routing(shelters, roads, PRESET, snap_tolerance=0.0)
    for click in clicks(roads, shelters, 8, seed=1):
        answer, clean = snapped.route(click, CRS), exact.route(click, CRS)
        route = answer.route
        if answer.facility_id is None:
            assert clean.facility_id is None
            continue
        assert route.distance_m == pytest.approx(route.access_m + route.network_m + route.facility_access_m, abs=1e-6)
        # drawn: the distance plus the straight joins across snapped gaps, each within the tolerance
        assert route.length == pytest.approx(route.distance_m + route.joins_m, abs=1e-6)
        assert route.joins_m <= 2 * NETWORK_SNAP_TOLERANCE_M * len(route.nodes)
        # joining line ends only adds ways: never longer than without snapping
        assert answer.distance_m <= clean.distance_m + 1e-6
        assert tuple(answer.xy[0]) == tuple(clean.xy[0])
        if clean.facility_id is not None:
            assert tuple(answer.xy[-1]) == tuple(clean.xy[-1])


def test_route_agrees_with_population_coverage(roads, shelters, run):
    shelter = next(shelters.getFeatures()).geometry().pointOnSurface().asPoint()
    click = QgsPointXY(shelter.x() + 250, shelter.y() + 150)
    answer = route_to_nearest(shelters, roads, click, CRS, PRESET)
    demand = QgsVectorLayer('Point?crs=EPSG:3067&field=population:double', 'click', 'memory')
    feature = QgsFeature(demand.fields())
    feature.setGeometry(QgsGeometry.fromPointXY(click))
    feature.setAttributes([1.0])
    demand.dataProvider().addFeatures([feature])
    preset = [p.key for p in PRESETS_BY_KEY.values()].index(PRESET.key) + 1
    result, _ = run('resilience:population_coverage', {
        'FACILITIES': shelters, 'NETWORK': roads, 'PRESET': preset, 'DEMAND': demand, 'DEMAND_FIELD': 'population',
        'OUTPUT_DEMAND': 'memory:'})
    row = next(result['OUTPUT_DEMAND'].getFeatures())
    assert answer.facility_id == row['facility_id']
    assert answer.distance_m == pytest.approx(row['distance_m'])
    assert answer.covered == bool(row['covered'])


def test_route_in_another_crs_and_without_a_network(roads, shelters):
    wgs84 = QgsCoordinateReferenceSystem('EPSG:4326')
    shelter = next(shelters.getFeatures()).geometry().pointOnSurface().asPoint()
    to_wgs = QgsCoordinateTransform(CRS, wgs84, QgsProject.instance())
    click = to_wgs.transform(QgsPointXY(shelter.x() + 250, shelter.y() + 150))
    metric = route_to_nearest(shelters, roads, QgsPointXY(shelter.x() + 250, shelter.y() + 150), CRS, PRESET)
    answer = route_to_nearest(shelters, roads, click, wgs84, PRESET)
    assert answer.distance_m == pytest.approx(metric.distance_m, abs=0.01)
    assert tuple(answer.xy[0]) == pytest.approx((click.x(), click.y()), abs=1e-9)
    assert len(answer.xy) == len(metric.xy)
    straight = route_to_nearest(shelters, None, click, wgs84, PRESET)
    assert not straight.on_network and len(straight.xy) == 2
    assert straight.distance_m < metric.distance_m
    assert straight.distance_m == pytest.approx(np.hypot(250, 150), rel=0.01)   # to the shelter's point
