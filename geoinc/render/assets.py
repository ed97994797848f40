"""The JavaScript and CSS a map needs, vendored under ``geoinc/render/assets/``.

Each asset has a pinned CDN address (used by online maps) and a local copy taken from the npm
package of the same version (inlined by ``--offline`` maps). ``assets/README.md`` says where each
file came from; each folder keeps its LICENSE.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

__all__ = ["Asset", "JS", "CSS", "asset_dir", "read_asset", "inline_css"]

_CDN = "https://cdn.jsdelivr.net/npm/"


@dataclass(frozen=True)
class Asset:
    """A vendored file: its name in folium's header, local path and pinned CDN address."""

    name: str
    path: str  # relative to assets/
    url: str | None  # None: the project's own file, always inlined


#: Scripts, in load order.
JS: tuple[Asset, ...] = (
    Asset("leaflet", "leaflet/leaflet.js", _CDN + "leaflet@1.9.4/dist/leaflet.js"),
    Asset("supercluster", "supercluster/supercluster.min.js", _CDN + "supercluster@8.0.1/dist/supercluster.min.js"),
    Asset("leaflet_heat", "leaflet.heat/leaflet-heat.js", _CDN + "leaflet.heat@0.2.0/dist/leaflet-heat.js"),
    Asset("leaflet_fullscreen", "leaflet.fullscreen/Control.FullScreen.js", _CDN + "leaflet.fullscreen@3.0.0/Control.FullScreen.js"),
    Asset("geoinc_map", "geoinc/geoinc-map.js", None),
)

#: Stylesheets.
CSS: tuple[Asset, ...] = (
    Asset("leaflet_css", "leaflet/leaflet.css", _CDN + "leaflet@1.9.4/dist/leaflet.css"),
    Asset("leaflet_fullscreen_css", "leaflet.fullscreen/Control.FullScreen.css", _CDN + "leaflet.fullscreen@3.0.0/Control.FullScreen.css"),
    Asset("geoinc_map_css", "geoinc/geoinc-map.css", None),
)


def asset_dir() -> Path:
    """The folder holding the vendored files."""
    return Path(__file__).resolve().parent / "assets"


@lru_cache(maxsize=None)
def read_asset(path: str) -> str:
    """The text of a vendored file (CSS has its ``url(...)`` images inlined as data URIs)."""
    p = asset_dir() / path
    text = p.read_text(encoding="utf-8")
    if p.suffix == ".css":
        text = inline_css(text, p.parent)
    return text


_URL_RE = re.compile(r"url\((['\"]?)([^)'\"]+)\1\)")
_MIME = {".png": "image/png", ".svg": "image/svg+xml", ".gif": "image/gif"}


def inline_css(css: str, base: Path) -> str:
    """Replace relative ``url(file)`` references in ``css`` with data URIs of files under ``base``."""

    def sub(m: re.Match) -> str:
        ref = m.group(2)
        if ref.startswith(("data:", "#", "http:", "https:")):
            return m.group(0)
        f = (base / ref).resolve()
        if f.suffix not in _MIME or not f.is_file():
            return m.group(0)
        data = base64.b64encode(f.read_bytes()).decode("ascii")
        return f"url(data:{_MIME[f.suffix]};base64,{data})"

    return _URL_RE.sub(sub, css)
