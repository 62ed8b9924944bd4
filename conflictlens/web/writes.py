"""Write endpoints (a bearer token with the write scope)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(prefix="/api")
