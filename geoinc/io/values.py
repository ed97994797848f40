"""Parsing the values found in incident spreadsheets and exports: coordinates, counts, dates.

Each parser takes whatever a reader hands it (a number, a string from a CSV cell, a value from
an XLSX cell such as a ``datetime``) and returns a clean value or raises ``ValueError`` with a
message that says what was wrong, so the caller can turn it into a :class:`RecordError` naming
the record and the field::

    >>> parse_coordinate("33°27′30″N")
    33.458333...
    >>> parse_latlon("36,2", "37.1")
    (36.2, 37.1)
    >>> parse_count("1,200")
    1200
    >>> parse_date("9 November 2025")
    datetime.date(2025, 11, 9)

Empty values (``None``, ``""``, NaN, the usual "unknown" markers for counts and dates) mean
*unknown*: ``parse_count`` and ``parse_date`` return ``None`` for them; ``parse_coordinate``
raises, because a coordinate is either there or the record is unlocated (callers test for
emptiness with :func:`is_blank` first).
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from typing import Any

__all__ = [
    "parse_coordinate",
    "parse_latlon",
    "parse_count",
    "parse_date",
    "is_blank",
    "SwappedCoordinates",
    "SYRIA_BOUNDS",
]

#: (south, west, north, east) of Syria with half a degree of margin: the default area in which
#: :func:`parse_latlon` recognises a swapped latitude/longitude pair.
SYRIA_BOUNDS = (31.8, 35.2, 37.8, 42.9)

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# Unicode minus signs, Arabic decimal/thousands separators, narrow and no-break spaces
_PUNCT = str.maketrans({"\u2212": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\ufe63": "-", "\uff0d": "-",
                        "\u066b": ".", "\u066c": ",", "\u060c": ",", "\u00a0": " ", "\u202f": " ", "\u2009": " "})

_NA = {"", "na", "n/a", "n.a.", "nan", "nat", "null", "none", "unknown", "unk", "?", "-", "--", "—", "–",
       "غير معروف", "غير معروف.", "مجهول"}


class SwappedCoordinates(ValueError):
    """Latitude and longitude given the wrong way round.

    ``repaired`` is the pair in the right order, ``(lat, lon)``; callers choose whether to accept
    it (and say so) or reject the record.
    """

    def __init__(self, message: str, repaired: tuple[float, float]):
        super().__init__(message)
        self.repaired = repaired


def is_blank(value: Any) -> bool:
    """True for ``None``, NaN/NaT, and strings holding only spaces."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (int, bool)):
        return False
    try:  # pandas NA / NaT, numpy nan
        import pandas as pd  # noqa: PLC0415 — only when such a value can exist

        return bool(pd.isna(value)) if not hasattr(value, "__len__") else False
    except (ImportError, TypeError, ValueError):
        return False


def _text(value: Any) -> str:
    return str(value).translate(_DIGITS).translate(_PUNCT).strip()


def _short(value: Any, n: int = 40) -> str:
    s = repr(value) if not isinstance(value, str) else repr(value.strip())
    return s if len(s) <= n else s[: n - 4] + "...'"


# --------------------------------------------------------------------------------------------
# coordinates

_DEG = "°º˚∘"
_MIN = "'′’‘`´ʹ"
_SEC = "\"″”“ʺ"
_HEMI = {"n": 1, "s": -1, "e": 1, "w": -1, "ش": 1, "ج": -1, "ق": 1, "غ": -1}
_HEMI_AXIS = {"n": "lat", "s": "lat", "e": "lon", "w": "lon", "ش": "lat", "ج": "lat", "ق": "lon", "غ": "lon"}
_NUM = r"\d+(?:[.,]\d+)?"
_DMS_RE = re.compile(
    rf"^(?P<h1>[NSEWnsew])?\s*(?P<sign>[-+])?\s*(?P<d>{_NUM})\s*(?:[{_DEG}]|d(?:eg)?|:)?\s*"
    rf"(?:(?P<m>{_NUM})\s*(?:[{_MIN}]|(?P<mu>m(?:in)?)|:)?\s*)?"
    # a seconds letter 's' only after a minutes letter 'm' (else '30 s' is the southern hemisphere)
    rf"(?:(?P<s>{_NUM})\s*(?:[{_SEC}]|′′|''|(?(mu)s(?:ec)?|(?!x)x))?\s*)?"
    rf"(?P<h2>[NSEWnsew])?\.?$"
)


