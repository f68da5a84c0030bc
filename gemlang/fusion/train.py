"""Calibrate the evidence model for one classifier, and keep the result next to it.

    settings = build_fusion(classifier, scan_image_folder("photos/"))     # `gemlang build fusion`
    save_settings(settings, "my_model/fusion", classifier)
    load_settings("my_model/fusion", classifier)                           # FusionError if not its own

The instrument tolerances are fixed facts; what depends on the classifier is how far its calibrated
probabilities should count against readings (`photo_weight`), how people report what is not measured
(`place_leak`: how often a place is not one the gem is known from; `hardness_sigma`: how far a stated
Mohs number strays), and the fused confidence below which held-out answers were wrong more often than
right (`unsure_below`). They are chosen on out-of-fold probabilities of the classifier's own photos, with
readings simulated for each photo's true gem (`gemlang.fusion.simulate`) and the readings a folder's
metadata.csv records (hardness, locality, ri, sg, ...), by a small grid search on the log-likelihood of
the true gem. The folder holds one config.json, tied to the classifier by a
fingerprint: settings calibrated for another classifier are refused, never silently used.
"""

from __future__ import annotations

import copy
import hashlib
import itertools
import json
import logging
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np

from gemlang.errors import GemlangError
from gemlang.fusion.evidence import EvidenceModel, Settings
from gemlang.hints import hints_from_metadata
from gemlang.io import read_config
from gemlang.readings import Reading
from gemlang.training.folds import held_out_cache, held_out_probabilities

FORMAT = "gemlang-fusion-settings"
log = logging.getLogger("gemlang")
# The readings the calibration simulates, one condition each, for every photo.
CALIBRATION_CONDITIONS = (("hardness",), ("place",), ("hardness", "place"), ("ri",), ("sg",), ("ri", "sg"), ())
# The simulated places come from the knowledge base's own locality lists, which are incomplete; tuned on
# them alone the model would trust a place more than real stones deserve, so the leak never goes below the
# simulation's own 15%. The share of the photo's probability left to gems without training photos
# (`evidence.OTHER_GEMS_MASS`) and their prior are not tuned: no photo here shows such a gem, so the data
# would always say "never", which is not true of the stones people bring.
GRID = {
    "photo_weight": (0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.25),
    "place_leak": (0.15, 0.3),
    "hardness_sigma": (0.25, 0.35, 0.5, 0.75),
}


class FusionError(GemlangError, RuntimeError):
    """Fusion settings that do not belong to the classifier they are used with; the message says what to do."""


def classifier_fingerprint(classifier) -> str:
    """A hash of all that shapes the classifier's probabilities: encoder, classes, head, temperature."""
    h = hashlib.sha256()
    h.update(json.dumps([classifier.encoder_signature, classifier.classes, round(classifier.temperature, 6)]).encode())
    for key, value in sorted(classifier.head.state_dict().items()):
        h.update(key.encode())
        h.update(value.detach().cpu().float().numpy().tobytes())
    if classifier.companion is not None:  # a pair answers with both: settings of the model alone are not its
        h.update(f"{classifier_fingerprint(classifier.companion)} {classifier.companion_temperature:.6f}".encode())
    return h.hexdigest()[:32]


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


def _log_factors(model: EvidenceModel, hints) -> np.ndarray:
    """Sum of the log-likelihoods over the gems of every reading but those the grid tunes (hardness, place)."""
    return model.log_likelihood(replace(hints, hardness=None, countries=()))


def _tuned_log_factor(model: EvidenceModel, hints_list: Sequence, key: str, setting: str, value: float):
    """(photos, gems) log-likelihood of the hardness or the place of each photo's hints under one setting;
    0.0 when no photo's hints have that reading."""
    if not any(h.hardness if key == "hardness" else h.countries for h in hints_list):
        return 0.0
    trial = copy.copy(model)
    trial.settings = replace(model.settings, **{setting: value})
    out = np.zeros((len(hints_list), len(model.names)))
    for n, h in enumerate(hints_list):
        if key == "hardness" and h.hardness:
            out[n] = np.log(trial._numeric(Reading(h.hardness.low, h.hardness.high), "hardness"))
        elif key == "place" and h.countries:
            out[n] = np.log(trial._place(h.countries))
    return out


