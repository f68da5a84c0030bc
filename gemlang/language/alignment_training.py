"""Train gemlang's image-text alignment: projection heads and temperature, CLIP contrastive loss.

Both towers are frozen, so their outputs are computed once: image features through the feature cache,
text embeddings of every phrasing through a cache keyed by the text. Training then only moves two small
heads, which takes seconds on a CPU.

Each step pairs B photos of B *different* gems with one phrasing each (sampled from the many written from
the knowledge base with prompts/phrasings.txt). With distinct gems per batch, CLIP's "every other pair in
the batch is a negative" is true, which it would not be for two photos of the same gem.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

import numpy as np
import torch

from gemlang.data import DatasetError
from gemlang.features import FeatureCache
from gemlang.knowledge import GemFacts
from gemlang.language.alignment import MAX_LOGIT_SCALE, AlignmentModel, ProjectionHead
from gemlang.language.text_encoder import TEXT_EMBEDDING_DIM, embed_texts

logger = logging.getLogger("gemlang")

PHRASINGS = "phrasings.txt"


def training_texts(gems: Sequence[GemFacts], templates: Sequence[str] | None = None) -> tuple[list[str], np.ndarray]:
    """Every phrasing of every gem and the index of the gem it describes."""
    from gemlang.language.gem_text import gem_phrasings
    from gemlang.language.prompts import read_lines

    templates = templates or read_lines(PHRASINGS)
    texts, owners = [], []
    for c, gem in enumerate(gems):
        for text in gem_phrasings(gem, templates):
            texts.append(text)
            owners.append(c)
    return texts, np.array(owners, dtype=int)


def train_alignment(
    features: np.ndarray,
    labels: np.ndarray,
    gems: Sequence[GemFacts],
    image_encoder: str,
    image_encoder_signature: str,
    *,
    text_cache: FeatureCache | None = None,
    templates: Sequence[str] | None = None,
    dim: int = 256,
    image_hidden: int = 512,
    text_hidden: int = 0,
    dropout: float = 0.2,
    steps: int = 1500,
    batch_size: int = 64,
    lr: float = 1e-3,
    weight_decay: float = 1e-4,
    seed: int = 0,
    log: Callable[[str], None] | None = logger.info,
) -> AlignmentModel:
    """Fit the projections on photos `features` (N, D) of gems[labels[i]]; frozen towers, CLIP loss.

    `templates` replaces prompts/phrasings.txt (each gem's description sentences are always added).
    """
    labels = np.asarray(labels, dtype=int)
    if len(features) != len(labels):
        raise ValueError(f"{len(features)} feature rows but {len(labels)} labels")
    texts, owners = training_texts(gems, templates)
    text_vectors = embed_texts(texts, cache=text_cache)
    seen = np.unique(labels)
    if len(seen) < 2:
        raise DatasetError("the contrastive loss needs photos of at least two gems")
    missing = [gems[c].name for c in seen if not (owners == c).any()]
    if missing:
        raise DatasetError(f"no phrasings for {missing}: add knowledge-base entries for them")

    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    image_head = ProjectionHead(features.shape[1], dim, image_hidden, dropout).fit_standardisation(features)
    text_head = ProjectionHead(TEXT_EMBEDDING_DIM, dim, text_hidden, dropout / 2).fit_standardisation(text_vectors)
    model = AlignmentModel(image_head, text_head, image_encoder, image_encoder_signature)

    X = torch.from_numpy(np.asarray(features, dtype=np.float32))
    T = torch.from_numpy(text_vectors)
    photos_of = {c: np.flatnonzero(labels == c) for c in seen}
    texts_of = {c: np.flatnonzero(owners == c) for c in seen}
    batch = min(batch_size, len(seen))
    model.train()
    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # matrices this small only pay for thread synchronisation (badly, on a busy CPU)
    try:
        first_loss, final_loss = _run_steps(
            model, X, T, seen, photos_of, texts_of, batch, steps, lr, weight_decay, rng, log
        )
    finally:
        torch.set_num_threads(threads)
    model.eval()
    model.info.update(
        trained_on={
            "n_images": int(len(labels)),
            "gems": [gems[c].name for c in seen],
            "n_texts": int(sum(len(texts_of[c]) for c in seen)),
        },
        training={
            "loss": "open_clip.loss.ClipLoss",
            "steps": steps,
            "batch_size": batch,
            "dim": dim,
            "image_hidden": image_hidden,
            "text_hidden": text_hidden,
            "dropout": dropout,
            "lr": lr,
            "weight_decay": weight_decay,
            "seed": seed,
            "first_loss": round(first_loss, 4),
            "final_loss": round(final_loss, 4),
        },
    )
    return model


def _run_steps(
    model: AlignmentModel,
    X: torch.Tensor,
    T: torch.Tensor,
    seen: np.ndarray,
    photos_of: dict[int, np.ndarray],
    texts_of: dict[int, np.ndarray],
    batch: int,
    steps: int,
    lr: float,
    weight_decay: float,
    rng: np.random.Generator,
    log: Callable[[str], None] | None,
) -> tuple[float, float]:
    """The contrastive loop: each step, one photo and one phrasing of each of `batch` distinct gems.

    Returns the loss of the first step and the running mean of the loss at the end.
    """
    from open_clip.loss import ClipLoss

    loss_fn = ClipLoss()
    optimiser = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=weight_decay)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimiser, lr, total_steps=steps, pct_start=0.1)
    first = running = 0.0
    for step in range(1, steps + 1):
        classes = rng.choice(seen, size=batch, replace=False)
        images = X[[rng.choice(photos_of[c]) for c in classes]]
        phrases = T[[rng.choice(texts_of[c]) for c in classes]]
        loss = loss_fn(model.image_head(images), model.text_head(phrases), model.logit_scale.exp())
        optimiser.zero_grad()
        loss.backward()
        optimiser.step()
        schedule.step()
        with torch.no_grad():
            model.logit_scale.clamp_(0, MAX_LOGIT_SCALE)
        if step == 1:
            first = running = loss.item()
        running = 0.98 * running + 0.02 * loss.item()
        if log and (step % 500 == 0 or step == steps):
            log(f"step {step}/{steps}: contrastive loss {running:.3f}, temperature {model.temperature:.4f}")
    return first, running


SEEN_ACCURACY_BUDGET = 0.05  # top-1 on held-out photos of trained-on gems the seen-gem offset may cost


def _split_groups(labels: np.ndarray, groups: np.ndarray, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """One duplicate-aware stratified fold out of five as validation (fewer folds for tiny classes)."""
    from gemlang.data import stratified_group_folds

    k = int(min(5, np.bincount(labels)[np.unique(labels)].min()))
    if k < 2:
        order = np.random.default_rng(seed).permutation(len(labels))
        return order[len(order) // 5 :], order[: len(order) // 5]
    return next(iter(stratified_group_folds(labels, groups, k, seed)))


def calibrate_seen_bias(
    features: np.ndarray,
    labels: np.ndarray,
    gems: Sequence[GemFacts],
    groups: np.ndarray | None = None,
    *,
    budget: float = SEEN_ACCURACY_BUDGET,
    pseudo_unseen: float = 0.2,
    seed: int = 0,
    text_cache: FeatureCache | None = None,
    log: Callable[[str], None] | None = logger.info,
    **train_options,
) -> dict:
    """Choose the seen-gem offset on the training gems alone (generalised zero-shot calibration).

    A fifth of the trained-on gems play "gems without photos": an alignment is trained on the rest (minus
    a validation fold of their photos), and the offset is the one that ranks the pseudo-unseen gems'
    photos best (top-5) while costing the validation photos of the other gems at most `budget` top-1.
    Returns {"seen_bias", "pseudo_unseen_gems", "curve": [[bias, seen top-1, pseudo-unseen top-5], ...]}.
    """
    from gemlang.metrics import top_k_accuracy

    labels = np.asarray(labels, dtype=int)
    groups = np.arange(len(labels)) if groups is None else np.asarray(groups)
    seen = np.unique(labels)
    n_out = int(round(pseudo_unseen * len(seen)))
    if n_out < 2 or len(seen) - n_out < 2:
        return {"seen_bias": 0.0, "pseudo_unseen_gems": [], "curve": []}
    rng = np.random.default_rng(seed)
    held = np.sort(rng.choice(seen, n_out, replace=False))
    out_mask = np.isin(labels, held)
    rest = np.flatnonzero(~out_mask)
    train_part, val_part = _split_groups(labels[rest], groups[rest], seed)
    train_idx, val_idx, unseen_idx = rest[train_part], rest[val_part], np.flatnonzero(out_mask)
    model = train_alignment(
        features[train_idx],
        labels[train_idx],
        gems,
        "",
        "",
        text_cache=text_cache,
        seed=seed,
        log=None,
        **train_options,
    )
    names, classes = model.class_embeddings(list(gems), text_cache)
    cosines = model.embed_image_features(features) @ classes.T
    trained_on = ~np.isin(np.arange(len(gems)), held)
    curve = []
    for bias in np.round(np.arange(0.0, 0.51, 0.01), 2):
        shifted = cosines - bias * trained_on
        curve.append(
            [
                float(bias),
                top_k_accuracy(labels[val_idx], shifted[val_idx], 1),
                top_k_accuracy(labels[unseen_idx], shifted[unseen_idx], 5),
            ]
        )
    floor = curve[0][1] - budget
    best = max((c for c in curve if c[1] >= floor), key=lambda c: (c[2], -c[0]))
    if log:
        log(
            f"seen-gem offset {best[0]:.2f}: pseudo-unseen top-5 {curve[0][2]:.1%} -> {best[2]:.1%}, "
            f"validation top-1 {curve[0][1]:.1%} -> {best[1]:.1%}"
        )
    return {"seen_bias": best[0], "pseudo_unseen_gems": [gems[c].name for c in held], "budget": budget, "curve": curve}


def fit_alignment(
    features: np.ndarray,
    labels: np.ndarray,
    gems: Sequence[GemFacts],
    image_encoder: str,
    image_encoder_signature: str,
    groups: np.ndarray | None = None,
    *,
    calibrate: bool = True,
    seed: int = 0,
    text_cache: FeatureCache | None = None,
    log: Callable[[str], None] | None = logger.info,
    **train_options,
) -> AlignmentModel:
    """Train the alignment on all the photos given and (by default) calibrate its seen-gem offset."""
    model = train_alignment(
        features,
        labels,
        gems,
        image_encoder,
        image_encoder_signature,
        text_cache=text_cache,
        seed=seed,
        log=log,
        **train_options,
    )
    if calibrate:
        calibration = calibrate_seen_bias(
            features, labels, gems, groups, seed=seed, text_cache=text_cache, log=log, **train_options
        )
        model.info["seen_bias"] = calibration.pop("seen_bias")
        model.info["seen_bias_calibration"] = {k: v for k, v in calibration.items() if k != "curve"}
    return model
