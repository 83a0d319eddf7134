"""The report's sections as print-layout items, page by page in the template's ``content`` rectangle.

QGIS 4 has no layout HTML item (WebKit is gone), so the body is built from items every QGIS version draws
the same way, and paginated here:

- headings and paragraphs: QgsLayoutItemLabel in plain text, wrapped into lines here (at the break
  opportunities of the text's language, so Chinese breaks between characters): every label is exactly as
  high as its lines and no label re-wraps its text;
- tables: QgsLayoutItemManualTable in a QgsLayoutFrame. Column widths fit the content width (long cells
  wrap, numbers do not); a table longer than the space left goes on over the next pages, each part a
  table of its own that starts with the header row. The header is the table's first row (styled as a
  header) and every row has its height set, because QGIS 3.22 sizes a table's own header row from one
  line only and QGIS versions estimate it differently: this way the height of every part is known
  before it is placed;
- charts: QgsLayoutItemPicture of the PNG drawn by report.chart (written into ``image_dir``);
- bullet lists: a bullet label beside each item's label.

Rules of the flow: a heading or a table caption stays with the start of what follows (never alone at
the foot of a page); a paragraph split over two pages keeps at least two lines on each side; a short table
is not split; a longer one keeps at least three rows in each part.

``lay_out`` is generic over the model of report.content: it places any Section (a heading and blocks:
``str`` paragraphs, ``Table``, ``Chart``, ``('list', [str])``), so a new section needs no change here.
"""
import os
from dataclasses import dataclass

from qgis.core import (QgsFillSymbol, QgsLayoutFrame, QgsLayoutItemLabel, QgsLayoutItemManualTable,
                       QgsLayoutItemPage, QgsLayoutItemPicture, QgsLayoutItemShape, QgsLayoutMultiFrame,
                       QgsLayoutPoint, QgsLayoutSize, QgsLayoutUtils, QgsTableCell, QgsTextFormat)
from qgis.PyQt.QtCore import Qt, QTextBoundaryFinder
from qgis.PyQt.QtGui import QColor, QFont, QFontMetricsF, QRawFont

from ..compat import LAYOUT_MM, set_label_font
from .content import Chart, Table
from .language import report_font

EPSILON = 0.01  # mm
# A table frame is this much higher than its rows: QGIS shows a row in a frame only if some height is left
# below it (QgsLayoutTable::rowsVisible); with the exact height the last row would be left out.
TABLE_SLACK_MM = 0.1
# Text is measured at this many pixels per millimetre for its nominal size, and counted this much wider (hinting,
# rounding of font sizes), so that no line is wider when drawn than when measured.
NOMINAL_SCALE = 100.0
WIDTH_MARGIN = 0.01


@dataclass(frozen=True)
class BodyStyle:
    """Sizes (points), colours and spacing (millimetres) of the report body."""
    text_pt: float = 9.5
    heading_pt: float = 13.0
    caption_pt: float = 8.5
    table_pt: float = 7.5
    note_pt: float = 7.5
    text_colour: str = '#222222'
    heading_colour: str = '#12355b'
    note_colour: str = '#555555'
    header_fill: str = '#dde6f0'
    stripe_fill: str = '#f4f7fa'
    grid_colour: str = '#9fb3c8'
    grid_mm: float = 0.15
    cell_margin_mm: float = 0.8
    gap_mm: float = 2.2              # after a paragraph, table, chart or list
    heading_before_mm: float = 5.0   # above a heading (none at the top of a page)
    heading_after_mm: float = 3.0    # between a heading's rule and what follows
    rule_mm: float = 0.5             # the line under a heading
    caption_after_mm: float = 1.0
    bullet_indent_mm: float = 5.0
    header_min_mm: float = 12.0      # a table header up to this wide is not wrapped
    keep_rows: int = 8               # a table of up to this many rows is not split if it fits on a page
    part_rows: int = 3               # a table split over pages has at least this many rows in each part
    item_gap_mm: float = 0.8         # between bullet items
    wrap_slack_mm: float = 0.4       # lines are this much narrower than their box, so nothing re-wraps
    max_cell_lines: int = 12         # a longer cell is cut (with an ellipsis) so a row fits on a page


