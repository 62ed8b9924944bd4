"""The event-or-not gate: disasters, accidents, crime, diplomacy, commemorations and policy told with the
words of violence give no political-violence event (not_events in event_cues.json, issue 11 item 4)."""

from __future__ import annotations

import pytest

from conflictlens.extract.typing.classify import classify_sub_event
from conflictlens.extract.lexicon import event_cues, load_json
from conflictlens.model.records import Document
from conflictlens.model.vocab import vocabularies

VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians")

NOT_EVENTS = [
    "An earthquake killed 40 people in the mountain villages on Monday.",
    "Floods and landslides after days of heavy rain have killed 17 people, the disaster agency said.",
    "A gas cylinder exploded in a restaurant in the old city, killing three people.",
    "A bus crashed into a ravine on the mountain road, killing 12 passengers.",
    "The crash of a Honduran airliner near the capital killed 120 of its 137 passengers.",
    "Rescuers said the crash killed most of the people on board the train.",
    "A storage tank exploded at the chemical plant and firefighters fought the blaze for hours.",
    "Hackers attacked the election commission's website for the third time this month.",
    "The European Union imposed new sanctions on the government over its alleged missile attacks.",
    "Hundreds gathered on the anniversary of the school attack to lay flowers at the memorial.",
    "The new anti-terrorism laws set harsher sentences for bombings and kidnappings.",
    "The factory produces cluster bombs and rockets for the army.",
    "The truce is meant to end years of shelling and air strikes in the north.",
    "The opposition leader harshly attacked the president over the new budget in a speech on Monday.",
]

STILL_EVENTS = [
    ("A suicide bomber blew himself up among people queuing for earthquake relief, killing 40.", "Suicide bomb"),
    ("Gunmen opened fire on mourners at a memorial service for the victims of last year's school attack.", "Attack"),
    ("Negotiations stalled after militants fired rockets at an army base, killing two soldiers.",
     "Shelling/artillery/missile attack"),
    ("Dozens of villagers choked after a poison gas attack on their town on Tuesday, doctors said.",
     "Chemical weapon"),
    ("The ambassador condemned the sanctions a day after a car bomb killed 30 people in the capital.",
     "Remote explosive/landmine/IED"),
]


@pytest.mark.parametrize("text", NOT_EVENTS)
def test_reports_of_other_matters_are_no_political_violence(text):
    typing = classify_sub_event(text)
    assert typing is None or vocabularies().event_type_of(typing.sub_event_type) not in VIOLENT


@pytest.mark.parametrize("text, expected", STILL_EVENTS)
def test_violence_told_beside_those_matters_stays_an_event(text, expected):
    assert classify_sub_event(text).sub_event_type == expected


def test_a_crime_may_still_be_an_arrest():
    # The gate sets aside violence only: arresting smugglers is still ACLED's Arrests.
    typing = classify_sub_event("Police arrested four men accused of smuggling weapons and fraud at the border.")
    assert typing.sub_event_type == "Arrests"


def test_the_extractor_gives_no_event_for_a_disaster_report(extractor):
    doc = Document(id="doc_quake", text="A strong earthquake struck the province on Tuesday. At least 60 people were "
                                         "killed and hundreds injured when houses collapsed, officials said.")
    assert extractor.extract(doc) == []


def test_an_attack_after_an_opening_on_other_matters_stays_an_event(extractor):
    doc = Document(id="doc_mixed", text="Heavy rain flooded roads across the province on Tuesday. Separately, gunmen "
                                         "shot dead two policemen at a checkpoint outside the city.")
    events = extractor.extract(doc)
    assert [e.event_type for e in events] == ["Battles"]


def test_sums_of_violence_open_no_incident():
    background = event_cues().background
    assert background.search("The war that has killed more than 12,000 people goes on.")
    assert background.search("The number of kidnappings rose again.")
    assert not background.search("Gunmen killed 7 people in the market on Sunday.")


def test_the_gate_is_data_each_rule_says_why_and_names_known_types_and_guards():
    raw = load_json("event_cues.json")["not_events"]
    assert set(raw["types"]) <= set(vocabularies().acled)
    for rule in raw["rules"]:
        assert rule["why"] and rule["if"]
        assert set(rule.get("unless", ["agents"])) <= set(raw["guards"])
    kinds = [kind for key in ("non_event_kinds", "more_non_event_kinds")  # read after them
             for kind in load_json("event_cues.json").get(key, {}).get("kinds", [])]
    assert len(event_cues().not_events.rules) == len(raw["rules"]) + len(kinds)


def test_a_gate_rule_with_an_unknown_where_or_guard_is_a_coded_error():
    """A misspelt "where" ("first sentence") used to make the rule count anywhere in the report, silently;
    an unknown guard name raised a bare KeyError."""
    from conflictlens.errors import ConflictLensError
    from conflictlens.extract.lexicon import _not_events
    from conflictlens.extract.patterns import word_regex

    good = {"rules": [{"why": "w", "if": "truce", "where": "opening"}], "guards": {"agents": "bomb"}}
    assert _not_events(good, word_regex, {}).rules[0].opening_only
    misspelt = ({"why": "w", "if": "truce", "where": "first sentence"}, {"why": "w", "if": "truce", "unless": ["agnts"]})
    for rule in misspelt:
        with pytest.raises(ConflictLensError) as err:
            _not_events({"rules": [rule], "guards": {"agents": "bomb"}}, word_regex, {})
        assert err.value.code == "CL-E941" and "event_cues.json" in str(err.value)


@pytest.mark.parametrize("text", NOT_EVENTS + [t for t, _sub in STILL_EVENTS] + ["Police said on Monday."])
def test_a_rule_is_skipped_only_where_it_cannot_match(text):
    """A rule whose anchors are all absent is not searched (anchors_of): the answer is the one a full
    search gives, and the disaster rule, at least, is skipped on a text without its words."""
    for rule in event_cues().not_events.rules:
        searched = bool(rule.pattern.search(text)) and not any(g.search(text) for g in rule.unless)
        assert rule.applies(text, text.lower(), text) == searched  # the text is its own opening here
    disasters = event_cues().not_events.rules[0]
    assert disasters.anchors and not any(a in "police said on monday." for a in disasters.anchors)
