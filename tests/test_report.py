"""resilience:planning_report on the Helsinki planning database: the PDF says what the algorithms computed.

Inputs come from the real algorithms: population_coverage and service_areas on the database's shelters,
road network and population grid; validate_census; risk zones, exposure and the risk list of three
synthetic risk sources added to a copy of the database (OSM has none in central Helsinki). The PDF is
read back with pdftotext; Chinese text is compared after NFKC normalisation (the CJK font maps some
glyphs to Kangxi radicals, e.g. U+2F08 for 人).
"""
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from qgis.core import QgsGeometry, QgsPointXY, QgsVectorLayer

ROOT = Path(__file__).resolve().parents[1]
RISK_SOURCES = (  # (name, kind, grade, offset from the road network's centre in m)
    ('Ruoholahti LPG depot', 'lpg_station', 'significant', (-600.0, -250.0)),
    ('Kamppi fuel station', 'fuel_station', 'general', (150.0, 120.0)),
    ('Harbour chemical store', 'hazardous_chemical', 'major', (900.0, -700.0)),
)
SHELTER_CAPACITY = 400  # set on the database's one shelter, so that it is overloaded


def uri(db, name):
    return '{}|layername={}'.format(db, name)


def layer(path, name=None):
    result = QgsVectorLayer(uri(path, name) if name else path, name or 'layer', 'ogr')
    assert result.isValid(), path
    return result


def add_risk_sources(db):
    """Three risk sources around the centre of the road network, written with the database writer."""
    from resilience_plugin.qgis_io.database import FeatureWriter
    centre = layer(db, 'road_network').extent().center()
    rows = []
    for n, (name, kind, grade, (dx, dy)) in enumerate(RISK_SOURCES, start=1):
        point = QgsGeometry.fromPointXY(QgsPointXY(centre.x() + dx, centre.y() + dy))
        rows.append((bytes(point.asWkb()), {'asset_id': 'test-risk-{}'.format(n), 'name': name, 'kind': kind, 'risk_grade': grade,
                                            'responsible_unit': 'Test', 'data_source': 'other'}))
    with FeatureWriter(db) as writer:
        writer.write('risk_sources', rows)


def set_shelter_capacity(db, capacity):
    shelters = layer(db, 'shelters')
    index = shelters.fields().indexOf('capacity_persons')
    assert shelters.dataProvider().changeAttributeValues({f.id(): {index: capacity}
                                                          for f in shelters.getFeatures()})


def build_inputs(run, source_db, out):
    """Run the algorithms on a copy of ``source_db``; returns the report's parameters (without OUTPUT)."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    db = str(out / 'planning.gpkg')
    shutil.copy(source_db, db)
    add_risk_sources(db)
    set_shelter_capacity(db, SHELTER_CAPACITY)
    p = {name: str(out / '{}.gpkg'.format(name)) for name in
         ('demand', 'loads', 'summary', 'areas', 'zones', 'exposed', 'exposure', 'risk_list', 'findings')}
    network = dict(FACILITIES=uri(db, 'shelters'), NETWORK=uri(db, 'road_network'), PRESET=4)  # 2,500 m
    run('resilience:population_coverage', dict(network, DEMAND=uri(db, 'population'), DEMAND_FIELD='population',
                                               CAPACITY_FIELD='capacity_persons', OUTPUT_DEMAND=p['demand'],
                                               OUTPUT_FACILITIES=p['loads'], OUTPUT_SUMMARY=p['summary']))
    run('resilience:service_areas', dict(network, OUTPUT_POLYGONS=p['areas']))
    validation, _ = run('resilience:validate_census', {'DATABASE': db, 'OUTPUT': p['findings']})
    run('resilience:risk_influence_zones', {'RISK_SOURCES': uri(db, 'risk_sources'), 'OUTPUT': p['zones']})
    targets = [layer(db, n) for n in ('lifelines', 'road_network', 'shelters', 'shelter_candidates', 'buildings',
                                    'population')]
    run('resilience:exposure', {'ZONES': p['zones'], 'TARGETS': targets, 'OUTPUT': p['exposed'],
                                'OUTPUT_SUMMARY': p['exposure']})
    run('resilience:risk_list', {'RISK_SOURCES': uri(db, 'risk_sources'), 'TARGETS': targets,
                                 'OUTPUT': p['risk_list']})
    params = {'DATABASE': db, 'COVERAGE_DEMAND': p['demand'], 'COVERAGE_FACILITIES': p['loads'],
              'COVERAGE_SUMMARY': p['summary'], 'SERVICE_AREAS': p['areas'], 'RISK_ZONES': p['zones'],
              'EXPOSURE_SUMMARY': p['exposure'], 'RISK_LIST': p['risk_list'], 'FINDINGS': p['findings']}
    return params, validation


def pdf_text(path, mode='-layout'):
    """The PDF's text: -layout keeps table rows on one line; -raw keeps a wrapped table cell together."""
    out = subprocess.run(['pdftotext', mode, str(path), '-'], check=True, capture_output=True, text=True).stdout
    return unicodedata.normalize('NFKC', out)


