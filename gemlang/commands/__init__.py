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


def positive_float(text: str) -> float:
    """An argparse type for amounts that must be above 0 (--C)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"{text} is too small: give a number above 0")
    return value


def add_cache_option(parser: argparse.ArgumentParser) -> None:
    """--cache, as every command that encodes photos takes it."""
    parser.add_argument(
        "--cache", type=Path, default=None, help="feature cache folder (default $GEMLANG_CACHE, else ~/.cache/gemlang)"
    )


def print_skipped(path: object, reason: str) -> None:
    """Say on stderr that a photo was skipped, apart from the results on stdout (every command alike)."""
    print(skipped_line(path, reason), file=sys.stderr)


def skipped_line(path: object, reason: str) -> str:
    """'skipped PATH: why' for a photo that could not be used; the path once, even when the reason names it."""
    from gemlang.io import printable

    path = printable(str(path))
    reason = printable(reason)
    return f"skipped {reason}" if reason.startswith(path) else f"skipped {path}: {reason}"