def _hemisphere(value: str) -> tuple[str, str | None]:
    """Strip an Arabic hemisphere word ('شمالا', 'شرقا') -> (rest, letter)."""
    for word, letter in (("شمالا", "ش"), ("شمال", "ش"), ("جنوبا", "ج"), ("جنوب", "ج"), ("شرقا", "ق"),
                         ("شرق", "ق"), ("غربا", "غ"), ("غرب", "غ")):
        if value.endswith(word):
            return value[: -len(word)].strip(), letter
    return value, None


def _to_float(s: str) -> float:
    return float(s.replace(",", "."))


def _coordinate(value: Any) -> tuple[float, str | None]:
    """The value in decimal degrees, and the axis its hemisphere letter names (or None)."""
    if isinstance(value, bool):
        raise ValueError(f"not a coordinate: {value!r}")
    if isinstance(value, (int, float)) or type(value).__name__.startswith(("float", "int")):
        try:
            f = float(value)
        except (TypeError, ValueError):
            raise ValueError(f"not a coordinate: {_short(value)}") from None
        if not math.isfinite(f):
            raise ValueError(f"not a coordinate: {value!r}")
        return f, None
    if value is None:
        raise ValueError("empty coordinate")
    s = _text(value)
    if not s:
        raise ValueError("empty coordinate")
    if len(s) > 60:
        raise ValueError(f"not a coordinate: {_short(s)}")
    s, ar_hemi = _hemisphere(s)
    # plain decimal, with a point or a single decimal comma ('36,2')
    m = re.fullmatch(r"([-+])?\s*(\d+(?:[.,]\d+)?|[.,]\d+|\d+(?:\.\d+)?[eE][-+]?\d+)", s)
    if m and ar_hemi is None:
        f = _to_float(m.group(2))
        return (-f if m.group(1) == "-" else f), None
    m = _DMS_RE.match(s)
    if not m:
        raise ValueError(f"not a coordinate: {_short(value)} (expected decimal degrees or degrees-minutes-seconds)")
    h1, h2 = m.group("h1"), m.group("h2")
    if h1 and h2:
        raise ValueError(f"two hemisphere letters in {_short(value)}")
    hemi = (h1 or h2 or ar_hemi or "").lower() or None
    if hemi and ar_hemi and (h1 or h2):
        raise ValueError(f"two hemisphere markers in {_short(value)}")
    d = _to_float(m.group("d"))
    mins = _to_float(m.group("m")) if m.group("m") else 0.0
    secs = _to_float(m.group("s")) if m.group("s") else 0.0
    if m.group("m") and "." in m.group("d").replace(",", "."):
        raise ValueError(f"fractional degrees followed by minutes in {_short(value)}")
    if m.group("s") and "." in m.group("m").replace(",", "."):
        raise ValueError(f"fractional minutes followed by seconds in {_short(value)}")
    if mins >= 60 or secs >= 60:
        raise ValueError(f"minutes and seconds must be under 60 in {_short(value)}")
    f = d + mins / 60 + secs / 3600
    sign = -1 if m.group("sign") == "-" else 1
    if hemi:
        if sign < 0:
            raise ValueError(f"both a minus sign and a hemisphere in {_short(value)}")
        sign = _HEMI[hemi]
    return sign * f, (_HEMI_AXIS[hemi] if hemi else None)


def parse_coordinate(value: Any, axis: str | None = None) -> float:
    """One coordinate in decimal degrees.

    Accepts numbers and strings: ``36.2``, ``'36.2'``, ``'36,2'`` (decimal comma), ``'-36.2'``,
    ``'33°27′30″N'``, ``'33 27 30 N'``, ``'33:27:30'``, ``"33d 27m 30s"``, ``'N 33 27.5'``
    (decimal minutes), Arabic-Indic digits and Arabic hemisphere words (``'٣٣ شمالا'``). A hemisphere
    letter S or W makes the value negative.

    ``axis`` (``'lat'`` or ``'lon'``) checks the range (±90 / ±180) and that a hemisphere letter
    fits the axis (an ``E`` on a latitude raises :class:`SwappedCoordinates`-free ValueError here;
    :func:`parse_latlon` uses it to detect a swapped pair). Without ``axis`` the value must lie
    within ±180.

    Raises ``ValueError`` for anything else, saying what was wrong.
    """
    f, named = _coordinate(value)
    if axis not in (None, "lat", "lon"):
        raise ValueError(f"axis must be 'lat' or 'lon', not {axis!r}")
    if axis and named and named != axis:
        raise ValueError(f"{_short(value)} is a {'latitude' if named == 'lat' else 'longitude'}, given as the {'latitude' if axis == 'lat' else 'longitude'}")
    limit = 90 if axis == "lat" else 180
    if abs(f) > limit:
        raise ValueError(f"{'latitude' if axis == 'lat' else 'longitude' if axis == 'lon' else 'coordinate'} {f:g} out of range (±{limit})")
    return f


