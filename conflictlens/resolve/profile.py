"""What the resolver knows of one event: a compact, comparable profile, and where it came from.

Profiles are small tuples (a million fit in memory) holding only what blocking and scoring use;
they are stored beside each incident member so that later ingests compare against them without
re-reading the events.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from datetime import date
from typing import Any, Mapping, NamedTuple

from conflictlens.model.records import Casualties, Event
from conflictlens.resolve.names import content_words, fold, name_key, skeleton
from conflictlens.resolve.settings import Settings

PROFILE_VERSION = 1
REPORT, DATASET = "report", "dataset"


@dataclass(frozen=True)
class Source:
    """Where an event came from. `key` groups events of one source (one report, or one dataset)."""

    key: str
    label: str  # shown to people: the outlet, "GTD 202101020003", or the report's title or id
    kind: str  # "report" or "dataset"
    reported_on: str | None  # ISO date the figures were published, when known
    grade: str  # source reliability, "A" (best) to "F"
    document_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "label": self.label, "kind": self.kind, "reported_on": self.reported_on,
                "grade": self.grade, "document_id": self.document_id}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Source:
        return cls(data["key"], data["label"], data["kind"], data.get("reported_on"), data["grade"],
                   data.get("document_id"))


def source_of(event: Event, settings: Settings, outlet: str | None = None, published: str | None = None,
              title: str | None = None) -> Source:
    """The source of `event`: its dataset row, or the report (outlet, publication date) it was read in."""
    if event.dataset:
        name = event.dataset.upper()
        grade = settings.dataset_grades.get(name, settings.default_dataset_grade)
        label = f"{name} {event.dataset_id}" if event.dataset_id else name
        return Source(f"ds:{name}", label, DATASET, published, grade, event.document_id)
    grade = settings.outlet_grades.get(fold(outlet), settings.default_outlet_grade) if outlet else \
        settings.default_outlet_grade
    label = outlet or title or event.document_id
    return Source(f"doc:{event.document_id}", label, REPORT, published, grade, event.document_id)


@dataclass(frozen=True)
class ActorKnowledge:
    """The actor registry as plain data: each canonical name's parent and type, and the generic names."""

    parents: Mapping[str, str | None]
    generic: frozenset[str] = frozenset()
    types: Mapping[str, str] = field(default_factory=dict)

    def family(self, name: str | None, settings: Settings) -> frozenset[str] | None:
        """The actor, its ancestors and the coalitions of any of them; None for no identified actor."""
        if not name or name in self.generic or name in settings.vague_actors:
            return None
        chain, current = [], name
        while current and current not in chain and len(chain) < 8:
            chain.append(current)
            current = self.parents.get(current)
        family = set(chain)
        for member in chain:
            family |= settings.coalitions.get(member, frozenset())
        return frozenset(family)


NO_ACTORS = ActorKnowledge({})


class Profile(NamedTuple):
    id: str
    source: str  # Source.key
    start: int | None  # date ordinals, inclusive
    end: int | None
    precision: str | None
    tolerance: int  # days two dates may be apart and still be one incident (widens with vagueness)
    country: str | None
    admin1: str | None  # skeletons of the names
    admin2: str | None
    admin2_hint: str | None  # a district inferred from a gazetteer: may agree; disagrees only within one source
    place: str | None
    place_words: tuple[str, ...]
    admin2_words: tuple[str, ...]
    lat: float | None
    lon: float | None
    radius_km: float
    mode: str | None  # type mode (settings.modes)
    klass: str  # type class used for blocking
    victims: str | None  # class of the attacked: security, government, civilian, nonstate
    target_words: frozenset[str]
    actor: str | None  # perpetrator (or claimant), None when unidentified
    actor_family: frozenset[str]  # the actor, its parents and its coalitions
    fat: tuple[int, int] | None  # (low, high)
    inj: tuple[int, int] | None
    words: frozenset[str]

    def to_json(self) -> list[Any]:
        """A JSON-ready list (sets sorted), read back by `profile_from_json`."""
        # Lists, not tuples: a profile read back from the store must compare equal to a fresh one.
        # The fields that hold sets or tuples are known: converting only those is a third of the cost.
        out: list[Any] = [PROFILE_VERSION, *self]
        for i in _SET_FIELDS:
            out[i + 1] = sorted(out[i + 1])
        for i in _TUPLE_FIELDS:
            if out[i + 1] is not None:
                out[i + 1] = list(out[i + 1])
        return out


