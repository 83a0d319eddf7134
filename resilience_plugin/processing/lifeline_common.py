"""What the lifeline algorithms share: the system read from the planning database, the failed assets, and the
output layers (affected assets, lost lines, devices to close, consequences)."""
import re

import numpy as np
from qgis.core import (QgsFeature, QgsField, QgsFields, QgsGeometry, QgsProcessingException,
                       QgsProcessingParameterBoolean,
                       QgsProcessingParameterFeatureSink, QgsProcessingParameterNumber, QgsProcessingParameterString)

from ..compat import FIELD_TYPES, NUMBER_DOUBLE, SINK_FAST_INSERT, SOURCE_LINE, SOURCE_POINT, SOURCE_VECTOR, WKB
from ..core.lifeline_chain import ON_BACKUP
from ..definitions import (DEPENDENCIES, DEPENDENCY_RULES_BY_KEY, KINDS_BY_NAME, LIFELINE_ASSET_TABLES,
                           LIFELINE_CAUSE, LIFELINE_CONSEQUENCES_SCHEMA, LIFELINE_EVENTS_SCHEMA, LIFELINE_FINDINGS,
                           LIFELINE_FINDINGS_SCHEMA, LIFELINE_ISOLATION_SCHEMA, NETWORK_SERVICE, SERVICE_NETWORK, N_)
from ..qgis_io.lifeline_layers import Cancelled as ReadCancelled
from ..qgis_io.lifeline_layers import read_system
from ..qgis_io.risk_layers import plain
from ..translation import tr
from .base import GROUP_LIFELINES, ResilienceAlgorithm

ISOLATION_FIELDS = tuple(LIFELINE_ISOLATION_SCHEMA.spec())
CONSEQUENCE_FIELDS = tuple(LIFELINE_CONSEQUENCES_SCHEMA.spec())
FINDING_OUTPUT_FIELDS = tuple(LIFELINE_FINDINGS_SCHEMA.spec())
ANY_SERVICE = 'any'
# An exposure result's feature shows an asset when it lies this close to it (points: on it; lines: pieces of it).
ASSET_MATCH_M = 0.01


class Cancelled(QgsProcessingException):
    pass


def make_fields(spec):
    fields = QgsFields()
    for name, kind in spec:
        fields.append(QgsField(name, FIELD_TYPES[kind]))
    return fields


def make_feature(fields, values, geometry=None):
    feature = QgsFeature(fields)
    feature.setAttributes([values.get(fields.at(i).name()) for i in range(fields.count())])
    if geometry is not None and not geometry.isNull():
        feature.setGeometry(geometry)
    return feature


def split_ids(text):
    """Asset IDs from a comma- (or semicolon-, newline-) separated list."""
    return [part.strip() for part in re.split(r'[,;\n]', text or '') if part.strip()]


