"""Readings without a photo, answered like a gemmologist's determinative table: one line per gem the evidence
can tell apart.

    entries = table_entries(model, model.fuse(None, parse_hints("RI 1.544-1.553, SG 2.65")), hints)
    entries[0].name    # "Quartz (Amethyst, Ametrine, Citrine, Quartz Beer, …)"
    entries[0].gems    # every variety of the line, most probable first

Gems that share every constant (`EvidenceModel.twins`: the quartz colours, the chalcedonies, ruby and the
sapphires, spodumene's varieties) are one line with their summed probability: no refractometer, balance or
polariscope reading can put one above another, so listing them one by one only fills the answer with one
species. When the person names a colour, it splits a line: the twins listed in that colour (at least `FITS`
of their listed colours, a near name counted by its closeness; `gemlang.knowledge.colours`) stay the line,
most probable first ("purple" with quartz readings: Amethyst first, or Amethyst alone when no other quartz
is listed purple), and the other colours of the species follow as one line. With a photo, answers stay per
gem: the photo separates the colours.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np

from gemlang.fusion.evidence import EvidenceModel, Fused
from gemlang.hints import Hints
from gemlang.knowledge.colours import BASIC, FITS, closeness

LISTED = 4  # varieties named in a line's label before "…"


@dataclass(frozen=True)
class Entry:
    """One line of the table: a gem, or a group of gems no reading given can separate."""

    name: str  # "Ruby", or "Quartz (Amethyst, Citrine, …)"
    probability: float  # summed over the gems of the line
    gems: tuple[str, ...]  # most probable first
    group: str = ""  # the group's own name ("Quartz") when the line holds more than one gem

    @property
    def lead(self) -> str:
        """The most probable gem of the line."""
        return self.gems[0]


def group_name(model: EvidenceModel, members: list[int]) -> str:
    """What a gemmologist calls a twin group: the species the members share, by a member's name when one is named
    for it ("Quartz", "Chalcedony", "Corundum"), else the species itself when no other gem bears its name, else
    the members joined ("Hessonite or Tsavorite": a line named "Grossular" would read as the gem Grossular)."""
    words: Counter = Counter()
    for i in members:
        species = model.facts[i].species.lower()
        outside, _, inside = species.partition("(")
        words.update(w.strip(" )") for w in (outside, inside) if w.strip(" )"))
    names = {model.names[i].lower(): model.names[i] for i in members}
    named = [w for w, _ in words.most_common() if w in names]
    if named:
        return names[named[0]]
    species, count = words.most_common(1)[0] if words else ("", 0)
    named_elsewhere = species in {n.lower() for n in model.names}  # "Grossular" is a gem of its own, not this pair
    if count * 2 > len(members) and not named_elsewhere:
        return species.capitalize()
    names = [model.names[i] for i in members]
    return ", ".join(names[:-1]) + " or " + names[-1]


def _line(model: EvidenceModel, group: str, members: list[int], post: np.ndarray, rest: bool = False) -> Entry:
    members = sorted(members, key=lambda i: -post[i])
    gems = tuple(model.names[i] for i in members)
    probability = float(post[members].sum())
    if len(members) == 1:
        return Entry(gems[0], probability, gems)
    if " or " in group:  # a group with no name of its own: the line is its gems
        return Entry(", ".join(gems[:-1]) + " or " + gems[-1], probability, gems, group)
    shown = [g for g in gems if g != group]
    listed = ", ".join(shown[:LISTED]) + (", …" if len(shown) > LISTED else "")
    label = f"{group}, other colours" if rest else group
    return Entry(f"{label} ({listed})", probability, gems, group)


def _with_their_species(model: EvidenceModel, groups: np.ndarray, post: np.ndarray) -> tuple[np.ndarray, dict]:
    """Twin groups with each species gem a line of its own would otherwise give (Beryl, Jade, Garnet) joined to the
    likeliest line of its own kinds (Emerald, Jadeite, Almandine): "Beryl" beside "Emerald" is no alternative.
    Also {group: the species gem joined to it}, which names the line ("Jade (Jadeite)")."""
    groups, named = groups.copy(), {}
    alone = set(np.flatnonzero(np.bincount(groups)[groups] == 1).tolist())
    for broad, kinds in model.kinds_of_species.items():
        if broad not in alone:
            continue
        kinds = sorted(kinds, key=lambda i: -post[i])
        if post[kinds[0]] > 0 and groups[kinds[0]] not in named:
            groups[broad] = groups[kinds[0]]
            named[groups[broad]] = broad
    return groups, named


def table_entries(model: EvidenceModel, fused: Fused, hints: Hints, top: int | None = None) -> list[Entry]:
    """The ranking as table lines (twin groups one line each, split by a stated colour), most probable first."""
    post = fused.probabilities
    groups, species = _with_their_species(model, model.twin_group_ids, post)
    colour = None
    if hints.colours:  # how much of each gem's listed colours is the colour said
        near = np.array([[closeness(c, seen) for c in hints.colours] for seen in BASIC])
        colour = (model.colour_shares @ near).mean(1)
    lines: list[Entry] = []
    for g in np.unique(groups):
        members = [int(i) for i in np.flatnonzero(groups == g)]
        name = group_name(model, members) if len(members) > 1 else model.names[members[0]]
        name = model.names[species[g]] if g in species else name
        if colour is None or len(members) == 1:
            lines.append(_line(model, name, members, post))
            continue
        fits = [i for i in members if colour[i] >= FITS]
        others = [i for i in members if i not in fits]
        if fits:
            lines.append(_line(model, name, fits, post))
        if others:
            lines.append(_line(model, name, others, post, rest=bool(fits)))
    lines.sort(key=lambda e: -e.probability)
    return lines[:top] if top else lines
