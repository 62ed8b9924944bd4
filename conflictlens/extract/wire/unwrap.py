"""Hard-wrapped copy: wire text, e-mail and plain-text archives break their lines at a fixed width
(about 70 characters), inside sentences. Read as written, every line break looks like a sentence
break ("... who was kidnapped on 5" / "January, apparently by ELN guerrillas") and cue phrases that
run over a break ("threatened to" / "attack") are missed.

`unwrap` gives a copy of the same length in which the breaks inside a wrapped paragraph are spaces;
blank lines, short lines (headlines, list items, a paragraph's last line) and text that is not
hard-wrapped stay as they are; a short line that ends in a word no sentence ends in ("MAYOR OF")
runs on (`runs_on` in data/wire.json), and so does a short opening line that ends no sentence above a
wrapped line (`_cut_opening`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from statistics import median

from conflictlens.extract.patterns import compile_pattern
from conflictlens.extract.wire.furniture import find_dateline
from conflictlens.extract.lexicon import load_json

# Hard-wrapped text: at least this many lines that run on into the next, their typical length
# between these bounds (a report with one paragraph per line has lines of hundreds of characters).
MIN_WRAPPED_LINES = 3
WRAP_WIDTHS = (40, 100)
# A line at least this share of the typical width runs on; a shorter one ends where it ends.
RUNS_ON_SHARE = 0.75
# What ends a sentence or a quoted headline at the end of a line.
_ENDS_SENTENCE = re.compile(r"[.!?:;\"'’”)\]]$")


def wrap_width(text: str) -> int | None:
    """The width a hard-wrapped text is broken at, or None when it is not hard-wrapped."""
    lines = text.split("\n")
    running = [len(line.rstrip()) for line, after in zip(lines, lines[1:]) if line.strip() and after.strip()]
    if len(running) < MIN_WRAPPED_LINES:
        return None
    width = median(running)
    low, high = WRAP_WIDTHS
    if not low <= width <= high or max(running) > high * 1.2:
        return None
    return int(width)


@lru_cache(maxsize=1)
def _runs_on_ending() -> re.Pattern[str]:
    return compile_pattern(load_json("wire.json")["runs_on"], re.I)


def unwrap(text: str) -> str:
    """`text` with the line breaks inside its wrapped paragraphs read as spaces (same length)."""
    width = wrap_width(text)
    if width is None:
        return text
    lines = text.split("\n")
    ending = _runs_on_ending()
    opening = next((i for i, line in enumerate(lines) if line.strip()), -1)
    out = []
    for i, (line, after) in enumerate(zip(lines, lines[1:])):
        kept = line.rstrip()
        runs_on = bool(after.strip()) and (len(kept) >= RUNS_ON_SHARE * width or bool(ending.search(kept))
                                           or (i == opening and _cut_opening(kept, after, width)))
        out.append(line + (" " if runs_on else "\n"))
    out.append(lines[-1])
    return "".join(out)


def _cut_opening(opening: str, after: str, width: int) -> bool:
    """Whether a short opening line is the tail of a line whose head was cut off, and runs on. Wire
    archives strip the dateline off the first line ("SANTIAGO, 3 MAR 90 (RADIO) -- [TEXT] A FRENCH
    ENGINEER WAS KIDNAPPED TODAY BY THE MANUEL" keeps only its words after "[TEXT]"), so the lead
    sentence starts on a short line that ends no sentence, right above a wrapped line of the same
    paragraph. A headline ends no sentence either, but stands above a blank line or a dateline, or
    above a line that is itself short."""
    return (not _ENDS_SENTENCE.search(opening) and len(after.rstrip()) >= RUNS_ON_SHARE * width
            and find_dateline(after) is None)
