"""Fusion of the photo with what the person measured: Mohs hardness and where the stone was found.

Zeng et al. (2021) raised accuracy on real samples from 71.2% to 89% by adding a hardness reading to
the image. People rarely have both, so each input has an explicit "missing" state and training drops
each one at random: the head answers from the photo alone, the photo plus one hint, or hints alone.

The head is a product of experts with learned parts, which keeps it small, honest when an input is
missing, and readable:

    logit_c = a * log p_image(c)                     (the classifier's calibrated probabilities)
            + b * log sum_bins mask(reading) * q_c   (q_c: learned hardness distribution of class c)
            + d * log sum_places onehot(place) * r_c (r_c: learned place distribution of class c)

q_c and r_c start from the knowledge base (class hardness range, known localities) and are then
fitted to simulated readings: a hardness drawn from the class's range plus measurement noise, told as
a number, "about 7", a range or a scratch test; a place drawn from the class's known localities, now
and then from anywhere (stones travel through trade). A missing input contributes nothing.

The head is tied to the classifier whose probabilities it was trained on (`classifier_fingerprint`):
loading it next to another classifier is an error, never a silent wrong answer.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
from safetensors.torch import load_file, save_file
from torch import nn
from torch.nn import functional as F

from gemlang.errors import GemlangError
from gemlang.metrics import top_k_accuracy

FORMAT = "gemlang-fusion"
HARDNESS_BINS = np.arange(1.0, 10.01, 0.5, dtype=np.float32)  # Mohs 1, 1.5, ..., 10
READING_TOLERANCE = 0.5  # a stated hardness also supports bins this far away, with weight exp(-1/2)
OTHER_PLACE = "(elsewhere)"
LOG_FLOOR = math.log(1e-6)


class FusionError(GemlangError, RuntimeError):
    """A fusion head that does not belong to the classifier it is used with; the message says what to do."""


# --- inputs ---------------------------------------------------------------------------------------
def hardness_mask(low: float, high: float) -> np.ndarray:
    """How well each hardness bin agrees with a reading [low, high]: 1 inside, Gaussian fall-off outside."""
    distance = np.maximum(0.0, np.maximum(low - HARDNESS_BINS, HARDNESS_BINS - high))
    return np.exp(-0.5 * (distance / READING_TOLERANCE) ** 2).astype(np.float32)


@dataclass
class FusionInputs:
    """A batch of (possibly missing) inputs; a row whose `*_present` is 0 ignores that input."""

    image_logp: np.ndarray  # (N, C) log of calibrated class probabilities
    image_present: np.ndarray  # (N,)
    hardness: np.ndarray  # (N, B) hardness_mask of the reading
    hardness_present: np.ndarray  # (N,)
    place: np.ndarray  # (N, V + 1) one-hot (or several-hot) over the place vocabulary + "elsewhere"
    place_present: np.ndarray  # (N,)

    def tensors(self) -> list[torch.Tensor]:
        return [torch.from_numpy(np.asarray(a, dtype=np.float32)) for a in (
            self.image_logp, self.image_present, self.hardness, self.hardness_present, self.place,
            self.place_present)]  # fmt: skip


@dataclass(frozen=True)
class ClassKnowledge:
    """What the knowledge base says about one class, as the fusion head needs it."""

    hardness: tuple[float, float] | None
    countries: tuple[str, ...]
    worldwide: bool = False


def class_knowledge(classes: Sequence[str]) -> list[ClassKnowledge]:
    """Hardness range and countries of each class from gemlang.knowledge; unknown classes get nothing."""
    from gemlang.knowledge import UnknownGemError, get_facts
    from gemlang.knowledge.places import gem_countries

    out = []
    for name in classes:
        try:
            facts = get_facts(name)
        except UnknownGemError:
            out.append(ClassKnowledge(None, ()))
            continue
        countries, worldwide = gem_countries(facts)
        hardness = tuple(float(v) for v in facts.hardness) if facts.hardness else None
        out.append(ClassKnowledge(hardness, tuple(countries), worldwide))
    return out


# --- the head -------------------------------------------------------------------------------------
class FusionHead(nn.Module):
    def __init__(self, classes: Sequence[str], places: Sequence[str], info: dict | None = None):
        super().__init__()
        self.classes = list(classes)
        self.places = list(places)  # canonical country names; index len(places) is OTHER_PLACE
        self.info = dict(info or {})
        C, B, V = len(self.classes), len(HARDNESS_BINS), len(self.places) + 1
        self.image_weight = nn.Parameter(torch.ones(()))
        self.hardness_weight = nn.Parameter(torch.ones(()))
        self.place_weight = nn.Parameter(torch.ones(()))
        self.prior = nn.Parameter(torch.zeros(C))  # class scores when there is no photo at all
        self.hardness_logits = nn.Parameter(torch.zeros(C, B))
        self.place_logits = nn.Parameter(torch.zeros(C, V))

    @property
    def unsure_below(self) -> float:
        """The fused confidence under which held-out answers were right less than half the time."""
        return float(self.info.get("unsure_below", 0.5))

    def init_from_knowledge(self, knowledge: Sequence[ClassKnowledge]) -> FusionHead:
        with torch.no_grad():
            for c, k in enumerate(knowledge):
                if k.hardness:
                    self.hardness_logits[c] = torch.from_numpy(np.log(hardness_mask(*k.hardness) + 0.02))
                row = torch.full((len(self.places) + 1,), math.log(0.05))
                if not k.worldwide:
                    for country in k.countries:
                        if country in self.places:
                            row[self.places.index(country)] = 0.0
                self.place_logits[c] = row if (k.countries and not k.worldwide) else 0.0
        return self

    def forward(self, image_logp, image_present, hardness, hardness_present, place, place_present) -> torch.Tensor:
        image = image_logp.clamp(min=LOG_FLOOR) * self.image_weight
        logits = image_present[:, None] * image + (1 - image_present[:, None]) * self.prior
        q = torch.softmax(self.hardness_logits, 1)  # (C, B)
        hardness_fit = torch.log(hardness @ q.T + 1e-6)
        logits = logits + hardness_present[:, None] * self.hardness_weight * hardness_fit
        r = torch.softmax(self.place_logits, 1)  # (C, V)
        place_fit = torch.log(place @ r.T + 1e-6)
        return logits + place_present[:, None] * self.place_weight * place_fit

    # --- one answer --------------------------------------------------------------------------------
    def encode(
        self,
        image_probs: np.ndarray | None,
        hardness: tuple[float, float] | None = None,
        countries: Sequence[str] = (),
    ) -> FusionInputs:
        """One row of inputs: the photo's probabilities (None: no photo), a reading, countries named."""
        C = len(self.classes)
        image_present = image_probs is not None
        logp = np.log(np.clip(image_probs, 1e-6, 1.0)) if image_present else np.zeros(C)
        mask = hardness_mask(*hardness) if hardness else np.zeros(len(HARDNESS_BINS))
        place = np.zeros(len(self.places) + 1)
        for country in countries:
            place[self.places.index(country) if country in self.places else len(self.places)] = 1.0
        return FusionInputs(
            logp[None],
            np.array([float(image_present)]),
            mask[None],
            np.array([float(hardness is not None)]),
            place[None],
            np.array([float(len(countries) > 0)]),
        )

    @torch.no_grad()
    def fuse(
        self,
        image_probs: np.ndarray | None,
        hardness: tuple[float, float] | None = None,
        countries: Sequence[str] = (),
    ) -> np.ndarray:
        """Class probabilities (C,) from a photo's probabilities and/or a hardness reading and places."""
        self.eval()
        return torch.softmax(self(*self.encode(image_probs, hardness, countries).tensors()), 1)[0].numpy()

    @torch.no_grad()
    def probabilities(self, inputs: FusionInputs) -> np.ndarray:
        self.eval()
        return torch.softmax(self(*inputs.tensors()), 1).numpy()

    # --- persistence -------------------------------------------------------------------------------
    def config(self) -> dict:
        return {
            "format": FORMAT,
            "format_version": 1,
            "classes": self.classes,
            "places": self.places,
            "hardness_bins": [float(b) for b in HARDNESS_BINS],
            "reading_tolerance": READING_TOLERANCE,
            **self.info,
        }

    def save(self, path: str | Path) -> Path:
        """A folder with config.json and fusion.safetensors, written atomically."""
        from gemlang.io import atomic_folder

        path = Path(path)
        with atomic_folder(path) as tmp:
            (tmp / "config.json").write_text(json.dumps(self.config(), indent=2) + "\n")
            state = {k: v.detach().contiguous() for k, v in self.state_dict().items()}
            save_file(state, str(tmp / "fusion.safetensors"))
        return path

    @classmethod
    def load(cls, path: str | Path, classifier=None) -> FusionHead:
        """Load a fusion folder; with `classifier`, check it was trained on that very classifier."""
        path = Path(path)
        config_file = path / "config.json"
        if not config_file.is_file():
            raise FusionError(
                f"{path}: not a fusion folder (no config.json); build one with `python eval/fusion.py --build`."
            )
        config = json.loads(config_file.read_text())
        if config.get("format") != FORMAT:
            raise FusionError(f"{path}: config.json is not a {FORMAT} config (format={config.get('format')!r}).")
        if config.get("hardness_bins") != [float(b) for b in HARDNESS_BINS]:
            raise FusionError(
                f"{path}: made with other hardness bins; rebuild it with `python eval/fusion.py --build`."
            )
        info = {k: v for k, v in config.items() if k not in _CORE_KEYS}
        head = cls(config["classes"], config["places"], info)
        head.load_state_dict(load_file(str(path / "fusion.safetensors")))
        if classifier is not None:
            expected = config.get("classifier", {}).get("fingerprint")
            if expected != classifier_fingerprint(classifier):
                raise FusionError(
                    f"{path}: this fusion head was trained on another classifier than the one loaded; "
                    "rebuild "
                    "it for this model (`python eval/fusion.py --build --model MODEL_DIR --out FUSION_DIR`)."
                )
        return head.eval()


