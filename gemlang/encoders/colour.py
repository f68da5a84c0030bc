"""A colour histogram "encoder": gems are told apart by hue and saturation as much as by shape.

ImageNet CNNs are trained to ignore colour shifts (colour jitter augmentation), yet colour is the
first thing a gemmologist reads. A centre-weighted joint hue/saturation/value histogram gives the
classifier that signal back at almost no cost.
"""

from __future__ import annotations

from torch import nn

from gemlang.encoders.base import Encoder, TensorPreprocess
from gemlang.encoders.pixels import HISTOGRAM_DIM, HISTOGRAM_SIZE, HUE_BINS, SAT_BINS, VAL_BINS, colour_histogram
from gemlang.encoders.registry import register_encoder


@register_encoder("colour_hist", "centre-weighted joint HSV colour histogram (576-d), no network")
def colour_hist() -> Encoder:
    return Encoder(
        "colour_hist",
        nn.Identity(),
        TensorPreprocess(colour_histogram),
        HISTOGRAM_DIM,
        f"hsv{HUE_BINS}x{SAT_BINS}x{VAL_BINS}|{HISTOGRAM_SIZE}px|centre0.25",
    )
