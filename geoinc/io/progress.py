"""Progress bars for long runs: shown on a terminal (rich), silent otherwise."""

from __future__ import annotations

import os
import sys
from typing import Iterable, Iterator, TypeVar

T = TypeVar("T")

__all__ = ["progress"]


def progress(items: Iterable[T], description: str = "working", total: int | None = None, enabled: bool | None = None) -> Iterator[T]:
    """Iterate ``items`` with a progress bar on stderr when stderr is a terminal.

    Quiet when stderr is not a terminal (a pipe, a log file, the tests), when ``TERM=dumb``, or
    when ``GEOINC_NO_PROGRESS`` is set; ``enabled`` overrides. The bar is drawn on stderr, never
    on stdout, so it cannot mix into output written to stdout. ``total`` defaults to
    ``len(items)`` when items has a length.
    """
    if enabled is None:
        enabled = _on_terminal()
    if not enabled:
        yield from items
        return
    if total is None and hasattr(items, "__len__"):
        total = len(items)  # type: ignore[arg-type]
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    cols = [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()]
    with Progress(*cols, transient=True, console=Console(stderr=True)) as bar:
        task = bar.add_task(description, total=total)
        for it in items:
            yield it
            bar.advance(task)


def _on_terminal() -> bool:
    if os.environ.get("GEOINC_NO_PROGRESS") or os.environ.get("TERM") == "dumb":
        return False
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):  # closed or replaced stderr
        return False
