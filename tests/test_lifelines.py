"""Lifeline systems on real data, through the Processing algorithms, against independent computations.

Helsinki: the OSM extract with generated water mains and power cables along its streets (tests/tools/lifeline_demo),
valves and switches placed by generate_isolation_devices. The reference builds the isolation segments itself from
the database with shapely and scipy connected components (vertices shared by lines join them, a valve point cuts
its line and keeps the two ends apart) and removes every segment in turn.
"""
import shutil

import numpy as np
import pytest
from osgeo import ogr
from qgis.core import QgsProcessingException, QgsSpatialIndex, QgsVectorLayer
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components
from shapely import wkb as shapely_wkb
from shapely.geometry import LineString, Point
from shapely.ops import substring
from shapely.strtree import STRtree

from conftest import DATA, run_algorithm
from tools.lifeline_demo import PUMP_IDS, add_generated_lifelines, write_flood_raster

KEY = 1000.0  # vertices are the same node when equal to the millimetre


@pytest.fixture(scope='module')
def lifeline_db(helsinki_db, tmp_path_factory):
    path = str(tmp_path_factory.mktemp('lifelines') / 'helsinki_lifelines.gpkg')
    shutil.copy(helsinki_db, path)
    # the two water pipelines mapped in OSM run about 1 m beside the generated mains, where joining lines within
    # 1 m depends on the last centimetre: this copy leaves them out
    ds = ogr.Open(path, update=1)
    layer = ds.GetLayerByName('lifelines')
    layer.SetAttributeFilter("network = 'water_supply'")
    for fid in [f.GetFID() for f in layer]:
        layer.DeleteFeature(fid)
    ds = None
    generated = add_generated_lifelines(path)
    run_algorithm('resilience:generate_isolation_devices', {'DATABASE': path, 'NETWORK': 'water_supply', 'SEED': 1,
                                                            'OFFSET': 3.0})
    run_algorithm('resilience:generate_isolation_devices', {'DATABASE': path, 'NETWORK': 'power', 'SEED': 2})
    run_algorithm('resilience:lifeline_dependencies', {'DATABASE': path, 'OUTPUT': 'TEMPORARY_OUTPUT'})
    return path, generated


@pytest.fixture(scope='module')
def water_reference(lifeline_db):
    return Reference(lifeline_db[0], 'water_supply')


def read(path, table, where=None):
    ds = ogr.Open(path)
    layer = ds.GetLayerByName(table)
    if where:
        layer.SetAttributeFilter(where)
    rows = []
    for feature in layer:
        geometry = feature.GetGeometryRef()
        rows.append((feature.GetFID(), feature.items(),
                     shapely_wkb.loads(bytes(geometry.ExportToWkb())) if geometry is not None else None))
    return rows


