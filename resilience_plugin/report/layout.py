"""The report's print layout: the template filled with the overview map, the variables and the sections.

The sections are laid out by report.body as labels, tables and pictures in the template's ``content``
rectangle (no layout HTML item: QGIS 4 has none).
"""
from qgis.core import (Qgis, QgsCategorizedSymbolRenderer, QgsCoordinateTransform, QgsExpressionContextUtils,
                       QgsFillSymbol, QgsLayoutExporter, QgsLayoutItemLabel, QgsLayoutItemLegend, QgsLayoutItemMap,
                       QgsLayoutItemScaleBar, QgsLayoutPoint, QgsLayoutSize, QgsLineSymbol, QgsPrintLayout,
                       QgsProject, QgsReadWriteContext, QgsRectangle,
                       QgsSingleSymbolRenderer, QgsVectorLayer)
from qgis.PyQt.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from qgis.PyQt.QtGui import QFont
from qgis.PyQt.QtXml import QDomDocument

from ..definitions import KINDS_BY_NAME, LAYERS_BY_NAME, REPORT_MAP_DPI
from ..qgis_io.database import database_crs, layer_uri
from ..qgis_io.risk_layers import style_by_grade
from ..translation import tr
from ..compat import (LEGEND_GROUP, LEGEND_SUBGROUP, LEGEND_SYMBOL_LABEL, LEGEND_TITLE, label_colour, label_font,
                      set_label_font)
from . import body


class ReportLayoutError(Exception):
    pass


# Planning-database layers drawn on the overview map, top to bottom, with their stored styles.
MAP_DATABASE_LAYERS = ('risk_sources', 'risk_source_areas', 'facilities', 'shelters', 'lifelines')


def load_template(path, project):
    """A print layout from the .qpt at ``path`` (items keep their ids)."""
    doc = QDomDocument()
    try:
        with open(path, encoding='utf-8') as handle:
            ok = doc.setContent(handle.read())
    except OSError as error:
        raise ReportLayoutError(tr('Cannot read the report template {}: {}').format(path, error))
    if not (ok[0] if isinstance(ok, tuple) else ok):
        raise ReportLayoutError(tr('The report template {} is not a QGIS layout template.').format(path))
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    _, loaded = layout.loadFromTemplate(doc, QgsReadWriteContext(), True)
    if not loaded:
        raise ReportLayoutError(tr('The report template {} could not be loaded.').format(path))
    return layout


def item(layout, item_id, required=False):
    found = layout.itemById(item_id)
    if found is None and required:
        raise ReportLayoutError(tr('The report template has no item with the id "{}".').format(item_id))
    return found


# Map layers -------------------------------------------------------------------------------------------
def translate_categories(layer, kind_name):
    """Category labels of a stored style in the report's language (symbols and colours stay as stored)."""
    kind = KINDS_BY_NAME.get(kind_name)
    renderer = layer.renderer()
    if kind is None or kind.style_field is None or not isinstance(renderer, QgsCategorizedSymbolRenderer):
        return
    enum = kind.field(kind.style_field).enum
    for index, category in enumerate(renderer.categories()):
        value = category.value()
        if value in enum.codes():
            renderer.updateCategoryLabel(index, tr(enum.choice(value).label))
        elif value in (None, '') or (hasattr(value, 'isNull') and value.isNull()):
            renderer.updateCategoryLabel(index, tr('(not set)'))


def database_layers(db_path, skip=()):
    """The planning layers of the overview map (non-empty ones), with their stored styles."""
    layers = []
    for name in MAP_DATABASE_LAYERS:
        if name in skip:
            continue
        layer = QgsVectorLayer(layer_uri(db_path, name), tr(LAYERS_BY_NAME[name].title), 'ogr')
        if layer.isValid() and layer.featureCount() > 0:
            translate_categories(layer, name)
            layers.append(layer)
    roads = QgsVectorLayer(layer_uri(db_path, 'road_network'), tr('Road network'), 'ogr')
    if roads.isValid() and roads.featureCount() > 0:
        roads.setRenderer(QgsSingleSymbolRenderer(QgsLineSymbol.createSimple(
            {'line_color': '#b4b4b4', 'line_width': '0.18'})))
    else:
        roads = None
    return layers, roads


