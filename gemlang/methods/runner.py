"""Run a seed method: fit it on folds and score the held-out photos, or train it and write its model."""

from __future__ import annotations

import logging
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from gemlang.data import deduplicate, duplicate_groups, scan_image_folder, stratified_group_folds
from gemlang.errors import UsageError
from gemlang.methods.photos import PhotoSet, load_photos
from gemlang.metrics import classification_metrics, summary_line, write_json_atomic, write_report

logger = logging.getLogger("gemlang")


def _fit(name: str, train: PhotoSet, settings: dict, seed: int):
    from gemlang.methods import get_fitter
    from gemlang.methods.common import split_off

    val = None
    if settings.get("val_fraction"):
        train, val = split_off(train, settings["val_fraction"], seed)
    started = time.time()
    fitted = get_fitter(name)(train, val, settings, seed)
    return fitted, time.time() - started


def evaluate_on_folds(
    name: str,
    photos: PhotoSet,
    folds: list[tuple[np.ndarray, np.ndarray]],
    settings: dict,
    seed: int = 0,
    log: Callable[[str], None] = logger.info,
    on_fitted: Callable | None = None,
) -> dict[str, dict]:
    """Fit `name` on each fold's training photos and predict its test photos.

    Returns {row: {"indices", "probs", "train_seconds" (mean per fold), "infer_ms" (per photo)}}: one row
    for the method and one per extra model it trains on the same split (e.g. "vae/svm").
    `on_fitted(fold, fitted, test_photos)` is called after each fit (plots, extra reports).
    """
    rows: dict[str, dict] = {}
    for f, (train_idx, test_idx) in enumerate(folds, 1):
        fitted, seconds = _fit(name, photos.subset(train_idx), settings, seed)
        test = photos.subset(test_idx)
        if on_fitted:
            on_fitted(f, fitted, test)
        predictors = {
            name: fitted.predict_proba,
            **{f"{name}/{k}": v for k, v in fitted.extra_predictions.items()},
        }
        extra_seconds = fitted.info.get("extra_train_seconds", {})
        for row, predict in predictors.items():
            started = time.time()
            probs = predict(test)
            ms = (time.time() - started) * 1000 / max(len(test), 1)
            r = rows.setdefault(row, {"indices": [], "probs": [], "train_seconds": [], "infer_ms": []})
            r["indices"].append(test_idx)
            r["probs"].append(np.asarray(probs, dtype=np.float32))
            r["train_seconds"].append(extra_seconds.get(row.split("/", 1)[-1], seconds) if row != name else seconds)
            r["infer_ms"].append(ms)
        log(f"{name}: fold {f}/{len(folds)} done in {seconds:.0f} s")
    return {
        row: {
            "indices": np.concatenate(r["indices"]),
            "probs": np.concatenate(r["probs"]),
            "train_seconds": float(np.mean(r["train_seconds"])),
            "infer_ms": float(np.mean(r["infer_ms"])),
        }
        for row, r in rows.items()
    }


def precompute_frozen(name: str, photos: PhotoSet, settings: dict) -> None:
    """Run a method's frozen network once over all photos, so folds and splits reuse the outputs."""
    from gemlang.methods import transfer

    progress = settings.get("progress", True)
    if name == "resnet50-transfer":
        transfer.resnet_trunk(photos, settings["image_size"], progress)
    elif name == "fusion-topk":
        transfer.fusion_features(photos, settings["image_size"], progress)


def cross_validate_method(
    name: str, photos: PhotoSet, k: int, settings: dict, seed: int, report_dir: Path, log=logger.info
) -> dict:
    """K duplicate-aware stratified folds; a report (metrics, per-class CSV, confusion matrix) per row."""
    folds = list(stratified_group_folds(photos.labels, duplicate_groups(photos.data), k, seed))
    results = evaluate_on_folds(name, photos, folds, settings, seed, log)
    summary = {}
    for row, r in results.items():
        y = photos.labels[r["indices"]]
        metrics = classification_metrics(y, r["probs"], photos.classes)
        metrics.update(folds=k, method=row, train_seconds=r["train_seconds"], infer_ms=r["infer_ms"])
        write_report(metrics, y, r["probs"], photos.classes, report_dir / row.replace("/", "_"))
        log(f"{row} ({k}-fold CV): {summary_line(metrics)}")
        summary[row] = {key: v for key, v in metrics.items() if key != "per_class"}
    return summary


