"""The image-text alignment: trained on tiny coloured photos, it names, retrieves and searches by text."""

from __future__ import annotations

import json

import numpy as np
import pytest
from PIL import Image

from gemlang.knowledge import get_facts

COLOURS = {"Ruby": (200, 20, 40), "Sapphire Blue": (20, 40, 190), "Emerald": (20, 160, 60), "Citrine": (230, 190, 30)}
# A few phrasings keep the text side small; every gem's description sentences are always added.
TEMPLATES = ["a photo of a {colour} {name}.", "a {colour} gem.", "{name}, {species}.", "{name}"]


def photo(rgb, seed, size=40):
    rng = np.random.default_rng(seed)
    return Image.fromarray(np.clip(np.array(rgb) + rng.normal(0, 18, (size, size, 3)), 0, 255).astype(np.uint8))


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    """An alignment on colour-histogram features of 8 photos per gem, and the features it was trained on."""
    from gemlang.features import FeatureCache, FeatureExtractor
    from gemlang.language.alignment_training import train_alignment

    root = tmp_path_factory.mktemp("alignment")
    cache = FeatureCache(root / "cache")
    extractor = FeatureExtractor("colour_hist")
    images = [photo(rgb, 10 * c + i) for c, rgb in enumerate(COLOURS.values()) for i in range(8)]
    labels = np.repeat(np.arange(len(COLOURS)), 8)
    X, failures = extractor(images)
    assert not failures
    gems = [get_facts(name) for name in COLOURS]
    model = train_alignment(
        X,
        labels,
        gems,
        extractor.spec,
        extractor.signature,
        text_cache=cache,
        templates=TEMPLATES,
        steps=300,
        batch_size=4,
        image_hidden=64,
        log=None,
    )
    return model, cache, root


def test_zero_shot_names_new_photos_from_text_prompts_alone(trained):
    model, cache, _ = trained
    fresh = [photo(rgb, 1000 + c) for c, rgb in enumerate(COLOURS.values())]
    ranked = model.classify(fresh, list(COLOURS), top_k=2, cache=cache)
    assert [r[0][0] for r in ranked] == list(COLOURS)
    assert all(0 < p <= 1 for r in ranked for _, p in r)


def test_embeddings_are_unit_vectors_in_one_space(trained):
    model, cache, _ = trained
    Z, failures = model.embed_images([photo((200, 20, 40), 5)], cache)
    T = model.embed_texts(["a red gem", "a blue gem"], cache)
    assert not failures and Z.shape == (1, 256) and T.shape == (2, 256)
    np.testing.assert_allclose(np.linalg.norm(np.vstack([Z, T]), axis=1), 1.0, atol=1e-5)


def test_text_search_ranks_the_matching_photos_first(trained, tmp_path):
    model, cache, _ = trained
    paths = []
    for name, rgb in COLOURS.items():
        paths.append(tmp_path / f"{name}.png")
        photo(rgb, 77).save(paths[-1])
    (tmp_path / "broken.png").write_bytes(b"no image")
    ranked, failures = model.search("deep blue, hard", paths + [tmp_path / "broken.png"], cache=cache, top=4)
    assert ranked[0][0].name == "Sapphire Blue.png"
    assert [s for _, s in ranked] == sorted((s for _, s in ranked), reverse=True)
    assert list(failures) == [tmp_path / "broken.png"]


def test_a_photo_retrieves_its_gems_reference_description(trained):
    model, cache, _ = trained
    gems = [get_facts(name) for name in COLOURS]
    [nearest] = model.retrieve_descriptions([photo((20, 160, 60), 3)], k=2, gems=gems, cache=cache)
    assert nearest[0][0].name == "Emerald" and nearest[0][1] >= nearest[1][1]


def test_the_seen_gem_offset_only_reorders_gems_with_and_without_photos(trained):
    model, cache, _ = trained
    Z, _ = model.embed_images([photo((200, 20, 40), 9)], cache)
    _, before = model.zero_shot_probabilities(Z, list(COLOURS), cache)
    model.info["seen_bias"] = 0.3
    try:
        _, after = model.zero_shot_probabilities(Z, list(COLOURS), cache)
        np.testing.assert_allclose(before, after, atol=1e-6)  # all candidates trained on: no change
        names, with_new = model.zero_shot_probabilities(Z, [*COLOURS, "Spinel"], cache)
        model.info["seen_bias"] = 0.0
        _, without = model.zero_shot_probabilities(Z, [*COLOURS, "Spinel"], cache)
        assert names[-1] == "Spinel" and with_new[0, -1] > without[0, -1]
    finally:
        model.info["seen_bias"] = 0.0


