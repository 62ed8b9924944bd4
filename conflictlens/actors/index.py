"""Token n-gram lookup tables for actor names.

Matching runs on every sentence of every article, so it is one dictionary probe per candidate n-gram,
and only at tokens that can start a name (`first`: token -> longest name starting with it).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from conflictlens.actors.normalize import acronym_key, fold_token, folded_keys, name_key
from conflictlens.actors.schema import ActorEntry


@dataclass(frozen=True)
class Hit:
    canonical: str
    method: str  # exact (the canonical name), alias, acronym, spelling (a folded transliteration)
    # A dated name: (actor, valid_from, valid_to) per actor it has denoted; the date of the text picks one.
    spans: tuple[tuple[str, str | None, str | None], ...] = ()

    def canonical_at(self, date: str | None) -> str:
        """The actor this name denotes at `date` (YYYY-MM-DD...); undated text is taken as current."""
        if not self.spans:
            return self.canonical
        if not date:
            return next((a for a, _f, to in reversed(self.spans) if to is None), self.spans[-1][0])
        day = str(date)[:10]
        inside = [a for a, frm, to in self.spans if (frm or "") <= day and (to is None or day <= to)]
        if inside:
            return inside[0]
        # Outside every span (a name used after its time): the actor whose span is nearest.
        return min(self.spans, key=lambda s: _gap(day, s[1], s[2]))[0]


def _overlap(a: tuple[str, str | None, str | None], b: tuple[str, str | None, str | None]) -> bool:
    return (a[1] or "") <= (b[2] or "9999") and (b[1] or "") <= (a[2] or "9999")


def _gap(day: str, frm: str | None, to: str | None) -> int:
    """Days between `day` and a span it lies outside of (0 when either date is unreadable)."""
    edge = to if to is not None and day > to else frm
    try:
        return abs((dt.date.fromisoformat(day) - dt.date.fromisoformat(edge or "")).days)
    except ValueError:
        return 0


@dataclass
class _Table:
    keys: dict[tuple[str, ...], Hit] = field(default_factory=dict)
    first: dict[str, int] = field(default_factory=dict)

    def add(self, key: tuple[str, ...], hit: Hit, conflicts: list[tuple[str, str, str]]) -> None:
        if not key:
            return
        prev = self.keys.get(key)
        if prev is not None and prev.spans and hit.spans:
            # One name, different actors at different times: fine unless their spans overlap.
            if any(_overlap(a, b) for a in prev.spans for b in hit.spans if a[0] != b[0]):
                conflicts.append((" ".join(key), prev.canonical, hit.canonical))
            hit = Hit(prev.canonical, prev.method, prev.spans + hit.spans)
        elif prev is not None and prev.canonical == hit.canonical:
            return  # same actor: keep the first (and most exact) method
        elif prev is not None:
            conflicts.append((" ".join(key), prev.canonical, hit.canonical))
        self.keys[key] = hit  # later files override earlier ones, so user files can re-point a name
        self.first[key[0]] = max(self.first.get(key[0], 0), len(key))


def _folded_table(entries: Iterable[ActorEntry]) -> _Table:
    """Names matched in text by their folded transliteration (`normalize.folded_keys`), each key kept
    only where one actor alone has it among every name, weak ones too: "Ansar ul-Islam" (Pakistan) and
    "Ansar al-Islam" (Iraq) fold alike, so neither is read from a third spelling."""
    owners: dict[tuple[str, ...], set[str]] = {}
    hits: dict[tuple[str, ...], Hit] = {}
    for e in entries:
        named = (e.name, *e.aliases, *(d.name for d in e.dated_names)) if e.name_in_text else e.aliases
        for name in (*named, e.name, *e.weak_aliases):  # every name an actor owns, even one read only whole
            for key in folded_keys(name):
                owners.setdefault(key, set()).add(e.name)
        for name in named:
            for key in folded_keys(name):
                hits.setdefault(key, Hit(e.name, "spelling"))
    table = _Table()
    for key, hit in hits.items():
        if len(owners[key]) == 1:
            table.add(key, hit, [])
    return table


class NameIndex:
    """Case-insensitive names and aliases, case-sensitive acronyms, and resolve-only weak aliases; the
    names' folded transliterations are read where no name is."""

    def __init__(self, entries: Iterable[ActorEntry]) -> None:
        self.names = _Table()
        self.acronyms = _Table()
        self.weak = _Table()
        self.conflicts: list[tuple[str, str, str]] = []  # (key, previous actor, new actor)
        entries = tuple(entries)
        for e in entries:
            self._add_entry(e)
        self.folded = _folded_table(entries)

    def _add_entry(self, e: ActorEntry) -> None:
        if e.name_in_text:
            self.names.add(name_key(e.name), Hit(e.name, "exact"), self.conflicts)
        else:
            self.weak.add(name_key(e.name), Hit(e.name, "exact"), self.conflicts)
        for alias in e.aliases:
            self.names.add(name_key(alias), Hit(e.name, "alias"), self.conflicts)
        for acronym in e.acronyms:
            self.acronyms.add(acronym_key(acronym), Hit(e.name, "acronym"), self.conflicts)
        for alias in e.weak_aliases:
            self.weak.add(name_key(alias), Hit(e.name, "alias"), self.conflicts)
        for dated in e.dated_names:
            spans = ((e.name, dated.valid_from, dated.valid_to),)
            self.names.add(name_key(dated.name), Hit(e.name, "alias", spans), self.conflicts)

    def lookup(self, key: tuple[str, ...], acronym: tuple[str, ...]) -> Hit | None:
        """A whole name: alias or canonical name, then resolve-only alias, then acronym. (Not a folded
        spelling: a name given whole is exact or not; `resolve` finds the spelling through `scan`.)"""
        return self.names.keys.get(key) or self.weak.keys.get(key) or self.acronyms.keys.get(acronym)

    def scan(self, raws: Sequence[str], norms: Sequence[str]) -> list[tuple[int, int, Hit]]:
        """Left to right, longest first, no overlaps: (first token, end token, hit) per name found.
        At one length an exact name or acronym wins over a folded transliteration."""
        names, nfirst = self.names.keys, self.names.first
        acros, afirst = self.acronyms.keys, self.acronyms.first
        folded, ffirst = self.folded.keys, self.folded.first
        folds = [fold_token(t) for t in norms]
        # Most tokens start no name: find the few that can in one pass, then probe only there.
        starts = [i for i, t in enumerate(norms) if t in nfirst or folds[i] in ffirst]
        astarts = [i for i, t in enumerate(raws) if t in afirst]
        if astarts:
            starts = sorted(set(starts).union(astarts))
        out: list[tuple[int, int, Hit]] = []
        n, free = len(norms), 0
        for i in starts:
            if i < free:
                continue
            longest = max(nfirst.get(norms[i], 0), afirst.get(raws[i], 0), ffirst.get(folds[i], 0))
            for length in range(min(longest, n - i), 0, -1):
                hit = (names.get(tuple(norms[i:i + length])) or acros.get(tuple(raws[i:i + length]))
                       or folded.get(tuple(folds[i:i + length])))
                if hit is not None:
                    out.append((i, i + length, hit))
                    free = i + length
                    break
        return out
