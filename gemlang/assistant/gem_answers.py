"""Answers about a gem from the knowledge base's facts, whatever stone is in hand: its constants,
what it shows, its treatments and sources, how it is told from another gem."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from itertools import permutations

from gemlang.assistant.limits import (
    EACH_SAID,
    TOTAL_SAID,
    TOTAL_WEIGHT_ASKED,
    beyond_the_evidence,
    in_points,
    stones_counted,
    weight_in,
    weight_in_general,
)
from gemlang.assistant.questions import (
    A_GEM_KIND,
    A_REAL_GEM_KIND,
    AFTER_TRADE_NAME,
    ANY_TREATMENT,
    ASKS_ABOUT,
    ASKS_WHAT_IT_SHOWS,
    CARAT_UNIT_SAID,
    CHELSEA_WORDS,
    CLAUSE_ASKS,
    COAL_SAID,
    COLOUR_QUESTION,
    COMPARATIVE,
    CRYSTAL_ASKED,
    CUT_STYLE_ASKED,
    CUTTING_ASKED,
    DETECTION_QUESTION,
    EVERY_CATS_EYE,
    FAKE_SAID,
    FEWER,
    FLOATS_ASKED,
    FORMATION_QUESTION,
    FROM_MEASUREMENTS,
    GENERALLY,
    GRAMS_SAID,
    GROWN_NATURAL,
    HISTORY_QUESTION,
    IN_A_COLOUR,
    IN_CARATS_ASKED,
    IN_NATURE_ASKED,
    IS_A_KIND,
    IS_THE_MATERIAL,
    IT_OR_THIS,
    KIND_ASKED,
    LAB_GROWN,
    LAB_SAID,
    LOOKALIKES_ASKED,
    LOWER_OR_HIGHER,
    MADE_OF,
    MATERIAL_GEMS,
    MATERIAL_KIND,
    MAY_BE_ANOTHER,
    MORE_THAN,
    NAME_ASKED,
    NATURAL_QUESTION,
    NEXT_CLAUSE,
    ONE_GEM_AS_ANOTHER,
    OPTIC_QUALITY,
    ORIGIN_CLAIM_ASKED,
    ORIGIN_QUESTION,
    OTHER_NAMES_ASKED,
    PLEOCHROISM_DEGREE,
    POINT_ASKED,
    POINTS_SAID,
    PRECIOUS_ASKED,
    PRICE_COMPARED,
    QUALITY_CHOICE,
    QUESTION_RUN_ON,
    RAREST_AMONG,
    RARITY_COMPARED,
    RARITY_QUESTION,
    SAME_CHEMISTRY,
    SAME_MINERAL,
    SCRATCH_SAID,
    SELLER_SAID,
    SELLERS_CLAIMS,
    SHOWN_LIST_QUESTION,
    SHOWS_COLOURS,
    SIZE_OF_A_WEIGHT,
    SPARKLE_ASKED,
    STONE_BOUGHT,
    STONE_IN_HAND,
    TASTE_ASKED,
    TELL_ABOUT,
    TELL_IF_IT_IS,
    TEST_NAMED,
    THE_COLOUR_ONE,
    THE_SAME_SAID,
    THE_STONE_IN_HAND,
    THE_STONES_MEANT,
    THREE_COLOURS_ASKED,
    TREATED_WORDS,
    TREATMENT_QUESTION,
    TREATMENT_WORD,
    TWINNING_ASKED,
    VALUE_QUESTION,
    WEIGHT_ASKED,
    WHERE_TO_FIND,
    WHICH_OF_TWO,
    WORD_OF_ANOTHER,
    WORTH_SAID,
    WORTH_WORKING,
    YES_NO_QUESTION,
    compared_materials,
    lab_grown_twins,
)
from gemlang.fusion import EvidenceModel
from gemlang.fusion.evidence import gem_sold_as
from gemlang.hints import AGAINST_A_TREATMENT, CHOICES_ASKED, TAG_QUESTION, Hints
from gemlang.knowledge import GemFacts, all_gems, get_facts
from gemlang.knowledge.carat_weight import (
    chart_weight,
    estimate,
    formula_sources,
    formulas_said,
    measurements,
    points_said,
    round_size,
    total_weight_said,
)
from gemlang.knowledge.care import HARM_QUESTION, HEAT_QUESTION, LIGHT_QUESTION, SAID_OF_HARM, care_question
from gemlang.knowledge.colours import ASKED_AS, USUAL_COLOUR, colour_names, hue_and_tinge, listed_in, main_colour
from gemlang.knowledge.disclosure import SELL_QUESTION, TREATMENT_RULE, WORD_ASKED
from gemlang.knowledge.facts import ASKED_SOURCED_FIELDS, TreatmentSigns, ahead_of_the_rest, format_quantity, sentences
from gemlang.knowledge.instruments import TESTS, profile, separates, species_streak, value_text
from gemlang.knowledge.knowledge_base import cited_facts, gems_named_in, group_named_in
from gemlang.knowledge.places import (
    NOT_GEM_GRADE,
    countries_in,
    gem_countries,
    names_a_country,
    places_asked,
    places_named,
)
from gemlang.knowledge.polishes import POLISH_ASKED, polish_answer
from gemlang.knowledge.superlatives import COLOUR_WORD, FACT_FIELDS_SAID, LISTED
from gemlang.knowledge.tell_apart import (
    MADE_THING,
    in_sentence,
    instrument_test,
    just_apart,
    kind_of,
    kinds_of,
    lookalikes,
    may_be,
    natural_lookalikes,
    seen_in,
    telltale,
    telltales,
    treated_into,
    values_read,
)
from gemlang.language.gem_prose import lower_first, main_sources, treatment_sentence
from gemlang.language.gem_text import join_words, lower_name, other_names
from gemlang.patterns import compiled
from gemlang.wording import some_of

KEY_PROPERTIES = (
    "Species",
    "Mohs hardness",
    "Specific gravity",
    "Refractive index",
    "Birefringence",
    "Lustre",
)


def facts_of(name: str):
    from gemlang.knowledge import UnknownGemError

    try:
        return get_facts(name)
    except UnknownGemError:
        return None


def property_rows(names: Sequence[str]) -> list[tuple[str, ...]]:
    """A small side-by-side table of the key properties of the given gems; the first row is the header."""
    facts = [f for f in (facts_of(n) for n in names) if f is not None]
    if not facts:
        return []
    tables = [dict(f.property_table()) for f in facts]
    rows = [("Property", *(f.name for f in facts))]
    for label in KEY_PROPERTIES:
        values = [t.get(label, "—") for t in tables]
        if any(v != "—" for v in values):
            rows.append((label, *values))
    return rows


def tell_apart(first: str, second: str, evidence: EvidenceModel | None = None, hints: Hints | None = None) -> str:
    """How a gemmologist would tell two gems apart (non-destructive tests first); '' when one is unknown. With
    the evidence model and the readings, each gem made in kinds is the kind the readings find (`as_read`), and
    the readings that already tell the two apart come first."""
    from gemlang.knowledge.tell_apart import tell_apart as advice

    a, b = facts_of(first), facts_of(second)
    if a is None or b is None:
        return ""
    if evidence is None or hints is None:
        return advice(a, b)
    a, b = evidence.as_read(a, hints), evidence.as_read(b, hints)
    already = evidence.already_told(a.name, b.name, hints)
    return f"{already} {advice(a, b)}" if already else advice(a, b)


def property_value(g: GemFacts, field: str) -> str:
    """A gem's value of a field asked about, as a gemmologist says it: "2.417 (over the refractometer's limit)",
    "isotropic (singly refractive: …)", "moderate to strong red (LWUV)"; "not known" where the facts are silent."""
    if field == "streak":
        return streak_of(g)
    if field == "critical_angle":
        return critical_angle(g)
    if field in ASKED_SOURCED_FIELDS:  # asked of a few gems only (streak, spectrum: answered above or by their own)
        return lower_first(getattr(g, field)) or "not on record here"
    v = getattr(g, field)
    if field == "colour_cause" and not v and (kinds := [k for k in kinds_of(g) if k.colour_cause]):
        # sapphire: each colour of it by its own element, said kind by kind rather than "not known"
        each = "; ".join(f"{k.name} by {k.colour_cause}" for k in kinds)
        return f"different elements in its different colours: {each}"
    if field == "birefringence" and (shown := value_text(profile(g), g, "birefringence")) != "unknown":
        return "none (singly refractive)" if shown == "none" else shown  # spinel's: none, not unknown
    if not v:
        return "not known"
    if field == "pleochroism" and str(v).strip().lower() in ("none", "absent", "nil"):  # the database's "None"
        return "none (singly refractive)" if profile(g).optic == "isotropic" else "none"
    if field in ("fluorescence", "lustre", "cleavage", "fracture"):  # a word of a sentence: "fracture conchoidal"
        return lower_first(v)
    if field == "refractive_index":
        return value_text(profile(g), g, "ri")
    if field == "optical_character":  # the sign in words: "uniaxial negative", not "uniaxial -"
        signed = re.sub(r"(?<=axial) ([+-])(?: or ([+-]))?", lambda m: " " + " or ".join(
            SIGN_WORD[s] for s in m.groups() if s), v)  # fmt: skip
        return lower_first(signed) + OPTIC_SHOWN.get(profile(g).optic or "", "")
    return v if isinstance(v, str) else g.format(field)


def critical_angle(g: GemFacts) -> str:
    """'24.4° (sin CA = 1/RI, from its RI 2.417)': the angle beyond which light inside the gem is totally reflected,
    worked out from its refractive index as the glossary's critical angle entry says; the widest angle for the lowest
    RI. "not known" where its RI is not."""
    if g.refractive_index is None:
        return "not known"
    low, high = (math.degrees(math.asin(1 / ri)) for ri in sorted(g.refractive_index, reverse=True))
    angle = f"{low:.1f}°" if f"{low:.1f}" == f"{high:.1f}" else f"{low:.1f}–{high:.1f}°"
    return f"{angle} (sin CA = 1/RI, from its RI {g.format('refractive_index')})"


# "greenish-black streak", "its streak is greenish black", "red streak on unglazed porcelain": a colour, not the
# "white perthite streaks" of a stone's pattern
STREAK = re.compile(
    r"\b([a-z]+(?:[- ][a-z]+)?) streak(?= on unglazed|[;.,]|$)|\bstreak is ([a-z]+(?:[- ][a-z]+)?)", re.I
)


STREAK_PLATE_HARDNESS = 7  # a streak plate's unglazed porcelain, Mohs 6.5 to 7: a gem this hard scratches it


def streak_of(g: GemFacts) -> str:
    """The colour of a gem's powder, where its facts (or its species', as the ranking reads them) name it, else what
    its features say of one; a gem at least as hard as the plate is said to scratch it, as the glossary's "streak"
    says, so ruby's white streak and sapphire's do not read as two answers."""
    features = (STREAK.search(text or "") for text in (*g.diagnostic_features, g.description))
    found = next((m for m in features if m), None)
    said = found and (found.group(1) or found.group(2)).lower().replace("-", " ")
    streak = g.streak or said or species_streak(g.species)
    if g.hardness is None or g.hardness[0] < STREAK_PLATE_HARDNESS:
        return f"{streak} (on unglazed porcelain)" if streak else STREAK_UNKNOWN
    plate = (
        f"at Mohs {g.format('hardness')} it is at least as hard as unglazed porcelain (about Mohs 6.5 to 7), so it "
        "scratches the plate and leaves no streak; the test is made only on rough material"
    )
    return f"{streak} (the colour of its powder), though {plate}" if streak else f"none: {plate}"


STREAK_UNKNOWN = (
    "not on record here. A streak is the colour of a mineral's powder on unglazed porcelain: it tells opaque "
    "and strongly coloured minerals apart (pyrite greenish black, hematite red), while most transparent gems "
    "leave a white or colourless one, or scratch the plate (about Mohs 7); it is done only on rough material"
)


def constants_and_signs(g: GemFacts, harmless: bool = False) -> str:
    """ "RI 1.654–1.688; SG 3.25–3.36; hardness 6.5–7; interlocking granular texture; …": what to check a stone
    against. `harmless`: only what is read without harm, each constant with its instrument ("RI … (refractometer)"),
    not the hardness, which a scratch test reads."""
    fields = (("RI", "refractive_index"), ("SG", "specific_gravity"), ("hardness", "hardness"))
    tools = {"refractive_index": "refractometer", "specific_gravity": "hydrostatic balance"} if harmless else {}
    said = [
        f"{label} {value}" + (f" ({tools[field]})" if field in tools and "refractometer" not in value else "")
        for label, field in fields
        if getattr(g, field) and not (harmless and field == "hardness")
        for value in [property_value(g, field)]  # "RI 2.417 (over the refractometer's limit)" names its own
    ]
    signs = [sign if re.match(r"[A-Z]-", sign) else lower_first(sign) for sign in g.diagnostic_features]
    return "; ".join(said + signs)  # "X-radiography" and the Chelsea filter keep their capitals


def how_to_test(gem: GemFacts) -> str:
    """ "How do I test a pearl?": the constants and signs a stone said to be `gem` is checked against, those read
    without harm first and its hardness, a scratch test, kept for rough; what it may be instead, and that a
    laboratory decides what they do not."""
    name = lower_name(gem)
    scratch = (
        f" Its hardness ({gem.format('hardness')}) is read only by a scratch test: do not try it on a cut or polished "
        "stone, which it damages; keep it for rough material."
        if gem.hardness
        else ""
    )
    return (
        f"**Testing {name}**: check the stone against {name}'s constants and signs, without harm first: "
        f"{constants_and_signs(gem, harmless=True)}.{scratch}{sold_as(gem)} A stone that does not fit them is not "
        f"{name}; where they do not settle it, a gem laboratory decides."
    )


def found_gem_answer(gem: GemFacts, real_asked: bool = True, colours: Sequence[str] = ()) -> str:
    """ "I found a ruby in the creek, is it real?": a find was never sold, so whether it is the gem is asked of its
    constants and signs, and the natural gems taken for it are what it may be instead ("could it be emerald?", no
    "real" said: the constants alone); and a stone that formed where it was found is natural (the glossary's
    "natural"). `colours`: those told of the stone, which keep the look-alikes seen in them; four at most."""
    name = lower_name(gem)
    article = "An" if name[0] in "aeiou" else "A"
    signs = f"{name}'s constants and signs ({constants_and_signs(gem)})"
    if real_asked:
        asked = f'A find was never sold as a gem, so "real" asks whether it is {name} at all. What would show it are '
    else:
        asked = f"Whether it is {name} is shown by "
    alike = natural_lookalikes(gem, all_gems())
    alike = ([g for g in alike if any(listed_in(g, c) for c in colours if listed_in(gem, c))] or alike)[:4]
    taken = f" Natural gems that look like {name}: {join_words([lower_name(g) for g in alike])}." if alike else ""
    return (
        f"**{article} {name} you found?** {asked}{signs}: a stone that does not fit them is not {name}. One that "
        "formed where you found it is natural, formed by natural processes without human help, unless someone put "
        f'it there.{taken} Send me a photo of it and ask "what gem is this?".'
    )


def ri_and_sg(g: GemFacts) -> str:
    """ "Ruby: RI 1.762–1.770, SG 3.97–4.05": the readings that would say whether a stone is `g`."""
    return f"{g.name}: RI {g.format('refractive_index')}, SG {g.format('specific_gravity')}"


def name_in_sentence(name: str) -> str:
    """A gem's name inside a sentence: "cubic zirconia", but "GGG (Gadolinium Gallium Garnet)" and "Gilson imitation
    lapis" as written (an abbreviation and what it stands for, or a maker's name)."""
    head, bracket, rest = name.partition(" (")
    words = [w if any(c.isupper() for c in w[1:]) else in_sentence(w) for w in head.split(" ")]  # "LuAG" kept
    return " ".join(words) + bracket + rest


def sold_in_its_place(gem: GemFacts) -> list[str]:
    """What a stone said to be `gem` may be instead: its lab-grown twins and the imitations the knowledge base lists."""
    name = lower_name(gem)
    return ([f"lab-grown {name}"] if lab_grown_twins(gem) else []) + [name_in_sentence(s) for s in gem.simulants]


def sold_as(gem: GemFacts) -> str:
    """ " Sold as ruby and not ruby: lab-grown ruby, red spinel, …" (`sold_in_its_place`); '' when it lists none."""
    name, others = lower_name(gem), sold_in_its_place(gem)
    return f" Sold as {name} and not {name}: {join_words(others, 'and')}." if others else ""


def own_constants(gem: GemFacts) -> str:
    """ "jade's own constants and signs, those of one of its minerals: jadeite (…) or nephrite (…)": what a stone
    said to be `gem` is checked against to tell it from its imitations."""
    members = gems_it_is_one_of(gem)  # jade is jadeite or nephrite: each with its own constants and signs
    checks = " or ".join(f"{lower_name(m)} ({constants_and_signs(m)})" for m in members)
    name = lower_name(gem)
    return f"{name}'s own constants and " + (
        f"signs, those of one of its minerals: {checks}" if members else f"signs ({constants_and_signs(gem)})"
    )


LOOKALIKE_LABEL = re.compile(r"\s*\(look-?alikes?(?: for \w+)?\)", re.I)  # "Emerald (look-alike)": a natural gem


def imitations_answer(gem: GemFacts, text: str = "") -> str:
    """ "What is fake tanzanite made of?", "what are the imitations of jade?": what is sold in its place
    (`sold_in_its_place`), then the natural gems taken for it (`natural_lookalikes`, four at most), and what tells
    them from it; "what are emerald look-alikes?", "what looks like emerald?" (LOOKALIKES_ASKED): the natural gems
    first, under a heading that says so. Of a colour of it asked ("look-alikes of pink tourmaline"), only those seen
    in that colour (ruby and pink sapphire, not emerald)."""
    name = lower_name(gem)
    said = re.search(rf"\b({COLOUR_WORD})\s+{re.escape(name)}", text, re.I)
    colour = said.group(1).lower() if said and listed_in(gem, said.group(1).lower()) else None
    every = natural_lookalikes(gem, all_gems(), colour)
    every = [g for g in every if seen_in(g, colour)] if colour else every
    made = [o for o in sold_in_its_place(gem) if not LOOKALIKE_LABEL.search(o)]  # "Emerald (look-alike)": natural
    if colour:  # "lab-grown tourmaline", "glass": those of no colour of their own stay
        made = [o for o in made if not (seen := gems_named_in(o)) or any(listed_in(g, colour) for g in seen)]
    lookalikes_asked = bool(LOOKALIKES_ASKED.search(text))
    if lookalikes_asked:  # a natural gem its list names ("Red spinel") is said with the natural gems, not twice
        made = [o for o in made if not (MADE_THING.search(o.lower()) is None and _names_one_of(o, every))]
        natural = every[:4]
    else:  # what is sold in its place as its sources list it, then the natural gems those leave out
        natural = [g for g in every if not any(_names_one_of(o, [g]) for o in made)][:4]
    asked = f"{colour} {name}" if colour else name
    alike = join_words([lower_name(g) for g in natural])
    sold = join_words(made, "and")
    tell = (
        f"To tell them from {name}, check the stone against {own_constants(gem)}: one that does not fit them is not "
        f"{name}, and where they do not settle it, a gem laboratory decides."
    )
    if lookalikes_asked:
        main = colour or (main_colour(gem.colours[0]) if gem.colours else "its colour")
        order = f", those seen in {main} first, then the nearest in refractive index" if len(natural) > 1 else ""
        first = f"natural gems taken for it{order}: {alike}." if alike else "my knowledge base names none taken for it."
        then = f" Sold in its place: {sold}." if sold else ""
        return f"**Look-alikes of {asked}**: {first}{then} {tell}"
    listed = f"{sold}." if sold else f"my knowledge base lists no imitations of {name}."
    nature = f" Natural gems{' also' * bool(made)} taken for {asked}: {alike}." if alike else ""
    return f"**Sold as {name}, not {name}**: {listed}{nature} {tell}"


def _names_one_of(phrase: str, gems: Sequence[GemFacts]) -> bool:
    """Whether a simulant phrase ("Red spinel", "Rubellite tourmaline") names one of `gems`."""
    names = {g.name for g in gems}
    return any(g.name in names for g in gems_named_in(phrase))


def gems_it_is_one_of(gem: GemFacts) -> list[GemFacts]:
    """The gems a name covers that are two minerals (jade: jadeite, nephrite; red garnet: pyrope, almandine), each
    with its own facts; [] for one mineral."""
    ids = set(gem.database_ids)
    if len(ids) < 2:
        return []
    return [g for g in all_gems() if g.name != gem.name and g.database_ids and set(g.database_ids) <= ids]


