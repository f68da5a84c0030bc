"""How to clean and look after a gem: answered from sourced facts, for a treated material first."""

from __future__ import annotations

import re

import numpy as np
import pytest

from gemlang.assistant import Assistant
from gemlang.assistant.conversation import DELICATE_CARE
from gemlang.knowledge.care import care_of, care_question, never_cleaned_with, symptoms_told


def test_every_photo_class_has_care_that_names_its_sources_and_says_only_known_verdicts():
    from gemlang.knowledge import all_gems

    verdicts = {"safe", "usually safe", "not recommended", "never", "damp cloth only", None}
    for gem in (g for g in all_gems() if g.is_dataset_class):
        care = care_of([gem.name, gem.species, gem.group])
        assert care is not None and care.sources, gem.name
        assert all(re.search(r"<https?://[^>]+>$", s) for s in care.sources)
        assert {care.ultrasonic, care.steam, care.warm_soapy_water} <= verdicts


def test_a_treated_material_is_cared_for_as_treated_and_a_variety_as_its_species():
    assert care_of(["Ruby"], "a ring set with glass-filled ruby").name == "lead-glass-filled ruby"
    assert care_of(["Sapphire Blue"]).name == "Sapphire"
    assert care_of(["Almandine", "almandine (garnet group)"]).name == "Garnet"
    assert care_of(["Carnelian", "quartz (chalcedony)"]).name == "Chalcedony"  # not the quartz crystal's care
    assert care_of(["Onyx Black", "quartz (chalcedony)"]).ultrasonic == "not recommended"  # most of it is dyed
    assert care_of(["Ruby"], "my fracture-filled ruby").name == "lead-glass-filled ruby"
    assert care_of(["Labradorite", "plagioclase feldspar"]).name == "Feldspar"
    assert "Opal" in never_cleaned_with("ultrasonic") and "Sapphire" not in never_cleaned_with("ultrasonic")


def test_a_care_question_is_answered_not_taken_for_a_reading():
    assert care_question("Can I clean opal in an ultrasonic cleaner?")
    assert care_question("can I retip the prongs with the stone in place?")  # at the bench
    assert care_question("is it safe in the pickle?") and not care_question("RI 1.76, acid test fizzes")
    assert care_question("can i wear it daily") and care_question("is it ok for daily wear?")
    assert care_question("can it get wet?") and care_question("is it waterproof?")
    assert care_question("is it safe to cut and polish malachite at home?") and not care_question("is the cut good?")
    assert not care_question("I cleaned it yesterday, RI 1.76")
    assert not care_question(
        "Is it natural? Red stone RI 1.76 SG 4.0, perfectly clean, no inclusions at 10x"
    )  # clarity
    assert care_question("Can I clean amber with alcohol?")
    assert care_question("got this for my birthday! can i wear it swimming") and care_question("in the pool?")


def test_a_stone_that_fizzes_in_acid_is_a_reading_not_a_question_of_the_acids_harm():
    # "it fizzes in vinegar, what mineral is it?" was '**Caring for Onyx**: In acid: …' above the ranking
    assert not care_question("it fizzes in vinegar, what mineral is it?")
    assert not care_question("my stone bubbles in vinegar, what could it be?")
    assert care_question("will vinegar hurt my pearl?") and care_question("can acid damage it?")
    answer = Assistant(classifier=None).conversation().ask("it fizzes in acid, what is it?")
    assert not answer.reply and "effervescence in acid" in answer.hints_used
    assert care_question("can i use windex on my opal ring") and not care_question("I wear it swimming, RI 1.54")
    chat = Assistant(classifier=None).conversation()
    opal = chat.ask("Can I clean opal in an ultrasonic cleaner?")
    assert opal.reply.startswith("**Caring for Opal**: Cleaning — ultrasonic cleaner: never")
    assert not opal.candidates and any("gia.edu" in n for n in opal.notes)
    assert "Kunzite" in chat.ask("will kunzite fade in sunlight?").reply


def test_jasper_is_cared_for_as_chalcedony_and_rose_quartz_care_says_it_can_fade():
    assert care_of(["Jasper", "quartz (microcrystalline)"]).name == "Chalcedony"  # not the crystal quartz's care
    quartz = care_of(["Quartz Rose", "quartz"])
    assert "fades in long, strong sunlight" in quartz.text and any("fade" in s for s in quartz.sources)


def test_a_photo_with_how_do_i_clean_it_is_named_and_its_care_given():
    import numpy as np

    from gemlang.fusion import EvidenceModel

    chat = Assistant(None, evidence=EvidenceModel(["Opal", "Moonstone"])).conversation()
    chat.image_probs = np.array([0.95, 0.05])  # the photo, as the classifier saw it
    answer = chat.ask("how do I clean it?")
    assert answer.gem == "Opal" and answer.reply.startswith("**Caring for Opal**")


def test_a_light_question_is_answered_first_from_the_care_and_the_gems_own_facts():
    chat = Assistant(classifier=None).conversation()
    larimar = chat.ask("does larimar fade in sunlight?").reply
    assert larimar.startswith("**Caring for Larimar**: In light: Larimar is photosensitive")
    chrysoprase = chat.ask("does chrysoprase fade?").reply
    assert chrysoprase.startswith("**Caring for Chrysoprase (cared for as chalcedony)**: In light:")
    assert "sunlight can make its colour fade" in chrysoprase  # its own facts, not chalcedony's care
    assert chat.ask("can I leave peridot on a windowsill?").reply.startswith("**Caring for Peridot**: In light:")
    assert "In light" not in chat.ask("can I clean peridot in an ultrasonic?").reply
    diamond = chat.ask("will diamond fade in the sun?").reply
    assert diamond.startswith("**Caring for Diamond**: In light: none of my sources names fading.")  # not bleach
    opal = chat.ask("will opal crack in the sun?").reply  # its care names the sun's heat, if not fading
    assert opal.startswith("**Caring for Opal**: In light: Generally stable, but heat from intense light")


@pytest.mark.parametrize("asked", ["will it rust?", "does pyrite tarnish?", "will it oxidise in damp air?"])
def test_a_tarnish_or_rust_question_of_pyrite_is_answered_first_from_its_care_notes_on_pyrite_decay(asked):
    chat = Assistant(classifier=None).conversation()
    chat.ask("tell me about pyrite")
    answer = chat.ask(asked)  # was "My facts on Pyrite do not answer that", or the ranking's odds
    assert answer.reply.startswith("**Caring for Pyrite**: In air and damp: Pyrite slowly oxidises in damp air")
    assert "pyrite decay" in answer.reply and "True marcasite" in answer.reply
    assert any("Protecting pyrite" in n for n in answer.notes)
    ruby = chat.ask("will my ruby tarnish?").reply
    assert ruby.startswith("**Caring for Ruby**: In air and damp: none of my sources names tarnish or decay.")
    assert not care_question("is it rust coloured?") and not care_question("a rust-red stone, what is it?")


def test_a_heat_question_is_answered_first_from_the_care_facts():
    from gemlang.assistant import Assistant

    chat = Assistant(None).conversation()
    sauna = chat.ask("can opal go in the sauna?").reply
    assert sauna.startswith("**Caring for Opal**: In heat: High heat or sudden temperature changes can fracture opal")
    assert "Treatments" in chat.ask("is tanzanite heat treated?").reply  # heating as a treatment is no care question


