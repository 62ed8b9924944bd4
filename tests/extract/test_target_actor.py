"""Against whom: the target actor of an extracted event, with the text it rests on."""

import pytest

from conflictlens.extract.target_actor import find_target_actor, generic_targets
from conflictlens.model.ids import document_id
from conflictlens.model.protocols import ActorMention
from conflictlens.model.records import DateInfo, Document, Event, Location
from conflictlens.model.vocab import vocabularies


def doc(text, published="2021-03-05"):
    return Document(id=document_id(text), text=text, published=published)


@pytest.mark.parametrize("text, published, target, perpetrator", [
    # A registry actor named in the attacked phrase is the target.
    ("Taliban fighters attacked an Afghan Local Police outpost in Kunduz on Sunday.", "2021-03-05",
     "Afghan Local Police (ALP)", "Taliban"),
    ("Afghan forces killed 12 Taliban militants in an operation in Helmand on 3 March 2021.", "2021-03-05",
     "Taliban", "Afghan National Defense and Security Forces (ANDSF)"),
    # A phrase naming nobody: the target type's generic actor, in the country's branch at that date.
    ("Taliban fighters attacked a police checkpoint in Kandahar city on Monday, killing three policemen.",
     "2021-03-05", "Afghan National Police (ANP)", "Taliban"),
    ("Gunmen attacked a police checkpoint in Kandahar city on Monday, killing three policemen.",
     "2021-10-05", "Islamic Emirate of Afghanistan security forces", None),
    ("A roadside bomb struck a vehicle carrying Pakistani soldiers in North Waziristan on Tuesday.",
     "2021-03-05", "Pakistan Army", None),
    ("Gunmen attacked a market in Peshawar, killing four civilians.", "2021-03-05", "Civilians", None),
])
def test_who_was_attacked(extractor, text, published, target, perpetrator):
    [event] = extractor.extract(doc(text, published))
    assert (event.target_actor, event.perpetrator) == (target, perpetrator)
    [evidence] = event.evidence["target_actor"]
    assert evidence.text == text[evidence.start:evidence.end]
    assert evidence.text in event.targets[0] or event.targets[0] in evidence.text  # the attacked phrase


def test_no_attacked_phrase_no_target(extractor):
    [event] = extractor.extract(doc("A bomb exploded near a school in Quetta; no casualties were reported."))
    assert event.target_actor is None and "target_actor" not in event.evidence


class Registry:
    """A stand-in resolver: the generic actors' branches in one country."""

    def resolve(self, name, country=None, date=None):
        canonical = {("Police", "AF"): "Afghan National Police (ANP)", ("Civilians", "AF"): "Civilians"}.get((name, country))
        return ActorMention(0, len(name), name, canonical, None, 0.9, "context") if canonical else None


def event(target_type, perpetrator=None):
    return Event(id="evt_t", document_id="doc_t", target_type=target_type, perpetrator=perpetrator,
                 date=DateInfo("2021-03-01", "2021-03-01", "day"), location=Location(country="AF"))


def test_the_perpetrator_is_never_its_own_target():
    taliban = ActorMention(10, 17, "Taliban", "Taliban", None, 1.0, "exact")
    found = find_target_actor(event("Terrorists/Non-State Militia", "Taliban"), (5, 30), [taliban], Registry(), None)
    assert found is None
    police = ActorMention(0, 6, "Police", "Afghan National Police (ANP)", None, 1.0, "alias")
    assert find_target_actor(event("Police", "Afghan National Police (ANP)"), (0, 20), [], Registry(), None) is None
    assert find_target_actor(event("Police"), (0, 20), [police], Registry(), None) == ("Afghan National Police (ANP)", (0, 6))


def test_organisations_the_registry_lacks_and_types_without_an_actor_are_no_target():
    unknown_org = ActorMention(0, 9, "Some Shura", "Some Shura", None, 0.5, "ner")
    assert find_target_actor(event("Government (General)"), (0, 20), [unknown_org], Registry(), None) is None
    assert find_target_actor(event("Police"), None, [], Registry(), None) is None  # no attacked phrase
    assert find_target_actor(event("Police"), (0, 20), [], None, None) is None  # no registry to ask


def test_every_mapped_target_type_is_a_gtd_target_type_and_its_actor_is_in_the_registry():
    from conflictlens.actors import ActorRegistry
    mapped = generic_targets()
    assert mapped and set(mapped) <= set(vocabularies().target_types)
    registry = ActorRegistry.load()
    assert all(registry.get(name) is not None for name in mapped.values())
