"""ACLED exports (event_id_cnty, event_date, event_type, sub_event_type, admin1..3, location,
latitude, longitude, geo_precision, fatalities, notes, source)."""

from __future__ import annotations

from typing import Any

from .columns import code_field, count_field, date_field, pick, text

__all__ = ["ACLED_COLUMNS", "is_acled", "acled_draft", "acled_type"]

ACLED_COLUMNS = ("event_id_cnty", "event_date", "event_type", "sub_event_type", "admin1", "admin2", "admin3",
                 "location", "latitude", "longitude", "geo_precision", "fatalities", "notes", "source")

#: ACLED sub-event type -> incident type (event types not listed: see :func:`acled_type`)
_SUB = {
    "arrests": "arrest",
    "abduction/forced disappearance": "arrest",
    "air/drone strike": "strike",
    "shelling/artillery/missile attack": "strike",
    "remote explosive/landmine/ied": "explosion",
    "suicide bomb": "explosion",
    "grenade": "explosion",
    "armed clash": "clash",
    "government regains territory": "clash",
    "non-state actor overtakes territory": "clash",
    "attack": "attack",
    "sexual violence": "attack",
    "disrupted weapons use": "seizure",
    "looting/property destruction": "raid",
    "chemical weapon": "strike",
}
_EVENT = {"battles": "clash", "explosions/remote violence": "strike", "violence against civilians": "attack"}


def is_acled(keys) -> bool:
    """True when a table's headers are ACLED's."""
    ks = set(keys)
    return {"event_id_cnty", "event_date"} <= ks or {"event_date", "sub_event_type", "fatalities"} <= ks


def acled_type(event_type: Any, sub_event_type: Any) -> str:
    """The incident type of an ACLED event."""
    s = (text(sub_event_type) or "").lower()
    if s in _SUB:
        return _SUB[s]
    return _EVENT.get((text(event_type) or "").lower(), "other")


def acled_draft(rec: dict, row: int, stem: str, gaz) -> dict:
    """A draft incident from one ACLED row."""
    d: dict[str, Any] = {"_where": f"row {row}"}
    d["incident_id"] = text(pick(rec, "event_id_cnty")) or text(pick(rec, "event_id")) or f"{stem}:{row}"
    d["date"], d["date_text"] = date_field(rec, "event_date")
    d["type"] = acled_type(rec.get("event_type"), rec.get("sub_event_type"))
    d["killed"] = count_field(rec, "fatalities", "fatalities")
    d["precision"] = p = code_field(rec, "geo_precision", (1, 2, 3), "1, 2 or 3")
    d["place_name"] = text(pick(rec, "location"))
    # ACLED precision 3: 'a larger region', the coordinates are the region's (governorate's) centre
    d["place_kind"] = "governorate" if p == 3 else "town" if p == 1 else None
    a1 = text(pick(rec, "admin1"))
    code = _admin1_code(gaz, a1)
    if p == 3 and code:
        d["admin1"] = code
    country = (text(pick(rec, "country")) or "").lower()
    d["_claim"] = f"{a1} ({code})" if code else ("Syria" if country == "syria" else None)
    d["_lat"], d["_lon"] = rec.get("latitude"), rec.get("longitude")
    d["excerpt"] = text(pick(rec, "notes"))
    d["source"] = text(pick(rec, "source"))
    return d


def _admin1_code(gaz, name: str | None) -> str | None:
    """Governorate pcode of an ACLED/UCDP admin1 name ('Rif Dimashq', 'Idleb', 'Homs governorate')."""
    if not name:
        return None
    from ..text.normalize import fold

    f = fold(name)
    for pre in ("rif ", "reef ", "rural ", "ريف "):
        if f.startswith(pre):
            return "SY03" if gaz.admin1_code(name[len(pre):].strip()) == "SY01" else gaz.admin1_code(name)
    for suf in (" governorate", " province", " muhafazat", " gov"):
        if f.endswith(suf):
            name = name[: len(name) - len(suf)]
            break
    return gaz.admin1_code(name)