def test_heat_treated_stones_cleaning_is_not_said_of_heat():
    chat = Assistant(None).conversation()
    ruby = chat.ask("is ruby heat sensitive?").reply
    assert ruby.startswith("**Caring for Ruby**: In heat: Stable to heat in normal wear")
    assert "In heat: Ultrasonic" not in chat.ask("can a ruby ring take the torch?").reply


def test_whether_a_gem_stands_everyday_ring_wear_is_said_from_its_hardness_and_cleavage():
    chat = Assistant(classifier=None).conversation()
    sapphire = chat.ask("is sapphire good for an engagement ring?").reply
    assert sapphire.startswith("**Caring for Sapphire**: Sapphire (Mohs 9) is hard enough for everyday wear")
    tanzanite = chat.ask("can I wear tanzanite every day in a ring?").reply
    assert "softer than quartz (Mohs 7)" in tanzanite and "protective setting" in tanzanite
    assert "and its perfect cleavage lets a hard knock split it" in tanzanite
    assert "though its perfect cleavage" in chat.ask("is diamond durable enough for daily wear?").reply
    assert "pendants, earrings or brooches suit it better" in chat.ask("can I wear my pearl ring every day?").reply
    assert "everyday wear" not in chat.ask("how do I clean sapphire?").reply  # asked how to clean, not to wear
    # a gem named, as "is it durable?" asks it: was the care notes alone, its wear unsaid
    opal = chat.ask("are opals durable?").reply
    assert opal.startswith("**Caring for Opal**: Opal (Mohs 5.5–6.5) is softer than quartz (Mohs 7)")
    emerald = chat.ask("can I wear emerald every day in a ring?").reply
    assert "but it is not tough: a knock can chip or break it" in emerald  # its care text: toughness generally poor


def test_toughness_is_answered_from_the_sourced_grades_and_told_apart_from_hardness():
    chat = Assistant(classifier=None).conversation()
    jade = chat.ask("how tough is jade?")
    assert "Jade (toughness exceptional, Mohs 6–7)" in jade.reply and "geoscienceworld" in " ".join(jade.notes)
    pair = chat.ask("is jade tougher than diamond?").reply
    assert "Jade is the tougher. Diamond is the harder" in pair and "hardness and toughness differ" in pair
    assert "a hard blow, especially to a thin girdle edge, can chip or split it" in pair  # diamond's own care note
    durable = chat.ask("which is more durable, opal or sapphire?").reply
    assert "Sapphire is the tougher. It is also the harder" in durable and "toughness very poor to fair" in durable
    overlap = chat.ask("which is more durable, opal or jade?").reply  # hardness 5.5–6.5 and 6–7: neither harder
    assert "Neither is reliably harder" in overlap and "Jade is the tougher." in overlap
    assert "also the harder" not in overlap  # was "… It is also the harder, so it is the more durable on both counts"
    # durability is hardness, toughness and stability: said which is the more durable, not only the tougher
    verdict = "Jade is the tougher. Their hardness ranges overlap, and it is no softer, so it is the more durable"
    assert overlap.endswith(f"{verdict} on the two together.")
    weak = "Neither is the more durable on both counts: Jade is the weaker against scratches, Diamond against knocks."
    assert weak in pair
    tanzanite = chat.ask("will my tanzanite chip?").reply
    assert "Tanzanite (no toughness grade in my facts" in tanzanite and "a hard knock can break it" in tanzanite
    assert "no toughness grade in my facts" in chat.ask("how tough is moissanite?").reply
    assert not chat.ask("my emerald has a chip, can it be repaired?").reply.startswith("**Toughness**")  # a repair
    for asked in ("does opal chip easily?", "does opal break easily?"):  # were its wear and cleaning notes
        assert chat.ask(asked).reply.endswith("Opal (toughness very poor to fair, Mohs 5.5–6.5)."), asked
    assert chat.ask("does opal scratch easily?").reply.startswith("**Caring for Opal**")  # hardness: how it wears
    chat.ask("what is ruby?")
    assert "Ruby (toughness excellent, Mohs 9)" in chat.ask("is it tough?").reply
    assert chat.ask("can I wear emerald every day?").reply.startswith("**Caring for Emerald**")  # a wear question
    chat.ask("how do I tell jadeite from nephrite?")
    assert "Jadeite and Nephrite are graded alike" in chat.ask("which one is tougher?").reply  # the pair compared


def test_which_gems_stand_everyday_ring_wear_lists_the_hard_tough_ones_and_leaves_out_one_ruled_out():
    chat = Assistant(classifier=None).conversation()
    reply = chat.ask("what gemstone is good for an everyday ring thats not a diamond").reply
    assert reply.startswith("**For a ring worn every day**") and "Sapphire (Mohs 9)" in reply
    listed = reply.split(". Softer gems")[0]
    assert "Diamond" not in listed and "Emerald" not in listed and "Topaz" not in listed  # chips; perfect cleavage
    assert "Diamond (Mohs 10)" in chat.ask("best stones for an engagement ring?").reply
    assert chat.ask("can I wear tanzanite every day?").reply.startswith("**Caring for Tanzanite**")  # one gem asked


def test_a_lamp_called_a_torch_is_no_care_question_but_a_jewellers_torch_is():
    assert not care_question("purple cubic crystals, glows blue under my UV torch (longwave 365nm). fluorite?")
    assert not care_question("held a torch behind it and light goes through, does that decide it")
    assert care_question("will a jeweller's torch harm it?") and care_question("is it safe near a blowtorch?")


def test_a_treatment_the_care_notes_call_usual_is_no_rare_treatment_of_the_gem():
    import json

    from gemlang.knowledge import all_gems
    from gemlang.knowledge.care import CARE_PATH

    gems = {g.name: g for g in all_gems()}
    stems = ("irradiat", "heat", "dye", "oil", "fill", "coat", "diffus", "bleach", "stabili")
    for entry in json.loads(CARE_PATH.read_text(encoding="utf-8"))["gems"]:
        gem = gems.get(entry["gem"])
        rare = [t.lower() for t in gem.treatments if "(rare" in t.lower()] if gem is not None else []
        for clause in re.split(r"[.;]", entry["text"]):
            if re.search(r"\b(?:most|nearly all|almost all|usually|commonly|often)\b", clause, re.I):
                said = [s for s in stems if re.search(rf"\b{s}", clause, re.I)]
                assert not [t for t in rare for s in said if s in t], (entry["gem"], clause, rare)


def test_what_heat_or_a_torch_does_to_the_gem_discussed_is_its_care_not_its_heat_treatment():
    chat = Assistant(classifier=None).conversation()
    chat.ask("I'm setting a tanzanite, can I retip prongs with the stone in?")
    torch = chat.ask("will the torch heat hurt it?").reply
    assert torch.startswith("**Caring for Tanzanite**: At the bench, jeweller's torch:") and "Treatments" not in torch
    chat.ask("emerald")
    assert chat.ask("will the heat hurt it?").reply.startswith("**Caring for Emerald**: In heat:")
    chat.ask("can I steam clean a peridot?")
    assert chat.ask("and boil it?").reply.startswith("**Caring for Peridot**: In heat:")
    assert chat.ask("is heat treatment harmful to ruby?").reply.startswith("**Ruby**: Treatments of ruby")


