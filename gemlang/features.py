"""Photos to feature vectors, with an on-disk cache so no photo is encoded twice.

The cache key is the photo's content hash + the encoder's name and signature (weights, input size,
normalisation) + the test-time augmentation: renaming or moving a photo keeps its features, changing
a pixel or the preprocessing does not.

`FeaturePipeline` is the loop both inference paths share (cache look-up, decoding, failures, batches);
`FeatureExtractor` runs it on eager PyTorch encoders, `gemlang.serving.OnnxFeatureExtractor` on
onnxruntime. This module imports torch only when an eager extractor is built.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from PIL import Image

from gemlang.data.images import ImageError, image_digest, load_image, photo_digest
from gemlang.io import atomic_file, bars_off

if TYPE_CHECKING:
    import torch

    from gemlang.encoders import Encoder

ImageInput = str | Path | Image.Image


def default_device() -> torch.device:
    """The GPU when there is one, else the CPU (Accelerate's choice, so `accelerate config` is honoured)."""
    from accelerate import PartialState

    return PartialState().device


def cache_root() -> Path:
    """~/.cache/gemlang, or $GEMLANG_CACHE: features and exported encoder graphs live below it. A cache that
    cannot be written (a read-only home, a shared install) gives way to one in the temporary folder: it only
    saves work, so it must not stop any."""
    root = Path(os.environ.get("GEMLANG_CACHE", Path.home() / ".cache" / "gemlang"))
    return writable_cache(root, _temporary_cache(), "set GEMLANG_CACHE to choose one")


def feature_cache_folder(root: Path) -> Path:
    """A feature cache folder given by name (--cache), or the one in the temporary folder if it cannot be
    written, as for the default cache."""
    return writable_cache(root, _temporary_cache() / "features", "give --cache a folder you can write")


def _temporary_cache() -> Path:
    import tempfile

    return Path(tempfile.gettempdir()) / f"gemlang-cache-{os.getuid() if hasattr(os, 'getuid') else 0}"


@lru_cache(maxsize=8)
def writable_cache(root: Path, fallback: Path, advice: str) -> Path:
    """`root` if a file can be made in it, else `fallback`, with a warning (once) naming both."""
    import logging
    import tempfile

    try:
        root.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=root, prefix=".write-test-"):
            pass
        return root
    except OSError as e:
        logging.getLogger("gemlang").warning(
            "the cache %s cannot be written (%s); using %s instead for this run (%s)",
            root, e.strerror or e, fallback, advice,
        )  # fmt: skip
        return fallback


def default_cache_dir() -> Path:
    return cache_root() / "features"


class FeatureCache:
    """One small .npy file per (encoder, photo); writes are atomic, so a crash never leaves half a file."""

    def __init__(self, root: str | Path | None = None):
        self.root = feature_cache_folder(Path(root)) if root else default_cache_dir()

    def _file(self, key: str, digest: str) -> Path:
        return self.root / hashlib.sha256(key.encode()).hexdigest()[:16] / digest[:2] / f"{digest}.npy"

    def get(self, key: str, digest: str) -> np.ndarray | None:
        path = self._file(key, digest)
        if not path.exists():
            return None
        try:
            return np.load(path, allow_pickle=False)
        except (OSError, ValueError):  # a damaged entry is recomputed, not trusted
            return None

    def put(self, key: str, digest: str, features: np.ndarray) -> None:
        with atomic_file(self._file(key, digest), "wb") as f:
            np.save(f, features.astype(np.float32), allow_pickle=False)