# the shapes a description gives a gem's crystals ("long, striated prisms"), not its cleavage's form
HABIT_WORDS = re.compile(
    r"\bprism\w*|\bhabit\b|\bmassive\b|\bbotryoidal\b|\bcubes\b|\boctahedr(?:a|al|ons?)\b(?!\s+cleavage)|\bdodecahedr\w*|"
    r"\bbladed\b|\btabular\b|\bnodul\w*|\bstalactit\w*|\bpyritohedr\w*",
    re.I,
)


def habit_said(g: GemFacts) -> str:
    """'**Tourmaline**: crystal system trigonal. Crystals are long, striated prisms …' for "what is the habit of
    tourmaline?": its crystal system and what its description says of its crystals' shapes, if anything."""
    shapes = [x for x in sentences(g.description or "") if HABIT_WORDS.search(x)]
    said = " ".join(shapes) if shapes else "My facts describe no crystal habit for it."
    return f"{constants_said(g, [('crystal system', 'crystal_system')])}. {said}"


READINGS_GIVEN = {"isotropic": ("one reading", "singly refractive"), "uniaxial": ("two readings", "doubly refractive"),
                  "biaxial": ("two readings", "doubly refractive")}  # fmt: skip


def readings_given(g: GemFacts) -> tuple[str, str] | None:
    """("two readings", "doubly refractive"): what a refractometer shows of the gem, and the term that says why; None
    for an aggregate or an optic character not known."""
    return READINGS_GIVEN.get(profile(g).optic or "")


def constants_said(g: GemFacts, asked: Sequence[tuple[str, str]]) -> str:
    """'**Ruby**: Mohs hardness 9, spectroscope …' for the (label, field) pairs asked; a spectrum asked alone that
    the facts lack is said to be missing, not 'not known' as if no spectroscope could show one."""
    if [f for _, f in asked] == ["spectrum"]:  # a sentence of its own: "**Diamond**, in the spectroscope: Most …"
        if g.spectrum:
            return f"**{g.name}**, in the spectroscope: {g.spectrum.rstrip('.')}"
        return f"**{g.name}**: I have no absorption spectrum on record for {lower_name(g)}"
    said = [(label, property_value(g, f)) for label, f in asked]
    # "pleochroism very strong trichroism": a description after its label, not a sentence of its own
    said = [(label, lower_first(v) if label == "pleochroism" else v) for label, v in said]
    return f"**{g.name}**: " + ", ".join(f"{label} {value}" for label, value in said)


# pleochroism facts that say a gem shows none as a rule ("None (isotropic)"), or only in some stones ("None to weak")
NOT_PLEOCHROIC = re.compile(r"none\b(?!\s+(?:to|in)\b)", re.I)
SOMETIMES_PLEOCHROIC = re.compile(r"\bnone\b|\bnot seen\b|\bvariable\b", re.I)
DICHROIC_SOURCE = (
    "source (dichroism): Britannica, pleochroism: dichroism is found in uniaxial crystals, trichroism in biaxial "
    "crystals <http://www.britannica.com/print/topic/162102>"
)


def pleochroic_verdict(text: str, g: GemFacts) -> tuple[str, str]:
    """The verdict, "**Yes.**", "**No.**" or "**Only some stones.**", for a yes/no question whether a gem is
    pleochroic or shows two or three colours ("does iolite show three colours?"), from its pleochroism facts, with
    the source of any rule it adds: "**Two, not three.** …" where three are asked of a uniaxial (dichroic) gem;
    ('', '') when the facts give no pleochroism."""
    said = g.pleochroism
    if not said:
        return "", ""
    if NOT_PLEOCHROIC.match(said):
        return "**No.**", ""
    if SOMETIMES_PLEOCHROIC.search(said):
        return "**Only some stones.**", ""
    three = THREE_COLOURS_ASKED.search(text)
    if three and (re.search(r"dichro", said, re.I) or re.match(r"uniaxial", g.optical_character, re.I)):
        return "**Two, not three.** A uniaxial gem is dichroic: it shows at most two colours.", DICHROIC_SOURCE
    return "**Yes.**", ""


def has_quality(text: str, g: GemFacts) -> bool | None:
    """Whether a gem has the optical quality a question names ("doubly refractive", "uniaxial", "pleochroic", "shows
    three colours"), from its optic character or its pleochroism (`pleochroic_verdict`); None when its facts do not
    say (an aggregate such as jade, a pleochroism seen only in some stones)."""
    word = re.search(OPTIC_QUALITY, text, re.I)
    if word is None or re.match(r"pleo|dichro|trichro", word.group(0), re.I):
        verdict = pleochroic_verdict(text, g)[0]
        return True if verdict == "**Yes.**" else False if verdict.startswith(("**No.**", "**Two,")) else None
    optic = g.optical_character.lower()
    if not optic.startswith(("uniaxial", "biaxial", "isotropic")):
        return None
    asked = word.group(0).lower()
    if asked in ("uniaxial", "biaxial"):
        return optic.startswith(asked)
    return optic.startswith("isotropic") == (asked in ("singly refractive", "isotropic"))


def optic_verdict(text: str, g: GemFacts) -> str:
    """ "**Yes.**" or "**No.**" to "is peridot biaxial?", "is garnet singly refractive?", "is quartz uniaxial
    negative?", from the gem's optic character and sign (`has_quality`); '' where its facts do not say (an aggregate,
    a sign asked of a gem that shows both)."""
    has = has_quality(text, g)
    sign = re.search(r"\b(positive|negative)\b", text, re.I)
    if has and sign:
        signs = profile(g).optic_sign
        has = None if len(signs) != 1 else sign.group(1).lower() in signs
    return "" if has is None else "**Yes.**" if has else "**No.**"


# the grades pleochroism facts give, weakest first ("Very strong trichroism", "Weak to moderate", "None (isotropic)")
PLEOCHROISM_GRADES = ("none", "very weak", "weak", "moderate", "strong", "very strong", "extremely strong")
# "distinct", the dichroscope's grade between weak and strong ("Distinct to strong"), is moderate on this scale
DISTINCT_GRADE = "moderate"
DISTINCT_SOURCE = (
    "source (distinct pleochroism): Digital Gemology, gem identification: what the dichroscope shows is graded none, "
    "weak, distinct or strong <https://glama.ai/mcp/connectors/com.digitalgemology/gem-identification/tools/identify_gem>"
)
_GRADE = "|".join(sorted((*PLEOCHROISM_GRADES, "distinct"), key=len, reverse=True))
GRADED = re.compile(rf"\s*(?P<low>{_GRADE})(?:\s+to\s+(?P<high>{_GRADE}))?\b(?!\s+in\b)", re.I)  # not "None in jadeite"


def pleochroism_graded(g: GemFacts) -> tuple[int, int] | None:
    """The lowest and highest grade its pleochroism facts give (0 none … 6 extremely strong); some (1 up) for a gem
    its facts call pleochroic without a grade ("Trichroic", "Distinct to strong"); None when they do not say."""
    if graded := GRADED.match(g.pleochroism or ""):
        words = (graded["low"], graded["high"] or graded["low"])
        low, high = (PLEOCHROISM_GRADES.index(w.lower().replace("distinct", DISTINCT_GRADE)) for w in words)
        return low, high
    return (1, len(PLEOCHROISM_GRADES) - 1) if pleochroic_verdict("", g)[0] == "**Yes.**" else None


def pleochroism_compared(text: str, gems: Sequence[GemFacts]) -> str:
    """'Iolite is more pleochroic than Garnet: Iolite's pleochroism is very strong; Garnet shows none.' for "which is
    more pleochroic, iolite or garnet?", from the grades their facts give; of three or more ("which is most
    pleochroic, iolite, tourmaline or garnet?") the one graded above (or below) every other; where the grades
    overlap or a gem's facts give none, that no verdict can be given."""
    asked = PLEOCHROISM_DEGREE.search(text)
    than = "less" if asked and (asked["less"] or asked["weaker"]) else "more"
    grades = {g.name: pleochroism_graded(g) for g in gems}

    def said(g: GemFacts) -> str:
        low, high = grades[g.name]
        if high == 0:
            return f"{g.name} shows none"
        if not (graded := GRADED.match(g.pleochroism)):
            return f"{g.name}'s pleochroism is {lower_first(g.pleochroism)}"
        return f"{g.name}'s pleochroism is {' to '.join(dict.fromkeys(w.lower() for w in graded.groups() if w))}"

    ranges = {g.name: grades[g.name] or (0, len(PLEOCHROISM_GRADES)) for g in gems}
    ungraded = [g.name for g in gems if grades[g.name] is None or not GRADED.match(g.pleochroism)]
    cannot = f"My facts do not grade how strong {join_words(ungraded, 'and')}'s pleochroism is, so I cannot say"
    if len(gems) > 2:  # the one graded wholly above (or, for "least", below) every other
        most = "least" if than == "less" else "most"
        if than == "less":
            first = min(gems, key=lambda g: ranges[g.name][1])
            clear = all(ranges[first.name][1] < ranges[g.name][0] for g in gems if g is not first)
        else:
            first = max(gems, key=lambda g: ranges[g.name][0])
            clear = all(ranges[first.name][0] > ranges[g.name][1] for g in gems if g is not first)
        if clear and None not in grades.values():
            in_order = [first, *(g for g in gems if g is not first)]
            return f"{first.name} is the {most} pleochroic: {'; '.join(map(said, in_order))}."
        if ungraded:
            return f"{cannot} which is {most} pleochroic."
        return f"None is reliably the {most} pleochroic: {'; '.join(map(said, gems))}."
    a, b = gems
    (low_a, high_a), (low_b, high_b) = (ranges[g.name] for g in (a, b))
    if None not in grades.values() and (low_a > high_b or low_b > high_a):
        more, fewer = (a, b) if low_a > high_b else (b, a)
        first, second = (fewer, more) if than == "less" else (more, fewer)
        return f"{first.name} is {than} pleochroic than {second.name}: {said(first)}; {said(second)}."
    if ungraded:
        return f"{cannot} which is {than} pleochroic."
    if (low_a, high_a) == (low_b, high_b) and low_a == high_a:
        if GRADED.match(a.pleochroism)["low"].lower() != GRADED.match(b.pleochroism)["low"].lower():
            return f"Neither is {than} pleochroic: {said(a)}; {said(b)}, the same grade."  # distinct and moderate
        return f"Neither is {than} pleochroic: my facts grade both {PLEOCHROISM_GRADES[low_a]}."
    return f"Neither is reliably {than} pleochroic: {said(a)}; {said(b)}."


def quality_chosen(text: str, gems: Sequence[GemFacts]) -> tuple[str, str]:
    """The verdict of a choice of gems by a quality each has or lacks, in the question's words: "Iolite shows two
    colours; Garnet does not." for "which shows two colours, iolite or garnet?", "Both are pleochroic.", "Neither is
    singly refractive.", with the source of the rule that a uniaxial gem shows two colours at most when it decides;
    ('', '') for any other question or when a gem's facts do not say."""
    if len(gems) >= 2 and PLEOCHROISM_DEGREE.search(text):  # "which is more pleochroic, iolite or garnet?"
        distinct = any((m := GRADED.match(g.pleochroism or "")) and "distinct" in m.group(0).lower() for g in gems)
        return pleochroism_compared(text, gems), DISTINCT_SOURCE if distinct else ""
    if len(gems) < 2 or not QUALITY_CHOICE.search(text):
        return "", ""
    has = [has_quality(text, g) for g in gems]
    if None in has:
        return "", ""
    source = next((s for g in gems if (s := pleochroic_verdict(text, g)[1])), "")  # "three colours?" of a uniaxial gem
    if shows := re.search(SHOWS_COLOURS, text, re.I):  # "shows two colours": as asked, or "does not"
        colours = re.sub(r"^shows?\s+", "", shows.group(0), flags=re.I).lower()
        one, many, lacks_one, lacks_many = f"shows {colours}", f"show {colours}", "does not", "do not"
    else:  # "is pleochroic", "are not"
        word = (m.group(0) if (m := re.search(OPTIC_QUALITY, text, re.I)) else "pleochroic").lower()
        one, many, lacks_one, lacks_many = f"is {word}", f"are {word}", "is not", "are not"
    having = [g.name for g, h in zip(gems, has, strict=True) if h]
    lacking = [g.name for g, h in zip(gems, has, strict=True) if not h]
    if not lacking:
        return f"{ {2: 'Both', 3: 'All three'}.get(len(gems), 'All of them') } {many}.", source
    if not having:
        return f"{'Neither' if len(gems) == 2 else 'None of them'} {one}.", source
    said = f"{join_words(having)} {one if len(having) == 1 else many}"
    return f"{said}; {join_words(lacking)} {lacks_one if len(lacking) == 1 else lacks_many}.", source


def scratched_by(text: str, gem: GemFacts) -> str:
    """'Ruby (Mohs 9) is harder than a steel knife (5.5): it scratches a steel knife, and a steel knife does not
    scratch it. …' for "would a knife scratch it?", "does it scratch glass?" or "which is harder, ruby or steel?"; ''
    when the question names no reference object (but the gem itself) or the gem has no hardness."""
    from gemlang.knowledge.scratch import REFERENCES

    lowered = text.lower()
    own = {gem.name.lower(), gem.species.lower()}  # "can a diamond be scratched?" names no tool
    said = [
        (len(w), r)
        for r in REFERENCES
        for w in r.words
        if compiled(rf"\b{re.escape(w)}\b").search(lowered) and not any(w in name for name in own)
    ]
    harder_asked = re.search(ORDERED[0][0], lowered) and COMPARATIVE.search(lowered)  # "is ruby harder than steel?"
    if not said or gem.hardness is None or not (SCRATCH_SAID.search(lowered) or harder_asked):
        return ""
    tool = max(said, key=lambda x: x[0])[1]
    low, high = gem.hardness
    mohs = f"{gem.name} (Mohs {gem.format('hardness')})"
    than = f"{tool.name} ({tool.hardness:g})"
    if low > tool.hardness:
        verdict = f"is harder than {than}: it scratches {tool.name}, and {tool.name} does not scratch it"
    elif high < tool.hardness:
        verdict = f"is softer than {than}: {tool.name} scratches it"
    else:
        verdict = f"is about as hard as {than}: either may scratch the other"
    return f"{mohs} {verdict}. Do not try it on a cut stone: a scratch test damages it, and proves little there."


LIQUID_NAMES = {
    "mi": "methylene iodide",
    "clerici": "undiluted Clerici solution",
    "salt water": "strongly salted water",
    "salted water": "strongly salted water",
    "brine": "strongly salted water",
}  # the others as they are


def floats_in(text: str, gems: Sequence[GemFacts]) -> str:
    """'Amber (SG 1.05–1.09) floats in strongly salted water (about 1.13).' for "does amber float in salt
    water?", each gem's in turn; '' when the question names no liquid or a gem has no SG."""
    from gemlang.readings import HEAVY_LIQUIDS

    lowered = text.lower()
    densities = {**HEAVY_LIQUIDS, "water": 1.0}
    named = [w for w in densities if compiled(rf"\b{w}\b").search(lowered)]
    if not named or not gems or any(g.specific_gravity is None for g in gems) or not FLOATS_ASKED.search(lowered):
        return ""
    liquid = max(named, key=len)  # "salt water", not "water"
    density = densities[liquid]
    name = LIQUID_NAMES.get(liquid, liquid)
    said = f"{name} ({'about ' if 'salt' in name else ''}{density:.2f})"
    verdicts = []
    for g in gems:
        low, high = g.specific_gravity
        verdict = (
            f"floats in {said}" if high < density
            else f"sinks in {said}" if low > density
            else f"is about as dense as {said}: a stone may float, hover or sink in it"
        )  # fmt: skip
        verdicts.append(f"{g.name} (SG {g.format('specific_gravity')}) {verdict}")
        said = "it" if len(gems) > 1 else said  # "…sinks in bromoform (2.89); Emerald (SG …) floats in it"
    reply = "; ".join(verdicts) + "."
    if liquid not in ("water", "salt water", "salted water", "brine"):
        reply += " Heavy liquids are toxic: use them with care, and never on porous stones such as turquoise or opal."
    return reply


# What "which is harder / has the higher RI?" compares: (words, field, the more's words, the less's, the quantity)
ORDERED = (
    (r"hard|soft|scratch", "hardness", "harder", "softer", "Mohs hardness"),
    (r"heav|light|dens|\bsgs?\b|specific gravity", "specific_gravity", "heavier", "lighter", "specific gravity"),
    (r"birefring|double refraction|doubling|\bdr\b", "birefringence", "higher in birefringence",
     "lower in birefringence", "birefringence"),
    (r"refractive|\bris?\b", "refractive_index", "higher in RI", "lower in RI", "refractive index"),
    (r"dispers|\bfire\b", "dispersion", "higher in dispersion", "lower in dispersion", "dispersion"),
)  # fmt: skip


def _range(gem: GemFacts, field: str) -> tuple[float, float] | None:
    """A gem's range of a constant; a singly refractive gem's birefringence is none (0), a tourmaline's as its
    composition varies it (0.014–0.040)."""
    ranged = field == "birefringence" and gem.birefringence is not None
    value = gem.birefringence_range if ranged else getattr(gem, field)
    if field == "birefringence" and value is None and gem.optical_character.lower() == "isotropic":
        value = 0.0
    return (value, value) if isinstance(value, float | int) else value


def kinds_ordered(gems: Sequence[GemFacts], field: str, more: str, less: str, fewer: bool) -> str:
    """', but only for some kinds: crown (soda-lime) glass (2.35–2.65) and … are lighter than Ruby (3.97–4.05);
    flint and dense flint (lead) glass, strass (3.40–4.50) overlaps it' for "is ruby heavier than glass?": of two
    gems whose ranges overlap, the kinds of the one made in several (glass, zircon, jade) that do not; '' when
    neither or both come in kinds, the kinds have no such constant, or every kind overlaps."""
    kinded = [g for g in gems if g.kinds]
    if len(kinded) != 1 or any(getattr(k, field, None) is None for k in kinded[0].kinds):
        return ""
    other = next(g for g in gems if not g.kinds)
    low, high = _range(other, field)
    side: dict[str, list[str]] = {less: [], more: [], "overlap": []}
    for kind in kinded[0].kinds:
        value = getattr(kind, field)
        where = less if value[1] < low else more if value[0] > high else "overlap"
        side[where].append(f"{kind.name} ({format_quantity(field, value)})")
    if not side[less] and not side[more]:
        return ""
    than = f"{other.name} ({format_quantity(field, (low, high))})"
    apart = [
        f"{join_words(side[w])} {'is' if len(side[w]) == 1 else 'are'} {w} than {than}"
        for w in ((less, more) if fewer else (more, less))
        if side[w]
    ]
    if not side["overlap"]:
        return f", though no one kind overlaps it: {'; '.join(apart)}"
    overlaps = f"{join_words(side['overlap'])} overlap{'s' if len(side['overlap']) == 1 else ''} it"
    return f", but only for some kinds: {'; '.join(apart)}; {overlaps}"


def ordered_answer(gems: Sequence[GemFacts], question: str) -> str:
    """'Topaz is harder than Quartz.' for "which is harder, topaz or quartz?", 'Ruby and Sapphire are harder than
    Emerald.' for "which is the hardest?" of three, 'Spinel is lower in RI than Garnet.' for "which has the lower
    RI?"; '' when the question compares no constant."""
    compared = next((c for c in ORDERED if re.search(c[0], question, re.I)), None)
    if compared is None or len(gems) < 2 or not COMPARATIVE.search(question):  # not "what are their SGs?"
        return ""
    _, field, more, less, quantity = compared
    ranges = [_range(g, field) for g in gems]
    if None in ranges:
        return ""
    fewer = bool(FEWER.search(question))
    leaders, rest = ahead_of_the_rest(ranges, lowest=fewer)
    none = "Neither" if len(gems) == 2 else "None"
    if len(set(ranges)) == 1:  # "is ruby or sapphire harder?": both Mohs 9, no ranges that overlap
        every = "both" if len(gems) == 2 else "all"
        value = format_quantity(field, ranges[0])
        same = (
            f"are Mohs {value}" if field == "hardness"
            else "have no birefringence" if ranges[0] == (0, 0)
            else f"have {quantity} {value}"
        )  # fmt: skip
        return f"{none} is {less if fewer else more}: {every} {same}."
    if not leaders:
        apart = [  # of three, "Quartz is harder than Opal" though Jade's range overlaps both
            f"{gems[i].name} is {less if fewer else more} than {gems[j].name}"
            for i, j in permutations(range(len(gems)), 2)
            if (ranges[i][1] < ranges[j][0] if fewer else ranges[i][0] > ranges[j][1])
        ]
        though = f", though {join_words(apart)}" if apart else ""
        by_kind = kinds_ordered(gems, field, more, less, fewer) if len(gems) == 2 else ""
        return f"{none} is reliably {less if fewer else more}: their {quantity} ranges overlap{though}{by_kind}."
    first, second = (join_words([gems[i].name for i in side], "and") for side in (leaders, rest))
    return f"{first} {'is' if len(leaders) == 1 else 'are'} {less if fewer else more} than {second}."