def test_a_care_question_asked_with_where_a_gem_is_from_or_how_it_is_treated_answers_both():
    chat = Assistant(classifier=None).conversation()
    both = chat.ask("where does tanzanite come from and how do I clean it?").reply
    assert both.startswith("**Tanzanite**: Tanzanite comes chiefly from Tanzania.\n\n**Caring for Tanzanite**")
    treated = chat.ask("is emerald treated and can I put it in the ultrasonic?").reply
    assert treated.startswith("**Emerald**: Treatments of emerald: oiling") and "**Caring for Emerald**" in treated
    assert chat.ask("can I clean my heated ruby in the ultrasonic?").reply.startswith("**Caring for Ruby**")


def test_a_care_or_bench_question_naming_no_gem_gets_what_suits_every_stone_not_the_help_text():
    assistant = Assistant(classifier=None)
    cleaned = assistant.conversation().ask("how do I clean my ring?").reply
    assert cleaned.startswith("**Care depends on the gem**") and "soft cloth dampened in lukewarm water" in cleaned
    for worn in ("can i wear it daily", "does it break easy"):  # its wear, not how to clean it
        wear = assistant.conversation().ask(worn).reply
        assert "How a stone wears depends on the gem" in wear and "soft cloth" not in wear, worn
    retip = assistant.conversation().ask("can I retip prongs with the stone in?")
    assert "At the bench, jeweller's torch: Bench jewellers' rule of thumb" in retip.reply
    assert any("ganoksin" in n for n in retip.notes)
    assert "'red, white and blue'" in assistant.conversation().ask("which gems can take the torch?").reply
    for other in ("is it safe to touch?", "does the colour fade?"):  # the second was the cleaning advice
        assert "Care depends" not in assistant.conversation().ask(other).reply
    assert "Care depends" not in assistant.conversation().ask("a durable stone for a bracelet?").reply  # a choice
    # a gem misspelt is still the gem named: its care, not the care of a stone not yet named
    assert assistant.conversation().ask("emrald is fragil?").reply.startswith("**Caring for Emerald**")
    assert assistant.conversation().ask("aquamrine can go in ultrasonik?").reply.startswith("**Caring for Aquamarine**")


def test_bench_work_is_answered_from_the_sourced_bench_notes_of_the_gem_then_of_all_stones():
    chat = Assistant(classifier=None).conversation()
    torch = chat.ask("can I put a torch on a ring with a tanzanite in it?")
    assert torch.reply.startswith("**Caring for Tanzanite**: At the bench, jeweller's torch: Tanzanite is not among")
    assert "'red, white and blue'" in torch.reply and any("ganoksin" in n for n in torch.notes)
    laser = chat.ask("can I laser weld near an emerald?").reply
    assert laser.startswith("**Caring for Emerald**: At the bench, laser welding: Jewellers laser-weld prongs")
    plating = chat.ask("is rhodium plating safe with opals set?").reply
    assert plating.startswith("**Caring for Opal**: At the bench, rhodium plating:") and "opal, pearl" in plating
    assert "At the bench" not in chat.ask("can I clean opal in an ultrasonic?").reply
    assert not care_question("is it laser drilled?")  # a treatment, not bench work


def test_dop_wax_is_the_cutters_holder_not_the_waxing_treatment():
    assert care_of(["Tourmaline"], "I use dop wax to hold a tourmaline, any issue?").name == "Tourmaline"
    assert care_of(["Jade"], "is waxed jade ok in the ultrasonic?").name == "waxed stones"
    chat = Assistant(classifier=None).conversation()
    dopped = chat.ask("I use dop wax to hold a tourmaline, any issue?").reply
    assert dopped.startswith("**Caring for Tourmaline**: At the bench, dopping:")


def test_an_ultrasonic_question_gets_the_exceptions_to_a_usually_safe_verdict_first():
    chat = Assistant(classifier=None).conversation()
    diamond = chat.ask("can I put a diamond in the ultrasonic?")
    assert diamond.reply.startswith("**Caring for Diamond**: In an ultrasonic: Ultrasonic cleaning is usually safe")
    assert "fracture-filled (clarity-enhanced)" in diamond.reply and "heavily included" in diamond.reply
    assert diamond.reply.count("vibration can extend") == 1  # said first, not again below
    assert any("ultrasonic-stone-safety" in n for n in diamond.notes)
    assert "In an ultrasonic" not in chat.ask("can I steam clean my diamond ring?").reply


def test_a_composite_ruby_answer_warns_that_heat_and_acids_damage_its_lead_glass():
    chat = Assistant(classifier=None).conversation()
    warning = "Heat and acids both damage lead-glass filling"
    pickle = chat.ask("can I put a composite ruby ring in the pickle?")
    # its own acid warning first, then what pickle does to stones in general (was the general note first)
    assert pickle.reply.startswith(f"**Caring for lead-glass-filled ruby**: In acid: {warning}")
    assert "At the bench, pickling: Pickle is" in pickle.reply
    assert any("jckonline" in n for n in pickle.notes)
    for asked in ("can a composite ruby go in the ultrasonic?", "can I steam clean a lead glass ruby?"):
        assert warning in chat.ask(asked).reply.split("Cleaning — ")[1].split(". ")[1]  # right after the verdicts
    retip = chat.ask("I need to re-tip a ring with a lead-glass filled ruby, ok?").reply
    assert "glass-filled ruby must not be heated" in retip and f"In heat: {warning}" in retip


def test_two_gems_weighed_for_a_ring_get_how_each_stands_everyday_wear():
    chat = Assistant(classifier=None).conversation()
    reply = chat.ask("I'm buying an engagement ring, sapphire or diamond?").reply
    assert reply.startswith("**Sapphire or Diamond?** Diamond is harder than Sapphire. For everyday wear in a ring:")
    assert "Sapphire (Mohs 9) is hard enough for everyday wear" in reply and "its perfect cleavage" in reply
    daily = chat.ask("which is better for everyday wear, morganite or aquamarine?").reply  # was a care card of each
    assert daily.startswith("**Morganite or Aquamarine?** Neither is harder: both are Mohs 7.5–8.")
    assert "**Caring" not in daily
    chat.ask("ruby vs garnet")
    durable = chat.ask("which is more durable?").reply  # of the two compared
    assert durable.startswith("**Ruby or Garnet?** Ruby is harder than Garnet.") and "Garnet (Mohs 6.5" in durable
    assert chat.ask("which is harder?").reply.startswith("Ruby is harder than Garnet.")  # still of the two


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        (
            "which is best for daily wear, opal, jade or quartz?",
            "Quartz is harder than Opal. For everyday wear in a ring: Quartz wears best of the three: it is hard",
        ),
        (
            "which is better for everyday wear, morganite or aquamarine?",
            "For everyday wear in a ring: Neither stands out: both are hard enough for everyday wear",
        ),
        ("which is more durable, topaz or aquamarine?", "Aquamarine wears best of the two: it is hard enough"),
        ("opal or tanzanite for a ring?", "Neither stands out: both are softer than the quartz grains in dust"),
    ],
)
def test_gems_weighed_for_wear_say_which_wears_best_or_that_none_stands_out(text, verdict):
    reply = Assistant(classifier=None).conversation().ask(text).reply  # was each one's verdict, and no choice made
    assert verdict in reply and reply.count("wears best") + reply.count("stands out") == 1


