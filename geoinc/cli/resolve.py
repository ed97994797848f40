"""``geoinc resolve``: place names to gazetteer places."""

from __future__ import annotations

import argparse
import json
import sys

HELP = "resolve place names to gazetteer places (JSON lines)"
DESCRIPTION = """Each output line is {"id", "name", "place": PLACE or null, "candidates": [PLACE...]},
PLACE = {"id", "name", "name_ar", "kind", "lat", "lon", "admin1", "admin2", "admin3", "score"}.
A name with no certain match gets "place": null and its candidates."""
EXAMPLE = """geoinc resolve Daraya 'Rural Damascus' 'محافظة حماه'
geoinc resolve Suran --admin1 SY05
geoinc resolve --input names.jsonl -o resolved.jsonl   # lines {"id": 1, "name": "Souran", "admin1": "Hama"}"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("names", nargs="*", metavar="NAME", help="place names to resolve")
    p.add_argument("--input", "-i", metavar="FILE", help="JSON lines with 'id', 'name', optional 'admin1' and 'context' (text around the name) ('-' for stdin)")
    p.add_argument("--output", "-o", metavar="FILE", default="-", help="where to write JSON lines (default: stdout)")
    p.add_argument("--admin1", metavar="PCODE_OR_NAME", help="governorate hint for the NAME arguments")
    p.add_argument("--kind", choices=["governorate", "district", "subdistrict", "town", "neighbourhood", "region", "site"], help="kind hint")
    p.add_argument("--candidates", type=int, default=5, metavar="N", help="how many candidates to list (default 5)")
    p.add_argument("--min-score", type=float, default=0.6, metavar="S", help="lowest score accepted as a resolution (default 0.6)")
    p.add_argument("--encoding", metavar="ENC", help="input encoding (default: detected)")
    p.add_argument("--rejects", metavar="FILE", help="write rejected input lines with their reasons (JSON lines)")
    p.add_argument("--strict", action="store_true", help="stop at the first bad input line")


def _records(args: argparse.Namespace):
    from ..io.jsonl import iter_jsonl

    for i, n in enumerate(args.names, start=1):
        yield i, {"id": i, "name": n, "admin1": args.admin1}
    if args.input:
        yield from iter_jsonl(args.input, args.encoding)


def run(args: argparse.Namespace) -> int:
    from ..gazetteer import Gazetteer
    from ..io.accounting import RecordError, Rejects, Tally
    from ..io.atomic import atomic_write, check_output_paths

    if not args.names and not args.input:
        print("geoinc resolve: give NAME arguments or --input FILE (see --help)", file=sys.stderr)
        return 2
    check_output_paths([args.output, args.rejects], [args.input])
    gaz = Gazetteer.load()
    tally = Tally("resolved", "unresolved")
    rejects = Rejects()
    src = "<stdin>" if args.input == "-" else (args.input or "<args>")
    with atomic_write(args.output) as out:
        for lineno, rec in _records(args):
            if isinstance(rec, RecordError):
                tally.reject(rec)
                rejects.add(rec)
                if args.strict:
                    break
                continue
            name = rec.get("name")
            if not isinstance(name, str) or not name.strip():
                err = RecordError(src, f"line {lineno}", "missing or empty 'name'", field="name", record_id=rec.get("id"))
                tally.reject(err)
                rejects.add(err, rec)
                if args.strict:
                    break
                continue
            hint = rec.get("admin1")
            ctx = rec.get("context")
            cands = gaz.candidates(name, admin1=hint if isinstance(hint, str) else None, kind=args.kind,
                                   limit=max(1, args.candidates), context=ctx if isinstance(ctx, str) else None)
            place = cands[0] if cands and cands[0].score >= args.min_score else None
            tally.add("ok" if place else "not_ok")
            out.write(json.dumps({
                "id": rec.get("id", lineno), "name": name,
                "place": place.to_dict() if place else None,
                "candidates": [c.to_dict() for c in cands[: args.candidates]],
            }, ensure_ascii=False) + "\n")
    if args.rejects:
        rejects.write(args.rejects)
    tally.print()
    return 1 if tally.rejected else 0
