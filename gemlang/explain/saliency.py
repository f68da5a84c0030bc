"""Which part of the photo mattered: Grad-CAM and VarGrad for any CNN-based `GemClassifier`.

Grad-CAM (Selvaraju et al. 2017) weights the channels of the last convolutional map by the gradient
of the class score, averaged over the map: coarse, but it follows what the head actually uses.
VarGrad (Adebayo et al. 2018) is the variance of the input gradient over noisy copies of the photo:
pixel-sharp, and less dominated by a few saturated pixels than a single gradient.

Both take the score the user sees: the head's logit of the class, after the model's calibration
temperature, on the same preprocessed photo that `GemClassifier.predict` uses. In a model whose
features join several encoders (e.g. "mobilenet_v2_multi+efficientnet_lite0_multi+colour_hist"), the
map follows the first CNN encoder; the other encoders' features are held fixed.
"""

from __future__ import annotations

import numpy as np
import torch
from PIL import Image
from torch import nn
from torch.nn import functional as F

from gemlang.data import load_image
from gemlang.encoders import Encoder
from gemlang.encoders.base import TappedPooling
from gemlang.errors import GemlangError
from gemlang.wording import some_of

METHODS = ("gradcam", "vargrad")


class ExplainError(GemlangError, ValueError):
    """A model or photo that cannot be explained; the message says why."""


def _cnn_encoder(classifier) -> int:
    for i, encoder in enumerate(classifier.extractor.encoders):
        if any(isinstance(m, nn.Conv2d) for m in encoder.modules()):
            return i
    raise ExplainError(
        f"model encoder {classifier.extractor.spec!r} has no convolutional network to explain; "
        "Grad-CAM and VarGrad need a CNN encoder (e.g. mobilenet_v2)."
    )


def target_layer(encoder: Encoder) -> nn.Module:
    """The map Grad-CAM reads: a TappedPooling encoder's last tap, else the last Conv2d."""
    net = encoder.net
    if isinstance(net, TappedPooling):
        return dict(net.net.named_modules())[net.taps[-1]]
    return [m for m in net.modules() if isinstance(m, nn.Conv2d)][-1]


def _scores(classifier, image: Image.Image, cnn: int, x: torch.Tensor) -> torch.Tensor:
    """Calibrated logits (len(x), C) with x as the CNN encoder's input; other encoders see the photo as is."""
    parts = []
    # The other encoders' features are constants here: the serving path (onnxruntime) computes them faster.
    serving = classifier.serving()
    fixed = serving.extractor if serving is not None else classifier.extractor
    for i, encoder in enumerate(classifier.extractor.encoders):
        if i == cnn:
            parts.append(encoder(x))
        else:
            feature = torch.from_numpy(fixed.encode_part(i, [image]))
            parts.append(feature.expand(len(x), -1).to(x.device))
    return classifier.head(torch.cat(parts, 1)) / classifier.temperature


def _resize(heat: torch.Tensor, size: tuple[int, int]) -> np.ndarray:
    """(h, w) map -> (H, W) of the photo, scaled to [0, 1]."""
    heat = F.interpolate(heat[None, None].float(), size=(size[1], size[0]), mode="bilinear", align_corners=False)[0, 0]
    heat = heat - heat.min()
    return (heat / heat.max() if heat.max() > 0 else heat).detach().cpu().numpy()


def gradcam(classifier, image: Image.Image, target: int) -> np.ndarray:
    cnn = _cnn_encoder(classifier)
    encoder = classifier.extractor.encoders[cnn]
    device = next(encoder.parameters()).device
    kept = {}
    hook = target_layer(encoder).register_forward_hook(lambda _m, _i, out: kept.__setitem__("map", out))
    try:
        x = encoder.preprocess(image)[None].to(device).requires_grad_(True)
        score = _scores(classifier, image, cnn, x)[0, target]
        (grad,) = torch.autograd.grad(score, kept["map"])
    finally:
        hook.remove()
    weights = grad.mean((2, 3), keepdim=True)
    cam = F.relu((weights * kept["map"]).sum(1))[0]
    return _resize(cam, image.size)


