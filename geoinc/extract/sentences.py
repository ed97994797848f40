"""Sentence spans of a report (English and Arabic), keeping character offsets."""

from __future__ import annotations

import bisect
import re

__all__ = ["split_sentences", "sentence_index"]

# words that end with a full stop without ending the sentence ('Dec. 13', 'Brig. Gen. X', 'U.S.')
_ABBREV = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec brig gen col lt maj capt sgt mr mrs ms dr st no vs "
    "approx ca etc inc co corp jr sr prof rep sen gov pres u.s u.k u.n e.g i.e al".split()
)
# '.!?؟' (repeated, then closing quotes or brackets) before a space, or ';', '؛', a line break.
# Written to begin with one character class so the regex engine can skip to candidates quickly;
# same matches as r"[.!?؟]+[\"”’')\]]*(?=\s)|[;؛]|\n".
_BOUNDARY = re.compile(r"[.!?؟;؛\n](?:(?<=[.!?؟])[.!?؟]*[\"”’')\]]*(?=\s)|(?<=[;؛\n]))")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` offsets of the sentences of ``text`` (line breaks, ``.!?؟;`` before a space;
    not after abbreviations or initials). Every character belongs to exactly one span."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        ch = m.group()[0]
        if ch == ".":
            j = m.start()
            k = j
            while k > start and (text[k - 1].isalnum() or text[k - 1] == "."):
                k -= 1
            word = text[k:j].lower()
            if word in _ABBREV or (len(word) == 1 and word.isalpha()):
                continue
        end = m.end()
        if text[start:end].strip():
            spans.append((start, end))
        start = end
    if start < len(text) and text[start:].strip():
        spans.append((start, len(text)))
    if not spans:
        spans.append((0, len(text)))
    return spans


def sentence_index(spans: list[tuple[int, int]], pos: int) -> int:
    """Index of the span holding character ``pos``: the last span starting at or before it
    (0 if none), by binary search over the spans (in text order)."""
    return max(0, bisect.bisect_right(spans, (pos, float("inf"))) - 1)
