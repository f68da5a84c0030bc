"""A reading finished over two messages, as people give them at the bench: the refractometer's other shadow edge
("RI 1.762", then "the other edge is 1.770"), and the unit of a number sent alone ("1.54", asked "RI or SG?",
then "it's the RI"; or "RI too", then "1.762-1.770"). Each is rewritten as the one reading it completes."""

from __future__ import annotations

import re

from gemlang.assistant.questions import (
    BARE_NUMBER,
    EDGE_VALUE,
    HIGHER_EDGE,
    LOWER_EDGE,
    OTHER_EDGE,
    UNIT_ALONE,
)
from gemlang.readings import Reading, labelled_at

EDGE_APART = 0.3  # two edges of one stone lie closer than this (the largest gem birefringence is about 0.29)


def unit_label(match: re.Match) -> str:
    unit = match.group("unit").lower().replace(".", "").replace(" ", "")
    return "RI" if unit.startswith(("ri", "refract")) else "SG"


def with_other_edge(text: str, held: Reading | None) -> str:
    """ "the other edge is 1.770" after RI 1.762: "RI 1.762-1.770", which then replaces the one edge held; after
    two edges, the new value replaces the edge it names ("the upper edge was 1.765"), else the one it is nearer
    ("oops, the other edge was 1.548" after 1.544-1.553). The message as it is otherwise."""
    said, edge = OTHER_EDGE.search(text), EDGE_VALUE.search(text)
    if held is None or said is None or edge is None or abs(float(edge.group(0)) - held.low) > EDGE_APART:
        return text
    value, named = float(edge.group(0)), said.group(0).lower()
    if HIGHER_EDGE.match(named):
        kept = held.low
    elif LOWER_EDGE.match(named):
        kept = held.high
    else:
        kept = held.low if abs(value - held.low) >= abs(value - held.high) else held.high
    low, high = sorted((kept, value))
    label = "" if labelled_at(text, edge.start()) else "RI "
    return f"{text[: edge.start()]}{label}{low:g}-{high:g}{text[edge.end() :]}"


def with_unit_given(text: str, number_before: str | None, unit_before: str | None) -> str:
    """A unit answering a number sent alone before ("1.54", then "it's the RI": "RI 1.54"), or a number answering
    a unit said alone before ("RI too", then "1.762-1.770": "RI 1.762-1.770"); the message as it is otherwise."""
    if number_before and (unit := UNIT_ALONE.fullmatch(text)):
        return f"{unit_label(unit)} {number_before}"
    if unit_before and (number := BARE_NUMBER.fullmatch(text)):
        return f"{unit_before} {number.group('value')}"
    return text


def waiting_for(text: str) -> tuple[str | None, str | None]:
    """What a message leaves waiting for its other half: (a number sent alone, a unit said alone)."""
    if number := BARE_NUMBER.fullmatch(text):
        return number.group("value"), None
    if unit := UNIT_ALONE.fullmatch(text):
        return None, unit_label(unit)
    return None, None
