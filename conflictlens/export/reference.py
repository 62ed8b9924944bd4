"""The exporters' reference data (data/ beside this module): layouts, codes, STIX settings, boundaries."""

from __future__ import annotations

import gzip
import json
from functools import lru_cache
from importlib import resources
from typing import Any

from conflictlens.errors import ConflictLensError

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
    """One of the JSON files: "layouts", "codes" or "stix"."""
    return json.loads(_bytes(f"{name}.json"))


def columns(layout: str) -> tuple[str, ...]:
    return tuple(data("layouts")[layout]["columns"])


@lru_cache(maxsize=4)
def field_columns(layout: str) -> frozenset[str]:
    """The columns an export rebuilds from Event fields (every other one is the dataset's own)."""
    return frozenset(data("layouts")[layout]["fields"])


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
