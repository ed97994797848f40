"""From resolved mentions to incidents: where, when, what and how many.

Each sentence is searched for event words (English and Arabic) of seven types; each place named in
a sentence goes with the nearest event word before it (or, failing that, after it). A group of
places tied to one event word becomes an incident located at its most specific place ('Daraya,
Rural Damascus' -> Daraya); several governorates make one incident at governorate precision.
Sentences repeating an incident (same place, same kind of event) merge into it; event sentences
naming no place add to the incident of their kind just before them or, in the lead, open an
unlocated one; one that only tells a toll gives its counts to the event of the sentence before.
Photo captions make no incidents; events told as past context come after the report's own.
Casualty words leading a clause ('... and casualties in Idlib') open a group as event words do,
without a type of their own; of several incidents opening in one sentence, those whose clause
tells of people killed or injured come first, then a clash before a strike. An unplaced lead that
is a digest's tally gives way to the first placed event; when no event is placed, the places of a
report about one governorate place the main one, else where the report comes from (an outlet's
handle, a dateline, an office that speaks) does, at precision 2. Places that are only where
people came from or fled to, were treated, or where an attack was planned, and the ends of a road
named by them, yield to the event's own place.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from functools import partial

import ahocorasick

from ..text.normalize import fold
from .context import _CAPITAL_RANK, _same_area, on_road
from .counts import CUMULATIVE as _CUMULATIVE
from .counts import find_counts, tells_harm
from .dates import _AR_TIME_PHRASES, _TIME_PHRASES, DateMatch, find_dates, has_time_expression
from .fastfold import word_end
from .mentions import _DEMONYMS, _is_title_line
from .model import Incident, Mention

__all__ = ["build_incidents", "TRIGGERS"]

# type -> folded regex of its event words; the order is the priority when one clause has several
TRIGGERS: dict[str, str] = {
    "arrest": r"arrest\w*|detain(?!ee)\w*|detention|caught(?! (?:fire|in|up|on|between|sight|fish|the moment|the explosion|the blast|the attack))|captur\w*|apprehend\w*|custody|dismantl\w*|round(?:ed|ing)? up|"
              r"اعتقال|اعتقل\w*|القبض|قبض|توقيف|اوقف\w*|تفكيك|احتجاز|احتجز\w*",
    "explosion": r"explosions?|exploded|blasts?|blew up|ieds?|car bombs?|roadside bombs?|bombs?|bombing|suicide bomb\w*|explosive devices?|landmines?|"
                 r"detonat\w*|انفجار\w*|انفجر\w*|تفجير\w*|عبوه ناسفه|مفخخه|لغم|انتحاري",
    "strike": r"air ?strikes?|strikes?|struck|air raids?|bombard\w*|bombed|shell\w*|pound(?:ed|ing)|warplanes?|jets?|drones?|missiles?|"
              r"rockets?|artillery|mortars?|helicopters?|barrels?|قصف\w*|غاره|غارات|الطيران|صاروخ\w*|صواريخ|الصواريخ|"
              r"مدفعي\w*|مسيره|قذايف|قذيفه|هاون|براميل|البراميل|برميل|مروحي\w*|المروحي\w*|طايره|الطايره|طايرات|الطايرات|ضربات|ضربه جويه",
    "clash": r"clash\w*|fighting|fought|skirmish\w*|battles?|firefights?|exchange of fire|اشتباك\w*|اشتبك\w*|معارك|معركه|مواجهات",
    "raid": r"raids?|raided|storm\w*|sweeps?|crackdown|clampdown|security operations?|operations?|"
            r"مداهم\w*|داهم\w*|حمله امنيه|عمليه امنيه|عمليات امنيه|العمليه",
    "attack": r"attack\w*|ambush\w*|kill|kills|killed|killing|assault\w*|gunm[ae]n|shooting|shot|gunfire|assassinat\w*|massacre\w*|targeted|targeting|opened fire|gunned down|execut(?:e|ed|es|ing|ions?)|kidnap(?!per)\w*|abduct(?!ee)\w*|"
              r"هجوم\w*|هاجم\w*|كمين|استهداف|استهدف\w*|اغتيال|اغتال\w*|مجزره|اطلاق نار|اختطاف|اختطف\w*|خطف\w*|قتل|قتلت|قتلوا",
    "seizure": r"seiz\w*|confiscat\w*|caches?|ضبط\w*|مصادره|صادر\w*",
}
_PRIORITY = list(TRIGGERS)
_RANK = {t: i for i, t in enumerate(_PRIORITY)}
# words telling of casualties without naming the event ('casualties in X', 'human losses in X',
# 'جرحى في X'): they open a clause of their own, so the places after them are not taken for the
# previous event's, but give it no type
_CASUALTY = "casualty"
_CASUALTY_WORDS = r"casualt\w*|causalt\w*|losses|martyr\w*|injur\w*|wounded|dead|deaths?|bodies|died|" + "|".join(
    fold(w) for w in "مقتل قتلى قتيل شهداء شهيد استشهاد جرحى مصابين ضحايا خسائر".split()) + r"|اصيب\w*|واصيب\w*"


def _top_level_alternatives(src: str) -> list[str]:
    """The alternatives of a regex source, split at the '|' outside groups and classes."""
    out, cur, depth, in_class, i = [], "", 0, False, 0
    while i < len(src):
        c = src[i]
        if c == "\\":
            cur += src[i:i + 2]
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(cur)
            cur = ""
            i += 1
            continue
        cur += c
        i += 1
    return out + [cur]


_LITERAL = re.compile(r"[^\\.^$*+?{}\[\]|()]*")  # characters that match themselves in a regex


def _literal_head(alt: str) -> str:
    """The text every match of event word ``alt`` begins with: its characters up to the first one
    special to regexes, less the last when a quantifier follows that may leave it out
    ('bombs?' -> 'bomb', 'air ?strikes?' -> 'air', 'round(?:ed|ing)? up' -> 'round')."""
    head = _LITERAL.match(alt).group()
    return head[:-1] if alt[len(head):len(head) + 1] in ("?", "*", "{") else head


def _trigger_regex() -> tuple[re.Pattern, list[str | None], ahocorasick.Automaton]:
    """The event-word regex and the type of each of its groups, for ``" " + folded sentence``,
    and an automaton finding where its matches may start (see ``_event_word_starts``).

    On folded text (whose only whitespace is single spaces) it finds the same event words as
    ``(?<!\\S)(?:(?P<arrest>...)|(?P<explosion>...)|...)(?!\\S)`` over TRIGGERS; a match starts
    at the space before its word, i.e. at the word's own offset in the sentence without the
    leading space. Built for speed: the engine jumps from space to space instead of trying every
    position, and as every event word starts with a plain letter, the alternatives are grouped
    by that letter (``a(?:(rrest\\w*)|(pprehend\\w*)|...)|d(?:...)``) so a few are tried at each
    word instead of all of them. Alternatives keep their order within a letter, and those of
    other letters cannot match there, so the first alternative that matches is the same; each
    one is a numbered group whose type ``types[m.lastindex]`` gives. A last branch takes the Arabic
    event words behind a proclitic (و ف ب ل ك) or the article.

    The automaton holds the literal head of every event word (``_literal_head``): with the space
    before it for a Latin word, alone for an Arabic one, which a proclitic may precede. Its value
    is the key's length and whether the word may have a proclitic.
    """
    by_letter: dict[str, list[tuple[str, str]]] = {}
    heads = ahocorasick.Automaton()
    for typ, src in [*TRIGGERS.items(), (_CASUALTY, _CASUALTY_WORDS)]:
        for alt in _top_level_alternatives(src):
            if not alt[:1].isalpha() or alt[1:2] in ("?", "*", "+", "{") or re.search(r"\((?!\?)", alt):
                raise ValueError(f"event word {alt!r}: must start with a plain letter and have no capturing group")
            by_letter.setdefault(alt[0], []).append((alt[1:], typ))
            arabic = "\u0600" <= alt[0] <= "\u06ff"
            key = _literal_head(alt) if arabic else " " + _literal_head(alt)
            heads.add_word(key, (len(key), arabic))
    heads.make_automaton()
    types: list[str | None] = [None]
    branches = []
    for letter, alts in by_letter.items():
        branches.append(letter + "(?:" + "|".join(f"({rest})" for rest, _ in alts) + ")")
        types += [typ for _, typ in alts]
    # Arabic event words with a proclitic or the article ('بقصف', 'القصف', 'وبالقصف', 'للقصف'):
    # tried last, so a word that matched before matches the same way
    ar_branches = []
    for letter, alts in by_letter.items():
        if "\u0600" <= letter <= "\u06ff":
            ar_branches.append(letter + "(?:" + "|".join(f"({rest})" for rest, _ in alts) + ")")
            types += [typ for _, typ in alts]
    branches.append("(?:[وف]?[بلك]?ال|[وف]?لل|[وف]?[بلك]|[وف])(?:" + "|".join(ar_branches) + ")")
    return re.compile(" (?:" + "|".join(branches) + ")(?!\\S)"), types, heads


_TRIGGER_RX, _TRIGGER_TYPES, _TRIGGER_HEADS = _trigger_regex()


def _event_word_starts(padded: str) -> list[int]:
    """Where an event word may start in ``padded`` (``" " + folded report``), in order: the space
    before each word that begins with an event word's literal head, or holds an Arabic one after
    what may be a proclitic. Every match of ``_TRIGGER_RX`` starts at one of them; the regex
    decides which are event words."""
    starts = set()
    for end, (n, arabic) in _TRIGGER_HEADS.iter(padded):
        start = end - n + 1
        starts.add(padded.rfind(" ", 0, start) if arabic else start)
    return sorted(starts)


def _event_words(padded: str, starts: list[int], fs: int, fe: int) -> list[tuple[int, str]]:
    """The event words of the sentence at folded ``[fs, fe)`` as ``(folded offset, type)``: the
    matches of ``_TRIGGER_RX.finditer(" " + folded[fs:fe])``, looked for only at ``starts``
    (``_event_word_starts(padded)``). ``padded[fs:fe + 1]`` is that string when the sentence
    follows a space (as folding leaves one at every sentence break); else it is searched whole."""
    if padded[fs] != " ":
        return [(fs + m.start(), _TRIGGER_TYPES[m.lastindex]) for m in _TRIGGER_RX.finditer(" " + padded[fs + 1:fe + 1])]
    out = []
    pos, end = fs, fe + 1
    for c in starts[bisect.bisect_left(starts, fs):bisect.bisect_left(starts, end)]:
        if c >= pos:  # not inside the last match (finditer goes on from its end)
            m = _TRIGGER_RX.match(padded, c, end)
            if m is not None:
                out.append((c, _TRIGGER_TYPES[m.lastindex]))
                pos = m.end()
    return out


_FAMILY = {"arrest": "sec", "raid": "sec", "seizure": "sec", "strike": "strike", "attack": "attack",
           "explosion": "attack", "clash": "clash", "other": "other"}
_CAPTION = re.compile(
    r"\b(?:a (?:picture|photo|file photo|photograph|image) (?:taken|shows)|file photo|photo:|photo credit|"
    r"getty images|afp via|reuters/|ap photo|\(photo)"
    # a link to another story ('Related: Israel strikes depot near Damascus', 'اقرأ أيضاً: ...')
    r"|^\W*(?:related|read more|read also|also read|see also)\s*:|^\W*اقرأ أيضا", re.I)
# Every _CAPTION phrase holds one of these (keep them in step). They avoid i, k and s, the only
# letters that re.I also matches with non-ASCII ones ('ı', 'İ', 'K', 'ſ'), so a caption in the
# original text leaves them, lower-cased by folding, in the folded text.
_CAPTION_HINTS = ("photo", "ctur", "mage", "getty", "afp v", "reuter", "relat", "read mo", "read al", "o read", "ee al", "اقرا ا")
_PAST_PHRASES = ("last year", "previously", "in the past", "years ago", "earlier", "past year", "past months") + tuple(
    "last " + m for m in ("january february march april may june july august september october november december".split()))
_AR_PAST_PHRASES = ("سابقا", "العام الماضي")
_PAST = re.compile(r"\b(?:" + "|".join(_PAST_PHRASES) + r")\b|(?<!\S)(?:" + "|".join(_AR_PAST_PHRASES) + r")(?!\S)")
# every past or time phrase holds one of these words: a report without any of them has no
# sentence told as past and no time expression (checked below, so the list cannot fall behind)
_PAST_TIME_WORDS = ("last ", "previous", "past", "ago", "earlier", "recent", "سابقا", "الماضي", "مؤخرا")
if not all(any(w in p for w in _PAST_TIME_WORDS)
           for p in _PAST_PHRASES + _AR_PAST_PHRASES + _TIME_PHRASES + _AR_TIME_PHRASES):
    raise RuntimeError("_PAST_TIME_WORDS must cover every past and time phrase")
_NEAR_BEFORE = re.compile(r"\b(?:near|outskirts of|outside|around|close to|vicinity of|east of|west of|north of|south of|"
                          r"northeast of|northwest of|southeast of|southwest of|on the road to)\s+(?:the\s+)?$|(?:قرب|بالقرب من|محيط|اطراف|أطراف)\s+$",
                          re.I)
_RELATIVE_TO = re.compile(r"\b(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|"
                          r"south-east|south-west)(?:ern)? of\s+(?:the\s+)?$", re.I)
# where people or fire came from ('came from Daraa to the field hospital in Douma', 'أتوا من درعا'):
# a weaker claim to be the incident's place than a place named without it
_ORIGIN_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?(?:(?:town|city|village|area|camp) of\s+)?$|(?<!\S)من\s+$", re.I)
# where people fled to: 'the suspects fled toward the mountains near Qardaha'
_FLED_BEFORE = re.compile(r"\bfle(?:d|e|es|eing)\s+(?:to|toward|towards|into)\s+(?:the\s+)?(?:\w+\s+(?:near|of|in)\s+)?$", re.I)
_HOSPITAL_BEFORE = re.compile(r"\b(?:hospitals?|clinics?|medical (?:point|center|centre)s?)\s+(?:in|of|at)\s+(?:the\s+)?$|"
                              r"(?<!\S)[وب]?(?:ال)?(?:مشف[ىي]|مشافي|مستشف[ىي]|مستشفيات)\s+$", re.I)
# an attack verb right before 'X's hospital': the hospital was the target ('jets bombed Idlib's hospital')
_ATTACKED_BEFORE = re.compile(r"\b(?:bomb\w*|struck|strikes?|hit|hits|target\w*|shell\w*|attack\w*|raid\w*|storm\w*|"
                              r"pound\w*|destroy\w*)\s+(?:the\s+)?$", re.I)
_HOSPITAL_AFTER = re.compile(r"['’]s\s+(?:\w+\s+)?(?:hospitals?|clinics?|medical (?:point|center|centre)s?)\b", re.I)  # 'Idlib's hospitals'
# where an attack was planned, not carried out: 'a cell planning attacks in Palmyra', 'plotting to
# bomb churches in Damascus', 'كانوا يخططون لتنفيذ هجمات في مدينة تدمر'
_PLANNED_BEFORE = re.compile(
    r"\b(?:plan(?:s|ned|ning)?|plott?(?:ed|ing|s)?|intend(?:s|ed|ing)?)\s+(?:to\s+)?(?:\w+\s+){0,2}?"
    r"(?:attacks?|bombings?|assassinations?|attack|bomb|strike|target|kill|assassinate)"
    # the attack word's own object: 'attacks in (the town of) X', 'to bomb a church in X'
    r"(?:(?:\s+(?!(?:was|were|is|are|has|had|have|been)\b)\w+){0,3}?\s+(?:on|in|against|near|at|inside)\s+(?:the\s+)?"
    r"(?:(?:town|city|village|area) of\s+)?|\s+(?:the\s+)?)$|"
    r"(?:يخطط\w*|خطط\w*|تخطط\w*|ينوون|يعتزم\w*|تعتزم)\s+(?:\S+\s+){0,2}?"
    r"(?:هجمات|هجوم\w*|لهجمات|تفجير\w*|لتفجير\w*|اغتيال\w*|لاغتيال\w*|استهداف\w*|لاستهداف\w*)"
    r"\s+(?:(?:\S+\s+)?(?:في|على|ضد|داخل|قرب)\s+)?$", re.I)
_SPECIFICITY = {"neighbourhood": 0, "site": 0, "town": 1, "subdistrict": 2, "district": 3, "governorate": 4, "region": 5, "country": 9}


_SMALL_REGION_KM2 = 1500.0  # the median district is ~1,300 km²


def _precision(m: Mention, text: str) -> int:
    p = m.place
    if p is not None and p.kind == "region" and p.area_km2 is not None and p.area_km2 < _SMALL_REGION_KM2:
        return 2  # a valley, a mountain or one Ghouta: an area about a district's size or less
    if p is None or p.kind in ("governorate", "region", "country"):
        return 3
    if m.countryside:
        return 2  # 'the Douma countryside', 'Douma suburbs': around a town or in its district
    if m.near or p.kind in ("district", "subdistrict") or _NEAR_BEFORE.search(text[max(0, m.start - 30):m.start]):
        return 2
    if on_road(m, text):
        return 2  # somewhere on the road from this town
    return 1


def _has_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether any of ``words`` occurs in ``text``."""
    return any(w in text for w in words)