STYLE = BodyStyle()


# Text ---------------------------------------------------------------------------------------------------
class Font:
    """A font of the body (report.language.font_families) and its measures in layout millimetres, as labels
    and tables draw it."""

    def __init__(self, families, size_pt, bold=False):
        self.qfont = report_font(families, size_pt, bold)
        # Labels (QGIS 3.22) measure and draw layout text with this pixel-scaled font (QgsLayoutUtils.textWidthMM);
        # its pixel size is rounded, so the scale back to millimetres is taken from QGIS's own measure.
        scaled = QgsLayoutUtils.scaledFontPixelSize(self.qfont)
        self._metrics = QFontMetricsF(scaled)
        probe = 'Measure 0123456789'
        self._scale = self._metrics.horizontalAdvance(probe) / QgsLayoutUtils.textWidthMM(self.qfont, probe)
        # Tables (and QGIS 4 labels) draw with QgsTextRenderer at the export's resolution: nearer the nominal size,
        # which can be wider than the rounded one. Text is measured with both and the wider counts.
        nominal = QFont(self.qfont)
        nominal.setPixelSize(round(size_pt * 25.4 / 72.0 * NOMINAL_SCALE))
        self._nominal = QFontMetricsF(nominal)
        # A line drawn in the first family alone is as high as that font's lines; a line with characters of the
        # others (Chinese) as high as the highest of the families.
        each = [QFontMetricsF(QgsLayoutUtils.scaledFontPixelSize(report_font([family], size_pt, bold)))
                for family in families]
        self._first = QRawFont.fromFont(report_font(families[:1], size_pt, bold))  # that font alone, no fallback
        self._first_line = max(each[0].lineSpacing(), each[0].height()) / self._scale
        self.line = max(max(metrics.lineSpacing(), metrics.height()) for metrics in each) / self._scale

    def width(self, text):
        return max(self._metrics.horizontalAdvance(text) / self._scale,
                   self._nominal.horizontalAdvance(text) / NOMINAL_SCALE) * (1.0 + WIDTH_MARGIN)

    def line_height(self, line):
        if all(self._first.supportsCharacter(ord(character)) for character in line):
            return self._first_line
        return self.line

    def height(self, lines):
        return sum(self.line_height(line) for line in lines)

    def lines_that_fit(self, lines, space):
        """How many of ``lines``, from the first, fit in ``space`` mm."""
        used = 0.0
        for count, line in enumerate(lines):
            used += self.line_height(line)
            if used > space + EPSILON:
                return count
        return len(lines)

    def text_format(self, colour):
        text_format = QgsTextFormat.fromQFont(self.qfont)
        text_format.setColor(QColor(colour))
        return text_format


def segments(text):
    """``text`` cut at its line-break opportunities (Unicode line breaking: spaces, between CJK
    characters, at a '/'); each piece keeps its trailing spaces."""
    finder = QTextBoundaryFinder(QTextBoundaryFinder.BoundaryType.Line, text)
    pieces, start = [], 0
    while True:
        end = finder.toNextBoundary()
        if end < 0 or end > len(text):
            break
        if end > start:
            pieces.append(text[start:end])
            start = end
    if start < len(text):
        pieces.append(text[start:])
    return pieces


def _longest_prefix(text, font, width):
    """The length of the longest prefix of ``text`` (at least one character) no wider than ``width``."""
    low, high = 1, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if font.width(text[:middle]) <= width:
            low = middle
        else:
            high = middle - 1
    return low


def wrap(text, font, width):
    """``text`` as lines no wider than ``width`` mm: broken at break opportunities, a word longer than a
    line cut where it reaches the end; explicit line breaks are kept."""
    lines = []
    width += 1e-6  # a column as wide as its longest word holds it, whatever the rounding
    for paragraph in str(text).split('\n'):
        line = ''
        for piece in segments(paragraph):
            if font.width((line + piece).rstrip()) <= width:
                line += piece
                continue
            if line.strip():
                lines.append(line.rstrip())
            line = ''
            while font.width(piece.rstrip()) > width:
                cut = _longest_prefix(piece, font, width)
                lines.append(piece[:cut])
                piece = piece[cut:]
            line = piece
        lines.append(line.rstrip())
    return lines


