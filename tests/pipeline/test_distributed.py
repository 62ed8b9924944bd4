"""Distributed batch extraction (issue 16): partitions of lines go to Dask workers and come back in
input order, the same records and coded errors as the single-process path; each worker builds its
extractor once; a worker killed mid-run loses no input. One small LocalCluster (2 processes) serves
the module; a watchdog ends a hung run instead of waiting for ever. Texts are written here."""

from __future__ import annotations

import faulthandler
import json
import os
import signal
from pathlib import Path

import pytest

from conflictlens.errors import ConflictLensError
from conflictlens.pipeline.batch import Partition, extract_files, input_files, partitions

distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")

from conflictlens.pipeline.distributed import (  # noqa: E402  (after the skip: they need Dask at run time)
    Cluster, ExtractorRecipe, code_version, connected, extract_distributed, extract_files_on, extract_partition,
)

WATCHDOG_SECONDS = 240  # a cluster test that hangs dumps its tracebacks and ends the run
PLACES = ["Kabul", "Quetta", "Kandahar", "Peshawar", "Jalalabad", "Herat", "Kunduz", "Lahore"]
DEEDS = ["A roadside bomb killed {n} soldiers near {place} on Monday, officials said.",
         "Gunmen attacked a police checkpoint in {place}, wounding {n} officers.",
         "The Taliban claimed a suicide attack in {place} that killed {n} civilians on Friday.",
         "Markets in {place} reopened on Tuesday after a week of rain."]


def reports(count: int) -> list[str]:
    """JSONL lines of short reports, with a blank line, a broken line and an empty text among them."""
    lines = [json.dumps({"id": f"r{i}", "text": DEEDS[i % len(DEEDS)].format(n=i % 9 + 2, place=PLACES[i % len(PLACES)]),
                         "published": f"2021-0{i % 9 + 1}-1{i % 10}"}) + "\n" for i in range(count)]
    lines[3:3] = ["\n", "{\"id\": \"broken\", \"text\": \"cut off\n", json.dumps({"id": "empty", "text": " "}) + "\n"]
    return lines


def recipe(version: str | None = None) -> ExtractorRecipe:
    return ExtractorRecipe((), None, None, (), version or code_version())


@pytest.fixture(scope="module")
def client():
    faulthandler.dump_traceback_later(WATCHDOG_SECONDS, exit=True)
    try:
        with connected(Cluster(workers=2)) as started:
            yield started
    finally:
        faulthandler.cancel_dump_traceback_later()


@pytest.fixture
def batch(tmp_path) -> list[Path]:
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text("".join(reports(23)), encoding="utf-8")
    second.write_text("".join(reports(7)[::-1]), encoding="utf-8")
    return [first, second]


def in_process(files: list[Path], extractor) -> tuple[list, list]:
    errors = []
    return list(extract_files(files, extractor, errors.append)), [e.to_dict() for e in errors]