class Reference:
    """Isolation segments and N-1 losses of one network, built from the database without the plugin's code."""

    def __init__(self, path, network):
        lines = read(path, 'lifelines', "network = '{}'".format(network))
        nodes = read(path, 'lifeline_nodes', "network = '{}'".format(network))
        devices = [g for _, v, g in nodes if v['node_kind'] in ('valve', 'switch', 'substation', 'regulator')]
        sources = [g for _, v, g in nodes if v['node_kind'] in ('pump_station', 'water_source', 'substation',
                                                                 'regulator')]
        self.pieces, self.piece_asset, lengths = [], [], []
        self.device_points = set()
        names, vertex_xy, u, v, edge_piece, piece_vertices = {}, [], [], [], [], []

        def vertex(key, xy):
            if key not in names:
                names[key] = len(names)
                vertex_xy.append(xy)
            return names[key]

        # a device cuts the line it lies on (the nearest, the first of two that overlap)
        line_tree0 = STRtree([line for _, _, line in lines])
        order = {id(line): n for n, (_, _, line) in enumerate(lines)}
        cuts_on = {}
        for d in devices:
            near = sorted((line.distance(d), order[id(line)]) for line in line_tree0.query(d.buffer(0.01)))
            if near and near[0][0] < 1e-6:
                cuts_on.setdefault(near[0][1], []).append(d)
        line_pieces = []
        for n, (_, values, line) in enumerate(lines):
            line_pieces.append([])
            on = cuts_on.get(n, [])
            self.device_points |= {(round(d.x * KEY), round(d.y * KEY)) for d in on}
            cuts = sorted({line.project(d) for d in on if 1e-9 < line.project(d) < line.length - 1e-9})
            bounds = [0.0] + cuts + [line.length]
            for a, b in zip(bounds[:-1], bounds[1:]):
                piece = substring(line, a, b)
                k = len(self.pieces)
                line_pieces[-1].append((a, b, k))
                self.pieces.append(piece)
                self.piece_asset.append(values['asset_id'])
                lengths.append(piece.length)
                coords = list(piece.coords)
                keys = []
                for i, xy in enumerate(coords):
                    cut_end = (i == 0 and a in cuts) or (i == len(coords) - 1 and b in cuts)
                    keys.append(vertex(('device', k, i) if cut_end else (round(xy[0] * KEY), round(xy[1] * KEY)),
                                       xy))
                piece_vertices.append(keys)
                u += keys[:-1]
                v += keys[1:]
                edge_piece += [k] * (len(keys) - 1)
        # digitising gaps, on the lines as drawn (before the valves cut them): a line end joins every vertex of
        # another line within 1 m, or the line itself where it passes within 1 m away from its vertices (a
        # T-junction), as the coverage network joins them (definitions.CONNECT_TOLERANCE_M)
        xy = np.asarray(vertex_xy)
        cut_vertices = {i for key, i in names.items() if key[0] == 'device'}
        line_tree = STRtree([line for _, _, line in lines])
        line_index = {id(line): n for n, (_, _, line) in enumerate(lines)}
        join_a, join_b = [], []
        for n, (_, _, line) in enumerate(lines):
            for end_xy in (line.coords[0], line.coords[-1]):
                e = names[(round(end_xy[0] * KEY), round(end_xy[1] * KEY))]
                point = Point(end_xy)
                for other in line_tree.query(point.buffer(1.0)):
                    if other.distance(point) > 1.0:
                        continue
                    m = line_index[id(other)]
                    vertices = [names[(round(x * KEY), round(y * KEY))] for x, y in other.coords]
                    near = [w for w, (x, y) in zip(vertices, other.coords) if np.hypot(x - end_xy[0],
                                                                                        y - end_xy[1]) <= 1.0]
                    if near:
                        join_a += [e] * len(near)
                        join_b += near
                        continue
                    # a T-junction only away from both ends of the straight piece passing by (as drawn)
                    coords = np.asarray(other.coords)
                    steps = [LineString(coords[i:i + 2]) for i in range(len(coords) - 1)]
                    i = int(np.argmin([step.distance(point) for step in steps]))
                    foot = steps[i].interpolate(steps[i].project(point))
                    if min(foot.distance(Point(coords[i])), foot.distance(Point(coords[i + 1]))) <= 1.0:
                        continue
                    at = other.project(point)
                    piece = next(k for a, b, k in line_pieces[m] if a <= at <= b)
                    join_a.append(e)
                    join_b.append(piece_vertices[piece][1] if len(piece_vertices[piece]) > 2 else
                                  piece_vertices[piece][0])
        del cut_vertices
        g = coo_matrix((np.ones(len(join_a)), (join_a, join_b)), shape=(len(names), len(names)))
        _, cluster = connected_components(g, directed=False)
        u, v = cluster[np.asarray(u)], cluster[np.asarray(v)]
        self.n = int(cluster.max()) + 1
        self.u, self.v, self.edge_piece = np.array(u), np.array(v), np.array(edge_piece)
        # an open valve joins the pieces that meet at it; isolating a segment closes the valves on its side only
        at_device = {}
        for key, i in names.items():
            if key[0] == 'device':
                x, y = vertex_xy[i]
                at_device.setdefault((round(x * KEY), round(y * KEY)), []).append((cluster[i], key[1]))
        hub = [(group[0][0], other, group[0][1], piece) for group in at_device.values() if len(group) > 1
               for other, piece in group[1:]]
        self.hub_u = np.array([a for a, _, _, _ in hub], np.int64)
        self.hub_v = np.array([b for _, b, _, _ in hub], np.int64)
        self.hub_pieces = np.array([(p, q) for _, _, p, q in hub], np.int64).reshape(-1, 2)
        self.piece_length = np.array(lengths)
        g = coo_matrix((np.ones(len(self.u)), (self.u, self.v)), shape=(self.n, self.n))
        _, label = connected_components(g, directed=False)
        piece_label = np.zeros(len(self.pieces), np.int64)
        piece_label[self.edge_piece] = label[self.u]
        _, self.piece_segment = np.unique(piece_label, return_inverse=True)
        # a source feeds the nearest point of the network; one beside the lines (more than 1 m) also every line
        # end within 150 m of it
        degree = np.bincount(np.concatenate([self.u, self.v]), minlength=self.n)
        is_end = np.zeros(self.n, bool)
        is_end[[cluster[i] for key, i in names.items() if key[0] != 'device' and degree[cluster[i]] == 1]] = True
        ends = np.flatnonzero(is_end)
        xy = np.zeros((self.n, 2))
        xy[cluster] = np.asarray(vertex_xy)
        self.source_nodes = []
        for source in sources:
            nearest = min(range(len(self.pieces)), key=lambda k: self.pieces[k].distance(source))
            fed = set() if self.pieces[nearest].distance(source) <= 1.0 else \
                set(ends[np.hypot(xy[ends, 0] - source.x, xy[ends, 1] - source.y) <= 150.0].tolist())
            if self.pieces[nearest].distance(source) <= 150.0:
                fed.add(int(self.u[np.flatnonzero(self.edge_piece == nearest)[0]]))
            self.source_nodes.append(sorted(fed))

    def supplied(self, removed_segment=None):
        keep = np.ones(len(self.u), bool) if removed_segment is None else \
            self.piece_segment[self.edge_piece] != removed_segment
        open_valves = np.ones(len(self.hub_u), bool) if removed_segment is None else \
            (self.piece_segment[self.hub_pieces] != removed_segment).all(axis=1)
        root = self.n
        feeds = [n for nodes in self.source_nodes for n in nodes]
        rows = np.concatenate([self.u[keep], self.hub_u[open_valves], np.full(len(feeds), root)])
        cols = np.concatenate([self.v[keep], self.hub_v[open_valves], feeds])
        g = coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(self.n + 1, self.n + 1))
        _, label = connected_components(g, directed=False)
        fed = np.zeros(len(self.pieces), bool)
        fed[self.edge_piece[keep]] = label[self.u[keep]] == label[root]
        return fed

    def lost_length(self, segment):
        before = self.supplied()
        after = self.supplied(segment)
        lost = before & (~after | (self.piece_segment == segment))  # what was supplied before
        return float(self.piece_length[lost].sum()), lost


