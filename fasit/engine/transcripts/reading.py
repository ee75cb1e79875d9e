"""Bytes or a path in, text out: size limits, binary detection and encodings."""

from __future__ import annotations

import os
from pathlib import Path

from fasit.engine.transcripts.model import TranscriptError

MAX_BYTES = 50 * 1024 * 1024

# Encodings a Nordic transcript plausibly comes in when it is not UTF-8. Letting
# charset-normalizer choose among all code pages guesses wrongly on short files
# (e.g. a Cyrillic page for a few "æøå"), so it only picks among these.
_LEGACY_ENCODINGS = ["cp1252", "latin_1", "iso8859_15", "cp850", "mac_roman"]


def read_source(source: bytes | str | os.PathLike[str]) -> tuple[bytes, str]:
    """Return the raw bytes of ``source`` and a name for messages."""
    if isinstance(source, bytes):
        if len(source) > MAX_BYTES:
            raise TranscriptError(_too_large(len(source)))
        return source, "<bytes>"
    path = Path(source)
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise TranscriptError(f"{path} is a directory, not a transcript file")
        if size > MAX_BYTES:
            raise TranscriptError(f"{path}: {_too_large(size)}")
        return path.read_bytes(), str(path)
    except FileNotFoundError:
        raise TranscriptError(f"{path}: no such file") from None
    except PermissionError:
        raise TranscriptError(f"{path}: permission denied") from None
    except OSError as exc:
        raise TranscriptError(f"{path}: cannot read file ({exc.strerror or exc})") from None


def _too_large(size: int) -> str:
    return f"file is {size / 1024 / 1024:.1f} MB; transcripts over 50 MB are not accepted"


def decode(data: bytes) -> str:
    """Decode transcript bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else the
    likeliest Western legacy encoding."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise TranscriptError("file claims UTF-16 but is not valid UTF-16") from None
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        raise TranscriptError("binary file (contains NUL bytes), not a transcript", line=line)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = _decode_legacy(data)
    if not text.strip():
        raise TranscriptError("file is empty")
    return text


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a byte-order mark: text in Latin script has a NUL in
    every other byte, at even offsets for big-endian and odd ones for little-endian.
    None when the NULs do not fall that way (a binary file)."""
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs == 0 or len(data) % 2:
        return None
    even = sum(1 for i in range(0, 2 * pairs, 2) if sample[i] == 0)
    odd = sum(1 for i in range(1, 2 * pairs, 2) if sample[i] == 0)
    if even >= 0.3 * pairs and odd == 0:
        encoding = "utf-16-be"
    elif odd >= 0.3 * pairs and even == 0:
        encoding = "utf-16-le"
    else:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    # Binary data that happens to decode leaves control characters; text does not.
    controls = sum(1 for c in text[:2048] if ord(c) < 32 and c not in "\r\n\t")
    return None if controls else text


def _decode_legacy(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=_LEGACY_ENCODINGS).best()
    if best is not None and best.encoding in {"cp1252", "latin_1", "iso8859_15"}:
        # These three agree on every Nordic letter; cp1252 also maps 0x80-0x9f
        # (curly quotes, dashes) that Windows editors write.
        encoding = "cp1252"
    elif best is not None:
        encoding = best.encoding
    else:
        encoding = "cp1252"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; latin-1 maps them all.
        return data.decode("latin_1")
