"""A long report through `conflictlens extract FILE`, against a bare spaCy NER pass, measured in the same run.

    python benchmarks/long_report.py [--chars 2000000] [--attacks 40]

Writes a generated report (repeated paragraphs of a council session with `--attacks` attacks spread over
it) and runs, each in its own subprocess: (a) the CLI's `extract` on it, (b) the CLI's `extract` on a
one-paragraph report (the fixed cost of starting and loading reference data), and (c) the baseline:
`en_core_web_sm` with only its parser disabled over the same text, in pieces cut at paragraph breaks
(spaCy refuses a text over 1,000,000 characters at once). Prints wall seconds and peak RSS
(`resource.getrusage` in each subprocess), the events found, and checks every evidence span against
the text. Goal: peak RSS under 1 GB for 2,000,000 characters.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

FILLER = ("The provincial council in Kabul met again to discuss the budget for schools, roads and clinics. "
          "Members of the Taliban delegation and elders from Nangarhar asked for more teachers and for the "
          "wheat harvest to be bought at a fair price. The session was adjourned at noon.")
ATTACKS = (
    "A roadside bomb exploded in Ghazni on March {day}, 2021, killing {n} civilians and wounding four others.",
    "Gunmen opened fire on a police checkpoint in Kunduz on March {day}, 2021. {n} police officers were killed.",
    "The Taliban claimed responsibility for an attack on an army outpost in Helmand that left {n} soldiers dead.",
)
NER_PIECE_CHARS = 10_000  # the baseline's pieces, as the extractor's (extract/extractor.py)
NER_BATCH = 4


def make_report(chars: int, attacks: int) -> str:
    count = chars // (len(FILLER) + 2) + 1
    paragraphs = [FILLER] * count
    for i in range(attacks):
        template = ATTACKS[i % len(ATTACKS)]
        paragraphs[(i + 1) * count // (attacks + 1)] = template.format(day=i % 28 + 1, n=i % 9 + 2)
    short = chars - sum(len(p) + 2 for p in paragraphs)  # attacks are shorter than the filler
    paragraphs += [FILLER] * (max(short, 0) // (len(FILLER) + 2) + 1)
    return "Published: 2021-03-30\n\n" + "\n\n".join(paragraphs)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_extract(path: str, out: str) -> None:
    """Run the CLI's `extract FILE` in this process, its JSON to `out`; then report peak RSS."""
    from conflictlens.cli import app

    with open(out, "w", encoding="utf-8") as sink:
        stdout, sys.stdout = sys.stdout, sink
        try:
            app(["--db", str(Path(out).with_suffix(".db")), "extract", path], standalone_mode=False)
        finally:
            sys.stdout = stdout
    print(json.dumps({"rss_mb": peak_rss_mb()}))


def child_baseline(path: str) -> None:
    from conflictlens.extract.chunks import chunk_spans
    from conflictlens.extract.nlp import load_bare_ner

    text = Path(path).read_text(encoding="utf-8")
    nlp = load_bare_ner()
    pieces = (text[lo:hi] for lo, hi in chunk_spans(text, NER_PIECE_CHARS))
    entities = sum(len(doc.ents) for doc in nlp.pipe(pieces, batch_size=NER_BATCH))
    print(json.dumps({"rss_mb": peak_rss_mb(), "entities": entities}))


def run_child(*args: str) -> tuple[float, dict]:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, __file__, "--child", *args], cwd=REPO, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"child {args[0]} failed:\n{done.stderr[-3000:]}")
    return seconds, json.loads(done.stdout.strip().splitlines()[-1])


def check_events(out: Path, text: str) -> tuple[int, int]:
    """Events found, and evidence spans that do not match the text (should be 0)."""
    events = json.loads(out.read_text(encoding="utf-8"))
    spans = [ev for e in events for evs in e["evidence"].values() for ev in evs]
    return len(events), sum(text[ev["start"]: ev["end"]] != ev["text"] for ev in spans)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--chars", type=int, default=2_000_000)
    parser.add_argument("--attacks", type=int, default=40)
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        {"extract": child_extract, "baseline": child_baseline}[args.child[0]](*args.child[1:])
        return
    from conflictlens.ingest import read_text_argument

    with tempfile.TemporaryDirectory() as tmp:
        report, small = Path(tmp) / "long.txt", Path(tmp) / "small.txt"
        report.write_text(make_report(args.chars, args.attacks), encoding="utf-8")
        small.write_text("Published: 2021-03-30\n\n" + ATTACKS[0].format(day=2, n=3), encoding="utf-8")
        text = read_text_argument(report).text
        startup, startup_rss = run_child("extract", str(small), str(Path(tmp) / "small.json"))
        ours, ours_rss = run_child("extract", str(report), str(Path(tmp) / "long.json"))
        bare, bare_rss = run_child("baseline", str(report))
        events, wrong = check_events(Path(tmp) / "long.json", text)
    print(f"report: {len(text):,} characters, {args.attacks} attacks; events found: {events}; "
          f"evidence spans not matching the text: {wrong}")
    print(f"conflictlens extract FILE (long):      {ours:7.1f} s   peak RSS {ours_rss['rss_mb']:6.0f} MB")
    print(f"conflictlens extract FILE (1 paragraph): {startup:5.1f} s   peak RSS {startup_rss['rss_mb']:6.0f} MB")
    print(f"bare spaCy NER, {NER_PIECE_CHARS:,}-char pieces: {bare:7.1f} s   peak RSS {bare_rss['rss_mb']:6.0f} MB"
          f"   ({bare_rss['entities']} entities)")
    print(f"ratio extract / bare NER: {ours / bare:5.2f} (seconds)   goal: peak RSS < 1024 MB")


if __name__ == "__main__":
    main()
