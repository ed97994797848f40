"""The incident layers: clustered points, a heat map, and areas for area-precision incidents."""

from __future__ import annotations

from typing import Any

from .base import Plugin


class ClusteredIncidents(Plugin):
    """Incident points coloured by type and sized by casualties, clustered at low zoom.

    Clustering runs in the browser (supercluster) over the shared data array, so a map of
    100,000 incidents holds one array, not 100,000 markers.
    """

    js = "points"

    def __init__(self, name: str = "Incidents", show: bool = True, radius: int = 55, max_zoom: int = 17) -> None:
        self.name, self.show, self.radius, self.max_zoom = name, show, radius, max_zoom

    def options(self) -> dict[str, Any]:
        return {"name": self.name, "show": self.show, "radius": self.radius, "maxZoom": self.max_zoom}


class IncidentHeatMap(Plugin):
    """A heat map of the incident points (Leaflet.heat), following the time slider."""

    js = "heat"

    def __init__(self, name: str = "Heat map", show: bool = False, radius: int = 16, blur: int = 14) -> None:
        self.name, self.show, self.radius, self.blur = name, show, radius, blur

    def options(self) -> dict[str, Any]:
        return {"name": self.name, "show": self.show, "radius": self.radius, "blur": self.blur}


class IncidentAreas(Plugin):
    """Incidents located only to a governorate, district, subdistrict or region, drawn as that area."""

    js = "areas"

    def __init__(self, name: str = "Incidents located to an area", show: bool = True) -> None:
        self.name, self.show = name, show

    def options(self) -> dict[str, Any]:
        return {"name": self.name, "show": self.show}
