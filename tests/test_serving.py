"""The serving path (ONNX Runtime + numpy head) gives the eager model's answers, and serves without torch."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest
from conftest import paint_gem
from PIL import Image

from gemlang.data import ImageError, scan_image_folder
from gemlang.features import FeatureExtractor
from gemlang.heads import build_head
from gemlang.model import GemClassifier, ModelError


@pytest.fixture(scope="module")
def module_cache(tmp_path_factory):
    return tmp_path_factory.mktemp("serving-cache")


@pytest.fixture()
def graph_cache(module_cache, monkeypatch):
    """A cache root of this module's own: the tests' models (same seeds, same weights) share their graphs."""
    monkeypatch.setenv("GEMLANG_CACHE", str(module_cache))
    return module_cache


def tiny_model(folder, encoder: str, head: str, tta: bool = False, seed: int = 0) -> GemClassifier:
    """A classifier on a small random-weight CNN (forward hooks and all) fitted to the painted photos."""
    import torch

    torch.manual_seed(seed)
    data = scan_image_folder(folder)
    extractor = FeatureExtractor(encoder, tta=tta)
    features, _ = extractor(data.paths)
    clf_head = build_head({"type": head, "in_dim": extractor.feature_dim, "n_classes": len(data.classes),
                           **({"epochs": 5} if "mlp" in head else {})})  # fmt: skip
    clf_head.fit(features, np.asarray(data.labels), seed=seed)
    return GemClassifier(extractor, clf_head, data.classes, temperature=0.7, info={"finetuned_encoder": True},
                         backend="torch")  # fmt: skip


def awkward_photos(tmp_path) -> list:
    """Unseen photos in the shapes cameras and the web produce: odd sizes, RGBA, greyscale, an in-memory image."""
    rgba = paint_gem((30, 50, 200), "polygon", seed=7, size=90).convert("RGBA")
    rgba.putalpha(200)
    rgba.save(tmp_path / "rgba.png")
    paint_gem((20, 160, 70), "rectangle", seed=8, size=57).convert("L").save(tmp_path / "grey.jpg")
    paint_gem((200, 20, 40), "ellipse", seed=9, size=300).resize((300, 41)).save(tmp_path / "wide.webp")
    in_memory = paint_gem((200, 20, 40), "ellipse", 10)
    return [tmp_path / "rgba.png", tmp_path / "grey.jpg", tmp_path / "wide.webp", in_memory]


@pytest.mark.parametrize(
    ("encoder", "head", "tta"),
    [("residual_cnn:32+colour_hist", "linear", False), ("residual_cnn:32+colour_hist", "linear+mlp", True)],
)
def test_serving_path_gives_the_eager_answers(tiny_folder, tmp_path, graph_cache, encoder, head, tta):
    eager = tiny_model(tiny_folder, encoder, head, tta)
    eager.save(tmp_path / "model")
    served = GemClassifier.load(tmp_path / "model", backend="onnx")
    photos = scan_image_folder(tiny_folder).paths + awkward_photos(tmp_path)
    p_eager, fail_eager = eager.predict_proba(photos)
    p_served, fail_served = served.predict_proba(photos)
    assert served.serving() is not None and eager.serving() is None
    assert not fail_eager and not fail_served
    np.testing.assert_array_equal(p_eager.argmax(1), p_served.argmax(1))
    np.testing.assert_allclose(p_served, p_eager, atol=1e-4)
    assert len(set(p_eager.argmax(1))) > 1  # the photos are told apart, so equal top-1 means something


def test_graphs_are_exported_once_and_a_model_then_loads_without_torch(tiny_folder, tmp_path, graph_cache):
    tiny_model(tiny_folder, "residual_cnn:32+colour_hist", "linear").save(tmp_path / "model")
    photo = scan_image_folder(tiny_folder).paths[0]
    clf = GemClassifier.load(tmp_path / "model")
    expected = clf.predict(photo)[0]  # exports on first use, unless an earlier test did
    manifest = next(clf.serving().extractor.folder.glob("manifest.json"))
    assert [p["kind"] for p in json.loads(manifest.read_text())["parts"]] == ["onnx", "colour_hist"]
    exported = sorted(graph_cache.glob("onnx/*/manifest.json"))
    script = (
        "import sys, json; from gemlang import GemClassifier; from gemlang.cli import main; "
        f"clf = GemClassifier.load({str(tmp_path / 'model')!r}); p = clf.predict({str(photo)!r})[0]; "
        f"main(['predict', {str(photo)!r}, '--model', {str(tmp_path / 'model')!r}, '--json']); "
        "print(json.dumps([p.label, p.probability, 'torch' in sys.modules, clf.device]))"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    from_cli, from_library = (json.loads(line) for line in out.stdout.splitlines())
    label, probability, imported_torch, device = from_library
    assert (label, imported_torch, device) == (expected.label, False, "cpu (onnxruntime)")
    assert probability == pytest.approx(expected.probability, abs=1e-6)
    assert from_cli["label"] == label and from_cli["probability"] == pytest.approx(probability, abs=1e-6)
    assert sorted(graph_cache.glob("onnx/*/manifest.json")) == exported


def test_changed_encoder_weights_never_meet_a_stale_graph(tiny_folder, tmp_path, graph_cache):
    photos = scan_image_folder(tiny_folder).paths[::3]
    keys = set()
    tiny_model(tiny_folder, "residual_cnn:32", "linear", seed=0).save(tmp_path / "a")
    tiny_model(tiny_folder, "residual_cnn:32", "linear", seed=1).save(tmp_path / "b")
    for name in ("a", "b"):
        clf = GemClassifier.load(tmp_path / name, backend="onnx")
        served = clf.predict_proba(photos)[0]
        eager = GemClassifier.load(tmp_path / name, backend="torch").predict_proba(photos)[0]
        np.testing.assert_allclose(served, eager, atol=1e-4)
        keys.add(clf.serving().extractor.folder.name)
    assert len(keys) == 2


def test_a_damaged_graph_cache_is_rebuilt_not_trusted(tiny_folder, tmp_path, graph_cache):
    tiny_model(tiny_folder, "residual_cnn:32", "linear").save(tmp_path / "model")
    photo = scan_image_folder(tiny_folder).paths[0]
    clf = GemClassifier.load(tmp_path / "model", backend="onnx")
    first = clf.predict_proba([photo])[0]
    (clf.serving().extractor.folder / "part0.onnx").write_bytes(b"")  # a crash, a full disk, a stray edit
    again = GemClassifier.load(tmp_path / "model", backend="onnx").predict_proba([photo])[0]
    np.testing.assert_allclose(first, again, atol=1e-6)


def test_bad_photos_are_one_line_failures_on_the_serving_path(tiny_folder, tmp_path, graph_cache):
    tiny_model(tiny_folder, "residual_cnn:32+colour_hist", "linear").save(tmp_path / "model")
    clf = GemClassifier.load(tmp_path / "model", backend="onnx")
    (tmp_path / "notes.jpg").write_text("not a photo")
    Image.new("RGB", (4, 4)).save(tmp_path / "speck.png")
    good = scan_image_folder(tiny_folder).paths[0]
    photos = [good, tmp_path / "notes.jpg", tmp_path / "missing.jpg", tmp_path / "speck.png"]
    probs, failures = clf.predict_proba(photos)
    assert sorted(failures) == [1, 2, 3] and np.isfinite(probs[0]).all() and np.isnan(probs[1:]).all()
    assert all("\n" not in reason for reason in failures.values())
    assert "too small" in failures[3] and "no such file" in failures[2]
    with pytest.raises(ImageError, match="notes.jpg"):
        clf.predict([tmp_path / "notes.jpg"])


def test_backend_is_chosen_by_argument_or_environment(tiny_folder, tmp_path, graph_cache, monkeypatch):
    tiny_model(tiny_folder, "residual_cnn:32", "linear").save(tmp_path / "model")
    monkeypatch.setenv("GEMLANG_BACKEND", "torch")
    assert GemClassifier.load(tmp_path / "model").serving() is None
    assert GemClassifier.load(tmp_path / "model", backend="onnx").serving() is not None
    monkeypatch.setenv("GEMLANG_BACKEND", "tensorrt")
    with pytest.raises(ValueError, match="auto, onnx, torch"):
        GemClassifier.load(tmp_path / "model")


def test_a_model_the_serving_path_cannot_run_falls_back_or_says_why(tiny_folder, graph_cache):
    photo = scan_image_folder(tiny_folder).paths[0]
    for backend in ("auto", "onnx"):
        clf = tiny_model(tiny_folder, "residual_cnn:32", "linear")
        clf.head.config = {**clf.head.config, "type": "linear-from-elsewhere"}  # a head numpy does not know
        clf.backend = backend
        if backend == "auto":
            assert np.isfinite(clf.predict_proba([photo])[0]).all() and clf.serving() is None
        else:
            with pytest.raises(ModelError, match="linear-from-elsewhere"):
                clf.predict(photo)


def test_a_thread_count_that_is_no_number_is_a_usage_error(monkeypatch):
    from gemlang.errors import UsageError
    from gemlang.serving.runtime import _cpus

    monkeypatch.setenv("GEMLANG_THREADS", "abc")
    with pytest.raises(UsageError, match="GEMLANG_THREADS='abc'"):
        _cpus()
    monkeypatch.setenv("GEMLANG_THREADS", "3")
    assert _cpus() == 3
