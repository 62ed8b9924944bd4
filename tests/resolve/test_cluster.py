"""Incremental clustering, blocking and the in-memory resolver."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings as hsettings, strategies as st

from conflictlens.resolve.blocking import index_keys, probe_keys
from conflictlens.resolve.cluster import MemoryResolver, decide, incident_id_for
from conflictlens.resolve.compare import compare
from conflictlens.resolve.profile import profile_from_json
from conflictlens.resolve.settings import settings
from resolve_helpers import event, profile

S = settings()


def test_reports_of_one_incident_join_and_the_id_comes_from_the_first():
    resolver = MemoryResolver(S)
    first, _ = resolver.add(profile(event("a", killed=16, text="suicide bomber at a funeral in Dasht-e-Barchi")))
    second, decision = resolver.add(profile(event("b", place="Dashte Barchi", killed=24,
                                                  text="toll from the funeral bombing in Dashte Barchi rises"),
                                            "Pamir Post", "2023-03-10"))
    assert first == second == incident_id_for("a")
    assert decision.joined and decision.score >= S.threshold
    assert {f for f, _ in decision.comparisons[0].outcomes} >= {"date", "place", "type"}


def test_no_chaining_through_a_vague_report():
    """A vague report fits two distinct attacks; it must not glue them into one incident."""
    resolver = MemoryResolver(S)
    clinic, _ = resolver.add(profile(event("clinic", place="Khair Khana", sub="Attack", killed=4,
                                           targets=("private clinic",))))
    funeral, _ = resolver.add(profile(event("funeral", sub="Suicide bomb", killed=16, targets=("funeral",))))
    assert clinic != funeral
    vague, decision = resolver.add(profile(event("vague", place=None, sub=None, target=None, killed=None)))
    assert vague not in (clinic, funeral)
    assert "ambiguous" in decision.reason or not decision.joined
    later, _ = resolver.add(profile(event("later", sub="Suicide bomb", killed=20, targets=("funeral",)), "Amu Daily"))
    assert later == funeral


def test_an_incident_is_joined_only_if_every_member_accepts():
    a = profile(event("a", killed=4))
    b = profile(event("b", killed=4, doc="doc_b"))
    # c agrees with b but one source (a's document) also names another place for c: a vetoes.
    c = profile(event("c", killed=4, doc="doc_a", place="Qala-e-Fatullah"))
    decision = decide(c, {"inc": [a, b]}, S)
    assert not decision.joined and "one source, two places" in decision.refused[0][1]


def test_analyst_exclusion_is_respected():
    a = profile(event("a"))
    b = profile(event("b"), "Pamir Post")
    assert decide(b, {"inc": [a]}, S).joined
    assert not decide(b, {"inc": [a]}, S, excluded={"inc"}).joined


def test_the_same_event_twice_changes_nothing():
    resolver = MemoryResolver(S)
    first, _ = resolver.add(profile(event("a")))
    again, decision = resolver.add(profile(event("a")))
    assert first == again and decision.reason == "already resolved" and resolver.incidents_started == 1


def test_memory_stays_bounded_on_a_date_ordered_stream():
    resolver = MemoryResolver(S, horizon_days=30)
    start = date(2023, 1, 1)
    for i in range(400):
        day = (start + timedelta(days=i)).isoformat()
        resolver.add(profile(event(f"e{i}", day, killed=i)))
    assert resolver.indexed_events <= 32


def test_profiles_survive_json():
    p = profile(event("a", perp="Khorasan Chapter of the Islamic State", lat=34.5, lon=69.1, injured=3,
                      targets=("funeral",), text="A suicide bomber struck a funeral"))
    assert profile_from_json(p.to_json()) == p


_days = st.integers(min_value=0, max_value=60)
_precisions = st.sampled_from(["day", "day", "week", "month"])


@hsettings(max_examples=200, deadline=None)
@given(_days, _days, _precisions, _precisions, st.booleans(), st.floats(-0.3, 0.3), st.floats(-0.3, 0.3))
def test_blocking_finds_every_pair_the_date_and_place_allow(d1, d2, p1, p2, same_admin1, dlat, dlon):
    """Whenever compare() would not veto a pair on date or place, the probe keys reach the other event."""
    base = date(2023, 2, 1)

    def make(eid, offset, precision, admin1, lat, lon):
        day = base + timedelta(days=offset)
        start, end = day, day
        if precision == "week":
            end = day + timedelta(days=6)
        if precision == "month":
            start, end = day.replace(day=1), (day.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        return profile(event(eid, start.isoformat(), end=end.isoformat(), precision=precision, admin1=admin1,
                             admin2=None, place=None, lat=lat, lon=lon))

    a = make("a", d1, p1, "Kabul", 34.5, 69.1)
    b = make("b", d2, p2, "Kabul" if same_admin1 else None, 34.5 + dlat, 69.1 + dlon)
    veto = compare(a, b, S).veto
    if veto is None:
        assert set(probe_keys(a, S)) & set(index_keys(b, S))


def test_profile_json_is_the_fields_with_sets_sorted_and_tuples_as_lists():
    p = profile(event("a", perp="Khorasan Chapter of the Islamic State", lat=34.5, lon=69.1, injured=3,
                      targets=("funeral", "mosque"), text="A suicide bomber struck a funeral in Kabul"))
    expected = [1] + [sorted(v) if isinstance(v, frozenset) else list(v) if isinstance(v, tuple) else v for v in p]
    assert p.to_json() == expected
    assert p.to_json()[1 + p._fields.index("fat")] == list(p.fat)
