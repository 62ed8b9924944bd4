import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings


REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"
# The start-up cache (conflictlens/model/cache.py) of a test run is its own, begun empty: tests never
# read or fill a developer's ~/.cache/conflictlens, and the first build of each part is a cold one.
os.environ.setdefault("CONFLICTLENS_CACHE_DIR", tempfile.mkdtemp(prefix="conflictlens-test-cache-"))
# No property test is timed: these machines are shared, and hypothesis's default 200 ms deadline per example
# failed `test_number_words_round_trip` under load (a flaky test says nothing about the code).
settings.register_profile("untimed", deadline=None)
settings.load_profile("untimed")


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


def pytest_report_header(config):
    from tests.postgres_server import SERVER, unavailable
    reason = unavailable()
    return f"PostgreSQL store tests: {'SKIPPED: ' + reason if reason else 'on ' + SERVER}"


@pytest.fixture
def postgres_url():
    """The URL of a fresh PostgreSQL schema for this test alone (skips where no server answers)."""
    from tests.postgres_server import fresh_schema, unavailable
    reason = unavailable()
    if reason:
        pytest.skip(f"PostgreSQL: {reason}")
    with fresh_schema() as url:
        yield url


@pytest.fixture
def postgis_url():
    """The URL of a fresh schema in a PostgreSQL database that has PostGIS (skips, saying why, without it)."""
    from tests.postgres_server import fresh_schema, postgis_server
    server, reason = postgis_server()
    if server is None:
        pytest.skip(f"PostGIS: {reason}")
    with fresh_schema(server) as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def db_target(request, tmp_path):
    """A new store's --db value on each backend: a SQLite file path, then a PostgreSQL URL."""
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    return request.getfixturevalue("postgres_url")
