"""`evaluate case` and `evaluate muc4` score what `extract --input` outputs, on small files written here."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from conflictlens.cli import app
from conflictlens.evaluation import CASE_LABELS, split_part, weighted_f1
from conflictlens.evaluation.extract_path import detection, is_political_violence, predicted_type
from conflictlens.evaluation.muc4 import is_muc4_incident

runner = CliRunner()

# (id, snippet, CASE label): ACLED-labelled snippets and the non-violent kinds (disaster, diplomacy, crime).
SNIPPETS = [
    ("c1", "A suicide bomber blew himself up at a police station in Kandahar, killing six officers.", "SUIC_BOMB"),
    ("c2", "Thousands of students marched peacefully through the capital to demand lower fees.", "PEACE_PROTEST"),
    ("c3", "Militants fired rockets at an army base near the border overnight, wounding three soldiers.",
     "ART_MISS_ATTACK"),
    ("c4", "Police arrested four men accused of planning attacks on churches.", "ARREST"),
    ("c5", "Floods swept away hundreds of homes in the province after days of heavy rain, officials said.",
     "NATURAL_DISASTER"),
    ("c6", "The foreign ministers of the two countries met in Doha to discuss trade and visas.", "DIPLO"),
    ("c7", "A gang of robbers shot dead a jeweller during a hold-up in the old city.", "ORG_CRIME"),
]

MUC_DOCS = {
    "TST-0001": {"doc": "LIMA, 3 MAY 1990 -- Members of the Shining Path bombed a power station in Lima on Tuesday, "
                        "killing two guards. The Shining Path claimed responsibility for the attack.",
                 "roles": {"perp_individual_id": [], "perp_organization_id": [["SHINING PATH", "SENDERO LUMINOSO"]],
                           "phys_tgt_id": [["POWER STATION"]], "hum_tgt_name": [], "incident_instrument_id": []}},
    "TST-0002": {"doc": "The president met the bishops in San Salvador to discuss the economy and the coming elections.",
                 "roles": {"perp_individual_id": [], "perp_organization_id": [], "phys_tgt_id": [],
                           "hum_tgt_name": [], "incident_instrument_id": []}},
    "TST-0003": {"doc": "Unidentified gunmen shot dead a judge in Medellin on Friday as he left the court.",
                 "roles": {"perp_individual_id": [["UNIDENTIFIED GUNMEN"]], "perp_organization_id": [["MEDELLIN CARTEL"]],
                           "phys_tgt_id": [], "hum_tgt_name": [["JUDGE"]], "incident_instrument_id": []}},
}

# An army-guerrilla clash: MUC-4 gold fills no role for it.
COMBAT_DOC = {
    "TST-0004": {"doc": "Army troops clashed with guerrillas near Chalatenango on Monday. Three soldiers were killed in "
                        "the fighting.",
                 "roles": {"perp_individual_id": [], "perp_organization_id": [], "phys_tgt_id": [],
                           "hum_tgt_name": [], "incident_instrument_id": []}},
}


def run(*args):
    return runner.invoke(app, ["--quiet", *args], catch_exceptions=False)


def extract_input(tmp_path, pairs) -> list[list[dict]]:
    """The events `conflictlens extract --input` gives each text: what the evaluations must score."""
    src = tmp_path / "texts.jsonl"
    src.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in pairs))
    result = run("extract", "--input", str(src))
    assert result.exit_code == 0, result.output
    return [json.loads(line)["events"] for line in result.stdout.splitlines()]


def write_case(tmp_path):
    path = tmp_path / "case.tsv"
    path.write_text("id\tEventSnippet\tSubType\n" + "".join(f"{i}\t{t}\t{label}\n" for i, t, label in SNIPPETS))
    return path


def test_evaluate_case_scores_exactly_what_extract_outputs(tmp_path):
    events = extract_input(tmp_path, [(i, t) for i, t, _label in SNIPPETS])
    labelled = [(CASE_LABELS[label], evs) for (_i, _t, label), evs in zip(SNIPPETS, events) if label in CASE_LABELS]
    others = [evs for (_i, _t, label), evs in zip(SNIPPETS, events) if label not in CASE_LABELS]
    f1, _ = weighted_f1([g for g, _ in labelled], [predicted_type(evs) for _, evs in labelled])
    alarms = sum(any(is_political_violence(e) for e in evs) for evs in others)

    result = json.loads(run("evaluate", "case", str(write_case(tmp_path)), "--part", "all", "--format", "json").stdout)
    assert result["weighted_f1"] == round(f1, 3)
    assert result["false_alarms"] == f"{alarms} of 3 non-violent snippets"
    assert result["false_alarm_rate"] == round(alarms / 3, 3)
    held = sum(split_part(i) == "held-out" for i, _t, _l in SNIPPETS)
    assert result["rows_by_part"] == f"tune {len(SNIPPETS) - held}, held-out {held}"


def test_evaluate_case_takes_only_the_rows_of_the_part(tmp_path):
    tune = sum(split_part(i) == "tune" and label in CASE_LABELS for i, _t, label in SNIPPETS)
    result = run("evaluate", "case", str(write_case(tmp_path)), "--part", "tune")
    assert result.exit_code == 0 and f"tune part, {tune} ACLED-labelled snippets" in result.stdout


def test_a_file_without_the_case_columns_is_a_coded_error(tmp_path):
    path = tmp_path / "other.tsv"
    path.write_text("id\ttext\n1\tA bomb went off.\n")
    result = run("evaluate", "case", str(path))
    assert result.exit_code == 2 and "CL-E760" in result.stderr


def test_evaluate_muc4_detection_false_alarms_and_perpetrators(tmp_path):
    path = tmp_path / "muc.json"
    path.write_text(json.dumps(MUC_DOCS))
    events = extract_input(tmp_path, [(i, d["doc"]) for i, d in MUC_DOCS.items()])
    found = detection([any(d["roles"].values()) for d in MUC_DOCS.values()],
                      [any(is_political_violence(e) for e in evs) for evs in events])

    result = json.loads(run("evaluate", "muc4", str(path), "--part", "all", "--format", "json").stdout)
    scores = {row["name"]: row for row in result["fields"]}
    assert scores["incident F1"]["score"] == found.f1 and scores["false alarms"]["total"] == 1
    assert scores["false alarms"]["score"] == found.false_alarm_rate
    # Shining Path is named and claims the bombing; the judge's killers are unidentified in the text.
    assert (scores["perpetrator org recall"]["correct"], scores["perpetrator org recall"]["total"]) == (1, 2)
    assert scores["perpetrator org precision"]["score"] == 1.0
    assert "3 documents" in result["title"]


def test_evaluate_muc4_adds_detection_in_the_muc4_sense(tmp_path):
    docs = {**MUC_DOCS, **COMBAT_DOC}
    path = tmp_path / "muc.json"
    path.write_text(json.dumps(docs))
    events = extract_input(tmp_path, [(i, d["doc"]) for i, d in docs.items()])
    assert any(e["event_type"] == "Battles" for e in events[list(docs).index("TST-0004")])
    found = detection([any(d["roles"].values()) for d in docs.values()],
                      [any(is_muc4_incident(e) for e in evs) for evs in events])

    result = json.loads(run("evaluate", "muc4", str(path), "--part", "all", "--format", "json").stdout)
    scores = {row["name"]: row for row in result["fields"]}
    sense = " (MUC-4 sense: not counting battles between armed forces)"
    # The army-guerrilla clash is an event of the product, but no incident in the MUC-4 sense.
    assert scores["false alarms"]["correct"] == 1 and scores["false alarms" + sense]["correct"] == 0
    assert scores["incident F1" + sense]["score"] == found.f1
    assert scores["false alarms" + sense]["score"] == found.false_alarm_rate


def test_evaluate_muc4_reads_several_files_and_splits_by_document_id(tmp_path):
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    ids = list(MUC_DOCS)
    first.write_text(json.dumps({i: MUC_DOCS[i] for i in ids[:2]}))
    second.write_text(json.dumps({ids[2]: MUC_DOCS[ids[2]]}))
    held = sum(split_part(i) == "held-out" for i in ids)
    result = json.loads(run("evaluate", "muc4", str(first), str(second), "--format", "json").stdout)
    assert result["documents_by_part"] == f"tune {len(ids) - held}, held-out {held}"
    assert f"tune part, {len(ids) - held} documents" in result["title"]


def test_a_file_that_is_not_muc4_is_a_coded_error(tmp_path):
    path = tmp_path / "muc.json"
    path.write_text(json.dumps({"TST-1": {"text": "no doc and no roles"}}))
    result = run("evaluate", "muc4", str(path))
    assert result.exit_code == 2 and "CL-E761" in result.stderr
