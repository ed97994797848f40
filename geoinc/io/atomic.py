"""Atomic output files: written to a temporary file beside the target, then renamed into place.

An interrupted run (Ctrl-C, a killed process) leaves either the old file or the new one, never a
partial one.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path
from typing import IO, Iterator

__all__ = ["atomic_write", "atomic_path", "check_output_path", "check_output_paths", "OutputError", "note_input",
           "inputs_read"]


class OutputError(ValueError):
    """An output path that must not be written (it is an input, or its folder is missing)."""


def check_output_path(out: str | os.PathLike, inputs: list[str | os.PathLike] = ()) -> Path:
    """Refuse to write onto an input file; return ``out`` as a Path.

    The same file reached by another name (a relative path, a symlink, a hard link) counts as
    the input. Raises :class:`OutputError` naming both paths; ``-`` (stdout) is always allowed.
    """
    o = Path(out)
    if str(out) == "-":
        return o
    if o.is_dir():
        raise OutputError(f"{out}: is a directory; give a file name")
    for i in inputs:
        if not i or str(i) == "-":
            continue
        try:
            same = o.exists() and Path(i).exists() and (os.path.samefile(o, i) or o.resolve() == Path(i).resolve())
        except OSError:
            continue
        if same:
            raise OutputError(f"{out}: output would overwrite the input {i}; choose another path")
    return o


def check_output_paths(outputs, inputs: list[str | os.PathLike] = ()) -> None:
    """:func:`check_output_path` for each output a command was given (None and '' skipped)."""
    for out in outputs:
        if out:
            check_output_path(out, inputs)


_INPUTS: list[str] = []


def note_input(path: str | os.PathLike) -> None:
    """Remember that this process read ``path`` as an input (the readers call it), so that
    :class:`~geoinc.io.accounting.Rejects` can refuse to write its report onto it."""
    p = str(path)
    if p and p != "-" and p not in _INPUTS:
        _INPUTS.append(p)


def inputs_read() -> list[str]:
    """The input files this process has read through :mod:`geoinc.io` readers."""
    return list(_INPUTS)


def _umask_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike, suffix: str | None = None) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; on success it is renamed onto ``path``.

    For writers that take a file name (GDAL, matplotlib, openpyxl). The temporary file keeps
    the target's extension so format detection by extension still works.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix or target.suffix or ".tmp", dir=target.parent)
    os.close(fd)
    os.unlink(tmp)  # let the writer create it (some refuse to overwrite)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        if not tmp_path.exists():
            raise OSError(f"{target}: the writer produced no file")
        _fsync(tmp_path)
        # mkstemp makes the file private (0600); give it the old file's mode, or the usual one
        with contextlib.suppress(OSError):
            os.chmod(tmp_path, target.stat().st_mode & 0o7777 if target.exists() else _umask_mode())
        os.replace(tmp_path, target)
        _fsync_dir(target.parent)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp_path.unlink()
        raise


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike, mode: str = "w", encoding: str | None = "utf-8", newline: str | None = "\n") -> Iterator[IO]:
    """Open a temporary file for writing; rename it onto ``path`` when the block succeeds.

    ``path`` ``-`` writes to standard output instead.
    """
    if str(path) == "-":
        if "b" in mode:
            yield sys.stdout.buffer
        else:
            yield sys.stdout
        sys.stdout.flush()
        return
    with atomic_path(path) as tmp:
        kw = {} if "b" in mode else {"encoding": encoding, "newline": newline}
        with open(tmp, mode, **kw) as fh:
            yield fh
            fh.flush()


def _fsync(p: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(p, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _fsync_dir(d: Path) -> None:
    """Make the rename durable (POSIX); a no-op where directories cannot be opened."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(d, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
