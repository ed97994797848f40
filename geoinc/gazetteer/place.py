"""The :class:`Place` record returned by every resolver."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

__all__ = ["Place", "KINDS", "ADMIN_KINDS", "CITY_RANK", "CAPITAL_GOVERNORATE"]

#: The rank the gazetteer gives a populated place by its OCHA capital level (0 national capital,
#: 1 governorate capital, 2 district seat, 3 subdistrict seat); other villages rank 20.
CITY_RANK = {0: 95, 1: 92, 2: 68, 3: 48}
CAPITAL_GOVERNORATE = "SY01"  # Damascus governorate, whose seat is the national capital

#: Kinds of gazetteer entries, from the largest to the smallest.
KINDS = ("country", "governorate", "region", "district", "subdistrict", "town", "neighbourhood", "site")
ADMIN_KINDS = ("governorate", "district", "subdistrict")


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry, with the score of the match that found it.

    ``id`` is the OCHA pcode (SY05 governorate, SY0501 district, SY050100 subdistrict, C2987
    populated place, C1001xxxx Damascus neighbourhood), a GeoNames id (``GN...``) for the few
    GeoNames places OCHA lacks, ``SY`` for the country, or a region id from ``regions.toml``.
    """

    id: str
    name: str
    name_ar: str | None
    kind: str
    lat: float
    lon: float
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    score: float = 1.0
    rank: int = 0
    population: int | None = None
    aliases: tuple[str, ...] = field(default=(), repr=False, compare=False)
    #: how well the name's spelling matched (1.0 exact), before hints and namesakes lowered ``score``
    match: float = field(default=1.0, repr=False, compare=False)
    #: the area of an area entry (governorate, district, subdistrict, region), in km²
    area_km2: float | None = field(default=None, repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """The PLACE object of the JSON outputs (field names are a stable interface)."""
        return {
            "id": self.id,
            "name": self.name,
            "name_ar": self.name_ar,
            "kind": self.kind,
            "lat": self.lat,
            "lon": self.lon,
            "admin1": self.admin1,
            "admin2": self.admin2,
            "admin3": self.admin3,
            "score": round(self.score, 3),
        }

    def with_score(self, score: float, match: float | None = None) -> "Place":
        """A copy with another ``score`` (and ``match``)."""
        return Place(self.id, self.name, self.name_ar, self.kind, self.lat, self.lon, self.admin1, self.admin2,
                     self.admin3, float(score), self.rank, self.population, self.aliases,
                     float(self.match if match is None else match), self.area_km2)

    @property
    def is_area(self) -> bool:
        """True for entries that stand for an area rather than a point (governorates, regions...)."""
        return self.kind in ("country", "governorate", "district", "subdistrict", "region")

    @property
    def point(self):
        """The representative point as a shapely Point (longitude, latitude)."""
        from shapely.geometry import Point

        return Point(self.lon, self.lat)

    def __str__(self) -> str:
        return f"{self.name} ({self.kind}, {self.id})"


# with_score passes the fields by position: keep it in step with the class
if [f.name for f in fields(Place)] != ["id", "name", "name_ar", "kind", "lat", "lon", "admin1", "admin2", "admin3",
                                       "score", "rank", "population", "aliases", "match", "area_km2"]:
    raise RuntimeError("Place.with_score must list Place's fields in order")
