"""One module per `gemlang` sub-command; see gemlang/cli.py."""

import argparse
import sys
from pathlib import Path


def _whole_number(text: str, least: int) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < least:
        raise argparse.ArgumentTypeError(f"{value} is too small: give {least} or more")
    return value


def positive_int(text: str) -> int:
    """An argparse type for counts that must be at least 1 (--top-k, --batch-size, --workers, ...)."""
    return _whole_number(text, 1)


def count(text: str) -> int:
    """An argparse type for counts that may be 0 (--similar 0: none)."""
    return _whole_number(text, 0)


def folds(text: str) -> int:
    """An argparse type for --cv: 2 or more folds, or 0 for none (one fold would hold no photo out)."""
    value = _whole_number(text, 0)
    if value == 1:
        raise argparse.ArgumentTypeError("1 fold holds nothing out: give 2 or more folds, or 0 for none")
    return value


def positive_float(text: str) -> float:
    """An argparse type for amounts that must be above 0 (--C)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"{text} is too small: give a number above 0")
    return value


def cache_folder(text: str) -> Path:
    """--cache: a folder, or where one will be made; a file there is refused before any work."""
    path = Path(text)
    if path.exists() and not path.is_dir():
        raise argparse.ArgumentTypeError(f"{text} is a file: the feature cache is a folder; give another path")
    return path


def add_cache_option(parser: argparse.ArgumentParser) -> None:
    """--cache, as every command that encodes photos takes it."""
    parser.add_argument(
        "--cache",
        type=cache_folder,
        default=None,
        help="feature cache folder (default $GEMLANG_CACHE, else ~/.cache/gemlang); one that cannot be written "
        "gives way to one in the temporary folder, with a warning",
    )


def add_photo_argument(parser: argparse.ArgumentParser, help: str, several: str, optional: bool = False) -> None:
    """PHOTO, for a command that takes one photo. More photos, or a folder, are an error that says the command takes
    one and `several`, where several go (`refuse_more_photos`), not argparse's "unrecognized arguments"."""
    parser.add_argument("photo", nargs="?" if optional else None, metavar="PHOTO", help=help)
    parser.add_argument("more_photos", nargs="*", help=argparse.SUPPRESS)
    parser.set_defaults(several_photos=several)


def refuse_more_photos(args: argparse.Namespace) -> None:
    """The one-line error for photos beyond the one a command (`add_photo_argument`) takes, or a folder of them."""
    from gemlang.errors import UsageError

    if getattr(args, "more_photos", None):
        given = len(args.more_photos) + (args.photo is not None)
        raise UsageError(f"{args.command} takes one photo ({given} given). {args.several_photos}")
    if args.photo is not None and Path(args.photo).is_dir():
        raise UsageError(f"{args.photo}: is a folder, not a photo. {args.several_photos}")


def add_model_option(parser: argparse.ArgumentParser) -> None:
    """--model, as every command that answers from a trained classifier takes it."""
    parser.add_argument("--model", default="default", help="model folder from `gemlang train`, or 'default' (built in)")


def add_generator_option(parser: argparse.ArgumentParser) -> None:
    """--generator, as every command that writes descriptions takes it."""
    parser.add_argument(
        "--generator",
        default=None,
        metavar="PATH",
        help="local Hugging Face text-generation model folder to write the prose (default: templates)",
    )


def add_backend_option(parser: argparse.ArgumentParser) -> None:
    """--backend, as every command that runs a classifier on photos takes it."""
    from gemlang.serving import BACKENDS

    parser.add_argument(
        "--backend", default=None, choices=BACKENDS,
        help="encoders on onnxruntime (fast on a CPU; exported once on first use) or eager PyTorch "
        "(default auto: onnxruntime unless a CUDA GPU is visible; or set GEMLANG_BACKEND); an int8 model, the "
        "built-in one included, runs on onnxruntime only",
    )  # fmt: skip


# Exit status, every command alike: 0 done; 1 done, but some photos were skipped (each said on stderr);
# 2 nothing done, an error to fix.
SKIPPED_STATUS = 1


def report_skipped(skipped) -> int:
    """Say on stderr which photos were skipped, apart from the results on stdout: (path, why) pairs or a
    {path: why} mapping. The command's exit status: 1 if any photo was skipped, else 0."""
    pairs = list(skipped.items() if hasattr(skipped, "items") else skipped)
    for path, reason in pairs:
        print(skipped_line(path, reason), file=sys.stderr)
    return SKIPPED_STATUS if pairs else 0


def skipped_line(path: object, reason: str) -> str:
    """'skipped PATH: why' for a photo that could not be used; the path once, even when the reason names it."""
    from gemlang.io import printable

    path = printable(str(path))
    reason = printable(reason)
    return f"skipped {reason}" if reason.startswith(path) else f"skipped {path}: {reason}"
