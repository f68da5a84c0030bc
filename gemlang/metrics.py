"""Classification metrics and the evaluation report (metrics.json, per-class CSV, confusion matrix and
reliability diagram PNGs).

Besides accuracy, the metrics say how far the stated confidence can be trusted (a reliability table and
its expected calibration error) and which pairs of classes are still mistaken for each other, so a model
can admit which gems a photo alone does not separate.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
from sklearn.metrics import confusion_matrix, precision_recall_fscore_support

from gemlang.io import atomic_file, save_figure, write_json_atomic


def top_k_accuracy(y: np.ndarray, probs: np.ndarray, k: int) -> float:
    k = min(k, probs.shape[1])
    top = np.argsort(-probs, axis=1)[:, :k]
    return float((top == y[:, None]).any(axis=1).mean())


def classification_metrics(y: np.ndarray, probs: np.ndarray, classes: list[str]) -> dict:
    """Top-1/2/5, mean per-class accuracy, macro P/R/F1 and a per-class table; fractions in [0, 1].

    Recall averages over the classes the photos hold; precision and F1 also over the classes the model
    answered that the photos do not hold (a model trained on more gems than a test folder has), whose
    precision and F1 are 0: answering them was always wrong.
    """
    y = np.asarray(y)
    pred = probs.argmax(1)
    present = np.unique(y)
    p, r, f, support = precision_recall_fscore_support(y, pred, labels=present, zero_division=0)
    elsewhere = np.setdiff1d(pred, present)
    answered_elsewhere = len(elsewhere)
    per_class = [
        {"class": classes[c], "n": int(n), "accuracy": float(rc), "precision": float(pc), "f1": float(fc)}
        for c, pc, rc, fc, n in zip(present, p, r, f, support, strict=True)
    ]
    # The classes answered that the photos do not hold: listed too, since they count in the macro scores.
    per_class += [{"class": classes[c], "n": 0, "accuracy": None, "precision": 0.0, "f1": 0.0} for c in elsewhere]
    return {
        "n_images": int(len(y)),
        "n_classes": int(len(present)),
        "top1": top_k_accuracy(y, probs, 1),
        "top2": top_k_accuracy(y, probs, 2),
        "top5": top_k_accuracy(y, probs, 5),
        "mean_per_class_accuracy": float(np.mean(r)),
        "macro_precision": float(np.sum(p) / (len(p) + answered_elsewhere)),
        "macro_recall": float(np.mean(r)),
        "macro_f1": float(np.sum(f) / (len(f) + answered_elsewhere)),
        "expected_calibration_error": expected_calibration_error(y, probs),
        "reliability": reliability_table(y, probs),
        "confusion_pairs": confusion_pairs(y, probs, classes),
        "per_class": per_class,
    }


def reliability_table(y: np.ndarray, probs: np.ndarray, bins: int = 10) -> list[dict]:
    """Per confidence bin (of the top class): how many photos, their mean confidence, how many were right."""
    conf = probs.max(1)
    correct = probs.argmax(1) == np.asarray(y)
    edges = np.linspace(0, 1, bins + 1)
    table = []
    for lo, hi in zip(edges[:-1], edges[1:], strict=True):
        in_bin = (conf > lo) & (conf <= hi)
        n = int(in_bin.sum())
        table.append(
            {
                "from": round(float(lo), 6),  # 0.3, not linspace's 0.30000000000000004
                "to": round(float(hi), 6),
                "n": n,
                "confidence": float(conf[in_bin].mean()) if n else None,
                "accuracy": float(correct[in_bin].mean()) if n else None,
            }
        )
    return table


def expected_calibration_error(y: np.ndarray, probs: np.ndarray, bins: int = 10) -> float:
    """How far stated confidence is from observed accuracy, averaged over confidence bins."""
    table = reliability_table(y, probs, bins)
    total = sum(row["n"] for row in table)
    return float(sum(row["n"] / total * abs(row["accuracy"] - row["confidence"]) for row in table if row["n"]))


def confusion_pairs(
    y: np.ndarray, probs: np.ndarray, classes: list[str], min_errors: int = 2, limit: int = 30
) -> list[dict]:
    """Pairs of classes mistaken for each other, most confused first.

    `rate` is the share of the two classes' photos that went to the other one of the pair: a pair with a
    high rate is one a photo alone does not separate reliably.
    """
    y = np.asarray(y)
    cm = confusion_matrix(y, probs.argmax(1), labels=range(len(classes)))
    counts = np.bincount(y, minlength=len(classes))
    pairs = []
    for a in range(len(classes)):
        for b in range(a + 1, len(classes)):
            errors = int(cm[a, b] + cm[b, a])
            photos = int(counts[a] + counts[b])
            if errors >= min_errors:
                pairs.append(
                    {
                        "classes": [classes[a], classes[b]],
                        "a_as_b": int(cm[a, b]),
                        "b_as_a": int(cm[b, a]),
                        "photos": photos,
                        "rate": errors / max(photos, 1),
                    }
                )
    pairs.sort(key=lambda p: (-(p["a_as_b"] + p["b_as_a"]), -p["rate"]))
    return pairs[:limit]


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
    plot_reliability(metrics["reliability"], out_dir / "reliability.png")
    return out_dir


def plot_reliability(table: list[dict], path: Path, title: str = "Reliability diagram") -> None:
    """Accuracy against stated confidence per bin (bars), the diagonal a perfectly calibrated model follows,
    and how many photos each bin holds."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rows = [r for r in table if r["n"]]
    total = sum(r["n"] for r in rows)
    ece = sum(r["n"] / total * abs(r["accuracy"] - r["confidence"]) for r in rows)
    fig, (ax, ax_n) = plt.subplots(2, 1, figsize=(5, 6), sharex=True, gridspec_kw={"height_ratios": [3, 1]})
    width = table[0]["to"] - table[0]["from"]
    centres = [(r["from"] + r["to"]) / 2 for r in rows]
    ax.bar(centres, [r["accuracy"] for r in rows], width=width * 0.9, color="#4c72b0", label="observed accuracy")
    ax.plot(
        [r["confidence"] for r in rows], [r["confidence"] for r in rows], "o", color="#dd8452", label="mean confidence"
    )
    ax.plot([0, 1], [0, 1], "--", color="grey", label="perfect calibration")
    ax.set_ylabel("accuracy")
    ax.set_ylim(0, 1)
    ax.set_title(f"{title} (ECE {ece:.3f})")
    ax.legend(loc="upper left", fontsize=8)
    ax_n.bar(centres, [r["n"] for r in rows], width=width * 0.9, color="#8c8c8c")
    ax_n.set_xlabel("confidence of the top class")
    ax_n.set_ylabel("photos")
    ax_n.set_xlim(0, 1)
    fig.tight_layout()
    save_figure(fig, path, dpi=120)


