"""Zero-shot evaluation: classify a labelled folder from text prompts alone and write the usual report.

The report is the one a trained classifier's evaluation writes (metrics.json with top1, top5,
mean_per_class_accuracy, macro_f1, n_images; per_class.csv; confusion_matrix.png), so the two can be
compared line by line. The candidates are the 87 photo classes plus any class of the folder that the
knowledge base knows; a folder class the knowledge base does not know cannot be prompted for, and is an
error that names it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from gemlang.data import DatasetError, ImageFolder
from gemlang.features import FeatureCache
from gemlang.knowledge import UnknownGemError, class_names, get_facts
from gemlang.language.alignment import AlignmentModel
from gemlang.metrics import classification_metrics, write_report


def candidate_names(data_classes: Sequence[str], candidates: Sequence[str] | None = None) -> list[str]:
    """The gems to choose among: `candidates` (default the photo classes) plus every class of the data."""
    names = list(candidates or class_names())
    unknown = []
    for c in data_classes:
        try:
            name = get_facts(c).name
        except UnknownGemError:
            unknown.append(c)
            continue
        if name not in names:
            names.append(name)
    if unknown:
        raise DatasetError(
            f"class folder(s) the knowledge base has no entry for, so no text prompt can describe them: "
            f"{', '.join(unknown)}. Rename them to gem names gemlang knows (the 87 photo classes or the gems of "
            "gemmology-mineral-database)."
        )
    return names


def zero_shot_predictions(
    model: AlignmentModel,
    data: ImageFolder,
    candidates: Sequence[str] | None = None,
    cache: FeatureCache | None = None,
    progress: bool = True,
) -> tuple[np.ndarray, np.ndarray, list[str], ImageFolder]:
    """(labels, probabilities, candidate names, readable data): labels index the candidate names."""
    from gemlang.training import encode_folder

    names = candidate_names(data.classes, candidates)
    data_ok, X = encode_folder(data, model.extractor, cache, progress)
    index = {n: i for i, n in enumerate(names)}
    y = np.array([index[get_facts(data_ok.classes[label]).name] for label in data_ok.labels], dtype=int)
    _, probs = model.zero_shot_probabilities(model.embed_image_features(X), names)
    return y, probs, names, data_ok


def evaluate_zero_shot(
    model: AlignmentModel,
    data: ImageFolder,
    out_dir: str | Path,
    candidates: Sequence[str] | None = None,
    cache: FeatureCache | None = None,
    progress: bool = True,
) -> dict[str, Any]:
    """Zero-shot metrics of `model` on `data`, written to out_dir as metrics.json, per_class.csv and a plot."""
    from gemlang.training.validation import scored_apart

    y, probs, names, data_ok = zero_shot_predictions(model, data, candidates, cache, progress)
    metrics = classification_metrics(y, probs, names)
    metrics.update(scored_apart(model.trained_photos, list(data_ok.paths), y, probs, names))
    metrics.update(
        mode="zero-shot text prompts",
        n_candidates=len(names),
        image_encoder=model.image_encoder,
        skipped=[[str(p), why] for p, why in data_ok.skipped],
    )
    write_report(metrics, y, probs, names, out_dir)
    return metrics
