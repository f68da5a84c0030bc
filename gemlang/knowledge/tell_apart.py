"""How to tell two gems apart, advised the way a gemmologist works: non-destructive tests first.

    tell_apart(get_facts("Sapphire Blue"), get_facts("Tanzanite"))
    -> "To tell Sapphire Blue from Tanzanite: refractive index (refractometer): Sapphire Blue 1.762–1.770,
        Tanzanite 1.691–1.700; specific gravity (...): ...; ..."

The tests come in the order of `gemlang.knowledge.instruments.TESTS`: refractometer, birefringence,
hydrostatic balance, loupe, polariscope, optic sign, conoscope figure, dichroscope, UV lamp, Chelsea filter.
A scratch test separates many pairs too, but it damages a cut stone, so it is offered only for rough
material, with that warning.
When no instrument separates two gems (ruby and pink sapphire, a natural stone and its lab-grown twin)
the advice says what does: colour, inclusions under magnification, or a laboratory.

`lookalikes` lists the synthetics and imitations a photo cannot exclude for a gem, and
`confirming_test` the test that would expose one of them.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import replace
from functools import lru_cache

from gemlang.knowledge.colours import listed_in, main_colour
from gemlang.knowledge.facts import GemFacts, format_range
from gemlang.knowledge.instruments import TESTS, Test, profile, separates, value_text
from gemlang.knowledge.knowledge_base import all_gems, normalise_name
from gemlang.knowledge.scratch import DAMAGE_WARNING
from gemlang.patterns import compiled
from gemlang.readings import REFRACTOMETER_LIMIT

MAX_TESTS = 3  # a short answer: the three most telling non-destructive tests


def separating_tests(a: GemFacts, b: GemFacts) -> list[Test]:
    """The tests that tell `a` from `b` reliably, non-destructive ones first. A lab-grown stone's pleochroism is
    that of its species' other stones, natural or grown (the same material in the same colour), whatever the
    entries' words say of its strength; its RI and SG may differ (flux-grown emerald, flame-fusion spinel)."""
    pa, pb = profile(a), profile(b)
    twins = a.species == b.species and "synthetic" in (a.origin, b.origin)
    return [t for t in TESTS if separates(t, pa, pb) and not (twins and t.key == "pleochroism")]


def values_read(test: Test, a: GemFacts, b: GemFacts) -> str:
    """What `test` reads on each gem: "Ruby 1.762–1.770, Spinel 1.712–1.720"."""
    return f"{a.name} {value_text(profile(a), a, test.key)}, {b.name} {value_text(profile(b), b, test.key)}"


# a series of minerals ("pyrope–almandine") or a choice of two ("jadeite or nephrite") a gem's species names
SPAN = r"\b[\w-]+(?:–[\w-]+)+|\b[\w-]+ or [\w-]+"


def kind_of(narrow: GemFacts, broad: GemFacts) -> bool:
    """Whether `narrow` is one kind of `broad` (ruby of corundum, emerald of beryl, dravite of tourmaline); a
    lab-grown stone is not a kind of the natural gem: what tells them apart is how they grew."""
    # its species, group or variety ("blue sapphire" is a kind of Sapphire), not what a parenthesis adds
    if re.search(r"\brock\b", narrow.species, re.I):  # maw-sit-sit, lapis lazuli: rocks, no kind of a mineral
        return False
    # its group counts only when `broad` is that group (elbaite is a tourmaline), not one mineral named after it
    # (lapis lazuli, a rock of the sodalite group, is no kind of sodalite)
    group = narrow.group if "group" in broad.species.lower() else ""
    within = re.sub(r"\([^)]*\)", "", f"{narrow.species} {group} {narrow.variety}").lower()
    # a name for either of two minerals or for what lies between them (jade: jadeite or nephrite; rhodolite:
    # pyrope–almandine garnet) is no kind of either, though it is a kind of what both are (a garnet)
    within = re.sub(SPAN, " ", within)
    named = compiled(rf"\b{re.escape(broad.name.lower())}\b").search(within) is not None
    return named and narrow.name != broad.name and narrow.origin == broad.origin


def kinds_of(broad: GemFacts) -> list[GemFacts]:
    """The gems that are one kind of `broad` (`kind_of`): corundum's ruby and sapphires, quartz's amethyst."""
    return [gem for gem in all_gems() if kind_of(gem, broad)]


