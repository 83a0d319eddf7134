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