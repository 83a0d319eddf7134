"""Folder outputs built in a temporary folder beside the target and swapped in at the end.

The folder counterpart of atomic.atomic_path: the previous folder is renamed aside, the new one renamed
in, and only then is the previous one deleted. A failed or cancelled run removes its temporary folder and
leaves the previous folder untouched.
"""
import contextlib
import os
import shutil
import tempfile
import uuid


class FolderSwapError(Exception):
    """The new folder could not be moved into place (the previous one is back where it was)."""


def temporary_names(target):
    """The prefix of the temporary folders made for ``target`` (to find leftovers)."""
    return '.{}.'.format(os.path.basename(os.path.abspath(target)))


@contextlib.contextmanager
def atomic_folder(target, replaceable=None):
    """Yield a new empty folder beside ``target``; on success it replaces ``target`` (created if missing).

    ``replaceable(target)``, if given, is called right before the swap and raises to keep ``target``.
    """
    target = os.path.abspath(target)
    parent = os.path.dirname(target)
    os.makedirs(parent, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix=temporary_names(target), suffix='.part', dir=parent)
    try:
        yield tmp
        if replaceable is not None:
            replaceable(target)
        swap_in(tmp, target)
    finally:
        if os.path.exists(tmp):
            shutil.rmtree(tmp, ignore_errors=True)


def swap_in(new, target):
    """Replace the folder ``target`` by the folder ``new`` (two renames in the same parent folder)."""
    old = None
    if os.path.lexists(target):
        old = os.path.join(os.path.dirname(target), '{}{}.old'.format(temporary_names(target), uuid.uuid4().hex))
        try:
            os.rename(target, old)
        except OSError as error:  # e.g. a file of the package is open in another program (Windows)
            raise FolderSwapError(str(error)) from error
    try:
        os.rename(new, target)
    except OSError as error:
        if old is not None:
            os.rename(old, target)
        raise FolderSwapError(str(error)) from error
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