def log_posteriors(log_photo: np.ndarray, weight: float, log_factors: np.ndarray) -> np.ndarray:
    """log P(gem | photo, readings) per photo: w·log P_photo + the readings' log-likelihoods, normalised."""
    logit = weight * log_photo + log_factors
    logit = logit - logit.max(1, keepdims=True)
    return logit - np.log(np.exp(logit).sum(1, keepdims=True))


class CalibrationSet:
    """Photos with out-of-fold probabilities, each given the readings of every calibration condition; what
    `tune_settings` chooses on and `cross_validate` scores on. The log-likelihoods of every reading are
    computed once, those of hardness and place once per grid value of the setting that shapes them."""

    def __init__(self, classes: Sequence[str], probs: np.ndarray, labels: np.ndarray, seed: int = 0, recorded=None):
        from gemlang.fusion.simulate import simulate_hints

        model = EvidenceModel(classes)
        facts = [model.facts[i] for i in model.class_index]
        self.truth = model.class_index[np.asarray(labels)]
        countries = sorted(set().union(*model.countries))
        rng = np.random.default_rng(seed)
        self.log_photo = np.log(np.stack([model.photo_prior(p) for p in probs]))  # at photo_weight 1
        everyone = np.arange(len(labels))
        rows = []  # (condition, photos, hints) per condition
        for readings in CALIBRATION_CONDITIONS:
            hints = [simulate_hints(facts[y], readings, rng, all_countries=countries) for y in labels]
            rows.append((readings, everyone, hints))
        having = np.array([i for i, h in enumerate(recorded or ()) if h], dtype=int)
        if len(having):
            rows.append((("recorded",), having, [recorded[i] for i in having]))
        self.conditions = [list(r[0]) for r in rows]
        self.photos = [r[1] for r in rows]
        self.fixed = [np.stack([_log_factors(model, h) for h in hints]) for _, _, hints in rows]
        self.tuned = {  # (row, setting, value) -> (photos, gems) log-factor of the reading that setting shapes
            (r, setting, value): _tuned_log_factor(model, hints, key, setting, value)
            for r, (_, _, hints) in enumerate(rows)
            for key, setting in (("hardness", "hardness_sigma"), ("place", "place_leak"))
            for value in sorted({*GRID[setting], getattr(Settings(), setting)})
        }

    def score(self, settings: Settings) -> tuple[float, list[tuple[np.ndarray, np.ndarray]]]:
        """Mean log-likelihood of the true gem over the conditions, and (posteriors, true gems) per condition."""
        total, posteriors = 0.0, []
        for r, photos in enumerate(self.photos):
            place = self.tuned[r, "place_leak", settings.place_leak]
            factors = self.fixed[r] + place + self.tuned[r, "hardness_sigma", settings.hardness_sigma]
            logp = log_posteriors(self.log_photo[photos], settings.photo_weight, factors)
            total += float(logp[np.arange(len(photos)), self.truth[photos]].mean()) / len(self.photos)
            posteriors.append((np.exp(logp), self.truth[photos]))
        return total, posteriors


def _top1(posteriors: list[tuple[np.ndarray, np.ndarray]]) -> float:
    return float(np.concatenate([p.argmax(1) == t for p, t in posteriors]).mean())


def tune_settings(
    classes: Sequence[str], probs: np.ndarray, labels: np.ndarray, seed: int = 0, recorded: Sequence | None = None
) -> tuple[Settings, dict]:
    """Settings that maximise the held-out log-likelihood of the true gem; and what they scored.

    `probs` are out-of-fold probabilities of photos whose true classes are `labels`: the settings are
    chosen on them, so score the result on other photos (`cross_validate`). `recorded` holds, per photo,
    the `Hints` its metadata.csv row records (or an empty `Hints()`); photos with recorded readings are one
    more calibration condition, next to the simulated ones.
    """
    data = CalibrationSet(classes, probs, labels, seed, recorded)
    best, table = None, []
    for w, leak, sigma in itertools.product(*GRID.values()):
        settings = Settings(photo_weight=w, place_leak=leak, hardness_sigma=sigma)
        total, posteriors = data.score(settings)
        table.append({"photo_weight": w, "place_leak": leak, "hardness_sigma": sigma, "mean_log_likelihood": total})
        if best is None or total > best[0]:
            best = (total, settings, posteriors)
    _, settings, posteriors = best
    # The "I'm not sure" threshold, from the same held-out photos under every condition.
    post = np.concatenate([p for p, _ in posteriors])
    correct = post.argmax(1) == np.concatenate([t for _, t in posteriors])
    settings = replace(settings, unsure_below=unsure_threshold(post.max(1), correct))
    return settings, {"grid": table, "conditions": data.conditions}


