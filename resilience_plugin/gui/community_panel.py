"""Community tab: the evacuation plan, dispatch of emergency forces, the resilience index and the community risk
maps. Builds the parameters, runs the algorithms in the background and shows what they report."""
import os

from qgis.core import QgsProject, QgsVectorLayer
from qgis.gui import QgsFieldComboBox, QgsMapLayerComboBox
from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import (QAbstractItemView, QComboBox, QDoubleSpinBox, QGroupBox, QPushButton, QTableWidget,
                                 QTableWidgetItem, QVBoxLayout, QWidget)

from .. import compat
from ..definitions import COVERAGE_PRESETS, DEFAULT_REQUIRED_PERSONNEL, N_, THEME_COMMUNITY
from ..qgis_io.project import add_layer
from ..qgis_io.result_styles import (style_dispatch, style_evacuation_routes, style_plan_shelters,
                                     style_resilience_index, style_road_loads)
from ..translation import tr
from .census_panel import report_language
from .common import PanelSettings, RunBar, fit_combo, fit_table, layer_input, project_layer_id, stacked_form
from .widgets import wrapping_label
from .tasks import AlgorithmRun

EVACUATION_PLAN = 'resilience:evacuation_plan'
DISPATCH = 'resilience:dispatch'
RESILIENCE_INDEX = 'resilience:resilience_index'
COMMUNITY_RISK_MAP = 'resilience:community_risk_map'
SHELTER_PRESETS = [p for p in COVERAGE_PRESETS if p.facility_layer == 'shelters']
CAPACITY_FIELDS = ('capacity_persons', 'capacity')
DEFAULT_DISPATCH_MIN = 30.0
INDEX_COLUMNS = ('#', N_('Community'), N_('Index'), N_('Kept'))


def _layer_combo(filters):
    combo = QgsMapLayerComboBox()
    combo.setFilters(filters)
    return layer_input(combo)


