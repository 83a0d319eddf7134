"""resilience:lifeline_criticality: the N-1 scan of the lifeline networks, ranked, with too-large segments."""
import numpy as np
from qgis.core import (QgsGeometry, QgsPointXY, QgsProcessingException, QgsProcessingOutputNumber,
                       QgsProcessingParameterBoolean,
                       QgsProcessingParameterFeatureSink, QgsProcessingParameterNumber, QgsProcessingParameterString)

from ..compat import NUMBER_DOUBLE, NUMBER_INTEGER, SINK_FAST_INSERT, SOURCE_LINE, SOURCE_POINT, WKB
from ..core.lifeline_chain import asset_criticality, criticality
from ..core.network import cut_lines
from ..definitions import (LIFELINE_FINDINGS, LIFELINE_NODES_SCHEMA, LIFELINE_SEGMENTS_SCHEMA, MAX_SEGMENT_HYDRANTS,
                           MAX_SEGMENT_LENGTH_M, N_, NETWORK_SOURCE_KINDS, SOURCE_HYDRANT_SPACING,
                           SOURCE_SEGMENT_HYDRANTS, SOURCE_SEGMENT_LENGTH)
from ..translation import tr
from .lifeline_common import FINDING_OUTPUT_FIELDS, Cancelled, LifelineAlgorithm, make_feature, make_fields, split_ids

SEGMENT_FIELDS = tuple(LIFELINE_SEGMENTS_SCHEMA.spec())
NODE_FIELDS = tuple(LIFELINE_NODES_SCHEMA.spec())
TEXT_LIMIT = 254


def joined(values, limit=TEXT_LIMIT):
    text = ', '.join(str(v) for v in values)
    return text if len(text) <= limit else text[:limit - 1] + '\u2026'


