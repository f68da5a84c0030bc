"""The seed papers' methods, re-measured side by side on the same photos and the same folds.

    nice python eval/seeds.py                      # the full comparison (about 40-60 min on 2 CPU cores)
    nice python eval/seeds.py --per-class 6        # 6 photos a class of the real collection
    python eval/seeds.py --smoke                   # painted photos, two cheap methods, 1 epoch: seconds

Photos: ../shared/data/gemstones/train, exact duplicates removed (gemlang.data.deduplicate), split into
5 stratified folds that keep copies together (gemlang.data.stratified_group_folds, seed 0). Methods that
are cheap once their features exist (histogram-rf, fusion-topk) are cross-validated on all 5 folds; the
networks trained end to end (resnet50-transfer, residual-cnn, vae and its comparison models,
autoencoder-knn) train on folds 2-5 and are tested on fold 1 (an 80/20 split; 10% of their training
part is held out for early stopping). Writes eval/results/seeds.md, .json, .csv, .per_class.csv and a t-SNE plot;
pictures that show the photos (VarGrad maps, VAE reconstructions) go to --pictures, outside the repository.
"""

from __future__ import annotations

import argparse
import csv
import shlex
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gemlang.data import deduplicate, duplicate_groups, scan_image_folder, stratified_group_folds  # noqa: E402
from gemlang.methods import evaluate_on_folds, list_methods, method_settings  # noqa: E402
from gemlang.methods.photos import PhotoSet, load_photos  # noqa: E402
from gemlang.metrics import classification_metrics  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "gemstones" / "train"

# What each method runs with here (on top of its preset) so the whole comparison fits 60 min on 2 CPU cores.
CPU_BUDGET = {
    "histogram-rf": {"folds": "all", "settings": {}},
    "fusion-topk": {"folds": "all", "settings": {"image_size": 160}},
    "resnet50-transfer": {
        "folds": "first",
        "settings": {"image_size": 160, "epochs": 3, "val_fraction": 0.1},
    },
    "residual-cnn": {"folds": "first", "settings": {"epochs": 15, "patience": 4, "val_fraction": 0.1}},
    "vae": {"folds": "first", "settings": {"epochs": 10, "patience": 3, "val_fraction": 0.1}},
    "autoencoder-knn": {"folds": "first", "settings": {"epochs": 12, "patience": 3, "val_fraction": 0.1}},
}
ROW_NOTES = {
    "vae/svm": "the VAE paper's SVM comparison: RBF SVM on 32x32 pixels, same split",
    "vae/random-forest": "the VAE paper's Random Forest comparison: 300 trees on 32x32 pixels, same split",
    "vae/cnn": "the VAE paper's CNN comparison: the VAE's encoder trained on cross-entropy alone, same split",
    "autoencoder-knn/classifier": "linear classifier (logistic regression) on the autoencoder embedding",
    "autoencoder-knn/uniform-random": "chance baseline: a uniformly random class ranking per photo",
}
COLUMNS = [
    "method",
    "protocol",
    "n_test",
    "top1",
    "top2",
    "top5",
    "mean_per_class_accuracy",
    "macro_precision",
    "macro_recall",
    "macro_f1",
    "train_seconds",
    "infer_ms_per_photo",
    "paper_reported",
    "differences",
]


def subsample(data, per_class: int, seed: int = 0):
    rng = np.random.default_rng(seed)
    keep = [i for c in np.unique(data.labels) for i in rng.permutation(np.flatnonzero(data.labels == c))[:per_class]]
    return data.subset(sorted(keep))


def difference_note(name: str, budget: dict, settings: dict, preset: dict, n_folds: int) -> str:
    parts = [preset["differences"]]
    cut = {k: v for k, v in budget["settings"].items() if k != "val_fraction"}
    if cut:
        parts.append("cut for a CPU: " + ", ".join(f"{k} {v}" for k, v in cut.items()))
    if budget["folds"] == "all":
        paper_cv = preset["settings"].get("cv")
        parts.append(
            f"{n_folds}-fold CV" + (f" (paper/preset: {paper_cv})" if paper_cv and paper_cv != n_folds else "")
        )
    else:
        parts.append(f"one 80/20 split (fold 1 of {n_folds}), early stopping on 10% of the training part")
    return "; ".join(parts)