_CORE_KEYS = {"format", "format_version", "classes", "places", "hardness_bins", "reading_tolerance"}


def classifier_fingerprint(classifier) -> str:
    """A hash of all that shapes the classifier's probabilities: encoder, classes, head, temperature."""
    h = hashlib.sha256()
    h.update(
        json.dumps([classifier.extractor.signature, classifier.classes, round(classifier.temperature, 6)]).encode()
    )
    for key, value in sorted(classifier.head.state_dict().items()):
        h.update(key.encode())
        h.update(value.detach().cpu().float().numpy().tobytes())
    return h.hexdigest()[:32]


# --- simulated readings ---------------------------------------------------------------------------
# How a person states a hardness: a number, "about 7", a range, a scratch test, or a blunder.
READING_KINDS = {"number": 0.45, "about": 0.15, "range": 0.1, "scratch": 0.25, "blunder": 0.05}
SCRATCH_TESTS = {2.5: 0.1, 3.5: 0.15, 5.5: 0.5, 7.0: 0.25}  # fingernail, copper coin, glass/knife, quartz
MEASUREMENT_NOISE = 0.3  # Mohs units, one standard deviation
PLACE_FROM_ELSEWHERE = 0.15  # bought in trade, mislabelled, or a locality the knowledge base lacks


