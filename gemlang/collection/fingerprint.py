"""Short hashes of a model's config and weights: what a catalog or an index records about what made it."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any


def fingerprint(config: dict[str, Any], module: Any = None) -> str:
    """ "sha256:<16 hex>" of the config (key order ignored) and the module's tensors, if any."""
    h = hashlib.sha256(json.dumps(config, sort_keys=True, default=str).encode())
    if module is not None:
        for name, tensor in sorted(module.state_dict().items()):
            h.update(name.encode())
            h.update(tensor.detach().cpu().contiguous().numpy().tobytes())
    return "sha256:" + h.hexdigest()[:16]


def folder_fingerprint(folder: str | Path) -> str:
    """ "sha256:<16 hex>" of a model folder's config and weights files (*.json, *.safetensors), by name.

    Read from disk, so taking it never builds the model (a served classifier need not load PyTorch).
    """
    h = hashlib.sha256()
    for file in sorted(Path(folder).iterdir()):
        if file.is_file() and file.suffix in (".json", ".safetensors"):
            h.update(file.name.encode() + b"\0")
            with open(file, "rb") as f:
                for chunk in iter(lambda: f.read(1 << 20), b""):
                    h.update(chunk)
    return "sha256:" + h.hexdigest()[:16]
