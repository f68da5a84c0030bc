"""Train a `GemClassifier` on a folder of photos: features (cached) -> cross-validated head -> calibration.

Cross-validation is not an afterthought here: the out-of-fold predictions give the honest scores in
the model card *and* the held-out logits that calibrate the confidence (temperature scaling).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from gemlang.data import ImageFolder
from gemlang.errors import UsageError
from gemlang.features import FeatureCache
from gemlang.heads import HEADS
from gemlang.metrics import classification_metrics
from gemlang.model import GemClassifier, photo_ids
from gemlang.recipe import TRAIN_DEFAULT, Recipe
from gemlang.training.companion import fit_companion
from gemlang.training.finetune import FinetuneConfig
from gemlang.training.folds import folder_features, held_out_predictions
from gemlang.training.scope_check import fit_model_scope
from gemlang.wording import some_of

DEFAULT_ENCODER = TRAIN_DEFAULT.encoder
logger = logging.getLogger("gemlang")


def train_classifier(
    data: ImageFolder,
    encoder: str | None = None,
    head: str | None = None,
    tta: bool | None = None,
    cv: int = 5,
    seed: int = 0,
    cache: FeatureCache | None = None,
    head_options: dict | None = None,
    progress: bool = True,
    log: Callable[[str], None] | None = None,
    recipe: Recipe = TRAIN_DEFAULT,
    int8: int | None = None,
    finetune: FinetuneConfig | None = None,
) -> GemClassifier:
    """Fit a classifier on all (deduplicated) photos; with `cv` >= 2 also measure and calibrate it.

    `recipe` gives the encoder, head, TTA and int8 calibration (default: `gemlang train`'s); `encoder`, `head`,
    `tta`, `head_options` and `int8` replace its fields when given. With int8 the encoders are quantized,
    calibrated on that many photos spread over the classes, and everything is fitted on the int8 features
    (gemlang.serving.quantize); `int8=0` keeps float32 encoders. A recipe with a `companion` also fine-tunes
    that backbone (settings: `finetune`) and multiplies it in (gemlang.training.companion); that needs `cv`.
    """
    log = log or logger.info
    recipe = recipe.with_changes(encoder=encoder, head=head, tta=tta, head_options=head_options, int8=int8)
    if recipe.companion and cv < 2:
        raise UsageError("the recipe's fine-tuned companion is calibrated on held-out photos: it needs "
                         "cross-validation (--cv 2 or more)")  # fmt: skip
    if recipe.head not in HEADS:
        raise UsageError(f"unknown head {recipe.head!r}; choose one of: {', '.join(HEADS)}")
    started = time.time()
    extractor = recipe.extractor()
    features_of = recipe.feature_extractor(data, extractor)
    int8_graphs = (features_of.folder, features_of.manifest) if recipe.int8 else None
    folder = folder_features(data, features_of, cache, progress)
    data, X = folder.data, folder.features
    y = data.labels
    classes = data.classes

    def make_head():
        return recipe.make_head(X.shape[1], len(classes))

    info: dict = {
        "trained_on": {
            "data": str(Path(data.root).resolve()),
            "n_images": int(len(y)),
            "n_classes": len(classes),
            "skipped": [[str(p), why] for p, why in data.skipped],
        },
        "head_options": dict(recipe.head_options),
        "seed": seed,
    }
    temperature, held_out_probabilities = 1.0, None
    smallest = int(np.bincount(y).min())
    if 2 <= smallest < cv:  # as many folds as the smallest class allows, said rather than done silently
        log(f"--cv {cv} needs {cv} photos in every class; the smallest has {smallest}, so {smallest} folds are used")
        cv = smallest
    if cv >= 2 and smallest >= cv:
        log(f"cross-validating ({cv} folds, duplicates kept within a fold)...")
        held_out = held_out_predictions(X, y, folder.groups, make_head, cv, seed, progress=log if progress else None)
        temperature, held_out_probabilities = held_out.temperature, held_out.probabilities()
        # Per-class accuracy, calibration and the pairs still confused stay with the model: its card reports
        # them, and the assistant can say which gems a photo alone does not separate.
        metrics = classification_metrics(y, held_out_probabilities, classes)
        info["cross_validation"] = {"folds": cv, **metrics}
    elif cv >= 2:  # folds need two photos of every class; calibrating on some classes only would mislead
        lone = [classes[i] for i in np.flatnonzero(np.bincount(y) == 1)]
        one = len(lone) == 1
        log(f"skipping cross-validation, so the confidence is not calibrated: {'class' if one else 'classes'} "
            f"{some_of(lone, 5)} {'has' if one else 'have'} a single photo; add photos to {'it' if one else 'them'}, "
            f"or remove {'its folder' if one else 'their folders'}")  # fmt: skip
    log("fitting the final head on all photos...")
    final = make_head().fit(X, y, seed=seed)
    scope = fit_model_scope(X, y, folder.groups, held_out_probabilities, seed, log)
    clf = GemClassifier(extractor, final, classes, temperature, info, scope=scope, int8_graphs=int8_graphs)
    clf.trained_photos = photo_ids(data.paths)
    if recipe.companion:
        if held_out_probabilities is None:
            raise UsageError(f"the recipe's fine-tuned companion is calibrated on held-out photos: every class needs "
                             f"{cv} distinct photos to cross-validate, or use a smaller --cv (2 or more)")  # fmt: skip
        checkpoints = (cache or FeatureCache()).root.parent / "finetune"
        companion, pair_temperature, report = fit_companion(
            data, folder.groups, held_out_probabilities, recipe.companion, cv, seed, finetune, checkpoints, log
        )
        clf.with_companion(companion, pair_temperature)
        clf.info["companion_held_out"] = report
    clf.info["train_seconds"] = round(time.time() - started, 1)
    return clf
