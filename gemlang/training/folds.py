"""Duplicate-free features of a folder of photos, and calibrated predictions for photos a head never saw.

Every honest score gemlang publishes, and every model that learns from a classifier's output (the fusion
head, the caption benchmark), starts from these two steps; they live here once so that the built-in
model, `gemlang evaluate --cv` and the benchmarks measure the same thing. The held-out probabilities of a
head recipe are also kept between runs (`held_out_probabilities`): the fusion and scope builds and the
benchmarks read the same ones.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch

from gemlang.data import ImageFolder, deduplicate, duplicate_groups, stratified_group_folds
from gemlang.features import FeatureCache, FeatureExtractor
from gemlang.heads import build_head, fit_temperature

logger = logging.getLogger("gemlang")


def encode_folder(
    data: ImageFolder, extractor: FeatureExtractor, cache: FeatureCache | None, progress: bool = True
) -> tuple[ImageFolder, np.ndarray]:
    """Features for every readable photo; unreadable ones move to `data.skipped` with the reason."""
    features, failures = extractor(data.paths, cache=cache, progress=progress)
    if failures:
        keep = [i for i in range(len(data)) if i not in failures]
        data = data.without({data.paths[i]: reason for i, reason in failures.items()})
        features = features[keep]
    return data, features


@dataclass
class FolderFeatures:
    """A folder's photos without exact duplicates, their features (row i = data.paths[i]) and fold groups."""

    data: ImageFolder
    features: np.ndarray
    groups: np.ndarray


def folder_features(
    data: ImageFolder, extractor: FeatureExtractor, cache: FeatureCache | None, progress: bool = True
) -> FolderFeatures:
    """Deduplicate (a photo filed twice would be scored on its own copy), encode through the cache."""
    data, features = encode_folder(deduplicate(data), extractor, cache, progress)
    return FolderFeatures(data, features, duplicate_groups(data))


def out_of_fold_logits(
    X: np.ndarray,
    y: np.ndarray,
    groups: np.ndarray,
    make_head: Callable,
    k: int,
    seed: int = 0,
    progress: Callable[[str], None] | None = None,
) -> np.ndarray:
    """Logits for every photo from a head that never saw that photo (or any copy of it)."""
    logits = np.zeros((len(y), make_head().config["n_classes"]), dtype=np.float32)
    for fold, (train_idx, test_idx) in enumerate(stratified_group_folds(y, groups, k, seed), 1):
        head = make_head().fit(X[train_idx], y[train_idx], seed=seed)
        with torch.no_grad():
            logits[test_idx] = head(torch.from_numpy(X[test_idx])).numpy()
        if progress:
            progress(f"fold {fold}/{k} done")
    return logits


@dataclass
class HeldOut:
    """Out-of-fold logits and the temperature that calibrates them."""

    logits: np.ndarray
    temperature: float

    def probabilities(self) -> np.ndarray:
        return torch.softmax(torch.from_numpy(self.logits) / self.temperature, 1).numpy()

    def log_probabilities(self) -> np.ndarray:
        return torch.log_softmax(torch.from_numpy(self.logits) / self.temperature, 1).numpy()


def held_out_predictions(
    X: np.ndarray,
    y: np.ndarray,
    groups: np.ndarray,
    make_head: Callable,
    k: int,
    seed: int = 0,
    temperature: float | None = None,
    progress: Callable[[str], None] | None = None,
) -> HeldOut:
    """Calibrated predictions for every photo from a head trained on the other folds.

    The temperature is fitted on these held-out logits unless given (e.g. a trained model's own, when its
    recipe is re-run on the same folds).
    """
    logits = out_of_fold_logits(X, y, groups, make_head, k, seed, progress=progress)
    return HeldOut(logits, fit_temperature(logits, y) if temperature is None else float(temperature))


def held_out_cache(cache=None) -> Path:
    """Where held-out probabilities are kept between runs: beside the feature cache."""
    return (cache or FeatureCache()).root.parent / "held-out"


def held_out_probabilities(
    X: np.ndarray,
    y: np.ndarray,
    groups: np.ndarray,
    head_config: dict,
    folds: int,
    seed: int = 0,
    cache_dir: Path | None = None,
) -> tuple[np.ndarray, float]:
    """Calibrated probabilities of every photo from the recipe's head fitted on the other folds, and the
    temperature fitted on those held-out logits; kept in `cache_dir` (keyed by the features and recipe),
    because on two shared cores the cross-validation of a large head takes many minutes."""
    key = json.dumps([head_config, folds, seed]).encode()
    digest = hashlib.sha256(np.ascontiguousarray(X).tobytes() + np.asarray(y).tobytes() + key).hexdigest()[:16]
    path = Path(cache_dir) / f"oof-{digest}.npz" if cache_dir else None
    if path and path.is_file():
        with np.load(path) as f:
            return f["probs"], float(f["temperature"])
    held_out = held_out_predictions(X, y, groups, lambda: build_head(head_config), folds, seed, progress=logger.info)
    probs, temperature = held_out.probabilities(), held_out.temperature
    if path:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.stem + ".tmp.npz")
        np.savez(tmp, probs=probs, temperature=temperature)
        tmp.replace(path)
    return probs, temperature
