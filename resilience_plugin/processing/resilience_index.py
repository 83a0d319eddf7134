"""resilience:resilience_index: indicators per community, normalised, weighted by dimension, ranked, with the
sensitivity of the ranks to the weights and a radar chart per community."""
import numpy as np
from qgis.core import (QgsFeature, QgsProcessingException, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterField,
                       QgsProcessingParameterFileDestination, QgsProcessingParameterMapLayer,
                       QgsProcessingParameterMatrix, QgsProcessingParameterNumber, QgsRasterLayer)
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from ..compat import (SINK_FAST_INSERT, FIELD_ANY, FIELD_NUMERIC, GEOMETRY_WKB, NUMBER_DOUBLE, NUMBER_INTEGER, SOURCE_ANY_GEOMETRY,
                      SOURCE_LINE, SOURCE_POLYGON, SOURCE_VECTOR, geometry_type)
from ..core.areas import points_in_polygons
from ..core.network import SegmentIndex, bridge_edges, interpolate_on_lines
from ..core.resilience_index import (default_dimension_rows, default_indicator_rows, dimensions_from_rows,
                                     indicators_from_rows, resilience_index, sensitivity)
from ..definitions import (COMMUNITY_INDICATORS, EMERGENCY_FORCES, INDICATORS_BY_KEY, N_, RESILIENCE_DIMENSIONS,
                           RESILIENCE_INDEX_SCHEMA, RESILIENCE_TABLE_SCHEMA,
                           RESILIENCE_SENSITIVITY_DRAWS, RESILIENCE_SENSITIVITY_SPREAD, SRC_BRIC, SRC_SENSITIVITY)
from ..qgis_io.network_layers import (choose_crs, make_fields, polygon_wkbs, py, read_features, read_network,
                                      representative_points, to_float)
from ..translation import tr
from .base import GROUP_COMMUNITY, ResilienceAlgorithm

# Result layers of population_coverage (OUTPUT_DEMAND) giving the coverage indicators.
COVERAGE_INPUTS = (('SHELTER_COVERAGE', 'shelter_coverage', N_('Shelter coverage (population_coverage OUTPUT_DEMAND)')),
                   ('FIRE_COVERAGE', 'fire_coverage', N_('Fire-station coverage (population_coverage OUTPUT_DEMAND)')),
                   ('EMS_COVERAGE', 'ems_coverage', N_('EMS / hospital coverage (population_coverage OUTPUT_DEMAND)')))


