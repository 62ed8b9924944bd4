"""The one object every view takes (compare datasette's `Datasette`): how to open a session, whether the
server is public, its limits, and the coded errors it answers with.

Views open a Session per request (`WebContext.session()`), in the thread that serves the request:
SQLite connections stay in the thread that opened them, and a session built per request sees the
analyst's latest corrections. Everything a view returns has passed the session's outbound gate.
"""

from __future__ import annotations

import json
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from typing import Any, Callable, Iterator

from conflictlens.errors import ConflictLensError
from conflictlens.pipeline.session import Session

DEFAULT_PAGE = 100
MAX_PAGE = 1000  # a private server's largest page
PUBLIC_PAGE_CAP = 200  # a public server's largest page
PUBLIC_RATE = 120  # requests per client per minute on a public server


@lru_cache(maxsize=1)
def http_table() -> dict[str, Any]:
    """HTTP statuses of coded errors and media types of formats (web/data/http.json)."""
    return json.loads(files("conflictlens.web").joinpath("data/http.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _status_of_code() -> dict[str, int]:
    return {code: int(status) for status, codes in http_table()["status"].items() for code in codes}


def http_status(code: str) -> int:
    """The HTTP status a coded error is answered with (400 unless the table says otherwise)."""
    return _status_of_code().get(code, 400)


def media_type(fmt: str) -> str:
    return http_table()["media_types"].get(fmt, "text/plain")


class RateLimiter:
    """A sliding one-minute window of requests per client; one per app (no module-level state)."""

    def __init__(self, per_minute: int, max_clients: int = 10_000) -> None:
        self.per_minute = per_minute
        self.max_clients = max_clients  # past this many, clients idle for a minute are forgotten
        self._seen: dict[str, list[float]] = {}
        self._lock = threading.Lock()

    def check(self, client: str, now: float | None = None) -> None:
        """Count a request by `client`; CL-E906 when it made `per_minute` already in the last minute."""
        now = time.monotonic() if now is None else now
        with self._lock:
            if len(self._seen) > self.max_clients:
                self._seen = {c: times for c, times in self._seen.items() if times and now - times[-1] < 60.0}
            recent = [t for t in self._seen.get(client, ()) if now - t < 60.0]
            if len(recent) >= self.per_minute:
                self._seen[client] = recent
                raise ConflictLensError("CL-E906", f"at most {self.per_minute} requests a minute; wait and retry",
                                        client)
            recent.append(now)
            self._seen[client] = recent


@dataclass
class WebContext:
    """What every view needs: `session_factory()` opens a Session over the store; `public` servers are
    read-only with a page cap and a per-client rate limit."""

    session_factory: Callable[[], Session]
    public: bool = False
    page_cap: int = MAX_PAGE
    limiter: RateLimiter | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self.session_factory() as opened:
            yield opened

    def page_size(self, limit: int | None) -> int:
        """The page size asked for, checked against this server's cap."""
        size = DEFAULT_PAGE if limit is None else limit
        if size > self.page_cap:
            raise ConflictLensError("CL-E905", f"ask for at most {self.page_cap} rows a page and follow the "
                                    "next cursor", "limit")
        return min(size, self.page_cap)
