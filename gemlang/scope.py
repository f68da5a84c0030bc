"""Does a photo belong to what the model knows? A distance check in the classifier's feature space.

A classifier names one of its classes for every input, a portrait included. Its confidence is no guard:
a photo far from every gem can still land on one class with a high probability. So the check looks at
the features themselves, in a small space fitted on the training photos (standardised features reduced by
PCA), with two distances that answer two different questions:

- **gem distance**: the squared Mahalanobis distance to the nearest class mean under the within-class
  covariance shared by all classes, minus the same distance to the mean of all training photos (the
  "relative" Mahalanobis distance, Ren et al. 2021): near the collection but near no class -> a stone the
  model was not trained on.
- **photo distance**: the Mahalanobis distance to the training photos as a whole (their mean and
  covariance). Far from all of them -> not a gem photo at all (a portrait, a street, a document).

Neither verdict is given when the classifier is sure of the photo (`SURE_OF_A_GEM`): a photo the check was
fitted on sits further out along the axes it helped fit, and a confident calibrated answer is right nine times
in ten. `eval/scope.py` reports what the rule costs and spares with whole classes held out: the held-out-class
photos and the in-scope photos the distances would flag but the classifier is that sure of.

A stone of a class the model never saw often sits near a gem it knows (a held-out garnet beside the other
garnets, and as often a mineral of another family beside a look-alike), where the gem distance is small;
what gives it away more often is that the classifier cannot choose among the gems it resembles. So when
the model's held-out probabilities are at hand (`gemlang train`, `gemlang build scope`) the "unknown
stone" decision reads the sum of two standard scores: the gem distance and the entropy of the classifier's
calibrated probabilities, each standardised by its mean and standard deviation on photos no fitted head or
check saw. Each reads what the other misses, and neither needs an
example of an unknown stone to be weighed.

Both thresholds are calibrated on photos no fitted check saw (cross-validation on the training photos),
never on a test set: the unknown-stone score flags 6% and the photo distance 2% of held-out photos of known
classes. `eval/scope.py` measures the check with whole classes held out, with whole mineral families held
out, and on non-stone pictures.

A model folder stores the check as `scope.safetensors` (PCA, class means, precision matrices) plus a
`scope` entry in `config.json` (thresholds and the standardisation of the two scores); a folder without them
still works and reports the check as unavailable, and a check fitted before the entropy was read keeps
deciding on the gem distance alone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
from safetensors.numpy import load_file, save_file

from gemlang.errors import GemlangError

SCOPE_FILE = "scope.safetensors"
IN_SCOPE, UNKNOWN_MINERAL, NOT_A_GEM_PHOTO, UNCHECKED = "in_scope", "unknown_mineral", "not_a_gem_photo", "unchecked"
# a photo with no colour, which the unknown-stone check cannot judge (`seen_without_colour`); not the model's lack
UNCHECKED_COLOURLESS = "unchecked_colourless"
# a photo under SMALL_PHOTO px on its shorter side (gemlang.data.images), too small for the check to judge
# (`seen_too_small`)
UNCHECKED_SMALL = "unchecked_small"
DEFAULT_DIM = 256  # eval/scope.py: 64-256 dims were compared; 256 separated non-stone pictures best
# Both thresholds on held-out photos of known classes: 6% flagged by the unknown-stone score, 2% by the photo distance.
# The calibration's heads are fitted on four folds of five and hesitate more than the final head, so new photos of
# known classes pass the entropy's share less often than its nominal rate: eval/scope.py flagged 5.6% of them in
# all at 4% (24% of held-out classes) and 7.5% at 6% (32%).
DEFAULT_FALSE_ALARM = 0.06  # share of held-out photos of known classes the unknown-stone threshold flags
DEFAULT_PHOTO_QUANTILE = 0.98  # held-out gem photos beyond this photo distance are 2%: "not a gem photo"
SHRINKAGE = 0.1  # covariance shrinkage towards a multiple of the identity: ~30 photos a class is little data
# A photo the classifier is this sure of (its calibrated top probability) is never out of scope: a calibrated 90%
# is right nine times in ten on photos of known gems. Both distances are largest for the photos the check was
# fitted on (their own PCA axes), so without this a model flags its own training photos and their crops.
SURE_OF_A_GEM = 0.9


# Colour is most of what the encoders learnt: the logits of a greyscale photo need this many times the temperature
# of a colour photo's to be calibrated (eval/colourless_photos.py fits it on held-out photos).
COLOURLESS_TEMPERATURE = 1.39


def seen_without_colour(probs: np.ndarray, verdict: ScopeVerdict) -> tuple[np.ndarray, ScopeVerdict]:
    """A photo with no colour at all, as the evidence should weigh it: its probabilities at the greyscale
    temperature, and no "stone I was not trained on", which its distance from the colour photos the check was
    fitted on would say of a known gem as often as not ("not a gem photo" stands: a portrait is no stone)."""
    tempered = np.exp(np.log(np.clip(probs, 1e-12, None)) / COLOURLESS_TEMPERATURE)
    unjudged = verdict.kind == UNKNOWN_MINERAL  # its distances kept, for whoever reads the JSON
    return tempered / tempered.sum(), replace(verdict, kind=UNCHECKED_COLOURLESS) if unjudged else verdict


def seen_too_small(verdict: ScopeVerdict) -> ScopeVerdict:
    """A photo too small to judge (a VERY_SMALL shortcoming), as the check can weigh it: not at all. The built-in
    model's check was fitted on photos of 110 px and more, and its own training photos shrunk well below that are
    called stones it was not trained on more often the smaller they get. Its distances are kept, for whoever
    reads the JSON; "not a gem photo" stands."""
    return verdict if verdict.kind in (NOT_A_GEM_PHOTO, UNCHECKED) else replace(verdict, kind=UNCHECKED_SMALL)


def too_small_to_judge(flaws: list[str]) -> bool:
    """Whether a photo's shortcomings (`shortcomings_of`) say it is too small for the check (`seen_too_small`)."""
    from gemlang.data.images import VERY_SMALL

    return any(flaw.startswith(VERY_SMALL) for flaw in flaws)


