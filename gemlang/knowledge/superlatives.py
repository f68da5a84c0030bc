"""Which gem is the hardest, the softest, the densest, of highest RI or most fire: "the hardest gem after
diamond?", "which gem is the softest?", "the hardest garnet?", "which is harder: topaz, quartz or spinel?";
and which gems have an optic character: "which gems are singly refractive?", "which are uniaxial negative?"; and,
where no range ranks them, "the rarest gem?" from what the facts call the rarest of its kind.

Answered from the knowledge base's own ranges, natural gems only, one line per species (ruby and the
sapphires are corundum), ranked by the middle of each range. The gems a question names bound the answer (a
group, such as garnet, stands for its members); "common" or "in jewellery" leaves out collectors' stones.
Gems met mainly in collections say so, and a man-made stone that would come first is named after the
natural answer (moissanite is harder than corundum).
"""

from __future__ import annotations

import functools
import operator
import re
from collections.abc import Iterable
from dataclasses import dataclass

from gemlang.knowledge.colours import ASKED_AS, PLAIN_WORDS, colour_names, hue_and_tinge, listed_in, main_colour
from gemlang.knowledge.facts import GemFacts, format_quantity
from gemlang.knowledge.glossary import CUT_FOR_AN_RI
from gemlang.knowledge.instruments import profile
from gemlang.knowledge.knowledge_base import all_gems, gems_named_in, group_named_in
from gemlang.knowledge.tell_apart import of_its_family
from gemlang.readings import COLOURS, ISH_WORDS, REFRACTOMETER_LIMIT
from gemlang.wording import some_of


@dataclass(frozen=True)
class Quantity:
    field: str  # GemFacts field: a (min, max) range, or one number (birefringence)
    label: str  # as the answer names it
    most: str  # "the hardest"
    highest: bool  # the superlative asks for the largest value


# each superlative, with the quantity it ranks by
SUPERLATIVES = {
    # "which stone is most scratch resistant after diamond?": hardness is resistance to scratching
    r"hardest|(?:the )?most scratch[- ]resistant": Quantity("hardness", "Mohs", "the hardest", True),
    r"softest|(?:the )?least scratch[- ]resistant": Quantity("hardness", "Mohs", "the softest", False),
    r"densest|heaviest": Quantity("specific_gravity", "SG", "the densest", True),
    r"lightest|least dense": Quantity("specific_gravity", "SG", "the lightest", False),
    r"(?:highest|greatest|largest) (?:refractive index|ri)|most refractive": Quantity(
        "refractive_index", "RI", "the highest in refractive index", True
    ),
    r"lowest (?:refractive index|ri)|least refractive": Quantity(
        "refractive_index", "RI", "the lowest in refractive index", False
    ),
    r"most brilliant|brightest": Quantity(
        "refractive_index", "RI", "the highest in refractive index, which gives a cut stone the most brilliance", True
    ),
    r"(?:highest|greatest|largest|strongest) dispersion|most (?:dispersion|dispersive|fire)|fieriest": Quantity(
        "dispersion", "dispersion", "the highest in dispersion (fire)", True
    ),
    r"(?:lowest|least|smallest|weakest) (?:dispersion|fire)|least dispersive": Quantity(
        "dispersion", "dispersion", "the lowest in dispersion (the least fire)", False
    ),
    r"(?:highest|greatest|largest|strongest) (?:birefringence|double refraction)|most birefringent": Quantity(
        "birefringence", "birefringence", "the highest in birefringence", True
    ),
}
_WORDS = "|".join(f"(?:{w})" for w in SUPERLATIVES)
# "the hardest blue gem", "which red gems are harder than 8?": the colour of the gems asked about
COLOUR_WORD = "|".join(sorted(PLAIN_WORDS, key=len, reverse=True))
BLEND_WORD = rf"(?:(?:{'|'.join(ISH_WORDS)}|{COLOUR_WORD})[- ])?(?:{COLOUR_WORD})"  # "blue-green", "bluish green"
A_COLOUR = rf"(?:{BLEND_WORD}\s+)?"  # "which red gems …", "the hardest blue-green gem"
_GEM_NOUN = r"(?:gem|gemstone|stone|mineral|material)s?\b"
GEMS_IN_A_COLOUR = re.compile(  # and "the hardest gem in blue"
    rf"\b(?P<colour>{BLEND_WORD})\s+(?:natural\s+|known\s+|precious\s+|common\s+)?{_GEM_NOUN}|"
    rf"\b{_GEM_NOUN}\s+in\s+(?P<after>{BLEND_WORD})\b(?!\s+(?:light|under|fluorescen))",
    re.I,
)
# a question, not a turn of phrase: "the hardest gem", "which is the densest?", not "the hardest part is …"
SUPERLATIVE_QUESTION = re.compile(
    rf"\b(?:what|which)\b[^.?!]{{0,40}}?\b(?P<a>{_WORDS})\b(?!\s+(?:part|thing|bit|question|step))|"
    rf"\b(?P<b>{_WORDS})\s+(?:natural\s+|known\s+|precious\s+|common\s+)?{A_COLOUR}{_GEM_NOUN}",
    re.I,
)
# "the hardest garnet?", "softest tourmaline?": the whole message a superlative and the gems (or group) it picks among
OF_GEMS_SAID = re.compile(rf"^\s*(?:and\s+)?(?:the\s+)?(?:{_WORDS})\s+(?P<gems>[^?.!,;]+?)\s*\??\s*$", re.I)
# "which garnet is the …", "what kind of quartz has the …": the gems a superlative picks among, before it
PICKED_AMONG = re.compile(
    r"\s*(?:which|what)\s+(?:kinds?\s+of\s+|types?\s+of\s+|variet(?:y|ies)\s+of\s+)?(?P<gems>[^,;:.!?]+?)\s+"
    r"(?:is|are|has|have)\s+(?:the\s+)?$",
    re.I,
)
# "a purple gem with high RI", "gems with a low SG": asked as the superlative, of gems in general (not "my stone with
# high RI")
_HIGH_OR_LOW = r"(?:very\s+)?(?P<how{0}>high|low|strong|little|much|lots of|a lot of)"  # "little fire": low
_QUANTITY = r"(?P<what{0}>refractive index|ri|density|specific gravity|sg|hardness|dispersion|fire)\b"
HIGH_OR_LOW = re.compile(  # and "low-dispersion gems", "high RI stones": many gems, not "a high RI stone" in hand
    rf"\b{A_COLOUR}{_GEM_NOUN}\s+(?:with|of|having|that have|have|has)\s+(?:an?\s+|the\s+)?"
    rf"{_HIGH_OR_LOW.format('')}\s+{_QUANTITY.format('')}|"
    rf"\b{_HIGH_OR_LOW.format('_before')}[- ]{_QUANTITY.format('_before')}\s+{A_COLOUR}"
    r"(?:gem|gemstone|stone|mineral|material)s\b",
    re.I,
)
HIGH_OR_LOW_SAID = {("high", "hardness"): "hardest", ("low", "hardness"): "softest", ("high", "density"): "densest",
                    ("low", "density"): "lightest", ("high", "ri"): "highest ri",
                    ("low", "ri"): "lowest ri", ("high", "dispersion"): "highest dispersion",
                    ("low", "dispersion"): "lowest dispersion"}  # fmt: skip
# "after diamond", "besides diamond and corundum", "second hardest"
EXCEPT = re.compile(r"\b(?:after|besides|other than|apart from|except|excluding|but not|next to)\b", re.I)
ORDINALS = {"second": 1, "2nd": 1, "third": 2, "3rd": 2, "fourth": 3, "4th": 3}
_ORDINAL = re.compile(rf"\b({'|'.join(ORDINALS)})[- ]?(?:{_WORDS})\b", re.I)
# gems people meet, not collectors' minerals: "the softest gem used in jewellery", "most refractive common gem"
MET = re.compile(r"\b(?:common|jewell?e?ry|jewel|popular|everyday|used in|worn)\b", re.I)
SHOWN = 3  # lines in the answer: the first, then the next ones


def colour_asked(text: str) -> str | None:
    """The colour of the gems a question asks about, a basic one ("the hardest green gem": green) or a blend as said
    ("the hardest blue-green gem": blue-green, which `listed_in` reads as such), or None."""
    m = GEMS_IN_A_COLOUR.search(text or "")
    if m is None:
        return None
    said = (m["colour"] or m["after"]).lower()
    hue, tinge = hue_and_tinge(said)
    return said if tinge else hue


