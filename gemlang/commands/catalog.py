"""`gemlang catalog DIR --out FILE`: a catalog description for every photo of a folder."""

from __future__ import annotations

import sys
from pathlib import Path


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "catalog",
        help="describe every photo of a folder (CSV, JSONL or Markdown)",
        description=(
            "Classify and describe every photo under DIR (sub-folders included) and write OUT: .csv (one "
            "row a photo), .jsonl (one JSON object a photo, with the top candidates) or .md. Photos that "
            "cannot be read are listed with the reason and the rest are still described; the exit status "
            "is 1 if any failed."
        ),
    )
    p.add_argument("folder", type=Path, metavar="DIR", help="folder of photos")
    p.add_argument(
        "--out", required=True, type=Path, metavar="FILE", help="catalog file: .csv, .jsonl or .md"
    )
    p.add_argument(
        "--model", default="default", help="model folder from `gemlang train`, or 'default' (built in)"
    )
    p.add_argument(
        "--generator",
        default=None,
        metavar="PATH",
        help="local Hugging Face text-generation model folder to write the prose (default: templates)",
    )
    p.add_argument("--top-k", type=int, default=5, help="candidates kept per photo (default 5)")
    p.add_argument("--cache", type=Path, default=None, help="feature cache folder (default ~/.cache/gemlang)")
    p.set_defaults(func=run)


def run(args) -> int:
    from gemlang.cli import CommandError
    from gemlang.features import FeatureCache
    from gemlang.language.catalog import FORMATS, catalog_photos, photo_paths, write_catalog
    from gemlang.language.describe import load_generator
    from gemlang.model import GemClassifier

    if args.out.suffix.lower() not in FORMATS:
        raise CommandError(f"--out {args.out}: name the catalog file .csv, .jsonl or .md")
    photos = photo_paths(args.folder)
    if not photos:
        raise CommandError(f"{args.folder}: no photos found (JPEG, PNG, WebP, BMP, TIFF, GIF)")
    clf = GemClassifier.load(args.model)
    rows = catalog_photos(photos, clf, load_generator(args.generator), args.top_k, FeatureCache(args.cache))
    write_catalog(rows, args.out)
    failed = [row for row in rows if row.get("error")]
    for row in failed:
        print(f"could not describe {row['photo']}: {row['error']}", file=sys.stderr)
    print(f"{len(rows) - len(failed)} of {len(rows)} photos described; catalog written to {args.out}")
    return 1 if failed else 0
