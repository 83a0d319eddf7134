"""resilience:export_census: the census package of a planning database (GeoPackage, tables, provenance).

Reads the census layers (definitions.CENSUS_LAYERS), checks them with the rules of validate_census, and
writes into the OUTPUT folder:

- ``census.gpkg``: the valid features in the census schema with field aliases, forms and default styles,
  and a ``findings`` layer listing every feature left out with each error-severity rule it breaks;
- ``census_statistics.xlsx`` (one sheet per table, plus ``provenance``) and ``csv/<table>.csv``
  (UTF-8 with BOM); the tables are computed by core.census_stats;
- ``provenance.json``: versions, inputs and their SHA-256, CRS, parameters, times, counts in and out.

The package is built in a temporary folder beside OUTPUT and swapped in at the end, so a failed or
cancelled export leaves the previous package untouched.
"""
import datetime
import hashlib
import json
import os
import platform

import pandas as pd
from osgeo import gdal
from qgis.core import (Qgis, QgsCoordinateTransform, QgsCsException, QgsGeometry, QgsProcessingException,
                       QgsProcessingMultiStepFeedback, QgsProcessingOutputFile, QgsProcessingOutputNumber,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterFile,
                       QgsProcessingParameterFolderDestination, QgsWkbTypes)

from ..compat import GEOM_LINE, SOURCE_POLYGON
from ..core import census_stats as stats
from ..definitions import (CENSUS_EXCLUDE_SEVERITY, CENSUS_NOT_SET, CENSUS_PACKAGE_MARKER,
                           CONDITION, DIAMETER_CLASS_BOUNDS_MM, FACILITY_KIND, INSTALL_DECADE_FIRST, LAYERS_BY_NAME,
                           MATERIAL, N_, NETWORK_TYPE, NODE_KIND, RISK_GRADE, RISK_SOURCE_KIND, ROAD_CLASS, RULES,
                           SHELTER_CLASS, SOURCE_DIAMETER_CLASSES, SOURCE_INSTALL_DECADES)
from ..paths import plugin_version
from ..qgis_io.atomic_folder import FolderSwapError, atomic_folder
from ..qgis_io.census_package import (CensusWriter, census_kinds, create_census_schema, finish_package,
                                      save_census_styles, sha256_file)
from ..qgis_io.crs import is_metric
from ..qgis_io.database import database_crs
from ..qgis_io.shapes import linearise
from ..translation import tr
from .base import GROUP_REPORTS, ResilienceAlgorithm, require_writable
from .validate_census import (attribute_findings, duplicate_findings, geometry_findings, is_empty, plain,
                              read_layer)

GEOPACKAGE_NAME = 'census.gpkg'
XLSX_NAME = 'census_statistics.xlsx'
PROVENANCE_NAME = 'provenance.json'
CSV_FOLDER = 'csv'
PROVENANCE_SHEET = 'provenance'

# Key columns of the statistics tables: the enumeration of their codes and the definitions alias.
KEY_ENUMS = {'network': NETWORK_TYPE, 'material': MATERIAL, 'condition': CONDITION, 'node_kind': NODE_KIND,
             'shelter_class': SHELTER_CLASS, 'facility_kind': FACILITY_KIND, 'risk_grade': RISK_GRADE,
             'kind': RISK_SOURCE_KIND, 'road_class': ROAD_CLASS}
KEY_HEADERS = {'network': N_('Network type'), 'material': N_('Material'), 'condition': N_('Condition'),
               'node_kind': N_('Node kind'), 'shelter_class': N_('Shelter class'),
               'facility_kind': N_('Facility kind'), 'risk_grade': N_('Risk grade'),
               'kind': N_('Kind of risk source'), 'road_class': N_('Road class'),
               'diameter_class': N_('Diameter class'), 'install_decade': N_('Installation decade'),
               'layer': N_('Layer'), 'rule': N_('Rule')}
MEASURE_HEADERS = {'segments': N_('Segments'), 'length_km': N_('Length (km)'), 'nodes': N_('Nodes'),
                   'shelters': N_('Shelters'), 'effective_area_m2': N_('Effective area (m2)'),
                   'with_area': N_('Features with effective area'), 'capacity_persons': N_('Capacity (persons)'),
                   'with_capacity': N_('Features with capacity'), 'facilities': N_('Facilities'),
                   'capacity': N_('Capacity (beds, vehicles or units)'), 'points': N_('Points'),
                   'areas': N_('Areas'), 'total': N_('Total'), 'features_in': N_('Features in'),
                   'exported': N_('Exported'), 'left_out': N_('Left out'), 'features': N_('Features'),
                   'findings': N_('Findings')}
