"""Dates in report text, English and Arabic, absolute and relative to the publication date.

Handled: '9 November 2025', 'Oct. 20, 2017', 'Dec. 13', '2025-11-09', '13 ديسمبر', '5 كانون الثاني
2024', weekdays ('on Thursday', 'يوم الخميس': the last such day on or before publication),
'yesterday'/'أمس', 'today'/'اليوم', 'last June' (month precision). Phrases are found with regular
expressions on the folded text (no date parser on the hot path) and returned with the original
wording.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..text.normalize import fold

__all__ = ["DateMatch", "find_dates", "parse_published"]

_EN_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_AR_MONTHS_RAW = {
    "يناير": 1, "كانون الثاني": 1, "فبراير": 2, "شباط": 2, "مارس": 3, "آذار": 3, "أبريل": 4, "ابريل": 4,
    "نيسان": 4, "مايو": 5, "أيار": 5, "يونيو": 6, "يونيه": 6, "حزيران": 6, "يوليو": 7, "يوليه": 7, "تموز": 7,
    "أغسطس": 8, "آب": 8, "سبتمبر": 9, "أيلول": 9, "أكتوبر": 10, "اكتوبر": 10, "تشرين الأول": 10,
    "نوفمبر": 11, "تشرين الثاني": 11, "ديسمبر": 12, "كانون الأول": 12,
}
_AR_MONTHS = {fold(k): v for k, v in _AR_MONTHS_RAW.items()}
_EN_DAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
_AR_DAYS = {fold(k): v for k, v in {"الاثنين": 0, "الإثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الخميس": 3,
                                    "الجمعة": 4, "السبت": 5, "الأحد": 6}.items()}

_MON = "|".join(sorted(_EN_MONTHS, key=len, reverse=True))
_AMON = "|".join(sorted(map(re.escape, _AR_MONTHS), key=len, reverse=True))
_DAY = "|".join(_EN_DAYS)
_ADAY = "|".join(map(re.escape, _AR_DAYS))
_REL_WORDS = ("yesterday", "today", "last night", "this morning", "tonight")
_AR_REL_WORDS = ("امس", "اليوم", "البارحه", "الليله الماضيه")  # ... 'last night' (folded)
_PATTERNS = [
    ("ymd", re.compile(r"\b(?P<y>(?:19|20)\d\d) (?P<m>\d{1,2}) (?P<d>\d{1,2})\b")),
    ("dmy_num", re.compile(r"\b(?P<d>\d{1,2}) (?P<m>\d{1,2}) (?P<y>(?:19|20)\d\d)\b")),
    ("dmy", re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?(?P<mon>{_MON})(?: (?P<y>(?:19|20)\d\d))?\b")),
    ("mdy", re.compile(rf"\b(?P<mon>{_MON}) (?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?: (?P<y>(?:19|20)\d\d))?\b")),
    ("ar_dmy", re.compile(rf"(?<!\S)(?P<d>\d{{1,2}}) (?:من )?(?P<amon>{_AMON})(?: (?:عام |سنه )?(?P<y>(?:19|20)\d\d))?(?!\S)")),
    ("ar_my", re.compile(rf"(?<!\S)(?:شهر )?(?P<amon>{_AMON}) (?:عام |من عام )?(?P<y>(?:19|20)\d\d)(?!\S)")),
    ("my", re.compile(rf"\b(?P<mon>{_MON}) (?:of )?(?P<y>(?:19|20)\d\d)\b")),
    ("last_month", re.compile(rf"\blast (?P<mon>{_MON})\b")),
    ("weekday", re.compile(rf"\b(?:on |last |this )?(?P<wd>{_DAY})\b")),
    ("ar_weekday", re.compile(rf"(?<!\S)(?:يوم )?[وب]?(?P<awd>{_ADAY})(?!\S)")),
    ("rel", re.compile(r"\b(?P<rel>" + "|".join(_REL_WORDS) + r")\b")),
    ("ar_rel", re.compile(r"(?<!\S)(?P<arel>" + "|".join(_AR_REL_WORDS) + r")(?!\S)")),
    ("year", re.compile(r"(?:\b(?:in|since|during|of|from) |(?<!\S)(?:عام|منذ|سنه|خلال عام|في عام) )(?P<y>(?:19|20)\d\d)\b")),
]
# Literal text each pattern above cannot match without: for every group named, one of its strings
# must occur in the text (years are written 19xx/20xx, English months start with these three
# letters, the other groups are the very words the patterns list). A sentence lacking them is not
# searched with that pattern, which saves most of the regular-expression work.
_HINTS: dict[str, tuple[str, ...]] = {
    "year": ("19", "20"),
    "month": tuple(sorted({m[:3] for m in _EN_MONTHS})),
    "ar_month": tuple(_AR_MONTHS),
    "last": ("last ",),
    "weekday": tuple(_EN_DAYS),
    "ar_weekday": tuple(_AR_DAYS),
    "rel": _REL_WORDS,
    "ar_rel": _AR_REL_WORDS,
}
_NEEDS: dict[str, tuple[str, ...]] = {
    "ymd": ("year",), "dmy_num": ("year",), "dmy": ("month",), "mdy": ("month",),
    "ar_dmy": ("ar_month",), "ar_my": ("ar_month", "year"), "my": ("month", "year"),
    "last_month": ("last", "month"), "weekday": ("weekday",), "ar_weekday": ("ar_weekday",),
    "rel": ("rel",), "ar_rel": ("ar_rel",), "year": ("year",),
}
# script each pattern needs ('ar': Arabic letters, 'latin': Latin letters, '': either) and whether
# it needs a digit: texts without them are not searched with it
_SCRIPT = {kind: "ar" if kind.startswith("ar_") else ("" if kind in ("ymd", "dmy_num", "year") else "latin")
           for kind, _ in _PATTERNS}
_NEEDS_DIGIT = frozenset(("ymd", "dmy_num", "dmy", "mdy", "ar_dmy", "ar_my", "my", "year"))


def _usable(kind: str, latin: bool, arabic: bool, digits: bool) -> bool:
    script = _SCRIPT[kind]
    if script == "ar" and not arabic or script == "latin" and not latin:
        return False
    return digits or kind not in _NEEDS_DIGIT


# (latin, arabic, digits) -> the patterns a text with those characters may match, in order
_USABLE = {(la, ar, di): tuple((kind, rx) for kind, rx in _PATTERNS if _usable(kind, la, ar, di))
           for la in (False, True) for ar in (False, True) for di in (False, True)}
_HAS_LATIN = re.compile(r"[a-z]")
_HAS_ARABIC = re.compile(r"[\u0621-\u064A]")
_HAS_DIGIT = re.compile(r"\d")
_TIME_PHRASES = ("in recent days", "in recent weeks", "in recent months", "recently", "earlier this week",
                 "earlier this month", "earlier this year", "last week", "last month", "last year", "previously",
                 "in the past", "days ago", "weeks ago", "months ago", "years ago")
_AR_TIME_PHRASES = ("مؤخرا", "الاسبوع الماضي", "الشهر الماضي", "العام الماضي", "سابقا")
_TIME_EXPR = re.compile(
    r"\b(?:" + "|".join(_TIME_PHRASES) + r")\b|(?<!\S)(?:" + "|".join(_AR_TIME_PHRASES) + r")(?!\S)"
)


@dataclass
class DateMatch:
    """A date phrase: folded span ``[start, end)``, the date (or None), and how exact it is."""

    start: int
    end: int
    date: dt.date | None
    precision: str  # 'day', 'month', 'year', 'none'
    kind: str


def parse_published(value) -> dt.date | None:
    """A publication date from a record field ('2025-12-21', '2025-12-21T10:00Z', '21/12/2025')."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    s = str(value).strip()
    m = re.match(r"^((?:19|20)\d\d)-(\d{1,2})-(\d{1,2})", s)
    if m:
        return _safe(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.match(r"^(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d\d)", s)
    if m:
        return _safe(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    hits = find_dates(fold(s), None)
    for h in hits:
        if h.date and h.precision == "day":
            return h.date
    return None


def _safe(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _year_for(month: int, day: int, pub: dt.date | None) -> int | None:
    if pub is None:
        return None
    y = pub.year
    cand = _safe(y, month, min(day, 28) if day > 28 else day)
    if cand and cand > pub + dt.timedelta(days=1):
        y -= 1
    return y


def _has_hints(folded: str, kind: str, seen: dict[str, bool]) -> bool:
    """Whether ``folded`` holds the literal text pattern ``kind`` needs (``_NEEDS``); ``seen``
    remembers the groups already looked for in this text."""
    for group in _NEEDS[kind]:
        found = seen.get(group)
        if found is None:
            found = seen[group] = any(h in folded for h in _HINTS[group])
        if not found:
            return False
    return True


def find_dates(folded: str, published: dt.date | None) -> list[DateMatch]:
    """Date phrases in ``folded`` text (see module doc), in text order, without overlaps."""
    out: list[DateMatch] = []
    taken: list[tuple[int, int]] = []
    latin = _HAS_LATIN.search(folded) is not None
    arabic = _HAS_ARABIC.search(folded) is not None
    digits = _HAS_DIGIT.search(folded) is not None
    seen: dict[str, bool] = {}
    for kind, rx in _USABLE[(latin, arabic, digits)]:
        if not _has_hints(folded, kind, seen):
            continue  # the pattern cannot match here
        for m in rx.finditer(folded):
            s, e = m.span()
            if any(not (e <= a or s >= b) for a, b in taken):
                continue
            d, prec = _interpret(kind, m, published)
            if kind == "weekday" and not (published or m.group().startswith(("on ", "last ", "this "))):
                pass
            taken.append((s, e))
            out.append(DateMatch(s, e, d, prec, kind))
    out.sort(key=lambda x: x.start)
    return out


def _interpret(kind: str, m: re.Match, pub: dt.date | None) -> tuple[dt.date | None, str]:
    g = m.groupdict()
    if kind in ("ymd", "dmy_num"):
        d = _safe(int(g["y"]), int(g["m"]), int(g["d"]))
        return d, "day" if d else "none"
    if kind in ("dmy", "mdy", "ar_dmy"):
        month = _EN_MONTHS[g["mon"]] if g.get("mon") else _AR_MONTHS[g["amon"]]
        day = int(g["d"])
        y = int(g["y"]) if g.get("y") else _year_for(month, day, pub)
        if y is None:
            return None, "none"
        d = _safe(y, month, day)
        return d, "day" if d else "none"
    if kind in ("my", "ar_my"):
        month = _EN_MONTHS[g["mon"]] if g.get("mon") else _AR_MONTHS[g["amon"]]
        return _safe(int(g["y"]), month, 1), "month"
    if kind == "last_month":
        if pub is None:
            return None, "none"
        month = _EN_MONTHS[g["mon"]]
        y = pub.year if month < pub.month else pub.year - 1
        return _safe(y, month, 1), "month"
    if kind in ("weekday", "ar_weekday"):
        if pub is None:
            return None, "none"
        wd = _EN_DAYS[g["wd"]] if g.get("wd") else _AR_DAYS[g["awd"]]
        back = (pub.weekday() - wd) % 7
        return pub - dt.timedelta(days=back), "day"
    if kind in ("rel", "ar_rel"):
        if pub is None:
            return None, "none"
        r = g.get("rel") or g.get("arel")
        back = 1 if r in ("yesterday", "امس", "البارحه", "last night", "الليله الماضيه") else 0
        return pub - dt.timedelta(days=back), "day"
    if kind == "year":
        return _safe(int(g["y"]), 1, 1), "year"
    return None, "none"


def has_time_expression(folded: str) -> bool:
    """True if the text places its event in time ('in recent weeks', 'last year', a date)."""
    if not any(p in folded for p in _TIME_PHRASES) and not any(p in folded for p in _AR_TIME_PHRASES):
        return False  # none of the phrases the expression looks for
    return bool(_TIME_EXPR.search(folded))
