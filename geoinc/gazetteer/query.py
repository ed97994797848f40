"""Parse a free-form place string into the name to look up and the hints around it.

'Teir Maaleh village' -> name 'Teir Maaleh', kind town; 'محافظة حماه' -> 'حماه', governorate;
'Deir ez-Zor countryside' / 'ريف دير الزور' -> governorate of Deir ez-Zor; 'Road between As Salamiyah
and Homs in Homs Governorate' -> 'As Salamiyah' with admin1 hint 'Homs', near; 'Southern Idlib
Governorate' -> 'Idlib', governorate, with a direction; 'Hama northern countryside' and "Aleppo's
western countryside" -> the governorate, with a direction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..text.normalize import fold

__all__ = ["ParsedQuery", "parse_query", "DESCRIPTORS"]

# descriptor word(s) (folded) -> kind hint (None: no kind implied, only noise)
DESCRIPTORS: dict[str, str | None] = {
    # English, trailing or leading
    "governorate": "governorate", "province": "governorate", "muhafazat": "governorate",
    "muhafazah": "governorate", "muhafaza": "governorate", "gov": "governorate",
    "district": "district", "mintaqat": "district", "mantiqat": "district", "mintaqah": "district",
    "mantiqah": "district", "mantiqa": "district", "mintaqa": "district",
    "subdistrict": "subdistrict", "sub district": "subdistrict", "nahiyat": "subdistrict",
    "nahiya": "subdistrict", "nahiyah": "subdistrict",
    "city": "town", "town": "town", "village": "town", "villages": "town", "madinat": "town",
    "hamlet": "town", "farm": "town", "farms": "town", "township": "town",
    "neighbourhood": "neighbourhood", "neighborhood": "neighbourhood", "quarter": "neighbourhood",
    "suburb": "countryside", "suburbs": "countryside",  # 'Damascus suburbs': Rural Damascus; 'Douma suburbs': near Douma
    "camp": "site", "refugee camp": "site", "idp camp": "site",
    "countryside": "countryside", "rural": "countryside", "rif": "countryside", "outskirts": "near",
    "area": None, "areas": None, "region": None, "vicinity": "near", "surroundings": "near",
    "environs": "near", "desert": None, "steppe": None, "plain": None, "plains": None,
    "valley": None, "hill": None, "hills": None, "mountain": None, "mountains": None, "mount": None,
    "road": "near", "highway": "near", "checkpoint": "near", "military base": "near", "base": "near",
    "army base": "near", "airbase": "near", "military airbase": "near", "airport": "near",
    "military airport": "near", "oilfield": "near", "oil field": "near", "gas field": "near",
    "field": "near", "dam": "near", "bridge": "near", "junction": "near", "roundabout": "near",
    "crossing": "near", "border crossing": "near", "prison": "near", "hospital": "near",
    "tower": "near", "factory": "near", "station": "near", "front": "near", "frontline": "near",
    "complex": "near", "military complex": "near", "barracks": "near", "college": "near", "academy": "near",
    "sector": None,
    "markaz": None,
    # Arabic (folded: ة -> ه)
    "محافظه": "governorate", "مدينه": "town", "بلده": "town", "قريه": "town", "بلدات": "town",
    "قرى": "town", "منطقه": None, "ناحيه": "subdistrict", "حي": "neighbourhood", "مخيم": "site",
    "ريف": "countryside", "اطراف": "near", "محيط": "near", "قرب": "near", "بادية": None, "باديه": None,
    "مركز": None, "مطار": "near", "مطار عسكري": "near", "العسكري": "near", "قاعده": "near",
    "قاعده عسكريه": "near", "حاجز": "near", "معبر": "near", "سد": "near", "جسر": "near", "طريق": "near",
    "مشفي": "near", "مستشفي": "near", "سجن": "near", "حقل": "near", "اوتوستراد": "near", "دوار": "near",
    "مزارع": "town", "كتيبه": "near", "فوج": "near", "اللواء": "near", "مدخل": "near",
}
_DIRECTIONS = {
    "north": "N", "northern": "N", "south": "S", "southern": "S", "east": "E", "eastern": "E",
    "west": "W", "western": "W", "northeast": "NE", "northeastern": "NE", "north eastern": "NE",
    "northwest": "NW", "northwestern": "NW", "north western": "NW", "southeast": "SE",
    "southeastern": "SE", "south eastern": "SE", "southwest": "SW", "southwestern": "SW",
    "south western": "SW", "central": "C", "upper": None, "lower": None,
    "شمال": "N", "جنوب": "S", "شرق": "E", "غرب": "W", "شمالي": "N", "جنوبي": "S", "شرقي": "E", "غربي": "W",
    "الشمالي": "N", "الجنوبي": "S", "الشرقي": "E", "الغربي": "W", "الشمالية": "N", "الجنوبية": "S",
    "الشرقية": "E", "الغربية": "W", "الشماليه": "N", "الجنوبيه": "S", "الشرقيه": "E", "الغربيه": "W",
}
_NEAR_PREFIX = ("near", "around", "outskirts of", "outside", "close to", "vicinity of", "the vicinity of",
                "the outskirts of", "the countryside of", "countryside of", "the suburbs of", "suburbs of", "east of", "west of", "north of",
                "south of", "northeast of", "northwest of", "southeast of", "southwest of")
_MAX_DESC_WORDS = 3
_COUNTRY_SIDE = re.compile(r"\bcountry\s+side\b", re.I)
# a possessive on the name, with only descriptors and directions after it ("Aleppo's western
# countryside"); not an apostrophe inside a name ("Ra's al-Ayn")
_HINT_WORDS_RX = "|".join(re.escape(k).replace(r"\ ", r"[\s-]+")
                          for k in sorted((k for k in (*DESCRIPTORS, *_DIRECTIONS) if k.isascii()), key=len, reverse=True))
_POSSESSIVE = re.compile(r"(\w)['’]s(?=(?:[\s_]+(?:" + _HINT_WORDS_RX + r"))*\s*$)", re.I)


@dataclass
class ParsedQuery:
    """What :func:`parse_query` found in a place string."""

    name: str
    kind: str | None = None          # 'governorate', 'district', 'subdistrict', 'town', 'neighbourhood', 'site'
    countryside: bool = False        # 'X countryside', 'rural X', 'ريف X'
    near: bool = False               # 'near X', 'X road', 'X checkpoint': an area around X
    direction: str | None = None     # 'southern X' -> 'S'
    direction_word: str | None = None  # the word itself ('western'): it may be part of the name
    admin1_hint: str | None = None   # '... in Homs Governorate' -> 'Homs'
    alternatives: list[str] = field(default_factory=list)

    @property
    def precision(self) -> int:
        """ACLED-style precision implied by the wording (1 town, 2 near/area, 3 governorate/region)."""
        if self.kind in ("governorate",) or self.countryside:
            return 3
        if self.near or self.direction or self.kind in ("district", "subdistrict"):
            return 2
        return 1


def _strip_words(words: list[str], at_end: bool) -> tuple[list[str], list[str | None]]:
    kinds: list[str | None] = []
    while len(words) > 1:
        for n in range(min(_MAX_DESC_WORDS, len(words) - 1), 0, -1):
            seg = " ".join(words[-n:] if at_end else words[:n])
            if seg in DESCRIPTORS:
                kinds.append(DESCRIPTORS[seg])
                words = words[:-n] if at_end else words[n:]
                break
        else:
            break
    return words, kinds


def parse_query(text: str) -> ParsedQuery:
    """Split ``text`` into a core name plus hints (see module doc). Never raises."""
    raw = " ".join(str(text).split())
    q = ParsedQuery(name=raw)
    if "side" in raw.lower():
        raw = _COUNTRY_SIDE.sub("countryside", raw)  # 'Damascus country side'
    if not raw:
        return q
    if "s" in raw:
        raw = _POSSESSIVE.sub(r"\1", raw)  # "Aleppo's western countryside", "Idlib's"
    # 'Tiyas Military Airbase (T4)', 'Al-Rai town (Choban Bey)': the bracket is another name
    m = re.search(r"\s*[(\[]([^)\]]*)[)\]]\s*", raw)
    if m and m.start() > 0:
        inner = m.group(1).strip()
        raw = (raw[: m.start()] + " " + raw[m.end():]).strip()
        if inner:
            q.alternatives.append(inner)
    # 'A/B village' -> try A, then B
    if "/" in raw and not raw.lower().startswith("syria/"):
        head, _, tail_desc = raw.rpartition(" ")
        parts = [p.strip() for p in raw.split("/") if p.strip()]
        if len(parts) > 1:
            last_words = parts[-1].split()
            desc = last_words[-1] if last_words and fold(last_words[-1]) in DESCRIPTORS else ""
            q.alternatives += [p if (not desc or p.endswith(desc)) else f"{p} {desc}" for p in parts[1:]]
            raw = parts[0] + (f" {desc}" if desc and not parts[0].endswith(desc) else "")
    low = raw.lower()
    # '... in Homs Governorate', 'X, Hama'
    m = re.search(r"\s+in\s+(.+?)\s*(governorate|province)?$", raw, flags=re.I)
    if m and not low.startswith("in "):
        q.admin1_hint = m.group(1)
        raw = raw[: m.start()]
        low = raw.lower()
    elif "," in raw:
        first, _, rest = raw.partition(",")
        if first.strip() and rest.strip():
            q.admin1_hint = rest.strip()
            raw = first.strip()
            low = raw.lower()
    # 'Road between A and B'
    m = re.match(r"^(?:the\s+)?(?:road|highway|area|front(?:line)?)\s+between\s+(.+?)\s+and\s+(.+)$", raw, flags=re.I)
    if m:
        q.near = True
        q.alternatives = [m.group(2)] + q.alternatives
        raw = m.group(1)
        low = raw.lower()
    for p in _NEAR_PREFIX:
        if low.startswith(p + " "):
            q.near = True
            if p.startswith(("countryside", "the countryside", "suburbs", "the suburbs")):
                q.countryside = True
            elif p.split()[0] in ("east", "west", "north", "south", "northeast", "northwest", "southeast", "southwest"):
                q.direction = _DIRECTIONS[p.split()[0]]
            raw = raw[len(p) + 1 :]
            low = raw.lower()
            break
    words = fold(raw).split()
    while len(words) > 1 and words[0] in ("the", "a"):
        words = words[1:]
    if not words:
        return q
    # directions first ('Southern Idlib Governorate', 'ريف حماة الشرقي')
    if len(words) > 1 and words[0] in _DIRECTIONS:
        q.direction, q.direction_word = _DIRECTIONS[words[0]], words[0]
        words = words[1:]
    words, lead = _strip_words(words, at_end=False)
    if len(words) > 1 and words[-1] in _DIRECTIONS:
        q.direction, q.direction_word = _DIRECTIONS[words[-1]], words[-1]
        words = words[:-1]
    words, trail = _strip_words(words, at_end=True)
    if len(words) > 1 and words[0] in _DIRECTIONS:
        q.direction, q.direction_word = _DIRECTIONS[words[0]], words[0]
        words = words[1:]
    elif trail and q.direction is None:
        # a direction before the trailing descriptor: 'Hama northern countryside',
        # 'Aleppo north-eastern countryside'
        for n in (2, 1):
            if len(words) > n and " ".join(words[-n:]) in _DIRECTIONS:
                q.direction_word = " ".join(words[-n:])
                q.direction = _DIRECTIONS[q.direction_word]
                words = words[:-n]
                break
    for k in lead + trail:
        if k == "countryside":
            q.countryside = True
        elif k == "near":
            q.near = True
        elif k and q.kind is None:
            q.kind = k
    q.name = " ".join(words)
    return q
