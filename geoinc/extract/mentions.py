"""Finding place names in report text: one Aho-Corasick automaton over every folded gazetteer
name and every foreign name, run on the folded text and mapped back to the original offsets.

A raw match becomes a :class:`~geoinc.extract.model.Mention` only if it stands at word boundaries
(in Arabic, after the clitics و ب ل ف ك and their combinations with the article), is written as a
name (capitalised in Latin script), is not part of a person's or organisation's name, and, for a
name that is also a common English word, has place context ('in Ram', 'the village of Nab').
Accepted spans are then extended over the descriptors that change their meaning ('Rural',
'countryside', 'southern', 'محافظة', 'ريف', 'وريفها').
"""

from __future__ import annotations

import bisect
import re
import threading
import time
from functools import lru_cache
from pathlib import Path

from ..text.normalize import ARTICLES, fine_skeleton, fold, loose_key
from .counts import OUTLET_NOUNS
from .fastfold import fold_with_offsets_fast as fold_with_offsets
from .fastfold import word_end
from .foreign import foreign_places
from .memo import Memo
from .model import Mention

__all__ = ["find_mentions", "matcher", "Matcher", "COMMON_WORDS", "OUTLET_NAMES"]

_GAZ, _ART, _FOREIGN = 1, 2, 4
_AR_RE = re.compile(r"[\u0600-\u06FF]")
# Arabic marks that folding drops: hamza on the line, tatweel, harakat, superscript alef

_AR_PREFIX_FULL = frozenset(["", "و", "ب", "ل", "ف", "ك", "وب", "ول", "وك", "فب", "فل", "فك"])
_AR_PREFIX_ART = frozenset(["ال", "وال", "بال", "فال", "كال", "لل", "ولل", "فلل", "وبال", "فبال"])

_COMMON_FILE = Path(__file__).with_name("data") / "common_english.txt"


# names of weapons and chemical agents that conflict reports use as words ('Sarin gas') and that
# are also place names (Sarin, a town and subdistrict near Manbij): a place only in place context
_WEAPON_WORDS = frozenset("sarin tabun soman napalm scud".split())
# family names of Syrian leaders that reports use all the time and that are also place names
# (Assad, a village near Jarablus): a place only in place context ('the Assad government' is not)
_LEADER_NAMES = frozenset("assad sharaa jolani julani".split())
_NAMED_PLACE_BEFORE = re.compile(r"\b(?:in|near|at|village of|town of)\s+$", re.I)  # (not 'of the')


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    return frozenset(
        w.strip() for w in _COMMON_FILE.read_text(encoding="utf-8").splitlines() if w.strip() and not w.startswith("#")
    ) | _WEAPON_WORDS | _LEADER_NAMES


_COMMON_AR_FILE = Path(__file__).with_name("data") / "common_arabic.txt"


@lru_cache(maxsize=1)
def _common_arabic_lists() -> tuple[frozenset[str], frozenset[str]]:
    """(every frequent Arabic word, the very frequent ones above the file's mark), folded."""
    common, very = set(), set()
    above = True
    for w in _COMMON_AR_FILE.read_text(encoding="utf-8").splitlines():
        if w.startswith("#very-common-above"):
            above = False
        if not w.strip() or w.startswith("#"):
            continue
        common.add(fold(w))
        if above:
            very.add(fold(w))
    return frozenset(common), frozenset(very)


def _common_arabic() -> frozenset[str]:
    return _common_arabic_lists()[0]


def COMMON_WORDS() -> frozenset[str]:
    """The generated list of frequent English words (see ``_make_common_words.py``)."""
    return _common_words()


class Matcher:
    """The multi-pattern matcher over folded gazetteer and foreign names (build once, share)."""

    def __init__(self, gaz) -> None:
        import ahocorasick

        t0 = time.perf_counter()
        self.gaz = gaz
        flags: dict[str, int] = {}
        for key in gaz.keys("fold"):
            if len(key) < 3 and not _AR_RE.search(key):
                continue
            if len(key) < 2:
                continue
            flags[key] = flags.get(key, 0) | _GAZ
            if key.startswith("ال") and len(key) >= 5:
                k2 = key[2:]
                flags[k2] = flags.get(k2, 0) | _ART
        self.foreign = foreign_places()
        for key in self.foreign:
            flags[key] = flags.get(key, 0) | _FOREIGN
        self.flags = flags
        # each key is stored with a space after it and looked for in the folded text with a
        # space appended: the automaton then reports only matches that end a word
        A = ahocorasick.Automaton()
        for key, f in flags.items():
            A.add_word(key + " ", (len(key), f, key))
        A.make_automaton()
        self.automaton = A
        self.build_seconds = time.perf_counter() - t0
        # places that are well known enough not to need place context even when a common word
        self._major: set[str] = set()
        # district and subdistrict seats: a preposition is context enough even for a very common word
        self._notable: set[str] = set()
        for p in gaz:
            level = gaz.capital_level(p.id)
            if p.kind in ("governorate", "region", "country") or level in (0, 1):
                for a in p.aliases:
                    self._major.add(fold(a))
            elif p.kind in ("district", "subdistrict") or level in (2, 3):
                for a in p.aliases:
                    self._notable.add(fold(a))
        _common_arabic()  # read the word list now, not during the first report
        # per-name results of the capitalised-run lookups (pure functions of the name)
        self._run_cache = Memo(lambda name: _run_core(name, gaz))
        self._fallback_cache = Memo(lambda name: _fallback_key(name, gaz))

    def is_major(self, key: str) -> bool:
        return key in self._major

    def is_notable(self, key: str) -> bool:
        """A district or subdistrict, or the seat of one (or bigger)."""
        return key in self._major or key in self._notable

    def iter_raw(self, folded: str):
        """Yield ``(start, end, key, flags, article_prefix)`` for matches at word boundaries."""
        for e, (klen, f, key) in self.automaton.iter(folded + " "):  # e: the space after the key
            s = e - klen
            if s == 0 or folded[s - 1] == " ":
                if f & (_GAZ | _FOREIGN):
                    yield s, e, key, f & (_GAZ | _FOREIGN), ""
                continue
            if not "\u0600" <= key[:1] <= "\u06ff":  # (an Arabic key: _AR_RE.match(key), cheaper)
                continue
            ws = folded.rfind(" ", 0, s) + 1
            prefix = folded[ws:s]
            if f & (_GAZ | _FOREIGN) and prefix in _AR_PREFIX_FULL:
                yield s, e, key, f & (_GAZ | _FOREIGN), ""
            elif f & _ART and prefix in _AR_PREFIX_ART:
                yield s, e, "ال" + key, _GAZ | (_FOREIGN if ("ال" + key) in self.foreign else 0), prefix


_lock = threading.Lock()
_matchers: dict[int, Matcher] = {}


def matcher(gaz=None) -> Matcher:
    """The process-wide :class:`Matcher` for ``gaz`` (default: the shared gazetteer)."""
    if gaz is None:
        from ..gazetteer import Gazetteer

        gaz = Gazetteer.load()
    m = _matchers.get(id(gaz))
    if m is None:
        with _lock:
            m = _matchers.get(id(gaz))
            if m is None:
                m = _matchers[id(gaz)] = Matcher(gaz)
    return m


# ---------------------------------------------------------------------------- context rules
# the articles that may stand between a word and the name after it ('Nour al-...')
_WORD_BEFORE_ARTICLES = ("al", "el", "ad", "as", "ash", "ar", "an", "az", "at", "ez", "es", "ed", "en", "er", "ul", "bin",
                         "ibn", "abu", "bani")
_WORD_BEFORE = re.compile(r"([\w’'\-]+?)(?:[\s\-](?:" + "|".join(_WORD_BEFORE_ARTICLES) + r")-?)?([^\w\n]*)$")


# read on the reversed text: the non-word tail, the last word character and the rest of its chunk
# (up to the whitespace before it); then the previous chunk and the whitespace before that
_LAST_CHUNK_BACK = re.compile(r"\W*\w\S*")
_CHUNK_BACK = re.compile(r"\S*\s")