CANCEL_CHECK_EVERY = 500
SQLITE_COMPANIONS = ('-wal', '-shm', '-journal')  # beside census.gpkg while it is open in QGIS


def folder_entries(folder):
    """Every file under ``folder`` as a relative path with '/', and every empty folder with a trailing '/'."""
    entries = set()
    for root, dirs, files in os.walk(folder):
        relative = os.path.relpath(root, folder).replace(os.sep, '/')
        prefix = '' if relative == '.' else relative + '/'
        entries.update(prefix + name for name in files)
        if prefix and not dirs and not files:
            entries.add(prefix)
    return entries


def utc_now():
    return datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat()


def error_findings(data, kind, feedback):
    """The findings of ``data`` whose severity leaves a feature out of the package (validate_census rules)."""
    findings = attribute_findings(data, kind) + geometry_findings(data, feedback) + duplicate_findings(data)
    return [f for f in findings if f.severity == CENSUS_EXCLUDE_SEVERITY]


class Area:
    """The AREA polygon in the database CRS, prepared for fast tests."""

    def __init__(self, geometry):
        self.geometry = geometry
        self.engine = QgsGeometry.createGeometryEngine(geometry.constGet())
        self.engine.prepareGeometry()

    def touches(self, geometry):
        """Whether a left-out feature is in the area: its geometry, repaired if invalid, intersects it."""
        if not geometry.isGeosValid():
            repaired = geometry.makeValid()
            geometry = repaired if not is_empty(repaired) else QgsGeometry.fromPointXY(
                geometry.boundingBox().center())
        return self.engine.intersects(geometry.constGet())

    def clip(self, geometry, is_line):
        """The part of ``geometry`` to export, or None when it is outside. Lines are cut, others kept whole."""
        if not self.engine.intersects(geometry.constGet()):
            return None
        if not is_line or self.engine.contains(geometry.constGet()):
            return geometry
        parts = [part for part in geometry.intersection(self.geometry).asGeometryCollection()
                 if QgsWkbTypes.geometryType(part.wkbType()) == GEOM_LINE and part.length() > 0]
        return QgsGeometry.collectGeometry(parts) if parts else None


def select_features(data, kind, excluded, area):
    """Positions of the features in scope and the geometry to export for each valid one.

    Without an AREA every feature is in scope. With one: valid features that intersect it (lines cut to it),
    left-out features whose geometry (repaired when invalid) intersects it, and left-out features without
    any geometry (they cannot be placed, so they are always reported).
    """
    is_line = kind.geometry == 'LineString'
    scope, geometries = [], {}
    for i, geometry in enumerate(data.geometries):
        if i in excluded:
            if area is None or is_empty(geometry) or area.touches(geometry):
                scope.append(i)
            continue
        exported = geometry if area is None else area.clip(geometry, is_line)
        if exported is None:
            continue
        if is_line:
            exported = QgsGeometry(exported)
            exported.convertToMultiType()
        scope.append(i)
        geometries[i] = exported
    return scope, geometries


def value_frame(data, positions, columns, lengths=None):
    """A pandas frame of the given attribute columns (None for NULL) of the features at ``positions``."""
    frame = pd.DataFrame({name: [plain(data.columns[name][i]) if name in data.columns else None
                                 for i in positions] for name in columns})
    if lengths is not None:
        frame['length_m'] = [lengths[i] for i in positions]
    return frame


