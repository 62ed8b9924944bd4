"""The web app and REST API (`conflictlens serve`): FastAPI over the pipeline's Session and its outbound
gate, never the store or a stage (tests/test_layering.py). Needs the optional extra `web`."""

from __future__ import annotations

from typing import Any

__all__ = ["create_app"]


def create_app(*args: Any, **kwargs: Any) -> Any:
    """`conflictlens.web.app.create_app`, imported when called (FastAPI is an optional extra)."""
    from conflictlens.web.app import create_app as build
    return build(*args, **kwargs)