def test_two_gems_weighed_for_wear_are_graded_for_toughness_too_where_both_have_a_grade():
    chat = Assistant(classifier=None).conversation()
    ring = chat.ask("I'm buying an engagement ring, sapphire or diamond?").reply
    assert "do not scratch it, though its perfect cleavage" in ring  # the wear verdict, hardness first
    assert "it.  " not in ring and "Sapphire (toughness excellent, Mohs 9); Diamond (toughness good" in ring
    assert "Sapphire is the tougher. Diamond is the harder" in ring
    cleaned = chat.ask("I have ruby and sapphire in a ring, how do I clean them?").reply  # a cleaning, not a choice
    assert cleaned.startswith("**Caring for Ruby**") and "\n\n**Caring for Sapphire**: Cleaning —" in cleaned  # both
    chat.ask("ruby vs garnet")
    assert "toughness" not in chat.ask("which is more durable?").reply.lower()  # garnet has no grade in the facts


def test_a_gem_called_fragile_or_an_everyday_stone_is_a_wear_question_carried_to_the_next_gem_named():
    chat = Assistant(classifier=None).conversation()
    assert chat.ask("is tanzanite a good everyday stone?").reply.startswith("**Caring for Tanzanite**: Tanzanite (Mohs")
    assert "not tough: a knock can chip or break it" in chat.ask("is emerald fragile?").reply
    chat.ask("is opal ok for a ring I wear every day?")
    emerald = chat.ask("what about emerald?").reply  # was "**Emerald**" alone
    assert emerald.startswith("**Caring for Emerald**: Emerald (Mohs 7.5–8) is hard enough")
    assert chat.ask("and sapphire?").reply.startswith("**Caring for Sapphire**: Sapphire (Mohs 9) is hard enough")


def test_is_it_durable_of_the_gem_on_the_table_is_answered_with_how_it_wears():
    chat = Assistant(classifier=None).conversation()
    chat.ask("what is opal?")  # the gem on the table, as a photo's answer puts it
    reply = chat.ask("is it durable?").reply  # was its cleaning notes alone
    assert reply.startswith("**Caring for Opal**: Opal (Mohs 5.5–6.5) is softer than quartz (Mohs 7)")
    assert "hard enough for everyday wear" in chat.ask("how durable is ruby?").reply


def test_which_gems_fade_in_sunlight_lists_what_each_gems_care_notes_say_of_light():
    reply = Assistant(classifier=None).conversation().ask("which gems fade in sunlight?").reply  # was the help
    assert reply.startswith("**Fading in light**, as my care notes say:") and "Kunzite: Fades with light" in reply
    assert reply.count("Jade: ") == 1  # was thrice: its care notes serve jadeite and nephrite too
    assert "Feldspar" not in reply  # "… exposing sunstone to heat": heat, not the sun
    assert "Sapphire" not in reply and "Aquamarine" not in reply  # stable to light; heat fades it


def test_a_care_answer_about_a_named_gem_makes_it_the_gem_that_it_and_its_questions_are_of():
    chat = Assistant(classifier=None).conversation()
    chat.ask("can I steam clean emerald?")
    assert chat.ask("how hard is it?").reply == "**Emerald**: Mohs hardness 7.5–8."  # was the help text
    chat = Assistant(classifier=None).conversation()
    chat.ask("is tanzanite a good everyday stone?")
    assert chat.ask("how does it compare to sapphire?").reply == "**Tanzanite or Sapphire?**"  # was "**Sapphire**"


def test_tumbling_is_answered_from_the_sourced_tumbling_notes_of_the_gem_then_of_all_stones():
    chat = Assistant(classifier=None).conversation()
    chat.ask("what is amethyst?")
    amethyst = chat.ask("can I tumble it?").reply  # was the card again
    assert amethyst.startswith("**Caring for Amethyst**: Amethyst has Mohs hardness 7 and no cleavage. At the bench, "
                               "rock tumbling: At about Mohs 7 it is among")  # fmt: skip
    assert "tumble stones of like hardness together" in amethyst
    assert "very hard to tumble" in chat.ask("can I put ruby in a rock tumbler?").reply


@pytest.mark.parametrize(
    "gem, said",
    [("fluorite", "**Caring for Fluorite**: Fluorite has Mohs hardness 4 and cleavage perfect octahedral {111}. At the "
                  "bench, rock tumbling: It is one of the softer stones"),  # was the bare card ("**Fluorite**")
     ("obsidian", "**Obsidian**: Obsidian has Mohs hardness 5–5.5 and no cleavage. At the bench, rock tumbling: A "
                  "tumbler grinds stones")],  # no care notes of its own: the bench notes and its constants
)  # fmt: skip
def test_polishing_a_stone_at_home_is_answered_from_its_hardness_cleavage_and_the_tumbling_notes(gem, said):
    chat = Assistant(classifier=None).conversation()
    chat.ask(f"tell me about {gem}")
    assert chat.ask("can I polish it at home?").reply.startswith(said)
    ring = Assistant(classifier=None).conversation().ask("how do I polish my ring at home?").reply
    assert "rock tumbling" not in ring  # its metal, not a stone in a tumbler


def test_cleaning_a_gem_with_no_care_notes_says_so_and_gives_the_care_that_suits_every_gem():
    chat = Assistant(classifier=None).conversation()
    calcite = chat.ask("how do I clean a calcite specimen?").reply  # was the bare card ("**Calcite**")
    assert calcite.startswith("**Calcite**: I have no checked care notes for Calcite yet, so care for it as the most")
    assert chat.ask("can I use vinegar?").reply.startswith("**Calcite**: I have no checked care notes")  # of it
    chat = Assistant(classifier=None).conversation()
    chat.ask("what is aquamarine?")
    assert chat.ask("how do I clean it?").reply.startswith("**Caring for Aquamarine**")  # its own notes, as before


def test_whether_a_gem_is_poisonous_or_safe_to_touch_is_answered_first_from_the_care_facts():
    chat = Assistant(classifier=None).conversation()
    malachite = chat.ask("is malachite poisonous?").reply  # was "**Malachite**" above its card
    assert malachite.startswith("**Caring for Malachite**: In handling: Cutting, sanding and polishing it raises")
    chat.ask("what is amethyst?")
    touched = chat.ask("is it safe to touch?").reply  # was the card again
    assert touched.startswith("**Caring for Amethyst**: In handling: none of my sources names a danger")


def test_whether_a_gem_is_safe_to_wear_is_a_harm_question_but_not_a_treatment_s_or_daily_wear():
    chat = Assistant(classifier=None).conversation()
    worn = chat.ask("is malachite safe to wear?").reply  # was the bare card
    assert worn.startswith("**Caring for Malachite**: In handling: Cutting, sanding and polishing it raises")
    assert chat.ask("is irradiated topaz safe to wear?").reply.startswith("**Topaz**: Its treatments include")
    assert "In handling" not in chat.ask("is opal safe to wear every day?").reply


@pytest.mark.parametrize("question", ["is galena toxic?", "is it safe to handle galena?"])
def test_galena_is_said_to_be_lead_to_wash_off_the_hands_and_each_sentence_is_said_once(question):
    answer = Assistant(classifier=None).conversation().ask(question)  # was "My facts on Galena say nothing of …"
    assert answer.reply.startswith("**Caring for Galena**: In handling: Galena is lead sulfide")
    assert "wash your hands" in answer.reply and answer.reply.count("an ore of lead") == 1  # not said twice
    assert any("crystalmountain.com.au" in note for note in answer.notes)
    cleaned = Assistant(classifier=None).conversation().ask("how do I clean galena?").reply
    assert cleaned.endswith("None of my care sources says how to clean it, so " + DELICATE_CARE)