def _word_before(before: str) -> re.Match | None:
    """``_WORD_BEFORE.search(before)``, without trying the start positions that cannot match.

    A match is word characters (and ’'-), an optional separator and article, then no word
    character up to the end; the pattern looks at nothing before its start. So at most one
    whitespace character, the separator, stands between its start and the last word character
    of ``before``, and that separator is followed by an article: a match starts after the
    whitespace before the last chunk unless that chunk begins with an article, and always after
    the second whitespace back. The search begins there, and finds the same match."""
    rev = before[::-1]
    last = _LAST_CHUNK_BACK.match(rev)
    if last is None or last.end() >= len(before):  # no word character, or no whitespace before it
        return _WORD_BEFORE.search(before)
    space = len(before) - 1 - last.end()  # the whitespace before the last chunk
    if not before.startswith(_WORD_BEFORE_ARTICLES, space + 1):
        return _WORD_BEFORE.search(before, space + 1)
    back = _CHUNK_BACK.match(rev, last.end() + 1)  # ... and the one before the previous chunk
    return _WORD_BEFORE.search(before, len(before) - back.end() + 1 if back else 0)


_WORD_AFTER = re.compile(r"^([^\w\n]*)([\w’'\-]+)")
_PLACE_CONTEXT_BEFORE = re.compile(
    r"\b(?:in|near|at|of|from|to|into|outside|around|toward|towards|across|targeting|targeted|hit|shelled|"
    r"village of|town of|city of|villages of|towns of|area of|outskirts of|countryside of|vicinity of)\s+(?:the\s+)?$",
    re.I,
)
_DESCRIPTOR_AFTER = re.compile(
    r"^\s*(?:[’']s\s+)?(?:countryside|governorate|province|district|sub-?district|city|town|village|villages|"
    r"neighbou?rhood|quarter|camp|desert|area|outskirts|suburbs?|region|plain|mountains?|airport|airbase)\b",
    re.I,
)
# capitalised words that may stand before a place name without making it part of another name
_LEAD_OK = frozenset(
    "the in at near of from to on and or rural southern northern eastern western central greater old "
    "north south east west northeast northwest southeast southwest north-east north-west south-east "
    "south-west northeastern northwestern southeastern southwestern syrian upper lower "
    "before after during amid since inside outside around across toward towards between within".split()
)
_SENTENCE_START = re.compile(r"(?:^|[.;:!?|\n])[\s\"“‘'(\[]*$")


def _opens_sentence_as_verb(text: str, ws: int, word: str) -> bool:
    """Whether ``word``, at offset ``ws`` of ``text``, is an English -ing word opening a sentence
    or a line ('Targeting Sarmin city ...', 'Shelling Daraa ...'): capitalised for the sentence,
    not the first word of a name."""
    w = word.lower()
    return (len(w) > 5 and w.endswith("ing") and w in _common_words()
            and _SENTENCE_START.search(text, max(0, ws - 4), ws) is not None)

# a direction qualifying the name before it ('Al-Karak Al-Sharqi' is Eastern Karak, which the
# gazetteer may know only as Karak), folded
_QUALIFIER = re.compile(r"^(?:al|el|ash|esh|as|es|ad|ed|ar|er|an|en|az|ez|at|et)?\s?(?:sharq|sharkiy|gharb|shamal|janub|janoub|qibl)\w*$")
# nationalities: capitalised, but after a place they begin what happened there ('Talbiseh Russian
# raids on ...'), not the rest of an organisation's name
_DEMONYMS = frozenset("russian syrian turkish iranian american israeli jordanian iraqi kurdish lebanese".split())
# words that a title capitalises but that never go on a place's or organisation's name
_FUNCTION_WORDS = frozenset("and or in on at to by with from near as after amid".split())
# place names that are also the first word of many compound names ('Bab Touma', 'Tal Kurdi', 'Khan
# al-Sheikh', 'Wadi Barada'): followed by another capitalised word, they begin an unknown name
_COMPOUND_HEADS = frozenset("bab tal tell kafr beit khan qasr wadi jisr".split())
# words after a place name that make it a facility or a part of the place, not another name
_TAIL_OK = frozenset(
    "governorate province district subdistrict sub-district city town village villages countryside camp "
    "desert area airport airbase base dam bridge road highway street square gate prison hospital "
    "checkpoint crossing plain plains mountain mountains neighbourhood neighborhood quarter suburb suburbs "
    "region front frontline outskirts military".split()
)
# a speaker: 'X said', and 'X al-Hadi told' (a name going on with a family name before the verb)
# an office named after the place: 'the Idlib health directorate said'
_OFFICE = (r"(?P<office>(?:\s+(?:health|security|local|city|provincial|military|civil|police|"
           r"education|interior|media|relief|municipal|governorate|regional))?"
           r"\s+(?:directorate|council|authorities|authority|governor|police|command|defen[cs]e|"
           r"ministry|office|committee|administration|agency|observatory|network|media|center|centre))")
_SPEECH_VERBS = r"reported|reports|said|says|told|quoted|cited|aired|broadcast|published|tweeted"
_SPEECH_AFTER = re.compile(r"^(?:(?:\s+(?:al|el|bin|ibn|abu)[-\s][A-Z][\w’'-]*)?\s+(?:" + _SPEECH_VERBS + r")"
                           # an office also announces ('Damascus's police announced'; a bare 'Syria
                           # announced' is the state)
                           r"|" + _OFFICE + r"\s+(?:" + _SPEECH_VERBS + r"|announced))\b")
# offices of a place itself (not the government's or an outlet's, which speak for the country)
_LOCAL_OFFICE = re.compile(r"\b(?:directorate|council|governor|police|command|office|committee|defen[cs]e)\b")
_SPEECH_VERB_STEM = re.compile(r"said|says|told|report|quot|cited|aired|broadcast|publish|tweet|announced")
# after a possessive: a kinship word makes the name a person's ('Salma's brother was killed')
_KIN_AFTER = re.compile(r"^[’']s\s+(?:(?:eldest|youngest|elder|younger|two|three|four|five)\s+)?(?:brothers?|sisters?|sons?|"
                        r"daughters?|father|mother|parents|wife|husband|family(?!\s+court)|cousins?|uncle|nephews?|"
                        r"nieces?|grandsons?|relatives|body|funeral|killers?|murder)\b", re.I)
# after a place: who acts from it rather than where it happens, told by a nationality or an
# acronym ('Deir ez-Zor SDF fighters detained three men in Shuhayl', 'Homs Russian military
# police') or a possessive and an actor ('Raqqa's authorities arrested ten people in Tabqa')
_ACTOR_AFTER = re.compile(r"^[’']s\s+(?:[\w-]+\s+){0,2}?(?:authorities|authority|police|forces|security|army|governor|"
                          r"council|administration|directorate|command|fighters|militias?|factions?|officials?)\b"
                          # (not a building of theirs, which is where the event was: 'Sweida's police headquarters')
                          r"(?!\s+(?:headquarters|hq|station|stations|office|offices|building|checkpoints?|posts?|base|"
                          r"branch|centre|center|prison|compound|barracks|academy|court))", re.I)


def _may_be_speech(after: str) -> bool:
    """Whether ``after`` (the text after a name) holds a stem of ``_SPEECH_AFTER``'s verbs (in
    lower case, as that expression wants them): it need not run otherwise."""
    return _SPEECH_VERB_STEM.search(after) is not None


# a local outlet named 'X 24' ('the Daraa 24 network', 'Daraa 24 reported', 'شبكة "السويداء 24"'),
# told by a word or quote after it or an outlet word before it (not 'in Jasim 24 men were arrested')
_OUTLET_24 = re.compile(r" 24(?:\s*[:\"”’')]|\s+(?:" + "|".join(OUTLET_NOUNS) +
                        r"|reported|reports|said|says|posted|published|tweeted)\b)", re.I)
