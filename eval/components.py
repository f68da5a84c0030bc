"""Which components pay in the built-in classifier: candidate recipes scored by the built-in's own protocol.

    python eval/components.py                 # every candidate, through the shared feature cache
    python eval/components.py --latency       # also single-photo ONNX Runtime time of each candidate's encoders
    python eval/components.py --only built-in "+ Lite2-multi"
    python eval/components.py --reuse --latency   # keep the scores already in the report, add what is missing
    python eval/components.py --smoke --results DIR   # painted photos, a tiny CNN, 3 folds: seconds

Each candidate is the built-in recipe (gemlang.recipe.BUILT_IN) with other frozen encoders: duplicate-aware
stratified 5-fold cross-validation on the shared photos, heads trained on four folds score the fifth, the
held-out logits are temperature-calibrated (exactly what `gemlang build default` reports). A component
goes into the shipped model only if it raises cross-validated top-1 *and* the model stays inside the serving
budget: one photo through all its encoders in ONNX Runtime takes no longer than one eager MobileNetV2
forward pass. Writes eval/results/components.json and .md. A smoke run scores the colour histogram with and
without a small untrained CNN on painted photos, and measures the budget with that CNN instead of MobileNetV2.
"""

from __future__ import annotations

import argparse
import json
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

from gemlang.recipe import BUILT_IN  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "gemstones" / "train"
SHARED_NAME = "../shared/data/gemstones/train"
RESULTS = ROOT / "eval" / "results"
MV2, LITE0, LITE1, LITE2 = (
    "mobilenet_v2_multi",
    "efficientnet_lite0_multi",
    "efficientnet_lite1_multi",
    "efficientnet_lite2_multi",
)
BUDGET_NAMES = {"mobilenet_v2": "MobileNetV2"}
CANDIDATES = [
    BUILT_IN,
    BUILT_IN.with_changes(name="+ Lite2-multi", encoder=f"{MV2}+{LITE0}+{LITE2}+colour_hist"),
    BUILT_IN.with_changes(name="Lite2-multi instead of Lite0-multi", encoder=f"{MV2}+{LITE2}+colour_hist"),
    BUILT_IN.with_changes(name="Lite1-multi instead of Lite0-multi", encoder=f"{MV2}+{LITE1}+colour_hist"),
]
# --smoke: no weights to load, a quick head; the built-in's name is kept, so the other row is compared with it.
SMOKE_CANDIDATES = [
    BUILT_IN.with_changes(encoder=SMOKE_ENCODER, head="linear", head_options={"C": 0.05}, int8=0),
    BUILT_IN.with_changes(
        name="+ small CNN", encoder=f"{SMOKE_CNN}+{SMOKE_ENCODER}", head="linear", head_options={"C": 0.05}, int8=0
    ),
]


def shipped_scores() -> dict:
    """{encoder: cross-validated scores} of the shipped model, when it was built with the built-in recipe:
    its build ran this very protocol (same folds, seed and features), so re-running it would repeat it."""
    config = json.loads((ROOT / "gemlang" / "default_model" / "config.json").read_text())
    cv = config.get("cross_validation")
    same = config["encoder"] == BUILT_IN.encoder and config["head"]["type"] == BUILT_IN.head and not config["tta"]
    same = same and config.get("int8", {}).get("photos", 0) == BUILT_IN.int8
    if not (cv and same):
        return {}
    return {BUILT_IN.encoder: {**cv, "temperature": config["temperature"], "source": "the shipped model's build"}}


def cross_validate(recipe, data, cache, folds: int, seed: int) -> dict:
    from gemlang.metrics import classification_metrics
    from gemlang.training import folder_features, held_out_predictions

    started = time.time()
    folder = folder_features(data, recipe.feature_extractor(data), cache, progress=True)
    X, y = folder.features, folder.data.labels
    held_out = held_out_predictions(
        X,
        y,
        folder.groups,
        lambda: recipe.make_head(X.shape[1], len(folder.data.classes)),
        folds,
        seed,
        progress=print,
    )
    metrics = classification_metrics(y, held_out.probabilities(), folder.data.classes)
    keep = ("n_images", "top1", "top2", "top5", "mean_per_class_accuracy", "macro_f1", "expected_calibration_error")
    return {
        **{k: metrics[k] for k in keep},
        "temperature": held_out.temperature,
        "feature_dim": int(X.shape[1]),
        "minutes": round((time.time() - started) / 60, 1),
    }


