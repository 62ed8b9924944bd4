"""Relation extraction throughput against the actor registry's own scan, measured in the same run.

    python benchmarks/relation_throughput.py [--texts 2000] [--seed 7]

Relation extraction scans each report for actors (the baseline here) and then runs the cue lexicon
on sentences naming two or more of them. Prints reports/second for both and their ratio, plus the
one-off time to compile the cue lexicon. Texts are generated: a third state a relation, the rest
tell an incident or nothing.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from conflictlens.actors import ActorRegistry  # noqa: E402
from conflictlens.extract.relations.lexicon import relation_cues  # noqa: E402
from conflictlens.extract.relations.text import RelationExtractor  # noqa: E402
from conflictlens.model.ids import document_id  # noqa: E402
from conflictlens.model.records import Document  # noqa: E402

ACTORS = ["ISKP", "the Taliban", "the TTP", "Lashkar-e-Jhangvi", "al-Qaeda", "Jamaat-ul-Ahrar", "the Haqqani Network",
          "the BLA", "Hizb-ul-Ahrar", "the Islamic Movement of Uzbekistan"]
RELATIONS = [
    "{a} pledged allegiance to {b} in {y}, officials said.",
    "UN monitors said {a} and {b} carried out joint attacks in {p} since {y}.",
    "{a} has provided weapons to {b}, according to a report to the Security Council.",
    "Fighting between {a} and {b} has displaced families in {p}.",
    "{a}, a breakaway faction of {b}, claimed the attack.",
]
OTHER = [
    "A roadside bomb exploded in {p}, killing four civilians. {a} claimed responsibility.",
    "Gunmen opened fire on a police checkpoint in {p}, officials said, and {a} denied any role.",
    "Wheat prices in {p} rose for the third week, traders said, as the harvest was delayed.",
]
PLACES = ["Kunar", "Quetta", "Nangarhar", "Helmand", "North Waziristan", "Zabul"]


def texts(n: int, seed: int) -> list[Document]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        a, b = rng.sample(ACTORS, 2)
        template = rng.choice(RELATIONS if i % 3 == 0 else OTHER)
        text = template.format(a=a, b=b, p=rng.choice(PLACES), y=rng.randint(2014, 2021))
        text = text[0].upper() + text[1:] + f" (report {i})"
        out.append(Document(id=document_id(text), text=text, published="2021-06-10"))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--texts", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    docs = texts(args.texts, args.seed)
    registry = ActorRegistry.load()
    started = time.perf_counter()
    relation_cues()
    compile_s = time.perf_counter() - started
    extractor = RelationExtractor(registry)

    started = time.perf_counter()
    for doc in docs:
        registry.find_actors(doc.text, None, doc.published)
    scan_rate = len(docs) / (time.perf_counter() - started)

    started = time.perf_counter()
    found = sum(len(extractor.extract(doc)) for doc in docs)
    rate = len(docs) / (time.perf_counter() - started)
    print(f"cue lexicon compiled once in {compile_s:.2f} s")
    print(f"registry scan only:   {scan_rate:8.1f} reports/s")
    print(f"relation extraction:  {rate:8.1f} reports/s ({found} relations)")
    print(f"ratio (relations / scan): {rate / scan_rate:.2f}")


if __name__ == "__main__":
    main()
