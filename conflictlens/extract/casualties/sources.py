"""Who a sentence says its figures come from: '..., Turkish officials said', 'The Britain-based Syrian
Observatory for Human Rights said ...', 'according to the state news agency'. Two sentences whose
sources share no naming word are two sources' figures for the victims (see totals._by_sentence).

Internal to the casualty parser; the convention is in the lexicon's ``_conventions`` (second_speaker).
"""

from __future__ import annotations

import re

from conflictlens.extract.casualties.rules import Rules

_WORD = re.compile(r"[\w-]+")
_BEFORE_WORDS = 6  # words of a source's name read before its reporting verb
_AFTER_CHARS = 60  # chars of a source's name read after 'according to' or an inverted ', said X'


def speaker(text: str, s: int, e: int, rules: Rules) -> frozenset[str]:
    """The naming words of the sentence text[s:e]'s source (its first reporting verb's), or none when it
    names no source, or only a pronoun or a generic one ('officials said', 'he told reporters')."""
    m = rules.speaker_verb.search(text, s, e)
    if m is None:
        return frozenset()
    verb = " ".join(m.group().lower().split())
    before = text[s:m.start()].rstrip()
    # "the Resistance Committee, a pro-democracy group, said": the apposition names the source
    chunks = [c for c in re.split(r"[,;:\"\u201c\u201d]", before) if c.strip()]
    if verb == "according to" or not chunks or before.endswith(("\"", "\u201d")):  # "..." said Ali Haji
        after = re.split(r"[,;.:\"\u201c\u201d]", text[m.end():min(e, m.end() + _AFTER_CHARS)])[0]
        return _naming(after, rules)
    return _naming(" ".join(chunks[-1].split()[-_BEFORE_WORDS:]), rules)


def _naming(words: str, rules: Rules) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(words.lower()) if w not in rules.sets["speaker_filler_words"])


def second_speaker(first: frozenset[str], later: frozenset[str]) -> bool:
    """Whether a later sentence's source is another than the first count's: both named, sharing fewer
    than half the words of the shorter name ('Syrian opposition activists' and 'the Britain-based Syrian
    Observatory for Human Rights' are two; 'the military' and 'the military's media wing' one)."""
    return bool(first) and bool(later) and 2 * len(first & later) < min(len(first), len(later))
