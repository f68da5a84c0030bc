"""Reading hardness and places from what a person types."""

from __future__ import annotations

import pytest

from gemlang.assistant import Assistant
from gemlang.hints import FILLING_SIGN, HardnessHint, Hints, parse_hardness, parse_hints


@pytest.mark.parametrize(
    "text, low, high",
    [
        ("hardness 9", 9, 9),
        ("H=7", 7, 7),
        ("H: 7.5, SG 2.65", 7.5, 7.5),
        ("Mohs hardness of 7.5", 7.5, 7.5),
        ("7.5 on the Mohs scale", 7.5, 7.5),
        ("the hardness is about 7", 6.5, 7.5),
        ("about 7", 6.5, 7.5),
        ("6-7", 6, 7),
        ("hardness 6 to 7", 6, 7),
        ("hardness between 6 and 7", 6, 7),
        ("hardness 6,5", 6.5, 6.5),
        ("hardness about 6 1/2", 6, 7),
    ],
)
def test_numbers_and_ranges_become_an_interval(text, low, high):
    h = parse_hints(text).hardness
    assert (h.low, h.high) == (low, high)


@pytest.mark.parametrize(
    "text, low, high",
    [
        ("it scratches glass", 5.5, 10),
        ("It scratches glass!", 5.5, 10),
        ("it does not scratch glass", 1, 5.5),
        ("a knife scratches it", 1, 5.5),
        ("it is scratched by a knife", 1, 5.5),
        ("a knife doesn't scratch it", 5.5, 10),
        ("it scratches quartz", 7, 10),
        ("I can scratch it with my fingernail", 1, 2.5),
        ("scratched by a copper coin", 1, 3.5),
        ("it scratches a copper coin", 3.5, 10),
        ("it scratches glass but not quartz", 5.5, 7),
        ("a nail scratches it", 1, 5.5),  # a steel nail
        ("I can scratch it with my nail", 1, 2.5),  # a fingernail
        ("you can scratch it with your nail", 1, 2.5),  # was a steel nail's 5.5
        ("I scratched it with my thumb nail", 1, 2.5),
    ],
)
def test_scratch_tests_are_inequalities_against_the_reference(text, low, high):
    h = parse_hints(text).hardness
    assert (h.low, h.high) == (low, high)
    assert "scratch" in h.said


def test_a_number_wins_over_a_scratch_test_in_the_same_message():
    h = parse_hints("hardness 8, it scratches glass").hardness
    assert (h.low, h.high) == (8, 8)


def test_contradicting_scratch_tests_are_dropped_with_a_note():
    hints = parse_hints("it scratches quartz and a knife scratches it")
    assert hints.hardness is None
    assert "contradict" in hints.notes[0]


@pytest.mark.parametrize("text", ["what gem is this?", "I found 3 of these", "hardness 12", "it is very hard", ""])
def test_text_without_a_reading_gives_no_hardness(text):
    assert parse_hints(text).hardness is None


@pytest.mark.parametrize(
    "text, countries, places",
    [
        ("found in Sri Lanka", ("Sri Lanka",), ("Sri Lanka",)),
        ("mined in ceylon", ("Sri Lanka",), ("Ceylon",)),
        ("from Mogok, Burma", ("Myanmar",), ("Mogok", "Burma")),
        ("it comes from Minas Gerais", ("Brazil",), ("Minas Gerais",)),
        ("from New Mexico", ("USA",), ("New Mexico",)),
        ("found in South Africa", ("South Africa",), ("South Africa",)),
        ("what gem is this?", (), ()),
        ("it scratches glass", (), ()),
    ],
)
def test_places_map_to_countries_of_the_knowledge_base(text, countries, places):
    hints = parse_hints(text)
    assert hints.countries == countries
    assert hints.places == places


def test_a_place_not_in_the_knowledge_base_is_still_a_country():
    assert parse_hints("I found it in Portugal").countries == ("Portugal",)


def test_newer_hints_replace_older_ones_and_keep_the_rest():
    first = parse_hints("hardness 7, found in Brazil")
    later = first.updated(parse_hints("actually hardness 9"))
    assert (later.hardness.low, later.countries) == (9, ("Brazil",))
    assert not Hints()
    assert later.describe() == ["Mohs hardness 9", "found in Brazil"]