_OUTLET_24_BEFORE = re.compile(r"(?:\b(?:according to|via)\s+(?:the\s+)?|\bsource:\s*)$", re.I)
_AR_OUTLET_24 = re.compile(r" 24(?:\s*[\"”»)\]:]|\s+(?:المحلي|الاخباري|الإخباري)[ةه]?(?![\u0621-\u064a]))")
_AR_OUTLET_24_BEFORE = re.compile(r"(?:شبك[ةه]|موقع|صفح[ةه]|وكال[ةه]|أفادت|افادت|نقلت|ذكرت|قالت|بحسب|حسب|وفق|المصدر:?)\s+[\"“«]?$")
_PREP_BEFORE = re.compile(r"\b(?:in|of|near|nearby|at|from|outside|around)\s+(?:the\s+)?$")
_SPEECH_WORDS = ("told", "according to", "via", "quoted by", "reported by", "speaking to", "cited by", "said to")
_SPEECH_BEFORE = re.compile(r"\b(?:" + "|".join(_SPEECH_WORDS) + r")\s+$", re.I)
_SPEECH_LONGEST = max(map(len, _SPEECH_WORDS))
_LETTERS = re.compile(r"[^\W\d_]+")
_AND_OR_BEFORE = re.compile(r"\b(?:and|or)\s+$")
_HYPHEN_WORD_AFTER = re.compile(r"-([\w’']+)")
_WORD_HYPHEN_BEFORE = re.compile(r"([\w’']+)-$")
# the first letter of each word of more than three letters ([A-Za-z][A-Za-z’'-]* runs)
_LONG_WORD_INITIAL = re.compile(r"([A-Za-z])[A-Za-z’'\-]{3,}")


def _speech_before(before: str) -> bool:
    """``_SPEECH_BEFORE.search(before)``, started where a match can start: a match is a speech word
    (one character per pattern character, also under re.I) ending at the last non-space
    character, then whitespace to the end; an article between them is passed over ('according to
    the Daraa network')."""
    b = before.rstrip()
    if b[-4:].lower() == " the":
        before = b[:-3]
        b = b[:-4].rstrip()
    start = len(b) - _SPEECH_LONGEST
    return _SPEECH_BEFORE.search(before, max(0, start)) is not None
_ACRONYM_BEFORE = re.compile(r"\b(?:the|in|to|from|with|between|against|by|of|into|toward|towards)\s+$", re.I)
_AR_ORG_HEADS = frozenset(
    "قوات جيش تنظيم هيئه جبهه حركه لواء فرقه فيلق كتائب كتيبه وكاله قناه شبكه مرصد تلفزيون اذاعه صحيفه "
    "تجمع مجلس تنسيقيه ولايه ميليشيا ميليشيات فصيل".split()
)
_AR_SHEIKH = fold("الشيخ ")
_AR_PREPS = frozenset("في من على الى عن مع بين حتى نحو داخل قرب".split())
_AR_FRONT = fold("جبهة")
_HANDLE_OUTLET = re.compile(r"(?:_[A-Za-z]+)*?_(?:news|network|media|center|centre|agency|tv|channel|radio|press|post|"
                            r"today|times|online|live|direct|mubashar|coordination|echo)(?![A-Za-z])", re.I)


def _latin_ok(text: str, s: int, e: int, key: str, flags: int, m: Matcher, title_line: bool, accepted: list,
              notes: dict | None = None) -> bool:
    """The English-script checks of the module doc, on original offsets ``[s, e)``. ``notes``
    gets ``office=True`` for a name that is an office's ('the Homs governor said'): kept, but as
    where the report comes from, not a place of its events; and ``speaker=True`` for where a
    speaker is ('a spokesman in Damascus said'): kept, as a weak claim to be where the event was."""
    span = text[s:e]
    if not any(w[0].isupper() and fold(w) not in ARTICLES for w in _LETTERS.findall(span)):
        # no capitalised word (articles aside): only a governorate, its capital or a district or
        # subdistrict seat written in lower case after a place word ('shelling on idlib', 'in duma'),
        # and not an English word
        if not (m.is_notable(key) and len(key) >= 4 and key not in _common_words() and not flags & _FOREIGN
                and (s == 0 or not text[s - 1] in "/.@_#") and _PLACE_CONTEXT_BEFORE.search(text[max(0, s - 40):s])):
            return False
    before = text[max(0, s - 40):s]
    after = text[e:e + 40]
    fp = m.foreign.get(key) if flags & _FOREIGN else None
    if fp is not None and fp.exact_case:
        if span != span.upper():
            return False
        nxt = _WORD_AFTER.match(after)
        if nxt and not nxt.group(1).strip() and nxt.group(2)[:1].isupper():
            return False  # 'US State Department', 'US Central Command'
        if _ACRONYM_BEFORE.search(before):
            return True
        prev_and = _AND_OR_BEFORE.search(before)
        if prev_and and accepted and accepted[-1][1] >= s - len(prev_and.group()) - 2:
            return True  # 'the UK and US'
        return False
    # hyphen compounds: 'Israel-Hamas war', 'pro-Damascus', 'anti-Israel'
    if after[:1] == "-" and after[1:2].isalpha():
        w = _HYPHEN_WORD_AFTER.match(after)
        if w and fold(w.group(1)) not in m.flags:
            return False
    if before[-1:] == "-" and before[-2:-1].isalpha():
        w = _WORD_HYPHEN_BEFORE.search(before)
        if w and fold(w.group(1)) not in ARTICLES and fold(w.group(1)) not in m.flags:
            return False
    # attached digits or letters are excluded by the word-boundary check; speech makes an actor,
    # unless a preposition makes the name a place ('residents of nearby Nawa told', 'a spokesman
    # in Tel Aviv said')
    possessive = after[:2] in ("'s", "’s")
    if possessive and _KIN_AFTER.match(after):
        return False  # 'Salma's brother': a person, not the village Salma
    sp = _SPEECH_AFTER.match(after[2:] if possessive else after) if _may_be_speech(after) else None
    if sp and sp.group("office") and notes is not None:
        if not _LOCAL_OFFICE.search(sp.group("office")):
            return False  # 'the Damascus authorities said': the government, not a place of the report
        notes["office"] = True
    elif (sp and not _PREP_BEFORE.search(before)) or _speech_before(before):
        return False
    elif sp and notes is not None and after[:1] == " ":
        notes["speaker"] = True
    if possessive and notes is not None and _ACTOR_AFTER.match(after):
        notes["attributive"] = True  # 'Raqqa's authorities arrested ten people in Tabqa'
    if after[:3] == " 24" and (_OUTLET_24.match(after) or _OUTLET_24_BEFORE.search(before)):
        return False  # a local outlet: 'Daraa 24', 'Halab 24' (not 'Daraa 24 people were killed')
    if title_line:
        # every word is capitalised, but a first word of compound names before another name is
        # still one unknown name with it ('Explosion In Bab Touma Kills Two')
        if key in _COMPOUND_HEADS:
            nxt = _WORD_AFTER.match(after)
            if nxt and not nxt.group(1).strip():
                w = fold(nxt.group(2))
                if w not in _TAIL_OK and (w in m.flags or (w not in _common_words() and w not in _FUNCTION_WORDS)):
                    return False  # ('Bab Touma', 'Bab Srijeh': a name; not 'In Al Bab Kills Two')
        prev = _word_before(before)
        if prev and not prev.group(2).strip() and fold(prev.group(1)) in _COMPOUND_HEADS:
            return False
    else:
        prev = _word_before(before)
        if prev and not prev.group(2).strip() and prev.group(1)[:1].isupper() and fold(prev.group(1)) not in _LEAD_OK \
                and not _area_after(after) \
                and not _opens_sentence_as_verb(text, s - len(before) + prev.start(1), prev.group(1)):
            # ('Al-Lataminah Hama countryside' and 'Shelling Daraa city' are places after all)
            if not (accepted and accepted[-1][1] >= s - len(prev.group(0)) - 1):
                return False  # 'Nour al-Din al-Baba', 'Hayat Tahrir al-Sham', 'Donald Trump'
        nxt = _WORD_AFTER.match(after)
        if nxt and not nxt.group(1).strip() and nxt.group(2)[:1].isupper():
            w = fold(nxt.group(2))
            actor = w in _DEMONYMS or (2 <= len(nxt.group(2)) <= 5 and nxt.group(2).isalpha() and nxt.group(2).isupper()
                                       and not span.isupper())
            if actor and notes is not None:
                notes["attributive"] = True
            if w not in _TAIL_OK and (w not in m.flags or key in _COMPOUND_HEADS) and w not in ARTICLES \
                    and w not in _FUNCTION_WORDS and not actor and not _QUALIFIER.match(w):
                # (not a title's 'And': 'Clashes In Al Bab And Tadef', a nationality or an
                # acronym: 'in the Badia ISIS cells ambushed ...')
                # 'Aleppo Media Center', 'Deir ez-Zor Military Council'; a bare first word of
                # compound names before another name is a name the gazetteer lacks ('Bab Touma'
                # is a Damascus quarter, not Al Bab and the village Touma)
                return False
    # common English words that are also village names need place context
    if key in _LEADER_NAMES and not (_DESCRIPTOR_AFTER.match(after) or _NAMED_PLACE_BEFORE.search(before)):
        return False  # 'the fall of the Assad government': a family, not the village Assad
    if " " not in key and key in _common_words() and not m.is_major(key) and not fp:
        if not (_PLACE_CONTEXT_BEFORE.search(before) or _DESCRIPTOR_AFTER.match(after)):
            return False
    return True


