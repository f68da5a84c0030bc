"""The one base of every error a person can fix: a bad photo, folder, option, file or a missing package.

The CLI and the app catch `GemlangError` and show its message as one line, because the message already says
what to do. Anything else (a ValueError from deep inside numpy, a KeyError from a typo in gemlang) is a bug
and keeps its traceback. Each subclass also keeps the built-in base it had before (ValueError, RuntimeError,
...), so code that caught those still does.
"""

from __future__ import annotations


class GemlangError(Exception):
    """A problem the person can fix; the message says what is wrong and what to do next."""


class UsageError(GemlangError, ValueError):
    """An argument or option value gemlang cannot use; the message names it and the values it accepts."""