def key_labels(key, codes):
    """{code: readable label} for the codes of key column ``key``."""
    labels = {CENSUS_NOT_SET: tr('(not set)')}
    if key in KEY_ENUMS:
        for choice in KEY_ENUMS[key].choices:
            labels[choice.code] = tr(choice.label)
    elif key == 'diameter_class':
        bounds = DIAMETER_CLASS_BOUNDS_MM
        labels['<{:g}'.format(bounds[0])] = tr('under {} mm').format('{:g}'.format(bounds[0]))
        for code, low, high in zip(stats.diameter_class_codes(bounds), bounds, list(bounds[1:]) + [None]):
            labels[code] = (tr('{} to under {} mm').format('{:g}'.format(low), '{:g}'.format(high)) if high
                            is not None else tr('{} mm and more').format('{:g}'.format(low)))
    elif key == 'install_decade':
        for code in codes:
            if code.startswith('<'):
                labels[code] = tr('before {}').format(code[1:])
            elif code != CENSUS_NOT_SET:
                labels[code] = tr('{} to {}').format(int(code[:-1]), int(code[:-1]) + 9)
    elif key == 'layer':
        for name, kind in LAYERS_BY_NAME.items():
            labels[name] = tr(kind.title)
    elif key == 'rule':
        for rule, (_, text) in RULES.items():
            labels[rule] = tr(text)
    return labels


def readable(table):
    """``table`` with label columns (and census codes for networks) and translated headers."""
    keys = [c for c in table.columns if c in KEY_HEADERS]
    labels = {key: key_labels(key, list(table[key])) for key in keys}
    extra = {'network': [('cn_code', {c.code: c.cn_code for c in NETWORK_TYPE.choices})]} if 'network' in keys else {}
    headers = {name: tr(text) for name, text in MEASURE_HEADERS.items()}
    for key in keys:
        headers[key] = tr('{} (code)').format(tr(KEY_HEADERS[key]))
        headers[key + '_label'] = tr(KEY_HEADERS[key])
    headers['network_cn_code'] = tr('Census code')
    return stats.label_table(table, labels, headers, extra)


