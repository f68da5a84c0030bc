"""Training: feature-based heads with cross-validation and calibration, and end-to-end fine-tuning."""

from gemlang.training.fit import DEFAULT_ENCODER, encode_folder, out_of_fold_logits, train_classifier

__all__ = ["DEFAULT_ENCODER", "encode_folder", "out_of_fold_logits", "train_classifier"]
