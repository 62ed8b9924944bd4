"""Labelled reports for a relevance gate (`conflictlens train relevance`): does each report tell a
new act of political violence? Read in place, in the layouts of the sets users and developers hold:

- muc4: MUC-4 JSON ({doc_id: {"doc": text, "roles": {role: [...]}}}): an act when any role is filled;
- case: CASE 2021 task 2 TSV (id, EventSnippet, SubType): an act when the label's ACLED type is
  political violence (battles, explosions, violence against civilians); protests, agreements,
  arrests, crime, disasters and diplomacy are not;
- satp: SATP coded CSV (incident_number, incident_summary, action columns): an act when it is coded
  armed assault, bombing, infrastructure or abduction (arrests, surrenders, seizures alone are not);
- jsonl: a user's own file, one {"text": ..., "relevant": true|false, "id"?: ...} per line.

Only the rows of the requested part are kept (a fixed split by a hash of the row id, as `evaluate`
splits them; a jsonl row without an id is split by its text).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Callable, Iterator

from conflictlens.errors import ConflictLensError
from conflictlens.extract.build import VIOLENT_TYPES
from conflictlens.model.ids import document_id
from conflictlens.model.vocab import vocabularies
from conflictlens.pipeline.dev_split import in_part

# CASE 2021 task 2 labels and the ACLED sub-event type each stands for (the rest are no ACLED event).
CASE_LABELS = {
    "ABDUCT_DISSAP": "Abduction/forced disappearance", "AGREEMENT": "Agreement", "AIR_STRIKE": "Air/drone strike",
    "ARMED_CLASH": "Armed clash", "ARREST": "Arrests", "ART_MISS_ATTACK": "Shelling/artillery/missile attack",
    "ATTACK": "Attack", "CHANGE_TO_GROUP_ACT": "Change to group/activity", "CHEM_WEAP": "Chemical weapon",
    "DISR_WEAP": "Disrupted weapons use", "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
    "GOV_REGAINS_TERIT": "Government regains territory", "GRENADE": "Grenade",
    "HQ_ESTABLISHED": "Headquarters or base established", "MOB_VIOL": "Mob violence",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory", "OTHER": "Other",
    "PEACE_PROTEST": "Peaceful protest", "PROPERTY_DISTRUCT": "Looting/property destruction",
    "PROTEST_WITH_INTER": "Protest with intervention", "REM_EXPLOS": "Remote explosive/landmine/IED",
    "SEX_VIOL": "Sexual violence", "SUIC_BOMB": "Suicide bomb", "VIOL_DEMONSTR": "Violent demonstration",
}
CASE_COLUMNS = ("id", "EventSnippet", "SubType")
SATP_COLUMNS = ("incident_number", "incident_summary")
SATP_ACTS = ("armed_assault", "bombing", "infrastructure", "abduction")

LabelledReport = tuple[str, bool]  # (text, tells an act of political violence)


def labelled_reports(path: str, fmt: str, part: str) -> list[LabelledReport]:
    readers: dict[str, Callable[[str, str], Iterator[LabelledReport]]] = {
        "muc4": _muc4, "case": _case, "satp": _satp, "jsonl": _jsonl}
    if fmt not in readers:
        raise ConflictLensError("CL-E777", f"unknown training format {fmt!r} for a relevance gate; use one of "
                                f"{', '.join(readers)}", "--format")
    if not Path(path).is_file():
        raise ConflictLensError("CL-E100", f"training file not found; pass the path of a {fmt} file", path)
    return [(text, relevant) for text, relevant in readers[fmt](path, part) if text.strip()]


def case_label_is_act(label: str) -> bool:
    sub_event = CASE_LABELS.get(label.strip())
    return sub_event is not None and vocabularies().event_type_of(sub_event) in VIOLENT_TYPES


def _muc4(path: str, part: str) -> Iterator[LabelledReport]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError):
        raise ConflictLensError("CL-E761", "not valid JSON; pass a MUC-4 file (doc_id -> {doc, roles})", path) from None
    if not isinstance(data, dict):
        raise ConflictLensError("CL-E761", "a MUC-4 file maps document ids to {\"doc\", \"roles\"}", path)
    for doc_id, doc in data.items():
        if not (isinstance(doc, dict) and isinstance(doc.get("doc"), str) and isinstance(doc.get("roles"), dict)):
            raise ConflictLensError("CL-E761", f"document {doc_id!r} is not {{\"doc\": text, \"roles\": {{...}}}}",
                                    path)
        if in_part(doc_id, part):
            yield doc["doc"], any(doc["roles"].values())


def _case(path: str, part: str) -> Iterator[LabelledReport]:
    for row in _csv_rows(path, CASE_COLUMNS, "\t", "a CASE 2021 task 2 TSV"):
        if in_part(row["id"] or "", part):
            yield row["EventSnippet"] or "", case_label_is_act(row["SubType"] or "")


def _satp(path: str, part: str) -> Iterator[LabelledReport]:
    for row in _csv_rows(path, SATP_COLUMNS + SATP_ACTS, ",", "an SATP coded CSV"):
        if in_part(row["incident_number"] or "", part):
            yield row["incident_summary"] or "", any(_number(row[c]) > 0 for c in SATP_ACTS)


def _number(value: str | None) -> float:
    try:
        return float(value or 0)
    except ValueError:
        return 0.0


def _csv_rows(path: str, columns: tuple[str, ...], delimiter: str, what: str) -> Iterator[dict]:
    with open(path, encoding="utf-8-sig", errors="replace", newline="") as fh:
        reader = csv.DictReader(fh, delimiter=delimiter)
        missing = sorted(set(columns) - set(reader.fieldnames or ()))
        if missing:
            raise ConflictLensError("CL-E774", f"not {what}: no column {', '.join(missing)}; is this the right "
                                    "--format?", path)
        try:
            yield from reader
        except csv.Error as exc:
            raise ConflictLensError("CL-E109", f"the file cannot be read ({exc}); export it again", path) from None


def _jsonl(path: str, part: str) -> Iterator[LabelledReport]:
    with open(path, encoding="utf-8", errors="replace") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                row = json.loads(line)
            except ValueError:
                raise ConflictLensError("CL-E104", "not valid JSON; one {\"text\", \"relevant\"} object per line",
                                        where) from None
            if not isinstance(row, dict) or not isinstance(row.get("text"), str) \
                    or not isinstance(row.get("relevant"), bool):
                raise ConflictLensError("CL-E105", "each line needs \"text\" (a string) and \"relevant\" (true or "
                                        "false)", where)
            if in_part(str(row.get("id") or document_id(row["text"])), part):
                yield row["text"], row["relevant"]
