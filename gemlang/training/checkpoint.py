"""A training run's resumable state: safetensors for every tensor, JSON for everything else.

Written after each finished epoch next to the best-state checkpoint, so a run that is killed (a laptop
lid, a pre-empted GPU node, Ctrl-C) continues from its last epoch when started again, with the same
optimizer moments, learning-rate schedule, random streams and early-stopping record. Nothing is
pickled: the state is tensors plus plain JSON, written atomically (a crash mid-write keeps the
previous state).
"""

from __future__ import annotations

import json
from pathlib import Path

import torch
from safetensors.torch import load_file, save

from gemlang.io import atomic_file, write_json_atomic


def resume_paths(checkpoint: str | Path) -> tuple[Path, Path]:
    """(tensors, record) files of the resumable state that goes with a best-state checkpoint file."""
    checkpoint = Path(checkpoint)
    stem = checkpoint.name.removesuffix(".safetensors")
    return checkpoint.with_name(f"{stem}.last.safetensors"), checkpoint.with_name(f"{stem}.last.json")


def save_training_state(
    checkpoint: str | Path,
    model: torch.nn.Module,
    optimizer: torch.optim.Optimizer,
    scheduler,
    loader_generator: torch.Generator,
    record: dict,
) -> None:
    """Everything needed to continue after the epoch in `record` (epoch, history, best, stale, ...)."""
    tensors_path, record_path = resume_paths(checkpoint)
    tensors = {f"model.{k}": v for k, v in model.state_dict().items()}
    opt_state = optimizer.state_dict()
    scalars: dict[str, dict] = {}
    for pid, state in opt_state["state"].items():
        for name, value in state.items():
            if torch.is_tensor(value):
                tensors[f"optimizer.{pid}.{name}"] = value
            else:
                scalars.setdefault(str(pid), {})[name] = value
    tensors["rng.torch"] = torch.get_rng_state()
    tensors["rng.loader"] = loader_generator.get_state()
    with atomic_file(tensors_path, "wb") as f:
        f.write(safetensors_bytes(tensors))
    write_json_atomic(
        {
            **record,
            "optimizer_param_groups": opt_state["param_groups"],
            "optimizer_scalars": scalars,
            "scheduler": scheduler.state_dict(),
        },
        record_path,
    )


def load_training_state(
    checkpoint: str | Path,
    model: torch.nn.Module,
    optimizer: torch.optim.Optimizer,
    scheduler,
    loader_generator: torch.Generator,
) -> dict | None:
    """Restore the state saved by `save_training_state` into the given objects; its record, or None."""
    tensors_path, record_path = resume_paths(checkpoint)
    if not (tensors_path.is_file() and record_path.is_file()):
        return None
    tensors = load_file(str(tensors_path))
    record = json.loads(record_path.read_text())
    model.load_state_dict({k.removeprefix("model."): v for k, v in tensors.items() if k.startswith("model.")})
    state: dict[int, dict] = {}
    for key, value in tensors.items():
        if key.startswith("optimizer."):
            _, pid, name = key.split(".", 2)
            state.setdefault(int(pid), {})[name] = value
    for pid, values in record.pop("optimizer_scalars").items():
        state.setdefault(int(pid), {}).update(values)
    optimizer.load_state_dict({"state": state, "param_groups": record.pop("optimizer_param_groups")})
    scheduler.load_state_dict(record.pop("scheduler"))
    torch.set_rng_state(tensors["rng.torch"])
    loader_generator.set_state(tensors["rng.loader"])
    return record


def safetensors_bytes(tensors: dict[str, torch.Tensor]) -> bytes:
    return save({k: v.detach().cpu().contiguous() for k, v in tensors.items()})
