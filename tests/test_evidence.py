"""The explicit evidence model: readings as likelihoods over every gem, the photo, reasons and the next test."""

from __future__ import annotations

import numpy as np
import pytest

from gemlang.fusion import EvidenceModel
from gemlang.fusion.evidence import BLUNDER, interval_likelihood, interval_likelihoods
from gemlang.fusion.evidence import tests_left_out as left_out
from gemlang.hints import parse_hints
from gemlang.readings import Reading

CLASSES = ["Ruby", "Sapphire Blue", "Tanzanite", "Garnet Red", "Spinel"]


@pytest.fixture(scope="module")
def model() -> EvidenceModel:
    return EvidenceModel(CLASSES)


def photo(**probs) -> np.ndarray:
    p = np.array([probs.get(c.replace(" ", "_"), 0.01) for c in CLASSES])
    return p / p.sum()


def test_a_reading_inside_a_narrow_range_outweighs_one_inside_a_broad_range_and_a_far_one_hits_the_floor():
    sigma = 0.005
    narrow = interval_likelihood(Reading(1.765, 1.765), (1.762, 1.770), sigma)
    broad = interval_likelihood(Reading(1.765, 1.765), (1.73, 1.89), sigma)
    far = interval_likelihood(Reading(1.765, 1.765), (1.691, 1.700), sigma, BLUNDER["ri"])
    assert narrow > 5 * broad and far == pytest.approx(BLUNDER["ri"] / (0.009 + 2.5 * sigma))


def test_two_ri_edges_are_two_values_read_so_an_edge_beyond_a_range_counts_fully_against_it():
    sigma, quartz = 0.005, (1.544, 1.553)
    as_edges = interval_likelihoods(Reading(1.550, 1.564), *quartz, sigma, edges=True)[0]
    as_interval = interval_likelihoods(Reading(1.550, 1.564), *quartz, sigma)[0]
    assert as_edges < 0.2 * as_interval  # the upper edge is 0.011 above quartz's: more than two tolerances
    inside = [interval_likelihoods(Reading(1.544, 1.553), *quartz, sigma, edges=e)[0] for e in (True, False)]
    assert inside[0] == pytest.approx(inside[1])  # a stone reading its own constants: no change


def test_a_yellow_scapolite_read_on_the_refractometer_is_not_taken_for_quartz():
    model = EvidenceModel(["Scapolite", "Quartz Lemon", "Citrine", "Amethyst"])
    ranking = model.fuse(None, parse_hints("RI 1.550-1.564, SG 2.68, yellow")).ranking
    assert ranking[0][0] == "Scapolite", ranking[:3]


def test_readings_alone_rank_every_gem_of_the_knowledge_base_like_a_determinative_table(model):
    ranking = model.fuse(None, parse_hints("RI 2.16, SG 5.8, singly refractive")).ranking
    assert ranking[0][0] == "Cubic Zirconia"  # not one of the photo classes
    spinel = [n for n, _ in model.fuse(None, parse_hints("RI 1.718, SG 3.60, singly refractive")).ranking[:2]]
    assert "Spinel" in spinel


def test_a_reading_that_rules_out_the_photos_answer_says_why_and_flags_the_conflict(model):
    fused = model.fuse(photo(Tanzanite=0.9), parse_hints("RI 1.77, found in Sri Lanka"))
    assert fused.ranking[0][0] != "Tanzanite"
    assert "RI 1.770 rules out Tanzanite (1.691–1.700)" in fused.reasons
    assert "Tanzanite is only known from Tanzania; you said Sri Lanka" in fused.reasons
    assert fused.conflict and "Tanzanite" in fused.conflict


def test_agreeing_readings_sharpen_the_photo_without_a_conflict(model):
    before = model.fuse(photo(Sapphire_Blue=0.5, Tanzanite=0.45), parse_hints("")).probabilities
    fused = model.fuse(photo(Sapphire_Blue=0.5, Tanzanite=0.45), parse_hints("RI 1.762-1.770, SG 4.00"))
    i = model.index["Sapphire Blue"]
    assert fused.ranking[0][0] == "Sapphire Blue" and fused.probabilities[i] > before[i] + 0.3
    assert fused.conflict is None


def test_a_photo_alone_never_ranks_a_gem_it_was_not_trained_on_first(model):
    from gemlang.knowledge.tell_apart import lookalikes

    fused = model.fuse(photo(Ruby=0.4, Spinel=0.35), parse_hints(""))
    assert fused.ranking[0][0] in CLASSES
    facts = {g.name: g for g in model.facts}  # below it, only the look-alikes of what the photo shows
    shown = {g.name for c in ("Ruby", "Spinel") for g in lookalikes(facts[c], model.facts)}
    assert all(n in shown for n, _ in fused.ranking[:5] if n not in CLASSES)
    flat = model.fuse(np.full(len(CLASSES), 1 / len(CLASSES)), parse_hints(""))
    assert flat.ranking[0][0] in CLASSES
    # without a reading, glass and doublets do not crowd out the classes the photo hesitates between
    assert not {"Glass (Paste)", "Garnet-Topped Doublet"} & {n for n, _ in fused.ranking[:8]}


def test_glass_takes_the_likeness_of_a_photo_in_its_colours_and_black_glass_only_of_black_stones():
    model = EvidenceModel([*CLASSES, "Emerald"])
    emerald_photo = np.array([0.01] * len(CLASSES) + [0.95])
    fused = dict(model.fuse(emerald_photo, parse_hints("RI 1.52, singly refractive, gas bubbles")).ranking)
    assert max(fused, key=fused.get) == "Glass (Paste)" and fused["Glass (Paste)"] > 0.5
    prior = dict(zip(model.names, model.photo_prior(emerald_photo), strict=True))
    assert prior["Glass (Paste)"] > 10 * prior["French Jet (Black Glass)"]


def test_readings_that_rule_out_the_photos_gem_name_the_imitation_that_looks_like_it():
    model = EvidenceModel(["Diamond", "Ruby", "Sapphire Blue"])
    diamond = np.array([0.97, 0.02, 0.01])
    assert model.fuse(diamond, parse_hints("SG 3.22")).ranking[0][0] == "Moissanite"
    ruby = np.array([0.01, 0.97, 0.02])
    assert model.fuse(ruby, parse_hints("curved striae under the loupe")).ranking[0][0] == "Synthetic Ruby (Verneuil)"
    assert model.fuse(ruby, parse_hints("")).ranking[0][0] == "Ruby"


def test_an_imitation_a_class_is_known_to_be_mistaken_for_takes_a_share_of_that_class_not_of_every_colour():
    # flame-fusion spinel is made to imitate blue sapphire and aquamarine (both list it), not ruby
    model = EvidenceModel(["Sapphire Blue", "Ruby", "Spinel", "Kyanite"])
    sapphire = np.array([0.9, 0.01, 0.01, 0.08])
    fused = model.fuse(sapphire, parse_hints("singly refractive, RI 1.727, SG 3.64")).ranking
    assert fused[0][0] == "Synthetic Spinel (Verneuil)"
    ruby = np.array([0.01, 0.97, 0.01, 0.01])
    assert model.fuse(ruby, parse_hints("singly refractive, RI 1.718, SG 3.60")).ranking[0][0] == "Spinel"


def test_the_next_test_splits_the_leaders_and_is_never_destructive(model):
    fused = model.fuse(None, parse_hints("RI 1.69"))
    assert fused.next_test and "scratch" not in fused.next_test
    sapphire_or_tanzanite = model.fuse(photo(Sapphire_Blue=0.5, Tanzanite=0.5), parse_hints(""))
    assert sapphire_or_tanzanite.next_test.startswith("refractive index with a refractometer")


def test_a_class_the_knowledge_base_lacks_still_gets_its_photo_probability():
    fused = EvidenceModel(["Ruby", "My Mystery Stone"]).fuse(np.array([0.2, 0.8]), parse_hints(""))
    assert fused.ranking[0][0] == "My Mystery Stone"


def test_every_gem_prints_a_value_for_every_test_even_where_the_knowledge_base_is_silent(model):
    from gemlang.knowledge.instruments import TESTS, value_text

    for profile, gem in zip(model.profiles, model.facts, strict=True):
        for test in TESTS:
            assert value_text(profile, gem, test.key)