class FeaturePipeline:
    """Photos -> concatenated features of several parts (encoders), with the cache and per-photo failures.

    Subclasses say what the parts are (`part_keys`, `part_dims`) and how to encode a batch with one part.
    """

    spec: str
    tta: bool
    part_keys: list[str]  # cache key of each part: encoder name, signature and TTA
    part_dims: list[int]

    @property
    def feature_dim(self) -> int:
        return sum(self.part_dims)

    def encode_part(self, j: int, images: list[Image.Image]) -> np.ndarray:
        raise NotImplementedError

    def encode_parts(self, batches: dict[int, list[Image.Image]]) -> dict[int, np.ndarray]:
        """{part index: photos} -> {part index: features}; one part after the other unless a subclass can do better."""
        return {j: self.encode_part(j, images) for j, images in batches.items()}

    def __call__(
        self,
        images: Sequence[ImageInput],
        cache: FeatureCache | None = None,
        batch_size: int = 32,
        progress: bool = False,
    ) -> tuple[np.ndarray, dict[int, str]]:
        """Features for each photo, shape (N, feature_dim), and {index: reason} for photos that failed.

        Rows of failed photos are NaN; callers drop them and tell the user which files were skipped.
        """
        from tqdm.auto import tqdm

        out = np.full((len(images), self.feature_dim), np.nan, dtype=np.float32)
        failures: dict[int, str] = {}
        offsets = np.cumsum([0, *self.part_dims])
        bar = tqdm(total=len(images), desc="encoding photos", unit="photo", disable=bars_off(progress))
        for start in range(0, len(images), batch_size):
            batch = list(range(start, min(start + batch_size, len(images))))
            todo: dict[int, list[int]] = {}  # part index -> photo indices missing from the cache
            digests = {}
            for i in batch:
                if cache is None:  # nothing to look up or keep: hashing the photo would be wasted work
                    for j in range(len(self.part_keys)):
                        todo.setdefault(j, []).append(i)
                    continue
                try:
                    digests[i] = _digest(images[i])
                except ImageError as e:  # a folder, a device or pipe, a file too large to be a photo
                    failures[i] = str(e)
                    continue
                except FileNotFoundError:
                    failures[i] = f"{images[i]}: no such file. Check the path."
                    continue
                except OSError as e:
                    failures[i] = f"{images[i]}: cannot read the file ({e})"
                    continue
                for j, (key, dim) in enumerate(zip(self.part_keys, self.part_dims, strict=True)):
                    hit = cache.get(key, digests[i]) if cache else None
                    if hit is not None and hit.shape == (dim,):
                        out[i, offsets[j] : offsets[j + 1]] = hit
                    else:
                        todo.setdefault(j, []).append(i)
            loaded = {}
            for i in sorted({i for idx in todo.values() for i in idx}):
                try:
                    loaded[i] = load_image(images[i])
                except ImageError as e:
                    failures[i] = str(e)
            todo = {j: [i for i in indices if i in loaded] for j, indices in todo.items()}
            todo = {j: indices for j, indices in todo.items() if indices}
            encoded = self.encode_parts({j: [loaded[i] for i in indices] for j, indices in todo.items()})
            for j, indices in todo.items():
                for i, f in zip(indices, encoded[j], strict=True):
                    out[i, offsets[j] : offsets[j + 1]] = f
                    if cache:
                        cache.put(self.part_keys[j], digests[i], f)
            bar.update(len(batch))
        bar.close()
        return out, failures


class FeatureExtractor(FeaturePipeline):
    """One or more eager PyTorch encoders (a `+`-joined spec) whose features are concatenated."""

    def __init__(self, spec: str, tta: bool = False, device: torch.device | None = None, **encoder_kwargs):
        from gemlang.encoders import create_encoder, split_spec

        self.spec = spec
        self.tta = tta
        self.device = device or default_device()
        self.encoders: list[Encoder] = [
            create_encoder(name, **encoder_kwargs.get(name, {})).eval().to(self.device) for name in split_spec(spec)
        ]

    @property
    def part_keys(self) -> list[str]:
        return [self._key(e) for e in self.encoders]

    @property
    def part_dims(self) -> list[int]:
        return [e.feature_dim for e in self.encoders]

    @property
    def signature(self) -> str:
        return " + ".join(f"{e.name}[{e.signature}]" for e in self.encoders) + f" tta={self.tta}"

    def _key(self, encoder: Encoder) -> str:
        return f"{encoder.name}|{encoder.signature}|tta={self.tta}"

    def encode_part(self, j: int, images: list[Image.Image]) -> np.ndarray:
        return self._encode(self.encoders[j], images)

    def _encode(self, encoder: Encoder, images: list[Image.Image]) -> np.ndarray:
        import torch

        with torch.no_grad():
            x = torch.stack([encoder.preprocess(im) for im in images]).to(self.device)
            features = encoder(x)
            if self.tta and x.ndim == 4:  # mirror image: a gem photo means the same flipped left-right
                features = (features + encoder(torch.flip(x, dims=[3]))) / 2
            return features.float().cpu().numpy()


def _digest(image: ImageInput) -> str:
    return image_digest(image) if isinstance(image, Image.Image) else photo_digest(image)