def pdf_pages(path):
    info = subprocess.run(['pdfinfo', str(path)], check=True, capture_output=True, text=True).stdout
    return int(re.search(r'Pages:\s+(\d+)', info).group(1))


def cjk_pattern(text):
    """A regex for ``text`` where each ideograph may also come out as a CJK radical (U+2E80-U+2FDF): the font
    shares glyphs between them and the PDF's text map names the radical (e.g. U+2EDB for 风)."""
    return ''.join('(?:{}|[\u2e80-\u2fdf])'.format(re.escape(c)) if ord(c) >= 0x3400 else re.escape(c)
                   for c in unicodedata.normalize('NFKC', text))


def num(value, decimals=0):
    """How the report prints a number (thousands separators)."""
    return '{:,.{}f}'.format(value, decimals)


def flat(text):
    """Text with line breaks and runs of spaces collapsed (table cells and wrapped paragraphs)."""
    return re.sub(r'\s+', ' ', text)


@pytest.fixture(scope='module')
def inputs(helsinki_db, tmp_path_factory):
    from conftest import run_algorithm
    return build_inputs(run_algorithm, helsinki_db, tmp_path_factory.mktemp('report_inputs'))


@pytest.fixture(scope='module')
def reports(inputs, tmp_path_factory):
    """The report in English and Chinese, PDF and HTML."""
    from conftest import run_algorithm
    params, _ = inputs
    out = tmp_path_factory.mktemp('reports')
    written = {}
    for language in ('en', 'zh_CN'):
        pdf, html = out / 'report_{}.pdf'.format(language), out / 'report_{}.html'.format(language)
        result, feedback = run_algorithm('resilience:planning_report', dict(
            params, LANGUAGE=language, OUTPUT=str(pdf), OUTPUT_HTML=str(html)))
        written[language] = (pdf, html, result, feedback)
    return written


def summary_row(params):
    return next(layer(params['COVERAGE_SUMMARY']).getFeatures())


def test_pdf_shows_the_computed_figures(inputs, reports):
    params, validation = inputs
    pdf, html, result, _ = reports['en']
    assert result['OUTPUT'] == str(pdf) and pdf.exists()
    text = flat(pdf_text(pdf))
    total = summary_row(params)
    assert total['population'] > 0 and 0 < total['covered'] < total['population']
    for figure in (num(total['population']), num(total['covered']), num(total['uncovered']),
                   '{:.1%}'.format(total['share_covered'])):
        assert figure in text, figure
    assert '{} findings'.format(validation['FINDING_COUNT']) in text
    first = next(f for f in layer(params['RISK_LIST']).getFeatures() if f['rank'] == 1)
    assert first['risk_grade'] == 'major' and first['name'] in flat(pdf_text(pdf, '-raw'))
    # The overloaded shelter with its load as computed.
    loads = [f for f in layer(params['COVERAGE_FACILITIES']).getFeatures() if f['overloaded']]
    assert loads and num(loads[0]['population']) in text and num(loads[0]['load_ratio'], 2) in text
    for heading in ('Coverage summary', 'Overloaded shelters', 'Uncovered areas', 'Exposure summary',
                    'Urban safety risk list', 'Census completeness', 'Methods and standards', 'Data attribution',
                    'Overview map'):
        assert heading in text, heading
    assert 'OpenStreetMap' in text and 'ODbL' in text and 'HSY' in text and 'CC BY 4.0' in text
    assert 'GB 50413-2007' in text  # a planning standard with its evidence level
    assert result['PAGE_COUNT'] == pdf_pages(pdf) >= 6


