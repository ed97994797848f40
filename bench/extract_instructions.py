"""Instructions per report of the extractor, counted by valgrind (cachegrind), for one or more
checkouts of the project: a speed comparison that the machine's other tenants cannot disturb
(timings on a shared machine move by up to 2x between runs; instruction counts by about 1-2 %,
from memory layout; compare checkouts in one run).

    python bench/extract_instructions.py [ROOT ...] [--reports 200] [--shared ../shared]

Each ROOT (default: this checkout) is a project directory, e.g. a ``git worktree`` of an older
commit. For each, the extractor runs twice under ``valgrind --tool=cachegrind --cache-sim=no``:
once over 20 warm-up reports and once over the same 20 plus ``--reports`` more; the difference,
divided by ``--reports``, is the figure printed (loading the gazetteer and the warm-up cancel
out). The reports are ~2 KB pieces of ../shared/seeds (when present) and examples/reports, as in
``extract_eval.py``'s speed test. Needs valgrind on PATH; takes about 20 s per run.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_RUNNER = """
import sys
root, shared, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
sys.path.insert(0, root)
from pathlib import Path
from geoinc.extract import Extractor
ex = Extractor()
texts = []
for f in sorted(Path(shared, "seeds").glob("*.txt")):
    t = f.read_text(encoding="utf-8")
    texts += [t[i:i + 2000] for i in range(0, max(1, len(t) - 1000), 2000)]
for f in sorted(Path(root, "examples", "reports").glob("*.txt")):
    t = f.read_text(encoding="utf-8")
    texts.append((t * (1 + 2000 // max(1, len(t))))[:2000])
for i in range(20 + n):
    ex(texts[i % len(texts)], published="2025-12-01")
"""


def instructions(root: Path, shared: Path, n: int) -> int:
    """Instructions executed by the runner over ``20 + n`` reports under ``root``."""
    env = dict(os.environ, PYTHONHASHSEED="0")  # the same set and dict orders in every run
    out = subprocess.run(
        ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
         sys.executable, "-c", _RUNNER, str(root), str(shared), str(n)],
        capture_output=True, text=True, check=True, env=env).stderr
    m = re.search(r"I\s+refs:\s+([\d,]+)", out)
    if m is None:
        raise RuntimeError(f"no instruction count in valgrind's output for {root}")
    return int(m.group(1).replace(",", ""))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("roots", nargs="*", default=[str(ROOT)])
    ap.add_argument("--reports", type=int, default=200)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        print("valgrind is not installed: nothing to count", file=sys.stderr)
        return 2
    first = None
    for r in args.roots:
        root = Path(r).resolve()
        per = (instructions(root, Path(args.shared), args.reports) - instructions(root, Path(args.shared), 0)) / args.reports
        first = first or per
        print(f"{root}: {per / 1e6:.2f} M instructions per report ({per / first:.3f} of the first)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
