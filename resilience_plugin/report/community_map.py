"""The community risk map: a print-layout atlas with one page per community.

The default template (resources/templates/community_risk_map.qpt) is written by ``write_default_template``
(``python -m resilience_plugin.report.community_map``); users edit their copy in the layout designer. Items are
found by id:

- ``map`` (atlas-driven: it follows each community), ``north_arrow``, ``scalebar``, ``legend``;
- labels showing the coverage layer's attributes (``[% "title" %]``, ``[% "summary" %]``) and the layout
  variables the algorithm sets (``@community_map_date``, ``@community_heading_contacts``, ...): ``title``,
  ``date``, ``summary``, the table headings, ``attribution`` and ``footer``;
- four attribute tables, found by the id of their frame: ``contacts_table`` (the community_contacts rows of the
  page's community), ``shelters_table``, ``forces_table`` and ``dangers_table`` (the features in view on the map).

The coverage layer is built by the algorithm: one feature per community with its name, title and summary text.
"""
from qgis.core import (Qgis, QgsFillSymbol, QgsLayoutExporter, QgsLayoutFrame, QgsLayoutItemAttributeTable,
                       QgsLayoutItemLabel, QgsLayoutItemMap, QgsLayoutItemPage, QgsLayoutItemPicture,
                       QgsLayoutItemLegend, QgsLayoutItemScaleBar, QgsLayoutItemShape, QgsLegendStyle, QgsLayoutMultiFrame,
                       QgsLayoutPoint, QgsLayoutSize, QgsLayoutTable, QgsLayoutTableColumn, QgsPalLayerSettings,
                       QgsPrintLayout, QgsProject, QgsReadWriteContext, QgsRuleBasedRenderer, QgsTextBufferSettings,
                       QgsTextFormat, QgsVectorLayerSimpleLabeling)
from qgis.PyQt.QtCore import QSize, Qt
from qgis.PyQt.QtGui import QColor, QFont

from ..compat import (DISTANCE_METERS, LAYOUT_MM, LEGEND_GROUP, LEGEND_SUBGROUP, LEGEND_SYMBOL, LEGEND_SYMBOL_LABEL,
                      LEGEND_TITLE, SCALEBAR_FIT_WIDTH, set_label_font)
from ..definitions import COMMUNITY_MAP_MARGIN, COMMUNITY_MAP_PDF_DPI, COMMUNITY_MAP_PNG_DPI, COMMUNITY_MAP_TABLE_ROWS
from ..translation import tr
from .layout import ReportLayoutError, fit_legend, item, with_family

FONT = 'DejaVu Sans'
PAGE_W, PAGE_H = 297.0, 210.0
NORTH_ARROW_SVG = 'arrows/NorthArrow_02.svg'
BAND = '#12355b'
TABLES = ('contacts_table', 'shelters_table', 'forces_table', 'dangers_table')
# Right column: (table id, heading id, heading variable, y of the heading, height of the table) in mm.
COLUMN_X, COLUMN_W = 199.0, 90.0
TABLE_PLACES = (('contacts_table', 'contacts_heading', 'community_heading_contacts', 49.0, 30.0),
                ('shelters_table', 'shelters_heading', 'community_heading_shelters', 86.0, 32.0),
                ('forces_table', 'forces_heading', 'community_heading_forces', 124.0, 32.0),
                ('dangers_table', 'dangers_heading', 'community_heading_dangers', 162.0, 32.0))


# Template -----------------------------------------------------------------------------------------------
def _place(layout, layout_item, rect):
    x, y, w, h = rect
    layout_item.attemptMove(QgsLayoutPoint(x, y, LAYOUT_MM), page=0)
    layout_item.attemptResize(QgsLayoutSize(w, h, LAYOUT_MM))


def _label(layout, item_id, text, rect, size, bold=False, colour='#222222', halign=Qt.AlignmentFlag.AlignLeft,
           valign=Qt.AlignmentFlag.AlignTop):
    label = QgsLayoutItemLabel(layout)
    label.setId(item_id)
    label.setText(text)
    font = QFont(FONT)
    font.setPointSizeF(size)
    font.setBold(bold)
    set_label_font(label, font, QColor(colour))
    label.setHAlign(halign)
    label.setVAlign(valign)
    layout.addLayoutItem(label)
    _place(layout, label, rect)
    return label


