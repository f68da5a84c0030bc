"""Birthstones: "what is the birthstone for July?", "is tanzanite a birthstone?", "what are the birthstones?"; and
the gems of wedding anniversaries: "what gem for a 10th anniversary?".

Answered from `birthstones.json`: the modern list most jewellers use (Jewelers of America's of 1912, as
amended), with the year a gem joined it, and a word that lists differ by country and era; the American Gem Trade
Association's anniversary list, with the gems other lists give for some years.
"""

from __future__ import annotations

import calendar
import json
import re
from functools import cache
from pathlib import Path

BIRTHSTONES_PATH = Path(__file__).with_name("birthstones.json")
MONTHS = {name.lower(): name for name in calendar.month_name[1:]}
MONTH = re.compile(r"\b(" + "|".join(MONTHS) + "|" + "|".join(m[:3] for m in MONTHS) + r")\b", re.I)
# "my wife was born in september, what gem?": a month of birth asks its birthstone
BIRTHSTONE = re.compile(r"\bbirth\s?stones?\b|\bbirth month\b|\bborn in (?:early |late )?" + MONTH.pattern, re.I)
# "what month is emerald?", "which month is peridot for?": a birthstone's month, when the word names a birthstone
MONTH_OF_A_GEM = re.compile(r"^\s*(?:what|which) months? (?:is|are) (?:an? )?([a-z]+)(?: for)?\s*\??\s*$", re.I)


@cache
def _list() -> dict:
    with open(BIRTHSTONES_PATH, encoding="utf-8") as f:
        return json.load(f)


def sources() -> list[str]:
    return list(_list()["sources"])


def _gems(month: str) -> str:
    """'pearl, moonstone or alexandrite (since 1952)'."""
    data = _list()
    named = [g + (f" (since {data['added'][g]})" if g in data["added"] else "") for g in data["months"][month]]
    return named[0] if len(named) == 1 else ", ".join(named[:-1]) + " or " + named[-1]


LIST = "on the modern list most jewellers use (lists differ by country and era)"


def _month_said(text: str) -> str | None:
    """The month a message names ("July", "jul"), or None."""
    said = [m.group(1).lower()[:3] for m in MONTH.finditer(text)]
    said = [m for m in said if m != "may"] or said  # "may" is a month only when no other is named
    return next((m for m in MONTHS.values() if m.lower().startswith(said[0])), None) if said else None


# "what is the zodiac stone for leo?", "which gem is for scorpio?", "my star sign stone?": a sign named beside a stone
# ("cancer" only with a word of the zodiac: "a stone for cancer" may ask a cure)
_SIGNS = r"aries|taurus|gemini|leo|virgo|libra|scorpio|sagittarius|capricorn|aquarius|pisces"
_STONE_WORD = r"(?:birth\s?)?stones?|gems?|gemstones?|crystals?"
ZODIAC = re.compile(
    r"\bzodiac\w*|\bstar ?signs?\b|\bsun ?signs?\b|\bastrolog\w*|\bhoroscope\w*|"
    rf"\b(?:{_SIGNS})s?\b(?=.*\b(?:{_STONE_WORD})\b)|\b(?:{_STONE_WORD})\b.*\b(?:{_SIGNS})s?\b",
    re.I,
)
NO_ZODIAC = (
    "A zodiac (star-sign) stone is no gemmological fact, and my knowledge base holds no zodiac list, so I will not "
    "guess one."
)


def zodiac_answer(text: str) -> str:
    """That the knowledge base holds no zodiac stones, with the birthstone of a month the message names ("born in
    August") or how to ask one; '' for a message of no zodiac sign."""
    if not ZODIAC.search(text or ""):
        return ""
    if month := _month_said(text):
        return f"{NO_ZODIAC} The birthstone for **{month}** is {_gems(month)}, {LIST}."
    return f'{NO_ZODIAC} Birthstones go by month: tell me yours ("the birthstone for August?").'


def birthstone_answer(text: str) -> str:
    """The answer to a birthstone question (a zodiac sign's said to be none the knowledge base holds), or '' when
    the message asks none."""
    if zodiac := zodiac_answer(text):
        return zodiac
    of_a_gem = MONTH_OF_A_GEM.match(text or "")
    if not BIRTHSTONE.search(text or "") and not of_a_gem:
        return ""
    data = _list()
    if month := _month_said(text):
        return f"The birthstone for **{month}** is {_gems(month)}, {LIST}."
    lowered = text.lower()
    months_of = {
        gem: month for month, gems in data["months"].items() for gem in gems if re.search(rf"\b{gem}s?\b", lowered)
    }
    if of_a_gem and not months_of:  # "what month is it?"
        return ""
    if months_of:  # "is tanzanite a birthstone?", "which month is peridot for?"
        return " ".join(
            f"**{gem[:1].upper() + gem[1:]}** is a birthstone for {month}"
            + (f" (since {data['added'][gem]})" if gem in data["added"] else "")
            + f", {LIST}."
            for gem, month in months_of.items()
        )
    listed = "; ".join(f"{month}: {_gems(month)}" for month in data["months"])
    return f"The birthstones {LIST}: {listed}."


