"""Bearer tokens of the web API and the audit trail of its writes, as Session jobs (`TokenJobs`).

A token's secret is printed once, when it is created, and stored only as its SHA-256: the store
never holds a usable token. Secrets are 32 random bytes, so a plain hash is enough (no salt or slow
hash is needed against guessing). A scope says what a token may do: `read` (nothing a public server
does not already give, for now) or `write` (post reports, analyst corrections).
"""

from __future__ import annotations

import hashlib
import re
import secrets
from typing import TYPE_CHECKING, Any, Callable

from conflictlens.errors import ConflictLensError

if TYPE_CHECKING:
    from conflictlens.store import Store

SCOPES = ("read", "write")
PREFIX = "clt_"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$")


def token_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def check_token_fields(name: str, scope: str) -> None:
    if not _NAME.match(name or ""):
        raise ConflictLensError("CL-E911", "a token name is 1-64 letters, digits, '_', '.', '@' or '-', starting "
                                "with a letter or digit (e.g. the analyst's or the script's name)", name)
    if scope not in SCOPES:
        raise ConflictLensError("CL-E911", f"a token's scope is one of {', '.join(SCOPES)}", scope)


class TokenJobs:
    """Mixed into `pipeline.session.Session` (needs its `required_store()`)."""

    required_store: Callable[[], Store]

    def create_token(self, name: str, scope: str = "read") -> str:
        """A new token's secret (shown once; only its hash is stored). CL-E915 when the name is taken."""
        check_token_fields(name, scope)
        tokens = self.required_store().tokens
        if tokens.token_exists(name):
            raise ConflictLensError("CL-E915", "a token of that name exists (revoked tokens keep their name for "
                                    "the audit trail); choose another name", name)
        secret = PREFIX + secrets.token_urlsafe(32)
        tokens.add_token(name, token_hash(secret), scope)
        return secret

    def tokens(self) -> list[dict[str, Any]]:
        return self.required_store().tokens.tokens()

    def revoke_token(self, name: str) -> None:
        if not self.required_store().tokens.revoke_token(name):
            raise ConflictLensError("CL-E910", "no live token of that name; list them with `conflictlens tokens "
                                    "list`", name)

    def token_holder(self, secret: str) -> tuple[str, str] | None:
        """(name, scope) of the live token with this secret; None for an unknown or revoked one."""
        if not secret.startswith(PREFIX):
            return None
        tokens = self.required_store().tokens
        found = tokens.live_token(token_hash(secret))
        if found is not None:
            tokens.touch_token(found[0])
        return found

    def record_write(self, token_name: str, action: str, subject: str | None, detail: dict[str, Any]) -> int:
        """Append a write made with a token to the audit trail."""
        return self.required_store().tokens.record_write(token_name, action, subject, detail)

    def api_writes(self, limit: int = 1000) -> list[dict[str, Any]]:
        return self.required_store().tokens.writes(limit)
