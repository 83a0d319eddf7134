"""Outputs of one run are replaced together or not at all; no traceback reaches the user (processing/base.py).

population_coverage writes three outputs one after the other (demand, facility loads, summary); a run that
fails or is cancelled after the first of them must leave every previous output byte-identical and no
temporary file, and a run that succeeds must replace all of them.
"""
import hashlib
import os
import sqlite3

import pytest
from osgeo import gdal
from qgis.core import (Qgis, QgsApplication, QgsFeature, QgsGeometry, QgsPointXY, QgsProcessingContext,
                       QgsProcessingException, QgsProcessingOutputLayerDefinition, QgsProcessingUtils, QgsProject,
                       QgsVectorLayer)

from conftest import run_algorithm
from resilience_plugin.processing import population_coverage
from resilience_plugin.qgis_io import atomic
from resilience_plugin.qgis_io.atomic import OutputStage, StageError, atomic_path
from resilience_plugin.qgis_io.gdal_errors import gdal_exceptions
from tools.qgis_env import RecordingFeedback

FACILITY_XY = [(385860.0, 6672080.0), (386180.0, 6672560.0), (385560.0, 6671700.0), (386420.0, 6671900.0)]


@pytest.fixture(scope='module')
def roads(tmp_path_factory, helsinki_pbf):
    path = str(tmp_path_factory.mktemp('roads') / 'roads.gpkg')
    with gdal_exceptions():
        gdal.VectorTranslate(path, helsinki_pbf, options='-t_srs EPSG:3067 -where "highway IS NOT NULL" -nln roads '
                                                         '-nlt LINESTRING lines')
    return path + '|layername=roads'


def facilities():
    layer = QgsVectorLayer('Point?crs=EPSG:3067&field=name:string&field=cap:double', 'facilities', 'memory')
    features = []
    for i, (x, y) in enumerate(FACILITY_XY):
        f = QgsFeature(layer.fields())
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        f.setAttributes(['f{}'.format(i), 2000.0])
        features.append(f)
    layer.dataProvider().addFeatures(features)
    return layer


def snapshot(folder):
    """{file name: SHA-256} of every file in ``folder``."""
    result = {}
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), 'rb') as stream:
            result[name] = hashlib.sha256(stream.read()).hexdigest()
    return result


def temporaries(folder):
    return [name for name in os.listdir(folder) if atomic.is_temporary(name)]


def add_user_table(path):
    """A table the user keeps in the output GeoPackage: a run writing other tables must keep it."""
    with sqlite3.connect(path) as db:
        db.execute('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)')
        db.execute("INSERT INTO notes (text) VALUES ('keep me')")
        db.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier) VALUES ('notes', 'attributes', "
                   "'notes')")
    db.close()


def user_notes(path):
    with sqlite3.connect(path) as db:
        rows = db.execute('SELECT text FROM notes').fetchall()
    db.close()
    return rows


def coverage_parameters(roads, population, folder, distance, style):
    """population_coverage writing its three outputs into ``folder``, in one of the file layouts."""
    outputs = {
        # two layers of one GeoPackage (the form QGIS 3.22 itself cannot write) and a CSV table
        'layers': {'OUTPUT_DEMAND': os.path.join(folder, 'coverage.gpkg') + '|layername=demand',
                   'OUTPUT_FACILITIES': os.path.join(folder, 'coverage.gpkg') + '|layername=facilities',
                   'OUTPUT_SUMMARY': os.path.join(folder, 'summary.csv')},
        # what the Processing dialog's "Save to GeoPackage" gives, a shapefile and its parts
        'dialog': {'OUTPUT_DEMAND': "ogr:dbname='{}' table=\"demand\" (geom)".format(
                       os.path.join(folder, 'coverage.gpkg')),
                   'OUTPUT_FACILITIES': os.path.join(folder, 'facilities.shp'),
                   'OUTPUT_SUMMARY': os.path.join(folder, 'summary.gpkg')},
    }[style]
    return dict({'FACILITIES': facilities(), 'NETWORK': roads, 'MAX_DISTANCE': distance, 'DEMAND': population,
                 'DEMAND_FIELD': 'population', 'CAPACITY_FIELD': 'cap'}, **outputs)


def covered_total(folder, style):
    if style == 'layers':
        path = os.path.join(folder, 'summary.csv')
        with open(path, encoding='utf-8') as stream:
            header, total = stream.readline().strip().split(','), stream.readline().strip().split(',')
        return float(total[header.index('covered')])
    layer = QgsVectorLayer(os.path.join(folder, 'summary.gpkg'), 'summary', 'ogr')
    return float(next(layer.getFeatures())['covered'])


