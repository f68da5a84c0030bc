"""int8 models (`gemlang train --int8`): fitted on the features they serve with, carried and checked with the model."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest

from gemlang.cli import main
from gemlang.data import scan_image_folder
from gemlang.features import FeatureCache, FeatureExtractor
from gemlang.model import GemClassifier, ModelError

ENCODER = "residual_cnn:32+colour_hist"  # a small random-weight CNN: quick to export and quantize


@pytest.fixture(scope="module")
def int8_run(tiny_folder, tmp_path_factory):
    """`gemlang train --int8 8` on the painted photos, with a feature cache and a graph cache of its own."""
    import torch

    root = tmp_path_factory.mktemp("int8")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("GEMLANG_CACHE", str(root / "cache"))
        torch.manual_seed(0)
        argv = ["train", "--data", str(tiny_folder), "--out", str(root / "model"), "--encoder", ENCODER,
                "--int8", "8", "--cv", "3", "--cache", str(root / "features")]  # fmt: skip
        assert main(argv) == 0
        yield root


def float_graphs(model):
    """The serving extractor of the float32 graphs a model's int8 graphs were quantized from."""
    from gemlang.serving.export import load_manifest
    from gemlang.serving.runtime import OnnxFeatureExtractor

    manifest = json.loads((model / "int8" / "manifest.json").read_text())
    return OnnxFeatureExtractor(*load_manifest(manifest["int8"]["float_graphs"]))


@pytest.fixture()
def int8_model(int8_run, monkeypatch):
    monkeypatch.setenv("GEMLANG_CACHE", str(int8_run / "cache"))
    monkeypatch.delenv("GEMLANG_BACKEND", raising=False)
    return int8_run / "model"