def _is_caption(sent: str, fsent: str) -> bool:
    """Whether a sentence (original ``sent``, folded ``fsent``) is a photo caption; the expression
    runs only when the folded sentence holds one of the caption words."""
    if not _has_any(fsent, _CAPTION_HINTS):
        return False
    return bool(_CAPTION.search(sent))


def _told_as_past(folded: str) -> bool:
    """Whether a sentence tells its events as past context ('last year', 'previously', 'سابقا');
    the expression runs only when one of its phrases occurs at all."""
    if not _has_any(folded, _PAST_PHRASES) and not _has_any(folded, _AR_PAST_PHRASES):
        return False
    return bool(_PAST.search(folded))


def _in_a_name(text: str, s: int) -> bool:
    """Whether the word at ``s`` ('Today') is capitalised after a capitalised word, as in an
    outlet's name ('Halab Today', 'Aleppo Today'), not a date ('Today, ...', 'said today', a
    headline in title case: 'Airstrikes Kill 12 in Idlib Today')."""
    if not text[s:s + 1].isupper():
        return False
    before = text[max(0, s - 30):s].rstrip()
    if not before or not before[-1].isalpha() or not before.rsplit(None, 1)[-1][:1].isupper():
        return False
    return not _is_title_line(text, s)


_WRITTEN_DAYS = ("ymd", "dmy_num", "dmy", "mdy", "ar_dmy")  # date kinds that give the day and the month