def yes_or_no_of_the_order(text: str, gems: Sequence[GemFacts], order: str) -> str:
    """'**No**: ' before 'Quartz is lighter than Topaz.' for "is topaz lighter than quartz?", '**Yes**: ' where the
    gem asked of leads; '' for a question asked no yes or no, or an order that puts neither first ("Neither is …")."""
    asked = MORE_THAN.match(text)
    if asked is None or order.startswith(("Neither", "None")):
        return ""
    said = {g.name for g in (*gems_named_in(asked["first"]), *compared_materials(f"or {asked['first']}"))}
    subject = gems[0] if IT_OR_THIS.match(asked["first"]) else next((g for g in gems if g.name in said), None)
    if subject is None:
        return ""
    return "**Yes**: " if order.startswith(f"{subject.name} ") else "**No**: "


def carat_size_compared(gems: Sequence[GemFacts]) -> str:
    """Which of two gems is the smaller at one carat weight, from their specific gravities ("is a 1 carat sapphire
    smaller than a 1 carat diamond?"): at one weight a stone's volume goes as 1/SG, so the denser is the smaller;
    '' unless two gems with a known SG are named."""
    two = list({g.name: g for g in gems if g.specific_gravity}.values())[:2]
    if len(two) < 2:
        return ""
    middle = {g.name: sum(g.specific_gravity) / 2 for g in two}
    sg = {g.name: format_quantity("specific_gravity", g.specific_gravity) for g in two}
    denser, lighter = sorted(two, key=lambda g: -middle[g.name])
    if ahead_of_the_rest([g.specific_gravity for g in two])[0] == []:  # overlapping SGs: no smaller one
        return (
            f"At the same carat weight {denser.name} and {lighter.name} are about the same size: their specific "
            f"gravities overlap ({denser.name} {sg[denser.name]}, {lighter.name} {sg[lighter.name]})."
        )
    less = round(100 * (1 - middle[lighter.name] / middle[denser.name]))
    return (
        f"At the same carat weight {denser.name} is the smaller: it is denser (SG {sg[denser.name]}) than "
        f"{lighter.name} (SG {sg[lighter.name]}), so a stone of it takes about {less}% less volume and, cut alike, "
        f"looks smaller."
    )


def carat_weight_answer(text: str, gem: GemFacts | None) -> tuple[str, list[str]]:
    """A weight worked out, with its sources: of a stone's measurements and cut ("what's the weight of a 7x5 oval
    sapphire?"), the size of a weight ("what size is a 1 carat diamond?"), a weight in the other unit ("how much does
    a 1 carat ruby weigh in grams?"), or how it is estimated ("how do I estimate carat weight from mm size?"); ('',
    []) for any other message."""
    weight = weight_in(text)
    carats = weight[0] if weight else None
    other_unit = SIZE_OF_A_WEIGHT.search(text) or GRAMS_SAID.search(text)  # "how many grams is 2 ct in total?"
    if TOTAL_SAID.search(text) and (carats or TOTAL_WEIGHT_ASKED.search(text)) and not other_unit:  # "1/2 ct tw"?
        return total_weight_said(carats, stones_counted(text) if EACH_SAID.search(text) else 1)
    if carats and POINTS_SAID.search(text):  # "is a 50 point diamond half a carat?", "how many points is 0.25 ct?"
        return points_said(carats, in_points(text), gem)
    if POINT_ASKED.search(text):  # "what is a point in diamond weight?"
        return points_said(None, False, gem)
    if carats and SIZE_OF_A_WEIGHT.search(text) and not measurements(text) and CARAT_UNIT_SAID.search(text):
        return round_size(carats, gem)
    if not WEIGHT_ASKED.search(text):
        return "", []
    if measurements(text):  # "how many carats is a 7 mm round diamond?": with the size chart's weight too
        chart, chart_sources = chart_weight(text, gem)
        lead, colon, formula = estimate(text, gem).partition("**: ")
        return f"{lead}{colon}{f'{chart} ' if chart else ''}{formula}", formula_sources() + chart_sources
    if carats == 1 and gem is None:  # "how much does a carat weigh?": the unit itself, which the carat entry explains
        return "", []
    if carats:  # "how much does a 1 carat ruby weigh in grams?", "how many carats is a gram?"
        grams = round(carats * 0.2, 4)
        if IN_CARATS_ASKED.search(text):
            return f"**{grams:g} g is {carats:g} ct**: a carat is 0.2 g, so a gram is five carats.", []
        weighs = f"A {carats:g} ct {lower_name(gem)} weighs" if gem else f"{carats:g} ct is"
        return f"**{weighs} {grams:g} g**: a carat is 0.2 g (200 mg), whatever the gem.", []
    if FROM_MEASUREMENTS.search(text):
        return formulas_said(gem), formula_sources()
    return "", []


ONE_COLOUR = 0.6  # a gem whose listed colours are mostly one colour name is known by it
PLACE_GEMS_SHOWN = 12
SIGN_WORD = {"+": "positive", "-": "negative"}
OPTIC_SHOWN = {  # what the polariscope shows of an optic character that names no double refraction
    "isotropic": " (singly refractive: it stays dark between crossed polars as it turns)",
    "aggregate": " (an aggregate: it stays light between crossed polars as it turns)",
}


def follow_up_colours(gem: GemFacts) -> str:
    """'Peridot comes in yellow-green, olive green or …'; '' for a gem whose colours are not listed."""
    colours = [lower_first(c) for c in gem.colours]
    return f"{gem.name} comes in {join_words(colours, 'or')}." if colours else ""


def _partly(listed: str, colour: str) -> bool:
    """Whether a listed colour is at least partly `colour` ("yellow-green" is partly green, "violet" purple)."""
    from gemlang.knowledge.colours import colour_names

    return bool(set(ASKED_AS.get(colour, (colour,))) & set(colour_names(listed)))


# "the most common colour of topaz?", "what colour is topaz usually?": how common each colour is, which the facts
# rank only where they say so ("nearly all blue topaz is …")
MOST_COMMON_COLOUR = re.compile(
    r"\b(?:most\s+(?:common|usual|frequent|popular|typical)|commonest|usual|typical)\s+colou?rs?\b|"
    r"\bcolou?rs?\b[^.?!]{0,30}\b(?:most\s+(?:common|often)|usually|typically|normally)\b",
    re.I,
)
# "is green a usual colour of ruby?", "blue isn't a common colour for topaz": whether that one colour is among the
# gem's, not which of them is the commonest
USUAL_COLOUR_ASKED = re.compile(
    r"\b(?:is|isn'?t)\s+(?P<asked>[a-z]+(?:-[a-z]+)?)\s+(?:not\s+)?|"
    r"\b(?P<said>[a-z]+(?:-[a-z]+)?)\s+(?:is\s+not|isn'?t|'s\s+not|is)\s+",
    re.I,
)
COMMON_SAID = re.compile(r"\b(?:most|common\w*|usual\w*|typical\w*|nearly all|predominant\w*)\b", re.I)


def _how_common_said(gem: GemFacts, colour: str = "") -> list[str]:
    """The sentences of a gem's description that say how common its colours (or `colour`) are."""
    return [
        x.rstrip(".;")
        for x in sentences(gem.description)
        if COMMON_SAID.search(x) and (names := colour_names(x, list_words=False)) and (not colour or colour in names)
    ]


def colours_answer(text: str, gem: GemFacts) -> str:
    """ "What colour is peridot?": the colours the gem's facts list; "can a ruby be green?": yes, or that they list
    no such colour (or only as a tinge of another: hiddenite's yellow-green), and the gems of its species that come
    in it ("Green corundum is Sapphire."); '' for a message that asks no colour, or a gem with no colours listed."""
    if not gem.colours:
        return ""
    usual = next(
        (
            said
            for m in USUAL_COLOUR_ASKED.finditer(text)
            if USUAL_COLOUR.match(text, m.end()) and main_colour(said := (m["asked"] or m["said"]).lower())
        ),
        "",
    )
    if MOST_COMMON_COLOUR.search(text) and not usual:  # "what's the most common colour of topaz?": only what the
        # facts say of it
        said = _how_common_said(gem)
        what = f" What they say: {'; '.join(said)}." if said else ""
        unranked = "my facts do not say which of its colours is the most common"
        return f"**{gem.name}**: {unranked}. {follow_up_colours(gem)}{what}"
    named = IN_A_COLOUR.search(text)
    said = usual or ((named["colour"] or named["last"] or named["there"]).lower() if named else "")
    # "is citrine heated amethyst?": a gem said to be treated is no colour asked, though lists name a purple for it
    part = next((g for g in ("colour", "last", "there") if named[g]), "") if named and not usual else ""
    before = text[: named.start(part)].split()[-1:] if part else []
    if before and TREATED_WORDS.search(before[0]) and gems_named_in(said):
        said = ""
    colour, tinge = hue_and_tinge(said)  # "is ruby blue-green?": a green tinged blue, asked as that blend
    if colour is None:
        return f"**{gem.name}**: {follow_up_colours(gem)}" if COLOUR_QUESTION.search(text) else ""
    called = said if tinge else colour
    listed = listed_in(gem, colour, tinge)  # "bluish-green" and "yellow-green" are green: an emerald is not blue
    hues = [h for h in (colour, tinge) if h]  # "is emerald always blue-green?": each listed colour in both
    if named and named["only"] and listed and not all(_partly(c, h) for c in gem.colours for h in hues):
        return f"**Not always**: {follow_up_colours(gem)}"  # "is sapphire always blue?"
    if listed:
        # "I meant the green one" asked nothing to say yes to: the gem in that colour is what it names
        opener = f"{called.capitalize()} {lower_name(gem)}" if THE_COLOUR_ONE.search(text) else "Yes"
        if usual:  # "blue isn't a common colour for topaz": what the facts say of how common it is
            what = "; ".join(_how_common_said(gem, colour))
            return f"**{called.capitalize()} is one of its colours**: {follow_up_colours(gem)}" + (
                f" What they say of it: {what}." if what else ""
            )
        return f"**{opener}**: {follow_up_colours(gem)}"
    group = gem.species.lower().endswith(" group")  # garnet: its kinds are each a garnet of their own species
    others = [
        g
        for g in all_gems()
        if g.origin == "natural" and (g.species == gem.species or group and kind_of(g, gem))
        and g.name not in (gem.name, g.species.capitalize())
        if listed_in(g, colour, tinge)  # "can garnets be white?": grossular's colourless too, as a white sapphire
    ]  # fmt: skip
    if group and others:  # "does garnet come in blue-green?": some kinds of it do
        return f"**Yes, some kinds do**: my facts list {_kinds_in(others, hues)}. {follow_up_colours(gem)}"
    kin = f" {called.capitalize()} {gem.species} is {join_words([g.name for g in others], 'or')}." if others else ""
    # "is hiddenite yellow?": its yellow-green is a green, but tinged yellow; "is sapphire blue-green?": blue, green
    tinged = [re.sub(r"\s*\(.*?\)", "", c) for c in gem.colours if any(_partly(c, h) for h in hues)]
    tinged = [lower_first(c) for c in tinged]  # "deep Siberian purple": a place keeps its capital
    if tinged:
        return f"**Not {called} as such, but {join_words(tinged)}**: {follow_up_colours(gem)}{kin}"
    return f"**My facts list no {called} {lower_name(gem)}**: {follow_up_colours(gem)}{kin}"


def _kinds_in(kinds: Sequence[GemFacts], hues: Sequence[str]) -> str:
    """ "Grossular in colourless (leuco garnet) and Hydrogrossular in white": each kind, in its colours of `hues`."""
    return join_words(
        [f"{g.name} in {join_words([lower_first(c) for c in g.colours if all(_partly(c, h) for h in hues)])}"
         for g in kinds]
    )  # fmt: skip


def group_colours_answer(text: str) -> str:
    """ "Can feldspar be white?", "what colours does feldspar come in?": a group of minerals no entry of its own
    describes, answered from the colours of its gems (moonstone, labradorite, …); '' for a message naming no such
    group or asking no colour."""
    named = IN_A_COLOUR.search(text)
    if not (named or COLOUR_QUESTION.search(text)):
        return ""
    word, kinds = group_named_in(text)  # not "can garnet be white?", which garnet's own entry answers
    kinds = [g for g in kinds if g.colours]
    if not kinds:
        return ""
    group = f"{word.capitalize()} is a group of minerals"
    colour, tinge = (
        hue_and_tinge((named["colour"] or named["last"] or named["there"]).lower()) if named else (None, None)
    )
    if colour is None:
        listed = "; ".join(f"{g.name} ({', '.join(lower_first(c) for c in g.colours)})" for g in kinds)
        return f"**{word.capitalize()}**: {group}; my facts list its gems in these colours: {listed}."
    gems = f"{group}; its gems in my facts: {join_words([g.name for g in kinds])}."
    hues = [h for h in (colour, tinge) if h]
    called = " ".join(h for h in (tinge, colour) if h)
    if others := [g for g in kinds if listed_in(g, colour, tinge)]:
        return f"**Yes, some kinds do**: my facts list {_kinds_in(others, hues)}. {gems}"
    return f"**My facts list no {called} {word}**: {gems}"


def in_the_colour(text: str, gem: GemFacts) -> str:
    """ "the green one" of a gem talked about, asked again: of the one natural gem of its species named for that
    colour ("tell me about Sapphire Pink"), else whether the gem comes in it ("can sapphire be green?"); the
    message as it is when it names no colour one."""
    said = THE_COLOUR_ONE.search(text)
    colour = main_colour(said["colour"]) if said else None
    if colour is None:
        return text
    named_for_it = [
        g for g in all_gems()
        if g.origin == "natural" and g.species == gem.species and g.name != gem.name and colour_of(g) == colour
    ]  # fmt: skip
    if len(named_for_it) == 1:
        return f"tell me about {named_for_it[0].name}"
    return f"{said.group(0)}: can {gem.name.lower()} be {colour}?"


def the_one_in_colour(text: str, gems: Sequence[GemFacts]) -> GemFacts | None:
    """Which of the gems talked about "the green one" means: the only one whose facts list that colour; None when
    the message names no colour one, or none or several of them come in it."""
    said = THE_COLOUR_ONE.search(text)
    colour = main_colour(said["colour"]) if said else None
    coming_in_it = [g for g in gems if colour is not None and colour in map(main_colour, g.colours)]
    return coming_in_it[0] if len(coming_in_it) == 1 else None


def found_in_nature(text: str, gem: GemFacts, notes: list[str]) -> str:
    """ "is cobalt spinel natural?": yes, for a gem named by a word of a colour its facts list ("Blue (cobalt)"), with
    what its facts and its lab-grown stones' facts say of that colour, their pages added to `notes`; '' for any other
    question, or one of a colour's treatment ("is blue topaz natural?")."""
    asked = IN_NATURE_ASKED.search(text)
    if not asked or TREATMENT_QUESTION.search(text):
        return ""
    names = "|".join(re.escape(n) for n in (gem.name, *gem.aliases))
    words = re.sub(rf"\b(?:{names})(?:e?s)?\b", " ", asked["named"] or asked["exists"] or asked["there"], flags=re.I)
    if len(words.split()) != 1:  # one word besides the gem's name: "cobalt"
        return ""
    word = re.escape(words.strip())
    colour = next((c for c in gem.colours if re.search(rf"\b{word}\b", c, re.I)), None)
    if colour is None:
        return ""
    twins = lab_grown_twins(gem)
    own = ("formation", "history")  # where it is found, of the gem; anything naming the word, of its lab-grown stones
    quoted = {
        text: cited
        for field in (*own, *ASKED_SOURCED_FIELDS)
        for text, cited in cited_facts(field).items()
        if cited[0] in [t.name for t in twins] or (field in own and cited[0] == gem.name)
    }
    said = [text for text in quoted if re.search(rf"\b{word}", text, re.I)]
    notes += [f"source ({get_facts(quoted[s][0]).name}): {quoted[s][1]}" for s in said]
    made = f" Lab-grown {lower_name(gem)} is made too: {join_words([t.name for t in twins], 'and')}." if twins else ""
    return f"**Yes**: {lower_first(colour)} is one of the colours of natural {lower_name(gem)}.{made}" + "".join(
        f" {s}." for s in said
    )


# The names of the phenomena a stone shows: what a sentence about one of them says, rather than its glow or sheen
PHENOMENON_NAMED = (
    r"asteris|\bstar|cat'?s[- ]eye|chatoyan|colou?r[- ]chang|play of colou?r|adularescen|labradorescen|iridescen|"
    r"schiller"
)
# What the eye sees in a stone, asked about ("what are the gold specks?", "does it change colour?"): the words
# asked -> (what the gem's facts call it, the phenomenon's name when a stone either shows it or not; not doubling,
# fire or a filter's reaction, a matter of degree).
SEEN_IN_THE_STONE = {
    r"specks?|flecks?|spots?|gold\b|glitter\w*|sparkl\w*|spangle\w*": (
        r"speck|fleck|pyrite|aventurescen|glitter|spangl",
        "",
    ),
    r"needles?|hairs?|threads?": (r"needle|fibre|fiber|silk", ""),
    # "can ruby have a cat's eye?": the eye itself, which a sheen from silk is not (ruby's silk gives a star)
    r"line of light|cat'?s[- ]?eye|bands? of light|chatoyan\w*": (
        r"cat'?s[- ]eye|chatoyan|band of light|bands of light",
        "cat's eye (chatoyancy)",
    ),
    r"(?<!cat's )(?<!cats )(?<!cat's-)(?<!cats-)(?<!cats)\beye\b(?![- ]clean)|stripes?|silky|shine|sheen|shimmer\w*": (
        r"cat'?s[- ]eye|chatoyan|band of light|bands of light|sheen",
        "cat's-eye or sheen",
    ),
    r"changes? colou?r|colou?r[- ]chang\w*|different colou?r (?:in|under)|"
    r"under (?:a |the )?(?:lamp|incandescent|candle)": (
        r"colou?r[- ]chang|chang\w* colou?r",
        "colour change",
    ),
    r"\bfire\b|rainbow|dispersion": (r"\bfire\b|dispersion", ""),
    r"\bglow\b|moonlight|adularescen\w*|billow\w*": (r"adularescen|glow", "adularescence"),
    r"flash(?:es)?|play of colou?r|labradorescen\w*|iridescen\w*|schiller": (
        r"labradorescen|play of colou?r|flash|iridescen|schiller",
        "play of colour or flash",
    ),
    r"\bstar\b|asterism": (r"\bstar|asterism", "star"),
    r"doubling|double refraction|doubled": (r"doubl|birefringen", ""),
    CHELSEA_WORDS: (r"chelsea", ""),
    # "what phenomena does sapphire show?": the sentences that name one by its name (a star, not ruby's red glow)
    r"\bphenomen\w*|\boptical effects?\b": (PHENOMENON_NAMED, "optical phenomena"),
}


def phenomena_asked(text: str) -> list[str]:
    """The phenomena a stone shows or not that a message names ("does it have a cat's eye?": cat's eye)."""
    return [shown for words, (_, shown) in SEEN_IN_THE_STONE.items() if shown and compiled(words, re.I).search(text)]


def words_naming(text: str, gem: GemFacts) -> list[str]:
    """The sentences of the gem's phenomena, diagnostic features, description and history that name what a message
    names of seeing in a stone (`SEEN_IN_THE_STONE`), else those of its kinds' phenomena (star sapphire's star),
    else another gem's words naming the two side by side; three at most, none when nothing names it."""
    said = [
        *sentences(gem.phenomena),
        *gem.diagnostic_features,
        *sentences(gem.description),
        *sentences(gem.history),
    ]
    asked = [seen for words, seen in SEEN_IN_THE_STONE.items() if re.search(words, text, re.I)]
    found = [x for named, _ in asked for x in said if re.search(named, x, re.I)]
    if not found and asked:  # "what causes asterism in sapphire?": what its kinds' facts say (star sapphire's)
        kinds = kinds_of(gem)
        found = [x for named, _ in asked for k in kinds for x in sentences(k.phenomena) if re.search(named, x, re.I)]
    if not found and asked:  # "can alexandrite have a cat's eye?": another gem's facts naming the two side by side
        name = re.escape(gem.name.lower())
        together = [rf"(?:{n})\S*\s+(?:\w+\s+)?{name}\b|\b{name}\w*\s+(?:\w+\s+)?(?:{n})" for n, _ in asked]
        found = [
            x
            for other in all_gems()
            for x in (*sentences(other.phenomena), *other.diagnostic_features, *sentences(other.description))
            if any(re.search(t, x, re.I) for t in together)
        ]
    return list(dict.fromkeys(f.rstrip(".") for f in found))[:3]