def train_method(
    name: str,
    data_dir: str | Path,
    out: str | Path,
    cv: int | None = None,
    seed: int = 0,
    overrides: dict | None = None,
    log: Callable[[str], None] = logger.info,
) -> dict:
    """`gemlang train --method NAME`: optional K-fold CV report, then the model folder (if it has one)."""
    from gemlang.methods import load_preset, method_settings
    from gemlang.methods.common import split_off

    preset = load_preset(name)
    settings = method_settings(name, overrides)
    out = Path(out)
    preset_cv = cv is None
    if preset_cv:  # the paper's protocol when the preset names one (fusion-topk: 10 folds)
        cv = settings.get("cv", 0)
    if not preset.get("saves_model") and cv < 2:
        raise UsageError(f"{name} is evaluation-only (it has no pickle-free model folder): give --cv K, K >= 2")
    data = deduplicate(scan_image_folder(data_dir))
    photos = load_photos(data, [settings["image_size"]], progress=settings.get("progress", True))
    log(f"{len(photos)} photos in {len(photos.classes)} classes (duplicates removed) from {data_dir}")
    smallest = int(np.bincount(photos.labels).min())
    if preset_cv and cv > smallest:
        log(f"the smallest class has {smallest} photos: {smallest}-fold instead of the preset's {cv}-fold CV")
        cv = smallest
    precompute_frozen(name, photos, settings)
    result: dict = {"method": name, "settings": settings}
    # Saving a model replaces the whole folder, so its CV report waits beside it until then.
    report_dir = out / "cv_report" if not preset.get("saves_model") else out.with_name(f".{out.name}.cv_report")
    if cv:
        result["cross_validation"] = cross_validate_method(name, photos, cv, settings, seed, report_dir, log)
    if not preset.get("saves_model"):
        write_json_atomic(result, out / "cv_report" / "summary.json")
        log(f"{name} is evaluation-only: report written to {out / 'cv_report'}")
        return result
    train, val = split_off(photos, settings["val_fraction"], seed)
    from gemlang.methods import get_fitter

    # Best states are checkpointed beside the model while it trains; removed once the model is saved.
    checkpoints = out.with_name(f".{out.name}.checkpoints")
    settings = {**settings, "checkpoint_dir": str(checkpoints)}

    started = time.time()
    fitted = get_fitter(name)(train, val, settings, seed)
    val_probs = fitted.predict_proba(val)
    metrics = classification_metrics(val.labels, val_probs, photos.classes)
    per_class = metrics.pop("per_class")
    log(f"{name} on its validation split ({len(val)} photos): {summary_line(metrics)}")
    comparisons = {}
    for extra, predict in fitted.extra_predictions.items():  # e.g. the VAE paper's SVM, forest and CNN
        comparisons[extra] = classification_metrics(val.labels, predict(val), photos.classes)
        comparisons[extra].pop("per_class")
        log(f"  {name}/{extra} on the same split: {summary_line(comparisons[extra])}")
    info = fitted.classifier.info
    info.update(
        method=name,
        method_settings=settings,
        paper=preset["paper"],
        differences=preset["differences"],
        validation=metrics,
        comparisons=comparisons,
        train_seconds=round(time.time() - started, 1),
        seed=seed,
        trained_on={
            "data": str(Path(data.root).resolve()),
            "n_images": len(photos),
            "n_classes": len(photos.classes),
            "skipped": [[str(p), why] for p, why in photos.data.skipped],
        },
        model_card=_model_card(name, preset, metrics, result.get("cross_validation")),
    )
    fitted.save(out)
    shutil.rmtree(checkpoints, ignore_errors=True)
    write_report({**metrics, "per_class": per_class}, val.labels, val_probs, photos.classes, out / "validation_report")
    if cv:
        shutil.move(str(report_dir), str(out / "cv_report"))
        write_json_atomic(result, out / "cv_report" / "summary.json")
    log(f"model written to {out}")
    return {**result, "validation": metrics}


def _model_card(name: str, preset: dict, validation: dict, cv: dict | None) -> str:
    lines = [
        f"# gemlang model: {name}",
        "",
        preset["summary"],
        "",
        f"- Paper: {preset['paper']['citation']}",
        f"- Paper reported: {preset['paper']['reported']}",
        f"- Here: {preset['differences']}",
        f"- Validation split: {summary_line(validation)}",
    ]
    if cv:
        lines.append(f"- Cross-validation: {summary_line(cv[name])}")
    return "\n".join(lines) + "\n"
