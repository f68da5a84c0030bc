"""Home tests people take for proof: what each really shows, said before anything else."""

from __future__ import annotations

import re

import pytest

from gemlang.assistant import Assistant
from gemlang.knowledge.home_tests import home_tests, home_tests_in


def test_every_home_test_names_the_pages_it_was_checked_against():
    assert len(home_tests()) >= 8
    for test in home_tests():
        assert test.sources and all(re.search(r"<https?://[^>]+>$", s) for s in test.sources), test.test
        assert all(re.compile(p) for p in test.said_as)


@pytest.mark.parametrize(
    "text, test",
    [
        ("diamond tester beeped, so it is a real diamond?", "a diamond tester"),
        ("I heated it with a lighter and it didn't burn, so it's a diamond?", "heating it"),
        ("it scratches glass so it must be a diamond right?", "scratching glass"),
        ("found a clear crystal on the beach, is it a diamond?", "a stone found outdoors"),
        ("found it in the park, is it a diamond?", "a stone found outdoors"),
        ("found this clear stone in my garden, is it a diamond?", "a stone found outdoors"),
        ("found in the river, could it be a diamond?", "a stone found outdoors"),
        ("found it on a walk, is it a diamond?", "a stone found outdoors"),
        ("my kid picked up a shiny rock by the creek, is it real?", "a stone found outdoors"),
        ("did the fog test and it cleared right away", "the fog test"),
        ("Pearls that feel smooth on the teeth, SG 2.85", "the tooth test"),  # informative: an imitation
        ("it sticks to a magnet, metallic grey, SG 5.1", "a magnet"),  # informative: magnetite or hematine
    ],
)
def test_a_home_test_offered_as_proof_is_recognised(text, test):
    assert [t.test for t in home_tests_in(text)] == [test]


def test_a_scratch_test_reported_as_a_reading_is_no_home_test():
    assert home_tests_in("it scratches glass but not quartz") == []  # a student's bench reading, no claim
    assert home_tests_in("pebble I found on a beach in Cornwall, translucent, orange") == []  # no diamond asked
    assert home_tests_in("curved striae and gas bubbles: flame fusion? is it a real ruby?") == []  # no flame test


def test_an_opaque_stone_found_outdoors_gets_no_note_on_clear_pebbles_taken_for_diamond():
    assert home_tests_in("found a red opaque jasper in the creek, is it a diamond?") == []
    assert home_tests_in("my son found an agate on the beach, is it a diamond?") == []
    assert home_tests_in("I found it in Sri Lanka, is it a sapphire?") == []  # a country, not a find outdoors


def test_the_chat_says_what_a_home_test_shows_before_anything_else():
    chat = Assistant(classifier=None).conversation()
    beeped = chat.ask("diamond tester beeped, so it is a real diamond?")
    assert beeped.reply.startswith("A thermal diamond tester's beep means 'diamond or moissanite'")
    assert any("nationaljewelerssupplies.com" in n for n in beeped.notes)
    heated = chat.ask("I heated it with a lighter and it didn't burn, so it's a diamond?").reply
    assert heated.startswith("Surviving a lighter proves nothing") and "Treatments of diamond" not in heated


@pytest.mark.parametrize(
    "text",
    [
        "mossanite??? tester beeps diamond",
        "the tester says diamond",
        "it beeps on the diamond tester",
        "reads diamond on the tester",
        "beeped on my thermal probe",
        "side stones passing diamond tester",
    ],
)
def test_a_diamond_testers_beep_is_read_and_explained_in_any_word_order(text):
    from gemlang.readings import THERMAL_SAID, parse_readings

    assert parse_readings(text).observations == (THERMAL_SAID,)
    assert [t.test for t in home_tests_in(text)] == ["a diamond tester"]
    reply = Assistant(classifier=None).conversation().ask(text).reply
    assert reply.startswith("A thermal diamond tester's beep means 'diamond or moissanite'")


@pytest.mark.parametrize("text", ["the tester didn't beep", "it doesn't read diamond on the tester"])
def test_a_diamond_tester_that_did_not_beep_is_no_pass(text):
    from gemlang.readings import THERMAL_SAID, parse_readings

    assert THERMAL_SAID not in parse_readings(text).observations


