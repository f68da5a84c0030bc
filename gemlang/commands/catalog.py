"""`gemlang catalog DIR --out FILE`: a description for every photo of a collection, streaming and resumable."""

from __future__ import annotations

import sys
from collections.abc import Container
from pathlib import Path

from gemlang.commands import (
    SKIPPED_STATUS,
    add_backend_option,
    add_cache_option,
    add_generator_option,
    add_model_option,
    positive_int,
)


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "catalog",
        help="describe every photo of a folder (JSONL, CSV, Markdown or Parquet); resumable",
        description=(
            "Classify and describe every photo under DIR (sub-folders included) into OUT: .jsonl (one JSON "
            "object a photo, with the top candidates), .csv, .md, or .parquet (a folder of Parquet parts, for "
            "large collections). Rows are committed batch by batch: if the run is stopped, the same command "
            "resumes it, skipping photos whose content is already in OUT (a photo moved or renamed within DIR: its "
            "row takes the new path). OUT.run.json records the model and "
            "options; resuming with others is an error (use another --out, or --restart). Photos that cannot "
            "be read are listed with the reason and the rest are still described; a resumed run reads them again "
            "(a photo fixed since gets its row after its old error row). The exit status is 1 if any photo "
            "still cannot be read. One run at a time writes OUT (OUT.lock)."
        ),
        epilog=(
            "On a Ray cluster: gemlang catalog /shared/photos --out /shared/catalog.parquet --engine ray "
            "--address auto --workers 16 (see README, 'Large collections')."
        ),
    )
    p.add_argument("folder", type=Path, metavar="DIR", help="folder of photos")
    p.add_argument("--out", required=True, type=Path, metavar="OUT", help="catalog file: .jsonl, .csv, .md or .parquet")
    add_model_option(p)
    add_generator_option(p)
    p.add_argument("--top-k", type=positive_int, default=5, help="candidates kept per photo (default 5)")
    add_cache_option(p)
    add_backend_option(p)
    p.add_argument(
        "--batch-size", type=positive_int, default=32, help="photos described and committed at a time (default 32)"
    )
    p.add_argument(
        "--restart",
        action="store_true",
        help="catalog from scratch into OUT's name with .restarting (catalog.restarting.csv), which replaces OUT when "
        "the run completes: OUT keeps the old catalog until then, and a stopped restart goes on when run again",
    )
    p.add_argument(
        "--engine",
        choices=["local", "ray"],
        default="local",
        help="local: this process (default); ray: a Ray Data actor pool (pip install 'gemlang[scale]')",
    )
    p.add_argument(
        "--address",
        default=None,
        help="Ray cluster to run on ('auto', or ray://HEAD:10001); default: a local Ray of --workers CPUs",
    )
    p.add_argument(
        "--workers", type=positive_int, default=None, help="with --engine ray: actors, each with the model (default 2)"
    )
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.set_defaults(func=run)


