"""Every input record ends as one of three outcomes, and the counts add up.

``Tally`` counts them and prints the closing line every command ends with::

    read 120, located 101, unlocated 15, rejected 4

(``resolved``/``unresolved`` for ``geoinc resolve``). ``Rejects`` writes the rejected records with
their reasons (``--rejects FILE``), so nothing is lost.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from typing import Any, TextIO

__all__ = ["Tally", "RecordError", "Rejects", "printable"]


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def printable(text: object, limit: int = 200) -> str:
    """``text`` made safe for a terminal: control characters (ANSI escapes, bidi overrides, NUL)
    shown as ``\\xNN``/``\\uNNNN``, newlines as ``\\n``, and cut at ``limit`` characters."""
    s = str(text)
    if len(s) > limit:
        s = s[:limit] + f"... ({len(s)} characters)"
    s = s.replace("\n", "\\n")
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", s)


class RecordError(ValueError):
    """A problem with one input record: names the file, the record and the field.

    ``raw`` optionally holds the record's own text (a line that was not JSON, say) so that
    ``--rejects`` keeps it even when it could not be parsed into a record. Untrusted text in
    the message is made printable (no terminal escapes run from a report).
    """

    def __init__(self, source: str, where: str, problem: str, field: str | None = None, record_id: Any = None,
                 raw: str | None = None):
        self.source, self.where, self.problem, self.field, self.record_id = source, where, problem, field, record_id
        self.raw = raw
        bits = [f"{source}:{where}"]
        if record_id not in (None, ""):
            bits.append(f"id {printable(record_id, 80)}")
        if field:
            bits.append(f"field '{printable(field, 80)}'")
        super().__init__(": ".join([", ".join(bits), printable(problem, 400)]))

    def to_dict(self) -> dict[str, Any]:
        d = {"source": self.source, "where": self.where, "id": self.record_id, "field": self.field, "problem": self.problem}
        if self.raw is not None:
            d["raw"] = self.raw
        return d


@dataclass
class Tally:
    """Counts of records by outcome. ``ok``/``not_ok`` are named by the command's words."""

    ok_word: str = "located"
    not_ok_word: str = "unlocated"
    read: int = 0
    ok: int = 0
    not_ok: int = 0
    rejected: int = 0
    errors: list[RecordError] = field(default_factory=list)

    def add(self, outcome: str) -> None:
        self.read += 1
        if outcome == "ok":
            self.ok += 1
        elif outcome == "not_ok":
            self.not_ok += 1
        elif outcome == "rejected":
            self.rejected += 1
        else:
            raise ValueError(outcome)

    def reject(self, err: RecordError, stream: TextIO | None = None, quiet: bool = False) -> None:
        self.add("rejected")
        self.errors.append(err)
        if not quiet:
            print(f"geoinc: rejected {err}", file=stream or sys.stderr)

    @property
    def balanced(self) -> bool:
        return self.ok + self.not_ok + self.rejected == self.read

    def line(self) -> str:
        return f"read {self.read}, {self.ok_word} {self.ok}, {self.not_ok_word} {self.not_ok}, rejected {self.rejected}"

    def print(self, stream: TextIO | None = None) -> None:
        print(self.line(), file=stream or sys.stderr)


class Rejects:
    """Collects rejected records with their reasons; writes them as JSON lines (atomically)."""

    def __init__(self) -> None:
        self.items: list[dict[str, Any]] = []

    def add(self, err: RecordError, record: Any = None) -> None:
        d = err.to_dict()
        if record is not None:
            d["record"] = record if isinstance(record, (str, dict, list, int, float)) else repr(record)
        self.items.append(d)

    def __len__(self) -> int:
        return len(self.items)

    def write(self, path: str) -> None:
        """Write the collected rejects as JSON lines to ``path`` (atomically; ``-`` = stdout).

        Raises :class:`~geoinc.io.atomic.OutputError` when ``path`` is a file this process read
        as input (``--rejects`` pointed at the input by mistake)."""
        from .atomic import atomic_write, check_output_path, inputs_read

        check_output_path(path, inputs_read())  # a rejects file never replaces an input
        with atomic_write(path) as fh:
            for d in self.items:
                fh.write(_dumps(d) + "\n")


def _dumps(d: dict[str, Any]) -> str:
    """JSON text of ``d``; escapes non-ASCII only when the record holds text UTF-8 cannot carry."""
    s = json.dumps(d, ensure_ascii=False, default=str)
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        s = json.dumps(d, ensure_ascii=True, default=str)
    return s
