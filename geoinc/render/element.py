"""The folium element that holds an incident map's data block and its plugins."""

from __future__ import annotations

from typing import Any

from branca.element import MacroElement
from folium.template import Template

from .data import encode_block, incident_payload
from .escape import json_for_script
from .plugins.base import Plugin

__all__ = ["IncidentMap"]


class IncidentMap(MacroElement):
    """Incidents on a folium map, drawn in the browser from one JSON data block.

    Parameters
    ----------
    incidents : GeoDataFrame
        The shared incident table (``geoinc.read_incidents``).
    plugins : list of Plugin
        Layers and controls, drawn in this order (base layers and overlays are listed in the
        layer control in the order they are added).
    gaz : Gazetteer, optional
        For area polygons and place search (default: the shared gazetteer).
    """

    _template = Template(
        """
        {% macro html(this, kwargs) %}
<script type="application/json" id="{{ this.block_id }}">{{ this.block }}</script>
<script type="application/json" id="{{ this.text_id }}">{{ this.text_block }}</script>
        {% endmacro %}
        {% macro script(this, kwargs) %}
var {{ this.get_name() }} = new geoinc.App({{ this._parent.get_name() }}, {{ this.app_options }});
{%- for js, opts in this.calls %}
{{ this.get_name() }}.use(geoinc.plugins.{{ js }}({{ opts }}));
{%- endfor %}
{{ this.get_name() }}.start();
        {% endmacro %}
        """
    )

    def __init__(self, incidents, plugins: list[Plugin], gaz=None, excerpt_chars: int = 280, collapsed: bool = True) -> None:
        super().__init__()
        self._name = "IncidentMap"
        if gaz is None:
            from ..gazetteer import Gazetteer

            gaz = Gazetteer.load()
        payload: dict[str, Any] = incident_payload(incidents, gaz, excerpt_chars=excerpt_chars)
        for p in plugins:
            payload.update(p.data(incidents, gaz))
        self.payload = payload
        self.plugins = list(plugins)
        self.block_id = self.get_name().replace("_", "-") + "-data"
        # report excerpts go in a second block, read after the map is drawn (only popups need them)
        texts = payload["pts"].pop("x")
        self.block = encode_block(payload)
        self.text_id = self.get_name().replace("_", "-") + "-text"
        self.text_block = encode_block({"x": texts})
        payload["pts"]["x"] = texts
        self.calls = [(p.js, json_for_script(p.options())) for p in self.plugins]
        self.app_options = json_for_script({"data": self.block_id, "text": self.text_id, "collapsed": collapsed})