def _arabic_ok(folded: str, fs: int) -> bool:
    """Arabic check: the name does not follow an organisation head noun ('قوات سوريا الديمقراطية')."""
    prev = folded[:fs].rsplit(None, 2)[-2:]  # the last two words
    for n, w in enumerate(reversed(prev)):
        w2 = w
        if w2 in _AR_PREPS or (n == 0 and w2 == _AR_FRONT):
            return True  # 'جبهة عدرا': the Adra front ('جبهة فتح الشام' is a group)
        if w2 in _AR_ORG_HEADS or (len(w2) > 3 and w2[0] in "وبلف" and w2[1:] in _AR_ORG_HEADS):
            return False
    return True


def _is_title_line(text: str, s: int) -> bool:
    """Whether the line holding ``s`` is written in title case: at least three words of more
    than three letters, three quarters of them capitalised."""
    ls = text.rfind("\n", 0, s) + 1
    le = text.find("\n", s)
    initials = _LONG_WORD_INITIAL.findall(text, ls, le if le >= 0 else len(text))
    if len(initials) < 3:
        return False
    return sum(map(str.isupper, initials)) / len(initials) >= 0.75


# ---------------------------------------------------------------------------- descriptor extension
_EN_LEFT = re.compile(
    r"\b(?P<d>rural|(?:north|south)[- ]?(?:east|west)?(?:ern)?|east(?:ern)?|west(?:ern)?|central|greater)\s+(?:the\s+)?$",
    re.I,
)
# 'the countryside of Damascus', 'the outskirts of Douma': the area named before the place
_EN_LEFT_OF = re.compile(r"\b(?P<d>countryside|country\s+side|outskirts|suburbs?)\s+of\s+(?:the\s+)?$", re.I)
_EN_RIGHT = re.compile(
    r"^(?:[’']s)?[\s_]+(?:(?P<dir>(?:north|south)(?:-?(?:east|west))?(?:ern)?|(?:east|west)(?:ern)?)[\s_]+"
    r"(?=countryside|country\s+side|desert|outskirts|suburbs?))?"
    r"(?P<d>(?:countryside|country\s+side|governorate|province|district|sub-?district|city|town|village|"
    r"neighbou?rhood|quarter|camp|desert|area|outskirts|suburbs?)(?:\s+(?:desert|countryside))?)\b",
    re.I,
)
_AREA_WORDS = ("countryside", "governorate", "province", "desert", "suburb", "suburbs", "outskirts")


def _area_after(after: str) -> bool:
    """An area word follows ('... Hama countryside'): the name before is a governorate told after a
    town, not the tail of a longer name ('Bustan al-Qasr neighbourhood', 'Kafr Halab village')."""
    r = _EN_RIGHT.match(after[:40])
    return bool(r and r.group("d").split()[0].lower() in _AREA_WORDS)


_AR_LEFT = re.compile(r"(?P<d>محافظ[ةه]|مدين[ةه]|بلد[ةه]|قري[ةه]|حي|ناحي[ةه]|منطق[ةه]|مخيم|ريف|أطراف|اطراف|محيط)\s+$")
_AR_RIGHT = re.compile(r"^\s+(?P<d>ال(?:شمالي|جنوبي|شرقي|غربي)[ةه]?(?:\s+ال(?:شمالي|جنوبي|شرقي|غربي)[ةه]?)?)(?![\w])")
_EN_AND_COUNTRYSIDE = re.compile(
    r"^\s+and\s+(?P<d>its\s+(?:countryside|surrounding\s+areas?|suburbs|surroundings|environs|rural\s+areas?|outskirts))\b", re.I
)
_AR_AND_COUNTRYSIDE = re.compile(r"^\s+و(?P<d>ريفها|ريفه|محيطها)(?![\w])")


def _extend(text: str, s: int, e: int, arabic: bool, names: "Matcher | None" = None, key: str = "") -> tuple[int, int, dict]:
    """Extend ``[s, e)`` over neighbouring descriptors; return the new span and what they say.
    ``names``, ``key``: the matcher and the name's key, to tell a governorate or its capital
    (``Matcher.is_major``) and the names it knows (``Matcher.flags``)."""
    info = {"countryside": False, "near": False, "desc": []}
    if arabic:
        m = _AR_LEFT.search(text[max(0, s - 12):s])
        if m:
            ds = s - (len(text[max(0, s - 12):s]) - m.start())
            if ds == 0 or not text[ds - 1].isalpha() or (ds >= 1 and text[ds - 1] in "وبلفك" and (ds == 1 or not text[ds - 2].isalpha())):
                s = ds
                d = fold(m.group("d"))
                info["desc"].append(d)
                if d == "ريف":
                    info["countryside"] = True
                elif d in ("اطراف", "محيط"):
                    info["near"] = True
        m = _AR_RIGHT.match(text[e:e + 30])
        if m:
            e += m.end()
            info["desc"].append("direction")
        return s, e, info
    m = _EN_LEFT.search(text[max(0, s - 20):s])
    if m:
        s = s - (len(text[max(0, s - 20):s]) - m.start())
        d = m.group("d").lower()
        info["desc"].append(d)
        if d == "rural":
            info["countryside"] = True
        else:
            info["desc"].append("direction")
    elif "of" in text[max(0, s - 8):s].lower():
        m = _EN_LEFT_OF.search(text[max(0, s - 30):s])
        ds = s - (len(text[max(0, s - 30):s]) - m.start()) if m else s
        prev = text[max(0, ds - 25):ds].rstrip().rsplit(None, 1)[-1:] if m else []
        if names is not None and prev and prev[0][-1:].isalpha() and fold(prev[0]) in names.flags \
                and not names.is_major(key):
            # 'the Damascus suburb of Douma': Douma is a town of that area, not its suburbs (but
            # 'the Arbeen suburb of Damascus', 'Huraytan countryside of Aleppo' are the area's)
            m = None
        if m:
            s = ds
            d = "".join(m.group("d").lower().split())
            info["desc"].append(d)
            info["countryside"] = d in ("countryside", "suburb", "suburbs")
            info["near"] = d != "countryside"
    m = _EN_RIGHT.match(text[e:e + 40]) if key not in _COUNTRY_KEYS else None  # ('Syria’s desert regions': Syria)
    if m:
        e += m.end()
        d = " ".join(m.group("d").lower().replace("country side", "countryside").split())
        info["desc"].append(d)
        if m.group("dir"):
            info["desc"].append("direction")  # 'Hama northern countryside'
        if "countryside" in d:
            info["countryside"] = True
        if d in ("outskirts", "suburb", "suburbs", "desert"):
            info["near"] = True  # 'the Palmyra desert': around the town
        if d in ("suburb", "suburbs"):
            info["countryside"] = True  # 'Damascus suburbs' is Rural Damascus; a town's suburbs stay near it
    return s, e, info


