"""The plugin base class."""

from __future__ import annotations

from typing import Any


class Plugin:
    """One layer or control of an incident map.

    ``js`` names the plugin function in ``geoinc-map.js``; :meth:`options` are its settings
    (written into the page as JSON); :meth:`data` adds entries to the map's data block.
    """

    js: str = ""

    def options(self) -> dict[str, Any]:
        return {}

    def data(self, incidents, gaz) -> dict[str, Any]:
        return {}
