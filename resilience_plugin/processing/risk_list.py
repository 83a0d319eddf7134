"""resilience:risk_list: the urban safety risk list, one ranked row per risk source, as a layer and a table."""
import os
from collections import defaultdict

import pandas as pd
from qgis.core import (QgsCoordinateReferenceSystem, QgsFeature, QgsField, QgsFields, QgsGeometry, QgsPointXY,
                       QgsProcessingException, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterField,
                       QgsProcessingParameterFileDestination, QgsProcessingParameterMultipleLayers,
                       QgsProcessingParameterString, QgsRasterLayer)

from ..compat import FIELD_TYPES, SINK_FAST_INSERT, SOURCE_MAP_LAYER, SOURCE_POINT, SOURCE_POLYGON, WKB
from ..core import hazard_raster as hr
from ..core import risk
from ..definitions import N_, RISK_GRADE, RISK_LIST_NETWORK_FIELDS, RISK_LIST_SCHEMA
from ..qgis_io.risk_layers import (GradeStyler, from_shapely, geometry_kind, layer_name, qgis_crs_from_wkt,
                                   raster_path, read_features, to_shapely, transform_between)
from ..translation import tr
from . import risk_common as common
from .base import GROUP_RISK, ResilienceAlgorithm

NETWORK_COLUMNS = RISK_LIST_NETWORK_FIELDS
COLUMNS = RISK_LIST_SCHEMA.spec()


def list_fields():
    fields = QgsFields()
    for name, kind in COLUMNS:
        fields.append(QgsField(name, FIELD_TYPES[kind]))
    return fields


class Target:
    def __init__(self, name, kind, geometries=None, values=None, raster=None, raster_crs=None):
        self.name, self.kind, self.values = name, kind, values or []
        self.index = risk.TargetIndex(geometries) if geometries is not None else None
        self.raster, self.raster_crs = raster, raster_crs


def write_table(frame, path, sources_text):
    """The list as .xlsx (with a sheet of sources) or .csv (UTF-8 with BOM for spreadsheets)."""
    extension = os.path.splitext(path)[1].lower()
    if extension not in ('.xlsx', '.csv'):
        raise QgsProcessingException(tr('OUTPUT_TABLE must end with .xlsx or .csv: {}').format(path))
    if extension == '.csv':
        frame.to_csv(path, index=False, encoding='utf-8-sig')
    else:
        with pd.ExcelWriter(path, engine='openpyxl') as writer:
            frame.to_excel(writer, sheet_name='risk_list', index=False)
            pd.DataFrame({'source': sources_text.splitlines()}).to_excel(writer, sheet_name='sources',
                                                                           index=False)
    return path


