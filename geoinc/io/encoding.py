"""Detecting the text encoding of input files (UTF-8, UTF-8 with BOM, UTF-16, Windows-1256)."""

from __future__ import annotations

import codecs

__all__ = ["detect_encoding", "decode_line"]

_BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]


def detect_encoding(sample: bytes, declared: str | None = None) -> str:
    """The encoding of a file from its first bytes: ``declared`` if given, a BOM, UTF-8 if the
    sample decodes as UTF-8, UTF-16 without BOM by its zero bytes, else charset-normalizer's
    guess restricted to the encodings analysts meet (Windows-1256 for Arabic, Latin-1)."""
    if declared:
        codecs.lookup(declared)  # raises LookupError for an unknown name
        return declared
    for bom, enc in _BOMS:
        if sample.startswith(bom):
            return enc
    if len(sample) >= 4 and sample[1:2] == b"\x00" and sample[3:4] == b"\x00" and sample[0:1] != b"\x00":
        return "utf-16-le"
    if len(sample) >= 4 and sample[0:1] == b"\x00" and sample[2:3] == b"\x00":
        return "utf-16-be"
    try:
        sample.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as e:
        if e.start >= len(sample) - 3:  # cut inside a multibyte character at the sample's end
            return "utf-8"
    from charset_normalizer import from_bytes

    best = from_bytes(sample, cp_isolation=["cp1256", "utf_8", "cp1252", "latin_1"]).best()
    if best is None:
        return "utf-8"
    enc = best.encoding
    return {"utf_8": "utf-8", "cp1256": "cp1256", "windows_1256": "cp1256"}.get(enc, enc)


def decode_line(raw: bytes, encoding: str) -> str:
    """Decode one record's bytes strictly: a UnicodeDecodeError names the byte offset."""
    return raw.decode(encoding)
