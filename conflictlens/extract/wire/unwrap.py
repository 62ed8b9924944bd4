"""Hard-wrapped copy: wire text, e-mail and plain-text archives break their lines at a fixed width
(about 70 characters), inside sentences. Read as written, every line break looks like a sentence
break ("... who was kidnapped on 5" / "January, apparently by ELN guerrillas") and cue phrases that
run over a break ("threatened to" / "attack") are missed.

`unwrap` gives a copy of the same length in which the breaks inside a wrapped paragraph are spaces;
blank lines, short lines (headlines, list items, a paragraph's last line) and text that is not
hard-wrapped stay as they are; a short line that ends in a word no sentence ends in ("MAYOR OF")
runs on (`runs_on` in data/wire.json).
"""

from __future__ import annotations

import re
from functools import lru_cache
from statistics import median

from conflictlens.extract.patterns import compile_pattern
from conflictlens.extract.lexicon import load_json

# Hard-wrapped text: at least this many lines that run on into the next, their typical length
# between these bounds (a report with one paragraph per line has lines of hundreds of characters).
MIN_WRAPPED_LINES = 3
WRAP_WIDTHS = (40, 100)
# A line at least this share of the typical width runs on; a shorter one ends where it ends.
RUNS_ON_SHARE = 0.75


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
    out = []
    for line, after in zip(lines, lines[1:]):
        kept = line.rstrip()
        runs_on = bool(after.strip()) and (len(kept) >= RUNS_ON_SHARE * width or bool(ending.search(kept)))
        out.append(line + (" " if runs_on else "\n"))
    out.append(lines[-1])
    return "".join(out)