_COUNTRY_KEYS = frozenset(("syria", "syrian arab republic"))
_DIR_WORDS = frozenset("eastern western northern southern east west north south central".split())


def _weight(key: str) -> int:
    """Length of a key for choosing among overlapping matches; a leading direction word
    ('eastern deir') does not count, so 'eastern Deir ez-Zor' reads as Deir ez-Zor."""
    head, _, rest = key.partition(" ")
    return len(rest) if rest and head in _DIR_WORDS else len(key)


_AR_DESCRIPTORS = frozenset(fold(w) for w in (
    "مدينة بلدة قرية حي منطقة ناحية مخيم بمدينة ببلدة بقرية بحي بمنطقة ومدينة وبلدة وقرية وحي لمدينة لبلدة لقرية"
).split())
# words after which a name is a place: prepositions, directions, the descriptors, and nouns whose
# complement is a place (the hospitals of X, the X front, the X road, the entrance of X)
_AR_PLACE_CONTEXT = _AR_DESCRIPTORS | frozenset(fold(w) for w in (
    "في قرب الى إلى على حول ريف شرق غرب شمال جنوب أطراف محيط باتجاه نحو شرقي غربي شمالي جنوبي بريف "
    "مشفى مشافي مستشفى مستشفيات جبهة طريق الطريق بطريق اوتوستراد أوتوستراد مدخل"
).split())


# what may stand before a place named 'الشيخ ...' when a family name follows (else it is a man's
# title and names): place context, or nothing (a dateline or headline opening 'الشيخ مسكين - ...')
_AR_SHEIKH_OK = _AR_PLACE_CONTEXT | {""}
_AR_DIRECTIONS = frozenset(fold(w) for w in "الشرقي الغربي الشمالي الجنوبي الشرقية الغربية الشمالية الجنوبية".split())


# verbs whose object is a man ('اغتال مجهولون الشيخ عيسى'): before 'الشيخ ...', a man's title
_AR_PERSON_VERBS = re.compile(r"(?<!\S)[وف]?(?:اغتال\w*|اغتيال|قتل\w*|مقتل|اعتقل\w*|اعتقال|خطف\w*|اختطف\w*|اختطاف)(?!\S)")


def _a_mans_name_after(folded: str, fe: int) -> bool:
    """Whether the word after a name ending at folded ``fe`` looks like a family name: a word with
    the article that is not a direction ('الشيخ أحمد العلي'; not 'الشيخ مسكين الشرقي')."""
    nxt = folded[fe:fe + 30].split(None, 1)
    return bool(nxt) and folded[fe:fe + 1] == " " and nxt[0].startswith("ال") and len(nxt[0]) > 3 and nxt[0] not in _AR_DIRECTIONS


def _arabic_common_ok(folded: str, fs: int, prefix_len: int, key: str, m: Matcher, accepted_f: list,
                      gap_text=None) -> bool:
    """A name that is also a frequent Arabic word ('جروح') needs place context before it."""
    if " " in key or m.is_major(key) or key not in _common_arabic():
        return True
    ws = folded.rfind(" ", 0, fs) + 1
    if ws < fs:  # with a clitic ('بجروح'): only a listed place may carry one
        return bool(accepted_f and accepted_f[-1] >= ws - 3)
    prev = folded[:ws].rsplit(None, 1)[-1:] or [""]  # the last word
    if key in _common_arabic_lists()[1] and not m.is_notable(key):
        # a very frequent word ('على المدينة': on the city) needs a descriptor ('قرية ...')
        return prev[0] in _AR_DESCRIPTORS
    # right after a listed place only when a comma separates them ('دمشق، حمص'), not in a phrase
    # ('البياضة الشهيد ...': the martyr of al-Bayada)
    listed = bool(accepted_f and accepted_f[-1] >= ws - 3 and gap_text is not None
                  and any(c in "،,;" for c in gap_text(accepted_f[-1], ws)))
    return prev[0] in _AR_PLACE_CONTEXT or listed


def _in_name(text: str, s: int, e: int) -> bool:
    prev = _word_before(text[max(0, s - 40):s])
    return bool(prev and not prev.group(2).strip() and prev.group(1)[:1].isupper() and fold(prev.group(1)) not in _LEAD_OK)


_AR_DATELINE = re.compile(r"\s*(?:[-—–]|\()")  # after an Arabic name opening a line: 'دمشق - ' (not a label 'إدلب:')
_DATELINE = re.compile(r"[A-Z][A-Z’'\- ]+(?:,\s*[A-Z][A-Za-z ]+)?\s*(?:\(|[-—–:]|,)")


# a run of capitalised words: an optional article ('al-', 'Ash '), a capital, then the rest
_ARTICLE_PARTS = (("[Aa]", "l"), ("[Ee]", "l"), ("[Aa]", "[dsrnztl]h?"), ("[Ee]", "[dsrnzt]"))  # first letter, rest
_ARTICLE = "(?:" + "|".join(first + rest for first, rest in _ARTICLE_PARTS) + ")"
_RUN_TAIL = (r"[a-z’'\-]+"
             r"(?:[-\s](?:(?:al|el|ad|as|ash|ar|an|az|at|ez|es|ed|en|er|ul|bin|bani|abu)[-\s])?[A-Z][a-z’'\-]+){0,3}(?![\w])")
_RUN = r"(?:" + _ARTICLE + r"[-\s])?[A-Z]" + _RUN_TAIL
# words after which a capitalised run is in place context ('in Kufrzita', 'shelled the Tal Jebin')
_CONTEXT_WORDS = frozenset(
    "in near at on of outside around from toward towards target targeting targeted targets hit hits shelled shelling "
    "bomb bombs bombed bombing bombard bombards bombarded shell shells pound pounds pounded pounding attack attacks "
    "attacked attacking storm storms stormed storming besiege besieges besieged raid raids raided "
    "town village city neighbourhood neighborhood".split()
)
_NATURAL_AFTER = re.compile(r"\s+(?:mountains?|mount|hills?|valley|plains?|river|lake)\b", re.I)
# context words that are nouns as well as verbs: after a determiner they are the noun
_NOUN_VERBS = frozenset("target targets attack attacks raid raids bomb bombs storm storms shell shells hit hits "
                        "pound pounds bombing shelling".split())
_DETERMINERS = frozenset("the a an this that these those its their his her our every each during".split())
_LISTED_RX = re.compile(r"\s*(?:,|and|or|, and)\s+(?P<run>" + _RUN + ")")
# a descriptor after the run is place context too: 'Ghariyah Al Sharkiyah town'
_DESC_AFTER_RX = re.compile(r"\s+(?:town|village|city|neighbou?rhood|district|camp)\b")


_LEAD_ARTICLE = re.compile("^" + _ARTICLE + r"[-\s]")