def what_it_shows(text: str, gem: GemFacts, of_each: bool = False) -> str:
    """The gem's own words for what the person asks about seeing in it: the sentences of its phenomena, diagnostic
    features, description and history that name it ("Its colour change, 'emerald by day, ...'"). A yes/no question
    about a phenomenon its facts never name ("does it change colour?" of a peridot), or one asked `of_each` gem
    named ("which changes colour, alexandrite or ruby?"), is told so; '' otherwise."""
    if not ASKS_WHAT_IT_SHOWS.search(text):
        return ""
    # "tell me about fire opal": the gem's own name, no fire asked of it; but "tell me about tiger's eye" asks of
    # the eye its name is for
    named_for = [n for n in (gem.name, *gem.aliases) if not phenomena_asked(n)]
    if TELL_ABOUT.search(text) and named_for:
        names = "|".join(re.escape(n) for n in named_for)
        text = re.sub(rf"\b(?:{names})\b", " ", text, flags=re.I)
    asked = [seen for words, seen in SEEN_IN_THE_STONE.items() if re.search(words, text, re.I)]
    found = words_naming(text, gem)
    if TELL_ABOUT.search(text):  # "tell me about tiger's eye": its card follows, so not its description's words again
        carded = {x.rstrip(".") for x in sentences(gem.description)}
        found = [x for x in found if x not in carded] or found
    if found:
        return f"**{gem.name}**: " + "; ".join(f[0].upper() + f[1:] if i == 0 else f for i, f in enumerate(found)) + "."
    missing = [(named, phenomenon) for named, phenomenon in asked if phenomenon]
    if not missing or not (of_each or YES_NO_QUESTION.search(text)):
        return ""
    # "does garnet change colour?": not garnet as such, but one kind of it does
    kinds = [k.name for k in kinds_of(gem) if facts_name(k, [named for named, _ in missing])][:2]
    if kinds:
        return f"**{gem.name}**: not as a rule, but {' and '.join(kinds)} {'do' if len(kinds) > 1 else 'does'}."
    shows = " or ".join(phenomenon for _, phenomenon in missing)
    # "does opal change colour?": its play of colour is what it shows; "is there a cat's eye ruby?": its star, not
    # the red glow its phenomena name first
    said = sentences(gem.phenomena)
    shown = [x for x in said if re.search(PHENOMENON_NAMED, x, re.I)][:1] or said[:1]
    return (  # facts name a gem's usual phenomena, not every rarity: no proof that it never shows one
        f"**{gem.name}**: not that I know of: my facts for {lower_name(gem)} name no {shows}, though rare stones "
        "of many gems show what their usual facts leave out."
        + (f" What they name: {shown[0].rstrip('.')}." if shown else "")
    )


def phenomena_cited(reply: str) -> list[str]:
    """Notes of the sources of the sourced phenomena a reply quotes ("Star spinel is extremely rare, …": the page
    that says so), each once."""
    said = reply.lower()
    quoted = [(name, c) for text, (name, c) in cited_facts("phenomena").items() if text.lower() in said]
    return list(dict.fromkeys(f"source ({get_facts(name).name}): {c}" for name, c in quoted))


def facts_name(gem: GemFacts, named: Sequence[str]) -> bool:
    """Whether the gem's name, phenomena or diagnostic features name any of the patterns `named`."""
    said = " ".join((gem.name, gem.phenomena, *gem.diagnostic_features))
    return any(re.search(n, said, re.I) for n in named)


# a treatment the knowledge base says most stones of a gem have ("Heat treatment (universal, removes brown)")
AS_A_RULE = re.compile(r"\b(?:universal|most|almost all|nearly all|virtually all|common)\b", re.I)


def as_a_rule(text: str, gem: GemFacts) -> str:
    """What the gem's own facts say of how much of it is treated ("My facts on onyx black: … most 'black onyx' is
    grey agate dyed black …"), for a question asking it in general ("is onyx always dyed?"): the clauses of its
    description and features that say most or nearly all of it is so, of the treatment asked ("heated" finds
    "heating"), else of any; '' when none does or it is not asked in general."""
    if not GENERALLY.search(text):
        return ""
    stems = {re.sub(r"(?:ed|ing|s)$", "", m.group(0).lower()) for m in TREATMENT_QUESTION.finditer(text)}
    stems -= {"treat", "treatment", "untreat", "unheat"}  # "is it always treated?": any treatment

    def of_it(clause: str) -> bool:
        return (
            any(re.search(rf"\b{re.escape(s)}", clause, re.I) for s in stems)
            if stems
            else bool(TREATED_WORDS.search(clause))
        )

    clauses = [
        c.strip() for x in sentences(gem.description or "") + list(gem.diagnostic_features) for c in x.split(";")
    ]
    said = [lower_first(c).rstrip(".") for c in clauses if "{" not in c and AS_A_RULE.search(c) and of_it(c)]
    return f"My facts on {lower_name(gem)}: {'; '.join(said[:2])}." if said else ""


def usually_treated(gem: GemFacts | None) -> str:
    """' Natural or not, most of it on the market is treated: heat treatment (universal, removes brown).' or ''."""
    usual = [t for t in (gem.treatments if gem else ()) if AS_A_RULE.search(t) and not re.match(r"(?i)none|not ", t)]
    return (
        f" Natural or not, most of it on the market is treated: {'; '.join(lower_first(t) for t in usual)}."
        if usual
        else ""
    )


def signs_known(gem: GemFacts) -> tuple[TreatmentSigns, ...]:
    """The treatment signs recorded for a gem: its own, else those of the gem it is a kind of (a ruby's are
    corundum's), else those of its kinds (jade's are jadeite's); an assembled stone's are those the gem it
    imitates records for stones assembled as it is (an opal doublet's, opal's doublets and triplets)."""
    if gem.treatment_signs:
        return gem.treatment_signs
    if gem.origin == "composite":
        imitated = facts_of(gem.imitates) if gem.imitates else None
        signs = signs_known(imitated) if imitated is not None else ()
        return tuple(s for s in signs if any(re.search(p, gem.name, re.I) for p in s.said_as))
    others = all_gems()
    for related in ([g for g in others if kind_of(gem, g)], [g for g in others if kind_of(g, gem)]):
        signs = tuple(s for g in related for s in g.treatment_signs)
        if signs:
            return signs
    return ()


def treatments_named(text: str, gem: GemFacts) -> tuple[TreatmentSigns, ...]:
    """The recorded treatments of `gem` (`signs_known`) a message names ("is it heated?": heating)."""
    return tuple(s for s in signs_known(gem) if any(compiled(p, re.I).search(text) for p in s.said_as))


# what is said of a treatment that usually cannot be detected (its facts say it is common, and why)
UNDETECTABLE = "common and usually cannot be detected, not even by a gem laboratory, so it is assumed"


def assumed(text: str, gem: GemFacts) -> tuple[TreatmentSigns, ...]:
    """The recorded treatments of `gem` that usually cannot be detected, even by a laboratory, a treatment question
    is answered with: those it names ("is it heated?" of an aquamarine), or, when it names none ("is it
    treated?"), all of them; none when it names a treatment without recorded signs ("is it dyed?")."""
    named = treatments_named(text, gem)
    if not named and not ANY_TREATMENT.search(text):
        return ()
    return tuple(s for s in (named or signs_known(gem)) if s.undetectable)


def undetectable_said(gem: GemFacts, signs: TreatmentSigns) -> str:
    """'In aquamarine, heating is common and usually cannot be detected, not even by a gem laboratory, so it is
    assumed: …; ….' (its facts say that it is common, and why it cannot be detected)."""
    return f"In {lower_name(gem)}, {signs.treatment} is {UNDETECTABLE}: {why_undetectable(signs)}."


def why_undetectable(signs: TreatmentSigns) -> str:
    """A treatment's `undetectable` facts, one clause after another."""
    return "; ".join(lower_first(x) for x in signs.undetectable)


def detection_answer(text: str, gem: GemFacts) -> tuple[str, str] | None:
    """How the treatment a question names is detected in `gem` ("how do I detect lead-glass filled ruby?"): the
    bench signs, then what needs a laboratory, and the note of their sources; for a treatment that usually cannot
    be detected, that first. None when the question asks no such thing, or no treatment of the gem's recorded
    signs is the one it names."""
    if not DETECTION_QUESTION.search(text) or not TREATED_WORDS.search(text):
        return None
    known = signs_known(gem)
    named = treatments_named(text, gem)
    general = TREATMENT_WORD.search(text) and not named  # "how is treated jade detected?"
    chosen = named[:1] or (known[:2] if general else ())
    if not chosen:
        return None
    said = " ".join(detection_text(gem, s) for s in chosen)
    return said, sources_note(chosen)


def sources_note(chosen: Sequence[TreatmentSigns]) -> str:
    """'sources (heat treatment): …; sources (…): …' for the treatments an answer speaks of."""
    return "; ".join(f"sources ({s.treatment}): {s.citation}" for s in chosen)


def looked_for(text: str, gem: GemFacts, of_the_stone: bool = True) -> tuple[str, str] | None:
    """What follows the aside `side_answer` gives a treatment question, and the note of the sources of both: of the
    stone in hand ("is it heated?"), what a gemmologist looks for, the signs of the treatment named only (of one
    that usually cannot be detected, the signs that still help, if any: the aside says it is assumed); of the gem in
    general ("is aquamarine heated?"), nothing but the note. None when the aside uses no recorded signs."""
    if not TREATED_WORDS.search(text):
        return None
    named = treatments_named(text, gem)[:1] if of_the_stone else ()
    shown = [(s, said) for s in named if (said := detection_text(gem, s, told=True))]
    chosen = list(dict.fromkeys((*assumed(text, gem), *(s for s, _ in shown))))
    if not chosen:
        return None
    return (f"What a gemmologist looks for: {shown[0][1]}" if shown else ""), sources_note(chosen)


def detection_text(gem: GemFacts, signs: TreatmentSigns, told: bool = False) -> str:
    """'**Ruby, lead-glass filling**: at the bench: …; …. A laboratory …' for one treatment's signs; for a treatment
    that usually cannot be detected, '**Aquamarine, heating**: common and usually cannot be detected, …' first,
    unless `told` already (then '' when no sign still helps)."""
    parts = []
    if signs.undetectable and not told:
        parts.append(f"{UNDETECTABLE}: {why_undetectable(signs)}.")
    if signs.bench:
        bench = "; ".join(lower_first(x) for x in signs.bench)
        parts.append(f"{'At' if parts else 'at'} the bench: {bench}.")
    parts += [x + "." for x in signs.laboratory]
    return f"**{gem.name}, {signs.treatment}**: " + " ".join(parts) if parts else ""


def facts_saying(gem: GemFacts, said_of: str, features: bool = False) -> str:
    """The sentences of a gem's facts (with `features`, its diagnostic features too) that the pattern `said_of`
    matches, joined; '' when none does."""
    said = [
        x.rstrip(".")
        for x in (*sentences(gem.composition), *sentences(gem.description), *sentences(gem.phenomena),
                  *sentences(gem.history), *sentences(gem.uses), *(gem.diagnostic_features if features else ()))
        if re.search(said_of, x, re.I)
    ]  # fmt: skip
    return (
        "; ".join(x[0].upper() + x[1:] if i == 0 else x for i, x in enumerate(dict.fromkeys(said))) + "."
        if said
        else ""
    )


TYPE_LOCALITY_SAID = r"\btype[- ]locality\b"


def type_locality(gem: GemFacts, notes: list[str]) -> str:
    """ "**Benitoite**: its type locality is …" for "what is the type locality of benitoite?", from the sentences of
    its facts or the locality note that name it (their sources added to `notes`); where none does, that its facts do
    not name one, with where they say it was discovered, or found."""
    said = [
        (x.rstrip("."), gem.citations.get(fact))
        for fact in ("history", "formation")
        for x in sentences(getattr(gem, fact))
        if re.search(TYPE_LOCALITY_SAID, x, re.I)
    ]
    noted = [
        m for place in gem.localities if (m := re.match(rf"([^(]+)\(([^)]*?)[:;,]\s*{TYPE_LOCALITY_SAID}\)", place))
    ]
    if said:
        notes += [f"source ({gem.name}): {cited}" for _, cited in said if cited]
        return f"**{gem.name}**: " + "; ".join(dict.fromkeys(x for x, _ in said)) + "."
    if noted:
        return f"**{gem.name}**: its type locality, as its localities note it, is {noted[0][2]}, {noted[0][1].strip()}."
    found = facts_saying(gem, r"\b(?:discovered|first (?:found|described|mined))\b")
    where = (
        f" They say: {found}" if found else f" It is found in {', '.join(gem.localities)}." if gem.localities else ""
    )
    return f"**{gem.name}**: my facts do not name its type locality.{where}"


# "is quartz piezoelectric?", "does tourmaline show pyroelectricity?": an effect some crystals show under pressure,
# heat or friction, which the facts of a few gems name
CRYSTAL_EFFECT_ASKED = re.compile(
    r"\b(?P<effect>(?:piezo|pyro)electric|(?:tribo|thermo)luminescen)(?:t|ce|ity)?\b(?!\s+(?:gauge|effect\s+of))", re.I
)


def crystal_effect(text: str, gem: GemFacts, notes: list[str]) -> str:
    """ "**Quartz**, yes: Quartz is piezoelectric: …" for "is quartz piezoelectric?", from the sentences of its facts
    that name the effect (their sources added to `notes`); where none does, that its facts do not say; '' when no
    such effect is asked."""
    asked = CRYSTAL_EFFECT_ASKED.search(text)
    if asked is None:
        return ""
    from gemlang.knowledge import find_gem

    effect = rf"\b{asked['effect'].lower()}"
    species = find_gem(re.sub(r"\s*\(.*\)$", "", gem.species))  # amethyst: what its facts on quartz say
    said_of = next((g for g in (gem, species) if g is not None and facts_saying(g, effect)), None)
    if said_of is None:
        called = asked["effect"].lower() + ("t" if asked["effect"].lower().endswith("n") else "")
        return f"**{gem.name}**: my facts do not say whether it is {called}."
    notes += [f"source ({said_of.name}): {cited}" for fact in FACT_FIELDS_SAID if (cited := said_of.citations.get(fact))
              and re.search(effect, getattr(said_of, fact), re.I)]  # fmt: skip
    of_species = f" on {said_of.name.lower()}, its species," if said_of is not gem else ""
    return f"**{gem.name}**, yes, as my facts{of_species} say: {facts_saying(said_of, effect)}"


RARE_SAID = r"\brar(?:e|er|est|ity)\b|\bscarce\b"


def rarity_said(gem: GemFacts, colours: Sequence[str] = ()) -> str:
    """The sentences of a gem's facts that say how rare it, or a kind of it, is; of `colours` ("are blue diamonds
    rare?"), only those that name one of them, not the rarity of another colour; '' when none does."""
    named = rf"(?=.*\b(?:{'|'.join(map(re.escape, colours))})\b)" if colours else ""
    return facts_saying(gem, rf"^{named}.*?(?:{RARE_SAID})")


def colours_asked_of(text: str, gem: GemFacts) -> list[str]:
    """The colours a question names of `gem` ("are blue diamonds rare?": blue), but not one its name says (pink
    sapphire's pink)."""
    own = " ".join((gem.name, *gem.aliases)).lower()
    return [c for c in dict.fromkeys(re.findall(rf"\b(?:{COLOUR_WORD})\b", text.lower())) if c not in own]


def unranked_compared(text: str, gems: Sequence[GemFacts], among: bool = False) -> str:
    """ "Which is rarer, ruby or emerald?", "which is cheaper, ruby or spinel?": what no range of the facts ranks.
    A sentence of one gem's facts that ranks it against the other ("Hiddenite is much rarer than kunzite") answers;
    else that the facts do not rank them, what they do say of each, and what can be compared; '' for a message that
    asks neither."""
    names = join_words([g.name for g in gems], "or")
    if PRICE_COMPARED.search(text):
        return f"**{names}?** I do not price stones, nor rank gems by price: {WHAT_VALUE_RESTS_ON}."
    if not (RARITY_COMPARED.search(text) or among and RAREST_AMONG.search(text)):  # `among`: the gems a stone may be
        return ""
    said = {g.name: rarity_said(g) for g in gems}
    told = [  # "pink sapphire was thought exceptionally rare …" names its gem itself
        f"{x[0].lower()}{x[1:]}"
        if re.match(rf"(?:\w+ ){{0,2}}{re.escape(lower_name(g))}", x, re.I)
        else f"{g.name}: {x[0].lower()}{x[1:]}"
        for g in gems
        if (x := said[g.name])
    ]
    ranked = [  # "Natural citrine is rare …; most on the market is amethyst …" names the other gem
        f"Of {lower_name(g)}, my facts say: {said[g.name][0].lower()}{said[g.name][1:]}"
        for g in gems
        if ({o.name for o in gems} - {g.name}) & {n.name for n in gems_named_in(said[g.name])}
    ]
    if ranked:
        return f"**{names}?** {' '.join(ranked)}"
    silent = [lower_name(g) for g in gems if not said[g.name]]
    reply = f"**{names}?** My facts do not rank {join_words([lower_name(g) for g in gems], 'and')} by rarity"
    if told:
        told[1:] = [f"{x[0].upper()}{x[1:]}" for x in told[1:]]  # each after the first begins a sentence
        reply += f". What they say of {'it' if len(told) == 1 else 'them'}: {' '.join(told)}"
        reply += f" Of {join_words(silent, 'and')}, nothing." if silent else ""
    else:
        reply += f", and say nothing of how rare {'either' if len(gems) == 2 else 'any of them'} is."
    return (
        f"{reply} What I can compare is in their facts: hardness, toughness, refractive index and specific gravity "
        '("which is harder?"), how each wears in a ring, and how to tell them apart.'
    )


def which_of_two_answer(text: str, gems: Sequence[GemFacts]) -> tuple[str, list[str]]:
    """ "Which sparkles more, diamond or moissanite?": brilliance and fire, ranked by RI and dispersion; "ruby or
    spinel, which is better?": a matter of taste, with what differs; any other quality: that the facts do not rank
    it. With the glossary terms whose sources back the answer; ('', []) for a message that is no such choice of two."""
    asked = WHICH_OF_TWO.match(text or "")
    than = MORE_THAN.match(text or "") if not asked else None  # of sparkle or taste only: "is X older than Y?" is not
    said = asked["asked"] or asked["asked_after"] if asked else than["asked"] if than else ""
    if not said or len(gems) != 2 or NATURAL_QUESTION.search(text):  # "which is natural?": the card's answer
        return "", []
    if than and not (SPARKLE_ASKED.search(said) or TASTE_ASKED.search(said)):
        return "", []
    lead = f"**{gems[0].name} or {gems[1].name}?**"
    if SPARKLE_ASKED.search(said):
        quantities = [("RI", "refractive_index", "higher RI"), ("dispersion", "dispersion", "higher dispersion")]
        known = [(label, field) for label, field, _ in quantities if all(getattr(g, field) for g in gems)]
        ranked = " ".join(o for *_, q in quantities if (o := ordered_answer(gems, f"which has the {q}")))
        values = "; ".join(constants_said(g, known) for g in gems) + "." if known else ""
        return (
            f"{lead} {ranked} {values} The higher a gem's RI, the greater its brilliance (the white light it returns), "
            "and the higher its dispersion, the greater its fire (the flashes of colour); how much of either a stone "
            "shows also depends on its cut and polish."
        ).replace("  ", " "), ["brilliance", "dispersion"]
    differs = " ".join(x for x in [*map(follow_up_colours, gems), ordered_answer(gems, "which is harder")] if x)
    differs = f" What differs: {differs}" if differs else ""
    if TASTE_ASKED.search(said):
        return f"{lead} That is a matter of taste, which no fact settles.{differs}", []
    if LIGHT_QUESTION.search(said) or HEAT_QUESTION.search(said):  # "which fades?": the care notes may say
        return "", []
    return f"{lead} My facts do not say which {said}.{differs}", []


