"""A dict that computes a missing key's value on first use, emptied when it grows too large."""

from __future__ import annotations

from typing import Any, Callable

__all__ = ["Memo"]


class Memo(dict):
    """Key -> ``compute(key)``, filled on first use (``memo[key]``, or ``map(memo.__getitem__,
    keys)`` at C speed); emptied when it holds ``maxsize`` keys and one more is asked for."""

    def __init__(self, compute: Callable[[Any], Any], maxsize: int = 100_000) -> None:
        super().__init__()
        self.compute = compute
        self.maxsize = maxsize

    def __missing__(self, key: Any) -> Any:
        if len(self) >= self.maxsize:
            self.clear()
        v = self[key] = self.compute(key)
        return v