def plot_confusion_matrix(y: np.ndarray, pred: np.ndarray, classes: list[str], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    # the classes the photos are of or were taken for: a 3-class folder scored by an 87-class model is 3 or 4
    # rows, not 87 with three lit cells
    shown = sorted(set(np.asarray(y).tolist()) | set(np.asarray(pred).tolist()))
    row = {c: i for i, c in enumerate(shown)}  # counted here: sklearn warns of a one-class folder's 1x1 matrix
    cm = np.zeros((len(shown), len(shown)))
    np.add.at(cm, ([row[c] for c in np.asarray(y).tolist()], [row[c] for c in np.asarray(pred).tolist()]), 1)
    cm /= np.maximum(cm.sum(1, keepdims=True), 1)
    classes = [classes[c] for c in shown]
    size = max(6, len(classes) * 0.22)
    fig, ax = plt.subplots(figsize=(size, size))
    ax.imshow(cm, cmap="viridis", vmin=0, vmax=1)
    ax.set_xticks(range(len(classes)), classes, rotation=90, fontsize=6)
    ax.set_yticks(range(len(classes)), classes, fontsize=6)
    ax.set_xlabel("predicted")
    ax.set_ylabel("true")
    ax.set_title("Confusion matrix (row-normalised)")
    fig.tight_layout()
    save_figure(fig, path, dpi=120)


def summary_line(metrics: dict) -> str:
    return (
        f"top-1 {metrics['top1']:.1%}  top-5 {metrics['top5']:.1%}"
        f"  mean per-class {metrics['mean_per_class_accuracy']:.1%}"
        f"  macro-F1 {metrics['macro_f1']:.3f}  on {metrics['n_images']} photos"
        + (f"; {metrics['out_of_scope_flagged']:.1%} flagged out of scope" if "out_of_scope_flagged" in metrics else "")
    )
