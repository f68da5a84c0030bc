"""Which gem is the hardest, softest, densest, of highest RI: ranked from the knowledge base's own ranges."""

from __future__ import annotations

import pytest

from gemlang.assistant import Assistant
from gemlang.knowledge.superlatives import (
    cheapest_answer,
    cleavage_list_answer,
    colour_list_answer,
    compared_list_answer,
    fluorescence_list_answer,
    optic_list_answer,
    scale_answer,
    superlative_answer,
    value_list_answer,
)


def test_the_hardest_gem_and_the_hardest_after_diamond_come_from_the_ranges():
    assert superlative_answer("What is the hardest gem?").startswith(
        "Of the natural gems I know, **Diamond (Mohs 10)** is the hardest"
    )
    after = superlative_answer("What is the hardest gem after diamond?")
    assert "**Corundum (Ruby, " in after and "is the hardest after Diamond" in after
    assert "Moissanite would come first" in after  # man-made, and harder than corundum
    assert "**Corundum" in superlative_answer("what is the second hardest mineral?")
    assert "**Chrysoberyl" in superlative_answer("the hardest gem besides diamond and corundum?")


def test_the_gems_a_question_names_bound_the_answer_and_ties_are_said_together():
    named = superlative_answer("Which is the hardest: topaz, quartz or spinel?")
    assert named.startswith("Of Topaz, Quartz and Spinel I know, **Spinel (Mohs 8)** and **Topaz (Mohs 8)** are")
    assert "next: Quartz" in named and "Diamond" not in named
    garnet = superlative_answer("what is the hardest garnet")
    assert garnet.startswith("Of the garnet kinds I know, **Almandine") and "Diamond" not in garnet
    # the gem between "which" and the word picks among its kinds: was every gem's, diamond first
    picked = superlative_answer("which garnet is the hardest?")
    assert picked.startswith("Of the garnet kinds I know, **Almandine") and "Diamond" not in picked
    assert superlative_answer("which tourmaline has the highest RI?").startswith("Of the tourmaline kinds I know")
    # a group no gem is named after: was every gem's ranking, diamond first
    for asked in ("which feldspar is the hardest?", "what is the hardest feldspar?"):
        feldspar = superlative_answer(asked)
        assert feldspar.startswith("Of the feldspar kinds I know, **Amazonite (Mohs 6–6.5)**, **Plagioclase feldspar")
        assert "next: Sanidine (Mohs 6)." in feldspar and "Diamond" not in feldspar and "Man-made" not in feldspar
    assert superlative_answer("which pyroxene is the densest?").startswith("Of the pyroxene kinds I know, **Augite")
    assert superlative_answer("which gem is the hardest?").startswith("Of the natural gems I know, **Diamond")


def test_a_kind_is_ranked_by_its_own_range_so_never_both_the_hardest_and_the_softest():
    # grossular (tsavorite 7–7.5, grossular and hessonite 6.5–7) was placed by its first member: among the hardest
    # and among the softest garnets at once
    hardest = superlative_answer("which garnet is the hardest?")
    softest = superlative_answer("which garnet is the softest?")
    assert "Grossular" not in hardest.partition(" are the ")[0] and "Grossular" not in softest.partition(" are the ")[0]
    assert "next: Grossular (Tsavorite, Grossular, Hessonite; Mohs 6.5–7.5)" in hardest
    assert "**Andradite (Andradite, Demantoid; Mohs 6.5–7)** and **Uvarovite (Mohs 6.5–7)** are the softest" in softest
    # and a kind whose range is the same as another's ties with it: grossular and pyrope both read RI 1.730–1.760
    assert "**Grossular (Tsavorite, Grossular, Hessonite; RI 1.730–1.760)** and **Pyrope (RI 1.730–1.760)** are" in (
        superlative_answer("which garnet has the lowest RI?")
    )


def test_the_superlative_and_a_gem_alone_ranks_its_kinds_and_kinds_alike_are_named_none_first():
    # was the bare card ("**Garnet**"): a superlative with no "what" or "which" before it
    for asked in ("the hardest garnet?", "hardest garnet?"):
        garnet = Assistant(classifier=None).conversation().ask(asked).reply
        assert garnet.startswith("Of the garnet kinds I know, **Almandine (Mohs 7–7.5)**") and "Diamond" not in garnet
    assert superlative_answer("the hardest feldspar?").startswith("Of the feldspar kinds I know, **Amazonite")
    assert superlative_answer("the hardest part?") == "" and superlative_answer("the hardest to cut?") == ""
    # every tourmaline kind reads Mohs 7–7.5: was "**Dravite (Mohs 7–7.5)**, … are the softest"
    softest = Assistant(classifier=None).conversation().ask("the softest tourmaline?").reply
    assert softest == (
        "Of the tourmaline kinds I know, Dravite (Mohs 7–7.5), Elbaite (Mohs 7–7.5) and Schorl (Mohs 7–7.5) rank "
        "alike (the middle of each range is the same), so my facts name none of them the softest."
    )