class _SentenceDates:
    """The date phrases of one sentence, with folded offsets in the report, looked for on first
    use: many event sentences only add to an incident that has its date already."""

    _PAST_KINDS = ("year", "ar_my", "my", "dmy", "mdy", "ar_dmy")

    def __init__(self, fsent: str, fs: int, published: dt.date | None, text: str, offs: list[int]) -> None:
        self.fsent, self.fs, self.published, self.text, self.offs = fsent, fs, published, text, offs
        self._dates: list[DateMatch] | None = None

    def all(self) -> list[DateMatch]:
        if self._dates is None:
            self._dates = find_dates(self.fsent, self.published)
            for d in self._dates:
                d.start += self.fs
                d.end += self.fs
            if any(d.kind == "rel" for d in self._dates):
                self._dates = [d for d in self._dates if not (
                    d.kind == "rel" and self.fsent[d.start - self.fs:d.end - self.fs] == "today"
                    and _in_a_name(self.text, self.offs[d.start]))]
        return self._dates

    def in_window(self, w_start: int, w_end: int, ignore_before: int) -> DateMatch | None:
        """The date of the clause ``[w_start, w_end)``: its first full date, else its first date;
        a weekday written beside a day and month gives way to them ('on Wednesday, Dec 3' is Dec 3,
        not the Wednesday before publication)."""
        wdates = [d for d in self.all() if w_start <= d.start and d.end <= w_end and d.date is not None
                  and d.kind != "year" and self.offs[d.start] >= ignore_before]
        if not wdates:
            return None
        first = next((d for d in wdates if d.precision == "day"), wdates[0])
        if first.kind in ("weekday", "ar_weekday"):
            beside = next((d for d in wdates if d.kind in _WRITTEN_DAYS
                           and (0 <= d.start - first.end <= 3 or 0 <= first.start - d.end <= 3)), None)
            if beside is not None:
                return beside
        return first

    def past(self, may_past: bool) -> bool:
        """Whether the sentence tells its events as past context (words, or a date in an earlier year)."""
        pub_year = self.published.year if self.published else None
        return (may_past and _told_as_past(self.fsent)) or any(
            d.date is not None and pub_year is not None and d.date.year < pub_year and d.kind in self._PAST_KINDS
            for d in self.all())


_TOLL_WORDS = frozenset(("kill", "kills", "killed", "killing", "قتل", "قتلت", "قتلوا"))
_BOMB_WORDS = frozenset(("bomb", "bombs", "bombing"))


def _word_at(folded: str, pos: int) -> str:
    """The folded word starting at ``pos``, without an Arabic conjunction before it ('وقتل')."""
    end = folded.find(" ", pos)
    w = folded[pos:end if end >= 0 else len(folded)]
    return w[1:] if w[:1] in ("\u0648", "\u0641") and len(w) > 3 else w


# 'and' opening a clause with a subject of its own ('arrested 20 smugglers and a bomb exploded'),
# not a second verb of the same subject ('raided homes and clashed with gunmen')
_AND_NEW_SUBJECT = re.compile(r"\band\s+(?:a|an|the|\d+|two|three|four|five|six|seven|eight|nine|ten)\s", re.I)


def _same_day(d: "DateMatch | None", iso: str | None) -> bool:
    """Whether a sentence's date ``d`` does not contradict an incident's date ``iso``."""
    return d is None or iso is None or d.date is None or d.date.isoformat() == iso


def _one_event(folded: str, text: str, offs: list[int], a: tuple[int, str], b: tuple[int, str]) -> bool:
    """Whether event words ``a`` and ``b`` (folded offset, type) of one sentence can tell one
    event: words of one kind ('a bomb ... exploded'), a casualty or kill word ('warplanes killed
    five'), or nothing between them that opens a clause of its own (a comma, 'while')."""
    if _FAMILY.get(a[1]) == _FAMILY.get(b[1]) or _CASUALTY in (a[1], b[1]) or \
            _word_at(folded, a[0]) in _TOLL_WORDS or _word_at(folded, b[0]) in _TOLL_WORDS:
        return True
    between = text[offs[a[0]]:offs[b[0]]]
    return not ("," in between or ";" in between or "،" in between or " while " in between
                or _AND_NEW_SUBJECT.search(between))


def _only_toll_words(folded: str, trigs: list[tuple[int, str]]) -> bool:
    """Whether the event words ``trigs`` (folded offsets, types) only tell of people killed or
    hurt ('were killed', 'وقتل', casualty words), not of a new kind of event."""
    return all(typ == _CASUALTY or _word_at(folded, pos) in _TOLL_WORDS for pos, typ in trigs)


