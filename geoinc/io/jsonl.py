"""JSON lines input, one record a line, each line on its own: a bad line never stops the rest."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import IO, Iterator

from .accounting import RecordError
from .encoding import detect_encoding

__all__ = ["iter_jsonl", "open_binary"]


def open_binary(path: str) -> IO[bytes]:
    """Open ``path`` for reading bytes (``-`` is standard input)."""
    if str(path) == "-":
        return sys.stdin.buffer
    return open(path, "rb")


def iter_jsonl(path: str, encoding: str | None = None) -> Iterator[tuple[int, dict | RecordError]]:
    """Yield ``(line number, object)`` or ``(line number, RecordError)`` for each non-blank line.

    A line that is not JSON, not an object, or not decodable is a RecordError naming the line;
    a truncated last line (no newline, invalid JSON) says so.
    """
    src = "<stdin>" if str(path) == "-" else str(path)
    fh = open_binary(path)
    try:
        first = fh.peek(65536)[:65536] if hasattr(fh, "peek") else b""
        enc = detect_encoding(first, encoding)
        if enc.startswith("utf-16"):
            text = fh.read().decode(enc, errors="strict")
            lines = (ln.encode("utf-8") + b"\n" for ln in text.split("\n"))
            enc = "utf-8"
        else:
            lines = iter(fh)
        for lineno, raw in enumerate(lines, start=1):
            if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if not raw.strip():
                continue
            try:
                line = raw.decode(enc)
            except UnicodeDecodeError as e:
                yield lineno, RecordError(src, f"line {lineno}", f"undecodable bytes at column {e.start + 1} ({enc}): {raw[e.start:e.start + 4]!r}")
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                what = "truncated last line" if not raw.endswith(b"\n") else "not JSON"
                yield lineno, RecordError(src, f"line {lineno}", f"{what} ({e.msg} at column {e.colno})")
                continue
            if not isinstance(obj, dict):
                yield lineno, RecordError(src, f"line {lineno}", f"expected a JSON object, got {type(obj).__name__}")
                continue
            yield lineno, obj
    finally:
        if fh is not sys.stdin.buffer:
            fh.close()
