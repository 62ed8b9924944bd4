"""Redaction of confidential sources: the one function every output path calls before printing.

A newsroom marks a document or a person as confidential. Whatever leaves the tool for publication
(printed events, `show`, search hits, extraction output, the attribution ledger, exports, API
responses) goes through `redact(value, policy)`:
- anything resting on a confidential document loses its text (evidence, sentences, snippets,
  titles, an event's summary) and its identity (URL, outlet, path, caller's id, a dataset row's
  id, who said it and through which channel); its ids are replaced by pseudonyms keyed with a
  per-database secret, so nobody holding the text can recompute them, wherever they appear: as a
  record's id, in a list of ids, inside a string (an analyst decision's detail, a resolver's
  reason); an event resting on one also loses its `extra`
  (dataset columns name sources and quote them: ACLED `source`, GTD `scite1`, UCDP
  `source_article`; the extractor's candidate actors are quotes with offsets);
- a confidential person's name is masked in every string, in every form (`name_forms`: the whole
  name, and each part that names them alone, such as the surname), in any case and with the
  joiners of URL slugs and query strings; a URL, outlet or other identity naming them is dropped;
  a statement made by them shows "confidential source" as its author;
- grades (reliability, credibility) and coded facts (dates, places, tolls, actors) stay. The
  summary goes although the extractor builds its own from those facts: an imported row's summary
  is the dataset's own text (ACLED notes, GTD summary), and the facts it would repeat stay anyway.

Pure: no state; the policy is built by the caller from the store. The one data file read (the
common words, `data/common_words.txt`) is bundled and cached.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import Any

from conflictlens.model.records import Document, Event
from conflictlens.model.text import fold

CONFIDENTIAL_SOURCE = "confidential source"
MASK = "[confidential source]"
MIN_NAME_LENGTH = 3  # a shorter "name" would mask ordinary words everywhere
MIN_PART_LENGTH = 4  # a part of a name this long or longer names the person alone, unless a common word

# Keys whose string value is text of the source itself.
_SOURCE_TEXT_KEYS = frozenset({"text", "sentence", "snippet", "evidence", "title", "summary"})
# Keys whose value identifies the source (a statement's channel tells how the newsroom heard it; a
# dataset row's id rebuilds its document id, model.ids being public).
_SOURCE_IDENTITY_KEYS = frozenset({"url", "outlet", "source_path", "external_id", "channel", "dataset_id"})
# Keys whose whole value rests on the source: an event's free-form extras.
_SOURCE_EXTRA_KEYS = frozenset({"extra"})
_ID_KEYS = ("id", "document_id", "event_id")
# An id as output prints it, alone or inside a string: doc_/evt_ and the rest of the word.
_ID_IN_TEXT = re.compile(r"(?<![0-9A-Za-z])(?:doc|evt)_[0-9A-Za-z]+")
_ID_PREFIXES = ("doc_", "evt_")
# Keys naming who made a statement (an attribution's `by`, a relation's `said_by`).
_AUTHOR_KEYS = frozenset({"by", "said_by"})
# Joiners a name may meet between its words: spaces, FTS snippet brackets, an ellipsis, hyphens, and
# those of URL slugs, file names and query strings (`_`, `+`, `.`, `%20`).
_NAME_GAP = r"(?:[\s\[\]\u2026_+.-]|%20)+"
_NAME_SPLIT = re.compile(r"(?:[\s_+.-]|%20)+")
# A name is bounded by anything but a letter: "noorzai_foundation" and "%20noorzai" name the person,
# "Noorzaiabad" does not.
_NOT_AFTER_LETTER, _NOT_BEFORE_LETTER = r"(?<![^\W\d_])", r"(?![^\W\d_])"
# A name written with other accents or another apostrophe is the same name ("Nāsiri", "O’Brien").
_APOSTROPHES = "'\u2019\u2018\u02bc`\u00b4"
_COMBINING_MARKS = "[\u0300-\u036f]*"
# Letters written with accents or in another form: Latin, Greek and Cyrillic with their extensions,
# and the "mathematical" alphabets (𝐀, 𝒜), which fold to plain letters.
_LETTER_RANGES = ((0x00C0, 0x024F), (0x0370, 0x03FF), (0x0400, 0x04FF), (0x1E00, 0x1EFF), (0x1F00, 0x1FFF),
                  (0x1D400, 0x1D7FF))


@dataclass(frozen=True)
class ConfidentialityPolicy:
    """What must not leave the tool: confidential document ids and person names.

    `secret` keys the pseudonyms of confidential ids; it lives in the database and never leaves it.
    `events` are the real ids of the events resting on confidential documents, which the policy
    cannot derive (an event id hashes its anchor's span): the caller reads them from the store.
    `document_test` marks more documents confidential by a test rather than a list (a caller's
    own marks, such as documents' `confidential` flags); it must be pure.
    """

    documents: frozenset[str] = frozenset()
    persons: tuple[str, ...] = ()
    secret: str = ""
    document_test: Callable[[str], bool] | None = field(default=None, compare=False)
    events: frozenset[str] = frozenset()
    _names: re.Pattern[str] | None = field(default=None, init=False, repr=False, compare=False)
    _query_names: re.Pattern[str] | None = field(default=None, init=False, repr=False, compare=False)
    _first_words: tuple[str, ...] = field(default=(), init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "documents", frozenset(self.documents))
        object.__setattr__(self, "persons", tuple(self.persons))
        object.__setattr__(self, "events", frozenset(self.events))
        forms = sorted({f for p in self.persons for f in name_forms(p)}, key=lambda f: len(" ".join(f)), reverse=True)
        object.__setattr__(self, "_names", _names_pattern(forms, stemmed=False))
        object.__setattr__(self, "_query_names", _names_pattern(forms, stemmed=True))
        object.__setattr__(self, "_first_words", tuple({fold_name(f[0]) for f in forms}))

    @property
    def empty(self) -> bool:
        return not self.documents and not self.events and not self.persons and self.document_test is None

    def is_confidential_document(self, document_id: object) -> bool:
        if not isinstance(document_id, str):
            return False
        return document_id in self.documents or (self.document_test is not None and self.document_test(document_id))

    def is_confidential_id(self, value: str) -> bool:
        """Is `value` the real id of a confidential event or document?"""
        return value in self.events or (value.startswith("doc_") and self.is_confidential_document(value))

    def hide_ids(self, text: str) -> str:
        """`text` with every real id of a confidential event or document in it replaced by its pseudonym."""
        if "_" not in text or ("evt_" not in text and "doc_" not in text):  # most strings: no pattern to run
            return text
        if text[:4] in _ID_PREFIXES and text[4:].isalnum() and text.isascii():  # a whole id: most of the rest
            return self.pseudonym(text) if self.is_confidential_id(text) else text
        return _ID_IN_TEXT.sub(lambda m: self._shown_id(m.group()), text)

    def _shown_id(self, value: str) -> str:
        return self.pseudonym(value) if self.is_confidential_id(value) else value

    def names_confidential_person(self, text: object) -> bool:
        return isinstance(text, str) and self._may_name(text) and self._names.search(text) is not None

    def mask_names(self, text: str) -> str:
        return self._names.sub(MASK, text) if self._may_name(text) else text

    def _may_name(self, text: str) -> bool:
        """Does `text` hold the first word of some form? Every match does, and this test is ten times
        cheaper than the pattern, which finds no literal to scan for (it is case-blind and bracketed)."""
        if self._names is None:
            return False
        folded = text.casefold() if text.isascii() else fold_name(text)
        return any(word in folded for word in self._first_words)

    def without_names(self, query: str) -> str:
        """A search query without its whitespace-separated terms that name a confidential person.

        The full-text index stems words ("Noorzais" finds "Noorzai"), so here each name word also
        matches with its last letter gone and any ending: a search never matches through the name.
        """
        if self._query_names is None:
            return query
        named = [m.span() for m in self._query_names.finditer(query)]
        terms = [t for t in re.finditer(r"\S+", query) if not any(s < t.end() and t.start() < e for s, e in named)]
        return " ".join(t.group() for t in terms)

    def pseudonym(self, real_id: str) -> str:
        """A stable stand-in for a confidential id, in the same format (doc_/evt_ + 16 hex)."""
        prefix, _, _rest = real_id.partition("_")
        digest = hmac.new(self.secret.encode(), real_id.encode(), hashlib.sha256).hexdigest()[:16]
        return f"{prefix or 'id'}_{digest}"


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Words that a name may contain but that name nobody alone (bundled data, one a line)."""
    text = resources.files("conflictlens.model").joinpath("data/common_words.txt").read_text(encoding="utf-8")
    return frozenset(w.strip().casefold() for w in text.splitlines() if w.strip() and not w.startswith("#"))


def name_forms(person: str) -> tuple[tuple[str, ...], ...]:
    """Every word sequence that names `person`: the whole name, and each part of it that names them
    alone (MIN_PART_LENGTH letters or more, and not a common word): "Zebratitle Noorzai" gives
    ("Zebratitle", "Noorzai"), ("Zebratitle",) and ("Noorzai",). The one definition of a name's forms."""
    words = tuple(w for w in _NAME_SPLIT.split(person.strip()) if w)
    if len(" ".join(words)) < MIN_NAME_LENGTH:
        return ()
    parts = [(w,) for w in words if len(w) >= MIN_PART_LENGTH and w.casefold() not in common_words()]
    return tuple(dict.fromkeys([words, *parts]))


def fold_name(text: str) -> str:
    """`text` folded (`model.text.fold`) and with one apostrophe: how a person's name is compared."""
    return "".join("'" if c in _APOSTROPHES else c for c in fold(text))


@lru_cache(maxsize=1)
def _letter_variants() -> dict[str, str]:
    """Each plain letter -> the letters that fold to it ("a" -> "àáâãäåā...", "α" -> "άἀᾀ...")."""
    variants: dict[str, list[str]] = {}
    for low, high in _LETTER_RANGES:
        for code in range(low, high + 1):
            base = fold_name(chr(code))
            if len(base) == 1 and base.isalpha() and base != chr(code):
                variants.setdefault(base, []).append(chr(code))
    return {base: "".join(chars) for base, chars in variants.items()}


def _loose(word: str) -> str:
    """A pattern for `word` that any accents, apostrophe styles and Unicode spellings of the same
    letter still match. The text is never normalised (spans must stay), so each letter takes every
    form it may be written in: as typed, composed, decomposed (any combining marks after it), plain."""
    out = []
    for char in word:
        if unicodedata.combining(char):
            continue  # every letter before it already takes any combining marks
        plain, composed = fold_name(char), unicodedata.normalize("NFC", char)
        if plain == "'":
            out.append("[" + re.escape(_APOSTROPHES) + "]")
        elif plain in _letter_variants():  # also a "mathematical" 𝐀 as written
            out.append("[" + plain + _letter_variants()[plain] + re.escape(char + composed) + "]" + _COMBINING_MARKS)
        elif plain != char.lower() or composed != char:  # "ß" is also "ss"; U+1F71 is also U+03AC
            forms = dict.fromkeys(f for f in (char, composed, plain) if f)
            out.append("(?:" + "|".join(map(re.escape, forms)) + ")" + _COMBINING_MARKS)
        else:
            out.append(re.escape(char))
    return "".join(out)


def _names_pattern(forms: list[tuple[str, ...]], stemmed: bool) -> re.Pattern[str] | None:
    """One pattern for all forms, longest first. `stemmed` (for search queries) lets each word lose
    its last letter and take any ending, as the full-text index's stemmer would. Accents and
    apostrophe styles never matter (`_loose`)."""
    if not forms:
        return None
    word = (lambda w: _loose(w[:-1] if len(w) > MIN_PART_LENGTH else w) + r"\w*") if stemmed else _loose
    alternatives = [r"\[?" + (r"\]?" + _NAME_GAP + r"\[?").join(map(word, f)) + r"\]?" for f in forms]
    end = "" if stemmed else _NOT_BEFORE_LETTER
    return re.compile(_NOT_AFTER_LETTER + r"(?:" + "|".join(alternatives) + r")" + end, re.IGNORECASE)


def redact(value: Any, policy: ConfidentialityPolicy) -> Any:
    """`value` as it may be published. Accepts an Event, a Document, or JSON-like data.

    JSON-like data (dicts, lists, strings) is walked: a dict whose `document_id` is confidential,
    and everything nested in it, is treated as resting on that document. Returns a new value;
    the input is never changed.
    """
    if policy.empty:
        return value
    if isinstance(value, Event):
        return Event.from_dict(_walk(value.to_dict(), policy, inherited=False))
    if isinstance(value, Document):
        return _redact_document(value, policy)
    return _walk(value, policy, inherited=False)


def _redact_document(doc: Document, policy: ConfidentialityPolicy) -> Document:
    if doc.confidential or policy.is_confidential_document(doc.id):
        return Document(id=policy.pseudonym(doc.id), text=MASK, published=doc.published, confidential=True)
    shown = {k: _public_string(k, v, policy) for k, v in doc.to_dict().items() if isinstance(v, str) and k != "id"}
    return replace(doc, **shown)


def _public_string(key: str, value: str, policy: ConfidentialityPolicy) -> str | None:
    """A string of a public record: names masked; an identity (a URL, a path) naming a confidential
    person is dropped whole, since a masked URL would be a broken link and still point at the page."""
    value = policy.hide_ids(value)
    if key in _SOURCE_IDENTITY_KEYS and policy.names_confidential_person(value):
        return None
    return policy.mask_names(value)


def _walk(value: Any, policy: ConfidentialityPolicy, inherited: bool) -> Any:
    if isinstance(value, dict):
        return _walk_dict(value, policy, inherited)
    if isinstance(value, (list, tuple)):
        return [_walk(v, policy, inherited) for v in value]
    if isinstance(value, str):
        return policy.mask_names(policy.hide_ids(value))
    return value


def _walk_dict(record: dict, policy: ConfidentialityPolicy, inherited: bool) -> dict:
    confidential = inherited or policy.is_confidential_document(record.get("document_id"))
    out: dict[str, Any] = {}
    for key, value in record.items():
        if confidential and key in _ID_KEYS and isinstance(value, str) and _looks_like_id(value):
            out[key] = policy.pseudonym(value)
        elif confidential and key in _SOURCE_TEXT_KEYS and isinstance(value, str):
            out[key] = MASK
        elif confidential and key in _SOURCE_IDENTITY_KEYS:
            out[key] = None
        elif confidential and key in _SOURCE_EXTRA_KEYS and isinstance(value, dict):
            out[key] = {}
        elif key in _AUTHOR_KEYS and isinstance(value, str) and (confidential or policy.names_confidential_person(value)):
            out[key] = CONFIDENTIAL_SOURCE
        elif isinstance(value, str):
            out[key] = _public_string(key, value, policy)
        elif confidential and key in ("start", "end") and isinstance(value, int):
            out[key] = 0  # offsets into a confidential text help rebuild it
        else:
            out[key] = _walk(value, policy, confidential)
    return out


def _looks_like_id(value: str) -> bool:
    return value.startswith(_ID_PREFIXES)
