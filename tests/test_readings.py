"""Instrument readings from what a person types: refractometer, balance, polariscope, dichroscope, UV."""

from __future__ import annotations

import pytest

from gemlang.assistant import Assistant
from gemlang.hints import parse_hints
from gemlang.readings import REFRACTOMETER_LIMIT, parse_readings


@pytest.mark.parametrize(
    "text, low, high",
    [
        ("RI 1.54", 1.54, 1.54),
        ("n = 1.762-1.770", 1.762, 1.770),
        ("refractive index 1.76 to 1.77", 1.76, 1.77),
        ("R.I. 1.544 - 1.553", 1.544, 1.553),
        ("the refractometer reads 1,718", 1.718, 1.718),
        ("ri1.544", 1.544, 1.544),
        ("refractive index approx. 1.76", 1.76, 1.76),
        ("RI c. 1.76", 1.76, 1.76),
        ("1.76 RI, 4.00 SG", 1.76, 1.76),
        ("1.76 RI and 4.00 SG", 1.76, 1.76),  # 4.00 is the SG's
        ("with a 1.72 RI", 1.72, 1.72),
        ("brown stone, 1.54-1.55 ri, sg 2.66", 1.54, 1.55),  # two edges before their label
        ("1.762 to 1.770 RI", 1.762, 1.770),
        ("RI: 1.544 & 1.553, SG 2.65", 1.544, 1.553),  # two edges joined by an ampersand
        ("RI is about 1.76 SG 4", 1.76, 1.76),
        ("RI over 1.79", 1.79, 99.0),  # above the limit, not a value of 1.79
        ("RI >1.81", 1.81, 99.0),
        ("RI 1.54 ~ 1.55", 1.54, 1.55),  # a tilde between two edges is a range
        ("RI 1.544 (approx)", 1.544, 1.544),
        ("1.76 / 1.77 RI, 4.0 SG", 1.76, 1.77),  # two edges with a slash, before their label
        ("RI 1.762 (ω), 1.770 (ε)", 1.762, 1.770),  # each edge with its index after it
        ("I get one reading of 1.718", 1.718, 1.718),  # readings named by the word alone
        ("two readings, 1.762 and 1.770", 1.762, 1.770),
        ("the readings were 1.62 and 1.64", 1.62, 1.64),
        ("one reading of 1.544 and another of 1.553", 1.544, 1.553),  # the second edge named after the first
        ("one reading of 1.76 and one of 1.77", 1.76, 1.77),
        ("one shadow edge at 1.544 and the other at 1.553", 1.544, 1.553),
    ],
)
def test_refractive_index_as_a_value_or_a_range(text, low, high):
    ri = parse_readings(text).ri
    assert (ri.low, ri.high) == pytest.approx((low, high))


def test_a_value_said_to_be_approximate_after_it_is_rough():
    assert parse_readings("RI 1.544 (approx)").describe() == ["RI about 1.544"]


def test_a_doctors_title_is_no_double_refraction():
    r = parse_readings("Dr. Smith measured RI 1.76")
    assert r.optic is None and r.ri.low == 1.76
    assert parse_readings("Dr Smith said DR, RI 1.76").optic == "anisotropic"


@pytest.mark.parametrize(
    "text, seen",
    [
        ("the moissanite tester beeps", ["conducts on a moissanite tester"]),
        ("moissanite tester says moissanite", ["conducts on a moissanite tester"]),
        ("moissanite tester says diamond", ["does not conduct on a moissanite tester"]),  # no thermal tester's
        ("passes the diamond tester, moissanite tester says diamond",
         ["passes a thermal diamond tester", "does not conduct on a moissanite tester"]),
        ("I don't have a moissanite tester", []),
    ],
)  # fmt: skip
def test_a_moissanite_testers_result_is_its_own_not_a_thermal_testers(text, seen):
    assert list(parse_readings(text).observations) == seen


@pytest.mark.parametrize("text", ["very high fire", "dispersion strong", "fire: very high", "dispersion is strong"])
def test_strong_fire_is_read_whichever_way_round_it_is_said(text):
    assert parse_readings(f"colourless, RI OTL, {text}").observations == ("strong fire (dispersion)",)


@pytest.mark.parametrize(
    "text",
    ["RI 1.718, no birefringence, SG 3.61", "RI 1.718, birefringence: none, SG 3.61", "RI 1.718, bire 0, SG 3.61",
     "RI 1.718, DR none, SG 3.61", "RI 1.718 no DR SG 3.61", "RI 1.718 (one edge only), SG 3.61"],
)  # fmt: skip
def test_no_birefringence_or_one_edge_only_is_singly_refractive_and_no_problem(text):
    r = parse_readings(text)
    assert (r.optic, r.birefringence, r.problems) == ("isotropic", None, ())


def test_two_shadow_edges_give_the_birefringence_too():
    r = parse_readings("RI 1.762-1.770")
    assert r.birefringence.low == pytest.approx(0.008)


@pytest.mark.parametrize(
    "text, low, high, said",
    [("RI 1.544-1.553", 0.009, 0.009, "birefringence 0.009"),  # edges to the third decimal: one value
     ("nα 1.762 nγ 1.770", 0.008, 0.008, "birefringence 0.008"),
     ("RI 1.62-1.64", 0.015, 0.025, "birefringence 0.015–0.025"),  # each edge ±0.005: the difference ±0.005
     ("RI 1.76, 1.77", 0.005, 0.015, "birefringence 0.005–0.015"),  # three times in four
     ("RI 1.544-1.55", 0.00325, 0.00875, "birefringence 0.003–0.009")],
)  # fmt: skip
def test_the_birefringence_of_two_edges_is_as_precise_as_the_edges_were_typed(text, low, high, said):
    r = parse_readings(text)
    assert (r.birefringence.low, r.birefringence.high) == pytest.approx((low, high), abs=1e-4)
    assert said in r.describe()


@pytest.mark.parametrize(
    "text, ri",
    [("RI 1.66-1.68 spot reading", "RI 1.660–1.680 (spot reading)"), ("spot reading 1.66-1.68", None),
     ("spot RI 1.62-1.64", None), ("RI 1.61 by distant vision", "RI 1.610 (spot reading)"),
     ("RI 1.54-1.56 spot method on the cabochon", None), ("1.62 (spot)", "RI 1.620 (spot reading)"),
     ("spot of 1.66", None), ("RI 1.66, spot, SG 3.33", "RI 1.660 (spot reading)")],
)  # fmt: skip
def test_a_spot_reading_is_one_vague_value_or_range_and_gives_no_birefringence(text, ri):
    r = parse_readings(text)
    assert r.ri is not None and r.ri.spot and not r.ri_edges and r.birefringence is None
    assert ri is None or r.describe()[0] == ri
    assert "(spot reading)" in r.describe()[0]


def test_a_spot_reading_shows_one_edge_whatever_the_stone_and_a_spot_on_it_is_no_spot_reading():
    assert parse_readings("spot reading 1.66, only one shadow edge").optic is None
    dark_spot = parse_readings("RI 1.62-1.64, a dark spot under the table")
    assert not dark_spot.ri.spot and dark_spot.birefringence is not None
    assert not parse_readings("not a spot reading: RI 1.62-1.64").ri.spot
    assert parse_readings("1.62 (spot of red)").ri is None  # a red spot beside a bare number: no RI
    assert not parse_readings("RI 1.62-1.64, spot of red").ri.spot


@pytest.mark.parametrize("text", ["RI 1.50-1.52, singly refractive", "RI 1.65-1.67, stays light", "RI 1.50-1.52, ADR"])
def test_a_range_on_a_stone_without_two_shadow_edges_gives_no_birefringence(text):
    r = parse_readings(text)
    assert r.ri is not None and r.birefringence is None


