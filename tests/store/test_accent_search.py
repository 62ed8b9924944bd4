"""Search folds accents on both databases ("Herat" finds "Hérat"), and a PostgreSQL server without the
unaccent extension searches unfolded and says so."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from conflictlens.cli import app
from conflictlens.store import Store
from conflictlens.store import postgres
from store_helpers import make_document

DOCUMENTS = {"herat": make_document("A roadside bomb struck a bus near Hérat on Monday.", title="Blast in Hérat"),
             "bogota": make_document("Police in Bogotá said two officers were shot.", title="Shooting"),
             "plain": make_document("Officials in Bogota and Herat met on Tuesday.", title="Talks")}


def _fill(store: Store) -> None:
    store.save_versioned([(doc, [], "v1") for doc in DOCUMENTS.values()])


def _found(store: Store, query: str) -> set[str]:
    names = {doc.id: name for name, doc in DOCUMENTS.items()}
    return {names[hit[0]] for hit in store.search_documents(query)}


@pytest.mark.parametrize("query, expected", [
    ("Herat", {"herat", "plain"}), ("Hérat", {"herat", "plain"}), ("HÉRAT", {"herat", "plain"}),
    ("Bogotá", {"bogota", "plain"}), ("bogota", {"bogota", "plain"}), ("bogotá shot", {"bogota"}),
    ("Hérat bus", {"herat"}),
])
def test_accented_and_plain_names_find_the_same_documents(store: Store, query: str, expected: set[str]) -> None:
    _fill(store)
    assert store.search_folds_accents()
    assert _found(store, query) == expected


def test_a_server_without_unaccent_searches_unfolded_says_so_and_folds_once_it_has_it(
        postgres_url: str, monkeypatch) -> None:
    monkeypatch.setattr(postgres, "_UNACCENT_SCHEMA", "SELECT 1 WHERE false")  # as if none were installed
    monkeypatch.setattr(postgres, "_CREATE_UNACCENT", "SELECT 'CREATE EXTENSION conflictlens_no_such_extension'")
    with Store.open(postgres_url) as store:
        _fill(store)
        assert not store.search_folds_accents()
        assert _found(store, "Herat") == {"plain"} and _found(store, "Hérat") == {"herat"}  # unfolded
    searched = CliRunner().invoke(app, ["--db", postgres_url, "search", "Herat"])
    assert searched.exit_code == 0 and "CL-E213" in searched.stderr and "CREATE EXTENSION unaccent" in searched.stderr
    monkeypatch.undo()  # a superuser installed it: the next open folds and re-indexes the stored documents
    with Store.open(postgres_url) as store:
        assert store.search_folds_accents()
        assert _found(store, "Herat") == {"herat", "plain"}
    searched = CliRunner().invoke(app, ["--db", postgres_url, "search", "Herat"])
    assert searched.exit_code == 0 and "CL-E213" not in searched.stderr


def test_a_new_store_folds_without_a_row_of_its_own(postgres_url: str) -> None:
    """The state is the catalogue's: `migrate` copies every row of one store into another."""
    with Store.open(postgres_url) as store:
        assert postgres.accents_folded(store.connection)  # type: ignore[arg-type]
        assert store.connection.execute("SELECT count(*) FROM meta").fetchone()[0] == 0
