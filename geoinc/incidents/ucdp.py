"""UCDP GED exports (id, date_start, where_prec, adm_1, adm_2, latitude, longitude, best,
where_coordinates, type_of_violence...)."""

from __future__ import annotations

from typing import Any

from .acled import _admin1_code
from .columns import code_field, count_field, date_field, pick, text

__all__ = ["UCDP_COLUMNS", "is_ucdp", "ucdp_draft", "WHERE_PREC"]

UCDP_COLUMNS = ("id", "date_start", "where_prec", "adm_1", "adm_2", "latitude", "longitude", "best", "where_coordinates")

#: UCDP where_prec -> (precision, place kind): 1 exact place, 2 within 25 km, 3 district,
#: 4 governorate, 5 a larger fuzzy area, 6 the country, 7 international waters/airspace.
WHERE_PREC = {1: (1, "town"), 2: (2, None), 3: (2, "district"), 4: (3, "governorate"),
              5: (3, "region"), 6: (3, "country"), 7: (3, "country")}
_VIOLENCE = {1: "clash", 2: "clash", 3: "attack"}


def is_ucdp(keys) -> bool:
    """True when a table's headers are UCDP GED's."""
    ks = set(keys)
    return {"date_start", "where_prec"} <= ks or {"date_start", "best", "where_coordinates"} <= ks


def ucdp_draft(rec: dict, row: int, stem: str, gaz) -> dict:
    """A draft incident from one UCDP GED row."""
    d: dict[str, Any] = {"_where": f"row {row}"}
    d["incident_id"] = text(pick(rec, "id")) or f"{stem}:{row}"
    d["date"], d["date_text"] = date_field(rec, "date_start")
    try:
        v = int(float(pick(rec, "type_of_violence") or 0))
    except ValueError:
        v = 0
    d["type"] = _VIOLENCE.get(v, "other")
    d["killed"] = count_field(rec, "best", "best")
    wpi = code_field(rec, "where_prec", WHERE_PREC, "1-7")
    d["precision"], d["place_kind"] = WHERE_PREC.get(wpi, (None, None))
    d["place_name"] = text(pick(rec, "where_coordinates"))
    if d["place_kind"] == "region" and d["place_name"]:
        reg = gaz.resolve(d["place_name"], kind="region")
        if reg is not None and reg.kind == "region":
            d["place_id"], d["place_name_ar"] = reg.id, reg.name_ar
    a1 = text(pick(rec, "adm_1"))
    code = _admin1_code(gaz, a1)
    if d["place_kind"] in ("governorate", "district") and code:
        d["admin1"] = code
    country = (text(pick(rec, "country")) or "").lower()
    d["_claim"] = f"{a1} ({code})" if code else ("Syria" if country == "syria" else None)
    d["_lat"], d["_lon"] = rec.get("latitude"), rec.get("longitude")
    d["excerpt"] = text(pick(rec, "source_headline")) or text(pick(rec, "source_article"))
    d["source"] = text(pick(rec, "source_office")) or "UCDP GED"
    return d