def test_a_later_singly_refractive_drops_the_birefringence_read_from_the_range():
    first = parse_readings("RI 1.50-1.52")
    assert (first.birefringence.low, first.birefringence.high) == pytest.approx((0.015, 0.025))  # 0.02, rounded
    assert first.updated(parse_readings("it stays dark in the polariscope")).birefringence is None
    assert parse_readings("SR").updated(first).birefringence is None
    assert first.updated(parse_readings("bire 0.02, singly refractive")).birefringence.low == pytest.approx(0.02)


@pytest.mark.parametrize("text, value", [("bire 0.008", 0.008), ("DR 0.009", 0.009), ("birefringence .018", 0.018)])
def test_birefringence(text, value):
    assert parse_readings(text).birefringence.low == pytest.approx(value)


@pytest.mark.parametrize(
    "text, low, high",
    [("SG 3.52", 3.52, 3.52), ("specific gravity 4.0", 4.0, 4.0), ("S.G. 2.65", 2.65, 2.65), ("sg2.65", 2.65, 2.65),
     ("it sinks in methylene iodide", 3.32, 99.0), ("it floats in bromoform", 0.0, 2.89), ("SG under 2.7", 0.0, 2.7),
     ("1.76 RI, 4.00 SG", 4.0, 4.0), ("1.76 RI and 4.00 SG", 4.0, 4.0),
     ("floats in methylene iodide, sinks in bromoform", 2.89, 3.32), ("n = 1.76, d = 4.0", 4.0, 4.0),
     ("colourless, floats in the 3.32 liquid", 0.0, 3.32), ("sank in the heavy liquid 3.32", 3.32, 99.0),
     ("it floats in saturated salt water", 0.0, 1.13), ("floats in brine", 0.0, 1.13),
     ("floats in MI, sinks in bromoform", 2.89, 3.32)],
)  # fmt: skip
def test_specific_gravity_and_heavy_liquids(text, low, high):
    sg = parse_readings(text).sg
    assert (sg.low, sg.high) == (low, high)


def test_a_stone_cannot_float_in_a_lighter_liquid_than_one_it_sinks_in():
    readings = parse_readings("floats in bromoform, sinks in methylene iodide")
    assert readings.sg is None and "re-check the liquids" in readings.problems[0]


@pytest.mark.parametrize(
    "text, optic",
    [("singly refractive", "isotropic"), ("SR", "isotropic"), ("it stays dark in the polariscope", "isotropic"),
     ("isotropic", "isotropic"), ("doubly refractive", "anisotropic"), ("it is DR", "anisotropic"),
     ("it blinks", "anisotropic"), ("uniaxial", "uniaxial"), ("biaxial", "biaxial"),
     ("snake pattern, singly refractive", "anomalous"), ("stays light in all positions", "aggregate"),
     # bench words: strain seen as bands, and the conoscope's figures
     ("polariscope shows snake-like bands", "anomalous"), ("anomalous extinction", "anomalous"),
     ("conoscope: bull's eye figure", "uniaxial"), ("interference figure shows two melatopes", "biaxial"),
     ("bull's eye cat's eye effect on a cabochon", None),  # no instrument: a look, no optic figure
     ("the dichroscope shows three colours", "biaxial")],
)  # fmt: skip
def test_optic_character_and_polariscope_words(text, optic):
    assert parse_readings(text).optic == optic


def test_uniaxial_and_biaxial_together_are_said_to_contradict_and_only_double_refraction_is_kept():
    readings = parse_readings("RI 1.718 uniaxial and biaxial")
    assert readings.optic == "anisotropic" and "uniaxial or biaxial, not both" in readings.problems[0]
    assert parse_readings("biaxial, not uniaxial").optic == "biaxial" and not parse_readings("biaxial").problems


@pytest.mark.parametrize(
    "text",
    ["single refractive, RI 1.718, SG 3.60", "single refraction", "singly-refractive", "single-refractive",
     "singly refracting", "only one reading, RI 1.76", "just one shadow edge at 1.72", "one shadow edge at 1.718",
     "a single shadow edge, RI 1.81", "spectroscope shows iron lines, only one reading",
     "I get one reading of 1.718", "a single reading at 1.72", "the shadow edge is at 1.718 and doesn't move"],
)  # fmt: skip
def test_single_refraction_in_other_words_and_one_shadow_edge_are_singly_refractive(text):
    assert parse_readings(text).optic == "isotropic"


@pytest.mark.parametrize(
    "text, optic",
    [("not single refractive", None), ("I have only one reading: SG 3.52", None),
     ("just one reading so far, SG 3.5", None), ("one shadow edge at 1.544 and a second at 1.553", None),
     ("one shadow edge stays fixed at 1.544 while the other moves to 1.553", "anisotropic"),
     ("one reading of 1.76 and one of 1.77", None), ("one reading of 1.544 and another of 1.553", None),
     ("the shadow edge at 1.544 doesn't move, the other goes to 1.553", "anisotropic")],
)  # fmt: skip
def test_one_reading_of_something_else_or_the_first_of_two_edges_is_not_single_refraction(text, optic):
    assert parse_readings(text).optic == optic


@pytest.mark.parametrize(
    "text, level",
    [("strong trichroism", "strong"), ("no pleochroism", "none"), ("weakly dichroic", "weak"),
     ("distinct pleochroism", "moderate"), ("it is pleochroic", "present"),
     ("dichroscope shows two colours, orange-red and purplish-red", "present"),
     ("the dichroscope shows two shades of blue", "present"), ("dichroscope shows blue and violet", "present"),
     ("light blue and deep violet in the dichroscope", "present"), ("the dichroscope shows only blue", None),
     ("dichroscope shows orangy pink and purplish red", "present"),  # colours tinted by another: still two
     ("the dichroscope shows bluish green and yellow", "present"), ("dichroscope: pinkish and yellowish", "present")],
)  # fmt: skip
def test_pleochroism(text, level):
    assert parse_readings(text).pleochroism == level


@pytest.mark.parametrize(
    "text, optic",
    [
        ("polariscope: dark", "isotropic"),
        ("polariscope: light", "aggregate"),
        ("polariscope: light and dark", "anisotropic"),
    ],
)
def test_the_polariscope_noted_as_a_field_gives_the_optic_character(text, optic):
    assert parse_readings(text).optic == optic


@pytest.mark.parametrize("text", ["fluorescence: none", "UV: none", "LWUV: none, RI 1.72", "it does not fluoresce"])
def test_a_glow_noted_as_none_is_inert_not_a_glow(text):
    assert parse_readings(text).fluorescence == "inert"


def test_uv_chelsea_and_loupe_observations():
    r = parse_readings("red under long-wave UV, pink through the Chelsea filter, gas bubbles")
    assert (r.fluorescence, r.chelsea_red, r.observations) == ("red", True, ("gas bubbles",))
    assert parse_readings("inert under UV").fluorescence == "inert"
    assert parse_readings("stays green under the chelsea filter").chelsea_red is False


@pytest.mark.parametrize(
    "text, red",
    [
        ("Red faceted stone, no reaction to the Chelsea filter, RI 1.718", False),  # "red" said of the stone
        ("a red stone, doesn't turn red under the Chelsea filter", False),
        ("green stone under the chelsea looks red", True),
        ("chelsea: pink", True),
        ("green stone, RI 1.57-1.58, but the Chelsea filter shows green", False),  # green seen, no red
        ("chelsea filter: green", False),
        ("the chelsea filter on a green stone", None),  # the stone's colour, no reaction said
        ("chelsea: none", False),  # no reaction noted, as a bench notes it
        ("I did not use a chelsea filter, RI 1.58", None),  # no filter, no reading
        ("no chelsea filter here, RI 1.58", None),
    ],
)
def test_the_chelsea_filter_reading_is_the_words_of_its_own_clause(text, red):
    assert parse_readings(text).chelsea_red is red


@pytest.mark.parametrize(
    "text", ["round brilliant, d = 6 mm", "D = 4.0 ct", "the table is 60%, d = 62%", "d = 6.50 mm", "d = 3.34 Å"]
)
def test_a_d_that_is_a_size_a_weight_or_a_depth_is_no_density(text):
    assert parse_readings(text).sg is None and not parse_readings(text).problems


