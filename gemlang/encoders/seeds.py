"""The seed papers' trainable networks, as encoders: residual CNN, convolutional VAE and autoencoder.

They start from random weights (`gemlang train --method ...` trains them; a model folder then carries
their weights in encoder.safetensors). Each name takes the input size in pixels after a colon, e.g.
`residual_cnn:96`, because the size fixes the architecture of the VAE and autoencoder (their
bottlenecks flatten the last feature map) and the preprocessing of all three.
"""

from __future__ import annotations

import torch
from torch import nn

from gemlang.encoders.base import Encoder, EncoderError, TappedPooling, imagenet_preprocess
from gemlang.encoders.registry import register_encoder_prefix

RESIDUAL_WIDTHS = (32, 64, 128, 256)
CODER_WIDTHS = (16, 32, 64, 128)  # four stride-2 convolutions: the input size must divide by 16
VAE_LATENT = 128
AUTOENCODER_EMBEDDING = 128


def conv_bn(c_in: int, c_out: int, stride: int = 1) -> nn.Sequential:
    return nn.Sequential(nn.Conv2d(c_in, c_out, 3, stride, 1, bias=False), nn.BatchNorm2d(c_out), nn.ReLU(inplace=True))


class ResidualBlock(nn.Module):
    """Two 3x3 convolutions with batch norm and an identity (or 1x1 projection) shortcut."""

    def __init__(self, c_in: int, c_out: int, stride: int):
        super().__init__()
        self.body = nn.Sequential(
            conv_bn(c_in, c_out, stride), nn.Conv2d(c_out, c_out, 3, 1, 1, bias=False), nn.BatchNorm2d(c_out)
        )
        self.shortcut = (
            nn.Identity()
            if stride == 1 and c_in == c_out
            else nn.Sequential(nn.Conv2d(c_in, c_out, 1, stride, bias=False), nn.BatchNorm2d(c_out))
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.relu(self.body(x) + self.shortcut(x))


class ResidualCNN(nn.Module):
    """Stride-2 stem and max-pool (as in ResNet), then one residual block per width, each halving the map
    (except the first)."""

    def __init__(self, widths=RESIDUAL_WIDTHS):
        super().__init__()
        self.stem = nn.Sequential(conv_bn(3, widths[0], stride=2), nn.MaxPool2d(3, 2, 1))
        blocks, c_in = [], widths[0]
        for i, c in enumerate(widths):
            blocks.append(ResidualBlock(c_in, c, stride=1 if i == 0 else 2))
            c_in = c
        self.stages = nn.Sequential(*blocks)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.stages(self.stem(x))


class ConvEncoder(nn.Module):
    """Four stride-2 conv + batch-norm layers, flattened into `out_dim` numbers (no pooling: a decoder
    needs to know where things were)."""

    def __init__(self, size: int, out_dim: int, widths=CODER_WIDTHS):
        super().__init__()
        layers, c_in = [], 3
        for c in widths:
            layers.append(conv_bn(c_in, c, stride=2))
            c_in = c
        self.convs = nn.Sequential(*layers)
        self.map_size = size // 2 ** len(widths)
        self.fc = nn.Linear(widths[-1] * self.map_size**2, out_dim)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.fc(self.convs(x).flatten(1))


class ConvDecoder(nn.Module):
    """The mirror of `ConvEncoder`: a vector back to a (3, size, size) image in [0, 1]."""

    def __init__(self, size: int, in_dim: int, widths=CODER_WIDTHS):
        super().__init__()
        self.widths = list(reversed(widths))
        self.map_size = size // 2 ** len(widths)
        self.fc = nn.Linear(in_dim, self.widths[0] * self.map_size**2)
        layers = []
        for c_in, c_out in zip(self.widths, [*self.widths[1:], 8], strict=True):
            layers += [
                nn.ConvTranspose2d(c_in, c_out, 4, 2, 1, bias=False),
                nn.BatchNorm2d(c_out),
                nn.ReLU(inplace=True),
            ]
        layers += [nn.Conv2d(8, 3, 3, 1, 1), nn.Sigmoid()]
        self.deconvs = nn.Sequential(*layers)

    def forward(self, z: torch.Tensor) -> torch.Tensor:
        return self.deconvs(self.fc(z).view(len(z), self.widths[0], self.map_size, self.map_size))


class VAEEncoder(nn.Module):
    """q(z | x): the mean and log-variance of the latent; as a feature extractor it returns the mean."""

    def __init__(self, size: int, latent: int = VAE_LATENT):
        super().__init__()
        self.latent = latent
        self.body = ConvEncoder(size, 2 * latent)

    def distribution(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        mu, logvar = self.body(x).chunk(2, dim=1)
        return mu, logvar.clamp(-10, 10)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.distribution(x)[0]


def _size(family: str, variant: str, multiple: int) -> int:
    try:
        size = int(variant)
    except ValueError:
        size = 0
    if size < 32 or size % multiple:
        raise EncoderError(
            f"{family}:{variant}: give the input size in pixels, a multiple of {multiple} "
            f"and at least 32, e.g. {family}:96."
        )
    return size


@register_encoder_prefix("residual_cnn", "residual CNN with batch norm, from scratch: residual_cnn:<px> (256-d)")
def residual_cnn(variant: str) -> Encoder:
    size = _size("residual_cnn", variant, 16)
    net = TappedPooling(ResidualCNN(), [f"stages.{len(RESIDUAL_WIDTHS) - 1}"])
    return Encoder(
        f"residual_cnn:{size}",
        net,
        imagenet_preprocess(size),
        RESIDUAL_WIDTHS[-1],
        f"seed-residual{RESIDUAL_WIDTHS}|{size}px|imagenet-norm",
    )


@register_encoder_prefix("conv_vae", "convolutional VAE encoder (latent mean), from scratch: conv_vae:<px> (128-d)")
def conv_vae(variant: str) -> Encoder:
    size = _size("conv_vae", variant, 16)
    return Encoder(
        f"conv_vae:{size}",
        VAEEncoder(size),
        imagenet_preprocess(size),
        VAE_LATENT,
        f"seed-vae{CODER_WIDTHS}|z{VAE_LATENT}|{size}px|imagenet-norm",
    )


@register_encoder_prefix("conv_autoencoder", "convolutional autoencoder embedding: conv_autoencoder:<px> (128-d)")
def conv_autoencoder(variant: str) -> Encoder:
    size = _size("conv_autoencoder", variant, 16)
    return Encoder(
        f"conv_autoencoder:{size}",
        ConvEncoder(size, AUTOENCODER_EMBEDDING),
        imagenet_preprocess(size),
        AUTOENCODER_EMBEDDING,
        f"seed-ae{CODER_WIDTHS}|e{AUTOENCODER_EMBEDDING}|{size}px|imagenet-norm",
    )
