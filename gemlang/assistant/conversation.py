"""One chat: the stone in hand (its photos, their probabilities, the hints so far) and the answer to
each message."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
from PIL import Image

from gemlang.assistant.answer import UNSURE_BECAUSE, Answer
from gemlang.assistant.fact_checks import FIT_ASKED, claim_and_rest, claims_checked, readings_fit
from gemlang.assistant.follow_ups import waiting_for, with_other_edge, with_unit_given
from gemlang.assistant.gem_answers import (
    NATURAL_UNSHOWN,
    ORIGIN_DECIDED,
    PHOTO_CANNOT_TELL_GLASS,
    PRICE_REFUSED,
    TOLD_IN_THE_STONE,
    TYPE_LOCALITY_SAID,
    UNSHOWN,
    WHAT_VALUE_RESTS_ON,
    also_asked,
    artificial_as_told,
    asked_of_each,
    by_the_test_named,
    carat_size_compared,
    carat_weight_answer,
    colour_of,
    colours_answer,
    constants_said,
    crystal_effect,
    crystal_kind,
    cutting_answer,
    detection_answer,
    detection_text,
    every_cats_eye_answer,
    facts_name,
    floats_in,
    follow_up_colours,
    found_gem_answer,
    found_in_nature,
    gems_from,
    group_colours_answer,
    habit_said,
    how_to_spot_glass,
    how_to_tell_natural,
    how_to_test,
    imitations_answer,
    in_the_colour,
    irradiation_said,
    kind_answer,
    lab_grown_compared,
    lab_grown_treatments,
    looked_for,
    material_kind,
    natural_as_told,
    optic_verdict,
    ordered_answer,
    own_constants,
    phenomena_asked,
    phenomena_cited,
    pleochroic_verdict,
    property_rows,
    property_value,
    quality_chosen,
    readings_given,
    ri_and_sg,
    scratched_by,
    sellers_claims,
    shown_list_answer,
    side_answer,
    sold_as,
    sources_note,
    species_word,
    tell_apart,
    the_one_in_colour,
    trade_name_use_answer,
    treated_yet_the_gem,
    treatments_named,
    two_gems_answer,
    type_locality,
    unranked_compared,
    untreated_as_far_as_known,
    what_it_shows,
    where_each_from,
    where_from,
    which_of_two_answer,
    without_its_names,
    yes_or_no_of_the_order,
)
from gemlang.assistant.limits import (
    AGE_ASKED,
    TAKE_IN,
    beyond_the_evidence,
    intake_record,
    told_weight,
    weight_alone,
    weight_said,
)
from gemlang.assistant.models import Assistant, PhotoInput
from gemlang.assistant.questions import (
    A_NEW_FIND,
    AND_ABOUT,
    AND_ABOUT_TERM,
    AND_OF_ANOTHER,
    AND_THE_OTHER_ASSEMBLY,
    ANOTHER_VALUE,
    ANY_TREATMENT,
    ASKED_ABOUT,
    ASKED_AS_A_QUESTION,
    ASKED_THEN_OF_IT,
    ASSEMBLED_GEM_QUESTION,
    ASSEMBLY_NAMED,
    AUTHENTICITY_WORDS,
    BARE_COLOUR,
    BUY_ASKED,
    CAPABILITIES_QUESTION,
    CARAT_SIZE_ASKED,
    CARD_TOPIC,
    CENTRE_GEM,
    CHANGES_COLOUR,
    CHELSEA_ASKED,
    CLEANER_NAMED,
    COLOUR_AND_WHY,
    COLOUR_NATURAL,
    COLOUR_QUESTION,
    COMPARATIVE,
    COMPARE_WORDS,
    CONSTANTS_ASKED,
    CRYSTAL_ASKED,
    CULTURED_SAID,
    DAY_OF_MONTH,
    DECEIT,
    DEGREE_OF_IT,
    DETECTION_QUESTION,
    DIAMOND_SCHEME_SAID,
    DIFFERENT_ASKED,
    DOUBLET_QUESTION,
    EARLIER_SAID,
    EARLIER_STONE,
    EITHER_KIND,
    EXPLAINED_BY,
    FAKE_FROM_A_PHOTO,
    FIRST_SAID,
    FOLLOW_UP,
    FORMATION_QUESTION,
    FOUND_A_GEM,
    FOUND_A_STONE,
    GEMS_IN_GENERAL,
    GENERAL_QUESTION,
    GENERALLY,
    GLASS,
    GLASS_AS_A_TOOL,
    GLASS_FROM_A_PHOTO,
    GLASS_OR_GEM,
    GLASS_TEST_ASKED,
    GLOW_ASKED,
    GLOW_NOT_UV,
    GRADE_OF_THE_STONE,
    HABIT_ASKED,
    HEALING,
    HOW_MANY_READINGS,
    HOW_TO_DO,
    HOW_TO_KNOW,
    HOW_TO_TELL,
    HOW_TO_TEST,
    IDENTITY_ASKED,
    IMITATION_WORD,
    IMITATIONS_ASKED,
    INCLUSION_OR_COLOUR,
    INSTRUMENT_WORDS,
    IT_OR_ITS,
    IT_OR_THIS,
    IT_SAID,
    KIND_ASKED,
    LAB_APART_QUESTION,
    LAB_CONFIRM_QUESTION,
    LAB_GROWN,
    LOOKALIKES_ASKED,
    MAIN_STONE,
    MATERIAL_QUESTIONS,
    MEANT,
    MEANT_BY_PRONOUN,
    MEASURED_AGAIN,
    MINE,
    MORE_THAN,
    MY_READING_ASKED,
    NATURAL_QUESTION,
    NATURAL_WORD,
    NEVER_ASKED,
    NEXT_TEST_QUESTION,
    NO_FACTS_ON,
    NUMBER_SAID,
    OF_BOTH,
    OF_GEMS_AT_LARGE,
    OF_GEMS_OR_BEST_AT_LARGE,
    OF_IT_OR_AND,
    OF_THE_STONE_IN_HAND,
    OF_THE_TWO_STONES,
    OFF_TOPIC,
    ON_THE_BALANCE,
    ON_THE_REFRACTOMETER,
    ORDINAL_ALONE,
    ORIGIN_ASKED,
    ORIGIN_CLAIM_ASKED,
    ORIGIN_NAME_ASKED,
    OTHER_ORIGIN,
    OTHER_STONES_ASKED,
    PHENOMENON_SHOWN,
    PHOTO_WORD,
    PLACE_QUESTION,
    PRICE_COMPARED,
    PROPERTY_FIELDS,
    PROPERTY_QUESTION,
    QUESTION_RUN_ON,
    QUESTION_SHAPED,
    RADIATION_ASKED,
    RARITY_COMPARED,
    READING_VALUE,
    REAL_ONE,
    RESET_WORDS,
    RI_EDGES_SAID,
    SAME_READINGS,
    SAME_SAID,
    SAME_STONE,
    SELF_TREATMENT,
    SEVERAL_STONES,
    SHORT_REPLY,
    SHOWN,
    SHOWS_COLOURS,
    SIDE_STONE,
    SIDE_STONES,
    STONE_IN_HAND,
    STONE_PROPERTY,
    STONE_SOUGHT,
    THANKS,
    THAT_ONE,
    THE_HABIT,
    THE_REST,
    THE_STONE_IN_HAND,
    THE_STONE_MEANT,
    THE_STONES_VALUE,
    THE_TWO_MEANT,
    THEN_ASKED_OF_IT,
    TO_DO_COMPARED,
    TOLD_QUESTION,
    TREATED_WORDS,
    TREATMENT_DETECTED,
    TREATMENT_QUESTION,
    TWO_ASKED_OF,
    TWO_QUESTIONS,
    TWO_WORDS_ASKED,
    VALUE_QUESTION,
    WEIGHT_OF_THE_STONE,
    WHERE_TO_FIND,
    WHICH_FIRST,
    WHICH_GEM_HAS,
    WHICH_GEMS,
    WHICH_OF_THEM,
    WHICH_OF_TWO,
    WHY_OF_IT,
    WHY_ONLY,
    WHY_QUESTION,
    WORK_DEFINED,
    WOULD_SHOW,
    YES_NO_QUESTION,
    accents_left_out,
    another_mineral,
    artificial_claimed,
    asks_if_it_is,
    card_speaks_of,
    choice_unknown,
    compared_materials,
    confirmation_asked,
    constants_named,
    gems_compared,
    grades_asked,
    grades_named,
    grades_of_the_stone,
    grades_to_buy,
    grading_asked,
    grown_said,
    imitation_compared,
    imitation_of,
    lab_grown_named,
    lab_grown_twins,
    named_as_such,
    named_gem,
    natural_claimed,
    natural_said,
    not_in_english,
    one_of_two,
    parcel,
    piece_parts,
    supposition,
    trade_name_asked,
    unknown_name,
    word_about_a_stone,
)
from gemlang.assistant.stone_answers import (
    FIND_HELP,
    FIND_TERMS,
    HELP,
    SEVERAL_IN_ONE_PHOTO,
    SEVERAL_STONES_ONE_MESSAGE,
    UNANSWERED,
    caution,
    describe,
    distinct_lines,
    doubt_note,
    follow_up,
    group_description,
    leading_share,
    natural_or_not,
    settled_by_readings,
    signs_against,
    twins_note,
    withhold_gem,
)
from gemlang.data.images import NO_COLOUR, cropped_to_stone, shortcomings_note, shortcomings_of
from gemlang.fusion.evidence import Fused, gem_sold_as
from gemlang.fusion.table import table_entries
from gemlang.hints import (
    ASKED_NOT_SEEN,
    ASKS_TO_TEST,
    FILLING_SIGN,
    ORIGIN_CLAIM_LEFT_OUT,
    Hints,
    parse_hints,
    withdrawn_hints,
)
from gemlang.knowledge import GemFacts, get_facts
from gemlang.knowledge.birthstones import (
    MONTH,
    NO_ZODIAC,
    anniversary_answer,
    anniversary_sources,
    birthstone_answer,
    birthstone_of_stone,
)
from gemlang.knowledge.birthstones import sources as birthstone_sources
from gemlang.knowledge.care import (
    ANOTHER_PIECE,
    CLEANED_WITH,
    CLEANING_ASKED,
    HALLMARK_TELLS,
    HARM_QUESTION,
    HEAT_QUESTION,
    LIGHT_QUESTION,
    TOUGHNESS_QUESTION,
    WEAR_COMPARED,
    WEAR_QUESTION,
    bench_asked,
    bench_said,
    care_of,
    care_question,
    cleaned_with,
    fading_in_light,
    heat_sensitive_answer,
    metal_answer,
    most_cautious_care,
    never_cleaned_with,
    repair_told,
    ring_gems_answer,
    setting_answer,
    stability_compared,
    stone_in_a_setting,
    symptoms_without_notes,
    toughest_answer,
    toughness_answer,
    wear_compared,
)
from gemlang.knowledge.care import ASKED as CARE_ASKED
from gemlang.knowledge.colours import listed_in, main_colour
from gemlang.knowledge.disclosure import SOURCES as DISCLOSURE_SOURCES
from gemlang.knowledge.disclosure import (
    TREATMENT_RULE,
    disclosure_answer,
    lab_grown_said,
    selling_word_answer,
    trade_rule_answer,
    treatment_disclosure,
)
from gemlang.knowledge.facts import ASKED_SOURCED_FIELDS
from gemlang.knowledge.foreign_words import in_english
from gemlang.knowledge.glossary import (
    ABOUT_THE_STONE,
    ASKED_WHEREVER_NAMED,
    INSTRUMENTS,
    NAMED_TWICE,
    YIELD_OF_A_DIAMOND,
    about_the_stone,
    clarity_type,
    colours_counted,
    grade_meant,
    in_the_polariscope,
    instruments_asked,
    measured_by,
    mechanism,
    named_in_a_question,
    screening_of,
    specimen_kinds_asked,
    spectra_naming,
    term_called,
    terms_asked,
    terms_named,
    treatments_defined,
    treatments_named_in,
    treatments_on_a_paper,
    without_a_balance,
)
from gemlang.knowledge.home_tests import NOT_A_TEST, home_tests_in, testing_at_home_answer
from gemlang.knowledge.instruments import TESTS
from gemlang.knowledge.knowledge_base import gems_named_in
from gemlang.knowledge.places import places_in_a_name
from gemlang.knowledge.superlatives import (
    ALSO_COMPARED,
    ANY_ONE_COMPARED,
    COMPARED_AMONG,
    HIGH_OR_LOW,
    SCALE_QUESTION,
    THE_COLOUR_ONE,
    THOSE_MEANT,
    WHICH_ONE,
    cheapest_answer,
    cleavage_list_answer,
    colour_asked,
    colour_list_answer,
    colour_ones_among,
    compared_among,
    compared_list_answer,
    degree_asked,
    degree_verdict,
    fluorescence_list_answer,
    kinds_of_answer,
    optic_list_answer,
    rarest_answer,
    scale_answer,
    superlative_among,
    superlative_answer,
    system_list_answer,
    value_list_answer,
)
from gemlang.knowledge.tell_apart import (
    family_called,
    kind_of,
    may_be,
    natural_lookalikes,
    of_its_family,
    seen_in,
    treated_into,
)
from gemlang.language.describe import percent
from gemlang.language.gem_prose import lower_first, reference_description
from gemlang.language.gem_text import join_words, lower_name, sentences
from gemlang.model import Prediction
from gemlang.patterns import compiled
from gemlang.readings import (
    DERIVED,
    JOIN_LINE,
    SELF_CORRECTION,
    TWO_MATERIALS,
    Readings,
    labelled_at,
    parse_readings,
)
from gemlang.scope import (
    NOT_A_GEM_PHOTO,
    UNCHECKED_SMALL,
    ScopeVerdict,
    seen_too_small,
    seen_without_colour,
    too_small_to_judge,
)
from gemlang.wording import some_of

# What is declined with its reason (and the source of what the reply says): help to deceive a buyer, powers no
# evidence shows a gem has, and a treatment done by the asker, which none of gemlang's facts describes how to do
DECLINED = (
    (
        DECEIT,  # "how do I make fake emeralds to sell as real?"
        "I cannot help to pass a stone off as what it is not: selling an imitation, a lab-grown stone or an "
        "undisclosed treatment as natural is fraud. I can tell you how such stones are detected, or what they must "
        'be sold as ("can I sell it as ruby?").',
        "",
    ),
    (
        HEALING,  # "will amethyst cure my anxiety?"
        "No scientific study has shown that a gem or crystal heals, cures, protects or changes how one feels; for an "
        "illness or a worry, a doctor or counsellor can help. I can tell you about the stone itself: what it is, how "
        "it formed, where it comes from and how to care for it.",
        "",
    ),
    (
        SELF_TREATMENT,  # "can I heat treat my sapphire myself at home?"
        "Treating a stone yourself is beyond what my facts cover: I have no sourced instructions for heating, dyeing, "
        "oiling, filling or irradiating a gem, and I will not make any up. Heating ruby and sapphire, for one, takes a "
        "high-temperature furnace and know-how: the atmosphere, additives, heating profile, temperature and time "
        "decide the result, and not every stone responds well. I can tell you how heating shows in a stone, and that "
        'a treatment must be disclosed when the stone is sold ("must heating be disclosed?").',
        "source (heating corundum): a treater's account: not all rubies and sapphires respond to heating; it needs "
        "heat-treatment know-how (atmosphere, additives, heating profile, temperature, time) and a high-temperature "
        "furnace <https://themelis.com/Education-Tech.html>",
    ),
)
# a knowledge-base field -> the reading of it (and the instrument test reading it, `TESTS`)
READING_OF_FIELD = {
    "refractive_index": "ri", "birefringence": "birefringence", "specific_gravity": "sg",
    "optical_character": "optic", "pleochroism": "pleochroism", "fluorescence": "fluorescence",
}  # fmt: skip
MAX_MESSAGE_CHARS = 4000  # a message's readings and questions fit in far fewer
SAME_STONE_PHOTOS = 6  # the photos of one stone looked at together, the latest kept
# a treatment asked of no gem: which treatments a gem gets, and how each shows, depend on the gem
WHICH_GEM_TREATED = (
    "Which treatments are used, whether they last and how a gemmologist finds them depend on the gem: name it "
    '("is tanzanite heated?", "how do I detect heated ruby?", "is blue topaz irradiated?"), or send a photo of the '
    "stone."
)
# the treated material a filling sign makes of a gem, as care.json names it
FILLED = {"corundum": "glass-filled ruby", "emerald": "filled emerald", "diamond": "filled diamond"}


def kind_undecided(terms: list, answer: Answer) -> str:
    """ "is this a geode?": that neither a photo of a gem nor its readings tell, then what makes one."""
    kinds = " or ".join(f"a {t.term}" for t in terms)
    return (
        f"Whether your stone is {kinds} is not something I can tell from a photo or a description: I recognise gems "
        f"and minerals, not the rock they came in. What makes one:\n\n{explained(terms, answer)}"
    )


def explained(terms: list, answer: Answer) -> str:
    """The glossary's entries for the terms asked ("**Pleochroism**: …"); their sources go to the answer's notes."""
    answer.notes += [f"source ({t.term}): {t.source}" for t in terms]
    return "\n\n".join(f"**{t.term[:1].upper() + t.term[1:]}**: {t.text}" for t in terms)


TORCH = "jeweller's torch"  # the bench work a stone reset or replaced in its mount may meet

# "is beach glass valuable?", "is a doublet worth anything?": a value asked of a thing the glossary explains, not of
# a gem: no price, and its entry, when the entry speaks of its worth (what collectors value it by, a cheap stand-in)
TERM_NOT_PRICED = "I do not price stones or materials; what my sources say of its worth follows."


def terms_valued(text: str) -> list:
    """The glossary terms a value question names, when it names no gem, whose entries speak of value ("is beach
    glass valuable?": sea glass); else none. Not a term asked only in questions of its own kind ("can you appraise
    it?" asks a price of the stone, not what an appraisal is)."""
    if not VALUE_QUESTION.search(text) or gems_named_in(text):
        return []
    named = [t for t in terms_named(text) if t.term not in ASKED_WHEREVER_NAMED]
    return [t for t in named if VALUE_QUESTION.search(t.text)]


def scales_of_the_grades(text: str, gem: GemFacts, answer: Answer) -> str:
    """ "What clarity is my diamond?", "what clarity is it?" of a diamond: the scales of the grades asked, which no
    photo or chat grades but which say what a grade would mean; of a coloured gem ("is my ruby VS1?"), how coloured
    stones are graded instead, colour first and clarity by the gem's type; '' of an organic gem, graded otherwise."""
    if gem.species == "diamond":
        scales = [term_called(name) for name in grades_of_the_stone(text)]
    else:
        # a grade asked, not the weight that shares this answer; an organic gem is graded otherwise
        graded = GRADE_OF_THE_STONE.search(text) and "organic" not in gem.species.lower()
        scales = [term_called("coloured stone grading")] if graded else []
    # "is my emerald VS1?": its own clarity type first
    typed = clarity_type(gem) if scales and "clarity grades" in grades_of_the_stone(text) else ""
    return "".join(f"\n\n{part}" for part in (typed, explained(scales, answer) if scales else "") if part)


def kind_term(kind: str) -> str:
    """The glossary term that says what makes a stone of `kind` ("mineral", "rock", "precious stone")."""
    if kind.lower() == "rock":
        return "rock"
    return "precious and semi-precious" if "precious" in kind.lower() else "gem or mineral"


def which_gem(asked: str, example: str) -> str:
    """The question back when what is `asked` ("Toughness") depends on the gem and none is named or in hand."""
    return (
        f'**Which gem?** {asked} depends on the gem, and no gem is named or in hand: name one ("{example}"), or send '
        'a photo of the stone and ask "what gem is this?".'
    )


def cannot_compare(unknown: str, gem: GemFacts, text: str = "") -> str:
    """The line before a gem's answer when the other of the two compared is nothing known ("ruby vs banana"), or of
    the two asked of ("where do ruby and banana come from?": the answer is the gem's alone)."""
    if TWO_ASKED_OF.search(text) and not COMPARATIVE.search(text):
        return f"I have no facts on {unknown}, so I can answer only for {lower_name(gem)}."
    return f"I have no facts on {unknown}, so I cannot compare it with {lower_name(gem)}."


def same_or_different(text: str) -> str:
    """ "same" for "are they the same stone?", "different" for "are they different?" (asked yes or no; "how are they
    different?" asks a comparison), else ''."""
    if SAME_SAID.search(text):
        return "same"
    return "different" if DIFFERENT_ASKED.match(text) else ""


def several_stones(text: str) -> bool:
    """Whether a message says its photo holds several stones ("there are two stones in this photo", "which is
    which?"), not a piece's side stones beside its centre stone."""
    return bool(SEVERAL_STONES.search(text)) and not SIDE_STONES.search(text)


SIDE_STONES_UNTOLD = (
    "The photo and readings I have are the centre stone's, so they say nothing of the side stones. To judge them, "
    "tell me their colour and what a thermal diamond tester (and a moissanite tester) shows on them, or an RI "
    "where a facet reaches the refractometer; the centre stone stays in hand."
)
TREATMENT_REMEMBERED = 3  # the messages a disclosure question naming no treatment looks back on for one
UNLIKELY = 0.05  # "is it a diamond?" answered "Probably not" below this share (the gem and its kinds together)
FITS_AN_ASSEMBLY = 0.01  # "is it a doublet?": the assembled stones listed as fitting the readings, from this share
# the signs of an assembled stone, as the answer to "is it a doublet?" names them, and the entry that tells the signs
ASSEMBLY_SIGNS = {JOIN_LINE: "A join line is", TWO_MATERIALS: "Two RIs, one on the crown and one on the pavilion, are"}
ASSEMBLY_SIGNS_TERM = "signs of an assembled stone"


def assembly_signs(answer: Answer) -> str:
    """What shows a doublet or triplet (the glossary's entry), for "is it a doublet?" asked with no sign of one."""
    return explained([term_called(ASSEMBLY_SIGNS_TERM)], answer)


def assembly_named(word: str) -> str:
    """'a doublet', 'an assembled stone': the kind of stone a question's word ("doublet", "assembled") names."""
    word = word.lower()
    return f"{'an' if word[0] in 'aeiou' else 'a'} {word}{' stone' if word in ('assembled', 'composite') else ''}"


# Care of a stone no answer names (a flagged photo): what `gemlang/knowledge/care.json` allows every gem it lists,
# pearl and amber included ("damp cloth only"), and what some do not survive.
DELICATE_CARE = (
    "care for it as the most delicate gems need: wipe it with a soft cloth dampened in lukewarm water and dry it; no "
    "ultrasonic or steam cleaner, no heat, chemicals or household cleaners, which opal, pearl, amber, emerald and "
    "other gems do not survive."
)
UNKNOWN_STONE_CARE = f"Until the stone is identified, {DELICATE_CARE}"
# Its wear ("can I wear it daily?", "does it break easily?"): what the care notes' wear verdicts weigh, for any gem
UNKNOWN_STONE_WEAR = (
    "How a stone wears depends on the gem: on its hardness, as the quartz in dust (Mohs 7) dulls the facets of "
    "softer stones, and on its toughness, as knocks chip or split some hard ones (emerald, zircon). Until it is "
    "identified, take it off for rough work and sport."
)


def unknown_stone_care(question: str) -> str:
    """The care of a stone no answer names: its wear when wear is asked ("can I wear it daily?"), else cleaning."""
    worn = WEAR_QUESTION.search(question) or TOUGHNESS_QUESTION.search(question)
    return UNKNOWN_STONE_WEAR if worn else UNKNOWN_STONE_CARE


# "**Caring for Emerald**: ", "**Yes.** ": what a paragraph of an answer opens with before what it says
HEADING = re.compile(r"^\*\*[^*\n]+\*\*:?\s*")


def said_once(reply: str, before: str) -> str:
    """`reply` without the sentences `before` already says, a paragraph's heading kept for the rest of it; short
    ones ("**Yes.**") are each half's own answer, kept. "Can I steam clean emerald and is it durable?": the second
    care answer says its durability, not the cleaning again."""
    kept = []
    for paragraph in reply.split("\n\n"):
        heading = HEADING.match(paragraph)
        head, body = (heading.group(0), paragraph[heading.end() :]) if heading else ("", paragraph)
        said = sentences(body)
        new = [x for x in said if len(x.split()) < 5 or x not in before]
        if len(new) == len(said):
            kept.append(paragraph)
        elif new:
            kept.append(head + " ".join(new))
    return "\n\n".join(kept)


@dataclass
class Turn:
    """One message on its way to an answer: what it says, and what the stages made of it so far."""

    text: str
    photos: list
    answer: Answer
    asked_before: str | None = None  # the quantity the message before asked ("how hard is"), for "and emerald?"
    after_term: bool = False  # the message before asked what a term means: "and pleochroism?" asks another
    reset: bool = False  # "new stone": the stone in hand was forgotten
    images: list[Image.Image] = field(default_factory=list)  # the photos looked at for the stone in hand
    new: Hints = field(default_factory=Hints)  # what this message says of the stone
    before: Hints = field(default_factory=Hints)  # the stone's hints before this message
    asked_gem: GemFacts | None = None  # the gem the message asks about
    of_topic: bool = False  # a follow-up about the gem discussed with no stone in hand ("and its SG?")
    photo: np.ndarray | None = None  # the photo probabilities the ranking used (none for a flagged photo)
    fused: Fused | None = None  # the evidence model's ranking
    lines: list | None = None  # a determinative table's lines (no photo), else None
    asked: list[GemFacts] = field(default_factory=list)  # the gems "is it ruby or spinel?" asks the odds of
    aside: str = ""  # what the question asks besides the gem's name (treatment, origin, value, care)
    asked_real: bool = False  # the message asks whether the stone is real or an imitation: its caution answers it


def _side_stone_read(text: str) -> bool:
    """Whether a message gives a piece's side stones readings of their own ("one of the small stones reads 1.74
    SR"): a number read in the side stones' words, before any "the centre stone" that follows."""
    side = SIDE_STONE.search(text)
    if side is None:
        return False
    own = text[side.start() :]
    if centre := MAIN_STONE.search(own):
        own = own[: centre.start()]
    said = parse_hints(own)
    return bool(said.readings.ri or said.readings.sg or said.hardness)


def natural_in(turn: Turn) -> GemFacts:
    """The natural gem a message asks of against lab-grown stones: "natural ruby from lab-grown corundum": ruby;
    "natural from synthetic spinel": spinel, the gem synthetic spinel is sold as."""
    return natural_said(turn.text) or gem_sold_as(turn.asked[0])


def through_the_chelsea_filter(text: str, gem: GemFacts, answer: Answer) -> str:
    """What `gem` shows through the Chelsea filter, in its own facts' words, or that they do not say, with what the
    filter is (sourced in `answer`'s notes)."""
    if shown := what_it_shows(text, gem):
        return shown
    said = f"My facts on {gem.name} do not say how it looks through the Chelsea filter.\n\n"
    return said + explained([term_called("Chelsea filter")], answer)


def told_and_screened(natural: GemFacts, answer: Answer) -> str:
    """How a natural gem is told from its lab-grown twins and, for a species whose lab-grown stones take a
    laboratory's instruments (diamond), how they are screened; '' when it has no twin."""
    how = how_to_tell_natural(natural)
    if how and (screening := screening_of(species_word(natural))):
        how += "\n\n" + explained([screening], answer)
    return how


class Conversation:
    """The state of one chat: the current stone's photo(s), their probabilities, and the hints so far."""

    def __init__(self, assistant: Assistant):
        self.assistant = assistant
        self.images: list[Image.Image] = []
        self.image_probs: np.ndarray | None = None
        self.scope: ScopeVerdict | None = None  # the current photos' scope check
        self.hints = Hints()
        self.answers: list[Answer] = []
        self._heatmaps: dict[str, tuple] = {}
        self._target: str | None = None  # the gem the latest answer about a photo named first
        self._pending_notes = list(assistant.notes)
        # (name, what was answered, the gem answered) of each earlier stone of a parcel
        self.stones: list[tuple[str, str, str | None]] = []
        self._stone_name = ""  # what a parcel message called the stone in hand ("Stone B"); else "stone N"
        self._stone_began = 0  # the index in `answers` where the current stone's answers begin
        # the stone in hand before a piece's side stones were given (photos, look, scope, hints, flaws): "the
        # centre stone" goes back to it
        self._main_stone: tuple | None = None
        self._side_stones: str | None = None  # what was answered for a piece's side stones given with its centre stone
        self.topic: GemFacts | None = None  # the gem asked about with no stone in hand: "and its SG?" is of it
        # the gems compared or named together last (two or three: "ruby vs spinel", a month's birthstones): "which
        # is harder?" asks of them all
        self.named_together: tuple[GemFacts, ...] | None = None
        self._compared: tuple[GemFacts, GemFacts] | None = None  # kept after other questions: "the first one?"
        self._care_said: tuple[str, str] | None = None  # (gem, why) of the latest care answer, for "why not?"
        self._kind_said: tuple[Answer, str] | None = None  # "is pearl a mineral?": for "and coral?"
        self._quantity_asked: str | None = None  # "how hard is" of "how hard is ruby?", for "and emerald?"
        self._term_said = False  # the latest message asked what a term means ("what is birefringence?")
        self._scale_asked: str | None = None  # "is 1.76 high for an RI?", for "and 1.54?"
        self._waiting: tuple[str | None, str | None] = (None, None)  # "1.54" for "it's the RI"; "RI too" for "1.76"
        self._photo_flaws: list[str] = []  # what makes the stone's photos poor witnesses ("very dark")
        # what a message sent with a photo asks besides it, answered above the photo's answer: a term, a claim
        self._answered_first = ""

    def reset(self) -> None:
        self._next_stone()
        self._main_stone = None
        self._photo_flaws = []
        self.images, self.image_probs, self.hints, self._heatmaps = [], None, Hints(), {}
        self.scope = None
        self._target = None
        self.topic, self.named_together, self._compared = None, None, None

    @property
    def _stone_in_hand(self) -> bool:
        """Whether a stone is in hand: a photo of it, or something told of it to rank gems by ("RI 1.76", "it
        scratches glass", "from Burma"; not its colour alone)."""
        return self.image_probs is not None or bool(self.hints)

    def _stone_answered(self) -> str | None:
        """What was last answered for the stone in hand ("Aquamarine (97%)"), or None."""
        answered = [x for x in self.answers[self._stone_began :] if x.gem]
        if not answered:
            return None
        last = answered[-1]
        return f"{last.gem} ({percent(last.probability)}{', not sure' if last.unsure else ''})"

    def _next_stone(self) -> None:
        """Keep what was answered for the stone just left (a new photo or "next stone"), for "the first one?"."""
        if (answered := self._stone_answered()) is not None:  # with its readings: "what was the first one's RI?"
            said, gem = self.hints.describe(), self._answered_gem()
            told = answered + (f", from {'; '.join(said)}" if said else "")
            self.stones.append((self._in_hand_name, told, gem.name if gem is not None else None))
        self._stone_began, self._stone_name = len(self.answers), ""
        self._side_stones = None

    @property
    def _in_hand_name(self) -> str:
        """What the stone in hand is called: its name in a parcel message ("Stone B"), else "stone N"."""
        return self._stone_name or f"stone {len(self.stones) + 1}"

    def _earlier_stones(self) -> str:
        """The answers given for the stones of this chat, oldest first, and how to go back to one."""
        now = self._stone_answered() or "not answered yet"
        listed = "; ".join(f"{name}: {said}" for name, said, _ in self.stones)
        return (
            f"So far: {listed}; {self._in_hand_name}, the one in hand: {now}. "
            "I answer about the stone in "
            "hand: to look at an earlier one again, send its photo (and its readings) again."
        )

    def ask(
        self, text: str = "", photos: Sequence[PhotoInput] | PhotoInput | None = None, explain: bool = True
    ) -> Answer:
        """Answer one message; `photos` are file paths, bytes or PIL images of one stone.

        `explain=False` leaves the heat map out of the answer; `explain()` then gives it. A supposition ("if the
        RI were 1.72, would it be spinel?") is answered with its readings, which are then dropped: they are no
        reading of the stone, and the answer is not the stone's.
        """
        text = in_english(text)  # "Härte 7", "zafiro azul": the trade's words in other languages, read in English
        # "my ring has a halo of diamonds, what is the centre stone?" with no stone in hand: the setting's answer
        unheld = not (photos or self._stone_in_hand) and stone_in_a_setting(text or "")[0]
        if not unheld and (piece := piece_parts((text or "")[:MAX_MESSAGE_CHARS])) is not None:
            return self._piece(*piece, photos, explain)
        if not photos and len(stones := parcel((text or "")[:MAX_MESSAGE_CHARS])) > 1:
            return self._parcel(stones, explain)
        # "the second one?" of two gems compared; with a photo in hand, the first stone is meant (`EARLIER_STONE`)
        if self._compared and not (photos or self.images) and (one := one_of_two(text)) is not None:
            gem = self._compared[one]
            return self._ask(f"tell me about {gem.name}", None, explain)
        two = TWO_QUESTIONS.match(text or "")
        then = None if two or photos or self._stone_in_hand else ASKED_THEN_OF_IT.match(text or "")
        if then and (birthstone_answer(then["first"]) or anniversary_answer(then["first"])):
            # "what is the birthstone for March and is it durable?", "what is the 40th anniversary gem and is it
            # durable?": the second asked of the month's stones, or of the year's gem
            return self._two_questions(text, f"{then['first']}?", then["second"], explain)
        first, second = (f"{two['first']}?", two["second"]) if two else ("", "")
        if not two and (words := TWO_WORDS_ASKED.match(text or "")) and not gems_named_in(words["word"]):
            first = f"{words['first']}?"  # "is ruby hard and expensive?": "is ruby hard?", then "is it expensive?"
            second = f"{words['verb']} {'they' if words['verb'].lower() == 'are' else 'it'} {words['word']}?"
        # "what is amber? is it a mineral?", "what is amber and is it a mineral?": the second asked of the gem named;
        # not "what are the SG and RI of spinel, and is it pleochroic?", its constants answered together
        then_asked = None if two or photos else THEN_ASKED_OF_IT.match(text or "") or then
        if then_asked and ASKED_ABOUT.fullmatch(f"{then_asked['first']}?"):
            first, second = f"{then_asked['first']}?", then_asked["second"]
        if not two and (why := COLOUR_AND_WHY.match(text or "")):
            first, second = f"{why['first']}?", f"why {why['first']}?"  # the colour's yes or no, then its cause
        named = gems_named_in(first) if first and not photos else []
        held = self._answered_gem() if self.image_probs is not None else None  # "it" is the stone in hand's too
        if (
            len(named) == 1
            and held is not None
            and held.name != named[0].name
            and not re.search(r"\b(?:my|this|our)\b", first, re.I)
        ):
            # "is ruby hard and is it expensive?" with a peridot in hand: "it" is the ruby named, not the stone
            second = re.sub(r"\b(?:it|they)\b", lower_name(named[0]), second, count=1, flags=re.I)
        # "is it hard and expensive?" of the stone in hand or the gem spoken of: each half answered of it, the first
        # of the gem spoken of by its name ("is ruby hard?"), the stone in hand's "it" kept
        of_it = first and not (named or photos) and re.search(r"\b(?:it|they)\b", first, re.I)
        if of_it and self._answered_gem() is None and self.topic is not None:
            first = re.sub(r"\b(?:it|they)\b", lower_name(self.topic), first, count=1, flags=re.I)
        if len(named) == 1 or of_it and (self._answered_gem() or self.topic):
            return self._two_questions(text, first, second, explain)
        supposed = supposition((text or "")[:MAX_MESSAGE_CHARS]) if not photos else None  # a pasted book: its cap
        if not supposed:
            return self._ask(text, photos, explain)
        hints, answers = self.hints, len(self.answers)
        answer = self._ask(text, photos, explain)
        self.hints, self.answers[answers:] = hints, []
        said = ", ".join(supposed.describe())
        # a supposed reading is re-taken by nobody: why it argues against the answer stays, the re-check goes
        answer.notes = [n.rsplit(". ", 1)[0] + "." if n.startswith(UNSURE_BECAUSE) else n for n in answer.notes]
        supposing = f"Supposing {said} (not kept as a reading of your stone)"
        answer.reply = f"{supposing}: {answer.reply}" if answer.reply else f"{supposing}."
        return answer

    def _two_questions(self, text: str, first: str, second: str, explain: bool) -> Answer:
        """ "Is my ruby heated and is it natural?": each question answered in turn, the second of the gem the first
        named; one answer, with both replies in order and the rest (ranking, card) of the second. The history keeps
        it as one message, the whole of it: a follow-up ("why not?", "and coral?") reads the message before it."""
        asked = len(self.answers)
        before = self._ask(first, None, explain)
        answer = self._ask(second, None, explain)
        self.answers[asked:], answer.message = [answer], text
        said_first = "" if HEADING.fullmatch(before.reply) else before.reply  # "**Amber**" alone: its card follows
        answer.reply = "\n\n".join(r for r in (said_first, said_once(answer.reply, said_first)) if r)
        answer.notes = list(dict.fromkeys(before.notes + answer.notes))
        if not (answer.description or answer.properties):
            answer.description, answer.properties = before.description, before.properties
        return answer

    def _parcel(self, stones: list[tuple[str, str]], explain: bool) -> Answer:
        """Readings of several stones in one message: each ranked on its own readings as a new stone, in order; the
        last one stays in hand, and its whole answer follows the others' headlines."""
        headlines = []
        for label, words in stones:
            if self._stone_in_hand or self._stone_answered():
                self.reset()
            self._stone_name = label
            answer = self._ask(words, None, explain)
            said = "; ".join(self.hints.describe())
            headline = answer.summary_markdown().split("\n", 1)[0].strip()
            headlines.append(f"- **{label}**{f' ({said})' if said else ''}: {headline}")
        rest = [label.lower() for label, _ in stones if re.fullmatch(THE_REST, label, re.I)]  # several stones at once
        counted = f"{len(stones) - len(rest)} stones" + (f" and {rest[0]}" if rest else "")
        last = stones[-1][0]
        in_hand = (
            f"{last} are the stones in hand now; their"
            if last.lower() in rest
            else f"{last} is the stone in hand now; its"
        )
        intro = (
            f"Readings of {counted}, each ranked on its own:\n" + "\n".join(headlines) + f"\n\n"
            f"{in_hand} answer follows. To come back to another, send its readings again."
        )
        answer.reply = f"{intro}\n\n{answer.reply}" if answer.reply else intro
        return answer

    def _piece(self, centre: str, side: str, called: str, photos, explain: bool) -> Answer:
        """A piece's centre stone and its other stones in one message ("ring, red centre stone RI 1.762-1.770,
        two colourless side stones RI 2.42 SR"): the centre stone is the stone in hand, with the photo and its own
        words only; the side stones, given readings of their own, are ranked apart and said first, and "and the
        side stones?" gets that answer again."""
        said = parse_hints(side)
        answer = self._ask(centre, photos, explain)
        if said.measured:  # ranked as a stone of their own, which the stone in hand does not become
            theirs = self.assistant.conversation().ask(side, explain=False)
            headline = replace(theirs, reply="").summary_markdown().split("\n", 1)[0].strip().rstrip(".")
            caution = f" {theirs.caution[0].upper()}{theirs.caution[1:]}" if theirs.caution else ""
            then = f" Next test for them: {theirs.next_test}" if theirs.next_test else ""
            ranked = (
                f"**{called[0].upper()}{called[1:]}** ({'; '.join(said.describe())}), ranked on their own readings, "
                f"apart from the centre stone: {headline}.{caution}{then}"
            )
            tested = [t.text for t in home_tests_in(side)]  # what a tester's beep on them means, said first
            self._side_stones = "\n\n".join([*tested, ranked])
            answer.notes += [f"{called}: {n}" for n in said.notes] + [
                n for n in theirs.notes if n.startswith("source (")
            ]
        elif self._side_stones is None and (said or said.colours):
            answer.notes.append(f"what you said of {called} is left out of the centre stone's evidence; give their "
                                "own readings to have them ranked.")  # fmt: skip
        if self._side_stones:
            answer.reply = f"{self._side_stones}\n\n{answer.reply}".strip()
        return answer

    def _of_mine(self, text: str, asked_before: str | None) -> str:
        """ "and mine?" after "what's the hardness of spinel?" asks the same of the stone in hand: said so."""
        if asked_before and self._stone_answered() and MINE.fullmatch(text):
            return f"{asked_before} it?"
        return text

    def _colour_of_it(self, text: str, asked_before: str | None) -> str:
        """A bare "what colour?" after a gem was spoken of asks its colours, or after its glow was asked the glow's."""
        if not BARE_COLOUR.fullmatch(text) or (self._answered_gem() or self.topic) is None:
            return text
        return "what colour does it glow?" if asked_before and GLOW_ASKED.search(asked_before) else "what colour is it?"

    @staticmethod
    def _scaled_again(text: str, scale_before: str | None) -> str:
        """ "and 1.54?" after "is 1.76 high for an RI?" asks the same of the new value: said so."""
        if scale_before and (value := ANOTHER_VALUE.fullmatch(text)) and (m := SCALE_QUESTION.search(scale_before)):
            return scale_before[: m.start("value")] + value.group("value") + scale_before[m.end("value") :]
        return text

    def _corrected(self, text: str) -> str:
        """A bare number correcting a reading ("RI 1.72", then "no wait, 1.76") said as that reading ("no wait, RI
        1.76"), which then replaces it. Which reading: the instrument named ("I misread the balance": the SG), else
        the one held it is closest to, within 30% of its value, and not one the message gives with its label; else
        a refractometer's value (1.4-1.9 to three decimals, or two edges) is an RI. "It's 4.00, I misread the balance":
        the value said before the correction is moved after it. The message as it is otherwise."""
        fixing = SELF_CORRECTION.search(text)
        if fixing is None:
            return text
        number = NUMBER_SAID.search(text, fixing.end())
        if number is None:  # "it's 4.00, I misread the balance": the value came first
            first = NUMBER_SAID.search(text[: fixing.start()])
            if first is None:
                return text
            at = first.start()
            return self._corrected(f"{text[:at]}{fixing.group(0)} {text[at : fixing.start()]}{text[fixing.end() :]}")
        if labelled_at(text, number.start()):  # "real reading RI 1.76": said as what it is
            return text
        said = parse_readings(text)
        kind = "SG" if ON_THE_BALANCE.search(text) else "RI" if ON_THE_REFRACTOMETER.search(text) else None
        if kind is None:
            held = self.hints.readings
            value = float(number.group(0))
            gaps = {
                label: abs(value - reading.low) / reading.low
                for label, reading, now in (("RI", held.ri, said.ri), ("SG", held.sg, said.sg),
                                            ("DR", held.birefringence, said.birefringence))
                if reading is not None and reading.low > 0 and reading.said != DERIVED and now is None
            }  # fmt: skip
            kind = min(gaps, key=gaps.get) if gaps else None
            if kind is None or gaps[kind] > 0.3:
                edges = RI_EDGES_SAID.match(text[number.start() :])
                kind = "RI" if said.ri is None and edges else None  # "1.718", "1.76-1.77": a refractometer's
        if kind is None:
            return text
        return f"{text[: number.start()]}{kind} {text[number.start() :]}"

    def _two_stones_asked(self, text: str) -> tuple[GemFacts, GemFacts] | None:
        """The gems answered for the stone before and for the one in hand, when a message asks of the two ("which is
        harder?", "are they the same stone?") after a second stone; None with one stone or three, with a stone not
        answered, or for a message that names a gem or gives a reading ("which is harder, it or topaz?", "they both
        read 1.54")."""
        if len(self.stones) != 1 or self.stones[0][2] is None or self._stone_answered() is None:
            return None
        now = self._answered_gem()
        if now is None or not OF_THE_TWO_STONES.search(text) or gems_named_in(text) or parse_hints(text):
            return None
        return get_facts(self.stones[0][2]), now

    def _of_the_two_stones(self, text: str) -> str:
        """ "Which is harder?", "compare them", "are they the same stone?" after a second stone ask of the gems
        answered for the two, as a message naming them does ("which is harder, Topaz or Aquamarine?"); the message
        as it is with one stone so far, with three or more (which two?), or with the same gem answered for both."""
        if (two := self._two_stones_asked(text)) is None or two[0].name == two[1].name:
            return text
        before, now = two
        if PRICE_COMPARED.search(text):  # "which is worth more?": no price either way, and no odds of the two
            return text
        if same_or_different(text):  # "are they the same stone?": `_two_stones_same`
            return text
        if WHICH_FIRST.match(text):
            return f"{text.strip().rstrip('?.! ')}, {before.name} or {now.name}?"
        both = f"{before.name} and {now.name}"
        return THE_TWO_MEANT.sub(both, text, count=1)

    def _ask(self, text: str, photos: Sequence[PhotoInput] | PhotoInput | None, explain: bool) -> Answer:
        """The answer, stage by stage: a message that needs no stone; the photos and hints it brings; a question
        about gems in general; and otherwise the stone in hand, ranked."""
        turn = self._turn(text, photos)
        if not turn.photos and any(reply(turn) for reply in self._without_the_stone()):
            return self._done(turn.answer)
        if self._start_over(turn) or not self._take_photos(turn):
            return self._done(turn.answer)
        if self._general_beside_no_gem_photo(turn):  # a picture of no gem, and "what's the birthstone for June?"
            return self._done(turn.answer)
        # "what is pleochroism?", "which clarity is worth getting?" sent with a gem photo
        terms = ([term_called(n) for n in grades_to_buy(turn.text)] or terms_asked(turn.text)) if turn.photos else []
        kinds = specimen_kinds_asked(turn.text) if turn.photos and not terms else []  # "is this a geode?"
        if terms or kinds:  # the term answered above the photo's answer; its word is no reading of the stone
            self._answered_first = explained(terms, turn.answer) if terms else kind_undecided(kinds, turn.answer)
        else:
            self._answered_first = self._asked_beside_the_photo(turn) if turn.photos else self._answered_first
            self._take_hints(turn)
            self._answered_first = self._answered_first or self._fit_asked(turn)
        if (
            self._comparison(turn)
            or self._lab_grown_compared(turn)
            or self._gem_question(turn)
            or self._place_question(turn)
        ):
            return self._done(turn.answer)
        if not self._stone_in_hand:
            self._nothing_to_rank(turn)
            return self._done(turn.answer)
        if self._rank(turn):
            self._judge(turn)
            self._about_the_leaders(turn)
            self._follow_up(turn, explain)
            self._sold_as_beside_the_evidence(turn)
            self._kind_beside_the_photo(turn)
        return self._done(turn.answer)

    def _kind_beside_the_photo(self, turn: Turn) -> None:
        """ "is this a crystal?", "is it a mineral?" sent with the photo: answered above the photo's answer, of its
        likeliest gem, as when asked after it."""
        evidence = self.assistant.evidence
        gem = turn.answer.members[0][0] if turn.answer.members else turn.answer.gem  # a table's line: its likeliest
        if not turn.photos or self._answered_first or gem not in evidence.index:
            return
        facts = evidence.facts[evidence.index[gem]]
        if crystal := crystal_kind(turn.text, facts, likeliest=True):
            self._answered_first = f"{crystal}\n\n{explained([term_called('crystal')], turn.answer)}"
            return
        lead, term = material_kind(turn.text, facts, likeliest=True, notes=turn.answer.notes)
        asked = KIND_ASKED.match(turn.text)
        if term and asked and THE_STONE_IN_HAND.fullmatch(asked["x"]):  # not "is amber a mineral?" beside it
            self._answered_first = f"{lead}\n\n{explained([term_called(term)], turn.answer)}".strip()

    def _sold_as_beside_the_evidence(self, turn: Turn) -> None:
        """ "can I sell it as emerald?" sent with the photo or the readings: the rule and what their answer says,
        above it."""
        evidence = self.assistant.evidence
        gem = turn.answer.members[0][0] if turn.answer.members else turn.answer.gem  # a table's line: its likeliest
        brought = turn.photos or turn.new.measured
        if not brought or self._answered_first or gem not in evidence.index:
            return
        flagged = self.scope is not None and self.scope.flagged  # a gem withheld is no answer to sell it by
        facts = None if flagged else evidence.facts[evidence.index[gem]]
        if worded := selling_word_answer(turn.text, facts):  # "can I call this natural?" of the photo
            self._answered_first = worded[0]
            turn.answer.notes.append(f"sources: {'; '.join(worded[1])}")
        elif named := trade_name_use_answer(turn.text):  # "can I sell it as Mystic topaz?" of the photo
            self._answered_first = named
        elif traded := trade_rule_answer(turn.text, facts):  # "can I sell this online?" of a coral
            self._answered_first = traded[0]
            turn.answer.notes += [f"sources: {'; '.join(traded[1])}"] if traded[1] else []
        elif told := disclosure_answer(turn.text, facts):
            self._answered_first = told
            turn.answer.notes.append(f"sources: {'; '.join(DISCLOSURE_SOURCES)}")

    def _turn(self, text: str, photos: Sequence[PhotoInput] | PhotoInput | None) -> Turn:
        if photos is None:
            photos = []
        elif isinstance(photos, str | Path | bytes | bytearray | Image.Image | np.ndarray) or hasattr(photos, "read"):
            photos = [photos]  # one photo, not a list of them
        text = text or ""
        answer = Answer(message=text, unsure_below=self.assistant.unsure_below)
        if len(text) > MAX_MESSAGE_CHARS:  # a pasted book would hold up every other user of the app
            text = text[:MAX_MESSAGE_CHARS]
            answer.notes.append(f"your message is long: I read its first {MAX_MESSAGE_CHARS:,} characters.")
        asked_before, self._quantity_asked = self._quantity_asked, None  # set again if this asks a quantity
        after_term, self._term_said = self._term_said, False  # set again if this asks a term
        scale_before, self._scale_asked = self._scale_asked, None  # set again if this asks where a value lies
        text = self._corrected(with_other_edge(with_unit_given(text, *self._waiting), self.hints.readings.ri))
        if self.image_probs is not None and (other := AND_THE_OTHER_ASSEMBLY.fullmatch(text)):
            text = f"is it a {other.group(1).lower()}?"  # "what about a triplet?" of the stone in hand
        if (self.image_probs is not None or photos) and (centre := CENTRE_GEM.fullmatch(text)):
            text = f"is it {centre['gem']}?" if gems_named_in(centre["gem"]) else text  # "what is the centre diamond?"
        if self.topic is not None and not self._stone_in_hand and not gems_named_in(text):
            text = in_the_colour(text, self.topic)  # "what is sapphire?", then "no, I meant the green one"
        elif self.named_together and not self._stone_in_hand and not gems_named_in(text):
            meant = the_one_in_colour(text, self.named_together)  # "ruby or emerald?", then "I meant the green one"
            text = f"tell me about {meant.name}" if meant is not None else text
        real = REAL_ONE.search(text)
        # "tell a synthetic ruby from a natural one": the one is a natural ruby, which the message already says
        before = gems_named_in(text[: real.start()]) if real else []
        grown_before = any(g.origin == "synthetic" or grown_said(text, g) for g in before)
        if real and not grown_before and (gem := self._answered_gem() or self.topic) is not None:
            text = f"{text[: real.start()]}a real {gem.name.lower()}{text[real.end() :]}"  # "… a real diamond …"
        if not (photos or self._stone_in_hand) and self.topic is not None and DEGREE_OF_IT.match(text):
            # "is it hard?" of the gem spoken of ("… for July is ruby"): its rank, as "is ruby hard?" gets
            text = re.sub(r"\b(?:it|they)\b", lower_name(self.topic), text, count=1, flags=re.I)
        if not photos and (self._answered_gem() or self.topic) is not None:
            text = THAT_ONE.sub(lambda m: f"{m['verb']}it", text)  # "is that a rare find?" of the gem spoken of
        if not photos and (held := self._answered_gem()) is not None and phenomena_asked(text):
            # "does my ruby show a star?" of the ruby answered: what "does it show a star?" asks, not its odds
            names = "|".join(re.escape(n) for n in (held.name, *held.aliases))
            text = re.sub(rf"\b(?:my|this)\s+(?:{names})\b", "it", text, flags=re.I)
        treated_before = self.answers and TREATMENT_QUESTION.search(self.answers[-1].message)
        if self.topic is not None and treated_before and (origin := OTHER_ORIGIN.fullmatch(text)):
            text = f"what treatments does {origin.group(1).lower()} {self.topic.name.lower()} get?"  # "natural ones?"
        text = answer.message = self._of_mine(self._scaled_again(text, scale_before), asked_before)
        if not photos:
            text = answer.message = self._of_the_two_stones(text)
        text = answer.message = self._colour_of_it(text, asked_before)
        self._waiting = waiting_for(text)  # a bare number or a bare unit: neither is a reading alone
        return Turn(text, list(photos), answer, asked_before, after_term)

    # --- messages answered without the stone in hand -------------------------------------------------------
    def _without_the_stone(self) -> tuple[Callable[[Turn], bool], ...]:
        """The replies to a message with no photo that need no stone, in the order they are tried; each answers
        and returns True, or returns False."""
        return (
            self._courtesy, self._in_english, self._capabilities, self._off_topic, self._in_short,
            self._side_stones_again, self._two_stones_same, self._several_in_the_photo, self._disclosure,
            self._gem_list, self._superlative, self._kind_bought, self._carat_size,
            self._scale, self._kind_asked, self._fact_check, self._birthstone, self._imitations, self._origin_name,
            self._glossary,
            self._no_gems_compared, self._wear_compared, self._unranked_compared, self._ring_gems, self._at_home,
            self._cutting, self._setting, self._metal, self._toughness,
            self._care_asked, self._other_gem, self._group_colours,
            self._earlier_stone, self._what_i_told, self._no_stone_to_ask_of,
        )  # fmt: skip

    @staticmethod
    def _asked_beside_the_photo(turn: Turn) -> str:
        """What a message sent with a photo asks that needs no stone, answered above the photo's answer: a claim
        ("hessonite shows a treacly swirl, right?": its yes or no) or a treatment's disclosure ("do I need to
        disclose that it's heated?"); ''."""
        if several_stones(turn.text):  # "there are two stones in this photo, what are they?"
            return SEVERAL_IN_ONE_PHOTO
        if len(turn.photos) > 1 and OTHER_STONES_ASKED.search(turn.text):  # "which of these two is the better buy?"
            return SEVERAL_STONES_ONE_MESSAGE
        if checked := claims_checked(turn.text):
            return checked
        if treated := treatment_disclosure(turn.text):  # the photo's answer says what a laboratory decides
            turn.answer.notes.append(f"sources: {'; '.join(treated[1])}")
            return treated[0]
        return ""

    def _two_stones_same(self, turn: Turn) -> bool:
        """ "Are they the same stone?", "is it a different one?" after a second stone: for two gems answered, whether
        they are one gem ("is Topaz the same as Aquamarine?"), yes or no as asked; for one gem answered twice, the
        same kind, but whether one stone neither photos nor readings tell."""
        if not (asked := same_or_different(turn.text)):
            return False
        if (two := self._two_stones_asked(turn.text)) is None:
            # "compare jasper and smoky quartz", then "are they the same stone?": of the two gems compared
            pair = self.named_together if self._asks_of_named_together(turn.text, no_stone_in_hand=True) else ()
            if len(pair or ()) != 2 or gems_named_in(turn.text):
                return False
            turn.answer.reply = two_gems_answer(*pair, different=asked == "different")
            turn.answer.properties = property_rows([g.name for g in pair])
            return True
        before, gem = two
        if gem.name != before.name:
            turn.answer.reply = two_gems_answer(before, gem, different=asked == "different")
            if not (kind_of(before, gem) or kind_of(gem, before)):  # "which is harder?" next asks of the two
                self.topic, self.named_together = None, (before, gem)
            return True
        name, said, _ = self.stones[0]
        now, photos = self._stone_answered(), self.image_probs is not None
        by = "photos" if photos else "readings"
        turn.answer.reply = (
            f"Both were answered {gem.name}: {name}: {said}; {self._in_hand_name}, the one in hand: {now}. So they "
            f"look like the same kind of gem, but whether they are one stone {by} cannot tell: two stones of one "
            f"gem {'look' if photos else 'read'} alike."
        )
        if photos:
            turn.answer.reply += (
                " I took each photo as a stone of its own, as each came in a message of its own; photos of one "
                "stone sent in one message, or with “another photo of the same stone”, I look at together."
            )
        return True

    def _several_in_the_photo(self, turn: Turn) -> bool:
        # "there were two stones in that photo": said after the photo was answered, of the photo in hand
        if self.image_probs is None or not several_stones(turn.text) or not PHOTO_WORD.search(turn.text):
            return False
        if parse_hints(turn.text):
            return False
        answered = self._stone_answered()
        turn.answer.reply = SEVERAL_IN_ONE_PHOTO + (f" My answer for that photo: {answered}." if answered else "")
        return True

    def _general_beside_no_gem_photo(self, turn: Turn) -> bool:
        """A question that needs no stone, sent with a picture that shows none: the question answered after
        saying so."""
        if not turn.photos or self.scope is None or self.scope.kind != NOT_A_GEM_PHOTO or self.hints:
            return False
        general = (
            self._capabilities, self._gem_list, self._superlative, self._scale, self._kind_asked, self._birthstone,
            self._glossary, self._ring_gems,
        )  # fmt: skip
        if not any(reply(turn) for reply in general):
            return False
        turn.answer.reply = f"**{self.scope.sentence()}** {turn.answer.reply}"
        return True

    def _courtesy(self, turn: Turn) -> bool:
        if not THANKS.fullmatch(turn.text):  # a courtesy, not a question: no analysis again
            return False
        thanked = re.search(
            r"\bthank|\bthx\b|\bty\b|\btysm\b|\bcheers\b|gracias|merci|danke|grazie|obrigad", turn.text, re.I
        )
        reply = "Send another photo or a reading whenever you like."
        turn.answer.reply = f"You're welcome. {reply}" if thanked else reply
        return True

    def _in_english(self, turn: Turn) -> bool:
        # "est-ce que c'est cher?": not the card again, as if it were answered; no translation either
        if not not_in_english(turn.text) or parse_hints(turn.text):
            return False
        meant = [english for words, english in MEANT if words.search(turn.text)]
        ask = f"If you meant “{meant[0]}”, please ask it in English." if len(meant) == 1 else "Please ask in English."
        turn.answer.reply = f"I answer in English only, so I cannot read that question. {ask}"
        return True

    def _capabilities(self, turn: Turn) -> bool:
        if not CAPABILITIES_QUESTION.search(turn.text) or parse_hints(turn.text):  # "what can you do?"
            return False
        evidence = self.assistant.evidence
        photos = (
            f"From a photo I recognise {len(evidence.classes)} kinds of gemstone (cut or polished stones, such as "
            "ruby, sapphire, emerald, amethyst or opal), and"
            if self.assistant.classifier is not None
            else "No photo model is loaded, so I go by what you tell me:"
        )
        turn.answer.reply = (
            f"{photos} I know the constants of {len(evidence.names)} gems, lab-grown stones and imitations, so "
            "readings (refractive index, specific gravity, hardness, optic character, pleochroism, fluorescence) "
            "rank those too. I cannot name ordinary rocks, fossils, meteorites or metals, and a photo alone cannot "
            "tell a natural stone from a lab-grown one or from glass: readings or a gem laboratory can. Ask me too "
            "about a gem's properties, care, treatments and birthstones, or how to tell two gems apart. " + HELP
        )
        return True

    def _off_topic(self, turn: Turn) -> bool:
        if said := next(((reply, note) for asked, reply, note in DECLINED if asked.search(turn.text)), None):
            turn.answer.reply = said[0]
            turn.answer.notes += [said[1]] if said[1] else []
            return True
        if not OFF_TOPIC.search(turn.text) or parse_hints(turn.text):  # "write me a poem about diamonds"
            return False
        turn.answer.reply = f"I only know about gems and minerals, so I cannot help with that. {HELP}"
        return True

    def _in_short(self, turn: Turn) -> bool:
        if not SHORT_REPLY.fullmatch(turn.text) or not (answered := self._stone_answered()):  # "so?", "hmm"
            return False
        turn.answer.reply = (
            f"In short: {answered}. Ask me how sure I am, what else it could be or which test would settle it, "
            "or send a reading or the next stone."
        )
        return True

    def _side_stones_again(self, turn: Turn) -> bool:
        # "and the side stones?", "the outer stones, what are they?" after a piece given in one message
        if not SIDE_STONES.search(turn.text) or parse_hints(turn.text):
            return False
        if self._side_stones is not None:
            turn.answer.reply = f"{self._side_stones}\n\nThe stone in hand is still the centre stone."
            return True
        # asked of side stones nothing was told of, with a centre stone in hand: its photo and readings are not theirs
        if "?" not in turn.text or self._main_stone is not None or not self._stone_in_hand:
            return False
        turn.answer.reply = SIDE_STONES_UNTOLD
        return True

    def _disclosure(self, turn: Turn) -> bool:
        if parse_hints(turn.text).measured:  # "RI 1.762-1.770 SG 4.00, can I sell it as ruby?": ranked, rule above
            return False
        gem = self._answered_gem()
        # "is it oiled?", "how would a lab tell?", then "must it be disclosed?": the treatment of the last messages
        # (not the heat of "is it heat sensitive?")
        recent = self.answers[max(self._stone_began, len(self.answers) - TREATMENT_REMEMBERED) :]  # of this stone
        said = [x.message for x in recent if TREATED_WORDS.search(x.message)]
        before = said[-1] if said else ""
        if treated := treatment_disclosure(turn.text, of_a_stone=gem is not None, before=before):
            turn.answer.reply = treated[0]
            turn.answer.notes.append(f"sources: {'; '.join(treated[1])}")
            return True
        if worded := selling_word_answer(turn.text, gem):  # "can I call my stones natural?"
            turn.answer.reply = worded[0]
            turn.answer.notes.append(f"sources: {'; '.join(worded[1])}")
            return True
        if named := trade_name_use_answer(turn.text):  # "can I use the name 'Mystic topaz'?": the name, not the stone
            turn.answer.reply = named
            return True
        traded = trade_rule_answer(turn.text, gem)  # "can I sell black coral online?": CITES first
        told = disclosure_answer(turn.text, gem)  # "can I sell them as ruby?"
        if not (traded or told):
            return False
        turn.answer.reply = "\n\n".join(x for x in (traded and traded[0], told) if x)
        sources = (*(traded[1] if traded else ()), *(DISCLOSURE_SOURCES if told else ()))
        turn.answer.notes += [f"sources: {'; '.join(sources)}"] if sources else []
        return True

    def _gem_list(self, turn: Turn) -> bool:
        # "which gems are singly refractive?", "which gems fluoresce red?", "which gems have an RI around 1.718?",
        # "which gems show asterism?", "which gems are blue?"
        text = turn.text
        if self._asks_of_named_together(text, not_of_gems_in_general=True):
            return False  # "ruby vs spinel", then "which glows?": of the two compared
        listed = optic_list_answer(text) or system_list_answer(text) or fluorescence_list_answer(text)
        listed = listed or value_list_answer(text)
        listed = listed or compared_list_answer(text) or shown_list_answer(text) or colour_list_answer(text)
        if not listed and (listed := cleavage_list_answer(text)):  # what cleavage is, and so what it does, sourced
            turn.answer.notes.append(f"source (cleavage): {term_called('cleavage').source}")
        if not listed:
            return False
        turn.answer.reply = listed
        return True

    def _superlative(self, turn: Turn) -> bool:
        # "the hardest gem?"; not "RI 1.76, which is the hardest gem it could be?", a reading of the stone in hand;
        # "gems with high dispersion" asks of gems in general, its "high dispersion" no reading
        # "which one is the rarest?" after a photo: of the stone in hand, not of every gem
        which_one = (
            WHICH_ONE.search(turn.text) or re.match(r"\s*which\b", turn.text, re.I) and THE_COLOUR_ONE.search(turn.text)
        )  # "which is harder, the green one or the blue one?"
        of_the_stone = which_one and (turn.images or self.image_probs is not None or self.hints)
        by_range = ""  # a ranking by a constant's range, of every gem or those named
        # "which one is harder?", "which one has more fire than diamond?": of its gems, never of every gem
        if of_the_stone and (not gems_named_in(turn.text) or COMPARED_AMONG.search(turn.text)):
            ranked = self._superlative_of_the_stone(turn.text)
        else:
            ranked = by_range = superlative_answer(turn.text)
            ranked = ranked or ("" if of_the_stone else rarest_answer(turn.text))
            # "which one has more fire than diamond?" of no stone: of every gem, not the card of the one named
            ranked = ranked or ("" if of_the_stone else compared_list_answer(turn.text, any_one=True))
        if not ranked and (cheap := cheapest_answer(turn.text)):  # "the cheapest yellow-green stone?"
            ranked = f"I do not price stones, nor rank gems by price: {WHAT_VALUE_RESTS_ON}. {cheap}"
        # "which ones are harder than topaz?" lists gems, or ranks the stone's: its "harder than topaz" is no reading
        asked = ALSO_COMPARED.sub(" ", ANY_ONE_COMPARED.sub(" ", turn.text))
        if not ranked or parse_hints(HIGH_OR_LOW.sub(" ", asked)):
            return False
        if self._asks_of_named_together(turn.text, not_of_gems_in_general=True):  # "which is the hardest?" of June's
            return False
        spoken_of = self.hints or self.named_together or self._answered_gem() or self.stones
        if by_range and THOSE_MEANT.search(turn.text) and not (spoken_of or gems_named_in(turn.text)):
            # "which of them is the softest?" with none named or in hand (or only opal spoken of): which gems, not
            # every gem ranked
            first = re.split(r"[?!]", turn.text.strip())[0]
            asked = re.sub(r"\s+of\s+(?:them|these|those|the two|both)\b", "", WHICH_OF_THEM.sub("which", first))
            one = self.topic
            gems = f"{lower_name(one)}, topaz or quartz" if one else "topaz, quartz or spinel"
            ranked = (
                f"**Which gems?** Only {one.name} is spoken of: name the others to rank it among "
                if one
                else "**Which gems?** None is named or in hand to rank: name them "
            )
            ranked += (
                f'("{asked.rstrip("?!. ")}, {gems}?"), or send a photo of each stone, in a message of its own, and '
                'ask "what gem is this?".'
            )
        turn.answer.reply = ranked
        return True

    def _superlative_of_the_stone(self, text: str) -> str:
        """ "Which one is the hardest?" with a stone in hand: of the gems its latest answer says it may be (those its
        table shows, at 1% or more), ranked from their facts; ''."""
        ranked = [x for x in self.answers[self._stone_began :] if x.candidates]
        by_colour = THE_COLOUR_ONE.search(text)  # "which one is softer? the green one or the blue one"
        if not ranked or re.search(r"\bor\b", text) and not by_colour:
            return ""
        evidence = self.assistant.evidence
        shown = [(n, p) for n, p in ranked[-1].candidates[:5] if p >= 0.01 and n in evidence.index]
        gems = [evidence.facts[evidence.index[n]] for n, _ in shown]
        called = f"the gems your stone may be ({join_words([f'{n} {percent(p)}' for n, p in shown], 'and')})"
        if by_colour:
            return colour_ones_among(text, gems, called)
        # "which one is rarer?": no range ranks it; what their facts say of it
        return (
            compared_among(text, gems, called)
            or superlative_among(text, gems, called)
            or (unranked_compared(text, gems, among=True) if len(gems) > 1 else "")
        )

    def _scale(self, turn: Turn) -> bool:
        # "is 1.76 high for an RI?": a question about the value, not a reading of the stone; with one number only
        # ("RI 1.76, SG 4.0, is 4.0 high?" gives readings to rank by)
        if len(READING_VALUE.findall(turn.text)) != 1 or not (placed := scale_answer(turn.text)):
            return False
        turn.answer.reply, self._scale_asked = placed, turn.text
        return True

    def _fact_check(self, turn: Turn) -> bool:
        checked, rest = claim_and_rest(turn.text)  # "peridot is uniaxial, right?": a claim, not a reading
        if not checked:
            return False
        if re.search(r"\w", rest):  # "could it be topaz instead? SG 3.53 right": the claim first, then the rest
            self._answered_first, turn.text = checked, rest.strip()
            return False
        turn.answer.reply = checked
        return True

    def _kind_asked(self, turn: Turn) -> bool:
        cats_eye, sources = every_cats_eye_answer(turn.text)  # "every cat's eye is chrysoberyl, right?"
        if cats_eye:
            turn.answer.reply = cats_eye
            turn.answer.notes.append(f"sources: {'; '.join(sources)}")
            return True
        treated, sources = treated_yet_the_gem(turn.text)  # "is oiled emerald a real emerald?"
        if treated:
            turn.answer.reply = treated
            turn.answer.notes.append(sources)
            return True
        # "is pearl a mineral?", "is sapphire a precious stone?": were bare cards
        stone = self.topic or self._answered_gem()  # "is it a mineral?": of the gem talked of, or the photo's
        either = EITHER_KIND.match(turn.text)  # "is it a rock or a mineral?": which, not a yes or a no
        text = f"{either['x']} a mineral?" if either else turn.text
        kind_before = self._kind_said[1] if self._kind_said and self.answers[-1] is self._kind_said[0] else ""
        if kind_before and WHY_ONLY.fullmatch(text):  # "is amber a mineral?", then "why not?": what the kind asks
            said = self._kind_said[0].reply.split("\n\n")[0]
            what = f"What makes {'an' if kind_before[0] in 'aeiou' else 'a'} {kind_before}"
            turn.answer.reply = f"{said} {what}:\n\n{explained([term_called(kind_term(kind_before))], turn.answer)}"
            return True
        if kind_before and (other := AND_OF_ANOTHER.fullmatch(text)) and not MEANT_BY_PRONOUN.fullmatch(other["x"]):
            text = f"is {other['x']} a {kind_before}?"  # "is amber a mineral?", then "and pearl?"
        of_it = KIND_ASKED.match(text)
        if stone is None and of_it and MEANT_BY_PRONOUN.fullmatch(of_it["x"]) and not self._stone_in_hand:
            kind = re.sub(r"s$", "", of_it["y"])  # "are they minerals?": "is opal a mineral?" of each
            each = [material_kind(f"is {gem.name} a {kind}?") for gem in self.named_together or ()]
            if each and all(lead for lead, _ in each):  # "compare opal and quartz", then "are they minerals?"
                terms = [term_called(term) for term in dict.fromkeys(term for _, term in each)]
                turn.answer.reply = "\n\n".join([*(lead for lead, _ in each), explained(terms, turn.answer)])
                return True
            if not self.named_together:  # nothing named: which stone is asked, and what the kind means
                said = which_gem(f"Whether it is {'an' if kind[0] in 'aeiou' else 'a'} {kind}", f"is opal a {kind}?")
                turn.answer.reply = f"{said}\n\n{explained([term_called(kind_term(kind))], turn.answer)}"
                return True
        likeliest, which = self.topic is None, bool(either)
        if crystal := crystal_kind(text, stone, likeliest=likeliest):  # "is this a crystal?": its structure
            turn.answer.reply = f"{crystal}\n\n{explained([term_called('crystal')], turn.answer)}"
            return True
        asked_crystal = CRYSTAL_ASKED.match(text)
        if stone is None and asked_crystal and THE_STONE_IN_HAND.fullmatch(asked_crystal["x"]):
            said = which_gem("Whether it is a crystal", "is opal a crystal?")  # nothing in hand or named
            turn.answer.reply = f"{said}\n\n{explained([term_called('crystal')], turn.answer)}"
            return True
        lead, term = material_kind(text, stone, likeliest=likeliest, notes=turn.answer.notes, which=which)
        if term:
            if either and term == "gem or mineral" and "crystal" in either[0].lower():
                term = "crystal"  # "is it a crystal or a rock?" of a mineral: what makes a crystal, which it is
            turn.answer.reply = f"{lead}\n\n{explained([term_called(term)], turn.answer)}".strip()
            asked = KIND_ASKED.match(text)
            self._kind_said = (turn.answer, re.sub(r"s$", "", asked["y"]) if asked else "mineral")
            if len(named := gems_named_in(text)) == 1 and not self._stone_in_hand:
                self.topic, self.named_together = named[0], None  # "is pearl a mineral?", then "how hard is it?"
            return True
        # "is amethyst a quartz?", "is spinel the same as ruby?"
        if not (kinds := kind_answer(turn.text, self._stone_in_hand)):
            return False
        turn.answer.reply = kinds
        named = gems_named_in(turn.text)
        if len(named) == 2 and not (kind_of(*named) or kind_of(*named[::-1]) or named[0] == named[1]):
            # "is moissanite a diamond?", then "which is harder?"
            self.topic, self.named_together = None, (named[0], named[1])
        return True

    def _sourcing_of_a_coloured_stone(self, text: str, terms: list) -> list:
        """ "Is it conflict free?" of a coloured stone (named, or in hand, or spoken of): what applies to it, its chain
        of custody (the entry on ethical sourcing, which names the Kimberley Process as the scheme of diamonds), in
        place of that scheme's own entry; `terms` as they are for a diamond, or when the scheme is asked by name."""
        named = gems_named_in(text)
        gem = named[0] if named else self._answered_gem() or self.topic
        if gem is None or gem.species == "diamond" or DIAMOND_SCHEME_SAID.search(text):
            return terms
        sourcing = [term_called("ethical sourcing") if t.term == "conflict diamonds" else t for t in terms]
        return list({t.term: t for t in sourcing}.values())

    def _birthstone_again(self, text: str) -> str:
        """ "and feb?" after a birthstone or an anniversary's answer asks the birthstone of that month; "and the
        15th?" after March's, the day of it, which has the month's birthstone (or the 15th anniversary's gem);
        '' otherwise."""
        last = self.answers[-1] if self.answers else None
        follow = AND_OF_ANOTHER.fullmatch(text)
        if not (follow and last):
            return ""
        month = re.match(r"The birthstone for \*\*(\w+)\*\*", last.reply)
        day = DAY_OF_MONTH.fullmatch(follow["x"])
        if month and day:  # "and the 15th?": a day of the month, or else a wedding anniversary
            years = anniversary_answer(f"what gem for a {follow['x']} anniversary?")
            said = birthstone_answer(f"the birthstone for {month[1]}")
            said = said.replace(month[0], f"the birthstone for **{month[1]} {day[0]}**")
            return f"Birthstones go by the month, not the day: {said}\n\n{years}"
        after_years = any(anniversary_sources()[0] in note for note in last.notes)  # "… 15th anniversary", "and feb?"
        if month or (after_years and MONTH.fullmatch(follow["x"])):
            return birthstone_answer(f"the birthstone for {follow['x']}")
        return ""

    def _anniversary_again(self, text: str) -> str:
        """ "and the 15th?", "what about 25 years?" after an anniversary's gem asks that year's; '' otherwise."""
        last = self.answers[-1].notes if self.answers else []
        follow = AND_OF_ANOTHER.fullmatch(text) or ORDINAL_ALONE.fullmatch(text)
        if not (follow and any(anniversary_sources()[0] in note for note in last)):
            return ""
        years = anniversary_answer(f"what gem for a {follow['x']} anniversary?")
        return "" if years == anniversary_answer("anniversary gems?") else years  # "and feb?" names no year nor gem

    def _birthstone(self, turn: Turn) -> bool:
        text, answer = turn.text, turn.answer
        answered = self._answered_gem()
        if answered and (months := birthstone_of_stone(text, [answered.name, answered.species])):
            answer.reply = months  # "is it my birthstone?" of the stone answered
        elif years := anniversary_answer(text) or self._anniversary_again(text):  # "… a 10th anniversary?"
            answer.reply = years
            answer.notes.append(f"sources: {'; '.join(anniversary_sources())}")
            named = gems_named_in(years.split(" Lists differ")[0])  # the year's gem, not the other lists'
            if len(named) == 1 and not self._stone_in_hand:  # "is it durable?" next asks of it
                self.topic, self.named_together = named[0], None
            return True
        elif months := birthstone_answer(text) or self._birthstone_again(text):  # "the birthstone for July?"
            answer.reply = months
            if "wedding anniversary" in months:  # "and the 15th?" after March's: a day, or an anniversary
                answer.notes.append(f"sources: {'; '.join(anniversary_sources())}")
            named = gems_named_in(months.split("\n\n")[0])  # the birthstones, not the anniversary's gem
            if months.startswith(NO_ZODIAC) and not named:  # "what is my zodiac stone?": no list quoted to source
                return True
            if not self._stone_in_hand:  # "how hard is it?" after "… for May is emerald"
                self.topic = named[0] if len(named) == 1 else None
                # several ("opal or tourmaline"): "is it fragile?" asks of each
                self.named_together = tuple(named) if len(named) > 1 else None
            asked = [v for k, v in PROPERTY_FIELDS.items() if k in CONSTANTS_ASKED and re.search(k, text, re.I)]
            if len(named) == 1 and asked:  # "what's my birthstone and how hard is it?": both answered
                values = ", ".join(f"{label} {property_value(named[0], f)}" for label, f in asked)
                answer.reply += f" **{named[0].name}**: {values}."
        else:
            return False
        answer.notes.append(f"sources: {'; '.join(birthstone_sources())}")
        return True

    def _carat_size(self, turn: Turn) -> bool:
        """ "Is a 1 carat sapphire smaller than a 1 carat diamond?", "does carat mean size?": what a carat is, a
        weight, and of two gems named which is the smaller at one weight; not a message telling a stone's weight, nor
        a price or another constant asked of stones of a size ("is a 1 ct ruby harder than a 1 ct diamond?")."""
        carat_asked = CARAT_SIZE_ASKED.search(turn.text) and ASKED_AS_A_QUESTION.search(turn.text)
        # "what's the weight of a 7x5 oval sapphire?", "what size is a 1 carat diamond?": the figure worked out
        outline = INCLUSION_OR_COLOUR.sub(" ", turn.text)  # "a 10x8 emerald cut aquamarine": no emerald named
        named = self._gems_or_it(outline) or [gem for gem in (self._answered_gem() or self.topic,) if gem]
        worked, sources = carat_weight_answer(turn.text, named[0] if len(named) == 1 else None)
        if worked and ASKED_AS_A_QUESTION.search(turn.text):
            turn.answer.reply = worked
            turn.answer.notes += [f"sources: {'; '.join(sources)}"] if sources else []
            return True
        if not carat_asked or parse_hints(turn.text):
            return False
        if VALUE_QUESTION.search(turn.text) or any(f != "specific_gravity" for _, f in constants_named(turn.text)):
            return False
        compared = carat_size_compared(gems_named_in(turn.text))
        carat = explained([term_called("carat")], turn.answer)
        turn.answer.reply = f"{compared}\n\n{carat}" if compared else carat
        return True

    def _origin_name(self, turn: Turn) -> bool:
        """ "is 'Kashmir blue' a place of origin?", "does 'Burma ruby' mean it is from Burma?": a place in a gem's or
        a colour's name, asked about as a name: where it points (the gem's localities, or the gems of that colour
        known from there), then what such names mean in the trade and who settles origin."""
        text, answer = turn.text, turn.answer
        if not (ORIGIN_NAME_ASKED.search(text) and places_in_a_name(text)):
            return False
        places, gems = parse_hints(text, questions=True), gems_named_in(text)
        if len(gems) == 1:
            answer.reply = f"**{gems[0].name}**: {where_from(gems[0], places, self.assistant.evidence)}"
            answer.properties, answer.description = property_rows([gems[0].name]), reference_description(gems[0])
        else:
            answer.reply = gems_from(places, self.assistant.evidence, next(iter(places.colours), None))
        answer.reply += "\n\n" + explained([term_called("origin name")], answer)
        return True

    def _glossary(self, turn: Turn) -> bool:
        if LAB_APART_QUESTION.search(turn.text) and self._answered_gem() is not None:
            return False  # "how does a gemmologist tell natural from synthetic?" of the stone answered, not "natural"
        stones_value = THE_STONES_VALUE.search(turn.text) and (self._answered_gem() or self.topic) is not None
        # "what would the spectroscope show?" of the stone answered: its spectrum, not what a spectroscope is
        shows = WOULD_SHOW.search(turn.text) and STONE_PROPERTY.search(turn.text)  # not "… the loupe show?"
        stones_value = stones_value or (shows and self._answered_gem() is not None)
        # "what is pleochroism?"; "what does SI1 mean?" (a diamond grade, though "is my diamond SI1?" asks its own);
        # "how is clarity graded?", "how is emerald clarity graded?": the scales, the gem's own clarity type first
        gems_said = gems_named_in(turn.text)
        graded = grades_to_buy(turn.text) or grades_asked(turn.text) or grading_asked(turn.text, gems_said)
        grades = [term_called(name) for name in graded]
        terms = [] if stones_value else grades or terms_asked(turn.text)
        if not stones_value and not terms and turn.after_term and (more := AND_ABOUT_TERM.fullmatch(turn.text)):
            terms = terms_asked(f"what is {more.group(1)}?")  # "what is birefringence?", then "and pleochroism?"
        if not terms and not stones_value and self._stone_in_hand and gems_named_in(turn.text):
            # "what does no heat mean on a ruby?", "what is a diffused sapphire?" with a stone in hand: the
            # treatment's meaning, as without one, unless asked of the stone ("what is the heating of this ruby?")
            terms = [] if about_the_stone(turn.text) else treatments_defined(turn.text)
        if not terms and not stones_value:
            terms = treatments_on_a_paper(turn.text)  # "my emerald report says moderate clarity enhancement, bad?"
        if not terms and not stones_value and (kinds := specimen_kinds_asked(turn.text)):
            turn.answer.reply = kind_undecided(kinds, turn.answer)  # "I cracked open a round rock, is it a geode?"
            return True
        if not terms and not stones_value:
            terms = named_in_a_question(turn.text)  # "how should I label my specimens?", "… a permit to collect?"
        if not terms and not stones_value:
            terms = instruments_asked(turn.text)  # "I only have a loupe and a dichroscope, what can I check?"
        if not terms and turn.asked_before and WHY_OF_IT.fullmatch(turn.text):  # "why does it do that?" after
            terms = mechanism(f"why {turn.asked_before}", [])  # "does it fluoresce?": how fluorescence comes about
        # "and of quartz?" after a habit answered: quartz's habit
        habit_before = turn.after_term and AND_ABOUT.match(turn.text) and "**Crystal habit**" in self.answers[-1].reply
        gems = self._gems_or_it(turn.text) if not terms and (HABIT_ASKED.search(turn.text) or habit_before) else []
        on_the_table = self._answered_gem() or self.topic
        only_habit = [t.term for t in terms] in ([], ["crystal habit"])
        if not gems and only_habit and THE_HABIT.search(turn.text) and on_the_table:
            gems = [on_the_table]  # "what is the habit?", "what's its crystal habit?" after a photo: of its gem
        in_hand = self.image_probs is not None or self.hints or self.named_together
        if not gems and only_habit and THE_HABIT.search(turn.text) and IT_OR_ITS.search(turn.text) and not in_hand:
            self._term_said = True  # "what is its crystal habit?" of nothing in hand: which gem, and what a habit is
            said = which_gem("Its crystal habit", "what is the habit of tourmaline?")
            turn.answer.reply = f"{said}\n\n{explained([term_called('crystal habit')], turn.answer)}"
            return True
        if len(gems) == 1:  # "what is the habit of tourmaline?": what its facts say, then what a habit is
            self._term_said = True
            if not self._stone_in_hand:
                self.topic, self.named_together = gems[0], None  # "what is its habit?" next asks of it again
            turn.answer.reply = f"{habit_said(gems[0])}\n\n{explained([term_called('crystal habit')], turn.answer)}"
            return True
        if not terms and not stones_value and (valued := terms_valued(turn.text)):
            self._term_said = True
            turn.answer.reply = f"{TERM_NOT_PRICED}\n\n{explained(valued, turn.answer)}"
            return True
        if not terms:
            return False
        self._term_said = True
        if counted := colours_counted(turn.text):  # "how many colours does a trichroic stone show?": the number first
            shown_by = "shadow edge" if "shadow edge" in counted else "dichroscope"  # and what shows them
            terms += [t for t in [term_called(shown_by)] if t not in terms]
        if shown := in_the_polariscope(turn.text, terms):  # "… doubly refractive … in the polariscope?": it blinks
            terms += [t for t in [term_called("polariscope")] if t not in terms]
            counted = f"{counted} {shown}".strip()
        terms = self._sourcing_of_a_coloured_stone(turn.text, terms)
        terms += measured_by(turn.text, terms)  # "how do we measure SG?": what SG is, then how it is weighed
        turn.answer.reply = explained(terms, turn.answer)
        for said in filter(None, (spectra_naming(t, turn.answer.notes) for t in terms)):  # "… chromium spectrum?"
            turn.answer.reply += f"\n\n{said}"
        meant: dict[str, list[str]] = {}  # "what does VS1 mean?": the grade asked, then its scale
        for grade in grades_named(turn.text):
            for scale in grades:
                if said := grade_meant(grade, scale):
                    meant.setdefault(said, []).append(grade)
        lead = [f"**{join_words(named)}**: {said}." for said, named in meant.items()] + [counted] * bool(counted)
        if "yield" in [t.term for t in terms] and any(gem.species == "diamond" for gem in gems_said):
            lead.append(YIELD_OF_A_DIAMOND)  # "how much of a diamond is lost when cutting?"
        # of clarity, the gems named, else the stone answered: their own clarity type first
        if "coloured stone grading" in [t.term for t in grades] and "clarity grades" in grades_of_the_stone(turn.text):
            lead += [typed for gem in gems_said or [self._answered_gem()] if gem and (typed := clarity_type(gem))]
        turn.answer.reply = "\n\n".join([*lead, turn.answer.reply])
        if len(terms) == 1 and terms[0].term in NAMED_TWICE and (alike := same_or_different(turn.text)):
            # "is lab-grown the same as synthetic?": one thing under two names, so yes (and "different?" no)
            turn.answer.reply = f"**{'Yes' if alike == 'same' else 'No'}**: {terms[0].text}"
        if balance := without_a_balance(turn.text, terms):  # "I have a refractometer but no SG scale": what it reads
            turn.answer.reply = f"{balance}\n\n{turn.answer.reply}"
            weighing = [t for t in map(term_called, ("hydrostatic weighing", "heavy liquids")) if t not in terms]
            turn.answer.notes += [f"source ({t.term}): {t.source}" for t in weighing if t is not None]
        named_one = gems_said[0] if len(gems_said) == 1 else None  # "can you reset my diamond?": the diamond
        if "resetting a stone" in [t.term for t in terms] and (held := named_one or self._answered_gem()) is not None:
            # "can you put a new stone in my ring?" with a stone answered: what the torch's heat means for it
            torch = bench_asked(TORCH)
            said = bench_said(TORCH, [held.name, held.species], held).strip()
            turn.answer.reply += f"\n\n**{held.name}**: {said}" if said else ""
            turn.answer.notes += [f"sources (bench work): {'; '.join(w.sources)}" for w in torch if said]
        if [t.term for t in terms] == ["appraisal"] and ANY_TREATMENT.search(turn.text):
            # "what should a valuation say about treatment?": the rule of disclosure it follows
            turn.answer.reply += f"\n\n{TREATMENT_RULE}"
            turn.answer.notes.append(f"sources: {DISCLOSURE_SOURCES[0]}")
        # "what is a star sapphire?": the star, then star sapphire; not "what is a cat's eye?", a gem's own name
        if len(gems_said) == 1 and ASKED_ABOUT.fullmatch(turn.text):
            if phenomena_asked(without_its_names(turn.text, gems_said[0])):
                self._kind_shown(turn, gems_said[0])
        return True

    @staticmethod
    def _kind_shown(turn: Turn, gem: GemFacts) -> None:
        """After the phenomenon a kind of gem is named for ("what is a star sapphire?": asterism), what the gem's
        facts say of it, and the gem's card, as "tell me about star sapphire" gives them."""
        if not (seen := what_it_shows(turn.text, gem)):
            return
        turn.answer.reply += f"\n\n{seen}"
        turn.answer.description, turn.answer.properties = reference_description(gem), property_rows([gem.name])

    def _at_home(self, turn: Turn) -> bool:
        named = gems_named_in(turn.text)  # "how can I test my ruby at home?": the tests of any stone, not diamond's
        gem = named[0] if len(named) == 1 else None if named else self._answered_gem()  # "… test it …" of a photo's
        told = testing_at_home_answer(turn.text, gem)
        if not told or parse_hints(turn.text):  # "how can I test it at home?"
            return False
        turn.answer.reply = told
        if gem is not None and gem.origin == "natural" and "diamond" not in gem.species:
            turn.answer.reply += f"\n\n{how_to_test(gem)}"  # what does tell a ruby: its own constants and signs
        if claim := natural_claimed(turn.text):  # "the seller swore it's natural. what tests can I do at home?"
            lead, notes = natural_as_told(claim.group(0), named[0]) if len(named) == 1 else (NATURAL_UNSHOWN, [])
            turn.answer.reply, turn.answer.notes = f"{lead}\n\n{told}", turn.answer.notes + notes
        turn.answer.notes.append(
            "sources: `gemlang/knowledge/home_tests.json`, each test with the pages it was checked against"
        )
        return True

    def _gems_or_it(self, text: str) -> list[GemFacts]:
        """The gems a message names, else ("how should I cut it?") the gem answered or spoken of, else the gems
        compared or named together last, as a care question reads them ("how tough is it?" after "opal or
        tourmaline")."""
        named = gems_named_in(text)  # not named_gem, which reads "tourmaline for colour" as a colour said
        if not named and IT_OR_THIS.search(text):
            named = [gem for gem in (self._answered_gem() or self.topic,) if gem is not None]
        if not named and self._asks_of_named_together(text, no_stone_in_hand=True, or_of_it=True):
            # "which one is tougher?" after "jadeite vs nephrite"
            named = list(self.named_together)
        return named

    def _cutting(self, turn: Turn) -> bool:
        # "which way should I orient kunzite when cutting?": what its facts say of cutting it, or that they do not
        named = self._gems_or_it(turn.text)
        if len(named) != 1 or not (told := cutting_answer(turn.text, named[0]))[0]:
            return False
        turn.answer.reply = told[0]
        turn.answer.notes += [f"sources: {'; '.join(told[1])}"] if told[1] else []
        return True

    def _setting(self, turn: Turn) -> bool:
        # "is the prong loose?" of an emerald: the metal, which no facts cover, then the stone's own toughness
        named = self._gems_or_it(turn.text) or [gem for gem in (self._answered_gem() or self.topic,) if gem]
        # "my ring has a halo of diamonds, what is the centre stone?": a gem the message names, with no photo in
        # hand, is not the stone of the setting asked
        if not self.images and gems_named_in(turn.text) and stone_in_a_setting(turn.text)[0]:
            named = []
        told, sources = setting_answer(turn.text, named[0] if len(named) == 1 else None)
        if not told:
            return False
        turn.answer.reply = told
        if HALLMARK_TELLS in told:  # "is the setting gold?": what a hallmark is
            turn.answer.reply += f"\n\n{explained([term_called('hallmark')], turn.answer)}"
        turn.answer.notes += [f"sources: {'; '.join(sources)}"] if sources else []
        return True

    def _metal(self, turn: Turn) -> bool:
        # "is my ring real gold?", "the jeweller said it is real gold": no gem's facts, and no gem's synthetics
        answered = self._answered_gem()
        if gems_named_in(turn.text) or (answered and "metallic" in answered.lustre.lower()):  # pyrite: gold?
            return False
        if not (told := metal_answer(turn.text)):
            return False
        turn.answer.reply = f"{told}\n\n{explained([term_called('hallmark')], turn.answer)}"
        return True

    def _imitations(self, turn: Turn) -> bool:
        # "what is fake tanzanite made of?", "what are the imitations of jade?": not the gem's own chemistry or card
        named = gems_named_in(turn.text)
        asked = IMITATIONS_ASKED.search(turn.text) or LOOKALIKES_ASKED.search(turn.text)
        if len(named) != 1 or named[0].origin != "natural" or not asked:
            return False
        if LAB_GROWN.search(turn.text) or word_about_a_stone(turn.text):  # "fake or synthetic?", "he says it's fake"
            return False
        turn.answer.reply = imitations_answer(named[0], turn.text)
        if terms := terms_asked(turn.text):  # "what is a simulated diamond?": what a simulant is, first
            turn.answer.reply = f"{explained(terms, turn.answer)}\n\n{turn.answer.reply}"
        turn.answer.properties = property_rows([named[0].name])
        return True

    def _kind_bought(self, turn: Turn) -> bool:
        """ "should I buy a lab grown ruby?", "are synthetic gems cheaper?", "is a doublet opal worth buying?": a kind
        of stone weighed as a buy, answered from how the sources compare it with a natural stone; after a photo too,
        unless the message speaks of the stone in hand ("is it worth buying if it's synthetic?")."""
        text, answer = turn.text, turn.answer
        bought = BUY_ASKED.search(text)
        if not (bought or PRICE_COMPARED.search(text)):
            return False
        if self._stone_in_hand and (IT_OR_ITS.search(BUY_ASKED.sub(" ", text)) or STONE_IN_HAND.search(text)):
            return False
        if LAB_GROWN.search(text):
            # no price, but how they compare, what lab-grown means and the name it must be sold under
            named = [term_called("lab-grown or synthetic")] if bought else []
            answer.reply = (
                "I do not price stones, but my sources compare them: synthetics cost far less than their natural "
                f"counterparts, and a stone's own {WHAT_VALUE_RESTS_ON.split(', which')[0]}.\n\n"
                + explained([term_called("synthetic"), *named], answer)
            )
        elif bought and (assembled := [t for t in terms_named(text) if t.term == "doublet and triplet"]):
            # "is a doublet opal worth buying?": what it is, then what it is worth beside a solid stone
            answer.reply = explained([*assembled, term_called("value of an assembled stone")], answer)
        else:
            return False
        if named := [g.name for g in gems_named_in(text) if g.name in self.assistant.evidence.index][:1]:
            answer.properties = property_rows(named)
        return True

    def _toughness(self, turn: Turn) -> bool:
        # "is emerald tougher than diamond?", "will my tanzanite chip?": its sourced grade, not its card or care
        told, sources = toughness_answer(turn.text, self._gems_or_it(turn.text))
        spoken_of = turn.images or self.hints or self.topic or self.named_together or self._answered_gem()
        if not told and not spoken_of and self.image_probs is None and not gems_named_in(turn.text):
            told, sources = toughest_answer(turn.text)  # "which is the toughest gem?": jade, not "Which gem?"
            told += f"\n\n{explained([term_called('toughness')], turn.answer)}" if told else ""
        if not told:
            return False
        turn.answer.reply = told
        turn.answer.notes.append(f"sources: {'; '.join(sources)}" if sources else "from the knowledge base")
        if len(named := gems_named_in(turn.text)) == 1 and not self._stone_in_hand:
            self.topic, self.named_together = named[0], None  # "is garnet tough and shiny?": "is it shiny?" of garnet
        return True

    def _wear_compared(self, turn: Turn) -> bool:
        """ "Sapphire or diamond for an engagement ring?", or "which is more durable?" of the gems compared or named
        together last (two, or a month's three birthstones): how each stands everyday wear, the harder of two first."""
        if not WEAR_COMPARED.search(turn.text) or CLEANING_ASKED.search(turn.text):  # "… in a ring: how to clean?"
            return False
        named = named_as_such(turn.text)
        # "more durable?" of the two compared, "the most durable?" of a month's birthstones
        of_pair = not named and self._asks_of_named_together(turn.text)
        gems = named if len(named) in (2, 3) else list(self.named_together) if of_pair else []
        if not gems:
            return False
        self.topic, self.named_together = None, tuple(gems)  # "which is harder?" next asks of them all
        said, sources = wear_compared(gems)
        harder = ordered_answer(gems, "which is harder")
        names = join_words([g.name for g in gems], "or")
        turn.answer.reply = f"**{names}?** {harder} For everyday wear in a ring: {said}"
        turn.answer.notes += sources
        turn.answer.properties = property_rows([g.name for g in gems])
        return True

    def _unranked_compared(self, turn: Turn) -> bool:
        """ "Which is rarer, ruby or emerald?", "which is cheaper?" of the two compared: of both gems, what their
        facts say or that they rank no such thing, not the card of the last one named."""
        named = named_as_such(turn.text)
        of_pair = not named and self._asks_of_named_together(turn.text, no_stone_in_hand=True)  # not of two stones
        gems = named if len(named) in (2, 3) else list(self.named_together) if of_pair else []
        if not gems:
            return False
        sources = []
        if not (said := unranked_compared(turn.text, gems)) and (
            WHICH_FIRST.match(turn.text) or WHICH_OF_TWO.match(turn.text) or COMPARATIVE.search(turn.text)
        ):  # "which fades, amethyst or citrine?": what each one's notes say
            said, sources = stability_compared(turn.text, gems)
            said = f"**{join_words([g.name for g in gems], 'or')}?** {said}" if said else ""
        if not said:
            return False
        self.topic, self.named_together = None, tuple(gems)  # "which is harder?" next asks of them all
        turn.answer.reply = said
        turn.answer.notes += sources
        turn.answer.properties = property_rows([g.name for g in gems])
        return True

    def _ring_gems(self, turn: Turn) -> bool:
        if not (listed := ring_gems_answer(turn.text)):  # "what gemstone is good for an everyday ring?"
            return False
        turn.answer.reply = listed
        turn.answer.notes.append("from the hardness in the knowledge base and each gem's sourced care notes")
        return True

    def _care_asked(self, turn: Turn) -> bool:
        text, answer = turn.text, turn.answer
        last_cared = self.answers and self._care_said and self.answers[-1].reply.startswith("**Caring for")
        if last_cared and WHY_ONLY.fullmatch(text):  # "why not?" after "ultrasonic: never"
            gem, why = self._care_said
            answer.reply = f"**{gem}**: {why}"
            return True
        asked = text
        stored_before = self.answers and self.answers[-1].reply.startswith("**Storing a collection**")
        if (last_cared or stored_before) and AND_ABOUT.match(text) and named_gem(text, fuzzy=False):
            # "is opal ok for a ring?", then "what about emerald?" and "and sapphire?": that question, of each
            asked = next((x.message for x in reversed(self.answers) if care_question(x.message)), text)
        elif not care_question(text):
            return False
        named = named_as_such(text)  # "ruby and sapphire in a ring, how do I clean them?": each one's care
        of_named = self._asks_of_named_together(text, no_stone_in_hand=True, or_of_it=True)
        if len(named) == 2 or (named_gem(text, fuzzy=False) is None and of_named):
            gems = named if len(named) == 2 else self.named_together
            cares = [self._care(text, asked=asked, of=gem) for gem in gems]
            if all(cares):
                answer.reply = "\n\n".join(said for said, _ in cares)
                answer.notes += [sources for _, sources in cares]
                return True
        stored = [t for t in terms_named(text) if t.term == "storing a collection"]
        if stored and named_gem(text, fuzzy=False) is None:  # "how should I store my specimens?": any collection's
            answer.reply = explained(stored, answer)
            return True
        if self._care_of_gems_at_large(text, answer):  # "what stones can't take steam?", a stone in hand or not
            return True
        unsure = self._unsure_care(asked)
        if unsure is not None and unsure[1] is not None:  # "how do I clean it?" of a stone the answer is unsure of
            answer.reply, answer.notes = unsure[0], answer.notes + unsure[1]
            return True
        if care := self._care(text, asked=asked):  # "can I steam-clean emerald?"
            answer.reply, sources = care
            answer.reply = f"{unsure[0]} {answer.reply}" if unsure is not None else answer.reply  # "is it toxic?"
            answer.notes.append(sources)
            named = named_gem(text, fuzzy=False)
            if named is not None and (besides := also_asked(text, named, first=True)):
                answer.reply = f"**{named.name}**: {besides}\n\n{answer.reply}"  # "where is it from and how …?"
            if named is not None and not self._stone_in_hand:
                self.topic, self.named_together = named, None  # "how hard is it?" after "can I steam clean emerald?"
            return True
        # a gem with no care notes of its own, named or spoken of ("how do I clean calcite?"); not a misspelt name
        worked = named_gem(text, fuzzy=False) or (None if named_gem(text) else self._cared_for(text))
        if worked is not None and (work := bench_asked(asked)):  # "can I tumble obsidian?": the bench notes alone
            answer.reply = f"**{worked.name}**: {bench_said(asked, [worked.name, worked.species], worked).strip()}"
            answer.notes += [f"sources (bench work): {'; '.join(w.sources)}" for w in work]
            answer.notes.append(f"I have no checked care facts for {worked.name} yet.")
            return True
        if worked is not None and (told := symptoms_without_notes(worked.name, asked, worked))[0]:  # "my calcite broke"
            answer.reply = f"**{worked.name}**: {told[0]}"
            answer.notes += told[1]
            return True
        if worked is not None and CLEANED_WITH.search(asked) and not HARM_QUESTION.search(asked):
            answer.reply = f"**{worked.name}**: I have no checked care notes for {worked.name} yet, so {DELICATE_CARE}"
            if not self._stone_in_hand:
                self.topic, self.named_together = worked, None  # "can I use vinegar?" next asks of it
            return True
        if (gem := named_gem(text, fuzzy=False)) is not None:
            answer.notes.append(f"I have no checked care facts for {gem.name} yet.")
        elif (spelt := named_gem(text)) is not None and (care := self._care(text, asked=asked, of=spelt)):
            answer.reply, sources = care  # "aquamrine can go in ultrasonik?": the gem a misspelling names
            answer.notes.append(sources)
            return True
        elif not (turn.images or self._stone_in_hand or self._cared_for(text)) and not (
            HARM_QUESTION.search(text) or LIGHT_QUESTION.search(text)
        ):
            # "how do I clean my ring?", "can I retip prongs with the stone in?", "how do I polish my silver ring?"
            # after ruby: no gem to care for, so what suits every gem, and what the bench notes say of all stones;
            # not "a durable stone for a bracelet?", nor "is it safe to touch?" or "does the colour fade?", which
            # cleaning advice does not answer
            work = bench_asked(text)
            if not work and STONE_SOUGHT.search(text):
                return False
            repair, repair_sources = repair_told(text)  # "it has a small crack": its cause, what to do, who to see
            said = " ".join(w.said_of([]) for w in work).strip() or ("" if repair else unknown_stone_care(text))
            said = " ".join(x for x in (said, repair) if x)
            answer.reply = f"**Care depends on the gem**: name it or send a photo for its own notes. {said}".strip()
            if work and not repair and WORK_DEFINED.fullmatch(text):  # "what is dopping?": the work, no stone's care
                answer.reply = f"**{work[0].work[0].upper()}{work[0].work[1:]}**: {work[0].general}"
            answer.notes += [f"sources (bench work): {'; '.join(w.sources)}" for w in work] + repair_sources
            return True
        return False

    @staticmethod
    def _care_of_gems_at_large(text: str, answer: Answer) -> bool:
        """ "Which gems never go in the ultrasonic?", "which gems fade in sunlight?", "what stones must come out
        before soldering?": of gems in general, naming none, so answered from every gem's notes even with a stone in
        hand (whose own care a question naming it, or "it", asks)."""
        if not WHICH_GEMS.search(text) or named_gem(text, fuzzy=False) is not None:
            return False
        if way := CLEANER_NAMED.search(text):  # "which never go in …?"
            way = way.group(1).lower()
            cleaner = "an ultrasonic cleaner" if way == "ultrasonic" else "a steam cleaner"
            answer.reply = f"Never in {cleaner}: {', '.join(never_cleaned_with(way))}. Ask about one for its care."
            if not NEVER_ASKED.search(text):  # "which gems can go in the ultrasonic?": those that can, first
                safe = ", ".join(cleaned_with(way, ("safe", "usually safe")))
                answer.reply = f"Usually safe in {cleaner} when untreated: {safe}. {answer.reply}"
            return True
        if LIGHT_QUESTION.search(text):  # "which gems fade in sunlight?": what each one's care notes say
            faded = "; ".join(f"{name}: {said.rstrip('.')}" for name, said in fading_in_light())
            answer.reply = (
                f"**Fading in light**, as my care notes say: {faded}. Ask about one for its care and sources."
            )
            return True
        if HEAT_QUESTION.search(text) and not bench_asked(text):  # "which gems are heat sensitive?"
            answer.reply, sources = heat_sensitive_answer(text)
            answer.notes.append(f"sources (heat): {'; '.join(sources)}")
            return True
        if work := bench_asked(text):  # "which stones can take the torch?": what the bench notes say of all stones
            answer.reply = f"{' '.join(w.said_of([]) for w in work).strip()} Ask about one stone for its own notes."
            answer.notes += [f"sources (bench work): {'; '.join(w.sources)}" for w in work]
            return True
        return False

    def _unsure_care(self, text: str, now: Answer | None = None) -> tuple[str, list[str] | None] | None:
        """ "How do I clean it?", "can I wear it every day?" of a stone the latest answer was unsure of (no gem
        named): that it is not settled, the care that is safe whichever of its likely gems it is, and the test that
        would settle it, with the sources; "is it toxic?", "will it fade?": what each likely gem's notes say of it
        first. Another care question, or one of gems without care notes: (the warning that the leader's care
        follows, None). None when the answer was sure. `now`: the answer this message gets, asked with the photo
        ("what is it and how do I clean it?"), whose next test it shows itself."""
        answered = [now] if now is not None else [x for x in self.answers[self._stone_began :] if x.gem]
        if not answered or not answered[-1].unsure or named_gem(text, fuzzy=False) is not None:
            return None
        if now is None and ANOTHER_PIECE.search(text):  # "how do I polish my silver ring?": not the stone's care
            return None
        last, index = answered[-1], self.assistant.evidence.index
        likely = [(n, p) for n, p in last.candidates[:3] if n in index and (p >= 0.05 or n == last.gem)]
        said = ", ".join(f"{n} {percent(p)}" for n, p in likely)
        cleaned = CLEANED_WITH.search(text) or WEAR_QUESTION.search(text) or TOUGHNESS_QUESTION.search(text)
        each = HARM_QUESTION.search(text) or LIGHT_QUESTION.search(text) or HEAT_QUESTION.search(text)
        gems = [self.assistant.evidence.facts[index[n]] for n, _ in likely]
        care = most_cautious_care(gems, text) if len(gems) > 1 and (cleaned or each) else None
        if not cleaned and care is None:
            return f"**I'm not sure which gem it is** ({said}); if it is {last.gem}:", None
        told, sources = care if care is not None else (DELICATE_CARE[0].upper() + DELICATE_CARE[1:], [])
        then = f" **Next test:** {last.next_test}" if last.next_test and now is None else ""
        whichever = "the most cautious of their care notes" if care is not None else "what suits every gem"
        whichever = f"what each one's notes say, and {whichever}" if each and care is not None else whichever
        return f"**I'm not sure which gem it is** ({said}), so here is {whichever}: {told}{then}", sources

    def _other_gem(self, turn: Turn) -> bool:
        if (other := self._other_gem_asked(turn.text)) is None:  # "tell me about tanzanite" with a ruby in hand
            return False
        answer = turn.answer
        # "what colour is emerald under a Chelsea filter?": what the filter shows, not the gem's body colour
        filtered = through_the_chelsea_filter(turn.text, other, answer) if CHELSEA_ASKED.search(turn.text) else ""
        colours = follow_up_colours(other) if COLOUR_QUESTION.search(turn.text) and not filtered else ""
        said = filtered or colours.replace(other.name, f"**{other.name}**", 1)
        # "can garnets be white?": yes, in some kinds; "can ruby have a cat's eye?": what its facts name
        said = said or colours_answer(turn.text, other)
        said = said or (what_it_shows(turn.text, other) if phenomena_asked(turn.text) else "")
        tested = HOW_TO_TEST.search(turn.text) and not said  # "how do I know if a pearl is real?"
        # "what is stabilized turquoise?": its treatments, as asked without a stone in hand
        aside = "" if said or tested else side_answer(turn.text, other, general=True)
        answer.reply = how_to_test(other) if tested else said or f"**{other.name}**" + (f": {aside}" if aside else "")
        answer.description = "" if said or tested else reference_description(other)
        answer.properties = property_rows([other.name])
        answer.notes.append(f"about {other.name} in general; the stone in hand is still {self._stone_answered()}.")
        if (trade := trade_name_asked(turn.text)) is not None:  # "what is 'rainbow moonstone'?": what the name hides
            answer.notes.append(trade.note)
        return True

    def _group_colours(self, turn: Turn) -> bool:
        if not (said := group_colours_answer(turn.text)):  # "can feldspar be white?": from its gems' colours
            return False
        turn.answer.reply = said
        return True

    def _earlier_stone(self, turn: Turn) -> bool:
        if not self.stones or not EARLIER_STONE.search(turn.text):  # "go back to the first one": a parcel
            return False
        turn.answer.reply = self._earlier_stone_facts(turn.text) or self._earlier_stones()
        return True

    def _earlier_stone_facts(self, text: str) -> str:
        """A constant asked of one earlier stone ("go back to the first one, what was its hardness?"), from the facts
        of the gem answered for it; '' when no constant is asked or the stone meant is unclear."""
        asked = constants_named(text)
        named = [s for s in self.stones if re.search(rf"\b{re.escape(s[0])}\b", text, re.I)]
        if named:
            meant = named[-1]
        elif FIRST_SAID.search(text):
            meant = self.stones[0]
        elif len(self.stones) == 1 or EARLIER_SAID.search(text):
            meant = self.stones[-1]
        else:
            return ""
        name, said, gem = meant
        if not asked or gem is None:
            return ""
        return (
            f"{name[:1].upper() + name[1:]} was answered {said}. {constants_said(get_facts(gem), asked)}. "
            f"The stone in hand is still {self._in_hand_name}."
        )

    def _what_i_told(self, turn: Turn) -> bool:
        mine = MY_READING_ASKED.search(turn.text)  # "what's my birefringence?": that reading alone, where given
        if not (mine or TOLD_QUESTION.search(turn.text)) or parse_hints(turn.text):
            return False
        named = constants_named(turn.text) if mine else []
        yours = self._readings_of([field for _, field in named])
        held = self.image_probs is not None or self.hints.describe()
        missing = f"You have not given me its {named[0][0]}. " if named and held and not yours else ""
        turn.answer.reply = f"Your reading: {yours}." if yours else missing + self._told()
        return True

    def _no_gems_compared(self, turn: Turn) -> bool:
        """ "which is harder?", "which one is tougher?" with no gem named, discussed or in hand: which two are
        compared, not the how-to-begin help, one gem's question back or care advice."""
        text = turn.text
        compared = PROPERTY_QUESTION.search(text) or TOUGHNESS_QUESTION.search(text) or WEAR_COMPARED.search(text)
        compared = compared or RARITY_COMPARED.search(text) or TO_DO_COMPARED.search(text)  # "… harder to find?"
        of_two = OF_THE_TWO_STONES.match(text)  # "which is best for a ring?" of two; "which gem is best …?" of all
        which = of_two or WHICH_GEM_HAS.match(text)
        if not (which and compared) or (OF_GEMS_AT_LARGE if of_two else OF_GEMS_OR_BEST_AT_LARGE).search(text):
            return False  # "which gems are harder than quartz?", "which is the toughest?": of gems in general
        spoken_of = self.hints or self.named_together or self._answered_gem() or self.stones
        named = gems_named_in(PHENOMENON_SHOWN.sub(" ", text))  # "does it have a cat's eye?": no gem Cats Eye
        if spoken_of or self.image_probs is not None or named or parse_hints(text):
            return False
        labels = [label for label, _ in constants_named(text)]
        tough = [term_called("toughness")] if TOUGHNESS_QUESTION.search(text) else []
        terms = terms_named(" ".join(labels)) if labels else tough  # "Mohs hardness scale", "toughness"
        one = self.topic  # "tell me about opal", then "which is harder?": the other is asked for
        pair = f"{lower_name(one)} or {'topaz' if one.name == 'Quartz' else 'quartz'}" if one else "topaz or quartz"
        first = re.split(r"[?!]", text.strip())[0]  # "which one is softer? the green one or the blue one": its question
        asked = WHICH_OF_THEM.sub("which", first)
        example = f"{asked.rstrip('?!. ')}, {pair}?"  # "which of them is harder?": "which is harder, topaz or quartz?"
        said = (
            f"**Which gems?** A comparison needs two gems, and only {one.name} is spoken of: name the other "
            if one
            else "**Which gems?** A comparison needs the gems compared, and none is named or in hand: name two "
        )
        said += f'("{example}"), or send a photo of each stone, in a message of its own, and ask "what gem is this?".'
        turn.answer.reply = said + (f"\n\n{explained(terms, turn.answer)}" if terms else "")
        return True

    def _no_stone_to_ask_of(self, turn: Turn) -> bool:
        """ "hardness?", "how hard?", "will it chip?" with no gem named, discussed or in hand: which gem is asked,
        and what the property means, not the how-to-begin help; "how many carats is it?": how to weigh it, which
        no photo shows either."""
        text = turn.text
        value = THE_STONES_VALUE.search(text)  # "hardness?", "how hard?"; not "a hard knock can chip it", said
        # "is it pleochroic?", "does it show two colours?": whether the stone does, which its instrument shows
        whether = not value and YES_NO_QUESTION.search(text) and IT_OR_ITS.search(text) and constants_named(text)
        value = value or whether
        asked = value or (TOUGHNESS_QUESTION.search(text) and CARE_ASKED.search(text))
        spoken_of = turn.images or self.hints or self.topic or self.named_together or self._answered_gem()
        named = gems_named_in(PHENOMENON_SHOWN.sub(" ", text))  # "does it have a cat's eye?": no gem Cats Eye
        if spoken_of or self.image_probs is not None or named or parse_hints(text):
            return False
        # not "… carat weight …"; no photo is in hand here
        if GENERAL_QUESTION.search(text) and (limit := beyond_the_evidence(text, None, photo=False)):
            turn.answer.reply = limit
            return True
        seen = phenomena_asked(text)
        if not value and seen and YES_NO_QUESTION.search(text) and IT_OR_ITS.search(text):
            # "does it change colour when I turn it?": the gem's to show, and what the words mean; a change seen as
            # the stone turns is pleochroism, a change with the light colour change
            terms = (terms_named(text) or terms_named(" ".join(seen))) + [term_called("pleochroism")] * (
                "colour change" in seen
            )
            shown = join_words([t.term for t in terms[:1]] or seen, "or")  # "asterism", not "star"
            said = which_gem(f"Whether it shows {shown}", f"does sapphire show {shown}?")
            turn.answer.reply = said + (f"\n\n{explained(terms, turn.answer)}" if terms else "")
            return True
        if not asked and FORMATION_QUESTION.search(text) and THE_STONE_MEANT.search(text):  # "how did this form?"
            turn.answer.reply = which_gem("How and in what rock it formed", "what rock is topaz found in?")
            return True
        if not asked:
            return False
        # "magnet test:" is the label of a value that follows it
        labels = [label.rstrip(":") for label, _ in constants_named(text)] if value else []
        # "optic sign?": the glossary's own term where the property's label names none
        terms = (terms_named(" ".join(labels)) or terms_named(text)) if labels else [term_called("toughness")]
        if whether:  # "does it fluoresce?": the instrument that shows it on the stone, by its entry too
            keys = {READING_OF_FIELD.get(field) for _, field in constants_named(text)}
            shown_by = [t for test in TESTS if test.key in keys for t in terms_named(test.instrument)]
            terms += [t for t in shown_by if t.term in INSTRUMENTS and t not in terms]
        example = f"what is the {labels[0]} of topaz?" if labels else "is topaz tough?"
        said = which_gem(" and ".join(labels or ["toughness"]).capitalize(), example)
        turn.answer.reply = said + (f"\n\n{explained(terms, turn.answer)}" if terms else "")
        return True

    # --- what the message brings of the stone ------------------------------------------------------------------
    def _start_over(self, turn: Turn) -> bool:
        """ "new stone": the stone in hand forgotten; True when nothing else was said ("new stone: RI 1.69, SG 3.35"
        goes on with those). A piece's side stones given their own readings are another stone, and "the centre
        stone" after them is the one in hand before them again."""
        if not turn.photos and self._main_stone is not None and MAIN_STONE.search(turn.text):
            self._next_stone()  # the side stone's answer kept for "what was the first one?"
            self.images, self.image_probs, self.scope, self.hints, self._photo_flaws = self._main_stone
            self._main_stone = None
            turn.answer.notes.append("back to the centre stone, with its photo and readings.")
            return False
        side = _side_stone_read(turn.text)
        other = self._another_mineral(turn.text) or self._another_find(turn.text)
        commanded = RESET_WORDS.search(AGE_ASKED.sub(" ", turn.text))  # not "is it a new stone?", its age asked
        turn.reset = (bool(commanded) or side or bool(other)) and not turn.photos
        if not turn.reset:
            return False
        main = (self.images, self.image_probs, self.scope, self.hints, self._photo_flaws) if side else None
        kept = self.hints.readings if SAME_READINGS.search(turn.text) else None  # "… with the same readings"
        self.reset()
        self._main_stone = main
        said = parse_hints(RESET_WORDS.sub(" ", turn.text))
        if kept:
            self.hints = Hints(readings=kept)
            # what the message gives anew ("same RI, but SG 3.99") replaces the old value: not said to be carried
            given = {k for k in ("ri", "sg", "birefringence", "optic", "pleochroism") if getattr(said.readings, k)}
            carried = Hints(readings=replace(kept, **dict.fromkeys(given)))
            turn.answer.notes.append(
                f"a new stone, with the last one's readings as you said: {', '.join(carried.describe())}."
            )
            return False
        if not (said or said.colours):
            turn.answer.reply = "Starting over: send a photo of the next stone."
            return True
        if other:
            turn.answer.notes.append(other)
        else:
            turn.answer.notes.append("a new stone: earlier photo and hints were cleared.")
        return False

    def _another_mineral(self, text: str) -> str:
        """ "What about sphalerite? resinous lustre, brown" of a grey galena: another mineral named with what is seen
        of it, which the stone in hand cannot also be, is another stone; the note that says so, else ''. Without
        what is seen ("what about sphalerite?"), or with what the stone may also be, it is the stone in hand."""
        if (named := another_mineral(text)) is None or not (self.hints or self.hints.colours):
            return ""
        name, gem, seen = named
        answered = self._answered_gem()
        same = answered is not None and gem is not None and gem.name == answered.name
        # "what about tourmaline? I re-measured and the birefringence is 0.018": the stone in hand, measured again
        same = same or bool(SELF_CORRECTION.search(text) or SAME_STONE.search(text) or MEASURED_AGAIN.search(text))
        if same or not self.hints.contradicted_by(seen):
            return ""
        unknown = "" if gem is not None else f" I have no facts on {name}, so I rank the gems I know by it."
        return f"{name}, with what you saw of it, is another stone: the earlier photo and hints were cleared.{unknown}"

    def _another_find(self, text: str) -> str:
        """ "I found a clear stone, could it be moonstone?" after a ruby's photo: a stone found, of a colour the one
        in hand (the gem its photo was answered as) is never seen in, is another stone, not ranked on that photo; the
        note that says so, else ''. "I found a red one" of a ruby, or "I found this in a river", is the stone shown."""
        said = parse_hints(text).colours
        shown = self._answered_gem() if self.image_probs is not None else None
        if not (said and shown is not None and A_NEW_FIND.search(text) and FOUND_A_STONE.search(text)):
            return ""
        if any(seen_in(shown, c) for c in said):
            return ""
        return (
            f"a {join_words(list(said))} stone you found is not the {lower_name(shown)} of your photo: I answered it "
            "as another stone, and the earlier photo and hints were cleared."
        )

    def _take_photos(self, turn: Turn) -> bool:
        """Look at the message's photos: the stone in hand, another view of it, or a new stone. False when no photo
        could be read and the message says nothing else (the reply says why)."""
        text, answer = turn.text, turn.answer
        images, problems = self.assistant.read_photos(turn.photos)
        if any(image.info.get("frames", 1) > 1 for image in images):
            answer.notes.append("an animated picture: I looked at its first frame only; send each stone as a photo.")
        images, cropped, reads = cropped_to_stone(images)
        keep = " I am still looking at your earlier photo." if self.images else ""
        if turn.photos and not images and not parse_hints(text):
            answer.reply = " ".join(problems) + " Please upload a photo of the stone." + keep
            return False
        if turn.photos and not images:  # the photo failed, but what the message says still counts
            answer.notes.append(" ".join(problems) + " I went on with what you wrote." + keep)
        else:
            answer.notes += [f"skipped {p}" for p in problems]
        if images:
            # readings taken first, then the photo: the stone in hand, unless another photo showed a stone before
            joins = bool(self.hints) and self.image_probs is None and not RESET_WORDS.search(text)
            if self.image_probs is not None and SAME_STONE.search(text):  # "another angle of the same stone"
                images = (self.images + images)[-SAME_STONE_PHOTOS:]
                answer.notes.append(f"another photo of the same stone: I looked at all {len(images)} together.")
            elif joins:
                answer.notes.append(
                    f"I took this photo as the stone of your readings ({', '.join(self.hints.describe())}); say "
                    "“new stone” if it is another."
                )
            else:
                if self.hints:
                    answer.notes.append("new photo, new stone: earlier hints were cleared.")
                self._next_stone()
                self.hints, self._main_stone = Hints(), None
            self.images, self._heatmaps = images, {}
            # what every photo of the stone lacks (one fair photo is enough to answer from)
            each = [{flaw.split(" (")[0]: flaw for flaw in shortcomings_of(read)} for read in reads]
            self._photo_flaws = [flaw for kind, flaw in each[0].items() if all(kind in e for e in each)]
            self.image_probs, self.scope = self.assistant.look(images)
            if any(cropped) and self.scope.kind != NOT_A_GEM_PHOTO:  # a cropped blank picture is no small stone
                answer.notes.append(
                    "the stone fills only a small part of your photo, so I looked at it cropped to the stone; a "
                    "close-up that the stone fills answers best."
                )
            if too_small_to_judge(self._photo_flaws):
                self.scope = seen_too_small(self.scope)
            if NO_COLOUR in self._photo_flaws:
                self.image_probs, self.scope = seen_without_colour(self.image_probs, self.scope)
        turn.images = images
        return True

    def _take_hints(self, turn: Turn) -> None:
        """Add what the message says of the stone to its hints, and leave out what it takes back."""
        text, answer = turn.text, turn.answer
        turn.new = new = parse_hints(text)
        turn.before, self.hints = self.hints, self.hints.updated(new)
        answer.notes += list(new.notes)
        withdrawn = () if turn.reset else withdrawn_hints(text)  # "forget everything, new stone: RI …" kept the new
        if not withdrawn:
            return
        # "ignore the RI, I misread it": the rest of what was said still counts
        held = [w for w in withdrawn if w != "photo" and self.hints.holds(w)]
        unheld = [w for w in withdrawn if w != "photo" and w not in held]
        if "photo" in withdrawn and self.image_probs is not None and not turn.images:  # "use only my readings"
            self.images, self.image_probs, self.scope, self._heatmaps = [], None, None, {}
            held.append("your photo")
        self.hints = self.hints.without(withdrawn)
        turn.new = new.without(withdrawn)
        if held:
            answer.notes.append(f"left out as you asked: {', '.join(held)}.")
        if unheld:  # "forget the hardness" when none was given
            unheld = ["readings" if w == "everything" else w for w in unheld]
            answer.notes.append(f"you had given me no {' or '.join(unheld)}, so there was nothing to leave out.")

    def _fit_asked(self, turn: Turn) -> str:
        """ "RI 1.54, does that fit?" after a stone was answered (or a gem talked about: "what is emerald?"): yes or
        no for that gem first, then the ranking the reading changes (which may put another gem first)."""
        gem = (self._answered_gem() if self._stone_answered() else self.topic) if turn.new.measured else None
        return readings_fit(turn.text, gem) if gem is not None and FIT_ASKED.search(turn.text) else ""

    # --- questions about gems, not about the stone in hand ------------------------------------------------------
    def _comparison(self, turn: Turn) -> bool:
        """A question about two gems: how a gemmologist separates them."""
        text, answer = turn.text, turn.answer
        choice = not self._stone_in_hand  # no stone in hand that "ruby or spinel?" is about
        compared = gems_compared(text, choice) if not (turn.images or turn.new) else []
        last = self._answered_gem()
        of_named = self._asks_of_named_together(text, no_stone_in_hand=True)
        if not compared and of_named and not turn.images and HOW_TO_TELL.search(text):
            compared = list(self.named_together)  # "ruby vs spinel", then "how do I tell them apart?"
        if not compared and not turn.images and COMPARE_WORDS.search(text) and OF_BOTH.search(text):
            # "compare them": the latest two named first
            compared = self._named_before() or list(self.named_together or ())
        last = last or self.topic  # "is tanzanite a good everyday stone?", then "how does it compare to sapphire?"
        if not compared and last is not None and not turn.images and OF_THE_STONE_IN_HAND.search(text):
            # "how do I tell it from glass?", "how can I tell if it's dyed howlite?": the stone answered and that gem
            named = gems_named_in(text) or compared_materials(text)
            compared = [last, other] if (other := next((g for g in named if g.name != last.name), None)) else []
        if not compared:
            return self._imitation_compared(turn, choice)
        if len(compared) > 2:  # "diamond vs moissanite vs CZ": each pair, as an examiner asks it
            return self._three_compared(turn, compared)
        first, second = compared[0].name, compared[1].name
        self.topic, self.named_together = None, (compared[0], compared[1])  # "which one is harder?" asks of both
        answer.reply = f"**{first} or {second}?**"
        # a constant the comparison names; not the cause of colour ("ruby vs spinel in colour")
        asked = constants_named(text)
        if asked:  # "dispersion of diamond vs moissanite": the values asked for first
            values = [
                f"{g.name} {label} {property_value(g, f)}" for label, f in asked[:2] for g in compared[:2]
                if getattr(g, f)
            ]  # fmt: skip
            answer.reply += " " + "; ".join(values) + "."
        # "is ruby or sapphire harder?", "is spinel or sapphire doubly refractive?": the verdict first
        verdict = quality_chosen(text, compared)[0] or ordered_answer(compared, text) if asked else ""
        answer.reply = answer.reply.replace("?**", f"?** {verdict}", 1) if verdict else answer.reply
        if todo := TO_DO_COMPARED.search(text):  # "which is harder to cut?": no fact ranks it, the constants below
            answer.reply += f" My facts do not say which is {todo['asked'].lower()}; what they do compare is below."
        answer.notes += [trade.note] if (trade := trade_name_asked(text)) is not None else []
        answer.reply += by_the_test_named(text, compared[0], compared[1], listed=bool(asked))
        answer.tell_apart = treated_into(text, compared[0], compared[1]) or tell_apart(first, second)
        answer.properties = property_rows([first, second])
        return True

    def _asks_of_named_together(
        self, text: str, *, no_stone_in_hand: bool = False, or_of_it: bool = False, not_of_gems_in_general: bool = False
    ) -> bool:
        """Whether a message asks of the gems compared or named together last (`self.named_together`: two, or a
        month's birthstones) by a word that points back at them: "which is harder?", "how do I clean them?",
        "what are their SGs?" (OF_BOTH). Where the questions differ, the caller says so:
        - no_stone_in_hand: not while a photo or readings are in hand, whose stone "how do I tell them apart?" and
          the care questions are then answered of;
        - or_of_it: "is it fragile?", "hardness?" after "opal or tourmaline" too, with no one gem discussed or named;
        - not_of_gems_in_general: not "which gems glow?", for the lists and rankings of every gem."""
        if not self.named_together:
            return False
        if no_stone_in_hand and self._stone_in_hand:
            return False
        if not_of_gems_in_general and GEMS_IN_GENERAL.search(text):
            return False
        it = or_of_it and self.topic is None and not gems_named_in(text)
        it = it and (IT_SAID.search(text) or THE_STONES_VALUE.search(text))  # "hardness?", "how hard?"
        return bool(OF_BOTH.search(text) or it)

    def _named_before(self) -> list[GemFacts]:
        """The two gems the message before named ("emerald and peridot"), or the one it named beside the stone
        answered ("is it lapis?" of a sodalite), for "compare them"; [] otherwise."""
        before = gems_named_in(self.answers[-1].message)[:2] if self.answers else []
        last = self._answered_gem()
        if len(before) == 1 and last is not None and last.name != before[0].name:
            before = [last, before[0]]
        return before if len(before) == 2 else []

    def _three_compared(self, turn: Turn, compared: list) -> bool:
        """Three gems to separate: how to tell each pair apart, and the three side by side."""
        names = [g.name for g in compared]
        self.topic, self.named_together = None, tuple(compared)  # "which is the hardest?" asks of all three
        turn.answer.reply = f"**{names[0]}, {names[1]} or {names[2]}?**"
        pairs = [(a, b) for i, a in enumerate(names) for b in names[i + 1 :]]
        turn.answer.tell_apart = "\n\n".join(tell_apart(a, b) for a, b in pairs)
        turn.answer.properties = property_rows(names)
        return True

    def _imitation_compared(self, turn: Turn, choice: bool) -> bool:
        """ "How do I tell turquoise from howlite?": an imitation the knowledge base lists for the gem but has no
        facts of; the gem's own constants and signs are what to check. `choice`: see `gems_compared`."""
        if turn.images or turn.new or (found := imitation_compared(turn.text, choice)) is None:
            return False
        gem, imitation = found
        other_side = r"\b(?:or|from|vs\.?|versus|and)\s+(?:an?\s+)?([a-z][a-z -]*?)\s*(?:[?.!,]|$)"  # "from quartzite"
        said = re.search(other_side, turn.text, re.I)
        other = said.group(1) if said and gem.name.lower() not in said.group(1).lower() else imitation.lower()
        self.topic, self.named_together = gem, None
        turn.answer.reply = f"**{gem.name} or {other}?**"
        turn.answer.tell_apart = (
            f"I have no facts of {other} itself, but my knowledge base lists {lower_first(imitation)} "
            f"among {lower_name(gem)}'s imitations. So check the stone against {own_constants(gem)}: one that does "
            "not fit them is an imitation, and a gem laboratory decides."
        )
        turn.answer.properties = property_rows([gem.name])
        return True

    def _lab_grown_compared(self, turn: Turn) -> bool:
        """ "Could it be a synthetic? Which ones have lower RI?" of the stone answered: the lab-grown stones that read
        lower than the natural gem, and which of them the stone's own reading fits."""
        gem = self._answered_gem()
        if turn.images or gem is None or turn.new.measured:
            return False
        if not (said := lab_grown_compared(gem, turn.text, self.hints)):
            return False
        turn.answer.reply = said
        return True

    def _gem_question(self, turn: Turn) -> bool:
        """A constant asked of a gem ("what is the hardness of ruby?", "is quartz uniaxial?", "what's the RI?" of
        the gem answered), answered from its facts. Sets the gem the message asks about (`turn.asked_gem`)."""
        text, answer, new, before = turn.text, turn.answer, turn.new, turn.before
        a = self.assistant
        asked_gem = None if (new.hardness and "scratch" in text.lower()) else named_gem(text, fuzzy=not new)
        last = self._answered_gem()
        of_last = asked_gem is None and not turn.images and last is not None and IT_SAID.search(text)
        # a photo the scope check withheld, with no readings to rank by: the gem answered is only the closest one
        placed = self.scope is None or not self.scope.flagged or self.image_probs is None or self.hints.measured
        whose = (
            "the gem I named for your stone"
            if placed
            else "the closest gem I know, though I could not place your stone"
        )
        if of_last and (floated := floats_in(text, [last])):  # "would it float in bromoform?" of the stone answered
            answer.reply = f"{floated} That is for {last.name}, {whose}."
            return True
        of_pair = asked_gem is None and not turn.images and self._asks_of_named_together(text)
        # "which sinks in bromoform?" of the two compared
        if of_pair and (floated := floats_in(text, self.named_together)):
            self.hints = before  # a question about the two gems, no reading of a stone
            answer.notes = [n for n in answer.notes if n not in new.notes]
            answer.reply = floated
            return True
        quantity = PROPERTY_QUESTION.search(text)
        # "why does a garnet stay dark in the polariscope?"; not "can I scratch test it?" or a reading misread
        asking = GENERAL_QUESTION.search(text.strip()) or ASKED_NOT_SEEN.search(text.strip())
        if quantity is None and asked_gem is not None and not (new or new.notes) and asking:
            quantity = None if ASKS_TO_TEST.search(text) else INSTRUMENT_WORDS.search(text)
        # "what is the hardness of ruby?", "is quartz uniaxial?": a question about a gem, its words no reading
        words_only = not (
            new.hardness or new.countries or any(getattr(new.readings, k) for k in ("ri", "sg", "birefringence"))
        )
        # no stone in hand: no photo, nothing said of one before, and no reading now ("is it singly refractive?"
        # of the gem discussed is a question, not a polariscope reading)
        no_stone = not (turn.images or before or self.image_probs is not None) and (words_only if quantity else not new)
        # "and its SG?", or a bare "optic sign?" after "what is the RI of peridot?": the gem discussed
        follows = FOLLOW_UP.search(text) or THE_STONES_VALUE.search(text) or WHERE_TO_FIND.search(text)
        # "jadeite vs nephrite", then "which one is harder?": both gems compared
        of_pair = asked_gem is None and no_stone and (quantity := quantity or THE_STONES_VALUE.search(text))
        of_pair = of_pair and self._asks_of_named_together(text, no_stone_in_hand=True, or_of_it=True)
        turn.of_topic = not of_pair and asked_gem is None and no_stone and self.topic is not None and bool(follows)
        if turn.of_topic:
            asked_gem = self.topic  # "what is the RI of spinel?" then "and its SG?"
        if of_pair:
            asked_gem = self.named_together[0]
        elif asked_gem is not None and no_stone:
            # "what is the RI of peridot?", "and tourmaline?": the two are compared next ("which is higher?")
            also = turn.asked_before and AND_ABOUT.match(text) and self.topic not in (None, asked_gem)
            self.topic, self.named_together = asked_gem, (self.topic, asked_gem) if also else None
        if quantity is None and asked_gem is not None and no_stone and turn.asked_before and AND_ABOUT.match(text):
            quantity = PROPERTY_QUESTION.search(turn.asked_before)  # "how hard is ruby?", then "and emerald?"
        # not "how heavy is it?", nor "how heavy?" with a stone in hand: its weight (`WEIGHT_OF_THE_STONE`), which no
        # constant gives
        weighed = WEIGHT_OF_THE_STONE.search(text)
        if quantity is None and (asked_gem is None or turn.of_topic) and not (weighed and self._stone_in_hand):
            quantity = THE_STONES_VALUE.search(text)  # "what's the RI?" of the stone answered, or of the gem discussed
        # "what spectrum would it show?", "and under LWUV?": a constant asked of the stone answered, said of nothing
        of_it = (OF_IT_OR_AND.search(text) or WOULD_SHOW.search(text)) and text.rstrip().endswith("?")
        if quantity is None and asked_gem is None and of_it and not (new or new.notes or weighed):
            quantity = STONE_PROPERTY.search(text)
        about_it = quantity and asked_gem is None and ASKED_AS_A_QUESTION.search(text)
        about_it = about_it and (of_it or IT_OR_ITS.search(text) or THE_STONES_VALUE.search(text))
        about_last = about_it and not turn.images and last is not None
        placed = placed or not about_last  # the stone in hand is a gem the answer believes in
        if about_last:
            asked_gem = last  # "is it pleochroic?": the gem answered
            answer.notes.append(f"this answer is about {asked_gem.name}, {whose}.")
        turn.asked_gem = asked_gem
        if not (quantity and asked_gem is not None and not turn.images and words_only):
            return False
        self.hints = before  # "is quartz uniaxial?" says nothing of the stone in hand
        answer.notes = [n for n in answer.notes if n not in new.notes]  # "and its SG?" is no SG reading
        # "the hardness and RI of zircon?", "what are the hardness, SG and RI of spinel, and is it pleochroic?": each
        # constant asked about, in the whole message (what gives the colour only in the question's own words)
        asked = [
            v
            for k, v in PROPERTY_FIELDS.items()
            if compiled(k, re.I).search(quantity.group(0))
            or (v[1] != "colour_cause" and compiled(k, re.I).search(text))
        ]
        # "what colour streak?": the powder's colour, not the stone's; "which shows two colours?": its pleochroism
        if any(field == "streak" for _, field in asked) or re.search(SHOWS_COLOURS, text, re.I):
            asked = [(label, field) for label, field in asked if field != "colour_cause"]
        self._quantity_asked = quantity.group(0)
        gems = [g for g in gems_named_in(text) if g.name in a.evidence.index][:3]
        if WHICH_OF_TWO.match(text):  # "which is harder, ruby or glass?": glass and plastic are chosen between too
            gems += [m for m in compared_materials(text) if m not in gems][: 3 - len(gems)]
        # "is it harder than topaz?", "which glows red, it or spinel?": the stone answered beside the gem named
        than = re.search(
            r"\b(?:it|this)\b.*\b(?:harder|softer|heavier|lighter|denser)\b|\b(?:it|this)\s+or\b|\bor\s+(?:it|this)\b",
            text,
            re.I,
        )
        if than and last is not None and len(gems) == 1 and gems[0] != last:
            gems = [last, gems[0]]  # "is it harder than topaz?" of the stone answered
        if of_pair:
            gems = list(self.named_together)
        gems = gems if len(gems) > 1 else [asked_gem]  # "is peridot harder than garnet?": each of them
        if len(gems) == 2 and not of_pair and no_stone:  # "whats harder, topaz or quartz", then "which is heavier?"
            self.topic, self.named_together = None, (gems[0], gems[1])
        spoken_of = last or self.topic  # "can it scratch quartz?": the stone answered, or the gem discussed
        subject = spoken_of if spoken_of is not None and IT_OR_THIS.search(text) else asked_gem
        if (scratched := scratched_by(text, subject)) and len(gems) == 1:
            answer.reply = scratched  # "would a knife scratch it?"
            if not placed:  # no scratch advice for a stone it could not place
                answer.reply = (
                    f"I could not place your stone, so I cannot say how hard it is ({subject.name}, the closest "
                    "gem I know, is not an answer). Do not scratch-test it: a scratch damages a cut stone. A "
                    'refractive index ("RI 1.54") or a specific gravity ("SG 2.65") would tell me what it is.'
                )
            return True
        if MORE_THAN.match(text) and len(gems) == 1:  # "is ruby heavier than glass?": glass is compared too
            gems += compared_materials(text)[:1]
        # "does it glow?" of a moonstone: its floating sheen, not a UV lamp's glow; "what does ruby look like under
        # the Chelsea filter?", a test no constant reads: the gem's own words for what it shows
        glow = GLOW_NOT_UV.search(text) and facts_name(gems[0], [r"adularescen"]) if len(gems) == 1 else False
        if len(gems) == 1 and (glow or not asked and what_it_shows(text, gems[0])):
            answer.reply = what_it_shows(text, gems[0])
            answer.properties = property_rows([gems[0].name])
            return True
        if len(gems) == 1 and not asked and CHELSEA_ASKED.search(text):  # of a gem whose facts name no reaction
            answer.reply = through_the_chelsea_filter(text, gems[0], answer)
            answer.properties = property_rows([gems[0].name])
            return True

        # "does ruby bubble in acid?": a gem with no acid test on record is answered by what its care notes say acid
        # does to it, rather than by "not on record"
        acid_only = [f for _, f in asked] == ["acid_reaction"] and len(gems) == 1 and not gems[0].acid_reaction
        if acid_only and (care := self._care(text, of=gems[0])) and re.search(r"\bacid", care[0], re.I):
            answer.reply, answer.notes = care[0], [*answer.notes, care[1]]
            return True
        fields_asked = [f for _, f in asked]  # "is garnet singly refractive and why?": a yes or no, then why
        if why := mechanism(text, fields_asked):  # "why is tourmaline pleochroic?": what explains it too
            fields = {field: (label, field) for label, field in PROPERTY_FIELDS.values()}
            also = [fields[f] for _, asked_field in asked for f in EXPLAINED_BY.get(asked_field, ())]
            asked = list(dict.fromkeys(asked + also))
        degree = degree_asked(text) if len(gems) == 1 else None  # "is diamond highly refractive?": by rank
        ranked = degree_verdict(text, gems[0], property_value(gems[0], degree[0])) if degree else ""
        # "is ruby hard?": the verdict says the hardness, so the constants after it say only the rest
        told = [(label, f) for label, f in asked if not (ranked and f == degree[0])]
        answer.reply = "; ".join(constants_said(g, told) for g in gems) + "." if told else ""
        cited = [
            f"source ({f.replace('_', ' ')} of {g.name}): {g.citations[f]}"
            for g in gems
            for _, f in asked
            if f in ASKED_SOURCED_FIELDS and f in g.citations
        ]
        answer.notes += [n for n in dict.fromkeys(cited) if n not in answer.notes]  # "is fluorite soluble?": its page
        if "critical_angle" in [f for _, f in asked]:  # worked out by the glossary's rule: its page
            answer.notes.append(f"source (critical angle): {term_called('critical angle').source}")
        if len(gems) > 1 and re.search(CHANGES_COLOUR, text, re.I):  # "which changes colour, alexandrite or ruby?"
            answer.reply = "\n\n".join(what_it_shows(text, g, of_each=True) for g in gems)
        one_asked = len(gems) == 1 and fields_asked == ["pleochroism"] and YES_NO_QUESTION.search(text)
        verdict, source = pleochroic_verdict(text, gems[0]) if one_asked else ("", "")
        if len(gems) == 1 and fields_asked == ["optical_character"] and YES_NO_QUESTION.search(text):
            verdict = optic_verdict(text, gems[0])  # "is peridot biaxial?": no, and its optic character
        if verdict:  # "is tourmaline pleochroic?": yes, and how strongly
            answer.reply = f"{verdict} {answer.reply}"
            answer.notes += [source] if source else []
        if ranked:
            answer.reply = f"{ranked} {answer.reply}".strip()
        chosen, source = quality_chosen(text, gems)
        if chosen:  # "which shows two colours, iolite or garnet?": Iolite, then why
            answer.reply = f"{chosen} {answer.reply}"
            answer.notes += [source] if source else []
        if len(gems) == 1 and HOW_MANY_READINGS.search(text) and (given := readings_given(gems[0])):
            count, term = given  # "how many readings does peridot give?": two, and why
            said = f"**{gems[0].name}**"
            answer.reply = answer.reply.replace(f"{said}:", f"{said} gives {count} on the refractometer:", 1)
            why = why or [term_called(term)]
        if len(gems) == 1 and not about_it and (besides := also_asked(text, gems[0])):
            answer.reply += f" {besides}"  # "how hard is topaz and where is it mined?": both answered
        if why:  # the gem's own facts, then the mechanism they work by
            answer.reply += "\n\n" + explained(why, answer)
        if about_it and (yours := self._readings_of([f for _, f in asked])):  # "what's the SG?" after "SG 4.0"
            answer.reply += f" Your reading: {yours}."
        if len(gems) > 1 and (order := ordered_answer(gems, quantity.group(0))):
            answer.reply = f"{yes_or_no_of_the_order(text, gems, order)}{order} {answer.reply}"
        if len(gems) == 1 and (unknown := choice_unknown(text)):  # "which is harder, ruby or banana?": ruby's alone
            answer.reply = f"{cannot_compare(unknown, gems[0], text)}\n\n{answer.reply}"
        answer.properties = property_rows([g.name for g in gems])
        return True  # a question about a gem, not about the stone in hand

    def _place_question(self, turn: Turn) -> bool:
        """With no stone in hand, a question of a place is no locality of a stone: "What is Kashmir sapphire?" or
        "is tanzanite found in Brazil?" is answered from the gem's localities, not by ranking every gem found
        there, and "What is Mogok famous for?" lists the gems known from it."""
        text, answer, new, asked_gem = turn.text, turn.answer, turn.new, turn.asked_gem
        places = parse_hints(text, questions=True)
        of_the_photo = self.image_probs is not None and THE_STONE_MEANT.search(text)
        # "which green gems come from Colombia?": the colour of the gems asked, not of a stone ("a blue stone from …")
        colour = colour_asked(asked.group(0)) if (asked := PLACE_QUESTION.search(text)) else None
        place_only = places.countries and not (
            new.hardness or new.readings or (new.colours and not colour) or turn.before or turn.images or of_the_photo
        )  # "is this a Kashmir sapphire?" of a photo answered: the stone's origin, which a laboratory decides
        if place_only and (claimed := sellers_claims(text)):  # "seller wants $500 for a Ceylon sapphire, worth it?"
            self.hints = turn.before
            answer.reply = claimed
            return True
        each = len(named := named_as_such(text)) in (2, 3) and not COMPARE_WORDS.search(text)  # not "… difference …"
        if place_only and each and GENERAL_QUESTION.search(text):
            self.hints = turn.before  # "which comes from Sri Lanka, ruby or sapphire?": of each, not the last named
            answer.reply = where_each_from(named, places, self.assistant.evidence)
            answer.properties = property_rows([g.name for g in named])
            return True
        if place_only and asked_gem is not None and GENERAL_QUESTION.search(text):
            self.hints = turn.before
            answer.description = reference_description(asked_gem)
            answer.properties = property_rows([asked_gem.name])
            answer.reply = f"**{asked_gem.name}**: {where_from(asked_gem, places, self.assistant.evidence)}"
            if ORIGIN_CLAIM_ASKED.search(text):  # "is this a Kashmir sapphire?": of a stone, which no reading places
                answer.reply += f" {ORIGIN_DECIDED}"
            return True
        if place_only and asked_gem is None and PLACE_QUESTION.search(text):
            self.hints = turn.before
            answer.reply = gems_from(places, self.assistant.evidence, colour)
            return True
        trade = trade_name_asked(text) if asked_gem is not None else None
        if trade is not None and not (trade.gem.origin == "natural" and asked_gem.origin != "natural"):
            answer.notes.append(trade.note)  # not a natural stone's name of a lab-grown one ("lab-grown Paraíba")
        return False

    def _word_of_another(self, turn: Turn) -> bool:
        """ "The seller says it's a natural ruby, is it?" with no stone to go on: that nothing shows it and a photo
        would not, and what tells the natural gem from its lab-grown stones and imitations."""
        text, answer, gem = turn.text, turn.answer, turn.asked_gem
        if self._artificial_as_told(turn):  # "my friend says my ring is cubic zirconia, is that true?"
            return True
        claim = natural_claimed(text)  # "my grandma said it's a real pearl"
        if not claim or TREATMENT_QUESTION.search(text) or home_tests_in(text) or len(gems_named_in(text)) > 1:
            return False
        if VALUE_QUESTION.search(text):  # "the seller says it's a real diamond, what is it worth?": the value asked
            return False
        if gem is None and "glass" in claim.group(0).lower():  # "he says it's not glass": how glass is told apart
            answer.reply = f"**Not glass, as you were told?** {UNSHOWN}.\n\n{how_to_spot_glass()}"
            answer.properties = property_rows([GLASS])
            return True
        if gem is None:
            answer.reply = (
                f"{NATURAL_UNSHOWN}\n\n{explained([term_called('synthetic')], answer)}\n\n"
                'Name the gem ("the seller says it\'s a natural ruby") for what tells its natural stones from '
                "lab-grown ones and imitations, or send a photo of the stone with what your instruments read."
            )
            return True
        told, notes = natural_as_told(claim.group(0), gem)
        answer.reply, answer.notes = f"{told}{sold_as(gem)}", answer.notes + notes
        answer.properties = property_rows([gem.name])
        return True

    def _artificial_as_told(self, turn: Turn) -> bool:
        """ "My friend says my ring is cubic zirconia", "he told me it's lab-grown ruby", "she says it's glass": a claim
        that the stone is a simulant or lab-grown, answered with what would settle it."""
        text, answer = turn.text, turn.answer
        if not word_about_a_stone(text) or natural_claimed(text) or TREATMENT_QUESTION.search(text):
            return False
        if home_tests_in(text) or VALUE_QUESTION.search(text):
            return False
        named = gems_named_in(text)
        made = [g for g in named if g.origin != "natural"]  # "my diamond is CZ": the claim is the CZ
        word = artificial_claimed(text)
        material = compared_materials(f"or {word.group(0)}") if word else []  # "glass", "plastic"
        if len(made) == 1 and all(g is made[0] or gem_sold_as(made[0]).name == g.name for g in named):
            gem = made[0]
        elif len(named) == 1 and word and LAB_GROWN.search(word.group(0)) and lab_grown_twins(named[0]):
            gem = named[0]  # "lab-grown ruby"
        elif not named and material:
            gem = material[0]
        elif len(named) == 1 and word and named[0].origin == "natural":
            # "my friend says my diamond is fake", "… my pearls are glass": the claim is that it is not the gem named,
            # so what is sold as it and how a stone is tested for it
            said = f"{material[0].name.split(' (')[0]}, not" if material else "Not"
            answer.reply = f"**{said} {lower_name(named[0])}, as you were told?** {UNSHOWN}.\n\n{how_to_test(named[0])}"
            answer.properties = property_rows([named[0].name])
            return True
        elif not named and word:  # "he said it's fake": no gem named, so what the word means and what to send
            kind = "synthetic" if LAB_GROWN.search(word.group(0)) else "simulant"
            answer.reply = (
                f"**{word.group(0).capitalize()}, as you were told?** {UNSHOWN}.\n\n"
                f"{explained([term_called(kind)], answer)}\n\n"
                'Name the gem it was sold as ("he says my diamond is fake") for what tells that gem from its '
                "lab-grown stones and imitations, or send a photo of the stone with what your instruments read."
            )
            return True
        else:
            return False
        name = re.escape(gem.name.split(" (")[0].lower())  # "he swears it's not moissanite": a claim too
        negated = re.search(rf"\bnot\s+(?:an?\s+)?(?:{name}|{word.group(0) if word else name})\b", text, re.I)
        answer.reply, answer.tell_apart = artificial_as_told(gem, negated=bool(negated))
        answer.properties = property_rows(list(dict.fromkeys([gem.name, gem_sold_as(gem).name])))
        return True

    def _nothing_to_rank(self, turn: Turn) -> None:
        """No photo and no hint: a question about the gem it names, or how to begin."""
        text, answer, asked_gem = turn.text, turn.answer, turn.asked_gem
        # "is it real?" of the gem just discussed asks the same
        asks_if = asked_gem is not None and (
            asks_if_it_is(text, asked_gem) or (turn.of_topic and NATURAL_QUESTION.search(text))
        )
        either = [g.name for g in gems_named_in(INCLUSION_OR_COLOUR.sub(" ", text))][:2]  # not "emerald cut"
        natural = gem_sold_as(asked_gem) if asked_gem is not None else None  # synthetic spinel's: spinel
        natural = natural_said(text) or natural  # "tell natural Ruby from lab-grown corundum": ruby, not corundum
        # "a ruby and a sapphire, are they real (or fake)?": two stones, not a choice between two gems
        first, second = (re.escape(name) for name in either) if len(either) == 2 else ("", "")
        both = len(either) == 2 and re.search(rf"{first}\w*\b.{{0,30}}\band\b.{{0,30}}\b{second}", text, re.I)
        if self._word_of_another(turn):  # "the seller says it's a natural ruby, is it?"
            return
        if asks_if and not home_tests_in(text) and both:  # "I bought a ruby and a sapphire, are they real?"
            gems = [get_facts(name) for name in either]
            answer.reply = (
                f"**{either[0]} and {either[1]}?** Nothing you have told me shows whether they are: send a photo of "
                f"each stone, or what your instruments read ({'; '.join(map(ri_and_sg, gems))})."
                + "".join(sold_as(g) for g in gems)
            )
            answer.properties = property_rows(either)
        elif asks_if and not home_tests_in(text) and len(either) == 2:  # "is it a real diamond or CZ?"
            answer.reply = (
                f"**{either[0]} or {either[1]}?** Nothing you have told me shows which it is: send a photo of "
                "the stone, or what your instruments read."
            )
            answer.tell_apart, answer.properties = tell_apart(*either), property_rows(either)
        elif asked_gem is None and (assembled := DOUBLET_QUESTION.search(text)):  # "is it a doublet?", no stone yet
            word = assembly_named(assembled.group(1))
            answer.reply = (
                f"**{word[0].upper()}{word[1:]}?** Nothing you have told me shows whether it is: send a photo of the "
                f"stone, or what your instruments read.\n\n{assembly_signs(answer)}"
            )
        elif asked_gem is None and (GLASS_OR_GEM.search(text) or GLASS_FROM_A_PHOTO.search(text)):
            answer.reply = how_to_spot_glass()  # "how do I tell glass from a real gem?"
            if GLASS_FROM_A_PHOTO.search(text):  # "can you tell from a photo if it's glass?": honestly, no
                answer.reply = f"{PHOTO_CANNOT_TELL_GLASS} {answer.reply}"
            answer.properties = property_rows(["Glass (Paste)"])
        elif asked_gem is None and FAKE_FROM_A_PHOTO.search(text):  # "can you tell if it's fake from a photo?"
            kinds = ["synthetic"] if LAB_GROWN.search(text) else ["synthetic", "simulant"]
            answer.reply = (
                f"**Not from a photo alone.** {TOLD_IN_THE_STONE} Send a photo and I name the likeliest gems, with "
                "which of them a photo cannot separate and what would.\n\n"
                + explained([term_called(k) for k in kinds], answer)
            )
        elif asked_gem is None and FOUND_A_STONE.search(text):
            # "my kid found a shiny rock, what is it?": not sold; "we dug up a green stone": the colour kept, as below
            colour = ", ".join(self.hints.colours)
            kept = f"\n\nNoted: {colour}. A colour alone fits too many gems to rank them." if colour else ""
            answer.reply = FIND_HELP + kept + (f"\n\n{PRICE_REFUSED}" if VALUE_QUESTION.search(text) else "")
            answer.notes += [f"source ({t.term}): {t.source}" for t in map(term_called, FIND_TERMS)]
        elif asked_gem is not None and (FOUND_A_GEM.search(text) or FOUND_A_STONE.search(text)):
            # "I found a ruby in the creek, is it real?", "I found a green stone, could it be emerald?"
            answer.reply = found_gem_answer(asked_gem, bool(AUTHENTICITY_WORDS.search(text)), self.hints.colours)
            answer.notes.append(f"source (natural): {term_called('natural').source}")
            answer.properties = property_rows([asked_gem.name])
        elif (
            asked_gem is None
            and (origin := ORIGIN_ASKED.search(text))
            and not (CULTURED_SAID.search(text) or TREATMENT_QUESTION.search(text))
        ):  # "is this stone man-made?", "is it fake?"; not "is it natural or cultured?" (a pearl's), nor "dyed …?"
            word = origin.group(1)
            grown, natural = LAB_GROWN.search(word), NATURAL_WORD.fullmatch(word)
            kinds = ["synthetic"] if grown else ["natural"] if natural else ["synthetic", "simulant"]
            kinds = ["simulant"] if IMITATION_WORD.fullmatch(word) else kinds
            answer.reply = (
                f"**{word[0].upper()}{word[1:]}?** Nothing you have told me shows whether it is: send a photo of the "
                f"stone, what your instruments read and the gem it was sold as. {TOLD_IN_THE_STONE}\n\n"
                + explained([term_called(k) for k in kinds], answer)
            )
        elif asked_gem is not None and HOW_TO_KNOW.search(text) and (how := told_and_screened(natural, answer)):
            answer.reply = how  # "how do I know if my ruby is synthetic?", "natural from synthetic spinel?"
            answer.properties = property_rows([natural.name])
        elif asks_if and (against := signs_against(self.hints, asked_gem)):
            answer.reply = f"**{asked_gem.name}?** Probably not: {against}"  # "smooth on the teeth", "is it real?"
            answer.properties = property_rows([asked_gem.name])
            if asked_gem.magnetism and asked_gem.magnetism.lower() in against.lower():  # a magnet's pull, sourced
                answer.notes.append(f"source (magnetism): {asked_gem.citations['magnetism']}")
        elif asks_if and not home_tests_in(text) and turn.new.signs:  # "oil or resin in the fissures, is it emerald?"
            seen = " ".join(sign[0].upper() + sign[1:] for sign in turn.new.signs)
            answer.reply = (
                f"**{asked_gem.name}?** What you saw tells how the stone was treated, not which gem it is. {seen} "
                f"To tell whether it is {lower_name(asked_gem)}, send a photo of the stone, or what your instruments "
                f"read ({ri_and_sg(asked_gem)}).{sold_as(asked_gem)}"
            )
            answer.notes = [n for n in answer.notes if n not in turn.new.signs]  # said in the reply
            answer.properties = property_rows([asked_gem.name])
        elif asks_if and not home_tests_in(text):
            answer.reply = (  # "is it a sapphire??", "so it's a real diamond?" with nothing to go on
                f"**{asked_gem.name}?** Nothing you have told me shows whether it is: send a photo of the stone, "
                f"or what your instruments read ({ri_and_sg(asked_gem)}).{sold_as(asked_gem)}"
            )
            answer.properties = property_rows([asked_gem.name])
        elif RADIATION_ASKED.search(text):  # "is blue topaz radioactive?", "is irradiation of gems dangerous?"
            said = explained([term_called("irradiation")], answer)
            answer.reply = f"**{asked_gem.name}**: {irradiation_said(asked_gem)}\n\n{said}" if asked_gem else said
        elif asked_gem is not None and (floated := floats_in(text, [asked_gem])):
            answer.reply = floated  # "does amber float in salt water?"
            answer.properties = property_rows([asked_gem.name])
        elif asked_gem is not None and (natural := found_in_nature(text, asked_gem, answer.notes)):
            answer.reply = natural  # "is cobalt spinel natural?"
            answer.description = reference_description(asked_gem)
            answer.properties = property_rows([asked_gem.name])
        elif asked_gem is not None and PHOTO_WORD.search(text) and SHOWN.search(text) and TREATED_WORDS.search(text):
            answer.reply = self._treatment_in_a_photo(text, asked_gem, answer)  # "can you tell … from a photo?"
        elif asked_gem is not None and (detected := detection_answer(text, asked_gem)):
            answer.reply, sources = detected  # "how do I detect lead-glass filled ruby?"
            answer.notes.append(sources)
            answer.properties = property_rows([asked_gem.name])
        elif (
            asked_gem is not None and not TREATMENT_QUESTION.search(text) and (hues := colours_answer(text, asked_gem))
        ):
            answer.reply = hues  # "can a ruby be green?", "what colours does sapphire come in?"
            answer.properties = property_rows([asked_gem.name])
        elif asked_gem is not None and (assembled := self._assembled_gem(text, asked_gem, answer)):
            answer.reply = assembled  # "is my sapphire a doublet?", "how do I spot a garnet-topped doublet?"
            answer.properties = property_rows([asked_gem.name])
        elif asked_gem is not None and (defined := treatments_defined(text)):  # "what is smoke treatment of opal?"
            answer.reply = explained(defined, answer)
            answer.properties = property_rows([asked_gem.name])
        elif asked_gem is not None and (kinds_of := kinds_of_answer(text, asked_gem)):
            answer.reply = kinds_of  # "what varieties of quartz are there?"
            answer.properties = property_rows([asked_gem.name])
        elif asked_gem is not None and (effect := crystal_effect(text, asked_gem, answer.notes)):
            answer.reply = effect  # "is quartz piezoelectric?"
            answer.properties = property_rows([asked_gem.name])
        elif asked_gem is not None and re.search(TYPE_LOCALITY_SAID, text, re.I):  # "type locality of benitoite?"
            answer.reply = (
                f"{type_locality(asked_gem, answer.notes)}\n\n{explained([term_called('type locality')], answer)}"
            )
            answer.properties = property_rows([asked_gem.name])
        elif asked_gem is not None:
            answer.description = reference_description(asked_gem)
            answer.properties = property_rows([asked_gem.name])
            # "how much is a ruby worth?", "is it heated?"; not "I heated it with a lighter" (a home test)
            # signs of a treatment seen ("sapphire with discoid fractures, heated?") are of the stone in hand
            new = turn.new
            # "is my pearl dyed?": of the stone in hand, what a gemmologist looks for; "is pearl dyed?": in general
            treatment = TREATMENT_QUESTION.search(text) is not None
            # "the dealer told me it's untreated sapphire, true?": someone's word is about a stone, not the gem; not
            # "is citrine always heated amethyst? seller says 'natural citrine'", asked of the gem as a rule
            stone = STONE_IN_HAND.search(text) or word_about_a_stone(text)
            # "my diamond's clarity?", "how many carats is my diamond?"
            graded = bool(stone and (GRADE_OF_THE_STONE.search(text) or WEIGHT_OF_THE_STONE.search(text)))
            in_hand = bool(new.signs) or (treatment and bool(stone)) or graded
            twins = lab_grown_twins(asked_gem) if asked_gem.origin == "natural" and grown_said(text, asked_gem) else []
            aside = (
                ""
                if home_tests_in(text)
                else side_answer(
                    text,
                    asked_gem,
                    new.signs,
                    general=not in_hand,
                    photo=bool(turn.images) or self.image_probs is not None,
                    notes=answer.notes,
                )
            )
            if aside and treatment and twins:  # "is my lab-grown ruby heated?": not natural ruby's heating
                aside = lab_grown_treatments(asked_gem, twins)
                answer.notes += [
                    f"sources (treatments of {t.name}): {t.citations['treatments']}"
                    for t in twins
                    if "treatments" in t.citations
                ]
            elif aside and treatment and (signs := looked_for(text, asked_gem, of_the_stone=in_hand)):
                aside = f"{aside} {signs[0]}".strip()  # "is it heated?": what a gemmologist looks for
                answer.notes.append(signs[1])
            answer.notes = [n for n in answer.notes if n not in new.signs or n not in aside]  # said once
            if not aside and (seen := what_it_shows(text, asked_gem)):  # "what causes asterism in sapphire?"
                answer.reply = seen
                if why := mechanism(text, []):  # "why do star sapphires have a star?": how a star forms
                    answer.reply += "\n\n" + explained(why, answer)
            elif not aside and HOW_TO_TEST.search(text):  # "how do I test a pearl?": its constants and signs
                answer.reply = how_to_test(asked_gem)
            elif not aside and self._which_of_two(turn):  # "which sparkles more, diamond or moissanite?"
                return
            else:
                # "is my lab-grown ruby heated?": the answer is about the lab-grown stones, its card the natural gem's
                called = f"Lab-grown {lower_name(asked_gem)}" if twins and treatment else asked_gem.name
                answer.reply = f"**{called}**" + (f": {aside}" if aside else "")
                named = named_as_such(text)[:3]
                if aside and not (in_hand or twins) and (each := asked_of_each(text, named)):
                    answer.reply, answer.description = each, ""  # "where do ruby and sapphire come from?": each one's
                    answer.properties = property_rows([g.name for g in named])
                    return
                if len(named) == 1 and (unknown := choice_unknown(text)):  # "ruby vs banana": ruby's card alone
                    answer.reply = f"{cannot_compare(unknown, asked_gem, text)}\n\n{answer.reply}"
                if not aside and (told := told_weight(text)):  # "a 25 pointer diamond": noted, before its card
                    answer.reply += f": {weight_said(*told, text)}"
                claim = natural_claimed(text)
                if aside and in_hand and claim and not twins:  # "the seller says it's natural and unheated ruby"
                    told, notes = natural_as_told(claim.group(0), asked_gem)
                    answer.reply, answer.notes = f"{answer.reply}\n\n{told}", answer.notes + notes
                if aside and graded:  # "what clarity is my diamond?": the scale
                    answer.reply += scales_of_the_grades(text, asked_gem, answer)
            natural_card = f"natural {lower_name(asked_gem)}"
            # after the gem's bold name alone a colon; after a sentence already said (its star, its aside) a space
            then = ": " if answer.reply.endswith("**") else " "
            if aside and twins and treatment and not all(untreated_as_far_as_known(t) for t in twins):
                # "what treatments are used on lab-grown diamonds?": each way of growing it was named with its
                # treatments, so only what the card below the answer is about is left to say
                answer.reply += f" The description that follows is of {natural_card}, not of the lab-grown stones."
            elif len(twins) > 1:  # "tell me about synthetic emerald": which lab-grown one, before the natural gem
                answer.reply += then + (
                    f"Lab-grown {lower_name(asked_gem)} is made in more than one way ("
                    f"{join_words([t.name for t in twins], 'and')}), and each has its own facts: ask about one of "
                    f"them by name. What follows is {natural_card}."
                )
            elif not twins and (lab := lab_grown_named(text, asked_gem)):  # "tell me about synthetic peridot"
                answer.reply += then + f"I have no entry for {lab}: what follows is {natural_card}."
        elif self.hints.colours:  # kept: it refines the first reading or photo that comes
            answer.reply = weight_alone(text, tuple(self.hints.colours)) or (  # "a carat and a half, blue"
                f"A colour alone ({' and '.join(self.hints.colours)}) fits too many gems to rank them. Send a "
                'photo of the stone, or add a reading: "RI 1.54", "SG 2.65", "hardness about 7".'
            )
        elif weight := weight_alone(text):  # "it weighs two carats": noted, and no gem named by it
            answer.reply = weight
        elif VALUE_QUESTION.search(text):  # "what is the most expensive gem?": no gem to decline to price
            answer.reply = (
                f"I do not price stones, nor rank gems by price: {WHAT_VALUE_RESTS_ON}; an independent appraiser can "
                "value a stone."
            )
        elif GLASS_TEST_ASKED.search(text) and not GLASS_AS_A_TOOL.search(text):  # "how can I tell if it's glass?"
            answer.reply = how_to_test(self.assistant.evidence.facts[self.assistant.evidence.index[GLASS]])
        elif material := next((m for q, m in MATERIAL_QUESTIONS.items() if q.search(text)), None):
            answer.reply = (  # "is my stone plastic?", "could it be glass?" with nothing to go on
                f"**{material.split(' (')[0]}?** Nothing you have told me shows whether it is: send a photo of the "
                f"stone, or what your instruments read.\n\n{how_to_test(get_facts(material))}"
            )
            answer.properties = property_rows([material])
        elif unknown := unknown_name(text):  # "tell me about painite": a name the knowledge base lacks
            answer.reply = f"I have no facts on {unknown} in my knowledge base, so I cannot tell you about it. "
            answer.reply += HELP
        elif TREATMENT_QUESTION.search(text) or TREATMENT_DETECTED.search(text):  # "is it irradiated?" with no gem
            # treatments in general, or the one whose detection is asked ("is heating detectable?": heat treatment,
            # which says how a laboratory finds it); none for "is it irradiated?", of a stone not in hand, but for
            # "can a lab tell if it's heated?", of any stone
            detected = TREATMENT_DETECTED.search(text)
            general = not ABOUT_THE_STONE.search(text) or detected
            named = (treatments_named_in(text) if detected else []) or [term_called("treatment")]
            answer.reply = (explained(named, answer) + "\n\n" if general else "") + WHICH_GEM_TREATED
        elif HOW_TO_DO.search(text) and (terms := terms_named(text)):
            answer.reply = explained(terms, answer)  # "how can I find the SG of my stone?": as with a stone in hand
        else:
            answer.reply = HELP

    def _which_of_two(self, turn: Turn) -> bool:
        """ "Which sparkles more, diamond or moissanite?", "ruby or spinel, which is better?", which no other answer
        takes: of both gems (`which_of_two_answer`), not the card of the last one named."""
        gems = named_as_such(turn.text)
        said, terms = which_of_two_answer(turn.text, gems)
        if not said:
            return False
        self.topic, self.named_together = None, (gems[0], gems[1])  # "which is harder?" next asks of both
        answer = turn.answer
        answer.reply, answer.description = said, ""
        answer.notes += [f"source ({t.term}): {t.source}" for t in map(term_called, terms) if t]
        answer.tell_apart = tell_apart(gems[0].name, gems[1].name)
        answer.properties = property_rows([g.name for g in gems])
        return True

    @staticmethod
    def _treatment_in_a_photo(text: str, gem: GemFacts, answer: Answer) -> str:
        """ "Can you tell if an emerald is oiled from a photo?": no; then what the treatment named is, and the signs
        that do show it."""
        named = treatments_named(text, gem)[:1]
        answer.notes += [sources_note(named)] if named else []
        lead = (
            f"**{gem.name}**: Not from a photo: whether a stone was treated shows in no photo, only in the stone "
            "itself, under magnification, and for some treatments only in a laboratory."
        )
        said = [explained(treatments_named_in(text), answer)] + [detection_text(gem, s) for s in named]
        return "\n\n".join(part for part in (lead, *said) if part)

    @staticmethod
    def _assembled_gem(text: str, gem: GemFacts, answer: Answer) -> str:
        """ "Is my sapphire a doublet?", "how do I know if my ruby is a doublet?": that nothing told shows it, and
        the signs of assembly the gem records (opal's doublets and triplets), else the glossary's; '' for a question
        that asks neither whether the gem is assembled nor how an assembled stone is told."""
        asked = ASSEMBLED_GEM_QUESTION.search(text)
        detecting = DETECTION_QUESTION.search(text) and ASSEMBLY_NAMED.search(text)
        if not asked and not detecting:
            return ""
        recorded = treatments_named(text, gem)[:1]
        signs = detection_text(gem, recorded[0]) if recorded else assembly_signs(answer)
        if recorded:
            answer.notes.append(sources_note(recorded))
        if not asked or gem.origin == "composite":  # "how do I spot a garnet-topped doublet?": the signs alone
            return signs
        return (
            f"**{gem.name}, {assembly_named(asked.group(asked.lastindex))}?** Nothing you have told me shows whether "
            f"it is: send a photo of the stone, or what your instruments read.\n\n{signs}"
        )

    # --- the stone in hand, ranked -------------------------------------------------------------------------------
    def _rank(self, turn: Turn) -> bool:
        """Rank every gem for the stone in hand: its candidates (a determinative table's lines without a photo),
        the next test, and how sure the answer is. False when there is nothing to rank by (the reply says how to
        begin)."""
        text, answer, asked_gem, a = turn.text, turn.answer, turn.asked_gem, self.assistant
        # "emerald, RI 1.58, SG 2.72": a stone called by a gem of one colour is that colour, unless told otherwise
        if self.image_probs is None and asked_gem is not None and turn.new and not self.hints.colours:
            if len(gems_named_in(text)) == 1 and (colour := colour_of(asked_gem)):
                self.hints = replace(self.hints, colours=(colour,))
                answer.notes.append(f"you called it {lower_name(asked_gem)}, so I took its colour as {colour}.")
        photo = self.image_probs
        if self.scope is not None and self.scope.flagged and self.hints.measured:
            photo = None  # a flagged photo: the readings, not its likeness to known gems, rank the gems
        fused = a.rank(photo, self.hints)
        if fused is None:
            answer.reply = HELP
            return False
        turn.photo, turn.fused = photo, fused
        answer.used_photo = self.image_probs is not None
        answer.hints_used = self.hints.describe()
        answer.reasons, answer.next_test = fused.reasons, fused.next_test or ""
        turn.lines = lines = None if answer.used_photo else table_entries(a.evidence, fused, self.hints)
        if lines is None:
            answer.candidates = fused.ranking[: a.top_k]
            answer.members = [(name,) for name, _ in answer.candidates]
        else:  # a determinative table: one line per gem, or group of twins, the readings can tell apart
            answer.candidates = [(e.name, e.probability) for e in lines[: a.top_k]]
            answer.members = [e.gems for e in lines[: a.top_k]]
            # the test that splits the leading lines of different species (a stated colour already split the rest)
            species = distinct_lines(a.evidence, lines)
            leaders = [a.evidence.index[e.lead] for e in species[:6] if e.probability >= 0.1 * lines[0].probability]
            answer.next_test = a.evidence.next_test(fused.probabilities, self.hints, leaders=leaders) or ""
        conflict = fused.conflict
        leading = leading_share(answer.candidates, a.evidence)
        settled = (
            settled_by_readings(photo, answer.candidates[0][0], a) if conflict and leading >= a.unsure_below else ""
        )
        if settled:  # the photo's gem and the readings' are a pair photos confuse: the readings settle it
            conflict = None
            answer.notes.append(settled)
        answer.unsure = leading < a.unsure_below or bool(conflict or fused.clash)
        answer.notes += [f"{UNSURE_BECAUSE} {why}" for why in (conflict, fused.clash) if why]
        if answer.unsure and answer.used_photo:  # of corundum, say, not of its colour: the headline says which
            answer.species = a.evidence.species_total(answer.candidates[0][0], fused.probabilities, settled=0.5)
        # a colour told answers a photo without one ("it's green"): no need to ask for it again
        flaws = [f for f in self._photo_flaws if not (self.hints.colours and f == NO_COLOUR)]
        if answer.used_photo and self.scope is not None and self.scope.kind == UNCHECKED_SMALL:
            said = self.scope.sentence()  # a note, as the photo's shortcomings are: "this photo is too small …"
            answer.notes.append(lower_first(said))
        if answer.used_photo and flaws:
            answer.notes.append(shortcomings_note(flaws))
            answer.unsure |= any(f != NO_COLOUR for f in flaws)
        if not answer.used_photo:
            answer.notes.append(
                "no photo yet, so this ranking rests on your readings alone, like a determinative table; "
                "a photo helps with gems that share their constants."
            )
        if lines and len(lines[0].gems) > 1:
            answer.notes.append(twins_note(lines[0], self.hints))
        return True

    def _judge(self, turn: Turn) -> None:
        """Whether it could be an imitation, and the odds of each gem the message asks about ("is it ruby or
        spinel?"), each with its probability and rank."""
        text, answer, fused, a = turn.text, turn.answer, turn.fused, self.assistant
        # "is it real?", and "is it a diamond or cubic zirconia?": a question naming an imitation asks it too
        imitations = [g.name for g in gems_named_in(text) if g.origin != "natural"]
        imitations += [m for q, m in MATERIAL_QUESTIONS.items() if q.search(text) and m not in imitations]  # plastic
        top = a.evidence.facts[a.evidence.index[fused.ranking[0][0]]]
        # "this is definitely a diamond right?", "are you 100% sure?" of a photo's answer: a yes asked for, which the
        # photo cannot give against the gem's look-alikes
        confirming = answer.used_photo and confirmation_asked(text, top)
        asked_real = bool(imitations or AUTHENTICITY_WORDS.search(text) or confirming)
        shown = a.evidence.classes[int(np.argmax(turn.photo))] if turn.photo is not None else None
        answer.caution = caution(fused.ranking, self.hints, a.evidence, asked=asked_real, named=imitations, shown=shown)
        real = NATURAL_QUESTION.search(text) and not COLOUR_NATURAL.search(text)  # not "is the blue natural?"
        real = real and top.origin == "natural" and ("?" in text or QUESTION_RUN_ON.search(text))  # "is it a real one"
        if real and not answer.caution:
            answer.caution = natural_or_not(top, answer, a.evidence, self.hints)  # with readings no imitation fits
        turn.asked_real = asked_real or bool(real)
        # "is synthetic spinel possible?": how its lab-grown stones are told apart, each way of growing them
        # and "how would a lab confirm it?" of a lab-grown stone: what the laboratory looks at
        asks_lab = turn.asked_real or LAB_CONFIRM_QUESTION.search(text)
        if asks_lab and "lab-grown" in answer.caution and (screening := screening_of(species_word(top))):
            answer.caution += f" {screening.text}"
            answer.notes.append(f"source ({screening.term}): {screening.source}")
        for question, material in MATERIAL_QUESTIONS.items():  # glass and plastic are no gem names in free text
            if turn.asked_gem is None and question.search(text) and material in a.evidence.index:
                turn.asked_gem = a.evidence.facts[a.evidence.index[material]]
        composites = [i for i, g in enumerate(a.evidence.facts) if g.origin == "composite"]
        # "is it a doublet?" names the kind of stone, not the knowledge base's one Opal Doublet: every assembled
        # stone is asked, and the likeliest is compared with the leader
        assembly = turn.asked_gem is None and DOUBLET_QUESTION.search(text) is not None and bool(composites)
        if assembly:
            turn.asked_gem = a.evidence.facts[max(composites, key=lambda i: fused.probabilities[i])]
        # "is it heated amethyst?" of a citrine: whether the stone in hand was made so (amethyst heats to citrine)
        if turn.asked_gem is not None and any(
            f"(to {top.name.lower()}" in t.lower() for t in turn.asked_gem.treatments
        ):
            turn.asked_gem = top
        if turn.asked_gem is not None and turn.asked_real and imitation_of(text, turn.asked_gem):
            turn.asked_gem = None  # "is it a diamond simulant?" asks whether it is an imitation, not whether diamond
        if turn.asked_gem is not None:
            # "SAPHIRE OR TANZANITE??": a side misspelt too; "black onyx? with a tiny diamond": not the accent
            named = gems_compared(text) or gems_named_in(accents_left_out(text))
            # "RI 1.54 SR, cobalt glass or sodalite?": glass is no gem name in free text, but compared it is
            named += [m for m in compared_materials(text) if m.name not in {g.name for g in named}]
            asked = named[:2] if turn.asked_gem.name in {g.name for g in named} else [turn.asked_gem]
            turn.asked = [g for g in asked if g.name in a.evidence.index]
        answered = {top.name, *(answer.members[0] if answer.members else ())}  # a line's gems: sapphire of corundum
        if WHY_QUESTION.search(text) and len(turn.asked) == 1 and turn.asked[0].name in answered:
            turn.asked = []  # "why did you say aquamarine?" of the aquamarine answered asks why, not its odds
        no_gem_photo = self.scope is not None and self.scope.kind == NOT_A_GEM_PHOTO and not self.hints.measured
        # "natural amethyst or synthetic?": the readings' verdict on the lab-grown twins answers it, not the odds;
        # "emerald or glass?" asks the odds of the glass as well
        readings_verdict = any(
            answer.caution.startswith(f"your readings cannot tell natural {g.name} ") for g in turn.asked
        )
        # "is it a real ruby or a fake?" of a photo: what a photo cannot tell, and what would; not "is this a
        # diamond?", which asks its odds, nor "a ruby and a sapphire, are they real?", which asks the sapphire's too
        authentic = AUTHENTICITY_WORDS.search(text) or NATURAL_QUESTION.search(text)
        authentic = authentic or any(g.origin == "synthetic" for g in turn.asked)
        photo_cannot = [
            g.name
            for g in turn.asked
            if re.match(
                rf"(?:from a photo alone|without readings) I cannot tell natural {re.escape(g.name)} ",
                answer.caution,
                re.I,
            )
        ]
        photo_verdict = (
            authentic and photo_cannot and all(g.name in photo_cannot or g.origin == "synthetic" for g in turn.asked)
        )
        twin_verdict = not compared_materials(text) and (readings_verdict or bool(photo_verdict))
        if turn.asked and not no_gem_photo and assembly:
            answer.reply = self._assembled_standing(turn, composites)
        elif turn.asked and turn.asked_real and twin_verdict:
            answer.reply, answer.caution = f"{answer.caution[0].upper()}{answer.caution[1:]}", ""
        elif len(turn.asked) == 1 and HOW_TO_KNOW.search(text) and (how := told_and_screened(natural_in(turn), answer)):
            answer.reply = how  # "how do I tell natural from synthetic spinel?" with a stone in hand: how, not its odds
        elif turn.asked and not no_gem_photo:  # a picture of no gem gives no odds for one
            together = self._kinds_standing(turn)
            standings = [together] if together else [self._standing(g.name, turn) for g in turn.asked]
            answer.reply = "; ".join(dict.fromkeys(standings)) + "."
            if len(turn.asked) == 1 and turn.asked[0].name != fused.ranking[0][0]:  # "is this a diamond?" of a beryl
                name, called = turn.asked[0].name, family_called(turn.asked[0], text)  # "onyx?" names every onyx
                # the gem, its kinds, and the classes that may be it: "schorl?" of a tourmaline is no "probably not"
                held = [
                    i for i, g in enumerate(a.evidence.facts)
                    if may_be(g, turn.asked[0]) or of_its_family(g, turn.asked[0], called)  # "agate?" of a carnelian
                ]  # fmt: skip
                together = fused.probabilities[[a.evidence.index[name], *self._kinds(name), *held]].sum()
                # a lab-grown twin the caution keeps open ("not so badly as to rule it out") is no "probably not"
                kept_open = f"possibly {name} (" in answer.caution
                asked, lead = turn.asked[0], top
                # no photo of it was learnt from, and its species' constants are the lead's (padparadscha of a pink
                # sapphire): its share is no verdict, the colour decides
                unseen = answer.used_photo and not asked.is_dataset_class and asked.species == lead.species
                if unseen and together < UNLIKELY:
                    answer.reply = (
                        f"**A photo cannot say**: {name} is {species_word(asked)}, as {lead.name} is, and none of "
                        f"the photos I learnt from shows one, so the {percent(together)} the photo leaves it is no "
                        f"verdict; the colour tells them apart (below). {asked.description}".strip()
                    )
                elif together < UNLIKELY:
                    answer.reply = (
                        f"**{'Unlikely, but not ruled out' if kept_open else 'Probably not'}**: {answer.reply}"
                    )
            if len(turn.asked) == 2 and (lean := a.evidence.leans(turn.asked[0].name, turn.asked[1].name, self.hints)):
                answer.reply += f" {lean[0].upper()}{lean[1:]}"  # "citrine or scapolite?" with a yellow glow

    def _kinds_standing(self, turn: Turn) -> str | None:
        """ "Is it hiddenite or kunzite?" of a spodumene: every gem asked is one kind of the lead, said once."""
        fused, facts, index = turn.fused, self.assistant.evidence.facts, self.assistant.evidence.index
        lead = facts[index[fused.ranking[0][0]]]
        asked = [g for g in dict.fromkeys(turn.asked) if g.name != lead.name]
        if len(asked) < 2 or turn.lines or not all(may_be(lead, g) and kind_of(g, lead) for g in asked):
            return None
        if " or " in lead.species:  # jade: jadeite or nephrite, which the RI and SG tell (`_standing`)
            return None
        alone = join_words([f"{g.name} {percent(fused.probabilities[index[g.name]])}" for g in asked], "and")
        names = join_words([g.name for g in asked], "and")
        leads = percent(fused.probabilities[index[lead.name]])
        both = "both" if len(asked) == 2 else "all"
        return f"{names} are {both} kinds of {lead.name}, which leads at {leads}; on their own, {alone}"

    def _standing(self, name: str, turn: Turn) -> str:
        """How a gem the message asks about stands in the ranking: its probability and rank, or its share of the
        gem or table line that holds it."""
        fused, lines = turn.fused, turn.lines
        facts, index = self.assistant.evidence.facts, self.assistant.evidence.index
        lead = facts[index[fused.ranking[0][0]]]
        if lead.name != name and kind_of(lead, facts[index[name]]):  # "is it a sapphire?" of a blue one
            kinds = [i for i, g in enumerate(facts) if g.name == name or kind_of(g, facts[index[name]])]
            return f"{lead.name} is one kind of {name}: {percent(fused.probabilities[kinds].sum())} together"
        if " or " in lead.species and re.search(rf"\b{re.escape(name.lower())}\b", lead.species.lower()):
            lead_p = percent(fused.probabilities[index[lead.name]])  # jade: jadeite or nephrite
            kinds = [k.strip().title() for k in species_word(lead).split(" or ")]
            told = len(kinds) == 2 and self.assistant.evidence.already_told(*kinds, self.hints)  # the RI and SG given
            which = f"{told[0].lower()}{told[1:].rstrip('.')}" if told else "the RI and SG tell which"
            return f"{lead.name} ({lead_p}) is {species_word(lead)}; {which}"
        asked = facts[index[name]]
        called = family_called(asked, turn.text)  # a bare "onyx" of Onyx Black's alias: any onyx
        if of_its_family(lead, asked, called) and not lines:  # "is it agate?" of a blue lace agate, a chalcedony
            family = [i for i, g in enumerate(facts) if g.name == name or of_its_family(g, asked, called)]
            mineral = re.sub(r"\s*\([^)]*\)", "", lead.species).strip()  # "quartz (chalcedony)": quartz
            word = lower_name(asked) if of_its_family(lead, asked) else called  # carnelian is chalcedony, not agate
            return (
                f"{lead.name} is {word}, a form of {mineral}: "
                f"{percent(fused.probabilities[family].sum())} with the other kinds of {word}"
            )
        if may_be(lead, asked) and not lines:  # "schorl?" of a tourmaline, "pyrope?" of a pyrope–almandine garnet
            leads, alone = (percent(fused.probabilities[index[n]]) for n in (lead.name, name))
            if kind_of(asked, lead):
                return f"{name} is one kind of {lead.name}, which leads at {leads}; {name} on its own: {alone}"
            return (
                f"{lead.name} leads at {leads} and is {lead.species}, so it may be {name}; {name} on its own: {alone}"
            )
        line = next((e for e in lines or () if name in e.gems and len(e.gems) > 1), None)
        if line is not None:  # "is it a diamond?" of a line of diamonds no reading tells apart
            others = [g for g in line.gems if g != name]
            others = some_of(others, 3)
            place = lines.index(line) + 1
            place = "the first line" if place == 1 else f"line {place}"
            return (
                f"{name}: {percent(fused.probabilities[index[name]])} on its own, and "
                f"{percent(line.probability)} together with {others}, which no reading given tells apart "
                f"({place} of the table)"
            )
        p, of = fused.probabilities[index[name]], len(fused.probabilities)
        rank = {n: i for i, (n, _) in enumerate(fused.ranking, 1)}  # as listed, ties included
        kinds = self._kinds(name)
        if kinds and fused.probabilities[kinds].max() > p:  # "is this sapphire?" with Topaz first: its kinds count
            together = percent(p + fused.probabilities[kinds].sum())
            best = facts[max(kinds, key=lambda i: fused.probabilities[i])].name
            return f"{name} and its kinds: {together} together (the likeliest, {best}, ranked {rank[best]} of {of})"
        return f"{name}: {percent(p)} (rank {rank[name]} of {of})"

    def _assembled_standing(self, turn: Turn, composites: list[int]) -> str:
        """ "Is it a doublet?": the assembled stones the evidence fits, ranked; after a sign of one (a join line, two
        RIs) that it is its mark, else what the evidence fits best and what shows an assembled stone."""
        fused, facts = turn.fused, self.assistant.evidence.facts
        ranked = sorted(composites, key=lambda i: -fused.probabilities[i])
        fit = [i for i in ranked if fused.probabilities[i] >= FITS_AN_ASSEMBLY]
        listed = join_words([f"{facts[i].name} ({percent(fused.probabilities[i])})" for i in fit], "and")
        listed += f", {percent(fused.probabilities[fit].sum())} together" if len(fit) > 1 else ""
        likeliest = f"{facts[ranked[0]].name}, {percent(fused.probabilities[ranked[0]])}"
        none = f"none of {{}} well (the likeliest, {likeliest})"
        by = "your readings fit" if not turn.answer.used_photo else "the photo and your readings fit"
        by = "the photo fits" if turn.answer.used_photo and not self.hints.measured else by
        if seen := [s for s in ASSEMBLY_SIGNS if s in self.hints.readings.observations]:
            fits = listed if fit else none.format("them")
            sign = ASSEMBLY_SIGNS[seen[0]]
            return f"**{sign} the mark of an assembled stone** (a doublet or triplet); of those, {by} {fits}."
        lead, p = turn.answer.candidates[0]  # the answer's first line: "Quartz (Amethyst, …)", not one of its gems
        fits = f"of the assembled stones, {listed}" if fit else none.format("the assembled stones")
        reply = f"{by} {lead} best ({percent(p)}); {fits}."
        if lead == facts[ranked[0]].name:  # "red ring face down, is it a doublet?" of a garnet-topped doublet
            reply = f"{by} an assembled stone best: {listed}."
        if fused.probabilities[composites].sum() < UNLIKELY:
            return f"**Probably not**: {reply}\n\n{assembly_signs(turn.answer)}"
        return f"{reply[0].upper()}{reply[1:]}\n\n{assembly_signs(turn.answer)}"

    def _kinds(self, name: str) -> list[int]:
        """The indices of the gems that are one kind of gem `name` (Sapphire Blue of Sapphire)."""
        facts = self.assistant.evidence.facts
        gem = facts[self.assistant.evidence.index[name]]
        return [i for i, g in enumerate(facts) if kind_of(g, gem)]

    def _line_doubts(self, turn: Turn, name: str) -> dict[str, str]:
        fused = turn.fused
        if not turn.lines or fused.conflict is not None or fused.clash is not None:  # those say it already
            return {}
        return self.assistant.evidence.line_doubts(self.hints, turn.lines[0].gems, name)

    def _about_the_leaders(self, turn: Turn) -> None:
        """What the question asks besides the name (treatment, origin, value, care), the description of the
        leading gem, its properties beside the gem it is likeliest confused with, and how to tell them apart."""
        text, answer, lines, a = turn.text, turn.answer, turn.lines, self.assistant
        top_k = answer.candidates
        if lines is not None:  # the properties and how to tell apart compare the first line with the next species,
            species = distinct_lines(a.evidence, lines)  # unless that species is a long shot: then the next line
            others = species if len(species) > 1 and species[1].probability >= 0.1 * lines[0].probability else lines
            top_k = [(e.lead, e.probability) for e in others[: a.top_k]]
        prediction = Prediction(top_k[0][0], top_k[0][1], top_k)
        # "is tanzanite usually treated?" with an emerald in hand: the gem the question names
        about = turn.asked_gem if turn.asked_gem is not None and turn.asked_gem.name in a.evidence.index else None
        predicted = a.evidence.facts[a.evidence.index[prediction.label]]
        other = about is not None and about.name != prediction.label and not kind_of(predicted, about)
        other = other and (turn.images or self.image_probs is not None)  # "is this a Kashmir sapphire?": the same
        about = about or predicted
        # "the dealer told me it's untreated sapphire, true?" of a photo of ruby: a claim about the stone in hand
        claimed = bool(other and word_about_a_stone(text))
        other = other and not claimed
        general = other or bool(GENERALLY.search(text))  # "is citrine always heated amethyst?" with one in hand
        told = None if other or not self.hints.places else (self.hints.places, self.hints.countries)
        signs = () if other else self.hints.signs
        in_view = bool(turn.images) or self.image_probs is not None
        turn.aside = aside = side_answer(
            text, about, signs, general=general, told=told, photo=in_view, notes=answer.notes
        )
        named = [] if THE_STONE_MEANT.search(text) else named_as_such(text)[:3]
        if aside and (each := asked_of_each(text, named)):  # "where do ruby and sapphire come from?" by a
            turn.aside = aside = each  # photo: each one's, as without it, not the last one's alone
        unplaced = self.scope is not None and self.scope.flagged and turn.asked_gem is None and not self.hints
        if unplaced:  # "is it rare?" of a photo it could not place: no word on a gem it does not believe in
            turn.aside = aside = " ".join(s for s in sentences(aside) if not gems_named_in(s))
        if detected := detection_answer(text, about):  # "how do I tell if it's heated?": the signs, not its odds
            turn.aside = aside = detected[0]
            answer.notes.append(detected[1])
        elif (
            aside
            and TREATMENT_QUESTION.search(text)
            and not sellers_claims(text)
            and (signs := looked_for(text, about, of_the_stone=not general))
        ):
            turn.aside = aside = f"{aside} {signs[0]}".strip()  # "is it heated?": what a gemmologist looks for
            answer.notes.append(signs[1])
        if not aside and not other and TAKE_IN.search(text):  # "what do I write on the take-in slip?"
            turn.aside = aside = intake_record(self.hints.describe(), predicted, prediction.probability)
        if not aside and care_question(text) and unplaced:  # no gem it believes in: the care that suits every gem
            turn.aside = aside = unknown_stone_care(text)
        elif (
            not aside
            and care_question(text)
            and not other
            and (unsure := self._unsure_care(text, answer))
            and unsure[1] is not None
        ):
            turn.aside = aside = unsure[0]  # "what is it and how do I clean it?" of a photo it is unsure of
            answer.notes += unsure[1]
        elif not aside and care_question(text) and (care := self._care(text, about)):  # "how do I clean it?"
            turn.aside = aside = care[0]
            answer.notes.append(care[1])
        answer.notes = [n for n in answer.notes if n not in self.hints.signs or n not in aside]  # said once
        # a question about another gem is answered about that gem, without its odds for the stone in hand, and so is
        # one about the gem named that does not ask of the stone ("what kind of rock does ruby form in?" of a ruby)
        of_the_gem = turn.asked_gem is not None and not THE_STONE_MEANT.search(text) and not re.search(r"\bor\b", text)
        of_the_gem = of_the_gem and not turn.asked_real  # "is ruby colour natural?": what a photo cannot tell, kept
        answer.reply = aside if (other or of_the_gem) and aside else " ".join(p for p in (aside, answer.reply) if p)
        if aside and not general and GRADE_OF_THE_STONE.search(text):  # "what clarity is it?" of a diamond
            answer.reply += scales_of_the_grades(text, about, answer)
        # a reading argues against the answer the rest of the evidence kept; without a photo, against every gem
        # of the table's first line (a reading against some of them only is what the table's lines weigh)
        leader = lines[0].group or lines[0].name if lines else prediction.label
        doubts = turn.fused.doubts if lines is None else self._line_doubts(turn, leader)
        if doubts:
            answer.unsure = True
            answer.notes.append(doubt_note(leader, doubts, self.hints))
        if lines and len(lines[0].gems) > 1:
            answer.description, note = group_description(lines[0], self.hints), None
        else:
            answer.description, note = describe(prediction.top_k)
        if note:
            answer.notes.append(note)
        self._compare_the_leaders(turn, prediction)
        if self.images:  # the heat map follows the first gem the classifier itself knows
            self._target = next((n for n, _ in turn.fused.ranking if n in a.classifier.classes), prediction.label)
        else:
            self._target = None

    def _compare_the_leaders(self, turn: Turn, prediction: Prediction) -> None:
        """The properties and how to tell apart: "could it be spinel?" compares with the gem asked about, else with
        the runner-up; "ruby or spinel?" the two asked about."""
        answer, asked, a = turn.answer, turn.asked, self.assistant
        # the runner-up, unless it is a long shot ("Pearl 99%, next: Galena <1%" needs no tell-apart)
        pair = [name for name, p in prediction.top_k[:2] if p >= 0.01 or name == prediction.top_k[0][0]]
        also = None  # "could it be spinel or garnet?" of a ruby: the ruby against each
        found = ""  # of a stone found, not bought: the natural gems it looks like
        lead = a.evidence.facts[a.evidence.index[prediction.label]] if prediction.label in a.evidence.index else None
        kinds_asked = lead is not None and all(kind_of(g, lead) for g in asked)  # "jadeite or nephrite?" of jade
        if len(asked) == 2 and prediction.label not in {g.name for g in asked} and (self.image_probs is not None):
            pair, also = ([g.name for g in asked], None) if kinds_asked else ([pair[0], asked[0].name], asked[1].name)
        elif len(asked) == 2:
            pair = [g.name for g in asked]
        elif asked and asked[0].name != pair[0]:
            pair = [pair[0], asked[0].name]
        elif alike := self._found_lookalikes(turn, lead):
            # "I found this in a river" of a ruby, or "I found a green stone, could it be emerald?" of an emerald: no
            # one grew or made a find, so the natural gems it is taken for (spinel, red garnet) are what it may be
            # instead, not the lab-grown runner-up
            pair, also = [pair[0], alike[0].name], alike[1].name if len(alike) > 1 else None
            found = f"Natural gems that look like {lower_name(lead)}: {join_words([lower_name(g) for g in alike])}."
        elif len(pair) == 2 and self.hints.colours and "the colour tells them apart" in tell_apart(*pair):
            pair = pair[:1]  # the colour the person gave already told these varieties apart
        answer.properties = property_rows(pair + [also] if also else pair)
        if len(pair) < 2:
            return
        first, second = pair
        answer.tell_apart = tell_apart(first, second, a.evidence, self.hints)
        if also:
            answer.tell_apart += "\n\n" + tell_apart(first, also, a.evidence, self.hints)
        if found:  # a find: why these, not the runner-up
            answer.tell_apart = f"{found}\n\n{answer.tell_apart}"
        ruled = [r for r in answer.reasons if f"rules out {second} (" in r]
        if ruled:  # advice from the ranges would contradict the readings that already settle it
            answer.tell_apart = f"Your readings already tell them apart: {'; '.join(ruled)}."
        photo_only = answer.used_photo and a.classifier is not None and not self.hints.readings
        photo_only = photo_only and not (self.scope is not None and self.scope.flagged)  # no gem to confuse
        confused = a.classifier.photo_confusion(first, second) if photo_only else None
        if confused:
            answer.notes.append(
                f"photos alone do not separate {first} from {second}: when this model was cross-validated, "
                f"{confused['rate']:.0%} of their {confused['photos']} photos were taken for the other. "
                + ("How to tell them apart is below." if answer.tell_apart else "")
            )

    def _found_lookalikes(self, turn: Turn, lead: GemFacts | None) -> list[GemFacts]:
        """The natural look-alikes of a coloured gem the photo shows of a stone found, not bought ("I found this in a
        river"); [] for a gem first listed colourless, for which the note on clear pebbles speaks (quartz or glass)."""
        found = FOUND_A_STONE.search(turn.text) or FOUND_A_GEM.search(turn.text)
        if not (found and turn.answer.used_photo and lead is not None and lead.origin == "natural"):
            return []
        clear = not lead.colours or main_colour(lead.colours[0]) == "colourless"  # diamond, goshenite; not tourmaline
        alike = [] if clear else natural_lookalikes(lead, self.assistant.evidence.facts)
        # in its sources' order; of a colour said that it comes in ("a pink one"), those seen in it: ruby, not emerald,
        # for tourmaline; a colour it never has ("a green stone" of a ruby) says nothing of its look-alikes
        colours = [c for c in self.hints.colours if listed_in(lead, c)]
        said = [g for g in alike if any(listed_in(g, c) for c in colours)]
        return (said or alike)[:2]

    def _follow_up(self, turn: Turn, explain: bool) -> None:
        """A question about the same stone gets its answer first, once; then the heat map."""
        text, answer, aside = turn.text, turn.answer, turn.aside
        # no gem named: none to discuss
        flagged = self.scope is not None and self.scope.flagged and not self.hints.measured
        if not (turn.images or turn.new or turn.asked or flagged):
            # "and the second one?" with several stones in the chat may mean a stone, not the runner-up
            stone_meant = bool(self.stones) and one_of_two(text) == 1
            focused = "" if stone_meant else follow_up(text, answer, self.assistant.evidence, self.hints)
            # the stone was answered the same before: its description is not repeated under every answer
            said = answer.gem is not None and any(x.gem == answer.gem for x in self.answers[self._stone_began :])
            if focused:
                answer.reply = " ".join(part for part in (aside, focused) if part)
                answer.reasons, answer.tell_apart = [], ""
                answer.notes = [n.replace(" How to tell them apart is below.", "") for n in answer.notes]
            # "is it conflict free?", "can I facet it?": no fact answers it, and the same card again would look like
            # an answer; not "so what is it?", which the card answers, nor "is it real?", which its caution does, nor
            # "how can I tell?", which its tell-apart does; and a message that tells something of the stone (a colour,
            # a sign) is answered by the ranking it changes, as before
            asked = QUESTION_SHAPED.search(text) and not IDENTITY_ASKED.search(text) and turn.new == Hints()
            asked = asked and not turn.asked_real and not home_tests_in(text)
            asked = asked and not (answer.tell_apart and HOW_TO_TELL.search(text))
            asked = asked and not (CARD_TOPIC.search(text) and not HOW_TO_DO.search(text))  # "what is it used for?"
            # "can I facet it? I've heard it's too soft": the card that calls it soft answers it in part
            card = [answer.description, answer.caution, answer.tell_apart, answer.next_test, *answer.reasons]
            asked = asked and not card_speaks_of(text, card)
            unanswered = not focused and said and not aside and bool(NO_FACTS_ON.search(text) or asked)
            if unanswered:
                answer.reply = UNANSWERED.format(name=answer.gem.partition(" (")[0])  # a line's group: "Corundum"
                if terms := terms_named(text):  # "how do I get SG with a kitchen scale?": what the glossary says
                    answer.reply = explained(terms, answer)
                answer.reasons, answer.tell_apart, answer.next_test, answer.caution = [], "", "", ""
                answer.properties = []
                answer.notes = [n.replace(" How to tell them apart is below.", "") for n in answer.notes]
            if said and (focused or aside or unanswered):
                answer.description = ""
        elif (
            turn.new and not answer.next_test and "To confirm" not in answer.caution and NEXT_TEST_QUESTION.search(text)
        ):
            # "RI 1.61-1.62, SG 3.52, what would you test next?": asked with the readings, answered as if asked after
            answer.next_test = follow_up(text, answer, self.assistant.evidence, self.hints)
        if self.images and explain:
            answer.heatmap, answer.overlay, note = self.explain()
            answer.heatmap_note = note or ""

    def explain(self) -> tuple[np.ndarray | None, Image.Image | None, str | None]:
        """(heat map, overlay, note) of the current photo for the latest answer's top gem; cached per gem.

        Grad-CAM costs more than the answer itself (a forward and backward pass of eager PyTorch), so the
        app asks for it after showing the answer (`ask(..., explain=False)`, then this).
        """
        if not self.images or self._target is None or (self.scope is not None and self.scope.flagged):
            return None, None, None  # no map of a gem the answer does not name
        if self._target not in self._heatmaps:
            self._heatmaps[self._target] = self.assistant.explain(self.images[0], self._target)
        return self._heatmaps[self._target]

    def _care(
        self, text: str, answered: GemFacts | None = None, asked: str = "", of: GemFacts | None = None
    ) -> tuple[str, str] | None:
        """The care a question asks about, and its sources note: of `of` (one of two gems asked of), of a treated
        material or gem it names, else ("can I steam it?") of the gem answered for the stone in hand (`answered`,
        when the answer is being made). `asked`: the question, when `text` only names the gem ("what about
        emerald?" after a care question)."""
        gem = of or named_gem(text, fuzzy=False) or answered or self._cared_for(text)
        names = [gem.name, gem.species, gem.group] if gem is not None else []
        asked = asked or text
        if gem is not None and FILLING_SIGN in self.hints.signs:  # a filled stone: the filler is what heat harms
            filled = next((m for key, m in FILLED.items() if key in f"{gem.name} {gem.species}".lower()), "")
            text = f"{text} ({filled})"
        care = care_of(names, text)
        if care is None:
            return None
        self._care_said = (gem.name if gem is not None else care.name, care.text)
        sources = [*care.sources, *(source for work in bench_asked(asked) for source in work.sources)]
        reply = care.answer(asked, gem)
        if CLEANED_WITH.search(asked) and not (care.ultrasonic or care.steam or care.warm_soapy_water):
            reply += f" None of my care sources says how to clean it, so {DELICATE_CARE}"  # galena's notes: its lead
        told = care.symptoms_said(asked, gem)[1]  # "my emerald looks dull": the oiled emerald's pages too
        return reply, "; ".join([f"sources ({care.name}): {'; '.join(sources)}", *told])

    def _cared_for(self, text: str) -> GemFacts | None:
        """The gem answered or spoken of, which a care question is of unless it names a piece of its own ("how do I
        polish my silver ring?" after ruby)."""
        return None if ANOTHER_PIECE.search(text) else self._answered_gem() or self.topic

    def _readings_of(self, fields: Sequence[str]) -> str:
        """The stone's own readings of these knowledge-base fields, as the answer says them ("SG 4.00")."""
        keys = READING_OF_FIELD
        kept = Readings(**{keys[f]: getattr(self.hints.readings, keys[f]) for f in fields if f in keys})
        told = kept.describe() + (
            [self.hints.hardness.describe()] if "hardness" in fields and self.hints.hardness else []
        )
        return "; ".join(told)

    def _told(self) -> str:
        """What the conversation holds of the stone in hand: the photo and every reading and hint kept."""
        held = (["your photo"] if self.image_probs is not None else []) + self.hints.describe()
        if not held:
            return 'You have not told me anything about this stone yet: send a photo, or readings such as "RI 1.54".'
        return "For this stone I have: " + "; ".join(held) + "."

    def _other_gem_asked(self, text: str) -> GemFacts | None:
        """The gem a general question names with another stone answered in hand ("tell me about tanzanite",
        "what colour is peridot?" of a ruby), or None."""
        from gemlang.knowledge import find_gem

        answered = self._answered_gem()
        if answered is None or self._stone_answered() is None or parse_hints(text) or COMPARE_WORDS.search(text):
            return None  # "the difference between ruby and spinel?" is a comparison
        if parse_hints(text, questions=True).countries:
            return None  # "what is 'Kashmir' sapphire?": the gem's localities (`_place_question`)
        asked = ASKED_ABOUT.fullmatch(text)
        if asked and (PROPERTY_QUESTION.search(text) or len(asked.group(1).split()) > 3):
            asked = None  # "what's the hardness of spinel?" is answered with the value asked for
        gem = find_gem(asked.group(1)) if asked else named_gem(text) if COLOUR_QUESTION.search(text) else None
        # "can garnets be white?", "does topaz come in blue?": whether the gem named comes in a colour, not whether
        # the stone in hand is that gem ("could it be blue topaz?")
        if gem is None and not THE_STONE_MEANT.search(text) and (named := named_gem(text)) is not None:
            gem = named if colours_answer(text, named) else None
        # "how do I know if a pearl is real?": how any pearl is tested, not "how do I know if it's real?", nor how a
        # treatment is detected ("how do I test turquoise for dye?")
        testing = HOW_TO_TEST.search(text) and not (IT_OR_THIS.search(text) or TREATED_WORDS.search(text))
        named = gems_named_in(text) if gem is None and testing else []
        gem = named[0] if len(named) == 1 and named[0].origin == "natural" else gem
        # "can ruby have a cat's eye?", "does sapphire show a star?": whether the gem named shows it, in general, the
        # gem answered too; not "does my ruby show a star?"
        named = named_gem(text) if gem is None and YES_NO_QUESTION.search(text) else None
        # "is star diopside magnetic?": the star of a gem's name is no star asked about
        unnamed = named and without_its_names(text, named)
        if unnamed and phenomena_asked(unnamed) and not THE_STONE_MEANT.search(text) and what_it_shows(text, named):
            return named
        return gem if gem is not None and gem.name != answered.name else None

    def _answered_gem(self) -> GemFacts | None:
        """The gem the latest answer put first; a determinative table's first line: its likeliest gem, but with no
        colour given, its group's own gem (Corundum for ruby and the sapphires, which no reading told apart)."""
        evidence = self.assistant.evidence
        for x in reversed(self.answers):
            group = (x.gem or "").partition(" (")[0]
            grouped = bool(x.members) and len(x.members[0]) > 1 and group in evidence.index and not self.hints.colours
            name = group if grouped else (x.members[0][0] if x.members else x.gem)
            if name in evidence.index:
                return evidence.facts[evidence.index[name]]
        return None

    def _may_be_a_clear_pebble(self, answer: Answer) -> bool:
        """Whether a stone found outdoors may be what the note on finds is about, a clear pebble taken for diamond:
        not when the message names only other gems ("I found a ruby in the creek") or a colour ("a red stone"), nor
        when the photo shows an opaque stone, or a gem never colourless and diamond is not asked of."""
        named = [g.name for g in gems_named_in(answer.message)]
        if (named and "Diamond" not in named) or set(parse_hints(answer.message).colours) - {"colourless", "white"}:
            return False
        evidence = self.assistant.evidence  # a class of one's own model may have no entry: no facts, no colours
        if answer.used_photo and answer.gem in evidence.index:
            seen = evidence.facts[evidence.index[answer.gem]]
            clear = bool(named) or seen.name == "Diamond" or listed_in(seen, "colourless")
            return seen.diaphaneity != "opaque" and clear
        return True

    def _done(self, answer: Answer) -> Answer:
        self._compared = self.named_together or self._compared
        # "the diamond tester beeped, so it's real?": what that test shows comes first, whatever else is said
        told = home_tests_in(answer.message)
        if not self._may_be_a_clear_pebble(answer):  # "I found a ruby in the creek": no note on clear pebbles
            told = [t for t in told if t.test not in NOT_A_TEST]
        if told:  # a test's verdict before the answer; the note on finds after it, the question answered first
            tests, finds = [t for t in told if t.test not in NOT_A_TEST], [t for t in told if t.test in NOT_A_TEST]
            answer.reply = "\n\n".join([t.text for t in tests] + [answer.reply] * bool(answer.reply))
            answer.reply = "\n\n".join([answer.reply] * bool(answer.reply) + [t.text for t in finds])
            answer.notes += [f"source ({t.test}): {'; '.join(t.sources)}" for t in told]
        if said := lab_grown_said(answer.message):  # "the listing says lab-created sapphire": its name first
            answer.reply = f"{said}\n\n{answer.reply}".strip()
            answer.notes.append(f"sources: {'; '.join(DISCLOSURE_SOURCES[1:3])}")
        claimed = any(n.endswith(ORIGIN_CLAIM_LEFT_OUT) for n in answer.notes)
        # "ruby? client says it's Burmese": who decides origin, unless the reply says it (a seller's claims answered)
        if claimed and "from its inclusions and trace elements" not in answer.reply:
            answer.reply = f"{answer.reply}\n\n{ORIGIN_DECIDED}".strip()
            answer.notes.append(f"source (origin): {term_called('origin name').source}")
        if answer.used_photo and self.scope is not None:
            answer.out_of_scope = self.scope
            if self.scope.flagged:
                withheld = [x for x in self.answers[self._stone_began :] if x.out_of_scope is not None]
                withhold_gem(answer, self.scope, by_readings=self.hints.measured, again=bool(withheld))
        if phenomena_asked(answer.message):  # "does spinel show a star?": the page its star is quoted from
            answer.notes += [n for n in phenomena_cited(answer.reply) if n not in answer.notes]
        answer.notes = self._pending_notes + answer.notes
        self._pending_notes = []
        if self._answered_first:
            answer.reply = f"{self._answered_first}\n\n{answer.reply}".strip()
            self._answered_first = ""
        self.answers.append(answer)
        return answer
