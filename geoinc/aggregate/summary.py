"""Summary tables: the aggregate as rows for scripts (CSV, Markdown, JSON, XLSX) and for the terminal."""

from __future__ import annotations

import json
import os
import unicodedata
from pathlib import Path
from typing import Any

from .core import SUMMARY_COLUMNS

__all__ = ["summary_table", "write_summary", "format_table", "OUTPUT_SUFFIXES"]

#: file extensions :func:`write_summary` writes
OUTPUT_SUFFIXES = (".csv", ".md", ".json", ".xlsx")


def summary_table(agg):
    """The aggregate as a plain DataFrame: :data:`SUMMARY_COLUMNS`, ``type_<type>``, ``area_km2``, ``density``."""
    import pandas as pd

    cols = [c for c in SUMMARY_COLUMNS if c in agg.columns]
    cols += [c for c in agg.columns if c.startswith("type_")]
    cols += [c for c in ("area_km2", "density") if c in agg.columns]
    return pd.DataFrame(agg[cols]).reset_index(drop=True)


def write_summary(agg, path: str | os.PathLike) -> None:
    """Write the summary to ``path``; the format follows the extension (.csv, .md, .json, .xlsx). Atomic."""
    from ..io.atomic import atomic_path, atomic_write

    ext = Path(path).suffix.lower()
    if ext not in OUTPUT_SUFFIXES:
        raise ValueError(f"{path}: unknown output format {ext or '(no extension)'}; use {', '.join(OUTPUT_SUFFIXES)}")
    t = summary_table(agg)
    rec = agg.attrs.get("reconciliation")
    if ext == ".csv":
        with atomic_write(path, newline="") as fh:
            t.to_csv(fh, index=False, lineterminator="\n")
    elif ext == ".md":
        with atomic_write(path) as fh:
            fh.write(_markdown(t))
            if rec is not None:
                fh.write(f"\n{rec.line()}\n")
    elif ext == ".json":
        doc = {"by": agg.attrs.get("by"), "period": agg.attrs.get("period"),
               "reconciliation": rec.to_dict() if rec is not None else None,
               "rows": json.loads(t.to_json(orient="records", force_ascii=False))}
        with atomic_write(path) as fh:
            json.dump(doc, fh, ensure_ascii=False, indent=1)
            fh.write("\n")
    else:
        with atomic_path(path) as tmp:
            with __import__("pandas").ExcelWriter(tmp, engine="openpyxl") as xw:
                t.to_excel(xw, sheet_name="summary", index=False)
                if rec is not None:
                    __import__("pandas").DataFrame([rec.to_dict()]).to_excel(xw, sheet_name="reconciliation", index=False)


def _md_cell(v: Any) -> str:
    s = "" if v is None or (isinstance(v, float) and v != v) else str(v)
    return s.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _markdown(t) -> str:
    head = "| " + " | ".join(t.columns) + " |\n"
    rule = "|" + "|".join("---:" if t[c].dtype.kind in "iuf" else "---" for c in t.columns) + "|\n"
    body = "".join("| " + " | ".join(_md_cell(v) for v in row) + " |\n" for row in t.itertuples(index=False))
    return head + rule + body


def _width(s: str) -> int:
    """Display width of ``s`` in a terminal: wide East Asian chars count 2, combining marks 0."""
    w = 0
    for ch in s:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return w


def _pad(s: str, n: int, right: bool) -> str:
    gap = " " * max(0, n - _width(s))
    return gap + s if right else s + gap


def format_table(agg, lang: str = "en", max_rows: int | None = None) -> str:
    """The summary as an aligned text table for the terminal (``lang='ar'``: Arabic names)."""
    t = summary_table(agg)
    name_col = "name_ar" if lang == "ar" else "name"
    cols = ["region", name_col]
    if agg.attrs.get("period"):
        cols.append("period")
    cols += ["incidents", "arrested", "killed", "injured"]
    cols += [c for c in t.columns if c.startswith("type_") and t[c].sum() > 0]
    if "density" in t:
        cols.append("density")
    shown = t if max_rows is None or len(t) <= max_rows else t.head(max_rows)
    heads = ["name" if c == name_col else c.replace("type_", "") if c.startswith("type_") else
             "per 1000 km²" if c == "density" else c for c in cols]
    cells = [[("" if v is None or (isinstance(v, float) and v != v) else
               f"{v:.2f}" if isinstance(v, float) else str(v)) for v in row] for row in shown[cols].itertuples(index=False)]
    right = [c not in ("region", name_col, "period") for c in cols]
    widths = [max([_width(h)] + [_width(r[i]) for r in cells]) for i, h in enumerate(heads)]
    lines = ["  ".join(_pad(h, widths[i], right[i]) for i, h in enumerate(heads)),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(_pad(c, widths[i], right[i]) for i, c in enumerate(r)) for r in cells]
    total = ["total", "", *([""] if "period" in cols else [])]
    for c in cols[len(total):]:
        total.append("" if c == "density" else str(int(t[c].sum())))
    lines.append("  ".join("-" * w for w in widths))
    lines.append("  ".join(_pad(c, widths[i], right[i]) for i, c in enumerate(total)))
    if len(shown) < len(t):
        lines.append(f"... {len(t) - len(shown)} more rows (write them all with -o FILE.csv)")
    return "\n".join(lines) + "\n"
