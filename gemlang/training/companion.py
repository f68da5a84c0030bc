"""A fine-tuned companion for a model of frozen encoders (`Recipe.companion`), trained once beside it.

Frozen ImageNet features and a network fine-tuned on the gems make different mistakes: their calibrated
probabilities multiplied gain about a point of top-1 and of top-5 on every fold (eval/finetune_fold.py).
Fine-tuning on every cross-validation fold would cost an hour per fold on a CPU, so the companion is
fine-tuned once, holding out the first fold of the model's own cross-validation (same photos, duplicate
groups, folds and seed). There, the model's out-of-fold probabilities come from a head that never saw the
photos either, so the product's temperature (two calibrated answers multiplied are over-confident) is
fitted, and the pair scored, on photos neither half trained on. The companion records that fold, so a
later calibration (`gemlang build fusion`) can find it again.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import numpy as np

from gemlang.data import ImageFolder, stratified_group_folds
from gemlang.metrics import classification_metrics
from gemlang.model import GemClassifier, multiplied, pair_temperature
from gemlang.training.finetune import FinetuneConfig, finetune_classifier

logger = logging.getLogger("gemlang")


def held_out_fold(labels: np.ndarray, groups: np.ndarray, folds: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """(train, held-out) photo indices: the first fold of the cross-validation with these folds and seed."""
    return next(stratified_group_folds(np.asarray(labels), groups, folds, seed))


def fit_companion(
    data: ImageFolder,
    groups: np.ndarray,
    own_held_out: np.ndarray,
    backbone: str,
    folds: int,
    seed: int = 0,
    config: FinetuneConfig | None = None,
    checkpoints: Path | None = None,
    log: Callable[[str], None] | None = None,
) -> tuple[GemClassifier, float, dict]:
    """Fine-tune `backbone` on `data` (deduplicated, with its duplicate `groups`) but the first of `folds`
    folds; (companion, the pair's temperature, what the pair and each half score on that fold).

    `own_held_out`: the model's out-of-fold probabilities for every photo of `data`, from the same folds.
    `config` sets the fine-tuning (default: `FinetuneConfig`'s); the companion predicts on the photo alone: the
    mirror image doubles its cost and does not move the pair (eval/results/finetune_serving.md). With `checkpoints`,
    the fine-tuning keeps a checkpoint in a subfolder named after its photos and settings: a killed build
    started again resumes from its last finished epoch; the checkpoint goes once the companion is trained.
    """
    log = log or logger.info
    config = replace(config or FinetuneConfig(), backbone=backbone, seed=seed, tta=False)
    train, held = held_out_fold(data.labels, groups, folds, seed)
    log(f"fine-tuning the companion {backbone} on {len(train)} photos, holding out fold 1 of {folds} ({len(held)})")
    checkpoint = checkpoints / config.fingerprint(data.subset(train)) if checkpoints is not None else None
    companion = finetune_classifier(data.subset(train), config, val=data.subset(held), checkpoint_dir=checkpoint,
                                    log=log)  # fmt: skip
    if checkpoint is not None:
        shutil.rmtree(checkpoint, ignore_errors=True)
    y = np.asarray(data.labels)[held]
    theirs, failures = companion.predict_proba([data.paths[i] for i in held])
    ok = np.array([i not in failures for i in range(len(held))], dtype=bool)
    own = own_held_out[held][ok]
    temperature = pair_temperature(own, theirs[ok], y[ok])
    pair = multiplied(own, theirs[ok], temperature)
    scores = {}
    for name, probs in (("model", own), ("companion", theirs[ok]), ("pair", pair)):
        metrics = classification_metrics(y[ok], probs, data.classes)
        scores[name] = {k: metrics[k] for k in ("top1", "top5", "expected_calibration_error")}
    companion.info["held_out_fold"] = {"folds": folds, "seed": seed, "fold": 1, "n_images": int(ok.sum())}
    report = {"backbone": backbone, "n_images": int(ok.sum()), "temperature": temperature, **scores}
    log(f"pair on the held-out fold: top-1 {scores['pair']['top1']:.1%} (model alone {scores['model']['top1']:.1%})")
    return companion, temperature, report
