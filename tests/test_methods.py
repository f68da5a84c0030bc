"""The seed methods on tiny generated photos: they train, predict, save and load, and repeat with a seed."""

from __future__ import annotations

import json

import numpy as np
import pytest
import torch
from PIL import Image

from gemlang.data import scan_image_folder
from gemlang.methods import describe_methods, get_fitter, list_methods, method_settings, train_method
from gemlang.methods.common import split_off
from gemlang.methods.photos import load_photos, random_affine
from gemlang.methods.transfer import fusion_features
from gemlang.model import GemClassifier

COLOURS = {"Ruby": (200, 20, 40), "Emerald": (20, 160, 60), "Sapphire": (30, 50, 200)}
TINY = {"epochs": 2, "batch_size": 4, "patience": 5, "progress": False, "trees": 10}


def make_photos(root, per_class: int = 5, size: int = 40):
    rng = np.random.default_rng(0)
    for name, colour in COLOURS.items():
        (root / name).mkdir(parents=True)
        for i in range(per_class):
            pixels = np.clip(np.array(colour) + rng.normal(0, 30, (size, size, 3)), 0, 255).astype(np.uint8)
            pixels[size // 4 : 3 * size // 4, size // 4 : 3 * size // 4] //= 2  # a darker "stone"
            Image.fromarray(pixels).save(root / name / f"{name.lower()}_{i}.png")
    return root


@pytest.fixture(scope="module", autouse=True)
def one_thread():
    """Small networks on a shared CPU run many times faster on one thread than on two that spin-wait."""
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    return make_photos(tmp_path_factory.mktemp("gems"))


@pytest.fixture(scope="module")
def photos(data_dir):
    photos = load_photos(scan_image_folder(data_dir), [32, 224], progress=False)
    fusion_features(photos, 224, progress=False)  # the frozen ResNet-50 pass, once for all tests
    return photos


def tiny_settings(name: str, **extra) -> dict:
    size = {"resnet50-transfer": 224, "fusion-topk": 224}.get(name, 32)
    settings = method_settings(name, {**TINY, "image_size": size, **extra})
    if name == "histogram-rf":
        settings["image_size"] = 32
    return settings


def test_every_method_has_a_preset_with_citation_and_a_fitter():
    methods = list_methods()
    assert set(methods) == {
        "resnet50-transfer",
        "fusion-topk",
        "residual-cnn",
        "vae",
        "autoencoder-knn",
        "histogram-rf",
    }
    for name, preset in methods.items():
        assert preset["paper"]["citation"] and preset["paper"]["reported"] and preset["differences"]
        assert callable(get_fitter(name))
    assert "evaluation-only" in describe_methods()


@pytest.mark.parametrize("name", ["residual-cnn", "vae", "autoencoder-knn", "fusion-topk", "resnet50-transfer"])
def test_method_trains_predicts_and_its_model_folder_round_trips(name, photos, tmp_path):
    train, val = split_off(photos, 0.34, seed=0)
    fitted = get_fitter(name)(train, val, tiny_settings(name), 0)
    probs = fitted.predict_proba(val)
    assert probs.shape == (len(val), 3)
    assert np.allclose(probs.sum(1), 1, atol=1e-4)
    for predict in fitted.extra_predictions.values():
        assert predict(val).shape == (len(val), 3)
    fitted.save(tmp_path / "model")
    config = json.loads((tmp_path / "model" / "config.json").read_text())
    loaded = GemClassifier.load(tmp_path / "model")
    assert (tmp_path / "model" / "encoder.safetensors").exists() == bool(config["finetuned_encoder"])
    if name == "fusion-topk":  # the paper's pictures
        assert (tmp_path / "model" / "gradcam.png").exists() and (tmp_path / "model" / "tsne_f2f4.png").exists()
    reloaded = loaded.predict_proba(list(val.data.paths))[0]
    saved_model = fitted.extra_predictions.get("classifier", fitted.predict_proba)  # autoencoder-knn: its head
    assert np.allclose(reloaded, saved_model(val), atol=1e-3)


def test_vae_writes_reconstructions_and_compares_svm_forest_and_cnn(photos, tmp_path):
    train, val = split_off(photos, 0.34, seed=0)
    fitted = get_fitter("vae")(train, val, tiny_settings("vae"), 0)
    assert set(fitted.extra_predictions) == {"svm", "random-forest", "cnn"}
    fitted.save(tmp_path / "vae")
    assert (tmp_path / "vae" / "reconstructions.png").stat().st_size > 0
    assert (tmp_path / "vae" / "decoder.safetensors").exists()


def test_autoencoder_knn_finds_neighbours_of_the_same_class(photos, data_dir, tmp_path):
    from gemlang.methods.scratch import nearest_neighbours

    train, val = split_off(photos, 0.34, seed=0)
    get_fitter("autoencoder-knn")(train, val, tiny_settings("autoencoder-knn"), 0).save(tmp_path / "ae")
    found = nearest_neighbours(tmp_path / "ae", data_dir / "Ruby" / "ruby_0.png", k=3)
    assert len(found) == 3 and found[0][2] >= found[1][2] >= found[2][2]
    assert [gem for gem, _, _ in found] == ["Ruby"] * 3, found


def test_histogram_rf_is_evaluation_only_and_cross_validates(data_dir, tmp_path):
    overrides = {**TINY, "image_size": 32}
    result = train_method("histogram-rf", data_dir, tmp_path / "rf", cv=2, overrides=overrides, log=lambda _: None)
    assert result["cross_validation"]["histogram-rf"]["top1"] >= 0.8  # three colours: histograms tell them apart
    assert (tmp_path / "rf" / "cv_report" / "histogram-rf" / "metrics.json").exists()
    assert not (tmp_path / "rf" / "config.json").exists()


def test_train_method_writes_a_model_with_its_paper_in_the_card(data_dir, tmp_path):
    overrides = {**TINY, "image_size": 32, "val_fraction": 0.34}
    train_method("residual-cnn", data_dir, tmp_path / "m", cv=2, overrides=overrides, log=lambda _: None)
    loaded = GemClassifier.load(tmp_path / "m")
    assert loaded.info["method"] == "residual-cnn"
    assert "paper" in (tmp_path / "m" / "MODEL_CARD.md").read_text().lower()
    assert (tmp_path / "m" / "cv_report" / "residual-cnn" / "metrics.json").exists()
    assert (tmp_path / "m" / "vargrad_score_maps.png").exists()


def test_same_seed_gives_the_same_network(photos):
    train, val = split_off(photos, 0.34, seed=0)
    runs = [get_fitter("residual-cnn")(train, val, tiny_settings("residual-cnn"), 7).predict_proba(val) for _ in "ab"]
    assert np.array_equal(runs[0], runs[1])


def test_random_affine_keeps_shape_and_identity_settings_change_nothing():
    x = torch.rand(3, 4, 10, 10)
    assert torch.allclose(random_affine(x), x, atol=1e-5)
    assert random_affine(x, rotation=30, shift=0.1, scale=(0.8, 1.2), flip=True).shape == x.shape


def test_cli_lists_methods_and_refuses_to_save_an_evaluation_only_one(data_dir, tmp_path, capsys):
    from gemlang.cli import main

    assert main(["train", "--list-methods"]) == 0
    listed = capsys.readouterr().out
    assert "fusion-topk" in listed and "histogram-rf  [evaluation-only (--cv K)]" in listed
    args = ["train", "--method", "histogram-rf", "--data", str(data_dir), "--out", str(tmp_path / "rf"), "--cv", "0"]
    assert main(args) == 2
    assert "evaluation-only" in capsys.readouterr().err


def test_training_loop_stops_early_and_checkpoints_the_best_state(tmp_path):
    from safetensors.torch import load_file
    from torch.utils.data import TensorDataset

    from gemlang.training.loop import TrainConfig, train_loop

    torch.manual_seed(0)
    x, y = torch.randn(32, 4), torch.randint(0, 2, (32,))
    val = TensorDataset(torch.randn(16, 4), torch.randint(0, 2, (16,)))  # unrelated labels: no real progress
    model = torch.nn.Linear(4, 2)

    def loss_fn(model, batch, training):
        logits = model(batch[0])
        return torch.nn.functional.cross_entropy(logits, batch[1]), int((logits.argmax(1) == batch[1]).sum())

    config = TrainConfig(epochs=50, batch_size=8, lr=0.5, patience=2, progress=False, checkpoint_dir=str(tmp_path))
    result = train_loop(model, loss_fn, TensorDataset(x, y), val, config)
    assert result.stopped_early and len(result.history) == result.best_epoch + 2
    best = min(row["val_loss"] for row in result.history)
    assert result.best_val_loss == best
    saved = load_file(str(tmp_path / "training.safetensors"))
    assert torch.equal(saved["weight"], model.weight.detach())  # the model is handed back in its best state