def test_a_refractive_index_without_its_leading_one_is_asked_about_not_used():
    readings = parse_readings("RI .544-.553")
    assert readings.ri is None and "did you mean 1.544–1.553 (its leading 1 left out)?" in readings.problems[0]
    assert "did you mean 1.544 (its leading 1 left out)?" in parse_readings("RI 0.544").problems[0]


def test_a_glow_under_the_chelsea_filter_is_no_uv_reading_and_long_wave_wins_over_short_wave():
    assert parse_readings("red stone, SG 3.60, glows red under the Chelsea filter").fluorescence is None
    assert parse_readings("red under UV and red under the chelsea filter").fluorescence == "red"
    assert parse_readings("the stone shows strong red under LW, inert under SW").fluorescence == "red"
    assert parse_readings("inert LW, weak red SW").fluorescence == "inert"


@pytest.mark.parametrize(
    "text, level",
    [("dichroism: none", "none"), ("pleochroism: nil", "none"), ("dichroism: strong", "strong"),
     ("pleochroism is weak", "weak"), ("pleo weak", "weak"), ("pleochroism strong, SG 3.1", "strong")],
)  # fmt: skip
def test_pleochroism_written_as_a_field_and_its_value(text, level):
    assert parse_readings(text).pleochroism == level


def test_hessonites_treacle_like_swirls_are_its_texture_not_the_swirl_marks_of_glass():
    assert parse_readings("orange stone, treacle-like swirls").observations == ("a treacly (heat-wave) texture",)
    assert parse_readings("swirl marks and gas bubbles").observations == ("gas bubbles", "swirl marks")


@pytest.mark.parametrize(
    "text, word",
    [("RI 3.5", "refractive index"), ("SG 25", "specific gravity"), ("Mohs 11", "Mohs scale"),
     ("hardness 0.5", "Mohs scale"), ("bire 0.9", "birefringence"), ("1.54", "no unit")],
)  # fmt: skip
def test_impossible_or_ambiguous_readings_are_said_in_one_line_and_never_used(text, word):
    hints = parse_hints(text)
    assert not hints and hints.hardness is None
    assert len(hints.notes) == 1 and word in hints.notes[0] and "\n" not in hints.notes[0]


@pytest.mark.parametrize(
    "text, meant",
    [("RI 17.62 SG 4", "1.762"), ("RI 176", "1.76"), ("RI 0.1762", "1.762"), ("RI 17.62-17.70", "1.762–1.770"),
     ("SG 352", "3.52")],
)  # fmt: skip
def test_a_number_with_its_decimal_point_misplaced_is_asked_about_not_guessed(text, meant):
    hints = parse_hints(text)
    quantity = "refractive index" if text.startswith("RI") else "specific gravity"
    assert hints.readings.ri is None and (hints.readings.sg is None or text == "RI 17.62 SG 4")
    [note] = hints.notes
    assert f"is not a {quantity} a gem has" in note and f"did you mean {meant} (a decimal point in the wrong" in note
    assert "I did not use it" in note and "\n" not in note
    for nothing_near in ("RI 3.5", "SG -1", "SG over 30", "bire 8"):  # no value a point moved makes: no question
        assert "did you mean" not in parse_hints(nothing_near).notes[0]


def test_an_ri_and_sg_typed_the_other_way_round_are_asked_about_and_neither_used():
    hints = parse_hints("SG 1.76, RI 4.00, red")
    assert hints.readings.ri is None and hints.readings.sg is None and hints.colours == ("red",)
    assert len(hints.notes) == 1 and "were they swapped (RI 1.76, SG 4.00)?" in hints.notes[0]
    assert parse_hints("RI 4.00, SG 3.5").readings.sg.low == 3.5  # an SG no refractometer reads: no swap
    garbled = parse_hints("SG 1.76, RI 4.00, bire 0.9")  # a note on another reading stays
    assert any("swapped" in n for n in garbled.notes) and any("bire 0.9" in n for n in garbled.notes)


def test_a_message_of_readings_reads_everything_and_later_readings_replace_earlier_ones():
    hints = parse_hints("RI 1.762-1.770, SG 4.00, uniaxial, strong dichroism, found in Sri Lanka, hardness 9")
    assert hints.describe() == [
        "RI 1.762–1.770", "birefringence 0.008", "SG 4.00", "doubly refractive, uniaxial", "strong pleochroism",
        "Mohs hardness 9", "found in Sri Lanka",
    ]  # fmt: skip
    later = hints.updated(parse_hints("SG 3.99"))
    assert later.readings.sg.low == 3.99 and later.readings.ri.low == 1.762


@pytest.mark.parametrize("text", ["what gem is this?", "I found 3 of these", "it is very hard", "found in Brazil"])
def test_text_without_a_reading_gives_no_reading(text):
    assert not parse_readings(text)


@pytest.mark.parametrize(
    "text, low, high",
    [
        ("RI 1.76, 1.77", 1.76, 1.77),  # two shadow edges listed
        ("refractive idex 1.762", 1.762, 1.762),
    ],
)
def test_listed_edges_and_a_misspelt_keyword_still_read(text, low, high):
    ri = parse_readings(text).ri
    assert (ri.low, ri.high) == pytest.approx((low, high))
    assert parse_readings("RI 1.54, 2.65 SG").ri.high == pytest.approx(1.54)  # not an RI of 1.54-2.65


@pytest.mark.parametrize(
    "text, low, high",
    [
        ("floats in 3.52 liquid, sinks in 3.32", 3.32, 3.52),
        ("sinks in Clerici 4.0", 4.0, 99.0),  # Clerici solution diluted to 4.0
        ("2.000 ct in air, 1.496 ct in water", 3.97, 3.97),  # hydrostatic weighing: 2.000 / 0.504
    ],
)
def test_stated_liquid_densities_and_hydrostatic_weights_give_the_sg(text, low, high):
    sg = parse_readings(text).sg
    assert (sg.low, sg.high) == pytest.approx((low, high))


def test_words_that_look_alike_are_not_read_as_their_opposite():
    assert parse_readings("anisotropic, RI 1.544-1.553").optic == "anisotropic"  # not "isotropic"
    assert "gritty on the teeth" not in parse_readings("smooth tooth test").observations
    assert parse_readings("fluoresces blue under LW, yellow stone").fluorescence == "blue"
    assert parse_hints("green stone, strong blue-green/yellow-green dichroism").colours == ("green",)


@pytest.mark.parametrize("text", ["RI 1.7l8", "1.54 2.65", "3.2 g in air, 3.5 g in water"])
def test_a_garbled_number_unitless_numbers_or_impossible_weights_are_asked_about_not_read(text):
    r = parse_readings(text)
    assert r.problems and r.ri is None and r.sg is None


def test_a_birefringence_the_two_ri_edges_contradict_is_said_and_the_edges_are_used():
    r = parse_readings("RI 1.544-1.553, birefringence 0.2")
    assert r.birefringence.high == pytest.approx(0.009) and "re-check the birefringence" in r.problems[0]
    assert not parse_readings("RI 1.762-1.770, DR 0.008").problems


@pytest.mark.parametrize(
    "text, problem",
    [
        ("SG -1", "not a specific gravity"),
        ("RI -1.54", "not a refractive index"),
        ("hardness -3, RI 1.5 - 1.6", "off the Mohs scale"),
        ("SG NaN", "gives no number"),
        ("sg heavy", "gives no number"),
    ],
)
def test_a_negative_or_missing_number_is_said_not_read_as_another_value(text, problem):
    hints = parse_hints(text)
    assert any(problem in n for n in hints.notes) and hints.readings.sg is None
    assert hints.hardness is None  # "hardness -3, RI 1.5 - 1.6" is not a hardness of 1.5-1.6


def test_a_hardness_is_read_only_from_its_own_clause():
    assert parse_hints("hardness hard, SG 1.10").hardness is None
    assert (parse_hints("hardness 7 SG 2.65").hardness.low, parse_hints("hardness 7 SG 2.65").readings.sg.low) == (
        7,
        2.65,
    )