def test_hardness_hint_describes_itself_and_rejects_impossible_readings():
    assert HardnessHint(5.5, 10, "scratches glass").describe() == "Mohs hardness above 5.5 (scratches glass)"
    assert HardnessHint(1, 2.5).describe() == "Mohs hardness below 2.5"
    with pytest.raises(ValueError):
        HardnessHint(8, 7)


@pytest.mark.parametrize(
    "text, countries",
    [
        ("not from Brazil", ()),
        ("it isn't mined in Kenya", ()),
        ("from Burma, not Thailand", ("Myanmar",)),
        ("I'm not sure, but it came from Burma", ("Myanmar",)),
    ],
)
def test_a_place_the_stone_is_not_from_is_no_evidence_and_is_said_to_be_left_out(text, countries):
    hints = parse_hints(text)
    assert hints.countries == countries
    assert any("is left out" in n for n in hints.notes) == ("not from" in text or "n't" in text or ", not" in text)


def test_a_hardness_denied_is_not_read_as_the_hardness():
    hints = parse_hints("the hardness is not 9")
    assert hints.hardness is None and any("what the hardness is not" in n for n in hints.notes)
    assert parse_hints("not sure, maybe hardness 7").hardness.low == 7


@pytest.mark.parametrize("text, said", [("a blue stone", "blue colour"), ("colourless", "colourless")])
def test_a_stated_colour_is_said_back_plainly(text, said):
    assert parse_hints(text).describe() == [said]


@pytest.mark.parametrize(
    "text, low, high",
    [
        ("hardness seven", 7, 7),
        ("hardness 7 and a half", 7.5, 7.5),
        ("it's about a 7 on mohs", 6.5, 7.5),
        ("hardness six to seven", 6, 7),
    ],
)
def test_a_hardness_in_words_is_read(text, low, high):
    h = parse_hints(text).hardness
    assert (h.low, h.high) == (low, high)


def test_number_words_without_a_hardness_are_not_a_hardness():
    assert parse_hints("ten").hardness is None and parse_hints("one of two stones").hardness is None


@pytest.mark.parametrize(
    "text",
    ["does kyanite have two hardnesses?", "are the two hardnesses far apart?", "mohs hardness: three values?"],
)
def test_a_number_word_counting_a_plural_noun_is_no_hardness(text):
    assert parse_hints(text, questions=True).hardness is None  # was Mohs 2 or 3
    assert parse_hints("hardness seven is what I got").hardness.low == 7  # "seven is": a value still


@pytest.mark.parametrize(
    "text, withdrawn",
    [("ignore the RI, I misread it", ("RI",)), ("forget the SG and drop the locality", ("SG", "locality")),
     ("please disregard my hardness", ("hardness",)), ("scrap the polariscope reading", ("optic character",)),
     ("forget all the readings", ("everything",)), ("RI 1.544, SG 2.65", ()), ("I can't ignore its colour", ()),
     ("ignore its colour", ("colour",))],
)  # fmt: skip
def test_what_a_message_takes_back(text, withdrawn):
    from gemlang.hints import withdrawn_hints

    assert withdrawn_hints(text) == withdrawn


def test_taking_a_reading_back_keeps_the_rest():
    hints = parse_hints("RI 1.762-1.770, SG 4.00, hardness 9, from Burma, red")
    kept = hints.without(("RI", "locality"))
    assert kept.readings.ri is None and kept.readings.birefringence is None  # the edges' difference goes too
    assert kept.readings.sg.low == 4.0 and kept.hardness.low == 9 and kept.colours == ("red",)
    assert not kept.countries and not kept.places and not hints.without(("everything",))


@pytest.mark.parametrize(
    "text, countries",
    [("violet, brazil law twinning", ()), ("Brazil-law twins under crossed polars", ()), ("Japan law twin", ()),
     ("from Brazil, twinned", ("Brazil",))],
)  # fmt: skip
def test_a_twin_law_named_after_a_country_is_not_where_the_stone_is_from(text, countries):
    assert parse_hints(text).countries == countries


def test_a_warm_colour_is_no_feel_of_the_stone():
    assert parse_hints("warm yellow colour, feels warm yellow light, RI 1.54").notes == ()


def test_a_moissanite_testers_result_says_what_it_separates():
    note = parse_hints("colourless, RI OTL, the moissanite tester beeps").notes[0]
    assert note.startswith("a moissanite tester's tone says the stone conducts electricity, as moissanite does")