def test_a_group_no_entry_describes_picks_among_its_gems_and_one_species_names_no_first():
    # "feldspar" names no gem of its own: its gems, not every gem (was diamond first)
    feldspar = superlative_answer("which feldspar is the hardest?")
    assert feldspar.startswith("Of the feldspar kinds I know, **Amazonite (Mohs 6–6.5)**") and "Diamond" not in feldspar
    assert "Sanidine (Mohs 6)" in feldspar and "Man-made" not in feldspar
    # every chalcedony is quartz, one line: none is named the hardest (was "**Quartz (…)** is the hardest")
    chalcedony = superlative_answer("which chalcedony is the hardest?")
    assert chalcedony.startswith("Of the chalcedony kinds I know, all are one species, Quartz (Bloodstone, ")
    assert chalcedony.endswith("so they name none of them the hardest.")
    assert "both are one species, Corundum" in superlative_answer("which is the hardest, ruby or sapphire?")


def test_a_collectors_stone_first_is_followed_by_the_first_met_outside_collections():
    heavy = superlative_answer("what is the heaviest gemstone?")
    assert "**Galena (SG 7.40–7.60; a collector's stone)**" in heavy
    assert "Of the gems met outside collections, " in heavy
    common = superlative_answer("Which common gem is the heaviest for its size?")
    assert "collector" not in common and "Galena" not in common  # "common": no collectors' stones
    assert "**Amber (SG 1.05–1.09)**" in superlative_answer("which gem is the lightest?")
    assert "**Opal" in superlative_answer("what gem has the lowest RI?")
    assert "dispersion 0.330" in superlative_answer("which stone has the most fire?")
    assert "birefringence 0.287" in superlative_answer("which gem has the strongest birefringence?")


def test_a_turn_of_phrase_is_no_superlative_question():
    assert superlative_answer("the hardest part is telling them apart") == ""
    assert superlative_answer("RI 1.76, SG 4.00") == ""


def test_the_chat_answers_it_instead_of_naming_the_gem_after_which():
    chat = Assistant(classifier=None).conversation()
    answer = chat.ask("What is the hardest gem after diamond?")
    assert "**Corundum" in answer.reply and not answer.candidates
    # a reading in the message is about the stone in hand: ranked as readings, not as a superlative
    assert chat.ask("RI 1.762-1.770, which is the hardest gem it could be?").candidates


def test_which_gems_have_an_optic_character_lists_natural_transparent_ones():
    from gemlang.knowledge.superlatives import optic_list_answer

    sr = optic_list_answer("Which gems are singly refractive?")
    assert sr.startswith("**Natural gems I know that are singly refractive**") and "Diamond" in sr
    assert "Pyrite" not in sr and "Quartz" not in sr  # opaque, and doubly refractive
    assert "Spinel" in sr.split(" and ")[0]  # a gem of the trade is not hidden among "and 3 more"
    negative = optic_list_answer("Which gems are uniaxial negative?")
    assert "Ruby" in negative and "Amethyst" not in negative  # quartz is uniaxial positive
    assert negative.split(": ", 1)[1].startswith("Beryl (Aquamarine")  # each species with its gems, trade first
    assert optic_list_answer("what is it?") == ""
    chat = Assistant(classifier=None).conversation()
    assert chat.ask("Which gems are singly refractive?").reply == sr


def test_which_gems_have_one_or_two_optic_axes_lists_the_uniaxial_or_biaxial_ones():
    from gemlang.knowledge.superlatives import optic_list_answer

    chat = Assistant(classifier=None).conversation()  # was the help text
    assert chat.ask("which gems have two optic axes?").reply == optic_list_answer("which gems are biaxial?")
    assert chat.ask("which gems have one optic axis?").reply == optic_list_answer("which gems are uniaxial?")


@pytest.mark.parametrize(
    ("text", "system", "member", "not_member"),
    [("Which gems are cubic?", "cubic", "Diamond", "Quartz"),
     ("which gems are in the isometric system?", "cubic", "Spinel", "Zircon"),
     ("what gems crystallise in the hexagonal system?", "hexagonal", "Beryl (Aquamarine", "Diamond"),
     ("which minerals have a monoclinic crystal system?", "monoclinic", "Moonstone", "Topaz")],
)  # fmt: skip
def test_which_gems_are_of_a_crystal_system_lists_them(text, system, member, not_member):
    said = Assistant(classifier=None).conversation().ask(text).reply  # was the how-to-begin help
    assert said.startswith(f"**Natural gems I know that are {system}**") and member in said and not_member not in said