def simulate_hardness(
    true_range: tuple[float, float], rng: np.random.Generator, noise: float = MEASUREMENT_NOISE
) -> tuple[float, float]:
    """One person's hardness reading of a stone whose true hardness lies in `true_range`."""
    lo, hi = true_range
    h = rng.uniform(lo, hi)
    kind = rng.choice(list(READING_KINDS), p=list(READING_KINDS.values()))
    noisy = float(np.clip(h + rng.normal(0, noise), 1.0, 10.0))
    if kind == "number":
        x = float(np.clip(round(noisy * 2) / 2, 1.0, 10.0))
        return x, x
    if kind == "about":
        x = float(np.clip(round(noisy), 1.0, 10.0))
        return max(1.0, x - 0.5), min(10.0, x + 0.5)
    if kind == "range":
        a = float(np.clip(math.floor(noisy), 1.0, 9.0))
        return a, a + 1.0
    if kind == "scratch":
        ref = float(rng.choice(list(SCRATCH_TESTS), p=list(SCRATCH_TESTS.values())))
        harder = (h > ref) != (rng.random() < 0.05)  # now and then a test is misread
        return (ref, 10.0) if harder else (1.0, ref)
    x = float(round(rng.uniform(1.0, 10.0) * 2) / 2)
    return x, x