def onnx_milliseconds(encoder_name: str, repeats: int = 30) -> float:
    """Median single-photo time of one encoder exported to ONNX Runtime (2 threads), in ms."""
    import contextlib
    import io

    import onnxruntime as ort
    import torch
    from PIL import Image

    from gemlang.encoders import create_encoder

    encoder = create_encoder(encoder_name).eval()
    x = encoder.preprocess(Image.new("RGB", (64, 64)))[None]
    with tempfile.TemporaryDirectory() as tmp, contextlib.redirect_stdout(io.StringIO()), torch.no_grad():
        path = f"{tmp}/encoder.onnx"
        torch.onnx.export(
            encoder, (x,), path, input_names=["images"], output_names=["features"], dynamo=True, external_data=False
        )
        options = ort.SessionOptions()
        options.intra_op_num_threads = 2
        session = ort.InferenceSession(path, options, providers=["CPUExecutionProvider"])
        return _median_ms(lambda: session.run(None, {"images": x.numpy()}), repeats)


def eager_milliseconds(encoder_name: str = "mobilenet_v2", repeats: int = 30) -> float:
    """The serving budget's unit: one eager PyTorch forward of one photo (MobileNetV2), 2 threads, in ms."""
    import torch
    from PIL import Image

    from gemlang.encoders import create_encoder

    encoder = create_encoder(encoder_name).eval()
    x = torch.randn(1, *encoder.preprocess(Image.new("RGB", (64, 64))).shape)  # the encoder's own input size
    with torch.no_grad():
        return _median_ms(lambda: encoder(x), repeats)


def _median_ms(run, repeats: int) -> float:
    for _ in range(3):
        run()
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    return float(np.median(times))


def write_markdown(results: dict, path: Path, head=BUILT_IN) -> None:
    """The report; `head` is the recipe whose head every candidate shares."""
    from gemlang.io import write_text_atomic

    lines = [
        "# Which components pay in the built-in classifier",
        "",
        f"Command: `{results['command']}`  ",
        f"Data: `{results['data']}`; duplicate-aware stratified {results['folds']}-fold cross-validation, head "
        f"`{head.head}` (C={head.head_options.get('C')}), held-out logits temperature-calibrated.  ",
        f"Machine: {results['machine']}.",
        "",
        "| candidate | encoders | top-1 | Δ top-1 | top-5 | mean per-class | ECE | features |"
        + (" ONNX ms / photo | × budget |" if results.get("budget_ms") else ""),
        "|---|---|---|---|---|---|---|---|" + ("---|---|" if results.get("budget_ms") else ""),
    ]
    base = next((r["cross_validation"]["top1"] for r in results["candidates"] if r["name"] == BUILT_IN.name), None)
    for row in results["candidates"]:
        cv = row["cross_validation"]
        delta = f"{(cv['top1'] - base) * 100:+.1f} pt" if base is not None else "—"
        line = (
            f"| {row['name']} | `{row['encoder']}` | {cv['top1']:.1%} | {delta} | {cv['top5']:.1%} | "
            f"{cv['mean_per_class_accuracy']:.1%} | {cv['expected_calibration_error']:.3f} | "
            f"{cv.get('feature_dim', '—')} |"
        )
        if results.get("budget_ms"):
            line += f" {row['onnx_ms']:.1f} | {row['onnx_ms'] / results['budget_ms']:.2f} |"
        lines.append(line)
    if any(r["cross_validation"].get("source") for r in results["candidates"]):
        lines += [
            "",
            "The built-in recipe's scores are those of the shipped model's build, which ran this same "
            "protocol (same folds, seed and cached features).",
        ]
    if results.get("budget_ms"):
        budget_encoder, repeats = results.get("budget_encoder", "mobilenet_v2"), results.get("latency_repeats", 30)
        lines += [
            "",
            f"Serving budget: one eager {BUDGET_NAMES.get(budget_encoder, budget_encoder)} forward = "
            f"{results['budget_ms']:.1f} ms per photo on this machine at the time; ONNX time is the sum of the "
            f"candidate's CNN encoders (median of {repeats} single-photo runs each; the colour histogram is not "
            "counted).",
        ]
    write_text_atomic(path, "\n".join(lines).rstrip() + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--cache", type=Path, default=None, help="feature cache (default the shared one)")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--only", nargs="*", default=None, help="candidate names to run (default all)")
    parser.add_argument("--latency", action="store_true", help="also time each candidate's encoders in ONNX Runtime")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="keep the cross-validated scores of candidates already in the report (same encoders)",
    )
    parser.add_argument("--results", type=Path, default=RESULTS, help="folder for components.{json,md}")
    parser.add_argument("--smoke", action="store_true", help="painted photos, a tiny CNN, 3 folds: seconds")
    args = parser.parse_args(argv)
    command = shlex.join(["python", "eval/components.py", *(sys.argv[1:] if argv is None else argv)])
    with tempfile.TemporaryDirectory(prefix="gemlang_components_") as tmp:
        if args.smoke:
            args.data, args.cache = painted_folder(Path(tmp) / "photos"), Path(tmp) / "cache"
            args.folds, args.latency = 3, True
            args.results = smoke_results(args.results, RESULTS, Path(tmp))
        measure(args, SMOKE_CANDIDATES if args.smoke else CANDIDATES, command)
    print(f"wrote {args.results / 'components.md'}")
    return 0


