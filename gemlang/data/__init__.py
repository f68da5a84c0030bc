"""Safe image loading, folder-per-class datasets and duplicate-aware splits."""

from gemlang.data.dataset import DatasetError, ImageFolder, scan_image_folder
from gemlang.data.images import ImageError, file_digest, image_digest, load_image

__all__ = [
    "DatasetError",
    "ImageError",
    "ImageFolder",
    "deduplicate",
    "duplicate_groups",
    "file_digest",
    "image_digest",
    "load_image",
    "scan_image_folder",
    "stratified_group_folds",
]


def __getattr__(name: str):
    # The splits need scikit-learn, which costs seconds to import: only training and evaluation pay for it.
    if name in ("deduplicate", "duplicate_groups", "stratified_group_folds"):
        from gemlang.data import splits

        return getattr(splits, name)
    raise AttributeError(f"module 'gemlang.data' has no attribute {name!r}")
