"""resilience:validate_census: check a planning database against definitions and list what is wrong.

Each finding is a point at the feature concerned (the point itself, the middle of a line or a point on
a polygon's surface) with the layer, feature id, asset ID, rule, severity and a readable message.
The rules and their severities are definitions.RULES; the arithmetic is in core.census_rules.
The database is only read.
"""
import json
from collections import Counter
from dataclasses import dataclass
from typing import Optional

import numpy as np
from qgis.core import (Qgis, QgsFeature, QgsField, QgsFields, QgsGeometry, QgsPointXY, QgsProcessingException,
                       QgsProcessingLayerPostProcessorInterface, QgsProcessingMultiStepFeedback,
                       QgsProcessingOutputNumber, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFile, QgsProcessingParameterFileDestination,
                       QgsProcessingParameterNumber, QgsRectangle, QgsSpatialIndex, QgsWkbTypes)
from qgis.PyQt.QtCore import QVariant

from ..compat import FIELD_TYPES, GEOM_LINE, GEOM_POINT, NUMBER_DOUBLE, SINK_FAST_INSERT, SOURCE_POINT, WKB
from ..core.census_rules import (beyond, component_labels, duplicate_groups, endpoint_links, is_missing,
                                 outside_domain, outside_largest, outside_range)
from ..definitions import (CONNECT_TOLERANCE_M, CONNECTIVITY_LAYERS, FINDING_FIELDS, LAYERS,
                           MAX_ROAD_ACCESS_M, N_, ROAD_ACCESS_LAYERS, RULES, SOURCE_ROAD_ACCESS)
from ..qgis_io.database import database_crs, open_layer
from ..qgis_io.shapes import linearise
from ..qgis_io.styles import style_findings
from ..translation import tr
from .base import GROUP_REPORTS, ResilienceAlgorithm

NETWORK_LAYERS = CONNECTIVITY_LAYERS
ROAD_LAYER = 'road_network'
# Layers whose geometries are kept after their own checks, for the network and road-access checks.
KEPT_LAYERS = {name for name, _ in NETWORK_LAYERS} | set(ROAD_ACCESS_LAYERS)

MESSAGE_LENGTH = next(spec.length for spec in FINDING_FIELDS if spec.name == 'message')
MAX_LISTED_IDS = 10
CANCEL_CHECK_EVERY = 1000


def check_cancel(feedback):
    """Stop the run once the user has cancelled it."""
    if feedback.isCanceled():
        raise QgsProcessingException(tr('Validation cancelled.'))


def plain(value):
    """An attribute value with QGIS's NULL turned into None."""
    if value is None or (isinstance(value, QVariant) and value.isNull()):
        return None
    return value


def is_empty(geometry):
    """True for a missing, null or empty geometry."""
    return geometry is None or geometry.isNull() or geometry.isEmpty()


def anchor_point(geometry):
    """Where to show a finding: the point, the middle of a line, a point on a polygon (empty: no geometry)."""
    if is_empty(geometry):
        return QgsGeometry()
    kind = QgsWkbTypes.geometryType(geometry.wkbType())
    if kind == GEOM_POINT:
        point = geometry.centroid()
    elif kind == GEOM_LINE:
        point = geometry.interpolate(geometry.length() / 2.0)
    else:
        point = geometry.pointOnSurface()
    if is_empty(point):  # GEOS gives up on some invalid geometries
        point = QgsGeometry.fromPointXY(geometry.boundingBox().center())
    return point


def fit(message):
    """``message`` cut to the length of the findings' message field."""
    return message if len(message) <= MESSAGE_LENGTH else message[:MESSAGE_LENGTH - 1] + '\u2026'


def number_text(value):
    """A number as people write it: 10000 rather than 10000.0 or 1e+04."""
    value = float(value)
    return str(int(value)) if value.is_integer() else '{:g}'.format(value)


def id_list(fids):
    """'#3, #8' naming feature ids, shortened after MAX_LISTED_IDS."""
    shown = ', '.join('#{}'.format(fid) for fid in fids[:MAX_LISTED_IDS])
    if len(fids) > MAX_LISTED_IDS:
        return tr('{} and {} more').format(shown, len(fids) - MAX_LISTED_IDS)
    return shown


@dataclass(frozen=True)
class Finding:
    layer: str
    fid: Optional[int]
    asset: Optional[str]
    rule: str
    message: str
    geometry: QgsGeometry

    @property
    def severity(self):
        return RULES[self.rule][0]


