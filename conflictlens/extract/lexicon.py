"""Cue lexicons for event detection, typing and attribution, compiled once from the data files."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from conflictlens.errors import ConflictLensError
from conflictlens.model.vocab import with_speech_verbs
from conflictlens.extract.patterns import (FLAGS, LazyPattern, Regex, anchors_of, compile_pattern, found_in, may_match,
                                          optional_pattern, word_regex)


def load_json(name: str) -> dict:
    """One of the extractor's data files (`conflictlens/extract/data/NAME`)."""
    return json.loads(resources.files("conflictlens.extract").joinpath(f"data/{name}").read_text("utf-8"))


@dataclass(frozen=True)
class Cue:
    pattern: Regex
    weight: float
    context: str | None = None  # counts only when this context matches the text
    negated: bool = False  # ... or, when True, only when it does not
    # Lower-case text every match starts with, one per alternative (None: no such text). A cue whose
    # anchors are all absent from a report cannot match it, and is not searched (see `may_match`).
    anchors: tuple[str, ...] | None = None

    def may_match(self, lowered: str) -> bool:
        """False when the cue cannot match the report whose lower-cased text is `lowered`."""
        return may_match(self.anchors, lowered)



@dataclass(frozen=True)
class TypingRule:
    """Adjusts scores when sub-types or contexts co-occur (see 'rules' in event_cues.json)."""
    why: str
    if_any: dict[str, float]
    if_context: tuple[str, ...]
    unless_context: tuple[str, ...]
    scale: dict[str, float]
    add: dict[str, float]
    add_scores: dict[str, tuple[str, ...]]
    move: dict[str, str]


@dataclass(frozen=True)
class Family:
    """Sub-types scored together, then told apart by an ordered list of (sub-type, context)."""
    members: tuple[str, ...]
    requires: str
    order: tuple[tuple[str, str], ...]
    default: str
    absorb: dict[str, float]


@dataclass(frozen=True)
class TerritoryCues:
    capture: Regex
    capture_lite: Regex
    passive: Regex
    infinitive: Regex
    place: Regex
    not_place: Regex
    state: Regex
    non_state: Regex
    held_by_non_state: Regex
    held_by_state: Regex
    weights: dict[str, float]


@dataclass(frozen=True)
class NotEvent:
    """A context that tells no political-violence event (a disaster, a crime, diplomacy), unless one of
    its guards (perpetrators, weapons, a toll) matches too ('not_events' in event_cues.json)."""
    why: str
    pattern: Regex
    unless: tuple[Regex, ...]
    anchors: tuple[str, ...] | None = None  # of `pattern` (see anchors_of)
    # "where": "opening": the context counts only in the report's opening sentence, where it says what
    # the report is about ("X claimed responsibility for ..."), not later ("No group claimed ...").
    opening_only: bool = False
    kind: str = ""  # what the report is instead ('non_event_kinds': accident, crime, diplomacy ...)

    def applies(self, text: str, lowered: str, opening: str = "") -> bool:
        """`lowered`: `text.lower()`, read once for every rule; the guards always read the whole text."""
        return self.in_context(text, lowered, opening) and not self.guarded(text)

    def in_context(self, text: str, lowered: str, opening: str = "") -> bool:
        """Whether the rule's context is found (in the opening sentence only, for an opening rule)."""
        where, where_lowered = (opening, opening.lower()) if self.opening_only else (text, lowered)
        return may_match(self.anchors, where_lowered) and found_in(self.pattern, where, lowered=where_lowered)

    def guarded(self, text: str) -> bool:
        """Whether a guard (a perpetrator, a toll, a day) keeps the incident an event."""
        return any(g.search(text) for g in self.unless)


@dataclass(frozen=True)
class NotEvents:
    types: tuple[str, ...]  # the event types an applying rule sets aside
    rules: tuple[NotEvent, ...]
    guards: dict[str, Regex] = field(default_factory=dict)  # by name ("deeds": acts told as done)


