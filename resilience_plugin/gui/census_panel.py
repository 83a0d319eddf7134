"""Census tab: validate the planning database, list the findings (a click zooms to and selects the
feature, so a surveyor can fix it and check again) and start the census export and the planning report."""
import os

from qgis.core import QgsProject, QgsSettings, QgsVectorLayer
from qgis.PyQt.QtCore import QLocale, Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget,
                                 QTableWidgetItem, QVBoxLayout, QWidget)

from ..definitions import N_, REPORT_LANGUAGES, SEVERITY, THEME_FINDINGS
from ..qgis_io.project import add_layer
from ..qgis_io.styles import style_findings
from ..translation import tr
from .common import RunBar, find_db_layer, project_layer_id, zoom_to_feature
from .tasks import AlgorithmRun

EXPORT_CENSUS = 'resilience:export_census'
PLANNING_REPORT = 'resilience:planning_report'
COLUMNS = (('severity', N_('Severity')), ('layer', N_('Layer')), ('rule', N_('Rule')), ('message', N_('Message')))


def report_language():
    """The planning report's LANGUAGE for the user's QGIS locale (locale/userLocale, as the plugin's
    translator): zh_CN for a Chinese locale, else en."""
    locale = QgsSettings().value('locale/userLocale', '') or QLocale().name()
    return REPORT_LANGUAGES[1] if str(locale).lower().startswith('zh') else REPORT_LANGUAGES[0]


class CensusPanel(QWidget):
    validation_finished = pyqtSignal(bool)

    def __init__(self, iface, database_path, parent=None, report_layers=None):
        """``database_path``: a function returning the planning database chosen in the Overlay tab.
        ``report_layers``: a function returning {planning_report parameter: layer} for the result layers the
        other tabs produced (layers no longer in the project are left out)."""
        super().__init__(parent)
        self.iface = iface
        self.database_path = database_path
        self.report_layers = report_layers or dict
        self.findings_layer = None
        self.counts = {}
        layout = QVBoxLayout(self)
        self.database_label = QLabel()
        self.database_label.setWordWrap(True)
        layout.addWidget(self.database_label)
        self.run_bar = RunBar(tr('Validate census data'))
        layout.addWidget(self.run_bar)
        self.counts_label = QLabel()
        self.counts_label.setWordWrap(True)
        layout.addWidget(self.counts_label)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([tr(title) for _, title in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(False)
        self.table.setToolTip(tr('Click a finding to zoom to the feature and select it'))
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.export_button = QPushButton(tr('Export census package…'))
        self.export_button.setToolTip(tr('Opens resilience:export_census for the planning database'))
        buttons.addWidget(self.export_button)
        self.report_button = QPushButton(tr('Planning report…'))
        self.report_button.setToolTip(tr('Opens resilience:planning_report with the planning database, the census '
                                         'findings and the result layers of this dock'))
        buttons.addWidget(self.report_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.run_bar.run_requested.connect(self.validate)
        self.table.itemSelectionChanged.connect(self.zoom_to_selected_finding)
        self.export_button.clicked.connect(self.open_export)
        self.report_button.clicked.connect(self.open_report)
        self.refresh()

    def refresh(self, *args):
        path = self.database_path()
        self.database_label.setText(tr('Planning database: {}').format(path) if path
                                    else tr('Choose a planning database in the Overlay tab.'))
        self.export_button.setEnabled(bool(path) and AlgorithmRun.available(EXPORT_CENSUS))
        self.report_button.setEnabled(bool(path) and AlgorithmRun.available(PLANNING_REPORT))

    def validate(self):
        path = self.database_path()
        if self.run_bar.is_running():
            return None
        if not path or not os.path.exists(path):
            self.run_bar.status.setText(tr('Choose an existing planning database in the Overlay tab.'))
            return None
        return self.run_bar.start('resilience:validate_census', {'DATABASE': path, 'OUTPUT': 'TEMPORARY_OUTPUT'},
                                  self._validated)

    def _validated(self, ok, results, run):
        layer = results.get('OUTPUT') if ok else None
        if not isinstance(layer, QgsVectorLayer):
            self.validation_finished.emit(False)
            return
        previous = project_layer_id(self.findings_layer)
        if previous:
            QgsProject.instance().removeMapLayer(previous)  # the previous check is outdated
        layer.setName(tr('Census findings'))
        self.findings_layer = add_layer(style_findings(layer), THEME_FINDINGS, position=0)
        self.counts = {name: results.get(name) for name in ('ERROR_COUNT', 'WARNING_COUNT', 'FEATURE_COUNT',
                                                             'FINDING_COUNT')}
        self.counts_label.setText(tr('{} features checked: {} errors, {} warnings.').format(
            self.counts['FEATURE_COUNT'], self.counts['ERROR_COUNT'], self.counts['WARNING_COUNT']))
        self.fill_table(layer)
        self.validation_finished.emit(True)

    def fill_table(self, layer):
        colours = {c.code: c.colour for c in SEVERITY.choices}
        labels = {c.code: tr(c.label) for c in SEVERITY.choices}
        self.table.setRowCount(0)
        for feature in layer.getFeatures():
            row = self.table.rowCount()
            self.table.insertRow(row)
            for column, (name, _) in enumerate(COLUMNS):
                value = feature[name]
                text = labels.get(value, str(value)) if name == 'severity' else ('' if value is None else str(value))
                item = QTableWidgetItem(text)
                if name == 'severity' and value in colours:
                    item.setBackground(QColor(colours[value]).lighter(130))
                if name == 'message':
                    item.setToolTip(text)
                if column == 0:
                    item.setData(Qt.ItemDataRole.UserRole, (feature['layer'], feature['feature_id']))
                self.table.setItem(row, column, item)

    def zoom_to_selected_finding(self):
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return False
        table, fid = self.table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)
        layer = find_db_layer(table, self.database_path())
        if layer is None:
            self.counts_label.setText(tr('The layer {} is not in the project: add the database layers first.')
                                      .format(table))
            return False
        if fid is None:
            return False
        if self.iface is not None:
            self.iface.setActiveLayer(layer)
        return zoom_to_feature(self.iface.mapCanvas() if self.iface else None, layer, fid)

    def open_export(self):
        import processing
        processing.execAlgorithmDialog(EXPORT_CENSUS, {'DATABASE': self.database_path()})

    def report_parameters(self):
        """resilience:planning_report's parameters as far as the dock knows them: the planning database, the
        findings of the last check and the other tabs' result layers still in the project (by layer id), and
        the language of the user's QGIS. The user completes the rest (title, output files) in the dialog."""
        parameters = {'DATABASE': self.database_path(), 'LANGUAGE': report_language()}
        layers = dict(self.report_layers())
        layers['FINDINGS'] = self.findings_layer
        for name, layer in layers.items():
            layer_id = project_layer_id(layer)
            if layer_id:
                parameters[name] = layer_id
        return parameters

    def open_report(self):
        import processing
        processing.execAlgorithmDialog(PLANNING_REPORT, self.report_parameters())

    def shutdown(self):
        self.run_bar.cancel()