def test_html_has_the_same_figures(inputs, reports):
    params, validation = inputs
    _, html, result, _ = reports['en']
    assert result['OUTPUT_HTML'] == str(html)
    text = html.read_text(encoding='utf-8')
    total = summary_row(params)
    for figure in (num(total['population']), num(total['covered']), num(total['uncovered']),
                   '{:.1%}'.format(total['share_covered']), '{} findings'.format(validation['FINDING_COUNT']),
                   RISK_SOURCES[2][0]):
        assert figure in text, figure
    assert text.count('data:image/png;base64,') >= 2  # the map and the chart


def test_chinese_report(inputs, reports):
    from qgis.PyQt.QtCore import QCoreApplication
    from resilience_plugin.report.language import qm_path
    from qgis.PyQt.QtCore import QTranslator
    params, validation = inputs
    pdf, html, result, _ = reports['zh_CN']
    translator = QTranslator()
    assert translator.load(str(qm_path('zh_CN')))
    text = flat(pdf_text(pdf))
    for source in ('Coverage summary', 'Urban safety risk list', 'Exposure summary'):
        chinese = translator.translate('resilience', source)
        assert chinese and chinese != source
        assert re.search(cjk_pattern(chinese), text), chinese
        assert chinese in html.read_text(encoding='utf-8')
    total = summary_row(params)
    assert num(total['population']) in text and num(total['uncovered']) in text
    fonts = subprocess.run(['pdffonts', str(pdf)], check=True, capture_output=True, text=True).stdout
    assert re.search(r'NotoSansCJK\S*\s.*\byes\b', fonts), fonts
    # The user's language is back once the run is over.
    assert QCoreApplication.translate('resilience', 'Coverage summary') == 'Coverage summary'
    assert result['PAGE_COUNT'] >= 6


def test_edited_template(inputs, tmp_path, run):
    """A copy of the template edited like in the layout designer: its title text shows in the PDF."""
    from qgis.core import QgsLayoutItemLabel, QgsProject, QgsReadWriteContext
    from resilience_plugin.report.layout import load_template
    from resilience_plugin.paths import resources_dir
    params, _ = inputs
    layout = load_template(str(resources_dir() / 'templates' / 'planning_report.qpt'), QgsProject())
    title = layout.itemById('title')
    assert isinstance(title, QgsLayoutItemLabel)
    title.setText('Kamppi district review 2024')
    user_copy = tmp_path / 'my_report.qpt'
    assert layout.saveAsTemplate(str(user_copy), QgsReadWriteContext())
    pdf = tmp_path / 'custom.pdf'
    run('resilience:planning_report', {'DATABASE': params['DATABASE'], 'COVERAGE_SUMMARY': params['COVERAGE_SUMMARY'],
                                       'TEMPLATE': str(user_copy), 'OUTPUT': str(pdf)})
    text = pdf_text(pdf)
    assert 'Kamppi district review 2024' in text
    assert 'Not part of this review' in text  # sections without their layer say so


def test_cancelled_run_keeps_the_previous_pdf(inputs, tmp_path):
    from conftest import run_algorithm
    from qgis.core import QgsProcessingException
    from tools.qgis_env import RecordingFeedback
    params, _ = inputs
    pdf = tmp_path / 'report.pdf'
    pdf.write_bytes(b'previous')
    feedback = RecordingFeedback()
    feedback.cancel()
    with pytest.raises(QgsProcessingException):
        run_algorithm('resilience:planning_report', dict(params, OUTPUT=str(pdf)), feedback=feedback)
    assert pdf.read_bytes() == b'previous'
    assert [p.name for p in tmp_path.iterdir()] == ['report.pdf']


