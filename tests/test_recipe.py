"""One Recipe: the built-in model is what the built-in recipe says; held-out predictions are calibrated."""

from __future__ import annotations

import json

import numpy as np
import pytest

from gemlang.model import DEFAULT_MODEL_DIR
from gemlang.recipe import BUILT_IN, TRAIN_DEFAULT, Recipe


def test_the_shipped_model_was_built_with_the_built_in_recipe():
    config = json.loads((DEFAULT_MODEL_DIR / "config.json").read_text())
    assert config["encoder"] == BUILT_IN.encoder and config["tta"] == BUILT_IN.tta
    assert config["head"]["type"] == BUILT_IN.head
    assert {k: config["head"][k] for k in BUILT_IN.head_options} == dict(BUILT_IN.head_options)


def test_train_command_defaults_come_from_the_train_recipe(capsys):
    from gemlang.cli import build_parser

    args = build_parser().parse_args(["train", "--data", "d", "--out", "o"])
    assert args.encoder is None and args.head is None  # train_classifier then takes TRAIN_DEFAULT's
    with pytest.raises(SystemExit):
        build_parser().parse_args(["train", "--help"])
    assert f"default{TRAIN_DEFAULT.encoder})" in "".join(capsys.readouterr().out.split())  # argparse wraps it


def test_changing_the_head_drops_the_options_of_the_old_one():
    assert BUILT_IN.with_changes(head="mlp").head_options == {}
    assert dict(BUILT_IN.with_changes(encoder="colour_hist").head_options) == dict(BUILT_IN.head_options)
    changed = BUILT_IN.with_changes(head_options={"C": 1.0}, tta=None)
    assert changed.head_options["C"] == 1.0 and changed.tta == BUILT_IN.tta


def test_a_recipe_round_trips_through_a_trained_classifier(tiny_folder):
    from gemlang.data import scan_image_folder
    from gemlang.training import train_classifier

    recipe = Recipe("tiny", "colour_hist", "linear", {"C": 2.0})
    clf = train_classifier(scan_image_folder(tiny_folder), cv=0, progress=False, recipe=recipe)
    again = Recipe.of_classifier(clf, name="tiny")
    assert (again.encoder, again.head, again.head_options["C"], again.tta) == ("colour_hist", "linear", 2.0, False)
    with pytest.raises(TypeError):
        recipe.head_options["C"] = 3.0  # a recipe cannot be changed behind its users' backs


def test_held_out_predictions_are_calibrated_on_the_held_out_logits():
    from gemlang.heads import fit_temperature
    from gemlang.training import held_out_predictions

    rng = np.random.default_rng(0)
    y = np.repeat(np.arange(3), 10)
    X = (rng.normal(0, 1.0, (30, 5)) + np.eye(3, 5)[y] * 1.5).astype(np.float32)
    groups = np.arange(30)
    recipe = Recipe("t", "colour_hist", "linear")
    held_out = held_out_predictions(X, y, groups, lambda: recipe.make_head(5, 3), k=3)
    assert held_out.temperature == pytest.approx(fit_temperature(held_out.logits, y))
    probs = held_out.probabilities()
    assert np.allclose(probs.sum(1), 1, atol=1e-5)
    assert np.allclose(np.exp(held_out.log_probabilities()), probs, atol=1e-5)
    fixed = held_out_predictions(X, y, groups, lambda: recipe.make_head(5, 3), k=3, temperature=2.0)
    assert fixed.temperature == 2.0 and np.allclose(fixed.logits, held_out.logits)


def test_folder_features_leave_out_exact_duplicates(tiny_folder, tmp_path):
    import shutil

    from gemlang.data import scan_image_folder
    from gemlang.features import FeatureExtractor
    from gemlang.training import folder_features

    data = tmp_path / "data"
    shutil.copytree(tiny_folder, data)
    shutil.copy(data / "Ruby" / "0.jpg", data / "Ruby" / "copy.jpg")
    folder = folder_features(scan_image_folder(data), FeatureExtractor("colour_hist"), None, progress=False)
    assert len(folder.data) == len(folder.features) == len(folder.groups) == 18
    assert len(set(folder.groups)) == 18
