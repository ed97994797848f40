"""Take the README screenshot of a map with headless Chromium: docs/demo-map.png.

    .venv/bin/python docs/screenshot.py                 # maps/demo.html if `make demo` made it
    .venv/bin/python docs/screenshot.py --synthetic     # else a map of 3,000 synthetic incidents
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "bench")]


def main(argv: list[str]) -> None:
    from browser import Browser

    html = ROOT / "maps" / "demo.html"
    if "--synthetic" in argv or not html.exists():
        from map_bench import synthetic

        from geoinc.render import build_map, save_map

        html = Path(tempfile.mkdtemp()) / "synthetic.html"
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