def _called(colour: str) -> str:
    """ "white or colourless": a colour asked as the gems it takes in are listed."""
    return " or ".join(ASKED_AS.get(colour, (colour,))) if colour == "white" else colour


def _natural_in(text: str) -> tuple[list[GemFacts], str]:
    """The natural gems a list asks about, those of the colour it names ("which red gems …"), and how the answer
    calls them ("natural red gems")."""
    colour = colour_asked(text)
    gems = [g for g in all_gems() if g.origin == "natural" and (colour is None or listed_in(g, colour))]
    return gems, f"natural {_called(colour) + ' ' if colour else ''}gems"


def _value(g: GemFacts, field: str) -> float | None:
    """The middle of a gem's range (or its one number)."""
    v = getattr(g, field)
    return None if not v else (v[0] + v[1]) / 2 if isinstance(v, tuple) else float(v)


def _span(g: GemFacts, field: str) -> tuple[float, float]:
    v = getattr(g, field)
    return v if isinstance(v, tuple) else (float(v), float(v))


def _species(g: GemFacts) -> str:
    """The species line a gem belongs to ('corundum' for ruby), without the database's glosses."""
    return re.sub(r"\s*\(.*\)$", "", g.species).strip() or g.name


def _line_value(gems: list[GemFacts], field: str) -> float:
    """The middle of a species line's own range, all its members' together (grossular: 6.5–7.5)."""
    return (min(_span(g, field)[0] for g in gems) + max(_span(g, field)[1] for g in gems)) / 2


def _by_species(gems: list[GemFacts], field: str, highest: bool = False) -> list[list[GemFacts]]:
    """The gems in lines of one species each, ordered by the middle of each line's own range (the highest first if
    asked), not by its first member's: a line is never both among the hardest and the softest."""
    lines: dict[str, list[GemFacts]] = {}
    for g in sorted(gems, key=lambda g: _value(g, field), reverse=highest):
        lines.setdefault(_species(g).lower(), []).append(g)
    return sorted(lines.values(), key=lambda gs: _line_value(gs, field), reverse=highest)


@functools.cache
def _a_family(name: str) -> bool:
    """Whether other gems' species name the gem as the form of their mineral they are (chalcedony)."""
    named = next((g for g in all_gems() if g.name == name), None)
    return named is not None and any(of_its_family(g, named) for g in all_gems())


def _member(g: GemFacts, named: GemFacts) -> bool:
    """Whether `g` is the gem named or one of its kind: quartz for amethyst's species, garnet for its group; of a
    form of a mineral that other gems' species name (chalcedony: "quartz (chalcedony)"), only those gems, not every
    quartz (ametrine is no chalcedony)."""
    if g.name == named.name:
        return True
    if _a_family(named.name):
        return of_its_family(g, named)
    if _species(g).lower() == _species(named).lower():
        return True
    group = _species(named).lower()
    return group.endswith(" group") and g.group.lower() == group


def _line(gems: list[GemFacts], q: Quantity) -> str:
    """'Corundum (Ruby, Sapphire Blue, …; Mohs 9)': one species, its members, its range."""
    species = _species(gems[0])
    names = [g.name for g in gems]
    members = "" if len(names) == 1 else ", ".join(names[:3]) + (", …" if names[3:] else "")
    rare = "; a collector's stone" if all(g.met == "rarely" for g in gems) else ""
    lo = min(_span(g, q.field)[0] for g in gems)
    hi = max(_span(g, q.field)[1] for g in gems)
    label = names[0] if len(names) == 1 else species[:1].upper() + species[1:]
    inside = f"{members}; " if members else ""
    return f"{label} ({inside}{q.label} {format_quantity(q.field, (lo, hi))}{rare})"


def _among(named: list[GemFacts]) -> str:
    names = [g.name for g in named]
    if len(names) == 1:
        # "the garnet kinds", "the chalcedony kinds": a group, or a form of a mineral other gems' species name
        kinds = _species(named[0]).lower().endswith(" group") or _a_family(named[0].name)
        return f"the {names[0].lower()} kinds" if kinds else names[0]
    return _joined(names)


def _joined(lines: list[str]) -> str:
    return lines[0] if len(lines) == 1 else ", ".join(lines[:-1]) + " and " + lines[-1]


def superlative_answer(text: str) -> str:
    """The answer to "which gem is the hardest/softest/densest/…?" from the knowledge base; '' if not asked."""
    m = SUPERLATIVE_QUESTION.search(text or "") or HIGH_OR_LOW.search(text or "")
    if m is None and (said := OF_GEMS_SAID.match(text or "")):  # "the hardest garnet?": as "what is …" asks it
        named = gems_named_in(said["gems"]) or group_named_in(said["gems"])[1]
        return superlative_answer(f"what is {text.strip()}") if named else ""
    if m is None:
        return ""
    if m.re is HIGH_OR_LOW and re.search(r"\b(?:my|this|the|our|his|her)\s+(?:\w+\s+)?$", text[: m.start()], re.I):
        return ""  # "my purple stone with high RI": a stone in hand
    if m.re is HIGH_OR_LOW and CUT_FOR_AN_RI.search(text):
        return ""  # "how do I facet high RI gems?": the angles to cut such material at, no ranking
    if m.re is HIGH_OR_LOW:  # "with high RI": the highest
        what = {"refractive index": "ri", "specific gravity": "density", "sg": "density", "fire": "dispersion"}
        how, quantity = (m["how"] or m["how_before"]).lower(), (m["what"] or m["what_before"]).lower()
        how = {"strong": "high", "much": "high", "lots of": "high", "a lot of": "high", "little": "low"}.get(how, how)
        said = HIGH_OR_LOW_SAID.get((how, what.get(quantity, quantity)), "")
        if not said:
            return ""  # a pairing no superlative ranks
    else:
        said = (m.group("a") or m.group("b")).lower()
    q = next(q for words, q in SUPERLATIVES.items() if re.fullmatch(words, said))
    after = EXCEPT.search(text)
    asked, excepted_text = (text[: after.start()], text[after.end() :]) if after else (text, "")
    # "the hardest garnet", "which is the hardest: topaz, quartz or spinel?": those gems, not every gem; not "is
    # diamond the hardest?", which asks about every gem
    before, after_word = gems_named_in(asked[: m.start()]), gems_named_in(asked[m.end() :])
    named = after_word or (before if len(before) > 1 else [])
    # "which garnet is the hardest?", "what quartz is densest?": the gems the question picks among
    picked = m.re is SUPERLATIVE_QUESTION and m["a"] and PICKED_AMONG.match(asked[: m.start("a")])
    named = named or (gems_named_in(picked["gems"]) if picked else [])
    # "which feldspar is the hardest?", "the hardest feldspar?": a group no entry describes, its gems
    following = re.match(r"\s*(\w+)", asked[m.end() :]) if m.re is SUPERLATIVE_QUESTION else None
    words = picked["gems"] if picked else following.group(1) if following else ""
    group, kinds = group_named_in(words) if words and not named else ("", [])
    colour = colour_asked(text)  # "the hardest green gem": only the gems listed in green
    gems = [g for g in all_gems() if _value(g, q.field) is not None and g.origin == "natural"]
    gems = [g for g in gems if colour is None or listed_in(g, colour)]
    if named:
        gems = [g for g in gems if any(_member(g, n) for n in named)]
        gems = [g for g in gems if not _species(g).lower().endswith(" group")] or gems  # the members, not the group
    elif kinds:
        gems = [g for g in gems if g.name in {k.name for k in kinds}]
    met = bool(MET.search(text))
    if met:
        gems = [g for g in gems if g.met != "rarely"]
    groups = _by_species(gems, q.field, q.highest)
    # "after diamond": the species named are left out; "second hardest": the first ones are skipped
    excepted = {_species(g).lower() for g in gems_named_in(excepted_text)}
    left_out = [gs for gs in groups if _species(gs[0]).lower() in excepted]
    groups = [gs for gs in groups if gs not in left_out]
    skip = ORDINALS[o.group(1).lower()] if (o := _ORDINAL.search(text)) else 0
    left_out += groups[:skip]
    groups = groups[skip:]
    if not groups:
        return ""
    scope = _among(named) if named else f"the {group} kinds" if kinds else ""
    scope = scope or ("the natural gems met outside collections" if met else "the natural gems")
    if len(groups) == 1 and not left_out and (named or kinds):  # "which chalcedony is the hardest?": all quartz
        return (
            f"Of {scope} I know, {'both' if len(named) == 2 else 'all'} are one species, {_line(groups[0], q)}, and "
            f"my facts rank gems one line per species, so they name none of them {q.most}."
        )
    top = _line_value(groups[0], q.field)
    tied = [gs for gs in groups if abs(_line_value(gs, q.field) - top) < 1e-9]  # "spinel and topaz (Mohs 8)"
    if len(tied) == len(groups) and not left_out and (named or kinds):  # "the softest tourmaline?": all alike
        return (
            f"Of {scope} I know, {_joined([_line(gs, q) for gs in tied])} rank alike (the middle of each range is "
            f"the same), so my facts name none of them {q.most}."
        )
    first, rest = groups[0], groups[len(tied) : len(tied) + SHOWN - 1]
    but = f" after {' and '.join(_species(gs[0]).title() for gs in left_out)}" if left_out else ""
    lead = _joined([f"**{_line(gs, q)}**" for gs in tied])
    in_colour = f" in {_called(colour)}" if colour else ""
    reply = f"Of {scope} I know{in_colour}, {lead} {'is' if len(tied) == 1 else 'are'} {q.most}{but}"
    if rest:
        reply += "; next: " + ", ".join(_line(gs, q) for gs in rest)
    reply += "."
    if not (named or kinds or met) and all(g.met == "rarely" for g in first):
        common = next((gs for gs in groups if any(g.met != "rarely" for g in gs)), None)
        reply += f" Of the gems met outside collections, {_line(common, q)} comes first." if common else ""
    if colour:
        reply += "".join(_also_in(g, colour) for gs in tied for g in gs)
    value = _value(first[0], q.field)
    beyond = [
        g.name
        for g in all_gems()
        if not (named or kinds)
        and g.origin != "natural"
        and _value(g, q.field) is not None
        and (colour is None or listed_in(g, colour))
        and (_value(g, q.field) > value if q.highest else _value(g, q.field) < value)
        and _species(g).lower() not in {_species(gs[0]).lower() for gs in left_out}
    ]
    if beyond:
        reply += f" Man-made, {', '.join(beyond[:3])} would come first."
    return reply + " (Ranked by the middle of each gem's range, one line per species.)"


