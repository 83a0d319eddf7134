"""resilience:dispatch: the nearest available emergency forces that together meet an incident's personnel need,
and how well the forces cover each community within a time."""
import time

import numpy as np
from qgis.core import (QgsFeature, QgsGeometry, QgsPointXY, QgsProcessingException, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterField,
                       QgsProcessingParameterMapLayer, QgsProcessingParameterNumber)

from ..compat import (FIELD_ANY, FIELD_NUMERIC, GEOMETRY_WKB, NUMBER_DOUBLE, SOURCE_LINE, SOURCE_POINT,
                      SOURCE_POLYGON, geometry_type)
from ..core.areas import points_in_polygons
from ..core.coverage import demand_attachment, reach_pairs
from ..core.dispatch import dispatch_forces, force_coverage, is_available, weighted_mean
from ..core.routes import tree_routes
from ..definitions import (DEFAULT_REQUIRED_PERSONNEL, DISPATCH_INCIDENTS_SCHEMA, DISPATCH_SCHEMA,
                           FORCE_COVERAGE_SCHEMA, FORCE_KIND, FORCE_READY_CODES, N_, SRC_REQUIRED_PERSONNEL)
from ..qgis_io.network_layers import line_wkb, make_fields, polygon_wkbs, py, read_features, \
    representative_points, to_float
from ..translation import tr
from .base import GROUP_COMMUNITY
from .coverage_common import CoverageAlgorithm, DemandData


