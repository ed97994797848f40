"""Text normalisation for matching place names in English and Arabic.

Three levels, each a function of the one before:

``fold``
    Character-level folding that keeps a map back to the original offsets: lower case,
    Latin diacritics removed, apostrophes and ayn/hamza signs dropped, punctuation turned
    into spaces, and Arabic normalised (alef forms -> ا, ة -> ه, ى -> ي, ؤ -> و, ئ -> ي,
    diacritics and tatweel removed, Persian letter forms, Arabic-Indic digits).
``loose_key``
    A transliteration-tolerant key: articles (al-, el-, ad-, ash- ... and Arabic ال) and
    spaces removed, the usual variant spellings collapsed (ou/u, ee/i, ei/ey/ay, ow/o, e/a, o/u,
    q/k, doubled letters, Deir/Dayr, Tell/Tall, Zor/Zour/Zawr ...).
``skeleton``
    The consonants of the loose key, used only to propose candidates for fuzzy scoring.

All three are pure functions of their input. ``fold`` is idempotent (folding twice changes
nothing); ``loose_key`` and ``skeleton`` are one-way keys, stable under folding:
``loose_key(fold(s)) == loose_key(s)``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = [
    "NORMALIZER_VERSION",
    "fold",
    "fold_with_offsets",
    "loose_key",
    "skeleton",
    "fine_skeleton",
    "is_arabic",
    "ARTICLES",
    "QUALIFIER_TOKENS",
]

#: Bump when any rule below changes: the built gazetteer index records it.
NORMALIZER_VERSION = 10

_ARABIC_MAP = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ة": "ه", "ۀ": "ه", "ە": "ه",
    "ى": "ي", "ی": "ي", "ې": "ي", "ئ": "ي",
    "ؤ": "و",
    "ک": "ك", "ڪ": "ك",
    "ء": "",
    "ـ": "",  # tatweel
}
_APOSTROPHES = set("'’‘`´ʿʾʼʻ′ʹ\u02bf\u02be")


def _fold_char(ch: str) -> str:
    """Fold one character to zero or more characters (see module doc)."""
    o = ord(ch)
    if ch.isascii():
        if ch.isalnum():
            return ch.lower()
        if ch in _APOSTROPHES:
            return ""
        return " "
    if 0x0600 <= o <= 0x06FF or 0x0750 <= o <= 0x077F or 0xFB50 <= o <= 0xFEFF:
        if ch in _ARABIC_MAP:
            return _ARABIC_MAP[ch]
        if 0x064B <= o <= 0x065F or o == 0x0670 or 0x06D6 <= o <= 0x06ED:
            return ""  # harakat, Quranic marks
        if 0x0660 <= o <= 0x0669:
            return chr(o - 0x0660 + 0x30)
        if 0x06F0 <= o <= 0x06F9:
            return chr(o - 0x06F0 + 0x30)
        if 0xFB50 <= o <= 0xFEFF:  # presentation forms
            n = unicodedata.normalize("NFKC", ch)
            if n != ch:
                return "".join(_fold_char(c) for c in n)
        if unicodedata.category(ch).startswith("L"):
            return ch
        return " "
    if ch in _APOSTROPHES:
        return ""
    if ch.isspace():
        return " "
    decomposed = unicodedata.normalize("NFKD", ch)
    out = []
    for c in decomposed:
        if unicodedata.combining(c):
            continue
        if c.isascii():
            out.append(c.lower() if c.isalnum() else ("" if c in _APOSTROPHES else " "))
        elif unicodedata.category(c)[0] in "LN":
            out.append(c.lower())
        elif c in _APOSTROPHES:
            continue
        else:
            out.append(" ")
    res = "".join(out)
    # lower() can grow a string (e.g. 'İ'); keep the fold idempotent
    return res if res == res.lower() else res.lower()


@lru_cache(maxsize=4096)
def _fold_char_cached(ch: str) -> str:
    return _fold_char(ch)


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """Fold ``text`` and return it with ``offsets``: ``offsets[i]`` is the index in ``text``
    of the character that produced folded character ``i``. Runs of spaces collapse to one
    and leading/trailing spaces are kept as single spaces, so a match ``[i, j)`` in the
    folded text maps back to ``text[offsets[i]:offsets[j-1]+1]``.
    """
    out: list[str] = []
    offs: list[int] = []
    prev_space = False
    for idx, ch in enumerate(text):
        f = _fold_char_cached(ch)
        for c in f:
            if c == " ":
                if prev_space:
                    continue
                prev_space = True
            else:
                prev_space = False
            out.append(c)
            offs.append(idx)
    return "".join(out), offs


_ASCII_APOS = re.compile(r"['`]")
_ASCII_NON_ALNUM = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=300_000)
def fold(text: str) -> str:
    """Fold ``text`` (no offsets) and strip outer spaces."""
    if text.isascii():  # fast path, same result as the general one
        return _ASCII_NON_ALNUM.sub(" ", _ASCII_APOS.sub("", text.lower())).strip()
    return fold_with_offsets(text)[0].strip()


def is_arabic(text: str) -> bool:
    """True when most letters of ``text`` are Arabic."""
    ar = lat = 0
    for ch in text:
        o = ord(ch)
        if 0x0600 <= o <= 0x06FF or 0x0750 <= o <= 0x077F or 0xFB50 <= o <= 0xFEFF:
            ar += 1
        elif ch.isascii() and ch.isalpha():
            lat += 1
    return ar > lat


#: Latin transliterations of the Arabic article (as separate tokens after folding).
ARTICLES = frozenset(
    "al el il ul ad ed ud ash esh as es ar er az ez at et an en adh edh ath eth aj ek".split()
)

# Word-level spelling families: every member maps to the first form.
_WORD_FAMILIES = [
    ("dayr", "deir dayr dair der dier deyr dir"),
    ("tal", "tell tall tal tel til tul"),
    ("kafr", "kafr kfar kafar kufr kfr kefr kafer kfer kofr"),
    ("jabal", "jabal jebel jabel jbel jebal jabl"),
    ("ayn", "ain ein ayn ayin aen eyn"),
    ("bayt", "beit bayt bait beyt bet"),
    ("abu", "abu abou abo"),
    ("ras", "ras raas res"),
    ("zur", "zor zour zawr zur zohr"),
    ("bir", "bir beer bi r bi'r be'r ber"),
    ("maarat", "maarat maarrat marat maaret maarrah maara maart maraat"),
    ("khirbat", "khirbat khirbet kherbet khirbeh kherbeh"),
    ("qasr", "qasr kasr qaser"),
    ("sheikh", "sheikh shaykh shaikh shekh shiekh sheik"),
    ("mazraa", "mazraa mazraat mazraah mazrah"),
    ("hay", "hay hayy hai"),
]
_WORD_MAP: dict[str, str] = {}
for _canon, _members in _WORD_FAMILIES:
    for _m in _members.split():
        _WORD_MAP.setdefault(_m, _canon)

# Letter-level rules, applied in order to each Latin word (after the word map).
_LETTER_RULES = [
    (re.compile(r"ou|oo|uw"), "u"),
    (re.compile(r"ee|ie|iy|yi"), "i"),
    (re.compile(r"ei|ey|ai|ay"), "ay"),
    (re.compile(r"au"), "aw"),
    (re.compile(r"ow(?=[b-df-hj-np-tv-z])"), "o"),  # the diphthong before a consonant: Jowbar ~ Jobar
    (re.compile(r"ph"), "f"),
    (re.compile(r"q"), "k"),
    (re.compile(r"ck"), "k"),
    (re.compile(r"dh"), "d"),
    (re.compile(r"gh"), "g"),
    (re.compile(r"[ei]"), "a"),
    (re.compile(r"o"), "u"),
    (re.compile(r"([a-z])\1+"), r"\1"),
    (re.compile(r"h$"), ""),  # ta marbuta written -eh/-ah: Salhiyeh ~ Salhiye
]

_ARABIC_LETTER_RE = re.compile(r"[\u0600-\u06FF]")


@lru_cache(maxsize=100_000)
def _loose_word(w: str) -> str:
    if _ARABIC_LETTER_RE.search(w):
        if w.startswith("ال") and len(w) > 3:
            w = w[2:]
        return w
    w = _WORD_MAP.get(w, w)
    for rx, rep in _LETTER_RULES:
        w = rx.sub(rep, w)
    return _WORD_MAP.get(w, w)


# Qualifiers that tell namesake villages apart, in any of their spellings and in either
# language, and in either position ('Lower Baguz' = 'Baghuz at-Tahtani' = 'الباغوز تحتاني'):
# mapped to one token each and moved to the end of the key.
_QUALIFIERS = {
    "lower": "lower", "tahtani": "lower", "tahtaniyah": "lower", "tahtaniyeh": "lower", "tahtania": "lower",
    "upper": "upper", "fawqani": "upper", "fouqani": "upper", "foqani": "upper", "fauqani": "upper", "fawqaniyah": "upper",
    "big": "big", "great": "big", "greater": "big", "kabir": "big", "kabirah": "big", "kabira": "big", "kbir": "big",
    "kbire": "big", "kebir": "big", "kabireh": "big", "kubra": "big", "kobra": "big",
    "small": "small", "little": "small", "lesser": "small", "saghir": "small", "saghirah": "small", "saghira": "small",
    "sghir": "small", "sghire": "small", "saghireh": "small", "sughra": "small", "soghra": "small",
    "east": "east", "eastern": "east", "sharqi": "east", "sharqiyah": "east", "sharqiya": "east", "sharkiyeh": "east",
    "sharqiyeh": "east", "sharkia": "east", "sharkiyah": "east", "sharki": "east",
    "west": "west", "western": "west", "gharbi": "west", "gharbiyah": "west", "gharbiya": "west", "gharbiyeh": "west",
    "north": "north", "northern": "north", "shamali": "north", "shamaliyah": "north", "shamaliyeh": "north",
    "south": "south", "southern": "south", "janubi": "south", "janubiyah": "south", "janoubi": "south",
    "qibli": "south", "qebli": "south",
    "تحتاني": "lower", "التحتاني": "lower", "التحتانيه": "lower", "تحتانيه": "lower",
    "فوقاني": "upper", "الفوقاني": "upper", "الفوقانيه": "upper", "فوقانيه": "upper",
    "الكبير": "big", "كبير": "big", "الكبيره": "big", "كبيره": "big", "الكبري": "big", "كبري": "big",
    "الصغير": "small", "صغير": "small", "الصغيره": "small", "صغيره": "small", "الصغري": "small", "صغري": "small",
    "الشرقي": "east", "شرقي": "east", "الشرقيه": "east", "شرقيه": "east",
    "الغربي": "west", "غربي": "west", "الغربيه": "west", "غربيه": "west",
    "الشمالي": "north", "شمالي": "north", "الشماليه": "north", "شماليه": "north",
    "الجنوبي": "south", "جنوبي": "south", "الجنوبيه": "south", "جنوبيه": "south", "القبلي": "south", "قبلي": "south",
}


#: The tokens qualifiers are mapped to ('lower', 'upper', 'big', ...), as loose keys end with them.
QUALIFIER_TOKENS = tuple(sorted(set(_QUALIFIERS.values())))


def _split_qualifiers(words: list[str]) -> tuple[list[str], list[str]]:
    """Separate qualifier words (see ``_QUALIFIERS``) from the name proper; never empties it."""
    if len(words) < 2:
        return words, []
    core = [w for w in words if w not in _QUALIFIERS]
    if not core or len(core) == len(words):
        return words, []
    while len(core) > 1 and core[-1] in ARTICLES:  # 'Baghuz at-Tahtani': the qualifier's article
        core.pop()
    return core, sorted({_QUALIFIERS[w] for w in words if w in _QUALIFIERS})


@lru_cache(maxsize=200_000)
def loose_key(text: str) -> str:
    """A spelling-tolerant key of ``text``: see the module doc. Empty for empty input."""
    words = fold(text).split()
    words, quals = _split_qualifiers(words)
    # attached Latin articles: 'alhasakah', 'al-bab' (hyphen already a space)
    kept: list[str] = []
    for i, w in enumerate(words):
        if w in ARTICLES and i + 1 < len(words):
            continue
        if len(w) > 5 and w[:2] in ("al", "el") and w[2] in "bcdfghjkmnpqrstvwxyz" and (
            w[3] not in "aeiouy" or w[2] in "bdhjkmnqstz"
        ):
            # attached article: 'alhasakah' -> 'hasakah', 'Elshih' -> 'shih'; not 'aleppo'
            w = w[2:]
        kept.append(w)
    if not kept:
        kept = words
    return "".join(_loose_word(w) for w in kept) + "".join("|" + q for q in quals)


# Arabic letters -> the Latin consonant most transliterations use (long vowels, ayn, hamza dropped)
_AR_CONS = {
    "ب": "b", "ت": "t", "ث": "t", "ج": "j", "ح": "h", "خ": "k", "د": "d", "ذ": "d", "ر": "r", "ز": "z",
    "س": "s", "ش": "s", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "", "غ": "g", "ف": "f", "ق": "k",
    "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "", "ي": "", "ا": "", "ى": "", "پ": "b",
    "چ": "j", "گ": "g", "ڤ": "f",
}
_LAT_DIGRAPHS = re.compile(r"kh|sh|ch|th|dh|gh|ph")
_LAT_DIGRAPH_MAP = {"kh": "k", "sh": "s", "ch": "s", "th": "t", "dh": "d", "gh": "g", "ph": "f"}
_LAT_CONS = str.maketrans({"q": "k", "p": "b", "v": "f", "x": "ks", "c": "k"})
_FINAL_H = re.compile(r"(?<=[aeiouy])h$")
_VOWELS = re.compile(r"[aeiouyw]")
_DOUBLED_LATIN = re.compile(r"([a-z])\1+")
_DOUBLED = re.compile(r"(.)\1+")


def _arabic_consonants(w: str, table: dict[str, str]) -> str:
    """The consonants of an Arabic word by ``table``: article, long vowels and ta marbuta dropped."""
    if w.startswith("ال") and len(w) > 3:
        w = w[2:]
    if len(w) > 2 and w[-1] in "هح":
        w = w[:-1]  # ta marbuta (and final h, which Latin spellings cannot tell from it)
    return "".join(table.get(c, "" if "\u0600" <= c <= "\u06ff" else c) for c in w)


def _consonant_key(text: str, word, doubled: re.Pattern) -> str:
    """The consonants of ``text``'s words by ``word`` (articles dropped, doubled letters made
    single by ``doubled``), then its qualifiers: what :func:`skeleton` and :func:`fine_skeleton` share."""
    words, quals = _split_qualifiers(fold(text).split())
    words = [w for i, w in enumerate(words) if not (w in ARTICLES and i + 1 < len(words))]
    return doubled.sub(r"\1", "".join(map(word, words))) + "".join("|" + q for q in quals)


def _cons_word(w: str) -> str:
    if _ARABIC_LETTER_RE.search(w):
        return _arabic_consonants(w, _AR_CONS)
    w = _WORD_MAP.get(w, w)
    w = _FINAL_H.sub("", w)  # -ah/-eh ta marbuta
    w = _LAT_DIGRAPHS.sub(lambda m: _LAT_DIGRAPH_MAP[m.group(0)], w)
    w = w.translate(_LAT_CONS)
    return _VOWELS.sub("", w)


@lru_cache(maxsize=200_000)
def skeleton(text: str) -> str:
    """A consonant key shared across scripts: 'Hazrama' and 'حزرما' -> 'hzrm'; 'Kafr Zita' and
    'Kfar Zeita' -> 'kfrzt'. Articles, long vowels, ayn/hamza and ta marbuta are dropped and
    digraphs (kh, sh, th, dh, gh) folded, so it proposes candidates across spellings and scripts;
    matches are then scored on the spelling itself."""
    return _consonant_key(text, _cons_word, _DOUBLED_LATIN)


# A finer consonant key: the letters that Latin spellings keep apart (q/k, kh/h, sh/s, th/t,
# gh/g, dh/d) stay apart, so it can tell 'Kudayran' (كديران) from 'Qdeiran' (قديران). Latin letters
# are translated before the digraphs are read, so 'ch' reads as 'kh' and 'ph' as 'bh'.
_AR_FINE = dict(_AR_CONS, **{"ث": "θ", "ذ": "ð", "خ": "x", "ش": "š", "غ": "γ", "ق": "q"})
_LAT_FINE_DIGRAPHS = re.compile(r"kh|sh|th|dh|gh")
_LAT_FINE_MAP = {"kh": "x", "sh": "š", "th": "θ", "dh": "ð", "gh": "γ"}
_LAT_FINE = str.maketrans({"p": "b", "v": "f", "x": "ks", "c": "k"})


def _fine_word(w: str) -> str:
    if _ARABIC_LETTER_RE.search(w):
        return _arabic_consonants(w, _AR_FINE)
    w = _WORD_MAP.get(w, w)
    w = _FINAL_H.sub("", w)
    w = w.translate(_LAT_FINE)
    w = _LAT_FINE_DIGRAPHS.sub(lambda m: _LAT_FINE_MAP[m.group(0)], w)
    return _VOWELS.sub("", w)


@lru_cache(maxsize=200_000)
def fine_skeleton(text: str) -> str:
    """Like :func:`skeleton`, but q/k, kh/h, sh/s, th/t, gh/g and dh/d stay apart: 'Kudayran'
    and 'كديران' -> 'kdrn', 'قديران' -> 'qdrn'. Used to prefer, among places sharing a
    skeleton, the one whose native (Arabic) name a Latin spelling transliterates letter for letter."""
    return _consonant_key(text, _fine_word, _DOUBLED)
