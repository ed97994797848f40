"""Incident tables: CSV/TSV/XLSX (rows) and GeoJSON/GeoPackage (features), in any of three layouts:
generic columns, ACLED or UCDP GED."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Iterator

from ..io.accounting import RecordError
from ..io.tables import header_key, iter_table
from .acled import _admin1_code, acled_draft, is_acled
from .columns import FieldError, count_field, date_field, first_key, pick, text
from .schema import normalize_type
from .ucdp import is_ucdp, ucdp_draft

__all__ = ["iter_table_drafts", "iter_rows", "GEO_SUFFIXES", "table_layout", "generic_draft"]

GEO_SUFFIXES = (".geojson", ".gpkg", ".shp", ".fgb", ".gml", ".kml")


def iter_rows(path: str, encoding: str | None = None, sheet: str | int | None = None) -> Iterator[tuple[int, dict | RecordError]]:
    """(row or feature number, record) of a table or vector file; geometry as ``_geometry``."""
    if str(path).lower().endswith(GEO_SUFFIXES):
        yield from _iter_features(path, sheet)
    else:
        yield from iter_table(path, encoding=encoding, sheet=sheet)


def _iter_features(path: str, layer: str | int | None) -> Iterator[tuple[int, dict | RecordError]]:
    import pyogrio

    kw = {"layer": layer} if layer is not None else {}
    df = pyogrio.read_dataframe(path, **kw)
    keys = [header_key(c) for c in df.columns]
    geom_col = df.geometry.name if hasattr(df, "geometry") else None
    for n, row in enumerate(df.itertuples(index=False), start=1):
        rec: dict[str, Any] = {}
        for k, c, v in zip(keys, df.columns, row):
            if c == geom_col:
                rec["_geometry"] = v
            else:
                rec[k] = v
        rec["_row"] = n
        yield n, rec


def table_layout(keys) -> str:
    """'acled', 'ucdp' or 'table' from a table's header keys."""
    if is_acled(keys):
        return "acled"
    if is_ucdp(keys):
        return "ucdp"
    return "table"


class _Generic:
    """Column roles of a generic table, found once from its headers."""

    def __init__(self, keys) -> None:
        self.k = {role: first_key(keys, role) for role in
                  ("id", "lat", "lon", "place", "admin1", "country", "date", "type", "arrested", "killed", "injured",
                   "precision", "excerpt", "source", "url", "report_id")}
        self._cache: dict[tuple, Any] = {}

    def resolve(self, gaz, name: str | None, hint: str | None):
        key = (name, hint)
        if key not in self._cache:
            self._cache[key] = gaz.resolve(name, admin1=hint) if name else None
        return self._cache[key]