def test_pages_render_to_png(reports, tmp_path):
    """Every page of both reports renders with pdftoppm (what the demo does for docs/report)."""
    for language in ('en', 'zh_CN'):
        pdf, _, result, _ = reports[language]
        subprocess.run(['pdftoppm', '-r', '30', '-png', str(pdf), str(tmp_path / language)], check=True)
        assert len(list(tmp_path.glob('{}-*.png'.format(language)))) == result['PAGE_COUNT'] >= 5

# The print layout itself, built as the algorithm builds it -------------------------------------------------
RUN_DETAILS = {'database': 'planning.gpkg', 'date': '2024-01-01', 'plugin_version': 'test', 'qgis_version': 'test'}


def body_items(layout):
    """The items report.body placed (their ids start with body_), frames of the tables included."""
    return [i for i in layout.items() if hasattr(i, 'id') and i.id().startswith('body_')]


@pytest.fixture(scope='module')
def layouts(inputs, tmp_path_factory):
    """{language: (report model, layout, project)} for the test inputs, via report.layout.build_layout."""
    from qgis.core import QgsProject
    from resilience_plugin.paths import resources_dir
    from resilience_plugin.processing.planning_report import RESULT_LAYERS
    from resilience_plugin.report import chart, content
    from resilience_plugin.report.language import font_families, font_family, report_language
    from resilience_plugin.report.layout import build_layout
    params, _ = inputs
    template = str(resources_dir() / 'templates' / 'planning_report.qpt')
    built = {}
    for language in ('en', 'zh_CN'):
        report_inputs = content.Inputs(params['DATABASE'], **{
            attribute: layer(params[name]) for name, _, _, attribute, _ in RESULT_LAYERS if name in params})
        with report_language(language):
            family = font_family(language)
            report = content.build_report(report_inputs, 'Test report', language, RUN_DETAILS,
                                          [('Planning database', params['DATABASE'])])
            images = {block.key: chart.bar_chart_png(block, family) for section in report.sections
                      for block in section.blocks if isinstance(block, content.Chart)}
            image_dir = str(tmp_path_factory.mktemp('charts_' + language))
            layout, project = build_layout(report, report_inputs, template, font_families(language), images,
                                           image_dir, QgsProject.instance().transformContext())
        built[language] = (report, layout, project)
    return built


def test_layout_is_built_without_the_html_item(layouts):
    """QGIS 4 has no layout HTML item: the body is labels, manual tables and pictures."""
    from qgis.core import QgsLayoutItemLabel, QgsLayoutItemManualTable, QgsLayoutItemPicture
    for language, (_, layout, _) in layouts.items():
        kinds = {type(i).__name__ for i in layout.items()} | {type(m).__name__ for m in layout.multiFrames()}
        assert 'QgsLayoutItemHtml' not in kinds, language
        items = body_items(layout)
        assert any(isinstance(i, QgsLayoutItemLabel) and i.id().startswith('body_heading') for i in items)
        assert any(isinstance(i, QgsLayoutItemPicture) for i in items)  # the coverage chart
        assert sum(isinstance(m, QgsLayoutItemManualTable) for m in layout.multiFrames()) >= 8
        assert layout.itemById('content') is None  # the placeholder gave its place to the sections


