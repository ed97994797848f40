"""Build and save incident maps: ``build_map``/``explore`` and ``save_map``."""

from __future__ import annotations

import os
import re
from typing import Any

from .assets import CSS, JS, read_asset
from .escape import escape_html

__all__ = ["build_map", "explore", "save_map", "SYRIA_BOUNDS"]

#: lon_min, lat_min, lon_max, lat_max of Syria.
SYRIA_BOUNDS = [35.6, 32.3, 42.4, 37.35]


def _bounds(incidents) -> list[float]:
    import numpy as np

    if incidents is None or not len(incidents):
        return SYRIA_BOUNDS
    lat = incidents["lat"].to_numpy(dtype=float)
    lon = incidents["lon"].to_numpy(dtype=float)
    ok = ~(np.isnan(lat) | np.isnan(lon))
    if not ok.any():
        return SYRIA_BOUNDS
    b = [float(lon[ok].min()), float(lat[ok].min()), float(lon[ok].max()), float(lat[ok].max())]
    if b[2] - b[0] < 0.2:
        b[0], b[2] = b[0] - 0.1, b[2] + 0.1
    if b[3] - b[1] < 0.2:
        b[1], b[3] = b[1] - 0.1, b[3] + 0.1
    return [round(x, 4) for x in b]


def build_map(
    incidents,
    title: str | None = None,
    offline: bool = False,
    tiles: tuple[str, ...] = ("positron", "osm"),
    choropleth_levels: tuple[int, ...] = (1, 2, 3),
    counts: dict | None = None,
    heat: bool = True,
    time_slider: bool = True,
    search: bool = True,
    gaz=None,
    excerpt_chars: int = 280,
    width: str = "100%",
    height: str = "100%",
):
    """An interactive folium map of ``incidents`` (the shared incident table).

    Incident points coloured by type and sized by casualties, clustered at low zoom; area-precision
    incidents drawn as their area; choropleths by governorate, district and subdistrict; a heat
    map; a time slider; place search; fullscreen, scale bar, layer control, title and period.
    ``offline=True`` uses the gazetteer's boundaries as the basemap (no web tiles); pass it again
    to :func:`save_map` to inline every script and stylesheet.

    Returns a ``folium.Map``; everything drawn from report text is escaped.
    """
    import folium

    from .element import IncidentMap
    from .plugins import (Basemap, Choropleth, ClusteredIncidents, IncidentAreas, IncidentHeatMap, MapControls,
                          MapTitle, PlaceSearch, TimeSlider, TypeLegend)

    if title is None:
        title = "Security incidents in Syria"
    b = _bounds(incidents)
    m = folium.Map(location=[(b[1] + b[3]) / 2, (b[0] + b[2]) / 2], zoom_start=7, tiles=None, prefer_canvas=True,
                   control_scale=False, width=width, height=height, max_zoom=18)
    m.default_js = [(a.name, a.url) for a in JS if a.url]
    m.default_css = [(a.name, a.url) for a in CSS if a.url]
    m._geoinc_offline = offline
    fig = m.get_root()
    fig.title = escape_html(title)
    plugins = [Basemap(tiles=tiles, offline=offline)]
    if choropleth_levels:
        plugins.append(Choropleth(levels=choropleth_levels, show=choropleth_levels[0], counts=counts))
    plugins.append(IncidentAreas())
    if heat:
        plugins.append(IncidentHeatMap())
    plugins.append(ClusteredIncidents())
    plugins += [MapTitle(title), TypeLegend(), MapControls(bounds=b)]
    if time_slider:
        plugins.append(TimeSlider())
    if search:
        plugins.append(PlaceSearch())
    IncidentMap(incidents, plugins, gaz=gaz, excerpt_chars=excerpt_chars).add_to(m)
    from branca.element import Element

    for a in CSS:
        if a.url is None:
            fig.header.add_child(Element(f"<style>{read_asset(a.path)}</style>"), name=a.name)
    for a in JS:
        if a.url is None:
            fig.header.add_child(Element(f"<script>{_script_text(read_asset(a.path))}</script>"), name=a.name)
    return m


def explore(incidents, **kwargs: Any):
    """``geoinc.explore(incidents)``: the interactive map as a ``folium.Map`` (see :func:`build_map`)."""
    return build_map(incidents, **kwargs)


def _script_text(js: str) -> str:
    return re.sub(r"</(script)", r"<\\/\1", js, flags=re.IGNORECASE)


_LINK_RE = re.compile(r'<link rel="stylesheet" href="([^"]+)"\s*/?>')
_SCRIPT_RE = re.compile(r'<script src="([^"]+)"></script>')


def render_html(m, offline: bool | None = None) -> str:
    """The map's HTML; with ``offline`` every vendored script and stylesheet is inlined.

    Raises ValueError if an offline map would still load anything from the network.
    """
    if offline is None:
        offline = bool(getattr(m, "_geoinc_offline", False))
    html = m.get_root().render()
    if not offline:
        return html
    by_url = {a.url: a for a in (*JS, *CSS) if a.url}

    def css(mo: re.Match) -> str:
        a = by_url.get(mo.group(1))
        if a is None:
            raise ValueError(f"offline map needs {mo.group(1)}, which is not vendored")
        return f"<style>{read_asset(a.path)}</style>"

    def js(mo: re.Match) -> str:
        a = by_url.get(mo.group(1))
        if a is None:
            raise ValueError(f"offline map needs {mo.group(1)}, which is not vendored")
        return f"<script>{_script_text(read_asset(a.path))}</script>"

    html = _LINK_RE.sub(css, html)
    html = _SCRIPT_RE.sub(js, html)
    return html


def save_map(m, path: str | os.PathLike, offline: bool | None = None) -> None:
    """Write the map to ``path`` atomically (``offline``: inline everything; default: as built)."""
    from ..io.atomic import atomic_write

    html = render_html(m, offline)
    with atomic_write(path) as fh:
        fh.write(html)