# --smoke: two methods (one per family) with the fewest epochs, on painted photos; proves the script runs.
SMOKE = {"methods": "histogram-rf,autoencoder-knn", "settings": {"epochs": 1, "trees": 10, "patience": 1}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--per-class", type=int, default=0, help="use only N photos a class (smoke runs)")
    parser.add_argument("--methods", default=",".join(CPU_BUDGET), help="comma-separated subset of methods")
    parser.add_argument("--out", type=Path, default=ROOT / "eval" / "results")
    parser.add_argument(
        "--pictures",
        type=Path,
        default=Path.home() / ".cache" / "gemlang" / "seeds_pictures",
        help="where pictures that show the photos go (VarGrad maps, VAE reconstructions): "
        "the photo collection may not be copied into the repository",
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--threads",
        type=int,
        default=1,
        help="torch threads (default 1: on a busy shared machine, 2 threads spin-wait on each "
        "other and run many times slower)",
    )
    parser.add_argument("--smoke-settings", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--smoke", action="store_true", help="painted photos, 2 cheap methods, 2 folds: seconds")
    args = parser.parse_args(argv)
    if args.smoke:
        return smoke(args)
    import torch

    import gemlang.explain  # noqa: F401 - imported now, so edits to the tree during a long run cannot break it

    torch.set_num_threads(args.threads)
    command = "nice python eval/seeds.py " + " ".join(shlex.quote(a) for a in (sys.argv[1:] if argv is None else argv))
    print(f"reproduce with: {command}", flush=True)
    started = time.time()

    data = deduplicate(scan_image_folder(args.data))
    if args.per_class:
        data = subsample(data, args.per_class, args.seed)
    folds = list(stratified_group_folds(data.labels, duplicate_groups(data), args.folds, args.seed))
    methods = [m for m in args.methods.split(",") if m]
    presets = list_methods()
    budget = {m: {**CPU_BUDGET[m]["settings"], **(SMOKE["settings"] if args.smoke_settings else {})} for m in methods}
    settings = {m: method_settings(m, budget[m]) for m in methods}
    t = time.time()
    photos = load_photos(data, sorted({s["image_size"] for s in settings.values()}))
    print(f"{len(photos)} photos, {len(photos.classes)} classes, loaded in {time.time() - t:.0f} s", flush=True)
    args.out.mkdir(parents=True, exist_ok=True)

    shared_seconds = precompute_shared(photos, settings)
    rows, per_class = [], []
    for name in methods:
        t = time.time()
        chosen = folds if CPU_BUDGET[name]["folds"] == "all" else folds[:1]
        results = evaluate_on_folds(
            name, photos, chosen, settings[name], args.seed, on_fitted=plots(name, args.out, args.pictures)
        )
        per_photo = shared_seconds.get(name, 0.0) / len(photos)
        for row, r in results.items():
            y = photos.labels[r["indices"]]
            metrics = classification_metrics(y, r["probs"], photos.classes)
            n_train = len(photos) - len(r["indices"]) // len(chosen)
            note = ROW_NOTES.get(row) or difference_note(
                name, CPU_BUDGET[name], settings[name], presets[name], args.folds
            )
            rows.append(
                {
                    "method": row,
                    "protocol": f"{args.folds}-fold CV" if len(chosen) > 1 else f"80/20 (fold 1 of {args.folds})",
                    "n_test": len(y),
                    **{k: round(metrics[k], 4) for k in COLUMNS[3:10]},
                    "train_seconds": round(r["train_seconds"] + per_photo * n_train, 1),
                    "infer_ms_per_photo": round(r["infer_ms"] + per_photo * 1000, 2),
                    "paper_reported": presets[name]["paper"]["reported"] if row == name else "",
                    "differences": note,
                }
            )
            per_class += [{"method": row, **c} for c in metrics["per_class"]]
            print(
                f"{row}: top-1 {metrics['top1']:.1%} top-5 {metrics['top5']:.1%} ({time.time() - t:.0f} s)",
                flush=True,
            )
        write_tables(rows, per_class, args.out, command, time.time() - started, len(photos), len(photos.classes))
    print(f"done in {(time.time() - started) / 60:.1f} min; tables in {args.out}", flush=True)
    return 0


def smoke(args) -> int:
    """The whole comparison on 4 painted gems with two cheap methods; reports go to --out (a temporary folder
    unless given), never to eval/results."""
    import tempfile

    from smoke import painted_folder, smoke_results

    with tempfile.TemporaryDirectory(prefix="gemlang_seeds_") as tmp:
        out = smoke_results(args.out, ROOT / "eval" / "results", Path(tmp))
        data = painted_folder(Path(tmp) / "photos", per_class=6)
        argv = ["--data", str(data), "--folds", "2", "--methods", SMOKE["methods"], "--out", str(out),
                "--pictures", str(args.pictures), "--smoke-settings"]  # fmt: skip
        return main(argv)


def precompute_shared(photos: PhotoSet, settings: dict) -> dict[str, float]:
    """Frozen ResNet-50 passes, once for all folds and both ResNet methods; each method's cost of them."""
    from gemlang.methods.transfer import fusion_features, resnet_trunk

    seconds, trunk_done = {}, {}
    for name in ("resnet50-transfer", "fusion-topk"):
        if name not in settings:
            continue
        size = settings[name]["image_size"]
        if size not in trunk_done:
            t = time.time()
            resnet_trunk(photos, size)
            trunk_done[size] = time.time() - t
        seconds[name] = trunk_done[size]
        if name == "fusion-topk":
            t = time.time()
            fusion_features(photos, size)
            seconds[name] += time.time() - t
    return seconds


def plots(name: str, out: Path, pictures: Path):
    """The pictures each paper showed, for the first fold: t-SNE (in `out`), VarGrad maps and VAE
    reconstructions (in `pictures`: they show the photos themselves)."""
    pictures.mkdir(parents=True, exist_ok=True)

    def on_fitted(fold: int, fitted, test: PhotoSet) -> None:
        if fold != 1:
            return
        try:
            if name == "fusion-topk":
                from gemlang.explain import embedding_plot
                from gemlang.methods.transfer import fusion_features

                X = fusion_features(test, fitted.info["image_size"]).numpy()
                embedding_plot(
                    X,
                    test.labels,
                    test.classes,
                    out / "seeds.fusion_tsne.png",
                    "t-SNE of ResNet-50 F2+F4 features (fold 1 test photos)",
                )
            elif name == "residual-cnn":
                from gemlang.explain import save_explanation_grid

                paths = list(test.data.paths[:: max(1, len(test) // 6)][:6])
                save_explanation_grid(fitted.classifier, paths, pictures / "seeds.residual_cnn_vargrad.png", "vargrad")
            elif name == "vae":
                from gemlang.methods.scratch import save_reconstructions

                save_reconstructions(
                    fitted.model,
                    test.pixels(fitted.info["image_size"])[:8],
                    pictures / "seeds.vae_reconstructions.png",
                )
        except Exception as e:  # noqa: BLE001 - a failed picture must not lose the measured numbers
            print(f"{name}: plot failed ({e})", flush=True)

    return on_fitted


def write_tables(rows, per_class, out: Path, command: str, seconds: float, n_photos: int, n_classes: int) -> None:
    from gemlang.metrics import write_json_atomic

    summary = {"command": command, "seconds": round(seconds, 1), "n_images": n_photos, "n_classes": n_classes}
    write_json_atomic({**summary, "methods": {r["method"]: r for r in rows}}, out / "seeds.json")
    with open(out / "seeds.csv", "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    with open(out / "seeds.per_class.csv", "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=["method", "class", "n", "accuracy", "precision", "f1"])
        writer.writeheader()
        writer.writerows(per_class)
    pct = lambda v: f"{100 * v:.1f}"  # noqa: E731
    lines = [
        "# The seed papers' methods, re-measured on the same photos",
        "",
        f"{n_photos} deduplicated photos of {n_classes} classes (../shared/data/gemstones/train), stratified "
        "folds that keep exact duplicates together. Percentages; train time is seconds per fit on this "
        "2-core CPU (frozen ResNet-50 passes included pro rata), inference is ms per photo from decoded "
        "pixels.",
        f"Total run time {seconds / 60:.1f} min. Reproduce with:",
        "",
        f"    {command}",
        "",
        "| method | protocol | top-1 | top-2 | top-5 | mean per-class | macro P | macro R | macro F1 "
        "| train s | infer ms | paper reported |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['method']} | {r['protocol']} | {pct(r['top1'])} | {pct(r['top2'])} | {pct(r['top5'])} | "
            f"{pct(r['mean_per_class_accuracy'])} | {pct(r['macro_precision'])} | {pct(r['macro_recall'])} | "
            f"{pct(r['macro_f1'])} | {r['train_seconds']:.0f} | {r['infer_ms_per_photo']:.1f} | "
            f"{r['paper_reported']} |"
        )
    lines += ["", "## What differs from each paper", ""]
    lines += [f"- **{r['method']}**: {r['differences']}" for r in rows]
    lines += ["", "Per-class accuracy, precision and F1 of every method: seeds.per_class.csv.", ""]
    (out / "seeds.md").write_text("\n".join(lines))


if __name__ == "__main__":
    sys.exit(main())
