"""Bar charts of the report drawn with QPainter into a PNG (no plotting library)."""
from qgis.PyQt.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from qgis.PyQt.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen

WIDTH_PX = 1800
BAR_PX = 44
GAP_PX = 18


def bar_chart_png(chart, family):
    """Horizontal stacked bars, one per label, with the values written in the bars: PNG bytes."""
    font = QFont(family)
    font.setPixelSize(26)
    bold = QFont(font)
    bold.setBold(True)
    bold.setPixelSize(30)
    metrics = QFontMetricsF(font)
    label_w = min(max([metrics.horizontalAdvance(str(label)) for label in chart.labels] + [100]) + 30, 560)
    top, legend_h = 70, 60
    height = int(top + legend_h + len(chart.labels) * (BAR_PX + GAP_PX) + 60)
    image = QImage(WIDTH_PX, height, QImage.Format.Format_ARGB32)
    image.fill(QColor('white'))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setFont(bold)
        painter.setPen(QColor('#222222'))
        painter.drawText(QRectF(0, 0, WIDTH_PX, top - 10), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         chart.title)
        painter.setFont(font)
        x = 0.0
        for name, colour, _ in chart.series:  # legend
            painter.fillRect(QRectF(x, top + 12, 36, 30), QColor(colour))
            painter.drawText(QRectF(x + 46, top, 500, legend_h - 4),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), name)
            x += 70 + metrics.horizontalAdvance(name)
        totals = [sum(values[i] or 0 for _, _, values in chart.series) for i in range(len(chart.labels))]
        largest = max(totals + [1e-9])
        plot_x, plot_w = label_w, WIDTH_PX - label_w - 20
        y = top + legend_h
        painter.setPen(QPen(QColor('#555555'), 2))
        painter.drawLine(int(plot_x), int(y), int(plot_x), int(y + len(chart.labels) * (BAR_PX + GAP_PX)))
        for i, label in enumerate(chart.labels):
            painter.setPen(QColor('#222222'))
            painter.drawText(QRectF(0, y, label_w - 14, BAR_PX),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                             metrics.elidedText(str(label), Qt.TextElideMode.ElideRight, label_w - 20))
            x = plot_x
            for _, colour, values in chart.series:
                value = values[i] or 0
                w = plot_w * value / largest
                painter.fillRect(QRectF(x, y, w, BAR_PX), QColor(colour))
                caption = chart.value_format.format(value)
                if w > metrics.horizontalAdvance(caption) + 16:
                    painter.setPen(QColor('white'))
                    painter.drawText(QRectF(x, y, w, BAR_PX), int(Qt.AlignmentFlag.AlignCenter), caption)
                x += w
            y += BAR_PX + GAP_PX
    finally:
        painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, 'PNG')
    buffer.close()
    return bytes(data)
