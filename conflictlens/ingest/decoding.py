"""From bytes to text: size limit, binary sniffing, BOMs and strict UTF-8 with the failing offset."""

from __future__ import annotations

import codecs
import errno
import os
from pathlib import Path

from conflictlens.errors import ConflictLensError
from conflictlens.ingest.common import empty_error

SNIFF_BYTES = 8192
# Share of control bytes in the sniffed head above which a file is taken for binary data.
CONTROL_SHARE_LIMIT = 0.10
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\b\x1b")

# UTF-32 BOMs start with the UTF-16 LE BOM, so they must be tested first.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def bom_encoding(head: bytes) -> str | None:
    """The encoding announced by a byte-order mark, or None."""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding
    return None


def too_large(size: int, max_bytes: int, subject: str) -> ConflictLensError:
    return ConflictLensError(
        "CL-E107",
        f"{size} bytes exceeds the limit of {max_bytes} bytes; split the file, use JSONL "
        "(read line by line), or raise max_bytes",
        subject,
    )


def read_file_bytes(path: Path, max_bytes: int, subject: str) -> bytes | ConflictLensError:
    """Read a whole file, refusing it before reading if it exceeds max_bytes."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return too_large(size, max_bytes, subject)
        return path.read_bytes()
    except FileNotFoundError:
        return not_found(subject)
    except OSError as exc:
        return unreadable(exc, subject)


def unreadable(exc: OSError, subject: str, what: str = "the file") -> ConflictLensError:
    """The coded error for a file or folder the system will not open: a symlink loop, else permissions."""
    if exc.errno == errno.ELOOP:
        return link_loop_error(subject)
    return ConflictLensError("CL-E100", f"cannot read {what} ({exc.strerror}); check its permissions", subject)


def link_loop(path: str | os.PathLike[str]) -> bool:
    """Whether `path` is a symbolic link that leads back to itself (directly or through other links)."""
    try:
        os.stat(path)
    except OSError as exc:
        return exc.errno == errno.ELOOP
    return False


def link_loop_error(subject: str) -> ConflictLensError:
    return ConflictLensError("CL-E112", "is a symbolic link loop (it leads back to itself through links); "
                             "point the link at a real file or remove it", subject)


def not_found(subject: str) -> ConflictLensError:
    return ConflictLensError("CL-E100", "no such file or folder; check the path", subject)


def sniff_binary(head: bytes, subject: str) -> ConflictLensError | None:
    """Detect binary data (NUL bytes or many control bytes) in the head of a BOM-less file."""
    if b"\x00" in head:
        return _binary(subject, "contains NUL bytes")
    if not head:
        return None
    controls = sum(1 for b in head if (b < 0x20 and b not in _TEXT_CONTROLS) or b == 0x7F)
    if controls / len(head) > CONTROL_SHARE_LIMIT:
        return _binary(subject, f"{controls} of its first {len(head)} bytes are control characters")
    return None


def _binary(subject: str, why: str) -> ConflictLensError:
    return ConflictLensError(
        "CL-E101",
        f"looks like binary data, not text ({why}); convert it to plain text, HTML or JSON first",
        subject,
    )


def decode_bytes(data: bytes, subject: str) -> str | ConflictLensError:
    """Decode a file's bytes: UTF-8 (BOM optional) or UTF-16/32 with BOM; never guess other encodings."""
    if not data.strip():
        return empty_error(subject)
    encoding = bom_encoding(data[:4])
    if encoding is None:
        binary = sniff_binary(data[:SNIFF_BYTES], subject)
        if binary is not None:
            return binary
        encoding = "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        # the utf-8-sig codec counts from after the BOM; report the offset in the file
        skipped = len(codecs.BOM_UTF8) if encoding == "utf-8-sig" else 0
        return invalid_encoding(encoding, exc.start + skipped, subject)
    if not text.strip():
        return empty_error(subject)
    return text


def invalid_encoding(encoding: str, offset: int, subject: str, *, of: str = "the file") -> ConflictLensError:
    name = "UTF-8" if encoding.startswith("utf-8") else encoding.upper()
    return ConflictLensError(
        "CL-E102",
        f"invalid {name} at byte offset {offset} of {of}; re-save the file as UTF-8 "
        "(e.g. iconv -f WINDOWS-1252 -t UTF-8)",
        subject,
    )
