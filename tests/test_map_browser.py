"""Maps opened in real headless Chromium: hostile reports stay text, offline maps need no network.

These run wherever Chromium is installed (CI installs Debian's ``chromium``); elsewhere they skip
and say why.
"""

from __future__ import annotations

import json

import pytest

from browser import Browser, find_chromium
from test_map_cli import HOSTILE_EXCERPTS, LONG, write_reports

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(find_chromium() is None, reason="no Chromium found: install the 'chromium' package (CI does) or set $CHROMIUM"),
]

APP = "geoinc.apps[0]"


@pytest.fixture(scope="module")
def hostile_map(tmp_path_factory, gaz):
    import subprocess
    import sys

    d = tmp_path_factory.mktemp("hostile")
    src = d / "reports.jsonl"
    write_reports(src, gaz, hostile=True)
    out = d / "hostile.html"
    r = subprocess.run([sys.executable, "-m", "geoinc", "map", str(src), "-o", str(out), "--offline",
                        "--title", "Hostile test map"], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    return out


@pytest.fixture(scope="module")
def page(hostile_map):
    with Browser(offline=True) as b:
        b.open(hostile_map)
        ready = b.eval("window.geoincReady")
        assert ready["drawn"] == 5
        assert b.eval("window.geoincText") == 5  # the report texts, read after the map is drawn
        yield b


def _open_all_popups(b) -> list[str]:
    """Open every incident's popup through the map's own UI path; return each popup's text."""
    return b.eval(f"""(() => {{
        const app = {APP}, texts = [];
        app.map.setView([34.5, 37.5], 17);               // deepest zoom: every point is its own marker or a stack
        for (let i = 0; i < app.data.pts.t.length; i++) {{
            const pop = L.popup().setLatLng([33, 36]).setContent(app.popup(i)).openOn(app.map);
            texts.push(pop.getElement().querySelector('.leaflet-popup-content').textContent);
        }}
        return texts;
    }})()""")


def test_no_script_from_the_reports_runs(page):
    texts = _open_all_popups(page)
    # open the cluster/list popups and tooltips too
    page.eval(f"""(() => {{ const app = {APP};
        app.map.fitBounds([[32.3, 35.6], [37.3, 42.4]]);
        document.querySelectorAll('.geoinc-cluster').forEach(c => c.dispatchEvent(new MouseEvent('click', {{bubbles: true}})));
        app.points.layer.eachLayer(l => {{ if (l.openPopup) l.openPopup(); if (l.openTooltip) l.openTooltip(); }});
        return true; }})()""")
    assert page.eval("typeof window.__pwned") == "undefined"
    assert page.eval("document.title") == "Hostile test map"
    assert page.eval("document.getElementById('pwned-img') === null")
    # nothing from the reports became an element: no <img>, <svg>, <b> or extra <script> in the map
    assert page.eval("document.querySelectorAll('#' + geoinc.apps[0].map.getContainer().id + ' img:not(.leaflet-tile), svg image, b[onmouseover]').length") == 0
    assert page.eval("[...document.querySelectorAll('a')].filter(a => /^\\s*javascript:/i.test(a.getAttribute('href') || '')).length") == 0
    assert texts and len(texts) == 5


def test_hostile_text_shows_as_written(page):
    texts = "\n".join(_open_all_popups(page))
    for x in HOSTILE_EXCERPTS:
        assert x.strip() in texts
    assert LONG.strip()[:200] in texts  # long text is shown (clipped with an ellipsis), not dropped
    assert "<b onmouseover=window.__pwned=7>Src</b>" in texts  # the source name, as text
    assert "<svg onload=window.__pwned=6>" in texts
    # right-to-left text keeps its direction: every popup (an incident's or a list) lets the
    # browser pick it (which popups are still open depends on the earlier tests)
    dirs = page.eval("[...document.querySelectorAll('.geoinc-popup')].map(e => e.getAttribute('dir'))")
    assert dirs and set(dirs) == {"auto"}


def test_links_only_for_http(page):
    hrefs = page.eval(f"""(() => {{ const app = {APP}, out = [];
        for (let i = 0; i < app.data.pts.t.length; i++)
            app.popup(i).querySelectorAll('a[href]').forEach(a => out.push(a.href));
        return out; }})()""")
    assert hrefs and all(h.startswith("https://example.org/") for h in hrefs)


def test_offline_map_fetches_nothing(page):
    urls = page.requests()
    assert urls, "the page made no requests at all?"
    assert all(u.startswith(("file:", "data:", "about:")) for u in urls), [u for u in urls if not u.startswith(("file:", "data:"))]
    # and it drew: boundaries, the choropleth, the cluster/points layer and the area polygon
    assert page.eval("document.querySelectorAll('.leaflet-overlay-pane canvas').length") >= 1
    drawn = page.eval(f"(() => {{ let n = 0; {APP}.map.eachLayer(l => {{ if (l.feature) n++; }}); return n; }})()")
    assert drawn > 14  # 14 governorates of the basemap and choropleth, plus the area polygon
    assert page.eval("document.querySelectorAll('.leaflet-control-layers-overlays label').length") >= 6


def test_time_slider_and_search(page):
    counts = page.eval(f"""(() => {{ const app = {APP};
        const n = () => app.points.index().points.length;
        const all = n();
        const input = document.querySelector('.geoinc-time input[type=range]');
        input.value = input.min; input.dispatchEvent(new Event('input'));
        const first = n();
        input.value = input.max; input.dispatchEvent(new Event('input'));
        return [all, first, n()]; }})()""")
    assert counts == [4, 1, 4]  # 4 point incidents (the 5th is an area); on the first day only Darayya
    found = page.eval("""(() => { const q = document.querySelector('.geoinc-search input');
        q.value = 'درعا'; q.dispatchEvent(new Event('input'));
        return [...document.querySelectorAll('.geoinc-search-results a')].map(a => a.textContent); })()""")
    assert any("Daraa" in f or "Dar'a" in f for f in found), found
