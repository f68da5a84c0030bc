"""`GemClassifier`: encoder + head + class names + calibration, saved as a folder of JSON and safetensors.

A model folder holds `config.json` (encoder spec and signature, head config, classes, temperature,
cross-validated scores) and `head.safetensors`; a fine-tuned model adds `encoder.safetensors`, an int8
model (`gemlang train --int8`) its quantized encoder graphs in `int8/` (see gemlang.serving.quantize), and a
model with a companion the companion's own model folder in `companion/`: a second classifier of the same
classes (e.g. a fine-tuned backbone beside a head on frozen features) whose calibrated probabilities multiply
this one's, the product recalibrated by one temperature of its own.
Loading never unpickles anything, and a head is never silently paired with an encoder it was not
trained on.

Prediction runs on one of two paths (gemlang.serving): on a CPU, the encoders' ONNX graphs on
onnxruntime and the head in numpy; else, and for training, Grad-CAM and GPUs, eager PyTorch. When a
model's graphs are already exported, `load` builds no PyTorch module at all (and does not import
torch); `extractor` and `head` are then built on first use.
"""

from __future__ import annotations

import json
import logging
import math
import os
import re
import shutil
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from PIL import Image

from gemlang.data.images import as_photo, file_digest
from gemlang.errors import GemlangError
from gemlang.features import FeatureCache, FeatureExtractor, ImageInput
from gemlang.io import atomic_folder, read_config
from gemlang.scope import NOT_A_GEM_PHOTO, UNAVAILABLE, ScopeCheck, ScopeVerdict, blank_picture
from gemlang.serving import NotServable, cuda_visible, requested_backend

if TYPE_CHECKING:
    import torch

    from gemlang.serving.runtime import ServingPipeline

DEFAULT_MODEL_DIR = Path(__file__).parent / "default_model"
COMPANION = "companion"  # a companion model's folder inside its model's
# Which photos a model was trained on, by content: the first TRAINED_ID_HEX hex digits of each file's SHA-256,
# one per line, so `gemlang evaluate` can say when it scores photos the model saw, wherever they now are. Not a
# .json or .safetensors file: it is no part of the model's fingerprint, which a catalog records.
TRAINED_PHOTOS = "trained_photos.txt"
TRAINED_ID_HEX = 16
DECODE_ONCE = 32  # a pair decodes up to this many photos once for both networks; more would crowd the memory
FORMAT = "gemlang-classifier"
FORMAT_VERSION = 1  # what this gemlang writes and the newest it reads
SEPARATION_RATE = 0.10  # share of a pair's photos confused within the pair above which a photo is not enough
log = logging.getLogger("gemlang")


class ModelError(GemlangError, RuntimeError):
    """A model folder that cannot be loaded; the message says why and what to do."""


class Int8NeedsOnnx(ModelError):
    """An int8 model asked to run on eager PyTorch. `by_environment`: asked by GEMLANG_BACKEND=torch, which a
    command's --backend overrides (the command line adds so for a command with the option)."""

    def __init__(self, message: str, by_environment: bool):
        super().__init__(message)
        self.by_environment = by_environment


def int8_needs_onnx(backend: str | None, where: str = "") -> Int8NeedsOnnx:
    """Why an int8 model does not run on eager PyTorch, and the way out from where 'torch' came: `backend`, the
    argument given (None: none, so $GEMLANG_BACKEND). `where`: the model folder, said first."""
    by_environment = backend is None and requested_backend() == "torch"
    if by_environment:
        way_out = "GEMLANG_BACKEND is set to torch: unset it, or set it to onnx or auto"
    else:
        way_out = "Use backend 'onnx' or 'auto' (--backend, GEMLANG_BACKEND)"
    return Int8NeedsOnnx(
        f"{where}{': ' if where else ''}this model's head was fitted on int8 encoder features, which onnxruntime "
        "computes from the quantized graphs in its folder; eager PyTorch (backend 'torch', or a GPU device) would "
        f"feed it float32 features it was not fitted on. {way_out}; or use a model trained without int8 (`gemlang "
        "train` without --int8; for the built-in recipe `gemlang build default --data DIR --int8 0 --out "
        "MODEL_DIR`).",
        by_environment,
    )


