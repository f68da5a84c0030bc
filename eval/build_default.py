"""Measure the build of the built-in classifier: how long it takes, what it scores, and whether it reproduces
the shipped model (gemlang/default_model/) exactly.

    python eval/build_default.py                  # with the shared feature cache; writes eval/results/build_default.*
    python eval/build_default.py --empty-cache    # from raw photos: a fresh feature cache in a temporary folder
    python eval/build_default.py --smoke          # a few painted photos and a light recipe, seconds

It runs the same library function as `gemlang build default --data DIR` (which writes the shipped folder),
but into a temporary folder, so measuring never changes what ships.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from reports import machine

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "gemstones" / "train"
RESULTS = ROOT / "eval" / "results"
SCORES = ("top1", "top5", "mean_per_class_accuracy", "expected_calibration_error")


def same_model(built: Path, shipped: Path) -> dict:
    """Whether two model folders hold the same weights (head, and a companion's head and encoder), classes,
    temperatures and recipe."""
    import json

    from safetensors.numpy import load_file

    def weights(folder: Path) -> dict:
        files = ("head.safetensors", "companion/head.safetensors", "companion/encoder.safetensors")
        return {f"{name}:{k}": v for name in files if (folder / name).is_file()
                for k, v in load_file(str(folder / name)).items()}  # fmt: skip

    a, b = (json.loads((p / "config.json").read_text()) for p in (built, shipped))
    wa, wb = weights(built), weights(shipped)
    same_weights = wa.keys() == wb.keys() and all(np.array_equal(wa[k], wb[k]) for k in wa)
    fields = ("encoder", "encoder_signature", "tta", "head", "classes", "temperature", "cross_validation", "int8",
              "companion")  # fmt: skip
    return {
        "identical_weights": bool(same_weights),
        "identical_config": {f: a.get(f) == b.get(f) for f in fields},
        "max_abs_weight_difference": None
        if wa.keys() != wb.keys()
        else float(max(np.abs(wa[k].astype(np.float64) - wb[k]).max() for k in wa)),
    }


def write_markdown(results: dict, path: Path) -> None:
    from gemlang.io import write_text_atomic

    cv = results["cross_validation"]
    lines = [
        "# Building the built-in classifier",
        "",
        f"Command: `{results['command']}`  ",
        f"Data: `{results['data']}`, {results['n_images']} photos after removing exact duplicates; recipe "
        f"`{results['recipe']['encoder']}` + `{results['recipe']['head']}` head, {cv['folds']}-fold cross-validation.",
        f"Machine: {results['machine']}.",
        "",
        "| what | value |",
        "|---|---|",
        f"| feature cache | {results['cache']} |",
        f"| build time | {results['minutes']:.1f} min |",
        *(f"| {k.replace('_', ' ')} (cross-validated) | {cv[k]:.3f} |" for k in SCORES),
    ]
    pair = results.get("companion_held_out")
    if pair:
        lines += [
            f"| {pair['backbone']} companion fine-tuned on all photos but fold 1 ({pair['n_images']} photos) | pair "
            f"temperature {pair['temperature']:.3f} |",
            *(f"| top-1 / top-5 on fold 1: {name} | {pair[name]['top1']:.3f} / {pair[name]['top5']:.3f} |"
              for name in ("model", "companion", "pair")),
        ]  # fmt: skip
    if results.get("kept"):
        lines.append(f"| model folder kept as | `{results['kept']}` |")
    if results.get("reproduces_shipped") is not None:
        same = results["reproduces_shipped"]["identical_weights"]
        lines.append(f"| same weights as gemlang/default_model at the time | {'yes' if same else 'no'} |")
    write_text_atomic(path, "\n".join(lines) + "\n")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data", type=Path, default=DEFAULT_DATA)
    p.add_argument("--cache", type=Path, default=None, help="feature cache (default ~/.cache/gemlang)")
    p.add_argument("--empty-cache", action="store_true", help="time the build from raw photos (fresh cache)")
    p.add_argument("--results", type=Path, default=RESULTS, help="folder for build_default.{json,md}")
    p.add_argument("--smoke", action="store_true", help="painted photos, a light recipe, 3 folds: seconds")
    p.add_argument("--keep", type=Path, default=None, help="also keep the built model folder there")
    args = p.parse_args(argv)
    logging_to_stderr()

    from gemlang.features import FeatureCache
    from gemlang.metrics import write_json_atomic
    from gemlang.model import DEFAULT_MODEL_DIR
    from gemlang.recipe import BUILT_IN
    from gemlang.training.build import build_default_model

    recipe, cv = BUILT_IN, 5
    with tempfile.TemporaryDirectory(prefix="gemlang_build_") as tmp:
        tmp = Path(tmp)
        if args.smoke:
            from smoke import SMOKE_ENCODER, painted_folder, smoke_results

            args.data = painted_folder(tmp / "photos")
            recipe, cv = BUILT_IN.with_changes(encoder=SMOKE_ENCODER, int8=0, companion=""), 3
            args.empty_cache = True
            args.results = smoke_results(args.results, RESULTS, tmp)
        cache_dir = tmp / "cache" if args.empty_cache else args.cache
        started = time.time()
        clf = build_default_model(args.data, tmp / "model", FeatureCache(cache_dir), cv=cv, recipe=recipe)
        seconds = time.time() - started
        shipped = None if args.smoke else same_model(tmp / "model", DEFAULT_MODEL_DIR)
        if args.keep:
            shutil.copytree(tmp / "model", args.keep, dirs_exist_ok=True)
        results = {
            "command": shlex.join(["python", "eval/build_default.py", *(sys.argv[1:] if argv is None else argv)]),
            "data": "painted photos (smoke run)" if args.smoke else os.path.relpath(args.data, ROOT),
            "n_images": clf.info["trained_on"]["n_images"],
            "recipe": recipe.to_dict(),
            "cache": "empty (features computed from the photos)" if args.empty_cache else "shared, already filled",
            "seconds": round(seconds, 1),
            "minutes": round(seconds / 60, 1),
            "cross_validation": clf.info["cross_validation"],
            "companion_held_out": clf.info.get("companion_held_out"),
            "reproduces_shipped": shipped,
            "kept": os.path.relpath(args.keep, ROOT) if args.keep else None,
            "machine": machine(),
        }
        args.results.mkdir(parents=True, exist_ok=True)
        write_json_atomic(results, args.results / "build_default.json")
        write_markdown(results, args.results / "build_default.md")
    print(f"built in {results['minutes']:.1f} min; cross-validated top-1 {clf.info['cross_validation']['top1']:.1%}")
    if shipped is not None:
        print(f"same head weights as the shipped model: {shipped['identical_weights']}")
    return 0


def logging_to_stderr() -> None:
    import logging

    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
