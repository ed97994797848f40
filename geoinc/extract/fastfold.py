"""A vectorised :func:`geoinc.text.normalize.fold_with_offsets` for whole reports.

Same output, character for character (a test checks it against the reference): ``str.translate``
folds every character with the reference per-character rule (cached per character), numpy
repeats each original index by the length of its fold and collapses runs of spaces.
"""

from __future__ import annotations

import numpy as np

from ..text.normalize import _fold_char

__all__ = ["fold_with_offsets_fast"]


class _Fold(dict):
    def __missing__(self, code: int) -> str:
        v = self[code] = _fold_char(chr(code))
        return v


class _Len(dict):
    def __missing__(self, code: int) -> str:
        v = self[code] = chr(48 + len(_fold_char(chr(code))))
        return v


_FOLD = _Fold()
_LEN = _Len()


def fold_with_offsets_fast(text: str) -> tuple[str, list[int]]:
    """Exactly :func:`~geoinc.text.normalize.fold_with_offsets`, several times faster on reports."""
    if not text:
        return "", []
    raw = text.translate(_FOLD)
    lens = np.frombuffer(text.translate(_LEN).encode("latin-1"), dtype=np.uint8) - 48
    offs = np.repeat(np.arange(len(text), dtype=np.int64), lens)
    codes = np.frombuffer(raw.encode("utf-32-le"), dtype=np.uint32)
    if len(codes) != len(offs):  # a fold longer than the table can say: use the reference
        from ..text.normalize import fold_with_offsets

        return fold_with_offsets(text)
    sp = codes == 32
    keep = ~(sp & np.concatenate(([False], sp[:-1])))
    return codes[keep].tobytes().decode("utf-32-le"), offs[keep].tolist()