def simulate_inputs(
    image_logp: np.ndarray,
    labels: np.ndarray,
    knowledge: Sequence[ClassKnowledge],
    places: Sequence[str],
    rng: np.random.Generator,
    p_hardness: float = 0.5,
    p_place: float = 0.5,
    p_no_image: float = 0.1,
    noise: float = MEASUREMENT_NOISE,
    elsewhere: float = PLACE_FROM_ELSEWHERE,
) -> FusionInputs:
    """Inputs for training: each photo with a random subset of hints, each hint simulated for its class."""
    N, B, V = len(labels), len(HARDNESS_BINS), len(places) + 1
    index = {p: i for i, p in enumerate(places)}
    hardness = np.zeros((N, B), dtype=np.float32)
    place = np.zeros((N, V), dtype=np.float32)
    hardness_present = (rng.random(N) < p_hardness).astype(np.float32)
    place_present = (rng.random(N) < p_place).astype(np.float32)
    image_present = (rng.random(N) >= p_no_image).astype(np.float32)
    for n, y in enumerate(labels):
        k = knowledge[y]
        if hardness_present[n] and k.hardness:
            hardness[n] = hardness_mask(*simulate_hardness(k.hardness, rng, noise))
        else:
            hardness_present[n] = 0.0
        if place_present[n]:
            own = [index[c] for c in k.countries if c in index]
            if own and not k.worldwide and rng.random() >= elsewhere:
                place[n, rng.choice(own)] = 1.0
            else:
                place[n, rng.integers(V)] = 1.0
    return FusionInputs(image_logp, image_present, hardness, hardness_present, place, place_present)


def condition_inputs(
    image_logp: np.ndarray,
    labels: np.ndarray,
    knowledge: Sequence[ClassKnowledge],
    places: Sequence[str],
    condition: str,
    seed: int = 0,
    noise: float = MEASUREMENT_NOISE,
    elsewhere: float = PLACE_FROM_ELSEWHERE,
) -> FusionInputs:
    """Held-out inputs for one condition: "photo", "photo+hardness", "photo+place" or "photo+both".

    `noise` and `elsewhere` can be set harsher than in training, to see how the head copes with
    people who read hardness less carefully or name where they bought a stone rather than its mine.
    """
    rng = np.random.default_rng(seed)
    use_hardness = float(condition in ("photo+hardness", "photo+both"))
    use_place = float(condition in ("photo+place", "photo+both"))
    return simulate_inputs(image_logp, labels, knowledge, places, rng, use_hardness, use_place, 0.0, noise, elsewhere)


CONDITIONS = ("photo", "photo+hardness", "photo+place", "photo+both")


# --- training -------------------------------------------------------------------------------------
def vocabulary(knowledge: Sequence[ClassKnowledge]) -> list[str]:
    return sorted({c for k in knowledge for c in k.countries})


