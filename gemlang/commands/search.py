"""`gemlang search TEXT DIR` or `--index INDEX`: photos ranked by how well they match a description."""

from __future__ import annotations

import sys
from pathlib import Path

from gemlang.commands import add_cache_option, positive_int, report_skipped


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "search",
        help='find the photos that match a description ("deep blue, hard"), in a folder or an index',
        description=(
            "Rank photos by the cosine between TEXT and each photo in gemlang's image-text alignment space, and "
            "print the best matches with their scores. Give a folder DIR (its photos are encoded, or read from "
            "the feature cache, on every search) or an index from `gemlang index` (--index INDEX: only the text "
            "is encoded; for large collections)."
        ),
    )
    p.add_argument("text", metavar="TEXT", help='what to look for, e.g. "deep blue, hard" or "a cat\'s-eye"')
    p.add_argument("folder", type=Path, nargs="?", metavar="DIR", help="folder of photos (sub-folders included)")
    p.add_argument("--index", type=Path, default=None, metavar="INDEX", help="index folder from `gemlang index`")
    p.add_argument(
        "--alignment",
        default=None,
        metavar="DIR",
        help="alignment model folder, or 'default' (built in); with --index, the one that built the index",
    )
    p.add_argument("--top", type=positive_int, default=10, help="how many photos to print (default 10)")
    add_cache_option(p)
    p.add_argument("--no-progress", action="store_true", help="no progress bar while a folder's photos are encoded")
    p.set_defaults(func=run)


def run(args) -> int:
    from gemlang.cli import CommandError
    from gemlang.data.images import IMAGE_SUFFIXES, PHOTO_FORMATS
    from gemlang.features import FeatureCache
    from gemlang.io import printable
    from gemlang.language.alignment import AlignmentModel

    if args.folder is None and args.index is None:
        raise CommandError("give a folder of photos (DIR) or an index (--index INDEX) to search")
    if args.folder is not None and args.index is not None:
        raise CommandError("give either a folder of photos (DIR) or an index (--index INDEX), not both")
    if Path(args.text).suffix.lower() in IMAGE_SUFFIXES and Path(args.text).is_file():  # a photo, not words
        raise CommandError(
            f"{args.text} is a photo, and search looks for words ('deep blue, hard'); to know what the stone is, "
            f"run `gemlang predict {args.text}`"
        )
    if not any(ch.isalpha() for ch in args.text):
        raise CommandError(f'{args.text!r} has no words to search for: describe the stone, e.g. "deep blue, hard"')
    if args.index is not None:
        return _search_index(args)
    from gemlang.collection.photos import photo_paths

    photos = photo_paths(args.folder)
    if not photos:
        from gemlang.collection.search_index import VECTORS_FILE

        index = (args.folder / VECTORS_FILE).is_file()  # "search TEXT idx" meant "--index idx"
        raise CommandError(
            f"{args.folder}: no photos found ({PHOTO_FORMATS})"
            + (f"; it is an index from `gemlang index`: search it with --index {args.folder}" if index else "")
        )
    model = AlignmentModel.load(args.alignment or "default")
    progress = not args.no_progress and sys.stderr.isatty()  # a bar for a person watching, not for a pipe
    ranked, failures = model.search(args.text, photos, cache=FeatureCache(args.cache), top=args.top, progress=progress)
    status = report_skipped(failures)
    for path, score in ranked:
        print(f"{score:+.3f}  {printable(str(path))}")
    return status


def _search_index(args) -> int:
    from gemlang.collection.search_index import SearchIndex, SearchIndexError, alignment_signature
    from gemlang.features import FeatureCache
    from gemlang.io import printable
    from gemlang.language.alignment import AlignmentModel

    index = SearchIndex.load(args.index)
    built_with = index.config.get("alignment_source")  # an index written before it was recorded: unknown
    alignment = args.alignment or built_with or "default"
    model = AlignmentModel.load(alignment, images=False)  # only the text is encoded
    if alignment_signature(model) != index.config["alignment"]:
        which = f"--alignment {built_with}" if built_with else "the alignment that built it"
        raise SearchIndexError(
            f"{args.index} was built with another image-text alignment than {alignment}; search with {which}, "
            "or rebuild the index with `gemlang index --rebuild`"
        )
    query = model.embed_texts([args.text], cache=FeatureCache(args.cache))
    gone = 0
    for path, score in index.search_vectors(query, args.top)[0]:
        missing = not Path(path).exists()  # deleted or moved since the index was built
        gone += missing
        print(f"{score:+.3f}  {printable(str(path))}" + ("  (no longer there)" if missing else ""))
    if gone:
        print(
            f"{gone} photo(s) found are no longer where the index says: run `gemlang index` on the folder again "
            "to update it",
            file=sys.stderr,
        )
    return 0
