"""How to clean and look after a gem: "can I clean opal in an ultrasonic?", "will kunzite fade?".

Answered from `care.json` (each entry with the pages it was checked against): whether an ultrasonic
cleaner, steam and warm soapy water are safe, and what heat, light and chemicals do to it. A treated
material ("glass-filled ruby", "oiled emerald", "mystic topaz") is answered for the treatment first: a
filler or a coating is what a cleaner or a torch harms.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from gemlang.knowledge.facts import GemFacts, ahead_of_the_rest, sentences
from gemlang.language.gem_text import join_words
from gemlang.patterns import compiled
from gemlang.readings import THE_METAL

CARE_PATH = Path(__file__).with_name("care.json")
# "is malachite poisonous?", "is it safe to touch?": what the care notes say of harm to the wearer or cutter first
# "is malachite safe to wear?": on the skin (not "safe to wear every day", "… in the shower": durability, water; not
# "is irradiated topaz safe to wear?": the treatment's residual radioactivity, which its glossary entry answers)
HARM_QUESTION = re.compile(
    r"\bpoison\w*|\btoxic\w*|\bsafe to (?:touch|handle|hold|lick)\b|^(?!.*\b(?:irradiat|radioactiv)).*?"
    r"\bsafe to wear\b(?! (?:it |this |them )?(?:every ?day|daily|all the time|in|while|when|for)\b)",
    re.I,
)
# "will the torch heat hurt it?", "will heat damage it?": what heat does to it, not whether it was heated
HEAT_HARM = (
    r"torch(?:'s)? heat|heat (?:of|from) (?:the |a |my )?torch|\btorch (?:hurt|harm|damag|crack)\w*|"
    r"\bheat (?:hurt|harm|damag|crack|break)\w*"
)
# "can I size a ring with an emerald in it?", "is it safe to heat the ring?": torch work on the piece, the stone set
PIECE_HEATED = (
    r"\b(?:size[sd]?|sizing|heat(?:s|ed|ing)?) (?:a|an|the|my|this|that|her|his|your|our) (?:[\w'-]+ ){0,3}?"
    r"(?:ring|band|shank|piece|setting|mount(?:ing)?|prongs?)\b"
)
# "will it rust?", "does pyrite tarnish?", "will it oxidise?": what air and damp do to the stone over time; not a
# colour ("rust-coloured", "a rust red stone")
_TARNISH = (
    r"\b(?:rust(?:s|ed|ing)?|tarnish(?:es|ed|ing)?|oxidi[sz](?:e|es|ed|ing|ation)|oxidation|corrod(?:e|es|ed|ing)|"
    r"corrosion|decay(?:s|ed|ing)?)\b(?![- ]?(?:colou?r|brown|red|orange))"
)
# a question about cleaning, storing or wearing a stone, not about what it is
CARE_QUESTION = re.compile(
    # "clean" as a verb: not "perfectly clean, no inclusions" (a clarity)
    r"\b(?:clean(?:ed)? (?:it|this|that|them|my|the|a|an|with|in|using)|cleaning|cleaner|"
    r"(?:can|could|should|how (?:do|should|can|to)|safe to|ok to|okay to) (?:i |you |we )?clean|"
    r"ultrason(?:ic|ik)|steam(?:er)?|wash(?:ing)?|soak|stor(?:e|ing|age)|care (?:for|of)|"
    r"take care|look after|fade|fading|sunlight|in the sun|window ?sills?|"
    # a flame's torch, not a lamp ("glows blue under my UV torch", "held a torch behind it")
    r"(?:jewell?er'?s|blow|butane|gas|propane|soldering)[ -]?torch|torch(?:ed|ing)|torch (?:it|them|the stone|near|on)|"
    r"re-?siz(?:e[ds]?|ing)|chlorine|"
    r"pickl(?:e[ds]?|ing)|acids?|re-?tip\w*|prongs?|solder\w*|"  # at the bench: the stone left in the setting
    r"laser[- ]?(?:weld\w*|repair\w*)|laser(?:ing)? (?:near|next to|close to|around|over)|rhodium|"
    r"electro-?(?:clean\w*|plat\w*)|(?:re-?)?plat(?:ing|ed)|dop(?:s|ped|ping)?|"  # the dop that holds it to cut
    r"tumbl(?:e|es|ed|ing|er)|"  # a rock tumbler, and a stone polished at home (not a ring: its metal, `care_question`)
    r"polish(?:ing)?\b(?![^.?!]{0,20}\b(?:rings?|jewell?e?ry|silver|gold|metal|settings?|necklaces?|bracelets?)\b)"
    r"(?=[^.?!]{0,30}\b(?:at home|myself|by hand)\b)|"
    r"cut and polish|(?:cutting|sawing) (?:and|or) polishing|(?:safe|ok|okay) to (?:cut|saw|grind|polish)|lapidary|"
    r"lemon juice|vinegar|shower|dishwasher|household cleaners?|get(?:ting)? wet|waterproof|water[- ]?resistant|"
    r"bleach|perfume|hairspray|swim(?:ming)?|(?:swimming )?pool|hot tub|jacuzzi|every ?day wear|daily wear|durable|"
    r"(?:in|into) the (?:sea|ocean)|"  # "is it ok to wear in the sea?" (not "float in salt water", an SG test)
    r"break(?:s)? easy|break easily|(?:easy|easily) to (?:break|chip)|brittle|fragile|chip(?:s)? easily|"
    r"durability|windex|ammonia|toothpaste|baking soda|rubbing alcohol|jewell?e?ry cleaner|"
    r"wear (?:it |this |them )?(?:every ?day|daily|all the time)|"
    r"heat[- ]?sensitive|sensitive to heat|(?:stand|withstand|take|survive|handle) (?:the )?(?:heat|torch)|"
    r"temperature changes?|sauna|hot (?:water|tub|bath)|boil(?:ing)? (?:it|them|my|the|an?|water))\b|"  # not "heated?"
    + _TARNISH
    + "|"
    + HEAT_HARM
    + "|"
    + PIECE_HEATED
    + "|"
    + HARM_QUESTION.pattern,  # "is malachite poisonous?"
    re.I,
)
# a question, not a statement: "can I clean opal in water?", "do I have to disclose it", "is it ok to …"; not "I
# cleaned it in water", "the seller disclosed it" (the care, disclosure and glossary questions all ask it)
ASKED = re.compile(
    r"\?|^\s*(?:can|could|should|shall|must|need|is|are|has|have|will|would|does|do|how|what|which|where)\b|"
    r"\b(?:can|could|should|may) (?:i|you|we)\b|\bis it (?:ok|okay|safe|fine)\b",
    re.I,
)
# "it fizzes in vinegar, what is it?", "does calcite react with vinegar?": a carbonate's acid test, a reading
# of the stone, not the acid's harm asked
ACID_TEST = re.compile(
    r"\b(?:fizz\w*|effervesc\w*|bubbl(?:e|es|ed|ing))\s+(?:\w+\s+){0,2}?(?:in|with|under)\s+(?:\w+\s+){0,2}?"
    r"(?:acids?|vinegar)\b|\bacid[- ]tests?\b|"
    r"\breacts?\s+(?:with|to)\s+(?:dilute\s+)?(?:hydrochloric\s+acid|hcl|acids?|vinegar)\b",
    re.I,
)
SHORT_CARE = re.compile(r"^\s*(?:[\w'’-]+\s+){0,3}(?:care|cleaning)\s*\??\s*$", re.I)  # "sphene care", "care?"


# "will it fade in the sun?": light, not cleaning, asked about
LIGHT_QUESTION = re.compile(
    r"\bfad(?:e|es|ed|ing)\b|\bsun(?:light|ny|shine)?\b|window ?sill|light[- ]?(?:stable|fast)", re.I
)
# not "bleach": in the care texts it is a chemical to avoid or a treatment, never light's doing
SAID_OF_LIGHT = re.compile(
    r"\bfad\w*|photosensitiv\w*|\bsun(?:light)?\b|stable to light|light-sensitive|intense light", re.I
)  # "heat from intense light (… long direct sun) can cause crazing": opal's
# "is it heat sensitive?", "can it go in the sauna?": what heat does, before the cleaning
# the rings a customer names: "an engagement ring", "a men's ring", "an august birthday ring"
RING_KIND = (
    r"(?:(?:every ?day|daily|engagement|wedding|men'?s|man'?s|gents?'?|birthday|promise|anniversary|cocktail|"
    r"(?:jan|febr)uary|march|april|may|june|july|august|(?:septem|octo|novem|decem)ber) ){0,2}"
)
# "can I wear it every day in a ring?", "is tanzanite good for an engagement ring?", "emrald is fragil?"
WEAR_QUESTION = re.compile(
    r"\b(?:wear|worn)\b[^.?!]{0,30}\b(?:every ?day|daily|rings?|all the time)\b|"
    r"\b(?:every ?day|daily) (?:wear|rings?)\b|"
    # "is emerald too soft for an engagement ring?", "would this suit a men's ring?", "a good choice for a birthday
    # ring?"
    r"\b(?:good|suitable|ok|okay|fine|practical|(?:a )?good choice|(?:durable|hard|tough|strong) enough|"
    r"too (?:soft|fragile|delicate|brittle)) (?:for|in) (?:an? |my |his |her )?"
    + RING_KIND
    + r"rings?\b|\bsuit(?:s|ed)? (?:an? |my |his |her )?"
    + RING_KIND
    + r"rings?\b|"
    # "is tanzanite a good everyday stone?", "is this a good engagement stone?", "is emerald fragile?", "is it durable?"
    r"\b(?:good|suitable|ok|okay) (?:for )?(?:an? )?(?:every ?day|daily|engagement|ring) (?:stone|gem|gemstone)\b|"
    r"\bfragile?\b|"
    r"\bscratch(?:es)? easily\b|"  # "breaks easily" is toughness (`TOUGHNESS_QUESTION`)
    r"\bhow durable\b|\b(?:is|are) (?:it|this|they|[a-z][\w' -]{0,25}?) (?:very |really )?durable\b",  # "is opal …"
    re.I,
)
DUST = 7.0  # household dust is mostly quartz grains: a softer gem's facets dull with daily wear
NOT_TOUGH = re.compile(r"toughness[^.;]{0,25}\b(?:poor|fair)\b|\b(?:poor|fair)(?: to \w+)? toughness", re.I)
HEAT_QUESTION = re.compile(
    r"heat[- ]?sensitive|sensitive to heat|(?:stand|withstand|take|survive|handle) (?:the )?heat|temperature|sauna|"
    r"\bhot\b|\bboil|(?<!uv )\btorch|\bre-?tip\w*|\bsolder\w*|\bresiz\w*|"  # at the bench: a torch's heat
    + HEAT_HARM
    + "|"
    + PIECE_HEATED,
    re.I,
)
SAID_OF_HARM = re.compile(r"\bpoison\w*|\btoxic\w*|\bmake (?:a cutter|you|people) ill\b", re.I)
TARNISH_QUESTION = re.compile(rf"{_TARNISH}|\bhumid\w*|\bdamp air\b", re.I)
SAID_OF_TARNISH = re.compile(r"\btarnish\w*|\boxidi[sz]\w*|\bdecay\w*|\bhumid\w*|\bcrumbl\w*", re.I)
# "heat-treated stones": a treatment, not what heat does to the stone
SAID_OF_HEAT = re.compile(r"\bheat\b(?![- ]?treat)|temperature|thermal|\bhot\b|\bcraz\w*|\btorch\b|\bflame\b", re.I)
# (what, asked, said of it): what the care text says of a thing the question names, put first when it says anything
# ("can I put a diamond in the ultrasonic?": the exceptions to the verdict's "usually safe")
NAMED_FIRST = (
    ("an ultrasonic", re.compile(r"\bultrasonic", re.I), re.compile(r"\bultrasonic", re.I)),
    # "can I put a composite ruby ring in the pickle?": a jeweller's pickle is an acid bath
    ("acid", re.compile(r"\bacid\w*|\bpickl\w*|lemon|vinegar", re.I), re.compile(r"\bacids?\b|\bpickl\w*|lemon", re.I)),
)


# something that happened to a stone, told of it ("my opal went cloudy", "there's a crack in my ruby", "my emerald
# looks dull", "it chipped"): (what it is called, how it is told, what the care notes say of its causes and remedy);
# not a look told to name it ("a cloudy green stone"), nor "it scratches glass" (a hardness)
_BECAME = r"(?:went|gone|goes|going|turn(?:ed|s|ing)?|got|gotten|gets|getting|bec[ao]me|becoming)"
_DEGREE = r"(?:(?:a )?(?:bit|little|slightly|more|really|very|all|kind of|so) )?"
SYMPTOMS = (
    (
        "a change of colour",
        re.compile(
            rf"\b{_BECAME} {_DEGREE}(?:green|brown|yellow|white|pale|dark|light|grey|gray|black|colou?rless)\w*\b|"
            r"\bfaded\b|\b(?:is|are|has been) fading\b|\b(?:changed|changing|lost|losing) (?:its |their |the |some )?"
            r"colou?rs?\b|\bdiscolou?r(?:ed|ation)\b|\bdarkened\b",
            re.I,
        ),
        re.compile(
            r"\bfad\w*|\bdiscolou?r\w*|\bdarken\w*|\bgreens\b|\bbrown\b|\blighten\w*|\bsun\w*|\bpales\b|"
            r"\bchange\w* (?:\w+ )?(?:its )?colou?r|\bcolou?r (?:is|are|can|may|fades?)\b",
            re.I,
        ),
    ),
    (
        "dullness or cloudiness",
        re.compile(
            rf"\b(?:{_BECAME}|is|are|looks?|looking|seems?) {_DEGREE}(?:cloudy|milky|foggy|hazy|dull|dim)\b|"
            r"\b(?:clouded|fogged|dulled) (?:up|over)\b|\b(?:lost|losing) (?:its |their |the |some |all )?"
            r"(?:lustre|luster|shine|sparkle|fire|brilliance|glow|play[- ]of[- ]colou?r)\b|"
            r"\b(?:not|no longer|isn'?t|aren'?t) (?:as )?(?:shiny|sparkly)\b",
            re.I,
        ),
        re.compile(
            r"\bdull\w*|\bcloud\w*|\bfog\b|\blust(?:re|er)\b|\bshine\b|\bcraz\w*|\bdry\b|\bdrying\b|\bdesiccat\w*|"
            r"\bdehydrat\w*|\bgrease\b|\bscratch\w*|\babrad\w*|\boil\w*|\bsoak\w*|\betch\w*|\bchemicals\b|\bacids\b",
            re.I,
        ),
    ),
    (  # a cause: a knock, a cleavage, a sudden change of temperature; not "fracture-filled", "beyond repair"
        "cracks and chips",
        re.compile(
            r"\b(?:cracked|chipped|broke|broken|crazed|crazing|shattered)\b|"
            r"\b(?:a|the|some|this) (?:small |little |big |large |tiny |hairline )?(?:crack|chip)s? (?:in|on|across)\b|"
            r"\b(?:has|have|got) (?:a |some )?(?:small |little |big |large |tiny |hairline )?(?:crack|chip)s?\b",
            re.I,
        ),
        re.compile(
            r"\bknock\w*|\bblows?\b|\bchip\w*|\bsplit\w*|\bbrittle\b|\bfragile\b|\bcleav\w*|\bcrack\w*|\bcraz\w*|"
            r"\bfractur(?!e-fill)\w*|\bbreak(?![a-z]* down)\w*|\bthermal\b|\btemperature changes?\b|\btough\w*",
            re.I,
        ),
    ),
    (
        "scratches",  # something harder did it: the gem's hardness says what (`scratch_cause`)
        re.compile(
            r"\b(?:is|are|got|gets|getting|been|looks?) (?:\w+ )?scratched\b(?! by)|"
            r"\bscratch(?:es)? (?:on|in|across)\b|"
            r"\b(?:has|have|got) (?:a |some )?(?:small |little |big |deep |tiny |fine )?scratch(?:es)?\b",
            re.I,
        ),
        re.compile(r"\bscratch\w*|\babrad\w*", re.I),
    ),
)
SCRATCHES = "scratches"
DULLNESS = "dullness or cloudiness"
SCRATCHED = re.compile(r"\bhardness\b|\bscratch\w*|\babrad\w*", re.I)
# what scratches a gem harder than dust: the Mohs scale's minerals above quartz, as a jewellery box holds them
HARDER_THAN_DUST = (("a diamond", 10.0, "10"), ("a ruby or sapphire", 9.0, "corundum, 9"), ("a topaz", 8.0, "8"))
# a stone of one's own the symptom is told of, not one described to be named
OF_ONES_STONE = re.compile(
    r"\b(?:my|mine|our|her|his|it|its|there'?s|there is)\b(?! (?:facts|notes|sources|answers?|guess)\b)", re.I
)  # not "My facts on citrine: … smoky quartz turned yellow by heating", an answer's own words
# what may be asked of it: "… what should I do?", "can it be fixed?", "why?"; not "… what is it?" (its name)
OF_THE_DAMAGE = re.compile(
    r"\b(?:why|how come|what (?:should|can|do|to) (?:i |we )?do|what happened|what caused|fix\w*|repair\w*|"
    r"restor\w*|polish\w*|re-?oil\w*|normal|permanent|(?:get|bring) (?:it |them )?back)\b",
    re.I,
)
READING = re.compile(r"\d[.,]\d")  # "went milky, RI 1.45": a reading, told to name the stone
# the stone scratching others ("diamonds scratch other jewellery"): why to store it apart, not what dulls it
SCRATCHES_OTHERS = re.compile(r"\bscratch(?:es)? (?:other|each other|another|softer)\b", re.I)
# a chip told, not a crack: a knock's damage, which heat, cracking a stone, does not explain ("I chipped my pearl")
CHIP_TOLD = re.compile(r"\bchip", re.I)
CRACK_TOLD = re.compile(r"\bcrack|\bcraz|\bsplit|\bshatter|\bfractur", re.I)


def symptoms_told(text: str) -> list[tuple[str, re.Pattern[str]]]:
    """(what it is called, what the notes say of it) of each thing a message tells has happened to the person's
    stone ("my turquoise turned green", "… what should I do?"); [] when it tells none, or asks something else of
    the stone ("my stone is cloudy, what is it?")."""
    text = text or ""
    if not OF_ONES_STONE.search(text) or READING.search(text) or ("?" in text and not OF_THE_DAMAGE.search(text)):
        return []
    return [(what, said) for what, told, said in SYMPTOMS if told.search(text)]


def _names(gem: str, text: str) -> bool:
    """Whether `text` names the gem, or its plural ("pearls")."""
    return bool(re.search(rf"\b{re.escape(gem)}s?\b", text, re.I))


def _advice(what: str) -> dict:
    """What sources say of a symptom in any stone (care.json's damage.symptoms): its cause where a gem's notes name
    none ("general"), what to do ("do"), who to see ("see") and their "sources"; under "gems", a gem's own cause
    and who to see, where they differ from any stone's."""
    return _care_file()[3]["symptoms"].get(what, {})


def _against_dust(low: float, high: float) -> str:
    """How a hardness range stands against quartz (Mohs 7), the grit of dust, the whole range told."""
    if high < DUST:
        return "softer than quartz"
    if low < DUST:
        return "softer than quartz or at most as hard" if high == DUST else "softer than quartz in some stones"
    if low == DUST:
        return "as hard as quartz" if high == DUST else "as hard as quartz at the low end of its range"
    return "harder than quartz"


def _kinds_apart(gem: GemFacts) -> list[GemFacts]:
    """The two or three gems a name covers that stand apart against dust (jade: nephrite 6–6.5 softer than quartz,
    jadeite 6.5–7 at most as hard), softest first, so a range is told kind by kind; [] for one mineral, or kinds
    alike against it (the red garnets)."""
    from gemlang.knowledge.knowledge_base import all_gems  # noqa: PLC0415 (it loads these care notes)
    from gemlang.knowledge.tell_apart import may_be  # noqa: PLC0415

    kinds = sorted((k for k in all_gems() if k.hardness is not None and may_be(gem, k)), key=lambda k: k.hardness)
    apart = len({_against_dust(*k.hardness) for k in kinds}) == len(kinds)  # not two kinds both softer
    return kinds if 2 <= len(kinds) <= 3 and apart else []


def scratch_cause(gem: GemFacts | None) -> str:
    """What scratches a stone, by its hardness against the quartz grains of dust (Mohs 7) and the harder gems it is
    kept with: "Sapphire (Mohs 9) is harder than …, so only a diamond … scratches it"; any stone's, for no gem. A
    range is told whole ("Jade (Mohs 6–7): nephrite (6–6.5) is softer than quartz …"), not by its low end."""
    if gem is None or gem.hardness is None:
        return _advice(SCRATCHES)["general"][0].upper() + _advice(SCRATCHES)["general"][1:]
    mohs = f"{gem.name} (Mohs {gem.format('hardness')})"
    low, high = gem.hardness
    if kinds := _kinds_apart(gem):  # jade: nephrite or jadeite
        told = join_words([f"{k.name.lower()} ({k.format('hardness')}) is {_against_dust(*k.hardness)}" for k in kinds])
        told = told.replace("quartz", "quartz (Mohs 7)", 1)
        return f"{mohs}: {told}, so the quartz grains in dust and sand can scratch it in wear."
    if low < DUST:  # opal; chalcedony (6.5–7) softer or at most as hard; zircon (6–7.5) softer in some stones
        scratched = "scratch it in wear" if high < DUST else "can scratch it in wear, as can any harder gem"
        said = _against_dust(low, high).replace("quartz", "quartz (Mohs 7)", 1)
        return f"{mohs} is {said}, so the quartz grains in dust and sand {scratched}."
    if low == DUST:  # quartz itself: dust is as hard; a red garnet (7–7.5) at the low end of its range
        said = _against_dust(low, high).replace("as hard as quartz", "as hard as the quartz grains in dust and sand")
        return f"{mohs} is {said}, so they can scratch it, as can any harder gem."
    harder = [f"{name} ({said})" for name, hardness, said in HARDER_THAN_DUST if hardness >= low]
    tools = f"{join_words(harder, 'or')}, such as another gem" if len(harder) > 1 else "another diamond"  # diamond's
    return (
        f"{mohs} is harder than the quartz grains in dust (Mohs 7), so only a material at least as hard scratches "
        f"it: {tools} rubbing against it in a jewellery box."
    )


def damage_advice(what: str, cause: str, cleaning: str = "", gem: str = "") -> tuple[str, list[str]]:
    """ "Cracks and chips — **likely cause**: … **What to do**: … **Who to see**: …" for a symptom and the cause
    found for it, and the sources note of the advice. `cleaning`: the gem's verdicts on each way to clean it
    ("warm soapy water: safe; ultrasonic cleaner: usually safe"); `gem`: its
    name, whose own who-to-see, where the care file gives one, replaces that of any stone (pearls are not re-cut)."""
    advice = _advice(what)
    if own := advice.get("gems", {}).get(gem):
        advice = {**advice, "see": own["see"], "sources": [*own["sources"], *advice.get("sources", [])]}
    do = advice.get("do", "")
    if what == DULLNESS:  # no verdict: as the most delicate gems are cleaned
        gently = "as the most delicate gems need (a soft cloth dampened in lukewarm water)"
        do = do.replace("the way its notes allow", f"the way its notes allow ({cleaning})" if cleaning else gently)
    said = f"{what[0].upper()}{what[1:]} — **likely cause**: {cause.strip()}"
    said += f" **What to do**: {do[0].upper()}{do[1:]}" if do else ""
    said += f" **Who to see**: {advice['see'][0].upper()}{advice['see'][1:]}" if advice.get("see") else ""
    return said + " ", [f"sources ({what}): {'; '.join(advice['sources'])}"] if advice.get("sources") else []


def symptoms_without_notes(name: str, text: str, gem: GemFacts | None = None) -> tuple[str, list[str]]:
    """For a gem with no care notes, what a message tells has happened to it ("my calcite cracked"): its cause where
    sources name one of any stone (scratches: by the gem's hardness), what to do and who to see; ('', []) when none
    is told."""
    said, sources = "", []
    for what, _ in symptoms_told(text):
        cause = scratch_cause(gem) if what == SCRATCHES else _advice(what).get("general", "")
        unknown = f"I have no checked care notes for {name} yet, so none of my sources says what causes {what}."
        cause = cause or (unknown if name else f"what causes {what} depends on the gem, which I do not know yet.")
        advice = damage_advice(what, cause[0].upper() + cause[1:])
        said, sources = said + advice[0], sources + advice[1]
    return said.strip(), sources


def repair_told(text: str) -> tuple[str, list[str]]:
    """For a stone with no gem named, what a message tells has happened to it ("it has a small crack", "my ring stone
    is scratched"): the cause sources name of any stone, what to do and who to see; ('', []) when none is told."""
    return symptoms_without_notes("", text)


@dataclass(frozen=True)
class BenchWork:
    """What a jeweller's or cutter's bench work (a torch, a laser welder, a plating bath, a dop) does to a stone."""

    work: str
    asked_as: tuple[str, ...]
    general: str
    gems: tuple[tuple[tuple[str, ...], str], ...]  # (the gems' names, what sources say of them)
    sources: tuple[str, ...]

    def said_of(self, names: list[str]) -> str:
        """ "At the bench, laser welding: …": what sources say of the first of `names` they name, then of all
        stones."""
        own = self.own(names)
        general = f"In general: {self.general}" if own else self.general
        return f"At the bench, {self.work}: {own} {general} ".replace(":  ", ": ")

    def own(self, names: list[str]) -> str:
        """What sources say of this work on the first of `names` they name; '' when they name none."""
        lowered = [n.lower() for n in names if n]
        return next((text for gems, text in self.gems if any(g.lower() in lowered for g in gems)), "")


TUMBLING = "rock tumbling"  # its rules go by a stone's hardness and cleavage
PIECE_POLISHING = "polishing a stone-set piece"  # its metal, with the stone left in


def bench_said(question: str, names: list[str], gem: GemFacts | None = None) -> str:
    """What the bench notes say of the work a question asks about, for the gem `names` name; for tumbling or
    polishing at home, the gem's own hardness and cleavage first, which the tumbler's rules go by."""
    works = bench_asked(question)
    said = "".join(work.said_of(names) for work in works)
    if gem is None or gem.hardness is None or not any(work.work == TUMBLING for work in works):
        return said
    cleaves = gem.cleavage and gem.cleavage != "None"
    cleavage = f"cleavage {gem.cleavage.lower()}" if cleaves else "no cleavage"
    return f"{gem.name} has Mohs hardness {gem.format('hardness')} and {cleavage}. {said}"


def bench_asked(question: str) -> list[BenchWork]:
    """The bench work a care question asks about ("can I laser weld near an emerald?"), in the care file's order."""
    return [work for work in _care_file()[2] if any(compiled(p, re.I).search(question or "") for p in work.asked_as)]


# (how it is said, the `Care` field of its verdict)
CLEANING_WAYS = (("ultrasonic cleaner", "ultrasonic"), ("steam", "steam"), ("warm soapy water", "warm_soapy_water"))


@dataclass(frozen=True)
class Care:
    name: str  # the gem, or the treated material ("lead-glass-filled ruby")
    ultrasonic: str | None
    steam: str | None
    warm_soapy_water: str | None
    text: str
    sources: tuple[str, ...]
    treatment: bool = False  # the care of a treated material, not of a gem
    disclosure: str = ""  # how the trade discloses a treatment, where a source gives it
    toughness: str = ""  # as a source grades it ("excellent", "poor to fair"); '' where none does

    def answer(self, question: str = "", gem: GemFacts | None = None) -> str:
        """The care of this gem in a few sentences: what light or heat does first when the question asks ("will it
        fade?", "is it heat sensitive?"), then the three ways to clean it, then the rest. `gem`: the gem asked
        about, when it is cared for as another ("Jasper (cared for as chalcedony)")."""
        name = self.name
        if gem is not None and not self.treatment and self.name.lower() not in gem.name.lower():
            name = f"{gem.name} (cared for as {self.name.lower()})"
        if told := self.symptoms_said(question, gem)[0]:  # "my emerald has a crack": cause, what to do, who to see
            return f"**Caring for {name}**: {told.strip()}"
        said = sentences(self.text)
        heat = self.asked_first(question, gem)
        rest = [x for x in said if x.rstrip(".") + "." not in heat]  # each sentence said once, first
        for what, asked, said_of in NAMED_FIRST:
            if asked.search(question) and any(map(said_of.search, rest)):
                heat += _first(what, said_of, rest, "")
                rest = [x for x in rest if not said_of.search(x)]  # said once, first
        worn = wear_verdict(gem, self.text) if gem is not None and WEAR_QUESTION.search(question) else ""
        names = [self.name, gem.name if gem is not None else ""]  # a gem's own name: beryl's dop is not emerald's
        bench = bench_said(question, names, gem)
        text = self.text if rest == said else " ".join(rest)
        if heat and not any(work.own(names) for work in bench_asked(question)):
            # "a composite ruby in the pickle?": its own acid warning before what the pickle does to stones in general
            return f"**Caring for {name}**: {heat}{bench}{worn}{self._cleaning()}{text}"
        return f"**Caring for {name}**: {bench}{worn}{heat}{self._cleaning()}{text}"

    def asked_first(self, question: str, gem: GemFacts | None = None) -> str:
        """What the notes say of what the message tells has happened to the stone ("my opal went cloudy"), then of
        light, heat or harm to the wearer when the question asks ("will it fade?", "is it heat sensitive?", "is it
        toxic?"): "In light: …"; '' when it tells and asks none of them."""
        told = self.symptoms_said(question, gem)[0]  # "my amethyst faded in the sun": said there, not again

        def first(what: str, named: re.Pattern[str], pool: list[str], none: str) -> str:
            pool = [x for x in pool if x.rstrip(".") + "." not in told]
            return "" if told and not any(map(named.search, pool)) else _first(what, named, pool, none)

        said, light, heat = sentences(self.text), "", ""
        if LIGHT_QUESTION.search(question):  # fading is as often in the gem's own facts as in its care
            own = [*sentences(gem.phenomena), *gem.diagnostic_features, *sentences(gem.description)] if gem else []
            light = first("light", SAID_OF_LIGHT, [*said, *own], "none of my sources names fading")
        if HEAT_QUESTION.search(question):
            heat = first("heat", SAID_OF_HEAT, said, "none of my sources names a risk")
        if HARM_QUESTION.search(question):
            heat += first("handling", SAID_OF_HARM, said, "none of my sources names a danger to the wearer")
        if TARNISH_QUESTION.search(question):
            heat += first("air and damp", SAID_OF_TARNISH, said, "none of my sources names tarnish or decay")
        return told + light + heat

    def symptoms_said(self, told: str, gem: GemFacts | None = None) -> tuple[str, list[str]]:
        """For each thing a message tells has happened to the stone ("my opal went cloudy"): its likely cause (what
        the gem's notes, and those of the treatments it is often given, say of it most, two sentences at most; for
        scratches, what is harder than it), what to do and who to see (`damage_advice`); with the sources beyond the
        gem's own notes. ('', []) when none is told."""
        said, sources = "", []
        names = [self.name, *([gem.name] if gem is not None else [])]
        treated = [] if self.treatment else self.treatments_of(gem)
        for what, named in symptoms_told(told):
            # a cause, not a way to clean ("… stones: damp cloth only")
            own = [x for x in sentences(self.text) if named.search(x) and not CLEANED_BY.search(x)]
            own = [x for x in own if not STABLE_TO_CHEMICALS.search(x)]
            if what == DULLNESS:  # "my diamond looks dull": not why diamonds are stored apart
                own = [x for x in own if not SCRATCHES_OTHERS.search(x)]
            chipped = CHIP_TOLD.search(told) and not (CRACK_TOLD.search(told) or SAID_OF_HEAT.search(told))
            if chipped:  # "I chipped my pearl": a knock, not the heat that cracks it
                own = [x for x in own if not SAID_OF_HEAT.search(x)]
            own = list(dict.fromkeys(x.rstrip(".") + "." for x in own))
            found = sorted(own, key=lambda x: -len(set(m.lower() for m in named.findall(x))))[:2]  # said most of it
            found = [x for x in own if x in found]  # in the notes' order
            for care in treated:  # of "dyed stones", only what it says of this gem ("dyed … pearls can fade")
                of_this = any(_names(n, care.name) for n in names)
                of_it = [x.rstrip(".") + "." for x in sentences(care.text) if named.search(x)]
                if of_it := [x for x in of_it if of_this or any(_names(n, x) for n in names)]:
                    found.append(f"Of {care.name}: {of_it[0]}")
                    sources += [f"sources ({care.name}): {'; '.join(care.sources)}"]
            if what == SCRATCHES:
                found = [scratch_cause(gem), *found[:1]]
            elif own_cause := _advice(what).get("gems", {}).get(self.name, {}).get("cause"):
                found = [own_cause[0].upper() + own_cause[1:], *found[:1]]  # a chipped pearl: its soft nacre, not heat
            elif general := _advice(what).get("general"):
                # dust's quartz grains wear a stone no harder than quartz dull, unless its notes say so already
                worn = gem is not None and gem.hardness is not None and gem.hardness[0] <= DUST
                if what == DULLNESS and worn and not any(SCRATCHED.search(x) for x in found):
                    found.append(scratch_cause(gem))
                    sources.append(f"sources (dust): {'; '.join(_advice(SCRATCHES)['sources'][:2])}")  # its quartz
                found.append(general[0].upper() + general[1:])  # "a film of skin oil … dulls any stone"
            if not found:
                found = [f"none of my care sources names a cause of {what} in {self.name.lower()}."]
            advice = damage_advice(what, " ".join(found), self.verdicts(), self.name)
            said, sources = said + advice[0], sources + advice[1]
        harm = [x.rstrip(".") + "." for x in sentences(self.text) if SAID_OF_HARM.search(x)][:1]
        said += f"**Handling**: {harm[0]} " if said and harm else ""  # galena's lead, whatever happened to it
        return said, list(dict.fromkeys(sources))

    def treatments_of(self, gem: GemFacts | None = None) -> list[Care]:
        """The treated materials the care notes name this gem in ("oiled/resin-filled emerald", "waxed stones" for
        turquoise): their care comes with the gem's, for the stone may have been given one."""
        names = [self.name, *([gem.name] if gem is not None else [])]
        return [care for *_, care in _care_file()[1] if any(_names(n, f"{care.name} {care.text}") for n in names)]

    def verdicts(self, gentlest_first: bool = True) -> str:
        """ "warm soapy water: safe; ultrasonic cleaner: usually safe; steam: usually safe": how each way to clean it
        fares, the gentlest first (or in the care file's order)."""
        ways = CLEANING_WAYS[::-1] if gentlest_first else CLEANING_WAYS
        return "; ".join(f"{way}: {verdict}" for way, field in ways if (verdict := getattr(self, field)))

    def _cleaning(self) -> str:
        ways = self.verdicts(gentlest_first=False)
        return f"Cleaning — {ways}. " if ways else ""


def wear_verdict(gem: GemFacts, care: str = "") -> str:
    """Whether a gem stands everyday wear in a ring, from its hardness against dust (quartz, 7), the toughness
    its `care` text gives and its cleavage: "Tanzanite (Mohs 6.5) is softer than quartz …"; '' for a gem with
    no hardness."""
    if gem.hardness is None:
        return ""
    mohs, standing = f"{gem.name} (Mohs {gem.format('hardness')})", _wear_standing(gem, care)
    if standing >= 2 and NOT_TOUGH.search(care):  # emerald: hard, but it chips
        said = (
            f"{mohs} is hard enough that the quartz grains in dust (Mohs 7) do not scratch it, but it is not tough: "
            "a knock can chip or break it, so in a ring it wants a protective setting and to come off for rough work"
        )
    elif standing >= 2:
        said = f"{mohs} is hard enough for everyday wear: the quartz grains in dust (Mohs 7) do not scratch it"
    elif standing == 1:
        said = (
            f"{mohs} is softer than quartz (Mohs 7), the hardest common grain in dust, so its polish dulls over years "
            "of daily wear: in a ring it wants a protective setting and to come off for rough work; earrings and "
            "pendants wear better"
        )
    else:
        said = f"{mohs} scratches easily in daily ring wear: pendants, earrings or brooches suit it better"
    if (gem.cleavage or "").lower().startswith("perfect"):
        said += f", {'though' if gem.hardness[0] >= DUST else 'and'} its perfect cleavage lets a hard knock split it"
    return f"{said}. "


CLEANED_BY = re.compile(r"\b(?:clean\w*|ultrasonic|steam\w*|damp cloth)\b", re.I)
# "Stable to chemicals, but attacked by hydrofluoric acid": what does not harm the stone is no cause of its damage
STABLE_TO_CHEMICALS = re.compile(
    r"\b(?:stable (?:to|when exposed to) chemicals|resists? (?:common )?chemicals|"
    r"not (?:affected|attacked) by (?:exposure to )?chemicals|no special sensitivity to (?:common )?chemicals)\b",
    re.I,
)
CLEANING_ASKED = re.compile(r"\b(?:clean\w*|wash\w*|soak\w*|ultrasonic|steam\w*)\b", re.I)
# "how do I clean calcite?", then "can I use vinegar?": a cleaning, or a chemical to clean with
CLEANED_WITH = re.compile(rf"{CLEANING_ASKED.pattern}|\b(?:vinegar|acids?|lemon juice|bleach|ammonia)\b", re.I)
# "which is more durable?" of two gems, "sapphire or diamond for an engagement ring?": how each stands ring wear
WEAR_COMPARED = re.compile(
    r"\b(?:more|most|less|least)\s+(?:durable|fragile|scratch[- ]resistant)\b|\bscratch(?:es)?\s+(?:less|more)\b|"
    r"\b(?:lasts?|wears?)\s+(?:longer|better)\b|\b(?:for|in)\s+(?:an?\s+)?(?:engagement |wedding |everyday )?rings?\b|"
    r"\bengagement rings?\b|\b(?:for|in)\s+(?:everyday|every day|daily)\s+wear\b",
    re.I,
)


def wear_compared(gems: list[GemFacts]) -> tuple[str, list[str]]:
    """How each of two or three gems stands everyday ring wear (`wear_verdict`), and the sources of their care
    notes."""
    cares = [care_of([g.name, g.species, g.group]) for g in gems]
    said = "".join(wear_verdict(g, care.text if care else "") for g, care in zip(gems, cares, strict=True))
    if all(care and care.toughness for care in cares):  # knocks as well as scratches: "which is more durable?"
        graded = "; ".join(_graded(g, care) for g, care in zip(gems, cares, strict=True))
        said = f"{said.strip()} **Toughness** (resistance to breaking and chipping): {graded}. {_compared(gems, cares)}"
    else:  # the toughness grades, where all have one, say which is the more durable
        said = f"{_wears_best(gems, cares)}{said}"
    sources = [f"sources ({care.name}): {'; '.join(care.sources)}" for care in cares if care is not None]
    return said.strip(), list(dict.fromkeys(sources))


# how `wear_verdict` grades a gem for ring wear, the worst first
WEAR_STANDINGS = (
    "soft for a ring",
    "softer than the quartz grains in dust (Mohs 7), so in a ring they dull and want care",
    "hard enough for everyday wear, but a knock can chip or split them",
    "hard enough for everyday wear, and my notes name no weakness to knocks",
)


def _wear_standing(gem: GemFacts, care: str) -> int:
    """How well a gem with a hardness stands ring wear, by its hardness against dust (quartz, 7), the toughness its
    `care` text gives and its cleavage, as `wear_verdict` says it: its index in `WEAR_STANDINGS`."""
    if gem.hardness[0] < DUST:
        return int(gem.hardness[0] >= 5.5)
    weak = NOT_TOUGH.search(care) or (gem.cleavage or "").lower().startswith("perfect")
    return 2 if weak else 3


def _wears_best(gems: Sequence[GemFacts], cares: list[Care | None]) -> str:
    """ "Quartz wears best of the three: …": the gems `wear_verdict` grades above the rest, or that none stands out;
    '' when one has no hardness."""
    if any(g.hardness is None for g in gems):
        return ""
    standing = [_wear_standing(g, c.text if c else "") for g, c in zip(gems, cares, strict=True)]
    best = [g.name for g, rank in zip(gems, standing, strict=True) if rank == max(standing)]
    how = WEAR_STANDINGS[max(standing)]
    if len(best) == len(gems):
        return (
            f"{'Neither' if len(gems) == 2 else 'None'} stands out: {'both' if len(gems) == 2 else 'all'} are {how}. "
        )
    of = {2: "two", 3: "three"}.get(len(gems), str(len(gems)))
    lead = f"{best[0]} wears best of the {of}: it is" if len(best) == 1 else f"{join_words(best)} wear best: they are"
    return f"{lead} {how.replace('split them', 'split it') if len(best) == 1 else how}. "


def _first(what: str, named: re.Pattern[str], said: list[str], none: str) -> str:
    """What the sentences `said` of light or heat (those `named` matches), put before the cleaning: "In heat: …"."""
    found = " ".join(dict.fromkeys(x.rstrip(".") + "." for x in said if named.search(x)))
    return f"In {what}: {found or none + '.'} "


def _care(entry: dict, name: str, treatment: bool = False) -> Care:
    return Care(
        name,
        entry["ultrasonic"],
        entry["steam"],
        entry["warm_soapy_water"],
        entry["text"],
        tuple(entry["sources"]),
        treatment,
        entry.get("disclosure", ""),
        entry.get("toughness", ""),
    )


def _bench(entry: dict) -> BenchWork:
    gems = tuple((tuple(g["gems"]), g["text"]) for g in entry["gems"])
    return BenchWork(entry["work"], tuple(entry["asked_as"]), entry["general"], gems, tuple(entry["sources"]))


Treated = tuple[tuple[str, ...], tuple[str, ...], Care]  # (said_as, not_said_as, the treated material's care)


@cache
def _care_file() -> tuple[dict[str, Care], tuple[Treated, ...], tuple[BenchWork, ...], dict]:
    with open(CARE_PATH, encoding="utf-8") as f:
        data = json.load(f)
    gems = {name.lower(): _care(e, e["gem"]) for e in data["gems"] for name in (e["gem"], *e.get("also", ()))}
    treatments = tuple(
        (tuple(e["said_as"]), tuple(e.get("not_said_as", ())), _care(e, e["treatment"], treatment=True))
        for e in data["treatments"]
    )
    return gems, treatments, tuple(_bench(e) for e in data["bench"]), data["damage"]


def care_question(text: str) -> bool:
    """Whether a message asks how to clean, store or wear a stone, or tells what has happened to it."""
    text = ACID_TEST.sub(" ", text or "")
    asked = bool((CARE_QUESTION.search(text or "") or WEAR_QUESTION.search(text or "")) and ASKED.search(text or ""))
    # "can I polish it?", "how do I polish beach stones?": polishing at home, which the bench notes ask as tumbling;
    # "how do I polish my ring?": the piece's metal, with the stone in it
    asked = asked or any(work.work in (TUMBLING, PIECE_POLISHING) for work in bench_asked(text))
    return asked or bool(SHORT_CARE.match(text or "")) or bool(symptoms_told(text))  # "my opal went cloudy"


def care_of(gem_names: list[str], text: str = "") -> Care | None:
    """The care of a treated material the text names, else of the first of `gem_names` (a gem's own name, then
    its species and group) that has one, or names a gem that has ("Sapphire Blue" is cared for as sapphire)."""
    gems, treatments, *_ = _care_file()
    lowered = (text or "").lower()
    for said_as, not_said_as, care in treatments:
        said = re.sub("|".join(not_said_as), " ", lowered) if not_said_as else lowered  # "dop wax" is no waxing
        if any(compiled(pattern).search(said) for pattern in said_as):
            return care
    for name in gem_names:
        name = (name or "").lower()
        found = gems.get(name) or next((gems[g] for g in gems if re.search(rf"\b{re.escape(g)}\b", name)), None)
        if found is not None:
            return found
    return None


# a cleaning verdict's caution, the most cautious first
CAUTION = ("never", "not recommended", "damp cloth only", "usually safe", "safe")


def most_cautious_care(gems: Sequence[GemFacts], question: str = "") -> tuple[str, list[str]] | None:
    """The care that is safe whichever of `gems` a stone is (an answer unsure between them): each way of cleaning
    at the most cautious of their verdicts, with the gem that sets it; first, for a question of light, heat or
    harm, what each one's notes say of it, and for a wear question the verdict of the softest; None when one of
    them has no care notes or no verdict for a way, or none is known."""
    cares = [care_of([g.name, g.species, g.group]) for g in gems]
    if not gems or any(c is None for c in cares):
        return None
    ways = []
    for way, field in CLEANING_WAYS:
        verdicts = [(getattr(c, field), g.name) for g, c in zip(gems, cares, strict=True)]
        if any(v not in CAUTION for v, _ in verdicts):
            return None
        verdict, name = min(verdicts, key=lambda vg: CAUTION.index(vg[0]))
        differ = len({v for v, _ in verdicts}) > 1
        ways.append(f"{way}: {verdict}" + (f" ({name})" if differ else ""))
    said = f"Cleaning — {'; '.join(ways)}."
    if firsts := [(g, first) for g, c in zip(gems, cares, strict=True) if (first := c.asked_first(question, g))]:
        said = " ".join(f"**{g.name}**: {first.strip()}" for g, first in firsts) + f" {said}"  # "is it toxic?"
    hard = [g for g in gems if g.hardness is not None]
    if (WEAR_QUESTION.search(question) or TOUGHNESS_QUESTION.search(question)) and hard:
        softest = min(hard, key=lambda g: g.hardness[0])
        said = f"{wear_verdict(softest, cares[list(gems).index(softest)].text)}{said}"
    sources = [f"sources ({c.name}): {'; '.join(c.sources)}" for c in cares]
    return said, list(dict.fromkeys(sources))


def stability_compared(question: str, gems: Sequence[GemFacts]) -> tuple[str, list[str]]:
    """ "Which fades, amethyst or citrine?", "which is more heat sensitive, opal or emerald?": what each gem's notes
    say of light or heat (`Care.asked_first`), led by which of them the notes say light fades; the notes rank no
    gem against another. ('', []) for a question of neither, or a gem with no care notes."""
    cares = [care_of([g.name, g.species, g.group]) for g in gems]
    if not (LIGHT_QUESTION.search(question) or HEAT_QUESTION.search(question)) or None in cares:
        return "", []
    said = " ".join(f"**{g.name}**: {c.asked_first(question, g).strip()}" for g, c in zip(gems, cares, strict=True))
    names = join_words([g.name.lower() for g in gems], "and")
    lead = f"My notes do not rank {names} by what heat does to them; what they say of each"
    if LIGHT_QUESTION.search(question):
        fade = [g.name for g, c in zip(gems, cares, strict=True) if _fades(c.asked_first(question, g))]
        lead = (
            f"My notes say {'both' if len(gems) == 2 else 'all'} can fade in light, but do not rank which fades "
            "faster; what they say of each"
            if len(fade) == len(gems)
            else f"Of {names}, my notes say only {join_words(fade, 'and')} can fade in light; what they say of each"
            if fade
            else f"None of my notes says {join_words([g.name.lower() for g in gems], 'or')} fades in light; of each"
        )
    sources = [f"sources ({c.name}): {'; '.join(c.sources)}" for c in cares]
    return f"{lead}: {said}", list(dict.fromkeys(sources))


def _fades(said: str) -> bool:
    """Whether what the notes say of light (`Care.asked_first`) has it fade, not "will not fade"."""
    return any(FADES_IN_LIGHT.search(x) and not NEVER_FADES.search(x) for x in sentences(said))


def treated_material(name: str) -> Care | None:
    """The care of a treated material by its name in the care notes ("dyed stones"), or None."""
    return next((care for *_, care in _care_file()[1] if care.name == name), None)


def never_cleaned_with(way: str) -> list[str]:
    """The gems and treated materials that must never go in the `way` ("ultrasonic" or "steam") cleaner."""
    return cleaned_with(way, ("never",))


def cleaned_with(way: str, verdicts: tuple[str, ...]) -> list[str]:
    """The gems and treated materials whose verdict for the `way` ("ultrasonic" or "steam") cleaner is one of
    `verdicts`, each once."""
    gems, treatments, *_ = _care_file()
    cares = [*gems.values(), *(care for *_, care in treatments)]
    return list(dict.fromkeys(care.name for care in cares if getattr(care, way) in verdicts))


_LIGHT = r"\b(?:light|sun(?:light|shine)?|daylight)\b"  # not "sunstone"
FADES_IN_LIGHT = re.compile(rf"\bfad(?:e|es|ed|ing)\b(?=.*{_LIGHT})|{_LIGHT}.*\bfad", re.I)
NEVER_FADES = re.compile(r"\b(?:not|never) fade|\bstable (?:under|to) light\b(?!.*\bfade)", re.I)


def fading_in_light() -> list[tuple[str, str]]:
    """(gem, sentence) for each gem whose care notes say light or sun can fade it, or a kind of it ("dyed jadeite"),
    in the care file's order; not "will not fade" nor a fading by heat alone."""
    fading = [
        (care.name, [x for x in sentences(care.text) if FADES_IN_LIGHT.search(x) and not NEVER_FADES.search(x)])
        for care in dict.fromkeys(_care_file()[0].values())  # jade once, not again as jadeite and nephrite
    ]
    return [(name, said[0]) for name, said in fading if said]


# what heat does to a stone, said as a harm ("can crack it", "heat-sensitive"), not "stable to heat in normal wear"
HEAT_HARMS = re.compile(
    r"sensitiv\w*|crack|fractur|break|burn|melt|fad(?:e|es|ed|ing)\b|chang|alter|damag|harm|discolou|craz|cleave|"
    r"los(?:e|es|s)\b|bleach|pales|darken|split|deteriorat|vulnerable|not recommended|should not|affected|"
    r"away from heat|avoid (?:extreme |high )?heat\b",
    re.I,
)
RESISTS_HEAT = re.compile(r"\b(?:resists?|stable to) (?:ordinary |normal |light and )?heat\b", re.I)


def heat_sensitive() -> tuple[list[str], list[str], list[str], list[str]]:
    """From the care notes, in the care file's order: the gems heat can harm (crack, fade, burn), those said to
    resist ordinary heat though extreme heat or a sudden change can harm them, those said to be stable to heat;
    and the sources among the harmed gems' notes that speak of heat."""
    harmed, resist, stable = [], [], []
    for care in dict.fromkeys(_care_file()[0].values()):
        said = [x for x in sentences(care.text) if SAID_OF_HEAT.search(x)]
        harms = any(HEAT_HARMS.search(re.sub(r"temperature changes?", "", x)) for x in said)  # not "avoid changes"
        resists = any(RESISTS_HEAT.search(x) for x in said)
        (resist if harms and resists else harmed if harms else stable if resists else []).append(care)
    sources = [x for care in harmed + resist for x in care.sources if SAID_OF_HEAT.search(x.split(" <http")[0])]
    names = ([care.name for care in group] for group in (harmed, resist, stable))
    return *names, list(dict.fromkeys(sources))


# "which stones are heat sensitive during cutting?": the heat of the cutter's bench, the dop's
AT_THE_CUTTERS_BENCH = re.compile(r"\b(?:cut(?:ting)?|facet\w*|lapidary|grind\w*|polish\w*|cabb?ing|sawing)\b", re.I)
DOPPING = "dopping"


def heat_sensitive_answer(question: str) -> tuple[str, list[str]]:
    """ "Which gems are heat sensitive?": the care notes' gems heat harms, those said to resist ordinary heat and
    those said to be stable to it; asked of cutting, first what the dopping notes say of each gem they name. With
    the sources."""
    harmed, resist, stable, sources = heat_sensitive()
    reply = (
        f"**Heat-sensitive gems**, as my care notes say (heat or a sudden temperature change can crack, fade or "
        f"burn them): {', '.join(harmed)}. Said to resist ordinary heat, though extreme heat or a sudden change "
        f"can harm them: {', '.join(resist)}. Said to be stable to heat in normal wear: {', '.join(stable)}. Ask "
        "about one for what heat does to it."
    )
    if not AT_THE_CUTTERS_BENCH.search(question or ""):
        return reply, sources
    dop = next(work for work in _care_file()[2] if work.work == DOPPING)
    each = " ".join(f"{', '.join(names)}: {text}" for names, text in dop.gems)
    return f"**At the cutter's bench**, the dop's heat: {dop.general} {each}\n\n{reply}", [*dop.sources, *sources]


# "what gemstone is good for an everyday ring that's not a diamond?", "best stones for an engagement ring?"
RING_GEMS_QUESTION = re.compile(
    r"\b(?:what|which)\b[^?.]{0,30}\b(?:gems?|gemstones?|stones?)\b[^?.]{0,40}\b(?:every ?day|daily|engagement|"
    r"wedding|men'?s|man'?s|gents?'?)\s+rings?\b|\b(?:best|good|durable|hardest|toughest)\s+(?:gems?|gemstones?|stones?)\s+"
    r"for\s+(?:an?\s+)?" + RING_KIND + r"rings?\b",
    re.I,
)
NOT_THIS_GEM = re.compile(r"\b(?:not|other than|besides|except|instead of|no)\s+(?:an?\s+)?([a-z]+)", re.I)


def ring_gems_answer(text: str) -> str:
    """The gems of the care notes that stand everyday ring wear (Mohs 8 or more, tough, no perfect cleavage but
    diamond's), hardest first, those that need care in a ring, and none a question rules out ("not a diamond");
    '' for any other question."""
    from gemlang.knowledge import find_gem

    if not RING_GEMS_QUESTION.search(text or ""):
        return ""
    ruled_out = {m.group(1).lower().rstrip("s") for m in NOT_THIS_GEM.finditer(text)}
    gems = _care_file()[0]
    wear, careful = [], []
    for name, care in gems.items():
        gem = find_gem(name)
        if gem is None or gem.hardness is None or gem.origin != "natural" or gem.name.lower() != name:
            continue
        cleaves = (gem.cleavage or "").lower().startswith("perfect") and gem.hardness[0] < 10
        if gem.hardness[0] >= 8 and not NOT_TOUGH.search(care.text) and not cleaves:
            if not ruled_out & {name, gem.species.lower()}:
                wear.append(gem)
        elif gem.hardness[0] < DUST or NOT_TOUGH.search(care.text) or cleaves:
            careful.append(gem)
    wear.sort(key=lambda g: (-g.hardness[0], g.name))
    listed = "; ".join(f"{g.name} (Mohs {g.format('hardness')})" for g in wear)
    softest = ", ".join(g.name for g in sorted(careful, key=lambda g: (g.hardness[0], g.name))[:12])
    return (
        f"**For a ring worn every day**, the gems hard enough that the quartz in dust (Mohs 7) does not scratch them "
        f"and tough enough for knocks: {listed}. Softer gems, or those that chip or split along a cleavage, want a "
        f"protective setting and to come off for rough work, or suit earrings and pendants better: {softest}, "
        'among others. Ask about one ("can I wear tanzanite every day?") for its care.'
    )


# "is emerald tougher than diamond?", "how tough is jade?", "will my tanzanite chip?", "does opal break easily?":
# breaking, not scratching; "tough enough for a ring?" is a wear question, and "more durable" compares two gems
TOUGHNESS_QUESTION = re.compile(  # "chip" as what it may do, not "my emerald has a chip" (a repair)
    r"\btough(?:er|est|ness)?\b|\btenacity\b|"  # "what is the tenacity of jade?": its toughness, as the glossary says
    r"\b(?:more|less|most|least) brittle\b|"  # "which is more brittle?": the tougher
    r"\b(?:will|would|can|could|does|do|might|may)\b[^?.!,]{0,30}\b(?:chip|crack|break|shatter)\b|"
    r"\b(?:break(?:s|ing)?|crack(?:s|ing)?|chip(?:s|ping)?) easily\b",
    re.I,
)
DURABILITY_COMPARED = re.compile(r"\b(?:more|less|most|least)\s+durable\b|\bdurable\b[^?.!]{0,20}\bor\b", re.I)
GRADES = ("very poor", "poor", "fair", "good", "excellent", "exceptional")  # the toughness words, weakest first
SAID_OF_KNOCKS = re.compile(r"\bknock|\bblow\b|\bchip|\bsplit|\bbrittle|\bfragile", re.I)


def _grades(toughness: str) -> tuple[int, int]:
    """The weakest and strongest grade of a toughness as sources word it: "very poor to fair" -> (0, 2)."""
    ranks = [GRADES.index(word.strip()) for word in toughness.lower().split(" to ")]
    return min(ranks), max(ranks)


def _durability(gem: GemFacts) -> tuple[Care | None, str]:
    """A gem's care notes and what they say of knocks, with its perfect cleavage, which a knock splits."""
    care = care_of([gem.name, gem.species, gem.group])
    said = [x.rstrip(".") + "." for x in sentences(care.text if care else "") if SAID_OF_KNOCKS.search(x)]
    if (gem.cleavage or "").lower().startswith("perfect") and not any("cleav" in x.lower() for x in said):
        said.append(f"Its cleavage is {gem.cleavage.lower()}: a hard knock can split it along it.")
    return care, " ".join(said)


def _graded(gem: GemFacts, care: Care | None) -> str:
    """ "Jade (toughness exceptional, Mohs 6–7)", or with no grade where none of its sources gives one."""
    grade = f"toughness {care.toughness}" if care and care.toughness else "no toughness grade in my facts"
    mohs = f", Mohs {gem.format('hardness')}" if gem.hardness else ""
    return f"{gem.name} ({grade}{mohs})"


def _compared(gems: Sequence[GemFacts], cares: list[Care | None]) -> str:
    """Which of two or more graded gems is the tougher (the toughest), and, when it is not the harder, that hardness
    is another property (diamond, the hardest, chips where jade does not)."""
    grades = [_grades(c.toughness) for c in cares]
    two = len(gems) == 2
    if len(set(grades)) == 1:
        return f"{join_words([g.name for g in gems], 'and')} are graded alike."
    leaders, rest = ahead_of_the_rest(grades)
    if not leaders:
        return f"Their grades overlap: {'neither' if two else 'none'} is surely the {'tougher' if two else 'toughest'}."
    which = "tougher" if two else "toughest"
    said = f"{join_words([gems[i].name for i in leaders], 'and')} {'is' if len(leaders) == 1 else 'are'} the {which}."
    if len(leaders) > 1:  # ruby and sapphire, both excellent: no one stone to weigh against the rest's hardness
        return said
    tough, others = gems[leaders[0]], [gems[i] for i in rest]
    # harder only when wholly above, as "which is harder?" reads two ranges: opal 5.5–6.5 and jade 6–7 overlap
    harder = [o for o in others if tough.hardness and o.hardness and o.hardness[0] > tough.hardness[1]]
    if harder:
        verb = "is the harder" if two else "is harder" if len(harder) == 1 else "are harder"
        said += (
            f" {join_words([o.name for o in harder], 'and')} {verb}, so "
            f"{'it resists' if len(harder) == 1 else 'they resist'} scratching better, but hardness and toughness "
            "differ: a hard stone can still chip or split under a knock."
        )
        if two:  # durability is both (and stability): the facts disagree, so what each is weak at
            said += (
                f" Neither is the more durable on both counts: {tough.name} is the weaker against scratches, "
                f"{harder[0].name} against knocks."
            )
    elif tough.hardness and all(o.hardness and tough.hardness[0] > o.hardness[1] for o in others):
        most = ("harder", "more") if two else ("hardest", "most")
        said += f" It is also the {most[0]}, so it is the {most[1]} durable on both counts."
    elif tough.hardness and all(o.hardness and tough.hardness[0] >= o.hardness[0] for o in others):
        # opal 5.5–6.5 and jade 6–7: no harder for sure, but no softer either
        most = "the more" if two else "the most"
        said += f" Their hardness ranges overlap, and it is no softer, so it is {most} durable on the two together."
    return said


# "is the setting fragile?", "is the prong loose?": of the metal the stone is set in, which no care note covers; not
# "can the prongs be re-tipped with it in?" (a torch's heat on the stone) or "how do I clean the setting?"
SETTING_ASKED = re.compile(
    rf"^\s*(?:is|are|was|were|will|would|could|can|might|does|do|did)\s+(?:the|my|its|this|that|her|his|a)\s+"
    rf"(?P<part>{THE_METAL})\b(?!\s+(?:stone|gem))",
    re.I,
)
# the metal said to be worn, or the stone feared to fall out: "one of the prongs is bent, is the stone safe?", "the
# bezel looks thin", "will the stone fall out of a prong setting?"
SETTING_WORN = re.compile(
    rf"\b(?:the|my|its|a|one of the|one of its)\s+(?P<part>{THE_METAL})\s+(?:is|are|was|were|looks?|seems?|feels?)\s+"
    r"(?:\w+\s+)?(?:bent|loose|worn|broken|damaged|thin|lifted|missing|wobbly|cracked|snapped|caught)\b|"
    r"\b(?:fall|falls|falling|fell|drop|drops|pop|pops)\s+out\b",
    re.I,
)
# "is the setting gold?", "is my mount real silver?": what the metal is, not how sound it is
METAL_NAMED = re.compile(
    r"\b(?:gold|silver|platinum|palladium|titanium|steel|brass|copper|rhodium|plated|vermeil|karat|carat|solid|real|"
    r"fake|genuine|hallmark\w*|\d+\s*(?:k|kt|ct))\b",
    re.I,
)


# "is a bezel or a prong setting better for an emerald?", "what setting protects it best?": which setting to choose,
# not how sound the one in hand is
_SETTING = r"(?:setting|mount(?:ing)?|bezel|prong|claw)s?"
SETTING_CHOSEN = re.compile(
    r"\b(?:bezel|prongs?|claws?)\b[^?!.]*\bor\b[^?!.]*\b(?:bezel|prongs?|claws?)\b|"
    rf"\b(?:which|what)\s+(?:(?:kind|type|style)s?\s+of\s+)?{_SETTING}\b(?![^?!.]*\b(?:metal|gold|silver)\b)|"
    rf"\b(?:best|better|safest|safer|protective|recommended)\s+{_SETTING}\b|"
    rf"\b{_SETTING}\b[^?!.]*\b(?:best|better|safest|safer|protects?|recommend\w*)\b|"
    r"\b(?:can|should|could)\b[^?!.]*\bbe\s+set\s+in\b",  # "can opal be set in a ring?"
    re.I,
)
# "how many prongs should it have?", "4 or 6 prongs?": how many prongs hold a stone, the glossary's entry
PRONGS_COUNTED = re.compile(r"\bhow many (?:prongs|claws)\b|\b(?:four|six|three|[346])[- ]?(?:prongs?|claws?)\b", re.I)
# "is it prong set?", "is this stone bezel set?": the setting of the stone in hand, which no photo of a stone shows
SETTING_OF_THE_STONE = re.compile(
    r"^\s*(?:is|was)\s+(?:it|this|that|mine|(?:my|the|this)\s+(?:stone|gem|gemstone))\s+"
    r"(?:(?:prong|claw|bezel|tension|channel|pav[eé]|flush|gypsy)[- ]?set|set\s+in\s+(?:an?\s+)?\w+)\b",
    re.I,
)
# the glossary's settings, each said with what it means for the stone; the protective one is bezel against prong
SETTING_STYLES = (
    "protective setting", "tension setting", "channel setting", "pavé setting", "halo setting", "flush setting",
    "cluster setting", "solitaire setting", "Tiffany setting",
)  # fmt: skip
# two settings compared by their bare names, the word "setting" said once or not at all: "tension vs bezel setting",
# "channel setting or pave?", "halo and cluster, which is safer?"
_SETTING_NAMES = r"bezel|prong|claw|rub-?over|tension|channel|pav[eé]|halo|flush|gypsy|burnish|cluster|solitaire"
SETTINGS_COMPARED = re.compile(
    rf"\b(?:{_SETTING_NAMES})\b[^?!.]*\b(?:vs\.?|versus|or|and|compared (?:to|with))\s+(?:an?\s+|the\s+)?"
    rf"(?:{_SETTING_NAMES})\b",
    re.I,
)
# "my engagement ring has a halo": a bare name read as its setting in a message of a ring or a setting; not "a halo
# around the inclusion", nor "a tension halo", of the stone inside
OF_A_SETTING = re.compile(
    r"^(?!.*\b(?:inclusions?|crystals?|fractures?|feathers?|fissures?|stress)\b)"
    r".*\b(?:rings?|settings?|mount(?:ing)?s?)\b",
    re.I,
)


def as_settings(text: str) -> str:
    """The message with each bare name of a setting read as its setting ("my ring has a halo": "my ring has a halo
    setting") when two are compared or the message speaks of a ring or a setting; else the message as it is."""
    if SETTINGS_COMPARED.search(text) or OF_A_SETTING.search(text):
        return re.sub(rf"\b({_SETTING_NAMES})\b(?!\s+(?:settings?|set|mount))", r"\1 setting", text, flags=re.I)
    return text


def _styles_named(text: str) -> list:
    """The glossary's setting styles a message names, each bare name ("halo and cluster, which is safer?", "my ring
    has a halo") read as its setting (`as_settings`)."""
    from gemlang.knowledge.glossary import terms_named

    return [t for t in terms_named(as_settings(text)) if t.term in SETTING_STYLES]


# "what types of settings are there?", "what setting styles are there?"
SETTINGS_LISTED = re.compile(
    r"\b(?:kinds|types|styles|sorts)\s+of\s+(?:settings|mounts|mountings)\b|\bsetting\s+(?:kinds|types|styles|sorts)\b",
    re.I,
)
# "is a tension setting ok for opal?", "can I put an emerald in a tension setting?", "is channel setting secure?":
# whether a setting style named suits a stone
SETTING_SUITS = re.compile(
    r"\b(?:ok|okay|suitable|suit|suits|good|safe|secure|fine|work|works|put|set|use|risky|strong|durable|sturdy)\b.*\?",
    re.I,
)


# "my ring has a halo setting, what is the centre stone?", "it's a pavé ring, what are the stones?": the stone asked,
# which the setting does not tell
STONE_ASKED = re.compile(
    r"\b(?:what|which)(?:'s|\s+is|\s+are)?\s+(?:(?:the|my|this|these|its|their)\s+)?"
    r"(?:(?:centre|center|central|main|middle|side|small|little|other)\s+)?(?:stones?|gems?|gemstones?)\b|"
    r"\bwhat\s+(?:is|are)\s+(?:it|they)\b",
    re.I,
)


def _entries(terms) -> str:
    """The glossary's entries for settings, one after another ("**Halo setting**: A halo setting surrounds …")."""
    return " ".join(f"**{t.term[0].upper()}{t.term[1:]}**: {t.text}" for t in terms)


def setting_chosen(text: str, gem: GemFacts | None) -> tuple[str, list[str]]:
    """Which setting protects a stone (the glossary's protective setting, or the settings a question names: "is a
    tension setting ok for opal?"), with how well the gem itself stands knocks; ('', []) unless a setting is being
    chosen."""
    from gemlang.knowledge.glossary import term_called

    compared = SETTINGS_COMPARED.search(text or "")  # each bare name read as its setting: "tension vs bezel setting"
    styles = _styles_named(text or "")
    counted = PRONGS_COUNTED.search(text or "")
    if counted:  # "how many prongs should it have?": the prongs counted, not the bezel against them
        styles = [term for term in (term_called("number of prongs"),) if term is not None]
    suits = SETTING_SUITS.search(text or "") or compared or counted
    # "what ring setting types are there?": the settings listed are chosen among too
    if not (SETTING_CHOSEN.search(text or "") or SETTINGS_LISTED.search(text or "")) and not (styles and suits):
        return "", []
    terms = styles or [term for term in (term_called("protective setting"),) if term is not None]
    if not terms:
        return "", []
    reply = _entries(terms)
    if SETTING_OF_THE_STONE.search(text):  # "is it prong set?": of a stone in hand or not, the piece shows it
        reply = (
            "**How it is set**: the piece in hand shows it; I read the stone, not its setting, and a photo of a loose "
            f"stone shows none. What the setting means:\n\n{reply}"
        )
    if not styles and SETTINGS_LISTED.search(text):  # "what types of settings are there?": the others named too
        others = [term.split()[0] for term in SETTING_STYLES[1:]]
        reply += f" Other settings I can explain: {join_words(others, 'and')}; ask about one by name."
    sources = [t.source for t in terms]
    if gem is not None:
        care, knocks = _durability(gem)
        reply += f" Of the stone itself: {_graded(gem, care)}.{f' {knocks}' if knocks else ''}"
        sources += [s for s in care.sources if "tough" in s.lower()] if care and care.toughness else []
    return reply, sources


def setting_answer(text: str, gem: GemFacts | None) -> tuple[str, list[str]]:
    """That the facts are of the stone, not of the metal a question asks about ("is the prong loose?"), with how
    well the stone itself stands knocks, or ("is the setting gold?") what the metal is; which setting protects it
    (`setting_chosen`); ('', []) for any other question."""
    worn = SETTING_WORN.search(text or "")  # "a prong is bent, is the stone safe?": no setting is being chosen
    if not worn and (chosen := setting_chosen(text, gem))[0]:
        return chosen
    if gem is None and (held := stone_in_a_setting(text))[0]:
        return held
    asked = SETTING_ASKED.search(text or "") or worn
    if not asked or HEAT_QUESTION.search(text) or CLEANING_ASKED.search(text):
        return "", []
    part = (asked.group("part") or "setting").lower()  # "will the stone fall out?": of its setting
    be = "are" if part.endswith("s") else "is"
    not_ours = f"**The {part}**: my facts are of gems, not of the metal they are set in:"
    if METAL_NAMED.search(text[asked.end() :]):  # the stone's toughness answers nothing of it
        return f"{not_ours} what metal the {part} {be}, a jeweller checks with the piece in hand. {HALLMARK_TELLS}", []
    reply = f"{not_ours} whether the {part} {be} loose, worn or sound, a jeweller checks with the piece in hand."
    if gem is None:
        return reply, []
    care = care_of([gem.name, gem.species, gem.group])
    reply += f" Of the stone itself: {_graded(gem, care)}."
    sources = [s for s in care.sources if "tough" in s.lower()] if care and care.toughness else []
    return reply, sources


def stone_in_a_setting(text: str) -> tuple[str, list[str]]:
    """That a setting named does not say which gem it holds, how to find out, and what the setting is ("my ring has
    a halo setting, what is the centre stone?"); ('', []) unless a setting style is named and its stone asked."""
    styles = _styles_named(text or "")
    if not styles or not STONE_ASKED.search(text):
        return "", []
    reply = (
        "**The setting does not say which gems it holds**: any stone can be set so. Send a photo of the stone and "
        'ask "what gem is this?", or tell me what your instruments read; a piece\'s other stones are told apart in a '
        "message of their own."
    )
    return f"{reply}\n\n{_entries(styles)}", [t.source for t in styles]


PRECIOUS_METALS = r"gold|silver|platinum|palladium"
# what tells a piece's metal, the glossary's hallmark explained after it
HALLMARK_TELLS = "A hallmark says what a piece of precious metal is, and an assay (a test of the metal) decides it."
# a piece of jewellery a metal is asked of: "is my ring gold?" (not "is it gold?", of a pyrite perhaps)
PIECE = r"ring|band|chain|necklace|bracelet|bangle|earrings?|pendant|brooch|piece|jewell?ery|jewelry|coin|bar"
# a piece of its own named by its metal ("how do I polish my silver ring?", "… clean gold?"): not of the gem spoken of
ANOTHER_PIECE = re.compile(
    rf"\b(?:{PRECIOUS_METALS}|sterling)\s+(?:{PIECE})s?\b|"
    rf"\b(?:polish|clean)\w*\s+(?:my\s+|the\s+)?(?:{PRECIOUS_METALS}|sterling)\b(?!\s+(?:polish|cloth|dip|cleaner))",
    re.I,
)
# what a piece's metal is, or how pure: "is my ring real gold?", "the jeweller said it is real gold", "is it 18k
# gold?", "how can I tell if gold is real?", "is my necklace silver?"; not "gold topaz" or "a silver-grey stone"
METAL_ASKED = re.compile(
    rf"\b(?:real|solid|pure|genuine|fake|authentic|\d{{1,2}}\s?(?:k|kt|karat|carat)|sterling)\s+"
    rf"(?:(?:white|yellow|rose)\s+)?(?:{PRECIOUS_METALS})\b(?![- ](?:colou?r|tone|sheen))|"
    rf"\b(?:{PRECIOUS_METALS})[- ](?:plated|filled)\b|\bsterling\b|"
    rf"\b(?:{PRECIOUS_METALS})\b[^.?!]{{0,25}}\b(?:is|be|are)\s+(?:real|fake|genuine|pure|solid)\b|"
    rf"^\s*(?:is|are)\s+(?:my|the|this|that|her|his)\s+(?:{PIECE})\s+(?:made of\s+)?(?:{PRECIOUS_METALS})\s*\??\s*$",
    re.I,
)


def metal_answer(text: str) -> str:
    """That a piece's metal, or its purity ("the jeweller said it is real gold"), is beyond facts of gems and
    minerals, and what tells it (the glossary's hallmark, said after it); '' for any other message."""
    if not METAL_ASKED.search(text or ""):
        return ""
    metal = re.search(rf"\b(?:{PRECIOUS_METALS})\b", text, re.I)
    name = metal.group(0).capitalize() if metal else "Silver"  # "is it sterling?"
    return (
        f"**{name} is a metal, not a gem**: I identify gems and minerals, from photos and readings, not a metal or "
        f"how pure it is. {HALLMARK_TELLS}"
    )


# "which is the toughest gem?", "which gem is the most durable?": of gems in general
TOUGHEST_ASKED = re.compile(r"\b(?:toughest|most durable)\b", re.I)


def toughest_answer(text: str) -> tuple[str, list[str]]:
    """The toughest of the gems the care notes' sources grade (jade), with diamond's lower grade beside it (the
    hardest gem is not the toughest), and the sources of the grades; ('', []) for any other question."""
    from gemlang.knowledge import find_gem

    if not TOUGHEST_ASKED.search(text or ""):
        return "", []
    cares = [care for care in dict.fromkeys(_care_file()[0].values()) if care.toughness]
    top = max(_grades(care.toughness)[0] for care in cares)
    toughest = [care for care in cares if _grades(care.toughness)[0] == top]
    diamond = care_of(["diamond"])
    gems = [(find_gem(care.name), care) for care in toughest]
    said = join_words([_graded(gem, care) for gem, care in gems if gem], "and")
    from gemlang.knowledge.glossary import term_called

    durable = "most durable" in text.lower()
    reply = (
        "**Durability** is hardness, toughness and stability (to light, heat and chemicals) together, and no gem leads "
        "on all of them. "
        if durable
        else ""
    ) + f"**The toughest**, of the {len(cares)} gems my care notes' sources grade: {said}."
    if diamond and (hardest := find_gem("diamond")):
        reply += f" Diamond, the hardest gem, is graded lower: {_graded(hardest, diamond)}."
    sources = [s for care in [*toughest, diamond] if care for s in care.sources if "tough" in s.lower()]
    sources += [term.source for term in [term_called("durability")] if durable and term]
    return reply, list(dict.fromkeys(sources))


def toughness_answer(text: str, gems: list[GemFacts]) -> tuple[str, list[str]]:
    """How well one gem, or each of two or three, stands knocks (toughness: breaking and chipping, not scratching), from
    the grade its care notes' sources give and what they say of knocks; ('', []) for any other question."""
    asked = TOUGHNESS_QUESTION.search(text or "") or (len(gems) >= 2 and DURABILITY_COMPARED.search(text or ""))
    # "will it crack in hot water?", "… in the sun?": heat or light, which the care notes answer
    cared = WEAR_QUESTION.search(text) or HEAT_QUESTION.search(text) or LIGHT_QUESTION.search(text)
    if not asked or cared or not 1 <= len(gems) <= 3:
        return "", []
    said = [_durability(gem) for gem in gems]
    cares = [care for care, _ in said]
    reply = "**Toughness** (resistance to breaking and chipping; hardness is resistance to scratching): "
    reply += "; ".join(_graded(gem, care) for gem, care in zip(gems, cares, strict=True)) + "."
    compared = len(gems) >= 2 and all(care and care.toughness for care in cares)
    tougher = None
    if compared:
        reply += f" {(verdict := _compared(gems, cares))}"
        tougher = next((gem for gem in gems if re.match(rf"{gem.name} is the tough(?:er|est)\b", verdict)), None)
    sources = []
    for gem, (care, knocks) in zip(gems, said, strict=True):
        if knocks and gem is not tougher:  # what a knock does to the weaker stone (diamond's girdle chips)
            reply += f" Of {gem.name.lower()}: {knocks}"
        if care is not None and (care.toughness or knocks):  # the grade's source, else the notes said
            sources += [s for s in care.sources if "tough" in s.lower()] if care.toughness else list(care.sources)
    return reply, list(dict.fromkeys(sources))