@dataclass
class Prediction:
    label: str
    probability: float
    top_k: list[tuple[str, float]]
    # the photo's out-of-scope check: when `out_of_scope.flagged`, `label` is only the likeliest known class of a
    # photo that is no gem photo, or no gem the model knows ("unchecked" for a model without the check)
    out_of_scope: ScopeVerdict = field(default_factory=lambda: UNAVAILABLE)

    def to_dict(self) -> dict:
        return {
            "label": self.label,
            "probability": self.probability,
            "top_k": [list(t) for t in self.top_k],
            "out_of_scope": self.out_of_scope.to_dict(),
        }


class GemClassifier:
    def __init__(
        self,
        extractor: FeatureExtractor,
        head: torch.nn.Module,
        classes: list[str],
        temperature: float = 1.0,
        info: dict | None = None,
        backend: str | None = None,
        scope: ScopeCheck | None = None,
        int8_graphs: tuple[Path, dict] | None = None,
    ):
        """`int8_graphs` (folder, manifest): quantized encoder graphs whose features `head` was fitted on."""
        if head.config["in_dim"] != extractor.feature_dim:
            raise ModelError(
                f"the head expects {head.config['in_dim']}-d features but encoder {extractor.spec!r} "
                f"gives {extractor.feature_dim}-d; retrain the head on this encoder."
            )
        self._extractor = extractor
        self._head = head.eval()
        self.classes = list(classes)
        self.temperature = float(temperature)
        self.info = dict(info or {})
        self.companion: GemClassifier | None = None  # see `with_companion`
        self.companion_temperature = 1.0
        self._mark_tuned_encoders()
        self.scope = scope
        self.backend = requested_backend(backend)
        self._source: tuple[Path, dict, torch.device | None] | None = None  # set by `load`: rebuild eager parts
        self._weights_digest: str | None = None  # of encoder.safetensors, when the model was loaded from one
        self._serving: ServingPipeline | None = None
        self._serving_refused: str | None = None
        self.trained_photos: frozenset[str] = frozenset()  # `photo_ids` of the training photos, where known
        self.int8_graphs = int8_graphs
        if int8_graphs is not None:
            from gemlang.serving.quantize import folder_record

            self.info["int8"] = folder_record(*int8_graphs)

    def _mark_tuned_encoders(self) -> None:
        """Trained encoders get signatures naming their weights: their cached features and exported graphs
        are their own, never another network's of the same architecture (see Encoder.mark_tuned)."""
        if self.info.get("finetuned_encoder") and self._extractor is not None:
            for encoder in self._extractor.encoders:
                if encoder.state_dict():
                    encoder.mark_tuned()

    # --- the eager parts, built on first use when `load` took the serving path -----------------------
    @property
    def extractor(self) -> FeatureExtractor:
        if self._extractor is None:
            self._extractor, self._head = _eager_parts(*self._source)
        return self._extractor

    @property
    def head(self) -> torch.nn.Module:
        if self._head is None:
            self._extractor, self._head = _eager_parts(*self._source)
        return self._head

    @property
    def head_config(self) -> dict:
        return self._head.config if self._head is not None else self._source[1]["head"]

    @property
    def encoder_signature(self) -> str:
        return self._extractor.signature if self._extractor is not None else self._source[1]["encoder_signature"]

    @property
    def device(self) -> str:
        """Where photos are encoded: "cpu (onnxruntime)" (", int8") on the serving path, else the torch device."""
        serving = self.serving()
        return serving.extractor.device if serving is not None else str(self.extractor.device)

    @property
    def int8(self) -> bool:
        """Whether the head was fitted on int8 encoder features (`gemlang train --int8`): served on onnxruntime only."""
        return "int8" in self.info

    def photo_confusion(self, first: str, second: str, at_least: float = SEPARATION_RATE) -> dict | None:
        """The cross-validation's record of `first` and `second` when photos alone do not separate them (at
        least `at_least` of the pair's held-out photos were taken for the other), else None."""
        for pair in self.info.get("cross_validation", {}).get("confusion_pairs", []):
            if set(pair["classes"]) == {first, second} and pair["rate"] >= at_least:
                return pair
        return None

    def with_companion(self, companion: GemClassifier, temperature: float = 1.0) -> GemClassifier:
        """This model with `companion`, a classifier of the same classes: its answers become the renormalised
        product of the two models' calibrated probabilities, raised to 1/`temperature` (fitted on photos neither
        model trained on, since the product of two calibrated answers is over-confident). Returns self."""
        if list(companion.classes) != self.classes:
            raise ModelError("a companion model must name the same classes, in the same order, as the model")
        if companion.companion is not None:
            raise ModelError("a companion model cannot have a companion of its own")
        if not float(temperature) > 0:  # 0 divides by zero, a negative one turns the ranking upside down
            raise ModelError(f"a companion's temperature must be above 0, not {temperature}")
        self.companion, self.companion_temperature = companion, float(temperature)
        return self

    @property
    def heat_map_note(self) -> str | None:
        """What a heat map of this model is, when it is not exactly what the answer came from: Grad-CAM needs
        eager float32 encoders, and an int8 model's answers come from its quantized graphs; a companion's
        share of the answer is not in the map."""
        notes = []
        if self.int8:
            notes.append("an int8 model: the map follows the float32 encoders through the head fitted on int8 "
                         "features, an approximation of the quantized graphs the answer came from")  # fmt: skip
        if self.companion is not None:  # which encoders the map follows is said once
            own = "" if notes else "the map follows this model's own encoders; "
            notes.append(f"{own}the answer also multiplies in a companion model's, which the map does not show")
        return "; ".join(notes) or None

    @property
    def feature_extractor(self):
        """What computes the features the head was fitted on: an int8 model's quantized graphs, else eager."""
        return self.serving().extractor if self.int8 else self.extractor

    # --- inference -------------------------------------------------------------------------------
    def serving(self) -> ServingPipeline | None:
        """The onnxruntime pipeline this model predicts with, or None when eager PyTorch does.

        Built on first use; the first time a model's encoders are seen they are exported (see
        gemlang.serving.export). A model the serving path cannot run falls back to eager PyTorch with a
        log message, unless backend="onnx" was asked for, which then raises ModelError. An int8 model has
        no eager twin: it always serves on onnxruntime, and backend "torch" raises ModelError.
        """
        if self._serving is not None or self._serving_refused is not None:
            return self._serving
        if self.backend == "torch":
            if self.int8:
                raise int8_needs_onnx(None)
            return None
        on_gpu = self._extractor is not None and self._extractor.device.type != "cpu"
        if self.backend == "auto" and on_gpu and not self.int8:
            return None  # eager PyTorch on the GPU (see gemlang.serving for why)
        from gemlang.serving.runtime import ServingPipeline

        try:
            self._serving = ServingPipeline.for_classifier(self)
        except NotServable as e:
            if self.int8:
                raise ModelError(f"this int8 model cannot run on onnxruntime here: {e}.") from e
            if self.backend == "onnx":
                raise ModelError(f"this model cannot run on onnxruntime: {e}. Use backend 'torch'.") from e
            self._serving_refused = str(e)
            log.info("predicting with eager PyTorch: %s", e)
        return self._serving

    def probabilities_from_features(self, features: np.ndarray) -> np.ndarray:
        """Calibrated probabilities from this model's own features; a model with a companion needs the photos
        (`analyse`, `predict_proba`), since the companion sees them through encoders of its own."""
        if self.companion is not None:
            raise ModelError("this model multiplies in a companion model's answers, which need the photos: "
                             "call predict_proba or analyse with them")  # fmt: skip
        return self._own_probabilities(features)

    def _own_probabilities(self, features: np.ndarray) -> np.ndarray:
        serving = self.serving()
        if serving is not None:
            return serving.probabilities(features, self.temperature)
        import torch

        with torch.no_grad():
            logits = self.head(torch.from_numpy(np.asarray(features, dtype=np.float32)))
            return torch.softmax(logits / self.temperature, dim=1).numpy()

    def predict_proba(
        self, images: list[ImageInput], cache: FeatureCache | None = None, progress: bool = False
    ) -> tuple[np.ndarray, dict[int, str]]:
        """Calibrated class probabilities (N, C); rows of unreadable photos are NaN and listed in failures."""
        probs, _, failures = self.analyse(images, cache, progress)
        return probs, failures

    def assess_scope(
        self, features: np.ndarray, probabilities: np.ndarray | None = None, shown: np.ndarray | None = None
    ) -> list[ScopeVerdict]:
        """Whether each photo (a feature row) is a gem photo of a known class; "unchecked" without a check.
        `shown`: the probabilities the answer shows, when a companion makes them differ from the head's."""
        if self.scope is None:
            return [UNAVAILABLE] * len(features)
        return self.scope.assess(features, self.classes, probabilities, shown=shown)

    def analyse(
        self, images: list[ImageInput], cache: FeatureCache | None = None, progress: bool = False
    ) -> tuple[np.ndarray, list[ScopeVerdict], dict[int, str]]:
        """`predict_proba` and the out-of-scope verdicts from one pass of the encoders (and the companion's)."""
        theirs = None
        if self.companion is not None:
            if cache is None and len(images) <= DECODE_ONCE:
                images = _decoded(images)  # both networks read each photo: decode it once
            else:  # an image given in memory is decoded here, once, not by both networks at the same time
                images = [_decoded([i])[0] if isinstance(i, Image.Image) else i for i in images]
            # The companion's graph runs beside the model's own: one photo through small graphs barely gains
            # from a second thread, so two networks at once finish sooner than one after the other.
            theirs = _companion_threads().submit(self.companion.predict_proba, images, cache)
        serving = self.serving()
        if serving is None:
            features, probs, failures = self._own(self.extractor, images, cache, progress)
        else:
            with serving.one_blas_thread():
                features, probs, failures = self._own(serving.extractor, images, cache, progress)
        # one flat colour holds nothing to weigh, whatever the features' distances say (looked at while the
        # companion still runs; a file is read at reduced size, no second full read)
        blank = {i for i, image in enumerate(images) if i not in failures and blank_picture(image)}
        own = probs
        if theirs is not None:
            theirs, their_failures = theirs.result()
            failures = {**failures, **their_failures}
            probs = multiplied(probs, theirs, self.companion_temperature)  # a photo either failed stays NaN
        # fitted on the model's own features and probabilities; how sure the answer shown is (the pair's) counts
        verdicts = self.assess_scope(features, own, shown=probs)
        flat = ScopeVerdict(NOT_A_GEM_PHOTO)
        verdicts = [flat if i in blank and v.kind != NOT_A_GEM_PHOTO else v for i, v in enumerate(verdicts)]
        return probs, verdicts, failures

    def _own(self, extract, images, cache, progress):
        features, failures = extract(images, cache=cache, progress=progress)
        probs = np.full((len(images), len(self.classes)), np.nan, dtype=np.float32)
        ok = [i for i in range(len(images)) if i not in failures]
        if ok:
            probs[ok] = self._own_probabilities(features[ok])
        return features, probs, failures

    def predict(self, images: ImageInput | list[ImageInput], top_k: int = 5) -> list[Prediction]:
        """One `Prediction` per photo; raises `ImageError` naming the first photo that cannot be read."""
        from gemlang.data.images import ImageError

        if not isinstance(images, list | tuple):
            images = [images]
        probs, verdicts, failures = self.analyse([as_photo(image) for image in images])
        if failures:
            raise ImageError(next(iter(failures.values())))
        return [replace(self.rank(p, top_k), out_of_scope=v) for p, v in zip(probs, verdicts, strict=True)]

    def rank(self, p: np.ndarray, top_k: int = 5) -> Prediction:
        """The top-k classes of one probability row."""
        order = np.argsort(-p)[: max(1, top_k)]
        ranked = [(self.classes[i], float(p[i])) for i in order]
        return Prediction(ranked[0][0], ranked[0][1], ranked)

    # --- persistence -----------------------------------------------------------------------------
    def config(self) -> dict:
        eager = self._extractor is not None
        return {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "encoder": self._extractor.spec if eager else self._source[1]["encoder"],
            "encoder_signature": self.encoder_signature,
            "tta": self._extractor.tta if eager else self._source[1].get("tta", False),
            "head": self.head_config,
            "classes": self.classes,
            "temperature": self.temperature,
            **self.info,
            **({"scope": self.scope.config} if self.scope is not None else {}),
            **(
                {"companion": {"folder": COMPANION, "temperature": self.companion_temperature}}
                if self.companion is not None
                else {}
            ),
        }

    def save(self, path: str | Path) -> Path:
        """Write the model folder atomically: a crash mid-save leaves the previous model intact."""
        from safetensors.torch import save_file

        self._mark_tuned_encoders()  # weights changed since construction are named too
        with atomic_folder(path) as tmp:
            (tmp / "config.json").write_text(json.dumps(self.config(), indent=2) + "\n")
            save_file({k: v.contiguous() for k, v in self.head.state_dict().items()}, str(tmp / "head.safetensors"))
            if self.info.get("finetuned_encoder"):
                save_file(_encoder_state(self.extractor), str(tmp / "encoder.safetensors"))
            if self.scope is not None:
                self.scope.save(tmp)
            if self.info.get("model_card"):
                (tmp / "MODEL_CARD.md").write_text(self.info["model_card"])
            if self.int8_graphs is not None:
                (tmp / "int8").mkdir()
                for name in self.info["int8"]["sha256"]:
                    shutil.copyfile(self.int8_graphs[0] / name, tmp / "int8" / name)
            if self.companion is not None:
                self.companion.save(tmp / COMPANION)
            if self.trained_photos:
                (tmp / TRAINED_PHOTOS).write_text("".join(f"{i}\n" for i in sorted(self.trained_photos)))
        return Path(path)

    @classmethod
    def load(
        cls, path: str | Path = "default", device: torch.device | None = None, backend: str | None = None
    ) -> GemClassifier:
        """A model folder ('default' = the built-in model). `backend`: "auto" (default, or $GEMLANG_BACKEND),
        "onnx" or "torch" (see gemlang.serving); a `device` other than None means eager PyTorch there.
        An int8 model runs on onnxruntime only, from the graphs in its folder, checked against config.json."""
        path = DEFAULT_MODEL_DIR if str(path) == "default" else Path(path)
        clf = cls._load_own(path, device, backend)
        clf.trained_photos = listed_photo_ids(path / TRAINED_PHOTOS)
        companion = clf.info.pop("companion", None)
        if companion is not None:
            try:
                partner = cls.load(path / companion["folder"], device, backend)
            except ModelError as e:
                raise ModelError(f"{path}: its companion model cannot be loaded: {e}") from e
            clf.with_companion(partner, companion["temperature"])
        return clf

    @classmethod
    def _load_own(cls, path: Path, device, backend: str | None) -> GemClassifier:
        config = _read_config(path)
        encoder_file = path / "encoder.safetensors"
        digest = file_digest(encoder_file) if encoder_file.exists() else None
        if "int8" in config:
            return cls._load_int8(path, config, digest, backend, device)
        backend = requested_backend(backend)
        if device is None and (backend == "onnx" or (backend == "auto" and not cuda_visible())):
            clf = cls._load_served(path, config, digest, backend)
            if clf is not None:
                return clf
        extractor, head = _eager_parts(path, config, device)
        info = {k: v for k, v in config.items() if k not in _CORE_KEYS}
        clf = cls(
            extractor,
            head,
            config["classes"],
            config.get("temperature", 1.0),
            info,
            backend,
            scope=_scope_of(path, config),
        )
        clf._source, clf._weights_digest = (path, config, device), digest
        return clf

    @classmethod
    def _load_int8(cls, path: Path, config: dict, digest: str | None, asked: str | None, device) -> GemClassifier:
        from gemlang.serving.quantize import Int8GraphsError, verified_graphs

        backend = requested_backend(asked)
        if backend == "torch" or device is not None:
            raise int8_needs_onnx(asked, str(path))
        try:
            graphs = verified_graphs(path / "int8", config["int8"])
            return cls._load_served(path, config, digest, backend, graphs)
        except (Int8GraphsError, NotServable) as e:
            raise ModelError(f"{path}: its int8 graphs cannot run here: {e}") from e

    @classmethod
    def _load_served(
        cls, path: Path, config: dict, digest: str | None, backend: str, graphs: tuple[Path, dict] | None = None
    ) -> GemClassifier | None:
        """The model on the serving path without building its PyTorch modules; None if not exported yet.

        `graphs` (folder, manifest): the model's own int8 graphs, whose failures raise NotServable.
        """
        from gemlang.serving.runtime import ServingPipeline

        try:
            serving = ServingPipeline.from_folder(path, config, digest, graphs)
        except NotServable:
            if graphs is not None:
                raise
            return None
        if serving is None:
            return None
        clf = cls.__new__(cls)
        clf._extractor = clf._head = clf.companion = None
        clf.companion_temperature = 1.0
        clf.classes, clf.temperature = list(config["classes"]), float(config.get("temperature", 1.0))
        clf.info = {k: v for k, v in config.items() if k not in _CORE_KEYS}
        clf.scope = _scope_of(path, config)
        clf.backend, clf._source, clf._weights_digest = backend, (path, config, None), digest
        clf._serving, clf._serving_refused, clf.int8_graphs = serving, None, graphs
        return clf