class LifelineAlgorithm(ResilienceAlgorithm):
    GROUP = GROUP_LIFELINES

    DEFAULT_DEPENDENCIES = 'DEFAULT_DEPENDENCIES'
    TIME_HOURS = 'TIME_HOURS'
    INOPERABLE = 'INOPERABLE'
    OUTPUT = 'OUTPUT'
    OUTPUT_LINES = 'OUTPUT_LINES'
    OUTPUT_ISOLATION = 'OUTPUT_ISOLATION'
    OUTPUT_CONSEQUENCES = 'OUTPUT_CONSEQUENCES'

    COMMON_HELP = N_(
        'The networks are the lifelines of each type with the lifeline nodes of the same network: isolation devices '
        '(valves; switches and substations for power; regulator stations for gas) on line vertices split them into '
        'isolation segments; sources (pump stations, water works for water; substations for power; regulator '
        'stations for gas) feed them. A failed line or node is isolated by closing the devices around its segment '
        '(a device that cannot be operated, INOPERABLE, makes the isolation grow to the next ones); what is no '
        'longer connected to a working source is cut off. Dependencies between assets come from the dependencies '
        'table; with DEFAULT_DEPENDENCIES the default rules add the nearest provider where the table has no row of '
        'that kind (reported as assumptions to confirm). A dependent asset fails when every provider of a kind is '
        'lost, after its backup time; TIME_HOURS stops the clock (assets still on backup are reported on_backup). '
        'People are served by the nearest line of each network within its service distance.')

    def check(self, feedback):
        if feedback.isCanceled():
            raise Cancelled(tr('Cancelled; no output was written.'))

    # Parameters ------------------------------------------------------------------------------
    def add_chain_parameters(self):
        self.addParameter(QgsProcessingParameterString(
            self.INOPERABLE, tr('Isolation devices that cannot be operated (asset IDs, comma separated)'),
            optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.TIME_HOURS, tr('Duration of the outage (hours; empty: until every backup runs out)'), NUMBER_DOUBLE,
            optional=True, minValue=0))
        self.addParameter(QgsProcessingParameterBoolean(
            self.DEFAULT_DEPENDENCIES, tr('Assume default dependencies where the table has none'), defaultValue=True))

    def add_event_outputs(self, title=None):
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, title or tr('Affected assets'), SOURCE_POINT))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT_LINES, tr('Affected lines'), SOURCE_LINE,
                                                            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT_ISOLATION, tr('Isolation devices to close'),
                                                            SOURCE_POINT, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT_CONSEQUENCES, tr('Consequences by service'),
                                                            SOURCE_VECTOR, optional=True))

    def time_limit(self, parameters, context):
        if parameters.get(self.TIME_HOURS) in (None, ''):
            return None
        return self.parameterAsDouble(parameters, self.TIME_HOURS, context)

    # Reading ---------------------------------------------------------------------------------
    def load(self, parameters, context, feedback):
        """The planning database as a LoadedSystem, with what the user must know about it in the log."""
        store = self.store(parameters, context, ensure=(DEPENDENCIES,))
        feedback.setProgressText(tr('Reading the lifeline networks'))
        rules = self.parameterAsBool(parameters, self.DEFAULT_DEPENDENCIES, context) \
            if self.DEFAULT_DEPENDENCIES in parameters else True
        try:
            with self.database_errors():
                loaded = read_system(store, feedback, default_rules=rules)
        except ReadCancelled:
            raise Cancelled(tr('Cancelled; no output was written.'))
        self.report_loaded(loaded, feedback)
        return loaded

    @staticmethod
    def report_loaded(loaded, feedback):
        system = loaded.system
        if not system.parts:
            raise QgsProcessingException(tr('The planning database has no lifelines in service: nothing to analyse.'))
        for name, part in system.parts.items():
            lnet = part.lnet
            feedback.pushInfo(tr('{} network: {} lines, {} isolation segments, {} isolation devices, {} sources.')
                              .format(name, lnet.n_lines, int((~lnet.device_segment).sum()), lnet.n_devices,
                                      lnet.n_sources))
        for table, count in loaded.skipped.items():
            feedback.pushInfo(tr('{}: {} features not in service or without geometry are left out.').format(
                table, count))
        for finding in loaded.findings:
            (feedback.pushWarning if LIFELINE_FINDINGS[finding.rule][0] == 'warning' else feedback.pushInfo)(
                finding.message)
        if loaded.unknown_ids:
            feedback.pushWarning(tr('{} dependencies name assets that are not in the database (left out): {}').format(
                len(loaded.unknown_ids), ', '.join(sorted(set(loaded.unknown_ids))[:10])))
        if loaded.unconfirmed:
            feedback.pushWarning(tr('{} dependencies of the table are not confirmed yet.').format(loaded.unconfirmed))
        if loaded.assumed:
            assets = system.assets
            feedback.pushWarning(tr('{} dependencies are assumed from the default rules (not in the dependencies '
                                    'table; confirm them with "Propose dependencies"):').format(len(loaded.assumed)))
            for rule, provider, dependent, kind, backup, distance in loaded.assumed[:12]:
                feedback.pushInfo(tr('  {} needs {} from {} ({:.0f} m away, backup {:g} h): {}').format(
                    assets.asset_id[dependent], kind, assets.asset_id[provider], distance, backup,
                    tr(DEPENDENCY_RULES_BY_KEY[rule].label)))
            if len(loaded.assumed) > 12:
                feedback.pushInfo(tr('  ... and {} more').format(len(loaded.assumed) - 12))

    def failed_from_ids(self, loaded, text, what):
        index = loaded.index()
        ids = split_ids(text)
        unknown = [i for i in ids if i not in index]
        if unknown:
            raise QgsProcessingException(tr('{}: no asset with the ID {} in the lifelines, lifeline nodes, facilities '
                                            'or shelters in service.').format(what, ', '.join(unknown[:10])))
        return [index[i] for i in ids]

    def failed_from_layer(self, source, loaded, min_class, feedback):
        """Asset indices from a layer with ``asset_id`` features, or from an exposure result (``layer`` and
        ``feature_id``): rows with class_rank >= min_class, or without min_class the red rows (risk_grade major)."""
        names = source.fields().names()
        index = loaded.index()
        out, unknown = [], []
        if 'asset_id' in names:
            for feature in source.getFeatures():
                value = plain(feature['asset_id'])
                if value in index:
                    out.append(index[value])
                elif value is not None:
                    unknown.append(str(value))
        elif 'layer' in names and 'feature_id' in names:
            tables = self.table_names()
            by_fid = {(loaded.assets.table[a], int(f)): a for a, f in enumerate(loaded.fid.tolist())}
            for feature in source.getFeatures():
                rank = plain(feature['class_rank']) if 'class_rank' in names else None
                grade = plain(feature['risk_grade']) if 'risk_grade' in names else None
                if min_class is not None:
                    if rank is None or float(rank) < min_class:
                        continue
                elif grade != 'major':
                    continue
                fid = plain(feature['feature_id'])
                if fid is None:
                    continue
                table = tables.get(str(plain(feature['layer']) or ''))
                asset = by_fid.get((table, int(fid))) if table is not None else \
                    self.asset_under(loaded, feature.geometry(), [by_fid.get((t, int(fid))) for t in tables.values()])
                if asset is not None:
                    out.append(asset)
        else:
            raise QgsProcessingException(tr('{} has neither an asset_id field nor the layer and feature_id fields of '
                                            'an exposure result.').format(source.sourceName()))
        if unknown:
            feedback.pushWarning(tr('{} features of {} name assets not in the database: {}').format(
                len(unknown), source.sourceName(), ', '.join(unknown[:10])))
        return out

    @staticmethod
    def asset_under(loaded, geometry, candidates):
        """The candidate asset (same feature ID in another table) that ``geometry`` of an exposure result shows:
        a layer loaded under another name (the file name) still names its assets by feature ID."""
        if geometry is None or geometry.isEmpty():
            return None
        for asset in candidates:
            if asset is None:
                continue
            wkb = loaded.line_wkb.get(asset)
            if wkb is not None:
                shape = QgsGeometry()
                shape.fromWkb(wkb)
            else:
                shape = loaded.point(asset)
            if not shape.isEmpty() and shape.distance(geometry) <= ASSET_MATCH_M:
                return asset
        return None

    @staticmethod
    def table_names():
        """Layer names an exposure result may carry -> planning table (table name, title and translated title)."""
        out = {}
        for name in LIFELINE_ASSET_TABLES:
            kind = KINDS_BY_NAME[name]
            out.update({name: name, kind.title: name, tr(kind.title): name})
        return out

    # Writing ---------------------------------------------------------------------------------
    def event_rows(self, loaded, result):
        """One dict per event (fields of EVENT_FIELDS), in the order they happened."""
        assets = loaded.assets
        rows = []
        for event in result.events:
            a = event.asset
            length = None
            if assets.table[a] == 'lifelines':
                geometry = loaded.lost_lines(event) if event.cause != ON_BACKUP else None
                length = geometry.length() if geometry is not None else None
            rows.append(dict(asset_id=assets.asset_id[a], layer=assets.table[a], name=assets.name[a] or None,
                             network=assets.network[a] or None, kind=assets.kind[a] or None, cause=event.cause,
                             step=event.step, via=assets.asset_id[event.via] if event.via >= 0 else None,
                             time_h=event.time_h, service=event.service or None, fails_at_h=event.fails_at_h,
                             length_m=length, _event=event))
        return rows

    def write_events(self, parameters, context, loaded, rows, chain=False, frame=None):
        """OUTPUT (a point per affected asset) and OUTPUT_LINES (the lost pieces of lines); a chain's rows also get
        ``frame(row)`` (frame_time)."""
        fields = make_fields(LIFELINE_EVENTS_SCHEMA.spec(chain=chain))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields, WKB.Point, loaded.crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        line_sink, line_dest = self.parameterAsSink(parameters, self.OUTPUT_LINES, context, fields,
                                                    WKB.MultiLineString, loaded.crs)
        for row in rows:
            values = dict(row, **(frame(row) if frame else {}))
            sink.addFeature(make_feature(fields, values, loaded.point(row['_event'].asset)), SINK_FAST_INSERT)
            if line_sink is not None and row['layer'] == 'lifelines' and row['cause'] != ON_BACKUP:
                geometry = loaded.lost_lines(row['_event'])
                if geometry is not None:
                    line_sink.addFeature(make_feature(fields, values, geometry), SINK_FAST_INSERT)
        out = {self.OUTPUT: dest}
        if line_sink is not None:
            out[self.OUTPUT_LINES] = line_dest
        return out

    def write_isolation(self, parameters, context, loaded, result):
        fields = make_fields(ISOLATION_FIELDS)
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT_ISOLATION, context, fields, WKB.Point, loaded.crs)
        if sink is None:
            return {}
        assets = loaded.assets
        for network, _, devices, via in result.closed:
            for a in devices:
                sink.addFeature(make_feature(fields, dict(
                    asset_id=assets.asset_id[a], network=network, name=assets.name[a] or None,
                    kind=assets.kind[a], operation='close', for_asset=assets.asset_id[via] if via >= 0 else None),
                    loaded.point(a)), SINK_FAST_INSERT)
        return {self.OUTPUT_ISOLATION: dest}

    @staticmethod
    def consequences(loaded, result):
        """Rows of CONSEQUENCE_FIELDS: one per network with sources, and one for any service."""
        system, assets = loaded.system, loaded.assets
        per, any_people = system.population_lost(result)
        served = system.population_served()
        lost_assets = {e.asset for e in result.events if e.cause != ON_BACKUP}
        deps = system.deps
        without = {}  # service -> set of sites that lost every provider of it
        providers = {}
        for p, d, k in zip(deps.provider.tolist(), deps.dependent.tolist(), list(deps.kind)):
            providers.setdefault((d, k), []).append(p)
        for (d, k), ps in providers.items():
            if assets.table[d] in ('facilities', 'shelters') and all(p in lost_assets for p in ps):
                without.setdefault(k, set()).add(d)
        rows = []
        any_sites = set()
        for name, part in system.parts.items():
            if part.lnet.n_sources == 0:  # supply is not analysed: no row
                continue
            service = NETWORK_SERVICE.get(name, '')
            sites = without.get(service, set())
            any_sites |= sites
            lnet = part.lnet
            length = float(lnet.segment_length[result.lost.get(name, np.zeros(lnet.n_segments, bool))].sum())
            count = sum(1 for a in lost_assets if assets.network[a] == name)
            rows.append(LifelineAlgorithm._consequence_row(service, name, served.get(name, 0.0), per.get(name, 0.0),
                                                           length, count, sites, assets))
        for service, sites in without.items():
            if SERVICE_NETWORK.get(service) not in system.parts:
                any_sites |= sites
                rows.append(LifelineAlgorithm._consequence_row(service, SERVICE_NETWORK.get(service, ''), None, None,
                                                               0.0, 0, sites, assets))
        total_length = sum(float(p.lnet.segment_length[result.lost[n]].sum()) for n, p in system.parts.items()
                           if n in result.lost)
        rows.append(LifelineAlgorithm._consequence_row(ANY_SERVICE, '', float(system.population.sum()), any_people,
                                                       total_length, len(lost_assets), any_sites, assets))
        return rows

    @staticmethod
    def _consequence_row(service, network, served, without, length, count, sites, assets):
        kinds = [assets.kind[s] if assets.table[s] == 'facilities' else 'shelter' for s in sites]
        return dict(service=service, network=network or None, population_served=served, population_without=without,
                    share_without=(without / served) if served else None, length_lost_m=length, assets_lost=count,
                    hospitals=kinds.count('hospital'), fire_stations=kinds.count('fire_station'),
                    shelters=kinds.count('shelter'),
                    other_facilities=len(kinds) - kinds.count('hospital') - kinds.count('fire_station') -
                    kinds.count('shelter'))

    def write_consequences(self, parameters, context, loaded, rows):
        fields = make_fields(CONSEQUENCE_FIELDS)
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT_CONSEQUENCES, context, fields, WKB.NoGeometry,
                                          loaded.crs)
        if sink is None:
            return {}
        for row in rows:
            sink.addFeature(make_feature(fields, row), SINK_FAST_INSERT)
        return {self.OUTPUT_CONSEQUENCES: dest}

    @staticmethod
    def log_outcome(rows, consequence_rows, closed, feedback):
        causes = {}
        for row in rows:
            causes[row['cause']] = causes.get(row['cause'], 0) + 1
        feedback.pushInfo(tr('{} assets affected: {}.').format(len(rows), ', '.join(
            '{} {}'.format(n, tr(LIFELINE_CAUSE.choice(c).label)) for c, n in causes.items())))
        if closed:
            feedback.pushInfo(tr('Isolation devices to close: {}.').format(closed))
        for row in consequence_rows:
            if row['population_without']:
                feedback.pushInfo(tr('{}: {:,.0f} people without the service ({:.1%} of those served), {} hospitals, '
                                     '{} fire stations, {} shelters').format(
                    row['service'], row['population_without'], row['share_without'] or 0.0, row['hospitals'],
                    row['fire_stations'], row['shelters']))