def may_be(broad: GemFacts, narrow: GemFacts) -> bool:
    """Whether a stone that is `broad` may be `narrow`: `broad` is the class `narrow` is one kind of (tourmaline
    of schorl), or a series or choice of minerals that holds it (Garnet Red, the pyrope–almandine garnets, of
    pyrope; jade of jadeite)."""
    if broad.name == narrow.name or broad.origin != narrow.origin:
        return False
    if kind_of(narrow, broad):
        return True
    spans = re.findall(SPAN, re.sub(r"[()]", " ", broad.species.lower()))
    name = re.escape(narrow.name.lower())
    return any(re.search(rf"\b{name}\b", span) for span in spans)


def of_its_family(gem: GemFacts, family: GemFacts, called: str = "") -> bool:
    """Whether `gem`'s species names `family` as the form of its mineral it is ("quartz (chalcedony)": blue lace
    agate and carnelian are chalcedony), which `kind_of` leaves out of the kinds of the mineral itself; or, with
    the bare name a message `called` the family by (`family_called`), whether `gem` is named with it too."""
    if gem.origin != family.origin or gem.name == family.name:
        return False
    if re.search(rf"\(\s*{re.escape(family.name.lower())}\s*\)", gem.species.lower()):
        return True
    word = re.escape(called.lower())
    return bool(called) and gem.species == family.species and bool(re.search(rf"\b{word}\b", gem.name.lower()))


def family_called(gem: GemFacts, text: str) -> str:
    """The one-word alias `text` calls `gem` by without any longer name of it: a bare "onyx", which the knowledge
    base gives Onyx Black, names every onyx (Onyx Red, Onyx Green), while "black onyx" names the one."""
    key = normalise_name(text)
    names = [normalise_name(n) for n in (gem.name, *gem.aliases)]
    for word in (n for n in names[1:] if " " not in n and re.search(rf"\b{n}\b", key)):
        if not any(re.search(rf"\b{n}\b", key) for n in names if n != word):
            return word
    return ""


def tell_apart(a: GemFacts, b: GemFacts, rough: bool = False) -> str:
    """Advice in one paragraph: the tests that separate two gems, with both gems' values."""
    tests = separating_tests(a, b)
    if (kind_of(a, b) or kind_of(b, a)) and all(t.destructive for t in tests):
        narrow, broad = (a, b) if kind_of(a, b) else (b, a)  # "ruby vs corundum": a gem and its own kind
        colours = ", ".join(c.lower() for c in narrow.colours[:3])
        what = f"its colour ({colours}) and, where that is not enough, a gem laboratory" if colours else "a laboratory"
        if broad.kinds:  # jade: jadeite or nephrite, which the refractometer and the balance tell apart
            kinds = "; ".join(
                f"{k.name} RI {format_range(k.refractive_index, 3)}, SG {format_range(k.specific_gravity, 2)}"
                for k in broad.kinds
            )
            return (
                f"{narrow.name} is one of the kinds of {broad.name.lower()}, and the refractive index and specific "
                f"gravity tell which kind a stone is ({kinds})."
            )
        if phenomenon := DEFINING_PHENOMENON.match(narrow.phenomena):  # cat's-eye, colour change: not a colour
            what = f"its {phenomenon.group(1)}. {narrow.phenomena.split('. ')[0].removesuffix('.')}"
            others = [s for s in narrow.simulants if not (MADE_THING.search(s) or MADE_WORDS.search(s.lower()))]
            if others and broad.refractive_index and broad.specific_gravity:
                what += (
                    f". Other gems show it too ({', '.join(o.lower() for o in others)}): {broad.name.lower()}'s RI "
                    f"{broad.format('refractive_index')} and SG {broad.format('specific_gravity')} confirm it"
                )
        return (
            f"{narrow.name} is one kind of {broad.name.lower()}: every {narrow.name.lower()} is "
            f"{broad.name.lower()}. What sets {narrow.name} apart from other {broad.name.lower()} is {what}."
        )
    gentle = [t for t in tests if not t.destructive][:MAX_TESTS]
    scratch = next((t for t in tests if t.destructive), None)
    parts = [f"{t.name} ({t.instrument}): {values_read(t, a, b)}" for t in gentle]
    # an assembled stone shows itself first: its join seen from the side (a garnet top's red ring, table down)
    assembled = [f"{g.name}: {in_sentence(sign)}" for g in (a, b) if g.origin == "composite" and (sign := telltale(g))]
    if assembled:
        parts.insert(0, f"the join, seen from the side with a loupe ({'; '.join(assembled)})")
        scratch = None  # an assembled stone is never rough
    text = f"To tell {a.name} from {b.name}: " + "; ".join(parts) + "." if parts else ""
    if scratch is not None:
        mohs = f"(Mohs: {values_read(scratch, a, b)})"
        if not parts:  # only hardness differs: what a loupe or a laboratory sees first, the scratch test last
            return f"{_no_instrument(a, b)} A scratch test separates them {mohs}, {DAMAGE_WARNING}."
        if rough:
            text += f" A scratch test also separates them {mohs}, {DAMAGE_WARNING}."
        else:
            text += f" On rough material a scratch test also separates them {mohs}; {DAMAGE_WARNING}."
    return text.strip() or _no_instrument(a, b)


