"""Birthstones: "what is the birthstone for July?", "is tanzanite a birthstone?", "what are the birthstones?".

Answered from `birthstones.json`: the modern list most jewellers use (Jewelers of America's of 1912, as
amended), with the year a gem joined it, and a word that lists differ by country and era.
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


def birthstone_answer(text: str) -> str:
    """The answer to a birthstone question, or '' when the message asks none."""
    if not BIRTHSTONE.search(text or ""):
        return ""
    data = _list()
    if month := _month_said(text):
        return f"The birthstone for **{month}** is {_gems(month)}, {LIST}."
    lowered = text.lower()
    months_of = {
        gem: month for month, gems in data["months"].items() for gem in gems if re.search(rf"\b{gem}s?\b", lowered)
    }
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
    if not BIRTHSTONE.search(text or "") or not re.search(r"\b(?:it|this|my stone)\b", text, re.I):
        return ""
    data, lowered = _list(), " ".join(names).lower()
    months = [m for m, gems in data["months"].items() for gem in gems if re.search(rf"\b{gem}\b", lowered)]
    yours = _month_said(text)
    if not months:
        told = f"the birthstone for **{yours}** is {_gems(yours)}, {LIST}" if yours else f"none is, {LIST}"
        return f"**{names[0]}** is no month's birthstone: {told}."
    text = f"**{names[0]}** is a birthstone for {' and '.join(dict.fromkeys(months))}, {LIST}."
    if yours:
        text += " So it is yours." if yours in months else f" Yours, for {yours}, is {_gems(yours)}."
    return text
