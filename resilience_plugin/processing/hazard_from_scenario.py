"""resilience:hazard_from_scenario: a hazard GeoTIFF for a described scenario (flood level or release)."""
import os

import numpy as np
from qgis.core import (QgsProcessingException, QgsProcessingParameterExtent,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterNumber,
                       QgsProcessingParameterRasterDestination, QgsProcessingParameterRasterLayer)

from ..compat import NUMBER_DOUBLE, NUMBER_INTEGER, SOURCE_POINT, SOURCE_POLYGON
from ..core import hazard_raster as hr
from ..definitions import (DEFAULT_RELEASE_CELL_M, DEFAULT_RELEASE_CLASSES, N_, RASTER_WINDOW_CELLS,
                           SRC_RELEASE_CLASSES)
from ..qgis_io.risk_layers import raster_path, rasterio_crs
from ..translation import tr
from . import risk_common as common
from .base import GROUP_RISK, ResilienceAlgorithm


class HazardFromScenario(ResilienceAlgorithm):
    NAME = 'hazard_from_scenario'
    DISPLAY_NAME = N_('Hazard raster from a scenario')
    GROUP = GROUP_RISK
    HELP = N_('Makes a hazard raster (GeoTIFF) when no hazard data exists. Give either:\n'
              '- DEM and LEVEL: a flood at a water level; each cell holds the depth LEVEL minus elevation where '
              'positive, 0 where dry, and nodata where the DEM has none (same grid as the DEM); or\n'
              '- RISK_SOURCES: a release footprint around each source with CLASSES distance-decay rings: the '
              'value is CLASSES in the innermost ring down to 1 in the outermost, 0 outside. The radius is '
              'RADIUS, or each source\'s influence distance (distance field, table, grade) when RADIUS is empty. '
              'The grid has CELL_SIZE metres and covers EXTENT, or the footprints.\n'
              'Rasters are processed window by window. The result can be used as HAZARD by Exposure, or as '
              'BARRIERS with a threshold by the coverage algorithms.')

    DEM = 'DEM'
    LEVEL = 'LEVEL'
    RISK_SOURCES = 'RISK_SOURCES'
    RADIUS = 'RADIUS'
    CLASSES = 'CLASSES'
    CELL_SIZE = 'CELL_SIZE'
    EXTENT = 'EXTENT'
    OUTPUT = 'OUTPUT'

    def shortHelpString(self):  # noqa: N802
        return '{}\n\n{}'.format(tr(self.HELP), SRC_RELEASE_CLASSES.describe())

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterRasterLayer(self.DEM, tr('Elevation model (DEM)'), optional=True))
        self.addParameter(QgsProcessingParameterNumber(self.LEVEL, tr('Flood water level (DEM units)'),
                                                       NUMBER_DOUBLE, None, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(self.RISK_SOURCES, tr('Risk sources (release)'),
                                                              [SOURCE_POINT, SOURCE_POLYGON], optional=True))
        common.add_source_parameters(self, self.RISK_SOURCES)
        self.addParameter(QgsProcessingParameterNumber(self.RADIUS, tr('Release radius (m)'),
                                                       NUMBER_DOUBLE, None, optional=True,
                                                       minValue=0))
        self.addParameter(QgsProcessingParameterNumber(self.CLASSES, tr('Distance-decay classes'),
                                                       NUMBER_INTEGER,
                                                       DEFAULT_RELEASE_CLASSES, optional=True, minValue=1,
                                                       maxValue=254))
        self.addParameter(QgsProcessingParameterNumber(self.CELL_SIZE, tr('Cell size (m)'),
                                                       NUMBER_DOUBLE, DEFAULT_RELEASE_CELL_M,
                                                       optional=True, minValue=0.01))
        self.addParameter(QgsProcessingParameterExtent(self.EXTENT, tr('Extent of the release grid'),
                                                       optional=True))
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, tr('Hazard raster')))

    def process(self, parameters, context, feedback):
        out = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        if os.path.splitext(out)[1].lower() not in ('.tif', '.tiff'):
            raise QgsProcessingException(tr('OUTPUT must be a GeoTIFF (.tif): {}').format(out))
        has_dem = parameters.get(self.DEM) not in (None, '')
        has_sources = parameters.get(self.RISK_SOURCES) not in (None, '')
        if has_dem == has_sources:
            raise QgsProcessingException(tr('Give either DEM and LEVEL (flood) or RISK_SOURCES (release).'))

        def progress(value):
            feedback.setProgress(value)

        if has_dem:  # ``out`` is a temporary file beside the target (base.ResilienceAlgorithm)
            self.flood(parameters, context, feedback, out, progress)
        else:
            self.release(parameters, context, feedback, out, progress)
        return {self.OUTPUT: out}

    def flood(self, parameters, context, feedback, tmp, progress):
        if parameters.get(self.LEVEL) in (None, ''):
            raise QgsProcessingException(tr('Give the flood water LEVEL.'))
        level = self.parameterAsDouble(parameters, self.LEVEL, context)
        dem = raster_path(self.parameterAsRasterLayer(parameters, self.DEM, context))
        wet, deepest = hr.write_flood_depth(dem, level, tmp, RASTER_WINDOW_CELLS, progress, feedback.isCanceled)
        feedback.pushInfo(tr('Flood level {:g}: {} wet cells, deepest {:.2f}.').format(level, wet, deepest))
        if wet == 0:
            feedback.pushWarning(tr('No cell of the DEM lies below the level: the raster holds no flood.'))

    def release(self, parameters, context, feedback, tmp, progress):
        source = self.parameterAsSource(parameters, self.RISK_SOURCES, context)
        work_crs = common.work_crs_for(source, context)
        sources = common.read_risk_sources(self, parameters, context, source, work_crs, feedback)
        if not sources:
            raise QgsProcessingException(tr('The risk-source layer is empty: no release footprint.'))
        classes = self.parameterAsInt(parameters, self.CLASSES, context) \
            if parameters.get(self.CLASSES) not in (None, '') else DEFAULT_RELEASE_CLASSES
        cell = self.parameterAsDouble(parameters, self.CELL_SIZE, context) \
            if parameters.get(self.CELL_SIZE) not in (None, '') else DEFAULT_RELEASE_CELL_M
        if parameters.get(self.RADIUS) not in (None, ''):
            radii = np.full(len(sources), self.parameterAsDouble(parameters, self.RADIUS, context))
        else:
            radii = np.array([s.distance for s in sources])
        centres = np.array([s.geometry.centroid.coords[0] for s in sources])
        if parameters.get(self.EXTENT) not in (None, ''):
            extent = self.parameterAsExtent(parameters, self.EXTENT, context, work_crs)
            bounds = (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum())
        else:
            bounds = (float((centres[:, 0] - radii).min()), float((centres[:, 1] - radii).min()),
                      float((centres[:, 0] + radii).max()), float((centres[:, 1] + radii).max()))
        transform, width, height = hr.release_grid(bounds, cell)
        if width * height > 4e9:
            raise QgsProcessingException(tr('The grid would have {} x {} cells: give a larger CELL_SIZE or a '
                                            'smaller EXTENT.').format(width, height))
        counts = hr.write_release_footprint(centres, radii, classes, transform, width, height,
                                            rasterio_crs(work_crs), tmp, RASTER_WINDOW_CELLS, progress,
                                            feedback.isCanceled)
        feedback.pushInfo(tr('Release footprint: {} sources, {} x {} cells of {:g} m in {}; cells per class: {}').format(
            len(sources), width, height, cell, work_crs.authid(),
            ', '.join('{}: {}'.format(v, int(counts[v])) for v in range(classes, 0, -1))))
