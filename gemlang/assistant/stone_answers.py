"""Answers about the stone in hand, from its ranking: the description, how sure, what else,
whether it could be an imitation, what argues against it, and what to do with a photo out of scope."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

import numpy as np

from gemlang.assistant.answer import UNSURE_BECAUSE, Answer
from gemlang.assistant.gem_answers import (
    PHOTO_CANNOT_TELL_GLASS,
    colours_answer,
    facts_of,
    follow_up_colours,
    how_to_spot_glass,
    magnified_signs,
    species_word,
    tell_apart,
    told_from_lab_grown,
    usually_treated,
    what_it_shows,
)
from gemlang.assistant.limits import weight_noted
from gemlang.assistant.models import Assistant
from gemlang.assistant.questions import (
    A_STONE_SAID,
    COLOUR_NATURAL,
    COLOUR_QUESTION,
    CONFIDENCE_QUESTION,
    CULTURED_SAID,
    ELSE_QUESTION,
    HISTORY_QUESTION,
    IDENTITY_ASKED,
    IN_A_COLOUR,
    INCLUSION_WORDS,
    INCLUSIONS_ASKED,
    LAB_APART_QUESTION,
    LAB_CONFIRM_QUESTION,
    MORE_QUESTION,
    NAME_ORIGIN_ASKED,
    NATURAL_QUESTION,
    NEXT_TEST_QUESTION,
    ON_THE_SPOT,
    SURE_QUESTION,
    WHY_QUESTION,
    one_of_two,
)
from gemlang.fusion import EvidenceModel
from gemlang.fusion.evidence import (
    MAGNET_RULES_OUT,
    OBSERVED,
    TELLING,
    gem_sold_as,
    tests_left_out,
    tests_made,
)
from gemlang.hints import AGAINST_NOTES, Hints
from gemlang.knowledge import GemFacts
from gemlang.knowledge.colours import gem_colours
from gemlang.knowledge.instruments import profile
from gemlang.knowledge.tell_apart import confirming_test, in_sentence, instrument_test, kind_of, lookalikes
from gemlang.language.describe import describe_prediction, percent
from gemlang.language.gem_prose import lower_first, reference_description
from gemlang.language.gem_text import join_words
from gemlang.model import SEPARATION_RATE
from gemlang.readings import MAGNET_RESULTS, REFRACTOMETER_LIMIT, STREAK_COLOURS, TESTER_RESULTS
from gemlang.scope import NOT_A_GEM_PHOTO, ScopeVerdict
from gemlang.wording import some_of

HELP = (
    'Send me a photo of the stone and ask "what gem is this?". You can also tell me what you know: '
    '"hardness about 7", "it scratches glass", "found in Sri Lanka", or instrument readings such as '
    '"RI 1.762-1.770, SG 4.00", "singly refractive", "strong pleochroism", "red under UV", and its colour ("a blue '
    'stone").'
)
# a stone found, not bought, with nothing yet to go on: a photo, what a collector notes of a find (the glossary's
# "starting a collection" and "streak"), and what "real" can ask of a stone never sold ("natural")
FIND_HELP = (
    '**A stone you found?** Send me a photo of it and ask "what gem is this?". Meanwhile, note what a collector notes '
    "of a find: where you found it, which goes on its label; its streak, the colour of the line it leaves on an "
    "unglazed porcelain tile; and its hardness against things of known hardness (a copper coin, a steel knife or "
    'file, window glass, a piece of quartz): tell me "it scratches glass" and I use it. A find was never sold as a '
    'gem, so "real" can only ask whether it is natural: formed by natural processes, without human help.'
)
FIND_TERMS = ("starting a collection", "streak", "natural")
READINGS_HELP = (
    "From a photo alone this cannot be settled (glass and lab-grown stones look the same as well). Readings "
    'would help: tell me a refractive index ("RI 1.54"), a specific gravity ("SG 2.65") or a hardness '
    '("hardness about 7").'
)
RETAKE_HELP = "Send a close, sharp photo of the stone on a plain background, or tell me readings you have"


# Said when a person tells that a photo holds several stones: the classifier looks at the whole picture
SEVERAL_IN_ONE_PHOTO = (
    "**Several stones in one photo:** I judge a photo as a whole, not stone by stone, so what I say of it is for "
    "the stone that dominates the picture, and where the stones differ it may be a mix of them. For an answer for "
    "each, send one photo per stone: the stone alone, filling most of the frame, on a plain white or grey "
    "background, in daylight or under a daylight lamp, and in sharp focus."
)

# Said when photos sent together are said to be of different stones ("which of these two is the better buy?")
SEVERAL_STONES_ONE_MESSAGE = (
    "**Several stones in one message:** I take the photos sent together as views of one stone and answer them "
    "together, so what I say below may mix the stones. To compare them, send each stone's photos in a message of "
    "its own, then ask about each."
)


def describe(top_k: list[tuple[str, float]]) -> tuple[str, str | None]:
    """(description, note): the language module's text, or the knowledge base's entry if that fails."""
    try:
        return describe_prediction(top_k).text, None
    except Exception as e:  # noqa: BLE001 - e.g. a class the knowledge base does not know
        note = f"the description module failed ({e}); showing the reference entry."
    facts = facts_of(top_k[0][0])
    return (reference_description(facts) if facts else ""), note


def distinct_lines(evidence: EvidenceModel, lines: list) -> list:
    """The first table line of each twin group: a line of other colours of the same species is left out."""
    groups, out = evidence.twin_group_ids, []
    for line in lines:
        if all(groups[evidence.index[line.lead]] != groups[evidence.index[e.lead]] for e in out):
            out.append(line)
    return out


def twins_note(line, hints: Hints) -> str:
    """What a table line of several gems means for the person: which varieties, and what would split them."""
    from gemlang.knowledge.colours import gem_colours

    varieties = [g for g in line.gems if g != line.group]
    gems = some_of(varieties, 8)
    covers = line.name if " or " in line.group else f"{line.group} covers {gems}"  # a group without a name of its own
    note = f"{covers}: they share every constant these readings measure, so "
    if hints.colours:
        return note + f"the colour you gave ({' and '.join(hints.colours)}) puts {line.lead} first."
    shown = [next(iter(gem_colours(f)), "") for f in (facts_of(g) for g in varieties) if f is not None]
    examples = " or ".join(f'"{c}"' for c in list(dict.fromkeys(c for c in shown if c))[:2])
    return note + f"only the colour (tell me, e.g. {examples}) or a photo tells them apart."


def group_description(line, hints: Hints) -> str:
    """The description of a table line of several gems: the varieties it covers with their colours, then the
    reference entry of the species (of the leading variety when a stated colour put one first)."""
    from gemlang.knowledge.colours import gem_colours

    facts = [f for f in (facts_of(n) for n in line.gems) if f is not None]
    varieties = some_of(
        [f"{f.name} ({', '.join(list(gem_colours(f))[:3]) or 'colour not listed'})" for f in facts], 8, "; "
    )
    text = (
        f"**{line.group}**, {percent(line.probability)} together — {varieties}. They share the refractive index, "
        "specific gravity and optic character, so the readings cannot choose among them: the colour (or a photo) "
        "does, and only magnification or a laboratory tells a lab-grown one from the natural."
    )
    entry = facts_of(line.lead if hints.colours else (line.group if line.group in line.gems else line.lead))
    return text + ("\n\n" + reference_description(entry) if entry else "")


def follow_up(text: str, answer: Answer, evidence: EvidenceModel, hints: Hints | None = None) -> str:
    """The answer to a question about the stone already discussed ("what test next?", "how sure are you?",
    "is it natural?"), in a line or two; '' when the message asks none of these."""
    asks = (NEXT_TEST_QUESTION, ELSE_QUESTION, WHY_QUESTION, HISTORY_QUESTION, MORE_QUESTION)
    if answer.candidates and (weight := weight_noted(text, answer.candidates[0][0].partition(" (")[0])):
        return weight  # "it's about 2 carats": noted, the answer kept
    if not answer.candidates or "?" not in text and not any(q.search(text) for q in asks):
        return ""
    name, p = answer.candidates[0]
    lead = name if name in evidence.index else (answer.members[0][0] if answer.members else "")  # a group: its lead
    gem = evidence.facts[evidence.index[lead]] if lead in evidence.index else None
    # What confirms a photo's answer: the instrument readings not yet taken (a photo, a scratch test or a place
    # is no measurement of the stone's constants).
    taken = tests_made(hints) if hints is not None else set()
    measure = confirming_readings(gem, skip=taken) if gem is not None else ""
    # the runners-up, but for the lead's own species (zoisite is what tanzanite is, not an alternative); a kind of
    # the lead is one (morganite after beryl: the colour decides)
    others = {n: evidence.facts[evidence.index[n]] for n, _ in answer.candidates[1:4] if n in evidence.index}
    rest = [
        (n, q)
        for n, q in answer.candidates[1:4]
        if q >= 0.005 and not (gem and n in others and kind_of(gem, others[n]))
    ]
    if INCLUSIONS_ASKED.search(text):  # "is it eye clean?": not the cat's eye `what_it_shows` names
        return inclusions_unseen(gem.name if gem is not None else name, gem, answer)
    if gem is not None and (seen := what_it_shows(text, gem)):  # "what are the gold specks?"
        return seen
    if gem is not None and LAB_APART_QUESTION.search(text):  # "how would a lab tell them apart?"
        return lab_tells_apart(gem, answer, evidence, hints)
    if gem is not None and MORE_QUESTION.search(text) and answer.description:  # "tell me more"
        return answer.description
    if gem is not None and ON_THE_SPOT.search(text):  # "how can I check it here at the stall?"
        return checks_on_the_spot(gem, answer, measure)
    if NEXT_TEST_QUESTION.search(text):
        # "how would a lab confirm it?": what confirms the caution, not the next split of the ranking (unless the
        # caution's test is the bare laboratory: then the bench test is more of an answer)
        bare = "To confirm: a gem laboratory." in answer.caution
        lab = bool(answer.caution) and not bare and LAB_CONFIRM_QUESTION.search(text)
        if answer.next_test and not lab:
            next_test, answer.next_test = answer.next_test, ""  # said as the reply, not twice
            return f"Next: {next_test}"
        confirm = re.search(r"To confirm: (.+)", answer.caution)
        if confirm and answer.caution.startswith("likely"):  # of the leader; "possibly" names a runner-up
            return f"To confirm {name}: {confirm.group(1)}"
        if answer.caution:  # "likely lab-grown: curved striae are its signs … a gem laboratory can confirm it"
            return natural_or_not(gem, answer, evidence, hints)
        if measure:
            photo = "A photo is no measurement: to" if answer.used_photo else "To"
            # and what the runner-up would read, when one is left ("how can I be sure?" of an emerald: not flux-grown)
            against = f" {answer.tell_apart}" if rest and rest[0][1] >= 0.01 and answer.tell_apart else ""
            return f"{photo} confirm {name}, take {measure}.{against}"
        if rest and rest[0][1] >= 0.01 and answer.tell_apart:  # the readings fit; a look-alike is left
            left = f"{rest[0][0]} ({percent(rest[0][1])})"
            return f"Your readings fit {name}. What is left is {left}. {answer.tell_apart}"
        return f"No further test is needed to name it {name}."
    if CONFIDENCE_QUESTION.search(text):
        why = next((n[len(UNSURE_BECAUSE) :].strip() for n in answer.notes if n.startswith(UNSURE_BECAUSE)), "")
        if answer.unsure:
            return f"Not very: {name} at {percent(p)}" + (f", and {why}" if why else ".")
        if SURE_QUESTION.search(text) and answer.caution:  # "are you 100% sure?": what it could still be, and the test
            caution, answer.caution = answer.caution, ""  # said as the reply, not twice
            return f"No, not for certain: {name} leads at {percent(p)}, but {caution[0].lower()}{caution[1:]}"
        if measure:
            basis = "the photo alone, which rules"
            if answer.hints_used:  # with no photo, the readings alone
                basis = "what you told me, which rules"
                if answer.used_photo:
                    basis = "the photo and what you told me, which rule"
            return f"{name} at {percent(p)} from {basis} out no look-alike; {measure} would."
        return f"{name} at {percent(p)}: the evidence so far agrees on it."
    cultured = next((f for f in gem.diagnostic_features if "cultured" in f.lower()), None) if gem else None
    if cultured and (CULTURED_SAID.search(text) or NATURAL_QUESTION.search(text)):  # a pearl: not glass
        answer.caution = ""
        imitation = next((f for f in gem.diagnostic_features if "imitation" in f.lower()), None)
        told = f" Against an imitation: {in_sentence(imitation)}." if imitation else ""
        seen = [sign for sign in (hints.signs if hints else ()) if "cultured pearl" in sign]  # a bead at the hole
        seen_said = f" What you saw points to cultured: {seen[0]}" if seen else ""
        return f"Natural or cultured is a gem laboratory's call: {in_sentence(cultured)}.{told}{seen_said}"
    if NATURAL_QUESTION.search(text) and not COLOUR_NATURAL.search(text):  # not "is the blue natural?"
        if gem is not None and gem.origin != "natural" and not answer.caution:
            if answer.unsure:  # "I'm not sure" below: not a flat no
                return f"Probably not: the evidence leans to {name} ({percent(p)}), which is not a natural gem."
            return f"No: the evidence points to {name}, which is not a natural gem."
        return natural_or_not(gem, answer, evidence, hints) + usually_treated(gem)
    if one_of_two(text) == 1:  # after the alternatives: which is second, and how to tell it apart
        if not rest:  # the headline's "next: Amethyst (<1%)": a long shot, no candidate to test for
            kin = {n for n, g in others.items() if gem is not None and kind_of(gem, g)}
            far = next((n for n, _ in answer.candidates[1:] if n not in kin), "")
            close = f"nothing else comes close to {name} ({percent(p)})"
            return f"{far} comes second, but far behind: {close}." if far else f"{close[0].upper()}{close[1:]}."
        second, q = rest[0]
        return f"Second comes {second} ({percent(q)}). {tell_apart(lead, second, evidence, hints)}".strip()
    if ELSE_QUESTION.search(text):
        if not rest:
            shaky = ", though your readings do not fit it well: re-take them" if answer.unsure else ""
            return f"Nothing else comes close to {name} ({percent(p)}){shaky}."
        return f"After {name} ({percent(p)}): " + ", ".join(f"{n} ({percent(q)})" for n, q in rest) + "."
    if WHY_QUESTION.search(text):
        if answer.reasons:
            return "Because " + "; ".join(answer.reasons[:3]) + "."
        basis = ("the photo and " if answer.used_photo else "") + ("what you told me" if answer.hints_used else "")
        basis = basis.removesuffix(" and ") or "the photo"
        after = f"next comes {rest[0][0]} ({percent(rest[0][1])})" if rest else "nothing else comes close"
        return f"{name} fits {basis} best ({percent(p)}); {after}."
    if COLOUR_QUESTION.search(text) and gem is not None and gem.colours:  # "what colour is it usually?"
        told = f"You told me it is {' and '.join(hints.colours)}. " if hints is not None and hints.colours else ""
        return told + follow_up_colours(gem)
    if gem is not None and IN_A_COLOUR.search(text) and (said := colours_answer(text, gem)):  # "is it red?"
        return said + (f" {COLOUR_NOT_READ.format(name=gem.name)}" if answer.used_photo else "")
    if HISTORY_QUESTION.search(text) and gem is not None and (gem.history or gem.name_origin):
        named = NAME_ORIGIN_ASKED.search(text)  # "where does the name come from?": the name only
        return (gem.name_origin if named else gem.history) or gem.history or gem.name_origin
    return ""


# "is it red?" of a photo's stone: answered from the colours of the gem it matches, as the photo's own colour, which
# the light changes, is not named
COLOUR_NOT_READ = (
    "That is what my facts list for {name}, the gem the photo matches: I do not name the colour a photo shows, which "
    "changes with the light, so judge the stone's own colour in daylight."
)


def inclusions_unseen(name: str, gem: GemFacts | None, answer: Answer) -> str:
    """ "Can you see any inclusions?": none judged from a photo (nor from readings), the loupe that shows them, and
    what the gem's facts name as typical of it; the glossary's sources go to the notes."""
    from gemlang.knowledge.glossary import term_called

    seen = (
        "I do not judge inclusions from a photo: my answer rests on the photo's look as a whole, and I do not pick "
        "out what is inside the stone"
        if answer.used_photo
        else "I have not seen the stone"
    )
    typical = [f for f in (gem.diagnostic_features if gem is not None else ()) if INCLUSION_WORDS.search(f)]
    told = f" Typical of {name}: {'; '.join(in_sentence(f) for f in typical)}." if typical else ""
    told = told or f" My facts on {name} name no typical inclusion."
    loupe, inclusion = term_called("loupe"), term_called("inclusion")
    answer.notes += [f"source ({t.term}): {t.source}" for t in (loupe, inclusion) if t is not None]
    return (
        f"{seen}, so whether this one has inclusions I cannot say. Look at it under a 10x loupe, the gemmologist's "
        f"standard magnifier.{told} A stone with no inclusions at all is itself a warning that it may be synthetic."
    )


DICHROSCOPE_SOURCE = (
    "Gemstone Buzz, Dichroscope: to show pleochroism the stone must be transparent to semi-transparent and a single "
    "crystal, with white light passing through it <https://www.gemstonebuzz.com/education/dichroscope/>"
)


def checks_on_the_spot(gem: GemFacts, answer: Answer, measure: str) -> str:
    """What can be checked of `gem` with no instrument but a loupe (its pleochroism by eye or dichroscope, the
    inclusions its facts name), then what only instruments or a laboratory settle."""
    name, levels = gem.name, profile(gem).pleochroism
    pleochroism = in_sentence(gem.pleochroism).lower()
    if "chroi" not in pleochroism:  # "strong (purplish-red/orange-red)": strong pleochroism (purplish-red/...)
        pleochroism = re.sub(r"^([a-z ]*[a-z])(\s*\(|:|$)", r"\1 pleochroism\2", pleochroism, count=1)
    said, opaque = [], gem.diaphaneity == "opaque"  # no light through it: no dichroscope, only its face to look at
    if opaque:
        answer.notes.append(f"source (dichroscope): {DICHROSCOPE_SOURCE}")
    elif "strong" in levels:
        said.append(
            f"turn it in good light and look from several directions: {name} shows {pleochroism}, colours that "
            "change with the direction plainly enough for the eye; a dichroscope, if one is at hand, shows "
            "them side by side"
        )
    elif set(levels) & {"weak", "moderate"}:
        said.append(f"a dichroscope, if one is at hand, shows {name}'s {pleochroism}")
    elif levels == ("none",):
        said.append(f"{name} is not pleochroic: through a dichroscope it shows one colour in every direction")
    parts = (part.strip() for f in gem.diagnostic_features for part in f.split(";"))  # "Biaxial; often ... needles"
    inclusions = [in_sentence(part) for part in parts if INCLUSION_WORDS.search(part)]
    if inclusions:
        said.append(f"with a 10x loupe, look for {'; '.join(inclusions)}")
    elif opaque and gem.diagnostic_features:
        said.append(
            f"with a 10x loupe, look at its surface for what marks {name}: {in_sentence(gem.diagnostic_features[0])}"
        )
    there = (
        f"On the spot: {'. Then '.join(said)}."
        if said
        else f"My facts name no check of {name} that needs no instrument."
    )
    if opaque:
        there += f" A dichroscope shows nothing here: light must pass through a stone for it, and {name} is opaque."
    lab = " and whether it is natural, a gem laboratory" if answer.caution else ""
    needs = f" Confirming it takes instruments: {measure}{lab}." if measure else ""
    return there + needs


def confirming_readings(gem: GemFacts, skip: set[str] | frozenset[str] = frozenset()) -> str:
    """The readings that would confirm `gem` ("the refractive index (1.762–1.770) and the specific gravity
    (3.97–4.05)"), but those in `skip` (test keys: "ri", "sg"); '' when none is left or known."""
    beyond = gem.refractive_index is not None and gem.refractive_index[0] > REFRACTOMETER_LIMIT
    parts = [
        f"the {label} ({gem.format(field)})"
        if not (key == "ri" and beyond)
        else f"a refractometer reading (over its limit: {gem.format(field)})"
        for key, label, field in (
            ("ri", "refractive index", "refractive_index"),
            ("sg", "specific gravity", "specific_gravity"),
        )
        if getattr(gem, field) and key not in skip
    ]
    return " and ".join(parts)


def settled_by_readings(photo: np.ndarray | None, answer: str, a: Assistant) -> str:
    """When readings overrule the photo and the two gems are a pair this photo model confuses (its cross-validation
    took one for the other at least half as often as `SEPARATION_RATE`), or the readings' gem is an imitation of
    the photo's (glass for emerald), a sentence saying the readings settle what a photo cannot; else ''. Then the
    readings answer, and the answer is not "I'm not sure"."""
    if photo is None or a.classifier is None:
        return ""
    shown = a.evidence.classes[int(np.argmax(photo))]
    facts, index = a.evidence.facts, a.evidence.index
    if answer in index and facts[index[answer]] in lookalikes(facts[index[shown]], facts):  # glass for emerald
        return f"the photo looks like {shown}, which {answer} imitates; your readings tell them apart."
    pair = a.classifier.photo_confusion(shown, answer, at_least=SEPARATION_RATE / 2)
    if pair is None:
        return ""
    return (
        f"the photo looks most like {shown}, but photos alone do not separate {shown} from {answer} "
        f"({pair['rate']:.0%} of their photos were taken for the other when this model was cross-validated); "
        "your readings settle it."
    )


def leading_share(candidates: list[tuple[str, float]], evidence: EvidenceModel) -> float:
    """The leader's probability, with that of runners-up that are one kind of it or it of them (Tourmaline and
    Elbaite): two names for one answer do not make the answer unsure."""
    gem = {name: evidence.facts[evidence.index[name]] for name, _ in candidates if name in evidence.index}
    lead, share = candidates[0]
    if lead not in gem:
        return share
    return share + sum(
        p for name, p in candidates[1:]
        if name in gem and (kind_of(gem[name], gem[lead]) or kind_of(gem[lead], gem[name]))
    )  # fmt: skip


def _kind(gem) -> str:
    if "glass" in f"{gem.name} {gem.species}".lower():
        return "glass"
    return {"synthetic": "lab-grown", "composite": "an assembled stone"}.get(gem.origin, "a simulant")


# A lab-grown twin with at least this share of the natural gem's is said to fit the readings "as well as" it.
AS_WELL = 0.5


def _its_signs(signs: Sequence[str]) -> str:
    """ "curved striae are its signs", "gas bubbles and silk are its signs"; "curved banding is its sign"."""
    plural = len(signs) > 1 or re.search(r"(?:s|ae)$", signs[0])
    return f"{' and '.join(signs)} {'are its signs' if plural else 'is its sign'}"


def _fits_beside(
    suspect: GemFacts, rival: GemFacts, ranking: list[tuple[str, float]], hints: Hints, evidence: EvidenceModel,
    photo: bool,
) -> str:  # fmt: skip
    """How the readings fit `suspect` beside the natural `rival` (" better than Spinel", " as well as Alexandrite"),
    judged by the readings alone; where they do not split the two, what did: the photo and how often each is met
    (a synthetic alexandrite's 3% against 97% is no reading's doing)."""
    share = dict(ranking)
    ours, theirs = share.get(suspect.name, 0.0), share.get(rival.name, 0.0)
    said = {k: f for k, f in evidence.likelihoods(hints).items() if k not in ("colour", "place")}
    favour = evidence.log_likelihood(hints, said)
    lean = favour[evidence.index[suspect.name]] - favour[evidence.index[rival.name]]
    leads = ranking[0][0] == suspect.name
    basis = "the photo and how often each is met" if photo else "how often each is met"
    shares = f"{percent(ours)} against {percent(theirs)}"
    lean_to = suspect.name if ours > theirs else rival.name
    split = f"; {basis} put {lean_to} first ({percent(max(ours, theirs))} against {percent(min(ours, theirs))})"
    if leads and lean > 0:
        return f" better than {rival.name}"
    if lean <= -math.log(TELLING) and not leads:
        # asked "natural?", a twin far behind is still named: with how far, not as an equal
        return f" less well than {rival.name} ({shares}), but not so badly as to rule it out"
    if lean <= -math.log(TELLING):
        return f" less well than {rival.name}, though {basis} put it first ({shares})"
    if not leads and ours >= AS_WELL * theirs:
        return f" as well as {rival.name}"
    return f" as well as {rival.name}{split}"


def _twins_alike(suspects: Sequence[GemFacts], natural: GemFacts) -> list[GemFacts]:
    """The lab-grown stones of `natural`'s species among `suspects` that no instrument separates from it
    (flame-fusion and flux-grown sapphire beside corundum): only what magnification shows does."""
    return [
        g
        for g in suspects
        if g.origin == "synthetic"
        and g.species == natural.species
        and not instrument_test(g, natural)
        and _colours_meet(g, natural)
    ]


def _colours_meet(a: GemFacts, b: GemFacts) -> bool:
    """Whether two gems share a colour, or either lists none: a green flux-grown emerald is no twin of colourless
    goshenite, nor a red hydrothermal ruby of blue sapphire."""
    ours, theirs = gem_colours(a), gem_colours(b)
    return not ours or not theirs or sum(min(w, theirs.get(c, 0.0)) for c, w in ours.items()) >= 0.1


def _readings_cannot_tell(natural: GemFacts, grown: Sequence[GemFacts], ranked_by: str = "") -> str:
    """ "natural or synthetic?" of readings a lab-grown twin shares: the readings cannot say, magnification can,
    one sign per way of growing it (curved striae, flux remnants)."""
    signs: dict[str, str] = {}  # one per way of growing it: "curved striae" once for flame-fusion ruby and sapphire
    for sign in magnified_signs(grown):
        signs.setdefault(sign.split(": ", 1)[1], sign)
    names = join_words([g.name for g in grown[:3]] + ([f"{len(grown) - 3} more"] if len(grown) > 3 else []))
    verb = "share" if len(grown) > 1 else "shares"
    return (
        f"your readings cannot tell natural {natural.name} from lab-grown {species_word(natural)}: {names} {verb} "
        f"its constants{ranked_by}. Magnification can ({'; '.join(list(signs.values())[:4])}); where it shows "
        "nothing conclusive, a gem laboratory decides."
    )


def caution(
    ranking: list[tuple[str, float]], hints: Hints, evidence: EvidenceModel, asked: bool = False,
    named: Sequence[str] = (), shown: str | None = None,
) -> str:  # fmt: skip
    """ "Possibly glass / a simulant" with the confirming test, or why a photo alone cannot settle it; the
    imitations a question `named` ("or is it moissanite?") come first. `shown`: the class the photo looks like,
    the gem an imitation of many (glass) stands in for."""
    facts = {g.name: g for g in evidence.facts}
    top_p = ranking[0][1]
    # "natural?" looks further down: a lab-grown twin the readings fit as well, whatever share the photo left it
    leaders = [facts[n] for n, p in ranking[:10] if p >= (0.005 if asked else 0.05) * top_p]
    naturals = [g for g in leaders if g.origin == "natural"]  # obsidian and moldavite too: natural glass is a gem
    if hints.readings or hints.hardness:
        # a stone met rarely (a lab-grown Paraíba) is named as a caution only when asked about, or when it leads
        suspects = [
            g
            for g in leaders
            if g.origin != "natural" and (g.met not in ("rarely", "hardly") or asked or g is leaders[0])
        ]
        # and not one an instrument reading argues against (DR 0.038 against glass, whatever share the photo left it)
        doubted = evidence.argued_against([g.name for g in suspects], hints) if suspects else set()
        suspects = [g for g in suspects if g.name not in doubted]
        if not suspects or (suspects[0] not in leaders[:3] and not asked):  # "is it synthetic?" looks further
            return ""
        # glass, natural or man-made, is one material the readings cannot split: its share is that of every glass
        # among the leaders (obsidian's, moldavite's and man-made glass's), which may outweigh a likelier simulant
        share = dict(ranking)
        glasses = [g for g in leaders if _kind(g) == "glass"]
        glass_share = sum(share[g.name] for g in glasses)
        made_glass = [g for g in suspects if _kind(g) == "glass"]
        suspect = made_glass[0] if made_glass and glass_share > share[suspects[0].name] else suspects[0]
        sold_as = facts.get(gem_sold_as(suspect).name)  # the gem the knowledge base says it imitates
        if sold_as is not None and sold_as.origin == "natural":
            imitated = [sold_as]
        elif shown is not None:
            # Glass imitates every gem: the one it stands in for is what the photo shows, else the likeliest.
            likelihood = dict(ranking)
            imitated = [g for g in evidence.facts if g.origin == "natural" and suspect in lookalikes(g, evidence.facts)]
            imitated.sort(key=lambda g: (g.name != shown, -likelihood.get(g.name, 0.0)))
        else:  # no photo: nothing says which of the many gems it imitates this one stands in for
            imitated = []
        rival = next(iter(naturals + imitated), None)
        fits = ""
        if rival is not None:  # a natural leader the readings fit as well, or else the gem it imitates
            if rival not in naturals:
                fits = f", not {rival.name}, which it imitates"
            else:  # the suspect may lead: then the readings fit it better than the natural gem
                fits = _fits_beside(suspect, rival, ranking, hints, evidence, photo=shown is not None)
        seen = [OBSERVED[o][0] for o in hints.readings.observations]
        # as read: glass of RI 1.55 is light flint glass, SG 2.85–3.40, as the next test says, not all glass's range
        read_rival = evidence.as_read(rival, hints) if rival is not None else None
        confirm = confirming_test(evidence.as_read(suspect, hints), read_rival, made=tests_left_out(hints), seen=seen)
        # as the ranking above it says: "likely" of a stone the readings put first, by more than half
        likely = "likely" if ranking[0][0] == suspect.name and ranking[0][1] > 0.5 else "possibly"
        if _kind(suspect) == "glass":  # likely glass, natural or man-made, when every glass together is over half
            likely = "likely" if glass_share > 0.5 else "possibly"
            if rival in glasses:  # a natural glass: glass either way, made or not
                natural = join_words([g.name for g in glasses if g.origin == "natural"])
                return (
                    f"{likely} glass, natural ({natural}) or man-made ({join_words([g.name for g in made_glass])}): "
                    f"your readings fit both. To tell man-made glass from {rival.name}: {confirm}."
                )
            names = ", ".join(g.name for g in made_glass)
            return f"{likely} glass ({names}): your readings fit it{fits}. To confirm: {confirm}."
        # signs seen that the suspect's facts name and the gem it passes for does not ("curved striae" and "gas
        # bubbles" in a ruby: flame fusion): no longer a mere possibility
        own = profile(suspect).features
        # (a tester's verdict is a test's result, which the confirming test below accounts for, not a sign)
        seen_signs = [o for o in hints.readings.observations if o not in TESTER_RESULTS]
        told = [o for o in seen_signs if re.search(OBSERVED[o][0], own)]
        # (a bubble may be one of a natural emerald's three-phase inclusions: then not its sign alone)
        theirs = lambda o: EvidenceModel.observation_fit(o, profile(rival)) > OBSERVED[o][1]  # noqa: E731
        if told and rival is not None and not any(theirs(o) for o in told):
            likely = "likely" if ranking[0][0] == suspect.name else "possibly"  # its own signs: when it leads
            return (
                f"{likely} {suspect.name} ({_kind(suspect)}): {_its_signs(told)}, not "
                f"{rival.name}'s. "
                "A gem laboratory can confirm it."
            )
        # "natural or synthetic?" of readings a twin fits as well: every lab-grown twin they leave, beyond the ten
        # leaders too, and what then put the natural gem first
        if asked and rival in naturals and fits.startswith(alike := f" as well as {rival.name}"):
            kept = [facts[n] for n, p in ranking if p >= 0.005 * top_p and facts[n].origin == "synthetic"]
            doubted = evidence.argued_against([g.name for g in kept], hints)
            if shared := _twins_alike([g for g in kept if g.name not in doubted], rival):
                return _readings_cannot_tell(rival, shared, fits.removeprefix(alike))
        return f"{likely} {suspect.name} ({_kind(suspect)}): your readings fit it{fits}. To confirm: {confirm}."
    top = facts[ranking[0][0]]
    look = lookalikes(top, evidence.facts) if asked else []
    if not look:
        return ""
    look = sorted(look, key=lambda g: g.name not in named)  # stable: the rest keep their order
    # a lab-grown stone of another species (colour-change synthetic sapphire for alexandrite) is an imitation
    # here, one per species: "lab-grown chrysoberyl or Synthetic Sapphire (Verneuil)"
    twin = lambda g: g.origin == "synthetic" and g.species == top.species  # noqa: E731
    generic = lambda g: g.origin == "synthetic" and g.name.startswith("Synthetic ")  # noqa: E731 - the commonest
    imitations = sorted((g for g in look if not twin(g)), key=lambda g: (g.name not in named, not generic(g)))
    imitations = [g for i, g in enumerate(imitations) if g.origin != "synthetic"
                  or all(h.species != g.species for h in imitations[:i] if h.origin == "synthetic")]  # fmt: skip
    grown = [g for g in look if twin(g)]
    said = [f"lab-grown {species_word(top)}"] if grown else []
    imitations = imitations[:3]  # the ones named, and the only ones a test below may expose
    said += [g.name for g in imitations]
    alone = "from a photo alone" if shown is not None else "without readings"  # a colour or a place only: no photo
    text = f"{alone} I cannot tell natural {top.name} from " + " or ".join(said) + "."
    # An instrument exposes the first imitation and the first lab-grown stone whose constants differ (a flux
    # emerald reads lower than a natural one); the rest take magnification or a laboratory.
    grown = [g for g in grown if gem_sold_as(g).name == top.name] or grown  # lab-grown rubies for a ruby
    tests = {g.name: instrument_test(g, top) for g in imitations + grown}
    for found in (
        next((g for g in imitations if tests[g.name]), None),
        next((g for g in grown if tests[g.name]), None),
    ):
        if found is not None:
            how, values = tests[found.name]
            text += f" {how[0].upper()}{how[1:]} would expose {found.name} ({values})."
    if alike := [g for g in grown if not tests[g.name]]:
        some = "Other lab-grown stones" if len(alike) < len(grown) else "Lab-grown stones"
        signs = f" ({'; '.join(signs)})" if (signs := magnified_signs(alike[:4])) else ""
        text += f" {some} share the natural constants: magnification{signs} or a laboratory decides."
    if cultured := next((f for f in top.diagnostic_features if "cultured" in f.lower()), None):
        # a pearl: "natural" asks first whether it was cultured, which no photo shows either
        text += f" Nor can it tell a natural {top.name} from a cultured one, as most sold are: {in_sentence(cultured)}."
    return text[0].upper() + text[1:]


UNANSWERED = (
    "My facts on {name} do not answer that. About this stone I can say how sure I am, what else it could be and "
    "which test would settle it, whether it could be treated or lab-grown, how to care for it, where it comes "
    "from, or tell you more about it."
)


def lab_tells_apart(gem: GemFacts, answer: Answer, evidence: EvidenceModel, hints: Hints | None) -> str:
    """What a laboratory looks at to separate the gems an answer leaves ("how would a lab tell them apart?"): the
    colour for kinds of one species, magnification and its screening for the lab-grown ones; else the tests that
    separate the runner-up."""
    from gemlang.knowledge.glossary import screening_of

    kinds = answer.members[0] if answer.members else ()
    natural = [  # "Corundum" is no variety of corundum
        n for n in kinds if (f := facts_of(n)) is not None and f.origin == "natural" and n.lower() != species_word(gem)
    ]
    parts = []
    if len(natural) > 1:
        parts.append(
            f"{some_of(natural, 4)} are all {species_word(gem)}, with the same constants: a laboratory names the "
            "variety by its colour."
        )
    if told := told_from_lab_grown(gem):
        parts.append(f"{told[0].upper()}{told[1:]}")
        if (screening := screening_of(species_word(gem))) and screening.text not in answer.caution:
            parts.append(screening.text)
            answer.notes.append(f"source ({screening.term}): {screening.source}")
    if not parts:
        return answer.tell_apart or natural_or_not(gem, answer, evidence, hints)
    return "**How a laboratory tells them apart:** " + " ".join(parts)


def natural_or_not(gem: GemFacts | None, answer: Answer, evidence: EvidenceModel, hints: Hints | None) -> str:
    """Whether the stone answered could be lab-grown or an imitation, and what would tell."""
    if answer.caution:
        caution, answer.caution = answer.caution, ""  # said as the reply, not twice
        return caution[0].upper() + caution[1:]
    grown = f"a lab-grown {species_word(gem)}" if gem is not None else "a lab-grown stone"
    twins = [g for g in lookalikes(gem, evidence.facts) if g.origin == "synthetic"] if gem is not None else []
    made = tests_left_out(hints) if hints else set()
    found = next(((g, t) for g in twins if (t := instrument_test(g, gem, made))), None)
    if found:  # flame-fusion spinel: its strain between crossed polars
        twin, (how, values) = found
        return (
            f"Nothing you have told me points to an imitation. {how[0].upper()}{how[1:]} would expose "
            f"{twin.name} ({values}); otherwise magnification or a gem laboratory settles it."
        )
    if not twins and gem is not None:  # nothing is grown as amber or pearl: name what imitates it instead
        alike = [g.name for g in lookalikes(gem, evidence.facts) if g.origin != "synthetic"][:3]
        named = f" ({join_words(alike)} can look alike)" if alike else ""
        return f"Nothing you have told me points to an imitation{named}; magnification or a gem laboratory settles it."
    return (
        f"Nothing you have told me points to an imitation; {grown} would share the natural constants, so "
        "magnification or a gem laboratory settles it."
    )


def withhold_gem(answer: Answer, verdict: ScopeVerdict, by_readings: bool | None = None, again: bool = False) -> None:
    """An out-of-scope photo: say so plainly and ask for readings; describe no gem and advise no test on one.

    Not a gem photo: no gem is named at all. A stone unlike every known class: the closest known gems stay
    listed as such, never as the answer. `by_readings`: the ranking rests on the readings alone (by default,
    when any hint was used); a place or a colour alone ranks nothing. `again`: the chat said so already for
    this photo, so a question about it gets the short form, not the same paragraph word for word.
    """
    by_readings = bool(answer.hints_used) if by_readings is None else by_readings
    answer.unsure = True
    answer.description, answer.properties, answer.tell_apart = "", [], ""
    answer.heatmap = answer.overlay = None
    if not by_readings:  # no imitation of a gem the photo does not show
        answer.caution = ""
    statement = f"**{verdict.sentence()}**"
    if by_readings:  # the ranking below rests on the readings alone (Conversation.ask), its next test too
        advice = "Your readings alone rank the gems below, over every gem of the knowledge base."
    elif verdict.kind == NOT_A_GEM_PHOTO:  # no gem named, so nothing about one: no reasons, no doubts about it
        answer.candidates, answer.members, answer.reasons, answer.next_test = [], [], [], ""
        answer.notes = [n for n in answer.notes if not n.startswith(UNSURE_BECAUSE)]
        advice = f"{RETAKE_HELP}."
        if again:
            statement = (
                "**As I said, this does not look like a gemstone photo**, so I cannot answer about a stone in it."
            )
        if again and IDENTITY_ASKED.search(answer.message):  # "what is it then?": nothing but gems is named
            statement = (
                "**As I said, this does not look like a gemstone photo**, and I name gemstones only, so what it "
                "shows I cannot say."
            )
        if again and (SURE_QUESTION.search(answer.message) or A_STONE_SAID.search(answer.message)):
            statement = (  # "are you sure it's not a stone?", "it is a stone though"
                "**I may be wrong**: I judged only that this picture looks unlike the gemstone photos I know, not "
                "that no stone is in it."
            )
    else:
        answer.next_test, answer.reasons = "", []
        advice = READINGS_HELP
        if again:  # "is it rare?" of a stone it could not place: ask about a known gem by name, or give a reading
            closest = verdict.closest[0] if verdict.closest else "ruby"
            statement = "**As I said, I could not place this stone among the gems I was trained on.**"
            advice = (
                f'Ask about a gem by name ("is {closest.lower()} rare?") for what I know of it, or tell me a reading '
                '("RI 1.54", "SG 2.65", "hardness about 7") and I will rank the gems by it.'
            )
    if again and not by_readings and re.search(r"\bglass\b", answer.message, re.I):  # "probably sea glass right?"
        advice = f"{PHOTO_CANNOT_TELL_GLASS} {how_to_spot_glass()}"
    answer.reply = " ".join(part for part in (f"{statement} {advice}", answer.reply) if part)


# How to re-check a reading that argues against the answer, by reading.
RECHECK = {
    # not another scratch: it damages a cut stone, and the streak a softer tool leaves looks like a scratch
    "hardness": "do not repeat a scratch test on a cut stone (it damages the stone, and a softer tool's streak looks "
    "like a scratch): the refractometer or a hydrostatic balance settles it without harm",
    "optic": "turn the stone in the polariscope: seen along its optic axis a doubly refractive stone stays dark",
    "pleochroism": "look through the dichroscope in several directions: along the optic axis there is no pleochroism",
    # the sign is which way the moving edge goes from the fixed one, easy to misjudge as the stone turns
    "optic_sign": "turn the stone on the refractometer and note which edge stays fixed: the sign is positive when the "
    "other edge moves to a higher reading, negative when it moves lower",
    "colour": "describe the stone's colour in daylight: the colour a photo shows depends on the light",
    # a white lamp or a bright room passes for a glow, and a glow only suggests: the refractometer settles it
    "fluorescence": "look again with the lamp close in a dark room, and take the RI, which settles what a glow "
    "only suggests",
    # the filter's red marks chromium or cobalt; a weak lamp or a red-bodied stone misleads, and it only suggests
    "chelsea": "look again through the filter held close to the eye, the stone under a strong white lamp, and take "
    "the RI, which settles what the filter only suggests",
    # the streak is the stone's own powder: repeated where it does no harm
    **dict.fromkeys(STREAK_COLOURS, "repeat the streak on a clean part of the plate, on rough or a hidden spot"),
}
LOOK_AGAIN = "look again with a 10x loupe under a single light"  # what the loupe showed (`OBSERVED`)
OPTIC_FIGURE = "look for the interference figure again with a conoscope: it tells uniaxial from biaxial"


def doubt_note(gem: str, doubts: dict[str, str], hints: Hints) -> str:
    """Why the answer is unsure though it kept its gem: the readings against it, and how to re-check them."""
    optic = hints.readings.optic
    recheck = {**RECHECK, "optic": RECHECK["optic"] if optic in ("isotropic", "anomalous") else OPTIC_FIGURE}
    again = {key: LOOK_AGAIN for key in doubts if key in OBSERVED and key not in RECHECK}
    checks = "; ".join(dict.fromkeys({**recheck, **again}.get(key, "re-take that reading") for key in doubts))
    because = "; ".join(doubts.values())
    checks = checks[0].upper() + checks[1:]
    return f"{UNSURE_BECAUSE} {because}, though the rest of the evidence still points to {gem}. {checks}."


def signs_against(hints: Hints, gem: GemFacts) -> str:
    """What the signs that only argue against some gems say of `gem` (`AGAINST_NOTES`), and what a magnet does to
    it where the magnet's result all but rules it out (a 'hematite' a magnet holds); '' when none does."""
    seen = hints.readings.observations
    fit = lambda o: EvidenceModel.observation_fit(o, profile(gem))  # noqa: E731
    notes = [AGAINST_NOTES[o] for o in seen if o in AGAINST_NOTES and fit(o) < 1]
    if any(o in MAGNET_RESULTS and fit(o) <= MAGNET_RULES_OUT for o in seen):
        notes.append(lower_first(gem.magnetism) + ".")
    return " ".join(notes)
