"""Training a typing model from a user's licensed data (`conflictlens train typing`).

Reads GTD summaries (attack and target types) or ACLED notes (sub-event types) in place, asks the
rules (the extractor without a model) how they type each row, so cross-validation can pick how the
two combine, and writes the model as JSON. Nothing of the data itself is kept but the learned
weights and the vocabulary of features.
"""

from __future__ import annotations

import csv
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from conflictlens.errors import ConflictLensError
from conflictlens.pipeline.dev_split import check_part, in_part
from conflictlens.extract.extractor import Extractor
from conflictlens.extract.build import VIOLENT_TYPES
from conflictlens.extract.learned.model import TFIDF
from conflictlens.extract.learned.train import (
    RelevanceRow, TrainingRow, check_features, train_relevance_model, train_typing_model,
)
from conflictlens.model.ids import document_id
from conflictlens.model.records import Document, Event

ENV_TYPING_MODEL = "CONFLICTLENS_TYPING_MODEL"
ENV_RELEVANCE_MODEL = "CONFLICTLENS_RELEVANCE_MODEL"


@dataclass(frozen=True)
class TrainingFormat:
    """Where a dataset keeps a row's id, its text, and the gold label of each head."""

    id_column: str
    text_column: str
    heads: dict[str, tuple[str, ...]]  # head field -> its column (the first of these the file has)


TRAINING_FORMATS = {
    "gtd": TrainingFormat("eventid", "summary", {"attack_type": ("attacktype1_txt",),
                                                 "target_type": ("targtype1_txt",)}),
    # ACLED's 2023+ exports may name the column sub_event_type_decoded.
    "acled": TrainingFormat("event_id_cnty", "notes", {"sub_event_type": ("sub_event_type", "sub_event_type_decoded")}),
}


def typing_model_path(option: str | Path | None) -> str | None:
    """The typing model to use: the --typing-model option, else $CONFLICTLENS_TYPING_MODEL, else none."""
    return _model_path(option, ENV_TYPING_MODEL)


def relevance_model_path(option: str | Path | None) -> str | None:
    """The relevance gate to use: the --relevance-model option, else $CONFLICTLENS_RELEVANCE_MODEL, else none."""
    return _model_path(option, ENV_RELEVANCE_MODEL)


def _model_path(option: str | Path | None, env_var: str) -> str | None:
    chosen = option or os.environ.get(env_var) or None
    return str(chosen) if chosen else None


def training_format(name: str) -> TrainingFormat:
    if name not in TRAINING_FORMATS:
        raise ConflictLensError("CL-E777", f"unknown training format {name!r}; use one of "
                                f"{', '.join(TRAINING_FORMATS)}", "--format")
    return TRAINING_FORMATS[name]


def train_typing(path: str, fmt: str, part: str, output: str, extractor: Extractor,
                 on_row: Callable[[object], None] | None = None, features: str = TFIDF) -> dict:
    """Train on the rows of `part` of a GTD or ACLED CSV file and write the model to `output`;
    `features`: tfidf, embeddings or both (checked before the rules read any row)."""
    layout, part = training_format(fmt), check_part(part)
    check_features(features)
    rows = read_training_rows(path, layout, part)
    rows = with_rule_labels(rows, layout, extractor, on_row)
    training = {"file": Path(path).name, "format": fmt, "part": part}
    model = train_typing_model(rows, tuple(layout.heads), training, features=features)
    write_model(model, output)
    return model


def train_relevance(paths: list[str], fmt: str, part: str, output: str, extractor: Extractor,
                    on_row: Callable[[object], None] | None = None, features: str = TFIDF) -> dict:
    """Train a relevance gate on the labelled reports of `part` of muc4, case, satp or jsonl files
    and write it to `output`; `features`: tfidf, embeddings or both."""
    from conflictlens.pipeline.labelled_reports import labelled_reports

    check_part(part)
    check_features(features)
    reports = [report for path in paths for report in labelled_reports(path, fmt, part)]
    source = ", ".join(Path(p).name for p in paths)
    rows = [RelevanceRow(text, relevant, rules_act)
            for (text, relevant), rules_act in zip(reports, rules_find_acts(reports, extractor, source, on_row))]
    model = train_relevance_model(rows, {"file": source, "format": fmt, "part": part}, features=features)
    write_model(model, output)
    return model


def rules_find_acts(reports: list[tuple[str, bool]], extractor: Extractor, source: str,
                    on_row: Callable[[object], None] | None = None) -> Iterator[bool]:
    """Whether the rules give each report a political-violence event, through `extract --input`'s path."""
    from conflictlens.pipeline.extraction import extracted_events

    for _id, events in extracted_events(((str(i), text) for i, (text, _r) in enumerate(reports)), extractor, source):
        if on_row:
            on_row(events)
        yield any(e.get("event_type") in VIOLENT_TYPES for e in events)


def read_training_rows(path: str, layout: TrainingFormat, part: str) -> list[TrainingRow]:
    if not Path(path).is_file():
        raise ConflictLensError("CL-E100", "training file not found; pass the path of a CSV export", path)
    with open(path, encoding="utf-8-sig", errors="replace", newline="") as fh:
        reader = csv.DictReader(fh)
        columns = _label_columns(layout, reader.fieldnames or (), path)
        try:
            return [TrainingRow(row[layout.text_column], {h: (row[c] or "").strip() for h, c in columns.items()})
                    for row in reader if (row[layout.text_column] or "").strip()
                    and in_part(row[layout.id_column] or "", part)]
        except csv.Error as exc:
            raise ConflictLensError("CL-E109", f"the CSV cannot be read ({exc}); export it again", path) from None


def _label_columns(layout: TrainingFormat, header: Iterable[str], path: str) -> dict[str, str]:
    """Each head's column in this file; a missing column is a coded error naming it."""
    header = set(header)
    columns = {h: next((c for c in names if c in header), names[0]) for h, names in layout.heads.items()}
    missing = {layout.id_column, layout.text_column, *columns.values()} - header
    if missing:
        raise ConflictLensError("CL-E774", f"no column {', '.join(sorted(missing))}; is this the right --format?",
                                path)
    return columns


def with_rule_labels(rows: list[TrainingRow], layout: TrainingFormat, extractor: Extractor,
                     on_row: Callable[[object], None] | None = None) -> list[TrainingRow]:
    """Each row with the labels the rules give it through the extract path (the first event's)."""
    docs = (Document(id=document_id(r.text), text=r.text) for r in rows)
    labelled = []
    for row, (_doc, events) in zip(rows, extractor.extract_many(docs)):
        labelled.append(TrainingRow(row.text, row.labels, {h: _rule_label(events, h) for h in layout.heads}))
        if on_row:
            on_row(row)
    return labelled


def _rule_label(events: list[Event], head: str) -> str | None:
    return getattr(events[0], head) if events else None


def write_model(model: dict, output: str) -> None:
    try:
        with open(output, "w", encoding="utf-8") as fh:
            json.dump(model, fh, ensure_ascii=False, separators=(",", ":"))
    except OSError as exc:
        raise ConflictLensError("CL-E776", f"cannot write the model ({exc.strerror}); choose another -o path",
                                output) from None
