"""Resolving mentions with the whole report as context.

Each mention's gazetteer candidates are re-ranked by, in order of weight:

1. a governorate named right next to it ('Daraya, Rural Damascus', 'Kafr Zita in the countryside of
   Hama', 'مدينة صوران بريف المحافظة' after 'محافظة حماه');
2. the governorates the report names elsewhere;
3. closeness to the other places the report names unambiguously (places named together are close);
4. the gazetteer's own order (match quality, kind, size).

Names that are both a town and a governorate read as governorates when listed with other
governorates ('in Homs, Deir ez-Zor, and Raqqa') or when a descriptor says so ('southern Idlib',
'eastern Hama desert', 'Damascus and its surrounding areas').
"""

from __future__ import annotations

import math
import re

from ..gazetteer.core import _COUNTRYSIDE_OF
from ..gazetteer.place import CAPITAL_GOVERNORATE, CITY_RANK, Place
from .model import Mention

__all__ = ["resolve_mentions"]

_CAPITAL_RANK = CITY_RANK[1]  # a governorate capital's rank in the gazetteer
_VOTE_SPELLING = 0.08  # readings this much worse spelt than a mention's best do not split its vote
_SEAT_RANK = CITY_RANK[3]  # a subdistrict seat's (district seats and capitals rank higher)
_VOTE_WINDOW = 0.12  # candidates this close to the best take the governorates the report names
_AREA_KINDS = ("governorate", "district", "subdistrict", "region")
_HINT_GAP = re.compile(
    r"^(?:\s*[,،]\s*|\s+(?:in|of|near|in\s+the|of\s+the|in\s+the\s+countryside\s+of|in\s+rural|in\s+the\s+province\s+of|"
    r"in\s+the\s+governorate\s+of|province|governorate|countryside)\s+|\s+(?:في|من)\s+|\s+(?:ب|ف|في\s+)?(?=ريف)|\s+ب(?=محافظ)|\s*\(\s*)$",
    re.I,
)
_HINT_GAP_AR = re.compile(r"^\s+(?:ب|ف|و?في\s+)(?:ريف|محافظ)")
_ANAPHOR = re.compile(r"^\s*(?:(?:ب|في\s+)?ريف\s+المحافظ[ةه]|في\s+المحافظ[ةه]|,?\s*in\s+the\s+(?:same\s+)?(?:province|governorate))")
_LIST_GAP = re.compile(r"^\s*(?:[,،]\s*(?:and\s+|or\s+|و)?|\s+(?:and|or)\s+|\s+و\s?|\s*[()]\s*)$")
_TOWN_WORDS = ("city", "town", "village", "مدينه", "بلده", "قريه")
_NEIGH_WORDS = ("neighborhood", "neighbourhood", "quarter", "حي")
_QUARTER_WORDS = _NEIGH_WORDS + ("district",)  # English 'district' after a name is mostly a city quarter
_GOV_WORDS = ("governorate", "province", "countryside", "desert", "direction", "rural", "محافظه", "ريف")


def _same_area(a: str | None, b: str | None) -> bool:
    """Governorate ``a`` is ``b``, or one is the other's countryside (Damascus and Rural Damascus)."""
    return a is not None and b is not None and (a == b or _COUNTRYSIDE_OF.get(a) == b or _COUNTRYSIDE_OF.get(b) == a)


