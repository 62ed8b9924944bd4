"""`evaluate satp`: SATP India incident descriptions (2005-2016), hand-coded, through the `extract` path.

Each row's `incident_summary` becomes one `extract --input` line with the row's `date` as its
publication date (SATP dates an entry by its report), so relative dates resolve as for a user.
Rows are split by `split_part(incident_number)`; `limit` takes the first N rows of the part in a
fixed hash order, so a subset is the same on every run. Rules, also in docs/accuracy.md:
- violent rows: coded armed assault, bombing, infrastructure (attacks on property) or abduction, or
  anyone killed or hurt. `detected`: the report gave an act of violence (a political-violence event,
  or destruction of property, which ACLED files under strategic developments but SATP codes as an
  attack). The other fields are scored on violent rows only, on the main event (the first act of
  violence, else the first event; every field is wrong when there is none);
- date: the event's start date equals the row's date; admin1 against `state`; district against the
  event's admin2 or place (`same_place`, within the gold state); fatalities: victims plus
  perpetrators killed (our record keeps attackers killed apart: SATP's total counts everyone, Maoists
  included) against `total_fatalities`; injured against `total_injuries` (an empty figure is skipped);
- quiet rows: coded arrest, surrender or seizure only, no one killed or hurt. A false alarm is a
  political-violence event (Battles, Explosions/Remote violence, Violence against civilians) from
  one; an arrest read as ACLED's strategic development "Arrests" is what ACLED codes, and no alarm.
"""

from __future__ import annotations

import csv
import hashlib
import json
import time
from collections import Counter
from contextlib import nullcontext
from pathlib import Path
from typing import Callable, Iterable

from conflictlens.errors import ConflictLensError
from conflictlens.evaluation import EvalResult, FieldScores
from conflictlens.evaluation.extract_path import is_act_of_violence, is_political_violence
from conflictlens.evaluation.place_names import Lookup, gazetteer_lookup, same_name, same_place
from conflictlens.extract.extractor import Extractor
from conflictlens.pipeline.dev_split import check_part, in_part, split_part
from conflictlens.pipeline.extraction import extracted_events

SATP_FIELDS = ("detected", "date", "admin1", "district", "fatalities", "injured")
SATP_COLUMNS = ("incident_number", "date", "incident_summary", "state", "district", "total_fatalities",
                "total_injuries")
VIOLENT_CODES = ("armed_assault", "bombing", "infrastructure", "abduction")
QUIET_CODES = ("arrest", "surrender", "seizure")
COUNTRY = "IN"  # SATP's India timelines
# States split since: SATP codes the state of the day, the gazetteer today's. Telangana was carved out of
# Andhra Pradesh on 2 June 2014, so an earlier row's "Andhra Pradesh" is right for a Telangana district.
SPLIT_STATES = (("Andhra Pradesh", "Telangana", "2014-06-02"),)
_ORDER_SALT = "conflictlens-satp-order-v1:"  # the fixed order `limit` takes rows in


def number(value: str | None) -> float | None:
    """A coded figure ("2.0"); None when the cell is empty or not a number."""
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


def _coded(row: dict, columns: Iterable[str]) -> bool:
    return any(number(row.get(c)) for c in columns)


def row_kind(row: dict) -> str | None:
    """'violent', 'quiet' (arrest, surrender or seizure only, no one hurt) or None (coded as neither)."""
    hurt = (number(row["total_fatalities"]) or 0) + (number(row["total_injuries"]) or 0)
    if _coded(row, VIOLENT_CODES) or hurt > 0:
        return "violent"
    return "quiet" if _coded(row, QUIET_CODES) else None


def order_key(row_id: str) -> str:
    return hashlib.sha256((_ORDER_SALT + row_id.strip()).encode("utf-8")).hexdigest()


def chosen_rows(rows: list[dict], part: str, limit: int | None) -> list[dict]:
    """The rows of `part`, in the fixed hash order, the first `limit` of them."""
    kept = sorted((r for r in rows if in_part(r["incident_number"] or "", part)),
                  key=lambda r: order_key(r["incident_number"] or ""))
    return kept if limit is None else kept[:limit]


def read_satp(path: str) -> list[dict]:
    """The rows of a SATP coded CSV, checked for the columns the scorer reads."""
    if not Path(path).is_file():
        raise ConflictLensError("CL-E100", "file not found; pass the path of the SATP coded CSV", path)
    with open(path, encoding="utf-8-sig", errors="replace", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in SATP_COLUMNS if c not in (reader.fieldnames or ())]
        if missing:
            raise ConflictLensError("CL-E983", "not a SATP coded CSV: it needs the columns " + ", ".join(missing), path)
        return list(reader)


def main_act(events: list[dict]) -> dict | None:
    """The event scored: the report's first act of violence, else its first event."""
    return next((e for e in events if is_act_of_violence(e)), events[0] if events else None)


def _best(casualties: dict | None) -> int:
    return int((casualties or {}).get("best") or 0)


