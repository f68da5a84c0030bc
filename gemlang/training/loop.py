"""The end-to-end training loop: Accelerate, early stopping on a validation split, best-state checkpoints.

One loop for every network gemlang trains end to end (the seed papers' CNNs, VAE and autoencoder,
ResNet-50 fine-tuning). A method supplies only `loss_fn(model, batch, training) -> (loss, n_correct)`;
the loop does the rest: seeding, device placement (the GPU when Accelerate finds one, else the CPU),
progress bars, validation after every epoch, keeping the best state (atomically written as
safetensors when a checkpoint path is given), stopping when validation stops improving, and handing
back the model in its best state. With `resume=True` the full training state is saved after every
epoch (gemlang.training.checkpoint) and a run started again continues where the last one stopped.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import torch
from accelerate import Accelerator
from accelerate.utils import set_seed
from safetensors.torch import load_file
from torch import nn
from torch.utils.data import DataLoader, Dataset
from tqdm.auto import tqdm

from gemlang.io import atomic_file, bars_off
from gemlang.training.checkpoint import load_training_state, safetensors_bytes, save_training_state

logger = logging.getLogger("gemlang")

# loss_fn(model, batch, training) -> (mean loss of the batch, number of correct predictions or None)
LossFn = Callable[[nn.Module, tuple, bool], tuple[torch.Tensor, int | None]]


@dataclass
class TrainConfig:
    epochs: int = 10
    batch_size: int = 32
    lr: float = 1e-3
    weight_decay: float = 1e-4
    patience: int = 3  # epochs without a better validation loss before stopping
    seed: int = 0
    max_batches: int | None = None  # cap on batches per epoch: smoke tests and quick looks
    progress: bool = True
    desc: str = "training"
    checkpoint_dir: str | None = None  # best state also written to <dir>/<desc>.safetensors
    resume: bool = False  # with a checkpoint: save the state every epoch and continue from it if present


@dataclass
class TrainResult:
    best_epoch: int
    best_val_loss: float
    best_val_accuracy: float | None
    stopped_early: bool
    seconds: float
    history: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)


def save_state_atomic(state: dict[str, torch.Tensor], path: str | Path) -> None:
    """Write a state dict as safetensors so that a crash mid-write never leaves a half checkpoint (and with the
    permissions of any file gemlang writes, not a temporary file's private ones)."""
    with atomic_file(path, "wb") as f:
        f.write(safetensors_bytes(state))


def train_loop(
    model: nn.Module,
    loss_fn: LossFn,
    train_data: Dataset,
    val_data: Dataset | None,
    config: TrainConfig,
    checkpoint: str | Path | None = None,
    param_groups: list[dict] | None = None,
) -> TrainResult:
    """Train the parameters of `model` that require grad with AdamW and cosine decay; return the best epoch.

    Without `val_data` the last epoch is the best one (nothing to stop early on). The best state is
    written to `checkpoint` and/or `config.checkpoint_dir`, if given, each time it improves.
    `param_groups` (AdamW groups with their own "lr") replace the single group at `config.lr`, e.g. for
    discriminative learning rates: a pretrained trunk learns slower than a fresh head.
    """
    if checkpoint is None and config.checkpoint_dir:
        slug = "".join(c if c.isalnum() else "-" for c in config.desc.lower()).strip("-")
        checkpoint = Path(config.checkpoint_dir) / f"{slug}.safetensors"
    set_seed(config.seed)
    accelerator = Accelerator()
    params = [p for p in model.parameters() if p.requires_grad]
    if not params:
        raise ValueError("the model has no trainable parameters (all have requires_grad=False)")
    optimizer = torch.optim.AdamW(param_groups or params, lr=config.lr, weight_decay=config.weight_decay)
    generator = torch.Generator().manual_seed(config.seed)
    loader = DataLoader(
        train_data,
        batch_size=config.batch_size,
        shuffle=True,
        drop_last=len(train_data) > config.batch_size,
        generator=generator,
    )
    if accelerator.num_processes > 1:  # under `accelerate launch` on several GPUs, each process gets its share
        loader = accelerator.prepare(loader)
    steps = len(loader) if config.max_batches is None else min(len(loader), config.max_batches)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=max(1, steps * config.epochs))
    model, optimizer = accelerator.prepare(model, optimizer)
    device = accelerator.device

    started = time.time()
    history: list[dict] = []
    best: dict | None = None
    best_state: dict[str, torch.Tensor] | None = None
    stale, first_epoch, earlier_seconds = 0, 1, 0.0
    resuming = bool(checkpoint and config.resume)
    if resuming:
        record = load_training_state(checkpoint, accelerator.unwrap_model(model), optimizer, scheduler, generator)
        if record is not None:
            history, best, stale = record["history"], record["best"], record["stale"]
            first_epoch, earlier_seconds = record["epoch"] + 1, record["seconds"]
            best_state = load_file(str(checkpoint), device=str(device))
            if config.progress:
                logger.info(f"  resuming {config.desc} after epoch {record['epoch']} from {checkpoint}")
    for epoch in range(first_epoch, config.epochs + 1):
        if stale >= config.patience:
            break
        model.train()
        total, count = 0.0, 0
        bar = tqdm(
            loader,
            total=steps,
            desc=f"{config.desc} {epoch}/{config.epochs}",
            unit="batch",
            disable=bars_off(config.progress),
            leave=False,
        )
        for i, batch in enumerate(bar):
            if i >= steps:
                break
            batch = tuple(t.to(device) for t in batch)
            loss, _ = loss_fn(model, batch, True)
            optimizer.zero_grad(set_to_none=True)
            accelerator.backward(loss)
            optimizer.step()
            scheduler.step()
            n = len(batch[0])
            total, count = total + float(loss.detach()) * n, count + n
            bar.set_postfix(loss=f"{total / count:.3f}")
        bar.close()
        row = {"epoch": epoch, "train_loss": total / max(count, 1)}
        if val_data is not None:
            row.update(evaluate_loss(accelerator.unwrap_model(model), loss_fn, val_data, config.batch_size, device))
        history.append(row)
        if config.progress:
            logger.info(
                "  " + "  ".join(f"{k} {v:.4f}" if isinstance(v, float) else f"{k} {v}" for k, v in row.items())
            )
        score = row.get("val_loss", row["train_loss"])
        if best is None or score < best["score"] or val_data is None:
            best = {"score": score, **row}
            stale = 0
            best_state = {k: v.detach().clone() for k, v in accelerator.unwrap_model(model).state_dict().items()}
            if checkpoint and accelerator.is_main_process:
                save_state_atomic(best_state, checkpoint)
        else:
            stale += 1
        if resuming and accelerator.is_main_process:
            record = {
                "epoch": epoch,
                "history": history,
                "best": best,
                "stale": stale,
                "seconds": earlier_seconds + time.time() - started,
            }
            save_training_state(checkpoint, accelerator.unwrap_model(model), optimizer, scheduler, generator, record)
        if stale >= config.patience:
            break
    model = accelerator.unwrap_model(model)
    model.load_state_dict(best_state)
    model.eval()
    return TrainResult(
        best_epoch=best["epoch"],
        best_val_loss=float(best.get("val_loss", math.nan)),
        best_val_accuracy=best.get("val_accuracy"),
        stopped_early=len(history) < config.epochs,
        seconds=round(earlier_seconds + time.time() - started, 1),
        history=history,
    )


@torch.no_grad()
def evaluate_loss(model: nn.Module, loss_fn: LossFn, data: Dataset, batch_size: int, device=None) -> dict:
    """Mean loss (and accuracy, when loss_fn counts correct predictions) of `model` on `data`."""
    model.eval()
    device = device or next(model.parameters()).device
    total, correct, count, counted = 0.0, 0, 0, False
    for batch in DataLoader(data, batch_size=batch_size):
        batch = tuple(t.to(device) for t in batch)
        loss, n_correct = loss_fn(model, batch, False)
        n = len(batch[0])
        total, count = total + float(loss) * n, count + n
        if n_correct is not None:
            correct, counted = correct + int(n_correct), True
    out = {"val_loss": total / max(count, 1)}
    if counted:
        out["val_accuracy"] = correct / max(count, 1)
    return out