def test_what_a_crystal_system_is_is_the_glossarys_entry():
    chat = Assistant(classifier=None).conversation()
    for text in ("What is a crystal system?", "what are the seven crystal systems?", "what does monoclinic mean?"):
        answer = chat.ask(text)  # was "I have no facts on crystal system" or the help text
        assert answer.reply.startswith("**Crystal system**: ") and "Triclinic: three axes" in answer.reply
        assert any("gemologyproject.com" in n for n in answer.notes)
    assert chat.ask("What crystal system is quartz?").reply == "**Quartz**: crystal system trigonal."


def test_which_gems_cleave_lists_those_whose_facts_give_the_cleavage_asked():
    chat = Assistant(classifier=None).conversation()  # was the help text
    perfect = chat.ask("which gems should I be careful with on the cutting wheel because of cleavage?")
    assert perfect.reply.startswith("**Natural gems I know with perfect cleavage**")
    assert all(g in perfect.reply for g in ("Diamond", "Fluorite", "Topaz", "Spodumene"))
    assert "Quartz" not in perfect.reply
    assert any("classicgems.net" in n for n in perfect.notes)  # what a perfect cleavage does, sourced
    assert chat.ask("what gems cleave easily?").reply == perfect.reply
    none = cleavage_list_answer("which gems have no cleavage?")
    assert "Corundum (Ruby" in none and "Quartz" in none and "Topaz" not in none
    blue = cleavage_list_answer("which blue gems have perfect cleavage?")
    assert "Tanzanite" in blue and "Kunzite" not in blue
    assert cleavage_list_answer("which cleaves, topaz or quartz?") == ""  # of the two named


def test_a_list_answer_has_a_line_per_species_the_gems_of_the_trade_first_and_counts_them_all():
    from gemlang.knowledge import all_gems
    from gemlang.knowledge.superlatives import LISTED, _members, _species_listed, _trade_lines

    picked = [g for g in all_gems() if g.name in ("Taaffeite", "Sapphire", "Emerald", "Ruby", "Aquamarine")]
    lines = [_members(gs) for gs in _trade_lines(reversed(picked))]
    assert len(lines) == 3 and lines[-1] == "Taaffeite"  # a collector's stone after the gems of the trade
    assert any(line.startswith("Corundum (") and "Ruby" in line and "Sapphire" in line for line in lines)
    many = _species_listed("Gems I know", lines * 10, " (why)")
    assert many.startswith(f"**Gems I know** (why) ({len(lines) * 10} species, the gems of the trade first): ")
    assert many.endswith(f" and {len(lines) * 10 - LISTED} more.")


def test_whether_a_gem_cleaves_is_its_cleavage():
    chat = Assistant(classifier=None).conversation()  # was the whole card
    assert chat.ask("does topaz cleave?").reply.startswith("**Topaz**: cleavage perfect basal")
    assert chat.ask("which cleaves, topaz or quartz?").reply.startswith(
        "**Topaz**: cleavage perfect basal {001}; **Quartz**: cleavage none"
    )  # was "My facts do not say which cleaves"


def test_is_x_the_hardest_asks_about_every_gem_not_about_x_alone():
    assert superlative_answer("is diamond the hardest gemstone?").startswith("Of the natural gems I know, **Diamond")


def test_which_gems_fluoresce_lists_the_natural_gems_whose_facts_say_so_and_reads_no_stone():
    from gemlang.assistant import Assistant

    chat = Assistant(classifier=None).conversation()
    red = chat.ask("which gems fluoresce red?").reply
    assert red.startswith("**Natural gems whose facts say they fluoresce red**") and "Ruby" in red
    assert "Almandine" not in red
    assert "Almandine" in chat.ask("which gems are inert under UV?").reply
    assert chat.ask("what fluoresces red under UV?").reply == red  # the gems unsaid
    assert "Diamond" in chat.ask("what glows blue under UV").reply  # most diamonds that glow glow blue
    for asked in ("which is fluorescent, ruby or spinel?", "which glows more, diamond or moissanite?",
                  "which gems glow in the dark?"):  # of two gems named; phosphorescence  # fmt: skip
        assert "Natural gems whose facts say" not in Assistant(classifier=None).conversation().ask(asked).reply
    assert not chat.hints  # a question, no UV reading of a stone


