"""Word-piece embeddings of activity names: a model of words the glossary was never told about.

The vectors are WordLlama's 256-d token embeddings (``l2_supercat``), shipped *inside* the
``wordllama`` wheel from PyPI (``wordllama/weights/l2_supercat_256.safetensors`` and its
tokenizer file): they are read from the installed package, never downloaded
(docs/adr/0023-wordllama-embeddings-for-overlap.md). A text's vector is the mean of its
tokens' vectors, L2-normalised; two names' similarity is the cosine of their vectors.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

#: The model configuration shipped in the wheel, and its dimension.
CONFIG = "l2_supercat"
DIM = 256

_lock = threading.Lock()
_model: Any = None


def _files() -> tuple[Path, Path]:
    import wordllama

    root = Path(wordllama.__file__).parent
    return (
        root / "weights" / f"{CONFIG}_{DIM}.safetensors",
        root / "tokenizers" / f"{CONFIG}_tokenizer_config.json",
    )


def model() -> Any:
    """The WordLlama inference object, built once per process from the package's own files
    (WordLlama.load() would look for the tokenizer in another folder and then try the network)."""
    global _model
    with _lock:
        if _model is None:
            from safetensors import safe_open
            from tokenizers import Tokenizer
            from wordllama.inference import WordLlamaInference

            weights, tokenizer = _files()
            with safe_open(str(weights), framework="np", device="cpu") as handle:
                table = handle.get_tensor("embedding.weight")
            _model = WordLlamaInference(table, Tokenizer.from_file(str(tokenizer)))
        return _model


def embed(texts: Sequence[str]) -> np.ndarray:
    """One L2-normalised row per text (a text without any token is the zero vector)."""
    if not texts:
        return np.zeros((0, DIM))
    vectors = np.asarray(model().embed([t or " " for t in texts], norm=False), dtype=np.float64)
    lengths = np.linalg.norm(vectors, axis=1, keepdims=True)
    return np.divide(vectors, lengths, out=np.zeros_like(vectors), where=lengths > 0)


def row_cosines(vectors: np.ndarray, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Cosine of rows left[k] and right[k] of L2-normalised `vectors`, for every k."""
    if not len(left):
        return np.zeros(0)
    return np.einsum("ij,ij->i", vectors[left], vectors[right])
