"""From reader drafts to checked, located incident rows.

A reader turns each input record into a *draft*: a dict with (some of) the incident columns and a
few private keys the finishing step uses:

``_where``
    where the record is in its file (``row 12``, ``line 3``, ``feature 7``), for messages;
``_lat`` / ``_lon``
    the raw coordinate values (strings, numbers) still to be parsed and checked;
``_claim``
    the Syrian place the record names besides its coordinates (a governorate pcode or a label),
    or None: a point outside Syria on a record that names a Syrian place is impossible;
``_mention_regions``
    region ids the report named (they count in those regions whatever the point).

:func:`finish` parses and checks coordinates, rejects impossible rows with the reason, assigns
admin units (not below the precision of the location) and regions, and fills the tally.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from typing import Any

import numpy as np

from ..io.accounting import RecordError
from ._values import SYRIA_BOUNDS, SwappedCoordinates, is_blank, parse_latlon
from .schema import LEVEL_OF_KIND

__all__ = ["finish", "OUTSIDE_TOLERANCE_KM", "admin_level_of", "regions_covering"]

#: A point this far (or less) outside Syria's boundary is kept (counted as outside Syria) even
#: when the record names a Syrian place: coastal and border points in the sources often lie just
#: across the line. Farther out, the record is rejected.
OUTSIDE_TOLERANCE_KM = 10.0


def admin_level_of(kind: str | None, precision: int | None) -> int:
    """The finest admin level (0-3) an incident of this place kind and precision counts at."""
    if kind in LEVEL_OF_KIND:
        return LEVEL_OF_KIND[kind]
    if kind is None and precision == 3:
        return 1  # 'governorate/region' precision with no kind: governorate at most
    return 3


@lru_cache(maxsize=4096)
def _covering(gaz_path: str, pcode: str) -> tuple[str, ...]:
    """Ids of the regions that contain the whole admin unit ``pcode`` (99.9 % of its area)."""
    import shapely

    from ..gazetteer import Gazetteer

    sp = Gazetteer.load(gaz_path).spatial
    g = sp.geometry(pcode)
    if g is None:
        return ()
    rids, rgeoms, _ = sp.layer("region")
    out = []
    for fi in sp.tree("region").query(g, predicate="intersects").tolist():
        if shapely.area(shapely.intersection(g, rgeoms[fi])) >= 0.999 * shapely.area(g):
            out.append(rids[fi])
    return tuple(sorted(out))


def regions_covering(pcode: str, gaz=None) -> tuple[str, ...]:
    """Regions that contain the whole admin unit ``pcode`` (an incident known only to be in it counts there)."""
    from ..gazetteer import Gazetteer

    gaz = gaz or Gazetteer.load()
    return _covering(str(gaz.path), pcode)


def _reject(tally, rejects, err: RecordError, record: Any, strict: bool) -> None:
    if tally is not None:
        tally.reject(err)
    if rejects is not None:
        rejects.add(err, record)
    if strict:
        raise err


def _public(d: dict) -> dict:
    return {k: v for k, v in d.items() if not k.startswith("_") and v is not None and not (isinstance(v, float) and v != v)}


def finish(drafts: list[dict], source: str, gaz=None, tally=None, rejects=None, strict: bool = False,
           fix_swapped: bool = False, warn=None) -> list[dict]:
    """Check and locate drafts; return the incident rows (dicts of the schema's columns).

    Rejected drafts are reported to ``tally``/``rejects`` (and raise with ``strict``); the others
    are added to ``tally`` as located or unlocated.
    """
    from ..aggregate.assign import assign_points, region_members
    from ..gazetteer import Gazetteer

    gaz = gaz or Gazetteer.load()
    warn = warn or (lambda msg: print(f"geoinc: warning: {msg}", file=sys.stderr))
    kept: list[dict] = []
    seen_ids: dict[str, str] = {}
    # 1. parse coordinates, one record at a time
    for d in drafts:
        where = d.get("_where", "?")
        rid = d.get("incident_id")
        if rid in seen_ids:
            _reject(tally, rejects, RecordError(source, where, f"duplicate incident id (first at {seen_ids[rid]})",
                                                field="incident_id", record_id=rid), _public(d), strict)
            continue
        la_raw, lo_raw = d.pop("_lat", None), d.pop("_lon", None)
        if la_raw is not None or lo_raw is not None:
            blank_la, blank_lo = is_blank(la_raw), is_blank(lo_raw)
            if blank_la != blank_lo:
                _reject(tally, rejects, RecordError(source, where, "latitude given without longitude" if blank_lo
                                                    else "longitude given without latitude",
                                                    field="longitude" if blank_lo else "latitude", record_id=rid), _public(d), strict)
                continue
            if not blank_la:
                try:
                    lat, lon = parse_latlon(la_raw, lo_raw)
                except SwappedCoordinates as e:
                    s_, w_, n_, e_ = SYRIA_BOUNDS
                    la2, lo2 = e.repaired
                    if not fix_swapped or not (s_ <= la2 <= n_ and w_ <= lo2 <= e_):
                        _reject(tally, rejects, RecordError(source, where, f"impossible coordinates: {e}", field="latitude",
                                                            record_id=rid), _public(d), strict)
                        continue
                    lat, lon = e.repaired
                    warn(f"{source}:{where}: {e}; repaired to ({lat:g}, {lon:g})")
                except ValueError as e:
                    _reject(tally, rejects, RecordError(source, where, f"impossible coordinates: {e}", field="latitude",
                                                        record_id=rid), _public(d), strict)
                    continue
                d["lat"], d["lon"] = lat, lon
        if rid is not None:
            seen_ids[rid] = where
        kept.append(d)
    if not kept:
        return []
    # 2. admin units of every located point, vectorised
    lats = np.array([np.nan if d.get("lat") is None else float(d["lat"]) for d in kept])
    lons = np.array([np.nan if d.get("lon") is None else float(d["lon"]) for d in kept])
    units = {lvl: assign_points(lvl, lons, lats, gaz) for lvl in (1, 2, 3)}
    located = np.isfinite(lats) & np.isfinite(lons)
    # 3. points outside Syria on records that name a Syrian place
    far = np.zeros(len(kept), dtype=bool)
    swapped = np.zeros(len(kept), dtype=bool)
    outside = np.flatnonzero(located & np.array([u is None for u in units[1]]))
    if len(outside):
        far[outside] = _km_outside(lons[outside], lats[outside], gaz) > OUTSIDE_TOLERANCE_KM
        # outside Syria, but inside once latitude and longitude trade places: a swapped pair
        back = assign_points(1, lats[outside], lons[outside], gaz)
        swapped[outside] = np.array([b is not None for b in back])
        if fix_swapped:
            fix = np.flatnonzero(swapped)
            for i in fix:
                warn(f"{source}:{kept[i].get('_where', '?')}: ({lats[i]:g}, {lons[i]:g}) lies outside Syria but "
                     f"({lons[i]:g}, {lats[i]:g}) inside: latitude and longitude look swapped; repaired")
                lats[i], lons[i] = lons[i], lats[i]
                kept[i]["lat"], kept[i]["lon"] = lats[i], lons[i]
            if len(fix):
                for lvl in (1, 2, 3):
                    units[lvl][fix] = assign_points(lvl, lons[fix], lats[fix], gaz)
                far[fix] = False
            swapped[:] = False
    pt_regions = region_members(lons, lats, gaz)
    rows: list[dict] = []
    for i, d in enumerate(kept):
        where, rid = d.pop("_where", "?"), d.get("incident_id")
        claim = d.pop("_claim", None)
        mention_regions = d.pop("_mention_regions", None) or ()
        if swapped[i]:
            _reject(tally, rejects, RecordError(
                source, where, f"impossible coordinates: ({lats[i]:g}, {lons[i]:g}) lies outside Syria but ({lons[i]:g}, "
                f"{lats[i]:g}) inside: latitude and longitude look swapped (--fix-swapped repairs such rows)",
                field="latitude", record_id=rid), _public(d), strict)
            continue
        if far[i] and claim:
            _reject(tally, rejects, RecordError(
                source, where, f"impossible coordinates: ({lats[i]:g}, {lons[i]:g}) lies outside Syria "
                f"(more than {OUTSIDE_TOLERANCE_KM:g} km) while the record names {claim}", field="latitude", record_id=rid),
                _public(d), strict)
            continue
        kind = d.get("place_kind")
        level = admin_level_of(kind, d.get("precision"))
        regions: set[str] = set(mention_regions)
        if located[i]:
            d["status"] = "located"
            point_units = [units[1][i], units[2][i], units[3][i]]
            given = [d.get("admin1"), d.get("admin2"), d.get("admin3")]
            for k in range(3):
                # point-like places: the point decides; areas: the place's own codes, else the point's, never below the area's level
                val = point_units[k] if level == 3 else (given[k] or point_units[k])
                d[f"admin{k + 1}"] = val if k < level else None
            if level == 3:
                regions.update(pt_regions[i])
            elif level > 0 and d.get(f"admin{level}"):
                regions.update(regions_covering(d[f"admin{level}"], gaz))
            if kind == "region" and d.get("place_id"):
                regions.add(d["place_id"])
        else:
            d["status"] = "unlocated"
            d["lat"] = d["lon"] = None
            for k in range(3):
                d[f"admin{k + 1}"] = None
        d["regions"] = ";".join(sorted(regions))
        if tally is not None:
            tally.add("ok" if d["status"] == "located" else "not_ok")
        rows.append(d)
    return rows


def _km_outside(lons: np.ndarray, lats: np.ndarray, gaz) -> np.ndarray:
    """Approximate distance in km from each point to Syria (points known to be outside every unit)."""
    import shapely

    syria = _syria(str(gaz.path))
    pts = shapely.points(lons, lats)
    deg = shapely.distance(syria, pts)
    # a degree of latitude is 111 km; of longitude 111 km x cos(lat): take the smaller, so the
    # tolerance errs on the side of keeping a record
    return deg * 111.0 * np.cos(np.radians(np.clip(lats, -89, 89)))


@lru_cache(maxsize=None)
def _syria(gaz_path: str):
    import shapely

    from ..gazetteer import Gazetteer

    g = shapely.union_all(Gazetteer.load(gaz_path).spatial.layer(1)[1])
    shapely.prepare(g)
    return g