def result_copy(layer, name):
    """A layer of its own on the same source, so styling it does not touch the caller's layer."""
    copy = QgsVectorLayer(layer.source(), name, layer.providerType())
    return copy if copy.isValid() else None


def overlay_layers(inputs):
    """Result layers of the overview map: (top-of-map layers, bottom-of-map layers)."""
    top, bottom = [], []
    if inputs.risk_list is not None:
        points = result_copy(inputs.risk_list, tr('Urban safety risk list'))
        if points is not None:
            style_by_grade(points, 'risk_grade')
            top.append(points)
    if inputs.service_areas is not None:
        areas = result_copy(inputs.service_areas, tr('Service areas per facility (polygons)'))
        if areas is not None:
            areas.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
                {'color': '31,120,180,40', 'outline_color': '#1f78b4', 'outline_width': '0.35'})))
            bottom.append(areas)
    if inputs.coverage_demand is not None:
        demand = result_copy(inputs.coverage_demand, tr('Uncovered areas'))
        if demand is not None and demand.setSubsetString('"covered" = 0') and demand.featureCount() > 0:
            demand.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
                {'color': '215,25,28,60', 'outline_color': '#d7191c', 'outline_width': '0.2',
                 'style': 'b_diagonal'})))
            bottom.append(demand)
    if inputs.risk_zones is not None:
        zones = result_copy(inputs.risk_zones, tr('Risk influence zones'))
        if zones is not None:
            style_by_grade(zones, 'risk_grade')
            bottom.append(zones)
    return top, bottom


def map_extent(layers, crs, project):
    extent = QgsRectangle()
    extent.setMinimal()
    for layer in layers:
        box = layer.extent()
        if box.isNull() or box.isEmpty() and layer.featureCount() == 0:
            continue
        if layer.crs() != crs:
            box = QgsCoordinateTransform(layer.crs(), crs, project.transformContext()).transformBoundingBox(box)
        extent.combineExtentWith(box)
    if extent.isNull() or extent.isEmpty():
        return None
    extent.scale(1.06)
    return extent


def fit_ratio(extent, ratio):
    """``extent`` grown in one direction to the width/height ``ratio`` of the map item, centred."""
    width, height = extent.width(), extent.height()
    if width / max(height, 1e-9) < ratio:
        width = height * ratio
    else:
        height = width / ratio
    centre = extent.center()
    return QgsRectangle(centre.x() - width / 2, centre.y() - height / 2, centre.x() + width / 2, centre.y() + height / 2)


def fit_legend(legend):
    """Keep the legend inside the box the template gives it: more columns, then smaller text and symbols."""
    box = legend.sizeWithUnits()
    legend.setResizeToContents(True)
    # A legend measures itself only once it has been painted (it needs the map's scale): paint it small.
    QgsLayoutExporter(legend.layout()).renderPageToImage(legend.page(), QSize(210, 297))
    parts = (LEGEND_TITLE, LEGEND_GROUP, LEGEND_SUBGROUP, LEGEND_SYMBOL_LABEL)
    for step in range(12):
        legend.adjustBoxSize()
        size = legend.sizeWithUnits()
        if size.height() <= box.height() + 0.01 and size.width() <= box.width() + 0.01:
            return True
        if legend.columnCount() < 4 and size.width() * (legend.columnCount() + 1) / legend.columnCount() <= box.width():
            legend.setColumnCount(legend.columnCount() + 1)
            continue
        for part in parts:
            style = legend.rstyle(part)
            font = style.font()
            font.setPointSizeF(max(5.0, font.pointSizeF() * 0.9))
            style.setFont(font)
        legend.setSymbolHeight(max(2.0, legend.symbolHeight() * 0.9))
        legend.setSymbolWidth(max(3.0, legend.symbolWidth() * 0.9))
    legend.setResizeToContents(False)
    legend.attemptResize(box)
    return False


