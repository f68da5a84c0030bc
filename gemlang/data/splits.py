"""Duplicate-aware splits: the same photo must never sit on both sides of a validation split.

Web-scraped gem collections repeat photos (one Pearl photo appears nine times in the shared data,
some under two different classes). Folds built on raw files then score a model on photos it was
trained on, and the estimate comes out inflated.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np
from sklearn.model_selection import StratifiedGroupKFold

from gemlang.data.dataset import DatasetError, ImageFolder
from gemlang.data.images import file_digest
from gemlang.errors import UsageError


def duplicate_groups(data: ImageFolder) -> np.ndarray:
    """One group id per photo; exact duplicates (same bytes) share an id."""
    ids: dict[str, int] = {}
    return np.array([ids.setdefault(file_digest(p), len(ids)) for p in data.paths], dtype=int)


def deduplicate(data: ImageFolder) -> ImageFolder:
    """Keep one copy of each repeated photo; drop photos whose copies carry conflicting labels."""
    groups = duplicate_groups(data)
    labels_of = defaultdict(set)
    for g, y in zip(groups, data.labels, strict=True):
        labels_of[g].add(int(y))
    seen, keep, left_out = {}, [], {}
    for i, g in enumerate(groups):
        if len(labels_of[g]) > 1:
            left_out[data.paths[i]] = "same photo filed under several classes; left out"
        elif g not in seen:
            seen[g] = data.paths[i]
            keep.append(i)
        else:  # said, so the photo count the model reports adds up
            left_out[data.paths[i]] = f"the same photo as {seen[g].name}; counted once"
    out = data.subset(keep)
    out.skipped += list(left_out.items())
    return _without_empty_classes(out, len(data.classes))


def _without_empty_classes(data: ImageFolder, before: int) -> ImageFolder:
    """A class all of whose photos were copies filed under other classes too is dropped, with a skipped line,
    so a model never carries a class it saw no photo of."""
    present = np.unique(data.labels)
    if len(present) == len(data.classes):
        return data
    if len(present) < min(2, before):
        raise DatasetError(
            f"{data.root}: after leaving out photos filed under several classes, "
            f"{'no class is' if not len(present) else 'one class is'} left; a model needs two. Give each class "
            "photos of its own."
        )
    new_label = {int(old): new for new, old in enumerate(present)}
    emptied = [(data.root / c, "every photo is also filed under another class; class left out")
               for i, c in enumerate(data.classes) if i not in new_label]  # fmt: skip
    return ImageFolder(data.root, [data.classes[i] for i in present], data.paths,
                       np.array([new_label[int(y)] for y in data.labels], dtype=int), data.metadata,
                       data.skipped + emptied)  # fmt: skip


def stratified_group_folds(labels: np.ndarray, groups: np.ndarray, k: int, seed: int = 0):
    """Yield (train_idx, test_idx) for k stratified folds that keep each duplicate group together."""
    counts = np.bincount(labels)
    if k < 2:
        raise UsageError("cross-validation needs --cv 2 or more folds")
    if counts[counts > 0].min() < k:
        raise DatasetError(
            f"the smallest class has {counts[counts > 0].min()} photos, fewer than the {k} folds asked for; "
            "use a smaller --cv"
        )
    splitter = StratifiedGroupKFold(n_splits=k, shuffle=True, random_state=seed)
    yield from splitter.split(np.zeros(len(labels)), labels, groups)