def superlative_among(text: str, gems: list[GemFacts], called: str) -> str:
    """ "Which one is the hardest?", "which one is harder?" of the gems a stone in hand may be (`called`: how the
    answer names them): those gems ranked by what is asked, one line per species; '' when neither a superlative nor
    a comparative is asked or none has the value."""
    m = SUPERLATIVE_QUESTION.search(text or "")
    compared = None if m else COMPARATIVE_AMONG.search(text or "")
    if m is None and compared is None:
        return ""
    said = (m.group("a") or m.group("b")).lower() if m else COMPARATIVES[" ".join(compared["c"].lower().split())]
    q = next(q for words, q in SUPERLATIVES.items() if re.fullmatch(words, said))
    groups = _by_species([g for g in gems if _value(g, q.field) is not None], q.field, q.highest)
    if not groups:
        return ""
    if len(gems) == 1:  # the photo's answer gives one gem: nothing to rank it against
        return f"Of {called}, there is one only, {_line(groups[0], q)}: no other to rank it against."
    if len(groups) == 1:  # the photo's ruby and its lab-grown twins: one species, one range
        return f"Of {called}, all are one species, {_line(groups[0], q)}, so none of them is {q.most}."
    top = _line_value(groups[0], q.field)
    tied = [gs for gs in groups if abs(_line_value(gs, q.field) - top) < 1e-9]
    lead = _joined([f"**{_line(gs, q)}**" for gs in tied])
    rest = ", ".join(_line(gs, q) for gs in groups[len(tied) :])
    return f"Of {called}, {lead} {'is' if len(tied) == 1 else 'are'} {q.most}" + (f"; then {rest}." if rest else ".")


# "which one is softer? the green one or the blue one": the gems a stone may be, picked by colour
THE_COLOUR_ONE = re.compile(rf"\bthe\s+(?P<colour>{BLEND_WORD})\s+(?:one|stone|gem)\b", re.I)


def colour_ones_among(text: str, gems: list[GemFacts], called: str) -> str:
    """ "Which one is softer? the green one or the blue one" of the gems a stone in hand may be (`called`: how the
    answer names them): those first listed in each colour said (else listed in it at all), ranked as
    `superlative_among` ranks; when none is of a colour said, which gems there are, with their colours; '' when no
    colour is said."""
    colours = list(dict.fromkeys(m["colour"].lower() for m in THE_COLOUR_ONE.finditer(text or "")))
    if not colours:
        return ""
    mainly = lambda g, c: bool(g.colours) and main_colour(g.colours[0]) == hue_and_tinge(c)[0]  # noqa: E731
    picked = {c: [g for g in gems if mainly(g, c)] or [g for g in gems if listed_in(g, c)] for c in colours}
    if missing := [c for c, gs in picked.items() if not gs]:
        listed = _joined([f"{g.name} ({', '.join(c.lower() for c in g.colours[:3])}{', …' if g.colours[3:] else ''})"
                          for g in gems])  # fmt: skip
        if len(gems) == 1:
            return f"None of {called} is listed in {' or '.join(missing)}: its colours are {listed}."
        asked = re.split(r"[?,;]", text.strip())[0].strip()
        return (
            f"None of {called} is listed in {' or '.join(missing)}: their colours are {listed}. Ask "
            f'"{asked}?" to rank them all.'
        )
    chosen = list({g.name: g for gs in picked.values() for g in gs}.values())
    said = _joined([f"the {c} one ({_joined([g.name for g in gs])})" for c, gs in picked.items()])
    return superlative_among(text, chosen, f"{said} of {called}")


def _also_in(g: GemFacts, colour: str) -> str:
    """ " Diamond is listed in blue among other colours (…); its facts give the cause: boron, which makes it blue." of
    a gem first in a colour that is not the first it is listed in and whose facts say what gives it that colour;
    ''."""
    causes = [c.strip() for c in re.split(r";|,\s+and\s+", g.colour_cause or "") if re.search(rf"\b{colour}", c, re.I)]
    if main_colour(g.colours[0]) == colour or not causes:
        return ""
    listed = ", ".join(c.lower() for c in g.colours)
    return f" {g.name} is listed in {colour} among other colours ({listed}); its facts give the cause: {causes[0]}."


def _asked_as_most(words: str, of_gems: str = "") -> re.Pattern[str]:
    """ "What is the rarest gem?", "which blue gem is the cheapest?", "rarest green stones": a superlative no range
    ranks, asked of gems (`of_gems`: what may follow the word, when not any)."""
    return re.compile(
        rf"\b(?:what|which)\s+(?:[\w-]+\s+){{0,2}}(?:is|are)\s+(?:the\s+)?(?:{words})\b(?!\s+birthstone){of_gems}|"
        rf"\b(?:{words})\s+(?:natural\s+|precious\s+)?{A_COLOUR}(?:gem|gemstone|stone|mineral|crystal)s?\b",
        re.I,
    )