def test_a_sign_gemlang_cannot_weigh_is_said_not_dropped_without_a_word():
    said = "I do not weigh “jardin” yet: the photo and the readings decide."
    assert parse_hints("green stone with jardin").notes == (said,)
    assert parse_hints("red stone with silk").notes == ()  # silk is weighed: it grows only in nature
    assert parse_hints("RI 1.76, SG 4.00").notes == ()


@pytest.mark.parametrize(
    "sign", ["iron bands", "felted texture", "lily pads", "2V large", "2V 85°", "large 2V", "warm to the touch",
             "feels cold", "feels cool on my lips"]
)  # fmt: skip
def test_a_bench_sign_gemlang_cannot_weigh_yet_is_said_unweighed(sign):
    assert parse_hints(f"blue stone, {sign}, RI 1.72").notes == (
        f"I do not weigh “{sign}” yet: the photo and the readings decide.",
    )


@pytest.mark.parametrize(
    "said", ["it changes colour when I turn it", "changes colors as I rotate it", "colour change from different angles"]
)
def test_a_colour_that_changes_as_the_stone_is_turned_is_no_colour_change_and_is_said_to_be_pleochroism(said):
    hints = parse_hints(said)
    assert hints.readings.observations == ()  # was "a colour change": alexandrite's, with the light
    assert hints.notes[0].startswith("a colour that changes with the direction the stone is viewed from is pleochroism")
    assert parse_hints("it changes colour when I turn the lamp on").readings.observations == ("a colour change",)


@pytest.mark.parametrize(
    "sign, seen",
    [("cobalt bands", "cobalt bands"), ("rare earth lines", "rare-earth (didymium) lines"),
     ("iron line at 450", "iron bands near 450 nm")],
)  # fmt: skip
def test_a_spectrum_the_readings_weigh_is_not_said_unweighed(sign, seen):
    hints = parse_hints(f"blue stone, {sign}, RI 1.72")
    assert hints.readings.observations == (seen,) and hints.notes == ()


def test_signs_of_a_treatment_are_said_as_treatments_not_read_as_another_gem():
    notes = parse_hints("red, RI 1.762-1.770, SG 3.95, flash effect blue/orange in fissures").notes
    assert any("lead glass in ruby" in n and "still its species" in n for n in notes)
    assert any("surface diffusion" in n for n in parse_hints("colour concentrated along facet junctions").notes)
    assert not parse_hints("a red flash of colour").notes


@pytest.mark.parametrize(
    "text",
    [
        "can I scratch it with a file to check?",
        "should I do a scratch test to check it's not glass?",
        "can I do a scratch test to confirm?",
        "is it safe to scratch test it?",
    ],
)
def test_a_question_about_making_a_scratch_test_is_no_result_and_warns_of_the_damage(text):
    hints = parse_hints(text)
    assert hints.hardness is None
    assert any("damages a cut stone" in note for note in hints.notes)


def test_a_scratch_test_reported_is_still_read():
    reported = parse_hints("I did a scratch test: it scratches quartz").hardness
    assert reported == HardnessHint(7.0, 10.0, "scratches quartz")
    assert parse_hints("a file scratches it").hardness.high == 6.5


@pytest.mark.parametrize(
    "text, scratch_question",
    [("can I test it with a knife?", True), ("can I scratch it with a file?", True), ("can I test it?", False),
     ("can I do a hot point test?", False), ("how do I test turquoise for dye?", False),
     ("can I test it against quartz?", True), ("can I test it on a piece of glass?", True),
     ("how do I test a pink sapphire?", False), ("how should I test my topaz?", False),  # the gem tested, no tool
     ("how can I test a diamond?", False)],
)  # fmt: skip
def test_only_a_question_about_scratching_gets_the_scratch_test_warning(text, scratch_question):
    from gemlang.hints import SCRATCH_QUESTION_NOTE

    hints = parse_hints(text)
    assert (SCRATCH_QUESTION_NOTE in hints.notes) == scratch_question and hints.hardness is None


def test_colour_on_an_acetone_swab_is_the_sign_of_a_dye_not_the_stones_colour():
    dyed = parse_hints("the acetone swab came away blue")
    assert dyed.colours == () and any("dyed stone or an imitation" in s for s in dyed.signs)
    assert parse_hints("the swab came away clean").signs == ()
    lamp = parse_hints("LWUV inert, SWUV chalky blue, colourless, RI 1.72 singly refractive")
    assert lamp.colours == ("colourless",) and lamp.readings.fluorescence == "inert"  # the lamp's blue is no colour


