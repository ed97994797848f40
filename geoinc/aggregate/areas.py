"""Areas of admin units and regions in km², computed in an equal-area projection (pyproj).

The projection is a Lambert azimuthal equal-area centred on Syria (38.5° E, 35° N): areas are
exact up to the accuracy of the polygons, unlike areas in square degrees, which shrink with the
cosine of the latitude.
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["EQUAL_AREA_CRS", "unit_areas_km2", "area_km2"]

#: PROJ string of the equal-area projection used for areas and densities.
EQUAL_AREA_CRS = "+proj=laea +lat_0=35 +lon_0=38.5 +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs"


@lru_cache(maxsize=1)
def _transformer():
    from pyproj import Transformer

    return Transformer.from_crs("EPSG:4326", EQUAL_AREA_CRS, always_xy=True)


def area_km2(geom) -> float:
    """Area of a (lon, lat) shapely geometry in km², in the equal-area projection."""
    import shapely

    if geom is None or geom.is_empty:
        return 0.0
    projected = shapely.transform(geom, lambda xy: _project(xy))
    return float(shapely.area(projected)) / 1e6


def _project(xy):
    import numpy as np

    x, y = _transformer().transform(xy[:, 0], xy[:, 1])
    return np.column_stack([x, y])


@lru_cache(maxsize=None)
def _areas(gaz_path: str, key) -> dict[str, float]:
    from ..gazetteer import Gazetteer

    ids, geoms, _ = Gazetteer.load(gaz_path).spatial.layer(key)
    return {i: area_km2(g) for i, g in zip(ids, geoms)}


def unit_areas_km2(level, gaz=None) -> dict[str, float]:
    """{unit id: area in km²} for admin level 1, 2, 3 (or 'admin1'...) or 'region'."""
    from ..gazetteer import Gazetteer
    from .assign import _LEVEL_KEY

    key = _LEVEL_KEY.get(level)
    if key is None:
        raise ValueError(f"unknown level {level!r}")
    gaz = gaz or Gazetteer.load()
    return _areas(str(gaz.path), key)
