"""Finding the columns of an incident table by their usual names, and shared cell helpers."""

from __future__ import annotations

from typing import Any

from ._values import is_blank, parse_count, parse_date

__all__ = ["pick", "first_key", "text", "FieldError", "count_field", "date_field", "ALIASES"]

#: role -> header keys (after :func:`geoinc.io.tables.header_key`) that hold it, best first
ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("incident_id", "event_id_cnty", "event_id", "id", "uid", "record_id"),
    "lat": ("latitude", "lat", "y", "lat_dd"),
    "lon": ("longitude", "lon", "lng", "long", "x", "lon_dd"),
    "place": ("place", "place_name", "location", "town", "city", "village", "locality", "site", "place_string", "where"),
    "admin1": ("admin1", "governorate", "province", "muhafaza", "adm_1", "admin1_name", "gold_admin1"),
    "country": ("country", "country_name"),
    "date": ("date", "event_date", "incident_date", "date_start", "day", "occurred", "published"),
    "type": ("type", "incident_type", "event_type", "category", "sub_event_type", "violation_type"),
    "arrested": ("arrested", "arrests", "detained", "detentions", "detainees"),
    "killed": ("killed", "fatalities", "deaths", "dead", "deaths_total"),
    "injured": ("injured", "wounded", "injuries"),
    "precision": ("precision", "geo_precision", "where_prec"),
    "excerpt": ("excerpt", "notes", "description", "summary", "text", "details"),
    "source": ("source", "sources", "source_office"),
    "url": ("url", "link", "source_url", "href"),
    "report_id": ("report_id",),
}


class FieldError(ValueError):
    """A bad value in a named field of one record."""

    def __init__(self, field: str, problem: str):
        super().__init__(problem)
        self.field, self.problem = field, problem


def first_key(keys, role: str) -> str | None:
    """The first header of ``keys`` that plays ``role`` (see :data:`ALIASES`), or None."""
    ks = set(keys)
    for k in ALIASES[role]:
        if k in ks:
            return k
    return None


def pick(rec: dict, key: str | None) -> Any:
    """The cell ``rec[key]``, None when the column is absent or the cell blank."""
    if key is None:
        return None
    v = rec.get(key)
    return None if is_blank(v) else v


def text(v: Any) -> str | None:
    """A cell as stripped text (None if blank); whole floats from spreadsheets lose their '.0'."""
    if v is None or is_blank(v):
        return None
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    s = str(v).strip()
    return s or None


def count_field(rec: dict, key: str | None, field: str) -> int | None:
    try:
        return parse_count(pick(rec, key))
    except ValueError as e:
        raise FieldError(key or field, str(e)) from None


def code_field(rec: dict, key: str, allowed, expected: str) -> int | None:
    """An integer code column ('geo_precision', 'where_prec'): None when empty, else one of
    ``allowed``; anything else raises :class:`FieldError` saying ``expected``."""
    v = pick(rec, key)
    if v is None:
        return None
    try:
        code = int(float(v))
    except ValueError:
        code = None
    if code is None or code not in allowed:
        raise FieldError(key, f"{key} must be {expected}, got {v!r}")
    return code


def date_field(rec: dict, key: str | None):
    v = pick(rec, key)
    try:
        return parse_date(v), text(v)
    except ValueError as e:
        raise FieldError(key or "date", str(e)) from None