class ResilienceIndex(ResilienceAlgorithm):
    NAME = 'resilience_index'
    DISPLAY_NAME = N_('Community resilience index')
    GROUP = GROUP_COMMUNITY
    HELP = N_('Indicators per community (COMMUNITIES, named by NAME_FIELD), computed from the planning database and '
              'the result layers: shelter places per resident (SHELTERS with CAPACITY_FIELD, e.g. evacuation_plan '
              'OUTPUT_SHELTERS), the shares of residents covered by shelters, fire stations and EMS (the '
              'OUTPUT_DEMAND of population_coverage), road length with a detour and residents depending on a single '
              'road link (NETWORK: roads that are bridges of the road graph), residents in risk influence zones '
              '(RISK_ZONES), emergency-force personnel per 10,000 residents (emergency_forces of DATABASE), plus the '
              'social, economic and institutional values entered per community in the community_indicators table '
              'of DATABASE (the latest year). Residents come from DEMAND. Every indicator is scaled 0-1 over the '
              'communities (1 the most resilient; an indicator equal everywhere is left out), averaged with its '
              'weight within its dimension (infrastructure, social, economic, institutional, environmental: '
              'INDICATOR_WEIGHTS, editable, defaults and sources below) and the dimensions averaged with '
              'DIMENSION_WEIGHTS into the index (0-1); rank 1 is the most resilient. The ranks are computed again '
              'with every dimension weight moved at random by up to SPREAD (DRAWS times) and each alone by '
              '+/- SPREAD: OUTPUT gives the best and worst rank, the share of draws keeping the rank and the '
              'largest change. OUTPUT_TABLE lists every value with its source; OUTPUT_CHART draws a radar chart '
              'of the dimension scores per community (PNG).')

    COMMUNITIES = 'COMMUNITIES'
    NAME_FIELD = 'NAME_FIELD'
    DEMAND = 'DEMAND'
    DEMAND_FIELD = 'DEMAND_FIELD'
    SHELTERS = 'SHELTERS'
    CAPACITY_FIELD = 'CAPACITY_FIELD'
    NETWORK = 'NETWORK'
    RISK_ZONES = 'RISK_ZONES'
    INDICATOR_WEIGHTS = 'INDICATOR_WEIGHTS'
    DIMENSION_WEIGHTS = 'DIMENSION_WEIGHTS'
    SPREAD = 'SPREAD'
    DRAWS = 'DRAWS'
    OUTPUT = 'OUTPUT'
    OUTPUT_TABLE = 'OUTPUT_TABLE'
    OUTPUT_CHART = 'OUTPUT_CHART'

    def shortHelpString(self):  # noqa: N802
        lines = ['{} ({}, {}, {} {:g}): {}'.format(i.key, tr(i.label), i.dimension,
                                                   tr('higher is better') if i.higher_is_better else
                                                   tr('higher is worse'), i.weight, i.source.describe())
                 for i in INDICATORS_BY_KEY.values()]
        return '{}\n\n{}\n\n{}\n{}'.format(tr(self.HELP), '\n'.join(lines), SRC_BRIC.describe(),
                                           SRC_SENSITIVITY.describe())

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(self.COMMUNITIES, tr('Communities (polygons)'),
                                                              [SOURCE_POLYGON]))
        self.addParameter(QgsProcessingParameterField(self.NAME_FIELD, tr('Community name field'), 'name',
                                                      self.COMMUNITIES, FIELD_ANY, optional=True))
        self.addParameter(QgsProcessingParameterMapLayer(self.DEMAND, tr('Residents: population polygons or points')))
        self.addParameter(QgsProcessingParameterField(self.DEMAND_FIELD, tr('Population field'),
                                                      parentLayerParameterName=self.DEMAND, type=FIELD_NUMERIC))
        self.add_database_parameter(tr('Planning database (forces and community indicators)'), optional=True)
        self.addParameter(QgsProcessingParameterFeatureSource(self.SHELTERS, tr('Shelters with their capacity'),
                                                              [SOURCE_ANY_GEOMETRY], optional=True))
        self.addParameter(QgsProcessingParameterField(self.CAPACITY_FIELD, tr('Capacity field of the shelters'),
                                                      parentLayerParameterName=self.SHELTERS, type=FIELD_NUMERIC,
                                                      optional=True))
        for name, _, description in COVERAGE_INPUTS:
            self.addParameter(QgsProcessingParameterFeatureSource(name, tr(description), [SOURCE_ANY_GEOMETRY],
                                                                  optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(self.NETWORK, tr('Road network (lines)'), [SOURCE_LINE],
                                                              optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(self.RISK_ZONES, tr('Risk influence zones (polygons)'),
                                                              [SOURCE_POLYGON], optional=True))
        self.addParameter(QgsProcessingParameterMatrix(
            self.INDICATOR_WEIGHTS, tr('Indicators (key, dimension, weight, higher is better 1/0)'), 0, False,
            ['indicator', 'dimension', 'weight', 'higher_is_better'],
            [v for row in default_indicator_rows() for v in row], optional=True))
        self.addParameter(QgsProcessingParameterMatrix(
            self.DIMENSION_WEIGHTS, tr('Dimension weights (dimension, weight)'), 0, False, ['dimension', 'weight'],
            [v for row in default_dimension_rows() for v in row], optional=True))
        self.addParameter(QgsProcessingParameterNumber(self.SPREAD, tr('Sensitivity: weight change (share, 0-1)'),
                                                       NUMBER_DOUBLE, RESILIENCE_SENSITIVITY_SPREAD, minValue=0,
                                                       maxValue=1))
        self.addParameter(QgsProcessingParameterNumber(self.DRAWS, tr('Sensitivity: random weight draws'),
                                                       NUMBER_INTEGER, RESILIENCE_SENSITIVITY_DRAWS, minValue=0,
                                                       maxValue=100000))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr('Resilience index'), SOURCE_POLYGON))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT_TABLE, tr('Resilience indicators (table)'),
                                                            SOURCE_VECTOR, optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(self.OUTPUT_CHART, tr('Radar charts (PNG)'),
                                                                tr('PNG images (*.png)'), optional=True,
                                                                createByDefault=False))

    # Run ---------------------------------------------------------------------------------------
    def process(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.COMMUNITIES, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.COMMUNITIES))
        crs = choose_crs(source, [], feedback, context.transformContext())
        communities = read_features(source, crs, context)
        if not communities:
            raise QgsProcessingException(tr('The community layer {} is empty.').format(source.sourceName()))
        name_field = self.parameterAsString(parameters, self.NAME_FIELD, context) or 'name'
        if source.fields().indexOf(name_field) < 0:
            raise QgsProcessingException(tr('The community layer {} has no field "{}" (NAME_FIELD).').format(
                source.sourceName(), name_field))
        names = [str(f[name_field]) for f in communities]
        if len(set(names)) < len(names):
            raise QgsProcessingException(tr('Community names in {} are not unique; the indicators are matched by '
                                            'name.').format(name_field))
        polygons = polygon_wkbs(communities)
        indicators = self.indicator_rows(parameters, context)
        dimension_weights = self.dimension_weights(parameters, context)
        residents, units = self.residents(parameters, context, feedback, crs, polygons)
        self.check_cancel(feedback)
        feedback.setProgress(20)
        values, sources = {}, {}
        self.shelter_places(parameters, context, crs, polygons, residents, values, sources)
        self.coverage_shares(parameters, context, feedback, crs, polygons, values, sources)
        self.check_cancel(feedback)
        feedback.setProgress(40)
        self.road_indicators(parameters, context, feedback, crs, polygons, units, values, sources)
        self.check_cancel(feedback)
        feedback.setProgress(55)
        self.exposure(parameters, context, crs, units, residents, values, sources)
        store = self.database(parameters, context)
        if store is not None:
            self.forces(store, context, crs, polygons, residents, values, sources)
            self.entered_values(store, feedback, names, indicators, values, sources)
        keys = [row[0] for row in indicators]
        matrix = np.column_stack([values.get(key, np.full(len(names), np.nan)) for key in keys])
        dims = [d.code for d in RESILIENCE_DIMENSIONS]
        result = resilience_index(matrix, [row[3] for row in indicators], [dims.index(row[1]) for row in indicators],
                                  [row[2] for row in indicators], [dimension_weights[d] for d in dims])
        self.report_indicators(feedback, keys, values, result, dims, dimension_weights)
        self.check_cancel(feedback)
        feedback.setProgress(70)
        spread = self.parameterAsDouble(parameters, self.SPREAD, context)
        draws = self.parameterAsInt(parameters, self.DRAWS, context)
        stability = sensitivity(result.dimension_scores, [dimension_weights[d] for d in dims], spread, draws)
        feedback.pushInfo(tr('Sensitivity: with the dimension weights moved by up to {:.0%} ({} draws), the ranks keep a '
                             'mean Spearman correlation of {:.3f} with the ranking above.').format(
            spread, draws, stability.spearman))
        for k in np.argsort(np.nan_to_num(result.rank, nan=np.inf), kind='stable'):
            feedback.pushInfo(tr('{}. {}: index {:.3f} (rank {:.0f} to {:.0f} under weight changes, kept in {:.0%} '
                                 'of the draws).').format(
                '{:.0f}'.format(result.rank[k]) if np.isfinite(result.rank[k]) else '-', names[k], result.index[k] if np.isfinite(result.index[k]) else
                float('nan'), stability.rank_min[k], stability.rank_max[k], stability.stability[k]))
        self.check_cancel(feedback)
        feedback.setProgress(80)
        results = {}
        self.write_index(parameters, context, crs, source, communities, names, residents, keys, values, result,
                         stability, dims, results)
        self.write_table(parameters, context, crs, names, indicators, values, sources, result, results)
        self.write_chart(parameters, context, names, result, dims, results)
        feedback.setProgress(100)
        return results

    def indicator_rows(self, parameters, context):
        rows = self.parameterAsMatrix(parameters, self.INDICATOR_WEIGHTS, context)
        if not rows:
            return indicators_from_rows(default_indicator_rows())
        if len(rows) % 4:
            raise QgsProcessingException(tr('INDICATOR_WEIGHTS must have four columns: indicator, dimension, weight, '
                                            'higher_is_better.'))
        try:
            return indicators_from_rows([rows[i:i + 4] for i in range(0, len(rows), 4)])
        except ValueError as error:
            raise QgsProcessingException(tr('INDICATOR_WEIGHTS has a bad row: {}').format(error))

    def dimension_weights(self, parameters, context):
        rows = self.parameterAsMatrix(parameters, self.DIMENSION_WEIGHTS, context)
        if not rows:
            return dimensions_from_rows(default_dimension_rows())
        if len(rows) % 2:
            raise QgsProcessingException(tr('DIMENSION_WEIGHTS must have two columns: dimension, weight.'))
        try:
            weights = dimensions_from_rows([rows[i:i + 2] for i in range(0, len(rows), 2)])
        except ValueError as error:
            raise QgsProcessingException(tr('DIMENSION_WEIGHTS has a bad row: {}').format(error))
        if not any(weights.values()):
            raise QgsProcessingException(tr('Every dimension weight is 0.'))
        return weights

    def database(self, parameters, context):
        if not self.parameterAsFile(parameters, self.DATABASE, context):
            return None
        return self.store(parameters, context, kinds=(), ensure=(EMERGENCY_FORCES, COMMUNITY_INDICATORS))

    # Indicators --------------------------------------------------------------------------------
    def residents(self, parameters, context, feedback, crs, polygons):
        """Residents per community and the demand units: (xy, population, community)."""
        layer = self.parameterAsLayer(parameters, self.DEMAND, context)
        if layer is None or isinstance(layer, QgsRasterLayer):
            raise QgsProcessingException(tr('DEMAND must be a vector layer of population polygons or points.'))
        demand = self.parameterAsSource(parameters, self.DEMAND, context)
        feats = read_features(demand, crs, context)
        field = self.parameterAsString(parameters, self.DEMAND_FIELD, context)
        if not field or demand.fields().indexOf(field) < 0:
            raise QgsProcessingException(tr('Choose the population field (DEMAND_FIELD) of {}.').format(layer.name()))
        population = np.maximum(to_float([f[field] for f in feats], 0.0), 0.0)
        xy = representative_points(feats, geometry_type(demand))
        group = points_in_polygons(np.nan_to_num(xy, nan=np.inf), polygons)
        inside = group >= 0
        residents = np.bincount(group[inside], weights=population[inside], minlength=len(polygons))
        empty = np.flatnonzero(residents <= 0)
        if len(empty):
            feedback.pushWarning(tr('{} communities have no residents in {}: their per-resident indicators are '
                                    'missing.').format(len(empty), layer.name()))
        return residents, (xy, population, group)

    @staticmethod
    def per_resident(amount, residents, scale=1.0):
        with np.errstate(invalid='ignore', divide='ignore'):
            return np.where(residents > 0, amount * scale / np.where(residents > 0, residents, 1.0), np.nan)

    def points_of(self, source, context, crs):
        feats = read_features(source, crs, context)
        return feats, representative_points(feats, geometry_type(source))

    def shelter_places(self, parameters, context, crs, polygons, residents, values, sources):
        source = self.parameterAsSource(parameters, self.SHELTERS, context)
        if source is None:
            return
        field = self.parameterAsString(parameters, self.CAPACITY_FIELD, context)
        if not field:
            field = next((f for f in ('capacity', 'capacity_persons') if source.fields().indexOf(f) >= 0), None)
        if not field:
            raise QgsProcessingException(tr('Choose the capacity field of the shelters (CAPACITY_FIELD).'))
        feats, xy = self.points_of(source, context, crs)
        capacity = np.maximum(to_float([f[field] for f in feats], 0.0), 0.0)
        group = points_in_polygons(np.nan_to_num(xy, nan=np.inf), polygons)
        inside = group >= 0
        places = np.bincount(group[inside], weights=capacity[inside], minlength=len(polygons))
        values['shelter_places_per_resident'] = self.per_resident(places, residents)
        sources['shelter_places_per_resident'] = '{} ({})'.format(source.sourceName(), field)

    def coverage_shares(self, parameters, context, feedback, crs, polygons, values, sources):
        for name, key, _ in COVERAGE_INPUTS:
            source = self.parameterAsSource(parameters, name, context)
            if source is None:
                continue
            for needed in ('covered', 'population_used'):
                if source.fields().indexOf(needed) < 0:
                    raise QgsProcessingException(tr('{} ({}) has no field "{}": give the OUTPUT_DEMAND of '
                                                    'population_coverage.').format(name, source.sourceName(), needed))
            feats, xy = self.points_of(source, context, crs)
            population = to_float([f['population_used'] for f in feats], 0.0)
            covered = np.array([bool(f['covered']) and not (hasattr(f['covered'], 'isNull') and f['covered'].isNull())
                                for f in feats], bool)
            group = points_in_polygons(np.nan_to_num(xy, nan=np.inf), polygons)
            inside = group >= 0
            total = np.bincount(group[inside], weights=population[inside], minlength=len(polygons))
            hit = np.bincount(group[inside & covered], weights=population[inside & covered], minlength=len(polygons))
            with np.errstate(invalid='ignore', divide='ignore'):
                values[key] = np.where(total > 0, hit / np.where(total > 0, total, 1.0), np.nan)
            sources[key] = source.sourceName()

    def road_indicators(self, parameters, context, feedback, crs, polygons, units, values, sources):
        net_src = self.parameterAsSource(parameters, self.NETWORK, context)
        if net_src is None:
            return
        base = read_network(net_src, crs, context, feedback)
        bridges = bridge_edges(base)
        usable = (base.edge_fwd | base.edge_bwd) & (base.edge_u != base.edge_v)
        # road length with a detour, per community (edges by their midpoint)
        mid = interpolate_on_lines(base, base.edge_line, (base.edge_m0 + base.edge_m1) / 2.0)
        group = points_in_polygons(mid, polygons)
        inside = (group >= 0) & usable
        length = base.edge_len
        total = np.bincount(group[inside], weights=length[inside], minlength=len(polygons))
        detour = np.bincount(group[inside & ~bridges], weights=length[inside & ~bridges], minlength=len(polygons))
        with np.errstate(invalid='ignore', divide='ignore'):
            values['road_redundancy'] = np.where(total > 0, detour / np.where(total > 0, total, 1.0), np.nan)
        # residents whose road is a bridge or lies beyond one (not in the largest 2-edge-connected part)
        keep = np.flatnonzero(usable & ~bridges)
        graph = coo_matrix((np.ones(len(keep)), (base.edge_u[keep], base.edge_v[keep])),
                           shape=(base.n_nodes, base.n_nodes))
        _, part = connected_components(graph, directed=False)
        sizes = np.bincount(part[base.edge_u[keep]], minlength=part.max() + 1) if len(keep) else np.zeros(1)
        main = int(np.argmax(sizes))
        xy, population, unit_group = units
        attached = SegmentIndex(base).nearest(np.nan_to_num(xy))
        e = attached.edge
        ok = (e >= 0) & (unit_group >= 0) & ~np.isnan(xy[:, 0])
        edge = np.where(ok, e, 0)
        single = ok & (bridges[edge] | (part[base.edge_u[edge]] != main))
        people = np.bincount(unit_group[ok], weights=population[ok], minlength=len(polygons))
        dependent = np.bincount(unit_group[single], weights=population[single], minlength=len(polygons))
        with np.errstate(invalid='ignore', divide='ignore'):
            values['single_link_share'] = np.where(people > 0, dependent / np.where(people > 0, people, 1.0), np.nan)
        sources['road_redundancy'] = sources['single_link_share'] = net_src.sourceName()
        feedback.pushInfo(tr('Roads: {} of {} edges are bridges (their loss splits the network), {:.1f} of {:.1f} '
                             'km.').format(int(bridges.sum()), int(usable.sum()),
                                           float(length[bridges].sum()) / 1000.0, float(length[usable].sum()) / 1000.0))

    def exposure(self, parameters, context, crs, units, residents, values, sources):
        zones = self.parameterAsSource(parameters, self.RISK_ZONES, context)
        if zones is None:
            return
        feats = read_features(zones, crs, context)
        xy, population, group = units
        exposed = points_in_polygons(np.nan_to_num(xy, nan=np.inf), polygon_wkbs(feats)) >= 0 if feats else \
            np.zeros(len(xy), bool)
        hit = exposed & (group >= 0)
        amount = np.bincount(group[hit], weights=population[hit], minlength=len(residents))
        values['exposed_share'] = self.per_resident(amount, residents)
        sources['exposed_share'] = zones.sourceName()

    def forces(self, store, context, crs, polygons, residents, values, sources):
        with self.database_errors():
            layer = store.layer(EMERGENCY_FORCES.name)
        feats = read_features(layer, crs, context)
        xy = representative_points(feats, geometry_type(layer)) if feats else np.zeros((0, 2))
        personnel = np.maximum(to_float([f['personnel'] for f in feats], 0.0), 0.0)
        group = points_in_polygons(np.nan_to_num(xy, nan=np.inf), polygons) if len(xy) else np.zeros(0, np.int64)
        inside = group >= 0
        staff = np.bincount(group[inside], weights=personnel[inside], minlength=len(polygons))
        values['forces_per_10k'] = self.per_resident(staff, residents, 10000.0)
        sources['forces_per_10k'] = '{} ({})'.format(store.label(), EMERGENCY_FORCES.name)

    def entered_values(self, store, feedback, names, indicators, values, sources):
        """The latest value of every (community, indicator) of the community_indicators table."""
        with self.database_errors():
            rows = store.read_rows(COMMUNITY_INDICATORS.name, ('community', 'indicator', 'value', 'year', 'source'))
        keys = {row[0] for row in indicators}
        position = {name: k for k, name in enumerate(names)}
        latest = {}
        unknown = set()
        for community, key, value, year, source in rows:
            if key not in keys:
                unknown.add(key)
                continue
            if community not in position or value is None:
                continue
            if (community, key) not in latest or (year or 0) >= (latest[(community, key)][1] or 0):
                latest[(community, key)] = (float(value), year, source)
        for (community, key), (value, year, source) in latest.items():
            if INDICATORS_BY_KEY.get(key) is not None and INDICATORS_BY_KEY[key].computed:
                feedback.pushWarning(tr('The indicator {} is computed; the value entered for {} replaces '
                                        'it.').format(key, community))
            values.setdefault(key, np.full(len(names), np.nan))[position[community]] = value
            sources.setdefault(key, {})
            if isinstance(sources[key], dict):
                sources[key][community] = '{}{}'.format(source or store.label(), ' ({})'.format(year) if year else '')
        if unknown:
            feedback.pushInfo(tr('Values of indicators not in INDICATOR_WEIGHTS are left out: {}').format(
                ', '.join(sorted(unknown))))
        without = sorted({name for name in names} - {community for community, _ in latest})
        if rows and without:
            feedback.pushInfo(tr('No entered indicator values for: {}').format(', '.join(without)))

    def report_indicators(self, feedback, keys, values, result, dims, dimension_weights):
        for k, key in enumerate(keys):
            if key not in values or np.isnan(values[key]).all():
                feedback.pushInfo(tr('Indicator {}: no data (left out).').format(key))
            elif not result.used[k]:
                feedback.pushWarning(tr('Indicator {}: the same value in every community; it says nothing about '
                                        'their differences and is left out.').format(key))
        for d, dim in enumerate(dims):
            if dimension_weights[dim] > 0 and np.isnan(result.dimension_scores[:, d]).all():
                feedback.pushWarning(tr('Dimension {}: no indicator with data; the index is the mean of the other '
                                        'dimensions.').format(tr(RESILIENCE_DIMENSIONS[d].label)))

    # Outputs -----------------------------------------------------------------------------------
    def write_index(self, parameters, context, crs, source, communities, names, residents, keys, values, result,
                    stability, dims, results):
        spec = RESILIENCE_INDEX_SCHEMA.spec()   # without the indicators: those of INDICATOR_WEIGHTS go after residents
        spec = spec[:2] + [(key, 'double') for key in keys] + spec[2:]
        fields, _ = make_fields(spec, source.fields(), prefix='c_')
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields, source.wkbType(), crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        feats = []
        for c, src in enumerate(communities):
            f = QgsFeature(fields)
            f.setGeometry(src.geometry())
            row = [names[c], float(residents[c])]
            row += [py(values[key][c]) if key in values else None for key in keys]
            row += [py(result.dimension_scores[c, d]) for d in range(len(dims))]
            row += [py(result.index[c]), py(result.rank[c]), py(stability.rank_min[c]), py(stability.rank_max[c]),
                    py(stability.stability[c]), py(stability.one_at_a_time[c]), int(result.missing[c])]
            f.setAttributes([py(v) if isinstance(v, (np.floating, np.integer)) else v for v in row] +
                            list(src.attributes()))
            feats.append(f)
        sink.addFeatures(feats, SINK_FAST_INSERT)
        results[self.OUTPUT] = dest

    def write_table(self, parameters, context, crs, names, indicators, values, sources, result, results):
        if parameters.get(self.OUTPUT_TABLE) in (None, ''):
            return
        fields, _ = make_fields(RESILIENCE_TABLE_SCHEMA.spec())
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT_TABLE, context, fields, GEOMETRY_WKB['NoGeometry'],
                                          crs)
        feats = []
        for k, (key, dimension, weight, better) in enumerate(indicators):
            definition = INDICATORS_BY_KEY.get(key)
            for c, name in enumerate(names):
                data = sources.get(key)
                data = data.get(name) if isinstance(data, dict) else data
                f = QgsFeature(fields)
                f.setAttributes([name, key, tr(definition.label) if definition else key, dimension,
                                 py(values[key][c]) if key in values else None, py(result.scaled[c, k]), float(weight),
                                 bool(better), bool(result.used[k]), data,
                                 definition.source.citation if definition else None,
                                 definition.source.evidence if definition else None])
                feats.append(f)
        sink.addFeatures(feats, SINK_FAST_INSERT)
        results[self.OUTPUT_TABLE] = dest

    def write_chart(self, parameters, context, names, result, dims, results):
        path = self.parameterAsFileOutput(parameters, self.OUTPUT_CHART, context)
        if not path:
            return
        from ..report.chart import radar_charts_png
        from ..report.language import LanguageError, font_family
        try:
            family = font_family('zh_CN')
        except LanguageError:
            family = font_family('en')
        labels = [tr(d.label) for d in RESILIENCE_DIMENSIONS]
        order = np.argsort(np.nan_to_num(result.rank, nan=np.inf), kind='stable')
        png = radar_charts_png([names[k] for k in order], labels, result.dimension_scores[order], family,
                               tr('Resilience by dimension (0-1) and index'), index=result.index[order],
                               no_data=tr('no data'))
        try:
            with open(path, 'wb') as handle:
                handle.write(png)
        except OSError as error:
            raise QgsProcessingException(tr('Cannot write {}: {}').format(self.final_path(path),
                                                                          error.strerror or error))
        results[self.OUTPUT_CHART] = path
