"""Lines of a web page that link to other stories: their tolls are no incident's of the report.

A page's text often ends in (or is broken by) lists of other stories' headlines: 'Related Articles',
'Latest news', 'Go to video' over a headline, a bare video length ('01:20'), or an inline 'Read also:
Gunmen kill 51 villagers'. A headline under such a marker ('Cyclone returns, over 100 killed') tells
another story's dead. The markers are the lexicon's ``link_block_markers`` and ``link_inline_markers``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from conflictlens.extract.casualties.rules import Span, casualty_rules
from conflictlens.extract.casualties.wording import alternation
from conflictlens.extract.patterns import compile_pattern

_LINE = re.compile(r"[^\n]+")
_MARKER_CHARS = 40  # a marker line is short ('RELATED ARTICLESMORE FROM AUTHOR')
_HEADLINE_CHARS = 200
_SENTENCE_END = ('.', '!', '?', '"', '\u201d', ':')


@lru_cache(maxsize=1)
def _markers() -> tuple[re.Pattern[str], re.Pattern[str]]:
    lex = casualty_rules().lex
    block = compile_pattern(rf"(?:{alternation(lex['link_block_markers'])})(?![a-z])|\d{{1,2}}:\d\d$", re.IGNORECASE)
    inline = compile_pattern(rf"(?:{alternation(lex['link_inline_markers'])})\s*[:\u2013\u2014-]", re.IGNORECASE)
    return block, inline


def _headline_like(line: str) -> bool:
    return len(line) <= _HEADLINE_CHARS and not line.endswith(_SENTENCE_END)


@lru_cache(maxsize=8)
def link_lines(text: str) -> tuple[Span, ...]:
    """The spans of lines that link to other stories: an inline link, and the headline-like lines (short,
    ending no sentence) under a block marker below the story's first sentence, up to the first line that
    ends a sentence."""
    block, inline = _markers()
    spans: list[Span] = []
    listing = told = False  # told: a sentence of the story came before (a marker above it heads the page)
    for m in _LINE.finditer(text):
        line = m.group().strip()
        if not line:
            continue
        if told and len(line) <= _MARKER_CHARS and block.match(line):
            listing = True
        elif inline.match(line):
            spans.append(m.span())
        elif listing and _headline_like(line):
            spans.append(m.span())
        else:
            listing, told = False, told or line.endswith(_SENTENCE_END)
    return tuple(spans)


def in_links(links: tuple[Span, ...], s: int, e: int) -> bool:
    """Whether the sentence (s, e) lies in a link line."""
    return any(a <= s and e <= b + 1 for a, b in links)

