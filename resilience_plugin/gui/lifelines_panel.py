"""Lifelines tab: pick a failed asset on the map and see the devices to close, the lines lost and the chain step by
step, with the people and facilities cut off; play a disaster chain from a hazard raster; scan for critical assets.

The panel builds parameters for resilience:lifeline_failure, disaster_chain and lifeline_criticality and shows
what they return; the analysis is theirs."""
import os

from qgis.core import (QgsCoordinateTransform, QgsFeatureRequest, QgsGeometry, QgsPointXY, QgsProject,
                       QgsRasterLayer, QgsRectangle, QgsVectorLayer)
from qgis.gui import QgsMapLayerComboBox, QgsMapTool, QgsMapToolEmitPoint
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (QAbstractItemView, QDoubleSpinBox, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
                                 QLineEdit, QPushButton, QSlider, QTableWidget, QTableWidgetItem, QVBoxLayout,
                                 QWidget)

from .. import compat
from ..definitions import LIFELINE_CAUSE, N_, THEME_LIFELINES
from ..qgis_io.project import add_layer, layer_kind
from ..qgis_io.result_styles import (make_temporal, style_criticality, style_isolation_devices,
                                     style_lifeline_events)
from ..translation import tr
from .common import (PanelSettings, RunBar, db_path_of, fit_table, layer_input, project_layer_id, stacked_form,
                     zoom_to_geometry)
from .widgets import ElidedLabel, wrapping_label

FAILURE = 'resilience:lifeline_failure'
CHAIN = 'resilience:disaster_chain'
CRITICALITY = 'resilience:lifeline_criticality'
PICKABLE = ('lifelines', 'lifeline_nodes')
CAUSE_COLUMN_PX = 110
COLUMNS = (('step', N_('Step')), ('asset', N_('Asset')), ('cause', N_('What happened')))
SUMMARY_SERVICES = (('water_supply', N_('water')), ('power_supply', N_('power')), ('gas_supply', N_('gas')),
                    ('heat_supply', N_('heat')))


class PickAssetTool(QgsMapToolEmitPoint):
    """A click on the map gives the nearest lifeline or lifeline node of the planning database (``picked``)."""

    picked = pyqtSignal(str)

    def __init__(self, canvas, database_path):
        super().__init__(canvas)
        self.canvas = canvas
        self.database_path = database_path
        self.canvasClicked.connect(self.pick)

    def candidate_layers(self):
        path = self.database_path()
        return [layer for layer in QgsProject.instance().mapLayers().values()
                if layer_kind(layer) in PICKABLE and (not path or os.path.normcase(os.path.abspath(
                    db_path_of(layer))) == os.path.normcase(os.path.abspath(path)))]

    def nearest_asset(self, point, radius):
        """(asset_id, layer, feature id) of the asset nearest to ``point`` (canvas CRS) within ``radius``."""
        best = None
        crs = self.canvas.mapSettings().destinationCrs()
        for layer in self.candidate_layers():
            transform = QgsCoordinateTransform(crs, layer.crs(), QgsProject.instance().transformContext())
            centre = transform.transform(QgsPointXY(point))
            corner = transform.transform(QgsPointXY(point.x() + radius, point.y()))
            r = max(abs(corner.x() - centre.x()), 1e-9)
            rect = QgsRectangle(centre.x() - r, centre.y() - r, centre.x() + r, centre.y() + r)
            probe = QgsGeometry.fromPointXY(centre)
            for feature in layer.getFeatures(QgsFeatureRequest().setFilterRect(rect)):
                distance = feature.geometry().distance(probe) / r
                # nodes first: a valve on a pipe is picked rather than the pipe under it
                rank = (distance - (0.5 if layer_kind(layer) == 'lifeline_nodes' else 0.0), distance)
                if distance <= 1.0 and (best is None or rank < best[0]) and feature['asset_id']:
                    best = (rank, str(feature['asset_id']), layer, feature.id())
        return best[1:] if best else None

    def pick(self, point, button=None):
        found = self.nearest_asset(point, QgsMapTool.searchRadiusMU(self.canvas))
        if found is not None:
            asset_id, layer, fid = found
            layer.selectByIds([fid])
            self.picked.emit(asset_id)
        return found


