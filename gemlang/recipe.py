"""What a classifier is made of, written once: the encoder, the head and its options, test-time augmentation.

A `Recipe` is the whole answer to "how was this model built?", short of the photos. The built-in model, the
default of `gemlang train`, the benchmarks that re-train the built-in recipe on folds, and the image-text
alignment all read their recipe from here, so they cannot drift apart. Importing this module is cheap (no
torch), so the CLI's --help can show the defaults.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from torch import nn

    from gemlang.data import ImageFolder
    from gemlang.features import FeatureExtractor
    from gemlang.model import GemClassifier


@dataclass(frozen=True)
class Recipe:
    """An encoder spec (names joined by '+'), a head type from `gemlang.heads.HEADS` with its options, TTA,
    `int8`: how many training photos calibrate the encoders' int8 quantization (0: float32 encoders), and
    `companion`: a backbone fine-tuned end to end whose calibrated answers multiply the head's ("" for none;
    see gemlang.training.companion)."""

    name: str
    encoder: str
    head: str = "linear"
    head_options: Mapping[str, Any] = field(default_factory=dict)
    tta: bool = False
    int8: int = 0
    companion: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "head_options", MappingProxyType(dict(self.head_options)))

    def with_changes(self, **changes: Any) -> Recipe:
        """A copy with some fields replaced (None values ignored), e.g. from command-line options.

        A new head type without options of its own starts from its defaults: options belong to one head.
        """
        changes = {k: v for k, v in changes.items() if v is not None}
        if changes.get("head", self.head) != self.head:
            changes.setdefault("head_options", {})
        return Recipe(**{**self.to_dict(), **changes})

    def extractor(self) -> FeatureExtractor:
        from gemlang.features import FeatureExtractor

        return FeatureExtractor(self.encoder, tta=self.tta)

    def feature_extractor(self, data: ImageFolder, extractor: FeatureExtractor | None = None):
        """What computes the features the head is fitted on: the encoders (`extractor`, else a new one), or
        with `int8` their quantized graphs, calibrated on `int8` photos of the training folder `data`.
        """
        extractor = extractor or self.extractor()
        if not self.int8:
            return extractor
        from gemlang.data import deduplicate
        from gemlang.serving.quantize import int8_extractor

        return int8_extractor(extractor, deduplicate(data).paths, self.int8)

    def make_head(self, in_dim: int, n_classes: int) -> nn.Module:
        """A new, untrained head of this recipe for `in_dim`-d features and `n_classes` classes."""
        from gemlang.heads import build_head

        return build_head({"type": self.head, **self.head_options, "in_dim": in_dim, "n_classes": n_classes})

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "encoder": self.encoder,
            "head": self.head,
            "head_options": dict(self.head_options),
            "tta": self.tta,
            "int8": self.int8,
            "companion": self.companion,
        }

    @classmethod
    def of_classifier(cls, clf: GemClassifier, name: str = "") -> Recipe:
        """The recipe a trained classifier was built with, read from its encoder and its head's config."""
        options = {k: v for k, v in clf.head.config.items() if k not in ("type", "in_dim", "n_classes")}
        int8 = clf.info["int8"]["photos"] if clf.int8 else 0
        companion = clf.companion.extractor.spec if clf.companion is not None else ""
        return cls(
            name or "model", clf.extractor.spec, clf.head.config["type"], options, clf.extractor.tta, int8, companion
        )


# The classifier that ships in gemlang/default_model/ (`gemlang build default`): pooled features of several
# depths of two ImageNet CNNs plus a colour histogram; the linear and MLP heads' probabilities averaged. The
# CNNs run as int8 graphs: a third faster on a CPU at the same cross-validated top-1 (eval/results/int8_linear_mlp/).
# Beside them, a MobileNetV2 fine-tuned on the gems: the two make different mistakes, and multiplied they gain
# about a point of top-1 and of top-5 on every fold (eval/results/finetune_fold.md).
BUILT_IN = Recipe(
    name="built-in",
    encoder="mobilenet_v2_multi+efficientnet_lite0_multi+colour_hist",
    head="linear+mlp",
    head_options={"C": 0.05},
    int8=64,
    companion="mobilenet_v2",
)

# `gemlang train` without options: the built-in recipe's frozen encoders and heads, in float32 (they run on a GPU
# too) and without its fine-tuned companion (tens of minutes). On a 759-photo, 20-class folder it trains in about a
# minute on 2 CPU cores and is right 90.1% of the time on held-out photos, against 86.8% for MobileNetV2 + logistic
# regression (eval/results/train_default.md).
TRAIN_DEFAULT = Recipe(
    name="train-default", encoder=BUILT_IN.encoder, head=BUILT_IN.head, head_options=dict(BUILT_IN.head_options)
)

# The frozen image tower of the image-text alignment (gemlang/language/default_alignment/). Lighter than the
# classifier's: the projections trained on it are what is shipped, and their quality was measured with it
# (eval/results/zero_shot.md); changing it means rebuilding and re-measuring the alignment.
ALIGNMENT_IMAGE_ENCODER = "mobilenet_v2_multi+colour_hist"
