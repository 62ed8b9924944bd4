"""`extract --input ... --workers N | --scheduler ADDRESS` (issue 16): the same bytes on stdout or in
the output files, and the same error lines, as the run in one process; a pattern with a folder
output; an analyst's actor edit holds on the workers; real GTD summaries (read in place) when present.
Each cluster run starts a 2-process LocalCluster on loopback."""

from __future__ import annotations

import csv
import faulthandler
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conflictlens.cli import app

pytest.importorskip("distributed", reason="the dask extra is not installed")

WATCHDOG_SECONDS = 240  # a cluster run that hangs dumps its tracebacks and ends the test run
GTD = Path(__file__).resolve().parents[3] / "shared" / "data" / "gtd" / "gtd_2021q1_afpak_dev.csv"
TEXTS = [
    "A suicide bomber killed 12 people at a mosque in Kabul on Friday, police said.",
    "Gunmen attacked a checkpoint in Quetta on Sunday, wounding three soldiers.",
    "The Mountain Lions Brigade claimed an attack on an army post in Kandahar that killed five soldiers.",
    "Schools in Herat reopened on Monday after the winter break.",
    "Two rockets hit a market in Jalalabad, killing a child and wounding four, the governor said.",
]


@pytest.fixture(autouse=True)
def watchdog():
    faulthandler.dump_traceback_later(WATCHDOG_SECONDS, exit=True)
    yield
    faulthandler.cancel_dump_traceback_later()


def run(*args):
    return CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)


