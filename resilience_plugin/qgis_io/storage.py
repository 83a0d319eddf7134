"""The planning database behind one interface, whatever holds it.

Algorithms and panels never branch on the backend: they get a ``PlanningStore`` from ``open_store`` (or from
``processing.base.ResilienceAlgorithm.store``) and use its methods. A GeoPackage file is the embedded default
for one person (``GeoPackageStore``, below); a PostgreSQL/PostGIS schema shared by survey teams implements the
same interface (issue 10).

What a store guarantees:

- ``check(kinds)`` raises ``DatabaseError`` with a translated message naming the database and what is
  missing, or why it cannot be read (not a GeoPackage, locked by another program, ...).
- ``edit()`` is all-or-nothing: every row written inside the ``with`` block is committed together at its
  end, or none is (an exception or a cancel inside the block rolls back). Another program's committed edits
  are never lost: the GeoPackage is changed in place through SQLite's own transactions (rollback journal or
  WAL, whichever the file uses), never replaced by a copy.
- ``create(crs, overwrite=False)`` refuses to replace a database that holds data unless told to.
- Tables (kinds with geometry 'NoGeometry') are read and written in bulk with ``insert_rows`` /
  ``read_rows`` / ``update_rows`` / ``delete_rows``; values are always bound as parameters, never pasted
  into SQL, and identifiers come from definitions only.
"""
import contextlib
import os
import sqlite3

from osgeo import ogr
from qgis.core import QgsCoordinateReferenceSystem, QgsVectorLayer

from ..definitions import DATABASE_KINDS, LAYERS
from ..translation import tr
from .atomic import atomic_path
from .census_package import finish_package, sha256_file
from .database import (DatabaseError, FeatureWriter, add_kind, create_schema, layer_uri, save_default_styles)
from .gdal_errors import gdal_exceptions

# Comparison operators ``read_rows``/``delete_rows`` accept in ``where`` (column, operator, value) triples.
OPERATORS = ('=', '<', '<=', '>', '>=', '<>', 'in')
# How long a write waits for another program's lock before it says the database is locked (seconds).
LOCK_TIMEOUT_S = 5.0


class LockedError(DatabaseError):
    """Another program holds the database's write lock."""


def quote_identifier(name):
    """An SQL identifier in double quotes (identifiers come from definitions; quotes are doubled anyway).

    SQLite binds values, not identifiers: statements put table and column names through this function and
    bind every value as a parameter (why bandit's B608 is marked nosec where they are formatted).
    """
    return '"{}"'.format(str(name).replace('"', '""'))


def _where_sql(where, placeholder):
    """(SQL condition, parameters) of ``where``: (column, operator, value) triples joined by AND."""
    parts, params = [], []
    for column, operator, value in where or ():
        if operator not in OPERATORS:
            raise ValueError('operator {} is not one of {}'.format(operator, OPERATORS))
        if operator == 'in':
            values = list(value)
            if not values:
                parts.append('0 = 1')
                continue
            parts.append('{} IN ({})'.format(quote_identifier(column), ', '.join([placeholder] * len(values))))
            params.extend(values)
        elif value is None and operator in ('=', '<>'):
            parts.append('{} IS {}NULL'.format(quote_identifier(column), '' if operator == '=' else 'NOT '))
        else:
            parts.append('{} {} {}'.format(quote_identifier(column), operator, placeholder))
            params.append(value)
    return (' WHERE ' + ' AND '.join(parts)) if parts else '', params