# Fonts ------------------------------------------------------------------------------------------------
def with_family(font, families):
    changed = QFont(font)
    changed.setFamily(families[0])
    changed.setFamilies(list(families))
    return changed


def apply_font(layout, families):
    """Every text item of the layout in the font ``families`` (sizes and weights stay as the template has them)."""
    for layout_item in layout.items():
        if isinstance(layout_item, QgsLayoutItemLabel):
            set_label_font(layout_item, with_family(label_font(layout_item), families))
        elif isinstance(layout_item, QgsLayoutItemLegend):
            for part in (LEGEND_TITLE, LEGEND_GROUP, LEGEND_SUBGROUP,
                         LEGEND_SYMBOL_LABEL):
                style = layout_item.rstyle(part)
                style.setFont(with_family(style.font(), families))
        elif isinstance(layout_item, QgsLayoutItemScaleBar):
            text_format = layout_item.textFormat()
            text_format.setFont(with_family(text_format.font(), families))
            layout_item.setTextFormat(text_format)


# Building ---------------------------------------------------------------------------------------------
def set_variables(layout, variables):
    for name, value in variables.items():
        QgsExpressionContextUtils.setLayoutVariable(layout, name, value)


def fill_map(layout, inputs, crs, project):
    """Map, legend and scale bar: the overlay over the road network, zoomed to the overlay."""
    # The risk list's points are the risk sources, coloured by grade: drawn once.
    db_layers, roads = database_layers(inputs.database, ('risk_sources',) if inputs.risk_list is not None else ())
    top, bottom = overlay_layers(inputs)
    ordered = top + db_layers + bottom + ([roads] if roads is not None else [])
    root = project.layerTreeRoot()
    for layer in ordered:
        project.addMapLayer(layer, False)
        root.addLayer(layer)
    map_item = item(layout, 'map', required=True)
    if not isinstance(map_item, QgsLayoutItemMap):
        raise ReportLayoutError(tr('The report template item "map" is not a map.'))
    map_item.setCrs(crs)
    map_item.setLayers(ordered)
    map_item.setKeepLayerSet(True)
    extent = map_extent(top + bottom + db_layers, crs, project) or map_extent(ordered, crs, project)
    if extent is not None:
        map_item.setExtent(fit_ratio(extent, map_item.rect().width() / max(map_item.rect().height(), 1e-9)))
    legend = item(layout, 'legend')
    if isinstance(legend, QgsLayoutItemLegend):
        legend.setLinkedMap(map_item)
        legend.setAutoUpdateModel(True)
        legend.setLegendFilterByMapEnabled(True)
        legend.setTitle(tr('Legend'))
        fit_legend(legend)
    scalebar = item(layout, 'scalebar')
    if isinstance(scalebar, QgsLayoutItemScaleBar):
        scalebar.setLinkedMap(map_item)
        scalebar.applyDefaultSize()
    return ordered


def add_sections(layout, sections, families, images, image_dir):
    """The sections from the template's ``content`` rectangle on, over as many pages as they need (report.body).

    Returns {section key: index of the page where it starts}.
    """
    placeholder = item(layout, 'content', required=True)
    return body.lay_out(layout, placeholder, sections, families, images, image_dir)


