"""``SyriaGazetteer``: a geopy Geocoder that answers from the offline gazetteer (no network)."""

from __future__ import annotations

from typing import Any

from geopy.distance import geodesic
from geopy.geocoders.base import Geocoder
from geopy.location import Location

__all__ = ["SyriaGazetteer"]


class SyriaGazetteer(Geocoder):
    """Geocode Syrian place names offline, with geopy's interface.

    >>> from geoinc.geocoders import SyriaGazetteer
    >>> loc = SyriaGazetteer().geocode("Palmyra")
    >>> round(loc.latitude, 1), round(loc.longitude, 1)
    (34.6, 38.3)

    ``geocode(query, exactly_one=True, admin1=None, kind=None)`` returns a geopy ``Location``
    (or a list of them), whose ``raw`` is the PLACE dict; ``reverse((lat, lon))`` returns the
    nearest populated place (or the subdistrict containing the point when ``kind`` is set to
    'subdistrict'), with the containing admin units in ``raw``.
    """

    def __init__(self, gazetteer=None, min_score: float = 0.6, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        from ..gazetteer import Gazetteer

        self.gazetteer = gazetteer or Gazetteer.load()
        self.min_score = min_score
        self._towns = None

    @staticmethod
    def _location(place, extra: dict | None = None) -> Location:
        raw = place.to_dict()
        if extra:
            raw.update(extra)
        address = place.name + (f" ({place.name_ar})" if place.name_ar else "")
        return Location(address, (place.lat, place.lon), raw)

    def geocode(self, query: str, *, exactly_one: bool = True, admin1: str | None = None,
                kind: str | None = None, limit: int = 10, timeout=None):
        """Resolve ``query``; None when nothing matches well enough."""
        cands = [c for c in self.gazetteer.candidates(query, admin1=admin1, kind=kind, limit=limit) if c.score >= self.min_score]
        if not cands:
            return None
        if exactly_one:
            return self._location(cands[0])
        return [self._location(c) for c in cands]

    def reverse(self, query, *, exactly_one: bool = True, kind: str = "town", limit: int = 5, timeout=None):
        """Nearest places of ``kind`` to ``(lat, lon)`` (geodesic distance, km in ``raw['distance_km']``)."""
        from geopy.point import Point as GPoint

        pt = GPoint(query)
        lat, lon = pt.latitude, pt.longitude
        units = self.gazetteer.admin_units((lat, lon))
        if kind in ("governorate", "district", "subdistrict"):
            code = units[{"governorate": "admin1", "district": "admin2", "subdistrict": "admin3"}[kind]]
            if code is None:
                return None
            loc = self._location(self.gazetteer.get(code), {"distance_km": 0.0, "units": units})
            return loc if exactly_one else [loc]
        if self._towns is None:
            import numpy as np

            towns = [p for p in self.gazetteer if p.kind == kind]
            self._towns = (towns, np.array([[p.lat, p.lon] for p in towns]))
        towns, arr = self._towns
        import numpy as np

        approx = (arr[:, 0] - lat) ** 2 + ((arr[:, 1] - lon) * np.cos(np.radians(lat))) ** 2
        order = np.argsort(approx)[: max(limit, 1) * 3]
        scored = sorted(((geodesic((lat, lon), (towns[i].lat, towns[i].lon)).km, towns[i]) for i in order), key=lambda t: t[0])
        locs = [self._location(p, {"distance_km": round(d, 3), "units": units}) for d, p in scored[:limit]]
        if not locs:
            return None
        return locs[0] if exactly_one else locs
