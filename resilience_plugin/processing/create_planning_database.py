"""resilience:create_planning_database: an empty, styled, ready-to-edit planning GeoPackage."""
from qgis.core import (QgsCoordinateReferenceSystem, QgsProcessingException, QgsProcessingParameterBoolean,
                       QgsProcessingParameterCrs, QgsProcessingParameterExtent,
                       QgsProcessingParameterFileDestination)

from ..definitions import DATABASE_KINDS, N_
from ..qgis_io.crs import is_metric, utm_for
from ..qgis_io.database import DatabaseError
from ..qgis_io.storage import open_store
from ..translation import tr
from .base import GROUP_DATABASE, ResilienceAlgorithm, require_writable


class CreatePlanningDatabase(ResilienceAlgorithm):
    NAME = 'create_planning_database'
    DISPLAY_NAME = N_('Create planning database')
    GROUP = GROUP_DATABASE
    ICON = 'database.svg'
    STAGE_OUTPUTS = False  # the planning store creates and replaces the file itself (storage.create)
    HELP = N_('Creates a GeoPackage with every layer of the planning data model: risk sources, lifelines '
              'and their nodes, road network, shelters and candidate sites, emergency facilities, population '
              'and buildings. Each layer carries its default style, attribute form with drop-down lists, '
              'range checks, constraints and default values, so it opens in QGIS ready to edit.\n\n'
              'CRS: a projected CRS in metres. When left empty it is the UTM zone of EXTENT; '
              'a geographic CRS is replaced by the UTM zone of the extent.\n\n'
              'An existing database that holds data is never replaced unless OVERWRITE is checked.')

    OUTPUT = 'OUTPUT'
    CRS = 'CRS'
    EXTENT = 'EXTENT'
    OVERWRITE = 'OVERWRITE'

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, tr('Planning database'), tr('GeoPackage (*.gpkg)')))
        self.addParameter(QgsProcessingParameterCrs(self.CRS, tr('CRS (projected, metres)'), optional=True))
        self.addParameter(QgsProcessingParameterExtent(self.EXTENT, tr('Extent (to choose the CRS)'),
                                                       optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.OVERWRITE, tr('Replace an existing database that holds data'), defaultValue=False))

    def process(self, parameters, context, feedback):
        path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        if not path.lower().endswith('.gpkg'):
            raise QgsProcessingException(tr('OUTPUT must be a GeoPackage file (.gpkg): {}').format(path))
        require_writable(path)
        crs = self.parameterAsCrs(parameters, self.CRS, context)
        if not crs.isValid() or not is_metric(crs):
            if parameters.get(self.EXTENT) in (None, ''):
                if crs.isValid():
                    raise QgsProcessingException(tr(
                        'CRS {} does not measure in metres; give a projected CRS or an EXTENT to choose '
                        'its UTM zone.').format(crs.authid()))
                raise QgsProcessingException(tr('Give a projected CRS in metres, or an EXTENT to choose one.'))
            extent_crs = self.parameterAsExtentCrs(parameters, self.EXTENT, context)
            extent = self.parameterAsExtent(parameters, self.EXTENT, context, extent_crs)
            chosen = utm_for(extent, extent_crs if extent_crs.isValid() else QgsCoordinateReferenceSystem('EPSG:4326'),
                             context.transformContext())
            if crs.isValid():
                feedback.pushWarning(tr('{} is not a metric CRS; using {} instead.').format(crs.authid(),
                                                                                          chosen.authid()))
            else:
                feedback.pushInfo(tr('CRS chosen from the extent: {}').format(chosen.authid()))
            crs = chosen
        try:
            open_store(path).create(crs, overwrite=self.parameterAsBoolean(parameters, self.OVERWRITE, context))
        except DatabaseError as error:
            raise QgsProcessingException(str(error))
        feedback.pushInfo(tr('Created {} with {} layers in {}.').format(path, len(DATABASE_KINDS), crs.authid()))
        return {self.OUTPUT: path}
