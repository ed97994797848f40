"""Writers: RFC 7946 GeoJSON, GeoPackage (pyogrio/GDAL) and CSV. All write atomically."""

from __future__ import annotations

import json
import math
import os
from pathlib import Path
from typing import Any, Iterable

__all__ = ["FORMATS", "to_file", "write_geojson", "write_gpkg", "write_csv", "geojson_geometry"]

#: file extension -> format
FORMATS = {".geojson": "geojson", ".json": "geojson", ".gpkg": "gpkg", ".csv": "csv"}

DIGITS = 6


def _format_of(path: str | os.PathLike, driver: str | None) -> str:
    if driver:
        d = driver.lower()
        if d not in set(FORMATS.values()):
            raise ValueError(f"unknown export format {driver!r}: use geojson, gpkg or csv")
        return d
    ext = Path(path).suffix.lower()
    if ext not in FORMATS:
        raise ValueError(f"{path}: unknown export extension {ext or '(none)'!r}; use .geojson, .gpkg or .csv")
    return FORMATS[ext]


def _plain(v: Any) -> Any:
    """A JSON-ready value: NA/NaN -> None, numpy scalars -> Python, dates -> ISO text."""
    if v is None:
        return None
    try:
        import pandas as pd

        if v is pd.NA or v is pd.NaT:
            return None
    except ImportError:  # pragma: no cover
        pass
    if isinstance(v, float):
        return v if math.isfinite(v) else None
    if hasattr(v, "isoformat"):
        if getattr(v, "hour", 0) == 0 and getattr(v, "minute", 0) == 0 and getattr(v, "second", 0) == 0 and hasattr(v, "date"):
            return v.date().isoformat()
        return v.isoformat()
    if hasattr(v, "item"):
        return _plain(v.item())
    return v


def geojson_geometry(geom, digits: int = DIGITS) -> dict | None:
    """RFC 7946 geometry: lon/lat, exterior rings counter-clockwise, holes clockwise, rounded."""
    import numpy as np
    import shapely

    if geom is None or geom.is_empty:
        return None
    if geom.geom_type in ("Polygon", "MultiPolygon", "GeometryCollection"):
        geom = shapely.orient_polygons(geom, exterior_cw=False)
    m = shapely.geometry.mapping(geom)

    def rnd(c):
        if isinstance(c, (int, float)):
            return round(float(c), digits)
        if c and isinstance(c[0], (int, float)):
            return [round(float(x), digits) for x in c]
        if c and c[0] and isinstance(c[0][0], (int, float)):
            return np.round(np.asarray(c, dtype=float), digits).tolist()
        return [rnd(x) for x in c]

    if m["type"] == "GeometryCollection":
        return {"type": "GeometryCollection", "geometries": [geojson_geometry(g, digits) for g in geom.geoms]}
    return {"type": m["type"], "coordinates": rnd(m["coordinates"])}


def _features(gdf) -> Iterable[dict]:
    cols = [c for c in gdf.columns if c != gdf.geometry.name]
    values = {c: gdf[c].tolist() for c in cols}
    geoms = gdf.geometry.tolist()
    for k, g in enumerate(geoms):
        props = {c: _plain(values[c][k]) for c in cols}
        yield {"type": "Feature", "properties": props, "geometry": geojson_geometry(g)}


def write_geojson(gdf, path: str | os.PathLike) -> None:
    """Write an RFC 7946 FeatureCollection (WGS84 lon/lat, no ``crs`` member, 6 decimals, CCW)."""
    from ..io.atomic import atomic_write

    if gdf.crs is not None and gdf.crs.to_epsg() != 4326:
        gdf = gdf.to_crs(4326)
    with atomic_write(path) as fh:
        fh.write('{"type":"FeatureCollection","features":[')
        for k, f in enumerate(_features(gdf)):
            fh.write(("\n" if k == 0 else ",\n") + json.dumps(f, ensure_ascii=False, separators=(",", ":"), allow_nan=False))
        fh.write("\n]}\n")


def _for_gdal(gdf):
    """Columns GDAL writes cleanly: nullable ints stay ints, text stays text."""
    out = gdf.copy()
    for c in out.columns:
        if c == out.geometry.name:
            continue
        if str(out[c].dtype) == "object":
            out[c] = out[c].astype("string")
    return out


def write_gpkg(layers: dict[str, Any], path: str | os.PathLike) -> None:
    """Write several GeoDataFrames as layers of one GeoPackage (atomically)."""
    import pyogrio

    from ..io.atomic import atomic_path

    with atomic_path(path) as tmp:
        for name, gdf in layers.items():
            gtype = None
            kinds = set(gdf.geometry.dropna().geom_type)
            if kinds == {"Point"}:
                gtype = "Point"
            elif kinds <= {"Polygon", "MultiPolygon"} and kinds:
                gtype = "MultiPolygon"
            pyogrio.write_dataframe(_for_gdal(gdf), tmp, layer=name, driver="GPKG", geometry_type=gtype,
                                    promote_to_multi=gtype == "MultiPolygon")


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: Any) -> Any:
    """Report text that a spreadsheet would run as a formula ('=HYPERLINK(...)', '+cmd', '@SUM')
    gets a leading apostrophe, the usual guard against CSV formula injection; other values pass."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_csv(gdf, path: str | os.PathLike, bom: bool = False) -> None:
    """Write a CSV: incident fields (with lat/lon), or aggregate fields with the polygon as ``wkt``."""
    import shapely

    from ..io.atomic import atomic_write

    df = gdf.drop(columns=[gdf.geometry.name])
    if not {"lat", "lon"} <= set(df.columns):
        geoms = gdf.geometry
        df["wkt"] = [None if g is None or g.is_empty else shapely.to_wkt(g, rounding_precision=DIGITS) for g in geoms]
    for c in df.columns:
        if str(df[c].dtype).startswith("datetime64"):
            df[c] = df[c].dt.strftime("%Y-%m-%d")
        elif df[c].dtype == object:
            df[c] = df[c].map(csv_safe)
    with atomic_write(path, encoding="utf-8-sig" if bom else "utf-8", newline="") as fh:
        df.to_csv(fh, index=False, lineterminator="\n")


def to_file(incidents, path: str | os.PathLike, by: str | None = None, driver: str | None = None,
            levels: tuple[str, ...] = ("admin1", "admin2", "admin3", "region"), gaz=None, bom: bool = False) -> str:
    """Export ``incidents`` to ``path`` by its extension (.geojson, .gpkg, .csv); returns the format.

    ``by`` ('admin1', 'admin2', 'admin3', 'region') exports per-unit aggregates with their
    polygons instead of incidents. A GeoPackage always holds the ``incidents`` layer plus one
    aggregate layer per level in ``levels`` (``by_admin1``...), or only ``by`` when given.
    """
    from .aggregates import aggregate_table

    fmt = _format_of(path, driver)
    if fmt == "gpkg":
        layers = {"incidents": incidents}
        for lv in ((by,) if by else levels):
            layers[f"by_{lv}"] = aggregate_table(incidents, lv, gaz=gaz)
        write_gpkg(layers, path)
        return fmt
    table = aggregate_table(incidents, by, gaz=gaz) if by else incidents
    if fmt == "geojson":
        write_geojson(table, path)
    else:
        write_csv(table, path, bom=bom)
    return fmt
