"""The bundled registry in the start-up cache: read back, it finds and resolves what the built one
does; its key changes when a bundled file does."""

import shutil

from conflictlens.actors import registry
from conflictlens.model import cache

TEXT = ("Taliban fighters and ISKP militants clashed near Jalalabad; the Islamic State claimed an attack "
        "on Afghan National Army soldiers, while gunmen killed two police officers in Quetta.")


def test_the_registry_read_back_finds_and_resolves_as_the_built_one(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ENV_CACHE_DIR, str(tmp_path))
    built = registry._build_bundled()
    assert cache.write_entry("actor-registry", "k", built)
    found, back = cache.read_entry("actor-registry", "k")
    assert found and back is not built
    assert back.find_actors(TEXT, "AF", "2021-03-01") == built.find_actors(TEXT, "AF", "2021-03-01")
    for name in ("ISKP", "TTP", "Tehrik-i-Taliban Pakistan", "Islamic Stat", "gunmen"):
        assert back.resolve(name, "PK") == built.resolve(name, "PK")
        assert back.suggest(name) == built.suggest(name)
    assert [e.name for e in back.all()] == [e.name for e in built.all()]


def test_the_bundled_registry_of_a_session_is_the_cached_one_when_there_is_one(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ENV_CACHE_DIR, str(tmp_path))
    registry._bundled_instance.cache_clear()
    try:
        first = registry._bundled_instance()
        assert (tmp_path / "actor-registry.cache").is_file()
        registry._bundled_instance.cache_clear()
        again = registry._bundled_instance()
        assert again is not first and again.find_actors(TEXT) == first.find_actors(TEXT)
    finally:
        registry._bundled_instance.cache_clear()


def test_the_key_changes_with_a_bundled_file(tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(registry.DATA_DIR, data)
    monkeypatch.setattr(registry, "DATA_DIR", data)
    key = registry.bundled_key()
    with open(data / "actors.yaml", "a", encoding="utf-8") as fh:
        fh.write("\n# an edit\n")
    assert registry.bundled_key() != key
