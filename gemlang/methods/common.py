"""What the seed methods share: the fitted-method record, splits, training a network + head end to end,
and turning a trained network into a normal `GemClassifier` model folder."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import torch
from torch import nn
from torch.nn import functional as F
from torch.utils.data import TensorDataset

from gemlang.data import DatasetError, duplicate_groups, stratified_group_folds
from gemlang.encoders import Encoder
from gemlang.errors import UsageError
from gemlang.features import FeatureExtractor
from gemlang.heads import LinearHead, fit_temperature
from gemlang.methods.photos import PhotoSet, augmented, normalise
from gemlang.model import GemClassifier
from gemlang.training.loop import TrainConfig, TrainResult, train_loop
from gemlang.training.losses import weighted_top_k_loss


@dataclass
class Fitted:
    """A trained method: class probabilities for new photos, and (when it has one) its model folder."""

    predict_proba: Callable[[PhotoSet], np.ndarray]
    classifier: GemClassifier | None = None
    info: dict = field(default_factory=dict)
    write_extras: Callable[[Path], None] | None = None  # files beside the model (decoder, plots)
    extra_predictions: dict[str, Callable[[PhotoSet], np.ndarray]] = field(default_factory=dict)
    model: nn.Module | None = None  # the trained network as a whole (e.g. with its decoder), for plots

    def save(self, out: str | Path) -> Path:
        if self.classifier is None:
            raise UsageError("this method is evaluation-only: it has no model folder to write; use --cv K")
        path = self.classifier.save(out)
        if self.write_extras:
            self.write_extras(path)
        return path


def split_off(photos: PhotoSet, fraction: float, seed: int = 0) -> tuple[PhotoSet, PhotoSet]:
    """(rest, held_out): a stratified split with about `fraction` of each class held out, copies together."""
    k = max(2, round(1 / fraction))
    counts = np.bincount(photos.labels)
    k = min(k, int(counts[counts > 0].min()))
    if k < 2:
        raise DatasetError("a class has a single photo: it cannot be split into training and validation")
    train_idx, held_idx = next(stratified_group_folds(photos.labels, duplicate_groups(photos.data), k, seed))
    return photos.subset(train_idx), photos.subset(held_idx)


def train_config(settings: dict, seed: int, desc: str, **override) -> TrainConfig:
    names = TrainConfig.__dataclass_fields__
    values = {k: v for k, v in settings.items() if k in names}
    return TrainConfig(**{**values, **override, "seed": seed, "desc": desc})


def classification_loss(settings: dict) -> Callable[[torch.Tensor, torch.Tensor], torch.Tensor]:
    if settings.get("loss", "cross_entropy") == "weighted_top_k":
        return lambda logits, y: weighted_top_k_loss(logits, y, settings["top_k"], settings["top_k_alpha"])
    return F.cross_entropy


class EncoderWithHead(nn.Module):
    """An encoder, then a head on its output: a CNN and its classifier, an autoencoder's coder and decoder."""

    def __init__(self, encoder: nn.Module, head: nn.Module):
        super().__init__()
        self.encoder = encoder
        self.head = head

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.encoder(x))


def image_loss(settings: dict):
    """loss_fn for the training loop on (uint8 pixels, labels) batches, with the method's augmentation."""
    criterion = classification_loss(settings)
    aug = settings.get("augment", {})

    def loss_fn(model, batch, training):
        pixels, y = batch
        x = normalise(pixels)
        if training and aug:
            x = augmented(x, aug)
        logits = model(x)
        return criterion(logits, y), int((logits.argmax(1) == y).sum())

    return loss_fn


@torch.no_grad()
def batched(fn: Callable[[torch.Tensor], torch.Tensor], inputs: torch.Tensor, batch_size: int = 64) -> torch.Tensor:
    """fn over inputs in batches (eval mode is the caller's business), on the device of fn's module."""
    return torch.cat([fn(inputs[i : i + batch_size]) for i in range(0, len(inputs), batch_size)])


def softmax(logits: torch.Tensor | np.ndarray, temperature: float = 1.0) -> np.ndarray:
    return torch.softmax(torch.as_tensor(logits).float() / temperature, 1).numpy()


def calibrate(logits: torch.Tensor, labels: np.ndarray) -> float:
    return fit_temperature(np.asarray(logits, dtype=np.float32), np.asarray(labels))


def train_image_classifier(
    encoder: Encoder,
    train: PhotoSet,
    val: PhotoSet | None,
    settings: dict,
    seed: int,
    desc: str,
    loss_fn=None,
    model: nn.Module | None = None,
) -> tuple[EncoderWithHead, TrainResult, float]:
    """Train `encoder` + a linear head on photos end to end; (model, training record, temperature)."""
    torch.manual_seed(seed)
    size = settings["image_size"]
    head = LinearHead(encoder.feature_dim, len(train.classes))
    model = model or EncoderWithHead(encoder, head)
    data = TensorDataset(train.pixels(size), torch.from_numpy(train.labels))
    val_data = TensorDataset(val.pixels(size), torch.from_numpy(val.labels)) if val is not None else None
    result = train_loop(model, loss_fn or image_loss(settings), data, val_data, train_config(settings, seed, desc))
    temperature = 1.0
    if val is not None:
        temperature = calibrate(image_logits(model, val, size), val.labels)
    return model, result, temperature


def image_logits(model: nn.Module, photos: PhotoSet, size: int) -> torch.Tensor:
    model.eval()
    return batched(lambda p: model(normalise(p)), photos.pixels(size))


def as_classifier(
    encoder: Encoder,
    head: LinearHead,
    classes: list[str],
    temperature: float,
    info: dict,
    finetuned: bool = True,
) -> GemClassifier:
    """A `GemClassifier` that runs the trained `encoder`; its weights go to encoder.safetensors when saved."""
    extractor = FeatureExtractor(encoder.name)
    if finetuned:
        extractor.encoders = [encoder.eval().to(extractor.device)]
    return GemClassifier(extractor, head.eval(), classes, temperature, {**info, "finetuned_encoder": finetuned})
