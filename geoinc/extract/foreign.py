"""Places outside Syria (``data/foreign_places.tsv``): recognised so they are never placed in Syria."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..text.normalize import fold

__all__ = ["ForeignPlace", "foreign_places", "FOREIGN_DATA"]

FOREIGN_DATA = Path(__file__).with_name("data") / "foreign_places.tsv"


@dataclass(frozen=True, slots=True)
class ForeignPlace:
    """A place outside Syria: the name as listed, its ISO country code (``XX`` for wider regions)
    and its kind (country, city, region). ``exact_case`` names (US, UK) match only in capitals."""

    name: str
    country: str
    kind: str
    exact_case: bool = False

    def to_dict(self) -> dict:
        return {"name": self.name, "country": self.country, "kind": self.kind}


@lru_cache(maxsize=1)
def foreign_places() -> dict[str, ForeignPlace]:
    """Folded name -> :class:`ForeignPlace` for every line of the data file."""
    out: dict[str, ForeignPlace] = {}
    for line in FOREIGN_DATA.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, country, kind = (line.split("\t") + ["", ""])[:3]
        name = name.strip()
        key = fold(name)
        if not key:
            continue
        exact = name.isupper() and len(name.replace(".", "")) <= 3
        out.setdefault(key, ForeignPlace(name, country.strip() or "XX", kind.strip() or "place", exact))
    return out
