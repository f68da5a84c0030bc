"""A short hash of a model's config and weights: what a catalog or an index records about what made it."""

from __future__ import annotations

import hashlib
import json
from typing import Any


def fingerprint(config: dict[str, Any], module: Any = None) -> str:
    """ "sha256:<16 hex>" of the config (key order ignored) and the module's tensors, if any."""
    h = hashlib.sha256(json.dumps(config, sort_keys=True, default=str).encode())
    if module is not None:
        for name, tensor in sorted(module.state_dict().items()):
            h.update(name.encode())
            h.update(tensor.detach().cpu().contiguous().numpy().tobytes())
    return "sha256:" + h.hexdigest()[:16]