def _bombs_from_the_air(folded: str, trigs: list[tuple[int, str]]) -> str:
    """The type of a clause whose event words make it an explosion: 'strike' when its only
    explosion words are 'bomb(s)'/'bombing' beside an aircraft or strike word ('helicopters bomb
    Tedef', 'warplanes dropped bombs on X'), not a planted bomb; else 'explosion'."""
    if any(t == "strike" for _, t in trigs) and all(
            t != "explosion" or _word_at(folded, pos) in _BOMB_WORDS for pos, t in trigs):
        return "strike"
    return "explosion"


# raid words that only say something was done ('in a separate operation'), which a seizure in the
# same clause makes precise
_GENERIC_RAID_WORDS = frozenset(("operation", "operations", "security"))
# attack words that only say something was aimed at a place ('targeting X with barrel bombs')
_GENERIC_ATTACK_WORDS = frozenset(("targeting", "targeted"))
_MEANS_BEFORE = re.compile(r"\b(?:with|by|using)\s+(?:\S+\s+){0,3}?$")  # 'with (phosphorus) barrel bombs', 'by Russian airstrikes'


def _type_of(found: list[tuple[int, str]]) -> str:
    return min((t for _, t in found if t != _CASUALTY), key=_RANK.__getitem__, default="other")


def build_incidents(text: str, folded: str, offs: list[int], sentences: list[tuple[int, int]],
                    mentions: list[Mention], published: dt.date | None, ignore_before: int = 0) -> list[Incident]:
    """The incidents of a report, main one first (see module doc). Sets mention roles in place."""
    # folded offsets of each sentence
    fstarts = _folded_bounds(offs, sentences, len(folded))
    # the words the per-sentence tests need, looked for once in the whole report (a sentence
    # cannot hold what its report lacks)
    may_caption = _has_any(folded, _CAPTION_HINTS)
    may_past = may_time = _has_any(folded, _PAST_TIME_WORDS)
    may_weak = _weak_words(text)
    padded = " " + folded  # the event-word regex wants a space before each word
    speakers = any(getattr(m, "_speaker_place", False) for m in mentions)  # 'a spokesman in X said'
    event_starts = _event_word_starts(padded)
    if ":" in text[:120] or any(getattr(m, "_attributive", False) for m in mentions):
        _header_labels(mentions, text)
    by_sent: dict[int, list[int]] = {}
    for idx, m in enumerate(mentions):
        by_sent.setdefault(m.sentence, []).append(idx)
    incidents: list[Incident] = []
    last_by_family: dict[str, Incident] = {}
    clause_breaks: dict[int, tuple[tuple[int, int], list[int]]] = {}

    def breaks_of(k: int) -> tuple[tuple[int, int], list[int]]:
        """Sentence k's folded span and clause breaks, worked out when first needed."""
        if k not in clause_breaks:
            clause_breaks[k] = (fstarts[k], _clause_breaks(text, sentences[k], folded, fstarts[k], offs))
        return clause_breaks[k]

    any_trigger = False
    for k, (ss, se) in enumerate(sentences):
        fs, fe = fstarts[k]
        fsent = folded[fs:fe]
        if may_caption and _is_caption(text[ss:se], fsent):
            for idx in by_sent.get(k, ()):
                mentions[idx].background = True
            continue
        trig = _event_words(padded, event_starts, fs, fe)
        if trig and may_weak[2]:
            trig = [t for t in trig if not _PLANNED_TRIGGER.search(folded, max(0, t[0] - 60), t[0])]
        if not trig:
            continue
        located = [i for i in by_sent.get(k, ()) if mentions[i].place is not None and not mentions[i].background]
        if speakers and any(getattr(mentions[i], "_speaker_place", False) for i in located):
            # where the speaker is ('a spokesman in Damascus said jets struck Kisweh') makes no
            # event of its own when the sentence names another place
            located = [i for i in located if not getattr(mentions[i], "_speaker_place", False)] or located
        if any(t == _CASUALTY for _, t in trig):
            if not located:  # casualty words open no event without a place
                rest = [t for t in trig if t[1] != _CASUALTY]
                if not rest and incidents and k not in by_sent:
                    # ... but they may tell the toll of the event just told: 'Gunfire hit Sweida.
                    # Four people were injured.'
                    _toll_to_last(incidents, k, fs, fe, folded, trig, _SentenceDates(fsent, fs, published, text, offs),
                                  ignore_before, may_past, offs, text)
                trig = rest
            else:
                trig = _leading_casualty_words(trig, partial(breaks_of, k), [_fpos(offs, mentions[i].start) for i in located])
            if not trig:
                continue
        sdates = _SentenceDates(fsent, fs, published, text, offs)
        any_trigger = True
        # group places by the nearest event word before them (else after)
        groups: dict[int, list[int]] = {}
        trig_pos = [t[0] for t in trig]  # in text order
        for i in located:
            mf = _fpos(offs, mentions[i].start)
            after = bisect.bisect_right(trig_pos, mf)
            ti = max(after - 1, 0)  # the last event word at or before it
            if 0 < after < len(trig_pos) and _opens_own_clause(folded, text, offs, trig_pos[ti], mf, trig_pos[after]):
                ti = after  # 'a woman was killed in Harasta, while in the Badia cells ambushed a patrol'
            groups.setdefault(ti, []).append(i)
        if not groups:
            groups = {0: []}
        order = sorted(groups)
        # a group naming only the country before one naming a Syrian place: one event ('ALEPPO,
        # Syria — A bomb ... exploded in Afrin', 'In Syria, a bomb exploded in Afrin')
        for gi in range(len(order) - 2, -1, -1):
            ti, nx = order[gi], order[gi + 1]
            # (only a country named before the group's own event word, and not two events of
            # different kinds in clauses of their own: 'arrested 30 people across Syria, while
            # jets struck Kisweh')
            if _one_event(folded, text, offs, trig[ti], trig[nx]) and all(
                    mentions[i].place.kind == "country" and _fpos(offs, mentions[i].start) < trig[ti][0]
                    for i in groups[ti]) and any(mentions[i].place.kind != "country" for i in groups[nx]):
                groups[nx] = groups.pop(ti) + groups[nx]
                del order[gi]
        for gi, ti in enumerate(order):
            w_start = fs if gi == 0 else trig[ti][0]
            w_end = trig[order[gi + 1]][0] if gi + 1 < len(order) else fe
            window = folded[w_start:w_end]
            first_pos = min((_fpos(offs, mentions[i].start) for i in groups[ti]), default=w_end)
            clause_trigs = [t for t in trig if w_start <= t[0] < first_pos] or [t for t in trig if w_start <= t[0] < w_end] or [trig[ti]]
            typ = _type_of(clause_trigs)
            if typ == "attack" and all(_word_at(folded, pos) in _GENERIC_ATTACK_WORDS for pos, t in clause_trigs if t == "attack"):
                # 'Targeting Hraytan city with barrel bombs': the means after the place tells the kind
                means = [t for t in trig if first_pos <= t[0] < w_end and t[1] in ("strike", "explosion")
                         and _MEANS_BEFORE.search(folded, max(0, t[0] - 40), t[0])]
                if means:
                    typ = _type_of(means)
                    if typ == "explosion":
                        typ = _bombs_from_the_air(folded, means)
            if typ == "raid" and any(t == "seizure" for _, t in clause_trigs) and all(
                    _word_at(folded, pos) in _GENERIC_RAID_WORDS for pos, t in clause_trigs if t == "raid"):
                typ = "seizure"  # 'in a separate operation, police seized 300,000 pills': the seizure
            if typ == "explosion":
                typ = _bombs_from_the_air(folded, clause_trigs)
            elif typ in ("raid", "seizure", "attack") and any(t == "arrest" for _, t in clause_trigs):
                typ = "arrest"
            members = groups[ti]
            syr = [i for i in members if mentions[i].place.kind != "country"]
            counts = find_counts(window)
            date_of = partial(sdates.in_window, w_start, w_end, ignore_before)  # looked for when needed
            fam = _FAMILY[typ]
            if not syr:
                prev = last_by_family.get(fam)
                if prev is not None and k - prev.sentences[-1] <= 3:
                    # (with no counts from a tally of a day or a period: '300 died during 20 days of bombardment')
                    _add_to(prev, k, {} if _is_digest(window) else counts, date_of, offs, text, members)
                    continue
                if incidents:
                    if not members:
                        _toll_to_last(incidents, k, w_start, w_end, folded, clause_trigs, sdates, ignore_before, may_past,
                                      offs, text, counts)
                    continue  # an event word naming no place after the first event: context
                inc = Incident(type=typ, location=None, precision=3, sentences=[k], mentions=list(members),
                               background=sdates.past(may_past))
                _add_to(inc, k, counts, date_of, offs, text, [])
                incidents.append(inc)
                last_by_family[fam] = inc
                continue
            loc_i = _pick_location(syr, mentions, text, may_weak)
            loc = mentions[loc_i]
            # the governorates (or, for a region across several, the regions) the group names as areas
            govs = {mentions[i].place.admin1 or mentions[i].place.id for i in syr
                    if mentions[i].place.kind in ("governorate", "region") or mentions[i].countryside}
            # the same place and kind of event again: one incident
            same = next((inc for inc in incidents if _FAMILY[inc.type] == fam and inc.location is not None
                         and _same_place(inc.location, loc.place)), None)
            if same is None and _only_toll_words(folded, clause_trigs):
                # the toll of the event just told at the same place, in its sentence ('Shelling on
                # Ariha, killing two civilians (Ariha, Idleb)'): that event's, whatever its kind
                same = next((inc for inc in incidents if k in inc.sentences and inc.location is not None
                             and _same_place(inc.location, loc.place)), None)
            refined = False
            if same is None and any(_refers_back(folded, pos) and pos - fs <= 12 for pos, _ in clause_trigs):
                # 'The attack took place near the village of Fairouzeh': the event just told, now
                # placed more exactly (in its governorate)
                same = next((inc for inc in reversed(incidents) if _FAMILY[inc.type] == fam and inc.location is not None
                             and k - inc.sentences[-1] <= 2 and _same_area(inc.location.admin1, loc.place.admin1)), None)
                refined = same is not None
            if same is None and loc.place.kind in ("governorate", "district", "subdistrict"):
                # the area around an incident already told ('... in Rural Damascus said the operation')
                same = next((inc for inc in incidents if _FAMILY[inc.type] == fam and inc.location is not None
                             and _within(inc.location, loc.place)), None)
            if same is None and len(govs) <= 1:
                # a headline's area, then the town in the body: one incident at the town (not a
                # town the suspects fled to)
                up = next((inc for inc in incidents if _FAMILY[inc.type] == fam and inc.location is not None
                           and inc.location.kind in ("governorate", "district", "subdistrict")
                           and _within(loc.place, inc.location) and k - inc.sentences[-1] <= 3), None)
                if up is not None and not _claim_weakness(loc, text, may_weak):
                    up.location, up.precision = loc.place, _precision(loc, text)
                    up.excerpt = _excerpt(text, sentences[k], loc)
                    up.mentions.insert(0, loc_i)
                    _add_to(up, k, counts, date_of, offs, text, members)
                    last_by_family[fam] = up
                    continue
            prev = last_by_family.get(fam)
            if (same is None and prev is not None and prev.location is None
                    and not (date_of() is not None or (may_time and has_time_expression(window))) and k - prev.sentences[-1] <= 3):
                same = prev
            if same is not None:
                if same.location is None or (refined and len(govs) <= 1 and _precision(loc, text) < same.precision):
                    same.location, same.precision = loc.place, (3 if len(govs) > 1 else _precision(loc, text))
                    same.excerpt = _excerpt(text, sentences[k], loc)
                    if refined:
                        same.mentions.insert(0, loc_i)
                _add_to(same, k, counts, date_of, offs, text, syr)
                last_by_family[_FAMILY[same.type]] = same
                continue
            inc = Incident(type=typ, location=loc.place, precision=3 if len(govs) > 1 else _precision(loc, text),
                           sentences=[k], mentions=[loc_i] + [i for i in members if i != loc_i], background=sdates.past(may_past),
                           excerpt=_excerpt(text, sentences[k], loc))
            inc.clause = (k, min(trig[ti][0], first_pos), max(_fpos(offs, mentions[i].end) for i in members))
            _add_to(inc, k, counts, date_of, offs, text, [])
            incidents.append(inc)
            last_by_family[fam] = inc
    if not incidents:
        inc = _fallback(mentions, text, sentences, any_trigger)
        if inc is not None:
            incidents.append(inc)
    for inc in incidents:
        if inc.type in ("raid", "seizure") and inc.arrested and not (inc.killed or inc.injured):
            inc.type = "arrest"  # 'a campaign of raids ... led to the arrest of 14': coded by its outcome
    # main event first: the report's own events in text order, then those told as past context;
    # of several events opening in one sentence, those that killed or injured people come first
    _mark_order(incidents, mentions, text, folded, breaks_of, may_weak)
    incidents.sort(key=lambda x: (x.background, x.sentences[0], x.weak, not x.harm))
    _clashes_before_strikes(incidents, folded)
    if incidents and incidents[0].location is None:
        _tally_last(incidents, folded, fstarts)
    if incidents and all(i.location is None for i in incidents):
        # where the report comes from (an outlet's handle, a dateline), else the places it names
        # in its other sentences, else an office that speaks in it ('the Homs governor said')
        if not (_locate_by_origin(incidents[0], mentions, "report")
                or _locate_in_report_area(incidents[0], mentions, text, may_weak)):
            _locate_by_origin(incidents[0], mentions, "office")
    for inc in incidents:
        for i in inc.mentions:
            if mentions[i].place is not None and mentions[i].place.kind != "country":
                mentions[i].role = "incident"
    return incidents


