"""Area filters (bbox, near) find the events whose stored lat/lon lie in the area, on SQLite and PostgreSQL,
and the same events where PostGIS serves them through the geography column and its index."""

from __future__ import annotations

import random
from dataclasses import replace

from store_helpers import make_document, make_event

from conflictlens.model.area import Box, Circle, km_between
from conflictlens.model.records import Location
from conflictlens.store import Store, copy_store

# Invented places: a city, points 20 and 30 km east of it, a second city, both sides of the antimeridian,
# no coordinates, and coordinates no globe holds (kept as stored, in no area).
PLACES = {"city": (34.53, 69.17), "east20": (34.53, 69.3885), "east30": (34.53, 69.4977), "town": (34.43, 70.45),
          "west_of_180": (-17.8, 178.0), "east_of_180": (-17.8, -179.5), "none": (None, None), "off": (95.0, 10.0)}


def fill(store: Store) -> dict[str, str]:
    """One event at each of PLACES and 60 at random points; their ids by name."""
    rng = random.Random(5)
    points = dict(PLACES)
    points.update({f"r{i}": (rng.uniform(20, 45), rng.uniform(55, 85)) for i in range(60)})
    doc = make_document("An invented report of clashes in many places on one day; " * 40)
    events = []
    for i, (lat, lon) in enumerate(points.values()):
        event = make_event(doc, anchor=i * 5)
        event.location = replace(event.location, lat=lat, lon=lon) if lat is not None else Location("AF")
        events.append(event)
    store.save_document_with_events(doc, events, "v1")
    return {name: event.id for name, event in zip(points, events)}


def found(store: Store, *areas) -> set[str]:
    return {e.id for e in store.iter_events(areas=areas)}


def by_distance(store: Store, circle: Circle) -> set[str]:
    """The events within the circle, by Python's haversine over every stored event."""
    return {e.id for e in store.iter_events() if e.location.lat is not None and abs(e.location.lat) <= 90
            and km_between(circle.lat, circle.lon, e.location.lat, e.location.lon) <= circle.km}


def check_areas(store: Store) -> None:
    ids = fill(store)
    named = {v: k for k, v in ids.items()}
    assert {named[i] for i in found(store, Circle(34.53, 69.17, 25))} == {"city", "east20"}
    assert {named[i] for i in found(store, Circle(34.53, 69.17, 35))} == {"city", "east20", "east30"}
    assert {"city", "east20", "east30", "town"} <= {named[i] for i in found(store, Box(60.5, 29.4, 75, 38.5))}
    assert {named[i] for i in found(store, Box(170, -20, -170, -10))} == {"west_of_180", "east_of_180"}
    assert {named[i] for i in found(store, Box(69, 34, 70, 35), Circle(34.53, 69.17, 25))} == {"city", "east20"}
    rng = random.Random(9)
    for _ in range(25):
        circle = Circle(rng.uniform(20, 45), rng.uniform(55, 85), rng.uniform(50, 900))
        assert found(store, circle) == by_distance(store, circle)


def test_areas_find_the_events_in_them(store: Store) -> None:
    check_areas(store)


def test_postgis_serves_the_areas_with_the_same_answers(postgis_url: str, sqlite_path) -> None:
    with Store.open(postgis_url) as store:
        check_areas(store)
        conn = store.connection
        assert conn.execute("SELECT count(*) FROM events WHERE geog IS NOT NULL").fetchone()[0] == len(
            [e for e in store.iter_events() if e.location.lat is not None and abs(e.location.lat) <= 90])
        conn.execute("SET enable_seqscan = off")  # a few rows: let the plan show the index it can use
        plan = " ".join(r[0] for r in conn.execute("EXPLAIN SELECT id FROM events WHERE public.ST_DWithin(geog, "
                                                     "public.ST_MakePoint(69.17, 34.53)::public.geography, 25000)"))
        assert "events_geog" in plan
        with Store.open(sqlite_path) as plain:  # copied into a store without PostGIS: the same answers
            copy_store(store, plain)
            for area in (Circle(34.53, 69.17, 25), Box(60.5, 29.4, 75, 38.5), Box(170, -20, -170, -10)):
                assert found(plain, area) == found(store, area)


def test_a_store_gets_its_geography_at_the_next_open(postgis_url: str) -> None:
    """A store written before (here: its column dropped) gets the column, filled from lat/lon, when opened."""
    with Store.open(postgis_url) as store:
        ids = fill(store)
        store.connection.execute("ALTER TABLE events DROP COLUMN geog")
    with Store.open(postgis_url) as store:
        assert found(store, Circle(34.53, 69.17, 25)) == {ids["city"], ids["east20"]}
        assert store.connection.execute("SELECT count(*) FROM events WHERE geog IS NOT NULL").fetchone()[0] > 60


def test_a_postgis_store_copies_into_another(postgis_url: str, postgres_url: str) -> None:
    """The generated column is the database's own: copying a store leaves it to the target."""
    with Store.open(postgis_url) as source, Store.open(postgres_url) as target:
        fill(source)
        copy_store(source, target)
        assert found(target, Circle(34.53, 69.17, 35)) == found(source, Circle(34.53, 69.17, 35))


def test_sqlite_built_without_math_functions_answers_the_same(sqlite_store: Store) -> None:
    """SQLite's math functions are optional at build time: the Python ones put in their place agree."""
    from conflictlens.store.area import _MATH

    fill(sqlite_store)
    circles = [Circle(34.53, 69.17, 25), Circle(30, 70, 600), Circle(40, 60, 900)]
    built_in = [found(sqlite_store, c) for c in circles]
    for name, (arity, function) in _MATH.items():
        sqlite_store.connection.create_function(name, arity, function, deterministic=True)
    assert [found(sqlite_store, c) for c in circles] == built_in