def analysed_as_the_chat(classifier, photos: list, cache=None, progress: bool = False):
    """`classifier.analyse` of photos as the chat looks at them, for the commands: a stone small in a plain frame
    cropped to it (`cropped_to_stone`), and each photo's shortcomings (`shortcomings_of`, with
    SMALL_IN_FRAME for a cropped one) weighed: a very small photo `seen_too_small`, one with no colour
    `seen_without_colour`. Returns the probabilities, verdicts and failures of `analyse`, and each photo's
    shortcomings."""
    from gemlang.data.images import cropped_to_stone

    return weighed_as_the_chat(classifier, *cropped_to_stone(list(photos)), cache=cache, progress=progress)


def weighed_as_the_chat(classifier, looked_at: list, cropped: list, reads: list, cache=None, progress: bool = False):
    """`analysed_as_the_chat` of photos `cropped_to_stone` already looked at (`gemlang explain` maps the crop)."""
    from gemlang.data.images import NO_COLOUR, SMALL_IN_FRAME, shortcomings_of

    probs, verdicts, failures = classifier.analyse(looked_at, cache=cache, progress=progress)
    flaws = []
    for i, read in enumerate(reads):
        small = cropped[i] and verdicts[i].kind != NOT_A_GEM_PHOTO  # a cropped blank picture is no small stone
        found = [] if i in failures else shortcomings_of(read) + [SMALL_IN_FRAME] * small
        if too_small_to_judge(found):
            verdicts[i] = seen_too_small(verdicts[i])
        if NO_COLOUR in found:
            probs[i], verdicts[i] = seen_without_colour(probs[i], verdicts[i])
        flaws.append(found)
    return probs, verdicts, failures, flaws


class ScopeError(GemlangError, RuntimeError):
    """A scope check that cannot be fitted or loaded; the message says why."""