@pytest.mark.parametrize("text", ["nα 1.762 nγ 1.770", "no=1.770 ne=1.762", "n alpha 1.762, n gamma 1.770"])
def test_principal_indices_as_a_mineralogist_notes_them_are_the_two_edges(text):
    ri = parse_readings(text).ri
    assert (ri.low, ri.high) == pytest.approx((1.762, 1.770))


def test_an_ri_below_any_gem_is_asked_about():
    assert parse_readings("RI 1.3").problems and parse_readings("RI 1.3").ri is None  # 1.33 is water


def test_a_weighing_written_weight_first_gives_the_sg_too():
    assert parse_readings("weight in air 2.000 ct, in water 1.496 ct").sg.low == pytest.approx(3.97)


@pytest.mark.parametrize(
    "text",
    ["weighed 1.20 g, in water 0.75 g", "it weighs 1.20 g, 0.75 g in water", "weighed 1.20 g and 0.75 g in water"],
)
def test_a_weighing_that_names_only_the_water_gives_the_sg_with_its_arithmetic(text):
    readings = parse_readings(text)
    assert readings.sg.low == pytest.approx(2.67)  # the first weight is the one in air
    assert readings.problems == (
        "SG = weight in air / (weight in air − weight in water) = 1.20 / (1.20 − 0.75) = 2.67.",
    )


@pytest.mark.parametrize(
    "text", ["hydrostatic: air 2.000 ct, water 1.496 ct", "air = 2.000, water = 1.496", "2.000ct air 1.496ct water"]
)
def test_a_weighing_noted_medium_first_gives_the_sg_not_the_weight_in_air(text):
    assert parse_readings(text).sg.low == pytest.approx(3.97)
    assert parse_readings("1.5 air bubbles, SG 2.65 in water").sg.low == 2.65  # bubbles of air are no weighing


def test_trichroism_says_the_stone_is_biaxial_unless_an_optic_character_is_given():
    assert parse_readings("strong trichroism").optic == "biaxial"
    assert parse_readings("uniaxial, strong trichroism").optic == "uniaxial"  # what the person saw stands
    assert parse_readings("strong dichroism").optic is None and parse_readings("no trichroism").optic is None


@pytest.mark.parametrize(
    "text", ["trichroic: blue, violet and green", "three colours in the dichroscope",
             "the dichroscope shows blue, violet and green", "blue/violet/green in the dichroscope",
             "the dichroscope shows bluish green, yellow and purplish red"],
)  # fmt: skip
def test_three_colours_in_the_dichroscope_are_strong_pleochroism_of_a_biaxial_stone(text):
    readings = parse_readings(text)  # was "pleochroic" only, and the named three not biaxial
    assert readings.pleochroism == "strong" and readings.optic == "biaxial"


def test_three_colours_keep_a_strength_said_and_two_colours_stay_two():
    assert parse_readings("weak trichroism").pleochroism == "weak"
    assert parse_readings("dichroscope shows blue and green").optic is None
    assert parse_readings("a blue, violet and green stone").pleochroism is None  # colours, no dichroscope


def test_doubling_seen_with_a_loupe_says_doubly_refractive():
    assert parse_readings("strong doubling of the back facets").optic == "anisotropic"
    assert parse_readings("no doubling").optic is None


@pytest.mark.parametrize(
    "text, low",
    [("refractiv index 1.54", 1.54), ("refactive index 1.762-1.770", 1.762), ("index of refraction 1.544", 1.544),
     ("refractive indx 1.76-1.77", 1.76)],
)  # fmt: skip
def test_a_refractive_index_typed_in_a_hurry_is_still_read(text, low):
    assert parse_readings(text).ri.low == low


@pytest.mark.parametrize(
    "text, value",
    [("specific gravty 4.0", 4.0), ("specfic gravity 3.52", 3.52), ("in air 2.000 ct, in H2O 1.496 ct", 3.97)],
)
def test_a_specific_gravity_typed_in_a_hurry_is_still_read(text, value):
    assert parse_readings(text).sg.low == pytest.approx(value)


def test_curved_colour_banding_and_hot_point_smells_are_read():
    assert "curved striae" in parse_readings("curved colour banding and gas bubbles").observations
    assert parse_readings("it has curved banding").observations == ("curved banding",)  # an agate's, or a melt's
    assert parse_readings("smells of carbolic acid with a hot point").observations == ("an acrid smell to a hot point",)
    assert parse_readings("hot point: coal smell").observations == ("a coal smell to a hot point",)


@pytest.mark.parametrize(
    "text",
    [
        "Rl 1.762-1.770, SG 4.00",
        "índice de refracción 1.762-1.770, densidad 4.00",
        "Brechungsindex 1.762-1.770, Dichte 4.00",
        "indice de réfraction 1.762-1.770, densité 4.00",
    ],
)
def test_readings_as_labs_abroad_or_a_slipped_key_write_them_are_read(text):
    readings = parse_readings(text)
    assert readings.ri.low == 1.762 and readings.sg.low == 4.0


@pytest.mark.parametrize(
    "text, key, low, high",
    [
        ("spot reading 1.55, green cabochon", "ri", 1.55, 1.55),
        ("just a vague shadow edge around 1.54, it's a cabochon", "ri", 1.54, 1.54),
        ("n 1.544/1.553, what is it?", "ri", 1.544, 1.553),
        ("RI 1.544 1.553 SG 2.65 purple", "ri", 1.544, 1.553),
        ("hydrostatic 2.65", "sg", 2.65, 2.65),
        ("suspends in 3.05 liquid, pink", "sg", 3.03, 3.07),
        ("it hovers in methylene iodide", "sg", 3.30, 3.34),
        ("RI 1.65-1.69 biref. 0.038 biaxial +", "birefringence", 0.038, 0.038),  # a keyword cut short with a dot
        ("bire. .008, RI 1.544", "birefringence", 0.008, 0.008),
        ("air weight 5.02 ct, water weight 3.77 ct", "sg", 4.02, 4.02),
        ("RI: 1.76/1.77 BR 0.008 U- SG 4.00", "birefringence", 0.008, 0.008),  # "BR", "B.R.": birefringence
        ("n= 1.62-1.64 B.R. 0.02 SG 3.06", "birefringence", 0.02, 0.02),
        ("RI 1.76-1.77, Bi 0.008, SG 4", "birefringence", 0.008, 0.008),
    ],
)
def test_readings_as_a_bench_notes_them_spot_edges_pairs_and_suspensions(text, key, low, high):
    reading = getattr(parse_readings(text), key)
    assert reading is not None and (reading.low, reading.high) == pytest.approx((low, high))


