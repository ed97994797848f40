"""Kill ``geoinc export`` mid-write (SIGKILL and SIGINT): the output path holds the previous
complete file or the new complete one, never a partial one."""

from __future__ import annotations

import csv
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ROWS = 6000

pytestmark = pytest.mark.skipif(not (ROOT / "geoinc" / "cli" / "export.py").exists(), reason="geoinc export not built yet")


def _incidents(path: Path, n: int, seed: int) -> None:
    rnd = random.Random(seed)
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["incident_id", "date", "type", "place_name", "lat", "lon", "killed", "excerpt"])
        for i in range(n):
            # points inside Syria's core (away from the borders), so none is rejected
            w.writerow([f"k{i}", f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}", "strike", "Somewhere",
                        f"{34.0 + rnd.random() * 1.5:.5f}", f"{37.0 + rnd.random() * 2.5:.5f}", i % 5,
                        "Invented excerpt for the kill test. " * 3])


def _export(src: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "geoinc", "export", str(src), "-o", str(out)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env=dict(os.environ, GEOINC_NO_PROGRESS="1"))


def _temps(out: Path) -> list[Path]:
    return [p for p in out.parent.iterdir() if p.name.startswith(f".{out.name}.")]


def _complete(out: Path, n: int) -> bool:
    data = json.loads(out.read_text(encoding="utf-8"))
    return data["type"] == "FeatureCollection" and len(data["features"]) == n


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    d = tmp_path_factory.mktemp("kill")
    small, big = d / "small.csv", d / "big.csv"
    _incidents(small, 5, seed=1)
    _incidents(big, ROWS, seed=2)
    return small, big


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_killed_export_leaves_old_or_new_file(inputs, tmp_path, sig):
    small, big = inputs
    out = tmp_path / "incidents.geojson"
    r = subprocess.run([sys.executable, "-m", "geoinc", "export", str(small), "-o", str(out)], cwd=ROOT,
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    previous = out.read_bytes()
    assert _complete(out, 5)

    # 1) kill as soon as the temporary output appears: that is mid-write
    p = _export(big, out)
    deadline = time.monotonic() + 240
    seen_temp = False
    while p.poll() is None and time.monotonic() < deadline:
        if _temps(out):
            seen_temp = True
            time.sleep(0.05)  # let it write a little
            break
        time.sleep(0.01)
    killed_running = p.poll() is None
    p.send_signal(sig)
    _, err = p.communicate(timeout=60)
    assert killed_running and seen_temp, "export finished before it could be interrupted mid-write; raise ROWS"
    assert out.read_bytes() == previous, "the output path changed although the run was killed mid-write"
    if sig == signal.SIGINT:
        assert p.returncode == 130 and "interrupted" in err, (p.returncode, err[-500:])
        assert _temps(out) == [], "Ctrl-C left a temporary file behind"
        assert "Traceback" not in err

    # 2) kills at several moments of a whole run: the path is always the old or a complete new file
    for delay in (1.5,):
        p = _export(big, out)
        time.sleep(delay)
        p.send_signal(sig)
        p.communicate(timeout=60)
        assert out.read_bytes() == previous or _complete(out, ROWS)
    for t in _temps(out):  # SIGKILL cannot clean up; the temporaries are hidden and never the output
        t.unlink()
