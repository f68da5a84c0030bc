"""Which recipe `gemlang train` should use by default: accuracy and wall time on a small collection, cold.

    python eval/train_default.py                # the 7 largest classes of the shared photos
    python eval/train_default.py --classes 20   # 759 photos: the ~700-photo folder the default is chosen on
    python eval/train_default.py --smoke --results DIR   # painted photos, light recipes, 3 folds: seconds

A person's first `gemlang train --data DIR --out MODEL` starts with an empty feature cache, so each
candidate recipe is timed exactly like that: a fresh cache, encoding, the 5-fold cross-validation that
calibrates the model, the final fit. The collection is the N largest classes of the shared photos; one
duplicate-aware stratified fifth of it is held out and never trained on, and scores the trained model.
The default should be the most accurate recipe that trains a ~700-photo folder in 5 minutes on 2 cores.
Writes eval/results/train_default.json and .md (--results DIR: elsewhere).
"""

from __future__ import annotations

import argparse
import shlex
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reports import machine  # noqa: E402
from smoke import SMOKE_CNN, SMOKE_ENCODER, painted_folder, smoke_results  # noqa: E402

from gemlang.recipe import BUILT_IN, TRAIN_DEFAULT, Recipe  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "gemstones" / "train"
RESULTS = ROOT / "eval" / "results"
CANDIDATES = [
    Recipe(name="MobileNetV2 + linear", encoder="mobilenet_v2", head="linear"),
    BUILT_IN.with_changes(
        name="MobileNetV2-multi + colour + linear+mlp", encoder="mobilenet_v2_multi+colour_hist", companion=""
    ),
    BUILT_IN.with_changes(name="built-in recipe, int8 encoders", companion=""),
    TRAIN_DEFAULT.with_changes(name="built-in recipe, float encoders (the default)"),
]
# --smoke: encoders with no weights to load, and the quick head.
SMOKE_CANDIDATES = [
    Recipe(name="small CNN + linear", encoder=SMOKE_CNN, head="linear"),
    Recipe(name="colour + linear", encoder=SMOKE_ENCODER, head="linear"),
]


def largest_classes(data, n: int):
    """The n classes with the most photos (ties by name): a small, balanced collection."""
    counts = np.bincount(data.labels)
    order = sorted(range(len(data.classes)), key=lambda c: (-counts[c], data.classes[c]))[:n]
    keep = np.flatnonzero(np.isin(data.labels, order))
    subset = data.subset(keep)
    names = sorted(data.classes[c] for c in order)
    remap = {data.classes.index(name): i for i, name in enumerate(names)}
    subset.classes, subset.labels = names, np.array([remap[y] for y in subset.labels])
    return subset


def run_candidate(recipe, train, test, seed: int, folds: int = 5) -> dict:
    from gemlang.features import FeatureCache
    from gemlang.metrics import classification_metrics
    from gemlang.training import train_classifier

    with tempfile.TemporaryDirectory() as tmp:
        cache = FeatureCache(tmp)
        started = time.time()
        clf = train_classifier(train, recipe=recipe, cv=folds, seed=seed, cache=cache, progress=False, log=print)
        seconds = time.time() - started
        probs, failures = clf.predict_proba(test.paths, cache=cache)
    y = test.labels[[i for i in range(len(test)) if i not in failures]]
    probs = probs[[i for i in range(len(test)) if i not in failures]]
    held_out = classification_metrics(y, probs, clf.classes)
    cv = clf.info["cross_validation"]
    return {
        "name": recipe.name,
        "recipe": recipe.to_dict(),
        "train_seconds": round(seconds, 1),
        "held_out": {k: held_out[k] for k in ("n_images", "top1", "top5", "mean_per_class_accuracy")},
        "cross_validated": {k: cv[k] for k in ("n_images", "top1", "top5", "mean_per_class_accuracy")},
    }


