"""The serving path: a trained model's encoders run by ONNX Runtime on the CPU, its head in numpy.

Eager PyTorch is the right tool to train, to read gradients (Grad-CAM) and to run on a GPU, but on a
CPU it spends most of a single photo's time in Python and dispatch overhead: the built-in model's two
CNNs take 35-47 ms each eagerly and 11-14 ms each as ONNX Runtime graphs, with the same features
(max abs difference ~2e-5). So `GemClassifier.predict` runs this path by default on a CPU:

- `export.py` exports each CNN encoder once (torch.onnx, the torch.export-based exporter), checks the
  graph against the eager encoder, and stores it under the feature cache root, keyed by everything that
  could make it stale (encoder signature, fine-tuned weights, gemlang's encoder code, torch version,
  exporter, opset). It needs torch; it runs on the first prediction with a model, then never again.
- `runtime.py` loads those graphs and runs them, and the head (`heads.py`), without importing torch:
  a cold `gemlang predict` does not pay torch's import time. Each photo is resized once for all graphs
  of its input size, and the graphs run side by side, one per core: a single photo gains little from a
  second thread inside one graph, so two graphs at once make a photo cost about its slowest graph.

Which path runs (`backend`): "auto" (default) serves on onnxruntime unless a CUDA GPU is visible, in
which case the eager encoders run on the GPU through Accelerate. onnxruntime's CUDA provider is a
separate wheel (onnxruntime-gpu) that replaces the CPU one and must match the CUDA install, while torch
already carries its own CUDA; for batches on a GPU both are limited by the same convolutions. "onnx"
forces the serving path (an error if the model cannot be served), "torch" forces eager PyTorch. The
environment variable GEMLANG_BACKEND sets the default for every command and the app.
"""

from __future__ import annotations

import os

BACKENDS = ("auto", "onnx", "torch")


class NotServable(Exception):
    """This model cannot run on the serving path (an encoder or head it cannot export); eager is used."""


def requested_backend(backend: str | None = None) -> str:
    """The backend asked for: the argument, else $GEMLANG_BACKEND, else "auto"."""
    from gemlang.errors import UsageError

    chosen = (backend or os.environ.get("GEMLANG_BACKEND") or "auto").strip().lower()
    if chosen not in BACKENDS:
        raise UsageError(f"backend {chosen!r} is not one of {', '.join(BACKENDS)} (argument or GEMLANG_BACKEND).")
    return chosen


def cuda_visible() -> bool:
    """Whether a CUDA GPU is there to use, checked without importing torch (the NVIDIA driver's proc file)."""
    if os.environ.get("CUDA_VISIBLE_DEVICES", None) in ("", "-1"):
        return False
    return os.path.exists("/proc/driver/nvidia/version")
