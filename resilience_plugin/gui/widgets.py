"""Small widgets of the panels: a colour legend and a bar chart drawn with QPainter."""
from qgis.PyQt.QtCore import QRectF, QSize, Qt
from qgis.PyQt.QtGui import QColor, QFontMetrics, QPainter, QPixmap
from qgis.PyQt.QtWidgets import QGridLayout, QGroupBox, QLabel, QSizePolicy, QWidget

from ..translation import tr


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
            label = QLabel(text)
            label.setWordWrap(True)
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
