"""Value parsers: coordinates, counts and dates as analysts' spreadsheets write them."""

from __future__ import annotations

import datetime as dt
import math

import pytest
from hypothesis import given, settings, strategies as st

from geoinc.io.values import SwappedCoordinates, is_blank, parse_coordinate, parse_count, parse_date, parse_latlon

# ------------------------------------------------------------------ coordinates


@pytest.mark.parametrize("value, expected", [
    (36.2, 36.2), (36, 36.0), ("36.2", 36.2), (" 36.2 ", 36.2), ("36,2", 36.2), ("-36.2", -36.2),
    ("\u221236.2", -36.2), ("33°27′30″N", 33 + 27 / 60 + 30 / 3600), ("33 27 30 N", 33 + 27 / 60 + 30 / 3600),
    ("33°27'30\"N", 33 + 27 / 60 + 30 / 3600), ("33° 27' 30\" S", -(33 + 27 / 60 + 30 / 3600)),
    ("33:27:30", 33 + 27 / 60 + 30 / 3600), ("33d 27m 30s", 33 + 27 / 60 + 30 / 3600), ("N 33 27.5", 33 + 27.5 / 60),
    ("36.25E", 36.25), ("36.25 W", -36.25), ("٣٦٫٥", 36.5), ("٣٣ شمالا", 33.0), (".5", 0.5),
])
def test_coordinate_forms(value, expected):
    assert parse_coordinate(value) == pytest.approx(expected)


@pytest.mark.parametrize("value, words", [
    ("", "empty"), (None, "empty"), ("abc", "not a coordinate"), ("36.2.1", "not a coordinate"),
    ("33 75 00 N", "under 60"), ("-33 27 30 S", "minus sign and a hemisphere"), (float("nan"), "not a coordinate"),
    (float("inf"), "not a coordinate"), (True, "not a coordinate"), ("200", "out of range"), ("N 33 E", "two hemisphere"), ("33 27 30 sN", "not a coordinate"),
    ("36.2, 37.1", "not a coordinate"),
])
def test_coordinate_errors_say_what_is_wrong(value, words):
    with pytest.raises(ValueError, match=words):
        parse_coordinate(value)


def test_coordinate_axis_checks_range_and_hemisphere():
    assert parse_coordinate("89.9", axis="lat") == 89.9
    with pytest.raises(ValueError, match="latitude 91 out of range"):
        parse_coordinate(91, axis="lat")
    with pytest.raises(ValueError, match="is a longitude"):
        parse_coordinate("36E", axis="lat")


def test_latlon_ok_and_swapped():
    assert parse_latlon("33.51", "36,29") == (33.51, 36.29)
    assert parse_latlon(-33.9, 151.2, bounds=None) == (-33.9, 151.2)   # Sydney: abroad, not a swap
    assert parse_latlon(41.0, 29.0) == (41.0, 29.0)                      # Istanbul: outside, swap also outside
    for lat, lon, repaired in [(120.5, 36.2, (36.2, 120.5)), ("36.2E", "33.5N", (33.5, 36.2)), (40.1, 35.3, (35.3, 40.1))]:
        with pytest.raises(SwappedCoordinates) as e:
            parse_latlon(lat, lon)
        assert isinstance(e.value, ValueError)
        assert e.value.repaired == repaired
    with pytest.raises(SwappedCoordinates) as e:
        parse_latlon(38.2, 35.9)                                         # Syria given lon-first
    assert e.value.repaired == (35.9, 38.2)
    assert parse_latlon(38.2, 35.9, bounds=None) == (38.2, 35.9)
    with pytest.raises(ValueError, match="longitude 200 out of range"):
        parse_latlon(33, 200)
    with pytest.raises(ValueError) as e:
        parse_latlon(95, 100)
    assert not isinstance(e.value, SwappedCoordinates)


@settings(max_examples=300, deadline=None)
@given(st.floats(-180, 180, allow_nan=False))
def test_coordinate_round_trips_through_text(f):
    assert parse_coordinate(repr(f)) == f
    assert parse_coordinate(f) == f


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 89), st.integers(0, 59), st.integers(0, 59), st.sampled_from("NSEW"),
       st.sampled_from(["{d}°{m}′{s}″{h}", "{d} {m} {s} {h}", "{h} {d}:{m}:{s}", "{d}°{m}'{s}\"{h}", "{d}d{m}m{s}s{h}"]))
def test_dms_round_trip(d, m, s, h, fmt):
    v = parse_coordinate(fmt.format(d=d, m=m, s=s, h=h))
    want = (d + m / 60 + s / 3600) * (-1 if h in "SW" else 1)
    assert v == pytest.approx(want, abs=1e-9)


@settings(max_examples=300, deadline=None)
@given(st.floats(32.4, 37.3), st.floats(35.8, 42.3))
def test_latlon_inside_syria_kept_and_swaps_detected(lat, lon):
    assert parse_latlon(lat, lon) == (lat, lon)
    if lon > 37.8 or lat < 35.2:      # the swapped pair falls outside Syria: detected and repaired
        with pytest.raises(SwappedCoordinates) as e:
            parse_latlon(lon, lat)
        assert e.value.repaired == (lat, lon)
    else:                             # both orders lie in Syria: cannot tell, kept as given
        assert parse_latlon(lon, lat) == (lon, lat)


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(), st.floats(), st.integers(), st.none(), st.booleans()))
def test_coordinate_any_value_float_or_valueerror(v):
    try:
        f = parse_coordinate(v)
    except ValueError:
        return
    assert isinstance(f, float) and math.isfinite(f) and abs(f) <= 180


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=20), st.floats()), st.one_of(st.text(max_size=20), st.floats()))
def test_latlon_any_values(a, b):
    try:
        lat, lon = parse_latlon(a, b)
    except SwappedCoordinates as e:
        lat, lon = e.repaired
    except ValueError:
        return
    assert abs(lat) <= 90 and abs(lon) <= 180

