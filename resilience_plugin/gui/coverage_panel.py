"""Coverage tab: facility, network and demand layers and a planning preset; runs the coverage algorithms
in the background and shows what they report (no figure is computed here)."""
from qgis.gui import QgsFieldComboBox, QgsMapLayerComboBox
from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import QComboBox, QGroupBox, QVBoxLayout, QWidget

from .. import compat
from ..definitions import COVERAGE_PRESETS, LAYERS_BY_NAME, PRESETS_BY_KEY
from ..qgis_io.project import add_layer
from ..qgis_io.result_styles import (COVERED_COLOUR, LOAD_COLOUR, OVERLOADED_COLOUR, UNCOVERED_COLOUR, format_load,
                                     style_coverage_demand, style_facility_loads, style_service_areas)
from ..translation import tr
from .common import PanelSettings, RunBar, find_db_layer, fit_combo, layer_input, stacked_form
from .tasks import AlgorithmRun
from .widgets import BarChart, wrapping_label

POPULATION_COVERAGE = 'resilience:population_coverage'
SERVICE_AREAS = 'resilience:service_areas'
CAPACITY_FIELDS = ('capacity_persons', 'capacity')
MOST_OVERLOADED = 3
# Planning layer kinds each input is chosen from when a project opens (facilities: the preset's own kind).
NETWORK_KINDS = ('road_network',)
DEMAND_KINDS = ('population', 'population_points')


def preset_limit(preset):
    """The preset's reach in words: '500 m' or '4 min at 30 km/h'."""
    if preset.max_distance_m is not None:
        return tr('{} m').format('{:,.0f}'.format(preset.max_distance_m))
    return tr('{} min at {} km/h').format('{:g}'.format(preset.max_time_min), '{:g}'.format(preset.speed_kmh))


def preset_tooltip(preset):
    return '{}\n{}\n{}'.format(tr(preset.label), preset_limit(preset),
                               '\n'.join('• ' + s.describe() for s in preset.sources))


