"""Golden test: the bundled sample reports against the incidents they were written to contain.

`tests/golden/expected/samples_truth.json` lists every incident of every sample report as its
author intended it. An incident is found when an extracted event of that report has the same date
and province. The floors below are the measured state, so any regression fails the test.
"""

import json
from pathlib import Path

from conflictlens import pipeline
from conflictlens.ingest import iter_documents

TRUTH = Path(__file__).resolve().parents[1] / "golden" / "expected" / "samples_truth.json"
FLOORS = {"found": 1.0, "sub_event_type": 0.93, "killed": 0.82, "perpetrator": 0.82, "claimed": 0.79}


def _events_by_file(extractor):
    out = {}
    for doc in iter_documents(pipeline.sample_paths()):
        name = Path(doc.source_path).name if doc.source_path else ""
        if doc.external_id:
            name = f"{name}#{doc.external_id}"
        out.setdefault(name, []).extend(extractor.extract(doc))
    return out


def _on_date(event, date: str) -> bool:
    """The truth's day, or its month ("2021-04") for an event of month precision."""
    if len(date) == 7:
        return event.date.precision == "month" and (event.date.start or "").startswith(date)
    return event.date.start == date


def score_samples(extractor):
    truth = json.loads(TRUTH.read_text())
    events = _events_by_file(extractor)
    hits, total = {k: 0 for k in FLOORS}, 0
    for report in truth:
        for inc in report["incidents"]:
            total += 1
            match = next((e for e in events.get(report["file"], [])
                          if _on_date(e, inc["date"]) and e.location.admin1 == inc["admin1"]), None)
            if match is None:
                continue
            hits["found"] += 1
            hits["sub_event_type"] += match.sub_event_type == inc["sub_event_type"]
            hits["killed"] += (match.fatalities.best or 0) == (inc["killed"] if isinstance(inc["killed"], int) else -1)
            expected = extractor.actors.resolve(inc["perpetrator"]) if inc["perpetrator"] else None
            hits["perpetrator"] += match.perpetrator == (expected.canonical if expected else None)
            hits["claimed"] += match.claimed == inc["claimed"]
    return {k: v / total for k, v in hits.items()}, total


def test_sample_reports_meet_their_floors(extractor):
    scores, total = score_samples(extractor)
    assert total >= 25
    for name, floor in FLOORS.items():
        assert scores[name] >= floor, (name, scores)
