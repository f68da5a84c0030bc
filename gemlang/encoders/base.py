"""What every image encoder is: a network, the preprocessing that belongs to it, and a name.

An encoder maps a batch of preprocessed photos to one feature vector each. Multi-resolution
encoders pool several intermediate layers and concatenate them (as in the feature-fusion seed,
where pooled Layer2 + Layer4 features beat Layer4 alone): texture and colour live in early layers,
shape and "what object" in late ones, and gems are told apart by both.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import torch
from PIL import Image
from torch import nn

from gemlang.encoders.pixels import IMAGENET_MEAN, IMAGENET_STD, ResizeNormalise
from gemlang.errors import GemlangError


class EncoderError(GemlangError, RuntimeError):
    """An encoder that cannot be built here (missing weights package, bad weights file)."""


class TappedPooling(nn.Module):
    """Runs `run(x)` and returns the global-average-pooled outputs of the tapped sub-modules, concatenated."""

    def __init__(self, net: nn.Module, taps: Sequence[str], run: Callable[[torch.Tensor], object] | None = None):
        super().__init__()
        self.net = net
        self.taps = list(taps)
        self._run = run
        self._outputs: dict[str, torch.Tensor] = {}
        modules = dict(net.named_modules())
        for name in self.taps:
            modules[name].register_forward_hook(self._keep(name))

    def _keep(self, name: str):
        def hook(_module, _inputs, output):
            self._outputs[name] = output

        return hook

    def tapped_maps(self, x: torch.Tensor) -> list[torch.Tensor]:
        """The raw feature maps of the taps (for Grad-CAM), in tap order."""
        self._outputs.clear()
        (self._run or self.net)(x)
        maps = [self._outputs[name] for name in self.taps]
        self._outputs.clear()
        return maps

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.cat([m.mean(dim=(2, 3)) for m in self.tapped_maps(x)], dim=1)


class Encoder(nn.Module):
    """A frozen or trainable feature extractor with its own preprocessing.

    `signature` names everything that changes the features (weights, input size, normalisation), so
    cached features and trained heads can be matched to the exact encoder that made them.
    """

    def __init__(
        self,
        name: str,
        net: nn.Module,
        preprocess: Callable[[Image.Image], torch.Tensor],
        feature_dim: int,
        signature: str,
    ):
        super().__init__()
        self.name = name
        self.net = net
        self.preprocess = preprocess
        self.feature_dim = feature_dim
        self.signature = self.pretrained_signature = signature

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)

    def mark_tuned(self) -> None:
        """After its weights changed (fine-tuned, or fine-tuned weights loaded): a signature naming them, so
        features cached and graphs exported with other weights, the pretrained ones included, are never
        taken for its own."""
        from gemlang.serving.export import tensors_digest

        self.signature = f"{self.pretrained_signature} tuned={tensors_digest(self.state_dict())[:16]}"

    def __repr__(self) -> str:
        return f"Encoder({self.name!r}, feature_dim={self.feature_dim}, signature={self.signature!r})"


class TensorPreprocess:
    """A numpy preprocessing (gemlang.encoders.pixels) as a callable that returns a torch tensor.

    `pixels` stays reachable, so the serving path can run the very same function without torch.
    """

    def __init__(self, pixels: Callable[[Image.Image], np.ndarray]):
        self.pixels = pixels

    def __call__(self, image: Image.Image) -> torch.Tensor:
        return torch.from_numpy(self.pixels(image))

    def __repr__(self) -> str:
        return f"TensorPreprocess({self.pixels!r})"


def imagenet_preprocess(size: int = 224, mean=IMAGENET_MEAN, std=IMAGENET_STD) -> TensorPreprocess:
    """Resize the whole photo to a square (no crop: gems often sit near a photo's edge) and normalise."""
    return TensorPreprocess(ResizeNormalise(size, tuple(mean), tuple(std)))


def load_state_dict(path: str, what: str) -> dict[str, torch.Tensor]:
    """Load a weights file without unpickling code: safetensors, or a plain tensor dict via weights_only."""
    try:
        if str(path).endswith(".safetensors"):
            from safetensors.torch import load_file

            return load_file(path)
        state = torch.load(path, map_location="cpu", weights_only=True)
    except OSError as e:  # no such file, no permission: the reader's own words say it
        raise EncoderError(f"{what}: cannot read the weights file {path} ({e.strerror or e}).") from e
    except Exception as e:  # noqa: BLE001 - anything else: not usable weights (torch's own words, e.g. "101", help no one)
        raise EncoderError(
            f"{what}: {path} is not a PyTorch weights file (a state dict of tensors saved with torch.save, or "
            ".safetensors); give the network's weights file."
        ) from e
    if isinstance(state, dict) and "state_dict" in state and isinstance(state["state_dict"], dict):
        state = state["state_dict"]
    if not isinstance(state, dict):
        raise EncoderError(f"{what}: {path} holds no state dict of tensors.")
    return {k.removeprefix("module."): v for k, v in state.items()}
