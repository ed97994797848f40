"""Controls and the basemap: title, legend, time slider, place search, fullscreen/scale, tiles."""

from __future__ import annotations

from typing import Any

from .base import Plugin

#: Attribution of the gazetteer's sources (see gazetteer/SOURCES.md).
GAZETTEER_ATTRIBUTION = (
    "Boundaries and places: OCHA COD-AB and COD-PP (CC BY-IGO 3.0), Open-Syria (CC BY 4.0), "
    "GeoNames (CC BY 4.0), Natural Earth; map by geoinc"
)

#: Web tile layers offered when the map is not offline: (name, url template, attribution).
TILES = {
    "osm": ("OpenStreetMap", "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
            "&copy; OpenStreetMap contributors", 19),
    "positron": ("CartoDB Positron", "https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}{r}.png",
                 "&copy; OpenStreetMap contributors &copy; CARTO", 19),
}


class Basemap(Plugin):
    """Web tiles (online) and the gazetteer's own boundaries (always; the only base when offline)."""

    js = "basemap"

    def __init__(self, tiles: tuple[str, ...] = ("positron", "osm"), offline: bool = False) -> None:
        unknown = [t for t in tiles if t not in TILES]
        if unknown:
            raise ValueError(f"unknown tiles {unknown[0]!r}; choose from {', '.join(TILES)}")
        self.tiles, self.offline = tuple(tiles), offline

    def data(self, incidents, gaz) -> dict[str, Any]:
        from ..geo import basemap_features

        return {"basemap": basemap_features()}

    def options(self) -> dict[str, Any]:
        tiles = [] if self.offline else [
            {"name": TILES[t][0], "url": TILES[t][1], "attribution": TILES[t][2], "maxZoom": TILES[t][3]} for t in self.tiles]
        return {"tiles": tiles, "offline": self.offline, "attribution": [GAZETTEER_ATTRIBUTION],
                "boundariesName": "Boundaries only (offline)"}


class MapControls(Plugin):
    """Fullscreen button, metric scale bar, and the initial view."""

    js = "controls"

    def __init__(self, fullscreen: bool = True, scale: bool = True, bounds: list[float] | None = None) -> None:
        self.fullscreen, self.scale, self.bounds = fullscreen, scale, bounds

    def options(self) -> dict[str, Any]:
        return {"fullscreen": self.fullscreen, "scale": self.scale, "bounds": self.bounds}


class MapTitle(Plugin):
    """The title and the period covered (shown as text, never as HTML)."""

    js = "title"

    def __init__(self, title: str) -> None:
        self.title = title

    def options(self) -> dict[str, Any]:
        return {"title": self.title}


class TypeLegend(Plugin):
    """The categorical legend of incident types, with counts."""

    js = "legend"

    def __init__(self, title: str = "Incident type") -> None:
        self.title = title

    def options(self) -> dict[str, Any]:
        return {"title": self.title}


class TimeSlider(Plugin):
    """A slider and play button that show incidents up to a date (or in a moving window)."""

    js = "time"

    def __init__(self, frames: int = 120, interval_ms: int = 200) -> None:
        self.frames, self.interval_ms = frames, interval_ms

    def options(self) -> dict[str, Any]:
        return {"frames": self.frames, "interval": self.interval_ms}


class PlaceSearch(Plugin):
    """A search box over place names (English and Arabic) that zooms to the place."""

    js = "search"

    def __init__(self, placeholder: str | None = None) -> None:
        self.placeholder = placeholder

    def data(self, incidents, gaz) -> dict[str, Any]:
        from ..geo import search_entries

        return {"search": search_entries(incidents, gaz)}

    def options(self) -> dict[str, Any]:
        return {"placeholder": self.placeholder} if self.placeholder else {}
