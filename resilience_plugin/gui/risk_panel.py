"""Risk tab: influence zones of the risk sources, exposure to a zone layer or a hazard raster, and the
risk list as a table whose rows zoom the map to their risk source."""
from qgis.core import QgsProject, QgsRasterLayer, QgsVectorLayer
from qgis.gui import QgsMapLayerComboBox
from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import (QAbstractItemView, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
                                 QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from .. import compat
from ..definitions import N_, RISK_GRADE, THEME_RISK
from ..qgis_io.project import add_layer
from ..qgis_io.result_styles import style_by_grade
from ..translation import tr
from .common import PanelSettings, RunBar, db_layer_name, find_db_layer, zoom_to_feature, zoom_to_geometry

# Planning-database tables counted by exposure and the risk list.
TARGET_TABLES = ('lifelines', 'road_network', 'shelters', 'shelter_candidates', 'facilities', 'buildings',
                 'population', 'population_points')
SOURCE_FIELDS = (('KIND_FIELD', 'kind'), ('GRADE_FIELD', 'risk_grade'), ('DISTANCE_FIELD', 'safety_distance_m'),
                 ('RESPONSIBLE_FIELD', 'responsible_unit'))
TABLE_COLUMNS = (('rank', '#'), ('name', N_('Name')), ('grade_label', N_('Grade')), ('kind', N_('Kind')),
                 ('people', N_('People')), ('shelters', N_('Shelters')), ('lifeline_m', N_('Lifelines (m)')))


def target_layers(project=None):
    """Non-empty planning layers of the project that exposure and the risk list count."""
    project = project or QgsProject.instance()
    layers = []
    for layer in project.mapLayers().values():
        if db_layer_name(layer) in TARGET_TABLES and layer.featureCount() > 0:
            layers.append(layer)
    return sorted(layers, key=lambda layer: TARGET_TABLES.index(db_layer_name(layer)))


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
        form = QFormLayout(sources_box)
        self.sources = QgsMapLayerComboBox()
        self.sources.setFilters(compat.LAYER_FILTER_POINT | compat.LAYER_FILTER_POLYGON)
        form.addRow(tr('Layer'), self.sources)
        buttons = QHBoxLayout()
        self.zones_button = QPushButton(tr('Build influence zones'))
        self.list_button = QPushButton(tr('Open risk list'))
        buttons.addWidget(self.zones_button)
        buttons.addWidget(self.list_button)
        form.addRow(buttons)
        layout.addWidget(sources_box)

        exposure_box = QGroupBox(tr('Exposure'))
        form = QFormLayout(exposure_box)
        self.zones = QgsMapLayerComboBox()
        self.zones.setFilters(compat.LAYER_FILTER_POLYGON)
        self.zones.setAllowEmptyLayer(True)
        self.zones.setLayer(None)  # chosen by the user or set by "Build influence zones"
        form.addRow(tr('Risk zones'), self.zones)
        self.hazard = QgsMapLayerComboBox()
        self.hazard.setFilters(compat.LAYER_FILTER_RASTER)
        self.hazard.setAllowEmptyLayer(True)
        self.hazard.setLayer(None)
        form.addRow(tr('or hazard raster'), self.hazard)
        self.exposure_button = QPushButton(tr('Run exposure'))
        form.addRow(self.exposure_button)
        self.exposure_label = QLabel()
        self.exposure_label.setWordWrap(True)
        form.addRow(self.exposure_label)
        layout.addWidget(exposure_box)

        self.run_bar = RunBar(tr('Run'))
        self.run_bar.run_button.hide()
        layout.addWidget(self.run_bar)

        self.table = QTableWidget(0, len(TABLE_COLUMNS))
        self.table.setHorizontalHeaderLabels([tr(title) for _, title in TABLE_COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setToolTip(tr('Click a row to zoom to its risk source'))
        layout.addWidget(self.table, 1)

        self.restore()
        self.sources.layerChanged.connect(self.save)
        self.zones_button.clicked.connect(self.build_zones)
        self.exposure_button.clicked.connect(self.run_exposure)
        self.list_button.clicked.connect(self.open_risk_list)
        self.table.itemSelectionChanged.connect(self.zoom_to_selected_row)

    def restore(self):
        layer = QgsProject.instance().mapLayer(self.settings.value('sources_id', '') or '')
        layer = layer or find_db_layer(self.settings.value('sources_table', '') or 'risk_sources')
        if layer is not None:
            self.sources.setLayer(layer)

    def save(self, *args):
        layer = self.sources.currentLayer()
        if layer is not None:
            self.settings.set('sources_id', layer.id())
            self.settings.set('sources_table', db_layer_name(layer) or '')

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
    def build_zones(self):
        if self._busy() or self.sources.currentLayer() is None:
            return None
        parameters = dict(self.source_parameters(), OUTPUT='TEMPORARY_OUTPUT')
        return self.run_bar.start('resilience:risk_influence_zones', parameters, self._zones_done)

    def _zones_done(self, ok, results, run):
        layer = results.get('OUTPUT') if ok else None
        if isinstance(layer, QgsVectorLayer):
            layer.setName(tr('Risk influence zones'))
            self.zones_layer = add_layer(style_by_grade(layer, opacity=0.45), THEME_RISK)
            self.zones.setLayer(layer)
        self.zones_finished.emit(isinstance(layer, QgsVectorLayer))

    def report_layers(self):
        """The influence zones and risk list this tab added, as inputs of resilience:planning_report."""
        return {name: layer for name, layer in (('RISK_ZONES', self.zones_layer), ('RISK_LIST', self.list_layer))
                if layer is not None}

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
        lines = []
        if isinstance(summary, QgsVectorLayer):
            for feature in summary.getFeatures():
                parts = [str(feature['target'] or ''), str(feature['hazard_class'] or '')]
                if feature['exposed_length_m']:
                    parts.append(tr('{:,.0f} m').format(feature['exposed_length_m']))
                if feature['count']:
                    parts.append(tr('{} sites').format(feature['count']))
                if feature['population']:
                    parts.append(tr('{:,.0f} people').format(feature['population']))
                lines.append(' · '.join(p for p in parts if p))
        self.exposure_label.setText('\n'.join(lines[:12]) or tr('Nothing is exposed.'))
        self.exposure_finished.emit(True)

    # Risk list -----------------------------------------------------------------------------------
    def open_risk_list(self):
        if self._busy() or self.sources.currentLayer() is None:
            return None
        parameters = dict(self.source_parameters(), TARGETS=[layer.id() for layer in target_layers()],
                          OUTPUT='TEMPORARY_OUTPUT')
        return self.run_bar.start('resilience:risk_list', parameters, self._list_done)

    def _list_done(self, ok, results, run):
        layer = results.get('OUTPUT') if ok else None
        if not isinstance(layer, QgsVectorLayer):
            self.list_finished.emit(False)
            return
        layer.setName(tr('Risk list'))
        self.list_layer = add_layer(style_by_grade(layer, size=4.0), THEME_RISK, position=0)
        self.fill_table(layer)
        self.list_finished.emit(True)

    def fill_table(self, layer):
        self.table.setRowCount(0)
        colours = {c.code: c.colour for c in RISK_GRADE.choices}
        for feature in layer.getFeatures():
            row = self.table.rowCount()
            self.table.insertRow(row)
            for column, (name, _) in enumerate(TABLE_COLUMNS):
                value = feature[name]
                if isinstance(value, float):
                    text = '{:,.0f}'.format(value)
                else:
                    text = '' if value is None or str(value) == 'NULL' else str(value)
                item = QTableWidgetItem(text)
                if name == 'grade_label' and feature['risk_grade'] in colours:
                    from qgis.PyQt.QtGui import QColor
                    item.setBackground(QColor(colours[feature['risk_grade']]).lighter(150))
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


def _user_role():
    from qgis.PyQt.QtCore import Qt
    return Qt.ItemDataRole.UserRole