class LifelinesPanel(QWidget):
    failure_finished = pyqtSignal(bool)
    chain_finished = pyqtSignal(bool)
    criticality_finished = pyqtSignal(bool)

    def __init__(self, iface, database_path, parent=None):
        super().__init__(parent)
        self.iface = iface
        self.database_path = database_path
        self.settings = PanelSettings('lifelines')
        self.result_layers = []      # the failure or chain on the map
        self.step_layers = []        # layers the step slider filters
        self.criticality_layer = None
        self.chain_table = None
        self.tool = None
        layout = QVBoxLayout(self)
        self.database_label = ElidedLabel()
        layout.addWidget(self.database_label)

        failure_box = QGroupBox(tr('Failure'))
        form = stacked_form(failure_box)
        self.failed = QLineEdit()
        self.failed.setPlaceholderText(tr('asset IDs, comma separated'))
        form.addRow(tr('Failed assets'), self.failed)
        buttons = QHBoxLayout()
        self.pick_button = QPushButton(tr('Pick on map'))
        self.pick_button.setCheckable(True)
        self.pick_button.setToolTip(tr('Click a pipe, cable or node on the map to add it to the failed assets'))
        self.selection_button = QPushButton(tr('Use selection'))
        self.selection_button.setToolTip(tr('The selected lifelines and lifeline nodes'))
        buttons.addWidget(self.pick_button)
        buttons.addWidget(self.selection_button)
        form.addRow(buttons)
        self.hours = QDoubleSpinBox()
        self.hours.setRange(0.0, 8760.0)
        self.hours.setDecimals(1)
        self.hours.setSpecialValueText(tr('no limit'))
        self.hours.setToolTip(tr('How long the outage lasts; no limit: until every backup runs out'))
        self.hours.setSuffix(tr(' h'))
        form.addRow(tr('Outage'), self.hours)
        self.failure_button = QPushButton(tr('Run failure'))
        form.addRow(self.failure_button)
        layout.addWidget(failure_box)

        chain_box = QGroupBox(tr('Disaster chain'))
        form = stacked_form(chain_box)
        self.hazard = QgsMapLayerComboBox()
        self.hazard.setFilters(compat.LAYER_FILTER_RASTER)
        form.addRow(tr('Hazard raster'), layer_input(self.hazard))
        self.chain_button = QPushButton(tr('Run disaster chain'))
        form.addRow(self.chain_button)
        layout.addWidget(chain_box)

        critical_box = QGroupBox(tr('Critical assets'))
        row = QHBoxLayout(critical_box)
        self.criticality_button = QPushButton(tr('N-1 scan'))
        self.criticality_button.setToolTip(tr('Every isolation segment fails in turn: what it cuts, ranked'))
        self.dependencies_button = QPushButton(tr('Dependencies…'))
        self.dependencies_button.setToolTip(tr('Open the dependencies table to check and confirm them'))
        row.addWidget(self.criticality_button)
        row.addWidget(self.dependencies_button)
        layout.addWidget(critical_box)

        self.run_bar = RunBar(tr('Run'))
        self.run_bar.run_button.hide()
        layout.addWidget(self.run_bar)
        self.summary = wrapping_label()
        layout.addWidget(self.summary)
        steps = QHBoxLayout()
        self.step_label = QLabel()
        self.step_slider = QSlider(Qt.Orientation.Horizontal)
        self.step_slider.setRange(0, 0)
        self.step_slider.setEnabled(False)
        self.step_slider.setToolTip(tr('Show the chain up to this step'))
        steps.addWidget(self.step_label)
        steps.addWidget(self.step_slider, 1)
        layout.addLayout(steps)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([tr(title) for _, title in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        fit_table(self.table, stretch=1)
        # what happened: a coloured word, elided to share the width with the asset's name (whole in the tooltip)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().resizeSection(2, CAUSE_COLUMN_PX)
        self.table.setToolTip(tr('Click a row to zoom to the asset'))
        layout.addWidget(self.table, 1)

        self.pick_button.toggled.connect(self.toggle_pick)
        self.selection_button.clicked.connect(self.use_selection)
        self.failure_button.clicked.connect(self.run_failure)
        self.chain_button.clicked.connect(self.run_chain)
        self.criticality_button.clicked.connect(self.run_criticality)
        self.dependencies_button.clicked.connect(self.open_dependencies)
        self.step_slider.valueChanged.connect(self.show_step)
        self.table.itemSelectionChanged.connect(self.zoom_to_selected_row)
        self.refresh()

    def reset(self):
        """Another project: no run, no results, no chain of the previous one (its layers are gone with it)."""
        self.run_bar.reset()
        if self.pick_button.isChecked():
            self.pick_button.setChecked(False)
        self.result_layers, self.step_layers = [], []
        self.criticality_layer = self.chain_table = None
        self.failed.clear()
        self.hazard.setLayer(None)
        self.summary.clear()
        self.table.setRowCount(0)
        self.step_slider.setRange(0, 0)
        self.step_slider.setEnabled(False)
        self.step_label.clear()
        self.refresh()

    # Inputs ----------------------------------------------------------------------------------
    def refresh(self, *args):
        path = self.database_path()
        self.database_label.setText(tr('Planning database: {}').format(os.path.basename(path)) if path
                                    else tr('Choose a planning database in the Overlay tab.'))
        self.database_label.setToolTip(path or '')  # the whole path
        for button in (self.failure_button, self.chain_button, self.criticality_button, self.dependencies_button):
            button.setEnabled(bool(path))

    def add_failed(self, asset_id):
        ids = [i.strip() for i in self.failed.text().split(',') if i.strip()]
        if asset_id not in ids:
            ids.append(asset_id)
        self.failed.setText(', '.join(ids))

    def toggle_pick(self, on):
        canvas = self.iface.mapCanvas() if self.iface is not None else None
        if canvas is None:
            return
        if on:
            self.tool = PickAssetTool(canvas, self.database_path)
            self.tool.picked.connect(self.add_failed)
            self.tool.deactivated.connect(lambda: self.pick_button.setChecked(False))
            canvas.setMapTool(self.tool)
        elif self.tool is not None and canvas.mapTool() is self.tool:
            canvas.unsetMapTool(self.tool)

    def use_selection(self):
        tool = PickAssetTool(self.iface.mapCanvas() if self.iface else None, self.database_path)
        for layer in tool.candidate_layers():
            for feature in layer.selectedFeatures():
                if feature['asset_id']:
                    self.add_failed(str(feature['asset_id']))

    def _ready(self):
        path = self.database_path()
        if self.run_bar.is_running():
            return None
        if not path or not os.path.exists(path):
            self.run_bar.status.setText(tr('Choose an existing planning database in the Overlay tab.'))
            return None
        return path

    def _outputs(self):
        return {'OUTPUT': 'TEMPORARY_OUTPUT', 'OUTPUT_LINES': 'TEMPORARY_OUTPUT',
                'OUTPUT_ISOLATION': 'TEMPORARY_OUTPUT', 'OUTPUT_CONSEQUENCES': 'TEMPORARY_OUTPUT'}

    def failure_parameters(self):
        parameters = dict(self._outputs(), DATABASE=self.database_path(), FAILED=self.failed.text())
        if self.hours.value() > 0:
            parameters['TIME_HOURS'] = self.hours.value()
        return parameters

    # Runs ------------------------------------------------------------------------------------
    def run_failure(self):
        if self._ready() is None:
            return None
        if not self.failed.text().strip():
            self.run_bar.status.setText(tr('Pick a failed asset on the map or type its asset ID.'))
            return None
        return self.run_bar.start(FAILURE, self.failure_parameters(), self._failure_done)

    def chain_parameters(self):
        parameters = dict(self._outputs(), DATABASE=self.database_path(), OUTPUT_TABLE='TEMPORARY_OUTPUT')
        if isinstance(self.hazard.currentLayer(), QgsRasterLayer):
            parameters['HAZARD'] = self.hazard.currentLayer().id()
        if self.hours.value() > 0:
            parameters['TIME_HOURS'] = self.hours.value()
        return parameters

    def run_chain(self):
        if self._ready() is None:
            return None
        if not isinstance(self.hazard.currentLayer(), QgsRasterLayer):
            self.run_bar.status.setText(tr('Choose a hazard raster (Overlay tab: add a hazard).'))
            return None
        return self.run_bar.start(CHAIN, self.chain_parameters(), self._chain_done)

    def run_criticality(self):
        if self._ready() is None:
            return None
        return self.run_bar.start(CRITICALITY, {'DATABASE': self.database_path(), 'OUTPUT': 'TEMPORARY_OUTPUT'},
                                  self._criticality_done)

    def _clear_results(self):
        for layer in self.result_layers:
            layer_id = project_layer_id(layer)
            if layer_id:
                QgsProject.instance().removeMapLayer(layer_id)
        self.result_layers, self.step_layers = [], []

    def _show(self, results, titles, temporal=False):
        """Add the result layers (lines under points) and fill the summary, the table and the step slider."""
        self._clear_results()
        added = {}
        for name, title, style in (('OUTPUT_LINES', titles[0], style_lifeline_events),
                                   ('OUTPUT', titles[1], style_lifeline_events),
                                   ('OUTPUT_ISOLATION', tr('Isolation devices to close'), style_isolation_devices)):
            layer = results.get(name)
            if not isinstance(layer, QgsVectorLayer) or layer.featureCount() == 0:
                continue
            layer.setName(title)
            style(layer)
            if temporal and name != 'OUTPUT_ISOLATION':
                make_temporal(layer)
            added[name] = add_layer(layer, THEME_LIFELINES, position=0)
            self.result_layers.append(layer)
            if name != 'OUTPUT_ISOLATION':
                self.step_layers.append(layer)
        events = added.get('OUTPUT')
        self.fill_summary(results.get('OUTPUT_CONSEQUENCES'), events, added.get('OUTPUT_ISOLATION'))
        self.fill_table(events)
        last = max((f['step'] for f in events.getFeatures()), default=0) if events is not None else 0
        self.step_slider.blockSignals(True)
        self.step_slider.setRange(0, int(last))
        self.step_slider.setValue(int(last))
        self.step_slider.blockSignals(False)
        self.step_slider.setEnabled(events is not None)
        self.show_step(int(last))
        return events is not None

    def _failure_done(self, ok, results, run):
        shown = bool(ok) and self._show(results, (tr('Lines lost'), tr('Affected assets')))
        if shown:
            self.run_bar.done(tr('{} assets affected.').format(self.table.rowCount()))
        self.failure_finished.emit(shown)

    def _chain_done(self, ok, results, run):
        shown = bool(ok) and self._show(results, (tr('Disaster chain: lines'), tr('Disaster chain')), temporal=True)
        if shown:
            table = results.get('OUTPUT_TABLE')
            if isinstance(table, QgsVectorLayer):
                table.setName(tr('Disaster chain (table)'))
                self.chain_table = add_layer(table, THEME_LIFELINES)
                self.result_layers.append(table)
            self.run_bar.done(tr('{} assets fail in {} steps.').format(self.table.rowCount(),
                                                                        self.step_slider.maximum() + 1))
        self.chain_finished.emit(shown)

    def _criticality_done(self, ok, results, run):
        layer = results.get('OUTPUT') if ok else None
        if not isinstance(layer, QgsVectorLayer):
            self.criticality_finished.emit(False)
            return
        previous = project_layer_id(self.criticality_layer)
        if previous:
            QgsProject.instance().removeMapLayer(previous)
        layer.setName(tr('Critical isolation segments (N-1)'))
        self.criticality_layer = add_layer(style_criticality(layer), THEME_LIFELINES, position=0)
        top = sorted(layer.getFeatures(), key=lambda f: f['rank'])[:5]
        lines = [tr('{} isolation segments, {} too large. Most critical:').format(
            results.get('SEGMENT_COUNT'), results.get('LARGE_SEGMENT_COUNT'))]
        for f in top:
            lines.append(tr('#{} {}: {:,.0f} people, {:,.0f} m, {} facilities').format(
                f['rank'], f['pipe_ids'] if len(f['pipe_ids'] or '') < 40 else f['pipe_ids'][:39] + '\u2026',
                f['population_any'], f['lost_length_m'], f['facilities']))
        self.summary.setText('\n'.join(lines))
        self.run_bar.done(tr('{} isolation segments scanned.').format(results.get('SEGMENT_COUNT')))
        self.criticality_finished.emit(True)

    # Showing ---------------------------------------------------------------------------------
    def fill_summary(self, consequences, events, devices):
        lines = []
        if events is not None:
            counts = {}
            for f in events.getFeatures():
                counts[f['cause']] = counts.get(f['cause'], 0) + 1
            lines.append(', '.join('{} {}'.format(n, tr(LIFELINE_CAUSE.choice(c).label).lower())
                                   for c, n in counts.items() if c in LIFELINE_CAUSE.codes()))
        if devices is not None:
            lines.append(tr('{} isolation devices to close.').format(devices.featureCount()))
        if isinstance(consequences, QgsVectorLayer):
            rows = {f['service']: f for f in consequences.getFeatures()}
            for code, label in SUMMARY_SERVICES:
                row = rows.get(code)
                if row is not None and (row['population_without'] or row['hospitals'] or row['fire_stations']
                                        or row['shelters']):
                    lines.append(tr('Without {}: {:,.0f} people, {} hospitals, {} fire stations, {} shelters.').format(
                        tr(label), row['population_without'] or 0, row['hospitals'], row['fire_stations'],
                        row['shelters']))
        self.summary.setText('\n'.join(lines) or tr('Nothing else is affected.'))

    def fill_table(self, layer):
        self.table.setRowCount(0)
        if layer is None:
            return
        colours = {c.code: c.colour for c in LIFELINE_CAUSE.choices}
        features = sorted(layer.getFeatures(), key=lambda f: (f['step'], f['time_h'] or 0.0))
        for feature in features:
            row = self.table.rowCount()
            self.table.insertRow(row)
            name = feature['name'] or feature['asset_id']
            cause = feature['cause']
            values = (str(feature['step']), str(name), tr(LIFELINE_CAUSE.choice(cause).label)
                      if cause in LIFELINE_CAUSE.codes() else str(cause))
            via = tr('through {}').format(feature['via']) if feature['via'] else ''
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setToolTip('{} {}'.format(text, via).strip() if column else '')
                if column == 2 and cause in colours:
                    from qgis.PyQt.QtGui import QColor
                    item.setForeground(QColor(colours[cause]))
                if column == 0:
                    item.setData(Qt.ItemDataRole.UserRole, feature.id())
                self.table.setItem(row, column, item)

    def show_step(self, step):
        self.step_label.setText(tr('Step {} of {}').format(step, self.step_slider.maximum()))
        for layer in self.step_layers:
            if project_layer_id(layer):
                layer.setSubsetString('"step" <= {}'.format(int(step)))
                layer.triggerRepaint()

    def zoom_to_selected_row(self):
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        events = next((layer for layer in self.step_layers if layer.geometryType() == compat.GEOM_POINT), None)
        if not rows or events is None or not project_layer_id(events):
            return False
        feature = events.getFeature(self.table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole))
        return zoom_to_geometry(self.iface.mapCanvas() if self.iface else None, feature.geometry(), events.crs())

    def open_dependencies(self):
        from ..qgis_io.database import layer_uri
        path = self._ready()
        if path is None:
            return None
        from ..definitions import DEPENDENCIES
        from ..qgis_io.database import DatabaseError
        from ..qgis_io.storage import open_store
        uri = layer_uri(path, 'dependencies')
        layer = next((lyr for lyr in QgsProject.instance().mapLayers().values() if lyr.source() == uri), None)
        if layer is None:
            try:
                store = open_store(path)
                store.ensure((DEPENDENCIES,))
                layer = add_layer(store.layer('dependencies', tr(DEPENDENCIES.title)), THEME_LIFELINES)
            except DatabaseError as error:
                self.run_bar.status.setText(str(error))
                return None
        if self.iface is not None:
            self.iface.showAttributeTable(layer)
        return layer

    def report_layers(self):
        """The N-1 scan and the disaster chain of this tab, as inputs of resilience:planning_report."""
        return {name: layer for name, layer in (('LIFELINE_CRITICALITY', self.criticality_layer),
                                                ('DISASTER_CHAIN', self.chain_table)) if layer is not None}

    def shutdown(self):
        self.run_bar.cancel()
        if self.tool is not None and self.iface is not None and self.iface.mapCanvas().mapTool() is self.tool:
            self.iface.mapCanvas().unsetMapTool(self.tool)
