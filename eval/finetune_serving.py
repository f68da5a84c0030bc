"""How would a fine-tuned backbone be served beside the built-in classifier? Its graphs in float32 or int8, with
or without the mirror image, scored on the folds that eval/finetune_fold.py kept.

    python eval/finetune_serving.py                  # every fold whose model finetune_fold.py kept (minutes)
    python eval/finetune_serving.py --smoke --results DIR   # painted photos, a one-batch model: seconds

eval/finetune_fold.py fine-tunes a backbone on four folds of the built-in model's cross-validation and keeps
the model beside the feature cache. Its scores are of eager PyTorch in float32 with the mirror image averaged
(flip TTA), which costs two forwards. On the serving path the same network would run as an ONNX graph, and,
like the built-in model's encoders, perhaps as an int8 graph (calibrated on 64 of its training photos), perhaps
on the photo alone. This scores each of those four ways on each kept fold's held-out photos, alone and
multiplied with the built-in model's out-of-fold probabilities (as finetune_fold.py combines them), and times
one photo through each graph against one eager MobileNetV2 forward: the serving budget's unit.
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

from finetune_fold import DEFAULT_DATA, fold_scores, kept_name  # noqa: E402
from fusion import photo_probabilities  # noqa: E402
from reports import machine  # noqa: E402
from smoke import smoke_results  # noqa: E402
from speed import mobilenet_forward, paired_calls  # noqa: E402

RESULTS = ROOT / "eval" / "results"
WAYS = [("float32", True), ("float32", False), ("int8", True), ("int8", False)]


def way_name(graphs: str, tta: bool) -> str:
    """No commas or dots: the README's source cells name report keys with them."""
    return f"{graphs} {'photo + mirror image' if tta else 'photo only'}"


def served_ways(model_dir: Path, calibration: list, int8_photos: int) -> tuple:
    """The fine-tuned model on its serving path, and its encoder as ONNX Runtime extractors, one per way:
    ({name: extractor}, the model)."""
    from gemlang.model import GemClassifier
    from gemlang.serving.quantize import calibration_photos, quantize_graphs
    from gemlang.serving.runtime import OnnxFeatureExtractor

    clf = GemClassifier.load(model_dir, backend="onnx")
    floats = clf.serving().extractor  # its float32 graphs, exported on first use
    int8 = quantize_graphs(floats.folder, floats.manifest, calibration_photos(calibration, int8_photos))
    graphs = {"float32": (floats.folder, floats.manifest), "int8": int8}
    ways = {way_name(g, tta): OnnxFeatureExtractor(*graphs[g], tta=tta) for g, tta in WAYS}
    return ways, clf


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--data", type=Path, default=DEFAULT_DATA)
    p.add_argument("--model", default="default", help="the classifier whose out-of-fold probabilities are multiplied")
    p.add_argument("--backbone", default="mobilenet_v2")
    p.add_argument("--folds", type=int, default=5)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--int8-photos", type=int, default=64, help="training photos that calibrate the int8 graph")
    p.add_argument("--repeats", type=int, default=30, help="single-photo timings per way (median)")
    p.add_argument("--cache", type=Path, default=None, help="where finetune_fold.py kept its folds")
    p.add_argument("--results", type=Path, default=RESULTS)
    p.add_argument("--smoke", action="store_true", help="painted photos, a one-batch fold model: proves the path runs")
    args = p.parse_args(argv)

    from gemlang.data import stratified_group_folds
    from gemlang.data.images import load_image
    from gemlang.metrics import write_json_atomic
    from gemlang.model import multiplied
    from gemlang.training import held_out_cache

    started, machine_line = time.time(), machine()
    with tempfile.TemporaryDirectory() as tmp:
        if args.smoke:  # a fold model of finetune_fold.py's own smoke run, kept in a folder of ours
            import finetune_fold
            from smoke import painted_folder

            args.data, args.folds = painted_folder(Path(tmp) / "photos", per_class=10), 2
            args.cache, args.repeats, args.int8_photos = Path(tmp) / "kept", 2, 8
            smoke_run = ["--smoke", "--data", str(args.data), "--cache", str(args.cache)]
            finetune_fold.main([*smoke_run, "--results", str(Path(tmp) / "fold")])
            args.results = smoke_results(args.results, RESULTS, Path(tmp))
        args.finetuned = "none"  # the head alone: the fine-tuned folds are multiplied in below
        data, groups, builtin, _, recipe, folds = photo_probabilities(args)
        y = np.asarray(data.labels)
        kept_dir = args.cache or held_out_cache()
        per_fold, pooled = {}, {}
        for fold, (train_idx, test_idx) in enumerate(stratified_group_folds(y, groups, folds, args.seed), start=1):
            model_dir = kept_dir / kept_name(args.backbone, fold, folds, args.seed)
            if not (model_dir / "config.json").is_file():
                continue
            print(f"fold {fold}: {len(test_idx)} held-out photos", flush=True)
            ways, clf = served_ways(model_dir, [data.paths[i] for i in train_idx], args.int8_photos)
            photos, truth = [data.paths[i] for i in test_idx], y[test_idx]
            rows = {"built-in": fold_scores(builtin[test_idx], truth)}
            for name, extract in ways.items():
                features, failures = extract(photos, progress=not args.smoke)
                if failures:
                    raise SystemExit(f"{len(failures)} held-out photos could not be read: {failures}")
                tuned = clf.probabilities_from_features(features)  # the fold model's head and temperature
                rows[f"fine-tuned {name}"] = fold_scores(tuned, truth)
                rows[f"both {name}"] = fold_scores(multiplied(builtin[test_idx], tuned), truth)
            per_fold[str(fold)] = {"n_held_out": int(len(test_idx)), "scores": rows}
            for name, r in rows.items():
                acc = pooled.setdefault(name, {"top1": 0.0, "top5": 0.0})
                acc["top1"] += r["top1"] * len(test_idx)
                acc["top5"] += r["top5"] * len(test_idx)
        if not per_fold:
            raise SystemExit(f"no kept fold models in {kept_dir}: run `python eval/finetune_fold.py --fold N` first")
        n = sum(f["n_held_out"] for f in per_fold.values())
        pooled = {name: {k: v / n for k, v in acc.items()} for name, acc in pooled.items()}
        photo = load_image(data.paths[0])
        yardstick, milliseconds, yard_ms = mobilenet_forward(), {}, []
        for name, extract in ways.items():  # each way timed in turn with the yardstick, as eval/speed.py does
            times, yard = paired_calls(lambda e=extract: e([photo]), yardstick, args.repeats)
            milliseconds[name] = float(np.median(times))
            yard_ms += yard
        budget_ms = float(np.median(yard_ms))
    command = " ".join(["python eval/finetune_serving.py", *map(shlex.quote, sys.argv[1:] if argv is None else argv)])
    results = {
        "command": command,
        "backbone": args.backbone,
        "built_in": recipe,
        "folds": folds,
        "n_held_out": n,
        "scores": pooled,
        "per_fold": per_fold,
        "one_photo_ms": milliseconds,
        "eager_mobilenet_v2_ms": budget_ms,
        "times_eager_mobilenet_v2": {name: ms / budget_ms for name, ms in milliseconds.items()},
        "int8_photos": args.int8_photos,
        "minutes": round((time.time() - started) / 60, 1),
        "machine": machine_line,
        "smoke": args.smoke,
    }
    args.results.mkdir(parents=True, exist_ok=True)
    write_json_atomic(results, args.results / "finetune_serving.json")
    write_markdown(results, args.results / "finetune_serving.md")
    print((args.results / "finetune_serving.md").read_text())
    return 0


