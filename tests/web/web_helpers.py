"""What the web tests share: texts written for them, the CLI, and a TestClient over a store."""

from __future__ import annotations

import functools

from typer.testing import CliRunner

from conflictlens.cli import app as cli_app
from conflictlens.pipeline.session import EXISTING, Session

PUBLIC = """Title: Gunmen kill six at Jalalabad clinic
Published: 2021-06-08
Outlet: Eastern Herald

Gunmen attacked a health clinic in Jalalabad, Nangarhar province, on Monday, killing six patients and wounding \
two nurses. The Islamic State Khorasan Province claimed responsibility for the attack.
"""
TIP = """Title: Tip from a clinic guard
Published: 2021-06-08

A guard at the clinic said gunmen attacked the health clinic in Jalalabad, Nangarhar province, on Monday, \
killing six patients. He said the Islamic State Khorasan Province carried out the attack.
"""
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
