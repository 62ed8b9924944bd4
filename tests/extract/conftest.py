"""Fixtures the extract tests share."""

from __future__ import annotations

import pytest

import conflictlens


@pytest.fixture(scope="module")
def session():
    """A session on the default store, opened once per test module (the news-text tests extract through it)."""
    with conflictlens.open() as s:
        yield s