class LifelineCriticality(LifelineAlgorithm):
    NAME = 'lifeline_criticality'
    DISPLAY_NAME = N_('Lifeline criticality (N-1)')
    HELP = N_('The N-1 scan: every isolation segment of the networks fails in turn (and every node asset of '
              'NODE_KINDS, by default the sources); for each, what it cuts: the length of network lost, the people '
              'without this network\'s service and without any service (the chain into other networks included), '
              'and the hospitals, fire stations and shelters that lose a service; ranked, most critical first. '
              'Isolation segments with too few devices are findings: more hydrants than MAX_HYDRANTS, or longer than '
              'MAX_SEGMENT_LENGTH (default: 600 m of water main); parts of a network fed by no source are findings '
              'too. The segment-device graph is built once per network and one depth-first search gives what every '
              'segment cuts off; the whole chain is simulated only for segments that cut a provider of a '
              'dependency.')

    NETWORKS = 'NETWORKS'
    NODE_KINDS = 'NODE_KINDS'
    MAX_SEGMENT_LENGTH = 'MAX_SEGMENT_LENGTH'
    MAX_HYDRANTS = 'MAX_HYDRANTS'
    OUTPUT_NODES = 'OUTPUT_NODES'
    OUTPUT_FINDINGS = 'OUTPUT_FINDINGS'
    SEGMENT_COUNT = 'SEGMENT_COUNT'
    LARGE_SEGMENT_COUNT = 'LARGE_SEGMENT_COUNT'

    def shortHelpString(self):  # noqa: N802
        return '{}\n\n{}\n\n{}\n{}\n{}'.format(tr(self.HELP), tr(self.COMMON_HELP), SOURCE_SEGMENT_HYDRANTS.describe(),
                                               SOURCE_HYDRANT_SPACING.describe(), SOURCE_SEGMENT_LENGTH.describe())

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_database_parameter()
        self.addParameter(QgsProcessingParameterString(
            self.NETWORKS, tr('Networks (comma separated; empty: all)'), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.NODE_KINDS, tr('Node kinds scanned too (comma separated; empty: the sources)'), optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.MAX_SEGMENT_LENGTH, tr('Largest isolation segment (m; empty: per network)'), NUMBER_DOUBLE,
            optional=True, minValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.MAX_HYDRANTS, tr('Most hydrants in one isolation segment'), NUMBER_INTEGER,
            defaultValue=MAX_SEGMENT_HYDRANTS, minValue=0))
        self.addParameter(QgsProcessingParameterBoolean(
            self.DEFAULT_DEPENDENCIES, tr('Assume default dependencies where the table has none'), defaultValue=True))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr('Isolation segments (N-1)'), SOURCE_LINE))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT_NODES, tr('Node assets (N-1)'), SOURCE_POINT,
                                                            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT_FINDINGS, tr('Lifeline findings'),
                                                            SOURCE_POINT, optional=True))
        self.addOutput(QgsProcessingOutputNumber(self.SEGMENT_COUNT, tr('Isolation segments')))
        self.addOutput(QgsProcessingOutputNumber(self.LARGE_SEGMENT_COUNT, tr('Isolation segments too large')))

    def process(self, parameters, context, feedback):
        loaded = self.load(parameters, context, feedback)
        system = loaded.system
        wanted = split_ids(self.parameterAsString(parameters, self.NETWORKS, context)) or None
        if wanted:
            unknown = [n for n in wanted if n not in system.parts]
            if unknown:
                feedback.pushWarning(tr('No lines of the networks {} in service; scanned: {}').format(
                    ', '.join(unknown), ', '.join(system.parts)))
        max_length = self.parameterAsDouble(parameters, self.MAX_SEGMENT_LENGTH, context) \
            if parameters.get(self.MAX_SEGMENT_LENGTH) not in (None, '') else None
        max_hydrants = self.parameterAsInt(parameters, self.MAX_HYDRANTS, context)
        feedback.setProgressText(tr('N-1 scan of the isolation segments'))

        def progress(fraction):
            feedback.setProgress(10 + 60 * fraction)

        scans = criticality(system, wanted, progress=progress, cancel=feedback.isCanceled)
        self.check(feedback)
        fields = make_fields(SEGMENT_FIELDS)
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields, WKB.MultiLineString, loaded.crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        rows, findings = [], []
        for scan in scans:
            rows += self.segment_rows(loaded, scan, max_length, max_hydrants, findings)
        rows.sort(key=lambda r: (-r['population_any'], -r['facilities'], -r['lost_length_m']))
        for rank, row in enumerate(rows, start=1):
            row['rank'] = rank
            if rank % 1000 == 0:
                self.check(feedback)
            sink.addFeature(make_feature(fields, row, row['_geometry']), SINK_FAST_INSERT)
        outputs = {self.OUTPUT: dest, self.SEGMENT_COUNT: len(rows),
                   self.LARGE_SEGMENT_COUNT: sum(1 for r in rows if r['too_large'])}
        feedback.setProgress(75)
        outputs.update(self.write_nodes(parameters, context, loaded, feedback))
        outputs.update(self.write_findings(parameters, context, loaded, findings))
        for row in rows[:5]:
            feedback.pushInfo(tr('#{} {} segment {} ({}): {:,.0f} m lost, {:,.0f} people without service, {} '
                                 'facilities').format(row['rank'], row['network'], row['segment'], row['pipe_ids'],
                                                      row['lost_length_m'], row['population_any'], row['facilities']))
        feedback.pushInfo(tr('{} isolation segments scanned, {} too large.').format(
            len(rows), outputs[self.LARGE_SEGMENT_COUNT]))
        feedback.setProgress(100)
        return outputs

    def segment_rows(self, loaded, scan, max_length, max_hydrants, findings):
        assets = loaded.assets
        part = loaded.system.parts[scan.network]
        lnet = part.lnet
        ptr, line_values, _ = part.seg_line_asset
        nptr, node_values = part.seg_node_asset
        limit = max_length if max_length is not None else MAX_SEGMENT_LENGTH_M.get(scan.network)
        has_sources = bool(NETWORK_SOURCE_KINDS.get(scan.network)) and lnet.n_sources > 0
        links = {}
        for branch, node in zip(lnet.link_branch.tolist(), lnet.link_node.tolist()):
            links.setdefault(branch, set()).add(node)
        rows = []
        for i, seg in enumerate(scan.segment.tolist()):
            pipes = list(dict.fromkeys(line_values[ptr[seg]:ptr[seg + 1]].tolist()))
            nodes = node_values[nptr[seg]:nptr[seg + 1]].tolist()
            hydrants = sum(1 for a in nodes if assets.kind[a] == 'hydrant')
            devices = [d for n in sorted(links.get(seg, ())) for d in part.devices_at_node.get(n, [])]
            length = float(scan.length_m[i])
            too_large = bool((limit is not None and length > limit) or
                             (scan.network == 'water_supply' and hydrants > max_hydrants))
            edges = np.flatnonzero(lnet.edge_segment == seg)
            coords, offsets = cut_lines(lnet.net, lnet.net.edge_line[edges], lnet.net.edge_m0[edges],
                                        lnet.net.edge_m1[edges])
            geometry = QgsGeometry.fromMultiPolylineXY([
                [QgsPointXY(float(x), float(y)) for x, y in coords[offsets[k]:offsets[k + 1]]]
                for k in range(len(offsets) - 1)])
            sites = scan.facilities[i]
            row = dict(network=scan.network, segment=int(seg), pipes=len(pipes),
                       pipe_ids=joined(assets.asset_id[a] for a in pipes), length_m=length, devices=len(devices),
                       device_ids=joined(assets.asset_id[a] for a in devices), hydrants=hydrants,
                       lost_length_m=float(scan.lost_length_m[i]), population=float(scan.population[i]),
                       population_any=float(scan.population_any[i]), facilities=len(sites),
                       facility_names=joined(assets.name[a] or assets.asset_id[a] for a in sites),
                       supplied=bool(scan.supplied[i]), too_large=too_large, _geometry=geometry)
            rows.append(row)
            anchor = geometry.interpolate(geometry.length() / 2.0) if geometry.length() > 0 else geometry.centroid()
            if too_large:
                findings.append(('large_isolation_segment', scan.network, pipes[0] if pipes else None, tr(
                    '{} segment {}: {:,.0f} m of line, {} hydrants, closed by {} devices ({}); at most {} m and {} '
                    'hydrants').format(scan.network, seg, length, hydrants, len(devices), row['device_ids'] or '-',
                                       '{:,.0f}'.format(limit) if limit is not None else '-', max_hydrants), anchor))
            if has_sources and not scan.supplied[i]:
                findings.append(('unsupplied_segment', scan.network, pipes[0] if pipes else None, tr(
                    '{} segment {} ({:,.0f} m: {}) is connected to no source.').format(
                    scan.network, seg, length, row['pipe_ids']), anchor))
        return rows

    def write_nodes(self, parameters, context, loaded, feedback):
        fields = make_fields(NODE_FIELDS)
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT_NODES, context, fields, WKB.Point, loaded.crs)
        if sink is None:
            return {}
        assets = loaded.assets
        kinds = split_ids(self.parameterAsString(parameters, self.NODE_KINDS, context))
        if not kinds:
            kinds = sorted({k for ks in NETWORK_SOURCE_KINDS.values() for k in ks})
        nodes = np.flatnonzero((assets.table == 'lifeline_nodes') & np.isin(assets.kind.astype(str), kinds))
        feedback.setProgressText(tr('N-1 scan of {} node assets').format(len(nodes)))
        rows = []
        for k, (a, (result, per, any_people, sites)) in enumerate(zip(nodes.tolist(), asset_criticality(
                loaded.system, nodes))):
            if feedback.isCanceled():
                raise Cancelled(tr('Cancelled; no output was written.'))
            network = assets.network[a]
            lost = result.lost.get(network)
            length = float(loaded.system.parts[network].lnet.segment_length[lost].sum()) if lost is not None else 0.0
            rows.append((a, dict(asset_id=assets.asset_id[a], name=assets.name[a] or None, network=network,
                                 kind=assets.kind[a], lost_length_m=length, population=per.get(network, 0.0),
                                 population_any=any_people, facilities=len(sites),
                                 facility_names=joined(assets.name[s] or assets.asset_id[s] for s in sites),
                                 assets_lost=sum(1 for e in result.events if e.cause != 'on_backup'))))
        rows.sort(key=lambda r: (-r[1]['population_any'], -r[1]['facilities'], -r[1]['lost_length_m']))
        for rank, (a, row) in enumerate(rows, start=1):
            row['rank'] = rank
            sink.addFeature(make_feature(fields, row, loaded.point(a)), SINK_FAST_INSERT)
        return {self.OUTPUT_NODES: dest}

    def write_findings(self, parameters, context, loaded, findings):
        fields = make_fields(FINDING_OUTPUT_FIELDS)
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT_FINDINGS, context, fields, WKB.Point, loaded.crs)
        if sink is None:
            return {}
        assets = loaded.assets
        index = loaded.index()
        for f in loaded.findings:
            asset = index.get(f.asset_id) if f.asset_id else None
            geometry = loaded.point(asset) if asset is not None else None
            sink.addFeature(make_feature(fields, dict(
                layer=f.table or None, feature_id=int(loaded.fid[asset]) if asset is not None else None,
                asset_id=f.asset_id or None, rule=f.rule, severity=LIFELINE_FINDINGS[f.rule][0], message=f.message,
                network=f.network), geometry), SINK_FAST_INSERT)
        for rule, network, asset, message, geometry in findings:
            sink.addFeature(make_feature(fields, dict(
                layer='lifelines', feature_id=int(loaded.fid[asset]) if asset is not None else None,
                asset_id=assets.asset_id[asset] if asset is not None else None, rule=rule,
                severity=LIFELINE_FINDINGS[rule][0], message=message[:TEXT_LIMIT], network=network), geometry),
                SINK_FAST_INSERT)
        return {self.OUTPUT_FINDINGS: dest}
