"""Image encoders: a registry of named feature extractors, each carrying its own preprocessing."""

from gemlang.encoders.base import Encoder, EncoderError
from gemlang.encoders.registry import (
    create_encoder,
    list_encoders,
    register_encoder,
    register_encoder_prefix,
    split_spec,
)

__all__ = [
    "Encoder",
    "EncoderError",
    "create_encoder",
    "list_encoders",
    "register_encoder",
    "register_encoder_prefix",
    "split_spec",
]
