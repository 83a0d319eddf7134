"""What every algorithm of the provider shares: names, groups, help, translation, checks."""
from qgis.core import QgsProcessingAlgorithm, QgsProcessingException
from qgis.PyQt.QtGui import QIcon

from ..definitions import N_
from ..paths import icon_path
from ..qgis_io.database import DatabaseError, check_database
from ..translation import tr

GROUP_DATABASE = ('database', N_('Planning database'))
GROUP_COVERAGE = ('coverage', N_('Coverage'))
GROUP_RISK = ('risk', N_('Risk and hazards'))
GROUP_REPORTS = ('reports', N_('Census and reports'))


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

    # Checks shared by algorithms ------------------------------------------------------------------
    @staticmethod
    def require_database(path):
        try:
            check_database(path)
        except DatabaseError as error:
            raise QgsProcessingException(str(error))
        return path
