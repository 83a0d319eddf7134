"""The planning database as a lifeline system: lines, nodes, facilities, shelters, population and dependencies
read into core.lifeline_chain.System, with the geometries results are drawn with.

Everything is read through the PlanningStore (any backend); nothing is written here.
"""
from dataclasses import dataclass, field

import numpy as np
from qgis.core import QgsFeatureRequest, QgsGeometry, QgsPointXY

from ..core.lifeline_chain import Assets, Dependencies, NetworkPart, System, propose_dependencies, units_on_network
from ..core.lifelines import ROLE_DEVICE, ROLE_OTHER, ROLE_SOURCE, build_lifeline_network
from ..core.network import NetworkError, cut_lines, parse_wkb_lines
from ..definitions import (DEPENDENCY_RULES, ISOLATION_DEVICE_KINDS, NETWORK_SOURCE_KINDS, NODE_ON_NETWORK_M,
                           OUT_OF_SERVICE_STATUS, SERVICE_DISTANCE_M, SOURCE_ATTACH_M)
from ..translation import tr
from ..compat import GEOM_POINT
from .risk_layers import plain

POPULATION_TABLES = ('population', 'population_points')
# Columns read from each asset table: (kind field, has a network field).
ASSET_COLUMNS = {'lifelines': ('subtype', True), 'lifeline_nodes': ('node_kind', True),
                 'facilities': ('facility_kind', False), 'shelters': ('shelter_class', False)}


class Cancelled(Exception):
    pass


@dataclass
class Finding:
    rule: str
    table: str
    asset_id: str
    network: str
    message: str
    xy: tuple = None


@dataclass
class LoadedSystem:
    system: System
    crs: object
    xy: np.ndarray                      # (assets, 2) representative point of every asset
    fid: np.ndarray                     # feature id of every asset in its table
    line_wkb: dict                      # asset -> WKB of a line asset
    unit_xy: np.ndarray
    findings: list = field(default_factory=list)
    assumed: list = field(default_factory=list)   # (rule, provider, dependent, kind, backup_h, distance_m)
    unconfirmed: int = 0                # table rows not confirmed yet
    unknown_ids: list = field(default_factory=list)  # dependency rows naming assets not in the database
    skipped: dict = field(default_factory=dict)      # table -> assets left out (not in service, no geometry)

    @property
    def assets(self):
        return self.system.assets

    def index(self):
        if not hasattr(self, '_index'):
            self._index = self.assets.index()
        return self._index

    def point(self, asset):
        x, y = self.xy[asset]
        return QgsGeometry.fromPointXY(QgsPointXY(float(x), float(y))) if np.isfinite(x) else QgsGeometry()

    def lost_lines(self, event):
        """The geometry of a line asset's pieces lost in ``event`` (the whole line when it failed)."""
        asset = event.asset
        wkb = self.line_wkb.get(asset)
        if wkb is None:
            return None
        if not event.segments:
            geometry = QgsGeometry()
            geometry.fromWkb(wkb)
            return geometry
        pieces = []
        for name, segment in event.segments:
            part = self.system.parts[name]
            lnet = part.lnet
            lines = np.flatnonzero(part.line_assets == asset)
            edges = np.flatnonzero(np.isin(lnet.edge_line, lines) & (lnet.edge_segment == segment))
            if not len(edges):
                continue
            coords, offsets = cut_lines(lnet.net, lnet.net.edge_line[edges], lnet.net.edge_m0[edges],
                                        lnet.net.edge_m1[edges])
            for k in range(len(offsets) - 1):
                pieces.append([QgsPointXY(float(x), float(y)) for x, y in coords[offsets[k]:offsets[k + 1]]])
        return QgsGeometry.fromMultiPolylineXY(pieces) if pieces else None


def _check(feedback):
    if feedback is not None and feedback.isCanceled():
        raise Cancelled()


def _read_table(store, name, columns, feedback, points=True):
    """[(fid, {column: value}, geometry)] of a planning layer; geometry: WKB (lines) or (x, y)."""
    layer = store.layer(name)
    names = layer.fields().names()
    wanted = [c for c in columns if c in names]
    request = QgsFeatureRequest().setSubsetOfAttributes([names.index(c) for c in wanted])
    rows = []
    for n, feature in enumerate(layer.getFeatures(request)):
        if n % 2000 == 0:
            _check(feedback)
        geometry = feature.geometry()
        values = {c: plain(feature[c]) for c in wanted}
        if geometry is None or geometry.isNull() or geometry.isEmpty():
            rows.append((feature.id(), values, None))
            continue
        if points:
            point = geometry if geometry.type() == GEOM_POINT else geometry.pointOnSurface()
            p = point.asMultiPoint()[0] if point.isMultipart() else point.asPoint()
            rows.append((feature.id(), values, (p.x(), p.y())))
        else:
            rows.append((feature.id(), values, bytes(geometry.asWkb())))
    return rows, layer.crs()