def profile_from_json(data: list[Any]) -> Profile:
    if not data or data[0] != PROFILE_VERSION:
        raise ValueError(f"profile version {data[:1]} is not {PROFILE_VERSION}")
    fields = list(data[1:])
    for i in _SET_FIELDS:
        fields[i] = frozenset(fields[i])
    for i in _PAIR_FIELDS:
        fields[i] = tuple(fields[i]) if fields[i] is not None else None
    for i in _WORD_TUPLES:
        fields[i] = tuple(fields[i])
    return Profile(*fields)


_SET_FIELDS = tuple(Profile._fields.index(f) for f in ("target_words", "actor_family", "words"))
_PAIR_FIELDS = tuple(Profile._fields.index(f) for f in ("fat", "inj"))
_WORD_TUPLES = tuple(Profile._fields.index(f) for f in ("place_words", "admin2_words"))
_TUPLE_FIELDS = _PAIR_FIELDS + _WORD_TUPLES


def profile_of(event: Event, source: Source, settings: Settings, actors: ActorKnowledge = NO_ACTORS,
               district_hint: str | None = None) -> Profile:
    """The profile of `event` as read from `source` (`district_hint`: a district a gazetteer gives its place)."""
    start, end = _ordinal(event.date.start), _ordinal(event.date.end or event.date.start)
    if start is not None and (end is None or end < start):
        end = start
    loc = event.location
    country = loc.country.upper() if loc.country else None
    admin1 = _admin1(country, loc.admin1, settings)
    admin2, admin2_skeleton, admin2_words = _name_facts(loc.admin2, settings.generic_words)
    place, place_skeleton, place_words = _name_facts(loc.place, settings.generic_words)
    if place and place in (admin2, _name_facts(loc.admin1, settings.generic_words)[0]):
        place = place_skeleton = None  # "Kabul, Kabul, Kabul": the place is the district itself, no finer
        place_words = ()
    mode = settings.modes.get(event.sub_event_type or "") or settings.modes.get(event.attack_type or "")
    texts = _texts(event, settings)
    lat, lon = _coordinate(loc.lat, 90), _coordinate(loc.lon, 180)
    if lat == 0.0 and lon == 0.0:
        lat = lon = None  # "null island": a placeholder for unknown coordinates, not a place
    perpetrator, attacked = _sides(event, settings, actors)
    family = actors.family(perpetrator, settings)
    return Profile(
        id=event.id, source=source.key, start=start, end=end, precision=event.date.precision,
        tolerance=settings.date_tolerance.get(event.date.precision or "day", 0),
        country=country, admin1=admin1,
        admin2=admin2_skeleton,
        admin2_hint=_name_facts(district_hint, settings.generic_words)[1] if district_hint and not admin2 else None,
        place=place_skeleton, place_words=place_words, admin2_words=admin2_words,
        lat=lat if lon is not None else None, lon=lon if lat is not None else None,
        radius_km=settings.radius_km.get(loc.precision or "", settings.radius_km["place"]),
        mode=mode, klass=settings.mode_class.get(mode or "", "violence"),
        victims=_victims(event.target_type, attacked, settings, actors),
        target_words=content_words(event.targets, 8),
        actor=perpetrator if family else None, actor_family=family or frozenset(),
        fat=_all_killed(event), inj=_interval(event.injured),
        words=content_words(texts, settings.max_text_words, settings.common_words),
    )


