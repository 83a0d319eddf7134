"""What every algorithm of the provider shares: names, groups, help, translation, checks."""
import contextlib

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException, QgsProcessingParameterFile
from qgis.PyQt.QtGui import QIcon

from ..definitions import N_
from ..paths import icon_path
from ..definitions import LAYERS
from ..qgis_io.database import DatabaseError, check_database
from ..qgis_io.storage import open_store
from ..translation import tr

GROUP_DATABASE = ('database', N_('Planning database'))
GROUP_COVERAGE = ('coverage', N_('Coverage'))
GROUP_RISK = ('risk', N_('Risk and hazards'))
GROUP_REPORTS = ('reports', N_('Census and reports'))
GROUP_LIFELINES = ('lifelines', N_('Lifeline systems'))


class ResilienceAlgorithm(QgsProcessingAlgorithm):
    """Subclasses set NAME, DISPLAY_NAME, GROUP and HELP (English literals marked with N_)."""

    NAME = ''
    DISPLAY_NAME = ''
    GROUP = GROUP_DATABASE
    HELP = ''
    ICON = 'resilience.svg'

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

    @staticmethod
    def require_database(path):
        try:
            check_database(path)
        except DatabaseError as error:
            raise QgsProcessingException(str(error))
        return path