def test_save_and_load_give_the_same_space(trained, tmp_path):
    from gemlang.language.alignment import AlignmentModel

    model, cache, _ = trained
    model.save(tmp_path / "align", model_card="# card\n")
    loaded = AlignmentModel.load(tmp_path / "align")
    config = json.loads((tmp_path / "align" / "config.json").read_text())
    assert (
        config["image_encoder"] == "colour_hist" and config["image_encoder_signature"] == model.image_encoder_signature
    )
    assert config["text_encoder"] == "all-MiniLM-L6-v2"
    assert (tmp_path / "align" / "MODEL_CARD.md").read_text() == "# card\n"
    images = [photo(rgb, 500) for rgb in COLOURS.values()]
    np.testing.assert_allclose(loaded.embed_images(images)[0], model.embed_images(images)[0], atol=1e-6)
    assert loaded.temperature == pytest.approx(model.temperature)


def test_an_image_encoder_mismatch_is_a_clear_error(trained, tmp_path):
    from gemlang.language.alignment import AlignmentError, AlignmentModel

    model, _, _ = trained
    model.save(tmp_path / "align")
    config_file = tmp_path / "align" / "config.json"
    config = json.loads(config_file.read_text())
    config["image_encoder_signature"] = "colour_hist[some other histogram] tta=False"
    config_file.write_text(json.dumps(config))
    with pytest.raises(AlignmentError, match="trained on image encoder"):
        AlignmentModel.load(tmp_path / "align")


def test_a_folder_that_is_not_an_alignment_is_a_clear_error_that_says_what_to_give(tiny_model_dir, tmp_path):
    from gemlang.language.alignment import AlignmentError, AlignmentModel

    use = r"\. Use 'default' or a folder written by `gemlang build alignment --out`\."
    with pytest.raises(AlignmentError, match=r"not a gemlang alignment folder \(no config.json\)" + use):
        AlignmentModel.load(tmp_path)
    with pytest.raises(AlignmentError, match="no such alignment folder" + use):
        AlignmentModel.load(tmp_path / "missing")
    with pytest.raises(AlignmentError, match=r"\(format='gemlang-classifier'\)" + use):  # a classifier's folder
        AlignmentModel.load(tiny_model_dir)


def test_training_pairs_photos_with_knowledge_phrasings_and_the_loss_goes_down(trained):
    from gemlang.language.alignment_training import training_texts

    model, _, _ = trained
    texts, owners = training_texts([get_facts(n) for n in COLOURS], TEMPLATES)
    assert len(texts) == len(owners) and set(owners) == {0, 1, 2, 3}
    assert "a photo of a red Ruby." in texts and any("chromium" in t for t in texts)  # description sentences
    training = model.info["training"]
    assert training["loss"] == "open_clip.loss.ClipLoss"
    assert training["final_loss"] < 0.5 * training["first_loss"]
    assert model.temperature < 0.07  # learned: sharpened from CLIP's starting 0.07


def test_the_seen_gem_offset_is_calibrated_on_training_gems_alone(trained):
    from gemlang.features import FeatureExtractor
    from gemlang.language.alignment_training import calibrate_seen_bias

    _, cache, _ = trained
    names = [*COLOURS, "Amethyst"]
    colours = [*COLOURS.values(), (130, 40, 170)]
    images = [photo(rgb, 300 + 10 * c + i) for c, rgb in enumerate(colours) for i in range(5)]
    X, _ = FeatureExtractor("colour_hist")(images)
    labels = np.repeat(np.arange(5), 5)
    result = calibrate_seen_bias(
        X,
        labels,
        [get_facts(n) for n in names],
        pseudo_unseen=0.4,
        text_cache=cache,
        templates=TEMPLATES,
        steps=100,
        batch_size=3,
        image_hidden=32,
        log=None,
    )
    assert len(result["pseudo_unseen_gems"]) == 2 and set(result["pseudo_unseen_gems"]) <= set(names)
    assert 0.0 <= result["seen_bias"] <= 0.5
    bias, seen_top1, _ = next(c for c in result["curve"] if c[0] == result["seen_bias"])
    assert result["curve"][0][0] == 0 and seen_top1 >= result["curve"][0][1] - 0.05  # within the budget


def test_the_shipped_alignment_fits_this_installations_image_encoder():
    from gemlang.language.alignment import DEFAULT_ALIGNMENT_DIR, DEFAULT_IMAGE_ENCODER, AlignmentModel

    if not (DEFAULT_ALIGNMENT_DIR / "config.json").is_file():
        pytest.skip("no shipped alignment in this checkout (build it with gemlang build alignment --data DIR)")
    model = AlignmentModel.load("default")  # raises if the encoder's signature changed since it was trained
    assert model.image_encoder == DEFAULT_IMAGE_ENCODER and len(model.info["trained_on"]["gems"]) == 87
    assert 0 <= model.seen_bias <= 0.5 and (DEFAULT_ALIGNMENT_DIR / "MODEL_CARD.md").is_file()
