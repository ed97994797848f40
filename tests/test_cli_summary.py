"""geoinc summary through the real command line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

FIX = Path(__file__).parent / "fixtures" / "tables"
HEAD = ["region", "name", "name_ar", "period", "incidents", "arrested", "killed", "injured"]


def _last_line(err: str) -> str:
    return err.strip().splitlines()[-1]


def test_terminal_table_and_accounting(cli):
    r = cli("summary", str(FIX / "acled_sample.csv"), "--by", "admin1")
    assert r.returncode == 1                       # rejected rows: partial failure
    assert _last_line(r.stderr) == "read 9, located 5, unlocated 0, rejected 4"
    assert "incidents 5 = in admin1 units 5 + unassigned 0 + outside Syria 0" in r.stderr
    assert "row 6" in r.stderr and "swapped" in r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].split()[:3] == ["region", "name", "incidents"]
    assert any(l.startswith("SY05") and "Hama" in l for l in lines)
    assert lines[-1].split()[:2] == ["total", "5"]
    ar = cli("summary", str(FIX / "acled_sample.csv"), "--lang", "ar")
    assert "حماة" in ar.stdout


def test_csv_columns_period_and_fill(cli, tmp_path):
    out = tmp_path / "s.csv"
    r = cli("summary", str(FIX / "incidents_latlon.csv"), "--by", "admin1", "--period", "month", "--fill", "-o", str(out))
    assert r.returncode == 1 and r.stdout == ""
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert list(rows[0])[:8] == HEAD and "type_arrest" in rows[0] and "density" in rows[0]
    regions = {x["region"] for x in rows}
    assert {f"SY{i:02d}" for i in range(1, 15)} <= regions and {"unassigned", "outside"} <= regions
    assert {x["period"] for x in rows} == {"2025-03", "2025-04", "undated"} - {"undated"} | ({"undated"} if any(x["period"] == "undated" for x in rows) else set())
    assert sum(int(x["incidents"]) for x in rows) == 7
    sy04 = [x for x in rows if x["region"] == "SY04" and x["period"] == "2025-03"][0]
    assert (sy04["incidents"], sy04["killed"], sy04["injured"], sy04["type_strike"]) == ("1", "2", "5", "1")
    assert "incidents 7 = in admin1 units 5 + unassigned 1 (unlocated 1) + outside Syria 1" in r.stderr


def test_filters_and_no_period_column_empty(cli, tmp_path):
    out = tmp_path / "s.csv"
    r = cli("summary", str(FIX / "incidents_latlon.csv"), "--type", "arrest,raid", "--since", "2025-03-01", "-o", str(out))
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert {x["region"] for x in rows} == {"SY02", "SY03"} and all(x["period"] == "" for x in rows)
    assert "left out by the filters" in r.stderr


@pytest.mark.parametrize("ext", ["md", "json", "xlsx"])
def test_other_formats(cli, tmp_path, ext):
    out = tmp_path / f"s.{ext}"
    r = cli("summary", str(FIX / "ucdp_sample.csv"), "--by", "region", "-o", str(out))
    assert r.returncode == 1 and out.exists()
    if ext == "json":
        doc = json.loads(out.read_text(encoding="utf-8"))
        assert doc["reconciliation"]["balanced"] and {x["region"] for x in doc["rows"]} >= {"badia"}
    elif ext == "md":
        assert out.read_text(encoding="utf-8").startswith("| region | name | name_ar | period |")
    else:
        import openpyxl

        ws = openpyxl.load_workbook(out).worksheets[0]
        assert [c.value for c in ws[1]][:8] == HEAD


def test_chart_and_report(cli, tmp_path):
    png, svg, rep = tmp_path / "c.png", tmp_path / "l.svg", tmp_path / "report.md"
    r = cli("summary", str(FIX / "incidents_latlon.csv"), "--chart", str(png), "--report", str(rep))
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    text = rep.read_text(encoding="utf-8")
    assert "## Top" in text and "## Largest incidents" in text and "[T2]" in text
    assert "## Change against the previous period" in text and "2025-04" in text
    r = cli("summary", str(FIX / "incidents_latlon.csv"), "--period", "week", "--chart", str(svg), "--report")
    assert b"<svg" in svg.read_bytes()[:400]
    assert "# Incident report by admin1" in r.stdout


def test_usage_errors_and_refusals(cli, tmp_path):
    src = tmp_path / "in.csv"
    src.write_bytes((FIX / "incidents_latlon.csv").read_bytes())
    assert cli("summary", str(src), "-o", str(tmp_path / "s.txt")).returncode == 2
    assert cli("summary", str(src), "--type", "bombing").returncode == 2
    assert cli("summary", str(src), "--by", "county").returncode == 2
    assert cli("summary", str(src), "--since", "yesterday-ish").returncode == 2
    copy = tmp_path / "in.csv"
    r = cli("summary", str(src), "-o", str(copy))
    assert r.returncode == 1 and "overwrite the input" in r.stderr
    assert cli("summary", str(tmp_path / "missing.csv")).returncode == 1


def test_rejects_file_and_strict(cli, tmp_path):
    rej = tmp_path / "rej.jsonl"
    r = cli("summary", str(FIX / "acled_sample.csv"), "--rejects", str(rej))
    items = [json.loads(l) for l in rej.read_text(encoding="utf-8").splitlines()]
    assert sorted(i["where"] for i in items) == ["row 10", "row 6", "row 7", "row 8"]
    assert all(i["problem"] for i in items)
    r = cli("summary", str(FIX / "acled_sample.csv"), "--strict")
    assert r.returncode == 1 and "--strict" in r.stderr
    r = cli("summary", str(FIX / "acled_sample.csv"), "--fix-swapped", "--by", "admin3")
    assert _last_line(r.stderr) == "read 9, located 6, unlocated 0, rejected 3"
    assert "SY050101" in r.stdout


def test_stdin_and_format(cli):
    data = (FIX / "ucdp_sample.csv").read_text(encoding="utf-8")
    r = cli("summary", "-", "--format", "ucdp", input=data)
    assert _last_line(r.stderr) == "read 5, located 4, unlocated 0, rejected 1"