# where one clause of a sentence ends and the next begins ('shelling on A and casualties in B'):
# words in the folded text, punctuation (which folding drops) in the original
_CLAUSE_WORDS = re.compile(r" (?:and|while|whereas|as well as) ")
_CLAUSE_PUNCT = re.compile(r"[,;:،؛]")
_AR_AND = re.compile(" \u0648")


_STRONG_BREAK = re.compile(r"\b(?:while|whereas|meanwhile)\b|(?<!\S)(?:بينما|فيما)(?!\S)")


def _opens_own_clause(folded: str, text: str, offs: list[int], before: int, place: int, after: int) -> bool:
    """Whether a place at folded offset ``place`` opens a clause of its own ('..., while in the
    Badia ISIS cells ambushed a patrol'): a strong break ('while', 'meanwhile', ';', 'بينما')
    stands between the event word ``before`` it and the place, and none between the place and
    the event word ``after`` it, which is then the place's."""
    def strong(a: int, b: int) -> bool:
        return _STRONG_BREAK.search(folded, a, b) is not None or ";" in text[offs[a]:offs[b]] or "؛" in text[offs[a]:offs[b]]
    return strong(before, place) and not strong(place, after)


def _clause_breaks(text: str, span: tuple[int, int], folded: str, fspan: tuple[int, int],
                   offs: list[int]) -> list[int]:
    """Folded offsets where the clauses of a sentence (``span`` in ``text``, ``fspan`` in
    ``folded``) begin after the first: after 'and'/'while'/a comma or semicolon, and in Arabic at
    the conjunction و on an event or casualty word ('قصف على حماة وجرحى في إدلب')."""
    fs, fe = fspan
    out = [m.end() for m in _CLAUSE_WORDS.finditer(folded, fs, fe)]
    out += [_fpos(offs, m.end()) for m in _CLAUSE_PUNCT.finditer(text, *span)]
    if "\u0648" in folded[fs:fe]:
        out += [p + 1 for p in (m.start() for m in _AR_AND.finditer(folded, fs, fe)) if _TRIGGER_RX.match(folded, p)]
    return sorted(out)