def output_layer(value):
    return value if isinstance(value, QgsVectorLayer) else QgsVectorLayer(value, 'out', 'ogr')


def matching_features(layer, points):
    """The feature of ``layer`` under each shapely point (within 1 mm)."""
    index = QgsSpatialIndex(layer.getFeatures())
    features = {f.id(): f for f in layer.getFeatures()}
    out = []
    from qgis.core import QgsGeometry, QgsPointXY, QgsRectangle
    for p in points:
        rect = QgsRectangle(p.x - 1e-3, p.y - 1e-3, p.x + 1e-3, p.y + 1e-3)
        hits = [features[i] for i in index.intersects(rect)
                if features[i].geometry().distance(QgsGeometry.fromPointXY(QgsPointXY(p.x, p.y))) < 1e-3]
        out.append(hits)
    return out


def test_water_segments_and_n_minus_one_agree_with_connected_components(lifeline_db, water_reference, run):
    path, generated = lifeline_db
    result, feedback = run('resilience:lifeline_criticality', {
        'DATABASE': path, 'NETWORKS': 'water_supply', 'OUTPUT': 'TEMPORARY_OUTPUT',
        'OUTPUT_FINDINGS': 'TEMPORARY_OUTPUT'})
    layer = output_layer(result['OUTPUT'])
    ref = water_reference
    n_segments = int(ref.piece_segment.max()) + 1
    assert layer.featureCount() == result['SEGMENT_COUNT'] == n_segments
    # population: nearest generated main within 300 m of a point on each cell's surface
    cells = [(v['population'], g.representative_point()) for _, v, g in read(path, 'population')]
    tree = STRtree(ref.pieces)
    piece_of = {id(p): k for k, p in enumerate(ref.pieces)}
    cell_piece = []
    for people, point in cells:
        nearest = tree.nearest(point)
        cell_piece.append((people, piece_of[id(nearest)] if nearest.distance(point) <= 300.0 else -1))
    # every reference segment matched to the output feature listing the same pipes (lists cut short are skipped)
    features = {}
    for feature in layer.getFeatures():
        if not feature['pipe_ids'].endswith('\u2026'):
            features.setdefault(frozenset(feature['pipe_ids'].split(', ')), []).append(feature)
    expected = {}
    for s in range(n_segments):
        pipes = frozenset(ref.piece_asset[k] for k in np.flatnonzero(ref.piece_segment == s))
        length, lost = ref.lost_length(s)
        people = sum(p for p, k in cell_piece if k >= 0 and lost[k])
        own = ref.piece_length[ref.piece_segment == s].sum()
        expected.setdefault(pipes, []).append((round(own, 3), round(length, 3), round(people, 6)))
    checked = 0
    for pipes, values in expected.items():
        if pipes not in features:
            continue
        got = sorted((round(f['length_m'], 3), round(f['lost_length_m'], 3), round(f['population'], 6))
                     for f in features[pipes])
        # lengths within 1 m: the plugin moves line ends onto vertices within 1 m (digitising gaps)
        for (length, lost_length, people), (ref_length, ref_lost, ref_people) in zip(got, sorted(values)):
            assert length == pytest.approx(ref_length, abs=1.0), sorted(pipes)
            assert lost_length == pytest.approx(ref_lost, abs=1.0), sorted(pipes)
            assert people == pytest.approx(ref_people, abs=1e-6), sorted(pipes)
        checked += len(values)
    assert checked > 0.95 * n_segments and n_segments > 500