@pytest.mark.parametrize(
    "text, optic, sign",
    [
        ("uniaxial negative", "uniaxial", "negative"),
        ("RI 1.62 1.64 SG 3.06 pink, uniaxial -", "uniaxial", "negative"),
        ("biaxial (+)", "biaxial", "positive"),
        ("U-", "uniaxial", "negative"),
        ("optic sign: positive", "anisotropic", "positive"),
        ("biaxial, strong pleochroism", "biaxial", None),
        ("uniaxial, -0.009", "uniaxial", None),
        ("RI 1.717-1.721 DR 0.004 uni -, SG 3.61", "uniaxial", "negative"),  # as a bench notes it
        ("RI 1.667-1.680 DR 0.013 bi -, SG 3.30", "biaxial", "negative"),
        ("biax + RI 1.61", "biaxial", "positive"),
        ("RI 1.76-1.77 ADR? no, DR, uni -", "uniaxial", "negative"),  # a sign asked about and answered no
        ("bi-colour tourmaline, RI 1.62-1.64", None, None),
        ("uni neg, RI 1.55", "uniaxial", "negative"),
        ("RI 1.544-1.553, uniax +, SG 2.65", "uniaxial", "positive"),  # "uniax", "biax": a bench's shorthand
        ("uniax. neg, RI 1.57-1.58", "uniaxial", "negative"),
        ("uniax, RI 1.55", "uniaxial", None),
        ("RI = 1.762 - 1.770, DR = 0.008, U-ve", "uniaxial", "negative"),  # "-ve", "+ve": the sign
        ("RI 1.57-1.58 negative uniaxial", "uniaxial", "negative"),  # the sign first
        ("positive biaxial, RI 1.61-1.62", "biaxial", "positive"),
        ("RI 1.718 SR SG 3.60, ADR: no", "isotropic", None),  # strain answered no, beside "SR"
        ("RI 1.718 SR, no ADR", "isotropic", None),
        ("RI 1.76-1.77 uniaxial, -ve", "uniaxial", "negative"),  # "-ve" a comma after the optic word
        ("RI 1.54-1.55, DR, +ve, SG 2.65", "anisotropic", "positive"),
        ("RI 1.76-1.77 DR -ve", "anisotropic", "negative"),
        ("RI 1.76-1.77 U –, SG 4.0", "uniaxial", "negative"),  # an en dash right after the optic word
        ("RI 1.76-1.77 uniaxial –ve", "uniaxial", "negative"),
        ("RI 1.76-1.77 uniaxial – SG 4.0", "uniaxial", None),  # a dash between two readings
        ("RI: 1.61 / 1.63 SG: 3.54 B(+)", "biaxial", "positive"),  # the sign in brackets after the short form
        ("RI 1.54-1.55, U (+), SG 2.65", "uniaxial", "positive"),
        ("RI 1.544 - 1.553 (+)", "anisotropic", "positive"),  # the sign right after the two edges
        ("RI 1.62-1.64 negative", "anisotropic", "negative"),
        ("RI 1.57-1.58 -ve", "anisotropic", "negative"),
        ("RI 1.54 - 1.55 +", None, None),  # a bare plus may say "above"
        ("RI 1.57-1.58 negative reading", None, None),
    ],
)
def test_the_optic_sign_is_read_with_the_optic_character(text, optic, sign):
    r = parse_readings(text)
    assert (r.optic, r.optic_sign) == (optic, sign)
    assert ("optically " + sign in r.describe()) if sign else not any("optically" in d for d in r.describe())


def test_an_ri_no_refractometer_reads_is_used_with_a_word_about_where_it_came_from():
    r = parse_readings("RI 2.42, SG 3.52")
    assert r.ri.low == pytest.approx(2.42) and "beyond what a gem refractometer reads" in r.problems[0]
    assert parse_readings("RI 1.81").problems == () and parse_readings("RI over 1.79").problems == ()


def test_a_number_beside_over_the_limit_is_the_instruments_limit_not_the_stones_ri():
    r = parse_readings("RI 1.81 OTL, SG 3.52 hydrostatic, singly refractive, sinks in MI")
    assert (r.ri.low, r.ri.high) == (1.81, 99.0) and r.birefringence is None and r.sg.low == 3.52
    assert parse_readings("RI 1.81").ri.high == 1.81  # no "over the limit": a reading
    assert Assistant(None).conversation().ask("RI 1.81 OTL, SG 3.52, singly refractive").gem.startswith("Diamond")


@pytest.mark.parametrize(
    "said", ["RI 1.80 over the refractometer's limit", "RI beyond the limit at 1.80", "RI above the limit 1.80"]
)
def test_a_number_beside_over_the_limit_in_other_words_is_the_instruments_limit(said):
    r = parse_readings(f"{said}, SG 5.8, SR")  # was RI 1.800 exactly: a garnet, not cubic zirconia
    assert (r.ri.low, r.ri.high) == (1.80, 99.0)


def test_a_keyword_then_another_readings_number_is_not_taken_for_the_first():
    r = parse_readings("RI OTL SG 3.52 colourless")  # no comma: the 3.52 is the SG's, the RI over the limit
    assert r.ri.low == REFRACTOMETER_LIMIT and r.ri.high >= 99 and r.sg.low == 3.52 and not r.problems
    r = parse_readings("RI over the limit SG 5.8 SR")
    assert r.ri.low == REFRACTOMETER_LIMIT and r.sg.low == 5.8 and r.optic == "isotropic"


@pytest.mark.parametrize("text", ["negative reading, SG 5.2", "neg. reading, SG 5.2", "neg reading on the refr."])
def test_a_negative_reading_as_a_bench_shortens_it_is_over_the_refractometers_limit(text):
    r = parse_readings(text)
    assert r.ri.low == REFRACTOMETER_LIMIT and r.ri.high >= 99


@pytest.mark.parametrize(
    "said",
    [
        "RI over limit, SG 5.80, singly refractive",
        "the stone is over the refractometer's limit and sinks fast in methylene iodide",
        "it reads over the refractometer limit",
        "beyond the limit of the refractometer",
    ],
)
def test_over_the_limit_said_in_other_words_is_still_over_the_limit(said):
    r = parse_readings(said)
    assert r.ri.low == REFRACTOMETER_LIMIT and r.ri.high >= 99


def test_a_stone_over_the_refractometers_limit_is_not_ranked_as_a_gem_that_reads_on_it():
    answer = Assistant(None).conversation().ask("the stone is over the refractometer's limit and sinks fast in MI")
    assert not answer.gem.startswith("Corundum")  # RI 1.762-1.770 reads on the refractometer


@pytest.mark.parametrize(
    "text, expected",
    [
        ("RI is NOT 1.72, it's 1.76; SG 4.0; red", ["RI 1.760", "SG 4.00"]),
        ("RI not 1.72 but 1.76", ["RI 1.760"]),
        ("RI is not 1.72", []),  # what it is not is no reading
        ("RI is not 1.62-1.64, it is 1.72", ["RI 1.720"]),
        ("sorry, RI was 1.72 not 1.62-1.64", ["RI 1.720"]),  # and no second stone's edges in a note
        ("red, RI 1.718, inert under LWUV? no wait, it glows red", ["RI 1.718", "red under UV"]),
        ("SG 3.25, sorry, I meant 3.52", ["SG 3.52"]),  # the corrected number is the SG again
        ("RI 1.76 SG 3.9, no wait, 4.0", ["RI 1.760", "SG 4.00"]),
        ("fluoresces? no, inert", ["inert under UV"]),
    ],
)
def test_a_reading_corrected_in_the_same_message_is_read_as_corrected(text, expected):
    assert parse_readings(text).describe() == expected
    assert not parse_readings(text).problems


@pytest.mark.parametrize(
    "text",
    [
        "opal with a black backing, looks like three layers from the side",
        "a red plane at the girdle seen from the side in immersion",
        "black line around the girdle",
        "I see flattened bubbles at the join",
    ],
)
def test_an_assembled_stone_described_as_people_see_it_is_read_as_a_join(text):
    assert "a join line (assembled stone)" in parse_readings(text).observations


def test_a_table_and_pavilion_named_without_two_readings_are_no_join():
    assert parse_readings("nice table, pavilion shows windowing").observations == ()


@pytest.mark.parametrize(
    "text, expected",
    [
        # the principal indices by symbol: ε below ω is uniaxial negative
        (
            "ω=1.770 ε=1.762, blue",
            ["RI 1.762–1.770", "birefringence 0.008", "doubly refractive, uniaxial", "optically negative"],
        ),
        ("R.I. 1.740 (S.R.), S.G. 3.65", ["RI 1.740", "SG 3.65", "singly refractive"]),
        ("single shadow edge at 1.72 and it doesn't move when I rotate the stone", ["RI 1.720", "singly refractive"]),
    ],
)
def test_bench_notation_as_students_write_it(text, expected):
    assert parse_readings(text).describe() == expected


def test_a_singly_refractive_stone_said_to_be_pleochroic_is_flagged():
    readings = parse_readings("Singly refractive but strong pleochroism, RI 1.76")
    assert any("shows no pleochroism" in p for p in readings.problems)
    assert not parse_readings("doubly refractive, strong pleochroism").problems


