"""``geoinc export``: incidents -> GeoJSON (RFC 7946), GeoPackage or CSV."""

from __future__ import annotations

import argparse
import sys

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
    p.add_argument("--format", choices=["extract", "table", "acled", "ucdp"], help="input format (default: detected)")
    p.add_argument("--sheet", metavar="NAME", help="spreadsheet sheet or GeoPackage layer to read")
    p.add_argument("--encoding", metavar="ENC", help="input encoding (default: detected)")
    p.add_argument("--rejects", metavar="FILE", help="write rejected input records with their reasons (JSON lines)")
    p.add_argument("--strict", action="store_true", help="stop at the first bad record; write nothing")


def run(args: argparse.Namespace) -> int:
    from ..export.writers import _format_of
    from ..io.accounting import RecordError, Rejects, Tally
    from ..io.atomic import check_output_path

    try:
        _format_of(args.output, args.driver)
    except ValueError as e:
        print(f"geoinc export: {e}", file=sys.stderr)
        return 2
    check_output_path(args.output, [args.input])
    if args.rejects:
        check_output_path(args.rejects, [args.input])

    from ..export import to_file
    from ..incidents import read_incidents

    tally, rejects = Tally(), Rejects()
    try:
        incidents = read_incidents(args.input, format=args.format, encoding=args.encoding, sheet=args.sheet,
                                   tally=tally, rejects=rejects, strict=args.strict)
    except RecordError as e:
        if args.rejects:
            rejects.write(args.rejects)
        print(f"geoinc export: stopped at the first bad record (--strict): {e}; nothing written", file=sys.stderr)
        tally.print()
        return 1
    to_file(incidents, args.output, by=args.by, driver=args.driver, bom=args.bom)
    if args.rejects:
        rejects.write(args.rejects)
    tally.print()
    return 1 if tally.rejected else 0
