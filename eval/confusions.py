"""How far the built-in classifier can be trusted, and where a photo is not enough.

    python eval/confusions.py        # writes eval/results/confusions.json, confusions.md, reliability.png

Reads the cross-validation the shipped model's build ran (duplicate-aware stratified 5-fold on the shared
photos; every photo scored by a head that never saw it; stored in its config.json) and writes: top-1/top-5
and per-class accuracy; the expected calibration error with a reliability diagram; the class pairs still
mistaken for each other; and which of them a photo alone does not separate (at least SEPARATION_RATE of
the pair's photos go to the other class), each with the readings whose published ranges do not overlap
(hardness, specific gravity, refractive index), i.e. the measurement that settles it. No training: the
report always describes the model that ships. The JSON is meant to be read by the assistant.
"""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

RESULTS = ROOT / "eval" / "results"
SEPARATION_RATE = 0.10  # share of a pair's photos confused within the pair above which a photo is not enough
# Smallest gap between two gems' ranges that a home test or a gem lab instrument reads reliably.
READINGS = {
    "hardness": ("Mohs hardness", 0.5),
    "specific_gravity": ("specific gravity", 0.05),
    "refractive_index": ("refractive index", 0.01),
}


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


def shipped_cross_validation(model: str) -> dict:
    from gemlang.model import GemClassifier, ModelError

    clf = GemClassifier.load(model)
    cv = clf.info.get("cross_validation", {})
    if not {"reliability", "confusion_pairs", "per_class"} <= set(cv):
        raise ModelError(
            f"{model}: its config.json has no per-class, reliability and confusion figures; rebuild it "
            "with `gemlang build default --data DIR`."
        )
    return {**cv, "temperature": clf.temperature, "encoder": clf.extractor.spec, "head": clf.head.config["type"]}


def write_markdown(results: dict, path: Path) -> None:
    from gemlang.io import write_text_atomic

    m = results["metrics"]
    lines = [
        "# How far the built-in classifier can be trusted",
        "",
        f"Command: `{results['command']}`  ",
        f"Protocol: the shipped model's build (`{m['encoder']}`, `{m['head']}` head): duplicate-aware stratified "
        f"{m['folds']}-fold cross-validation of {m['n_images']} shared photos, every photo scored by a head that "
        f"never saw it, held-out logits calibrated (T={m['temperature']:.3f}).  ",
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
            lines.append(
                f"| {row['from']:.1f}–{row['to']:.1f} | {row['n']} | {row['confidence']:.1%} | {row['accuracy']:.1%} |"
            )
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
        lines.append(
            f"| {a} / {b} | {pair['a_as_b']} + {pair['b_as_a']} | {pair['rate']:.0%} of {pair['photos']} | {settle} |"
        )
    lines += [
        "",
        "## All pairs still confused (at least 2 photos)",
        "",
        "| pair | A taken for B | B taken for A | rate |",
        "|---|---|---|---|",
    ]
    for pair in m["confusion_pairs"]:
        a, b = pair["classes"]
        lines.append(f"| {a} / {b} | {pair['a_as_b']} | {pair['b_as_a']} | {pair['rate']:.0%} |")
    lines += [
        "",
        "## Per-class accuracy (worst first)",
        "",
        "| class | photos | accuracy | precision | F1 |",
        "|---|---|---|---|---|",
    ]
    for row in sorted(m["per_class"], key=lambda r: (r["accuracy"], r["class"])):
        lines.append(
            f"| {row['class']} | {row['n']} | {row['accuracy']:.0%} | {row['precision']:.0%} | {row['f1']:.2f} |"
        )
    write_text_atomic(path, "\n".join(lines) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default="default", help="model folder (default: the built-in model)")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()

    from gemlang.io import write_json_atomic
    from gemlang.metrics import plot_reliability

    metrics = shipped_cross_validation(args.model)
    inseparable = [
        {**pair, "settled_by": settling_readings(*pair["classes"])}
        for pair in metrics["confusion_pairs"]
        if pair["rate"] >= SEPARATION_RATE
    ]
    results = {
        "command": shlex.join(["python", "eval/confusions.py", *sys.argv[1:]]),
        "separation_rate": SEPARATION_RATE,
        "inseparable": inseparable,
        "metrics": metrics,
    }
    args.out.mkdir(parents=True, exist_ok=True)
    write_json_atomic(results, args.out / "confusions.json")
    plot_reliability(
        metrics["reliability"],
        args.out / "reliability.png",
        title=f"Built-in classifier, {metrics['folds']}-fold cross-validation",
    )
    write_markdown(results, args.out / "confusions.md")
    print(
        f"top-1 {metrics['top1']:.1%}  ECE {metrics['expected_calibration_error']:.3f}  "
        f"{len(inseparable)} pairs a photo does not separate; wrote {args.out / 'confusions.md'}"
    )


if __name__ == "__main__":
    main()
