"""Calibrating the evidence model for a classifier: tuning, the unsure threshold, metadata.csv, storage."""

from __future__ import annotations

import json

import numpy as np
import pytest

from gemlang.fusion.train import (
    FORMAT,
    FusionError,
    load_settings,
    save_settings,
    tune_settings,
    unsure_threshold,
)
from gemlang.hints import hints_from_metadata

CLASSES = ["Ruby", "Garnet Red", "Emerald", "Sapphire Blue"]


def red_photos(n: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Probabilities of a classifier that cannot tell Ruby from Garnet Red but knows the rest."""
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, len(CLASSES), n)
    probs = np.full((n, len(CLASSES)), 0.02)
    for i, y in enumerate(labels):
        if y in (0, 1):
            probs[i, :2] = 0.47
        else:
            probs[i, y] = 0.9
    return probs / probs.sum(1, keepdims=True), labels


def test_tuning_picks_settings_from_the_grid_with_a_threshold_and_uses_recorded_readings():
    probs, labels = red_photos(60)
    recorded = [hints_from_metadata({"hardness": "9"}) if y == 0 else hints_from_metadata({}) for y in labels]
    settings, report = tune_settings(CLASSES, probs, labels, seed=0, recorded=recorded)
    best = max(report["grid"], key=lambda row: row["mean_log_likelihood"])
    assert settings.photo_weight == best["photo_weight"] and settings.hardness_sigma == best["hardness_sigma"]
    assert 0.0 <= settings.unsure_below <= 1.0
    assert ["recorded"] in report["conditions"]


def test_unsure_threshold_is_where_accuracy_drops_below_one_half():
    confidence = np.linspace(0.05, 0.95, 200)
    correct = confidence > 0.4
    assert unsure_threshold(confidence, correct) == pytest.approx(0.4, abs=0.02)


def test_metadata_columns_are_read_like_a_message():
    hints = hints_from_metadata({"Hardness": "6.5-7", "locality": "Minas Gerais", "RI": "1.62", "sg": "3.06"})
    assert (hints.hardness.low, hints.hardness.high) == (6.5, 7)
    assert hints.countries == ("Brazil",) and hints.readings.ri.low == 1.62 and hints.readings.sg.low == 3.06
    assert not hints_from_metadata({"photographer": "me"})


def test_settings_are_stored_as_json_tied_to_their_classifier(chat_model_dir, tmp_path):
    from gemlang.fusion import Settings
    from gemlang.model import GemClassifier

    clf = GemClassifier.load(chat_model_dir)
    save_settings(Settings(photo_weight=0.8, unsure_below=0.42), tmp_path / "fusion", clf)
    config = json.loads((tmp_path / "fusion" / "config.json").read_text())
    assert config["format"] == FORMAT and config["settings"]["photo_weight"] == 0.8
    assert load_settings(tmp_path / "fusion", clf).unsure_below == 0.42
    config["format"] = "gemlang-fusion"  # a learned head of an older gemlang
    (tmp_path / "fusion" / "config.json").write_text(json.dumps(config))
    with pytest.raises(FusionError, match="rebuild it with `gemlang build fusion`"):
        load_settings(tmp_path / "fusion", clf)
    with pytest.raises(FusionError, match="no config.json"):
        load_settings(tmp_path / "nowhere")


def test_settings_for_a_recalibrated_classifier_are_refused(chat_model_dir):
    from gemlang.model import GemClassifier

    clf = GemClassifier.load(chat_model_dir)
    assert 0.0 <= load_settings(chat_model_dir / "fusion", clf).unsure_below <= 1.0
    clf.temperature *= 2  # other probabilities: settings calibrated on the old ones must not be reused
    with pytest.raises(FusionError, match="another classifier"):
        load_settings(chat_model_dir / "fusion", clf)


def test_the_shipped_fusion_settings_belong_to_the_shipped_model():
    from gemlang.assistant import DEFAULT_FUSION_DIR
    from gemlang.model import DEFAULT_MODEL_DIR, GemClassifier

    if not (DEFAULT_MODEL_DIR / "config.json").is_file():
        pytest.skip("the built-in model is not in this checkout")
    # Raises FusionError if the default model was rebuilt without `gemlang build fusion`.
    settings = load_settings(DEFAULT_FUSION_DIR, GemClassifier.load("default"))
    assert 0.05 < settings.unsure_below < 0.95 and settings.photo_weight > 0


def test_tuning_trusts_an_overconfident_photo_less_than_an_underconfident_one():
    rng = np.random.default_rng(1)
    labels = rng.integers(0, len(CLASSES), 80)
    wrong = rng.random(80) < 0.35
    said = np.where(wrong, (labels + 1) % len(CLASSES), labels)
    overconfident = np.full((80, len(CLASSES)), 0.002)  # 99% sure, wrong a third of the time
    overconfident[np.arange(80), said] = 0.994
    underconfident = np.full((80, len(CLASSES)), 0.18)  # always right, 46% sure
    underconfident[np.arange(80), labels] = 0.46
    over, _ = tune_settings(CLASSES, overconfident, labels)
    under, _ = tune_settings(CLASSES, underconfident, labels)
    assert over.photo_weight < 1.0 < under.photo_weight


def test_calibration_is_checked_on_folds_it_was_not_tuned_on_and_pays_there_for_an_overconfident_photo():
    from gemlang.fusion.train import cross_validate

    rng = np.random.default_rng(2)
    labels = np.repeat(np.arange(len(CLASSES)), 15)
    said = np.where(rng.random(len(labels)) < 0.35, (labels + 1) % len(CLASSES), labels)
    probs = np.full((len(labels), len(CLASSES)), 0.002)
    probs[np.arange(len(labels)), said] = 0.994
    checked = cross_validate(CLASSES, probs, labels, np.arange(len(labels)), folds=3)
    assert len(checked["folds"]) == 3 and all(f["settings"]["photo_weight"] < 1 for f in checked["folds"])
    assert checked["calibrated"]["mean_log_likelihood"] > checked["defaults"]["mean_log_likelihood"]


def test_fusion_settings_named_for_another_classifier_are_a_clear_error(tiny_model_dir, tmp_path):
    import shutil
    from pathlib import Path

    from gemlang.assistant import Assistant
    from gemlang.fusion.train import FusionError

    other = tmp_path / "fusion"
    shutil.copytree(Path(__file__).resolve().parents[1] / "gemlang" / "default_fusion", other)  # the built-in's
    assert json.loads((other / "config.json").read_text())["classifier"]
    with pytest.raises(FusionError, match="another classifier"):
        Assistant.load(tiny_model_dir, fusion=other)  # not "no config.json": it is there, for another model