# "what is the rarest gem?": no range ranks rarity, but the facts say which stone is the rarest of its kind
RAREST_QUESTION = _asked_as_most("rarest")
RAREST_SAID = re.compile(r"\brarest\b", re.I)
NO_RARITY_MEASURE = "My facts hold no measure that ranks gems by rarity"
RARE_SAID = re.compile(r"(?<!\bnot )\b(?:rare|rarely|scarce)\b", re.I)  # not "cameos are not rare"
# "what is the cheapest green stone?": the facts hold no prices, but some call a gem cheap or affordable
CHEAPEST_QUESTION = _asked_as_most(  # not "what is the cheapest way to clean it?"
    r"cheapest|least expensive|least costly|most affordable",
    rf"(?=\s*(?:[?.!,;]|$|(?:natural\s+|precious\s+)?{A_COLOUR}(?:gem|gemstone|stone|mineral|crystal)s?\b))",
)
# of the stones in hand or spoken of, not of every gem: "which one …?", "which is the hardest of them?"
WHICH_ONE = re.compile(r"\bwhich\s+(?:one|ones|of)\b|\bwhich\b[^.?!]*\bof\s+(?:them|these|those|the two)\b", re.I)
# "which of them is the hardest?", "which one is softest?": of gems meant but not named; not "which one is the hardest
# gem?", which asks of every gem
THOSE_MEANT = re.compile(
    r"\bwhich\s+(?:one|ones)\b(?![^.?!]*\b(?:gem|gemstone|stone|mineral)s?\b)|"
    r"\bof\s+(?:them|these|those|the two|both)\b",
    re.I,
)
# "which one is harder?" of the gems a stone in hand may be, as the superlative ranks them; not "harder to cut", nor
# "harder than quartz" (a gem to compare with)
COMPARATIVES = {"harder": "hardest", "softer": "softest", "heavier": "heaviest", "denser": "densest",
                "lighter": "lightest", "higher ri": "highest ri", "higher refractive index": "highest refractive index",
                "more refractive": "most refractive", "lower ri": "lowest ri",
                "lower refractive index": "lowest refractive index", "less refractive": "least refractive",
                "more fire": "most fire", "more dispersion": "most dispersion", "more dispersive": "most dispersive",
                "fierier": "fieriest", "less fire": "least fire", "less dispersion": "least dispersion",
                "less dispersive": "least dispersive", "more birefringent": "most birefringent",
                "higher birefringence": "highest birefringence"}  # fmt: skip
_COMPARATIVE = "|".join(w.replace(" ", r"\s+") for w in COMPARATIVES)  # "higher  RI": the words apart by any space
COMPARATIVE_AMONG = re.compile(  # not "could it be synthetic? which ones have lower RI": which lab-grown kinds do
    r"^(?!.*\b(?:synthetics?|lab[- ]?(?:grown|made|created)|man[- ]made|imitations?|simulants?)\b).*?"
    rf"\bwhich\b[^.?!]{{0,40}}?\b(?P<c>{_COMPARATIVE})\b(?!\s+(?:to|than|in|for|on)\b)",
    re.I,
)
CHEAP_SAID = re.compile(r"\b(?:cheap\w*|inexpensive|affordable|less expensive|low[- ](?:cost|priced))\b", re.I)
CHEAPEST_SAID = re.compile(r"\b(?:cheapest|most affordable)\b", re.I)  # the sentence to quote of a gem
FACT_FIELDS_SAID = ("composition", "description", "phenomena", "history", "uses", "formation")


def _facts_saying(text: str, said_re: re.Pattern[str]) -> tuple[dict[str, str], str | None]:
    """The sentences of the facts that say `said_re` ({sentence: the gem whose facts say it, the first}) of the gem a
    question names ("the rarest beryl?") or of the gems listed in the colour asked ("the rarest green gem?", but not
    a sentence about another colour of one: "blue diamonds …" for a white gem), and that colour."""
    named = gems_named_in(text)
    colour = colour_asked(text)
    hues = set(ASKED_AS.get(colour, (colour,))) | set(hue_and_tinge(colour)) - {None} if colour else set()
    said: dict[str, str] = {}
    for g in (g for g in all_gems() if colour is None or listed_in(g, colour)):
        for field in FACT_FIELDS_SAID:
            for sentence in re.split(r"(?<=[.;])\s+", getattr(g, field, "") or ""):
                sentence = sentence.strip().rstrip(".;")
                about = not named or any(_member(g, n) for n in named)  # not goshenite's "white sapphire"
                of_colour = not colour or not (told := colour_names(sentence, list_words=False)) or hues & set(told)
                if said_re.search(sentence) and about and of_colour and sentence not in said:
                    said[sentence] = g.name
    return said, colour


def _called_by_facts(said: dict[str, str]) -> str:
    return "; ".join(f"{name}: {sentence[0].lower() + sentence[1:]}" for sentence, name in said.items())


def rarest_answer(text: str) -> str:
    """ "What is the rarest gem?": the stones the facts call the rarest of their kind (red beryl of the beryl family),
    since nothing in them ranks every gem by rarity; those of the gem a question names ("the rarest beryl?") or of
    the colour asked ("the rarest green gem?"); '' when it is not asked or the facts say nothing of it."""
    if RAREST_QUESTION.search(text or "") is None:
        return ""
    said, colour = _facts_saying(text, RAREST_SAID)
    in_colour = f" of the gems listed in {_called(colour)}" if colour else ""
    named = gems_named_in(text)
    if not said and len(named) == 1 and not colour:  # "which is the rarest garnet?": what they call rare instead
        rare = _facts_saying(text, RARE_SAID)[0]
        also = f"; they call these rare or scarce: {_called_by_facts(rare)}." if rare else " nor rare."
        return f"{NO_RARITY_MEASURE}, and they call no {named[0].name.lower()} the rarest{also}"
    if not said:
        none = f"My facts hold no measure that ranks every gem by rarity, and{in_colour} they call none the rarest."
        return none if colour and not named else ""
    return (
        f"My facts hold no measure that ranks every gem by rarity, but{in_colour} they call these the rarest of "
        f"their kind: {_called_by_facts(said)}."
    )


def cheapest_answer(text: str) -> str:
    """ "What is the cheapest yellow-green stone?": the gems (of the colour asked, or the gem named) the facts call
    cheap or affordable, or that they call none so, as they hold no prices; '' when it is not asked."""
    if CHEAPEST_QUESTION.search(text or "") is None or WHICH_ONE.search(text):
        return ""  # "which one is the cheapest?": of stones in hand or spoken of
    said, colour = _facts_saying(text, CHEAP_SAID)
    named = " or ".join(g.name.lower() for g in gems_named_in(text))  # "which beryl is the cheapest?"
    of = f"Of the {f'kinds of {named}' if named else 'gems'}{f' listed in {_called(colour)}' if colour else ' I know'}"
    if not said:  # "which is cheapest, ruby or spinel?": the two gems' own answer
        return "" if gems_named_in(text) else f"{of}, my facts call none cheap or affordable."
    quoted: dict[str, str] = {}  # one sentence a gem, "the cheapest beryl" before "an inexpensive substitute"
    for sentence, name in sorted(said.items(), key=lambda kv: not CHEAPEST_SAID.search(kv[0])):
        quoted.setdefault(name, sentence)
    said = {sentence: name for sentence, name in said.items() if quoted[name] == sentence}
    return f"{of}, my facts call these cheap or affordable: {_called_by_facts(said)}."


# "is 1.76 high for an RI?", "is an SG of 4.0 heavy?", "is 1.54 a low refractive index?": where a value lies
# among the gems, asked as a question, not a reading of the stone in hand
SCALE_QUANTITIES = {
    r"\bri\b|\br\.i\.|refractive index": Quantity("refractive_index", "RI", "", True),
    r"\bsg\b|\bs\.g\.|specific gravity|density": Quantity("specific_gravity", "SG", "", True),
    r"birefringence|double refraction|\bdr\b": Quantity("birefringence", "birefringence", "", True),
    r"dispersion|\bfire\b": Quantity("dispersion", "dispersion", "", True),
    r"hardness|\bmohs\b|\bhard\b|\bsoft\b": Quantity("hardness", "Mohs", "", True),
}
SCALE_QUESTION = re.compile(
    r"\bis\b[^?.!]{0,24}?(?<![\d.])(?P<value>\d+(?:\.\d+)?)(?![\d.])[^?!]{0,24}?"
    r"\b(?:high|low|heavy|light|dense|average|normal|usual|typical|hard|soft|strong|weak|large|small)\b",
    re.I,
)
# a reading's, as the evidence model's; half a step of the Mohs scale
SCALE_TOLERANCE = {"refractive_index": 0.005, "specific_gravity": 0.03, "birefringence": 0.003, "dispersion": 0.003,
                   "hardness": 0.5}  # fmt: skip
FITTING_SHOWN = 4  # species named whose range holds the value


