"""Outputs are written to a temporary file beside the target and moved into place at the end.

A failed or cancelled run leaves the previous file untouched and no half-written file behind.
"""
import contextlib
import os
import shutil
import tempfile

from qgis.core import QgsProcessingException

from ..translation import tr


def require_writable(target):
    """Stop with a message naming ``target`` when its folder cannot take a new file (checked before the work).

    The folder is created when missing, as atomic_path would; a probe file is written and removed.
    """
    folder = os.path.dirname(os.path.abspath(target))
    try:
        os.makedirs(folder, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix='.write-test.', dir=folder)
        os.close(fd)
        os.remove(probe)
    except OSError as error:
        raise QgsProcessingException(tr('Cannot write {}: its folder {} cannot be created or written to ({}). '
                                        'Choose another place.').format(target, folder, error.strerror or error))
    return target


@contextlib.contextmanager
def atomic_path(target, copy_existing=False):
    """Yield a temporary path in the target's folder; on success it replaces ``target``.

    With ``copy_existing`` the temporary file starts as a copy of ``target`` (to update a database).
    """
    target = os.path.abspath(target)
    folder = os.path.dirname(target)
    os.makedirs(folder, exist_ok=True)
    base, ext = os.path.splitext(os.path.basename(target))
    fd, tmp = tempfile.mkstemp(prefix='.{}.'.format(base), suffix='.part' + ext, dir=folder)
    os.close(fd)
    os.remove(tmp)
    try:
        if copy_existing and os.path.exists(target):
            shutil.copy2(target, tmp)
        yield tmp
        os.replace(tmp, target)
    finally:
        for leftover in (tmp, tmp + '-wal', tmp + '-shm', tmp + '-journal'):
            if os.path.exists(leftover):
                os.remove(leftover)
