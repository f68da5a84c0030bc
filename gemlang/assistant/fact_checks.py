"""A statement about a gem asked to be confirmed: "peridot is uniaxial, right?", "diamond has SG 3.25?", "ruby is
cubic, correct?". A student checking what they learnt, not readings of a stone: each claim is compared with the
gem's facts and said to hold or not, with the right value.
"""

from __future__ import annotations

import re

from gemlang.assistant.gem_answers import (
    gems_it_is_one_of,
    phenomena_asked,
    property_value,
    species_word,
    streak_of,
    what_it_shows,
    words_naming,
)
from gemlang.fusion.evidence import OBSERVED, EvidenceModel
from gemlang.hints import (
    ASKED_IF_TRUE,
    GEM_AS_A_WORD,
    SENTENCES,
    SOURCE_SAYS,
    TAG_QUESTION,
    VALUE_CONFIRMED,
    parse_hints,
)
from gemlang.knowledge import all_gems
from gemlang.knowledge.facts import GemFacts
from gemlang.knowledge.instruments import profile, signs_text
from gemlang.knowledge.knowledge_base import gems_named_in
from gemlang.knowledge.tell_apart import kind_of
from gemlang.language.gem_text import lower_name
from gemlang.patterns import compiled
from gemlang.readings import AGAINST_ONLY, DERIVED, LUSTRES, STREAK_COLOURS, TESTER_RESULTS

# the signs a gem's facts give a value of, checked against that value (its sourced streak, its lustre)
RECORDED = {**{s: ("streak", c) for s, c in STREAK_COLOURS.items()}, **{s: ("lustre", w) for s, w in LUSTRES.items()}}

STATED = r"\s+(?:is|are|has|have|shows?|reads?)\b"
# what may come before the gem a claim is about: fillers and the claim's own opening, no reading of a stone
OPENER = re.compile(
    r"\s*(?:(?:ok(?:ay)?|so|and|but|well|hmm|right|also|wait|hey|hi|hello)\b[\s,]*)*(?:(?:is it true that|am i "
    r"right (?:that|in thinking)|i (?:read|heard|learnt|learned|was taught|think|believe|thought)(?: that)?|"
    r"(?:can|could|does|do|is|are|will)(?: an?| the)?|an?|the)\s+)?",
    re.I,
)
# what a claim says a gem is: "… is 'a type of diamond'", "… are both corundum"
KIND_SAID = re.compile(
    r"\s+(?:is|are)\s+(?P<not>not\s+)?(?:both\s+|all\s+)?['‘\"“]?(?:(?:a|an)\s+)?(?:(?:kind|type|variety|form|sort)\s+of\s+)?"
    r"(?:an?\s+)?(?P<kind>[a-z][\w' -]*?)['’\"”]?(?=\s*(?:$|[,;?.!]|\b(?:with|and|is that|right|correct)\b))",
    re.I,
)
ABOUT_A_STONE = re.compile(r"\b(?:my|this|the stone|mine|it'?s|it)\b", re.I)
SYSTEMS = ("cubic", "isometric", "tetragonal", "hexagonal", "trigonal", "orthorhombic", "monoclinic", "triclinic",
           "amorphous")  # fmt: skip
# "is ruby trigonal?", "are garnets cubic?": whether a gem is of a crystal system, a claim to check as said
SYSTEM_ASKED = re.compile(rf"\s*(?:is|are)\b[^?.!]*\b(?:{'|'.join(SYSTEMS)})\s*\?\s*", re.I)
OPTIC_SAID = {"isotropic": "singly refractive", "uniaxial": "uniaxial", "biaxial": "biaxial",
              "anisotropic": "doubly refractive"}  # fmt: skip
TOLERANCE = {"ri": 0.005, "sg": 0.03, "hardness": 0.5, "birefringence": 0.002}


def _within(value: tuple[float, float], known: tuple[float, float] | None, tolerance: float) -> bool:
    """Whether a value said of a gem fits its range; a bound said ("floats in salt water": SG below 1.13) holds
    when the gem's whole range lies within it."""
    if known is None:
        return False
    low, high = value
    if low <= 0 or high >= 99:
        return low - tolerance <= known[0] and known[1] <= high + tolerance
    return known[0] - tolerance <= low and high <= known[1] + tolerance


def _optic_holds(said: str, gem: GemFacts) -> bool:
    p = profile(gem)
    shown = {p.optic, *p.optic_also}
    return said in shown or (said == "anisotropic" and bool(shown & {"uniaxial", "biaxial"}))