class PlanningStore:
    """A planning database. Subclasses: GeoPackageStore (here), the PostGIS store (issue 10)."""

    backend = ''

    # Identity --------------------------------------------------------------------------------------------
    def label(self):
        """How messages, logs and provenance name the database (a path, or a connection and schema)."""
        raise NotImplementedError

    def provider(self):
        """The QGIS data provider of its layers ('ogr', 'postgres')."""
        raise NotImplementedError

    def uri(self, name):
        """The data source of table ``name`` for a QgsVectorLayer of ``provider()``."""
        raise NotImplementedError

    def owns_layer(self, layer):
        """The table of this database that ``layer`` shows, else None."""
        raise NotImplementedError

    # Reading ---------------------------------------------------------------------------------------------
    def exists(self):
        raise NotImplementedError

    def table_names(self):
        raise NotImplementedError

    def check(self, kinds=LAYERS):
        """Raise DatabaseError naming what is missing unless this is a planning database with ``kinds``."""
        raise NotImplementedError

    def layer(self, name, title=None):
        """Table ``name`` as a QgsVectorLayer with its stored default style and form."""
        layer = QgsVectorLayer(self.uri(name), title or name, self.provider())
        if not layer.isValid():
            raise DatabaseError(tr('The planning database {} has no valid layer "{}".').format(self.label(), name))
        return layer

    def crs(self):
        """The CRS of the database (all its layers share it)."""
        raise NotImplementedError

    def row_count(self, name):
        raise NotImplementedError

    def asset_ids(self, names):
        """``{table: set of asset IDs}`` of ``names``."""
        return {name: {row[0] for row in self.read_rows(name, ('asset_id',))} for name in names}

    def read_rows(self, name, columns, where=(), order_by=(), chunk_size=None):
        """Rows (tuples of ``columns``) of table ``name`` matching ``where`` ((column, operator, value) triples,
        operators from OPERATORS), ordered by ``order_by``. A list, or with ``chunk_size`` an iterator of lists
        of at most that many rows (memory stays flat over millions of rows)."""
        raise NotImplementedError

    def holds_data(self):
        """True when any table of the planning data model has a row."""
        names = self.table_names()
        return any(self.row_count(kind.name) for kind in DATABASE_KINDS if kind.name in names)

    def fingerprint(self):
        """What identifies the database's content now, for provenance: row counts per table (and more where the
        backend knows it: the file's SHA-256, the latest modification time per table)."""
        names = self.table_names()
        return {'database': self.label(), 'backend': self.backend,
                'row_counts': {k.name: self.row_count(k.name) for k in DATABASE_KINDS if k.name in names}}

    # Changing --------------------------------------------------------------------------------------------
    def create(self, crs, overwrite=False):
        """Create every layer and table of the data model with its style and form. An existing database that
        holds data is replaced only with ``overwrite``."""
        raise NotImplementedError

    def ensure(self, kinds):
        """Add the layers and tables of ``kinds`` that an older database lacks (with their styles); returns the
        names added. The database must otherwise be a planning database."""
        raise NotImplementedError

    def edit(self):
        """Context manager yielding a writer with ``write(name, rows)`` (rows: (wkb or None, {field: value}));
        everything written in the block is committed together, or nothing."""
        raise NotImplementedError

    def insert_rows(self, name, columns, rows, ignore_duplicates=False):
        """Insert ``rows`` (tuples in ``columns`` order) into table ``name`` in one transaction; with
        ``ignore_duplicates`` rows that break a unique constraint are skipped. Returns the number inserted."""
        raise NotImplementedError

    def update_rows(self, name, key_columns, columns, rows):
        """Set ``columns`` of the rows whose ``key_columns`` match; ``rows`` are tuples of key values followed by
        the new values. One transaction; returns the number of rows changed."""
        raise NotImplementedError

    def delete_rows(self, name, where=()):
        """Delete the rows of table ``name`` matching ``where``; returns the number deleted."""
        raise NotImplementedError


# ---------------------------------------------------------------------------------------------------------
# GeoPackage
# ---------------------------------------------------------------------------------------------------------

def _is_locked(error):
    text = str(error).lower()
    return 'locked' in text or 'busy' in text