class _AnchorDistances:
    """Closeness of candidate places to a report's anchors by great-circle (haversine) distance,
    with each anchor's radians and cosine worked out once and each (candidate point, mention key)
    answered once per report."""

    def __init__(self, anchors: list[tuple[Mention, Place]]) -> None:
        self.points = [(am.key, math.radians(p.lat), math.radians(p.lon))
                       for am, p in anchors if p.kind not in ("region",)]
        self.points = [(k, la, lo, math.cos(la)) for k, la, lo in self.points]
        self.memo: dict[tuple[float, float, str], float] = {}

    def bonus(self, c: Place, key: str) -> float:
        """0.1 if the closest anchor not named ``key`` is within 30 km of ``c``, 0.05 within 80 km,
        else 0.0 (also with no such anchor)."""
        mk = (c.lat, c.lon, key)
        b = self.memo.get(mk)
        if b is None:
            b = self.memo[mk] = self._bonus(c, key)
        return b

    def _bonus(self, c: Place, key: str) -> float:
        la1, lo1 = math.radians(c.lat), math.radians(c.lon)
        cos1 = math.cos(la1)
        sin, asin, sqrt = math.sin, math.asin, math.sqrt
        nearest = None  # the running minimum, kept as min() keeps it
        for k, la2, lo2, cos2 in self.points:
            if k != key:
                h = sin((la2 - la1) / 2) ** 2 + cos1 * cos2 * sin((lo2 - lo1) / 2) ** 2
                d = 6371.0 * 2 * asin(min(1.0, sqrt(h)))
                if nearest is None or d < nearest:
                    nearest = d
                if nearest < 30:
                    return 0.1  # the minimum can only get smaller
        d = 1e9 if nearest is None else nearest
        return 0.1 if d < 30 else (0.05 if d < 80 else 0.0)


_CAPITAL_CANDS: dict[tuple[int, bool], list[Place]] = {}


def _national_capital(gaz, countryside: bool) -> list[Place]:
    """Damascus (or, for 'the countryside of the capital', Rural Damascus) as a candidate list."""
    key = (id(gaz), countryside)
    if key not in _CAPITAL_CANDS:
        place = gaz.get(_COUNTRYSIDE_OF[CAPITAL_GOVERNORATE]) if countryside else gaz.seat(CAPITAL_GOVERNORATE)
        _CAPITAL_CANDS[key] = [place.with_score(1.0, match=1.0)] if place is not None else []
    return _CAPITAL_CANDS[key]


def _candidates(gaz, m: Mention, text: str) -> list[Place]:
    if getattr(m, "_capital", False):
        return _national_capital(gaz, m.countryside)
    if getattr(m, "extra", False):
        base = getattr(m, "_of", None)
        core = base.text if base is not None else m.key
        cands = gaz.candidates(core, limit=8)
        out = []
        for c in cands:
            gov = c.id if c.kind == "governorate" else (c.admin1 if c.kind == "town" and gaz.capital_level(c.id) in (0, 1) else None)
            if gov:
                g = gaz.get(_COUNTRYSIDE_OF.get(gov, gov))
                if g is not None and all(o.id != g.id for o in out):
                    out.append(g.with_score(c.score, match=c.match))
        # 'تدمر ومحيطها', 'Saraqib and its surroundings': a town that heads no governorate; its
        # surroundings are read as the area around it (the town, at the precision of a countryside)
        return out or [c for c in cands if c.kind == "town"]
    cands = gaz.candidates(m.text, limit=8)
    if not cands:
        cs, ce = getattr(m, "_core", (m.start, m.end))
        cands = gaz.candidates(text[cs:ce], limit=8)
    return cands


_NEIGH_CACHE: dict[tuple[int, str], list[Place]] = {}


def _neighbourhoods(gaz, name: str) -> list[Place]:
    """Damascus neighbourhoods whose names are close to ``name`` (spellings vary most there)."""
    key = (id(gaz), name)
    if key not in _NEIGH_CACHE:
        if len(_NEIGH_CACHE) > 50_000:
            _NEIGH_CACHE.clear()
        _NEIGH_CACHE[key] = _neighbourhoods_uncached(gaz, name)
    return _NEIGH_CACHE[key]


def _neighbourhoods_uncached(gaz, name: str) -> list[Place]:
    from rapidfuzz import fuzz

    from ..text.normalize import loose_key

    lk = loose_key(name)
    out = []
    for p in gaz:
        if p.kind != "neighbourhood" or p.admin1 != "SY01":
            continue  # Damascus's (the other cities' quarters are listed by name only)
        r = max((fuzz.ratio(lk, k) for k in map(loose_key, p.aliases) if len(k) >= 6 or fuzz.ratio(lk, k) >= 90),
                default=0.0)  # a short key only when nearly the same ('sana' is not 'sabuna')
        if r >= 80:
            out.append(p.with_score(0.5 + 0.4 * r / 100.0, match=0.5 + 0.4 * r / 100.0))
    return sorted(out, key=lambda p: -p.score)[:3]


