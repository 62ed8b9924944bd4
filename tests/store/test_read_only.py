"""A store the system will not let us write (an archive on a read-only drive) opens for reading.

Tests run as root, for whom chmod stops nothing; the immutable flag (chattr +i) stops root too, so
the end-to-end tests use it (chmod when not root) and skip where neither is available. The store's
own writability test is also forced, so the read-only open is checked everywhere.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from store_helpers import make_document, make_event

from conflictlens.errors import ConflictLensError
from conflictlens.store import Store, sqlite as store_sqlite

TEXT = "A suicide bomber attacked the Maiduguri market on Tuesday, killing 12 people."


def filled(path: Path) -> Path:
    doc = make_document(TEXT)
    with Store.open(path) as store:
        store.save_document_with_events(doc, [make_event(doc)], "v1")
    return path


def side_files(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p.name != path.name)


@contextmanager
def unwritable(*paths: Path) -> Iterator[None]:
    """Make `paths` unwritable for this process, as a read-only drive would; skip when impossible."""
    root = os.geteuid() == 0
    if root and shutil.which("chattr") is None:
        pytest.skip("running as root without chattr: nothing here can stop root writing")
    done: list[tuple[Path, int]] = []
    try:
        for path in paths:
            mode = path.stat().st_mode
            if root:
                if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode != 0:
                    pytest.skip("the file system does not support the immutable flag")
            else:
                path.chmod(0o555 if path.is_dir() else 0o444)
            done.append((path, mode))
        if any(os.access(p, os.W_OK) for p in paths):
            pytest.skip("the paths are still writable")
        yield
    finally:
        for path, mode in reversed(done):
            if root:
                subprocess.run(["chattr", "-i", str(path)], check=True)
            else:
                path.chmod(mode)


@pytest.mark.parametrize("which", ["file and folder", "folder", "file"])
def test_a_store_on_an_unwritable_path_opens_for_reading(tmp_path, which):
    folder = tmp_path / "archive"
    folder.mkdir()
    db = filled(folder / "events.db")
    locked = {"file and folder": (db, folder), "folder": (folder,), "file": (db,)}[which]
    with unwritable(*locked):
        with Store.open(db) as store:
            assert store.read_only
            assert [e.document_id for e in store.iter_events()] == [make_document(TEXT).id]
            assert store.counts()["documents"] == 1
            with pytest.raises(ConflictLensError) as caught:
                store.save_document_with_events(make_document("Another report."), [], "v1")
        assert side_files(db) == []  # no -wal or -shm was made
    assert caught.value.code == "CL-E206" and "copy it somewhere writable" in caught.value.message


def test_a_read_only_open_refuses_writes_even_for_root(tmp_path, monkeypatch):
    db = filled(tmp_path / "events.db")
    monkeypatch.setattr(store_sqlite, "writable", lambda path: False)
    with Store.open(db) as store:
        with pytest.raises(ConflictLensError) as caught:
            store.save_document_with_events(make_document("Another report."), [], "v1")
        assert store.counts()["documents"] == 1
    assert caught.value.code == "CL-E206" and caught.value.subject == str(db)
    assert side_files(db) == []


def test_commits_still_in_the_write_ahead_log_are_read(tmp_path, monkeypatch):
    """A store copied with its -wal file (or read while another program has it open) shows every commit."""
    db = filled(tmp_path / "events.db")
    writer = sqlite3.connect(db)  # holds the log open: its commits stay in events.db-wal
    try:
        writer.execute("UPDATE documents SET title = 'late title'")
        writer.commit()
        assert (tmp_path / "events.db-wal").stat().st_size > 0
        monkeypatch.setattr(store_sqlite, "writable", lambda path: False)
        with Store.open(db) as store:
            assert store.read_only and store.get_document(make_document(TEXT).id).title == "late title"
    finally:
        writer.close()


def test_a_writable_store_is_not_read_only(tmp_path):
    with Store.open(filled(tmp_path / "events.db")) as store:
        assert not store.read_only


def test_read_commands_work_and_writes_are_refused_on_the_command_line(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from conflictlens.cli import app

    db = filled(tmp_path / "events.db")
    monkeypatch.setattr(store_sqlite, "writable", lambda path: False)
    runner = CliRunner()
    for command in (["events", "--format", "ndjson"], ["search", "Maiduguri"], ["export", "--format", "ndjson"],
                    ["incidents", "list"], ["actors", "candidates"]):
        result = runner.invoke(app, ["--db", str(db), *command])
        assert result.exit_code == 0 and "Traceback" not in result.output, (command, result.output)
        if command[0] == "incidents":  # the event was stored without resolution: the list says it lacks it
            assert "read-only store holds events in no incident" in result.stderr
    report = tmp_path / "r.txt"
    report.write_text("Gunmen stormed a hotel in Mogadishu on Monday.", encoding="utf-8")
    refused = runner.invoke(app, ["--db", str(db), "ingest", str(report)])
    assert refused.exit_code == 2 and "CL-E206" in refused.stderr


def test_a_read_only_copy_with_commits_in_its_log_but_no_shm_file_says_what_to_do(tmp_path):
    db = filled(tmp_path / "events.db")
    writer = sqlite3.connect(db)
    try:
        writer.execute("UPDATE documents SET title = 'late title'")
        writer.commit()
        archive = tmp_path / "archive"
        archive.mkdir()
        shutil.copy(db, archive / "events.db")
        shutil.copy(f"{db}-wal", archive / "events.db-wal")  # copied without its -shm file
    finally:
        writer.close()
    with unwritable(archive):
        with pytest.raises(ConflictLensError) as caught:
            Store.open(archive / "events.db")
    assert caught.value.code == "CL-E206" and "-wal" in caught.value.message


def test_a_store_another_program_has_open_is_read_through_its_log(tmp_path, monkeypatch):
    """Its -wal may be empty for now (just checkpointed): its next commits must still be seen."""
    db = filled(tmp_path / "events.db")
    writer = sqlite3.connect(db)
    try:
        writer.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        assert (tmp_path / "events.db-wal").stat().st_size == 0
        monkeypatch.setattr(store_sqlite, "writable", lambda path: False)
        with Store.open(db) as store:
            writer.execute("UPDATE documents SET title = 'later'")
            writer.commit()
            assert store.get_document(make_document(TEXT).id).title == "later"
    finally:
        writer.close()
