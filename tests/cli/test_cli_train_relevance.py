"""`train relevance` and `--relevance-model`: a user's learned gate, used by the extract path."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from conflictlens.cli import app
from tests.extract.relevance_texts import ACTS, NOT_ACTS

runner = CliRunner()
REPORT = ("A bomb exploded at a police checkpoint in Kandahar on Monday, killing two policemen, hours after an "
          "earthquake shook the city.\n")


def run(*args, env: dict | None = None):
    return runner.invoke(app, [str(a) for a in args], env=env, catch_exceptions=False)


def crafted_gate() -> dict:
    """"earthquake" means no act: this report reads p(no act) = 0.986, over the threshold."""
    return {"format": "conflictlens-relevance-model", "format_version": 1,
            "features": {"version": 1, "vocabulary": ["w:earthquake", "w:bomb"], "idf": [1.0, 1.0]},
            "heads": {"relevance": {"classes": ["act", "no_act"], "coef": [[0.0, 0.0], [6.0, 0.0]],
                                    "intercept": [0.0, 0.0], "threshold": 0.9}},
            "training": {"file": "written by hand"}}


@pytest.fixture
def report_and_gate(tmp_path):
    report, gate = tmp_path / "report.txt", tmp_path / "gate.json"
    report.write_text(REPORT, encoding="utf-8")
    gate.write_text(json.dumps(crafted_gate()), encoding="utf-8")
    return report, gate


def extracted(tmp_path, report, *options, env=None) -> list[dict]:
    result = run("--db", tmp_path / "none.db", "extract", report, "--published", "2021-03-03", *options, env=env)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_the_gate_drops_the_acts_of_a_report_it_reads_as_none(tmp_path, report_and_gate) -> None:
    report, gate = report_and_gate
    assert [e["event_type"] for e in extracted(tmp_path, report)] == ["Explosions/Remote violence"]
    assert extracted(tmp_path, report, "--relevance-model", gate) == []
    assert extracted(tmp_path, report, env={"CONFLICTLENS_RELEVANCE_MODEL": str(gate)}) == []


def test_a_gate_given_as_a_typing_model_is_one_coded_line(tmp_path, report_and_gate) -> None:
    report, gate = report_and_gate
    result = run("--db", tmp_path / "x.db", "ingest", report, "--typing-model", gate)
    assert result.exit_code == 2 and "CL-E242" in result.output and "--relevance-model" in result.output
    assert not (tmp_path / "x.db").exists()


def test_train_relevance_writes_a_gate_extraction_reads(tmp_path) -> None:
    pytest.importorskip("sklearn")
    labelled = tmp_path / "mine.jsonl"
    labelled.write_text("".join(json.dumps({"text": t, "relevant": r}) + "\n"
                                for texts, r in ((ACTS, True), (NOT_ACTS, False)) for t in texts), encoding="utf-8")
    out = tmp_path / "gate.json"
    result = run("train", "relevance", labelled, "--format", "jsonl", "-o", out)
    assert result.exit_code == 0, result.output
    gate = json.loads(out.read_text(encoding="utf-8"))
    assert gate["training"]["rows"] == 20 and gate["training"]["format"] == "jsonl"
    assert "5-fold CV" in result.output and "p(no act) >=" in result.output
    report = tmp_path / "r.txt"
    report.write_text("Militants attacked an army checkpoint in Ghazni on Monday, killing three soldiers.\n",
                      encoding="utf-8")
    assert [e["event_type"] for e in extracted(tmp_path, report, "--relevance-model", out)] == ["Battles"]


def test_train_relevance_refuses_what_it_cannot_read(tmp_path) -> None:
    labelled = tmp_path / "mine.jsonl"
    labelled.write_text('{"text": "A bomb went off.", "relevant": true}\n', encoding="utf-8")
    for args, code in ((("--format", "acled"), "CL-E777"), (("--format", "jsonl"), "CL-E774"),
                       (("--part", "some"), "CL-E400")):
        result = run("train", "relevance", labelled, *args, "-o", tmp_path / "g.json")
        assert result.exit_code == 2 and code in result.output, args
    assert not (tmp_path / "g.json").exists()


def test_evaluate_case_scores_the_extract_path_with_the_gate(tmp_path, report_and_gate) -> None:
    _report, gate = report_and_gate
    gold = tmp_path / "case.tsv"
    gold.write_text(f"id\tEventSnippet\tSubType\n1\t{REPORT.strip()}\tNATURAL_DISASTER\n", encoding="utf-8")

    def scores(*options) -> dict:
        result = run("--quiet", "evaluate", "case", gold, "--format", "json", *options)
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    rules, gated = scores(), scores("--relevance-model", gate)
    assert rules["false_alarms"].startswith("1 of 1") and gated["false_alarms"].startswith("0 of 1")
    assert "relevance gate gate.json" in gated["title"] and "relevance" not in rules["title"]


def test_ingest_and_workers_use_the_gate(tmp_path, report_and_gate) -> None:
    from conflictlens.pipeline.extraction import extractor_for

    report, gate = report_and_gate
    db = tmp_path / "store.db"
    assert run("--db", db, "--quiet", "ingest", report, "--relevance-model", gate).exit_code == 0
    assert json.loads(run("--db", db, "events", "--format", "json").stdout or "[]") == []
    # A Dask worker builds its extractor from the recipe's paths, the gate included.
    worker = extractor_for((), None, None, (), str(gate))
    assert worker.relevance is not None and worker.relevance.threshold == 0.9 and worker.typing is None
