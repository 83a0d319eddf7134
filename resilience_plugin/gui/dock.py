"""The "Resilience planning" dock: Overlay, Coverage, Risk, Census, Lifelines and Community tabs."""
from qgis.core import QgsProject
from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QFrame, QScrollArea, QTabWidget

from ..translation import tr
from .census_panel import CensusPanel
from .community_panel import CommunityPanel
from .common import PanelSettings
from .coverage_panel import CoveragePanel
from .lifelines_panel import LifelinesPanel
from .overlay_panel import OverlayPanel
from .risk_panel import RiskPanel

DOCK_NAME = 'resilience_planning_dock'


def _scrolled(widget):
    """The tab scrolls up and down; it is laid out to fit the dock's width, so it never scrolls sideways."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(widget)
    return area


class ResilienceDock(QgsDockWidget):

    def __init__(self, iface, parent=None):
        super().__init__(tr('Resilience planning'), parent)
        self.setObjectName(DOCK_NAME)
        self.iface = iface
        self.settings = PanelSettings('dock')
        self.tabs = QTabWidget()
        self.overlay = OverlayPanel(iface)
        self.coverage = CoveragePanel(iface)
        self.risk = RiskPanel(iface)
        self.census = CensusPanel(iface, self.overlay.database_path, report_layers=self.report_layers)
        self.lifelines = LifelinesPanel(iface, self.overlay.database_path)
        self.community = CommunityPanel(iface, self.overlay.database_path)
        self.tabs.setUsesScrollButtons(True)
        self.tabs.setElideMode(Qt.TextElideMode.ElideNone)
        for panel, title in ((self.overlay, tr('Overlay')), (self.coverage, tr('Coverage')),
                             (self.risk, tr('Risk')), (self.census, tr('Census')),
                             (self.lifelines, tr('Lifelines')), (self.community, tr('Community'))):
            self.tabs.addTab(_scrolled(panel), title)
        self.setWidget(self.tabs)
        self.overlay.database_changed.connect(self.census.refresh)
        self.overlay.database_changed.connect(self.lifelines.refresh)
        self.overlay.database_changed.connect(self.community.refresh)
        self.overlay.layers_added.connect(self._layers_added)
        self.tabs.setCurrentIndex(int(self.settings.value('tab', 0)))
        self.tabs.currentChanged.connect(lambda index: self.settings.set('tab', index))
        project = QgsProject.instance()
        self._project_signals = ((project.readProject, self._project_read), (project.cleared, self._project_cleared))
        for signal, slot in self._project_signals:
            signal.connect(slot)

    def panels(self):
        return (self.overlay, self.coverage, self.risk, self.census, self.lifelines, self.community)

    def report_layers(self):
        """The result layers of the Coverage and Risk tabs that the planning report reads."""
        layers = dict(self.coverage.report_layers())
        layers.update(self.risk.report_layers())
        layers.update(self.lifelines.report_layers())
        layers.update(self.community.report_layers())
        return layers

    def _layers_added(self, layers):
        self.coverage.restore_layers()
        self.risk.restore()
        self.census.refresh()
        self.community.restore()
        self.community.refresh()

    def scroll_areas(self):
        return [self.tabs.widget(i) for i in range(self.tabs.count())]

    def _project_cleared(self):
        """Another project (or a new one): nothing of the previous one is shown or running any more."""
        for panel in self.panels():
            panel.reset()

    def _project_read(self, *args):
        """The opened project's layers of the right kinds are chosen (or none); never another kind of layer."""
        self.overlay.follow_project()
        self._layers_added([])
        self.overlay.refresh_themes()

    def shutdown(self):
        """Cancel what is running and drop the project signal connections before the dock is deleted."""
        for signal, slot in self._project_signals:
            try:
                signal.disconnect(slot)
            except TypeError:
                pass
        for panel in self.panels():
            panel.shutdown()
