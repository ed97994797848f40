"""Tabular input (CSV, TSV, XLSX), row by row, with every bad row reported, never fatal.

``iter_table(path)`` yields ``(row_number, dict)`` for good rows and ``(row_number, RecordError)``
for bad ones. Row numbers are the spreadsheet's (the header is row 1; blank rows count, as in a
spreadsheet program); when a quoted cell spans several lines the error also names the line.

What the reader copes with:

- encodings (see :mod:`geoinc.io.encoding`); a row holding undecodable bytes is rejected, naming
  the column, never passed on as garbage;
- the delimiter (comma, semicolon, tab, pipe) chosen from the header and the rows under it;
- headers matched forgivingly: :func:`header_key` folds case, spaces, underscores, a BOM and
  invisible marks; empty header cells become ``column_N`` and duplicates get suffixes
  (``name``, ``name_2``); a first row that is plainly data (mostly numbers) is not taken as the
  header: the columns are then ``column_1``...;
- ragged rows: a short row is padded with ``""`` and flagged ``_short``; a long row keeps the
  cells beyond the header in ``_extra``;
- quoted cells with embedded newlines; an unterminated quote is reported on its row and reading
  resumes on the next line instead of swallowing the rest of the file;
- XLSX workbooks with several sheets (``sheet=`` name or 0-based index); a file that is not a
  readable workbook, or an old binary ``.xls``, is reported as one rejected record.

Every good row also carries ``_row`` (its row number).
"""

from __future__ import annotations

import csv
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any, Iterator

from .accounting import RecordError
from .atomic import note_input
from .encoding import decode, describe_undecodable, detect_encoding, find_undecodable

__all__ = ["iter_table", "header_key", "sniff_delimiter", "table_sheets"]

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))

_DELIMS = (",", ";", "\t", "|")
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")


def header_key(h: object) -> str:
    """Canonical header: 'Event Date ' / 'event_date' / 'EVENT-DATE' / '\\ufeffEvent date' -> 'event_date'."""
    s = str(h if h is not None else "")
    s = "".join(c for c in s if unicodedata.category(c) != "Cf")  # BOM, zero-width and bidi marks
    s = unicodedata.normalize("NFKC", s).strip().lower()
    return re.sub(r"[\s\-\.]+", "_", s).strip("_")