# ------------------------------------------------------------------ counts


@pytest.mark.parametrize("value, expected", [
    (12, 12), (0, 0), (12.0, 12), ("12", 12), (" 12 ", 12), ("12.0", 12), ("1,200", 1200), ("1 200", 1200),
    ("١٢", 12), ("12+", 12), ("~12", 12), ("at least 12", 12), ("More than 30", 30), ("حوالي 12", 12),
    ("", None), (None, None), ("NA", None), ("n/a", None), ("unknown", None), ("?", None), (float("nan"), None),
])
def test_count_forms(value, expected):
    assert parse_count(value) == expected


@pytest.mark.parametrize("value, words", [
    ("-3", "negative"), (-1, "negative"), ("12.5", "whole number"), (2.5, "whole number"), ("twelve", "not a count"),
    ("12 people", "not a count"), (True, "not a count"), (float("inf"), "not a count"), ("1,20", "whole number"),
])
def test_count_errors(value, words):
    with pytest.raises(ValueError, match=words):
        parse_count(value)


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 10**9))
def test_count_round_trip(n):
    for s in (str(n), f"{n:,}", f"{n}.0", f" {n} ", n, float(n)):
        assert parse_count(s) == n
    if n:
        with pytest.raises(ValueError):
            parse_count(-n)
        with pytest.raises(ValueError):
            parse_count(f"-{n}")


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(), st.floats(), st.integers(), st.none()))
def test_count_any_value(v):
    try:
        n = parse_count(v)
    except ValueError:
        return
    assert n is None or (isinstance(n, int) and n >= 0)

# ------------------------------------------------------------------ dates


@pytest.mark.parametrize("value, expected", [
    ("2025-11-09", (2025, 11, 9)), ("2025-11-09T14:30:00Z", (2025, 11, 9)), ("2025/11/09", (2025, 11, 9)),
    ("20251109", (2025, 11, 9)), ("09/11/2025", (2025, 11, 9)), ("9-11-2025", (2025, 11, 9)), ("9.11.25", (2025, 11, 9)),
    ("04/13/2025", (2025, 4, 13)), ("13/04/2025", (2025, 4, 13)), ("9 November 2025", (2025, 11, 9)),
    ("Nov 9, 2025", (2025, 11, 9)), ("9-Nov-2025", (2025, 11, 9)), ("November 9th, 2025", (2025, 11, 9)),
    ("Sunday, 9 November 2025", (2025, 11, 9)), ("9 تشرين الثاني 2025", (2025, 11, 9)),
    ("الأحد 9 نوفمبر 2025", (2025, 11, 9)), ("٩ آذار ٢٠٢٤", (2024, 3, 9)), ("45970", (2025, 11, 9)), (45970, (2025, 11, 9)),
    (dt.date(2025, 1, 2), (2025, 1, 2)), (dt.datetime(2025, 1, 2, 13, 0), (2025, 1, 2)),
])
def test_date_forms(value, expected):
    assert parse_date(value) == dt.date(*expected)


def test_date_day_first_by_default_and_switchable():
    assert parse_date("03/04/2025") == dt.date(2025, 4, 3)
    assert parse_date("03/04/2025", dayfirst=False) == dt.date(2025, 3, 4)
    assert parse_date("13/04/2025", dayfirst=False) == dt.date(2025, 4, 13)


def test_date_pandas_and_numpy_values():
    import numpy as np
    import pandas as pd

    assert parse_date(pd.Timestamp("2025-03-04 10:00")) == dt.date(2025, 3, 4)
    assert parse_date(np.datetime64("2025-01-05")) == dt.date(2025, 1, 5)
    assert parse_date(pd.NaT) is None and parse_date(np.datetime64("NaT")) is None


@pytest.mark.parametrize("value", ["", None, "  ", "NA", "unknown", float("nan")])
def test_date_empty_is_none(value):
    assert parse_date(value) is None


@pytest.mark.parametrize("value, words", [
    ("November 2025", "no day"), ("2025", "no day"), ("yesterday", "not a date"), ("31/02/2025", "no such date"),
    ("13/14/2025", "neither number"), ("1 Jan 1800", "implausible year"), (12, "Excel serial"), ("x" * 200, "not a date"),
    (True, "not a date"),
])
def test_date_errors(value, words):
    with pytest.raises(ValueError, match=words):
        parse_date(value)


@settings(max_examples=300, deadline=None)
@given(st.dates(dt.date(1955, 1, 1), dt.date(2099, 12, 31)))
def test_date_round_trip(d):
    forms = [d.isoformat(), d.strftime("%d/%m/%Y"), d.strftime("%d %B %Y"), d.strftime("%b %d, %Y"),
             d.strftime("%A, %d %B %Y"), d.strftime("%Y%m%d"), d.strftime("%d-%b-%Y"), (d - dt.date(1899, 12, 30)).days]
    for f in forms:
        assert parse_date(f) == d, f
    if d.day > 12:
        assert parse_date(d.strftime("%m/%d/%Y")) == d


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(), st.floats(), st.integers(), st.none()))
def test_date_any_value(v):
    try:
        d = parse_date(v)
    except ValueError:
        return
    assert d is None or (isinstance(d, dt.date) and 1900 <= d.year <= 2100)


def test_is_blank():
    assert is_blank(None) and is_blank("  ") and is_blank(float("nan"))
    assert not is_blank(0) and not is_blank("x") and not is_blank([])
