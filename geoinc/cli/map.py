"""``geoinc map``: incidents -> one self-contained interactive HTML map."""

from __future__ import annotations

import argparse
import sys

from ._incidents import add_input_arguments

HELP = "draw incidents on an interactive HTML map (folium/Leaflet; --offline works with no network)"
DESCRIPTION = """Reads incidents (geoinc extract JSON lines, an incident table, or an ACLED/UCDP export) and
writes one HTML file: incident points coloured by type and sized by casualties, clustered at low
zoom, with popups (date, type, counts, place in English and Arabic, precision, the report's words,
source link); incidents located only to a governorate or region drawn as that area; choropleths by
governorate, district and subdistrict; a heat map; a time slider; place search; layer control,
fullscreen and scale bar. Report text is shown as text, never run.

--offline inlines every script and stylesheet and uses the gazetteer's own boundaries instead of
web tiles, so the file works with no network at all."""
EXAMPLE = """geoinc map incidents.jsonl -o maps/incidents.html --title 'Arrests in Daraa, 2024'
geoinc map acled_syria.csv -o maps/acled.html --offline
geoinc map reports.xlsx --sheet Incidents -o maps/x.html --rejects rejected.jsonl"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("input", metavar="INPUT", help="incident file (.jsonl from geoinc extract, .csv/.xlsx/.geojson/.gpkg, ACLED/UCDP export)")
    p.add_argument("--output", "-o", metavar="FILE.html", required=True, help="the HTML map to write")
    p.add_argument("--title", metavar="TEXT", help="map title (default: 'Security incidents in Syria')")
    p.add_argument("--offline", action="store_true", help="inline all scripts and styles and draw the gazetteer's boundaries instead of web tiles")
    p.add_argument("--tiles", default="positron,osm", metavar="NAMES", help="web basemaps offered, first shown: positron, osm (default: positron,osm)")
    p.add_argument("--levels", default="1,2,3", metavar="L", help="choropleth admin levels (default 1,2,3; '' for none)")
    p.add_argument("--no-heat", action="store_true", help="leave out the heat map layer")
    p.add_argument("--excerpt-chars", type=int, default=280, metavar="N", help="longest report excerpt shown in a popup (default 280)")
    add_input_arguments(p)


def _levels(text: str) -> tuple[int, ...]:
    out = []
    for bit in (text or "").replace(" ", "").split(","):
        if not bit:
            continue
        if bit not in ("1", "2", "3"):
            raise ValueError(f"--levels: {bit!r} is not an admin level (1, 2 or 3)")
        out.append(int(bit))
    return tuple(out)


def run(args: argparse.Namespace) -> int:
    from ..io.atomic import check_output_paths

    if not args.output.lower().endswith((".html", ".htm")):
        print(f"geoinc map: the output must be an .html file, not {args.output!r}", file=sys.stderr)
        return 2
    tiles = tuple(t for t in args.tiles.replace(" ", "").split(",") if t)
    from ..render.plugins.controls import TILES

    bad = [t for t in tiles if t not in TILES]
    if bad:
        print(f"geoinc map: unknown --tiles {bad[0]!r}; choose from {', '.join(TILES)}", file=sys.stderr)
        return 2
    try:
        levels = _levels(args.levels)
    except ValueError as e:
        print(f"geoinc map: {e}", file=sys.stderr)
        return 2
    check_output_paths([args.output, args.rejects], [args.input])

    from ..render import build_map, save_map
    from ._incidents import close, read

    incidents, tally, rejects = read(args, "map")
    if incidents is None:
        return 1
    m = build_map(incidents, title=args.title, offline=args.offline, tiles=tiles or ("positron",),
                  choropleth_levels=levels, heat=not args.no_heat, excerpt_chars=max(40, args.excerpt_chars))
    save_map(m, args.output)
    return close(args, tally, rejects)
