"""The start-up cache: what the stages build from their bundled data at every start (the actor
registry, the gazetteer's index, compiled cue patterns), kept on disk between runs.

A cold `conflictlens extract` spent about a second of CPU parsing YAML and TSV files and compiling
regular expressions before its first event; read back from here, the same objects cost a tenth of
that. Each entry is one file, `<name>.cache`, holding a header (format, key, checksum of the body)
and the pickled body. The key is a hash of everything the value was built from: the data files, the
source of the modules that build it (a new version changes them) and the Python version. An entry
whose key differs (stale), whose body does not match its checksum or does not unpickle (corrupt) or
that cannot be read is built again; a folder that cannot be written only means the next run builds
it again too. Writes are atomic: a temporary file in the same folder, renamed over the old entry,
so a concurrent reader sees the old entry or the new one, never half of one.

Where: $CONFLICTLENS_CACHE_DIR; else $XDG_CACHE_HOME/conflictlens; else ~/.cache/conflictlens (an
empty variable counts as unset).
CONFLICTLENS_CACHE_DIR=off turns it off (every run builds everything, as before).
The files are pickles: like Python's own __pycache__, the folder must be writable only by its user.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
import zlib
from pathlib import Path
from typing import Any, Callable, Iterable, TypeVar

ENV_CACHE_DIR = "CONFLICTLENS_CACHE_DIR"
OFF = "off"
FORMAT = b"conflictlens-cache-1"  # bump when the file layout changes
T = TypeVar("T")


def cache_dir() -> Path | None:
    """The cache folder (not created here), or None when the user turned the cache off."""
    chosen = (os.environ.get(ENV_CACHE_DIR) or "").strip()
    if chosen:
        return None if chosen.lower() == OFF else Path(chosen).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "conflictlens"


def source_key(files: Iterable[str | os.PathLike[str]], *extra: str) -> str:
    """A hash of `files` (names and contents), the Python version and `extra`: what a cached value was
    built from. A file that cannot be read is hashed as missing (its loader reports it when it builds)."""
    digest = hashlib.sha256(FORMAT)
    digest.update(sys.version.encode())
    for part in extra:
        digest.update(b"\0" + part.encode())
    for path in sorted(map(os.fspath, files)):
        digest.update(b"\0" + os.path.basename(path).encode() + b"\0")
        try:
            with open(path, "rb") as fh:
                digest.update(hashlib.sha256(fh.read()).digest())
        except OSError:
            digest.update(b"missing")
    return digest.hexdigest()


def package_sources(*folders: str | os.PathLike[str]) -> list[Path]:
    """The Python source files of `folders` (not their sub-folders): what builds a cached value."""
    return [p for folder in folders for p in sorted(Path(folder).glob("*.py"))]


def read_entry(name: str, key: str) -> tuple[bool, Any]:
    """(True, value) for an entry of `name` built under `key`; (False, None) when there is none,
    it is stale or corrupt, or the cache is off."""
    folder = cache_dir()
    if folder is None:
        return False, None
    try:
        with open(folder / f"{name}.cache", "rb") as fh:
            blob = fh.read()
    except OSError:
        return False, None
    header, _, body = blob.partition(b"\n")
    if header != _header(key, body):
        return False, None
    try:
        return True, pickle.loads(body)
    # A body that matches its checksum but does not unpickle (classes renamed since): built again.
    except Exception:  # noqa: BLE001 - a cache never breaks a run, whatever unpickling raises
        return False, None


def write_entry(name: str, key: str, value: Any) -> bool:
    """Store `value` under `key` atomically; False (and nothing left behind) when it cannot be written."""
    folder = cache_dir()
    if folder is None:
        return False
    try:
        body = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
        return False
    tmp = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as fh:
            fh.write(_header(key, body) + b"\n" + body)
        os.replace(tmp, folder / f"{name}.cache")
        return True
    except OSError:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass  # already gone: nothing is left behind
        return False


def cached(name: str, key: str, build: Callable[[], T]) -> T:
    """The value of entry `name` built under `key`: read from the cache, or built and stored."""
    found, value = read_entry(name, key)
    if found:
        return value
    value = build()
    write_entry(name, key, value)
    return value


def _header(key: str, body: bytes) -> bytes:
    return b"%s %s %08x %d" % (FORMAT, key.encode(), zlib.crc32(body), len(body))
