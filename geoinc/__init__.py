"""geoinc: reports of security incidents in Syria -> mapped, counted, exportable incidents.

Heavy libraries (geopandas, shapely, folium) load only when first used, so ``import geoinc``
is fast. The one-liners::

    import geoinc
    gaz = geoinc.Gazetteer.load()
    gaz.resolve("Darayya")
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

# public name -> module that defines it (imported on first attribute access)
_LAZY = {
    "Gazetteer": "geoinc.gazetteer",
    "Place": "geoinc.gazetteer",
    "SyriaGazetteer": "geoinc.geocoders",
    "extract": "geoinc.extract",
    "extract_text": "geoinc.extract",
    "read_reports": "geoinc.io.reports",
    "read_incidents": "geoinc.incidents",
    "incidents_from_reports": "geoinc.incidents",
    "aggregate": "geoinc.aggregate",
    "explore": "geoinc.render",
    "build_map": "geoinc.render",
    "save_map": "geoinc.render",
    "to_file": "geoinc.export",
    "parse_coordinate": "geoinc.io.values",
    "parse_latlon": "geoinc.io.values",
    "parse_count": "geoinc.io.values",
    "parse_date": "geoinc.io.values",
    "SwappedCoordinates": "geoinc.io.values",
}

__all__ = sorted(_LAZY) + ["__version__"]


def __getattr__(name: str) -> Any:
    mod = _LAZY.get(name)
    if mod is None:
        raise AttributeError(f"module 'geoinc' has no attribute {name!r}")
    value = getattr(importlib.import_module(mod), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
