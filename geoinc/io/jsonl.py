"""JSON lines input, one record a line, each line on its own: a bad line never stops the rest.

Handled: blank lines (skipped, not records), a BOM, UTF-16/UTF-32 files, Windows line ends,
undecodable bytes, lines that are not JSON, a truncated last line, JSON that is not an object,
nesting too deep to parse, and lone surrogates from ``\\udXXX`` escapes (they could not be
written out again). Each bad line becomes a :class:`RecordError` naming the line and carrying
the line's text (``raw``) so ``--rejects`` keeps it.
"""

from __future__ import annotations

import json
import sys
from typing import IO, Any, Iterator

from .accounting import RecordError
from .atomic import note_input
from .encoding import decode, describe_undecodable, detect_encoding, find_undecodable

__all__ = ["iter_jsonl", "open_binary"]

_SAMPLE = 65536


def open_binary(path: str) -> IO[bytes]:
    """Open ``path`` for reading bytes (``-`` is standard input)."""
    if str(path) == "-":
        return sys.stdin.buffer
    return open(path, "rb")


def _lines(fh: IO[bytes], encoding: str | None) -> tuple[str, Iterator[tuple[bytes | str, bool]]]:
    """(encoding, iterator of (line, ends with a newline)) for an open byte stream."""
    if hasattr(fh, "peek"):
        first = fh.peek(_SAMPLE)[:_SAMPLE]
    else:  # pragma: no cover - unbuffered streams
        first = b""
    enc = detect_encoding(first, encoding)
    low = enc.lower().replace("_", "-")
    if low.startswith(("utf-16", "utf-32", "utf16", "utf32")):
        text = decode(fh.read(), enc)
        if text.startswith("\ufeff"):
            text = text[1:]
        parts = text.split("\n")
        last = len(parts) - 1
        return enc, ((p, i < last) for i, p in enumerate(parts) if i < last or p)
    return enc, _split_cr(fh)


def _split_cr(fh: IO[bytes]) -> Iterator[tuple[bytes, bool]]:
    """Lines of a byte stream; a lone CR (old Mac line end) also ends a line (JSON text can
    hold a CR only as whitespace between tokens, never inside a string)."""
    for raw in fh:
        body = raw[:-2] if raw.endswith(b"\r\n") else raw[:-1] if raw.endswith(b"\n") else raw
        if b"\r" not in body:
            yield raw, raw.endswith(b"\n")
            continue
        parts = body.split(b"\r")
        for k, part in enumerate(parts):
            last = k == len(parts) - 1
            yield part, (raw.endswith(b"\n") if last else True)


def iter_jsonl(path: str, encoding: str | None = None) -> Iterator[tuple[int, dict | RecordError]]:
    """Yield ``(line number, object)`` or ``(line number, RecordError)`` for each non-blank line.

    A line that is not JSON, not an object, or not decodable is a RecordError naming the line
    (and the record's ``id`` when the object has one); a truncated last line (no newline,
    invalid JSON) says so. ``encoding`` overrides detection (ValueError for an unknown name).
    """
    src = "<stdin>" if str(path) == "-" else str(path)
    note_input(path)
    fh = open_binary(path)
    try:
        enc, lines = _lines(fh, encoding)
        for lineno, (raw, has_newline) in enumerate(lines, start=1):
            if isinstance(raw, bytes):
                if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
                    raw = raw[3:]
                line = decode(raw, enc)
            else:
                line = raw
            if not line.strip():
                continue
            where = f"line {lineno}"
            if find_undecodable(line) >= 0:
                yield lineno, RecordError(src, where, describe_undecodable(line, enc), raw=_printable(line))
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                what = "truncated last line" if not has_newline else "not JSON"
                yield lineno, RecordError(src, where, f"{what} ({e.msg} at column {e.colno})", raw=line.rstrip("\r\n"))
                continue
            except RecursionError:
                yield lineno, RecordError(src, where, "JSON nested too deeply to read", raw=line.rstrip("\r\n"))
                continue
            if not isinstance(obj, dict):
                yield lineno, RecordError(src, where, f"expected a JSON object, got {_kind(obj)}", raw=line.rstrip("\r\n"))
                continue
            bad = _lone_surrogate(obj)
            if bad:
                yield lineno, RecordError(src, where, f"invalid Unicode (a lone surrogate escape) in {bad}",
                                          field=None, record_id=_safe_id(obj), raw=line.rstrip("\r\n"))
                continue
            yield lineno, obj
    finally:
        if fh is not sys.stdin.buffer:
            fh.close()


def _kind(obj: Any) -> str:
    return {list: "an array", str: "a string", int: "a number", float: "a number", bool: "true/false",
            type(None): "null"}.get(type(obj), type(obj).__name__)


def _printable(line: str) -> str:
    """The line with undecodable-byte marks written as ``\\xNN`` (so it can be saved)."""
    return "".join(f"\\x{ord(c) - 0xDC00:02x}" if 0xDC00 <= ord(c) <= 0xDCFF else c for c in line.rstrip("\r\n"))


def _safe_id(obj: dict) -> Any:
    v = obj.get("id")
    return v if isinstance(v, (int, str)) and find_undecodable(str(v)) < 0 else None


def _lone_surrogate(obj: Any, path: str = "", depth: int = 0) -> str | None:
    """Where (a field path) a string holds a lone surrogate, or None."""
    if depth > 200:
        return None
    if isinstance(obj, str):
        return (path or "the value") if find_undecodable(obj) >= 0 else None
    if isinstance(obj, dict):
        for k, v in obj.items():
            if find_undecodable(k) >= 0:
                return f"a key of {path or 'the object'}"
            r = _lone_surrogate(v, f"{path}.{k}" if path else f"'{k}'", depth + 1)
            if r:
                return r
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            r = _lone_surrogate(v, f"{path}[{i}]", depth + 1)
            if r:
                return r
    return None
