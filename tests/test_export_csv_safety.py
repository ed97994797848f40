"""Report text in CSV exports cannot run as a spreadsheet formula."""

import csv

from conftest import ROOT


def test_formula_cells_are_neutralised(cli, tmp_path):
    src = tmp_path / "incidents.csv"
    src.write_text(
        "incident_id,date,type,place_name,lat,lon,killed,excerpt,url\n"
        'a,2025-01-02,attack,Darayya,33.459,36.233,2,"=HYPERLINK(""http://evil.example"",""click"")",https://example.org/a\n'
        "b,2025-01-03,strike,Tadmor,34.557,38.277,1,+cmd|' /C calc'!A0,https://example.org/b\n"
        "c,2025-01-04,clash,Idleb,35.932,36.635,0,plain words,https://example.org/c\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.csv"
    r = cli("export", str(src), "-o", str(out))
    assert r.returncode == 0, r.stderr
    rows = {row["incident_id"]: row for row in csv.DictReader(out.open(encoding="utf-8"))}
    assert rows["a"]["excerpt"].startswith("'=HYPERLINK")
    assert rows["b"]["excerpt"].startswith("'+cmd")
    assert rows["c"]["excerpt"] == "plain words"
    assert float(rows["a"]["lat"]) == 33.459  # numbers are untouched