def cross_validate(
    classes: Sequence[str],
    probs: np.ndarray,
    labels: np.ndarray,
    groups: np.ndarray,
    folds: int,
    seed: int = 0,
    recorded: Sequence | None = None,
) -> dict:
    """Whether calibrating pays on photos it never saw: settings tuned on all folds but one, scored on that
    one against the uncalibrated defaults (mean log-likelihood of the true gem and top-1, over the
    calibration conditions), per fold and in the mean."""
    from gemlang.data import stratified_group_folds

    labels = np.asarray(labels)
    per_fold = []
    for k, (train, test) in enumerate(stratified_group_folds(labels, groups, folds, seed)):
        pick = (lambda idx: [recorded[i] for i in idx]) if recorded else (lambda idx: None)
        tuned, _ = tune_settings(classes, probs[train], labels[train], seed, pick(train))
        held_out = CalibrationSet(classes, probs[test], labels[test], seed + 1 + k, pick(test))
        row = {"fold": k, "settings": tuned.to_dict()}
        for name, settings in (("calibrated", tuned), ("defaults", Settings())):
            total, posteriors = held_out.score(settings)
            row[name] = {"mean_log_likelihood": total, "top1": _top1(posteriors)}
        per_fold.append(row)
        log.info(
            "fold %d/%d: top-1 %.1f%% calibrated, %.1f%% with the default settings",
            k + 1, folds, 100 * row["calibrated"]["top1"], 100 * row["defaults"]["top1"],
        )  # fmt: skip
    mean = {
        name: {m: float(np.mean([f[name][m] for f in per_fold])) for m in ("mean_log_likelihood", "top1")}
        for name in ("calibrated", "defaults")
    }
    return {"folds": per_fold, **mean}


def save_settings(settings: Settings, path: str | Path, classifier, info: dict | None = None) -> Path:
    """A folder with one config.json, written atomically, tied to `classifier`."""
    from gemlang.io import atomic_folder

    config = {
        "format": FORMAT,
        "format_version": 1,
        "settings": settings.to_dict(),
        "classifier": {"fingerprint": classifier_fingerprint(classifier), "encoder": classifier.extractor.spec},
        **(info or {}),
    }
    path = Path(path)
    with atomic_folder(path) as tmp:
        (tmp / "config.json").write_text(json.dumps(config, indent=2) + "\n")
    return path


def load_settings(path: str | Path, classifier=None) -> Settings:
    """The settings in a fusion folder; with `classifier`, check they were calibrated for that classifier."""
    path = Path(path)
    config_file = path / "config.json"
    if not config_file.is_file():
        raise FusionError(f"{path}: not a fusion folder (no config.json); make one with `gemlang build fusion`.")
    config = read_config(path, FusionError, "rebuild it with `gemlang build fusion`.")
    if config.get("format") != FORMAT:
        raise FusionError(
            f"{path}: made by another version of gemlang (format {config.get('format')!r}); "
            "rebuild it with `gemlang build fusion`."
        )
    if classifier is not None and config.get("classifier", {}).get("fingerprint") != classifier_fingerprint(classifier):
        raise FusionError(
            f"{path}: calibrated for another classifier than the one loaded; rebuild it for this model "
            "(`gemlang build fusion --data PHOTOS --model MODEL_DIR --out MODEL_DIR/fusion`)."
        )
    known = set(Settings.__dataclass_fields__)
    return Settings(**{k: v for k, v in config["settings"].items() if k in known})


