"""Photos decoded once and kept in memory as uint8 tensors, at each size the methods ask for.

End-to-end training reads every photo many times (epochs, folds, several methods in one comparison);
decoding JPEGs each time would cost more than the small networks themselves. The resize is the
encoders' own (`imagenet_preprocess`: whole photo to a square, antialiased, before scaling to
floats), so a network sees the same pixels in training as `GemClassifier.predict` gives it later.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import torch
from torchvision.transforms import v2 as T
from tqdm.auto import tqdm

from gemlang.data import ImageError, ImageFolder, load_image
from gemlang.io import bars_off

IMAGENET_MEAN = (0.485, 0.456, 0.406)
IMAGENET_STD = (0.229, 0.224, 0.225)


@dataclass
class PhotoSet:
    """A dataset's photos plus per-photo tensors: pixels by size (int key, uint8 (N, 3, s, s)) and
    anything a method computes once and reuses across folds (e.g. frozen ResNet maps, by a tuple key)."""

    data: ImageFolder
    arrays: dict = field(default_factory=dict)

    @property
    def labels(self) -> np.ndarray:
        return self.data.labels

    @property
    def classes(self) -> list[str]:
        return self.data.classes

    def __len__(self) -> int:
        return len(self.data)

    def pixels(self, size: int) -> torch.Tensor:
        if size not in self.arrays:
            loaded = sorted(k for k in self.arrays if isinstance(k, int))
            raise KeyError(f"photos were not loaded at {size} px (loaded: {loaded})")
        return self.arrays[size]

    def subset(self, indices) -> PhotoSet:
        indices = np.asarray(indices, dtype=int)
        index = torch.from_numpy(indices)
        return PhotoSet(self.data.subset(indices), {k: t[index] for k, t in self.arrays.items()})


def load_photos(data: ImageFolder, sizes: list[int], progress: bool = True) -> PhotoSet:
    """Decode every photo once and resize it to each size; unreadable photos move to `data.skipped`."""
    sizes = sorted(set(sizes))
    to_tensor = T.PILToTensor()
    resizers = {s: T.Resize((s, s), antialias=True) for s in sizes}
    out = {s: torch.zeros((len(data), 3, s, s), dtype=torch.uint8) for s in sizes}
    bad: dict = {}
    for i, path in enumerate(tqdm(data.paths, desc="loading photos", unit="photo", disable=bars_off(progress))):
        try:
            image = to_tensor(load_image(path))
        except ImageError as e:
            bad[path] = str(e)
            continue
        for s in sizes:
            out[s][i] = resizers[s](image)
    keep = torch.tensor([i for i, p in enumerate(data.paths) if p not in bad], dtype=torch.long)
    return PhotoSet(data.without(bad) if bad else data, {s: t[keep] for s, t in out.items()})


def normalise(pixels: torch.Tensor, mean=IMAGENET_MEAN, std=IMAGENET_STD) -> torch.Tensor:
    """uint8 (N, 3, H, W) -> float, scaled to [0, 1] and normalised as `imagenet_preprocess` does."""
    x = pixels.float() / 255.0
    m = torch.tensor(mean, device=x.device).view(1, 3, 1, 1)
    s = torch.tensor(std, device=x.device).view(1, 3, 1, 1)
    return (x - m) / s


def random_affine(
    x: torch.Tensor,
    rotation: float = 0.0,
    shift: float = 0.0,
    scale: tuple[float, float] = (1.0, 1.0),
    flip: bool = False,
) -> torch.Tensor:
    """Random rotation (degrees), shift (fraction of the side), zoom and mirror, per sample, on a batch
    of images or of feature maps (N, C, H, W); uses the global torch RNG, so it follows the seed."""
    n = len(x)
    angle = (torch.rand(n, device=x.device) * 2 - 1) * np.deg2rad(rotation)
    zoom = torch.empty(n, device=x.device).uniform_(scale[0], scale[1])
    t = (torch.rand(n, 2, device=x.device) * 2 - 1) * shift * 2  # affine_grid spans [-1, 1]
    mirror = torch.where(torch.rand(n, device=x.device) < 0.5, -1.0, 1.0) if flip else torch.ones(n, device=x.device)
    cos, sin = torch.cos(angle) / zoom, torch.sin(angle) / zoom
    theta = torch.stack(
        [torch.stack([cos * mirror, -sin, t[:, 0]], 1), torch.stack([sin * mirror, cos, t[:, 1]], 1)], 1
    )
    grid = torch.nn.functional.affine_grid(theta, list(x.shape), align_corners=False)
    return torch.nn.functional.grid_sample(x, grid, padding_mode="reflection", align_corners=False)


def augmented(x: torch.Tensor, aug: dict) -> torch.Tensor:
    """`random_affine` with a method's augmentation settings: rotation, shift, scale (zoom range), flip."""
    return random_affine(
        x, aug.get("rotation", 0), aug.get("shift", 0), tuple(aug.get("scale", (1, 1))), aug.get("flip", False)
    )