class Dispatch(CoverageAlgorithm):
    NAME = 'dispatch'
    DISPLAY_NAME = N_('Dispatch emergency forces')
    HELP = N_('For every incident point (INCIDENTS), the nearest available emergency forces (FORCES: points with '
              'their personnel) by network travel time that together meet the required personnel '
              '(REQUIRED_FIELD of the incident, else REQUIRED_PERSONNEL), with their arrival times: turnout or '
              'assembly time (DELAY_FIELD, minutes) plus the drive. Forces arrive in order of their arrival time, '
              'so taking them in that order until the personnel is met meets it at the earliest possible time; '
              'all forces arriving before then are sent too. Incidents are served one after the other (ascending '
              'PRIORITY_FIELD, else in layer order); a force goes to one incident only. A force is available when '
              'its STATUS_FIELD is ready (or empty) and, with HOUR (0-24), when HOUR lies in its daily window '
              '(FROM_FIELD to TO_FIELD; a window over midnight runs from the later hour to the earlier). Only '
              'forces that arrive within MAX_TIME are sent; an incident whose need they cannot meet gets them all '
              'and its shortfall. OUTPUT draws every dispatched force\'s route to its incident, OUTPUT_INCIDENTS '
              'gives per incident the personnel sent, when the need is met and the shortfall. With COMMUNITIES, '
              'OUTPUT_COVERAGE gives per community the residents (DEMAND, optional) reached by at least one '
              'available force within MAX_TIME, the first arrival and the personnel within reach.')

    GROUP = GROUP_COMMUNITY
    FACILITIES = 'FORCES'
    INCIDENTS = 'INCIDENTS'
    REQUIRED_FIELD = 'REQUIRED_FIELD'
    REQUIRED_PERSONNEL = 'REQUIRED_PERSONNEL'
    PRIORITY_FIELD = 'PRIORITY_FIELD'
    PERSONNEL_FIELD = 'PERSONNEL_FIELD'
    NAME_FIELD = 'NAME_FIELD'
    KIND_FIELD = 'KIND_FIELD'
    STATUS_FIELD = 'STATUS_FIELD'
    FROM_FIELD = 'FROM_FIELD'
    TO_FIELD = 'TO_FIELD'
    HOUR = 'HOUR'
    COMMUNITIES = 'COMMUNITIES'
    COMMUNITY_FIELD = 'COMMUNITY_FIELD'
    OUTPUT = 'OUTPUT'
    OUTPUT_INCIDENTS = 'OUTPUT_INCIDENTS'
    OUTPUT_COVERAGE = 'OUTPUT_COVERAGE'
    # Field parameters filled with the planning database's field names when the layer has them.
    DEFAULT_FIELDS = {'PERSONNEL_FIELD': 'personnel', 'NAME_FIELD': 'name', 'KIND_FIELD': 'force_kind',
                      'STATUS_FIELD': 'status', 'FROM_FIELD': 'available_from_h', 'TO_FIELD': 'available_to_h'}

    def shortHelpString(self):  # noqa: N802
        return '{}\n\n{}\n\n{}'.format(tr(self.HELP), tr('Default required personnel {}: {}').format(
            DEFAULT_REQUIRED_PERSONNEL, SRC_REQUIRED_PERSONNEL.describe()), tr(self.COMMON_HELP))

    def initAlgorithm(self, config=None):  # noqa: N802
        def force_fields():
            for name, label, numeric in ((self.PERSONNEL_FIELD, tr('Personnel field of the forces'), True),
                                         (self.NAME_FIELD, tr('Name field of the forces'), False),
                                         (self.KIND_FIELD, tr('Kind field of the forces'), False),
                                         (self.STATUS_FIELD, tr('Status field of the forces'), False),
                                         (self.FROM_FIELD, tr('Available from (hour) field'), True),
                                         (self.TO_FIELD, tr('Available until (hour) field'), True)):
                self.addParameter(QgsProcessingParameterField(
                    name, label, self.DEFAULT_FIELDS[name], self.FACILITIES,
                    FIELD_NUMERIC if numeric else FIELD_ANY, optional=True))
            self.addParameter(QgsProcessingParameterNumber(self.HOUR, tr('Hour of the incident (0-24; empty: '
                                                                         'ignore the daily windows)'),
                                                           NUMBER_DOUBLE, optional=True, minValue=0, maxValue=24))
            self.addParameter(QgsProcessingParameterFeatureSource(self.INCIDENTS, tr('Incidents (points)'),
                                                                  [SOURCE_POINT]))
            self.addParameter(QgsProcessingParameterField(self.REQUIRED_FIELD, tr('Required personnel field'),
                                                          parentLayerParameterName=self.INCIDENTS,
                                                          type=FIELD_NUMERIC, optional=True))
            self.addParameter(QgsProcessingParameterNumber(self.REQUIRED_PERSONNEL, tr('Required personnel'),
                                                           NUMBER_DOUBLE, defaultValue=DEFAULT_REQUIRED_PERSONNEL,
                                                           minValue=0))
            self.addParameter(QgsProcessingParameterField(self.PRIORITY_FIELD, tr('Priority field (lowest first)'),
                                                          parentLayerParameterName=self.INCIDENTS,
                                                          type=FIELD_NUMERIC, optional=True))
        self.add_common(facilities_label=tr('Emergency forces (points)'), after_facilities=force_fields)
        self.addParameter(QgsProcessingParameterFeatureSource(self.COMMUNITIES, tr('Communities (polygons)'),
                                                              [SOURCE_POLYGON], optional=True))
        self.addParameter(QgsProcessingParameterField(self.COMMUNITY_FIELD, tr('Community name field'), 'name',
                                                      self.COMMUNITIES, FIELD_ANY, optional=True))
        self.addParameter(QgsProcessingParameterMapLayer(
            self.DEMAND, tr('Residents for the coverage: population polygons, points or raster'), optional=True))
        self.addParameter(QgsProcessingParameterField(self.DEMAND_FIELD, tr('Population field (vector demand)'),
                                                      parentLayerParameterName=self.DEMAND, type=FIELD_NUMERIC,
                                                      optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr('Dispatched forces'), SOURCE_LINE))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT_INCIDENTS, tr('Incidents with their forces'),
                                                            SOURCE_POINT, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT_COVERAGE, tr('Community coverage by forces'),
                                                            SOURCE_POLYGON, optional=True))

    def facility_sources(self, parameters, context):
        src = self.parameterAsSource(parameters, self.FACILITIES, context)
        if src is None:
            raise QgsProcessingException(tr('FORCES is missing or cannot be read.'))
        return [(self.FACILITIES, src)]

    def field(self, parameters, name, context, fields):
        """The chosen field; a default field name the layer lacks is not used, a field named by the user is."""
        chosen = self.parameterAsString(parameters, name, context)
        if chosen and fields.indexOf(chosen) < 0:
            if parameters.get(name) not in (None, '', self.DEFAULT_FIELDS.get(name)):
                raise QgsProcessingException(tr('The layer has no field "{}" ({}).').format(chosen, name))
            return None
        return chosen or None

    # Run ---------------------------------------------------------------------------------------
    def process(self, parameters, context, feedback):
        prep = self.prepare(parameters, context, feedback)
        if not prep.timed:
            raise QgsProcessingException(tr('Dispatch works on travel times: give MAX_TIME (minutes) or a preset '
                                            'with a time, not MAX_DISTANCE.'))
        if prep.base is None:
            raise QgsProcessingException(tr('Dispatch needs a road NETWORK for travel times.'))
        forces = self.read_forces(parameters, context, feedback, prep)
        incidents = self.read_incidents(parameters, context, feedback, prep)
        self.check_cancel(feedback)
        feedback.setProgress(45)
        t = time.perf_counter()
        available = np.flatnonzero(forces['available'] & ~np.isnan(prep.fac_xy[:, 0]))
        att = self.attach_demand(prep, incidents, feedback)
        pi, pf, arrival = reach_pairs(prep.fnet, att, prep.limit, facilities=available,
                                      check_cancel=lambda: self.check_cancel(feedback))
        prep.timings['arrival times'] = time.perf_counter() - t
        result = dispatch_forces(pi, pf, arrival, forces['personnel'], incidents.required, incidents.order)
        self.report(feedback, incidents, result, forces)
        self.check_cancel(feedback)
        feedback.setProgress(65)
        t = time.perf_counter()
        drawn = tree_routes(prep.fnet, att, incidents.xy, result.incident, result.force, prep.limit,
                            check_cancel=lambda: self.check_cancel(feedback)) if len(result.force) else None
        prep.timings['routes'] = time.perf_counter() - t
        results = {}
        self.write_dispatch(parameters, context, prep, incidents, result, drawn, forces, results)
        self.write_incidents(parameters, context, prep, incidents, result, results)
        feedback.setProgress(75)
        self.write_coverage(parameters, context, feedback, prep, forces, available, results)
        feedback.pushInfo(tr('Timings: {}').format(', '.join('{} {:.2f} s'.format(k, v)
                                                            for k, v in prep.timings.items())))
        feedback.setProgress(100)
        return results

    def read_forces(self, parameters, context, feedback, prep):
        fields = prep.fac_fields
        feats = prep.facilities
        name = self.field(parameters, self.PERSONNEL_FIELD, context, fields)
        if name is None:
            raise QgsProcessingException(tr('Choose the personnel field of the forces (PERSONNEL_FIELD).'))
        personnel = to_float([f[name] for f in feats], np.nan)
        bad = np.flatnonzero(np.isnan(personnel) | (personnel < 0))
        if len(bad):
            feedback.pushWarning(tr('{} forces have no valid personnel in {} and are not sent: feature ids {}').format(
                len(bad), name, ', '.join(str(feats[i].id()) for i in bad[:10])))
            personnel[bad] = 0.0
        status_field = self.field(parameters, self.STATUS_FIELD, context, fields)
        status = [f[status_field] for f in feats] if status_field else [None] * len(feats)
        status = [None if s is None or (hasattr(s, 'isNull') and s.isNull()) else s for s in status]
        hour = parameters.get(self.HOUR)
        hour = self.parameterAsDouble(parameters, self.HOUR, context) if hour not in (None, '') else None
        from_field = self.field(parameters, self.FROM_FIELD, context, fields)
        to_field = self.field(parameters, self.TO_FIELD, context, fields)
        start = to_float([f[from_field] for f in feats], np.nan) if from_field else np.full(len(feats), np.nan)
        end = to_float([f[to_field] for f in feats], np.nan) if to_field else np.full(len(feats), np.nan)
        available = is_available(status, start, end, hour, FORCE_READY_CODES)
        feedback.pushInfo(tr('{} of {} forces are available{} ({} personnel).').format(
            int(available.sum()), len(feats), tr(' at {:g} h').format(hour) if hour is not None else '',
            '{:,.0f}'.format(personnel[available].sum())))
        name_field = self.field(parameters, self.NAME_FIELD, context, fields)
        kind_field = self.field(parameters, self.KIND_FIELD, context, fields)
        labels = [str(f[name_field]) if name_field and f[name_field] not in (None, '') and
                  not (hasattr(f[name_field], 'isNull') and f[name_field].isNull()) else '#{}'.format(f.id())
                  for f in feats]
        kinds = [str(f[kind_field]) if kind_field and f[kind_field] is not None else None for f in feats]
        return {'personnel': np.where(available, personnel, 0.0), 'all_personnel': personnel,
                'available': available, 'labels': labels, 'kinds': kinds}

    def read_incidents(self, parameters, context, feedback, prep):
        source = self.parameterAsSource(parameters, self.INCIDENTS, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INCIDENTS))
        feats = read_features(source, prep.crs, context)
        if not feats:
            raise QgsProcessingException(tr('The incident layer {} is empty.').format(source.sourceName()))
        xy = representative_points(feats, geometry_type(source))
        default = self.parameterAsDouble(parameters, self.REQUIRED_PERSONNEL, context)
        field = self.parameterAsString(parameters, self.REQUIRED_FIELD, context)
        required = to_float([f[field] for f in feats], default) if field else np.full(len(feats), default)
        required = np.where(required < 0, default, required)
        priority_field = self.parameterAsString(parameters, self.PRIORITY_FIELD, context)
        order = np.arange(len(feats))
        if priority_field:
            priority = to_float([f[priority_field] for f in feats], np.inf)
            order = np.lexsort((order, priority))
        data = DemandData(np.nan_to_num(xy), np.ones(len(feats)), feats, source.fields())
        data.required, data.order = required, order
        if np.isnan(xy[:, 0]).any():
            feedback.pushWarning(tr('Incidents without a geometry get no forces.'))
        return data

    def report(self, feedback, incidents, result, forces):
        for i in incidents.order:
            fid = incidents.features[i].id()
            if result.met[i]:
                feedback.pushInfo(tr('Incident {}: {:,.0f} personnel needed, met at {:.1f} min by {} forces ({:,.0f} '
                                     'personnel).').format(fid, result.required[i], result.time_met[i],
                                                           result.forces_sent[i], result.sent[i]))
            else:
                feedback.pushWarning(tr('Incident {}: {:,.0f} personnel needed, only {:,.0f} from {} forces can '
                                        'arrive within the limit (short by {:,.0f}).').format(
                    fid, result.required[i], result.sent[i], result.forces_sent[i], result.shortfall[i]))

    # Outputs -----------------------------------------------------------------------------------
    def write_dispatch(self, parameters, context, prep, incidents, result, drawn, forces, results):
        fields, _ = make_fields(DISPATCH_SCHEMA.spec())
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields, GEOMETRY_WKB['LineString'],
                                          prep.crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        feats = []
        rank = {}
        for k in range(len(result.force)):
            i, f = int(result.incident[k]), int(result.force[k])
            rank[i] = rank.get(i, 0) + 1
            route = drawn.routes[k]
            xy = route.xy[::-1]   # drawn from the force to the incident
            g = QgsGeometry()
            g.fromWkb(line_wkb(xy))
            feature = QgsFeature(fields)
            feature.setGeometry(g)
            kind = forces['kinds'][f]
            label = tr(FORCE_KIND.choice(kind).label) if kind in FORCE_KIND.codes() else kind
            feature.setAttributes([int(incidents.features[i].id()), rank[i], int(prep.fac_ids[f]),
                                   forces['labels'][f], label, float(result.personnel[k]), py(prep.delay[f]),
                                   py(result.arrival[k] - prep.delay[f]), py(result.arrival[k]),
                                   float(result.cumulative[k]), float(np.hypot(*np.diff(xy, axis=0).T).sum())])
            feats.append(feature)
        self.add(sink, feats)
        results[self.OUTPUT] = dest

    def write_incidents(self, parameters, context, prep, incidents, result, results):
        fields, _ = make_fields(DISPATCH_INCIDENTS_SCHEMA.spec(), incidents.fields, prefix='i_')
        sink, dest = self.sink(parameters, self.OUTPUT_INCIDENTS, context, fields, GEOMETRY_WKB['Point'], prep.crs)
        if sink is None:
            return
        served = np.empty(len(incidents.order), np.int64)
        served[incidents.order] = np.arange(1, len(incidents.order) + 1)
        feats = []
        for i, src in enumerate(incidents.features):
            f = QgsFeature(fields)
            f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(*incidents.xy[i])))
            f.setAttributes([int(src.id()), int(served[i]), float(result.required[i]), float(result.sent[i]),
                             int(result.forces_sent[i]), bool(result.met[i]), py(result.time_met[i]),
                             py(result.first_arrival[i]), float(result.shortfall[i])] + list(src.attributes()))
            feats.append(f)
        self.add(sink, feats)
        results[self.OUTPUT_INCIDENTS] = dest

    def write_coverage(self, parameters, context, feedback, prep, forces, available, results):
        communities = self.parameterAsSource(parameters, self.COMMUNITIES, context)
        if communities is None or parameters.get(self.OUTPUT_COVERAGE) in (None, ''):
            return
        cfeats = read_features(communities, prep.crs, context)
        name_field = self.parameterAsString(parameters, self.COMMUNITY_FIELD, context)
        if name_field and communities.fields().indexOf(name_field) < 0:
            name_field = None
        names = [str(f[name_field]) if name_field else str(f.id()) for f in cfeats]
        if parameters.get(self.DEMAND) not in (None, ''):
            units = self.read_demand(parameters, context, feedback, prep.crs)
        else:
            units = DemandData(representative_points(cfeats, geometry_type(communities)), np.full(len(cfeats), np.nan))
        group = points_in_polygons(np.nan_to_num(units.xy, nan=np.inf), polygon_wkbs(cfeats))
        att = demand_attachment(prep.fnet, np.nan_to_num(units.xy))
        att.edge[np.isnan(units.xy[:, 0])] = -1
        pu, pf, arrival = reach_pairs(prep.fnet, att, prep.limit, facilities=available,
                                      check_cancel=lambda: self.check_cancel(feedback))
        cover = force_coverage(pu, pf, arrival, forces['personnel'], len(units.xy))
        n = len(cfeats)
        weight = np.where(np.isnan(units.population), 1.0, units.population)
        has_population = not np.isnan(units.population).all()
        inside = group >= 0
        population = np.bincount(group[inside], weights=weight[inside], minlength=n)
        reached = inside & np.isfinite(cover.first_arrival)
        covered = np.bincount(group[reached], weights=weight[reached], minlength=n)
        first = weighted_mean(np.where(np.isfinite(cover.first_arrival), cover.first_arrival, np.nan), weight,
                              group, n)
        staff = weighted_mean(cover.personnel, weight, group, n)
        worst = np.full(n, np.nan)
        for g in range(n):
            mine = group == g
            if mine.any():
                times = cover.first_arrival[mine]
                worst[g] = times.max() if np.isfinite(times).all() else np.inf
        forces_within = np.zeros(n, np.int64)
        for g in range(n):
            forces_within[g] = len(np.unique(pf[np.isin(pu, np.flatnonzero(group == g))]))
        fields, _ = make_fields(FORCE_COVERAGE_SCHEMA.spec(), communities.fields(), prefix='c_')
        sink, dest = self.sink(parameters, self.OUTPUT_COVERAGE, context, fields, communities.wkbType(), prep.crs)
        feats = []
        for g, src in enumerate(cfeats):
            f = QgsFeature(fields)
            f.setGeometry(src.geometry())
            f.setAttributes([names[g], py(population[g]) if has_population else None,
                             py(covered[g]) if has_population else None,
                             py(covered[g] / population[g]) if population[g] > 0 else None, py(first[g]),
                             py(worst[g]), py(staff[g]), int(forces_within[g]), float(prep.limit)] +
                            list(src.attributes()))
            feats.append(f)
            feedback.pushInfo(tr('Community {}: {} of its residents reached by a force within {:g} min; {} forces, '
                                 '{:,.0f} personnel within reach on average.').format(
                names[g], '{:.1%}'.format(covered[g] / population[g]) if population[g] > 0 else '-', prep.limit,
                int(forces_within[g]), staff[g] if np.isfinite(staff[g]) else 0.0))
        self.add(sink, feats)
        results[self.OUTPUT_COVERAGE] = dest
