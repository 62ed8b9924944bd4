"""Compiled cue patterns kept in the start-up cache (extract/patterns.py): a pattern rebuilt from its
cached program finds what the pattern `re.compile` makes finds, with the same text, flags and groups
(its program is rewritten to be tried faster: extract/fast_program.py), a program this Python cannot
read falls back to compiling, and programs are written back."""

import os
import re
import subprocess
import sys
from array import array
from pathlib import Path

import pytest

from conflictlens.extract import patterns
from conflictlens.extract.casualties.rules import casualty_rules
from conflictlens.extract.dates.tables import tables
from conflictlens.extract.lexicon import event_cues, gtd_cues
from conflictlens.model import cache

SAMPLES = Path(__file__).resolve().parents[2] / "conflictlens" / "samples"
WRITTEN = [  # written for this test: groups, names, look-arounds, classes, flags
    (r"(?<![\w-])(?:suicide bomb(?:er|ing)s?|car bombs?)(?![\w])", re.IGNORECASE),
    (r"(?P<killed>\d+|one|two)\s+(?:people|civilians)\s+(?:were\s+)?killed", re.IGNORECASE),
    (r"^\s*[A-Z][A-Z ]+,\s+(?:Jan|Feb)\.? \d{1,2} \((?:Reuters|AFP)\)\s*[-–]", re.MULTILINE),
    (r"[.!?][\"'”’)]*\s+", 0),
    (r"(?i:\bclaimed\b).{0,40}?\bresponsibility\b", re.DOTALL),
]


TEXTS = ["A suicide bombing and two CAR BOMBS killed 12 civilians; 3 people were killed.",
         "KABUL, Jan. 5 (Reuters) - Gunmen claimed nothing. Car-bombs, ſuicide bomber, \u212aILLED.",
         "He said: “claimed\nresponsibility” - no one claimed responsibility for it."]


def same_as_re(pattern: str, flags: int, rebuilt: re.Pattern) -> None:
    """The rebuilt pattern answers as `re.compile`'s does: matches, groups, bounds, and what it is."""
    plain = re.compile(pattern, flags)
    assert (rebuilt.pattern, rebuilt.flags, rebuilt.groups, rebuilt.groupindex) == (
        plain.pattern, plain.flags, plain.groups, plain.groupindex)
    for text in TEXTS:
        assert [(m.span(), m.groups(), m.lastindex) for m in rebuilt.finditer(text)] == [
            (m.span(), m.groups(), m.lastindex) for m in plain.finditer(text)], pattern[:80]
        for start in range(0, len(text), 7):
            assert _found(rebuilt.search(text, start)) == _found(plain.search(text, start))
            assert _found(rebuilt.match(text, start)) == _found(plain.match(text, start))


def _found(match: re.Match | None):
    return None if match is None else (match.span(), match.groups())


def test_a_pattern_from_its_program_finds_what_re_compile_finds():
    for pattern, flags in WRITTEN:
        program = patterns._program(pattern, flags)
        same_as_re(pattern, flags, patterns._from_program(pattern, program))


def test_every_pattern_an_extraction_compiled_finds_what_re_compile_finds(extractor):
    from conflictlens.model.records import Document

    event_cues(), gtd_cues(), casualty_rules(), tables()
    for sample in sorted(SAMPLES.glob("*.txt")):
        extractor.extract(Document(id=sample.stem, text=sample.read_text(encoding="utf-8")))
    programs = patterns.compiled_programs()
    compiled = [key for key in programs.known if len(key) == 2]
    assert len(compiled) > 100
    for pattern, flags in compiled:
        same_as_re(pattern, flags, programs.pattern(pattern, flags))


def test_programs_survive_the_cache_and_a_bad_one_is_compiled_again(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ENV_CACHE_DIR, str(tmp_path))
    known = {(p, f): patterns._program(p, f) for p, f in WRITTEN}
    known[(r"\bambush(?:ed)?\b", 0)] = (0, array(patterns.CODE_TYPE, [1, 2, 3]), 0, {}, ())  # no valid program
    known[(r"\braid(?:ed)?\b", 0)] = ("not", "a", "program", "at", "all")
    assert cache.write_entry(patterns.CACHE_ENTRY, "k", known)
    found, read = cache.read_entry(patterns.CACHE_ENTRY, "k")
    assert found
    programs = patterns.CompiledPrograms("k", read)
    for pattern, flags in [*WRITTEN, (r"\bambush(?:ed)?\b", 0), (r"\braid(?:ed)?\b", 0)]:
        same_as_re(pattern, flags, programs.pattern(pattern, flags))


def test_a_bad_pattern_raises_as_re_compile_does():
    with pytest.raises(re.error):
        patterns.CompiledPrograms("k", {}).pattern(r"(unclosed", 0)


def test_anchors_are_cached_with_the_programs_none_included():
    programs = patterns.CompiledPrograms("k", {})
    assert programs.anchors(r"(?<!\w)(?:car bomb|suicide bomber)", re.I) == ("car bomb", "suicide bomber")
    assert programs.anchors(r"\d+", re.I) is None
    assert programs.known[(r"\d+", re.I, "anchors")] is None
    assert programs.anchors(r"\d+", re.I) is None


def test_a_new_process_writes_its_programs_and_the_next_reads_them(tmp_path):
    script = ("import re, sys\n"
              "from conflictlens.extract.patterns import compile_pattern, compiled_programs\n"
              "before = len(compiled_programs().known)\n"
              "found = compile_pattern(r'(?P<n>\\d+) (?:killed|dead)', re.I).search('3 KILLED')\n"
              "assert found.span() == (0, 8) and found.group('n') == '3'\n"
              "print(before)\n")
    env = {**os.environ, "CONFLICTLENS_CACHE_DIR": str(tmp_path)}
    first = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    second = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    assert (tmp_path / f"{patterns.CACHE_ENTRY}.cache").is_file()
    assert int(second.stdout) > int(first.stdout)  # the first run's programs were read back


def test_the_run_that_fills_the_cache_keeps_every_declared_cue_used_or_not(tmp_path):
    """A cue the first run never searched is in the cache for the next run; a report's own words are not."""
    script = ("import re\n"
              "from conflictlens.extract.patterns import LazyPattern, ReportPattern, compiled_programs\n"
              "unused = LazyPattern(r'(?<![\\w-])(?:mortar shells? landed)(?![\\w])', re.I)\n"
              "own = ReportPattern(r'Quxian Front', re.I)\n"
              "used = LazyPattern(r'(?P<n>\\d+) (?:killed|dead)', re.I)\n"
              "assert used.search('3 killed') and own.search('the quxian front')\n"
              "known = {k[0] for k in compiled_programs().known}\n"
              "print(compiled_programs().cold, unused.pattern in known, own.pattern in known)\n")
    env = {**os.environ, "CONFLICTLENS_CACHE_DIR": str(tmp_path)}
    runs = [subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
            for _ in range(2)]
    assert runs[0].stdout.split() == ["True", "False", "False"]  # cold: compiled only what it searched
    assert runs[1].stdout.split() == ["False", "True", "False"]  # the first run kept the unused cue at exit
