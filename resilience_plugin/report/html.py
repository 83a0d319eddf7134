"""The report model as one HTML file (the HTML version of the report; the PDF is laid out by report.body)."""
import base64
import html

from ..translation import tr
from .content import Chart, Table

CSS = """
body { font-family: '%(family)s', sans-serif; font-size: %(size)s; color: #222; margin: 0; }
h1 { font-size: 1.9em; color: #12355b; margin: 0 0 0.3em 0; }
h2 { font-size: 1.35em; color: #12355b; border-bottom: 2px solid #12355b; padding-bottom: 2px;
     margin: 1.1em 0 0.5em 0; }
p, li { line-height: 1.4; margin: 0.35em 0; }
table { border-collapse: collapse; width: 100%%; margin: 0.5em 0 0.2em 0; font-size: 0.86em; }
caption { text-align: left; font-weight: bold; padding: 0.2em 0 0.3em 0; }
th { background: #dde6f0; text-align: left; padding: 2px 4px; border: 1px solid #9fb3c8; vertical-align: bottom; }
td { padding: 2px 4px; border: 1px solid #c8d3df; vertical-align: top; }
tr:nth-child(even) td { background: #f4f7fa; }
td.n, th.n { text-align: right; white-space: nowrap; }
.note { font-size: 0.85em; color: #555; }
img.chart { width: 100%%; margin: 0.5em 0; }
img.map { width: 100%%; border: 1px solid #999; }
dl { margin: 0.5em 0; } dt { font-weight: bold; float: left; width: 12em; } dd { margin-left: 12.5em; }
"""


def esc(value):
    return html.escape(str(value))


def data_uri(png):
    return 'data:image/png;base64,' + base64.b64encode(png).decode('ascii')


def table_html(table):
    out = ['<table>']
    if table.caption:
        out.append('<caption>{}</caption>'.format(esc(table.caption)))
    out.append('<tr>{}</tr>'.format(''.join(
        '<th class="n">{}</th>'.format(esc(h)) if i in table.numeric else '<th>{}</th>'.format(esc(h))
        for i, h in enumerate(table.headers))))
    for row in table.rows:
        out.append('<tr>{}</tr>'.format(''.join(
            '<td class="n">{}</td>'.format(esc(v)) if i in table.numeric else '<td>{}</td>'.format(esc(v))
            for i, v in enumerate(row))))
    out.append('</table>')
    if table.note:
        out.append('<p class="note">{}</p>'.format(esc(table.note)))
    return '\n'.join(out)


def block_html(block, images):
    if isinstance(block, str):
        return '<p>{}</p>'.format(esc(block))
    if isinstance(block, Table):
        return table_html(block)
    if isinstance(block, Chart):
        png = images.get(block.key)
        return '<img class="chart" alt="{}" src="{}"/>'.format(esc(block.title), data_uri(png)) if png else ''
    kind, items = block
    return '<ul>{}</ul>'.format(''.join('<li>{}</li>'.format(esc(i)) for i in items))


def sections_html(report, images):
    out = []
    for section in report.sections:
        out.append('<h2 id="{}">{}</h2>'.format(esc(section.key), esc(section.heading)))
        out.extend(block_html(block, images) for block in section.blocks)
    return '\n'.join(out)


def page(report, family, body, size):
    lang = 'zh-CN' if report.language == 'zh_CN' else 'en'
    return ('<!DOCTYPE html>\n<html lang="{}"><head><meta charset="utf-8"/><title>{}</title><style>{}</style>'
            '</head><body>\n{}\n</body></html>\n').format(lang, esc(report.title), CSS % {'family': family,
                                                                                      'size': size}, body)


def standalone_html(report, family, images, map_png=None, map_caption=''):
    """The HTML version: cover details, the overview map as an image, then the same sections."""
    head = ['<h1>{}</h1>'.format(esc(report.title)), '<p>{}</p>'.format(esc(report.subtitle)), '<dl>']
    head += ['<dt>{}</dt><dd>{}</dd>'.format(esc(k), esc(v)) for k, v in report.details]
    head.append('</dl>')
    if map_png:
        head.append('<h2 id="map">{}</h2>'.format(esc(tr('Overview map'))))
        head.append('<img class="map" alt="{}" src="{}"/>'.format(esc(tr('Overview map')), data_uri(map_png)))
        if map_caption:
            head.append('<p class="note">{}</p>'.format(esc(map_caption)))
    body = '\n'.join(head) + '\n' + sections_html(report, images)
    return page(report, family, '<div style="max-width: 60em; margin: 1.5em auto;">{}</div>'.format(body), '11pt')