@pytest.mark.parametrize("text", ["Hematine ring, SG 7.0? or 5.1?", "SG 3.52 or maybe 3.60", "RI 1.544 or 1.553?"])
def test_two_values_offered_as_alternatives_are_no_reading_and_said_so(text):
    readings = parse_readings(text)
    assert readings.sg is None and readings.ri is None
    assert len(readings.problems) == 1 and "gives two values" in readings.problems[0]
    assert "I used neither" in readings.problems[0]


def test_a_value_or_higher_is_open_and_a_range_or_list_still_reads():
    assert (parse_readings("RI 1.76 or higher").ri.low, parse_readings("RI 1.76 or higher").ri.high) == (1.76, 99.0)
    assert parse_readings("SG 3.0 or less").sg.high == 3.0 and parse_readings("SG 3.0 or less").sg.low == 0.0
    assert parse_readings("SG 3.52 or so").sg.low == 3.52
    assert (parse_readings("SG 3.5 to 3.6").sg.low, parse_readings("SG 3.5 to 3.6").sg.high) == (3.5, 3.6)


@pytest.mark.parametrize(
    "text, said",
    [("RI 1.54, SG 3.52, SR, colourless, strong doubling", "“doubling”"),
     ("RI 1.76 singly refractive, DR 0.008, red", "“DR 0.008”")],
)  # fmt: skip
def test_singly_refractive_with_a_double_refraction_seen_is_said_to_contradict(text, said):
    [problem] = parse_readings(text).problems
    assert f"“singly refractive” and {said} cannot both be right" in problem
    assert parse_readings("SR, RI 1.718").problems == ()


def test_an_sg_its_heavy_liquid_contradicts_is_said():
    [problem] = parse_readings("SG 3.52 and it floats in methylene iodide").problems
    assert "“SG 3.52” and “floats in methylene iodide” (SG below 3.32) cannot both be right" in problem
    assert parse_readings("SG 3.52, sinks in methylene iodide").problems == ()


@pytest.mark.parametrize(
    "text",
    ["I have a stone RI 1.718 SR SG 3.60 but it floats in methylene iodide", "SG 2.65, sinks in bromoform",
     "2.000 ct in air, 1.496 ct in water, it floats in bromoform"],
)  # fmt: skip
def test_an_sg_and_a_heavy_liquid_that_disagree_are_both_left_out_in_one_line(text):
    readings = parse_readings(text)
    assert readings.sg is None  # which of the two is wrong is not known: neither is used, as with two liquids
    [problem] = readings.problems
    assert "cannot both be right: I used neither; please re-check one." in problem and "\n" not in problem
    assert readings.ri is not None or "RI" not in text  # the other readings stand


def test_an_sg_a_balance_or_a_warm_liquid_may_put_just_past_the_liquid_is_no_contradiction():
    readings = parse_readings("SG 3.31, it sinks slowly in methylene iodide")
    assert readings.problems == () and readings.sg.low == 3.31


def test_a_sign_denied_with_nt_is_not_seen():
    assert parse_readings("it doesn't change colour").observations == ()
    assert parse_readings("it didnt show gas bubbles").observations == ()
    assert parse_readings("it changes colour under a lamp").observations == ("a colour change",)


def test_a_phenomenon_seen_is_an_observation_but_a_gems_name_is_not():
    assert parse_readings("it shows a six-rayed star").observations == ("a star (asterism)",)
    assert parse_readings("it has a cat's eye").observations == ("a cat's eye (chatoyancy)",)
    assert parse_readings("it shows play of colour").observations == ("play of colour",)
    assert parse_readings("cat's eye chrysoberyl, star sapphire").observations == ()  # names, not signs
    # each was "a colour change", and the kind asked about was ranked as a stone seen changing colour
    assert parse_readings("colour change sapphire, colour-change garnets").observations == ()
    assert parse_readings("it shows a colour change, sapphire?").observations == ("a colour change",)


def test_an_ri_range_beyond_the_refractometer_is_a_tables_range_not_two_shadow_edges():
    r = parse_readings("RI 2.15-2.18, SG 5.8")
    assert r.birefringence is None and not r.ri_edges
    assert parse_readings("RI 1.762-1.770").birefringence.low == pytest.approx(0.008)


@pytest.mark.parametrize(
    "text, low, high, optic, sign",
    [
        # one edge stays put, the other moves: doubly refractive, the sign which way it moves (the uniaxial
        # pattern, but a biaxial stone shows it too on some facets); both moving: biaxial
        ("one shadow edge stays fixed at 1.544 while the other moves from 1.547 to 1.553. SG 2.65", 1.544, 1.553,
         "anisotropic", "positive"),
        ("two edges, 1.762 fixed and 1.770 moving", 1.762, 1.770, "anisotropic", "positive"),
        ("the 1.770 edge stays put, the other moves down to 1.762", 1.762, 1.770, "anisotropic", "negative"),
        ("one edge constant at 1.544 and the other varies between 1.547 and 1.553", 1.544, 1.553, "anisotropic",
         "positive"),
        ("one edge constant 1.544 other goes to 1.553", 1.544, 1.553, "anisotropic", "positive"),
        ("one edge stays at 1.544, the other moves to 1.553, SG 2.65", 1.544, 1.553, "anisotropic", "positive"),
        ("one edge stays fixed at 1.544, the other moves", 1.544, 1.544, "anisotropic", None),
        ("one shadow edge moves, the other is fixed: 1.577 and 1.583", 1.577, 1.583, "anisotropic", None),
        ("both shadow edges moved: 1.634 and 1.643", 1.634, 1.643, "biaxial", None),
        ("both shadow edges move, readings 1.62 to 1.64", 1.62, 1.64, "biaxial", None),
        ("single edge stays fixed at 1.718", 1.718, 1.718, "isotropic", None),
        # the edge said to stay put is one of the two read
        ("The shadow edges read 1.762 and 1.770. The 1.770 one stays put when I rotate the stone.", 1.762, 1.770,
         "anisotropic", "negative"),
        ("RI 1.544 to 1.553, the 1.553 shadow is fixed", 1.544, 1.553, "anisotropic", "negative"),
        # the principal indices of a uniaxial stone, as a mineralogist names them
        ("Readings: ne = 1.553, no = 1.544", 1.544, 1.553, "uniaxial", "positive"),
        ("RI: omega 1.770, epsilon 1.762, SG 3.99, blue", 1.762, 1.770, "uniaxial", "negative"),
        ("nα 1.762, nγ 1.770", 1.762, 1.770, None, None),  # a biaxial stone's sign needs β
    ],
)  # fmt: skip
def test_shadow_edges_described_by_how_they_move_give_the_ri_the_optic_character_and_the_sign(
    text, low, high, optic, sign
):
    readings = parse_readings(text)
    assert (readings.ri.low, readings.ri.high) == pytest.approx((low, high))
    assert (readings.optic, readings.optic_sign) == (optic, sign) and readings.problems == ()
    if optic != "isotropic" and low < high:
        assert readings.birefringence.low == pytest.approx(high - low)
    assert parse_readings("the stone moved so I re-read it: RI 1.76, SG 4.0").optic is None
    assert parse_readings("it goes light and dark, RI 1.544").optic_sign is None


def test_cross_hatched_strain_is_anomalous_double_refraction():
    assert parse_readings("RI 1.72 SR, shows cross hatched strain").optic == "anomalous"


def test_a_spectroscope_line_is_read_with_or_without_nm():
    for said in ("437 nm", "a 437 line in the spectroscope", "437 absorption band"):
        assert parse_readings(f"green, {said}").observations == ("a 437 nm line",), said


def test_iron_cobalt_rare_earth_and_uranium_spectra_are_read_as_the_lines_they_name():
    lines = {"iron bands near 450 nm": ("iron line at 450", "a strong 450 nm band", "lines at 450, 460 and 470 nm"),
             "cobalt bands": ("cobalt spectrum", "three cobalt bands"),
             "rare-earth (didymium) lines": ("rare earth lines", "didymium spectrum"),
             "a 653.5 nm line": ("uranium lines", "a zircon spectrum")}  # fmt: skip
    for seen, phrasings in lines.items():
        for said in phrasings:
            assert parse_readings(f"blue, {said}").observations == (seen,), said