def repeat_footer(layout):
    """The template's ``footer`` on every page after the cover (pages the flow added have none)."""
    footer = item(layout, 'footer')
    if not isinstance(footer, QgsLayoutItemLabel):
        return
    position = footer.pagePositionWithUnits()
    for page in range(1, layout.pageCollection().pageCount()):
        if page == footer.page():
            continue
        copy = QgsLayoutItemLabel(layout)
        copy.setId('footer_{}'.format(page + 1))
        copy.setText(footer.text())
        set_label_font(copy, label_font(footer), label_colour(footer))
        copy.setHAlign(footer.hAlign())
        copy.setVAlign(footer.vAlign())
        layout.addLayoutItem(copy)
        copy.attemptMove(QgsLayoutPoint(position.x(), position.y(), position.units()), page=page)
        copy.attemptResize(QgsLayoutSize(footer.sizeWithUnits()))


def export_pdf(layout, path):
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = REPORT_MAP_DPI
    settings.rasterizeWholeImage = False
    settings.forceVectorOutput = False
    settings.textRenderFormat = Qgis.TextRenderFormat.AlwaysText
    result = QgsLayoutExporter(layout).exportToPdf(path, settings)
    if result != QgsLayoutExporter.ExportResult.Success:
        raise ReportLayoutError(tr('The PDF {} could not be written (layout export error {}).').format(path, result))


def page_png(layout, page, dpi):
    image = QgsLayoutExporter(layout).renderPageToImage(page, QSize(), dpi)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, 'PNG')
    buffer.close()
    return bytes(data)


def map_png(layout, dpi):
    """The overview map with its legend and scale bar, as an image (for the HTML version)."""
    map_item = item(layout, 'map')
    if map_item is None:
        return None
    page = map_item.page()
    exporter = QgsLayoutExporter(layout)
    rect = QRectF()
    for other in layout.items():
        if hasattr(other, 'page') and hasattr(other, 'id') and other.id() in (
                'map', 'legend', 'scalebar', 'north_arrow') and other.page() == page:
            rect = rect.united(other.sceneBoundingRect())
    if rect.isEmpty():
        return page_png(layout, page, dpi)
    image = exporter.renderRegionToImage(rect.adjusted(-2, -2, 2, 2), QSize(), dpi)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, 'PNG')
    buffer.close()
    return bytes(data)


def new_project(crs, transform_context):
    """The report's own project, reprojecting with the run's transform context (the user's datum choices)."""
    project = QgsProject()
    project.setCrs(crs)
    project.setTransformContext(transform_context)
    return project


def build_layout(report, inputs, template, families, images, image_dir, transform_context):
    """The report's print layout: the template (a .qpt path) with its variables, the overview map (reprojected
    with ``transform_context``, the run's) and the sections (report.body) in the font ``families``; charts are
    written into ``image_dir``, which must live until the export.

    Returns (layout, project); the project holds the map's layers and must live as long as the layout.
    """
    crs = database_crs(inputs.database)
    project = new_project(crs, transform_context)
    layout = load_template(template, project)
    set_variables(layout, {
        'report_title': report.title,
        'report_subtitle': report.subtitle,
        'report_details': '\n'.join(tr('{}: {}').format(k, v) for k, v in report.details),
        'report_contents_heading': tr('Contents'),
        'report_contents': '\n'.join([tr('Overview map')] + [s.heading for s in report.sections]),
        'report_map_heading': tr('Overview map'),
        'report_attribution': '; '.join(report.attribution) or tr('Data: see the data attribution section.'),
        'report_language': report.language,
    })
    fill_map(layout, inputs, crs, project)
    apply_font(layout, families)
    # The contents and their page numbers side by side, in the language's own font alone: then the lines of
    # both labels are equally high (QGIS 3.22 makes a line as high as the fonts it draws with).
    for item_id in ('contents', 'contents_pages'):
        label = item(layout, item_id)
        if isinstance(label, QgsLayoutItemLabel):
            set_label_font(label, with_family(label_font(label), families[-1:]))
    first_pages = add_sections(layout, report.sections, families, images, image_dir)
    repeat_footer(layout)
    map_page = item(layout, 'map', required=True).page()
    set_variables(layout, {'report_contents_pages': '\n'.join(
        [str(map_page + 1)] + [str(first_pages[s.key] + 1) for s in report.sections])})
    return layout, project
