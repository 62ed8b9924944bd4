"""The exporters' reference data: the datasets' layouts and code tables (one file per dataset, shared
with the importer: `model.vocab.dataset_table`), and STIX settings and boundaries (data/ beside this)."""

from __future__ import annotations

import gzip
import json
from functools import lru_cache
from importlib import resources
from typing import Any

from conflictlens.errors import ConflictLensError, reading_bundled
from conflictlens.model.vocab import dataset_table

_PACKAGE = "conflictlens.export"
BOUNDARIES_FILE = "boundaries.geojson.gz"


def _bytes(name: str, code: str = "CL-E300") -> bytes:
    try:
        return resources.files(_PACKAGE).joinpath("data", name).read_bytes()
    except OSError as exc:
        raise ConflictLensError(code, f"cannot read bundled export data ({exc}); reinstall conflictlens",
                                subject=f"{_PACKAGE}/data/{name}") from exc


@lru_cache(maxsize=4)
def data(name: str) -> dict[str, Any]:
    """One of the JSON files beside this module: "stix"."""
    return json.loads(_bytes(f"{name}.json"))


def _dataset_table(dataset: str) -> dict[str, Any]:
    with reading_bundled(f"conflictlens/model/data/datasets/{dataset}.json"):
        return dataset_table(dataset)


def from_ours(dataset: str) -> dict[str, Any]:
    """Our vocabularies -> the dataset's codes ("acled" or "gtd"), for events not imported from it."""
    return _dataset_table(dataset)["from_ours"]


def conventions(dataset: str) -> dict[str, Any]:
    """How the dataset writes values that have no column of their own (the importer reads the same)."""
    return _dataset_table(dataset).get("conventions", {})


def columns(dataset: str) -> tuple[str, ...]:
    """The dataset's published columns, in order: what its export writes."""
    return tuple(_dataset_table(dataset)["layouts"][dataset]["columns"])


@lru_cache(maxsize=4)
def field_columns(dataset: str) -> frozenset[str]:
    """The columns an export rebuilds from Event fields (every other one is the dataset's own)."""
    return frozenset(_dataset_table(dataset)["layouts"][dataset]["fields"])


@lru_cache(maxsize=1)
def boundaries() -> dict[str, Any]:
    """The bundled province and district polygons (a GeoJSON FeatureCollection)."""
    raw = _bytes(BOUNDARIES_FILE, "CL-E512")
    try:
        collection = json.loads(gzip.decompress(raw))
    except (OSError, EOFError, ValueError) as exc:
        raise ConflictLensError("CL-E512", f"the bundled boundaries are damaged ({exc}); reinstall "
                                "conflictlens or rebuild them with scripts/build_boundaries.py",
                                subject=f"{_PACKAGE}/data/{BOUNDARIES_FILE}") from exc
    if collection.get("type") != "FeatureCollection":
        raise ConflictLensError("CL-E512", "the bundled boundaries are not a FeatureCollection; rebuild "
                                "them with scripts/build_boundaries.py", subject=BOUNDARIES_FILE)
    return collection
