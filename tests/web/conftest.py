"""Stores for the web tests: the demo (bundled samples), and a newsroom with a confidential tip and a
confidential person (texts written for these tests). Skipped cleanly without the `web` extra."""

from __future__ import annotations

import functools

import pytest
from typer.testing import CliRunner

pytest.importorskip("fastapi", reason="the web extra (fastapi) is not installed")
pytest.importorskip("httpx", reason="httpx (FastAPI's TestClient) is not installed")

from fastapi.testclient import TestClient  # noqa: E402

from conflictlens.cli import app as cli_app  # noqa: E402
from conflictlens.pipeline.session import EXISTING, Session  # noqa: E402
from conflictlens.web import create_app  # noqa: E402

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
    app = create_app(functools.partial(Session, str(db), store=EXISTING), public, **options)
    return TestClient(app, raise_server_exceptions=False)


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("webdemo") / "demo.db"
    cli("--db", db, "--quiet", "demo")
    return db


@pytest.fixture(scope="session")
def client(demo_db):
    return client_over(demo_db)


@pytest.fixture(scope="session")
def newsroom(tmp_path_factory):
    """A store with a public report, a confidential tip and a confidential person named in a public report."""
    root = tmp_path_factory.mktemp("newsroom")
    for name, text in (("public.txt", PUBLIC), ("tip.txt", TIP), ("market.txt", MARKET)):
        (root / name).write_text(text, encoding="utf-8")
    db = root / "newsroom.db"
    cli("--db", db, "--quiet", "ingest", root / "public.txt", root / "market.txt")
    cli("--db", db, "--quiet", "ingest", "--confidential", root / "tip.txt")
    cli("--db", db, "--quiet", "confidential", "add", PERSON, "--by", "desk", "--why", "source")
    return db