@pytest.mark.parametrize(
    ("question", "first", "absent"),
    [("which gems have an RI around 1.718?", "Spinel (RI 1.712–1.720)", "Corundum"),
     ("what gems have an SG above 4?", "Pyrite (SG 4.95–5.10)", "Quartz"),  # a photo class before magnetite
     ("which stones have a hardness below 3?", "Amber (Mohs 2–2.5)", "Diamond"),
     ("which gems have a hardness of 9 or more", "Diamond (Mohs 10)", "Topaz"),  # 9 itself too, not 8.5
     ("gems with SG below 2", "Amber (SG 1.05–1.09)", "Quartz"),
     ("which gems have RI > 1.7", "Diamond (RI 2.417)", "Quartz"),
     ("which gems have a hardness of at least 8", "Diamond (Mohs 10)", "Quartz"),
     ("which gems have an SG greater than or equal to 4", "Pyrite (SG 4.95–5.10)", "Quartz"),
     ("which gems have an RI between 1.54 and 1.55", "Chrysocolla (RI 1.460–1.570)", "Corundum")],
)  # fmt: skip
def test_which_gems_have_a_value_lists_the_gems_it_fits_or_lies_beyond_and_reads_no_stone(question, first, absent):
    chat = Assistant(classifier=None).conversation()
    reply = chat.ask(question).reply
    assert reply.split(": ", 1)[1].startswith(first) and absent not in reply
    assert not chat.hints and not chat.ask(question).candidates  # a question, not a reading of a stone


@pytest.mark.parametrize(
    ("question", "first", "absent"),
    [("which gems are harder than quartz?", "Diamond (Mohs 10)", "Quartz ("),  # its own species left out
     ("what gems are softer than glass?", "Amber (Mohs 2–2.5)", "Kyanite"),  # 4–7: not reliably softer
     ("which gems are harder than a knife?", "Diamond (Mohs 10)", "Fluorite"),
     ("which stones are heavier than diamond?", "Pyrite (SG 4.95–5.10)", "Quartz"),
     ("gems lighter than quartz", "Amber (SG 1.05–1.09)", "Corundum")],
)  # fmt: skip
def test_which_gems_are_harder_or_heavier_than_a_gem_lists_those_reliably_beyond_it(question, first, absent):
    chat = Assistant(classifier=None).conversation()
    listed = chat.ask(question).reply.split(": ", 1)[1]
    assert listed.startswith(first) and absent not in listed
    assert not chat.hints and not chat.ask(question).candidates  # a question, not a scratch test of a stone
    assert "a steel knife (Mohs 5.5)" in chat.ask("which gems are harder than a knife?").reply
    assert chat.ask("which gems are harder than diamond?").reply.startswith("None of the natural gems I know is")
    assert not chat.ask("is peridot harder than garnet?").reply.startswith("**Natural gems")  # two gems compared


def test_a_gem_as_a_bound_stands_for_the_middle_of_its_range_as_the_gems_listed_do_and_its_kinds_are_left_out():
    chat = Assistant(classifier=None).conversation()
    between = chat.ask("Which gems are heavier than ruby but lighter than zircon?").reply  # zircon: SG 3.90–4.73
    assert "Almandine (SG 4.05–4.30)" in between and "Spessartite (SG 4.12–4.20)" in between
    heavier = chat.ask("what stones are heavier than garnet?").reply
    assert "Corundum (" in heavier and "Almandine" not in heavier and "Garnet Red" not in heavier  # no garnet
    assert "Spinel (Mohs 8)" in chat.ask("which gems are harder than emerald?").reply  # beryl: Mohs 7.5–8


def test_where_an_ri_or_sg_lies_among_the_gems_is_answered_with_the_gems_it_fits():
    ri = scale_answer("is 1.76 high for an RI?")
    assert ri.startswith("An RI of 1.76 is high for a gem: ") and "of the natural gem species I know read lower" in ri
    assert "Corundum (Ruby, " in ri and "over the limit" in ri  # close to the refractometer's reach
    low = scale_answer("is 1.54 a low refractive index?")
    assert low.startswith("An RI of 1.54 is low for a gem") and "Quartz (" in low and "over the limit" not in low
    assert scale_answer("is an SG of 4.0 heavy?").startswith("An SG of 4.0 is high for a gem")
    assert "higher than any natural gem I know reads" in scale_answer("is an RI of 3.5 high?")
    assert scale_answer("is my ruby heavy?") == "" and scale_answer("is 4.0 high?") == ""  # no value, no quantity
    fire = scale_answer("Is a dispersion of 0.044 high?")
    assert fire.startswith("A dispersion of 0.044 is high for a gem") and "Diamond (dispersion 0.044)" in fire
    assert scale_answer("is a DR of 0.009 low?").startswith("A birefringence of 0.009 is low for a gem")
    assert scale_answer("Is a hardness of 7 hard?").startswith("A Mohs hardness of 7 is ")


