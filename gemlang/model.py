"""`GemClassifier`: encoder + head + class names + calibration, saved as a folder of JSON and safetensors.

A model folder holds `config.json` (encoder spec and signature, head config, classes, temperature,
cross-validated scores) and `head.safetensors`; a fine-tuned model adds `encoder.safetensors`.
Loading never unpickles anything, and a head is never silently paired with an encoder it was not
trained on.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
from safetensors.torch import load_file, save_file

from gemlang.errors import GemlangError
from gemlang.features import FeatureCache, FeatureExtractor, ImageInput
from gemlang.heads import build_head
from gemlang.io import atomic_folder

DEFAULT_MODEL_DIR = Path(__file__).parent / "default_model"
FORMAT = "gemlang-classifier"


class ModelError(GemlangError, RuntimeError):
    """A model folder that cannot be loaded; the message says why and what to do."""


@dataclass
class Prediction:
    label: str
    probability: float
    top_k: list[tuple[str, float]]

    def to_dict(self) -> dict:
        return {"label": self.label, "probability": self.probability, "top_k": [list(t) for t in self.top_k]}


class GemClassifier:
    def __init__(
        self,
        extractor: FeatureExtractor,
        head: torch.nn.Module,
        classes: list[str],
        temperature: float = 1.0,
        info: dict | None = None,
    ):
        if head.config["in_dim"] != extractor.feature_dim:
            raise ModelError(
                f"the head expects {head.config['in_dim']}-d features but encoder {extractor.spec!r} "
                f"gives {extractor.feature_dim}-d; retrain the head on this encoder."
            )
        self.extractor = extractor
        self.head = head.eval()
        self.classes = list(classes)
        self.temperature = float(temperature)
        self.info = dict(info or {})

    # --- inference -------------------------------------------------------------------------------
    @torch.no_grad()
    def probabilities_from_features(self, features: np.ndarray) -> np.ndarray:
        logits = self.head(torch.from_numpy(np.asarray(features, dtype=np.float32)))
        return torch.softmax(logits / self.temperature, dim=1).numpy()

    def predict_proba(
        self, images: list[ImageInput], cache: FeatureCache | None = None, progress: bool = False
    ) -> tuple[np.ndarray, dict[int, str]]:
        """Calibrated class probabilities (N, C); rows of unreadable photos are NaN and listed in failures."""
        features, failures = self.extractor(images, cache=cache, progress=progress)
        probs = np.full((len(images), len(self.classes)), np.nan, dtype=np.float32)
        ok = [i for i in range(len(images)) if i not in failures]
        if ok:
            probs[ok] = self.probabilities_from_features(features[ok])
        return probs, failures

    def predict(self, images: ImageInput | list[ImageInput], top_k: int = 5) -> list[Prediction]:
        """One `Prediction` per photo; raises `ImageError` naming the first photo that cannot be read."""
        from gemlang.data.images import ImageError

        if not isinstance(images, list | tuple):
            images = [images]
        probs, failures = self.predict_proba(list(images))
        if failures:
            raise ImageError(next(iter(failures.values())))
        return [self.rank(p, top_k) for p in probs]

    def rank(self, p: np.ndarray, top_k: int = 5) -> Prediction:
        """The top-k classes of one probability row."""
        order = np.argsort(-p)[: max(1, top_k)]
        ranked = [(self.classes[i], float(p[i])) for i in order]
        return Prediction(ranked[0][0], ranked[0][1], ranked)

    # --- persistence -----------------------------------------------------------------------------
    def config(self) -> dict:
        return {
            "format": FORMAT,
            "format_version": 1,
            "encoder": self.extractor.spec,
            "encoder_signature": self.extractor.signature,
            "tta": self.extractor.tta,
            "head": self.head.config,
            "classes": self.classes,
            "temperature": self.temperature,
            **self.info,
        }

    def save(self, path: str | Path) -> Path:
        """Write the model folder atomically: a crash mid-save leaves the previous model intact."""
        with atomic_folder(path) as tmp:
            (tmp / "config.json").write_text(json.dumps(self.config(), indent=2) + "\n")
            save_file({k: v.contiguous() for k, v in self.head.state_dict().items()}, str(tmp / "head.safetensors"))
            if self.info.get("finetuned_encoder"):
                save_file(_encoder_state(self.extractor), str(tmp / "encoder.safetensors"))
            if self.info.get("model_card"):
                (tmp / "MODEL_CARD.md").write_text(self.info["model_card"])
        return Path(path)

    @classmethod
    def load(cls, path: str | Path = "default", device: torch.device | None = None) -> GemClassifier:
        path = DEFAULT_MODEL_DIR if str(path) == "default" else Path(path)
        config_file = path / "config.json"
        if path == DEFAULT_MODEL_DIR and not config_file.is_file():
            raise ModelError(
                "the built-in default model is missing from this installation; rebuild it with "
                "`python eval/build_default.py` (see README) or pass --model MODEL_DIR."
            )
        if not config_file.is_file():
            raise ModelError(
                f"{path}: not a gemlang model folder (no config.json). Use 'default' or a folder written by "
                "`gemlang train --out`."
            )
        config = json.loads(config_file.read_text())
        if config.get("format") != FORMAT:
            raise ModelError(f"{path}: config.json is not a {FORMAT} config (format={config.get('format')!r}).")
        extractor = FeatureExtractor(config["encoder"], tta=config.get("tta", False), device=device)
        encoder_file = path / "encoder.safetensors"
        if encoder_file.exists():
            _load_encoder_state(extractor, load_file(str(encoder_file)))
        if not encoder_file.exists() and extractor.signature != config["encoder_signature"]:
            raise ModelError(
                f"{path}: the head was trained on encoder {config['encoder_signature']!r}, but this "
                f"installation builds {extractor.signature!r}. Retrain with `gemlang train`."
            )
        head = build_head(config["head"])
        try:
            head.load_state_dict(load_file(str(path / "head.safetensors")))
        except (RuntimeError, OSError) as e:
            raise ModelError(f"{path}: head.safetensors does not fit the head in config.json ({e}).") from e
        info = {k: v for k, v in config.items() if k not in _CORE_KEYS}
        return cls(extractor, head, config["classes"], config.get("temperature", 1.0), info)


_CORE_KEYS = {"format", "format_version", "encoder", "encoder_signature", "tta", "head", "classes", "temperature"}


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