def longest_piece(text, font):
    return max([font.width(piece.rstrip()) for piece in segments(str(text))] + [0.0])


def label_text(lines):
    """Lines as a label's text; '[%' would start a QGIS expression in a label, so it is broken up."""
    return '\n'.join(lines).replace('[%', '[\u200b%')


# Page flow ----------------------------------------------------------------------------------------------
class Flow:
    """A cursor down the content rectangle of the current page; a new page is inserted after the current
    one (same size as the page of the template's ``content`` rectangle)."""

    def __init__(self, layout, placeholder):
        self.layout = layout
        self.page = placeholder.page()
        position = layout.convertToLayoutUnits(placeholder.pagePositionWithUnits())
        size = layout.convertToLayoutUnits(placeholder.sizeWithUnits())
        self.x, self.top, self.width, self.height = position.x(), position.y(), size.width(), size.height()
        self.page_size = layout.pageCollection().page(self.page).sizeWithUnits()
        self.y = self.top

    @property
    def bottom(self):
        return self.top + self.height

    def space(self):
        return self.bottom - self.y

    def at_top(self):
        return self.y <= self.top + EPSILON

    def new_page(self):
        page = QgsLayoutItemPage(self.layout)
        page.setPageSize(self.page_size)
        self.layout.pageCollection().insertPage(page, self.page + 1)
        self.page += 1
        self.y = self.top

    def keep(self, height):
        """Go to a new page unless ``height`` fits below the cursor (or the cursor is at the top already)."""
        if height > self.space() + EPSILON and not self.at_top():
            self.new_page()

    def gap(self, height):
        if not self.at_top():
            self.y = min(self.y + height, self.bottom)

    def place(self, layout_item, height, indent=0.0, width=None):
        width = self.width - indent if width is None else width
        layout_item.attemptMove(QgsLayoutPoint(self.x + indent, self.y, LAYOUT_MM), page=self.page)
        layout_item.attemptResize(QgsLayoutSize(width, height, LAYOUT_MM))
        self.y += height
        return layout_item