@dataclass
class LayerData:
    """The features of one planning layer as columns: ids, attribute values (None for NULL), geometries."""
    name: str
    fids: list
    columns: dict
    geometries: list

    def asset(self, i):
        return self.columns['asset_id'][i] if 'asset_id' in self.columns else None

    def label(self, i):
        """'shelters #12 (asset ABC)': how messages name feature ``i``."""
        asset = self.asset(i)
        if is_missing([asset])[0]:
            return tr('{} #{} (no asset ID)').format(self.name, self.fids[i])
        return tr('{} #{} (asset {})').format(self.name, self.fids[i], asset)

    def finding(self, i, rule, message, geometry=None):
        """A finding about feature ``i``, shown at ``geometry`` or else at the feature's anchor point."""
        return Finding(self.name, self.fids[i], self.asset(i), rule, fit(message),
                       geometry if geometry is not None else anchor_point(self.geometries[i]))

    def with_geometry(self):
        """Positions of the features whose geometry is not empty."""
        return [i for i, g in enumerate(self.geometries) if not is_empty(g)]


def read_layer(path, kind, feedback):
    """Every feature of the database layer ``kind`` as LayerData (fields the layer lacks are left out)."""
    layer = open_layer(path, kind.name)
    fields = layer.fields()
    names = [spec.name for spec in kind.fields if fields.indexOf(spec.name) >= 0]
    for spec in kind.fields:
        if spec.name not in names:
            feedback.pushWarning(tr('Layer {} has no field "{}"; it is not checked.').format(kind.name, spec.name))
    indices = [fields.indexOf(name) for name in names]
    data = LayerData(kind.name, [], {name: [] for name in names}, [])
    total = max(1, layer.featureCount())
    for count, feature in enumerate(layer.getFeatures()):
        if count % CANCEL_CHECK_EVERY == 0:
            check_cancel(feedback)
            feedback.setProgress(100.0 * count / total)
        attributes = feature.attributes()
        data.fids.append(feature.id())
        for name, index in zip(names, indices):
            data.columns[name].append(plain(attributes[index]))
        data.geometries.append(linearise(feature.geometry()))
    return data


# Rules on single layers --------------------------------------------------------------------------------

def attribute_findings(data, kind):
    """missing_required, out_of_domain and out_of_range for every field of ``kind`` the layer has."""
    findings = []
    for spec in kind.fields:
        values = data.columns.get(spec.name)
        if values is None:
            continue
        if spec.required:
            for i in np.flatnonzero(is_missing(values)):
                findings.append(data.finding(i, 'missing_required', tr(
                    '{}: field "{}" is empty but required.').format(data.label(i), spec.name)))
        if spec.enum is not None:
            codes = spec.enum.codes()
            for i in np.flatnonzero(outside_domain(values, codes)):
                findings.append(data.finding(i, 'out_of_domain', tr(
                    '{}: field "{}" has the value "{}", which is not one of the allowed values ({}).').format(
                    data.label(i), spec.name, values[i], ', '.join(str(code) for code in codes))))
        if spec.minimum is not None and spec.maximum is not None:
            for i in np.flatnonzero(outside_range(values, spec.minimum, spec.maximum)):
                findings.append(data.finding(i, 'out_of_range', tr(
                    '{}: field "{}" is {}, outside the plausible range {} to {}.').format(
                    data.label(i), spec.name, number_text(values[i]), number_text(spec.minimum),
                    number_text(spec.maximum))))
    return findings


def geometry_findings(data, feedback):
    """empty_geometry and invalid_geometry (with GEOS's reason, shown where GEOS found the problem)."""
    findings = []
    for i, geometry in enumerate(data.geometries):
        if i % CANCEL_CHECK_EVERY == 0:
            check_cancel(feedback)
        if is_empty(geometry):
            findings.append(data.finding(i, 'empty_geometry', tr('{}: the feature has no geometry.').format(
                data.label(i))))
        elif not geometry.isGeosValid():
            errors = geometry.validateGeometry(Qgis.GeometryValidationEngine.Geos)
            reason = '; '.join(error.what() for error in errors) or tr('unknown reason')
            where = next((QgsGeometry.fromPointXY(e.where()) for e in errors if e.hasWhere()), None)
            findings.append(data.finding(i, 'invalid_geometry', tr('{}: the geometry is invalid: {}.').format(
                data.label(i), reason), where))
    return findings


