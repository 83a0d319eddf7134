"""Small widgets of the panels: labels that fit a narrow dock, a colour legend and a bar chart drawn with
QPainter."""
from qgis.core import Qgis
from qgis.gui import QgsMessageBarItem
from qgis.PyQt.QtCore import QEvent, QObject, QRectF, QSize, Qt, QUrl
from qgis.PyQt.QtGui import QColor, QDesktopServices, QFontMetrics, QPainter, QPixmap, QTextLayout
from qgis.PyQt.QtWidgets import (QComboBox, QGridLayout, QGroupBox, QLabel, QPushButton, QSizePolicy, QStyle,
                                 QStyleOptionComboBox, QStylePainter, QWidget)

from ..translation import tr


def line_height(font, sample='管Ag'):
    """The height of a line of text in ``font``, Chinese glyphs (drawn from a fallback font, often taller)
    included."""
    layout = QTextLayout(sample, font)
    layout.beginLayout()
    line = layout.createLine()
    layout.endLayout()
    return int(line.height() + 0.999)


def wrapping_label(text=''):
    """A label that wraps its text to the width it gets and never makes the dock wider (a long word, such as
    a file path, is cut rather than widening the panel)."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    return label


class ElidedLabel(QLabel):
    """One line of text elided to the width it gets (``…`` in the middle by default, for paths), the whole
    text in its tooltip. ``text()`` gives the whole text."""

    def __init__(self, text='', mode=Qt.TextElideMode.ElideMiddle, parent=None):
        super().__init__(parent)
        self.mode = mode
        self.full_text = ''
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setText(text)

    def setText(self, text):  # noqa: N802 (Qt name)
        self.full_text = text or ''
        self.setToolTip(self.full_text)
        self._elide()

    def text(self):
        return self.full_text

    def shown_text(self):
        """The text as drawn (elided when it does not fit)."""
        return super().text()

    def minimumSizeHint(self):  # noqa: N802
        return QSize(0, super().minimumSizeHint().height())

    def resizeEvent(self, event):  # noqa: N802
        super().resizeEvent(event)
        self._elide()

    def _elide(self):
        width = self.contentsRect().width()
        text = self.full_text if width <= 0 else QFontMetrics(self.font()).elidedText(self.full_text, self.mode, width)
        QLabel.setText(self, text)


def combo_shown_text(combo, option=None):
    """The current entry of ``combo`` as drawn: elided with "…" to the width of its field."""
    if option is None:
        option = QStyleOptionComboBox()
        combo.initStyleOption(option)
    field = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                         QStyle.SubControl.SC_ComboBoxEditField, combo)
    icon = option.iconSize.width() + 4 if not option.currentIcon.isNull() else 0
    return combo.fontMetrics().elidedText(option.currentText, Qt.TextElideMode.ElideRight,
                                          max(field.width() - icon, 0))


class _ElidedComboPainter(QObject):
    """Paints a combo box's current entry elided with "…" when it does not fit (Qt cuts it off)."""

    def eventFilter(self, combo, event):  # noqa: N802
        if event.type() != QEvent.Type.Paint or not isinstance(combo, QComboBox) or combo.isEditable():
            return False
        painter = QStylePainter(combo)
        option = QStyleOptionComboBox()
        combo.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        option.currentText = combo_shown_text(combo, option)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)
        painter.end()
        return True


_COMBO_PAINTER = _ElidedComboPainter()


def elide_combo(combo):
    """Draw ``combo``'s current entry elided ("Fixed shelter (medium-te…") where it does not fit."""
    combo.installEventFilter(_COMBO_PAINTER)
    return combo


def offer_to_open(bar, title, text, path):
    """A message in the message bar ``bar`` with an "Open" button that opens the file ``path`` in the system's
    viewer (the user decides; nothing is launched otherwise). Returns the message item (None without a bar)."""
    if bar is None:
        return None
    item = QgsMessageBarItem(title, text, Qgis.MessageLevel.Success, 0)
    button = QPushButton(tr('Open'), item)   # owned by the message, gone with it
    button.setObjectName('open_file')
    button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(path)))
    item.setWidget(button)
    bar.pushItem(item)
    return item


