"""Does int8 pay? Static quantization of the serving path's encoder graphs, measured against float32.

    python eval/int8.py [--shared-machine]          # the built-in recipe on ../shared/data/gemstones/train
    python eval/int8.py --smoke --results DIR        # painted photos and a tiny CNN: proves the script runs

Each encoder graph of the recipe is quantized with onnxruntime (QDQ, int8 weights per channel, uint8
activations) after calibration on photos spread over every class. Then, on the same duplicate-aware folds,
the recipe's head is cross-validated on float32 features and on int8 features: int8 would ship only if
top-1 moved by at most 0.3 points. Also reported: the features' relative error and one photo's encoder
latency, float32 vs int8, timed in the same run.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SHARED_TRAIN = ROOT.parent / "shared" / "data" / "gemstones" / "train"
SHIP_IF_WITHIN = 0.003  # top-1, as a fraction


def quantize(folder: Path, manifest: dict, calibration: list, out: Path) -> dict:
    """A copy of the graphs folder with every ONNX part quantized; returns the new manifest."""
    from onnxruntime.quantization import CalibrationDataReader, QuantFormat, QuantType, quantize_static
    from onnxruntime.quantization.shape_inference import quant_pre_process

    from gemlang.data import load_image
    from gemlang.encoders.pixels import ResizeNormalise

    out.mkdir(parents=True, exist_ok=True)
    for part in manifest["parts"]:
        if part["kind"] != "onnx":
            continue
        pixels = ResizeNormalise.from_dict(part["pixels"])
        batches = [{"images": pixels(load_image(p))[None]} for p in calibration]

        class Reader(CalibrationDataReader):
            def __init__(self, batches=batches):
                self.batches = iter(batches)

            def get_next(self):
                return next(self.batches, None)

        prepared = out / f"{part['graph']}.pre.onnx"
        quant_pre_process(str(folder / part["graph"]), str(prepared), skip_symbolic_shape=True)
        quantize_static(str(prepared), str(out / part["graph"]), Reader(), quant_format=QuantFormat.QDQ,
                        per_channel=True, activation_type=QuantType.QUInt8, weight_type=QuantType.QInt8)  # fmt: skip
        prepared.unlink()
    (out / "manifest.json").write_text(json.dumps(manifest))
    return manifest


def one_photo_ms(extractor, image, runs: int) -> float:
    for _ in range(2):
        extractor.encode_part(0, [image])
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        for j in range(len(extractor.parts)):
            extractor.encode_part(j, [image])
        times.append((time.perf_counter() - start) * 1000)
    return float(np.median(times))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--results", type=Path, default=ROOT / "eval" / "results")
    parser.add_argument("--data", type=Path, default=SHARED_TRAIN, help="photo collection (default ../shared/...)")
    parser.add_argument("--smoke", action="store_true", help="painted photos and a tiny CNN: proves the script runs")
    parser.add_argument("--shared-machine", action="store_true", help="say in the report the CPU was shared")
    parser.add_argument("--head", help="head to cross-validate (default: the built-in recipe's; 'linear' is quicker)")
    args = parser.parse_args(argv)

    from gemlang.data import load_image, scan_image_folder
    from gemlang.features import FeatureCache, FeatureExtractor
    from gemlang.heads import build_head
    from gemlang.recipe import BUILT_IN
    from gemlang.serving.export import export_graphs, graph_key, load_manifest
    from gemlang.serving.runtime import OnnxFeatureExtractor
    from gemlang.training.folds import folder_features, held_out_predictions

    workdir = Path(tempfile.mkdtemp(prefix="gemlang-int8-"))
    try:
        if args.smoke:
            sys.path.insert(0, str(ROOT / "eval"))
            from smoke import GEMS, SMOKE_CNN, painted_folder

            three = {g: GEMS[g] for g in ("Ruby", "Emerald", "Sapphire Blue")}
            data = scan_image_folder(painted_folder(workdir / "photos", per_class=6, classes=three))
            encoder, head_type, options, k, calibrate, runs = f"{SMOKE_CNN}+colour_hist", "linear", {}, 3, 6, 3
            cache = None
        else:
            data = scan_image_folder(args.data)
            recipe = BUILT_IN.with_changes(head=args.head)
            encoder, head_type, options = recipe.encoder, recipe.head, dict(recipe.head_options)
            k, calibrate, runs, cache = 5, 64, 30, FeatureCache()
        import torch

        torch.manual_seed(0)
        extractor = FeatureExtractor(encoder)
        fp32 = folder_features(data, extractor, cache, progress=not args.smoke)
        key = "int8-eval-" + graph_key(encoder, extractor.signature, None)
        found = load_manifest(key) or (export_graphs(extractor, key), load_manifest(key))[1]
        folder, manifest = found
        step = max(1, len(fp32.data.paths) // calibrate)
        calibration = fp32.data.paths[::step][:calibrate]
        quantize(folder, manifest, calibration, workdir / "int8")
        float_graphs = OnnxFeatureExtractor(folder, manifest)
        int8_graphs = OnnxFeatureExtractor(workdir / "int8", manifest)
        int8_features, failures = int8_graphs(fp32.data.paths, cache=None, progress=not args.smoke)
        assert not failures, failures
        served_fp32, _ = float_graphs(fp32.data.paths[:200], cache=None)
        y = np.asarray(fp32.data.labels)

        def make_head():
            return build_head({"type": head_type, "in_dim": fp32.features.shape[1], "n_classes": len(data.classes),
                               **options})  # fmt: skip

        scores = {}
        for name, X in (("float32", fp32.features), ("int8", int8_features)):
            held_out = held_out_predictions(X, y, fp32.groups, make_head, k)
            scores[name] = float((held_out.logits.argmax(1) == y).mean())
        image = load_image(fp32.data.paths[0])
        ms = {"float32": one_photo_ms(float_graphs, image, runs), "int8": one_photo_ms(int8_graphs, image, runs)}
        error = float(np.linalg.norm(int8_features[:200] - served_fp32) / np.linalg.norm(served_fp32))
        delta = scores["int8"] - scores["float32"]
        results = {
            "recipe": {"encoder": encoder, "head": head_type, "folds": k},
            "photos": len(y),
            "calibration_photos": len(calibration),
            "cv_top1": {name: round(v, 4) for name, v in scores.items()},
            "top1_change_points": round(100 * delta, 2),
            "feature_relative_error": round(error, 4),
            "encoders_one_photo_ms": {name: round(v, 2) for name, v in ms.items()},
            "ships": bool(abs(delta) <= SHIP_IF_WITHIN),
            "shared_machine": args.shared_machine,
            "command": " ".join(["python eval/int8.py", *(argv if argv is not None else sys.argv[1:])]),
        }
        verdict = (
            "within the 0.3-point budget: int8 could ship" if results["ships"]
            else "outside the 0.3-point budget: int8 does not ship; the serving path stays float32"
        )  # fmt: skip
        report = (
            f"# int8 static quantization of the encoders\n\nRecipe `{encoder}` + `{head_type}`, {len(y)} photos, "
            f"{k}-fold duplicate-aware cross-validation, {len(calibration)} calibration photos.\n\n"
            "| | float32 | int8 |\n|---|---|---|\n"
            f"| cross-validated top-1 | {scores['float32']:.1%} | {scores['int8']:.1%} |\n"
            f"| encoders, one photo (median ms) | {ms['float32']:.1f} | {ms['int8']:.1f} |\n\n"
            f"Top-1 moves by {100 * delta:+.2f} points ({verdict}); the int8 features differ from float32 by "
            f"{error:.1%} (relative L2).\n\n"
            + ("The machine was shared with other work during this run: latencies are noisy.\n\n"
               if args.shared_machine else "")
            + f"Command: `{results['command']}`\n"
        )  # fmt: skip
        from gemlang.io import write_json_atomic, write_text_atomic

        write_json_atomic(results, args.results / "int8.json")
        write_text_atomic(args.results / "int8.md", report)
        print(report)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
