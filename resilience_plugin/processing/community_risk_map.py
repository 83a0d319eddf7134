"""resilience:community_risk_map: an atlas with one page per community (risk points and hidden dangers, shelters,
assembly points, evacuation routes, emergency forces and supplies, contacts), as PDF and PNG per community."""
import datetime
import json
import os
import re

from qgis.core import (QgsFeature, QgsField, QgsFields, QgsGeometry, QgsProcessingException,
                       QgsProcessingOutputFile, QgsProcessingOutputNumber, QgsProcessingParameterEnum,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterField, QgsProcessingParameterFile,
                       QgsProcessingParameterFolderDestination, QgsProcessingParameterMapLayer,
                       QgsProcessingParameterString, QgsProcessingParameterVectorLayer, QgsRasterLayer,
                       QgsVectorLayer, QgsLayoutExporter)

from ..compat import (ALGORITHM_NO_THREADING, FIELD_ANY, FIELD_NUMERIC, FIELD_TYPES, GEOM_LINE, GEOM_POINT,
                      GEOM_POLYGON, SOURCE_LINE, SOURCE_POINT, SOURCE_POLYGON, geometry_type)
from ..definitions import (COMMUNITY_KINDS, COMMUNITY_MAP_MARKER, COMMUNITY_MAP_TEMPLATE, CONTACT_ROLE, DANGER_STATUS,
                           EVACUATION_ROUTES_SCHEMA, EVACUATION_SHELTERS_SCHEMA, FORCE_KIND, KINDS_BY_NAME, N_,
                           REPORT_LANGUAGES, RISK_GRADE, SHELTER_CLASS, SRC_DEMONSTRATION_COMMUNITY,
                           SRC_WUHAN_EVACUATION_MAP)
from ..paths import resources_dir
from ..qgis_io.atomic_folder import FolderSwapError, atomic_folder
from ..qgis_io.network_layers import read_features, representative_points, to_float
from ..qgis_io.result_styles import (style_assembly_points, style_by_grade, style_evacuation_routes,
                                     style_hidden_dangers, style_plan_shelters)
from ..translation import tr
from .base import GROUP_COMMUNITY, ResilienceAlgorithm

MANIFEST = 'community_maps.json'
ATLAS_NAME = 'community_risk_maps.pdf'
SQLITE_COMPANIONS = ('-wal', '-shm', '-journal')
# Planning-database layers on the map, top first (hidden dangers and assembly points get their own symbols).
MAP_KINDS = ('assembly_points', 'emergency_forces', 'hidden_dangers', 'risk_sources', 'facilities', 'shelters',
             'risk_source_areas')


def case_labels(field, enum):
    """A QGIS expression giving the translated label of every code of ``enum`` in ``field``."""
    def quote(text):
        return "'{}'".format(str(text).replace("'", "''"))
    whens = ' '.join('WHEN "{}" = {} THEN {}'.format(field, quote(c.code), quote(tr(c.label))) for c in enum.choices)
    return 'CASE {} ELSE "{}" END'.format(whens, field)


def safe_name(text):
    """A file name from a community name (letters of any script kept; separators and reserved characters not)."""
    name = re.sub(r'[\\/:*?"<>|\s]+', '_', str(text)).strip('._')
    return name[:80] or 'community'