class CommunityPanel(QWidget):
    plan_finished = pyqtSignal(bool)
    dispatch_finished = pyqtSignal(bool)
    index_finished = pyqtSignal(bool)

    def __init__(self, iface, database_path, parent=None):
        """``database_path``: a function returning the planning database chosen in the Overlay tab."""
        super().__init__(parent)
        self.iface = iface
        self.database_path = database_path
        self.settings = PanelSettings('community')
        self.layers = {}   # result layers of the last runs, by role
        layout = QVBoxLayout(self)

        common = QGroupBox(tr('Area'))
        form = stacked_form(common)
        self.communities = _layer_combo(compat.LAYER_FILTER_POLYGON)
        form.addRow(tr('Communities'), self.communities)
        self.network = _layer_combo(compat.LAYER_FILTER_LINE)
        form.addRow(tr('Road network'), self.network)
        self.demand = _layer_combo(compat.LAYER_FILTER_POINT | compat.LAYER_FILTER_POLYGON)
        form.addRow(tr('Residents'), self.demand)
        self.demand_field = QgsFieldComboBox()
        self.demand_field.setFilters(compat.FIELD_FILTER_NUMERIC)
        form.addRow(tr('Population field'), fit_combo(self.demand_field))
        layout.addWidget(common)

        plan = QGroupBox(tr('Evacuation plan'))
        form = stacked_form(plan)
        self.shelters = _layer_combo(compat.LAYER_FILTER_POINT | compat.LAYER_FILTER_POLYGON)
        form.addRow(tr('Shelters'), self.shelters)
        self.capacity_field = QgsFieldComboBox()
        self.capacity_field.setFilters(compat.FIELD_FILTER_NUMERIC)
        form.addRow(tr('Capacity field'), fit_combo(self.capacity_field))
        self.preset = QComboBox()
        for preset in SHELTER_PRESETS:
            self.preset.addItem(tr(preset.label), preset.key)
        form.addRow(tr('Preset'), fit_combo(self.preset))
        self.plan_button = QPushButton(tr('Plan evacuation'))
        form.addRow(self.plan_button)
        self.plan_label = wrapping_label()
        form.addRow(self.plan_label)
        layout.addWidget(plan)

        forces = QGroupBox(tr('Emergency forces'))
        form = stacked_form(forces)
        self.forces = _layer_combo(compat.LAYER_FILTER_POINT)
        form.addRow(tr('Forces'), self.forces)
        self.incidents = _layer_combo(compat.LAYER_FILTER_POINT)
        form.addRow(tr('Incidents'), self.incidents)
        self.required = QDoubleSpinBox()
        self.required.setRange(0, 100000)
        self.required.setDecimals(0)
        self.required.setValue(DEFAULT_REQUIRED_PERSONNEL)
        form.addRow(tr('Personnel needed'), self.required)
        self.time_limit = QDoubleSpinBox()
        self.time_limit.setRange(1, 2880)
        self.time_limit.setDecimals(0)
        self.time_limit.setSuffix(tr(' min'))
        self.time_limit.setValue(DEFAULT_DISPATCH_MIN)
        form.addRow(tr('Within'), self.time_limit)
        self.dispatch_button = QPushButton(tr('Dispatch'))
        form.addRow(self.dispatch_button)
        self.dispatch_label = wrapping_label()
        form.addRow(self.dispatch_label)
        layout.addWidget(forces)

        index = QGroupBox(tr('Resilience index and maps'))
        box = QVBoxLayout(index)
        self.index_button = QPushButton(tr('Resilience index'))
        self.maps_button = QPushButton(tr('Community maps…'))
        self.maps_button.setToolTip(tr('Opens resilience:community_risk_map with the layers of this tab'))
        box.addWidget(self.index_button)
        box.addWidget(self.maps_button)
        self.table = QTableWidget(0, len(INDEX_COLUMNS))
        self.table.setHorizontalHeaderLabels([tr(title) for title in INDEX_COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        fit_table(self.table, 1)
        self.table.setToolTip(tr('Rank, community, index (0-1) and the share of weight changes that keep its rank'))
        box.addWidget(self.table)
        layout.addWidget(index)

        self.run_bar = RunBar(tr('Run'))
        self.run_bar.run_button.hide()
        layout.addWidget(self.run_bar)
        layout.addStretch(1)

        self.restore()
        self.demand.layerChanged.connect(self._demand_changed)
        self.shelters.layerChanged.connect(self._shelters_changed)
        for combo, _, _ in self.layer_inputs():
            combo.layerChanged.connect(self.save)
        self.preset.activated.connect(self.save)
        self.plan_button.clicked.connect(self.plan_evacuation)
        self.dispatch_button.clicked.connect(self.dispatch)
        self.index_button.clicked.connect(self.resilience_index)
        self.maps_button.clicked.connect(self.open_maps)
        self.refresh()

    # State ---------------------------------------------------------------------------------------
    def layer_inputs(self):
        """(combo, settings name, planning layer kinds it is chosen from) of the layer inputs."""
        return ((self.communities, 'communities', ('communities',)), (self.network, 'network', ('road_network',)),
                (self.demand, 'demand', ('population', 'population_points')),
                (self.shelters, 'shelters', ('shelters', 'shelter_candidates')),
                (self.forces, 'forces', ('emergency_forces',)))

    def restore(self):
        """The layers chosen last time in this project (by id), else layers of the right kind, else nothing."""
        self._restoring = True
        try:
            for combo, name, kinds in self.layer_inputs():
                self.settings.choose_layer(combo, name, kinds)
            self._demand_changed()
            self._shelters_changed()
            index = self.preset.findData(self.settings.value('preset', SHELTER_PRESETS[0].key))
            self.preset.setCurrentIndex(max(index, 0))
        finally:
            self._restoring = False

    def save(self, *args):
        if getattr(self, '_restoring', False):
            return
        for combo, name, _ in self.layer_inputs():
            self.settings.save_layer(name, combo.currentLayer())
        self.settings.set('preset', self.preset.currentData())

    def reset(self):
        """Another project: no run, no results, no figures of the previous one."""
        self.run_bar.reset()
        self.layers = {}
        self.plan_label.clear()
        self.dispatch_label.clear()
        self.table.setRowCount(0)

    def _demand_changed(self, *args):
        layer = self.demand.currentLayer()
        self.demand_field.setLayer(layer)
        if layer is not None and layer.fields().indexOf('population') >= 0:
            self.demand_field.setField('population')

    def _shelters_changed(self, *args):
        layer = self.shelters.currentLayer()
        self.capacity_field.setLayer(layer)
        for name in CAPACITY_FIELDS:
            if layer is not None and layer.fields().indexOf(name) >= 0:
                self.capacity_field.setField(name)
                break

    def _busy(self):
        return self.run_bar.is_running()

    def _ids(self, **combos):
        """Layer ids of the combos; None when one is empty."""
        out = {}
        for name, combo in combos.items():
            layer = combo.currentLayer()
            if layer is None:
                return None
            out[name] = layer.id()
        return out

    def _replace(self, role, layer, style, title, position=0):
        """Show ``layer`` as the result of ``role``, in place of the previous run's."""
        previous = project_layer_id(self.layers.get(role))
        if previous:
            QgsProject.instance().removeMapLayer(previous)
        layer.setName(title)
        self.layers[role] = add_layer(style(layer) if style else layer, THEME_COMMUNITY, position=position)
        return self.layers[role]

    # Evacuation plan ---------------------------------------------------------------------------
    def plan_parameters(self):
        ids = self._ids(SHELTERS=self.shelters, NETWORK=self.network, DEMAND=self.demand)
        if ids is None or not self.capacity_field.currentField() or not self.demand_field.currentField():
            return None
        preset = [p.key for p in COVERAGE_PRESETS].index(self.preset.currentData()) + 1
        return dict(ids, CAPACITY_FIELD=self.capacity_field.currentField(), PRESET=preset,
                    DEMAND_FIELD=self.demand_field.currentField(), OUTPUT='TEMPORARY_OUTPUT',
                    OUTPUT_ROUTES='TEMPORARY_OUTPUT', OUTPUT_SHELTERS='TEMPORARY_OUTPUT',
                    OUTPUT_ROADS='TEMPORARY_OUTPUT', OUTPUT_SUMMARY='TEMPORARY_OUTPUT')

    def plan_evacuation(self):
        if self._busy():
            return None
        parameters = self.plan_parameters()
        if parameters is None:
            self.plan_label.setText(tr('Choose the shelters with their capacity field, the road network and the '
                                       'residents with their population field.'))
            return None
        self.save()
        return self.run_bar.start(EVACUATION_PLAN, parameters, self._plan_done)

    def _plan_done(self, ok, results, run):
        if not ok:
            self.plan_finished.emit(False)
            return
        label = tr(self.preset.currentText())
        roads = results.get('OUTPUT_ROADS')
        if isinstance(roads, QgsVectorLayer):
            self._replace('roads', roads, style_road_loads, tr('People per road – {}').format(label))
        routes = results.get('OUTPUT_ROUTES')
        if isinstance(routes, QgsVectorLayer):
            self._replace('routes', routes, style_evacuation_routes, tr('Evacuation routes – {}').format(label))
        shelters = results.get('OUTPUT_SHELTERS')
        if isinstance(shelters, QgsVectorLayer):
            self._replace('plan_shelters', shelters, style_plan_shelters, tr('Shelter loads – {}').format(label))
        summary = results.get('OUTPUT_SUMMARY')
        if isinstance(summary, QgsVectorLayer):
            self._replace('summary', summary, None, tr('Evacuation plan summary – {}').format(label), position=None)
            self.show_plan(next(iter(summary.getFeatures()), None))
        self.plan_finished.emit(True)

    def show_plan(self, row):
        if row is None:
            return
        text = tr('Placed {placed} of {population}; no place within reach {none}; no shelter within the limit '
                  '{far}.').format(placed='{:,.0f}'.format(row['placed']),
                                   population='{:,.0f}'.format(row['population']),
                                   none='{:,.0f}'.format(row['unplaced_no_capacity']),
                                   far='{:,.0f}'.format(row['unplaced_unreachable']))
        if row['mean_distance_m'] is not None and row['nearest_mean_distance_m'] is not None:
            text += '\n' + tr('{:,.0f} m per person; nearest shelter {:,.0f} m, but {} shelters over capacity.').format(
                row['mean_distance_m'], row['nearest_mean_distance_m'], row['nearest_overloaded'])
        self.plan_label.setText(text)

    # Dispatch ----------------------------------------------------------------------------------
    def dispatch_parameters(self):
        ids = self._ids(FORCES=self.forces, NETWORK=self.network, INCIDENTS=self.incidents)
        if ids is None:
            return None
        forces = self.forces.currentLayer()
        parameters = dict(ids, REQUIRED_PERSONNEL=self.required.value(), MAX_TIME=self.time_limit.value(),
                          OUTPUT='TEMPORARY_OUTPUT', OUTPUT_INCIDENTS='TEMPORARY_OUTPUT')
        if forces.fields().indexOf('turnout_min') >= 0:
            parameters['DELAY_FIELD'] = 'turnout_min'
        communities = self.communities.currentLayer()
        if communities is not None:
            parameters.update(COMMUNITIES=communities.id(), OUTPUT_COVERAGE='TEMPORARY_OUTPUT')
            if self.demand.currentLayer() is not None and self.demand_field.currentField():
                parameters.update(DEMAND=self.demand.currentLayer().id(), DEMAND_FIELD=self.demand_field.currentField())
        return parameters

    def dispatch(self):
        if self._busy():
            return None
        parameters = self.dispatch_parameters()
        if parameters is None:
            self.dispatch_label.setText(tr('Choose the forces, the road network and a point layer of incidents.'))
            return None
        self.save()
        return self.run_bar.start(DISPATCH, parameters, self._dispatch_done)

    def _dispatch_done(self, ok, results, run):
        if not ok:
            self.dispatch_finished.emit(False)
            return
        lines = results.get('OUTPUT')
        if isinstance(lines, QgsVectorLayer):
            self._replace('dispatch', lines, style_dispatch, tr('Dispatched forces'))
        coverage = results.get('OUTPUT_COVERAGE')
        if isinstance(coverage, QgsVectorLayer):
            self._replace('force_coverage', coverage, None, tr('Community coverage by forces'), position=None)
        incidents = results.get('OUTPUT_INCIDENTS')
        text = []
        if isinstance(incidents, QgsVectorLayer):
            for feature in incidents.getFeatures():
                if feature['met']:
                    text.append(tr('Incident {}: {:,.0f} personnel on scene after {:.1f} min; forces sent: {}.').format(
                        feature['incident_id'], feature['sent'], feature['time_met_min'], feature['forces']))
                else:
                    text.append(tr('Incident {}: short of {:,.0f} personnel within the limit.').format(
                        feature['incident_id'], feature['shortfall']))
        self.dispatch_label.setText('\n'.join(text[:6]) or tr('No incident.'))
        self.dispatch_finished.emit(True)

    # Resilience index and maps -----------------------------------------------------------------
    def index_parameters(self):
        ids = self._ids(COMMUNITIES=self.communities, DEMAND=self.demand)
        if ids is None or not self.demand_field.currentField():
            return None
        parameters = dict(ids, DEMAND_FIELD=self.demand_field.currentField(), OUTPUT='TEMPORARY_OUTPUT')
        if self.network.currentLayer() is not None:
            parameters['NETWORK'] = self.network.currentLayer().id()
        path = self.database_path()
        if path and os.path.exists(path):
            parameters['DATABASE'] = path
        plan_shelters = project_layer_id(self.layers.get('plan_shelters'))
        if plan_shelters:
            parameters.update(SHELTERS=plan_shelters, CAPACITY_FIELD='capacity')
        elif self.shelters.currentLayer() is not None and self.capacity_field.currentField():
            parameters.update(SHELTERS=self.shelters.currentLayer().id(),
                              CAPACITY_FIELD=self.capacity_field.currentField())
        return parameters

    def resilience_index(self):
        if self._busy():
            return None
        parameters = self.index_parameters()
        if parameters is None:
            self.run_bar.status.setText(tr('Choose the communities and the residents with their population field.'))
            return None
        self.save()
        return self.run_bar.start(RESILIENCE_INDEX, parameters, self._index_done)

    def _index_done(self, ok, results, run):
        layer = results.get('OUTPUT') if ok else None
        if not isinstance(layer, QgsVectorLayer):
            self.index_finished.emit(False)
            return
        self._replace('index', layer, style_resilience_index, tr('Resilience index'), position=None)
        self.fill_table(layer)
        self.index_finished.emit(True)

    def fill_table(self, layer):
        rows = sorted(layer.getFeatures(), key=lambda f: (f['rank'] is None, f['rank'] or 0))
        self.table.setRowCount(0)
        for feature in rows:
            row = self.table.rowCount()
            self.table.insertRow(row)
            cells = ['' if feature['rank'] is None else str(feature['rank']), str(feature['community']),
                     '-' if feature['resilience_index'] is None else '{:.2f}'.format(feature['resilience_index']),
                     '-' if feature['rank_stability'] is None else '{:.0%}'.format(feature['rank_stability'])]
            for column, value in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(value))

    def maps_parameters(self):
        """resilience:community_risk_map's parameters as far as the tab knows them (the dialog asks the rest)."""
        parameters = {'DATABASE': self.database_path(), 'LANGUAGE': report_language()}
        for name, combo in (('COMMUNITIES', self.communities), ('DEMAND', self.demand)):
            if combo.currentLayer() is not None:
                parameters[name] = combo.currentLayer().id()
        if self.demand_field.currentField():
            parameters['DEMAND_FIELD'] = self.demand_field.currentField()
        for name, role in (('ROUTES', 'routes'), ('SHELTER_LOADS', 'plan_shelters')):
            layer_id = project_layer_id(self.layers.get(role))
            if layer_id:
                parameters[name] = layer_id
        return parameters

    def open_maps(self):
        import processing
        processing.execAlgorithmDialog(COMMUNITY_RISK_MAP, self.maps_parameters())

    def report_layers(self):
        """The result layers of this tab that resilience:planning_report reads ({parameter: layer})."""
        layers = {'EVACUATION_SUMMARY': self.layers.get('summary'), 'RESILIENCE_INDEX': self.layers.get('index'),
                  'FORCE_COVERAGE': self.layers.get('force_coverage')}
        return {name: layer for name, layer in layers.items() if layer is not None}

    def refresh(self, *args):
        self.maps_button.setEnabled(bool(self.database_path()) and AlgorithmRun.available(COMMUNITY_RISK_MAP))

    def shutdown(self):
        self.run_bar.cancel()