def run(args) -> int:
    from functools import partial

    from gemlang.cli import CommandError
    from gemlang.collection.catalog_file import CatalogWriter, catalog_format
    from gemlang.collection.catalog_run import local_batches, run_catalog, run_settings
    from gemlang.collection.photos import iter_photos
    from gemlang.data.images import PHOTO_FORMATS
    from gemlang.features import FeatureCache
    from gemlang.io import check_writable, printable
    from gemlang.language.describe import load_generator
    from gemlang.model import GemClassifier

    catalog_format(args.out)
    check_writable(args.out)
    if args.batch_size < 1:
        raise CommandError("--batch-size must be at least 1")
    ray_options = [o for o, v in (("--address", args.address), ("--workers", args.workers)) if v]
    if ray_options and args.engine != "ray":
        sets, them = ("sets", "it") if len(ray_options) == 1 else ("set", "them")
        raise CommandError(f"{' and '.join(ray_options)} {sets} up Ray: use {them} with --engine ray")
    args.workers = args.workers or 2
    if next(iter_photos(args.folder), None) is None:
        raise CommandError(f"{args.folder}: no photos found ({PHOTO_FORMATS})")
    model = args.model if args.model == "default" else str(Path(args.model).resolve())
    clf = GemClassifier.load(model, backend=args.backend)
    generator = load_generator(args.generator)  # a folder that is no text model fails here, before any record
    writer = CatalogWriter(args.out, run_settings(model, args.top_k, args.generator), restart=args.restart)
    if writer.restarting:
        print(restart_line(writer), file=sys.stderr)
    if args.engine == "ray":
        from gemlang.collection.ray_engine import ray_batches, start_ray

        start_ray(args.address, args.workers)
        batches = partial(
            ray_batches, model=model, backend=args.backend, generator=args.generator, top_k=args.top_k,
            batch_size=args.batch_size, cache_dir=str(args.cache.resolve()) if args.cache else None,
            workers=args.workers,
        )  # fmt: skip
    else:
        batches = partial(
            local_batches, classifier=clf, generator=generator, top_k=args.top_k,
            batch_size=args.batch_size, cache=FeatureCache(args.cache),
        )  # fmt: skip

    def report(row) -> None:
        from tqdm.auto import tqdm

        tqdm.write(f"could not describe {row['error']}", file=sys.stderr)  # above the progress bar, not through it

    # rows name photos by their full path: a later run from another folder, or a resume, still finds them
    folder = Path(args.folder).absolute()
    try:
        summary = run_catalog(folder, writer, batches, progress=not args.no_progress, on_failure=report)
        # one pass over OUT: the rows gone, replaced or of other folders, the rows the copies share, and the rows
        # of photos that moved, which take their new path while this run still holds OUT.lock
        copied = {k for _, k in summary.copies_named}
        gone, replaced, elsewhere, origins, moved = stale_rows(writer.path, folder, copied)
        writer.move_rows(moved)
        writer.finish()
    except KeyboardInterrupt:  # every committed batch is kept: say so, and how to go on
        kept = f", and {args.out} is kept as it was until the restart completes" if writer.restarting else ""
        print(f"stopped: {len(writer.done)} photos are in {writer.path}{kept}; run the same command again to go on "
              "from there", file=sys.stderr)  # fmt: skip
        raise
    finally:
        writer.close()  # OUT.lock goes with the run, however it ended
    copies = summary.copies
    as_copies = "a copy of a photo" if copies == 1 else "copies of photos"
    print(
        f"{summary.described} of {summary.visited} photos described"
        + (f", {summary.failed} could not be read" if summary.failed else "")
        + (f", {summary.resumed} already in {args.out.name}" if summary.resumed else "")
        + (f", {copies} skipped as {as_copies} already in the catalog (one row per content)" if copies else "")
        + f"; catalog written to {args.out}"
    )
    # a copy has no row of its own: say whose row describes it, so a look-up by its name can find it
    for photo, key in summary.copies_named:
        photo, origin = printable(photo), origins.get(key, "another photo")  # as rows write names
        if origin == photo:  # its row is an earlier run's, and a copy of it under another name was visited first
            print(f"{photo}: its row also describes a copy of it under another name", file=sys.stderr)
        else:
            print(f"{photo}: a copy of {origin}, whose row describes it", file=sys.stderr)
    if copies > len(summary.copies_named):
        print(f"and {copies - len(summary.copies_named)} more copies, skipped likewise", file=sys.stderr)
    if moved:
        (_, was), now = next(iter(moved.items()))
        print(f"{len(moved)} photo(s) moved: their rows in {args.out.name} now give the new paths (e.g. {was}, now "
              f"{now})", file=sys.stderr)  # fmt: skip
    if summary.still_failing:
        print(
            f"{summary.still_failing} photo(s) an earlier run could not read still cannot be read (their rows in "
            f"{args.out.name} say why)",
            file=sys.stderr,
        )
    if elsewhere:  # a catalog may gather several folders, but one meant for this folder alone should not
        print(
            f"note: {args.out.name} also holds {len(elsewhere)} row(s) of photos outside {args.folder}, e.g. "
            f"{elsewhere[0]}; use another --out to catalog this folder on its own",
            file=sys.stderr,
        )
    if gone:
        print(
            f"{len(gone)} row(s) of {args.out.name} describe photos no longer there (deleted, or moved out of "
            f"{args.folder}), e.g. {gone[0]}: run with --restart to rebuild the catalog from the folder as it is",
            file=sys.stderr,
        )
    if replaced:
        print(
            f"{len(replaced)} photo(s) were replaced since an earlier run described them, e.g. {replaced[0]}: "
            f"{args.out.name} keeps the old row beside the new one; run with --restart to rebuild the catalog",
            file=sys.stderr,
        )
    return SKIPPED_STATUS if summary.any_failed else 0


