"""The :class:`Gazetteer`: load the built data, resolve names, locate points."""

from __future__ import annotations

import json
import os
import re
import threading
from pathlib import Path
from typing import Any, Iterator

from ..text.normalize import (ARTICLES, NORMALIZER_VERSION, QUALIFIER_TOKENS, fine_skeleton, fold, is_arabic, loose_key,
                              skeleton)
from .place import CAPITAL_GOVERNORATE, Place
from .query import DESCRIPTORS, ParsedQuery, parse_query
from .store import data_dir

__all__ = ["Gazetteer"]

#: kind hint -> kinds that satisfy it, best first
_KIND_OK = {
    "governorate": ("governorate",),
    "district": ("district", "subdistrict"),
    "subdistrict": ("subdistrict", "district"),
    "town": ("town", "neighbourhood", "site"),
    "neighbourhood": ("neighbourhood", "town"),
    "site": ("site", "town", "neighbourhood"),
    "region": ("region", "site"),
    "country": ("country",),
}
# Damascus governorate is the city: its countryside is the Rural Damascus governorate.
_COUNTRYSIDE_OF = {CAPITAL_GOVERNORATE: "SY03"}
_ARABIC_CLITICS = ("و", "ب", "ل", "ف", "ك")


_HINT_WORDS = frozenset({"near", "around", "outside", "outskirts", "of", "the", "close", "to", "vicinity",
                         "east", "west", "north", "south", "بالقرب", "قرب", "من", "في", "على"})
_BRACKET = re.compile(r"\s*[(\[][^)\]]*[)\]]\s*")


def _strip_articles(folded: str) -> str:
    words = folded.split()
    kept = [w for i, w in enumerate(words) if not (w in ARTICLES and i + 1 < len(words))]
    return " ".join(kept)


def _fuzzy_cutoff(n: int) -> float | None:
    """Minimum rapidfuzz ratio for a key of ``n`` characters: stricter for short names."""
    if n < 5:
        return None
    if n < 7:
        return 90.0
    if n < 9:
        return 85.0
    return 80.0