def test_training_with_int8_writes_the_graphs_and_says_so(int8_model, tiny_folder, capsys):
    config = json.loads((int8_model / "config.json").read_text())
    record = config["int8"]
    assert record["photos"] == 8 and len(record["calibration_digest"]) == 64
    assert sorted(record["sha256"]) == ["manifest.json", "part0.onnx"]
    manifest = json.loads((int8_model / "int8" / "manifest.json").read_text())
    assert [p["kind"] for p in manifest["parts"]] == ["onnx", "colour_hist"] and "int8" in manifest["parts"][0]
    clf = GemClassifier.load(int8_model)
    assert clf.int8 and clf.device == "cpu (onnxruntime, int8)"
    assert "approximation" in clf.heat_map_note  # Grad-CAM follows the float32 encoder, and says so
    from gemlang.recipe import Recipe

    assert Recipe.of_classifier(clf).int8 == 8  # the recipe says how the model was built, quantization included
    photo = str(scan_image_folder(tiny_folder).paths[0])
    assert main(["predict", photo, "--model", str(int8_model), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["int8"] is True


def test_an_int8_model_predicts_from_the_features_its_head_was_fitted_on(int8_model, int8_run, tiny_folder):
    from gemlang.data.images import file_digest, load_image

    paths = scan_image_folder(tiny_folder).paths
    clf = GemClassifier.load(int8_model)
    served = clf.serving().extractor
    float_keys = FeatureExtractor(ENCODER).part_keys
    assert served.part_keys[0] != float_keys[0] and served.part_keys[1] == float_keys[1]  # the histogram is exact
    cache = FeatureCache(int8_run / "features")
    fitted = np.stack([np.concatenate([cache.get(key, file_digest(p)) for key in served.part_keys]) for p in paths])
    probabilities, failures = clf.predict_proba(paths)
    assert not failures
    np.testing.assert_allclose(probabilities, clf.probabilities_from_features(fitted), atol=1e-6)
    assert (probabilities.argmax(1) == np.asarray(scan_image_folder(tiny_folder).labels)).mean() > 0.5
    float_cnn = float_graphs(int8_model).encode_part(0, [load_image(p) for p in paths])
    int8_cnn = fitted[:, : served.part_dims[0]]
    relative = np.linalg.norm(int8_cnn - float_cnn) / np.linalg.norm(float_cnn)
    assert 1e-3 < relative < 0.5  # quantized: near the float32 features, never the same ones


def test_eager_pytorch_is_refused_with_what_to_do(int8_model, tiny_folder, monkeypatch, capsys):
    for kwargs in ({"backend": "torch"}, {"device": "cpu"}):
        with pytest.raises(ModelError, match="fitted on int8 encoder features.*backend 'onnx' or 'auto'"):
            GemClassifier.load(int8_model, **kwargs)
    clf = GemClassifier.load(int8_model)
    clf.backend, clf._serving = "torch", None  # asked for after loading
    with pytest.raises(ModelError, match="int8"):
        clf.predict(scan_image_folder(tiny_folder).paths[0])
    monkeypatch.setenv("GEMLANG_BACKEND", "torch")
    assert main(["predict", str(scan_image_folder(tiny_folder).paths[0]), "--model", str(int8_model)]) == 2
    message = capsys.readouterr().err.strip()
    assert "\n" not in message and "--backend" in message


def test_damaged_or_missing_graphs_are_refused_and_a_copy_travels(int8_model, tiny_folder, tmp_path):
    photo = scan_image_folder(tiny_folder).paths[0]
    expected = GemClassifier.load(int8_model).predict_proba([photo])[0]
    GemClassifier.load(int8_model).save(tmp_path / "copy")  # save() carries the graphs along
    np.testing.assert_allclose(GemClassifier.load(tmp_path / "copy").predict_proba([photo])[0], expected, atol=1e-6)
    graph = tmp_path / "copy" / "int8" / "part0.onnx"
    graph.write_bytes(graph.read_bytes()[:-1] + b"\0")
    with pytest.raises(ModelError, match=r"part0.onnx is damaged.*gemlang train --int8"):
        GemClassifier.load(tmp_path / "copy")
    graph.unlink()
    with pytest.raises(ModelError, match=r"part0.onnx is missing"):
        GemClassifier.load(tmp_path / "copy")
    shutil.rmtree(tmp_path / "copy" / "int8")
    with pytest.raises(ModelError, match="missing"):
        GemClassifier.load(tmp_path / "copy", backend="onnx")


def test_quantized_graphs_are_cached_by_calibration_photos(int8_model, tiny_folder):
    from gemlang.serving.quantize import calibration_photos, quantize_graphs
    from gemlang.serving.runtime import OnnxFeatureExtractor

    manifest = json.loads((int8_model / "int8" / "manifest.json").read_text())
    served = GemClassifier.load(int8_model).serving().extractor
    floats = float_graphs(int8_model)
    calibration = calibration_photos(scan_image_folder(tiny_folder).paths, 8)  # what training picked
    again, _ = quantize_graphs(floats.folder, floats.manifest, calibration)
    assert again.name == manifest["key"]  # from the cache, not quantized anew
    other, other_manifest = quantize_graphs(floats.folder, floats.manifest, calibration[:4])
    assert other.name != again.name and other_manifest["int8"]["photos"] == 4
    assert OnnxFeatureExtractor(other, other_manifest).part_keys[0] != served.part_keys[0]


def test_int8_does_not_combine_with_finetuning(tiny_folder, tmp_path, capsys):
    argv = ["train", "--data", str(tiny_folder), "--out", str(tmp_path / "m"), "--int8", "--finetune"]
    assert main(argv) == 2
    assert "--int8" in capsys.readouterr().err


def test_explaining_an_int8_model_says_the_map_is_an_approximation(int8_model, tiny_folder, tmp_path, capsys):
    photo = str(scan_image_folder(tiny_folder).paths[0])
    assert main(["explain", photo, "--model", str(int8_model), "--out", str(tmp_path / "map.png")]) == 0
    assert "approximation" in capsys.readouterr().out and (tmp_path / "map.png").stat().st_size > 0


def test_the_chat_says_the_map_is_an_approximation_with_the_map_not_in_the_reply(int8_model, tiny_folder):
    from gemlang.assistant import Assistant

    photo = str(scan_image_folder(tiny_folder).paths[0])
    answer = Assistant(GemClassifier.load(int8_model)).conversation().ask("what gem is this?", [photo])
    assert answer.heatmap is not None and "approximation" in answer.heatmap_note
    assert "approximation" not in answer.to_markdown() and answer.to_dict()["heatmap_note"] == answer.heatmap_note


def test_a_damaged_head_file_of_an_int8_model_is_named_not_its_graphs(tmp_path):
    from gemlang.model import DEFAULT_MODEL_DIR

    model = shutil.copytree(DEFAULT_MODEL_DIR, tmp_path / "m")  # the built-in model is int8
    head = model / "head.safetensors"
    head.write_bytes(head.read_bytes()[:100])
    with pytest.raises(ModelError, match=r"head.safetensors is damaged .*copy the model folder again") as caught:
        GemClassifier.load(model)
    assert "int8 graphs" not in str(caught.value)