def twinning_said(gem: GemFacts) -> str:
    """What a gem's facts say of its twinning, else what they say of its kinds' ("does quartz twin?": amethyst's
    Brazil-law twinning), else that they say nothing of it."""
    if own := facts_saying(gem, r"\btwin", features=True):
        return own
    kinds = [
        f"{k.name}: {said[0].lower()}{said[1:].rstrip('.')}"
        for k in kinds_of(gem)
        if (said := facts_saying(k, r"\btwin", features=True))
    ]
    none = f"My facts on {gem.name} say nothing of twinning"
    return f"{none} in it; of its kinds, {'; '.join(kinds)}." if kinds else f"{none}."


def without_own_name(text: str, gem: GemFacts) -> str:
    """`text` without those of the gem's own name and aliases that hold a treatment word: in "is it dyed howlite?"
    the word is part of what is asked for, not a question of how the stone was treated."""
    for name in sorted((gem.name, *gem.aliases), key=len, reverse=True):
        if TREATMENT_QUESTION.search(name):  # not "blue topaz" of "is blue topaz natural?"
            text = re.sub(rf"\b{re.escape(name)}\b", " ", text, flags=re.I)
    return text


def without_its_names(text: str, gem: GemFacts) -> str:
    """`text` without the gem's name and aliases: "is star diopside magnetic?" asks of no star."""
    return re.sub(rf"\b(?:{'|'.join(map(re.escape, (gem.name, *gem.aliases)))})\b", " ", text, flags=re.I)


def treated_by_name(text: str, gem: GemFacts) -> str:
    """The name of a gem that says its treatment, when a question asks that treatment of it, or any ("dyed howlite"
    of "is my howlite dyed?" or "is it treated?", asked of Dyed Howlite); '' for any other."""
    for name in (gem.name, *gem.aliases):
        if (word := TREATMENT_QUESTION.search(name)) and re.search(rf"\b{word.group(0)}\b", text, re.I):
            return name.split(" (")[0].lower()
        if word and ANY_TREATMENT.search(text):
            return name.split(" (")[0].lower()
    return ""


def untreated_as_far_as_known(gem: GemFacts) -> bool:
    """Whether a gem's sources list no treatment of it ("none known" is none)."""
    return all(re.match(r"(?i)none\b|not ", t) for t in gem.treatments)


def lab_grown_treatments(gem: GemFacts, twins: Sequence[GemFacts]) -> str:
    """ "Is my lab-grown ruby heated?": what the facts of the lab-grown stones sold as `gem` say of their treatments,
    never the natural gem's, whose heating is a mined stone's."""
    untreated = [t.name for t in twins if untreated_as_far_as_known(t)]
    if len(untreated) == len(twins):  # the ways it is grown are named after this when there are several
        kind = twins[0].name if len(twins) == 1 else f"lab-grown {lower_name(gem)}"
        return (
            f"My sources list no treatment of {kind}, which does not mean it is never treated; the treatments "
            f"they give for {lower_name(gem)} are those of the natural gem."
        )
    said = [treatment_sentence(t, n=len(t.treatments), named=True) for t in twins if t.name not in untreated]
    none = f" My sources list none for {join_words(untreated)}." if untreated else ""
    return " ".join(said) + none


def irradiation_said(gem: GemFacts) -> str:
    """ "Is blue topaz radioactive?": whether the gem's sources list irradiation among its treatments, before the
    glossary says what irradiation leaves in a stone."""
    irradiated = [lower_first(t) for t in gem.treatments if re.search(r"irradiat", t, re.I)]
    if not irradiated:
        return f"My sources list no irradiation of {lower_name(gem)}, which does not mean it is never irradiated."
    return f"Its treatments include {join_words(irradiated, 'and')}."


WHAT_VALUE_RESTS_ON = (
    "value rests on colour, clarity, cut, carat weight, treatment and origin, which need the stone in hand and often "
    "a laboratory report"
)

PRICE_REFUSED = f"I do not price stones: {WHAT_VALUE_RESTS_ON}; an independent appraiser can value it."


def side_answer(
    text: str, gem: GemFacts, signs: Sequence[str] = (), general: bool = False,
    told: tuple[Sequence[str], Sequence[str]] | None = None, photo: bool = True, notes: list[str] | None = None,
) -> str:  # fmt: skip
    """What the question asks besides the gem's name: treatment ("is it heated?"), origin ("where is it from?")
    or value, which a photo and instrument readings cannot settle; said plainly, with the treatments in use
    or the main sources of the gem, and no price. `signs`: what the treatment signs the person saw mean.
    `general`: the question is about `gem` in general ("is tanzanite usually treated?"), not the stone in hand.
    `told`: the places the person said the stone came from ("it's from Colombia"), as named and as countries.
    A treatment that usually cannot be detected, even by a laboratory ("is it heated?" of an aquamarine), is said
    to be assumed, with why, in place of a laboratory deciding; `looked_for` gives what follows and the note.
    `photo`: a photo of the stone was sent (`beyond_the_evidence`).
    `notes`: where the sources of an answer are noted (the trade names of "what is it called in the trade?")."""
    asked = "?" in text or ASKS_ABOUT.match(text)
    asked = asked or QUESTION_RUN_ON.search(text) or WORD_OF_ANOTHER.search(text)  # "the seller says it's unheated"
    if not general and (claimed := sellers_claims(text)):  # "unheated" in a seller's offer is no question
        return claimed
    if asked and TREATMENT_QUESTION.search(without_own_name(text, gem)):
        # "none known" is no treatment: not "a laboratory decides" above "Treatments: none known"
        untreated = untreated_as_far_as_known(gem)
        known = (
            f"My sources list no treatment of {gem.name}, which does not mean it is never treated."
            if untreated
            else treatment_sentence(gem, n=len(gem.treatments), named=general)
        )
        # a treatment that usually cannot be detected, even by a laboratory, is said to be assumed (see `assumed`)
        hidden = assumed(text, gem)
        undetectable = [undetectable_said(gem, s) for s in hidden]
        # "is heated sapphire less valuable?": the treatments, and that a treatment is one thing value rests on
        priced = PRICE_REFUSED if VALUE_QUESTION.search(text) else ""
        if general:  # "Treatments of tanzanite: heat treatment …", and "nearly all are heated" if asked "always?"
            # "is citrine heated amethyst?": how much of the other gem named is this one treated into it
            made = next((m for g in gems_named_in(text) if (m := treated_into(text, g, gem))), "")
            return " ".join(part for part in (known, made, as_a_rule(text, gem), *undetectable, priced) if part)
        named = treatments_named(text, gem)
        if untreated or (named and len(hidden) == len(named)):  # "is it heated?" of an aquamarine: no lab decides
            lead = ""
        elif by_name := treated_by_name(text, gem):  # "is my howlite dyed?": dyed howlite is dyed, no lab decides
            lead = f"No laboratory is needed to say so: its treatment is in its name, {by_name}."
        elif hidden:  # "is it treated?" of a topaz: a laboratory decides some of its treatments, not all
            lead = (
                "Whether this stone was treated shows neither in a photo nor in the usual readings: a gem laboratory "
                "decides most treatments, from its inclusions, spectrum and fluorescence, but not every one."
            )
        else:
            lead = (
                "Whether this stone was treated shows neither in a photo nor in the usual readings: a gem "
                "laboratory decides, from its inclusions, spectrum and fluorescence."
            )
        leans = {True: "speaks against one", False: "points to one"}
        seen = " ".join(f"What you saw {leans[s in AGAINST_A_TREATMENT]}: {s[0].lower()}{s[1:]}" for s in signs)
        return " ".join(part for part in (lead, *undetectable, seen, known, priced) if part)
    # "where is it from?", "is it Colombian or Zambian?", "Kashmir or Sri Lanka?"; not "where does the name come from?"
    choices = places_named(text) if CHOICES_ASKED.fullmatch(text) else []
    choices = choices if len(choices) > 1 else []
    # "is this a Kashmir sapphire?", "a Burmese ruby, is that true?": an origin claimed, asked to be confirmed
    # and "it's definitely Colombian right?" of the stone in hand (`TAG_QUESTION`): asked, so no evidence
    claimed = places_named(text) if asked and (ORIGIN_CLAIM_ASKED.search(text) or TAG_QUESTION.search(text)) else []
    if (ORIGIN_QUESTION.search(text) or choices or claimed) and not HISTORY_QUESTION.search(text):
        if gem.origin != "natural":
            return f"{gem.name} is made in a laboratory, not mined."
        sources = main_sources(gem)
        said = f" {gem.name} comes chiefly from {sources}." if sources else ""  # pearls and coral are not mined
        if (general or WHERE_TO_FIND.search(text)) and said:
            return said.strip()
        countries, anywhere = gem_countries(gem)
        places = places_asked(text) or choices or claimed
        for place, in_countries in places:
            known = anywhere or bool(set(in_countries) & set(countries))
            said += f" {place} is {'among' if known else 'not among'} its known sources."
        if places:
            said += " A place asked about is no evidence of where the stone was mined, so I did not use it."
        if told and not places:  # "it's from Colombia", then "where is it from?"
            known = anywhere or bool(set(told[1]) & set(countries))
            where = " and ".join(told[0])
            said += f" You told me it is from {where}, {'one' if known else 'not one'} of its known sources."
        return f"{ORIGIN_DECIDED}{said}"
    if asked and not general and (limit := beyond_the_evidence(text, gem, photo)):
        return limit
    if asked and (weighed := weight_in_general(text, gem)):  # "what does ruby weigh?"
        return weighed
    if FORMATION_QUESTION.search(text) and gem.origin == "natural":  # "how did it form?"
        if not gem.formation:  # "what rock is sapphire found in?": its kinds' facts, or that none say it
            told: dict[str, list[str]] = {}  # one sentence a text, the kinds that share it named together
            for k in (k for k in kinds_of(gem) if k.formation):
                told.setdefault(k.formation.rstrip("."), []).append(k.name)
            kinds = [f"{join_words(names)}: {said}." for said, names in told.items()][:3]
            if kinds:
                name = lower_name(gem)
                return f"My facts say how kinds of {name} form, not {name} as a whole. {' '.join(kinds)}"
            return f"My facts on {gem.name} say nothing of how or in what rock it forms."
        said = [x.rstrip(".") + "." for x in sentences(gem.formation)]
        coal = COAL_SAID.search(text)  # "is diamond made of coal?": what its facts say of coal first
        return " ".join(sorted(said, key=lambda x: not (coal and COAL_SAID.search(x))))
    if asked and OTHER_NAMES_ASKED.search(text):  # "what is it called in the trade?": its other names
        return other_names_said(gem, notes)
    if RARITY_QUESTION.search(text):  # "is it rare?": what its facts say of it, or that they say nothing
        colours = colours_asked_of(text, gem)  # "are pink diamonds rare?": not what its facts say of blue ones
        ones = f"{join_words(colours, 'or')} {lower_name(gem)}" if colours else "it"
        said = rarity_said(gem, colours)
        if said and not colours and re.match(rf"(?:{COLOUR_WORD})\b", said, re.I):  # "how rare is diamond?"
            return f"My facts do not say how rare {lower_name(gem)} is as a whole, only one colour of it: {said}"
        return said or f"My facts on {gem.name} say nothing of how rare {ones} is."
    if asked and TWINNING_ASKED.search(text):
        return twinning_said(gem)
    if asked and HARM_QUESTION.search(text):  # "is galena toxic?" of a gem with no care notes, which answer it first
        told = facts_saying(gem, SAID_OF_HARM.pattern, features=True)
        return told or f"My facts on {gem.name} say nothing of whether it is toxic or safe to handle."
    # "is it worth buying?": no price, and what to ask the seller first; "… if it's synthetic?" asks what it is
    bought = asked and STONE_BOUGHT.search(text) and not LAB_GROWN.search(text)
    if VALUE_QUESTION.search(text) or WORTH_WORKING.search(text) or bought:  # "is it worth polishing?": its value too
        return PRICE_REFUSED + polish_said(text, gem) + (f" {to_ask_the_seller(gem)}" if bought else "")
    return ""


def to_ask_the_seller(gem: GemFacts) -> str:
    """What to have a seller put in writing before buying a stone of `gem`, its own treatments named (the glossary's
    "buying a gem")."""
    listed = re.sub(r"^Treatments[^:]*: |\.$", "", treatment_sentence(gem, n=len(gem.treatments))).split("; ")
    treated = f" (those of {lower_name(gem)}: {join_words(listed, 'and')})" if listed != [""] else ""
    return (
        "Before you buy, have the seller write on the receipt what it is, whether it is natural or lab-grown, what "
        f"treatments it has had{treated}, its weight and any origin claimed, and for a valuable stone ask for an "
        "independent laboratory's report."
    )


MISLEADING_EXPLAINED = 3  # more misnomers than this are named, not each explained


def other_names_said(gem: GemFacts, notes: list[str] | None = None) -> str:
    """ "Labradorite is also called Spectrolite. Names that mislead, as they name another gem: 'rainbow moonstone' is
    transparent labradorite …": the gem's other names and the trade names and misnomers that mean it, each source
    in `notes`; that its facts give none, when they do not."""
    from gemlang.knowledge.knowledge_base import knowledge_base

    names = other_names(gem, n=len(gem.aliases))
    meant = [t for _, t in knowledge_base().trade_names if t.gem.name == gem.name]
    misleading = [t for t in meant if t.named not in (None, gem)]  # "evening emerald": peridot, by emerald's name
    trade = [t for t in meant if t not in misleading]
    said = [f"{gem.name} is also called {join_words(names, 'or')}." if names else ""]
    said += [f"{t.note[:1].upper()}{t.note[1:]}." for t in trade]
    if len(misleading) > MISLEADING_EXPLAINED:  # quartz's many "diamonds": the names alone
        named = join_words([f"'{t.phrase}'" for t in misleading])
        said.append(f"Names that mislead, as they name another gem: {named}; each is {lower_name(gem)}.")
    elif misleading:
        said.append(f"Names that mislead, as they name another gem: {'; '.join(t.note for t in misleading)}.")
    if not any(said):
        return f"My facts give {gem.name} no other name, in the trade or out of it."
    if notes is not None:
        notes += [f"source ('{t.phrase}'): {t.source}" for t in (*trade, *misleading)]
    return " ".join(s for s in said if s)


def asked_of_each(text: str, gems: Sequence[GemFacts]) -> str:
    """ "Where do ruby and sapphire come from?", "are ruby and sapphire heated?": where each gem named comes from, or
    its treatments, in the order named, as it is said of one gem (`side_answer`); '' for any other question, of one
    gem, of gems not named together ("is citrine heated amethyst?"), or when a gem's answer is not that."""
    treated = TREATMENT_QUESTION.search(text) and re.search(r"\band\b|&|,", text)
    if len(gems) < 2 or not (ORIGIN_QUESTION.search(text) or treated) or HISTORY_QUESTION.search(text):
        return ""
    said = [(g, side_answer(text, g, general=True)) for g in gems]
    return "\n\n".join(f"**{g.name}**: {s}" for g, s in said) if all(s for _, s in said) else ""


def also_asked(text: str, gem: GemFacts, first: bool = False) -> str:
    """What the clauses after a constant's question ask of `gem` besides ("… and where is it mined?", "… and is it
    treated?", "… and what colours does it come in?"): where it comes from, its treatments or its colours, as the
    same questions asked alone are answered; '' when no later clause asks one of them. `first`: the first clause
    too, beside a care question ("where does tanzanite come from and how do I clean it?"); a care clause is the
    care answer's ("can I clean heated ruby?" asks no treatment)."""
    said = []
    for clause in NEXT_CLAUSE.split(text)[0 if first else 1 :]:
        if care_question(clause) or not CLAUSE_ASKS.match(clause):  # "… and oiled emerald?" asks no second question
            continue
        if ORIGIN_QUESTION.search(clause) or TREATMENT_QUESTION.search(clause):
            said.append(side_answer(clause, gem, general=True))
        elif COLOUR_QUESTION.search(clause):  # "Garnet comes in …" without the card already opening the reply
            said.append(follow_up_colours(gem))
    return " ".join(s for s in dict.fromkeys(said) if s)


SAID_OF_POLISHING = re.compile(r"\bpolish|\bcabochons?\b", re.I)


def polish_said(text: str, gem: GemFacts) -> str:
    """ " What my facts say of working jasper: hardness 6.5–7; … widely cut as cabochons …": for a question whether
    the gem is worth working, the facts that say how it takes a polish or is cut as cabochons, with its hardness;
    '' for any other question or when none says."""
    if not WORTH_WORKING.search(text):
        return ""
    facts = (*sentences(gem.description), *gem.diagnostic_features, *sentences(gem.uses))
    said = [lower_first(f).rstrip(".") for f in dict.fromkeys(facts) if SAID_OF_POLISHING.search(f)]
    if not said:
        return ""
    hardness = property_value(gem, "hardness")
    return f" What my facts say of working {lower_name(gem)}: hardness {hardness}; {'; '.join(said)}."


def sellers_claims(text: str) -> str:
    """The price refused and what a seller's claims need to be proved ("seller wants $900 for this natural unheated
    Burma ruby, is it worth it?"), each a laboratory's call; '' when a price is asked with no such claim."""
    if not (VALUE_QUESTION.search(text) and SELLER_SAID.search(text)):
        return ""
    said = [word for claim, word in SELLERS_CLAIMS if claim.search(text)]
    asked = {name for name, _ in places_asked(text)}
    places = [name for name, _ in places_named(text) if name not in asked]
    if not said + places:
        return ""
    made = [f"{join_words(said)} from its inclusions, spectrum and fluorescence"] if said else []
    mined = [f"{join_words(places)}, where it was mined, from its inclusions and trace elements"] if places else []
    left_out = f"; I left {join_words(places)} out of the evidence" if places else ""
    several = len(said + places) > 1
    claims = "are the seller's claims" if several else "is the seller's claim"
    shows = "none shows in a photo or the usual readings" if several else "it shows in no photo or usual reading"
    return (
        f"**I give no prices, but {join_words(said + places)} {claims}:** {shows}, "
        f"and {'each needs' if several else 'it needs'} a gem laboratory's report: {'; '.join(made + mined)}"
        f"{left_out}. "
        "Ask for that report before you buy; an independent appraiser can then value the stone."
    )


def by_the_test_named(text: str, first: GemFacts, second: GemFacts, listed: bool = False) -> str:
    """Whether the instrument a comparison names tells the two gems apart, and if not, the test that does;
    nothing where the facts of either are silent on it. `listed`: the values are in the answer already."""
    keys = [key for words, key in TEST_NAMED.items() if re.search(words, text, re.I)]
    if not keys:
        return ""
    test = next(t for t in TESTS if t.key == keys[0])
    values = values_read(test, first, second)
    if "unknown" in values:
        return ""
    if separates(test, profile(first), profile(second)):
        return f" The {test.instrument} tells them apart" + ("." if listed else f": {values}.")
    said = f" The {test.instrument} does not tell them apart reliably ({values})"
    other = instrument_test(first, second)
    return said + (f"; the {other[0]} does: {other[1]}." if other else ".")


def colour_of(gem: GemFacts) -> str | None:
    """The colour a gem named for its colour is (emerald: green, ruby: red); None for one of many colours."""
    from gemlang.knowledge.colours import gem_colours

    shares = gem_colours(gem)
    colour, share = max(shares.items(), key=lambda kv: kv[1], default=(None, 0.0))
    return colour if share >= ONE_COLOUR else None


def gems_from(hints: Hints, evidence: EvidenceModel, colour: str | None = None) -> str:
    """The natural gems the knowledge base knows from the country of the place a question names, those it is a
    main source of first (the knowledge base lists countries, not mines: Mogok's answer is Myanmar's); only those
    listed in `colour` when the question names one ("list green gems from Colombia"). Of each country in turn when
    the places named lie in more than one ("what gems are found in Kenya and Tanzania?")."""
    countries = {}  # the first place named in each country: Minas Gerais and Bahia are both Brazil's
    for place in hints.places:
        countries.setdefault(next((c for c in countries_in(place) if c in hints.countries), hints.countries[0]), place)
    if len(countries) < 2:
        return _gems_from(hints.countries[0], hints.places[0] if hints.places else hints.countries[0], evidence, colour)
    return "\n\n".join(_gems_from(country, place, evidence, colour) for country, place in list(countries.items())[:3])


