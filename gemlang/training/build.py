"""Build the classifier that ships inside gemlang (gemlang/default_model/) from a folder of photos.

`gemlang build default --data DIR` runs this. It trains the built-in recipe (`gemlang.recipe.BUILT_IN`) on
every deduplicated photo, cross-validates the recipe on duplicate-aware folds (the held-out predictions
also calibrate the confidence) and writes the model folder with a model card stating those scores.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

import numpy as np

from gemlang.data import DatasetError, scan_image_folder
from gemlang.features import FeatureCache
from gemlang.model import DEFAULT_MODEL_DIR, GemClassifier
from gemlang.recipe import BUILT_IN, Recipe
from gemlang.training.fit import train_classifier

logger = logging.getLogger("gemlang")

# What the built-in model was trained on; a build from another folder names that folder instead.
GEMSTONES_IMAGES = "gemstones-images train split (lsind18/gemstones-images)"
GEMSTONES_IMAGES_CARD = (
    'the training split of the public "Gemstones Images" collection (lsind18/gemstones-images, Daria\n'
    'Chemkaeva; photos mostly from minerals.net and rasavgems.com, whose collector states "I do not own the images").'
)


def int8_sentence(clf: GemClassifier) -> str:
    if not clf.int8:
        return ""
    return (
        f"\nThe two CNNs run as int8 graphs (static quantization calibrated on {clf.info['int8']['photos']} training "
        "photos, in the\nmodel folder's `int8/`); the head, its calibration and the out-of-scope check were fitted on "
        "their features,\nso the model runs on onnxruntime (`gemlang build default --int8 0` builds a float32 one "
        "for GPUs)."
    )


def companion_paragraph(clf: GemClassifier) -> str:
    if clf.companion is None:
        return ""
    held = clf.info["companion_held_out"]
    finetune = clf.companion.info["finetune"]
    temperature = f"{clf.companion_temperature:.3f}"
    alone, theirs, pair = (f"{held[name]['top1']:.1%}" for name in ("model", "companion", "pair"))
    return f"""