_CAPITAL_SUBDISTRICTS: dict[int, frozenset[str]] = {}


def _capital_subdistricts(gaz) -> frozenset[str]:
    """The subdistricts holding a governorate capital (whose quarters reports name)."""
    s = _CAPITAL_SUBDISTRICTS.get(id(gaz))
    if s is None:
        s = _CAPITAL_SUBDISTRICTS[id(gaz)] = frozenset(
            p.admin3 for p in gaz if p.kind == "town" and gaz.capital_level(p.id) == 1 and p.admin3)
    return s


def _prefer(cands: list[Place], pred) -> list[Place]:
    good = [c for c in cands if pred(c)]
    return good + [c for c in cands if not pred(c)] if good else cands


def resolve_mentions(mentions: list[Mention], text: str, gaz) -> None:
    """Set ``place``, ``candidates``, ``confidence`` and a first ``role`` on every mention, in place."""
    for m in mentions:
        if not getattr(m, "_gaz", True):
            m.candidates = []
            continue
        m.candidates = _candidates(gaz, m, text)
    # governorate readings: descriptors, lists of governorates, 'X and its countryside'
    groups: list[list[Mention]] = []
    for i, m in enumerate(mentions):
        if i and not m.extra and not mentions[i - 1].extra and _LIST_GAP.match(text[mentions[i - 1].end:m.start] or "x"):
            groups[-1].append(m)
        else:
            groups.append([m])
    for g in groups:
        if len(g) >= 2 and all(any(c.kind in ("governorate", "region") for c in m.candidates if c.score >= 0.9) for m in g):
            for m in g:
                m._gov = True  # type: ignore[attr-defined]
    for i, m in enumerate(mentions):
        desc = getattr(m, "_desc", [])
        want: tuple[str, ...] = ()
        if not desc:  # no descriptor (most names): only the governorate reading can be wished
            if _listed_as_governorate(mentions, i):
                want = ("governorate", "region")
            elif text[max(0, m.start - 4):m.start].lower() == "the " and any(
                    c.kind == "region" and c.score >= 0.99 for c in m.candidates):
                want = ("region",)  # 'the Badia', 'the Qalamoun': the region, not a village spelt alike
        elif any(d in _TOWN_WORDS for d in desc):
            want = ("town", "neighbourhood", "site")
        elif any(d in _NEIGH_WORDS for d in desc):
            want = ("neighbourhood",)
            if not any(c.kind == "neighbourhood" for c in m.candidates):
                m.candidates = m.candidates + _neighbourhoods(gaz, text[slice(*getattr(m, "_core", (m.start, m.end)))])
        elif any(d in ("district", "subdistrict", "ناحيه") for d in desc):
            want = ("district", "subdistrict")
        elif any(d in _GOV_WORDS for d in desc) or _listed_as_governorate(mentions, i):
            want = ("governorate", "region")
        m._want = want  # type: ignore[attr-defined]
    # first reading, anchors and the report's governorates
    votes: dict[str, float] = {}
    voted: dict[int, tuple[str, float]] = {}
    anchors: list[tuple[Mention, Place]] = []
    for k, m in enumerate(mentions):
        if not m.candidates:
            continue
        # the governorates of its best readings: a namesake spelt worse ('Sweida' ~ a village
        # 'Sweida - Qorret Tashli' at 0.9) does not keep an exact name from voting
        top_score = max(c.score for c in m.candidates)
        a1 = {c.admin1 for c in m.candidates if c.score >= 0.7 and c.score > top_score - _VOTE_SPELLING and c.admin1}
        top = m.candidates[0]
        if top.kind == "country" or m.foreign is not None:
            continue
        if len(a1) == 1:
            a = next(iter(a1))
            w = 1.0 if top.kind in _AREA_KINDS else 0.5
            votes[a] = votes.get(a, 0.0) + w
            voted[k] = (a, w)
            anchors.append((m, top))
    # resolve with hints
    dist = _AnchorDistances(anchors)
    last_gov: str | None = None
    for i, m in enumerate(mentions):
        if m.foreign is not None and not _syrian_context(m, mentions, i, text):
            m.place, m.role, m.confidence = None, "foreign", 0.9
            continue
        if not m.candidates:
            m.place, m.role, m.confidence = None, ("foreign" if m.foreign else "unresolved"), 0.0
            continue
        local = (None if getattr(m, "_gov", False) else _local_hint(mentions, i, text)) or (
            last_gov if last_gov is not None and _ANAPHOR.match(text[m.end:m.end + 40]) else None)
        want = getattr(m, "_want", ())
        top_raw = max(c.score for c in m.candidates)
        towns = {c.name for c in m.candidates if c.kind == "town"} if not want else set()  # used without a wish only
        best, best_s = None, -1.0
        for rank, c in enumerate(m.candidates):
            s = c.score - 0.001 * rank
            if want and c.kind in want:
                s += 0.3
            elif not want and c.kind in ("district", "subdistrict") and c.name in towns:
                s -= 0.05  # a town and the unit named after it: the town, unless a descriptor says otherwise
            if local and c.score >= top_raw - 0.3:
                if c.admin1 == local:
                    s += 0.5
                elif _COUNTRYSIDE_OF.get(c.admin1 or "") == local:
                    s += 0.4  # 'Jobar in rural Damascus': the city's edge is often told as its countryside
            if c.score >= top_raw - _VOTE_WINDOW:
                if c.admin1 and votes.get(c.admin1):
                    s += 0.15 * min(1.0, votes[c.admin1])
                if c.kind not in _AREA_KINDS and anchors:
                    s += dist.bonus(c, m.key)  # places named together are close
                if c.kind == "town" and c.rank >= _SEAT_RANK and c.score >= _best_other_name(m.candidates, c.name):
                    s += 0.06  # a seat of a subdistrict or larger before a village of the same name,
                    # unless the village is within 30 km of another place of the report or in its
                    # governorate; not before a better-spelt other name ('Sakba' is Saqba, not Shahba)
            if s > best_s:
                best, best_s = c, s
        conf = best.score + (0.25 if local and best.admin1 == local else 0.0) + (0.1 if votes.get(best.admin1 or "") else 0.0)
        if best.score < 0.6 and not (local and best.admin1 == local):
            m.place, m.role, m.confidence = None, "unresolved", best.score
            continue
        if local and best.admin1 is not None and not _same_area(best.admin1, local) and best.kind not in _AREA_KINDS \
                and not getattr(m, "_gov", False) and _local_hint(mentions, i, text, areas_only=True) == local:
            # 'Al Saan, Homs': the report places it in a governorate where no such name is known;
            # the name after it then stands for that governorate, not for its capital (unless a
            # descriptor says 'city')
            m.place, m.role, m.confidence = None, "unresolved", best.score
            nxt = mentions[i + 1]
            if not getattr(nxt, "_want", ()) and any(c.kind == "governorate" and c.admin1 == local for c in nxt.candidates):
                nxt._want = ("governorate", "region")  # type: ignore[attr-defined]
            continue
        if best.match < 0.9 and want == ("neighbourhood",) and best.kind != "neighbourhood":
            # 'al-Ansari neighbourhood' (of Aleppo, not in the gazetteer) is not a village spelt alike
            m.place, m.role, m.confidence = None, "unresolved", best.score
            continue
        quarter = best.kind == "town" and any(d in _QUARTER_WORDS for d in getattr(m, "_desc", ()))
        own = voted.get(i)  # this mention's own vote does not count as the report's word
        others = {a for a, v in votes.items() if v - (own[1] if own and own[0] == a else 0.0) > 0}
        if quarter and local and best.admin1 != local and _COUNTRYSIDE_OF.get(best.admin1 or "") != local:
            # 'al-Fardous district in Aleppo city': a quarter of that city (not in the gazetteer),
            # not the village of the same name in another governorate
            m.place, m.role, m.confidence = None, "unresolved", best.score
            continue
        if quarter and not local and best.admin3 not in _capital_subdistricts(gaz) and best.admin1 not in others:
            # 'al-Mashhad district' with nothing else to place it: a city quarter the gazetteer
            # lacks, not a village (a place in a governorate capital's own subdistrict is kept)
            m.place, m.role, m.confidence = None, "unresolved", best.score
            continue
        if (best.match < 0.9 or quarter) and not (local and best.admin1 == local):
            # a spelling-tolerant match, or a village named as a quarter: not when the report says
            # it is somewhere else
            if others and not any(_same_area(best.admin1, o) for o in others) and best.kind not in _AREA_KINDS:
                m.place, m.role, m.confidence = None, "unresolved", best.score
                continue
        if best.kind == "neighbourhood" and _quarter_elsewhere(mentions, i, text, best, local):
            m.place, m.role, m.confidence = None, "unresolved", best.score
            continue
        m.place, m.confidence = best, min(1.0, conf)
        m.role = "context"
        m.foreign = None
        if best.kind == "governorate":
            last_gov = best.id