def duplicate_findings(data):
    """duplicate_asset_id: one finding per feature sharing its asset ID, naming the other features."""
    findings = []
    for group in duplicate_groups(data.columns.get('asset_id', [])):
        for i in group:
            others = [data.fids[j] for j in group if j != i]
            findings.append(data.finding(i, 'duplicate_asset_id', tr(
                '{}: asset ID "{}" is also used by {}.').format(data.label(i), data.asset(i), id_list(others))))
    return findings


# Network connectivity -----------------------------------------------------------------------------------

def line_endpoints(geometries):
    """Start and end points of every part of every line: an (m, 2) array and the line of each point."""
    points, owners = [], []
    for owner, geometry in enumerate(geometries):
        for part in geometry.constParts():
            if part.isEmpty():
                continue
            for vertex in (part.startPoint(), part.endPoint()):
                points.append((vertex.x(), vertex.y()))
                owners.append(owner)
    return np.array(points, dtype=float).reshape(-1, 2), np.array(owners, dtype=int)


def interior_links(geometries, points, owners, tolerance, feedback):
    """Pairs (line of an endpoint, other line) where the endpoint lies within ``tolerance`` of the other line."""
    index = QgsSpatialIndex()
    for i, geometry in enumerate(geometries):
        index.addFeature(i, geometry.boundingBox())
    limit = tolerance * tolerance
    links = []
    for count, ((x, y), owner) in enumerate(zip(points, owners)):
        if count % CANCEL_CHECK_EVERY == 0:
            check_cancel(feedback)
        box = QgsRectangle(x - tolerance, y - tolerance, x + tolerance, y + tolerance)
        for other in index.intersects(box):
            if other != owner and 0 <= geometries[other].closestSegmentWithContext(QgsPointXY(x, y))[0] <= limit:
                links.append((owner, other))
    return np.array(links, dtype=int).reshape(-1, 2)


def network_groups(data, network_field):
    """{network name: positions of its lines with a geometry}; without a field the layer is one network."""
    groups = {}
    for i in data.with_geometry():
        network = data.columns[network_field][i] if network_field else data.name
        if not is_missing([network])[0]:
            groups.setdefault(network, []).append(i)
    return groups


def network_findings(data, network_field, tolerance, feedback):
    """disconnected_segment: lines outside the largest connected part of their network."""
    findings = []
    for network, members in network_groups(data, network_field).items():
        geometries = [data.geometries[i] for i in members]
        points, owners = line_endpoints(geometries)
        links = np.vstack([endpoint_links(points, owners, tolerance),
                           interior_links(geometries, points, owners, tolerance, feedback)])
        outside, sizes, largest = outside_largest(component_labels(len(members), links))
        for j in np.flatnonzero(outside):
            i = members[j]
            findings.append(data.finding(i, 'disconnected_segment', tr(
                '{}: the segment is in a group of {} segment(s) that is not connected to the largest part '
                'of the "{}" network ({} segments).').format(data.label(i), sizes[j], network, largest)))
        feedback.pushInfo(tr('Network "{}" ({}): {} segments, largest connected part {}, {} disconnected.').format(
            network, data.name, len(members), largest, int(outside.sum())))
    return findings


# Road access -------------------------------------------------------------------------------------------

def passable_roads(roads):
    """Geometries of the roads whose ``passable`` is true."""
    flags = roads.columns.get('passable', [])
    return [roads.geometries[i] for i in roads.with_geometry() if flags[i]]


def road_distances(data, index, roads, feedback):
    """Distance (m) from each feature of ``data`` with a geometry to the nearest road (NaN if unknown)."""
    positions = data.with_geometry()
    distances = np.full(len(positions), np.nan)
    for k, i in enumerate(positions):
        if k % CANCEL_CHECK_EVERY == 0:
            check_cancel(feedback)
        geometry = data.geometries[i]
        measured = [geometry.distance(roads[r]) for r in index.nearestNeighbor(geometry, 1)]
        measured = [d for d in measured if d >= 0]  # QGIS returns -1 when GEOS fails
        if measured:
            distances[k] = min(measured)
    return positions, distances