def _gems_from(country: str, place: str, evidence: EvidenceModel, colour: str | None) -> str:
    """`gems_from` of one country, named as the place said."""
    lead = f"**{place}** is in {country}, and by country"
    lead = f"**{country}**:" if place == country else f"**{country}** ({place}):" if names_a_country(place) else lead
    found = [
        (evidence.listed_countries[i].index(country), not gem.is_dataset_class, gem.name)
        for i, gem in enumerate(evidence.facts)
        if gem.origin == "natural" and (colour is None or listed_in(gem, colour))
        if country in evidence.listed_countries[i]
    ]
    gems = f"{colour} gem" if colour else "gem"
    if not found:
        return f"{lead} my sources name no {gems} from there."
    names = [name for *_, name in sorted(found)]
    listed = f"these {gems}s: " if colour else ""
    return f"{lead} my sources list {listed}{some_of(names, PLACE_GEMS_SHOWN)} (main sources first)."


def where_from(gem: GemFacts, hints: Hints, evidence: EvidenceModel) -> str:
    """Whether the places a question names are among the gem's known localities, in one sentence."""
    known = list(evidence.listed_countries[evidence.index[gem.name]]) if gem.name in evidence.index else []
    said = ", ".join(hints.places or hints.countries)
    where = said if list(hints.places) == list(hints.countries) else f"{said} ({', '.join(hints.countries)})"
    if not known:
        return f"my sources name no locality for {gem.name}, so I cannot say whether it comes from {said}."
    found = [c for c in hints.countries if c in known]
    if found and list(hints.places) == list(hints.countries) and len(found) < len(hints.countries):
        missing = join_words([c for c in hints.countries if c not in found], "or")  # "in Brazil or Tanzania?"
        return (
            f"{gem.name} is known from {join_words(found)}, but my sources do not name {missing} among its "
            f"localities ({', '.join(known)})."
        )
    if found:
        return f"{gem.name} is known from {where}; its localities: {', '.join(known)}."
    non_gem = [n for n in gem.localities if NOT_GEM_GRADE.search(n) and set(countries_in(n)) & set(hints.countries)]
    if non_gem:  # "Non-gem occurrences in Japan, …, Czech Republic": named, but as no source of gems
        return (
            f"my sources name {where} for {gem.name} only where it is not of gem quality ({non_gem[0]}); its gem "
            f"localities: {', '.join(known)}."
        )
    said_of_kinds = _kinds_from(gem, hints.countries)  # "garnets in the US?": almandine is known from Idaho
    return f"my sources do not name {where} among {gem.name}'s localities ({', '.join(known)}){said_of_kinds}."


def where_each_from(gems: Sequence[GemFacts], hints: Hints, evidence: EvidenceModel) -> str:
    """ "Which comes from Sri Lanka, ruby or sapphire?": which of the gems are known from the places named (both,
    some or none), then `where_from` of each."""
    said = join_words(list(hints.places or hints.countries), "or")
    found = [
        g.name
        for g in gems
        if g.name in evidence.index and set(hints.countries) & set(evidence.listed_countries[evidence.index[g.name]])
    ]
    names = join_words([lower_name(g) for g in gems], "and")
    if len(found) == len(gems):
        lead = f"{'Both' if len(gems) == 2 else 'All of them'} are known from {said}."
    elif found:
        lead = f"Of {names}, my sources name only {join_words(found, 'and')} from {said}."
    else:
        none = f"neither {lower_name(gems[0])} nor {lower_name(gems[1])}" if len(gems) == 2 else f"none of {names}"
        lead = f"My sources name {none} from {said}."
    each = " ".join(f"**{g.name}**: {where_from(g, hints, evidence)}" for g in gems)
    return f"**{join_words([g.name for g in gems], 'or')}?** {lead} {each}"


def _kinds_from(gem: GemFacts, countries: Sequence[str]) -> str:
    """'; of its kinds, Almandine is known from USA (Idaho)' for the kinds of `gem` whose locality notes name one of
    `countries`, each with those notes; '' when none does."""
    notes = {
        kind.name: [n for n in kind.localities if set(countries_in(n)) & set(countries) and not NOT_GEM_GRADE.search(n)]
        for kind in kinds_of(gem)
        if kind.origin == "natural"
    }
    said = [f"{name} is known from {'; '.join(found)}" for name, found in notes.items() if found]
    return f"; of its kinds, {join_words(said, 'and')}" if said else ""


ORIGIN_DECIDED = (
    "Where a stone was mined shows neither in a photo nor in the usual readings: a gem laboratory decides origin, "
    "from its inclusions and trace elements."
)
SIGN_END = re.compile(r" \(| — |; ")  # a sign's first words: "flux remnants" of "Flux remnants (wispy veils)"


def magnified_signs(grown: Sequence[GemFacts]) -> list[str]:
    """What magnification shows in each lab-grown stone ("Synthetic Ruby (Verneuil): curved striae")."""
    return [f"{t.name}: {SIGN_END.split(sign)[0].lower()}" for t in grown if (sign := telltale(t))]


# what tells a natural gem from its lab-grown stones and imitations: "can you tell if it's fake from a photo?"
TOLD_IN_THE_STONE = (
    "A lab-grown stone looks like the natural gem and has its constants, and a good imitation looks like the gem it "
    "imitates: what tells them apart is in the stone, its readings and what a 10x loupe shows, and for lab-grown "
    "stones often a gem laboratory."
)
PHOTO_CANNOT_TELL_GLASS = "A photo cannot tell glass from a gem, but a loupe and two readings can."


def how_to_spot_glass() -> str:
    """How glass is told from gems in general: its constants and what the loupe shows, from its facts."""
    glass = get_facts("Glass (Paste)")
    seen = [lower_first(f) for f in glass.diagnostic_features if not re.search(r"refractive|hardness", f, re.I)]
    return (
        "**Glass or a gem?** Glass (paste) is singly refractive: it stays dark between crossed polars as it turns "
        f"and never shows doubled back facet edges. It reads RI {glass.format('refractive_index')} and SG "
        f"{glass.format('specific_gravity')}, and it is only Mohs {glass.format('hardness')}. Under a 10x loupe: "
        f"{'; '.join(seen)}. A stone that is doubly refractive, or reads outside those ranges, is not glass; one "
        "that fits them may still be a singly refractive gem such as garnet or spinel, which its exact RI and SG "
        "tell apart."
    )


def how_to_tell_natural(gem: GemFacts) -> str:
    """How a natural gem is told from its lab-grown twins, under its name; '' when it has no twin."""
    told = told_from_lab_grown(gem)
    return f"**{gem.name}**: {told}" if told else ""


def told_from_lab_grown(gem: GemFacts) -> str:
    """How a natural gem is told from its lab-grown twins: the constants cannot, the inclusions each twin
    shows under magnification can ("Synthetic Ruby (Verneuil): curved striae"); '' when it has no twin."""
    twins = [g for g in lookalikes(gem, all_gems()) if g.origin == "synthetic" and g.species == gem.species]
    own = [g for g in twins if gem.name.split()[0].lower() in g.name.lower()]  # flux-grown ruby for ruby
    signs = magnified_signs((own or twins)[:4])
    if not signs:
        return ""
    # flux-grown emerald reads just below natural emerald: a reading there points to it, though not surely
    apart = [f"{t.name}'s {gap}" for t in (own or twins) if (gap := just_apart(t, gem))]
    constants = (
        f"most lab-grown {species_word(gem)} has the constants of a natural one, so the refractometer and the "
        f"balance rarely tell them apart ({'; '.join(apart)}: a reading there points to it)"
        if apart
        else f"a lab-grown {species_word(gem)} has the same constants as a natural one, so the refractometer and "
        "the balance cannot tell them apart"
    )
    return (
        f"{constants}; magnification can ({'; '.join(signs)}). A natural stone shows natural inclusions instead, "
        "and where none is conclusive a gem laboratory decides."
    )


TWIN_CONSTANTS = {"refractive_index": (r"\bri\b|refractive|refractometer", "RI", 3, 0.005),
                  "specific_gravity": (r"\bsg\b|specific gravity|density|dense|heav|light", "SG", 2, 0.03)}  # fmt: skip


UNSHOWN = "Nothing you have told me shows it, and a photo would not settle it either"
NATURAL_UNSHOWN = f"**Natural, as you were told?** {UNSHOWN}."  # the claim of no gem named ("he swore it's natural")
CULTURED_OR_IMITATION = re.compile(r"\bcultured\b|\bimitations?\b", re.I)  # a pearl's, in its features


def natural_as_told(word: str, gem: GemFacts) -> tuple[str, list[str]]:
    """ "The seller says it's a natural ruby": that nothing shows it, and what tells the natural gem from its
    lab-grown stones ("a real pearl": from cultured ones and imitations, as its features say), or which readings
    would, with the sources; `word` is the one the claim used ("real", "natural")."""
    told, notes = told_from_lab_grown(gem_sold_as(gem)), []
    if not told and (apart := [x for x in gem.diagnostic_features if CULTURED_OR_IMITATION.search(x)]):
        told = f"natural, cultured and imitation {lower_name(gem)}s are told apart so: {'; '.join(apart)}."
        cited = gem.citations.get("diagnostic_features")
        notes = [f"sources ({gem.name}, how it is told apart): {cited}"] if cited else []
    told = f"{UNSHOWN}: {told}" if told else f"{UNSHOWN}; what your instruments read would ({ri_and_sg(gem)})."
    word = word.lower() if word.lower() in ("real", "genuine", "authentic") else "natural"
    return f"**{word.capitalize()} {lower_name(gem)}, as you were told?** {told}", notes


def artificial_as_told(gem: GemFacts, negated: bool = False) -> tuple[str, str]:
    """ "My friend says it's cubic zirconia", "he told me it's lab-grown ruby": that nothing shows it, and what would
    (the reply, and how the stone is told from the gem it is sold as): the simulant's or lab-grown stone's own
    constants and signs against that gem's, or for lab-grown ruby what tells it from natural ruby; `negated`: the
    claim that it is not ("he swears it's not moissanite")."""
    natural = gem_sold_as(gem)
    if gem.origin == "natural":  # "lab-grown ruby": the natural gem named as lab-grown
        return f"**Lab-grown {lower_name(gem)}, as you were told?** {UNSHOWN}: {told_from_lab_grown(gem)}", ""
    name = name_in_sentence(gem.name.split(" (")[0])  # "synthetic sapphire", "glass": as the claim says it
    said = f"not {name}" if negated else name
    lead = f"**{said[0].upper()}{said[1:]}, as you were told?** {UNSHOWN}"
    if natural.name == gem.name:  # glass, plastic: sold as many gems, none in particular
        return f"{lead}.\n\n{how_to_spot_glass() if gem.name == 'Glass (Paste)' else how_to_test(gem)}", ""
    return (
        f"{lead}. What would: {name}'s own constants and signs against those of {lower_name(natural)}, the gem it "
        f"is sold as, below.",
        tell_apart(gem.name, natural.name),
    )


def lab_grown_compared(gem: GemFacts, text: str, hints: Hints) -> str:
    """Which lab-grown stones sold as `gem` read lower (or higher) than the natural gem in the constant a message
    names, and which of them the stone's own reading fits ("could it be synthetic? which ones have lower RI?");
    '' when the message asks no such thing or the gem has no lab-grown twin."""
    said = LOWER_OR_HIGHER.search(text or "")
    if said is None or not LAB_GROWN.search(text):
        return ""
    twins = [g for g in lookalikes(gem, all_gems()) if g.origin == "synthetic" and g.species == gem.species]
    fields = [f for f, (words, *_) in TWIN_CONSTANTS.items() if re.search(words, text, re.I)]
    if not fields:  # "is it synthetic? tell me more": no constant compared
        return ""
    field, (_, label, decimals, give) = fields[0], TWIN_CONSTANTS[fields[0]]
    natural = getattr(gem, field)
    twins = [t for t in twins if getattr(t, field)]
    if not twins or natural is None:
        return ""
    lower = bool(said.group("lower"))

    def values(g: GemFacts) -> str:
        return ", ".join(f"{TWIN_CONSTANTS[f][1]} {g.format(f)}" for f in TWIN_CONSTANTS if getattr(g, f))

    beyond = [t for t in twins if (getattr(t, field)[1] < natural[0] if lower else getattr(t, field)[0] > natural[1])]
    within = [t for t in twins if not (getattr(t, field)[1] < natural[0] or getattr(t, field)[0] > natural[1])]
    side = "lower" if lower else "higher"
    kind = species_word(gem)
    out = (
        f"**Lab-grown {kind} that reads {side} than natural {lower_name(gem)} ({label} {gem.format(field)})**: "
        + ("; ".join(f"{t.name} ({values(t)})" for t in beyond) if beyond else "none that I know of")
        + "."
    )
    if within and len(within) == len(twins):  # lab-grown ruby: the natural constants, which no reading tells apart
        out += f" Every lab-grown {kind} I know reads within the natural range, so an {label} cannot tell them apart."
    elif within:
        out += f" {join_words([t.name for t in within])} overlap{'s' if len(within) == 1 else ''} the natural range."
    reading = getattr(hints.readings, {"refractive_index": "ri", "specific_gravity": "sg"}[field])
    if reading is not None and len(within) < len(twins):
        low, high = reading.low - give, reading.high + give
        fits = [t.name for t in twins if getattr(t, field)[0] <= high and getattr(t, field)[1] >= low]
        fits_natural = natural[0] <= high and natural[1] >= low
        not_fits = [t.name for t in twins if t.name not in fits]
        out += (
            f" Your {label} {reading.describe(decimals)} fits "
            + join_words(([f"natural {lower_name(gem)}"] if fits_natural else []) + fits or ["none of them"])
            + (f", not {join_words(not_fits, 'or')}" if not_fits else "")
            + "."
        )
    signs = magnified_signs(twins[:4])
    return (
        out
        + (f" Magnification tells them apart ({'; '.join(signs)})" if signs else " A gem laboratory decides")
        + ("; where none is conclusive, a gem laboratory decides." if signs else ".")
    )


def species_word(gem: GemFacts) -> str:
    """The species as a word in a sentence: 'opal' for 'opal (hydrated amorphous silica)', 'tourmaline' for
    'tourmaline group (mostly elbaite)'."""
    return re.sub(r"\s*\([^)]*\)", "", gem.species).replace(" group", "").strip() or gem.name.lower()


# 16 CFR 23.25(a) as revised in 2018: a gem's name for what is not that gem
NAME_RULE = (
    "The FTC Jewelry Guides (16 CFR 23.25(a), <https://www.ecfr.gov/current/title-16/part-23/section-23.25>) call "
    "it deceptive to describe a product by the name of a precious or semi-precious stone it is not in fact; name it "
    "as what it is"
)


def _names_the_gem_it_is(trade) -> bool:
    """Whether every gem a trade name's words name is the gem it is, or a kind of it: "mystic topaz" (topaz), not
    "smoky topaz" (quartz) nor "citrine topaz" (citrine, which "topaz" misnames)."""
    from gemlang.knowledge.knowledge_base import knowledge_base, normalise_name

    phrase = normalise_name(trade.phrase)
    named = [gem for pattern, gem in knowledge_base().phrases if pattern.search(phrase)]
    return bool(named) and all(gem.name == trade.gem.name or kind_of(trade.gem, gem) for gem in named)


def name_use_verdict(trade) -> str:
    """Whether a trade name may be used, by 16 CFR 23.25(a): fair where its words name the gem the stone is (its
    treatments still disclosed), not where they name another gem."""
    note = trade.note[:1].upper() + trade.note[1:]
    if _names_the_gem_it_is(trade):  # "mystic topaz" is topaz: the name is fair, its coating still told
        return f"**Yes**: {note}. The name says what the stone is, {lower_name(trade.gem)}. {TREATMENT_RULE}"
    if trade.named is not None and trade.also_genuine:  # "gold topaz": fair of the genuine gem, not of the other
        return f"**Only for the genuine gem**: {note}. {NAME_RULE}: {lower_name(trade.gem)}."
    return f"**No**: {note}. {NAME_RULE}: {lower_name(trade.gem)}."


def trade_name_use_answer(text: str) -> str:
    """Whether a seller may use the trade name a message asks of ("can I use the name 'Mystic topaz'?", "may I
    list it as Madeira topaz?"), by `name_use_verdict`; '' if it asks no such thing."""
    from gemlang.knowledge import trade_name_in

    asked = WORD_ASKED.search(text or "") or SELL_QUESTION.search(text or "")  # "can I sell it as Madeira topaz?"
    trade = trade_name_in(text or "") if asked else None
    return name_use_verdict(trade) if trade is not None else ""


def trade_name_verdict(text: str) -> str:
    """Yes or no to "is X a Y?" or "is X real?" where X is a trade name or misnomer ("Herkimer diamond"): the gem
    it really is (quartz) against the gem asked about, or the gem its words name (diamond); '' for any other
    message."""
    from gemlang.knowledge import find_gem
    from gemlang.knowledge.knowledge_base import knowledge_base, normalise_name

    if used := trade_name_use_answer(text):  # "can I use the name 'Mystic topaz'?"
        return used
    key = normalise_name(text or "")
    found = next(((m, t) for pattern, t in knowledge_base().trade_names if (m := pattern.search(key))), None)
    if found is None:
        return ""
    m, trade = found
    before = key[: m.start()].split()
    if before[:1] not in (["is"], ["are"]) or not set(before[1:]) <= {"a", "an", "the", "my", "this", "that"}:
        return ""
    rest = key[m.end() :].strip()
    if NAME_ASKED.fullmatch(rest):
        return name_use_verdict(trade)
    after = AFTER_TRADE_NAME.fullmatch(rest)
    said = after.group("y") if after else ""
    if not said and not (after and after.group("real")):  # "is a Herkimer diamond?" asks nothing
        return ""
    y = find_gem(said) if said and not LAB_GROWN.fullmatch(said) else trade.named
    gem, note = trade.gem, trade.note[:1].upper() + trade.note[1:]
    if y is None and not said and gem.origin == "simulant":  # "is goldstone real?": it names no gem, so no
        return f"**No**: {note}."
    if y is None:
        return ""
    if LAB_GROWN.fullmatch(said):  # "is Ramaura ruby synthetic?"
        return f"**{'Yes' if gem.origin == 'synthetic' else 'No'}**: {note}."
    natural = "natural" in (after.group("real") or "").lower()
    natural_other = gem.origin == "natural" and gem.name != y.name and not kind_of(gem, y)
    if natural and not said and not trade.also_genuine and natural_other:
        # "is Herkimer diamond natural?": a natural stone, though not the gem its name says
        return f"**Natural, but not {lower_name(y)}**: {note}. {tell_apart(gem.name, y.name)}"
    if gem.origin == "synthetic" and gem_sold_as(gem).name == y.name and not natural:  # "is Chatham emerald real?"
        return f"**Yes and no**: {note}. {SOLD_AS_GROWN}"
    either = trade.named is not None and trade.also_genuine and y.name in (gem.name, trade.named.name)
    if either:  # "is a Brazilian emerald a real emerald?": the name is said of both
        return f"**Not necessarily**: {note}. {tell_apart(gem.name, trade.named.name)}"
    if gem.name == y.name or kind_of(gem, y):  # "is a Herkimer diamond quartz?", "is mystic topaz real topaz?"
        return f"**Yes**: {note}."
    return f"**No**: {note}. {tell_apart(gem.name, y.name)}"


def chemistry_compared(gems: Sequence[GemFacts]) -> str:
    """Whether gems share a chemistry (a formula less its colouring trace elements, "Al2O3:Cr" as Al2O3), with
    their crystal systems where those differ (kyanite and andalusite: one formula, two structures); '' for
    fewer than two gems with a known chemistry."""
    known = [g for g in gems if g.chemistry][:4]
    if len(known) < 2:
        return ""
    base = {g.name: re.split(r":|\s+\(", g.chemistry)[0].strip() for g in known}  # not "(Mg,Fe)2SiO4"'s bracket
    names = join_words([g.name for g in known])
    if len(set(base.values())) > 1:
        each = "; ".join(f"{name} {formula}" for name, formula in base.items())
        return f"**No**: {names} differ in chemistry: {each}."
    systems = {g.name: g.crystal_system.lower() for g in known if g.crystal_system}
    structures = (
        f", in different crystal structures ({'; '.join(f'{n} {c}' for n, c in systems.items())}): polymorphs"
        if len(set(systems.values())) > 1
        else ""
    )
    return f"**Yes**: {names} are {'both' if len(known) == 2 else 'all'} {next(iter(base.values()))}{structures}."


def species_compared(gems: Sequence[GemFacts]) -> str:
    """Whether gems are one mineral ("are ruby and sapphire the same mineral?"): yes where their species is one, the
    gems being its varieties, else no with each one's species; '' for fewer than two gems with a known species."""
    known = [g for g in gems if g.species][:4]
    if len(known) < 2:
        return ""
    names = join_words([g.name for g in known])
    minerals = {re.sub(r"\s*\([^)]*\)", "", g.species) for g in known}  # jasper's "quartz (microcrystalline)"
    if len(minerals) > 1:
        return f"**No**: {names} are different minerals: {'; '.join(f'{g.name} {g.species}' for g in known)}."
    return f"**Yes**: {names} are {'both' if len(known) == 2 else 'all'} {minerals.pop()}, varieties of one mineral."