def _table(layout, frame_id, rect):
    table = QgsLayoutItemAttributeTable(layout)
    table.setMaximumNumberOfFeatures(COMMUNITY_MAP_TABLE_ROWS)
    table.setResizeMode(QgsLayoutMultiFrame.ResizeMode.UseExistingFrames)
    table.setWrapBehavior(QgsLayoutTable.WrapBehavior.WrapText)
    table.setEmptyTableBehavior(QgsLayoutTable.EmptyTableMode.ShowMessage)
    table.setEmptyTableMessage('-')
    table.setGridStrokeWidth(0.15)
    table.setGridColor(QColor('#9a9a9a'))
    table.setCellMargin(0.8)
    for setter, size, bold in ((table.setHeaderTextFormat, 6.5, True), (table.setContentTextFormat, 6.5, False)):
        text = QgsTextFormat()
        font = QFont(FONT)
        font.setBold(bold)
        text.setFont(font)
        text.setSize(size)
        setter(text)
    layout.addMultiFrame(table)
    frame = QgsLayoutFrame(layout, table)
    frame.setId(frame_id)
    table.addFrame(frame)
    _place(layout, frame, rect)
    return table


def build_default_layout(project=None):
    """The default community-map layout: one A4 landscape page with the items the algorithm fills."""
    layout = QgsPrintLayout(project or QgsProject.instance())
    layout.initializeDefaults()
    layout.setName('community_risk_map')
    layout.pageCollection().page(0).setPageSize('A4', QgsLayoutItemPage.Orientation.Landscape)
    band = QgsLayoutItemShape(layout)
    band.setId('header_band')
    band.setShapeType(QgsLayoutItemShape.Shape.Rectangle)
    band.setSymbol(QgsFillSymbol.createSimple({'color': BAND, 'outline_style': 'no'}))
    layout.addLayoutItem(band)
    _place(layout, band, (0, 0, PAGE_W, 13))
    _label(layout, 'title', '[% "title" %]', (8, 1.8, 230, 10), 15, bold=True, colour='#ffffff',
           valign=Qt.AlignmentFlag.AlignVCenter)
    _label(layout, 'date', '[% @community_map_date %]', (236, 1.8, 54, 10), 8, colour='#ffffff',
           halign=Qt.AlignmentFlag.AlignRight, valign=Qt.AlignmentFlag.AlignVCenter)
    map_item = QgsLayoutItemMap(layout)
    map_item.setId('map')
    map_item.setFrameEnabled(True)
    map_item.setBackgroundColor(QColor('#ffffff'))
    layout.addLayoutItem(map_item)
    _place(layout, map_item, (8, 16, 186, 146))
    map_item.setAtlasDriven(True)
    map_item.setAtlasScalingMode(QgsLayoutItemMap.AtlasScalingMode.Auto)
    map_item.setAtlasMargin(COMMUNITY_MAP_MARGIN)
    arrow = QgsLayoutItemPicture(layout)
    arrow.setId('north_arrow')
    arrow.setPicturePath(_svg(NORTH_ARROW_SVG))
    arrow.setBackgroundEnabled(True)
    arrow.setBackgroundColor(QColor(255, 255, 255, 210))
    layout.addLayoutItem(arrow)
    _place(layout, arrow, (181, 18, 11, 15))
    arrow.setLinkedMap(map_item)
    scalebar = QgsLayoutItemScaleBar(layout)
    scalebar.setId('scalebar')
    scalebar.setStyle('Single Box')
    scalebar.setLinkedMap(map_item)
    scalebar.setUnits(DISTANCE_METERS)
    scalebar.setNumberOfSegments(4)
    scalebar.setNumberOfSegmentsLeft(0)
    scalebar.setUnitLabel('m')
    scalebar.setSegmentSizeMode(SCALEBAR_FIT_WIDTH)   # round segments fitted anew on every page
    scalebar.setMinimumBarWidth(40)   # QGIS fits the whole bar (all segments) between these widths (mm)
    scalebar.setMaximumBarWidth(75)
    text_format = scalebar.textFormat()
    text_format.setSize(7.5)
    scalebar.setTextFormat(text_format)
    layout.addLayoutItem(scalebar)
    _place(layout, scalebar, (8, 163.5, 90, 9))
    legend = QgsLayoutItemLegend(layout)
    legend.setId('legend')
    legend.setTitle('')
    legend.setLinkedMap(map_item)
    legend.setColumnCount(4)
    legend.setSplitLayer(True)
    legend.setEqualColumnWidth(True)
    legend.setSymbolHeight(3.0)
    legend.setSymbolWidth(4.5)
    for part, size, bold in ((LEGEND_TITLE, 8.0, True), (LEGEND_GROUP, 7.0, True), (LEGEND_SUBGROUP, 7.0, True),
                             (LEGEND_SYMBOL_LABEL, 6.5, False)):
        style = legend.rstyle(part)
        font = QFont(FONT)
        font.setPointSizeF(size)
        font.setBold(bold)
        style.setFont(font)
        style.setMargin(QgsLegendStyle.Side.Top, 1.6 if part == LEGEND_GROUP else 0.6)
    legend.rstyle(LEGEND_SYMBOL).setMargin(QgsLegendStyle.Side.Top, 0.9)
    layout.addLayoutItem(legend)
    _place(layout, legend, (8, 173.5, 186, 28))
    _label(layout, 'summary', '[% "summary" %]', (COLUMN_X, 16, COLUMN_W, 31), 7.5)
    for table_id, heading_id, variable, y, height in TABLE_PLACES:
        _label(layout, heading_id, '[% @{} %]'.format(variable), (COLUMN_X, y, COLUMN_W, 5), 8.5, bold=True,
               colour=BAND)
        _table(layout, table_id, (COLUMN_X, y + 5.5, COLUMN_W, height))
    _label(layout, 'attribution', '[% @community_map_attribution %]', (8, 202.5, 200, 6), 6, colour='#555555',
           valign=Qt.AlignmentFlag.AlignBottom)
    _label(layout, 'footer', '[% @community_map_footer %]   [% @atlas_featurenumber %] / [% @atlas_totalfeatures %]',
           (210, 202.5, 79, 6), 6.5, colour='#666666', halign=Qt.AlignmentFlag.AlignRight,
           valign=Qt.AlignmentFlag.AlignBottom)
    return layout


