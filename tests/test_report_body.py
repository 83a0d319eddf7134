"""report.body's text measures: lines fit their width, nothing is lost, columns fit the page."""
from resilience_plugin.report.body import STYLE, Font, column_widths, wrap

FAMILIES = ('DejaVu Sans', 'Noto Sans CJK SC')


def test_wrap_keeps_every_character_and_fits_the_width():
    font = Font(FAMILIES, 9.5)
    texts = ('Population 71,724: covered 1,942 (2.7%), uncovered 69,782. 92 demand units, 3 of them cannot reach '
             'any facility over the network.',
             '覆盖：每个需求单元经道路网络分配给最近的设施（路网距离加接入段）；该距离或时间在限值以内即视为被覆盖。',
             '/tmp/a/very/long/path/without/any/space/to/a/layer_of_service_area_polygons_written_by_the_demo.gpkg',
             'Averyveryverylongwordwithoutanybreakopportunitywhatsoeverthatcannotfitonalineofthiswidth')
    for text in texts:
        for width in (20.0, 45.0, 180.0):
            lines = wrap(text, font, width)
            assert all(font.width(line) <= width + 1e-6 for line in lines), (text, width)
            assert ''.join(lines).replace(' ', '') == text.replace(' ', ''), (text, width)
    # Chinese breaks between characters, a path at a '/', English at spaces.
    assert len(wrap(texts[1], font, 45.0)) > 1
    path = wrap(texts[2], font, 110.0)
    assert len(path) > 1 and all(line.endswith('/') or after.startswith('/') for line, after in zip(path, path[1:]))
    assert ' '.join(wrap(texts[0], font, 60.0)) == texts[0]


def test_chinese_lines_are_higher_than_latin_ones():
    font = Font(FAMILIES, 7.5)
    assert font.line_height('1,942 / 62') < font.line_height('覆盖汇总') == font.line


def test_columns_fit_the_width_and_numbers_do_not_wrap():
    header, cell = Font(FAMILIES, 7.5, bold=True), Font(FAMILIES, 7.5)
    pad = 2 * STYLE.cell_margin_mm + STYLE.grid_mm + STYLE.wrap_slack_mm
    headers = ['Rank', 'Name', 'Kind', 'Risk grade', 'Distance (m)', 'People', 'Shelters', 'Facilities', 'Buildings',
               'Lifelines (m)']
    rows = [['1', 'Harbour chemical store', 'Hazardous-chemical site', 'Major risk (red)', '1,000', '8,817', '10', '0',
             '205', '32,835']]
    numeric = (0, 4, 5, 6, 7, 8, 9)
    widths = column_widths(headers, rows, numeric, header, cell, 179.85, pad, STYLE.header_min_mm)
    assert abs(sum(widths) - 179.85) < 1e-6
    for c, width in enumerate(widths):
        assert len(wrap(headers[c], header, width - pad)) <= 2
        if c in numeric:
            assert wrap(rows[0][c], cell, width - pad) == [rows[0][c]]
    # A narrow table is widened to the width.
    narrow = column_widths(['Facility', 'Service area (ha)'], [['#1', '56.9']], (1,), header, cell, 100.0, pad)
    assert abs(sum(narrow) - 100.0) < 1e-6
