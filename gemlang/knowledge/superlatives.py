"""Which gem is the hardest, the softest, the densest, of highest RI or most fire: "the hardest gem after
diamond?", "which gem is the softest?".

Answered from the knowledge base's own ranges, natural gems only, one line per species (ruby and the
sapphires are corundum), ranked by the middle of each range. Gems met mainly in collections say so, and a
man-made stone that would come first is named after the natural answer (moissanite is harder than corundum).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gemlang.knowledge.facts import GemFacts, format_quantity
from gemlang.knowledge.knowledge_base import all_gems, gems_named_in


@dataclass(frozen=True)
class Quantity:
    field: str  # GemFacts field holding a (min, max) range
    label: str  # as the answer names it
    phrase: str  # "the hardest natural gem"
    highest: bool  # the superlative asks for the largest value


# each superlative, with the quantity it ranks by
SUPERLATIVES = {
    r"hardest": Quantity("hardness", "Mohs", "the hardest natural gem", True),
    r"softest": Quantity("hardness", "Mohs", "the softest natural gem", False),
    r"densest|heaviest": Quantity("specific_gravity", "SG", "the densest natural gem", True),
    r"lightest|least dense": Quantity("specific_gravity", "SG", "the lightest natural gem", False),
    r"(?:highest|greatest|largest) (?:refractive index|ri)|most refractive": Quantity(
        "refractive_index", "RI", "the natural gem of highest refractive index", True
    ),
    r"lowest (?:refractive index|ri)|least refractive": Quantity(
        "refractive_index", "RI", "the natural gem of lowest refractive index", False
    ),
    r"(?:highest|greatest|largest|strongest) dispersion|most (?:dispersion|dispersive|fire)|fieriest": Quantity(
        "dispersion", "dispersion", "the natural gem of highest dispersion (fire)", True
    ),
}
_WORDS = "|".join(f"(?:{w})" for w in SUPERLATIVES)
# a question, not a turn of phrase: "the hardest gem", "which is the densest?", not "the hardest part is …"
SUPERLATIVE_QUESTION = re.compile(
    rf"\b(?:what|which)\b[^.?!]{{0,40}}?\b(?P<a>{_WORDS})\b(?!\s+(?:part|thing|bit|question|step))|"
    rf"\b(?P<b>{_WORDS})\s+(?:natural\s+|known\s+|precious\s+|common\s+)?(?:gem|gemstone|stone|mineral|material)s?\b",
    re.I,
)
# "after diamond", "besides diamond and corundum", "second hardest"
EXCEPT = re.compile(r"\b(?:after|besides|other than|apart from|except|excluding|but not|next to)\b", re.I)
ORDINALS = {"second": 1, "2nd": 1, "third": 2, "3rd": 2, "fourth": 3, "4th": 3}
_ORDINAL = re.compile(rf"\b({'|'.join(ORDINALS)})[- ]?(?:{_WORDS})\b", re.I)
SHOWN = 3  # lines in the answer: the first, then the next ones


def _middle(r: tuple[float, float]) -> float:
    return (r[0] + r[1]) / 2


def _species(g: GemFacts) -> str:
    """The species line a gem belongs to ('corundum' for ruby), without the database's glosses."""
    return re.sub(r"\s*\(.*\)$", "", g.species).strip() or g.name


def _line(gems: list[GemFacts], q: Quantity) -> str:
    """'Corundum (Ruby, Sapphire Blue, …; Mohs 9)': one species, its members, its range."""
    species = _species(gems[0])
    names = [g.name for g in gems]
    members = (
        "" if names == [species.title()] or len(names) == 1 else ", ".join(names[:3]) + (", …" if names[3:] else "")
    )
    rare = "; a collector's stone" if all(g.met == "rarely" for g in gems) else ""
    lo = min(getattr(g, q.field)[0] for g in gems)
    hi = max(getattr(g, q.field)[1] for g in gems)
    label = names[0] if len(names) == 1 else species[:1].upper() + species[1:]
    inside = f"{members}; " if members else ""
    return f"{label} ({inside}{q.label} {format_quantity(q.field, (lo, hi))}{rare})"


def superlative_answer(text: str) -> str:
    """The answer to "which gem is the hardest/softest/densest/…?" from the knowledge base; '' if not asked."""
    m = SUPERLATIVE_QUESTION.search(text or "")
    if m is None:
        return ""
    said = (m.group("a") or m.group("b")).lower()
    q = next(q for words, q in SUPERLATIVES.items() if re.fullmatch(words, said))
    gems = [g for g in all_gems() if getattr(g, q.field) and g.origin == "natural"]
    by_species: dict[str, list[GemFacts]] = {}
    for g in sorted(gems, key=lambda g: _middle(getattr(g, q.field)), reverse=q.highest):
        by_species.setdefault(_species(g).lower(), []).append(g)
    groups = list(by_species.values())
    # "after diamond": the species named are left out; "second hardest": the first ones are skipped
    left_out = []
    after = EXCEPT.search(text)
    if after:
        named = {_species(g).lower() for g in gems_named_in(text[after.end() :])}
        left_out = [gs for gs in groups if _species(gs[0]).lower() in named]
        groups = [gs for gs in groups if gs not in left_out]
    skip = ORDINALS[o.group(1).lower()] if (o := _ORDINAL.search(text)) else 0
    left_out += groups[:skip]
    groups = groups[skip:]
    if not groups:
        return ""
    first, rest = groups[0], groups[1:SHOWN]
    excepted = f" after {' and '.join(_species(gs[0]).title() for gs in left_out)}" if left_out else ""
    reply = f"**{_line(first, q)}** is {q.phrase} I know{excepted}"
    if rest:
        reply += "; next: " + ", ".join(_line(gs, q) for gs in rest)
    reply += "."
    if all(g.met == "rarely" for g in first) and (
        common := next((gs for gs in groups if any(g.met != "rarely" for g in gs)), None)
    ):
        reply += f" Of the gems met outside collections, {_line(common, q)} comes first."
    value = _middle(getattr(first[0], q.field))
    beyond = [
        g.name
        for g in all_gems()
        if g.origin != "natural"
        and getattr(g, q.field)
        and (_middle(getattr(g, q.field)) > value if q.highest else _middle(getattr(g, q.field)) < value)
        and _species(g).lower() not in {_species(gs[0]).lower() for gs in left_out}
    ]
    if beyond:
        reply += f" Man-made, {', '.join(beyond[:3])} would come first."
    return reply + " (Ranked by the middle of each gem's range, one line per species.)"