def _clause_start(breaks: list[int], fs: int, pos: int) -> int:
    """Where the clause holding folded offset ``pos`` begins: the last break at or before it, else
    the sentence start ``fs`` (a break's offset is where the next clause begins)."""
    i = bisect.bisect_right(breaks, pos)
    return breaks[i - 1] if i else fs


def _clause_of(breaks: list[int], fspan: tuple[int, int], a: int, b: int) -> tuple[int, int]:
    """The folded span of the clause(s) holding ``[a, b)``: from the start of ``a``'s clause to
    the first break after ``b``."""
    j = bisect.bisect_right(breaks, b)
    return _clause_start(breaks, fspan[0], a), (breaks[j] if j < len(breaks) else fspan[1])


def _leading_casualty_words(trig: list[tuple[int, str]], breaks_of, places: list[int]) -> list[tuple[int, str]]:
    """``trig`` without the casualty words that do not lead their clause: one after a place of the
    same clause ('fled from Daraa were wounded by shelling in Douma') tells of that clause's event,
    not of a new one. ``breaks_of()``: the sentence's folded span and clause breaks, asked only
    when a casualty word follows a place."""
    first_place = min(places)
    if all(pos < first_place for pos, typ in trig if typ == _CASUALTY):
        return trig
    (fs, _), breaks = breaks_of()
    out = []
    for pos, typ in trig:
        if typ == _CASUALTY:
            start = _clause_start(breaks, fs, pos)
            if any(start <= p < pos for p in places):
                continue
        out.append((pos, typ))
    return out


def _mark_order(incidents: list[Incident], mentions: list[Mention], text: str, folded: str, breaks_of,
                may_weak: tuple[bool, bool, bool]) -> None:
    """Set ``weak`` and ``harm`` on the incidents that share their first sentence with another
    one (only those need them: they order the events of one sentence). ``weak``: the incident's
    place is only where people came from or were treated (``_claim_weakness``); ``harm``: the clause
    of the sentence holding its event word and places tells of people killed or injured
    (``breaks_of(k)``: sentence k's folded span and clause breaks)."""
    firsts: dict[int, int] = {}
    for inc in incidents:
        firsts[inc.sentences[0]] = firsts.get(inc.sentences[0], 0) + 1
    for inc in incidents:
        if inc.clause is None or firsts[inc.sentences[0]] < 2:
            continue
        k, a, b = inc.clause
        fspan, breaks = breaks_of(k)
        start, end = _clause_of(breaks, fspan, a, b)
        inc.harm = tells_harm(folded[start:end])
        inc.weak = _claim_weakness(mentions[inc.mentions[0]], text, may_weak) > 0


# a colon after the label, or a nationality starting what happened there ('Aleppo Russian warplanes
# attacked ...', a caption's way of labelling)
_HEADER_COLON = re.compile(r"\s?:|\s(?=(?:" + "|".join(sorted(_DEMONYMS)) + r")\b)", re.I)


def _header_labels(mentions: list[Mention], text: str) -> None:
    """A governorate, region or governorate capital labelling the report ('Damascus: strikes on
    the town of Deir al-Asafir', 'Syria - Hama: ...'), or any place told as where the actors come
    from ('Deir ez-Zor SDF fighters', 'Raqqa's authorities': ``Mention._attributive``), only says
    in which area the places named after it lie: when the report names such a place (in that
    governorate, or for Damascus in Rural Damascus), the label is background, as a dateline is."""
    for i, m in enumerate(mentions):
        p = m.place
        if p is None:
            continue
        if getattr(m, "_attributive", False):
            pass  # any place before its actors: 'Deir ez-Zor SDF fighters detained three men in Shuhayl'
        elif i >= 3 or m.start > 80 or not _HEADER_COLON.match(text, m.end) or not (
                p.kind in ("governorate", "region") or (p.kind == "town" and p.rank >= _CAPITAL_RANK)):
            continue
        for o in mentions[i + 1:]:
            q = o.place
            if q is None or q.kind == "country" or o.background or q.id == p.id:
                continue
            if _same_area(q.admin1, p.admin1) or (p.admin1 is None and p.kind == "region" and q.kind == "town"):
                m.background = True
                break


def _fallback(mentions: list[Mention], text: str, sentences, any_trigger: bool) -> Incident | None:
    """No event word tied to a place: the report's first, most specific Syrian place ('other')."""
    syr = [i for i, m in enumerate(mentions) if m.place is not None and m.place.kind != "country" and not m.background]
    if not syr:
        if any(m.place is not None for m in mentions) or any_trigger:
            return Incident(type="other", location=None, precision=3, sentences=[0], mentions=[
                i for i, m in enumerate(mentions) if m.place is not None])
        return None
    first_sent = mentions[syr[0]].sentence
    cands = [i for i in syr if mentions[i].sentence == first_sent]
    loc_i = _pick_location(cands, mentions, text)
    loc = mentions[loc_i]
    govs = {mentions[i].place.admin1 or mentions[i].place.id for i in cands if mentions[i].place.kind in ("governorate", "region")}
    return Incident(type="other", location=loc.place, precision=3 if len(govs) > 1 else _precision(loc, text),
                    sentences=[first_sent], mentions=[loc_i] + [i for i in cands if i != loc_i],
                    excerpt=_excerpt(text, sentences[first_sent], loc))


def _clashes_before_strikes(incidents: list[Incident], folded: str) -> None:
    """Of a strike and a clash opening in one sentence and alike in harm, the clash leads
    ('Warplanes raid Hama countryside and clashes go on in Idlib countryside'): the fighting on
    the ground is the event, the shelling or air raids told with it mostly accompany it. (In UCDP's
    single-row headlines naming a strike and then a clash, the clash is the coded event 88 times
    to 56.) Not a clash told as what came before or ended ('struck Saraqib, a day after clashes
    in ...', 'بعد اشتباكات'); other kinds, and events of different sentences, keep text order."""
    moved = True
    while moved:
        moved = False
        for i in range(len(incidents) - 1):
            a, b = incidents[i], incidents[i + 1]
            if (a.type == "strike" and b.type == "clash" and a.sentences[0] == b.sentences[0]
                    and (a.background, a.weak, a.harm) == (b.background, b.weak, b.harm)
                    and not (b.clause and _BEFORE_CLASH.search(folded, max(0, b.clause[1] - 30), b.clause[1]))):
                incidents[i], incidents[i + 1] = b, a
                moved = True


# a clash told as the time of another event: 'a day after clashes', 'ending clashes', 'بعد اشتباكات'
_BEFORE_CLASH = re.compile(r"(?:\b(?:after|following|ending|since|before)|(?<!\S)[وف]?(?:بعد|اثر|عقب|منذ))(?: \S+)? $")


_TALLY_WORDS = ("yesterday", "including", "toll", "so far", "past 24", "in 24 hours", "within 24", "across",
                fold("أمس"), fold("بينهم"), fold("حصيلة"))


# a digest's tally of a day or a period ('76 died yesterday', '310 civilians during 20 days', 'خلال
# 24 ساعة'), unlike an event's own toll ('five were killed, including two children') or a campaign's
# count told for a wide area ('61 raids across several provinces led to the arrest of 71')
# ... unless it refers back to the event ('three soldiers were killed yesterday in the attack')
_THE_EVENT = re.compile(r"\bthe (?:attack|strike|airstrike|air strike|raid|blast|explosion|bombing|shelling|clash|clashes|"
                        r"fighting|battle|ambush|assault|massacre)s?\b|(?<!\S)(?:ب|في )?(?:الهجوم|القصف|الانفجار|التفجير|"
                        r"الاشتباكات|المعارك|الغاره|الكمين|المجزره)(?!\S)")
