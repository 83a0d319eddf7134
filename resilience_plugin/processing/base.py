"""What every algorithm of the provider shares: names, groups, help, translation, checks, and one way to run.

``ResilienceAlgorithm.processAlgorithm`` runs the subclass's ``process`` inside three guarantees:

- Outputs of one run are replaced together or not at all: every file destination (feature sinks, raster
  and file destinations: GeoPackage, shapefile, CSV/XLSX, PDF/HTML, GeoTIFF) is redirected to a temporary
  name beside its target (qgis_io.atomic.OutputStage) and moved into place only when the whole run has
  succeeded. A failure or a cancel removes the temporaries and leaves every previous output untouched.
  ``memory:`` and ``TEMPORARY_OUTPUT`` destinations and database URIs are left as they are.
- A cancel, wherever it stops the run, ends with "Cancelled; no output was written."
- No Python traceback reaches the user: an exception that is not a QgsProcessingException becomes a
  translated message naming the algorithm and its last step; the traceback goes to the QGIS message log.
"""
import contextlib
import os
import re
import tempfile
import traceback

from qgis.core import (Qgis, QgsDataSourceUri, QgsMessageLog, QgsProcessing, QgsProcessingAlgorithm,
                       QgsProcessingException, QgsProcessingOutputLayerDefinition,
                       QgsProcessingParameterFeatureSink, QgsProcessingParameterFile,
                       QgsProcessingParameterFileDestination,
                       QgsProcessingParameterRasterDestination, QgsProcessingParameterVectorDestination,
                       QgsProperty, QgsVectorFileWriter)
from qgis.PyQt import sip
from qgis.PyQt.QtGui import QIcon

from ..definitions import LAYERS, N_
from ..paths import icon_path
from ..qgis_io.atomic import OutputStage, StageError
from ..qgis_io.database import DatabaseError, check_database
from ..qgis_io.storage import open_store
from ..translation import tr

GROUP_DATABASE = ('database', N_('Planning database'))
GROUP_COVERAGE = ('coverage', N_('Coverage'))
GROUP_RISK = ('risk', N_('Risk and hazards'))
GROUP_REPORTS = ('reports', N_('Census and reports'))
GROUP_LIFELINES = ('lifelines', N_('Lifeline systems'))
GROUP_COMMUNITY = ('community', N_('Community resilience'))

LOG_TAG = 'Resilience planning'  # the tab of the QGIS message log (Log Messages panel)

VECTOR_DESTINATIONS = (QgsProcessingParameterFeatureSink, QgsProcessingParameterVectorDestination)
FILE_DESTINATIONS = VECTOR_DESTINATIONS + (QgsProcessingParameterRasterDestination,
                                           QgsProcessingParameterFileDestination)
# Files that hold several tables: "file|layername=x" and "ogr:dbname='file' table=x" update one table of them.
TABLE_FILES = ('.gpkg', '.sqlite')
PROVIDER_URI = re.compile(r'^[A-Za-z][A-Za-z0-9_]{2,}:')  # postgres:, spatialite:, ... (not C:/...)


class Cancelled(QgsProcessingException):
    """Raised by ``check_cancel``; the run ends with the one cancel message."""


def require_writable(target):
    """Stop with a message naming ``target`` when its folder cannot take a new file (checked before the work).

    The folder is created when missing; a probe file is written and removed.
    """
    folder = os.path.dirname(os.path.abspath(target))
    try:
        os.makedirs(folder, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix='.write-test.', dir=folder)
        os.close(fd)
        os.remove(probe)
    except OSError as error:
        raise QgsProcessingException(tr('Cannot write {}: its folder {} cannot be created or written to ({}). '
                                        'Choose another place.').format(target, folder, error.strerror or error))
    return target


class Destination:
    """Where one destination parameter writes: a file (and a table of it, or None)."""

    def __init__(self, name, path, table=None, append=False):
        self.name, self.path, self.table, self.append = name, path, table, append


def destination_text(value, context):
    """The destination string of a parameter value (plain, QgsProperty or QgsProcessingOutputLayerDefinition)."""
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        value = value.sink
    if isinstance(value, QgsProperty):
        text, _ = value.valueAsString(context.expressionContext(), '')
        return text
    return '' if value is None else str(value)


def file_destination(name, text, vector, append=False):
    """The Destination of ``text``, or None when it is not a file (memory, temporary output, database URI)."""
    if not text or text == QgsProcessing.TEMPORARY_OUTPUT or text.startswith('memory:'):
        return None
    if vector and text.startswith('ogr:'):
        uri = QgsDataSourceUri(text[4:])
        if uri.database():
            return Destination(name, os.path.abspath(uri.database()), uri.table() or None, append)
        return Destination(name, os.path.abspath(text[4:]), None, True)
    if PROVIDER_URI.match(text):
        return None
    path, _, table = text.partition('|layername=')
    path = os.path.abspath(path)
    ext = os.path.splitext(path)[1].lower()
    if vector and not QgsVectorFileWriter.driverForExtension(ext.lstrip('.')):
        path += '.gpkg'  # what QGIS does with a destination it has no format for
        ext = '.gpkg'
    return Destination(name, path, table if vector and table and ext in TABLE_FILES else None, append)