@pytest.mark.parametrize("lamp", ["short wave", "long wave"])
def test_a_lamp_named_in_two_words_is_a_uv_reading_not_the_stones_colour(lamp):
    hints = parse_hints(f"colourless, RI 1.728 SR, chalky blue under {lamp}")
    assert hints.colours == ("colourless",) and hints.readings.fluorescence == "blue"


def test_a_gem_named_after_so_or_because_is_no_scratch_test():
    hint, _ = parse_hardness("it scratches glass so it must be a diamond right?")
    assert (hint.low, hint.high, hint.said) == (5.5, 10.0, "scratches glass")  # not "scratches diamond": Mohs 10


def test_an_elliptical_clause_naming_two_objects_negates_both():
    hint, _ = parse_hardness("scratches glass but not quartz or topaz")
    assert (hint.low, hint.high) == (5.5, 7.0) and "does not scratch topaz" in hint.said


def test_flattened_bubbles_in_fractures_are_a_filling_not_a_synthetics_gas_bubbles():
    hints = parse_hints("Ruby with flattened gas bubbles in fractures and a blue flash effect, SG 4.05")
    assert "gas bubbles" not in hints.readings.observations
    assert any(sign.startswith("a blue or orange flash in fissures") for sign in hints.signs)
    assert "gas bubbles" in parse_hints("glass with gas bubbles and swirls").readings.observations


@pytest.mark.parametrize(
    "text", ["oil or resin in the fissures, is it emerald?", "emerald with oil in the fractures",
             "fissures filled with resin, SG 2.72", "oiled fissures"],
)  # fmt: skip
def test_oil_or_resin_seen_in_fissures_is_a_filling(text):
    assert FILLING_SIGN in parse_hints(text).signs


def test_flattened_bubbles_at_the_join_are_an_assembled_stone_not_a_filling():
    hints = parse_hints("I see flattened bubbles at the join")
    assert not hints.signs and "join line" in hints.notes[0]


@pytest.mark.parametrize("text", ["is there oil in the fissures?", "should I put oil in the fissures?"])
def test_oil_in_fissures_asked_is_no_sign(text):
    assert not parse_hints(text).signs


@pytest.mark.parametrize(
    "text, heated",
    [("sapphire with discoid fractures and glassy halos", True), ("ruby with snowball inclusions", True),
     ("blue sapphire, partly dissolved silk", True), ("ruby, tension halos round crystals", True),
     ("peridot with discoid fractures", False), ("sapphire with fine intact silk", False)],
)  # fmt: skip
def test_signs_of_heating_in_corundum_are_a_treatment_not_peridots_lily_pads(text, heated):
    signs = parse_hints(text).signs
    assert any(s.startswith("in ruby and sapphire, disc-like fractures") for s in signs) == heated


def test_a_jades_etched_surface_or_white_glow_is_b_jade_and_the_glow_no_fluorescence_of_the_stone():
    glow = parse_hints("jade, glows bluish-white under LWUV")
    assert any("bleached, polymer-impregnated jadeite" in s for s in glow.signs)
    assert glow.readings.fluorescence is None  # the polymer's glow: it would rank chalcedony ahead of jade
    assert parse_hints("jade bangle, acid etched surface with a honeycomb texture").signs
    assert parse_hints("sapphire, chalky blue fluorescence").readings.fluorescence == "blue"  # no jade: a reading
    assert parse_hints("can I clean jade with bleach?").signs == ()


def test_an_attempt_to_scratch_that_failed_is_not_scratched():
    for text in ("i scratched it with a knife and it didnt scratch so its a diamond right",
                 "I tried to scratch it with my knife but it did not leave a mark"):  # fmt: skip
        hint, _ = parse_hardness(text)
        assert (hint.low, hint.high, hint.said) == (5.5, 10.0, "not scratched by knife")
    assert parse_hardness("I scratched it with a knife")[0].high == 5.5


