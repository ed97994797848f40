"""Extraction: place mentions and incidents from English and Arabic reports.

    >>> import geoinc
    >>> r = geoinc.extract_text("Security forces arrested three men in Daraya, Rural Damascus, on Monday.",
    ...                         published="2025-03-05")
    >>> r["incidents"][0]["location"]["name"], r["incidents"][0]["arrested"], r["incidents"][0]["date"]
    ('Darayya', 3, '2025-03-03')

``extract_text`` returns the JSON object ``geoinc extract`` writes for one report; ``extract`` streams
over records (dicts with ``id``, ``text`` and optional ``published``, ``lang``, ``url``, ``source``,
``title``), yielding one such object per record, bad records included (status ``rejected``).
"""

from __future__ import annotations

import re
from typing import Any, Iterable, Iterator

__all__ = ["extract_text", "extract", "Extractor", "MAX_TEXT_CHARS", "find_mentions", "decode_entities"]

#: Longest text accepted for one report (characters); longer records are rejected, not truncated.
MAX_TEXT_CHARS = 1_000_000

_HEADER_DATE = re.compile(r"^\W{0,3}(?:date|published|posted|updated|تاريخ النشر|التاريخ)\s*[:\-]?\s*(\d{4}-\d{2}-\d{2})", re.I)


def find_mentions(text: str, gaz=None):
    """Place mentions of ``text``, resolved with the report as context (list of Mention)."""
    from ..gazetteer import Gazetteer
    from .context import resolve_mentions
    from .mentions import find_mentions as _find

    gaz = gaz or Gazetteer.load()
    ms = _find(text, gaz)
    resolve_mentions(ms, text, gaz)
    return ms


class Extractor:
    """Holds the gazetteer and matcher; ``extractor(text, ...)`` gives one report's output dict."""

    def __init__(self, gaz=None) -> None:
        from ..gazetteer import Gazetteer
        from .context import resolve_mentions
        from .dates import parse_published
        from .fastfold import fold_with_offsets_fast
        from .incidents import build_incidents
        from .mentions import find_mentions as _find
        from .mentions import matcher
        from .sentences import sentence_index, split_sentences

        self.gaz = gaz or Gazetteer.load()
        self.matcher = matcher(self.gaz)
        # the pipeline's steps, imported once here rather than on every report
        self._steps = (parse_published, fold_with_offsets_fast, _find, resolve_mentions, split_sentences,
                       sentence_index, build_incidents)

    def __call__(self, text: str, published: Any = None, lang: str | None = None, id: Any = None,
                 **extra: Any) -> dict[str, Any]:
        err = _check_text(text)
        if err:
            return _rejected(id, err, published, lang, extra)
        if "&" in text and _ENTITY.search(text):
            return self._with_entities_decoded(text, published, lang, id, extra)
        return self._extract(text, published, lang, id, extra)

    def _extract(self, text: str, published: Any, lang: str | None, id: Any, extra: dict) -> dict[str, Any]:
        (parse_published, fold_with_offsets, _find, resolve_mentions, split_sentences, sentence_index,
         build_incidents) = self._steps
        pub = parse_published(published)
        header = _HEADER_DATE.match(text[:200])
        if pub is None and published in (None, "") and header:
            pub = parse_published(header.group(1))
        language = lang if lang in ("en", "ar") else _language(text)
        folded, offs = fold_with_offsets(text)
        if "," in text and _DIGIT_COMMA.search(text):
            from .counts import join_thousands

            folded = join_thousands(text, folded, offs)  # '1,900' as one number
        mentions = _find(text, self.gaz, (folded, offs))
        resolve_mentions(mentions, text, self.gaz)
        sentences = split_sentences(text)
        for m in mentions:
            m.sentence = sentence_index(sentences, m.start)
        incidents = build_incidents(text, folded, offs, sentences, mentions, pub,
                                    ignore_before=header.end() if header else 0)
        located = any(i.location is not None for i in incidents)
        out: dict[str, Any] = {
            "id": id, "lang": language, "published": pub.isoformat() if pub else None,
            "mentions": [m.to_dict() for m in mentions],
            "incidents": [_incident_dict(i) for i in incidents],
            "status": "located" if located else "unlocated", "error": None,
        }
        for k in ("url", "source", "title"):
            if extra.get(k) not in (None, ""):
                out[k] = extra[k]
        return out


    def _with_entities_decoded(self, text: str, published: Any, lang: str | None, id: Any, extra: dict) -> dict[str, Any]:
        """Extract from ``text`` with its HTML character references decoded ('Dar&#8217;a' is
        'Dar’a', as scraped headlines write it), then give the mentions' offsets and text in the
        original ``text``."""
        decoded, starts, ends = decode_entities(text)
        if decoded == text:  # only references html does not know ('&foo;')
            return self._extract(text, published, lang, id, extra)
        out = self._extract(decoded, published, lang, id, extra)
        for m in out["mentions"]:
            s, e = starts[m["start"]], ends[m["end"] - 1]
            m["start"], m["end"], m["text"] = s, e, text[s:e]
        return out


