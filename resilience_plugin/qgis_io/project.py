"""Planning layers in a QGIS project: one layer-tree group per theme, each layer with its stored style.

Theme groups carry the untranslated theme name as a custom property (``THEME_KEY``), and planning layers
their layer kind (``KIND_KEY``): both are found again by key whatever language the groups were named in
and whatever the user renamed them to. They are saved with the project.
"""
from qgis.core import QgsProject, QgsVectorLayer

from ..definitions import DATABASE_KINDS, KINDS_BY_NAME as KINDS, THEMES
from ..translation import tr
from .database import layer_uri

THEME_KEY = 'resilience/theme'
KIND_KEY = 'resilience/kind'


def layer_kind(layer):
    """The planning layer kind (``definitions.LAYERS`` name) of ``layer``: the kind stored when it was added,
    else the table of a planning GeoPackage layer (``...|layername=shelters``); None for other layers."""
    if not isinstance(layer, QgsVectorLayer):
        return None
    stored = layer.customProperty(KIND_KEY)
    if stored:
        return str(stored)
    source = layer.source()
    if '|layername=' not in source:
        return None
    table = source.split('|layername=', 1)[1].split('|', 1)[0]
    return table if table in KINDS else None


def group_theme(node):
    """The theme key stored on a layer-tree group (None for other groups)."""
    value = node.customProperty(THEME_KEY)
    return str(value) if value else None


def find_theme_group(root, theme):
    """The top-level group of ``theme`` (an untranslated theme name), or None.

    Found by its stored key; a group of an older project without the key is recognised by its title in the
    current language and gets the key from then on."""
    groups = root.findGroups()
    for group in groups:
        if group_theme(group) == theme:
            return group
    for group in groups:
        if group_theme(group) is None and group.name() == tr(theme):
            group.setCustomProperty(THEME_KEY, theme)
            return group
    return None


def theme_group(root, theme):
    """The layer-tree group of ``theme``, created (titled in the user's language) in THEMES order when missing."""
    group = find_theme_group(root, theme)
    if group is not None:
        return group
    above = set(THEMES[:THEMES.index(theme)])
    position = max((i + 1 for i, child in enumerate(root.children()) if group_theme(child) in above), default=0)
    group = root.insertGroup(position, tr(theme))
    group.setCustomProperty(THEME_KEY, theme)
    return group


def add_database_layers(db_path, project=None, skip_empty=False):
    """Add every planning layer and table of ``db_path`` to ``project``, grouped by theme; layers already in the
    project are not added again, those an older database lacks are left out. Returns the project's planning layers
    of ``db_path`` (those added and those that were there already: compare with the project's layers before the
    call to count the new ones)."""
    project = project or QgsProject.instance()
    root = project.layerTreeRoot()
    present = {layer.source(): layer for layer in project.mapLayers().values()}
    added = []
    for kind in DATABASE_KINDS:
        uri = layer_uri(db_path, kind.name)
        if uri in present:  # asked twice: the layer the user already has (and may be editing) stays the one
            added.append(present[uri])
            continue
        layer = QgsVectorLayer(uri, tr(kind.title), 'ogr')
        if not layer.isValid() or (skip_empty and layer.featureCount() == 0):
            continue
        layer.setCustomProperty(KIND_KEY, kind.name)
        project.addMapLayer(layer, False)
        theme_group(root, kind.theme).addLayer(layer).setExpanded(False)  # legends folded: the tree stays short
        added.append(layer)
    return added


def add_layer(layer, theme, project=None, position=None):
    """Add an analysis result layer to the group of ``theme``."""
    project = project or QgsProject.instance()
    project.addMapLayer(layer, False)
    group = theme_group(project.layerTreeRoot(), theme)
    if position is None:
        group.addLayer(layer)
    else:
        group.insertLayer(position, layer)
    return layer