def test_a_value_asked_about_is_no_reading_of_the_stone_but_readings_with_a_question_are():
    chat = Assistant(None).conversation()
    assert chat.ask("is an RI of 1.54 low?").reply.startswith("An RI of 1.54 is low") and not chat.hints
    assert chat.ask("RI 1.76, SG 4.0, is 4.0 high?").candidates and chat.hints


def test_another_value_after_a_scale_question_asks_the_same_of_it():
    chat = Assistant(None).conversation()
    chat.ask("is 1.76 high for an RI?")
    assert chat.ask("and 1.54?").reply.startswith("An RI of 1.54 is low for a gem")
    assert chat.ask("what about 2.42?").reply.startswith("An RI of 2.42 is high") and not chat.hints
    chat = Assistant(None).conversation()
    chat.ask("is an SG of 4.0 heavy?")
    assert chat.ask("and 2.6?").reply.startswith("An SG of 2.6 is low for a gem")
    chat.ask("RI 1.76")  # a reading in between: "and 1.54?" no longer asks where a value lies
    assert not chat.ask("and 1.54?").reply.startswith("An RI of 1.54")


def test_which_gems_are_pleochroic_dichroic_or_trichroic_lists_them_by_their_axes():
    chat = Assistant(classifier=None).conversation()
    trichroic = chat.ask("which gems are trichroic?").reply
    assert trichroic.startswith("**Natural gems I know that are trichroic** (biaxial") and "Iolite" in trichroic
    assert "Corundum" not in trichroic and not chat.hints  # uniaxial; and a question, no reading
    dichroic = chat.ask("which gems are dichroic?").reply
    assert "Corundum (Ruby" in dichroic and "Iolite" not in dichroic
    assert "Tourmaline" in chat.ask("which gems are strongly pleochroic?").reply


def test_the_rarest_gem_is_answered_with_what_the_facts_call_the_rarest_of_its_kind():
    from gemlang.knowledge.superlatives import rarest_answer

    said = rarest_answer("what is the rarest gem?")
    assert said.startswith("My facts hold no measure that ranks every gem by rarity"), said
    assert "Bixbite: red beryl, the rarest member of the beryl family" in said and "Ametrine" in said
    assert rarest_answer("which beryl is the rarest?").count(": ") == 2  # the opening, then Bixbite alone
    assert rarest_answer("what is the rarest birthstone?") == ""  # the birthstone list answers that
    assert rarest_answer("what is the hardest gem?") == ""


def test_the_rarest_of_a_form_of_a_mineral_is_of_the_gems_of_that_form_not_of_every_kind_of_the_mineral():
    from gemlang.knowledge.superlatives import rarest_answer

    chalcedony = rarest_answer("which chalcedony is rarest?")  # ametrine, a quartz but no chalcedony, was named
    assert "Chrysoprase: regarded as the rarest" in chalcedony and "Ametrine" not in chalcedony
    assert "Ametrine" in rarest_answer("which quartz is rarest?")  # every quartz, chalcedony too
    assert "Chrysoprase" in rarest_answer("which quartz is rarest?")


def test_the_rarest_asked_of_which_one_with_a_stone_in_hand_is_of_that_stone_not_of_every_gem():
    chat = Assistant(classifier=None).conversation()
    chat.ask("RI 1.762-1.770, SG 4.00, red")
    said = chat.ask("which one is the rarest?").reply  # was every gem's "rarest" sentence, the stone's answer gone
    assert "rarest of their kind" not in said and said.startswith("My facts on Corundum do not answer that")
    alone = Assistant(classifier=None).conversation().ask("which one is the rarest?").reply  # nothing in hand
    assert alone.startswith("My facts hold no measure that ranks every gem by rarity")


def test_the_rarest_gem_asked_in_a_colour_is_of_the_gems_listed_in_it():
    from gemlang.knowledge.superlatives import rarest_answer

    # was every gem's "rarest" sentence, ametrine's and red beryl's among the green
    green = rarest_answer("which green gems are the rarest?")
    assert green.startswith("My facts hold no measure that ranks every gem by rarity, but of the gems listed in green")
    assert "Chrysoprase" in green and "Bixbite" not in green and "Ametrine" not in green
    assert "Bixbite: red beryl" in rarest_answer("what is the rarest red gem?")
    assert "Diamond: blue diamonds" in rarest_answer("rarest blue gem")  # was not read as asked
    # a gem's sentence about another of its colours is not of the one asked (each was "Diamond: blue diamonds …")
    assert "Diamond" not in rarest_answer("what is the rarest yellow gem?")
    assert rarest_answer("which white gems are the rarest?").endswith("they call none the rarest.")
    # a blend (was "A colour alone (blue and green) fits too many gems to rank them")
    assert rarest_answer("which blue-green gems are the rarest?") == (
        "My facts hold no measure that ranks every gem by rarity, and of the gems listed in blue-green they call none "
        "the rarest."
    )


