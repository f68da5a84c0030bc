"""GemClassifier: train, save, load, predict; and loud failures for mismatched or foreign model folders."""

from __future__ import annotations

import json
import re
import shutil

import numpy as np
import pytest
from PIL import Image

from gemlang import GemClassifier
from gemlang.data import ImageError, scan_image_folder
from gemlang.model import ModelError


def test_predict_returns_label_probability_and_top_k(tiny_model_dir, tiny_folder):
    clf = GemClassifier.load(tiny_model_dir)
    photos = [tiny_folder / "Ruby" / "0.jpg", Image.open(tiny_folder / "Emerald" / "0.jpg")]
    preds = clf.predict(photos, top_k=2)
    assert [p.label for p in preds] == ["Ruby", "Emerald"]
    for p in preds:
        assert 0 < p.probability <= 1 and len(p.top_k) == 2
        assert p.top_k[0] == (p.label, p.probability) and p.top_k[0][1] >= p.top_k[1][1]


def test_probabilities_are_a_distribution(tiny_model_dir, tiny_folder):
    clf = GemClassifier.load(tiny_model_dir)
    probs, failures = clf.predict_proba(scan_image_folder(tiny_folder).paths)
    assert not failures
    np.testing.assert_allclose(probs.sum(1), 1, atol=1e-5)


def test_save_load_round_trip_gives_identical_predictions(tiny_model_dir, tiny_folder, tmp_path):
    clf = GemClassifier.load(tiny_model_dir)
    clf.save(tmp_path / "copy")
    again = GemClassifier.load(tmp_path / "copy")
    paths = scan_image_folder(tiny_folder).paths
    np.testing.assert_allclose(clf.predict_proba(paths)[0], again.predict_proba(paths)[0], atol=1e-6)
    saved = sorted(p.name for p in (tmp_path / "copy").iterdir())
    assert saved == ["config.json", "head.safetensors", "scope.safetensors", "trained_photos.txt"]
    assert again.trained_photos == clf.trained_photos and len(clf.trained_photos) == len(paths)  # kept on re-save


def test_config_records_encoder_classes_and_cross_validation(tiny_model_dir):
    config = json.loads((tiny_model_dir / "config.json").read_text())
    assert config["encoder"] == "mobilenet_v2+colour_hist"
    assert config["classes"] == ["Emerald", "Ruby", "Sapphire Blue"]
    assert config["cross_validation"]["folds"] == 3
    assert 0 <= config["cross_validation"]["top1"] <= 1
    assert config["temperature"] > 0


def test_head_from_another_encoder_is_an_error(tiny_model_dir, tmp_path):
    other = shutil.copytree(tiny_model_dir, tmp_path / "other")
    config = json.loads((other / "config.json").read_text())
    config["encoder"] = "efficientnet_lite0+colour_hist"  # same width, different features
    (other / "config.json").write_text(json.dumps(config))
    with pytest.raises(ModelError, match="trained on encoder"):
        GemClassifier.load(other)
    from gemlang.features import FeatureExtractor

    config["encoder"] = "mobilenet_v2"  # a consistent config, but the head is wider than these features
    config["encoder_signature"] = FeatureExtractor("mobilenet_v2").signature
    (other / "config.json").write_text(json.dumps(config))
    with pytest.raises(ModelError, match="1856-d features"):
        GemClassifier.load(other)


def test_unknown_or_foreign_model_paths_are_clear_errors_that_say_what_to_give(tmp_path):
    use = "Use 'default' or a folder written by `gemlang train --out`."
    with pytest.raises(ModelError, match="no such model folder. " + re.escape(use)):
        GemClassifier.load(tmp_path / "nowhere")
    (tmp_path / "foreign").mkdir()
    with pytest.raises(ModelError, match=r"not a gemlang model folder \(no config.json\). " + re.escape(use)):
        GemClassifier.load(tmp_path / "foreign")
    (tmp_path / "foreign" / "config.json").write_text(json.dumps({"architectures": ["BertModel"]}))
    with pytest.raises(ModelError, match="not a gemlang-classifier config .*" + re.escape(use)):
        GemClassifier.load(tmp_path / "foreign")