@dataclass(frozen=True)
class EventCues:
    priority: tuple[str, ...]
    background: Regex
    sub_event_cues: dict[str, tuple[Cue, ...]]
    contexts: dict[str, Regex]
    territory: TerritoryCues
    rules: tuple[TypingRule, ...]
    families: tuple[Family, ...]
    any_trigger: Regex
    strong_trigger: Regex
    not_events: NotEvents = NotEvents((), ())
    context_anchors: dict[str, tuple[str, ...] | None] = field(default_factory=dict)  # see anchors_of
    unreal: LazyPattern | None = None  # threats, plans, the future, questions: no act told
    # "160 miles from the capital, Ouagadougou": the place after it is a distance reference
    distance_reference: Regex | None = None
    # "the Jalalabad police chief": the place before it names the seat of an office, not the incident's place
    office_holder: Regex | None = None
    # "killed in another IED blast": a sentence that tells an incident other than the one told so far
    new_incident: Regex | None = None
    # "killed in two separate attacks in Aden": a sum over incidents, the toll of none of them
    several_incidents: Regex | None = None
    # "the Taliban, who seized power in 2021,": an actor's history, dated in its own clause, tells no incident
    background_clause: LazyPattern | None = None
    # "in Lingyado village", "the village of Mangazi": a settlement named by its kind (case-sensitive)
    settlement_named: Regex | None = None
    # "a native of Herat", "similar to the attack in Kerman": the place after it is not the incident's
    elsewhere_reference: Regex | None = None
    scene: Regex | None = None  # "The confrontation took place in Segovia": where an act told took place
    # "That attack was claimed by ...": a sentence that goes on with the recap told just before it
    names_the_recap: Regex | None = None
    # "Jibia local government area", "Lubero territory": the place before it is written as a division
    division_written: Regex | None = None
    division_before: Regex | None = None  # "the district of Mocimboa da Praia": said before the name
    city_part_written: Regex | None = None  # "Waberi District, Mogadishu": a part of the city named before it
    # "the funerals of the victims", "condemned the attack": what followed an incident, no act of its own
    follow_up: Regex | None = None
    follow_up_unless: Regex | None = None  # "police arrested and charged three men": an arrest, no follow-up


@dataclass(frozen=True)
class GtdCues:
    attack_rules: tuple[tuple[str, Regex], ...]
    weapon_rules: tuple[tuple[str, Regex], ...]
    # (type, cue, its anchors): a rule is searched only where an anchor occurs (`may_match`), and most
    # rules name things a report seldom does (an embassy, a pylon, a school)
    target_rules: tuple[tuple[str, Regex, tuple[str, ...] | None], ...]
    prominent: Regex
    assassination_action: Regex
    possessive_target: Regex
    kin_of: Regex  # "the family members of" before a name: the named person was not the one attacked
    attendant_role: Regex  # "the driver of the minister": a role that is someone else's kin or staff
    hostage_killed: Regex  # a sentence after an abduction's that tells of a killing
    hostage_killed_together: Regex  # "abducted and killed"
    hostage_subject: Regex  # "The hostage", "He": a sentence about the hostage starts so
    prominent_hostages: tuple[str, ...]  # target types whose killed hostage was assassinated
    target_lead: Regex
    target_explicit: Regex
    target_intent: Regex  # "the device was planted to target security forces", anywhere in the text
    light_explosives: Regex
    firing: Regex
    foiled_cues: Regex
    generic_security: Regex
    security_branches: tuple[str, ...]
    security_default: str
    not_victims: Regex
    speakers: Regex
    responders: Regex
    vague_target: Regex
    foiled_default: str
    weak_phrase_types: tuple[str, ...]
    notable_victims: tuple[str, ...]
    named_civilians: Regex
    venue_people: Regex  # "civilians at a bar": people attacked where the place's type decides
    country_target: Regex  # "drones targeting southern Saudi Arabia": a whole country, no target named
    country_target_type: str
    kind_possessives: Regex  # "a women's prison": the kind of place, not its owner
    ways: Regex  # "the bazaar road": a road, whatever it is named after, is no typed place
    no_target_default: str
    place_lead: Regex  # the attack verb before a named place, matched at the end of the words before it
    place_words: str  # "town", "village" ...: what may follow a place's name (a regex alternation)
    place_of_suffix: str  # "district": what may follow the name in "the centre of X district"
    place_defenders: tuple[str, ...]  # victims who do not make an attacked town theirs
    attack_by_target: tuple[tuple[str, str], ...]
    attack_by_target_not_when: Regex
    attack_by_phrase: tuple[tuple[Regex, str], ...]
    deadly: Regex
    deadly_facility_attack: str
    unharmed: Regex  # "no casualties were reported"
    taken: Regex  # "ballot boxes were stolen"
    theft_attack: str  # the type of an attack that only took property
    property_attack: str


