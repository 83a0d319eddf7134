"""Risk tab: influence zones of the risk sources, exposure to a zone layer or a hazard raster, and the
risk list as a table whose rows zoom the map to their risk source."""
from qgis.core import QgsProject, QgsRasterLayer, QgsVectorLayer
from qgis.gui import QgsMapLayerComboBox
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import (QAbstractItemView, QGroupBox, QPushButton, QTableWidget,
                                 QTableWidgetItem, QVBoxLayout, QWidget)

from .. import compat
from ..definitions import N_, NETWORK_TYPE, RISK_GRADE, RISK_SOURCE_KIND, THEME_RISK
from ..qgis_io.project import add_layer, layer_kind
from ..qgis_io.result_styles import style_by_grade
from ..translation import tr
from .common import (PanelSettings, RunBar, choice_label, fit_table, layer_input, last_warning,
                     project_layer_id, stacked_form, zoom_to_feature, zoom_to_geometry)
from .widgets import wrapping_label

# Planning layer kinds counted by exposure and the risk list.
TARGET_TABLES = ('lifelines', 'road_network', 'shelters', 'shelter_candidates', 'facilities', 'buildings',
                 'population', 'population_points')
# Planning layer kinds the risk sources are chosen from when a project opens.
SOURCE_KINDS = ('risk_sources', 'risk_source_areas')
SOURCE_FIELDS = (('KIND_FIELD', 'kind'), ('GRADE_FIELD', 'risk_grade'), ('DISTANCE_FIELD', 'safety_distance_m'),
                 ('RESPONSIBLE_FIELD', 'responsible_unit'))
# The columns that fit a narrow dock (the grade as its colour); every field of the row is in its tooltip.
TABLE_COLUMNS = (('rank', '#'), ('grade_label', N_('Grade')), ('name', N_('Name')), ('people', N_('People')))
NAME_COLUMN = 2
# What exposure counted (its ``target`` codes), in words.
TARGET_WORDS = {'lifeline': N_('Lifelines'), 'shelter': N_('Shelters'), 'facility': N_('Facilities'),
                'building': N_('Buildings'), 'population': N_('Population')}


def target_layers(project=None):
    """Non-empty planning layers of the project that exposure and the risk list count."""
    project = project or QgsProject.instance()
    layers = []
    for layer in project.mapLayers().values():
        if layer_kind(layer) in TARGET_TABLES and layer.featureCount() > 0:
            layers.append(layer)
    return sorted(layers, key=lambda layer: TARGET_TABLES.index(layer_kind(layer)))


def exposure_line(feature):
    """One row of the exposure summary in words: 'Water supply · Major risk (red): 1,234 m'."""
    target, network = feature['target'], feature['network']
    if target == 'lifeline' and network:
        what = choice_label(NETWORK_TYPE, network)
    elif target in TARGET_WORDS:
        what = tr(TARGET_WORDS[target])
    else:
        what = str(feature['layer'] or '')
    hazard = feature['hazard_class']
    hazard = choice_label(RISK_GRADE, hazard) if hazard not in (None, '') else ''
    amounts = []
    if feature['exposed_length_m']:
        amounts.append(tr('{} m').format('{:,.0f}'.format(feature['exposed_length_m'])))
    if feature['count']:
        amounts.append(tr('{} sites').format(feature['count']))
    if feature['unusable']:
        amounts.append(tr('{} unusable').format(feature['unusable']))
    if feature['population']:
        amounts.append(tr('{} people').format('{:,.0f}'.format(feature['population'])))
    head = ' · '.join(part for part in (what, hazard) if part)
    return '{}: {}'.format(head, ', '.join(amounts)) if amounts else head