_DIGEST = re.compile(r"\b(?:yesterday|so far|this (?:week|month|year)|since the (?:start|beginning) of)\b|(?<!\S)منذ بدايه|\b(?:during|within|over|in) (?:the (?:past|last) )?(?:\d+|\w+) "
                     r"(?:hours|days|weeks|months)\b|(?<!\S)(?:امس|خلال (?:\S+ )?(?:ساعه|يوم|ايام|اسبوع|شهر))")


_REFER_BACK = re.compile(r"\b(?:the|this|that)\s+$")
# the nouns of a single event (not of an activity going on: 'the clashes', 'the shelling')
_ONE_EVENT_NOUNS = frozenset("attack attacks blast explosion bombing strike airstrike raid ambush assault assassination "
                             "kidnapping".split())
_AR_REFER_BACK = frozenset(fold(w) for w in "الهجوم الانفجار التفجير الغارة الكمين الاعتداء".split())


def _refers_back(folded: str, pos: int) -> bool:
    """Whether the event word at folded ``pos`` refers back to an event already told: 'the attack',
    'this blast', 'وقع الهجوم' (the caller asks it only near the start of a sentence)."""
    if folded.startswith("ال", pos) or folded.startswith("وال", pos):
        return _word_at(folded, pos).lstrip("و") in _AR_REFER_BACK
    return _word_at(folded, pos) in _ONE_EVENT_NOUNS and _REFER_BACK.search(folded, max(0, pos - 6), pos) is not None


def _is_digest(window: str) -> bool:
    """Whether a folded window is a tally of a day or a period (``_DIGEST``) that does not refer
    back to the event (``_THE_EVENT``), or that breaks its dead down ('including ...', 'بينهم')."""
    cum = _CUMULATIVE.search(window)
    if cum:
        window = window[:cum.start()]  # 'two were killed, raising the toll this week to 17': the two are the event's
    return _DIGEST.search(window) is not None and (_THE_EVENT.search(window) is None or _BREAKDOWN.search(window) is not None)


# a tally breaking a day's dead down ('..., including 9 members of the regime forces'), unlike an
# event's toll naming some of its dead ('six were killed in the blast, including two children')
_BREAKDOWN = re.compile(r"\bincluding (?:about |more than |at least )?\d+ (?:members|elements|civilians|citizens|fighters|"
                        r"persons|people|of|regime|soldiers|militants|rebels|is|isis)\b|(?<!\S)بينهم \d+")



# a casualty told of something else: 'Separately, four people were injured in a car accident'
_OTHER_MATTER = re.compile(r"\b(?:separately|in a separate|(?:traffic|car|road|work) accidents?)\b|(?<!\S)(?:حادث\w*|منفصل\w*)")


def _tally_last(incidents: list[Incident], folded: str, fstarts: list[tuple[int, int]]) -> None:
    """A lead that is a digest's tally ('189 people were killed yesterday, including ...': it counts
    dead or hurt with a tally word, ``_TALLY_WORDS``, and names no place, not even the country) is
    not the main event when an event of a known kind with a place follows: that event moves first
    and the tally stays in the list. An unplaced event told plainly ('Fighters killed 3 soldiers')
    keeps the lead, and so do arrests, raids and seizures announced for the whole country."""
    lead = incidents[0]
    if (lead.mentions or lead.background or _FAMILY[lead.type] == "sec"
            or not (lead.killed or lead.injured)):
        return
    fs, fe = fstarts[lead.sentences[0]]
    if not any(w in folded[fs:fe] for w in _TALLY_WORDS):
        return
    nxt = next((i for i, inc in enumerate(incidents)
                if inc.location is not None and not inc.background and inc.type != "other"), None)
    if nxt is not None:
        incidents.insert(0, incidents.pop(nxt))


def _locate_at(inc: Incident, mentions: list[Mention], h: int) -> None:
    """Place ``inc`` at mention ``h``, an area the report is about rather than a place tied to the
    event: precision 2, or 3 for a governorate or region."""
    inc.location = mentions[h].place
    inc.precision = 3 if inc.location.kind in ("governorate", "region") else 2
    if h in inc.mentions:
        inc.mentions.remove(h)
    inc.mentions.insert(0, h)


def _locate_by_origin(inc: Incident, mentions: list[Mention], origin: str) -> bool:
    """Place an event the report places nowhere at where the report comes from (the mentions'
    ``_origin``): for ``"report"`` a local outlet's handle ('#Aleppo_News| destruction in the
    al-Mashhad neighbourhood') or a dateline ('DARAA, Syria — Gunmen killed a man', 'درعا - اغتيال
    شاب'), for ``"office"`` an office that speaks ('the Homs governor said'); precision 2, or 3 for
    a governorate. Returns whether it was placed."""
    h = next((i for i, m in enumerate(mentions) if getattr(m, "_origin", None) == origin
              and m.place is not None and m.place.kind != "country"), None)
    if h is None:
        return False
    _locate_at(inc, mentions, h)
    return True


def _locate_in_report_area(inc: Incident, mentions: list[Mention], text: str,
                           may_weak: tuple[bool, bool, bool] = (True, True, True)) -> bool:
    """A report whose event words name no place but whose other sentences name places of one
    governorate only ('Warplanes strike a market, killing 12.' then 'The market lies in Saraqib,
    Idlib governorate.'): the main event is in that area, at the report's most specific place
    (``_locate_at``). Places in several governorates leave it unlocated, and so does an event told
    as the country's ('Syria arrests 71 in raids'): a place named elsewhere is not its place.
    Returns whether it was placed."""
    syr = [i for i, m in enumerate(mentions)
           if m.place is not None and m.place.kind != "country" and not m.background and m.role != "foreign"]
    if inc.mentions or not syr or len({mentions[i].place.admin1 or mentions[i].place.id for i in syr}) != 1:
        return False
    own = [i for i in syr if not _claim_weakness(mentions[i], text, may_weak)]  # not 'fled to X', 'from X'
    if not own:
        return False
    _locate_at(inc, mentions, _pick_location(own, mentions, text))
    return True


def _is_reference_point(m: Mention, text: str) -> bool:
    """'south of Damascus': the place only says where another one is (``_RELATIVE_TO`` just before
    it; the expression runs only when 'of' is there: o and f have no non-ASCII case variants, so
    lower() finds every spelling re.I would); or an end of a road (``on_road``)."""
    before = text[max(0, m.start - 25):m.start]
    return ("of" in before.lower() and _RELATIVE_TO.search(before) is not None) or on_road(m, text)


_WEAK_ORIGIN_GATE = re.compile(r"\bfle(?:d|e)")     # run on the lower-cased report, after a substring test
# an event word that only tells what was planned: 'the cell had planned attacks on churches',
# 'plotting to bomb', 'يخططون لتنفيذ هجمات' (not 'a carefully planned attack killed five')
_PLANNED_TRIGGER = re.compile(
    r"(?:\b(?:plan(?:s|ned|ning)?|plott?(?:ing|ed|s)?|intend(?:s|ed|ing)?)\s+to\s+"
    r"(?:(?:carry out|launch|stage|conduct|commit|execute|an?|the)\s+)?"
    r"|\b(?:planning|plotting)\s+(?:an?\s+|the\s+)?"
    r"|\b(?:had|have|has|who|which|that|were|was)\s+planned\s+(?:an?\s+|the\s+)?"
    r"|(?<!\S)(?:يخطط\w*|خطط\w*|تخطط\w*|ينوون|يعتزم\w*|تعتزم)\s+(?:\S+\s+){0,2}?)$")
_WEAK_PLAN_GATE = re.compile(r"\b(?:plan|plot|intend)")  # (not 'warplane', 'rifle')
#: how weak a place's claim to be where the event happened is (``_claim_weakness``)
WEAK_SOURCE = 0.5    # where people or fire came from or went, or where the hurt were treated
WEAK_PLANNED = 10.0  # where an attack was only planned: any other place outranks it


