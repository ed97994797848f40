"""Per-region aggregates with their polygons, for exports (``--by admin1`` ...)."""

from __future__ import annotations

from typing import Any

__all__ = ["LEVELS", "aggregate_table"]

#: --by values: admin levels and named regions.
LEVELS = ("admin1", "admin2", "admin3", "region")

_COUNT_COLS = ("killed", "injured", "arrested")


def aggregate_table(incidents, by: str = "admin1", gaz=None):
    """Incidents and casualties per unit of ``by`` as a GeoDataFrame with the unit's polygon.

    Columns: ``pcode``, ``name``, ``name_ar``, ``level``, ``incidents``, ``killed``, ``injured``,
    ``arrested``, ``first_date``, ``last_date``, ``area_km2``, ``geometry`` (EPSG:4326). Every
    unit of the level is listed (zeros where nothing happened). An incident counts at an admin
    level only when its code at that level is known (a governorate-precision incident counts for
    its governorate, not for a district); for ``region`` it counts for each region in its
    ``regions`` list.
    """
    import geopandas as gpd
    import pandas as pd

    if by not in LEVELS:
        raise ValueError(f"--by must be one of {', '.join(LEVELS)}, not {by!r}")
    if gaz is None:
        from ..gazetteer import Gazetteer

        gaz = Gazetteer.load()
    key: Any = "region" if by == "region" else int(by[-1])
    ids, geoms, props = gaz.spatial.layer(key)
    df = pd.DataFrame({c: incidents[c] for c in ("date", *_COUNT_COLS)})
    for c in _COUNT_COLS:
        df[c] = pd.to_numeric(df[c], errors="coerce").astype("Float64")
    if by == "region":
        units = incidents["regions"].fillna("").astype(str).str.split(";")
        df = df.assign(unit=units).explode("unit")
    else:
        df["unit"] = incidents[by]
    df = df[df["unit"].notna() & (df["unit"].astype(str) != "")]
    g = df.groupby("unit")
    stats = pd.DataFrame({
        "incidents": g.size(),
        **{c: g[c].sum(min_count=1) for c in _COUNT_COLS},
        "first_date": g["date"].min(),
        "last_date": g["date"].max(),
    })
    out = pd.DataFrame({
        "pcode": ids,
        "name": [p.get("name") for p in props],
        "name_ar": [p.get("name_ar") for p in props],
        "level": by,
        "area_km2": [p.get("area_km2") for p in props],
    })
    out = out.join(stats, on="pcode")
    out["incidents"] = out["incidents"].fillna(0).astype("int64")
    for c in _COUNT_COLS:
        out[c] = out[c].fillna(0).round().astype("int64")
    out = out[["pcode", "name", "name_ar", "level", "incidents", *_COUNT_COLS, "first_date", "last_date", "area_km2"]]
    return gpd.GeoDataFrame(out, geometry=list(geoms), crs="EPSG:4326")
