"""What `gemlang train --int8` costs and gains against float32 encoders, from one run on one machine.

    python eval/int8.py [--heads linear linear+mlp] [--shared-machine]   # the built-in recipe, ../shared photos
    python eval/int8.py --smoke --results DIR      # painted photos and a tiny CNN: proves the script runs

For each head, the built-in recipe's encoders are trained on the photo folder twice, exactly as `gemlang
train` does (gemlang.training.train_classifier): on float32 features, and with `int8` (the encoder graphs
quantized statically by gemlang.serving.quantize, calibrated on 64 photos spread over the classes, and the
head, calibration and scope check fitted on the int8 features). Both are cross-validated on the same
duplicate-aware folds: int8 ships as an option only if top-1 moves by at most 0.3 points. Then both models
predict one photo at a time through `GemClassifier.predict` on the serving path (onnxruntime), interleaved
photo by photo, with one eager torchvision MobileNetV2 forward timed in the same run as a yardstick. Also
reported: how far the int8 features are from float32 (relative L2).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SHARED_TRAIN = ROOT.parent / "shared" / "data" / "gemstones" / "train"
SHIP_IF_WITHIN = 0.003  # top-1, as a fraction
PRECISIONS = ("float32", "int8")


def relative_error(float_clf, int8_clf, paths: list, cache) -> float:
    """||int8 - float32|| / ||float32|| of the features of `paths` (through the feature cache)."""
    x = float_clf.serving().extractor(paths, cache=cache)[0]
    q = int8_clf.feature_extractor(paths, cache=cache)[0]
    return float(np.linalg.norm(q - x) / np.linalg.norm(x))


def predict_timings(models: dict, photos: list, runs: int) -> dict:
    """One photo through each model's `predict` (serving path), interleaved photo by photo; ms per call."""
    from speed import time_calls

    times: dict = {name: [] for name in models}
    for photo in photos:
        for name, clf in models.items():
            times[name] += time_calls(lambda c=clf, p=photo: c.predict(p), runs, warmup=1)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--results", type=Path, default=ROOT / "eval" / "results")
    parser.add_argument("--data", type=Path, default=SHARED_TRAIN, help="photo collection (default ../shared/...)")
    parser.add_argument("--smoke", action="store_true", help="painted photos and a tiny CNN: proves the script runs")
    parser.add_argument("--shared-machine", action="store_true", help="say in the report the CPU was shared")
    parser.add_argument("--heads", nargs="+", default=["linear", "linear+mlp"],
                        help="heads to compare (default: linear and the built-in linear+mlp)")  # fmt: skip
    args = parser.parse_args(argv)

    sys.path.insert(0, str(ROOT / "eval"))
    from speed import machine, mobilenet_yardstick, shared_photos, summary

    from gemlang.data import scan_image_folder
    from gemlang.features import FeatureCache
    from gemlang.recipe import BUILT_IN
    from gemlang.serving.quantize import CALIBRATION_PHOTOS
    from gemlang.training import train_classifier

    workdir = Path(tempfile.mkdtemp(prefix="gemlang-int8-"))
    try:
        if args.smoke:
            from smoke import GEMS, SMOKE_CNN, painted_folder

            three = {g: GEMS[g] for g in ("Ruby", "Emerald", "Sapphire Blue")}
            data = scan_image_folder(painted_folder(workdir / "photos", per_class=6, classes=three))
            recipe = BUILT_IN.with_changes(encoder=f"{SMOKE_CNN}+colour_hist", companion="")
            k, calibrate, runs, cache, photos = 3, 6, 2, FeatureCache(workdir / "features"), data.paths[:3]
        else:
            data = scan_image_folder(args.data)
            recipe = BUILT_IN.with_changes(companion="")  # the frozen encoders are what is quantized
            k, calibrate, runs, cache = 5, CALIBRATION_PHOTOS, 15, FeatureCache()
            photos = shared_photos(args.data, 20)
        import torch

        heads, models = {}, {}
        for head in args.heads:
            for precision in PRECISIONS:
                torch.manual_seed(0)  # the smoke CNN's random weights: the same for both precisions
                clf = train_classifier(data, head=head, cv=k, cache=cache, recipe=recipe,
                                       int8=calibrate if precision == "int8" else 0)  # fmt: skip
                clf.backend = "onnx"  # the serving path for both (they would take it by default on a CPU)
                models[f"{head} {precision}"] = clf
                cv = clf.info["cross_validation"]
                heads.setdefault(head, {"cv_top1": {}, "cv_top5": {}})
                heads[head]["cv_top1"][precision] = round(cv["top1"], 4)
                heads[head]["cv_top5"][precision] = round(cv["top5"], 4)
            scores = heads[head]["cv_top1"]
            delta = scores["int8"] - scores["float32"]
            heads[head].update(top1_change_points=round(100 * delta, 2), ships=bool(abs(delta) <= SHIP_IF_WITHIN))
        last = args.heads[-1]
        float_clf, int8_clf = models[f"{last} float32"], models[f"{last} int8"]
        error = relative_error(float_clf, int8_clf, data.paths[:200], cache)
        yardstick = summary(mobilenet_yardstick(runs * 4))
        times = predict_timings(models, photos, runs)
        timings = {name: summary(ms) for name, ms in times.items()}
        for t in timings.values():
            t["ratio_to_mobilenet_v2"] = float(f"{t['median_ms'] / yardstick['median_ms']:.3g}")
        # The head is a few matrix products: one photo's time is the encoders', so both heads' times pool.
        pooled = {p: summary([t for name, ms in times.items() if name.endswith(p) for t in ms]) for p in PRECISIONS}
        speedup = round(pooled["float32"]["median_ms"] / pooled["int8"]["median_ms"], 2)
        command = " ".join(["python eval/int8.py", *(argv if argv is not None else sys.argv[1:])])
        results = {
            "recipe": {"encoder": recipe.encoder, "folds": k},
            "photos": int(int8_clf.info["trained_on"]["n_images"]),
            "calibration_photos": int8_clf.info["int8"]["photos"],
            "heads": heads,
            "feature_relative_error": round(error, 4),
            "predict_one_photo": {
                "yardstick_mobilenet_v2": yardstick,
                **pooled,
                "by_model": timings,
                "speedup_median": speedup,
            },  # fmt: skip
            "machine": machine(args.shared_machine),
            "command": command,
        }
        report = markdown(results)
        from gemlang.io import write_json_atomic, write_text_atomic

        write_json_atomic(results, args.results / "int8.json")
        write_text_atomic(args.results / "int8.md", report)
        print(report)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


