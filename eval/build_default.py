"""Rebuild the classifier that ships inside gemlang (gemlang/default_model/) from the shared photos.

    python eval/build_default.py                      # ../shared/data/gemstones/train, ~10 min on 2 cores
    python eval/build_default.py --data DIR --out gemlang/default_model

Trains on every deduplicated photo, measures the recipe with duplicate-aware 5-fold cross-validation
(the held-out predictions also calibrate the confidence), and writes a model card with those scores.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from gemlang.data import scan_image_folder
from gemlang.features import FeatureCache
from gemlang.training import train_classifier

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "gemstones" / "train"
RECIPE = {"encoder": "mobilenet_v2_multi+efficientnet_lite0_multi+colour_hist", "head": "linear+mlp", "tta": False}


def model_card(clf, recipe: dict, seconds: float) -> str:
    cv = clf.info["cross_validation"]
    trained = clf.info["trained_on"]
    return f"""# gemlang default gem classifier

**What it does**: names the gem in a photo among {len(clf.classes)} classes, with calibrated probabilities.

**Data**: the training split of the public "Gemstones Images" collection (lsind18/gemstones-images, Daria
Chemkaeva; photos mostly from minerals.net and rasavgems.com, whose collector states "I do not own the images").
{trained['n_images']} photos after removing exact duplicates (photos filed under two classes are left out).
No photo is shipped; only the trained head (a few MB of numbers).

**Method**: frozen ImageNet encoders `{recipe['encoder']}` (pooled features of several depths of MobileNetV2
and EfficientNet-Lite0, plus a centre-weighted HSV colour histogram), standardised; the `{recipe['head']}` head
averages the probabilities of a multinomial logistic regression (C={clf.head.config.get('C')}) and a one-hidden-layer
MLP ({clf.head.config.get('hidden')} units, dropout {clf.head.config.get('dropout')}). Confidence is calibrated
by temperature scaling (T={clf.temperature:.3f}) fitted on the cross-validation's held-out predictions.

**Cross-validated scores** ({cv['folds']}-fold, stratified, exact duplicates kept within one fold; every photo
scored by a head that never saw it):

| metric | value |
|---|---|
| top-1 accuracy | {cv['top1']:.1%} |
| top-2 accuracy | {cv['top2']:.1%} |
| top-5 accuracy | {cv['top5']:.1%} |
| mean per-class accuracy | {cv['mean_per_class_accuracy']:.1%} |
| macro F1 | {cv['macro_f1']:.3f} |
| expected calibration error | {cv['expected_calibration_error']:.3f} |

These are estimates on web catalogue photos like the training ones; phone photos of rough stones in
poor light will score lower. Several classes are varieties told apart by a gemmologist with instruments, not
by eye (e.g. the garnets, the beryls): treat close calls as such.

**Rebuild**: `python eval/build_default.py` ({seconds / 60:.1f} min on the machine that built this one).
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=ROOT / "gemlang" / "default_model")
    parser.add_argument("--encoder", default=RECIPE["encoder"])
    parser.add_argument("--head", default=RECIPE["head"], choices=["linear", "mlp", "linear+mlp"])
    parser.add_argument("--C", type=float, default=0.05)
    parser.add_argument("--cv", type=int, default=5)
    parser.add_argument("--cache", type=Path, default=None)
    args = parser.parse_args()

    started = time.time()
    recipe = {**RECIPE, "encoder": args.encoder, "head": args.head}
    clf = train_classifier(
        scan_image_folder(args.data), encoder=recipe["encoder"], head=recipe["head"], tta=recipe["tta"],
        cv=args.cv, cache=FeatureCache(args.cache), head_options={} if args.head == "mlp" else {"C": args.C},
    )
    clf.info["model_card"] = model_card(clf, recipe, time.time() - started)
    clf.info["trained_on"]["data"] = "gemstones-images train split (lsind18/gemstones-images)"
    clf.info["trained_on"]["skipped"] = [[Path(p).relative_to(args.data).as_posix(), why]
                                         for p, why in clf.info["trained_on"]["skipped"]]
    clf.save(args.out)
    print(json.dumps({k: clf.info["cross_validation"][k] for k in ("top1", "top5", "mean_per_class_accuracy")}))
    print(f"wrote {args.out} in {(time.time() - started) / 60:.1f} min")


if __name__ == "__main__":
    main()