def _svg(name):
    from qgis.core import QgsSymbolLayerUtils
    return QgsSymbolLayerUtils.svgSymbolNameToPath(name, QgsReadWriteContext().pathResolver())


def write_default_template(path):
    layout = build_default_layout()
    if not layout.saveAsTemplate(str(path), QgsReadWriteContext()):
        raise OSError('Could not write {}'.format(path))
    return path


# Filling ------------------------------------------------------------------------------------------------
def table_of(layout, frame_id):
    """The attribute table whose frame has the id ``frame_id`` (None when the template has none)."""
    frame = layout.itemById(frame_id)
    if isinstance(frame, QgsLayoutFrame) and isinstance(frame.multiFrame(), QgsLayoutItemAttributeTable):
        return frame.multiFrame()
    return None


def set_table(table, layer, columns, map_item=None, feature_filter=None, sort=None):
    """Fill an attribute table: ``columns`` are (heading, expression, width mm or 0); with ``map_item`` only the
    features in view; ``feature_filter`` an expression (the atlas feature is @atlas_feature); ``sort`` an
    (expression, ascending) pair."""
    table.setVectorLayer(layer)
    cols = []
    for heading, expression, width in columns:
        column = QgsLayoutTableColumn(heading)
        column.setAttribute(expression)
        column.setWidth(width)
        cols.append(column)
    table.setColumns(cols)
    if map_item is not None:
        table.setMap(map_item)
        table.setDisplayOnlyVisibleFeatures(True)
    if feature_filter:
        table.setFilterFeatures(True)
        table.setFeatureFilter(feature_filter)
    if sort is not None and hasattr(table, 'setSortColumns'):
        column = QgsLayoutTableColumn()
        column.setAttribute(sort[0])
        column.setSortOrder(Qt.SortOrder.AscendingOrder if sort[1] else Qt.SortOrder.DescendingOrder)
        table.setSortColumns([column])
    table.refreshAttributes()


def style_communities(layer):
    """The atlas coverage: the page's community outlined, the others greyed, every one labelled by name."""
    root = QgsRuleBasedRenderer.Rule(None)
    current = QgsFillSymbol.createSimple({'color': '0,0,0,0', 'outline_color': BAND, 'outline_width': '1.1'})
    other = QgsFillSymbol.createSimple({'color': '160,160,160,90', 'outline_color': '#777777', 'outline_width': '0.3'})
    root.appendChild(QgsRuleBasedRenderer.Rule(current, 0, 0, '@atlas_featureid = $id', tr('This community')))
    root.appendChild(QgsRuleBasedRenderer.Rule(other, 0, 0, '@atlas_featureid <> $id', tr('Other communities')))
    layer.setRenderer(QgsRuleBasedRenderer(root))
    settings = QgsPalLayerSettings()
    settings.fieldName = 'name'
    text = QgsTextFormat()
    font = QFont(FONT)
    font.setBold(True)
    text.setFont(font)
    text.setSize(9)
    text.setColor(QColor(BAND))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(1.0)
    buffer.setColor(QColor('#ffffff'))
    text.setBuffer(buffer)
    settings.setFormat(text)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)
    return layer