def markdown(results: dict) -> str:
    heads, timing = results["heads"], results["predict_one_photo"]
    rows = "".join(
        f"| `{head}` | {h['cv_top1']['float32']:.1%} | {h['cv_top1']['int8']:.1%} | {h['top1_change_points']:+.2f} "
        f"| {'yes' if h['ships'] else 'no'} |\n"
        for head, h in heads.items()
    )
    yard = timing["yardstick_mobilenet_v2"]["median_ms"]
    speed = "".join(
        f"| {p} | {timing[p]['median_ms']:.1f} | {timing[p]['p95_ms']:.1f} | {timing[p]['median_ms'] / yard:.2f} |\n"
        for p in PRECISIONS
    )
    m = results["machine"]
    load = ", ".join(f"{v:.2f}" for v in m["load_average_at_start"])
    shared = "shared with other work while measured" if m["shared_with_other_work"] else "not shared with other work"
    return (
        f"# `gemlang train --int8` against float32 encoders\n\n"
        f"Recipe `{results['recipe']['encoder']}`, {results['photos']} photos, {results['recipe']['folds']}-fold "
        f"duplicate-aware cross-validation (the same folds for both), {results['calibration_photos']} calibration "
        "photos. Each model is fitted on the features it serves with.\n\n"
        "| head | CV top-1 float32 | CV top-1 int8 | change (points) | within 0.3 points |\n|---|---|---|---|---|\n"
        f"{rows}\n"
        f"`GemClassifier.predict`, one photo, serving path (onnxruntime), pooled over the heads compared "
        f"({timing['float32']['n']} calls each; one eager MobileNetV2 forward: {yard:.1f} ms in the same run):\n\n"
        "| encoders | median ms | p95 ms | x MobileNetV2 forward |\n|---|---|---|---|\n"
        f"{speed}\n"
        f"int8 is {timing['speedup_median']}x faster at the median; its features differ from float32 by "
        f"{results['feature_relative_error']:.1%} (relative L2), which is why the head is fitted on them.\n\n"
        f"Machine: {m['cpus']} CPUs ({m['processor']}), {shared}; load average at start {load}.\n\n"
        f"Command: `{results['command']}`\n"
    )


if __name__ == "__main__":
    sys.exit(main())
