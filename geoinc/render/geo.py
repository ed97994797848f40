"""Boundary features for maps: admin units with counts, the offline basemap, search entries."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

__all__ = ["admin_features", "admin_shape", "basemap_features", "round_coords", "search_entries"]


def round_coords(coords: Any, digits: int) -> Any:
    """Round nested GeoJSON coordinates to ``digits`` decimals."""
    import numpy as np

    if isinstance(coords, (int, float)):
        return round(float(coords), digits)
    if coords and isinstance(coords[0], (int, float)):
        return np.round(np.asarray(coords, dtype=float), digits).tolist()
    if coords and coords[0] and isinstance(coords[0][0], (int, float)):  # a ring: round it in one go
        return np.round(np.asarray(coords, dtype=float), digits).tolist()
    return [round_coords(c, digits) for c in coords]


@lru_cache(maxsize=8)
def _admin_fc(level: int) -> dict:
    from ..gazetteer.store import read_geojson

    return read_geojson(f"admin{level}_simplified.geojson")


@lru_cache(maxsize=8)
def _admin_index(level: int) -> dict[str, dict]:
    return {f["properties"]["pcode"]: f for f in _admin_fc(level)["features"]}


def admin_shape(pcode: str):
    """The simplified polygon of an admin unit by OCHA pcode (``SY05``, ``SY0500``...), or None."""
    from shapely.geometry import shape

    if not (isinstance(pcode, str) and pcode.startswith("SY") and pcode[2:].isdigit()):
        return None
    level = {2: 1, 4: 2, 6: 3}.get(len(pcode) - 2)
    f = _admin_index(level).get(pcode) if level else None
    return shape(f["geometry"]) if f else None


def _bbox(coords) -> list[float]:
    import numpy as np

    flat = np.asarray(list(_points(coords)), dtype=float)
    return [round(float(x), 4) for x in (*flat.min(axis=0), *flat.max(axis=0))]


def _points(c):
    if isinstance(c[0], (int, float)):
        yield c[:2]
    else:
        for x in c:
            yield from _points(x)


@lru_cache(maxsize=16)
def _rounded(level: int, digits: int) -> list[dict]:
    return [{"type": f["geometry"]["type"], "coordinates": round_coords(f["geometry"]["coordinates"], digits)}
            for f in _admin_fc(level)["features"]]


def admin_features(level: int, counts=None, digits: int = 4) -> dict:
    """Admin units of ``level`` (simplified) with ``incidents``/``killed``/``injured``/``arrested``.

    ``counts`` is a DataFrame indexed by pcode (missing units get zeros).
    """
    fc = _admin_fc(level)
    geoms = _rounded(level, digits)
    table = {} if counts is None else counts.to_dict("index")
    feats = []
    for f, g in zip(fc["features"], geoms):
        p = f["properties"]
        c = table.get(p["pcode"], {})
        props = {"pcode": p["pcode"], "name": p.get("name"), "name_ar": p.get("name_ar"),
                 "incidents": int(c.get("incidents", 0) or 0), "killed": int(c.get("killed", 0) or 0),
                 "injured": int(c.get("injured", 0) or 0), "arrested": int(c.get("arrested", 0) or 0)}
        feats.append({"type": "Feature", "properties": props, "geometry": g})
    return {"type": "FeatureCollection", "features": feats}


def basemap_features(digits: int = 3) -> dict:
    """Governorate and district outlines for the offline basemap (geometry only)."""
    out = {}
    for lv, key in ((1, "admin1"), (2, "admin2")):
        feats = []
        for g in _rounded(lv, digits):
            feats.append({"type": "Feature", "properties": {}, "geometry": g})
        out[key] = {"type": "FeatureCollection", "features": feats}
    return out


def search_entries(incidents, gaz) -> list[list]:
    """Searchable places: admin units, regions and the places of the incidents.

    Each entry is ``[name, name_ar, lat, lon, zoom, bbox or None]``.
    """
    entries: list[list] = []
    seen: set[str] = set()
    zooms = {1: 8, 2: 10, 3: 11}
    for lv in (1, 2, 3):
        for f in _admin_fc(lv)["features"]:
            p = f["properties"]
            b = _bbox(f["geometry"]["coordinates"])
            seen.add(p["pcode"])
            entries.append([p.get("name") or p["pcode"], p.get("name_ar") or "", round((b[1] + b[3]) / 2, 5),
                            round((b[0] + b[2]) / 2, 5), zooms[lv], b])
    if gaz is not None:
        for pl in gaz:
            if pl.kind == "region" and pl.id not in seen and pl.lat is not None:
                seen.add(pl.id)
                entries.append([pl.name, pl.name_ar or "", pl.lat, pl.lon, 8, None])
    if incidents is not None and len(incidents):
        cols = [c for c in ("place_id", "place_name", "place_name_ar", "lat", "lon") if c in incidents.columns]
        df = incidents[cols].dropna(subset=["lat", "lon"]).drop_duplicates(subset=["place_id", "place_name"])
        for pid, name, name_ar, lat, lon in df.itertuples(index=False, name=None):
            key = pid if isinstance(pid, str) and pid else f"{name}@{lat},{lon}"
            if key in seen or not isinstance(name, str) or not name:
                continue
            seen.add(key)
            entries.append([name, name_ar if isinstance(name_ar, str) else "", round(float(lat), 5), round(float(lon), 5), 13, None])
    return entries