@lru_cache(maxsize=1)
def event_cues() -> EventCues:
    raw = load_json("event_cues.json")
    terms = raw.get("terms", {})

    def regex(pattern: str) -> Regex:
        return word_regex(_expand_terms(pattern, terms))

    cues = {sub: tuple(_cue(entry, regex, terms) for entry in entries) for sub, entries in raw["sub_event_cues"].items()}
    contexts = {name: regex(p) for name, p in raw.get("contexts", {}).items() if not name.startswith("_")}
    return EventCues(
        priority=tuple(raw["priority"]),
        sub_event_cues=cues,
        contexts=contexts,
        context_anchors={name: anchors_of(p.pattern) for name, p in contexts.items()},
        territory=_territory(raw["territory"], regex),
        rules=tuple(_rule(r) for r in raw.get("rules", ())),
        families=tuple(_family(f) for f in raw.get("families", ())),
        any_trigger=compile_pattern(r"(?<![\w])" + raw["event_triggers"], FLAGS),
        strong_trigger=word_regex(raw["strong_triggers"]),
        background=word_regex(raw["background"]["pattern"]),
        not_events=_not_events(raw.get("not_events", {}), regex, terms,
                               *(raw.get(key, {}) for key in ("non_event_kinds", "more_non_event_kinds"))),
        unreal=word_regex(raw["unreal"]["pattern"]) if "unreal" in raw else None,
        **{key: optional_pattern(raw, key) for key in ("distance_reference", "office_holder", "elsewhere_reference", "scene",
                                                       "city_part_written")},
        new_incident=word_regex(raw["new_incident"]["pattern"]) if "new_incident" in raw else None,
        several_incidents=word_regex(raw["several_incidents"]["pattern"]) if "several_incidents" in raw else None,
        background_clause=word_regex(raw["background_clause"]["pattern"]) if "background_clause" in raw else None,
        settlement_named=LazyPattern(raw["settlement_named"]["pattern"], 0) if "settlement_named" in raw else None,
        names_the_recap=LazyPattern(raw["names_the_recap"]["pattern"], 0) if "names_the_recap" in raw else None,
        division_written=LazyPattern(raw["division_written"]["pattern"], FLAGS) if "division_written" in raw else None,
        division_before=LazyPattern(raw["division_written"]["before"], FLAGS) if "before" in raw.get("division_written", {}) else None,
        follow_up=word_regex(raw["follow_up"]["pattern"]) if "follow_up" in raw else None,
        follow_up_unless=word_regex(raw["follow_up"]["unless"]) if "follow_up" in raw else None,
    )


def _not_events(raw: dict, regex, terms: dict[str, str], *kinds_keys: dict) -> NotEvents:
    """The gate's rules: 'not_events', then the kinds of non-event ('non_event_kinds', then 'more_non_event_kinds':
    a key of its own, so that sessions adding kinds edit distinct lines), which may use the guards of all."""
    guards = {name: regex(p) for name, p in raw.get("guards", {}).items()}
    for kinds in kinds_keys:
        if clashing := set(guards) & set(kinds.get("guards", {})):
            raise ConflictLensError("CL-E948", f"non_event_kinds guards {', '.join(sorted(clashing))} are already "
                                    "gate guards; give them names of their own", "event_cues.json")
        guards.update((name, regex(p)) for name, p in kinds.get("guards", {}).items())
    named = (rule for kinds in kinds_keys for rule in _named_kinds(kinds.get("kinds", ())))
    rules = tuple(_not_event(r, regex, guards, terms) for r in (*raw.get("rules", ()), *named))
    return NotEvents(tuple(raw.get("types", ())), rules, guards)


