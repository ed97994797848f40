"""The records extraction produces: :class:`Mention` and :class:`Incident`.

Their ``to_dict`` methods give the JSON objects of ``geoinc extract`` (field names are a stable
interface that other commands and users' scripts read).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..gazetteer.place import Place
from .foreign import ForeignPlace

__all__ = ["Mention", "Incident", "ROLES", "INCIDENT_TYPES"]

ROLES = ("incident", "context", "foreign", "unresolved")
INCIDENT_TYPES = ("arrest", "raid", "attack", "strike", "clash", "explosion", "seizure", "other")


@dataclass
class Mention:
    """One place name found in a report.

    ``start``/``end`` are character offsets into the report's text; ``text`` is ``text[start:end]``
    (the name with the descriptors that change its meaning: 'Rural Damascus', 'ريف دير الزور',
    'southern Idlib'). ``place`` is the resolved gazetteer place (None for foreign or unresolved
    names); ``candidates`` the places it could have been.
    """

    text: str
    start: int
    end: int
    key: str = ""                      # folded core name that matched
    place: Place | None = None
    role: str = "context"
    confidence: float = 0.0
    foreign: ForeignPlace | None = None
    candidates: list[Place] = field(default_factory=list, repr=False)
    sentence: int = 0
    near: bool = False                 # 'near X', 'outskirts of X', 'X area'
    countryside: bool = False          # 'X countryside', 'ريف X'
    background: bool = False           # in a photo caption or told as past context
    extra: bool = False                # a derived mention ('its countryside', 'وريفها')
    handle: bool = False               # part of a local outlet's handle ('#Aleppo_News')

    @property
    def in_syria(self) -> bool:
        return self.place is not None and self.place.kind != "country"

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "text": self.text, "start": self.start, "end": self.end,
            "place": self.place.to_dict() if self.place else None,
            "role": self.role, "confidence": round(float(self.confidence), 3),
        }
        if self.foreign is not None:
            d["foreign"] = self.foreign.to_dict()
        return d


@dataclass
class Incident:
    """One event a report describes, tied to the mention(s) that say where it happened."""

    type: str = "other"
    location: Place | None = None
    precision: int = 3
    date: str | None = None
    date_text: str | None = None
    arrested: int | None = None
    killed: int | None = None
    injured: int | None = None
    mentions: list[int] = field(default_factory=list)
    sentences: list[int] = field(default_factory=list, repr=False)
    excerpt: str | None = None
    background: bool = False
    harm: bool = field(default=False, repr=False)  # its clause tells of people killed or injured
    weak: bool = field(default=False, repr=False)  # its place is only where people came from or were treated
    clause: tuple[int, int, int] | None = field(default=None, repr=False)  # sentence, folded span of its group

    def to_dict(self) -> dict[str, Any]:
        return {
            "location": self.location.to_dict() if self.location else None,
            "precision": self.precision, "date": self.date, "date_text": self.date_text,
            "type": self.type, "arrested": self.arrested, "killed": self.killed, "injured": self.injured,
            "mentions": list(self.mentions), "excerpt": self.excerpt,
        }