@pytest.mark.parametrize(
    "text",
    [
        "my 'diamond' reads SG 5.7 and the thermal tester says no",
        "it fails the diamond tester",
        "SG 5.7, diamond tester negative",
    ],
)
def test_a_diamond_tester_that_said_no_is_read_as_failed_and_gets_no_note_on_what_a_beep_means(text):
    from gemlang.readings import THERMAL_FAILED, parse_readings

    assert THERMAL_FAILED in parse_readings(text).observations and home_tests_in(text) == []
    answer = Assistant(classifier=None).conversation().ask(text)
    assert "beep means" not in answer.reply
    if "SG 5.7" in text:  # a test's verdict, not a sign seen: was "fails a thermal diamond tester is its sign"
        assert answer.caution.startswith("likely Cubic Zirconia (a simulant): your readings fit it, not Diamond")


@pytest.mark.parametrize(
    "question", ["how do i tell if a diamond is real at home", "how can i test my diamond at home?"]
)
def test_how_to_test_at_home_lists_what_each_home_test_shows_and_what_settles_it(question):
    reply = Assistant(classifier=None).conversation().ask(question).reply
    assert reply.startswith("**No home test proves what a stone is.**") and "- The fog test is no proof" in reply
    assert "tooth test" not in reply and "gem laboratory" in reply  # a pearl's test only for a pearl
    assert "tooth test" in Assistant(classifier=None).conversation().ask("how can i test my pearls at home?").reply


@pytest.mark.parametrize(
    ("question", "gem"), [("how can I test my ruby at home?", "ruby"), ("how do I test a pearl at home?", "pearl")]
)
def test_how_to_test_another_gem_at_home_says_the_diamond_tests_are_diamonds_and_what_tells_that_gem(question, gem):
    reply = Assistant(classifier=None).conversation().ask(question).reply  # was the diamond tests, as of a diamond
    assert "- The fog test is no proof" not in reply and "beep means" not in reply
    assert "- Sinking in water proves nothing" in reply and "- A magnet test is no proof" in reply  # any stone's
    assert f"a UV lamp and how hard or heavy it feels tell diamond from its imitations, not {gem}." in reply
    tested = f"\n\n**Testing {gem}**: check the stone against {gem}'s constants and signs, without harm first: RI "
    assert tested in reply
    assert ("tooth test" in reply) == (gem == "pearl")


def test_a_magnet_that_holds_the_stone_gets_what_magnetism_shows_but_a_question_about_it_does_not():
    answer = Assistant(classifier=None).conversation().ask("it sticks to a magnet")
    assert answer.reply.startswith("A magnet test is no proof of a gem") and "hematine" in answer.reply
    assert any("wikipedia.org/wiki/Hematine" in n for n in answer.notes)
    assert home_tests_in("is it magnetic?") == []


@pytest.mark.parametrize(
    "text", ["red-brown streak on the tile, metallic grey, SG 5.2", "streak test: reddish brown, SG 5.1",
             "it leaves a red streak on unglazed porcelain, SG 5.2"],
)  # fmt: skip
def test_a_red_brown_streak_is_a_reading_for_the_gem_whose_facts_name_it(text):
    from gemlang.readings import RED_STREAK, parse_readings

    assert parse_readings(text).observations[0] == RED_STREAK  # and the metallic lustre of "metallic grey"
    answer = Assistant(classifier=None).conversation().ask(text)
    assert answer.gem == "Hematite" and answer.probability > 0.8 and RED_STREAK in answer.hints_used


def test_red_streaks_in_a_stones_pattern_or_denied_are_no_streak_test():
    from gemlang.readings import parse_readings

    assert parse_readings("jasper with red streaks, RI 1.54").observations == ()
    assert parse_readings("no red streak on the tile").observations == ()