# Building -----------------------------------------------------------------------------------------------
class BodyBuilder:
    """Places the blocks of report sections as layout items (see the module docstring)."""

    def __init__(self, layout, placeholder, families, images, image_dir, style=STYLE):
        self.layout, self.images, self.image_dir, self.style = layout, images, image_dir, style
        self.flow = Flow(layout, placeholder)
        self.text = Font(families, style.text_pt)
        self.heading_font = Font(families, style.heading_pt, bold=True)
        self.caption = Font(families, style.caption_pt, bold=True)
        self.note = Font(families, style.note_pt)
        self.cell = Font(families, style.table_pt)
        self.header = Font(families, style.table_pt, bold=True)
        self.count = 0
        self.first_pages = {}

    def new_id(self, kind):
        self.count += 1
        return 'body_{}_{}'.format(kind, self.count)

    # Blocks ----------------------------------------------------------------------------------------------
    def section(self, section):
        self.flow.gap(self.style.heading_before_mm)
        lines = wrap(section.heading, self.heading_font, self.flow.width - self.style.wrap_slack_mm)
        heading_height = self.heading_font.height(lines) + 2 * self.style.rule_mm
        first = section.blocks[0] if section.blocks else None
        self.flow.keep(heading_height + self.style.heading_after_mm + self.start_height(first))
        self.first_pages[section.key] = self.flow.page
        self.label(lines, self.heading_font, self.style.heading_colour, 'heading')
        self.rule()
        self.flow.gap(self.style.heading_after_mm)
        for block in section.blocks:
            self.block(block)

    def block(self, block):
        if isinstance(block, str):
            self.paragraph(block, self.text, self.style.text_colour)
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, Chart):
            self.chart(block)
        else:
            kind, items = block
            if kind != 'list':
                raise ValueError('Unknown report block {!r}'.format(kind))
            self.bullets(items)
        self.flow.gap(self.style.gap_mm)

    def start_height(self, block):
        """The height of the start of ``block`` that must share the page with the heading above it."""
        if block is None:
            return 0.0
        if isinstance(block, str):
            lines = wrap(block, self.text, self.flow.width - self.style.wrap_slack_mm)
            return self.text.height(lines[:2])
        if isinstance(block, Table):
            return self.table_start(TableGrid(self, block), self.caption_lines(block))
        if isinstance(block, Chart):
            return self.chart_height(block)
        _, items = block
        if not items:
            return 0.0
        lines = wrap(items[0], self.text, self.flow.width - self.style.bullet_indent_mm - self.style.wrap_slack_mm)
        return self.text.height(lines[:2])

    def label(self, lines, font, colour, kind, indent=0.0):
        """One label holding ``lines`` at the cursor (they must fit on the page)."""
        label = QgsLayoutItemLabel(self.layout)
        label.setId(self.new_id(kind))
        label.setText(label_text(lines))
        set_label_font(label, font.qfont, QColor(colour))
        label.setMarginX(0)
        label.setMarginY(0)
        label.setHAlign(Qt.AlignmentFlag.AlignLeft)
        label.setVAlign(Qt.AlignmentFlag.AlignTop)
        self.layout.addLayoutItem(label)
        return self.flow.place(label, font.height(lines), indent)

    def paragraph(self, text, font, colour, indent=0.0, kind='text', first_line=None):
        """A paragraph, split over pages where it does not fit (at least two lines on either side)."""
        lines = wrap(text, font, self.flow.width - indent - self.style.wrap_slack_mm)
        first = True
        while lines:
            fit = font.lines_that_fit(lines, self.flow.space())
            if fit >= len(lines):
                take = len(lines)
            elif fit >= 2 and len(lines) >= 4:
                take = min(fit, len(lines) - 2)
            elif self.flow.at_top():
                take = max(1, fit)
            else:
                self.flow.new_page()
                continue
            if first and first_line is not None:
                first_line(font.line_height(lines[0]))
            first = False
            self.label(lines[:take], font, colour, kind, indent)
            lines = lines[take:]
            if lines:
                self.flow.new_page()

    def bullets(self, items):
        for n, item in enumerate(items):
            if n:
                self.flow.gap(self.style.item_gap_mm)

            def bullet(height):
                label = QgsLayoutItemLabel(self.layout)
                label.setId(self.new_id('bullet'))
                label.setText('\u2022')
                set_label_font(label, self.text.qfont, QColor(self.style.text_colour))
                label.setMarginX(0)
                label.setMarginY(0)
                self.layout.addLayoutItem(label)
                label.attemptMove(QgsLayoutPoint(self.flow.x + 1.0, self.flow.y, LAYOUT_MM), page=self.flow.page)
                label.attemptResize(QgsLayoutSize(self.style.bullet_indent_mm - 1.0, height, LAYOUT_MM))
            self.paragraph(item, self.text, self.style.text_colour, indent=self.style.bullet_indent_mm, kind='list',
                           first_line=bullet)

    def rule(self):
        shape = QgsLayoutItemShape(self.layout)
        shape.setId(self.new_id('rule'))
        shape.setShapeType(QgsLayoutItemShape.Shape.Rectangle)
        shape.setSymbol(QgsFillSymbol.createSimple({'color': self.style.heading_colour, 'outline_style': 'no'}))
        self.layout.addLayoutItem(shape)
        self.flow.y += self.style.rule_mm
        self.flow.place(shape, self.style.rule_mm * 0.6)
        self.flow.y += self.style.rule_mm * 0.4

    def table_start(self, grid, caption):
        """The height a table needs on the page where it starts: all of it if it is short and fits on a page
        (a short table stays in one piece), else its caption, header and first rows."""
        caption_height = self.caption.height(caption) + (self.style.caption_after_mm if caption else 0.0)
        whole = caption_height + grid.part_height(range(len(grid.rows)))
        if len(grid.rows) <= self.style.keep_rows and whole <= self.flow.height:
            return whole
        return caption_height + grid.part_height(range(min(self.style.part_rows, len(grid.rows))))

    def caption_lines(self, table):
        return wrap(table.caption, self.caption, self.flow.width - self.style.wrap_slack_mm) if table.caption else []

    def table(self, table):
        grid = TableGrid(self, table)
        caption = self.caption_lines(table)
        self.flow.keep(self.table_start(grid, caption))
        if caption:
            self.label(caption, self.caption, self.style.text_colour, 'caption')
            self.flow.y += self.style.caption_after_mm
        first, total = 0, len(grid.rows)
        while True:
            left = total - first
            fit = grid.rows_that_fit(first, self.flow.space())
            least = self.style.part_rows
            if fit < min(left, least) and not self.flow.at_top():
                self.flow.new_page()  # not the header and a row or two at the foot of a page
                continue
            take = min(max(fit, 1), left)
            short = least - (left - take)  # rows missing on the next page for a part of its own
            if take < left and short > 0 and take - short >= least:
                take -= short
            rows = list(range(first, first + take))
            frame = grid.part(rows, self.new_id('table'))
            self.flow.place(frame, grid.part_height(rows), width=grid.width)
            first += take
            if first >= total:
                break
            self.flow.new_page()
        if table.note:
            self.flow.gap(self.style.caption_after_mm)
            self.paragraph(table.note, self.note, self.style.note_colour, kind='note')

    def chart_height(self, chart):
        image = self.images.get(chart.key)
        if not image:
            return 0.0
        width_px, height_px = image_size(image)
        return min(self.flow.width * height_px / max(width_px, 1), self.flow.height)

    def chart(self, chart):
        image = self.images.get(chart.key)
        if not image:
            return
        height = self.chart_height(chart)
        width_px, height_px = image_size(image)
        width = height * width_px / max(height_px, 1)
        self.flow.keep(height)
        path = os.path.join(self.image_dir, 'chart_{}.png'.format(chart.key))
        with open(path, 'wb') as handle:
            handle.write(image)
        picture = QgsLayoutItemPicture(self.layout)
        picture.setId(self.new_id('chart'))
        picture.setResizeMode(QgsLayoutItemPicture.ResizeMode.Zoom)
        picture.setPicturePath(path)
        self.layout.addLayoutItem(picture)
        self.flow.place(picture, height, width=width)


