"""Reading reports for extraction: JSON lines, CSV/TSV/XLSX with a text column, a .txt file, a
folder of .txt files, or standard input (``-``: JSON lines, or plain text if it is not JSON).

:func:`read_reports` streams: one record at a time, never the whole input in memory (except a
CSV, which the table reader decodes whole). Each item is a dict ``{"id", "text", "published"?,
"lang"?, "url"?, "source"?, "title"?}`` or a :class:`~geoinc.io.accounting.RecordError` naming the
record and its problem; a bad record never stops the rest.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Iterator

from .accounting import RecordError

__all__ = ["read_reports", "TEXT_COLUMNS", "MAX_RECORD_BYTES"]

#: Column names tried, in order, when no ``text_column`` is given.
TEXT_COLUMNS = ("text", "notes", "body", "content", "article", "description")
#: Largest report read from a .txt file (bytes); larger files are rejected, not read.
MAX_RECORD_BYTES = 4_000_000
_FIELDS = ("published", "lang", "url", "source", "title")
_DATE_COLUMNS = ("published", "date", "event_date", "pub_date", "publication_date")


def read_reports(path: str | os.PathLike, text_column: str | None = None, encoding: str | None = None,
                 sheet: str | None = None) -> Iterator[dict | RecordError]:
    """Yield the reports in ``path`` (see module doc)."""
    p = str(path)
    if p == "-":
        yield from _stdin(encoding)
        return
    if os.path.isdir(p):
        yield from _folder(Path(p), encoding)
        return
    if not os.path.exists(p):
        raise FileNotFoundError(f"{p}: no such file or folder")
    low = p.lower()
    if low.endswith((".jsonl", ".ndjson", ".json")):
        yield from _jsonl(p, encoding)
    elif low.endswith((".csv", ".tsv", ".tab", ".xlsx", ".xlsm")):
        yield from _table(p, text_column, encoding, sheet)
    else:
        yield _txt(Path(p), encoding, Path(p).name)


def _normalise(rec: dict, src: str, where: str, text_key: str = "text") -> dict | RecordError:
    rid = rec.get("id", rec.get("record_id"))
    text = rec.get(text_key)
    if text is None:
        return RecordError(src, where, f"no '{text_key}' field", field=text_key, record_id=rid)
    if not isinstance(text, str):
        return RecordError(src, where, f"'{text_key}' is {type(text).__name__}, not a string", field=text_key, record_id=rid)
    if not text.strip():
        return RecordError(src, where, f"empty '{text_key}'", field=text_key, record_id=rid)
    from ..extract import MAX_TEXT_CHARS

    if len(text) > MAX_TEXT_CHARS:
        return RecordError(src, where, f"text of {len(text):,} characters is longer than the {MAX_TEXT_CHARS:,} accepted",
                           field=text_key, record_id=rid)
    out = {"id": rid if rid not in (None, "") else where, "text": text}
    for k in _FIELDS:
        v = rec.get(k)
        if v not in (None, ""):
            out[k] = v if isinstance(v, (str, int, float)) else str(v)
    if "published" not in out:
        for k in _DATE_COLUMNS[1:]:
            if rec.get(k) not in (None, ""):
                out["published"] = str(rec[k])
                break
    return out


def _jsonl(p: str, encoding: str | None) -> Iterator[dict | RecordError]:
    from .jsonl import iter_jsonl

    src = "<stdin>" if p == "-" else p
    for lineno, obj in iter_jsonl(p, encoding):
        if isinstance(obj, RecordError):
            yield obj
            continue
        yield _normalise(obj, src, f"line {lineno}")


def _table(p: str, text_column: str | None, encoding: str | None, sheet: str | None) -> Iterator[dict | RecordError]:
    from .tables import header_key, iter_table

    col = header_key(text_column) if text_column else None
    chosen: str | None = None
    missing: str | None = None  # why no row can be read (no text column): every row says so
    for row_no, rec in iter_table(p, encoding=encoding, sheet=sheet):
        if isinstance(rec, RecordError):
            yield rec
            continue
        if chosen is None and missing is None:
            cols = ", ".join(k for k in rec if not k.startswith("_"))
            if col:
                if col in rec:
                    chosen = col
                else:
                    missing = f"no column '{text_column}' (columns: {cols})"
            else:
                chosen = next((c for c in TEXT_COLUMNS if c in rec), None)
                if chosen is None:
                    missing = f"no text column ({'/'.join(TEXT_COLUMNS)}; columns: {cols}); name it with --text-column"
        if missing is not None:
            rid = rec.get("id") or rec.get("record_id") or None
            yield RecordError(p, f"row {row_no}", missing, field=text_column or "text", record_id=rid)
            continue
        if "id" not in rec and "record_id" not in rec:
            rec["id"] = f"row {row_no}"
        yield _normalise(rec, p, f"row {row_no}", chosen)


def _read_limited(fh, src: str, rid: str) -> bytes | RecordError:
    data = fh.read(MAX_RECORD_BYTES + 1)
    if len(data) > MAX_RECORD_BYTES:
        return RecordError(src, "file", f"larger than {MAX_RECORD_BYTES:,} bytes; not a single report", record_id=rid)
    return data


def _decode(data: bytes, encoding: str | None, src: str, rid: str) -> str | RecordError:
    from .encoding import detect_encoding

    enc = detect_encoding(data[:65536], encoding)
    try:
        return data.decode(enc)
    except UnicodeDecodeError as e:
        return RecordError(src, "file", f"undecodable bytes at byte {e.start} ({enc})", record_id=rid)


def _txt(p: Path, encoding: str | None, rid: str) -> dict | RecordError:
    src = str(p)
    try:
        with open(p, "rb") as fh:
            data = _read_limited(fh, src, rid)
    except OSError as e:
        return RecordError(src, "file", f"unreadable ({e.strerror})", record_id=rid)
    if isinstance(data, RecordError):
        return data
    text = _decode(data, encoding, src, rid)
    if isinstance(text, RecordError):
        return text
    return _normalise({"id": rid, "text": text.lstrip("\ufeff")}, src, "file")


def _folder(d: Path, encoding: str | None) -> Iterator[dict | RecordError]:
    files = sorted(f for f in d.iterdir() if f.is_file() and f.suffix.lower() in (".txt", ".text", ".md"))
    if not files:
        raise ValueError(f"{d}: no .txt files in this folder")
    for f in files:
        yield _txt(f, encoding, f.name)


def _stdin(encoding: str | None) -> Iterator[dict | RecordError]:
    buf = sys.stdin.buffer
    head = buf.peek(1)[:1] if hasattr(buf, "peek") else b""
    if head.lstrip()[:1] == b"{" or head[:1] in (b"{",):
        yield from _jsonl("-", encoding)
        return
    data = _read_limited(buf, "<stdin>", "stdin")
    if isinstance(data, RecordError):
        yield data
        return
    if data.lstrip()[:1] == b"{":
        raise ValueError("<stdin>: JSON input must start with '{' on the first line")
    text = _decode(data, encoding, "<stdin>", "stdin")
    if isinstance(text, RecordError):
        yield text
        return
    yield _normalise({"id": "stdin", "text": text.lstrip("\ufeff")}, "<stdin>", "input")
