"""Losses of the seed papers: the weighted top-k loss (feature-fusion paper) and the VAE objective."""

from __future__ import annotations

import math

import torch
from torch.nn import functional as F


def weighted_top_k_loss(
    logits: torch.Tensor, targets: torch.Tensor, k: float = 0.5, alpha: float = 0.2
) -> torch.Tensor:
    """Cross-entropy that leans on the hardest photos of each batch (Jia et al. 2021).

    For a batch of N photos with per-photo cross-entropies CE_i:

        L = alpha * mean(CE_i over all N) + (1 - alpha) * mean(CE_i over the ceil(k * N) largest CE_i)

    Why: mineral classes are imbalanced and some are hard; averaging only the worst ceil(k*N) losses
    stops easy, well-learnt photos from drowning the gradient of the hard ones, and the alpha share of
    plain cross-entropy keeps every photo in play. k = 1 or alpha = 1 is plain cross-entropy; alpha = 0
    is the pure top-k loss.
    """
    if not 0 < k <= 1:
        raise ValueError(f"k must be in (0, 1], got {k}")
    if not 0 <= alpha <= 1:
        raise ValueError(f"alpha must be in [0, 1], got {alpha}")
    ce = F.cross_entropy(logits, targets, reduction="none")
    n_top = max(1, math.ceil(k * len(ce) - 1e-9))  # 1e-9: 0.7 * 10 is 7.000000000000001 in floats
    hardest = ce.topk(n_top).values
    return alpha * ce.mean() + (1 - alpha) * hardest.mean()


def vae_loss(
    reconstruction: torch.Tensor,
    target: torch.Tensor,
    mu: torch.Tensor,
    logvar: torch.Tensor,
    beta: float = 1.0,
) -> tuple[torch.Tensor, torch.Tensor]:
    """(reconstruction MSE per pixel, beta * KL(q(z|x) || N(0, I)) per latent dimension), both batch means.

    Both terms are per-element means so the weight between them does not change with image size or
    latent width.
    """
    mse = F.mse_loss(reconstruction, target)
    kl = -0.5 * torch.mean(1 + logvar - mu.pow(2) - logvar.exp())
    return mse, beta * kl