TREATED_WORDS = r"heated|heat[- ]treated|burnt|burned|treated|irradiated"


def treated_into(text: str, a: GemFacts, b: GemFacts) -> str:
    """For "natural citrine or heated amethyst?": most citrine is amethyst heated into it, so the colour cannot
    tell them apart; what a gemmologist looks at instead, from the gem's facts. '' when the message names no gem
    treated into the other."""
    for gem, source in ((a, b), (b, a)):
        made = next((t for t in gem.treatments if re.search(rf"\bfrom {re.escape(source.name)}", t, re.I)), None)
        if made and re.search(rf"\b(?:{TREATED_WORDS})\s+{re.escape(source.name)}", text, re.I):
            signs = [f for f in gem.diagnostic_features if re.search(r"\bnatural\b|heated|treated", f, re.I)]
            how = f"; what hints at each: {'; '.join(in_sentence(f) for f in signs)}" if signs else ""
            much = "Most" if re.search(r"\bmost\b", made, re.I) else "Some"
            return (
                f"{much} {gem.name.lower()} is {source.name.lower()} treated into it, the same mineral, so the "
                f"constants cannot tell them apart{how}. Only a gem laboratory is sure."
            )
    return ""


def _no_instrument(a: GemFacts, b: GemFacts) -> str:
    """What separates two gems that share their constants: a bench test where one shows, else the loupe."""
    text = _no_refractometer(a, b)
    if kind_of(a, b) or kind_of(b, a):  # garnet red of garnet: one is a kind of the other, no test to make
        return text
    bench = bench_tests(a, b)
    return f"{text} A simple test at the bench helps ({'; '.join(bench)})." if bench else text


def _no_refractometer(a: GemFacts, b: GemFacts) -> str:
    """What a loupe, the colour or a laboratory tells of two gems that share their constants."""
    if a.origin != b.origin and "natural" in (a.origin, b.origin):
        natural, other = (a, b) if a.origin == "natural" else (b, a)
        clue = f" ({other.name}: {sign})" if (sign := telltale(other)) else ""
        if apart := just_apart(other, natural):  # flux emerald's RI and SG below the natural's
            return (
                f"{other.name}'s {apart}: a reading there points to {other.name}, but the ranges nearly touch, so "
                f"inclusions under magnification{clue} or a gem laboratory decide."
            )
        if all(g.refractive_index and g.refractive_index[0] > REFRACTOMETER_LIMIT for g in (a, b)):
            constants = "both read over the refractometer's limit, and their SGs overlap"  # zircon, synthetic rutile
        else:
            constants = "have constants too close for a refractometer or balance to separate them reliably"
        return (
            f"{natural.name} and {other.name} {constants}: inclusions under magnification{clue} or a gem laboratory "
            "decide."
        )
    colours = lambda g: ", ".join(c.lower() for c in g.colours[:2]) or "its colour"  # noqa: E731
    if a.species and a.species == b.species and colours(a) != colours(b):  # else how they grew, not colour
        return (
            f"{a.name} and {b.name} are both {a.species} with the same constants; the colour tells them apart "
            f"({a.name}: {colours(a)}; {b.name}: {colours(b)})."
        )
    features = telling_signs(a, b)
    # ranges apart by less than an instrument resolves (spinel's SG 3.58-3.61, hydrogrossular's 3.36-3.55): a
    # careful reading well inside one range still decides, one at the gap does not
    near = next((f"{g.name}'s {apart}" for g, h in ((a, b), (b, a)) if (apart := just_apart(g, h))), "")
    if near:
        near = f"{near}: a careful reading well inside either range decides, one near the gap does not. "
    if features:
        return (
            f"{near}Their constants do not separate {a.name} and {b.name} reliably; look for the diagnostic "
            f"features under magnification ({'; '.join(features)})."
        )
    return f"{near}No simple test separates {a.name} and {b.name} reliably; a gem laboratory can."