@pytest.mark.parametrize("said", ["RI 1.450", "cobalt blue", "no cobalt bands", "heated to 450 C"])
def test_a_number_near_450_or_a_cobalt_colour_is_no_spectrum(said):
    assert parse_readings(said).observations == ()


def test_chrome_lines_are_chromium_lines_as_students_call_them():
    for said in ("chrome lines in the red", "a chrome spectrum", "chromium doublet at 694 nm"):
        assert parse_readings(f"red, {said}").observations == ("chromium lines near 694 nm",), said


@pytest.mark.parametrize(
    "text, level",
    [
        ("RI 1.624-1.644 strong pleo", "strong"),
        ("pleo: weak", "weak"),
        ("pleochroism? none", "none"),
        ("pleo: none", "none"),
    ],
)
def test_pleochroism_is_read_as_a_bench_abbreviates_it(text, level):
    assert parse_readings(text).pleochroism == level


def test_a_sign_asked_about_and_answered_no_is_not_a_sighting():
    assert parse_readings("red, RI 1.762-1.770, curved striae? no. platinum platelets").observations == (
        "platinum platelets",
    )
    assert parse_readings("is it glass? no idea, RI 1.52").ri.low == pytest.approx(1.52)


def test_a_birefringence_a_quarter_off_the_two_edges_is_pointed_out():
    r = parse_readings("bire 0.25 RI 1.49-1.66 SG 2.71")
    assert r.birefringence.high == pytest.approx(0.175) and "give a birefringence of 0.170" in r.problems[0]


def test_two_refractive_indices_far_apart_are_pointed_out_and_the_first_used():
    r = parse_readings("RI 1.76-1.77 and 1.54-1.55, SG 4.0")
    assert r.ri.low == pytest.approx(1.76) and "two refractive indices far apart" in r.problems[0]
    assert parse_readings("RI 1.62-1.64, 1.63-1.65").problems == ()  # the same stone read twice


def test_two_edges_without_a_unit_beside_a_labelled_reading_are_not_dropped_in_silence():
    r = parse_readings("1.544-1.553, SG 2.65")
    assert r.ri is None and r.sg.low == pytest.approx(2.65)
    assert r.problems == ('“1.544-1.553” has no unit: if it is the refractive index, write it as "RI 1.544-1.553".',)
    assert parse_readings("SG 1.55-1.60, bire 0.01").problems == ()  # a labelled SG range


@pytest.mark.parametrize(
    "text",
    [
        "RI 1.77 on the crown, 1.52 on the pavilion",
        "the table reads 1.77 but the pavilion facets read 1.52",
        "crown RI 1.77, pavilion RI 1.52",
        "table 1.77 / pavilion 1.52",
    ],
)
def test_two_refractive_indices_on_crown_and_pavilion_say_an_assembled_stone(text):
    from gemlang.readings import TWO_MATERIALS

    r = parse_readings(text)
    assert (r.ri.low, r.ri.high) == (1.77, 1.77) and TWO_MATERIALS in r.observations
    assert any("two materials, the mark of an assembled stone" in p for p in r.problems)
    ranged = parse_readings("the crown reads RI 1.762-1.770 but the pavilion reads RI 1.52")
    assert (ranged.ri.low, ranged.ri.high) == (1.762, 1.770) and TWO_MATERIALS in ranged.observations
    one = parse_readings("RI 1.544 on the table, SG 2.65")  # one part named: one material
    assert one.ri.low == 1.544 and TWO_MATERIALS not in one.observations and not one.problems


def test_two_shadow_edges_said_with_singly_refractive_are_pointed_out():
    said = parse_readings("RI 1.762-1.770 SR SG 3.60")
    assert any("a doubly refractive stone's two shadow edges" in p for p in said.problems)
    assert not parse_readings("RI 1.50-1.52, singly refractive").problems  # a range, not two edges read
    assert not parse_readings("RI 1.718-1.720 SR").problems  # within a singly refractive stone's strain


@pytest.mark.parametrize(
    ("text", "seen"),
    [
        ("doubling? not that I can tell", ()),
        ("curved striae, no gas bubbles", ("curved striae",)),  # the denial after a sign is the next sign's
        ("I can't see any doubling", ()),
        ("the back facets look doubled", ("doubled",)),
        ("my teeth are smooth lol", ()),
        ("not gritty at all", ("smooth on the teeth",)),
        ("I got 1.762 on the crown and 1.770 on the pavilion", ()),
        ("1.77 crown; 1.52 pav", ("two RIs, crown and pavilion (assembled stone)",)),
    ],
)
def test_signs_in_other_wordings_and_their_negations(text, seen):
    r = parse_readings(text)
    found = ("doubled",) if r.birefringence is not None and r.birefringence.said == "doubling seen with a loupe" else ()
    assert found + r.observations == seen, (text, r)


def test_a_newer_result_of_the_same_test_replaces_the_older():
    first = parse_readings("it feels smooth on my teeth")
    assert first.updated(parse_readings("actually it was gritty, I was wrong")).observations == ("gritty on the teeth",)
    crown = parse_readings("I got 1.762 on the crown and 1.770 on the pavilion").ri
    assert (crown.low, crown.high) == (1.762, 1.770)  # one material: the two readings as a range


def test_a_chelsea_result_said_as_positive_or_negative_is_read():
    assert parse_readings("green stone, RI 1.57, chelsea negative").chelsea_red is False
    assert parse_readings("the chelsea filter shows nothing").chelsea_red is False
    assert parse_readings("chelsea positive").chelsea_red is True


def test_an_ri_is_no_wavelength_and_a_moving_glow_is_no_uv_reading():
    assert "iron bands at 505, 527 and 576 nm" not in parse_readings("RI 1.570-1.576").observations  # its "576"
    assert "iron bands at 505, 527 and 576 nm" in parse_readings("bands at 505, 527 and 576 nm").observations
    assert "iron bands at 505, 527 and 576 nm" in parse_readings("red, bands 504 520 573nm").observations
    assert parse_readings("the blue glow moves when i tilt it").fluorescence is None  # a moonstone's sheen
    assert parse_readings("it glows blue under LWUV when I tilt it").fluorescence == "blue"


def test_unlabelled_numbers_read_as_an_ri_only_where_the_bench_says_so():
    both = parse_readings("my reading is 1.654-1.690, birefringence 0.036")  # the edges differ by it
    assert (both.ri.low, both.ri.high) == (1.654, 1.69) and not any("no unit" in p for p in both.problems)
    assert parse_readings("SG 2.65, 1.544-1.553").ri is None  # nothing says which it is
    assert parse_readings("1.544-1.553, DR 0.020").ri is None  # the edges do not differ by it
    short = parse_readings("one of the small stones reads 1.74 SR SG 3.78")  # a refractometer's shorthand
    assert short.ri.low == 1.74 and short.optic == "isotropic" and short.sg.low == 3.78
    assert parse_readings("SG 3.52 SR").ri is None


def test_a_collectors_tests_on_rough_are_read():
    fluorite = parse_hints("Purple cubes with perfect octahedral cleavage, glassy lustre, softer than a knife")
    assert "octahedral cleavage" in fluorite.readings.observations and fluorite.hardness.high == 5.5
    carbonate = parse_readings("rhombohedral cleavage, fizzes in dilute HCl")
    assert set(carbonate.observations) == {"rhombohedral cleavage", "effervescence in acid"}
    assert parse_readings("my stone bubbles in vinegar").observations == ("effervescence in acid",)  # no glass's bubble
    assert parse_hints("it is harder than quartz").hardness.low == 7
    assert parse_hints("ruby is harder than sapphire").hardness is None  # two gems compared, no scratch test
    chat = Assistant(classifier=None).conversation()
    assert chat.ask("rhombohedral cleavage, fizzes in dilute HCl, hardness 3, pink").gem == "Rhodochrosite"
    assert (
        Assistant(classifier=None)
        .conversation()
        .ask("Purple cubes with perfect octahedral cleavage, softer than a knife")
        .gem
        == "Fluorite"
    )


