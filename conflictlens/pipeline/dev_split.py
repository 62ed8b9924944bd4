"""The fixed split of every dev set into a tune part and a held-out part, by a hash of the row id.

It lives in the pipeline because both measuring (`conflictlens.evaluation`) and training
(`pipeline.learning`, `train typing --part tune`) choose rows by it, and training must not load the
evaluation harness.
"""

from __future__ import annotations

import hashlib

from conflictlens.errors import ConflictLensError

PARTS = ("all", "tune", "held-out")
HELD_OUT_PERCENT = 30  # fixed before any tuning: a row's part depends only on its id
_SPLIT_SALT = "conflictlens-split-v1:"


def split_part(row_id: str) -> str:
    """'held-out' or 'tune': a fixed split of a dev set by a hash of the row id (30% held out).

    Rules are tuned on the 'tune' part only; the 'held-out' part is what a report leads with.
    """
    digest = hashlib.sha256((_SPLIT_SALT + row_id.strip()).encode("utf-8")).hexdigest()
    return "held-out" if int(digest[:8], 16) % 100 < HELD_OUT_PERCENT else "tune"


def check_part(part: str) -> str:
    if part not in PARTS:
        raise ConflictLensError("CL-E400", f"unknown part {part!r}; use one of {', '.join(PARTS)}", "--part")
    return part


def in_part(row_id: str, part: str) -> bool:
    return check_part(part) == "all" or split_part(row_id) == part