def just_apart(a: GemFacts, b: GemFacts) -> str:
    """Where a's RI and SG lie wholly below or above b's, for two gems too close for a test to separate: "RI
    1.560–1.563 and SG 2.65–2.66 lie just below Emerald's (RI 1.565–1.599, SG 2.67–2.78)"; '' when they overlap."""
    said, sides = [], set()
    for field, label, decimals, near in (("refractive_index", "RI", 3, 0.02), ("specific_gravity", "SG", 2, 0.1)):
        mine, theirs = getattr(a, field), getattr(b, field)
        if not (mine and theirs) or (label == "RI" and min(mine[0], theirs[0]) > REFRACTOMETER_LIMIT):
            continue  # both over the refractometer's limit: no reading of either to compare
        gap = max(theirs[0] - mine[1], mine[0] - theirs[1])
        if 0 < gap <= near:  # apart, but closer than a reading to the gap could tell (not rutile's 2.6 and 1.9)
            sides.add("below" if mine[1] < theirs[0] else "above")
            said.append((f"{label} {format_range(mine, decimals)}", f"{label} {format_range(theirs, decimals)}"))
    if not said or len(sides) > 1:
        return ""
    lie = "lie" if len(said) > 1 else "lies"
    return f"{' and '.join(m for m, _ in said)} {lie} just {sides.pop()} {b.name}'s ({', '.join(t for _, t in said)})"


def lookalikes(gem: GemFacts, every: list[GemFacts]) -> list[GemFacts]:
    """Lab-grown twins (same species) and the imitations the knowledge base knows that imitate `gem`, lab-grown
    stones of another species its look-alikes name among them."""
    if gem.origin != "natural":
        return []
    out = [g for g in every if g.origin == "synthetic" and g.species == gem.species]
    named = " ".join(gem.simulants).lower()
    out += [g for g in every if g.origin in ("simulant", "composite") and g.name.split(" (")[0].lower() in named]
    # a lab-grown stone of another species it is made to imitate ("synthetic colour-change sapphire" of alexandrite)
    out += [g for g in named_lookalikes(gem, every) if g.origin == "synthetic"]
    if any("glass" in s.lower() for s in gem.simulants):
        out += [g for g in every if g.name == "Glass (Paste)"]
    return list(dict.fromkeys(out))


# a variety known by a phenomenon: "Its cat's-eye is light reflected ...", "Its colour change, ..."
DEFINING_PHENOMENON = re.compile(r"^Its (cat's-eye|colour change|adularescence|labradorescence|chatoyancy|asterism)")
MADE_WORDS = re.compile(r"\b(?:synthetic|lab(?:oratory)? (?:grown|created)|man made)\b")
# A phrase naming an assembled or imitation material: 'Glass-and-quartz triplets' names no quartz.
MADE_THING = re.compile(
    r"\b(?:doublets?|triplets?|glass|plastics?|resins?|imitations?|ceramics?|reconstitut\w*|bonded)\b"
)


def _named_in(phrase: str, gem: GemFacts) -> bool:
    """Whether a simulant phrase names `gem`: a lab-grown stone by the gem it is grown as, else by its names."""
    names = [gem.imitates] if gem.origin == "synthetic" else [gem.name.split(" (")[0], *gem.aliases]
    return any(re.search(rf"\b{re.escape(normalise_name(n))}\b", phrase) for n in names if n)


def named_lookalikes(gem: GemFacts, every: list[GemFacts]) -> list[GemFacts]:
    """The gems `gem`'s simulants list names, natural or lab-grown: 'Blue spinel (natural and synthetic)' names
    Spinel and the synthetic spinels, 'Red garnet' the gem called so, 'Kyanite' Kyanite. An imitation of no gem
    in particular (glass, plastic) is left out: it is weighed by its colours."""
    out = []
    for phrase in (normalise_name(s) for s in gem.simulants):
        lab_grown = bool(MADE_WORDS.search(phrase))
        made = [g for g in every if g.origin != "natural" and g.imitates and _named_in(phrase, g)]
        made = [g for g in made if g.origin != "synthetic" or lab_grown]
        # 'Blue spinel (natural and synthetic)' names both; 'Glass-and-quartz triplets' names no quartz, and
        # 'GGG (Gadolinium Gallium Garnet)' no garnet
        natural = "natural" in phrase if lab_grown else not (made or MADE_THING.search(phrase))
        out += made + [g for g in every if natural and g.origin == "natural" and _named_in(phrase, g)]
    return [g for g in dict.fromkeys(out) if g.name != gem.name]