def test_a_broken_main_closes_the_valves_around_it_and_dries_what_lies_beyond(lifeline_db, water_reference, run):
    path, _ = lifeline_db
    ref = water_reference
    # the segment whose loss cuts off the most length besides itself
    extra = []
    for s in range(int(ref.piece_segment.max()) + 1):
        length, lost = ref.lost_length(s)
        extra.append(length - ref.piece_length[ref.piece_segment == s].sum())
    # a pipe lying wholly in one segment breaks (a pipe across a valve breaks where most of its length is)
    assets = np.array(ref.piece_asset)
    whole = {a for a in set(ref.piece_asset) if len(set(ref.piece_segment[assets == a])) == 1}
    candidates = [s for s in np.argsort(extra)[::-1].tolist() if whole & set(assets[ref.piece_segment == s])]
    s = candidates[0]
    assert extra[s] > 0
    pieces = np.flatnonzero(ref.piece_segment == s)
    failed = str(sorted(whole & set(assets[pieces]))[0])
    result, _ = run('resilience:lifeline_failure', {
        'DATABASE': path, 'FAILED': failed, 'OUTPUT': 'TEMPORARY_OUTPUT', 'OUTPUT_LINES': 'TEMPORARY_OUTPUT',
        'OUTPUT_ISOLATION': 'TEMPORARY_OUTPUT', 'OUTPUT_CONSEQUENCES': 'TEMPORARY_OUTPUT'})
    _, lost = ref.lost_length(s)
    expected = {ref.piece_asset[k] for k in np.flatnonzero(lost)}
    affected = {f['asset_id']: f['cause'] for f in result['OUTPUT'].getFeatures() if f['layer'] == 'lifelines'}
    assert set(affected) == expected
    assert affected[failed] == 'failed'
    # valves to close: the device points at the ends of the segment's pieces
    ends = {(round(x * KEY), round(y * KEY)) for k in pieces for x, y in (ref.pieces[k].coords[0],
                                                                           ref.pieces[k].coords[-1])}
    valves = {(round(f.geometry().asPoint().x() * KEY), round(f.geometry().asPoint().y() * KEY))
              for f in result['OUTPUT_ISOLATION'].getFeatures()}
    assert valves == ends & ref.device_points and valves
    assert all(f['for_asset'] == failed for f in result['OUTPUT_ISOLATION'].getFeatures())
    lost_length = sum(f.geometry().length() for f in result['OUTPUT_LINES'].getFeatures())
    assert lost_length == pytest.approx(ref.lost_length(s)[0], abs=1.0)  # line ends snapped within 1 m
    water = next(f for f in result['OUTPUT_CONSEQUENCES'].getFeatures() if f['service'] == 'water_supply')
    assert water['length_lost_m'] == pytest.approx(lost_length, abs=1e-3)