class ResilienceAlgorithm(QgsProcessingAlgorithm):
    """Subclasses set NAME, DISPLAY_NAME, GROUP and HELP (English literals marked with N_) and implement
    ``process(parameters, context, feedback)`` (never processAlgorithm)."""

    NAME = ''
    DISPLAY_NAME = ''
    GROUP = GROUP_DATABASE
    HELP = ''
    ICON = 'resilience.svg'
    # False for an algorithm that replaces its single output itself (create_planning_database).
    STAGE_OUTPUTS = True

    def tr(self, text):
        return tr(text)

    def createInstance(self):  # noqa: N802
        return type(self)()

    def name(self):
        return self.NAME

    def displayName(self):  # noqa: N802
        return tr(self.DISPLAY_NAME)

    def group(self):
        return tr(self.GROUP[1])

    def groupId(self):  # noqa: N802
        return self.GROUP[0]

    def shortHelpString(self):  # noqa: N802
        return tr(self.HELP)

    def icon(self):
        return QIcon(icon_path(self.ICON))

    # Running -----------------------------------------------------------------------------------------------
    def process(self, parameters, context, feedback):
        raise NotImplementedError

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        self._stage, self._sinks = OutputStage(), []
        step = tr('while preparing its outputs')
        try:
            staged = self.stage_outputs(parameters, context)
            step = None
            results = self.process(staged, context, feedback)
            self.check_cancel(feedback)
            step = tr('while moving its outputs into place')
            self.close_sinks()
            self._stage.commit()
            return self.final_results(results)
        except StageError as error:
            raise QgsProcessingException(tr('{} could not be replaced: {}. Is it open in another program? The '
                                            'previous outputs are unchanged.').format(error.path, error.error))
        except QgsProcessingException as error:
            if feedback is not None and feedback.isCanceled():
                raise QgsProcessingException(tr('Cancelled; no output was written.')) from None
            raise QgsProcessingException(self._stage.final_name(str(error))) from None
        except Exception as error:  # noqa: BLE001 - the safety net: no traceback reaches the user
            if feedback is not None and feedback.isCanceled():
                raise QgsProcessingException(tr('Cancelled; no output was written.')) from None
            raise self.unexpected(error, step or self.last_step(feedback)) from None
        finally:
            self.close_sinks(report=False)
            self._stage.discard()

    def unexpected(self, error, step):
        """The QgsProcessingException for a bug; the traceback goes to the message log."""
        QgsMessageLog.logMessage('{} ({}): {}'.format(self.displayName(), self.id(), traceback.format_exc()),
                                 LOG_TAG, Qgis.MessageLevel.Critical)
        if isinstance(error, MemoryError):
            return QgsProcessingException(tr('{} ran out of memory {}. No output was written; try a smaller area '
                                             'or fewer features.').format(self.displayName(), step))
        return QgsProcessingException(tr(
            '{} failed on an unexpected error {} ({}: {}). No output was written. This is a bug in the plugin: '
            'please report it with the details from the QGIS message log (Log Messages panel, tab "{}").').format(
            self.displayName(), step, type(error).__name__, error, LOG_TAG))

    @staticmethod
    def last_step(feedback):
        """Where the run stopped: after the last line it reported."""
        lines = [line for line in (feedback.textLog() if feedback is not None else '').splitlines() if line.strip()]
        return tr('after it reported "{}"').format(lines[-1].strip()) if lines else tr('before it reported anything')

    @staticmethod
    def check_cancel(feedback):
        if feedback is not None and feedback.isCanceled():
            raise Cancelled(tr('Cancelled; no output was written.'))

    # Staged outputs ----------------------------------------------------------------------------------------
    def stage_outputs(self, parameters, context):
        """A copy of ``parameters`` whose file destinations point at temporary files beside their targets."""
        staged = dict(parameters)
        if not self.STAGE_OUTPUTS:
            return staged
        destinations = []
        for definition in self.destinationParameterDefinitions():
            if not isinstance(definition, FILE_DESTINATIONS) or parameters.get(definition.name()) is None:
                continue
            value = parameters[definition.name()]
            append = isinstance(value, QgsProcessingOutputLayerDefinition) and value.useRemapping()
            found = file_destination(definition.name(), destination_text(value, context),
                                     isinstance(definition, VECTOR_DESTINATIONS), append)
            if found is not None:
                destinations.append((found, value))
        self.check_shared_files([d for d, _ in destinations])
        for found, value in destinations:
            update = found.table is not None or found.append
            require_writable(found.path)
            try:
                tmp = self._stage.path(found.path, copy_existing=update)
            except OSError as error:
                raise QgsProcessingException(tr('Cannot write {}: {}').format(found.path, error.strerror or error))
            if found.table is not None:
                uri = QgsDataSourceUri()
                uri.setDatabase(tmp)
                uri.setDataSource('', found.table, 'geom')
                text = 'ogr:' + uri.uri(False)
            elif found.append and destination_text(value, context).startswith('ogr:'):
                text = 'ogr:' + tmp
            else:
                text = tmp
            if isinstance(value, QgsProcessingOutputLayerDefinition):
                value = QgsProcessingOutputLayerDefinition(value)
                value.sink = QgsProperty.fromValue(text)
            else:
                value = text
            staged[found.name] = value
        return staged

    @staticmethod
    def check_shared_files(destinations):
        """Two outputs may share a file only as different tables of one GeoPackage."""
        by_path = {}
        for d in destinations:
            by_path.setdefault(d.path, []).append(d)
        for path, group in by_path.items():
            if len(group) < 2:
                continue
            tables = [d.table for d in group]
            if None in tables:
                raise QgsProcessingException(tr(
                    '{} would all write {}, each replacing the other: give each output its own file, or its own '
                    'layer of one GeoPackage (file.gpkg|layername=name).').format(
                    ', '.join(d.name for d in group), path))
            if len(set(tables)) < len(tables):
                raise QgsProcessingException(tr('{} would all write the layer {} of {}: give each its own layer '
                                                'name.').format(', '.join(d.name for d in group),
                                                                 tables[0], path))

    def parameterAsSink(self, parameters, name, context, *args, **kwargs):  # noqa: N802
        """As QgsProcessingAlgorithm's, writing to the staged file; returns the final destination.

        The sink is closed before the outputs are moved into place.
        """
        sink, dest = super().parameterAsSink(parameters, name, context, *args, **kwargs)
        if sink is not None and getattr(self, '_sinks', None) is not None:
            self._sinks.append((sink, dest))
        return sink, self.final_destination(dest, context)

    def parameterAsOutputLayer(self, parameters, name, context):  # noqa: N802
        """As QgsProcessingAlgorithm's: the staged file to write (the layer to load is the final one)."""
        dest = super().parameterAsOutputLayer(parameters, name, context)
        self.final_destination(dest, context)
        return dest

    def final_destination(self, dest, context):
        """The final name of a staged destination; the layer QGIS will load on completion is renamed to it.

        Called right after QGIS registered the layer, before the algorithm attaches a post-processor to
        it: QgsProcessingContext deletes the post-processor of an entry that is renamed.
        """
        final = self.final_path(dest)
        if final != dest and context.willLoadLayerOnCompletion(dest):
            layers = context.layersToLoadOnCompletion()
            layers[final] = layers.pop(dest)
            context.setLayersToLoadOnCompletion(layers)
        return final

    def close_sinks(self, report=True):
        """Flush and close every sink of the run (a file is complete only once its writer is gone)."""
        sinks, self._sinks = getattr(self, '_sinks', None) or [], []
        failed = None
        for sink, dest in sinks:
            if sip.isdeleted(sink):
                continue
            if not sink.flushBuffer() and failed is None:
                failed = (dest, sink.lastError())
            sip.delete(sink)
        if failed is not None and report:
            raise QgsProcessingException(tr('Could not write {}: {}').format(
                self._stage.final_name(failed[0]), failed[1]))

    def final_path(self, path):
        """The final name of an output path the algorithm was given (for messages); unchanged otherwise."""
        stage = getattr(self, '_stage', None)
        return stage.final_name(path) if stage is not None else path

    def final_results(self, results):
        """The results with the final files' names, never the temporaries'."""
        return {key: self._stage.final_name(value) for key, value in (results or {}).items()}

    # The planning database ----------------------------------------------------------------------
    DATABASE = 'DATABASE'

    def add_database_parameter(self, description=None, optional=False):
        """The parameters that name a planning database (``DATABASE``: a GeoPackage file)."""
        self.addParameter(QgsProcessingParameterFile(self.DATABASE, description or tr('Planning database'),
                                                     extension='gpkg', optional=optional))

    def store(self, parameters, context, kinds=LAYERS, ensure=()):
        """The planning database the parameters name, checked to have ``kinds``; the layers and tables of
        ``ensure`` that an older database lacks are added to it. Problems become a QgsProcessingException."""
        try:
            store = open_store(self.parameterAsFile(parameters, self.DATABASE, context) or None)
            store.check(kinds)
            if ensure:
                store.ensure(ensure)
        except DatabaseError as error:
            raise QgsProcessingException(str(error))
        return store

    @staticmethod
    @contextlib.contextmanager
    def database_errors():
        """A DatabaseError (locked, unreadable, write failed) inside the block becomes a QgsProcessingException."""
        try:
            yield
        except DatabaseError as error:
            raise QgsProcessingException(str(error))

    # Checks shared by algorithms ------------------------------------------------------------------
    @staticmethod
    def require_database(path):
        try:
            check_database(path)
        except DatabaseError as error:
            raise QgsProcessingException(str(error))
        return path