class FlowGrid(QWidget):
    """Widgets in two columns when the width allows, else in one (check boxes in a narrow dock)."""

    def __init__(self, widgets, parent=None):
        super().__init__(parent)
        self.items = list(widgets)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.columns = 0
        self.arrange(2)

    def arrange(self, columns):
        if columns == self.columns:
            return
        self.columns = columns
        for widget in self.items:
            self.grid.removeWidget(widget)
        for i, widget in enumerate(self.items):
            self.grid.addWidget(widget, i // columns, i % columns)
        self.updateGeometry()

    def two_columns_width(self):
        first = max((w.sizeHint().width() for w in self.items[0::2]), default=0)
        second = max((w.sizeHint().width() for w in self.items[1::2]), default=0)
        return first + second + max(self.grid.horizontalSpacing(), 0)

    def minimumSizeHint(self):  # noqa: N802
        widest = max((w.minimumSizeHint().width() for w in self.items), default=0)
        return QSize(widest, super().minimumSizeHint().height())

    def resizeEvent(self, event):  # noqa: N802
        super().resizeEvent(event)
        self.arrange(2 if event.size().width() >= self.two_columns_width() else 1)


def swatch(colour, size=14):
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour))
    return pixmap


class Legend(QGroupBox):
    """A titled list of colour swatches with their labels (labels already translated)."""

    def __init__(self, title, entries, parent=None):
        super().__init__(title, parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(6, 4, 6, 4)
        grid.setVerticalSpacing(2)
        self.labels = []
        for row, (colour, text) in enumerate(entries):
            box = QLabel()
            box.setPixmap(swatch(colour))
            label = wrapping_label(text)
            grid.addWidget(box, row, 0, Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(label, row, 1)
            self.labels.append(label)
        grid.setColumnStretch(1, 1)


class BarChart(QWidget):
    """Horizontal bars: ``set_bars([(label, value, colour), ...])``; value labels at the bar ends."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.bars = []
        self.unit = ''
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(40)

    def set_bars(self, bars, unit=''):
        self.bars = [(str(label), float(value or 0.0), colour) for label, value, colour in bars]
        self.unit = unit
        self.setFixedHeight(max(40, 8 + 22 * len(self.bars)))
        self.update()

    def sizeHint(self):  # noqa: N802
        return QSize(260, max(40, 8 + 22 * len(self.bars)))

    def minimumSizeHint(self):  # noqa: N802
        return QSize(120, max(40, 8 + 22 * len(self.bars)))

    def paintEvent(self, event):  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        if not self.bars:
            painter.setPen(self.palette().color(self.foregroundRole()))
            painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignCenter), tr('No results yet'))
            painter.end()
            return
        label_width = min(max(metrics.horizontalAdvance(label) for label, _, _ in self.bars) + 8,
                          int(self.width() * 0.45))
        values_width = max(metrics.horizontalAdvance(self.format(value)) for _, value, _ in self.bars) + 8
        bar_space = max(10, self.width() - label_width - values_width - 8)
        top = max(value for _, value, _ in self.bars) or 1.0
        y = 4
        for label, value, colour in self.bars:
            text = metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_width - 6)
            painter.setPen(self.palette().color(self.foregroundRole()))
            painter.drawText(QRectF(0, y, label_width - 6, 18),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), text)
            width = bar_space * value / top
            painter.fillRect(QRectF(label_width, y + 2, max(width, 1.0), 14), QColor(colour))
            painter.drawText(QRectF(label_width + width + 4, y, values_width, 18),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), self.format(value))
            y += 22
        painter.end()

    @staticmethod
    def format(value):
        return '{:,.0f}'.format(value)
