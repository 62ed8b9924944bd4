"""How commands describe their values in --help: the way users type them.

typer labels every value with its Python type (`<bool>` after a flag, `<str>`, `<list[Path]>`).
Users type words, paths and numbers, and a flag takes no value at all. Every group and command of
the app is built from the classes here (`App` makes them the default), which label values by kind
from the table below, show flags bare, and show arguments by their name alone (PATHS, QUERY).
"""

from __future__ import annotations

import typing
from pathlib import Path
from typing import Any

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup

# The label help shows after an option taking a value of this type (a list: one value per use).
VALUE_LABELS: dict[Any, str] = {str: "TEXT", Path: "PATH", int: "N", float: "NUMBER"}


class _NamedArgument(TyperArgument):
    """An argument shown by its name alone: the name (PATHS, EVENT_ID) says what to type."""

    def display_type_rich(self, ctx: Any) -> str | None:
        return None


def _value_label(annotation: Any) -> str | None:
    element = (typing.get_args(annotation) or (annotation,))[0] if typing.get_origin(annotation) is list else annotation
    return VALUE_LABELS.get(element)


def _plain(param: Any) -> None:
    """Relabel one parameter in place (an explicit metavar, such as N, is kept)."""
    if param.param_type_name == "argument":
        # typer offers no setting for an argument's type label; its class decides how it is shown.
        param.__class__ = _NamedArgument
        param.metavar = param.metavar or param.name.upper()
    elif getattr(param, "is_flag", False):
        param.metavar = ""
    elif param.metavar is None:
        param.metavar = _value_label(param.type_descriptor.annotation)


class _PlainHelp:
    """Mixed into typer's group and command classes: their parameters, --help included, shown plainly."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            _plain(param)

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)
        if option is not None:
            option.metavar = ""
        return option


class PlainHelpCommand(_PlainHelp, TyperCommand):
    pass


class PlainHelpGroup(_PlainHelp, TyperGroup):
    pass


class App(typer.Typer):
    """A typer app whose groups and commands show plain help."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(cls=PlainHelpGroup, **kwargs)

    def command(self, *args: Any, **kwargs: Any) -> Any:
        kwargs.setdefault("cls", PlainHelpCommand)
        return super().command(*args, **kwargs)