def fit_fusion(
    classes: Sequence[str],
    image_logp: np.ndarray,
    labels: np.ndarray,
    epochs: int = 60,
    seed: int = 0,
    knowledge: Sequence[ClassKnowledge] | None = None,
) -> FusionHead:
    """Fit a fusion head on held-out log-probabilities of photos, with fresh simulated hints each epoch."""
    knowledge = list(knowledge or class_knowledge(classes))
    places = vocabulary(knowledge)
    head = FusionHead(classes, places).init_from_knowledge(knowledge)
    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # the tensors are tiny: extra threads only wait on each other
    try:
        return _fit(head, image_logp, labels, knowledge, places, epochs, seed)
    finally:
        torch.set_num_threads(threads)


def _fit(head: FusionHead, image_logp, labels, knowledge, places, epochs: int, seed: int) -> FusionHead:
    start = {k: v.detach().clone() for k, v in head.named_parameters()}
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    opt = torch.optim.Adam(head.parameters(), lr=0.03)
    y = torch.from_numpy(np.asarray(labels)).long()
    head.train()
    batch = 512
    for _ in range(epochs):
        tensors = simulate_inputs(image_logp, labels, knowledge, places, rng).tensors()
        order = torch.randperm(len(y))
        for b in range(0, len(y), batch):
            idx = order[b : b + batch]
            loss = F.cross_entropy(head(*(t[idx] for t in tensors)), y[idx])
            # Stay near the knowledge base where the simulated data say little (rare classes, rare bins).
            loss = loss + 1e-3 * sum(
                ((head.get_parameter(n) - start[n]) ** 2).mean() for n in ("hardness_logits", "place_logits")
            )
            opt.zero_grad()
            loss.backward()
            opt.step()
    return head.eval()


def unsure_threshold(confidence: np.ndarray, correct: np.ndarray, target: float = 0.5) -> float:
    """The confidence below which held-out answers are right less often than `target` (isotonic fit)."""
    from sklearn.isotonic import IsotonicRegression

    if len(confidence) < 10:
        return target
    fit = IsotonicRegression(y_min=0.0, y_max=1.0, increasing=True, out_of_bounds="clip")
    fit.fit(confidence, correct.astype(float))
    grid = np.linspace(0.0, 1.0, 201)
    ok = grid[fit.predict(grid) >= target]
    return float(ok[0]) if len(ok) else 1.0


def out_of_fold_log_probabilities(
    classifier,
    features: np.ndarray,
    labels: np.ndarray,
    groups: np.ndarray | None = None,
    folds: int = 5,
    seed: int = 0,
    log: Callable[[str], None] | None = None,
) -> np.ndarray:
    """Calibrated log-probabilities of each photo from a copy of the classifier's head that never saw it."""
    from gemlang.heads import build_head
    from gemlang.training import held_out_predictions

    config = dict(classifier.head.config)
    groups = np.arange(len(labels)) if groups is None else groups
    held_out = held_out_predictions(
        features, labels, groups, lambda: build_head(config), folds, seed, classifier.temperature, progress=log
    )
    return held_out.log_probabilities()


def evaluate_fusion(head: FusionHead, image_logp: np.ndarray, labels: np.ndarray, seed: int = 0) -> dict:
    """Top-1 / top-5 accuracy and mean confidence per condition, on held-out photos."""
    knowledge = class_knowledge(head.classes)
    out = {}
    for i, condition in enumerate(CONDITIONS):
        probs = head.probabilities(condition_inputs(image_logp, labels, knowledge, head.places, condition, seed + i))
        out[condition] = {
            "top1": top_k_accuracy(labels, probs, 1),
            "top5": top_k_accuracy(labels, probs, 5),
            "mean_confidence": float(probs.max(1).mean()),
        }
    return out