def restart_line(writer) -> str:
    """What a restart does, in one line: where the new catalog goes, and that OUT is kept until it is complete."""
    side, out = writer.path.name, writer.out.name
    doing = (
        f"going on with the --restart stopped earlier ({len(writer.done)} photos already in {side})"
        if writer.resumed_restart
        else f"--restart: cataloguing anew into {side}"
    )
    kept = f"its {writer.kept} row(s)" if writer.kept else "what it holds"
    if not writer.out.exists():
        return f"{doing}; it becomes {out} when the run completes"
    return f"{doing}; {out} keeps {kept} until the run completes and replaces it"


def stale_rows(
    out: Path, folder: Path, copied: set[str] = frozenset()
) -> tuple[list[str], list[str], list[str], dict[str, str], dict[tuple[str, str], str]]:
    """The photos a catalog's rows no longer describe: those gone from where the rows say (neither among the
    photos of `folder` now, as the rows write their names, a name in another encoding escaped, nor on disk),
    and those replaced by another photo under the same name (a later run added its row beside the old one);
    the photos of rows outside `folder` (catalogued from another folder); of each content key in `copied`,
    the photo of its first row (whose row a copy skipped shares); and the rows of photos that moved, (row key,
    photo) -> the photo of `folder` that now holds their content (`moved_photos`), which are not gone."""
    import os
    from collections import defaultdict

    from gemlang.collection.catalog_file import read_rows
    from gemlang.collection.catalog_rows import row_key
    from gemlang.collection.photos import iter_photos
    from gemlang.io import printable

    present = {printable(str(photo)) for photo in iter_photos(folder)}
    contents: dict[str, set[str]] = defaultdict(set)  # the contents each photo's rows described
    failed: dict[str, set[str]] = defaultdict(set)  # the contents of photos whose rows say they cannot be read
    origins: dict[str, str] = {}
    for row in read_rows(out):
        if row.get("photo"):
            contents[row["photo"]] |= {row.get("sha256") or ""} if not row.get("error") else set()
            if row.get("error") and row.get("sha256"):
                failed[row["photo"]].add(row["sha256"])
        if copied and (key := row_key(row)) in copied:
            origins.setdefault(key, row["photo"])
    gone = [photo for photo in contents if photo not in present and not Path(photo).exists()]
    moved = moved_photos(folder, {photo: contents[photo] | failed[photo] for photo in gone}, contents)
    left = {photo for _, photo in moved}  # a photo whose row moved with it is no longer gone
    gone = [photo for photo in gone if photo not in left]
    origins = {key: moved.get((key, photo), photo) for key, photo in origins.items()}
    # a photo that could not be read and was fixed since is described beside its error row, not replaced
    replaced = [photo for photo, digests in contents.items() if len(digests) > 1 and photo not in gone]
    # inside `folder` by name, or once links and ".." are resolved (each row's folder once)
    real_folders: dict[str, str] = {}
    inside = (os.path.normpath(folder) + os.sep, os.path.realpath(folder) + os.sep)

    def outside(photo: str) -> bool:
        if os.path.normpath(photo).startswith(inside[0]):
            return False
        parent = os.path.dirname(photo)
        real = real_folders.setdefault(parent, os.path.realpath(parent) + os.sep)
        return not real.startswith(inside[1])

    elsewhere = [photo for photo in contents if photo not in present and photo not in left and outside(photo)]
    return gone, replaced, elsewhere, origins, moved


def moved_photos(folder: Path, gone: dict[str, set[str]], with_rows: Container[str]) -> dict[tuple[str, str], str]:
    """Where photos whose rows are `gone` (photo -> the contents its rows hold) are now: for each content, the
    first photo of `folder`, in the order a run visits them, that has no row of its own (`with_rows`) and holds
    that content. Only such photos are hashed again: a run keeps no path of the photos it skips."""
    from gemlang.collection.catalog_rows import digest_or_reason
    from gemlang.collection.photos import iter_photos
    from gemlang.io import printable

    wanted: dict[str, list[str]] = {}  # content -> the gone photos whose rows hold it
    for photo, digests in gone.items():
        for digest in digests - {""}:
            wanted.setdefault(digest, []).append(photo)
    moved: dict[tuple[str, str], str] = {}
    for photo in iter_photos(folder) if wanted else ():
        name = printable(str(photo))
        if name in with_rows:
            continue
        digest, _ = digest_or_reason(photo)
        for was in wanted.pop(digest, []):
            moved[(digest, was)] = name
        if not wanted:
            break
    return moved
