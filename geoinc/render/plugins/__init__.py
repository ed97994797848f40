"""Map plugins, in the spirit of ``folium.plugins``: each adds one layer or control.

A plugin has a ``js`` name (a function in ``geoinc-map.js``), static ``options()`` (never report
text) and may add entries to the map's data block with ``data(incidents, gaz)``. They are added
to an :class:`~geoinc.render.element.IncidentMap`, which draws them in order once the data has
been read.
"""

from __future__ import annotations

from .base import Plugin
from .layers import ClusteredIncidents, IncidentAreas, IncidentHeatMap
from .choropleth import Choropleth
from .controls import Basemap, MapControls, MapTitle, PlaceSearch, TimeSlider, TypeLegend

__all__ = [
    "Plugin", "ClusteredIncidents", "IncidentAreas", "IncidentHeatMap", "Choropleth",
    "Basemap", "MapControls", "MapTitle", "PlaceSearch", "TimeSlider", "TypeLegend",
]