def test_a_reading_is_the_interval_its_value_fell_in_a_range_plus_gaussian_error():
    from gemlang.fusion.evidence import interval_likelihoods

    sigma, lo, hi = 0.005, np.array([1.762, 1.54, 1.718]), np.array([1.770, 1.55, 1.718])
    xs = np.linspace(1.45, 1.85, 8001)
    density = np.stack([interval_likelihoods(Reading(x, x), lo, hi, sigma, floor=0.0) for x in xs])
    assert np.trapezoid(density, xs, axis=0) == pytest.approx(1.0, abs=1e-3)  # a density per gem, point gem too
    inside = (xs >= 1.760) & (xs <= 1.766)  # a stated interval: the mean density over it
    stated = interval_likelihoods(Reading(1.760, 1.766), lo, hi, sigma, floor=0.0)
    assert stated == pytest.approx(np.trapezoid(density[inside], xs[inside], axis=0) / 0.006, rel=1e-3)


def test_a_scratch_test_counts_the_share_of_the_gems_range_it_allows_and_a_stated_range_favours_the_gem_it_covers():
    from gemlang.fusion.evidence import interval_likelihoods

    above_6 = interval_likelihoods(Reading(6.0, 10.0), [7.0, 5.0], [7.5, 7.0], 0.05, floor=0.0)
    assert above_6[0] / above_6[1] == pytest.approx(2.0, rel=0.05)  # all of 7–7.5 is above 6, half of 5–7
    own, neighbour, broad = interval_likelihoods(Reading(7.0, 7.5), [7.0, 7.5, 6.0], [7.5, 8.0, 7.5], 0.35)
    assert own > 1.5 * neighbour and own > 1.5 * broad


def test_a_place_is_one_of_the_gems_countries_each_as_likely_or_anywhere_with_the_leak(model):
    from gemlang.hints import Hints

    leak, n = model.settings.place_leak, model.n_countries
    place = model.likelihoods(Hints(countries=("Tanzania",), places=("Tanzania",)))["place"]
    tanzanite, garnet, ruby = model.index["Tanzanite"], model.index["Garnet Red"], model.index["Sapphire Blue"]
    assert model.countries[tanzanite] == {"Tanzania"} and "Tanzania" in model.countries[garnet]
    assert place[tanzanite] == pytest.approx((1 - leak) * n + leak)
    # a gem known from many countries gets a share of the same mass; one not known from there, the leak
    assert place[garnet] == pytest.approx((1 - leak) * n / len(model.countries[garnet]) + leak)
    assert "Tanzania" not in model.countries[ruby] and place[ruby] == pytest.approx(leak)
    # a lab-grown stone or an imitation is sold with the imitated gem's story: a place cannot tell them apart
    for lab, natural in (("Synthetic Spinel (Verneuil)", "Spinel"), ("Flux-Grown Ruby", "Ruby")):
        said = next(iter(model.countries[model.index[natural]]))
        place = model.likelihoods(Hints(countries=(said,), places=(said,)))["place"]
        assert place[model.index[lab]] == place[model.index[natural]] > 1
    glass = model.likelihoods(Hints(countries=("Burma",), places=("Burma",)))["place"][model.index["Glass (Paste)"]]
    assert glass == 1.0  # an imitation of no particular gem may come with any story


def test_a_place_said_of_a_red_stone_keeps_the_lab_grown_caution():
    from gemlang.assistant import Assistant  # readings only: no photo model is loaded

    chat = Assistant(classifier=None).conversation()
    answer = chat.ask("red, RI 1.762-1.770, SG 4.00, the seller says it is from Burma. Is it synthetic?")
    assert "Caution:** your readings cannot tell natural Ruby from lab-grown corundum" in answer.to_markdown()


def test_an_interval_typed_high_to_low_reads_as_the_same_interval():
    from gemlang.fusion.evidence import interval_likelihoods

    lo, hi = [1.762, 2.417, 1.54], [1.770, 2.417, 1.55]
    forward = interval_likelihoods(Reading(1.524, 1.537), lo, hi, 0.005)
    assert np.all(forward > 0) and np.allclose(interval_likelihoods(Reading(1.537, 1.524), lo, hi, 0.005), forward)


def test_twins_are_gems_no_reading_separates_within_one_instrument_tolerance():
    model = EvidenceModel(["Ruby", "Sapphire Pink", "Hiddenite", "Spodumene", "Spinel", "Tanzanite", "Zoisite"])
    i = model.index
    assert model.twins(i["Ruby"], i["Sapphire Pink"])  # corundum: one species, the same constants
    assert model.twins(i["Hiddenite"], i["Spodumene"])  # SG 3.15–3.21 against 3.15–3.20: within a balance's error
    assert not model.twins(i["Ruby"], i["Spinel"]) and not model.twins(i["Spinel"], i["Tanzanite"])
    groups = model.twin_groups()
    assert groups[i["Tanzanite"]] == groups[i["Zoisite"]] and groups[i["Ruby"]] == groups[i["Sapphire Pink"]]
    assert groups[i["Ruby"]] != groups[i["Spinel"]]


def test_fused_twins_name_the_leaders_no_reading_can_separate(model):
    fused = model.fuse(None, parse_hints("RI 1.762-1.770, SG 4.00"))
    assert fused.ranking[0][0] in ("Ruby", "Sapphire Blue")
    assert {"Ruby", "Sapphire Blue"} <= {fused.ranking[0][0], *fused.twins}


def test_a_class_the_photo_all_but_rules_out_is_not_below_a_gem_the_photo_model_never_saw(model):
    ruby_photo = np.full(len(CLASSES), 1e-7)
    ruby_photo[CLASSES.index("Ruby")] = 1.0
    fused = model.fuse(ruby_photo / ruby_photo.sum(), parse_hints("singly refractive, SG 3.60, RI 1.718"))
    assert fused.ranking[0][0] == "Spinel"  # not Taaffeite or a synthetic, which the photo model never saw
    prior = model.photo_prior(ruby_photo / ruby_photo.sum())
    fit = model.colour_fit(ruby_photo / ruby_photo.sum())  # each as likely as its colours fit a ruby's red
    spinel, taaffeite, demantoid = model.index["Spinel"], model.index["Taaffeite"], model.index["Demantoid"]
    assert prior[spinel] / fit[spinel] == pytest.approx(prior[demantoid] / fit[demantoid])
    assert prior[spinel] / fit[spinel] > prior[taaffeite] / fit[taaffeite]  # a collectors' stone, met rarely


def test_where_the_photo_model_is_overruled_the_photos_colour_still_counts():
    model = EvidenceModel(["Ruby", "Amethyst", "Quartz Rose", "Garnet Red", "Sapphire Blue"])
    garnet = np.array([1e-6, 1e-6, 1e-6, 1.0, 1e-6])
    fused = dict(model.fuse(garnet / garnet.sum(), parse_hints("RI 1.762-1.770, SG 4.00")).ranking)
    assert fused["Ruby"] > 2 * fused["Sapphire Blue"]  # corundum, and red
    ruby = np.array([1.0, 1e-6, 1e-6, 1e-6, 1e-6])
    fused = dict(model.fuse(ruby / ruby.sum(), parse_hints("RI 1.544-1.553, SG 2.65")).ranking)
    assert fused["Quartz Rose"] > fused["Amethyst"]  # quartz, and nearer red


def test_readings_no_gem_fits_together_are_said_to_clash(model):
    clash = model.fuse(None, parse_hints("RI 1.762-1.770, SG 2.65")).clash
    assert clash.startswith("your readings fit no gem together: RI 1.762–1.770 fits Ruby")
    assert "SG 2.65 fits Amethyst" in clash and "misread" in clash
    assert model.fuse(None, parse_hints("RI 1.762-1.770, SG 4.00")).clash is None
    assert model.fuse(None, parse_hints("RI 1.718, singly refractive")).clash is None
    assert model.fuse(None, parse_hints("RI 1.544-1.553, SG 2.65, hardness 3")).clash is None  # hardness: often off


def test_a_clash_names_only_gems_that_fit_each_reading(model):
    clash = model.fuse(None, parse_hints("RI 1.79 singly refractive, SG 7.05")).clash  # only GGG is that heavy
    assert "SG 7.05 fits GGG (Gadolinium Gallium Garnet);" in clash and "Amethyst" not in clash


