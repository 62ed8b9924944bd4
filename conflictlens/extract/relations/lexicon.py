"""The relation cue lexicon (data/relation_cues.json), compiled once.

Patterns are written over a sentence whose actor mentions are masked as ACT<n>. The slots <A>, <B>
and <AB> expand to named groups that take one actor or a list of them; {V}, {GAP} and {W} are
shorthands for the words that may stand between an actor and its verb (see the file's _comment).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from conflictlens.extract.patterns import compile_pattern
from conflictlens.errors import ConflictLensError
from conflictlens.model.relations import DIMENSIONS, RELATION_KINDS, RELATION_STANCES, SUPPORT_KINDS
from conflictlens.model.vocab import with_speech_verbs

FLAGS = re.IGNORECASE
CUE_FILE = "data/relation_cues.json"
SLOT_NAMES = {"<A>": "a", "<B>": "b", "<AB>": "ab"}
_GAP = r"(?:(?!ACT\d)[^.;!?]){0,60}?"
_WORD = r"[\w'’-]+ "
_ACTIVE = "".join(rf"(?<!\b{aux} )" for aux in ("was", "were", "been", "being", "be", "is", "are"))
_LIST_SEPARATOR = r"(?:,| and|, and|,? as well as|,? along with) (?:the )?"


@dataclass(frozen=True)
class Pattern:
    regex: re.Pattern[str]
    leads_with_slot: bool  # the pattern opens with an actor slot (its list may be an object of the clause before)


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str
    patterns: tuple[Pattern, ...]
    trigger: re.Pattern[str] | None = None  # the rule is tried only on sentences this matches (speed)
    dimension: str | None = None
    support: str | None = None
    stance: str | None = None  # forced stance, e.g. "denied" for "X denied any links with Y"
    weight: float = 0.8
    target_is_parent: bool = False
    ends: bool = False


@dataclass(frozen=True)
class RelationCues:
    rules: tuple[Rule, ...]
    excluded_actor_types: frozenset[str]
    hedges: re.Pattern[str]
    hedge_after: re.Pattern[str]
    denials: re.Pattern[str]
    denial_after: re.Pattern[str]
    sayers: tuple[re.Pattern[str], ...]
    subject_breakers: re.Pattern[str]
    elided_subject: re.Pattern[str]
    coordination: re.Pattern[str]
    date_start: re.Pattern[str]
    date_end: re.Pattern[str]
    date_range_end: re.Pattern[str]
    bare_year: re.Pattern[str]


def _alternation(words: list[str]) -> str:
    """Longest first; "fighter" and "fighters" become "fighters?" (smaller patterns compile faster)."""
    unique = set(words)
    merged = {w for w in unique if not (w.endswith("s") and w[:-1] in unique)}
    # Words of one length alphabetically, not in a set's order: the same pattern in every process
    # (its compiled program is found in the start-up cache).
    forms = [re.escape(w) + ("s?" if w + "s" in unique else "") for w in sorted(merged, key=lambda w: (-len(w), w))]
    return "|".join(forms)


@dataclass(frozen=True)
class _Fragments:
    lead: str
    head: str
    adverbs: str
    object_verbs: str

    def slot(self, token: str, final: bool) -> str:
        repeat = "+" if token == "<AB>" else "*"
        # A list at the end of a pattern must not swallow the subject of the next clause
        # ("fought ACT1 and ACT2 claimed ..."): a further member followed by a verb is left out.
        guard = rf"(?!(?:['’]s)?(?: [a-z]+s)? (?:{self.object_verbs})\b)" if final and token != "<AB>" else ""
        # Head words ("fighters") are allowed after each member but spelled out once, after the
        # list: the alternation is long, and a pattern holding it once compiles much faster.
        member = r"ACT\d+(?: [a-z]+s)?"
        body = rf"ACT\d+(?:{_LIST_SEPARATOR}{member}{guard}){repeat}(?:(?:['’]s)? (?:{self.head})){{0,2}}"
        owner = r"(?:(?!ACT\d)[\w-]+['’]s )?"  # "Pakistan's ACT0"
        return rf"(?:(?:{self.lead}) ){{0,2}}{owner}(?P<{SLOT_NAMES[token]}>{body})"

    def verb_lead(self) -> str:
        # An apposition may stand between an actor and its verb ("ACT0, a wing of ACT1, has ...").
        apposition = (r"(?:, (?:an?|the|its|their|whose|which|who|once|now|long|formerly|previously|itself|themselves)"
                      r"\b[^,;]{1,70}?,)?")
        # So may a leader or a place: "ACT0 commanders led by Hafiz Saeed Khan", "ACT0 cells in Orakzai and Khyber".
        name = r"(?-i:[A-Z][\w'’-]*)(?: (?:(?-i:[A-Z][\w'’-]*)|al|bin|ul|ud|ur)){0,4}"
        qualifier = (rf"(?: (?:led|headed|commanded) by {name}"
                     rf"| (?:in|from|based in|across) {name}(?:(?:,| and) {name}){{0,3}})?,?")
        relative = r"(?:,? (?:which|who|that|whose (?:fighters|members|militants|commanders|men|leaders)))?"
        return rf"{apposition}{qualifier}{relative}(?: (?:{self.adverbs})){{0,5}}(?: \w+(?:ing|ed) (?:and|or))? "


def _expand(pattern: str, frags: _Fragments) -> str:
    out = pattern.replace("{V}", frags.verb_lead()).replace("{GAP}", _GAP).replace("{W}", _WORD)
    out = out.replace("{ACTIVE}", _ACTIVE)
    for token in ("<AB>", "<A>", "<B>"):
        if token in out:
            out = out.replace(token, frags.slot(token, final=out.rstrip().endswith(token)))
    return out


def _compile(text: str, where: str) -> re.Pattern[str]:
    try:
        return compile_pattern(text, FLAGS)
    except re.error as exc:
        raise ConflictLensError("CL-E752", f"a cue pattern does not compile ({exc}); fix it or reinstall "
                                "conflictlens", where) from exc


def _rule(raw: dict, frags: _Fragments, where: str) -> Rule:
    kind = raw.get("kind")
    if kind not in RELATION_KINDS or raw.get("dimension") not in (None, *DIMENSIONS) \
            or raw.get("support") not in (None, *SUPPORT_KINDS) or raw.get("stance") not in (None, *RELATION_STANCES):
        raise ConflictLensError("CL-E752", f"rule {raw.get('id')!r} has an unknown kind, dimension, support or "
                                "stance; use the names in conflictlens/model/relations.py", where)
    patterns = tuple(
        Pattern(_compile(_expand(p, frags), f"{where}: {raw.get('id')}"), p.startswith("<"))
        for p in raw.get("patterns") or ()
    )
    trigger = _compile(raw["trigger"], f"{where}: {raw.get('id')}") if raw.get("trigger") else None
    return Rule(id=str(raw["id"]), kind=kind, patterns=patterns, trigger=trigger, dimension=raw.get("dimension"),
                support=raw.get("support"), stance=raw.get("stance"), weight=float(raw.get("weight", 0.8)),
                target_is_parent=bool(raw.get("target_is_parent")), ends=bool(raw.get("ends")))


def _read(path: str | None) -> tuple[dict, str]:
    try:
        if path is None:
            return json.loads(resources.files("conflictlens.extract").joinpath(CUE_FILE).read_text("utf-8")), CUE_FILE
        with open(path, encoding="utf-8") as handle:
            return json.load(handle), path
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ConflictLensError("CL-E752", f"cannot read the relation cues ({exc}); fix the file or reinstall "
                                "conflictlens", path or CUE_FILE) from exc


@lru_cache(maxsize=2)
def excluded_actor_types(path: str | None = None) -> frozenset[str]:
    """The actor types that are never a party to a relation, read without compiling the cue patterns
    (which takes seconds: an import that only derives clashes never needs them)."""
    raw, _ = _read(path)
    return frozenset(raw.get("excluded_actor_types") or ())


@lru_cache(maxsize=2)
def relation_cues(path: str | None = None) -> RelationCues:
    """The bundled cue lexicon, or the one at `path` (same layout)."""
    raw, where = _read(path)
    try:
        frags = _Fragments(
            lead=_alternation(raw["lead_words"]), head=_alternation(raw["head_words"]),
            adverbs=_alternation(raw["adverbs"]), object_verbs=raw["object_verbs"],
        )
        roles = raw["date_roles"]
        return RelationCues(
            rules=tuple(_rule(r, frags, where) for r in raw["rules"]),
            excluded_actor_types=frozenset(raw.get("excluded_actor_types") or ()),
            hedges=_compile(raw["hedges"], where), hedge_after=_compile(raw["hedge_after"], where),
            denials=_compile(raw["denials"], where),
            denial_after=_compile(raw["denial_after"], where),
            sayers=tuple(_compile(with_speech_verbs(p), where) for p in raw["sayers"]),
            subject_breakers=_compile(raw["subject_breakers"], where),
            elided_subject=_compile(raw["elided_subject"]["subject"], where),
            coordination=_compile(raw["elided_subject"]["coordination"], where),
            date_start=_compile(roles["start"], where), date_end=_compile(roles["end"], where),
            date_range_end=_compile(roles["range_end"], where), bare_year=_compile(raw["bare_year"], where),
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise ConflictLensError("CL-E752", f"the relation cues lack a required entry ({exc}); fix the file or "
                                "reinstall conflictlens", where) from exc
