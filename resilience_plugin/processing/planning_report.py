"""resilience:planning_report: the planning-review report as a PDF from a print-layout template, and as HTML."""
import datetime
import os
import tempfile

from qgis.core import (Qgis, QgsProcessingException, QgsProcessingOutputNumber,
                       QgsProcessingParameterEnum, QgsProcessingParameterFile,
                       QgsProcessingParameterFileDestination, QgsProcessingParameterString,
                       QgsProcessingParameterVectorLayer)

from ..definitions import (COVERAGE_DEMAND_SCHEMA, COVERAGE_FACILITIES_SCHEMA, COVERAGE_SUMMARY_SCHEMA,
                           DISASTER_CHAIN_SCHEMA, EVACUATION_SUMMARY_SCHEMA, EXPOSURE_SUMMARY_SCHEMA, FINDINGS_SCHEMA,
                           FORCE_COVERAGE_SCHEMA, LIFELINE_NODES_SCHEMA, LIFELINE_SEGMENTS_SCHEMA, N_,
                           REPORT_HTML_MAP_DPI, REPORT_LANGUAGES, REPORT_TEMPLATE, RESILIENCE_INDEX_SCHEMA,
                           RISK_LIST_SCHEMA, RISK_ZONES_SCHEMA, SERVICE_AREA_POLYGONS_SCHEMA)
from ..paths import plugin_version, resources_dir
from ..qgis_io.atomic import atomic_path
from ..translation import tr
from .base import GROUP_REPORTS, ResilienceAlgorithm
from ..compat import (ALGORITHM_NO_THREADING, SOURCE_ANY_GEOMETRY, SOURCE_LINE, SOURCE_POINT, SOURCE_POLYGON,
                      SOURCE_VECTOR)

# (parameter, description, geometry types, the Inputs attribute, the output schema of the layer it takes).
RESULT_LAYERS = (
    ('COVERAGE_DEMAND', N_('Demand with coverage (population_coverage OUTPUT_DEMAND)'),
     SOURCE_ANY_GEOMETRY, 'coverage_demand', COVERAGE_DEMAND_SCHEMA),
    ('COVERAGE_FACILITIES', N_('Facility loads (population_coverage OUTPUT_FACILITIES)'),
     SOURCE_ANY_GEOMETRY, 'coverage_facilities', COVERAGE_FACILITIES_SCHEMA),
    ('COVERAGE_SUMMARY', N_('Coverage summary (population_coverage OUTPUT_SUMMARY)'),
     SOURCE_VECTOR, 'coverage_summary', COVERAGE_SUMMARY_SCHEMA),
    ('SERVICE_AREAS', N_('Service areas (service_areas polygons)'), SOURCE_POLYGON,
     'service_areas', SERVICE_AREA_POLYGONS_SCHEMA),
    ('RISK_ZONES', N_('Risk influence zones (risk_influence_zones OUTPUT)'), SOURCE_POLYGON,
     'risk_zones', RISK_ZONES_SCHEMA),
    ('EXPOSURE_SUMMARY', N_('Exposure summary (exposure OUTPUT_SUMMARY)'), SOURCE_VECTOR,
     'exposure_summary', EXPOSURE_SUMMARY_SCHEMA),
    ('RISK_LIST', N_('Urban safety risk list (risk_list OUTPUT)'), SOURCE_POINT, 'risk_list', RISK_LIST_SCHEMA),
    ('FINDINGS', N_('Census findings (validate_census OUTPUT)'), SOURCE_POINT, 'findings', FINDINGS_SCHEMA),
    ('LIFELINE_CRITICALITY', N_('Isolation segments (lifeline_criticality OUTPUT)'), SOURCE_LINE,
     'lifeline_criticality', LIFELINE_SEGMENTS_SCHEMA),
    ('LIFELINE_NODES', N_('Node assets (lifeline_criticality OUTPUT_NODES)'), SOURCE_POINT, 'lifeline_nodes',
     LIFELINE_NODES_SCHEMA),
    ('DISASTER_CHAIN', N_('Disaster chain (disaster_chain OUTPUT_TABLE)'), SOURCE_VECTOR, 'disaster_chain',
     DISASTER_CHAIN_SCHEMA),
    ('EVACUATION_SUMMARY', N_('Evacuation plan summary (evacuation_plan OUTPUT_SUMMARY)'), SOURCE_VECTOR,
     'evacuation_summary', EVACUATION_SUMMARY_SCHEMA),
    ('RESILIENCE_INDEX', N_('Resilience index (resilience_index OUTPUT)'), SOURCE_POLYGON, 'resilience_index',
     RESILIENCE_INDEX_SCHEMA),
    ('FORCE_COVERAGE', N_('Community coverage by forces (dispatch OUTPUT_COVERAGE)'), SOURCE_POLYGON,
     'force_coverage', FORCE_COVERAGE_SCHEMA),
)


