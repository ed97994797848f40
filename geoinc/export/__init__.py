"""Exports of the incident table: RFC 7946 GeoJSON, GeoPackage and CSV, with region aggregates.

::

    import geoinc
    geoinc.to_file(incidents, "incidents.geojson")           # points, incident fields
    geoinc.to_file(incidents, "by_governorate.geojson", by="admin1")   # polygons with counts
    geoinc.to_file(incidents, "incidents.gpkg")              # layers: incidents + aggregates
"""

from __future__ import annotations

from .aggregates import LEVELS, aggregate_table
from .writers import FORMATS, to_file, write_csv, write_geojson, write_gpkg

__all__ = ["to_file", "write_geojson", "write_gpkg", "write_csv", "aggregate_table", "FORMATS", "LEVELS"]
