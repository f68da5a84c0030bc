"""Run a model's exported encoder graphs on onnxruntime and its head in numpy, without importing torch."""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from pathlib import Path

import numpy as np
from PIL import Image

from gemlang.encoders.pixels import ResizeNormalise, colour_histogram, resize_square
from gemlang.errors import UsageError
from gemlang.features import FeaturePipeline
from gemlang.serving import NotServable
from gemlang.serving.export import export_graphs, graph_key, load_manifest, tensors_digest
from gemlang.serving.heads import Head, numpy_head, softmax


def session_options(threads: int | None = None):
    """All graph optimisations; intra-op threads: `threads`, else the CPUs this process may use ($GEMLANG_THREADS)."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.intra_op_num_threads = threads or _cpus()
    options.inter_op_num_threads = 1
    options.log_severity_level = 3  # warnings about unused initialisers are noise to a person predicting
    # Spinning threads wait for work by burning a core: on a busy or shared machine (the app's concurrent
    # turns, other processes) that made one photo 2x slower in measurement, and idle waiting costs little.
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return options


class OnnxFeatureExtractor(FeaturePipeline):
    """The serving twin of `FeatureExtractor`: same parts, cache keys, preprocessing and failures."""

    def __init__(self, folder: Path, manifest: dict, tta: bool = False, threads: int | None = None):
        try:
            import onnxruntime as ort
        except ImportError as e:
            raise NotServable("onnxruntime is not installed (pip install onnxruntime)") from e
        self.spec, self.tta = manifest["spec"], tta
        self.signature = f"{manifest['signature']} tta={tta}"
        self.parts = manifest["parts"]
        # FeatureExtractor's cache keys; an int8 graph's features differ, so its key names the graph too.
        self.part_keys = [f"{p['name']}|{p['signature']}|tta={tta}" + (f"|int8={p['int8']}" if "int8" in p else "")
                          for p in self.parts]  # fmt: skip
        self.part_dims = [int(p["dim"]) for p in self.parts]
        self.device = "cpu (onnxruntime, int8)" if "int8" in manifest else "cpu (onnxruntime)"
        self.folder, self.manifest = folder, manifest
        graphs = sum(part["kind"] == "onnx" for part in self.parts)
        options = session_options(threads or max(1, _cpus() // max(graphs, 1)))  # the graphs run side by side
        self._sessions = {}
        for j, part in enumerate(self.parts):
            if part["kind"] == "onnx":
                try:
                    self._sessions[j] = ort.InferenceSession(str(folder / part["graph"]), options,
                                                             providers=["CPUExecutionProvider"])  # fmt: skip
                except Exception as e:  # noqa: BLE001 - a damaged cache entry: re-exported by the caller
                    raise NotServable(f"the cached graph {folder / part['graph']} cannot be loaded ({e})") from e
        self._pixels = {j: ResizeNormalise.from_dict(p["pixels"]) for j, p in enumerate(self.parts) if "pixels" in p}
        # A graph's size on disk stands in for its cost (weights ~ operations for these CNNs).
        self._cost = {j: (folder / p["graph"]).stat().st_size if "graph" in p else 0 for j, p in enumerate(self.parts)}

    def encode_part(self, j: int, images: list[Image.Image], pixels: np.ndarray | None = None) -> np.ndarray:
        if self.parts[j]["kind"] == "colour_hist":
            return np.stack([colour_histogram(im) for im in images])
        x = np.stack([self._pixels[j](im) for im in images]) if pixels is None else pixels
        run = self._sessions[j].run
        features = run(None, {"images": x})[0]
        if self.tta:  # the eager path's mirror image, flipped the same way (width axis)
            features = (features + run(None, {"images": np.ascontiguousarray(x[..., ::-1])})[0]) / 2
        return features.astype(np.float32, copy=False)

    def encode_parts(self, batches: dict[int, list[Image.Image]]) -> dict[int, np.ndarray]:
        """All parts at once: each photo resized once per input size, then the graphs run side by side.

        onnxruntime releases the GIL, and one photo through one graph barely gains from a second thread;
        two graphs on two cores at the same time do, so one photo costs about its slowest graph.
        """
        resized: dict[tuple[int, int], np.ndarray] = {}  # (size, photo) -> uint8 pixels, shared by the graphs
        for j, images in batches.items():
            if j in self._pixels:
                size = self._pixels[j].size
                for im in images:
                    if (size, id(im)) not in resized:
                        resized[(size, id(im))] = resize_square(im, size)

        def encode(j: int) -> np.ndarray:
            if j not in self._pixels:
                return self.encode_part(j, batches[j])
            pixels = self._pixels[j]
            x = np.stack([pixels.normalise(resized[(pixels.size, id(im))]) for im in batches[j]])
            return self.encode_part(j, batches[j], x)

        order = sorted(batches, key=lambda j: -self._cost[j])  # the slowest graph first: it decides the wait
        futures = {j: _pool().submit(encode, j) for j in order}
        return {j: futures[j].result() for j in batches}


@lru_cache(maxsize=1)
def _pool() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(max_workers=_cpus(), thread_name_prefix="gemlang-onnx")


def _cpus() -> int:
    said = os.environ.get("GEMLANG_THREADS", "").strip()
    if said and not (said.isdigit() and int(said) > 0):
        raise UsageError(f"GEMLANG_THREADS={said!r}: give a whole number of threads above 0, or unset it")
    return int(said or 0) or len(os.sched_getaffinity(0))


@lru_cache(maxsize=1)
def _blas_controller():
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


class ServingPipeline:
    """Features on onnxruntime and logits from the numpy head: what `GemClassifier` predicts with on a CPU."""

    def __init__(self, extractor: OnnxFeatureExtractor, head: Head):
        self.extractor = extractor
        self.head = head

    @staticmethod
    def one_blas_thread():
        """A context in which numpy's BLAS uses one thread.

        The serving path's matrices (resize bands, head, scope) are small: a second BLAS thread gains nothing,
        and when the cores are busy (the graphs side by side, concurrent chat turns, other processes) its
        spin-waiting made one photo 3x slower in measurement.
        """
        return _blas_controller().limit(limits=1, user_api="blas")

    def probabilities(self, features: np.ndarray, temperature: float) -> np.ndarray:
        return softmax(self.head(np.asarray(features, dtype=np.float32)) / temperature)

    @classmethod
    def from_folder(
        cls, path: Path, config: dict, weights_digest: str | None, graphs: tuple[Path, dict] | None = None
    ) -> ServingPipeline | None:
        """From a model folder and graphs exported earlier (torch-free); None when none are cached yet.

        `graphs` (folder, manifest): the model's own graphs (int8) instead of the cache's; they must load.
        """
        from safetensors import SafetensorError
        from safetensors.numpy import load_file

        found = graphs or load_manifest(graph_key(config["encoder"], config["encoder_signature"], weights_digest))
        if found is None:
            return None
        folder, manifest = found
        head_config = config["head"]
        features = sum(int(p["dim"]) for p in manifest["parts"])
        if head_config.get("in_dim") != features:
            raise NotServable(f"the head expects {head_config.get('in_dim')}-d features, the encoders give {features}")
        try:
            state = load_file(str(path / "head.safetensors"))
        except (OSError, SafetensorError) as e:  # the folder's fault, not the serving path's: no backend can run it
            from gemlang.model import ModelError

            raise ModelError(
                f"{path}: head.safetensors is damaged or missing ({e}); copy the model folder again."
            ) from e
        head = numpy_head(head_config, state)
        _check_head(head, features, len(config["classes"]))
        try:
            return cls(OnnxFeatureExtractor(folder, manifest, tta=config.get("tta", False)), head)
        except NotServable:
            if graphs is not None:
                raise
            return None  # a damaged entry: the eager load exports it again

    @classmethod
    def for_classifier(cls, clf) -> ServingPipeline:
        """For a GemClassifier whose eager parts are built: its cached graphs, exported first if needed."""
        extractor = clf.extractor
        digest = clf._weights_digest
        if digest is None and clf.info.get("finetuned_encoder"):
            digest = tensors_digest({f"{i}.{k}": v for i, e in enumerate(extractor.encoders)
                                     for k, v in e.state_dict().items()})  # fmt: skip
        head = numpy_head(clf.head.config, {k: v.detach().cpu().numpy() for k, v in clf.head.state_dict().items()})
        _check_head(head, extractor.feature_dim, len(clf.classes))
        if clf.int8:
            if clf.int8_graphs is None:
                raise NotServable("the model's int8 graphs are not known")
            return cls(OnnxFeatureExtractor(*clf.int8_graphs, tta=extractor.tta), head)
        return cls(float_extractor(extractor, digest), head)


def float_extractor(extractor, weights_digest: str | None = None) -> OnnxFeatureExtractor:
    """The serving twin of an eager `FeatureExtractor`: its cached graphs, exported first if missing or damaged."""
    key = graph_key(extractor.spec, extractor.signature, weights_digest)
    found = load_manifest(key)
    if found is not None:
        try:
            return OnnxFeatureExtractor(*found, tta=extractor.tta)
        except NotServable:
            pass  # damaged: export again
    export_graphs(extractor, key)
    found = load_manifest(key)
    if found is None:
        raise NotServable("the exported graphs could not be read back from the cache")
    return OnnxFeatureExtractor(*found, tta=extractor.tta)


def _check_head(head: Head, in_dim: int, n_classes: int) -> None:
    try:
        out = head(np.zeros((1, in_dim), dtype=np.float32))
    except ValueError as e:  # shapes that do not chain
        raise NotServable(f"the head's weights do not fit {in_dim}-d features ({e})") from e
    if out.shape != (1, n_classes):
        raise NotServable(f"the head gives {out.shape[1]} classes, the model names {n_classes}")
