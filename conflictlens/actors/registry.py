"""The actor registry: find actors named in text and resolve free-text names to canonical actors.

`ActorRegistry` satisfies `conflictlens.model.protocols.ActorResolver`. Canonical names follow GTD's
`gname` spelling where GTD has the group. Generic words ("gunmen", "militants") resolve to the generic
actor "Unknown" (GTD's code for no known perpetrator), never to a named group; "police", "army" and
"security forces" resolve to generic state actors, which a country narrows to that country's force.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from conflictlens.actors.edits import ActorEdit, EditedEntries, apply_edits
from conflictlens.actors.fuzzy import FuzzyMatcher
from conflictlens.actors.index import Hit, NameIndex
from conflictlens.actors.loader import DATA_DIR, bundled_sources, load_registry
from conflictlens.actors.normalize import (
    LEADING_ARTICLES, acronym_key, key_text, name_key, norm_token, raw_token, token_starts, token_texts, tokenize,
)
from conflictlens.actors.schema import ActorEntry
from conflictlens.model.vocab import vocabularies
from conflictlens.model.cache import cached, package_sources, source_key
from conflictlens.model.protocols import ActorMention

_OPEN_PAREN = re.compile(r"\s*[(\[]\s*$")
_CLOSE_PAREN = re.compile(r"\s*[)\]]")
_SPACE_ONLY = re.compile(r"[ \t\u00a0]+")
_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")
PARTIAL_SCORE = 0.95  # one actor's name plus head words ("ISKP fighters")
CONTEXT_FACTOR = 0.9  # a bare parent name read as its regional branch ("Islamic State" in AF -> ISKP)


class ActorRegistry:
    def __init__(self, entries: Iterable[ActorEntry], head_words: Iterable[str] = (),
                 edited: EditedEntries | None = None, files: Iterable[str] = ()) -> None:
        self._entries = {e.name: e for e in entries}
        self._files = tuple(files)  # the user's registry files, after the bundled ones
        # What the user's edits did: names merged away (-> the actor they joined), dismissed names, and
        # edits that no longer apply. Empty for the bundled registry.
        self.merged: dict[str, str] = dict(edited.merged) if edited else {}
        self.rejected: frozenset[str] = edited.rejected if edited else frozenset()
        self.stale_edits: tuple[str, ...] = edited.stale if edited else ()
        self._index = NameIndex(self._entries.values())
        self._fuzzy = FuzzyMatcher(self._entries.values())
        self._heads = frozenset(norm_token(w) for w in head_words)
        self._state_words = _state_words(self._entries.values())
        self._last_spans: tuple[str, tuple[tuple[int, int, Hit], ...]] | None = None  # see `_named_spans`
        self._external: dict[tuple[str, str], str] = {}
        for e in self._entries.values():
            for dataset, names in e.external_names.items():
                for n in names:
                    self._external.setdefault((dataset, n.strip()), e.name)
                    self._external.setdefault((dataset, key_text(name_key(n))), e.name)

    @classmethod
    def load(cls, extra_paths: Iterable[str | Path] = (), edits: Iterable[ActorEdit] = ()) -> ActorRegistry:
        """The bundled registry, extended by user registry files (same YAML schema), then the user's
        recorded edits replayed in order (see `edits.py`)."""
        paths, edits = tuple(extra_paths), tuple(edits)
        if not paths and not edits:
            return _bundled_instance()
        entries, heads = load_registry(paths)
        files = tuple(map(str, paths))
        if not edits:
            return cls(entries, heads, files=files)
        edited = apply_edits(entries, edits)
        return cls(edited.entries, heads, edited, files)

    @property
    def sources(self) -> tuple[dict[str, str], ...]:
        """Where the registry's actors come from: the bundled files (name, version, licence, url), then
        the user's files. Read on demand: listing sources is rare, loading the registry is not."""
        return bundled_sources() + tuple({"name": "user registry file", "file": f} for f in self._files)

    # ------------------------------------------------------------------ lookups
    def get(self, canonical: str) -> ActorEntry | None:
        return self._entries.get(canonical)

    def is_unidentified(self, canonical: str) -> bool:
        """True for the placeholder that words like "gunmen" resolve to: no identified actor at all."""
        entry = self._entries.get(canonical)
        return entry is not None and entry.generic and not entry.name_in_text

    def is_generic(self, canonical: str) -> bool:
        """True for an entry that names no specific organisation ("Police", "Unknown")."""
        entry = self._entries.get(canonical)
        return entry is not None and entry.generic

    def home_country(self, canonical: str) -> str | None:
        """The country a named group fights in (its `country`): None for generic words ("the army",
        "gunmen") and for forces abroad (external/other forces), which say nothing of where a report is."""
        entry = self._entries.get(canonical)
        if entry is None or entry.generic or entry.actor_type == "external/other forces":
            return None
        return entry.country

    def lineage(self, canonical: str) -> tuple[str, ...]:
        """The actor and its parents, nearest first; stops at a name met twice (a cycle in user data)."""
        chain: list[str] = []
        name: str | None = canonical
        while name is not None and name not in chain:
            chain.append(name)
            entry = self._entries.get(name)
            name = entry.parent if entry is not None else None
        return tuple(chain)

    def all(self) -> tuple[ActorEntry, ...]:
        return tuple(self._entries.values())

    def current(self, name: str) -> ActorEntry | None:
        """The actor a stored canonical name denotes now, following the user's merges."""
        return self._entries.get(self.merged.get(name, name))

    def children(self, canonical: str) -> tuple[ActorEntry, ...]:
        """Actors whose parent is `canonical` (branches, factions, units)."""
        return tuple(e for e in self._entries.values() if e.parent == canonical)

    def names_of(self, canonical: str) -> tuple[str, ...]:
        """Every name events may carry for this actor: its canonical name and the names merged into it."""
        return (canonical, *sorted(old for old, new in self.merged.items() if new == canonical))

    def suggest(self, name: str, limit: int = 3) -> list[ActorMention]:
        """Registry actors a reviewer might mean by an unknown name, best first (method "suggestion")."""
        out = []
        for hit in self._fuzzy.suggest(name, limit):
            entry = self._entries[hit.canonical]
            out.append(ActorMention(0, len(name), name, entry.name, entry.actor_type, hit.score, "suggestion"))
        return out

    def by_external_name(self, dataset: str, name: str) -> ActorEntry | None:
        """The entry GTD ("gtd"), ACLED ("acled") or UCDP ("ucdp") calls `name`."""
        dataset = dataset.lower()
        canonical = self._external.get((dataset, name.strip())) or self._external.get(
            (dataset, key_text(name_key(name))))
        return self._entries.get(canonical) if canonical else None

    def patterns(self) -> list[tuple[str, str]]:
        """(canonical, surface form) for every name matched in text, as plain data for other stages."""
        out: list[tuple[str, str]] = []
        for e in self._entries.values():
            forms = ((e.name,) if e.name_in_text else ()) + e.aliases + e.acronyms
            forms += tuple(d.name for d in e.dated_names)
            out.extend((e.name, f) for f in dict.fromkeys(forms))
        return out

    @property
    def conflicts(self) -> list[tuple[str, str, str]]:
        """Names claimed by two actors (name, earlier actor, later actor); the later one wins."""
        return list(self._index.conflicts)

    # ------------------------------------------------------------------ text
    def find_actors(self, text: str, country: str | None = None, date: str | None = None) -> list[ActorMention]:
        """Every registry actor named in `text`, left to right, longest match first, no overlaps.

        With `country` (ISO alpha-2), a bare parent name that has a branch there ("Islamic State" in AF)
        denotes the branch; `date` (YYYY-MM-DD) picks among time-bound branches.
        """
        found = [self._mention(start, end, text[start:end], hit, 1.0, country, date, text)
                 for start, end, hit in self._named_spans(text)]
        return self._merge(found, text)

    def _named_spans(self, text: str) -> tuple[tuple[int, int, Hit], ...]:
        """Where `text` names registry entries (start, end, hit): the same at any country and date. The
        extractor asks for a report's actors at no country, then at the one its places and actors point
        to: the last text's spans are kept (one slot, replaced whole), so a report is scanned once."""
        last = self._last_spans
        if last is not None and last[0] == text:
            return last[1]
        matched, surfaces = token_texts(text)
        spans = self._index.scan(list(map(raw_token, surfaces)), list(map(norm_token, surfaces)))
        named: list[tuple[int, int, Hit]] = []
        if spans:
            starts = token_starts(text, matched, spans[-1][1])  # positions only when something was found
            for i, j, hit in spans:
                start, end = starts[i], starts[j - 1] + len(surfaces[j - 1])
                if self._ends_a_name(text, surfaces, starts, i, j, hit, named):
                    continue
                # An alias written "Name (ACR)" matches up to "ACR": its closing parenthesis is punctuation
                # to the tokenizer, but the mention must include it, or "(ISKP" breaks the sentence.
                if _unclosed(text, start, end):
                    close = _CLOSE_PAREN.match(text, end)
                    end = close.end() if close else end
                named.append((start, end, hit))
        kept = tuple(named)
        self._last_spans = (text, kept)
        return kept

    def _ends_a_name(self, text: str, surfaces: list[str], starts: list[int], i: int, j: int, hit: Hit,
                     found: list[tuple[int, int, Hit]]) -> bool:
        """A generic name written as the capitalised tail of a longer proper name the registry does not
        know ("the Arakan Army", "the Ta'ang National Liberation Army") names that group, not the generic
        actor (nor, through a country, the state's army). It stays generic after a country's name or
        demonym ("the Sudanese Army", "the Somali National Army") or before one ("the National Army of
        Colombia"), after a lowercase or sentence-opening word, in a title-case headline, where every
        word is capitalised, and in text written in capitals, whose case tells nothing."""
        if (not self._entries[hit.canonical].ends_names or i == 0 or not surfaces[i][:1].isupper()
                or surfaces[i].isupper()):
            return False
        run = []  # the capitalised words right before the match, on its line
        k = i - 1
        while k >= 0 and surfaces[k][:1].isupper() and _SPACE_ONLY.fullmatch(
                text, starts[k] + len(surfaces[k]), starts[k + 1]):
            run.append(norm_token(surfaces[k]))
            k -= 1
        if not run or (k >= 0 and found and found[-1][1] > starts[k + 1]):
            return False  # a lowercase word before it, or the words before are themselves a found name
        if run[-1] in LEADING_ARTICLES and len(run) == 1:
            return False  # "The Army said": a sentence-opening article
        if self._names_a_state(run) or (j < len(surfaces) and norm_token(surfaces[j]) == "of"
                                         and self._names_a_state([norm_token(t) for t in surfaces[j + 1:j + 6]])):
            return False
        return not _title_case_line(text, starts[i])

    def _names_a_state(self, words: list[str]) -> bool:
        """True when one of `words` is a country's name or its demonym ("Brazilian": Brazil)."""
        for w in words:
            stems = (w, *(w[:-n] for n in (1, 2, 3) if len(w) > n + 3))
            if any(x in self._state_words or x + "a" in self._state_words for x in stems):
                return True
        return False

    def _merge(self, mentions: list[ActorMention], text: str) -> list[ActorMention]:
        """Join "Name (ACR)" into one mention, and let a name absorb a head word after it ("TTP militants")."""
        out: list[ActorMention] = []
        for m in mentions:
            prev = out[-1] if out else None
            if prev is not None and self._joins(prev, m, text):
                end = m.end
                close = _CLOSE_PAREN.match(text, end) if prev.canonical == m.canonical else None
                end = close.end() if close else end
                out[-1] = ActorMention(prev.start, end, text[prev.start:end], prev.canonical, prev.actor_type,
                                       prev.score, prev.method)
            else:
                out.append(m)
        return out

    def _joins(self, prev: ActorMention, m: ActorMention, text: str) -> bool:
        gap = text[prev.end:m.start]
        if prev.canonical == m.canonical and _OPEN_PAREN.match(gap) and _CLOSE_PAREN.match(text, m.end):
            return True
        if gap.strip() or self._entries[prev.canonical].generic:
            return False
        return all(norm_token(t) in self._heads for _, _, t in tokenize(m.text))

    # ------------------------------------------------------------------ names
    def resolve(self, name: str, country: str | None = None, date: str | None = None) -> ActorMention | None:
        """One free-text name (e.g. an NER ORG span) -> registry actor: exact, alias, acronym, fuzzy, context."""
        text = name.strip()
        if not text:
            return None
        hit = self._index.lookup(name_key(text), acronym_key(text))
        if hit is not None:
            return self._mention(0, len(name), name, hit, 1.0, country, date)
        partial = self._partial(name, country, date)
        if partial is not None:
            return partial
        fz = self._fuzzy.best(text)
        if fz is not None:
            return self._mention(0, len(name), name, Hit(fz.canonical, "fuzzy"), fz.score, country, date)
        return None

    def _partial(self, name: str, country: str | None, date: str | None) -> ActorMention | None:
        """A name that is one actor plus head words ("Islamic State Khorasan fighters", "a TTP commander")."""
        named = [m for m in self.find_actors(name, country, date) if not self._entries[m.canonical].generic]
        if len({m.canonical for m in named}) != 1:
            return None
        covered = [(m.start, m.end) for m in named]
        for start, end, tok in tokenize(name):
            inside = any(s <= start and end <= e for s, e in covered)
            if not inside and norm_token(tok) not in self._heads:
                return None
        m = named[0]
        return ActorMention(0, len(name), name, m.canonical, m.actor_type, PARTIAL_SCORE, m.method)

    def _mention(self, start: int, end: int, text: str, hit: Hit, score: float,
                 country: str | None, date: str | None, context: str = "") -> ActorMention:
        entry = self._entries[hit.canonical_at(date)]
        branch = self.branch(entry, country, date, context)
        if branch is not None:
            # Inferred from where the report is, not read from the name: a little less certain.
            return ActorMention(start, end, text, branch.name, branch.actor_type,
                                round(score * CONTEXT_FACTOR, 3), "context")
        return ActorMention(start, end, text, entry.name, entry.actor_type, score, hit.method)

    def branch(self, entry: ActorEntry, country: str | None, date: str | None = None,
               context: str = "") -> ActorEntry | None:
        """The regional branch a bare mention of `entry` denotes in `country` (at `date`), if any.
        A branch with cues applies only when `context` (the text around the mention) names one."""
        if not country or not entry.regional_branches:
            return None
        branches = entry.regional_branches.get(country.upper(), ())
        if any(b.cues for b in branches):
            words = _padded_key(context)
            branches = tuple(b for b in branches if not b.cues or any(_padded_key(c) in words for c in b.cues))
        if date:
            day = str(date)[:10]
            branches = tuple(b for b in branches
                             if (b.valid_from or "") <= day and (b.valid_to is None or day <= b.valid_to))
        else:
            # Undated text is taken as current: prefer branches that have not ended.
            branches = tuple(b for b in branches if b.valid_to is None) or branches
        return self._entries.get(branches[-1].name) if branches else None


