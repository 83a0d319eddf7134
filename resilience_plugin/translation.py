"""Translation helpers: one context for the whole plugin, used by code and by i18n/ tooling."""
from qgis.PyQt.QtCore import QCoreApplication

CONTEXT = 'resilience'


def tr(text):
    """Translate ``text`` (a literal, or a string marked with definitions.N_) into the user's language."""
    return QCoreApplication.translate(CONTEXT, text)
