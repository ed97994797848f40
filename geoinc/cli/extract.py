"""``geoinc extract``: reports to place mentions and incidents (JSON lines)."""

from __future__ import annotations

import argparse
import json
import sys

HELP = "find place mentions and incidents in English and Arabic reports (JSON lines)"
DESCRIPTION = """INPUT is a .jsonl file (objects with "id", "text", optional "published", "lang", "url",
"source", "title"), a CSV/TSV/XLSX with a text column, a .txt file, a folder of .txt files (id = file
name) or '-' for standard input. Each output line is one report:
{"id", "lang", "published", "mentions": [{"text", "start", "end", "place": PLACE|null, "role", "confidence"}],
 "incidents": [{"location": PLACE|null, "precision", "date", "date_text", "type", "arrested", "killed",
 "injured", "mentions", "excerpt"}], "status": "located"|"unlocated"|"rejected", "error"}
The first incident is the report's main event. Bad records get status "rejected" with the reason."""
EXAMPLE = """geoinc extract examples/reports.jsonl -o incidents.jsonl
geoinc extract reports.csv --text-column notes -o out.jsonl --rejects rejects.jsonl
geoinc extract reports/ -o out.jsonl            # a folder of .txt files
echo 'Clashes broke out in Jisr al-Shughur on Friday.' | geoinc extract - --published 2024-05-12"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("input", metavar="INPUT", help="reports: .jsonl, .csv/.tsv/.xlsx, .txt, a folder of .txt, or '-'")
    p.add_argument("--output", "-o", metavar="FILE", default="-", help="where to write JSON lines (default: stdout)")
    p.add_argument("--text-column", metavar="NAME", help="the text column of a CSV/XLSX (default: text, then notes)")
    p.add_argument("--sheet", metavar="NAME", help="XLSX sheet (default: the first)")
    p.add_argument("--published", metavar="YYYY-MM-DD", help="publication date for records that have none")
    p.add_argument("--lang", choices=["en", "ar"], help="language of records that do not say (default: detected)")
    p.add_argument("--encoding", metavar="ENC", help="input encoding (default: detected)")
    p.add_argument("--rejects", metavar="FILE", help="write rejected records with their reasons (JSON lines)")
    p.add_argument("--strict", action="store_true", help="stop at the first bad record (exit 1)")
    p.add_argument("--no-rejected-lines", action="store_true", help="do not write output lines for rejected records")


def run(args: argparse.Namespace) -> int:
    from ..extract import Extractor
    from ..io.accounting import Rejects, Tally
    from ..io.atomic import check_output_paths

    check_output_paths([args.output, args.rejects], [args.input])
    if args.published:
        from ..extract.dates import parse_published

        if parse_published(args.published) is None:
            print(f"geoinc extract: --published {args.published!r} is not a date (YYYY-MM-DD)", file=sys.stderr)
            return 2
    ex = Extractor()
    tally = Tally("located", "unlocated")
    rejects = Rejects()
    stopped = False
    try:
        _extract_all(args, ex, tally, rejects)
    except _Stopped:
        stopped = True
    if args.rejects:
        rejects.write(args.rejects)
    tally.print()
    if stopped:
        print("geoinc extract: stopped at the first bad record (--strict); nothing was written", file=sys.stderr)
    return 1 if tally.rejected else 0


class _Stopped(Exception):
    """--strict met a bad record: abandon the output (the atomic write leaves no file)."""


def _extract_all(args: argparse.Namespace, ex, tally, rejects) -> None:
    """Extract every record into the output (written atomically); raises _Stopped for --strict."""
    from ..io.accounting import RecordError
    from ..io.atomic import atomic_write
    from ..io.progress import progress
    from ..io.reports import read_reports

    with atomic_write(args.output) as out:
        for rec in progress(read_reports(args.input, args.text_column, args.encoding, args.sheet), "extracting"):
            if isinstance(rec, RecordError):
                tally.reject(rec)
                rejects.add(rec)
                if not args.no_rejected_lines:
                    rid = rec.record_id if rec.record_id is not None else rec.where
                    out.write(json.dumps({"id": rid, "lang": None, "published": None, "mentions": [], "incidents": [],
                                          "status": "rejected", "error": str(rec)}, ensure_ascii=False) + "\n")
                if args.strict:
                    raise _Stopped()
                continue
            res = ex(rec["text"], published=rec.get("published") or args.published, lang=rec.get("lang") or args.lang,
                     id=rec.get("id"), url=rec.get("url"), source=rec.get("source"), title=rec.get("title"))
            if res["status"] == "rejected":
                err = RecordError(str(args.input), str(rec.get("id")), res["error"], field="text", record_id=rec.get("id"))
                tally.reject(err)
                rejects.add(err, rec.get("id"))
                if args.strict:
                    raise _Stopped()
                if args.no_rejected_lines:
                    continue
            else:
                tally.add("ok" if res["status"] == "located" else "not_ok")
            out.write(json.dumps(res, ensure_ascii=False) + "\n")