def test_can_it_crack_or_break_is_a_toughness_question_but_cracking_in_heat_is_cared_for():
    chat = Assistant(classifier=None).conversation()
    chat.ask("what is opal?")
    crack = chat.ask("can it crack?").reply  # was the card again (the ranking again, of a photo)
    assert crack.startswith("**Toughness** (resistance to breaking") and "Opal (toughness very poor" in crack
    assert chat.ask("will it crack in hot water?").reply.startswith("**Caring for Opal**: In heat: ")


def test_a_care_question_naming_two_gems_gets_the_care_of_each():
    chat = Assistant(classifier=None).conversation()
    ring = chat.ask("can I put my tanzanite ring with diamond side stones in the ultrasonic?").reply
    assert ring.startswith("**Caring for Tanzanite**: Cleaning — ultrasonic cleaner: never")  # was tanzanite alone
    assert "\n\n**Caring for Diamond**: In an ultrasonic:" in ring
    assert "Caring for Diamond" not in chat.ask("can I clean emerald in an ultrasonic?").reply  # one gem, one care


def test_storing_a_collection_is_answered_for_any_specimens_and_then_of_a_gem_named():
    chat = Assistant(classifier=None).conversation()
    # was the how-to-begin help
    assert chat.ask("how should I store my specimens?").reply.startswith("**Storing a collection**: Keep specimens")
    assert chat.ask("what about malachite specifically?").reply.startswith("**Caring for Malachite**")
    opal = Assistant(classifier=None).conversation().ask("how should I store opal?").reply
    assert opal.startswith("**Caring for Opal**")


def test_a_question_of_the_setting_says_the_facts_are_of_the_stone_with_its_toughness():
    chat = Assistant(classifier=None).conversation()
    chat.ask("tell me about emerald")
    loose = chat.ask("is the prong loose?").reply  # was emerald's care: 'Cleaning — ultrasonic cleaner: never …'
    assert loose.startswith("**The prong**: my facts are of gems, not of the metal they are set in: whether the prong")
    assert loose.endswith("Of the stone itself: Emerald (toughness poor, Mohs 7.5–8).") and "Cleaning" not in loose
    assert chat.ask("is the setting fragile?").reply.startswith("**The setting**: my facts are of gems")
    assert chat.ask("can the prongs be re-tipped with the stone in?").reply.startswith("**Caring for Emerald**")


def test_three_gems_weighed_for_wear_name_the_harder_and_the_tougher_of_them():
    chat = Assistant(classifier=None).conversation()
    assert chat.ask("ruby, sapphire or emerald?").reply == "**Ruby, Sapphire or Emerald?**"  # was "**Sapphire**"
    durable = chat.ask("which is the most durable?").reply  # was the care text of no gem
    assert durable.startswith("**Ruby, Sapphire or Emerald?** Ruby and Sapphire are harder than Emerald.")
    assert durable.endswith("Emerald (toughness poor, Mohs 7.5–8). Ruby and Sapphire are the toughest.")
    assert chat.ask("which is softer?").reply.startswith("Emerald is softer than Ruby and Sapphire.")
    chat.ask("what is the birthstone for june?")  # pearl, moonstone or alexandrite: graded alike? no, not all graded
    assert chat.ask("which is the toughest?").reply.startswith("**Toughness** (resistance to breaking and chipping")


def test_a_question_of_what_metal_the_setting_is_is_not_answered_as_one_of_its_soundness():
    chat = Assistant(classifier=None).conversation()
    chat.ask("tell me about emerald")
    gold = chat.ask("is the setting gold?").reply  # was '… whether the setting is loose, worn or sound …'
    assert gold.startswith(
        "**The setting**: my facts are of gems, not of the metal they are set in: what metal the setting is, a "
        "jeweller checks with the piece in hand. A hallmark says what a piece of precious metal is, and an assay"
    )
    assert "\n\n**Hallmark**: A hallmark is an official mark" in gold  # was the sentence without it
    assert "what metal the mount is" in chat.ask("is my mount real silver?").reply


def test_care_asked_after_an_unsure_answer_says_so_and_is_safe_whichever_likely_gem_it_is():
    import numpy as np

    from gemlang.fusion import EvidenceModel

    chat = Assistant(None, evidence=EvidenceModel(["Ruby", "Coral", "Opal"])).conversation()
    chat.image_probs = np.array([0.5, 0.4, 0.1])  # a photo it cannot place: ruby or coral
    assert chat.ask("what gem is this?").unsure
    cleaned = chat.ask("how do I clean it?").reply
    assert cleaned.startswith("**I'm not sure which gem it is** (Ruby ")
    assert "ultrasonic cleaner: never (" in cleaned  # not ruby's "usually safe"
    worn = chat.ask("can I wear it every day?").reply
    assert worn.startswith("**I'm not sure which gem it is**") and "Ruby (Mohs" not in worn  # the softest's wear
    assert chat.ask("is it toxic?").reply.startswith("**I'm not sure which gem it is**")
    sure = Assistant(None, evidence=EvidenceModel(["Ruby", "Coral"])).conversation()
    sure.image_probs = np.array([0.99, 0.01])
    sure.ask("what gem is this?")
    assert sure.ask("how do I clean it?").reply.startswith("**Caring for Ruby**")


def test_toxicity_or_fading_asked_after_an_unsure_answer_gives_each_likely_gems_notes():
    import numpy as np

    from gemlang.fusion import EvidenceModel

    chat = Assistant(None, evidence=EvidenceModel(["Ruby", "Coral", "Opal"])).conversation()
    chat.image_probs = np.array([0.5, 0.4, 0.1])  # ruby or coral
    chat.ask("what gem is this?")
    faded = chat.ask("will it fade?").reply  # was ruby's care alone, "if it is Ruby: **Caring for Ruby**: …"
    assert faded.startswith("**I'm not sure which gem it is** (Ruby ") and "Caring for" not in faded
    assert "**Ruby**: In light: Stable to light." in faded and "**Coral**: In light: Dyed coral can fade" in faded
    assert "ultrasonic cleaner: never (Coral)" in faded
    toxic = chat.ask("is it toxic?").reply
    assert "**Coral**: In handling: " in toxic and "**Opal**: In handling: " in toxic


def test_care_asked_with_a_photo_the_answer_is_unsure_of_is_the_cautious_care_not_the_best_guesss():
    import numpy as np

    from gemlang.fusion import EvidenceModel

    chat = Assistant(None, evidence=EvidenceModel(["Ruby", "Coral", "Opal"])).conversation()
    chat.image_probs = np.array([0.5, 0.4, 0.1])  # a photo of ruby or coral, asked of in one message
    answer = chat.ask("what is it and how do I clean it?")  # was "**Caring for Ruby**: … ultrasonic: usually safe"
    assert answer.unsure and answer.reply.startswith("**I'm not sure which gem it is** (Ruby ")
    assert "ultrasonic cleaner: never (Coral)" in answer.reply and "Caring for Ruby" not in answer.reply
    assert answer.to_markdown().count("**Next test:**") == 1  # the answer's own, not again in the care


