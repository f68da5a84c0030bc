"""The artefacts gemlang ships, and how each is built: `gemlang build NAME` runs `BUILDERS[NAME]`.

Building is not measuring: a build trains on every photo and writes a folder inside the package (or
`--out`); the benchmarks under eval/ only measure and write reports. To add a build, add one `Builder` to
`BUILDERS`; its options become the command's options.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gemlang.commands import positive_int

PACKAGE = Path(__file__).parent


@dataclass(frozen=True)
class Builder:
    """`build(data=Path, out=Path, cache=FeatureCache, seed=int, **options) -> object` writes the folder `out`.

    `options` are the extra command-line options: name -> `argparse.add_argument` keywords; their values
    reach `build` as keyword arguments of the same name.
    """

    summary: str
    default_out: Path
    build: Callable[..., Any]
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    # where a build for another model than the built-in one goes without --out (its `model` option's folder):
    # the shipped folder belongs to the built-in model, and replacing it would change every user's answers
    beside_model: str = ""

    def out_for(self, options: dict[str, Any]) -> Path:
        """`default_out`, or for a build made for a model folder (`--model DIR`), that folder's `beside_model`."""
        model = str(options.get("model") or "default")
        return self.default_out if not self.beside_model or model == "default" else Path(model) / self.beside_model


def _build_default(**kwargs):
    from gemlang.training.build import build_default_model

    return build_default_model(**kwargs)


def _build_alignment(**kwargs):
    from gemlang.language.alignment_build import build_default_alignment

    return build_default_alignment(**kwargs)


def _build_fusion(**kwargs):
    from gemlang.fusion.train import build_fusion_folder

    return build_fusion_folder(**kwargs)


def _build_scope(data, out, cache=None, seed=0, folds=5, **_):
    from gemlang.training.scope_check import add_scope_check

    return add_scope_check(out, data, cache, seed, folds)


BUILDERS: dict[str, Builder] = {
    "default": Builder(
        "the built-in classifier (gemlang.recipe.BUILT_IN), cross-validated, with its model card",
        PACKAGE / "default_model",
        _build_default,
        {
            "cv": {"type": int, "default": 5, "help": "cross-validation folds for the scores and calibration"},
            "int8": {
                "type": int,
                "default": None,
                "metavar": "PHOTOS",
                "help": "training photos that calibrate the int8 encoders (default: the built-in recipe's, 64); "
                "0 keeps float32 encoders, e.g. for a GPU",
            },
            "companion": {
                "default": None,
                "metavar": "BACKBONE",
                "help": "backbone fine-tuned beside the frozen encoders, its answers multiplied in (default: the "
                "built-in recipe's, mobilenet_v2; most of the build's time on a CPU); 'none' leaves it out",
            },
        },
    ),
    "fusion": Builder(
        "the evidence model's settings for a classifier (photo weight, locality, 'not sure' threshold), "
        "calibrated on its held-out photos",
        PACKAGE / "default_fusion",
        _build_fusion,
        {
            "model": {"default": "default", "help": "the classifier: 'default' or a model folder"},
            "folds": {"type": int, "default": 5, "help": "folds of the held-out photo probabilities"},
        },
        beside_model="fusion",  # where `Assistant.load(model)` looks for them
    ),
    "alignment": Builder(
        "the image-text alignment behind zero-shot recognition, retrieval and `gemlang search`",
        PACKAGE / "language" / "default_alignment",
        _build_alignment,
        {
            "steps": {"type": positive_int, "default": 1500, "help": "training steps (default 1500)"},
            "results": {
                "type": Path,
                "default": None,
                "metavar": "ZERO_SHOT.json",
                "help": "eval/results/zero_shot.json, whose measured figures the model card quotes",
            },
        },
    ),
    "scope": Builder(
        "the out-of-scope check of a model folder (--out, default the built-in model), from its training photos "
        "and its head recipe's held-out probabilities",
        PACKAGE / "default_model",
        _build_scope,
        {
            "folds": {
                "type": int,
                "default": 5,
                "help": "folds of the held-out probabilities whose entropy the check reads (kept beside the "
                "feature cache); below 2 the check reads the feature distance alone",
            }
        },
    ),
}
