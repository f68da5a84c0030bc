"""A colour histogram "encoder": gems are told apart by hue and saturation as much as by shape.

ImageNet CNNs are trained to ignore colour shifts (colour jitter augmentation), yet colour is the
first thing a gemmologist reads. A centre-weighted joint hue/saturation/value histogram gives the
classifier that signal back at almost no cost.
"""

from __future__ import annotations

import numpy as np
import torch
from PIL import Image
from torch import nn

from gemlang.encoders.base import Encoder
from gemlang.encoders.registry import register_encoder

HUE_BINS, SAT_BINS, VAL_BINS = 36, 4, 4
SIZE = 96


def colour_histogram(image: Image.Image) -> torch.Tensor:
    """Joint HSV histogram, pixels weighted towards the centre where the stone usually is; sqrt-normalised."""
    hsv = np.asarray(image.convert("RGB").resize((SIZE, SIZE), Image.BILINEAR).convert("HSV"), dtype=np.int64)
    h = hsv[..., 0] * HUE_BINS // 256
    s = hsv[..., 1] * SAT_BINS // 256
    v = hsv[..., 2] * VAL_BINS // 256
    yy, xx = np.mgrid[0:SIZE, 0:SIZE] / (SIZE - 1) - 0.5
    weight = np.exp(-(xx**2 + yy**2) / (2 * 0.25**2))
    index = (h * SAT_BINS + s) * VAL_BINS + v
    hist = np.bincount(index.ravel(), weights=weight.ravel(), minlength=HUE_BINS * SAT_BINS * VAL_BINS)
    return torch.from_numpy(np.sqrt(hist / hist.sum())).float()


@register_encoder("colour_hist", "centre-weighted joint HSV colour histogram (576-d), no network")
def colour_hist() -> Encoder:
    return Encoder(
        "colour_hist",
        nn.Identity(),
        colour_histogram,
        HUE_BINS * SAT_BINS * VAL_BINS,
        f"hsv{HUE_BINS}x{SAT_BINS}x{VAL_BINS}|{SIZE}px|centre0.25",
    )
