"""Rule-generated English spelling variants of Arabic place names.

The gazetteer's sources give one or a few spellings of each place; reports use many more.
These rules produce the usual ones (article forms, Deir/Dayr, Tell/Tall, ez-Zor/al-Zour/az-Zawr,
ou/u, ee/i, doubled consonants). Matching does not depend on them alone — ``loose_key`` folds the
same differences — but the generated forms are stored so users can see and search them.
"""

from __future__ import annotations

import re

__all__ = ["variants", "SUN_LETTER_ARTICLES"]

#: Article spelled by the first letter(s) of the following word (sun letters assimilate).
SUN_LETTER_ARTICLES = {
    "t": "at", "th": "ath", "d": "ad", "dh": "adh", "r": "ar", "z": "az", "s": "as",
    "sh": "ash", "n": "an",
}
_ARTICLE_RE = re.compile(r"^(al|el|ad|ed|ash|esh|as|es|ar|er|az|ez|at|et|an|en|adh|ath)$", re.I)

_FAMILIES = [
    ("Deir", "Dayr", "Dair"),
    ("Tell", "Tall", "Tal"),
    ("Kafr", "Kfar", "Kufr"),
    ("Jabal", "Jebel"),
    ("Ain", "Ein", "Ayn"),
    ("Beit", "Bayt"),
    ("Zor", "Zour", "Zawr"),
    ("Sheikh", "Shaykh"),
    ("Abu", "Abou"),
    ("Khirbet", "Khirbat"),
]
_FAMILY_OF = {w.lower(): fam for fam in _FAMILIES for w in fam}


def _article_for(word: str) -> str:
    w = word.lower()
    for k in ("sh", "th", "dh"):
        if w.startswith(k):
            return SUN_LETTER_ARTICLES[k]
    return SUN_LETTER_ARTICLES.get(w[:1], "al")


def _article_forms(tokens: list[str]) -> set[tuple[str, ...]]:
    out = {tuple(tokens)}
    for i, t in enumerate(tokens[:-1]):
        if _ARTICLE_RE.match(t):
            nxt = tokens[i + 1]
            for art in ("al", "el", _article_for(nxt)):
                for new in list(out):
                    new = list(new)
                    new[i] = art.capitalize() if i == 0 else art
                    out.add(tuple(new))
            if i == 0:
                out |= {tuple(o[1:]) for o in list(out)}
    return out


def _family_forms(tokens: tuple[str, ...]) -> set[tuple[str, ...]]:
    out = {tokens}
    for i, t in enumerate(tokens):
        fam = _FAMILY_OF.get(t.lower())
        if fam:
            out |= {tokens[:i] + (m,) + tokens[i + 1 :] for m in fam}
    return out


_LETTER_SWAPS = [
    (re.compile(r"ou"), "u"),
    (re.compile(r"(?<=[^aeiou])u(?=[^aeiou])"), "ou"),
    (re.compile(r"ee"), "i"),
    (re.compile(r"(?<=[^aeiou])i(?=[^aeiou])"), "ee"),
    (re.compile(r"([bcdfghjklmnpqrstvwxz])\1"), r"\1"),
    (re.compile(r"eh$"), "a"),
    (re.compile(r"ah$"), "a"),
    (re.compile(r"iyeh$|iya$|iyah$"), "ieh"),
]


def variants(name: str, limit: int = 24) -> list[str]:
    """Rule-generated spellings of a Latin-script ``name`` (not including ``name``), sorted."""
    if not name or not name.isascii():
        return []
    tokens = [t for t in re.split(r"[\s\-]+", name.strip()) if t]
    if not tokens:
        return []
    forms: set[tuple[str, ...]] = set()
    for a in _article_forms(tokens):
        forms |= _family_forms(a)
    strings: set[str] = set()
    for f in forms:
        strings.add(" ".join(f))
        if len(f) > 1 and _ARTICLE_RE.match(f[0]):
            strings.add(f[0] + "-" + " ".join(f[1:]))
        joined = []
        for i, t in enumerate(f):
            if i > 0 and _ARTICLE_RE.match(f[i - 1]):
                joined[-1] = joined[-1] + "-" + t
            else:
                joined.append(t)
        strings.add(" ".join(joined))
    for s in list(strings):
        for rx, rep in _LETTER_SWAPS:
            v = rx.sub(rep, s, count=1)
            if v != s:
                strings.add(v)
    strings.discard(name)
    return sorted(strings, key=lambda s: (len(s), s))[:limit]
