"""How much GTD typing depends on a coder's choice of words: rewrite each tune summary with one change of wording
that keeps its meaning ("shot and killed X" as "X was shot and killed by assailants", "the vehicle of X" as "X's
vehicle", "opened fire on" as "fired shots at") and count the rows whose target or attack type changes.

A type that changes under a paraphrase is decided by the wording, not by what happened: each such class is a
mechanism to fix, whatever the gold says. Only the tune part is read; summaries are rewritten in memory.

    python scripts/measure_gtd_paraphrase.py [--attack] [--show] [NAME ...]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from conflictlens.extract.gtd.attack_types import classify_gtd  # noqa: E402
from conflictlens.pipeline.dev_split import in_part  # noqa: E402

FILES = ("../shared/data/gtd/gtd_2021q1_afpak_dev.csv", "../shared/data/gtd/gtd_2021h1_global_dev_odd_ids.csv")
NOUN_PHRASE = r"((?:(?!\bin\b)[^,.;])+?)"


def _passive(m: re.Match[str]) -> str:
    phrase = m.group(2)
    be = "was" if re.match(r"(?:a|an|the|one)\b|[A-Z]", phrase) else "were"
    return f"{phrase[0].upper()}{phrase[1:]} {be} {m.group(1)} by assailants in "


# name: (pattern, replacement), applied to the summary without its date.
PARAPHRASES = {
    "passive": (rf"^Assailants (shot and killed|abducted|attacked) {NOUN_PHRASE} in ", _passive),
    "possessive": (r"\bthe (vehicle|car|house|residence|home) of ((?:a|an|the) )?([^,.;]+?)(?= in |[,.;])",
                   lambda m: f"{m.group(2) or ''}{m.group(3)}'s {m.group(1)}"),
    "fired shots at": (r"\bopened fire on\b", "fired shots at"),
    "fired on": (r"\bopened fire on\b", "fired on"),
    "gunned down": (r"\bshot and killed\b", "gunned down"),
    "exploded in": (r"\bdetonated in\b", "exploded in"),
    "at the gate of": (r"\b(detonated|exploded) (?:near|at|outside) ((?:a|an|the) )", r"\1 at the gate of \2"),
    "carried out an attack against": (r"\bAssailants attacked\b", "Assailants carried out an attack against"),
    "that was carrying": (r"\b(vehicles?|bus|minibus|van|car|truck|convoy) (carrying|transporting)\b",
                          r"\1 that was \2"),
    "planted under": (r"\battached to\b", "planted under"),
    "Afghan forces": (r"\bsecurity forces\b", "Afghan forces"),
    "bystanders": (r"\bcivilians\b", "bystanders"),
    "masjid": (r"\bmosque\b", "masjid"),
    "village elder": (r"\btribal elder", "village elder"),
    "died": (r"\bwas killed\b", "died"),
    "aimed at": (r"\btargeting\b", "aimed at"),
    "militants": (r"\b[Aa]ssailants\b", lambda m: "Militants" if m.group(0)[0] == "A" else "militants"),
}


def tune_summaries(path: str) -> list[tuple[str, str, dict]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if in_part(r["eventid"], "tune")]
    return [(r["eventid"], re.sub(r"^\s*\d\d/\d\d/\d{4}:\s*", "", r["summary"] or ""), r) for r in rows]


def measure(name: str, field: str, rows: list[tuple[str, str, dict]], show: bool) -> str:
    """'name: touched N, changed C (right -> wrong R, wrong -> right W)' for one paraphrase."""
    pattern, replacement = PARAPHRASES[name]
    gold_key = "targtype1_txt" if field == "target_type" else "attacktype1_txt"
    touched = changed = right_to_wrong = wrong_to_right = 0
    for eventid, summary, row in rows:
        rewritten = re.sub(pattern, replacement, summary)
        if rewritten == summary:
            continue
        touched += 1
        before, after = (getattr(classify_gtd(text), field) for text in (summary, rewritten))
        if before != after:
            changed += 1
            right_to_wrong += before == row[gold_key]
            wrong_to_right += after == row[gold_key]
            if show:
                print(f"   {eventid} {before} -> {after}: {rewritten[:160]}")
    return f"{name}: touched {touched}, changed {changed} (right -> wrong {right_to_wrong}, wrong -> right {wrong_to_right})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help=f"paraphrases to run (default all): {', '.join(PARAPHRASES)}")
    parser.add_argument("--attack", action="store_true", help="count attack types instead of target types")
    parser.add_argument("--show", action="store_true", help="print the rows whose type changed")
    args = parser.parse_args()
    rows = [row for path in FILES for row in tune_summaries(path)]
    field = "attack_type" if args.attack else "target_type"
    for name in args.names or PARAPHRASES:
        print(measure(name, field, rows, args.show))


if __name__ == "__main__":
    main()
