"""The ``geoinc`` command line.

Each command lives in its own module of this package with ``HELP`` (one line), ``EXAMPLE``,
``add_arguments(parser)`` and ``run(args) -> int``. Modules import heavy libraries inside
``run`` so that ``geoinc --help`` stays fast.

Exit codes: 0 ok; 1 bad input or partial failure (a message names the record); 2 usage error.
"""

from __future__ import annotations

import argparse
import importlib
import sys

__all__ = ["main", "COMMANDS"]

#: (command, module) in the order ``geoinc --help`` lists them: the data flow.
COMMANDS = [
    ("resolve", "geoinc.cli.resolve"),
    ("extract", "geoinc.cli.extract"),
    ("summary", "geoinc.cli.summary"),
    ("map", "geoinc.cli.map"),
    ("export", "geoinc.cli.export"),
]


class _Formatter(argparse.RawDescriptionHelpFormatter):
    pass


def build_parser() -> argparse.ArgumentParser:
    from .. import __version__

    p = argparse.ArgumentParser(
        prog="geoinc",
        description="Turn reports of security incidents in Syria into mapped, counted, exportable incidents.",
        epilog=(
            "Data flow: read -> extract/resolve -> incidents -> aggregate -> map/export.\n"
            "Run 'geoinc COMMAND --help' for a command's options and an example.\n"
            "Exit codes: 0 ok, 1 bad input or partial failure, 2 usage error."
        ),
        formatter_class=_Formatter,
    )
    p.add_argument("--version", action="version", version=f"geoinc {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    for name, modname in COMMANDS:
        try:
            mod = importlib.import_module(modname)
        except ModuleNotFoundError as e:
            if e.name == modname:
                continue  # command not built in this version
            raise
        sp = sub.add_parser(
            name,
            help=mod.HELP,
            description=mod.HELP + ("\n\n" + mod.DESCRIPTION if getattr(mod, "DESCRIPTION", "") else ""),
            epilog="example:\n  " + mod.EXAMPLE.strip().replace("\n", "\n  "),
            formatter_class=_Formatter,
        )
        mod.add_arguments(sp)
        sp.set_defaults(_run=mod.run)
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "_run", None):
        parser.print_help()
        return 2
    try:
        return int(args._run(args) or 0)
    except KeyboardInterrupt:
        print("geoinc: interrupted; no partial output was written", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except (FileNotFoundError, IsADirectoryError, PermissionError) as e:
        print(f"geoinc: {e}", file=sys.stderr)
        return 1
    except Exception as e:  # an input problem that escaped the per-record handling
        from ..io.atomic import OutputError

        if isinstance(e, (OutputError, ValueError)):
            print(f"geoinc: {e}", file=sys.stderr)
            return 1
        raise


if __name__ == "__main__":
    raise SystemExit(main())
