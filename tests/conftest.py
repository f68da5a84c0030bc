"""Shared fixtures: tiny photo collections the tests paint themselves (never the shared data)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from PIL import Image

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

SHARED_TRAIN = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "gemstones" / "train"
# The painter is shared with the eval scripts' --smoke mode (eval/smoke.py).
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))
from smoke import GEMS, paint_gem, painted_folder  # noqa: E402

# Three "gems" that differ in colour and shape, as real ones do.
TINY_CLASSES = {name: GEMS[name] for name in ("Ruby", "Emerald", "Sapphire Blue")}
__all__ = ["SHARED_TRAIN", "TINY_CLASSES", "make_image_folder", "paint_gem"]


def make_image_folder(root: Path, per_class: int = 6, classes: dict | None = None) -> Path:
    return painted_folder(root, per_class, classes or TINY_CLASSES)


@pytest.fixture
def alarm():
    """A test that would hang (a pipe waiting for a writer, a device read forever) fails after 60 s instead."""
    import signal

    def ring(*_):
        raise TimeoutError("still reading after 60 s")

    before = signal.signal(signal.SIGALRM, ring)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, before)


@pytest.fixture(scope="session")
def tiny_folder(tmp_path_factory) -> Path:
    """3 classes x 6 painted photos; read-only by convention (copy it to modify)."""
    return make_image_folder(tmp_path_factory.mktemp("tiny") / "data")


@pytest.fixture(scope="session")
def tiny_model_dir(tiny_folder, tmp_path_factory) -> Path:
    """A GemClassifier trained on `tiny_folder` (MobileNetV2 + colour histogram, cross-validated)."""
    from gemlang.data import scan_image_folder
    from gemlang.features import FeatureCache
    from gemlang.training import train_classifier

    out = tmp_path_factory.mktemp("model") / "tiny-model"
    clf = train_classifier(
        scan_image_folder(tiny_folder),
        encoder="mobilenet_v2+colour_hist",
        cv=3,
        cache=FeatureCache(tmp_path_factory.mktemp("cache")),
        progress=False,
        log=lambda _: None,
    )
    clf.save(out)
    return out


# --- the chat assistant and app ---------------------------------------------------------------------
# Ruby and Garnet Red are painted alike, so only a hint can separate them: Mohs 9 against 6.5-7.5.
CHAT_CLASSES = {
    "Ruby": ((200, 20, 40), "ellipse"),
    "Garnet Red": ((200, 20, 40), "ellipse"),
    "Emerald": ((20, 160, 70), "rectangle"),
    "Sapphire Blue": ((30, 50, 200), "polygon"),
}


def red_stone_photo(path: Path | None = None, seed: int = 4242) -> Image.Image:
    """A red stone photo no model has seen: a ruby or a red garnet by colour and shape."""
    image = paint_gem(CHAT_CLASSES["Ruby"][0], "ellipse", seed=seed)
    if path is not None:
        image.save(path, quality=92)
    return image


@pytest.fixture(scope="session")
def chat_model_dir(tmp_path_factory) -> Path:
    """A classifier (MobileNetV2 + colour histogram) on CHAT_CLASSES with its fusion settings in <dir>/fusion."""
    from gemlang.data import scan_image_folder
    from gemlang.features import FeatureCache
    from gemlang.fusion.train import build_fusion, save_settings
    from gemlang.training import train_classifier

    root = tmp_path_factory.mktemp("chat")
    data = scan_image_folder(make_image_folder(root / "data", per_class=6, classes=CHAT_CLASSES))
    cache = FeatureCache(root / "cache")
    clf = train_classifier(data, encoder="mobilenet_v2+colour_hist", cv=3, cache=cache, progress=False,
                           log=lambda _: None)  # fmt: skip
    clf.save(root / "model")
    settings, info = build_fusion(clf, data, cache, folds=3)
    save_settings(settings, root / "model" / "fusion", clf, info)
    return root / "model"


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def running_app(chat_model_dir, tmp_path_factory):
    """`gemlang app` serving the chat model on a free localhost port, as a person would start it."""
    import subprocess
    import sys
    import time
    import urllib.request

    port = _free_port()
    log_path = tmp_path_factory.mktemp("app") / "app.log"
    env = {**os.environ, "GRADIO_ANALYTICS_ENABLED": "False", "HF_HUB_OFFLINE": "1", "NO_PROXY": "127.0.0.1,localhost"}
    with open(log_path, "w") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "gemlang.cli", "app", "--model", str(chat_model_dir), "--port", str(port)],
            stdout=log, stderr=subprocess.STDOUT, env=env,
        )  # fmt: skip
    url = f"http://127.0.0.1:{port}/"
    deadline = time.time() + 180
    try:
        while True:
            if proc.poll() is not None:
                pytest.fail(f"`gemlang app` exited with {proc.returncode}:\n{log_path.read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if time.time() > deadline:
                pytest.fail(f"`gemlang app` did not answer on {url} within 180 s:\n{log_path.read_text()[-3000:]}")
            time.sleep(1)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
