"""The two ResNet-50 seeds: transfer learning (Jin & Li 2022) and F2+F4 feature fusion with the weighted
top-k loss (Jia et al. 2021).

On a CPU the frozen part of ResNet-50 (stem to Layer3) costs most of the time, so it runs once per
photo and its outputs are kept in the `PhotoSet` (shared by both methods and by every fold of a
comparison). Transfer learning then fine-tunes Layer4 + head on those Layer3 maps, with the paper's
rotation / shift / zoom augmentation applied to the maps instead of the photo (the photo-level version
would re-run the frozen trunk every epoch). Feature fusion trains its head on pooled Layer2 + Layer4.
"""

from __future__ import annotations

import functools
from pathlib import Path

import torch
from torch import nn
from torch.utils.data import TensorDataset
from tqdm.auto import tqdm

from gemlang.encoders import create_encoder
from gemlang.heads import LinearHead
from gemlang.io import bars_off
from gemlang.methods.common import (
    EncoderWithHead,
    Fitted,
    as_classifier,
    batched,
    calibrate,
    classification_loss,
    softmax,
    train_config,
)
from gemlang.methods.photos import PhotoSet, augmented, normalise
from gemlang.training.loop import train_loop

MODEL_SIZE = 224  # the `resnet50` encoders' input size: only models trained at it can be saved


@functools.cache
def frozen_resnet() -> nn.Module:
    """The pretrained ResNet-50, loaded once per process and never trained (fine-tuning uses its own copy)."""
    net = create_encoder("resnet50").net.net.eval()
    for p in net.parameters():
        p.requires_grad_(False)
    return net


def resnet_trunk(photos: PhotoSet, size: int, progress: bool = True) -> tuple[torch.Tensor, torch.Tensor]:
    """(pooled Layer2 (N, 512), Layer3 maps (N, 1024, size/16, size/16), float16) of the frozen ResNet-50."""
    key = ("resnet50-trunk", size)
    if key not in photos.arrays:
        net = frozen_resnet()
        pixels = photos.pixels(size)
        pooled2, maps3 = [], []
        with torch.no_grad():
            for i in tqdm(range(0, len(pixels), 32), desc="ResNet-50 Layer1-3", disable=bars_off(progress)):
                x = net.maxpool(net.relu(net.bn1(net.conv1(normalise(pixels[i : i + 32])))))
                layer2 = net.layer2(net.layer1(x))
                pooled2.append(layer2.mean((2, 3)))
                maps3.append(net.layer3(layer2).half())
        photos.arrays[key] = torch.cat(pooled2)
        photos.arrays[(*key, "maps")] = torch.cat(maps3)
    return photos.arrays[key], photos.arrays[(*key, "maps")]


def fusion_features(photos: PhotoSet, size: int, progress: bool = True) -> torch.Tensor:
    """Pooled Layer2 + Layer4 of the frozen ResNet-50 (2560-d), as the `resnet50_f2f4` encoder gives them."""
    key = ("resnet50-f2f4", size)
    if key not in photos.arrays:
        pooled2, maps3 = resnet_trunk(photos, size, progress)
        pooled4 = batched(Layer4Pooled(frozen_resnet().layer4), maps3, 32)
        photos.arrays[key] = torch.cat([pooled2, pooled4], 1)
    return photos.arrays[key]


class Layer4Pooled(nn.Module):
    """ResNet-50's Layer4, then global average pooling: features from (possibly half-precision) Layer3 maps."""

    def __init__(self, layer4: nn.Module):
        super().__init__()
        self.layer4 = layer4

    def forward(self, maps: torch.Tensor) -> torch.Tensor:
        return self.layer4(maps.float()).mean((2, 3))


def fit_resnet50_transfer(train: PhotoSet, val: PhotoSet | None, settings: dict, seed: int) -> Fitted:
    size = settings["image_size"]
    progress = settings.get("progress", True)
    encoder = create_encoder("resnet50")
    for p in encoder.parameters():
        p.requires_grad_(False)
    resnet = encoder.net.net
    for p in resnet.layer4.parameters():
        p.requires_grad_(True)
    torch.manual_seed(seed)
    head = LinearHead(encoder.feature_dim, len(train.classes))
    model = EncoderWithHead(Layer4Pooled(resnet.layer4), head)
    aug = settings.get("augment", {})
    criterion = classification_loss(settings)

    def loss_fn(model, batch, training):
        maps, y = batch
        maps = maps.float()
        if training and aug:
            maps = augmented(maps, aug)
        logits = model(maps)
        return criterion(logits, y), int((logits.argmax(1) == y).sum())

    def maps_of(photos: PhotoSet) -> torch.Tensor:
        return resnet_trunk(photos, size, progress)[1]

    data = TensorDataset(maps_of(train), torch.from_numpy(train.labels))
    val_data = TensorDataset(maps_of(val), torch.from_numpy(val.labels)) if val is not None else None
    result = train_loop(model, loss_fn, data, val_data, train_config(settings, seed, "fine-tuning Layer4"))
    model.eval()
    temperature = calibrate(batched(model, maps_of(val)), val.labels) if val is not None else 1.0
    info = {"training": result.to_dict(), "trainable": "layer4 + head", "image_size": size}
    classifier = None
    if size == MODEL_SIZE:
        classifier = as_classifier(encoder, head, train.classes, temperature, info)
    return Fitted(lambda photos: softmax(batched(model, maps_of(photos)), temperature), classifier, info)


def fit_fusion_topk(train: PhotoSet, val: PhotoSet | None, settings: dict, seed: int) -> Fitted:
    """A linear head on frozen F2+F4 features, trained with the weighted top-k loss."""
    size = settings["image_size"]
    progress = settings.get("progress", True)
    X = fusion_features(train, size, progress)
    torch.manual_seed(seed)
    head = LinearHead(X.shape[1], len(train.classes))
    head.standardize.fit(X.numpy())
    criterion = classification_loss(settings)

    def loss_fn(model, batch, training):
        x, y = batch
        logits = model(x)
        return criterion(logits, y), int((logits.argmax(1) == y).sum())

    data = TensorDataset(X, torch.from_numpy(train.labels))
    val_data = None
    if val is not None:
        val_data = TensorDataset(fusion_features(val, size, progress), torch.from_numpy(val.labels))
    config = train_config(settings, seed, "F2+F4 head, weighted top-k loss", progress=progress)
    result = train_loop(head, loss_fn, data, val_data, config)
    temperature = calibrate(batched(head, val_data.tensors[0]), val.labels) if val is not None else 1.0
    info = {"training": result.to_dict(), "trainable": "head (encoder frozen)", "image_size": size}
    classifier = None
    if size == MODEL_SIZE:
        encoder = create_encoder("resnet50_f2f4")
        classifier = as_classifier(encoder, head, train.classes, temperature, info, finetuned=False)
    shown = val or train

    def write_extras(path: Path) -> None:
        """The paper's pictures: t-SNE of the fused features, Grad-CAM of a few held-out photos."""
        from gemlang.explain import embedding_plot, save_explanation_grid
        from gemlang.model import GemClassifier

        embedding_plot(X.numpy(), train.labels, train.classes, path / "tsne_f2f4.png", "t-SNE of F2+F4 features")
        examples = list(shown.data.paths[:: max(1, len(shown) // 6)][:6])
        save_explanation_grid(GemClassifier.load(path), examples, path / "gradcam.png", method="gradcam")

    return Fitted(
        lambda photos: softmax(batched(head, fusion_features(photos, size, progress)), temperature),
        classifier,
        info,
        write_extras if classifier is not None else None,
    )
