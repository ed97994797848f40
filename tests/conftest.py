"""Shared fixtures: the loaded gazetteer, the CLI as a subprocess, and where shared data lives."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def gaz():
    from geoinc.gazetteer import Gazetteer

    return Gazetteer.load()


def run_cli(*args: str, input: str | bytes | None = None, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the real ``geoinc`` command (as ``python -m geoinc``) and capture its output."""
    e = dict(os.environ)
    e.update(env or {})
    kw = {"input": input} if input is not None else {"stdin": subprocess.DEVNULL}
    text = not isinstance(input, bytes)
    return subprocess.run([sys.executable, "-m", "geoinc", *args], capture_output=True, text=text,
                          cwd=cwd or ROOT, env=e, timeout=300, **kw)


@pytest.fixture
def cli():
    return run_cli


def jsonl(text: str) -> list[dict]:
    return [json.loads(l) for l in text.splitlines() if l.strip()]