class RiskList(ResilienceAlgorithm):
    NAME = 'risk_list'
    DISPLAY_NAME = N_('Urban safety risk list')
    GROUP = GROUP_RISK
    HELP = N_('One row per risk source: grade, kind, location (x, y in the working CRS and longitude/latitude), '
              'responsible unit, influence distance and what lies within its own zone: people (population '
              'polygons by area share, population points, population rasters), shelters, facilities, '
              'buildings and lifeline length by network type. Rows are ranked by grade (red first), then '
              'people, shelters, facilities and lifeline length. OUTPUT is a point layer; OUTPUT_TABLE writes '
              'the same table as .xlsx or .csv.')

    RISK_SOURCES = 'RISK_SOURCES'
    TARGETS = 'TARGETS'
    POPULATION_FIELD = 'POPULATION_FIELD'
    RESPONSIBLE_FIELD = 'RESPONSIBLE_FIELD'
    OUTPUT = 'OUTPUT'
    OUTPUT_TABLE = 'OUTPUT_TABLE'

    def shortHelpString(self):  # noqa: N802
        return '{}\n\n{}\n\n{}'.format(tr(self.HELP), tr(common.DISTANCE_HELP), common.distance_table_help())

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(self.RISK_SOURCES, tr('Risk sources'),
                                                              [SOURCE_POINT, SOURCE_POLYGON]))
        common.add_source_parameters(self, self.RISK_SOURCES)
        self.addParameter(QgsProcessingParameterField(self.RESPONSIBLE_FIELD, tr('Responsible unit field'),
                                                      'responsible_unit', self.RISK_SOURCES, optional=True))
        self.addParameter(QgsProcessingParameterMultipleLayers(self.TARGETS, tr('Targets'),
                                                               SOURCE_MAP_LAYER, optional=True))
        self.addParameter(QgsProcessingParameterString(self.POPULATION_FIELD, tr('Population field'),
                                                       'population', optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr('Risk list'), SOURCE_POINT))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_TABLE, tr('Risk list table'), tr('Excel workbook (*.xlsx);;CSV (*.csv)'), optional=True,
            createByDefault=False))

    def load_targets(self, layers, work_crs, population_field, context, feedback):
        targets = []
        for layer in layers:
            name = layer_name(layer, context)
            if isinstance(layer, QgsRasterLayer):
                path = raster_path(layer)
                wkt = hr.raster_info(path)['crs_wkt']
                targets.append(Target(name, risk.TARGET_POPULATION, raster=path,
                                      raster_crs=qgis_crs_from_wkt(wkt) if wkt else layer.crs()))
                continue
            if layer.featureCount() == 0:
                feedback.pushWarning(tr('The target layer {} is empty.').format(name))
                continue
            kind = risk.classify_target(name, geometry_kind(layer), layer.fields().names(), population_field)
            rows, _ = read_features(layer, transform_between(layer.crs(), work_crs, context.transformContext()),
                                    feedback)
            shapes = [to_shapely(g) for _, _, g in rows]
            values = [v for _, v, _ in rows]
            targets.append(Target(name, kind, shapes, values))
        return targets

    def process(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.RISK_SOURCES, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.RISK_SOURCES))
        table_path = self.parameterAsFileOutput(parameters, self.OUTPUT_TABLE, context)
        if table_path and os.path.splitext(table_path)[1].lower() not in ('.xlsx', '.csv'):
            raise QgsProcessingException(tr('OUTPUT_TABLE must end with .xlsx or .csv: {}').format(table_path))
        work_crs = common.work_crs_for(source, context)
        sources = common.read_risk_sources(self, parameters, context, source, work_crs, feedback)
        if not sources:
            feedback.pushWarning(tr('The risk-source layer is empty: the list is empty.'))
        responsible = common.field_name(self, parameters, self.RESPONSIBLE_FIELD, context, source)
        population_field = self.parameterAsString(parameters, self.POPULATION_FIELD, context) or 'population'
        layers = self.parameterAsLayerList(parameters, self.TARGETS, context) or []
        targets = self.load_targets(layers, work_crs, population_field, context, feedback)
        source_layer = self.parameterAsVectorLayer(parameters, self.RISK_SOURCES, context)
        source_name = layer_name(source_layer, context) if source_layer is not None else source.sourceName()
        feedback.setProgress(10)
        to_wgs84 = transform_between(work_crs, QgsCoordinateReferenceSystem('EPSG:4326'), context.transformContext())

        records, points = [], []
        for n, item in enumerate(sources):
            self.check_cancel(feedback)
            record = self.measure(item, targets, work_crs, population_field, context.transformContext())
            anchor = item.qgs_geometry if geometry_kind(source) == 'point' else item.qgs_geometry.pointOnSurface()
            point = anchor.asPoint() if not anchor.isMultipart() else anchor.asMultiPoint()[0]
            lonlat = to_wgs84.transform(point) if to_wgs84 is not None else point
            values = item.attributes
            record.update(source_layer=source_name, feature_id=item.fid, asset_id=values.get('asset_id'),
                          name=values.get('name'), kind=item.kind, risk_grade=item.grade,
                          grade_label=tr(RISK_GRADE.choice(item.grade).label), grade_defaulted=item.grade_defaulted,
                          distance_m=item.distance, distance_from=item.distance_origin, x=point.x(), y=point.y(),
                          lon=lonlat.x(), lat=lonlat.y(),
                          responsible_unit=values.get(responsible) if responsible else None,
                          grade_rank=risk.GRADE_RANK[item.grade])
            records.append(record)
            points.append(QgsPointXY(point))
            feedback.setProgress(10 + 80.0 * (n + 1) / max(1, len(sources)))
        for record, rank in zip(records, risk.rank_rows(records)):
            record['rank'] = rank
        order = sorted(range(len(records)), key=lambda i: records[i]['rank'])

        fields = list_fields()
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, WKB.Point, work_crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        for i in order:
            feature = QgsFeature(fields)
            feature.setAttributes([records[i].get(name) for name, _ in COLUMNS])
            feature.setGeometry(QgsGeometry.fromPointXY(points[i]))
            sink.addFeature(feature, SINK_FAST_INSERT)
        if context.willLoadLayerOnCompletion(dest_id):
            context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(GradeStyler.create())
        results = {self.OUTPUT: dest_id}
        if table_path:
            frame = pd.DataFrame([{name: records[i].get(name) for name, _ in COLUMNS} for i in order],
                                 columns=[name for name, _ in COLUMNS])
            write_table(frame, table_path, common.distance_table_help())
            feedback.pushInfo(tr('Risk list table written to {}.').format(self.final_path(table_path)))
            results[self.OUTPUT_TABLE] = table_path
        feedback.pushInfo(tr('{} risk sources listed.').format(len(records)))
        feedback.setProgress(100)
        return results

    @staticmethod
    def measure(item, targets, work_crs, population_field, transform_context):
        """What lies in one source's own zone: counts, lengths by network type, people."""
        zone = item.zone
        record = defaultdict(float, shelters=0, facilities=0, buildings=0, other_sites=0, people=0.0,
                             lifeline_m=0.0)
        for name in NETWORK_COLUMNS:
            record[name] = 0.0
        for target in targets:
            if target.raster is not None:
                g = from_shapely(zone)
                xform = transform_between(work_crs, target.raster_crs, transform_context)
                if xform is not None:
                    g.transform(xform)
                record['people'] += hr.population_in_polygon(target.raster, to_shapely(g))
                continue
            hits = target.index.intersecting(zone)
            if target.kind == risk.TARGET_LIFELINE:
                for i in hits:
                    length = target.index.length_inside(zone, i)
                    network = risk.network_of(target.name, target.values[i])
                    column = 'len_{}_m'.format(network)
                    record[column if column in NETWORK_COLUMNS else 'len_other_m'] += length
                    record['lifeline_m'] += length
            elif target.kind == risk.TARGET_POPULATION:
                for i in hits:
                    people = target.values[i].get(population_field) or 0.0
                    record['people'] += float(people) * target.index.share_inside(zone, i)
            else:
                key = {risk.TARGET_SHELTER: 'shelters', risk.TARGET_FACILITY: 'facilities',
                       risk.TARGET_BUILDING: 'buildings'}.get(target.kind, 'other_sites')
                record[key] += len(hits)
        return dict(record)