_QUARTER_OF_GAP = re.compile(r"^\s*(?:,|،|in|in\s+the|of|of\s+the)?\s*(?:ب|في\s+)?$", re.I)


def _quarter_elsewhere(mentions: list[Mention], i: int, text: str, best: Place, local: str | None) -> bool:
    """A Damascus neighbourhood name told as a quarter of another town: 'al-Sina'a neighbourhood in
    Deir Ezzor', 'زملكا بحي المزرعة'. The gazetteer does not hold that quarter: leave it unresolved."""
    if local and local != best.admin1 and _COUNTRYSIDE_OF.get(best.admin1 or "") != local:
        return True
    if i == 0:
        return False
    prev = mentions[i - 1]
    p = prev.place
    if p is None or p.kind != "town" or p.admin3 == best.admin3:
        return False
    return bool(_QUARTER_OF_GAP.match(text[prev.end:mentions[i].start]))


def _listed_as_governorate(mentions: list[Mention], i: int) -> bool:
    """Mention ``i`` is in a list of governorates or followed by its 'and its countryside'."""
    m = mentions[i]
    return getattr(m, "_gov", False) or (
        i + 1 < len(mentions) and mentions[i + 1].extra and getattr(mentions[i + 1], "_of", None) is m)


def _syrian_context(m: Mention, mentions: list[Mention], i: int, text: str) -> bool:
    """A foreign name with a Syrian namesake reads as Syrian only with Syrian context: a descriptor
    ('Baghdad neighbourhood', 'قرية ...') or a Syrian governorate named right next to it."""
    if not m.candidates:
        return False
    desc = getattr(m, "_desc", [])
    if any(d in ("neighborhood", "neighbourhood", "quarter", "village", "town", "حي", "قريه", "بلده", "ناحيه") for d in desc):
        return True
    hint = _local_hint(mentions, i, text)
    return bool(hint and any(c.admin1 == hint for c in m.candidates))