def test_a_colour_asked_ranks_only_the_gems_listed_in_it():
    blue = superlative_answer("what is the hardest blue gem?")
    assert blue.startswith("Of the natural gems I know in blue, **Diamond (Mohs 10)** is the hardest")
    assert "Corundum (Sapphire Blue" in blue and "Ruby" not in blue and "Chrysoberyl" not in blue
    assert "its facts give the cause: boron, which makes it blue" in blue  # not a diamond's usual colour
    green = superlative_answer("what is the hardest green gem?")
    assert "**Diamond" not in green and "in green, **Sapphire (Mohs 9)** is the hardest" in green
    assert "in green, **Scheelite" in superlative_answer("the densest green gem")  # "the densest gem" as well
    assert "in red, **Cuprite (RI 2.848" in superlative_answer("what is the most brilliant red gem?")
    assert "most brilliance" in superlative_answer("what is the most brilliant red gem?")


def test_a_list_narrowed_by_colour_holds_only_the_gems_listed_in_it():
    harder = compared_list_answer("which red gems are harder than 8?")
    assert harder.startswith("**Natural red gems harder than Mohs 8** (3 species") and "Corundum (Ruby" in harder
    assert "Diamond" not in harder and "Spinel" not in harder  # not red; spinel is Mohs 8, not above
    softer = compared_list_answer("which yellow gems are softer than 6?")
    assert softer.startswith("**Natural yellow gems softer than Mohs 6**") and "Amber (Mohs 2–2.5)" in softer
    assert "Coral" not in softer  # soft, but not listed in yellow
    above = value_list_answer("which red gems have hardness above 8?")
    assert above.startswith("**Natural red gems that read above Mohs hardness 8** (3 species")
    single = optic_list_answer("which blue gems are singly refractive?")
    assert single.startswith("**Natural blue gems I know that are singly refractive**")
    assert "Spinel" in single and "Grossular" not in single and "Tsavorite" not in single
    assert compared_list_answer("which gems are heavier than 4?").startswith("**Natural gems heavier than SG 4**")


def test_gems_asked_with_a_high_or_low_value_are_ranked_by_it():
    purple = superlative_answer("a purple gem with high RI")
    assert purple.startswith("Of the natural gems I know in purple, **Garnet (RI 1.730–1.890)** is the highest")
    hard = superlative_answer("which green stones have high hardness")
    assert "in green, **Sapphire (Mohs 9)** is the hardest" in hard
    assert "**Amber (SG 1.05–1.09)** is the lightest" in superlative_answer("gems with a low SG")
    assert superlative_answer("my purple stone with high RI") == ""  # a stone in hand, ranked by its evidence
    assert superlative_answer("high RI stones").startswith("Of the natural gems I know, **Cuprite (RI 2.848;")
    assert superlative_answer("a high RI stone") == superlative_answer("my high-RI stones") == ""  # one, or in hand


@pytest.mark.parametrize(
    "text", ["how do I facet high refractive index gems?", "what is the best cut for low RI stones?",
             "best pavilion angle for low-RI material?"],
)  # fmt: skip
def test_a_high_or_low_ri_asked_of_cutting_ranks_no_gems(text):
    assert superlative_answer(text) == ""  # the angles to cut such material at (the glossary's faceting angles)
    assert superlative_answer("gems with high RI that are easy to cut?").startswith("Of the natural gems I know")


@pytest.mark.parametrize("text", ["gems with high dispersion", "gems with strong fire", "stones with a high fire"])
def test_gems_asked_with_high_dispersion_are_ranked_by_it_not_read_as_a_stones_fire(text):
    said = Assistant(classifier=None).conversation().ask(text)  # was a stone ranked on "strong fire"
    assert said.reply.startswith("Of the natural gems I know, **Rutile (dispersion 0.330)** is the highest in disp")
    assert not said.candidates
    assert Assistant(classifier=None).conversation().ask("my stone with high dispersion").candidates  # a reading


