"""Census tab: validate the planning database, list the findings (a click zooms to and selects the
feature, so a surveyor can fix it and check again) and start the census export and the planning report."""
import os

from qgis.core import QgsProject, QgsSettings, QgsVectorLayer
from qgis.PyQt.QtCore import QLocale, Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import (QAbstractItemView, QPushButton, QTableWidget, QTableWidgetItem,
                                 QVBoxLayout, QWidget)

from ..definitions import N_, REPORT_LANGUAGES, RULES, SEVERITY, THEME_FINDINGS
from ..qgis_io.project import add_layer
from ..qgis_io.styles import style_findings
from ..translation import tr
from .common import RunBar, find_db_layer, fit_table, kind_title, project_layer_id, zoom_to_feature
from .tasks import AlgorithmRun
from .widgets import ElidedLabel, line_height, offer_to_open, wrapping_label

EXPORT_CENSUS = 'resilience:export_census'
PLANNING_REPORT = 'resilience:planning_report'
# The columns that fit a narrow dock: the severity as its colour (its word and the finding's message, with the
# feature, are the row's tooltip).
COLUMNS = (('severity', ''), ('layer', N_('Layer')), ('rule', N_('Finding')))


def rule_label(rule):
    """A validation rule in words ('far_from_road' -> 'The site is far from any road')."""
    return tr(RULES[rule][1]) if rule in RULES else ('' if rule is None else str(rule))


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
        self.database_label = ElidedLabel()
        layout.addWidget(self.database_label)
        self.run_bar = RunBar(tr('Validate census data'))
        layout.addWidget(self.run_bar)
        self.counts_label = wrapping_label()
        layout.addWidget(self.counts_label)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([tr(title) if title else '' for _, title in COLUMNS])
        self.table.horizontalHeaderItem(0).setToolTip(tr('Severity'))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        fit_table(self.table, stretch=2)
        # Two lines per finding, so the finding reads in a narrow dock (a fixed height: fast for many rows).
        self.table.setWordWrap(True)
        self.table.verticalHeader().setDefaultSectionSize(2 * line_height(self.table.font()) + 6)
        self.table.setToolTip(tr('Click a finding to zoom to the feature and select it'))
        layout.addWidget(self.table, 1)
        self.export_button = QPushButton(tr('Export census package…'))
        self.export_button.setToolTip(tr('Opens resilience:export_census for the planning database'))
        layout.addWidget(self.export_button)
        self.report_button = QPushButton(tr('Planning report…'))
        self.report_button.setToolTip(tr('Opens resilience:planning_report with the planning database, the census '
                                         'findings and the result layers of this dock'))
        layout.addWidget(self.report_button)
        self.run_bar.run_requested.connect(self.validate)
        self.table.itemSelectionChanged.connect(self.zoom_to_selected_finding)
        self.export_button.clicked.connect(self.open_export)
        self.report_button.clicked.connect(self.open_report)
        self.refresh()

    def refresh(self, *args):
        path = self.database_path()
        self.database_label.setText(tr('Planning database: {}').format(os.path.basename(path)) if path
                                    else tr('Choose a planning database in the Overlay tab.'))
        self.database_label.setToolTip(path)  # the whole path
        self.export_button.setEnabled(bool(path) and AlgorithmRun.available(EXPORT_CENSUS))
        self.report_button.setEnabled(bool(path) and AlgorithmRun.available(PLANNING_REPORT))

    def reset(self):
        """Another project: no check, no findings of the previous one."""
        self.run_bar.reset()
        self.findings_layer = None
        self.counts = {}
        self.counts_label.clear()
        self.table.setRowCount(0)
        self.refresh()

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
        if self.counts['FINDING_COUNT']:
            self.counts_label.setText(tr('{} features checked: {} errors, {} warnings.').format(
                self.counts['FEATURE_COUNT'], self.counts['ERROR_COUNT'], self.counts['WARNING_COUNT']))
            self.run_bar.done(tr('Findings added to the group {}.').format(tr(THEME_FINDINGS)))
        elif self.counts['FEATURE_COUNT']:
            self.counts_label.setText(tr('{} features checked: no findings.').format(self.counts['FEATURE_COUNT']))
            self.run_bar.done(tr('Every feature passes the checks.'))
        else:
            self.counts_label.setText(tr('The planning database has no features to check.'))
            self.run_bar.done(tr('Nothing to check: import data into the planning database first.'))
        self.fill_table(layer)
        self.validation_finished.emit(True)

    def fill_table(self, layer):
        colours = {c.code: c.colour for c in SEVERITY.choices}
        labels = {c.code: tr(c.label) for c in SEVERITY.choices}
        self.table.setRowCount(0)
        for feature in layer.getFeatures():
            row = self.table.rowCount()
            self.table.insertRow(row)
            severity = labels.get(feature['severity'], str(feature['severity']))
            tooltip = '\n'.join(str(part) for part in (severity, rule_label(feature['rule']), feature['message'])
                                 if part)
            for column, (name, _) in enumerate(COLUMNS):
                value = feature[name]
                if name == 'severity':
                    text = ''   # its colour; the word is in the tooltip
                elif name == 'layer':
                    text = kind_title(value)
                else:
                    text = rule_label(value)
                item = QTableWidgetItem(text)
                if name == 'severity' and value in colours:
                    item.setData(Qt.ItemDataRole.DecorationRole, QColor(colours[value]))
                item.setToolTip(tooltip)
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
                                      .format(kind_title(table)))
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
        """The algorithm's dialog, prefilled; once it has written the report, a message offers to open the PDF."""
        import processing
        results = processing.execAlgorithmDialog(PLANNING_REPORT, self.report_parameters())
        return self.report_written(results)

    def report_written(self, results):
        """Offer to open the PDF the planning report wrote (a message with an "Open" button); None when it
        wrote nothing (the dialog was closed before running it)."""
        path = (results or {}).get('OUTPUT')
        if not path or not os.path.isfile(str(path)):
            return None
        bar = self.iface.messageBar() if self.iface is not None else None
        return offer_to_open(bar, tr('Planning report'), tr('Written to {}').format(os.path.basename(path)), path)

    def shutdown(self):
        self.run_bar.cancel()