def measure(args, candidates: list, command: str) -> None:
    """Score (and with --latency, time) each chosen candidate; write components.json and .md into --results."""
    import torch

    from gemlang.data import scan_image_folder
    from gemlang.encoders import split_spec
    from gemlang.features import FeatureCache
    from gemlang.io import write_json_atomic

    torch.set_num_threads(2)
    data = scan_image_folder(args.data)
    cache = FeatureCache(args.cache)
    chosen = [c for c in candidates if args.only is None or c.name in args.only]
    budget_encoder, repeats = ("residual_cnn:32", 3) if args.smoke else ("mobilenet_v2", 30)
    results = {
        "command": command,
        "data": "painted photos (smoke run)" if args.smoke else f"gemstones-images train split ({SHARED_NAME})",
        "folds": args.folds,
        "machine": machine(),
        "candidates": [],
    }
    if args.latency:
        results["budget_ms"] = eager_milliseconds(budget_encoder, repeats)
        results["budget_encoder"], results["latency_repeats"] = budget_encoder, repeats
    onnx_ms: dict[str, float] = {}
    previous = {} if args.smoke else shipped_scores()
    report = args.results / "components.json"
    if args.reuse and report.is_file():
        earlier = json.loads(report.read_text())
        previous.update(
            {r["encoder"]: r["cross_validation"] for r in earlier["candidates"] if earlier["folds"] == args.folds}
        )
    for recipe in chosen:
        print(f"== {recipe.name}: {recipe.encoder}", flush=True)
        cv = previous.get(recipe.encoder) or cross_validate(recipe, data, cache, args.folds, args.seed)
        row = {"name": recipe.name, "encoder": recipe.encoder, "cross_validation": cv}
        if args.latency:
            for part in split_spec(recipe.encoder):
                if part != "colour_hist" and part not in onnx_ms:
                    onnx_ms[part] = onnx_milliseconds(part, repeats)
            row["onnx_ms"] = sum(onnx_ms[p] for p in split_spec(recipe.encoder) if p in onnx_ms)
        print(json.dumps(row), flush=True)
        results["candidates"].append(row)
    args.results.mkdir(parents=True, exist_ok=True)
    write_json_atomic(results, report)
    write_markdown(results, args.results / "components.md", head=candidates[0])


if __name__ == "__main__":
    sys.exit(main())
