"""How far the built-in classifier can be trusted, and where a photo is not enough.

    python eval/confusions.py        # writes eval/results/confusions.json, confusions.md, reliability.png

Re-runs the shipped model's recipe on duplicate-aware stratified 5-fold cross-validation of the shared
photos (the protocol its model card reports) and writes: top-1/top-5 and per-class accuracy; the expected
calibration error with a reliability diagram; the class pairs still mistaken for each other; and which of
them a photo alone does not separate (at least SEPARATION_RATE of the pair's photos go to the other
class), each with the readings whose published ranges do not overlap (hardness, specific gravity,
refractive index), i.e. the measurement that settles it. The JSON is meant to be read by the assistant.
"""

from __future__ import annotations

import argparse
import os
import platform
import shlex
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "gemstones" / "train"
RESULTS = ROOT / "eval" / "results"
SEPARATION_RATE = 0.10  # share of a pair's photos confused within the pair above which a photo is not enough
# Smallest gap between two gems' ranges that a home test or a gem lab instrument reads reliably.
READINGS = {"hardness": ("Mohs hardness", 0.5), "specific_gravity": ("specific gravity", 0.05),
            "refractive_index": ("refractive index", 0.01)}


def settling_readings(first: str, second: str) -> list[dict]:
    """The readings whose published ranges for the two gems are apart by at least the instrument's resolution."""
    from gemlang.knowledge import UnknownGemError, get_facts

    try:
        a, b = get_facts(first), get_facts(second)
    except UnknownGemError:
        return []
    found = []
    for field, (label, resolution) in READINGS.items():
        ra, rb = getattr(a, field), getattr(b, field)
        if ra and rb:
            gap = max(rb[0] - ra[1], ra[0] - rb[1])
            if gap >= resolution:
                found.append({"reading": field, "label": label, first: a.format(field), second: b.format(field)})
    return found


def held_out_metrics(data_dir: Path, folds: int, seed: int) -> tuple[dict, object]:
    from gemlang.data import scan_image_folder
    from gemlang.evaluation import classification_metrics
    from gemlang.features import FeatureCache
    from gemlang.model import GemClassifier
    from gemlang.recipe import Recipe
    from gemlang.training import folder_features, held_out_predictions

    clf = GemClassifier.load("default")
    recipe = Recipe.of_classifier(clf, "built-in")
    folder = folder_features(scan_image_folder(data_dir), clf.extractor, FeatureCache(), progress=True)
    X, y, classes = folder.features, folder.data.labels, folder.data.classes
    held_out = held_out_predictions(X, y, folder.groups, lambda: recipe.make_head(X.shape[1], len(classes)), folds,
                                    seed, progress=print)
    metrics = classification_metrics(y, held_out.probabilities(), classes)
    metrics.update(folds=folds, temperature=held_out.temperature, recipe=recipe.to_dict())
    return metrics, clf


def write_markdown(results: dict, path: Path) -> None:
    from gemlang.io import write_text_atomic

    m = results["metrics"]
    lines = [
        "# How far the built-in classifier can be trusted",
        "",
        f"Command: `{results['command']}`  ",
        f"Protocol: the shipped recipe (`{m['recipe']['encoder']}`, `{m['recipe']['head']}` head) re-trained on "
        f"duplicate-aware stratified {m['folds']}-fold cross-validation of {m['n_images']} shared photos; every "
        f"photo scored by a head that never saw it; held-out logits calibrated (T={m['temperature']:.3f}).  ",
        f"Machine: {results['machine']}.",
        "",
        f"**Top-1 {m['top1']:.1%}, top-5 {m['top5']:.1%}, mean per-class {m['mean_per_class_accuracy']:.1%}, "
        f"expected calibration error {m['expected_calibration_error']:.3f}** (10 confidence bins).",
        "",
        "## Calibration",
        "",
        "![reliability diagram](reliability.png)",
        "",
        "| stated confidence | photos | mean confidence | right |",
        "|---|---|---|---|",
    ]
    for row in m["reliability"]:
        if row["n"]:
            lines.append(f"| {row['from']:.1f}–{row['to']:.1f} | {row['n']} | {row['confidence']:.1%} | "
                         f"{row['accuracy']:.1%} |")
    lines += [
        "",
        "## Gems a photo alone does not separate",
        "",
        f"Pairs where at least {SEPARATION_RATE:.0%} of the two classes' photos were taken for the other one. "
        "The readings listed are those whose published ranges do not overlap: one of them settles the question.",
        "",
        "| pair | confused | of photos | readings that settle it |",
        "|---|---|---|---|",
    ]
    for pair in results["inseparable"]:
        a, b = pair["classes"]
        settle = "; ".join(f"{r['label']} ({a} {r[a]}, {b} {r[b]})" for r in pair["settled_by"])
        settle = settle or "none of hardness, SG, RI: a gem lab (spectroscopy, inclusions)"
        lines.append(f"| {a} / {b} | {pair['a_as_b']} + {pair['b_as_a']} | {pair['rate']:.0%} of "
                     f"{pair['photos']} | {settle} |")
    lines += ["", "## All pairs still confused (at least 2 photos)", "",
              "| pair | A taken for B | B taken for A | rate |", "|---|---|---|---|"]
    for pair in m["confusion_pairs"]:
        a, b = pair["classes"]
        lines.append(f"| {a} / {b} | {pair['a_as_b']} | {pair['b_as_a']} | {pair['rate']:.0%} |")
    lines += ["", "## Per-class accuracy (worst first)", "", "| class | photos | accuracy | precision | F1 |",
              "|---|---|---|---|---|"]
    for row in sorted(m["per_class"], key=lambda r: (r["accuracy"], r["class"])):
        lines.append(f"| {row['class']} | {row['n']} | {row['accuracy']:.0%} | {row['precision']:.0%} | "
                     f"{row['f1']:.2f} |")
    write_text_atomic(path, "\n".join(lines) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()

    from gemlang.evaluation import plot_reliability
    from gemlang.io import write_json_atomic

    metrics, _ = held_out_metrics(args.data, args.folds, args.seed)
    inseparable = [{**pair, "settled_by": settling_readings(*pair["classes"])}
                   for pair in metrics["confusion_pairs"] if pair["rate"] >= SEPARATION_RATE]
    results = {
        "command": shlex.join(["python", "eval/confusions.py", *sys.argv[1:]]),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPU cores, shared with other jobs while measured",
        "separation_rate": SEPARATION_RATE,
        "inseparable": inseparable,
        "metrics": metrics,
    }
    args.out.mkdir(parents=True, exist_ok=True)
    write_json_atomic(results, args.out / "confusions.json")
    plot_reliability(metrics["reliability"], args.out / "reliability.png",
                     title=f"Built-in classifier, {args.folds}-fold cross-validation")
    write_markdown(results, args.out / "confusions.md")
    print(f"top-1 {metrics['top1']:.1%}  ECE {metrics['expected_calibration_error']:.3f}  "
          f"{len(inseparable)} pairs a photo does not separate; wrote {args.out / 'confusions.md'}")


if __name__ == "__main__":
    main()