def _state_words(entries: Iterable[ActorEntry]) -> frozenset[str]:
    """Words that name a country's state: the word before a generic name in a state force's names
    ("Sudanese" of "Sudanese army", "Myanmar" of "Myanmar troops"), and the words of the country in
    "Government of X" ("Congo", "Zaire") but for words of two countries' names ("United", "South")."""
    entries = tuple(entries)
    generic = {name_key(a) for e in entries if e.generic for a in e.aliases}
    state = [e for e in entries if not e.generic and e.actor_type in vocabularies().state_actor_types]
    before, countries = set(), defaultdict(set)
    for e, name in ((e, n) for e in state for n in (e.name, *e.aliases)):
        key = name_key(name)
        if len(key) > 1 and key[1:] in generic and name[:1].isupper():  # not "the army", "of the troops"
            before.add(key[0])
        if key[:2] == ("government", "of"):
            for w in key[2:]:
                countries[w].add(e.country)
    # A word of two countries' names is a word of names ("United", "Republic", "South"), not a country.
    return frozenset(before | {w for w, ccs in countries.items() if len(ccs) == 1} - {"of", "the", "and"})


def _unclosed(text: str, start: int, end: int) -> bool:
    """True when text[start:end] opens a parenthesis or bracket it does not close ("Name (ACR", "Name [ACR")."""
    return (text.count("(", start, end) > text.count(")", start, end)
            or text.count("[", start, end) > text.count("]", start, end))


