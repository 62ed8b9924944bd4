"""Every numeric option of every command: a value out of its range or no number at all is one coded
line on stderr and exit status 2, never a traceback (issue 17)."""

from __future__ import annotations

import typing

import pytest
import typer

from conflictlens.cli import app
from tests.cli.conftest import run

# (command, its other arguments, option, error code): every int or float option the command line has.
NUMERIC_OPTIONS = (
    (("events",), (), "--limit", "CL-E400"),
    (("search",), ("Kabul",), "--limit", "CL-E400"),
    (("export",), ("--format", "ndjson"), "--limit", "CL-E400"),
    (("incidents", "list"), (), "--limit", "CL-E400"),
    (("network",), ("--actor", "ISKP"), "--depth", "CL-E751"),  # the network's own code for its options
    (("forecast",), (), "--horizon", "CL-E933"),
    (("serve",), (), "--port", "CL-E400"),
    (("extract",), ("--input", "in.jsonl"), "--workers", "CL-E400"),
    (("evaluate", "satp"), ("satp.csv",), "--limit", "CL-E400"),
)
# An in-range port starts a server: tests/web/test_web_serve_cli.py runs it with uvicorn stubbed.
# A server, and a Dask cluster over a batch (tests/cli/test_cli_extract_distributed.py), are tried elsewhere.
# A run of `evaluate satp` needs a coded file: tests/test_evaluation_satp.py runs one.
IN_RANGE = tuple(o for o in NUMERIC_OPTIONS if o[0] not in (("serve",), ("extract",), ("evaluate", "satp")))
BAD_VALUES = (str(10**20), "-1", "abc", "")


def _numeric(annotation) -> bool:
    kinds = typing.get_args(annotation) or (annotation,)
    return any(k in (int, float) for k in kinds)


def _options(command, words=()):
    for name, sub in getattr(command, "commands", {}).items():
        yield from _options(sub, (*words, name))
    for param in command.params:
        if param.param_type_name == "option" and _numeric(param.type_descriptor.annotation):
            yield words, param.opts[0]


def test_the_list_names_every_numeric_option():
    found = set(_options(typer.main.get_command(app)))
    assert found == {(command, option) for command, _, option, _ in NUMERIC_OPTIONS}


@pytest.mark.parametrize("value", BAD_VALUES)
@pytest.mark.parametrize("command,args,option,code", NUMERIC_OPTIONS)
def test_a_bad_number_is_a_coded_error(pristine_demo, command, args, option, code, value):
    result = run("--db", pristine_demo, *command, *args, option, value)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"error {code} {option}: "), result.stderr
    assert "Traceback" not in result.output and result.stdout == ""


@pytest.mark.parametrize("command,args,option,code", NUMERIC_OPTIONS)
def test_the_error_says_which_values_are_allowed(pristine_demo, command, args, option, code):
    message = run("--db", pristine_demo, *command, *args, option, str(10**20)).stderr
    assert "whole number from" in message


@pytest.mark.parametrize("command,args,option,code", IN_RANGE)
def test_a_number_in_range_still_works(pristine_demo, command, args, option, code):
    result = run("--db", pristine_demo, "--quiet", *command, *args, option, "1")
    assert result.exit_code == 0, result.output
