"""Small towns of the country a report is set in (the local layer, `loader.load_local`).

GeoNames keeps about a hundred thousand towns under the world layer's minimum population: district
seats and market towns of a few thousand people, where much of the fighting in Sulu, Arauca or
Narathiwat takes place (Patikul, Fortul, Waeng). Their names are too many, and too often a word or a
person's name somewhere, to be read in every report. So they are read only in the country the report
is set in; only where the text writes the name as a place: after a preposition of where or an act done
to a place ("in Patikul", "attacked Fortul", "the Basilan town of Sumisip"), before a kind word ("Waeng
district") or before a province of that country ("Fortul, Arauca"); and they never add a namesake to a
name the other layers know, unless all its namesakes lie abroad ("Sinjar" in a report from Idlib).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Mapping, Sequence

from conflictlens.geo.cue_words import cue_words, starts_a_name
from conflictlens.geo.loader import load_local, load_stoplist
from conflictlens.geo.normalize import TOKEN_RE, fold_token, key_from_folded, name_span, stem_token
from conflictlens.model.protocols import PlaceEntry, PlaceMention

# How far before a name its lead words may start ("attacked the remote village of ").
LEAD_CHARS = 60


def with_local_places(text: str, mentions: Sequence[PlaceMention], country: str,
                      eager: Mapping[str, tuple[PlaceEntry, ...]]) -> list[PlaceMention]:
    """`mentions` with the small towns of `country` that `text` names as places, in text order."""
    firsts = _first_words(country)
    if not firsts:
        return list(mentions)
    tokens = list(TOKEN_RE.finditer(text))
    by_span = {(m.start, m.end): m for m in mentions}
    starts = {m.start for m in mentions}
    covered = sorted((m.start, m.end) for m in mentions)
    provinces = {c.name for m in mentions for c in m.candidates if c.kind == "admin1" and c.country == country}
    i = 0
    while i < len(tokens):
        start = tokens[i].start()
        found = None
        if (start in starts or not _inside(covered, start)) and starts_a_name(text, tokens, i):
            found = _local_at(text, tokens, i, country, eager)
        if found is None:
            i += 1
            continue
        mention, i = found
        old = by_span.get((mention.start, mention.end))
        if old is not None and _namesakes_elsewhere(old, mention, country, provinces):
            by_span[(old.start, old.end)] = PlaceMention(old.start, old.end, old.text, old.candidates + mention.candidates)
        elif old is None and _replaces(mention, [m for m in by_span.values() if m.start < mention.end and mention.start < m.end],
                                       country):
            by_span = {k: m for k, m in by_span.items() if not (m.start < mention.end and mention.start < m.end)}
            by_span[(mention.start, mention.end)] = mention
    return sorted(by_span.values(), key=lambda m: m.start)


def _namesakes_elsewhere(old: PlaceMention, local: PlaceMention, country: str, provinces: set[str]) -> bool:
    """Whether a name the other layers know is better read as a small town too: all it names are towns or
    districts, and none at home ("Sinjar" in a report from Idlib is not Iraq's), or none in a province the
    text names while a small town is ("Waeng district" in a report on Narathiwat)."""
    if not all(c.kind in ("place", "admin2") for c in old.candidates):
        return False
    home = [c for c in old.candidates if c.country == country]
    return not home or (not any(c.admin1 in provinces for c in home) and any(c.admin1 in provinces for c in local.candidates))


def _replaces(local: PlaceMention, overlapped: list[PlaceMention], country: str) -> bool:
    """A small town's longer name stands for the names inside it that lie only abroad ("Tal Afar" in a
    report from Iraq is not Ethiopia's Afar region); it never cuts a name the other layers read."""
    return all(local.start <= m.start and m.end <= local.end and all(c.country != country for c in m.candidates)
               for m in overlapped)


def _inside(covered: list[tuple[int, int]], position: int) -> bool:
    return any(s <= position < e for s, e in covered)


@lru_cache(maxsize=None)
def _first_words(country: str) -> frozenset[str]:
    """The first folded word of every key of the country's small towns (a fast reject)."""
    return frozenset(key.partition(" ")[0] for key in load_local(country)[0])


def _local_at(text: str, tokens: list, i: int, country: str,
              eager: Mapping[str, tuple[PlaceEntry, ...]]) -> tuple[PlaceMention, int] | None:
    """The longest small-town name at token i, if the text writes it as a place, and the next token."""
    first = fold_token(tokens[i].group())
    firsts = _first_words(country)
    if first not in firsts and stem_token(first) not in firsts:
        return None
    index, meta = load_local(country)
    n_max = name_span(text, tokens, i)
    folded = [fold_token(t.group()) for t in tokens[i:i + n_max]]
    for n in range(n_max, 0, -1):
        key = key_from_folded(folded[:n])
        entries = index.get(key)
        if not entries:
            continue
        weak = key in load_stoplist() or all(meta[e.id].strength == "w" for e in entries)
        if not _reads_as_place(text, tokens, i, i + n, weak, country, eager):
            return None
        start, end = tokens[i].start(), tokens[i + n - 1].end()
        return PlaceMention(start, end, text[start:end], tuple(entries)), i + n
    return None


def _reads_as_place(text: str, tokens: list, i: int, j: int, weak: bool, country: str,
                    eager: Mapping[str, tuple[PlaceEntry, ...]]) -> bool:
    """Whether the name of tokens i..j is written as a place: no part of a longer run of capitalised words
    ("Naung Kan", "Fortul Gomez"), and a kind word after it ("Waeng district", "Banmauk Township"); else,
    for a name that is no word, led by a preposition of where or an act on a place, or followed by a
    province of the country."""
    cues = cue_words()
    after = j < len(tokens) and text[tokens[j - 1].end():tokens[j].start()] == " "
    kind = after and (fold_token(tokens[j].group()) in cues.local_kinds
                      or cues.after.get(fold_token(tokens[j].group())) in ("place", "admin2"))
    if _capitalised_before(text, tokens, i) or (after and not kind and tokens[j].group()[0].isupper()):
        return False
    if kind:
        return True
    start = tokens[i].start()
    lead = cues.local_lead.search(text, max(0, start - LEAD_CHARS), start)
    if weak:  # a name that is also a word needs its kind said: "the Iraqi town of Tall Afar"
        return lead is not None and bool(lead.group("kind1") or lead.group("kind2"))
    return lead is not None or _province_follows(text, tokens, j, country, eager)


def _capitalised_before(text: str, tokens: list, i: int) -> bool:
    """A capitalised word joined by a space before the name: the name ends a longer one, a person's or a
    group's. A sentence's first word ("In Patikul", "The Fortul") is a lead word or an article, not part of the name."""
    if i == 0 or text[tokens[i - 1].end():tokens[i].start()] != " " or not tokens[i - 1].group()[0].isupper():
        return False
    if tokens[i - 1].group() == "The":
        return False
    return not cue_words().local_lead.search(text, tokens[i - 1].start(), tokens[i].start())


def _province_follows(text: str, tokens: list, j: int, country: str,
                      eager: Mapping[str, tuple[PlaceEntry, ...]]) -> bool:
    """"Fortul, Arauca": a first-level division of the country right after a comma."""
    if j >= len(tokens) or text[tokens[j - 1].end():tokens[j].start()] != ", ":
        return False
    n = name_span(text, tokens, j)
    folded = [fold_token(t.group()) for t in tokens[j:j + n]]
    return any(e.kind == "admin1" and e.country == country
               for size in range(n, 0, -1) for e in eager.get(key_from_folded(folded[:size]), ()))