def test_no_text_overflows_its_item(layouts):
    """Every label holds its text without re-wrapping it (Qt's own word wrap at the label's width gives the
    same lines, as high as the label at most); every table part shows all its rows (QGIS's row count for the
    frame's height) and every cell line fits its column."""
    from qgis.core import QgsLayoutFrame, QgsLayoutItemLabel, QgsLayoutUtils
    from qgis.PyQt.QtCore import QRectF, Qt
    from qgis.PyQt.QtGui import QFontMetricsF
    from resilience_plugin.compat import label_font
    for language, (_, layout, _) in layouts.items():
        context = QgsLayoutUtils.createRenderContextForLayout(layout, None)
        labels = tables = 0
        for item in body_items(layout):
            rect = item.rect()
            if isinstance(item, QgsLayoutItemLabel):
                labels += 1
                font, text = label_font(item), item.currentText()
                assert item.sizeForText().width() <= rect.width() + 0.01, (language, text)
                metrics = QFontMetricsF(QgsLayoutUtils.scaledFontPixelSize(font))
                scale = metrics.horizontalAdvance(text) / max(QgsLayoutUtils.textWidthMM(font, text), 1e-9)
                left = int(Qt.AlignmentFlag.AlignLeft)
                as_given = metrics.boundingRect(QRectF(0, 0, 1e6, 1e6), left, text)
                wrapped = metrics.boundingRect(QRectF(0, 0, rect.width() * scale, 1e6),
                                               left | int(Qt.TextFlag.TextWordWrap), text)
                assert abs(wrapped.height() - as_given.height()) < 0.5, (language, text)  # no line was re-wrapped
                assert wrapped.height() / scale <= rect.height() + 0.01, (language, text)
            elif isinstance(item, QgsLayoutFrame):
                tables += 1
                table = item.multiFrame()
                rows = table.tableContents()
                assert table.rowsVisible(context, rect.height(), 0, False, False) == len(rows), (language, item.id())
                widths = table.columnWidths()
                for row in rows:
                    for column, cell in enumerate(row):
                        font = cell.textFormat().toQFont()
                        for line in str(cell.content()).split('\n'):
                            assert QgsLayoutUtils.textWidthMM(font, line) <= widths[column] + 0.01, (language, line)
        assert labels > 20 and tables >= 8


def test_body_stays_in_the_content_rectangle_without_overlaps(layouts):
    """Items lie inside the template's content rectangle of their page and do not overlap; a heading is never
    the last item of its page (kept with what follows)."""
    from qgis.core import QgsProject
    from qgis.PyQt.QtCore import QRectF
    from resilience_plugin.paths import resources_dir
    from resilience_plugin.report.layout import load_template
    template = load_template(str(resources_dir() / 'templates' / 'planning_report.qpt'), QgsProject())
    placeholder = template.itemById('content')
    origin, size = placeholder.pagePositionWithUnits(), placeholder.sizeWithUnits()
    content = QRectF(origin.x(), origin.y(), size.width(), size.height()).adjusted(-0.01, -0.01, 0.01, 0.01)
    for language, (_, layout, _) in layouts.items():
        pages = {}
        for item in body_items(layout):
            position = item.pagePositionWithUnits()
            box = QRectF(position.x(), position.y(), item.rect().width(), item.rect().height())
            assert content.contains(box), (language, item.id(), box)
            pages.setdefault(item.page(), []).append((box, item.id()))
        assert len(pages) >= 4
        for page, boxes in pages.items():
            for n, (box, name) in enumerate(boxes):
                for other, other_name in boxes[n + 1:]:
                    overlap = box.intersected(other)
                    assert overlap.width() * overlap.height() < 1e-6, (language, page, name, other_name)
            last = max(boxes, key=lambda b: b[0].bottom())
            headings = [b for b in boxes if b[1].startswith('body_heading')]
            assert all(h[0].bottom() < last[0].top() for h in headings if h is not last), (language, page)
            assert not last[1].startswith(('body_heading', 'body_rule', 'body_caption')), (language, page, last[1])


def test_tables_repeat_their_header_on_every_page(inputs, reports, layouts):
    """The uncovered units run over several pages: each page that shows some of them starts the table part
    with the header row (in the PDF and in the layout)."""
    params, _ = inputs
    uncovered = [f for f in layer(params['COVERAGE_DEMAND']).getFeatures() if not f['covered']]
    units = {str(f['asset_id'])[:13] for f in uncovered}
    pdf = reports['en'][0]
    pages_with_units = []
    for page in range(1, pdf_pages(pdf) + 1):
        text = subprocess.run(['pdftotext', '-f', str(page), '-l', str(page), '-layout', str(pdf), '-'],
                              check=True, capture_output=True, text=True).stdout
        if any(unit in text for unit in units):
            pages_with_units.append(page)
            assert 'Demand unit' in text and 'Nearest facility' in text, page
    assert len(pages_with_units) >= 2
    # Every unit is in the PDF once: no row was lost where the table breaks.
    text = pdf_text(pdf, '-raw')
    assert all(text.count(unit) == 1 for unit in units)
    report, layout, _ = layouts['en']
    headers = [h for h in report.section('uncovered').blocks if hasattr(h, 'headers')][0].headers
    parts = [m for m in layout.multiFrames() if [c.content() for c in m.tableContents()[0]] == headers]
    assert len(parts) == len(pages_with_units)


