"""Metrics that keep a model honest: calibration per confidence bin, and the class pairs it still confuses."""

from __future__ import annotations

import numpy as np
import pytest

from gemlang.metrics import (
    classification_metrics,
    confusion_pairs,
    expected_calibration_error,
    reliability_table,
    write_report,
)

CLASSES = ["Ruby", "Garnet Red", "Emerald"]


def one_hot(labels, confidence):
    probs = np.full((len(labels), 3), (1 - confidence) / 2)
    probs[np.arange(len(labels)), labels] = confidence
    return probs


def test_a_model_right_as_often_as_it_says_has_no_calibration_error():
    y = np.array([0] * 8 + [1] * 2)
    predicted = np.zeros(10, dtype=int)  # 8 of 10 right ...
    probs = one_hot(predicted, 0.8)  # ... at 80% confidence
    assert expected_calibration_error(y, probs) == pytest.approx(0.0, abs=1e-9)
    [row] = [r for r in reliability_table(y, probs) if r["n"]]
    assert row["n"] == 10 and row["accuracy"] == pytest.approx(0.8) and row["confidence"] == pytest.approx(0.8)


def test_an_overconfident_model_has_the_gap_as_its_calibration_error():
    y = np.array([0] * 5 + [1] * 5)
    probs = one_hot(np.zeros(10, dtype=int), 0.9)  # half right at 90%
    assert expected_calibration_error(y, probs) == pytest.approx(0.4)


def test_confusion_pairs_count_both_directions_and_put_the_worst_first():
    y = np.array([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2])
    predicted = np.array([0, 1, 1, 0, 0, 1, 1, 1, 2, 2, 2, 0])  # Ruby<->Garnet 3 times, Emerald->Ruby once
    pairs = confusion_pairs(y, one_hot(predicted, 0.9), CLASSES, min_errors=1)
    assert pairs[0] == {"classes": ["Ruby", "Garnet Red"], "a_as_b": 2, "b_as_a": 1, "photos": 8, "rate": 3 / 8}
    assert pairs[1]["classes"] == ["Ruby", "Emerald"] and len(pairs) == 2
    assert confusion_pairs(y, one_hot(predicted, 0.9), CLASSES, min_errors=2) == pairs[:1]


def test_the_report_carries_calibration_and_confusions_and_draws_the_reliability_diagram(tmp_path):
    y = np.array([0, 0, 1, 1, 2, 2])
    probs = one_hot(np.array([0, 1, 0, 1, 2, 2]), 0.7)
    metrics = classification_metrics(y, probs, CLASSES)
    assert metrics["confusion_pairs"][0]["classes"] == ["Ruby", "Garnet Red"]
    assert sum(row["n"] for row in metrics["reliability"]) == 6
    write_report(metrics, y, probs, CLASSES, tmp_path)
    assert (tmp_path / "reliability.png").stat().st_size > 1000


def test_answering_a_gem_the_photos_do_not_hold_counts_against_macro_precision():
    y = np.array([0, 0, 1, 1])
    right = classification_metrics(y, one_hot([0, 0, 1, 1], 0.8), CLASSES)
    astray = classification_metrics(y, one_hot([0, 0, 1, 2], 0.8), CLASSES)  # one Garnet Red called Emerald
    assert right["macro_precision"] == 1.0
    assert astray["macro_precision"] == pytest.approx((1 + 1 + 0) / 3)  # Emerald's answers were all wrong
    assert astray["macro_recall"] == pytest.approx((1 + 0.5) / 2)  # recall: over the gems present only
    assert astray["macro_f1"] == pytest.approx((1 + 2 / 3 + 0) / 3)  # F1 over the same gems as precision
    listed = {row["class"]: row for row in astray["per_class"]}  # the absent gem is listed with what it cost
    assert listed["Emerald"]["n"] == 0 and listed["Emerald"]["precision"] == 0.0


def test_the_confusion_matrix_shows_the_classes_present_not_every_class_of_the_model(tmp_path):
    from PIL import Image

    from gemlang.metrics import plot_confusion_matrix

    classes = [f"class {i}" for i in range(87)]
    plot_confusion_matrix(np.array([0, 1, 2, 2]), np.array([0, 1, 2, 5]), classes, tmp_path / "cm.png")
    assert Image.open(tmp_path / "cm.png").width < 1000  # 4 classes; all 87 would be about 2,300 px wide


def test_the_confusion_matrix_of_a_one_class_folder_is_drawn_without_a_library_warning(tmp_path):
    import warnings

    from gemlang.metrics import plot_confusion_matrix

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "how good is it on my rubies?": one class, every photo taken for it
        plot_confusion_matrix(np.zeros(4, int), np.zeros(4, int), ["Ruby", "Emerald"], tmp_path / "cm.png")
    assert (tmp_path / "cm.png").stat().st_size > 0
