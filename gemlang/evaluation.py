"""Classification metrics and the evaluation report (metrics.json, per-class CSV, confusion matrix PNG)."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
from sklearn.metrics import confusion_matrix, precision_recall_fscore_support

from gemlang.io import atomic_file, write_json_atomic


def top_k_accuracy(y: np.ndarray, probs: np.ndarray, k: int) -> float:
    k = min(k, probs.shape[1])
    top = np.argsort(-probs, axis=1)[:, :k]
    return float((top == y[:, None]).any(axis=1).mean())


def classification_metrics(y: np.ndarray, probs: np.ndarray, classes: list[str]) -> dict:
    """Top-1/2/5, mean per-class accuracy, macro P/R/F1 and a per-class table; fractions in [0, 1]."""
    y = np.asarray(y)
    pred = probs.argmax(1)
    present = np.unique(y)
    p, r, f, support = precision_recall_fscore_support(y, pred, labels=present, zero_division=0)
    per_class = [
        {"class": classes[c], "n": int(n), "accuracy": float(rc), "precision": float(pc), "f1": float(fc)}
        for c, pc, rc, fc, n in zip(present, p, r, f, support, strict=True)
    ]
    return {
        "n_images": int(len(y)),
        "n_classes": int(len(present)),
        "top1": top_k_accuracy(y, probs, 1),
        "top2": top_k_accuracy(y, probs, 2),
        "top5": top_k_accuracy(y, probs, 5),
        "mean_per_class_accuracy": float(np.mean(r)),
        "macro_precision": float(np.mean(p)),
        "macro_recall": float(np.mean(r)),
        "macro_f1": float(np.mean(f)),
        "expected_calibration_error": expected_calibration_error(y, probs),
        "per_class": per_class,
    }


def expected_calibration_error(y: np.ndarray, probs: np.ndarray, bins: int = 10) -> float:
    """How far stated confidence is from observed accuracy, averaged over confidence bins."""
    conf = probs.max(1)
    correct = probs.argmax(1) == y
    edges = np.linspace(0, 1, bins + 1)
    ece = 0.0
    for lo, hi in zip(edges[:-1], edges[1:], strict=True):
        in_bin = (conf > lo) & (conf <= hi)
        if in_bin.any():
            ece += in_bin.mean() * abs(correct[in_bin].mean() - conf[in_bin].mean())
    return float(ece)


def write_report(metrics: dict, y: np.ndarray, probs: np.ndarray, classes: list[str], out_dir: str | Path) -> Path:
    """metrics.json, per_class.csv and confusion_matrix.png in `out_dir`."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    write_json_atomic(metrics, out_dir / "metrics.json")
    with atomic_file(out_dir / "per_class.csv") as f:
        writer = csv.DictWriter(f, fieldnames=["class", "n", "accuracy", "precision", "f1"])
        writer.writeheader()
        writer.writerows(metrics["per_class"])
    plot_confusion_matrix(y, probs.argmax(1), classes, out_dir / "confusion_matrix.png")
    return out_dir


def plot_confusion_matrix(y: np.ndarray, pred: np.ndarray, classes: list[str], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    cm = confusion_matrix(y, pred, labels=range(len(classes))).astype(float)
    cm /= np.maximum(cm.sum(1, keepdims=True), 1)
    size = max(6, len(classes) * 0.22)
    fig, ax = plt.subplots(figsize=(size, size))
    ax.imshow(cm, cmap="viridis", vmin=0, vmax=1)
    ax.set_xticks(range(len(classes)), classes, rotation=90, fontsize=6)
    ax.set_yticks(range(len(classes)), classes, fontsize=6)
    ax.set_xlabel("predicted")
    ax.set_ylabel("true")
    ax.set_title("Confusion matrix (row-normalised)")
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def summary_line(metrics: dict) -> str:
    return (
        f"top-1 {metrics['top1']:.1%}  top-5 {metrics['top5']:.1%}"
        f"  mean per-class {metrics['mean_per_class_accuracy']:.1%}"
        f"  macro-F1 {metrics['macro_f1']:.3f}  on {metrics['n_images']} photos"
    )