def image_size(png):
    """(width, height) in pixels of PNG bytes (from the IHDR chunk)."""
    return int.from_bytes(png[16:20], 'big'), int.from_bytes(png[20:24], 'big')


class TableGrid:
    """A Table measured for the content width: column widths, the wrapped lines of every cell, row heights;
    ``part(rows)`` makes the layout table of some of its rows, with the header row first."""

    def __init__(self, builder, table):
        self.builder, self.table = builder, table
        style = builder.style
        self.margin, self.grid = style.cell_margin_mm, style.grid_mm
        pad = 2 * self.margin + self.grid + style.wrap_slack_mm
        cells = [[str(value) for value in row] for row in table.rows]
        self.widths = column_widths(table.headers, cells, table.numeric, builder.header, builder.cell,
                                    builder.flow.width - self.grid, pad, style.header_min_mm)
        self.width = sum(self.widths) + self.grid
        text_widths = [w - pad for w in self.widths]
        self.header_lines = [wrap(h, builder.header, w) for h, w in zip(table.headers, text_widths)]
        limit = style.max_cell_lines
        self.rows = [[cut_lines(wrap(v, builder.cell, w), limit) for v, w in zip(row, text_widths)] for row in cells]
        self.header_height = max([builder.header.height(lines) for lines in self.header_lines] + [builder.header.line])
        self.row_heights = [max([builder.cell.height(lines) for lines in row] + [builder.cell.line_height('')])
                            for row in self.rows]

    def outer(self, content_height):
        return content_height + 2 * self.margin + self.grid

    def part_height(self, rows):
        """The height of the frame of the part holding ``rows`` (with the header row)."""
        return (self.grid + self.outer(self.header_height) + sum(self.outer(self.row_heights[i]) for i in rows)
                + TABLE_SLACK_MM)

    def rows_that_fit(self, first, space):
        used = self.grid + self.outer(self.header_height) + TABLE_SLACK_MM
        count = 0
        for i in range(first, len(self.rows)):
            used += self.outer(self.row_heights[i])
            if used > space + EPSILON:
                break
            count += 1
        return count

    def part(self, rows, item_id):
        builder, style = self.builder, self.builder.style
        layout = builder.layout
        table = QgsLayoutItemManualTable.create(layout)
        layout.addMultiFrame(table)
        header_format = builder.header.text_format(style.text_colour)
        cell_format = builder.cell.text_format(style.text_colour)
        table.setContentTextFormat(cell_format)
        table.setHeaderTextFormat(header_format)
        table.setIncludeTableHeader(False)
        table.setWrapBehavior(QgsLayoutItemManualTable.WrapBehavior.TruncateText)
        table.setCellMargin(self.margin)
        table.setShowGrid(True)
        table.setGridStrokeWidth(self.grid)
        table.setGridColor(QColor(style.grid_colour))
        numeric = set(self.table.numeric)

        def cell(lines, column, text_format, fill):
            value = QgsTableCell('\n'.join(lines))
            value.setTextFormat(text_format)
            value.setHorizontalAlignment(Qt.AlignmentFlag.AlignRight if column in numeric
                                         else Qt.AlignmentFlag.AlignLeft)
            value.setVerticalAlignment(Qt.AlignmentFlag.AlignTop)
            if fill:
                value.setBackgroundColor(QColor(fill))
            return value

        contents = [[cell(lines, c, header_format, style.header_fill) for c, lines in enumerate(self.header_lines)]]
        heights = [self.header_height]
        for n, i in enumerate(rows):
            fill = style.stripe_fill if n % 2 else None
            contents.append([cell(lines, c, cell_format, fill) for c, lines in enumerate(self.rows[i])])
            heights.append(self.row_heights[i])
        table.setTableContents(contents)
        table.setColumnWidths([w - 2 * self.margin - self.grid for w in self.widths])
        table.setRowHeights(heights)
        table.setResizeMode(QgsLayoutMultiFrame.ResizeMode.UseExistingFrames)
        frame = QgsLayoutFrame(layout, table)
        frame.setId(item_id)
        table.addFrame(frame)
        return frame


