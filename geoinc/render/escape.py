"""Escaping helpers: report text is untrusted and must never run as code in a map.

The maps never put report text into HTML or JavaScript source. It travels in a JSON data block
(:func:`json_for_script`) and the map's own script shows it with ``textContent``. These helpers
make the few places where Python writes text into the page safe as well.
"""

from __future__ import annotations

import html
import json
import math
from typing import Any
from urllib.parse import urlsplit

__all__ = ["json_for_script", "escape_html", "safe_url", "clip_text"]

_SCRIPT_ESCAPES = {
    ord("<"): "\\u003c",
    ord(">"): "\\u003e",
    ord("&"): "\\u0026",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}


def _default(o: Any) -> Any:
    if hasattr(o, "item"):  # numpy scalars
        return o.item()
    if hasattr(o, "isoformat"):
        return o.isoformat()
    raise TypeError(f"not JSON serialisable: {type(o).__name__}")


def json_for_script(obj: Any) -> str:
    """JSON text that is safe inside ``<script>`` (no ``</script>``, ``<!--``, U+2028/2029).

    ``<``, ``>`` and ``&`` become ``\\u003c``-style escapes, which JSON and JavaScript read back as
    the same characters, so the text shows exactly as written. NaN and infinities become null.
    """
    try:
        s = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), default=_default, allow_nan=False)
    except ValueError:  # a NaN somewhere: clean the whole object (slower)
        s = json.dumps(_clean(obj), ensure_ascii=False, separators=(",", ":"), default=_default, allow_nan=False)
    return s.translate(_SCRIPT_ESCAPES)


def _clean(o: Any) -> Any:
    if isinstance(o, float):
        return o if math.isfinite(o) else None
    if isinstance(o, dict):
        return {str(k): _clean(v) for k, v in o.items()}
    if isinstance(o, (list, tuple)):
        return [_clean(v) for v in o]
    return o


def escape_html(text: Any) -> str:
    """Escape text for HTML element content and quoted attributes (``& < > " '``)."""
    return html.escape("" if text is None else str(text), quote=True)


def safe_url(url: Any) -> str | None:
    """``url`` if it is an absolute http(s) URL with a host, else None (no ``javascript:``, ``data:``...)."""
    if not isinstance(url, str):
        return None
    u = url.strip()
    if not u or any(ord(c) < 0x20 or c == "\x7f" for c in u):
        return None
    try:
        parts = urlsplit(u)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return u


def clip_text(text: Any, limit: int) -> str | None:
    """``text`` shortened to at most ``limit`` characters (ending in an ellipsis when cut)."""
    if text is None or (isinstance(text, float) and text != text):
        return None
    s = str(text).strip()
    if not s:
        return None
    if len(s) <= limit:
        return s
    cut = s[: limit - 1]
    sp = cut.rfind(" ")
    if sp > limit * 0.6:
        cut = cut[:sp]
    return cut + "…"
