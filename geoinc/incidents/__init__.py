"""The incident table shared by extraction, aggregation, maps and exports.

``read_incidents(path)`` reads ``geoinc extract`` output, incident tables (CSV, TSV, XLSX,
GeoJSON, GeoPackage) and ACLED / UCDP GED exports into one GeoDataFrame with the columns of
:data:`COLUMNS`; bad records are reported by row number with the reason, the rest go on.
"""

from __future__ import annotations

from .reader import FORMATS, detect_format, incidents_from_reports, read_incidents
from .schema import AREA_KINDS, COLUMNS, INCIDENT_TYPES, PRECISION, empty_incidents, make_incidents, normalize_type

__all__ = ["read_incidents", "incidents_from_reports", "detect_format", "FORMATS", "COLUMNS", "INCIDENT_TYPES", "PRECISION", "AREA_KINDS",
           "empty_incidents", "make_incidents", "normalize_type"]
