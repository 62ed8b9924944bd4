"""`conflictlens serve`: coded errors before anything listens."""

from __future__ import annotations

import importlib.util

import pytest
from typer.testing import CliRunner

from conflictlens.cli import app

pytest.importorskip("fastapi", reason="the web extra (fastapi) is not installed")
pytest.importorskip("httpx", reason="httpx (FastAPI's TestClient) is not installed")


def test_serve_without_the_web_extra_is_a_coded_error(monkeypatch, demo_db):
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "uvicorn" else real(name, *a))
    result = CliRunner().invoke(app, ["--db", str(demo_db), "serve"])
    assert result.exit_code == 2 and "CL-E900" in result.output and "conflictlens[web]" in result.output


def test_serve_without_a_database_is_a_coded_error(tmp_path):
    result = CliRunner().invoke(app, ["--db", str(tmp_path / "none.db"), "serve"])
    assert result.exit_code == 2 and "CL-E200" in result.output
    assert not (tmp_path / "none.db").exists()


def test_serve_checks_its_port(demo_db):
    result = CliRunner().invoke(app, ["--db", str(demo_db), "serve", "--port", "70000"])
    assert result.exit_code != 0 and "65,535" in result.output


def test_serve_runs_uvicorn_with_the_app(monkeypatch, demo_db):
    import uvicorn

    seen = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: seen.update(app=app, **options))
    result = CliRunner().invoke(app, ["--db", str(demo_db), "serve", "--public", "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert seen["port"] == 8123 and seen["host"] == "127.0.0.1"
    assert seen["app"].state.context.public is True