def scale_answer(text: str) -> str:
    """Where a refractive index or specific gravity lies among the natural gems ("is 1.76 high for an RI?"):
    the share of species that read lower, the middle half of them, and the species whose range holds it (the
    gems people meet first, the closest to the middle of their range first); '' if not asked."""
    m = SCALE_QUESTION.search(text or "")
    q = next((q for words, q in SCALE_QUANTITIES.items() if re.search(words, text or "", re.I)), None)
    if m is None or q is None:
        return ""
    value, tolerance = float(m.group("value")), SCALE_TOLERANCE[q.field]
    gems = [g for g in all_gems() if g.origin == "natural" and _value(g, q.field) is not None]
    named = {"RI": "An RI", "SG": "An SG", "Mohs": "A Mohs hardness"}.get(q.label, f"A {q.label}")
    said = f"{named} of {m.group('value')}"
    highest, lowest = max(gems, key=lambda g: _span(g, q.field)[1]), min(gems, key=lambda g: _span(g, q.field)[0])
    if value > _span(highest, q.field)[1] + tolerance or value < _span(lowest, q.field)[0] - tolerance:
        top = value > _span(highest, q.field)[1]
        edge = highest if top else lowest
        return (
            f"{said} is {'higher' if top else 'lower'} than any natural gem I know reads (the "
            f"{'highest' if top else 'lowest'}: {_line([edge], q)}); please re-check it."
        )
    by_species = _by_species(gems, q.field)
    middles = sorted(_value(gs[0], q.field) for gs in by_species)
    below = sum(v < value for v in middles) / len(middles)
    quarter, three_quarters = middles[len(middles) // 4], middles[3 * len(middles) // 4]
    decimals = {"refractive_index": 3, "birefringence": 3, "dispersion": 3, "hardness": 1}.get(q.field, 2)
    where = "high" if below >= 0.75 else "low" if below <= 0.25 else "in the middle of the range"
    reply = (
        f"{said} is {where} for a gem: {below:.0%} of the natural gem species I know read lower, and the middle "
        f"half of them lie between {q.label} {quarter:.{decimals}f} and {three_quarters:.{decimals}f}."
    )
    if holding := _holding(by_species, q, value):
        lines = [_line(gs, q) for gs in holding]
        reply += f" It fits {some_of(lines, FITTING_SHOWN) if holding[FITTING_SHOWN:] else _joined(lines)}."
    if q.field == "refractive_index" and value >= REFRACTOMETER_LIMIT - 0.05:
        reply += f" A gem refractometer reads up to about {REFRACTOMETER_LIMIT}: above, it shows “over the limit”."
    return reply


def _holding(by_species: list[list[GemFacts]], q: Quantity, value: float) -> list[list[GemFacts]]:
    """The species lines whose range holds `value` (within a reading's tolerance), the gems people meet first,
    the closest to the middle of their range first."""
    tolerance = SCALE_TOLERANCE[q.field]
    holds = lambda g: _span(g, q.field)[0] - tolerance <= value <= _span(g, q.field)[1] + tolerance  # noqa: E731
    holding = [gs for gs in ([g for g in gs if holds(g)] for gs in by_species) if gs]
    return sorted(holding, key=lambda gs: (*_trade_first(gs)[:2], min(abs(_value(g, q.field) - value) for g in gs)))


# "which gems have an RI around 1.718?", "what gems have an SG above 4?", "what else has RI near 1.54": the gems a
# value fits, or lies beyond
VALUE_LIST_QUESTION = re.compile(  # a question of gems in general, not "a red stone with RI 1.76"
    rf"(?:\b(?:which|what)\s+(?:natural\s+|other\s+)?{A_COLOUR}(?:gems?|gemstones?|stones?|minerals?)\s+"
    r"(?:have|has|show|read|with)|"
    r"\b(?:what|which|anything)\s+(?:else|other)\s+(?:has|have|shows?|reads?|with)|"
    rf"^\s*(?:list\s+(?:the\s+)?)?(?:natural\s+)?{A_COLOUR}(?:gems|gemstones|minerals)\s+with)\s+"
    r"(?:an?\s+|the\s+)?(?P<quantity>ri|r\.i\.|refractive index|sg|s\.g\.|specific gravity|density|hardness|mohs)"
    r"\s*(?:(?:of|at|is)\s+)?(?P<how>around|about|near|close to|at least|at most|"
    r"(?:over|above|more than|greater than|higher than|under|below|less than|lower than)(?: or equal to)?|between|"
    r">=?|<=?)?\s*(?:~\s*)?(?P<value>\d+(?:\.\d+)?)"
    r"(?:\s+(?P<after>or\s+(?:more|above|higher|over|less|below|lower|under))|(?P<plus>\+)|"
    r"\s*(?:and|to|-|–)\s*(?P<upper>\d+(?:\.\d+)?))?",
    re.I,
)
ABOVE = ("over", "above", "more than", "greater than", "higher than", ">", ">=", "or more", "or above", "or higher",
         "or over", "+", "at least")  # fmt: skip
BELOW = ("under", "below", "less than", "lower than", "<", "<=", "or less", "or below", "or lower", "or under",
         "at most")  # fmt: skip


def value_list_answer(text: str) -> str:
    """The natural gems whose range holds a value ("an RI around 1.718"), or lies above or below it ("an SG above
    4"), one line per species, the gems people meet first; '' if not asked."""
    m = VALUE_LIST_QUESTION.search(text or "")
    if m is None:
        return ""
    q = next(q for words, q in SCALE_QUANTITIES.items() if re.search(words, m.group("quantity"), re.I))
    value = float(m.group("value"))
    how = re.sub(r"\s+", " ", (m.group("after") or m.group("plus") or m.group("how") or "").lower())
    inclusive = how.startswith(("or", "at ")) or how in ("+", ">=", "<=") or how.endswith("or equal to")
    how = how.removesuffix(" or equal to")  # "greater than or equal to 4": above, 4 included
    natural, called = _natural_in(text)
    gems = [g for g in natural if _value(g, q.field) is not None]
    said = f"{q.label} {m.group('value')}" if q.label != "Mohs" else f"Mohs hardness {m.group('value')}"
    if how == "between" and m.group("upper"):  # "an RI between 1.54 and 1.55": the gems whose range meets it
        low, high = sorted((value, float(m.group("upper"))))
        meets = [g for g in gems if _span(g, q.field)[0] <= high and _span(g, q.field)[1] >= low]
        lines = sorted(_by_species(meets, q.field), key=lambda gs: _trade_first(gs)[:2])
        where, said = "between", f"{said} and {m.group('upper')}"
    elif how in ABOVE or how in BELOW:
        above = how in ABOVE
        lines = _beyond(gems, q, value, above, inclusive)
        where = ("at or above" if inclusive else "above") if above else ("at or below" if inclusive else "below")
    else:
        lines, where = _holding(_by_species(gems, q.field), q, value), "around"
    if not lines:
        return f"None of the {called} I know reads {where} {said}."
    return _species_listed(f"{called.capitalize()} that read {where} {said}", [_line(gs, q) for gs in lines])


def _beyond(gems: list[GemFacts], q: Quantity, value: float, above: bool, inclusive: bool) -> list[list[GemFacts]]:
    """The species lines whose range reaches above (or below) `value`, the gems of the trade first."""
    past = operator.ge if inclusive else operator.gt  # "9 or more", "at least 8": the value itself too
    beyond = [g for g in gems if (past(_span(g, q.field)[1], value) if above else past(value, _span(g, q.field)[0]))]
    lines = _by_species(beyond, q.field, highest=above)
    return sorted(lines, key=lambda gs: _trade_first(gs)[:2])  # stable: by value within each


# "which gems are harder than quartz?", "what stones are softer than glass?", "gems heavier than diamond"
_COMPARED = (  # and "less fire than diamond", "more dispersive than zircon"
    r"(?P<how>harder|softer|heavier|lighter|denser|less dense|fierier|(?:more|less)\s+(?:fire|dispersion|dispersive))"
    r"\s+than\s+(?:an?\s+|the\s+)?(?P<than>.+?)"
)
_THAN_ENDS = r"(?=\s*(?:[?!,;]|\.(?!\d)|\b(?:but|and|yet)\b|$))"  # not the point of "3.5"
COMPARED_LIST_QUESTION = re.compile(
    rf"(?:\b(?:which|what)\s+(?:natural\s+)?{A_COLOUR}(?:gems?|gemstones?|stones?|minerals?)\s+"
    r"(?:are|is|have|has|show|shows)\s+|"
    rf"^\s*(?:list\s+(?:the\s+)?)?(?:natural\s+)?{A_COLOUR}(?:gems|gemstones|minerals)\s+(?:that are\s+)?|"
    # "name some gems softer than glass", "show me stones harder than topaz", "give me all the gems heavier than …"
    r"^\s*(?:(?:can|could) you\s+)?(?:please\s+)?(?:name|show(?:\s+me)?|give\s+me|tell\s+me)\s+"
    rf"(?:the\s+|some\s+|any\s+|all(?:\s+the)?\s+)?(?:natural\s+)?{A_COLOUR}(?:gems|gemstones|stones|minerals)\s+"
    r"(?:that are\s+|which are\s+)?)"
    rf"{_COMPARED}{_THAN_ENDS}",
    re.I,
)
# "which one has more fire than diamond?", "what is harder than topaz?": no kind of stone said, which with none in hand
# or spoken of asks of every gem; not "which is harder than topaz, ruby or spinel?", a choice of two
ANY_ONE_COMPARED = re.compile(
    r"^(?![^?.!]*[,;:][^?.!]*\bor\b)\s*(?:which(?:\s+ones?|\s+others?)?|what(?:\s+else)?)\s*"
    rf"(?:\s(?:is|are|has|have|shows?)|'s|’s)\s+{_COMPARED}{_THAN_ENDS}",
    re.I,
)
# "… harder than glass but softer than quartz": a second bound on the same quantity
ALSO_COMPARED = re.compile(rf"\b(?:but|and|yet)\s+(?:also\s+)?{_COMPARED}{_THAN_ENDS}", re.I)
COMPARED = {  # the word -> the quantity it compares and whether the gems listed lie above
    "harder": ("hardness", True), "softer": ("hardness", False), "heavier": ("specific_gravity", True),
    "denser": ("specific_gravity", True), "lighter": ("specific_gravity", False),
    "less dense": ("specific_gravity", False), "fierier": ("dispersion", True), "more fire": ("dispersion", True),
    "more dispersion": ("dispersion", True), "more dispersive": ("dispersion", True),
    "less fire": ("dispersion", False), "less dispersion": ("dispersion", False),
    "less dispersive": ("dispersion", False),
}  # fmt: skip


def _bound(how: str, than: str) -> tuple[str, bool, float, str, GemFacts | None] | None:
    """(quantity, above, value, how it is said, the gem compared with) of "harder than quartz"; None if what it is
    compared with is no gem or scratch-test object gemlang knows."""
    from gemlang.knowledge.scratch import REFERENCES

    how = re.sub(r"\s+", " ", how.lower())
    field, above = COMPARED[how]
    how = f"with {how}" if how.endswith(("fire", "dispersion")) else how  # "gems with less fire than …"
    q = next(q for q in SCALE_QUANTITIES.values() if q.field == field)
    than = than.strip().lower()
    named = gems_named_in(than)
    words = r"(?:an?\s+|my\s+)?(?:steel\s+)?(?:{})s?"
    scratched = next((r for r in REFERENCES if re.fullmatch(words.format("|".join(r.words)), than)), None)
    if named and (value := _value(named[0], field)) is not None:  # its middle, as each gem listed is placed
        said = f"{how.lower()} than {_line([named[0]], q)}"
        return field, above, value, said, named[0]
    if re.fullmatch(r"\d+(?:\.\d+)?", than):  # "harder than 8", "heavier than 4": a value of the quantity
        return field, above, float(than), f"{how.lower()} than {q.label} {than}", None
    if scratched is not None and field == "hardness":
        return (
            field,
            above,
            scratched.hardness,
            f"{how.lower()} than {scratched.name} (Mohs {scratched.hardness:g})",
            None,
        )
    return None


# "which one has more fire than diamond?", "which of them is harder than quartz?" of the gems a stone may be
COMPARED_AMONG = re.compile(rf"\bwhich\b[^.?!]{{0,40}}?\b{_COMPARED}{_THAN_ENDS}", re.I)


def compared_among(text: str, gems: list[GemFacts], called: str) -> str:
    """ "Which one has more fire than diamond?" of the gems a stone in hand may be (`called`: how the answer names
    them): those beyond the gem or object compared with, by the middle of each range as `compared_list_answer`
    places them, or that none is and which comes closest; '' if not asked or what they are compared with is
    unknown."""
    m = COMPARED_AMONG.search(text or "")
    bound = _bound(m["how"], m["than"]) if m else None
    if bound is None:
        return ""
    field, above, value, said, named = bound
    q = next(q for q in SCALE_QUANTITIES.values() if q.field == field)
    gems = [g for g in gems if _value(g, field) is not None and not (named and _member(g, named))]
    lines = _by_species(gems, field, highest=above)
    if not lines:
        return ""
    beyond = [gs for gs in lines if (_line_value(gs, field) > value if above else _line_value(gs, field) < value)]
    has, said = ("has", said.removeprefix("with ")) if said.startswith("with ") else ("is", said)
    if not beyond:
        return f"Of {called}, none {has} {said}: {_line(lines[0], q)} comes closest."
    verb = has if len(beyond) == 1 else {"has": "have", "is": "are"}[has]
    return f"Of {called}, {_joined([f'**{_line(gs, q)}**' for gs in beyond])} {verb} {said}."


def compared_list_answer(text: str, any_one: bool = False) -> str:
    """The natural gems harder, softer, heavier or lighter than a gem or a scratch-test object ("which gems are
    harder than quartz?", "… harder than glass but softer than quartz?"): those whose range's middle lies beyond
    the middle of the gem's range (a wide one, zircon's SG 3.90–4.73, would otherwise shut out the gems inside it) or
    the object's value, one line per species; '' if not asked, or if what they are compared with is unknown or the two
    bounds measure different things. `any_one`: "which one has more fire than diamond?" asks it too, of no stone."""
    m = COMPARED_LIST_QUESTION.search(text or "") or (ANY_ONE_COMPARED.search(text or "") if any_one else None)
    if m is None:
        return ""
    asked = [m, *ALSO_COMPARED.finditer(text, m.end())]
    bounds = [_bound(b.group("how"), b.group("than")) for b in asked]
    if None in bounds:
        return ""
    if len({b[0] for b in bounds}) > 1:  # "softer than a knife and heavier than diamond"
        return (
            "I list gems by one property at a time: ask for those "
            + bounds[0][3]
            + ", then for those "
            + bounds[1][3]
            + ", and compare the two lists."
        )
    field, q = bounds[0][0], next(q for q in SCALE_QUANTITIES.values() if q.field == bounds[0][0])
    own = [b[4] for b in bounds if b[4] is not None]  # no garnet is heavier than garnet
    natural, called = _natural_in(text)
    beyond = [
        g for g in natural
        if (v := _value(g, field)) is not None and not any(_member(g, n) for n in own)
        and all(v > value if above else v < value for _, above, value, _, _ in bounds)
    ]  # fmt: skip
    lines = _by_species(beyond, field, highest=bounds[0][1])
    lines.sort(key=lambda gs: _trade_first(gs)[:2])  # stable: by value within each
    said = " and ".join(b[3] for b in bounds)
    if not lines:
        return f"None of the {called} I know is {said}."
    return _species_listed(f"{called.capitalize()} {said}", [_line(gs, q) for gs in lines])


# "which gems are singly refractive?", "which gems are uniaxial negative?": the optic class and sign asked for
OPTIC_LIST_QUESTION = re.compile(
    rf"\b(?:which|what)\s+(?:natural\s+)?{A_COLOUR}(?:gems?|gemstones?|stones?|minerals?)\s+(?:(?:are|is)\s+(?:also\s+)?"
    r"(?:(?P<optic>singly refractive|isotropic|uniaxial|biaxial)(?:\s+(?P<sign>positive|negative|\+|-))?|"
    r"(?P<strongly>strongly\s+)?(?P<pleochroic>pleochroic|dichroic|trichroic))|"
    # "which gems have two optic axes?": the biaxial ones
    r"(?:have|has)\s+(?P<axes>one|a single|an|two|2|1)\s+optic(?:al)?\s+ax[ie]s\b)",
    re.I,
)
LISTED = 20  # names in a list answer before "and N more"


def optic_list_answer(text: str) -> str:
    """The natural gems of the optic class (and sign) a question asks for, one name per species; '' if not asked.
    Opaque stones are left out: no light passes them, so a polariscope shows them nothing."""
    m = OPTIC_LIST_QUESTION.search(text or "")
    if m is None:
        return ""
    natural, called = _natural_in(text)
    if m.group("pleochroic"):
        return _pleochroic_list(natural, called, m.group("pleochroic").lower(), bool(m.group("strongly")))
    axes = "biaxial" if m.group("axes") in ("two", "2") else "uniaxial"  # "which gems have two optic axes?"
    said = (m.group("optic") or axes).lower()
    optic = {"singly refractive": "isotropic"}.get(said, said)
    sign = {"+": "positive", "-": "negative"}.get(m.group("sign") or "", (m.group("sign") or "").lower())
    lines = _trade_lines(
        g
        for g in natural
        if not (p := profile(g)).opaque and p.optic == optic and (not sign or p.optic_sign == (sign,))
    )
    said = f"{said}{' ' + sign if sign else ''}"
    if not lines:
        return f"None of the {called} I know is {said}."
    return _species_listed(f"{called.capitalize()} I know that are {said}", [_members(gs) for gs in lines])


# "which gems are cubic?", "what gems crystallise in the hexagonal system?", "which minerals have a monoclinic crystal
# system?": the gems of the crystal system asked for
_SYSTEMS = r"cubic|isometric|tetragonal|hexagonal|trigonal|orthorhombic|monoclinic|triclinic"
SYSTEM_LIST_QUESTION = re.compile(
    rf"\b(?:which|what)\s+(?:natural\s+)?(?:gems?|gemstones?|stones?|minerals?)\s+"
    rf"(?:(?:are|is)\s+(?:also\s+)?(?:in\s+the\s+)?|(?:crystalli[sz]e|form|grow)\s+in\s+the\s+|"
    rf"(?:have|has|form|grow)\s+(?:an?\s+)?)(?P<system>{_SYSTEMS})(?:\s+(?:crystal\s+)?(?:system|crystals?))?\s*[?.!]*\s*$",
    re.I,
)


def system_list_answer(text: str) -> str:
    """The natural gems of the crystal system a question asks for ("which gems are cubic?"), one name per species,
    the gems of the trade first; '' if not asked."""
    m = SYSTEM_LIST_QUESTION.search(text or "")
    if m is None:
        return ""
    natural, called = _natural_in(text)
    system = {"isometric": "cubic"}.get(m.group("system").lower(), m.group("system").lower())
    lines = _trade_lines(g for g in natural if g.crystal_system.split(" ")[0].lower() == system)
    if not lines:
        return f"None of the {called} I know is {system}."
    return _species_listed(f"{called.capitalize()} I know that are {system}", [_members(gs) for gs in lines])


AXES_SAID = {"dichroic": " (uniaxial: two colours in the dichroscope)",
             "trichroic": " (biaxial: up to three colours, two at a time in the dichroscope)"}  # fmt: skip


def _pleochroic_list(natural: list[GemFacts], called: str, said: str, strongly: bool) -> str:
    """The natural transparent gems that show pleochroism (strong, if asked): two colours for a uniaxial gem
    (dichroic), three for a biaxial one (trichroic), one name per species."""
    axes = {"dichroic": "uniaxial", "trichroic": "biaxial"}.get(said)

    def pleochroic(g: GemFacts) -> bool:
        p = profile(g)
        levels = set(p.pleochroism) - {"none"}
        return not p.opaque and ("strong" in levels if strongly else bool(levels)) and (axes is None or p.optic == axes)

    lines = _trade_lines(g for g in natural if pleochroic(g))
    said = f"{'strongly ' if strongly else ''}{said}"
    if not lines:
        return f"None of the {called} I know is {said}."
    how = AXES_SAID.get(said.split()[-1], "")
    return _species_listed(f"{called.capitalize()} I know that are {said}", [_members(gs) for gs in lines], how)


def _trade_first(gems: list[GemFacts]) -> tuple:
    """The order of species lines in a list: those with photo classes, then those people meet, then by name."""
    return (not any(g.is_dataset_class for g in gems), all(g.met == "rarely" for g in gems), _species(gems[0]).lower())


def _trade_lines(gems: Iterable[GemFacts]) -> list[list[GemFacts]]:
    """The gems in lines of one species each, the gems of the trade first (`_trade_first`)."""
    lines: dict[str, list[GemFacts]] = {}
    for g in gems:
        lines.setdefault(_species(g).lower(), []).append(g)
    return sorted(lines.values(), key=_trade_first)


def _species_listed(title: str, shown: list[str], why: str = "") -> str:
    """A list answer: its title in bold, why it matters, then one shown line per species (at most `LISTED`)."""
    return f"**{title}**{why} ({len(shown)} species, the gems of the trade first): {some_of(shown, LISTED)}."


def _members(gems: list[GemFacts]) -> str:
    """'Beryl (Aquamarine, Emerald, …)': one species and its gems; a species of one gem by that gem's name."""
    if len(gems) == 1:
        return gems[0].name
    names = sorted((g.name for g in gems), key=lambda n: n not in {g.name for g in gems if g.is_dataset_class})
    species = _species(gems[0])
    return f"{species[:1].upper() + species[1:]} ({', '.join(names[:3])}{', …' if names[3:] else ''})"


# "which gems have perfect cleavage?", "what gems cleave easily?", "which stones have no cleavage?": the gems whose
# cleavage is of the quality asked (perfect, the one a knock or the wheel splits, unless another is named)
CLEAVAGE_LIST_QUESTION = re.compile(
    rf"\b(?:which|what)\s+(?P<noun>(?:natural\s+)?{A_COLOUR}(?:gems?|gemstones?|stones?|minerals?))\b[^?.!]{{0,60}}?"
    r"(?:\b(?P<quality>no|perfect|good|distinct|poor|imperfect|indistinct)\s+)?\bcleav(?:age|es?|ing)\b",
    re.I,
)


def cleavage_list_answer(text: str) -> str:
    """The natural gems whose facts give the cleavage a question asks for, one name per species, the gems of the
    trade first; '' if not asked, or asked of gems named ("which cleaves, topaz or quartz?")."""
    m = CLEAVAGE_LIST_QUESTION.search(text or "")
    if m is None or gems_named_in(text):
        return ""
    quality = (m["quality"] or "perfect").lower()
    natural, called = _natural_in(m["noun"])
    starts = "none" if quality == "no" else quality
    lines = _trade_lines(g for g in natural if (g.cleavage or "").strip().lower().startswith(starts))
    said = "no cleavage" if quality == "no" else f"{quality} cleavage"
    if not lines:
        return f"None of the {called} I know has {said}."
    why = (
        " (a sharp knock along it can split the stone, and a facet lying parallel to it can hardly be polished)"
        if quality == "perfect"
        else ""
    )
    return _species_listed(f"{called.capitalize()} I know with {said}", [_members(gs) for gs in lines], why)


# "which gems are blue?", "list green gems": every gem listed in a colour, asked alone
_NOUNS = r"(?:gems|gemstones|stones|minerals)"
_COLOUR_LISTS = (  # "which gems are blue?", "list green gems" (the whole message), "what blue gems are there?"
    rf"\b(?:which|what)\s+(?:natural\s+)?{_NOUNS}\s+(?:are|come in|can be)\s+(?P<colour>{BLEND_WORD})\s*(?:[?.!]|$)",
    rf"^\s*(?:list|name)\s+(?:(?:some|all|the)\s+)?(?:natural\s+)?(?P<listed>{BLEND_WORD})\s+{_NOUNS}\s*[?.!]?\s*$",
    rf"\b(?:which|what)\s+(?P<there>{BLEND_WORD})\s+{_NOUNS}\s+(?:are there|exist)\b",
)
COLOUR_LIST_QUESTION = re.compile("|".join(_COLOUR_LISTS), re.I)


def colour_list_answer(text: str) -> str:
    """The natural gems listed in a colour ("which gems are blue?"), one line per species, the gems of the trade
    first; '' if not asked, or asked of gems named ("which gems are red, ruby or spinel?")."""
    m = COLOUR_LIST_QUESTION.search(text or "")
    if m is None or gems_named_in(text):
        return ""
    said = (m["colour"] or m["listed"] or m["there"]).lower()
    colour, tinge = hue_and_tinge(said)  # "which gems are blue-green?": those listed in a blend of both
    lines = _trade_lines(g for g in all_gems() if g.origin == "natural" and listed_in(g, colour, tinge))
    called = said if tinge else _called(colour)
    if not lines:
        return f"My facts list no natural gem in {called}."
    return _species_listed(f"Natural {called} gems I know", [_members(gs) for gs in lines])


# "which gems fluoresce red?", "which gems are inert under UV?"
FLUORESCENCE_LIST_QUESTION = re.compile(  # and "what fluoresces red under UV?", the gems unsaid
    rf"\b(?:which|what)\s+(?:(?P<noun>(?:natural\s+)?{A_COLOUR}(?:gems?|gemstones?|stones?|minerals?))\s+)?(?:"
    r"(?P<inert>(?:are|is)\s+inert)|(?:fluoresces?|glows?|(?:are|is)\s+fluorescent)\b(?!\s+in\s+the\s+dark)"
    r"(?:\s+(?P<colour>[a-z]+))?)",
    re.I,
)


def fluorescence_list_answer(text: str) -> str:
    """The natural gems (of the body colour asked: "which red gems fluoresce?") whose facts say they glow (in the
    colour asked) or stay inert under a UV lamp; '' if not asked."""
    m = FLUORESCENCE_LIST_QUESTION.search(text or "")
    # with no gems said, only "what fluoresces red?" lists: "which is fluorescent, ruby or spinel?" asks of two
    if m is None or not m.group("noun") and (gems_named_in(text) or re.match(r"\w+\s+(?:is|are)\b", m.group(0))):
        return ""
    colour = (m.group("colour") or "").lower()
    wanted = "inert" if m.group("inert") else colour if colour in COLOURS else ""
    said = "stay inert under UV" if wanted == "inert" else f"fluoresce {wanted}" if wanted else "fluoresce"
    natural, called = _natural_in(m.group("noun") or "")
    names = sorted(
        g.name
        for g in natural
        if (classes := set(profile(g).fluorescence)) and (wanted in classes if wanted else classes - {"inert"})
    )
    if not names:
        return f"None of the {called} I know is said to {said}."
    return (
        f"**{called.capitalize()} whose facts say they {said}** ({len(names)}; many vary from stone to stone): "
        f"{some_of(names, LISTED)}."
    )


# "is diamond highly refractive?", "is zircon heavy?": a degree asked of one gem, not of a stone in hand (nor its
# optic character: "is garnet singly refractive?")
DEGREE_QUESTION = (
    r"\b(?:is|are)\s+(?!(?:it|this|that|they|these|those|mine|my)\b)[a-z][\w' ]{0,30}?\s+(?:very\s+|highly\s+|"
    r"quite\s+|really\s+|so\s+)?(?<!singly )(?<!doubly )"
    r"(?P<degree>hard|soft|heavy|dense|refractive|dispersive|birefringent)\s*\?|"
    # "does diamond have a high RI?", "does hematite have a high SG?"
    r"\b(?:does|do)\s+(?!(?:it|this|that|they|these|those|mine|my)\b)[a-z][\w' ]{0,30}?\s+have\s+(?:an?\s+)?"
    r"(?:very\s+)?(?P<level>high|low)\s+(?P<quantity>ri|refractive index|sg|specific gravity|density|hardness|"
    r"dispersion|birefringence)\s*\?"
)
DEGREES = {  # the word asked: the quantity it ranks by, whether it asks for a high value, and the comparative
    "hard": ("hardness", True, "harder"),
    "soft": ("hardness", False, "softer"),
    "heavy": ("specific_gravity", True, "denser"),
    "dense": ("specific_gravity", True, "denser"),
    "refractive": ("refractive_index", True, "higher in refractive index"),
    "dispersive": ("dispersion", True, "higher in dispersion"),
    "birefringent": ("birefringence", True, "higher in birefringence"),
}
QUANTITY_FIELDS = {"ri": "refractive_index", "refractive index": "refractive_index", "sg": "specific_gravity",
                   "specific gravity": "specific_gravity", "density": "specific_gravity", "hardness": "hardness",
                   "dispersion": "dispersion", "birefringence": "birefringence"}  # fmt: skip
FIELD_CALLED = {"hardness": "Mohs hardness", "specific_gravity": "specific gravity",
                "refractive_index": "refractive index", "dispersion": "dispersion",
                "birefringence": "birefringence"}  # fmt: skip


def degree_asked(text: str) -> tuple[str, bool, str] | None:
    """The field a degree question ranks by, whether it asks for a high value, and the comparative: ("hardness",
    True, "harder") for "is ruby hard?"; None when no degree is asked."""
    m = re.search(DEGREE_QUESTION, text or "", re.I)
    if m is None:
        return None
    if m["degree"]:
        return DEGREES[m["degree"].lower()]
    field = QUANTITY_FIELDS[m["quantity"].lower()]  # "a high RI": the quantity named, high or low
    high = m["level"].lower() == "high"
    return field, high, f"{'higher' if high else 'lower'} in {FIELD_CALLED[field]}"


def degree_verdict(text: str, g: GemFacts, shown: str = "") -> str:
    """ "**Yes**: Diamond's refractive index, 2.417, is the highest of the 60 natural gem species I know. …" for "is
    diamond highly refractive?": no threshold defines "highly", so the verdict is the gem's rank among the natural
    species, by the middle of each range: Yes in the first quarter, No in the second half, "Moderately" between;
    '' when no degree is asked or the gem's facts lack the value. `shown`: the value as the answer says it ("2.417
    (over the refractometer's limit)"), else its bare number."""
    if (degree := degree_asked(text)) is None:
        return ""
    field, high, comparative = degree
    if (value := _value(g, field)) is None:
        return ""
    lines = _by_species([n for n in all_gems() if n.origin == "natural" and _value(n, field) is not None], field)
    beyond = sum(1 for gs in lines if (_value(gs[0], field) - value) * (1 if high else -1) > 1e-9)
    count = len(lines)
    said = f"{g.name}'s {FIELD_CALLED[field]} is {shown or format_quantity(field, getattr(g, field))}"
    if beyond == 0:
        extreme = "highest" if high else "lowest"
        equal = sum(abs(_value(gs[0], field) - value) < 1e-9 for gs in lines) - (g.origin == "natural")
        tied = f", tied with {equal} other{'s' if equal > 1 else ''}" if equal > 0 else ""
        verdict = f"**Yes**: {said}, the {extreme} of the {count} natural gem species I know{tied}"
    elif beyond < count / 4:
        verdict = f"**Yes**: {said}; only {beyond} of the {count} natural gem species I know are {comparative}"
    elif beyond >= count / 2:
        verdict = f"**No**: {said}; {beyond} of the {count} natural gem species I know are {comparative}"
    else:
        verdict = f"**Moderately**: {said}; {beyond} of the {count} natural gem species I know are {comparative}"
    return f"{verdict}. (No set threshold defines it; this is its rank by the middle of each species' range.)"


# "what varieties of quartz are there?", "what are the types of garnet?", "how many kinds of beryl are there?": the gems
# of its species or group, not "what kind of quartz is this?" of a stone in hand
KINDS_OF_A_GEM_ASKED = re.compile(
    r"\b(?:varieties|kinds|types|sorts)\s+of\s+[a-z][\w' ]{0,30}?\s+(?:are\s+there|exist|do\s+you\s+know)\b|"
    r"^\s*(?:what|which)\s+are\s+the\s+(?:different\s+|main\s+)?(?:varieties|kinds|types|sorts)\s+of\s+"
    r"[a-z][\w' ]{0,30}\s*\??\s*$|"
    r"\bhow\s+many\s+(?:varieties|kinds|types|sorts)\s+of\b",
    re.I,
)


def kinds_of_answer(text: str, gem: GemFacts) -> str:
    """ "**The kinds of quartz I have facts on** (21): Amethyst, …" for "what varieties of quartz are there?": the
    natural gems of its species, or of its group (garnet), or the kinds its facts give (jadeite and nephrite jade); ''
    when none is asked or it has none."""
    if not KINDS_OF_A_GEM_ASKED.search(text or ""):
        return ""
    members = [g.name for g in all_gems() if g.origin == "natural" and g.name != gem.name and _member(g, gem)]
    if not members and gem.kinds:  # jade: jadeite and nephrite, the kinds its own facts give
        return f"**{gem.name} is {len(gem.kinds)} kinds**: {_joined([k.name for k in gem.kinds])}."
    if not members:
        return ""
    return (
        f"**The kinds of {gem.name.lower()} I have facts on** ({len(members)}): {_joined(members)}. Others may exist "
        "beyond these; ask about any of them by name."
    )