class ExportCensus(ResilienceAlgorithm):
    NAME = 'export_census'
    DISPLAY_NAME = N_('Export census package')
    GROUP = GROUP_REPORTS
    ICON = 'validate.svg'
    HELP = N_('Writes the census package of a planning database into the OUTPUT folder:\n'
              '- census.gpkg: one layer per infrastructure class (risk sources, lifelines and their nodes, roads, '
              'shelters, shelter candidates, facilities) in the census schema, with field aliases, forms and '
              'styles. Only valid features are exported: a feature with an error of validate_census '
              '(missing required value, value not allowed, invalid or empty geometry, duplicate asset ID) is left '
              'out and listed in the layer "findings" with every reason. Features keep their feature id. Lines '
              'are stored as MultiLineString;\n'
              '- census_statistics.xlsx (one sheet per table) and csv/*.csv (UTF-8): lifeline length by network '
              'type, material, diameter class, installation decade and condition; road length by class; node '
              'counts by kind and network; shelters by class with effective area and capacity; facilities by '
              'kind; risk sources by grade and kind; features in, exported and left out per layer;\n'
              '- provenance.json and the sheet "provenance": plugin, QGIS and GDAL versions, inputs with their '
              'SHA-256, CRS, parameters, start and end time (UTC), feature counts.\n\n'
              'AREA (optional): only features intersecting the polygons are exported; lines are cut to them, '
              'points and polygons are kept whole (their recorded area and capacity describe the whole site). '
              'Left-out features are reported when they intersect AREA (an invalid geometry is repaired for this '
              'test), or when they have no geometry. '
              'An AREA without polygons is an error; an AREA that no feature intersects gives a warning and an '
              'empty but complete package.\n\n'
              'The package is built beside OUTPUT and replaces it only when complete: a failed or cancelled '
              'export leaves the previous package as it was. An existing OUTPUT folder is replaced only when '
              'it is empty or holds a census package.')

    DATABASE = 'DATABASE'
    AREA = 'AREA'
    OUTPUT = 'OUTPUT'
    GEOPACKAGE = 'GEOPACKAGE'
    STATISTICS = 'STATISTICS'
    PROVENANCE = 'PROVENANCE'
    COUNTS = ('FEATURES_IN', 'FEATURES_OUT', 'LEFT_OUT')

    def shortHelpString(self):  # noqa: N802
        return '{}\n\n{}\n{}'.format(tr(self.HELP), SOURCE_DIAMETER_CLASSES.describe(),
                                     SOURCE_INSTALL_DECADES.describe())

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFile(self.DATABASE, tr('Planning database'),
                                                     fileFilter=tr('GeoPackage (*.gpkg)')))
        self.addParameter(QgsProcessingParameterFeatureSource(self.AREA, tr('Area to export (polygons)'),
                                                              [SOURCE_POLYGON], optional=True))
        self.addParameter(QgsProcessingParameterFolderDestination(self.OUTPUT, tr('Census package folder')))
        self.addOutput(QgsProcessingOutputFile(self.GEOPACKAGE, tr('Census GeoPackage')))
        self.addOutput(QgsProcessingOutputFile(self.STATISTICS, tr('Statistics workbook')))
        self.addOutput(QgsProcessingOutputFile(self.PROVENANCE, tr('Provenance record')))
        for name, description in zip(self.COUNTS, (tr('Features in'), tr('Features exported'), tr('Left out'))):
            self.addOutput(QgsProcessingOutputNumber(name, description))

    # Parameters -----------------------------------------------------------------------------------------

    @staticmethod
    def check_output(folder):
        """Refuse to replace a folder unless it is empty or holds one of our packages and nothing else.

        The export replaces the whole folder, so a file we did not write (a user's notes, a project saved
        beside the package) would be deleted with it: such a folder is never replaced.
        """
        if not folder:
            raise QgsProcessingException(tr('No OUTPUT folder given.'))
        require_writable(folder)  # the package is built beside the folder, then moved in
        if not os.path.exists(folder):
            return
        if not os.path.isdir(folder):
            raise QgsProcessingException(tr('{} exists and is not a folder.').format(folder))
        present = folder_entries(folder)
        if not present:
            return
        try:
            with open(os.path.join(folder, PROVENANCE_NAME), encoding='utf-8') as stream:
                provenance = json.load(stream)
            ours = provenance.get('package') == CENSUS_PACKAGE_MARKER
            written = set(provenance.get('files') or []) if ours else set()
        except (OSError, ValueError, AttributeError, TypeError):
            ours = False
        if not ours:
            raise QgsProcessingException(tr('The folder {} is not empty and holds no census package; choose a new '
                                            'or empty folder (the export replaces the whole folder).').format(folder))
        written |= {name + suffix for name in written for suffix in SQLITE_COMPANIONS}
        written |= {os.path.dirname(name) + '/' for name in written if os.path.dirname(name)}
        foreign = sorted(present - written)
        if foreign:
            listed = ', '.join(foreign[:5]) + (tr(' and {} more').format(len(foreign) - 5) if len(foreign) > 5 else '')
            raise QgsProcessingException(tr('The folder {} holds a census package and files the export did not '
                                            'write ({}); the export replaces the whole folder, so move them out '
                                            'or choose a new or empty folder. Nothing was changed.').format(
                folder, listed))

    def read_area(self, parameters, context, crs):
        """The AREA polygons dissolved in the database CRS (None without AREA) and a description of them."""
        if parameters.get(self.AREA) in (None, ''):
            return None, None
        source = self.parameterAsSource(parameters, self.AREA, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.AREA))
        transform = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
        geometries, count = [], 0
        try:
            for feature in source.getFeatures():
                count += 1
                geometry = QgsGeometry(linearise(feature.geometry()))
                if is_empty(geometry):
                    continue
                geometry.transform(transform)
                if not geometry.isGeosValid():
                    geometry = geometry.makeValid()
                geometries.append(geometry)
        except QgsCsException as error:
            raise QgsProcessingException(tr('AREA cannot be transformed to the CRS of the database: {}').format(
                error))
        area = QgsGeometry.unaryUnion(geometries) if geometries else QgsGeometry()
        if is_empty(area) or area.area() <= 0:
            raise QgsProcessingException(tr('AREA has no polygon to export: choose a layer with polygons '
                                            '(or selected polygons).'))
        layer = self.parameterAsVectorLayer(parameters, self.AREA, context)
        location = layer.source() if layer is not None else str(parameters.get(self.AREA))
        path = location.split('|')[0]
        info = {'name': self.AREA, 'source': location, 'features': count,
                'crs': source.sourceCrs().authid(), 'area_m2': area.area(),
                'geometry_sha256': _sha256_bytes(bytes(area.asWkb()))}
        if os.path.isfile(path):
            info.update(path=os.path.abspath(path), sha256=sha256_file(path), bytes=os.path.getsize(path))
        return Area(area), info

    # Run ------------------------------------------------------------------------------------------------

    def process(self, parameters, context, feedback):
        started = utc_now()
        database = os.path.abspath(self.require_database(self.parameterAsFile(parameters, self.DATABASE, context)))
        output = os.path.abspath(self.parameterAsFileOutput(parameters, self.OUTPUT, context))
        self.check_output(output)
        crs = database_crs(database)
        if not is_metric(crs):
            raise QgsProcessingException(tr('The CRS of the database ({}) does not measure in metres.').format(
                crs.authid()))
        area, area_info = self.read_area(parameters, context, crs)
        database_sha = sha256_file(database)
        inputs = [{'name': self.DATABASE, 'path': database, 'sha256': database_sha,
                   'bytes': os.path.getsize(database)}]
        if area_info:
            inputs.append(area_info)
        kinds = census_kinds()
        steps = QgsProcessingMultiStepFeedback(len(kinds) + 3, feedback)
        try:
            with atomic_folder(output, replaceable=self.check_output) as folder:
                result = self.build(database, folder, crs, kinds, area, steps)
                if sha256_file(database) != database_sha:
                    raise QgsProcessingException(tr('The database {} changed during the export; run it again.')
                                                 .format(database))
                provenance = {
                    'package': CENSUS_PACKAGE_MARKER,
                    'algorithm': 'resilience:{}'.format(self.NAME),
                    'plugin_version': plugin_version(),
                    'qgis_version': Qgis.QGIS_VERSION,
                    'gdal_version': gdal.VersionInfo('RELEASE_NAME'),
                    'python_version': platform.python_version(),
                    'pandas_version': pd.__version__,
                    'started_utc': started,
                    'finished_utc': None,
                    'parameters': {self.DATABASE: database, self.AREA: area_info['source'] if area_info else None,
                                   self.OUTPUT: output},
                    'inputs': inputs,
                    'crs': {'authid': crs.authid(), 'description': crs.description(), 'wkt': crs.toWkt()},
                    'rules': {'left_out_severity': CENSUS_EXCLUDE_SEVERITY,
                              'left_out_rules': [r for r, (s, _) in RULES.items() if s == CENSUS_EXCLUDE_SEVERITY]},
                    'classes': {'diameter_bounds_mm': list(DIAMETER_CLASS_BOUNDS_MM),
                                'diameter_source': SOURCE_DIAMETER_CLASSES.describe(),
                                'first_install_decade': INSTALL_DECADE_FIRST,
                                'install_decade_source': SOURCE_INSTALL_DECADES.describe()},
                    'layers': result['counts'],
                    'totals': result['totals'],
                    'files': [GEOPACKAGE_NAME, XLSX_NAME, PROVENANCE_NAME] + [
                        '{}/{}.csv'.format(CSV_FOLDER, name) for name in result['tables']],
                }
                steps.setCurrentStep(len(kinds) + 2)
                steps.setProgressText(tr('Writing statistics'))
                self.check_cancel(feedback)
                provenance['finished_utc'] = utc_now()
                self.write_outputs(folder, result['tables'], provenance)
                self.check_cancel(feedback)
        except FolderSwapError as error:
            raise QgsProcessingException(tr('The new package could not replace {} (is a file of it open?): {}')
                                         .format(output, error))
        totals = result['totals']
        if area is not None and totals['exported'] == 0:
            feedback.pushWarning(tr('No valid feature of the database lies in AREA: the package is empty.'))
        feedback.pushInfo(tr('{} features in scope: {} exported, {} left out ({} findings).').format(
            totals['features_in'], totals['exported'], totals['left_out'], totals['findings']))
        feedback.pushInfo(tr('Census package written to {}').format(output))
        return {self.OUTPUT: output, self.GEOPACKAGE: os.path.join(output, GEOPACKAGE_NAME),
                self.STATISTICS: os.path.join(output, XLSX_NAME), self.PROVENANCE: os.path.join(output, PROVENANCE_NAME),
                'FEATURES_IN': totals['features_in'], 'FEATURES_OUT': totals['exported'],
                'LEFT_OUT': totals['left_out']}

    def build(self, database, folder, crs, kinds, area, steps):
        """census.gpkg in ``folder`` and the statistics tables; returns tables, counts and totals."""
        package = os.path.join(folder, GEOPACKAGE_NAME)
        create_census_schema(package, crs, kinds)
        frames, counts, finding_rows = {}, {}, []
        with CensusWriter(database, package) as writer:
            for step, kind in enumerate(kinds):
                steps.setCurrentStep(step)
                steps.setProgressText(tr('Exporting {}').format(kind.name))
                data = read_layer(database, kind, steps)
                findings = error_findings(data, kind, steps)
                position = {fid: i for i, fid in enumerate(data.fids)}
                excluded = {position[f.fid] for f in findings if f.fid in position}
                scope, geometries = select_features(data, kind, excluded, area)
                self.check_cancel(steps)
                kept = [i for i in scope if i not in excluded]
                writer.copy(kind.name, ((data.fids[i], geometries[i].asWkb()) for i in kept))
                in_scope_fids = {data.fids[i] for i in scope if i in excluded}
                reported = [f for f in findings if f.fid in in_scope_fids]
                finding_rows += [({'layer': f.layer, 'feature_id': f.fid, 'asset_id': plain(f.asset),
                                   'rule': f.rule, 'severity': f.severity, 'message': f.message},
                                  None if is_empty(f.geometry) else f.geometry.asWkb()) for f in reported]
                counts[kind.name] = {'features_in': len(scope), 'exported': len(kept),
                                     'left_out': len(scope) - len(kept), 'findings': len(reported),
                                     'features_in_database': len(data.fids)}
                lengths = {i: geometries[i].length() for i in kept} if kind.geometry == 'LineString' else None
                frames[kind.name] = value_frame(data, kept, kind.field_names(), lengths)
            writer.findings(finding_rows)
        steps.setCurrentStep(len(kinds))
        steps.setProgressText(tr('Saving styles'))
        save_census_styles(package, kinds)
        finish_package(package)
        self.check_cancel(steps)
        steps.setCurrentStep(len(kinds) + 1)
        steps.setProgressText(tr('Computing statistics'))
        tables = self.tables(frames, counts, finding_rows)
        totals = {name: sum(c[name] for c in counts.values())
                  for name in ('features_in', 'exported', 'left_out', 'findings')}
        return {'tables': tables, 'counts': counts, 'totals': totals}

    @staticmethod
    def tables(frames, counts, finding_rows):
        """Every statistics table, with readable labels and headers, in sheet order."""
        orders = {key: enum.codes() for key, enum in KEY_ENUMS.items()}
        orders['layer'] = list(counts)
        orders['rule'] = list(RULES)
        raw = {}
        raw.update(stats.lifeline_tables(frames['lifelines'], orders, DIAMETER_CLASS_BOUNDS_MM,
                                         INSTALL_DECADE_FIRST))
        raw.update(stats.road_tables(frames['road_network'], orders))
        raw.update(stats.node_tables(frames['lifeline_nodes'], orders))
        raw.update(stats.shelter_tables(frames['shelters'], orders))
        raw.update(stats.facility_tables(frames['facilities'], orders))
        raw.update(stats.risk_tables(frames['risk_sources'], frames['risk_source_areas'], orders))
        raw['layers'] = pd.DataFrame(
            [{'layer': name, 'features_in': c['features_in'], 'exported': c['exported'], 'left_out': c['left_out'],
              'findings': c['findings']} for name, c in counts.items()],
            columns=['layer', 'features_in', 'exported', 'left_out', 'findings'])
        raw['left_out_by_rule'] = stats.summarise(
            pd.DataFrame({'layer': [r['layer'] for r, _ in finding_rows], 'rule': [r['rule'] for r, _ in finding_rows]}),
            ['layer', 'rule'], {'findings': ('rule', 'size')}, orders)
        return {name: readable(table) for name, table in raw.items()}

    @staticmethod
    def write_outputs(folder, tables, provenance):
        """The workbook (tables + provenance sheet), the CSV files and provenance.json."""
        os.makedirs(os.path.join(folder, CSV_FOLDER), exist_ok=True)
        sheet = pd.DataFrame(stats.flatten(provenance), columns=[tr('Key'), tr('Value')])
        sheets = dict(tables)
        sheets[PROVENANCE_SHEET] = sheet
        stats.write_tables(sheets, os.path.join(folder, XLSX_NAME), os.path.join(folder, CSV_FOLDER),
                           csv_tables=list(tables))  # provenance.json is the record, not a CSV
        with open(os.path.join(folder, PROVENANCE_NAME), 'w', encoding='utf-8') as stream:
            json.dump(provenance, stream, indent=2, ensure_ascii=False)


def _sha256_bytes(data):
    return hashlib.sha256(data).hexdigest()
