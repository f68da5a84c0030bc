"""Painted photos of gems: a few seconds of input that prove a script still runs end to end.

The eval scripts' `--smoke` mode and the tests (tests/conftest.py) paint their photos here. A smoke run
measures nothing: it paints a tiny collection of known gems, runs the script's whole path on it with a
light encoder, and writes its reports to a folder of its own (never eval/results/).
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
SMOKE_CNN = "residual_cnn:32"  # a small CNN with no weights to load, where a script needs a network


def smoke_results(given: Path, real: Path, tmp: Path) -> Path:
    """The folder a smoke run writes its reports to: the one given, unless that is the real reports' folder."""
    return tmp / "results" if Path(given).resolve() == Path(real).resolve() else Path(given)


def paint_gem(colour, shape: str, seed: int, size: int = 64) -> Image.Image:
    """A stone-like blob on a light background, jittered in colour, position and size."""
    rng = np.random.default_rng(seed)
    image = Image.new("RGB", (size, size), tuple(int(v) for v in rng.integers(215, 255, 3)))
    draw = ImageDraw.Draw(image)
    c = tuple(int(np.clip(v + rng.integers(-25, 25), 0, 255)) for v in colour)
    x0, y0 = rng.integers(4, 16, 2)
    x1, y1 = size - rng.integers(4, 16, 2)
    if shape == "ellipse":
        draw.ellipse((x0, y0, x1, y1), fill=c)
    elif shape == "rectangle":
        draw.rectangle((x0, y0, x1, y1), fill=c)
    else:
        draw.polygon([(size // 2, y0), (x1, size // 2), (size // 2, y1), (x0, size // 2)], fill=c)
    noise = rng.normal(0, 6, (size, size, 3))
    return Image.fromarray(np.clip(np.asarray(image) + noise, 0, 255).astype(np.uint8))


def painted_folder(root: Path, per_class: int = 6, classes: dict | None = None) -> Path:
    """root/<gem>/<i>.jpg for each of `classes` (name -> (colour, shape); default GEMS); returns root."""
    for k, (name, (colour, shape)) in enumerate((classes or GEMS).items()):
        (root / name).mkdir(parents=True, exist_ok=True)
        for i in range(per_class):
            paint_gem(colour, shape, seed=100 * k + i).save(root / name / f"{i}.jpg", quality=92)
    return root
