"""The coded error body every 4xx answer has, declared in the OpenAPI schema of every route."""

from __future__ import annotations

from typing import Any, Optional

from pydantic import BaseModel


class ErrorDetail(BaseModel):
    code: str
    message: str
    subject: Optional[str] = None


class ErrorBody(BaseModel):
    error: ErrorDetail


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` naming the coded error body for each status."""
    return {status: {"model": ErrorBody, "description": "A coded error: what was wrong and what to do"}
            for status in statuses}


READ_ERRORS = error_responses(400, 404, 409, 429, 503)


def ok_as(*media_types: str) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` for a 200 answer in any of `media_types` (a format parameter chooses)."""
    return {200: {"description": "The rows, in the format asked for", "content": {t: {} for t in media_types}}}
