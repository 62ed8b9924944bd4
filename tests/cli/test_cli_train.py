"""`train typing` and `--typing-model`: a user's learned typing model, used by the extract path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conflictlens.cli import app

runner = CliRunner()
ROWS_FILE = Path(__file__).resolve().parents[1] / "extract" / "data" / "typing_rows.csv"
REPORT = "A quadcopter dropped explosives on a police checkpoint in Kandahar on Monday, killing two policemen.\n"


def run(*args, env: dict | None = None):
    return runner.invoke(app, [str(a) for a in args], env=env, catch_exceptions=False)


def crafted_model() -> dict:
    """A model written by hand: "checkpoint" means a military target (p = 0.98); its attack head
    knows no word of the report (p = 0.5, under its threshold), so the rules' attack type stays."""
    return {"format": "conflictlens-typing-model", "format_version": 1,
            "features": {"version": 1, "vocabulary": ["w:checkpoint", "w:ambush"], "idf": [1.0, 1.0]},
            "heads": {"target_type": {"classes": ["Police", "Military"], "coef": [[0.0, 0.0], [4.0, 0.0]],
                                      "intercept": [0.0, 0.0], "threshold": 0.9},
                      "attack_type": {"classes": ["Armed Assault", "Bombing/Explosion"],
                                      "coef": [[0.0, 5.0], [0.0, 0.0]], "intercept": [0.0, 0.0], "threshold": 0.6}},
            "training": {"file": "written by hand"}}


@pytest.fixture
def report_and_model(tmp_path):
    report, model = tmp_path / "report.txt", tmp_path / "model.json"
    report.write_text(REPORT, encoding="utf-8")
    model.write_text(json.dumps(crafted_model()), encoding="utf-8")
    return report, model


def extracted(tmp_path, report, *options, env=None) -> dict:
    result = run("--db", tmp_path / "none.db", "extract", report, "--published", "2021-03-03", *options, env=env)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)[0]


def test_the_typing_model_changes_the_typing_and_nothing_else(tmp_path, report_and_model) -> None:
    report, model = report_and_model
    rules = extracted(tmp_path, report)
    learned = extracted(tmp_path, report, "--typing-model", model)
    assert rules["target_type"] == "Police" and learned["target_type"] == "Military"
    assert learned["extra"]["learned_typing"] == {"target_type": 0.982}
    # The incident the model read is the new value's evidence.
    assert learned["evidence"]["target_type"][0]["text"] == REPORT.strip()
    assert learned["attack_type"] == rules["attack_type"]  # p = 0.5 is under that head's threshold
    for name in ("date", "location", "fatalities", "perpetrator", "sub_event_type", "event_type"):
        assert learned[name] == rules[name], name


def test_the_environment_names_the_model_too(tmp_path, report_and_model) -> None:
    report, model = report_and_model
    assert extracted(tmp_path, report, env={"CONFLICTLENS_TYPING_MODEL": str(model)})["target_type"] == "Military"


def test_a_damaged_model_is_one_coded_line_and_no_database(tmp_path, report_and_model) -> None:
    report, model = report_and_model
    model.write_text(json.dumps(crafted_model())[:80], encoding="utf-8")
    result = run("--db", tmp_path / "x.db", "ingest", report, "--typing-model", model)
    assert result.exit_code == 2 and "CL-E771" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "x.db").exists()


def test_ingest_stores_the_learned_typing(tmp_path, report_and_model) -> None:
    report, model = report_and_model
    db = tmp_path / "store.db"
    assert run("--db", db, "--quiet", "ingest", report, "--typing-model", model).exit_code == 0
    listed = run("--db", db, "events", "--format", "json")
    assert [e["target_type"] for e in json.loads(listed.stdout)] == ["Military"]


def test_train_typing_writes_a_model_extraction_reads(tmp_path) -> None:
    pytest.importorskip("sklearn")
    out = tmp_path / "model.json"
    result = run("train", "typing", ROWS_FILE, "--format", "gtd", "-o", out)
    assert result.exit_code == 0, result.output
    model = json.loads(out.read_text(encoding="utf-8"))
    assert model["training"]["rows"] == 36 and model["training"]["part"] == "all"
    assert set(model["heads"]) == {"attack_type", "target_type"} and "5-fold CV" in result.output
    report = tmp_path / "r.txt"
    report.write_text("Militants kidnapped two soldiers from an army checkpoint in Ghazni on Monday.\n", encoding="utf-8")
    assert extracted(tmp_path, report, "--typing-model", out)["attack_type"] is not None


@pytest.mark.parametrize(("args", "code"), [(("--format", "satp"), "CL-E777"), (("--format", "acled"), "CL-E774"),
                                            (("--part", "some"), "CL-E400")])
def test_train_typing_refuses_what_it_cannot_read(tmp_path, args, code) -> None:
    result = run("train", "typing", ROWS_FILE, *args, "-o", tmp_path / "m.json")
    assert result.exit_code == 2 and code in result.output
    assert not (tmp_path / "m.json").exists()


def test_evaluate_gtd_scores_the_extract_path_with_the_model(tmp_path, report_and_model) -> None:
    _report, model = report_and_model
    gold = tmp_path / "gold.csv"
    header = "eventid,summary,iyear,imonth,iday,country_txt,provstate,city,attacktype1_txt,targtype1_txt,gname,claimed,nkill,nwound"
    gold.write_text(f"{header}\n1,\"{REPORT.strip()}\",2021,3,1,Afghanistan,Kandahar,Kandahar,Bombing/Explosion,Military,"
                    "Unknown,0,2,\n", encoding="utf-8")

    def scores(*options) -> dict:
        result = run("--quiet", "evaluate", "gtd", gold, "--format", "json", *options)
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    rules, learned = scores(), scores("--typing-model", model)
    by_field = {name: [{f["name"]: f["correct"] for f in s["fields"]}[name] for s in (rules, learned)]
                for name in ("target_type", "attack_type", "nkill")}
    assert by_field == {"target_type": [0, 1], "attack_type": [1, 1], "nkill": [1, 1]}
    assert "typing model model.json" in learned["title"] and "typing model" not in rules["title"]
