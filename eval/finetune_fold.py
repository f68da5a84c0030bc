"""Does a fine-tuned backbone add to the built-in classifier? One fold of its cross-validation, measured.

    python eval/finetune_fold.py                 # fold 1 of 5: fine-tunes MobileNetV2 on the other four (~25 min
                                                 # on 2 quiet cores), writes eval/results/finetune_fold.{json,md}
    python eval/finetune_fold.py --backbone efficientnet_lite0 --fold 2
    python eval/finetune_fold.py --smoke --results DIR   # painted photos, one short epoch: seconds

The photos of ../shared/data/gemstones/train (exact duplicates removed) are split into the same 5
duplicate-aware folds as the built-in model's cross-validation (`gemlang build default`). On the chosen fold,
three predictions of photos that none of the models saw are compared:

- the built-in classifier: its out-of-fold calibrated probabilities (the head fitted on the other folds);
- a backbone fine-tuned end to end (`gemlang train --finetune`'s recipe) on the other four folds, which
  holds out a fifth of them for early stopping and calibration;
- the two together: the product of their calibrated probabilities, renormalised (equal weights, nothing
  tuned on the fold).

A full cross-validation would fine-tune five times (about two hours on 2 cores), so the folds are run one
command at a time: each run adds its fold to the backbone's report (or replaces a fold measured before), and
the report pools the folds measured so far, weighting each by its photos. The figures carry their sampling
error: the report gives a 95% interval for each. A report of another built-in recipe or photo collection is
replaced, not pooled with. The fine-tuned model's probabilities of the fold's photos are kept beside the
feature cache (held-out/finetuned-*.npz), with the fold's model folder beside them, so members can later be
combined, and served differently, without fine-tuning again.
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

from fusion import photo_probabilities  # noqa: E402
from reports import machine  # noqa: E402
from smoke import painted_folder, smoke_results  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "gemstones" / "train"
RESULTS = ROOT / "eval" / "results"


def fold_scores(probs: np.ndarray, y: np.ndarray) -> dict:
    """top-1 and top-5 with a normal-approximation 95% interval for the top-1."""
    top1 = float((probs.argmax(1) == y).mean())
    top5 = float((np.argsort(-probs, 1)[:, :5] == y[:, None]).any(1).mean())
    half = 1.96 * np.sqrt(top1 * (1 - top1) / len(y))
    return {"top1": top1, "top1_95": [max(0.0, top1 - half), min(1.0, top1 + half)], "top5": top5}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--data", type=Path, default=DEFAULT_DATA)
    p.add_argument("--model", default="default", help="the classifier whose out-of-fold probabilities are compared")
    p.add_argument("--backbone", default="mobilenet_v2", help="backbone to fine-tune (default mobilenet_v2)")
    p.add_argument("--fold", type=int, default=1, help="which of the folds is held out (1..folds, default 1)")
    p.add_argument("--folds", type=int, default=5)
    p.add_argument("--epochs", type=int, default=None, help="fine-tuning epochs (default the recipe's)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--cache", type=Path, default=None, help="kept out-of-fold probabilities (default the shared)")
    p.add_argument("--results", type=Path, default=RESULTS)
    p.add_argument("--smoke", action="store_true", help="painted photos, one short epoch: proves the path runs")
    args = p.parse_args(argv)

    from gemlang.data import stratified_group_folds
    from gemlang.io import atomic_file
    from gemlang.metrics import write_json_atomic
    from gemlang.model import multiplied
    from gemlang.training import held_out_cache
    from gemlang.training.finetune import FinetuneConfig, finetune_classifier

    started, machine_line = time.time(), machine()
    with tempfile.TemporaryDirectory() as tmp:
        if args.smoke:
            if args.data == DEFAULT_DATA:
                args.data = painted_folder(Path(tmp) / "photos", per_class=10)
            args.results = smoke_results(args.results, RESULTS, Path(tmp))
            args.folds, args.fold = 2, min(args.fold, 2)
        args.finetuned = "none"  # the head alone: its product with the fine-tuned backbone is what is measured here
        data, groups, probs, _, recipe, folds = photo_probabilities(args)
        y = np.asarray(data.labels)
        train_idx, test_idx = list(stratified_group_folds(y, groups, folds, args.seed))[args.fold - 1]
        config = FinetuneConfig(backbone=args.backbone, seed=args.seed, progress=not args.smoke)
        if args.epochs:
            config.epochs = args.epochs
        if args.smoke:
            config.epochs, config.max_batches, config.val_folds = 1, 1, 2
        print(f"fine-tuning {args.backbone} on {len(train_idx)} photos of folds other than {args.fold}", flush=True)
        tuned = finetune_classifier(data.subset(train_idx), config)
        tuned_probs, failures = tuned.predict_proba([data.paths[i] for i in test_idx], progress=not args.smoke)
        if failures:
            raise SystemExit(f"{len(failures)} held-out photos could not be read: {failures}")
    truth = y[test_idx]
    rows = {
        "built-in": fold_scores(probs[test_idx], truth),
        f"{args.backbone} fine-tuned": fold_scores(tuned_probs, truth),
        "both (product)": fold_scores(multiplied(probs[test_idx], tuned_probs), truth),
    }
    command = " ".join(["python eval/finetune_fold.py", *map(shlex.quote, sys.argv[1:] if argv is None else argv)])
    this_fold = {
        "command": command,
        "n_held_out": int(len(test_idx)),
        "finetune": {**tuned.info["finetune"], "validation": tuned.info["validation"]},
        "scores": rows,
        "minutes": round((time.time() - started) / 60, 1),
        "machine": machine_line,
    }
    setting = {
        "n_images": int(len(y)),
        "folds": folds,
        "built_in": recipe,
        "backbone": args.backbone,
        "smoke": args.smoke,
    }
    args.results.mkdir(parents=True, exist_ok=True)
    report = args.results / report_name(args.backbone)
    results = with_fold(report.with_suffix(".json"), setting, args.fold, this_fold)
    write_json_atomic(results, report.with_suffix(".json"))
    write_markdown(results, report.with_suffix(".md"))
    if not args.smoke or args.cache:  # kept, so members can later be combined without fine-tuning again
        kept_dir = Path(args.cache) if args.cache else held_out_cache()
        kept = kept_dir / kept_name(args.backbone, args.fold, folds, args.seed)
        with atomic_file(kept.with_suffix(".npz"), "wb") as f:
            np.savez(f, photos=np.asarray([str(data.paths[i]) for i in test_idx]), probs=tuned_probs)
        tuned.save(kept)  # the fold's model too, so other ways of serving it can be scored on the same photos
    for name, r in rows.items():
        print(f"fold {args.fold}, {name}: top-1 {r['top1']:.1%}, top-5 {r['top5']:.1%}")
    for name, r in results["scores"].items():
        print(f"folds {', '.join(results['per_fold'])} pooled, {name}: top-1 {r['top1']:.1%}, top-5 {r['top5']:.1%}")
    return 0


def kept_probabilities(photos: list, backbone: str, folds: int, seed: int = 0, cache: Path | None = None) -> np.ndarray:
    """The kept probabilities of `photos` from `backbone` fine-tuned without each photo's fold, all folds
    pooled (rows in the order of `photos`); an error naming the folds still to run if any photo is missing."""
    from gemlang.training import held_out_cache

    kept_dir = Path(cache) if cache else held_out_cache()
    row_of: dict[str, np.ndarray] = {}
    missing = []
    for fold in range(1, folds + 1):
        kept = kept_dir / f"{kept_name(backbone, fold, folds, seed)}.npz"
        if not kept.is_file():
            missing.append(fold)
            continue
        with np.load(kept) as f:
            row_of.update(zip(map(_photo_key, f["photos"].tolist()), f["probs"], strict=True))
    absent = [p for p in map(_photo_key, photos) if p not in row_of]
    if missing or absent:
        raise SystemExit(
            f"no kept {backbone} probabilities for {len(absent)} photos (folds not run: {missing or 'none'}); run "
            f"`python eval/finetune_fold.py --backbone {backbone} --fold N` for each missing fold"
        )
    return np.stack([row_of[p] for p in map(_photo_key, photos)])


def with_kept_companion(photos: list, probs: np.ndarray, labels, backbone: str, folds: int, seed: int = 0,
                        cache: Path | None = None) -> tuple[np.ndarray, float]:  # fmt: skip
    """Held-out `probs` of `photos` answered as a pair answers: multiplied by `backbone` fine-tuned without each
    photo's fold (`kept_probabilities`), the product recalibrated by one temperature fitted on these held-out
    answers, as a model's own temperature is on its held-out logits (two calibrated answers multiplied are
    over-confident). (probabilities, temperature)."""
    from gemlang.model import multiplied, pair_temperature

    tuned = kept_probabilities(photos, backbone, folds, seed, cache)
    temperature = pair_temperature(probs, tuned, labels)
    return multiplied(probs, tuned, temperature), temperature


def _photo_key(path) -> str:
    """class folder/file name: the same photo wherever the collection is mounted."""
    return "/".join(Path(path).parts[-2:])


def kept_name(backbone: str, fold: int, folds: int, seed: int) -> str:
    """The name of a fold's kept model folder; its held-out probabilities are the same name + .npz."""
    return f"finetuned-{backbone}-fold{fold}of{folds}-seed{seed}"


