"""Export a model's encoders to ONNX once, check them against eager PyTorch, and cache them atomically.

The graphs of one feature spec live in one folder, `<cache root>/onnx/<key>/`, with a `manifest.json`
that says, per part of the spec, how to preprocess a photo (gemlang.encoders.pixels) and which graph
runs it. The key hashes everything that could make a graph stale: the encoder signature (weights file,
taps, input size, normalisation), the digest of fine-tuned encoder weights, the source of gemlang's
encoders, and the torch, onnxscript and opset versions. A graph whose features differ from the eager
encoder's by more than `TOLERANCE` is refused (the eager path is used), never served.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import logging
from importlib import metadata
from pathlib import Path

import numpy as np

from gemlang.encoders.pixels import ResizeNormalise, colour_histogram
from gemlang.serving import NotServable

OPSET = 18
EXPORTER = "torch.onnx.export(dynamo=True)"
FORMAT = "gemlang-onnx-graphs"
TOLERANCE = 1e-3  # max abs feature difference to the eager encoder; measured ~2e-5 on the built-in CNNs
log = logging.getLogger("gemlang")


def graphs_root() -> Path:
    from gemlang.features import cache_root

    return cache_root() / "onnx"


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "absent"


def _code_digest() -> str:
    """gemlang's encoder and export code: a change to either re-exports rather than serving an old graph."""
    here = Path(__file__).resolve().parent
    files = sorted((here.parent / "encoders").glob("*.py")) + [here / "export.py"]
    h = hashlib.sha256()
    for f in files:
        h.update(f.name.encode() + f.read_bytes())
    return h.hexdigest()[:16]


def graph_key(spec: str, encoder_signature: str, weights_digest: str | None) -> str:
    """The cache folder name for a feature spec's graphs; computable without torch from a model folder.

    Test-time augmentation is left out: it runs a graph twice, it does not change the graph.
    """
    facts = {
        "spec": spec,
        "signature": encoder_signature.rsplit(" tta=", 1)[0],
        "weights": weights_digest,
        "code": _code_digest(),
        "torch": _version("torch"),
        "onnxscript": _version("onnxscript"),
        "exporter": EXPORTER,
        "opset": OPSET,
    }
    return hashlib.sha256(json.dumps(facts, sort_keys=True).encode()).hexdigest()[:24]


def tensors_digest(state: dict) -> str:
    """Digest of a state dict's tensors (fine-tuned encoder weights kept in memory)."""
    h = hashlib.sha256()
    for k in sorted(state):
        h.update(k.encode() + np.ascontiguousarray(state[k].detach().cpu().numpy()).tobytes())
    return h.hexdigest()


def _part_plan(encoder) -> dict:
    """How the serving path runs one encoder: numpy alone (colour histogram) or preprocessing + a graph."""
    pixels = getattr(encoder.preprocess, "pixels", None)
    if pixels is colour_histogram:
        return {"kind": "colour_hist"}
    if isinstance(pixels, ResizeNormalise):
        return {"kind": "onnx", "pixels": pixels.to_dict()}
    raise NotServable(f"encoder {encoder.name!r} has a preprocessing the serving path does not know")


def _export_one(encoder, size: int, path: Path) -> float:
    """Write encoder's graph to `path` and return the max abs difference of its features to eager's."""
    import onnxruntime as ort
    import torch

    encoder = encoder.cpu().eval()
    generator = torch.Generator().manual_seed(0)
    example = torch.randn(2, 3, size, size, generator=generator)
    batch = torch.export.Dim("batch", min=1, max=4096)
    with contextlib.redirect_stdout(io.StringIO()), torch.no_grad():  # the exporter prints its progress
        torch.onnx.export(
            encoder, (example,), str(path), input_names=["images"], output_names=["features"],
            dynamic_shapes=({0: batch},), opset_version=OPSET, dynamo=True, external_data=False,
        )  # fmt: skip
        check = torch.randn(3, 3, size, size, generator=generator)
        expected = encoder(check).numpy()
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    got = session.run(None, {"images": check.numpy()})[0]
    return float(np.abs(got - expected).max()) if got.shape == expected.shape else float("inf")


def export_graphs(extractor, key: str) -> Path:
    """Export every CNN part of `extractor` (a FeatureExtractor) into graphs_root()/key, atomically."""
    from gemlang.io import atomic_folder

    plans = [_part_plan(e) for e in extractor.encoders]
    folder = graphs_root() / key
    parts = []
    with atomic_folder(folder) as tmp:
        for j, (encoder, plan) in enumerate(zip(extractor.encoders, plans, strict=True)):
            part = {"name": encoder.name, "signature": encoder.signature, "dim": encoder.feature_dim, **plan}
            if plan["kind"] == "onnx":
                # Shown by default (warning level): the first prediction with a model takes a minute longer.
                log.warning("exporting encoder %s to ONNX for fast CPU inference, once (cached in %s)",
                            encoder.name, folder)  # fmt: skip
                try:
                    diff = _export_one(encoder, plan["pixels"]["size"], tmp / f"part{j}.onnx")
                except Exception as e:  # noqa: BLE001 - any exporter failure means "serve this model eagerly"
                    raise NotServable(f"encoder {encoder.name!r} could not be exported to ONNX ({e})") from e
                if not diff <= TOLERANCE:
                    raise NotServable(
                        f"encoder {encoder.name!r}: its ONNX graph differs from eager PyTorch by {diff:.2g}"
                    )
                part.update(graph=f"part{j}.onnx", max_abs_diff=diff)
            parts.append(part)
        manifest = {
            "format": FORMAT,
            "key": key,
            "spec": extractor.spec,
            "signature": extractor.signature.rsplit(" tta=", 1)[0],
            "exporter": EXPORTER,
            "opset": OPSET,
            "torch": _version("torch"),
            "parts": parts,
        }
        (tmp / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    return folder


def load_manifest(key: str) -> tuple[Path, dict] | None:
    """The cached graphs' folder and manifest for `key`, or None when they were not exported yet."""
    folder = graphs_root() / key
    try:
        manifest = json.loads((folder / "manifest.json").read_text())
    except (OSError, ValueError):
        return None
    if manifest.get("format") != FORMAT or manifest.get("key") != key:
        return None
    if any(p["kind"] == "onnx" and not (folder / p["graph"]).is_file() for p in manifest["parts"]):
        return None
    return folder, manifest
