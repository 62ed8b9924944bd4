"""The start-up cache (model/cache.py): read back when its key holds; built again when stale, corrupt,
unreadable or off; never a failure when its folder cannot be written."""

import os
import pickle
import zlib

import pytest

from conflictlens.model import cache


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ENV_CACHE_DIR, str(tmp_path / "cache"))
    return tmp_path / "cache"


def counting_build(value):
    calls = []

    def build():
        calls.append(1)
        return value
    return build, calls


def test_a_value_is_built_once_then_read_back(folder):
    build, calls = counting_build({"names": ("Taliban", "ISKP"), "count": 2})
    first = cache.cached("parts", "key-1", build)
    again = cache.cached("parts", "key-1", build)
    assert first == again == {"names": ("Taliban", "ISKP"), "count": 2}
    assert len(calls) == 1
    assert (folder / "parts.cache").is_file()
    assert not list(folder.glob(".*.tmp"))  # the temporary file was renamed, none left behind


def test_a_stale_entry_is_built_again_under_its_new_key(folder):
    cache.cached("parts", "old-key", lambda: "old value")
    build, calls = counting_build("new value")
    assert cache.cached("parts", "new-key", build) == "new value"
    assert cache.cached("parts", "new-key", build) == "new value"
    assert len(calls) == 1


def test_the_key_follows_the_files_contents_names_and_the_extra_parts(tmp_path):
    data = tmp_path / "actors.yaml"
    data.write_text("- name: A\n", encoding="utf-8")
    key = cache.source_key([data])
    assert cache.source_key([data]) == key
    data.write_text("- name: B\n", encoding="utf-8")
    changed = cache.source_key([data])
    assert changed != key
    assert cache.source_key([data], "another version") != changed
    renamed = tmp_path / "other.yaml"
    renamed.write_text("- name: B\n", encoding="utf-8")
    assert cache.source_key([renamed]) != changed
    assert cache.source_key([tmp_path / "missing.yaml"]) != cache.source_key([])


@pytest.mark.parametrize("damage", ["truncated", "flipped byte", "garbage", "empty", "checked but no pickle"])
def test_a_corrupt_entry_is_built_again_never_a_failure(folder, damage):
    cache.cached("parts", "k", lambda: list(range(1000)))
    path = folder / "parts.cache"
    blob = path.read_bytes()
    if damage == "truncated":
        path.write_bytes(blob[:-100])
    elif damage == "flipped byte":
        path.write_bytes(blob[:-5] + bytes([blob[-5] ^ 0xFF]) + blob[-4:])
    elif damage == "garbage":
        path.write_bytes(b"\x00\x01 not a cache at all")
    elif damage == "empty":
        path.write_bytes(b"")
    else:  # a body that matches its checksum yet does not unpickle
        body = b"this is no pickle"
        header = b"%s k %08x %d" % (cache.FORMAT, zlib.crc32(body), len(body))
        path.write_bytes(header + b"\n" + body)
    build, calls = counting_build(["rebuilt"])
    assert cache.cached("parts", "k", build) == ["rebuilt"]
    assert calls == [1]
    assert cache.read_entry("parts", "k") == (True, ["rebuilt"])  # and the good entry replaced it


def test_a_folder_that_cannot_be_made_only_means_building_again(tmp_path, monkeypatch):
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(cache.ENV_CACHE_DIR, str(blocker / "cache"))
    build, calls = counting_build("value")
    assert cache.cached("parts", "k", build) == "value"
    assert cache.cached("parts", "k", build) == "value"
    assert len(calls) == 2
    assert cache.write_entry("parts", "k", "value") is False


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder_only_means_building_again(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    folder.mkdir()
    folder.chmod(0o500)
    monkeypatch.setenv(cache.ENV_CACHE_DIR, str(folder))
    try:
        assert cache.cached("parts", "k", lambda: "value") == "value"
        assert cache.write_entry("parts", "k", "value") is False
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_a_value_that_cannot_be_pickled_is_returned_and_not_stored(folder):
    assert cache.cached("parts", "k", lambda: (lambda: None)) is not None
    assert not (folder / "parts.cache").exists()


@pytest.mark.parametrize("setting", ["off", "OFF", " off "])
def test_the_cache_can_be_turned_off(tmp_path, monkeypatch, setting):
    monkeypatch.setenv(cache.ENV_CACHE_DIR, setting)
    monkeypatch.chdir(tmp_path)
    assert cache.cache_dir() is None
    build, calls = counting_build("value")
    cache.cached("parts", "k", build)
    cache.cached("parts", "k", build)
    assert len(calls) == 2
    assert list(tmp_path.iterdir()) == []


def test_the_folder_follows_xdg_then_the_home_cache(tmp_path, monkeypatch):
    monkeypatch.delenv(cache.ENV_CACHE_DIR, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == tmp_path / "xdg" / "conflictlens"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.cache_dir() == tmp_path / "home" / ".cache" / "conflictlens"
    monkeypatch.setenv(cache.ENV_CACHE_DIR, "")  # empty: as if unset
    assert cache.cache_dir() == tmp_path / "home" / ".cache" / "conflictlens"


def test_entries_are_written_for_their_user_alone(folder):
    cache.write_entry("parts", "k", "value")
    assert (folder / "parts.cache").stat().st_mode & 0o077 == 0


def test_an_entry_holds_its_key_and_a_checksum_before_the_pickled_value(folder):
    cache.write_entry("parts", "the-key", {"a": 1})
    header, _, body = (folder / "parts.cache").read_bytes().partition(b"\n")
    assert header.split()[:2] == [cache.FORMAT, b"the-key"]
    assert pickle.loads(body) == {"a": 1}
