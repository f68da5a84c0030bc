"""Pictures of what a model does: a grid of explained photos, and a t-SNE map of its features."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from gemlang.errors import UsageError
from gemlang.explain.saliency import explain
from gemlang.io import save_figure


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def save_explanation_grid(classifier, images: list, path: str | Path, method: str = "gradcam") -> Path:
    """Each photo's overlay for its predicted class, titled with the prediction and its probability."""
    plt = _pyplot()
    fig, axes = plt.subplots(1, len(images), figsize=(2.6 * len(images), 3), squeeze=False)
    for ax, image in zip(axes[0], images, strict=True):
        _, shown = explain(classifier, image, method)
        pred = classifier.predict(image, top_k=1)[0]
        ax.imshow(shown)
        ax.set_title(f"{pred.label} {pred.probability:.0%}", fontsize=8)
        ax.axis("off")
    fig.suptitle(f"{method} score maps", fontsize=9)
    fig.tight_layout()
    save_figure(fig, path, dpi=110)
    return Path(path)


def embedding_plot(
    features: np.ndarray,
    labels: np.ndarray,
    classes: list[str],
    path: str | Path,
    title: str = "t-SNE",
    seed: int = 0,
) -> Path:
    """2-D t-SNE of features, one colour per class, class names at their centroids.

    Features are first reduced to 50 dimensions by PCA (the usual t-SNE practice: faster, less noise).
    """
    from sklearn.decomposition import PCA
    from sklearn.manifold import TSNE

    X = np.asarray(features, dtype=np.float32)
    if len(X) < 5:
        raise UsageError(f"a t-SNE map needs at least 5 photos; {len(X)} could be read")
    X = (X - X.mean(0)) / (X.std(0) + 1e-6)
    if X.shape[1] > 50 and len(X) > 50:
        X = PCA(50, random_state=seed).fit_transform(X)
    perplexity = float(min(30, max(2, (len(X) - 1) // 3)))
    xy = TSNE(2, perplexity=perplexity, init="pca", random_state=seed).fit_transform(X)
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(9, 9))
    cmap = plt.get_cmap("tab20")
    for c in np.unique(labels):
        points = xy[labels == c]
        ax.scatter(points[:, 0], points[:, 1], s=6, color=cmap(c % 20), alpha=0.7)
        cx, cy = points.mean(0)
        ax.annotate(classes[c], (cx, cy), fontsize=5, ha="center")
    ax.set_title(title)
    ax.set_xticks([])
    ax.set_yticks([])
    fig.tight_layout()
    save_figure(fig, path, dpi=130)
    return Path(path)
