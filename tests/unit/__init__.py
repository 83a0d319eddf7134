"""Unit tests of resilience_plugin/core: no QGIS, run in the QGIS venv and in the current-PyPI venv."""
