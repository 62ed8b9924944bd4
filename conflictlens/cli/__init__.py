"""Command line: thin wrappers over the pipeline's Session. Records stream as JSON lines or tables.

`app` (cli/app.py) holds the global options and each invocation's Session; `common` the helpers the
commands share; each command group lives in its own module `cli/<area>.py` with a `register(app)`,
listed in `_COMMAND_GROUPS`. The CLI imports only the pipeline, the model and the errors
(tests/test_layering.py): it reads through the pipeline's outbound gate, never the store.
"""

from __future__ import annotations

import gc
import importlib

# A CLI run is one process that builds, before its first result, a few million objects that live
# until it ends (spaCy's model, the actor registry, the gazetteer, compiled patterns). At CPython's
# default threshold (a collection every 700 new objects) the collector went over them again and
# again: a tenth to a fifth of a cold `conflictlens extract`'s CPU. Collecting every 100,000 new objects
# (as mypy does) keeps reference cycles collected without that cost. Set before the imports below,
# which build most of those objects.
CLI_GC_THRESHOLD = (100_000, 20, 20)
gc.set_threshold(*CLI_GC_THRESHOLD)

from conflictlens.cli.app import app  # noqa: E402 - after the collector is set

__all__ = ["app", "main"]

# One entry per module in conflictlens/cli/ that adds commands, in the order `--help` lists them.
_COMMAND_GROUPS: tuple[str, ...] = ("reports", "evaluate", "actors", "attribution", "interop", "resolution",
                                    "network", "train", "trends", "serve", "stores")


def _register_command_groups() -> None:
    for area in _COMMAND_GROUPS:
        importlib.import_module(f"conflictlens.cli.{area}").register(app)


_register_command_groups()


def main() -> None:
    app()


if __name__ == "__main__":
    main()