def _kin(a: GemFacts, b: GemFacts) -> bool:
    """Whether one of two gems is a kind or a form of the other (red garnet of garnet, carnelian of chalcedony)."""
    return may_be(a, b) or may_be(b, a) or of_its_family(a, b) or of_its_family(b, a)


# a look-alike named by a phenomenon ("Colour-change garnet" of alexandrite): only that kind of the gem is taken for it
PHENOMENAL_KIND = re.compile(r"colou?r[- ]chang|\bstar\b|cat'?s[- ]?eye", re.I)


@lru_cache(maxsize=4)
def _natural_gems_naming(every: tuple[GemFacts, ...]) -> dict[str, list[GemFacts]]:
    """For each gem's name, the natural gems whose look-alikes name it, in `every`'s order: worked out once. A gem
    whose list names only a phenomenal kind of it (alexandrite's "Colour-change garnet") is no look-alike of the
    gem as a whole (garnet)."""
    naming: dict[str, list[GemFacts]] = {}
    for g in (g for g in every if g.origin == "natural"):
        plain = named_lookalikes(
            replace(g, simulants=tuple(s for s in g.simulants if not PHENOMENAL_KIND.search(s))), list(every)
        )
        for other in named_lookalikes(g, list(every)):
            if other not in plain and not PHENOMENAL_KIND.search(" ".join((other.name, *other.aliases))):
                continue  # "Colour-change garnet" names Colour-Change Garnet, not garnet as a whole
            naming.setdefault(other.name, []).append(g)
    return naming


def _ri_gap(a: GemFacts, b: GemFacts) -> float:
    """How far apart two gems' refractive indices lie (0 where they overlap); unknown ones last."""
    if a.refractive_index is None or b.refractive_index is None:
        return float("inf")
    return max(0.0, b.refractive_index[0] - a.refractive_index[1], a.refractive_index[0] - b.refractive_index[1])


def seen_in(gem: GemFacts, colour: str) -> bool:
    """Whether `gem` is seen in `colour`: a colour its facts list, or one a listed blend leans to (ruby's
    "Pinkish-red" for pink), as a stone of that colour may be taken for it."""
    return listed_in(gem, colour) or any(re.search(rf"\b{re.escape(colour)}", c.lower()) for c in gem.colours)


def natural_lookalikes(gem: GemFacts, every: list[GemFacts], colour: str | None = None) -> list[GemFacts]:
    """The natural gems `gem` is taken for, as its look-alikes list them (ruby: spinel, red garnet, tourmaline), then
    those whose own look-alikes name `gem` (emerald, whose list names only man-made ones: tourmaline, tsavorite,
    …), one of each kind (not both Garnet Red and Garnet) and none of `gem`'s own: what a stone found in nature,
    which no one grew or made, may be instead. Those seen in `colour` (else `gem`'s first listed colour: garnet's
    red) come first, the ones a glance confuses; then, of those whose lists name `gem`, the nearest in refractive
    index, the ones a refractometer separates least (emerald: tourmaline before tsavorite), not the alphabet's."""
    named = [g for g in named_lookalikes(gem, every) if g.origin == "natural"]
    naming = _natural_gems_naming(tuple(every)).get(gem.name, [])
    out: list[GemFacts] = []
    for g in named + naming:
        if not any(h.name == g.name or _kin(h, g) for h in [gem, *out]):
            out.append(g)
    colour = colour or (main_colour(gem.colours[0]) if gem.colours else None)
    own = {g.name for g in named}
    unseen = (lambda g: not seen_in(g, colour)) if colour else (lambda g: False)  # noqa: E731
    return sorted(out, key=lambda g: (unseen(g), g.name not in own, 0.0 if g.name in own else _ri_gap(gem, g)))


