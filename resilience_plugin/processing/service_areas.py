"""resilience:service_areas: network service areas of many facilities, cut at the limit."""
import time

import numpy as np
from qgis.core import (QgsFeature, QgsGeometry, QgsPointXY, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterNumber)

from ..compat import GEOMETRY_WKB, NUMBER_DOUBLE, SOURCE_LINE, SOURCE_POINT, SOURCE_POLYGON
from ..core.areas import buffered_areas, nearest_zones, point_buffers
from ..core.network import cut_lines
from ..core.service_areas import (Pieces, covered_length_by_facility, incidence_sides, nearest_pieces,
                                  overlapping_pieces_sparse, piece_geometries)
from ..core.shortest_paths import facility_reach, nearest_facility
from ..definitions import N_, SERVICE_AREA_BUFFER_M, SERVICE_AREA_POLYGONS_SCHEMA
from ..qgis_io.network_layers import geometry_from_shapely, make_fields, py, write_lines
from ..translation import tr
from .coverage_common import CoverageAlgorithm


class ServiceAreas(CoverageAlgorithm):
    NAME = 'service_areas'
    DISPLAY_NAME = N_('Service areas (many facilities)')
    ICON = 'resilience.svg'
    HELP = N_('Service areas of every facility within the limit, as network lines cut at the limit (with the '
              'distance, and time, at both ends of every piece) and optionally as polygons (covered lines '
              'buffered by POLYGON_BUFFER and dissolved per facility). OUTPUT_LINES holds the per-facility '
              'overlapping areas, OUTPUT_NEAREST_LINES the nearest-facility zones (every piece belongs to the '
              'facility that reaches it first). OUTPUT_FACILITIES lists every facility with its access leg, '
              'whether it reaches the network, the covered network length and, with BARRIERS, the length '
              'lost against the undisturbed network and whether it is cut off.')

    OUTPUT_LINES = 'OUTPUT_LINES'
    OUTPUT_NEAREST_LINES = 'OUTPUT_NEAREST_LINES'
    OUTPUT_POLYGONS = 'OUTPUT_POLYGONS'
    OUTPUT_NEAREST_POLYGONS = 'OUTPUT_NEAREST_POLYGONS'
    OUTPUT_FACILITIES = 'OUTPUT_FACILITIES'
    POLYGON_BUFFER = 'POLYGON_BUFFER'

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_common(capacity=False)
        self.addParameter(QgsProcessingParameterNumber(self.POLYGON_BUFFER, tr('Polygon buffer around covered lines (m)'),
                                                       NUMBER_DOUBLE, defaultValue=SERVICE_AREA_BUFFER_M, minValue=0))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_LINES, tr('Service areas per facility (lines)'), SOURCE_LINE, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_NEAREST_LINES, tr('Nearest-facility zones (lines)'), SOURCE_LINE,
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_POLYGONS, tr('Service areas per facility (polygons)'), SOURCE_POLYGON,
            optional=True, createByDefault=False))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_NEAREST_POLYGONS, tr('Nearest-facility zones (polygons)'), SOURCE_POLYGON,
            optional=True, createByDefault=False))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_FACILITIES, tr('Facilities with their coverage'), SOURCE_POINT,
            optional=True))

    def process(self, parameters, context, feedback):
        prep = self.prepare(parameters, context, feedback)
        limit, n = prep.limit, prep.n
        results = {}
        want_lines = parameters.get(self.OUTPUT_LINES) not in (None, '')
        want_poly = parameters.get(self.OUTPUT_POLYGONS) not in (None, '')
        buffer_m = self.parameterAsDouble(parameters, self.POLYGON_BUFFER, context)
        nearest = overlap = None
        covered = np.zeros(n)
        covered_open = None
        if prep.base is not None:
            t = time.perf_counter()
            need_len = prep.timed or bool(np.any(prep.delay))
            res = nearest_facility(prep.fnet.graph, limit=limit, need_length=need_len)
            nearest = nearest_pieces(prep.fnet.net, res, limit)
            prep.timings['shortest paths (nearest)'] = time.perf_counter() - t
            feedback.setProgress(50)
            self.check_cancel(feedback)
            t = time.perf_counter()
            covered = None
            if want_lines or want_poly or parameters.get(self.OUTPUT_FACILITIES) not in (None, ''):
                overlap, covered = self.overlapping(prep.fnet, limit, need_len, feedback, (50, 75))
            prep.timings['shortest paths (per facility)'] = time.perf_counter() - t
            if prep.fnet_open is not None:
                _, covered_open = self.overlapping(prep.fnet_open, limit, need_len, feedback, (75, 80),
                                                   keep_pieces=False)
        self.check_cancel(feedback)
        t = time.perf_counter()
        fac_fields = prep.fac_fields
        timed = prep.timed
        spec = [('facility_id', 'int64'), ('dist_start_m', 'double'), ('dist_end_m', 'double'), ('length_m', 'double')]
        if timed:
            spec += [('time_start_min', 'double'), ('time_end_min', 'double')]
        line_fields, _ = make_fields(spec, fac_fields)
        fac_attrs = [list(f.attributes()) for f in prep.facilities]
        line_type = GEOMETRY_WKB['LineString']
        for name, pieces in ((self.OUTPUT_LINES, overlap), (self.OUTPUT_NEAREST_LINES, nearest)):
            sink, dest = self.sink(parameters, name, context, line_fields, line_type, prep.crs)
            if sink is None:
                continue
            if pieces is None:
                pieces = Pieces.concat([])
                if prep.base is None:
                    feedback.pushWarning(tr('Without a NETWORK there are no service-area lines.'))
            xy, off = piece_geometries(prep.fnet.net, pieces) if len(pieces) else (np.zeros((0, 2)),
                                                                                  np.zeros(1, int))
            rows = self.line_rows(pieces, prep, fac_attrs)
            write_lines(sink, line_fields, xy, off, rows, feedback)
            results[name] = dest
        feedback.setProgress(90)
        self.check_cancel(feedback)
        self.write_polygons(parameters, context, feedback, prep, overlap, nearest, buffer_m, fac_attrs, results)
        self.write_facilities(parameters, context, prep, covered, covered_open, nearest, fac_attrs, results)
        prep.timings['outputs'] = time.perf_counter() - t
        feedback.pushInfo(tr('Timings: {}').format(', '.join('{} {:.2f} s'.format(k, v)
                                                            for k, v in prep.timings.items())))
        feedback.setProgress(100)
        return results

    def overlapping(self, fnet, limit, need_len, feedback, progress, keep_pieces=True):
        inc = incidence_sides(fnet.net)
        local = np.full(fnet.net.n_nodes, -1, np.int64)
        parts = []
        covered = np.zeros(fnet.n_facilities)
        total = max(1, int(fnet.graph.has_source.sum()))
        done = 0
        for reach in facility_reach(fnet.graph, limit=limit, need_length=need_len,
                                    check_cancel=lambda: self.check_cancel(feedback)):
            p = overlapping_pieces_sparse(fnet.net, reach, limit, inc, local)
            covered += covered_length_by_facility(p, fnet.n_facilities)
            if keep_pieces:
                parts.append(p)
            done += len(reach.chunk)
            feedback.setProgress(progress[0] + (progress[1] - progress[0]) * min(done, total) / total)
        return (Pieces.concat(parts) if keep_pieces else None), covered

    @staticmethod
    def line_rows(pieces, prep, fac_attrs):
        ids = prep.fac_ids[pieces.facility]
        length = pieces.length
        cols = [ids, pieces.dist_start, pieces.dist_end, length]
        if prep.timed:
            cols += [pieces.cost_start, pieces.cost_end]
        cols = [c.tolist() for c in cols]
        fac = pieces.facility.tolist()
        return [[a, b, c, d] + ([e, f] if prep.timed else []) + fac_attrs[k]
                for a, b, c, d, e, f, k in zip(cols[0], cols[1], cols[2], cols[3],
                                               cols[4] if prep.timed else cols[0],
                                               cols[5] if prep.timed else cols[0], fac)]

    def write_polygons(self, parameters, context, feedback, prep, overlap, nearest, buffer_m, fac_attrs, results):
        poly_fields, _ = make_fields(SERVICE_AREA_POLYGONS_SCHEMA.spec(), prep.fac_fields)
        poly_type = GEOMETRY_WKB['MultiPolygon']
        for name, pieces, disjoint in ((self.OUTPUT_POLYGONS, overlap, False),
                                       (self.OUTPUT_NEAREST_POLYGONS, nearest, True)):
            sink, dest = self.sink(parameters, name, context, poly_fields, poly_type, prep.crs)
            if sink is None:
                continue
            if prep.base is None:
                areas = [None] * prep.n  # circles around every point of a facility (multipoints: all of them)
                for i, g in zip(prep.point_owner, point_buffers(prep.points, prep.limit if not prep.timed
                                                                else prep.limit * prep.speed_kmh * 1000 / 60)):
                    areas[i] = g if areas[i] is None else areas[i].union(g)
            else:
                if pieces is None:
                    res = nearest_facility(prep.fnet.graph, limit=prep.limit)
                    pieces = nearest_pieces(prep.fnet.net, res, prep.limit)
                xy, off = cut_lines(prep.fnet.net, pieces.line, pieces.m_start, pieces.m_end)
                if disjoint:
                    areas = nearest_zones(xy, off, pieces.facility, max(buffer_m, 0.01), prep.n)
                else:
                    areas = buffered_areas(xy, off, pieces.facility, max(buffer_m, 0.01), prep.n)
            if disjoint and prep.base is None:
                areas = nearest_zones(prep.points, None, prep.point_owner, None, prep.n, clip=areas)
            feats = []
            for i, g in enumerate(areas):
                self.check_cancel(feedback)
                if g is None or g.is_empty:
                    continue
                f = QgsFeature(poly_fields)
                geom = geometry_from_shapely(g)
                geom.convertToMultiType()
                f.setGeometry(geom)
                f.setAttributes([int(prep.fac_ids[i]), float(g.area)] + fac_attrs[i])
                feats.append(f)
            self.add(sink, feats)
            results[name] = dest

    def write_facilities(self, parameters, context, prep, covered, covered_open, nearest, fac_attrs, results):
        spec = [('facility_id', 'int64'), ('access_m', 'double'), ('reachable', 'bool'), ('covered_m', 'double'),
                ('nearest_m', 'double')]
        if covered_open is not None:
            spec += [('covered_open_m', 'double'), ('lost_m', 'double'), ('lost_share', 'double'), ('cut_off', 'bool')]
        fields, _ = make_fields(spec, prep.fac_fields)
        sink, dest = self.sink(parameters, self.OUTPUT_FACILITIES, context, fields, GEOMETRY_WKB['Point'], prep.crs)
        if sink is None:
            return
        n = prep.n
        access = prep.fnet.access_distance() if prep.fnet is not None else np.zeros(n)
        reach = np.isfinite(access)
        near = np.zeros(n) if nearest is None else np.bincount(nearest.facility, weights=nearest.length, minlength=n)
        if covered is None:
            covered = np.full(n, np.nan)
        feats = []
        for i, src in enumerate(prep.facilities):
            f = QgsFeature(fields)
            if not np.isnan(prep.fac_xy[i, 0]):
                f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(*prep.fac_xy[i])))
            row = [int(prep.fac_ids[i]), py(access[i]), bool(reach[i]), py(covered[i]), py(near[i])]
            if covered_open is not None:
                lost = covered_open[i] - covered[i]
                share = lost / covered_open[i] if covered_open[i] > 0 else None
                row += [py(covered_open[i]), py(lost), py(share), bool(covered_open[i] > 0 and not covered[i] > 0)]
            f.setAttributes(row + fac_attrs[i])
            feats.append(f)
        self.add(sink, feats)
        results[self.OUTPUT_FACILITIES] = dest