def photo_id(path: str | Path) -> str:
    """What identifies a photo file by content in TRAINED_PHOTOS ('' when it cannot be read)."""
    from gemlang.data.images import ImageError, photo_digest

    try:
        return photo_digest(path)[:TRAINED_ID_HEX]
    except (ImageError, OSError):
        return ""


def listed_photo_ids(listed: Path) -> frozenset[str]:
    """The photo ids a model folder lists (none when it lists none); a list that is not ids is said to be
    unreadable and left out, so `gemlang evaluate` does not silently find no training photo among the scored."""
    if not listed.is_file():
        return frozenset()
    try:
        ids = listed.read_text().lower().split()
    except (OSError, UnicodeDecodeError):
        ids = None
    if not ids or not all(re.fullmatch(rf"[0-9a-f]{{{TRAINED_ID_HEX}}}", i) for i in ids):  # none: emptied
        log.warning(f"{listed}: not a list of photo ids (damaged?); which photos the model was trained on is "
                    "unknown. Train the model again to rewrite it.")  # fmt: skip
        return frozenset()
    return frozenset(ids)


def photo_ids(paths) -> frozenset[str]:
    return frozenset(filter(None, map(photo_id, paths)))


@lru_cache(maxsize=1)
def _companion_threads() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(max_workers=os.cpu_count() or 1, thread_name_prefix="gemlang-companion")


