"""What a profile compares when datasets count or name things their own way (invented events).

A battle names two sides and not who started; UCDP lists the state first. Tolls: ACLED, UCDP and
GTD's nkill count everyone killed, while a record keeps the assailants apart. UCDP keeps its
description of the place in a column of its own.
"""

from __future__ import annotations

from dataclasses import replace

from conflictlens.model.records import Casualties
from conflictlens.resolve.compare import compare
from conflictlens.resolve.settings import settings
from resolve_helpers import event, profile

S = settings()
TTP = "Tehrik-i-Taliban Pakistan (TTP)"
STATE = "Government of Pakistan"  # "state forces" in resolve_helpers.ACTORS


def battle(eid: str, side_a: str | None, side_b: str | None, **kwargs):
    e = event(eid, sub=None, target=None, country="PK", admin1="Khyber Pakhtunkhwa", admin2="Tank", place=None,
              geo="district", dataset="UCDP", **kwargs)
    return replace(e, event_type="Battles", perpetrator=side_a, target_actor=side_b)


def test_a_battle_against_the_state_is_compared_by_its_other_side():
    p = profile(battle("u", STATE, TTP))
    assert p.actor == TTP and p.victims is None  # neither side is known to be the attacked
    attack = event("g", perp=TTP, sub=None, target="Police", country="PK", admin1="Khyber Pakhtunkhwa",
                   admin2="Tank", place=None, geo="district", dataset="GTD")
    assert dict(compare(profile(attack), p, S).outcomes)["actor"] == "same"


def test_sides_are_kept_when_no_single_side_is_the_state():
    assert profile(battle("u", TTP, STATE)).actor == TTP
    assert profile(battle("v", TTP, "Jamaat-ul-Ahrar")).actor == TTP
    assert profile(battle("w", STATE, None)).actor == STATE  # one side named: nothing to choose from
    # an attack (not a battle) keeps its perpetrator and its attacked actor's class of victims
    attack = replace(battle("x", STATE, "Civilians"), event_type="Violence against civilians")
    assert (profile(attack).actor, profile(attack).victims) == (STATE, "civilian")


def test_tolls_compare_everyone_killed():
    victims_only = replace(event("a", killed=4), perpetrators_killed=Casualties.exact(1))
    everyone = event("b", killed=5)
    assert profile(victims_only).fat == (5, 5)
    assert dict(compare(profile(victims_only), profile(everyone), S).outcomes)["fatalities"] == "exact"
    assert profile(event("c", killed=None)).fat is None


def test_a_datasets_descriptive_columns_count_as_its_text():
    row = replace(battle("u", STATE, TTP, text="Timeline 2021"),
                  extra={"where_description": "Dera Tank road area", "side_a": "ignored words"})
    words = profile(row).words
    assert {"dera", "tank", "road"} <= words and "ignored" not in words
    assert "dera" not in profile(replace(row, dataset="ACLED")).words  # only the columns named for UCDP