def _dedupe(headers: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for i, h in enumerate(headers):
        h = h or f"column_{i + 1}"
        n = seen.get(h, 0) + 1
        seen[h] = n
        while n > 1 and f"{h}_{n}" in seen:
            n += 1
        out.append(h if n == 1 else f"{h}_{n}")
        if n > 1:
            seen[f"{h}_{n}"] = 1
    return out


def sniff_delimiter(sample: str) -> str:
    """The delimiter of a CSV sample: of comma, semicolon, tab and pipe, the one that splits the
    header into the most columns with the rows under it agreeing on that number."""
    lines = [ln for ln in sample.splitlines()[:30] if ln.strip()]
    if not lines:
        return ","
    best, best_score = ",", 0.0
    for d in _DELIMS:
        try:
            rows = list(csv.reader(lines, delimiter=d))
        except csv.Error:
            continue
        if not rows:
            continue
        n = len(rows[0])
        if n < 2:
            continue
        agree = sum(1 for r in rows[1:] if len(r) == n) / max(1, len(rows) - 1) if len(rows) > 1 else 1.0
        score = n * (0.5 + agree)
        if score > best_score:
            best, best_score = d, score
    return best


def _physical_lines(text: str) -> list[str]:
    """Lines with their endings (``\\n``, ``\\r\\n`` or ``\\r``), as the csv module splits them."""
    out = _LINE.findall(text)
    if out and out[-1] == "":
        out.pop()
    return out


class _Feeder:
    """Feeds lines to a csv reader from position ``pos`` and remembers how far it got."""

    def __init__(self, lines: list[str], pos: int):
        self.lines, self.pos = lines, pos

    def __iter__(self) -> "_Feeder":
        return self

    def __next__(self) -> str:
        if self.pos >= len(self.lines):
            raise StopIteration
        self.pos += 1
        return self.lines[self.pos - 1]


def _csv_rows(lines: list[str], delim: str) -> Iterator[tuple[int, int, list[str] | str]]:
    """(first line index, next line index, cells or an error message) for each CSV record.

    Strict parsing finds unterminated quotes (which would swallow the rest of the file): the row
    is reported and reading resumes on the line after it. Other quirks (a quote inside an
    unquoted cell, text after a closing quote) are read leniently, as spreadsheet programs do.
    """
    i, n = 0, len(lines)
    feeder = _Feeder(lines, 0)
    strict = csv.reader(feeder, delimiter=delim, strict=True)
    while i < n:
        feeder.pos = i
        try:
            row = next(strict)
            yield i, feeder.pos, row
            i = feeder.pos
            continue
        except StopIteration:
            return
        except csv.Error as e:
            unterminated = "end of data" in str(e)
            # a fresh reader: the strict one may hold half a record
            feeder = _Feeder(lines, i)
            strict = csv.reader(feeder, delimiter=delim, strict=True)
            if unterminated:
                yield i, i + 1, f"unterminated quoted cell starting on line {i + 1} (it would swallow the rest of the file)"
                i += 1
                continue
            lenient_feeder = _Feeder(lines, i)
            lenient = csv.reader(lenient_feeder, delimiter=delim, strict=False)
            try:
                row = next(lenient)
            except (StopIteration, csv.Error) as e2:
                yield i, i + 1, f"malformed CSV ({e2 or e})"
                i += 1
                continue
            if lenient_feeder.pos > i + 1:
                # a quote opened on line i closes lines later with text after it: a stray quote
                # that swallowed the lines between. Report line i, read on from the next line.
                yield i, i + 1, f"unbalanced quote on line {i + 1} ({e})"
                i += 1
                continue
            yield i, lenient_feeder.pos, row
            i = lenient_feeder.pos


def _looks_like_data(cells: list[str]) -> bool:
    """True when most non-empty cells of a would-be header are numbers: a file without a header."""
    vals = [c.strip() for c in cells if c and c.strip()]
    if len(vals) < 2:
        return False
    num = sum(1 for v in vals if re.fullmatch(r"[-+]?\d+(?:[.,]\d+)?", v))
    return num * 2 > len(vals)


def iter_table(path: str, encoding: str | None = None, sheet: str | int | None = None,
               delimiter: str | None = None) -> Iterator[tuple[int, dict | RecordError]]:
    """Rows of a CSV/TSV/XLSX file as dicts keyed by :func:`header_key` of the header.

    ``encoding`` overrides detection and ``delimiter`` the sniffing (CSV); ``sheet`` picks an
    XLSX sheet by name or 0-based index (ValueError, listing the sheets, if there is none such).
    """
    p = str(path)
    src = "<stdin>" if p == "-" else p
    note_input(p)
    raw = sys.stdin.buffer.read() if p == "-" else Path(p).read_bytes()
    if raw[:4] == b"PK\x03\x04" or p.lower().endswith((".xlsx", ".xlsm")):
        yield from _iter_xlsx(p, raw, sheet)
        return
    if raw[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" or p.lower().endswith(".xls"):
        yield 0, RecordError(src, "file", "an old binary Excel (.xls) workbook: save it as .xlsx or .csv")
        return
    enc = detect_encoding(raw[:65536], encoding)
    text = decode(raw, enc)
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        return
    lines = _physical_lines(text)
    delim = delimiter or sniff_delimiter(text[:65536])
    rows = _csv_rows(lines, delim)
    keys: list[str] | None = None
    row_no = 0
    for first, nxt, cells in rows:
        row_no += 1
        where = f"row {row_no}" if first + 1 == row_no else f"row {row_no} (line {first + 1})"
        if isinstance(cells, str):
            yield row_no, RecordError(src, where, cells, raw=_printable("".join(lines[first:nxt])))
            continue
        if keys is None:
            if not any(c.strip() for c in cells):
                continue  # blank lines before the header
            cells = [_printable(c) for c in cells]  # a header with bad bytes still names its columns
            if _looks_like_data(cells):
                keys = [f"column_{i + 1}" for i in range(len(cells))]
            else:
                keys = _dedupe([header_key(h) for h in cells])
                continue
        if not any(c.strip() for c in cells):
            continue
        rec = _record(keys, cells, row_no)
        bad = next((k for k, v in rec.items() if isinstance(v, str) and find_undecodable(v) >= 0), None)
        if bad is None:
            bad_extra = next((c for c in rec.get("_extra", ()) if find_undecodable(c) >= 0), None)
            if bad_extra is not None:
                bad = "(beyond the header)"
        if bad is not None:
            val = rec.get(bad, "") if bad in rec else "".join(rec.get("_extra", ()))
            yield row_no, RecordError(src, where, describe_undecodable(val, enc), field=bad,
                                      record_id=_rid(rec), raw=_printable("".join(lines[first:nxt])))
            continue
        yield row_no, rec


def _record(keys: list[str], cells: list[Any], row_no: int) -> dict:
    rec: dict[str, Any] = dict(zip(keys, cells))
    if len(cells) > len(keys):
        extra = [c for c in cells[len(keys):] if str(c).strip()]
        if extra:
            rec["_extra"] = extra
    elif len(cells) < len(keys):
        for k in keys[len(cells):]:
            rec[k] = ""
        rec["_short"] = True
    rec["_row"] = row_no
    return rec


def _rid(rec: dict) -> Any:
    for k in ("id", "record_id", "event_id_cnty", "event_id", "incident_id"):
        v = rec.get(k)
        if isinstance(v, (str, int)) and str(v).strip() and find_undecodable(str(v)) < 0:
            return v
    return None


def _printable(text: str) -> str:
    return "".join(f"\\x{ord(c) - 0xDC00:02x}" if 0xDC00 <= ord(c) <= 0xDCFF else c for c in text.rstrip("\r\n"))


def table_sheets(path: str) -> list[str]:
    """The sheet names of an XLSX workbook (ValueError if it is not one)."""
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as e:  # zipfile.BadZipFile, KeyError, InvalidFileException, ...
        raise ValueError(f"{path}: not a readable XLSX workbook ({type(e).__name__}: {e})") from None
    try:
        return list(wb.sheetnames)
    finally:
        wb.close()


def _pick_sheet(wb: Any, path: str, sheet: str | int | None) -> Any:
    names = list(wb.sheetnames)
    if sheet is None:
        return wb.worksheets[0]
    if isinstance(sheet, str) and sheet in names:
        return wb[sheet]
    if isinstance(sheet, str):
        folded = {header_key(n): n for n in names}
        if header_key(sheet) in folded:
            return wb[folded[header_key(sheet)]]
    if isinstance(sheet, int) or (isinstance(sheet, str) and sheet.strip().lstrip("-").isdigit()):
        i = int(sheet)
        if 0 <= i < len(names):
            return wb.worksheets[i]
    listing = ", ".join(f"{i}: {n!r}" for i, n in enumerate(names))
    raise ValueError(f"{path}: no sheet {sheet!r} (sheets: {listing})")


def _iter_xlsx(path: str, raw: bytes, sheet: str | int | None) -> Iterator[tuple[int, dict | RecordError]]:
    import io

    from openpyxl import load_workbook

    src = "<stdin>" if path == "-" else path
    try:
        wb = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as e:  # zipfile.BadZipFile, KeyError, InvalidFileException, XML errors ...
        yield 0, RecordError(src, "file", f"not a readable XLSX workbook ({type(e).__name__}: {e})")
        return
    try:
        ws = _pick_sheet(wb, path, sheet)
        keys: list[str] | None = None
        rows = ws.iter_rows(values_only=True)
        row_no = 0
        while True:
            try:
                row = next(rows)
            except StopIteration:
                break
            except Exception as e:  # a corrupt sheet part: report it, keep what was read
                yield row_no + 1, RecordError(src, f"row {row_no + 1}", f"unreadable sheet data ({type(e).__name__}: {e})")
                break
            row_no += 1
            cells = list(row or ())
            blank = all(v is None or str(v).strip() == "" for v in cells)
            if keys is None:
                if blank:
                    continue
                while cells and (cells[-1] is None or str(cells[-1]).strip() == ""):
                    cells.pop()  # a sheet's rows are padded to its widest row
                strs = ["" if v is None else str(v) for v in cells]
                if _looks_like_data(strs):
                    keys = [f"column_{i + 1}" for i in range(len(cells))]
                else:
                    keys = _dedupe([header_key(h) for h in cells])
                    continue
            if blank:
                continue
            # trailing empty cells beyond the header are formatting, not data
            while len(cells) > len(keys) and (cells[-1] is None or str(cells[-1]).strip() == ""):
                cells.pop()
            yield row_no, _record(keys, ["" if v is None else v for v in cells], row_no)
    finally:
        wb.close()