def _inside(lat: float, lon: float, bounds: tuple[float, float, float, float]) -> bool:
    s, w, n, e = bounds
    return s <= lat <= n and w <= lon <= e


def parse_latlon(lat: Any, lon: Any, bounds: tuple[float, float, float, float] | None = SYRIA_BOUNDS) -> tuple[float, float]:
    """A checked ``(lat, lon)`` pair in decimal degrees.

    Each value is parsed by :func:`parse_coordinate`. Raises ``ValueError`` when either is not a
    coordinate or is out of range, and :class:`SwappedCoordinates` (a ValueError carrying
    ``.repaired``) when the pair is the wrong way round:

    - hemisphere letters say so (``lat='36.2E'``, ``lon='33.5N'``);
    - the latitude is beyond ±90 while the longitude would be a valid latitude;
    - the pair lies outside ``bounds`` (default: Syria with a half-degree margin, see
      :data:`SYRIA_BOUNDS`) while the swapped pair lies inside. Pass ``bounds=None`` to skip
      this check for data from elsewhere; a pair outside ``bounds`` that is not a swap is
      returned unchanged (places abroad are legitimate).
    """
    la, la_axis = _coordinate(lat)
    lo, lo_axis = _coordinate(lon)
    if la_axis == "lon" and lo_axis in (None, "lat") or lo_axis == "lat" and la_axis in (None, "lon"):
        if abs(lo) <= 90 and abs(la) <= 180:
            raise SwappedCoordinates(f"latitude {_short(lat)} and longitude {_short(lon)} are swapped (hemisphere letters)", (lo, la))
        raise ValueError(f"hemisphere letters do not fit: latitude {_short(lat)}, longitude {_short(lon)}")
    if abs(lo) > 180:
        raise ValueError(f"longitude {lo:g} out of range (±180)")
    if abs(la) > 90:
        if abs(lo) <= 90 and abs(la) <= 180:
            raise SwappedCoordinates(f"latitude {la:g} out of range, the pair looks swapped: ({lo:g}, {la:g})", (lo, la))
        raise ValueError(f"latitude {la:g} out of range (±90)")
    if bounds is not None and not _inside(la, lo, bounds) and _inside(lo, la, bounds) and abs(lo) <= 90:
        raise SwappedCoordinates(f"({la:g}, {lo:g}) lies outside the expected area but ({lo:g}, {la:g}) inside: latitude and longitude look swapped", (lo, la))
    return la, lo


# --------------------------------------------------------------------------------------------
# counts

_COUNT_PREFIX = re.compile(
    r"^(?:~|≈|>=?|≥|at least|about|around|approx\.?|approximately|over|more than|some|c\.|ca\.|"
    r"نحو|حوالي|حوالى|أكثر من|اكثر من|ما لا يقل عن)\s*", re.I)