@pytest.mark.parametrize(
    "text", ["ruby with colour concentrated in the surface-reaching fractures", "black pearls, colour concentrated at "
             "drill holes", "coral bead, colour concentrated in cracks"],
)  # fmt: skip
def test_colour_gathered_in_cracks_or_drill_holes_is_dye_not_diffusion(text):
    [sign] = parse_hints(text).signs
    assert "dyed stone" in sign and "diffusion" not in sign


def test_the_colour_of_the_setting_metal_is_not_the_stones():
    from gemlang.knowledge.colours import said_colours

    assert said_colours("red centre stone set in white gold, RI 1.762-1.770") == ("red",)
    assert said_colours("a yellow gold setting, green stone") == ("green",)
    assert said_colours("a white stone with grey veins") == ("white",)  # the stone's own


def test_a_colour_said_to_be_usual_or_not_for_a_gem_is_not_the_stones():
    from gemlang.knowledge.colours import said_colours

    assert said_colours("green is not a usual colour of ruby") == ()  # was ("green",): told as the stone's colour
    assert said_colours("is blue a common colour for topaz?") == ()
    assert said_colours("it's green, not a usual colour for ruby") == ("green",)  # the stone's own


def test_the_jewellers_white_of_transparent_stones_is_colourless():
    from gemlang.knowledge.colours import said_colours

    assert said_colours("white sapphire") == said_colours("small white side stones") == ("colourless",)
    assert said_colours("white diamonds around it") == said_colours("white accent stones") == ("colourless",)
    assert said_colours("a white opal") == said_colours("white stones") == ("white",)  # an opaque white


def test_colours_of_a_flash_are_not_the_stones_colour():
    from gemlang.knowledge.colours import said_colours

    assert said_colours("flash effect in fissures, orange and blue flashes when rotated") == ()
    assert said_colours("diamond with an orange/blue flash") == ()
    # a colour said of the stone in the clause of a test's result is the stone's: only the result's is not
    assert said_colours("my blue stone goes red under a chelsea filter") == ("blue",)
    assert said_colours("green glass stays green under chelsea") == ("green",)
    assert said_colours("red under the chelsea filter") == () == said_colours("not a blue stone, red under chelsea")
    # a gem's colour named by the gem: its first listed colour; other "-coloured" words as they were
    assert said_colours("aquamarine-coloured stone") == ("blue",) and said_colours("dark-coloured stone") == ()
    assert said_colours("red stone with a blue flash") == ("red",)
    assert said_colours("blue and green") == ("blue", "green")


@pytest.mark.parametrize(
    "text, colours",
    [("red stone, RI 1.79 SR, SG 4.05, spectrum shows three bands in yellow green and blue (almandine spectrum)",
      ("red",)),
     ("red stone with absorption in the blue", ("red",)), ("a blue stone, lines in the red and a band in the yellow",
     ("blue",)), ("green stone, spectroscope: a line in the blue at 437 nm", ("green",)),
     ("blue with darker colour bands in the pavilion", ("blue",))],
)  # fmt: skip
def test_the_colours_of_absorption_bands_and_lines_are_not_the_stones(text, colours):
    assert parse_hints(text).colours == colours


def test_a_spectrum_with_no_one_gem_to_point_to_is_said_unweighed_and_one_weighed_is_not():
    [note] = parse_hints("spectroscope shows iron lines, RI 1.76").notes  # sapphire, almandine, peridot, spinel...
    assert "I do not weigh “iron lines” yet" in note
    for weighed in ("absorption bands at 505, 527 and 576 nm", "red stone, iron bands at 505, 527 and 576 nm"):
        hints = parse_hints(weighed)
        assert hints.readings.observations == ("iron bands at 505, 527 and 576 nm",) and hints.notes == ()


@pytest.mark.parametrize(
    "said, line",
    [("blue, RI 1.72 SR, cobalt absorption bands", "cobalt bands"),
     ("yellow, RI 1.63-1.64, rare earth absorption lines", "rare-earth (didymium) lines"),
     ("green, RI over the limit, SG 4.6, uranium absorption spectrum", "a 653.5 nm line")],
)  # fmt: skip
def test_a_line_weighed_by_name_is_not_also_said_unweighed_as_an_absorption_spectrum(said, line):
    hints = parse_hints(said)  # was "I do not weigh “absorption bands” yet" beside the cobalt bands weighed
    assert line in hints.readings.observations and not any("do not weigh" in n for n in hints.notes)


