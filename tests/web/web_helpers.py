"""What the web tests share: texts written for them, the CLI, and a TestClient over a store."""

from __future__ import annotations

import functools

from typer.testing import CliRunner

from conflictlens.cli import app as cli_app
from conflictlens.pipeline.session import EXISTING, Session

MARKET = """Title: Bomb at Kunduz market
Published: 2021-06-12
Outlet: Kunduz Daily

A bomb exploded at a market in Kunduz city on Friday, killing five people. Shopkeeper Wahidullah Barakzai said \
the Taliban denied involvement.
"""
PERSON = "Wahidullah Barakzai"


def cli(*args):
    result = CliRunner().invoke(cli_app, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def client_over(db, public=False, **options):
    """A TestClient over the store at `db` (FastAPI imported here: the web extra is optional)."""
    from fastapi.testclient import TestClient

    from conflictlens.web import create_app

    app = create_app(functools.partial(Session, str(db), store=EXISTING), public, **options)
    return TestClient(app, raise_server_exceptions=False)


def get_json(client, path: str, **params):
    """A GET that must succeed, as JSON."""
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()