def test_the_flood_chain_runs_from_the_substation_to_the_pumps_the_water_and_the_fire_station(lifeline_db, run,
                                                                                            tmp_path):
    path, generated = lifeline_db
    node = next(g for _, v, g in read(path, 'lifeline_nodes') if v['asset_id'] == generated['substation'])
    crs = QgsVectorLayer(path + '|layername=lifeline_nodes', 'n', 'ogr').crs()
    raster = write_flood_raster(str(tmp_path / 'flood.tif'), (node.x, node.y), crs.toWkt(), radius_m=120.0)
    result, feedback = run('resilience:disaster_chain', {
        'DATABASE': path, 'HAZARD': raster, 'START_TIME': '2024-05-01T00:00:00', 'OUTPUT': 'TEMPORARY_OUTPUT',
        'OUTPUT_TABLE': 'TEMPORARY_OUTPUT', 'OUTPUT_CONSEQUENCES': 'TEMPORARY_OUTPUT'})
    rows = {f['asset_id']: f for f in result['OUTPUT_TABLE'].getFeatures()}
    assert rows[generated['substation']]['cause'] == 'failed' and rows[generated['substation']]['step'] == 0
    for pump in PUMP_IDS:
        assert rows[pump]['cause'] == 'lost_provider' and rows[pump]['service'] == 'power_supply'
    mains = [f for f in rows.values() if f['network'] == 'water_supply' and f['layer'] == 'lifelines']
    assert mains and all(f['cause'] == 'cut_off' and f['via'] in PUMP_IDS for f in mains)
    fire = next(f for f in rows.values() if f['kind'] == 'fire_station')
    assert fire['cause'] == 'lost_provider'
    # step by step: every asset's step is one more than the step of the asset it came through
    for f in rows.values():
        if f['via']:
            assert f['step'] == rows[f['via']]['step'] + 1
    # frame_time plays the steps one hour apart from START_TIME
    from qgis.PyQt.QtCore import QDateTime, Qt
    start = QDateTime.fromString('2024-05-01T00:00:00', Qt.DateFormat.ISODate)
    for f in result['OUTPUT'].getFeatures():
        assert start.secsTo(f['frame_time']) == 3600 * f['step']
    from resilience_plugin.qgis_io.result_styles import make_temporal
    layer = make_temporal(result['OUTPUT'])
    assert layer.temporalProperties().isActive() and layer.temporalProperties().startField() == 'frame_time'
    assert result['STEP_COUNT'] == max(f['step'] for f in rows.values()) + 1