def test_partitions_keep_every_line_with_its_number(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text("".join(f"line {i} " + "x" * (i * 7) + "\n" for i in range(1, 41)), encoding="utf-8")
    parts = list(partitions([path], max_lines=6, max_chars=300))
    assert [line for part in parts for line in part.lines] == path.read_text(encoding="utf-8").splitlines(True)
    for part in parts:  # each partition's first line is its number in the file
        assert part.lines[0].startswith(f"line {part.first_line} ") and part.source == str(path)
        assert len(part.lines) <= 6 and (len(part.lines) == 1 or sum(map(len, part.lines[:-1])) < 300)


def test_a_pattern_names_its_files_in_sorted_order_and_a_missing_input_is_coded(tmp_path):
    for name in ("b.jsonl", "a.jsonl", "c.txt"):
        (tmp_path / name).write_text("{}\n", encoding="utf-8")
    assert input_files(str(tmp_path / "*.jsonl")) == [tmp_path / "a.jsonl", tmp_path / "b.jsonl"]
    for missing in (str(tmp_path / "none.jsonl"), str(tmp_path / "*.csv")):
        with pytest.raises(ConflictLensError) as err:
            input_files(missing)
        assert err.value.code == "CL-E100" and err.value.subject == missing


def test_a_cluster_gives_the_records_and_errors_of_one_process_in_input_order(client, batch, extractor):
    expected, expected_errors = in_process(batch, extractor)
    errors = []
    parts = partitions(batch, max_lines=4)
    got = [(part.source, record) for part, records, errs in extract_distributed(client, recipe(), parts, window=3)
           for record in (errors.extend(errs) or records)]
    assert got == expected and [e.to_dict() for e in errors] == expected_errors
    assert {e["subject"] for e in expected_errors} >= {f"{batch[0]}:5", f"{batch[0]}:6"}  # lines as numbered in the file
    assert any(record["events"] for _source, record in expected)


def test_a_running_cluster_named_by_its_scheduler_gives_the_same(client, batch, extractor):
    """`--scheduler ADDRESS`: the client connects to a cluster it did not start (this module's)."""
    expected, expected_errors = in_process(batch, extractor)
    errors = []
    got = list(extract_files_on(Cluster(scheduler=client.scheduler.address), recipe(), batch, errors.append))
    assert got == expected and [e.to_dict() for e in errors] == expected_errors


def test_a_local_cluster_listens_on_loopback_only(client):
    info = client.scheduler_info()
    addresses = [info["address"], *info["workers"], *client.run(lambda dask_worker: dask_worker.nanny).values()]
    assert all(address.startswith("tcp://127.0.0.1:") for address in addresses), addresses


def test_each_worker_builds_its_extractor_once(client, batch):
    list(extract_distributed(client, recipe(), partitions(batch, max_lines=2)))

    def extractors_built() -> int:
        from conflictlens.pipeline.extraction import _bundled_extractor
        return _bundled_extractor.cache_info().misses

    assert set(client.run(extractors_built).values()) == {1}


def test_a_worker_killed_mid_run_loses_no_input(client, tmp_path, extractor):
    path = tmp_path / "many.jsonl"
    path.write_text("".join(reports(90)), encoding="utf-8")
    expected, _ = in_process([path], extractor)
    stream = extract_distributed(client, recipe(), partitions([path], max_lines=3), window=6)
    got = [(part.source, record) for part, records, _ in [next(stream)] for record in records]
    busy = [worker for worker, keys in client.processing().items() if keys] or list(client.nthreads())
    pid = client.run(os.getpid, workers=[busy[0]])[busy[0]]
    os.kill(pid, signal.SIGKILL)  # a worker this test's cluster started, mid-partition
    got += [(part.source, record) for part, records, _ in stream for record in records]
    assert got == expected
    client.wait_for_workers(2, timeout=120)  # the nanny starts a new worker: the module's cluster stays whole


def test_a_coded_error_on_a_worker_reaches_the_client_whole(client, batch):
    with pytest.raises(ConflictLensError) as err:
        list(extract_distributed(client, recipe("conflictlens 0.0.1, extractor 0.0"), partitions(batch)))
    assert err.value.code == "CL-E116" and "same conflictlens" in err.value.message


def test_a_worker_running_other_code_refuses_the_partition():
    with pytest.raises(ConflictLensError) as err:
        extract_partition(recipe("conflictlens 9.9, extractor 9.9"), Partition("in.jsonl", 1, ["{}\n"]))
    assert err.value.code == "CL-E116" and err.value.subject == "in.jsonl"


def test_a_partition_that_kills_every_worker_is_a_coded_error():
    import dask

    from conflictlens.pipeline.distributed import _result

    with dask.config.set({"distributed.scheduler.allowed-failures": 0}), connected(Cluster(workers=1)) as client:
        future = client.submit(os._exit, 3, pure=False)  # the worker process dies running it
        with pytest.raises(ConflictLensError) as err:
            _result(Partition("big.jsonl", 41, []), future)
    assert err.value.code == "CL-E115" and err.value.subject == "big.jsonl:41"


@pytest.mark.parametrize("address", ["tcp://127.0.0.1:9", "nonsense-scheme://nowhere"])
def test_a_scheduler_that_cannot_be_reached_is_a_coded_error(address):
    import dask

    with dask.config.set({"distributed.comm.timeouts.connect": "2s"}), pytest.raises(ConflictLensError) as err:
        with connected(Cluster(scheduler=address)):
            pass
    assert err.value.code == "CL-E113" and err.value.subject == address and "--workers N" in err.value.message


def test_without_dask_a_cluster_asks_for_the_extra(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "distributed", None)  # import fails as when it is not installed
    with pytest.raises(ConflictLensError) as err:
        with connected(Cluster(workers=1)):
            pass
    assert err.value.code == "CL-E114" and "conflictlens[dask]" in err.value.message
