"""Photo -> encoder input in numpy and PIL only, so the eager and the ONNX Runtime paths see the same numbers.

Both inference paths call these functions: the eager encoders wrap the result in a tensor, the serving
path (gemlang.serving) feeds it to onnxruntime without importing torch. One implementation means the
two paths cannot drift apart.

The resize is torchvision's antialiased bilinear resize of uint8 images, written out in numpy: the
same triangle filter, the same 16-bit fixed-point weights and rounding, horizontal pass first. It gives
the very pixels torchvision gives on x86 CPUs with AVX2 (the encoders' features, the feature cache and
the built-in model were all made with those), and the same pixels on every other CPU too. PIL's
resize uses 22-bit weights and differs by one level in about 0.2% of pixels.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from functools import lru_cache

import numpy as np
from PIL import Image

IMAGENET_MEAN = (0.485, 0.456, 0.406)
IMAGENET_STD = (0.229, 0.224, 0.225)


@lru_cache(maxsize=64)
def _resample_weights(in_size: int, out_size: int) -> tuple[np.ndarray, np.ndarray, int]:
    """(source index, 16-bit fixed-point weight) per output pixel and tap, and the fixed-point precision."""
    scale = in_size / out_size
    support = max(scale, 1.0)  # the triangle widens when shrinking: that is the antialiasing
    invscale = 1.0 / scale if scale >= 1.0 else 1.0
    taps = math.ceil(support) * 2 + 1
    centers = scale * (np.arange(out_size) + 0.5)
    first = np.maximum((centers - support + 0.5).astype(np.int64), 0)
    count = np.clip(np.minimum((centers + support + 0.5).astype(np.int64), in_size) - first, 0, taps)
    j = np.arange(taps)
    w = 1.0 - np.abs(((j[None, :] + first[:, None]) - centers[:, None] + 0.5) * invscale)
    w = np.where((w > 0) & (j[None, :] < count[:, None]), w, 0.0)
    total = np.zeros(out_size)
    for k in range(taps):  # summed in tap order, as the reference does, so the rounding below agrees
        total = total + w[:, k]
    w = w / np.where(total == 0, 1.0, total)[:, None]
    precision = 0  # as many fraction bits as keep the largest weight within int16
    while precision < 22 and int(0.5 + w.max() * (1 << (precision + 1))) < (1 << 15):
        precision += 1
    scaled = w * (1 << precision)
    fixed = np.where(scaled < 0, np.trunc(scaled - 0.5), np.trunc(scaled + 0.5)).astype(np.int32)
    return np.minimum(first[:, None] + j[None, :], in_size - 1), fixed, precision


@lru_cache(maxsize=64)
def _resample_bands(in_size: int, out_size: int, block: int = 16) -> tuple[list[tuple], int]:
    """The resampling matrix cut into bands of `block` output pixels, each with the input span it reads."""
    index, weights, precision = _resample_weights(in_size, out_size)
    dense = np.zeros((out_size, in_size), dtype=np.float32)
    rows = np.repeat(np.arange(out_size), index.shape[1])
    used = weights.ravel() != 0  # clipped taps repeat an index with weight 0; skip them, they must not overwrite
    dense[rows[used], index.ravel()[used]] = weights.ravel()[used]
    bands = []
    for o0 in range(0, out_size, block):
        o1 = min(o0 + block, out_size)
        read = np.flatnonzero(dense[o0:o1].any(axis=0))
        i0, i1 = (int(read[0]), int(read[-1]) + 1) if len(read) else (0, 0)
        bands.append((o0, o1, i0, i1, np.ascontiguousarray(dense[o0:o1, i0:i1])))
    return bands, precision


def _resample_rows(rows: np.ndarray, out_size: int) -> np.ndarray:
    """uint8 (n, m) resampled along its first axis to (out_size, m).

    One small matrix product per band of output rows. The sums are exact: integer weights and pixels, all
    non-negative, below 2**24 in float32 (precision <= 15) and 2**53 in float64 otherwise.
    """
    bands, precision = _resample_bands(rows.shape[0], out_size)
    dtype = np.float32 if precision <= 15 else np.float64
    source = rows.astype(dtype)
    acc = np.zeros((out_size, rows.shape[1]), dtype=dtype)
    for o0, o1, i0, i1, weights in bands:
        if i1 > i0:
            np.matmul(weights.astype(dtype, copy=False), source[i0:i1], out=acc[o0:o1])
    acc += 1 << (precision - 1)
    acc *= 1.0 / (1 << precision)  # a power of two: exact, and floor() then is the reference's shift
    np.floor(acc, out=acc)
    return np.clip(acc, 0, 255, out=acc).astype(np.uint8)


# A camera's photo (12-50 MP) is first shrunk by a whole factor each way with a box filter (PIL's `reduce`, in C)
# while each side stays at least REDUCED_SIDE times the input's; the exact resize then reads a tenth of the pixels
# or less (a 48 MP photo: about 11 s and 2.9 GB to a fraction of a second) and its pixels move by 0.35 of a level
# on average. Photos under twice that side, all but 3 of the 2,856 training photos, are resized exactly as before.
REDUCED_SIDE = 4


def resize_square(image: Image.Image, size: int) -> np.ndarray:
    """The whole photo squeezed to uint8 (size, size, 3), antialiased (no crop: gems often sit near an edge)."""
    image = image if image.mode == "RGB" else image.convert("RGB")
    factors = tuple(max(1, side // (REDUCED_SIDE * size)) for side in image.size)  # each way: a panorama too
    if max(factors) >= 2:
        image = image.reduce(factors)
    w, h = image.size
    if w != size:  # the horizontal pass first, on the transposed photo so that it resamples whole rows
        columns = np.asarray(image.transpose(Image.Transpose.TRANSPOSE)).reshape(w, h * 3)
        columns = _resample_rows(columns, size).reshape(size, h, 3)
        image = Image.fromarray(columns).transpose(Image.Transpose.TRANSPOSE)  # PIL transposes fast, numpy slowly
    pixels = np.asarray(image)
    if h != size:
        pixels = _resample_rows(pixels.reshape(h, size * 3), size).reshape(size, size, 3)
    return pixels


@dataclass(frozen=True)
class ResizeNormalise:
    """Square resize, scale to [0, 1], normalise per channel; returns float32 (3, size, size)."""

    size: int = 224
    mean: tuple[float, float, float] = IMAGENET_MEAN
    std: tuple[float, float, float] = IMAGENET_STD

    def __call__(self, image: Image.Image) -> np.ndarray:
        return self.normalise(resize_square(image, self.size))

    def normalise(self, pixels: np.ndarray) -> np.ndarray:
        """uint8 (size, size, 3) from `resize_square` -> the encoder's float32 (3, size, size)."""
        mean = np.asarray(self.mean, dtype=np.float32)
        std = np.asarray(self.std, dtype=np.float32)
        return np.ascontiguousarray(((pixels.astype(np.float32) / 255.0 - mean) / std).transpose(2, 0, 1))

    def to_dict(self) -> dict:
        return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(self).items()}

    @classmethod
    def from_dict(cls, d: dict) -> ResizeNormalise:
        return cls(int(d["size"]), tuple(d["mean"]), tuple(d["std"]))


# --- the colour histogram: gems are told apart by hue and saturation as much as by shape ----------------
HUE_BINS, SAT_BINS, VAL_BINS = 36, 4, 4
HISTOGRAM_SIZE = 96
HISTOGRAM_DIM = HUE_BINS * SAT_BINS * VAL_BINS


def colour_histogram(image: Image.Image) -> np.ndarray:
    """Joint HSV histogram, pixels weighted towards the centre where the stone usually is; sqrt-normalised."""
    size = HISTOGRAM_SIZE
    hsv = np.asarray(image.convert("RGB").resize((size, size), Image.BILINEAR).convert("HSV"), dtype=np.int64)
    h = hsv[..., 0] * HUE_BINS // 256
    s = hsv[..., 1] * SAT_BINS // 256
    v = hsv[..., 2] * VAL_BINS // 256
    yy, xx = np.mgrid[0:size, 0:size] / (size - 1) - 0.5
    weight = np.exp(-(xx**2 + yy**2) / (2 * 0.25**2))
    index = (h * SAT_BINS + s) * VAL_BINS + v
    hist = np.bincount(index.ravel(), weights=weight.ravel(), minlength=HISTOGRAM_DIM)
    return np.sqrt(hist / hist.sum()).astype(np.float32)
