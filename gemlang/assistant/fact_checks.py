"""A statement about a gem asked to be confirmed: "peridot is uniaxial, right?", "diamond has SG 3.25?", "ruby is
cubic, correct?". A student checking what they learnt, not readings of a stone: each claim is compared with the
gem's facts and said to hold or not, with the right value.
"""

from __future__ import annotations

import re

from gemlang.assistant.gem_answers import property_value
from gemlang.fusion.evidence import OBSERVED, EvidenceModel
from gemlang.hints import GEM_AS_A_WORD, TAG_QUESTION, parse_hints
from gemlang.knowledge.facts import GemFacts
from gemlang.knowledge.instruments import profile, signs_text
from gemlang.knowledge.knowledge_base import gems_named_in
from gemlang.readings import AGAINST_ONLY, THERMAL_SAID

# "is it true that …?" (besides "…, right?", `TAG_QUESTION`, and "<gem> is/has …?" asked outright)
ASKED_IF_TRUE = re.compile(
    r"^\s*(?:is it true that|am i right (?:that|in thinking)|i (?:read|heard|learnt|learned) that)\b", re.I
)
STATED = r"\s+(?:is|are|has|have|shows?|reads?)\b"
# what may come before the gem a claim is about: fillers and the claim's own opening, no reading of a stone
OPENER = re.compile(
    r"\s*(?:(?:ok(?:ay)?|so|and|but|well|hmm|right|also|wait|hey|hi|hello)\b[\s,]*)*(?:(?:is it true that|am i "
    r"right (?:that|in thinking)|i (?:read|heard|learnt|learned|was taught|think|believe|thought)(?: that)?|"
    r"(?:can|could|does|do|is|are|will)(?: an?| the)?|an?|the)\s+)?",
    re.I,
)
ABOUT_A_STONE = re.compile(r"\b(?:my|this|the stone|mine|it'?s|it)\b", re.I)
SYSTEMS = ("cubic", "isometric", "tetragonal", "hexagonal", "trigonal", "orthorhombic", "monoclinic", "triclinic",
           "amorphous")  # fmt: skip
OPTIC_SAID = {"isotropic": "singly refractive", "uniaxial": "uniaxial", "biaxial": "biaxial",
              "anisotropic": "doubly refractive"}  # fmt: skip
TOLERANCE = {"ri": 0.005, "sg": 0.03, "hardness": 0.5}


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


def claims_checked(text: str) -> str:
    """Each claim about the one gem a message names, said to hold or not with its facts; '' when the message
    is no such check (no gem, two gems, a stone of the user's, or nothing a fact could settle)."""
    gems = gems_named_in(text or "")
    if len(gems) != 1 or ABOUT_A_STONE.search(ASKED_IF_TRUE.sub("", TAG_QUESTION.sub("", text))):
        return ""
    gem = gems[0]
    # where the message names it: by its name or any other ("CZ is cubic, right?")
    spots = [m for n in (gem.name, *gem.aliases) if (m := re.search(rf"\b{re.escape(n)}", text, re.I))]
    spots = spots or [m for m in [re.search(rf"\b{re.escape(gem.name.split()[0][:5])}", text, re.I)] if m]
    named = min(spots, key=lambda m: m.start()) if spots else None
    # the claim opens the message: "Got a red stone reading 1.718 SR, spinel right?" gives readings of a stone
    # first, and asks whether they make it spinel, which the ranking answers
    if named is None or not OPENER.fullmatch(text[: named.start()]) or GEM_AS_A_WORD.match(text[named.start() :]):
        return ""  # not "Ruby red stone reading 1.718 SR, spinel right?", a stone's readings
    plain = re.search(rf"\b{re.escape(gem.name.split()[0])}\w*{STATED}", text, re.I) and text.rstrip().endswith("?")
    if not (TAG_QUESTION.search(text) or ASKED_IF_TRUE.search(text) or plain):
        return ""
    hints = parse_hints(text, questions=True)
    r, lowered = hints.readings, text.lower()
    checks: list[tuple[bool, str, str, str]] = []  # (holds, what was said, the constant, its value)
    if r.ri is not None:
        holds = _within((r.ri.low, r.ri.high), gem.refractive_index, TOLERANCE["ri"])
        checks.append((holds, f"RI {r.ri.describe(3)}", "refractive index", property_value(gem, "refractive_index")))
    if r.sg is not None:
        holds = _within((r.sg.low, r.sg.high), gem.specific_gravity, TOLERANCE["sg"])
        checks.append((holds, f"SG {r.sg.describe(2)}", "specific gravity", property_value(gem, "specific_gravity")))
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
    for seen in (s for s in r.observations if s in OBSERVED and s not in (*AGAINST_ONLY, THERMAL_SAID)):
        named = [item for item in signs_text(gem).split(" ; ") if re.search(OBSERVED[seen][0], item)]
        holds = EvidenceModel.observation_fit(seen, profile(gem)) == 1.0
        checks.append((holds, seen, "sign", named[0] if named and holds else ""))
    if not checks:
        return ""

    def line(holds: bool | None, said: str, label: str, value: str) -> str:
        if label == "sign" and not holds:
            return f"{gem.name}'s facts name no {re.sub(r'^an? ', '', said)}."
        if label == "sign":
            return f"{gem.name}'s facts name {said}" + (f": “{value}”." if value else ".")
        if said.startswith(("RI", "SG", "hardness")):
            return f"{gem.name}'s {label} is {value}" + ("" if holds else f", so {said} does not fit") + "."
        if holds is None:  # true in a looser sense: "hexagonal" of a trigonal gem
            return f"{gem.name} is, loosely, {said}: its {label} is {value}."
        negated = said.removeprefix("not ") if said.startswith("not ") else f"not {said}"
        return f"{gem.name} is {said if holds else negated}: its {label} is {value}."

    lines = [line(*check) for check in checks]
    held = [check[0] for check in checks]
    verdict = "**Yes.**" if all(held) else "**No.**" if not any(h is not False for h in held) else "**Partly.**"
    return " ".join([verdict, *lines])