def road_access_findings(sites, roads, max_distance, feedback):
    """far_from_road for every site; one finding only when there is no passable road at all."""
    road_geometries = passable_roads(roads)
    site_count = sum(len(data.with_geometry()) for data in sites)
    if not road_geometries:
        if not site_count:
            return []
        return [Finding(roads.name, None, None, 'far_from_road', fit(tr(
            'The road network has no passable roads, so road access of {} site(s) could not be checked.').format(
            site_count)), QgsGeometry())]
    index = QgsSpatialIndex(QgsSpatialIndex.Flag.FlagStoreFeatureGeometries)
    for r, geometry in enumerate(road_geometries):
        feature = QgsFeature(r)
        feature.setGeometry(geometry)
        index.addFeature(feature)
    findings = []
    for data in sites:
        positions, distances = road_distances(data, index, road_geometries, feedback)
        for k in np.flatnonzero(beyond(distances, max_distance)):
            i = positions[k]
            findings.append(data.finding(i, 'far_from_road', tr(
                '{}: the nearest passable road is {:.1f} m away (more than {} m).').format(
                data.label(i), distances[k], number_text(max_distance))))
    return findings


# Output ---------------------------------------------------------------------------------------------------

def finding_fields():
    fields = QgsFields()
    for spec in FINDING_FIELDS:
        fields.append(QgsField(spec.name, FIELD_TYPES[spec.type], len=spec.length))
    return fields


def finding_feature(finding, fields):
    feature = QgsFeature(fields)
    feature.setAttributes([finding.layer, finding.fid, finding.asset, finding.rule, finding.severity,
                           finding.message])
    feature.setGeometry(finding.geometry)
    return feature


class FindingsStyler(QgsProcessingLayerPostProcessorInterface):
    """Styles the findings layer once Processing has loaded it."""

    _instance = None  # Processing keeps only a pointer, so the object is held here until it has run

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        style_findings(layer)

    @classmethod
    def create(cls):
        cls._instance = cls()
        return cls._instance


def summary(findings, feature_count):
    """Totals by severity, rule and layer."""
    severities = Counter(f.severity for f in findings)
    rules = Counter(f.rule for f in findings)
    return {
        'feature_count': feature_count,
        'finding_count': len(findings),
        'error_count': severities['error'],
        'warning_count': severities['warning'],
        'by_rule': {rule: rules[rule] for rule in RULES},
        'by_layer': dict(Counter(f.layer for f in findings)),
    }


def write_summary(path, database, parameters, totals):
    with open(path, 'w', encoding='utf-8') as stream:
        json.dump(dict(database=database, parameters=parameters, **totals), stream, indent=2)


