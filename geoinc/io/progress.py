"""Progress bars for long runs: shown on a terminal (rich), silent otherwise."""

from __future__ import annotations

import sys
from typing import Iterable, Iterator, TypeVar

T = TypeVar("T")

__all__ = ["progress"]


def progress(items: Iterable[T], description: str = "working", total: int | None = None, enabled: bool | None = None) -> Iterator[T]:
    """Iterate ``items`` with a progress bar on stderr when it is a terminal."""
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        yield from items
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    cols = [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()]
    with Progress(*cols, transient=True, console=None) as bar:
        task = bar.add_task(description, total=total)
        for it in items:
            yield it
            bar.advance(task)