def _decoded(images: list[ImageInput]) -> list[ImageInput]:
    """Each photo opened as upright RGB; one that cannot be stays as given, for each reader to report."""
    from gemlang.data.images import ImageError, load_image

    out = []
    for image in images:
        try:
            out.append(load_image(image))
        except ImageError:
            out.append(image)
    return out


def pair_temperature(p: np.ndarray, q: np.ndarray, labels) -> float:
    """The temperature of `multiplied(p, q, T)` fitted on held-out answers of photos whose true classes are
    `labels`: two calibrated answers multiplied are over-confident."""
    from gemlang.heads import fit_temperature

    return fit_temperature(np.log(np.clip(multiplied(p, q), 1e-12, 1.0)), np.asarray(labels))


def multiplied(p: np.ndarray, q: np.ndarray, temperature: float = 1.0) -> np.ndarray:
    """The product of two models' calibrated probabilities (N, C), raised to 1/`temperature`, renormalised."""
    log_p = (np.log(np.clip(p, 1e-12, 1.0)) + np.log(np.clip(q, 1e-12, 1.0))) / temperature
    e = np.exp(log_p - log_p.max(1, keepdims=True))
    return (e / e.sum(1, keepdims=True)).astype(np.float32)


def _companion_temperature(config: dict) -> list[tuple[str, object]]:
    companion = config.get("companion")
    return [("companion temperature", companion.get("temperature"))] if isinstance(companion, dict) else []


