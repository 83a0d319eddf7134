"""resilience:generate_isolation_devices: valves or switches placed by the strategic N-k rule where none are mapped."""
import uuid

import numpy as np
from qgis.core import (QgsGeometry, QgsPointXY, QgsProcessingException, QgsProcessingOutputNumber,
                       QgsProcessingParameterEnum, QgsProcessingParameterNumber)

from ..compat import NUMBER_DOUBLE, NUMBER_INTEGER
from ..core.lifelines import strategic_valves
from ..core.network import NetworkError, build_network, parse_wkb_lines
from ..definitions import (ISOLATION_DEVICE_KINDS, N_, NETWORK_TYPE, NODE_KIND, NODE_ON_NETWORK_M,
                           OUT_OF_SERVICE_STATUS)
from ..translation import tr
from .lifeline_common import LifelineAlgorithm

# The device a generated one is: valves on pipes, switches on cables.
GENERATED_KIND = {'power': 'switch', 'telecom': 'switch'}
NETWORKS = tuple(code for code in NETWORK_TYPE.codes() if code in ISOLATION_DEVICE_KINDS)


class GenerateIsolationDevices(LifelineAlgorithm):
    NAME = 'generate_isolation_devices'
    DISPLAY_NAME = N_('Generate isolation devices')
    HELP = N_('Adds valves (switches for power and telecom) to a network that has none mapped, by the strategic N-k '
              'rule of WNTR\'s valve layers: at every junction all pipes but UNVALVED (1: N-1, 0: every pipe) get a '
              'device, OFFSET metres from the junction on the pipe. The devices are written to the lifeline nodes '
              'with data source "inferred" and a remark that they are generated, so they are never taken for '
              'surveyed ones; the network\'s lines are not changed. A network that already has devices is left as '
              'it is. Which pipe stays without a device at each junction is drawn at random with SEED; pipes shorter '
              'than twice the snapping distance (2 m) get none.')

    NETWORK = 'NETWORK'
    UNVALVED = 'UNVALVED'
    OFFSET = 'OFFSET'
    SEED = 'SEED'
    DEVICE_COUNT = 'DEVICE_COUNT'

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_database_parameter()
        network = QgsProcessingParameterEnum(self.NETWORK, tr('Network'), list(NETWORKS), defaultValue=NETWORKS[0])
        network.setUsesStaticStrings(True)
        self.addParameter(network)
        self.addParameter(QgsProcessingParameterNumber(self.UNVALVED, tr('Pipes without a device at each junction'),
                                                       NUMBER_INTEGER, defaultValue=1, minValue=0))
        self.addParameter(QgsProcessingParameterNumber(self.OFFSET, tr('Distance from the junction (m)'),
                                                       NUMBER_DOUBLE, defaultValue=1.0, minValue=0.01))
        self.addParameter(QgsProcessingParameterNumber(self.SEED, tr('Random seed'), NUMBER_INTEGER, defaultValue=0))
        self.addOutput(QgsProcessingOutputNumber(self.DEVICE_COUNT, tr('Devices added')))

    def process(self, parameters, context, feedback):
        store = self.store(parameters, context)
        network = self.parameterAsEnumString(parameters, self.NETWORK, context) or NETWORKS[0]
        kind = GENERATED_KIND.get(network, 'valve')
        with self.database_errors():
            existing = store.read_rows('lifeline_nodes', ('asset_id',), where=(
                ('network', '=', network), ('node_kind', 'in', ISOLATION_DEVICE_KINDS[network][:1])))
        if existing:
            raise QgsProcessingException(tr('The {} network already has {} isolation devices ({}); nothing was '
                                            'added.').format(network, len(existing), kind))
        layer = store.layer('lifelines')
        wkbs = []
        for feature in layer.getFeatures():
            if feature['network'] != network or feature['status'] in OUT_OF_SERVICE_STATUS:
                continue
            if feature.hasGeometry():
                wkbs.append(bytes(feature.geometry().asWkb()))
        coords, offsets, _ = parse_wkb_lines(wkbs)
        try:
            net = build_network(coords, offsets, snap_tolerance=NODE_ON_NETWORK_M)
        except NetworkError:
            raise QgsProcessingException(tr('The {} network has no lines in service.').format(network))
        self.check(feedback)
        _, _, xy = strategic_valves(net, self.parameterAsInt(parameters, self.UNVALVED, context),
                                    self.parameterAsDouble(parameters, self.OFFSET, context),
                                    self.parameterAsInt(parameters, self.SEED, context),
                                    min_edge_m=2.0 * NODE_ON_NETWORK_M)
        remark = tr('Generated: strategic N-{} isolation device, not surveyed').format(
            self.parameterAsInt(parameters, self.UNVALVED, context))
        name = tr('Generated: {}').format(tr(NODE_KIND.choice(kind).label))
        rows = [(bytes(QgsGeometry.fromPointXY(QgsPointXY(float(x), float(y))).asWkb()),
                 {'network': network, 'node_kind': kind, 'name': name, 'status': 'in_use',
                  'condition': 'unknown', 'data_source': 'inferred', 'source_ref': 'generate_isolation_devices',
                  'remarks': remark}) for x, y in np.asarray(xy).tolist()]
        for _, values in rows:
            values['asset_id'] = str(uuid.uuid4())
        with self.database_errors():
            with store.edit() as writer:
                written = writer.write('lifeline_nodes', rows)
                self.check(feedback)
        feedback.pushInfo(tr('{} generated devices ({}) added to the {} network ({} junctions).').format(
            written, tr(NODE_KIND.choice(kind).label), network, net.n_nodes))
        return {self.DATABASE: store.label(), self.DEVICE_COUNT: written}