class RiskPanel(QWidget):
    zones_finished = pyqtSignal(bool)
    exposure_finished = pyqtSignal(bool)
    list_finished = pyqtSignal(bool)

    def __init__(self, iface, parent=None):
        super().__init__(parent)
        self.iface = iface
        self.settings = PanelSettings('risk')
        self.zones_layer = None
        self.list_layer = None
        self.exposure_layers = []
        layout = QVBoxLayout(self)

        sources_box = QGroupBox(tr('Risk sources'))
        form = stacked_form(sources_box)
        self.sources = QgsMapLayerComboBox()
        self.sources.setFilters(compat.LAYER_FILTER_POINT | compat.LAYER_FILTER_POLYGON)
        form.addRow(tr('Layer'), layer_input(self.sources))
        self.zones_button = QPushButton(tr('Build influence zones'))
        self.list_button = QPushButton(tr('Open risk list'))
        form.addRow(self.zones_button)
        form.addRow(self.list_button)
        layout.addWidget(sources_box)

        exposure_box = QGroupBox(tr('Exposure'))
        form = stacked_form(exposure_box)
        self.zones = QgsMapLayerComboBox()
        self.zones.setFilters(compat.LAYER_FILTER_POLYGON)
        form.addRow(tr('Risk zones'), layer_input(self.zones))  # chosen or set by "Build influence zones"
        self.hazard = QgsMapLayerComboBox()
        self.hazard.setFilters(compat.LAYER_FILTER_RASTER)
        form.addRow(tr('or hazard raster'), layer_input(self.hazard))
        self.exposure_button = QPushButton(tr('Run exposure'))
        form.addRow(self.exposure_button)
        self.exposure_label = wrapping_label()
        form.addRow(self.exposure_label)
        layout.addWidget(exposure_box)

        self.run_bar = RunBar(tr('Run'))
        self.run_bar.run_button.hide()
        layout.addWidget(self.run_bar)

        self.table = QTableWidget(0, len(TABLE_COLUMNS))
        self.table.setHorizontalHeaderLabels([tr(title) for _, title in TABLE_COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        fit_table(self.table, stretch=NAME_COLUMN)
        self.table.setToolTip(tr('Click a row to zoom to its risk source'))
        layout.addWidget(self.table, 1)

        self.restore()
        self.sources.layerChanged.connect(self.save)
        self.zones_button.clicked.connect(self.build_zones)
        self.exposure_button.clicked.connect(self.run_exposure)
        self.list_button.clicked.connect(self.open_risk_list)
        self.table.itemSelectionChanged.connect(self.zoom_to_selected_row)

    def restore(self):
        """The risk sources chosen last time in this project, else a risk-source layer, else nothing."""
        self.settings.choose_layer(self.sources, 'sources', SOURCE_KINDS)
        self.save()

    def save(self, *args):
        self.settings.save_layer('sources', self.sources.currentLayer())

    def reset(self):
        """Another project: no run, no results, no table of the previous one."""
        self.run_bar.reset()
        self.zones_layer, self.list_layer, self.exposure_layers = None, None, []
        self.zones.setLayer(None)
        self.hazard.setLayer(None)
        self.exposure_label.clear()
        self.table.setRowCount(0)

    def source_parameters(self):
        """The risk-source layer and, when it has them, the planning-database fields of its attributes
        (a recorded safety distance overrides the distance table, as the algorithms document)."""
        layer = self.sources.currentLayer()
        parameters = {'RISK_SOURCES': layer.id()}
        for name, field in SOURCE_FIELDS:
            if layer.fields().indexOf(field) >= 0:
                parameters[name] = field
        return parameters

    def _busy(self):
        return self.run_bar.is_running()

    # Influence zones -----------------------------------------------------------------------------
    def _need_sources(self):
        if self.sources.currentLayer() is None:
            self.run_bar.status.setText(tr('Choose the risk-source layer.'))
            return True
        return False

    def build_zones(self):
        if self._busy() or self._need_sources():
            return None
        parameters = dict(self.source_parameters(), OUTPUT='TEMPORARY_OUTPUT')
        return self.run_bar.start('resilience:risk_influence_zones', parameters, self._zones_done)

    def _zones_done(self, ok, results, run):
        layer = results.get('OUTPUT') if ok else None
        if isinstance(layer, QgsVectorLayer) and layer.featureCount() == 0:
            self.run_bar.done(tr('No influence zone: {} has no risk source with a known kind or safety distance.')
                              .format(self.sources.currentLayer().name()) + last_warning(run))
            layer = None
        if isinstance(layer, QgsVectorLayer):
            layer.setName(tr('Risk influence zones'))
            self.zones_layer = add_layer(style_by_grade(layer, opacity=0.45), THEME_RISK)
            self.zones.setLayer(layer)
            self.run_bar.done(tr('Influence zones added to the group {}.').format(tr(THEME_RISK)))
        self.zones_finished.emit(isinstance(layer, QgsVectorLayer))

    def report_layers(self):
        """The influence zones and risk list this tab added, as inputs of resilience:planning_report."""
        return {name: layer for name, layer in (('RISK_ZONES', self.zones_layer), ('RISK_LIST', self.list_layer))
                if project_layer_id(layer)}

    # Exposure ------------------------------------------------------------------------------------
    def exposure_parameters(self):
        targets = [layer.id() for layer in target_layers()]
        parameters = {'TARGETS': targets, 'OUTPUT': 'TEMPORARY_OUTPUT', 'OUTPUT_SITES': 'TEMPORARY_OUTPUT',
                      'OUTPUT_SUMMARY': 'TEMPORARY_OUTPUT'}
        hazard = self.hazard.currentLayer()
        if isinstance(hazard, QgsRasterLayer):
            parameters['HAZARD'] = hazard.id()
        elif self.zones.currentLayer() is not None:
            parameters['ZONES'] = self.zones.currentLayer().id()
        return parameters

    def run_exposure(self):
        if self._busy():
            return None
        parameters = self.exposure_parameters()
        if 'HAZARD' not in parameters and 'ZONES' not in parameters:
            self.exposure_label.setText(tr('Choose risk zones or a hazard raster.'))
            return None
        if not parameters['TARGETS']:
            self.exposure_label.setText(tr('Add the layers of a planning database first (Overlay tab).'))
            return None
        return self.run_bar.start('resilience:exposure', parameters, self._exposure_done)

    def _exposure_done(self, ok, results, run):
        self.exposure_layers = []
        if not ok:
            self.exposure_finished.emit(False)
            return
        for name, title in (('OUTPUT', tr('Exposed lifeline segments')), ('OUTPUT_SITES', tr('Exposed sites'))):
            layer = results.get(name)
            if isinstance(layer, QgsVectorLayer) and layer.featureCount() > 0:
                layer.setName(title)
                self.exposure_layers.append(add_layer(layer, THEME_RISK, position=0))
        summary = results.get('OUTPUT_SUMMARY')
        lines = [exposure_line(feature) for feature in summary.getFeatures()] \
            if isinstance(summary, QgsVectorLayer) else []
        if lines:
            self.exposure_label.setText('\n'.join(lines[:12]))
            self.run_bar.done(tr('{} layers added.').format(len(self.exposure_layers)))
        else:
            nothing = tr('Nothing of the planning layers lies in the risk zones or hazard.')
            self.exposure_label.setText(nothing)
            self.run_bar.done(nothing)
        self.exposure_finished.emit(True)

    # Risk list -----------------------------------------------------------------------------------
    def open_risk_list(self):
        if self._busy() or self._need_sources():
            return None
        parameters = dict(self.source_parameters(), TARGETS=[layer.id() for layer in target_layers()],
                          OUTPUT='TEMPORARY_OUTPUT')
        return self.run_bar.start('resilience:risk_list', parameters, self._list_done)

    def _list_done(self, ok, results, run):
        layer = results.get('OUTPUT') if ok else None
        if not isinstance(layer, QgsVectorLayer):
            self.list_finished.emit(False)
            return
        self.fill_table(layer)
        if layer.featureCount() == 0:
            self.list_layer = None
            self.run_bar.done(tr('The risk list is empty: {} has no risk sources.').format(
                self.sources.currentLayer().name()))
            self.list_finished.emit(True)
            return
        layer.setName(tr('Risk list'))
        self.list_layer = add_layer(style_by_grade(layer, size=4.0), THEME_RISK, position=0)
        self.run_bar.done(tr('Risk list of {} risk sources added to the group {}.').format(layer.featureCount(),
                                                                                         tr(THEME_RISK)))
        self.list_finished.emit(True)

    def fill_table(self, layer):
        self.table.setRowCount(0)
        colours = {c.code: c.colour for c in RISK_GRADE.choices}
        for feature in layer.getFeatures():
            row = self.table.rowCount()
            self.table.insertRow(row)
            tooltip = risk_row_tooltip(feature)
            for column, (name, _) in enumerate(TABLE_COLUMNS):
                value = feature[name]
                if name == 'grade_label':
                    text = ''   # the grade's colour (the risk-list convention); its words are in the tooltip
                elif name == 'name':
                    text = source_name(feature)
                elif isinstance(value, float):
                    text = '{:,.0f}'.format(value)
                else:
                    text = '' if value is None or str(value) == 'NULL' else str(value)
                item = QTableWidgetItem(text)
                item.setToolTip(tooltip)
                if name == 'grade_label' and feature['risk_grade'] in colours:
                    item.setData(Qt.ItemDataRole.DecorationRole, QColor(colours[feature['risk_grade']]))
                if name in ('rank', 'people'):
                    item.setTextAlignment(int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter))
                if column == 0:
                    item.setData(_user_role(), (feature.id(), feature['feature_id']))
                self.table.setItem(row, column, item)

    def zoom_to_selected_row(self):
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or self.list_layer is None:
            return False
        list_fid, source_fid = self.table.item(rows[0].row(), 0).data(_user_role())
        canvas = self.iface.mapCanvas() if self.iface is not None else None
        sources = self.sources.currentLayer()
        if sources is not None and source_fid is not None and zoom_to_feature(canvas, sources, source_fid):
            return True
        feature = self.list_layer.getFeature(list_fid)
        return zoom_to_geometry(canvas, feature.geometry(), self.list_layer.crs())

    def shutdown(self):
        self.run_bar.cancel()


def source_name(feature):
    """A risk source's name, else its kind in words ('Fuel station')."""
    name = feature['name']
    return str(name) if name else choice_label(RISK_SOURCE_KIND, feature['kind'])


def risk_row_tooltip(feature):
    """Everything the risk list says about one risk source, in words (the table shows the main columns)."""
    def number(name):
        value = feature[name]
        return '{:,.0f}'.format(value) if isinstance(value, (int, float)) else '0'
    lines = ['{}. {}'.format(feature['rank'], source_name(feature)),
             tr('Kind: {}').format(choice_label(RISK_SOURCE_KIND, feature['kind'])),
             tr('Grade: {}').format(feature['grade_label'] or ''),
             tr('People: {}').format(number('people')),
             tr('Shelters: {}').format(number('shelters')),
             tr('Facilities: {}').format(number('facilities')),
             tr('Lifelines: {} m').format(number('lifeline_m'))]
    return '\n'.join(lines)


def _user_role():
    return Qt.ItemDataRole.UserRole
