"""`gemlang index DIR --out INDEX`: a search index of a collection, for `gemlang search TEXT --index INDEX`."""

from __future__ import annotations

from pathlib import Path

from gemlang.commands import add_cache_option, report_skipped


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "index",
        help="build or update the search index of a folder of photos (FAISS)",
        description=(
            "Embed every photo under DIR in gemlang's image-text space and store the vectors in a FAISS index "
            "folder INDEX, for `gemlang search TEXT --index INDEX`. Run it again after the folder changes: new "
            "and changed photos are embedded and added, removed ones dropped, the rest kept. Collections under "
            "100,000 photos get an exact index, larger ones an IVF index (approximate; recall@10 and latency in "
            "eval/results/search_index.md). INDEX is replaced atomically."
        ),
    )
    p.add_argument("folder", type=Path, metavar="DIR", help="folder of photos (sub-folders included)")
    p.add_argument("--out", required=True, type=Path, metavar="INDEX", help="index folder to create or update")
    p.add_argument(
        "--alignment", default="default", metavar="DIR", help="alignment model folder, or 'default' (built in)"
    )
    p.add_argument("--kind", choices=["auto", "flat", "ivf"], default="auto", help="index type (default: by size)")
    p.add_argument("--rebuild", action="store_true", help="re-embed every photo instead of updating INDEX")
    add_cache_option(p)
    p.add_argument("--no-progress", action="store_true", help="no progress bars")
    p.set_defaults(func=run)


def run(args) -> int:
    from gemlang.cli import CommandError
    from gemlang.collection.photos import iter_photos
    from gemlang.collection.search_index import index_folder
    from gemlang.data.images import PHOTO_FORMATS
    from gemlang.features import FeatureCache
    from gemlang.io import check_replaceable
    from gemlang.language.alignment import AlignmentModel

    check_replaceable(args.out)
    if next(iter_photos(args.folder), None) is None:
        raise CommandError(f"{args.folder}: no photos found ({PHOTO_FORMATS})")
    model = AlignmentModel.load(args.alignment)
    source = args.alignment if args.alignment == "default" else str(Path(args.alignment).resolve())
    index, report = index_folder(
        args.folder, args.out, model, FeatureCache(args.cache), args.rebuild, args.kind, not args.no_progress, source
    )
    status = report_skipped(report.failures)
    print(
        f"{args.out}: {len(index)} photos ({index.config['kind']} index); {report.added} added, "
        f"{report.removed} removed, {report.kept} unchanged" + (", rebuilt" if report.rebuilt else "")
    )
    return status