class Gazetteer:
    """The Syria gazetteer: places, name index and (lazily) boundaries.

    >>> gaz = Gazetteer.load()
    >>> gaz.resolve("Darayya").id
    'C2373'
    """

    _instances: dict[str, "Gazetteer"] = {}
    _lock = threading.Lock()

    def __init__(self, path: str | os.PathLike | None = None) -> None:
        self.path: Path = data_dir(path)
        self.places: dict[str, Place] = {}
        self._extra: dict[str, dict[str, Any]] = {}
        with open(self.path / "places.jsonl", encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                self.places[r["id"]] = Place(
                    id=r["id"], name=r["name"], name_ar=r.get("name_ar"), kind=r["kind"],
                    lat=r["lat"], lon=r["lon"], admin1=r.get("admin1"), admin2=r.get("admin2"),
                    admin3=r.get("admin3"), rank=r.get("rank", 0), population=r.get("population"),
                    aliases=tuple(r.get("aliases", ())) + tuple(r.get("variants", ())),
                    area_km2=r.get("area_km2"),
                )
                if r.get("capital_level") is not None:
                    self._extra[r["id"]] = {"capital_level": r["capital_level"]}
                if r.get("seat") is not None:
                    self._extra.setdefault(r["id"], {})["seat"] = r["seat"]
        idx = json.loads((self.path / "index.json").read_text(encoding="utf-8"))
        if idx.get("normalizer_version") != NORMALIZER_VERSION:
            idx = self._reindex()
        self._fold: dict[str, list[str]] = idx["fold"]
        self._loose: dict[str, list[str]] = idx["loose"]
        self._skel: dict[str, list[str]] = idx["skeleton"]
        self._loose_list: dict[str, list[str]] | None = None
        self._latin_only: dict[str, list[str]] | None = None
        self._keys_of: dict[str, list[str]] | None = None
        self._by_key: dict[str, dict[str, list[str]]] = {}  # pid -> loose key -> its aliases, folded
        self._native: dict[str, tuple[frozenset, frozenset, tuple]] = {}  # pid -> Arabic-name keys
        self._cache: dict[tuple, list[Place]] = {}
        self._match_cache: dict[tuple[str, bool], dict[str, float]] = {}
        self._spatial = None
        self._foreign: frozenset[str] | None = None

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, path: str | os.PathLike | None = None) -> "Gazetteer":
        """Load (once per folder, then shared) the built gazetteer."""
        key = str(data_dir(path))
        with cls._lock:
            if key not in cls._instances:
                cls._instances[key] = cls(key)
            return cls._instances[key]

    def _reindex(self) -> dict:
        """Rebuild the name index in memory when the normaliser rules changed since the build."""
        idx: dict[str, dict[str, list[str]]] = {"fold": {}, "loose": {}, "skeleton": {}}
        for p in self.places.values():
            for a in p.aliases:
                for kind, fn in (("fold", fold), ("loose", loose_key), ("skeleton", skeleton)):
                    k = fn(a)
                    if k:
                        idx[kind].setdefault(k, []).append(p.id)
        return idx

    def __len__(self) -> int:
        return len(self.places)

    def __iter__(self) -> Iterator[Place]:
        return iter(self.places.values())

    def __contains__(self, pid: object) -> bool:
        return pid in self.places

    def get(self, pcode: str) -> Place | None:
        """The place with this id (OCHA pcode, region id...), or None."""
        return self.places.get(pcode)

    def capital_level(self, pid: str) -> int | None:
        """OCHA capital level of a populated place: 0 national, 1 governorate, 2 district, 3 subdistrict seat."""
        return self._extra.get(pid, {}).get("capital_level")

    def seat(self, pid: str) -> Place | None:
        """The seat town of a governorate, district or subdistrict (whose point the unit takes,
        as ACLED places an event known only to a province at its capital), or None."""
        sid = self._extra.get(pid, {}).get("seat")
        return self.places.get(sid) if sid else None

    def names(self) -> Iterator[tuple[str, str]]:
        """Every (name form, place id) pair: names, source aliases and rule variants."""
        for p in self.places.values():
            for a in p.aliases:
                yield a, p.id

    def keys(self, kind: str = "fold") -> dict[str, list[str]]:
        """The name index: normalised key -> place ids (``kind``: fold, loose or skeleton)."""
        return {"fold": self._fold, "loose": self._loose, "skeleton": self._skel}[kind]

    # ------------------------------------------------------------------ resolution
    def admin1_code(self, hint: str | None) -> str | None:
        """A governorate pcode from a pcode ('SY05') or a name ('Hama', 'حماة'); None if unknown."""
        if not hint:
            return None
        h = str(hint).strip()
        if h.upper() in self.places and self.places[h.upper()].kind == "governorate":
            return h.upper()
        for pid in self._fold.get(fold(h), ()):  # the whole string first: 'Rif Dimashq', 'Rural Damascus'
            if self.places[pid].kind == "governorate":
                return pid
        q = parse_query(h)
        for ids in (self._fold.get(fold(q.name)), self._loose.get(loose_key(q.name))):
            for pid in ids or ():
                p = self.places[pid]
                if p.kind == "governorate":
                    return _COUNTRYSIDE_OF.get(pid, pid) if q.countryside else pid
            for pid in ids or ():
                p = self.places[pid]
                if p.kind == "town" and self.capital_level(pid) in (0, 1):
                    return _COUNTRYSIDE_OF.get(p.admin1, p.admin1) if q.countryside else p.admin1
        return None

    def _match(self, text: str, fuzzy: bool = True) -> dict[str, float]:
        """Place ids matching ``text`` with a match quality in (0, 1]; ``fuzzy=False`` stops
        after the exact and loose levels. Cached per ``(text, fuzzy)``; callers get a copy."""
        key = (text, fuzzy)
        hit = self._match_cache.get(key)
        if hit is None:
            hit = self._match_uncached(text, fuzzy)
            if len(self._match_cache) > 200_000:
                self._match_cache.clear()
            self._match_cache[key] = hit
        return dict(hit)

    def _match_uncached(self, text: str, fuzzy: bool) -> dict[str, float]:
        f = fold(text)
        if not f:
            return {}
        out: dict[str, float] = {}
        for pid in self._fold.get(f, ()):
            out[pid] = 1.0
        lk = loose_key(text)
        loose_hits = [pid for pid in self._loose.get(lk, ()) if pid not in out]
        if loose_hits:
            from rapidfuzz import fuzz

            core = _strip_articles(f)
            for pid in loose_hits:
                # how close the spelling is to the nearest alias sharing the key
                best = max((fuzz.ratio(core, a) for a in self._aliases_by_key(pid).get(lk, ())), default=0.0)
                if best >= 60:
                    out[pid] = 0.6 + 0.35 * best / 100.0
        if is_arabic(f):
            if out:
                return self._add_latin_only(f, out)
            # clitic conjunctions/prepositions: 'وحماة', 'بإدلب'
            if f[:1] in _ARABIC_CLITICS and len(f) > 3:
                inner = self._match(f[1:], fuzzy=False)
                if inner:
                    return {k: v * 0.97 for k, v in inner.items()}
            if not fuzzy:
                return {}
            return self._add_latin_only(f, self._arabic_skeleton_match(f, lk))
        if not fuzzy and out:
            return self._native_agreement(text, out)
        if not fuzzy:
            return {}
        return self._native_agreement(text, self._skeleton_match(text, lk, out))

    def _native_agreement(self, text: str, out: dict[str, float]) -> dict[str, float]:
        """Among places only spelt alike (below 0.9), lift by 0.007 those whose Arabic name the
        Latin ``text`` transliterates consonant for consonant, q/k, kh/h, sh/s, th/t apart
        ('Kudayran' ~ كديران, not قديران; 'Lataminah' ~ اللطامنة, not اللطمة): a tie-breaker
        that never lifts a guess to the 'spelt right' level."""
        fsk = None
        for pid, v in out.items():
            if v >= 0.9:
                continue
            if fsk is None:
                fsk = fine_skeleton(text)
            if fsk in self._native_keys(pid)[1]:
                out[pid] = min(v + 0.007, 0.899)
        return out

    def _aliases_by_key(self, pid: str) -> dict[str, list[str]]:
        """The aliases of a place grouped by loose key (folded, articles stripped), worked out on
        first use of the place."""
        d = self._by_key.get(pid)
        if d is None:
            d = {}
            for a in self.places[pid].aliases:
                d.setdefault(loose_key(a), []).append(_strip_articles(fold(a)))
            self._by_key[pid] = d
        return d

    def _native_keys(self, pid: str) -> tuple[frozenset, frozenset, tuple]:
        """(skeletons, fine skeletons, loose keys) of a place's Arabic names, on first use."""
        k = self._native.get(pid)
        if k is None:
            native = [a for a in self.places[pid].aliases if not a.isascii()]
            k = self._native[pid] = (frozenset(map(skeleton, native)), frozenset(map(fine_skeleton, native)),
                                     tuple(map(loose_key, native)))
        return k

    def _add_latin_only(self, f: str, out: dict[str, float]) -> dict[str, float]:
        """Add places with no Arabic name in any source (most Damascus neighbourhoods) whose Latin
        consonants are those of the Arabic ``f`` ('جوبر' ~ 'Jowbar'), at a lower score: the only way
        an Arabic report can name them."""
        if self._latin_only is None:
            lo: dict[str, list[str]] = {}
            for p in self.places.values():
                if p.name_ar or not all(a.isascii() for a in p.aliases):
                    continue
                for k in {skeleton(a) for a in p.aliases}:
                    # two consonants ('Mezzeh', 'المزة') only for a neighbourhood, and scored lower
                    if len(k) >= 3 or (len(k) == 2 and p.kind == "neighbourhood"):
                        lo.setdefault(k, []).append(p.id)
            self._latin_only = lo
        sk = skeleton(f)
        hits = self._latin_only.get(sk, ())
        if not hits:
            return out
        out = dict(out)
        for pid in hits:
            out.setdefault(pid, 0.8 if len(sk) >= 3 else 0.7)
        return out

    def _arabic_skeleton_match(self, f: str, lk: str) -> dict[str, float]:
        """Arabic spellings that differ in long vowels, spacing or hamza ('تل منيس' ~ 'تلمنس')."""
        from rapidfuzz import fuzz

        sk = skeleton(f)
        hits = self._skel.get(sk, ()) if len(sk) >= 3 else ()
        out: dict[str, float] = {}
        if len(hits) > 40:
            return out
        for pid in hits:
            best = max((fuzz.ratio(lk, k) for k in self._native_keys(pid)[2]), default=0.0)
            if best >= 70:
                out[pid] = 0.55 + 0.35 * best / 100.0
        return out

    def _skeleton_match(self, text: str, lk: str, out: dict[str, float]) -> dict[str, float]:
        """Add places sharing the consonant skeleton, scored by similarity of loose keys;
        with no match at all, fall back to fuzzy search over every key."""
        from rapidfuzz import fuzz

        sk = skeleton(text)
        hits = self._skel.get(sk, ()) if len(sk) >= 2 else ()
        cap = 40 if len(sk) >= 3 else 6
        fsk = fine_skeleton(text)
        if len(hits) > cap and len(sk) >= 3:
            # too many spellings alike: keep those whose names have the finer consonants
            # ('Khurayta' -> الخريطة, not every k-r-t)
            hits = [pid for pid in hits if any(fine_skeleton(a) == fsk for a in self.places[pid].aliases)]
        if len(hits) <= cap:
            for pid in hits:
                if pid in out:
                    continue
                best = max((fuzz.ratio(lk, k) for k in self._latin_keys(pid)), default=0.0)
                if sk in self._native_keys(pid)[0]:
                    best = max(best, 80.0)  # same consonants as the Arabic name
                if best >= 70:
                    out[pid] = 0.55 + 0.35 * best / 100.0
        if out:
            return out
        if "|" not in lk:
            # the plain name of villages known only as 'Lower X' / 'Upper X' (or East/West, Big/Small):
            # either of them, as a spelling guess ('Buqrus' ~ Lower and Upper Baqras)
            for q in QUALIFIER_TOKENS:
                for pid in self._loose.get(f"{lk}|{q}", ()):
                    out[pid] = max(out.get(pid, 0.0), 0.8)
                if len(sk) >= 3:
                    for pid in self._skel.get(f"{sk}|{q}", ()):
                        out.setdefault(pid, 0.75)
            if out:
                return out
        cut = _fuzzy_cutoff(len(lk))
        if cut is None:
            return out
        from rapidfuzz import process

        if self._loose_list is None:
            buckets: dict[str, list[str]] = {}
            for k in self._loose:
                if k.isascii() and k:
                    buckets.setdefault(k[0], []).append(k)
            self._loose_list = buckets
        # misspellings rarely change the first letter (vowel variants are folded by loose_key)
        pool = self._loose_list.get(lk[:1], [])
        core, _, quals = lk.partition("|")
        for key, score, _ in process.extract(lk, pool, scorer=fuzz.ratio, score_cutoff=cut, limit=8):
            kcore, _, kquals = key.partition("|")
            if kquals != quals:
                continue  # 'Lower X' is not 'Upper X', nor plain 'X'
            if quals:
                score = fuzz.ratio(core, kcore)
                if score < cut:
                    continue
            for pid in self._loose[key]:
                out[pid] = max(out.get(pid, 0.0), 0.5 + 0.4 * score / 100.0)
        return out

    def _latin_keys(self, pid: str) -> list[str]:
        """The Latin-letter loose keys of a place's names, from the index (built on first use, so
        no alias key is computed again while matching)."""
        if self._keys_of is None:
            ko: dict[str, list[str]] = {}
            for k, ids in self._loose.items():
                if k and k.isascii():
                    for i in ids:
                        ko.setdefault(i, []).append(k)
            self._keys_of = ko
        return self._keys_of.get(pid, [])

    def _fuzzy_within(self, text: str, admin1: str) -> dict[str, float]:
        """Fuzzy search restricted to the places of one governorate (used when a hint is given)."""
        from rapidfuzz import fuzz, process

        if not hasattr(self, "_by_admin1"):
            by: dict[str, tuple[list[str], list[str]]] = {}
            for p in self.places.values():
                if not p.admin1:
                    continue
                keys, ids = by.setdefault(p.admin1, ([], []))
                for a in p.aliases:
                    k = loose_key(a)
                    if k:
                        keys.append(k)
                        ids.append(p.id)
            self._by_admin1 = by
        keys, ids = self._by_admin1.get(admin1, ([], []))
        lk = loose_key(text)
        if len(lk) < 4:
            return {}
        out: dict[str, float] = {}
        for _, score, i in process.extract(lk, keys, scorer=fuzz.ratio, score_cutoff=75, limit=5):
            out[ids[i]] = max(out.get(ids[i], 0.0), 0.5 + 0.4 * score / 100.0)
        return out

    def candidates(self, name: str, admin1: str | None = None, kind: str | None = None, limit: int = 10,
                   context: str | None = None) -> list[Place]:
        """Places ``name`` may refer to, best first, each with a ``score`` in (0, 1].

        ``admin1`` (a governorate pcode or name) and ``kind`` ('town', 'governorate', ...)
        are hints: matching places rank first, others follow with a lower score. ``context``
        is text around the name (a headline, a sentence): governorates and major towns it
        names break ties between namesakes, after the ``admin1`` hint.
        """
        ck = (name, admin1, kind, limit, context)
        hit = self._cache.get(ck)
        if hit is not None:
            return hit
        res = self._candidates(name, admin1, kind, limit, self.context_admin1(context) if context else frozenset())
        if len(self._cache) > 200_000:
            self._cache.clear()
        self._cache[ck] = res
        return res

    def context_admin1(self, text: str) -> frozenset[str]:
        """Governorates that ``text`` names unambiguously (by a governorate, district or
        subdistrict name, or the name of a seat town), for breaking ties between namesakes."""
        words = fold(text).split()
        found: set[str] = set()
        i = 0
        while i < len(words):
            for n in (3, 2, 1):
                if i + n > len(words):
                    continue
                key = " ".join(words[i:i + n])
                if len(key) < 4:
                    continue
                ids = self._fold.get(key) or self._loose.get(loose_key(key))
                if not ids:
                    continue
                big = [self.places[pid] for pid in ids
                       if self.places[pid].kind in ("governorate", "district", "subdistrict")
                       or (self.places[pid].kind == "town" and self.places[pid].rank >= 48)]
                a1 = {p.admin1 for p in big if p.admin1}
                if len(a1) == 1:
                    found |= a1
                    i += n - 1
                    break
            i += 1
        return frozenset(found)

    def is_foreign(self, name: str) -> bool:
        """True when ``name`` is a known place outside Syria (Beirut, Erbil, Washington...) and
        no Syrian place has exactly this name."""
        f = fold(str(name))
        if f in self._fold:
            return False
        if self._foreign is None:
            try:
                from ..extract.foreign import foreign_places

                self._foreign = frozenset(foreign_places())
            except Exception:  # the extraction data is optional for resolution
                self._foreign = frozenset()
        return f in self._foreign

    def _candidates(self, name: str, admin1: str | None, kind: str | None, limit: int,
                    ctx: frozenset[str] = frozenset()) -> list[Place]:
        if name is None:
            return []
        name = str(name)
        if self.is_foreign(name):
            return []
        q = parse_query(name)
        # the whole string first ('Rural Damascus', 'Eastern Ghouta'), without a bracketed other
        # name ('Tiyas Military Airbase (T4)'): fuzzy only if it is all there is
        whole = _BRACKET.sub(" ", name).strip() or name
        matches = self._match(whole, fuzzy=not q.name or fold(q.name) == fold(whole))
        if matches and max(matches.values()) >= 0.9:
            q = ParsedQuery(name=whole, admin1_hint=q.admin1_hint)  # the whole string is a name
        elif q.name and fold(q.name) != fold(whole) and (head := self._name_before_hints(whole, q.name)):
            # a name that ends in a descriptor, with more descriptors after it: 'Shaer gas field
            # area' is the site named 'Shaer gas field', not the village Sher
            name_part, hints = head
            matches = self._match(name_part, fuzzy=False)
            q = ParsedQuery(name=name_part, admin1_hint=q.admin1_hint, countryside="countryside" in hints,
                            near="near" in hints, kind=next((h for h in hints if h not in ("countryside", "near", None)), None))
        elif q.name and fold(q.name) != fold(whole) and (tail := self._name_after_hints(whole)):
            # a name that holds a descriptor after leading hint words: 'محيط مطار كويرس' is near
            # the airbase named 'مطار كويرس', not near the village 'كويرس'
            matches = self._match(tail, fuzzy=False)
            q.name = tail
        elif q.name and fold(q.name) != fold(name):
            m2 = {}
            if q.direction_word:
                # 'Western Ghariyah town': the direction may be part of the name
                m2 = self._match(f"{q.direction_word} {q.name}", fuzzy=False)
                if m2 and max(m2.values()) >= 0.9:
                    q.direction = q.direction_word = None
                else:
                    m2 = {}
            m2 = m2 or self._match(q.name)
            if m2 and (not matches or max(m2.values()) > max(matches.values())):
                matches = m2
        if not matches or max(matches.values()) < 0.9:
            # the other name ('... (T4)', 'A/B village') when the first one is only spelt alike
            for alt in q.alternatives:
                alt_m = self._match(parse_query(alt).name, fuzzy=not matches)
                if alt_m and (not matches or max(alt_m.values()) >= 0.9):
                    matches = alt_m
                    break
        if not matches:
            return []
        want_kind = kind or q.kind
        hint = self.admin1_code(admin1) or self.admin1_code(q.admin1_hint)
        if hint and not any(self.places[pid].admin1 == hint for pid in matches):
            # the hint says where to look: search that governorate's names more loosely
            for pid, s in self._fuzzy_within(q.name or name, hint).items():
                matches.setdefault(pid, s)
        if q.countryside:
            lifted: dict[str, float] = {}
            for pid, s in matches.items():
                p = self.places[pid]
                if p.kind == "governorate":
                    tgt = _COUNTRYSIDE_OF.get(pid, pid)
                elif p.kind == "town" and self.capital_level(pid) in (0, 1):
                    tgt = _COUNTRYSIDE_OF.get(p.admin1, p.admin1)
                elif p.kind in ("district", "subdistrict", "region"):
                    tgt = pid
                else:
                    continue
                lifted[tgt] = max(lifted.get(tgt, 0.0), s)
            if lifted:
                matches = lifted
                want_kind = kind or "governorate"
        kinds_ok = _KIND_OK.get(want_kind or "", ())
        # the kind asked for, unless it is only spelt alike and another kind is spelt right
        # ('Houla town': the Houla area, not the village al-Hol)
        kind_best = max((v for pid, v in matches.items() if self.places[pid].kind in kinds_ok), default=0.0)

        def sort_key(pid: str):
            p = self.places[pid]
            hint_ok = hint is None or p.admin1 == hint
            kind_ok = not kinds_ok or p.kind in kinds_ok or matches[pid] >= 0.9 > kind_best
            kind_pos = kinds_ok.index(p.kind) if p.kind in kinds_ok else len(kinds_ok)
            ctx_ok = not ctx or p.admin1 in ctx
            m = matches[pid]
            return (not hint_ok, not kind_ok, -round(m, 2 if m >= 0.9 else 3), not ctx_ok, kind_pos, -p.rank, -(p.population or 0), pid)

        ordered = sorted(matches, key=sort_key)
        top_key = sort_key(ordered[0])
        tied = [pid for pid in ordered if sort_key(pid)[:6] == top_key[:6]]
        ambiguous = len({self.places[pid].admin1 for pid in tied}) > 1
        top = self.places[ordered[0]]
        major = top.kind == "governorate" or (top.kind == "town" and self.capital_level(top.id) in (0, 1))
        out: list[Place] = []
        prev = 1.0
        for pid in ordered[:limit]:
            s = matches[pid]
            k = sort_key(pid)
            if k[0]:
                s *= 0.7  # outside the hinted governorate
            elif k[1]:
                s *= 0.85  # not of the hinted kind
            if ambiguous and pid in tied:
                s *= 0.75  # equally good namesakes in other governorates: say so in the score
            p = self.places[pid]
            if major and p.kind == "town" and p.admin1 != top.admin1 and k[2] == top_key[2]:
                s *= 0.9  # a village named like a governorate or its capital: the big place, by a margin
            s = min(s, prev)  # ranked, so scored no higher than the one before
            prev = s
            out.append(p.with_score(min(1.0, s), match=min(1.0, matches[pid])))
        return out

    def _name_before_hints(self, text: str, core: str) -> tuple[str, list[str | None]] | None:
        """The longest head of ``text``, longer than the bare name ``core``, that is itself a
        gazetteer name (exact or loose) once one or two trailing descriptor words ('area', 'town',
        'countryside') are dropped, with the hints those words give."""
        words = text.split()
        hints: list[str | None] = []
        for k in range(1, min(3, len(words))):
            w = fold(words[-k])
            if w not in DESCRIPTORS:
                return None
            hints.append(DESCRIPTORS[w])
            head = " ".join(words[:-k])
            if head[-2:] in ("'s", "’s") or len(fold(head)) <= len(fold(core)):  # "Douma's outskirts"
                return None
            m = self._match(head, fuzzy=False)
            if m and max(m.values()) >= 0.9:
                return head, hints
        return None

    def _name_after_hints(self, text: str) -> str | None:
        """The longest tail of ``text`` that is itself a gazetteer name (exact or loose) once one to
        three leading words that only hint ('near', 'the outskirts of', 'محيط') are dropped."""
        words = text.split()
        for k in range(1, min(4, len(words))):
            head = [fold(w) for w in words[:k]]
            if not all(w in _HINT_WORDS or DESCRIPTORS.get(w, "x") in ("near", None) for w in head):
                return None
            tail = " ".join(words[k:])
            m = self._match(tail, fuzzy=False)
            if m and max(m.values()) >= 0.9:
                return tail
        return None

    def resolve(self, name: str, admin1: str | None = None, kind: str | None = None, min_score: float = 0.6,
                context: str | None = None) -> Place | None:
        """The single best place for ``name``, or None when nothing scores ``min_score`` or more."""
        c = self.candidates(name, admin1=admin1, kind=kind, limit=2, context=context)
        if c and c[0].score >= min_score:
            return c[0]
        return None

    # ------------------------------------------------------------------ geometry
    @property
    def spatial(self):
        """The spatial index (boundaries, regions, neighbourhoods), loaded on first use."""
        if self._spatial is None:
            from .spatial import SpatialIndex

            self._spatial = SpatialIndex(self.path)
        return self._spatial

    def admin_units(self, point) -> dict[str, Any]:
        """Admin pcodes, regions and Damascus neighbourhood containing ``point``.

        ``point`` is a shapely Point (lon, lat) or a ``(lat, lon)`` pair. Returns
        ``{"admin1", "admin2", "admin3", "regions": [...], "neighbourhood"}``; admin codes are None
        outside Syria.
        """
        if isinstance(point, (tuple, list)):
            lat, lon = float(point[0]), float(point[1])
        else:
            lon, lat = point.x, point.y
        return self.spatial.locate(lon, lat)

    def geometry(self, pid: str):
        """The polygon of an admin unit, region or neighbourhood; the point of anything else."""
        g = self.spatial.geometry(pid)
        if g is None and pid in self.places:
            return self.places[pid].point
        return g