def instrument_test(suspect: GemFacts, natural: GemFacts, made: Collection[str] = ()) -> tuple[str, str] | None:
    """The non-destructive test, of those not `made` yet (test keys), that would show `suspect` is not `natural`
    ("birefringence (refractometer, ...)") and what each reads, or None when no instrument separates them."""
    tests = [t for t in separating_tests(suspect, natural) if not t.destructive and t.key not in made]
    if not tests:
        return None
    return f"{tests[0].name} ({tests[0].instrument})", values_read(tests[0], suspect, natural)


def confirming_test(
    suspect: GemFacts, natural: GemFacts | None = None, made: Collection[str] = (), seen: Collection[str] = ()
) -> str:
    """The test that would show `suspect` (a synthetic or imitation) is not `natural`: an instrument reading that
    differs, of those not `made` yet, else the first sign of it that magnification or a laboratory sees on a cut
    stone, unless a sign the person has `seen` (patterns such as "bubble") is that one."""
    found = instrument_test(suspect, natural, made) if natural is not None else None
    if found:
        return f"{found[0]}: {found[1]}"
    sign = telltale(suspect)
    if sign and any(re.search(pattern, sign.lower()) for pattern in seen):
        return "a gem laboratory"
    return f"magnification or a gem laboratory ({in_sentence(sign)})" if sign else "a gem laboratory"


# Not what magnification shows: a rough crystal's shape, how rare a gem is, an instrument's reading (SG, RI,
# polariscope, spectra, a UV lamp's glow), the fire of its dispersion (seen by the eye, no inclusion), a test
# that harms or needs chemicals, a colour alone, what the gem lacks ("lacks dichroism unlike ruby") or its
# history ("often confused with corundum historically").
NOT_A_SIGN = re.compile(
    r"morpholog|\bhabit\b|\brare\b|\bSG\b|\bRI\b|specific gravity|refractive|polariscope|\bADR\b|\d\s*nm\b|"
    r"spectr|acetone|solvent|hot[- ]point|\btest\b|hardness|softens|temperature|touch|probe|^[\w\s-]*colou?r$|"
    r"\btough|FTIR|Raman|\b(?:uni|bi)axial\b|isotropic|(?:singly|doubly) refractive|"
    r"^(?:no|not|lacks?|without|absence)\b|\bunlike\b|confused|historic|phosphoresc|fluoresc|\brarely\b|"
    r"\brarest\b|\bin (?:modern )?trade\b|superseded|dispersion|\bfire\b",
    re.I,
)
# A feature that only names a colour ("Deep red, often brownish", "Vivid orange colour (Mandarin garnet)"): the
# stone shows it to the eye, so it is no sign to look for under magnification.
COLOUR_ONLY = re.compile(
    r"^(?:(?:very|deep|dark|light|pale|vivid|bright|intense|rich|pure|medium|saturated|[a-z]+ish|[a-z]+-)\s+)*"
    r"(?:red|orange|yellow|green|blue|violet|purple|pink|brown|black|white|gr[ae]y|colou?rless)"
    r"(?:\s+colou?r(?:\s+from\b.*)?)?\s*(?:[,;(]|$)",
    re.I,
)


# A test at the bench beyond the refractometer and balance: a spot of acetone or acid, the hot point, the hand
# spectroscope. Laboratory methods (FTIR, Raman) are not bench tests.
BENCH_TEST = re.compile(
    r"aceton|hot[- ]?point|absorption (?:band|line|spectrum|at)|spectrum|\d\s*nm\b|effervesc|fizz|\bHCl\b|"
    r"(?:with|in) (?:warm |cold |dilute )*acid|salt(?:ed)? water",
    re.I,
)
# not a bench test, or not one that tells: a laboratory's, or a result the same as its look-alike's
NOT_A_BENCH_TEST = re.compile(
    r"FTIR|Raman|\bATR\b|photoluminescen|centres|damaged|dyeing|spectral fire|same as|indistinguishable", re.I
)


def bench_parts(gem: GemFacts) -> list[str]:
    """The parts of a gem's diagnostic features that a simple test at the bench shows (acetone, acid, hot point,
    salt water, spectroscope), in the knowledge base's order."""
    out = []
    for feature in gem.diagnostic_features:
        part = next((p for p in feature.split(";") if BENCH_TEST.search(p)), "").strip()  # not "singly refractive"
        part = feature if part.count("(") != part.count(")") else part  # a ";" inside brackets splits nothing
        if part and not NOT_A_BENCH_TEST.search(feature):
            out.append(part)
    return out


