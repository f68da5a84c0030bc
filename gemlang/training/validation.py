"""Validate a trained classifier on a labelled folder, or cross-validate its recipe on one (`gemlang evaluate`)."""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np

from gemlang.data import DatasetError, ImageFolder, duplicate_groups
from gemlang.errors import UsageError
from gemlang.features import FeatureCache
from gemlang.metrics import classification_metrics, write_report
from gemlang.model import GemClassifier, photo_id
from gemlang.recipe import Recipe
from gemlang.training.folds import encode_folder, held_out_predictions

logger = logging.getLogger("gemlang")


def _labels_in_model_order(data: ImageFolder, clf: GemClassifier) -> np.ndarray:
    import difflib

    # a folder named "ruby" is the model's "Ruby", as `gemlang train` and `describe` read it
    index = {c.lower(): i for i, c in enumerate(clf.classes)}
    unknown = sorted(c for c in set(data.classes) if c.lower() not in index)
    if unknown:
        shown = ", ".join(clf.classes[:12]) + (f", … ({len(clf.classes)} in all, in its config.json)"
                                               if len(clf.classes) > 12 else "")  # fmt: skip
        close = {c: difflib.get_close_matches(c.lower(), list(index), n=1, cutoff=0.75) for c in unknown}
        named = [f"{c} (did you mean {clf.classes[index[m[0]]]}?)" if m else c for c, m in close.items()]
        raise DatasetError(
            f"{data.root}: class folder(s) the model does not know: {', '.join(named)}. Rename them to one of "
            f"the model's classes ({shown}), remove them, or train a model that includes them."
        )
    return np.array([index[data.classes[y].lower()] for y in data.labels], dtype=int)


def evaluate_classifier(
    clf: GemClassifier, data: ImageFolder, out_dir: str | Path, cache: FeatureCache | None = None,
    progress: bool = True,
) -> dict:  # fmt: skip
    y = _labels_in_model_order(data, clf)
    probs, verdicts, failures = clf.analyse(data.paths, cache, progress=progress)  # the answers, companion included
    readable = [i for i in range(len(data.paths)) if i not in failures]
    if not readable:
        raise DatasetError(f"{data.root}: none of its {len(data.paths)} photos could be read")
    y, probs = y[readable], probs[readable]
    metrics = classification_metrics(y, probs, clf.classes)
    if clf.scope is not None:  # photos of known gems the chat would have answered "not a gem I know"
        flagged = [verdicts[i].kind for i in readable if verdicts[i].flagged]
        metrics["out_of_scope_flagged"] = len(flagged) / len(readable)
        metrics["out_of_scope_kinds"] = {kind: flagged.count(kind) for kind in sorted(set(flagged))}
    metrics["skipped"] = [[str(p), why] for p, why in data.skipped] + [
        [str(data.paths[i]), why] for i, why in failures.items()
    ]
    metrics.update(scored_apart(clf.trained_photos, [data.paths[i] for i in readable], y, probs, clf.classes))
    write_report(metrics, y, probs, clf.classes, out_dir)
    return metrics


def scored_apart(trained_photos: frozenset[str], paths: list, y: np.ndarray, probs: np.ndarray, classes) -> dict:
    """Photos a model was trained on score high: how many of those scored it was (`trained_photos_scored`), and
    the scores of the others (`photos_never_trained_on`); nothing when the model lists no training photos."""
    if not trained_photos:
        return {}
    seen = np.array([photo_id(p) in trained_photos for p in paths], dtype=bool)
    unseen = classification_metrics(y[~seen], probs[~seen], classes) if (~seen).any() else {"n_images": 0}
    return {
        "trained_photos_scored": int(seen.sum()),
        "photos_never_trained_on": {k: unseen.get(k) for k in ("n_images", "top1", "top5")},
    }


def cross_validate_recipe(
    clf: GemClassifier,
    data: ImageFolder,
    k: int,
    out_dir: str | Path,
    cache: FeatureCache | None = None,
    seed: int = 0,
    progress: bool = True,
) -> dict:
    """Retrain the model's encoder + head recipe on K duplicate-aware folds of `data`; score held-out photos.

    A companion model (a fine-tuned backbone) is not retrained: the recipe cross-validated is the model's own.
    """
    if clf.info.get("finetuned_encoder"):
        raise UsageError(
            "this model's encoder was fine-tuned on its training photos, so its features already know the photos a "
            "fold would hold out and the score would be leaked; --cv retrains a frozen encoder's head only. Score "
            "photos the model never saw (evaluate without --cv), or cross-validate the fine-tuning itself fold by "
            "fold with eval/finetune_fold.py."
        )
    if clf.companion is not None:
        logger.warning("cross-validating the model's own encoder + head recipe; its companion model is not "
                       "retrained on the folds (eval/finetune_fold.py measures a fine-tuned companion)")  # fmt: skip
    data, X = encode_folder(data, clf.feature_extractor, cache, progress)
    recipe = Recipe.of_classifier(clf)
    groups = duplicate_groups(data)
    held_out = held_out_predictions(
        X,
        data.labels,
        groups,
        lambda: recipe.make_head(X.shape[1], len(data.classes)),
        k,
        seed,
        progress=logger.info if progress else None,
    )
    probs = held_out.probabilities()
    metrics = classification_metrics(data.labels, probs, data.classes)
    metrics.update(
        folds=k, encoder=clf.extractor.spec, head=recipe.head, skipped=[[str(p), why] for p, why in data.skipped]
    )
    write_report(metrics, data.labels, probs, data.classes, out_dir)
    return metrics