def test_backup_time_keeps_a_pump_running_until_the_outage_ends(lifeline_db, run, tmp_path):
    path, generated = lifeline_db
    from resilience_plugin.qgis_io.storage import open_store
    store = open_store(path)
    store.update_rows('dependencies', ('dependent_asset_id', 'kind'), ('backup_hours', 'confirmed'),
                      [(pump, 'power_supply', 4.0, True) for pump in PUMP_IDS])
    try:
        short, _ = run('resilience:lifeline_failure', {'DATABASE': path, 'FAILED': generated['substation'],
                                                       'TIME_HOURS': 2, 'OUTPUT': 'TEMPORARY_OUTPUT'})
        causes = {f['asset_id']: (f['cause'], f['fails_at_h']) for f in short['OUTPUT'].getFeatures()}
        assert all(causes[p] == ('on_backup', 4.0) for p in PUMP_IDS)
        assert not any(c == 'cut_off' for a, (c, _) in causes.items() if a.startswith('gen-water'))
        long, _ = run('resilience:lifeline_failure', {'DATABASE': path, 'FAILED': generated['substation'],
                                                      'OUTPUT': 'TEMPORARY_OUTPUT'})
        times = {f['asset_id']: f['time_h'] for f in long['OUTPUT'].getFeatures()}
        assert all(times[p] == 4.0 for p in PUMP_IDS)
        assert all(times[a] == 4.0 for a in times if a.startswith('gen-water'))
    finally:
        store.update_rows('dependencies', ('dependent_asset_id', 'kind'), ('backup_hours', 'confirmed'),
                          [(pump, 'power_supply', 0.0, False) for pump in PUMP_IDS])


def test_exposure_results_name_the_failed_assets(lifeline_db, run, tmp_path):
    path, generated = lifeline_db
    node = next(g for _, v, g in read(path, 'lifeline_nodes') if v['asset_id'] == generated['substation'])
    crs = QgsVectorLayer(path + '|layername=lifeline_nodes', 'n', 'ogr').crs()
    raster = write_flood_raster(str(tmp_path / 'flood.tif'), (node.x, node.y), crs.toWkt(), radius_m=120.0)
    exposure, _ = run('resilience:exposure', {'HAZARD': raster, 'TARGETS': [path + '|layername=lifeline_nodes'],
                                              'OUTPUT': 'TEMPORARY_OUTPUT', 'OUTPUT_SITES': 'TEMPORARY_OUTPUT'})
    sites = exposure['OUTPUT_SITES']
    exposed = {f['feature_id'] for f in sites.getFeatures() if f['class_rank'] >= 2}
    assert exposed
    failure, _ = run('resilience:lifeline_failure', {'DATABASE': path, 'FAILED_LAYER': sites, 'MIN_CLASS': 2,
                                                     'OUTPUT': 'TEMPORARY_OUTPUT'})
    failed = {f['asset_id'] for f in failure['OUTPUT'].getFeatures() if f['cause'] == 'failed'}
    ids = {fid: v['asset_id'] for fid, v, _ in read(path, 'lifeline_nodes')}
    assert failed == {ids[fid] for fid in exposed}
    chain, _ = run('resilience:disaster_chain', {'DATABASE': path, 'EXPOSURE': [sites], 'MIN_CLASS': 2,
                                                 'OUTPUT': 'TEMPORARY_OUTPUT'})
    kinds = {v['asset_id']: v['node_kind'] for _, v, _ in read(path, 'lifeline_nodes')}
    chain_failed = {f['asset_id'] for f in chain['OUTPUT'].getFeatures() if f['cause'] == 'failed'}
    assert chain_failed == {a for a in failed if kinds[a] in ('substation', 'switch', 'transformer', 'pump_station',
                                                              'water_source', 'regulator')}


