"""Whether a gold place name and an extracted one name the same place.

Datasets spell divisions their own way (GTD writes Cameroon's "Far North" as "Extreme-North" and
Erbil as "Arbil"); a scorer that compares strings alone counts the standard spelling wrong, and rules
drift to please one dataset's convention. So two names also match when the gazetteer knows both as
names of one unit (the same entry id, looked up in the gold country). The name comparison runs first
and is unchanged, so a pair right by its names stays right; ids only add matches.

One function serves every scorer (GTD, the news benchmark): `same_place`.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Callable, Iterable, Protocol

from conflictlens.model.text import fold

# "Borno State", "Basra Governorate", "Far North Region": the unit's word is no part of its name
_NOISE_WORDS = re.compile(r"\b(?:district|city|province|state|governorate|region|tehsil|area|village|town|the|of|agency)\b")
# Kinds of gazetteer entry a gold field may name: a city is a town or a district (GTD's `city` holds
# either, and the news gold names a district where the report names no town).
KINDS = {"admin1": ("admin1",), "city": ("place", "admin2")}


class _Entry(Protocol):
    id: str
    kind: str
    admin1: str | None


# (name, kind, country) -> the gazetteer entries known by that name (Gazetteer.lookup)
Lookup = Callable[[str, str | None, str | None], Iterable[_Entry]]


def normalise_name(name: str | None) -> str:
    if not name:
        return ""
    text = fold(name)
    text = _NOISE_WORDS.sub(" ", re.sub(r"[^a-z0-9 ]+", " ", text))
    return re.sub(r"\s+", "", text)


def same_name(gold: str | None, *ours: str | None) -> bool:
    """Equal after normalising, or nearly so (similarity >= 0.85: Qala-i-Naw / Qala-e-Naw)."""
    g = normalise_name(gold)
    for o in ours:
        n = normalise_name(o)
        if n and g and (n == g or SequenceMatcher(None, n, g).ratio() >= 0.85):
            return True
    return False


def same_place(gold: str | None, *ours: str | None, field: str, country: str | None,
               lookup: Lookup | None, within: str | None = None) -> bool:
    """`gold` and one of `ours` name one place of `field` ('admin1' or 'city'): by name, or as two
    names (name or alias) of one gazetteer entry of the gold country. A town matched so must lie in
    the gold province `within` when one is given: a name the gazetteer keeps as an alias of a
    namesake elsewhere ("Bulongo", a village of North Kivu, is an alias of Bulungu in Kwilu) is not
    the gold town."""
    if same_name(gold, *ours):
        return True
    if lookup is None or not gold or not country:
        return False
    wanted = {e.id for e in _entries(lookup, gold, field, country)
              if field != "city" or not within or same_place(within, e.admin1, field="admin1",
                                                             country=country, lookup=lookup)}
    return bool(wanted) and any(wanted & {e.id for e in _entries(lookup, o, field, country)} for o in ours if o)


def _entries(lookup: Lookup, name: str, field: str, country: str) -> list[_Entry]:
    kinds = KINDS[field]
    return [e for e in lookup(name, None, country) if e.kind in kinds]


def gazetteer_lookup(geocoder: object | None) -> Lookup | None:
    """The lookup of an extractor's geocoder (None when it has none: names alone are compared)."""
    find = getattr(geocoder, "lookup", None)
    if find is None:
        return None
    return lambda name, kind, country: find(name, kind=kind, country=country)


@lru_cache(maxsize=1)
def bundled_lookup() -> Lookup:
    """The bundled gazetteer's lookup, loaded once, for scorers that have no extractor at hand."""
    from conflictlens.geo import Gazetteer  # the geo stage, loaded only by scorers that compare places

    return gazetteer_lookup(Gazetteer.load())