def test_the_colour_of_veins_or_streaks_of_another_mineral_is_not_the_stones():
    from gemlang.knowledge.colours import said_colours

    assert said_colours("some with white calcite streaks") == ()
    assert said_colours("royal blue with white veins") == ("blue",)


def test_the_colour_a_stone_is_compared_with_is_not_its_colour():
    from gemlang.knowledge.colours import said_colours

    assert said_colours("no, it's more orange than pink") == ("orange",)  # was orange and pink
    chat = Assistant(classifier=None).conversation()
    chat.ask("pink stone, RI 1.54")
    chat.ask("no, it's more orange than pink")
    assert chat.hints.colours == ("orange",)


def test_pyrite_specks_are_read_and_point_to_lapis():
    hints = parse_hints("Lapis parcel, some with white calcite streaks and pyrite flecks, SG 2.8")
    assert hints.readings.observations == ("pyrite specks",) and hints.colours == ()
    answer = (
        Assistant(classifier=None)
        .conversation()
        .ask("Lapis parcel, some with white calcite streaks and pyrite flecks, SG 2.8")
    )
    assert answer.gem == "Lapis Lazuli"


@pytest.mark.parametrize(
    "text",
    [
        "does it fluoresce?",
        "does it glow under UV?",
        "what causes the glow?",
        "would a knife scratch it?",
        "does Jaipur mean it's Indian?",
        "is it black opal then?",
        "is it pink sapphire?",
        "would it float in salt water?",
        "how hard is it",
        "where does this come from? Burma or Mozambique?",
        "Burma or Thailand?",
        "brazil or uruguay, can you tell from the photo",  # its "?" left off
    ],
)
def test_a_question_about_the_stone_is_no_observation_of_it(text):
    assert parse_hints(text).describe() == []


@pytest.mark.parametrize(
    "text",
    [
        'Is "Swiss blue topaz" treated?',
        "is “London blue” topaz heated?",
        "Would 'sky blue topaz' be irradiated?",
        "Is Swiss blue topaz treated?",
    ],
)
def test_a_trade_name_asked_about_in_quotation_marks_is_no_colour_of_the_stone(text):
    assert parse_hints(text).colours == ()
    chat = Assistant(classifier=None).conversation()
    chat.ask("purple stone, RI 1.54")
    chat.ask(text)
    assert chat.hints.colours == ("purple",)


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("what gem glows red under UV?", "red under UV"),
        ("it glows red under UV, is it ruby?", "red under UV"),
        ("is it SG 3.52?", "SG 3.52"),
        ("green stone from Sri Lanka. Does that help?", "found in Sri Lanka"),
        ("Does not scratch glass", "Mohs hardness below 5.5 (does not scratch glass)"),
    ],
)
def test_an_observation_beside_a_question_or_a_reading_in_one_is_still_read(text, read):
    assert read in parse_hints(text).describe()


@pytest.mark.parametrize(
    ("text", "read", "not_read"),
    [
        ("amber floats in salt water, but this one sank. still amber right?", "SG above 1.13", "SG below 1.13"),
        ("real amber floats in brine whereas mine sinks", "SG above 1.13", "SG below 1.13"),
        ("while glass sinks in bromoform, this one floats, RI 1.54", "SG below 2.89", "SG above 2.89"),
        ("this one sank in salt water, whereas amber floats", "SG above 1.13", "SG below 1.13"),
        ("spinel is singly refractive but mine blinks", "doubly refractive", "singly refractive"),
        (
            "emerald turns red through the Chelsea filter but this one stays green",
            "not red under the Chelsea filter",
            "red under the Chelsea filter",
        ),
    ],
)
def test_what_another_gem_does_set_against_the_stone_is_no_reading_of_it(text, read, not_read):
    said = parse_hints(text).describe()
    assert read in said and not_read not in said


def test_a_gem_named_in_the_stones_own_words_before_but_is_still_the_stone():
    assert {"red under UV", "SG 3.60"} <= set(parse_hints("ruby red under UV, but it is SG 3.6").describe())
    assert {"RI 1.762–1.770", "SG 3.60"} <= set(parse_hints("Ruby RI 1.762-1.770 but it is SG 3.6").describe())


