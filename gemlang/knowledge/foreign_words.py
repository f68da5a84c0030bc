"""Words of the gem trade in Spanish, Portuguese and German read as their English ones: "Härte 7" is hardness 7.

People type their readings in the words they work in; the parsers know English. `in_english` puts the words of
`foreign_words.json` (each with the page its translation was checked against) in English before a message is read,
and leaves every other word as it was.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from pathlib import Path

FOREIGN_WORDS_PATH = Path(__file__).with_name("foreign_words.json")


def _plain(word: str) -> str:
    """A word without its accents, as it is often typed ("Harte" for "Härte")."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


@cache
def foreign_words() -> dict[str, str]:
    """Each foreign word, lower case, as written and without its accents, and the English word read for it."""
    with open(FOREIGN_WORDS_PATH, encoding="utf-8") as f:
        entries = json.load(f)["words"]
    forms = ((e["english"], form) for e in entries for form in (e["word"], *e.get("forms", ())))
    return {said.lower(): english for english, form in forms for said in (form, _plain(form))}


@cache
def _pattern() -> re.Pattern:
    words = sorted(foreign_words(), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)", re.I)


def in_english(text: str) -> str:
    """`text` with the foreign trade words it uses in English: "dureza 7" -> "hardness 7"."""
    return _pattern().sub(lambda m: foreign_words()[m.group(0).lower()], text or "")