def birthstone_of_stone(text: str, names: list[str]) -> str:
    """For "is it my birthstone?" of a stone answered as the gem `names` (its name, then its species): the month
    it is for, and whether it is the person's when they name their month; '' when no birthstone is asked of it."""
    # "is it my birthstone?", "what's its birthstone month?"
    of_it = r"\b(?:it|this|my stone)\b|\bits (?:birth\s?stone|birth month|month)"  # not "… with its sources"
    if not BIRTHSTONE.search(text or "") or not re.search(of_it, text, re.I):
        return ""
    data, lowered = _list(), " ".join(names).lower()
    named = {m: gem for m, gems in data["months"].items() for gem in gems if re.search(rf"\b{gem}\b", lowered)}
    months = list(named)
    yours = _month_said(text)
    if not months:
        told = f"the birthstone for **{yours}** is {_gems(yours)}, {LIST}" if yours else f"none is, {LIST}"
        return f"**{names[0]}** is no month's birthstone: {told}."
    since = [m + (f" (since {data['added'][gem]})" if gem in data["added"] else "") for m, gem in named.items()]
    text = f"**{names[0]}** is a birthstone for {' and '.join(since)}, {LIST}."
    if yours:
        text += " So it is yours." if yours in months else f" Yours, for {yours}, is {_gems(yours)}."
    return text


# "what gem for a 10th anniversary?", "our 10 year anniversary", "our twelfth wedding anniversary", "anniversary
# gemstones?"
_FIRST = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
_ORDINALS = {
    **{word: n for n, word in enumerate(_FIRST, 1)},
    "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    **{f"twenty-{word}": 20 + n for n, word in enumerate(_FIRST[:5], 1)},
    "thirtieth": 30, "thirty-fifth": 35, "fortieth": 40, "forty-fifth": 45, "fiftieth": 50, "fifty-fifth": 55,
    "sixtieth": 60,
}  # fmt: skip
ANNIVERSARY = re.compile(
    rf"\b(?:(?P<year>\d{{1,2}})(?:st|nd|rd|th|[\s-]*years?)?|"
    rf"(?P<word>{'|'.join(w.replace('-', '[- ]?') for w in _ORDINALS)}))?[\s-]*(?:wedding\s+)?anniversar(?:y|ies)\b",
    re.I,
)
# a question, not "happy anniversary!"
GIFT_ASKED = re.compile(r"\?|\b(?:gems?|gemstones?|stones?|gifts?|presents?|jewell?ery|what|which)\b", re.I)
# a stone in hand asked about, not the year's gem: "I got this ring for our anniversary, what gem is it?", "our 10th
# anniversary gift, is it real?", "anniversary ring, RI 1.76" (but "which gem is it for a 10th anniversary?")
OF_A_STONE = re.compile(r"\b(?:this|these|it(?!\s+(?:for|on)\b))\b|\d[.,]\d", re.I)
ANNIVERSARY_LIST = "on the American Gem Trade Association's list"


def anniversary_sources() -> list[str]:
    return list(_list()["anniversary_sources"])


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 < 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def anniversary_answer(text: str) -> str:
    """The gem of the wedding anniversary a message asks about, or of each when it names no year, with a word that
    the lists differ; '' when it asks none."""
    if not (asked := ANNIVERSARY.search(text or "")) or not GIFT_ASKED.search(text) or OF_A_STONE.search(text):
        return ""
    data = _list()
    gems, others = data["anniversaries"], data["others_for"]
    differ = "no list is official, and jewellers' and countries' lists give other gems for some years"
    word = re.sub(r"y[- ]?(?=[a-z])", "y-", (asked["word"] or "").lower())  # "twenty first": "twenty-first"
    year = int(asked["year"]) if asked["year"] else _ORDINALS.get(word)
    lowered = text.lower()
    years_of = {gem: [int(y) for y, g in gems.items() if g == gem] for gem in gems.values() if gem in lowered}
    if year is None and years_of:  # "is ruby an anniversary stone?"
        said = "; ".join(f"{gem} for the {' and '.join(_ordinal(y) for y in ys)}" for gem, ys in years_of.items())
        return f"Anniversary gems {ANNIVERSARY_LIST}: {said}. Lists differ: {differ}."
    if year is None:
        listed = "; ".join(f"{_ordinal(int(y))} {gem}" for y, gem in gems.items())
        return f"The wedding anniversary gems {ANNIVERSARY_LIST}: {listed}. Lists differ: {differ}."
    if str(year) not in gems:
        return (
            f"The American Gem Trade Association's anniversary list names no gem for the {_ordinal(year)}: it gives "
            f"one for each year to the 25th, then for every fifth to the 60th. Lists differ: {differ}."
        )
    also = others.get(str(year), [])
    named = ", ".join(also[:-1]) + " or " + also[-1] if len(also) > 1 else "".join(also)
    return f"For a **{_ordinal(year)}** wedding anniversary: {gems[str(year)]}, {ANNIVERSARY_LIST}. Lists differ: " + (
        f"{differ} ({named} for the {_ordinal(year)})." if also else f"{differ}."
    )