def _weak_words(text: str) -> tuple[bool, bool, bool]:
    """Whether ``text`` holds a word ``_ORIGIN_BEFORE`` needs ('from', 'من', 'fled'), one
    ``_HOSPITAL_BEFORE`` needs ('hospital', 'clinic', 'medical', 'مشف', 'مستشف') and one
    ``_PLANNED_BEFORE`` needs ('plan', 'plot', 'intend', 'خطط', ...; as a word start, not
    'warplane'): the expressions need not run on a report without them (the letters of these
    English words have no other case forms that re.I would also match)."""
    low = text.lower()
    return ("from" in low or "من" in text or ("fle" in low and _WEAK_ORIGIN_GATE.search(low) is not None),
            "hospital" in low or "clinic" in low or "medical" in low or "مشف" in text or "مستشف" in text,
            (("plan" in low or "plot" in low or "intend" in low) and _WEAK_PLAN_GATE.search(low) is not None)
            or "خطط" in text or "ينوون" in text or "يعتزم" in text or "تعتزم" in text)


def _claim_weakness(m: Mention, text: str, may: tuple[bool, bool, bool] = (True, True, True)) -> float:
    """How weak ``m``'s claim to be where the event happened is: ``WEAK_SOURCE`` when it is only
    where people or fire came from or went ('fled from Daraa', 'أتوا من درعا', 'fled toward
    Qardaha'), where the hurt were treated ('a hospital in Douma', 'Idlib's hospitals', 'في مشفى دوما') or where the
    speaker is ('a spokesman in Damascus said'); ``WEAK_PLANNED`` when it is where an attack was
    only planned ('a cell planning attacks in Palmyra', 'يخططون لتنفيذ هجمات في تدمر'); else 0.
    ``may``: whether the report holds the words each test needs (``_weak_words``)."""
    if getattr(m, "_speaker_place", False):
        return WEAK_SOURCE
    if not (may[0] or may[1] or may[2]):
        return 0.0
    if may[2] and _PLANNED_BEFORE.search(text[max(0, m.start - 70):m.start]):
        return WEAK_PLANNED
    before = text[max(0, m.start - 45):m.start]
    if may[0]:
        low = before.lower()
        if (("from" in low or "من" in before) and _ORIGIN_BEFORE.search(before)) or (
                "fle" in low and _FLED_BEFORE.search(before)):
            return WEAK_SOURCE
    if may[1] and (_HOSPITAL_BEFORE.search(before) or (
            _HOSPITAL_AFTER.match(text, m.end, m.end + 40) and not _ATTACKED_BEFORE.search(before))):
        return WEAK_SOURCE
    return 0.0


def _pick_location(idxs: list[int], mentions: list[Mention], text: str,
                   may_weak: tuple[bool, bool, bool] = (True, True, True)) -> int:
    """The most specific place of a group, skipping reference points ('south of Damascus') and
    preferring the places of the event to weak claims (``_claim_weakness``)."""
    if len(idxs) == 1:
        return idxs[0]
    main = [i for i in idxs if not _is_reference_point(mentions[i], text)]
    if not main:
        if all(on_road(mentions[i], text) for i in idxs):
            return min(idxs, key=lambda i: mentions[i].start)  # a road named by its ends: the first
        main = idxs
    # where people or fire came from, where the hurt were treated ...: a weaker claim, worked out once
    weakness = {i: _claim_weakness(mentions[i], text, may_weak) for i in main}
    if len(main) > 1:
        # a more specific place wins only in the governorate of the first place named (not where
        # people came from): 'Rural Damascus: shelling on Daraya' gives Daraya, but 'the countryside
        # of Homs and Deir Ezzor' lists two places and the first leads
        lead = min((i for i in main if not weakness[i]), key=lambda i: mentions[i].start, default=None)
        a1 = mentions[lead].place.admin1 if lead is not None else None
        if a1:
            main = [i for i in main if _same_area(mentions[i].place.admin1 or a1, a1)] or main

    def specificity(i: int) -> float:
        p = mentions[i].place
        if p.kind == "neighbourhood" and not any(
                mentions[j].place.kind == "town" and mentions[j].place.admin3 == p.admin3 for j in main if j != i):
            return 1  # a neighbourhood listed with towns ('Zamalka, Jobar and Ayn Terma') is one of them
        # 'the outskirts of X' is vaguer than a place named plainly beside it
        return _SPECIFICITY.get(p.kind, 6) + (3 if mentions[i].countryside else 0) + (0.5 if mentions[i].near else 0)

    return min(main, key=lambda i: (specificity(i) + weakness[i], main.index(i)))


def _same_place(a, b) -> bool:
    return a.id == b.id or (a.kind == "town" and b.kind == "town" and a.name == b.name and a.admin1 == b.admin1)


def _within(small, area) -> bool:
    if small.id == area.id:
        return True
    return {"governorate": small.admin1, "district": small.admin2, "subdistrict": small.admin3}.get(area.kind) == area.id


def _toll_to_last(incidents: list[Incident], k: int, w_start: int, w_end: int, folded: str, trigs: list,
                  sdates: "_SentenceDates", ignore_before: int, may_past: bool, offs, text: str,
                  counts: dict | None = None) -> None:
    """The toll of the event just told, in the next sentence, which names no place ('Clashes broke
    out near Jasim. Four soldiers were killed and nine wounded.'): its counts go to that event when
    its event words ``trigs`` only tell of people killed or hurt, and it is not told as past, of
    another day, or as a tally of a day or a period (``_DIGEST``)."""
    last = max(incidents, key=lambda x: x.sentences[-1])
    if k - last.sentences[-1] != 1 or not _only_toll_words(folded, trigs):
        return
    window = folded[w_start:w_end]
    if _is_digest(window) or _OTHER_MATTER.search(window):
        return  # a digest's tally ('76 died yesterday, including ...') or another matter, not this event's toll
    counts = find_counts(window) if counts is None else counts
    if not (counts.get("killed") or counts.get("injured")):
        return
    date_of = partial(sdates.in_window, w_start, w_end, ignore_before)
    if not sdates.past(may_past) and _same_day(date_of(), last.date):
        _add_to(last, k, counts, date_of, offs, text, [])


def _add_to(inc: Incident, k: int, counts: dict, date_of, offs, text: str, more: list[int]) -> None:
    """Add sentence ``k`` to ``inc``: its places ``more``, larger counts, and its date
    (``date_of()``, asked only while the incident has none)."""
    if k not in inc.sentences:
        inc.sentences.append(k)
    for i in more:
        if i not in inc.mentions:
            inc.mentions.append(i)
    for r in ("arrested", "killed", "injured"):
        v = counts.get(r)
        if v is not None and (getattr(inc, r) is None or v > getattr(inc, r)):
            setattr(inc, r, v)
    date = date_of() if inc.date is None else None
    if date is not None:
        inc.date = date.date.isoformat() if date.date else None
        inc.date_text = text[offs[date.start]:word_end(text, offs[date.end - 1] + 1)]  # ('الثلاثاء')
        inc.date_precision = date.precision  # type: ignore[attr-defined]


def _excerpt(text: str, span: tuple[int, int], m: Mention, width: int = 300) -> str:
    s, e = span
    sent = text[s:e].strip()
    if len(sent) <= width:
        return sent
    a = max(s, m.start - width // 2)
    return ("…" if a > s else "") + text[a:a + width].strip() + "…"


def _fpos(offs: list[int], pos: int) -> int:
    """The folded index of original character ``pos`` (first folded character at or after it)."""
    return bisect.bisect_left(offs, pos)


def _folded_bounds(offs: list[int], sentences, n: int) -> list[tuple[int, int]]:
    return [(bisect.bisect_left(offs, s), bisect.bisect_left(offs, e)) for s, e in sentences]