def claim_and_rest(text: str) -> tuple[str, str]:
    """The answer to the claim a message asks to be confirmed (`claims_checked`) and the rest of the message, which
    may ask of the stone in hand ("could it be topaz instead? SG 3.53 right"); ('', text) when there is none."""
    sentences = [s for s in SENTENCES.split(text or "") if s.strip()]
    for i, sentence in enumerate(sentences):
        others = " ".join(sentences[:i] + sentences[i + 1 :])
        said = SOURCE_SAYS.search(sentence)  # "moissanite vs diamond, the jeweller says …": what comes before stays
        if checked := _sentence_checked(sentence[said.end() :] if said else sentence, others):
            return checked, " ".join([*sentences[:i], sentence[: said.start()] if said else "", *sentences[i + 1 :]])
    return "", text or ""


def claims_checked(text: str) -> str:
    """Each claim about the gems a message names, said to hold or not with their facts; '' when the message is
    no such check (no gem, a stone of the user's, or nothing a fact could settle)."""
    return claim_and_rest(text)[0]


def _sentence_checked(sentence: str, others: str) -> str:
    """The claim one sentence makes of the gems it opens with, checked; a bare value asked to be confirmed ("SG 3.53
    right") is of the one gem the rest of the message names."""
    text = sentence
    if ABOUT_A_STONE.search(ASKED_IF_TRUE.sub("", TAG_QUESTION.sub("", text))):
        return ""
    gems = gems_named_in(text)
    if not gems and VALUE_CONFIRMED.search(text) and len(elsewhere := gems_named_in(others)) == 1:
        text, gems = f"{elsewhere[0].name} {text}", elsewhere  # "could it be topaz instead? SG 3.53 right"
    if not gems:
        return ""
    # where the message names each: by its name or any other ("CZ is cubic, right?")
    at = {g.name: _named_at(g, text) for g in gems}
    gems = sorted((g for g in gems if at[g.name] is not None), key=lambda g: at[g.name].start())
    named = at[gems[0].name] if gems else None
    # the claim opens the message: "Got a red stone reading 1.718 SR, spinel right?" gives readings of a stone
    # first, and asks whether they make it spinel, which the ranking answers
    if named is None or not OPENER.fullmatch(text[: named.start()]) or GEM_AS_A_WORD.match(text[named.start() :]):
        return ""  # not "Ruby red stone reading 1.718 SR, spinel right?", a stone's readings
    plain = re.search(rf"\b{re.escape(gems[0].name.split()[0])}\w*{STATED}", text, re.I) and text.rstrip().endswith("?")
    plain = plain or SYSTEM_ASKED.fullmatch(text)  # "is ruby trigonal?": a crystal system asked of a gem
    if not (TAG_QUESTION.search(text) or ASKED_IF_TRUE.search(text) or VALUE_CONFIRMED.search(text) or plain):
        return ""
    # "ruby and sapphire are both corundum": the gems before what is said of them; what they are said to be after
    verb = re.search(STATED, text[named.end() :], re.I)
    subjects = [g for g in gems if verb is None or at[g.name].start() < named.end() + verb.start()]
    kind = KIND_SAID.search(text, named.end())
    kinds = gems_named_in(kind.group("kind")) if kind else []
    checks = [(g, check) for g in subjects for check in _checks(text, g, kinds[0] if len(kinds) == 1 else None, kind)]
    shows = [label == "sign" and not holds and phenomena_asked(said) for _, (holds, said, label, _) in checks]
    if len(subjects) == 1 and checks and all(shows):
        # "does sapphire show a star?": what its kinds (star sapphire) or its other words say, not a flat no
        return what_it_shows(text, subjects[0], of_each=True) or _verdict(checks)
    return _verdict(checks)


# "RI 1.54, does that fit?", "SG 3.9, is that consistent with it?": whether a reading fits the gem answered
FIT_ASKED = re.compile(
    r"\b(?:does|do|would|will|could)\s+(?:that|this|it|these|those|they)\s+(?:still\s+)?(?:fit|match|agree)\b|"
    r"\b(?:is|are)\s+(?:that|this|these|those|they)\s+(?:consistent|compatible)\s+with\s+(?:it|that|this|the photo)\b",
    re.I,
)


