"""The built-in classifier ships complete, matches this installation's encoders, and answers sensibly."""

from __future__ import annotations

import json
import re

import numpy as np
import pytest
from conftest import SHARED_TRAIN, paint_gem

from gemlang import GemClassifier
from gemlang.model import DEFAULT_MODEL_DIR


@pytest.fixture(scope="module")
def default():
    return GemClassifier.load("default")


def test_default_model_covers_the_87_classes_and_gives_a_distribution(default):
    assert len(default.classes) == 87 and "Ruby" in default.classes
    probs, failures = default.predict_proba([paint_gem((200, 20, 40), "ellipse", seed=1, size=128)])
    assert not failures
    assert probs.shape == (1, 87) and abs(probs.sum() - 1) < 1e-4


def test_model_card_describes_the_loaded_model_and_the_built_in_recipe(default):
    # Rendered again from what loads (head options, temperature, classes) and from gemlang.recipe.BUILT_IN:
    # a card edited by hand, or a model rebuilt without its card, differs.
    from gemlang.recipe import BUILT_IN
    from gemlang.training.build import default_model_card

    card = (DEFAULT_MODEL_DIR / "MODEL_CARD.md").read_text()
    minutes = float(re.search(r"\(([\d.]+) min on the machine that built this one", card).group(1))
    assert card == default_model_card(default, BUILT_IN, minutes * 60)
    assert json.loads((DEFAULT_MODEL_DIR / "config.json").read_text())["model_card"] == card
    assert "lsind18/gemstones-images" in card and "gemlang build default" in card
    assert default.info["cross_validation"]["folds"] == 5
    # The fine-tuned companion ships inside the folder, held out on the cross-validation's first fold.
    assert default.companion is not None and default.companion.info["held_out_fold"]["folds"] == 5
    assert (DEFAULT_MODEL_DIR / "companion" / "encoder.safetensors").is_file()


@pytest.mark.shared_data
@pytest.mark.skipif(not SHARED_TRAIN.is_dir(), reason="needs ../shared/data/gemstones/train")
def test_model_card_counts_the_deduplicated_shared_photos(default):
    from gemlang.data import deduplicate, scan_image_folder

    photos = deduplicate(scan_image_folder(SHARED_TRAIN))
    assert default.info["trained_on"]["n_images"] == default.info["cross_validation"]["n_images"] == len(photos)
    assert f"{len(photos)} photos after removing exact duplicates" in (DEFAULT_MODEL_DIR / "MODEL_CARD.md").read_text()
    from gemlang.model import photo_ids

    assert default.trained_photos == photo_ids(photos.paths)  # `gemlang evaluate` on them says they were seen


@pytest.mark.shared_data
@pytest.mark.skipif(not SHARED_TRAIN.is_dir(), reason="needs ../shared/data/gemstones/train")
def test_default_model_recognises_its_training_photos(default):
    # Not an accuracy estimate (these photos were trained on): a check that the shipped head and this
    # installation's encoders still fit together, which a silently changed preprocessing would break.
    photos = [sorted(d.glob("*.jpg"))[0] for d in sorted(SHARED_TRAIN.iterdir())[::6]]
    preds = default.predict(photos)
    truth = [p.parent.name for p in photos]
    hits = np.mean([pred.label == t for pred, t in zip(preds, truth, strict=True)])
    assert hits >= 0.8, [(t, p.label) for t, p in zip(truth, preds, strict=True) if p.label != t]
    assert all(re.match(r"^[A-Z]", p.label) for p in preds)


@pytest.mark.shared_data
@pytest.mark.skipif(not SHARED_TRAIN.is_dir(), reason="needs ../shared/data/gemstones/train")
def test_a_clear_photo_the_answer_is_sure_of_is_a_gem_photo(default):
    # Studio shots the shipped pair names at 92-98% that its head alone, less sure, once called "no gem photo"
    photos = [SHARED_TRAIN / "Amethyst" / "amethyst_0.jpg", SHARED_TRAIN / "Sapphire Blue" / "sapphire blue_10.jpg"]
    probs, verdicts, _ = default.analyse(photos)
    assert [default.classes[i] for i in probs.argmax(1)] == ["Amethyst", "Sapphire Blue"]
    assert all(v.kind != "not_a_gem_photo" for v in verdicts), verdicts


def test_the_heat_map_note_of_the_built_in_model_says_once_what_the_map_follows(default):
    assert default.int8 and default.companion is not None
    note = default.heat_map_note
    assert note.count("the map follows") == 1 and "approximation" in note and "companion" in note
