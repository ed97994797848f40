"""``geoinc map`` end to end: real report files in, one HTML map out (no browser needed here)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

HOSTILE_EXCERPTS = [
    "<script>document.title='pwned'</script><img src=x onerror=\"window.__pwned=1;"
    "document.body.appendChild(Object.assign(document.createElement('div'),{id:'pwned-img'}))\">",
    "${(()=>{window.__pwned=2;document.title='pwned2'})()} `back${'tick'}` \"double\" 'single' "
    "</script><script>window.__pwned=3</script><!-- -->",
    "قصف مدفعي على الأحياء الشرقية \u202eevil\u202c وسقوط ضحايا\u2028line two",
]
LONG = "A very long report sentence about shelling near the town. " * 90


def place(gaz, name: str, **kw) -> dict:
    p = gaz.resolve(name, **kw)
    assert p is not None, name
    return p.to_dict()


def write_reports(path: Path, gaz, hostile: bool = True) -> list[dict]:
    """A small extract JSONL in the shape geoinc extract writes, with hostile text when asked."""
    darayya = place(gaz, "Darayya")
    douma = place(gaz, "Douma")
    daraa = place(gaz, "Daraa", kind="town")
    homs_gov = place(gaz, "Homs", kind="governorate")
    reports = [
        {"id": "r1", "lang": "en", "published": "2024-03-02", "source": "Example Wire", "url": "https://example.org/r1",
         "mentions": [], "status": "located",
         "incidents": [
             {"location": darayya, "precision": 1, "date": "2024-03-01", "type": "strike", "killed": 3, "injured": 7,
              "excerpt": HOSTILE_EXCERPTS[0] if hostile else "An air strike hit a market in Darayya.", "mentions": []},
             {"location": douma, "precision": 1, "date": "2024-03-05", "type": "arrest", "arrested": 12,
              "excerpt": HOSTILE_EXCERPTS[1] if hostile else "Twelve men were detained at a checkpoint.", "mentions": []},
         ]},
        {"id": "<svg onload=window.__pwned=6>" if hostile else "r2", "lang": "ar", "published": "2024-04-10",
         "source": "<b onmouseover=window.__pwned=7>Src</b>" if hostile else "Example Arabic",
         "url": "javascript:window.__pwned=4" if hostile else "https://example.org/r2",
         "mentions": [], "status": "located",
         "incidents": [
             {"location": daraa, "precision": 1, "date": "2024-04-09", "type": "clash", "killed": 2,
              "excerpt": HOSTILE_EXCERPTS[2] if hostile else "اشتباكات في مدينة درعا", "mentions": []},
             {"location": homs_gov, "precision": 3, "date": "2024-04-20", "type": "explosion", "killed": 1,
              "excerpt": LONG if hostile else "An explosion somewhere in Homs governorate.", "mentions": []},
             {"location": daraa, "precision": 1, "date": "2024-04-09", "type": "raid",
              "excerpt": "same place, second incident", "mentions": []},
             {"location": None, "precision": None, "date": None, "date_text": "last week", "type": "other",
              "excerpt": "somewhere we could not place", "mentions": []},
         ]},
    ]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in reports), encoding="utf-8")
    return reports


@pytest.fixture
def reports(tmp_path, gaz) -> Path:
    p = tmp_path / "reports.jsonl"
    write_reports(p, gaz)
    return p


def _block(html: str, which: str = "data") -> str:
    m = re.search(r'<script type="application/json" id="[^"]+-' + which + r'">(.*?)</script>', html, re.S)
    assert m, f"no {which} block"
    return m.group(1)


def test_map_writes_one_html_with_a_data_block(cli, reports, tmp_path):
    out = tmp_path / "maps" / "m.html"
    r = cli("map", str(reports), "-o", str(out), "--title", "Title </title><script>x</script>")
    assert r.returncode == 0, r.stderr
    assert r.stderr.strip().splitlines()[-1] == "read 6, located 5, unlocated 1, rejected 0"
    html = out.read_text(encoding="utf-8")
    data = json.loads(_block(html))
    assert data["meta"]["n_total"] == 6 and data["meta"]["n_drawn"] == 5 and data["meta"]["n_area"] == 1
    # the hostile text is in the data block, escaped so it cannot close the script element
    assert "<svg" not in _block(html) and "</" not in _block(html)  # ids and sources in the data block too
    block = _block(html, "text")
    assert "</script" not in block.lower() and "<img" not in block and "\u2028" not in block
    assert HOSTILE_EXCERPTS[1] in json.loads(block)["x"]
    # javascript: links never reach the page
    assert "javascript:window.__pwned" not in html
    assert "<title>Title &lt;/title&gt;&lt;script&gt;x&lt;/script&gt;</title>" in html
    # no per-incident folium markers: the incidents are one array
    assert html.count("L.marker(") <= 1 and html.count("L.circleMarker(") <= 1  # the runtime's own, once


def test_offline_map_loads_nothing_from_the_network(cli, reports, tmp_path):
    out = tmp_path / "off.html"
    r = cli("map", str(reports), "-o", str(out), "--offline")
    assert r.returncode == 0, r.stderr
    html = out.read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]+src=", html)
    assert not re.search(r"<link[^>]+href=", html)
    assert "tile.openstreetmap.org" not in html and "basemaps.cartocdn.com" not in html
    assert "Leaflet" in html and "Supercluster" in html and "heatLayer" in html


def test_map_refuses_its_input_and_bad_paths(cli, reports, tmp_path):
    r = cli("map", str(reports), "-o", str(reports))
    assert r.returncode == 2  # not an .html name
    same = tmp_path / "in.html"
    same.write_text(reports.read_text(encoding="utf-8"), encoding="utf-8")
    r = cli("map", str(same), "-o", str(same))
    assert r.returncode == 1 and "overwrite the input" in r.stderr
    r = cli("map", str(reports), "-o", str(tmp_path / "x.html"), "--levels", "4")
    assert r.returncode == 2


def test_bad_records_are_named_kept_and_counted(cli, reports, tmp_path):
    text = reports.read_text(encoding="utf-8") + "{not json\n" + json.dumps(
        {"id": "r9", "status": "located", "mentions": [], "incidents": [{"location": None, "killed": "many?", "type": "attack"}]}) + "\n"
    bad = tmp_path / "bad.jsonl"
    bad.write_text(text, encoding="utf-8")
    out, rej = tmp_path / "m.html", tmp_path / "rej.jsonl"
    r = cli("map", str(bad), "-o", str(out), "--rejects", str(rej))
    assert r.returncode == 1
    last = r.stderr.strip().splitlines()[-1]
    n = [int(x) for x in re.findall(r"\d+", last)]
    assert n[0] == n[1] + n[2] + n[3] and n[3] == 2
    assert "line 3" in r.stderr and out.exists()
    assert len(rej.read_text(encoding="utf-8").splitlines()) == 2
    out2 = tmp_path / "strict.html"
    r = cli("map", str(bad), "-o", str(out2), "--strict")
    assert r.returncode == 1 and not out2.exists()


def test_explore_returns_a_folium_map(reports, gaz):
    import folium

    import geoinc

    inc = geoinc.read_incidents(reports)
    m = geoinc.explore(inc, title="t")
    assert isinstance(m, folium.Map)
    html = m.get_root().render()
    assert "geoinc.plugins.points" in html and "geoinc.plugins.choropleth" in html
