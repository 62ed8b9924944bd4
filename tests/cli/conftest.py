"""A demo database built once per session; tests that change it work on a copy."""

from __future__ import annotations

import shutil

import pytest
from typer.testing import CliRunner

from conflictlens.cli import app


def run(*args, **kwargs):
    return CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False, **kwargs)


@pytest.fixture(scope="session")
def pristine_demo(tmp_path_factory):
    db = tmp_path_factory.mktemp("pristine") / "demo.db"
    result = run("--db", db, "--quiet", "demo")
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture
def demo_copy(pristine_demo, tmp_path):
    """A demo database of the test's own, to change (the store closes its WAL on exit: one file)."""
    db = tmp_path / "demo.db"
    shutil.copyfile(pristine_demo, db)
    return db


@pytest.fixture(scope="session")
def ucdp_pakistan_db(shared_data, tmp_path_factory):
    """UCDP GED Pakistan (1989-2021, read in place) imported once, for the backtests that read it."""
    source = shared_data / "ucdp" / "ucdp_ged_pakistan.csv"
    if not source.exists():
        pytest.skip("UCDP GED Pakistan is not present")
    db = tmp_path_factory.mktemp("ucdp") / "pk.db"
    result = run("--db", db, "-q", "import", "ucdp", source)
    assert result.exit_code == 0, result.output
    return db
