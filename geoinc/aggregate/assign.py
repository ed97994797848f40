"""Fast, exact assignment of points to admin units and regions.

:class:`GridIndex` covers Syria with a lookup grid built by quadtree refinement: a cell whose
(slightly enlarged) box is *properly* inside every polygon it touches answers directly for every
point in it; only the points in the thin band of cells crossing a boundary are tested exactly
with vectorised shapely. The answer is therefore the same as the exact point-in-polygon test of
:meth:`geoinc.gazetteer.spatial.SpatialIndex.assign` (points on a border go to the smaller
pcode), only faster.

    >>> from geoinc.aggregate.assign import assign_points
    >>> assign_points(3, [36.2329], [33.4590])            # lon, lat
    array(['SY030900'], dtype=object)

The grid of each layer is built once (about a second) and cached under ``~/.cache/geoinc``
(``$GEOINC_CACHE`` to move it; nothing is cached if the folder cannot be written).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any, Sequence

import numpy as np
import shapely

__all__ = ["GridIndex", "grid_index", "assign_points", "region_members", "LEVELS"]

#: Layers that can be assigned: admin levels 1-3 and the named regions.
LEVELS = (1, 2, 3, "region")
_LEVEL_KEY = {"admin1": 1, "admin2": 2, "admin3": 3, "region": "region", 1: 1, 2: 2, 3: 3}

_COARSE = 1.0 / 8      # degrees: the first grid
_DEPTH = 6             # refinements: cells of 1/512 degree (~200 m) at the finest
_EPS = 1e-9            # boxes are enlarged by this much so float rounding at cell edges cannot matter
_BORDER = -1           # cell crosses a boundary: test its points exactly
_NONE = -2             # cell touches no polygon
_VERSION = 1


class GridIndex:
    """An exact point -> polygons lookup for one layer (partition or overlapping regions).

    ``ids`` and ``geoms`` are the layer's features. :meth:`first` gives each point the feature
    with the smallest id among those it intersects (-1 for none); :meth:`members` gives every
    (point, feature) pair.
    """

    def __init__(self, ids: Sequence[str], geoms: Sequence[Any], grid: np.ndarray | None = None,
                 origin: tuple[float, float] | None = None, combos: list[tuple[int, ...]] | None = None) -> None:
        self.ids = list(ids)
        self.geoms = list(geoms)
        shapely.prepare(self.geoms)
        self._garr = np.empty(len(self.geoms), dtype=object)
        self._garr[:] = self.geoms
        self._barr = shapely.boundary(self._garr)
        shapely.prepare(self._barr)
        self._tree = shapely.STRtree(self.geoms)
        # rank of each feature by id: border points go to the smallest id
        order = sorted(range(len(self.ids)), key=lambda i: self.ids[i])
        self._rank = np.empty(len(self.ids), dtype=np.int64)
        self._rank[order] = np.arange(len(self.ids))
        self.cell = _COARSE / 2**_DEPTH
        if grid is None:
            grid, origin, combos = self._build()
        self.grid, self.origin, self.combos = grid, origin, combos
        self._finish_combos()

    # ------------------------------------------------------------------ building
    def _build(self) -> tuple[np.ndarray, tuple[float, float], list[tuple[int, ...]]]:
        minx, miny, maxx, maxy = shapely.total_bounds(self.geoms)
        x0 = np.floor(minx / _COARSE) * _COARSE
        y0 = np.floor(miny / _COARSE) * _COARSE
        ncx = int(np.ceil((maxx - x0) / _COARSE)) + 1
        ncy = int(np.ceil((maxy - y0) / _COARSE)) + 1
        S = 2**_DEPTH
        grid = np.full((ncy * S, ncx * S), _NONE, dtype=np.int32)
        combos: dict[tuple[int, ...], int] = {}
        jj, ii = np.meshgrid(np.arange(ncy), np.arange(ncx), indexing="ij")
        cj, ci, size = jj.ravel() * S, ii.ravel() * S, S
        while len(ci):
            d = size * self.cell
            xs = x0 + ci * self.cell
            ys = y0 + cj * self.cell
            boxes = shapely.box(xs - _EPS, ys - _EPS, xs + d + _EPS, ys + d + _EPS)
            bi, fi = self._tree.query(boxes)  # bounding boxes only; predicates below use prepared geometries
            # a box that meets no boundary line of a polygon is either properly inside it or
            # outside it, which one corner tells; a box meeting a boundary is mixed
            crosses = shapely.intersects(self._barr[fi], boxes[bi])
            inside = ~crosses & shapely.intersects_xy(self._garr[fi], xs[bi], ys[bi])
            touch = crosses | inside
            bi, fi = bi[touch], fi[touch]
            proper = inside[touch]
            n_touch = np.bincount(bi, minlength=len(ci))
            n_proper = np.bincount(bi, weights=proper, minlength=len(ci)).astype(np.int64)
            pure = n_touch == n_proper
            for k in np.flatnonzero(n_touch == 0):
                grid[cj[k]:cj[k] + size, ci[k]:ci[k] + size] = _NONE
            order = np.argsort(bi, kind="stable")
            bi_s, fi_s = bi[order], fi[order]
            starts = np.searchsorted(bi_s, np.arange(len(ci)))
            for k in np.flatnonzero(pure & (n_touch > 0)):
                key = tuple(sorted(fi_s[starts[k]:starts[k] + n_touch[k]].tolist()))
                code = combos.setdefault(key, len(combos))
                grid[cj[k]:cj[k] + size, ci[k]:ci[k] + size] = code
            mixed = np.flatnonzero(~pure)
            if size == 1:
                for k in mixed:
                    grid[cj[k], ci[k]] = _BORDER
                break
            h = size // 2
            cj = np.concatenate([cj[mixed], cj[mixed], cj[mixed] + h, cj[mixed] + h])
            ci = np.concatenate([ci[mixed], ci[mixed] + h, ci[mixed], ci[mixed] + h])
            size = h
        combo_list = [None] * len(combos)
        for key, code in combos.items():
            combo_list[code] = key
        return grid, (float(x0), float(y0)), combo_list

    def _finish_combos(self) -> None:
        # CSR layout of the combinations, and the smallest-id member of each
        lens = np.array([len(c) for c in self.combos], dtype=np.int64)
        self._cptr = np.concatenate([[0], np.cumsum(lens)]).astype(np.int64)
        self._cfeat = np.array([f for c in self.combos for f in c], dtype=np.int64)
        self._cfirst = np.array([min(c, key=lambda f: self._rank[f]) for c in self.combos], dtype=np.int64)
        self._inv = 1.0 / self.cell
        if len(self.combos) < 2**15 - 1 and self.grid.dtype != np.int16:
            self.grid = self.grid.astype(np.int16)  # half the memory traffic of the look-ups
        self._flat = self.grid.ravel()

    # ------------------------------------------------------------------ look-ups
    def _codes(self, lons: np.ndarray, lats: np.ndarray) -> np.ndarray:
        """Grid code of each point: a combination index, _BORDER or _NONE."""
        ny, nx = self.grid.shape
        fx = lons - self.origin[0]
        fx *= self._inv
        fy = lats - self.origin[1]
        fy *= self._inv
        ok = (fx >= 0) & (fx < nx) & (fy >= 0) & (fy < ny)  # False for NaN too
        np.copyto(fx, 0.0, where=~ok)
        np.copyto(fy, 0.0, where=~ok)
        flat = fy.astype(np.int64)
        flat *= nx
        flat += fx.astype(np.int64)
        codes = self._flat.take(flat)
        np.copyto(codes, np.asarray(_NONE, dtype=codes.dtype), where=~ok)
        return codes

    def _exact_pairs(self, lons: np.ndarray, lats: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        pts = shapely.points(lons, lats)
        pi, fi = self._tree.query(pts)  # bounding boxes, then the exact test on prepared polygons
        hit = shapely.intersects_xy(self._garr[fi], lons[pi], lats[pi])
        return pi[hit], fi[hit]

    def first(self, lons, lats) -> np.ndarray:
        """Index of the feature with the smallest id containing (or touching) each point; -1 if none."""
        lons = np.ascontiguousarray(lons, dtype=np.float64)
        lats = np.ascontiguousarray(lats, dtype=np.float64)
        codes = self._codes(lons, lats)
        out = np.full(len(lons), -1, dtype=np.int64)
        hit = codes >= 0
        out[hit] = self._cfirst[codes[hit]]
        border = np.flatnonzero(codes == _BORDER)
        if len(border):
            pi, fi = self._exact_pairs(lons[border], lats[border])
            if len(pi):
                order = np.lexsort((self._rank[fi], pi))
                pi, fi = pi[order], fi[order]
                keep = np.concatenate([[True], pi[1:] != pi[:-1]])
                out[border[pi[keep]]] = fi[keep]
        return out

    def members(self, lons, lats) -> tuple[np.ndarray, np.ndarray]:
        """Every (point index, feature index) pair where the feature contains or touches the point."""
        lons = np.ascontiguousarray(lons, dtype=np.float64)
        lats = np.ascontiguousarray(lats, dtype=np.float64)
        codes = self._codes(lons, lats)
        hit = np.flatnonzero(codes >= 0)
        c = codes[hit]
        n = self._cptr[c + 1] - self._cptr[c]
        pts = np.repeat(hit, n)
        offs = np.arange(n.sum()) - np.repeat(np.cumsum(n) - n, n)
        feats = self._cfeat[np.repeat(self._cptr[c], n) + offs]
        border = np.flatnonzero(codes == _BORDER)
        if len(border):
            pi, fi = self._exact_pairs(lons[border], lats[border])
            pts = np.concatenate([pts, border[pi]])
            feats = np.concatenate([feats, fi])
        order = np.lexsort((feats, pts))
        return pts[order], feats[order]

    def assign(self, lons, lats) -> np.ndarray:
        """The id of :meth:`first` for each point (None outside every feature), as an object array."""
        idx = self.first(lons, lats)
        ids = np.array(self.ids + [None], dtype=object)
        return ids[idx]  # -1 picks the trailing None

    # ------------------------------------------------------------------ cache
    def save(self, path: Path) -> None:
        lens = np.array([len(c) for c in self.combos], dtype=np.int64)
        flat = np.array([f for c in self.combos for f in c], dtype=np.int64)
        tmp = path.with_name(path.name + f".{os.getpid()}.tmp.npz")
        np.savez_compressed(tmp, grid=self.grid, origin=np.array(self.origin), lens=lens, flat=flat)
        os.replace(tmp, path)

    @classmethod
    def load(cls, path: Path, ids, geoms) -> "GridIndex":
        with np.load(path) as z:
            lens, flat = z["lens"], z["flat"]
            ptr = np.concatenate([[0], np.cumsum(lens)])
            combos = [tuple(flat[ptr[i]:ptr[i + 1]].tolist()) for i in range(len(lens))]
            return cls(ids, geoms, grid=z["grid"], origin=(float(z["origin"][0]), float(z["origin"][1])), combos=combos)


_INDEXES: dict[tuple[str, Any], GridIndex] = {}


def _cache_dir() -> Path | None:
    from ..gazetteer.store import cache_dir

    return cache_dir()


def grid_index(level, gaz=None) -> GridIndex:
    """The (shared, cached) :class:`GridIndex` of a layer: 1, 2, 3, 'admin1'.. or 'region'."""
    from ..gazetteer import Gazetteer
    from ..gazetteer.spatial import _FILES

    key = _LEVEL_KEY.get(level)
    if key is None:
        raise ValueError(f"unknown level {level!r}: use admin1, admin2, admin3 or region")
    gaz = gaz or Gazetteer.load()
    ck = (str(gaz.path), key)
    if ck in _INDEXES:
        return _INDEXES[ck]
    ids, geoms, _ = gaz.spatial.layer(key)
    src = Path(gaz.path) / _FILES[key]
    digest = hashlib.sha256(src.read_bytes()).hexdigest()[:16]
    cdir = _cache_dir()
    cpath = cdir / f"grid-{key}-{digest}-v{_VERSION}-{_DEPTH}.npz" if cdir else None
    idx = None
    if cpath and cpath.is_file():
        try:
            idx = GridIndex.load(cpath, ids, geoms)
        except (OSError, ValueError, KeyError):
            idx = None
    if idx is None:
        idx = GridIndex(ids, geoms)
        if cpath:
            try:
                idx.save(cpath)
            except OSError:
                pass
    _INDEXES[ck] = idx
    return idx


def assign_points(level, lons, lats, gaz=None) -> np.ndarray:
    """The unit id (pcode) containing each point at ``level`` (1, 2, 3), None outside Syria.

    Exactly :meth:`SpatialIndex.assign` (a border point goes to the smaller pcode); fast for
    millions of points. Small inputs skip the grid and are tested directly.
    """
    from ..gazetteer import Gazetteer

    key = _LEVEL_KEY.get(level)
    if key not in (1, 2, 3):
        raise ValueError(f"assign_points needs admin level 1, 2 or 3, not {level!r}")
    lons = np.asarray(lons, dtype=np.float64)
    lats = np.asarray(lats, dtype=np.float64)
    gaz = gaz or Gazetteer.load()
    if len(lons) < 5000 and (str(gaz.path), key) not in _INDEXES:
        out = np.full(len(lons), None, dtype=object)
        ok = np.isfinite(lons) & np.isfinite(lats)
        if ok.any():
            out[ok] = np.array(gaz.spatial.assign(key, lons[ok], lats[ok]), dtype=object)
        return out
    return grid_index(key, gaz).assign(lons, lats)


def region_members(lons, lats, gaz=None) -> list[list[str]]:
    """For each point, the sorted ids of the regions containing (or touching) it."""
    from ..gazetteer import Gazetteer

    lons = np.asarray(lons, dtype=np.float64)
    lats = np.asarray(lats, dtype=np.float64)
    gaz = gaz or Gazetteer.load()
    out: list[list[str]] = [[] for _ in range(len(lons))]
    ok = np.flatnonzero(np.isfinite(lons) & np.isfinite(lats))
    if not len(ok):
        return out
    if len(ok) < 5000 and (str(gaz.path), "region") not in _INDEXES:
        pi, fi = gaz.spatial.contains("region", lons[ok], lats[ok])
        ids = gaz.spatial.layer("region")[0]
    else:
        idx = grid_index("region", gaz)
        pi, fi = idx.members(lons[ok], lats[ok])
        ids = idx.ids
    for p, f in zip(pi.tolist(), fi.tolist()):
        out[ok[p]].append(ids[f])
    for lst in out:
        lst.sort()
    return out