def parse_count(value: Any) -> int | None:
    """A count of people (arrested, killed, injured): a whole number ≥ 0, or ``None`` if unknown.

    Accepts ints, whole floats (``12.0``), and strings of digits: ``'12'``, ``'12.0'``, ``'1,200'``,
    ``'1 200'``, Arabic-Indic digits (``'١٢'``), and the simple lower-bound forms ``'12+'``, ``'~12'``,
    ``'at least 12'``, ``'more than 12'``, ``'حوالي 12'`` (read as 12). Empty values and the usual
    markers of an unknown value (``''``, ``'NA'``, ``'n/a'``, ``'unknown'``, ``'?'``, ``'-'``) give
    ``None``. Words (``'twelve'``), fractions, negative numbers and anything else raise ValueError.
    """
    if isinstance(value, bool):
        raise ValueError(f"not a count: {value!r}")
    if is_blank(value):
        return None
    if isinstance(value, int) or type(value).__name__.startswith(("int", "uint")):
        n = int(value)
    elif isinstance(value, float) or type(value).__name__.startswith("float"):
        f = float(value)
        if not math.isfinite(f):
            raise ValueError(f"not a count: {value!r}")
        if f != int(f):
            raise ValueError(f"not a whole number: {value!r}")
        n = int(f)
    else:
        s = _text(value)
        if s.lower() in _NA:
            return None
        if len(s) > 40:
            raise ValueError(f"not a count: {_short(s)}")
        s = _COUNT_PREFIX.sub("", s)
        s = re.sub(r"\s*\+$", "", s)
        m = re.fullmatch(r"([-+])?\s*(\d{1,3}(?:[, ]\d{3})+|\d+)(?:\.0+)?", s)
        if not m:
            if re.fullmatch(r"-?\d+[.,]\d+", s):
                raise ValueError(f"not a whole number: {_short(value)}")
            raise ValueError(f"not a count: {_short(value)} (expected digits)")
        n = int(re.sub(r"[, ]", "", m.group(2)))
        if m.group(1) == "-":
            n = -n
    if n < 0:
        raise ValueError(f"negative count: {n}")
    return n


# --------------------------------------------------------------------------------------------
# dates

_MONTHS: dict[str, int] = {}
for _i, _names in enumerate([
    "january jan كانون الثاني|كانون ثاني|يناير|جانفي",
    "february feb شباط|فبراير|فيفري",
    "march mar اذار|آذار|مارس",
    "april apr نيسان|ابريل|أبريل|إبريل|افريل|أفريل",
    "may أيار|ايار|مايو|ماي",
    "june jun حزيران|يونيو|يونيه|جوان",
    "july jul تموز|يوليو|يوليه|جويلية",
    "august aug آب|اب|أغسطس|اغسطس|أوت",
    "september sep sept أيلول|ايلول|سبتمبر",
    "october oct تشرين الأول|تشرين الاول|تشرين أول|تشرين اول|أكتوبر|اكتوبر",
    "november nov تشرين الثاني|تشرين ثاني|نوفمبر",
    "december dec كانون الأول|كانون الاول|كانون أول|كانون اول|ديسمبر",
], start=1):
    _latin = [w for w in _names.split(" ") if w.isascii()]
    _arabic = _names[len(" ".join(_latin)):].strip().split("|")
    for _w in _latin + _arabic:
        _MONTHS[_w] = _i
_MONTH_RE = "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True))
_WEEKDAY = re.compile(
    r"^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday|rsday)?\.?,?\s+|"
    r"^(?:يوم\s+)?(?:الأحد|الاحد|الإثنين|الاثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت)[،,]?\s+", re.I)

_EXCEL_EPOCH = _dt.date(1899, 12, 30)
#: Excel serial numbers accepted as dates: 1954-10-04 .. 2119-01-06.
EXCEL_SERIALS = (20000, 80000)
#: Years accepted as plausible for an incident report.
YEARS = (1900, 2100)


def _check_year(d: _dt.date, value: Any) -> _dt.date:
    if not YEARS[0] <= d.year <= YEARS[1]:
        raise ValueError(f"implausible year {d.year} in {_short(value)}")
    return d


def _ymd(y: int, m: int, d: int, value: Any) -> _dt.date:
    try:
        return _check_year(_dt.date(y, m, d), value)
    except ValueError as e:
        if "implausible" in str(e):
            raise
        raise ValueError(f"no such date: {_short(value)} ({e})") from None


def _year(y: str) -> int:
    n = int(y)
    if len(y) == 2:  # two-digit years: 00-69 -> 2000s, 70-99 -> 1900s
        return 2000 + n if n < 70 else 1900 + n
    return n


