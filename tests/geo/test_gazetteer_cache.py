"""The bundled gazetteer in the start-up cache: read back, it finds the places the built one finds;
its key changes when a bundled file does."""

import shutil
from pathlib import Path

from conflictlens.geo import Gazetteer, loader
from conflictlens.model import cache

TEXT = ("A roadside bomb struck a convoy in Lashkar Gah, Helmand province, on Monday; later gunmen "
        "attacked a checkpoint near Peshawar and a market in Maiduguri, Borno State, Nigeria.")


def gazetteer_of(parts) -> Gazetteer:
    index, meta, fixes, keys, countries = parts
    world = loader.WorldKeys(loader.SortedKeys(keys.split("\n"), countries.split("\n")))
    return Gazetteer(loader._freeze(index, meta, loader.load_stoplist(), world, fixes))


def test_the_gazetteer_read_back_finds_what_the_built_one_finds(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ENV_CACHE_DIR, str(tmp_path))
    built = loader._bundled_parts()
    assert cache.write_entry("gazetteer", "k", built)
    found, back = cache.read_entry("gazetteer", "k")
    assert found
    assert gazetteer_of(back).find_places(TEXT) == gazetteer_of(built).find_places(TEXT)
    assert gazetteer_of(back).find_places(TEXT) == Gazetteer.load().find_places(TEXT)


def test_the_key_changes_with_a_bundled_file(tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(Path(str(loader._data_dir())), data)
    monkeypatch.setattr(loader, "_data_dir", lambda: data)
    key = loader.bundled_key()
    with open(data / "stoplist.txt", "a", encoding="utf-8") as fh:
        fh.write("\nsomewhere\n")
    assert loader.bundled_key() != key


def test_a_warm_start_reads_the_curated_file_for_no_country(tmp_path, monkeypatch):
    """The world towns' divisions from curated_places.tsv come back with the cached gazetteer: a
    country file read later does not read the curated file a second time."""
    monkeypatch.setenv(cache.ENV_CACHE_DIR, str(tmp_path))
    reads = []
    real = loader._curated_text
    monkeypatch.setattr(loader, "_curated_text", lambda: reads.append(1) or real())
    for warm in (False, True):
        loader.load_bundled.cache_clear()
        loader.load_country.cache_clear()
        reads.clear()
        bunia = Gazetteer.load().lookup("Bunia", country="CD")
        assert [e.admin1 for e in bunia] == ["Ituri"]
        assert len(reads) == (0 if warm else 1)
    loader.load_bundled.cache_clear()
    loader.load_country.cache_clear()
