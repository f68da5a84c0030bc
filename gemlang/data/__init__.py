"""Safe image loading, folder-per-class datasets and duplicate-aware splits."""

from gemlang.data.dataset import DatasetError, ImageFolder, scan_image_folder
from gemlang.data.images import ImageError, file_digest, image_digest, load_image
from gemlang.data.splits import deduplicate, duplicate_groups, stratified_group_folds

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