def _read_config(path: Path) -> dict:
    config_file = path / "config.json"
    if path == DEFAULT_MODEL_DIR and not config_file.is_file():
        raise ModelError(
            "the built-in default model is missing from this installation; rebuild it with "
            "`gemlang build default --data DIR` (see README) or pass --model MODEL_DIR."
        )
    use = "Use 'default' or a folder written by `gemlang train --out`."
    if not config_file.is_file():
        what = "not a gemlang model folder (no config.json)" if path.exists() else "no such model folder"
        raise ModelError(f"{path}: {what}. {use}")
    config = read_config(path, ModelError, "copy the model folder again.")
    if config.get("format") != FORMAT:
        raise ModelError(f"{path}: config.json is not a {FORMAT} config (format={config.get('format')!r}). {use}")
    version = config.get("format_version", FORMAT_VERSION)
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise ModelError(
            f"{path}: config.json is format_version {version!r}, written by a newer gemlang than "
            f"this one (which reads up to {FORMAT_VERSION}); upgrade gemlang."
        )
    missing = [k for k in ("encoder", "head", "classes") if not config.get(k)]
    if missing or not isinstance(config["head"], dict):
        raise ModelError(f"{path}: config.json lacks {', '.join(missing) or 'a head'}; copy the model folder again.")
    for key, value in (("temperature", config.get("temperature", 1.0)), *_companion_temperature(config)):
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) or value <= 0:
            raise ModelError(
                f"{path}: config.json's {key} is {value!r}; it must be a number above 0. Copy the model folder "
                "again or retrain it."
            )
    classes, outputs = config.get("classes", []), config.get("head", {}).get("n_classes")
    if outputs is not None and len(classes) != outputs:
        raise ModelError(
            f"{path}: config.json names {len(classes)} classes but its head gives {outputs} answers; "
            "copy the model folder again or retrain it."
        )
    return config


