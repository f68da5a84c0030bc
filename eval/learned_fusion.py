"""The learned hardness/locality head gemlang used before the evidence model: the baseline it is measured against.

gemlang ships one fusion mechanism, `gemlang.fusion.EvidenceModel`. This file keeps the one it replaced so
that eval/fusion.py can still score both on the same held-out photos and the same simulated hints:

    logit_c = a * log p_photo(c)
            + b * log sum_bins mask(reading) * q_c      (q_c: learned hardness distribution of class c)
            + d * log sum_places onehot(place) * r_c    (r_c: learned place distribution of class c)

q_c and r_c start from the knowledge base and are fitted to simulated readings (a hardness as people
report it, a known locality or 15% of the time anywhere), a, b, d with them; each input can be missing.
Run on its own, it scores the learned head alone, on the photos and simulated hints eval/fusion.py uses:

    python eval/learned_fusion.py                        # writes eval/results/learned_fusion.json and .md
    python eval/learned_fusion.py --smoke --results DIR  # painted photos, a colour histogram, 3 epochs: seconds
"""

from __future__ import annotations

import argparse
import math
import shlex
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import torch
from torch import nn
from torch.nn import functional as F

RESULTS = Path(__file__).resolve().parents[1] / "eval" / "results"
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


def cross_fitted(facts, probs, y, groups, folds: int, seed: int, epochs: int, hints_of: dict, countries) -> dict:
    """{condition: predicted class of every photo}: a head fitted on the other folds predicts each fold, from
    the photo probabilities and the condition's hints (`hints_of[condition][photo]`)."""
    from gemlang.data import stratified_group_folds
    from gemlang.fusion.simulate import simulate_hints

    def simulate_once(labels, rng):  # training: each photo with a random subset of the two hints, as before
        subsets = [tuple(r for r in ("hardness", "place") if rng.random() < 0.5) for _ in labels]
        return [simulate_hints(facts[t], s, rng, all_countries=countries) for t, s in zip(labels, subsets, strict=True)]

    def pooled():  # 10 simulations per fold, cycled through the epochs (simulating is the slow part)
        pool: list = []

        def simulate(labels, rng):
            if len(pool) < 10:
                pool.append(simulate_once(labels, rng))
                return pool[-1]
            return pool[int(rng.integers(len(pool)))]

        return simulate

    predicted = {c: np.zeros(len(y), dtype=int) for c in hints_of}
    for train_idx, test_idx in stratified_group_folds(y, groups, folds, seed):
        head = fit_learned_head(facts, probs[train_idx], y[train_idx], pooled(), epochs, seed)
        for c, hints in hints_of.items():
            predicted[c][test_idx] = predict(head, probs[test_idx], [hints[i] for i in test_idx])
    return predicted


def main(argv: list[str] | None = None) -> int:
    import fusion

    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data", default=str(fusion.DEFAULT_DATA), help="folder-per-class photos")
    p.add_argument("--model", default="default", help="classifier whose recipe gives the photo probabilities")
    p.add_argument("--folds", type=int, default=5)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--epochs", type=int, default=60)
    p.add_argument("--cache", default=None, help="where held-out probabilities are kept (default: the shared one)")
    p.add_argument("--results", type=Path, default=RESULTS, help="folder for learned_fusion.{json,md}")
    p.add_argument("--smoke", action="store_true", help="painted photos, a colour histogram, 3 epochs: seconds")
    args = p.parse_args(argv)
    command = shlex.join(["python", "eval/learned_fusion.py", *(sys.argv[1:] if argv is None else argv)])
    with tempfile.TemporaryDirectory(prefix="gemlang_learned_fusion_") as tmp:
        feature_cache = None
        if args.smoke:
            from smoke import painted_folder, smoke_results

            args.data, feature_cache = painted_folder(Path(tmp) / "photos"), Path(tmp) / "cache"
            args.epochs, args.results = min(args.epochs, 3), smoke_results(args.results, RESULTS, Path(tmp))
        results = measure(args, fusion, feature_cache)
        results["command"] = command
        write_reports(results, args.results)
    print(f"wrote {args.results / 'learned_fusion.md'}")
    return 0


def measure(args, fusion, feature_cache: Path | None) -> dict:
    """Top-1 of the cross-fitted learned head under each of eval/fusion.py's hardness/locality conditions."""
    from gemlang.fusion import EvidenceModel

    data, groups, probs, temperature, recipe, folds = fusion.photo_probabilities(args, feature_cache)
    y = np.asarray(data.labels)
    model = EvidenceModel(list(data.classes))
    facts = [model.facts[i] for i in model.class_index]  # the knowledge-base gem of each class
    countries = sorted(set().union(*model.countries))
    hints_of = {  # the very hints eval/fusion.py simulates for these conditions (same seeds)
        name: fusion.simulated(facts, readings, y, args.seed + c, noise, countries)
        for c, (name, readings, noise) in enumerate(fusion.PHOTO_CONDITIONS)
        if name in fusion.LEARNED_CONDITIONS
    }
    predicted = cross_fitted(facts, probs, y, groups, folds, args.seed, args.epochs, hints_of, countries)
    return {
        "setup": {
            "data": str(args.data),
            "n_images": int(len(y)),
            "n_classes": len(data.classes),
            "folds": folds,
            "epochs": args.epochs,
            "seed": args.seed,
            "recipe": {**recipe, "temperature": round(temperature, 4)},
        },
        "photo_top1": float((probs.argmax(1) == y).mean()),
        "learned_head": {c: {"top1": float((p == y).mean())} for c, p in predicted.items()},
    }


def write_reports(results: dict, out: Path) -> None:
    from gemlang.io import write_json_atomic, write_text_atomic

    s = results["setup"]
    lines = [
        "# The learned hardness/locality head (the baseline the evidence model replaced)",
        "",
        f"Command: `{results['command']}`",
        "",
        f"{s['n_images']} deduplicated photos of {s['n_classes']} classes. Photo probabilities are out of fold "
        f"({s['folds']} duplicate-aware folds, {s['recipe']['encoder']} + {s['recipe']['head']} head, "
        f"{s['recipe']['source']}); the head is cross-fitted on the same folds ({s['epochs']} epochs) and scored "
        "on the hints eval/fusion.py simulates. Top-1 is over the classes.",
        "",
        "| input | top-1 |",
        "|---|---|",
        f"| photo alone | {results['photo_top1']:.1%} |",
        *(f"| {c} | {m['top1']:.1%} |" for c, m in results["learned_head"].items()),
    ]
    out.mkdir(parents=True, exist_ok=True)
    write_json_atomic(results, out / "learned_fusion.json")
    write_text_atomic(out / "learned_fusion.md", "\n".join(lines) + "\n")


if __name__ == "__main__":
    sys.exit(main())