def bench_test(gem: GemFacts, test: str = "") -> str | None:
    """The part of a gem's first diagnostic feature that a simple test at the bench shows (with `test`, the
    first that makes that test: "salt water"), else its sourced absorption spectrum, or None."""
    parts = [p for p in bench_parts(gem) if not test or test in _test_words(p)]
    if parts:
        return parts[0]
    spectrum = gem.absorption_spectrum
    if not spectrum or NOT_A_BENCH_TEST.search(spectrum):  # lab-grown ruby's: natural ruby's, indistinguishable
        return None
    return "in the spectroscope, " + (spectrum if spectrum[1:2].isupper() else spectrum[0].lower() + spectrum[1:])


# Words that say a bench test comes out differently for another stone ("whereas copal turns sticky").
CONTRAST = re.compile(r"whereas|\bwhere\b|unaffected|resists|distinguish|\bvs\b|definitive", re.I)


# A bench test the knowledge base calls diagnostic of one gem tells it from a natural gem of another mineral.
DIAGNOSTIC = re.compile(r"\bdiagnostic\b", re.I)


def _other_minerals(a: GemFacts, b: GemFacts) -> bool:
    return a.origin == b.origin == "natural" and not (a.species and a.species == b.species)


def bench_tests(a: GemFacts, b: GemFacts) -> list[str]:
    """A bench test for each of two gems where the knowledge base gives both and they come out differently
    (jet smells of coal and vulcanite of sulfur; spessartite and almandine show different absorption lines);
    none where both pass alike (every coral fizzes in acid) or only one names a test its look-alike would pass
    too (a lab-grown ruby shows natural ruby's chromium lines), unless it is diagnostic of one mineral and the
    other is a natural gem of another."""
    # the test both name, where there is one: amber floats in salt water and plastic sinks
    theirs = {w for part in bench_parts(b) for w in _test_words(part)}
    shared = next((w for part in bench_parts(a) for w in _test_words(part) if w in theirs), "")
    tests = {g.name: t for g in (a, b) if (t := bench_test(g, shared))}
    if len(tests) == 1 and DIAGNOSTIC.search(*tests.values()) and _other_minerals(a, b):
        return [f"{name}: {in_sentence(t)}" for name, t in tests.items()]  # zircon's 653.5 nm line: garnet has none
    if len(tests) < 2:
        return []
    words = [{w.lower() for w in BENCH_TEST.findall(t)} for t in tests.values()]
    if words[0] == words[1] and not CONTRAST.search(" ".join(tests.values())):
        return []
    return [f"{name}: {in_sentence(t)}" for name, t in tests.items()]


def _test_words(part: str) -> set[str]:
    """The bench tests a feature names, as comparable words ("salt water", "aceton", "hot point")."""
    return {re.sub(r"[- ]+", " ", w.lower()).replace("salted", "salt") for w in BENCH_TEST.findall(part)}


def telling_signs(a: GemFacts, b: GemFacts) -> list[str]:
    """Each gem's telltale ("Soudé Emerald: green colour concentrated at junction plane"), none where both
    are the same sign (elbaite's and dravite's strong pleochroism tells neither from the other)."""
    signs = {g.name: sign for g in (a, b) if (sign := telltale(g))}
    if len({sign.lower() for sign in signs.values()}) < len(signs):
        return []
    return [f"{name}: {in_sentence(sign)}" for name, sign in signs.items()]


def telltale(gem: GemFacts) -> str | None:
    """The first of a gem's diagnostic features that magnification or a laboratory sees on a cut stone."""
    return next(iter(telltales(gem)), None)


def telltales(gem: GemFacts) -> list[str]:
    """Every diagnostic feature of a gem that magnification or a laboratory sees on a cut stone, in its order."""
    return [f for f in gem.diagnostic_features if not NOT_A_SIGN.search(f) and not COLOUR_ONLY.match(f)]


NAMES_KEPT = {"chelsea", "plato", "hanneman", "haversian", "verneuil", "czochralski", "gilson"}


def in_sentence(phrase: str) -> str:
    """A knowledge-base phrase ("Characteristic wrinkled surface") set inside a sentence: first letter lower-case,
    unless it starts an abbreviation or a name ("UV", "Chelsea filter") kept as written."""
    word = phrase.split(" ", 1)[0]
    if not word or word[1:2].isupper() or word[1:2] == "-" or word.lower() in NAMES_KEPT:  # "UV", "X-ray"
        return phrase
    return phrase[0].lower() + phrase[1:]
