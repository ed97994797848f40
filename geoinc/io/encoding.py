"""Detecting and decoding the text encoding of input files.

The encodings analysts meet: UTF-8, UTF-8 with a BOM, UTF-16 (with or without a BOM) and
Windows-1256 (Arabic spreadsheets saved by Excel on Windows). ``--encoding`` overrides detection.

Bytes that do not decode are never turned into silent garbage: :func:`decode` marks each bad
byte with a lone surrogate (like Python's ``surrogateescape``), which no correctly decoded text
can contain, and :func:`find_undecodable` finds them again so the reader can reject the record
that holds them, naming the bytes.
"""

from __future__ import annotations

import codecs
import re

__all__ = ["detect_encoding", "decode", "find_undecodable", "describe_undecodable", "decode_line", "UNDECODABLE"]

_BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]

#: The error handler :func:`decode` uses: bad byte ``b`` becomes ``chr(0xDC00 + b)``.
UNDECODABLE = "geoinc-undecodable"


def _mark(err: UnicodeDecodeError) -> tuple[str, int]:
    bad = err.object[err.start:err.end]
    return "".join(chr(0xDC00 + b) for b in bad), err.end


codecs.register_error(UNDECODABLE, _mark)

_SURROGATE = re.compile("[\ud800-\udfff]")


def _utf16_without_bom(sample: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' when the sample looks like UTF-16 without a BOM, else None.

    Text in UTF-8 or a single-byte code page has no NUL bytes and almost no byte 0x06; UTF-16
    has one of them as the high byte of nearly every Latin (0x00) or Arabic (0x06) character.
    """
    n = len(sample) - len(sample) % 2
    if n < 4:
        return None
    even, odd = sample[0:n:2], sample[1:n:2]
    half = n // 2
    for hi in (0x00, 0x06):
        e, o = even.count(hi), odd.count(hi)
        if o >= 0.3 * half and o > 4 * e:
            return "utf-16-le"
        if e >= 0.3 * half and e > 4 * o:
            return "utf-16-be"
    return None


def detect_encoding(sample: bytes, declared: str | None = None) -> str:
    """The encoding of a file from its first bytes.

    ``declared`` if given (ValueError for an unknown name); else a BOM; else UTF-16 without BOM
    recognised by its high bytes; else UTF-8 if the sample decodes as UTF-8; else
    charset-normalizer's guess among Windows-1256, Windows-1252 and Latin-1.
    """
    if declared:
        try:
            info = codecs.lookup(declared)
        except LookupError:
            raise ValueError(f"unknown encoding {declared!r} (try utf-8, utf-8-sig, utf-16, cp1256)") from None
        if info.name == "utf-8" and sample.startswith(codecs.BOM_UTF8):
            return "utf-8-sig"  # the BOM is not part of the first record
        return declared
    for bom, enc in _BOMS:
        if sample.startswith(bom):
            return enc
    u16 = _utf16_without_bom(sample)
    if u16:
        return u16
    try:
        sample.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as e:
        if e.start >= len(sample) - 3 and e.reason == "unexpected end of data":
            return "utf-8"  # cut inside a multibyte character at the sample's end
        # Mostly UTF-8 with a few bad bytes, or mostly ASCII with a few stray high bytes: keep
        # UTF-8 so the records holding them are reported rather than silently re-read in a
        # guessed code page. (Arabic in Windows-1256 has a high byte in nearly every letter and
        # almost never forms valid UTF-8 sequences, so it goes on to the guess below.)
        high = sum(1 for b in sample if b >= 0x80)
        if _utf8_share(sample) >= 0.8 or high < 0.1 * len(sample):
            return "utf-8"
    from charset_normalizer import from_bytes

    best = from_bytes(sample, cp_isolation=["cp1256", "utf_8", "cp1252", "latin_1"]).best()
    if best is None:
        return "utf-8"
    enc = best.encoding
    return {"utf_8": "utf-8", "cp1256": "cp1256", "windows_1256": "cp1256"}.get(enc, enc)


def _utf8_share(sample: bytes) -> float:
    """Share of the non-ASCII bytes of ``sample`` that belong to valid UTF-8 sequences."""
    high = sum(1 for b in sample if b >= 0x80)
    if not high:
        return 1.0
    text = sample.decode("utf-8", errors=UNDECODABLE)
    bad = sum(1 for c in text if 0xDC80 <= ord(c) <= 0xDCFF)
    return 1 - bad / high


def decode(raw: bytes, encoding: str) -> str:
    """Decode ``raw``; bytes that do not decode become marks found by :func:`find_undecodable`."""
    return raw.decode(encoding, errors=UNDECODABLE)


def find_undecodable(text: str) -> int:
    """Index of the first undecodable-byte mark in ``text`` (from :func:`decode`), or -1.

    Lone surrogates decoded from JSON ``\\udXXX`` escapes are found too: they cannot be written
    out as UTF-8 either.
    """
    m = _SURROGATE.search(text)
    return m.start() if m else -1


def describe_undecodable(text: str, encoding: str) -> str:
    """'undecodable bytes b'\\xff\\xfe' at character 12 (utf-8)' for the first mark in ``text``."""
    i = find_undecodable(text)
    if i < 0:
        return ""
    j = i
    while j < len(text) and j - i < 8 and 0xDC00 <= ord(text[j]) <= 0xDCFF:
        j += 1
    if j == i:  # a lone surrogate not made by decode(): it came from an escape
        return f"invalid Unicode (lone surrogate U+{ord(text[i]):04X}) at character {i + 1}"
    raw = bytes(ord(c) - 0xDC00 for c in text[i:j])
    return f"undecodable bytes {raw!r} at character {i + 1} ({encoding}; give the right one with --encoding)"


def decode_line(raw: bytes, encoding: str) -> str:
    """Decode one record's bytes strictly: a UnicodeDecodeError names the byte offset."""
    return raw.decode(encoding)