def test_a_place_reason_names_the_main_sources_first_and_no_non_gem_occurrence(model):
    reason = model._reason("place", model.index["Benitoite"], parse_hints("found in Brazil"))
    assert reason.startswith("Benitoite is only known from USA")  # its non-gem occurrences (Japan, …) are no source
    assert model._reason("place", model.index["Ruby"], parse_hints("found in Brazil")).startswith(
        "Ruby is known from Myanmar, Mozambique"
    )


def test_reasons_speak_of_the_photos_contenders_not_of_long_shots(model):
    sure = np.full(len(CLASSES), 0.0025)
    sure[CLASSES.index("Spinel")] = 0.99
    assert model.fuse(sure, parse_hints("SG 3.60")).reasons == []  # nobody suggested the gems SG 3.60 rules out
    close = photo(Spinel=0.5, Ruby=0.4)
    assert any("rules out Ruby" in r for r in model.fuse(close, parse_hints("SG 3.60")).reasons)


def test_a_lab_grown_stone_its_database_calls_extremely_rare_does_not_lead_readings_of_the_gem_it_imitates():
    ranked = EvidenceModel(["Tourmaline", "Pyrite"]).fuse(None, parse_hints("RI 1.62-1.64, SG 3.05, blue-green"))
    names = [n for n, _ in ranked.ranking]
    # a tourmaline leads: the group, or elbaite, whose narrower SG range fits SG 3.05 more closely
    assert names[0] in ("Tourmaline", "Elbaite") and names.index("Lab-Grown Paraíba Tourmaline") > 2


def test_a_metallic_stone_fits_neither_an_open_refractometer_bound_nor_a_polariscope_reading():
    model = EvidenceModel(["Tourmaline", "Pyrite"])
    fused = model.fuse(None, parse_hints("RI over the limit, SG 5.1, singly refractive"))
    assert fused.ranking[0][0] == "Strontium Titanate"  # pyrite has SG 5.0 but no light passes through it
    assert dict(fused.ranking)["Pyrite"] < 0.05


def test_amber_floats_in_salt_water_and_leads_its_imitations_on_an_orange_stone():
    model = EvidenceModel(["Amber", "Carnelian", "Citrine"])
    ranking = model.fuse(None, parse_hints("RI 1.54, floats in saturated salt water, orange")).ranking
    assert ranking[0][0] == "Amber" and {n for n, _ in ranking[:3]} >= {"Ambroid (Pressed Amber)"}
    from gemlang.knowledge import get_facts
    from gemlang.knowledge.colours import gem_colours

    assert "blue" not in gem_colours(get_facts("Amber"))  # "Blue fluorescent (Dominican)" is its glow, not its body


def test_turquoise_is_read_as_the_aggregate_it_is():
    model = EvidenceModel(["Turquoise", "Larimar", "Pearl"])
    assert model.fuse(None, parse_hints("sky blue, RI 1.61, SG 2.70, aggregate")).ranking[0][0] == "Turquoise"


def test_jadeite_is_read_as_the_aggregate_it_is_cut_from_and_no_two_edges_are_asked_of_it():
    model = EvidenceModel(["Jade", "Peridot", "Chrome Diopside"])
    hints = parse_hints("green, RI 1.66, SG 3.33, aggregate")
    fused = model.fuse(None, hints)
    assert fused.ranking[0][0] == "Jadeite"  # the textbook pair: spot RI 1.66, SG 3.33
    post = np.array([dict(fused.ranking)[n] for n in model.names])
    assert "birefringence" not in (model.next_test(post, hints) or "")  # a spot reading has no two edges


def test_when_the_telling_test_is_made_the_next_test_says_so_rather_than_that_none_exists():
    model = EvidenceModel(["Chrome Diopside", "Tanzanite"])
    hints = parse_hints("RI 1.696, DR 0.014")  # between tanzanite's 0.008–0.013 and chrome diopside's 0.024–0.031
    fused = model.fuse(None, hints)
    post = np.array([dict(fused.ranking)[n] for n in model.names])
    advice = model.next_test(post, hints)
    assert "the birefringence you gave already separates" in advice and "no standard test" not in advice


@pytest.mark.parametrize(
    "said, gem",
    [("green, RI over the limit, SR, horsetail inclusions", "Demantoid"),
     ("white, SG 2.72, nacreous, gritty when rubbed on the teeth", "Pearl"),
     ("red, RI 1.77, SR, a red ring when placed table down on white paper", "Garnet-Topped Doublet"),
     ("RI 1.54, floats in brine, orange, contains insects", "Amber")],
)  # fmt: skip
def test_the_textbook_sign_of_a_gem_points_to_it(said, gem):
    model = EvidenceModel(["Amber", "Pearl", "Garnet Red", "Ruby", "Tsavorite", "Carnelian"])
    assert model.fuse(None, parse_hints(said)).ranking[0][0] == gem


def test_a_gem_and_its_own_kind_leading_need_no_test_between_them():
    model = EvidenceModel(["Tourmaline", "Ruby"])
    post = np.zeros(len(model.names))
    post[model.index["Tourmaline"]], post[model.index["Dravite"]] = 0.55, 0.45
    assert model.next_test(post, parse_hints("")) is None  # not "no standard test separates Tourmaline and Dravite"
    post[model.index["Ruby"]] = 0.4
    assert model.next_test(post, parse_hints("")) is not None  # tourmaline or ruby: a real question


def test_textbook_glass_readings_without_a_photo_name_glass_not_a_collectors_stone():
    model = EvidenceModel(["Emerald", "Chrysocolla", "Amazonite"])
    for said in ("RI 1.52, SG 2.50, singly refractive, gas bubbles", "SR, RI 1.515, SG 2.50, round gas bubbles"):
        assert model.fuse(None, parse_hints(said)).ranking[0][0] == "Glass (Paste)", said
    lead_glass = model.fuse(None, parse_hints("RI 1.62, SG 3.6, singly refractive, swirl marks")).ranking
    assert lead_glass[0][0] == "Glass (Paste)"


def test_a_material_made_in_kinds_fits_a_reading_of_one_kind_as_that_kinds_narrow_ranges_do():
    from dataclasses import replace

    from gemlang.knowledge import get_facts
    from gemlang.knowledge.facts import Kind

    glass = get_facts("Glass (Paste)")
    crown, lead = Kind("crown", (1.50, 1.53), (2.35, 2.65)), Kind("lead", (1.60, 1.70), (3.4, 4.5))
    spread, kinds = (EvidenceModel([], gems=[replace(glass, kinds=k)]) for k in ((), (crown, lead)))
    for said in ("RI 1.515", "SG 2.50"):
        fits = (m.likelihoods(parse_hints(said)) for m in (spread, kinds))
        (key, whole), (_, kind) = (next(iter(f.items())) for f in fits)
        assert kind[0] > 2 * whole[0], (said, kind, whole)
    between = kinds.likelihoods(parse_hints("SG 3.0"))["sg"][0]  # in the span, in no kind's range
    assert between < 0.1 * spread.likelihoods(parse_hints("SG 3.0"))["sg"][0]


def test_readings_of_a_material_made_in_kinds_must_fit_one_kind_together():
    from dataclasses import replace

    from gemlang.knowledge import get_facts
    from gemlang.knowledge.facts import Kind

    glass = get_facts("Glass (Paste)")
    crown, lead = Kind("crown", (1.50, 1.53), (2.35, 2.65)), Kind("lead", (1.60, 1.70), (3.4, 4.5))
    model = EvidenceModel([], gems=[replace(glass, kinds=(crown, lead))])
    one_kind = model.log_likelihood(parse_hints("RI 1.515, SG 2.50"))[0]
    two_kinds = model.log_likelihood(parse_hints("RI 1.515, SG 3.90"))[0]  # crown's RI with lead glass's SG
    assert one_kind > two_kinds + np.log(5)  # stones grade between kinds (KIND_BLEND): a clear preference, no veto
    # one reading alone is weighed over the kinds as before
    assert model.log_likelihood(parse_hints("RI 1.515"))[0] == pytest.approx(
        np.log(model.likelihoods(parse_hints("RI 1.515"))["ri"][0])
    )


@pytest.mark.parametrize(
    "said",
    ["green, RI 1.79, SG 3.98, singly refractive", "green stone, RI 1.80, SG 4.00, DR 0.005",
     "brownish green, RI 1.86, DR 0.020, SG 4.3"],
)  # fmt: skip
def test_low_and_intermediate_zircon_are_named_from_their_own_constants(said):
    model = EvidenceModel(["Zircon", "Garnet Red", "Sapphire Blue", "Almandine"])
    fused = model.fuse(None, parse_hints(said))
    assert fused.ranking[0][0] == "Zircon", fused.ranking[:3]
    assert not any("Zircon (" in reason for reason in fused.reasons)  # not "rules out Zircon (0.059)"