def missing_fields(layer, schema):
    """The fields of ``schema`` every run writes that ``layer`` lacks (in the schema's order)."""
    names = set(layer.fields().names())
    return [name for name in schema.required() if name not in names]


class Cancelled(QgsProcessingException):
    pass


class PlanningReport(ResilienceAlgorithm):
    NAME = 'planning_report'
    DISPLAY_NAME = N_('Planning-review report')
    GROUP = GROUP_REPORTS
    HELP = N_('The planning-review report as a PDF, built with a QGIS print layout from the template '
              'resources/templates/planning_report.qpt (or TEMPLATE, a copy edited in the layout designer; '
              'items are found by id: title, contents, contents_pages, map, legend, scalebar, north_arrow, '
              'attribution, content, footer; the sections are laid out page by page in the content rectangle). '
              'Pages: cover; overview map with risk zones, lifelines, shelters, facilities and service areas in '
              'the styles stored in the planning database; coverage summary with tables and a chart; overloaded '
              'shelters; uncovered areas; exposure; the risk list; lifeline systems (most critical assets, largest '
              'isolation segments, the disaster chain); community resilience (evacuation plan, resilience index, '
              'emergency forces); census completeness; methods and standards '
              'with their sources and evidence levels; data attribution. Every figure is read from the result '
              'layers given (the outputs of population_coverage, service_areas, risk_influence_zones, exposure, '
              'risk_list, validate_census, lifeline_criticality, disaster_chain, evacuation_plan, resilience_index and '
              'dispatch), checked against the '
              'fields those algorithms write; a section whose layer is not given says so. LANGUAGE en or zh_CN '
              '(Chinese text in a CJK font). Attribution of OpenStreetMap and HSY data is found from the planning '
              'database\'s provenance fields; ATTRIBUTION adds lines. OUTPUT_HTML writes the same content as one '
              'HTML file. The PDF replaces an earlier one only once complete.')

    DATABASE = 'DATABASE'
    TITLE = 'TITLE'
    LANGUAGE = 'LANGUAGE'
    TEMPLATE = 'TEMPLATE'
    ATTRIBUTION = 'ATTRIBUTION'
    OUTPUT = 'OUTPUT'
    OUTPUT_HTML = 'OUTPUT_HTML'
    PAGE_COUNT = 'PAGE_COUNT'

    def flags(self):
        # Print layouts are graphics scenes: they are built and exported on the main thread.
        return super().flags() | ALGORITHM_NO_THREADING

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFile(self.DATABASE, tr('Planning database'),
                                                     extension='gpkg'))
        for name, description, types, _, _ in RESULT_LAYERS:
            self.addParameter(QgsProcessingParameterVectorLayer(name, tr(description), [types], optional=True))
        self.addParameter(QgsProcessingParameterString(self.TITLE, tr('Report title'), optional=True))
        language = QgsProcessingParameterEnum(self.LANGUAGE, tr('Report language'), list(REPORT_LANGUAGES),
                                              defaultValue=REPORT_LANGUAGES[0])
        language.setUsesStaticStrings(True)
        self.addParameter(language)
        self.addParameter(QgsProcessingParameterFile(self.TEMPLATE, tr('Layout template (.qpt; empty: the default)'),
                                                     extension='qpt', optional=True))
        self.addParameter(QgsProcessingParameterString(self.ATTRIBUTION, tr('Additional data attribution'),
                                                       multiLine=True, optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(self.OUTPUT, tr('Report (PDF)'),
                                                                tr('PDF files (*.pdf)')))
        self.addParameter(QgsProcessingParameterFileDestination(self.OUTPUT_HTML, tr('Report (HTML)'),
                                                                tr('HTML files (*.html)'), optional=True,
                                                                createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber(self.PAGE_COUNT, tr('Number of pages')))

    @staticmethod
    def check(feedback):
        if feedback.isCanceled():
            raise Cancelled(tr('Cancelled; no report was written.'))

    def process(self, parameters, context, feedback):
        from ..report.content import Inputs
        from ..report.language import LanguageError, report_language
        from ..report.layout import ReportLayoutError

        database = self.require_database(self.parameterAsFile(parameters, self.DATABASE, context))
        inputs = Inputs(database, attribution=self.parameterAsString(parameters, self.ATTRIBUTION, context))
        given = [(N_('Planning database'), database)]  # translated in the report's language
        for name, description, _, attribute, schema in RESULT_LAYERS:
            layer = self.parameterAsVectorLayer(parameters, name, context)
            if parameters.get(name) not in (None, '') and layer is None:
                raise QgsProcessingException(self.invalidSourceError(parameters, name))
            if layer is not None:
                missing = missing_fields(layer, schema)
                if missing:
                    raise QgsProcessingException(tr(
                        '{} ({}): the layer "{}" ({}) lacks the fields {} that resilience:{} writes into {}. '
                        'Give that output of resilience:{} here.').format(
                        name, tr(description), layer.name(), layer.source(), ', '.join(missing), schema.algorithm,
                        schema.output, schema.algorithm))
                given.append((description, layer.source()))
            setattr(inputs, attribute, layer)
        language = self.parameterAsEnumString(parameters, self.LANGUAGE, context) or REPORT_LANGUAGES[0]
        template = self.parameterAsFile(parameters, self.TEMPLATE, context) or str(
            resources_dir() / 'templates' / REPORT_TEMPLATE)
        pdf_path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        html_path = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)
        if not pdf_path.lower().endswith('.pdf'):
            raise QgsProcessingException(tr('OUTPUT must end with .pdf: {}').format(pdf_path))
        try:
            with report_language(language):
                pages = self.write(inputs, given, language, template, pdf_path, html_path, parameters, context,
                                   feedback)
        except (LanguageError, ReportLayoutError) as error:
            raise QgsProcessingException(str(error))
        results = {self.OUTPUT: pdf_path, self.PAGE_COUNT: pages}
        if html_path:
            results[self.OUTPUT_HTML] = html_path
        feedback.setProgress(100)
        return results

    def write(self, inputs, given, language, template, pdf_path, html_path, parameters, context, feedback):
        """Everything that speaks the report's language (runs inside report_language)."""
        from ..report import chart, html, layout as report_layout
        from ..report.content import Chart, build_report
        from ..report.language import font_families, font_family

        family = font_family(language)
        title = self.parameterAsString(parameters, self.TITLE, context) or tr(
            'Planning review: urban safety and resilience')
        run_details = {'database': os.path.basename(inputs.database),
                       'date': datetime.date.today().isoformat(), 'plugin_version': plugin_version(),
                       'qgis_version': Qgis.QGIS_VERSION}
        feedback.setProgressText(tr('Reading the result layers'))
        report = build_report(inputs, title, language, run_details, given, feedback)
        self.check(feedback)
        images = {}
        for section in report.sections:
            for block in section.blocks:
                if isinstance(block, Chart) and block.labels:
                    images[block.key] = chart.bar_chart_png(block, family)
        feedback.setProgress(35)

        feedback.setProgressText(tr('Filling the layout template'))
        attribution = '; '.join(report.attribution)
        with tempfile.TemporaryDirectory(prefix='resilience_report_') as image_dir:
            layout, project = report_layout.build_layout(report, inputs, template, font_families(language), images,
                                                         image_dir, context.transformContext())
            self.check(feedback)
            feedback.setProgress(55)
            feedback.setProgressText(tr('Writing the PDF'))
            with atomic_path(pdf_path) as tmp:
                report_layout.export_pdf(layout, tmp)
                self.check(feedback)
        feedback.pushInfo(tr('Report written to {} ({} pages).').format(self.final_path(pdf_path),
                                                                         layout.pageCollection().pageCount()))
        feedback.setProgress(85)
        if html_path:
            feedback.setProgressText(tr('Writing the HTML version'))
            picture = report_layout.map_png(layout, REPORT_HTML_MAP_DPI)
            text = html.standalone_html(report, family, images, picture, attribution)
            with atomic_path(html_path) as tmp:
                with open(tmp, 'w', encoding='utf-8') as handle:
                    handle.write(text)
            feedback.pushInfo(tr('HTML version written to {}.').format(self.final_path(html_path)))
        return layout.pageCollection().pageCount()
