"""Event ids in tables are never cut off, and every command taking an event id accepts any unique
start of it (issue 17)."""

from __future__ import annotations

import json
import re

import pytest

from tests.cli.conftest import run

ID = re.compile(r"evt_[0-9a-f]{16}")
CUT_ID = re.compile(r"evt_[0-9a-f]{0,15}(?![0-9a-f])")


def listed(db, *args):
    result = run("--db", db, "events", "--format", "ndjson", *args)
    return [json.loads(line) for line in result.stdout.splitlines()]


def unique_prefix(event_id, ids, length=9):
    prefix = event_id[:length]
    assert [i for i in ids if i.startswith(prefix)] == [event_id]
    return prefix


@pytest.mark.parametrize("width", [60, 80, 100])
def test_the_events_table_shows_every_id_whole(pristine_demo, width):
    ids = [e["id"] for e in listed(pristine_demo)]
    table = run("--db", pristine_demo, "events", env={"COLUMNS": str(width)}).stdout
    assert not CUT_ID.search(table)
    assert ID.findall(table) == ids


def test_the_demo_table_shows_every_id_whole(demo_copy):
    result = run("--db", demo_copy, "demo", env={"COLUMNS": "80"})
    shown = ID.findall(result.stdout)
    assert not CUT_ID.search(result.stdout)
    assert len(shown) >= 10 and set(shown) <= {e["id"] for e in listed(demo_copy)}


@pytest.mark.parametrize("command", [("show", "ID"), ("show", "ID", "--format", "json"), ("attribution", "ID"),
                                     ("why", "ID", "--format", "json"), ("incidents", "show", "ID")])
def test_a_unique_prefix_names_the_event(pristine_demo, command):
    ids = [e["id"] for e in listed(pristine_demo)]
    event_id = ids[3]
    whole = run("--db", pristine_demo, *(event_id if w == "ID" else w for w in command))
    by_prefix = run("--db", pristine_demo, *(unique_prefix(event_id, ids) if w == "ID" else w for w in command))
    assert whole.exit_code == 0, whole.output
    assert by_prefix.exit_code == 0, by_prefix.output
    assert by_prefix.stdout == whole.stdout


def test_a_prefix_copied_with_its_ellipsis_still_works(pristine_demo):
    ids = [e["id"] for e in listed(pristine_demo)]
    result = run("--db", pristine_demo, "show", unique_prefix(ids[0], ids) + "…", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["id"] == ids[0]


def test_merge_and_split_take_prefixes(demo_copy):
    ids = [e["id"] for e in listed(demo_copy)]
    first, second = unique_prefix(ids[0], ids), unique_prefix(ids[1], ids)
    merged = run("--db", demo_copy, "merge", first, second, "--reason", "one attack", "--analyst", "ana")
    assert merged.exit_code == 0, merged.output
    assert sorted(json.loads(merged.stdout)["events"]) == sorted(ids[:2])
    split = run("--db", demo_copy, "split", second, "--reason", "two attacks", "--analyst", "ana")
    assert split.exit_code == 0, split.output
    assert json.loads(split.stdout)["events"] == [ids[1]]


def test_an_ambiguous_prefix_is_a_coded_error_naming_the_candidates(pristine_demo):
    ids = [e["id"] for e in listed(pristine_demo)]
    prefix = next(i[:5] for i in ids if sum(j.startswith(i[:5]) for j in ids) > 1)
    for command in (("show",), ("attribution",), ("why",), ("split", "--reason", "r", "--analyst", "a")):
        result = run("--db", pristine_demo, command[0], prefix, *command[1:])
        assert result.exit_code == 2 and result.stdout == ""
        assert result.stderr.startswith(f"error CL-E401 {prefix}: "), result.stderr
        assert set(ID.findall(result.stderr)) == {i for i in ids if i.startswith(prefix)}


def test_a_prefix_of_nothing_is_event_not_found(pristine_demo):
    result = run("--db", pristine_demo, "show", "evt_zzz")
    assert result.exit_code == 2 and "CL-E202" in result.stderr


def test_confidential_events_are_found_by_their_pseudonym_and_its_prefix(demo_copy):
    before = listed(demo_copy)
    document = before[0]["document_id"]
    assert run("--db", demo_copy, "confidential", "add", "--document", document).exit_code == 0
    after = listed(demo_copy)
    hidden = {e["id"] for e in before} - {e["id"] for e in after}
    pseudonyms = [e["id"] for e in after if e["id"] not in {b["id"] for b in before}]
    assert hidden and pseudonyms
    ids = [e["id"] for e in after]
    for pseudonym in pseudonyms:
        for given in (pseudonym, unique_prefix(pseudonym, ids)):
            shown = run("--db", demo_copy, "show", given, "--format", "json")
            assert shown.exit_code == 0, shown.output
            assert json.loads(shown.stdout)["id"] == pseudonym
    everything = run("--db", demo_copy, "show", "evt_").stderr
    assert "CL-E401" in everything and not hidden & set(ID.findall(everything))