def readings_fit(text: str, gem: GemFacts) -> str:
    """ "RI 1.54, does that fit?" of the stone answered as `gem`: each reading the message gives, checked against
    the gem's facts as a claim about it would be; '' when the message gives none."""
    return _verdict([(gem, check) for check in _checks(text, gem, None, None)])


def _verdict(checks: list[tuple[GemFacts, tuple[bool | None, str, str, str]]]) -> str:
    """Yes, no or partly, then a line per check; '' without checks."""
    if not checks:
        return ""
    lines = [_line(g, *check) for g, check in checks]
    held = [check[0] for _, check in checks]
    verdict = "**Yes.**" if all(held) else "**No.**" if not any(h is not False for h in held) else "**Partly.**"
    return " ".join([verdict, *lines])


def _named_at(gem: GemFacts, text: str) -> re.Match[str] | None:
    spots = [m for n in (gem.name, *gem.aliases) if (m := compiled(rf"\b{re.escape(n)}", re.I).search(text))]
    spots = spots or [m for m in [re.search(rf"\b{re.escape(gem.name.split()[0][:5])}", text, re.I)] if m]
    return min(spots, key=lambda m: m.start()) if spots else None


def _checks(
    text: str, gem: GemFacts, kind: GemFacts | None, kind_said: re.Match[str] | None
) -> list[tuple[bool | None, str, str, str]]:
    """(holds, what was said, the constant, its value) for each thing a claim says of `gem`."""
    checks: list[tuple[bool | None, str, str, str]] = []
    if kind is not None and kind.name != gem.name:  # "moissanite is a type of diamond", "ruby is corundum"
        holds = kind_of(gem, kind) or (gem.species == kind.species and gem.origin == kind.origin)
        denied = bool(kind_said.group("not"))
        imitates = any(gem.name.split(" (")[0].lower() in s.lower() for s in kind.simulants)
        value = ", ".join(w for w in (species_word(gem), gem.chemistry) if w) if not holds else gem.chemistry
        value += f", a {kind.name.lower()} simulant" if imitates and not holds else ""
        checks.append((holds != denied, f"{'not ' if denied else ''}{kind.name.lower()}", "kind", value))
    hints = parse_hints(text, questions=True)
    r, lowered = hints.readings, text.lower()
    if r.ri is not None:
        holds = _within((r.ri.low, r.ri.high), gem.refractive_index, TOLERANCE["ri"])
        checks.append((holds, f"RI {r.ri.describe(3)}", "refractive index", property_value(gem, "refractive_index")))
    if r.sg is not None:
        holds = _within((r.sg.low, r.sg.high), gem.specific_gravity, TOLERANCE["sg"])
        checks.append((holds, f"SG {r.sg.describe(2)}", "specific gravity", property_value(gem, "specific_gravity")))
    if (
        r.birefringence is not None
        and r.birefringence.said != DERIVED
        and (known := birefringence_range(gem)) is not None
    ):
        holds = _within((r.birefringence.low, r.birefringence.high), known, TOLERANCE["birefringence"])
        said = f"DR {r.birefringence.describe(3)}"
        checks.append((holds, said, "birefringence", property_value(gem, "birefringence")))
    if hints.hardness is not None:
        holds = _within((hints.hardness.low, hints.hardness.high), gem.hardness, TOLERANCE["hardness"])
        checks.append((holds, f"hardness {hints.hardness.said}", "Mohs hardness", property_value(gem, "hardness")))
    if r.optic in OPTIC_SAID:
        optic = property_value(gem, "optical_character")
        signs = profile(gem).optic_sign  # "uniaxial negative" of a positive gem is wrong, class or no class
        sign_holds = r.optic_sign is None or not signs or r.optic_sign in signs
        said = OPTIC_SAID[r.optic] + (f" {r.optic_sign}" if r.optic_sign else "")
        checks.append((_optic_holds(r.optic, gem) and sign_holds, said, "optical character", optic))
    if r.pleochroism is not None:
        pleochroic = bool(set(profile(gem).pleochroism) - {"none"})
        holds = pleochroic == (r.pleochroism != "none")
        said = "not pleochroic" if r.pleochroism == "none" else "pleochroic"
        axes = next((w for w in ("dichroic", "trichroic") if w in lowered), None)  # two colours: uniaxial; three
        if axes and pleochroic:
            denied = bool(re.search(rf"\bnot\s+{axes}", lowered))  # "ruby is not dichroic, right?"
            shows = profile(gem).optic == {"dichroic": "uniaxial", "trichroic": "biaxial"}[axes]
            holds, said = shows != denied, f"not {axes}" if denied else axes
        checks.append((holds, said, "pleochroism", property_value(gem, "pleochroism")))
    system = next((s for s in SYSTEMS if re.search(rf"\b{s}\b", lowered)), None)
    if system and gem.crystal_system:
        same = system.replace("isometric", "cubic") in gem.crystal_system.lower()
        # trigonal gems (corundum, quartz) belong to the hexagonal crystal family many books file them under
        family = system == "hexagonal" and "trigonal" in gem.crystal_system.lower()
        so = gem.crystal_system.lower() + (", in the hexagonal crystal family" if family else "")
        checks.append((same or None if family else same, system, "crystal system", so))
    # a loupe sign ("hessonite shows a treacly swirl"), as the ranking weighs it, with the words of the facts
    # that name it; not a tester's result, which no feature names
    for seen in (s for s in r.observations if s in OBSERVED and s not in (*AGAINST_ONLY, *TESTER_RESULTS)):
        if seen in RECORDED:  # the gem's streak or lustre where its facts give it; of another, they say nothing
            field, pattern = RECORDED[seen]
            if value := getattr(gem, field):
                checks.append((bool(re.search(pattern, value.lower())), seen, field, value.lower()))
            continue
        named = [item for item in signs_text(gem).split(" ; ") if re.search(OBSERVED[seen][0], item)]
        holds = EvidenceModel.observation_fit(seen, profile(gem)) == 1.0
        # "sapphire shows a star": star sapphire's words; "spinel shows a star": its own, as written
        if own := words_naming(seen, gem):
            holds, named = True, own
        checks.append((holds, seen, "sign", named[0] if named and holds else ""))
    return checks