def generic_draft(rec: dict, row: int, stem: str, gaz, cols: _Generic, where: str) -> dict:
    """A draft incident from one row of a generic table (coordinates, a geometry, or a place name)."""
    k = cols.k
    d: dict[str, Any] = {"_where": where}
    d["incident_id"] = text(pick(rec, k["id"])) or f"{stem}:{row}"
    d["report_id"] = text(pick(rec, k["report_id"]))
    d["date"], d["date_text"] = date_field(rec, k["date"])
    d["type"] = normalize_type(pick(rec, k["type"]))
    for f in ("arrested", "killed", "injured"):
        d[f] = count_field(rec, k[f], f)
    prec = pick(rec, k["precision"])
    if prec is not None:
        try:
            p = int(float(prec))
        except ValueError:
            raise FieldError(k["precision"], f"precision must be 1, 2 or 3, got {prec!r}") from None
        if p not in (1, 2, 3):
            raise FieldError(k["precision"], f"precision must be 1, 2 or 3, got {prec!r}")
        d["precision"] = p
    d["excerpt"] = text(pick(rec, k["excerpt"]))
    d["source"] = text(pick(rec, k["source"]))
    d["url"] = text(pick(rec, k["url"]))
    name = text(pick(rec, k["place"]))
    a1_text = text(pick(rec, k["admin1"]))
    a1 = _admin1_code(gaz, a1_text) if a1_text else None
    d["place_name"] = name
    geom = rec.get("_geometry")
    lat, lon = pick(rec, k["lat"]), pick(rec, k["lon"])
    if geom is not None and lat is None and lon is None:
        if geom.geom_type != "Point":
            if geom.is_empty:
                geom = None
            else:
                d.setdefault("precision", 2)
                geom = geom.representative_point()
        if geom is not None:
            lat, lon = geom.y, geom.x
    place = cols.resolve(gaz, name, a1) if name else None
    country = (text(pick(rec, k["country"])) or "").lower()
    if place is not None:
        d["place_id"], d["place_name_ar"] = place.id, place.name_ar
    if lat is not None or lon is not None:
        d["_lat"], d["_lon"] = lat, lon
        claim = None
        if country and country not in ("syria", "sy", "syr", "سوريا", "سورية", "syrian arab republic"):
            claim = None  # the row says it is elsewhere: a namesake in Syria is no claim
        elif place is not None and place.admin1 and place.score >= 0.9:  # a fuzzy match is no claim
            claim = f"{name} ({place.admin1})"
        elif a1:
            claim = f"{a1_text} ({a1})"
        elif country == "syria":
            claim = "Syria"
        d["_claim"] = claim
        if d.get("precision") is None:
            d["precision"] = 3 if place is not None and place.kind in ("governorate", "region", "country") else \
                2 if place is not None and place.kind in ("district", "subdistrict") else 1
        if place is not None and place.kind not in ("town", "neighbourhood", "site"):
            d["place_kind"] = place.kind  # the row names an area: its point is not finer than that
        elif place is not None:
            d["place_kind"] = place.kind
    elif place is not None:
        _locate_by_place(d, place)
    elif a1:
        p = gaz.get(a1)
        d["place_name"] = name or p.name
        _locate_by_place(d, p)
        d["place_id"] = p.id
    return d


def _locate_by_place(d: dict, place) -> None:
    d["lat"], d["lon"] = place.lat, place.lon
    d["place_id"], d["place_name_ar"], d["place_kind"] = place.id, place.name_ar, place.kind
    d["place_name"] = d.get("place_name") or place.name
    for a in ("admin1", "admin2", "admin3"):
        d[a] = getattr(place, a)
    if d.get("precision") is None:
        d["precision"] = 3 if place.kind in ("governorate", "region", "country") else 2 if place.kind in ("district", "subdistrict") else 1


def iter_table_drafts(path: str, layout: str | None = None, encoding: str | None = None, sheet=None,
                      gaz=None) -> Iterator[dict | RecordError]:
    """Drafts for every row of an incident table (layout 'table', 'acled' or 'ucdp'; detected if None)."""
    from ..gazetteer import Gazetteer

    gaz = gaz or Gazetteer.load()
    src = "<stdin>" if str(path) == "-" else str(path)
    stem = Path(src).stem
    is_geo = str(path).lower().endswith(GEO_SUFFIXES)
    conv: Callable | None = None
    cols: _Generic | None = None
    for n, rec in iter_rows(path, encoding, sheet):
        where = f"feature {n}" if is_geo else f"row {n}"
        if isinstance(rec, RecordError):
            yield rec
            continue
        if conv is None:
            keys = [k for k in rec if not k.startswith("_")]
            lay = layout or table_layout(keys)
            if lay == "acled":
                conv = lambda r, n, w: acled_draft(r, n, stem, gaz)  # noqa: E731
            elif lay == "ucdp":
                conv = lambda r, n, w: ucdp_draft(r, n, stem, gaz)  # noqa: E731
            else:
                cols = _Generic(keys)
                conv = lambda r, n, w: generic_draft(r, n, stem, gaz, cols, w)  # noqa: E731
        if rec.get("_extra"):
            yield RecordError(src, where, f"more cells than headers ({len(rec['_extra'])} extra: {rec['_extra'][:3]!r})")
            continue
        try:
            d = conv(rec, n, where)
        except FieldError as e:
            rid = text(rec.get("event_id_cnty") or rec.get("incident_id") or rec.get("id"))
            yield RecordError(src, where, e.problem, field=e.field, record_id=rid)
            continue
        d["_where"] = where
        yield d
