"""Extraction throughput against a bare spaCy NER pass, measured in the same run.

    python benchmarks/extract_throughput.py [--texts 1000] [--seed 7]

Prints texts/second for (a) batch extraction with conflictlens and (b) `en_core_web_sm` with only
its parser disabled, over the same generated texts, and their ratio (goal: >= 0.7). Then it checks
that memory stays flat when the batch grows: peak RSS after 1x and 4x the texts.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from conflictlens import pipeline  # noqa: E402
from conflictlens.extract.nlp import load_bare_ner  # noqa: E402
from conflictlens.model.ids import document_id  # noqa: E402
from conflictlens.model.records import Document  # noqa: E402

PLACES = ["Kabul", "Kandahar", "Jalalabad, Nangarhar", "Ghazni", "Kunduz", "Lashkar Gah, Helmand", "Quetta, Balochistan",
          "Peshawar, Khyber Pakhtunkhwa", "Mir Ali, North Waziristan", "Herat", "Faryab", "Dasht-e-Barchi, Kabul"]
EVENTS = [
    "A roadside bomb exploded in {p} on {d}, killing {n} civilians and wounding {m} others.",
    "Gunmen opened fire on a police checkpoint in {p} on {d}. {n} police officers were killed.",
    "The Taliban claimed responsibility for an attack on an army outpost in {p} that left {n} soldiers dead.",
    "Police arrested {n} suspects in {p} on {d} in connection with the bombing.",
    "Hundreds of people protested peacefully in {p} on {d} against the killing of a tribal elder.",
    "No group claimed responsibility; however, officials blamed the Islamic State Khorasan Province.",
    "An airstrike in {p} killed {n} militants, the defence ministry said.",
]
BACKGROUND = [
    "The provincial council met on {d} to discuss the budget for schools and roads in {p}.",
    "Wheat prices in {p} rose for the third week, traders said, as the harvest was delayed by drought.",
    "The cricket board announced the squad for the upcoming series, with two new fast bowlers.",
    "Officials inaugurated a new water project that will serve about {n} families in {p}.",
    "The university in {p} reopened after the winter break with more female students enrolled.",
]
DAYS = ["Monday", "Tuesday", "March 3", "January 12, 2021", "Friday night", "the previous day"]


def make_texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        pool = EVENTS if rng.random() < 0.5 else BACKGROUND
        sentences = [rng.choice(pool if rng.random() < 0.8 else BACKGROUND) for _ in range(rng.randint(4, 10))]
        fill = dict(p=rng.choice(PLACES), d=rng.choice(DAYS), n=rng.randint(1, 30), m=rng.randint(0, 40))
        texts.append(" ".join(s.format(**fill) for s in sentences))
    return texts


def bare_ner(texts: list[str]) -> float:
    nlp = load_bare_ner()
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    return len(texts) / (time.perf_counter() - start)


def extraction(texts: list[str]) -> tuple[float, int]:
    extractor = pipeline.build_extractor()
    docs = [Document(id=document_id(t), text=t, published="2021-03-10") for t in texts]
    start = time.perf_counter()
    events = sum(len(evs) for _d, evs in extractor.extract_many(docs))
    return len(texts) / (time.perf_counter() - start), events


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def streaming_memory(texts: list[str]) -> list[float]:
    """Peak RSS after streaming the batch once, then four times as many lines."""
    extractor = pipeline.build_extractor()
    peaks = []
    for factor in (1, 4):
        lines = ('{"id": %d, "text": %s}' % (i, __import__("json").dumps(t)) for i, t in enumerate(texts * factor))
        for _record in pipeline.extract_batch(lines, "bench", extractor, lambda e: None):
            pass
        peaks.append(peak_rss_mb())
    return peaks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--texts", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    texts = make_texts(args.texts, args.seed)
    pipeline.build_extractor()  # load models and reference data outside the timed part
    load_bare_ner()
    ner_rate = bare_ner(texts)
    ours, events = extraction(texts)
    print(f"texts: {len(texts)}, events extracted: {events}")
    print(f"bare spaCy NER (parser off): {ner_rate:8.1f} texts/s")
    print(f"conflictlens extraction:     {ours:8.1f} texts/s")
    print(f"ratio extraction / bare NER: {ours / ner_rate:8.2f}   (goal >= 0.70)")
    one, four = streaming_memory(texts)
    print(f"peak RSS after streaming {len(texts)} lines: {one:.0f} MB; after {4 * len(texts)} more: {four:.0f} MB "
          f"(growth {four - one:+.0f} MB)")


if __name__ == "__main__":
    main()
