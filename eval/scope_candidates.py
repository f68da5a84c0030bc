"""Other unknown-stone scores, measured under eval/scope.py's leave-classes-out protocol beside the shipped one.

Each split's classifier and check are the ones eval/scope.py fits; these scores read the same features and
calibrated probabilities of the same photos, so their figures compare with the shipped score's:

- deep k-nearest-neighbour distance (Sun et al. 2022): cosine distance to the k-th nearest training photo,
  on the concatenated features standardised by the training photos, each encoder's part L2-normalised and
  the concatenation L2-normalised again (every encoder weighs the same), or on one encoder's part alone;
- the same 1-NN distance to the training photos of the class the classifier names (class-conditional);
- the k-NN distance (squared Hellinger) from the classifier's calibrated probabilities of a photo to the
  training photos' held-out ones: a stone whose hesitation between classes no known photo shows;
- the tied-covariance Mahalanobis distance to the nearest class mean (the shipped check's space), and its
  relative version (Ren et al. 2021: the shipped gem distance);
- the classifier's calibrated probabilities: entropy, energy of the temperature-scaled logits, the top
  probability, the margin between the top two;
- learned combinations of several of these (logistic regression, unknown = photos of held-out classes):
  strictly nested, the weights for one split are fitted on the other splits' photos only, so no score is
  weighed on the photos it is scored on.
"""

from __future__ import annotations

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

KNN_K = (1, 5, 20)
COMBINATIONS = {
    "learned: energy + 1-NN distance": ["energy", "1-NN distance (parts weighed alike)"],
    "learned: every score above": None,  # None: all single scores
}
# Fixed sums of standard scores (no weights learned), as the shipped check sums gem distance and entropy: each
# score standardised by its mean and spread on the split's in-scope photos (no held-out-class photo is used).
SUMS = {
    "gem distance + energy (standard scores)": ["relative Mahalanobis (the shipped gem distance)", "energy"],
    "gem distance + entropy + 1-NN among probability vectors (standard scores)": [
        "relative Mahalanobis (the shipped gem distance)", "entropy (calibrated)",
        "1-NN distance among probability vectors",
    ],
    "gem distance + energy + 1-NN among probability vectors (standard scores)": [
        "relative Mahalanobis (the shipped gem distance)", "energy", "1-NN distance among probability vectors",
    ],
    "energy + 1-NN among probability vectors (standard scores)": ["energy", "1-NN distance among probability vectors"],
}  # fmt: skip
RATES = (0.06, 0.10)


def _unit(a: np.ndarray) -> np.ndarray:
    return a / (np.linalg.norm(a, axis=1, keepdims=True) + 1e-12)


def knn_distance(train: np.ndarray, queries: np.ndarray, ks: tuple[int, ...]) -> dict[int, np.ndarray]:
    """Cosine distance from each query to its k-th nearest training row (rows already L2-normalised)."""
    similarity = queries @ train.T
    top = -np.sort(-np.partition(similarity, -max(ks), axis=1)[:, -max(ks) :], axis=1)
    return {k: 1.0 - top[:, k - 1] for k in ks}