def parse_date(value: Any, dayfirst: bool = True) -> _dt.date | None:
    """A calendar date, or ``None`` for an empty value.

    Accepts ``date``/``datetime``/``pandas.Timestamp``/``numpy.datetime64`` values; ISO strings
    (``'2025-11-09'``, ``'2025-11-09T14:30:00Z'``, ``'2025/11/09'``, ``'20251109'``); numeric dates
    ``'09/11/2025'``, ``'9-11-2025'``, ``'9.11.25'``; dates with month names in English or Arabic
    (Levantine and Egyptian names), with or without a weekday: ``'9 November 2025'``,
    ``'Nov 9, 2025'``, ``'9-Nov-2025'``, ``'November 9th, 2025'``, ``'الأحد 9 تشرين الثاني 2025'``;
    and Excel serial numbers (``45970`` or ``'45970'``, between 20000 and 80000, i.e. 1954-2119).

    Numeric day/month order: **day first** (the convention in Syria and the region), so
    ``'03/04/2025'`` is 3 April 2025. A date that can only be read month-first (``'04/13/2025'``)
    is read month-first. ``dayfirst=False`` reverses the preference for sources known to be
    American. A date without a day (``'November 2025'``), a relative date (``'yesterday'``), an
    impossible date (``'31/02/2025'``), a year outside 1900-2100 or anything else raises ValueError.
    """
    if is_blank(value):
        return None
    if isinstance(value, bool):
        raise ValueError(f"not a date: {value!r}")
    if isinstance(value, _dt.datetime):
        return _check_year(value.date(), value)
    if isinstance(value, _dt.date):
        return _check_year(value, value)
    tname = type(value).__name__
    if tname == "datetime64":
        import numpy as np  # noqa: PLC0415

        if np.isnat(value):
            return None
        return parse_date(value.astype("datetime64[D]").item(), dayfirst)
    if isinstance(value, (int, float)) or tname.startswith(("int", "uint", "float")):
        return _excel(float(value), value)
    s = _text(value)
    if s.lower() in _NA:
        return None
    if len(s) > 80:
        raise ValueError(f"not a date: {_short(s)}")
    s = _WEEKDAY.sub("", s).strip()
    # ISO and year-first
    m = re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?", s)
    if m:
        return _ymd(int(m.group(1)), int(m.group(2)), int(m.group(3)), value)
    m = re.fullmatch(r"(\d{4})(\d{2})(\d{2})", s)
    if m:
        return _ymd(int(m.group(1)), int(m.group(2)), int(m.group(3)), value)
    m = re.fullmatch(r"\d{5}(?:\.\d+)?", s)
    if m:
        return _excel(float(s), value)
    # numeric d/m/y or m/d/y (time of day ignored)
    m = re.fullmatch(r"(\d{1,2})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?)?", s)
    if m:
        a, b, y = int(m.group(1)), int(m.group(3)), _year(m.group(4))
        if a > 12 and b > 12:
            raise ValueError(f"no such date: {_short(value)} (neither number is a month)")
        if a > 12 or (dayfirst and b <= 12):
            return _ymd(y, b, a, value)
        if b > 12 or not dayfirst:
            return _ymd(y, a, b, value)
    # month names
    low = s.lower().replace("،", ",")
    m = re.fullmatch(rf"(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?[\s\-/.]*({_MONTH_RE})\.?[\s\-/.,]*(\d{{4}}|\d{{2}})(?:\s*م)?", low)
    if m:
        return _ymd(_year(m.group(3)), _MONTHS[m.group(2)], int(m.group(1)), value)
    m = re.fullmatch(rf"({_MONTH_RE})\.?[\s\-/.]*(\d{{1,2}})(?:st|nd|rd|th)?\s*[,\s\-/.]\s*(\d{{4}})", low)
    if m:
        return _ymd(int(m.group(3)), _MONTHS[m.group(1)], int(m.group(2)), value)
    m = re.fullmatch(rf"(\d{{4}})[\s\-/.,]*({_MONTH_RE})\.?[\s\-/.,]*(\d{{1,2}})", low)
    if m:
        return _ymd(int(m.group(1)), _MONTHS[m.group(2)], int(m.group(3)), value)
    if re.fullmatch(rf"(?:({_MONTH_RE})\.?[\s\-/.,]*)?\d{{4}}", low):
        raise ValueError(f"no day in {_short(value)} (a month or year is not a date)")
    raise ValueError(f"not a date: {_short(value)}")


def _excel(f: float, value: Any) -> _dt.date:
    if not math.isfinite(f):
        raise ValueError(f"not a date: {value!r}")
    lo, hi = EXCEL_SERIALS
    if not lo <= f < hi:
        raise ValueError(f"not a date: {_short(value)} (a number is read as an Excel serial date, {lo}-{hi})")
    return _check_year(_EXCEL_EPOCH + _dt.timedelta(days=int(f)), value)
