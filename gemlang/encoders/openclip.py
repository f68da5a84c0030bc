"""A user's own CLIP image tower, from a weights file on their disk (no hub downloads)."""

from __future__ import annotations

from pathlib import Path

from torch import nn

from gemlang.encoders.base import Encoder, EncoderError, load_state_dict
from gemlang.encoders.registry import register_encoder_prefix


class _ImageTower(nn.Module):
    def __init__(self, model: nn.Module):
        super().__init__()
        self.model = model

    def forward(self, x):
        return self.model.encode_image(x, normalize=True)


@register_encoder_prefix("open_clip", "a CLIP image tower from a local file: open_clip:<arch>@PATH")
def open_clip_encoder(arch: str, weights: str | None = None) -> Encoder:
    import open_clip

    if not weights:
        raise EncoderError(
            f"open_clip:{arch} needs a local weights file: --encoder open_clip:{arch}@PATH; gemlang never "
            "downloads weights."
        )
    if arch not in open_clip.list_models():
        raise EncoderError(f"open_clip has no architecture {arch!r}; see open_clip.list_models().")
    path = Path(weights)
    model = open_clip.create_model(arch, pretrained=None)
    state = load_state_dict(str(path), f"open_clip:{arch}")
    missing, _ = model.load_state_dict(state, strict=False)
    if [k for k in missing if k.startswith("visual.")]:
        raise EncoderError(f"open_clip:{arch}: {path} does not match the architecture (missing visual weights).")
    model.eval()
    visual = model.visual
    preprocess = open_clip.image_transform(
        visual.image_size,
        is_train=False,
        mean=getattr(visual, "image_mean", None),
        std=getattr(visual, "image_std", None),
    )
    return Encoder(
        f"open_clip:{arch}",
        _ImageTower(model),
        preprocess,
        int(
            model.text_projection.shape[-1]
            if hasattr(model, "text_projection") and model.text_projection is not None
            else visual.output_dim
        ),
        f"{path.name}|{path.stat().st_size}",
    )
