"""Planning layers in a QGIS project: one layer-tree group per theme, each layer with its stored style."""
from qgis.core import QgsProject, QgsVectorLayer

from ..definitions import DATABASE_KINDS, THEMES
from ..translation import tr
from .database import layer_uri


def theme_group(root, theme):
    """The layer-tree group of ``theme`` (an untranslated theme name), created in THEMES order when missing."""
    name = tr(theme)
    group = root.findGroup(name)
    if group is not None:
        return group
    above = {tr(t) for t in THEMES[:THEMES.index(theme)]}
    position = max((i + 1 for i, child in enumerate(root.children()) if child.name() in above), default=0)
    return root.insertGroup(position, name)


def add_database_layers(db_path, project=None, skip_empty=False):
    """Add every planning layer and table of ``db_path`` to ``project``, grouped by theme; layers already in the
    project are not added again, those an older database lacks are left out. Returns the project's planning layers
    of ``db_path``."""
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