def test_advice_treats_a_stone_as_the_kind_its_readings_find():
    from gemlang.assistant import tell_apart

    model = EvidenceModel(["Zircon", "Garnet Red"])
    low = parse_hints("green, RI 1.79, SG 3.98, singly refractive")
    fused = model.fuse(None, low)
    assert fused.next_test is None or "polariscope" not in fused.next_test  # a low zircon stays dark too
    advice = tell_apart("Zircon", "Garnet Red", model, low)
    # not the polariscope: the spectroscope's 653.5 nm line, or a magnet, which picks up the garnet and not a zircon
    assert "polariscope" not in advice and ("653.5 nm" in advice or "Zircon not drawn, Garnet Red picked up" in advice)
    high = tell_apart("Zircon", "Garnet Red", model, parse_hints("RI over the limit, SG 4.70, doubly refractive"))
    assert "Zircon seen" in high and "653.5" not in high  # a high zircon doubles its back facets
    assert model.fuse(None, parse_hints("green, SG 4.0, RI 1.81, 653.5 nm line")).ranking[0][0] == "Zircon"


def test_the_optic_sign_and_a_birefringence_composition_varies_tell_scapolite_from_quartz():
    from gemlang.knowledge import get_facts
    from gemlang.knowledge.instruments import TESTS, profile, separates, value_text

    model = EvidenceModel(["Scapolite", "Quartz Lemon", "Citrine", "Amethyst"])
    said = "RI 1.550-1.564, SG 2.68, yellow, uniaxial negative, birefringence 0.014"
    fused = model.fuse(None, parse_hints(said))
    assert fused.ranking[0][0] == "Scapolite", fused.ranking[:3]
    assert not any("Scapolite (" in reason for reason in fused.reasons)  # not "0.014 rules out Scapolite (0.037)"
    scapolite, quartz = get_facts("Scapolite"), get_facts("Quartz")
    assert scapolite.format("birefringence") == "0.004–0.037"
    assert value_text(profile(scapolite), scapolite, "doubling") == "seen in some stones"
    sign = next(t for t in TESTS if t.key == "optic_sign")
    assert separates(sign, profile(scapolite), profile(quartz))
    assert value_text(profile(quartz), quartz, "optic_sign") == "positive"


def test_the_optic_figure_tells_a_uniaxial_gem_from_a_biaxial_one_the_constants_cannot():
    from gemlang.assistant import tell_apart
    from gemlang.knowledge import get_facts
    from gemlang.knowledge.instruments import TESTS, profile, separates

    model = EvidenceModel(["Andalusite", "Apatite", "Tourmaline", "Spinel", "Jade"])
    fused = model.fuse(None, parse_hints("RI 1.63-1.64, SG 3.15, doubly refractive"))
    assert fused.next_test.startswith("optic figure with a conoscope"), fused.next_test
    assert "Andalusite biaxial; Apatite uniaxial" in fused.next_test
    assert "optic figure" in tell_apart("Andalusite", "Apatite", model, parse_hints(""))
    # the figure is read: no longer suggested, and it decides
    biaxial = model.fuse(None, parse_hints("RI 1.63-1.64, SG 3.15, biaxial"))
    assert biaxial.ranking[0][0] == "Andalusite" and "optic figure" not in (biaxial.next_test or "")
    # a singly refractive stone or an aggregate has no figure to show
    figure = next(t for t in TESTS if t.key == "optic_figure")
    andalusite, spinel, jade = (profile(get_facts(n)) for n in ("Andalusite", "Spinel", "Jade"))
    assert not separates(figure, andalusite, spinel) and not separates(figure, andalusite, jade)
    assert "optic figure" not in (model.fuse(None, parse_hints("RI 1.63, SG 3.15, singly refractive")).next_test or "")


def test_a_bench_test_both_gems_name_is_the_one_given_salt_water_for_amber_and_plastic():
    from gemlang.knowledge import get_facts
    from gemlang.knowledge.tell_apart import tell_apart

    said = tell_apart(get_facts("Amber"), get_facts("Plastic"))
    assert "floats in saturated salt water" in said and "sinks in saturated salt water" in said  # not acetone
    assert "acetone" in tell_apart(get_facts("Amber"), get_facts("Copal (Amber Simulant)"))


def test_where_no_instrument_separates_the_leaders_the_next_test_is_the_bench_test_or_the_loupe():
    model = EvidenceModel(["Amber", "Emerald"])
    amber = model.fuse(None, parse_hints("RI 1.54, SG 1.04, yellow, floats in salt water")).next_test
    assert amber.startswith("the standard readings do not separate Amber and Copal")
    assert "acetone" in amber
    emerald = model.fuse(None, parse_hints("RI 1.577-1.583, uniaxial negative, SG 2.72, green")).next_test
    assert "under magnification (" in emerald and "junction plane" in emerald, emerald
    # a spot reading off a cabochon: no birefringence and no interference figure to suggest
    spot = model.fuse(None, parse_hints("RI 1.59 spot, SG 2.55, white")).next_test or ""
    assert "conoscope" not in spot and "both shadow edges" not in spot


def test_crown_and_pavilion_reading_apart_name_the_doublet_even_against_a_ruby_photo():
    model = EvidenceModel(["Ruby", "Garnet Red"])
    hints = parse_hints("RI 1.77 on the crown, 1.52 on the pavilion")
    assert model.fuse(None, hints).ranking[0][0] == "Garnet-Topped Doublet"
    ruby_photo = np.array([0.98, 0.02])
    assert model.fuse(ruby_photo, hints).ranking[0][0] == "Garnet-Topped Doublet"


def test_the_thermal_tester_tells_diamond_from_cz_even_in_a_setting_but_not_from_moissanite():
    from gemlang.assistant import tell_apart

    model = EvidenceModel(["Diamond"])
    assert "thermal conductivity (thermal diamond tester): Diamond passes, Cubic Zirconia fails" in tell_apart(
        "Diamond", "Cubic Zirconia", model, parse_hints("")
    )
    assert "thermal" not in tell_apart("Diamond", "Moissanite", model, parse_hints(""))
    assert "thermal" not in tell_apart("CVD Diamond", "Diamond", model, parse_hints(""))


def test_doubled_back_facets_seen_with_a_loupe_rule_out_a_diamond_the_photo_shows():
    model = EvidenceModel(["Diamond", "Quartz Smoky"])
    said = parse_hints("I see doubled back facets with my loupe")
    assert said.readings.birefringence.describe(3) == "0.030 or more"
    assert model.fuse(np.array([0.99, 0.01]), said).ranking[0][0] == "Moissanite"
    assert parse_hints("no doubling").readings.birefringence is None


def test_jade_is_jadeite_or_nephrite_and_its_readings_must_fit_one_of_them():
    model = EvidenceModel(["Jade", "Peridot"])
    jade = model.index["Jade"]
    jadeite = model.log_likelihood(parse_hints("RI 1.66, SG 3.33"))[jade]
    nephrite = model.log_likelihood(parse_hints("RI 1.61, SG 2.95"))[jade]
    mixed = model.log_likelihood(parse_hints("RI 1.66, SG 2.95"))[jade]  # jadeite's RI, nephrite's SG
    assert min(jadeite, nephrite) > mixed + np.log(5)
    top = model.fuse(None, parse_hints("RI 1.66 spot, SG 3.33, green, aggregate")).ranking[0][0]
    assert top in ("Jade", "Jadeite")


@pytest.mark.parametrize(
    "said", ["RI 1.518-1.526, SG 2.57, colourless with blue adularescence, centipede inclusions",
             "RI 1.518-1.526, SG 2.56, colourless with blue sheen"],
)  # fmt: skip
def test_moonstones_sheen_and_centipedes_name_moonstone_among_the_feldspars(said):
    model = EvidenceModel(["Moonstone", "Amazonite", "Labradorite"])
    top = model.fuse(None, parse_hints(said)).ranking[0][0]
    assert top == "Moonstone"