class CancelAfterDemand(RecordingFeedback):
    """Cancels once population_coverage has written its demand output (when it reports the totals),
    noting the temporary files in ``folder`` at that moment."""

    def __init__(self, folder, seen):
        super().__init__()
        self.folder, self.seen = folder, seen

    def pushInfo(self, text):  # noqa: N802
        super().pushInfo(text)
        if text.startswith('Population '):
            self.seen.extend(temporaries(self.folder))
            self.cancel()


@pytest.mark.parametrize('style', ['layers', 'dialog'])
@pytest.mark.parametrize('how', ['fails', 'cancelled'])
def test_coverage_outputs_are_replaced_together_or_not_at_all(roads, helsinki_population, tmp_path, monkeypatch,
                                                              style, how):
    folder = str(tmp_path / '规划 成果')  # planners' folders: Chinese names with spaces
    first, _ = run_algorithm('resilience:population_coverage',
                             coverage_parameters(roads, helsinki_population, folder, 400, style))
    add_user_table(os.path.join(folder, 'coverage.gpkg'))
    before = snapshot(folder)
    assert not temporaries(folder)
    assert {'coverage.gpkg', 'facilities.shp', 'facilities.dbf', 'summary.gpkg'} <= set(before) \
        if style == 'dialog' else {'coverage.gpkg', 'summary.csv'} <= set(before)
    covered_400 = covered_total(folder, style)

    # A second run that stops after it wrote OUTPUT_DEMAND (and OUTPUT_FACILITIES) to its temporaries.
    seen = []  # the temporary files when the run stops
    feedback = RecordingFeedback()
    if how == 'fails':
        def broken(*args, **kwargs):
            seen.extend(temporaries(folder))
            raise ZeroDivisionError('float division by zero')
        monkeypatch.setattr(population_coverage, 'summarise', broken)
        message = 'Population coverage and capacity failed on an unexpected error'
    else:
        feedback = CancelAfterDemand(folder, seen)
        message = 'Cancelled; no output was written.'
    with pytest.raises(QgsProcessingException, match=message) as error:
        run_algorithm('resilience:population_coverage',
                      coverage_parameters(roads, helsinki_population, folder, 1200, style), feedback)
    assert 'Traceback' not in str(error.value)
    # It stopped after it had written the new demand (and facility loads) beside the old files.
    assert any(name.startswith('coverage' + atomic.PART) and name.endswith('.gpkg') for name in seen)
    if style == 'dialog':
        assert any(name.startswith('facilities' + atomic.PART) and name.endswith('.dbf') for name in seen)
    assert snapshot(folder) == before  # every previous file byte-identical, nothing added
    assert not temporaries(folder)

    # A run that succeeds replaces all of them and keeps the user's table.
    monkeypatch.undo()
    second, _ = run_algorithm('resilience:population_coverage',
                              coverage_parameters(roads, helsinki_population, folder, 1200, style))
    after = snapshot(folder)
    assert not temporaries(folder)
    assert set(after) == set(before)
    assert all(after[name] != before[name] for name in ('coverage.gpkg', 'summary.csv' if style == 'layers'
                                                        else 'summary.gpkg'))
    assert covered_total(folder, style) > covered_400
    assert user_notes(os.path.join(folder, 'coverage.gpkg')) == [('keep me',)]
    # The results name the final files, never the temporaries.
    gpkg = os.path.join(folder, 'coverage.gpkg')
    assert second['OUTPUT_DEMAND'] == gpkg + '|layername=demand'
    demand = QgsVectorLayer(second['OUTPUT_DEMAND'], 'demand', 'ogr')
    assert demand.isValid() and demand.featureCount() == 92
    # demand and summary come from the same run
    assert sum(f['population_used'] for f in demand.getFeatures() if f['covered']) == \
        pytest.approx(covered_total(folder, style))
    for value in second.values():
        assert not atomic.is_temporary(str(value))


def test_two_outputs_into_one_file_need_layer_names(roads, helsinki_population, tmp_path):
    path = str(tmp_path / 'all.gpkg')
    parameters = coverage_parameters(roads, helsinki_population, str(tmp_path), 400, 'layers')
    parameters.update(OUTPUT_DEMAND=path, OUTPUT_FACILITIES=path)
    with pytest.raises(QgsProcessingException, match='OUTPUT_DEMAND, OUTPUT_FACILITIES would all write'):
        run_algorithm('resilience:population_coverage', parameters)
    parameters.update(OUTPUT_DEMAND=path + '|layername=x', OUTPUT_FACILITIES=path + '|layername=x')
    with pytest.raises(QgsProcessingException, match='would all write the layer x'):
        run_algorithm('resilience:population_coverage', parameters)
    assert os.listdir(str(tmp_path)) == []


