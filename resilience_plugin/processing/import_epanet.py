"""resilience:import_epanet: an EPANET water network (.inp) into the lifeline layers of a planning database."""
import os

import numpy as np
from qgis.core import (QgsCoordinateReferenceSystem, QgsGeometry, QgsPointXY, QgsProcessingException,
                       QgsProcessingOutputNumber, QgsProcessingParameterCrs, QgsProcessingParameterFile,
                       QgsProcessingParameterNumber, QgsProcessingParameterPoint, QgsProcessingParameterString)

from ..compat import NUMBER_DOUBLE
from ..core.epanet_inp import InpError, read_inp
from ..definitions import N_
from ..qgis_io.crs import transform_xy
from ..translation import tr
from .base import GROUP_DATABASE, ResilienceAlgorithm

SUBTYPE = {'pipe': 'pipe', 'pump': 'pump', 'valve': 'control_valve'}


class ImportEpanet(ResilienceAlgorithm):
    NAME = 'import_epanet'
    DISPLAY_NAME = N_('Import EPANET network')
    GROUP = GROUP_DATABASE
    HELP = N_('Reads an EPANET input file (.inp) into the planning database: pipes, pumps and control valves become '
              'water-supply lifelines drawn through their vertices, reservoirs and tanks become water sources '
              '(lifeline nodes of kind "Water works / reservoir / tank"). Asset IDs are PREFIX followed by the EPANET '
              'ID. Lengths of US-customary files are converted to metres and diameters to millimetres. CRS is the '
              'CRS of the file\'s coordinates (empty: the database\'s); schematic coordinates can be scaled with '
              'SCALE and moved so that their lower-left corner lies at ORIGIN. EPANET has no isolation valves: add '
              'them with Generate isolation devices. Junction demands, patterns, curves and controls stay in the '
              'EPANET model; every link is taken as open.')

    INPUT = 'INPUT'
    CRS = 'CRS'
    SCALE = 'SCALE'
    ORIGIN = 'ORIGIN'
    PREFIX = 'PREFIX'
    LINE_COUNT = 'LINE_COUNT'
    NODE_COUNT = 'NODE_COUNT'

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFile(self.INPUT, tr('EPANET input file'), extension='inp'))
        self.add_database_parameter()
        self.addParameter(QgsProcessingParameterCrs(self.CRS, tr('CRS of the coordinates (empty: the database\'s)'),
                                                    optional=True))
        self.addParameter(QgsProcessingParameterNumber(self.SCALE, tr('Scale of the coordinates'), NUMBER_DOUBLE,
                                                       defaultValue=1.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterPoint(self.ORIGIN, tr('Lower-left corner at (empty: as in the file)'),
                                                      optional=True))
        self.addParameter(QgsProcessingParameterString(self.PREFIX, tr('Asset ID prefix (empty: the file name)'),
                                                       optional=True))
        self.addOutput(QgsProcessingOutputNumber(self.LINE_COUNT, tr('Lines imported')))
        self.addOutput(QgsProcessingOutputNumber(self.NODE_COUNT, tr('Sources imported')))

    def process(self, parameters, context, feedback):
        path = self.parameterAsFile(parameters, self.INPUT, context)
        try:
            inp = read_inp(path)
        except (OSError, InpError, ValueError) as error:
            raise QgsProcessingException(tr('{} is not a readable EPANET input file: {}').format(path, error))
        store = self.store(parameters, context)
        db_crs = store.crs()
        crs = self.parameterAsCrs(parameters, self.CRS, context) if parameters.get(self.CRS) not in (None, '') \
            else QgsCoordinateReferenceSystem()
        crs = crs if crs.isValid() else db_crs
        missing = [inp.node_id[i] for i in np.flatnonzero(np.isnan(inp.node_xy[:, 0]))]
        if missing:
            raise QgsProcessingException(
                tr('{}: {} nodes have no coordinates ({}); the network cannot be drawn.').format(
                    os.path.basename(path), len(missing), ', '.join(missing[:10])))
        prefix = self.parameterAsString(parameters, self.PREFIX, context) or (
            os.path.splitext(os.path.basename(path))[0] + '-')
        scale = self.parameterAsDouble(parameters, self.SCALE, context)
        coords, offsets = inp.link_coords()
        low = np.nanmin(inp.node_xy, axis=0)
        xy = coords * scale
        nodes_xy = inp.node_xy * scale
        if parameters.get(self.ORIGIN) not in (None, ''):
            origin = self.parameterAsPoint(parameters, self.ORIGIN, context, crs)
            shift = np.array([origin.x(), origin.y()]) - low * scale
            xy, nodes_xy = xy + shift, nodes_xy + shift
        if crs != db_crs:
            xy = transform_xy(xy, crs, db_crs, context.transformContext())
            nodes_xy = transform_xy(nodes_xy, crs, db_crs, context.transformContext())
        ids = {prefix + name for name in inp.link_id} | {prefix + inp.node_id[i] for i, t in enumerate(inp.node_type)
                                                         if t != 'junction'}
        with self.database_errors():
            taken = store.asset_ids(('lifelines', 'lifeline_nodes'))
        clash = sorted(ids & (taken['lifelines'] | taken['lifeline_nodes']))
        if clash:
            raise QgsProcessingException(tr('The database already has assets {} (imported before?); choose another '
                                            'PREFIX. Nothing was imported.').format(', '.join(clash[:5])))
        source_ref = 'epanet:' + os.path.basename(path)
        lines = []
        for k, name in enumerate(inp.link_id):
            part = xy[offsets[k]:offsets[k + 1]]
            geometry = QgsGeometry.fromPolylineXY([QgsPointXY(float(x), float(y)) for x, y in part])
            diameter = inp.diameter_mm[k]
            status = inp.link_status[k]
            lines.append((bytes(geometry.asWkb()), {
                'asset_id': prefix + name, 'network': 'water_supply', 'subtype': SUBTYPE[inp.link_type[k]],
                'name': name, 'diameter_mm': float(diameter) if np.isfinite(diameter) and diameter > 0 else None,
                'material': 'unknown', 'status': 'in_use', 'condition': 'unknown', 'burial_type': 'unknown',
                'data_source': 'design', 'source_ref': source_ref,
                'remarks': tr('EPANET {} {}{}').format(inp.link_type[k], name, tr(', closed in the model')
                                                       if status == 'closed' else '')}))
        nodes = []
        for i, kind in enumerate(inp.node_type):
            if kind == 'junction':
                continue
            x, y = nodes_xy[i]
            elevation = inp.elevation_m[i]
            nodes.append((bytes(QgsGeometry.fromPointXY(QgsPointXY(float(x), float(y))).asWkb()), {
                'asset_id': prefix + inp.node_id[i], 'network': 'water_supply', 'node_kind': 'water_source',
                'name': '{} {}'.format(kind, inp.node_id[i]),
                'ground_elevation_m': float(elevation) if -500 <= elevation <= 9000 else None,
                'status': 'in_use', 'condition': 'unknown', 'data_source': 'design', 'source_ref': source_ref,
                'remarks': tr('EPANET {}').format(kind)}))
        with self.database_errors():
            with store.edit() as writer:
                written = writer.write('lifelines', lines)
                written_nodes = writer.write('lifeline_nodes', nodes)
                if feedback.isCanceled():
                    raise QgsProcessingException(tr('Cancelled; nothing was imported.'))
        feedback.pushInfo(tr('{}: {} lines ({} pipes, {} pumps, {} control valves) and {} sources imported; {} '
                             'junctions are vertices of the lines.').format(
            os.path.basename(path), written, inp.link_type.count('pipe'), inp.link_type.count('pump'),
            inp.link_type.count('valve'), written_nodes, inp.node_type.count('junction')))
        return {self.DATABASE: store.label(), self.LINE_COUNT: written, self.NODE_COUNT: written_nodes}
