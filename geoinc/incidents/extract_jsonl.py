"""Reader for ``geoinc extract`` output: one JSON object per report, incidents inside."""

from __future__ import annotations

from typing import Any, Iterable, Iterator

from ..io.accounting import RecordError
from ..io.jsonl import iter_jsonl
from ._values import is_blank, parse_count, parse_date
from .schema import INCIDENT_TYPES, normalize_type

__all__ = ["iter_extract_drafts"]


def _str(v: Any) -> str | None:
    return None if v is None or (isinstance(v, str) and not v.strip()) else str(v)


def iter_extract_drafts(path: str, encoding: str | None = None) -> Iterator[dict | RecordError]:
    """Drafts (see :mod:`geoinc.incidents.drafts`) for every incident of every report line.

    A line that is not a report, a report the extractor rejected, or an incident with a bad
    field gives a RecordError naming the line (and incident); the other incidents go on.
    """
    src = "<stdin>" if str(path) == "-" else str(path)
    yield from iter_report_drafts(((f"line {n}", rec) for n, rec in iter_jsonl(path, encoding)), src)


def iter_report_drafts(records: Iterable[tuple[str, Any]], src: str) -> Iterator[dict | RecordError]:
    """Drafts for every incident of already-parsed extract reports: ``(where, report dict)`` pairs
    (a RecordError in place of the dict passes through)."""
    for where, rec in records:
        if isinstance(rec, RecordError):
            yield rec
            continue
        if not isinstance(rec, dict):
            yield RecordError(src, where, f"expected a report object, got {type(rec).__name__}")
            continue
        rid = _str(rec.get("id"))
        if rec.get("status") == "rejected":
            yield RecordError(src, where, f"the extractor rejected this report: {rec.get('error') or 'no reason given'}", record_id=rid)
            continue
        if "incidents" not in rec:
            yield RecordError(src, where, "not a geoinc extract report: it has no 'incidents' list", field="incidents", record_id=rid)
            continue
        incs = rec.get("incidents")
        if incs is None:
            incs = []
        if not isinstance(incs, list):
            yield RecordError(src, where, f"'incidents' must be a list, got {type(incs).__name__}", field="incidents", record_id=rid)
            continue
        mentions = rec.get("mentions") if isinstance(rec.get("mentions"), list) else []
        report_id = rid if rid is not None else where.replace(" ", "")
        for k, inc in enumerate(incs, start=1):
            iid = f"{report_id}:{k}"
            w = f"{where}, incident {k}"
            if not isinstance(inc, dict):
                yield RecordError(src, w, f"expected an incident object, got {type(inc).__name__}", record_id=iid)
                continue
            try:
                yield _draft(inc, rec, mentions, report_id, iid, w)
            except _FieldError as e:
                yield RecordError(src, w, e.problem, field=e.field, record_id=iid)


class _FieldError(ValueError):
    def __init__(self, field: str, problem: str):
        super().__init__(problem)
        self.field, self.problem = field, problem


def _draft(inc: dict, rec: dict, mentions: list, report_id: str, iid: str, where: str) -> dict:
    d: dict[str, Any] = {"incident_id": iid, "report_id": report_id, "_where": where}
    for f in ("arrested", "killed", "injured"):
        try:
            d[f] = parse_count(inc.get(f))
        except ValueError as e:
            raise _FieldError(f, str(e)) from None
    raw_date = inc.get("date")
    try:
        day = parse_date(raw_date) if not is_blank(raw_date) else None
    except ValueError as e:
        raise _FieldError("date", str(e)) from None
    d["date"] = day
    d["date_text"] = _str(inc.get("date_text")) or (_str(raw_date) if day is None else None) or _str(rec.get("published") if day is None else None)
    t = inc.get("type")
    d["type"] = t if t in INCIDENT_TYPES else normalize_type(t)
    prec = inc.get("precision")
    if prec is not None and prec not in (1, 2, 3):
        raise _FieldError("precision", f"precision must be 1, 2 or 3, got {prec!r}")
    d["precision"] = prec
    loc = inc.get("location")
    if loc is not None:
        if not isinstance(loc, dict):
            raise _FieldError("location", f"expected a PLACE object or null, got {type(loc).__name__}")
        lat, lon = loc.get("lat"), loc.get("lon")
        d["_lat"], d["_lon"] = lat, lon
        d["place_id"] = _str(loc.get("id"))
        d["place_name"] = _str(loc.get("name"))
        d["place_name_ar"] = _str(loc.get("name_ar"))
        d["place_kind"] = _str(loc.get("kind"))
        for a in ("admin1", "admin2", "admin3"):
            d[a] = _str(loc.get(a))
        d["_claim"] = d["place_name"] or d["place_id"]
        if prec is None:
            d["precision"] = 3 if d["place_kind"] in ("governorate", "region", "country") else 2 if d["place_kind"] in ("district", "subdistrict") else 1
    regions = []
    for idx in inc.get("mentions") or ():
        if isinstance(idx, int) and 0 <= idx < len(mentions) and isinstance(mentions[idx], dict):
            p = mentions[idx].get("place")
            if isinstance(p, dict) and p.get("kind") == "region" and p.get("id"):
                regions.append(str(p["id"]))
    d["_mention_regions"] = regions
    d["excerpt"] = _str(inc.get("excerpt"))
    d["source"] = _str(rec.get("source"))
    d["url"] = _str(rec.get("url"))
    return d
