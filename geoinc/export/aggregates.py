"""Per-region aggregates with their polygons, for exports (``--by admin1`` ...).

The counting is :func:`geoinc.aggregate` (one definition for summaries, maps and exports); this
module only shapes its table for writing.
"""

from __future__ import annotations

__all__ = ["LEVELS", "aggregate_table"]

#: --by values: admin levels and named regions.
LEVELS = ("admin1", "admin2", "admin3", "region")


def aggregate_table(incidents, by: str = "admin1", gaz=None):
    """Incidents per unit of ``by`` as a GeoDataFrame with each unit's polygon (EPSG:4326).

    Every unit of the level is listed (zeros where nothing happened), plus an ``unassigned``
    row (no geometry) for incidents known only at a coarser level, so the rows add up to the
    input. Columns are those of :func:`geoinc.aggregate`: ``region`` (pcode or region id),
    ``name``, ``name_ar``, ``incidents``, ``arrested``, ``killed``, ``injured``, ``type_<type>``,
    ``area_km2``, ``density`` (incidents per 1,000 km²) and ``geometry``.
    """
    from ..aggregate import aggregate

    if by not in LEVELS:
        raise ValueError(f"--by must be one of {', '.join(LEVELS)}, not {by!r}")
    table = aggregate(incidents, by=by, fill=True, gazetteer=gaz)
    if "period" in table.columns and table["period"].isna().all() | (table["period"].astype(str) == "").all():
        table = table.drop(columns=["period"])
    table = table.reset_index(drop=True)
    if table.crs is None:
        table = table.set_crs(4326)
    return table
