"""The learned hardness/locality head gemlang used before the evidence model: the baseline it is measured against.

gemlang ships one fusion mechanism, `gemlang.fusion.EvidenceModel`. This file keeps the one it replaced so
that eval/fusion.py can still score both on the same held-out photos and the same simulated hints:

    logit_c = a * log p_photo(c)
            + b * log sum_bins mask(reading) * q_c      (q_c: learned hardness distribution of class c)
            + d * log sum_places onehot(place) * r_c    (r_c: learned place distribution of class c)

q_c and r_c start from the knowledge base and are fitted to simulated readings (a hardness as people
report it, a known locality or 15% of the time anywhere), a, b, d with them; each input can be missing.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import torch
from torch import nn
from torch.nn import functional as F

HARDNESS_BINS = np.arange(1.0, 10.01, 0.5, dtype=np.float32)
READING_TOLERANCE = 0.5


def hardness_mask(low: float, high: float) -> np.ndarray:
    distance = np.maximum(0.0, np.maximum(low - HARDNESS_BINS, HARDNESS_BINS - high))
    return np.exp(-0.5 * (distance / READING_TOLERANCE) ** 2).astype(np.float32)


class LearnedFusionHead(nn.Module):
    def __init__(self, facts: Sequence, places: Sequence[str]):
        from gemlang.knowledge.places import gem_countries

        super().__init__()
        self.places = list(places)
        C, B, V = len(facts), len(HARDNESS_BINS), len(self.places) + 1
        self.weights = nn.Parameter(torch.ones(3))  # image, hardness, place
        self.hardness_logits = nn.Parameter(torch.zeros(C, B))
        self.place_logits = nn.Parameter(torch.zeros(C, V))
        with torch.no_grad():
            for c, gem in enumerate(facts):
                if gem.hardness:
                    self.hardness_logits[c] = torch.from_numpy(np.log(hardness_mask(*gem.hardness) + 0.02))
                countries, worldwide = gem_countries(gem)
                if countries and not worldwide:
                    row = torch.full((V,), math.log(0.05))
                    for country in countries:
                        row[self.places.index(country)] = 0.0
                    self.place_logits[c] = row

    def inputs(self, probs: np.ndarray, hints: Sequence) -> list[torch.Tensor]:
        """(log photo probs, hardness masks, hardness present, place one-hots, place present) for a batch."""
        index = {p: i for i, p in enumerate(self.places)}
        hardness = np.zeros((len(hints), len(HARDNESS_BINS)), np.float32)
        place = np.zeros((len(hints), len(self.places) + 1), np.float32)
        for row, h in enumerate(hints):
            if h.hardness:
                hardness[row] = hardness_mask(h.hardness.low, h.hardness.high)
            for country in h.countries:
                place[row, index.get(country, len(self.places))] = 1.0
        present = [np.array([h.hardness is not None for h in hints]), np.array([bool(h.countries) for h in hints])]
        arrays = [np.log(np.clip(probs, 1e-6, 1.0)), hardness, present[0], place, present[1]]
        return [torch.from_numpy(np.asarray(a, dtype=np.float32)) for a in arrays]

    def forward(self, logp, hardness, hardness_present, place, place_present) -> torch.Tensor:
        a, b, d = self.weights
        logits = a * logp.clamp(min=math.log(1e-6))
        q, r = torch.softmax(self.hardness_logits, 1), torch.softmax(self.place_logits, 1)
        logits = logits + hardness_present[:, None] * b * torch.log(hardness @ q.T + 1e-6)
        return logits + place_present[:, None] * d * torch.log(place @ r.T + 1e-6)


def fit_learned_head(facts, probs, labels, simulate, epochs: int = 60, seed: int = 0) -> LearnedFusionHead:
    """Fit on held-out photo probabilities; `simulate(labels, rng)` gives fresh hints for each epoch."""
    from gemlang.knowledge.places import gem_countries

    places = sorted({c for g in facts for c in gem_countries(g)[0]})
    head = LearnedFusionHead(facts, places)
    start = {k: v.detach().clone() for k, v in head.named_parameters()}
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    opt = torch.optim.Adam(head.parameters(), lr=0.03)
    y = torch.from_numpy(np.asarray(labels)).long()
    for _ in range(epochs):
        tensors = head.inputs(probs, simulate(labels, rng))
        order = torch.randperm(len(y))
        for b in range(0, len(y), 512):
            idx = order[b : b + 512]
            loss = F.cross_entropy(head(*(t[idx] for t in tensors)), y[idx])
            loss = loss + 1e-3 * sum(((head.get_parameter(n) - start[n]) ** 2).mean()
                                     for n in ("hardness_logits", "place_logits"))  # fmt: skip
            opt.zero_grad()
            loss.backward()
            opt.step()
    return head.eval()


@torch.no_grad()
def predict(head: LearnedFusionHead, probs: np.ndarray, hints: Sequence) -> np.ndarray:
    return head(*head.inputs(probs, hints)).argmax(1).numpy()
