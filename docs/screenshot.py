"""Take the README screenshot of a map with headless Chromium: docs/demo-map.png.

    .venv/bin/python docs/screenshot.py                 # the demo incidents (maps/demo.jsonl, `make demo`)
    .venv/bin/python docs/screenshot.py --synthetic     # else a map of 3,000 synthetic incidents

The map is built offline (the gazetteer's boundaries as basemap), so no network is needed.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "bench")]


def main(argv: list[str]) -> None:
    from browser import Browser

    from geoinc.render import build_map, save_map

    demo = ROOT / "maps" / "demo.jsonl"
    html = Path(tempfile.mkdtemp()) / "demo.html"
    if demo.exists() and "--synthetic" not in argv:
        import geoinc

        save_map(build_map(geoinc.read_incidents(demo), title="geoinc demo: example reports", offline=True), html)
    else:
        from map_bench import synthetic

        save_map(build_map(synthetic(3000), title="geoinc: 3,000 synthetic incidents", offline=True), html)
    with Browser(width=1280, height=820, offline=True) as b:
        b.open(html)
        b.eval("window.geoincReady")
        b.eval("""(() => { const app = geoinc.apps[0];
            app.map.fitBounds([[32.4, 35.7], [37.2, 42.3]]);
            return new Promise(r => setTimeout(r, 600)); })()""")
        out = ROOT / "docs" / "demo-map.png"
        b.screenshot(out)
        print(f"wrote {out} from {html}")


if __name__ == "__main__":
    main(sys.argv[1:])