class GeoPackageStore(PlanningStore):
    """A planning database in one GeoPackage file."""

    backend = 'gpkg'

    def __init__(self, path):
        self.path = os.path.abspath(path) if path else ''

    def label(self):
        return self.path

    def provider(self):
        return 'ogr'

    def uri(self, name):
        return layer_uri(self.path, name)

    def owns_layer(self, layer):
        if layer is None or not isinstance(layer, QgsVectorLayer) or layer.providerType() != 'ogr':
            return None
        source = layer.source()
        if '|layername=' not in source:
            return None
        path, rest = source.split('|layername=', 1)
        if os.path.normcase(os.path.abspath(path)) != os.path.normcase(self.path):
            return None
        return rest.split('|', 1)[0]

    # Reading ---------------------------------------------------------------------------------------------
    def exists(self):
        return bool(self.path) and os.path.isfile(self.path)

    def _connect(self, write=False):
        """A sqlite3 connection; a file that is not a GeoPackage (or not SQLite) is a DatabaseError."""
        if not self.exists():
            raise DatabaseError(tr('The planning database {} does not exist.').format(self.path))
        try:
            connection = sqlite3.connect(self.path if write else 'file:{}?mode=ro'.format(self.path),
                                         timeout=LOCK_TIMEOUT_S, uri=not write, isolation_level=None)
            connection.execute('SELECT count(*) FROM gpkg_contents').fetchone()
        except sqlite3.DatabaseError as error:
            if _is_locked(error):
                raise LockedError(self._locked_message()) from error
            raise DatabaseError(tr('{} is not a GeoPackage ({}).').format(self.path, error)) from error
        return connection

    def _locked_message(self):
        return tr('The planning database {} is locked by another program (an editing session that is saving, '
                  'or another application). Save or stop editing there, then run again; nothing was '
                  'changed.').format(self.path)

    def table_names(self):
        connection = self._connect()
        try:
            return {row[0] for row in connection.execute('SELECT table_name FROM gpkg_contents')}
        finally:
            connection.close()

    def check(self, kinds=LAYERS):
        if not self.path:
            raise DatabaseError(tr('No planning database was given.'))
        names = self.table_names()
        missing = [kind.name for kind in kinds if kind.name not in names]
        if missing:
            raise DatabaseError(tr('{} is not a planning database: layers missing: {}').format(
                self.path, ', '.join(missing)))

    def crs(self):
        with gdal_exceptions():
            dataset = ogr.Open(self.path)
            for kind in DATABASE_KINDS:
                layer = dataset.GetLayerByName(kind.name) if kind.spatial else None
                srs = layer.GetSpatialRef() if layer is not None else None
                if srs is None:
                    continue
                if srs.GetAuthorityName(None) == 'EPSG':
                    return QgsCoordinateReferenceSystem('EPSG:{}'.format(srs.GetAuthorityCode(None)))
                return QgsCoordinateReferenceSystem.fromWkt(srs.ExportToWkt())
        raise DatabaseError(tr('The planning database {} has no layer with a CRS.').format(self.path))

    def row_count(self, name):
        connection = self._connect()
        try:
            sql = 'SELECT count(*) FROM {}'.format(quote_identifier(name))  # nosec B608
            return connection.execute(sql).fetchone()[0]
        finally:
            connection.close()

    def read_rows(self, name, columns, where=(), order_by=(), chunk_size=None):
        condition, params = _where_sql(where, '?')
        sql = 'SELECT {} FROM {}{}'.format(  # nosec B608
            ', '.join(quote_identifier(c) for c in columns), quote_identifier(name), condition)
        if order_by:
            sql += ' ORDER BY ' + ', '.join(quote_identifier(c) for c in order_by)
        if chunk_size is None:
            connection = self._connect()
            try:
                return connection.execute(sql, params).fetchall()
            finally:
                connection.close()
        return self._chunks(sql, params, chunk_size)

    def _chunks(self, sql, params, chunk_size):
        connection = self._connect()
        try:
            cursor = connection.execute(sql, params)
            while True:
                rows = cursor.fetchmany(chunk_size)
                if not rows:
                    return
                yield rows
        finally:
            connection.close()

    def fingerprint(self):
        info = super().fingerprint()
        info.update(path=self.path, sha256=sha256_file(self.path), bytes=os.path.getsize(self.path))
        return info

    # Changing --------------------------------------------------------------------------------------------
    def create(self, crs, overwrite=False):
        if os.path.lexists(self.path):
            if os.path.isdir(self.path):
                raise DatabaseError(tr('{} is a folder, not a GeoPackage file.').format(self.path))
            if not overwrite:
                self._refuse_replacing()
        with atomic_path(self.path) as tmp:
            create_schema(tmp, crs, DATABASE_KINDS)
            save_default_styles(tmp, DATABASE_KINDS)
            finish_package(tmp)
            if os.path.exists(self.path):
                self._release_for_replace()
        return self

    def _refuse_replacing(self):
        """Raise unless the file at the path is an empty planning database (nothing to lose)."""
        try:
            holds = self.holds_data() or not self.table_names() >= {k.name for k in LAYERS}
        except DatabaseError:
            holds = True  # not a GeoPackage, or unreadable: it is the user's file, not ours to replace
        if holds:
            raise DatabaseError(tr('{} already exists and holds data. Choose another file, or allow it to be '
                                   'replaced (OVERWRITE).').format(self.path))

    def _release_for_replace(self):
        """Before the file is replaced: no other program may be writing it, and no WAL of the old file may be left
        beside it (SQLite would apply it to the new file)."""
        try:
            connection = sqlite3.connect(self.path, timeout=LOCK_TIMEOUT_S, isolation_level=None)
            try:
                mode = connection.execute('PRAGMA journal_mode').fetchone()[0]
                if str(mode).lower() == 'wal':
                    busy = connection.execute('PRAGMA wal_checkpoint(TRUNCATE)').fetchone()[0]
                    if busy:
                        raise LockedError(self._locked_message())
                    connection.execute('PRAGMA journal_mode=DELETE')
                connection.execute('BEGIN EXCLUSIVE')
                connection.execute('ROLLBACK')
            finally:
                connection.close()
        except sqlite3.DatabaseError as error:
            if _is_locked(error):
                raise LockedError(self._locked_message()) from error
            # not an SQLite file: replaced as asked
        for leftover in (self.path + '-wal', self.path + '-shm'):
            if os.path.exists(leftover):
                os.remove(leftover)

    def ensure(self, kinds):
        self.check()
        missing = [kind for kind in kinds if kind.name not in self.table_names()]
        if not missing:
            return []
        try:
            with gdal_exceptions():
                dataset = ogr.Open(self.path, update=1)
                srs = dataset.GetLayerByName(LAYERS[0].name).GetSpatialRef()
                dataset.StartTransaction()
                try:
                    for kind in missing:
                        add_kind(dataset, srs, kind)
                    dataset.CommitTransaction()
                except Exception:
                    dataset.RollbackTransaction()
                    raise
                dataset = None  # noqa: F841 (closes the file)
        except RuntimeError as error:
            if _is_locked(error):
                raise LockedError(self._locked_message()) from error
            raise DatabaseError(tr('Could not add {} to {}: {}').format(
                ', '.join(k.name for k in missing), self.path, error)) from error
        save_default_styles(self.path, missing)
        return [kind.name for kind in missing]

    @contextlib.contextmanager
    def edit(self):
        self.check()
        writer = None
        try:
            writer = FeatureWriter(self.path, transaction=True)
            yield writer
            writer.commit()
        except RuntimeError as error:
            if writer is not None:
                writer.rollback()
            if _is_locked(error):
                raise LockedError(self._locked_message()) from error
            raise DatabaseError(tr('Writing to {} failed: {}').format(self.path, error)) from error
        except BaseException:
            if writer is not None:
                writer.rollback()
            raise
        finally:
            if writer is not None:
                writer.close()

    @contextlib.contextmanager
    def _write_transaction(self):
        connection = self._connect(write=True)
        try:
            connection.execute('BEGIN IMMEDIATE')
            yield connection
            connection.execute('COMMIT')
        except sqlite3.DatabaseError as error:
            if connection.in_transaction:
                connection.execute('ROLLBACK')
            if _is_locked(error):
                raise LockedError(self._locked_message()) from error
            raise DatabaseError(tr('Writing to {} failed: {}').format(self.path, error)) from error
        except BaseException:
            if connection.in_transaction:
                connection.execute('ROLLBACK')
            raise
        finally:
            connection.close()

    def _table_only(self, name):
        connection = self._connect()
        try:
            row = connection.execute('SELECT data_type FROM gpkg_contents WHERE table_name = ?', (name,)).fetchone()
        finally:
            connection.close()
        if row is None:
            raise DatabaseError(tr('The planning database {} has no table "{}".').format(self.path, name))
        if row[0] != 'attributes':
            raise ValueError('{} is a layer, not a table: write it with edit()'.format(name))

    def insert_rows(self, name, columns, rows, ignore_duplicates=False):
        self._table_only(name)
        sql = 'INSERT {}INTO {} ({}) VALUES ({})'.format(
            'OR IGNORE ' if ignore_duplicates else '', quote_identifier(name),
            ', '.join(quote_identifier(c) for c in columns), ', '.join('?' * len(columns)))
        with self._write_transaction() as connection:
            return max(connection.executemany(sql, rows).rowcount, 0)  # rows changed (triggers not counted)

    def update_rows(self, name, key_columns, columns, rows):
        self._table_only(name)
        sql = 'UPDATE {} SET {} WHERE {}'.format(  # nosec B608
            quote_identifier(name), ', '.join('{} = ?'.format(quote_identifier(c)) for c in columns),
            ' AND '.join('{} = ?'.format(quote_identifier(c)) for c in key_columns))
        n = len(key_columns)
        with self._write_transaction() as connection:
            return max(connection.executemany(sql, [tuple(row[n:]) + tuple(row[:n]) for row in rows]).rowcount, 0)

    def delete_rows(self, name, where=()):
        self._table_only(name)
        condition, params = _where_sql(where, '?')
        with self._write_transaction() as connection:
            sql = 'DELETE FROM {}{}'.format(quote_identifier(name), condition)  # nosec B608
            return connection.execute(sql, params).rowcount


def open_store(database=None):
    """The planning database at ``database`` (a GeoPackage path). The PostGIS backend adds its own arguments."""
    return GeoPackageStore(database)


def check_store(store, kinds=LAYERS):
    """``store`` after ``store.check(kinds)`` (raises DatabaseError)."""
    store.check(kinds)
    return store