class ValidateCensus(ResilienceAlgorithm):
    NAME = 'validate_census'
    DISPLAY_NAME = N_('Validate census data')
    GROUP = GROUP_REPORTS
    ICON = 'validate.svg'
    HELP = N_('Checks every layer of a planning database and lists what is wrong, one point per finding:\n'
              '- missing_required: a required attribute is empty;\n'
              '- out_of_domain: a value is not one of the allowed values of its drop-down list;\n'
              '- out_of_range: a number is outside its plausible range;\n'
              '- invalid_geometry and empty_geometry;\n'
              '- duplicate_asset_id: an asset ID used more than once in a layer (compared ignoring case and '
              'surrounding spaces);\n'
              '- disconnected_segment: a lifeline (per network type) or road not connected to the largest part '
              'of its network. Line ends within CONNECT_TOLERANCE of another line\'s end or of any point of '
              'another line count as connected;\n'
              '- far_from_road: a shelter, candidate site or facility farther than MAX_ROAD_DISTANCE from the '
              'nearest passable road.\n\n'
              'The database is not modified. Findings are styled by severity when loaded; '
              'OUTPUT_SUMMARY optionally writes the totals as JSON.')

    DATABASE = 'DATABASE'
    CONNECT_TOLERANCE = 'CONNECT_TOLERANCE'
    MAX_ROAD_DISTANCE = 'MAX_ROAD_DISTANCE'
    OUTPUT = 'OUTPUT'
    OUTPUT_SUMMARY = 'OUTPUT_SUMMARY'
    COUNTS = ('ERROR_COUNT', 'WARNING_COUNT', 'FEATURE_COUNT', 'FINDING_COUNT')

    def shortHelpString(self):  # noqa: N802
        return '{}\n\n{}'.format(tr(self.HELP), SOURCE_ROAD_ACCESS.describe())

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFile(self.DATABASE, tr('Planning database'),
                                                     fileFilter=tr('GeoPackage (*.gpkg)')))
        self.addParameter(QgsProcessingParameterNumber(
            self.CONNECT_TOLERANCE, tr('Connection tolerance (m)'), NUMBER_DOUBLE,
            CONNECT_TOLERANCE_M, optional=True, minValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.MAX_ROAD_DISTANCE, tr('Maximum distance to a road (m)'), NUMBER_DOUBLE,
            MAX_ROAD_ACCESS_M, optional=True, minValue=0))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr('Findings'), SOURCE_POINT))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_SUMMARY, tr('Summary'), tr('JSON files (*.json)'), optional=True, createByDefault=False))
        descriptions = (tr('Errors'), tr('Warnings'), tr('Features checked'), tr('Findings'))
        for name, description in zip(self.COUNTS, descriptions):
            self.addOutput(QgsProcessingOutputNumber(name, description))

    def distance(self, parameters, name, default, context):
        """A distance parameter in metres, ``default`` when left empty."""
        if parameters.get(name) in (None, ''):
            return default
        return self.parameterAsDouble(parameters, name, context)

    def process(self, parameters, context, feedback):
        path = self.require_database(self.parameterAsFile(parameters, self.DATABASE, context))
        tolerance = self.distance(parameters, self.CONNECT_TOLERANCE, CONNECT_TOLERANCE_M, context)
        max_distance = self.distance(parameters, self.MAX_ROAD_DISTANCE, MAX_ROAD_ACCESS_M, context)
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, finding_fields(), WKB.Point,
                                             database_crs(path))
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))

        steps = QgsProcessingMultiStepFeedback(len(LAYERS) + len(NETWORK_LAYERS) + 1, feedback)
        findings, kept, feature_count = self.check_layers(path, steps)
        for step, (name, network_field) in enumerate(NETWORK_LAYERS, start=len(LAYERS)):
            steps.setCurrentStep(step)
            findings += network_findings(kept[name], network_field, tolerance, steps)
        steps.setCurrentStep(len(LAYERS) + len(NETWORK_LAYERS))
        findings += road_access_findings([kept[name] for name in ROAD_ACCESS_LAYERS], kept[ROAD_LAYER],
                                         max_distance, steps)

        fields = finding_fields()
        for finding in findings:
            sink.addFeature(finding_feature(finding, fields), SINK_FAST_INSERT)
        if context.willLoadLayerOnCompletion(dest_id):
            context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(FindingsStyler.create())

        totals = summary(findings, feature_count)
        self.report(totals, feedback)
        summary_path = self.parameterAsFileOutput(parameters, self.OUTPUT_SUMMARY, context)
        results = {self.OUTPUT: dest_id, 'ERROR_COUNT': totals['error_count'],
                   'WARNING_COUNT': totals['warning_count'], 'FEATURE_COUNT': feature_count,
                   'FINDING_COUNT': len(findings)}
        if summary_path:
            write_summary(summary_path, path, {'connect_tolerance_m': tolerance,
                                               'max_road_distance_m': max_distance}, totals)
            results[self.OUTPUT_SUMMARY] = summary_path
        return results

    @staticmethod
    def check_layers(path, steps):
        """Attribute, geometry and duplicate rules on every layer; keeps the layers later rules need."""
        findings, kept, feature_count = [], {}, 0
        for step, kind in enumerate(LAYERS):
            steps.setCurrentStep(step)
            steps.setProgressText(tr('Checking {}').format(kind.name))
            data = read_layer(path, kind, steps)
            feature_count += len(data.fids)
            findings += attribute_findings(data, kind)
            findings += geometry_findings(data, steps)
            findings += duplicate_findings(data)
            if kind.name in KEPT_LAYERS:
                kept[kind.name] = data
        return findings, kept, feature_count

    @staticmethod
    def report(totals, feedback):
        """Per-rule counts and totals in the log."""
        for rule, count in totals['by_rule'].items():
            feedback.pushInfo(tr('{}: {} ({})').format(rule, count, tr(RULES[rule][1])))
        feedback.pushInfo(tr('{} features checked: {} findings, {} errors, {} warnings.').format(
            totals['feature_count'], totals['finding_count'], totals['error_count'], totals['warning_count']))
