"""Filter values as users write them: actors by any name the registry knows (any case, with their
branches), event types at any level of either vocabulary, countries by code or name (issue 17)."""

from __future__ import annotations

import pytest

from conflictlens.actors import ActorRegistry
from conflictlens.actors.edits import ActorEdit
from conflictlens.errors import ConflictLensError
from conflictlens.pipeline import filters

ISKP = "Khorasan Chapter of the Islamic State"
ISIL = "Islamic State of Iraq and the Levant (ISIL)"
TTP = "Tehrik-i-Taliban Pakistan (TTP)"


@pytest.fixture(scope="module")
def registry():
    return ActorRegistry.load()


@pytest.mark.parametrize("given", ["AF", "af", "AFG", "Afghanistan", "AFGHANISTAN", "Islamic Republic of Afghanistan"])
def test_countries_by_code_or_name(given):
    assert filters.country_code(given) == "AF"


def test_an_unknown_country_is_a_coded_error_with_suggestions():
    with pytest.raises(ConflictLensError) as info:
        filters.country_code("Afghanistn")
    assert info.value.code == "CL-E406" and "did you mean" in info.value.message
    assert "Afghanistan (AF)" in info.value.message and info.value.subject == "--country"


@pytest.mark.parametrize("given, column, value", [
    ("battles", "event_type", "Battles"),
    ("Explosions/Remote violence", "event_type", "Explosions/Remote violence"),
    ("Armed clash", "sub_event_type", "Armed clash"),
    ("SUICIDE BOMB", "sub_event_type", "Suicide bomb"),
    ("air drone strike", "sub_event_type", "Air/drone strike"),
    ("armed assault", "attack_type", "Armed Assault"),
    ("Hostage Taking (Kidnapping)", "attack_type", "Hostage Taking (Kidnapping)"),
])
def test_event_types_from_either_vocabulary_at_any_level(given, column, value):
    assert filters.event_type(given) == filters.EventType(column, value)


def test_an_unknown_event_type_is_a_coded_error_with_suggestions():
    with pytest.raises(ConflictLensError) as info:
        filters.event_type("battle")
    assert info.value.code == "CL-E405" and "'Battles'" in info.value.message


@pytest.mark.parametrize("given", ["ISKP", "iskp", "Islamic State Khorasan", ISKP, ISKP.upper()])
def test_perpetrator_by_any_name_in_any_case(registry, given):
    assert filters.perpetrator_names(registry, given) == (ISKP,)


def test_perpetrator_includes_branches_and_factions(registry):
    taliban = filters.perpetrator_names(registry, "taliban")
    assert taliban[0] == "Taliban" and {"Haqqani Network", "Taleban - Ali Dad faction"} <= set(taliban)
    islamic_state = filters.perpetrator_names(registry, "Islamic State")
    assert islamic_state[0] == ISIL and ISKP in islamic_state
    ttp = filters.perpetrator_names(registry, "TTP")
    assert "Ahrar-ul-Hind" in ttp  # a branch of a branch (Jamaat-ul-Ahrar's)


def test_perpetrator_follows_the_stores_edits():
    edited = ActorRegistry.load(edits=[ActorEdit("alias", TTP, "Pak Taliban Test"),
                                       ActorEdit("merge", "Jamaat-ul-Ahrar", TTP)])
    assert filters.perpetrator_names(edited, "pak taliban test")[0] == TTP
    merged = filters.perpetrator_names(edited, "Jamaat-ul-Ahrar")  # merged away: it is TTP now
    assert merged[0] == TTP and "Jamaat-ul-Ahrar" in merged


def test_a_stored_name_the_registry_lacks_still_filters(registry):
    assert filters.perpetrator_names(registry, "balochistan freedom guard",
                                     stored=("Balochistan Freedom Guard",)) == ("Balochistan Freedom Guard",)


def test_an_unknown_perpetrator_is_a_coded_error_with_suggestions(registry):
    with pytest.raises(ConflictLensError) as info:
        filters.perpetrator_names(registry, "Tehreek-e-Talibaan Pakistaan")
    assert info.value.code == "CL-E700" and "did you mean" in info.value.message and TTP in info.value.message
    with pytest.raises(ConflictLensError) as near:  # a near spelling is a suggestion, never a silent match
        filters.perpetrator_names(registry, "Korasan")
    assert near.value.code == "CL-E700" and ISKP in near.value.message


def test_network_actor_is_a_registry_name_or_a_node(registry):
    assert filters.network_actor(registry, "iskp", nodes=()) == ISKP
    assert filters.network_actor(registry, "sons of nobody", nodes=("Sons of Nobody",)) == "Sons of Nobody"
    with pytest.raises(ConflictLensError) as info:
        filters.network_actor(registry, "Korasan", nodes=())
    assert info.value.code == "CL-E750" and ISKP in info.value.message


def test_network_actor_never_suggests_a_name_that_names_a_confidential_person(registry):
    from conflictlens.model.redaction import ConfidentialityPolicy

    policy = ConfidentialityPolicy(persons=("Wahid Qatali",))
    nodes = ("Qatali Militia", "Kandahar Militia")
    with pytest.raises(ConflictLensError) as err:
        filters.network_actor(registry, "Katali Militia", nodes, secret=policy.names_confidential_person)
    assert "Qatali" not in err.value.message
    assert filters.network_actor(registry, "qatali militia", nodes, secret=policy.names_confidential_person) \
        == "Qatali Militia"  # whoever types it knows it