def _named_kinds(kinds: list[dict]) -> list[dict]:
    """Each kind of non-event, checked to say what kind of report it is (it is counted by kind)."""
    for rule in kinds:
        if not isinstance(rule, dict) or not rule.get("kind") or not rule.get("why") or not rule.get("if"):
            raise ConflictLensError("CL-E948", f"non_event_kinds entry {str(rule)[:60]!r} needs a 'kind', a 'why' "
                                    "and an 'if' pattern", "event_cues.json")
    return kinds


def _not_event(rule: dict, regex, guards: dict, terms: dict[str, str]) -> NotEvent:
    """One rule, checked: a misspelt "where" would silently widen it, an unknown guard fail uncoded."""
    where, unless = rule.get("where", "anywhere"), rule.get("unless", ("agents",))
    if where not in ("anywhere", "opening") or not set(unless) <= set(guards):
        raise ConflictLensError("CL-E941", f"not_events rule {rule['why'][:40]!r}: where {where!r}, unless {unless}; "
                                f"use anywhere or opening, and guards of {', '.join(guards)}", "event_cues.json")
    return NotEvent(rule["why"], regex(rule["if"]), tuple(guards[g] for g in unless),
                    anchors_of(_expand_terms(rule["if"], terms)), where == "opening", rule.get("kind", ""))


def _expand_terms(pattern: str, terms: dict[str, str]) -> str:
    """Replace each %NAME% by the shared vocabulary entry of that name."""
    return re.sub(r"%([A-Z_]+)%", lambda m: terms[m.group(1)], pattern)


def _cue(entry: list, regex, terms: dict[str, str]) -> Cue:
    pattern, weight, *context = entry
    name = context[0] if context else None
    negated = bool(name and name.startswith("!"))
    return Cue(regex(pattern), float(weight), name.lstrip("!") if name else None, negated,
               anchors_of(_expand_terms(pattern, terms)))


def _rule(raw: dict) -> TypingRule:
    return TypingRule(
        why=raw.get("why", ""),
        if_any={k: float(v) for k, v in raw.get("if_any", {}).items()},
        if_context=tuple(raw.get("if_context", ())),
        unless_context=tuple(raw.get("unless_context", ())),
        scale={k: float(v) for k, v in raw.get("scale", {}).items()},
        add={k: float(v) for k, v in raw.get("add", {}).items()},
        add_scores={k: tuple(v) for k, v in raw.get("add_scores", {}).items()},
        move=dict(raw.get("move", {})),
    )


def _family(raw: dict) -> Family:
    return Family(tuple(raw["members"]), raw["requires"], tuple((s, c) for s, c in raw["order"]), raw["default"],
                  {k: float(v) for k, v in raw.get("absorb", {}).items()})


def _territory(raw: dict, regex) -> TerritoryCues:
    return TerritoryCues(
        capture=regex(raw["capture"]), capture_lite=regex(raw["capture_lite"]), passive=regex(raw["passive"]),
        # Matched against the words just before a capture verb, so anchored at the end instead.
        infinitive=compile_pattern(raw["infinitive"], FLAGS),
        place=regex(raw["place"]), not_place=regex(raw["not_place"]),
        state=regex(raw["state"]), non_state=regex(raw["non_state"]),
        held_by_non_state=regex(raw["held_by_non_state"]), held_by_state=regex(raw["held_by_state"]),
        weights={k: float(v) for k, v in raw["weights"].items()},
    )


