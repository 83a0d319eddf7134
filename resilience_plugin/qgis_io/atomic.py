"""File outputs are written to temporary names beside their targets and moved into place together at the end.

One run stages every file it writes (``OutputStage``): each target gets a temporary name in its own folder
(``name~part-<token>.ext``; a shapefile's or raster's companion files follow the same name; no dot before
the extension, because QGIS takes a GeoPackage's format from everything after the first dot). Only when the
whole run has succeeded does ``commit`` move them in: the previous files (with their stale companions:
SQLite journals, a shapefile's parts, GDAL's ``.aux.xml``) are first renamed aside, then the new ones are
renamed in, and only then are the previous ones deleted. If any rename fails, everything is put back, so
the outputs of one run are replaced together or not at all. ``discard`` removes whatever a failed or
cancelled run left; the previous outputs are untouched.

``atomic_path`` is the one-file form.
"""
import contextlib
import os
import shutil
import uuid

PART = '~part-'
OLD = '~old-'
# Files that belong to a data file and are stale once it is replaced.
COMPANIONS = ('-wal', '-shm', '-journal', '.aux.xml')
SHAPEFILE_PARTS = ('.shx', '.dbf', '.prj', '.cpg', '.qix', '.sbn', '.sbx', '.qpj', '.shp.xml')


class StageError(Exception):
    """The new files could not be moved into place; every previous file is back where it was."""

    def __init__(self, path, error):
        super().__init__('{}: {}'.format(path, error))
        self.path, self.error = path, error


def is_temporary(name):
    """Whether the file name is one of a staged output's temporary or previous files."""
    return PART in name or OLD in name


class _Staged:
    """One target and its temporary name: ``folder/base~part-token`` + extension."""

    def __init__(self, target):
        self.target = target
        self.folder = os.path.dirname(target)
        name = os.path.basename(target)
        self.base, self.ext = os.path.splitext(name)
        self.token = uuid.uuid4().hex[:12]
        self.safe_base = self.base.replace('.', '_')
        self.stem = '{}{}{}'.format(self.safe_base, PART, self.token)
        self.tmp = os.path.join(self.folder, self.stem + self.ext)

    def new_files(self):
        """[(temporary file, its final name)]: the staged file and every companion written beside it."""
        try:
            names = os.listdir(self.folder)
        except OSError:
            return []
        return [(os.path.join(self.folder, n), os.path.join(self.folder, self.base + n[len(self.stem):]))
                for n in sorted(names) if n.startswith(self.stem)]

    def old_files(self, new_names):
        """The previous target and its companions that exist (replaced or stale once the new file is in)."""
        names = [self.target] + [self.target + suffix for suffix in COMPANIONS] + list(new_names)
        if self.ext.lower() == '.shp':
            names += [os.path.join(self.folder, self.base + part) for part in SHAPEFILE_PARTS]
        seen, result = set(), []
        for path in names:
            if path not in seen and os.path.lexists(path):
                seen.add(path)
                result.append(path)
        return result

    def backup_name(self, path):
        return os.path.join(self.folder, '{}{}{}{}'.format(
            self.safe_base, OLD, self.token, os.path.basename(path)[len(self.base):]))


class OutputStage:
    """The file outputs of one run: temporary names now, all moved into place by ``commit``."""

    def __init__(self):
        self.staged = {}  # absolute target -> _Staged

    def path(self, target, copy_existing=False):
        """The temporary path for ``target`` (the same one when asked again for the same target).

        With ``copy_existing`` it starts as a copy of ``target`` and its write-ahead log, for an update
        that keeps what the file already holds (other tables of a GeoPackage).
        """
        target = os.path.abspath(target)
        staged = self.staged.get(target)
        if staged is None:
            staged = _Staged(target)
            os.makedirs(staged.folder, exist_ok=True)
            self.staged[target] = staged
        if copy_existing and os.path.isfile(target) and not os.path.exists(staged.tmp):
            shutil.copy2(target, staged.tmp)
            if os.path.isfile(target + '-wal'):  # changes not yet checkpointed into the file belong to it
                shutil.copy2(target + '-wal', staged.tmp + '-wal')
        return staged.tmp

    def final_name(self, text):
        """``text`` with every temporary path in it replaced by its final name (for results and messages)."""
        if not isinstance(text, str):
            return text
        for staged in self.staged.values():
            text = text.replace(os.path.join(staged.folder, staged.stem), os.path.join(staged.folder, staged.base))
        return text

    def commit(self):
        """Move every staged file into place, or none (StageError names the file that could not move)."""
        plan = []
        for staged in self.staged.values():
            new = staged.new_files()
            if new:
                plan.append((staged, new, staged.old_files([final for _, final in new])))
        aside, moved_in = [], []
        try:
            for staged, _, old in plan:
                for path in old:
                    current = path
                    backup = staged.backup_name(path)
                    os.replace(current, backup)
                    aside.append((current, backup))
            for staged, new, _ in plan:
                for tmp, final in new:
                    current = final
                    os.replace(tmp, final)
                    moved_in.append((tmp, final))
        except OSError as error:
            for tmp, final in reversed(moved_in):
                _quietly(os.replace, final, tmp)
            for path, backup in reversed(aside):
                _quietly(os.replace, backup, path)
            raise StageError(current, error.strerror or str(error)) from error
        for _, backup in aside:
            _quietly(os.remove, backup)

    def discard(self):
        """Remove every temporary file left (after a failure or cancel; nothing after a commit)."""
        for staged in self.staged.values():
            for tmp, _ in staged.new_files():
                if os.path.isdir(tmp) and not os.path.islink(tmp):
                    shutil.rmtree(tmp, ignore_errors=True)
                else:
                    _quietly(os.remove, tmp)


def _quietly(function, *args):
    try:
        function(*args)
    except OSError:
        pass


@contextlib.contextmanager
def atomic_path(target):
    """Yield a temporary path in the target's folder; on success it replaces ``target``."""
    stage = OutputStage()
    try:
        tmp = stage.path(target)
        yield tmp
        stage.commit()
    finally:
        stage.discard()
