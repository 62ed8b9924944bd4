"""The importers' reference data: each dataset's column layouts and code tables (one file per dataset,
shared with the exporter: `model.vocab.dataset_table`) and ISO country codes (data/ beside this)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from conflictlens.errors import reading_bundled
from conflictlens.model.text import ascii_key
from conflictlens.model.vocab import DATASET_TABLES, dataset_table

_PACKAGE = "conflictlens.ingest.datasets"


@dataclass(frozen=True)
class Layout:
    """A published column layout: its columns in order, those a file must have, and the mapped ones."""

    name: str
    columns: tuple[str, ...]
    required: frozenset[str]
    aliases: dict[str, str]
    fields: frozenset[str]  # columns held in Event fields; every other column goes to Event.extra


@dataclass(frozen=True)
class Country:
    alpha2: str
    alpha3: str
    numeric: str
    name: str


@dataclass(frozen=True)
class Countries:
    by_alpha2: dict[str, Country]
    by_alpha3: dict[str, str]
    by_numeric: dict[str, str]
    by_name: dict[str, str]  # name key -> alpha2

    def from_name(self, name: str) -> str | None:
        return self.by_name.get(ascii_key(name))


def _read(name: str) -> str:
    with reading_bundled(f"{_PACKAGE}/data/{name}"):
        return resources.files(_PACKAGE).joinpath("data", name).read_text(encoding="utf-8")


@lru_cache(maxsize=len(DATASET_TABLES))
def _dataset_table(dataset: str) -> dict[str, Any]:
    # Cached here too: the importers ask for a code table several times a row, and entering the
    # context manager cost more than the look-up (a failed read raises, and is not cached).
    with reading_bundled(f"conflictlens/model/data/datasets/{dataset}.json"):
        return dataset_table(dataset)


def to_ours(dataset: str) -> dict[str, Any]:
    """The dataset's codes -> our vocabularies ("acled", "gtd" or "ucdp")."""
    return _dataset_table(dataset)["to_ours"]


def conventions(dataset: str) -> dict[str, Any]:
    """How the dataset writes values that have no column of their own (the exporter reads the same)."""
    return _dataset_table(dataset).get("conventions", {})


@lru_cache(maxsize=1)
def layouts() -> dict[str, Layout]:
    return {
        name: Layout(name, tuple(spec["columns"]), frozenset(spec["required"]), dict(spec["aliases"]),
                     frozenset(spec["fields"]))
        for dataset in DATASET_TABLES for name, spec in _dataset_table(dataset)["layouts"].items()
    }


@lru_cache(maxsize=1)
def countries() -> Countries:
    by_alpha2: dict[str, Country] = {}
    by_name: dict[str, str] = {}
    lines = _read("countries.tsv").splitlines()[1:]
    for line in lines:
        alpha2, alpha3, numeric, name, aliases = line.split("\t")
        by_alpha2[alpha2] = Country(alpha2, alpha3, numeric, name)
        for alias in filter(None, aliases.split("|")):
            by_name.setdefault(ascii_key(alias), alpha2)
    for country in by_alpha2.values():  # the shown names win over another country's alias
        by_name[ascii_key(country.name)] = country.alpha2
    for line in _read("country_aliases.tsv").splitlines():
        if line.strip() and not line.startswith("#"):
            alpha2, alias = line.split("\t")
            by_name[ascii_key(alias)] = alpha2
    return Countries(
        by_alpha2=by_alpha2,
        by_alpha3={c.alpha3: c.alpha2 for c in by_alpha2.values()},
        by_numeric={c.numeric: c.alpha2 for c in by_alpha2.values()},
        by_name=by_name,
    )
