"""The out-of-scope check of a model: fitted by `gemlang train`, or added to an existing model folder.

`add_scope_check` is the build step for a model trained before models carried the check (the built-in one
included), or to refit it: it encodes the model's training photos through the feature cache, re-scores them
out of fold with the model's own head recipe and temperature (the classifier's entropy is half of the
unknown-stone score), fits the check and rewrites the folder with `scope.safetensors` beside the unchanged
head.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import numpy as np

from gemlang.errors import UsageError
from gemlang.features import FeatureCache
from gemlang.scope import ScopeCheck, ScopeError, fit_scope_check

logger = logging.getLogger("gemlang")
# Below either, a check has seen too few kinds of stone to judge an unknown one, and too few photos per class to
# set its thresholds: `gemlang train` says so (a dealer's three stock classes make no guard against a fourth).
FEW_CLASSES, FEW_PHOTOS = 10, 300


def fit_model_scope(X: np.ndarray, y: np.ndarray, groups: np.ndarray, probabilities: np.ndarray | None = None,
                    seed: int = 0, log: Callable[[str], None] | None = None) -> ScopeCheck | None:  # fmt: skip
    """The check for a model trained on `X` (its held-out calibrated `probabilities`, if it was
    cross-validated), or None (with a log line) when the photos are too few."""
    log = log or logger.info
    try:
        check = fit_scope_check(X, y, groups, probabilities, seed=seed, log=log)
    except ScopeError as e:
        log(f"no out-of-scope check: {e}")
        return None
    classes = len(np.unique(y))
    if classes < FEW_CLASSES or len(y) < FEW_PHOTOS:
        log(
            f"warning: the out-of-scope check knows {classes} classes from {len(y)} photos, too few to know what lies "
            "outside them: a stone of another kind may still be named as one of these with confidence, and a clear "
            "photo of one may be flagged. The built-in model's check, measured in eval/scope.py, knows 87 classes."
        )
    return check


def add_scope_check(model: str | Path, data: str | Path, cache: FeatureCache | None = None, seed: int = 0,
                    folds: int = 5, progress: bool = True,
                    log: Callable[[str], None] | None = None) -> Path:  # fmt: skip
    """Fit the check of the model at `model` ('default' or a folder) on its training photos `data`; save.

    The held-out probabilities come from `folds`-fold cross-validation of the model's head recipe, calibrated
    by the temperature fitted on them, and are kept beside the feature cache (the same ones as `gemlang build
    fusion` reads); with `folds` < 2 the check reads the gem distance alone.
    """
    from gemlang.data import scan_image_folder
    from gemlang.data.dataset import class_difference
    from gemlang.model import DEFAULT_MODEL_DIR, GemClassifier
    from gemlang.training.folds import folder_features, held_out_cache, held_out_probabilities

    clf = GemClassifier.load(model)
    folder = folder_features(scan_image_folder(data), clf.feature_extractor, cache, progress)
    if folder.data.classes != clf.classes:
        raise UsageError(
            f"{data}: its classes differ from the model's ({class_difference(folder.data.classes, clf.classes)}); "
            "pass the folder the model was trained on."
        )
    X, y = folder.features, folder.data.labels
    probabilities = None
    if folds >= 2:
        (log or logger.info)(f"held-out probabilities of the model's head recipe ({folds} folds)...")
        cache_dir = held_out_cache(cache)
        probabilities, _ = held_out_probabilities(X, y, folder.groups, clf.head_config, folds, seed, cache_dir)
    clf.scope = fit_scope_check(X, y, folder.groups, probabilities, seed=seed, log=log)
    out = DEFAULT_MODEL_DIR if str(model) == "default" else Path(model)
    clf.save(out)
    return out