class _SpanIndex:
    """Character spans ``[a, b)`` (in start order) asked which of them overlap ``[s, e)``: by binary
    search when their ends are in order too (disjoint matches, the usual case), else by a scan."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self.starts = [a for a, _ in spans]
        self.ends = [b for _, b in spans]
        self.in_order = self.starts == sorted(self.starts) and self.ends == sorted(self.ends)

    def overlapping(self, s: int, e: int) -> list[int]:
        """Indices of the spans that overlap ``[s, e)``, in order."""
        if not self.in_order:
            return [i for i, (a, b) in enumerate(self.spans) if not (e <= a or s >= b)]
        hi = bisect.bisect_left(self.starts, e)  # spans starting before e
        lo = bisect.bisect_right(self.ends, s, 0, hi)  # ... and ending after s
        return list(range(lo, hi))


def _folded_span(offs: list[int], s: int, e: int) -> tuple[int, int] | None:
    """The folded span ``[fs, fe)`` that starts at original ``s`` and ends with original ``e - 1``,
    or before it when the characters after are folded away (a final apostrophe: 'Al-Foua’')."""
    fs = bisect.bisect_left(offs, s)
    fe = bisect.bisect_right(offs, e - 1) - 1
    if fs >= len(offs) or offs[fs] != s or fe < fs:
        return None
    return fs, fe + 1


def _fallback_key(name: str, gaz) -> str | None:
    """The folded key under which a run in place context is taken as a place name, or None when
    it is too short, a common word, or not close enough to a gazetteer name."""
    core = _LEAD_ARTICLE.sub("", name)
    if len(core.replace(" ", "")) < 5 or fold(name) in _common_words():
        return None
    hits = gaz._match(name) or gaz._match(core)
    if not hits:
        return None
    best = max(hits.values())
    if best < 0.85:  # a loose-key spelling variant in place context ("Mezzeh" ~ "Mazzeh")
        # ... or a spelling a little further off whose consonants are those of the place's Arabic
        # name, letter for letter ('Khan Al Sebel' ~ خان السبل); four consonants at least, fewer
        # agree by chance ("Iran's" ~ عرنوس)
        fsk = fine_skeleton(name)
        if best < 0.8 or len(fsk) < 4 or not any(fsk in gaz._native_keys(pid)[1] for pid, v in hits.items() if v >= 0.8):
            return None
    return fold(name)


def _context_word_before(text: str, s: int) -> bool:
    """True when a place-context word (``_CONTEXT_WORDS``) and whitespace, and optionally 'the'
    and whitespace, stand just before offset ``s``."""
    i = s
    for _ in range(2):
        j = i
        while j > 0 and text[j - 1].isspace():
            j -= 1
        if j == i:
            return False  # no whitespace before the word
        k = j
        while k > 0 and (text[k - 1].isalnum() or text[k - 1] == "_"):
            k -= 1
        word = text[k:j]
        if word in _CONTEXT_WORDS:
            # a verb that is also a noun ('shells target X', not 'during the raid Marwan ...')
            return word not in _NOUN_VERBS or _word_ending_at(text, k) not in _DETERMINERS
        if word != "the":
            return False
        i = k
    return False


def _word_ending_at(text: str, k: int) -> str:
    """The word before the whitespace that ends at offset ``k`` (lower case), or ''."""
    j = k
    while j > 0 and text[j - 1].isspace():
        j -= 1
    i = j
    while i > 0 and text[i - 1].isalpha():
        i -= 1
    return text[i:j].lower()


def _fallback(text: str, folded: str, offs: list[int], chosen: list, m: Matcher,
              cap_runs: list[tuple[int, int, str]]) -> tuple[list, set[int]]:
    """Capitalised names in place context that the automaton missed because of their spelling
    ('Deir ez-Zour', 'Kufrzita', 'Tal Jebin' where only 'Tal' matched): looked up with the
    gazetteer's spelling-tolerant keys. Returns the new matches and the indices of the
    automaton matches (inside them) they replace."""
    if not cap_runs:
        return [], set()
    spans = [(offs[a], offs[b - 1] + 1) for a, b, *_ in chosen]
    # a run after a context word ('in', 'near', 'shelled', 'town' ...), or before a descriptor
    # ('Ghariyah Al Sharkiyah town'): each capitalised run of the text is looked at once
    runs = []
    for a, b, name in cap_runs:
        head, sep, rest = name.partition(" ")
        if sep and head in _CONTEXT_WORDS and rest[:1].isupper():
            # 'at Jisreen': the run took the context word 'at' for the article 'at-'
            a, name = b - len(rest), rest
            runs.append((a, b, name))
        elif _context_word_before(text, a) or (text[b - 1] != "-" and _DESC_AFTER_RX.match(text, b, b + 16)):
            if not _NATURAL_AFTER.match(text, b, b + 12):  # 'the Bishri mountains': a natural
                runs.append((a, b, name))                 # feature's name, not a town spelt alike
    for _, b in spans:
        r = _LISTED_RX.match(text, b, b + 60)
        if r:
            runs.append((r.start("run"), r.end("run"), r.group("run")))
    out = []
    order = sorted(range(len(spans)), key=lambda i: spans[i])
    taken = _SpanIndex([spans[i] for i in order])
    seen = set()
    replaced: set[int] = set()
    for s, e, name in runs:
        if (s, e) in seen:
            continue
        inside = [order[i] for i in taken.overlapping(s, e)]
        # a run may replace shorter matches inside it ('Tal Jebin' where only 'Tal' matched)
        if inside and not all(s <= spans[i][0] and spans[i][1] <= e and spans[i][1] - spans[i][0] < e - s for i in inside):
            continue
        seen.add((s, e))
        if inside and "-" in name and all(fold(part) in m.flags for part in name.split("-")):
            continue  # names joined by a hyphen ('the Homs-Hama highway') are each a name
        key = m._fallback_cache[name]
        if key is None:
            continue
        fspan = _folded_span(offs, s, e)
        if fspan is None:
            continue
        out.append((fspan[0], fspan[1], key, _GAZ, ""))
        replaced.update(inside)
    return out, replaced


# an Arabic descriptor and the word(s) after it, in folded text: 'حي القابون', 'بلده كفرزيتا'
_AR_DESC_RUN = re.compile(r"(?<!\S)[وب]?(?:حي|بحي|مدينه|بلده|قريه|مخيم)\s+(?P<run>[\u0621-\u064a]{3,}(?:\s+ال[\u0621-\u064a]{2,})?)")


def _arabic_fallback(folded: str, chosen: list, m: Matcher) -> list:
    """Arabic names after a descriptor that the automaton cannot know: places whose sources give
    no Arabic name (most Damascus neighbourhoods: 'حي القابون' ~ 'Al-Kaboon'), found by the
    gazetteer's cross-script consonant key, and spelling variants of listed names."""
    if "حي" not in folded and "مدينه" not in folded and "بلده" not in folded and "قريه" not in folded and "مخيم" not in folded:
        return []
    taken = [(a, b) for a, b, *_ in chosen]
    out = []
    for r in _AR_DESC_RUN.finditer(folded):
        s, e = r.span("run")
        if any(not (e <= a or s >= b) for a, b in taken):
            continue
        # the longest reading first: two words, then the first word alone
        for end in ([e, folded.find(" ", s)] if " " in r.group("run") else [e]):
            name = folded[s:end]  # the descriptor is the place context, even for a frequent word
            hits = m.gaz._match(name)
            # a listed spelling, or a place known only in Latin letters; not a fuzzy guess
            if hits and any(v >= 0.9 or m.gaz.get(pid).name_ar is None for pid, v in hits.items() if v >= 0.7):
                out.append((s, end, name, _GAZ, ""))
                taken.append((s, end))
                break
    return out


# A run standing alone: r"(?<![\w’'-])" + _RUN, written to begin with a character class (the
# first letter of the article or the capital) so the regex engine skips other characters
# quickly; look-behinds then check the character before the run and which branch that first
# letter opens. Same matches, tried in the same order.
_CAP_RX = re.compile(
    r"[A-Zae](?<![\w’'-].)"
    r"(?:(?:" + "|".join(f"(?<={first}){rest}" for first, rest in _ARTICLE_PARTS) + r")[-\s][A-Z]|(?<=[A-Z]))"
    + _RUN_TAIL
)


_LOWER_TAIL_RX = re.compile(r"[A-Z](?<![\w’'-].)[a-z’']+ (?:[Aa]l|[Ee]l)[- ][a-z][a-z’']{2,}(?![\w’'-])")


