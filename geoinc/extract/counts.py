"""Casualty and arrest counts in report text, kept apart by role (arrested, killed, injured).

A count is a number (digits, Arabic-Indic digits, English or Arabic number words, 'a'/'an' before a
singular noun) attached to a person noun ('71 operatives', 'seven members', 'six of its members',
'a senior leader', 'ثلاثة عناصر', 'عنصرين', a singular noun right after a role word: 'مقتل عنصر'). It takes the role of the nearest role word in its
clause ('arrested', 'killed', 'wounded', 'اعتقال', 'مقتل', 'إصابة'). Counts joined by 'and' add
up ('the leader and six members' -> 7); repeated statements of the same count do not.
"""

from __future__ import annotations

import bisect
import re

from ..text.normalize import fold
from .dates import _AR_MONTHS, _EN_MONTHS
from .memo import Memo

__all__ = ["find_counts", "tells_harm", "NUMBER_WORDS"]

NUMBER_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
    "a": 1, "an": 1, "single": 1,
}
_AR_NUM_RAW = {
    "واحد": 1, "واحدة": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "ثلاثة": 3, "ثلاث": 3,
    "أربعة": 4, "أربع": 4, "خمسة": 5, "خمس": 5, "ستة": 6, "ست": 6, "سبعة": 7, "سبع": 7, "ثمانية": 8,
    "ثماني": 8, "ثمان": 8, "تسعة": 9, "تسع": 9, "عشرة": 10, "عشر": 10, "عشرون": 20, "عشرين": 20,
    "ثلاثون": 30, "ثلاثين": 30, "أربعون": 40, "أربعين": 40, "خمسون": 50, "خمسين": 50, "مئة": 100, "مائة": 100,
}
_AR_NUM = {fold(k): v for k, v in _AR_NUM_RAW.items()}
_PERSONS = (
    "members member operatives operative people persons person individuals individual suspects suspect "
    "militants militant fighters fighter civilians civilian soldiers soldier officers officer men man women "
    "woman children child leaders leader ringleader ringleaders commanders commander elements element "
    "terrorists terrorist gunmen gunman insurgents insurgent rebels rebel troops personnel detainees "
    "interpreter interpreters journalists journalist policemen policeman guards guard recruits emir emirs "
    "martyrs martyr residents resident workers worker students student wanted others "
    "citizens citizen boys boy girls girl infants infant babies baby shepherds shepherd farmers farmer "
    "teachers teacher doctors doctor nurses nurse paramedics paramedic drivers driver volunteers volunteer "
    "rescuers rescuer refugees refugee villagers villager brothers brother officials official "
    "activists activist smugglers smuggler dealers dealer traffickers trafficker agents agent "
    "militiamen militiaman jihadists jihadist passengers passenger sons son daughters daughter sisters sister "
    "relatives relative cousins cousin"
).split()
_PERSON_SET = frozenset(_PERSONS)
_ONE_PERSON = frozenset(w for w in _PERSONS if not w.endswith("s")) - {
    "people", "men", "women", "children", "personnel", "wanted", "gunmen", "policemen", "militiamen"}
_DETERMINERS = frozenset(("the", "its", "his", "her", "their"))
_AR_PERSONS = frozenset(fold(w) for w in (
    "عناصر عنصر عنصرا عنصراً أشخاص شخص شخصا أفراد فرد مدنيين مدنيا مدني مسلحين مسلحا جنود جندي عسكريين "
    "قياديين قيادي قادة مطلوبين مطلوبا إرهابيين شهداء شهيد قتلى جرحى مصابين أطفال طفل نساء امرأة "
    "مقاتلين مقاتلا معتقلين موقوفين متهمين أعضاء عضو آخرون آخرين مواطنين مواطنا رجال شبان"
).split())
# a singular person noun right after a role word is one person: 'مقتل عنصر', 'اعتقال شخص'
_AR_SINGULAR = frozenset(fold(w) for w in (
    "عنصر شخص مدني مسلح جندي عسكري ضابط قيادي قائد مطلوب طفل طفلة امرأة سيدة رجل شاب فتى مقاتل مواطن عضو "
    "رجلا شابا طفلا فتى مواطنا"  # (the accusative: 'قتلوا رجلا')
).split())
# (not the plurals spelt like duals: مدنيين، قياديين، مقاتلين)
_AR_DUAL = {fold(w): 2 for w in "عنصرين شخصين جنديين طفلين عنصران شخصان مدنيان جنديان طفلان رجلان شابان مقاتلان "
            # duals that are their own role word: 'سقوط قتيلين وثلاثة جرحى'
            "قتيلين قتيلان شهيدين شهيدان جريحين جريحان".split()}