def train_fusion(
    classifier,
    image_logp: np.ndarray,
    labels: np.ndarray,
    groups: np.ndarray | None = None,
    folds: int = 5,
    epochs: int = 60,
    seed: int = 0,
    log: Callable[[str], None] = print,
) -> FusionHead:
    """A fusion head for `classifier`, with its "I'm not sure" threshold and cross-validated scores.

    `image_logp` must be held-out (out-of-fold) log-probabilities of the training photos: probabilities
    of photos the classifier trained on are over-confident, and the head would learn to trust them.
    The threshold and the scores come from fusion heads fitted on the other folds, so they are honest too.
    """
    labels = np.asarray(labels)
    groups = np.arange(len(labels)) if groups is None else np.asarray(groups)
    knowledge = class_knowledge(classifier.classes)
    counts = np.bincount(labels, minlength=len(classifier.classes))
    folds = min(folds, int(counts[counts > 0].min()))
    info: dict = {
        "classifier": {
            "fingerprint": classifier_fingerprint(classifier),
            "encoder": classifier.extractor.spec,
            "encoder_signature": classifier.extractor.signature,
        },
        "trained_on": {"n_images": int(len(labels)), "epochs": epochs, "seed": seed},
        "simulation": {
            "reading_kinds": READING_KINDS,
            "scratch_tests": {str(k): v for k, v in SCRATCH_TESTS.items()},
            "measurement_noise": MEASUREMENT_NOISE,
            "place_from_elsewhere": PLACE_FROM_ELSEWHERE,
        },
    }
    unsure = 0.5
    if folds >= 2:
        from gemlang.data import stratified_group_folds

        log(f"cross-validating the fusion head ({folds} folds)...")
        held_out = {c: np.zeros((len(labels), len(classifier.classes)), dtype=np.float32) for c in CONDITIONS}
        for train_idx, test_idx in stratified_group_folds(labels, groups, folds, seed):
            head = fit_fusion(classifier.classes, image_logp[train_idx], labels[train_idx], epochs, seed, knowledge)
            for i, condition in enumerate(CONDITIONS):
                inputs = condition_inputs(
                    image_logp[test_idx], labels[test_idx], knowledge, head.places, condition, seed + i
                )
                held_out[condition][test_idx] = head.probabilities(inputs)
        scores = {}
        for condition, probs in held_out.items():
            scores[condition] = {"top1": top_k_accuracy(labels, probs, 1), "top5": top_k_accuracy(labels, probs, 5)}
        every = np.concatenate(list(held_out.values()))
        correct = np.concatenate([p.argmax(1) == labels for p in held_out.values()])
        unsure = unsure_threshold(every.max(1), correct)
        info["cross_validation"] = {"folds": folds, **scores}
        log("held-out top-1: " + ", ".join(f"{c} {s['top1']:.1%}" for c, s in scores.items()))
    info["unsure_below"] = unsure
    head = fit_fusion(classifier.classes, image_logp, labels, epochs, seed, knowledge)
    head.info.update(info)
    return head


def build_fusion(
    classifier,
    data,
    cache=None,
    folds: int = 5,
    epochs: int = 60,
    seed: int = 0,
    log: Callable[[str], None] = print,
) -> FusionHead:
    """A fusion head for `classifier` from the folder of photos it was trained on (an `ImageFolder`).

    Photos are deduplicated, encoded through the feature cache, and re-scored out of fold with the
    classifier's own head recipe and temperature; those held-out probabilities train the fusion head.
    """
    from gemlang.data import DatasetError
    from gemlang.training import folder_features

    unknown = sorted(set(data.classes) - set(classifier.classes))
    if unknown:
        raise DatasetError(f"{data.root}: classes the model does not know: {', '.join(unknown)}")
    folder = folder_features(data, classifier.extractor, cache, progress=False)
    data, X, groups = folder.data, folder.features, folder.groups
    index = {c: i for i, c in enumerate(classifier.classes)}
    y = np.array([index[data.classes[label]] for label in data.labels])
    counts = np.bincount(y)
    folds = min(folds, int(counts[counts > 0].min()))
    if folds < 2:
        raise DatasetError(f"{data.root}: every class needs at least 2 photos to train a fusion head")
    logp = out_of_fold_log_probabilities(classifier, X, y, groups, folds, seed, log=log)
    head = train_fusion(classifier, logp, y, groups, folds, epochs, seed, log=log)
    head.info["trained_on"]["data"] = Path(data.root).name
    return head