@pytest.mark.parametrize(
    ("question", "metal"),
    [("the jeweller said it is real gold", "Gold"), ("is my ring real gold?", "Gold"),
     ("the seller says the ring is 18k gold", "Gold"), ("how can I tell if gold is real?", "Gold"),
     ("is my necklace silver?", "Silver"), ("is it sterling silver?", "Silver")],
)  # fmt: skip
def test_a_metal_or_its_purity_asked_is_said_to_be_no_gem_with_what_a_hallmark_tells(question, metal):
    # was a gem's "Natural, as you were told? ... Synthetic: ...", or the help text
    answer = Assistant(classifier=None).conversation().ask(question)
    assert answer.reply.startswith(f"**{metal} is a metal, not a gem**") and "**Hallmark**: " in answer.reply
    assert "Synthetic" not in answer.reply and any("wikipedia.org/wiki/Hallmark" in n for n in answer.notes)


@pytest.mark.parametrize("question", ["is it real gold or pyrite?", "a gold topaz ring", "is the setting gold?"])
def test_gold_beside_a_gem_or_a_setting_is_no_question_of_a_metals_purity(question):
    assert "is a metal, not a gem" not in Assistant(classifier=None).conversation().ask(question).reply


def test_a_ring_to_be_resized_with_its_stone_in_is_asked_of_the_bench_as_resizing_is():
    chat = Assistant(classifier=None).conversation()
    pearl = chat.ask("can a ring with a pearl be resized?").reply
    assert pearl.startswith("**Caring for Pearl**: At the bench, jeweller's torch: Organic gems burn or melt")
    for asked in ("can the ring be resized with the stone in?", "it was re-sized last year, is the emerald ok?"):
        assert care_question(asked), asked


@pytest.mark.parametrize(
    ("told", "what", "says", "page"),
    [("my opal went cloudy after washing it", "Dullness or cloudiness", "water can weaken the glue and fog", "gia.edu"),
     ("my pearl lost its lustre", "Dullness or cloudiness", "dissolve its shine", "pearlsinternational.com"),
     ("my turquoise turned green", "A change of colour", "darkens or greens as it absorbs oils", "pyramid.gold"),
     ("my amethyst faded in the sun", "A change of colour", "fades with prolonged exposure", "modernvintagestyle"),
     ("there's a crack in my ruby", "Cracks and chips", "Hardness 9, excellent toughness", "mjsa.org"),
     ("my emerald looks dull, what should I do?", "Dullness or cloudiness", "re-oiling every few years",
      "summer-2007-durability-testing-of-filled-emeralds"),
     ("my tanzanite chipped", "Cracks and chips", "perfect cleavage", "mjsa.org"),
     ("my sapphire is scratched", "Scratches", "only a material at least as hard scratches it: a diamond (10) or a "
      "ruby or sapphire (corundum, 9)", "langantiques.com"),
     ("my pearl has scratches on it", "Scratches", "softer than quartz (Mohs 7), so the quartz grains in dust",
      "gemsociety.org/photo")],
)  # fmt: skip
def test_what_happened_to_a_stone_is_answered_from_its_care_notes_and_treatments_with_their_sources(
    told, what, says, page
):
    answer = Assistant(classifier=None).conversation().ask(told)
    assert answer.reply.startswith("**Caring for ") and f": {what} — **likely cause**: " in answer.reply
    assert says in answer.reply.split("**What to do**")[0] and any(page in note for note in answer.notes)


@pytest.mark.parametrize(
    ("told", "what", "do", "see"),
    [("my emerald has a crack", "Cracks and chips", "keep it out of the ultrasonic", "jeweller or gemmologist"),
     ("my opal looks cloudy", "Dullness or cloudiness", "warm soapy water: safe", "re-polish a worn surface"),
     ("my pearl lost its shine", "Dullness or cloudiness", "take it off to wash", "re-polish"),
     ("my ring stone is scratched", "Scratches", "in its own pouch", "lapidary"),
     ("my sapphire is scratched", "Scratches", "in its own pouch", "lapidary")],
)  # fmt: skip
def test_damage_told_is_answered_short_with_its_cause_what_to_do_and_who_to_see(told, what, do, see):
    reply = Assistant(classifier=None).conversation().ask(told).reply  # was the whole care card, cleaning and all
    assert f"{what} — **likely cause**: " in reply and "Cleaning —" not in reply and len(reply) < 1000
    cause, rest = reply.split("**What to do**: ")
    assert do in rest.split("**Who to see**: ")[0] and see in rest.split("**Who to see**: ")[1]
    assert cause.count(". ") <= 4, cause  # two of its notes' sentences at most, and what is said of any stone


@pytest.mark.parametrize(
    ("told", "says", "not_said"),
    [("my garnet looks dull", "Garnet (Mohs 6.5–7.5) is softer than quartz (Mohs 7) in some stones", "hydrofluoric"),
     ("my spinel looks dull", "A film of skin oil", "Stable to chemicals"),
     ("my topaz is cloudy", "A film of skin oil", "No special sensitivity to common chemicals"),
     ("my opal looks dull", "Opal (Mohs 5.5–6.5) is softer than quartz (Mohs 7)", "hydrofluoric")],
)  # fmt: skip
def test_a_dull_stone_is_put_down_to_everyday_wear_and_dirt_not_to_chemicals_it_stands(told, says, not_said):
    cause = Assistant(classifier=None).conversation().ask(told).reply.split("**What to do**")[0]
    answer = Assistant(classifier=None).conversation().ask(told)
    assert says in cause and not_said not in cause  # was "Stable to chemicals, but attacked by hydrofluoric acid."
    assert "A film of skin oil, lotion, soap or shampoo dulls any stone" in cause
    dust = "softer than quartz" in cause  # the quartz in dust, with the pages that say so
    assert dust == any("sources (dust): Lang Antiques" in n for n in answer.notes)


@pytest.mark.parametrize(
    ("told", "cause", "see", "page"),
    [("I chipped my pearl ring", "A pearl's outer layer of nacre is soft (Mohs 2.5 to 4.5) and delicate, so a knock",
      "cannot be restored", "calendar-australia.com/faq/do-pearls-chip-easily"),
     ("my emerald ring chipped", "a chip or crack often opens along a fissure already in the stone",
      "the fresh facets of an oiled emerald need re-oiling", "ssef.ch")],
)  # fmt: skip
def test_a_chip_is_put_down_to_what_the_gem_is_made_of_and_its_repair_to_what_it_needs(told, cause, see, page):
    reply, notes = (x := Assistant(classifier=None).conversation().ask(told)).reply, x.notes
    said, _, who = reply.partition("**Who to see**: ")
    assert cause in said.split("**What to do**")[0] and see in who  # the pearl's was heat alone, the emerald's no oil
    assert any(page in note for note in notes)


@pytest.mark.parametrize(
    ("told", "not_said"),
    [("I chipped my pearl", "High heat"), ("I chipped my opal", "High heat or sudden temperature changes")],
)  # fmt: skip
def test_a_chip_told_is_put_down_to_a_knock_not_to_heat(told, not_said):
    cause = Assistant(classifier=None).conversation().ask(told).reply.split("**What to do**")[0]
    assert "Cracks and chips — **likely cause**: " in cause and not_said not in cause  # heat cracks, a knock chips


def test_a_crack_told_is_still_put_down_to_heat_where_the_notes_say_heat_cracks_the_gem():
    cause = Assistant(classifier=None).conversation().ask("my opal cracked").reply.split("**What to do**")[0]
    assert "High heat or sudden temperature changes can fracture opal" in cause


