"""Interactive incident maps (folium + Leaflet), drawn from one data block in the browser.

::

    import geoinc
    m = geoinc.explore(incidents)            # a folium.Map
    geoinc.save_map(m, "maps/x.html")        # atomic; offline maps inline every asset

See :func:`geoinc.render.builder.build_map` for the layers and controls, and
:mod:`geoinc.render.plugins` for the pieces.
"""

from __future__ import annotations

from .builder import build_map, explore, render_html, save_map

__all__ = ["build_map", "explore", "render_html", "save_map"]