def report_name(backbone: str) -> str:
    """Each backbone has its own report, so measuring another does not replace MobileNetV2's folds."""
    return "finetune_fold" if backbone == "mobilenet_v2" else f"finetune_fold_{backbone}"


def with_fold(path: Path, setting: dict, fold: int, this_fold: dict) -> dict:
    """The report at `path` with this fold added (or replaced), and the folds measured so far pooled.

    Only folds measured in the same setting (photos, folds, built-in recipe, backbone) are pooled; a report of
    another setting is started afresh."""
    per_fold: dict = {}
    if path.is_file():
        old = json.loads(path.read_text())
        if {k: old.get(k) for k in setting} == setting:
            per_fold = old.get("per_fold", {})
        else:
            print(f"{path} was measured in another setting: it is replaced, not pooled with", file=sys.stderr)
    per_fold = dict(sorted({**per_fold, str(fold): this_fold}.items(), key=lambda kv: int(kv[0])))
    n = sum(f["n_held_out"] for f in per_fold.values())
    pooled = {}
    for name in this_fold["scores"]:
        top1, top5 = (
            sum(f["scores"][name][key] * f["n_held_out"] for f in per_fold.values()) / n for key in ("top1", "top5")
        )
        half = 1.96 * np.sqrt(top1 * (1 - top1) / n)
        pooled[name] = {"top1": top1, "top1_95": [max(0.0, top1 - half), min(1.0, top1 + half)], "top5": top5}
    return {**setting, "n_held_out": n, "scores": pooled, "per_fold": per_fold}