def test_how_often_a_gem_is_met_sets_its_prior_before_any_reading():
    from gemlang.fusion.evidence import PRIOR

    model = EvidenceModel(["Ruby"])
    rate = dict(zip(model.names, model.base_rates, strict=True))
    assert rate["Glass (Paste)"] == PRIOR["often"] == rate["Ruby"]
    assert rate["Hauyne"] == rate["Strontium Titanate"] == PRIOR["rarely"] < rate["Cubic Zirconia"] < rate["Quartz"]


def test_readings_of_plastic_name_plastic_and_amber_readings_still_name_amber():
    model = EvidenceModel(["Amber", "Sodalite", "Coral"])
    for said in ("SG 1.18, RI 1.49", "SG 1.05, RI 1.59", "orange, RI 1.64, SG 1.27, swirl marks"):
        assert model.fuse(None, parse_hints(said)).ranking[0][0] == "Plastic", said
    assert model.fuse(None, parse_hints("RI 1.54, SG 1.08")).ranking[0][0] == "Amber"


def test_a_place_said_of_glass_is_the_story_of_the_gem_the_photo_shows():
    model = EvidenceModel(["Ruby", "Sapphire Blue", "Emerald"])
    ruby = np.array([0.9, 0.05, 0.05])
    factors = model.likelihoods(parse_hints("from Iceland"))["place"]  # none of the three
    told = model._imitations_told_as_the_photo(factors, ruby)
    glass, ruby_at = model.index["Glass (Paste)"], model.index["Ruby"]
    assert factors[glass] == 1.0 and told[glass] < 0.5  # no longer "from anywhere", so favoured
    assert told[ruby_at] == factors[ruby_at]


def test_lead_glass_readings_fit_one_kind_of_glass_and_are_no_clash():
    model = EvidenceModel(["Emerald", "Ruby"])
    fused = model.fuse(None, parse_hints("SR, RI 1.70, SG 4.2, green, gas bubbles, swirl marks"))
    assert fused.clash is None and fused.ranking[0][0] == "Glass (Paste)" and fused.ranking[0][1] > 0.9
    assert model.fuse(None, parse_hints("RI 1.762-1.770, SG 2.65")).clash is not None  # corundum's RI, quartz's SG


@pytest.mark.parametrize(
    "said, leads, behind",
    [
        ("RI 1.762-1.770, SG 4.00, blue, silk and fingerprints", "Sapphire Blue", "Czochralski Sapphire"),
        ("RI 1.760-1.768, SG 4.00, red, platinum platelets and flux fingerprints", "Flux-Grown Ruby", "Ruby"),
        ("RI 1.577-1.583, SG 2.72, green, three-phase inclusions", "Emerald", "Soudé Emerald"),
        ("RI 1.44, SG 2.10, play of colour, lizard skin pattern", "Gilson Opal", "Opal"),
    ],
)
def test_inclusions_that_tell_natural_from_lab_grown_move_the_answer(said, leads, behind):
    model = EvidenceModel(["Ruby", "Sapphire Blue", "Emerald", "Opal"])
    ranking = dict(model.fuse(None, parse_hints(said)).ranking)
    assert ranking[leads] > 3 * ranking[behind], (said, ranking[leads], ranking[behind])


def test_a_join_line_points_to_an_assembled_stone():
    model = EvidenceModel(["Opal", "Emerald"])
    opal = np.array([0.95, 0.05])
    plain = dict(model.fuse(opal, parse_hints("black backing visible from the side")).ranking)
    assert plain["Opal Doublet"] > plain["Opal"]


def test_readings_of_natural_opal_name_opal_not_the_lab_grown_opal_listed_with_narrower_ranges():
    model = EvidenceModel(["Opal", "Emerald"])
    for said in ("SR, RI 1.45, SG 2.10", "SR, RI 1.44, SG 2.12"):
        assert model.fuse(None, parse_hints(said)).ranking[0][0] == "Opal", said
    gilson, opal = model.index["Gilson Opal"], model.index["Opal"]
    hints = parse_hints("RI 1.45, SG 2.10")
    for key, factor in model.likelihoods(hints).items():
        assert factor[gilson] == factor[opal], key  # its constants are opal's: the readings weigh both alike
    flux = model.likelihoods(parse_hints("SG 2.65"))["sg"]  # flux-grown emerald's lower SG counts for itself
    assert flux[model.index["Flux-Grown Emerald"]] > 3 * flux[model.index["Emerald"]]


def test_red_through_the_chelsea_filter_alone_points_to_the_gems_known_to_show_it():
    model = EvidenceModel(["Ruby", "Emerald", "Amethyst", "Citrine", "Quartz Rose", "Quartz Smoky"])
    ranking = [n for n, _ in model.fuse(None, parse_hints("red through the Chelsea filter")).ranking[:8]]
    assert ranking[0] == "Emerald" and not {"Amethyst", "Citrine", "Quartz Smoky"} & set(ranking[:5])


def test_a_red_stone_red_through_the_chelsea_filter_is_no_doubt_of_red_spinel(model):
    hints = parse_hints("red stone, RI 1.718, singly refractive, SG 3.60, glows red under the Chelsea filter")
    fused = model.fuse(photo(Spinel=0.9), hints)
    assert fused.ranking[0][0] == "Spinel" and not fused.doubts


def test_a_blue_stone_red_through_the_chelsea_filter_is_cobalt_blue_synthetic_spinel_not_a_chromium_gem(model):
    fused = model.fuse(None, parse_hints("blue stone, red through the Chelsea filter, RI 1.727, singly refractive"))
    assert fused.ranking[0][0] == "Synthetic Spinel (Verneuil)" and fused.ranking[0][1] > 0.8
    red = model.likelihoods(parse_hints("blue stone, red through the Chelsea filter"))["chelsea"]
    # emerald's red is its chromium green's; some synthetic spinel (the cobalt-blue) and some glass show it blue
    assert red[model.index["Synthetic Spinel (Verneuil)"]] == red[model.index["Glass (Paste)"]] == 1.0
    assert red[model.index["Emerald"]] < 0.3 and red[model.index["Sapphire Blue"]] == 0.1


def test_a_green_beryl_that_stays_green_through_the_chelsea_filter_may_be_an_iron_rich_emerald(model):
    hints = parse_hints("green beryl, RI 1.57-1.58, stays green under the Chelsea filter")
    assert model.likelihoods(hints)["chelsea"][model.index["Emerald"]] == 1.0  # "iron-rich stones may stay green"
    assert model.fuse(None, hints).ranking[0][0] == "Emerald"  # not the deep blue Maxixe-type Beryl
    red = model.likelihoods(parse_hints("green, red under the Chelsea filter"))["chelsea"]
    assert red[model.index["Emerald"]] > 0.5 > red[model.index["Aquamarine"]]  # its red still counts for it


def test_glass_that_stays_green_through_the_chelsea_filter_is_still_glass(model):
    hints = parse_hints("green stone, stays green under the chelsea filter, RI 1.52, singly refractive, gas bubbles")
    assert model.likelihoods(hints)["chelsea"][model.index["Glass (Paste)"]] == 1.0  # only some glass shows red
    assert model.fuse(None, hints).ranking[0][0] == "Glass (Paste)"


def test_a_hessonites_treacly_texture_counts_for_it():
    model = EvidenceModel(["Hessonite", "Citrine"])
    fused = model.fuse(None, parse_hints("orange stone, RI 1.742, SG 3.65, singly refractive, treacle-like swirls"))
    assert fused.ranking[0][0] == "Hessonite" and not fused.doubts


def test_a_surface_that_turns_sticky_under_acetone_names_copal():
    model = EvidenceModel(["Amber"])
    ranking = model.fuse(None, parse_hints("RI 1.54, SG 1.08, becomes sticky under a drop of acetone")).ranking
    assert ranking[0][0] == "Copal (Amber Simulant)"


def test_a_hot_point_smell_names_plastic_jet_or_amber():
    model = EvidenceModel(["Jet", "Amber"])
    carbolic = model.fuse(None, parse_hints("RI 1.64, SG 1.27, SR, dark brown, smells of carbolic acid at a hot point"))
    assert carbolic.ranking[0][0] == "Plastic"
    assert model.fuse(None, parse_hints("RI 1.66, SG 1.32, black, coal smell at a hot point")).ranking[0][0] == "Jet"