def test_a_cut_off_or_inconsistent_config_is_a_clear_error(tiny_model_dir, tmp_path):
    model = tmp_path / "model"
    shutil.copytree(tiny_model_dir, model)
    text = (model / "config.json").read_text()
    (model / "config.json").write_text(text[: len(text) // 2])  # a copy that stopped half-way
    with pytest.raises(ModelError, match="config.json cannot be read"):
        GemClassifier.load(model)
    config = json.loads(text)
    config["classes"] = config["classes"][:-1]  # a class name deleted by hand
    (model / "config.json").write_text(json.dumps(config))
    with pytest.raises(ModelError, match="names 2 classes but its head gives 3 answers"):
        GemClassifier.load(model)


@pytest.mark.parametrize(
    ("edit", "said"),
    [
        ({"temperature": 0}, "temperature is 0; it must be a number above 0"),
        ({"temperature": -1}, "temperature is -1"),
        ({"temperature": "x"}, "temperature is 'x'"),
        ({"head": None}, "lacks head"),
        ({"format_version": 99}, "format_version 99, written by a newer gemlang"),
    ],
)
def test_a_config_edited_into_nonsense_is_refused_not_answered_with(tiny_model_dir, tmp_path, edit, said):
    model = tmp_path / "model"
    shutil.copytree(tiny_model_dir, model)
    config = {**json.loads((model / "config.json").read_text()), **edit}
    (model / "config.json").write_text(json.dumps({k: v for k, v in config.items() if v is not None}))
    with pytest.raises(ModelError, match=re.escape(said)):
        GemClassifier.load(model)


def test_weights_from_another_model_are_refused_in_one_line(tiny_model_dir, tmp_path):
    from safetensors.numpy import load_file, save_file

    model = tmp_path / "model"
    shutil.copytree(tiny_model_dir, model)
    scope = load_file(str(model / "scope.safetensors"))
    scope = {k: (v[:-1] if k in ("mean", "scale", "components") else v) for k, v in scope.items()}
    save_file(scope, str(model / "scope.safetensors"))  # fitted on features one wider than this encoder's
    with pytest.raises(ModelError, match="scope.safetensors was fitted on .* it comes from another model"):
        GemClassifier.load(model)
    shutil.copy(tiny_model_dir / "scope.safetensors", model / "scope.safetensors")
    (model / "head.safetensors").unlink()
    with pytest.raises(ModelError, match="head.safetensors is missing"):
        GemClassifier.load(model, backend="torch")


def test_predict_names_an_unreadable_photo(tiny_model_dir, tmp_path):
    bad = tmp_path / "bad.png"
    bad.write_text("nope")
    with pytest.raises(ImageError, match="bad.png"):
        GemClassifier.load(tiny_model_dir).predict([bad])


def test_save_replaces_an_existing_model_atomically(tiny_model_dir, tmp_path):
    clf = GemClassifier.load(tiny_model_dir)
    target = tmp_path / "m"
    clf.save(target)
    clf.temperature = 2.5
    clf.save(target)
    assert json.loads((target / "config.json").read_text())["temperature"] == 2.5
    assert [p.name for p in tmp_path.iterdir()] == ["m"]  # no temporary folders left behind


@pytest.mark.parametrize("head", ["mlp", "linear+mlp"])
def test_every_head_trains_saves_and_reloads(tiny_folder, tmp_path, head):
    from gemlang.features import FeatureCache
    from gemlang.training import train_classifier

    clf = train_classifier(
        scan_image_folder(tiny_folder),
        encoder="colour_hist",
        head=head,
        cv=3,
        cache=FeatureCache(tmp_path / "cache"),
        progress=False,
        log=lambda _: None,
    )
    paths = scan_image_folder(tiny_folder).paths
    probs, _ = clf.predict_proba(paths)
    np.testing.assert_allclose(probs.sum(1), 1, atol=1e-5)
    assert (probs.argmax(1) == scan_image_folder(tiny_folder).labels).mean() >= 0.8
    clf.save(tmp_path / "m")
    again = GemClassifier.load(tmp_path / "m")
    assert again.head.config["type"] == head
    np.testing.assert_allclose(again.predict_proba(paths)[0], probs, atol=1e-6)


@pytest.fixture(scope="module")
def colour_model(tiny_folder, tmp_path_factory):
    """A second model of the tiny classes, on other features: a companion for the tiny model."""
    from gemlang.features import FeatureCache
    from gemlang.training import train_classifier

    return train_classifier(scan_image_folder(tiny_folder), encoder="colour_hist", cv=0,
                            cache=FeatureCache(tmp_path_factory.mktemp("cache")), progress=False,
                            log=lambda _: None)  # fmt: skip


@pytest.mark.parametrize("backend", ["torch", "onnx"])
def test_a_companion_multiplies_in_its_answers_and_travels_with_the_model(
    tiny_model_dir, tiny_folder, colour_model, tmp_path, backend
):
    from gemlang.model import multiplied

    paths = scan_image_folder(tiny_folder).paths
    own = GemClassifier.load(tiny_model_dir, backend=backend)
    mine, theirs = own.predict_proba(paths)[0], colour_model.predict_proba(paths)[0]
    paired = GemClassifier.load(tiny_model_dir, backend=backend).with_companion(colour_model, temperature=1.5)
    expected = multiplied(mine, theirs, 1.5)
    np.testing.assert_allclose(paired.predict_proba(paths)[0], expected, atol=1e-5)
    assert not np.allclose(np.log(expected), np.log(mine), atol=0.1)  # the companion really moved the answer

    paired.save(tmp_path / "pair")
    assert (tmp_path / "pair" / "companion" / "config.json").is_file()
    again = GemClassifier.load(tmp_path / "pair", backend=backend)
    assert again.companion is not None and again.companion_temperature == 1.5 and "companion" not in again.info
    probs, verdicts, failures = again.analyse([*paths[:2], tmp_path / "missing.jpg"])
    np.testing.assert_allclose(probs[:2], expected[:2], atol=1e-5)
    assert list(failures) == [2] and np.isnan(probs[2]).all() and len(verdicts) == 3
    assert verdicts[:2] == own.analyse(paths[:2])[1]  # the scope check reads what it was fitted on: the own answer
    assert "companion" in again.heat_map_note
    with pytest.raises(ModelError, match="need the photos"):
        again.probabilities_from_features(np.zeros((1, 4), dtype=np.float32))


def test_a_companion_of_other_classes_or_a_broken_one_is_refused(tiny_model_dir, colour_model, tmp_path):
    clf = GemClassifier.load(tiny_model_dir)
    other = GemClassifier.load(tiny_model_dir)
    other.classes = list(reversed(other.classes))
    with pytest.raises(ModelError, match="same classes"):
        clf.with_companion(other)
    clf.with_companion(colour_model).save(tmp_path / "pair")
    (tmp_path / "pair" / "companion" / "head.safetensors").write_bytes(b"not a head")
    with pytest.raises(ModelError, match="companion model cannot be loaded"):
        GemClassifier.load(tmp_path / "pair")


def test_multiplied_probabilities_are_the_renormalised_product_raised_to_one_over_the_temperature():
    from gemlang.model import multiplied

    a, b = np.array([[0.6, 0.3, 0.1], [np.nan] * 3]), np.array([[0.2, 0.7, 0.1], [0.3, 0.3, 0.4]])
    product = a[0] * b[0] / (a[0] * b[0]).sum()
    np.testing.assert_allclose(multiplied(a, b)[0], product, rtol=1e-5)
    softened = product**0.5 / (product**0.5).sum()
    np.testing.assert_allclose(multiplied(a, b, 2.0)[0], softened, rtol=1e-5)
    assert np.isnan(multiplied(a, b)[1]).all()  # an unreadable photo stays unanswered


def test_the_fusion_build_refuses_a_pair_it_cannot_calibrate(tiny_model_dir, tiny_folder, colour_model):
    from gemlang.errors import UsageError
    from gemlang.fusion.train import build_fusion

    pair = GemClassifier.load(tiny_model_dir).with_companion(colour_model)
    with pytest.raises(UsageError, match="companion"):
        build_fusion(pair, scan_image_folder(tiny_folder))


def test_an_mlp_head_is_not_thrown_by_a_feature_its_training_photos_never_varied():
    import torch

    from gemlang.heads import MLPHead
    from gemlang.serving.heads import numpy_head

    rng = np.random.default_rng(0)
    centres = rng.normal(0, 1, (5, 200))
    y = np.repeat(np.arange(5), 20)
    X = (centres[y] + rng.normal(0, 1.5, (100, 200))).astype(np.float32)
    X[:, :20] = 0.0  # e.g. colour-histogram bins a small collection never fills
    fresh_y = np.repeat(np.arange(5), 40)
    fresh = (centres[fresh_y] + rng.normal(0, 1.5, (200, 200))).astype(np.float32)
    fresh[:, :20] = rng.uniform(0, 0.2, (200, 20))  # a new photo fills them a little
    head = MLPHead(200, 5).fit(X, y)
    with torch.no_grad():
        assert (head(torch.from_numpy(fresh)).argmax(1).numpy() == fresh_y).mean() > 0.9
    served = numpy_head(head.config, {k: v.numpy() for k, v in head.state_dict().items()})
    assert (served(fresh).argmax(1) == fresh_y).mean() > 0.9  # the serving path reads it the same way


def test_more_folds_than_a_class_has_photos_use_as_many_as_it_allows(tiny_folder):
    from gemlang.data import scan_image_folder
    from gemlang.training import train_classifier

    said = []
    clf = train_classifier(scan_image_folder(tiny_folder), encoder="colour_hist", cv=100, log=said.append)
    assert clf.info["cross_validation"]["folds"] == 6 and clf.temperature != 1.0  # 6 photos a class: calibrated
    assert any("--cv 100" in line and "6 folds are used" in line for line in said)


def test_a_class_of_a_single_photo_is_named_with_what_to_do_when_cross_validation_is_skipped(tiny_folder, tmp_path):
    from gemlang.training import train_classifier

    data_dir = shutil.copytree(tiny_folder, tmp_path / "d")
    for extra in sorted((data_dir / "Emerald").iterdir())[1:]:
        extra.unlink()
    said = []
    clf = train_classifier(scan_image_folder(data_dir), encoder="colour_hist", cv=3, log=said.append)
    assert clf.temperature == 1.0 and "cross_validation" not in clf.info
    assert any("not calibrated: class Emerald has a single photo; add photos to it, or remove its folder" in line
               for line in said)  # fmt: skip


def test_a_linear_head_of_two_classes_separates_them_as_logistic_regression_does():
    import torch
    from sklearn.linear_model import LogisticRegression

    from gemlang.heads.classifiers import LinearHead

    rng = np.random.default_rng(0)
    X = np.r_[rng.normal(0, 1, (50, 5)), rng.normal(1.5, 1, (50, 5))].astype(np.float32)
    y = np.r_[np.zeros(50, int), np.ones(50, int)]
    with torch.no_grad():
        head = LinearHead(5, 2).fit(X, y)
        probs = torch.softmax(head(torch.from_numpy(X)), 1).numpy()
        standardised = head.standardize(torch.from_numpy(X)).numpy()
    expected = LogisticRegression(C=0.05, max_iter=2000).fit(standardised, y).predict_proba(standardised)
    assert np.allclose(probs, expected, atol=1e-5)  # not 50% / 50% for every photo
    assert (probs.argmax(1) == y).mean() > 0.9


def test_a_lazily_opened_pil_image_is_decoded_once_before_any_thread_reads_it(tmp_path):
    from gemlang.data import load_image

    path = tmp_path / "stone.jpg"
    Image.new("RGB", (64, 48), (200, 30, 40)).save(path)
    lazy = Image.open(path)
    loaded = load_image(lazy)
    assert loaded.size == (64, 48) and lazy.im is not None  # decoded in the caller's thread


def test_a_prediction_carries_the_photos_out_of_scope_check():
    clf = GemClassifier.load("default")
    blank = clf.predict(Image.new("RGB", (200, 200), (200, 30, 40)))[0]  # one flat colour: no stone in it
    assert blank.out_of_scope.flagged and blank.to_dict()["out_of_scope"]["kind"] == "not_a_gem_photo"


def test_a_photo_given_as_an_array_bytearray_or_open_file_is_read(tiny_model_dir, tiny_folder):
    import io

    from gemlang.data import ImageError

    clf = GemClassifier.load(tiny_model_dir)
    path = next((tiny_folder / "Ruby").glob("*.jpg"))
    expected = clf.predict(path)[0].top_k
    pixels = np.asarray(Image.open(path).convert("RGB"))
    for photo in (pixels, bytearray(path.read_bytes()), io.BytesIO(path.read_bytes())):
        got = clf.predict(photo)[0].top_k
        assert [n for n, _ in got] == [n for n, _ in expected]
    with pytest.raises(ImageError, match="is not a picture"):
        clf.predict(np.zeros((3, 3, 3, 3)))


def test_a_damaged_list_of_trained_photos_is_said_and_left_out(tmp_path, caplog):
    from gemlang.features import FeatureExtractor
    from gemlang.heads.classifiers import LinearHead

    histogram = FeatureExtractor("colour_hist")
    clf = GemClassifier(histogram, LinearHead(histogram.feature_dim, 2), ["a", "b"])
    clf.trained_photos = frozenset({"0123456789abcdef"})
    clf.save(tmp_path / "m")
    assert GemClassifier.load(tmp_path / "m").trained_photos == {"0123456789abcdef"}
    (tmp_path / "m" / "trained_photos.txt").write_bytes(b"\x00\xffgarbage")
    assert GemClassifier.load(tmp_path / "m").trained_photos == frozenset()
    assert "not a list of photo ids" in caplog.text


def test_cross_validation_gives_the_same_held_out_answers_twice():
    import torch

    from gemlang.recipe import BUILT_IN
    from gemlang.training.folds import held_out_predictions

    rng = np.random.default_rng(0)
    y = np.repeat(np.arange(4), 6)
    X = (rng.normal(size=(24, 50)) + y[:, None] * 0.5).astype(np.float32)
    runs = [held_out_predictions(X, y, np.arange(24), lambda: BUILT_IN.make_head(50, 4), 3, 0) for _ in range(2)]
    torch.rand(7)  # the global generator moved on between runs changes nothing: the head's weights are seeded
    again = held_out_predictions(X, y, np.arange(24), lambda: BUILT_IN.make_head(50, 4), 3, 0)
    assert np.array_equal(runs[0].probabilities(), runs[1].probabilities())
    assert np.array_equal(runs[0].probabilities(), again.probabilities())
