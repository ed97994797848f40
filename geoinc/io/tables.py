"""Tabular input (CSV, TSV, XLSX), row by row, with every bad row reported, never fatal.

``iter_table(path)`` yields ``(row_number, dict)`` for good rows and ``(row_number, RecordError)``
for bad ones. Row numbers are the spreadsheet's (the header is row 1). Headers are matched
forgivingly: ``header_key`` folds case, spaces, underscores and a BOM, and duplicate headers
get suffixes (``name``, ``name_2``).
"""

from __future__ import annotations

import csv
import io
import re
import sys
from pathlib import Path
from typing import Iterator

from .accounting import RecordError
from .encoding import detect_encoding

__all__ = ["iter_table", "header_key", "sniff_delimiter"]

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


def header_key(h: object) -> str:
    """Canonical header: 'Event Date ' / 'event_date' / 'EVENT-DATE' -> 'event_date'."""
    s = str(h if h is not None else "").replace("\ufeff", "").strip().lower()
    return re.sub(r"[\s\-\.]+", "_", s).strip("_")


def _dedupe(headers: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for i, h in enumerate(headers):
        h = h or f"column_{i + 1}"
        n = seen.get(h, 0) + 1
        seen[h] = n
        out.append(h if n == 1 else f"{h}_{n}")
    return out


def sniff_delimiter(sample: str) -> str:
    """The delimiter of a CSV sample (comma, semicolon, tab or pipe)."""
    first = sample.split("\n", 1)[0]
    counts = {d: first.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=counts.get)
    if counts[best] == 0:
        return ","
    try:
        return csv.Sniffer().sniff(sample[:65536], delimiters=",;\t|").delimiter
    except csv.Error:
        return best


def iter_table(path: str, encoding: str | None = None, sheet: str | int | None = None,
               delimiter: str | None = None) -> Iterator[tuple[int, dict | RecordError]]:
    """Rows of a CSV/TSV/XLSX file as dicts keyed by :func:`header_key` of the header."""
    p = str(path)
    if p.lower().endswith((".xlsx", ".xlsm")):
        yield from _iter_xlsx(p, sheet)
        return
    src = "<stdin>" if p == "-" else p
    raw = sys.stdin.buffer.read() if p == "-" else Path(p).read_bytes()
    enc = detect_encoding(raw[:65536], encoding)
    text = raw.decode(enc, errors="replace")
    bad_lines = _undecodable_lines(raw, enc)
    if not text.strip():
        return
    delim = delimiter or sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as e:
        yield 1, RecordError(src, "row 1", f"unreadable header ({e})")
        return
    keys = _dedupe([header_key(h) for h in header])
    row_no = 1
    while True:
        start_line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            row_no += 1
            yield row_no, RecordError(src, f"row {row_no}", f"malformed CSV ({e})")
            continue
        row_no += 1
        if not any(c.strip() for c in row):
            continue
        end_line = reader.line_num
        if any(start_line <= ln <= end_line for ln in bad_lines):
            yield row_no, RecordError(src, f"row {row_no}", f"undecodable bytes in {enc} (line {min(l for l in bad_lines if start_line <= l <= end_line)})")
            continue
        rec = dict(zip(keys, row))
        if len(row) > len(keys):
            extra = [c for c in row[len(keys):] if c.strip()]
            if extra:
                rec["_extra"] = extra
        rec["_row"] = row_no
        if len(row) < len(keys):
            rec["_short"] = True
        yield row_no, rec


def _undecodable_lines(raw: bytes, enc: str) -> set[int]:
    """1-based line numbers holding bytes that do not decode in ``enc``."""
    if enc.startswith("utf-16"):
        try:
            raw.decode(enc)
            return set()
        except UnicodeDecodeError:
            return {1}
    bad = set()
    for i, line in enumerate(raw.split(b"\n"), start=1):
        try:
            line.decode(enc)
        except UnicodeDecodeError:
            bad.add(i)
    return bad


def _iter_xlsx(path: str, sheet: str | int | None) -> Iterator[tuple[int, dict | RecordError]]:
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        if sheet is None:
            ws = wb.worksheets[0]
        elif isinstance(sheet, int) or (isinstance(sheet, str) and sheet.isdigit()):
            ws = wb.worksheets[int(sheet)]
        else:
            if sheet not in wb.sheetnames:
                raise ValueError(f"{path}: no sheet {sheet!r} (sheets: {', '.join(wb.sheetnames)})")
            ws = wb[sheet]
        rows = ws.iter_rows(values_only=True)
        header = next(rows, None)
        if header is None:
            return
        keys = _dedupe([header_key(h) for h in header])
        for row_no, row in enumerate(rows, start=2):
            if row is None or all(v is None or str(v).strip() == "" for v in row):
                continue
            rec = {k: ("" if v is None else v) for k, v in zip(keys, row)}
            rec["_row"] = row_no
            yield row_no, rec
    finally:
        wb.close()
