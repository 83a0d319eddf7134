"""Overlay tab: open or create a planning database, add its layers by theme, toggle themes, add a hazard
raster with a ready colour ramp, and a legend of the risk colours and shelter classes."""
import os

from qgis.core import QgsProject, QgsRasterLayer
from qgis.gui import QgsFileWidget
from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import (QCheckBox, QFileDialog, QGridLayout, QGroupBox, QPushButton, QSpinBox, QVBoxLayout,
                                 QWidget)

from ..definitions import RISK_GRADE, SHELTER_CLASS, THEME_HAZARDS, THEMES
from ..qgis_io.project import add_database_layers, add_layer, find_theme_group, layer_kind
from ..qgis_io.result_styles import style_hazard_raster
from ..translation import tr
from .common import PanelSettings, RunBar, db_path_of, project_layers, stacked_form
from .widgets import FlowGrid, Legend, wrapping_label


class OverlayPanel(QWidget):
    database_changed = pyqtSignal(str)
    layers_added = pyqtSignal(list)

    def __init__(self, iface, parent=None):
        super().__init__(parent)
        self.iface = iface
        self.settings = PanelSettings('overlay')
        layout = QVBoxLayout(self)

        # The planning database: a GeoPackage file today. Another storage (a PostgreSQL connection) adds its own
        # choice here; everything below asks only database_path().
        db_box = QGroupBox(tr('Planning database'))
        db_layout = QVBoxLayout(db_box)
        self.database = QgsFileWidget()
        self.database.setStorageMode(QgsFileWidget.StorageMode.GetFile)
        self.database.setFilter(tr('GeoPackage (*.gpkg)'))
        self.database.setDialogTitle(tr('Open a planning database'))
        db_layout.addWidget(self.database)
        buttons = QGridLayout()
        self.add_button = QPushButton(tr('Add layers'))
        self.add_button.setToolTip(tr('Add every layer of the database, grouped by theme, with its style'))
        self.create_button = QPushButton(tr('Create new…'))
        buttons.addWidget(self.add_button, 0, 0)
        buttons.addWidget(self.create_button, 0, 1)
        db_layout.addLayout(buttons)
        self.run_bar = RunBar(tr('Create'))
        self.run_bar.run_button.hide()
        self.run_bar.hide()  # shown while a database is being created
        db_layout.addWidget(self.run_bar)
        layout.addWidget(db_box)

        theme_box = QGroupBox(tr('Themes shown on the map'))
        self.theme_boxes = {}
        for theme in THEMES:
            box = QCheckBox(tr(theme))
            box.setChecked(True)
            box.toggled.connect(lambda checked, theme=theme: self.set_theme_visible(theme, checked))
            self.theme_boxes[theme] = box
        QVBoxLayout(theme_box).addWidget(FlowGrid(self.theme_boxes.values()))
        layout.addWidget(theme_box)

        hazard_box = QGroupBox(tr('Hazard raster'))
        form = stacked_form(hazard_box)
        self.hazard = QgsFileWidget()
        self.hazard.setStorageMode(QgsFileWidget.StorageMode.GetFile)
        self.hazard.setFilter(tr('Rasters (*.tif *.tiff *.vrt *.asc *.img);;All files (*)'))
        form.addRow(tr('File'), self.hazard)
        self.opacity = QSpinBox()
        self.opacity.setRange(0, 100)
        self.opacity.setSuffix(' %')
        self.opacity.setValue(60)
        form.addRow(tr('Opacity'), self.opacity)
        self.hazard_button = QPushButton(tr('Add hazard raster'))
        self.hazard_button.setToolTip(tr('Add the raster to the group Hazards, drawn with a blue depth ramp'))
        form.addRow(self.hazard_button)
        layout.addWidget(hazard_box)

        self.message = wrapping_label()
        layout.addWidget(self.message)
        self.risk_legend = Legend(tr('Risk grades'), [(c.colour, tr(c.label)) for c in RISK_GRADE.choices])
        self.shelter_legend = Legend(tr('Shelter classes'), [(c.colour, tr(c.label)) for c in SHELTER_CLASS.choices])
        layout.addWidget(self.risk_legend)
        layout.addWidget(self.shelter_legend)
        layout.addStretch(1)

        self.restore()
        self.database.fileChanged.connect(self._on_database_changed)
        self.hazard.fileChanged.connect(lambda path: self.settings.set('hazard_raster', path))
        self.opacity.valueChanged.connect(lambda value: self.settings.set('opacity', value))
        self.add_button.clicked.connect(self.add_layers)
        self.create_button.clicked.connect(self.ask_create_database)
        self.hazard_button.clicked.connect(self.add_hazard)
        QgsProject.instance().layerTreeRoot().visibilityChanged.connect(self.refresh_themes)
        self.refresh_themes()

    # State ---------------------------------------------------------------------------------------
    def restore(self):
        self.database.setFilePath(self.settings.value('database', '') or '')
        self.hazard.setFilePath(self.settings.value('hazard_raster', '') or '')
        self.opacity.setValue(int(self.settings.value('opacity', 60)))

    def database_path(self):
        return self.database.filePath().strip()

    def _on_database_changed(self, path):
        self.settings.set('database', path)
        self.database_changed.emit(path)

    def reset(self):
        """Another project: no message about the previous one."""
        self.run_bar.reset()
        self.run_bar.hide()
        self.message.clear()

    def follow_project(self):
        """The opened project shows a planning database's layers: that database becomes the one of the dock."""
        for layer in project_layers():
            if layer_kind(layer) is not None:
                path = db_path_of(layer)
                if path and os.path.isfile(path) and path != self.database_path():
                    self.database.setFilePath(path)
                return

    def shutdown(self):
        try:
            QgsProject.instance().layerTreeRoot().visibilityChanged.disconnect(self.refresh_themes)
        except TypeError:
            pass
        self.run_bar.cancel()

    # Database ------------------------------------------------------------------------------------
    def add_layers(self):
        path = self.database_path()
        if not path or not os.path.exists(path):
            self.message.setText(tr('Choose an existing planning database first.'))
            return []
        project = QgsProject.instance()
        before = set(project.mapLayers())
        layers = add_database_layers(path, project)
        added = [layer for layer in layers if layer.id() not in before]
        if added and self.iface is not None and self.iface.mapCanvas() is not None:
            canvas = self.iface.mapCanvas()
            if not canvas.layers():
                project.setCrs(added[0].crs())
        name = os.path.basename(path)
        if added:
            self.message.setText(tr('{} layers added from {}.').format(len(added), name))
        elif layers:
            self.message.setText(tr('The {} layers of {} are already in the project.').format(len(layers), name))
        else:
            self.message.setText(tr('{} has no planning layers: is it a planning database?').format(name))
        self.refresh_themes()
        self.layers_added.emit(added)
        return added

    def ask_create_database(self):
        path, _ = QFileDialog.getSaveFileName(self, tr('Create a planning database'), '', tr('GeoPackage (*.gpkg)'))
        if path:
            if not path.lower().endswith('.gpkg'):
                path += '.gpkg'
            self.create_database(path)

    def create_database(self, path, crs=None):
        """Run resilience:create_planning_database in the background; the new file becomes the database."""
        parameters = {'OUTPUT': path}
        project_crs = QgsProject.instance().crs()
        if crs is not None:
            parameters['CRS'] = crs
        elif project_crs.isValid() and not project_crs.isGeographic():
            parameters['CRS'] = project_crs
        self.create_button.setEnabled(False)
        self.run_bar.show()
        return self.run_bar.start('resilience:create_planning_database', parameters, self._created)

    def _created(self, ok, results, run):
        self.create_button.setEnabled(True)
        if ok:
            self.database.setFilePath(results.get('OUTPUT', run.parameters['OUTPUT']))
            self.run_bar.done(tr('Planning database created.'))
            self.message.setText(tr('Planning database created. Press "Add layers" to show it.'))

    # Themes --------------------------------------------------------------------------------------
    def set_theme_visible(self, theme, visible):
        group = find_theme_group(QgsProject.instance().layerTreeRoot(), theme)
        if group is not None and group.itemVisibilityChecked() != visible:
            group.setItemVisibilityChecked(visible)

    def refresh_themes(self, *args):
        root = QgsProject.instance().layerTreeRoot()
        for theme, box in self.theme_boxes.items():
            group = find_theme_group(root, theme)
            box.setEnabled(group is not None)
            if group is not None and box.isChecked() != group.itemVisibilityChecked():
                box.blockSignals(True)
                box.setChecked(group.itemVisibilityChecked())
                box.blockSignals(False)

    # Hazard raster -------------------------------------------------------------------------------
    def add_hazard(self):
        path = self.hazard.filePath().strip()
        if not path or not os.path.exists(path):
            self.message.setText(tr('Choose a hazard raster file first.'))
            return None
        layer = QgsRasterLayer(path, os.path.splitext(os.path.basename(path))[0])
        if not layer.isValid():
            self.message.setText(tr('{} is not a raster QGIS can read.').format(os.path.basename(path)))
            return None
        style_hazard_raster(layer, self.opacity.value() / 100.0)
        add_layer(layer, THEME_HAZARDS)
        self.message.setText(tr('Hazard raster {} added to the group {}.').format(layer.name(), tr(THEME_HAZARDS)))
        self.refresh_themes()
        return layer
