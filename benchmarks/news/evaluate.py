"""Real news articles through the path users run: `conflictlens extract FILE --published DATE --format json`.

Gold facts are coded by hand in `gold.json` (url, published date, slug and per main incident: date,
country, admin1, city, fatalities, injured, perpetrator, claimed). Article texts are never stored in
the repository: each is read from `<texts>/<slug>.txt` (default /work/newsdev) and an article whose
text is absent is skipped. Each gold incident is matched to one extracted event (date within a day,
and the same place or toll); a field's accuracy counts every gold incident that codes it, so a
missed incident is wrong on all its fields. The held-out part (fixed by `split_part(url)` when an
article was added) is printed first.

    python benchmarks/news/evaluate.py [--texts DIR] [--part held-out|tune|all] [--batch NAME] [--jobs N] [--show]

`--batch first` scores only the first 34 articles (no "added" key), `--batch NAME` only those whose
"added" is NAME; by default every article counts.

Admin1 and city are scored as the GTD scorer scores them (`conflictlens.evaluation.same_place`): the gold
province against the event's admin1, the gold town or district against the event's place or its district
(`admin2`), names compared without accents, punctuation and words such as "district" or "state", equal or
nearly so ("Kismayo" / "Kismayu"), or two names the gazetteer knows for one unit of the gold country
("Extreme-North" / "Far North", "Arbil" / "Erbil"). The gold names a district as the city where
the report names no town in it ("Lakki Marwat district"), and a record that answers "district X, no town" is
right there. The row "city (place only)" keeps the convention used up to session 16 (the place alone, one
name equal to or inside the other), and incidents are matched to events by that convention, so that no other
field moves with the scorer.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from conflictlens.evaluation import same_place
from conflictlens.evaluation.place_names import bundled_lookup

GOLD = Path(__file__).with_name("gold.json")
FIELDS = ("date", "country", "admin1", "city", "fatalities", "injured", "perpetrator", "claimed")
# The convention up to session 16: the place alone scored for city (also what matching uses).
PLACE_ONLY = "city (place only)"
_NOT_SCORED = "?"
_UNNAMED = {"", "unknown", "unidentified"}


def extract(path: Path, published: str) -> list[dict]:
    """The events `conflictlens extract` gives for one article (run as users run it)."""
    cmd = [sys.executable, "-m", "conflictlens.cli", "extract", str(path), "--published", published, "--format", "json"]
    done = subprocess.run(cmd, capture_output=True, text=True, env=os.environ)
    if done.returncode != 0:
        # a failed run gives the user nothing: scored as no events (every incident missed), and said
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        print(f"EXTRACT FAILED (exit {done.returncode}) on {path.name}: {last}", file=sys.stderr)
        return []
    return json.loads(done.stdout) if done.stdout.strip() else []


def _norm(value: object) -> str:
    # "Atlántico" and "Atlantico" name one department: accents are folded away
    folded = unicodedata.normalize("NFKD", str(value or ""))
    text = "".join(c for c in folded if not unicodedata.combining(c)).lower().replace("-", " ").replace("'", "")
    for word in (" province", " state", " governorate", " region"):
        text = text.replace(word, "")
    return " ".join(text.split())


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value[:10]) if value else None


def field_value(event: dict, field: str) -> object:
    field = "city" if field == PLACE_ONLY else field
    location = event.get("location") or {}
    if field == "date":
        return (event.get("date") or {}).get("start")
    if field in ("country", "admin1"):
        return location.get(field)
    if field == "city":
        return location.get("place")
    if field in ("fatalities", "injured"):
        return (event.get(field) or {}).get("best")
    return event.get(field)


def field_correct(gold: dict, event: dict | None, field: str) -> bool:
    if event is None:
        return False
    want, got = gold["city" if field == PLACE_ONLY else field], field_value(event, field)
    if field == "perpetrator":
        names = {_norm(n) for n in [want, *gold.get("perpetrator_aliases", [])] if n}
        # the registry's canonical name may be longer ("Islamic State of Iraq and the Levant (ISIL)")
        return any(n in _norm(got) for n in names) if names else _norm(got) in _UNNAMED
    if field == "city":
        district = (event.get("location") or {}).get("admin2")
        return _place_only(want, got) or same_place(want, got, district, field="city", country=gold.get("country"),
                                                     lookup=bundled_lookup(), within=gold.get("admin1"))
    if field == PLACE_ONLY:
        return _place_only(want, got)
    if field == "admin1":
        return same_place(want, got, field="admin1", country=gold.get("country"), lookup=bundled_lookup())
    return want == got


def _place_only(want: object, got: object) -> bool:
    return _norm(want) == _norm(got) or _norm(want) in _norm(got)


def scored(gold: dict, field: str) -> bool:
    field = "city" if field == PLACE_ONLY else field
    return gold.get(field) is not None and gold.get(field) != _NOT_SCORED


def _affinity(gold: dict, event: dict) -> int:
    """How well an event fits a gold incident: 0 when its date is over a day off."""
    want, got = _day(gold.get("date")), _day(field_value(event, "date"))
    if want and (got is None or abs((want - got).days) > 1):
        return 0
    same = [field_correct(gold, event, PLACE_ONLY if f == "city" else f)
            for f in ("admin1", "city", "fatalities", "injured") if scored(gold, f)]
    return 1 + sum(same) if any(same) or not same else 0


def match(incidents: list[dict], events: list[dict]) -> list[dict | None]:
    """Each gold incident's event (or None), greedily by affinity; an event serves one incident."""
    pairs = sorted(((_affinity(g, e), gi, ei) for gi, g in enumerate(incidents) for ei, e in enumerate(events)),
                   key=lambda p: (-p[0], p[1], p[2]))
    chosen: list[dict | None] = [None] * len(incidents)
    used: set[int] = set()
    for score, gi, ei in pairs:
        if score and chosen[gi] is None and ei not in used:
            chosen[gi] = events[ei]
            used.add(ei)
    return chosen