def test_dependencies_are_proposed_once_and_user_rows_stay(lifeline_db, run):
    path, _ = lifeline_db
    rows = read(path, 'dependencies')
    assert rows and all(v['confirmed'] == 0 and v['rule'] for _, v, _ in rows)
    pumps = {v['dependent_asset_id']: v['provider_asset_id'] for _, v, _ in rows if v['rule'] == 'pump_power'}
    assert set(pumps) == set(PUMP_IDS)
    again, _ = run('resilience:lifeline_dependencies', {'DATABASE': path, 'OUTPUT': 'TEMPORARY_OUTPUT'})
    assert again['PROPOSED_COUNT'] == 0 and again['WRITTEN_COUNT'] == 0
    assert len(read(path, 'dependencies')) == len(rows)


def test_power_substations_of_rutland_cut_what_only_they_feed(rutland_pbf, run, tmp_path):
    """Real OSM power lines and substations (no switches mapped): losing a substation cuts off exactly the lines
    connected to no other substation (reference: connected components of the lines' shared vertices)."""
    path = str(tmp_path / 'rutland.gpkg')
    run('resilience:create_planning_database', {'OUTPUT': path, 'CRS': 'EPSG:27700'})
    run('resilience:import_osm', {'INPUT': rutland_pbf, 'DATABASE': path})
    result, _ = run('resilience:lifeline_criticality', {'DATABASE': path, 'NETWORKS': 'power',
                                                        'DEFAULT_DEPENDENCIES': False, 'NODE_KINDS': 'substation',
                                                        'OUTPUT': 'TEMPORARY_OUTPUT',
                                                        'OUTPUT_NODES': 'TEMPORARY_OUTPUT'})
    ref = Reference(path, 'power')
    substations = [(v['asset_id'], g) for _, v, g in read(path, 'lifeline_nodes', "node_kind = 'substation'")]
    # precondition of the reference: no substation stands on a line (none splits a line as a breaker)
    assert all(min(p.distance(g) for p in ref.pieces) > 1.0 for _, g in substations)
    fed = {a: nodes for (a, _), nodes in zip(substations, ref.source_nodes)}
    out = {f['asset_id']: f['lost_length_m'] for f in result['OUTPUT_NODES'].getFeatures()}
    before = ref.supplied()
    checked = 0
    for asset, _ in substations:
        others = [n for a, nodes in fed.items() if a != asset for n in nodes]
        saved = ref.source_nodes
        ref.source_nodes = [others]
        after = ref.supplied()
        ref.source_nodes = saved
        # lengths to the metre: line ends within 1 m are moved onto the vertex they join
        assert out[asset] == pytest.approx(float(ref.piece_length[before & ~after].sum()), abs=1.0, rel=1e-4), asset
        checked += 1
    assert checked == len(substations) >= 5


def test_epanet_net1_is_drawn_through_its_coordinates(run, tmp_path):
    from resilience_plugin.core.epanet_inp import read_inp
    path = str(tmp_path / 'net1.gpkg')
    run('resilience:create_planning_database', {'OUTPUT': path, 'CRS': 'EPSG:3067'})
    result, _ = run('resilience:import_epanet', {'INPUT': str(DATA / 'epanet' / 'Net1.inp'), 'DATABASE': path,
                                                 'SCALE': 50.0, 'ORIGIN': '385000,6670000 [EPSG:3067]'})
    assert (result['LINE_COUNT'], result['NODE_COUNT']) == (13, 2)
    inp = read_inp(str(DATA / 'epanet' / 'Net1.inp'))
    low = inp.node_xy.min(axis=0)
    lines = {v['asset_id']: g for _, v, g in read(path, 'lifelines')}
    for k, name in enumerate(inp.link_id):
        a, b = inp.node_xy[inp.link_node1[k]], inp.node_xy[inp.link_node2[k]]
        line = lines['Net1-' + name]
        assert line.coords[0] == pytest.approx(tuple((a - low) * 50.0 + (385000, 6670000)))
        assert line.coords[-1] == pytest.approx(tuple((b - low) * 50.0 + (385000, 6670000)))
    sources = {v['asset_id']: v['node_kind'] for _, v, _ in read(path, 'lifeline_nodes')}
    assert sources == {'Net1-9': 'water_source', 'Net1-2': 'water_source'}
    with pytest.raises(QgsProcessingException, match='already has assets'):
        run('resilience:import_epanet', {'INPUT': str(DATA / 'epanet' / 'Net1.inp'), 'DATABASE': path})