def state_of_the_day(gold: str, ours: str | None, day: str) -> str:
    """The gold state, or ours when ours was part of it on `day` (a Telangana district before the split)."""
    for old, new, since in SPLIT_STATES:
        if same_name(gold, old) and same_name(ours, new) and day < since:
            return new
    return gold


def score_satp_row(row: dict, events: list[dict], lookup: Lookup | None = None) -> dict[str, bool | None]:
    """Per-field verdicts for one violent row (None: not scored)."""
    event = main_act(events)
    if event is None:
        verdict: dict[str, bool | None] = {f: False for f in SATP_FIELDS}
    else:
        where = event.get("location") or {}
        state = state_of_the_day(row["state"], where.get("admin1"), row["date"][:10])
        killed = _best(event.get("fatalities")) + _best(event.get("perpetrators_killed"))
        verdict = {
            "detected": any(is_act_of_violence(e) for e in events),
            "date": ((event.get("date") or {}).get("start") or "") == row["date"][:10],
            "admin1": same_place(state, where.get("admin1"), field="admin1", country=COUNTRY, lookup=lookup),
            "district": same_place(row["district"], where.get("place"), where.get("admin2"), field="city",
                                   country=COUNTRY, lookup=lookup, within=state),
            "fatalities": killed == int(number(row["total_fatalities"]) or 0),
            "injured": _best(event.get("injured")) == int(number(row["total_injuries"]) or 0),
        }
    if number(row["total_injuries"]) is None:
        verdict["injured"] = None
    if number(row["total_fatalities"]) is None:
        verdict["fatalities"] = None
    if not row["district"]:
        verdict["district"] = None
    return verdict


def evaluate_satp(path: str, extractor: Extractor, part: str = "all", limit: int | None = None,
                  on_row: Callable[[object], None] | None = None, mismatches_path: str | None = None) -> EvalResult:
    """Per-field accuracy on the violent rows of `part` and false alarms on its quiet rows."""
    check_part(part)  # before the file is read
    if limit is not None and limit < 1:
        raise ConflictLensError("CL-E400", f"--limit must be a positive number of rows, not {limit}", "--limit")
    rows = read_satp(path)
    parts = Counter(split_part(r["incident_number"] or "") for r in rows)
    chosen = chosen_rows(rows, part, limit)
    scores, alarms = FieldScores(), []
    lookup = gazetteer_lookup(extractor.geocoder)
    dates = {r["incident_number"]: r["date"][:10] for r in chosen}
    texts = ((r["incident_number"], r["incident_summary"] or "") for r in chosen)
    started = time.perf_counter()
    with (open(mismatches_path, "w", encoding="utf-8") if mismatches_path else nullcontext()) as out:
        for row, (_id, events) in zip(chosen, extracted_events(texts, extractor, path, dates.get)):
            kind, verdict = row_kind(row), {}
            if kind == "quiet":
                alarms.append(any(is_political_violence(e) for e in events))
                verdict = {"false_alarm": not alarms[-1]}
            elif kind == "violent":
                verdict = score_satp_row(row, events, lookup)
                for name, ok in verdict.items():
                    scores.add(name, ok)
            if out is not None and False in verdict.values():
                out.write(json.dumps(_mismatch(row, verdict, events)) + "\n")
            if on_row:
                on_row(row)
    seconds = time.perf_counter() - started
    return _satp_result(path, part, chosen, scores, alarms, parts, seconds)


def _mismatch(row: dict, verdict: dict, events: list[dict]) -> dict:
    """One line of the errors file: the row id, what was wrong, the coded values and ours."""
    event = main_act(events)
    gold = {k: row.get(k) for k in ("date", "state", "district", "block", "village_name", "total_fatalities",
                                     "total_injuries")}
    ours = None if event is None else {
        "type": event.get("sub_event_type"), "date": (event.get("date") or {}).get("start"),
        "location": event.get("location"), "fatalities": _best(event.get("fatalities")),
        "perpetrators_killed": _best(event.get("perpetrators_killed")), "injured": _best(event.get("injured"))}
    return {"incident_number": row["incident_number"], "wrong": [k for k, v in verdict.items() if v is False],
            "gold": gold, "ours": ours, "events": len(events)}


def _satp_result(path: str, part: str, chosen: list[dict], scores: FieldScores, alarms: list[bool],
                 parts: Counter, seconds: float) -> EvalResult:
    table = [(n, scores.accuracy(n), scores.correct[n], scores.total[n]) for n in SATP_FIELDS]
    violent = scores.total["detected"]
    shown = "" if part == "all" else f"{part} part, "
    extra = {"false_alarm_rate": round(sum(alarms) / len(alarms), 3) if alarms else 0.0,
             "false_alarms": f"{sum(alarms)} of {len(alarms)} arrest/surrender/seizure rows with no one hurt",
             "rows_coded_as_neither": len(chosen) - violent - len(alarms),
             "rows_by_part": f"tune {parts['tune']}, held-out {parts['held-out']}",
             "extract_seconds": round(seconds, 1)}
    return EvalResult(f"SATP India through extract ({Path(path).name}, {shown}{len(chosen)} rows, {violent} violent)",
                      table, extra)