def test_aventurescence_names_sunstone_and_its_platelets_are_not_a_question_about_hematite():
    from gemlang.assistant import Assistant

    said = "RI 1.537-1.547, SG 2.65, orange, aventurescence from red hematite platelets"
    answer = Assistant(classifier=None).conversation().ask(said)
    assert answer.candidates[0][0].startswith("Sunstone") and "Hematite" not in answer.reply


def test_spectroscope_lines_the_knowledge_base_names_point_to_their_gems():
    model = EvidenceModel(["Jade", "Almandine", "Garnet Red", "Peridot"])
    jade = model.fuse(None, parse_hints("Spot RI 1.66, SG 3.33, green, aggregate, 437 nm line")).ranking
    assert jade[0][0] == "Jadeite" and dict(jade)["Peridot"] < 0.05
    garnet = model.fuse(None, parse_hints("SR, RI 1.79, SG 4.05, purplish red, bands at 505, 527 and 576 nm"))
    assert garnet.ranking[0][0] == "Almandine"


def test_iron_cobalt_and_rare_earth_spectra_point_to_the_gems_whose_sourced_spectra_name_them():
    model = EvidenceModel(["Jade", "Almandine", "Garnet Red", "Peridot"])
    fused = lambda said: dict(model.fuse(None, parse_hints(said)).ranking)  # noqa: E731
    # blue sapphire's iron lines: a lab-grown sapphire, coloured without iron, lacks them
    sapphire = fused("blue stone, RI 1.762-1.770, strong 450 nm band")
    assert max(sapphire, key=sapphire.get) == "Sapphire Blue" and sapphire["Synthetic Sapphire (Verneuil)"] < 0.02
    # cobalt's three bands: blue synthetic spinel and cobalt glass; a natural spinel coloured by cobalt is rare
    spinel = fused("blue, RI 1.72 SR, cobalt bands")
    assert max(spinel, key=spinel.get) == "Synthetic Spinel (Verneuil)" and spinel["Spinel"] > spinel["Hydrogrossular"]
    assert max(fused("yellow, RI 1.63-1.64, rare earth lines").items(), key=lambda kv: kv[1])[0] == "Apatite"


def test_a_line_of_a_gems_sourced_spectrum_weighs_as_a_line_of_its_features_does():
    from gemlang.knowledge import get_facts
    from gemlang.knowledge.instruments import profile

    demantoid = profile(get_facts("Demantoid"))  # its sourced chromium spectrum: 'a sharp line at 693 nm'
    assert EvidenceModel.observation_fit("chromium lines near 694 nm", demantoid) == 1.0
    # ruby's doublet tells no lab-grown ruby from a natural one: their sourced spectra are alike
    for lab_grown in ("Synthetic Ruby (Verneuil)", "Flux-Grown Ruby", "Hydrothermal Ruby"):
        assert EvidenceModel.observation_fit("chromium lines near 694 nm", profile(get_facts(lab_grown))) == 1.0


def test_advice_on_two_gems_says_when_the_readings_given_already_tell_them_apart(model):
    told = model.already_told("Peridot", "Chrome Diopside", parse_hints("green, RI 1.654-1.690, SG 3.34"))
    assert told.startswith("Your readings already point to Peridot: birefringence 0.036 fits Peridot")
    assert "not Chrome Diopside (0.024–0.031)" in told  # the ranges come close; this stone's reading does not
    assert model.already_told("Peridot", "Chrome Diopside", parse_hints("green, RI 1.670-1.700, DR 0.030")) is None


def test_yellow_amber_with_insects_that_sinks_in_salt_water_is_taken_for_plastic():
    model = EvidenceModel(["Amber", "Citrine", "Quartz Lemon"])
    sinks = model.fuse(None, parse_hints("a yellow 'amber' with insects in it, it sinks in saturated salt water"))
    assert sinks.ranking[0][0] == "Plastic", sinks.ranking[:3]  # amber floats; plastic fakes carry real insects
    floats = model.fuse(None, parse_hints("yellow amber with an insect inside, it floats in salt water"))
    assert floats.ranking[0][0] == "Amber"


def test_a_join_line_points_to_the_assembled_stones_not_to_a_seed_plates_junction():
    model = EvidenceModel(["Opal", "Ruby"])
    ranked = [n for n, _ in model.fuse(None, parse_hints("three layers seen from the side")).ranking[:4]]
    assert "Opal Triplet" in ranked and "Hydrothermal Ruby" not in ranked
    doublet = model.fuse(None, parse_hints("red, table reads RI 1.79 SR, pavilion reads 1.52, a red ring"))
    assert doublet.ranking[0][0] == "Garnet-Topped Doublet"


def test_a_gem_whose_ranges_nobody_states_does_not_hide_a_clash_of_readings():
    from gemlang.knowledge import GemFacts, get_facts

    gems = [get_facts(n) for n in ("Ruby", "Amethyst", "Spinel")] + [GemFacts(name="Mystery", species="mystery")]
    clash = EvidenceModel(["Ruby", "Amethyst"], gems=gems).fuse(None, parse_hints("RI 1.762-1.770, SG 2.65")).clash
    assert clash.startswith("your readings fit no gem together") and "Mystery" not in clash


def test_edges_typed_to_two_decimals_are_read_with_their_rounding():
    model = EvidenceModel(["Kyanite"])  # kyanite 1.716–1.731: "1.71" is 1.705–1.715, at its edge, not beyond it
    hints = parse_hints("RI 1.71-1.73 SG 3.5 purple-blue, doubly refractive, trichroic blue violet brown")
    assert model.fuse(None, hints).ranking[0][0] == "Kyanite"


def test_a_reading_inside_both_gems_ranges_is_not_said_to_tell_them_apart(model):
    hints = parse_hints("Pink spinel RI 1.727 SG 3.64 gas bubbles")  # inside rhodonite's broad ranges too
    assert model.already_told("Synthetic Spinel (Verneuil)", "Rhodonite", hints) is None


def test_a_gem_ruled_out_that_keeps_a_share_says_why_it_keeps_it(model):
    sure = np.full(len(CLASSES), 0.0001 / (len(CLASSES) - 1))
    sure[CLASSES.index("Tanzanite")] = 0.9999  # a photo all but certain, against one reading
    fused = model.fuse(sure, parse_hints("SG 3.6"))
    kept = fused.probabilities[model.index["Tanzanite"]]
    assert fused.ranking[0][0] != "Tanzanite" and kept >= 0.05
    reason = next(r for r in fused.reasons if "rules out Tanzanite" in r)
    assert reason.endswith(f"which keeps {round(100 * kept)}% only as the photo looks like it and a reading can slip")
    weak = model.fuse(photo(Tanzanite=0.9), parse_hints("RI 1.77"))  # ruled out and left with little: no more said
    assert "RI 1.770 rules out Tanzanite (1.691–1.700)" in weak.reasons
    place = model.fuse(sure, parse_hints("found in Sri Lanka"))  # a place is often where the stone was traded
    assert any(r.endswith("and no list of the places a gem is found in is complete") for r in place.reasons)


def test_without_a_photo_a_ruled_out_gem_keeps_its_share_by_the_other_readings():
    fused = EvidenceModel(CLASSES).fuse(None, parse_hints("RI 1.54, SG 3.52, colourless"))
    kept = [r for r in fused.reasons if "which keeps" in r]
    assert kept and all(r.endswith("only as your other readings fit it and a reading can slip") for r in kept)


def test_a_colour_change_in_the_words_people_use_points_to_the_gems_that_show_one():
    hints = parse_hints("it is green in daylight and red under a lamp")
    assert "a colour change" in hints.describe()
    model = EvidenceModel(["Alexandrite", "Tourmaline", "Emerald"])
    ranking = [n for n, _ in model.fuse(None, hints).ranking[:3]]
    assert ranking[0] == "Alexandrite" and "Tourmaline" not in ranking
    assert "a colour change" not in parse_hints("the colour changes when heated").describe()


def test_strong_strain_in_a_singly_refractive_stone_points_to_the_gems_known_for_it():
    model = EvidenceModel(["Spinel", "Ruby"])
    spinel = np.array([0.95, 0.05])
    hints = parse_hints("singly refractive, RI 1.728, SG 3.64, cross-hatched ADR")
    assert model.fuse(spinel, hints).ranking[0][0] == "Synthetic Spinel (Verneuil)"
    assert parse_hints("tabby extinction").readings.optic == "anomalous"


