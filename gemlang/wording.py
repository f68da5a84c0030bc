"""How a list is said in a sentence: the first few names, then how many more."""

from __future__ import annotations

from collections.abc import Sequence


def some_of(items: Sequence[str], shown: int, sep: str = ", ") -> str:
    """'Amethyst, Citrine, Quartz Rose and 6 more': the first `shown` items joined by `sep`, then the count of the
    rest ('; and 6 more' after items joined by '; ')."""
    listed = sep.join(items[:shown])
    if len(items) <= shown:
        return listed
    return f"{listed}{sep.rstrip(' ,')} and {len(items) - shown} more"