def _title_case_line(text: str, at: int) -> bool:
    """True when the line holding `at` is a title-case headline (nearly every word capitalised)."""
    lo, hi = text.rfind("\n", 0, at) + 1, text.find("\n", at)
    words = _WORD_RE.findall(text, lo, hi if hi >= 0 else len(text))
    if len(words) < 4:
        return False
    return sum(w[0].isupper() for w in words) >= 0.8 * len(words)


@lru_cache(maxsize=64)
def _padded_key(text: str) -> str:
    """`text` as its lookup tokens between spaces, so that a cue's key is found only as whole words."""
    return f" {key_text(name_key(text))} "


@lru_cache(maxsize=1)
def _bundled_instance() -> ActorRegistry:
    """The bundled registry, built once per process (it is never mutated) and kept in the start-up
    cache (`model/cache.py`): parsing its YAML and JSON and indexing every name cost each cold start
    about a quarter of a second, reading it back a fifth of that."""
    return cached("actor-registry", bundled_key(), _build_bundled)


def bundled_key() -> str:
    """What the bundled registry is built from: its data files and the actors' and the model's code."""
    here = Path(__file__).resolve().parent
    return source_key([*sorted(DATA_DIR.iterdir()), *package_sources(here, here.parent / "model")])


def _build_bundled() -> ActorRegistry:
    entries, heads = load_registry(())
    return ActorRegistry(entries, heads)