class CoveragePanel(QWidget):
    coverage_finished = pyqtSignal(bool)
    inputs_changed = pyqtSignal()   # facilities, network or preset changed: answers about the old ones are stale

    def __init__(self, iface, parent=None):
        super().__init__(parent)
        self.iface = iface
        self.settings = PanelSettings('coverage')
        self.results = {}
        self.summary = {}
        self.added_layers = []
        self._pending = {}
        layout = QVBoxLayout(self)

        inputs = QGroupBox(tr('Inputs'))
        form = stacked_form(inputs)
        self.preset = QComboBox()
        self.preset.setProperty('own_tooltip', True)  # the preset's sources
        for preset in COVERAGE_PRESETS:
            self.preset.addItem(tr(preset.label), preset.key)
            self.preset.setItemData(self.preset.count() - 1, preset_tooltip(preset), _tooltip_role())
        form.addRow(tr('Preset'), fit_combo(self.preset))
        # Every layer input may be empty: a project without a layer of the right kind leaves it empty rather
        # than showing whatever layer comes first.
        self.facilities = QgsMapLayerComboBox()
        self.facilities.setFilters(compat.LAYER_FILTER_POINT | compat.LAYER_FILTER_POLYGON)
        form.addRow(tr('Facilities'), self.facilities)
        self.network = QgsMapLayerComboBox()
        self.network.setFilters(compat.LAYER_FILTER_LINE)
        form.addRow(tr('Road network'), self.network)
        self.demand = QgsMapLayerComboBox()
        self.demand.setFilters(compat.LAYER_FILTER_POINT | compat.LAYER_FILTER_POLYGON)
        form.addRow(tr('Demand'), self.demand)
        for combo in (self.facilities, self.network, self.demand):
            layer_input(combo)
        self.demand_field = QgsFieldComboBox()
        self.demand_field.setFilters(compat.FIELD_FILTER_NUMERIC)
        form.addRow(tr('Population field'), fit_combo(self.demand_field))
        layout.addWidget(inputs)

        self.run_bar = RunBar(tr('Run coverage'))
        layout.addWidget(self.run_bar)

        results = QGroupBox(tr('Summary'))
        results_layout = QVBoxLayout(results)
        self.summary_label = wrapping_label(tr('Run the coverage to see the population covered.'))
        results_layout.addWidget(self.summary_label)
        self.chart = BarChart()
        results_layout.addWidget(self.chart)
        layout.addWidget(results)
        layout.addStretch(1)

        self.restore()
        self.demand.layerChanged.connect(self._demand_changed)
        self.preset.activated.connect(self._preset_chosen)
        self.preset.currentIndexChanged.connect(self._preset_changed)
        for combo in (self.facilities, self.network, self.demand):
            combo.layerChanged.connect(self.save)
        for combo in (self.facilities, self.network):
            combo.layerChanged.connect(lambda *args: self.inputs_changed.emit())
        self.preset.currentIndexChanged.connect(lambda *args: self.inputs_changed.emit())
        self.demand_field.fieldChanged.connect(self.save)
        self.run_bar.run_requested.connect(self.run)

    # State ---------------------------------------------------------------------------------------
    def restore(self):
        key = self.settings.value('preset', COVERAGE_PRESETS[0].key)
        index = self.preset.findData(key)
        self.preset.setCurrentIndex(max(index, 0))
        self._preset_changed()
        self.restore_layers()

    def layer_inputs(self):
        """(combo, settings name, planning layer kinds it is chosen from) of the three layer inputs."""
        return ((self.facilities, 'facilities', (self.current_preset().facility_layer,)),
                (self.network, 'network', NETWORK_KINDS),
                (self.demand, 'demand', DEMAND_KINDS))

    def restore_layers(self):
        """Select the layers chosen last time in this project (by id), else layers of the right kind (the kind
        chosen last first), else nothing."""
        saved_field = self.settings.value('demand_field', '')
        self._restoring = True
        try:
            for combo, name, kinds in self.layer_inputs():
                self.settings.choose_layer(combo, name, kinds)
            self._demand_changed()
            demand = self.demand.currentLayer()
            if saved_field and demand is not None and demand.fields().indexOf(saved_field) >= 0:
                self.demand_field.setField(saved_field)
        finally:
            self._restoring = False
        self.save()

    def save(self, *args):
        if getattr(self, '_restoring', False):
            return
        for combo, name, _ in self.layer_inputs():
            self.settings.save_layer(name, combo.currentLayer())
        if self.demand_field.currentField():
            self.settings.set('demand_field', self.demand_field.currentField())

    def reset(self):
        """Another project: no run, no results, no summary of the previous one."""
        self.run_bar.reset()
        self._pending = {}
        self.results, self.summary, self.added_layers = {}, {}, []
        self.summary_label.setText(tr('Run the coverage to see the population covered.'))
        self.chart.set_bars([])

    def current_preset(self):
        return PRESETS_BY_KEY[self.preset.currentData()]

    def _preset_changed(self, *args):
        preset = self.current_preset()
        self.preset.setToolTip(preset_tooltip(preset))
        self.settings.set('preset', preset.key)

    def _preset_chosen(self, *args):
        """The user picked a preset: its kind of facilities (shelters, fire stations...) when the project has them."""
        layer = find_db_layer(self.current_preset().facility_layer)
        if layer is not None:
            self.facilities.setLayer(layer)

    def _demand_changed(self, *args):
        layer = self.demand.currentLayer()
        self.demand_field.setLayer(layer)
        if layer is not None and layer.fields().indexOf('population') >= 0:
            self.demand_field.setField('population')

    # Run -----------------------------------------------------------------------------------------
    def base_parameters(self):
        facilities, network = self.facilities.currentLayer(), self.network.currentLayer()
        parameters = {'FACILITIES': facilities.id() if facilities else None,
                      'PRESET': [p.key for p in COVERAGE_PRESETS].index(self.current_preset().key) + 1}
        if network is not None:
            parameters['NETWORK'] = network.id()
        return parameters

    def coverage_parameters(self):
        parameters = self.base_parameters()
        facilities, demand = self.facilities.currentLayer(), self.demand.currentLayer()
        if facilities is not None:
            for name in CAPACITY_FIELDS:
                if facilities.fields().indexOf(name) >= 0:
                    parameters['CAPACITY_FIELD'] = name
                    break
        parameters.update({'DEMAND': demand.id() if demand else None,
                           'DEMAND_FIELD': self.demand_field.currentField(),
                           'OUTPUT_DEMAND': 'TEMPORARY_OUTPUT', 'OUTPUT_FACILITIES': 'TEMPORARY_OUTPUT',
                           'OUTPUT_SUMMARY': 'TEMPORARY_OUTPUT'})
        return parameters

    def area_parameters(self):
        parameters = self.base_parameters()
        parameters['OUTPUT_POLYGONS'] = 'TEMPORARY_OUTPUT'
        if not AlgorithmRun.available(POPULATION_COVERAGE):
            parameters['OUTPUT_FACILITIES'] = 'TEMPORARY_OUTPUT'
        return parameters

    def run(self):
        """Population coverage (if available), then the service areas; layers are added when both are done."""
        if self.run_bar.is_running():
            return None
        if self.facilities.currentLayer() is None:
            self.run_bar.status.setText(tr('Choose a facility layer.'))
            return None
        self.save()
        self._pending = {}
        if AlgorithmRun.available(POPULATION_COVERAGE):
            if self.demand.currentLayer() is None or not self.demand_field.currentField():
                self.run_bar.status.setText(tr('Choose a demand layer and its population field.'))
                return None
            return self.run_bar.start(POPULATION_COVERAGE, self.coverage_parameters(), self._coverage_done,
                                      span=(0.0, 60.0))
        return self._start_areas()

    def _start_areas(self):
        """Service areas alone (population coverage not available)."""
        if self.network.currentLayer() is None:
            self.run_bar.status.setText(tr('Service areas need a road network.'))
            return None
        return self.run_bar.start(SERVICE_AREAS, self.area_parameters(), self._areas_done)

    def _coverage_done(self, ok, results, run):
        if not ok:
            self._finish(False)
            return
        self._pending.update(results)
        if self.network.currentLayer() is None:  # straight-line coverage: no service-area polygons
            self._finish(True)
            return
        if self.run_bar.start(SERVICE_AREAS, self.area_parameters(), self._areas_done, span=(60.0, 100.0)) is None:
            self._pending = {}
            self._finish(False)

    def _areas_done(self, ok, results, run):
        if not ok:
            self._pending = {}
            self._finish(False)
            return
        self._pending['OUTPUT_POLYGONS'] = results.get('OUTPUT_POLYGONS')
        if 'OUTPUT_FACILITIES' not in self._pending:
            self._pending['OUTPUT_FACILITIES'] = results.get('OUTPUT_FACILITIES')
        self._finish(True)

    def _finish(self, ok):
        """Add the layers of a complete run (never part of one), fill the summary, tell listeners."""
        pending, self._pending = self._pending, {}
        if not ok:
            self.coverage_finished.emit(False)
            return
        preset = self.current_preset()
        theme = LAYERS_BY_NAME[preset.facility_layer].theme
        label = tr(preset.label)
        added = []
        areas = pending.get('OUTPUT_POLYGONS')
        if areas is not None and not isinstance(areas, str):
            areas.setName(tr('Service areas – {}').format(label))
            added.append(add_layer(style_service_areas(areas), theme))
        demand = pending.get('OUTPUT_DEMAND')
        if demand is not None and not isinstance(demand, str):
            demand.setName(tr('Demand coverage – {}').format(label))
            added.append(add_layer(style_coverage_demand(demand), LAYERS_BY_NAME['population'].theme, position=0))
        loads = pending.get('OUTPUT_FACILITIES')
        if loads is not None and not isinstance(loads, str):
            loads.setName(tr('Facility loads – {}').format(label))
            if loads.fields().indexOf('overloaded') >= 0:
                style_facility_loads(loads)
            added.append(add_layer(loads, theme, position=0))
        summary = pending.get('OUTPUT_SUMMARY')
        if summary is not None and not isinstance(summary, str):
            summary.setName(tr('Coverage summary – {}').format(label))
            added.append(add_layer(summary, LAYERS_BY_NAME['population'].theme))  # a table, for the report
        self.added_layers = added
        self.results = pending
        empty = self.show_summary(summary, loads)
        self.run_bar.done(empty or tr('{} layers added.').format(len(added)))
        self.coverage_finished.emit(True)

    def report_layers(self):
        """The last run's layers as inputs of resilience:planning_report ({parameter: layer}). Facility loads
        count only from population_coverage (service_areas' facility output has no loads)."""
        layers = {'SERVICE_AREAS': self.results.get('OUTPUT_POLYGONS')}
        if self.results.get('OUTPUT_DEMAND') is not None:
            layers.update(COVERAGE_DEMAND=self.results.get('OUTPUT_DEMAND'),
                          COVERAGE_FACILITIES=self.results.get('OUTPUT_FACILITIES'),
                          COVERAGE_SUMMARY=self.results.get('OUTPUT_SUMMARY'))
        return {name: layer for name, layer in layers.items() if layer is not None and not isinstance(layer, str)}

    # Summary -------------------------------------------------------------------------------------
    def show_summary(self, summary_layer, loads):
        """Figures as the algorithm wrote them: the Total row of OUTPUT_SUMMARY and the facility loads.

        Returns why the result is empty (for the status line), or '' when it is not."""
        self.summary = {}
        if summary_layer is None or isinstance(summary_layer, str):
            count = loads.featureCount() if loads is not None and not isinstance(loads, str) else 0
            self.summary_label.setText(tr('Service areas of {} facilities added.').format(count))
            self.chart.set_bars([])
            return '' if count else tr('No facility could be placed on the road network.')
        total = next(iter(summary_layer.getFeatures()), None)
        if total is None:
            self.summary_label.setText(tr('The coverage summary is empty.'))
            self.chart.set_bars([])
            return tr('The coverage summary is empty.')
        self.summary = {'population': total['population'], 'covered': total['covered'],
                        'uncovered': total['uncovered'], 'share_covered': total['share_covered']}
        overloaded = []
        bars_facilities = []
        if loads is not None and not isinstance(loads, str):
            names = loads.fields().indexOf('name') >= 0
            for feature in loads.getFeatures():
                name = feature['name'] if names and feature['name'] else tr('Facility {}').format(
                    feature['facility_id'])
                if feature['overloaded']:
                    overloaded.append((feature['load_ratio'] or 0.0, str(name)))
                bars_facilities.append((str(name), feature['population'] or 0.0,
                                        OVERLOADED_COLOUR if feature['overloaded'] else LOAD_COLOUR))
        overloaded.sort(reverse=True)
        self.summary['overloaded'] = [name for _, name in overloaded[:MOST_OVERLOADED]]
        text = tr('Population {population}: covered {covered} ({share}), uncovered {uncovered}.').format(
            population='{:,.0f}'.format(total['population']), covered='{:,.0f}'.format(total['covered']),
            share='{:.1%}'.format(total['share_covered'] or 0.0), uncovered='{:,.0f}'.format(total['uncovered']))
        if overloaded:
            text += '\n' + tr('Most overloaded: {}').format(', '.join(
                tr('{} (load {} of capacity)').format(name, format_load(ratio))
                for ratio, name in overloaded[:MOST_OVERLOADED]))
        else:
            text += '\n' + tr('No facility is overloaded.')
        self.summary_label.setText(text)
        bars_facilities.sort(key=lambda bar: -bar[1])
        self.chart.set_bars([(tr('Covered'), total['covered'], COVERED_COLOUR),
                             (tr('Uncovered'), total['uncovered'], UNCOVERED_COLOUR)] + bars_facilities[:4])
        return self.empty_reason(total)

    def empty_reason(self, total):
        """Why nobody is covered, in the planner's words; '' when somebody is."""
        if not (total['population'] or 0):
            return tr('The demand layer has no population in the field {}.').format(self.demand_field.currentField())
        if not (total['covered'] or 0):
            return tr('No facility reaches any demand within {}.').format(preset_limit(self.current_preset()))
        return ''

    def shutdown(self):
        self.run_bar.cancel()


def _tooltip_role():
    from qgis.PyQt.QtCore import Qt
    return Qt.ItemDataRole.ToolTipRole