def _texts(event: Event, settings: Settings) -> list[str]:
    """What the event says in words: a dataset row's summary and descriptive columns, a report's lead, the targets."""
    texts = [e.text for e in event.evidence.get("summary", ())] + list(event.targets)
    if event.dataset:
        columns = settings.dataset_text_columns.get(event.dataset.upper(), ())
        texts[:0] = [event.summary] + [str(event.extra[c]) for c in columns if event.extra.get(c)]
    return texts


def _victims(target_type: str | None, attacked: str | None, settings: Settings,
             actors: ActorKnowledge) -> str | None:
    by_type = settings.victim_classes.get(target_type or "")
    if by_type:
        return by_type
    actor_type = actors.types.get(attacked or "")
    return settings.actor_type_victims.get(actor_type or "")


def _sides(event: Event, settings: Settings, actors: ActorKnowledge) -> tuple[str | None, str | None]:
    """(actor, attacked) as the resolver compares them.

    A battle names two sides and not who started; datasets list the state first (UCDP's side_a),
    while a source of attacks names the other side as the attacker. So of a battle between a state
    side and a non-state side, the non-state side is compared as the actor (resolve/data/types.json);
    neither side is known to be the attacked, whose type would say who the victims were.
    """
    perpetrator, attacked = _perpetrator(event), event.target_actor
    if event.event_type not in settings.two_sided_types or not (perpetrator and attacked):
        return perpetrator, attacked
    if _is_state(perpetrator, settings, actors) and not _is_state(attacked, settings, actors):
        return attacked, None
    return perpetrator, None


def _is_state(actor: str, settings: Settings, actors: ActorKnowledge) -> bool:
    return actors.types.get(actor) in settings.state_actor_types


def _perpetrator(event: Event) -> str | None:
    if event.perpetrator:
        return event.perpetrator
    claims = [a.actor for a in event.attribution if a.stance == "claimed" and a.actor]
    return claims[0] if claims else None


@lru_cache(maxsize=65_536)
def _ordinal(value: str | None) -> int | None:
    """The day number of an ISO date (remembered: many events share a day)."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def _admin1(country: str | None, name: str | None, settings: Settings) -> str | None:
    """The skeleton of the first-level division, after the aliases datasets use for it."""
    if not name:
        return None
    return _admin1_skeleton(country or "", name, settings.generic_words, settings.admin1_aliases.get)


@lru_cache(maxsize=4096)
def _admin1_skeleton(country: str, name: str, generic_words: frozenset[str], alias) -> str | None:
    canonical = alias((country, fold(name)), name)
    key = name_key(canonical, generic_words)
    return skeleton(key) if key else None


def _coordinate(value: float | None, limit: float) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if -limit <= number <= limit else None  # also drops NaN


def _all_killed(event: Event) -> tuple[int, int] | None:
    """Everyone killed, victims and assailants: what ACLED's and UCDP's tolls and GTD's nkill count
    (a record keeps the assailants apart, in perpetrators_killed)."""
    victims, assailants = _interval(event.fatalities), _interval(event.perpetrators_killed)
    if victims is None or assailants is None:
        return victims
    return (victims[0] + assailants[0], victims[1] + assailants[1])


def _interval(c: Casualties) -> tuple[int, int] | None:
    values = [v for v in (c.low, c.best, c.high) if v is not None and type(v) is int and v >= 0]
    if not values:
        return None
    return (min(values), max(values))


@lru_cache(maxsize=100_000)
def _name_facts(name: str | None, generic_words: frozenset[str]) -> tuple[str | None, str | None, tuple[str, ...]]:
    """(key, skeleton, words) of a place or district name; (None, None, ()) for no name."""
    key = name_key(name, generic_words) if name else None
    if not key:
        return None, None, ()
    return key, skeleton(key), tuple(content_words([key], 6))