@pytest.mark.parametrize("text", ["bought it in Thailand", "I got it from a dealer in Brazil", "bought in Sri Lanka"])
def test_where_a_stone_was_bought_is_no_locality_and_says_so(text):
    hints = parse_hints(text)
    assert not hints.countries and any("is left out: only where a stone was mined" in n for n in hints.notes)
    assert parse_hints("bought in Thailand, mined in Mozambique").countries == ("Mozambique",)
    assert parse_hints("got it in Bangkok but it's from Madagascar").countries == ("Madagascar",)
    assert not parse_hints("my aunt brought it back from Sri Lanka").countries  # where it was bought, again


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("Doesn't glow under UV", ["inert under UV"]),
        ("No reaction under LW UV", ["inert under UV"]),
        ("it isn't pleochroic", ["no pleochroism"]),
        ("it doesn't show doubling", []),
        ("Would quartz scratch it", []),
        ("bought from a shop in Bangkok, is it Burmese?", []),
        ("it has a three-phase inclusion, could it be Colombian?", ["three-phase inclusions"]),
        ("Can be scratched by a knife", ["Mohs hardness below 5.5 (scratched by knife)"]),
    ],
)
def test_a_negation_is_no_sighting_and_a_question_after_a_comma_is_no_observation(text, read):
    assert parse_hints(text).describe() == read


def test_any_followed_by_a_question_mark_asks_and_reads_nothing():
    assert not parse_hints("any fluorescence?")
    assert parse_hints("RI 1.76, any idea?").readings.ri


@pytest.mark.parametrize(
    "text", ["what's this one's hardness?", "the hardness of this one?", "one of them has a hardness?"]
)
def test_one_as_a_pronoun_near_a_hardness_is_no_mohs_1(text):
    assert parse_hints(text).hardness is None


@pytest.mark.parametrize(
    "text, colours",
    [
        ("its clear, scratches glass", ("colourless",)),
        ("clear stone, RI 1.544-1.553", ("colourless",)),
        ("its clear blue", ("blue",)),  # transparent and blue
        ("old black and white pic of my mums ring, what stone?", ()),  # the photo's lack of colour
        ("b&w photo, it was pink", ("pink",)),
    ],
)
def test_clear_is_colourless_and_a_black_and_white_photo_is_no_colour_of_the_stone(text, colours):
    from gemlang.knowledge.colours import said_colours

    assert said_colours(text) == colours


def test_what_is_said_before_a_choice_asked_is_still_said():
    from gemlang.hints import observations

    assert observations("red under UV, natural or synthetic?") == "red under UV"
    assert observations("Is it ruby, spinel or garnet?") == ""  # a choice asked, nothing said
    assert parse_hints("found in Sri Lanka, ruby or spinel?").countries
    assert observations("red under UV, natural or synthetic, can you tell") == "red under UV"
    assert parse_hints("found it in brazil or uruguay, can't remember which").countries  # no question


def test_intact_silk_is_a_sign_against_heating_and_dissolved_silk_one_of_it():
    from gemlang.assistant.gem_answers import side_answer
    from gemlang.hints import INTACT_SILK
    from gemlang.knowledge import get_facts

    assert INTACT_SILK in parse_hints("blue, intact silk").signs
    assert INTACT_SILK in parse_hints("the rutile needles look unbroken").signs
    assert INTACT_SILK not in parse_hints("partly dissolved silk").signs
    said = side_answer("heated?", get_facts("Sapphire Blue"), parse_hints("blue, intact silk").signs)
    assert "What you saw speaks against one: in ruby and sapphire, fine intact silk" in said


def test_a_join_line_says_what_an_assembled_stone_means_for_the_readings():
    notes = parse_hints("it's actually a doublet, I can see a join line at the girdle").notes
    assert any("an RI read on the table is the crown's" in n for n in notes)
    assert not any("crown's" in n for n in parse_hints("RI 1.544-1.553 SG 2.65 purple").notes)


def test_a_gems_value_set_against_the_stones_own_is_not_the_stones_reading():
    assert parse_hints("Ruby has an SG of 4.0 while mine is 3.6, red, singly refractive").readings.sg.low == 3.6
    assert parse_hints("ruby reads RI 1.76 while mine is 1.718").readings.ri.low == 1.718


def test_chelsea_filter_shorthand_is_the_filters_reaction_not_the_stones_colour():
    h = parse_hints("RI 1.577-1.583 SG 2.72, CF red")
    assert h.readings.chelsea_red is True and "red" not in h.colours
    assert parse_hints("red stone, cf. the ruby I had").readings.chelsea_red is None