def test_a_dull_diamond_is_put_down_to_grease_and_dirt_and_cleaned_as_its_notes_allow():
    reply = Assistant(classifier=None).conversation().ask("my diamond looks dull").reply
    cause, _, do = reply.partition("**What to do**: ")
    assert cause.split("**likely cause**: ")[1].startswith("Diamonds attract grease.")
    assert "Store separately" not in cause  # was first: why diamonds are kept apart, not why this one is dull
    assert "A film of skin oil, lotion, soap or shampoo dulls any stone" in cause
    assert "(warm soapy water: safe; steam: usually safe; ultrasonic cleaner: usually safe)" in do


def test_a_scratch_is_reasoned_from_the_whole_hardness_range_not_its_low_end():
    chat = Assistant(classifier=None).conversation()
    jade = chat.ask("my jade is scratched").reply.split("**What to do**")[0]
    assert "Jade (Mohs 6–7): nephrite (6–6.5) is softer than quartz (Mohs 7) and jadeite (6.5–7) is softer " in jade
    assert "or at most as hard" in jade and "Jade (Mohs 6–7) is softer than quartz" not in jade  # jadeite reaches 7
    chrysocolla = chat.ask("my chrysocolla is scratched").reply.split("**What to do**")[0]
    assert "Chrysocolla (Mohs 2.5–7) is softer than quartz (Mohs 7) or at most as hard" in chrysocolla


def test_what_happened_to_a_stone_the_notes_are_silent_on_is_said_to_be_unknown_and_no_name_question_is_one():
    chat = Assistant(classifier=None).conversation()
    galena = chat.ask("my galena went dull").reply  # was its whole care text, no cause, nothing to do
    assert "A film of skin oil, lotion, soap or shampoo dulls any stone" in galena
    assert "**Handling**: Galena is lead sulfide" in galena  # the danger in handling it, whatever happened to it
    calcite = chat.ask("my calcite cracked").reply
    assert calcite.startswith("**Calcite**: Cracks and chips — **likely cause**: I have no checked care notes for")
    assert "**Who to see**: A jeweller or gemmologist" in calcite
    assert not symptoms_told("my stone is cloudy, what is it?") and not symptoms_told("my stone went milky, RI 1.45")
    assert not symptoms_told("the glass was scratched by it") and not symptoms_told("a cloudy green stone")
    assert not symptoms_told("My facts on citrine: most is amethyst turned yellow by heating")  # an answer's words
    crack = Assistant(classifier=None).conversation().ask("it has a small crack, will it get worse").reply
    assert crack.startswith("**Care depends on the gem**") and "another knock can make a chip or crack bigger" in crack


def test_the_cause_of_damage_quotes_whole_sentences_of_the_notes_not_one_run_on_past_an_acronym():
    reply = Assistant(classifier=None).conversation().ask("my emerald looks dull").reply
    cause = reply.split("**likely cause**: ")[1].split(" Of oiled/resin-filled emerald")[0]
    assert "daylight and UV" not in cause and "Avoid harsh chemicals and solvents" in cause, cause  # was all three


@pytest.mark.parametrize(
    ("told", "says", "not_said"),
    [("my ruby is chipped", "excellent toughness, no cleavage", ("lemon juice", "lead-glass", "beyond repair")),
     ("my sapphire has a chip", "excellent toughness, no cleavage", ("fracture-filled", "lemon juice")),
     ("my diamond is chipped", "a hard blow, especially to a thin girdle edge", ("850 °C",)),
     ("my emerald cracked", "chips or breaks if knocked", ("break down, the oils", "fracture-filled (see"))],
)  # fmt: skip
def test_the_cause_of_a_chip_or_crack_is_a_knock_a_cleavage_or_heat_not_a_treatments_name(told, says, not_said):
    reply = Assistant(classifier=None).conversation().ask(told).reply  # was a filled stone's acid and repair notes
    cause = reply.split("**likely cause**: ")[1].split("**What to do**")[0]
    assert says in cause and not any(x in cause for x in not_said), cause


@pytest.mark.parametrize(
    ("told", "see"),
    [("my pearl is scratched", "cannot be polished out as a stone's can"),
     ("my pearls have scratches on them", "replaced with a matched one"),
     ("my pearl chipped", "chipped nacre cannot be restored")],
)  # fmt: skip
def test_a_damaged_pearl_is_sent_to_a_jeweller_who_knows_pearls_not_to_a_lapidary_to_re_polish(told, see):
    answer = Assistant(classifier=None).conversation().ask(told)  # was "A lapidary, to re-polish the scratched surface"
    who = answer.reply.split("**Who to see**: ")[1]
    assert who.startswith("A jeweller who knows pearls") and see in who and "lapidary" not in who, who
    assert any("hagster.org" in note for note in answer.notes)
    sapphire = Assistant(classifier=None).conversation().ask("my sapphire is scratched").reply
    assert "**Who to see**: A lapidary, to re-polish" in sapphire  # a stone's is unchanged


def test_which_gems_are_heat_sensitive_lists_the_care_notes_gems_and_asked_of_cutting_the_dops_heat_first():
    answer = Assistant(classifier=None).conversation().ask("which gems are heat sensitive?")  # was the help
    harmed, rest = answer.reply.split("Said to resist ordinary heat")
    assert harmed.startswith("**Heat-sensitive gems**, as my care notes say") and "Opal" in harmed
    assert "Emerald" in harmed and "Ruby" not in harmed and "Diamond" not in harmed  # diamond burns at 850 °C
    assert "stable to heat in normal wear: Ruby, Sapphire" in rest
    assert "gia.edu/opal-care-cleaning" in " ".join(answer.notes)
    cutting = Assistant(classifier=None).conversation().ask("which stones are heat sensitive during cutting?")
    assert cutting.reply.startswith("**At the cutter's bench**, the dop's heat: Dop wax is worked soft")
    assert "Opal, Turquoise: It is easily damaged by heat" in cutting.reply
    assert "**Heat-sensitive gems**" in cutting.reply
    assert "wikipedia.org/wiki/Dopping_cement" in " ".join(cutting.notes)


@pytest.mark.parametrize(
    ("question", "start"),
    [
        ("what stones can't take steam?", "Never in a steam cleaner: Emerald"),
        ("what stones cant take steam?", "Never in a steam cleaner: Emerald"),  # was the safe list first
        ("which stones should never go in an ultrasonic?", "Never in an ultrasonic cleaner: Emerald"),
        ("which gems fade in sunlight?", "**Fading in light**"),
        ("what stones must be removed before soldering?", "At the bench, jeweller's torch: Bench jewellers'"),
    ],
)
def test_a_care_question_of_stones_at_large_is_answered_of_all_of_them_with_a_stone_in_hand_too(question, start):
    from gemlang.fusion import EvidenceModel

    chat = Assistant(None, evidence=EvidenceModel(["Ruby", "Spinel"])).conversation()
    chat.image_probs = np.array([0.95, 0.05])  # a photo answered Ruby
    chat.ask("what gem is this?")
    # was the ruby's own care, "**Caring for Ruby**: Cleaning — ultrasonic cleaner: usually safe; …"
    assert chat.ask(question).reply.startswith(start)
    assert Assistant(classifier=None).conversation().ask(question).reply.startswith(start)  # and with none