class CommunityRiskMap(ResilienceAlgorithm):
    NAME = 'community_risk_map'
    DISPLAY_NAME = N_('Community risk maps (atlas)')
    GROUP = GROUP_COMMUNITY
    ICON = 'resilience.svg'
    HELP = N_('One map page per community (COMMUNITIES, named by NAME_FIELD), from the print-layout template '
              'resources/templates/community_risk_map.qpt (or TEMPLATE, a copy edited in the layout designer; items '
              'are found by id): risk points and areas, hidden dangers, shelters with their capacity, assembly '
              'points, evacuation routes (ROUTES: evacuation_plan OUTPUT_ROUTES) and the shelters of the plan '
              '(SHELTER_LOADS: its OUTPUT_SHELTERS), emergency forces and facilities (fire stations, hospitals, '
              'supply depots) from the planning DATABASE, risk zones (RISK_ZONES), with legend, scale bar, north '
              'arrow and attribution; tables of the community\'s contacts (community_contacts: role, name, phone), '
              'and of the shelters, forces and hidden dangers in view; a summary of residents (DEMAND, else the '
              'communities\' population field), shelter places, risk points, forces and the evacuation plan. '
              'Written into the OUTPUT folder: a PDF and a PNG per community and one PDF of all pages, in English '
              'or Chinese (LANGUAGE). The folder is replaced as a whole, and only when it is empty or holds '
              'community maps this algorithm wrote.')

    COMMUNITIES = 'COMMUNITIES'
    NAME_FIELD = 'NAME_FIELD'
    DEMAND = 'DEMAND'
    DEMAND_FIELD = 'DEMAND_FIELD'
    ROUTES = 'ROUTES'
    SHELTER_LOADS = 'SHELTER_LOADS'
    RISK_ZONES = 'RISK_ZONES'
    LANGUAGE = 'LANGUAGE'
    TEMPLATE = 'TEMPLATE'
    TITLE = 'TITLE'
    ATTRIBUTION = 'ATTRIBUTION'
    OUTPUT = 'OUTPUT'
    ATLAS = 'ATLAS'
    PAGE_COUNT = 'PAGE_COUNT'

    def flags(self):
        # Print layouts render on the main thread.
        return super().flags() | ALGORITHM_NO_THREADING

    def shortHelpString(self):  # noqa: N802
        return '{}\n\n{}\n{}'.format(tr(self.HELP), SRC_DEMONSTRATION_COMMUNITY.describe(),
                                     SRC_WUHAN_EVACUATION_MAP.describe())

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(self.COMMUNITIES, tr('Communities (polygons)'),
                                                              [SOURCE_POLYGON]))
        self.addParameter(QgsProcessingParameterField(self.NAME_FIELD, tr('Community name field'), 'name',
                                                      self.COMMUNITIES, FIELD_ANY, optional=True))
        self.add_database_parameter()
        self.addParameter(QgsProcessingParameterMapLayer(self.DEMAND, tr('Residents: population polygons or points'),
                                                         optional=True))
        self.addParameter(QgsProcessingParameterField(self.DEMAND_FIELD, tr('Population field'),
                                                      parentLayerParameterName=self.DEMAND, type=FIELD_NUMERIC,
                                                      optional=True))
        self.addParameter(QgsProcessingParameterVectorLayer(self.ROUTES, tr('Evacuation routes (evacuation_plan '
                                                                            'OUTPUT_ROUTES)'), [SOURCE_LINE],
                                                            optional=True))
        self.addParameter(QgsProcessingParameterVectorLayer(self.SHELTER_LOADS, tr('Shelters of the plan '
                                                                                   '(evacuation_plan OUTPUT_SHELTERS)'),
                                                            [SOURCE_POINT], optional=True))
        self.addParameter(QgsProcessingParameterVectorLayer(self.RISK_ZONES, tr('Risk influence zones'),
                                                            [SOURCE_POLYGON], optional=True))
        language = QgsProcessingParameterEnum(self.LANGUAGE, tr('Language'), list(REPORT_LANGUAGES),
                                              defaultValue=REPORT_LANGUAGES[0])
        language.setUsesStaticStrings(True)
        self.addParameter(language)
        self.addParameter(QgsProcessingParameterFile(self.TEMPLATE, tr('Layout template (.qpt; empty: the default)'),
                                                     extension='qpt', optional=True))
        self.addParameter(QgsProcessingParameterString(self.TITLE, tr('Map title'), optional=True))
        self.addParameter(QgsProcessingParameterString(self.ATTRIBUTION, tr('Additional data attribution'),
                                                       multiLine=True, optional=True))
        self.addParameter(QgsProcessingParameterFolderDestination(self.OUTPUT, tr('Folder of the community maps')))
        self.addOutput(QgsProcessingOutputFile(self.ATLAS, tr('All community maps (PDF)')))
        self.addOutput(QgsProcessingOutputNumber(self.PAGE_COUNT, tr('Number of pages')))

    # Output folder -----------------------------------------------------------------------------
    @staticmethod
    def check_output(folder):
        """Refuse to replace a folder unless it is empty or holds community maps of ours and nothing else."""
        if not folder:
            raise QgsProcessingException(tr('No OUTPUT folder given.'))
        if not os.path.exists(folder):
            return
        if not os.path.isdir(folder):
            raise QgsProcessingException(tr('{} exists and is not a folder.').format(folder))
        present = set(os.listdir(folder))
        if not present:
            return
        try:
            with open(os.path.join(folder, MANIFEST), encoding='utf-8') as stream:
                manifest = json.load(stream)
            ours = manifest.get('package') == COMMUNITY_MAP_MARKER
            written = set(manifest.get('files') or []) | {MANIFEST}
        except (OSError, ValueError, AttributeError, TypeError):
            ours = False
        if not ours:
            raise QgsProcessingException(tr('The folder {} is not empty and holds no community maps; choose a new '
                                            'or empty folder (the maps replace the whole folder).').format(folder))
        foreign = sorted(present - written)
        if foreign:
            raise QgsProcessingException(tr('The folder {} holds community maps and files this algorithm did not '
                                            'write ({}); move them out or choose a new or empty folder. Nothing was '
                                            'changed.').format(folder, ', '.join(foreign[:5])))

    # Run ---------------------------------------------------------------------------------------
    def process(self, parameters, context, feedback):
        from ..report.language import LanguageError, report_language
        from ..report.layout import ReportLayoutError
        store = self.store(parameters, context, ensure=COMMUNITY_KINDS)
        with self.database_errors():
            crs = store.crs()
        source = self.parameterAsSource(parameters, self.COMMUNITIES, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.COMMUNITIES))
        communities = [f for f in read_features(source, crs, context) if f.hasGeometry()]
        if not communities:
            raise QgsProcessingException(tr('The community layer {} has no polygon.').format(source.sourceName()))
        name_field = self.parameterAsString(parameters, self.NAME_FIELD, context) or 'name'
        if source.fields().indexOf(name_field) < 0:
            raise QgsProcessingException(tr('The community layer {} has no field "{}" (NAME_FIELD).').format(
                source.sourceName(), name_field))
        names = []
        for f in communities:
            value = f[name_field]
            empty = value is None or (hasattr(value, 'isNull') and value.isNull()) or str(value).strip() == ''
            names.append('#{}'.format(f.id()) if empty else str(value))
        if len(set(names)) < len(names):
            raise QgsProcessingException(tr('Community names in {} are not unique; contacts are matched by '
                                            'name.').format(name_field))
        output = os.path.abspath(self.parameterAsFileOutput(parameters, self.OUTPUT, context))
        self.check_output(output)
        language = self.parameterAsEnumString(parameters, self.LANGUAGE, context) or REPORT_LANGUAGES[0]
        template = self.parameterAsFile(parameters, self.TEMPLATE, context) or str(
            resources_dir() / 'templates' / COMMUNITY_MAP_TEMPLATE)
        try:
            with report_language(language):
                pages, files = self.write(parameters, context, feedback, store, crs, source, communities, names,
                                          language, template, output)
        except (LanguageError, ReportLayoutError) as error:
            raise QgsProcessingException(str(error))
        except FolderSwapError as error:
            raise QgsProcessingException(tr('The new maps could not replace {} (is a file of it open?): {}').format(
                output, error))
        feedback.pushInfo(tr('{} community maps written to {} ({} files).').format(pages, output, len(files)))
        return {self.OUTPUT: output, self.ATLAS: os.path.join(output, ATLAS_NAME), self.PAGE_COUNT: pages}

    def write(self, parameters, context, feedback, store, crs, source, communities, names, language, template,
              output):
        """Everything that speaks the map's language (runs inside report_language)."""
        from ..report import community_map as atlas_map
        from ..report import layout as report_layout
        from ..report.content import detect_attribution
        from ..report.language import font_families
        families = font_families(language)
        feedback.setProgressText(tr('Reading the community layers'))
        db = self.database_layers(store)
        results = self.result_layers(parameters, context)
        summaries = self.summaries(parameters, context, feedback, crs, communities, names, db, results)
        title = self.parameterAsString(parameters, self.TITLE, context) or tr('Community risk map')
        coverage = self.coverage_layer(crs, communities, names, summaries, title)
        self.check_cancel(feedback)
        feedback.setProgress(15)
        project = report_layout.new_project(crs, context.transformContext())
        layout = report_layout.load_template(template, project)
        attribution = detect_attribution(store.label()) + [
            line.strip() for line in (self.parameterAsString(parameters, self.ATTRIBUTION, context) or '').splitlines()
            if line.strip()]
        report_layout.set_variables(layout, {
            'community_map_date': datetime.date.today().isoformat(),
            'community_map_footer': tr('Community risk map'),
            'community_map_attribution': '; '.join(attribution) or tr('Data: see the planning database.'),
            'community_heading_contacts': tr('Contacts'),
            'community_heading_shelters': tr('Shelters and capacity (in view)'),
            'community_heading_forces': tr('Emergency forces (in view)'),
            'community_heading_dangers': tr('Hidden dangers (in view)'),
            'community_map_language': language,
        })
        layers = self.map_layers(db, results, coverage)
        map_item = atlas_map.set_map(layout, project, coverage, layers, crs)
        self.fill_tables(layout, db, results, map_item)
        report_layout.apply_font(layout, families)
        atlas_map.apply_table_fonts(layout, families)
        legend = report_layout.item(layout, 'legend')
        if legend is not None:
            legend.setTitle(tr('Legend'))
        atlas = layout.atlas()
        if not atlas.beginRender():
            raise QgsProcessingException(tr('The atlas of the community maps could not start.'))
        count = atlas.count()
        atlas_map.fit_legend_to_pages(layout, atlas, count)
        files = []
        with atomic_folder(output, replaceable=self.check_output) as folder:
            feedback.setProgressText(tr('Writing the community maps'))
            for page in range(count):
                self.check_cancel(feedback)
                atlas.seekTo(page)
                stem = '{:02d}_{}'.format(page + 1, safe_name(atlas.nameForPage(page)))
                atlas_map.export_page(layout, os.path.join(folder, stem + '.pdf'), os.path.join(folder, stem + '.png'))
                files += [stem + '.pdf', stem + '.png']
                feedback.setProgress(20 + 70.0 * (page + 1) / max(count, 1))
            atlas.endRender()
            result, error = QgsLayoutExporter.exportToPdf(atlas, os.path.join(folder, ATLAS_NAME),
                                                          atlas_map.pdf_settings())
            if result != QgsLayoutExporter.ExportResult.Success:
                raise QgsProcessingException(tr('The PDF of all community maps could not be written: {}').format(
                    error))
            files.append(ATLAS_NAME)
            self.check_cancel(feedback)
            with open(os.path.join(folder, MANIFEST), 'w', encoding='utf-8') as stream:
                json.dump({'package': COMMUNITY_MAP_MARKER, 'algorithm': 'resilience:' + self.NAME,
                           'language': language, 'database': store.label(), 'template': template,
                           'communities': names, 'created': datetime.datetime.now().isoformat(timespec='seconds'),
                           'files': files}, stream, ensure_ascii=False, indent=2)
        return count, files

    # Layers ------------------------------------------------------------------------------------
    def database_layers(self, store):
        from ..report.layout import translate_categories
        layers = {}
        with self.database_errors():
            names = store.table_names()
            for name in MAP_KINDS + ('community_contacts', 'road_network'):
                if name not in names:
                    continue
                layer = store.layer(name, tr(KINDS_BY_NAME[name].title))
                translate_categories(layer, name)
                layers[name] = layer
        if 'hidden_dangers' in layers:
            style_hidden_dangers(layers['hidden_dangers'])
        if 'assembly_points' in layers:
            style_assembly_points(layers['assembly_points'])
        if 'road_network' in layers:
            from qgis.core import QgsLineSymbol, QgsSingleSymbolRenderer
            layers['road_network'].setRenderer(QgsSingleSymbolRenderer(QgsLineSymbol.createSimple(
                {'line_color': '#b4b4b4', 'line_width': '0.2'})))
        return layers

    def result_layers(self, parameters, context):
        from ..report.layout import result_copy
        out = {}
        for name, title, style, kind, schema in (
                (self.ROUTES, tr('Evacuation routes'), style_evacuation_routes, GEOM_LINE, EVACUATION_ROUTES_SCHEMA),
                (self.SHELTER_LOADS, tr('Shelters of the evacuation plan'), style_plan_shelters, GEOM_POINT,
                 EVACUATION_SHELTERS_SCHEMA),
                (self.RISK_ZONES, tr('Risk influence zones'), None, GEOM_POLYGON, None)):
            layer = self.parameterAsVectorLayer(parameters, name, context)
            if parameters.get(name) not in (None, '') and layer is None:
                raise QgsProcessingException(self.invalidSourceError(parameters, name))
            if layer is None:
                continue
            if geometry_type(layer) != kind:
                raise QgsProcessingException(tr('{} ({}) must be a layer of {}.').format(
                    name, layer.name(), {GEOM_LINE: tr('lines'), GEOM_POINT: tr('points'),
                                         GEOM_POLYGON: tr('polygons')}[kind]))
            missing = [f for f in (schema.required() if schema else ()) if layer.fields().indexOf(f) < 0]
            if missing:
                raise QgsProcessingException(tr('{} ({}) lacks the fields {} that {} writes into {}.').format(
                    name, layer.name(), ', '.join(missing), schema.algorithm, schema.output))
            copy = result_copy(layer, title)
            if copy is None:
                raise QgsProcessingException(self.invalidSourceError(parameters, name))
            if style is not None:
                style(copy)
            elif copy.fields().indexOf('risk_grade') >= 0:
                style_by_grade(copy, opacity=0.18)
            out[name] = copy
        return out

    def map_layers(self, db, results, coverage):
        from ..report.community_map import label_points, style_communities
        ordered = []
        if 'assembly_points' in db:
            ordered.append(label_points(db['assembly_points'], '"name"', colour='#2f6b2b'))
        for name in ('emergency_forces', 'hidden_dangers', 'risk_sources', 'facilities'):
            if name in db:
                ordered.append(db[name])
        if self.SHELTER_LOADS in results:
            ordered.append(label_points(results[self.SHELTER_LOADS],
                                        "\"shelter\" || ' (' || format_number(\"capacity\", 0) || ')'"))
        for name in ('shelters', 'risk_source_areas'):
            if name in db:
                ordered.append(db[name])
        if self.ROUTES in results:
            ordered.append(results[self.ROUTES])
        if self.RISK_ZONES in results:
            ordered.append(results[self.RISK_ZONES])
        ordered.append(style_communities(coverage))
        if 'road_network' in db:
            ordered.append(db['road_network'])
        return ordered

    def fill_tables(self, layout, db, results, map_item):
        from ..report.community_map import set_table, table_of
        contacts = table_of(layout, 'contacts_table')
        if contacts is not None and 'community_contacts' in db:
            set_table(contacts, db['community_contacts'],
                      [(tr('Role'), case_labels('role', CONTACT_ROLE), 26), (tr('Name'), '"name"', 36),
                       (tr('Phone'), '"phone"', 24)],
                      feature_filter='"community" = attribute(@atlas_feature, \'name\')', sort=('"sort_order"', True))
        shelters = table_of(layout, 'shelters_table')
        if shelters is not None:
            plan = results.get(self.SHELTER_LOADS)
            if plan is not None:
                set_table(shelters, plan, [(tr('Shelter'), '"shelter"', 52),
                                           (tr('Capacity'), 'format_number("capacity", 0)', 16),
                                           (tr('Evacuees'), 'format_number("people", 0)', 16)],
                          map_item, '"capacity" IS NOT NULL', ('"capacity"', False))
            elif 'shelters' in db:
                set_table(shelters, db['shelters'], [(tr('Shelter'), 'coalesce("name", \'#\' || $id)', 42),
                                                     (tr('Class'), case_labels('shelter_class', SHELTER_CLASS), 28),
                                                     (tr('Capacity'), 'format_number("capacity_persons", 0)', 16)],
                          map_item, sort=('"capacity_persons"', False))
        forces = table_of(layout, 'forces_table')
        if forces is not None and 'emergency_forces' in db:
            set_table(forces, db['emergency_forces'], [(tr('Force'), '"name"', 33),
                                                       (tr('Kind'), case_labels('force_kind', FORCE_KIND), 18),
                                                       (tr('Staff'), '"personnel"', 9), (tr('Phone'), '"phone"', 24)],
                      map_item, sort=('"personnel"', False))
        dangers = table_of(layout, 'dangers_table')
        if dangers is not None and 'hidden_dangers' in db:
            rank = 'CASE {} END'.format(' '.join("WHEN \"risk_grade\" = '{}' THEN {}".format(c.code, k)
                                                 for k, c in enumerate(RISK_GRADE.choices)))
            set_table(dangers, db['hidden_dangers'], [(tr('Hidden danger'), '"name"', 35),
                                                      (tr('Grade'), case_labels('risk_grade', RISK_GRADE), 18),
                                                      (tr('Status'), case_labels('status', DANGER_STATUS), 18),
                                                      (tr('Deadline'), 'coalesce(to_string("deadline"), \'-\')', 15)],
                      map_item, sort=(rank, True))

    # Per community -----------------------------------------------------------------------------
    def summaries(self, parameters, context, feedback, crs, communities, names, db, results):
        """The summary text of every community (counts inside its polygon)."""
        shapes = [f.geometry() for f in communities]
        residents = self.residents(parameters, context, feedback, crs, communities)

        def inside(layer, where=None):
            """Per community: the features of ``layer`` (in the database CRS) inside it."""
            out = [[] for _ in shapes]
            if layer is None:
                return out
            for feature in read_features(layer, crs, context):
                if not feature.hasGeometry():
                    continue
                geometry = feature.geometry()
                point = geometry.pointOnSurface()
                for k, shape in enumerate(shapes):
                    if shape.contains(point):
                        out[k].append(feature)
                        break
            return out

        plan = results.get(self.SHELTER_LOADS)
        shelters = inside(plan if plan is not None else db.get('shelters'))
        capacity_field = 'capacity' if plan is not None else 'capacity_persons'
        assembly = inside(db.get('assembly_points'))
        risks = [a + b for a, b in zip(inside(db.get('risk_sources')), inside(db.get('risk_source_areas')))]
        dangers = inside(db.get('hidden_dangers'))
        forces = inside(db.get('emergency_forces'))
        routes = self.routes_from(results.get(self.ROUTES), context, crs, shapes)
        text = []
        for k, name in enumerate(names):
            lines = [tr('Residents: {}').format('{:,.0f}'.format(residents[k]) if residents[k] is not None else '-')]
            places = sum(to_float([f[capacity_field] for f in shelters[k]], 0.0)) if shelters[k] else 0.0
            lines.append(tr('Shelters in the community: {} with {:,.0f} places; assembly points: {}').format(
                len(shelters[k]), places, len(assembly[k])))
            if routes is not None:
                people, targets, mean = routes[k]
                lines.append(tr('Evacuation plan: {:,.0f} residents to {} shelters, {:,.0f} m on average').format(
                    people, targets, mean) if people > 0 else tr('Evacuation plan: nobody of this community placed'))
            open_dangers = sum(1 for f in dangers[k] if f['status'] != 'remediated')
            lines.append(tr('Risk points: {}; hidden dangers: {} ({} not remediated)').format(
                len(risks[k]), len(dangers[k]), open_dangers))
            staff = sum(to_float([f['personnel'] for f in forces[k]], 0.0)) if forces[k] else 0.0
            lines.append(tr('Emergency forces based here: {} with {:,.0f} personnel').format(len(forces[k]), staff))
            post = communities[k]['command_post'] if communities[k].fields().indexOf('command_post') >= 0 else None
            if post not in (None, '') and not (hasattr(post, 'isNull') and post.isNull()):
                lines.append(tr('Command post: {}').format(post))
            text.append('\n'.join(lines))
        return text

    def residents(self, parameters, context, feedback, crs, communities):
        """Residents per community: DEMAND inside it, else the communities' population field, else None."""
        from ..core.areas import points_in_polygons
        from ..qgis_io.network_layers import polygon_wkbs
        import numpy as np
        layer = self.parameterAsLayer(parameters, self.DEMAND, context)
        if layer is not None and not isinstance(layer, QgsRasterLayer):
            field = self.parameterAsString(parameters, self.DEMAND_FIELD, context)
            if not field:
                raise QgsProcessingException(tr('Choose the population field (DEMAND_FIELD) of {}.').format(
                    layer.name()))
            demand = self.parameterAsSource(parameters, self.DEMAND, context)
            feats = read_features(demand, crs, context)
            xy = representative_points(feats, layer.geometryType())
            group = points_in_polygons(np.nan_to_num(xy, nan=np.inf), polygon_wkbs(communities))
            population = np.maximum(to_float([f[field] for f in feats], 0.0), 0.0)
            ok = group >= 0
            return list(np.bincount(group[ok], weights=population[ok], minlength=len(communities)))
        if communities[0].fields().indexOf('population') >= 0:
            return [None if v is None or (hasattr(v, 'isNull') and v.isNull()) else float(v)
                    for v in (f['population'] for f in communities)]
        return [None] * len(communities)

    @staticmethod
    def routes_from(layer, context, crs, shapes):
        """Per community: (people, shelters, mean distance) of the routes starting in it; None without routes."""
        if layer is None:
            return None
        out = [[0.0, set(), 0.0] for _ in shapes]
        for feature in read_features(layer, crs, context):
            line = feature.geometry()
            if line.isEmpty():
                continue
            start = line.interpolate(0)   # routes run from the demand unit to the shelter
            people = to_float([feature['people']], 0.0)[0] if feature.fields().indexOf('people') >= 0 else 0.0
            distance = to_float([feature['distance_m']], 0.0)[0] if feature.fields().indexOf('distance_m') >= 0 \
                else line.length()
            for k, shape in enumerate(shapes):
                if shape.contains(start):
                    out[k][0] += people
                    out[k][1].add(feature['shelter_id'] if feature.fields().indexOf('shelter_id') >= 0 else None)
                    out[k][2] += people * distance
                    break
        return [(p, len(s), d / p if p > 0 else 0.0) for p, s, d in out]

    @staticmethod
    def coverage_layer(crs, communities, names, summaries, title):
        """The atlas coverage: one feature per community with its name, page title and summary."""
        fields = QgsFields()
        for name, kind in (('name', 'string'), ('title', 'string'), ('summary', 'string'), ('order', 'int')):
            fields.append(QgsField(name, FIELD_TYPES[kind]))
        layer = QgsVectorLayer('MultiPolygon?crs={}'.format(crs.authid() or 'EPSG:4326'), tr('Communities'), 'memory')
        if not crs.authid():
            layer.setCrs(crs)
        layer.dataProvider().addAttributes(fields)
        layer.updateFields()
        features = []
        for k, (source, name) in enumerate(zip(communities, names)):
            feature = QgsFeature(layer.fields())
            geometry = QgsGeometry(source.geometry())
            geometry.convertToMultiType()
            feature.setGeometry(geometry)
            feature.setAttributes([name, '{}: {}'.format(title, name), summaries[k], k])
            features.append(feature)
        layer.dataProvider().addFeatures(features)
        layer.updateExtents()
        return layer