PRECIOUS_FOUR = "diamond, ruby, sapphire and emerald"  # the glossary's "precious and semi-precious"
# opal, obsidian, moldavite: natural, mineral-like and not crystalline, a mineraloid (not chrysocolla, "amorphous to
# cryptocrystalline", a mineral; not amber or jet, answered as organic gems)
NOT_CRYSTALLINE = re.compile(r"^(?!.*\b(?:organic|cryptocrystalline)\b).*\b(?:amorphous|glass|mineraloid)\b", re.I)


def man_made(gem: GemFacts, said: str = "", notes: list[str] | None = None) -> tuple[str, str]:
    """(why a man-made stone is no mineral, which by definition occurs naturally, the glossary term that explains
    it) for "a lab-grown diamond", cubic zirconia, glass; ('', '') for a gem found in nature, or an imitation not
    known to be made (copal, dyed howlite). Where its history says the mineral is found in nature too
    (moissanite), that is said, its sources added to `notes`."""
    grown_in_lab = re.search(r"[^.;]*\bgrown in a laboratory\b[^.;]*", gem.history)
    glass = NOT_CRYSTALLINE.search(f"{gem.species} {gem.group}") or re.search(r"\bglass\b", gem.chemistry)
    # plastic: man-made and amorphous, though its species says "organic" (polymers)
    glass = glass or ("man-made" in gem.species and "amorphous" in gem.optical_character.lower())
    if gem.origin == "natural" and not LAB_GROWN.search(said):
        return "", ""
    if gem.origin == "simulant" and not (gem.growth_method or grown_in_lab or glass):
        return "", ""
    who = {"natural": said.strip(), "simulant": gem.species.split(" (")[0]}.get(
        gem.origin, gem.name
    )  # "a lab-grown diamond"
    who = who[:1].upper() + who[1:] + (" sold as a gem" if grown_in_lab else "")
    many = gem.origin == "natural" and who.endswith("s")  # "are lab-grown diamonds minerals?"
    is_, it_has = ("are", "They have") if many else ("is", "It has")
    if glass:  # "is glass a mineral?", "is french jet a mineral?"
        return f"**Not a mineral**: {who} {is_} man-made, and has no crystal structure (it is amorphous).", "mineraloid"
    system = gem.crystal_system.split(" ")[0]
    lead = (
        f"**Not a mineral**: {who} {is_} man-made. {it_has} a set chemistry, {gem.chemistry}, and a crystal structure "
        f"({system}), but a mineral by definition occurs naturally."
    )
    if grown_in_lab and gem.citations.get("history"):  # moissanite: a mineral too, in grains too small to cut
        if notes is not None:
            notes.append(f"source ({gem.name}): {gem.citations['history']}")
        lead += f" {grown_in_lab.group(0).strip()}."
    return lead, "gem or mineral"


def what_it_is_made_of(x: str, y: str) -> tuple[str, str]:
    """(yes, and what it is, the glossary term that explains it) when a natural gem's species names the material
    asked ("is amber resin?": "fossil tree resin"); ('', '') otherwise."""
    from gemlang.knowledge import find_gem
    from gemlang.knowledge.glossary import terms_named

    gem = find_gem(x)
    said = re.sub(r"s$", "", y.lower())
    inside = re.search(r"\(([^)]*)\)", gem.species) if gem else None
    if gem is None or gem.origin != "natural" or find_gem(y) or not inside:
        return "", ""
    if not re.search(rf"\b{re.escape(said)}s?\b", inside.group(1), re.I) or MATERIAL_KIND.fullmatch(y):
        return "", ""
    organic = "organic" in gem.species.lower()
    what = re.sub(r"(?:,\s*)?\borganic\b:?\s*", "", inside.group(1)).strip(" ,")  # "fossil tree resin"
    lead = f"**Yes**: {gem.name} is {what}" + (", an organic gem." if organic else ".")
    kind = "mineraloid" if NOT_CRYSTALLINE.search(f"{gem.species} {gem.group}") else "gem or mineral"
    term = next((t.term for t in terms_named(said)), "") or ("organic gem" if organic else kind)
    return lead, term


# the glass of imitations by the names it is sold under: "crystal glass", "lead crystal", "cobalt glass"
GLASS_NAMED = re.compile(r"(?:(?:lead\s+)?crystal|lead|cobalt|flint|crown)\s+glass|lead\s+crystal", re.I)


def material_kind(
    text: str,
    stone: GemFacts | None = None,
    likeliest: bool = False,
    notes: list[str] | None = None,
    which: bool = False,
) -> tuple[str, str]:
    """(what a gem is, the glossary term that explains it) for "is pearl a mineral?" of an organic gem ("**Not a
    mineral**: Pearl is an organic gem, …"), "is quartz a mineral?", "is opal a gem?" and "is sapphire a precious
    stone?"; ('', term) for a material the glossary says is no mineral ("is coal a mineral?"); ('', '') for any other
    message. `stone`: the gem "is it a mineral?" asks of, the photo's `likeliest`
    match or the gem talked of. `which`: the message asks which kind it is ("is it a rock or a mineral?"), so a
    mineral is named with no yes or no before it ("**A mineral**")."""
    from gemlang.knowledge import find_gem
    from gemlang.knowledge.glossary import terms_named

    if precious := PRECIOUS_ASKED.match(text or ""):
        gem = find_gem(precious["x"])
        if gem is None or gem.origin != "natural":
            return "", ""
        label = "precious and semi-precious"
        if gem.species in ("diamond", "corundum") or gem.name == "Emerald":
            return (
                f"**By trade custom, yes**: {gem.name} is one of the four gems called precious, {PRECIOUS_FOUR}.",
                label,
            )
        return (
            f"**By trade custom, semi-precious**: {gem.name} is not one of the four called precious, {PRECIOUS_FOUR}.",
            label,
        )
    asked = IS_A_KIND.match(text or "")
    if not asked or not MATERIAL_KIND.fullmatch(asked.group("y")):
        asked = KIND_ASKED.match(text or "")  # "are pearls minerals?"
    if not asked and (made_of := MADE_OF.match(text or "")):  # "is amber resin?", "is opal silica?"
        return what_it_is_made_of(made_of["x"], made_of["y"])
    if not asked or THE_SAME_SAID.search(text):  # "is it the same stone?" asks no kind
        return "", ""
    said_kind = asked.group("y").lower()
    mineraloid = "mineraloid" in said_kind  # "is opal a mineraloid?"
    mineral, rock = "mineral" in said_kind and not mineraloid, "rock" in said_kind
    a_gem = A_GEM_KIND.fullmatch(said_kind)  # "is glass a gem?", not "… a natural stone?"
    if THE_STONE_IN_HAND.fullmatch(asked.group("x")):
        gem, who = stone, (f"{stone.name}, the likeliest match for it," if likeliest else stone.name) if stone else ""
    else:  # "is crystal glass a gem?", "is lead crystal a real gemstone?": the glass imitations are made of
        glass = GLASS_NAMED.fullmatch(asked.group("x"))
        gem = find_gem(asked.group("x")) or (facts_of(MATERIAL_GEMS["glass"]) if glass else None)
        who = gem.name if gem else ""
    if gem is None and (mineral or rock or a_gem):  # "is coal a mineral?", "is resin a gem?": a glossary entry says
        told = [t.term for t in terms_named(asked.group("x")) if re.search(r"\bis not a mineral\b", t.text)]
        return "", told[0] if told else ""
    kind = f"{gem.species} {gem.group}" if gem else ""
    if gem and mineral and (made := man_made(gem, asked.group("x"), notes))[0]:  # "is cubic zirconia a mineral?"
        return made
    real_gem = A_REAL_GEM_KIND.fullmatch(said_kind)  # "is cz a real gem?"
    if gem and (a_gem or real_gem) and gem.origin == "simulant":  # "is glass a gem?", "is cubic zirconia a gemstone?"
        made = gem.species.split(" (")[0]  # "plastic (man-made organic polymers)": plastic
        made = made[:1].upper() + made[1:]
        lead = f"**An imitation, not a natural gem**: {made} is a simulant, used in place of {gem.imitates or 'gems'}."
        return lead, "simulant"
    if gem is None or gem.origin != "natural" or LAB_GROWN.search(asked.group("x")):
        return "", ""
    system = gem.crystal_system.split(" ")[0]
    if mineraloid:
        return mineraloid_verdict(gem, who, kind), "mineraloid"
    if rock and not re.search(r"\brock\b", gem.species):  # "is ruby a rock?", "is it a rock?" of a photo's ruby
        if "organic" in kind.lower():
            return f"**Not a rock**: {who} is an organic gem, made by living things.", "organic gem"
        if NOT_CRYSTALLINE.search(kind) or system == "amorphous" or not gem.chemistry:
            return "", ""  # obsidian, a volcanic glass, is counted among rocks by some
        species = "" if gem.species == gem.name.lower() else f"{gem.species}, "
        return f"**No, a mineral**: {who} is a mineral ({species}{gem.chemistry}), not a rock.", "rock"
    if NOT_CRYSTALLINE.search(kind):
        if not mineral:  # "is opal a gem?": it is, though no mineral
            lead = f"**Yes**: {who} is a gem, though not a true mineral: a mineraloid, with no crystal structure."
            return lead, "mineraloid"
        return f"**Not a true mineral, a mineraloid**: {who} has no crystal structure (it is amorphous).", "mineraloid"
    if "organic" in kind.lower():
        if not mineral:  # a gem it is, though no mineral
            lead = f"**An organic gem**: {who} is counted among gems, but it was made by living things: no mineral."
            return lead, "organic gem"
        return f"**Not a mineral**: {who} is an organic gem, made by living things.", "organic gem"
    if (a_gem or real_gem) and not rock:  # "is amethyst a gem?", "are they gems?", "is amethyst a real gem?"
        if gem.met == "rarely":
            lead = f"**A collector's stone**: {who} is met mainly in collections, rarely in jewellery."
            return lead, "gem or mineral"
        made_of = "a rock" if re.search(r"\brock\b", gem.species) else "a mineral"  # lapis lazuli: a rock
        natural = "a natural gem" if real_gem else "a gem"
        return f"**Yes**: {who} is {natural}, and {made_of} ({gem.species}).", "gem or mineral"
    if not (mineral or rock):
        return "", ""
    if re.search(r"\brock\b", gem.species):  # lapis lazuli, maw-sit-sit, aventurine (quartzite)
        lead = f"**Not a mineral, a rock**: {who} is {gem.species}, grains of minerals grown or packed together."
        return lead.replace("Not a mineral, a rock", "Yes, a rock") if rock else lead, "rock"
    if system == "amorphous" or not gem.chemistry:  # chrysocolla: "amorphous to cryptocrystalline"
        return "", ""
    species = "" if gem.species == gem.name.lower() else f"{gem.species}, "
    lead = (
        f"**{'A' if which else 'Yes, a'} mineral**: {who} is a naturally occurring, inorganic solid with a set "
        f"chemistry ({species}{gem.chemistry}) and a crystal structure ({system})."
    )
    return lead, "gem or mineral"


def mineraloid_verdict(gem: GemFacts, who: str, kind: str) -> str:
    """Yes or no to "is opal a mineraloid?" of a natural gem, from its species and crystal system and the glossary's
    mineraloid entry (amorphous gems are; by many, amber and jet too; a crystalline one is a mineral or a rock)."""
    from gemlang.knowledge.glossary import terms_named

    if "organic" in kind.lower():
        entry = next((t.text for t in terms_named("mineraloid")), "")
        if re.search(rf"\b{re.escape(gem.name)}\b", entry, re.I):
            return f"**By many, yes**: {who} is an organic gem, made by living things, that many count as a mineraloid."
        return f"**An organic gem**: {who} was made by living things; my facts do not count it among mineraloids."
    system = gem.crystal_system.split(" ")[0]
    if NOT_CRYSTALLINE.search(kind) or system == "amorphous":
        return f"**Yes, a mineraloid**: {who} is natural but has no crystal structure (it is amorphous): no mineral."
    if re.search(r"\brock\b", gem.species):
        return f"**No, a rock**: {who} is {gem.species}, grains of minerals grown or packed together."
    return f"**No, a mineral**: {who} is crystalline ({system}), so a true mineral, not a mineraloid."


def crystal_verdict(gem: GemFacts, who: str) -> str:
    """Whether a gem is crystalline, from its crystal system and optic character: amorphous (opal, obsidian, glass,
    amber), an aggregate of many small crystals (chalcedony, jade, pearl), or one crystal of its system; a gem grown
    in a laboratory is a crystal as a mined one is."""
    system = gem.crystal_system.split(" ")[0]
    if not system or system == "amorphous" or NOT_CRYSTALLINE.search(f"{gem.species} {gem.group}"):
        return f"**No, not crystalline**: {who} is amorphous: its atoms have no orderly, repeating arrangement."
    if gem.optical_character.lower().startswith("aggregate"):
        return f"**Made of crystals, not one crystal**: {who} is an aggregate of many small {system} crystals."
    return f"**Yes, crystalline**: {who} is a crystal of the {system} system: its atoms repeat in an orderly lattice."


def crystal_kind(text: str, stone: GemFacts | None = None, likeliest: bool = False) -> str:
    """Yes or no to "is this a crystal?" of the stone in hand's likeliest gem (`stone`), or to "is opal crystalline?"
    of a gem named (`crystal_verdict`); '' for any other message, or no gem known to answer of."""
    from gemlang.knowledge import find_gem

    asked = CRYSTAL_ASKED.match(text or "")
    if not asked:
        return ""
    if THE_STONE_IN_HAND.fullmatch(asked["x"]):
        gem = stone
        who = (f"{stone.name}, the likeliest match for it," if likeliest else stone.name) if stone else ""
    else:
        gem = find_gem(asked["x"])
        who = gem.name if gem else ""
    return crystal_verdict(gem, who) if gem else ""


def kind_answer(text: str, stone_in_hand: bool = False) -> str:
    """Yes or no to "is X a Y?" of two gems, from the knowledge base's kinds and species; '' for any other
    message, or where either is no gem it knows ("is it a sapphire?" is about the stone in hand). A trade name
    is answered for the gem it really is (`trade_name_verdict`). "Is my diamond moissanite?" is answered so only with
    no stone in hand: with one, the photo's ranking of the two answers it."""
    from gemlang.knowledge import find_gem

    if verdict := trade_name_verdict(text):
        return verdict
    if SAME_CHEMISTRY.search(text or "") and (chemistry := chemistry_compared(gems_named_in(text))):
        return chemistry
    if SAME_MINERAL.search(text or "") and (species := species_compared(gems_named_in(text))):
        return species
    if natural := grown_natural_answer(text or ""):
        return natural
    if told := TELL_IF_IT_IS.match(text or ""):  # "how can I tell if my opal is plastic?": "is my opal plastic?"
        text = f"is my {told['x']} {told['y']}?"
    asked = IS_A_KIND.match(text or "") or IS_THE_MATERIAL.match(text or "")
    if asked and MORE_THAN.match(text):  # "is ruby harder than glass?" compares the two, asks no kind
        return ""
    if not asked:
        return another_gem_in_hand(text or "", stone_in_hand) or some_are_another(text or "")
    if THE_STONES_MEANT.fullmatch(asked.group("x")):
        return ""
    x, y = find_gem(asked.group("x")), find_gem(asked.group("y"))
    if x is None or y is None:
        return ""
    return two_gems_answer(x, y, asked.group("x"), asked.group("y"))


def another_gem_in_hand(text: str, stone_in_hand: bool = False) -> str:
    """ "Is my diamond moissanite?" answered as "is my diamond a moissanite?", and "is amethyst quartz?" as "is
    amethyst a quartz?": its words split where each side is a gem's whole name or alias; '' where no split is ("is
    my sapphire blue?", "is my ruby worth more than spinel?"), for "my" with a stone in hand (the photo's ranking
    answers it), and for a gem named for a colour that is no kind of the other ("is topaz aqua?": a colour asked)."""
    asked = ONE_GEM_AS_ANOTHER.match(text)
    if asked is None or (asked["my"] and stone_in_hand):
        return ""
    words = asked["words"].split()
    for cut in range(1, len(words)):
        said_x, said_y = " ".join(words[:cut]), " ".join(words[cut:])
        x, y = gem_called(said_x), gem_called(said_y)
        if x is None or y is None or x.name == y.name:
            continue
        if asked["my"]:
            return two_gems_answer(x, y, f"{asked['my']} {said_x}", said_y)
        return "" if colour_asked(said_y, x, y) else two_gems_answer(x, y)
    return ""


def gem_called(words: str) -> GemFacts | None:
    """The gem `words` name whole, by a name or alias, singular or plural ("rubies", "amethysts"); None for words
    that are only part of a name, or none."""
    singulars = (words, re.sub(r"ies$", "y", words), re.sub(r"es$", "", words), re.sub(r"s$", "", words))
    return next((gem for said in dict.fromkeys(singulars) if (gem := facts_of(said)) is not None), None)


def colour_asked(said: str, x: GemFacts, y: GemFacts) -> bool:
    """Whether `said`, the name of gem `y` asked of gem `x`, asks a colour: a name that is also a colour word
    ("aqua", "emerald") for a gem that is no kind of `x`, nor `x` of it, nor of its mineral."""
    related = may_be(x, y) or may_be(y, x) or x.species == y.species
    return main_colour(said) is not None and not related


def some_are_another(text: str) -> str:
    """ "Can sapphire be padparadscha?", "can quartz be amethyst?": yes where one gem is a kind of the other, with the
    colours the kind comes in (a variety is mostly told by its colour); '' for a message asking no such thing, of a
    gem it does not know, or a colour asked with a gem's name ("can topaz be aqua?")."""
    asked = MAY_BE_ANOTHER.match(text)
    x, y = (gem_called(asked["x"]), gem_called(asked["y"])) if asked else (None, None)
    if x is None or y is None or x.name == y.name or colour_asked(asked["y"], x, y):
        return ""
    if may_be(x, y):
        colours = follow_up_colours(y)
        return f"**Yes**: some {lower_name(x)} is {lower_name(y)}, one kind of it. {colours}".strip()
    return two_gems_answer(x, y)


