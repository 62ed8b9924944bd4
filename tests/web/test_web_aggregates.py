"""Aggregates read on the store's roll-up agree with counting the events the gate lets out, for every
`by` and filter, on random stores: analysts' answers, a confidential report and a confidential person,
several countries, dates at the edges of weeks and months and dates that are no plain day."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conflictlens.pipeline.session import Session
from conflictlens.store import Store
from conflictlens.web.aggregates import DIMENSIONS, counted, grouped
from conflictlens.web.selection import EventQuery, select_events
from tests.store.rollup_helpers import apply, document, operations

pytest.importorskip("fastapi", reason="the web extra is not installed")

# Every pair of these is tried as since and until: period starts and ends, days inside a period.
DAYS = (None, dt.date(2021, 2, 28), dt.date(2021, 3, 1), dt.date(2021, 3, 3), dt.date(2021, 3, 7),
        dt.date(2021, 3, 31), dt.date(2021, 4, 1), dt.date(2021, 12, 31), dt.date(2022, 1, 2))
queries = st.builds(
    EventQuery, country=st.sampled_from((None, None, "AF", "Pakistan", "in")),
    admin1=st.sampled_from((None, None, "kabul", "KABUL", "Punjab", "  ")),
    actor=st.sampled_from((None, None, "Taliban", "Tehrik-i-Taliban Pakistan", "Islamic State Khorasan Province")),
    event_type=st.sampled_from((None, None, "Battles", "Suicide bomb", "Armed Assault")))


def rolled_up(session: Session, query: EventQuery, by: str) -> list[dict]:
    rows = session.aggregate_counts(DIMENSIONS[by].column, country=query.country, event_type=query.event_type,
                                    perpetrator=query.actor, admin1=query.admin1 or None, since=query.since,
                                    until=query.until)
    return grouped(rows, by)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=operations, chosen=st.lists(queries, min_size=1, max_size=2), confidential=st.booleans())
def test_rollup_answers_equal_the_events_counted_through_the_gate(tmp_path_factory, ops, chosen, confidential):
    path = tmp_path_factory.mktemp("rollup") / "store.db"
    with Store.open(path) as store:
        apply(store, ops, [0])
        store.ledger.mark_person_confidential("Gul Noorzai", "desk", "a source")
        if confidential:
            store.ledger.mark_documents_confidential([document(0).id], "desk", "a tip")
    with Session(path) as session:
        for query in (replace(q, since=since, until=until) for q in chosen for since in DAYS for until in DAYS):
            if query.since and query.until and query.since > query.until:
                continue  # refused before counting (CL-E901)
            for by in DIMENSIONS:
                assert rolled_up(session, query, by) == counted(select_events(session, query), by), (by, query)


def test_a_confidential_perpetrator_is_grouped_under_the_mask(tmp_path):
    path = tmp_path / "store.db"
    with Store.open(path) as store:
        apply(store, [("save", 1, [("2021-03-03", "AF", "Kabul", "Gul Noorzai", ("Battles", None, None), 2)], False)],
              [0])
        store.ledger.mark_person_confidential("Gul Noorzai", "desk", "a source")
    with Session(path) as session:
        groups = rolled_up(session, EventQuery(), "actor")
    assert [g["key"] for g in groups] == ["[confidential source]"] and groups[0]["fatalities"] == 2


def test_every_date_range_over_every_day_agrees(tmp_path):
    """One event a day for seven weeks across two month ends (and dates that are no plain day): every
    since/until pair, so each cut of a period at either end is met."""
    first = dt.date(2021, 2, 22)
    days = [first + dt.timedelta(days=i) for i in range(46)]
    specs = [(d.isoformat(), "AF", "Kabul", "Taliban", ("Battles", None, None), d.day) for d in days]
    specs += [(raw, "AF", "Kabul", "Taliban", ("Battles", None, None), 1) for raw in ("2021-02-30", "2021-03")]
    path = tmp_path / "store.db"
    with Store.open(path) as store:
        for start in range(0, len(specs), 4):  # a document holds a few events (anchors in its text)
            apply(store, [("save", start // 4, specs[start:start + 4], True)], [start])
    with Session(path) as session:
        for since in (None, *days[::3]):
            for until in (None, *days[1::2]):
                if since and until and since > until:
                    continue
                query = EventQuery(since=since, until=until)
                for by in ("week", "month"):
                    assert rolled_up(session, query, by) == counted(select_events(session, query), by), query