def build_fusion(classifier, data, cache=None, folds: int = 5, seed: int = 0) -> tuple[Settings, dict]:
    """Settings for `classifier` from the folder of photos it was trained on (an `ImageFolder`).

    Photos are deduplicated, encoded through the feature cache and re-scored out of fold with the
    classifier's own head recipe and temperature; those held-out probabilities calibrate the settings, and a
    cross-validation of the calibration itself (tuned on all folds but one, scored on that one) says whether
    it pays on photos it never saw. A pair (a model with a companion) is calibrated on the one fold its
    companion never saw (`pair_held_out`).
    """
    from gemlang.data import DatasetError
    from gemlang.training import folder_features

    unknown = sorted(set(data.classes) - set(classifier.classes))
    if unknown:
        raise DatasetError(f"{data.root}: classes the model does not know: {', '.join(unknown)}")
    folder = folder_features(data, classifier.feature_extractor, cache)
    data, X, groups = folder.data, folder.features, folder.groups
    index = {c: i for i, c in enumerate(classifier.classes)}
    y = np.array([index[data.classes[label]] for label in data.labels])
    counts = np.bincount(y)
    folds = min(folds, int(counts[counts > 0].min()))
    if folds < 2:
        raise DatasetError(f"{data.root}: every class needs at least 2 photos to calibrate the fusion")
    config = {**classifier.head.config, "in_dim": X.shape[1], "n_classes": len(classifier.classes)}
    record = companion_fold(classifier) if classifier.companion is not None else None
    if record is not None:  # the companion's held-out fold, found with its own folds and seed
        folds, seed = record["folds"], record["seed"]
    probs, _ = held_out_probabilities(X, y, groups, config, folds, seed, cache_dir=held_out_cache(cache))
    recorded = [hints_from_metadata(data.metadata_for(p)) for p in data.paths]
    if record is not None:
        probs, keep = pair_held_out(classifier, record, data, probs, y, groups, cache)
        y, groups, recorded = y[keep], groups[keep], [recorded[i] for i in keep]
        counts = np.bincount(y)
        folds = min(folds, int(counts[counts > 0].min()))
        if folds < 2:
            raise DatasetError(f"{data.root}: the companion's held-out fold has a class with one photo")
    settings, report = tune_settings(classifier.classes, probs, y, seed, recorded)
    report["photos_with_recorded_readings"] = int(sum(bool(h) for h in recorded))
    checked = cross_validate(classifier.classes, probs, y, groups, folds, seed, recorded)
    info = {"calibrated_on": {"data": Path(data.root).name, "n_images": int(len(y)), "folds": folds, "seed": seed}}
    return settings, {**info, "cross_validated": checked, "tuning": report}


def companion_fold(classifier) -> dict:
    """What a pair's companion records of the fold it never trained on (folds, seed, photos)."""
    from gemlang.errors import UsageError

    record = classifier.companion.info.get("held_out_fold")
    if record is None:
        raise UsageError(
            "this model's companion does not record which photos it was held out from, so no answer of the pair "
            "is known to be held out; rebuild the model with `gemlang build default`"
        )
    return record


def pair_held_out(classifier, record: dict, data, probs: np.ndarray, y: np.ndarray, groups: np.ndarray, cache=None):
    """A pair's held-out answers and the photos they are for: the companion was fine-tuned on all photos but the
    first fold of the model's cross-validation (gemlang.training.companion; `record`: `companion_fold`), so only
    there are both halves held out. `probs` are the model's own out-of-fold probabilities over the same folds."""
    from gemlang.data import DatasetError
    from gemlang.model import multiplied
    from gemlang.training.companion import held_out_fold

    _, held = held_out_fold(y, groups, record["folds"], record["seed"])
    if len(held) != record["n_images"]:
        raise DatasetError(
            f"{data.root}: not the photos the companion was trained on (its held-out fold had {record['n_images']} "
            f"photos, here {len(held)}); calibrate on the folder it was built from"
        )
    theirs, failures = classifier.companion.predict_proba([data.paths[i] for i in held], cache)
    ok = np.array([i not in failures for i in range(len(held))], dtype=bool)
    return multiplied(probs[held[ok]], theirs[ok], classifier.companion_temperature), held[ok]


def build_fusion_folder(data: Path, out: Path, cache=None, seed: int = 0, model: str = "default", folds: int = 5):
    """`gemlang build fusion`: calibrate the evidence model for `model` on `data` and write `out`."""
    from gemlang.data import scan_image_folder
    from gemlang.hints import metadata_problems
    from gemlang.model import GemClassifier

    classifier = GemClassifier.load(model)
    folder = scan_image_folder(data)
    for problem in metadata_problems(folder):
        print(problem)
    settings, info = build_fusion(classifier, folder, cache, folds, seed)
    save_settings(settings, out, classifier, info)
    log.debug("saved %s (%s)", out, settings)  # the command says where it wrote; the settings are in config.json
    return settings
