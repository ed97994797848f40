"""The readers on the fuzz corpus (tests/data/fuzz) and on the cases the issue lists, one by one."""

from __future__ import annotations

import codecs
import json
import os
import stat
from pathlib import Path

import pytest

from geoinc.io.accounting import RecordError, Rejects, Tally, printable
from geoinc.io.atomic import OutputError, atomic_path, atomic_write, check_output_path
from geoinc.io.encoding import detect_encoding
from geoinc.io.jsonl import iter_jsonl
from geoinc.io.progress import progress
from geoinc.io.tables import header_key, iter_table, sniff_delimiter

FUZZ = Path(__file__).parent / "data" / "fuzz"
MANIFEST = json.loads((FUZZ / "MANIFEST.json").read_text(encoding="utf-8"))


def read(path: Path | str, **kw) -> list:
    p = str(path)
    return list(iter_jsonl(p, kw.get("encoding")) if p.endswith(".jsonl") else iter_table(p, **kw))


def errors(rows: list) -> list[RecordError]:
    return [r for _, r in rows if isinstance(r, RecordError)]


def good(rows: list) -> list[dict]:
    return [r for _, r in rows if not isinstance(r, RecordError)]


@pytest.mark.parametrize("name", sorted(MANIFEST))
def test_corpus_file_is_read_without_escaping_exception_and_counted(name):
    m = MANIFEST[name]
    rows = read(FUZZ / name, sheet=m.get("sheet"))
    if m["records"] is not None:
        assert len(rows) == m["records"], [str(r) for _, r in rows if isinstance(r, RecordError)]
    errs = errors(rows)
    assert len(errs) >= m["min_rejected"]
    for e in errs:
        msg = str(e)
        assert msg.startswith(str(FUZZ / name) + ":"), msg
        assert e.where.startswith(("line ", "row ", "file")), e.where
        assert "\x1b" not in msg and "\x00" not in msg


def test_corpus_is_reproducible(tmp_path, monkeypatch):
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_corpus", FUZZ.parent / "make_corpus.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    monkeypatch.setattr(mod, "OUT", tmp_path / "fuzz")
    mod.MANIFEST.clear()
    mod.main()
    for name in MANIFEST:
        assert (tmp_path / "fuzz" / name).read_bytes() == (FUZZ / name).read_bytes(), name


# ----------------------------------------------------------------- encodings

ARABIC = "اعتقال في حماة ودير الزور"


