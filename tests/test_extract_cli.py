"""``geoinc extract`` end to end: JSONL, CSV, a folder, stdin, bad records, atomic output."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import jsonl

FIX = Path(__file__).parent / "fixtures" / "reports"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "reports.jsonl"


def _tally(stderr: str) -> tuple[int, int, int, int]:
    line = [l for l in stderr.splitlines() if l.startswith("read ")][-1]
    nums = [int(w.strip(",")) for w in line.split() if w.strip(",").isdigit()]
    assert len(nums) == 4
    return tuple(nums)


def test_jsonl_with_bad_records(cli, tmp_path):
    src = tmp_path / "in.jsonl"
    good = json.dumps({"id": "g1", "text": (FIX / "en_lead.txt").read_text(encoding="utf-8"), "published": "2025-04-16"})
    ar = json.dumps({"id": "g2", "text": (FIX / "ar_lead.txt").read_text(encoding="utf-8"), "published": "2025-04-16"}, ensure_ascii=False)
    big = json.dumps({"id": "big", "text": "Clashes in Homs. " * 320_000})  # ~5 MB of text
    lines = [good.encode(), b"{not json", json.dumps({"id": "nt"}).encode(), big.encode(),
             b'{"id": "bad-utf8", "text": "caf\xe9 in Homs"}', ar.encode("utf-8"),
             json.dumps({"id": "only-syria", "text": "Syria said it arrested 3 men."}).encode()]
    src.write_bytes(b"\n".join(lines) + b"\n")
    out = tmp_path / "out.jsonl"
    rej = tmp_path / "rejects.jsonl"
    p = cli("extract", str(src), "-o", str(out), "--rejects", str(rej))
    assert p.returncode == 1, p.stderr
    read, located, unlocated, rejected = _tally(p.stderr)
    assert (read, rejected) == (7, 4) and located + unlocated + rejected == read
    recs = jsonl(out.read_text(encoding="utf-8"))
    assert len(recs) == 7
    by = {str(r["id"]): r for r in recs}
    assert by["g1"]["status"] == "located"
    inc = by["g1"]["incidents"][0]
    assert inc["type"] == "arrest" and inc["arrested"] == 6 and inc["location"]["admin1"] == "SY06"
    assert inc["date"] == "2025-04-14"
    inc2 = by["g2"]["incidents"][0]
    assert inc2["location"]["admin1"] == "SY04" and inc2["arrested"] == 4 and inc2["date"] == "2025-04-13"
    assert by["only-syria"]["status"] == "unlocated"
    bad = [r for r in recs if r["status"] == "rejected"]
    assert len(bad) == 4 and all(r["error"] for r in bad)
    assert any("line 2" in r["error"] for r in bad) and any("line 5" in r["error"] for r in bad)
    assert len(jsonl(rej.read_text(encoding="utf-8"))) == 4


def test_csv_with_text_column(cli, tmp_path):
    src = tmp_path / "r.csv"
    src.write_text('id,notes,published\n1,"Warplanes struck Saraqib, killing 4 people.",2024-01-02\n'
                   '2,"",2024-01-02\n3,قصف على مدينة دوما,2024-01-02\n', encoding="utf-8")
    p = cli("extract", str(src), "--text-column", "notes")
    assert p.returncode == 1
    recs = jsonl(p.stdout)
    assert [r["status"] for r in recs] == ["located", "rejected", "located"]
    assert recs[0]["incidents"][0]["killed"] == 4
    assert recs[2]["lang"] == "ar" and recs[2]["incidents"][0]["location"]["admin1"] == "SY03"
    assert _tally(p.stderr) == (3, 2, 0, 1)
    p2 = cli("extract", str(src), "--text-column", "nope")
    assert p2.returncode == 1 and "no column" in p2.stderr


def test_folder_of_txt(cli, tmp_path):
    out = tmp_path / "f.jsonl"
    p = cli("extract", str(FIX / "folder"), "-o", str(out), "--published", "2025-01-01")
    assert p.returncode == 0, p.stderr
    recs = {r["id"]: r for r in jsonl(out.read_text(encoding="utf-8"))}
    assert set(recs) == {"a_en.txt", "b_ar.txt", "c_syria.txt"}
    a = recs["a_en.txt"]["incidents"][0]
    assert a["killed"] == 4 and a["injured"] == 9 and a["location"]["admin1"] == "SY07" and a["date"] == "2024-12-31"
    assert recs["b_ar.txt"]["incidents"][0]["location"]["id"] == "SY09"
    assert recs["c_syria.txt"]["status"] == "unlocated"
    assert _tally(p.stderr) == (3, 2, 1, 0)


def test_stdin_and_refuses_to_overwrite_input(cli, tmp_path):
    p = cli("extract", "-", input="Clashes broke out in Jisr al-Shughur on Friday.\n")
    assert p.returncode == 0
    assert jsonl(p.stdout)[0]["incidents"][0]["location"]["admin1"] == "SY07"
    src = tmp_path / "x.jsonl"
    src.write_text('{"id": 1, "text": "Clashes in Homs."}\n', encoding="utf-8")
    p2 = cli("extract", str(src), "-o", str(src))
    assert p2.returncode == 1 and "overwrite" in p2.stderr
    assert src.read_text(encoding="utf-8") == '{"id": 1, "text": "Clashes in Homs."}\n'


def test_examples_bundle(cli, tmp_path):
    out = tmp_path / "ex.jsonl"
    p = cli("extract", str(EXAMPLES), "-o", str(out))
    assert p.returncode == 0, p.stderr
    recs = jsonl(out.read_text(encoding="utf-8"))
    assert len(recs) >= 6 and all(r["status"] == "located" for r in recs)
    assert {r["lang"] for r in recs} == {"en", "ar"}