@pytest.mark.parametrize(
    "text",
    ["gems with low dispersion", "which gems have the lowest dispersion?", "least dispersion gems",
     "which gem has the least fire?", "which gemstone is least dispersive?", "stones with low fire",
     "low-dispersion gems", "which stones have little fire?"],
)  # fmt: skip
def test_gems_asked_with_low_dispersion_are_ranked_the_least_fire_first(text):
    said = Assistant(classifier=None).conversation().ask(text)  # was the help text
    assert said.reply.startswith("Of the natural gems I know, **Fluorite (dispersion 0.007)** is the lowest in disp")
    assert "next: Rhodonite (dispersion 0.010)" in said.reply and not said.candidates
    assert "Man-made" not in said.reply  # was "Gilson Opal would come first", from a stored dispersion of 0


@pytest.mark.parametrize(
    ("question", "said", "first", "absent"),
    [("which gems have less fire than diamond?", "with less fire than Diamond (dispersion 0.044)",
      "Fluorite (dispersion 0.007)", "Zircon"),  # was diamond's card
     ("which stones show more fire than sapphire?", "with more fire than Sapphire (dispersion 0.018)",
      "Andradite (Andradite, Demantoid; dispersion 0.057)", "Quartz"),
     ("which gems are less dispersive than 0.02?", "less dispersive than dispersion 0.02",
      "Fluorite (dispersion 0.007)", "Diamond"),
     ("which gems are heavier than 3.5?", "heavier than SG 3.5", "Pyrite (SG 4.95–5.10)", "Quartz")],  # was SG 3
)  # fmt: skip
def test_gems_with_more_or_less_fire_than_a_gem_or_a_value_are_listed_by_dispersion(question, said, first, absent):
    chat = Assistant(classifier=None).conversation()
    lead, listed = chat.ask(question).reply.split(": ", 1)
    assert said in lead and listed.startswith(first) and absent not in listed


def test_a_white_gem_asked_takes_in_the_colourless_ones_and_a_colour_may_follow_the_gem():
    white = superlative_answer("what is the hardest white gem")  # the jeweller's white diamond
    assert white.startswith("Of the natural gems I know in white or colourless, **Diamond (Mohs 10)**")
    assert "in blue, **Diamond (Mohs 10)**" in superlative_answer("what is the hardest gem in blue?")


def test_a_blended_colour_counts_as_its_last_hue_not_its_first():
    from gemlang.knowledge.colours import main_colour

    # "yellow-green" is a green tinged yellow, as "yellowish green" is; was yellow, the first word of an even blend
    blends = {"Yellow-green": "green", "Blue-green (rare)": "green", "Orange-red": "red", "Golden brown": "brown",
              "greenish blue": "blue", "pinkish orange": "orange", "Black with white bands": "black"}  # fmt: skip
    assert {said: main_colour(said) for said in blends} == blends
    blue = colour_list_answer("which gems are blue?")  # hiddenite's "Blue-green" and a pearl's "Blue-grey"
    assert "Hiddenite" not in blue and "Pearl" not in blue and "Aquamarine" in blue
    yellow = colour_list_answer("what yellow stones are there?")  # peridot's "Yellow-green"
    assert "Peridot" not in yellow and "Citrine" in yellow
    assert "Peridot" in colour_list_answer("list green gems")
    # taaffeite's "Blue-green (rare)" was counted blue; moissanite's "Green-grey" green
    assert "Taaffeite" not in superlative_answer("which blue gems are hardest?")
    assert "Moissanite" not in superlative_answer("hardest green gem")


def test_a_blend_asked_lists_the_gems_listed_in_a_blend_of_both_its_hues():
    # each was "A colour alone (blue and green) fits too many gems to rank them"
    blue_green = colour_list_answer("which gems are blue-green?")
    assert blue_green.startswith("**Natural blue-green gems I know** (") and "Aquamarine" in blue_green
    assert "Hiddenite" in blue_green and "Turquoise" in blue_green and "Peridot" not in blue_green
    yellow_green = colour_list_answer("list yellow-green gems")
    assert "Peridot" in yellow_green and "Aquamarine" not in yellow_green
    assert "Bloodstone" not in yellow_green  # "Dark green with red and yellow spots": no blend of the two
    assert colour_list_answer("which gems are bluish green?").startswith("**Natural bluish green gems I know**")
    assert "Morganite" in colour_list_answer("which gems are peach?")  # was the pink gems, peach read as pink
    assert colour_list_answer("which gems are blue-yellow?") == "My facts list no natural gem in blue-yellow."