def test_two_edges_before_dr_a_moving_sheen_and_readings_carried_over_are_read_as_meant():
    for text in ("1.544, 1.553 DR", "1.544-1.553 DR"):
        both = parse_readings(text)
        assert (both.ri.low, both.ri.high) == (1.544, 1.553) and both.birefringence and not both.problems
    seen = parse_readings("glows blue under longwave UV, and the sheen moves as I tilt it")
    assert seen.fluorescence == "blue" and "adularescence" in seen.observations
    chat = Assistant(classifier=None).conversation()
    chat.ask("RI 1.762-1.770, SG 4.00, red")
    carried = chat.ask("next stone: same RI, but SG 3.99").notes[0]
    assert "RI 1.762–1.770" in carried and "SG 4.00" not in carried  # the SG given anew is not said carried


@pytest.mark.parametrize(
    "text, give, shown",
    [
        ("SG 3.5", 0.05, "SG 3.50"),
        ("sg is like 3.5 ish", 0.1, "SG about 3.5"),
        ("SG about 3.52", 0.01, "SG about 3.52"),
        ("SG 3.52", 0.005, "SG 3.52"),
        ("SG ~4", 0.1, "SG about 4"),
        ("SG 4", 0.05, "SG 4.00"),
    ],
)
def test_a_value_typed_roughly_may_lie_as_far_as_its_rounding_or_a_whole_place_when_said_to_be_rough(text, give, shown):
    sg = parse_readings(text).sg
    assert sg.give == pytest.approx(give) and shown in parse_readings(text).describe()


def test_a_range_or_a_calculation_has_no_give():
    assert parse_readings("RI 1.762-1.770").ri.give == 0
    assert parse_readings("weighs 2.00 ct in air and 1.50 ct in water").sg.give == 0


@pytest.mark.parametrize(
    "text", ["RI 1,544-1,553 DR", "1,544-1,553 DR", "RI 1,544 - 1,553 DR, SG 2,65", "1,544, 1,553 DR"]
)
def test_edges_with_decimal_commas_before_dr_are_the_ri_and_the_dr_no_birefringence(text):
    read = parse_readings(text)
    assert (read.ri.low, read.ri.high) == (1.544, 1.553) and read.birefringence.low == 0.009
    assert read.optic == "anisotropic" and not read.problems  # no "“553 DR” is not a birefringence"


def test_a_decimal_comma_does_not_hide_a_number_said_before_its_label():
    assert parse_readings("RI 1.62,3.06 SG").sg.low == 3.06  # a comma after two digits separates readings
    assert parse_readings("hardness 7, 2.65 SG").sg.low == 2.65
    assert parse_readings("SG 2,65 DR").problems == ()  # not "65 DR"
    assert parse_readings("1,718 SR, SG 3,60").ri.low == 1.718


@pytest.mark.parametrize(
    "text", ["three-phase inclusions", "3-phase inclusions", "the inclusions look like three-phase"]
)
def test_three_phase_inclusions_are_read_in_either_order(text):
    assert parse_readings(text).observations == ("three-phase inclusions",)


@pytest.mark.parametrize(
    ("text", "lustre"),
    [("metallic grey stone, streak is black", "a metallic lustre"), ("it looks metallic, SG 5.0", "a metallic lustre"),
     ("RI 2.42, adamantine lustre", "an adamantine lustre"), ("the lustre is waxy", "a waxy lustre"),
     ("greasy, green, SG 2.95", "a greasy lustre"), ("resinous lustre, yellow", "a resinous lustre"),
     ("pearly lustre, white", "a pearly lustre"), ("silky lustre, blue", "a silky lustre"),
     ("glassy, RI 1.54", "a vitreous lustre"), ("vitreous lustre, red", "a vitreous lustre")],
)  # fmt: skip
def test_a_stated_lustre_is_read(text, lustre):
    assert lustre in parse_readings(text).observations


@pytest.mark.parametrize(
    "text",
    ["is it metallic? grey stone", "metallic flux inclusions, RI 1.76", "red stone with silky inclusions",
     "pearl, white, SG 2.7", "glass imitation? RI 1.52", "labradorite metallic flash, grey", "no metallic lustre",
     "black stone, greasy feel", "resinous smell to the hot point", "the setting is metallic silver, RI 1.76",
     "blue stone, the prongs look metallic"],
)  # fmt: skip
def test_a_question_an_inclusion_a_gem_a_material_or_a_feel_is_no_lustre(text):
    assert not any("lustre" in o for o in parse_readings(text).observations)


@pytest.mark.parametrize(
    "text",
    ["grey stone, non-metallic lustre", "it is not metallic", "black stone with no metallic shine",
     "it isn't metallic, SG 5", "it doesn't look metallic"],
)  # fmt: skip
def test_a_lustre_said_not_to_be_metallic_is_read_as_such_not_as_a_metallic_one(text):
    assert parse_readings(text).observations == ("not metallic",)


def test_a_metallic_lustre_alone_ranks_the_metallic_gems_and_a_lustre_many_gems_share_ranks_nothing():
    assert parse_readings("metallic grey stone") and not parse_readings("adamantine lustre")
    assert not parse_readings("it looks glassy") and not parse_readings("waxy lustre")


@pytest.mark.parametrize("text", ["SG reading 3.52", "hydrostatic reading 2.65", "readings 1.5 ct and 2 ct"])
def test_a_reading_named_by_the_word_alone_is_no_refractive_index_unless_a_refractometer_could_read_it(text):
    assert parse_readings(text).ri is None


@pytest.mark.parametrize(
    ("text", "seen"),
    [("transparent stone, SG 5.13", ("transparent",)), ("it is see-through, RI 1.52", ("transparent",)),
     ("translucent blue, SG 2.7", ("translucent",)), ("semi-transparent, green", ("translucent",)),
     ("not transparent, SG 5", ()), ("opaque black stone, SG 3.1", ("opaque",)), ("it's opaque, RI 1.54", ("opaque",)),
     ("non-transparent green, SG 2.8", ("opaque",)), ("semi-opaque, RI 1.54", ("translucent",)),
     ("not opaque, RI 1.54", ()), ("grey opaque stone, non-metallic lustre", ("not metallic", "opaque")),
     ("nearly opaque green stone, SG 2.6", ("translucent",)), ("almost opaque, RI 1.54", ("translucent",)),
     ("barely translucent, SG 2.6", ("translucent",)), ("nearly transparent blue, RI 1.76", ("translucent",)),
     ("not quite transparent, SG 2.6", ("translucent",))],
)  # fmt: skip
def test_light_said_to_pass_the_stone_or_not_is_read_and_alone_ranks_nothing(text, seen):
    readings = parse_readings(text)
    assert readings.observations == seen
    assert bool(parse_readings(text.split(",")[0])) is False


@pytest.mark.parametrize(
    "text",
    ["Clear transparent material is usually faceted", "is it transparent?", "are translucent gems cheaper?",
     "a transparent gem is usually faceted, RI 1.76", "a translucent stone tends to be cut en cabochon, SG 2.6",
     "is it opaque?", "opaque gems are usually cabochons", "an opaque stone is often cut as a cabochon, RI 1.54"],
)  # fmt: skip
def test_a_look_asked_or_said_of_stones_in_general_is_no_reading_of_this_stone(text):
    assert parse_readings(text).observations == ()


@pytest.mark.parametrize(
    "text",
    ["non-transparent, metallic grey, SG 5.2", "it is non-translucent, SG 5", "neither transparent nor translucent"],
)
def test_light_said_not_to_pass_the_stone_is_no_reading_of_light_passing_it(text):
    assert not set(parse_readings(text).observations) & {"transparent", "translucent"}


def test_signs_said_neither_nor_are_read_as_missing():
    assert parse_readings("neither gas bubbles nor curved striae, RI 1.52").observations == ()