def test_changes_not_yet_checkpointed_into_the_geopackage_are_kept(roads, helsinki_population, tmp_path):
    """A GeoPackage open elsewhere in WAL mode: the run starts from the file and its write-ahead log."""
    folder = str(tmp_path)
    parameters = coverage_parameters(roads, helsinki_population, folder, 400, 'layers')
    run_algorithm('resilience:population_coverage', parameters)
    path = os.path.join(folder, 'coverage.gpkg')
    add_user_table(path)
    other = sqlite3.connect(path)
    other.execute('PRAGMA journal_mode=WAL')
    other.execute("INSERT INTO notes (text) VALUES ('edited in QGIS')")
    other.commit()
    assert os.path.exists(path + '-wal')
    try:
        run_algorithm('resilience:population_coverage', parameters)
    finally:
        other.close()
    assert user_notes(path) == [('keep me',), ('edited in QGIS',)]
    assert not temporaries(folder)


def test_layers_to_load_point_at_the_final_files(roads, helsinki_population, tmp_path):
    """As from the Processing dialog: layers loaded on completion are the final files, styled by their
    post-processor (exposure's four risk colours)."""
    from qgis.core import QgsApplication as App
    zones = QgsVectorLayer('Polygon?crs=EPSG:3067&field=risk_grade:string', 'zones', 'memory')
    f = QgsFeature(zones.fields())
    f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(*FACILITY_XY[0])).buffer(300, 8))
    f.setAttributes(['major'])
    zones.dataProvider().addFeature(f)
    path = str(tmp_path / 'exposure.gpkg')
    project = QgsProject()
    definition = QgsProcessingOutputLayerDefinition(path + '|layername=segments', project)
    summary = QgsProcessingOutputLayerDefinition(path + '|layername=summary', project)
    algorithm = App.processingRegistry().createAlgorithmById('resilience:exposure')
    context = QgsProcessingContext()
    context.setProject(project)
    feedback = RecordingFeedback()
    results, ok = algorithm.run({'ZONES': zones, 'TARGETS': [roads], 'OUTPUT': definition,
                                 'OUTPUT_SUMMARY': summary}, context, feedback)
    assert ok, feedback.text()
    loads = context.layersToLoadOnCompletion()
    assert sorted(loads) == [path + '|layername=segments', path + '|layername=summary']
    assert results['OUTPUT'] == path + '|layername=segments'
    layer = QgsProcessingUtils.mapLayerFromString(results['OUTPUT'], context)
    assert layer.isValid() and layer.featureCount() > 0
    styler = loads[results['OUTPUT']].postProcessor()
    assert styler is not None
    styler.postProcessLayer(layer, context, RecordingFeedback())
    assert layer.renderer().type() == 'categorizedSymbol'
    # A raster destination the same way.
    from risk_helpers import memory_layer
    sources = memory_layer('Point', 'EPSG:3067', ['kind:string', 'risk_grade:string'],
                           [('POINT({} {})'.format(*FACILITY_XY[0]), ['fuel_station', 'major'])])
    raster = str(tmp_path / 'release.tif')
    algorithm = App.processingRegistry().createAlgorithmById('resilience:hazard_from_scenario')
    results, ok = algorithm.run({'RISK_SOURCES': sources, 'RADIUS': 100, 'CELL_SIZE': 10,
                                 'OUTPUT': QgsProcessingOutputLayerDefinition(raster, project)}, context, feedback)
    assert ok and results['OUTPUT'] == raster
    assert raster in context.layersToLoadOnCompletion()
    assert QgsProcessingUtils.mapLayerFromString(raster, context).isValid()
    assert not temporaries(str(tmp_path))


# The safety net --------------------------------------------------------------------------------------------

def test_an_unexpected_error_is_a_message_and_the_traceback_goes_to_the_log(roads, helsinki_population,
                                                                            tmp_path, monkeypatch):
    logged = []

    def record(message, tag, level):
        logged.append((message, tag, level))
    QgsApplication.messageLog().messageReceived.connect(record)

    def broken(*args, **kwargs):
        raise KeyError('district')
    monkeypatch.setattr(population_coverage, 'summarise', broken)
    feedback = RecordingFeedback()
    try:
        with pytest.raises(QgsProcessingException) as error:
            run_algorithm('resilience:population_coverage',
                          coverage_parameters(roads, helsinki_population, str(tmp_path), 400, 'layers'), feedback)
    finally:
        QgsApplication.messageLog().messageReceived.disconnect(record)
    text = str(error.value)
    # the last thing the run reported before summarise: the overloaded facilities
    assert text.startswith('Population coverage and capacity failed on an unexpected error after it reported '
                           '"{}" '.format(feedback.warnings[-1]))
    assert 'overloaded' in feedback.warnings[-1]
    assert "KeyError: 'district'" in text and 'please report it' in text and 'Resilience planning' in text
    assert 'Traceback' not in text and 'File "' not in text
    ours = [m for m, tag, level in logged if tag == 'Resilience planning' and level == Qgis.MessageLevel.Critical]
    assert len(ours) == 1 and 'Traceback' in ours[0] and 'broken' in ours[0] and 'KeyError' in ours[0]
    assert os.listdir(str(tmp_path)) == []