def cut_lines(lines, limit):
    if len(lines) <= limit:
        return lines
    return lines[:limit - 1] + [lines[limit - 1] + ' \u2026']


def column_widths(headers, rows, numeric, header_font, cell_font, total, pad, header_min=0.0):
    """Widths (mm, each with ``pad``) of the columns, adding up to ``total``.

    Every column gets at least its longest word (numbers whole: they never wrap) and its header, if that is
    not wider than ``header_min``, on one line (a Chinese header could break after every character); the
    space left is shared in proportion to how much wider each column's longest text is; a table narrower
    than ``total`` is widened in proportion to its columns.
    """
    columns = list(zip(*rows)) if rows else [()] * len(headers)
    natural, minimum = [], []
    for c, header in enumerate(headers):
        texts = columns[c]
        header_width = header_font.width(header)
        header_least = max(longest_piece(header, header_font), min(header_width, header_min))
        widest = max([cell_font.width(t) for t in texts] + [header_width])
        if c in numeric:
            least = max([cell_font.width(t) for t in texts] + [header_least])
        else:
            least = max([longest_piece(t, cell_font) for t in texts] + [header_least])
        natural.append(widest + pad)
        minimum.append(min(least, widest) + pad)
    if sum(natural) <= total:
        return [w * total / sum(natural) for w in natural]
    if sum(minimum) <= total:
        share = (total - sum(minimum)) / (sum(natural) - sum(minimum))
        return [m + (n - m) * share for n, m in zip(natural, minimum)]
    return [m * total / sum(minimum) for m in minimum]


def lay_out(layout, placeholder, sections, families, images, image_dir, style=STYLE):
    """Every section as layout items from the ``placeholder`` rectangle on, over as many pages as needed, in the
    font ``families`` (report.language.font_families); charts are written into ``image_dir``.

    The placeholder is removed. Returns {section key: page index where it starts}.
    """
    builder = BodyBuilder(layout, placeholder, families, images, image_dir, style)
    layout.removeLayoutItem(placeholder)
    for section in sections:
        builder.section(section)
    return builder.first_pages