def _run_core(name: str, gaz) -> str | None:
    """The core name of a capitalised run of several words that the gazetteer knows exactly or
    loosely (no fuzzy guessing), else None."""
    from ..gazetteer.query import parse_query

    if sum(1 for w in fold(name).split() if w not in ARTICLES) < 2:
        return None  # single words: cheap check before anything else
    core = parse_query(name).name
    words = [w for w in core.split() if w not in ARTICLES]
    # several words only: single words are the automaton's and the place-context fallback's
    if len(words) < 2 or len("".join(words)) < 6 or core in _common_words():
        return None
    hits = gaz._match(core, fuzzy=False)
    if not hits or max(hits.values()) < 0.9:
        lk = loose_key(core)
        if "|" not in lk or not gaz.keys("loose").get(lk):
            return None  # (a qualifier in its Arabic place, 'Ghariyah al-Gharbiyah' = Western Ghariyeh, is kept)
    return core


def _capital_runs(text: str, folded: str, offs: list[int], chosen: list, m: Matcher) -> tuple[list, set[int], list]:
    """Capitalised names anywhere that the automaton missed or only partly matched because of
    their spelling ('Jisr Al Shoghour' where only 'Jisr' matched, 'Kafar Naha Town'): looked up
    whole with the gazetteer's exact and loose keys (no fuzzy guessing). Returns the new
    matches, the indices of automaton matches they replace, and every run ``(start, end, text)``."""
    spans: list[tuple[int, int]] = []
    index = None  # built for the first run that the gazetteer knows
    out: list = []
    replaced: set[int] = set()
    runs = [(r.start(), r.end(), r.group()) for r in _CAP_RX.finditer(text)]
    if "s" in text and ("'s" in text or "’s" in text):  # 'Douma's' is Douma's run, not a spelling
        runs = [(s, e - 2, name[:-2]) if name[-2:-1] in "'’" and _POSSESSIVE.search(name, len(name) - 2) else (s, e, name)
                for s, e, name in runs]
    # a name whose last part is written in lower case ('Maart al-noman', 'Khan al assal'): looked
    # up whole the same way, and kept only when the gazetteer knows it
    tails = [(r.start(), r.end(), r.group()) for r in _LOWER_TAIL_RX.finditer(text)] if " al" in text or " el" in text or " Al" in text or " El" in text else []
    for s, e, name in runs + tails:
        core = m._run_cache[name]
        if core is None:
            continue
        if index is None:
            spans = [(offs[a], offs[b - 1] + 1) for a, b, *_ in chosen]
            index = _SpanIndex(spans)
        inside = index.overlapping(s, e)
        if inside and not all(s <= spans[i][0] and spans[i][1] <= e and spans[i][1] - spans[i][0] < e - s for i in inside):
            continue
        if inside and all(fold(text[spans[i][0]:spans[i][1]]) == core for i in inside):
            continue  # the automaton already has exactly this name
        fspan = _folded_span(offs, s, e)
        if fspan is None:
            continue
        out.append((fspan[0], fspan[1], fold(name), _GAZ, ""))
        replaced.update(inside)
    return out, replaced, runs


def _mention(text: str, s: int, e: int, key: str, core: tuple[int, int], desc: list[str], gaz: bool = True,
             **fields) -> Mention:
    """A Mention of ``text[s:e]`` with what resolution reads besides its fields: the descriptors
    ``desc``, whether it is a gazetteer name (``gaz``) and the span of the bare name (``core``)."""
    m = Mention(text=text[s:e], start=s, end=e, key=key, **fields)
    m._desc = desc  # type: ignore[attr-defined]
    m._gaz = gaz  # type: ignore[attr-defined]
    m._core = core  # type: ignore[attr-defined]
    return m


# 'the capital', 'the Syrian capital', 'العاصمة': Damascus, when no name follows ('the capital
# Damascus' is named; 'the capital of the province', 'the Iraqi capital', 'العاصمة العراقية' are not it)
_THE_CAPITAL = re.compile(r"\b[Tt]he (?:Syrian )?[Cc]apital(?: city)?+(?:['’]s)?(?![\w’'-])(?!\s+(?:and\s+\w+\s+)?of\b)")
_AR_THE_CAPITAL = re.compile(r"(?<!\w)[وف]?(?:[بل]?(?P<core>الع)|ل(?P<core2>لع))اصم[ةه](?!\w)(?:\s+السوري[ةه](?!\w))?")
_NAME_AFTER = re.compile(r",?\s+(?:city\s+)?[A-Z]")
_AR_ADJ_AFTER = re.compile(r"\s+ال(?!سوري)")


def _the_capital(text: str, accepted: list[tuple[int, int]]) -> list[Mention]:
    """Mentions of Damascus as 'the capital' (see ``_THE_CAPITAL``); ``accepted``: the spans of
    the names found, to leave 'the capital Damascus', 'Kabul, the capital' and 'العاصمة بغداد' to
    the name."""
    out = []
    for rx, arabic in ((_THE_CAPITAL, False), (_AR_THE_CAPITAL, True)):
        for m in rx.finditer(text):
            e = m.end()
            after = text[e:e + 40]
            if (_AR_ADJ_AFTER.match(after) if arabic else _NAME_AFTER.match(after)) or any(
                    e <= a <= e + 3 or m.start() - 3 <= b <= m.start() for a, b in accepted):
                continue  # a name next to it says which capital ('the capital Damascus', 'Kabul, the capital')
            s = (m.start("core") if m.group("core") else m.start("core2") - 1) if arabic else m.start()
            xs, xe, info = _extend(text, s, e, arabic)
            men = _mention(text, xs, xe, "the capital", (s, e), info["desc"], countryside=info["countryside"],
                           near=info["near"])
            men._capital = True  # type: ignore[attr-defined]
            out.append(men)
    return out


def _non_overlapping(raw: list) -> list:
    """The matches of ``raw`` (in order of preference) that overlap no match kept before them."""
    starts: list[int] = []  # the kept spans, disjoint, in text order
    ends: list[int] = []
    chosen = []
    for r in raw:
        s, e = r[0], r[1]
        i = bisect.bisect_left(starts, e)  # kept spans starting before e: the last ends latest
        if i and ends[i - 1] > s:
            continue
        starts.insert(i, s)
        ends.insert(i, e)
        chosen.append(r)
    return chosen


# an English possessive after a word of three letters or more ('Hama's countryside', 'Syria’s
# al-Bab'; not 'Ra's al-Ain', whose apostrophe is a transliterated hamza)
_POSSESSIVE = re.compile(r"(?<=[A-Za-z]{3})['’]s(?![\w'’])")


def _split_possessives(text: str, folded: str, offs: list[int]) -> str:
    """``folded`` with the 's' of each English possessive in ``text`` made a space, so that the
    name before it stands alone ('Hama's' folds to 'hamas', a group's name, otherwise). The
    length, and so every offset, stays the same."""
    chars = None
    for p in _POSSESSIVE.finditer(text):
        j = bisect.bisect_left(offs, p.end() - 1)
        if j < len(offs) and offs[j] == p.end() - 1 and folded[j] == "s":
            if chars is None:
                chars = list(folded)
            chars[j] = " "
    return folded if chars is None else "".join(chars)


# outlets and groups named after places, which reports cite in datelines and credits ('Enab
# Baladi – Idlib', 'Halab Today', 'Raqqa is Being Slaughtered Silently'): the place words inside
# are not places of the report (outlets named 'X 24' and handles are told apart by rule instead)
OUTLET_NAMES = (
    "Enab Baladi", "Halab Today", "Aleppo Today", "Raqqa is Being Slaughtered Silently", "Horan Free League",
    "Hawar News", "Qasioun News", "Qassioun News", "Qasioun Agency", "Qassioun Agency", "Jisr TV", "Jesr Press",
    "Baladi News", "Sham Network", "Shaam Network", "Syria TV", "Deir Ezzor Free Voice", "Eye of Euphrates",
    "عنب بلدي", "حلب اليوم", "الرقة تذبح بصمت", "تجمع أحرار حوران", "وكالة قاسيون", "شبكة شام", "تلفزيون سوريا",
    "جسر برس", "عين الفرات",
)
# (as written: 'Aleppo Today' is the outlet, 'airstrikes targeted Aleppo today' is not)
_OUTLET_RX = re.compile("|".join(re.escape(o).replace(r"\ ", r"\s+") for o in sorted(OUTLET_NAMES, key=len, reverse=True)))
_OUTLET_GATE = tuple(sorted({o.split()[0].lower() for o in OUTLET_NAMES}))


