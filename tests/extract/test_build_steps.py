"""Event building as declared field steps (extract/build.py): each step says what it reads and writes;
no step reads what no earlier step wrote, and each reads and writes only what it declares."""

from __future__ import annotations

from dataclasses import fields, replace

from conflictlens.extract import build
from conflictlens.model.ids import document_id
from conflictlens.model.records import Document, Event

# Parts of the record every step may touch: evidence is added beside the field it supports.
_SHARED = {"evidence", "add_evidence"}
REPORTS = (
    ("A suicide bomber struck a police station in Jalalabad, Nangarhar province, on Tuesday, killing five "
     "policemen and wounding seven civilians. The Islamic State claimed responsibility for the attack.", "2021-04-06"),
    ("Gunmen kidnapped a district official in Baghlan province on 3 March 2021. The Taliban denied any "
     "involvement, police said.", None),
    ("Hundreds of shopkeepers protested in Kabul on Sunday over rising prices.", "2021-02-14"),
)


def _known_names() -> set[str]:
    return {f.name for f in fields(Event)} | {f.name for f in fields(build.Draft)}


def test_no_step_reads_a_field_that_no_earlier_step_writes():
    written = set(build.INPUTS)
    for step in build.STEPS:
        assert set(step.requires) <= written, (step.name, set(step.requires) - written)
        written |= set(step.assigns)


def test_steps_declare_only_fields_that_exist_and_each_field_is_written():
    known = _known_names()
    for step in build.STEPS:
        assert set(step.requires + step.assigns) <= known, step.name
        assert step.assigns, step.name
    assigned = {name for step in build.STEPS for name in step.assigns}
    unassigned = {f.name for f in fields(Event)} - assigned - set(build.INPUTS) - {"dataset", "dataset_id", "evidence"}
    assert unassigned == set()


class _Recorder:
    """Forwards to an object and notes the attributes a step reads and writes."""

    def __init__(self, inner, reads: set[str], writes: set[str]) -> None:
        object.__setattr__(self, "_inner", inner)
        object.__setattr__(self, "_log", (reads, writes))

    def __getattr__(self, name):
        self._log[0].add(name)
        value = getattr(self._inner, name)
        return _Recorder(value, *self._log) if name == "event" else value

    def __setattr__(self, name, value) -> None:
        self._log[1].add(name)
        setattr(self._inner, name, value)


def test_each_step_reads_and_writes_only_what_it_declares(extractor, monkeypatch):
    seen: dict[str, tuple[set[str], set[str]]] = {}

    def recorded(step: build.FieldStep) -> build.FieldStep:
        def run(draft: build.Draft) -> None:
            reads, writes = seen.setdefault(step.name, (set(), set()))
            step.run(_Recorder(draft, reads, writes))
        return replace(step, run=run)

    monkeypatch.setattr(build, "STEPS", tuple(recorded(s) for s in build.STEPS))
    docs = [Document(id=document_id(text), text=text, published=day) for text, day in REPORTS]
    events = [e for _d, evs in extractor.extract_many(docs) for e in evs]
    assert len(events) >= 2 and set(seen) == {s.name for s in build.STEPS}
    inputs = set(build.INPUTS) | {"event", "dropped"}
    for step in build.STEPS:
        reads, writes = seen[step.name]
        allowed = set(step.requires) | set(step.assigns)
        assert reads - _SHARED - inputs <= allowed, (step.name, reads - _SHARED - inputs - allowed)
        assert writes - {"dropped"} <= set(step.assigns), (step.name, writes - set(step.assigns))
