"""The Session: one store per session, parts built once, closed with it; the library API in the README runs."""

from __future__ import annotations

import csv
import re
import subprocess
import sys

import pytest

import conflictlens
from conflictlens.errors import ConflictLensError
from conflictlens.pipeline.session import CREATE, EXISTING, NONE, OPTIONAL, Session
from tests.conftest import REPO

TTP = "Tehrik-i-Taliban Pakistan (TTP)"
REPORT = ("Title: Checkpoint attack\nPublished: 2021-03-08\n\n"
          "Gunmen killed two police officers at a checkpoint in Herat city on Sunday, officials said.\n")


def _readme_example() -> str:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("## Use it from Python", 1)[1]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


def test_the_readme_example_runs(tmp_path, monkeypatch, extractor):
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "herat.txt").write_text(REPORT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    scope: dict = {}
    exec(compile(_readme_example(), "README.md", "exec"), scope)  # noqa: S102 - our own README
    assert scope["report"].inserted == 1 and scope["report"].errors == []
    with open(tmp_path / "events.csv", encoding="utf-8") as exported:
        rows = list(csv.DictReader(exported))
    assert rows and {r["country"] for r in rows} == {"Afghanistan"}
    assert scope["events"] and scope["events"][0].location.country == "AF"


def test_importing_conflictlens_loads_nothing_heavy():
    code = ("import sys, conflictlens; conflictlens.Session; conflictlens.ExportFilters; "
            "print(sorted(m for m in ('spacy', 'conflictlens.extract.extractor') if m in sys.modules))")
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    assert shown.stdout.strip() == "[]"


def test_the_store_is_opened_once_and_closed_with_the_session(tmp_path):
    with Session(tmp_path / "a.db", store=CREATE) as session:
        store = session.store
        assert session.store is store and session.registry is session.registry
        assert session.public is session.public and session.public.policy is session.policy
    with pytest.raises(ConflictLensError) as closed:
        session.store
    assert closed.value.code == "CL-E800"
    with pytest.raises(Exception):
        store.counts()  # the connection went with the session


def test_a_session_over_a_callers_store_leaves_it_open(tmp_path):
    with Session(tmp_path / "a.db", store=CREATE) as owner:
        with Session.over(owner.store) as borrowed:
            assert borrowed.store is owner.store
        assert owner.store.counts()["documents"] == 0


@pytest.mark.parametrize("mode, made", [(EXISTING, None), (OPTIONAL, False), (NONE, False), (CREATE, True)])
def test_store_modes_decide_whether_a_database_is_made(tmp_path, mode, made):
    path = tmp_path / "new.db"
    if made is None:
        with pytest.raises(ConflictLensError) as missing:
            Session(path, store=mode)
        assert missing.value.code == "CL-E200"
        return
    with Session(path, store=mode) as session:
        assert (session.store is not None) == made
    assert path.exists() == made


def test_an_unknown_mode_and_a_missing_store_are_coded_errors(tmp_path):
    with pytest.raises(ConflictLensError) as unknown:
        Session(tmp_path / "a.db", store="sometimes")
    assert unknown.value.code == "CL-E801"
    with Session(store=NONE) as session, pytest.raises(ConflictLensError) as none:
        session.public
    assert none.value.code == "CL-E802"


def test_an_actor_edit_reaches_the_session_registry_after_changed(tmp_path):
    from conflictlens.pipeline import actors as wiring

    with Session(tmp_path / "a.db", store=CREATE) as session:
        before = session.registry
        assert before.resolve("Zebra Front") is None
        wiring.add_alias(session.store, "TTP", "Zebra Front", by="test")
        assert session.registry is before  # built once ...
        session.changed()
        found = session.registry.resolve("Zebra Front")  # ... and again after a write
        assert session.registry is not before and found is not None and found.canonical == TTP


def test_the_sessions_own_writes_rebuild_what_they_change(tmp_path):
    """An actor edit through the session reaches its registry (and every later job) at once; a
    confidential mark reaches its outbound gate."""
    with Session(tmp_path / "a.db", store=CREATE) as session:
        before = session.registry
        session.edit_actors("add_alias", "TTP", "Zebra Front", by="test")
        assert session.registry is not before and session.registry.resolve("Zebra Front").canonical == TTP
        assert session.public.policy.empty
        session.mark_confidential(person="Zebra Informant", by="editor")
        assert not session.public.policy.empty and session.public.policy is session.policy
        assert [kind for kind, *_ in session.confidential_entries()] == ["person"]


def test_open_without_a_database_extracts_only():
    with conflictlens.open() as session:
        assert session.store is None
        with pytest.raises(ConflictLensError):
            session.events()