@dataclass
class ScopeVerdict:
    """What the check says about one photo.

    kind: "in_scope", "unknown_mineral" (a stone photo, but unlike every class), "not_a_gem_photo",
    "unchecked" (the model carries no scope check), "unchecked_colourless" (a photo without colour, far from
    the colour photos the check was fitted on: it cannot judge whether it shows a stone it was not trained on), or
    "unchecked_small" (a photo under 64 px on its shorter side, too small for the check to judge).
    `closest` are the nearest known classes. `score` is what the unknown-stone threshold reads (the gem distance
    alone for a check fitted without the classifier's held-out probabilities).
    """

    kind: str
    gem_distance: float | None = None
    photo_distance: float | None = None
    closest: list[str] = field(default_factory=list)
    score: float | None = None

    @property
    def flagged(self) -> bool:
        return self.kind in (UNKNOWN_MINERAL, NOT_A_GEM_PHOTO)

    def sentence(self) -> str:
        """The plain statement a reply opens with: what a flagged photo is, or that a photo is too small to judge;
        '' when the photo is in scope or was not checked for another reason."""
        if self.kind == NOT_A_GEM_PHOTO:
            return "This does not look like a gemstone photo."
        if self.kind == UNKNOWN_MINERAL:
            names = self.closest
            listed = ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else "".join(names)
            closest = f"; the closest known gems are {listed}" if names else ""
            return f"This looks like a stone I was not trained on{closest}."
        if self.kind == UNCHECKED_SMALL:
            return "This photo is too small for me to judge whether it shows a stone I was trained on."
        return ""

    def to_dict(self) -> dict:
        return {
            "flagged": self.flagged,
            "kind": self.kind,
            "gem_distance": None if self.gem_distance is None else round(self.gem_distance, 3),
            "photo_distance": None if self.photo_distance is None else round(self.photo_distance, 3),
            "score": None if self.score is None else round(self.score, 3),
            "closest": self.closest,
        }


UNAVAILABLE = ScopeVerdict(UNCHECKED)

# The least spread of pixel values (0-255, the largest over R, G, B) a photo with a stone in it shows: the
# palest stone on white among the training photos spreads 10.5; a blank frame or a lens cap spreads ~0-2.
BLANK_SPREAD = 4.0
# A drawing or scanned text: a few flat colours. In a 128-px thumbnail every training photo shows at least 183
# distinct colours and its 8 commonest cover at most 88% of it (a stone on white); drawn pictures show under 500
# colours with their 8 commonest covering over 93%.
DRAWN_COLOURS, DRAWN_SHARE = 500, 0.92


def one_flat_colour(pixels: np.ndarray) -> bool:
    """Whether pixels (any shape ending in RGB) spread less than any photo of a stone does: a lens cap, a frame."""
    return float(np.asarray(pixels, dtype=np.float32).reshape(-1, 3).std(0).max()) < BLANK_SPREAD


def blank_picture(source) -> bool:
    """A picture of one flat colour (a lens cap, an empty frame) or a few (a drawing, scanned text): no photo of
    anything for any check to weigh.

    `source` is an opened image, a path or bytes; a file is read at reduced size (a JPEG decodes at 1/8 scale).
    One that cannot be read is not called blank: whatever reads it reports why.
    """
    from gemlang.data.images import thumbnail

    read = thumbnail(source)
    if read is None:
        return False
    pixels = np.asarray(read[1]).reshape(-1, 3)
    if one_flat_colour(pixels):
        return True
    codes = (pixels[:, 0].astype(np.int32) << 16) | (pixels[:, 1].astype(np.int32) << 8) | pixels[:, 2]
    _, counts = np.unique(codes, return_counts=True)  # one integer per colour: no sort of rows
    return len(counts) < DRAWN_COLOURS and np.sort(counts)[::-1][:8].sum() / len(pixels) > DRAWN_SHARE