@pytest.mark.parametrize(
    "text, streak",
    [("the streak is light blue", "a light blue streak"),
     ("it leaves a greenish-black streak on the tile", "a greenish-black streak"),
     ("streak test: white", "a white streak"), ("Lapis or sodalite? white streak", "a white streak"),
     ("the streak is greenish black", "a greenish-black streak"), ("streak was pale green", "a light green streak"),
     ("a black streak on the plate", "a black streak"), ("the streak is bluish white", "a white streak"),
     ("the streak is brownish black", "a black streak")],
)  # fmt: skip
def test_a_streak_tests_colour_is_read_whatever_the_colour(text, streak):
    from gemlang.readings import parse_readings

    assert parse_readings(text).observations == (streak,)


def test_white_or_blue_streaks_in_a_stones_pattern_are_no_streak_test():
    from gemlang.readings import parse_readings

    assert parse_readings("a red stone with white streaks, RI 1.76").observations == ()
    assert parse_readings("a white streak across the stone").observations == ()
    assert parse_readings("Lapis parcel, some with white calcite streaks").observations == ()


@pytest.mark.parametrize("gem, told", [("Chrysocolla", False), ("Amethyst", True)])
def test_the_clear_pebble_note_is_not_given_of_a_photo_of_an_opaque_stone(gem, told):
    import numpy as np

    from gemlang.fusion import EvidenceModel

    chat = Assistant(None, evidence=EvidenceModel([gem, "Peridot"])).conversation()
    chat.image_probs = np.array([0.98, 0.02])  # the photo says `gem`
    reply = chat.ask("I found this in the park, is it a diamond?").reply
    assert ("Clear, sparkling pebbles" in reply) is told, reply


@pytest.mark.parametrize(
    ("text", "seen"),
    [
        ("it sticks to a magnet", "held by an ordinary magnet"),
        ("sticks strongly to the fridge magnet", "held by an ordinary magnet"),
        ("strongly attracted to a neodymium magnet", "drawn to a strong magnet"),
        ("drags on an N52 magnet", "drawn to a strong magnet"),
        ("it's magnetic", "drawn to a strong magnet"),
        ("not magnetic", "not drawn to a magnet"),
        ("doesn't stick to a magnet", "not drawn to a magnet"),
        ("no reaction to a neodymium magnet", "not drawn to a magnet"),
        ("a magnet does not draw it", "not drawn to a magnet"),
        ("the magnet didn't draw it", "not drawn to a magnet"),
    ],
)
def test_a_magnet_result_is_read_as_what_the_magnet_did(text, seen):
    from gemlang.readings import parse_readings

    assert parse_readings(text).observations == (seen,)


@pytest.mark.parametrize("text", ["is it magnetic?", "is it strongly magnetic?", "are garnets magnetic?"])
def test_a_question_about_magnetism_is_no_magnet_result(text):
    from gemlang.readings import parse_readings

    assert parse_readings(text).observations == ()


@pytest.mark.parametrize(
    ("text", "gem", "below"),
    [
        ("it sticks to a magnet, metallic grey, SG 5.1", "Magnetite", "Hematite"),  # was Hematite 52%
        ("metallic grey stone, not magnetic, SG 5.2", "Hematite", "Magnetite"),  # was Magnetite 68%
    ],
)
def test_a_magnet_result_ranks_the_gems_whose_sourced_facts_say_how_a_magnet_draws_them(text, gem, below):
    answer = Assistant(classifier=None).conversation().ask(text)
    assert answer.gem == gem and answer.probability > 0.7
    assert dict(answer.candidates).get(below, 0.0) < 0.1


def test_a_strong_magnets_pull_moves_only_the_gems_whose_facts_say_how_a_magnet_draws_them():
    from gemlang.fusion.evidence import UNKNOWN_FIT, EvidenceModel
    from gemlang.knowledge import find_gem
    from gemlang.knowledge.instruments import profile
    from gemlang.readings import MAGNET_DRAWS

    gems = ("Almandine", "Zircon", "Quartz")
    fit = {n: EvidenceModel.observation_fit(MAGNET_DRAWS, profile(find_gem(n))) for n in gems}
    assert fit == {"Almandine": 1.0, "Zircon": 0.05, "Quartz": UNKNOWN_FIT}  # quartz: no magnet fact, no change
    assert find_gem("Almandine").citations["magnetism"].startswith("Kirk Feral, Magnetism in Gemstones")
    text = "dark red stone RI 1.78 SG 4.1"
    before = dict(Assistant(classifier=None).conversation().ask(text).candidates)
    after = dict(Assistant(classifier=None).conversation().ask(f"{text}, drags on a neodymium magnet").candidates)
    assert after["Garnet (Almandine)"] > before["Garnet (Almandine)"] + 0.05


