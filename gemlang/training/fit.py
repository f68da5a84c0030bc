"""Train a `GemClassifier` on a folder of photos: features (cached) -> cross-validated head -> calibration.

Cross-validation is not an afterthought here: the out-of-fold predictions give the honest scores in
the model card *and* the held-out logits that calibrate the confidence (temperature scaling).
"""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np
import torch

from gemlang.data import ImageFolder, deduplicate, duplicate_groups, stratified_group_folds
from gemlang.errors import UsageError
from gemlang.evaluation import classification_metrics
from gemlang.features import FeatureCache, FeatureExtractor
from gemlang.heads import HEADS, fit_temperature
from gemlang.model import GemClassifier

DEFAULT_ENCODER = "mobilenet_v2"


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


def out_of_fold_logits(
    X: np.ndarray, y: np.ndarray, groups: np.ndarray, make_head: Callable, k: int, seed: int = 0,
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


def train_classifier(
    data: ImageFolder,
    encoder: str = DEFAULT_ENCODER,
    head: str = "linear",
    tta: bool = False,
    cv: int = 5,
    seed: int = 0,
    cache: FeatureCache | None = None,
    head_options: dict | None = None,
    progress: bool = True,
    log: Callable[[str], None] = print,
) -> GemClassifier:
    """Fit a classifier on all (deduplicated) photos; with `cv` >= 2 also measure and calibrate it."""
    if head not in HEADS:
        raise UsageError(f"unknown head {head!r}; choose one of: {', '.join(HEADS)}")
    started = time.time()
    data = deduplicate(data)
    extractor = FeatureExtractor(encoder, tta=tta)
    data, X = encode_folder(data, extractor, cache, progress)
    y = data.labels
    classes = data.classes
    options = head_options or {}

    def make_head():
        return HEADS[head](X.shape[1], len(classes), **options)

    info: dict = {
        "trained_on": {
            "data": str(data.root),
            "n_images": int(len(y)),
            "n_classes": len(classes),
            "skipped": [[str(p), why] for p, why in data.skipped],
        },
        "head_options": options,
        "seed": seed,
    }
    temperature = 1.0
    if cv >= 2 and np.bincount(y).min() >= cv:
        log(f"cross-validating ({cv} folds, duplicates kept within a fold)...")
        groups = duplicate_groups(data)
        logits = out_of_fold_logits(X, y, groups, make_head, cv, seed, progress=log if progress else None)
        temperature = fit_temperature(logits, y)
        probs = torch.softmax(torch.from_numpy(logits) / temperature, 1).numpy()
        metrics = classification_metrics(y, probs, classes)
        metrics.pop("per_class")
        info["cross_validation"] = {"folds": cv, **metrics}
    elif cv >= 2:
        log(f"skipping cross-validation: a class has fewer than {cv} photos")
    log("fitting the final head on all photos...")
    final = make_head().fit(X, y, seed=seed)
    info["train_seconds"] = round(time.time() - started, 1)
    return GemClassifier(extractor, final, classes, temperature, info)
