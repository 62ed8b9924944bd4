"""Accuracy against hand-coded datasets: GTD (per field) and CASE 2021 (sub-event typing and false
alarms, through the `extract` path; see evaluation/extract_path.py).

The datasets are read in place; nothing from them is stored. Comparison rules, documented here
and in docs/accuracy.md:
- date: the event's start date equals GTD's iyear-imonth-iday (month only when iday is 0);
- country: ISO code of GTD's country_txt; admin1 against `provstate`; city against `place` or
  `admin2` (rows whose city is "Unknown" are skipped for city); names are compared after removing
  accents, punctuation and words such as "district" or "city", and match when they are equal or
  nearly so (similarity >= 0.85, for spellings like Qala-i-Naw / Qala-e-Naw), or when the gazetteer
  knows both as names of one unit of the gold country ("Extreme-North" / "Far North", "Arbil" /
  "Erbil": `evaluation.place_names.same_place`, which the news benchmark uses too);
- perpetrator: canonical name against `gname` ("Unknown" = no perpetrator); claimed against `claimed`;
- nkill: victims plus perpetrators killed (GTD counts both) against `nkill`; nwound against `nwound`;
  rows with an empty gold figure are skipped for that field;
- every field of a row without an extracted event counts as wrong (except the skips above).
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from conflictlens.errors import ConflictLensError
from conflictlens.evaluation.extract_path import is_political_violence, predicted_type
from conflictlens.pipeline.extraction import extracted_events
from conflictlens.extract.extractor import Extractor
from conflictlens.model.ids import document_id
from conflictlens.model.records import Document, Event
from conflictlens.evaluation.place_names import Lookup, gazetteer_lookup, same_name, same_place  # noqa: F401  (same_name: scripts)
from conflictlens.pipeline.dev_split import (  # noqa: F401  (the split, where measurements look for it)
    HELD_OUT_PERCENT, PARTS, check_part, in_part, split_part,
)
from conflictlens.pipeline.labelled_reports import CASE_COLUMNS, CASE_LABELS  # noqa: F401  (tests look here)

GTD_FIELDS = ("detected", "date", "country", "admin1", "city", "attack_type", "target_type", "perpetrator",
              "claimed", "nkill", "nwound")


@dataclass
class FieldScores:
    correct: Counter = field(default_factory=Counter)
    total: Counter = field(default_factory=Counter)

    def add(self, name: str, ok: bool | None) -> None:
        if ok is None:
            return
        self.total[name] += 1
        self.correct[name] += int(ok)

    def accuracy(self, name: str) -> float:
        return self.correct[name] / self.total[name] if self.total[name] else 0.0


@dataclass
class EvalResult:
    title: str
    rows: list[tuple[str, float, int, int]]  # name, score, correct, total (for CASE: name, F1, support, support)
    extra: dict = field(default_factory=dict)
    columns: tuple[str, str, str] = ("score", "correct", "total")


def _open_csv(path: str, what: str = "a GTD CSV export"):
    if not Path(path).exists():
        raise ConflictLensError("CL-E100", f"file not found; pass the path of {what}", path)
    return open(path, encoding="utf-8-sig", newline="")


def evaluate_gtd(path: str, extractor: Extractor, on_row: Callable[[object], None] | None = None,
                 mismatches_path: str | None = None, part: str = "all") -> EvalResult:
    """Per-field accuracy over the GTD rows of `part` ('all', or the 'tune' or 'held-out' split)."""
    check_part(part)  # before the file is read
    scores = FieldScores()
    countries = _country_codes(extractor)
    lookup = gazetteer_lookup(extractor.geocoder)
    mismatches = open(mismatches_path, "w", encoding="utf-8") if mismatches_path else None
    with _open_csv(path) as fh:
        reader = csv.DictReader(fh)
        if not reader.fieldnames or "summary" not in reader.fieldnames:
            raise ConflictLensError("CL-E109", "no `summary` column; is this a GTD export?", path)
        rows = [r for r in reader if in_part(r.get("eventid") or "", part)]
    docs = (Document(id=document_id(r["summary"] or r["eventid"]), text=r["summary"] or "") for r in rows)
    for row, (_doc, events) in zip(rows, extractor.extract_many(docs)):
        verdict = score_gtd_row(row, events[0] if events else None, countries, lookup)
        for name, ok in verdict.items():
            scores.add(name, ok)
        if mismatches and any(v is False for v in verdict.values()):
            mismatches.write(json.dumps({"eventid": row.get("eventid"), "wrong": [k for k, v in verdict.items() if v is False],
                                         "event": events[0].to_dict() if events else None}) + "\n")
        if on_row:
            on_row(row)
    if mismatches:
        mismatches.close()
    table = [(n, scores.accuracy(n), scores.correct[n], scores.total[n]) for n in GTD_FIELDS]
    shown = "" if part == "all" else f"{part} part, "
    return EvalResult(f"GTD extraction accuracy ({Path(path).name}, {shown}{len(rows)} rows)", table)


def _country_codes(extractor: Extractor) -> Callable[[str], str | None]:
    def code(name: str) -> str | None:
        geo = extractor.geocoder
        hits = geo.lookup(name, kind="country") if geo is not None else []
        return hits[0].country if hits else None
    return code


def score_gtd_row(row: dict, event: Event | None, country_code: Callable[[str], str | None],
                  lookup: Lookup | None = None) -> dict[str, bool | None]:
    verdict: dict[str, bool | None] = {"detected": event is not None}
    if event is None:
        return {**{f: False for f in GTD_FIELDS}, **_skips(row)}
    verdict["date"] = _date_ok(row, event)
    country = country_code(row["country_txt"])
    verdict["country"] = event.location.country == country
    loc = event.location
    verdict["admin1"] = same_place(row["provstate"], loc.admin1, field="admin1", country=country, lookup=lookup)
    verdict["city"] = (None if row["city"] in ("", "Unknown")
                       else same_place(row["city"], loc.place, loc.admin2, field="city", country=country, lookup=lookup,
                                       within=row["provstate"]))
    verdict["attack_type"] = event.attack_type == row["attacktype1_txt"]
    verdict["target_type"] = event.target_type == row["targtype1_txt"]
    gold_perp = None if row["gname"] in ("", "Unknown") else row["gname"]
    verdict["perpetrator"] = event.perpetrator == gold_perp
    verdict["claimed"] = event.claimed == (row.get("claimed") == "1")
    killed = (event.fatalities.best or 0) + (event.perpetrators_killed.best or 0)
    verdict["nkill"] = None if row["nkill"] == "" else killed == int(float(row["nkill"]))
    verdict["nwound"] = None if row["nwound"] == "" else (event.injured.best or 0) == int(float(row["nwound"]))
    return verdict


def _skips(row: dict) -> dict[str, None]:
    skips = {}
    if row["city"] in ("", "Unknown"):
        skips["city"] = None
    for name in ("nkill", "nwound"):
        if row[name] == "":
            skips[name] = None
    return skips


def _date_ok(row: dict, event: Event) -> bool:
    y, m, d = int(row["iyear"]), int(row["imonth"]), int(row["iday"])
    if not event.date.start:
        return False
    if d == 0:
        return event.date.start[:7] == f"{y:04d}-{m:02d}"
    return event.date.start == f"{y:04d}-{m:02d}-{d:02d}"


def evaluate_case(path: str, extractor: Extractor, part: str = "all",
                  on_row: Callable[[object], None] | None = None) -> EvalResult:
    """CASE 2021 snippets through the `extract` path: weighted F1 of the main event's sub-event type
    over snippets labelled with one of ACLED's 25 types ("none" when no event came out), and the
    false-alarm rate: the share of the other snippets (crime, disasters, diplomacy, statements) that
    gave a political-violence event. Rows are split by a hash of their `id`."""
    check_part(part)  # before the file is read
    rows = _case_rows(path)
    parts = Counter(split_part(r["id"] or "") for r in rows)
    chosen = [r for r in rows if in_part(r["id"] or "", part)]
    gold, pred, alarms = [], [], []
    texts = ((r["id"] or "", r["EventSnippet"] or "") for r in chosen)
    for row, (_id, events) in zip(chosen, extracted_events(texts, extractor, path)):
        label = CASE_LABELS.get((row["SubType"] or "").strip())
        if label is None:
            alarms.append(any(is_political_violence(e) for e in events))
        else:
            gold.append(label)
            pred.append(predicted_type(events))
        if on_row:
            on_row(row)
    return _case_result(path, part, gold, pred, alarms, parts)


def _case_rows(path: str) -> list[dict]:
    with _open_csv(path, "a CASE 2021 task 2 TSV") as fh:
        reader = csv.DictReader(fh, delimiter="\t")
        if not reader.fieldnames or not set(CASE_COLUMNS) <= set(reader.fieldnames):
            raise ConflictLensError("CL-E760", "not a CASE 2021 task 2 file: it needs the tab-separated columns "
                                    + ", ".join(CASE_COLUMNS), path)
        return list(reader)


def _case_result(path: str, part: str, gold: list[str], pred: list[str], alarms: list[bool],
                 parts: Counter) -> EvalResult:
    f1, per_label = weighted_f1(gold, pred)
    rows = [(name, score, support, support) for name, (score, support) in sorted(per_label.items(), key=lambda kv: -kv[1][1])]
    accuracy = sum(g == p for g, p in zip(gold, pred)) / len(gold) if gold else 0.0
    shown = "" if part == "all" else f"{part} part, "
    extra = {"weighted_f1": round(f1, 3), "accuracy": round(accuracy, 3),
             "false_alarm_rate": round(sum(alarms) / len(alarms), 3) if alarms else 0.0,
             "false_alarms": f"{sum(alarms)} of {len(alarms)} non-violent snippets",
             "rows_by_part": f"tune {parts['tune']}, held-out {parts['held-out']}"}
    return EvalResult(f"CASE 2021 through extract ({Path(path).name}, {shown}{len(gold)} ACLED-labelled snippets)",
                      rows, extra, ("F1", "support", "support"))


def weighted_f1(gold: list[str], pred: list[str]) -> tuple[float, dict[str, tuple[float, int]]]:
    support = Counter(gold)
    per_label = {}
    for label in support:
        tp = sum(1 for g, p in zip(gold, pred) if g == p == label)
        fp = sum(1 for g, p in zip(gold, pred) if p == label and g != label)
        fn = support[label] - tp
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_label[label] = (f1, support[label])
    total = sum(support.values())
    return (sum(f1 * n for f1, n in per_label.values()) / total if total else 0.0), per_label


def render(result: EvalResult, fmt: str) -> str:
    if fmt == "json":
        return json.dumps({"title": result.title, "fields": [dict(zip(("name", "score", "correct", "total"), r)) for r in result.rows], **result.extra}, indent=2)
    a, b, c = result.columns
    lines = [f"### {result.title}", "", f"| field | {a} | {b} |" + ("" if b == c else f" {c} |"),
             "|---|---:|---:|" + ("" if b == c else "---:|")]
    lines += [f"| {n} | {s:.3f} | {k} |" + ("" if b == c else f" {t} |") for n, s, k, t in result.rows]
    lines += [""] + [f"{k}: {v}" for k, v in result.extra.items()]
    return "\n".join(lines)
