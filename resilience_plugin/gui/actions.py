"""Menu and toolbar actions. They open Processing dialogs; no analysis runs here."""
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from ..paths import icon_path
from ..translation import tr


def _open_algorithm(algorithm_id):
    def run():
        import processing
        processing.execAlgorithmDialog(algorithm_id, {})
    return run


def create_actions(iface, parent):
    """The plugin's actions: create a database, import OSM, validate the census."""
    entries = (
        ('resilience:create_planning_database', tr('Create planning database…'), 'database.svg'),
        ('resilience:import_osm', tr('Import OpenStreetMap data…'), 'import.svg'),
        ('resilience:validate_census', tr('Validate census data…'), 'validate.svg'),
    )
    actions = []
    for algorithm_id, text, icon in entries:
        action = QAction(QIcon(icon_path(icon)), text, parent)
        action.setObjectName(algorithm_id.replace(':', '_'))
        action.triggered.connect(_open_algorithm(algorithm_id))
        actions.append(action)
    return actions


def create_panel_actions(parent):
    """The dock toggle ("Resilience planning" panel) and the "Who serves here?" map tool (checkable)."""
    dock = QAction(QIcon(icon_path('resilience_panel.svg')), tr('Resilience planning panel'), parent)
    dock.setObjectName('resilience_planning_panel')
    dock.setCheckable(True)
    dock.setToolTip(tr('Show or hide the Resilience planning panel (overlay, coverage, risk, census)'))
    tool = QAction(QIcon(icon_path('who_serves.svg')), tr('Who serves here?'), parent)
    tool.setObjectName('resilience_who_serves_here')
    tool.setCheckable(True)
    tool.setToolTip(tr('Click the map to see the nearest facility over the network and whether the place is covered'))
    return dock, tool