def write_batch(path: Path, count: int, broken: bool = True) -> Path:
    lines = [json.dumps({"id": f"{path.stem}-{i}", "text": TEXTS[i % len(TEXTS)], "published": "2021-04-12"})
             for i in range(count)]
    if broken:
        lines[2:2] = ["", "{\"id\": 7, \"text\": \"cut", json.dumps({"id": "no text"})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def extract(db: Path, *args) -> tuple[int, str, str]:
    result = run("--db", db, "-q", "extract", *args)
    return result.exit_code, result.stdout, result.stderr


def test_one_file_to_one_file_on_two_workers_is_the_single_process_output(tmp_path):
    """`--input in.jsonl --output out.jsonl --workers 2`, with a store whose analyst added an actor."""
    db = tmp_path / "edits.db"
    assert run("--db", db, "-q", "actors", "add", "Mountain Lions Brigade", "--type", "rebel group",
               "--country", "AF").exit_code == 0
    batch = write_batch(tmp_path / "in.jsonl", 24)
    alone = extract(db, "--input", batch, "--output", tmp_path / "alone.jsonl")
    spread = extract(db, "--input", batch, "--output", tmp_path / "spread.jsonl", "--workers", 2)
    assert alone[0] == spread[0] == 1 and alone[2] == spread[2]  # bad lines: the same coded errors, exit 1
    assert "CL-E104" in spread[2] and "CL-E105" in spread[2] and f"{batch}:4" in spread[2]
    output = (tmp_path / "spread.jsonl").read_bytes()
    assert output == (tmp_path / "alone.jsonl").read_bytes() and len(output.splitlines()) == 26
    brigade = [json.loads(line) for line in output.splitlines() if b"Mountain Lions" in line]
    assert brigade and all(not e.get("extra", {}).get("actor_candidates") for r in brigade for e in r["events"]), \
        "the analyst's actor is known on the workers, not a candidate"


def test_a_pattern_into_a_folder_gives_one_file_per_input_as_in_one_process(tmp_path):
    inputs = tmp_path / "reports"
    inputs.mkdir()
    write_batch(inputs / "b.jsonl", 9)
    write_batch(inputs / "a.jsonl", 14, broken=False)
    (inputs / "c.jsonl").write_text("", encoding="utf-8")  # an empty input still gets its (empty) output
    pattern = str(inputs / "*.jsonl")
    db = tmp_path / "none.db"
    alone = extract(db, "--input", pattern, "--output", f"{tmp_path / 'alone'}/")
    spread = extract(db, "--input", pattern, "--output", f"{tmp_path / 'spread'}/", "--workers", 2)
    assert alone == spread and alone[0] == 1
    names = sorted(p.name for p in (tmp_path / "spread").iterdir())
    assert names == ["a.jsonl", "b.jsonl", "c.jsonl"]
    for name in names:
        assert (tmp_path / "spread" / name).read_bytes() == (tmp_path / "alone" / name).read_bytes()
    assert len((tmp_path / "spread" / "a.jsonl").read_text(encoding="utf-8").splitlines()) == 14
    # Without a folder, every input's records stream to stdout in the inputs' order.
    together = extract(db, "--input", pattern)
    assert together[1] == "".join((tmp_path / "alone" / n).read_text(encoding="utf-8") for n in names)


def test_real_gtd_summaries_on_two_workers_are_the_single_process_output(tmp_path, shared_data):
    if not GTD.is_file():
        pytest.skip("GTD AF/PK dev file is not present")
    with open(GTD, encoding="utf-8-sig", newline="") as handle:  # read in place; the copy lives in tmp only
        rows = [{"id": r["eventid"], "text": r["summary"]} for r in csv.DictReader(handle) if r["summary"]][:80]
    batch = tmp_path / "gtd.jsonl"
    batch.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    db = tmp_path / "none.db"
    alone = extract(db, "--input", batch)
    spread = extract(db, "--input", batch, "--workers", 2)
    assert alone == spread and alone[0] == 0 and len(spread[1].splitlines()) == len(rows)
    assert sum(len(json.loads(line)["events"]) for line in spread[1].splitlines()) >= len(rows) // 2


@pytest.mark.parametrize("args, code, hint", [
    (["report.txt", "--workers", "2"], "CL-E400", "give --input"),
    (["--input", "in.jsonl", "--workers", "2", "--scheduler", "tcp://127.0.0.1:9"], "CL-E400", "not both"),
    (["--input", "in.jsonl", "--workers", "0"], "CL-E400", "--workers"),
    (["--input", "*.none", "--workers", "2"], "CL-E100", "no file matches"),
])
def test_bad_cluster_options_are_coded(tmp_path, monkeypatch, args, code, hint):
    monkeypatch.chdir(tmp_path)
    write_batch(tmp_path / "in.jsonl", 2)
    (tmp_path / "report.txt").write_text(TEXTS[0], encoding="utf-8")
    status, _out, err = extract(tmp_path / "none.db", *args)
    assert status == 2 and code in err and hint in err and "Traceback" not in err


def test_an_unreachable_scheduler_says_what_to_do(tmp_path):
    import dask

    batch = write_batch(tmp_path / "in.jsonl", 2)
    earlier = tmp_path / "out" / "in.jsonl"
    earlier.parent.mkdir()
    earlier.write_text("an earlier run's output\n", encoding="utf-8")
    with dask.config.set({"distributed.comm.timeouts.connect": "2s"}):
        status, out, err = extract(tmp_path / "none.db", "--input", batch, "--scheduler", "tcp://127.0.0.1:9",
                                   "--output", f"{earlier.parent}/")
    assert status == 2 and "CL-E113" in err and "dask scheduler" in err and "--workers N" in err
    assert out == "" and earlier.read_text(encoding="utf-8") == "an earlier run's output\n"  # left as it was


def test_two_inputs_of_one_name_cannot_share_an_output_folder(tmp_path):
    for folder in ("x", "y"):
        (tmp_path / folder).mkdir()
        write_batch(tmp_path / folder / "same.jsonl", 2)
    status, _out, err = extract(tmp_path / "none.db", "--input", str(tmp_path / "*" / "same.jsonl"),
                                "--output", f"{tmp_path / 'out'}/")
    assert status == 2 and "CL-E400" in err and "same.jsonl" in err and not (tmp_path / "out").exists()
