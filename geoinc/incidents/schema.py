"""The shared incident table: its columns, their types, and the incident types.

Every reader of :mod:`geoinc.incidents` returns a GeoDataFrame with exactly :data:`COLUMNS`
(in this order), CRS EPSG:4326. Extraction, aggregation, maps and exports all rely on it.
"""

from __future__ import annotations

import re
from typing import Any, Iterable

__all__ = [
    "COLUMNS", "INCIDENT_TYPES", "PRECISION", "AREA_KINDS", "LEVEL_OF_KIND",
    "empty_incidents", "make_incidents", "normalize_type",
]

#: Columns of the incident table, in order (``geometry`` last).
COLUMNS: tuple[str, ...] = (
    "incident_id", "report_id", "date", "date_text", "type",
    "arrested", "killed", "injured", "precision",
    "place_id", "place_name", "place_name_ar", "place_kind",
    "admin1", "admin2", "admin3", "regions",
    "lat", "lon", "status", "excerpt", "source", "url", "geometry",
)

#: The incident types every reader maps its input to.
INCIDENT_TYPES: tuple[str, ...] = ("arrest", "raid", "attack", "strike", "clash", "explosion", "seizure", "other")

#: precision codes: 1 a town or exact point, 2 near a place / within an area, 3 governorate or region.
PRECISION = {1: "town", 2: "near/area", 3: "governorate/region"}

#: Place kinds that stand for an area: their point is only representative.
AREA_KINDS = frozenset({"country", "governorate", "district", "subdistrict", "region"})

#: The finest admin level an incident of this place kind may be counted at (0: none).
#: Point-like kinds (town, neighbourhood, site, unknown) count at every level.
LEVEL_OF_KIND = {"country": 0, "region": 0, "governorate": 1, "district": 2, "subdistrict": 3}

_INT_COLS = ("arrested", "killed", "injured", "precision")
_STR_COLS = ("incident_id", "report_id", "date_text", "type", "place_id", "place_name", "place_name_ar",
             "place_kind", "admin1", "admin2", "admin3", "regions", "status", "excerpt", "source", "url")

# keyword -> type, checked in order; English stems and Arabic roots
_TYPE_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("arrest", ("arrest", "detain", "detention", "abduct", "kidnap", "disappear", "اعتقال", "اعتقل", "احتجاز", "خطف", "توقيف")),
    ("raid", ("raid", "storm", "incursion", "search operation", "دهم", "مداهمة", "اقتحام")),
    ("seizure", ("seiz", "confiscat", "captur", "smuggl", "مصادرة", "ضبط")),
    ("explosion", ("explo", "ied", "bomb blast", "car bomb", "landmine", "mine", "blast", "انفجار", "تفجير", "عبوة", "لغم", "مفخخة")),
    ("strike", ("strike", "airstrike", "air strike", "shell", "bombard", "missile", "rocket", "drone", "artillery",
                "air/drone", "قصف", "غارة", "صاروخ", "مسيرة")),
    ("clash", ("clash", "battle", "fight", "armed clash", "exchange of fire", "non-state actor", "اشتباك", "معارك")),
    ("attack", ("attack", "assault", "shoot", "gunfire", "assassinat", "killing", "murder", "violence against civilians",
                "هجوم", "استهداف", "اغتيال", "إطلاق نار", "قتل")),
)

# each word must start a word of the text ('ied' in 'died' does not count)
_TYPE_RES = tuple((t, re.compile("|".join(r"(?<!\w)" + re.escape(w) for w in words))) for t, words in _TYPE_WORDS)


def normalize_type(value: Any) -> str:
    """Map a free-text incident type ('Air strike', 'اعتقال', 'detention') to one of :data:`INCIDENT_TYPES`."""
    if value is None:
        return "other"
    s = str(value).strip().lower()
    if not s or s in ("nan", "none"):
        return "other"
    if s in INCIDENT_TYPES:
        return s
    if s.endswith("s") and s[:-1] in INCIDENT_TYPES:
        return s[:-1]
    for t, rx in _TYPE_RES:
        if rx.search(s):
            return t
    return "other"


def empty_incidents():
    """An incident table with no rows (and the right columns and dtypes)."""
    return make_incidents([])


def make_incidents(rows: Iterable[dict[str, Any]]):
    """Build the incident GeoDataFrame from dicts holding (some of) :data:`COLUMNS`.

    Missing keys become NA; counts become pandas ``Int64``; ``date`` ``datetime64[ns]``;
    ``geometry`` is built from ``lat``/``lon`` (None when unlocated).
    """
    import geopandas as gpd
    import numpy as np
    import pandas as pd
    import shapely

    rows = list(rows)
    data: dict[str, Any] = {}
    for c in COLUMNS:
        if c == "geometry":
            continue
        vals = [r.get(c) for r in rows]
        if c in _INT_COLS:
            data[c] = pd.array([None if v is None or (isinstance(v, float) and v != v) else int(v) for v in vals], dtype="Int64")
        elif c == "date":
            data[c] = pd.to_datetime(pd.Series(vals, dtype="object"), errors="coerce").astype("datetime64[ns]")
        elif c in ("lat", "lon"):
            data[c] = np.array([np.nan if v is None else float(v) for v in vals], dtype="float64")
        elif c == "regions":
            data[c] = pd.Series(["" if v is None else str(v) for v in vals], dtype="object")
        else:
            data[c] = pd.Series([None if v is None else str(v) for v in vals], dtype="object")
    df = pd.DataFrame(data, columns=[c for c in COLUMNS if c != "geometry"])
    lat, lon = df["lat"].to_numpy(), df["lon"].to_numpy()
    ok = ~(np.isnan(lat) | np.isnan(lon))
    geoms = np.full(len(df), None, dtype=object)
    if ok.any():
        geoms[ok] = shapely.points(lon[ok], lat[ok])
    return gpd.GeoDataFrame(df, geometry=gpd.GeoSeries(geoms, crs="EPSG:4326", index=df.index), crs="EPSG:4326")
