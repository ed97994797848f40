"""Every file of the fuzz corpus through every command: records read / rejected / lost, exceptions escaped.

    .venv/bin/python bench/robustness.py            # all commands, all of tests/data/fuzz
    .venv/bin/python bench/robustness.py --jobs 4 --only summary,map --verbose

Each command runs as a user runs it (``python -m geoinc COMMAND FILE -o OUT --rejects REJ``) on
every corpus file, whatever its kind: a command given the wrong kind of file must still account
for every record and fail cleanly. Per command it prints

- ``runs``      corpus files run;
- ``read``      records read (the N of the closing line ``read N, ...``);
- ``rejected``  records rejected (C);
- ``lost``      records that vanished: N - (A + B + C) when the counts do not add up, rejected
                records missing from ``--rejects``, records of the file a command did not count
                (the corpus manifest knows how many each file holds), and every record of a run
                with no closing line at all (unless the file was refused, below). Must be 0.
- ``refused``   records of files a command refused as a whole with exit 1 and a message naming
                the file but no closing line (e.g. a table with no text column for ``extract``):
                not silently lost, but not accounted record by record either.
- ``escaped``   runs that ended in a Python traceback (an exception escaped). Must be 0.
- ``bad exit``  runs whose exit code disagrees with the outcome (1 when anything was rejected, 0
                when nothing was, never 2 for an input problem).

A last line compares the wall time against the obvious alternative for the same work (the
readers alone, in one process), so the cost of running each command is visible. Exit status is
1 when anything was lost or escaped.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FUZZ = ROOT / "tests" / "data" / "fuzz"
LINE = re.compile(r"^read (\d+), (\w+) (\d+), (\w+) (\d+), rejected (\d+)$")

#: command -> (argument builder, output suffix, the corpus kind it is meant for)
COMMANDS = {
    "resolve": (lambda f, o: ["resolve", "--input", f, "-o", o], ".jsonl", "names"),
    "extract": (lambda f, o: ["extract", f, "-o", o], ".jsonl", "reports"),
    "summary": (lambda f, o: ["summary", f, "-o", o], ".csv", "incidents"),
    "map": (lambda f, o: ["map", f, "-o", o, "--offline"], ".html", "incidents"),
    "export": (lambda f, o: ["export", f, "-o", o], ".geojson", "incidents"),
}


@dataclass
class Run:
    command: str
    file: str
    code: int
    read: int | None = None
    ok: int = 0
    not_ok: int = 0
    rejected: int = 0
    rejects_lines: int = 0
    lost: int = 0
    refused: int = 0
    escaped: bool = False
    bad_exit: bool = False
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0


def available_commands() -> list[str]:
    """Commands this checkout has (a command still being written is skipped)."""
    import importlib.util

    return [c for c in COMMANDS if importlib.util.find_spec(f"geoinc.cli.{c}") is not None]


def supports(command: str, option: str) -> bool:
    r = subprocess.run([sys.executable, "-m", "geoinc", command, "--help"], capture_output=True, text=True, cwd=ROOT)
    return option in r.stdout


def run_one(command: str, name: str, meta: dict, workdir: Path, sheet_ok: bool, timeout: float = 300) -> Run:
    """Run ``command`` on corpus file ``name`` and judge its accounting."""
    build, suffix, kind = COMMANDS[command]
    src = str(FUZZ / name)
    out = workdir / f"{command}-{name}{suffix}"
    rej = workdir / f"{command}-{name}.rejects.jsonl"
    args = build(src, str(out)) + ["--rejects", str(rej)]
    if meta.get("sheet") and sheet_ok:
        args += ["--sheet", meta["sheet"]]
    t0 = time.perf_counter()
    env = dict(os.environ, GEOINC_NO_PROGRESS="1")
    try:
        p = subprocess.run([sys.executable, "-m", "geoinc", *args], capture_output=True, text=True, cwd=ROOT,
                           timeout=timeout, env=env, stdin=subprocess.DEVNULL)
        code, err = p.returncode, p.stderr
    except subprocess.TimeoutExpired as e:
        code, err = -1, (e.stderr or b"").decode("utf-8", "replace") if isinstance(e.stderr, bytes) else (e.stderr or "")
        err += "\n<timeout>"
    r = Run(command, name, code, seconds=time.perf_counter() - t0)
    r.escaped = "Traceback (most recent call last)" in err or code < 0
    lines = [ln for ln in err.splitlines() if LINE.match(ln)]
    expected = meta.get("records")
    if not lines:
        last = (err.strip().splitlines() or [""])[-1]
        r.problems.append(f"no closing 'read N, ...' line (exit {code}): {last}")
        if code == 1 and src in last and not r.escaped:
            r.refused = expected if expected is not None else 1
        else:
            r.lost = expected or 0
        if code == 2:
            r.bad_exit = True
        return r
    if len(lines) > 1 or not LINE.match(err.rstrip("\n").splitlines()[-1]):
        r.problems.append("the closing line is not the last line of stderr, or printed twice")
    n, _, a, _, b, c = LINE.match(lines[-1]).groups()
    r.read, r.ok, r.not_ok, r.rejected = int(n), int(a), int(b), int(c)
    if r.ok + r.not_ok + r.rejected != r.read:
        r.lost += abs(r.read - r.ok - r.not_ok - r.rejected)
        r.problems.append(f"counts do not add up: {lines[-1]}")
    if rej.exists():
        r.rejects_lines = sum(1 for ln in rej.read_text(encoding="utf-8").splitlines() if ln.strip())
    if r.rejects_lines < r.rejected:
        r.lost += r.rejected - r.rejects_lines
        r.problems.append(f"--rejects holds {r.rejects_lines} records, {r.rejected} were rejected")
    if expected is not None and r.read < expected:
        r.lost += expected - r.read
        r.problems.append(f"the file holds {expected} records, the command read {r.read}")
    if (r.rejected > 0) != (code == 1) or code not in (0, 1):
        r.bad_exit = True
        r.problems.append(f"exit code {code} with {r.rejected} rejected")
    if expected is not None and r.rejected < meta.get("min_rejected", 0):
        r.problems.append(f"only {r.rejected} rejected, the file has at least {meta['min_rejected']} broken records")
    return r


def baseline_seconds(names: list[str]) -> float:
    """The readers alone on every corpus file, in this process: the least any command must do."""
    sys.path.insert(0, str(ROOT))
    from geoinc.io.jsonl import iter_jsonl
    from geoinc.io.tables import iter_table

    t0 = time.perf_counter()
    for name in names:
        p = str(FUZZ / name)
        try:
            list(iter_jsonl(p) if name.endswith(".jsonl") else iter_table(p))
        except ValueError:
            pass
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--only", help="comma-separated commands (default: every command this checkout has)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--verbose", "-v", action="store_true", help="list every run with a problem")
    args = ap.parse_args(argv)
    manifest = json.loads((FUZZ / "MANIFEST.json").read_text(encoding="utf-8"))
    commands = [c for c in (args.only.split(",") if args.only else available_commands()) if c in COMMANDS]
    missing = [c for c in COMMANDS if c not in commands]
    names = sorted(manifest)
    sheet_ok = {c: supports(c, "--sheet") for c in commands}
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="geoinc-robust-") as tmp:
        work = Path(tmp)
        jobs = [(c, n) for c in commands for n in names]
        with ThreadPoolExecutor(max_workers=args.jobs) as ex:
            runs = list(ex.map(lambda cn: run_one(cn[0], cn[1], manifest[cn[1]], work, sheet_ok[cn[0]]), jobs))
    wall = time.perf_counter() - t0
    base = baseline_seconds(names)

    print(f"fuzz corpus: {len(names)} files in {FUZZ.relative_to(ROOT)}; commands: {', '.join(commands)}"
          + (f" (not in this checkout: {', '.join(missing)})" if missing else ""))
    head = (f"{'command':<9} {'runs':>5} {'read':>7} {'rejected':>9} {'lost':>6} {'escaped':>8} {'refused':>8} "
            f"{'bad exit':>9} {'s/run':>7}")
    print(head)
    print("-" * len(head))
    total_lost = total_escaped = 0
    for c in commands:
        rs = [r for r in runs if r.command == c]
        lost = sum(r.lost for r in rs)
        esc = sum(r.escaped for r in rs)
        bad = sum(r.bad_exit for r in rs)
        total_lost += lost
        total_escaped += esc
        print(f"{c:<9} {len(rs):>5} {sum(r.read or 0 for r in rs):>7} {sum(r.rejected for r in rs):>9} {lost:>6} {esc:>8} "
              f"{sum(r.refused for r in rs):>8} {bad:>9} {sum(r.seconds for r in rs) / max(1, len(rs)):>7.2f}")
    print("-" * len(head))
    print(f"lost {total_lost} (must be 0), exceptions escaped {total_escaped} (must be 0)")
    print(f"wall {wall:.1f} s for {len(runs)} runs on {args.jobs} workers; the readers alone on the same files in one "
          f"process: {base:.2f} s (x{wall / max(base, 1e-9):.0f}: process start, imports and the commands' own work)")
    bad_runs = [r for r in runs if r.problems or r.escaped]
    if bad_runs:
        print(f"\n{len(bad_runs)} runs with a problem" + ("" if args.verbose else " (--verbose lists them)"))
        if args.verbose:
            for r in bad_runs:
                print(f"  {r.command} {r.file}: exit {r.code}{' TRACEBACK' if r.escaped else ''}; " + "; ".join(r.problems))
    return 1 if total_lost or total_escaped else 0


if __name__ == "__main__":
    raise SystemExit(main())