_AR_DUAL.update({"و" + k: v for k, v in _AR_DUAL.items()})  # 'مقتل شخصين وجريحين'
_ROLE_RX = [
    ("arrested", re.compile(r"^(?:arrest\w*|dismantl\w*|تفكيك|detain\w*|detention|captur\w*|apprehend\w*|custody|round\w*|"
                            r"اعتقال|اعتقل\w*|القبض|قبض|توقيف|اوقف\w*|احتجاز|احتجز\w*|اسر)$")),
    ("killed", re.compile(r"^(?:kill\w*|dead|death|deaths|died|die|dies|martyr\w*|lifeless|bodies|"
                          r"قتل\w*|مقتل|قتلى|قتيل\w*|استشهاد|استشهد\w*|شهداء|شهيد\w*|مصرع|وفاه)$")),
    ("injured", re.compile(r"^(?:injur\w*|wound\w*|hurt|casualt\w*|جرح\w*|جرحى|جريح\w*|اصابه|اصابات|اصيب\w*|مصاب\w*)$")),
]
_LEADERS = frozenset("leader ringleader commander emir".split())


# words of an approximate number between a role word and the number ('more than 20', 'at least 6')
_APPROX = frozenset(("than", "least", "about", "around", "nearly", "almost", "roughly", "approximately")) | frozenset(
    fold(w) for w in "أكثر من نحو قرابة حوالي زهاء".split())
# the first word of a two-word one: 'more than', 'at least', 'up to' (not 'at 10 pm', 'some 5 km')
_APPROX_FIRST = {"than": "more", "least": "at", "to": "up"}


def _approx_start(toks: list[str], i: int) -> int:
    """The index of the word before the approximation words ending just before token ``i`` ('more
    than', 'at least', 'about', 'أكثر من'), or ``i - 1`` when there are none."""
    b = i - 1
    while b >= max(0, i - 3):
        t = toks[b]
        if t in _APPROX_FIRST:
            if b == 0 or toks[b - 1] != _APPROX_FIRST[t]:
                break
            b -= 2
        elif t in _APPROX:
            b -= 1
        else:
            break
    return b


def _num(tok: str) -> int | None:
    if tok.isdigit() or (tok[:1].isdigit() and "_" in tok and tok.replace("_", "").isdigit()):
        v = int(tok.replace("_", ""))  # '1_900': '1,900' as the extractor folds it (join_thousands)
        return v if v < 100000 else None
    if tok in NUMBER_WORDS:
        return NUMBER_WORDS[tok]
    t = tok[1:] if tok[:1] == "و" and len(tok) > 2 else tok
    return _AR_NUM.get(t)


def _role_uncached(tok: str) -> str | None:
    t = tok
    for name, rx in _ROLE_RX:
        if rx.match(t) or (t[:1] in "وبل" and rx.match(t[1:])):
            return name
    return None


# each token's role and number value, worked out once per token
_ROLES = Memo(_role_uncached)
_NUMS = Memo(_num)
# tokens that can open a count phrase without being a number ('the leader', 'عنصرين')
_PHRASE_HEADS = _DETERMINERS | frozenset(_AR_DUAL) | _AR_SINGULAR


# words naming a local outlet 'X 24' around its number ('شبكة درعا 24', 'the Daraa 24 network'),
# which the mention finder also reads to tell the outlet from a place
OUTLET_NOUNS = ("network", "news", "page", "channel", "agency", "website")
_OUTLET_NOUNS = frozenset(OUTLET_NOUNS) | frozenset(fold(w) for w in "شبكة موقع صفحة وكالة المحلية الإخبارية".split())


# words before a year ('12 March 2025, gunmen ...', 'in 2017', 'عام 2016'): the number is a date's
_BEFORE_YEAR = frozenset(_EN_MONTHS) | frozenset(k.split()[-1] for k in _AR_MONTHS) | frozenset(
    ("in", "since", "until", "year", "early", "late", "mid")) | frozenset(fold(w) for w in ("عام", "العام", "سنة", "منذ"))


