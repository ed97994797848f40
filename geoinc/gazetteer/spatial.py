"""Point-in-polygon look-ups against the gazetteer's boundaries (shapely STRtree)."""

from __future__ import annotations

import hashlib
import json
import os
import pickle
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from shapely.geometry import shape
from shapely.strtree import STRtree

__all__ = ["SpatialIndex"]

_FILES = {
    1: "admin1.geojson",
    2: "admin2.geojson",
    3: "admin3.geojson",
    "region": "regions.geojson",
    "neighbourhood": "damascus_neighbourhoods.geojson",
}


class SpatialIndex:
    """Boundaries of the gazetteer, loaded lazily, with exact point-in-polygon look-ups.

    A point on the border of two units is given to the unit with the smaller pcode, so every
    point gets exactly one unit per level (the same rule as the aggregation module uses).
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._layers: dict[Any, tuple[list[str], list[Any], list[dict]]] = {}
        self._trees: dict[Any, STRtree] = {}

    def layer(self, key) -> tuple[list[str], list[Any], list[dict]]:
        """(ids, geometries, properties) of a layer: 1, 2, 3, 'region' or 'neighbourhood'.

        Parsed from the GeoJSON once, then kept as WKB in the cache folder (keyed by the file's
        hash), which loads several times faster."""
        if key not in self._layers:
            raw = (self.path / _FILES[key]).read_bytes()
            cached = self._cache_file(key, raw)
            got = None
            if cached is not None and cached.is_file():
                try:
                    with open(cached, "rb") as fh:
                        ids, wkb, props = pickle.load(fh)
                    got = (ids, list(shapely.from_wkb(wkb)), props)
                except Exception:  # a damaged or foreign cache file: rebuild it
                    got = None
            if got is None:
                fc = json.loads(raw.decode("utf-8"))
                ids, geoms, props = [], [], []
                for f in fc["features"]:
                    p = f["properties"]
                    ids.append(p.get("pcode") or p.get("id"))
                    geoms.append(shape(f["geometry"]))
                    props.append(p)
                got = (ids, geoms, props)
                if cached is not None:
                    try:
                        tmp = cached.with_suffix(f".{os.getpid()}.tmp")
                        with open(tmp, "wb") as fh:
                            pickle.dump((ids, shapely.to_wkb(geoms), props), fh, protocol=pickle.HIGHEST_PROTOCOL)
                        os.replace(tmp, cached)
                    except OSError:
                        pass
            shapely.prepare(got[1])
            self._layers[key] = got
        return self._layers[key]

    @staticmethod
    def _cache_file(key, raw: bytes) -> Path | None:
        from .store import cache_dir

        d = cache_dir()
        if d is None:
            return None
        digest = hashlib.sha256(raw).hexdigest()[:16]
        return d / f"layer-{key}-{digest}-s{shapely.__version__}.pkl"

    def tree(self, key) -> STRtree:
        if key not in self._trees:
            self._trees[key] = STRtree(self.layer(key)[1])
        return self._trees[key]

    def geometry(self, pid: str):
        """The polygon of ``pid`` (admin unit, region or neighbourhood), or None."""
        if pid.startswith("SY") and pid[2:].isdigit():
            key = {2: 1, 4: 2, 6: 3}.get(len(pid) - 2)
        elif pid.startswith("C1001") and len(pid) > 6:
            key = "neighbourhood"
        elif pid[:1].islower():
            key = "region"
        else:
            return None
        if key is None:
            return None
        ids, geoms, _ = self.layer(key)
        try:
            return geoms[ids.index(pid)]
        except ValueError:
            return None

    def contains(self, key, lons, lats) -> tuple[np.ndarray, np.ndarray]:
        """All (point index, feature index) pairs where feature contains or touches the point.

        Bounding boxes from the STRtree first, then an exact vectorised test against the
        prepared polygons (``shapely.intersects_xy``), about ten times faster than a predicate
        query on point geometries."""
        x = np.asarray(lons, dtype=float)
        y = np.asarray(lats, dtype=float)
        pts = shapely.points(x, y)
        pi, fi = self.tree(key).query(pts)
        if len(pi) == 0:
            return pi, fi
        geoms = np.asarray(self.layer(key)[1], dtype=object)
        ok = shapely.intersects_xy(geoms[fi], x[pi], y[pi])
        return pi[ok], fi[ok]

    def assign(self, key, lons, lats) -> list[str | None]:
        """One id per point for a partition layer (admin levels): smallest pcode on borders."""
        ids = self.layer(key)[0]
        out: list[str | None] = [None] * len(lons)
        pi, fi = self.contains(key, lons, lats)
        for p, f in zip(pi.tolist(), fi.tolist()):
            cur = out[p]
            if cur is None or ids[f] < cur:
                out[p] = ids[f]
        return out

    def locate(self, lon: float, lat: float) -> dict[str, Any]:
        a3 = self.assign(3, [lon], [lat])[0]
        admin1 = admin2 = None
        if a3 is not None:
            props = self.layer(3)[2][self.layer(3)[0].index(a3)]
            admin1, admin2 = props["admin1"], props["admin2"]
        _, fi = self.contains("region", [lon], [lat])
        rids = self.layer("region")[0]
        regions = sorted({rids[i] for i in fi.tolist()})
        nb = None
        if admin1 == "SY01" or admin1 is None:
            n = self.assign("neighbourhood", [lon], [lat])[0]
            nb = n
        return {"admin1": admin1, "admin2": admin2, "admin3": a3, "regions": regions, "neighbourhood": nb}
