"""The aggregate roll-up stays exact: after any sequence of saves, re-extractions and analysts' answers,
its rows are those a fresh count of the stored events gives (on SQLite and PostgreSQL)."""

from __future__ import annotations

from collections import Counter

from hypothesis import HealthCheck, given, settings
from tests.store.rollup_helpers import DATES, apply, document, operations
from store_helpers import make_document, make_event

from conflictlens.model.periods import Span, period_of
from conflictlens.model.records import DateInfo
from conflictlens.store import Store, copy_store
from conflictlens.store.rollup import SHOWN_EVENTS, TABLES, rollup_key


def recount(store: Store) -> dict[str, dict[str, tuple]]:
    """The roll-up's tables as a count of the events shown now would make them."""
    tables: dict[str, dict[str, list]] = {table: {} for table in TABLES}
    for row in store.connection.execute(SHOWN_EVENTS):
        values = (period_of(row[0]), *row[1:8])
        for table, kept in (("event_rollup", values), ("event_rollup_day", (row[0], *values[1:])),
                            ("event_rollup_totals", values[1:])):
            total = tables[table].setdefault(rollup_key(kept), [*kept, 0, 0])
            total[-2] += row[8]
            total[-1] += row[9]
    return {table: {key: tuple(total) for key, total in rows.items()} for table, rows in tables.items()}


def rollup(store: Store) -> dict[str, dict[str, tuple]]:
    return {table: {row[0]: tuple(row[1:]) for row in store.connection.execute(
        f"SELECT key, {', '.join(columns)}, events, fatalities FROM {table}")} for table, columns in TABLES.items()}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=operations)
def test_the_rollup_is_a_count_of_the_events_after_any_writes(store: Store, ops: list) -> None:
    apply(store, ops, [0])
    assert rollup(store) == recount(store)


def test_periods_cut_weeks_at_month_ends() -> None:
    assert period_of("2021-03-31") == "2021-03-29" and period_of("2021-04-01") == "2021-04-01"
    assert period_of("2021-04-04") == "2021-04-01" and period_of("2021-04-05") == "2021-04-05"
    assert period_of("2021-02-30") == "2021-02-30" and period_of(None) is None  # not a day: as written


def test_the_migration_counts_a_store_written_before(db_path) -> None:
    """A store at schema 9 with events and an override gets its roll-up built by migrations 10 and 11, with
    the same rows the write path keeps (its period arithmetic is the database's, the write path's Python's)."""
    path = db_path
    with Store.open(path) as store:
        doc = make_document("An invented report of clashes on several days; " * 4)
        events = [make_event(doc, anchor=i * 5, date=DateInfo(day, day, "day")) for i, day in enumerate(DATES)]
        store.save_document_with_events(doc, events, "v1")
        store.ledger.record_override(events[2].id, "Taliban", "analyst", "a reason")
        kept = rollup(store)
        conn = store.connection
        for table in TABLES:
            conn.execute(f"DROP TABLE {table}")
        conn.execute("DELETE FROM schema_migrations WHERE version >= 10")
    with Store.open(path) as store:
        assert rollup(store) == kept == recount(store)
        assert len(kept["event_rollup_day"]) == len(DATES)  # one row a day: the events differ by date only


def test_a_copied_store_keeps_its_rollup(store: Store, tmp_path) -> None:
    doc = make_document("An invented report of a raid on a checkpoint; " * 3)
    store.save_document_with_events(doc, [make_event(doc)], "v1")
    with Store.open(tmp_path / "copy.db") as target:
        copy_store(store, target)
        assert rollup(target) == rollup(store) == recount(target)


def test_reading_the_rollup_equals_reading_the_events(store: Store) -> None:
    """The SQL paths of Store.rollup_counts (the roll-up for whole periods, its rows by day and the events
    for any days) give the same counts, on each database, with each filter."""
    specs = [(day, country, "Kabul" if i % 2 else None, "Taliban" if i % 3 else "Gul Noorzai",
              ("Battles", None, None), i) for i, (day, country) in enumerate(
                  (d, c) for d in DATES for c in ("AF", "PK"))]
    apply(store, [("save", n, specs[n * 4:n * 4 + 4], True) for n in range(4)], [0])
    store.ledger.record_override(make_event(document(1), anchor=5).id, "Taliban", "analyst", "a reason")
    spans = (Span(), Span(ge="2021-03-01", le="2021-03-31"), Span(gt="2021-02-28", le="2022-01-02"))
    filters = ({}, {"country": "AF"}, {"perpetrator": ("Taliban",)}, {"admin1_in": ["Kabul", None]},
               {"event_type": "Battles", "admin1_in": ["Kabul"]})
    for column in ("period", "country", "admin1", "perpetrator", "event_type"):
        for span in spans:
            for chosen in filters:
                on_events = Counter()
                for value, n, f in store.rollup_counts(column, span, from_events=True, **chosen):
                    on_events[period_of(value) if column == "period" else value] += n * 1000 + f
                rolled = Counter({v: n * 1000 + f for v, n, f in store.rollup_counts(column, span, **chosen)})
                by_day = Counter()
                for value, n, f in store.rollup_counts(column, span, by_day=True, **chosen):
                    by_day[period_of(value) if column == "period" else value] += n * 1000 + f
                assert rolled == on_events == by_day, (column, span, chosen)


def test_a_key_is_the_keys_of_its_parts_and_tells_values_apart() -> None:
    """The write path spells the values past the date once per batch and puts keys together (store.rollup._apply):
    that is only right while a key is its parts' keys end to end and no two value tuples share one."""
    rest = ("PK", None, "Swat:s3", "", "n", None, "Tehrik-i-Taliban Pakistan")
    for first in (("2021-03-29",), (None,), ()):
        assert rollup_key((*first, *rest)) == rollup_key(first) + rollup_key(rest)
    kinds = [("a", "b"), ("ab", ""), ("", "ab"), (None, "ab"), ("n", None), (None, "n"), ("s1:a",), ("a", None), (None, None)]
    assert len({rollup_key(v) for v in kinds}) == len(kinds)
