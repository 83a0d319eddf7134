"""The default print-layout template of the report (resources/templates/planning_report.qpt).

The shipped .qpt is written by ``write_default_template`` (run this module:
``python -m resilience_plugin.report.template``); users edit their copy in the layout designer. The
report finds items by id and fills the layout variables the labels show (@report_title, ...):

- page 1, cover: ``title``, ``subtitle``, ``cover_details``, ``contents_heading``, ``contents`` (the
  headings: @report_contents), ``contents_pages`` (their page numbers: @report_contents_pages),
  ``cover_attribution``;
- page 2, overview map: ``map_heading``, ``map``, ``north_arrow``, ``scalebar``, ``legend``, ``attribution``;
- page 3: ``content`` (a rectangle: where the report's sections are laid out, continued on as many pages
  as they need, in the rectangle's place on each) and ``footer`` (repeated on every page after the cover).
"""
from qgis.core import (QgsLayoutItemLabel, QgsLayoutItemLegend, QgsLayoutItemMap, QgsLayoutItemPage,
                       QgsLayoutItemPicture, QgsLayoutItemScaleBar, QgsLayoutItemShape, QgsLayoutPoint,
                       QgsLayoutSize, QgsPrintLayout, QgsProject, QgsReadWriteContext, QgsFillSymbol)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QFont

from ..compat import DISTANCE_METERS, LAYOUT_MM, set_label_font

FONT = 'DejaVu Sans'
PAGE_W, PAGE_H = 210.0, 297.0
NORTH_ARROW_SVG = 'arrows/NorthArrow_02.svg'


def _label(layout, item_id, text, rect, size, bold=False, colour='#222222', page=0,
           halign=Qt.AlignmentFlag.AlignLeft, valign=Qt.AlignmentFlag.AlignTop):
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
    _place(layout, label, rect, page)
    return label


def _place(layout, item, rect, page):
    x, y, w, h = rect
    item.attemptMove(QgsLayoutPoint(x, y, LAYOUT_MM), page=page)
    item.attemptResize(QgsLayoutSize(w, h, LAYOUT_MM))


def build_default_layout(project=None):
    """The default report layout: three A4 portrait pages with the items the report fills."""
    layout = QgsPrintLayout(project or QgsProject.instance())
    layout.initializeDefaults()
    layout.setName('planning_report')
    pages = layout.pageCollection()
    pages.page(0).setPageSize('A4', QgsLayoutItemPage.Orientation.Portrait)
    for _ in range(2):
        page = QgsLayoutItemPage(layout)
        page.setPageSize('A4', QgsLayoutItemPage.Orientation.Portrait)
        pages.addPage(page)

    # Cover
    band = QgsLayoutItemShape(layout)
    band.setId('cover_band')
    band.setShapeType(QgsLayoutItemShape.Shape.Rectangle)
    band.setSymbol(QgsFillSymbol.createSimple({'color': '#12355b', 'outline_style': 'no'}))
    layout.addLayoutItem(band)
    _place(layout, band, (0, 0, PAGE_W, 16), 0)
    _label(layout, 'title', '[% @report_title %]', (20, 62, 170, 42), 26, bold=True, colour='#12355b')
    _label(layout, 'subtitle', '[% @report_subtitle %]', (20, 106, 170, 14), 13, colour='#444444')
    _label(layout, 'cover_details', '[% @report_details %]', (20, 124, 170, 34), 10)
    _label(layout, 'contents_heading', '[% @report_contents_heading %]', (20, 168, 170, 9), 13, bold=True,
           colour='#12355b')
    _label(layout, 'contents', '[% @report_contents %]', (20, 179, 150, 80), 11)
    _label(layout, 'contents_pages', '[% @report_contents_pages %]', (170, 179, 20, 80), 11,
           halign=Qt.AlignmentFlag.AlignRight)
    _label(layout, 'cover_attribution', '[% @report_attribution %]', (20, 268, 170, 18), 8, colour='#555555',
           valign=Qt.AlignmentFlag.AlignBottom)

    # Overview map
    _label(layout, 'map_heading', '[% @report_map_heading %]', (15, 12, 180, 10), 15, bold=True, colour='#12355b',
           page=1)
    map_item = QgsLayoutItemMap(layout)
    map_item.setId('map')
    map_item.setFrameEnabled(True)
    map_item.setBackgroundColor(QColor('#ffffff'))
    layout.addLayoutItem(map_item)
    _place(layout, map_item, (15, 24, 180, 184), 1)
    arrow = QgsLayoutItemPicture(layout)
    arrow.setId('north_arrow')
    arrow.setPicturePath(_svg(NORTH_ARROW_SVG))
    arrow.setBackgroundEnabled(True)
    arrow.setBackgroundColor(QColor(255, 255, 255, 200))
    layout.addLayoutItem(arrow)
    _place(layout, arrow, (181, 26, 12, 17), 1)
    arrow.setLinkedMap(map_item)
    scalebar = QgsLayoutItemScaleBar(layout)
    scalebar.setId('scalebar')
    scalebar.setStyle('Single Box')
    scalebar.setLinkedMap(map_item)
    scalebar.setUnits(DISTANCE_METERS)
    scalebar.setNumberOfSegments(4)
    scalebar.setNumberOfSegmentsLeft(0)
    scalebar.setUnitLabel('m')
    layout.addLayoutItem(scalebar)
    _place(layout, scalebar, (15, 210, 80, 12), 1)
    legend = QgsLayoutItemLegend(layout)
    legend.setId('legend')
    legend.setTitle('')
    legend.setLinkedMap(map_item)
    legend.setColumnCount(2)
    legend.setSplitLayer(True)
    legend.setEqualColumnWidth(True)
    layout.addLayoutItem(legend)
    _place(layout, legend, (15, 224, 180, 50), 1)
    _label(layout, 'attribution', '[% @report_attribution %]', (15, 275, 180, 8), 6.5, colour='#444444',
           page=1, valign=Qt.AlignmentFlag.AlignBottom)

    # Sections
    content = QgsLayoutItemShape(layout)
    content.setId('content')
    content.setShapeType(QgsLayoutItemShape.Shape.Rectangle)
    content.setSymbol(QgsFillSymbol.createSimple({'color': '#f0f0f0', 'outline_color': '#bbbbbb'}))
    layout.addLayoutItem(content)
    _place(layout, content, (15, 15, 180, 263), 2)
    _label(layout, 'footer', '[% @report_title %]   [% @layout_page %] / [% @layout_numpages %]',
           (15, 283, 180, 6), 7, colour='#666666', page=2, halign=Qt.AlignmentFlag.AlignRight)
    return layout


def _svg(name):
    from qgis.core import QgsSymbolLayerUtils
    return QgsSymbolLayerUtils.svgSymbolNameToPath(name, QgsReadWriteContext().pathResolver())


def write_default_template(path):
    layout = build_default_layout()
    if not layout.saveAsTemplate(str(path), QgsReadWriteContext()):
        raise OSError('Could not write {}'.format(path))
    return path


if __name__ == '__main__':  # pragma: no cover
    import sys
    sys.path.insert(0, str(__import__('pathlib').Path(__file__).resolve().parents[2] / 'tests'))
    from tools.qgis_env import start_qgis
    start_qgis()
    from ..paths import resources_dir
    from ..definitions import REPORT_TEMPLATE
    print(write_default_template(resources_dir() / 'templates' / REPORT_TEMPLATE))
