"""``geoinc export``: incidents -> GeoJSON (RFC 7946), GeoPackage or CSV."""

from __future__ import annotations

import argparse
import sys

from ._incidents import add_input_arguments

HELP = "export incidents or per-region counts to GeoJSON (RFC 7946), GeoPackage or CSV"
DESCRIPTION = """The format follows the output's extension:
  .geojson  RFC 7946: WGS84 longitude/latitude, no 'crs' member, polygons counter-clockwise,
            6-decimal coordinates; one feature per incident with the incident fields
            (unlocated incidents have a null geometry)
  .gpkg     GeoPackage with an 'incidents' point layer and 'by_admin1', 'by_admin2',
            'by_admin3', 'by_region' aggregate layers (only the --by one when given)
  .csv      the incident fields with lat/lon (aggregates: with the polygon as WKT)
--by admin1|admin2|admin3|region exports per-unit counts (incidents, killed, injured, arrested,
first/last date) with each unit's polygon instead of incidents."""
EXAMPLE = """geoinc export incidents.jsonl -o incidents.geojson
geoinc export incidents.jsonl -o by_governorate.geojson --by admin1
geoinc export acled_syria.csv -o acled.gpkg
geoinc export incidents.jsonl -o incidents.csv --bom   # Excel shows the Arabic correctly"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("input", metavar="INPUT", help="incident file (.jsonl from geoinc extract, .csv/.xlsx/.geojson/.gpkg, ACLED/UCDP export)")
    p.add_argument("--output", "-o", metavar="FILE", required=True, help="the file to write: .geojson, .gpkg or .csv")
    p.add_argument("--by", choices=["admin1", "admin2", "admin3", "region"], help="export per-unit aggregates with polygons")
    p.add_argument("--driver", choices=["geojson", "gpkg", "csv"], help="output format when the extension does not say")
    p.add_argument("--bom", action="store_true", help="CSV: start with a UTF-8 byte-order mark (for Excel)")
    add_input_arguments(p)


def run(args: argparse.Namespace) -> int:
    from ..export.writers import _format_of
    from ..io.atomic import check_output_paths

    try:
        _format_of(args.output, args.driver)
    except ValueError as e:
        print(f"geoinc export: {e}", file=sys.stderr)
        return 2
    check_output_paths([args.output, args.rejects], [args.input])

    from ..export import to_file
    from ._incidents import close, read

    incidents, tally, rejects = read(args, "export")
    if incidents is None:
        return 1
    to_file(incidents, args.output, by=args.by, driver=args.driver, bom=args.bom)
    return close(args, tally, rejects)