VARGRAD_BATCH = 4  # noisy copies back-propagated together


def vargrad(
    classifier,
    image: Image.Image,
    target: int,
    samples: int = 24,
    noise: float = 0.15,
    shift: int = 8,
    seed: int = 0,
):
    """Variance of the input gradient over noisy, slightly shifted copies of the photo.

    Strided convolutions give some input pixels more gradient than others in a fixed grid that has
    nothing to do with the photo; shifting each copy by up to `shift` pixels (and shifting its gradient
    back) spreads that grid evenly, so what remains is what the photo itself makes uncertain.
    """
    cnn = _cnn_encoder(classifier)
    encoder = classifier.extractor.encoders[cnn]
    x = encoder.preprocess(image)[None].to(next(encoder.parameters()).device)
    generator = torch.Generator().manual_seed(seed)
    sigma = noise * float(x.max() - x.min())
    offsets = torch.randint(-shift, shift + 1, (samples, 2), generator=generator).tolist()
    noise_draw = sigma * torch.randn((samples, *x.shape[1:]), generator=generator).to(x.device)
    grads = []
    for start in range(0, samples, VARGRAD_BATCH):  # a few copies at a time: all 24 at once took about 3 GB
        chunk = offsets[start : start + VARGRAD_BATCH]
        shifted = torch.cat([torch.roll(x, (dy, dx), dims=(2, 3)) for dy, dx in chunk])
        shifted = (shifted + noise_draw[start : start + len(chunk)]).requires_grad_(True)
        score = _scores(classifier, image, cnn, shifted)[:, target].sum()  # samples are independent in eval mode
        (grad,) = torch.autograd.grad(score, shifted)
        grads += [torch.roll(g, (-dy, -dx), dims=(1, 2)) for g, (dy, dx) in zip(grad, chunk, strict=True)]
    grad = torch.stack(grads)
    heat = grad.var(0).sum(0)
    heat = heat.clamp(max=torch.quantile(heat.flatten(), 0.99))  # a few extreme pixels would hide the rest
    heat = F.avg_pool2d(heat[None, None], 3, stride=1, padding=1, count_include_pad=False)[0, 0]
    return _resize(heat, image.size)


def overlay(image: Image.Image, heatmap: np.ndarray, alpha: float = 0.5) -> Image.Image:
    """The photo with the heat map blended over it (turbo colours: dark blue = ignored, red = decisive)."""
    from matplotlib import colormaps

    colours = (colormaps["turbo"](heatmap)[..., :3] * 255).astype(np.uint8)
    return Image.blend(image.convert("RGB"), Image.fromarray(colours).resize(image.size), alpha)


def explain(classifier, image, method: str = "gradcam", target: int | str | None = None):
    """(heat map (H, W) in [0, 1] at the photo's size, overlay image) for the class `target`.

    `target` is a class index or name; None explains the predicted class. `image` is a path, bytes or
    PIL image (loaded with `load_image`, so EXIF rotation and odd formats are handled).
    """
    if method not in METHODS:
        raise ExplainError(f"unknown explanation method {method!r}; choose one of: {', '.join(METHODS)}")
    image = load_image(image)
    classifier.head.eval()
    for encoder in classifier.extractor.encoders:
        encoder.eval()
    if target is None:
        target = int(np.argmax(classifier.predict_proba([image])[0][0]))
    elif isinstance(target, str):
        by_name = {c.casefold(): i for i, c in enumerate(classifier.classes)}  # "amethyst" is Amethyst
        if target.casefold() not in by_name:
            import difflib

            close = difflib.get_close_matches(target, classifier.classes, n=3, cutoff=0.6)
            classes = classifier.classes
            listed = some_of(classes, 5)
            hint = f"did you mean {', '.join(close)}?" if close else f"its classes are {listed}"
            raise ExplainError(f"the model has no class {target!r}; {hint}")
        target = by_name[target.casefold()]
    heat = gradcam(classifier, image, target) if method == "gradcam" else vargrad(classifier, image, target)
    return heat, overlay(image, heat)
