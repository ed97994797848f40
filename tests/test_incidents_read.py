"""read_incidents on real files in the layouts users have: ACLED, UCDP GED, plain tables, extract JSONL."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import geoinc
from geoinc.incidents import COLUMNS, detect_format, read_incidents
from geoinc.io.accounting import RecordError, Rejects, Tally

FIX = Path(__file__).parent / "fixtures" / "tables"


def _read(path, **kw):
    t, r = Tally(), Rejects()
    df = read_incidents(path, tally=t, rejects=r, **kw)
    assert t.balanced and t.read == t.ok + t.not_ok + t.rejected
    assert len(df) == t.ok + t.not_ok
    return df, t, r


def _by_id(df):
    return df.set_index("incident_id")


def test_schema_columns_and_dtypes():
    df, _, _ = _read(FIX / "acled_sample.csv")
    assert tuple(df.columns) == COLUMNS
    assert df.crs.to_epsg() == 4326
    assert str(df["date"].dtype) == "datetime64[ns]"
    for c in ("arrested", "killed", "injured", "precision"):
        assert str(df[c].dtype) == "Int64"
    assert df["incident_id"].is_unique


def test_acled_rows_located_typed_and_bad_rows_reported():
    assert detect_format(FIX / "acled_sample.csv") == "acled"
    df, t, r = _read(FIX / "acled_sample.csv")
    assert t.line() == "read 9, located 5, unlocated 0, rejected 4"
    d = _by_id(df)
    assert d.loc["SYR90001", ["admin1", "admin2", "admin3"]].tolist() == ["SY03", "SY0309", "SY030900"]
    assert d.loc["SYR90001", "type"] == "arrest"          # abduction/forced disappearance
    assert d.loc["SYR90002", "admin1"] == "SY04" and d.loc["SYR90002", "type"] == "explosion"
    assert d.loc["SYR90003", "admin1"] == "SY05" and d.loc["SYR90003", "killed"] == 2
    assert d.loc["SYR90002", "date"] == pd.Timestamp("2025-01-12")
    assert "badia" in d.loc["SYR90002", "regions"].split(";")
    # geo_precision 3: governorate only, not placed in a district
    assert d.loc["SYR90004", ["admin1", "admin2", "admin3"]].tolist() == ["SY07", None, None]
    assert d.loc["SYR90004", "place_kind"] == "governorate"
    assert pd.isna(d.loc["SYR90008", "killed"])            # empty fatalities: unknown, not zero
    why = {e["where"]: e["problem"] for e in r.items}
    assert set(why) == {"row 6", "row 7", "row 8", "row 10"}
    assert "swapped" in why["row 6"]
    assert "out of range" in why["row 7"]
    assert "outside Syria" in why["row 8"] and "Dar'a" in why["row 8"]
    assert "negative" in why["row 10"]


def test_swapped_pair_repaired_on_request(capsys):
    df, t, r = _read(FIX / "acled_sample.csv", fix_swapped=True)
    assert t.rejected == 3
    d = _by_id(df)
    assert d.loc["SYR90005", "admin1"] == "SY05"
    assert abs(d.loc["SYR90005", "lat"] - 35.2926) < 1e-9
    assert "repaired" in capsys.readouterr().err


def test_ucdp_where_prec_levels():
    assert detect_format(FIX / "ucdp_sample.csv") == "ucdp"
    df, t, r = _read(FIX / "ucdp_sample.csv")
    assert t.line() == "read 5, located 4, unlocated 0, rejected 1"
    d = _by_id(df)
    assert d.loc["990001", "admin3"] == "SY030900" and d.loc["990001", "killed"] == 3
    assert d.loc["990002", "admin1"] == "SY04" and d.loc["990002", "type"] == "attack"
    assert d.loc["990003", ["admin1", "admin2"]].tolist() == ["SY05", None]   # where_prec 4
    assert d.loc["990004", "admin1"] is None and d.loc["990004", "regions"] == "badia"  # fuzzy area named the desert
    assert r.items[0]["where"] == "row 6" and r.items[0]["field"] == "best"


def test_plain_csv_with_lat_lon():
    df, t, r = _read(FIX / "incidents_latlon.csv")
    assert t.line() == "read 8, located 6, unlocated 1, rejected 1"
    d = _by_id(df)
    assert d.loc["T1", "admin3"] == "SY030900"   # Daraya
    assert d.loc["T2", "admin1"] == "SY04"       # Palmyra
    assert d.loc["T3", "admin1"] == "SY05"       # Souran, Hama
    assert d.loc["T2", "type"] == "strike" and d.loc["T2", "injured"] == 5
    assert d.loc["T4", "status"] == "unlocated" and d.loc["T4", "geometry"] is None
    assert d.loc["T7", "status"] == "located" and d.loc["T7", "admin1"] is None   # Lebanon, no Syrian claim: kept
    assert r.items[0]["where"] == "row 9" and r.items[0]["field"] == "arrested"


def test_place_column_resolved_through_gazetteer():
    df, t, _ = _read(FIX / "incidents_places.csv")
    assert t.line() == "read 5, located 4, unlocated 1, rejected 0"
    d = _by_id(df)
    assert d.loc["P1", "admin1"] == "SY03" and d.loc["P2", "admin1"] == "SY04" and d.loc["P3", "admin1"] == "SY05"
    assert d.loc["P4", ["place_kind", "admin1", "admin2", "precision"]].tolist() == ["governorate", "SY07", None, 3]
    assert d.loc["P5", "status"] == "unlocated"


def test_xy_columns_xlsx_and_geojson(tmp_path):
    rows = pd.DataFrame({"id": ["a", "b"], "x": [36.2329, 38.2773], "y": [33.4590, 34.5573],
                         "date": ["2025-06-01", "2025-06-02"], "type": ["raid", "arrest"], "arrested": [0, 3]})
    x = tmp_path / "inc.xlsx"
    rows.to_excel(x, index=False)
    df, t, _ = _read(x)
    assert _by_id(df).loc["b", "admin1"] == "SY04" and t.ok == 2
    import geopandas as gpd

    g = gpd.GeoDataFrame(rows.drop(columns=["x", "y"]), geometry=gpd.points_from_xy(rows.x, rows.y), crs="EPSG:4326")
    gj = tmp_path / "inc.geojson"
    g.to_file(gj, driver="GeoJSON")
    df, t, _ = _read(gj)
    assert _by_id(df).loc["a", "admin3"] == "SY030900" and t.ok == 2
    gp = tmp_path / "inc.gpkg"
    g.to_file(gp, driver="GPKG")
    df, t, _ = _read(gp)
    assert sorted(df["admin1"]) == ["SY03", "SY04"]


def _extract_line(rid, incidents, mentions=(), **kw):
    return json.dumps({"id": rid, "lang": "en", "published": "2025-02-01", "mentions": list(mentions),
                       "incidents": incidents, "status": "located", "error": None, **kw}, ensure_ascii=False)


def test_extract_jsonl(tmp_path, gaz):
    daraya = gaz.resolve("Darayya").to_dict()
    hama = gaz.get("SY05").to_dict()
    badia = gaz.get("badia").to_dict()
    lines = [
        _extract_line("r1", [{"location": daraya, "precision": 1, "date": "2025-02-01", "date_text": "on Saturday",
                              "type": "arrest", "arrested": 3, "killed": None, "injured": None, "mentions": [0, 1],
                              "excerpt": "invented words"}],
                      mentions=[{"text": "Daraya", "start": 0, "end": 6, "place": daraya, "role": "location", "confidence": 0.9},
                                {"text": "the Badia", "start": 10, "end": 19, "place": badia, "role": "area", "confidence": 0.8}],
                      url="https://example.org/a", source="Example"),
        _extract_line("r2", [{"location": hama, "precision": 3, "date": None, "date_text": None, "type": "strike",
                              "arrested": None, "killed": 2, "injured": None, "mentions": []},
                             {"location": None, "precision": None, "date": "2025-02-03", "type": "raid",
                              "arrested": None, "killed": None, "injured": None, "mentions": []}]),
        "{not json",
        json.dumps({"id": "r4", "status": "rejected", "error": "empty text", "incidents": [], "mentions": []}),
        _extract_line("r5", [{"location": daraya, "precision": 1, "date": "2025-02-05", "type": "raid", "killed": -1}]),
    ]
    p = tmp_path / "ex.jsonl"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert detect_format(p) == "extract"
    df, t, r = _read(p)
    assert t.line() == "read 6, located 2, unlocated 1, rejected 3"
    d = _by_id(df)
    assert d.loc["r1:1", "admin3"] == "SY030900" and d.loc["r1:1", "arrested"] == 3
    assert set(d.loc["r1:1", "regions"].split(";")) == {"western_ghouta", "ghouta", "badia"}   # the mention named the Badia
    assert d.loc["r1:1", "url"] == "https://example.org/a" and d.loc["r1:1", "excerpt"] == "invented words"
    assert d.loc["r2:1", ["admin1", "admin2", "admin3"]].tolist() == ["SY05", None, None]
    assert pd.isna(d.loc["r2:1", "date"])
    assert d.loc["r2:2", "status"] == "unlocated"
    where = sorted(e["where"] for e in r.items)
    assert where == ["line 3", "line 4", "line 5, incident 1"]


def test_strict_raises_first_bad_record():
    with pytest.raises(RecordError) as e:
        read_incidents(FIX / "ucdp_sample.csv", tally=Tally(), strict=True)
    assert "row 6" in str(e.value)


def test_lazy_export():
    assert geoinc.read_incidents is read_incidents