def test_the_filter_a_stone_is_looked_through_is_the_chelsea_filter():
    h = parse_hints("green stone goes red through the filter, RI 1.57-1.58")
    assert h.readings.chelsea_red is True and h.colours == ("green",)
    assert parse_hints("stays green under the colour filter").readings.chelsea_red is False
    assert parse_hints("blue, seen through the polarizing filter").readings.chelsea_red is None
    assert (
        parse_hints("pinkish under CF").readings.chelsea_red is True and parse_hints("pinkish under CF").colours == ()
    )
    assert parse_hints("red thru the filter").readings.chelsea_red is True


def test_curved_lines_on_the_setting_are_no_curved_striae_in_the_stone():
    assert "curved striae" not in parse_hints("blue, curved lines on the metal of the setting").readings.observations
    assert "curved striae" in parse_hints("blue, curved colour banding").readings.observations


@pytest.mark.parametrize(
    "text",
    [
        "my notes say nephrite SG 3.34, is that right?",
        "my textbook says sapphire RI 1.762-1.770 DR 0.008, is that what you have?",
        "is it true that ruby and sapphire are both corundum with hardness 9 and SG 4.00?",
        "according to my book, topaz has SG 3.53",
        "could it be topaz instead? SG 3.53 right",
    ],
)
def test_a_value_a_source_gives_of_a_gem_or_asked_to_be_confirmed_of_one_is_no_reading(text):
    assert parse_hints(text).describe() == []


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("RI 1.76 SG 4.0, my book says ruby SG 4.00, is that right?", ["RI 1.760", "SG 4.00"]),  # the own before
        ("my notes say RI 1.76 for this stone", ["RI 1.760"]),  # the stone's own notes
        ("the seller says it is SG 3.52", ["SG 3.52"]),
        ("SG 3.53 right", ["SG 3.53"]),  # no gem it could be of
        ("my topaz reads SG 3.53 right", ["SG 3.53"]),
    ],
)
def test_the_stones_own_values_beside_or_in_a_quotation_are_still_read(text, read):
    assert parse_hints(text).describe() == read


@pytest.mark.parametrize(
    "text",
    [
        "and what else has RI near 1.54 that i could confuse it with",
        "which other gems read SG 2.65?",
        "what is 'doubling of back facets' and which stones show it most",
        "what does 'DR' mean exactly and why is spinel 0",
        "what does DR mean?",
    ],
)
def test_a_value_asked_of_other_gems_and_a_term_asked_about_are_no_reading(text):
    assert parse_hints(text).describe() == []


def test_the_stones_own_reading_before_a_value_asked_of_other_gems_is_still_read():
    assert parse_hints("RI 1.54, what else has that RI?").describe() == ["RI 1.540"]
    assert "doubly refractive" in parse_hints("shows doubling of back facets, what is it?").describe()


@pytest.mark.parametrize(
    ("text", "hues"),
    [("dichroscope shows blue and violet", "blue and violet"),
     ("trichroic: blue, violet, green", "blue, violet, green"),
     ("light blue and deep violet in the dichroscope", "light blue and deep violet"),
     ("green stone, strong blue-green/yellow-green dichroism", "blue-green/yellow-green")],
)  # fmt: skip
def test_the_dichroscopes_colours_are_said_to_be_read_as_pleochroism_only(text, hues):
    notes = parse_hints(text).notes  # were dropped without a word
    assert any(f"which colours the dichroscope shows (“{hues}”)" in n for n in notes)
    assert not any("dichroscope" in n for n in parse_hints("no pleochroism, a red and blue stone").notes)


def test_a_photo_class_named_gem_first_colour_last_is_a_gem_named_not_a_colour_said():
    from gemlang.knowledge.colours import said_colours

    # was ("blue",): "Sapphire Blue" is the class the answers name, and re-ranked a ruby photo as blue
    assert said_colours("From a photo alone I cannot tell natural Sapphire Blue from lab-grown corundum") == ()
    assert said_colours("could it be Garnet Red?") == said_colours("is it onyx black?") == ()
    assert said_colours("a blue stone, maybe Sapphire Blue") == ("blue",)  # the stone's own colour, said apart
    assert said_colours("is it a pink sapphire?") == ("pink",)  # not a class name written gem first