def two_gems_answer(x: GemFacts, y: GemFacts, said_x: str = "", said_y: str = "", different: bool = False) -> str:
    """Yes or no to "is X a Y?" of two gems, or with `different` to "are X and Y different?" (a second stone
    answered another gem: "are they the same stone?"), its yes and no the other way round. `said_x`, `said_y`: how
    the message named them ("a lab diamond", "a fake diamond"), the gems' names if not given."""
    if not (said_x or said_y) and (twins := natural_and_grown(x, y)):  # two stones answered: no name said
        return one_mineral_two_gems(*twins, different)
    material_asked = bool(said_y) and not different  # "is amber plastic?", not two stones answered
    said_x, said_y = said_x or x.name, said_y or y.name
    yes, no = ("**No**", "**Yes**") if different else ("**Yes**", "**No**")
    grown = [said for said in (said_x, said_y) if LAB_GROWN.search(said)]
    if len(grown) == 1 and x.species == y.species:  # "is a lab-grown diamond a real diamond?"
        return grown_yet_the_gem(grown[0], x)
    if FAKE_SAID.search(said_y) and (grown or LAB_SAID.search(said_x)) and x.species == y.species:
        return grown_not_a_fake(said_x, y, no)  # "is a lab diamond a fake diamond?"
    simulant_of_y = x.name != y.name and any(x.name.split(" (")[0].lower() in s.lower() for s in y.simulants)
    imitates = gem_sold_as(x).name == y.name or simulant_of_y  # glass and white sapphire are sold as diamond too
    if FAKE_SAID.search(said_y) and imitates and x.name != y.name:
        return not_a_fake_in_itself(x, y)
    if x.name == y.name:
        return f"{yes}: {said_x} and {said_y} are names for the same gem, {x.name}."
    if kind_of(x, y):  # "is amethyst quartz?": yes, and what tells that kind, mostly its colours
        every = f"{x.name} is one kind of {lower_name(y)}: every {lower_name(x)} is {lower_name(y)}"
        return f"{yes}: {every}. {follow_up_colours(x)}".strip()
    if kind_of(y, x):  # "is quartz citrine?": some is
        some = f"some {lower_name(x)} is {lower_name(y)}, one kind of it among others"
        return f"**Not every one**: {some}. {follow_up_colours(y)}".strip()
    if not different and (twins := natural_and_grown(x, y)) and twins[0] == x:  # "a hydrothermal emerald?"
        if not STONE_IN_HAND.match(said_x):  # "is emerald a hydrothermal emerald?": no, a lab-grown one
            return one_mineral_two_gems(x, y)
        told = told_from_lab_grown(x)  # "is my emerald a hydrothermal emerald?": of a stone not seen
        grown = grown_called(y)
        # what the lab-grown stone asked of shows: "a Verneuil ruby" its curved striae and its gas bubbles
        signs = [SIGN_END.split(in_sentence(sign))[0] for sign in telltales(y)[:2]]
        shows = f" {grown[0].upper()}{grown[1:]} shows {' and '.join(signs)}." if len(signs) == 2 else ""
        return (
            f"**{grown[0].upper()}{grown[1:]}, not natural {lower_name(x)}?** {grown[0].upper()}{grown[1:]} is "
            f"lab-grown {lower_name(x)}, made in a laboratory. {UNSHOWN}. {told[0].upper()}{told[1:]}{shows}"
        )
    mineral = {re.sub(r"\s*\([^)]*\)", "", g.species) for g in (x, y)}  # jasper's "quartz (microcrystalline)"
    if x.species and len(mineral) == 1:  # ruby and sapphire, jasper and smoky quartz: one mineral, two gems
        told = tell_apart(x.name, y.name)
        if " are both " in told:  # "Ruby and Sapphire are both corundum with the same constants"
            return f"{no}: {told}"
        kinds = [re.sub(r"(\w+) \(([^)]*)\)", r"\2 \1", g.species) for g in (x, y)]  # "microcrystalline quartz"
        named = [g.name if x.species == y.species else f"{g.name} ({k})" for g, k in zip((x, y), kinds, strict=True)]
        return f"{no}: {named[0]} and {named[1]} are both {mineral.pop()}, but different varieties of it. {told}"
    named = [g.name if g.species in ("", g.name.lower()) else f"{g.name} ({g.species})" for g in (x, y)]
    made = y.species.split(" (")[0]  # "is amber plastic?": plastic is no gem, but one of amber's imitations
    simulant_asked = material_asked and y.origin == "simulant" and x.origin == "natural"
    if simulant_asked and re.search(rf"\b{re.escape(made)}\b", x.species):
        return f"**A natural {made}**: {x.name} is {x.species}, not the man-made {made} of imitations."  # moldavite
    imitates = simulant_asked and any(made in s.lower() for s in x.simulants)  # one of x's listed imitations
    if STONE_IN_HAND.match(said_x):  # "is my opal plastic?", "is my ruby a spinel?": of a stone not seen
        return not_shown_to_be(x, y, made if simulant_asked else lower_name(y), imitates)
    if simulant_asked:
        said = f"{no}: {x.name} is not {made}" + (", which is one of its imitations." if imitates else ".")
        return f"{said} {tell_apart(x.name, y.name)}"
    return f"{no}: {named[0]} and {named[1]} are different gems. {tell_apart(x.name, y.name)}"


def not_shown_to_be(x: GemFacts, y: GemFacts, made: str, imitates: bool) -> str:
    """ "Is my opal plastic?": whether a stone sold as `x` is `y` (`made`: "plastic") instead, which nothing told
    settles and a photo would not either; then how the two are told apart, and a man-made material's signs ("warm to
    the touch"). `imitates`: `y` is one of the imitations listed for `x`."""
    called = made[:1].upper() + made[1:]
    listed = f" {called} is one of {lower_name(x)}'s imitations." if imitates else ""
    signs = f"\n\n{how_to_test(y)}" if y.origin == "simulant" else ""
    return f"**{called}, not {lower_name(x)}?** {UNSHOWN}.{listed} {tell_apart(x.name, y.name)}{signs}"


def natural_and_grown(x: GemFacts, y: GemFacts) -> tuple[GemFacts, GemFacts] | None:
    """(natural, lab-grown) when one of two gems is a lab-grown twin of the other (ruby and synthetic ruby, blue
    sapphire and flux-grown sapphire); else None."""
    natural, grown = (x, y) if y.origin == "synthetic" else (y, x)
    if natural.origin != "natural" or grown.origin != "synthetic" or natural.species != grown.species:
        return None
    twin = gem_sold_as(grown)
    return (natural, grown) if twin.name == natural.name or kind_of(natural, twin) else None


def grown_called(grown: GemFacts) -> str:
    """A lab-grown gem's name in a sentence: "flux-grown ruby", "hydrothermal emerald"."""
    return re.sub(r"\b[A-Z][a-z]+-[A-Z][a-z]+\b", lambda m: m[0].lower(), name_in_sentence(grown.name))  # Flux-Grown


def one_mineral_two_gems(natural: GemFacts, grown: GemFacts, different: bool = False) -> str:
    """ "Are they the same stone?" of a natural stone and a lab-grown one of the same gem: one mineral, but two gems
    to a buyer, yes or no as asked."""
    lead, made = "**Yes, as gems**" if different else "**No, not as gems**", grown_called(grown)
    return (
        f"{lead}: both are {species_word(natural)}, with the same constants, but one is {made}, made in a "
        f"laboratory, and the other natural {lower_name(gem_sold_as(grown))}, grown in the earth, so to a buyer they "
        f"are different gems. {SOLD_AS_GROWN}"
    )


def treated_yet_the_gem(text: str) -> tuple[str, str]:
    """ "Is lead glass filled ruby a real ruby?": the gem, treated, and how the treatment shows, not one more name
    for the same gem; with the note of the signs' sources. ('', '') unless "is X a Y?" or "is X natural?" names
    one natural gem and only X names a recorded treatment of it."""
    from gemlang.knowledge import find_gem

    asked = IS_A_KIND.match(text or "") or GROWN_NATURAL.match(text or "")  # "is heated ruby natural?" too
    gem = find_gem(asked.group("x")) if asked else None
    said, other = (asked.group("x"), asked.group("y") or "") if asked else ("", "")
    if gem is None or gem.origin != "natural" or (other and find_gem(other) != gem):
        return "", ""
    # a treatment word said ("heated", "filled"), not a name that also names a treated material ("blue topaz")
    named = treatments_named(said, gem) if TREATMENT_QUESTION.search(said) else ()
    signs = [s for s in named if s not in treatments_named(other, gem)]
    if not signs:
        return "", ""
    article = "an" if said[:1].lower() in "aeiou" else "a"
    natural = "natural " if "natural" in asked.groupdict() and asked.group("natural") else ""
    return (
        f"**{gem.name}, treated**: {article} {said} is {natural}{lower_name(gem)} with a treatment "
        f"({signs[0].treatment}), "
        "which must be disclosed when it is not permanent, needs special care, or significantly affects value (US "
        f"Federal Trade Commission, Jewelry Guides).\n\n{detection_text(gem, signs[0], told=True)}"
    ).strip(), sources_note(signs[:1])


def not_a_fake_in_itself(x: GemFacts, y: GemFacts) -> str:
    """ "Is moissanite a fake diamond?", "is cubic zirconia real?": a material of its own, a fake only when sold
    as the gem it looks like, and how the two are told apart."""
    made = {"synthetic": "a lab-grown material", "composite": "an assembled stone"}.get(x.origin, "a material")
    made = f"a gem of its own that looks like {lower_name(y)}" if x.origin == "natural" else (
        f"{made} of its own, used to imitate {lower_name(y)}")  # fmt: skip
    return (
        f"**It is not {lower_name(y)}, but not a fake in itself**: {x.name} is {made}. Sold as "
        f"{lower_name(x)} it is what it says; sold as {lower_name(y)} it is a fake (US Federal Trade "
        f"Commission, Jewelry Guides). {tell_apart(x.name, y.name)}"
    )


def grown_not_a_fake(said: str, gem: GemFacts, no: str = "**No**") -> str:
    """ "Is a lab diamond a fake diamond?", "is a lab-created diamond fake?": no, the gem itself, grown in a lab."""
    said = re.sub(r"(?<=[a-rt-z])s$", "", said)  # "are lab diamonds fake?": a lab diamond is
    return (
        f"{no}: a {said} is {species_word(gem)} itself, not an imitation: the same material, grown in "
        'a laboratory. It must be sold as "laboratory-grown" or "synthetic" (US Federal Trade Commission, Jewelry '
        "Guides) and is valued differently; sold as natural it would be a fake."
    )


def grown_yet_the_gem(said: str, gem: GemFacts) -> str:
    """ "Is a lab-grown diamond a real diamond?": the same material, but made in a laboratory and sold as such."""
    said = re.sub(r"(?<=[a-rt-z])s$", "", re.sub(r"ies$", "y", said))  # "are lab-grown diamonds (rubies) real?"
    return (
        f"**Yes and no**: a {said} is {species_word(gem)}, with the same constants as a natural one, but it was "
        f"made in a laboratory, not grown in the earth. {SOLD_AS_GROWN}"
    )


SOLD_AS_GROWN = (
    'It may be sold under the gem\'s name only with "laboratory-grown", "laboratory-created" or "synthetic" before it '
    "(US Federal Trade Commission, Jewelry Guides), and it is valued differently; telling it from a natural stone may "
    "take a gem laboratory."
)


def grown_natural_answer(text: str) -> str:
    """Whether a lab-grown gem is natural: plainly no, with how it is told from a natural stone; whether it is
    real: yes and no (`grown_yet_the_gem`); '' for any other message, or where the gem has no lab-grown twin."""
    from gemlang.knowledge import find_gem

    asked = GROWN_NATURAL.match(text)
    if not asked or (gem := find_gem(asked.group("x"))) is None:
        return ""
    natural = gem_sold_as(gem)
    # "is cubic zirconia real?", "is moissanite natural?": an imitation asked of alone is no lab-grown gem
    # "is Slocum stone real opal?" too: the gem it imitates named
    imitated = not asked.group("y") or find_gem(asked.group("y")) == natural
    if gem.origin in ("simulant", "composite") and imitated and natural.name != gem.name:
        # "is moissanite natural?": what its facts say of it in nature (rare, so grown), before what it imitates
        rare = rarity_said(gem) if asked.group("natural") else ""
        return (f"**In nature**: {rare}\n\n" if rare else "") + not_a_fake_in_itself(gem, natural)
    lab = LAB_GROWN.search(asked.group("x")) or LAB_SAID.search(asked.group("x"))  # "are lab diamonds real?"
    if not (lab or gem.origin == "synthetic"):  # "is Gilson opal natural?" too
        return ""
    # "is lab-grown ruby a real gem?": the gem it is, asked to be real
    y = asked.group("y") and not MATERIAL_KIND.fullmatch(asked.group("y"))
    other = find_gem(asked.group("y")) if y else natural
    if other is None or other.species != natural.species or not (told := told_from_lab_grown(natural)):
        return ""
    if asked.group("fake"):  # "is a lab-created diamond fake?"
        return grown_not_a_fake(asked.group("x"), natural)
    if not asked.group("natural"):
        return grown_yet_the_gem(asked.group("x"), natural)
    name = lower_name(natural)
    return (
        f"**No**: lab-grown {name} is made in a laboratory, not grown in the earth, so it is not natural {name}. "
        f"{told[0].upper()}{told[1:]}"
    )


def _species_with_kinds(species: str, gems: list[str]) -> str:
    """'Corundum (Ruby, Sapphire Blue)', 'Andradite (also Demantoid)', or the one gem's name."""
    if len(gems) == 1:
        return gems[0]
    others = sorted(g for g in gems if g.lower() != species)
    return f"{species.capitalize()} ({'also ' if len(others) < len(gems) else ''}{', '.join(others)})"


def shown_list_answer(text: str) -> str:
    """The gems whose facts name the phenomenon or inclusion a question asks about (the loupe signs of
    `gemlang.fusion.evidence.OBSERVED`), natural ones first, one per species; '' if none is asked."""
    from gemlang.fusion.evidence import OBSERVED
    from gemlang.readings import AGAINST_ONLY

    m = SHOWN_LIST_QUESTION.search(text or "")
    shown = {s: pattern for s, (pattern, _) in OBSERVED.items() if s not in AGAINST_ONLY}  # what a gem shows
    what = "" if m is None else "colour change" if m["changes"] else m["what"].lower()
    sign = next((s for s, pattern in shown.items() if re.search(pattern, what)), None) if what else None
    if sign is None:
        return ""
    names, grown = gems_showing(sign)
    if not names and not grown:
        return f"None of the gems I know is said to show {sign}."
    listed = some_of(names, LISTED, sep="; ")
    reply = f"**Natural gems whose facts name {sign}** ({len(names)} species): {listed}." if names else (
        f"No natural gem I know is said to show {sign}.")  # fmt: skip
    if grown:
        reply += f" Lab-grown stones and imitations: {some_of(sorted(grown), LISTED)}."
    return reply


def gems_showing(sign: str) -> tuple[list[str], list[str]]:
    """The natural species whose facts name a sign of `OBSERVED` ("Quartz (Quartz Rutilated, Tigers Eye)"), in
    alphabetical order, and the lab-grown stones and imitations that do."""
    from gemlang.fusion.evidence import OBSERVED
    from gemlang.knowledge.knowledge_base import all_gems
    from gemlang.readings import LUSTRES

    natural: dict[str, list[str]] = {}  # species -> its gems: star sapphire is named beside star ruby
    grown: list[str] = []
    for g in all_gems():
        # a lustre is what its facts' lustre names ("metallic"), not a feature's word ("metallic platelets")
        if re.search(OBSERVED[sign][0], profile(g).lustre if sign in LUSTRES else profile(g).features):
            if g.origin == "natural":
                natural.setdefault(species_word(g).lower(), []).append(g.name)
            else:
                grown.append(g.name)
    return sorted((_species_with_kinds(species, gems) for species, gems in natural.items()), key=str.lower), grown


CATS_EYE = "a cat's eye (chatoyancy)"  # its sign in `OBSERVED`


def every_cats_eye_answer(text: str) -> tuple[str, list[str]]:
    """Whether every cat's eye is chrysoberyl: the effect shows in many gems, while the trade's "cat's-eye" alone
    means chrysoberyl's; with the sources of both. ('', []) for any other message."""
    if not EVERY_CATS_EYE.search(text or ""):
        return "", []
    from gemlang.knowledge.glossary import term_called
    from gemlang.knowledge.knowledge_base import trade_name_in

    names, _ = gems_showing(CATS_EYE)
    effect = term_called("chatoyancy")
    trade = trade_name_in("cat's-eye quartz")  # the note that names chrysoberyl's as the true cat's-eye
    reply = (
        f"**No**: a cat's eye is an effect, not a gem. {effect.text} Natural gems whose facts name it: "
        f'{some_of(names, LISTED, sep="; ")}. In the trade, though, "cat\'s-eye" alone means chrysoberyl '
        "cat's-eye, and another gem's is named with its gem (\"quartz cat's-eye\")."
    )
    return reply, [effect.source] + ([trade.source] if trade else [])


SAID_OF_CUTTING = re.compile(r"\bcutters?\b(?! in\b)|\borient|\bc-axis\b[^.]*\btable\b|\bthrough the table\b", re.I)
SAID_OF_CUT_STYLE = re.compile(
    r"\bcabochons?\b|\bfaceted\b|\bto facet\b|\bcarv(?:ed|ings?)\b|\bcut (?:as|into)\b", re.I
)
# the effects a cabochon's dome shows and a faceted cut would not (the glossary's "cabochon")
SHOWN_BY_A_DOME = (
    (r"\bstar\b|asteris", "a star"),
    (r"cat'?s[- ]eye|chatoyan", "a cat's eye"),
    (r"adularescen|play of colou?r|labradorescen|iridescen|schiller", "a sheen or play of colour"),
)


def _facts_of_cutting(gem: GemFacts, said_of: re.Pattern[str]) -> list[str]:
    own = [*sentences(gem.description), *sentences(gem.phenomena), *sentences(gem.uses)]
    return [x.rstrip(".") + "." for x in dict.fromkeys(own) if said_of.search(x) and "pearl" not in x.lower()]


def cut_that_suits(gem: GemFacts, asked: str = "") -> tuple[str, list[str]]:
    """Which cut suits `gem`: what its facts say of how it is cut, then the rule of the glossary's cabochon and
    faceting (opaque or phenomenal stones domed, clear transparent ones faceted), with the rule's sources. `asked`:
    the question, which may name the effect ("how is star sapphire cut?")."""
    from gemlang.knowledge.glossary import term_called

    kinds = kinds_of(gem)  # star sapphire's star is sapphire's too
    own = " ".join([*sentences(gem.phenomena), *gem.diagnostic_features, *sentences(gem.description)])
    own += " ".join([*(sentences(k.phenomena)[0] for k in kinds if k.phenomena), asked])
    shown = [effect for named, effect in SHOWN_BY_A_DOME if re.search(named, own, re.I)]
    if gem.diaphaneity == "opaque":
        rule = f"My facts call {lower_name(gem)} opaque, and opaque stones are cut as cabochons, beads or carvings."
    elif shown:
        rule = (
            f"Stones of it showing {' or '.join(shown)} are cut as cabochons, whose dome shows the effect a faceted "
            "cut would not; clear transparent material is faceted."
        )
    else:
        rule = (
            "Clear transparent material is usually faceted; included, translucent or opaque material is cut as "
            "cabochons, beads or carvings."
        )
    said = " ".join(_facts_of_cutting(gem, SAID_OF_CUT_STYLE))
    terms = [term_called("cabochon"), term_called("faceting")]
    return f"{said} {rule}".strip(), [t.source for t in terms if t is not None]


# the glossary's "faceting angles": pavilion mains at 42° for almost every material, 43° for an RI under 1.6 (against a
# window), 41° for a very high RI (around 2)
LOW_RI_BELOW, VERY_HIGH_RI_FROM = 1.6, 1.9
ANGLES_ASKED = re.compile(r"\bangles?\b", re.I)


def pavilion_angle(gem: GemFacts) -> str:
    """The pavilion main angle the faceting angles entry gives a gem of its RI ("43°: its RI, 1.544–1.553, is under
    1.6, and a low-RI gem is cut a little steeper to keep it from windowing"); '' where its RI is not known."""
    if gem.refractive_index is None:
        return ""
    low, high = sorted(gem.refractive_index)
    ri = gem.format("refractive_index")
    if high < LOW_RI_BELOW:
        return (
            f"Pavilion mains at 43°: its RI, {ri}, is under 1.6, and a low-RI gem is cut a little steeper to keep it "
            "from windowing."
        )
    if low >= VERY_HIGH_RI_FROM:
        return (
            f"Pavilion mains at 41°: its RI, {ri}, is very high, and 41° may be used for a gem of RI around 2 or above."
        )
    return f"Pavilion mains at 42°, the angle that gives almost every material its greatest brilliance (its RI: {ri})."


def cutting_answer(text: str, gem: GemFacts) -> tuple[str, list[str]]:
    """How cutters orient `gem`, from its sourced facts, for a cutter's question, which cut suits it ("can I
    facet it?") and which compound polishes it ("is cerium oxide good for tourmaline?"), with the sources of the
    rule it follows; that its facts do not cover how to orient it when none says; ('', []) for any other
    question. No price: whether cutting pays is a value question."""
    if POLISH_ASKED.search(text or ""):  # "what polish should I use for sapphire?": the compound, as sources list it
        said, sources = polish_answer(gem, text)
        return f"**Polishing {gem.name}**: {said}", sources
    orienting, styled = CUTTING_ASKED.search(text or ""), CUT_STYLE_ASKED.search(text or "")
    if not orienting and not styled:
        return "", []
    said = _facts_of_cutting(gem, SAID_OF_CUTTING)
    if ANGLES_ASKED.search(text) and (angle := pavilion_angle(gem)):  # "what pavilion angle for quartz?"
        from gemlang.knowledge.glossary import term_called

        return f"**Cutting {gem.name}**: {angle} {' '.join(said)}".strip(), [term_called("faceting angles").source]
    if orienting and said:
        return f"**Cutting {gem.name}**: {' '.join(said)} My facts give no cutting angles or other cutting steps.", []
    suits, sources = cut_that_suits(gem, text)
    if orienting:
        return (
            f"My facts on {gem.name} do not cover how to cut it (its orientation, angles or preparation of the "
            f"rough). Which cut suits it: {suits}",
            sources,
        )
    price = f"I do not price stones or rough: {WHAT_VALUE_RESTS_ON}. " if WORTH_SAID.search(text) else ""
    said = [x for x in said if x not in suits]  # a sentence of both its cut and its cutting ("… on a cabochon")
    return f"**Cutting {gem.name}**: {price}{suits} {' '.join(said)}".strip(), sources
