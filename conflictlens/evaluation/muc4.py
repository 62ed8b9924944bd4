"""MUC-4 through the `extract` path: incident detection, false alarms and perpetrator organisations.

A MUC-4 file (GRIT format) is a JSON object doc_id -> {"doc": text, "roles": {role: [cluster, ...]}},
each cluster a list of mention strings. Which part a document belongs to is decided from its id
alone, before its text is read, so held-out texts are never looked at while tuning.
- incident detection: a document is a gold positive when any role is filled; a predicted positive
  when extraction gave at least one political-violence event (precision, recall, F1);
- false alarms: the share of gold-negative documents that gave a political-violence event;
- incident detection in the MUC-4 sense: MUC-4 gold does not count combat between armed forces
  (army against guerrillas) as an incident, so a second set of lines counts a document as predicted
  positive only when it gave an Explosions/Remote violence or Violence against civilians event, or a
  Battle whose target is not an armed force (`is_muc4_incident`). The product is not tuned to this
  notion; the first lines stay the product's own;
- perpetrator organisations: per document, the `perp_organization_id` clusters against the
  perpetrators of its acts of violence and the actors that claimed (extract_path.perpetrator_names,
  match_perpetrators), summed over documents (micro precision, recall, F1); and the same in the
  MUC-4 sense, from the events `is_muc4_act` accepts only (not from battles between armed forces).
"""

from __future__ import annotations

import json
from collections import Counter
from contextlib import nullcontext
from pathlib import Path
from typing import Callable, Iterable

from conflictlens.errors import ConflictLensError
from conflictlens.evaluation import EvalResult, check_part, in_part, split_part
from conflictlens.evaluation.extract_path import (
    DESTRUCTION_SUB_TYPES, Matches, detection, harmonic, is_political_violence, match_perpetrators, perpetrator_names,
    registry_names,
)
from conflictlens.extract.extractor import Extractor
from conflictlens.pipeline.extraction import extracted_events

PERP_ORGANISATION = "perp_organization_id"
BATTLES = "Battles"
MUC4_SENSE = " (MUC-4 sense: not counting battles between armed forces)"
# GTD target types of armed forces: a battle against them is combat, not a MUC-4 incident. A battle
# with no target type is taken as combat too (nothing says a civilian was its target).
ARMED_TARGET_TYPES = frozenset({"Military", "Police", "Terrorists/Non-State Militia", None})


def is_muc4_incident(event: dict) -> bool:
    """A political-violence event MUC-4 would count: not a battle between armed forces."""
    if not is_political_violence(event):
        return False
    return event.get("event_type") != BATTLES or event.get("target_type") not in ARMED_TARGET_TYPES


def is_muc4_act(event: dict) -> bool:
    """An event whose actors MUC-4 would name as perpetrators: a MUC-4 incident, or destruction of property."""
    return is_muc4_incident(event) or event.get("sub_event_type") in DESTRUCTION_SUB_TYPES


def read_muc4(path: str) -> dict[str, dict]:
    """The documents of one MUC-4 file, checked for shape (not for content)."""
    if not Path(path).is_file():
        raise ConflictLensError("CL-E100", "file not found; pass the path of a MUC-4 JSON file", path)
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError):
        raise ConflictLensError("CL-E761", "not valid JSON; pass a MUC-4 file (doc_id -> {doc, roles})", path) from None
    if not isinstance(data, dict) or not all(_is_document(v) for v in data.values()):
        raise ConflictLensError("CL-E761", "every entry must be {\"doc\": text, \"roles\": {role: [[mention, ...], ...]}}",
                                path)
    return data


def _is_document(value: object) -> bool:
    return (isinstance(value, dict) and isinstance(value.get("doc"), str) and isinstance(value.get("roles"), dict)
            and all(isinstance(c, list) for c in value["roles"].values()))