def _outlet_spans(text: str) -> list[tuple[int, int]]:
    """The spans of ``OUTLET_NAMES`` in ``text`` (the expression runs only when a first word of one
    is in the text)."""
    low = text.lower()
    if not any(w in low for w in _OUTLET_GATE):
        return []
    return [m.span() for m in _OUTLET_RX.finditer(text)]


def find_mentions(text: str, gaz=None, folded: tuple[str, list[int]] | None = None) -> list[Mention]:
    """Every place name in ``text`` (English or Arabic) as unresolved :class:`Mention` objects,
    in text order; foreign names carry their :class:`ForeignPlace`. See the module doc.
    ``folded``: ``fold_with_offsets(text)`` if the caller has it already."""
    m = matcher(gaz)
    folded, offs = folded or fold_with_offsets(text)
    if "s" in text and ("'s" in text or "’s" in text):
        folded = _split_possessives(text, folded, offs)
    raw = list(m.iter_raw(folded))
    # longest first, then leftmost; no overlaps
    raw.sort(key=lambda r: (-_weight(r[2]), r[0]))
    chosen = _non_overlapping(raw)
    chosen.sort(key=lambda r: r[0])
    out: list[Mention] = []
    accepted: list[tuple[int, int]] = []
    title_cache: dict[int, bool] = {}
    accepted_f: list[int] = []
    name_words: set[str] = set()  # keys seen inside a person's or group's name in this report
    caps, replaced, cap_runs = _capital_runs(text, folded, offs, chosen, m)
    if replaced:
        chosen = [c for i, c in enumerate(chosen) if i not in replaced]
    chosen = chosen + caps
    found, replaced = _fallback(text, folded, offs, chosen, m, cap_runs)
    if replaced:
        chosen = [c for i, c in enumerate(chosen) if i not in replaced]
    chosen = chosen + found
    chosen = chosen + _arabic_fallback(folded, chosen, m)
    chosen.sort(key=lambda r: r[0])
    for fs, fe, key, flags, prefix in chosen:
        s = offs[fs]
        e = word_end(text, offs[fe - 1] + 1)  # a final hamza belongs to the name ('الشهداء')
        arabic = "\u0600" <= key[:1] <= "\u06ff"  # _AR_RE.match(key), cheaper
        if arabic:
            if prefix:  # include the article the prefix carries ('بالرقة' -> 'الرقة')
                s = offs[fs - (2 if prefix.endswith("ال") else 1)] if prefix.endswith(("ال",)) else s
            if not _arabic_ok(folded, fs - len(prefix)):
                continue
            if key.startswith(_AR_SHEIKH) and not prefix and (
                    _a_mans_name_after(folded, fe) or _AR_PERSON_VERBS.search(" ".join(folded[:fs].split()[-3:]))) \
                    and (folded[:fs].rsplit(None, 1)[-1:] or [""])[0] not in _AR_SHEIKH_OK \
                    and not any(c in "\n.:،,;-–—(«\"" for c in text[max(0, s - 3):s]):
                continue  # 'اغتال مجهولون الشيخ أحمد العلي': a man, not the village Sheikh Ahmed
            if text[e:e + 3] == " 24" and (_AR_OUTLET_24.match(text, e) or _AR_OUTLET_24_BEFORE.search(text, max(0, s - 14), s)):
                continue  # a local outlet: 'شبكة "السويداء 24"'
            if not (flags & _FOREIGN) and not _arabic_common_ok(folded, fs, len(prefix), key, m, accepted_f,
                                                                        lambda a, b: text[offs[a - 1] + 1:offs[b]]):
                continue
        else:
            line_start = text.rfind("\n", 0, s) + 1
            tl = title_cache.get(line_start)
            if tl is None:
                tl = title_cache[line_start] = _is_title_line(text, s)
            if key in name_words and not _PLACE_CONTEXT_BEFORE.search(text[max(0, s - 40):s]):
                continue
            notes: dict = {}
            if not _latin_ok(text, s, e, key, flags, m, tl, accepted, notes):
                if _in_name(text, s, e):
                    name_words.add(key)
                continue
        accepted.append((s, e))
        accepted_f.append(fe)
        fp = m.foreign.get(key) if flags & _FOREIGN else None
        gaz_hit = bool(flags & _GAZ)
        xs, xe, info = (s, e, {"countryside": False, "near": False, "desc": []})
        if gaz_hit:
            xs, xe, info = _extend(text, s, e, arabic, m, key)
        mention = _mention(text, xs, xe, key, (s, e), info["desc"], gaz=gaz_hit, foreign=fp,
                           countryside=info["countryside"], near=info["near"])
        if not arabic and notes.get("office"):
            # 'the Idlib health directorate said': where the report comes from, used (like a
            # dateline) only when the report places its events nowhere else
            mention.background = True
            mention._origin = "office"  # type: ignore[attr-defined]
        elif not arabic and notes.get("attributive"):
            # 'Deir ez-Zor SDF fighters detained three men in Shuhayl': where the actors come from,
            # which gives way to a place of its area named after it (see incidents._header_labels)
            mention._attributive = True  # type: ignore[attr-defined]
        elif not arabic and notes.get("speaker"):
            # 'a spokesman in Damascus said ...': where the speaker is, a weak claim to be where
            # the event was
            mention._speaker_place = True  # type: ignore[attr-defined]
        if (s == 0 or text[s - 1] == "\n") and (
                _AR_DATELINE.match(text, xe) if arabic else _DATELINE.match(text, s) and text[s:e].isupper()):
            # 'DARAA, Syria —', 'ERBIL (Kurdistan24) -', 'دمشق - ': where the report was filed
            # (or, in Arabic, a headline's place: 'درعا - اغتيال شاب'), used when it names no other
            mention.background = True
            mention._origin = "report"  # type: ignore[attr-defined]
        elif not arabic and text[e:e + 1] == "_" and _HANDLE_OUTLET.match(text, e):
            # a local outlet's handle ('#Aleppo_News', 'Talbiseh_Direct_Network'): not a place the
            # report names, but where it comes from, used when the report names no other
            mention.background = True
            mention.handle = True
            mention._origin = "report"  # type: ignore[attr-defined]
        out.append(mention)
        # 'Damascus and its countryside', 'دمشق وريفها': a second mention for the countryside
        tail = (_AR_AND_COUNTRYSIDE if arabic else _EN_AND_COUNTRYSIDE).match(text[xe:xe + 50])
        if gaz_hit and tail:
            # the countryside mention spans the whole phrase: 'its countryside' alone names nothing
            ts, te = xs, xe + tail.end("d")
            extra = _mention(text, ts, te, key, (s, e), ["countryside"], countryside=True, extra=True)
            extra._of = mention  # type: ignore[attr-defined]
            out.append(extra)
    if "apital" in text or "\u0639\u0627\u0635\u0645" in text:
        out += _the_capital(text, accepted)
    outlets = _outlet_spans(text)
    if outlets:  # 'Enab Baladi – Idlib': Enab is the outlet's name
        out = [x for x in out if not any(a <= x.start < b or a < x.end <= b for a, b in outlets)]
    # an extension may have grown into the next mention: drop the one swallowed
    out.sort(key=lambda x: x.start)
    res: list[Mention] = []
    for x in out:
        if res and x.start < res[-1].end and not x.extra:
            continue
        res.append(x)
    return res
