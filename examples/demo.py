"""The demo `make demo` runs: the whole pipeline on the bundled examples.

Stages that exist in this version run; the output goes to maps/.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
GEOINC = [sys.executable, "-m", "geoinc"]


def step(title: str, args: list[str]) -> None:
    print(f"\n== {title}\n$ geoinc {' '.join(args)}", flush=True)
    r = subprocess.run(GEOINC + args, cwd=ROOT)
    if r.returncode not in (0, 1):
        raise SystemExit(r.returncode)


def main() -> None:
    (ROOT / "maps").mkdir(exist_ok=True)
    print("== resolving the example place names (examples/names.jsonl)")
    r = subprocess.run(GEOINC + ["resolve", "--input", str(HERE / "names.jsonl"), "--candidates", "1"],
                       cwd=ROOT, capture_output=True, text=True, check=True)
    for line in r.stdout.splitlines():
        rec = json.loads(line)
        p = rec["place"]
        where = f"{p['name']} / {p['name_ar']} ({p['kind']} {p['id']}, {p['lat']:.4f}, {p['lon']:.4f})" if p else "unresolved"
        print(f"  {rec['name']:<28} -> {where}")
    print(r.stderr.strip())


if __name__ == "__main__":
    main()