def _is_year(toks: list[str], i: int) -> bool:
    """Whether token ``i`` is a year, not a count: four digits from 1900 to 2100 after a month name
    or 'in', 'since', 'عام' ... ('On 12 March 2025, gunmen killed a man' counts no 2025 gunmen; 'the arrest
    of 2000 people' is a count)."""
    t = toks[i]
    return len(t) == 4 and t.isdigit() and 1900 <= int(t) <= 2100 and i > 0 and toks[i - 1] in _BEFORE_YEAR


def _outlet_number(toks: list[str], i: int) -> bool:
    """Whether token ``i`` ('24') is the number in a local outlet's name, not a count: an outlet
    noun two words before it or right after it ('أفادت شبكة درعا 24 بمقتل شاب')."""
    return any(toks[j] in _OUTLET_NOUNS for j in range(max(0, i - 2), i)) or (
        i + 1 < len(toks) and toks[i + 1] in _OUTLET_NOUNS)


def _count_phrases(toks: list[str], nums: list[int | None], role_of: list[str | None]) -> list[tuple[int, int, int]]:
    """``(start token, end token, value)`` of the count phrases of ``toks`` (``nums`` and
    ``role_of``: each token's number value and role). Only tokens that can open a phrase are
    looked at; the others would be passed over one by one."""
    phrases: list[tuple[int, int, int]] = []
    n_toks = len(toks)
    i = 0  # the scan is past every token before i
    for c in [x for x, v in enumerate(nums) if v is not None or toks[x] in _PHRASE_HEADS]:
        if c < i:
            continue  # inside a phrase already taken
        i = c
        t = toks[i]
        v = nums[i]
        if t in ("the", "its", "their") and i + 1 < n_toks and (
            toks[i + 1] in _LEADERS or (i + 2 < n_toks and toks[i + 2] in _LEADERS)
        ):
            phrases.append((i, i + 2, 1))  # 'the leader ... and six of its members'
            i += 1
            continue
        if t in _DETERMINERS and i + 1 < n_toks and toks[i + 1] in _ONE_PERSON and (
                (i > 0 and role_of[i - 1]) or (i + 3 < n_toks and toks[i + 2] in ("was", "is") and role_of[i + 3])):
            phrases.append((i, i + 2, 1))  # 'killing its driver', 'the driver was killed'
            i += 1
            continue
        if t in _AR_DUAL:
            phrases.append((i, i + 1, 2))
            i += 1
            continue
        if t in _AR_SINGULAR:
            nxt = toks[i + 1] if i + 1 < n_toks else ""
            listed = nxt[:1] == "و" and (nxt[1:] in _AR_PERSONS or nxt[1:] in _AR_SINGULAR or nxt[1:] in _AR_DUAL
                                        or _NUMS[nxt[1:]] is not None or nxt[1:].isdigit())
            if i > 0 and role_of[i - 1] and not listed:
                # 'مقتل عنصر', not 'عنصر' alone, nor the first of a list ('مقتل رجل وثلاثة من أطفاله')
                phrases.append((i, i + 1, 1))
            i += 1
            continue
        if v is not None and ((t == "24" and _outlet_number(toks, i)) or _is_year(toks, i)
                              or (i > 1 and toks[i - 1] == "of" and nums[i - 2] is not None)):  # '300 of 2,000 residents'
            i += 1
            continue
        if v is not None:
            # 'twenty three', 'twenty-three' (hyphen folded to a space)
            j = i + 1
            if v >= 20 and j < n_toks and (w := nums[j]) is not None and w < 10 and toks[j] not in ("a", "an"):
                v += w
                j += 1
            # 'six of its members'
            k = j
            if k + 1 < n_toks and toks[k] == "of" and toks[k + 1] in ("its", "their", "the", "his", "them"):
                k += 2
            # up to three adjectives before the noun
            found = False
            for n in range(k, min(k + 4, n_toks)):
                if toks[n] in _PERSON_SET or toks[n] in _AR_PERSONS:
                    if t in ("a", "an", "single") and toks[n].endswith("s"):
                        break
                    phrases.append((i, n + 1, v))
                    i = n
                    found = True
                    break
                if nums[n] is not None or role_of[n] or toks[n] in ("and", "or", "of", "in", "و"):
                    break
            if not found:
                # 'killed 14', '14 killed', '8 martyrs' (noun handled above)
                if t not in ("a", "an", "single", "the", "its", "their") and (t.isdigit() or v >= 2):
                    b = _approx_start(toks, i)  # 'wounding more than 20', 'إصابة أكثر من 20'
                    if (j < n_toks and role_of[j]) or (b >= 0 and role_of[b]):
                        phrases.append((i, i + 1, v))
        i += 1
    return phrases