class ScopeCheck:
    """Standardise -> PCA -> (nearest-class, whole-collection) Mahalanobis distances -> two thresholds."""

    def __init__(self, tensors: dict[str, np.ndarray], config: dict):
        self.tensors = {k: np.asarray(v, dtype=np.float32) for k, v in tensors.items()}
        self.config = dict(config)
        expected = {
            "mean",
            "scale",
            "components",
            "class_means",
            "class_present",
            "class_precision",
            "centre",
            "photo_precision",
        }
        if missing := expected - set(self.tensors):
            raise ScopeError(f"{SCOPE_FILE} lacks {', '.join(sorted(missing))}; rebuild the scope check.")

    # --- distances -------------------------------------------------------------------------------
    def project(self, features: np.ndarray) -> np.ndarray:
        return _project(self.tensors, features)

    def class_distances(self, features: np.ndarray) -> np.ndarray:
        """(N, C) squared Mahalanobis distances to each class mean (shared within-class covariance)."""
        return self._class_distances(self.project(features))

    def _class_distances(self, z: np.ndarray) -> np.ndarray:
        means, precision = self.tensors["class_means"], self.tensors["class_precision"]
        zp, mp = z @ precision, means @ precision
        d = np.maximum((zp * z).sum(1)[:, None] - 2 * zp @ means.T + (mp * means).sum(1)[None], 0)
        return np.where(self.tensors["class_present"][None] > 0, d, np.inf)

    def distances(self, features: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(gem distance, photo distance, class distances) for each row of `features`."""
        z = self.project(features)  # once: the projection is the costly step
        per_class = self._class_distances(z)
        d = z - self.tensors["centre"]
        photo = np.einsum("nd,de,ne->n", d, self.tensors["photo_precision"], d)
        background = np.einsum("nd,de,ne->n", d, self.tensors["class_precision"], d)
        return per_class.min(1) - background, photo, per_class

    @property
    def reads_probabilities(self) -> bool:
        """Whether the unknown-stone score needs the classifier's calibrated probabilities."""
        return "entropy" in self.config.get("standardise", {})

    def unknown_scores(self, gem: np.ndarray, probabilities: np.ndarray | None) -> np.ndarray:
        """What the unknown-stone threshold reads: the standard scores of the gem distance and of the
        classifier's entropy summed, or the gem distance alone for a check fitted without the entropy."""
        if not self.reads_probabilities:
            return np.asarray(gem, dtype=np.float64)
        if probabilities is None:
            raise ScopeError("this scope check reads the classifier's probabilities too; pass them.")
        return standard_score_sum(self.config["standardise"], gem, probabilities)

    @property
    def unknown_threshold(self) -> float:
        return float(self.config["unknown_threshold" if self.reads_probabilities else "gem_threshold"])

    # --- verdicts --------------------------------------------------------------------------------
    def assess(self, features: np.ndarray, classes: list[str], probabilities: np.ndarray | None = None,
               closest: int = 3, shown: np.ndarray | None = None) -> list[ScopeVerdict]:  # fmt: skip
        """One verdict per feature row (rows of NaN, i.e. unreadable photos, get "unchecked").

        `probabilities` are the classifier's calibrated ones for the same rows; a check that reads them
        needs them. `shown` are the probabilities the answer shows when they are not these (a model with a
        fine-tuned companion shows the pair's): either being sure of the photo (`SURE_OF_A_GEM`) keeps it in scope,
        and their top classes are the closest known gems named (else the nearest class means).
        """
        features = np.asarray(features, dtype=np.float32)
        ok = ~np.isnan(features).any(1)
        if probabilities is not None:
            ok &= ~np.isnan(np.asarray(probabilities, dtype=np.float64)).any(1)
        verdicts = [UNAVAILABLE] * len(features)
        if not ok.any():
            return verdicts
        gem, photo, per_class = self.distances(features[ok])
        score = self.unknown_scores(gem, None if probabilities is None else np.asarray(probabilities)[ok])
        threshold = self.unknown_threshold
        shown = probabilities if shown is None else shown
        for row, i in enumerate(np.flatnonzero(ok)):
            sure = any(p is not None and np.nanmax(p[i], initial=0.0) >= SURE_OF_A_GEM for p in (probabilities, shown))
            if sure:
                kind = IN_SCOPE
            elif photo[row] > self.config["photo_threshold"]:
                kind = NOT_A_GEM_PHOTO
            elif score[row] > threshold:
                kind = UNKNOWN_MINERAL
            else:
                kind = IN_SCOPE
            order = np.argsort(-np.nan_to_num(shown[i])) if shown is not None else np.argsort(per_class[row])
            nearest = [classes[c] for c in order[:closest]]
            verdicts[i] = ScopeVerdict(kind, float(gem[row]), float(photo[row]), nearest, float(score[row]))
        return verdicts

    # --- persistence -----------------------------------------------------------------------------
    def save(self, folder: str | Path) -> None:
        """Write scope.safetensors into `folder`; the caller stores `self.config` in config.json."""
        save_file({k: np.ascontiguousarray(v) for k, v in self.tensors.items()}, str(Path(folder) / SCOPE_FILE))

    @classmethod
    def load(cls, folder: str | Path, config: dict | None) -> ScopeCheck | None:
        """The check stored in a model folder, or None when the folder has none."""
        path = Path(folder) / SCOPE_FILE
        if config is None or not path.is_file():
            return None
        try:
            tensors = load_file(str(path))
        except Exception as e:  # noqa: BLE001 - safetensors raises several types for a damaged file
            raise ScopeError(f"{path}: unreadable ({e}); rebuild it with `gemlang build scope`.") from e
        return cls(tensors, config)


def entropy(probabilities: np.ndarray) -> np.ndarray:
    """Shannon entropy (nats) of each row of class probabilities: high when the classifier cannot choose."""
    p = np.clip(np.asarray(probabilities, dtype=np.float64), 1e-30, 1.0)
    return -(p * np.log(p)).sum(1)


def standard_score_sum(standardise: dict[str, list[float]], gem: np.ndarray, probabilities: np.ndarray) -> np.ndarray:
    """(gem distance - its mean) / its std + (entropy - its mean) / its std, with the means and standard
    deviations of held-out photos of known classes (`standardise`: name -> [mean, std])."""
    scores = {"gem_distance": np.asarray(gem, dtype=np.float64), "entropy": entropy(probabilities)}
    return sum((scores[name] - mean) / std for name, (mean, std) in standardise.items())


# --- fitting -------------------------------------------------------------------------------------
def fit_projection(X: np.ndarray, dim: int = DEFAULT_DIM) -> dict[str, np.ndarray]:
    """Standardisation and the top `dim` principal axes of the standardised features.

    The axes come from the eigenvectors of the smaller of the two Gram matrices (photos x photos when there
    are fewer photos than features, as here: ~2,000 photos, ~4,000 features), in float64: the same axes as a
    full SVD, about ten times faster, which counts when the check is refitted in every fold.
    """
    X = np.asarray(X, dtype=np.float32)
    mean, scale = X.mean(0), X.std(0) + 1e-6
    dim = int(min(dim, X.shape[0] - 1, X.shape[1]))
    A = ((X - mean) / scale).astype(np.float64)
    if A.shape[0] < A.shape[1]:
        eigenvalues, u = np.linalg.eigh(A @ A.T)
        top = np.argsort(eigenvalues)[::-1][:dim]
        components = (A.T @ u[:, top]) / np.sqrt(np.maximum(eigenvalues[top], 1e-12))
    else:
        eigenvalues, v = np.linalg.eigh(A.T @ A)
        components = v[:, np.argsort(eigenvalues)[::-1][:dim]]
    return {"mean": mean, "scale": scale, "components": np.ascontiguousarray(components, dtype=np.float32)}


def _project(projection: dict[str, np.ndarray], features: np.ndarray) -> np.ndarray:
    p = projection
    return ((np.asarray(features, dtype=np.float32) - p["mean"]) / p["scale"]) @ p["components"]


def _fit_tensors(projection: dict[str, np.ndarray], X: np.ndarray, y: np.ndarray) -> dict[str, np.ndarray]:
    """Class means and the two covariances in the projected space of the photos `X` (labels `y`)."""
    Z = _project(projection, X).astype(np.float64)
    dim = Z.shape[1]
    labels = np.unique(y)
    class_means = np.zeros((int(y.max()) + 1, dim))
    present = np.zeros(len(class_means))  # a class held out of this fit (leave-classes-out) is never nearest
    for c in labels:
        class_means[c], present[c] = Z[y == c].mean(0), 1.0
    within = Z - class_means[y]
    centre = Z.mean(0)
    return {
        **projection,
        "class_means": class_means,
        "class_present": present,
        "class_precision": _precision(within.T @ within / len(Z)),
        "centre": centre,
        "photo_precision": _precision(np.cov((Z - centre).T, bias=True)),
    }


def _precision(cov: np.ndarray) -> np.ndarray:
    cov = np.atleast_2d(cov)  # one axis: np.cov gives a scalar
    dim = len(cov)
    scale = np.trace(cov) / dim or 1.0  # no spread at all (one photo a class in a fold): shrink towards unit
    shrunk = (1 - SHRINKAGE) * cov + SHRINKAGE * scale * np.eye(dim)
    return np.linalg.inv(shrunk)


def fit_scope_check(
    X: np.ndarray,
    y: np.ndarray,
    groups: np.ndarray | None = None,
    probabilities: np.ndarray | None = None,
    dim: int = DEFAULT_DIM,
    folds: int = 5,
    false_alarm: float = DEFAULT_FALSE_ALARM,
    photo_quantile: float = DEFAULT_PHOTO_QUANTILE,
    seed: int = 0,
    log: Callable[[str], None] | None = None,
) -> ScopeCheck:
    """Fit the check on training features and calibrate its two thresholds on photos left out of fitting.

    `folds`-fold cross-validation (duplicates kept together) gives every photo a gem distance and a photo
    distance from a check (projection included) that never saw it. The projection is refitted in every
    fold: a photo inside the PCA fit looks further out along its own axes than a new photo does, which would
    push the thresholds up and let non-stone pictures through.

    `probabilities` are the classifier's calibrated probabilities of the same photos from heads that never
    saw them (its cross-validation): given, the unknown-stone score adds the standard score of their entropy
    to that of the gem distance, both standardised on these held-out photos. The (1 - false_alarm) quantile
    of that score and the `photo_quantile` quantile of the photo distance become the thresholds.
    """
    from gemlang.data import stratified_group_folds

    y = np.asarray(y, dtype=int)
    groups = np.arange(len(y)) if groups is None else np.asarray(groups)
    counts = np.bincount(y)
    # Calibrated on the classes with two photos or more; a class with one photo is in every fold's fit, so a
    # collection with a few rare classes still gets the check.
    calibrated = np.flatnonzero(counts[y] >= 2)
    singles = np.flatnonzero(counts[y] < 2)
    if len(np.unique(y[calibrated])) < 2:
        raise ScopeError("a scope check needs at least two classes with two photos each.")
    if probabilities is not None and len(probabilities) != len(y):
        raise ScopeError(f"{len(probabilities)} rows of held-out probabilities for {len(y)} photos.")
    k = int(min(folds, counts[counts >= 2].min()))
    # One dimension for every fold's check and the final one, at most half the photos a fold fits on: a distance
    # grows with the dimension, so thresholds set in a smaller space would flag a small collection's own photos.
    dim = int(max(1, min(dim, X.shape[1], (len(calibrated) * (k - 1) // k + len(singles)) // 2)))
    held_out_gem, held_out_photo = np.full(len(y), np.nan), np.full(len(y), np.nan)
    for train, test in stratified_group_folds(y[calibrated], groups[calibrated], k, seed):
        train_idx, test_idx = np.concatenate([calibrated[train], singles]), calibrated[test]
        projection = fit_projection(X[train_idx], dim)
        check = ScopeCheck(_fit_tensors(projection, X[train_idx], y[train_idx]), {})
        held_out_gem[test_idx], held_out_photo[test_idx], _ = check.distances(X[test_idx])
    held_out_gem, held_out_photo = held_out_gem[calibrated], held_out_photo[calibrated]
    if probabilities is not None:
        probabilities = np.asarray(probabilities)[calibrated]
    final = _fit_tensors(fit_projection(X, dim), X, y)
    config = {
        "method": "relative-mahalanobis-pca",
        "dim": int(final["components"].shape[1]),
        "gem_threshold": float(np.quantile(held_out_gem, 1 - false_alarm)),
        "photo_threshold": float(np.quantile(held_out_photo, photo_quantile)),
        "false_alarm": false_alarm,
        "photo_quantile": photo_quantile,
        "calibration": f"{k}-fold held-out photos, projection refitted in each fold",
    }
    if probabilities is not None:
        held_out = {"gem_distance": held_out_gem, "entropy": entropy(probabilities)}
        standardise = {name: [float(v.mean()), float(v.std() + 1e-9)] for name, v in held_out.items()}
        held_out_score = standard_score_sum(standardise, held_out_gem, probabilities)
        config.update(
            method="relative-mahalanobis-pca+entropy",
            standardise=standardise,
            unknown_threshold=float(np.quantile(held_out_score, 1 - false_alarm)),
        )
    if log:
        unknown = f"unknown-stone threshold {config['unknown_threshold']:.2f}" if probabilities is not None else (
            f"gem threshold {config['gem_threshold']:.1f}")  # fmt: skip
        log(f"scope check: {unknown}, photo threshold {config['photo_threshold']:.1f}")
    return ScopeCheck(final, config)