def read_system(store, feedback=None, default_rules=True):
    """The lifeline system of the planning database in ``store``; raises Cancelled on a cancel."""
    ids, tables, kinds, networks, names, fids, xy, status = [], [], [], [], [], [], [], []
    line_wkb = {}
    skipped = {}
    crs = None
    for table, (kind_field, has_network) in ASSET_COLUMNS.items():
        columns = ['asset_id', 'name', 'status', kind_field] + (['network'] if has_network else [])
        rows, layer_crs = _read_table(store, table, columns, feedback, points=table != 'lifelines')
        crs = crs or layer_crs
        for fid, values, geometry in rows:
            state = values.get('status')
            if geometry is None or (state in OUT_OF_SERVICE_STATUS and table != 'shelters'):
                skipped[table] = skipped.get(table, 0) + 1
                continue
            asset = len(ids)
            ids.append(str(values.get('asset_id') or '{}:{}'.format(table, fid)))
            tables.append(table)
            kinds.append(str(values.get(kind_field) or ''))
            networks.append(str(values.get('network') or '') if has_network else '')
            names.append(str(values.get('name') or ''))
            fids.append(fid)
            status.append(state)
            if table == 'lifelines':
                line_wkb[asset] = geometry
                xy.append((np.nan, np.nan))
            else:
                xy.append(geometry)
    assets = Assets(np.asarray(ids, object), np.asarray(tables, object), np.asarray(kinds, object),
                    np.asarray(networks, object), np.asarray(names, object))
    xy = np.asarray(xy, np.float64).reshape(-1, 2)
    findings = []

    # Population units: polygons by a point on their surface, and points.
    unit_xy, unit_pop = [], []
    for table in POPULATION_TABLES:
        rows, _ = _read_table(store, table, ['population'], feedback)
        for _, values, geometry in rows:
            if geometry is None:
                continue
            unit_xy.append(geometry)
            unit_pop.append(float(values.get('population') or 0.0))
    unit_xy = np.asarray(unit_xy, np.float64).reshape(-1, 2)

    # One network per type that has lines.
    parts = {}
    line_assets = np.asarray(sorted(line_wkb), np.int64)
    node_assets = np.flatnonzero(assets.table == 'lifeline_nodes')
    for network in sorted(set(assets.network[line_assets].tolist()) - {'', 'road'}):
        _check(feedback)
        mine = line_assets[assets.network[line_assets] == network]
        coords, offsets, part_of = parse_wkb_lines([line_wkb[a] for a in mine.tolist()])
        if len(offsets) < 2:
            continue
        nodes, roles = [], []
        for a in node_assets[assets.network[node_assets] == network].tolist():
            kind = assets.kind[a]
            if kind in NETWORK_SOURCE_KINDS.get(network, ()):
                nodes.append(a)
                roles.append(ROLE_SOURCE)
            if kind in ISOLATION_DEVICE_KINDS.get(network, ()):
                nodes.append(a)
                roles.append(ROLE_DEVICE)
            elif kind not in NETWORK_SOURCE_KINDS.get(network, ()):
                nodes.append(a)
                roles.append(ROLE_OTHER)
        nodes = np.asarray(nodes, np.int64)
        roles = np.asarray(roles, np.int8)
        try:
            lnet = build_lifeline_network(network, coords, offsets, xy[nodes], roles, NODE_ON_NETWORK_M,
                                          SOURCE_ATTACH_M)
        except NetworkError:
            continue
        part = NetworkPart(lnet, mine[part_of], nodes)
        if lnet.n_sources:
            part.unit_segment = units_on_network(lnet, unit_xy, SERVICE_DISTANCE_M.get(network, 300.0))
        else:
            part.unit_segment = np.full(len(unit_xy), -1, np.int64)
        parts[network] = part
        findings += _network_findings(part, assets, xy, fids)
    # Representative points of line assets: the middle of their first part.
    for a, wkb in line_wkb.items():
        geometry = QgsGeometry()
        geometry.fromWkb(wkb)
        point = geometry.interpolate(geometry.length() / 2.0)
        if not point.isNull():
            p = point.asPoint()
            xy[a] = (p.x(), p.y())

    deps, unconfirmed, unknown, existing = _read_dependencies(store, assets)
    assumed = []
    if default_rules:
        assumed = _default_dependencies(assets, xy, parts, existing)
        if assumed:
            extra = Dependencies(np.asarray([r[1] for r in assumed], np.int64),
                                 np.asarray([r[2] for r in assumed], np.int64),
                                 np.asarray([r[3] for r in assumed], object), np.asarray([r[4] for r in assumed]))
            deps = Dependencies(np.concatenate([deps.provider, extra.provider]),
                                np.concatenate([deps.dependent, extra.dependent]),
                                np.concatenate([deps.kind, extra.kind]),
                                np.concatenate([deps.backup_h, extra.backup_h]))
    system = System(assets, parts, deps, np.asarray(unit_pop, np.float64))
    return LoadedSystem(system, crs, xy, np.asarray(fids, np.int64), line_wkb, unit_xy, findings, assumed, unconfirmed,
                        unknown, skipped)


