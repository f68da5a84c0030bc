"""The fusion head: photo probabilities + optional hardness + optional locality, none of them required."""

from __future__ import annotations

import json

import numpy as np
import pytest

from gemlang.heads.fusion import (
    CONDITIONS,
    HARDNESS_BINS,
    ClassKnowledge,
    FusionError,
    FusionHead,
    class_knowledge,
    classifier_fingerprint,
    evaluate_fusion,
    fit_fusion,
    hardness_mask,
    simulate_hardness,
    unsure_threshold,
)

CLASSES = ["Ruby", "Garnet Red", "Emerald", "Sapphire Blue"]


def ambiguous_red_photos(n: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Log-probabilities of a photo classifier that cannot tell Ruby from Garnet Red, but knows the rest."""
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, len(CLASSES), n)
    probs = np.full((n, len(CLASSES)), 0.02)
    for i, y in enumerate(labels):
        if y in (0, 1):
            probs[i, :2] = 0.47
        else:
            probs[i, y] = 0.9
    probs /= probs.sum(1, keepdims=True)
    return np.log(probs), labels


@pytest.fixture(scope="module")
def fitted_head() -> FusionHead:
    logp, labels = ambiguous_red_photos(400)
    return fit_fusion(CLASSES, logp, labels, epochs=25, seed=0)


def test_hardness_mask_peaks_on_the_reading_and_falls_off_outside():
    mask = hardness_mask(9, 9)
    assert mask.shape == HARDNESS_BINS.shape
    assert mask[HARDNESS_BINS == 9][0] == 1
    assert mask[HARDNESS_BINS == 7][0] < 0.02
    assert (hardness_mask(5.5, 10)[HARDNESS_BINS >= 5.5] == 1).all()


def test_simulated_readings_stay_on_the_mohs_scale_and_near_the_true_hardness():
    rng = np.random.default_rng(0)
    readings = [simulate_hardness((9, 9), rng) for _ in range(500)]
    assert all(1 <= lo <= hi <= 10 for lo, hi in readings)
    near = [lo - 1 <= 9 <= hi + 1 for lo, hi in readings]
    assert np.mean(near) > 0.9  # blunders and misread scratch tests are the rest


def test_knowledge_gives_each_class_its_hardness_and_countries():
    ruby, garnet, unknown = class_knowledge(["Ruby", "Garnet Red", "Not A Gem"])
    assert ruby.hardness == (9, 9) and "Myanmar" in ruby.countries
    assert garnet.hardness[1] < 9
    assert unknown == ClassKnowledge(None, ())


def test_a_hardness_reading_separates_what_the_photo_cannot(fitted_head):
    photo = np.array([0.47, 0.47, 0.03, 0.03])
    alone = fitted_head.fuse(photo)
    assert abs(alone[0] - alone[1]) < 0.1
    assert fitted_head.fuse(photo, hardness=(9, 9)).argmax() == 0  # ruby
    assert fitted_head.fuse(photo, hardness=(6.5, 7.5)).argmax() == 1  # garnet
    assert fitted_head.fuse(photo, hardness=(7, 10))[0] > alone[0]  # "scratches quartz"


def test_no_input_is_required(fitted_head):
    hints_only = fitted_head.fuse(None, hardness=(9, 9))
    assert hints_only.shape == (len(CLASSES),) and np.isclose(hints_only.sum(), 1)
    assert hints_only[[0, 3]].sum() > 0.8  # ruby and blue sapphire are the corundums
    assert np.isclose(fitted_head.fuse(None).sum(), 1)
    place_only = fitted_head.fuse(np.array([0.25] * 4), countries=["Colombia"])
    assert place_only.argmax() == 2  # Colombia: emerald country


def test_a_place_the_vocabulary_lacks_counts_as_elsewhere(fitted_head):
    out = fitted_head.fuse(np.array([0.1, 0.1, 0.7, 0.1]), countries=["Atlantis"])
    assert np.isclose(out.sum(), 1) and out.argmax() == 2


def test_held_out_scores_improve_with_hints(fitted_head):
    logp, labels = ambiguous_red_photos(300, seed=1)
    scores = evaluate_fusion(fitted_head, logp, labels)
    assert set(scores) == set(CONDITIONS)
    assert scores["photo+hardness"]["top1"] > scores["photo"]["top1"] + 0.1


def test_unsure_threshold_is_where_accuracy_drops_below_one_half():
    rng = np.random.default_rng(0)
    confidence = rng.uniform(0, 1, 5000)
    correct = rng.uniform(0, 1, 5000) < confidence  # perfectly calibrated
    assert abs(unsure_threshold(confidence, correct) - 0.5) < 0.08
    assert unsure_threshold(np.full(100, 0.9), np.ones(100, bool)) <= 0.9


def test_saved_as_json_and_safetensors_and_loads_to_the_same_answers(fitted_head, tmp_path):
    fitted_head.info["unsure_below"] = 0.42
    path = fitted_head.save(tmp_path / "fusion")
    assert sorted(p.name for p in path.iterdir()) == ["config.json", "fusion.safetensors"]
    config = json.loads((path / "config.json").read_text())
    assert config["format"] == "gemlang-fusion" and config["classes"] == CLASSES
    loaded = FusionHead.load(path)
    assert loaded.unsure_below == 0.42
    photo = np.array([0.4, 0.4, 0.1, 0.1])
    np.testing.assert_allclose(loaded.fuse(photo, (9, 9), ["Myanmar"]), fitted_head.fuse(photo, (9, 9), ["Myanmar"]))


def test_the_trained_fusion_head_is_tied_to_its_classifier(chat_model_dir):
    from gemlang.model import GemClassifier

    clf = GemClassifier.load(chat_model_dir)
    head = FusionHead.load(chat_model_dir / "fusion", clf)
    assert head.info["classifier"]["fingerprint"] == classifier_fingerprint(clf)
    assert "cross_validation" in head.info and 0 < head.unsure_below <= 1
    clf.temperature *= 2  # a recalibrated classifier gives other probabilities: the head must not be reused
    with pytest.raises(FusionError, match="another classifier"):
        FusionHead.load(chat_model_dir / "fusion", clf)


def test_a_folder_that_is_not_a_fusion_head_is_refused(tmp_path):
    with pytest.raises(FusionError, match="no config.json"):
        FusionHead.load(tmp_path)
    (tmp_path / "config.json").write_text('{"format": "gemlang-classifier"}')
    with pytest.raises(FusionError, match="not a gemlang-fusion"):
        FusionHead.load(tmp_path)


def test_the_shipped_fusion_head_belongs_to_the_shipped_model():
    from gemlang.assistant import DEFAULT_FUSION_DIR
    from gemlang.model import DEFAULT_MODEL_DIR, GemClassifier

    if not (DEFAULT_MODEL_DIR / "config.json").is_file() or not (DEFAULT_FUSION_DIR / "config.json").is_file():
        pytest.skip("the built-in model or its fusion head is not in this checkout")
    # Raises FusionError if the default model was rebuilt without `python eval/fusion.py --build`.
    classifier = GemClassifier.load("default")
    head = FusionHead.load(DEFAULT_FUSION_DIR, classifier)
    assert head.classes == classifier.classes
    assert 0.05 < head.unsure_below < 0.95
