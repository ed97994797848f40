"""What the commands that read incident files (summary, map, export) share: their input
options, reading with accounting, the --strict stop, and the closing lines."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def add_input_arguments(p: argparse.ArgumentParser) -> None:
    """--format, --sheet, --encoding, --fix-swapped, --rejects, --strict."""
    p.add_argument("--format", choices=["extract", "table", "acled", "ucdp"], help="input format (default: detected)")
    p.add_argument("--sheet", metavar="NAME", help="spreadsheet sheet or GeoPackage layer to read")
    p.add_argument("--encoding", metavar="ENC", help="input encoding (default: detected)")
    p.add_argument("--fix-swapped", action="store_true",
                   help="repair latitude/longitude pairs that are the wrong way round (when swapping lands in Syria), "
                        "with a warning, instead of rejecting them")
    p.add_argument("--rejects", metavar="FILE", help="write rejected input records with their reasons (JSON lines)")
    p.add_argument("--strict", action="store_true", help="stop at the first bad record; write nothing")


def read(args: argparse.Namespace, command: str) -> tuple[Any, Any, Any]:
    """``(incidents or None, tally, rejects)``: None when --strict stopped at a bad record, in
    which case the rejects and the accounting line are already written."""
    from ..incidents import read_incidents
    from ..io.accounting import RecordError, Rejects, Tally

    tally, rejects = Tally("located", "unlocated"), Rejects()
    try:
        inc = read_incidents(args.input, format=args.format, encoding=args.encoding, sheet=args.sheet,
                             tally=tally, rejects=rejects, strict=args.strict, fix_swapped=args.fix_swapped)
    except RecordError as e:
        print(f"geoinc {command}: stopped at the first bad record (--strict): {e}; nothing written", file=sys.stderr)
        close(args, tally, rejects)
        return None, tally, rejects
    return inc, tally, rejects


def close(args: argparse.Namespace, tally, rejects, *lines: str) -> int:
    """Write --rejects, print ``lines`` then the accounting line; the exit code (1 if any rejected)."""
    if args.rejects:
        rejects.write(args.rejects)
    for line in lines:
        print(line, file=sys.stderr)
    tally.print()
    return 1 if tally.rejected else 0
