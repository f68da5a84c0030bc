"""Augmented views of each photo: does the built-in head gain from training on them, or from averaging over them?

    python eval/views.py              # writes eval/results/views.json and .md (about 30 min on 2 cores)
    python eval/views.py --smoke --results DIR  # a few painted photos, two folds: checks the script runs

Each photo of the shared collection is seen as it is and in K views (default 4), drawn as the fine-tuning recipe
augments (`gemlang.training.finetune`): a random zoom-crop of up to 1.4 times, a mirror image half of the time,
a quarter turn (a gem photo has no "up") and mild brightness and contrast jitter, no hue change. The built-in
model's int8 encoders give the features, and the built-in head (its own settings) is cross-validated on the
duplicate-aware folds of the build, four ways:
- trained on the photos, scored on each held-out photo as it is (what ships);
- trained on the photos and their views, scored as it is;
- either head scored on the average of its probabilities over the photo and its K views (test-time views).
Test-time views cost K + 1 passes of the encoders per photo, against the serving budget of one eager MobileNetV2
forward for the whole answer (`eval/results/speed.md`).
"""

from __future__ import annotations

import argparse
import json
import random
import shlex
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reports import machine  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "gemstones" / "train"
RESULTS = ROOT / "eval" / "results"
ZOOM, JITTER = 1.4, 0.1  # as gemlang.training.finetune.FinetuneConfig's zoom and jitter


def view(image, rng: random.Random):
    """One augmented view of a photo (see the module's docstring)."""
    from PIL import Image, ImageEnhance

    w, h = image.size
    side = rng.uniform(1 / ZOOM, 1.0)
    cw, ch = max(1, int(w * side)), max(1, int(h * side))
    left, top = rng.randint(0, w - cw), rng.randint(0, h - ch)
    out = image.crop((left, top, left + cw, top + ch))
    if rng.random() < 0.5:
        out = out.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    out = out.rotate(90 * rng.randint(0, 3), expand=True)
    out = ImageEnhance.Brightness(out).enhance(rng.uniform(1 - JITTER, 1 + JITTER))
    return ImageEnhance.Contrast(out).enhance(rng.uniform(1 - JITTER, 1 + JITTER))


def scores(p: np.ndarray, y: np.ndarray) -> dict:
    top5 = np.argsort(-p, 1)[:, :5]
    return {"top1": float((p.argmax(1) == y).mean()), "top5": float((top5 == y[:, None]).any(1).mean())}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--views", type=int, default=4, help="augmented views per photo (default 4)")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--results", type=Path, default=RESULTS)
    parser.add_argument("--smoke", action="store_true", help="painted photos, two folds: checks the script runs")
    args = parser.parse_args(argv)
    if args.smoke:
        from smoke import painted_folder

        with tempfile.TemporaryDirectory() as tmp:
            painted_folder(Path(tmp), per_class=4)
            rest = [a for a in (argv or []) if a != "--smoke"]
            return main([*rest, "--data", tmp, "--views", "2", "--folds", "2"])

    import torch
    from tqdm import tqdm

    from gemlang.data import deduplicate, duplicate_groups, load_image, scan_image_folder, stratified_group_folds
    from gemlang.heads import build_head
    from gemlang.io import write_text_atomic
    from gemlang.model import GemClassifier

    started = time.time()
    data = deduplicate(scan_image_folder(args.data))
    groups, y, k = duplicate_groups(data), data.labels, args.views
    model = GemClassifier.load("default")
    extract = model.serving().extractor  # the int8 graphs the built-in head was fitted on
    rng = random.Random(args.seed)
    X = np.zeros((k + 1, len(data), model.head_config["in_dim"]), np.float32)  # [0]: the photos as they are
    batch = 64
    for start in tqdm(range(0, len(data), batch), desc="photos and their views"):
        photos = [load_image(p) for p in data.paths[start : start + batch]]
        for v in range(k + 1):
            shown = photos if v == 0 else [view(photo, rng) for photo in photos]
            features, failures = extract(shown, cache=None, progress=False)
            if failures:
                raise SystemExit(f"cannot read: {failures}")
            X[v, start : start + batch] = features
    config = dict(model.head_config, n_classes=len(data.classes))
    ways = ("photos", "photos and views", "photos with test-time views", "photos and views with test-time views")
    probs = {name: np.zeros((len(y), len(data.classes)), np.float32) for name in ways}
    for train, test in tqdm(list(stratified_group_folds(y, groups, args.folds, args.seed)), desc="folds"):
        for trained_on in ("photos", "photos and views"):
            views = range(1) if trained_on == "photos" else range(k + 1)
            head = build_head(config).fit(np.concatenate([X[v, train] for v in views]), np.tile(y[train], len(views)))
            with torch.no_grad():
                each = [torch.softmax(head(torch.from_numpy(X[v, test])), 1).numpy() for v in range(k + 1)]
            probs[trained_on][test] = each[0]
            probs[f"{trained_on} with test-time views"][test] = np.mean(each, 0)
    result = {
        "command": "python eval/views.py" + (" " + shlex.join(argv) if argv else ""),
        "machine": machine(),
        "photos": len(y),
        "views": k,
        "folds": args.folds,
        "encoder_passes_with_test_time_views": k + 1,
        "scores": {name: scores(p, y) for name, p in probs.items()},
        "minutes": round((time.time() - started) / 60, 1),
    }
    args.results.mkdir(parents=True, exist_ok=True)
    write_text_atomic(args.results / "views.json", json.dumps(result, indent=2) + "\n")
    rows = [f"| {name} | {s['top1']:.1%} | {s['top5']:.1%} |" for name, s in result["scores"].items()]
    write_text_atomic(
        args.results / "views.md",
        "\n".join(
            [
                "# Augmented views of each photo: training on them, averaging over them",
                "",
                f"Command: `{result['command']}` ({result['minutes']} min). Machine: {result['machine']}.",
                "",
                f"{len(y)} photos, {k} augmented views each; the built-in head on the built-in int8 encoders' "
                f"features, {args.folds} duplicate-aware folds. Test-time views cost {k + 1} encoder passes per "
                "photo.",
                "",
                "| head trained on, scored on | top-1 | top-5 |",
                "|---|---|---|",
                *rows,
            ]
        )
        + "\n",
    )
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