# a road named by its ends ('the Aleppo-Raqqa road', 'the road between Saraqib and Ariha', 'طريق
# حلب - الرقة', 'أوتوستراد دمشق حمص'): its ends only say where the road runs
_ROAD_WORDS = r"(?i:road|highway|motorway|international\s+road)"
_ROAD_FIRST_END = re.compile(r"^\s*[-–—/]\s*(?:al-|el-|ar-|as-|ad-)?[A-Z][\w’'\-]*"
                             r"(?:\s+(?:(?:al|el|ez|ash|as|ad|ar|an|at)[-\s])?[A-Z][\w’'\-]*){0,2}"
                             r"(?:\s*\([^)]{1,12}\))?\s+" + _ROAD_WORDS + r"\b")  # 'Idlib-Bab al-Hawa road', '(M4) highway'
_ROAD_SECOND_END = re.compile(r"^(?:\s*\([^)]{1,12}\))?\s+" + _ROAD_WORDS + r"\b", re.I)
_ROAD_BEFORE = re.compile(
    r"(?:\b(?:road|highway|motorway)\s+(?:between|linking|connecting|from)\s+(?:the\s+)?(?:\S+(?:\s+\S+){0,2}?\s+(?:and|to)\s+)?"
    # not 'عن طريق' (by way of), and no preposition as the first end ('طريق المطار في دمشق')
    r"|(?<!\S)(?<!عن )(?:ال)?(?:طريق|اوتوستراد|أوتوستراد)(?:\s+ال\w+)?\s+"
    r"(?:(?!(?:في|قرب|من|على|الى|إلى|عند|بين)\s)\S+(?:\s*[-–]\s*|\s+))?)$", re.I)