def test_a_reading_outside_glass_kinds_is_said_against_each_kind_not_one_range_that_may_hold_it():
    fused = EvidenceModel(["Emerald", "Tourmaline"]).fuse(np.array([0.9, 0.1]), parse_hints("SG 2.30, swirl marks"))
    said = next(r for r in fused.reasons if "rules out Glass (Paste)" in r)
    assert "(crown (soda-lime) glass 2.35–2.65; light flint" in said  # each kind, as "SG 2.80" falls between two


def test_readings_that_already_tell_two_gems_apart_give_a_kinds_material_by_its_kinds_or_the_kind_read():
    model = EvidenceModel(["Emerald", "Tourmaline"])
    told = model.already_told("Chrysocolla", "Glass (Paste)", parse_hints("RI 1.54 SR, SG 2.30"))
    assert "not Glass (Paste) (crown (soda-lime) glass 2.35–2.65; light flint" in told  # not 2.30–4.50, holding 2.30
    told = model.already_told("Zircon", "CVD Diamond", parse_hints("RI 1.81 OTL, SG 4.70, colourless"))
    assert "SG 4.70 fits Zircon (4.60–4.80)" in told  # high zircon's, the kind read; not 3.90–4.73 of all kinds


def test_an_inert_stone_under_uv_favours_the_gems_known_to_be_inert_over_a_red_glower():
    model = EvidenceModel(["Ruby", "Rhodolite", "Pyrope"])
    ruby, rhodolite, pyrope = (model.names.index(n) for n in ("Ruby", "Rhodolite", "Pyrope"))
    inert = model.likelihoods(parse_hints("inert under UV"))["fluorescence"]
    assert inert[rhodolite] == inert[pyrope] > 5 * inert[ruby]  # the garnets' iron quenches it; ruby glows red
    red = model.likelihoods(parse_hints("glows red under UV"))["fluorescence"]
    assert red[ruby] > 5 * red[rhodolite]


def test_a_glow_said_of_some_stones_only_leaves_the_others_inert():
    from gemlang.knowledge.instruments import fluorescence_classes

    assert fluorescence_classes("Weak to moderate red (LWUV) in Cr-bearing; strong red in some") == ("inert", "red")
    assert fluorescence_classes("Moderate to strong red (LWUV)") == ("red",)


def test_a_star_seen_favours_the_gems_whose_facts_name_one():
    model = EvidenceModel(["Sapphire Blue", "Tanzanite"])
    star = model.likelihoods(parse_hints("it shows a six-rayed star"))["a star (asterism)"]
    sapphire, tanzanite = model.index["Sapphire Blue"], model.index["Tanzanite"]
    assert star[sapphire] == 1.0 and star[tanzanite] < 0.2  # star sapphire's phenomenon; tanzanite shows none


def test_a_spot_reading_leaves_out_the_birefringence_test_and_weighs_its_range_as_one_vague_value(model):
    spot = parse_hints("RI 1.66-1.68 spot reading")
    assert "birefringence" in left_out(spot) and "birefringence" not in left_out(parse_hints("RI 1.66"))
    assert "birefringence" not in model.likelihoods(spot)  # no birefringence taken from a vague range


def test_a_us_state_is_weighed_as_the_usa_and_four_peaks_is_an_amethyst_source():
    model = EvidenceModel(["Amethyst", "Quartz Rose"])
    fused = model.fuse(np.array([0.9, 0.1]), parse_hints("found at Four Peaks, Arizona"))
    assert fused.ranking[0][0] == "Amethyst" and not any(r.startswith("Amethyst is") for r in fused.reasons)


def test_a_failed_thermal_tester_rules_out_diamond_and_moissanite_and_alone_ranks_nothing():
    model = EvidenceModel(["Diamond", "Quartz Smoky"])
    from gemlang.fusion.evidence import tests_made

    failed = parse_hints("it fails the diamond tester")
    assert not failed.readings and "thermal" in tests_made(failed)  # nothing to rank by alone; the test is made
    top = [g for g, _ in model.fuse(np.array([0.99, 0.01]), failed).ranking[:5]]
    assert "Diamond" not in top and "Moissanite" not in top
    passed = model.fuse(None, parse_hints("colourless, passes the diamond tester")).ranking
    assert {passed[0][0], passed[1][0]} <= {"Diamond", "CVD Diamond", "HPHT Diamond", "Moissanite"}


def test_a_moissanite_tester_separates_moissanite_from_diamond_and_leaves_gems_its_facts_do_not_name_alone():
    model = EvidenceModel(["Diamond", "Quartz Smoky"])
    tested = "colourless, RI OTL, the diamond tester beeps, the moissanite tester "
    assert model.fuse(None, parse_hints(tested + "beeps")).ranking[0][0] == "Moissanite"
    assert model.fuse(None, parse_hints(tested + "says diamond")).ranking[0][0] in ("Diamond", "CVD Diamond")
    fits = model.likelihoods(parse_hints("RI 1.54, the moissanite tester beeps"))["conducts on a moissanite tester"]
    assert fits[model.index["Moissanite"]] == 1.0 and fits[model.index["Diamond"]] < 0.1
    assert fits[model.index["Cubic Zirconia"]] == 1.0  # whether it conducts is in no fact of it


def test_a_value_typed_more_roughly_than_the_instrument_reads_covers_the_span_it_was_rounded_from():
    # Spinel reads SG 3.58-3.61: "3.50" exact is ~2.7 tolerances below it, "3.5 ish" may be up to 3.6
    spinel = (3.58, 3.61)
    rough = interval_likelihoods(Reading(3.5, 3.5, "SG 3.5 ish", give=0.1), *spinel, 0.03)[0]
    exact = interval_likelihoods(Reading(3.5, 3.5, "SG 3.50", give=0.005), *spinel, 0.03)[0]
    assert rough > 3 * exact
    model = EvidenceModel(CLASSES)
    ranked = model.fuse(None, parse_hints("RI 1.72 ish, SG 3.5 ish, red, singly refractive")).ranking
    assert "Spinel" in [name for name, _ in ranked[:2]]


def test_the_flash_of_a_filled_fissure_points_to_a_gem_the_trade_fills():
    model = EvidenceModel(CLASSES)
    plain = [name for name, _ in model.fuse(None, parse_hints("red, SG 4.10")).ranking]
    flash = model.fuse(None, parse_hints("red, fractures with a blue flash, SG 4.10"))
    names = [name for name, _ in flash.ranking]
    assert plain.index("Almandine") < plain.index("Ruby") and names.index("Ruby") < names.index("Almandine")
    assert "a flash in filled fissures" in parse_hints("fractures with a blue flash").describe()


def test_curved_banding_fits_a_banded_stone_and_a_melt_while_curved_striae_stay_a_melts_sign():
    from gemlang.knowledge import get_facts
    from gemlang.knowledge.instruments import profile

    fit = EvidenceModel.observation_fit
    malachite, onyx, sapphire = (profile(get_facts(n)) for n in ("Malachite", "Onyx Red", "Sapphire Blue"))
    verneuil = profile(get_facts("Synthetic Ruby (Verneuil)"))
    assert fit("curved banding", malachite) == fit("curved banding", onyx) == fit("curved banding", verneuil) == 1.0
    assert fit("curved striae", verneuil) == 1.0 and 0.001 < fit("curved striae", onyx) < 1.0  # its bands, maybe
    assert fit("curved banding", sapphire) == fit("curved striae", sapphire) == 0.001  # straight banding: not a melt's


def test_a_coloured_streak_favours_the_gems_whose_sourced_streak_it_is_and_a_white_one_barely_separates():
    model = EvidenceModel(["Lapis Lazuli", "Sodalite", "Iolite"])

    def fit(said: str) -> dict[str, float]:
        (factor,) = model.likelihoods(parse_hints(said)).values()
        return {g: factor[model.index[g]] for g in ("Lapis Lazuli", "Sodalite", "Iolite")}

    blue = fit("the streak is light blue")  # iolite's streak is not on record: neither favoured nor ruled out
    assert blue["Lapis Lazuli"] == 1.0 and blue["Lapis Lazuli"] > 3 * blue["Iolite"] > 3 * blue["Sodalite"]
    white = fit("streak test: white")  # most gems streak white: it leans no way on its own
    assert white["Sodalite"] == white["Iolite"] == 1.0 and 1 / 3 < white["Lapis Lazuli"] < 1


