"""The notebook one-liners: reports -> incidents -> aggregate -> map/export, all in memory."""

import json

import geoinc
from conftest import ROOT


def test_in_memory_pipeline_matches_the_files(tmp_path, cli):
    reports = list(geoinc.extract(geoinc.read_reports(str(ROOT / "examples" / "reports.jsonl"))))
    inc = geoinc.incidents_from_reports(reports)
    # the same table as writing the JSONL and reading it back
    f = tmp_path / "r.jsonl"
    f.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in reports), encoding="utf-8")
    back = geoinc.read_incidents(str(f))
    cols = [c for c in inc.columns if c != "geometry"]
    assert inc[cols].reset_index(drop=True).equals(back[cols].reset_index(drop=True))
    assert len(inc) >= len(reports) > 0
    table = geoinc.aggregate(inc, by="admin1")
    assert int(table["incidents"].sum()) == len(inc)
    m = geoinc.explore(inc)
    assert m.get_root().render()  # a folium Map that renders
    out = tmp_path / "inc.geojson"
    geoinc.to_file(inc, str(out))
    assert json.loads(out.read_text(encoding="utf-8"))["type"] == "FeatureCollection"


def test_a_bad_report_object_is_rejected_not_lost():
    from geoinc.io.accounting import Tally

    t = Tally()
    inc = geoinc.incidents_from_reports([{"id": "x", "text": "no incidents key"}, "not a report"], tally=t)
    assert len(inc) == 0 and t.read == 2 and t.rejected == 2