@lru_cache(maxsize=1)
def gtd_cues() -> GtdCues:
    raw = load_json("gtd_cues.json")
    assassination = raw["assassination"]
    prominent = assassination["prominent"]
    possessive = assassination["vehicle_of"].replace("PROMINENT", f"(?i:{prominent})(?![\\w-])")
    return GtdCues(
        attack_rules=tuple((name, word_regex(p)) for name, p in raw["attack_type_rules"]),
        weapon_rules=tuple((name, word_regex(p)) for name, p in raw["weapon_rules"]),
        target_rules=tuple((name, r, anchors_of(r.pattern)) for name, r in
                           ((name, word_regex(p)) for name, p in raw["target_rules"])),
        prominent=word_regex(prominent),
        assassination_action=word_regex(assassination["action"]),
        kin_of=word_regex(rf"(?:{assassination['attendants']}) of\s+$"),
        attendant_role=compile_pattern(
            rf"(?:the |a |an )?(?:[\w-]+ )?(?:{assassination['attendants']}) (?:of|to)\b", FLAGS),
        hostage_killed=word_regex(assassination["hostage_killed"]["pattern"]),
        hostage_killed_together=word_regex(assassination["hostage_killed"]["together"]),
        hostage_subject=word_regex(assassination["hostage_killed"]["subject"]),
        prominent_hostages=tuple(assassination["hostage_killed"]["target_types"]),
        # Case matters here: a capitalised word after "vehicle of" is a name.
        possessive_target=compile_pattern(rf"(?<![\w-])(?:{possessive})", 0),
        target_lead=word_regex(raw["target_phrase_lead"]),
        target_explicit=word_regex(raw["target_phrase_explicit"]),
        target_intent=word_regex(raw["target_phrase_intent"]),
        light_explosives=word_regex(raw["light_explosives"]["pattern"]),
        firing=word_regex(raw["light_explosives"]["firing"]),
        attack_by_target=tuple(raw["attack_by_target"]["types"].items()),
        attack_by_target_not_when=word_regex(raw["attack_by_target"]["not_when_attacked"]),
        attack_by_phrase=tuple((word_regex(p), t) for p, t in raw["attack_by_target"]["by_phrase"].items()),
        property_attack=raw["attack_by_target"]["on_property"],
        deadly=word_regex(raw["deadly_facility_attack"]["pattern"]),
        deadly_facility_attack=raw["deadly_facility_attack"]["attack_type"],
        unharmed=word_regex(raw["theft_without_harm"]["unharmed"]),
        taken=word_regex(raw["theft_without_harm"]["taken"]),
        theft_attack=raw["theft_without_harm"]["attack_type"],
        **_target_refinement(raw["target_refinement"]),
    )


def _target_refinement(raw: dict) -> dict:
    return {
        "generic_security": word_regex(raw["generic_security"]),
        "security_branches": tuple(raw["security_branches"]),
        "security_default": raw["security_default"],
        "not_victims": word_regex(raw["not_victims"]),
        "speakers": word_regex(with_speech_verbs(raw["speakers"])),
        "responders": word_regex(raw["responders"]),
        "vague_target": compile_pattern(raw["vague_target"], FLAGS),
        "foiled_default": raw["foiled_default"],
        "weak_phrase_types": tuple(raw["weak_phrase_types"]),
        "notable_victims": tuple(raw["notable_victims"]),
        "named_civilians": word_regex(raw["named_civilians"]),
        "venue_people": compile_pattern(raw["venue_people"], FLAGS),
        "country_target": compile_pattern(raw["country_target"], FLAGS),
        "country_target_type": raw["country_target_type"],
        "ways": compile_pattern(rf"\b(?:{raw['ways']})$", FLAGS),
        "kind_possessives": compile_pattern(rf"\b(?:{raw['kind_possessives']})(?=\s+\w)", FLAGS),
        "foiled_cues": word_regex(raw["foiled_cues"]),
        "no_target_default": raw["no_target_default"],
        "place_lead": word_regex(raw["named_place"]["lead"]),
        "place_words": raw["named_place"]["place_words"],
        "place_of_suffix": raw["named_place"]["of_suffix"],
        "place_defenders": tuple(raw["named_place"]["defenders"]),
    }


@lru_cache(maxsize=1)
def attribution_cues() -> dict:
    return load_json("attribution_cues.json")


@dataclass(frozen=True)
class ActorMentionCues:
    generic_words: frozenset[str]  # a NER name made only of these names nobody ("the jihadist group")
    disguise_before: Regex  # "gunmen disguised as police": the police are a disguise


@lru_cache(maxsize=1)
def actor_mention_cues() -> ActorMentionCues:
    raw = load_json("actor_mentions.json")
    return ActorMentionCues(frozenset(w.lower() for w in raw["generic_words"]),
                            compile_pattern(raw["disguise_before"], FLAGS))