def test_a_gem_whose_facts_name_no_streak_takes_the_one_its_species_sourced_streaks_agree_on():
    gems = ("Ruby", "Flux-Grown Ruby", "Padparadscha Sapphire", "Iolite")
    model = EvidenceModel(list(gems))
    factor = model.likelihoods(parse_hints("the streak is red"))["a red-brown streak"]
    fit = {g: factor[model.index[g]] for g in gems}
    assert fit["Ruby"] == fit["Flux-Grown Ruby"] == fit["Padparadscha Sapphire"] == 0.05  # corundum's powder: white
    assert fit["Iolite"] == 0.2  # no cordierite streak is sourced: unlikely, not ruled out


def test_the_streak_says_which_of_two_gems_it_fits_with_their_streaks():
    model = EvidenceModel(["Lapis Lazuli", "Sodalite"])
    assert model.leans("Lapis Lazuli", "Sodalite", parse_hints("the streak is light blue")) == (
        "a light blue streak leans to Lapis Lazuli (light blue), not Sodalite (white), though not enough to settle it."
    )
    assert model.leans("Lapis Lazuli", "Sodalite", parse_hints("white streak")) is None


def test_a_black_stones_streak_tells_jet_from_black_onyx_and_hematite():
    model = EvidenceModel(["Onyx Black", "Hematite"])
    black = dict(model.fuse(None, parse_hints("black stone, the streak is brownish black")).ranking)
    assert black["Jet"] > 10 * black["Onyx Black"] and black["Jet"] > 10 * black["Hematite"]
    white = dict(model.fuse(None, parse_hints("black stone, streak test: white")).ranking)
    assert white["Onyx Black"] > 2 * white["Jet"]


def test_a_metallic_lustre_all_but_rules_out_other_gems_and_a_soft_lustre_only_leans():
    gems = ("Magnetite", "Hematite", "Jet", "Orthoclase", "Turquoise", "Diamond", "Zircon", "Quartz")
    model = EvidenceModel(list(gems))

    def fit(said: str) -> dict[str, float]:
        factor = model.likelihoods(parse_hints(said))[said]
        return {g: factor[model.index[g]] for g in gems}

    metallic = fit("a metallic lustre")
    assert metallic["Magnetite"] == metallic["Hematite"] == 1.0 and metallic["Jet"] == metallic["Orthoclase"] == 0.02
    adamantine = fit("an adamantine lustre")
    assert adamantine["Diamond"] == adamantine["Zircon"] == 1.0 and adamantine["Quartz"] == 0.1
    waxy = fit("a waxy lustre")
    assert waxy["Turquoise"] == 1.0 and waxy["Quartz"] == 0.5 and waxy["Hematite"] == 0.02  # no one calls a metal waxy


def test_a_lustre_said_not_metallic_weighs_against_the_metallic_gems_weakly_where_their_facts_say_sub_metallic():
    gems = ("Pyrite", "Galena", "Hematite", "Magnetite", "Jet", "Quartz")
    model = EvidenceModel(list(gems))
    factor = model.likelihoods(parse_hints("black stone, SG 5, not metallic"))["not metallic"]
    fit = {g: factor[model.index[g]] for g in gems}
    assert fit["Pyrite"] == fit["Galena"] == 0.02 and fit["Jet"] == fit["Quartz"] == 1.0
    assert fit["Hematite"] == fit["Magnetite"] == 0.5  # sub-metallic, or dull when earthy
    ranked = dict(model.fuse(None, parse_hints("black stone with no metallic shine, SG 5")).ranking)
    assert ranked["Hematite"] > 10 * ranked["Pyrite"]


def test_light_seen_through_the_stone_or_a_colourless_one_weighs_against_the_opaque_gems():
    gems = ("Strontium Titanate", "Magnetite", "Hematite", "Pyrite", "Turquoise", "Diamond")
    model = EvidenceModel(list(gems))
    factors = model.likelihoods(parse_hints("transparent, SG 5.1"))
    fit = {g: factors["transparent"][model.index[g]] for g in gems}
    assert fit["Strontium Titanate"] == fit["Diamond"] == 1.0 and fit["Turquoise"] == 0.05
    assert fit["Magnetite"] == fit["Hematite"] == fit["Pyrite"] == 0.02  # no light passes a metal
    translucent = model.likelihoods(parse_hints("translucent, SG 2.7"))["translucent"]
    assert translucent[model.index["Turquoise"]] == 0.3  # a thin edge of an opaque stone may pass some light
    # the readings of a strontium titanate: no opaque metallic mineral among the leaders
    for said in ("transparent stone, RI over the limit, SG 5.13", "RI over the limit, SG 5.13, colourless"):
        ranked = dict(model.fuse(None, parse_hints(said)).ranking)
        assert ranked["Strontium Titanate"] > 0.8 and max(ranked[g] for g in ("Magnetite", "Hematite", "Pyrite")) < 0.01
    # an opaque white stone is often called colourless: only a metal is weighed down by the word
    colour = dict(zip(model.names, model.likelihoods(parse_hints("colourless"))["colour"], strict=True))
    assert colour["Pyrite"] < 0.1 * colour["Ruby"] and colour["Pearl"] > 4 * colour["Ruby"]  # a white pearl: no miss


def test_no_light_through_the_stone_weighs_mildly_against_the_gems_known_only_in_stones_light_passes():
    gems = ("Turquoise", "Pyrite", "Zoisite", "Ruby", "Cubic Zirconia")
    model = EvidenceModel(list(gems))
    opaque = dict(zip(model.names, model.likelihoods(parse_hints("it's opaque, SG 3.3"))["opaque"], strict=True))
    assert opaque["Turquoise"] == opaque["Pyrite"] == 1.0  # opaque, metallic
    assert opaque["Zoisite"] == 1.0  # its facts speak of opaque green zoisite (ruby in zoisite)
    assert opaque["Ruby"] == opaque["Cubic Zirconia"] == 0.3  # a ruby may be of an opaque grade: a mild miss


def test_a_magnet_is_the_next_test_between_magnetite_and_hematite_and_none_once_it_is_made():
    gems = ("Magnetite", "Hematite", "Pyrite", "Quartz")
    model = EvidenceModel(list(gems))
    fused = model.fuse(None, parse_hints("metallic grey stone, SG 5.2"))
    assert fused.next_test.startswith("magnet test") and "Magnetite held by any magnet" in fused.next_test
    assert "Hematite drawn only weakly" in fused.next_test
    made = model.fuse(None, parse_hints("metallic grey stone, SG 5.2, a magnet does not draw it"))
    assert not (made.next_test or "").startswith("magnet test")


def test_a_magnet_is_no_next_test_when_no_source_says_how_a_magnet_draws_the_likeliest_gem():
    model = EvidenceModel(["Almandine", "Hematite"])
    hints = parse_hints("RI over the limit, SG 5.1, singly refractive")
    post = np.zeros(len(model.names))
    for gem, share in (("Strontium Titanate", 0.5), ("Almandine", 0.3), ("Hematite", 0.2)):
        post[model.index[gem]] = share
    assert "magnet" not in (model.next_test(post, hints) or "")  # it would say only "Strontium Titanate not on record"
    post[model.index["Strontium Titanate"]] = 0.0
    assert model.next_test(post, hints).startswith("magnet test")  # Almandine picked up, Hematite drawn only weakly
    post[model.index["Spessartite"]] = 0.4  # two garnets first: the magnet splits off only the third
    assert "magnet" not in (model.next_test(post, hints) or "")


@pytest.mark.parametrize(
    "said, fits",
    [
        ("RI 1.50, SG 2.40, singly refractive, play of colour", "Slocum Stone"),  # its colours: "colour play"
        ("RI 1.45, SG 2.05, singly refractive, play of colour", "Opal Doublet"),  # its colours: "play of colour"
        ("RI 1.50, SG 2.40, singly refractive, gas bubbles", "Obsidian"),  # its sheen: "gas bubble layers"
    ],
)
def test_a_phenomenon_a_gem_is_listed_in_as_a_colour_is_one_of_its_signs(said, fits):
    model = EvidenceModel(["Opal", "Ruby"])
    hints = parse_hints(said)
    seen = hints.readings.observations[0]
    assert model.likelihoods(hints)[seen][model.index[fits]] == 1.0
    ranked = [name for name, _ in model.fuse(None, hints).ranking]
    assert ranked.index(fits) < 4, ranked[:6]
