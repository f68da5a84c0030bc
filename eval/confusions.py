"""How far the built-in classifier can be trusted, and where a photo is not enough.

    python eval/confusions.py                        # writes eval/results/confusions.json, .md, reliability.png
    python eval/confusions.py --smoke --results DIR  # a model built here on painted photos: seconds

Reads the cross-validation the shipped model's build ran (duplicate-aware stratified 5-fold on the shared
photos; every photo scored by a head that never saw it; stored in its config.json) and writes: top-1/top-5
and per-class accuracy; the expected calibration error with a reliability diagram; the class pairs still
mistaken for each other; and which of them a photo alone does not separate (at least SEPARATION_RATE of
the pair's photos go to the other class), each with the readings whose published ranges do not overlap
(hardness, specific gravity, refractive index), i.e. the measurement that settles it. No training: the
report always describes the model that ships. The JSON is meant to be read by the assistant.

A smoke run builds a small model on painted photos first (ruby and spinel painted alike, so a pair is
confused and settled by a reading) and reads that model instead.
"""

from __future__ import annotations

import argparse
import shlex
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from smoke import GEMS, SMOKE_ENCODER, painted_folder, smoke_results  # noqa: E402

from gemlang.model import SEPARATION_RATE  # noqa: E402

RESULTS = ROOT / "eval" / "results"
# Smallest gap between two gems' ranges that a home test or a gem lab instrument reads reliably.
READINGS = {
    "hardness": ("Mohs hardness", 0.5),
    "specific_gravity": ("specific gravity", 0.05),
    "refractive_index": ("refractive index", 0.01),
}
# --smoke: spinel painted as ruby is, so a photo cannot tell them apart; their readings can.
SMOKE_GEMS = {**GEMS, "Spinel": GEMS["Ruby"]}


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default="default", help="model folder (default: the built-in model)")
    parser.add_argument(
        "--results", "--out", type=Path, default=RESULTS, help="folder for confusions.{json,md} and reliability.png"
    )
    parser.add_argument("--smoke", action="store_true", help="a model built here on painted photos: seconds")
    args = parser.parse_args(argv)
    command = shlex.join(["python", "eval/confusions.py", *(sys.argv[1:] if argv is None else argv)])
    with tempfile.TemporaryDirectory(prefix="gemlang_confusions_") as tmp:
        if args.smoke:
            args.model = str(smoke_model(Path(tmp)))
            args.results = smoke_results(args.results, RESULTS, Path(tmp))
        report(args.model, args.results, command)
    return 0


def smoke_model(tmp: Path) -> Path:
    """A colour-histogram model with the built-in head, cross-validated on painted photos."""
    from gemlang.features import FeatureCache
    from gemlang.recipe import BUILT_IN
    from gemlang.training.build import build_default_model

    photos = painted_folder(tmp / "photos", per_class=6, classes=SMOKE_GEMS)
    recipe = BUILT_IN.with_changes(encoder=SMOKE_ENCODER, head="linear", int8=0, companion="")
    build_default_model(photos, tmp / "model", FeatureCache(tmp / "cache"), cv=3, recipe=recipe, progress=False)
    return tmp / "model"


def report(model: str, out: Path, command: str) -> None:
    from gemlang.io import write_json_atomic
    from gemlang.metrics import plot_reliability

    metrics = shipped_cross_validation(model)
    inseparable = [
        {**pair, "settled_by": settling_readings(*pair["classes"])}
        for pair in metrics["confusion_pairs"]
        if pair["rate"] >= SEPARATION_RATE
    ]
    results = {
        "command": command,
        "separation_rate": SEPARATION_RATE,
        "inseparable": inseparable,
        "metrics": metrics,
    }
    out.mkdir(parents=True, exist_ok=True)
    write_json_atomic(results, out / "confusions.json")
    plot_reliability(
        metrics["reliability"],
        out / "reliability.png",
        title=f"Built-in classifier, {metrics['folds']}-fold cross-validation",
    )
    write_markdown(results, out / "confusions.md")
    print(
        f"top-1 {metrics['top1']:.1%}  ECE {metrics['expected_calibration_error']:.3f}  "
        f"{len(inseparable)} pairs a photo does not separate; wrote {out / 'confusions.md'}"
    )


if __name__ == "__main__":
    sys.exit(main())