_DIGIT_COMMA = re.compile(r"\d,\d")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});")


def decode_entities(text: str) -> tuple[str, list[int], list[int]]:
    """``text`` with its HTML character references decoded, and for each character of the result
    the start and end of what it came from in ``text`` (an entity's whole span, or the one
    character)."""
    import html

    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for m in _ENTITY.finditer(text):
        if m.start() > pos:
            pieces.append(text[pos:m.start()])
            starts.extend(range(pos, m.start()))
            ends.extend(range(pos + 1, m.start() + 1))
        rep = html.unescape(m.group())
        if rep == m.group():  # not a reference html knows: keep it as it is
            rep_s, rep_e = list(range(m.start(), m.end())), list(range(m.start() + 1, m.end() + 1))
        else:
            rep_s, rep_e = [m.start()] * len(rep), [m.end()] * len(rep)
        pieces.append(rep)
        starts.extend(rep_s)
        ends.extend(rep_e)
        pos = m.end()
    pieces.append(text[pos:])
    starts.extend(range(pos, len(text)))
    ends.extend(range(pos + 1, len(text) + 1))
    return "".join(pieces), starts, ends


def _language(text: str) -> str:
    """'ar' when Arabic letters (U+0621-U+064A) outnumber Latin ones (A-Z, a-z) in the first 2,000
    characters, else 'en'. Counted on the code points with numpy."""
    import numpy as np

    c = np.frombuffer(text[:2000].encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    arabic = np.count_nonzero((c >= 0x0621) & (c <= 0x064A))
    latin = np.count_nonzero(((c >= 0x41) & (c <= 0x5A)) | ((c >= 0x61) & (c <= 0x7A)))
    return "ar" if arabic > latin else "en"


def _incident_dict(inc) -> dict[str, Any]:
    d = inc.to_dict()
    prec = getattr(inc, "date_precision", None)
    if d["date"] and prec and prec != "day":
        d["date_precision"] = prec
    return d


def _check_text(text: Any) -> str | None:
    if not isinstance(text, str):
        return "missing text" if text is None else f"text is {type(text).__name__}, not a string"
    if not text.strip():
        return "empty text"
    if len(text) > MAX_TEXT_CHARS:
        return f"text of {len(text):,} characters is longer than the {MAX_TEXT_CHARS:,} accepted"
    if "\x00" in text:
        return "text contains NUL characters (binary data?)"
    return None


def _rejected(id: Any, err: str, published: Any, lang: Any, extra: dict) -> dict[str, Any]:
    return {"id": id, "lang": lang if lang in ("en", "ar") else None,
            "published": published if isinstance(published, str) else None,
            "mentions": [], "incidents": [], "status": "rejected", "error": err}


_default: Extractor | None = None


def extract_text(text: str, published: Any = None, lang: str | None = None, id: Any = None, **extra: Any) -> dict[str, Any]:
    """Extract one report (see module doc). ``published``: 'YYYY-MM-DD', a date or None."""
    global _default
    if _default is None:
        _default = Extractor()
    return _default(text, published=published, lang=lang, id=id, **extra)


def extract(records: Iterable[Any], gaz=None) -> Iterator[dict[str, Any]]:
    """Stream ``records`` (dicts, strings, or RecordError from :func:`geoinc.read_reports`) to
    output dicts, one per record, in order; a bad record gives status 'rejected' with its error."""
    from ..io.accounting import RecordError

    ex = Extractor(gaz) if gaz is not None else None
    for n, rec in enumerate(records, start=1):
        fn = ex or _get_default()
        if isinstance(rec, tuple) and len(rec) == 2 and not isinstance(rec[0], dict):
            rec = rec[1]
        if isinstance(rec, RecordError):
            yield _rejected(rec.record_id if rec.record_id is not None else rec.where, str(rec), None, None, {})
            continue
        if isinstance(rec, str):
            rec = {"id": n, "text": rec}
        if not isinstance(rec, dict):
            yield _rejected(n, f"record {n} is {type(rec).__name__}, not an object", None, None, {})
            continue
        rid = rec.get("id", n)
        try:
            yield fn(rec.get("text"), published=rec.get("published"), lang=rec.get("lang"), id=rid,
                     url=rec.get("url"), source=rec.get("source"), title=rec.get("title"))
        except RecursionError as e:  # pathological input: report it, keep going
            yield _rejected(rid, f"could not be processed ({e})", rec.get("published"), rec.get("lang"), {})


def _get_default() -> Extractor:
    global _default
    if _default is None:
        _default = Extractor()
    return _default


# ``geoinc.extract`` is both this package and the streaming function: importing the package binds
# the name on ``geoinc`` to the module, so the module itself is made callable as ``extract``.
import sys as _sys
import types as _types


class _CallableModule(_types.ModuleType):
    def __call__(self, records: Iterable[Any], gaz=None) -> Iterator[dict[str, Any]]:
        return extract(records, gaz)


_sys.modules[__name__].__class__ = _CallableModule