def test_a_blend_asked_of_ranked_or_narrowed_gems_keeps_the_gems_listed_in_that_blend():
    # each ranked every green gem, "blue-green" read as green (or, "in blue-green", as blue)
    hardest = superlative_answer("what is the hardest blue-green gem?")
    assert hardest.startswith("Of the natural gems I know in blue-green, **Sapphire Blue (Mohs 9)**")
    assert "Chrysoberyl" not in hardest and "HPHT Diamond" not in hardest  # listed in green, not blue-green
    in_blue_green = superlative_answer("the hardest gem in blue-green")  # was blue, the first word
    assert in_blue_green == superlative_answer("which blue-green gems are hardest?")
    densest = superlative_answer("which is the densest yellow-green gem?")  # was scheelite, a plain green
    assert "in yellow-green, **Andradite" in densest and "Scheelite" not in densest
    assert "in yellow-green" in superlative_answer("most brilliant yellow-green stone")  # was not read as asked
    assert "Of the natural gems I know in green, **Sapphire" in superlative_answer("what is the hardest green gem?")
    # the lists narrowed by colour take the blend in too
    harder = compared_list_answer("which blue-green gems are harder than 7?")  # was "A colour alone …"
    assert harder.startswith("**Natural blue-green gems harder than Mohs 7**") and "Aquamarine" in harder
    glowing = fluorescence_list_answer("which blue-green gems fluoresce?")
    assert glowing.startswith("**Natural blue-green gems whose facts say they fluoresce**")


def test_gems_that_fluoresce_asked_in_a_body_colour_are_those_listed_in_it():
    red = fluorescence_list_answer("which red gems fluoresce?")  # was a ranking of a red stone "red under UV"
    assert red.startswith("**Natural red gems whose facts say they fluoresce**") and "Ruby" in red
    assert "Emerald" not in red and "Diamond" not in red
    blue = fluorescence_list_answer("which blue gems fluoresce red?")
    assert blue.startswith("**Natural blue gems whose facts say they fluoresce red**") and "Ruby" not in blue


def test_the_gems_of_a_colour_asked_alone_are_those_listed_in_it():
    blue = colour_list_answer("which gems are blue?")  # was "A colour alone (blue) fits too many gems to rank them"
    assert blue.startswith("**Natural blue gems I know** (") and "Corundum (Sapphire Blue" in blue
    assert "Ruby" not in blue and "Emerald" not in blue
    assert colour_list_answer("list green gems").startswith("**Natural green gems I know**")
    assert "Sapphire Pink" in colour_list_answer("what gems come in pink?")
    assert colour_list_answer("a blue stone") == ""  # a stone in hand
    assert colour_list_answer("which gem is red, ruby or sapphire?") == ""  # of the two named


def test_the_cheapest_gem_asked_in_a_colour_quotes_what_the_facts_call_cheap_as_they_hold_no_prices():
    chat = Assistant(classifier=None).conversation()
    said = chat.ask("what is the cheapest yellow-green stone?").reply  # was "I do not price stones …" alone
    assert said.startswith("I do not price stones, nor rank gems by price: value rests on colour")
    cheap = said.split(". ", 1)[1]
    assert cheap.startswith("Of the gems listed in yellow-green, my facts call these cheap or affordable: ")
    assert cheap.endswith(": it is clean, inexpensive and cut in large sizes.") and "Lemon" in cheap  # lemon quartz
    blue = chat.ask("which blue gem is cheapest?").reply  # was "A colour alone (blue) fits too many gems to rank them"
    assert blue.endswith("Of the gems listed in blue, my facts call none cheap or affordable.")
    goshenite = chat.ask("which beryl is the cheapest?").reply  # the one sentence of it that says the cheapest
    assert "Goshenite: found in many beryl deposits, it is perhaps the commonest and cheapest beryl" in goshenite
    assert "Goshenite: free of colouring" not in goshenite and "Chrome Diopside" not in goshenite
    assert "Of the kinds of beryl I know, my facts call these" in goshenite  # was "Of the gems I know"
    assert cheapest_answer("which sapphire is cheapest?") == ""  # was goshenite's, which names "white sapphire"
    assert "my facts call" not in chat.ask("what is the cheapest way to clean it?").reply
    assert "my facts call" not in chat.ask("which one is the cheapest?").reply  # of what is in hand or spoken of


def test_scratch_resistance_asked_is_hardness_ranked_not_a_scratch_test_of_the_stone():
    chat = Assistant(classifier=None).conversation()
    after = chat.ask("which stone is most scratch resistant after diamond?")  # was a stone that scratches diamond
    assert after.reply.startswith("Of the natural gems I know, **Corundum (Ruby, ") and not chat.hints
    assert "**Diamond (Mohs 10)** is the hardest" in chat.ask("what is the most scratch-resistant gem?").reply
    assert "are the softest" in chat.ask("which gem is the least scratch resistant?").reply
