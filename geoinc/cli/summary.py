"""``geoinc summary``: incidents counted by region and period."""

from __future__ import annotations

import argparse
import sys

from ._incidents import add_input_arguments

HELP = "count incidents by region and period (table, CSV/MD/JSON/XLSX, chart, report)"
DESCRIPTION = """INPUT is 'geoinc extract' output (JSON lines), an incident table (CSV, TSV, XLSX, GeoJSON,
GeoPackage with latitude/longitude, lat/lon, x/y, a geometry or a place column) or an ACLED or
UCDP GED export; the kind is detected (or named with --format).

The CSV has one row per region and period: region (pcode or region id; 'unassigned' and
'outside' for the rest), name, name_ar, period, incidents, arrested, killed, injured,
type_<type>..., area_km2, density (incidents per 1,000 km², equal-area).
Incidents located only at a coarser level (a governorate for --by admin2) count as 'unassigned'
at the finer level, never spread. The line 'incidents N = in units A + unassigned B + outside C'
reconciles the totals; rows with impossible coordinates are rejected by row number."""
EXAMPLE = """geoinc summary incidents.jsonl --by admin1 --period month
geoinc summary acled.csv --by region --period week --type strike --since 2025-01-01 -o weekly.csv
geoinc summary ucdp_ged.csv --by admin2 --fill -o by_district.xlsx --chart by_district.png --report"""


def _types(s: str) -> list[str]:
    return [t.strip().lower() for t in s.split(",") if t.strip()]


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("input", metavar="INPUT", help="incident file ('-' for stdin)")
    p.add_argument("--by", choices=["admin1", "admin2", "admin3", "region"], default="admin1",
                   help="governorate, district, subdistrict or named region (default admin1)")
    p.add_argument("--period", choices=["day", "week", "month", "year"], help="one row per region and period")
    p.add_argument("--type", dest="types", type=_types, action="append", metavar="TYPE[,TYPE]",
                   help="keep only these incident types (arrest raid attack strike clash explosion seizure other)")
    p.add_argument("--since", metavar="DATE", help="keep incidents dated on or after DATE (YYYY-MM-DD)")
    p.add_argument("--until", metavar="DATE", help="keep incidents dated on or before DATE")
    p.add_argument("--fill", action="store_true", help="zero rows for regions and periods with no incidents")
    p.add_argument("--lang", choices=["en", "ar"], default="en", help="names in the terminal table and report")
    p.add_argument("--output", "-o", metavar="FILE", help="write the summary: .csv, .md, .json or .xlsx")
    p.add_argument("--chart", metavar="FILE", help="draw the summary: .png, .svg or .pdf")
    p.add_argument("--report", nargs="?", const="-", metavar="FILE",
                   help="a short report (top regions, change, largest incidents) to stdout or FILE")
    p.add_argument("--top", type=int, default=5, metavar="N", help="regions and incidents in the report and chart (default 5)")
    add_input_arguments(p)


def _date(s: str | None, flag: str):
    if s is None:
        return None
    import pandas as pd

    try:
        return pd.Timestamp(s)
    except ValueError:
        raise SystemExit(f"geoinc summary: {flag} {s!r} is not a date (use YYYY-MM-DD)") from None


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ..io.atomic import atomic_write, check_output_paths

    for flag, path, sufs in (("-o", args.output, (".csv", ".md", ".json", ".xlsx")), ("--chart", args.chart, (".png", ".svg", ".pdf"))):
        if path and Path(path).suffix.lower() not in sufs:
            print(f"geoinc summary: {flag} {path}: use one of {', '.join(sufs)}", file=sys.stderr)
            return 2
    check_output_paths([args.output, args.chart, args.report, args.rejects], [args.input])
    types = sorted({t for group in args.types or [] for t in group})
    from ..incidents.schema import INCIDENT_TYPES

    bad = [t for t in types if t not in INCIDENT_TYPES]
    if bad:
        print(f"geoinc summary: unknown --type {', '.join(bad)} (use {', '.join(INCIDENT_TYPES)})", file=sys.stderr)
        return 2
    try:
        since, until = _date(args.since, "--since"), _date(args.until, "--until")
    except SystemExit as e:
        print(e, file=sys.stderr)
        return 2

    from ..aggregate import aggregate
    from ..aggregate.summary import format_table, write_summary
    from ._incidents import close, read

    inc, tally, rejects = read(args, "summary")
    if inc is None:
        return 1
    agg = aggregate(inc, by=args.by, period=args.period, fill=args.fill, types=types or None, since=since, until=until)
    rec = agg.attrs["reconciliation"]
    if args.output:
        write_summary(agg, args.output)
    elif args.report != "-":
        sys.stdout.write(format_table(agg, lang=args.lang))
    if args.chart:
        from ..aggregate.chart import draw_chart

        draw_chart(agg, args.chart, top=max(1, args.top))
    if args.report:
        from ..aggregate.report import build_report

        text = build_report(agg, inc, lang=args.lang, top=max(1, args.top))
        with atomic_write(args.report) as fh:
            fh.write(text)
    return close(args, tally, rejects, rec.line())
