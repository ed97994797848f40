"""Property-based tests (hypothesis): any Unicode text, any bytes — no exception escapes the
normaliser, the matcher, the mention finder or the readers; offsets always point inside the text;
normalising twice changes nothing."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st

from geoinc.io.accounting import RecordError, printable
from geoinc.io.encoding import decode, detect_encoding, find_undecodable
from geoinc.io.jsonl import iter_jsonl
from geoinc.io.tables import header_key, iter_table, sniff_delimiter
from geoinc.text.normalize import fold, fold_with_offsets, is_arabic, loose_key, skeleton

# Text that looks like reports: Latin and Arabic letters, marks, digits, punctuation, controls,
# surrogate-free astral characters, bidi and zero-width marks.
ALPHABET = st.characters(blacklist_categories=("Cs",))
REPORTISH = st.text(
    st.one_of(
        st.sampled_from(list("DamascusHomsIdlibDeirezZorʿʾ'’-, .\n\t") + list("دمشقحماةإدلبالرقةديرالزورًٌٍَُِّْـ ٠١٢٣")),
        ALPHABET,
        st.sampled_from(["\u200f", "\u200e", "\u202e", "\ufeff", "\u0301", "İ", "ß", "ﷲ", "ﻻ", "Ḩ", "\x00", "\x1b"]),
    ),
    max_size=120,
)
ANY_TEXT = st.one_of(st.text(ALPHABET, max_size=200), REPORTISH)
PROPS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# ------------------------------------------------------------------ normaliser

@PROPS
@given(ANY_TEXT)
@example("İstanbul")
@example("ﻻ")
@example("a  \n  b")
def test_fold_offsets_point_inside_the_text_and_in_order(text):
    folded, offs = fold_with_offsets(text)
    assert len(offs) == len(folded)
    assert all(0 <= o < len(text) for o in offs)
    assert offs == sorted(offs)


@PROPS
@given(ANY_TEXT)
def test_normalising_twice_changes_nothing(text):
    f = fold(text)
    assert fold(f) == f
    assert isinstance(loose_key(text), str) and isinstance(skeleton(text), str)
    is_arabic(text)


# The normaliser (fold) is idempotent. loose_key and skeleton are one-way keys — 'EU' and 'au'
# are different spellings that share a key, and a key is not itself a spelling — so the
# property that matters for them is that folding first never changes the key: the index is
# built from folded names and queries arrive unfolded.
@PROPS
@given(ANY_TEXT)
@example("EU")
@example("QH")
def test_keys_do_not_depend_on_folding(text):
    assert loose_key(fold(text)) == loose_key(text)
    assert skeleton(fold(text)) == skeleton(text)


@PROPS
@given(ANY_TEXT)
def test_match_spans_map_back_to_the_original(text):
    """Any span of folded characters maps back to a slice of the original text."""
    folded, offs = fold_with_offsets(text)
    for i in range(0, len(folded), 7):
        j = min(len(folded), i + 5)
        s, e = offs[i], offs[j - 1] + 1
        assert 0 <= s < e <= len(text)


# ------------------------------------------------------------------ matcher and mention finder

@pytest.fixture(scope="module")
def gz():
    from geoinc.gazetteer import Gazetteer

    return Gazetteer.load()


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(ANY_TEXT, st.one_of(st.none(), st.text(max_size=12), st.sampled_from(["SY02", "Hama", "حماة", ""])),
       st.one_of(st.none(), st.sampled_from(["town", "governorate", "region", "nonsense"])))
@example("", None, None)
@example(" ", "SY02", "town")
@example("'", None, None)
def test_candidates_never_raise_and_scores_are_in_range(gz, name, admin1, kind):
    cands = gz.candidates(name, admin1=admin1, kind=kind, limit=5)
    assert len(cands) <= 5
    for c in cands:
        assert 0 < c.score <= 1
        assert gz.get(c.id) is not None
    r = gz.resolve(name, admin1=admin1, kind=kind)
    assert r is None or 0 < r.score <= 1


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.one_of(ANY_TEXT, st.builds(lambda a, b, c: f"{a} in Darayya, {b} near Homs {c}", ANY_TEXT, ANY_TEXT, ANY_TEXT),
                 st.builds(lambda a, b: f"{a} في مدينة حماة {b}", REPORTISH, REPORTISH)))
@example("Shelling hit Darayya and Rural Damascus.")
@example("قصف على دير الزور وريفها")
def test_mention_finder_spans_are_slices_of_the_text(gz, text):
    find_mentions = pytest.importorskip("geoinc.extract.mentions").find_mentions
    ms = find_mentions(text, gz)
    for m in ms:
        assert 0 <= m.start < m.end <= len(text)
        assert m.text == text[m.start:m.end]


# ------------------------------------------------------------------ readers

@PROPS
@given(st.binary(max_size=600))
@example(b"\xff\xfe")
@example(b"\xfe\xff\x00")
@example(b"\xef\xbb\xbf")
@example(b"\x00\x00\x00")
@example(b'"\n"\n"')
def test_readers_take_any_bytes(tmp_path_factory, data):
    d = tmp_path_factory.mktemp("b")
    for name in ("x.jsonl", "x.csv"):
        p = d / name
        p.write_bytes(data)
        reader = iter_jsonl(str(p)) if name.endswith("jsonl") else iter_table(str(p))
        rows = list(reader)
        numbers = [n for n, _ in rows]
        assert numbers == sorted(numbers)
        for _, r in rows:
            assert isinstance(r, (dict, RecordError))
            if isinstance(r, dict):
                # what passes is clean text: no undecodable marks, nothing UTF-8 cannot write
                json.dumps(r, ensure_ascii=False, default=str).encode("utf-8")


@PROPS
@given(st.lists(st.dictionaries(st.text(ALPHABET, max_size=8), st.one_of(st.text(ALPHABET, max_size=30), st.integers(),
                                                                        st.none(), st.floats(allow_nan=False))),
                max_size=8),
       st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"]))
def test_jsonl_round_trip_in_any_unicode_encoding(tmp_path_factory, objs, enc):
    p = tmp_path_factory.mktemp("j") / "x.jsonl"
    p.write_bytes("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objs).encode(enc))
    got = [r for _, r in iter_jsonl(str(p), enc if enc in ("utf-16-le", "utf-16-be") else None)]
    assert got == objs


@PROPS
@given(st.lists(st.lists(st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r"), max_size=20),
                         min_size=3, max_size=3), min_size=1, max_size=6),
       st.sampled_from([",", ";", "\t", "|"]), st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_csv_round_trip(tmp_path_factory, rows, delim, enc):
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delim, lineterminator="\n", quoting=csv.QUOTE_ALL)
    w.writerow(["alpha", "beta", "gamma"])
    w.writerows(rows)
    p = tmp_path_factory.mktemp("c") / "x.csv"
    p.write_bytes(buf.getvalue().encode(enc))
    got = [r for _, r in iter_table(str(p), delimiter=delim)]
    want = [dict(zip(["alpha", "beta", "gamma"], r)) for r in rows if any(c.strip() for c in r)]
    assert [{k: v for k, v in g.items() if not k.startswith("_")} for g in got] == want


@PROPS
@given(st.binary(max_size=300), st.sampled_from(["utf-8", "utf-16-le", "cp1256", "latin-1"]))
def test_decode_marks_every_bad_byte_and_never_raises(data, enc):
    text = decode(data, enc)
    try:
        strict = data.decode(enc)
    except UnicodeDecodeError:
        assert find_undecodable(text) >= 0
    else:
        assert text == strict
    detect_encoding(data)


@PROPS
@given(ANY_TEXT)
def test_header_key_and_printable_are_total_and_idempotent(text):
    k = header_key(text)
    assert header_key(k) == k
    p = printable(text)
    assert "\x1b" not in p and "\n" not in p and "\x00" not in p
    sniff_delimiter(text)
