"""The seed papers' methods, runnable by name: `gemlang train --method NAME`.

Each method is a preset (presets/NAME.json: the paper's citation, what it reported, the settings used
here and how they differ from the paper) plus a `fit(train, val, settings, seed) -> Fitted` function.
Methods that are one network end to end save a normal `GemClassifier` model folder; the scikit-learn
forest method is evaluation-only (no pickle-free way to save it) and runs with --cv K.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

PRESETS_DIR = Path(__file__).parent / "presets"
ORDER = ["resnet50-transfer", "fusion-topk", "residual-cnn", "vae", "autoencoder-knn", "histogram-rf"]


def list_methods() -> dict[str, dict]:
    """Method name -> its preset, in the order the seed comparison reports them."""
    found = {p.stem: json.loads(p.read_text()) for p in sorted(PRESETS_DIR.glob("*.json"))}
    return {name: found[name] for name in sorted(found, key=lambda n: (ORDER + [n]).index(n))}


def load_preset(name: str) -> dict:
    path = PRESETS_DIR / f"{name}.json"
    if not path.is_file():
        from gemlang.errors import UsageError

        raise UsageError(f"unknown method {name!r}; known methods: {', '.join(list_methods())} (see --list-methods)")
    return json.loads(path.read_text())


def method_settings(name: str, overrides: dict | None = None) -> dict:
    """The preset's settings with `overrides` (None values ignored) on top."""
    settings = dict(load_preset(name)["settings"])
    settings.update({k: v for k, v in (overrides or {}).items() if v is not None})
    return settings


def get_fitter(name: str) -> Callable:
    load_preset(name)  # a clear error for unknown names
    from gemlang.methods import classic, scratch, transfer

    return {
        "resnet50-transfer": transfer.fit_resnet50_transfer,
        "fusion-topk": transfer.fit_fusion_topk,
        "residual-cnn": scratch.fit_residual_cnn,
        "vae": scratch.fit_vae,
        "autoencoder-knn": scratch.fit_autoencoder_knn,
        "histogram-rf": classic.fit_histogram_rf,
    }[name]


def describe_methods() -> str:
    """The text of `gemlang train --list-methods`."""
    lines = []
    for name, preset in list_methods().items():
        kind = "model folder" if preset.get("saves_model") else "evaluation-only (--cv K)"
        lines += [
            f"{name}  [{kind}]",
            f"    {preset['summary']}",
            f"    paper: {preset['paper']['citation']}",
            f"    reported: {preset['paper']['reported']}",
            f"    here: {preset['differences']}",
            "",
        ]
    return "\n".join(lines).rstrip() + "\n"


from gemlang.methods.runner import evaluate_on_folds, train_method  # noqa: E402

__all__ = [
    "describe_methods",
    "evaluate_on_folds",
    "get_fitter",
    "list_methods",
    "load_preset",
    "method_settings",
    "train_method",
]
