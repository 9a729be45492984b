"""The few CBOR types Pagefind's index files use ("pagefind_dcd" + CBOR,
gzip-compressed), read and written so that make_reproducible can sort them.
A file that does not read back to the same bytes is left alone (read gives None)."""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path

_MAGIC = b"pagefind_dcd"


def read(path: Path):
    try:
        data = gzip.decompress(path.read_bytes())
    except (OSError, EOFError):
        return None
    if not data.startswith(_MAGIC):
        return None
    try:
        value, end = _decode(data, len(_MAGIC))
    except (IndexError, ValueError):
        return None
    if end != len(data) or _encode(value) != data[len(_MAGIC):]:
        return None
    return value


def write(path: Path, value, old_hash: str, digits: int, prefix: str = "") -> str:
    """Write value to a file named by its content; return the new hash."""
    data = _MAGIC + _encode(value)
    language = old_hash.split("_", 1)[0]
    new_hash = f"{language}_{hashlib.sha256(data).hexdigest()[:digits]}"
    path.unlink()
    suffix = path.suffix
    (path.parent / f"{prefix}{new_hash}{suffix}").write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    return new_hash


def _decode(data: bytes, at: int):
    major, info = data[at] >> 5, data[at] & 0x1F
    at += 1
    if info < 24:
        number = info
    elif info <= 27:
        size = 1 << (info - 24)
        number, at = int.from_bytes(data[at:at + size], "big"), at + size
    else:
        raise ValueError("unsupported CBOR item")
    if major == 0:
        return number, at
    if major == 2:
        return data[at:at + number], at + number
    if major == 3:
        return data[at:at + number].decode("utf-8"), at + number
    if major == 4:
        items = []
        for _ in range(number):
            item, at = _decode(data, at)
            items.append(item)
        return items, at
    raise ValueError("unsupported CBOR type")


def _head(major: int, number: int) -> bytes:
    if number < 24:
        return bytes([major << 5 | number])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if number < 1 << (8 * size):
            return bytes([major << 5 | info]) + number.to_bytes(size, "big")
    raise ValueError("number too large")


def _encode(value) -> bytes:
    if isinstance(value, bool):
        raise ValueError("unsupported CBOR value")
    if isinstance(value, int):
        return _head(0, value)
    if isinstance(value, bytes):
        return _head(2, len(value)) + value
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _head(3, len(raw)) + raw
    if isinstance(value, list):
        return _head(4, len(value)) + b"".join(_encode(v) for v in value)
    raise ValueError("unsupported CBOR value")
