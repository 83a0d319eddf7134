"""A spatial index over shapely geometries that answers with indices, on shapely 1.8 and 2.x alike.

shapely 2's ``STRtree.query`` returns the indices of the candidates; shapely 1.8's returns the
geometries themselves (its ``query_items`` gives the indices). The core queries through this class only.
"""
import warnings

import numpy as np
import shapely
from shapely.strtree import STRtree

SHAPELY_2 = int(shapely.__version__.split('.')[0]) >= 2


class GeometryIndex:
    """STRtree over ``geometries`` (shapely objects, none of them None)."""

    def __init__(self, geometries):
        geometries = list(geometries)
        self._tree = None
        if geometries:
            with warnings.catch_warnings():  # shapely 1.8 announces the 2.0 API change
                warnings.simplefilter('ignore')
                self._tree = STRtree(geometries)

    def query(self, geometry):
        """Sorted indices of the geometries whose bounding box meets ``geometry``'s (candidates only)."""
        if self._tree is None or geometry is None or geometry.is_empty:
            return np.zeros(0, np.int64)
        hits = self._tree.query(geometry) if SHAPELY_2 else self._tree.query_items(geometry)
        return np.sort(np.asarray(hits, dtype=np.int64))