@pytest.mark.parametrize(
    ("question", "start"),
    [
        ("can I size a ring with an emerald in it?", "**Caring for Emerald**: At the bench, jeweller's torch: Emerald"),
        ("is it safe to heat a ring with a peridot?", "**Caring for Peridot**: In heat: Rapid or uneven heat"),
        ("can you size my opal ring down?", "**Caring for Opal**: At the bench, jeweller's torch: Opal comes out"),
    ],
)
def test_sizing_or_heating_the_ring_a_stone_is_set_in_is_torch_work(question, start):
    # were the bare Emerald card, and "My sources list no treatment of Peridot" (heating taken for a treatment);
    # peridot's own heat warning comes before the torch notes for all stones
    reply = Assistant(classifier=None).conversation().ask(question).reply
    assert reply.startswith(start) and "At the bench, jeweller's torch:" in reply


def test_the_jewellers_pickle_is_answered_from_its_bench_notes_with_the_gems_own_acid_notes():
    assistant = Assistant(classifier=None)
    # was "**Care depends on the gem**: … no ultrasonic or steam cleaner, no heat, chemicals …", no word on pickle
    pickle = assistant.conversation().ask("what does pickle do to gemstones?")
    assert "At the bench, pickling: Pickle is a warm, mild acid bath" in pickle.reply
    assert any("sodium bisulfate" in n for n in pickle.notes)
    pearls = assistant.conversation().ask("will pickle hurt pearls?").reply  # was the pearl's acid notes alone
    assert pearls.startswith("**Caring for Pearl**: In acid: Damaged by") and "At the bench, pickling:" in pearls
    turquoise = assistant.conversation().ask("is pickling safe for turquoise?").reply
    assert turquoise.startswith("**Caring for Turquoise**: In acid:") and "At the bench, pickling:" in turquoise


def test_the_pickle_note_says_a_set_piece_cools_first_from_a_jewellers_and_the_igss_pages():
    pickle = Assistant(classifier=None).conversation().ask("can I put my ring in the pickle with the stones in?")
    # was the pickle's strength and the stones to keep out, on a question-and-answer site's word alone
    assert "left to cool after soldering before it goes into the pickle, never quenched hot" in pickle.reply
    assert any("gemsociety.org/article/pickle" in n and "orchid.ganoksin.com" in n for n in pickle.notes)


@pytest.mark.parametrize(
    "text",
    ["can I put my ring in the pickle with the stones in?", "is pickling safe for set stones?", "what does pickle do?"],
)
def test_the_pickle_note_names_the_stones_acid_harms_from_a_gem_houses_workshop_notes(text):
    pickle = Assistant(classifier=None).conversation().ask(text)
    # was "a hard stone of decent quality usually comes through it …" on a content farm's copy of a forum answer
    assert "organic gems such as pearl, amber, coral and jet may be damaged in it, and peridot can be etched" in (
        pickle.reply
    )
    assert any("hamidbros.com.au" in n for n in pickle.notes) and not any("verylovebeauty" in n for n in pickle.notes)


def test_which_gems_a_cleaner_may_take_names_those_usually_safe_in_it_before_those_never():
    assistant = Assistant(classifier=None)
    can = assistant.conversation().ask("which gems can go in the ultrasonic?").reply  # was the never list alone
    assert can.startswith("Usually safe in an ultrasonic cleaner when untreated: Diamond, Ruby, Sapphire")
    assert "Never in an ultrasonic cleaner: Emerald" in can and "Opal" not in can.split("Never")[0]
    never = assistant.conversation().ask("which stones should never go in an ultrasonic?").reply
    assert never.startswith("Never in an ultrasonic cleaner: Emerald")
    assert assistant.conversation().ask("what stones can't take steam?").reply.startswith("Never in a steam")


@pytest.mark.parametrize(
    "question", ["how many prongs should it have?", "should it have 4 or 6 prongs?", "is a six-prong setting safer?"]
)  # were the care notes of the gem, or "Care depends on the gem"
def test_how_many_prongs_is_the_glossarys_sourced_entry_with_the_stones_toughness(question):
    from gemlang.knowledge import get_facts
    from gemlang.knowledge.care import setting_answer

    told, sources = setting_answer(question, get_facts("Ruby"))
    assert told.startswith("**Number of prongs**: Most prong (claw) settings hold the stone in four or six prongs")
    assert "Of the stone itself: Ruby" in told and any("diamondbuzz.blog" in s for s in sources)
    reply = Assistant(classifier=None).conversation().ask(question).reply
    assert reply.startswith("**Number of prongs**")


@pytest.mark.parametrize("question", ["is it prong set?", "is this stone bezel set?", "is it claw set?"])
def test_how_the_stone_in_hand_is_set_is_the_pieces_to_show(question):
    from gemlang.knowledge import get_facts
    from gemlang.knowledge.care import setting_answer

    told, _ = setting_answer(question, get_facts("Ruby"))  # was the protective setting's entry alone
    assert told.startswith("**How it is set**: the piece in hand shows it") and "**Protective setting**" in told


@pytest.mark.parametrize(
    ("question", "start"),
    [("is emerald too soft for an engagement ring?", "**Caring for Emerald**: Emerald (Mohs 7.5–8) is hard enough"),
     ("is peridot a good choice for an august birthday ring?", "**Caring for Peridot**: Peridot (Mohs 6.5) is softer"),
     ("would opal suit a men's ring?", "**Caring for Opal**: Opal (Mohs 5.5–6.5) is softer"),
     ("which gems are good for a men's ring?", "**For a ring worn every day**")],
)  # fmt: skip
def test_a_gem_weighed_for_any_kind_of_ring_is_how_it_stands_ring_wear(question, start):
    # were the gem's card ("too soft for", "a good choice for … birthday ring") or, for men's rings, the
    # "send me a photo" fallback
    assert Assistant(classifier=None).conversation().ask(question).reply.startswith(start)


def test_the_stone_in_hand_weighed_for_a_ring_is_how_it_stands_ring_wear():
    chat = Assistant(classifier=None).conversation()
    chat.ask("green, RI 1.654-1.690, SG 3.34")  # peridot in hand
    for asked in ("would this suit a men's ring?", "is this a good engagement stone?"):  # were "My facts … do not"
        assert chat.ask(asked).reply.startswith("**Caring for Peridot**: Peridot (Mohs 6.5)"), asked


@pytest.mark.parametrize(
    "text",
    ["how do I polish a ring with a stone set in it?", "can my engagement ring be polished?",
     "what's the best way to polish silver jewellery with stones?", "should I use a polishing cloth on my ring?"],
)  # fmt: skip
def test_polishing_a_stone_set_piece_is_answered_from_the_sourced_notes_on_its_metal_and_stone(text):
    answer = Assistant(classifier=None).conversation().ask(text)  # was the help text ("Send me a photo …")
    assert answer.reply.startswith("**Care depends on the gem**") and "polishing a stone-set piece" in answer.reply
    assert "dry polishing cloth" in answer.reply and "soft or porous stones" in answer.reply
    assert "work for a jeweller" in answer.reply and "rock tumbling" not in answer.reply
    assert any("melaniehay.com.au" in note for note in answer.notes)


def test_polishing_a_piece_set_with_a_named_gem_gives_what_the_notes_say_of_that_gem_first():
    opal = Assistant(classifier=None).conversation().ask("how do I polish my opal ring?").reply  # was the bare card
    assert opal.startswith("**Caring for Opal**: At the bench, polishing a stone-set piece: Tarnish dips such as")
    assert "ultrasonic cleaner: never" in opal
    sapphire = Assistant(classifier=None).conversation().ask("can I polish my sapphire ring at home?").reply
    assert sapphire.startswith("**Caring for Sapphire**: At the bench, polishing a stone-set piece: Polishing a piece")
