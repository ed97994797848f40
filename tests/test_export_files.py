"""``geoinc export``: every file read back with pyogrio (GDAL); the GeoJSON checked against RFC 7946."""

from __future__ import annotations

import json
import re

import numpy as np
import pyogrio
import pytest

from test_map_cli import write_reports

INCIDENT_FIELDS = {"incident_id", "report_id", "date", "date_text", "type", "arrested", "killed", "injured", "precision",
                   "place_id", "place_name", "place_name_ar", "place_kind", "admin1", "admin2", "admin3", "regions",
                   "lat", "lon", "status", "excerpt", "source", "url"}


@pytest.fixture(scope="module")
def reports(tmp_path_factory, gaz):
    p = tmp_path_factory.mktemp("exp") / "reports.jsonl"
    write_reports(p, gaz, hostile=False)
    return p


@pytest.fixture(scope="module")
def incidents(reports):
    import geoinc

    return geoinc.read_incidents(reports)


def _ring_area(ring) -> float:
    x, y = np.asarray(ring, dtype=float).T
    return 0.5 * float(np.sum(x[:-1] * y[1:] - x[1:] * y[:-1]))


def _check_rfc7946(doc: dict, text: str) -> None:
    assert doc["type"] == "FeatureCollection" and "crs" not in doc
    assert not re.search(r"\d\.\d{7,}", text.replace('"excerpt"', "")), "more than 6 decimals"

    def positions(g):
        c = g["coordinates"]
        if g["type"] == "Point":
            return [c]
        if g["type"] == "Polygon":
            return [p for r in c for p in r]
        return [p for poly in c for r in poly for p in r]

    for f in doc["features"]:
        assert f["type"] == "Feature" and "crs" not in f
        g = f["geometry"]
        if g is None:
            continue
        for lon, lat in positions(g):
            assert 35 < lon < 43 and 32 < lat < 38  # longitude first, WGS84 degrees over Syria
        polys = [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"] if g["type"] == "MultiPolygon" else []
        for poly in polys:
            assert _ring_area(poly[0]) > 0, "exterior ring must be counter-clockwise"
            for hole in poly[1:]:
                assert _ring_area(hole) < 0, "holes must be clockwise"
            for ring in poly:
                assert ring[0] == ring[-1] and len(ring) >= 4


def test_geojson_incidents(cli, reports, tmp_path):
    out = tmp_path / "inc.geojson"
    r = cli("export", str(reports), "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert r.stderr.strip().splitlines()[-1] == "read 6, located 5, unlocated 1, rejected 0"
    text = out.read_text(encoding="utf-8")
    doc = json.loads(text)
    _check_rfc7946(doc, text)
    assert len(doc["features"]) == 6
    props = doc["features"][0]["properties"]
    assert set(props) == INCIDENT_FIELDS
    assert props["date"] == "2024-03-01" and props["killed"] == 3 and props["arrested"] is None
    gdf = pyogrio.read_dataframe(out)
    assert len(gdf) == 6 and INCIDENT_FIELDS <= set(gdf.columns)
    pt = gdf[gdf["incident_id"] == "r1:1"].geometry.iloc[0]
    assert (round(pt.x, 4), round(pt.y, 4)) == (round(props["lon"], 4), round(props["lat"], 4))
    assert gdf.geometry.isna().sum() == 1  # the unlocated incident is kept, with no geometry


def test_geojson_by_admin1_has_polygons_and_counts(cli, reports, tmp_path):
    out = tmp_path / "gov.geojson"
    r = cli("export", str(reports), "-o", str(out), "--by", "admin1")
    assert r.returncode == 0, r.stderr
    text = out.read_text(encoding="utf-8")
    doc = json.loads(text)
    _check_rfc7946(doc, text)
    units = [f for f in doc["features"] if f["geometry"] is not None]
    assert len(units) == 14
    by = {f["properties"]["region"]: f["properties"] for f in doc["features"]}
    assert sum(f["properties"]["incidents"] for f in units) == 5  # every located incident counts once per level
    assert by["SY04"]["incidents"] == 1 and by["SY04"]["killed"] == 1  # the Homs-governorate explosion
    gdf = pyogrio.read_dataframe(out)
    polys = gdf[gdf.geometry.notna()]
    assert set(polys.geom_type) <= {"Polygon", "MultiPolygon"} and polys.is_valid.all()
    assert {"region", "name", "name_ar", "incidents", "killed", "injured", "arrested", "area_km2"} <= set(gdf.columns)


def test_gpkg_layers(cli, reports, tmp_path):
    out = tmp_path / "inc.gpkg"
    r = cli("export", str(reports), "-o", str(out))
    assert r.returncode == 0, r.stderr
    layers = dict(pyogrio.list_layers(out))
    assert layers == {"incidents": "Point", "by_admin1": "MultiPolygon", "by_admin2": "MultiPolygon",
                      "by_admin3": "MultiPolygon", "by_region": "MultiPolygon"}
    inc = pyogrio.read_dataframe(out, layer="incidents")
    assert len(inc) == 6 and INCIDENT_FIELDS - {"date"} <= set(inc.columns)
    assert inc.crs.to_epsg() == 4326
    info = pyogrio.read_info(out, layer="incidents")
    types = dict(zip(info["fields"], info["dtypes"]))
    assert types["killed"].startswith("int") and types["place_name_ar"] == "object"
    assert set(inc["place_name_ar"].dropna()) >= {"داريا"}
    adm2 = pyogrio.read_dataframe(out, layer="by_admin2")
    units = adm2[adm2.geometry.notna()]
    assert len(units) == 62 and units["incidents"].sum() == 4  # the governorate-level one is not smeared below
    assert adm2.loc[adm2["region"] == "unassigned", "incidents"].sum() >= 1


def test_gpkg_by_one_level(incidents, tmp_path):
    import geoinc

    only = tmp_path / "gov.gpkg"
    geoinc.to_file(incidents, only, by="admin1")
    assert [n for n, _ in pyogrio.list_layers(only)] == ["incidents", "by_admin1"]


def test_csv(cli, reports, incidents, tmp_path):
    import geoinc

    out = tmp_path / "inc.csv"
    r = cli("export", str(reports), "-o", str(out))
    assert r.returncode == 0, r.stderr
    df = pyogrio.read_dataframe(out)
    assert len(df) == 6 and INCIDENT_FIELDS <= set(df.columns)
    assert "داريا" in set(df["place_name_ar"])
    agg = tmp_path / "adm3.csv"
    geoinc.to_file(incidents, agg, by="admin3")
    a = pyogrio.read_dataframe(agg)
    units = a[a["region"].str.startswith("SY")]
    assert len(units) == 272 and units["wkt"].str.startswith(("POLYGON", "MULTIPOLYGON")).all()
    bom = tmp_path / "bom.csv"
    geoinc.to_file(incidents, bom, bom=True)
    assert bom.read_bytes().startswith(b"\xef\xbb\xbf")
    assert pyogrio.read_dataframe(bom).columns[0] == "incident_id"


def test_export_refuses_unknown_extension_and_its_input(cli, reports, tmp_path):
    r = cli("export", str(reports), "-o", str(tmp_path / "x.shp"))
    assert r.returncode == 2 and ".geojson" in r.stderr
    r = cli("export", str(reports), "-o", str(reports), "--driver", "csv")
    assert r.returncode == 1 and "overwrite the input" in r.stderr


def test_to_file_one_liner(incidents, tmp_path):
    import geoinc

    inc = incidents
    assert geoinc.to_file(inc, tmp_path / "x.geojson", by="region") == "geojson"
    doc = json.loads((tmp_path / "x.geojson").read_text(encoding="utf-8"))
    regions = [f["properties"]["region"] for f in doc["features"] if f["geometry"] is not None]
    assert "eastern_ghouta" in regions and all(r[:1].islower() for r in regions)
