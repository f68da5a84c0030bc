"""`gemlang search TEXT DIR`: photos of a folder ranked by how well they match a description."""

from __future__ import annotations

from pathlib import Path


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "search",
        help='find the photos of a folder that match a description ("deep blue, hard")',
        description=(
            "Rank the photos under DIR by the cosine between TEXT and each photo in gemlang's image-text "
            "alignment space, and print the best matches with their scores."
        ),
    )
    p.add_argument("text", metavar="TEXT", help='what to look for, e.g. "deep blue, hard" or "a cat\'s-eye"')
    p.add_argument("folder", type=Path, metavar="DIR", help="folder of photos (sub-folders included)")
    p.add_argument(
        "--alignment",
        default="default",
        metavar="DIR",
        help="alignment model folder, or 'default' (built in)",
    )
    p.add_argument("--top", type=int, default=10, help="how many photos to print (default 10)")
    p.add_argument("--cache", type=Path, default=None, help="feature cache folder (default ~/.cache/gemlang)")
    p.set_defaults(func=run)


def run(args) -> int:
    from gemlang.cli import CommandError
    from gemlang.collection.photos import photo_paths
    from gemlang.features import FeatureCache
    from gemlang.language.alignment import AlignmentModel

    photos = photo_paths(args.folder)
    if not photos:
        raise CommandError(f"{args.folder}: no photos found (JPEG, PNG, WebP, BMP, TIFF, GIF)")
    model = AlignmentModel.load(args.alignment)
    ranked, failures = model.search(args.text, photos, cache=FeatureCache(args.cache), top=args.top)
    for path, reason in failures.items():
        print(f"skipped {path}: {reason}")
    for path, score in ranked:
        print(f"{score:+.3f}  {path}")
    return 0