def test_every_paragraph_is_in_the_pdf(reports, layouts):
    """Nothing is cut: every paragraph, list item, caption and note of the model is in the PDF's text."""
    from resilience_plugin.report.content import Table
    for language in ('en', 'zh_CN'):
        report = layouts[language][0]
        text = re.sub(r'\s+', '', pdf_text(reports[language][0], '-raw'))
        texts = []
        for section in report.sections:
            texts.append(section.heading)
            for block in section.blocks:
                if isinstance(block, str):
                    texts.append(block)
                elif isinstance(block, Table):
                    texts += [t for t in (block.caption, block.note) if t]
                elif isinstance(block, tuple):
                    texts += block[1]
        for item in texts:
            assert re.search(cjk_pattern(re.sub(r'\s+', '', item)), text), (language, item)


def test_chinese_report_translates_labels_the_algorithms_wrote(layouts):
    """The total row population_coverage named in its run's language, and exposure's target and network codes,
    are shown in the report's language."""
    from qgis.PyQt.QtCore import QTranslator
    from resilience_plugin.definitions import EXPOSURE_TARGET, NETWORK_TYPE
    from resilience_plugin.report.language import qm_path
    translator = QTranslator()
    assert translator.load(str(qm_path('zh_CN')))

    def zh(source):
        return translator.translate('resilience', source)
    report = layouts['zh_CN'][0]
    coverage = next(b for b in report.section('coverage').blocks if hasattr(b, 'headers'))
    assert coverage.rows[0][0] == zh('Total') != 'Total'
    exposure = [b for b in report.section('exposure').blocks if hasattr(b, 'headers')][-1]
    targets = {zh(c.label) for c in EXPOSURE_TARGET.choices}
    networks = {zh(c.label) for c in NETWORK_TYPE.choices}
    assert exposure.rows and all(row[1] in targets for row in exposure.rows)
    assert any(row[2] in networks for row in exposure.rows)
    assert not {row[2] for row in exposure.rows} & set(NETWORK_TYPE.codes())


def test_wrong_layer_is_named_with_its_missing_fields(inputs, tmp_path, run):
    """A buildings layer as the coverage summary, or a summary without one of its fields: a message naming the
    parameter, the layer and the fields, no traceback."""
    from qgis.core import QgsProcessingException
    params, _ = inputs
    buildings = uri(params['DATABASE'], 'buildings')
    with pytest.raises(QgsProcessingException) as error:
        run('resilience:planning_report', {'DATABASE': params['DATABASE'], 'COVERAGE_SUMMARY': buildings,
                                           'OUTPUT': str(tmp_path / 'wrong.pdf')})
    message = str(error.value)
    assert 'COVERAGE_SUMMARY' in message and 'buildings' in message
    assert 'district, population, covered, uncovered, share_covered, units, units_unreachable' not in message
    assert 'district' in message and 'share_covered' in message and 'units_unreachable' in message
    assert 'population_coverage' in message and 'Traceback' not in message
    summary = layer(params['COVERAGE_SUMMARY'])
    copy = QgsVectorLayer('None?field=district:string&field=population:double&field=covered:double'
                          '&field=uncovered:double&field=units:integer&field=units_unreachable:integer',
                          'my summary', 'memory')
    copy.dataProvider().addFeatures(list(summary.getFeatures()))
    with pytest.raises(QgsProcessingException, match='share_covered'):
        run('resilience:planning_report', {'DATABASE': params['DATABASE'], 'COVERAGE_SUMMARY': copy,
                                           'OUTPUT': str(tmp_path / 'wrong2.pdf')})
    assert not (tmp_path / 'wrong.pdf').exists() and not (tmp_path / 'wrong2.pdf').exists()
