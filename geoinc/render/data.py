"""Turn the incident table into the compact data block a map's script reads.

The block is columnar JSON (one array per field) with repeated strings (places, sources, links)
stored once: about 60 bytes an incident before the excerpt. Blocks over
:data:`GZIP_THRESHOLD` bytes are gzip-compressed and base64-encoded; the page inflates them with
the browser's ``DecompressionStream``.
"""

from __future__ import annotations

import base64
import gzip
import math
from typing import Any

from .escape import clip_text, json_for_script, safe_url

__all__ = ["TYPE_COLORS", "incident_payload", "unit_counts", "area_geometry", "encode_block", "GZIP_THRESHOLD"]

#: Colours of the incident types (colour-blind-safe Okabe-Ito palette plus two).
TYPE_COLORS: dict[str, str] = {
    "arrest": "#0072B2",
    "raid": "#56B4E9",
    "attack": "#D55E00",
    "strike": "#CC79A7",
    "clash": "#E69F00",
    "explosion": "#B22222",
    "seizure": "#009E73",
    "other": "#7F7F7F",
}
_EXTRA_COLORS = ("#6A3D9A", "#B15928", "#1B9E77", "#666600", "#A6761D", "#E7298A", "#333333")

#: Data blocks larger than this many bytes are stored gzip-compressed.
GZIP_THRESHOLD = 1_500_000

_LEVEL_KIND = {"country": 0, "region": 0, "governorate": 1, "district": 2, "subdistrict": 3}
AREA_KINDS = frozenset(_LEVEL_KIND)


class _Strings:
    """A table of distinct strings; index 0 is the empty string (missing)."""

    def __init__(self) -> None:
        self.items: list[str] = [""]
        self._ix: dict[str, int] = {"": 0}

    def __call__(self, s: Any) -> int:
        if s is None or (isinstance(s, float) and math.isnan(s)):
            return 0
        s = str(s)
        i = self._ix.get(s)
        if i is None:
            i = self._ix[s] = len(self.items)
            self.items.append(s)
        return i


def _int_or_none(v: Any) -> int | None:
    try:
        if v is None or v != v:  # NaN / NA
            return None
        return int(v)
    except (TypeError, ValueError):
        return None


def _na(v: Any) -> bool:
    try:
        return v is None or bool(v != v)
    except (TypeError, ValueError):
        return False


def area_geometry(gaz, place_id: Any, tolerance: float = 0.003):
    """The simplified polygon of an area place (admin unit or region), or None."""
    if not isinstance(place_id, str) or not place_id:
        return None
    from .geo import admin_shape

    g = admin_shape(place_id)
    if g is None:
        try:
            g = gaz.geometry(place_id)
        except Exception:  # an id the gazetteer does not know
            return None
    if g is None or g.is_empty:
        return None
    import shapely

    return shapely.set_precision(g.simplify(tolerance, preserve_topology=True), 1e-5)


def is_area(kind: Any, precision: Any) -> bool:
    """Whether an incident stands for an area (drawn as its polygon, not a point)."""
    return (isinstance(kind, str) and kind in AREA_KINDS) or _int_or_none(precision) == 3


