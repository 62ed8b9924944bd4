"""Random stores for the aggregate roll-up's tests: events on dates at period edges, in several countries,
re-extracted, and reassigned by analysts (invented texts and names)."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import strategies as st
from tests.store.store_helpers import make_document, make_event

from conflictlens.model.records import Casualties, DateInfo
from conflictlens.store import Store

# Month ends, week ends and starts, a week crossing a month and a year, no date, and dates the store keeps
# as written though they are no plain day.
DATES = (None, "2021-02-28", "2021-03-01", "2021-03-07", "2021-03-08", "2021-03-31", "2021-04-01", "2021-04-04",
         "2021-12-31", "2022-01-01", "2022-01-03", "2021-02-30", "2021-03", "20210305")
COUNTRIES = ("AF", "PK", "IN", None)
ADMIN1 = ("Kabul", "KABUL", "Kābul", "Nangarhar", "Punjab", None)
PERPETRATORS = ("Taliban", "Tehrik-i-Taliban Pakistan", "Islamic State Khorasan Province", "Gul Noorzai", None)
TYPES = (("Battles", "Armed clash", None), ("Explosions/Remote violence", "Suicide bomb", "Bombing/Explosion"),
         ("Violence against civilians", "Attack", "Armed Assault"), (None, None, None))
DOCUMENTS = 4

event_specs = st.tuples(st.sampled_from(DATES), st.sampled_from(COUNTRIES), st.sampled_from(ADMIN1),
                        st.sampled_from(PERPETRATORS), st.sampled_from(TYPES), st.sampled_from((None, 0, 1, 7)))
saves = st.tuples(st.just("save"), st.integers(0, DOCUMENTS - 1), st.lists(event_specs, max_size=4),
                  st.booleans())
decisions = st.tuples(st.just("override"), st.integers(0, DOCUMENTS - 1), st.integers(0, 3),
                      st.sampled_from(PERPETRATORS))
operations = st.lists(st.one_of(saves, decisions), min_size=1, max_size=10)


def document(index: int):
    return make_document(f"Invented report number {index} about a clash near a market; " * 3)


def events_of(index: int, specs: list[tuple]) -> list:
    doc = document(index)
    events = []
    for i, (day, country, admin1, perpetrator, (kind, sub, attack), killed) in enumerate(specs):
        event = make_event(doc, anchor=i * 5, event_type=kind, sub_event_type=sub, attack_type=attack,
                           date=DateInfo(day, day, "day"), perpetrator=perpetrator,
                           fatalities=Casualties.exact(killed) if killed is not None else Casualties())
        event.location = replace(event.location, country=country, admin1=admin1, admin2=f"{admin1 or ''} district")
        events.append(event)
    return events


def apply(store: Store, operations: list[tuple], version: list[int]) -> None:
    """Run the operations: (save, document, events, batched) writes a new version of a document (its old
    events deleted); (override, document, event, actor) sets an analyst's answer, or clears it (actor None)."""
    for op in operations:
        if op[0] == "save":
            _, index, specs, batched = op
            version[0] += 1
            doc, events = document(index), events_of(index, specs)
            if batched:
                store.save_versioned([(doc, events, f"v{version[0]}")])
            else:
                store.save_document_with_events(doc, events, f"v{version[0]}")
        else:
            _, index, position, actor = op
            event_id = make_event(document(index), anchor=position * 5).id
            if actor is not None:
                store.ledger.record_override(event_id, actor, "analyst", "a reason")
            elif store.ledger.current_override(event_id) is not None:
                store.ledger.clear_override(event_id, "analyst", "back to the rule")

