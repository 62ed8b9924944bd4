"""Labelled reports for `train relevance`, read in the layouts of MUC-4, CASE 2021, SATP and a user's JSONL."""

from __future__ import annotations

import json

import pytest

from conflictlens.errors import ConflictLensError
from conflictlens.pipeline.dev_split import split_part
from conflictlens.pipeline.labelled_reports import case_label_is_act, labelled_reports


def test_muc4_reports_tell_an_act_when_any_role_is_filled(tmp_path) -> None:
    path = tmp_path / "muc.json"
    path.write_text(json.dumps({
        "DOC-1": {"doc": "A BOMB EXPLODED OUTSIDE THE EMBASSY.", "roles": {"phys_tgt_id": [["EMBASSY"]]}},
        "DOC-2": {"doc": "THE MINISTER SPOKE ABOUT THE ECONOMY.", "roles": {"phys_tgt_id": []}}}), encoding="utf-8")
    assert labelled_reports(str(path), "muc4", "all") == [("A BOMB EXPLODED OUTSIDE THE EMBASSY.", True),
                                                         ("THE MINISTER SPOKE ABOUT THE ECONOMY.", False)]
    wanted = {split_part("DOC-1"), split_part("DOC-2")}
    assert sum(len(labelled_reports(str(path), "muc4", part)) for part in wanted) == 2


def test_case_labels_of_political_violence_are_acts(tmp_path) -> None:
    path = tmp_path / "case.tsv"
    path.write_text("id\tEventSnippet\tSubType\n1\tA car bomb killed four people.\tSUIC_BOMB\n"
                    "2\tThousands marched peacefully.\tPEACE_PROTEST\n3\tA cyclone hit the coast.\tNATURAL_DISASTER\n",
                    encoding="utf-8")
    assert [relevant for _t, relevant in labelled_reports(str(path), "case", "all")] == [True, False, False]
    assert case_label_is_act("ARMED_CLASH") and not case_label_is_act("AGREEMENT") and not case_label_is_act("DIPLO")


def test_satp_rows_coded_as_attacks_are_acts(tmp_path) -> None:
    path = tmp_path / "satp.csv"
    path.write_text("incident_number,incident_summary,armed_assault,bombing,infrastructure,abduction,arrest\n"
                    "1,Maoists blew up a culvert.,0,0,1,0,0\n2,Police arrested a courier.,0,0,0,0,1\n", encoding="utf-8")
    assert labelled_reports(str(path), "satp", "all") == [("Maoists blew up a culvert.", True),
                                                         ("Police arrested a courier.", False)]


def test_a_users_jsonl_is_split_by_id_or_text(tmp_path) -> None:
    path = tmp_path / "mine.jsonl"
    path.write_text('{"id": "a", "text": "A mortar hit the camp.", "relevant": true}\n\n'
                    '{"text": "The council met on Monday.", "relevant": false}\n', encoding="utf-8")
    assert labelled_reports(str(path), "jsonl", "all") == [("A mortar hit the camp.", True),
                                                          ("The council met on Monday.", False)]
    tune, held_out = (labelled_reports(str(path), "jsonl", part) for part in ("tune", "held-out"))
    assert len(tune) + len(held_out) == 2 and (split_part("a") == "tune") == (("A mortar hit the camp.", True) in tune)


@pytest.mark.parametrize(("fmt", "text", "code"), [
    ("jsonl", '{"text": "no label"}\n', "CL-E105"), ("jsonl", "not json\n", "CL-E104"),
    ("case", "id\ttext\n1\tx\n", "CL-E774"), ("muc4", "[1, 2]", "CL-E761"), ("acled", "", "CL-E777")])
def test_bad_training_files_are_coded_errors(tmp_path, fmt, text, code) -> None:
    path = tmp_path / "bad"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConflictLensError) as bad:
        labelled_reports(str(path), fmt, "all")
    assert bad.value.code == code
    with pytest.raises(ConflictLensError) as missing:
        labelled_reports(str(tmp_path / "nowhere"), "jsonl", "all")
    assert missing.value.code == "CL-E100"