def incident_payload(incidents, gaz=None, excerpt_chars: int = 280) -> dict[str, Any]:
    """The map's data for ``incidents`` (the shared incident table).

    Returns ``{"meta", "types", "colors", "strings", "places", "pts", "areas"}``. Point incidents
    are drawn where they are; area incidents (governorate, district, subdistrict or region
    precision) are drawn as their polygon; unlocated ones are counted in ``meta`` only.
    """
    import pandas as pd
    from shapely.geometry import mapping

    df = incidents
    n = len(df)
    S = _Strings()
    places: list[list[int]] = []
    place_ix: dict[tuple, int] = {}
    types: list[str] = []
    type_ix: dict[str, int] = {}
    areas: list[dict[str, Any]] = []
    area_ix: dict[str, int] = {}
    cols = {c: (df[c].tolist() if c in df.columns else [None] * n) for c in (
        "incident_id", "report_id", "date_text", "type", "arrested", "killed", "injured", "precision",
        "place_id", "place_name", "place_name_ar", "place_kind", "lat", "lon", "excerpt", "source", "url")}
    dates = pd.to_datetime(df["date"], errors="coerce") if "date" in df.columns else pd.Series([pd.NaT] * n)
    days = [None if _na(d) else int(d.value // 86_400_000_000_000) for d in dates]
    pts: dict[str, list] = {k: [] for k in ("lat", "lon", "t", "d", "k", "i", "a", "p", "pl", "s", "u", "id", "r", "x", "dt", "ar")}
    not_drawn = unlocated = 0
    n_area = 0
    for j in range(n):
        lat, lon = cols["lat"][j], cols["lon"][j]
        located = not (_na(lat) or _na(lon))
        kind, prec, pid = cols["place_kind"][j], cols["precision"][j], cols["place_id"][j]
        ai = -1
        if is_area(kind, prec):
            key = pid if isinstance(pid, str) else None
            if key is not None and key in area_ix:
                ai = area_ix[key]
            elif key is not None and gaz is not None:
                g = area_geometry(gaz, key)
                if g is not None:
                    ai = area_ix[key] = len(areas)
                    areas.append({"pid": key, "geometry": mapping(g), "kind": kind or ""})
            if ai < 0:
                # an area we have no polygon for (the whole country, an unknown region): not a fake point
                not_drawn += 1
                if not located:
                    unlocated += 1
                continue
            n_area += 1
        elif not located:
            unlocated += 1
            continue
        t = str(cols["type"][j] or "other")
        if t not in type_ix:
            type_ix[t] = len(types)
            types.append(t)
        pk = (pid, cols["place_name"][j], cols["place_name_ar"][j], kind)
        if pk not in place_ix:
            place_ix[pk] = len(places)
            places.append([S(pid), S(cols["place_name"][j]), S(cols["place_name_ar"][j]), S(kind)])
        pts["lat"].append(None if not located else round(float(lat), 5))
        pts["lon"].append(None if not located else round(float(lon), 5))
        pts["t"].append(type_ix[t])
        pts["d"].append(days[j])
        pts["k"].append(_int_or_none(cols["killed"][j]))
        pts["i"].append(_int_or_none(cols["injured"][j]))
        pts["a"].append(_int_or_none(cols["arrested"][j]))
        pts["p"].append(_int_or_none(prec))
        pts["pl"].append(place_ix[pk])
        pts["s"].append(S(cols["source"][j]))
        pts["u"].append(S(safe_url(cols["url"][j])))
        pts["id"].append("" if _na(cols["incident_id"][j]) else str(cols["incident_id"][j]))
        pts["r"].append(S(cols["report_id"][j]))
        pts["x"].append(clip_text(cols["excerpt"][j], excerpt_chars) or "")
        pts["dt"].append(S(cols["date_text"][j]))
        pts["ar"].append(ai)
    valid_days = [d for d in days if d is not None]
    colors, extra = [], iter(_EXTRA_COLORS * (1 + len(types) // len(_EXTRA_COLORS)))
    for t in types:
        colors.append(TYPE_COLORS.get(t) or next(extra))
    meta = {
        "n_total": n,
        "n_drawn": len(pts["t"]),
        "n_area": n_area,
        "n_unlocated": unlocated,
        "day_min": min(valid_days) if valid_days else None,
        "day_max": max(valid_days) if valid_days else None,
        "n_undated": sum(1 for d in days if d is None),
    }
    meta["n_not_drawn"] = n - len(pts["t"])
    return {"meta": meta, "types": types, "colors": colors, "strings": S.items, "places": places,
            "pts": pts, "areas": areas}


def unit_counts(incidents, level: int):
    """Incidents and casualties per admin unit at ``level`` (1-3): a DataFrame indexed by pcode.

    Counted by :func:`geoinc.aggregate`, so an incident counts at a level only when its location
    is known at that level (a governorate-precision incident counts for its governorate only).
    """
    from ..aggregate import aggregate

    t = aggregate(incidents, by=f"admin{level}", metrics=("incidents", "arrested", "killed", "injured"))
    t = t[t["geometry"].notna()] if "geometry" in t.columns else t
    out = t.set_index("region")[["incidents", "killed", "injured", "arrested"]]
    out.index.name = "pcode"
    return out


def encode_block(payload: Any) -> str:
    """The JSON text to put in the page's data block: plain, or ``{"gzip": base64}`` when large."""
    text = json_for_script(payload)
    raw = text.encode("utf-8")
    if len(raw) <= GZIP_THRESHOLD:
        return text
    packed = base64.b64encode(gzip.compress(raw, compresslevel=6, mtime=0)).decode("ascii")
    return json_for_script({"gzip": packed})