def tally(rows: list[tuple[dict, dict | None]]) -> dict[str, tuple[int, int]]:
    counts = {"found": (sum(e is not None for _g, e in rows), len(rows))}
    for field in (*FIELDS[:4], PLACE_ONLY, *FIELDS[4:]):
        coded = [(g, e) for g, e in rows if scored(g, "city" if field == PLACE_ONLY else field)]
        counts[field] = (sum(field_correct(g, e, field) for g, e in coded), len(coded))
    return counts


def report(part: str, rows: list[tuple[dict, dict | None]], extra: int, articles: int) -> str:
    counts = tally(rows)
    lines = [f"### Real news articles, {part} part ({articles} articles, {len(rows)} incidents, "
             f"{extra} events beyond the gold incidents)", "", "| field | score | correct | total |", "|---|---:|---:|---:|"]
    for field, (ok, total) in counts.items():
        lines.append(f"| {field} | {ok / total:.2f} | {ok} | {total} |" if total else f"| {field} | - | 0 | 0 |")
    return "\n".join(lines)


def _show(slug: str, incidents: list[dict], chosen: list[dict | None]) -> None:
    for gold, event in zip(incidents, chosen):
        wrong = [f"{f}: want {gold[f]!r} got {field_value(event, f) if event else None!r}"
                 for f in FIELDS if scored(gold, f) and not field_correct(gold, event, f)]
        if wrong:
            print(f"  {slug}: " + "; ".join(wrong), file=sys.stderr)


def in_batch(article: dict, batch: str | None) -> bool:
    """The first 34 articles carry no "added" key; later batches name themselves in it."""
    return batch is None or article.get("added", "first") == batch


def evaluate(texts: Path, parts: list[str], show: bool, batch: str | None = None, jobs: int = 1) -> str:
    """The report of each part; with articles of several batches, each batch's own report follows
    (from the same extraction: the held-out part is run once)."""
    articles = [a for a in json.loads(GOLD.read_text(encoding="utf-8"))["articles"] if in_batch(a, batch)]
    out = []
    for part in parts:
        scored_rows: dict[str, tuple[list, int, int]] = {}  # batch -> (rows, extra events, articles)
        present = [a for a in articles if a["part"] == part and (texts / f"{a['slug']}.txt").exists()]
        # one `conflictlens extract` process per article, `jobs` at a time (each loads the models anew)
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            extracted = pool.map(lambda a: extract(texts / f"{a['slug']}.txt", a["published"]), present)
        for article, events in zip(present, extracted):
            chosen = match(article["incidents"], events)
            rows, extra, seen = scored_rows.get(article.get("added", "first"), ([], 0, 0))
            scored_rows[article.get("added", "first")] = (rows + list(zip(article["incidents"], chosen)),
                                                          extra + len(events) - sum(e is not None for e in chosen), seen + 1)
            if show:
                _show(article["slug"], article["incidents"], chosen)
        everything = [r for rows, _e, _n in scored_rows.values() for r in rows]
        out.append(report(part, everything, sum(e for _r, e, _n in scored_rows.values()),
                          sum(n for _r, _e, n in scored_rows.values())))
        if len(scored_rows) > 1:
            out += [report(f"{part} ({name} batch)", *scored_rows[name]) for name in sorted(scored_rows)]
    return "\n\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--texts", type=Path, default=Path("/work/newsdev"))
    parser.add_argument("--part", choices=("held-out", "tune", "all"), default="all")
    parser.add_argument("--batch", help='score one batch of articles only: "first" or an "added" value')
    parser.add_argument("--show", action="store_true", help="print each wrong field (to stderr)")
    parser.add_argument("--jobs", type=int, default=1, help="extraction processes run at once")
    args = parser.parse_args()
    parts = ["held-out", "tune"] if args.part == "all" else [args.part]
    print(evaluate(args.texts, parts, args.show, args.batch, max(1, args.jobs)))


if __name__ == "__main__":
    main()