def candidate_signals(train_X: np.ndarray, train_y: np.ndarray, train_probabilities: np.ndarray,
                      queries: np.ndarray, probabilities: np.ndarray, temperature: float, part_dims: list[int],
                      class_distance: np.ndarray, gem: np.ndarray) -> dict[str, np.ndarray]:  # fmt: skip
    """Every candidate score (higher = more likely unknown) of the `queries` rows, for one split.

    `train_probabilities` are the training photos' held-out calibrated probabilities, `probabilities` the
    queries' calibrated ones from the split's final head."""
    mean, scale = train_X.mean(0), train_X.std(0) + 1e-6
    bounds = np.cumsum([0, *part_dims])
    parts_train, parts_query = [], []
    for a, b in zip(bounds[:-1], bounds[1:], strict=True):
        parts_train.append(_unit((train_X[:, a:b] - mean[a:b]) / scale[a:b]))
        parts_query.append(_unit((queries[:, a:b] - mean[a:b]) / scale[a:b]))
    signals = {}
    train_unit, query_unit = _unit(np.hstack(parts_train)), _unit(np.hstack(parts_query))
    for k, d in knn_distance(train_unit, query_unit, KNN_K).items():
        signals[f"{k}-NN distance (parts weighed alike)"] = d
    named = np.asarray(train_y)[None, :] == np.argmax(probabilities, 1)[:, None]
    signals["1-NN distance within the named class"] = 1.0 - np.where(named, query_unit @ train_unit.T, -2.0).max(1)
    root_train, root_query = np.sqrt(np.clip(train_probabilities, 0, 1)), np.sqrt(np.clip(probabilities, 0, 1))
    # 1 - <sqrt p, sqrt q> is the squared Hellinger distance between two probability vectors
    for k, d in knn_distance(root_train, root_query, (1, 5)).items():
        signals[f"{k}-NN distance among probability vectors"] = d
    signals["1-NN distance (one standardised vector)"] = knn_distance(
        _unit((train_X - mean) / scale), _unit((queries - mean) / scale), (1,)
    )[1]
    if len(part_dims) > 1:
        for j, (tr, q) in enumerate(zip(parts_train, parts_query, strict=True)):
            signals[f"1-NN distance, encoder part {j + 1} ({part_dims[j]}-d)"] = knn_distance(tr, q, (1,))[1]
    signals["Mahalanobis to the nearest class (tied covariance)"] = class_distance
    signals["relative Mahalanobis (the shipped gem distance)"] = gem
    q = np.clip(np.asarray(probabilities, dtype=np.float64), 1e-30, 1.0)
    # The head's logits are log-probabilities, so the calibrated logits are log(p) / T and p ~ q ** T.
    log_p = np.log(q**temperature / (q**temperature).sum(1, keepdims=True))
    top2 = np.sort(q, 1)[:, -2:]
    signals["entropy (calibrated)"] = -(q * np.log(q)).sum(1)
    signals["energy"] = -temperature * np.logaddexp.reduce(log_p / temperature, axis=1)
    signals["1 - top probability"] = 1.0 - top2[:, 1]
    signals["1 - (top-1 minus top-2 probability)"] = 1.0 - (top2[:, 1] - top2[:, 0])
    return signals


def nested_combination(per_split: list[dict[str, tuple[np.ndarray, np.ndarray]]], names: list[str]):
    """Logistic-regression scores of each split's (in-scope, unknown) photos, fitted on the other splits."""
    out = []
    for i in range(len(per_split)):
        others = [s for j, s in enumerate(per_split) if j != i]
        X = np.vstack([np.column_stack([s[n][part] for n in names]) for s in others for part in (0, 1)])
        y = np.concatenate([np.full(len(s[names[0]][part]), part) for s in others for part in (0, 1)])
        mean, std = X.mean(0), X.std(0) + 1e-12
        model = LogisticRegression(max_iter=5000).fit((X - mean) / std, y)
        own = [np.column_stack([per_split[i][n][part] for n in names]) for part in (0, 1)]
        out.append(tuple(model.decision_function((x - mean) / std) for x in own))
    return out


def standard_sum(split: dict[str, tuple[np.ndarray, np.ndarray]], names: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """The sum of the named scores of one split, each standardised on the split's in-scope photos."""
    total = [np.zeros(len(split[names[0]][part])) for part in (0, 1)]
    for name in names:
        inside = split[name][0]
        mean, std = inside.mean(), inside.std() + 1e-12
        total = [t + (split[name][part] - mean) / std for part, t in enumerate(total)]
    return total[0], total[1]


def candidate_table(per_split: list[dict[str, tuple[np.ndarray, np.ndarray]]]) -> list[dict]:
    """One row per score: pooled leave-classes-out AUROC, and the share of held-out-class photos above the
    score's quantile on the in-scope photos at each of RATES (for comparing scores, not an operating point)."""
    scored = {name: [s[name] for s in per_split] for name in per_split[0]}
    for label, names in SUMS.items():
        if all(n in per_split[0] for n in names):
            scored[label] = [standard_sum(s, names) for s in per_split]
    if len(per_split) > 2:
        singles = list(per_split[0])
        for label, names in COMBINATIONS.items():
            scored[label] = nested_combination(per_split, names or singles)
    rows = []
    for name, splits in scored.items():
        inside, unknown = np.concatenate([s[0] for s in splits]), np.concatenate([s[1] for s in splits])
        labels = np.r_[np.zeros(len(inside)), np.ones(len(unknown))]
        row = {"score": name, "auroc": float(roc_auc_score(labels, np.r_[inside, unknown]))}
        for rate in RATES:
            row[f"unknown_flagged_at_{rate:.0%}"] = float((unknown > np.quantile(inside, 1 - rate)).mean())
        rows.append(row)
    return sorted(rows, key=lambda r: -r["auroc"])
