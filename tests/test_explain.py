"""Grad-CAM, VarGrad and the t-SNE plot on tiny models and photos made here."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from PIL import Image
from torch import nn

from gemlang.data.images import written_by_gemlang
from gemlang.encoders import Encoder
from gemlang.encoders.base import TappedPooling, imagenet_preprocess
from gemlang.explain import ExplainError, embedding_plot, explain
from gemlang.features import FeatureExtractor
from gemlang.heads import LinearHead
from gemlang.model import GemClassifier


@pytest.fixture(scope="module", autouse=True)
def one_thread():
    """Tiny networks on a shared CPU run many times faster on one thread than on two that spin-wait."""
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


def bright_corner_photo(size: int = 48) -> Image.Image:
    pixels = np.zeros((size, size, 3), dtype=np.uint8)
    pixels[: size // 3, : size // 3] = 255
    return Image.fromarray(pixels)


def brightness_model() -> GemClassifier:
    """A CNN whose only feature is 'how bright': class 0 = bright, class 1 = dark."""
    conv = nn.Conv2d(3, 1, 3, padding=1)
    nn.init.constant_(conv.weight, 1.0)
    nn.init.zeros_(conv.bias)
    encoder = Encoder("bright", TappedPooling(nn.Sequential(conv, nn.ReLU()), ["0"]), imagenet_preprocess(32), 1, "t")
    extractor = FeatureExtractor("colour_hist")
    extractor.encoders = [encoder]
    head = LinearHead(1, 2)
    head.linear.weight.data = torch.tensor([[1.0], [-1.0]])
    head.linear.bias.data.zero_()
    return GemClassifier(extractor, head, ["Diamond", "Onyx"])


def tiny_cnn_model(encoder_name: str = "residual_cnn:32") -> GemClassifier:
    torch.manual_seed(0)
    extractor = FeatureExtractor(encoder_name)
    return GemClassifier(extractor, LinearHead(extractor.feature_dim, 3), ["Ruby", "Emerald", "Topaz"])


def test_gradcam_points_at_the_part_of_the_photo_that_drives_the_score():
    heat, shown = explain(brightness_model(), bright_corner_photo(), "gradcam", target="Diamond")
    assert heat.shape == (48, 48) and shown.size == (48, 48)
    assert heat[:12, :12].mean() > 0.5 > heat[30:, 30:].mean()


@pytest.mark.parametrize("method", ["gradcam", "vargrad"])
@pytest.mark.parametrize("encoder", ["residual_cnn:32", "conv_vae:32"])
def test_heatmap_has_the_photo_size_and_lies_in_0_1(method, encoder):
    photo = Image.fromarray((np.random.default_rng(0).random((40, 56, 3)) * 255).astype(np.uint8))
    heat, shown = explain(tiny_cnn_model(encoder), photo, method)
    assert heat.shape == (40, 56)
    assert heat.min() >= 0 and heat.max() <= 1 and heat.max() > 0
    assert shown.size == photo.size and shown.mode == "RGB"


def test_vargrad_is_repeatable():
    clf, photo = tiny_cnn_model(), bright_corner_photo()
    assert np.array_equal(explain(clf, photo, "vargrad")[0], explain(clf, photo, "vargrad")[0])


def test_target_by_name_and_bad_requests_are_explained():
    clf = tiny_cnn_model()
    explain(clf, bright_corner_photo(), "gradcam", target="Emerald")
    assert np.array_equal(
        *(explain(clf, bright_corner_photo(), "gradcam", target=t)[0] for t in ("emerald", "Emerald"))
    )
    with pytest.raises(ExplainError, match=r"no class 'Kryptonite'; its classes are Ruby, Emerald, Topaz$"):
        explain(clf, bright_corner_photo(), "gradcam", target="Kryptonite")
    with pytest.raises(ExplainError, match="did you mean Emerald"):
        explain(clf, bright_corner_photo(), "gradcam", target="Emeral")
    with pytest.raises(ExplainError, match="unknown explanation method"):
        explain(clf, bright_corner_photo(), "lime")
    histogram = FeatureExtractor("colour_hist")
    no_cnn = GemClassifier(histogram, LinearHead(histogram.feature_dim, 3), ["a", "b", "c"])
    with pytest.raises(ExplainError, match="convolutional"):
        explain(no_cnn, bright_corner_photo(), "gradcam")


def test_explain_command_writes_an_overlay_png_for_a_saved_model(tmp_path, capsys):
    from gemlang.cli import main

    model = tiny_cnn_model()
    model.info["finetuned_encoder"] = True
    model.save(tmp_path / "model")
    bright_corner_photo().save(tmp_path / "stone.png")
    out = tmp_path / "maps" / "stone_cam.png"
    assert main(["explain", str(tmp_path / "stone.png"), "--model", str(tmp_path / "model"), "--out", str(out)]) == 0
    assert Image.open(out).size == (48, 48)
    assert written_by_gemlang(out) and not written_by_gemlang(tmp_path / "stone.png")  # never trained as a photo
    assert main(["explain", str(tmp_path / "stone.png"), "--model", str(tmp_path / "model"), "--out", str(out),
                 "--target", model.classes[-1].lower()]) == 0  # fmt: skip
    assert f"map for {model.classes[-1]}" in capsys.readouterr().out  # the class as the model names it


def test_embedding_plot_writes_a_png(tmp_path):
    rng = np.random.default_rng(0)
    labels = np.repeat([0, 1, 2], 8)
    features = rng.normal(size=(24, 60)) + labels[:, None] * 3
    path = embedding_plot(features, labels, ["Ruby", "Emerald", "Topaz"], tmp_path / "tsne.png")
    assert Image.open(path).size[0] > 100
    assert written_by_gemlang(path)


def test_explain_names_no_prediction_for_a_picture_out_of_scope(tiny_model_dir, tmp_path, capsys):
    from gemlang.cli import main

    Image.new("RGB", (64, 64), (128, 128, 128)).save(tmp_path / "grey.png")  # a flat frame: no gem photo
    assert (
        main(["explain", str(tmp_path / "grey.png"), "--model", str(tiny_model_dir), "--out", str(tmp_path / "m.png")])
        == 0
    )
    said = capsys.readouterr().out
    assert "does not look like a gemstone photo" in said and "predicted" not in said


def test_explain_looks_at_a_stone_small_in_a_plain_frame_cropped_as_predict_does(tmp_path, capsys):
    from gemlang.cli import main

    model = tiny_cnn_model()
    model.save(tmp_path / "model")
    framed = Image.new("RGB", (800, 600), (128, 128, 128))
    stone = np.random.default_rng(0).integers(0, 60, (80, 80, 3), dtype=np.uint8) + np.array([180, 20, 40], np.uint8)
    framed.paste(Image.fromarray(stone), (360, 260))  # a red stone in the middle of a plain frame
    framed.save(tmp_path / "framed.jpg")
    out = tmp_path / "map.png"
    assert main(["explain", str(tmp_path / "framed.jpg"), "--model", str(tmp_path / "model"), "--out", str(out)]) == 0
    assert "looked at cropped to the stone" in capsys.readouterr().out
    assert max(Image.open(out).size) < 400  # the map is of the crop, as the answer is