**Fine-tuned companion**: `{held["backbone"]}` fine-tuned end to end on the photos ({finetune["image_size"]} px;
rotations, zoom-crops, mirror images and mild colour jitter with no hue change; label smoothing, a cosine
schedule, discriminative learning rates; `gemlang.training.finetune`), trained on all photos but the first
cross-validation fold ({held["n_images"]} photos), on which it stopped early and was calibrated. Its calibrated
probabilities multiply the head's, and the product is recalibrated by temperature scaling (T={temperature})
fitted on that fold, where the head's probabilities are out of fold too. Top-1 on that fold: the head alone {alone},
the companion alone {theirs}, the pair {pair} (the fold also chose the companion's epoch and the pair's temperature,
so the pair's figure leans optimistic). The pair with a companion fine-tuned for every fold in turn is measured by
`python eval/finetune_fold.py` (eval/results/finetune_fold.md). Its weights ship as `companion/encoder.safetensors`."""


def default_model_card(clf: GemClassifier, recipe: Recipe, seconds: float, source: str = GEMSTONES_IMAGES_CARD) -> str:
    cv = clf.info["cross_validation"]
    trained = clf.info["trained_on"]
    int8 = int8_sentence(clf)
    companion = companion_paragraph(clf)
    shipped = ["the trained head (a few MB of numbers)"]
    shipped += ["the two quantized CNN graphs"] if clf.int8 else []
    shipped += ["the fine-tuned companion's weights"] if clf.companion is not None else []
    shipped_parts = ", ".join(shipped[:-1]) + (" and " if len(shipped) > 1 else "") + shipped[-1]
    return f"""# gemlang default gem classifier

**What it does**: names the gem in a photo among {len(clf.classes)} classes, with calibrated probabilities.

**Data**: {source}
{trained["n_images"]} photos after removing exact duplicates (photos filed under two classes are left out).
No photo is shipped; only {shipped_parts}.

**Method**: frozen ImageNet encoders `{recipe.encoder}` (pooled features of several depths of MobileNetV2
and EfficientNet-Lite0, plus a centre-weighted HSV colour histogram), standardised; the `{recipe.head}` head
averages the probabilities of a multinomial logistic regression (C={clf.head.config.get("C")}) and a one-hidden-layer
MLP ({clf.head.config.get("hidden")} units, dropout {clf.head.config.get("dropout")}). Confidence is calibrated
by temperature scaling (T={clf.temperature:.3f}) fitted on the cross-validation's held-out predictions.{int8}{companion}

**Cross-validated scores** ({cv["folds"]}-fold, stratified, exact duplicates kept within one fold; every photo
scored by a head that never saw it{"; the frozen encoders' head alone" if clf.companion is not None else ""}):

| metric | value |
|---|---|
| top-1 accuracy | {cv["top1"]:.1%} |
| top-2 accuracy | {cv["top2"]:.1%} |
| top-5 accuracy | {cv["top5"]:.1%} |
| mean per-class accuracy | {cv["mean_per_class_accuracy"]:.1%} |
| macro F1 | {cv["macro_f1"]:.3f} |
| expected calibration error | {cv["expected_calibration_error"]:.3f} |

These are estimates on web catalogue photos like the training ones; phone photos of rough stones in
poor light will score lower. Several classes are varieties told apart by a gemmologist with instruments, not
by eye (e.g. the garnets, the beryls): treat close calls as such.

**Rebuild**: `gemlang build default --data DIR` ({seconds / 60:.1f} min on the machine that built this one; its
time from raw photos is measured by `python eval/build_default.py`).
"""


def build_default_model(
    data: Path,
    out: Path = DEFAULT_MODEL_DIR,
    cache: FeatureCache | None = None,
    seed: int = 0,
    cv: int = 5,
    recipe: Recipe = BUILT_IN,
    progress: bool = True,
    source: str | None = None,
    int8: int | None = None,
    companion: str | None = None,
) -> GemClassifier:
    """Train `recipe` on the photos under `data`, cross-validate it with `cv` folds, save it to `out`.

    `source` describes the photos in the model card; by default the built-in model's collection when `data`
    is a folder called `train` under `gemstones`, else the folder's path. `int8` replaces the recipe's
    number of int8 calibration photos (0: float32 encoders), `companion` its fine-tuned backbone ("none": none).
    """
    if companion is not None and companion.lower() in ("none", ""):
        companion = ""
    recipe = recipe.with_changes(int8=int8, companion=companion)
    started = time.time()
    data = Path(data)
    is_gemstones = data.name == "train" and data.parent.name == "gemstones"
    photos = scan_image_folder(data)
    too_small = DatasetError(
        f"{data}: every class needs at least {cv} distinct photos to cross-validate the recipe; "
        "add photos or use a smaller --cv (2 or more)"
    )
    if cv < 2 or np.bincount(photos.labels).min() < cv:
        raise too_small
    clf = train_classifier(photos, cv=cv, seed=seed, cache=cache, progress=progress, recipe=recipe)
    if "cross_validation" not in clf.info:  # exact duplicates removed, a class fell below `cv` photos
        raise too_small
    card_source = source or (GEMSTONES_IMAGES_CARD if is_gemstones else f"the photos under `{data}`.")
    clf.info["model_card"] = default_model_card(clf, recipe, time.time() - started, card_source)
    clf.info["trained_on"]["data"] = GEMSTONES_IMAGES if is_gemstones and source is None else str(data)
    clf.info["trained_on"]["skipped"] = [
        [Path(p).relative_to(data).as_posix(), why] for p, why in clf.info["trained_on"]["skipped"]
    ]
    clf.save(out)
    logger.info(f"wrote {out} in {(time.time() - started) / 60:.1f} min")
    return clf