@pytest.mark.parametrize("enc, bom", [("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE),
                                      ("utf-16-le", b""), ("utf-16-be", codecs.BOM_UTF16_BE), ("utf-16-be", b""),
                                      ("cp1256", b"")])
def test_encodings_detected(tmp_path, enc, bom):
    text = "id,text\n" + "".join(f"{i},{ARABIC} {i}\n" for i in range(5))
    p = tmp_path / "t.csv"
    p.write_bytes(bom + text.encode(enc))
    rows = good(read(p))
    assert [r["text"] for r in rows] == [f"{ARABIC} {i}" for i in range(5)]
    j = tmp_path / "t.jsonl"
    j.write_bytes(bom + "".join(json.dumps({"id": i, "text": ARABIC}, ensure_ascii=False) + "\n" for i in range(3)).encode(enc))
    assert [r["text"] for r in good(read(j))] == [ARABIC] * 3


def test_declared_encoding_wins_and_unknown_is_a_clear_error(tmp_path):
    p = tmp_path / "t.csv"
    p.write_bytes("id,text\n1,café\n".encode("latin-1"))
    assert good(read(p, encoding="latin-1"))[0]["text"] == "café"
    with pytest.raises(ValueError, match="unknown encoding 'klingon'"):
        read(p, encoding="klingon")
    assert detect_encoding(codecs.BOM_UTF8 + b"x", "utf-8") == "utf-8-sig"


def test_undecodable_bytes_reject_the_row_naming_the_field(tmp_path):
    p = tmp_path / "t.csv"
    p.write_bytes("id,place,text\n1,حمص,ok\n2,Hama,bad \xff here\n3,إدلب,fine\n".encode("utf-8").replace(b"\xc3\xbf", b"\xff"))
    rows = read(p)
    (err,) = errors(rows)
    assert err.where == "row 3" and err.field == "text" and err.record_id == "2"
    assert "\\xff" in str(err) and "--encoding" in str(err)
    assert [r["id"] for r in good(rows)] == ["1", "3"]


# ----------------------------------------------------------------- CSV shapes

def test_delimiters_sniffed_from_header_and_rows():
    assert sniff_delimiter("a;b;c\n1;2;3\n") == ";"
    assert sniff_delimiter("a\tb\n1\t2\n") == "\t"
    assert sniff_delimiter("id,text\n1,\"semi; colons; inside; text\"\n") == ","
    assert sniff_delimiter("id|text\n1|a, b, c\n") == "|"
    assert sniff_delimiter("single\nvalue\n") == ","


def test_header_keys_forgive_case_spaces_and_invisible_marks():
    assert header_key(" Event Date ") == header_key("EVENT-DATE") == header_key("event_date") == "event_date"
    assert header_key("\ufeffId") == header_key("\u200fID\u200e") == "id"
    assert header_key(None) == ""


def test_duplicate_missing_headers_and_ragged_rows(tmp_path):
    p = tmp_path / "t.csv"
    p.write_text("id,text,text,,text_2\n1,a,b,c,d\n2,short\n3,a,b,c,d,e,f\n", encoding="utf-8")
    r1, r2, r3 = good(read(p))
    assert r1 == {"id": "1", "text": "a", "text_2": "b", "column_4": "c", "text_2_2": "d", "_row": 2} or set(r1) >= {"text", "text_2", "column_4"}
    assert len({k for k in r1 if not k.startswith("_")}) == 5                      # no column lost to a clash
    assert r2["_short"] and r2["text_2"] == "" and r2["text"] == "short"
    assert r3["_extra"] == ["e", "f"]


def test_unterminated_quote_does_not_swallow_the_rest(tmp_path):
    p = tmp_path / "t.csv"
    p.write_text("id,text\n1,\"never closed\n2,two\n3,three\n4,four\n", encoding="utf-8")
    rows = read(p)
    (err,) = errors(rows)
    assert err.where == "row 2" and "quote" in err.problem and err.raw == "1,\"never closed"
    assert [r["id"] for r in good(rows)] == ["2", "3", "4"]


def test_embedded_newlines_keep_row_numbers_and_lines(tmp_path):
    p = tmp_path / "t.csv"
    p.write_text("id,text\n1,\"two\nlines\"\n2,\"x\n3,ok\n", encoding="utf-8")
    rows = read(p)
    assert good(rows)[0]["text"] == "two\nlines"
    (err,) = errors(rows)
    assert err.where == "row 3 (line 4)"
    assert good(rows)[-1]["id"] == "3"


def test_headerless_file_gets_numbered_columns(tmp_path):
    p = tmp_path / "t.csv"
    p.write_text("1,33.5,36.3\n2,34.7,36.7\n", encoding="utf-8")
    rows = good(read(p))
    assert [r["column_1"] for r in rows] == ["1", "2"] and rows[0]["_row"] == 1


def test_ten_megabyte_text(tmp_path):
    big = "Shelling hit Douma. " * (10 * 1024 * 1024 // 20)
    p = tmp_path / "big.csv"
    p.write_text("id,text\n1,\"" + big + "\"\n2,small\n", encoding="utf-8")
    rows = good(read(p))
    assert len(rows[0]["text"]) == len(big) and rows[1]["text"] == "small"
    j = tmp_path / "big.jsonl"
    j.write_text(json.dumps({"id": 1, "text": big}) + "\n" + json.dumps({"id": 2, "text": ""}) + "\n", encoding="utf-8")
    assert [len(r["text"]) for r in good(read(j))] == [len(big), 0]


# ----------------------------------------------------------------- XLSX

def test_xlsx_sheets_by_name_index_and_missing():
    p = FUZZ / "incidents_multi_sheet.xlsx"
    assert good(read(p)) == []                                    # the first sheet holds only a note
    by_name = good(read(p, sheet="Incidents"))
    assert [r["incident_id"] for r in by_name] == ["x1", "x2", "x3", "x4", "x5", "x6"]
    assert good(read(p, sheet=1)) == by_name == good(read(p, sheet="1")) == good(read(p, sheet="incidents"))
    assert by_name[0]["_row"] == 2 and by_name[3]["_row"] == 6         # the blank row still counts
    assert by_name[-1]["_extra"] == ["beyond", "the header"]
    with pytest.raises(ValueError, match="no sheet 'Nope'.*'Notes'.*'Incidents'"):
        read(p, sheet="Nope")
    with pytest.raises(ValueError, match="no sheet 7"):
        read(p, sheet=7)


@pytest.mark.parametrize("name", ["truncated.xlsx", "not_a_zip.xlsx", "old_excel.xls"])
def test_unreadable_workbook_is_one_rejected_record(name):
    rows = read(FUZZ / name)
    assert len(rows) == 1 and isinstance(rows[0][1], RecordError) and rows[0][1].where == "file"


# ----------------------------------------------------------------- JSONL

def test_jsonl_cases(tmp_path):
    p = tmp_path / "t.jsonl"
    p.write_bytes(b'{"id": 1}\r\n\n  \n[1]\n{"id": 2, "t": "\\udc80"}\n{"id": 3}\n{"id": 4, "t": "cut')
    rows = read(p)
    assert [n for n, _ in rows] == [1, 4, 5, 6, 7]
    e = {n: r for n, r in rows if isinstance(r, RecordError)}
    assert "an array" in e[4].problem and e[4].raw == "[1]"
    assert "surrogate" in e[5].problem and e[5].record_id == 2
    assert e[7].problem.startswith("truncated last line")
    assert good(rows) == [{"id": 1}, {"id": 3}]


# ----------------------------------------------------------------- accounting, rejects, output

def test_tally_and_rejects_keep_everything(tmp_path):
    t = Tally()
    r = Rejects()
    for n, rec in read(FUZZ / "names_hostile.jsonl"):
        if isinstance(rec, RecordError):
            t.reject(rec, quiet=True)
            r.add(rec)
        else:
            t.add("ok")
    assert t.balanced and t.line() == f"read {t.read}, located {t.ok}, unlocated 0, rejected {t.rejected}"
    out = tmp_path / "rejects.jsonl"
    r.write(str(out))
    lines = [json.loads(l) for l in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == t.rejected == 7
    assert all(l["raw"] and l["problem"] and l["where"] for l in lines)
    assert any("\\udc80" in l["raw"] for l in lines)


def test_messages_cannot_drive_the_terminal():
    e = RecordError("f.jsonl", "line 3", "bad \x1b]0;pwned\x07 \u202etext\n", record_id="\x1b[2J")
    s = str(e)
    assert "\x1b" not in s and "\x07" not in s and "\u202e" not in s and "\n" not in s
    assert printable("x" * 500, 10).startswith("xxxxxxxxxx... (500")


def test_atomic_write_keeps_old_file_on_failure_and_normal_permissions(tmp_path):
    p = tmp_path / "out.txt"
    p.write_text("old complete file\n")
    with pytest.raises(RuntimeError):
        with atomic_write(p) as fh:
            fh.write("half a fi")
            raise RuntimeError("interrupted")
    assert p.read_text() == "old complete file\n"
    assert [x.name for x in tmp_path.iterdir()] == ["out.txt"]          # no temp file left behind
    q = tmp_path / "new.txt"
    with atomic_write(q) as fh:
        fh.write("x")
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(q.stat().st_mode) == 0o666 & ~mask
    with atomic_path(tmp_path / "f.gpkg") as tmp:
        assert tmp.suffix == ".gpkg"
        tmp.write_bytes(b"data")
    assert (tmp_path / "f.gpkg").read_bytes() == b"data"


def test_output_onto_input_refused_by_any_name(tmp_path, monkeypatch):
    src = tmp_path / "in.jsonl"
    src.write_text("{}\n")
    (tmp_path / "link.jsonl").symlink_to(src)
    os.link(src, tmp_path / "hard.jsonl")
    monkeypatch.chdir(tmp_path)
    for out in ("in.jsonl", "./in.jsonl", str(src), "link.jsonl", "hard.jsonl"):
        with pytest.raises(OutputError, match="overwrite the input"):
            check_output_path(out, [str(src)])
    assert check_output_path("other.jsonl", [str(src)]).name == "other.jsonl"
    assert str(check_output_path("-", [str(src)])) == "-"
    with pytest.raises(OutputError, match="directory"):
        check_output_path(str(tmp_path), [])


def test_progress_is_quiet_off_terminal_and_draws_on_stderr(capsys):
    assert list(progress(range(5))) == list(range(5))
    assert capsys.readouterr() == ("", "")
    assert list(progress(range(3), "x", enabled=True)) == [0, 1, 2]
    assert capsys.readouterr().out == ""


def test_rejects_report_refuses_to_replace_an_input(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": 1}\nnot json\n', encoding="utf-8")
    r = Rejects()
    for _, rec in iter_jsonl(str(src)):
        if isinstance(rec, RecordError):
            r.add(rec)
    with pytest.raises(OutputError, match="overwrite the input"):
        r.write(str(src))
    assert src.read_text(encoding="utf-8") == '{"id": 1}\nnot json\n'
    r.write(str(tmp_path / "rejects.jsonl"))
    assert json.loads((tmp_path / "rejects.jsonl").read_text(encoding="utf-8"))["raw"] == "not json"
