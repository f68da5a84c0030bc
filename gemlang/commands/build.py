"""`gemlang build NAME`: rebuild one of the models gemlang ships (see gemlang/builds.py)."""

from __future__ import annotations

from pathlib import Path

from gemlang.commands import add_cache_option


def register(subparsers) -> None:
    from gemlang.builds import BUILDERS

    p = subparsers.add_parser(
        "build",
        help="rebuild a model gemlang ships (the built-in classifier, the image-text alignment, ...)",
        description=(
            "Train one of the models that ship inside gemlang on a folder of photos (one sub-folder per class) "
            "and write it with its model card. The shipped ones were built from the training split of the "
            "gemstones-images collection. Features are cached, so a rebuild over the same photos does no "
            "encoder work. Benchmarks of what is built live in eval/ of the source repository."
        ),
    )
    builds = p.add_subparsers(dest="build", metavar="NAME", required=True)
    for name, builder in BUILDERS.items():
        b = builds.add_parser(name, help=builder.summary, description=f"Build {builder.summary}.")
        b.add_argument("--data", type=Path, required=True, help="folder with one sub-folder of photos per class")
        beside = f"; for --model DIR, DIR/{builder.beside_model}" if builder.beside_model else ""
        b.add_argument(
            "--out",
            type=Path,
            default=None,
            help=f"folder to write (default: the shipped one, {builder.default_out}{beside})",
        )
        add_cache_option(b)
        b.add_argument("--seed", type=int, default=0, help="random seed of the folds and of training (default 0)")
        for option, spec in builder.options.items():
            b.add_argument(f"--{option.replace('_', '-')}", dest=option, **spec)
        b.set_defaults(func=run, builder=builder, options=list(builder.options))


def run(args) -> int:
    from gemlang.features import FeatureCache
    from gemlang.io import check_replaceable

    options = {name: getattr(args, name) for name in args.options}
    if args.out is None and args.builder.out_for(options) == args.builder.default_out:
        check_shipped_classes(args.data, args.build, args.builder.default_out)
    args.out = args.out or args.builder.out_for(options)
    check_replaceable(args.out)  # before the build's work, not after it
    args.builder.build(data=args.data, out=args.out, cache=FeatureCache(args.cache), seed=args.seed, **options)
    print(f"{args.build} written to {args.out}")
    return 0


def check_shipped_classes(data: Path, build: str, shipped_folder: Path) -> None:
    """A build into the folder gemlang ships replaces what every user of this installation gets: only from a
    folder with the shipped classifier's classes (a rebuild), never from a collection of one's own."""
    import json

    from gemlang.data import scan_image_folder
    from gemlang.data.dataset import class_difference
    from gemlang.errors import UsageError
    from gemlang.model import DEFAULT_MODEL_DIR

    shipped = json.loads((DEFAULT_MODEL_DIR / "config.json").read_text())["classes"]
    found = scan_image_folder(data).classes
    if found != shipped:
        raise UsageError(
            f"{data}: its classes differ from the shipped classifier's ({class_difference(found, shipped)}), and "
            f"without --out `gemlang build {build}` writes into the folder gemlang ships ({shipped_folder}), which "
            "every answer uses. Pass --out DIR to build your own (then --model DIR), or use `gemlang train --data "
            "DIR --out MODEL` for a classifier of your own photos."
        )
