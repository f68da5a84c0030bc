"""The weighted top-k loss against hand-computed values, and the VAE objective."""

from __future__ import annotations

import math

import pytest
import torch
from torch.nn import functional as F

from gemlang.training.losses import vae_loss, weighted_top_k_loss

# Four photos, two classes. Logits chosen so each cross-entropy is a round number by hand:
# CE = log(1 + e^(-margin)) where margin = logit of the true class - logit of the other.
MARGINS = [0.0, 1.0, 2.0, -1.0]
LOGITS = torch.tensor([[m, 0.0] for m in MARGINS])
TARGETS = torch.zeros(4, dtype=torch.long)
CE = [math.log(1 + math.exp(-m)) for m in MARGINS]  # [0.6931, 0.3133, 0.1269, 1.3133]


def test_hand_computed_value_k_half_alpha_point_two():
    # ceil(0.5 * 4) = 2 hardest: photos 4 (1.3133) and 1 (0.6931)
    expected = 0.2 * sum(CE) / 4 + 0.8 * (CE[3] + CE[0]) / 2
    assert weighted_top_k_loss(LOGITS, TARGETS, k=0.5, alpha=0.2).item() == pytest.approx(expected, rel=1e-6)


def test_k_rounds_up_to_whole_photos():
    # ceil(0.3 * 4) = 2, not 1
    expected = (CE[3] + CE[0]) / 2
    assert weighted_top_k_loss(LOGITS, TARGETS, k=0.3, alpha=0.0).item() == pytest.approx(expected, rel=1e-6)
    # 0.7 * 10 is 7.000000000000001 in floats; the loss must still average 7 photos, not 8
    logits = torch.tensor([[float(i), 0.0] for i in range(10)])
    ce = F.cross_entropy(logits, torch.zeros(10, dtype=torch.long), reduction="none").sort(descending=True).values
    assert weighted_top_k_loss(logits, torch.zeros(10, dtype=torch.long), 0.7, 0.0).item() == pytest.approx(
        ce[:7].mean().item(), rel=1e-6
    )


@pytest.mark.parametrize("k, alpha", [(1.0, 0.2), (0.5, 1.0), (1.0, 0.0)])
def test_k_one_or_alpha_one_is_plain_cross_entropy(k, alpha):
    plain = F.cross_entropy(LOGITS, TARGETS).item()
    assert weighted_top_k_loss(LOGITS, TARGETS, k=k, alpha=alpha).item() == pytest.approx(plain, rel=1e-6)
    assert plain == pytest.approx(sum(CE) / 4, rel=1e-6)


def test_alpha_zero_is_the_top_k_loss():
    assert weighted_top_k_loss(LOGITS, TARGETS, k=0.25, alpha=0.0).item() == pytest.approx(CE[3], rel=1e-6)
    assert weighted_top_k_loss(LOGITS, TARGETS, k=0.75, alpha=0.0).item() == pytest.approx(
        (CE[3] + CE[0] + CE[1]) / 3, rel=1e-6
    )


def test_gradient_reaches_only_the_hard_photos_when_alpha_is_zero():
    logits = LOGITS.clone().requires_grad_(True)
    weighted_top_k_loss(logits, TARGETS, k=0.5, alpha=0.0).backward()
    touched = logits.grad.abs().sum(1) > 0
    assert touched.tolist() == [True, False, False, True]


@pytest.mark.parametrize("k, alpha", [(0.0, 0.2), (1.5, 0.2), (0.5, -0.1), (0.5, 1.5)])
def test_out_of_range_settings_are_refused(k, alpha):
    with pytest.raises(ValueError):
        weighted_top_k_loss(LOGITS, TARGETS, k=k, alpha=alpha)


def test_vae_loss_is_zero_for_a_perfect_reconstruction_and_a_standard_normal_posterior():
    x = torch.rand(2, 3, 8, 8)
    mse, kl = vae_loss(x, x, torch.zeros(2, 4), torch.zeros(2, 4), beta=1.0)
    assert mse.item() == 0 and kl.item() == 0


def test_vae_kl_matches_the_closed_form():
    mu, logvar = torch.tensor([[1.0, 0.0]]), torch.tensor([[0.0, math.log(2.0)]])
    # KL(N(mu, s^2) || N(0, 1)) = 0.5 * (s^2 + mu^2 - 1 - log s^2), averaged over the 2 dimensions
    expected = (0.5 * (1 + 1 - 1 - 0) + 0.5 * (2 + 0 - 1 - math.log(2.0))) / 2
    _, kl = vae_loss(torch.zeros(1), torch.zeros(1), mu, logvar, beta=0.5)
    assert kl.item() == pytest.approx(0.5 * expected, rel=1e-6)
