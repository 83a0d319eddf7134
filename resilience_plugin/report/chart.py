"""Charts of the report drawn with QPainter into a PNG (no plotting library): bars, and radar charts of the
resilience index."""
from qgis.PyQt.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from qgis.PyQt.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen, QPolygonF

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


def _png(image):
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, 'PNG')
    buffer.close()
    return bytes(data)


def radar_charts_png(names, axes, scores, family, title='', columns=3, panel_px=600, colour='#1f78b4', index=None,
                     no_data='-'):
    """One radar chart per community on a common 0..1 scale (small multiples): PNG bytes.

    names: (c,) community names; axes: (d,) dimension labels; scores: (c, d) values 0..1 (nan: no value, drawn
    at the centre and marked ``no_data``); index: (c,) optional, written beside every name.
    """
    import math
    count = max(len(names), 1)
    columns = max(1, min(columns, count))
    rows = (count + columns - 1) // columns
    head = 80 if title else 10
    image = QImage(columns * panel_px, head + rows * panel_px, QImage.Format.Format_ARGB32)
    image.fill(QColor('white'))
    font = QFont(family)
    font.setPixelSize(22)
    bold = QFont(font)
    bold.setBold(True)
    bold.setPixelSize(28)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        if title:
            painter.setFont(bold)
            painter.setPen(QColor('#222222'))
            painter.drawText(QRectF(20, 0, image.width() - 40, head), int(Qt.AlignmentFlag.AlignLeft |
                                                                           Qt.AlignmentFlag.AlignVCenter), title)
        n_axes = len(axes)
        for k, name in enumerate(names):
            x0 = (k % columns) * panel_px
            y0 = head + (k // columns) * panel_px
            cx, cy = x0 + panel_px / 2.0, y0 + panel_px / 2.0 + 30
            radius = panel_px * 0.25
            painter.setFont(bold)
            painter.setPen(QColor('#222222'))
            caption = str(name) if index is None or not math.isfinite(index[k]) else '{}  {:.2f}'.format(
                name, index[k])
            painter.drawText(QRectF(x0 + 10, y0 + 8, panel_px - 20, 40), int(Qt.AlignmentFlag.AlignCenter), caption)
            points = []
            for a in range(n_axes):
                angle = -math.pi / 2 + 2 * math.pi * a / max(n_axes, 1)
                points.append((math.cos(angle), math.sin(angle)))
            painter.setPen(QPen(QColor('#cccccc'), 1.5))
            for ring in (0.25, 0.5, 0.75, 1.0):
                for a in range(n_axes):
                    (ax, ay), (bx, by) = points[a], points[(a + 1) % n_axes]
                    painter.drawLine(int(cx + ax * radius * ring), int(cy + ay * radius * ring),
                                     int(cx + bx * radius * ring), int(cy + by * radius * ring))
            painter.setFont(font)
            metrics = QFontMetricsF(font)
            for a, (ax, ay) in enumerate(points):
                painter.setPen(QPen(QColor('#999999'), 1.5))
                painter.drawLine(int(cx), int(cy), int(cx + ax * radius), int(cy + ay * radius))
                value = scores[k][a]
                lines = [str(axes[a]), '{:.2f}'.format(value) if math.isfinite(value) else no_data]
                width = min(max(metrics.horizontalAdvance(t) for t in lines) + 8, panel_px * 0.42)
                px, py_ = cx + ax * (radius + 14), cy + ay * (radius + 14)
                if ax > 0.3:
                    left, align = px, Qt.AlignmentFlag.AlignLeft
                elif ax < -0.3:
                    left, align = px - width, Qt.AlignmentFlag.AlignRight
                else:
                    left, align = px - width / 2.0, Qt.AlignmentFlag.AlignHCenter
                left = min(max(left, x0 + 4), x0 + panel_px - width - 4)
                top = py_ - (56 if ay < -0.3 else 0 if ay > 0.3 else 28)
                painter.setPen(QColor('#333333') if math.isfinite(value) else QColor('#999999'))
                for line_no, text in enumerate(lines):
                    painter.drawText(QRectF(left, top + 28 * line_no, width, 28), int(align | Qt.AlignmentFlag.AlignVCenter),
                                     metrics.elidedText(text, Qt.TextElideMode.ElideRight, width))
            shape = QPolygonF([QPointF(cx + ax * radius * (scores[k][a] if math.isfinite(scores[k][a]) else 0.0),
                                       cy + ay * radius * (scores[k][a] if math.isfinite(scores[k][a]) else 0.0))
                               for a, (ax, ay) in enumerate(points)])
            fill = QColor(colour)
            fill.setAlpha(90)
            painter.setBrush(fill)
            painter.setPen(QPen(QColor(colour), 3))
            painter.drawPolygon(shape)
            painter.setBrush(QColor(0, 0, 0, 0))
    finally:
        painter.end()
    return _png(image)