def test_the_last_step_is_named(tmp_path, monkeypatch):
    """The message says where the run stopped: the last line the algorithm reported."""
    from resilience_plugin.processing import risk_influence_zones
    from risk_helpers import memory_layer

    def broken(*args, **kwargs):
        raise ValueError('bad buffer')
    monkeypatch.setattr(risk_influence_zones.risk, 'resolve_grades', broken)
    sources = memory_layer('Point', 'EPSG:3067', ['kind:string', 'risk_grade:string'],
                           [('POINT(0 0)', ['fuel_station', 'major'])])
    with pytest.raises(QgsProcessingException, match=r'Risk influence zones failed on an unexpected error after it '
                                                     r'reported "Distances: .*" \(ValueError: bad buffer\)'):
        run_algorithm('resilience:risk_influence_zones', {'RISK_SOURCES': sources,
                                                          'OUTPUT': str(tmp_path / 'zones.gpkg')})
    assert os.listdir(str(tmp_path)) == []


def test_every_algorithm_runs_through_the_safety_net():
    """No algorithm of the provider overrides processAlgorithm (it would bypass staging and the net)."""
    from resilience_plugin.processing.base import ResilienceAlgorithm
    from resilience_plugin.processing.provider import algorithm_classes
    for cls in algorithm_classes():
        assert issubclass(cls, ResilienceAlgorithm)
        assert cls.processAlgorithm is ResilienceAlgorithm.processAlgorithm, cls.__name__
        assert cls.process is not ResilienceAlgorithm.process, cls.__name__


# The staging itself ----------------------------------------------------------------------------------------

def write(path, text):
    with open(path, 'w', encoding='utf-8') as stream:
        stream.write(text)


def test_shapefile_parts_move_together_and_stale_parts_go(tmp_path):
    folder = str(tmp_path)
    for ext in ('.shp', '.shx', '.dbf', '.prj', '.qix', '.qml'):
        write(os.path.join(folder, 'roads' + ext), 'old' + ext)
    stage = OutputStage()
    tmp = stage.path(os.path.join(folder, 'roads.shp'))
    assert os.path.dirname(tmp) == folder and atomic.is_temporary(os.path.basename(tmp))
    stem = tmp[:-len('.shp')]
    for ext in ('.shp', '.shx', '.dbf', '.prj', '.cpg'):
        write(stem + ext, 'new' + ext)
    stage.commit()
    stage.discard()
    files = snapshot(folder)
    assert sorted(files) == ['roads.cpg', 'roads.dbf', 'roads.prj', 'roads.qml', 'roads.shp', 'roads.shx']
    for ext in ('.shp', '.shx', '.dbf', '.prj', '.cpg'):
        assert open(os.path.join(folder, 'roads' + ext)).read() == 'new' + ext
    assert open(os.path.join(folder, 'roads.qml')).read() == 'old.qml'  # the user's style stays


def test_a_failed_move_puts_every_previous_file_back(tmp_path, monkeypatch):
    folder = str(tmp_path)
    targets = [os.path.join(folder, name) for name in ('a.gpkg', 'b.csv', 'c.tif')]
    for path in targets:
        write(path, 'old ' + path)
    write(targets[0] + '-wal', 'old log')
    before = snapshot(folder)
    stage = OutputStage()
    for path in targets:
        write(stage.path(path), 'new ' + path)
    real, calls = os.replace, []

    def flaky(source, destination):
        calls.append(source)
        if len(calls) == 6:  # after the old files went aside and the first new ones came in
            raise PermissionError(13, 'Permission denied')
        real(source, destination)
    monkeypatch.setattr(atomic.os, 'replace', flaky)
    with pytest.raises(StageError, match='Permission denied'):
        stage.commit()
    monkeypatch.undo()
    stage.discard()
    assert snapshot(folder) == before


def test_atomic_path_replaces_one_file(tmp_path):
    target = str(tmp_path / 'report.pdf')
    write(target, 'old')
    with pytest.raises(RuntimeError):
        with atomic_path(target) as tmp:
            write(tmp, 'half')
            raise RuntimeError('stop')
    assert os.listdir(str(tmp_path)) == ['report.pdf'] and open(target).read() == 'old'
    with atomic_path(target) as tmp:
        write(tmp, 'new')
    assert os.listdir(str(tmp_path)) == ['report.pdf'] and open(target).read() == 'new'
