"""The demo `make demo` runs: the whole pipeline on the bundled example reports.

    resolve examples/names.jsonl                      (place names -> places)
    extract examples/reports.jsonl -> maps/demo.jsonl (reports -> mentions and incidents)
    map     maps/demo.jsonl -> maps/demo.html         (interactive map)
    export  maps/demo.jsonl -> maps/demo.geojson, maps/demo.gpkg
    summary maps/demo.jsonl --by admin1 -> maps/demo-summary.csv / .md

Each step is the real `geoinc` command, run as a user would. A step whose command exits with 2
(usage) or crashes stops the demo; exit code 1 (some records rejected) is reported and the demo
goes on, as the tool itself does.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
MAPS = ROOT / "maps"
GEOINC = [sys.executable, "-m", "geoinc"]


def geoinc(*args: str, capture: bool = False) -> subprocess.CompletedProcess:
    print(f"\n$ geoinc {' '.join(args)}", flush=True)
    r = subprocess.run(GEOINC + list(args), cwd=ROOT, capture_output=capture, text=True)
    if r.returncode not in (0, 1):
        if capture:
            print(r.stdout, r.stderr, sep="\n")
        raise SystemExit(f"demo: 'geoinc {args[0]}' failed with exit code {r.returncode}")
    return r


def show_resolutions() -> None:
    r = geoinc("resolve", "--input", "examples/names.jsonl", "--candidates", "1", capture=True)
    for line in r.stdout.splitlines():
        rec = json.loads(line)
        p = rec["place"]
        where = (f"{p['name']} / {p['name_ar']} ({p['kind']} {p['id']}, {p['lat']:.4f}, {p['lon']:.4f})"
                 if p else "unresolved")
        print(f"  {rec['name']:<28} -> {where}")
    print(r.stderr.strip())


def main() -> None:
    MAPS.mkdir(exist_ok=True)
    show_resolutions()
    geoinc("extract", "examples/reports.jsonl", "-o", "maps/demo.jsonl")
    # --offline: every script inlined, the gazetteer boundaries as basemap: opens with no network
    geoinc("map", "maps/demo.jsonl", "-o", "maps/demo.html", "--offline", "--title", "geoinc demo: example reports")
    geoinc("export", "maps/demo.jsonl", "-o", "maps/demo.geojson")
    geoinc("export", "maps/demo.jsonl", "-o", "maps/demo.gpkg", "--by", "admin1")
    geoinc("summary", "maps/demo.jsonl", "--by", "admin1", "-o", "maps/demo-summary.csv")
    geoinc("summary", "maps/demo.jsonl", "--by", "admin1", "-o", "maps/demo-summary.md")
    geoinc("summary", "maps/demo.jsonl", "--by", "admin1", "--report")
    print(f"\nwrote: {', '.join(sorted(p.name for p in MAPS.iterdir() if p.name.startswith('demo')))} in maps/")
    print(f"open maps/demo.html in a browser (file://{MAPS / 'demo.html'})")


if __name__ == "__main__":
    main()
