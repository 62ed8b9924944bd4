"""Stores for the web tests: the demo (bundled samples), and a newsroom with a confidential tip and a
confidential person (texts written for these tests). Each test module skips itself, with its reason,
without the `web` extra."""

from __future__ import annotations

import pytest

from tests.clinic_reports import PUBLIC, TIP
from tests.web.web_helpers import MARKET, PERSON, cli, client_over


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
