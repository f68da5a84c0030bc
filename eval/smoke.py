"""Painted photos for the eval scripts' `--smoke` mode: a few seconds that prove a script still runs end to end.

A smoke run measures nothing: it paints a tiny collection of known gems, runs the script's whole path on it
with a light encoder, and writes its reports to a folder of its own (never eval/results/).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

# Gems the knowledge base knows (zero-shot and descriptions need their facts), told apart by colour and shape.
GEMS = {
    "Ruby": ((200, 20, 40), "ellipse"),
    "Emerald": ((20, 160, 70), "rectangle"),
    "Sapphire Blue": ((30, 50, 200), "polygon"),
    "Citrine": ((230, 190, 30), "ellipse"),
}
SMOKE_ENCODER = "colour_hist"


def paint(colour: tuple[int, int, int], shape: str, seed: int, size: int = 48) -> Image.Image:
    rng = np.random.default_rng(seed)
    image = Image.new("RGB", (size, size), tuple(int(v) for v in rng.integers(215, 255, 3)))
    draw = ImageDraw.Draw(image)
    fill = tuple(int(np.clip(v + rng.integers(-25, 25), 0, 255)) for v in colour)
    x0, y0 = (int(v) for v in rng.integers(3, 12, 2))
    x1, y1 = (size - int(v) for v in rng.integers(3, 12, 2))
    if shape == "ellipse":
        draw.ellipse((x0, y0, x1, y1), fill=fill)
    elif shape == "rectangle":
        draw.rectangle((x0, y0, x1, y1), fill=fill)
    else:
        draw.polygon([(size // 2, y0), (x1, size // 2), (size // 2, y1), (x0, size // 2)], fill=fill)
    noise = rng.normal(0, 6, (size, size, 3))
    return Image.fromarray(np.clip(np.asarray(image) + noise, 0, 255).astype(np.uint8))


def painted_folder(root: Path, per_class: int = 6, gems: int = len(GEMS)) -> Path:
    """root/<gem>/<i>.png for the first `gems` gems; returns root."""
    for k, (name, (colour, shape)) in enumerate(list(GEMS.items())[:gems]):
        (root / name).mkdir(parents=True, exist_ok=True)
        for i in range(per_class):
            paint(colour, shape, seed=100 * k + i).save(root / name / f"{i}.png")
    return root
