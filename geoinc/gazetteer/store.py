"""Where the built gazetteer data lives, and reading its files."""

from __future__ import annotations

import json
import os
from pathlib import Path

__all__ = ["data_dir", "read_geojson", "cache_dir"]

ENV_VAR = "GEOINC_GAZETTEER"


def data_dir(path: str | os.PathLike | None = None) -> Path:
    """The folder holding ``places.jsonl`` and friends.

    Looked up in order: ``path``; ``$GEOINC_GAZETTEER``; ``geoinc/_gazetteer`` (installed wheel);
    the project's ``gazetteer/`` beside the package (a source checkout or editable install).
    """
    cands = []
    if path:
        cands.append(Path(path))
    if os.environ.get(ENV_VAR):
        cands.append(Path(os.environ[ENV_VAR]))
    here = Path(__file__).resolve().parent.parent
    cands += [here / "_gazetteer", here.parent / "gazetteer"]
    for c in cands:
        if (c / "places.jsonl").is_file():
            return c
    raise FileNotFoundError(
        "no built gazetteer found (looked in: " + ", ".join(str(c) for c in cands) + "); "
        "build it with: python -m geoinc.gazetteer.build ../shared/data"
    )


def read_geojson(name: str, path: str | os.PathLike | None = None) -> dict:
    """Parse one GeoJSON file of the gazetteer folder (e.g. ``admin3.geojson``)."""
    return json.loads((data_dir(path) / name).read_text(encoding="utf-8"))


def cache_dir() -> Path | None:
    """Folder for derived caches (``$GEOINC_CACHE``, default ``~/.cache/geoinc``); None when it
    cannot be written, in which case nothing is cached and everything still works."""
    d = Path(os.environ.get("GEOINC_CACHE") or Path.home() / ".cache" / "geoinc")
    try:
        d.mkdir(parents=True, exist_ok=True)
        return d if os.access(d, os.W_OK) else None
    except OSError:
        return None
