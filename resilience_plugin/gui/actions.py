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
