"""Help names values the way users type them, every argument and option says what it is for, and
`--version` answers from the package metadata (issue 17)."""

from __future__ import annotations

import re
from importlib.metadata import version

import pytest
import typer

from conflictlens.cli import app
from tests.cli.conftest import run

TYPE_LABEL = re.compile(r"<[\w\[\], |.]+>")  # typer's own labels: <bool>, <list[Path]>, <str>, <int range>


def _commands(command, words=()):
    yield words, command
    for name, sub in getattr(command, "commands", {}).items():
        yield from _commands(sub, (*words, name))


COMMANDS = list(_commands(typer.main.get_command(app)))


@pytest.mark.parametrize("words", [w for w, _ in COMMANDS], ids=lambda w: " ".join(w) or "conflictlens")
def test_help_shows_no_python_type_labels(words):
    result = run(*words, "--help", env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert not TYPE_LABEL.findall(result.stdout), TYPE_LABEL.findall(result.stdout)


def test_flags_show_no_value_and_files_show_a_file():
    ingest = run("ingest", "--help", env={"COLUMNS": "200"}).stdout
    assert re.search(r"--confidential\s+Confidential sources", ingest)
    assert re.search(r"--actors\s+PATH\s+Extra actor registry", ingest)
    assert re.search(r"PATHS\s+Files or folders of reports", ingest)


@pytest.mark.parametrize("words,command", COMMANDS, ids=lambda c: " ".join(c) if isinstance(c, tuple) else "")
def test_every_argument_and_option_has_help(words, command):
    undocumented = [p.name for p in command.params if not (getattr(p, "help", None) or "").strip()]
    assert not undocumented, f"{' '.join(words)}: {undocumented}"


def test_search_help_explains_its_query_and_limit():
    text = run("search", "--help", env={"COLUMNS": "200"}).stdout
    assert re.search(r"QUERY\s+Words every hit contains", text)
    assert re.search(r"--limit\s+N\s+At most this many hits", text)


def test_version_comes_from_the_package_metadata():
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout == f"conflictlens {version('conflictlens')}\n"


def test_a_copy_without_package_metadata_says_how_to_get_a_version(monkeypatch):
    import importlib.metadata

    def missing(name):
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "version", missing)
    result = run("--version")
    assert result.exit_code == 2 and result.stderr.startswith("error CL-E402 --version: ")
