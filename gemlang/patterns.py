"""Regular expressions built from the knowledge (gem names, care and test wordings), compiled once each.

More distinct patterns are in use than `re` keeps compiled (512, dropped oldest first), so a pattern string handed to
`re.search` in a loop over gems or entries is compiled again for nearly every message, and evicts the module-level
ones too. Patterns come from data and code, never from a message, so this cache stays bounded."""

from __future__ import annotations

import re
from functools import cache


@cache
def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`pattern` compiled with `flags`, once."""
    return re.compile(pattern, flags)