def _network_findings(part, assets, xy, fids):
    """Devices and sources off their network, unsupplied parts, networks without devices or sources."""
    lnet = part.lnet
    out = []
    network = lnet.name
    for k, a in enumerate(part.node_assets.tolist()):
        if lnet.node_attach[k] >= 0:
            continue
        role = lnet.node_role[k]
        if role == ROLE_DEVICE and assets.kind[a] in ('valve', 'switch'):
            out.append(Finding('device_off_network', 'lifeline_nodes', assets.asset_id[a], network,
                               tr('{} is {} m or more from every {} line; it isolates nothing.').format(
                                   assets.asset_id[a], NODE_ON_NETWORK_M, network), tuple(xy[a])))
        elif role == ROLE_SOURCE:
            out.append(Finding('source_off_network', 'lifeline_nodes', assets.asset_id[a], network,
                               tr('{} is farther than {} m from every {} line; it feeds nothing.').format(
                                   assets.asset_id[a], SOURCE_ATTACH_M, network), tuple(xy[a])))
    if lnet.n_devices == 0:
        out.append(Finding('no_isolation_devices', '', '', network, tr(
            'The {} network has no isolation devices ({}): a failure shuts the whole connected network.').format(
            network, ', '.join(ISOLATION_DEVICE_KINDS.get(network, ())) or '-')))
    if lnet.n_sources == 0:
        out.append(Finding('no_sources', '', '', network, tr(
            'The {} network has no sources ({}): only isolation is analysed, not supply.').format(
            network, ', '.join(NETWORK_SOURCE_KINDS.get(network, ())) or '-')))
    return out


def _read_dependencies(store, assets):
    """Dependencies of the table: (Dependencies, rows not confirmed, unknown IDs, {(dependent, kind)})."""
    index = assets.index()
    if 'dependencies' not in store.table_names():
        return Dependencies.empty(), 0, [], set()
    rows = store.read_rows('dependencies', ('provider_asset_id', 'dependent_asset_id', 'kind', 'backup_hours',
                                            'confirmed'))
    provider, dependent, kind, backup, unknown = [], [], [], [], []
    unconfirmed = 0
    for p, d, k, b, confirmed in rows:
        if p not in index or d not in index:
            unknown.append(p if p not in index else d)
            continue
        provider.append(index[p])
        dependent.append(index[d])
        kind.append(k or 'other')
        backup.append(float(b) if b is not None else 0.0)
        unconfirmed += 0 if confirmed in (1, True, 'true') else 1
    deps = Dependencies(np.asarray(provider, np.int64), np.asarray(dependent, np.int64), np.asarray(kind, object),
                        np.asarray(backup, np.float64))
    return deps, unconfirmed, unknown, set(zip(dependent, kind))


def _default_dependencies(assets, xy, parts, existing):
    """Rows the default rules propose where the table has none of that kind: (rule, provider, dependent, kind,
    backup_h, distance_m)."""
    out = []
    existing = set(existing)
    for rule in DEPENDENCY_RULES:
        dependents = np.flatnonzero(assets.table == rule.dependent_table)
        if rule.dependent_values:
            dependents = dependents[np.isin(assets.kind[dependents].astype(str), rule.dependent_values)]
        if not len(dependents):
            continue
        if rule.provider_table == 'lifelines':
            part = parts.get(rule.provider_network)
            if part is None:
                continue
            rows = propose_dependencies(dependents, xy[dependents], rule.kind, existing, rule.max_distance_m, part=part)
        else:
            candidates = np.flatnonzero((assets.table == rule.provider_table) &
                                        (assets.network == rule.provider_network) &
                                        np.isin(assets.kind.astype(str), rule.provider_node_kinds))
            if not len(candidates):
                continue
            rows = propose_dependencies(dependents, xy[dependents], rule.kind, existing, rule.max_distance_m,
                                        candidates, xy[candidates])
        for provider, dependent, distance in rows:
            existing.add((dependent, rule.kind))
            out.append((rule.key, provider, dependent, rule.kind, rule.backup_hours, distance))
    return out
