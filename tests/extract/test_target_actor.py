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
    [event] = extractor.extract(doc("A bomb exploded on Monday; no casualties were reported."))
    assert event.target_actor is None and "target_actor" not in event.evidence


@pytest.mark.parametrize("verb", ["exploded", "went off", "detonated"])
def test_a_blast_in_a_town_is_read_alike_whatever_the_verb(extractor, verb):
    # (Session 12: "exploded near a school" names the school as attacked, as "detonated near" always did; session
    # 18: "exploded in" and "went off in" a town name it as "detonated in" and "hit" always did.)
    [event] = extractor.extract(doc(f"A bomb {verb} in Quetta; no casualties were reported."))
    [reference] = extractor.extract(doc("A bomb detonated in Quetta; no casualties were reported."))
    assert (event.target_actor, event.targets) == (reference.target_actor, reference.targets)


@pytest.mark.parametrize("text, published, target", [
    # The event's own date picks the branch, not the report's: police before 15 August 2021 are the ANP.
    ("On 10 August 2021 Taliban fighters attacked a police checkpoint in Kandahar city, killing two.", "2021-09-14",
     "Afghan National Police (ANP)"),
    # An actor named outright beats one a generic word stands for.
    ("TTP militants attacked a convoy of soldiers of the Frontier Corps in Bajaur on Monday.", "2021-03-05",
     "Frontier Corps (FC)"),
    # ...but not one further on in the phrase: the victim is the police officer, not whom he fought.
    ("Gunmen shot dead a police officer who had fought the Taliban in Kandahar on Monday.", "2021-03-05",
     "Afghan National Police (ANP)"),
    ("A roadside bomb struck a police vehicle escorting a convoy of the Frontier Corps in Bajaur on Monday.",
     "2021-03-05", "Pakistan Police"),
    # Never the perpetrator's own side: after August 2021 Afghan police are the Taliban's own forces.
    ("Taliban gunmen shot dead two former police officers in Kandahar on Monday.", "2021-09-14", None),
    # No country, so no branch: "Police" alone would say nothing.
    ("Gunmen attacked a police checkpoint somewhere on Monday, killing two.", "2021-03-01", None),
])
def test_branch_order_and_sides(extractor, text, published, target):
    [event] = extractor.extract(doc(text, published))
    assert event.target_actor == target


class Registry:
    """A stand-in resolver: Police has an Afghan branch; the ANP belongs to the police; "Taliban" is named."""

    _names = {"police": "Police", "taliban": "Taliban", "civilians": "Civilians"}
    _parents = {"Afghan National Police (ANP)": "Police"}

    def _branch(self, canonical, country):
        return "Afghan National Police (ANP)" if (canonical, country) == ("Police", "AF") else canonical

    def find_actors(self, text, country=None, date=None):
        out, lowered = [], text.lower()
        for word, canonical in self._names.items():
            at = lowered.find(word)
            if at >= 0:
                named = self._branch(canonical, country)
                out.append(ActorMention(at, at + len(word), text[at:at + len(word)], named, None, 1.0,
                                        "context" if named != canonical else "exact"))
        return sorted(out, key=lambda m: m.start)

    def resolve(self, name, country=None, date=None):
        found = self.find_actors(name, country, date)
        return found[0] if found else None

    def is_unidentified(self, canonical):
        return False

    def is_generic(self, canonical):
        return canonical == "Police"

    def lineage(self, canonical):
        chain = [canonical]
        while chain[-1] in self._parents:
            chain.append(self._parents[chain[-1]])
        return tuple(chain)


def event(target_type, perpetrator=None, country="AF"):
    return Event(id="evt_t", document_id="doc_t", target_type=target_type, perpetrator=perpetrator,
                 date=DateInfo("2021-03-01", "2021-03-01", "day"), location=Location(country=country))


TEXT = "Taliban fighters attacked a police post and civilians nearby."
PHRASE = (26, 39)  # "a police post"


def find(e, span=PHRASE, resolver=None):
    return find_target_actor(e, TEXT, span, (0, len(TEXT)), resolver or Registry(), None)


def test_a_generic_word_takes_the_country_branch_and_the_perpetrator_is_never_its_own_target():
    assert find(event("Police", "Taliban")) == ("Afghan National Police (ANP)", (28, 34))
    # Police in no country is no one in particular; the attacked phrase is not where civilians are named.
    assert find(event("Police", "Taliban", country=None)) is None
    # The ANP's parent is Police: a perpetrator on the same side is never its own target.
    assert find(event("Police", "Police")) is None


def test_a_phrase_naming_nobody_falls_back_on_the_target_type():
    empty = (40, 44)  # "and " names nobody
    assert find(event("Private Citizens & Property"), span=empty) == ("Civilians", empty)
    assert find(event("Government (General)"), span=empty) is None  # no generic actor for it
    assert find(event("Police"), span=None) is None  # no attacked phrase
    assert find_target_actor(event("Police"), TEXT, PHRASE, (0, len(TEXT)), None, None) is None  # no registry


def test_every_mapped_target_type_is_a_gtd_target_type_and_its_actor_is_in_the_registry():
    from conflictlens.actors import ActorRegistry
    mapped = generic_targets()
    assert mapped and set(mapped) <= set(vocabularies().target_types)
    registry = ActorRegistry.load()
    assert all(registry.get(name) is not None for name in mapped.values())


def test_lineage_runs_from_a_branch_to_its_organisation():
    from conflictlens.actors import ActorRegistry
    registry = ActorRegistry.load()
    assert registry.lineage("Afghan Local Police (ALP)")[:2] == ("Afghan Local Police (ALP)", "Afghan National Police (ANP)")
    assert "Taliban" in registry.lineage("Islamic Emirate of Afghanistan security forces")
    assert registry.is_generic("Police") and not registry.is_generic("Afghan National Police (ANP)")
