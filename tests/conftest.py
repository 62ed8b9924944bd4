import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"


@pytest.fixture(scope="session")
def extractor():
    from conflictlens import pipeline
    return pipeline.build_extractor()


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED.exists():
        pytest.skip("../shared/data is not present")
    return SHARED


@pytest.fixture(autouse=True)
def _no_env_db(monkeypatch):
    monkeypatch.delenv("CONFLICTLENS_DB", raising=False)
    monkeypatch.delenv("CONFLICTLENS_TYPING_MODEL", raising=False)  # a developer's own model changes typing
    os.environ.setdefault("COLUMNS", "200")
