"""A recipe with a fine-tuned companion: trained beside the head, held out on the cross-validation's first fold,
saved and served as a pair, and calibrated for the readings on that fold alone."""

from __future__ import annotations

import numpy as np
import pytest

from gemlang.data import scan_image_folder
from gemlang.errors import UsageError
from gemlang.features import FeatureCache
from gemlang.model import GemClassifier
from gemlang.recipe import Recipe
from gemlang.training import train_classifier
from gemlang.training.companion import held_out_fold
from gemlang.training.finetune import FinetuneConfig

TINY_FINETUNE = FinetuneConfig(epochs=1, batch_size=4, max_batches=2, progress=False)
PAIR = Recipe(name="pair", encoder="colour_hist", head="linear", companion="mobilenet_v2")


@pytest.fixture(scope="module")
def pair_dir(tiny_folder, tmp_path_factory):
    cache = FeatureCache(tmp_path_factory.mktemp("cache") / "features")
    clf = train_classifier(scan_image_folder(tiny_folder), cv=3, cache=cache, progress=False, recipe=PAIR,
                           finetune=TINY_FINETUNE, log=lambda _: None)  # fmt: skip
    assert not (cache.root.parent / "finetune").exists() or not any((cache.root.parent / "finetune").iterdir())
    return clf.save(tmp_path_factory.mktemp("pair") / "model")


def test_the_companion_is_held_out_on_the_first_fold_and_multiplied_in_with_its_own_temperature(pair_dir, tiny_folder):
    pair = GemClassifier.load(pair_dir)
    assert pair.companion is not None and pair.companion.info["finetuned_encoder"]
    report = pair.info["companion_held_out"]
    data = scan_image_folder(tiny_folder)
    _, held = held_out_fold(data.labels, np.arange(len(data)), 3, 0)  # painted photos: no duplicates
    assert report["n_images"] == len(held) == pair.companion.info["held_out_fold"]["n_images"]
    assert report["temperature"] == pytest.approx(pair.companion_temperature) and report["temperature"] > 0
    assert pair.companion.info["validation"]["n_images"] == len(held)  # the companion stopped early on that fold
    assert not pair.companion.extractor.tta  # photo only: the mirror image doubles the cost for nothing measurable
    assert Recipe.of_classifier(pair).companion == "mobilenet_v2"


def test_the_model_card_of_a_pair_says_how_its_companion_was_trained_and_held_out(pair_dir):
    from gemlang.training.build import default_model_card

    pair = GemClassifier.load(pair_dir)
    card = default_model_card(pair, PAIR, 60.0, "painted photos.")
    held = pair.info["companion_held_out"]
    assert "Fine-tuned companion" in card and f"T={pair.companion_temperature:.3f}" in card
    assert f"the pair {held['pair']['top1']:.1%}" in card and "eval/finetune_fold.py" in card


def test_a_pair_answers_with_the_product_of_both_halves(pair_dir, tiny_folder):
    from gemlang.model import multiplied

    photos = scan_image_folder(tiny_folder).paths[:4]
    pair = GemClassifier.load(pair_dir)
    mine, failures = pair.predict_proba([*photos, tiny_folder / "missing.png"])
    assert list(failures) == [4] and np.isnan(mine[4]).all()
    own = pair._own(pair.extractor, photos, None, False)[1]
    theirs, _ = pair.companion.predict_proba(photos)
    np.testing.assert_allclose(mine[:4], multiplied(own, theirs, pair.companion_temperature), atol=1e-5)


def test_the_closest_gems_an_out_of_scope_verdict_names_are_the_pairs_top_classes(pair_dir, tiny_folder):
    photos = scan_image_folder(tiny_folder).paths[:8]
    pair = GemClassifier.load(pair_dir)
    probs, verdicts, _ = pair.analyse(photos)
    assert all(v.closest for v in verdicts)
    for p, verdict in zip(probs, verdicts, strict=True):  # what the answer names is what it then ranks
        assert verdict.closest == [pair.classes[c] for c in np.argsort(-p)[: len(verdict.closest)]]


def test_a_companion_needs_cross_validation_to_be_calibrated(tiny_folder):
    with pytest.raises(UsageError, match="--cv"):
        train_classifier(scan_image_folder(tiny_folder), cv=0, progress=False, recipe=PAIR, finetune=TINY_FINETUNE)


def test_the_readings_are_calibrated_for_a_pair_on_the_fold_its_companion_never_saw(pair_dir, tiny_folder, tmp_path):
    from gemlang.fusion.train import FusionError, build_fusion, load_settings, save_settings

    pair = GemClassifier.load(pair_dir)
    settings, info = build_fusion(pair, scan_image_folder(tiny_folder), FeatureCache(tmp_path / "features"))
    assert info["calibrated_on"]["n_images"] == pair.companion.info["held_out_fold"]["n_images"]
    save_settings(settings, tmp_path / "fusion", pair, info)
    assert load_settings(tmp_path / "fusion", pair) == settings
    alone = GemClassifier.load(pair_dir)
    alone.companion = None  # the same model without its companion answers otherwise: not its settings
    with pytest.raises(FusionError):
        load_settings(tmp_path / "fusion", alone)


def test_a_pair_is_calibrated_only_on_the_photos_it_was_built_from(pair_dir, tiny_folder, tmp_path):
    import shutil

    from gemlang.data import DatasetError
    from gemlang.fusion.train import build_fusion

    fewer = shutil.copytree(tiny_folder, tmp_path / "fewer")
    for photo in scan_image_folder(fewer).paths[::6]:
        photo.unlink()
    with pytest.raises(DatasetError, match="not the photos the companion was trained on"):
        build_fusion(GemClassifier.load(pair_dir), scan_image_folder(fewer), FeatureCache(tmp_path / "features"))


@pytest.mark.parametrize("temperature", [0.0, -1.0, float("nan")])
def test_a_companion_temperature_at_or_below_zero_is_refused(tiny_model_dir, temperature):
    from gemlang import GemClassifier
    from gemlang.model import ModelError

    model, other = GemClassifier.load(tiny_model_dir), GemClassifier.load(tiny_model_dir)
    with pytest.raises(ModelError, match="temperature must be above 0"):
        model.with_companion(other, temperature=temperature)
