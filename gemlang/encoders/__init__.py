"""Image encoders: a registry of named feature extractors, each carrying its own preprocessing.

The names below are imported on first use, so `gemlang.encoders.pixels` (numpy only) can be used by
the serving path without importing torch.
"""

import importlib

_EXPORTS = {
    "Encoder": "gemlang.encoders.base",
    "EncoderError": "gemlang.encoders.base",
    "create_encoder": "gemlang.encoders.registry",
    "list_encoders": "gemlang.encoders.registry",
    "register_encoder": "gemlang.encoders.registry",
    "register_encoder_prefix": "gemlang.encoders.registry",
    "split_spec": "gemlang.encoders.registry",
    "check_spec": "gemlang.encoders.registry",
}
__all__ = list(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'gemlang.encoders' has no attribute {name!r}")
