"""``read_incidents``: any supported incident file -> the incident GeoDataFrame."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

from ..io.accounting import RecordError, Rejects, Tally

__all__ = ["read_incidents", "detect_format", "FORMATS"]

#: Input formats: ``extract`` (geoinc extract JSON lines), ``table`` (CSV/TSV/XLSX/GeoJSON/GeoPackage
#: with coordinates, a geometry or a place column), ``acled``, ``ucdp``.
FORMATS = ("extract", "table", "acled", "ucdp")


def _head_bytes(path: str, n: int = 65536) -> bytes:
    if str(path) == "-":
        return b""
    with open(path, "rb") as fh:
        return fh.read(n)


def detect_format(path: str | os.PathLike, encoding: str | None = None, sheet=None) -> str:
    """The input format of ``path``: 'extract', 'acled', 'ucdp' or 'table'.

    JSON lines holding ``incidents``/``mentions`` are extract output; tables are told apart by
    their headers (ACLED's ``event_id_cnty``/``event_date``, UCDP's ``date_start``/``where_prec``).
    """
    p = str(path)
    low = p.lower()
    from .tables import GEO_SUFFIXES, iter_rows, table_layout

    if low.endswith((".jsonl", ".ndjson", ".jsonlines")) or (low.endswith(".json") and _looks_jsonl(p)):
        return "extract"
    if low.endswith(GEO_SUFFIXES) or low.endswith((".csv", ".tsv", ".txt", ".xlsx", ".xlsm")):
        for _, rec in iter_rows(p, encoding, sheet):
            if isinstance(rec, dict):
                return table_layout([k for k in rec if not k.startswith("_")])
        return "table"
    if p != "-" and _looks_jsonl(p):
        return "extract"
    return "table"


def _looks_jsonl(path: str) -> bool:
    head = _head_bytes(path).lstrip(b"\xef\xbb\xbf").lstrip()
    if not head.startswith(b"{"):
        return False
    line = head.split(b"\n", 1)[0]
    try:
        obj = json.loads(line)
    except ValueError:
        return b'"incidents"' in head or b'"mentions"' in head
    return isinstance(obj, dict) and ("incidents" in obj or "mentions" in obj)


def read_incidents(path: str | os.PathLike, format: str | None = None, encoding: str | None = None,
                   sheet: str | int | None = None, tally: Tally | None = None, rejects: Rejects | None = None,
                   strict: bool = False, fix_swapped: bool = False, gazetteer=None):
    """Read incidents from a ``geoinc extract`` JSONL file, an incident table, or an ACLED/UCDP export.

    Parameters
    ----------
    path
        The file (``.jsonl``, ``.csv``, ``.tsv``, ``.xlsx``, ``.geojson``, ``.gpkg``...).
    format
        'extract', 'table', 'acled' or 'ucdp'; detected from the file when None.
    encoding, sheet
        Text encoding (detected when None); the XLSX sheet or GeoPackage layer.
    tally, rejects
        A :class:`~geoinc.io.accounting.Tally` counting every record as located, unlocated or
        rejected, and a :class:`~geoinc.io.accounting.Rejects` keeping rejected records with their
        reasons. Rejections are printed to stderr as they happen.
    strict
        Raise the first :class:`~geoinc.io.accounting.RecordError` instead of going on.
    fix_swapped
        Repair a latitude/longitude pair that is the wrong way round (when swapping it lands in
        Syria), with a warning, instead of rejecting the record.

    Returns
    -------
    geopandas.GeoDataFrame
        One row per incident with the columns of :data:`geoinc.incidents.COLUMNS`, CRS EPSG:4326.

    Examples
    --------
    >>> import geoinc
    >>> inc = geoinc.read_incidents("acled_syria.csv")          # doctest: +SKIP
    >>> inc[["incident_id", "date", "type", "killed", "admin1"]].head()  # doctest: +SKIP
    """
    from ..gazetteer import Gazetteer
    from .extract_jsonl import iter_extract_drafts
    from .tables import iter_table_drafts

    p = str(path)
    if p != "-" and not Path(p).exists():
        raise FileNotFoundError(f"{p}: no such file")
    if p != "-" and Path(p).is_dir():
        raise IsADirectoryError(f"{p}: is a folder, expected an incident file")
    fmt = format or detect_format(p, encoding, sheet)
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    gaz = gazetteer or Gazetteer.load()
    src = "<stdin>" if p == "-" else p
    if fmt == "extract":
        it = iter_extract_drafts(p, encoding)
    else:
        # an explicit --format wins over the headers; detected tables are re-detected per file
        it = iter_table_drafts(p, format, encoding, sheet, gaz)
    return _finish_drafts(it, src, gaz, tally, rejects, strict, fix_swapped)


def incidents_from_reports(reports, tally: Tally | None = None, rejects: Rejects | None = None,
                           strict: bool = False, gazetteer=None):
    """The incident table of reports extracted in memory (the dicts ``geoinc.extract`` yields),
    without writing them to a file first: the same rows ``read_incidents`` gives for their JSONL.

    >>> import geoinc                                                       # doctest: +SKIP
    >>> reports = geoinc.extract(geoinc.read_reports("reports.jsonl"))       # doctest: +SKIP
    >>> inc = geoinc.incidents_from_reports(reports)                         # doctest: +SKIP
    >>> geoinc.aggregate(inc, by="admin1", period="month")                   # doctest: +SKIP
    """
    from ..gazetteer import Gazetteer
    from .extract_jsonl import iter_report_drafts

    if isinstance(reports, dict):
        reports = [reports]
    gaz = gazetteer or Gazetteer.load()
    it = iter_report_drafts(((f"report {i}", r) for i, r in enumerate(reports, start=1)), "<reports>")
    return _finish_drafts(it, "<reports>", gaz, tally, rejects, strict, False)


def _finish_drafts(it, src: str, gaz, tally, rejects, strict: bool, fix_swapped: bool):
    from .drafts import finish
    from .schema import make_incidents

    drafts: list[dict[str, Any]] = []
    for item in it:
        if isinstance(item, RecordError):
            if tally is not None:
                tally.reject(item)
            else:
                print(f"geoinc: rejected {item}", file=sys.stderr)
            if rejects is not None:
                rejects.add(item)
            if strict:
                raise item
            continue
        drafts.append(item)
    rows = finish(drafts, src, gaz, tally, rejects, strict=strict, fix_swapped=fix_swapped)
    return make_incidents(rows)

