"""Sentences: split a report into sentence spans, without splitting after titles such as 'Col.' or initials."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from conflictlens.extract.patterns import compile_pattern

_BOUNDARY = compile_pattern(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n\s*\n|\n(?=\s*[A-Z\"“-])")
_LAST_WORD = compile_pattern(r"([\w.]+)[.!?][\"'”’)]*\s*$")


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    raw = resources.files("conflictlens.extract").joinpath("data/abbreviations.txt").read_text("utf-8")
    return frozenset(w.strip().lower() for w in raw.splitlines() if w.strip() and not w.startswith("#"))


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans, without splitting after titles such as 'Col.' or initials."""
    spans, start = [], 0
    abbreviations = _abbreviations()
    for m in _BOUNDARY.finditer(text):
        head = text[start: m.start()]
        last = _LAST_WORD.search(head)
        if last and "\n" not in m.group(0):
            word = last.group(1).lower().rstrip(".")
            if word in abbreviations or (len(word) == 1 and word.isalpha()):
                continue
        _append(spans, text, start, m.start())
        start = m.end()
    _append(spans, text, start, len(text))
    return spans


def _append(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
