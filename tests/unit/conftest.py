"""Unit tests of the pure core (resilience_plugin/core): arrays in, arrays out, no QGIS started.

They run in the QGIS venv (``make test``) and in any venv with current numpy/scipy/shapely; tests that need a
reference library (WNTR, networkx) skip where it is not installed.
"""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / 'tests' / 'data'
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
