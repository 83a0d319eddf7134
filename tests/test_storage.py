"""The planning database's storage guarantees (qgis_io/storage.py), on a real GeoPackage and real SQLite locks.

Nothing the user owns is replaced without being asked; writes are all-or-nothing; another program's committed
edits (WAL included) survive; a locked or foreign file gets a clear message; tables are read and written in bulk.
"""
import dataclasses
import hashlib
import sqlite3
import threading
from pathlib import Path

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsProcessingException

from conftest import run_algorithm
from resilience_plugin.definitions import LAYERS, Field, LayerKind
from resilience_plugin.qgis_io import storage
from resilience_plugin.qgis_io.database import DatabaseError, create_schema
from resilience_plugin.qgis_io.storage import GeoPackageStore, LockedError

CRS = QgsCoordinateReferenceSystem('EPSG:3067')
# A table kind for the tests (capabilities define theirs in definitions).
READINGS = LayerKind('test_readings', 'NoGeometry', 'Readings', 'Monitoring', (
    Field('sensor_id', 'string', 'Sensor', required=True, length=64),
    Field('observed_at', 'datetime', 'Observed at', required=True),
    Field('value', 'double', 'Value'),
), unique_together=(('sensor_id', 'observed_at'),), indexes=(('observed_at',),))


def sha256(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def roads(path):
    connection = sqlite3.connect(path)
    try:
        return connection.execute('SELECT count(*) FROM road_network').fetchone()[0]
    finally:
        connection.close()


@pytest.fixture
def filled(tmp_path, helsinki_db):
    """A copy of the Helsinki planning database (roads, people, buildings ...)."""
    path = tmp_path / 'planning.gpkg'
    path.write_bytes(Path(helsinki_db).read_bytes())
    return str(path)


def test_create_refuses_a_database_that_holds_data_and_replaces_it_only_when_told(filled, tmp_path):
    before = sha256(filled)
    with pytest.raises(QgsProcessingException, match='holds data'):
        run_algorithm('resilience:create_planning_database', {'OUTPUT': filled, 'CRS': 'EPSG:3067'})
    assert sha256(filled) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ['planning.gpkg']
    run_algorithm('resilience:create_planning_database', {'OUTPUT': filled, 'CRS': 'EPSG:3067', 'OVERWRITE': True})
    assert roads(filled) == 0
    assert GeoPackageStore(filled).check() is None


def test_create_refuses_a_file_that_is_not_ours_and_may_replace_an_empty_planning_database(tmp_path):
    other = tmp_path / 'notes.gpkg'
    other.write_text('my notes, not a database')
    with pytest.raises(QgsProcessingException, match='holds data'):
        run_algorithm('resilience:create_planning_database', {'OUTPUT': str(other), 'CRS': 'EPSG:3067'})
    assert other.read_text() == 'my notes, not a database'
    empty = str(tmp_path / 'empty.gpkg')
    run_algorithm('resilience:create_planning_database', {'OUTPUT': empty, 'CRS': 'EPSG:3067'})
    run_algorithm('resilience:create_planning_database', {'OUTPUT': empty, 'CRS': 'EPSG:3857'})  # nothing to lose
    assert GeoPackageStore(empty).crs().authid() == 'EPSG:3857'


def test_a_file_that_is_not_a_geopackage_is_named_in_a_clear_message(tmp_path, helsinki_pbf):
    text = tmp_path / 'planning.gpkg'
    text.write_text('not a database')
    with pytest.raises(QgsProcessingException) as error:
        run_algorithm('resilience:import_osm', {'INPUT': helsinki_pbf, 'DATABASE': str(text)})
    assert 'is not a GeoPackage' in str(error.value) and str(text) in str(error.value)
    assert 'Traceback' not in str(error.value)
    assert text.read_text() == 'not a database'


def test_a_database_locked_by_another_program_is_refused_and_left_unchanged(filled, helsinki_pbf, monkeypatch):
    monkeypatch.setattr(storage, 'LOCK_TIMEOUT_S', 0.2)
    before = roads(filled)
    other = sqlite3.connect(filled, isolation_level=None)
    other.execute('BEGIN EXCLUSIVE')  # another program in the middle of a write
    try:
        with pytest.raises(QgsProcessingException, match='locked by another program') as error:
            run_algorithm('resilience:import_osm', {'INPUT': helsinki_pbf, 'DATABASE': filled})
        assert filled in str(error.value)
    finally:
        other.execute('ROLLBACK')
        other.close()
    assert roads(filled) == before


def test_committed_edits_of_another_program_in_wal_mode_survive_an_import(tmp_path, helsinki_pbf):
    """QGIS and other programs switch a GeoPackage to WAL: their committed rows live in the -wal file until a
    checkpoint. The import changes the file in place through SQLite, so those rows are kept."""
    path = str(tmp_path / 'planning.gpkg')
    run_algorithm('resilience:create_planning_database', {'OUTPUT': path, 'CRS': 'EPSG:3067'})
    other = sqlite3.connect(path, isolation_level=None)
    for name in ('ST_IsEmpty', 'ST_MinX', 'ST_MaxX', 'ST_MinY', 'ST_MaxY'):  # the GeoPackage's R-tree triggers
        other.create_function(name, 1, lambda geometry: None)
    other.execute('PRAGMA journal_mode=WAL')
    other.execute('PRAGMA wal_autocheckpoint=0')
    other.execute("INSERT INTO population (asset_id, population) VALUES ('surveyed-by-hand', 42)")
    assert Path(path + '-wal').stat().st_size > 0  # the edit is in the WAL, not yet in the main file
    try:
        run_algorithm('resilience:import_osm', {'INPUT': helsinki_pbf, 'DATABASE': path})
    finally:
        other.close()
    check = sqlite3.connect(path)
    try:
        assert check.execute("SELECT population FROM population WHERE asset_id = 'surveyed-by-hand'").fetchone() == (42,)
        assert check.execute('SELECT count(*) FROM road_network').fetchone()[0] > 2000
    finally:
        check.close()


def test_an_edit_is_all_or_nothing(filled):
    store = GeoPackageStore(filled)
    before = store.row_count('population')
    with pytest.raises(ZeroDivisionError):
        with store.edit() as writer:
            writer.write('population', [(None, {'asset_id': 'a', 'population': 1.0})])
            writer.write('population', [(None, {'asset_id': 'b', 'population': 2.0})])
            1 / 0
    assert store.row_count('population') == before
    with store.edit() as writer:
        assert writer.write('population', [(None, {'asset_id': 'a', 'population': 1.0})]) == 1
    assert store.row_count('population') == before + 1


def test_an_older_database_gets_new_tables_with_styles_and_tables_are_written_in_bulk(tmp_path):
    path = str(tmp_path / 'old.gpkg')
    create_schema(path, CRS, LAYERS)  # a database of the first data model
    store = GeoPackageStore(path)
    assert store.ensure([READINGS]) == ['test_readings']
    assert store.ensure([READINGS]) == []
    layer = store.layer('test_readings')
    assert layer.fields().names()[1:] == READINGS.field_names()
    assert layer.editorWidgetSetup(layer.fields().indexOf('observed_at')).type() == 'DateTime'
    rows = [('s1', '2026-11-28T10:00:00Z', 1.5), ('s1', '2026-11-28T10:01:00Z', 1.7),
            ('s2', '2026-11-28T10:00:00Z', 9.0)]
    columns = ('sensor_id', 'observed_at', 'value')
    assert store.insert_rows('test_readings', columns, rows, ignore_duplicates=True) == 3
    # a resent message is stored once
    assert store.insert_rows('test_readings', columns, rows[:2] + [('s3', 'x', 0.0)], ignore_duplicates=True) == 1
    with pytest.raises(DatabaseError):
        store.insert_rows('test_readings', columns, rows[:1])  # without ignore_duplicates: refused, all rolled back
    assert store.row_count('test_readings') == 4
    found = store.read_rows('test_readings', ('sensor_id', 'value'),
                            where=[('observed_at', '>=', '2026-11-28T10:00:00Z'), ('sensor_id', 'in', ['s1', 's2'])],
                            order_by=('sensor_id', 'observed_at'))
    assert found == [('s1', 1.5), ('s1', 1.7), ('s2', 9.0)]
    chunks = list(store.read_rows('test_readings', ('value',), order_by=('value',), chunk_size=3))
    assert [len(c) for c in chunks] == [3, 1]
    assert store.update_rows('test_readings', ('sensor_id', 'observed_at'), ('value',),
                             [('s2', '2026-11-28T10:00:00Z', 8.0)]) == 1
    assert store.read_rows('test_readings', ('value',), where=[('sensor_id', '=', 's2')]) == [(8.0,)]
    assert store.delete_rows('test_readings', where=[('sensor_id', '=', 's3')]) == 1
    assert store.row_count('test_readings') == 3
    with pytest.raises(ValueError):
        store.insert_rows('road_network', ('asset_id',), [('x',)])  # layers go through edit()
    with pytest.raises(ValueError):
        store.read_rows('test_readings', ('value',), where=[('value', ';drop', 1)])


def test_values_are_bound_never_pasted_into_sql(tmp_path):
    path = str(tmp_path / 'db.gpkg')
    create_schema(path, CRS, LAYERS)
    store = GeoPackageStore(path)
    store.ensure([READINGS])
    hostile = "x'); DROP TABLE road_network; --"
    store.insert_rows('test_readings', ('sensor_id', 'observed_at', 'value'), [(hostile, 't', 1.0)])
    assert store.read_rows('test_readings', ('sensor_id',), where=[('sensor_id', '=', hostile)]) == [(hostile,)]
    assert 'road_network' in store.table_names()


def test_planning_layers_are_recognised_by_table_and_file(filled, tmp_path):
    store = GeoPackageStore(filled)
    layer = store.layer('shelters')
    assert store.owns_layer(layer) == 'shelters'
    assert GeoPackageStore(str(tmp_path / 'other.gpkg')).owns_layer(layer) is None


def test_readers_do_not_block_a_writer_for_long(filled):
    """A chunked read holds a read transaction; a writer in another thread still gets through once it ends."""
    store = GeoPackageStore(filled)
    store.ensure([READINGS])
    store.insert_rows('test_readings', ('sensor_id', 'observed_at', 'value'),
                      [('s', str(i), float(i)) for i in range(1000)])
    chunks = store.read_rows('test_readings', ('value',), chunk_size=100)
    first = next(chunks)
    assert len(first) == 100
    rest = sum(len(c) for c in chunks)
    done = []
    writer = threading.Thread(target=lambda: done.append(store.insert_rows(
        'test_readings', ('sensor_id', 'observed_at', 'value'), [('t', '0', 0.0)])))
    writer.start()
    writer.join(10)
    assert rest == 900 and done == [1]


def test_fingerprint_names_the_rows_of_every_table(filled):
    info = GeoPackageStore(filled).fingerprint()
    assert info['row_counts']['road_network'] == roads(filled)
    assert info['sha256'] == sha256(filled)


def test_a_kind_with_several_unique_columns_is_described_in_definitions():
    kind = dataclasses.replace(READINGS, name='x')
    assert kind.unique_together == (('sensor_id', 'observed_at'),) and not kind.spatial
    with pytest.raises(LockedError.__mro__[1]):  # LockedError is a DatabaseError
        raise LockedError('x')