def _scope_of(path: Path, config: dict) -> ScopeCheck | None:
    """The model's out-of-scope check, if it has one, checked to read this model's features."""
    scope = ScopeCheck.load(path, config.get("scope"))
    if scope is None:
        return None
    fitted, features = scope.tensors["mean"].shape[-1], config["head"].get("in_dim")
    if features is not None and fitted != features:
        raise ModelError(
            f"{path}: scope.safetensors was fitted on {fitted}-d features, but this model's encoder gives "
            f"{features}-d: it comes from another model. Copy the model folder again, or rebuild the check with "
            f"`gemlang build scope --data DIR --out {path}`."
        )
    return scope


def _eager_parts(path: Path, config: dict, device) -> tuple[FeatureExtractor, torch.nn.Module]:
    """The PyTorch encoders and head of a model folder, checked against each other and the config."""
    from safetensors import SafetensorError
    from safetensors.torch import load_file

    from gemlang.heads import build_head

    extractor = FeatureExtractor(config["encoder"], tta=config.get("tta", False), device=device)
    encoder_file = path / "encoder.safetensors"
    if encoder_file.exists():
        try:
            state = load_file(str(encoder_file))
        except (OSError, SafetensorError) as e:
            raise ModelError(f"{path}: encoder.safetensors cannot be read ({e}); copy the model folder again.") from e
        _load_encoder_state(extractor, state)
    if not encoder_file.exists() and config.get("finetuned_encoder"):
        raise ModelError(f"{path}: encoder.safetensors, the model's fine-tuned encoder, is missing; copy the whole "
                         "model folder again.")  # fmt: skip
    if not encoder_file.exists() and extractor.signature != config["encoder_signature"]:
        raise ModelError(
            f"{path}: the head was trained on encoder {config['encoder_signature']!r}, but this "
            f"installation builds {extractor.signature!r}. Retrain with `gemlang train`."
        )
    head = build_head(config["head"])
    try:
        head.load_state_dict(load_file(str(path / "head.safetensors")))
    except FileNotFoundError as e:
        raise ModelError(f"{path}: head.safetensors is missing; copy the whole model folder again.") from e
    except (RuntimeError, OSError, SafetensorError) as e:  # a damaged file, or weights of another head
        first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        raise ModelError(
            f"{path}: head.safetensors does not fit the head in config.json ({first}); copy the model folder "
            "again or retrain it."
        ) from e
    if head.config["in_dim"] != extractor.feature_dim:
        raise ModelError(
            f"the head expects {head.config['in_dim']}-d features but encoder {extractor.spec!r} "
            f"gives {extractor.feature_dim}-d; retrain the head on this encoder."
        )
    return extractor, head.eval()


_CORE_KEYS = {
    "format",
    "format_version",
    "encoder",
    "encoder_signature",
    "tta",
    "head",
    "classes",
    "temperature",
    "scope",
}


def _encoder_state(extractor: FeatureExtractor) -> dict[str, torch.Tensor]:
    return {
        f"{i}.{k}": v.detach().cpu().contiguous()
        for i, enc in enumerate(extractor.encoders)
        for k, v in enc.state_dict().items()
    }


def _load_encoder_state(extractor: FeatureExtractor, state: dict[str, torch.Tensor]) -> None:
    for i, enc in enumerate(extractor.encoders):
        prefix = f"{i}."
        part = {k[len(prefix) :]: v for k, v in state.items() if k.startswith(prefix)}
        try:
            enc.load_state_dict(part)
        except RuntimeError as e:
            raise ModelError(f"encoder.safetensors does not fit encoder {enc.name!r} ({e}).") from e
        if part:
            enc.mark_tuned()
