"""Training: feature-based heads with cross-validation and calibration, and end-to-end fine-tuning."""

from gemlang.training.fit import DEFAULT_ENCODER, train_classifier
from gemlang.training.folds import (
    FolderFeatures,
    HeldOut,
    encode_folder,
    folder_features,
    held_out_cache,
    held_out_predictions,
    held_out_probabilities,
    out_of_fold_logits,
)

__all__ = [
    "DEFAULT_ENCODER",
    "FolderFeatures",
    "HeldOut",
    "encode_folder",
    "folder_features",
    "held_out_cache",
    "held_out_predictions",
    "held_out_probabilities",
    "out_of_fold_logits",
    "train_classifier",
]
