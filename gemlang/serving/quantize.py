"""int8 encoders: static quantization of a model's exported graphs, calibrated on its own training photos.

onnxruntime quantizes each CNN graph of a feature spec (QDQ format: int8 weights per output channel, uint8
activations whose ranges are the min-max seen on calibration photos). On the built-in recipe this makes the
two encoders about a third faster for one photo, but moves the features by about a fifth (relative L2), so
a head fitted on float32 features must not be served on them: `gemlang train --int8` fits its head, its
calibration and its scope check on the int8 features, and the model folder carries the quantized graphs.

Why the graphs travel with the model instead of being rebuilt from a recipe: quantization depends on the
calibration photos, which stay on the machine that trained the model. So a model folder holds `int8/`
(the graphs and their manifest, plain ONNX protobuf and JSON) and `config.json` records the SHA-256 of every
file in it; a file that differs or is missing is refused with a message, never served. onnxruntime reads a
graph as data (no pickle, no code), and these graphs are self-contained: their weights are inside the file.

On the training machine the quantized graphs are cached like the float ones, in
`<cache root>/onnx/int8-<key>/`, keyed by the float graphs' key, the calibration photos' content and the
quantization settings and code, so a changed photo or setting never meets a stale graph.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Sequence
from pathlib import Path

from gemlang.data.images import file_digest
from gemlang.errors import GemlangError
from gemlang.serving.export import _version, graphs_root, load_manifest

CALIBRATION_PHOTOS = 64
SETTINGS = {"format": "QDQ", "weights": "int8 per channel", "activations": "uint8", "ranges": "min-max"}
log = logging.getLogger("gemlang")


class Int8GraphsError(GemlangError, RuntimeError):
    """A model's int8 graphs are missing or damaged, or cannot be used the way that was asked."""


def calibration_photos(paths: Sequence, n: int = CALIBRATION_PHOTOS) -> list:
    """`n` photos evenly spread over `paths` (a training folder's, sorted class by class): every class's range."""
    step = max(1, len(paths) // max(n, 1))
    return list(paths[::step][:n])


def _code_digest() -> str:
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]


def quantize_graphs(float_folder: Path, manifest: dict, photos: Sequence) -> tuple[Path, dict]:
    """The int8 twin of an exported graphs folder, calibrated on `photos`: from the cache, else quantized now.

    Photos that cannot be read are left out of the calibration; the digest names the ones used.
    """
    from gemlang.data.images import ImageError, load_image

    images, digests = [], []
    for photo in photos:
        try:
            images.append(load_image(photo))
            digests.append(file_digest(photo))
        except (ImageError, OSError) as e:
            log.info("calibration leaves out %s (%s)", photo, e)
    if not images:
        raise Int8GraphsError("none of the calibration photos can be read; check the training folder.")
    calibration = hashlib.sha256("\n".join(sorted(digests)).encode()).hexdigest()
    facts = {"graphs": manifest["key"], "calibration": calibration, "settings": SETTINGS,
             "onnxruntime": _version("onnxruntime"), "onnx": _version("onnx"), "code": _code_digest()}  # fmt: skip
    key = "int8-" + hashlib.sha256(json.dumps(facts, sort_keys=True).encode()).hexdigest()[:24]
    found = load_manifest(key)
    if found is None:
        _quantize(float_folder, manifest, images, key, calibration)
        found = load_manifest(key)
    if found is None:
        raise Int8GraphsError("the quantized graphs could not be read back from the cache")
    return found


def _quantize(float_folder: Path, manifest: dict, images: list, key: str, calibration: str) -> None:
    from onnxruntime.quantization import CalibrationDataReader, QuantFormat, QuantType, quantize_static
    from onnxruntime.quantization.shape_inference import quant_pre_process

    from gemlang.encoders.pixels import ResizeNormalise
    from gemlang.io import atomic_folder

    class Photos(CalibrationDataReader):
        def __init__(self, pixels: ResizeNormalise):
            self.batches = ({"images": pixels(image)[None]} for image in images)

        def get_next(self):
            return next(self.batches, None)

    folder = graphs_root() / key
    parts = []
    with atomic_folder(folder) as tmp:
        for part in manifest["parts"]:
            part = dict(part)
            if part["kind"] == "onnx":
                log.warning("quantizing encoder %s to int8 on %d calibration photos, once (cached in %s)",
                            part["name"], len(images), folder)  # fmt: skip
                prepared = tmp / f"{part['graph']}.pre.onnx"
                quant_pre_process(str(float_folder / part["graph"]), str(prepared), skip_symbolic_shape=True)
                photos = Photos(ResizeNormalise.from_dict(part["pixels"]))
                quantize_static(
                    str(prepared), str(tmp / part["graph"]), photos, quant_format=QuantFormat.QDQ, per_channel=True,
                    activation_type=QuantType.QUInt8, weight_type=QuantType.QInt8,
                )  # fmt: skip
                prepared.unlink()
                part["int8"] = file_digest(tmp / part["graph"])[:16]  # feature cache keys: int8 features are others
            parts.append(part)
        int8 = {"calibration_digest": calibration, "photos": len(images), "settings": SETTINGS,
                "onnxruntime": _version("onnxruntime"), "float_graphs": manifest["key"]}  # fmt: skip
        int8_manifest = {**manifest, "key": key, "parts": parts, "int8": int8}
        (tmp / "manifest.json").write_text(json.dumps(int8_manifest, indent=2) + "\n")


def folder_record(folder: Path, manifest: dict) -> dict:
    """What a model's config.json says of its int8 graphs: the calibration, and every file's SHA-256."""
    files = ["manifest.json", *(p["graph"] for p in manifest["parts"] if p["kind"] == "onnx")]
    return {**manifest["int8"], "sha256": {name: file_digest(folder / name) for name in files}}


def verified_graphs(folder: Path, record: dict) -> tuple[Path, dict]:
    """A model folder's int8 graphs and manifest, after checking each file against `record` (config.json)."""
    fix = "copy the whole model folder again, or retrain it with `gemlang train --int8`"
    expected = record.get("sha256") or {}
    if "manifest.json" not in expected:
        raise Int8GraphsError(f"{folder.parent}: config.json lists no int8 graphs; {fix}.")
    for name, digest in expected.items():
        path = folder / name
        if Path(name).name != name or not path.is_file():
            raise Int8GraphsError(f"{path} is missing: this int8 model cannot run without it; {fix}.")
        if file_digest(path) != digest:
            raise Int8GraphsError(f"{path} is damaged (its SHA-256 differs from config.json's); {fix}.")
    manifest = json.loads((folder / "manifest.json").read_text())
    graphs = {p["graph"] for p in manifest["parts"] if p["kind"] == "onnx"}
    if not graphs <= set(expected):
        raise Int8GraphsError(f"{folder}/manifest.json names graphs config.json does not vouch for; {fix}.")
    return folder, manifest


def int8_extractor(extractor, photos: Sequence, n: int = CALIBRATION_PHOTOS):
    """The serving extractor of `extractor`'s int8 graphs (a frozen `FeatureExtractor`), calibrated on n of `photos`."""
    from gemlang.serving.runtime import OnnxFeatureExtractor, float_extractor

    floats = float_extractor(extractor)
    graphs = quantize_graphs(floats.folder, floats.manifest, calibration_photos(photos, n))
    return OnnxFeatureExtractor(*graphs, tta=extractor.tta)
