"""The analysis stage's YAML data files: the bundled one, or a user's file of the same format."""

from __future__ import annotations

import re
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import yaml

from conflictlens.errors import ConflictLensError

T = TypeVar("T")
# What a damaged file raises while it is read or parsed; anything else is a bug, not bad data.
DATA_ERRORS = (OSError, UnicodeDecodeError, yaml.YAMLError, re.error, KeyError, TypeError, ValueError,
               AttributeError)


def load_data_file(name: str, path: str | None, parse: Callable[[Any, str], T], code: str, what: str) -> T:
    """Parse `path`, or the bundled data/`name`, with `parse(raw, where)`; a damaged file is error `code`."""
    where = path or f"conflictlens/analysis/data/{name}"
    try:
        if path:
            text = Path(path).read_text(encoding="utf-8")
        else:
            text = resources.files("conflictlens.analysis").joinpath(f"data/{name}").read_text(encoding="utf-8")
        return parse(yaml.safe_load(text), where)
    except DATA_ERRORS as exc:
        raise ConflictLensError(code, f"cannot read {what} ({exc}); fix the file or reinstall conflictlens",
                                where) from exc