def write_markdown(results: dict, path: Path) -> None:
    from gemlang.io import write_text_atomic

    budget = results["eager_mobilenet_v2_ms"]
    lines = [
        f"# Serving a fine-tuned {results['backbone']} beside the built-in classifier",
        "",
        f"Command: `{results['command']}` ({results['minutes']} min). Machine: {results['machine']}.",
        "",
        f"Folds {', '.join(results['per_fold'])} of {results['folds']} ({results['n_held_out']} held-out photos), the "
        "folds of the built-in model's cross-validation; each fold's model was fine-tuned on the other folds by "
        "`python eval/finetune_fold.py --fold N`. Its encoder runs here as an ONNX Runtime graph, in float32 or int8 "
        f"(static quantization calibrated on {results['int8_photos']} of the fold's training photos, as `gemlang train "
        "--int8` does), on "
        "the photo alone or averaged with its mirror image; the head and temperature are the fold model's own. "
        "'Both' multiplies the result with the built-in classifier's out-of-fold probabilities. A fold is scored "
        "when its run kept its model.",
        "",
        "| way | fine-tuned top-1 | top-5 | both top-1 | both top-5 | one photo, ms | × eager MobileNetV2 |",
        "|---|---|---|---|---|---|---|",
    ]
    s = results["scores"]
    for graphs, tta in WAYS:
        name = way_name(graphs, tta)
        alone, both, ms = s[f"fine-tuned {name}"], s[f"both {name}"], results["one_photo_ms"][name]
        lines.append(
            f"| {name} | {alone['top1']:.1%} | {alone['top5']:.1%} | {both['top1']:.1%} | {both['top5']:.1%} "
            f"| {ms:.1f} | {results['times_eager_mobilenet_v2'][name]:.2f} |"
        )
    b = s["built-in"]
    lines += [
        "",
        f"The built-in classifier alone on the same photos: {b['top1']:.1%} top-1, {b['top5']:.1%} top-5. One eager "
        f"MobileNetV2 forward took {budget:.1f} ms in this run. Timings are medians of single photos through the "
        "graph (preprocessing included), each timed in turn with the eager forward (eval/speed.py's yardstick), call "
        "by call: the ratio is the figure to carry.",
    ]
    write_text_atomic(path, "\n".join(lines) + "\n")


if __name__ == "__main__":
    sys.exit(main())
