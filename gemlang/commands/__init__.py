"""One module per `gemlang` sub-command; see gemlang/cli.py."""

import argparse


def positive_int(text: str) -> int:
    """An argparse type for counts that must be at least 1 (--top-k, --batch-size, --workers, ...)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is too small: give 1 or more")
    return value
