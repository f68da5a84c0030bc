"""`gemlang` command line: one sub-command per module in gemlang/commands/, each a thin layer over the library."""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys

from gemlang import __version__
from gemlang.errors import GemlangError

# Each module defines `register(subparsers)`, which adds its parser and sets `func` to its runner.
COMMANDS = [
    "predict",
    "train",
    "evaluate",
    "explain",
    "describe",
    "catalog",
    "score",
    "app",
    "search",
    "index",
    "build",
]


class CommandError(GemlangError):
    """A problem with the command line the user can fix; printed as one line, without a traceback."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gemlang",
        description="Recognise gemstones and minerals from photos, and describe them like a gemmologist.",
        epilog="Run `gemlang COMMAND --help` for the options of one command. Exit status: 0 done; 1 done, but "
        "some photos were skipped (each named on stderr); 2 an error, explained in one line.",
    )
    parser.add_argument("--version", action="version", version=f"gemlang {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        importlib.import_module(f"gemlang.commands.{name}").register(subparsers)
    parser.set_defaults(commands=subparsers.choices)
    return parser


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line, with a command's options allowed between its positionals ("search TEXT --top 3 DIR"),
    and a command's own usage in its errors."""
    parser = build_parser()
    argv = sys.argv[1:] if argv is None else list(argv)
    if not argv and parser.get_default("commands"):  # `gemlang` alone: what it can do, as `./run` alone shows
        parser.print_help()
        raise SystemExit(0)
    args, extra = parser.parse_known_args(argv)
    if not extra:
        return args
    command = args.commands[args.command]
    try:  # a command with sub-commands of its own (build) cannot mix them: the plain parse says what is wrong
        mixed = command.parse_intermixed_args(argv[argv.index(args.command) + 1 :])
    except TypeError:
        return parser.parse_args(argv)
    return argparse.Namespace(**{**vars(args), **vars(mixed)})


def show_progress_messages() -> logging.Handler:
    """Print the library's progress messages (logger "gemlang", INFO and up) on stderr, as plain lines."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger = logging.getLogger("gemlang")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return handler


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    handler = show_progress_messages()
    try:
        return args.func(args) or 0
    except GemlangError as e:
        # an int8 model refused for GEMLANG_BACKEND=torch (model.Int8NeedsOnnx): a command with --backend has one
        # more way out, which the library cannot know of
        overridable = getattr(e, "by_environment", False) and "backend" in args
        also = " Or pass --backend onnx: it overrides GEMLANG_BACKEND." if overridable else ""
        print(f"gemlang {args.command}: error: {e}{also}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # "gemlang predict ... | head": the reader has what it wanted
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so Python's own flush at exit does not fail again
        return 141  # the shell's code for a process stopped by SIGPIPE
    # A missing file, a folder that cannot be written or a full disk is the person's to fix too; any other
    # exception is a bug and keeps its traceback.
    except OSError as e:
        where = f"{e.filename}: " if e.filename else ""
        print(f"gemlang {args.command}: error: {where}{e.strerror or e}", file=sys.stderr)
        return 2
    finally:
        logging.getLogger("gemlang").removeHandler(handler)


if __name__ == "__main__":
    sys.exit(main())