# words telling of people killed or hurt without a role word's exact form ('human losses')
_HARM_WORDS = frozenset(fold(w) for w in ("losses", "massacre", "massacres", "victims", "toll", "خسائر", "مجزرة", "ضحايا"))


def tells_harm(folded: str) -> bool:
    """Whether a folded text window tells of people killed or injured ('killed', 'casualties',
    'martyrs', 'human losses', 'مقتل', 'جرحى')."""
    return any(t in _HARM_WORDS or _ROLES[t] in ("killed", "injured") for t in folded.split())


# a comma between digit groups in the original text: '1,900', '300,000' (not '14, 300')
_THOUSANDS_COMMA = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")


def join_thousands(text: str, folded: str, offs: list[int]) -> str:
    """``folded`` with the space that each thousands separator of ``text`` folded to made '_', so
    that '1,900' is one token '1_900' (read as 1900), while '14, 300' stays two numbers. The
    length, and so every offset, stays the same."""
    chars = None
    for m in _THOUSANDS_COMMA.finditer(text):
        j = bisect.bisect_left(offs, m.start())
        if j < len(offs) and offs[j] == m.start() and folded[j] == " ":
            if chars is None:
                chars = list(folded)
            chars[j] = "_"
    return folded if chars is None else "".join(chars)


# where a toll goes on to a running total ('two were killed, raising the toll this week to 17', 'ما
# يرفع الحصيلة'): the numbers after it are not the event's
CUMULATIVE = re.compile(r"\b(?:raising|raises|raised|bringing|brings|brought|pushing)\b|(?<!\S)(?:ما |لي|لت)?(?:يرفع|ترفع|ترتفع|يرتفع)(?!\S)")


def find_counts(folded: str) -> dict[str, int | None]:
    """``{'arrested': n|None, 'killed': n|None, 'injured': n|None}`` for a folded text window."""
    if "rais" in folded or "bring" in folded or "brought" in folded or "push" in folded or "رفع" in folded or "رتفع" in folded:
        cum = CUMULATIVE.search(folded)
        if cum:
            folded = folded[:cum.start()]
    toks = folded.split()
    role_of = list(map(_ROLES.__getitem__, toks))
    out: dict[str, int | None] = {"arrested": None, "killed": None, "injured": None}
    if not any(role_of):
        return out  # no count can take a role
    roles = [(i, r) for i, r in enumerate(role_of) if r]
    phrases = _count_phrases(toks, list(map(_NUMS.__getitem__, toks)), role_of)
    if not phrases:
        return out
    assigned: list[tuple[int, int, int, str]] = []
    starts = [p[0] for p in phrases]
    for s, e, v in phrases:
        best, bd = None, 1e9
        role_before = roles[0][0] < s  # (roles are in text order)
        for ri, r in roles:
            if ri < s:
                d = s - ri
            elif ri < e:
                d = 0  # the count's own word tells its role: 'مقتل شخصين وجريحين'
            else:
                d = (ri - e + 1) * 1.2
                if role_before and ("and" in toks[e:ri] or toks[ri][:1] == "و") and not any(e <= p < ri for p in starts):
                    # 'killing six civilians and wounding 20', 'مقتل ثلاثة وإصابة عشرة': the role
                    # word after 'and' is the next clause's when one stands before the count (not
                    # 'six civilians and two children were killed', a list sharing it)
                    d += 12
            if d < bd:
                best, bd = r, d
        if best is not None and bd <= 12:
            assigned.append((s, e, v, best))
    # sum counts joined by 'and'/'و'/',' with the same role; otherwise keep the largest
    groups: list[list[tuple[int, int, int, str]]] = []
    for a in assigned:
        gap = toks[groups[-1][-1][1]:a[0]] if groups else []
        if groups and groups[-1][-1][3] == a[3] and len(gap) <= 6 and (
                any(w in ("and", "و") for w in gap) or toks[a[0]][:1] == "و") and not any(
            _ROLES[w] or _NUMS[w] is not None and w not in ("a", "an") for w in gap
        ):
            groups[-1].append(a)
        else:
            groups.append([a])
    for g in groups:
        total = sum(x[2] for x in g)
        r = g[0][3]
        out[r] = max(out[r] or 0, total)
    return out
