"""Every input record ends as one of three outcomes, and the counts add up.

``Tally`` counts them and prints the closing line every command ends with::

    read 120, located 101, unlocated 15, rejected 4

(``resolved``/``unresolved`` for ``geoinc resolve``). ``Rejects`` writes the rejected records with
their reasons (``--rejects FILE``), so nothing is lost.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from typing import Any, TextIO

__all__ = ["Tally", "RecordError", "Rejects"]


class RecordError(ValueError):
    """A problem with one input record: names the file, the record and the field."""

    def __init__(self, source: str, where: str, problem: str, field: str | None = None, record_id: Any = None):
        self.source, self.where, self.problem, self.field, self.record_id = source, where, problem, field, record_id
        bits = [f"{source}:{where}"]
        if record_id not in (None, ""):
            bits.append(f"id {record_id}")
        if field:
            bits.append(f"field '{field}'")
        super().__init__(": ".join([", ".join(bits), problem]))

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "where": self.where, "id": self.record_id, "field": self.field, "problem": self.problem}


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

    def write(self, path: str) -> None:
        from .atomic import atomic_write

        with atomic_write(path) as fh:
            for d in self.items:
                fh.write(json.dumps(d, ensure_ascii=False, default=str) + "\n")