def birefringence_range(gem: GemFacts) -> tuple[float, float] | None:
    """A gem's birefringence as a range (a tourmaline's runs from its least), none (0) for a singly refractive one."""
    if gem.birefringence is None:
        return (0.0, 0.0) if gem.optical_character.lower() == "isotropic" else None
    return (gem.least_birefringence or gem.birefringence, gem.birefringence)


def _line(gem: GemFacts, holds: bool | None, said: str, label: str, value: str) -> str:
    if label == "streak":
        return f"{gem.name}'s streak is {streak_of(gem)}."  # a gem harder than the plate scratches it
    if label == "lustre":
        return f"{gem.name}'s lustre is {value}."
    if label == "sign" and not holds:
        return f"{gem.name}'s facts name no {re.sub(r'^an? ', '', said)}."
    if label == "sign":
        return f"{gem.name}'s facts name {said}" + (f": “{value}”." if value else ".")
    if label == "kind":  # "Moissanite is not diamond: it is moissanite, SiC (silicon carbide), a diamond simulant."
        negated = said.removeprefix("not ") if said.startswith("not ") else f"not {said}"
        return f"{gem.name} is {said if holds else negated}" + (
            f": it is {value}." if ", " in value else f" ({value})."
        )
    if said.startswith(("RI", "SG", "hardness", "DR")):
        return (
            f"{gem.name}'s {label} is {value}"
            + ("" if holds else f", so {said} does not fit{_fits_instead(gem, said)}")
            + "."
        )
    if holds is None:  # true in a looser sense: "hexagonal" of a trigonal gem
        return f"{gem.name} is, loosely, {said}: its {label} is {value}."
    negated = said.removeprefix("not ") if said.startswith("not ") else f"not {said}"
    return f"{gem.name} is {said if holds else negated}: its {label} is {value}."


def _fits_instead(gem: GemFacts, said: str) -> str:
    """The gem of the same name a value said of `gem` fits instead ("nephrite SG 3.34": jadeite, the other jade)."""
    hints = parse_hints(said, questions=True)
    siblings = [
        (parent, g)
        for parent in all_gems()
        if gem in (members := gems_it_is_one_of(parent))
        for g in members
        if g.name != gem.name
    ]
    for parent, other in siblings:
        r = hints.readings
        fits = [
            _within((x.low, x.high), known, TOLERANCE[key])
            for x, known, key in ((r.ri, other.refractive_index, "ri"), (r.sg, other.specific_gravity, "sg"),
                                  (hints.hardness, other.hardness, "hardness"))
            if x is not None
        ]  # fmt: skip
        if fits and all(fits):
            return f"; it fits {other.name}, the other {lower_name(parent)}"
    return ""
