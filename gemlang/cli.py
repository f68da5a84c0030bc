"""`gemlang` command line: one sub-command per module in gemlang/commands/, each a thin layer over the library."""

from __future__ import annotations

import argparse
import importlib
import sys

# Each module defines `register(subparsers)`, which adds its parser and sets `func` to its runner.
COMMANDS = ["predict", "train", "evaluate", "explain", "describe", "catalog", "score", "app", "search"]


class CommandError(Exception):
    """A problem the user can fix; printed as one line, without a traceback."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gemlang",
        description="Recognise gemstones and minerals from photos, and describe them like a gemmologist.",
        epilog="Run `gemlang COMMAND --help` for the options of one command.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        importlib.import_module(f"gemlang.commands.{name}").register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    from gemlang.data import DatasetError, ImageError
    from gemlang.encoders import EncoderError
    from gemlang.model import ModelError

    args = build_parser().parse_args(argv)
    try:
        return args.func(args) or 0
    except (CommandError, DatasetError, ImageError, EncoderError, ModelError, FileNotFoundError, ValueError) as e:
        print(f"gemlang {args.command}: error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