def write_markdown(results: dict, path: Path) -> None:
    from gemlang.io import write_text_atomic

    folds = results["per_fold"]
    b = results["built_in"]
    lines = [
        "# A fine-tuned backbone beside the built-in classifier: folds of the cross-validation",
        "",
        f"Fold{'s' if len(folds) > 1 else ''} {', '.join(folds)} of {results['folds']} duplicate-aware folds "
        f"({results['n_held_out']} of "
        f"{results['n_images']} deduplicated photos held out), the folds of the built-in model's cross-validation. "
        f"Built-in: {b['encoder']} + {b['head']} head, out-of-fold. Fine-tuned: {results['backbone']} on the other "
        "folds, the best epoch kept by the validation loss on a fifth of them. Both: the product of the two "
        "calibrated probabilities, renormalised, with equal weights (nothing tuned on the held-out fold).",
        "",
        f"## Pooled over the {len(folds)} fold{'s' if len(folds) > 1 else ''} measured",
        "",
        *score_table(results["scores"]),
        "",
        "Every fold measured: a full cross-validation, the figure the built-in model's targets are set on."
        if len(folds) == results["folds"]
        else f"A full cross-validation (the figure the built-in model's targets are set on) needs all "
        f"{results['folds']} folds.",
    ]
    for fold, f in folds.items():
        t = f["finetune"]
        lines += [
            "",
            f"## Fold {fold} ({f['n_held_out']} photos)",
            "",
            f"Command: `{f['command']}` ({f['minutes']} min). Machine: {f['machine']}. "
            f"Fine-tuned at {t['image_size']} px, {len(t['training']['history'])} of {t['epochs']} epochs run, the "
            f"best (epoch {t['training']['best_epoch'] + 1}) kept; flip TTA {'on' if t['tta'] else 'off'}.",
            "",
            *score_table(f["scores"]),
        ]
    write_text_atomic(path, "\n".join(lines) + "\n")


def score_table(scores: dict) -> list[str]:
    rows = ["| model | top-1 (95% interval) | top-5 |", "|---|---|---|"]
    for name, r in scores.items():
        lo, hi = r["top1_95"]
        rows.append(f"| {name} | {r['top1']:.1%} ({lo:.1%}–{hi:.1%}) | {r['top5']:.1%} |")
    return rows


if __name__ == "__main__":
    sys.exit(main())
