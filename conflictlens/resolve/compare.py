"""Comparing two event profiles, feature by feature.

Each feature gives a named outcome ("same_day", "other" place, "exact" toll...) worth a weight
from data/resolution.json; the score is their sum. Some outcomes are vetoes: the two events can
never be one incident (dates or places too far apart, a protest against a bombing, two distinct
places named by one source). The outcomes are kept so that `conflictlens why` can show them.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, NamedTuple

from conflictlens.model.area import MATCHING_EARTH_KM, km_between
from conflictlens.resolve.names import similar_skeletons
from conflictlens.resolve.profile import Profile
from conflictlens.resolve.settings import Settings

_LOCATION = frozenset(("place", "admin2", "distance"))
_UNSCORED = float("nan")


class Comparison(NamedTuple):
    other: str  # id of the profile compared with
    outcomes: tuple[tuple[str, str], ...]  # (feature, outcome) for every feature that spoke
    score: float
    veto: str | None = None  # why the two can never be one incident

    def to_dict(self, settings: Settings | None = None) -> dict[str, Any]:
        features = {f: o for f, o in self.outcomes}
        if settings is not None:
            features = {f: {"outcome": o, "weight": settings.weight(f, o)} for f, o in self.outcomes}
        return {"with": self.other, "score": round(self.score, 2), "veto": self.veto, "features": features}


def compare(a: Profile, b: Profile, s: Settings, score_vetoed: bool = True) -> Comparison:
    """How much `a` and `b` look like reports of one incident. `score_vetoed=False`: a vetoed pair's
    score is left unsummed (NaN), for a caller that reads only its veto (clustering: most candidate
    pairs are vetoed)."""
    out: list[tuple[str, str]] = []
    veto = (_date(a, b, s, out) or _location(a, b, s, out) or _type(a, b, s, out)
            or _same_source(a, b, out))
    if veto is None:
        _targets(a, b, s, out)
        _actors(a, b, out)
        if a.fat is not None and b.fat is not None:
            _casualties("fatalities", a.fat, b.fat, s, out)
        if a.inj is not None and b.inj is not None:
            _casualties("injured", a.inj, b.inj, s, out)
        _text(a, b, s, out)
    return Comparison(b.id, tuple(out), _score(out, s) if veto is None or score_vetoed else _UNSCORED, veto)


def _score(out: list[tuple[str, str]], s: Settings) -> float:
    """The sum of the weights, except that place, district and distance agreeing count once.

    They are three views of one fact: the place name, its district and its coordinates agree
    together when the place does, so only the strongest agreement counts; disagreements all count.
    When two precise place names disagree, the district and the coordinates agreeing only say
    that both places are in one area (two neighbourhoods of one city), so they count for nothing.
    """
    weights = s.flat_weights
    total, location = 0.0, 0.0
    other_place = ("place", "other") in out
    for pair in out:
        weight = weights.get(pair, 0.0)
        if weight > 0 and pair[0] in _LOCATION:
            if not other_place and weight > location:
                location = weight
        else:
            total += weight
    return total + location


def _date(a: Profile, b: Profile, s: Settings, out: list) -> str | None:
    a_start, b_start, a_end, b_end = a.start, b.start, a.end, b.end
    if a_start is None or b_start is None:
        return "a date is missing"
    # (Conditionals rather than max() and min(): this runs for every candidate, and they cost a call each.)
    gap = (a_start if a_start > b_start else b_start) - (a_end if a_end < b_end else b_end)
    if gap > (a.tolerance if a.tolerance > b.tolerance else b.tolerance):
        return f"dates {gap} days apart"
    if gap > 0:
        out.append(("date", "next_day" if gap == 1 else "near"))
    elif a_start == a_end == b_start == b_end:  # noqa: SIM114 (kept apart from the range case for clarity)
        out.append(("date", "same_day"))
    else:
        # A range of a few days (UCDP's "2-6 days", a multi-day clash) says nearly as much as a day.
        short = max(a_end - a_start, b_end - b_start) <= s.short_range_days
        out.append(("date", "overlap" if short else "vague_overlap"))
    return None


def _location(a: Profile, b: Profile, s: Settings, out: list) -> str | None:
    if a.country and b.country and a.country != b.country:
        return "different countries"
    admin1 = a.admin1
    if admin1 and b.admin1 and admin1 != b.admin1:
        return "different provinces"
    admin2 = _admin2(a, b)
    if admin2:
        out.append(("admin2", admin2))
    place = _place(a, b)
    if place:
        out.append(("place", place))
    if a.lat is not None and b.lat is not None:
        km = _km(a.lat, a.lon, b.lat, b.lon)
        radius = a.radius_km if a.radius_km > b.radius_km else b.radius_km
        if km > s.far_factor * radius and place != "same" and place != "similar":
            return f"{km:.0f} km apart"
        if km > s.cell_radius_km and not (admin1 and admin1 == b.admin1):
            return f"{km:.0f} km apart, not in one known province"
        out.append(("distance", "close" if km <= s.close_km else "near" if km <= radius else "far"))
    return None


def _admin2(a: Profile, b: Profile) -> str | None:
    if a.admin2 and b.admin2:
        return "same" if a.admin2 == b.admin2 else "other"
    if a.admin2 and a.admin2 == b.admin2_hint or b.admin2 and b.admin2 == a.admin2_hint:
        return "same"  # the gazetteer puts one's place in the other's district
    if a.admin2 and _named_in(a.admin2_words, b) or b.admin2 and _named_in(b.admin2_words, a):
        return "same"  # "Tandoori area, Sibi" against a row placed in Sibi district
    return None


def _place(a: Profile, b: Profile) -> str | None:
    if a.place and b.place:
        if a.place == b.place:
            return "same"
        if similar_skeletons(a.place, b.place):
            return "similar"
        if _mentioned(a, b) or _mentioned(b, a):
            return "mentioned"
        return "other"
    if a.place and a.place == b.admin2 or b.place and b.place == a.admin2:
        return "within"
    if a.place and _mentioned(a, b) or b.place and _mentioned(b, a):
        return "mentioned"
    return None


def _mentioned(a: Profile, b: Profile) -> bool:
    """`a`'s place is named in `b`'s text ("Mokha, Mamund tehsil" for a report placed in Mamund)."""
    return _named_in(a.place_words, b)


def _named_in(words: tuple[str, ...], b: Profile) -> bool:
    return bool(words) and b.words.issuperset(words)


def _type(a: Profile, b: Profile, s: Settings, out: list) -> str | None:
    if a.klass != b.klass:
        return f"{a.klass} and {b.klass} events"
    if a.mode is None or b.mode is None:
        return None
    if a.mode == b.mode:
        out.append(("type", "same"))
        return None
    pair = frozenset((a.mode, b.mode))
    if pair in s.incompatible:
        return f"{a.mode} and {b.mode}"
    if s.mode_parents.get(a.mode) == b.mode or s.mode_parents.get(b.mode) == a.mode:
        out.append(("type", "compatible"))  # "a bombing" and "a grenade attack"
    else:
        out.append(("type", "related" if pair in s.related else "differ"))
    return None


def _same_source(a: Profile, b: Profile, out: list) -> str | None:
    """One source describing two events means two events, unless it repeats itself word for word."""
    if a.source != b.source:
        return None
    # Each feature speaks at most once, so these are the place, district and distance outcomes.
    if ("place", "other") in out or ("admin2", "other") in out or ("distance", "far") in out:
        return "one source, two places"
    if _hinted_elsewhere(a, b) or _hinted_elsewhere(b, a):
        return "one source, two places"
    out.append(("source", "same_source"))
    return None


def _hinted_elsewhere(a: Profile, b: Profile) -> bool:
    """`a` names a district and the gazetteer puts `b`'s town in another one.

    Across sources a hint never disagrees (a gazetteer may err); within one source it is the
    source's own two rows, one placed in a district and one at a town of another district (GTD's
    "Arghandab district" and "Panjwai" of one day), so two places.
    """
    return bool(a.admin2 and b.admin2_hint and b.place and a.admin2 != b.admin2_hint
                and not similar_skeletons(a.admin2, b.admin2_hint))


def _targets(a: Profile, b: Profile, s: Settings, out: list) -> None:
    if a.victims and b.victims:
        if a.victims == b.victims:
            out.append(("victims", "same"))
        elif frozenset((a.victims, b.victims)) not in s.victims_compatible:
            out.append(("victims", "differ"))
    if a.target_words and b.target_words:
        out.append(("target_words", "shared" if a.target_words & b.target_words else "disjoint"))


def _actors(a: Profile, b: Profile, out: list) -> None:
    """One actor is the other, or one of its parents or coalitions ("ISKP" and "Islamic State").

    Two members of one coalition, or two factions of one group, are different actors.
    """
    if a.actor and b.actor:
        same = a.actor in b.actor_family or b.actor in a.actor_family
        out.append(("actor", "same" if same else "differ"))


def _casualties(feature: str, x: tuple[int, int], y: tuple[int, int], s: Settings, out: list) -> None:
    low, high = max(x[0], y[0]), min(x[1], y[1])
    if low <= high:  # the ranges overlap
        if x[0] == x[1] == y[0] == y[1]:
            # Agreeing on 1 dead is weak evidence: it is the commonest toll of all.
            out.append((feature, "both_zero" if x[0] == 0 else "exact_one" if x[0] == 1 else "exact"))
        else:
            out.append((feature, "overlap"))
        return
    ratio = (low + 1) / (high + 1)
    if low - high <= s.casualty_close_difference or ratio <= s.casualty_close_ratio:
        out.append((feature, "close"))
    elif ratio <= s.casualty_revised_ratio:
        out.append((feature, "revised"))
    else:
        out.append((feature, "differ"))


def _text(a: Profile, b: Profile, s: Settings, out: list) -> None:
    if len(a.words) < s.min_text_words or len(b.words) < s.min_text_words:
        return
    shared = len(a.words & b.words)
    jaccard = shared / (len(a.words) + len(b.words) - shared)
    for outcome, minimum in s.text_bands:
        if jaccard >= minimum:
            out.append(("text", outcome))
            return
    out.append(("text", "low"))


@lru_cache(maxsize=65_536)
def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine), in kilometres (remembered: datasets place many events at
    the same few coordinates, so the same pairs come back again and again)."""
    return km_between(lat1, lon1, lat2, lon2, earth_km=MATCHING_EARTH_KM)