def label_points(layer, expression, size=6.5, colour='#222222'):
    """Small labels with a white halo (names of shelters and assembly points)."""
    settings = QgsPalLayerSettings()
    settings.fieldName = expression
    settings.isExpression = True
    text = QgsTextFormat()
    text.setFont(QFont(FONT))
    text.setSize(size)
    text.setColor(QColor(colour))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    buffer.setColor(QColor('#ffffff'))
    text.setBuffer(buffer)
    settings.setFormat(text)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)
    return layer


def set_map(layout, project, coverage, layers, crs):
    """The atlas map with ``layers`` (top first), the legend and the scale bar."""
    for layer in layers:
        project.addMapLayer(layer, False)
        project.layerTreeRoot().addLayer(layer)
    map_item = item(layout, 'map', required=True)
    if not isinstance(map_item, QgsLayoutItemMap):
        raise ReportLayoutError(tr('The template item "map" is not a map.'))
    map_item.setCrs(crs)
    map_item.setLayers(layers)
    map_item.setKeepLayerSet(True)
    map_item.setAtlasDriven(True)
    atlas = layout.atlas()
    atlas.setCoverageLayer(coverage)
    atlas.setEnabled(True)
    atlas.setPageNameExpression('"name"')
    atlas.setSortFeatures(True)
    atlas.setSortExpression('"order"')
    legend = item(layout, 'legend')
    if isinstance(legend, QgsLayoutItemLegend):
        legend.setLinkedMap(map_item)
        legend.setAutoUpdateModel(True)
        legend.setLegendFilterByMapEnabled(True)
    scalebar = item(layout, 'scalebar')
    if isinstance(scalebar, QgsLayoutItemScaleBar):
        scalebar.setLinkedMap(map_item)
    return map_item


def apply_table_fonts(layout, families):
    for table_id in TABLES:
        table = table_of(layout, table_id)
        if table is None:
            continue
        for getter, setter in ((table.headerTextFormat, table.setHeaderTextFormat),
                               (table.contentTextFormat, table.setContentTextFormat)):
            text = getter()
            text.setFont(with_family(text.font(), families))
            setter(text)


def fit_legend_to_pages(layout, atlas, count):
    """Shrink the legend until it fits its template box on every page (each page shows other symbols), then keep
    that box: every page is exported with the same legend size."""
    legend = item(layout, 'legend')
    if not isinstance(legend, QgsLayoutItemLegend):
        return
    box = legend.sizeWithUnits()
    for page in range(count):
        atlas.seekTo(page)
        legend.setResizeToContents(False)
        legend.attemptResize(box)
        fit_legend(legend)
    legend.setResizeToContents(False)
    legend.attemptResize(box)


def pdf_settings():
    """Vector PDF with real text (searchable, copyable: phone numbers, names)."""
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = COMMUNITY_MAP_PDF_DPI
    settings.rasterizeWholeImage = False
    settings.textRenderFormat = Qgis.TextRenderFormat.AlwaysText
    return settings


def export_page(layout, pdf_path, png_path):
    """The current atlas page as a PDF and a PNG."""
    exporter = QgsLayoutExporter(layout)
    result = exporter.exportToPdf(pdf_path, pdf_settings())
    if result != QgsLayoutExporter.ExportResult.Success:
        raise ReportLayoutError(tr('The PDF {} could not be written (layout export error {}).').format(pdf_path, result))
    # the PNG is rendered and saved here: QgsLayoutExporter.exportToImage would also try to georeference it
    # through GDAL, which cannot update a PNG (an error in the log for every page)
    picture = exporter.renderPageToImage(0, QSize(), COMMUNITY_MAP_PNG_DPI)
    if picture.isNull() or not picture.save(png_path, 'PNG'):
        raise ReportLayoutError(tr('The image {} could not be written.').format(png_path))


if __name__ == '__main__':  # pragma: no cover
    import sys
    sys.path.insert(0, str(__import__('pathlib').Path(__file__).resolve().parents[2] / 'tests'))
    from tools.qgis_env import start_qgis
    start_qgis()
    from ..definitions import COMMUNITY_MAP_TEMPLATE
    from ..paths import resources_dir
    print(write_default_template(resources_dir() / 'templates' / COMMUNITY_MAP_TEMPLATE))
