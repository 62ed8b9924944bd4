"""One Session per invocation: the store is opened once per command, and an export is redacted once."""

from __future__ import annotations

import json

import pytest

import conflictlens.export
from conflictlens.store import Store
from tests.cli.conftest import run


@pytest.fixture
def opens(monkeypatch):
    """Counts Store.open calls made by a command."""
    calls = []
    real = Store.open.__func__

    def counted(cls, path, **options):
        calls.append(str(path))
        return real(cls, path, **options)

    monkeypatch.setattr(Store, "open", classmethod(counted))
    return calls


def _first_event(db) -> str:
    return json.loads(run("--db", db, "events", "--format", "ndjson", "--limit", "1").output.splitlines()[0])["id"]


@pytest.mark.parametrize("command", [
    ("events", "--limit", "3"), ("search", "Kabul"), ("incidents", "list", "--limit", "2"),
    ("export", "--format", "acled", "--limit", "2"), ("network",), ("actors", "list", "--format", "ndjson"),
    ("grades", "list"), ("extract", "--input", "{jsonl}"),
])
def test_a_command_opens_the_store_once(demo_copy, tmp_path, opens, command):
    jsonl = tmp_path / "batch.jsonl"
    jsonl.write_text('{"id": "a", "text": "A bomb killed three people in Kabul on Monday."}\n', encoding="utf-8")
    result = run("--db", demo_copy, "--quiet", *[c.format(jsonl=jsonl) for c in command])
    assert result.exit_code == 0, result.output
    assert opens == [str(demo_copy)]


def test_show_why_and_attribution_open_the_store_once(demo_copy, opens):
    event_id = _first_event(demo_copy)
    opens.clear()
    for command in (("show", event_id), ("why", event_id), ("attribution", event_id)):
        result = run("--db", demo_copy, "--quiet", *command)
        assert result.exit_code == 0, result.output
        assert opens == [str(demo_copy)]
        opens.clear()


def test_demo_ingests_and_summarises_in_one_session(tmp_path, opens):
    result = run("--db", tmp_path / "d.db", "demo")
    assert result.exit_code == 0, result.output
    assert opens == [str(tmp_path / "d.db")]


def test_an_export_is_redacted_once_by_the_outbound_gate(demo_copy, tmp_path, monkeypatch):
    """The gate redacts the events; the export stage, told so, does not redact them a second time."""
    event_id = _first_event(demo_copy)
    document = json.loads(run("--db", demo_copy, "show", event_id, "--format", "json").output)["document_id"]
    run("--db", demo_copy, "confidential", "add", "--document", document, "--by", "editor")

    def twice(*_args, **_kwargs):
        raise AssertionError("the export stage redacted events the gate had redacted")

    monkeypatch.setattr(conflictlens.export, "publishable", twice)
    result = run("--db", demo_copy, "export", "--format", "ndjson")
    assert result.exit_code == 0, result.output
    assert document not in result.output and event_id not in result.output