def test_a_hematite_a_magnet_holds_is_said_to_be_probably_hematine():
    text = "my hematite bracelet sticks strongly to a magnet, is it real?"
    answer = Assistant(classifier=None).conversation().ask(text)
    assert "**Hematite?** Probably not" in answer.reply and "hematine, a man-made magnetic material" in answer.reply
    assert any(n.startswith("source (magnetism): Biology Insights") for n in answer.notes)


@pytest.mark.parametrize(
    ("question", "lead"),
    [("the seller swore it's natural. what tests can I do at home?", "**Natural, as you were told?**"),
     ("the dealer said it's a natural ruby, what tests can i do at home?", "**Natural ruby, as you were told?**")],
)  # fmt: skip
def test_home_tests_asked_beside_a_sellers_word_answer_both(question, lead):
    # was the claim's answer alone: "what tests" (a plural) was no question of testing at home
    reply = Assistant(classifier=None).conversation().ask(question).reply
    assert reply.startswith(lead) and "**No home test proves what a stone is.**" in reply
    assert (
        Assistant(classifier=None)
        .conversation()
        .ask("what tests can I do at home?")
        .reply.startswith("**No home test proves what a stone is.**")
    )


def test_how_to_test_it_at_home_after_a_photo_is_of_the_gem_answered():
    import numpy as np

    from gemlang.fusion import EvidenceModel

    chat = Assistant(None, evidence=EvidenceModel(["Ruby", "Sapphire", "Spinel"])).conversation()
    chat.image_probs = np.array([0.9, 0.02, 0.08])  # a photo of ruby
    chat.ask("what gem is this?")
    reply = chat.ask("how can I test it at home?").reply  # was the diamond tests, as of a diamond
    assert "tell diamond from its imitations, not ruby." in reply and "**Testing ruby**" in reply


@pytest.mark.parametrize(
    ("text", "lead"),
    [("found a clear crystal on the beach, is it a diamond?", "**A diamond you found?**"),
     ("found a white stone in the creek, could it be a diamond?", "**A diamond you found?**")],
)  # fmt: skip
def test_the_question_of_a_find_is_answered_before_the_note_on_finds(text, lead):
    reply = Assistant(None).conversation().ask(text).reply  # was the clear-pebble note first, the answer after it
    assert reply.startswith(lead), reply
    assert reply.index(lead) < reply.index("Clear, sparkling pebbles")


@pytest.mark.parametrize(
    ("text", "lead"),
    [("I found a ruby in the creek, is it real?", "**A ruby you found?**"),
     ("found a red stone by the river, is it a real ruby?", "**A ruby you found?**"),
     ("we dug up some garnets in the backyard, are they real?", "**A garnet you found?**"),
     ("found a sapphire in the river, is it real?", "**A sapphire you found?**"),
     ("found a green stone on the beach, is it real?", "**A stone you found?**")],
)  # fmt: skip
def test_a_coloured_gem_found_gets_no_note_on_clear_pebbles_taken_for_diamond(text, lead):
    reply = Assistant(None).conversation().ask(text).reply  # was the note on quartz and glass taken for diamond
    assert reply.startswith(lead) and "Clear, sparkling pebbles" not in reply, reply


def test_a_photo_of_a_gem_never_colourless_found_outdoors_gets_no_note_on_clear_pebbles():
    import numpy as np

    from gemlang.fusion import EvidenceModel

    for gem, told in (("Ruby", False), ("Diamond", True), ("Quartz", True)):
        chat = Assistant(None, evidence=EvidenceModel([gem, "Peridot"])).conversation()
        chat.image_probs = np.array([0.98, 0.02])  # the photo says `gem`
        reply = chat.ask("I found it in the creek, is it real?").reply
        assert ("Clear, sparkling pebbles" in reply) is told, (gem, reply)
