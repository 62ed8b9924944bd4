"""The merged record: every field with its sources; the casualty best rule and the timeline."""

from __future__ import annotations

from conflictlens.model.records import Casualties
from conflictlens.resolve.compose import compose, casualty_summary
from conflictlens.resolve.profile import Source
from resolve_helpers import event, source


def src(label: str, day: str | None, grade: str = "C") -> Source:
    return Source(f"doc:{label}", label, "report", day, grade, f"doc_{label}")


def test_best_is_the_latest_figure_of_the_most_reliable_sources_not_the_maximum():
    figures = [(Casualties.exact(16), src("Outlet A", "2023-05-12"), "e1"),
               (Casualties.exact(24), src("Outlet B", "2023-05-13"), "e2"),
               (Casualties.exact(40), src("Rumour Mill", "2023-05-14", grade="E"), "e3")]
    summary = casualty_summary(figures)
    assert (summary["low"], summary["best"], summary["high"]) == (16, 24, 40)
    assert summary["best_from"] == {"source": "Outlet B", "event_id": "e2"}
    assert summary["timeline"] == "16, Outlet A, 12 May 2023; 24, Outlet B, 13 May 2023; 40, Rumour Mill, 14 May 2023"


def test_best_ties_go_to_the_figure_more_sources_give_then_to_the_lower():
    same_day = [(Casualties.exact(7), src("A", "2023-05-12"), "e1"),
                (Casualties.exact(9), src("B", "2023-05-12"), "e2"),
                (Casualties.exact(9), src("C", "2023-05-12"), "e3")]
    assert casualty_summary(same_day)["best"] == 9
    assert casualty_summary(same_day[:2])["best"] == 7


def test_a_range_keeps_its_bounds_and_unknown_figures_are_left_out():
    figures = [(Casualties(10, 12, 15), src("A", "2023-05-12"), "e1"), (Casualties(), src("B", "2023-05-13"), "e2")]
    summary = casualty_summary(figures)
    assert (summary["low"], summary["best"], summary["high"]) == (10, 12, 15)
    assert len(summary["figures"]) == 1
    assert casualty_summary([])["best"] is None


def test_every_field_names_its_sources_and_keeps_alternatives():
    a = event("a", killed=16, perp="Khorasan Chapter of the Islamic State", targets=("funeral",))
    b = event("b", killed=24, perp="Khorasan Chapter of the Islamic State", targets=("funeral",))
    c = event("c", place=None, geo="district", killed=26, perp="Taliban", sub="Remote explosive/landmine/IED")
    record = compose("inc_x", [(a, source(a, "Kabul Wire", "2023-03-09")), (b, source(b, "Pamir Post", "2023-03-10")),
                               (c, source(c, "Amu Daily", "2023-03-11"))])
    assert record["perpetrator"]["value"] == "Khorasan Chapter of the Islamic State"
    assert record["perpetrator"]["sources"] == ["Kabul Wire", "Pamir Post"]
    assert record["perpetrator"]["alternatives"][0] == {"value": "Taliban", "sources": ["Amu Daily"], "events": ["c"]}
    assert record["location"]["place"] == "Dasht-e-Barchi" and record["location"]["sources"] == ["Kabul Wire", "Pamir Post"]
    assert record["location"]["alternatives"][0]["sources"] == ["Amu Daily"]
    assert record["sub_event_type"]["value"] == "Suicide bomb"
    assert record["date"]["sources"] == ["Kabul Wire", "Pamir Post", "Amu Daily"]
    assert record["fatalities"]["best"] == 26 and record["fatalities"]["timeline"].startswith("16, Kabul Wire, 9 Mar 2023")
    assert {t["value"] for t in record["targets"]} == {"funeral"}
    assert [s["label"] for s in record["sources"]] == ["Kabul Wire", "Pamir Post", "Amu Daily"]


def test_one_member_gives_the_record_that_two_identical_members_give_less_the_second():
    # The one-member shortcut in compose must say what the general grouping says.
    a = event("a", killed=16, perp="Khorasan Chapter of the Islamic State", targets=("funeral",))
    b = event("b", killed=16, perp="Khorasan Chapter of the Islamic State", targets=("funeral",))
    one = compose("inc_x", [(a, source(a, "Kabul Wire", "2023-03-09"))])
    two = compose("inc_x", [(a, source(a, "Kabul Wire", "2023-03-09")), (b, source(b, "Kabul Wire", "2023-03-09"))])
    for field in ("event_type", "sub_event_type", "attack_type", "target_type", "weapon_type", "perpetrator", "claimed"):
        expected = {**two[field], "events": [e for e in two[field]["events"] if e != "b"]}
        assert one[field] == expected
    assert one["perpetrator"] == {"value": "Khorasan Chapter of the Islamic State", "sources": ["Kabul Wire"],
                                  "events": ["a"]}
    assert one["claimed"] == {"value": None, "sources": [], "events": []}


def test_a_one_member_record_is_what_the_general_rules_give_for_one_member():
    # Most incidents have one member; each field of its record must be what the general rules (the
    # functions compose uses for several members) give for that member, key order included.
    from dataclasses import replace

    from conflictlens.model.records import Attribution, DateInfo, Location
    from conflictlens.resolve import compose as rules

    plain = event("a", killed=3, injured=5, perp="Unknown", targets=("market", "market", "shop"))
    undated = replace(plain, id="b", date=DateInfo(None, None, None), claimed=True,
                      attribution=[Attribution("Group X", "claimed"), Attribution("Group X", "claimed")])
    nowhere = replace(plain, id="c", location=Location(), dataset="GTD", dataset_id="2021")
    for member in (plain, undated, nowhere):
        src = source(member, "Kabul Wire", None if member.id == "b" else "2023-03-09")
        pair = [(member, src)]
        record = compose("inc_one", pair)
        assert list(record) == ["id", "members", "sources", *rules._CATEGORIES, "claimed", "date", "location",
                                "fatalities", "injured", "perpetrators_killed", "targets", "attribution"]
        for name in rules._CATEGORIES:
            assert record[name] == rules._choice(pair, lambda e, n=name: rules._known(getattr(e, n)))
        assert record["claimed"] == rules._choice(pair, lambda e: True if e.claimed else None)
        assert record["date"] == rules._date(pair) and record["location"] == rules._location(pair)
        assert list(record["date"]) == list(rules._date(pair))  # key order too: records are stored as JSON
        assert list(record["location"]) == list(rules._location(pair))
        for name in ("fatalities", "injured", "perpetrators_killed"):
            assert record[name] == casualty_summary([(getattr(member, name), src, member.id)])
        assert record["targets"] == rules._union(pair, lambda e: e.targets)
        assert record["attribution"] == rules._attributions(pair)
        assert record["sources"] == [{"event_id": member.id, **src.to_dict(), "dataset_id": member.dataset_id}]