def evaluate_muc4(paths: Iterable[str], extractor: Extractor, part: str = "tune",
                  on_row: Callable[[object], None] | None = None, mismatches_path: str | None = None) -> EvalResult:
    """Detection, false alarms and perpetrator organisations over the documents of `part`."""
    check_part(part)  # before any file is read
    names = [str(p) for p in paths]
    chosen, parts = chosen_documents(names, part)
    gold, predicted, muc_sense, perps, muc_perps = [], [], [], [], []
    names_of = registry_names(extractor)
    texts = ((doc_id, doc["doc"]) for doc_id, doc in chosen)
    with (open(mismatches_path, "w", encoding="utf-8") if mismatches_path else nullcontext()) as out:
        for (doc_id, doc), (_id, events) in zip(chosen, extracted_events(texts, extractor, ",".join(names))):
            gold.append(any(doc["roles"].values()))
            predicted.append(any(is_political_violence(e) for e in events))
            muc_sense.append(any(is_muc4_incident(e) for e in events))
            found = perpetrator_names(events)
            gold_perps = doc["roles"].get(PERP_ORGANISATION) or []
            perps.append(match_perpetrators(gold_perps, found, names_of))
            muc_perps.append(match_perpetrators(gold_perps, perpetrator_names(events, is_muc4_act), names_of))
            if out is not None and (gold[-1] != predicted[-1] or perps[-1].false_pos or perps[-1].false_neg):
                out.write(json.dumps({"doc_id": doc_id, "incident": gold[-1], "event": predicted[-1],
                                      "muc4_sense_event": muc_sense[-1],
                                      "perpetrators": sorted(found), "gold_perpetrators": gold_perps,
                                      "types": [e.get("sub_event_type") for e in events]})
                          + "\n")
            if on_row:
                on_row(doc_id)
    return _muc4_result(names, part, (detection(gold, predicted), detection(gold, muc_sense)), (perps, muc_perps), parts)


def chosen_documents(paths: list[str], part: str) -> tuple[list[tuple[str, dict]], Counter]:
    """The (doc_id, document) pairs of `part`, and how many documents each part holds. The id alone
    decides the part: the texts of other parts are never read."""
    chosen: list[tuple[str, dict]] = []
    parts: Counter = Counter()
    for path in paths:
        data = read_muc4(path)
        for doc_id in data:
            parts[split_part(doc_id)] += 1
            if in_part(doc_id, part):
                chosen.append((doc_id, data[doc_id]))
    return chosen, parts


def summed(matches: list[Matches]) -> Matches:
    return Matches(sum(m.true_pos for m in matches), sum(m.false_pos for m in matches),
                   sum(m.false_neg for m in matches))


def _detection_rows(found, label: str = "") -> list[tuple]:
    return [
        (f"incident precision{label}", found.precision, found.true_pos, found.true_pos + found.false_pos),
        (f"incident recall{label}", found.recall, found.true_pos, found.true_pos + found.false_neg),
        (f"incident F1{label}", found.f1, 2 * found.true_pos, 2 * found.true_pos + found.false_pos + found.false_neg),
        (f"false alarms{label}", found.false_alarm_rate, found.false_pos, found.false_pos + found.true_neg),
    ]


def _muc4_result(paths: list[str], part: str, found: tuple, perps: tuple[list[Matches], list[Matches]],
                 parts: Counter) -> EvalResult:
    rows = (_detection_rows(found[0]) + _detection_rows(found[1], MUC4_SENSE) + _perpetrator_rows(perps[0])
            + _perpetrator_rows(perps[1], MUC4_SENSE))
    documents = found[0].true_pos + found[0].false_pos + found[0].false_neg + found[0].true_neg
    shown = "" if part == "all" else f"{part} part, "
    files = ", ".join(Path(p).name for p in paths)
    extra = {"documents_by_part": f"tune {parts['tune']}, held-out {parts['held-out']}"}
    return EvalResult(f"MUC-4 through extract ({files}, {shown}{documents} documents)", rows, extra)


def _perpetrator_rows(matches: list[Matches], label: str = "") -> list[tuple]:
    total = summed(matches)
    p_precision = total.true_pos / (total.true_pos + total.false_pos) if total.true_pos + total.false_pos else 0.0
    p_recall = total.true_pos / (total.true_pos + total.false_neg) if total.true_pos + total.false_neg else 0.0
    return [
        (f"perpetrator org precision{label}", p_precision, total.true_pos, total.true_pos + total.false_pos),
        (f"perpetrator org recall{label}", p_recall, total.true_pos, total.true_pos + total.false_neg),
        (f"perpetrator org F1{label}", harmonic(p_precision, p_recall), 2 * total.true_pos,
         2 * total.true_pos + total.false_pos + total.false_neg),
    ]
