"""Methods without a deep network: RGB histogram + local binary patterns + Random Forest (Chow &
Reyes-Aldasoro 2022), the SVM / Random Forest on raw pixels the VAE paper compares with, k-nearest
neighbours in an embedding, and a uniform-random baseline.

A scikit-learn forest or SVM cannot be saved without pickle, so these are evaluation-only: they are
measured (`gemlang train --method histogram-rf --cv K`, eval/seeds.py) but write no model folder.
"""

from __future__ import annotations

import numpy as np
import torch
from sklearn.ensemble import RandomForestClassifier
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC
from torch.nn import functional as F

from gemlang.methods.common import Fitted
from gemlang.methods.photos import PhotoSet


def _row_histograms(values: torch.Tensor, bins: int) -> torch.Tensor:
    """Histogram of each row of integer values in [0, bins), as (N, bins) fractions (no one-hot blow-up)."""
    n = len(values)
    offsets = torch.arange(n, device=values.device).view(n, 1) * bins
    counts = torch.bincount((values.reshape(n, -1) + offsets).flatten(), minlength=n * bins).view(n, bins).float()
    return counts / counts.sum(1, keepdim=True)


def rgb_histogram(pixels: torch.Tensor, bins: int) -> np.ndarray:
    """Per-channel histograms (N, 3 * bins), each normalised to sum to one."""
    index = pixels.long() * bins // 256
    return torch.cat([_row_histograms(index[:, c], bins) for c in range(3)], 1).numpy()


def local_binary_patterns(pixels: torch.Tensor, radius: int = 1) -> np.ndarray:
    """Histogram of rotation-invariant uniform LBP codes (8 neighbours at `radius`), 10 bins per photo.

    A code counts the neighbours at least as bright as the centre when they form one arc (uniform,
    codes 0-8), else 9: the texture signal (facets, banding, inclusions) colour histograms miss.
    """
    grey = pixels.float().mul(torch.tensor([0.299, 0.587, 0.114]).view(1, 3, 1, 1)).sum(1)
    r = radius
    centre = grey[:, r:-r, r:-r]
    h, w = centre.shape[1:]
    offsets = [(-r, -r), (-r, 0), (-r, r), (0, r), (r, r), (r, 0), (r, -r), (0, -r)]  # a circle, in order
    bits = torch.stack([grey[:, r + dy : r + dy + h, r + dx : r + dx + w] >= centre for dy, dx in offsets], 1)
    ones = bits.sum(1)
    transitions = (bits != torch.roll(bits, 1, dims=1)).sum(1)
    codes = torch.where(transitions <= 2, ones, torch.full_like(ones, 9))
    return _row_histograms(codes, 10).numpy()


def histogram_lbp_features(photos: PhotoSet, settings: dict) -> np.ndarray:
    pixels = photos.pixels(settings["image_size"])
    parts = [rgb_histogram(pixels, settings["rgb_bins"])]
    parts += [local_binary_patterns(pixels, r) for r in settings["lbp_radii"]]
    return np.concatenate(parts, 1)


def full_probabilities(model, X: np.ndarray, n_classes: int) -> np.ndarray:
    """predict_proba with a column for every class, also those absent from the training fold."""
    probs = np.zeros((len(X), n_classes), dtype=np.float32)
    probs[:, model.classes_] = model.predict_proba(X)
    return probs


def random_forest(settings: dict, seed: int) -> RandomForestClassifier:
    return RandomForestClassifier(
        n_estimators=settings["trees"], max_features="sqrt", n_jobs=settings.get("jobs", 2), random_state=seed
    )


def fit_histogram_rf(train: PhotoSet, val: PhotoSet | None, settings: dict, seed: int) -> Fitted:
    forest = random_forest(settings, seed).fit(histogram_lbp_features(train, settings), train.labels)
    n = len(train.classes)
    return Fitted(lambda photos: full_probabilities(forest, histogram_lbp_features(photos, settings), n))


def pixel_vectors(photos: PhotoSet, size: int, pixel_size: int) -> np.ndarray:
    """Photos shrunk to pixel_size x pixel_size, flattened: the input of the VAE paper's SVM and forest."""
    small = F.interpolate(photos.pixels(size).float() / 255, size=(pixel_size, pixel_size), mode="area")
    return small.flatten(1).numpy()


def fit_pixel_models(train: PhotoSet, settings: dict, seed: int) -> dict:
    """The VAE paper's classic comparison models on raw pixels, an RBF SVM and a Random Forest, as
    {name: photos -> class scores}. The SVM ranks by its one-vs-rest decision values (softmaxed):
    Platt-scaled probabilities would cost five more fits for the same ranking."""
    size, pixel_size, n = settings["image_size"], settings["pixel_size"], len(train.classes)
    X = pixel_vectors(train, size, pixel_size)
    svm = make_pipeline(StandardScaler(), SVC(C=settings["svm_C"], decision_function_shape="ovr"))
    svm.fit(X, train.labels)
    forest = random_forest(settings, seed).fit(X, train.labels)

    def svm_scores(photos: PhotoSet) -> np.ndarray:
        scores = np.full((len(photos), n), -np.inf, dtype=np.float32)
        scores[:, svm.classes_] = svm.decision_function(pixel_vectors(photos, size, pixel_size))
        return torch.softmax(torch.from_numpy(scores), 1).numpy()

    return {
        "svm": svm_scores,
        "random-forest": lambda photos: full_probabilities(forest, pixel_vectors(photos, size, pixel_size), n),
    }


def knn_predictor(embeddings: np.ndarray, labels: np.ndarray, n_classes: int, k: int):
    """Class scores from the k nearest training photos in an embedding (cosine, distance-weighted)."""
    knn = KNeighborsClassifier(n_neighbors=min(k, len(labels)), metric="cosine", weights="distance")
    knn.fit(embeddings, labels)
    return lambda X: full_probabilities(knn, X, n_classes)


def uniform_random_probabilities(n: int, n_classes: int, seed: int = 0) -> np.ndarray:
    """The chance baseline: an independent random ranking of the classes for every photo."""
    return np.random.default_rng(seed).random((n, n_classes)).astype(np.float32)