_DASHES = ("-", "–", "—", "/")


def _has_dash(s: str) -> bool:
    """Whether ``s`` holds a hyphen, a dash or a slash (the joint of 'Aleppo-Raqqa')."""
    return "-" in s or "–" in s or "—" in s or "/" in s


def on_road(m: Mention, text: str) -> bool:
    """Whether ``m`` is an end of a road named by its ends ('the Aleppo-Raqqa road', 'the road
    between Saraqib and Ariha', 'طريق حلب - الرقة'): the event is on the road, not in the town."""
    # cheap tests first: a dash or slash next to the name, a road word in reach
    after = text[m.end:m.end + 50]
    if _has_dash(after[:3]) and _ROAD_FIRST_END.match(after):
        return True
    if text[max(0, m.start - 3):m.start].rstrip()[-1:] in _DASHES and _ROAD_SECOND_END.match(after):
        return True
    before = text[max(0, m.start - 45):m.start]
    if "طريق" in before or "وتوستراد" in before:
        return _ROAD_BEFORE.search(before) is not None
    low = before.lower()
    return ("road" in low or "highway" in low or "motorway" in low) and _ROAD_BEFORE.search(before) is not None


def _best_other_name(cands: list[Place], name: str) -> float:
    """The best score among ``cands`` named otherwise than ``name`` (0 when there is none)."""
    return max((o.score for o in cands if o.name != name), default=0.0)


def _local_hint(mentions: list[Mention], i: int, text: str, areas_only: bool = False) -> str | None:
    """The governorate of the area mention right after mention ``i`` ('X, Rural Damascus');
    ``areas_only``: only when that mention is an area (a governorate, district, subdistrict,
    region or countryside) or a governorate capital, not any town."""
    if i + 1 >= len(mentions):
        return None
    nxt = mentions[i + 1]
    cands = nxt.candidates
    if not cands:
        return None
    gap = text[mentions[i].end:nxt.start]
    if len(gap) <= 3 and _has_dash(gap):
        return None  # 'the Aleppo-Raqqa road', 'طريق حلب - الرقة': a pair, not 'X, its governorate'
    if len(gap) <= 1 and on_road(mentions[i], text):
        return None  # 'أوتوستراد دمشق حمص': the road's two ends
    if len(gap) > 1:  # not adjacent: the gap must be a hint gap
        if not (_HINT_GAP.match(gap) or _HINT_GAP_AR.match(gap + text[nxt.start:nxt.start + 3])):
            return None
    areas = [c for c in cands if c.score >= 0.85 and (c.kind in _AREA_KINDS or (c.kind == "town" and c.admin1))]
    if not areas:
        return None
    a1 = {c.admin1 for c in areas if c.admin1}
    if nxt.countryside or any(c.kind in _AREA_KINDS for c in areas):
        a1 = {c.admin1 for c in areas if c.kind in _AREA_KINDS and c.admin1} or a1
    if nxt.countryside and len(a1) > 1:
        # 'of Damascus western countryside': the countryside reading is the governorate's
        a1 = {c.admin1 for c in areas if c.kind == "governorate" and c.admin1} or a1
    if areas_only and not (nxt.countryside or cands[0].kind in _AREA_KINDS or cands[0].rank >= _CAPITAL_RANK):
        return None  # 'Kafr Zita, Maarat al-Numan': a town in a list, though a district shares its name
    return next(iter(a1)) if len(a1) == 1 else None