def write_markdown(results: dict, path: Path) -> None:
    from gemlang.io import write_text_atomic

    lines = [
        "# The default recipe of `gemlang train`",
        "",
        f"Command: `{results['command']}`  ",
        f"Collection: the {len(results['classes'])} largest classes of the shared photos "
        f"({', '.join(results['classes'])}): {results['n_train']} photos to train on, {results['n_test']} held out "
        "(a duplicate-aware stratified fifth).  ",
        "Time: `train_classifier` as `gemlang train` runs it, from an empty feature cache: encoding, "
        f"{results.get('folds', 5)}-fold cross-validation, calibration and the final fit.  ",
        f"Machine: {results['machine']}.",
        "",
        "| recipe | encoders | head | train time | s / photo | held-out top-1 | held-out top-5 | CV top-1 |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for row in results["candidates"]:
        r, h, cv = row["recipe"], row["held_out"], row["cross_validated"]
        lines.append(
            f"| {row['name']} | `{r['encoder']}` | {r['head']} | {row['train_seconds']:.0f} s | "
            f"{row['train_seconds'] / results['n_train']:.2f} | {h['top1']:.1%} | {h['top5']:.1%} | {cv['top1']:.1%} |"
        )
    lines += [
        "",
        f"`gemlang train` without options uses `{TRAIN_DEFAULT.encoder}` with a {TRAIN_DEFAULT.head} head, in float32 "
        "(the built-in model's encoders and heads without its int8 graphs and fine-tuned companion).",
    ]
    write_text_atomic(path, "\n".join(lines) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--classes", type=int, default=7)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--only", nargs="*", default=None, help="candidate names to run (default all)")
    parser.add_argument("--results", type=Path, default=RESULTS, help="folder for train_default.{json,md}")
    parser.add_argument("--out", type=Path, default=None, help="the reports' path without suffix (overrides --results)")
    parser.add_argument("--smoke", action="store_true", help="painted photos, light recipes, 3 folds: seconds")
    args = parser.parse_args(argv)
    command = shlex.join(["python", "eval/train_default.py", *(sys.argv[1:] if argv is None else argv)])
    folds, candidates = 5, CANDIDATES
    with tempfile.TemporaryDirectory(prefix="gemlang_train_default_") as tmp:
        if args.smoke:
            args.data, args.classes = painted_folder(Path(tmp) / "photos", per_class=8), 3
            args.results = smoke_results(args.results, RESULTS, Path(tmp))
            folds, candidates = 3, SMOKE_CANDIDATES
        out = args.out or args.results / "train_default"
        out.parent.mkdir(parents=True, exist_ok=True)
        compare(args, candidates, folds, out, command)
    print(f"wrote {out.with_suffix('.md')}")
    return 0


def compare(args, candidates: list, folds: int, out: Path, command: str) -> None:
    """Train each chosen candidate cold on the same collection, score it on the same held-out fifth."""
    from gemlang.data import deduplicate, duplicate_groups, scan_image_folder, stratified_group_folds
    from gemlang.io import write_json_atomic

    data = deduplicate(largest_classes(scan_image_folder(args.data), args.classes))
    train_idx, test_idx = next(stratified_group_folds(data.labels, duplicate_groups(data), 5, args.seed))
    train, test = data.subset(train_idx), data.subset(test_idx)
    results = {
        "command": command,
        "classes": data.classes,
        "n_train": len(train),
        "n_test": len(test),
        "folds": folds,
        "machine": machine(),
        "candidates": [],
    }
    for recipe in candidates:
        if args.only is None or recipe.name in args.only:
            print(f"== {recipe.name}", flush=True)
            results["candidates"].append(run_candidate(recipe, train, test, args.seed, folds))
            print(results["candidates"][-1], flush=True)
    write_json_atomic(results, out.with_suffix(".json"))
    write_markdown(results, out.with_suffix(".md"))


if __name__ == "__main__":
    sys.exit(main())