def test_bad_input_gets_a_clear_message(lifeline_db, run, tmp_path):
    path, _ = lifeline_db
    with pytest.raises(QgsProcessingException, match='no-such-pipe'):
        run('resilience:lifeline_failure', {'DATABASE': path, 'FAILED': 'no-such-pipe', 'OUTPUT': 'TEMPORARY_OUTPUT'})
    with pytest.raises(QgsProcessingException, match='No failed asset'):
        run('resilience:lifeline_failure', {'DATABASE': path, 'OUTPUT': 'TEMPORARY_OUTPUT'})
    with pytest.raises(QgsProcessingException, match='not both'):
        run('resilience:disaster_chain', {'DATABASE': path, 'OUTPUT': 'TEMPORARY_OUTPUT'})
    with pytest.raises(QgsProcessingException, match='already has'):
        run('resilience:generate_isolation_devices', {'DATABASE': path, 'NETWORK': 'water_supply'})
    empty = str(tmp_path / 'empty.gpkg')
    run('resilience:create_planning_database', {'OUTPUT': empty, 'CRS': 'EPSG:3067'})
    with pytest.raises(QgsProcessingException, match='no lifelines'):
        run('resilience:lifeline_criticality', {'DATABASE': empty, 'OUTPUT': 'TEMPORARY_OUTPUT'})


@pytest.mark.parametrize('language', ['en', 'zh_CN'])
def test_the_report_section_shows_the_critical_assets_and_the_chain(lifeline_db, run, tmp_path, language):
    from test_report import pdf_text
    path, generated = lifeline_db
    crit = str(tmp_path / 'critical.gpkg')
    nodes_out = str(tmp_path / 'critical_nodes.gpkg')
    chain_table = str(tmp_path / 'chain.gpkg')
    scan, _ = run('resilience:lifeline_criticality', {'DATABASE': path, 'OUTPUT': crit, 'OUTPUT_NODES': nodes_out})
    node = next(g for _, v, g in read(path, 'lifeline_nodes') if v['asset_id'] == generated['substation'])
    crs = QgsVectorLayer(path + '|layername=lifeline_nodes', 'n', 'ogr').crs()
    raster = write_flood_raster(str(tmp_path / 'flood.tif'), (node.x, node.y), crs.toWkt(), radius_m=150.0)
    chain, _ = run('resilience:disaster_chain', {'DATABASE': path, 'HAZARD': raster, 'OUTPUT': 'TEMPORARY_OUTPUT',
                                                 'OUTPUT_TABLE': chain_table})
    pdf = str(tmp_path / 'report.pdf')
    run('resilience:planning_report', {'DATABASE': path, 'LIFELINE_CRITICALITY': crit, 'LIFELINE_NODES': nodes_out,
                                       'DISASTER_CHAIN': chain_table, 'LANGUAGE': language, 'OUTPUT': pdf})
    text = ' '.join(pdf_text(pdf).split())
    from resilience_plugin.report.language import report_language
    from resilience_plugin.translation import tr
    with report_language(language):
        headings = [tr('Lifeline systems'), tr('Most critical isolation segments'), tr('Largest isolation segments'),
                    tr('Disaster chain, step by step')]
    import unicodedata
    for heading in headings:  # pdf_text gives NFKC text (full-width brackets as ASCII)
        assert ' '.join(unicodedata.normalize('NFKC', heading).split()) in text
    layer = QgsVectorLayer(crit, 'c', 'ogr')
    top = min(layer.getFeatures(), key=lambda f: f['rank'])
    assert top['pipe_ids'].split(', ')[0] in text
    assert '{:,.0f}'.format(top['population_any']) in text
    assert scan['SEGMENT_COUNT'] > 1000 and '{}'.format(scan['SEGMENT_COUNT']) in text
    assert chain['STEP_COUNT'] >= 3
