"""`conflictlens serve`: the web app and REST API over the database (FastAPI under uvicorn), and
`conflictlens tokens`: the bearer tokens its write routes take."""

from __future__ import annotations

import functools
import importlib.util

import typer

from conflictlens.cli.app import CREATE, EXISTING, session, settings
from conflictlens.cli.common import coded_errors, say
from conflictlens.cli.help import App
from conflictlens.cli.options import number_option
from conflictlens.errors import ConflictLensError
from conflictlens.pipeline.session import Session

_NEEDED = ("fastapi", "uvicorn")
tokens_app = App(help="Bearer tokens of the web API (`serve`): stored hashed, each shown once.")


def register(app: typer.Typer) -> None:
    app.command()(serve)
    app.add_typer(tokens_app, name="tokens")


def check_web_extra() -> None:
    """CL-E900 when FastAPI or uvicorn is missing (they are the optional extra `web`)."""
    missing = [name for name in _NEEDED if importlib.util.find_spec(name) is None]
    if missing:
        raise ConflictLensError("CL-E900", f"{' and '.join(missing)} not installed; run "
                                "`pip install 'conflictlens[web]'`", "serve")


def serve(ctx: typer.Context,
          host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
          port: int = number_option(8765, "--port", 1, 65535, "Port to listen on"),
          public: bool = typer.Option(False, "--public", help="Read-only, confidential material never leaves, "
                                      "page-size cap and a per-client rate limit.")) -> None:
    """Serve the web app (map, timeline, events) at / and the REST API at /api (docs at /docs)."""
    with coded_errors():
        check_web_extra()
        session(ctx, EXISTING)  # a missing database fails now, with its code, not on the first request
        app = build_app(settings(ctx).db, public)
    import uvicorn

    typer.echo(f"conflictlens on http://{host}:{port}/ (API docs at /docs){' [public]' if public else ''}", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def build_app(db: str, public: bool):
    """The app over `db`, one Session per request."""
    from conflictlens.web import create_app
    return create_app(functools.partial(Session, db, store=EXISTING), public)


@tokens_app.command("create")
def create_token(ctx: typer.Context, name: str = typer.Argument(..., help="Who or what holds it (audited as this)."),
                 scope: str = typer.Option("read", "--scope", help="read or write.")) -> None:
    """Create a token and print it once (only its hash is stored)."""
    with coded_errors():
        secret = session(ctx, CREATE).create_token(name, scope)
    typer.echo(secret)
    say(settings(ctx), f"token {name!r} ({scope}) created; it is shown only now: keep it like a password")


@tokens_app.command("list")
def list_tokens(ctx: typer.Context) -> None:
    """Every token's name, scope, and when it was created, last used and revoked (never the token)."""
    import json

    with coded_errors():
        rows = session(ctx).tokens()
    for row in rows:
        typer.echo(json.dumps(row, ensure_ascii=False))
    if not rows:
        say(settings(ctx), "no tokens yet; create one with `conflictlens tokens create NAME --scope write`")


@tokens_app.command("revoke")
def revoke_token(ctx: typer.Context, name: str = typer.Argument(..., help="The token's name.")) -> None:
    """Revoke a token: it stops working at once (its name stays in the audit trail)."""
    with coded_errors():
        session(ctx).revoke_token(name)
    say(settings(ctx), f"token {name!r} revoked")
