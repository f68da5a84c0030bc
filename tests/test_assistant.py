"""One chat turn at a time, as a person talks to the assistant: a photo, a question, then what they know."""

from __future__ import annotations

import json
import re

import numpy as np
import pytest
from conftest import red_stone_photo

from gemlang.assistant import HELP, Answer, Assistant, follow_up_colours, property_rows, tell_apart
from gemlang.assistant.questions import accents_left_out, piece_parts
from gemlang.fusion import EvidenceModel
from gemlang.hints import parse_hints
from gemlang.knowledge import get_facts
from gemlang.language.gem_prose import main_sources


@pytest.fixture(scope="module")
def assistant(chat_model_dir) -> Assistant:
    return Assistant.load(chat_model_dir)


def test_a_photo_gets_ranked_gems_with_probabilities_a_description_and_a_heat_map(assistant, tmp_path):
    photo = red_stone_photo(tmp_path / "stone.jpg")
    answer = assistant.conversation().ask("what gem is this?", [tmp_path / "stone.jpg"])
    names = [name for name, _ in answer.candidates]
    assert names[0] in ("Ruby", "Garnet Red") and set(names[:2]) == {"Ruby", "Garnet Red"}
    # every gem of the knowledge base is ranked; those without training photos share a small part
    assert 0.95 < sum(p for _, p in answer.candidates) <= 1.0001
    assert answer.used_photo and not answer.hints_used
    assert answer.description and answer.properties[0] == ("Property", *names[:2])
    assert "Mohs hardness" in dict((row[0], row) for row in answer.properties)
    assert "polariscope" in answer.tell_apart  # ruby doubly refractive, garnet singly refractive
    assert "damages a cut stone" in answer.tell_apart  # a scratch test only on rough
    assert answer.heatmap.shape == (photo.height, photo.width)
    assert 0 <= answer.heatmap.min() and answer.heatmap.max() <= 1
    assert answer.overlay.size == photo.size
    text = answer.to_markdown()
    assert names[0] in text and "%" in text
    json.dumps(answer.to_dict())


@pytest.mark.parametrize("follow_up", ["hardness 9", "it scratches quartz", "Mohs about 9"])
def test_a_follow_up_hint_re_ranks_the_last_photo_without_a_new_upload(assistant, follow_up):
    chat = assistant.conversation()
    first = chat.ask("what gem is this?", [red_stone_photo()])
    second = chat.ask(follow_up)
    assert second.used_photo and second.gem == "Ruby"
    assert dict(second.candidates)["Ruby"] > dict(first.candidates)["Ruby"]
    assert second.hints_used and second.hints_used[0].startswith("Mohs hardness")
    assert "Using your photo and Mohs hardness" in second.summary_markdown()


def test_a_softer_reading_points_to_the_garnet(assistant):
    chat = assistant.conversation()
    chat.ask("", [red_stone_photo()])
    assert chat.ask("a knife doesn't scratch it, but it does not scratch quartz either; hardness 7").gem == "Garnet Red"


def test_hints_add_up_over_the_conversation_and_a_new_photo_starts_a_new_stone(assistant):
    chat = assistant.conversation()
    chat.ask("what is it?", [red_stone_photo()])
    chat.ask("hardness 9")
    answer = chat.ask("found in Myanmar")
    assert answer.hints_used == ["Mohs hardness 9", "found in Myanmar"]
    fresh = chat.ask("and this one?", [red_stone_photo(seed=7)])
    assert not fresh.hints_used and any("earlier hints were cleared" in n for n in fresh.notes)


def test_an_upload_that_is_not_a_photo_gets_a_clear_message_and_keeps_the_last_photo(assistant, tmp_path):
    chat = assistant.conversation()
    chat.ask("what gem is this?", [red_stone_photo()])
    notes = tmp_path / "notes.pdf"
    notes.write_bytes(b"%PDF-1.4 not a photo")
    answer = chat.ask("and this?", [notes])
    assert not answer.candidates
    assert "notes.pdf: not an image file" in answer.reply and "earlier photo" in answer.reply
    assert chat.ask("hardness 9").gem == "Ruby"


CORUNDUM_CLASSES = ("Ruby", "Sapphire Blue", "Sapphire Pink", "Sapphire Purple", "Sapphire Yellow")


def test_without_a_photo_hints_alone_give_a_ranking_with_a_warning(assistant):
    answer = assistant.conversation().ask("it has hardness 9 and was found in Myanmar")
    assert answer.candidates and not answer.used_photo
    assert answer.gem.startswith("Corundum (") and answer.members[0][0] in CORUNDUM_CLASSES
    assert any("no photo yet" in n for n in answer.notes)
    assert answer.heatmap is None
    # Corundum is not known from Colombia, emerald is not hardness 9: one of the two is wrong, so not sure
    torn = assistant.conversation().ask("it has hardness 9 and was found in Colombia")
    assert torn.unsure and torn.probability < answer.probability - 0.25  # far less sure than agreeing hints


def test_a_message_with_nothing_to_go_on_gets_help(assistant):
    answer = assistant.conversation().ask("hello")
    assert answer.reply == HELP and not answer.candidates


def test_asking_about_a_gem_without_a_photo_shows_its_facts(assistant):
    answer = assistant.conversation().ask("tell me about emerald")
    assert "Emerald" in answer.reply and answer.description
    assert answer.properties[0] == ("Property", "Emerald")


def test_below_the_calibrated_threshold_the_assistant_says_it_is_not_sure(chat_model_dir):
    from dataclasses import replace

    cautious = Assistant.load(chat_model_dir)
    cautious.evidence.settings = replace(cautious.evidence.settings, unsure_below=0.999)
    answer = cautious.conversation().ask("what gem is this?", [red_stone_photo()])
    assert answer.unsure and "I'm not sure" in answer.to_markdown()
    cautious.evidence.settings = replace(cautious.evidence.settings, unsure_below=0.0)
    assert not cautious.conversation().ask("", [red_stone_photo()]).unsure


def test_start_over_forgets_the_stone(assistant):
    chat = assistant.conversation()
    chat.ask("", [red_stone_photo()])
    assert "Starting over" in chat.ask("start over").reply
    assert chat.ask("what gem is this?").reply == HELP


def test_without_calibrated_settings_the_defaults_are_used_and_said_once(chat_model_dir, tmp_path):
    import shutil

    shutil.copytree(chat_model_dir, tmp_path / "model", ignore=shutil.ignore_patterns("fusion"))
    chat = Assistant.load(tmp_path / "model").conversation()
    first = chat.ask("", [red_stone_photo()])
    assert first.candidates and any("no calibrated fusion settings" in n for n in first.notes)
    answer = chat.ask("hardness 9")
    assert answer.gem == "Ruby" and not any("calibrated" in n for n in answer.notes)


def test_settings_calibrated_for_another_classifier_are_refused(chat_model_dir, tmp_path):
    import json
    import shutil

    shutil.copytree(chat_model_dir, tmp_path / "model")
    config = tmp_path / "model" / "fusion" / "config.json"
    data = json.loads(config.read_text())
    data["classifier"]["fingerprint"] = "0" * 32
    config.write_text(json.dumps(data))
    answer = Assistant.load(tmp_path / "model").conversation().ask("", [red_stone_photo()])
    assert any("calibrated for another classifier" in n for n in answer.notes)


def test_a_model_grad_cam_cannot_explain_answers_without_a_heat_map(tiny_folder):
    from gemlang.data import scan_image_folder
    from gemlang.training import train_classifier

    colour_only = train_classifier(scan_image_folder(tiny_folder), encoder="colour_hist", cv=0, progress=False,
                                   log=lambda _: None)  # fmt: skip
    answer = Assistant(colour_only).conversation().ask("what gem is this?", [red_stone_photo()])
    assert answer.candidates and answer.heatmap is None
    assert answer.heatmap_note.startswith("no heat map") and "heat map" not in answer.to_markdown()


def test_simple_tests_pick_the_property_that_separates_two_gems():
    ruby_garnet = tell_apart("Ruby", "Garnet Red")
    assert ruby_garnet.index("polariscope") < ruby_garnet.index("On rough material a scratch test")
    sapphire = tell_apart("Sapphire Blue", "Tanzanite")
    assert sapphire.startswith(
        "To tell Sapphire Blue from Tanzanite: refractive index (refractometer): Sapphire Blue 1.762–1.770, "
        "Tanzanite 1.691–1.700; specific gravity"
    )
    assert tell_apart("Ruby", "Not A Gem") == ""
    assert property_rows(["Ruby", "Emerald"])[1][0] == "Species"


def test_an_answer_is_plain_data():
    answer = Answer(message="hi", candidates=[("Ruby", 0.7), ("Spinel", 0.2)])
    assert answer.gem == "Ruby" and answer.probability == 0.7
    assert "**Ruby** (70%)" in answer.to_markdown()


def test_a_photo_answer_names_the_gem_as_prose_does_and_keeps_the_class_label_as_data():
    answer = Answer(message="what gem is this?", candidates=[("Quartz Smoky", 0.4), ("Sapphire Pink", 0.3)],
                    unsure=True, description="Quartz Smoky (40% confidence).", used_photo=True,
                    properties=[("Property", "Quartz Smoky", "Sapphire Pink")])  # fmt: skip
    text = answer.to_markdown()
    assert "My best guess is **Smoky Quartz** (40%), but it could also be Pink Sapphire (30%)." in text
    assert "| Smoky Quartz | 40.0% |" in text and "| Property | Smoky Quartz | Pink Sapphire |" in text
    assert "Smoky Quartz (40% confidence)." in text and "Quartz Smoky" not in text
    assert answer.gem == "Quartz Smoky" and answer.to_dict()["candidates"][1][0] == "Sapphire Pink"


@pytest.mark.parametrize(
    "question, said",
    [
        (
            "compare jasper and smoky quartz",
            [
                "**Jasper or Smoky Quartz?**",
                "lies just below Smoky Quartz's (RI",
                "| Property | Jasper | Smoky Quartz |",
            ],
        ),
        ("is smoky quartz harder than onyx red?", ["**Smoky Quartz**: Mohs hardness 7; **Red Onyx**: Mohs hardness"]),
        ("how do I tell pink sapphire from spinel?", ["**Pink Sapphire or Spinel?**", "To tell Pink Sapphire from"]),
        ("RI 1.544-1.553", ["**Quartz (Amethyst, Ametrine, Citrine, Beer Quartz, …)**", "Rose Quartz (pink, purple)"]),
        ("where is smoky quartz found?", ["**Smoky Quartz**: Smoky Quartz comes chiefly from"]),
    ],
)
def test_answers_name_gems_as_a_gemmologist_does_not_by_their_photo_class_labels(assistant, question, said):
    text = assistant.conversation().ask(question).to_markdown()
    for words in said:
        assert words in text, text[:600]
    assert not re.search(r"Quartz (Smoky|Beer|Rose)|Sapphire Pink|Onyx Red", text), text[:600]


def test_a_reading_that_contradicts_the_answer_is_pointed_out(assistant):
    from gemlang.hints import parse_hints

    evidence = assistant.evidence
    ruby = np.zeros(len(assistant.classifier.classes))
    ruby[assistant.classifier.classes.index("Ruby")] = 0.99
    for said, why in [("hardness 3", "Mohs hardness 3 does not fit Ruby (9)"),
                      ("singly refractive", "argues against Ruby (doubly refractive"),
                      ("it is green", "green is not a usual colour of Ruby")]:  # fmt: skip
        fused = evidence.fuse(ruby, parse_hints(said))
        assert fused.ranking[0][0] == "Ruby" and fused.conflict is None
        assert any(why in d for d in fused.doubts.values()), (said, fused.doubts)
    for said in ("hardness 9", "red, RI 1.77", "found in Brazil", "it scratches glass"):
        assert not evidence.fuse(ruby, parse_hints(said)).doubts, said
    optic = evidence.fuse(ruby, parse_hints("RI 1.77, singly refractive")).doubts["optic"]
    assert "(singly refractive)" in optic and "RI" not in optic  # that reading alone
    # without a photo the table's lines are the answer: a note about the whole first line, not one gem inside it
    table = assistant.conversation().ask("RI 1.54, SG 2.65, singly refractive")
    note = next(n for n in table.notes if n.startswith("I'm not sure because"))
    assert "against Chalcedony (aggregate" in note and "Bloodstone" not in note


def test_a_reading_against_every_gem_of_the_tables_first_line_is_pointed_out_without_a_photo(assistant):
    # the fixed edge below the moving one is optically positive; every corundum is negative, whichever colour
    answer = assistant.conversation().ask("Refractometer: two edges, 1.762 fixed and 1.770 moving. Red.")
    assert answer.unsure and answer.candidates[0][0].startswith("Corundum (Ruby")
    note = next(n for n in answer.notes if n.startswith("I'm not sure because"))
    assert "the optic sign (optically positive) argues against Corundum (negative)" in note
    assert "which edge stays fixed" in note
    fitting_readings = (
        "RI 1.762-1.770, SG 4.00, red",
        "SG 1.05, RI 1.59",
        "RI 1.64, SG 1.27, SR, dark brown",
        "brownish green, RI 1.86, DR 0.020, SG 4.3",  # intermediate zircon's birefringence, not high zircon's
    )
    for fitting in fitting_readings:
        # inside the leader's own range, though a narrower range elsewhere fits better (amber's SG 1.05-1.09 beside
        # plastic's 1.05-1.55): no doubt
        assert not any(n.startswith("I'm not sure because") for n in assistant.conversation().ask(fitting).notes)


def test_an_answer_kept_against_a_reading_is_unsure_and_says_how_to_re_check(assistant):
    chat = assistant.conversation()
    first = chat.ask("what gem is this?", photos=[red_stone_photo()])
    answer = chat.ask("hardness 3")
    assert answer.gem == first.gem and answer.unsure
    assert any(n.startswith("I'm not sure because Mohs hardness 3 does not fit") and "Do not repeat a scratch test" in n
               for n in answer.notes)  # fmt: skip


def test_probabilities_never_read_as_certainty():
    answer = Answer(message="", candidates=[("Tanzanite", 0.998), ("Iolite", 0.001)])
    assert "**Tanzanite** (>99%); next: Iolite (<1%)" in answer.summary_markdown()


def test_several_photos_of_one_stone_are_read_together_and_bad_files_are_skipped(assistant, tmp_path):
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8\xff truncated")
    answer = assistant.conversation().ask("what gem is this?", [red_stone_photo(), red_stone_photo(seed=11), broken])
    assert answer.used_photo and {answer.gem} <= {"Ruby", "Garnet Red"}
    assert any(n.startswith("skipped broken.jpg: ") for n in answer.notes)


def test_asking_about_a_misnomer_answers_for_the_real_gem_and_says_so(assistant):
    answer = assistant.conversation().ask("tell me about smoky topaz")
    assert "Quartz Smoky" in answer.reply
    assert any("misnomer for smoky quartz" in note for note in answer.notes)


def test_a_pair_photos_do_not_separate_is_said_with_the_models_own_record_until_a_reading_comes(chat_model_dir):
    chat_assistant = Assistant.load(chat_model_dir)
    record = {"classes": ["Garnet Red", "Ruby"], "a_as_b": 2, "b_as_a": 2, "photos": 12, "rate": 4 / 12}
    chat_assistant.classifier.info["cross_validation"]["confusion_pairs"] = [record]
    chat = chat_assistant.conversation()
    first = chat.ask("what gem is this?", [red_stone_photo()])
    said = [n for n in first.notes if n.startswith("photos alone do not separate")]
    assert len(said) == 1 and "33% of their 12 photos" in said[0] and "Garnet Red" in said[0] and "Ruby" in said[0]
    assert not any("photos alone" in n for n in chat.ask("RI 1.77").notes)  # a reading is in: no longer said
    record["rate"] = 0.05  # a pair the photos mostly separate is not flagged
    assert not any("photos alone" in n for n in chat_assistant.conversation().ask("?", [red_stone_photo()]).notes)


@pytest.mark.parametrize(
    "question, first, second",
    [
        ("What's the difference between ruby and spinel?", "Ruby", "Spinel"),
        ("tanzanite vs blue sapphire", "Tanzanite", "Sapphire Blue"),
        ("how do I tell smoky topaz from citrine?", "Quartz Smoky", "Citrine"),
    ],
)
def test_a_question_comparing_two_gems_says_how_to_tell_them_apart(assistant, question, first, second):
    chat = assistant.conversation()
    chat.ask("what gem is this?", photos=[red_stone_photo()])
    answer = chat.ask(question)
    assert answer.reply == f"**{first} or {second}?**" and answer.candidates == []
    assert answer.tell_apart == tell_apart(first, second) and first in answer.tell_apart
    assert answer.properties[0] == ("Property", first, second)
    assert ("misnomer" in " ".join(answer.notes)) == ("topaz" in question)
    assert chat.ask("hardness 9").used_photo  # the stone in hand is still there for the next reading


def test_how_the_gem_discussed_compares_to_another_says_how_to_tell_the_two_apart():
    chat = Assistant(classifier=None).conversation()
    chat.ask("tell me about spinel")
    assert chat.ask("how does it compare with ruby?").reply == "**Spinel or Ruby?**"  # was "**Ruby**" alone
    assert chat.ask("which is harder?").reply.startswith("Ruby is harder than Spinel.")


def test_compare_them_compares_the_two_gems_the_message_before_named():
    chat = Assistant(classifier=None).conversation()
    chat.ask("emerald and peridot")
    assert chat.ask("compare them").reply == "**Emerald or Peridot?**"  # was "**Emerald**" alone
    chat.ask("RI 1.48 blue")  # sodalite first
    chat.ask("is it lapis?")
    assert chat.ask("compare them").reply == "**Sodalite or Lapis Lazuli?**"  # the stone answered and the gem asked of


def test_the_first_or_second_one_after_a_comparison_is_that_gem():
    chat = Assistant(classifier=None).conversation()
    chat.ask("ruby vs garnet")
    assert chat.ask("and the second one?").description.startswith("Garnet is")  # was the how-to-begin help
    assert chat.ask("how hard is it?").reply == "**Garnet**: Mohs hardness 6.5–7.5."
    assert chat.ask("the first one?").description.startswith("Ruby is")
    for asked in ("what about the runner-up?", "what's the second one?", "ok, the 2nd?"):  # were the help text
        assert chat.ask(asked).description.startswith("Garnet is"), asked


def test_two_gems_named_without_a_comparison_or_with_readings_are_not_a_comparison(assistant):
    assert assistant.conversation().ask("is it ruby or spinel? SG 3.60").candidates
    assert assistant.conversation().ask("I love ruby and spinel").reply != "**Ruby or Spinel?**"


def test_without_a_photo_the_advice_compares_the_leaders_not_a_long_shot(assistant):
    answer = assistant.conversation().ask("it's blue, RI 1.69-1.70, strong trichroism")
    (first, p1), (second, p2) = answer.candidates[:2]
    assert (first, second) == ("Tanzanite", "Zoisite") and p2 > 0.1 * p1
    assert answer.tell_apart.startswith("Tanzanite is one kind of zoisite")
    assert answer.properties[0][1:] == (first, second)


def test_asking_about_another_gem_compares_the_answer_with_it(assistant):
    chat = assistant.conversation()
    top = chat.ask("what gem is this?", photos=[red_stone_photo()]).gem
    answer = chat.ask("could it be spinel?")
    assert answer.reply.startswith("**Probably not**: Spinel: ") and answer.gem == top != "Spinel"  # under 5%
    assert answer.tell_apart == tell_apart(top, "Spinel") and answer.properties[0] == ("Property", top, "Spinel")


def test_a_lab_grown_twin_asked_about_that_the_caution_keeps_open_is_not_probably_not():
    chat = Assistant(classifier=None).conversation()
    chat.ask("RI 1.718, SG 3.60, singly refractive")
    answer = chat.ask("is synthetic spinel possible?")
    assert answer.reply.startswith("**Unlikely, but not ruled out**: Synthetic Spinel (Verneuil): "), answer.reply
    assert "not so badly as to rule it out" in answer.caution
    # flux-grown spinel, which the knowledge base has no entry of, shares the readings: said, with its sources
    assert "Spinel is grown both by flame fusion (Verneuil) and in a flux" in answer.caution
    assert any(n.startswith("source (lab-grown spinel screening)") for n in answer.notes)


def test_asking_which_of_two_gems_gives_both_their_standing_and_how_to_tell_them_apart(assistant):
    chat = assistant.conversation()
    chat.ask("what gem is this?", photos=[red_stone_photo()])
    answer = chat.ask("is it ruby or spinel?")
    assert answer.reply.startswith("Ruby: ") and "; Spinel: " in answer.reply and "rank" in answer.reply
    assert answer.tell_apart == tell_apart("Ruby", "Spinel") and answer.properties[0] == ("Property", "Ruby", "Spinel")


@pytest.mark.parametrize("question", ["RUBBY OR SPINEL??", "rubby or spinel?", "is it ruby or spinnel"])
def test_a_choice_of_two_gems_with_a_side_misspelt_gets_both_as_the_clean_one_does(assistant, question):
    chat = assistant.conversation()
    chat.ask("what gem is this?", photos=[red_stone_photo()])
    answer = chat.ask(question)
    assert "Ruby: " in answer.reply and "Spinel: " in answer.reply
    assert answer.tell_apart == tell_apart("Ruby", "Spinel") and answer.properties[0] == ("Property", "Ruby", "Spinel")


def test_the_re_check_advice_fits_the_optic_reading():
    from gemlang.assistant import doubt_note
    from gemlang.hints import parse_hints

    said = {"optic": "the polariscope argues against Ruby"}
    assert "optic axis" in doubt_note("Ruby", said, parse_hints("singly refractive"))
    assert "conoscope" in doubt_note("Ruby", said, parse_hints("biaxial"))
    streak = {"a light blue streak": "the streak test (a light blue streak) argues against Sodalite (white)"}
    note = doubt_note("Sodalite", streak, parse_hints("the streak is light blue"))
    assert note.endswith("Repeat the streak on a clean part of the plate, on rough or a hidden spot.")  # no loupe


def test_asked_whether_it_is_real_the_answer_says_which_test_would_expose_an_imitation(assistant):
    from gemlang.assistant import caution
    from gemlang.hints import Hints

    text = caution([("Ruby", 0.9), ("Spinel", 0.05)], Hints(), assistant.evidence, asked=True, shown="Ruby")
    assert text.startswith("From a photo alone I cannot tell natural Ruby from lab-grown corundum")
    assert re.search(r"\) would expose [\w\- ()]+ \([^)]*Ruby [\d.]+\)", text), text


def test_a_question_naming_an_imitation_asks_whether_it_is_real_and_names_it_first(assistant, tmp_path):
    from gemlang.assistant import caution
    from gemlang.hints import Hints

    text = caution([("Diamond", 0.99)], Hints(), assistant.evidence, asked=True, named=["Moissanite"], shown="Diamond")
    assert text.startswith("From a photo alone I cannot tell natural Diamond from lab-grown diamond or Moissanite")
    assert "would expose Moissanite" in text
    chat = assistant.conversation()
    chat.ask("what gem is this?", [red_stone_photo(tmp_path / "stone.jpg")])
    answer = chat.ask("is it a ruby or a synthetic ruby (verneuil)?")  # what a photo cannot tell: the answer itself
    assert answer.reply.startswith("From a photo alone I cannot tell natural Ruby from lab-grown corundum")


@pytest.mark.parametrize("question", ["man-made?", "is it manmade?", "artificial?", "manufactured?", "lab made?"])
def test_man_made_or_artificial_of_a_photo_is_answered_as_lab_created_is(question):
    def ask(text):
        return stone_answered("Ruby", "Spinel", "Synthetic Ruby (Verneuil)").ask(text).reply

    said = ask(question)  # was "My facts on Ruby do not answer that"
    assert said == ask("lab-created?") and said.startswith("From a photo alone I cannot tell natural Ruby"), said[:120]
    assert not ask("does it change colour under artificial light?").startswith("From a photo alone")


@pytest.mark.parametrize(
    "question, reply",
    [("is it red?", "**Yes**: Ruby comes in red"),  # each was "My facts on Ruby do not answer that"
     ("is my stone red?", "**Yes**: Ruby comes in red"),
     ("is it blue?", "**My facts list no blue ruby**: Ruby comes in red"),
     ("can it be blue?", "**My facts list no blue ruby**: Ruby comes in red")],
)  # fmt: skip
def test_a_colour_asked_of_a_photos_stone_is_answered_from_its_gems_colours_not_read_off_the_photo(question, reply):
    said = stone_answered("Ruby", "Spinel", "Garnet Red").ask(question).reply
    assert said.startswith(reply) and "I do not name the colour a photo shows" in said, said[:160]


def test_a_simulant_the_readings_fit_is_not_said_to_fit_the_gem_they_rule_out():
    chat = Assistant(classifier=None).conversation()
    answer = chat.ask("RI >1.81, SG 5.8, singly refractive, colourless")  # over the refractometer's limit
    assert chat.hints.readings.ri.high >= 99 and answer.candidates[0][0] == "Cubic Zirconia"
    text = answer.to_markdown()
    assert "not Diamond, which it imitates" in text and "as well as Diamond" not in text
    grown = Assistant(classifier=None).conversation().ask("RI over 1.79, SG 3.52, singly refractive").to_markdown()
    assert "possibly CVD Diamond" in grown and "morphology" not in grown  # a rough crystal's shape: no use cut
    flux = Assistant(classifier=None).conversation().ask("green, RI 1.561-1.564, SG 2.65, flux wisps").to_markdown()
    assert "are its signs, not Emerald's" in flux  # the gem its facts say it imitates, not a look-alike


def test_lab_grown_stones_an_instrument_exposes_are_not_said_to_share_the_natural_constants():
    from gemlang.assistant import caution
    from gemlang.fusion import EvidenceModel
    from gemlang.hints import parse_hints

    evidence = EvidenceModel(["Sapphire Pink", "Ruby"])
    text = caution([("Sapphire Pink", 0.9)], parse_hints(""), evidence, asked=True)
    assert "would expose Flux-Grown Sapphire (Flux-Grown Sapphire " in text
    assert "Other lab-grown stones share the natural constants" in text
    ruby = caution([("Ruby", 0.9)], parse_hints(""), evidence, asked=True)
    assert "Sapphire" not in ruby and "Lab-grown stones share the natural constants" in ruby


def test_flame_fusion_spinel_is_told_from_natural_spinel_by_its_strain_in_the_polariscope():
    from gemlang.assistant import Answer, follow_up
    from gemlang.knowledge import get_facts
    from gemlang.knowledge.tell_apart import tell_apart

    spinel, grown = get_facts("Spinel"), get_facts("Synthetic Spinel (Verneuil)")
    assert "optic character (polariscope)" in tell_apart(spinel, grown) and "strain (ADR)" in tell_apart(spinel, grown)
    assert "strain" not in tell_apart(get_facts("Amber"), get_facts("Plastic"))  # both strained: no test
    evidence = Assistant(classifier=None).evidence
    reply = follow_up("is it natural?", Answer(message="", candidates=[("Spinel", 0.95)]), evidence)
    assert "would expose Synthetic Spinel (Verneuil)" in reply and "share the natural constants" not in reply


def test_a_very_long_message_is_read_up_to_a_cap_and_says_so():
    from gemlang.assistant import MAX_MESSAGE_CHARS

    chat = Assistant(classifier=None).conversation()
    answer = chat.ask("RI 1.762-1.770, SG 4.00, red. " + "the stone is nice and shiny " * 5000 + " SG 2.65")
    assert f"first {MAX_MESSAGE_CHARS:,} characters" in answer.to_markdown()
    assert chat.hints.readings.sg.low == 4.0  # the reading past the cap was not read


def test_a_reading_taken_back_no_longer_counts_and_the_rest_stays():
    chat = Assistant(classifier=None).conversation()
    chat.ask("RI 1.762-1.770, SG 4.00, red")
    answer = chat.ask("sorry, ignore the RI, I misread it")
    assert chat.hints.readings.ri is None and chat.hints.readings.sg.low == 4.0
    assert "left out as you asked: RI" in answer.to_markdown() and "RI" not in " ".join(answer.hints_used)


def test_readings_that_fit_no_gem_together_make_the_answer_unsure_and_ask_to_retake_them():
    answer = Assistant(classifier=None).conversation().ask("RI 1.762-1.770, SG 2.65")
    assert answer.unsure and "your readings fit no gem together" in answer.to_markdown()


def test_treatment_and_value_questions_are_answered_plainly_without_a_price():
    chat = Assistant(classifier=None).conversation()
    chat.ask("RI 1.762-1.770, SG 4.00, red")
    heated = chat.ask("is it heated?").to_markdown()
    assert "a gem laboratory decides" in heated and "heat treatment" in heated
    worth = chat.ask("what's it worth per carat?").to_markdown()
    assert "I do not price stones" in worth and not re.search(r"[$€£]\s?\d", worth)
    assert "I do not price stones" in chat.ask("is it valuable?").reply
    told = chat.ask("it was heated by the lab").to_markdown()  # a statement, not a question
    assert "gem laboratory decides" not in told


def test_whether_a_gem_is_worth_polishing_gets_no_price_and_what_its_facts_say_of_polishing_it():
    chat = Assistant(classifier=None).conversation()
    chat.ask("what is jasper?")
    jasper = chat.ask("is it worth polishing?").reply  # was "**Jasper**" and its card again
    assert jasper.startswith("**Jasper**: I do not price stones: value rests on colour")
    assert "What my facts say of working jasper: hardness 6.5–7;" in jasper and "cut as cabochons" in jasper
    chat = Assistant(classifier=None).conversation()
    chat.ask("what is opal?")  # its facts say nothing of polishing it: the refusal alone
    assert chat.ask("is it worth polishing?").reply.endswith("an independent appraiser can value it.")


@pytest.mark.parametrize(
    "question, priced",
    [("worth cutting? they are about 5mm", False), ("is it worth getting it tested?", False),
     ("What's the difference between replacement value and fair market value in wording?", False),
     ("Sent for a replacement value estimate. What can I state from a photo alone?", False),
     ("how much does it weigh?", False), ("is it worth anything?", True), ("what's the resale value?", True),
     ("how much would it sell for", True), ("does the heating affect its value?", True),
     ("Can you give a replacement value range for a 2 ct ruby of this quality?", True)],
)  # fmt: skip
def test_only_a_question_seeking_a_price_gets_the_price_refusal(question, priced):
    chat = Assistant(classifier=None).conversation()
    chat.ask("RI 1.762-1.770, SG 4.00, red")
    assert ("I do not price stones" in chat.ask(question).to_markdown()) is priced


@pytest.mark.parametrize("question", ["is it worth buying?", "should I buy it?", "is it a good buy?"])
def test_whether_the_stone_in_hand_is_worth_buying_gets_no_price_but_what_to_ask_the_seller(question):
    reply = stone_answered("Ruby", "Spinel").ask(question).reply  # was "My facts on Ruby do not answer that."
    assert reply.startswith("I do not price stones: value rests on colour, clarity, cut, carat weight, treatment")
    assert "have the seller write on the receipt" in reply and "independent laboratory's report" in reply
    assert "(those of ruby: heat treatment, glass filling and flux healing)" in reply
    for other in (
        "is it worth getting it tested?",
        "should i get them restrung?",
        "what stone should I buy for my wife?",
    ):
        assert "have the seller write" not in stone_answered("Ruby", "Spinel").ask(other).reply


def test_a_sellers_claims_beside_a_price_are_said_to_need_a_laboratory_and_their_place_is_no_evidence():
    answer = (
        Assistant(classifier=None)
        .conversation()
        .ask("seller wants $900 for this natural unheated Burma ruby, RI 1.762-1.770, is it worth it?")
    )
    assert answer.reply.startswith("**I give no prices, but natural, unheated and Burma are the seller's claims:**")
    assert "I left Burma out of the evidence" in answer.reply and "What a gemmologist looks for" not in answer.reply
    assert not any("Burma" in used or "Myanmar" in used for used in answer.hints_used)
    assert "Ruby" in answer.reply  # the readings' answer follows
    plain = Assistant(classifier=None).conversation().ask("seller wants $900 for it, RI 1.762-1.770, worth it?")
    assert "I do not price stones" in plain.reply
    one = Assistant(classifier=None).conversation().ask("seller wants $500 for a Ceylon sapphire, is that a good deal?")
    assert one.reply.startswith("**I give no prices, but Ceylon is the seller's claim:** it shows in no photo")


def test_a_colour_alone_asks_for_a_photo_or_a_reading_and_is_kept_for_them():
    chat = Assistant(classifier=None).conversation()
    first = chat.ask("a red stone")
    assert "A colour alone (red) fits too many gems" in first.reply and not first.candidates
    assert "red" in chat.ask("RI 1.762-1.770").hints_used[0]  # the colour refines the reading that follows


def test_a_red_ring_is_the_doublet_test_not_the_stones_colour():
    from gemlang.hints import parse_hints

    assert parse_hints("green stone, red ring when placed table down").colours == ("green",)


def test_an_origin_question_is_answered_and_a_place_asked_about_is_no_evidence():
    chat = Assistant(classifier=None).conversation()
    before = chat.ask("RI 1.762-1.770, SG 4.00, red").candidates
    where = chat.ask("where is it from?").to_markdown()
    assert "a gem laboratory decides origin" in where and "Myanmar" in where
    arizona = chat.ask("is it from Arizona?")
    assert "Arizona is not among its known sources" in arizona.to_markdown()
    assert arizona.candidates == before and not chat.hints.countries  # asked, not said


def test_an_unsure_answer_with_a_likely_gem_is_not_called_a_best_guess_at_over_99_percent():
    from gemlang.assistant import Answer

    argued = Answer("", candidates=[("Topaz", 0.995), ("Quartz", 0.004)], unsure=True).summary_markdown()
    assert "though the evidence puts **Topaz** at >99%" in argued and "best guess" not in argued
    torn = Answer("", candidates=[("Topaz", 0.35), ("Quartz", 0.30)], unsure=True).summary_markdown()
    assert "My best guess is **Topaz** (35%), but it could also be Quartz (30%)" in torn


def test_glass_compared_with_a_gem_is_the_imitation_not_a_scratch_test():
    from gemlang.assistant import gems_compared

    assert [g.name for g in gems_compared("how do I tell emerald from green glass?")] == ["Emerald", "Glass (Paste)"]
    assert gems_compared("ruby, and it scratches glass") == []


def test_a_gem_and_its_own_kind_leading_together_do_not_make_the_answer_unsure():
    answer = Assistant(classifier=None).conversation().ask("RI 1.62-1.64, DR 0.018, green, uniaxial")
    assert answer.candidates[0][0] == "Tourmaline (Elbaite)"  # Elbaite is one kind of tourmaline: one line
    assert not answer.unsure


@pytest.mark.parametrize("said", ["now the next stone: RI 1.544-1.553, purple", "second stone, RI 1.544-1.553, purple"])
def test_the_next_stone_is_a_new_stone_without_the_last_ones_photo(said):
    from gemlang.fusion import EvidenceModel

    chat = Assistant(None, evidence=EvidenceModel(["Sapphire Blue", "Amethyst"])).conversation()
    chat.image_probs = np.array([0.95, 0.05])
    answer = chat.ask(said)
    assert not answer.used_photo and "Amethyst" in answer.gem


def test_a_new_stone_with_readings_is_ranked_by_them_and_stays_for_the_next_question():
    chat = Assistant(classifier=None).conversation()
    chat.ask("RI 1.762-1.770, SG 4.00, red")
    answer = chat.ask("new stone: blue, RI 1.691-1.700, SG 3.35")
    assert answer.gem == "Tanzanite" and any("new stone" in n for n in answer.notes)
    assert chat.ask("what is it?").gem == "Tanzanite"  # not the help text: the readings were kept


def test_what_to_test_next_asked_with_the_readings_is_answered_on_their_card():
    answer = Assistant(classifier=None).conversation().ask("yellow, SG 3.52, RI 1.61-1.62, what would you test next?")
    assert answer.gem == "Topaz" and answer.next_test == "No further test is needed to name it Topaz."


def test_how_a_lab_would_confirm_it_is_answered_with_the_cautions_test_of_the_stone_it_names():
    chat = Assistant(classifier=None).conversation()
    chat.ask("red stone, RI 1.728 SR, strong red under the Chelsea filter")  # pyrope leads, flame-fusion spinel next
    lab = chat.ask("how would a lab confirm it?")
    assert lab.reply.startswith("Possibly Synthetic Spinel (Verneuil)") and "gas bubbles" in lab.reply
    chat = Assistant(classifier=None).conversation()
    chat.ask("yellow stone RI 1.76-1.77, curved striae, gas bubbles")
    confirm = chat.ask("how do I confirm?")  # was "A photo is no measurement: …", of a chat without a photo
    assert confirm.reply.startswith("Likely Synthetic Sapphire (Verneuil)") and "photo" not in confirm.reply


def test_how_a_lab_would_confirm_a_flame_fusion_corundum_says_what_the_laboratory_looks_at():
    chat = Assistant(classifier=None).conversation()
    chat.ask("red stone, RI 1.76-1.77, curved striae")
    lab = chat.ask("How would a lab confirm it?")  # was "… A gem laboratory can confirm it." and no more
    assert lab.reply.startswith("Likely Synthetic Ruby (Verneuil) (lab-grown): curved striae are its signs")
    assert "trace elements (by EDXRF)" in lab.reply
    assert any(n.startswith("source (lab-grown corundum screening): Muhlmeister") for n in lab.notes)


@pytest.mark.parametrize(
    "question",
    ["how would a lab tell them apart?", "how can a gemmologist tell them apart?",
     "how does a gemmologist tell natural from synthetic?"],  # the last was the glossary's "Natural" entry
)  # fmt: skip
def test_how_a_lab_would_tell_the_readings_gems_apart_says_what_the_laboratory_looks_at(question):
    chat = Assistant(classifier=None).conversation()
    chat.ask("RI 1.762-1.770, SG 4.00")  # every corundum, natural and lab-grown
    lab = chat.ask(question)  # was the card again, or "My facts on Corundum do not answer that"
    assert lab.reply.startswith("**How a laboratory tells them apart:** Sapphire, Padparadscha Sapphire, Ruby")
    assert "are all corundum, with the same constants: a laboratory names the variety by its colour" in lab.reply
    assert "Flux-Grown Ruby: flux remnants" in lab.reply
    assert "trace elements (by EDXRF)" in lab.to_markdown()  # in the caution where "synthetic" asked for one
    assert any(n.startswith("source (lab-grown corundum screening): Muhlmeister") for n in lab.notes)


def test_the_cautions_test_gives_glass_the_range_of_the_kind_its_ri_reads_as_the_next_test_does():
    answer = Assistant(classifier=None).conversation().ask("purple stone, RI 1.55 singly refractive, round bubbles")
    assert "Glass (Paste) 2.85–3.40" in answer.caution and "Glass (Paste) 2.85–3.40" in answer.next_test
    assert "2.30–4.50" not in answer.caution  # all glass's range, beside the light flint glass the RI reads


def test_a_diamond_simulant_asked_of_simulant_readings_is_answered_yes_not_probably_not_diamond():
    chat = Assistant(classifier=None).conversation()
    chat.ask("colourless stone, RI OTL, SG 4.6, singly refractive")
    reply = chat.ask("is it a diamond simulant?").reply  # was "**Probably not**: Diamond: <1% …"
    assert reply.startswith("Likely YAG (Yttrium Aluminium Garnet) (a simulant)") and "Probably not" not in reply
    chat = Assistant(classifier=None).conversation()
    chat.ask("RI 2.15 SR, SG 5.8")
    assert chat.ask("is it a fake diamond?").reply.startswith("Likely Cubic Zirconia (a simulant)")


@pytest.mark.parametrize("asked", ["was I scammed?", "have I been cheated?", "did they rip me off?"])
def test_whether_one_was_scammed_is_answered_as_whether_it_is_real(asked):
    chat = Assistant(classifier=None).conversation()
    chat.ask("RI over the limit, SG 5.8, SR")
    reply = chat.ask(asked).reply  # was "My facts on Cubic Zirconia do not answer that. …"
    assert reply.startswith("Likely Cubic Zirconia (a simulant): your readings fit it, not Diamond")


def test_questions_about_the_same_stone_are_answered_first_not_with_the_analysis_again():
    chat = Assistant(classifier=None).conversation()
    first = chat.ask("RI 1.52, singly refractive, gas bubbles, purple")
    assert first.gem == "Glass (Paste)" and first.caution
    nxt = chat.ask("what test next?")
    assert nxt.reply.startswith(("Next: ", "To confirm Glass (Paste): ")) and not nxt.tell_apart
    sure = chat.ask("how confident are you?")
    assert sure.reply.startswith(("Not very: Glass (Paste)", "Glass (Paste) at"))
    natural = chat.ask("is it natural?")
    assert natural.reply.lower().startswith("likely glass") and not natural.caution  # said once
    assert chat.ask("could it be glass?").reply.startswith("Glass (Paste): ")
    ruby = Assistant(classifier=None).conversation()
    ruby.ask("red, RI 1.762-1.770, SG 4.00")
    assert "lab-grown" in ruby.ask("is it natural?").reply  # a ruby's readings fit its lab-grown twins too
    for asked in ("is it a simulant?", "is it an imitation?"):  # were nothing above the card: asked as "is it real?"
        assert ruby.ask(asked).reply.startswith("Your readings cannot tell natural Ruby from lab-grown corundum")


def test_readings_that_settle_a_pair_photos_confuse_are_not_a_contradiction():
    from types import SimpleNamespace

    from gemlang.assistant import settled_by_readings
    from gemlang.fusion import EvidenceModel

    pairs = {frozenset({"Sapphire Blue", "Tanzanite"}): {"rate": 0.1}}
    classifier = SimpleNamespace(photo_confusion=lambda a, b, at_least: pairs.get(frozenset({a, b})))
    a = SimpleNamespace(classifier=classifier, evidence=EvidenceModel(["Sapphire Blue", "Ruby"]))
    photo = np.array([0.9, 0.1])
    assert "your readings settle it" in settled_by_readings(photo, "Tanzanite", a)
    assert settled_by_readings(photo, "Spinel", a) == ""  # a pair photos do separate: a real contradiction
    assert settled_by_readings(None, "Tanzanite", a) == ""
    glass = settled_by_readings(photo, "Glass (Paste)", a)  # a copy looks like the gem it copies
    assert "which Glass (Paste) imitates" in glass


def test_natural_or_cultured_of_a_pearl_is_answered_with_what_settles_it():
    chat = Assistant(classifier=None).conversation()
    assert chat.ask("RI 1.52-1.66, SG 2.72, nacre, gritty on the teeth").gem == "Pearl"
    reply = chat.ask("is it natural or cultured?").reply
    assert reply.startswith("Natural or cultured is a gem laboratory's call") and "x-radiography" in reply.lower()


def test_follow_ups_on_a_photo_alone_ask_for_a_measurement_and_name_no_gem_for_a_rejected_photo():
    from gemlang.fusion import EvidenceModel
    from gemlang.scope import NOT_A_GEM_PHOTO, ScopeVerdict

    chat = Assistant(None, evidence=EvidenceModel(["Ruby", "Spinel", "Garnet Red"])).conversation()
    chat.image_probs = np.array([0.95, 0.03, 0.02])
    assert chat.ask("what test next?").reply.startswith("A photo is no measurement: to confirm Ruby, take the")
    assert chat.ask("are you sure?").reply.startswith("No, not for certain: Ruby leads at ")  # a photo's look-alikes
    assert "from the photo alone" in chat.ask("how sure are you?").reply
    chat.scope = ScopeVerdict(NOT_A_GEM_PHOTO)  # the photo was not a gem photo: no gem to discuss
    assert "Ruby" not in chat.ask("how confident are you?").reply


def test_follow_ups_on_a_photo_it_could_not_place_describe_no_gem():
    from gemlang.fusion import EvidenceModel
    from gemlang.scope import NOT_A_GEM_PHOTO, UNKNOWN_MINERAL, ScopeVerdict

    for verdict in (ScopeVerdict(NOT_A_GEM_PHOTO), ScopeVerdict(UNKNOWN_MINERAL, closest=("Ametrine",))):
        chat = Assistant(None, evidence=EvidenceModel(["Ametrine", "Ruby", "Spinel"])).conversation()
        chat.image_probs = np.array([0.9, 0.05, 0.05])
        chat.scope = verdict
        chat.ask("what gem is this?")
        assert "Ametrine" not in chat.ask("is it rare?").reply  # the advice names it only as "ametrine" to ask of
        found = chat.ask("where is it found?").reply
        assert "a gem laboratory decides origin" in found and "Ametrine comes" not in found


def test_what_made_you_say_a_gem_is_asked_why():
    from gemlang.fusion import EvidenceModel

    chat = Assistant(None, evidence=EvidenceModel(["Ruby", "Spinel", "Garnet Red"])).conversation()
    chat.image_probs = np.array([0.95, 0.03, 0.02])
    why = chat.ask("why do you think it's ruby?").reply.partition("\n")[0]
    for asked in ("what made you say ruby?", "what makes you think it's a ruby?"):
        assert chat.ask(asked).reply.partition("\n")[0] == why


def test_real_or_fake_of_the_gem_of_a_photo_opens_with_what_a_photo_cannot_tell():
    from gemlang.fusion import EvidenceModel

    for asked in ("is it a real ruby or a fake?", "is this ruby genuine?"):
        chat = Assistant(
            None, evidence=EvidenceModel(["Ruby", "Spinel", "Flux-Grown Ruby", "Glass (Paste)"])
        ).conversation()
        chat.image_probs = np.array([0.9, 0.04, 0.03, 0.03])
        answer = chat.ask(asked)
        assert answer.reply.startswith("From a photo alone I cannot tell natural Ruby from ") and not answer.caution


def test_asking_for_the_broad_gem_of_the_answer_is_answered_for_all_its_kinds():
    from gemlang.fusion import EvidenceModel

    chat = Assistant(None, evidence=EvidenceModel(["Sapphire Blue", "Ruby", "Amethyst"])).conversation()
    chat.image_probs = np.array([0.95, 0.03, 0.02])
    assert chat.ask("is it a sapphire?").reply.startswith("Sapphire Blue is one kind of Sapphire: ")


def test_two_kinds_of_the_leading_gem_asked_about_are_answered_in_one_sentence():
    from gemlang.fusion import EvidenceModel

    chat = Assistant(None, evidence=EvidenceModel(["Spodumene", "Hiddenite", "Kunzite"])).conversation()
    chat.image_probs = np.array([0.96, 0.02, 0.02])  # a yellow spodumene: neither named variety
    reply = chat.ask("is it hiddenite or kunzite?").reply
    assert reply.startswith("Hiddenite and Kunzite are both kinds of Spodumene, which leads at ")
    assert reply.count("Spodumene") == 1 and "on their own, Hiddenite" in reply


def test_a_gems_constant_asked_for_is_answered_without_changing_the_stone_in_hand():
    from gemlang.fusion import EvidenceModel

    chat = Assistant(None, evidence=EvidenceModel(["Emerald", "Ruby"])).conversation()
    chat.image_probs = np.array([0.95, 0.05])
    assert chat.ask("what is the hardness of ruby?").reply == "**Ruby**: Mohs hardness 9."
    assert chat.ask("what is it?").gem == "Emerald"


def test_glass_the_readings_put_first_is_said_to_fit_them_better_than_the_natural_gem_behind_it(assistant):
    from gemlang.assistant import caution
    from gemlang.hints import parse_hints

    hints = parse_hints("RI 1.52, SG 2.50, singly refractive")
    ahead = caution([("Glass (Paste)", 0.6), ("Chrysocolla", 0.3)], hints, assistant.evidence)
    behind = caution([("Chrysocolla", 0.6), ("Glass (Paste)", 0.3)], hints, assistant.evidence)
    assert "fit it better than Chrysocolla" in ahead and "fit it as well as Chrysocolla" in behind


def test_a_lab_grown_twin_far_behind_the_natural_gem_is_named_when_asked_but_not_as_fitting_as_well(assistant):
    from gemlang.assistant import caution
    from gemlang.hints import parse_hints

    hints = parse_hints("RI 1.718, singly refractive, SG 3.60, red")
    ranking = [("Spinel", 0.94), ("Synthetic Spinel (Verneuil)", 0.03)]
    text = caution(ranking, hints, assistant.evidence, asked=True)
    assert "Synthetic Spinel (Verneuil)" in text and "less well than Spinel (3% against 94%)" in text
    assert "as well as" not in text


def test_a_simulant_the_ranking_leads_with_is_likely_not_possibly(assistant):
    from gemlang.assistant import caution
    from gemlang.hints import parse_hints

    hints = parse_hints("RI over limit, SG 5.80, singly refractive, colourless")
    leading = caution([("Cubic Zirconia", 0.98), ("Diamond", 0.01)], hints, assistant.evidence)
    assert leading.startswith("likely Cubic Zirconia (a simulant)")
    behind = caution([("Diamond", 0.6), ("Cubic Zirconia", 0.3)], hints, assistant.evidence)
    assert behind.startswith("possibly Cubic Zirconia")
    barely = caution([("Cubic Zirconia", 0.4), ("Diamond", 0.35)], hints, assistant.evidence)
    assert barely.startswith("possibly Cubic Zirconia")  # first, but not by more than half


@pytest.mark.parametrize(
    "said, shown, basis",
    [("RI 1.746-1.755, SG 3.73, colour change, green and red", "Alexandrite", "the photo and how often each is met"),
     ("RI 1.746-1.755, SG 3.73, colour change, green and red", None, "how often each is met")],
)  # fmt: skip
def test_a_twin_the_readings_do_not_separate_is_said_to_fit_as_well_with_what_put_the_natural_gem_first(
    said, shown, basis
):
    from gemlang.assistant import caution

    ranking = [("Alexandrite", 0.97), ("Synthetic Alexandrite", 0.03)]
    text = caution(ranking, parse_hints(said), Assistant(classifier=None).evidence, asked=True, shown=shown)
    assert "natural Alexandrite from lab-grown chrysoberyl: Synthetic Alexandrite shares its constants" in text, text
    assert f"its constants; {basis} put Alexandrite first (97% against 3%)" in text
    assert "less well" not in text


def test_natural_or_synthetic_of_corundum_readings_says_the_readings_cannot_tell_and_what_magnification_shows():
    reply = Assistant(classifier=None).conversation().ask("RI 1.762-1.770, SG 4.00, natural or synthetic?")
    said = reply.caution
    assert said.startswith("your readings cannot tell natural Corundum from lab-grown corundum:"), said
    assert "Flux-Grown Sapphire, Synthetic Sapphire (Verneuil)" in said and "share its constants" in said
    assert "Synthetic Sapphire (Verneuil): curved striae" in said and "Flux-Grown Sapphire: flux remnants" in said
    assert "a gem laboratory decides" in said


def test_the_lab_grown_twins_named_share_the_natural_gems_colour():
    ask = Assistant(classifier=None).conversation().ask
    blue = ask("RI 1.76, blue in natural light").caution
    assert blue.startswith("your readings cannot tell natural Sapphire Blue from lab-grown corundum"), blue
    assert "Ruby" not in blue  # a red twin is no blue sapphire's
    clear = Assistant(classifier=None).conversation().ask("its clear, scratches glass").caution
    assert "Emerald" not in clear and "Cubic Zirconia" in clear, clear


def test_without_a_photo_glass_is_not_said_to_imitate_a_gem_nobody_named(assistant):
    from gemlang.assistant import caution
    from gemlang.hints import parse_hints

    hints = parse_hints("RI 1.52, SG 2.50, singly refractive")
    alone = caution([("Glass (Paste)", 0.9), ("Slocum Stone", 0.05)], hints, assistant.evidence)
    assert alone.startswith("likely glass") and "which it imitates" not in alone
    shown = caution([("Glass (Paste)", 0.9)], hints, assistant.evidence, shown="Emerald")
    assert "not Emerald, which it imitates" in shown


@pytest.mark.parametrize(
    "said", ["RI 1.50, SG 2.40, SR, gas bubbles", "RI 1.50-1.52, singly refractive", "RI 1.51, SG 2.45, isotropic"]
)
def test_readings_of_glass_are_said_to_be_glass_natural_or_man_made_with_what_tells_them_apart(assistant, said):
    # obsidian and moldavite are glass too: man-made glass is no lesser fit beside them, nor behind a lone simulant
    reply = Assistant(classifier=None).conversation().ask(said)
    assert reply.caution.startswith(("likely glass, natural (", "possibly glass, natural (")), reply.caution
    assert "or man-made (Glass (Paste)" in reply.caution and "To tell man-made glass from " in reply.caution


def test_a_glass_like_reading_does_not_lead_with_the_gilson_lapis_imitation_an_aggregate():
    # Gilson lapis is ultramarine and zinc phosphate grains, an aggregate like lapis: no singly refractive reading
    reply = Assistant(classifier=None).conversation().ask("RI 1.50-1.52, singly refractive")
    assert reply.candidates[0][0] != "Gilson Lapis Lazuli", reply.candidates[:3]
    said = Assistant(classifier=None).conversation().ask("RI 1.50, SG 2.35, aggregate, opaque blue")
    assert said.candidates[0][0] == "Gilson Lapis Lazuli", said.candidates[:3]


def test_glass_is_likely_when_every_glass_together_holds_over_half(assistant):
    from gemlang.assistant import caution
    from gemlang.hints import parse_hints

    hints = parse_hints("RI 1.52, singly refractive, gas bubbles")
    ranking = [("Glass (Paste)", 0.49), ("Plastic", 0.19), ("French Jet (Black Glass)", 0.06), ("Chrysocolla", 0.04)]
    assert caution(ranking, hints, assistant.evidence).startswith("likely glass (Glass (Paste), French Jet")


def test_a_treatment_sign_seen_earlier_answers_is_it_treated_and_is_said_once():
    chat = Assistant(classifier=None).conversation()
    first = chat.ask("RI 1.762-1.770, SG 4.00, red, a blue flash in the fissures").to_markdown()
    assert first.count("mark of a filling") == 1
    treated = chat.ask("is it treated?").to_markdown()
    assert "What you saw points to one: a blue or orange flash in fissures" in treated
    together = Assistant(classifier=None).conversation().ask("RI 1.762-1.770, SG 4.00, flash in fractures, treated?")
    assert together.to_markdown().count("mark of a filling") == 1
    assert "mark of a filling" not in chat.ask("new stone: RI 1.544-1.553, SG 2.65, is it treated?").to_markdown()


def test_a_filling_seen_with_is_it_emerald_is_answered_with_what_the_filling_means():
    reply = Assistant(classifier=None).conversation().ask("oil or resin in the fissures, is it emerald?").to_markdown()
    assert "mark of a filling" in reply and "clarity enhancement" in reply
    assert "tells how the stone was treated, not which gem it is" in reply and reply.count("mark of a filling") == 1


def test_what_test_next_asks_for_the_readings_not_yet_taken_or_names_the_look_alike_left():
    from gemlang.assistant import Answer, follow_up
    from gemlang.hints import parse_hints

    evidence = Assistant(classifier=None).evidence
    scratched = Answer(message="", candidates=[("Emerald", 0.9), ("Soudé Emerald", 0.02)], hints_used=["Mohs"])
    scratched.used_photo = True  # the photo's answer: what it lacks is a measurement
    reply = follow_up("what test next?", scratched, evidence, parse_hints("it scratches glass"))
    assert reply.startswith("A photo is no measurement") and "refractive index" in reply
    measured = Answer(message="", candidates=[("Emerald", 0.97), ("Soudé Emerald", 0.02)], hints_used=["RI", "SG"])
    measured.tell_apart = "Emerald and Soudé Emerald have constants too close ..."
    reply = follow_up("what test next?", measured, evidence, parse_hints("RI 1.577-1.583, SG 2.72"))
    assert "No further test" not in reply and "What is left is Soudé Emerald" in reply


@pytest.mark.parametrize("asked", ["what next?", "ok, what now?", "what's next?", "now what?", "and then?"])
def test_a_bare_what_next_after_readings_gives_the_next_test(asked):
    chat = Assistant(classifier=None).conversation()
    chat.ask("RI 1.43 SR")
    reply = chat.ask(asked).reply
    assert reply.startswith("Next: specific gravity") and "do not answer that" not in reply


def test_a_lab_grown_stone_met_rarely_is_a_caution_only_when_asked_about():
    plain = Assistant(classifier=None).conversation().ask("RI 1.624-1.644, DR 0.020, SG 3.06, uniaxial, green")
    asked = (
        Assistant(classifier=None).conversation().ask("RI 1.624-1.644, DR 0.020, SG 3.06, uniaxial, green. Synthetic?")
    )
    assert "Paraíba" not in plain.caution and "Lab-Grown Paraíba Tourmaline" in asked.caution


def test_natural_asked_of_a_stone_the_photo_is_sure_of_names_the_lab_grown_twin_the_readings_fit_as_well():
    from gemlang.fusion import EvidenceModel

    chat = Assistant(None, evidence=EvidenceModel(["Emerald", "Peridot"])).conversation()
    chat.image_probs = np.array([0.98, 0.02])  # the photo says emerald
    said = "it glows red under long-wave UV and is bright red through the Chelsea filter. natural?"
    caution = chat.ask(said).caution
    assert "cannot tell natural Emerald from lab-grown beryl: Flux-Grown Emerald and Hydrothermal Emerald" in caution


def test_natural_against_lab_grown_says_where_a_twin_reads_just_apart():
    chat = Assistant(classifier=None).conversation()
    emerald = chat.ask("how do I tell natural emerald from synthetic emerald?").reply
    assert "rarely tell them apart (Flux-Grown Emerald's RI 1.560–1.563 and SG 2.65–2.66 lie just below" in emerald
    ruby = chat.ask("how do I know if my ruby is synthetic?").reply
    assert "has the same constants as a natural one" in ruby


@pytest.mark.parametrize(
    "asked",
    [
        "how do I tell natural from synthetic spinel?",
        "how do I separate natural and synthetic spinel",
        "how can I tell if a spinel is lab-grown?",
        "how do you tell synthetic spinel from natural?",
    ],
)
@pytest.mark.parametrize("readings", ["RI 1.718 SR, SG 3.60", "RI 1.577-1.583, SG 2.72"])
def test_how_to_tell_natural_from_lab_grown_asked_with_a_stone_in_hand_says_how_not_its_odds(readings, asked):
    chat = Assistant(classifier=None).conversation()
    chat.ask(readings)
    reply = chat.ask(asked).reply
    assert reply.startswith("**Spinel**: most lab-grown spinel has the constants of a natural one"), reply
    assert "rank" not in reply


def test_could_it_be_a_doublet_ranks_the_assembled_stones_the_readings_fit():
    answer = Assistant(classifier=None).conversation().ask("RI 1.45, SG 2.05, could it be a doublet?")
    assert re.search(r"of the assembled stones, Opal (?:Doublet|Triplet) \(\d+%\) and Opal", answer.reply), answer.reply
    join = Assistant(classifier=None).conversation().ask("RI 1.45, SG 2.05, black backing seen from the side")
    assert join.candidates[0][0].startswith("Opal Doublet") or join.candidates[0][0].startswith("Opal Triplet")


def test_when_the_readings_rule_the_runner_up_out_the_advice_says_so_instead_of_calling_them_alike():
    answer = Assistant(classifier=None).conversation().ask("RI 1.59, SG 1.05, is it amber?")
    assert answer.candidates[0][0] == "Plastic"
    assert answer.tell_apart.startswith("Your readings already tell them apart: RI 1.590 rules out Amber")


def test_a_photo_that_cannot_be_read_keeps_the_readings_of_the_message():
    chat = Assistant(classifier=None).conversation()
    answer = chat.ask("RI over the limit, SG 5.8, SR, colourless", photos="/no/such/photo.jpg")
    assert answer.candidates[0][0] == "Cubic Zirconia" and any("no such file" in n for n in answer.notes)


def test_a_gem_beyond_the_refractometer_is_not_sent_to_it_for_an_ri():
    from gemlang.assistant import confirming_readings
    from gemlang.knowledge import get_facts

    assert confirming_readings(get_facts("Diamond")).startswith("a refractometer reading (over its limit")
    assert confirming_readings(get_facts("Ruby")).startswith("the refractive index (1.762")


def test_could_it_be_plastic_gives_plastics_standing():
    answer = Assistant(classifier=None).conversation().ask("RI 1.54, SG 1.08, could it be plastic?")
    assert re.match(r"(?:\*\*Probably not\*\*: )?Plastic: [<\d]+% \(rank \d+ of \d+\)", answer.reply), answer.reply


def test_a_property_question_about_two_gems_answers_both():
    chat = Assistant(classifier=None).conversation()
    assert "**Peridot**: Mohs hardness" in chat.ask("is peridot harder than garnet?").reply
    both = (
        Assistant(classifier=None).conversation().ask("what is the specific gravity of diamond and of cubic zirconia?")
    )
    assert "**Diamond**: specific gravity 3.52" in both.reply and "**Cubic Zirconia**: specific gravity" in both.reply
    assert "**Garnet**" in chat.ask("is peridot harder than garnet?").reply


def test_which_of_two_gems_is_harder_or_heavier_is_said_first_and_several_constants_are_all_given():
    chat = Assistant(classifier=None).conversation()
    assert chat.ask("which is harder, topaz or quartz?").reply.startswith("Topaz is harder than Quartz.")
    assert chat.ask("which is heavier, ruby or diamond?").reply.startswith("Ruby is heavier than Diamond.")
    both = chat.ask("what's the hardness and RI of zircon?").reply
    assert "Mohs hardness 7.5" in both and "refractive index" in both


def test_how_much_hard_or_heavy_in_learners_english_asks_the_constant_not_the_price():
    chat = Assistant(classifier=None).conversation()
    assert chat.ask("how much is hard the topaz?").reply == "**Topaz**: Mohs hardness 8."
    assert chat.ask("how much heavy is diamond?").reply == "**Diamond**: specific gravity 3.52."
    assert "I do not price stones" in chat.ask("how much is a ruby?").reply


def test_a_constant_asked_with_where_a_gem_is_from_its_treatments_or_colours_answers_both():
    chat = Assistant(classifier=None).conversation()
    mined = chat.ask("how hard is topaz and where is it mined?").reply
    assert mined.startswith("**Topaz**: Mohs hardness 8.") and "Topaz comes chiefly from Brazil" in mined
    treated = chat.ask("how hard is emerald and is it treated?").reply
    assert "Mohs hardness 7.5" in treated and "Treatments of emerald: oiling" in treated
    colours = chat.ask("what is the sg of garnet and what colours does it come in?").reply
    assert "specific gravity 3.50" in colours and "Garnet comes in red" in colours
    assert chat.ask("what is the RI and SG of peridot?").reply.count("Peridot") == 1  # both constants, nothing else


def test_a_question_about_a_term_is_explained_and_is_no_reading_of_the_stone_in_hand():
    from gemlang.fusion import EvidenceModel

    chat = Assistant(None, evidence=EvidenceModel(["Ruby", "Spinel"])).conversation()
    chat.image_probs = np.array([0.9, 0.1])
    answer = chat.ask("what is pleochroism?")
    assert answer.reply.startswith("**Pleochroism**: ") and any("source (pleochroism)" in n for n in answer.notes)
    assert not chat.hints.readings  # the question made the stone in hand no more pleochroic than before
    two = chat.ask("what's the difference between pleochroism and birefringence?").reply
    assert two.index("**Pleochroism**") < two.index("**Birefringence**")
    assert chat.ask("what is the RI of ruby?").reply == "**Ruby**: refractive index 1.762–1.770."
    assert chat.ask("what is it?").gem == "Ruby"  # about the stone in hand, not a term


@pytest.mark.parametrize(
    "text, lead",
    [
        ("how many colours does a trichroic stone show?", "**Three.** A trichroic stone shows three colours"),
        ("how many colors does a dichroic gem show?", "**Two.** A dichroic stone shows two colours"),
        ("how many colours can a pleochroic stone show?", "**Two or three.**"),
    ],
)
def test_how_many_colours_a_pleochroic_stone_shows_is_counted_with_the_entries_that_say_so(text, lead):
    answer = Assistant(classifier=None).conversation().ask(text)  # was the help text
    assert answer.reply.startswith(lead) and "**Pleochroism**: " in answer.reply
    assert any("source (dichroscope)" in n for n in answer.notes)


@pytest.mark.parametrize(
    "text, lead, entry",
    [
        ("how many shadow edges does a doubly refractive stone show?", "**Two.** A doubly refractive", "Doubly"),
        ("how many edges does a singly refractive gem show?", "**One.** A singly refractive stone shows one", "Singly"),
    ],
)
def test_how_many_shadow_edges_an_optic_character_shows_is_counted_first(text, lead, entry):
    answer = Assistant(classifier=None).conversation().ask(text)  # was the entry alone, with no number
    assert answer.reply.startswith(lead) and f"**{entry} refractive**: " in answer.reply
    assert any("source (shadow edge)" in n and "<http" in n for n in answer.notes)


@pytest.mark.parametrize(
    "text, entry, example",
    [
        ("what is the chromium spectrum?", "**Chromium spectrum**: ", "Emerald: a chromium spectrum: a strong doublet"),
        ("what does a chromium spectrum look like?", "**Chromium spectrum**: ", "Alexandrite: a chromium spectrum"),
        ("what is an iron spectrum?", "**Iron spectrum**: ", "Sapphire Blue: iron lines in the blue"),
        ("what is a cobalt spectrum?", "**Cobalt spectrum**: ", "three broad cobalt bands"),
    ],
)
def test_a_colouring_elements_spectrum_is_explained_with_the_gems_whose_sourced_spectra_show_it(text, entry, example):
    answer = Assistant(classifier=None).conversation().ask(text)  # was what a spectroscope is, no element's lines
    assert answer.reply.startswith(entry) and "in the spectra on record**: " in answer.reply and example in answer.reply
    assert any(" spectrum): " in n and "<http" in n for n in answer.notes)
    assert "Alexandrite" not in answer.reply or "iron" not in entry.lower()  # "iron stains" is no iron spectrum


@pytest.mark.parametrize(
    "text, term, cited",
    [
        ("what is an iron spectrum?", "iron", "lotusgemology.com"),
        ("what is a cobalt spectrum?", "cobalt", "gia.edu"),
        ("what is a chromium spectrum?", "chromium", "John Harris (Gemlab UK)"),
        ("what do chrome lines look like?", "chromium", "John Harris (Gemlab UK)"),
    ],
)
def test_an_elements_spectrum_cites_a_gemmological_reference_beside_the_web_copy(text, term, cited):
    notes = Assistant(classifier=None).conversation().ask(text).notes  # was docshare.tips alone
    assert any(n.startswith(f"source ({term} spectrum): ") and cited in n for n in notes)


@pytest.mark.parametrize(
    "text, said",
    [
        ("is fluorite soluble in water?", "**Fluorite**: in water: it barely dissolves"),
        ("does fluorite dissolve in water?", "**Fluorite**: in water: it barely dissolves"),
        ("does calcite fizz in acid?", "**Calcite**: in acid: drops of dilute hydrochloric acid on it cause obvious"),
        ("is kyanite harder along its length?", "hardness by direction: about 5 along the length of the crystal"),
        ("does kyanite have two hardnesses?", "hardness by direction: about 5 along the length of the crystal"),
        ("does pearl fizz in acid?", "**Pearl**: in acid: it reacts, for pearl is a carbonate"),
        ("does a pearl bubble in vinegar?", "the acid test is not recommended for pearls"),
        ("what does the acid test show on calcite?", "**Calcite**: in acid: drops of dilute"),  # not its care
        ("what does an acid test show on coral?", "**Coral**: in acid: it reacts, for natural coral is a carbonate"),
        ("does malachite fizz in acid?", "**Malachite**: in acid: it effervesces in hydrochloric acid"),
        ("does malachite react with dilute HCl?", "**Malachite**: in acid: it effervesces in hydrochloric acid"),
        ("does calcite react with vinegar?", "**Calcite**: in acid: drops of dilute hydrochloric acid"),  # not care
        ("does coral react with vinegar?", "**Coral**: in acid: it reacts, for natural coral is a carbonate"),
        ("does rhodochrosite effervesce in acid?", "**Rhodochrosite**: in acid: it effervesces in hydrochloric"),
        ("is ruby soluble in water?", "**Ruby**: in water: not on record here."),  # no fact, and it says so
    ],
)
def test_how_water_acid_or_direction_acts_on_a_gem_is_answered_from_its_sourced_facts(text, said):
    answer = Assistant(classifier=None).conversation().ask(text)  # was the gem's card alone
    assert said in answer.reply
    assert "not on record" in said or any(n.startswith("source (") and "<http" in n for n in answer.notes)


@pytest.mark.parametrize(
    "text, cited",
    [
        ("is fluorite soluble in water?", "simple.wikipedia.org/wiki/Fluorite"),
        ("does calcite fizz in acid?", "geo.libretexts.org"),
        ("will calcite bubble in hydrochloric acid?", "geo.libretexts.org"),
        ("does calcite react with hydrochloric acid?", "geo.libretexts.org"),
        ("does calcite react with vinegar?", "geo.libretexts.org"),  # was its care text
        ("does calcite react with acid?", "geo.libretexts.org"),
        ("will calcite react to vinegar?", "geo.libretexts.org"),
        ("is kyanite harder along its length?", "uas.alaska.edu"),
        ("is kyanite softer lengthwise?", "uas.alaska.edu"),
        ("does coral fizz in vinegar?", "gemsociety.org/article/destructive-tests-acid-testing"),
        ("does coral bubble in vinegar?", "gemsociety.org/article/destructive-tests-acid-testing"),
        ("does pearl fizz in acid?", "gemsociety.org/article/destructive-tests-acid-testing"),
    ],
)
def test_solubility_acid_and_directional_hardness_cite_a_mineralogical_reference(text, cited):
    notes = Assistant(classifier=None).conversation().ask(text).notes  # was a popular-science blog's page
    assert any(cited in n for n in notes) and not any("biologyinsights.com" in n for n in notes)


@pytest.mark.parametrize(
    "text", ["does ruby bubble in acid?", "does ruby fizz in acid?", "what does the acid test show on ruby?"]
)
def test_an_acid_test_of_a_gem_with_none_on_record_says_what_its_care_notes_say_acid_does(text):
    answer = Assistant(classifier=None).conversation().ask(text)  # was "in acid: not on record here"
    assert answer.reply.startswith("**Caring for Ruby**: In acid: Resists common chemicals, but boric acid powder")
    assert any(n.startswith("sources (Ruby): ") for n in answer.notes)


@pytest.mark.parametrize(
    "question, gem, field, said, cited",
    [
        ("how do pearls form?", "Pearl", "formation", "enclose it in a sac", "britannica.com"),
        ("how are pearls made?", "Pearl", "formation", "enclose it in a sac", "britannica.com"),
        ("why is jade green?", "Jade", "colour_cause", "imperial jade", "geo.utexas.edu"),
        ("what gives jade its colour?", "Jade", "colour_cause", "iron in nephrite", "geo.utexas.edu"),
        ("why is sodalite blue?", "Sodalite", "colour_cause", "main blue chromophore", "depositonce.tu-berlin.de"),
        ("what makes sodalite blue?", "Sodalite", "colour_cause", "S3•− radical anion", "depositonce.tu-berlin.de"),
        ("how does carnelian form?", "Carnelian", "formation", "amygdales", "Encyclopedia-Britannica"),
        ("how is carnelian formed?", "Carnelian", "formation", "basalts of the Deccan", "Encyclopedia-Britannica"),
        ("why is green onyx green?", "Green Onyx", "colour_cause", "easily dyed", "jckonline.com"),
        ("what gives green onyx its colour?", "Green Onyx", "colour_cause", "porous", "jckonline.com"),
        ("how does pyrope form?", "Pyrope", "formation", "ultramafic rocks", "britannica.com"),
        ("where does andradite form?", "Andradite", "formation", "contact-metamorphosed limestone", "britannica.com"),
        ("how is spessartine formed?", "Spessartite", "formation", "silica-rich skarns", "britannica.com"),
    ],
)
def test_formation_and_colour_cause_answers_cite_a_reference_not_a_blog_or_a_gem_seller(
    question, gem, field, said, cited
):
    reply = Assistant(classifier=None).conversation().ask(question).reply
    citation = get_facts(gem).citations[field]  # was a blog's or a gem seller's page, which the answer said more than
    assert said in reply and cited in citation
    assert not any(weak in citation for weak in ("biologyinsights", "gemstone.pk", "gemfame"))


def test_a_solvent_other_than_water_is_not_answered_with_what_water_does():
    chat = Assistant(classifier=None).conversation()
    assert "in water:" not in chat.ask("will acetone dissolve amber?").reply
    assert "in water:" not in chat.ask("is amber soluble in alcohol?").reply


@pytest.mark.parametrize(
    "text, lead",
    [
        ("what does a doubly refractive stone look like in the polariscope?", "**A doubly refractive stone blinks**"),
        ("how does a doubly refractive gem behave between crossed polars?", "**A doubly refractive stone blinks**"),
        ("what does a singly refractive stone look like in the polariscope?", "**A singly refractive stone stays dark"),
    ],
)
def test_what_the_polariscope_shows_of_an_optic_character_comes_first(text, lead):
    answer = Assistant(classifier=None).conversation().ask(text)  # was the optic character's entry first
    assert answer.reply.startswith(lead) and "**Polariscope**: " in answer.reply
    assert any("source (polariscope)" in n for n in answer.notes)


def test_is_a_gem_uniaxial_or_pleochroic_is_answered_from_its_facts():
    chat = Assistant(classifier=None).conversation()
    assert chat.ask("is quartz uniaxial positive?").reply == "**Yes.** **Quartz**: optic character uniaxial positive."
    assert chat.ask("is iolite pleochroic?").reply.startswith("**Yes.** **Iolite**: pleochroism ")
    assert not chat.hints


def test_a_property_asked_of_it_is_the_answered_gems_and_changes_nothing():
    from gemlang.fusion import EvidenceModel

    chat = Assistant(None, evidence=EvidenceModel(["Quartz Rose", "Sapphire Pink"])).conversation()
    chat.image_probs = np.array([0.95, 0.05])
    assert chat.ask("what is it?").gem == "Quartz Rose"
    assert chat.ask("what's its hardness?").reply == "**Quartz Rose**: Mohs hardness 7."
    assert chat.ask("is it pleochroic?").reply.startswith("**Yes.** **Quartz Rose**: pleochroism ")
    assert not chat.hints and chat.ask("what is it?").gem == "Quartz Rose"


def test_a_stone_small_in_its_photo_is_looked_at_cropped_and_the_answer_says_so(assistant):
    from conftest import red_stone_photo
    from PIL import Image, ImageDraw

    framed = Image.new("RGB", (600, 600), (200, 200, 200))
    framed.paste(red_stone_photo().resize((100, 100)), (250, 250))
    chat = assistant.conversation()
    answer = chat.ask("what is it?", [framed])
    assert any("cropped to the stone" in n for n in answer.notes) and chat.images[0].width < 300
    close_up = chat.ask("and this one?", [framed.crop((200, 200, 400, 400))])
    assert not any("cropped" in n for n in close_up.notes)
    blank = Image.new("RGB", (600, 600), (255, 255, 255))
    ImageDraw.Draw(blank).rectangle([280, 280, 320, 320], fill=(200, 0, 0))  # a flat square: no stone
    flat = assistant.conversation().ask("what is it?", [blank])
    assert not any("cropped" in n for n in flat.notes)  # not "no gem photo" and "the stone fills a small part"


def test_a_tiny_photo_leaves_the_answer_unsure_and_says_why(assistant):
    from conftest import red_stone_photo

    answer = assistant.conversation().ask("what is it?", [red_stone_photo().resize((20, 20))])
    assert answer.unsure and any(n.startswith("your photo is very small (20 x 20 px)") for n in answer.notes)


def test_a_question_about_an_earlier_stone_of_a_parcel_gets_the_stones_so_far():
    from gemlang.fusion import EvidenceModel

    chat = Assistant(None, evidence=EvidenceModel(["Ruby", "Garnet Red"])).conversation()
    chat.image_probs = np.array([0.95, 0.05])
    assert chat.ask("stone A, what is it?").gem == "Ruby"
    assert "So far" not in chat.ask("go back to the first one").reply  # one stone: nothing earlier to recall
    chat.ask("the next stone: RI 1.79, SG 4.05")  # a new stone, by its readings
    recap = chat.ask("which of the two was the ruby?").reply
    assert recap.startswith("So far: stone 1: Ruby (") and "stone 2, the one in hand:" in recap
    assert "send its photo" in recap


def test_an_accent_stone_named_beside_the_gem_asked_is_no_rival(assistant):
    answer = assistant.conversation().ask(
        "mens ring black stone flat top, with a tiny diamond in the middle. black onyx?", [red_stone_photo()]
    )
    assert "Diamond" not in answer.reply.split("\n", 1)[0]  # the onyx is asked about, not the accent
    assert accents_left_out("is it a tiny diamond?") == "is it a tiny diamond?"  # the only gem named stays


def test_a_big_stone_beside_small_ones_is_the_centre_stone():
    centre, side, _ = piece_parts("a big blue stone and small clear stones round it, the blue one is it sapphire?")
    assert "big blue stone" in centre and "the blue one" in centre and side == "and small clear stones round it"


def test_three_gems_compared_are_each_told_apart_from_the_others():
    answer = Assistant(classifier=None).conversation().ask("what tests separate diamond from moissanite and CZ?")
    assert answer.reply == "**Diamond, Moissanite or Cubic Zirconia?**"
    for pair in ("Diamond from Moissanite", "Diamond from Cubic Zirconia", "Moissanite from Cubic Zirconia"):
        assert f"To tell {pair}:" in answer.tell_apart
    assert answer.properties[0] == ("Property", "Diamond", "Moissanite", "Cubic Zirconia")
    assert Assistant(classifier=None).conversation().ask("ruby vs spinel").reply == "**Ruby or Spinel?**"


def test_a_constant_asked_of_an_earlier_stone_is_answered_from_the_gem_answered_for_it():
    chat = Assistant(classifier=None).conversation()
    chat.ask("two stones: stone A RI 1.544-1.553 SG 2.65, stone B RI 1.762-1.770 SG 4.00")
    reply = chat.ask("go back to stone A, what is its hardness?").reply
    assert reply.startswith("Stone A was answered Quartz") and "Mohs hardness 7" in reply
    assert reply.endswith("The stone in hand is still Stone B.") and chat.hints.readings.sg.low == 4.0
    assert chat.ask("what was the first one?").reply.startswith("So far: Stone A: Quartz")  # no constant asked


def test_a_question_about_a_gems_worth_treatment_or_sources_with_no_stone_in_hand_is_answered():
    chat = Assistant(classifier=None).conversation()
    assert chat.ask("how much is a 1 carat ruby worth?").reply.startswith("**Ruby**: I do not price stones")
    assert chat.ask("is tanzanite usually treated?").reply.startswith("**Tanzanite**: Treatments of tanzanite")
    assert chat.ask("tell me about emerald").reply == "**Emerald**"  # no side question: the description alone


def test_a_stone_called_by_a_gem_of_one_colour_is_taken_to_be_that_colour():
    chat = Assistant(classifier=None).conversation()
    emerald = chat.ask("emerald RI 1.58 SG 2.72, oil visible in fissures")
    assert emerald.members[0][0] == "Emerald" and "green colour" in emerald.hints_used
    assert any("so I took its colour as green" in n for n in emerald.notes)
    chat = Assistant(classifier=None).conversation()
    assert "colour" not in " ".join(chat.ask("is it a sapphire? RI 1.76").hints_used)  # sapphires come in every colour


def test_a_place_asked_about_lists_the_gems_known_from_its_country():
    chat = Assistant(classifier=None).conversation()
    mogok = chat.ask("What is Mogok famous for?")
    assert mogok.reply.startswith("**Mogok** is in Myanmar, and by country my sources list") and "Ruby" in mogok.reply
    assert not mogok.candidates and not chat.hints  # a question about a place, no stone's locality
    assert "Tanzanite" in chat.ask("what gems come from Tanzania?").reply


def test_a_comparison_with_one_gem_misspelt_compares_both():
    chat = Assistant(classifier=None).conversation()
    assert chat.ask("tanzinite vs iolite").reply == "**Tanzanite or Iolite?**"
    assert chat.ask("difference between ruby and a red stone").reply == "**Ruby**"  # no second gem to guess


@pytest.mark.parametrize(
    ("text", "reply"),
    [
        ("rubby vs spinnel", "**Ruby or Spinel?**"),
        ("ambre or plastik? how can I tell", "**Amber or Plastic?**"),  # letters swapped; glass and plastic misspelt
        ("how do I tell turqoise from howlit", "**Turquoise or Dyed Howlite (Turquoise Simulant)?**"),
        ("amethist or glas? how to tell", "**Amethyst or Glass (Paste)?**"),
    ],
)
def test_a_comparison_with_both_gems_misspelt_compares_both(text, reply):
    assert Assistant(classifier=None).conversation().ask(text).reply.startswith(reply)


def test_a_choice_asked_how_to_tell_and_a_dyed_imitation_by_its_minerals_name_are_comparisons():
    chat = Assistant(classifier=None).conversation()
    assert chat.ask("amber or plastic? how can I tell").reply == "**Amber or Plastic?**"
    assert chat.ask("how can I tell plastic from amber").reply == "**Amber or Plastic?**"
    assert chat.ask("is it glass or plastic? how do I tell").reply == "**Glass (Paste) or Plastic?**"
    turquoise = chat.ask("how do I tell turquoise from howlite?")  # was turquoise's description
    assert turquoise.reply == "**Turquoise or Dyed Howlite (Turquoise Simulant)?**" and "SG" in turquoise.tell_apart
    assert chat.ask("turquoise vs magnesite").reply == "**Turquoise or Dyed Magnesite (Turquoise Simulant)?**"
    assert chat.ask("how can I tell if my ruby is real").reply.startswith("**Ruby**:")  # one gem: no choice
    in_hand = Assistant(classifier=None).conversation()
    in_hand.ask("red stone, RI 1.762-1.770, SG 4.00")
    assert in_hand.ask("is it ruby or spinel? how can I check").reply != "**Ruby or Spinel?**"  # of the stone


def test_an_imitation_the_knowledge_base_has_no_facts_of_is_checked_against_the_gems_own():
    answer = Assistant(classifier=None).conversation().ask("how can I tell jade from quartzite")
    assert answer.reply == "**Jade or quartzite?**"  # was jade's description, with no word of quartzite
    assert "no facts of quartzite" in answer.tell_apart
    assert "dyed quartzite among jade's imitations" in answer.tell_apart
    # jade is two minerals: each with its own constants and signs, not one list where they contradict each other
    jadeite, nephrite = answer.tell_apart.split("jadeite (")[1].split("nephrite (")
    assert jadeite.startswith("RI 1.654–1.688; SG 3.25–3.36") and "higher SG and RI than nephrite" in jadeite
    assert nephrite.startswith("RI 1.600–1.627; SG 2.90–3.10") and "than nephrite" not in nephrite
    assert not answer.candidates


def test_a_question_about_a_gem_from_a_place_with_no_stone_in_hand_answers_from_its_localities():
    chat = Assistant(classifier=None).conversation()
    kashmir = chat.ask("What is 'Kashmir' sapphire?")
    assert kashmir.reply.startswith("**Sapphire**: Sapphire is known from Kashmir (India, Pakistan)")
    assert kashmir.description and not kashmir.candidates  # not a ranking of every gem found in India
    assert "do not name Brazil" in chat.ask("is tanzanite found in Brazil?").reply
    assert chat.ask("is tanzanite found in Brazil or Tanzania?").reply.startswith(
        "**Tanzanite**: Tanzanite is known from Tanzania, but my sources do not name Brazil among its localities"
    )
    assert chat.ask("blue stone found in Sri Lanka").candidates  # a stone in hand: ranked


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        ("which comes from Sri Lanka, ruby or sapphire?", "**Ruby or Sapphire?** Both are known from Sri Lanka."),
        ("are ruby and sapphire found in Sri Lanka?", "**Ruby or Sapphire?** Both are known from Sri Lanka."),
        (
            "which is found in Brazil, topaz or ruby?",
            "**Topaz or Ruby?** Of topaz and ruby, my sources name only Topaz",
        ),
        ("which is mined in Brazil, ruby or sapphire?", "**Ruby or Sapphire?** My sources name neither ruby nor"),
        ("does ruby or sapphire come from Thailand?", "**Ruby or Sapphire?** Both are known from Thailand."),
        ("is ruby or emerald found in Colombia?", "**Ruby or Emerald?** Of ruby and emerald, my sources name only"),
        (
            "which is from Brazil, opal, jade or quartz?",
            "**Opal, Jade or Quartz?** Of opal, jade and quartz, my sources",
        ),
    ],
)
def test_which_of_several_gems_comes_from_a_place_answers_for_each(text, lead):
    said = Assistant(classifier=None).conversation().ask(text)
    assert said.reply.startswith(lead)  # was the last gem named alone ("**Sapphire**: Sapphire is known from …")
    assert all(f"**{name}**: " in said.reply for name in said.properties[0][1:])


def test_is_it_natural_of_a_pearl_asks_natural_or_cultured_and_how_to_tell_an_imitation():
    from gemlang.assistant import Answer, follow_up

    evidence = Assistant(classifier=None).evidence
    pearl = Answer(message="", candidates=[("Pearl", 0.99)])
    reply = follow_up("is it natural?", pearl, evidence)
    assert reply.startswith("Natural or cultured is a gem laboratory's call: X-radiography") and "teeth" in reply


def test_a_colour_the_person_gave_is_not_offered_back_as_what_tells_two_varieties_apart():
    for colour in ("purple", "yellow"):
        answer = Assistant(classifier=None).conversation().ask(f"RI 1.762-1.770, SG 4.00, {colour}")
        assert "the colour tells them apart" not in answer.tell_apart, colour


def test_why_what_else_and_its_history_are_answered_about_the_stone_discussed():
    from gemlang.assistant import Answer, follow_up

    evidence = Assistant(classifier=None).evidence
    answer = Answer(message="", candidates=[("Ruby", 0.92), ("Spinel", 0.03)], used_photo=True)
    assert follow_up("why?", answer, evidence) == "Ruby fits the photo best (92%); next comes Spinel (3%)."
    assert follow_up("what else could it be?", answer, evidence) == "After Ruby (92%): Spinel (3%)."
    assert "Latin ruber" in follow_up("tell me about its history", answer, evidence)
    assert "mined" not in follow_up("where does the name come from?", answer, evidence)


def test_the_second_one_after_the_alternatives_is_the_runner_up_and_how_to_tell_it_apart():
    from gemlang.fusion import EvidenceModel

    chat = Assistant(None, evidence=EvidenceModel(["Emerald", "Tsavorite", "Peridot"])).conversation()
    chat.image_probs = np.array([0.9, 0.08, 0.02])  # a photo's answer: emerald, then tsavorite
    chat.ask("what else could it be?")
    for asked in ("and the second one?", "what about the runner-up?", "the latter?"):
        reply = chat.ask(asked).reply
        assert reply.startswith("Second comes Tsavorite (") and "Tsavorite 1.738–1.745" in reply, asked
    alone = Assistant(None, evidence=EvidenceModel(["Moonstone", "Pearl"])).conversation()
    alone.image_probs = np.array([0.999, 0.001])
    assert (
        alone.ask("and the second one?").reply
        == "Pearl comes second, but far behind: nothing else comes close to Moonstone (99%)."
    )


def test_a_reading_asked_to_fit_the_photos_answer_is_said_to_fit_or_not_before_the_new_ranking():
    from gemlang.fusion import EvidenceModel

    chat = Assistant(None, evidence=EvidenceModel(["Sapphire Blue", "Iolite", "Amber"])).conversation()
    chat.image_probs = np.array([0.95, 0.03, 0.02])
    chat.ask("what gem is this?")
    reply = chat.ask("RI 1.54, does that fit?").reply
    assert reply.startswith("**No.** Sapphire Blue's refractive index is 1.762–1.770, so RI 1.540 does not fit.")
    amber = Assistant(None, evidence=EvidenceModel(["Amber", "Iolite"])).conversation()
    amber.image_probs = np.array([0.95, 0.05])
    amber.ask("what gem is this?")
    assert amber.ask("SG 1.08, is that consistent with it?").reply.startswith("**Yes.** Amber's specific gravity")
    assert not amber.ask("SG 1.07").reply.startswith("**Yes.**")  # a reading alone asks nothing
    talked_of = Assistant(classifier=None).conversation()
    talked_of.ask("what is emerald?")
    assert talked_of.ask("RI 1.58, does that fit?").reply.startswith("**Yes.** Emerald's refractive index is 1.565")


def test_the_odds_and_something_else_asked_of_a_photos_answer_are_how_sure_and_the_runners_up():
    from gemlang.fusion import EvidenceModel

    chat = Assistant(None, evidence=EvidenceModel(["Ruby", "Spinel", "Garnet Red"])).conversation()
    chat.image_probs = np.array([0.9, 0.07, 0.03])
    chat.ask("what gem is this?")
    for asked in ("what are the odds?", "what's the probability?"):
        assert chat.ask(asked).reply.startswith("Ruby at "), asked
    for asked in ("could it be something else?", "what could it be besides that?"):
        assert chat.ask(asked).reply.startswith("After Ruby ("), asked


def test_a_question_of_the_gem_answered_that_does_not_ask_of_the_stone_leaves_out_its_odds():
    chat = Assistant(None, evidence=EvidenceModel(["Ruby", "Spinel", "Garnet Red"])).conversation()
    chat.image_probs = np.array([0.9, 0.07, 0.03])
    chat.ask("what gem is this?")
    reply = chat.ask("what kind of rock does ruby form in?").reply  # was "… igneous rock. Ruby: 81% (rank 1 of …"
    assert reply.startswith("The most famous rubies") and reply.endswith("igneous rock.")
    assert "(rank 1 of" not in chat.ask("where does ruby come from?").reply
    assert "(rank 1 of" in chat.ask("is my ruby treated?").reply  # asked of the stone: its odds too
    # whether it is natural is asked of the stone in hand too: what a photo cannot tell stays
    assert "From a photo alone I cannot tell natural Ruby" in chat.ask("is ruby colour natural?").reply


def test_why_did_you_say_the_gem_answered_asks_why_as_why_did_you_say_that_does():
    chat = Assistant(classifier=None).conversation()
    chat.ask("RI 1.718 SR, SG 3.60")
    why = chat.ask("why did you say that?").reply
    assert why.startswith("Spinel fits what you told me best (")
    assert chat.ask("why did you say spinel?").reply == why  # was its odds: "Spinel: 91% (rank 1 of 192)."
    assert chat.ask("why not garnet?").reply.startswith("**Probably not**: Garnet")  # another gem: its odds


def test_is_it_soft_of_the_stone_answered_gets_its_hardness():
    chat = Assistant(classifier=None).conversation()
    chat.ask("RI 1.54, SG 2.62, orange with glittery spangles")
    assert chat.ask("is it soft?").reply == "**Sunstone**: Mohs hardness 6–6.5."  # was "My facts on Sunstone do not …"
    assert chat.ask("can I clean it with a soft cloth?").reply.startswith("**Caring for Sunstone")


def test_follow_ups_leave_out_the_leads_own_species_name_the_look_alike_left_and_say_when_readings_fit_badly():
    from gemlang.assistant import Answer, follow_up
    from gemlang.hints import parse_hints

    evidence = Assistant(classifier=None).evidence
    told = parse_hints("RI 1.691-1.700, SG 3.35")
    zoisite = Answer(message="", candidates=[("Tanzanite", 0.9), ("Zoisite", 0.06)], hints_used=["RI", "SG"])
    assert follow_up("what else could it be?", zoisite, evidence, told).startswith("Nothing else comes close")
    beryl = Answer(message="", candidates=[("Beryl", 0.74), ("Morganite", 0.06)], hints_used=["RI", "SG"])
    assert follow_up("why?", beryl, evidence) == "Beryl fits what you told me best (74%); next comes Morganite (6%)."
    left = Answer(message="", candidates=[("Emerald", 0.97), ("Soudé Emerald", 0.02)], hints_used=["RI", "SG"])
    left.tell_apart = "Emerald and Soudé Emerald have constants too close."
    reply = follow_up("what test next?", left, evidence, parse_hints("RI 1.577-1.583, SG 2.72"))
    assert reply.endswith("Emerald and Soudé Emerald have constants too close.") and "see below" not in reply
    shaky = Answer(message="", candidates=[("Rhodonite", 0.999)], unsure=True, hints_used=["RI"])
    assert "re-take them" in follow_up("what else could it be?", shaky, evidence)
    group = Answer(message="", candidates=[("Quartz (Amethyst, …)", 0.73)], members=[("Amethyst", 0.5)])
    assert "amethystos" in follow_up("tell me about its history", group, evidence)


def test_a_sign_said_to_be_missing_is_not_read_as_seen():
    from gemlang.readings import parse_readings

    assert parse_readings("no curved striae, no gas bubbles, fine silk").observations == ("silk",)
    assert parse_readings("gas bubbles absent").observations == ()


def test_a_photo_withheld_as_no_gem_carries_no_caution_about_a_gem_it_does_not_show():
    from gemlang.assistant import Answer, withhold_gem
    from gemlang.scope import NOT_A_GEM_PHOTO, ScopeVerdict

    answer = Answer(message="is it natural?", candidates=[("Moonstone", 0.4)])
    answer.caution = "From a photo alone I cannot tell natural Moonstone from Glass (Paste)."
    withhold_gem(answer, ScopeVerdict(NOT_A_GEM_PHOTO))
    assert answer.caution == ""


def test_a_place_with_only_non_gem_occurrences_does_not_argue_for_a_gem_and_no_photo_is_no_photo_alone():
    def ask(text):
        return Assistant(classifier=None).conversation().ask(text)

    for text in ("Bergkristall aus Tschechien, echt?", "colourless quartz from the Czech Republic, is it genuine?"):
        answer = ask(text)  # was Benitoite (48%), by its non-gem occurrences, and "From a photo alone …"
        assert "Benitoite" not in {name for name, _ in answer.candidates[:3]} and "photo alone" not in answer.caution
    assert ask("blue stone from California, is it real?").caution.startswith("Without readings I cannot tell natural")
    where = ask("is benitoite found in the Czech Republic?").reply
    assert (
        "Czech Republic for Benitoite only where it is not of gem quality" in where and "gem localities: USA" in where
    )


def test_is_it_a_doublet_names_the_kind_of_stone_not_the_one_opal_doublet():
    def ask(text):
        return Assistant(classifier=None).conversation().ask(text).reply

    joined = ask("RI 1.54, black line around the girdle, is it a doublet?")  # was "Probably not: Opal Doublet <1%"
    assert joined.startswith("**A join line is the mark of an assembled stone** (a doublet or triplet); of those, ")
    assert "Opal Triplet (" in joined and "Probably not" not in joined
    quartz = ask("RI 1.54, SG 2.65, is it a triplet?")  # no sign: what the readings fit, and what shows one
    assert (
        quartz.startswith("**Probably not**: your readings fit Quartz (") and "none of the assembled stones" in quartz
    )
    assert "**Signs of an assembled stone**:" in quartz and "red ring" in quartz and "bubbles" in quartz
    alone = ask("is it a doublet?")  # was the how-to-begin help
    assert alone.startswith("**A doublet?** Nothing you have told me shows whether it is") and "junction plane" in alone
    assert ask("could it be assembled?").startswith("**An assembled stone?**")
    assert ask("is it an opal doublet?").startswith("**Opal Doublet?**")  # the one named is still asked


def test_how_to_spot_a_doublet_and_whether_a_named_gem_is_one_get_the_signs_of_assembly():
    def ask(text):
        return Assistant(classifier=None).conversation().ask(text).reply

    signs = "**Signs of an assembled stone**: "
    for question in ("how do I spot a doublet?", "how do I detect a triplet?", "how do I tell a doublet?"):
        assert ask(question).startswith(signs), question  # were the how-to-begin help, or what a doublet is
    for question in ("how do I tell if a stone is a doublet?", "how can I tell whether a gem is a triplet?"):
        assert ask(question).startswith(signs), question  # was what a doublet is
    assert ask("how do I spot a garnet-topped doublet?").startswith(signs)  # was "**Garnet-Topped Doublet**" alone
    sapphire = ask("is my sapphire a doublet?")  # was "**Sapphire**" and its description
    assert sapphire.startswith("**Sapphire, a doublet?** Nothing you have told me shows") and signs in sapphire
    opal = ask("is my opal a doublet?")  # opal's own signs of assembly
    assert "**Opal, doublets and triplets (assembled opal)**: at the bench:" in opal
    assert ask("how do I know if my ruby is a doublet?").startswith(signs)
    assert ask("is my opal doublet valuable?").startswith("**Opal Doublet**: I do not price stones")


def test_a_question_about_another_gem_is_answered_about_that_gem_and_thanks_is_no_question(assistant, tmp_path):
    from gemlang.assistant import side_answer
    from gemlang.knowledge import get_facts

    tanzanite = side_answer("is tanzanite usually treated?", get_facts("Tanzanite"), general=True)
    assert tanzanite.startswith("Treatments of tanzanite: heat") and "this stone" not in tanzanite
    sapphire = side_answer("where is sapphire mined?", get_facts("Sapphire Blue"), general=True)
    assert sapphire.startswith("Sapphire Blue comes chiefly from")
    chat = Assistant(classifier=None).conversation()
    chat.ask("RI 1.762-1.770, SG 4.00, red")
    assert chat.ask("thanks").reply.startswith("You're welcome")
    assert chat.ask("thanks, bye").reply.startswith("You're welcome")  # not the whole answer again


def test_where_to_find_more_is_where_the_gem_comes_from_not_where_this_stone_was_mined():
    chat = Assistant(classifier=None).conversation()
    chat.ask("what is jasper?")
    assert (
        chat.ask("where would I find more?").reply
        == "**Jasper**: Jasper comes chiefly from India, Brazil, USA and Australia."
    )
    chat.ask("RI 1.544-1.553 SG 2.65 purple")
    found = chat.ask("where can I find some?").reply  # of the stone answered: no "a gem laboratory decides origin"
    assert found.startswith("Amethyst comes chiefly from") and "laboratory" not in found
    chat = Assistant(classifier=None).conversation()
    chat.ask("what is emerald?")
    for asked in ("where can I find a lab to test it?", "where can I find its refractive index?"):  # not a mine
        assert "comes chiefly from" not in chat.ask(asked).reply, asked


def test_a_species_reads_as_a_word_and_a_spectrum_or_tester_named_is_no_question():
    from gemlang.assistant import named_gem, species_word
    from gemlang.knowledge import get_facts

    assert species_word(get_facts("Opal")) == "opal" and species_word(get_facts("Tourmaline")) == "tourmaline"
    assert named_gem("purplish red, almandine spectrum") is None and named_gem("the diamond tester beeps") is None
    assert named_gem("is it almandine?").name == "Almandine"


def test_treatment_signs_named_with_a_gem_answer_is_this_stone_treated_with_what_they_show():
    chat = Assistant(classifier=None).conversation()
    heated = chat.ask("sapphire with discoid fractures and glassy halos, is it heated?")
    assert heated.reply.startswith("**Sapphire**: Whether this stone was treated")
    assert "What you saw points to one: in ruby and sapphire, disc-like fractures" in heated.reply
    assert not any(n.startswith("in ruby and sapphire") for n in heated.notes)  # said once
    general = Assistant(classifier=None).conversation().ask("is sapphire usually heated?")
    assert general.reply.startswith("**Sapphire**: Treatments of sapphire")
    ruby = Assistant(classifier=None).conversation().ask("is ruby usually heated?")
    assert "My facts on ruby: Myanmar (Mogok) set the standard" in ruby.reply  # a place keeps its capital


def test_a_filled_stone_answered_from_readings_is_cared_for_as_filled():
    chat = Assistant(classifier=None).conversation()
    first = chat.ask("Ruby, RI 1.762-1.770, SG 4.00, blue flash effect in fissures and flattened gas bubbles")
    assert "gas bubbles" not in first.hints_used  # the filler's flattened bubbles: no synthetic's gas bubbles
    torch = chat.ask("can I re-tip the prongs with a torch?")  # of the stone answered: its filler is what heat harms
    assert torch.reply.startswith("**Caring for lead-glass-filled ruby**")


def test_jadeite_or_nephrite_is_answered_from_the_readings_given():
    from gemlang.fusion import EvidenceModel

    chat = Assistant(None, evidence=EvidenceModel(["Jade", "Aventurine Green"])).conversation()
    chat.image_probs = np.array([0.9, 0.1])  # a photo of jade
    chat.ask("RI 1.62 SG 2.95, aggregate")
    answer = chat.ask("jadeite or nephrite?")
    assert answer.reply.startswith("Jade (") and "; your readings already point to Nephrite: RI 1.620" in answer.reply


def test_forget_everything_then_a_new_stones_readings_keeps_the_new_readings():
    chat = Assistant(classifier=None).conversation()
    chat.ask("red, RI 1.76, SG 4.0")
    answer = chat.ask("forget everything, new stone: green, RI 1.654-1.690, SG 3.34")
    assert answer.gem == "Peridot" and "SG 3.34" in answer.hints_used and "RI 1.76" not in answer.hints_used


@pytest.mark.parametrize(
    "question, reply",
    [("what is moissanite made of?", "**Moissanite**: chemistry SiC (silicon carbide)."),
     ("optic sign of quartz", "**Quartz**: optic character uniaxial positive."),
     ("Why does alexandrite change colour?", "**Alexandrite**: coloured by chromium replacing a little aluminium"),
     ("what gives emerald its colour?", "**Emerald**: coloured by chromium and vanadium."),
     ("why are sapphires blue?", "**Sapphire**: coloured by different elements in its different colours: "
      "Sapphire Blue by iron together with titanium; Sapphire Pink by chromium"),
     ("what is the chemical formula of spinel?", "**Spinel**: chemistry MgAl2O4."),
     ("what's the birefringence of spinel?", "**Spinel**: birefringence none (singly refractive).")],
)  # fmt: skip
def test_a_gems_composition_optic_sign_and_colour_cause_are_answered_from_its_facts(question, reply):
    assert Assistant(classifier=None).conversation().ask(question).reply.startswith(reply)


@pytest.mark.parametrize(
    "question, title",
    [("how does a refractometer work?", "**Refractometer**:"), ("how do diamond testers work?", "**Thermal diamond"),
     ("what does a moissanite tester do?", "**Moissanite tester**:"), ("what causes colour in gems?", "**Cause of")],
)  # fmt: skip
def test_how_an_instrument_works_is_explained_not_the_help_card(question, title):
    answer = Assistant(classifier=None).conversation().ask(question)
    assert title in answer.reply and HELP not in answer.reply and not answer.candidates


def test_how_an_instrument_works_asked_of_the_stone_in_hand_keeps_its_readings():
    chat = Assistant(classifier=None).conversation()
    chat.ask("RI 1.762-1.770")
    assert chat.ask("how does a polariscope work?").reply.startswith("**Polariscope**:")
    assert chat.ask("what is it?").candidates[0][0].startswith("Corundum")  # the readings are still the stone's


@pytest.mark.parametrize(
    "question, facts, why",
    [("why does ruby glow red under UV?", ["**Ruby**: fluorescence", "coloured by chromium"], "**Fluorescence**:"),
     # were a ranking of the glow taken for a reading, and the glow alone
     ("explain why ruby glows", ["**Ruby**: fluorescence", "coloured by chromium"], "**Fluorescence**:"),
     ("tell me why ruby glows red", ["**Ruby**: fluorescence", "coloured by chromium"], "**Fluorescence**:"),
     ("explain why fluorite fluoresces", ["**Fluorite**: fluorescence"], "**Fluorescence**:"),
     ("why does ruby glow?", ["**Ruby**: fluorescence", "coloured by chromium"], "**Fluorescence**:"),
     ("why is tourmaline pleochroic?", ["**Tourmaline**: pleochroism", "optic character uniaxial"], "**Pleochroism**:"),
     ("why is zircon doubly refractive?", ["uniaxial positive", "crystal system tetragonal"], "**Doubly refractive**:"),
     ("why is sapphire blue?", ["**Sapphire Blue**: coloured by iron together with titanium"], "**Cause of colour**:"),
     ("why does iolite change colour when I turn it?", ["**Iolite**: coloured by iron"], "**Pleochroism**:"),
     ("why does alexandrite change colour?", ["**Alexandrite**: coloured by chromium"], "**Colour change**:"),
     ("why do star sapphires have a star?", ["**Sapphire**: Star sapphires show a six-rayed star"], "**Asterism**:"),
     ("why is diamond so shiny?", ["**Diamond**: lustre adamantine."], "**Lustre**:"),
     ("my daughter asks why amethyst is purple", ["**Amethyst**: coloured by iron"], "**Cause of colour**:"),
     # what a property is for, asked after its value (both were the gem's value alone)
     ("what is birefringence of peridot and why does it matter?", ["**Peridot**: birefringence"], "**Birefringence**:"),
     ("is garnet singly refractive and why?", ["**Yes.** **Garnet**: optic character"], "**Singly refractive**:")],
)  # fmt: skip
def test_why_a_gem_shows_a_property_gives_its_own_facts_then_the_mechanism(question, facts, why):
    answer = Assistant(classifier=None).conversation().ask(question)
    assert all(f in answer.reply for f in facts) and why in answer.reply, answer.reply
    assert answer.reply.index(facts[0]) < answer.reply.index(why)  # the gem's facts first
    assert any(note.startswith("source (") for note in answer.notes)


def test_why_the_gem_discussed_is_shiny_or_shimmers_is_its_lustre_or_its_sheen_not_its_colour():
    chat = Assistant(classifier=None).conversation()
    chat.ask("what is pyrite?")
    shiny = chat.ask("why is it shiny?").reply
    assert shiny.startswith("**Pyrite**: lustre metallic.") and "**Lustre**:" in shiny and "colour" not in shiny
    chat.ask("tell me about tiger's eye")
    assert "chatoyancy" in chat.ask("why does it shimmer?").reply


def test_an_opals_fire_is_its_play_of_colour_a_diamonds_its_dispersion():
    chat = Assistant(classifier=None).conversation()
    opal = chat.ask("why does opal have fire?").reply
    assert "**Play-of-colour**:" in opal and "**Dispersion**:" not in opal
    assert "**Dispersion**:" in chat.ask("why does diamond have fire?").reply


def test_a_gems_property_asked_without_why_gets_no_mechanism():
    answer = Assistant(classifier=None).conversation().ask("what is the fluorescence of ruby?")
    assert answer.reply.startswith("**Ruby**: fluorescence") and "**Fluorescence**:" not in answer.reply


def test_what_causes_a_phenomenon_is_its_glossary_term():
    assert Assistant(classifier=None).conversation().ask("What causes asterism?").reply.startswith("**Asterism**:")


@pytest.mark.parametrize(
    "turns, reply",
    [(["What is the RI of spinel?", "and its SG?"], "**Spinel**: specific gravity 3.58–3.61."),
     (["What is the RI of spinel?", "is it singly refractive?"], "**Yes.** **Spinel**: optic character isotropic"),
     (["What's peridot's hardness?", "and RI?"], "**Peridot**: refractive index 1.654–1.690."),
     (["Where does tanzanite come from?", "is it treated?"], "**Tanzanite**: Treatments of tanzanite"),
     (["Sapphire: what treatments are common?", "how do I care for it?"], "**Caring for Sapphire**"),
     (["Tell me about emerald treatments", "is oiling permanent?"], "**Emerald**: Treatments of emerald: oiling"),
     (["what is the birthstone for may", "how hard is it?"], "**Emerald**: Mohs hardness"),
     (["how hard is ruby?", "and emerald?"], "**Emerald**: Mohs hardness 7.5–8"),
     (["what is the RI of spinel?", "what about garnet?"], "**Garnet**: refractive index"),
     (["emerald", "origin?"], "**Emerald**: Emerald comes chiefly from Colombia"),
     (["tanzanite", "where from?"], "**Tanzanite**: Tanzanite comes chiefly from Tanzania"),
     (["garnet", "colours?"], "**Garnet**: Garnet comes in red")],
)  # fmt: skip
def test_a_follow_up_with_no_stone_in_hand_is_about_the_gem_just_discussed(turns, reply):
    chat = Assistant(classifier=None).conversation()
    for text in turns[:-1]:
        chat.ask(text)
    answer = chat.ask(turns[-1])
    assert answer.reply.startswith(reply) and not answer.candidates
    assert not any("gives no number" in note for note in answer.notes)  # "and its SG?" is no SG reading


def test_the_gem_discussed_is_forgotten_once_a_stone_is_in_hand():
    chat = Assistant(classifier=None).conversation()
    chat.ask("What is the RI of spinel?")
    chat.ask("RI 1.762-1.770, SG 4.00, red")
    assert "Ruby" in chat.ask("and its SG?").reply  # the stone answered, not spinel


@pytest.mark.parametrize(
    "text, gem",
    [("my stone is blue and shiny, got it at a car boot sale for £2, is it a sapphire??", "Sapphire"),
     ("I put it in the freezer and it stayed cold, so it's a real diamond?", "Diamond"),
     ("I think my pearl is fake, it's very light", "Pearl")],
)  # fmt: skip
def test_is_it_x_with_nothing_to_go_on_is_no_yes(text, gem):
    answer = Assistant(classifier=None).conversation().ask(text)
    assert answer.reply.startswith(f"**{gem}?** Nothing you have told me shows whether it is")
    assert not answer.candidates


@pytest.mark.parametrize(
    "text, headline",
    [("the seller says it's a natural ruby, is it?", "**Natural ruby, as you were told?**"),
     ("he says it's a real diamond, can you confirm?", "**Real diamond, as you were told?**"),
     ("the shop says this emerald is natural, can I trust that?", "**Natural emerald, as you were told?**"),
     ("the seller says it's natural, is it?", "**Natural, as you were told?**")],
)  # fmt: skip
def test_a_sellers_word_that_it_is_natural_is_answered_with_what_would_show_it(text, headline):
    answer = Assistant(classifier=None).conversation().ask(text)
    assert answer.reply.startswith(f"{headline} Nothing you have told me shows it, and a photo would not settle it")
    assert "magnification can (" in answer.reply or "**Synthetic**" in answer.reply  # lab-grown told apart
    assert not answer.candidates


def test_a_dealers_word_that_it_is_untreated_is_of_a_stone_which_a_laboratory_decides():
    reply = Assistant(classifier=None).conversation().ask("the dealer told me it's untreated sapphire, true?").reply
    assert reply.startswith("**Sapphire**: Whether this stone was treated shows neither in a photo")
    ruled = Assistant(classifier=None).conversation().ask("is citrine always heated amethyst? seller says 'natural'")
    assert ruled.reply.startswith("**Amethyst**: Treatments of amethyst:")  # of the gem as a rule


def test_a_dealers_word_about_the_photographed_stone_is_answered_as_a_claim_about_it():
    from gemlang.fusion import EvidenceModel

    chat = Assistant(None, evidence=EvidenceModel(["Ruby", "Sapphire", "Spinel"])).conversation()
    chat.image_probs = np.array([0.9, 0.02, 0.08])  # a photo of ruby
    chat.ask("what gem is this?")
    said = chat.ask("the dealer told me it's untreated sapphire, true?").reply  # was "Treatments of sapphire: …"
    assert said.startswith("Whether this stone was treated shows neither in a photo") and "Ruby" in said
    both = chat.ask("the seller says it's natural and unheated ruby").reply  # was lab-grown alone, no heating
    assert both.startswith("Whether this stone was treated shows neither in a photo")


def test_a_word_that_it_is_natural_and_unheated_is_answered_on_both():
    reply = Assistant(classifier=None).conversation().ask("the seller says it's natural and unheated ruby").reply
    assert reply.startswith("**Ruby**: Whether this stone was treated shows neither in a photo")  # was "**Ruby**"
    assert "\n\n**Natural ruby, as you were told?** Nothing you have told me shows it" in reply
    ruled = Assistant(classifier=None).conversation().ask("is citrine always heated amethyst? seller says 'natural'")
    assert "as you were told" not in ruled.reply  # of the gem as a rule, not of a stone


@pytest.mark.parametrize(
    "text",
    ["my grandma said real pearls are warm to the touch, is that right?",
     "the seller says natural sapphires have inclusions, is that true?",
     "the dealer said real emeralds are always included, true?"],
)  # fmt: skip
def test_a_word_about_the_gem_as_a_rule_is_no_claim_about_a_stone(text):
    assert "as you were told" not in Assistant(classifier=None).conversation().ask(text).reply


def test_a_word_that_it_is_not_glass_says_how_glass_is_told_apart():
    reply = Assistant(classifier=None).conversation().ask("he says it's not glass, how can I check?").reply
    assert reply.startswith("**Not glass, as you were told?** Nothing you have told me shows it")
    assert "\n\n**Glass or a gem?** Glass (paste) is singly refractive" in reply  # was what "synthetic" means


def test_a_sellers_word_that_it_is_real_with_its_value_asked_gets_the_value_answer():
    reply = (
        Assistant(classifier=None).conversation().ask("the seller says it is a real diamond, what is it worth?").reply
    )
    assert reply.startswith("**Diamond**: I do not price stones")  # was "**Real diamond, as you were told?**"


@pytest.mark.parametrize(
    "text, headline, apart",
    [("my friend says my ring is cubic zirconia, is that true?", "Cubic zirconia", "Cubic Zirconia from Diamond"),
     ("the appraiser said my diamond is cz", "Cubic zirconia", "Cubic Zirconia from Diamond"),
     ("the seller told me it's a synthetic sapphire", "Synthetic sapphire", "inclusions under magnification"),
     ("the jeweller said it's lab-grown ruby, is he right?", "Lab-grown ruby", ""),
     ("my mom says my necklace is glass, is she right?", "Glass", "")],
)  # fmt: skip
def test_a_word_that_it_is_a_simulant_or_lab_grown_says_what_would_settle_it(text, headline, apart):
    answer = Assistant(classifier=None).conversation().ask(text)  # was the simulant's bare card, or the help text
    assert answer.reply.startswith(f"**{headline}, as you were told?** Nothing you have told me shows it")
    assert apart in answer.tell_apart
    if headline == "Lab-grown ruby":  # what magnification shows in each lab-grown ruby
        assert "magnification can (Flux-Grown Ruby: flux remnants" in answer.reply
    if headline == "Glass":
        assert "\n\n**Glass or a gem?** Glass (paste) is singly refractive" in answer.reply


@pytest.mark.parametrize(
    ("text", "headline", "tested"),
    [("my friend says my diamond is fake", "Not diamond", "Diamond"),
     ("my aunt says her pearls are fake", "Not pearl", "Pearl"),
     ("the jeweller told me my emerald is an imitation", "Not emerald", "Emerald"),
     ("my friend says my diamond is glass", "Glass, not diamond", "Diamond"),
     ("my sister says my pearls are glass", "Glass, not pearl", "Pearl"),  # a relative's word is a word too
     ("my husband told me my ruby is fake", "Not ruby", "Ruby")],
)  # fmt: skip
def test_a_word_that_the_gem_named_is_fake_is_taken_as_said_with_what_is_sold_as_it(text, headline, tested):
    answer = Assistant(classifier=None).conversation().ask(text)  # was "**Diamond?** … whether it is", or its card
    assert answer.reply.startswith(f"**{headline}, as you were told?** Nothing you have told me shows it")
    assert f"**Testing {tested.lower()}**: check the stone against" in answer.reply
    assert f"Sold as {tested.lower()} and not {tested.lower()}: " in answer.reply
    assert answer.properties[0] == ("Property", tested)


@pytest.mark.parametrize(
    "text",
    ["my kid picked up a rock, is it real?", "my kid found a shiny rock, what is it?",
     "how do I identify a rock I found?", "we found a crystal on the beach, is it valuable?"],
)  # fmt: skip
def test_a_stone_found_not_bought_is_asked_for_a_photo_and_what_a_collector_notes(text):
    answer = Assistant(classifier=None).conversation().ask(text)  # was the help text, or "… the gem it was sold as"
    assert answer.reply.startswith('**A stone you found?** Send me a photo of it and ask "what gem is this?"')
    assert "sold as" not in answer.reply.replace("never sold as a gem", "")
    assert "streak" in answer.reply and "window glass" in answer.reply and "where you found it" in answer.reply
    assert '"real" can only ask whether it is natural' in answer.reply
    assert any(n.startswith("source (starting a collection): Girard") for n in answer.notes)
    assert ("I do not price stones" in answer.reply) == ("valuable" in text)
    for bought in ("where can I find gems?", "I found it myself at a gem show, the dealer said Burma"):
        assert Assistant(classifier=None).conversation().ask(bought).reply.startswith("Send me a photo")


@pytest.mark.parametrize(
    ("text", "colour"), [("we dug up a green stone in the garden", "green"), ("found a red stone, what is it?", "red")]
)
def test_a_stone_found_in_a_colour_is_asked_for_what_a_collector_notes_with_the_colour_kept(text, colour):
    conversation = Assistant(classifier=None).conversation()
    answer = conversation.ask(text)  # was "A colour alone (green) fits too many gems to rank them. Send a photo …"
    assert answer.reply.startswith("**A stone you found?** Send me a photo of it")
    assert f"Noted: {colour}. A colour alone fits too many gems to rank them." in answer.reply
    assert list(conversation.hints.colours) == [colour]  # kept for the photo or reading to come


def test_gems_of_a_colour_are_listed_by_their_body_colours_not_a_glow():
    listed = Assistant(classifier=None).conversation().ask("which gems are blue?").reply
    assert listed.startswith("**Natural blue gems I know**") and "Aquamarine" in listed
    assert "Amber" not in listed  # was listed by its "Blue fluorescent (Dominican)", a glow, not a body colour
    softest = Assistant(classifier=None).conversation().ask("what is the softest blue gem?").reply
    assert "**Amber" not in softest  # was "**Amber (Mohs 2–2.5)** is the softest"


def test_a_word_that_it_is_fake_with_no_gem_named_says_what_a_simulant_is():
    reply = Assistant(classifier=None).conversation().ask("he said it's fake, is it?").reply  # was the help text
    assert reply.startswith("**Fake, as you were told?** Nothing you have told me shows it")
    assert "**Simulant**: A simulant, or imitation, is any material" in reply


def test_a_word_that_it_is_a_real_pearl_says_what_tells_natural_cultured_and_imitation_apart():
    answer = Assistant(classifier=None).conversation().ask("my grandma said it's a real pearl")
    assert answer.reply.startswith("**Real pearl, as you were told?** Nothing you have told me shows it")
    assert "natural, cultured and imitation pearls are told apart so: " in answer.reply
    assert "X-radiography shows a bead nucleus (cultured)" in answer.reply
    assert any("premiumpearl.com" in n for n in answer.notes)


def test_is_it_glass_filled_asks_about_a_treatment_not_about_glass():
    from gemlang.assistant import MATERIAL_QUESTIONS

    assert not any(q.search("is it glass-filled?") for q in MATERIAL_QUESTIONS)
    assert any(q.search("could it be glass?") for q in MATERIAL_QUESTIONS)


@pytest.mark.parametrize("text", ["RI 1.54 SR, SG 2.30, cobalt glass?", "is it cobalt glass? RI 1.54 SR, SG 2.30"])
def test_glass_asked_alone_or_with_its_colour_after_readings_gets_its_odds(text):
    reply = Assistant(classifier=None).conversation().ask(text).reply
    assert reply.startswith("**Probably not**: Glass (Paste): ")  # crown glass reads RI 1.50–1.53, SG 2.35–2.65


def test_glass_compared_with_a_gem_after_readings_gets_the_odds_of_both():
    reply = Assistant(classifier=None).conversation().ask("RI 1.52 SR, SG 2.5, glass or sapphire?").reply
    assert reply.startswith("Sapphire: <1% on its own") and "; Glass (Paste): " in reply


def test_glass_compared_with_a_gem_whose_lab_grown_twins_share_its_readings_gets_the_odds_and_the_caution():
    answer = Assistant(classifier=None).conversation().ask("emerald or glass? RI 1.58")
    assert answer.reply.startswith("Emerald: ") and "; Glass (Paste): " in answer.reply
    assert answer.caution.startswith("your readings cannot tell natural Emerald from lab-grown beryl")


def test_glass_said_of_a_scratch_test_is_no_question_about_glass():
    from gemlang.assistant import MATERIAL_QUESTIONS

    for text in ("does it scratch glass?", "hardness 6, scratches glass?", "glass filled?", "hard as glass?"):
        assert not any(q.search(text) for q in MATERIAL_QUESTIONS), text


def test_a_treatment_word_in_the_name_asked_for_asks_what_the_stone_is_not_how_it_was_treated():
    from gemlang.fusion import EvidenceModel

    chat = Assistant(None, evidence=EvidenceModel(["Turquoise", "Lapis Lazuli"])).conversation()
    chat.image_probs = np.array([0.95, 0.05])
    reply = chat.ask("is this turquoise dyed howlite?").reply
    assert reply.startswith("Turquoise: ") and "Dyed Howlite (Turquoise Simulant): " in reply
    assert "treatment" not in reply
    assert "dyeing" in chat.ask("is this jade dyed?").reply.lower()  # a treatment word beside a name still asks


def test_a_property_asked_of_two_gems_compared_or_of_one_is_given():
    chat = Assistant(classifier=None).conversation()
    both = chat.ask("dispersion of diamond vs moissanite").reply
    assert both == "**Diamond or Moissanite?** Diamond dispersion 0.044; Moissanite dispersion 0.104."
    assert chat.ask("what is the dispersion of diamond?").reply == "**Diamond**: dispersion 0.044."


def test_a_gems_spectrum_is_asked_like_its_other_constants():
    chat = Assistant(classifier=None).conversation()
    almandine = chat.ask("what is the absorption spectrum of almandine?")
    assert almandine.reply.startswith(
        "**Almandine**, in the spectroscope: Iron absorption spectrum: three bands near 505"
    )
    assert not almandine.notes  # no "I do not weigh absorption spectrum" note: it is a question, not a reading
    assert chat.ask("what is the spectrum of quartz?").reply == (
        "**Quartz**: I have no absorption spectrum on record for quartz."
    )


@pytest.mark.parametrize(
    "question, gem, said",
    [
        ("What is the spectrum of diamond?", "Diamond", ("415.5 nm", "Cape", "478 nm")),
        ("what is the spectrum of peridot?", "Peridot", ("453", "473", "493")),
        ("what is the absorption spectrum of emerald?", "Emerald", ("683 and 680 nm", "chromium")),
        ("what is the spectrum of sapphire?", "Sapphire", ("450, 460 and 470 nm",)),
        ("what is the spectrum of spinel?", "Spinel", ("organ pipes", "540 nm")),
        ("What's the spectrum of blue spinel?", "Spinel", ("458 nm", "460 nm")),  # iron, not red spinel's chromium
        ("what is the spectrum of jade?", "Jade", ("Jadeite jade shows a sharp iron band at 437 nm",)),
        (
            "What are the spectroscope lines of blue synthetic spinel coloured by cobalt?",
            "Synthetic Spinel (Verneuil)",
            ("cobalt", "635, 580 and 540 nm", "cobalt glass"),
        ),
    ],
)
def test_a_spectrum_asked_gives_the_lines_a_spectroscope_shows(question, gem, said):
    reply = Assistant(classifier=None).conversation().ask(question).reply
    assert reply.startswith(f"**{gem}**, in the spectroscope: ") and all(s in reply for s in said), reply


@pytest.mark.parametrize(
    "question, gem, said",
    [
        ("what is the spectrum of alexandrite?", "Alexandrite", ("680.3 nm", "chromium", "iron stains")),
        ("What does demantoid show in the spectroscope?", "Demantoid", ("443 nm", "701 nm", "chromium")),
        ("what is the absorption spectrum of andradite?", "Andradite", ("443 nm", "cut off")),
        ("what is the spectrum of pyrope?", "Pyrope", ("575 nm", "505 nm", "chromium")),
        ("what is the spectrum of tanzanite?", "Tanzanite", ("595 nm", "528 and 455 nm")),
        ("what is the spectrum of zoisite?", "Zoisite", ("chromium lines", "Green zoisite")),
        ("what is the spectrum of chrome diopside?", "Chrome Diopside", ("690 nm", "670, 655 and 635 nm")),
        ("what is the spectrum of hessonite?", "Hessonite", ("407 and 430 nm",)),
        ("what is the spectrum of green tourmaline?", "Tourmaline", ("498 nm", "640 nm")),
        ("what is the spectrum of jadeite?", "Jadeite", ("437 nm", "691.5 nm", "dye band")),
        ("what is the spectrum of apatite?", "Apatite", ("rare-earth", "didymium", "yellow")),
        ("what is the spectrum of sinhalite?", "Sinhalite", ("493, 475, 463 and 452 nm", "peridot")),
    ],
)
def test_the_spectra_of_garnets_tanzanite_tourmaline_and_chromium_gems_are_the_sourced_lines(question, gem, said):
    reply = Assistant(classifier=None).conversation().ask(question).reply
    assert reply.startswith(f"**{gem}**") and all(s in reply for s in said), reply


@pytest.mark.parametrize(
    "question, title, said, lab",
    [
        (
            "How do I detect lead-glass filled ruby?",
            "**Ruby, lead-glass filling**: at the bench: under magnification, blue and orange flashes",
            ("flattened gas bubbles", "reflected light"),
            "A laboratory confirms the filler",
        ),
        (
            "How is a fracture-filled diamond detected?",
            "**Diamond, fracture filling**: at the bench: under the microscope, the flash effect",
            ("orange or yellow to electric blue, pink or purple", "trapped bubbles"),
            "most practical and reliable test",
        ),
        (
            "How do I detect dyed jadeite?",
            "**Jadeite, dyeing**: at the bench: under the loupe, colour concentrated in fissures and along grain",
            ("broad bands from the dye", "instead of the fine chromium lines"),
            "A laboratory confirms it",
        ),
        (
            "how is B jade detected?",
            "**Jade, polymer impregnation (B jade)**: at the bench: on the polished surface in reflected light, a "
            "spider-web network",
            ("floats in a 3.32 liquid",),
            "Infrared spectroscopy (FTIR) in a laboratory",
        ),
    ],
)
def test_how_a_treatment_is_detected_gives_its_bench_signs_then_the_laboratory(question, title, said, lab):
    answer = Assistant(classifier=None).conversation().ask(question)
    assert answer.reply.startswith(title) and all(s in answer.reply for s in said), answer.reply
    assert answer.reply.index(said[0]) < answer.reply.index(lab)  # the bench first
    assert "Treatments of" not in answer.reply and not answer.description  # not the list of treatments again
    assert any(n.startswith("sources (") and "<http" in n for n in answer.notes)


@pytest.mark.parametrize(
    "question, title, said, lab",
    [
        (
            "How do I know if my emerald is oiled?",
            "**Emerald, clarity enhancement (oil or resin)**: at the bench: under magnification, the flash effect",
            ("reflecting films", "gas bubbles", "long-wave UV"),
            "infrared (FTIR) or Raman",
        ),
        (
            "how do I detect Be-diffused sapphire?",
            "**Sapphire, beryllium diffusion**: at the bench: immersed in methylene iodide",
            ("yellowish orange rim", "altered zircon"),
            "LA-ICP-MS",
        ),
        (
            "how do I know if a ruby is beryllium treated?",
            "**Ruby, beryllium diffusion**: at the bench: ",
            ("yellowish orange rim",),
            "LA-ICP-MS",
        ),
        (
            "how can I tell if a diamond has been HPHT treated?",
            "**Diamond, HPHT treatment**: at the bench: nitrogen-bearing (type I) stones",
            ("graphite in fractures", "show nothing at the bench"),
            "photoluminescence at liquid-nitrogen temperature",
        ),
        (
            "how can I tell if a diamond is irradiated?",
            "**Diamond, irradiation**: at the bench: in the spectroscope",
            ("595 nm", "umbrella"),
            "need a laboratory",
        ),
        (
            "how do I detect stabilized turquoise?",
            "**Turquoise, stabilisation (plastic impregnation)**: at the bench: a low SG",
            ("hot point", "cavities"),
            "Raman or infrared",
        ),
        (
            "how can I tell if turquoise is dyed?",
            "**Turquoise, dyeing**: at the bench: under magnification, uneven colour",
            ("hollows",),
            "677 nm",
        ),
        (
            "how do I know if my tanzanite is heated?",
            "**Tanzanite, heating**: common and usually cannot be detected, not even by a gem laboratory, so it is "
            "assumed: nearly all tanzanite is heated",
            ("three colours",),
            "proves natural colour",
        ),
        (
            "how can I tell if blue topaz is irradiated?",
            "**Topaz, irradiation and heating (blue topaz)**: common and usually cannot be detected, not even by a gem "
            "laboratory, so it is assumed: no routine gemmological test",
            ("London blue",),
            "residual radioactivity",
        ),
    ],
)
def test_oiled_emerald_be_sapphire_hpht_diamond_turquoise_tanzanite_and_topaz_give_their_signs(
    question, title, said, lab
):
    answer = Assistant(classifier=None).conversation().ask(question)
    assert answer.reply.startswith(title) and all(s in answer.reply for s in said), answer.reply
    assert answer.reply.index(said[0]) < answer.reply.index(lab)  # the bench first
    assert "Treatments of" not in answer.reply and any(n.startswith("sources (") for n in answer.notes)


@pytest.mark.parametrize(
    "question, title, said",
    [
        (
            "how do I detect laser drilling in a diamond?",
            "**Diamond, laser drilling**: at the bench: under the microscope",
            ("very fine channels", "wormhole-like channels", "KM"),
        ),
        (
            "how do I detect surface diffusion in sapphire?",
            "**Sapphire, surface diffusion (titanium)**: at the bench: immersed in methylene iodide",
            ("along the facet junctions", "titanium enriched in the outer rim"),
        ),
        (
            "how can I tell if turquoise is waxed?",
            "**Turquoise, waxing**: at the bench: a hot point held close",
            ("bead up like sweat",),
        ),
        (
            "how can you tell smoked opal?",
            "**Opal, smoke treatment (Ethiopian opal)**: at the bench: ",
            ("smoke concentrated in scratches or cracks", "Raman carbon peak"),
        ),
        (
            "how do I tell if an opal is a triplet?",
            "**Opal, doublets and triplets (assembled opal)**: at the bench: the layers of a doublet",
            ("bubbles in the glue layer", "perfectly straight"),
        ),
        (
            "how do I detect coated tanzanite?",
            "**Tanzanite, coating**: at the bench: under magnification, a faint iridescence",
            ("worn patches along facet junctions", "EDXRF"),
        ),
        (
            "how can I tell if a pearl is dyed?",
            "**Pearl, dyeing**: at the bench: under magnification, dye gathered in the drill hole",
            ("long-wave UV", "silver-salt"),
        ),
    ],
)
def test_laser_drilling_surface_diffusion_waxing_smoke_doublets_coating_and_dyed_pearls_give_their_signs(
    question, title, said
):
    answer = Assistant(classifier=None).conversation().ask(question)
    assert answer.reply.startswith(title) and all(s in answer.reply for s in said), answer.reply
    assert "Treatments of" not in answer.reply and any(n.startswith("sources (") for n in answer.notes)


@pytest.mark.parametrize(
    "question, treatment",
    [
        ("how to detect beryllium diffusion in sapphire", "beryllium diffusion"),  # not the surface diffusion
        ("how do I detect titanium diffused sapphire?", "surface diffusion (titanium)"),
        ("how do I detect stabilized turquoise?", "stabilisation (plastic impregnation)"),  # waxing has its own
    ],
)
def test_a_treatment_named_is_told_from_its_neighbours(question, treatment):
    reply = Assistant(classifier=None).conversation().ask(question).reply
    assert reply.startswith(f"**{question.split()[-1].rstrip('?').title()}, {treatment}**:"), reply


@pytest.mark.parametrize(
    "question, signs", [("is this pearl dyed?", "**Pearl, dyeing**"), ("is my sapphire heated?", "**Sapphire, heat")]
)
def test_a_treatment_of_the_stone_in_hand_is_no_question_of_what_gem_it_is(question, signs):
    """ "is this pearl dyed?" asks of a treatment, not whether it is a pearl: a laboratory decides, and what a
    gemmologist looks for; "is pearl usually dyed?" asks of the gem in general."""
    answer = Assistant(classifier=None).conversation().ask(question)
    assert answer.reply.split(":")[1].strip().startswith("Whether this stone was treated"), answer.reply
    assert f"What a gemmologist looks for: {signs}" in answer.reply
    assert any(n.startswith("sources (") for n in answer.notes)
    general = Assistant(classifier=None).conversation().ask(question.replace("this", "").replace("my", "usually"))
    assert "Treatments of" in general.reply and "What a gemmologist looks for" not in general.reply
    assert Assistant(classifier=None).conversation().ask("is this a pearl?").reply.startswith("**Pearl?** Nothing")


def test_an_assembled_stone_gets_the_signs_its_gem_records_for_stones_assembled_as_it_is():
    for name in ("Opal Doublet", "Opal Triplet"):
        reply = Assistant(classifier=None).conversation().ask(f"how do I spot an {name.lower()}?").reply
        assert reply.startswith(f"**{name}, doublets and triplets (assembled opal)**:"), reply
    # an assembled emerald is no oiled one: emerald's signs name no stone assembled as it is
    assert not Assistant(classifier=None).conversation().ask("how do I spot a soudé emerald?").notes


@pytest.mark.parametrize("question", ["how do I detect treated opal?", "how do I tell if opal is sugar treated?"])
def test_treated_opal_gives_the_carbon_specks_of_sugar_acid_treated_matrix_opal(question):
    reply = Assistant(classifier=None).conversation().ask(question).reply
    assert reply.startswith("**Opal, sugar-acid treatment (carbon in matrix opal)**: at the bench: ")
    assert "black specks of carbon" in reply, reply


def test_how_to_tell_if_it_is_heated_after_tanzanite_gives_the_dichroscope_and_that_a_laboratory_rarely_can():
    chat = Assistant(classifier=None).conversation()
    chat.ask("tell me about tanzanite")
    reply = chat.ask("how do I tell if it's heated?").reply
    assert reply.startswith("**Tanzanite, heating**:") and "dichroscope" in reply and "not detectable" in reply


@pytest.mark.parametrize("gem", ["sapphire", "ruby"])
def test_how_to_tell_if_it_is_heated_gives_the_signs_of_heating_in_the_gem_discussed(gem):
    chat = Assistant(classifier=None).conversation()
    chat.ask(f"tell me about {gem}")
    reply = chat.ask("how do I tell if it's heated?").reply
    assert reply.startswith(f"**{gem.title()}, heat treatment**: at the bench: under magnification, rutile silk")
    assert "discoid" in reply and "chalky" in reply
    assert reply.endswith("a gem laboratory confirms heating with instruments.")
    # a treatment with no signs on record is still answered with the treatments in use
    other = Assistant(classifier=None).conversation().ask("how do I detect dyed sapphire?").reply
    assert other.startswith("**Sapphire**: Treatments of sapphire: heat treatment; beryllium diffusion")


def test_how_to_tell_if_the_stone_in_hand_is_heated_gives_the_signs_of_heating_in_the_gem_answered():
    chat = Assistant(classifier=None).conversation()
    chat.ask("RI 1.762-1.770, SG 4.00, red")
    answer = chat.ask("how do I tell if it's heated?")
    assert answer.reply.startswith("**Ruby, heat treatment**: at the bench: under magnification, rutile silk")
    assert "Whether this stone was treated" not in answer.reply  # the signs asked for, not that a laboratory decides
    assert any(n.startswith("sources (heat treatment): ") for n in answer.notes)


def test_what_is_jet_names_the_gem_a_word_of_many_meanings_stands_for_when_asked_alone():
    assert Assistant(classifier=None).conversation().ask("What is jet?").reply.startswith("**Jet**")
    assert Assistant(classifier=None).conversation().ask("what is it?").reply.startswith("Send me a photo")


def test_is_it_real_of_the_gem_just_discussed_is_no_yes():
    chat = Assistant(classifier=None).conversation()
    chat.ask("Pearl that strings perfectly round, peeling coating at the drill hole")
    assert chat.ask("Is it real?").reply.startswith("**Pearl?** Nothing you have told me shows whether it is")
    chat = Assistant(classifier=None).conversation()  # the tooth test failed: it says so
    chat.ask("Pearl that feels smooth on the teeth, strings perfectly round, peeling coating at the drill hole")
    assert chat.ask("Is it real?").reply.startswith("**Pearl?** Probably not: smooth on the teeth: the nacre")


def test_a_treatment_question_lists_every_treatment_in_use():
    reply = Assistant(classifier=None).conversation().ask("is diamond usually treated?").reply
    assert reply == "**Diamond**: Treatments of diamond: HPHT; irradiation; coating; fracture filling."


def test_a_question_about_the_stone_answered_gets_its_value_and_leaves_the_ranking_alone():
    chat = stone_answered("Ruby", "Spinel")
    first = chat.answers[-1]
    assert first.gem == "Ruby"
    assert "moderate to strong red" in chat.ask("does it fluoresce?").reply
    assert chat.ask("what's the RI?").reply == "**Ruby**: refractive index 1.762–1.770."  # not the glossary's RI
    assert chat.ask("how hard is it").reply == "**Ruby**: Mohs hardness 9."
    knife = chat.ask("would a knife scratch it?").reply
    assert "harder than a steel knife (5.5)" in knife and "damages" in knife
    assert chat.ask("is it harder than topaz?").reply.startswith("**Yes**: Ruby is harder than Topaz.")
    assert chat.ask("which glows red, it or spinel?").reply.startswith("**Ruby**: fluorescence")  # both of them
    floats = chat.ask("would it float in methylene iodide?").reply
    assert (
        floats.startswith("Ruby (SG 3.97–4.05) sinks in methylene iodide")
        and "the gem I named for your stone" in floats
    )
    assert not chat.hints and chat.ask("what gem is this?").candidates == first.candidates


def test_is_the_colour_natural_is_a_treatment_question_about_the_stone_answered():
    chat = stone_answered("Topaz", "Aquamarine")
    reply = chat.ask("is the blue natural?").reply
    assert "irradiation + heat (blue topaz)" in reply and "Glass" not in reply


def test_two_questions_of_one_gem_joined_by_and_are_each_answered_in_order():
    said = Assistant(None).conversation().ask("is my ruby heated and is it natural?").reply
    # was "**Ruby, treated**: a my ruby heated and is it is natural ruby with a treatment …"
    heated, natural = said.find("Whether this stone was treated"), said.find("**Ruby?** Nothing you have told me")
    assert said.startswith("**Ruby**:") and 0 < heated < natural and "a my ruby" not in said
    assert "lab-grown ruby" in said[natural:]


@pytest.mark.parametrize(
    "text", ["can I steam clean emerald and is it durable?", "is emerald durable and can I steam clean it?"]
)
def test_a_care_question_and_a_durability_question_of_one_gem_say_each_thing_once(text):
    said = Assistant(None).conversation().ask(text).reply
    # the whole care answer was said twice, its cleaning line in each half
    assert said.count("Cleaning — ultrasonic cleaner: never; steam: never") == 1
    assert said.count("Hot steam can make oil") == 1
    assert said.count("Emerald (Mohs 7.5–8) is hard enough that the quartz grains in dust") == 1


def test_two_words_asked_of_one_gem_are_each_answered_and_it_after_a_gem_named_is_that_gem():
    said = Assistant(None).conversation().ask("is ruby hard and expensive?").reply
    # was the price alone ("**Ruby**: I do not price stones …"), its hardness unanswered
    assert said.startswith("**Yes**: Ruby's Mohs hardness is 9") and "I do not price stones" in said
    durable = Assistant(None).conversation().ask("are sapphires hard and durable?").reply
    assert durable.startswith("**Yes**: Sapphire's Mohs hardness is 9") and "**Caring for Sapphire**" in durable
    chat = stone_answered("Peridot", "Tourmaline")
    # with a peridot in hand, "it" is the ruby named: was the price alone, the hardness unanswered
    said = chat.ask("is ruby hard and is it expensive?").reply
    assert said.startswith("**Yes**: Ruby's Mohs hardness is 9") and "I do not price stones" in said


@pytest.mark.parametrize(
    ("text", "said"),
    [("is diamond hard and shiny?", "**Diamond**: lustre adamantine."),
     ("is sapphire hard and shiny?", "**Sapphire**: lustre vitreous to adamantine."),
     ("is opal soft and shiny?", "**Opal**: lustre vitreous to resinous."),
     ("are pearls glossy?", "**Pearl**: lustre pearly (nacreous)."),
     ("is turquoise shiny?", "**Turquoise**: lustre waxy to sub-vitreous."),
     ("is garnet tough and shiny?", "**Garnet**: lustre vitreous to resinous.")],  # was "Which gem?" after toughness
)  # fmt: skip
def test_whether_a_gem_is_shiny_is_answered_by_its_lustre_alone_or_after_another_word(text, said):
    assert said in Assistant(None).conversation().ask(text).reply  # was the gem's card


def test_two_words_asked_of_it_are_each_answered_of_the_stone_in_hand_or_the_gem_spoken_of():
    # each was the price alone ("I do not price stones …"), the hardness unanswered
    for asked in ("is it hard and expensive?", "is it hard and is it expensive?"):
        said = stone_answered("Ruby", "Spinel").ask(asked).reply
        assert said.startswith("**Ruby**: Mohs hardness 9.") and "I do not price stones" in said
    chat = Assistant(None).conversation()
    chat.ask("tell me about ruby")
    said = chat.ask("is it hard and expensive?").reply
    assert said.startswith("**Yes**: Ruby's Mohs hardness is 9") and "I do not price stones" in said


def test_is_a_gem_of_a_colour_and_why_says_yes_or_no_then_the_cause_of_its_colour():
    # each was the bare card ("**Ruby**" and its table)
    ruby = Assistant(None).conversation().ask("is ruby red and why?").reply
    assert ruby.startswith("**Yes**: Ruby comes in red") and "**Ruby**: coloured by chromium." in ruby
    emerald = Assistant(None).conversation().ask("is emerald green, and why?").reply
    assert emerald.startswith("**Yes**: Emerald comes in green") and "coloured by chromium and vanadium" in emerald
    # no colour asked: the optic character's yes, then why, as before
    garnet = Assistant(None).conversation().ask("is garnet singly refractive and why?").reply
    assert garnet.startswith("**Yes.** **Garnet**: optic character isotropic") and "coloured by" not in garnet


@pytest.mark.parametrize(
    "text",
    ["What is amber? Is it a mineral?", "what is amber and is it a mineral?", "Tell me about amber. Is it a mineral?"],
)
def test_what_a_gem_is_then_a_question_of_it_are_both_answered(text):
    answer = Assistant(None).conversation().ask(text)  # was what amber is alone, the mineral question unanswered
    assert answer.reply.startswith("**Not a mineral**: Amber is an organic gem")
    assert answer.description.startswith("Amber is fossilised tree resin")


def test_two_questions_in_one_message_leave_one_message_in_the_history():
    chat = Assistant(None).conversation()
    chat.ask("can I steam clean emerald and is it durable?")
    # was two entries, "can I steam clean emerald?" and "is it durable?", for one message
    assert [x.message for x in chat.answers] == ["can I steam clean emerald and is it durable?"]


def test_colouring_or_dyeing_a_stone_oneself_is_a_treatment_question_not_a_colour_grade():
    grades = "Grades need the stone in hand"  # was the answer to each: "I colour" read as the diamond grade
    jade = Assistant(None).conversation().ask("can I dye my jade?").reply  # was the bare Jade card
    assert jade.startswith("**Jade**:") and "dyeing (C jade)" in jade
    coloured = Assistant(None).conversation().ask("can I colour my jade?").reply
    assert "dyeing (C jade)" in coloured and grades not in coloured
    chat = stone_answered("Topaz", "Aquamarine")
    it = chat.ask("can I colour it?").reply
    assert "irradiation + heat (blue topaz)" in it and grades not in it
    grade = Assistant(None).conversation().ask("what does I colour mean?").reply
    assert "**I**: G, H, I and J near colourless" in grade
    cause = Assistant(None).conversation().ask("what causes chromium to colour the stone green?").reply
    assert "treatments" not in cause.lower()  # was "Which treatments are used, whether they last …"


def test_what_the_eye_sees_in_the_stone_answered_is_answered_from_its_phenomena_and_features():
    chat = stone_answered("Lapis Lazuli", "Sodalite")
    assert "pyrite specks" in chat.ask("what are the gold specks?").reply
    assert chat.ask("tell me more").reply.startswith("Lapis Lazuli (")  # its description, not the ranking again
    alexandrite = stone_answered("Alexandrite", "Tourmaline")
    assert "colour change" in alexandrite.ask("does it change colour?").reply.lower()


def test_could_it_be_one_of_two_other_gems_compares_the_stone_answered_with_each():
    chat = stone_answered("Ruby", "Spinel", "Garnet Red")
    advice = chat.ask("could it be spinel or garnet?").tell_apart
    assert advice.startswith("To tell Ruby from Spinel") and "To tell Ruby from Garnet" in advice


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("why does a garnet stay dark in the polariscope?", "**Garnet**: optic character isotropic (singly refractive"),
        ("why does diamond give no reading on the refractometer?", "over the refractometer's limit"),
        ("what does a dichroscope show for iolite?", "**Iolite**: pleochroism very strong trichroism"),
    ],
)
def test_a_question_about_a_gem_under_an_instrument_gets_what_the_instrument_reads(question, answer):
    assert answer in Assistant(classifier=None).conversation().ask(question).reply


def test_what_a_loupe_showed_adds_up_message_by_message():
    chat = Assistant(classifier=None).conversation()
    chat.ask("RI 1.762-1.770, SG 4.00, red, curved striae")
    chat.ask("gas bubbles too")
    assert {"curved striae", "gas bubbles"} <= set(chat.hints.readings.observations)


def test_is_it_natural_names_a_lab_grown_stone_of_another_species_made_to_imitate_it():
    chat = stone_answered("Alexandrite", "Tourmaline")
    reply = chat.ask("is it natural?").reply  # colour-change synthetic sapphire, the commonest 'alexandrite'
    assert "lab-grown chrysoberyl or Synthetic Sapphire (Verneuil)" in reply and "Czochralski" not in reply


def test_is_it_natural_says_when_most_of_a_gem_on_the_market_is_treated():
    chat = stone_answered("Tanzanite", "Iolite")
    assert "most of it on the market is treated: heat treatment (universal" in chat.ask("is it natural?").reply


def stone_answered(*classes: str):
    """A chat whose photo (its probabilities given directly) was answered: the first class at 95%."""
    from gemlang.fusion import EvidenceModel

    chat = Assistant(None, evidence=EvidenceModel(list(classes))).conversation()
    chat.image_probs = np.array([0.95] + [0.05 / (len(classes) - 1)] * (len(classes) - 1))
    chat.ask("what gem is this?")
    return chat


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("why does tourmaline show doubling", "**Tourmaline**: birefringence"),
        ("can a diamond be scratched?", "**Diamond**: Mohs hardness 10."),
        ("would a knife scratch opal?", "Opal (Mohs 5.5–6.5) is about as hard as a steel knife"),
        ("does amber float in salt water?", "Amber (SG 1.05–1.09) floats in strongly salted water (about 1.13)."),
        ("does amber float in water?", "Amber (SG 1.05–1.09) sinks in water (1.00)."),
        ("will diamond sink in methylene iodide?", "Diamond (SG 3.52) sinks in methylene iodide (3.32). Heavy"),
        ("does ruby sink in MI?", "Ruby (SG 3.97–4.05) sinks in methylene iodide (3.32). Heavy"),
        ("would quartz float in bromoform?", "Quartz (SG 2.65) floats in bromoform (2.89)."),
        ("does alexandrite look red under a lamp?", "**Alexandrite**: Its colour change"),
        (
            "can a sapphire have an RI of 1.71?",
            "**No.** Sapphire's refractive index is 1.762–1.770, so RI 1.710 does not",
        ),
        ("sphene care", "**Caring for Sphene**"),
        ("is vinegar safe for malachite?", "**Caring for Malachite**"),
    ],
)
def test_a_question_about_a_gem_named_is_answered_about_that_gem_not_taken_for_a_stone(question, answer):
    chat = Assistant(classifier=None).conversation()
    reply = chat.ask(question).reply
    assert reply.startswith(answer) and not chat.hints  # no reading of a stone in hand


def test_can_it_scratch_a_gem_named_is_about_the_stone_answered():
    assert (
        stone_answered("Topaz", "Quartz Smoky")
        .ask("Can it scratch quartz")
        .reply.startswith("Topaz (Mohs 8) is harder than quartz (7)")
    )


@pytest.mark.parametrize(
    ("message", "said"),
    [
        ("I have two stones, a ruby and a spinel. How can I separate them with a polariscope?", "**Ruby or Spinel?**"),
        ("Can I scratch test my stone to see if it's a diamond?", "**Diamond?** Nothing you have told me"),
        ("could RI 1.54 be something other than quartz?", "Quartz: "),  # the reading ranked, quartz placed in it
    ],
)
def test_questions_that_name_a_gem_and_an_instrument_keep_their_own_answers(message, said):
    assert Assistant(classifier=None).conversation().ask(message).summary_markdown().startswith(said)


@pytest.mark.parametrize(
    ("asked", "said"),
    [("is alexandrite colour change?", "**Alexandrite**: Its colour change, 'emerald by day, ruby by night'"),
     ("is alexandrite a colour-change gem?", "**Alexandrite**: Its colour change, 'emerald by day, ruby by night'"),
     ("is alexandrite color changing?", "**Alexandrite**: Its colour change, 'emerald by day, ruby by night'"),
     ("is garnet colour change?", "**Garnet**: not as a rule, but Colour-Change Garnet does."),
     ("is peridot colour changing?", "**Peridot**: not that I know of: my facts for peridot name no colour change")],
)  # fmt: skip
def test_is_a_gem_colour_change_is_answered_from_its_facts_not_read_as_a_colour_of_it(asked, said):
    answer = Assistant(classifier=None).conversation().ask(asked)  # was the help text, or its card alone
    assert answer.reply.startswith(said) and not answer.candidates


def test_does_it_fluoresce_says_what_the_lamp_shows_for_a_gem_the_database_says_nothing_of():
    assert "inert" in stone_answered("Peridot", "Tourmaline").ask("does it fluoresce?").reply.lower()


def test_does_it_show_a_phenomenon_is_answered_from_any_facts_that_name_it_else_not_that_i_know_of():
    peridot = stone_answered("Peridot", "Tourmaline")
    said = peridot.ask("does it change colour?").reply
    assert said.startswith("**Peridot**: not that I know of: my facts for peridot name no colour change")
    assert "rare stones of many gems" in said  # no proof that it never does
    assert peridot.ask("does it have a cat's eye?").reply.startswith("**Peridot**: not that I know of")  # no odds
    andalusite = stone_answered("Andalusite", "Tourmaline").ask("does it change colour?").reply
    assert "no true colour change" in andalusite  # its history says why people think so
    chat = Assistant(classifier=None).conversation()
    assert chat.ask("does garnet change colour?").reply == "**Garnet**: not as a rule, but Colour-Change Garnet does."
    asterism = chat.ask("what causes asterism in sapphire?").reply  # was its kinds' "Star sapphire shows a …"
    assert asterism.startswith("**Sapphire**: Star sapphires show a six-rayed star, called asterism, when minute")
    assert "colour-change sapphires" in chat.ask("can sapphire change colour?").reply  # a kind's facts, hyphened
    assert "alexandrite cat's eyes" in chat.ask("can alexandrite have a cat's eye?").reply  # chrysoberyl's facts
    assert "play of colour" in chat.ask("does opal change colour?").reply  # what it does show
    star = stone_answered("Sapphire Blue", "Tanzanite").ask("can it show a star?").reply
    assert "J. P. Morgan" in star  # initials end no sentence


def test_a_cats_eye_asked_of_a_gem_is_chatoyancy_not_the_sheen_of_its_silk_and_is_asked_of_the_gem_named(assistant):
    # was ruby's silk sheen and its star ("an effect called asterism"): a sheen is no cat's eye
    said = Assistant(classifier=None).conversation().ask("can ruby have a cat's eye?").reply
    assert said.startswith("**Ruby**: not that I know of: my facts for ruby name no cat's eye (chatoyancy)")
    # what its facts do name is its star, not the red glow of marble rubies its facts name first
    assert "What they name: Fine needles of rutile" in said and "glow" not in said.split("\n\n")[0]
    assert "Rutile silk" not in Assistant(classifier=None).conversation().ask("does ruby have a cat's eye?").reply
    assert "sheen" in Assistant(classifier=None).conversation().ask("does moonstone have a sheen?").reply  # as before
    chat = assistant.conversation()
    stone = chat.ask("what is it?", [red_stone_photo()]).gem
    # after a photo, of the gem named: was "Ruby: 92% (rank 1 of 192); Cat's Eye: <1% …", the odds of each
    ruby = chat.ask("can ruby have a cat's eye?")
    assert ruby.reply.startswith("**Ruby**: not that I know of") and not ruby.candidates
    tourmaline = chat.ask("can tourmaline have a cat's eye?")
    assert tourmaline.reply.startswith("**Tourmaline**: Tourmaline with many parallel hollow growth tubes")
    assert any(f"the stone in hand is still {stone}" in n for n in tourmaline.notes)
    # the star of a gem's name is no star asked about: was star diopside's four-rayed star
    assert chat.ask("is star diopside magnetic?").reply.startswith("**Star Diopside**: magnet test:")


def test_which_one_is_the_hardest_with_a_stone_in_hand_ranks_the_gems_it_may_be():
    chat = stone_answered("Peridot", "Tourmaline", "Sapphire Blue")
    # each was every gem's ranking ("Of the natural gems I know, **Diamond (Mohs 10)** is the hardest")
    hardest = chat.ask("which one is the hardest?").reply
    assert hardest.startswith("Of the gems your stone may be (Peridot 94%, Sapphire Blue 2% and Tourmaline 2%), ")
    assert "**Sapphire Blue (Mohs 9)** is the hardest; then Tourmaline (Mohs 7–7.5), Peridot (Mohs 6.5)." in hardest
    heaviest = chat.ask("which of them is the heaviest?").reply
    assert "**Sapphire Blue (SG 3.97–4.05)** is the densest; then Peridot (SG 3.27–3.37), Tourmaline" in heaviest
    assert chat.ask("which gem is the hardest?").reply.startswith("Of the natural gems I know, **Diamond")  # all
    one = stone_answered("Ruby", "Flux-Grown Ruby").ask("which one is the hardest?").reply  # all corundum
    assert "all are one species, Corundum (Ruby, Flux-Grown Ruby" in one
    assert one.endswith("Mohs 9), so none of them is the hardest.")


def test_which_one_is_harder_with_a_stone_in_hand_ranks_its_gems_and_never_every_gem_or_the_card():
    chat = stone_answered("Peridot", "Tourmaline", "Sapphire Blue")
    # was the photo's card again, the question unanswered
    for asked in ("which one is harder?", "which of those is harder?", "which is the hardest of them?"):
        said = chat.ask(asked).reply
        assert said.startswith("Of the gems your stone may be (Peridot 94%, Sapphire Blue 2% and Tourmaline 2%), ")
        assert "**Sapphire Blue (Mohs 9)** is the hardest" in said
    assert "**Peridot (Mohs 6.5)** is the softest" in chat.ask("which one is softer?").reply
    # one gem at 1% or more: was every gem's ranking ("**Diamond (Mohs 10)** is the hardest"), or the card
    one = Assistant(None, evidence=EvidenceModel(["Peridot", "Tourmaline"])).conversation()
    one.image_probs = np.array([0.999, 0.001])
    one.ask("what gem is this?")
    for asked in ("which one is the hardest?", "which one is harder?"):
        said = one.ask(asked).reply
        assert said.startswith("Of the gems your stone may be (Peridot ") and "Diamond" not in said
        assert said.endswith("there is one only, Peridot (Mohs 6.5): no other to rank it against.")


def test_which_one_has_the_higher_ri_or_more_fire_with_a_stone_in_hand_ranks_the_gems_it_may_be():
    chat = stone_answered("Peridot", "Tourmaline", "Sapphire Blue")
    may_be = "Of the gems your stone may be (Peridot 94%, Sapphire Blue 2% and Tourmaline 2%), "
    # each was the photo's answer again, the question unanswered
    for asked in ("which one has the higher RI?", "which one is more refractive?"):
        said = chat.ask(asked).reply
        assert said.startswith(may_be + "**Sapphire Blue (RI 1.762–1.770)** is the highest in refractive index")
    lowest = chat.ask("which one has the lower refractive index?").reply
    assert lowest.startswith(may_be + "**Tourmaline (RI 1.620–1.640)** is the lowest in refractive index")
    assert "**Peridot (dispersion 0.020)** is the highest in dispersion" in chat.ask("which one has more fire?").reply
    # which lab-grown kinds read lower: not the photo's gems ranked
    lab = stone_answered("Ruby", "Flux-Grown Ruby").ask("could it be a synthetic? which ones have lower RI").reply
    assert lab.startswith("**Lab-grown corundum that reads lower than natural ruby (RI 1.762–1.770)**")


def test_which_one_has_more_fire_than_a_gem_with_a_stone_in_hand_compares_the_gems_it_may_be_with_it():
    # each was the card of the gem compared with ("**Diamond**: dispersion 0.044."), the stone forgotten
    chat = stone_answered("Peridot", "Tourmaline", "Sapphire Blue")
    none = chat.ask("which one has more fire than diamond?").reply
    assert none.startswith("Of the gems your stone may be (Peridot 94%, Sapphire Blue 2% and Tourmaline 2%), none has ")
    assert none.endswith("more fire than Diamond (dispersion 0.044): Peridot (dispersion 0.020) comes closest.")
    harder = chat.ask("which of them is harder than quartz?").reply
    assert "**Sapphire Blue (Mohs 9)** and **Tourmaline (Mohs 7–7.5)** are harder than Quartz (Mohs 7)." in harder
    fiery = stone_answered("Andradite", "Peridot").ask("which one has more fire than diamond?").reply
    assert fiery.endswith("**Andradite (dispersion 0.057)** has more fire than Diamond (dispersion 0.044).")


@pytest.mark.parametrize("question", ["which one has more fire than diamond?", "what has more fire than a diamond?"])
def test_which_one_has_more_fire_than_a_gem_with_no_stone_lists_the_gems_beyond_it(question):
    said = Assistant(classifier=None).conversation().ask(question).reply  # was the card of Diamond
    assert said.startswith("**Natural gems with more fire than Diamond (dispersion 0.044)**") and "Sphene (" in said


@pytest.mark.parametrize(
    ("question", "listed"),
    [
        ("which ones are harder than topaz?", "**Natural gems harder than Topaz (Mohs 8)**"),
        ("what is softer than glass?", "**Natural gems softer than glass (Mohs 5.5)**"),
        ("what's harder than quartz?", "**Natural gems harder than Quartz (Mohs 7)**"),
        ("which others are softer than a knife?", "**Natural gems softer than a steel knife (Mohs 5.5)**"),
    ],
)
def test_which_ones_are_harder_than_a_gem_with_no_stone_lists_the_gems_not_a_reading(question, listed):
    chat = Assistant(classifier=None).conversation()
    assert chat.ask(question).reply.startswith(listed)  # was a stone ranked by "Mohs hardness above 8"
    assert "Using only Mohs hardness above 5.5" in chat.ask("it is harder than glass").to_markdown()  # a reading


@pytest.mark.parametrize(
    ("question", "listed"),
    [
        ("name some gems softer than glass", "**Natural gems softer than glass (Mohs 5.5)**"),
        ("show me stones harder than topaz", "**Natural gems harder than Topaz (Mohs 8)**"),
        ("can you give me all the stones heavier than diamond?", "**Natural gems heavier than Diamond (SG 3.52)**"),
    ],
)
def test_gems_harder_than_a_gem_asked_for_by_name_or_show_me_are_listed_not_a_reading_of_the_stone(question, listed):
    chat = stone_answered("Ruby", "Spinel", "Garnet Red")
    assert chat.ask(question).reply.startswith(listed)  # was the stone ranked by "Mohs hardness below 5.5"
    assert "Mohs hardness below 5.5" in chat.ask("it is softer than glass").to_markdown()  # a reading still


def test_which_ones_are_harder_than_a_gem_with_a_stone_in_hand_ranks_its_gems_not_a_reading():
    chat = stone_answered("Ruby", "Spinel", "Garnet Red")
    answer = chat.ask("which ones are harder than topaz?")  # was the stone ranked by "Mohs hardness above 8"
    assert answer.reply.startswith("Of the gems your stone may be") and not chat.hints


def test_which_is_harder_than_a_gem_of_two_named_compares_the_two_not_a_list_of_every_gem():
    chat = Assistant(classifier=None).conversation()
    said = chat.ask("which is harder than topaz, ruby or spinel?").reply  # was "**Natural gems harder than Topaz …"
    assert said.startswith("Ruby is harder than Topaz and Spinel.")


def test_which_one_is_rarer_with_a_stone_in_hand_is_what_the_facts_of_its_gems_say_not_the_stone_unanswered():
    chat = stone_answered("Peridot", "Tourmaline", "Sapphire Blue")
    for asked in ("which one is rarer?", "which one is the rarest?"):  # was "My facts on Peridot do not answer that"
        said = chat.ask(asked).reply
        assert said.startswith("**Peridot, Sapphire Blue or Tourmaline?** My facts do not rank peridot, blue sapphire")
        assert "say nothing of how rare any of them is" in said
    said = stone_answered("Tsavorite", "Peridot", "Tourmaline").ask("which one is rarer?").reply
    assert "What they say of it: tsavorite is transparent" in said and "Of peridot and tourmaline, nothing." in said
    # several gems quoted: was "What they say of it: tsavorite is … very rare. hiddenite is much rarer …"
    said = stone_answered("Tsavorite", "Hiddenite", "Peridot").ask("which one is rarer?").reply
    assert "What they say of them: tsavorite is transparent" in said
    assert "very rare. Hiddenite is much rarer than kunzite" in said and "Of peridot, nothing." in said
    # a fact pasted, with "the rarest" in it, is no question of rarity: the card, as before
    assert Assistant(None).conversation().ask("Bixbite: red beryl, the rarest member of the beryl family").reply == (
        "**Bixbite**"
    )


def test_the_green_one_or_the_blue_one_with_a_stone_in_hand_is_its_gems_of_that_colour():
    chat = stone_answered("Peridot", "Tourmaline", "Sapphire Blue")
    may_be = "the gems your stone may be (Peridot 94%, Sapphire Blue 2% and Tourmaline 2%)"
    # was the photo's answer again (with a photo, "**Green Onyx**: Mohs hardness 6.5–7.")
    said = chat.ask("which one is softer? the green one or the blue one").reply
    assert said == (
        f"Of the green one (Peridot) and the blue one (Sapphire Blue) of {may_be}, **Peridot (Mohs 6.5)** is the "
        "softest; then Sapphire Blue (Mohs 9)."
    )
    harder = chat.ask("which is harder, the green stone or the pink one?").reply
    assert harder.startswith("Of the green one (Peridot) and the pink one (Tourmaline) of")
    assert "**Tourmaline (Mohs 7–7.5)** is the hardest" in harder
    one = Assistant(None, evidence=EvidenceModel(["Peridot", "Tourmaline"])).conversation()
    one.image_probs = np.array([0.999, 0.001])
    one.ask("what gem is this?")
    said = one.ask("which one is softer? the green one or the blue one").reply
    assert said.startswith("None of the gems your stone may be (Peridot ")
    assert "is listed in blue: its colours are" in said
    three = stone_answered("Peridot", "Ruby", "Emerald").ask("which one is harder, the blue one or the red one?").reply
    assert three.endswith(
        "their colours are Peridot (yellow-green, olive green, lime green, …), Emerald (green, bluish-green, "
        'yellowish-green) and Ruby (red, pinkish-red, purplish-red). Ask "which one is harder?" to rank them all.'
    )


def test_which_of_them_is_the_hardest_with_no_gem_named_asks_which_gems():
    chat = Assistant(classifier=None).conversation()
    # each ranked every gem ("Of the natural gems I know, **Orpiment (Mohs 1.5–2; …)** … are the softest")
    said = chat.ask("which of them is the softest?").reply
    assert said.startswith("**Which gems?** None is named or in hand to rank: name them")
    assert '("which is the softest, topaz, quartz or spinel?")' in said
    assert chat.ask("which of these is the hardest?").reply.startswith("**Which gems?**")
    assert chat.ask("which one is the hardest gem?").reply.startswith("Of the natural gems I know, **Diamond")
    chat.ask("tell me about opal")
    said = chat.ask("which of them is the hardest?").reply
    assert said.startswith("**Which gems?** Only Opal is spoken of: name the others")


@pytest.mark.parametrize("first", ["compare ruby, spinel and garnet", "ruby vs spinel", "birthstones for june"])
def test_which_of_them_is_the_hardest_after_gems_named_together_ranks_them(first):
    chat = Assistant(classifier=None).conversation()
    chat.ask(first)
    # "which of them …" was the how-to-begin help ("Send me a photo of the stone …")
    said = chat.ask("which of them is the hardest?").reply
    assert re.match(r"(Ruby|Alexandrite) is harder than ", said)
    assert chat.ask("which is the hardest of them?").reply == said


def test_a_star_asked_of_a_gem_says_what_its_kinds_facts_say_not_a_flat_no():
    chat = Assistant(classifier=None).conversation()
    # each was "**No.** Sapphire's facts name no star (asterism)." though star sapphire's facts describe one
    for asked in ("does sapphire show a star?", "sapphire shows a star, right?"):
        assert chat.ask(asked).reply.startswith("**Yes.** Sapphire's facts name a star (asterism): “Star sapphire")
    assert "Star garnets" in chat.ask("can garnet show a star?").reply
    emerald = chat.ask("can emerald show a star?").reply  # what its facts do name: the trapiche spokes
    assert emerald.startswith("**Emerald**: not that I know of: my facts for emerald name no star")
    assert "trapiche emeralds from Colombia show six ray-like spokes" in emerald
    assert chat.ask("does ruby show a star?").reply.startswith("**Yes.** Ruby's facts name a star")  # as before


def test_the_phenomena_of_a_gem_asked_at_large_are_its_facts_that_name_one():
    chat = Assistant(classifier=None).conversation()
    # each was ruby's card alone, with neither its star nor the page the star is quoted from
    for asked in (
        "what optical phenomena can ruby show?",
        "which phenomena does ruby display?",
        "does ruby have any optical phenomena?",
        "does ruby show any optical effects?",
    ):
        said = chat.ask(asked)
        assert said.reply.startswith("**Ruby**: Fine needles of rutile, called silk"), asked
        assert "glow bright red" not in said.reply  # its glow in sunlight is no phenomenon of its own name
        assert any("professionaljeweler.com" in n for n in said.notes)  # a jewellers' journal, not an astrology blog
    sapphire = chat.ask("what phenomena does sapphire show?")  # its kinds' star and colour change
    assert sapphire.reply.startswith("**Sapphire**: Star sapphires show a six-rayed star")
    assert "colour-change sapphires" in sapphire.reply
    assert any("aglthai.com" in n for n in sapphire.notes)
    peridot = chat.ask("does peridot show any optical phenomena?").reply
    assert peridot.startswith("**Peridot**: not that I know of: my facts for peridot name no optical phenomena")


def test_star_spinel_is_answered_yes_from_its_sources_with_the_page_named():
    chat = Assistant(classifier=None).conversation()
    # each was "**Spinel**: not that I know of: my facts for spinel name no star, …", though star spinel exists
    for asked in ("does spinel show a star?", "spinel shows a star, right?"):
        said = chat.ask(asked)
        assert said.reply.startswith("**Yes.** Spinel's facts name a star (asterism): “Star spinel is extremely rare")
        assert any("alexandrite.net/chapters/glossary/spinel.html" in n for n in said.notes)
    told = chat.ask("can spinel have a star?")
    assert told.reply.startswith("**Spinel**: Star spinel is extremely rare, with four- and six-rayed stars")
    assert any("jbjewelryco.com/blogs/news/a-star-spangled-gem" in n for n in told.notes)
    garnet = chat.ask("does garnet show a star?").notes  # the page each quoted phenomenon comes from
    assert any(n.startswith("source (Almandine): Rock & Gem Magazine: Idaho star garnet") for n in garnet)


@pytest.mark.parametrize(
    ("asked", "said"),
    [
        ("tell me about star spinel", "**Spinel**: Star spinel is extremely rare, with four- and six-rayed stars"),
        ("tell me about star sapphires", "**Sapphire**: Star sapphires show a six-rayed star, called asterism, when"),
        ("describe a star ruby", "**Ruby**: Fine needles of rutile, called silk"),
        ("tell me about colour change sapphire", "**Sapphire**: Rare colour-change sapphires, found for example"),
        ("what is a color-change sapphire?", "**Sapphire**: Rare colour-change sapphires, found for example"),
        # a gem whose own name holds its eye: the eye and its cause, then its card (each was the card alone)
        ("tell me about tiger's eye", "Eye**: Its parallel fibres give chatoyancy, a silky band of light"),
        ("describe tigers eye", "Eye**: Its parallel fibres give chatoyancy, a silky band of light"),
        ("tell me about cat's eye chrysoberyl", "Eye**: Its cat's-eye is light reflected from minute parallel"),
    ],
)
def test_a_gem_told_about_by_its_star_or_eye_leads_with_what_it_is_and_its_cause_then_the_gem(asked, said):
    answer = Assistant(classifier=None).conversation().ask(asked)  # each was the gem's card alone
    assert said in answer.reply.split("\n")[0] and answer.reply.startswith("**")
    assert answer.description and answer.notes  # the gem's card follows, and the page the star is quoted from
    assert answer.description.split(". ")[0] not in answer.reply  # the card's words are not said twice


@pytest.mark.parametrize("asked", ["what is a star sapphire?", "what's a star sapphire", "what is star ruby?"])
def test_a_kind_named_for_its_phenomenon_is_the_phenomenon_then_the_gems_own_words_and_card(asked):
    answer = Assistant(classifier=None).conversation().ask(asked)  # each was the glossary's Asterism alone
    term, gem = answer.reply.split("\n\n")[:2]
    assert term.startswith("**Asterism**: ") and re.match(r"\*\*(?:Sapphire|Ruby)\*\*: .*\bsix-rayed star\b", gem)
    assert answer.description and len(answer.notes) == 2  # its card follows; the glossary's page and the fact's
    # "cat's eye" is a gem's own name: the phenomenon alone, as before
    assert "\n\n" not in Assistant(classifier=None).conversation().ask("what is a cat's eye?").reply


def test_a_gem_told_about_by_a_name_that_is_no_phenomenon_is_its_card_alone():
    chat = Assistant(classifier=None).conversation()
    assert chat.ask("tell me about fire opal").reply == "**Opal**"  # a fire opal's fire is its colour
    # the colour change its name is for leads, then its card (it was the card alone)
    garnet = Assistant(classifier=None).conversation().ask("tell me about colour-change garnet")
    assert garnet.reply.startswith("**Colour-Change Garnet**: Alexandrite-like colour change") and garnet.description


@pytest.mark.parametrize(
    ("asked", "said"),
    [
        ("is there a cat's eye ruby?", "**Ruby**: not that I know of: my facts for ruby name no cat's eye"),
        ("is there a ruby with a cat's eye?", "**Ruby**: not that I know of: my facts for ruby name no cat's eye"),
        ("are there cat's eye emeralds?", "**Emerald**: not that I know of: my facts for emerald name no cat's eye"),
        ("is there a cat's eye alexandrite?", "**Alexandrite**: Its cat's-eye variety"),
    ],
)
def test_a_cats_eye_of_a_gem_named_is_asked_of_that_gem_not_the_chrysoberyl_called_cats_eye(asked, said):
    # each was the Cat's Eye card ("**Cat's Eye**: Its cat's-eye is light reflected from …")
    assert Assistant(classifier=None).conversation().ask(asked).reply.startswith(said)
    assert (
        Assistant(classifier=None).conversation().ask("what is cat's eye chrysoberyl?").reply.startswith("**Cats Eye**")
    )


@pytest.mark.parametrize(
    "asked",
    ["is cobalt spinel natural?", "does natural cobalt spinel exist?", "is there a natural cobalt spinel?",
     "are cobalt spinels natural?"],
)  # fmt: skip
def test_a_gem_named_by_a_word_of_its_colour_is_said_to_occur_in_nature_and_its_lab_grown_stones_named(asked):
    answer = Assistant(classifier=None).conversation().ask(asked)  # was spinel's card alone
    assert answer.reply.startswith("**Yes**: blue (cobalt) is one of the colours of natural spinel.")
    assert "Lab-grown spinel is made too: Synthetic Spinel (Verneuil)" in answer.reply
    assert "Vietnam's Luc Yen district" in answer.reply and "Blue synthetic spinel coloured by cobalt" in answer.reply
    assert any("gia.edu/gia-news-research/field-gemologist-vivid-blue-spinel-vietnam" in n for n in answer.notes)
    assert answer.description  # the gem's card follows
    # a colour's treatment is asked as before: its treatments, not its occurrence
    topaz = Assistant(classifier=None).conversation().ask("is blue topaz natural?").reply
    assert topaz.startswith("**Topaz**: Treatments of topaz")


def test_a_one_word_gem_name_typed_as_two_words_is_the_gem():
    chat = Assistant(classifier=None).conversation()
    # each was "I have no facts on moon stone in my knowledge base, …"
    assert chat.ask("what is moon stone?").reply.startswith("**Moonstone**")
    assert chat.ask("how hard is blood stone?").reply.startswith("**Bloodstone**: Mohs hardness")


def test_does_my_ruby_show_a_star_after_a_ruby_photo_says_what_rubys_facts_say():
    chat = stone_answered("Ruby", "Spinel")
    for asked in ("does my ruby show a star?", "can my ruby have a star?"):  # was "Ruby: 95% (rank 1 of 2)."
        said = chat.ask(asked).reply
        assert said.startswith("**Ruby**: Fine needles of rutile") and "six-rayed star" in said


@pytest.mark.parametrize(
    ("text", "lead"),
    [("green is not a usual colour of Ruby", "**My facts list no green ruby**: Ruby comes in red"),
     ("is green a usual colour of ruby?", "**My facts list no green ruby**: Ruby comes in red"),
     ("blue isn't a common colour for topaz", "**Blue is one of its colours**: Topaz comes in"),
     ("is green a typical colour of emerald?", "**Green is one of its colours**: Emerald comes in green")],
)  # fmt: skip
def test_whether_one_colour_is_usual_is_whether_the_facts_list_it_not_which_is_commonest(text, lead):
    reply = Assistant(classifier=None).conversation().ask(text).reply  # was "my facts do not say which … most common"
    assert reply.startswith(lead), reply
    assert "nearly all blue topaz is colourless topaz" in reply or "topaz" not in text  # how common it is, sourced


def test_the_most_common_colour_and_the_rarest_kind_of_a_gem_say_only_what_its_facts_say():
    chat = Assistant(classifier=None).conversation()
    # each was the gem's card
    topaz = chat.ask("what's the most common color of topaz?").reply
    assert topaz.startswith("**Topaz**: my facts do not say which of its colours is the most common. Topaz comes in")
    assert "What they say: Natural colours include colourless" in topaz
    assert "nearly all blue topaz is colourless" in topaz
    zircon = chat.ask("what colour is zircon usually?").reply
    assert "What they say: Heated Cambodian material supplies most blue and colourless stones" in zircon
    for asked in ("which is the rarest garnet?", "which garnet is the rarest?"):
        garnet = chat.ask(asked).reply
        assert garnet.startswith("My facts hold no measure that ranks gems by rarity, and they call no garnet the")
        assert "Tsavorite: fine stones over one carat are scarce, and over three carats very rare" in garnet
    beryl = chat.ask("what is the rarest beryl?").reply  # as before
    assert "Bixbite: red beryl, the rarest member of the beryl family" in beryl


def test_what_was_told_is_listed_and_a_question_of_the_stones_value_echoes_its_reading():
    chat = Assistant(classifier=None).conversation()
    assert chat.ask("what did I tell you?").reply.startswith("You have not told me anything about this stone")
    chat.ask("RI 1.76, SG 4.0")  # corundum, no colour: the line is the species, not its likeliest variety
    assert chat.ask("what's the SG?").reply == "**Corundum**: specific gravity 3.99–4.01. Your reading: SG 4.00."
    assert chat.ask("what have I measured?").reply == "For this stone I have: RI 1.760; SG 4.00."
    photo = stone_answered("Zircon", "Topaz")
    assert photo.ask("what are my readings?").reply == "For this stone I have: your photo."


def test_my_own_reading_asked_back_is_that_reading_or_says_it_was_not_given():
    chat = Assistant(classifier=None).conversation()
    chat.ask("RI 1.619-1.637, DR")
    assert chat.ask("what's my birefringence?").reply == "Your reading: birefringence 0.018."
    assert chat.ask("what is my RI?").reply == "Your reading: RI 1.619–1.637."
    was = chat.ask("what was my SG?").reply
    assert was.startswith("You have not given me its specific gravity. For this stone I have: RI 1.619–1.637")
    assert chat.ask("so my bire is?").reply.startswith("For this stone I have: RI 1.619–1.637; birefringence 0.018")


def test_a_stone_the_scope_check_could_not_place_is_not_called_the_answer_in_follow_ups():
    from gemlang.scope import UNKNOWN_MINERAL, ScopeVerdict

    chat = stone_answered("Zircon", "Topaz")
    chat.scope = ScopeVerdict(UNKNOWN_MINERAL, 3.0, 10.0, ["Zircon", "Topaz"])
    notes = chat.ask("does it fluoresce?").notes
    assert "this answer is about Zircon, the closest gem I know, though I could not place your stone." in notes
    chat.ask("SG 4.6")  # readings rank the gems by themselves: their answer is one for the stone
    assert "the gem I named for your stone." in " ".join(chat.ask("what's the RI?").notes)


def test_a_glow_a_gem_never_shows_casts_doubt_on_it_with_advice_to_look_again():
    chat = stone_answered("Garnet Red", "Ruby", "Spinel")
    answer = chat.ask("it glows bright red under LW")
    doubt = [n for n in answer.notes if "argues against Garnet Red" in n]
    assert answer.unsure and doubt and "take the RI" in doubt[0]  # garnet's iron quenches a glow
    starred = stone_answered("Tanzanite", "Sapphire Blue").ask("it shows a star").notes
    assert any("10x loupe" in n for n in starred)


def test_does_it_glow_asks_a_moonstone_for_its_sheen_and_a_ruby_for_its_fluorescence():
    moonstone = stone_answered("Moonstone", "Opal")
    assert "adularescence" in moonstone.ask("does it glow?").reply.lower()
    assert "fluorescence" in moonstone.ask("does it glow under UV?").reply
    assert "fluorescence" in stone_answered("Ruby", "Spinel").ask("does it glow?").reply


def test_where_is_it_from_repeats_the_place_the_person_gave():
    chat = stone_answered("Emerald", "Peridot")
    chat.ask("it's from Colombia")
    assert "You told me it is from Colombia, one of its known sources." in chat.ask("where is it from?").reply


def test_a_comparison_by_a_named_instrument_says_whether_it_tells_the_gems_apart():
    chat = Assistant(None).conversation()
    uv = chat.ask("how do I tell ruby from red spinel with a UV lamp?").reply
    assert "The long-wave UV lamp does not tell them apart reliably" in uv
    assert "the refractive index (refractometer) does: Ruby 1.762–1.770, Spinel 1.712–1.720." in uv
    assert chat.ask("can the refractometer tell sapphire from tanzanite?").reply.endswith("tells them apart.")
    conoscope = chat.ask("can a conoscope tell andalusite from apatite?").reply
    assert "The conoscope tells them apart: Andalusite biaxial, Apatite uniaxial." in conoscope


def test_why_not_after_a_care_answer_gives_the_reasons():
    chat = stone_answered("Topaz", "Aquamarine")
    assert "ultrasonic cleaner: never" in chat.ask("can I put it in an ultrasonic?").reply
    why = chat.ask("why not?").reply
    assert why.startswith("**Topaz**: ") and "cleavage" in why and "Cleaning —" not in why


def test_is_it_a_mineral_of_a_photo_is_answered_of_its_likeliest_gem_not_with_the_ranking():
    said = stone_answered("Ruby", "Spinel").ask("is it a mineral?").reply
    assert said.startswith("**Yes, a mineral**: Ruby, the likeliest match for it, is a naturally occurring")


def test_is_it_a_mineral_with_no_stone_asks_which_and_after_two_gems_answers_of_each():
    for text in ("is it a mineral?", "are they minerals?"):
        said = Assistant(None).conversation().ask(text).reply  # was the help text
        assert said.startswith("**Which gem?** Whether it is a mineral depends on the gem")
        assert "**Gem or mineral**: A mineral is a naturally occurring, inorganic solid" in said
    chat = Assistant(None).conversation()
    chat.ask("compare opal and quartz")
    for text in ("are they minerals?", "is it a mineral?"):
        said = chat.ask(text).reply  # was the help text
        assert said.startswith("**Not a true mineral, a mineraloid**: Opal has no crystal structure"), text
        assert "**Yes, a mineral**: Quartz is a naturally occurring" in said and "**Mineraloid**: " in said


@pytest.mark.parametrize(
    ("text", "start"),
    [("is granite a mineral?", "**Granite**: Granite is not a mineral but a rock: an igneous rock"),
     ("is a geode a mineral?", "**Geode**: A geode is a rounded rock"),
     ("are geodes minerals?", "**Geode**: A geode is a rounded rock"),
     ("is glass a mineral?", "**Not a mineral**: Glass is man-made, and has no crystal structure"),
     ("are pearls minerals?", "**Not a mineral**: Pearl is an organic gem"),
     ("are opals minerals?", "**Not a true mineral, a mineraloid**: Opal"),
     ("are diamonds minerals?", "**Yes, a mineral**: Diamond is a naturally occurring")],
)  # fmt: skip
def test_a_rock_a_geode_glass_or_a_plural_asked_to_be_a_mineral_is_answered_with_what_it_is(text, start):
    answer = Assistant(None).conversation().ask(text)  # were the help text or a bare card
    assert answer.reply.startswith(start), answer.reply[:120]
    assert any(n.startswith("source (") and "<http" in n for n in answer.notes)
    if "geode" in text:
        assert "It is not a mineral but an aggregate of several" in answer.reply
        assert not any("biologyinsights" in n for n in answer.notes)  # was a popular-science blog's page


@pytest.mark.parametrize(
    ("photo", "asked", "start"),
    [("Amethyst", "is this a crystal?", "**Yes, crystalline**: Amethyst, the likeliest match for it, is a crystal "
      "of the trigonal system"),
     ("Opal", "is it crystalline?", "**No, not crystalline**: Opal, the likeliest match for it, is amorphous"),
     ("Chalcedony", "is this stone a crystal?", "**Made of crystals, not one crystal**: Chalcedony, the likeliest "
      "match for it, is an aggregate of many small trigonal crystals")],
)  # fmt: skip
def test_is_this_a_crystal_of_a_photo_is_answered_from_its_likeliest_gems_structure(photo, asked, start):
    answer = stone_answered(photo, "Kunzite").ask(asked)  # was the stone's card again
    assert answer.reply.startswith(start), answer.reply[:120]
    assert "**Crystal**: In mineralogy a crystal is a solid" in answer.reply
    assert not answer.description


@pytest.mark.parametrize(
    ("text", "start"),
    [("is obsidian a crystal?", "**No, not crystalline**: Obsidian is amorphous"),
     ("are diamonds crystals?", "**Yes, crystalline**: Diamond is a crystal of the cubic system"),
     ("is synthetic ruby a crystal?", "**Yes, crystalline**: Synthetic Ruby (Verneuil) is a crystal"),
     ("is it a crystal?", "**Which gem?** Whether it is a crystal depends on the gem")],
)  # fmt: skip
def test_a_gem_named_asked_to_be_a_crystal_is_answered_from_its_crystal_system(text, start):
    answer = Assistant(None).conversation().ask(text)
    assert answer.reply.startswith(start), answer.reply[:120]
    assert "**Crystal**: In mineralogy" in answer.reply


@pytest.mark.parametrize(
    ("text", "start"),
    [("is opal a mineraloid?", "**Yes, a mineraloid**: Opal is natural but has no crystal structure"),
     ("are obsidians mineraloids?", "**Yes, a mineraloid**: Obsidian"),
     ("is amber a mineraloid?", "**By many, yes**: Amber is an organic gem"),
     ("is pearl a mineraloid?", "**An organic gem**: Pearl was made by living things; my facts do not count it"),
     ("is quartz a mineraloid?", "**No, a mineral**: Quartz is crystalline (trigonal)"),
     ("is lapis lazuli a mineraloid?", "**No, a rock**: Lapis Lazuli is")],
)  # fmt: skip
def test_a_gem_asked_to_be_a_mineraloid_is_answered_from_its_structure_and_the_glossary(text, start):
    answer = Assistant(None).conversation().ask(text)  # was the gem's bare card
    assert answer.reply.startswith(start), answer.reply[:120]
    assert "**Mineraloid**: A mineraloid is a naturally occurring" in answer.reply


@pytest.mark.parametrize(
    ("text", "start"),
    [("is cubic zirconia a mineral?", "**Not a mineral**: Cubic zirconia is man-made. It has a set chemistry, ZrO2"),
     ("is a lab-grown diamond a mineral?", "**Not a mineral**: Lab-grown diamond is man-made. It has a set chemistry"),
     ("are lab grown diamonds minerals?", "**Not a mineral**: Lab grown diamonds are man-made. They have"),
     ("is synthetic ruby a mineral?", "**Not a mineral**: Synthetic Ruby (Verneuil) is man-made."),
     ("is french jet a mineral?", "**Not a mineral**: French jet is man-made, and has no crystal structure"),
     ("is plastic a mineral?", "**Not a mineral**: Plastic is man-made, and has no crystal structure"),
     ("is moissanite a mineral?", "**Not a mineral**: Moissanite sold as a gem is man-made.")],
)  # fmt: skip
def test_a_man_made_stone_asked_to_be_a_mineral_is_not_one_as_a_mineral_occurs_naturally(text, start):
    answer = Assistant(None).conversation().ask(text)  # were bare cards, or "Yes, a mineral" of lab-grown diamond
    assert answer.reply.startswith(start), answer.reply[:120]
    assert "a mineral by definition occurs naturally" in answer.reply or "amorphous" in answer.reply
    assert any(n.startswith("source (") and "<http" in n for n in answer.notes)
    if "moissanite" in text:  # the mineral exists, in grains too small to cut
        assert "Natural moissanite is incredibly rare, only tiny crystals in meteorites" in answer.reply
        assert any(n.startswith("source (Moissanite): ") for n in answer.notes)


@pytest.mark.parametrize(
    ("text", "start", "term"),
    [("is granite a rock?", "**Granite**: Granite is not a mineral but a rock", ""),
     ("is lapis lazuli a rock?", "**Yes, a rock**: Lapis Lazuli is lazurite-rich rock", "**Rock**: "),
     ("is ruby a rock?", "**No, a mineral**: Ruby is a mineral (corundum, Al2O3:Cr), not a rock.", "**Rock**: "),
     ("is pearl a rock?", "**Not a rock**: Pearl is an organic gem", "**Organic gem**: "),
     ("is it a rock?", "**Which gem?** Whether it is a rock depends on the gem", "**Rock**: "),
     ("is amethyst a gem?", "**Yes**: Amethyst is a gem, and a mineral (quartz).", "**Gem or mineral**: "),
     ("is galena a gem?", "**A collector's stone**: Galena is met mainly in collections", "**Gem or mineral**: "),
     ("is glass a gem?", "**An imitation, not a natural gem**: Glass is a simulant", "**Simulant**: "),
     ("is plastic a gem?", "**An imitation, not a natural gem**: Plastic is a simulant", "**Simulant**: "),
     ("is cubic zirconia a gemstone?", "**An imitation, not a natural gem**: Cubic zirconia is a simulant, used in "
      "place of diamond.", "**Simulant**: ")],
)  # fmt: skip
def test_a_stone_asked_to_be_a_rock_or_a_gem_is_answered_with_what_it_is(text, start, term):
    answer = Assistant(None).conversation().ask(text)  # were the help text or a bare card
    assert answer.reply.startswith(start), answer.reply[:120]
    assert term in answer.reply and any(n.startswith("source (") and "<http" in n for n in answer.notes)


@pytest.mark.parametrize(
    ("text", "start"),
    [("is amber plastic?", "**No**: Amber is not plastic, which is one of its imitations."),
     ("is emerald just glass?", "**No**: Emerald is not glass, which is one of its imitations."),
     ("is moldavite glass?", "**A natural glass**: Moldavite is tektite (natural glass), not the man-made glass"),
     ("is my stone plastic?", "**Plastic?** Nothing you have told me shows whether it is"),
     ("could it be glass?", "**Glass?** Nothing you have told me shows whether it is")],
)  # fmt: skip
def test_a_gem_or_a_stone_asked_to_be_glass_or_plastic_is_told_what_it_is_or_how_to_test_it(text, start):
    answer = Assistant(None).conversation().ask(text)  # were the gem's bare card, or the help text
    assert answer.reply.startswith(start), answer.reply[:120]
    if text.startswith(("is my", "could")):
        assert "**Testing " in answer.reply and "constants and signs" in answer.reply


@pytest.mark.parametrize(
    ("text", "start", "apart"),
    [("is my opal plastic?", "**Plastic, not opal?** Nothing you have told me shows it, and a photo would not "
      "settle it either. Plastic is one of opal's imitations.", "Opal 1.98–2.25, Plastic 1.05–1.55"),
     ("is this amber plastic?", "**Plastic, not amber?**", "floats in saturated salt water"),
     ("could my opal be plastic?", "**Plastic, not opal?**", "Opal 1.98–2.25, Plastic 1.05–1.55"),  # was its card
     ("might this emerald be glass?", "**Glass, not emerald?**", "Emerald 0.006, Glass (Paste) none"),
     ("are my pearls glass?", "**Glass, not pearl?**", "**Testing glass (paste)**"),
     ("is my diamond a cz?", "**Cubic zirconia, not diamond?**", "thermal diamond tester"),
     ("is my ruby a spinel?", "**Spinel, not ruby?** Nothing you have told me shows it", "Spinel 1.712–1.720"),
     # were the bare card of the gem or of the imitation: no article, or asked as how to tell
     ("is my diamond moissanite?", "**Moissanite, not diamond?**", "Moissanite 3.21–3.22"),
     ("is this diamond cubic zirconia?", "**Cubic zirconia, not diamond?**", "thermal diamond tester"),
     ("is my ruby spinel?", "**Spinel, not ruby?**", "Spinel 1.712–1.720"),
     ("how can I tell if my opal is plastic?", "**Plastic, not opal?**", "Opal 1.98–2.25, Plastic 1.05–1.55"),
     ("how do I know if my amber is plastic?", "**Plastic, not amber?**", "floats in saturated salt water"),
     ("how to tell whether my diamond is a cz?", "**Cubic zirconia, not diamond?**", "thermal diamond tester"),
     ("how can I check if my turquoise is howlite?", "**Dyed howlite, not turquoise?**", "Turquoise's (RI 1.610")],
)  # fmt: skip
def test_my_gem_asked_to_be_an_imitation_or_another_gem_is_no_verdict_but_how_to_tell(text, start, apart):
    reply = Assistant(None).conversation().ask(text).reply  # were "**No**: Opal is not plastic …", of a stone unseen
    assert reply.startswith(start), reply[:160]
    assert apart in reply and "**No**" not in reply
    if "Plastic," in start:  # a man-made material's signs: warm to the touch, light, a hot point
        assert "warm to the touch and light in the hand; acrid odour to a hot point (destructive)" in reply


@pytest.mark.parametrize(
    "text", ["is my sapphire blue?", "is my ruby worth more than spinel?", "how can I tell if my diamond is real?"]
)
def test_my_gem_asked_with_no_second_gem_name_is_not_taken_for_another_gem(text):
    reply = Assistant(None).conversation().ask(text).reply
    assert ", not " not in reply.split("\n")[0], reply[:160]


def test_are_they_gems_after_two_gems_and_is_it_a_rock_of_a_photo_are_answered_of_each():
    chat = Assistant(None).conversation()
    chat.ask("compare amethyst and citrine")
    said = chat.ask("are they gems?").reply  # was the help text
    assert said.startswith("**Yes**: Amethyst is a gem, and a mineral (quartz).\n\n**Yes**: Citrine is a gem")
    chat = stone_answered("Ruby", "Spinel")
    said = chat.ask("is it a rock?").reply  # was the ranking again
    assert said.startswith("**No, a mineral**: Ruby, the likeliest match for it, is a mineral (corundum")
    assert not chat.ask("is it the same stone?").reply.startswith("**Yes**: Ruby")  # no kind asked


@pytest.mark.parametrize(
    ("text", "start"),
    [("is coral a mineral or organic?", "**Not a mineral**: Coral is an organic gem"),  # was "**Yes**: Coral is …"
     ("is ruby a mineral or a rock?", "**A mineral**: Ruby is a naturally occurring"),  # was "**No, a mineral**"
     ("is lapis lazuli a rock or a mineral?", "**Not a mineral, a rock**: Lapis Lazuli is lazurite-rich rock"),
     ("is opal a mineral or not?", "**Not a true mineral, a mineraloid**: Opal"),  # was a bare card
     ("is it a rock or a mineral?", "**Which gem?** Whether it is a mineral depends on the gem")],  # the help text
)  # fmt: skip
def test_a_mineral_or_a_rock_asked_is_answered_with_which_it_is_not_a_yes(text, start):
    assert Assistant(None).conversation().ask(text).reply.startswith(start)


def test_a_mineral_or_a_rock_of_a_photo_is_answered_of_its_likeliest_gem():
    said = stone_answered("Ruby", "Spinel").ask("is this a mineral or a rock?").reply  # was the ranking again
    assert said.startswith("**A mineral**: Ruby, the likeliest match for it, is a naturally occurring")


def test_and_another_after_a_kind_answer_asks_the_same_of_it_and_it_then_asks_of_the_gem():
    chat = Assistant(None).conversation()
    chat.ask("is amber a mineral?")
    for text, start in [
        ("and pearl?", "**Not a mineral**: Pearl is an organic gem"),  # was the Pearl card
        ("what about granite?", "**Granite**: Granite is not a mineral but a rock"),
        ("and glass?", "**Not a mineral**: Glass is man-made"),
        ("how about quartz?", "**Yes, a mineral**: Quartz is"),
    ]:
        assert chat.ask(text).reply.startswith(start), text
    assert chat.ask("how hard is it?").reply.startswith("**Quartz**: Mohs hardness 7")  # was "Which gem?"
    said = Assistant(None).conversation().ask("is it a precious stone?").reply  # was the help text
    assert said.startswith("**Which gem?** Whether it is a precious stone depends on the gem")
    assert "**Precious and semi-precious**" in said


@pytest.mark.parametrize(
    ("first", "lead", "entry"),
    [
        ("is amber a mineral?", "**Not a mineral**: Amber is an organic gem", "**Gem or mineral**: A mineral is"),
        ("is sapphire a precious stone?", "**By trade custom, yes**", "**Precious and semi-precious**"),
    ],
)
@pytest.mark.parametrize("why", ["why?", "and why not?", "why is that?"])
def test_why_after_a_kind_answer_says_what_makes_one(first, lead, entry, why):
    chat = Assistant(None).conversation()
    chat.ask(first)
    said = chat.ask(why).reply  # was the help text ("why?") or the gem's bare card ("and why not?")
    assert said.startswith(lead) and entry in said


def test_which_is_harder_with_no_gem_named_asks_for_two_and_with_one_talked_of_for_the_other():
    for text, term in [
        ("which is harder?", "**Mohs hardness scale**"),
        ("which one is tougher?", "**Toughness**"),
        ("which is more durable?", ""),
        ("which gem is heavier?", "**Specific gravity**"),
        ("which of them is softer?", "**Mohs hardness scale**"),
        ("which is best for a ring?", ""),
    ]:
        said = Assistant(None).conversation().ask(text).reply  # were the help text, one gem's question or care
        example = text.rstrip("?").replace(" of them", "")
        assert said.startswith("**Which gems?** A comparison needs the gems compared, and none is named"), text
        assert f'name two ("{example}, topaz or quartz?")' in said and term in said
    for text in ("which is the most durable?", "which is the toughest?"):  # of gems in general, not of two
        assert not Assistant(None).conversation().ask(text).reply.startswith("**Which gems?**"), text
    chat = Assistant(None).conversation()
    chat.ask("tell me about opal")
    said = chat.ask("which one is tougher?").reply  # was the Opal card again
    assert said.startswith("**Which gems?** A comparison needs two gems, and only Opal is spoken of: name the other")
    assert '("which one is tougher, opal or quartz?")' in said
    chat.ask("ruby vs spinel")
    assert chat.ask("which is harder?").reply.startswith("Ruby is harder than Spinel.")  # two named: answered


@pytest.mark.parametrize("text", ["which is the toughest gem?", "which is the most durable?", "the toughest stone?"])
def test_the_toughest_or_most_durable_gem_is_jade_from_the_graded_care_notes_with_diamonds_lower_grade(text):
    answer = Assistant(None).conversation().ask(text)  # were "Which gem?" and care advice
    said = answer.reply
    assert re.search(r"\*\*The toughest\*\*, of the \d+ gems my care notes' sources grade: Jade \(toughness exc", said)
    assert "Diamond, the hardest gem, is graded lower: Diamond (toughness good, Mohs 10)." in said
    assert ("**Durability** is hardness, toughness and stability (to light" in said) == ("durable" in text)
    assert any("Colored Stone Essentials" in n for n in answer.notes) == ("durable" in text)
    assert "**Toughness**: " in said and any("The toughness of jade" in n for n in answer.notes)


def test_which_gems_example_quotes_the_question_alone():
    said = Assistant(None).conversation().ask("which one is softer? the green one or the blue one").reply
    assert 'name two ("which one is softer, topaz or quartz?")' in said  # was "… the blue one, topaz or quartz?"


@pytest.mark.parametrize(
    ("text", "said", "entries"),
    [("does it show two colours?", "**Which gem?** Pleochroism depends on the gem", ["Pleochroism", "Dichroscope"]),
     ("is it pleochroic?", "**Which gem?** Pleochroism depends on the gem", ["Pleochroism", "Dichroscope"]),
     ("does it fluoresce?", "**Which gem?** Fluorescence depends on the gem", ["Fluorescence", "UV lamp"]),
     ("is it singly refractive?", "**Which gem?** Optic character depends on the gem", ["Polariscope"]),
     ("does it change colour when I turn it?", "**Which gem?** Whether it shows colour change depends on the gem",
      ["Colour change", "Pleochroism"]),  # the light's change, or the direction's
     ("does it show a star?", "**Which gem?** Whether it shows asterism depends on the gem", ["Asterism"]),
     # the effect, not the chrysoberyl named Cat's Eye: was the help text
     ("does it have a cat's eye?", "**Which gem?** Whether it shows chatoyancy depends on the gem", ["Chatoyancy"])],
)  # fmt: skip
def test_whether_it_shows_a_property_with_no_stone_asks_which_gem_and_says_what_shows_it(text, said, entries):
    answer = Assistant(None).conversation().ask(text)  # was the help text
    assert answer.reply.startswith(said) and not answer.candidates
    assert all(f"**{entry}**: " in answer.reply for entry in entries)
    chat = Assistant(None).conversation()
    chat.ask("what is sapphire?")
    assert chat.ask(text).reply.startswith("**Yes.** **Sapphire**") == ("two" in text or "pleochroic" in text)


def test_eye_clean_is_no_cats_eye_seen_in_the_stone():
    reply = Assistant(None).conversation().ask("is it eye clean?").reply  # was "Whether it shows eye clean depends …"
    assert "shows eye clean" not in reply and "chatoyancy" not in reply.lower()


@pytest.mark.parametrize(
    "text", ["what is its chemical formula?", "what's its chemical composition?", "what is its crystal system?"]
)
def test_its_formula_with_no_stone_asks_which_gem_as_its_crystal_system_does(text):
    reply = Assistant(None).conversation().ask(text).reply  # the formula's were the help text
    assert reply.startswith("**Which gem?** ") and "depends on the gem" in reply


def test_the_chemistry_of_a_named_gem_is_its_formula():
    reply = Assistant(None).conversation().ask("what is the chemistry of topaz?").reply  # was topaz's bare card
    assert reply == "**Topaz**: chemistry Al2SiO4(F,OH)2."


@pytest.mark.parametrize(
    ("text", "said"),
    [("what group is garnet in?", "**Garnet**: species garnet group."),
     ("what species is garnet?", "**Garnet**: species garnet group."),
     ("what mineral group does garnet belong to?", "**Garnet**: species garnet group."),
     ("which group does almandine belong to?", "**Almandine**: species almandine (garnet group)."),
     ("what family is tourmaline in?", "**Tourmaline**: species tourmaline group (mostly elbaite)."),
     ("what gem family is emerald in?", "**Emerald**: species beryl."),
     ("which gemstone group does topaz belong to?", "**Topaz**: species topaz.")],
)  # fmt: skip
def test_the_species_or_group_asked_of_a_gem_is_its_species(text, said):
    assert Assistant(None).conversation().ask(text).reply == said  # was the gem's bare card


@pytest.mark.parametrize(
    ("text", "said", "value"),
    [("is diamond highly refractive?", "refractive index is 2.417 (over the refractometer's limit);", "2.417"),
     ("is topaz hard?", "Topaz's Mohs hardness is 8;", "hardness"),
     ("are rubies hard?", "Ruby's Mohs hardness is 9;", "hardness"),
     ("is zircon very dispersive?", "Zircon's dispersion is 0.039;", "0.039")],
)  # fmt: skip
def test_a_gem_asked_whether_it_is_hard_heavy_or_refractive_gets_the_value_its_facts_give_once(text, said, value):
    reply = Assistant(None).conversation().ask(text).reply  # was the gem's name alone, then its card
    # the verdict says the value: it was said again after it ("… (No set threshold …) **Topaz**: Mohs hardness 8.")
    assert said in reply and reply.count(value) == 1


@pytest.mark.parametrize(
    ("text", "verdict"),
    [("is diamond highly refractive?",
      "**Yes**: Diamond's refractive index is 2.417 (over the refractometer's limit); only 5 "),
     ("are diamonds hard?", "**Yes**: Diamond's Mohs hardness is 10, the highest of the "),
     ("is fluorite very hard?", "**No**: Fluorite's Mohs hardness is 4; 77 of the "),
     ("is amber soft?", "**Yes**: Amber's Mohs hardness is 2–2.5; only 3 of the "),
     ("is hematite heavy?", "**Yes**: Hematite's specific gravity is 5.00–5.30; only "),
     ("does diamond have a high RI?",
      "**Yes**: Diamond's refractive index is 2.417 (over the refractometer's limit); only 5 "),
     ("does opal have a low refractive index?", "**Yes**: Opal's refractive index is 1.370–1.470, the lowest of the "),
     ("does fluorite have a high hardness?", "**No**: Fluorite's Mohs hardness is 4; 77 of the ")],
)  # fmt: skip
def test_a_gem_asked_whether_it_is_highly_refractive_or_hard_gets_a_verdict_from_its_rank(text, verdict):
    reply = Assistant(None).conversation().ask(text).reply  # was the value without a verdict
    assert reply.startswith(verdict) and "No set threshold defines it; this is its rank" in reply


def test_a_property_asked_of_it_after_a_gem_named_is_that_gems():
    chat = Assistant(None).conversation()
    said = chat.ask("what species is it?").reply  # were the help text, with nothing in hand
    assert said.startswith("**Which gem?** Species depends on the gem")
    assert chat.ask("what crystal system is it?").reply.startswith("**Which gem?** Crystal system depends")
    chat.ask("what is beryl?")
    assert chat.ask("what species is it?").reply == "**Beryl**: species beryl."
    assert chat.ask("what crystal system is it?").reply == "**Beryl**: crystal system hexagonal."


@pytest.mark.parametrize(
    ("text", "entry"),
    [("what is the difference between a crystal and a mineral?", "**Crystal**: "),
     ("how are gems formed?", "**Gem formation**: "),
     ("where do gemstones form?", "**Gem formation**: "),
     ("how do crystals grow?", "**Crystal growth**: "),
     # which gems form in a setting: the entry names the gems of each
     ("Which gems form in metamorphic rocks?", "**Gem formation**: "),
     ("what gems are formed in pegmatites?", "**Gem formation**: "),
     ("In which rocks do gemstones form?", "**Gem formation**: ")],
)  # fmt: skip
def test_how_gems_and_crystals_form_is_answered_from_the_glossary(text, entry):
    answer = Assistant(None).conversation().ask(text)  # was the how-to-begin help text
    assert answer.reply.startswith(entry) and any(n.startswith("source (") for n in answer.notes)


@pytest.mark.parametrize("text", ["What is a rock vs a mineral?", "what's the difference, mineral vs rock?"])
def test_a_rock_versus_a_mineral_is_the_glossarys_rock_entry(text):
    answer = Assistant(None).conversation().ask(text)  # was the how-to-begin help text
    assert answer.reply.startswith("**Rock**: A rock is a naturally formed solid mass")


@pytest.mark.parametrize("text", ["Which gems are organic?", "what gemstones are organic?", "what is an organic gem?"])
def test_which_gems_are_organic_is_the_organic_gem_entry(text):
    answer = Assistant(None).conversation().ask(text)  # were the how-to-begin help text
    assert answer.reply.startswith("**Organic gem**: ") and "pearl" in answer.reply and "amber" in answer.reply


def test_which_gem_names_a_property_without_the_colon_of_its_value():
    reply = Assistant(None).conversation().ask("is it magnetic?").reply  # was "Magnet test: depends on …"
    assert reply.startswith("**Which gem?** Magnet test depends on the gem") and "test:" not in reply.split("\n")[0]


@pytest.mark.parametrize(
    "text", ["which is harder to clean?", "which is harder to find?", "which one is harder to cut?"]
)
def test_harder_to_do_something_asks_no_hardness(text):
    said = Assistant(None).conversation().ask(text).reply
    assert said.startswith("**Which gems?**") and "Mohs" not in said  # was the Mohs hardness scale explained
    assert "Mohs hardness scale" in Assistant(None).conversation().ask("which is harder to scratch?").reply


@pytest.mark.parametrize(
    ("text", "said"),
    [("Can you list the 10 minerals on the Mohs scale in order?", "talc (1), gypsum (2), calcite (3)"),
     ("what minerals are on the mohs scale?", "orthoclase feldspar (6), quartz (7)"),
     ("How hard is a fingernail on the Mohs scale?", "a fingernail (about 2.2–2.5)"),
     ("what household objects can we use for a scratch test? like a fingernail or a copper coin", "a copper coin"),
     ("can a knife scratch glass?", "a steel pocketknife (about 5.1–5.5)"),
     ("Is the Mohs scale linear? Is diamond 10 times harder than talc?", "not amounts")],
)  # fmt: skip
def test_the_mohs_scales_minerals_and_everyday_scratchers_are_the_scales_entry(text, said):
    answer = Assistant(None).conversation().ask(text)  # were the how-to-begin help text, or the Diamond card
    assert answer.reply.startswith("**Mohs hardness scale**: ") and said in answer.reply
    assert any("Britannica" in n for n in answer.notes)
    assert not Assistant(None).conversation().ask("can I scratch ruby with a knife?").reply.startswith("**Mohs")


@pytest.mark.parametrize(
    "text",
    ["which is harder to find, ruby or emerald?", "which is rarer, ruby or emerald?", "is ruby rarer than emerald?"],
)
def test_which_of_two_gems_is_rarer_says_both_and_that_the_facts_rank_no_rarity(text):
    said = Assistant(None).conversation().ask(text)
    assert said.reply.startswith("**Ruby or Emerald?** My facts do not rank ruby and emerald by rarity")
    assert "rare trapiche emeralds" in said.reply and "Of ruby, nothing." in said.reply
    assert "Mohs hardness 9" not in said.reply
    assert said.properties[0] == ("Property", "Ruby", "Emerald")  # was "Ruby is harder than Emerald", or its card


def test_a_rarity_compared_quotes_the_fact_that_names_the_other_gem():
    chat = Assistant(None).conversation()
    said = chat.ask("is hiddenite rarer than kunzite?").reply
    said_of = "Of hiddenite, my facts say: hiddenite is much rarer than kunzite, its pink counterpart."
    assert said == f"**Hiddenite or Kunzite?** {said_of}"
    chat.ask("ruby vs spinel")
    assert chat.ask("which is more common?").reply.startswith("**Ruby or Spinel?** My facts do not rank")


@pytest.mark.parametrize(
    "text",
    [
        "which is cheaper, ruby or spinel?",
        "which is more valuable, ruby or spinel?",
        "which holds its value better, ruby or spinel?",  # was the Spinel card
        "which is a better investment, ruby or spinel?",  # was "**Spinel**: I do not price stones" and its card
    ],
)
def test_which_of_two_gems_costs_more_declines_for_both(text):
    said = Assistant(None).conversation().ask(text)
    assert said.reply.startswith("**Ruby or Spinel?** I do not price stones, nor rank gems by price")
    assert said.properties[0] == ("Property", "Ruby", "Spinel")  # was the Spinel card alone


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        ("which fades, amethyst or citrine?", "**Amethyst or Citrine?** My notes say both can fade in light"),
        ("amethyst or citrine, which fades in the sun?", "**Amethyst or Citrine?** My notes say both can fade"),
        ("which fades in sunlight, kunzite or ruby?", "**Kunzite or Ruby?** Of kunzite and ruby, my notes say only"),
        ("which is more heat sensitive, opal or emerald?", "**Opal or Emerald?** My notes do not rank opal and"),
    ],
)
def test_which_of_two_gems_fades_or_minds_heat_says_each_ones_notes(text, lead):
    said = Assistant(None).conversation().ask(text)
    assert said.reply.startswith(lead)  # was the card of the first gem named, or nothing on light or heat
    first, second = said.properties[0][1:]
    assert f"**{first}**: In " in said.reply and f"**{second}**: In " in said.reply
    assert any(first in note for note in said.notes) and any(second in note for note in said.notes)  # the sources


def test_which_of_three_gems_fades_names_each_not_ametrine_of_the_first_two():
    said = Assistant(None).conversation().ask("which fades, amethyst, citrine or kunzite?")
    assert said.reply.startswith("**Amethyst, Citrine or Kunzite?** My notes say all can fade in light")
    assert said.properties[0] == ("Property", "Amethyst", "Citrine", "Kunzite")  # was Ametrine or Kunzite


def test_which_is_harder_to_cut_of_two_gems_is_their_comparison_and_says_no_fact_ranks_it():
    said = Assistant(None).conversation().ask("which is harder to cut, diamond or sapphire?")
    not_ranked = "My facts do not say which is harder to cut; what they do compare is below."
    assert said.reply == f"**Diamond or Sapphire?** {not_ranked}"
    assert "To tell Diamond from Sapphire" in said.tell_apart  # was the Sapphire card


@pytest.mark.parametrize(
    "text", ["which sparkles more, diamond or moissanite?", "diamond or moissanite, which has more brilliance?"]
)
def test_which_of_two_gems_sparkles_more_ranks_their_ri_and_dispersion_from_sourced_facts(text):
    said = Assistant(None).conversation().ask(text)  # was the Moissanite card alone
    assert said.reply.startswith(
        "**Diamond or Moissanite?** Moissanite is higher in RI than Diamond. Moissanite is higher in dispersion than "
        "Diamond. **Diamond**: RI 2.417"
    )
    assert "the greater its brilliance" in said.reply and "depends on its cut and polish" in said.reply
    assert any(n.startswith("source (brilliance): Gemporia") for n in said.notes)
    assert said.properties[0] == ("Property", "Diamond", "Moissanite") and "Diamond from Moissanite" in said.tell_apart


@pytest.mark.parametrize(
    "text, lead",
    [
        ("which is prettier, sapphire or tanzanite?", "**Sapphire or Tanzanite?** That is a matter of taste"),
        ("ruby or spinel, which is better?", "**Ruby or Spinel?** That is a matter of taste"),
        ("which is older, diamond or amber?", "**Diamond or Amber?** My facts do not say which is older. What differs"),
    ],
)
def test_which_of_two_gems_by_a_quality_no_fact_ranks_answers_of_both_not_the_card_of_the_last(text, lead):
    chat = Assistant(None).conversation()
    said = chat.ask(text)  # was the card of the last gem named
    assert said.reply.startswith(lead) and said.description == "" and len(said.properties[0]) == 3
    assert " comes in " in said.reply and " is harder than " in said.reply and said.tell_apart.startswith("To tell")
    assert chat.ask("which is heavier?").reply.split(" ")[0] in lead  # of the two, next


def test_is_x_more_brilliant_or_better_than_y_is_the_same_choice_and_a_care_question_is_not_said_unknown():
    chat = Assistant(None).conversation()
    said = chat.ask("is moissanite more brilliant than diamond?").reply  # was the Moissanite card
    assert said.startswith("**Moissanite or Diamond?** Moissanite is higher in RI than Diamond.")
    assert chat.ask("is ruby better than spinel?").reply.startswith("**Ruby or Spinel?** That is a matter of taste")
    assert chat.ask("is ruby harder than spinel?").reply.startswith("**Yes**: Ruby is harder than Spinel.")
    assert "do not say which fades" not in chat.ask("which fades, amethyst or citrine?").reply  # care notes say


def test_are_they_the_same_stone_after_two_gems_compared_says_they_are_varieties_of_one_mineral():
    chat = Assistant(None).conversation()
    chat.ask("compare jasper and smoky quartz")
    said = chat.ask("are they the same stone?").reply  # was "A colour alone (brown) fits too many gems …"
    assert said.startswith("**No**: Jasper (microcrystalline quartz) and Quartz Smoky (quartz) are both quartz, but")
    assert chat.ask("are they different?").reply.startswith("**Yes**: Jasper")
    both_beryl = chat.ask("is aquamarine the same as emerald?").reply  # was "Aquamarine and Emerald are different"
    assert both_beryl.startswith("**No**: Aquamarine and Emerald are both beryl, but different varieties of it.")


@pytest.mark.parametrize(
    ("text", "start", "sign"),
    [("is my emerald a hydrothermal emerald?", "**Hydrothermal emerald, not natural emerald?** Hydrothermal "
      "emerald is lab-grown emerald, made in a laboratory. Nothing you have told me shows it", "nail-head spicules"),
     ("is my ruby a flux-grown ruby?", "**Flux-grown ruby, not natural ruby?** Flux-grown ruby is lab-grown",
      "curved striae"),
     ("is emerald a hydrothermal emerald?", "**No, not as gems**: both are beryl, with the same constants, but one "
      "is hydrothermal emerald, made in a laboratory", "laboratory-grown"),
     # a lab-grown stone named by its method alone: was "**Yes**: my ruby and verneuil ruby are names for … Ruby."
     ("is my ruby a verneuil ruby?", "**Synthetic ruby (Verneuil), not natural ruby?** Synthetic ruby (Verneuil) "
      "is lab-grown ruby", "Synthetic ruby (Verneuil) shows curved striae and spherical gas bubbles."),
     ("is my sapphire a flame-fusion sapphire?", "**Synthetic sapphire (Verneuil), not natural sapphire?**",
      "curved striae and spherical gas bubbles")],
)  # fmt: skip
def test_a_gem_asked_to_be_one_of_its_lab_grown_stones_is_answered_as_lab_grown_not_as_another_variety(
    text, start, sign
):
    said = Assistant(None).conversation().ask(text).reply  # was "**No**: … both beryl, but different varieties of it"
    assert said.startswith(start) and sign in said and "different varieties" not in said


def test_which_is_easier_to_scratch_names_the_softer_and_which_is_more_brittle_the_toughness_grades():
    chat = Assistant(None).conversation()
    assert chat.ask("which is easier to scratch, topaz or quartz?").reply.startswith("Quartz is softer than Topaz.")
    brittle = chat.ask("which is more brittle, emerald or aquamarine?").reply  # was the care card of each
    assert brittle.startswith("**Toughness**") and "Emerald (toughness poor, Mohs 7.5–8)" in brittle


def test_is_it_heat_sensitive_of_a_photo_is_a_care_question_not_a_treatment_one():
    said = stone_answered("Amethyst", "Citrine").ask("is it heat sensitive?").reply
    assert said.startswith("**Caring for Amethyst**: In heat:") and "laboratory" not in said


def test_two_gems_asked_about_hear_which_way_a_reading_leans_when_it_does_not_settle_it():
    chat = Assistant(None).conversation()
    said = chat.ask("RI 1.54, SG 2.65, fluoresces yellow under long-wave UV. citrine or scapolite?").reply
    assert "Yellow under UV leans to Scapolite" in said and "not Citrine (inert)" in said
    assert "SG 2.65 leans" not in said  # inside both gems' ranges: it leans nowhere


def test_a_supposed_reading_is_answered_and_then_dropped():
    chat = stone_answered("Sapphire Blue", "Spinel")
    supposed = chat.ask("if the RI were 1.72, would it be spinel?")
    assert supposed.reply.startswith("Supposing RI 1.720 (not kept as a reading of your stone): Spinel:")
    assert supposed.gem == "Spinel"
    assert not chat.hints and chat.answers[-1].gem == "Sapphire Blue"  # the stone's own answer stands
    assert chat.ask("what would an SG of 3.6 mean?").reply.startswith("Supposing SG 3.60")
    assert chat.ask("would a 1.72 RI make it spinel?").reply.startswith("Supposing RI 1.720")
    asked_last = chat.ask("would it be spinel if the RI were 1.72?")  # the if-clause after the question
    assert asked_last.reply.startswith("Supposing RI 1.720") and asked_last.gem == "Spinel"
    against = stone_answered("Ruby", "Sapphire Blue").ask("what would an SG of 2.2 mean?").notes
    assert any("SG 2.20 does not fit Ruby" in n for n in against)  # why, but nothing to re-take
    assert not any("re-take" in n.lower() for n in against)
    assert chat.ask("let's say it's singly refractive").reply.startswith("Supposing singly refractive")
    chat.ask("If accurate, RI 1.77")
    assert chat.hints.readings.ri  # a reading, hedged
    chat.ask("if I read it right, SG 3.99")
    assert chat.hints.readings.sg  # a reading after all, hedged
    chat.ask("my reading, if correct: birefringence 0.008")
    assert chat.hints.readings.birefringence


def test_fluorescence_asked_in_other_words_is_answered_for_the_stone():
    chat = stone_answered("Ruby", "Spinel")
    for asked in ("any fluorescence?", "is it fluorescent?", "does it react to UV?", "does it phosphoresce?"):
        assert chat.ask(asked).reply.startswith("**Ruby**: fluorescence moderate to strong red"), asked
    assert not chat.hints  # asked, not seen


@pytest.mark.parametrize(
    "turns, kept, gone",
    [(["RI 1.72", "no wait, 1.76"], "RI 1.760", "RI 1.720"),
     (["RI 1.76", "sorry, I meant 1.72"], "RI 1.720", "RI 1.760"),
     (["RI 1.76, SG 3.95", "I meant 3.99"], "SG 3.99", "SG 3.95"),
     (["RI 1.76", "no wait, 1.76 and SG 4.00"], "SG 4.00", None),
     # as a bench corrects itself
     (["colourless RI 1.544-1.553", "wrong stone on the refractometer. real reading 1.762-1.770"], "RI 1.762–1.770",
      "RI 1.544–1.553"),
     (["RI 1.654-1.690, SG 3.34", "and now it reads 1.62-1.64, wrong stone"], "RI 1.620–1.640", "RI 1.654–1.690"),
     (["red stone, RI 1.762-1.770, SG 3.18", "hmm no, it's 4.00, i misread the balance"], "SG 4.00", "SG 3.18"),
     (["RI 1.762-1.770 SG 3.00", "it's 4.00, I misread the balance"], "SG 4.00", "SG 3.00"),  # the instrument named
     (["RI 1.718 SR SG 3.00", "I misread the balance, it's 3.60"], "SG 3.60", "SG 3.00"),
     (["RI 1.544-1.553 SG 2.65", "it's 1.577-1.583, I misread the refractometer"], "RI 1.577–1.583", "RI 1.544–1.553"),
     (["RI 1.544-1.553 SG 2.65", "now it reads 1.577-1.583 and SG 2.72"], "RI 1.577–1.583", "RI 1.544–1.553"),
     (["RI 1.762-1.770 SG 4.00", "real reading 1.718, SG 3.60"], "RI 1.718", "RI 1.762–1.770"),
     (["real reading 1.762-1.770, SG 4.00"], "RI 1.762–1.770", None),  # no reading held: edges are an RI
     (["blue stone RI 1.691-1.700", "oops, that was wrong, it's 1.762-1.770"], "RI 1.762–1.770", "RI 1.691–1.700"),
     (["SG 3.18", "my mistake, 4.00"], "SG 4.00", "SG 3.18"),
     # a reading finished in a second message: the other shadow edge, or the unit of a number sent alone
     (["blue stone, RI 1.762", "the other edge is 1.770"], "RI 1.762–1.770", "RI 1.762"),
     (["RI 1.770", "second edge 1.762"], "RI 1.762–1.770", None),
     (["RI 1.762", "and 1.770 for the high edge"], "RI 1.762–1.770", None),
     (["RI 1.544-1.553", "oops, the other edge was 1.548"], "RI 1.548–1.553", "RI 1.544–1.553"),  # one edge fixed
     (["RI 1.762", "oops, the other edge of the stone is chipped"], "RI 1.762", None),  # no reading
     (["1.54", "it's the RI"], "RI 1.540", None),
     (["2.65", "SG"], "SG 2.65", None),
     (["red stone, SG 4.00", "RI too", "1.762-1.770"], "RI 1.762–1.770", None)],
)  # fmt: skip
def test_a_bare_number_in_the_next_message_corrects_the_reading_said_last(turns, kept, gone):
    chat = Assistant(classifier=None).conversation()
    for text in turns:
        answer = chat.ask(text)
    assert kept in answer.hints_used and (gone is None or gone not in answer.hints_used)
    assert not any("no unit" in n for n in answer.notes)


def test_a_number_far_from_the_edge_held_is_no_second_edge_and_a_unit_waits_one_message_only():
    chat = Assistant(classifier=None).conversation()
    chat.ask("RI 1.54")
    assert "RI 1.540–2.100" not in chat.ask("the other edge is 2.10").hints_used  # no stone's two edges
    chat = Assistant(classifier=None).conversation()
    chat.ask("1.54")
    chat.ask("what is a refractometer?")
    assert "RI 1.540" not in chat.ask("RI").hints_used


def test_a_natural_glass_is_no_imitation_of_itself():
    answer = Assistant(classifier=None).conversation().ask("is it moldavite? green, RI 1.49, SG 2.36, bubbles")
    assert answer.gem == "Moldavite" and "which it imitates" not in answer.caution


@pytest.mark.parametrize(
    "question",
    ["tell me about painite", "what is charoite?", "is cinnabar toxic?"],  # the last was the how-to-begin help
)
def test_a_gem_the_knowledge_base_lacks_is_said_to_be_unknown_not_taken_for_another(question):
    answer = Assistant(classifier=None).conversation().ask(question)
    assert answer.reply.startswith("I have no facts on ") and not answer.candidates and not answer.description
    for thing in ("is the stone toxic?", "is the dye toxic?"):  # the second was 'I have no facts on dye …'
        assert not Assistant(classifier=None).conversation().ask(thing).reply.startswith("I have no facts")
    capital = Assistant(classifier=None).conversation().ask("what is the capital of France?").reply
    assert capital.startswith("I only know about gems and minerals") and capital.endswith(HELP)


@pytest.mark.parametrize(
    "question, reply",
    [("is amethyst a quartz?", "**Yes**: Amethyst is one kind of quartz"),
     ("is olivine the same as peridot?", "**Yes**: olivine and peridot are names for the same gem, Peridot."),
     ("is spinel the same as ruby?", "**No**: Spinel and Ruby (corundum) are different gems. To tell Spinel from Ruby"),
     ("is ruby a sapphire?", "**No**: Ruby and Sapphire are both corundum"),
     ("is quartz an amethyst?", "**Not every one**: some quartz is amethyst, one kind of it among others"),
     ("is a lab grown diamond a real diamond?", "**Yes and no**: a lab grown diamond is diamond, with the same"),
     ("is a synthetic ruby a ruby?", "**Yes and no**: a synthetic ruby is corundum"),
     ("is lab-grown ruby real ruby?", "**Yes and no**: a lab-grown ruby is corundum"),  # was ruby's lab-grown kinds
     ("are synthetic rubies real?", "**Yes and no**: a synthetic ruby is corundum"),  # was "a synthetic rubie"
     ("are man-made rubies real?", "**Yes and no**: a man-made ruby is corundum"),
     ("is lab-grown ruby natural?", "**No**: lab-grown ruby is made in a laboratory, not grown in the earth"),
     ("are synthetic emeralds natural?", "**No**: lab-grown emerald is made in a laboratory"),
     ("is moissanite a fake diamond?", "**It is not diamond, but not a fake in itself**: Moissanite is a material"),
     ("is spinel a fake ruby?", "**It is not ruby, but not a fake in itself**: Spinel is a gem of its own that"),
     ("is lab diamond a fake diamond?", "**No**: a lab diamond is diamond itself, not an imitation"),
     ("is glass a fake diamond?", "**It is not diamond, but not a fake in itself**: Glass (Paste) is a material"),
     # each was the gem's name alone: an imitation or a lab-grown gem asked of by its own name
     ("is cubic zirconia real?", "**It is not diamond, but not a fake in itself**: Cubic Zirconia is a material"),
     ("is Gilson opal real?", "**Yes and no**: a Gilson opal is opal, with the same constants"),
     ("is Gilson opal natural?", "**No**: lab-grown opal is made in a laboratory"),
     # with no article between the two gems: each was the gem's bare card
     ("is amethyst quartz?", "**Yes**: Amethyst is one kind of quartz: every amethyst is quartz. Amethyst comes in "),
     ("are rubies corundum?", "**Yes**: Ruby is one kind of corundum"),
     ("is tanzanite zoisite?", "**Yes**: Tanzanite is one kind of zoisite"),
     ("is spinel corundum?", "**No**: Spinel and Corundum are different gems."),
     # a gem named for a colour read as a kind, not a colour: each was "**Yes**: Citrine comes in …"
     ("is quartz citrine?", "**Not every one**: some quartz is citrine, one kind of it among others. Citrine comes"),
     ("can quartz be citrine?", "**Yes**: some quartz is citrine, one kind of it. Citrine comes in"),
     ("can sapphire be padparadscha?", "**Yes**: some sapphire is padparadscha sapphire, one kind of it."),
     ("could a sapphire be a padparadscha?", "**Yes**: some sapphire is padparadscha sapphire"),
     ("can ruby be sapphire?", "**No**: Ruby and Sapphire are both corundum"),
     # a colour still, where the gem named for it is no kind of the other
     ("is topaz aqua?", "**Yes**: Topaz comes in"),
     ("is emerald green?", "**Yes**: Emerald comes in")],
)  # fmt: skip
def test_is_one_gem_another_is_answered_yes_or_no_from_kinds_and_species(question, reply):
    assert Assistant(classifier=None).conversation().ask(question).reply.startswith(reply)


@pytest.mark.parametrize(
    "question, reply, said",
    [("is lead glass filled ruby a real ruby?",  # was "**Yes**: … are names for the same gem, Ruby."
      "**Ruby, treated**: a lead glass filled ruby is ruby with a treatment (lead-glass filling)",
      "GIA reports them as a 'manufactured product'"),
     ("is oiled emerald a real emerald?", "**Emerald, treated**: an oiled emerald is emerald with a treatment (clarity",
      "flash effect"),
     ("is heat treated ruby natural?",  # was "**Ruby**: Treatments of ruby: …", natural left unanswered
      "**Ruby, treated**: a heat treated ruby is natural ruby with a treatment (heat treatment)", "rutile silk")],
)  # fmt: skip
def test_a_treated_gem_asked_if_it_is_the_gem_is_said_to_be_treated_not_another_name_for_it(question, reply, said):
    answer = Assistant(classifier=None).conversation().ask(question)
    assert answer.reply.startswith(reply) and said in answer.reply and "names for the same gem" not in answer.reply
    assert any(n.startswith("sources (") for n in answer.notes)


def test_a_lab_grown_gem_asked_if_natural_is_told_apart_by_magnification_or_a_laboratory():
    ruby = Assistant(classifier=None).conversation().ask("is lab-grown ruby natural?").reply
    assert "the same constants as a natural one" in ruby and "Synthetic Ruby (Verneuil): curved striae" in ruby
    assert ruby.endswith("where none is conclusive a gem laboratory decides.")


@pytest.mark.parametrize(
    "question, reply",
    [("is a Herkimer diamond a real diamond?", "**No**: 'Herkimer diamond' is the name for water-clear, doubly"),
     ("are Herkimer diamonds real diamonds?", "**No**: 'Herkimer diamond' is the name for water-clear, doubly"),
     ("is a Cape May diamond a real diamond?", "**No**: 'Cape May diamonds' are clear quartz pebbles"),
     ("is a Herkimer diamond quartz?", "**Yes**: 'Herkimer diamond' is the name for water-clear, doubly"),
     ("is a Matara diamond real?", "**No**: 'Matara diamond' is an old name for colourless zircon"),
     ("is 'Oriental emerald' an emerald?", "**No**: 'Oriental emerald' is an old name for green sapphire (corundum)"),
     ("is a Mexican diamond real?", "**No**: 'Mexican diamond' is a misleading name for rock crystal"),
     ("is Korean jade real jade?", "**No**: 'Korean jade' is serpentine, not jade"),
     ("is a Brazilian emerald a real emerald?", "**Not necessarily**: 'Brazilian emerald' was long the name for green"),
     ("is smoky topaz a topaz?", "**No**: 'smoky topaz' is a misnomer for smoky quartz"),
     ("is a Cape ruby a garnet?", "**Yes**: 'Cape ruby' is a trade name for pyrope garnet"),
     ("is mystic topaz real topaz?", "**Yes**: 'mystic topaz' is colourless topaz"),
     ("is swiss blue topaz real topaz?", "**Yes**: 'Swiss blue' is a trade name for a vivid medium blue of topaz"),
     ("is 'stabilized turquoise' real turquoise?", "**Yes**: 'stabilized turquoise' is natural turquoise, treated"),
     ("is 'stabilised turquoise' real turquoise?", "**Yes**: 'stabilized turquoise' is natural turquoise, treated")],
)  # fmt: skip
def test_is_a_trade_name_the_gem_it_names_is_answered_for_the_gem_it_really_is(question, reply):
    answer = Assistant(classifier=None).conversation().ask(question).reply
    assert answer.startswith(reply)
    assert "To tell" in answer or answer.startswith("**Yes**")  # how to tell the two apart, where they differ


@pytest.mark.parametrize(
    "question, reply",
    [("is herkimer diamond natural?", "**Natural, but not diamond**: 'Herkimer diamond' is the name for"),  # were
     ("is smoky topaz natural?", "**Natural, but not topaz**: 'smoky topaz' is a misnomer for smoky quartz"),  # "No"
     ("is rainbow moonstone natural?", "**Natural, but not moonstone**: 'rainbow moonstone' is transparent"),
     ("is mystic topaz natural?", "**Yes**: 'mystic topaz' is colourless topaz"),
     ("is goldstone natural?", "**No**: Goldstone is glass")],
)  # fmt: skip
def test_whether_a_trade_named_stone_is_natural_is_answered_for_the_stone_not_the_gem_its_name_says(question, reply):
    assert Assistant(classifier=None).conversation().ask(question).reply.startswith(reply)


@pytest.mark.parametrize(
    "question, reply",
    [("Is 'Madeira topaz' an acceptable name to use?", "**No**: 'Madeira topaz' is citrine, a quartz, not topaz"),
     ("is korean jade a correct trade name?", "**No**: 'Korean jade' is serpentine"),
     ("is African emerald an acceptable name?", "**Only for the genuine gem**: 'African emerald' has been said of")],
)  # fmt: skip
def test_whether_a_trade_name_may_be_used_is_answered_with_the_naming_rule(question, reply):
    answer = Assistant(classifier=None).conversation().ask(question).reply
    assert answer.startswith(reply) and "16 CFR 23.25(a)" in answer


@pytest.mark.parametrize(
    "question, reply",
    [("Can I use the name 'Mystic topaz'?", "**Yes**: 'mystic topaz' is colourless topaz with a coating"),  # was
     ("is mystic topaz an acceptable name?", "**Yes**: 'mystic topaz' is colourless topaz"),  # "Probably not" / "No"
     ("is it ok to sell it as 'Swiss blue topaz'?", "**Yes**: 'Swiss blue' is a trade name for a vivid medium blue"),
     ("can I call it Madeira topaz?", "**No**: 'Madeira topaz' is citrine, a quartz, not topaz"),
     ("may I list it as citrine topaz?", "**No**: 'citrine topaz' is a misnomer for citrine"),
     ("can we label them as Herkimer diamonds?", "**No**: 'Herkimer diamond' is the name for water-clear")],
)  # fmt: skip
def test_whether_a_seller_may_use_a_trade_name_is_answered_of_the_name_not_of_the_stone_in_hand(question, reply):
    chat = Assistant(classifier=None).conversation()
    chat.ask("purple, RI 1.544-1.553, SG 2.65")
    answer = chat.ask(question).reply
    assert answer.startswith(reply)
    assert ("16 CFR 23.24" if reply.startswith("**Yes**") else "16 CFR 23.25(a)") in answer
    assert Assistant(classifier=None).conversation().ask(question).reply.startswith(reply)  # and with none in hand


@pytest.mark.parametrize("question", ["What's a trade name?", "what is a misnomer?", "what does trade name mean?"])
def test_what_a_trade_name_or_a_misnomer_is_is_the_glossarys_entry_not_the_stones_card(question):
    chat = Assistant(classifier=None).conversation()
    chat.ask("purple, RI 1.544-1.553, SG 2.65")  # was the stone's answer again
    answer = chat.ask(question)
    assert answer.reply.startswith("**Trade name and misnomer**: A trade name is a name the gem trade gives")
    assert "A misnomer is an incorrect name" in answer.reply and not answer.description


@pytest.mark.parametrize(
    "question, gem, says",
    [("what is a Herkimer diamond?", "Quartz", "Herkimer County"),
     ("what's a Mexican jade", "Calcite", "dyed green"),
     ("tell me about Ceylon diamond", "Zircon", "colourless zircon"),
     ("what is 'rainbow moonstone'?", "Labradorite", "transparent labradorite"),  # was the Moonstone card
     ("what is swiss blue topaz?", "Topaz", "irradiating and heating colourless topaz"),  # was the card alone
     ("what is 'London blue' topaz?", "Topaz", "nuclear reactor"),
     ("what is a Paraiba tourmaline?", "Tourmaline", "copper-bearing tourmaline"),  # was the card alone
     ("what's paraíba tourmaline?", "Tourmaline", "LMHC")],
)  # fmt: skip
def test_asking_what_a_trade_name_is_describes_the_real_gem_not_a_locality_of_the_named_one(question, gem, says):
    answer = Assistant(classifier=None).conversation().ask(question)
    assert answer.reply == f"**{gem}**" and any(says in note for note in answer.notes)


def test_a_natural_stones_trade_name_is_no_note_on_its_lab_grown_kind():
    # was the natural Paraíba note ("Brazilian stones are typically valued more") on a lab-grown stone
    answer = Assistant(classifier=None).conversation().ask("what is lab-grown paraiba tourmaline?")
    assert answer.reply == "**Lab-Grown Paraíba Tourmaline**" and not any("LMHC" in n for n in answer.notes)


def test_is_it_my_birthstone_is_answered_for_the_stone_answered():
    chat = Assistant(classifier=None).conversation()
    chat.ask("purple, RI 1.544-1.553, SG 2.65")
    assert chat.ask("is it my birthstone?").reply.startswith("**Amethyst** is a birthstone for February")
    assert chat.ask("I was born in July, is it my birthstone?").reply.endswith("Yours, for July, is ruby.")
    assert chat.ask("is this my birthstone? born in february").reply.endswith("So it is yours.")


def test_a_follow_up_no_fact_answers_says_so_instead_of_repeating_the_whole_answer():
    chat = Assistant(classifier=None).conversation()
    first = chat.ask("green, RI 1.654-1.690, SG 3.34")
    assert first.gem == "Peridot" and first.description
    answer = chat.ask("who mined it?")  # "is it conflict free?" has its entry now
    assert answer.reply.startswith("My facts on Peridot do not answer that.") and not answer.description
    colours = chat.ask("what colour is it usually?")
    assert colours.reply == "You told me it is green. " + follow_up_colours(get_facts("Peridot"))
    assert not colours.description
    assert chat.ask("what is it?").description  # the identification asked again is answered again in full
    for asked in ("what could it be?", "what gems have that?"):  # the identification too, not "no facts answer that"
        assert "do not answer" not in chat.ask(asked).reply
    for asked in ("what would it be good for?", "what might it be made into?"):  # not the ranking again
        assert chat.ask(asked).reply.startswith("My facts on Peridot do not answer that."), asked


@pytest.mark.parametrize(
    "question",
    ["should i get them restrung? the string looks dirty",
     "What documentation should I attach to support the identification?",
     "how do i find the best light to photograph it?"],
)  # fmt: skip
def test_a_question_no_handler_answers_says_so_in_two_lines_and_keeps_the_stone_in_hand(question):
    chat = Assistant(classifier=None).conversation()
    chat.ask("green, RI 1.654-1.690, SG 3.34")
    answer = chat.ask(question)
    assert answer.reply.startswith("My facts on Peridot do not answer that.") and answer.reply.count(". ") <= 1
    assert not (answer.description or answer.properties or answer.tell_apart or answer.reasons)
    assert answer.gem == "Peridot" and chat.ask("how sure are you?").reply.startswith("Peridot at")


def test_a_crack_told_of_the_stone_in_hand_is_answered_from_its_care_notes_and_keeps_the_stone_in_hand():
    chat = Assistant(classifier=None).conversation()
    chat.ask("green, RI 1.654-1.690, SG 3.34")
    answer = chat.ask("it has a small crack, will it get worse")
    assert answer.reply.startswith("**Caring for Peridot**: Cracks and chips — **likely cause**: ")
    assert "another knock can make a chip or crack bigger" in answer.reply and any(
        "mjsa.org" in n for n in answer.notes
    )
    assert chat.ask("how sure are you?").reply.startswith("Peridot at")


@pytest.mark.parametrize(
    "question, entry",
    [("what does a lab report say?", "**Lab report**:"), ("is a GIA report worth it?", "**Lab report**:"),
     ("is my certificate real?", "**Lab report**:"), ("do I need an appraisal?", "**Appraisal**:"),
     ("how do I get it appraised?", "**Appraisal**:"), ("how do i find an honest appraiser", "**Appraisal**:"),
     ("what should I ask the seller before buying?", "**Buying a gem**:"),
     ("is it safe to buy gems online?", "**Buying a gem**:"),
     ("how can I tell if a jeweller is honest?", "**Buying a gem**:"),
     ("what should I ask him before I pay?", "**Buying a gem**:"), ("what should I check before paying?",
     "**Buying a gem**:")],  # at a market stall: each was "My facts on Ruby do not answer that."
)  # fmt: skip
def test_a_question_about_a_lab_report_an_appraisal_or_buying_gets_its_entry_with_or_without_a_stone(question, entry):
    for readings in ("", "red, RI 1.762-1.770, SG 4.00"):
        chat = Assistant(classifier=None).conversation()
        if readings:
            chat.ask(readings)
        answer = chat.ask(question)  # was the help text, the price refusal or the card again
        assert answer.reply.startswith(entry), (readings, answer.reply[:80])
    report = Assistant(classifier=None).conversation().ask("is my certificate real?").reply
    assert "GIA's Report Check" in report and "laser inscription" in report and "no indications of heating" in report
    assert (
        "replacement cost for insurance"
        in Assistant(classifier=None).conversation().ask("do I need an appraisal?").reply
    )


def test_a_valuation_asked_of_the_chat_or_a_reading_off_a_report_is_no_question_about_papers():
    chat = Assistant(classifier=None).conversation()
    assert chat.ask("can you appraise it?").reply.startswith("I do not price stones")
    assert chat.ask("the report says RI 1.762-1.770, SG 4.00, is that right?").candidates[0][0].startswith("Corundum")


@pytest.mark.parametrize(
    ("question", "answered"),
    [("it's a certified diamond, what is the RI?", "refractive index 2.417"),
     ("it's a GIA certified ruby, how do I clean it?", "**Caring for Ruby**")],
)  # fmt: skip
def test_a_stone_said_certified_is_asked_about_not_its_papers(question, answered):
    reply = Assistant(classifier=None).conversation().ask(question).reply
    assert answered in reply and not reply.startswith("**Lab report**"), reply[:80]


def test_a_follow_up_naming_a_glossary_term_gets_its_entry_not_the_no_facts_reply():
    chat = Assistant(classifier=None).conversation()
    chat.ask("green, RI 1.654-1.690, SG 3.34")
    reply = chat.ask("how do i get SG with a kitchen scale and water").reply
    assert reply.startswith("**Specific gravity**:") and "**Hydrostatic weighing**:" in reply
    assert chat.ask("what is it?").gem == "Peridot"  # the stone still in hand


@pytest.mark.parametrize(
    "question", ["how do I measure specific gravity at home?", "how do I do a specific gravity test?"]
)
def test_how_to_measure_specific_gravity_is_how_a_gem_is_weighed_in_water(question):
    reply = Assistant(classifier=None).conversation().ask(question).reply  # was what specific gravity is alone
    assert reply.startswith("**Hydrostatic weighing**: Hydrostatic weighing finds a gem's specific gravity")


@pytest.mark.parametrize(
    "question",
    ["What is specific gravity and how can we measure it in class?", "how do you measure specific gravity?",
     "how is SG determined?", "what's SG, and how is it measured?"],
)  # fmt: skip
def test_what_specific_gravity_is_and_how_it_is_measured_are_both_answered(question):
    reply = Assistant(classifier=None).conversation().ask(question).reply  # was what specific gravity is alone
    assert reply.startswith("**Specific gravity**:") and "\n\n**Hydrostatic weighing**: Hydrostatic weighing" in reply


@pytest.mark.parametrize(
    ("question", "entry"),
    [("how can I find the SG of my stone?", "**Hydrostatic weighing**:"),
     ("how do i get SG with a kitchen scale and water", "**Hydrostatic weighing**:"),
     ("how do I use a refractometer on my stone?", "**Refractometer**:")],
)  # fmt: skip
def test_how_to_measure_my_stone_with_nothing_in_hand_is_the_glossarys_how(question, entry):
    reply = Assistant(classifier=None).conversation().ask(question).reply  # was the how-to-begin help text
    assert entry in reply and "Send me a photo" not in reply


@pytest.mark.parametrize(
    "stone, message",
    [("green, RI 1.654-1.690, SG 3.34", "can i facet it? ive heard its too soft"),
     ("green, RI 1.654-1.690, SG 3.34", "what does it look like under a loupe?"),
     ("red, RI 1.762-1.770, SG 4.00", "how would a lab tell them apart")],
)  # fmt: skip
def test_a_follow_up_the_card_speaks_of_keeps_the_card(stone, message):
    from gemlang.assistant.questions import card_speaks_of

    chat = Assistant(classifier=None).conversation()
    first = chat.ask(stone)
    assert card_speaks_of(message, [first.description, first.caution, first.tell_apart, *first.reasons])
    assert not chat.ask(message).reply.startswith("My facts on")


@pytest.mark.parametrize(
    "message",
    ["so what is it?", "what do you think?", "what is it used for?", "any inclusions to look for?",
     "it's more yellowish green, is that ok?", "RI 1.66", "I picked this up on the beach, can you tell what it is?",
     "any idea what this might be?"],
)  # fmt: skip
def test_an_identification_a_card_topic_or_an_observation_after_an_answer_is_answered_as_before(message):
    chat = Assistant(classifier=None).conversation()
    chat.ask("green, RI 1.654-1.690, SG 3.34")
    answer = chat.ask(message)
    assert not answer.reply.startswith("My facts on") and answer.description


def test_is_a_coloured_gem_natural_is_a_treatment_question_and_what_would_change_your_mind_is_the_next_test():
    chat = Assistant(classifier=None).conversation()
    assert chat.ask("is blue topaz natural?").reply.startswith("**Topaz**: Treatments of topaz: irradiation + heat")
    chat.ask("red stone, RI 1.718, SG 3.60")
    assert chat.ask("what would change your mind?").reply.startswith("Next: ")


def test_whether_the_colour_of_my_gem_is_natural_is_a_treatment_question_a_laboratory_decides():
    sapphire = Assistant(classifier=None).conversation().ask("is the blue of my sapphire natural?").reply
    assert sapphire.startswith("**Sapphire**: Whether this stone was treated shows neither in a photo")  # was the card
    assert "a gem laboratory decides" in sapphire and "heat treatment; beryllium diffusion" in sapphire
    ruby = Assistant(classifier=None).conversation().ask("is the colour of my ruby natural?").reply
    assert ruby.startswith("**Ruby**: Whether this stone was treated")
    for question in ("is my sapphire natural colour?", "is my sapphire naturally coloured?"):  # were the help
        assert Assistant(classifier=None).conversation().ask(question).reply.startswith("**Sapphire**: Whether this")


def test_how_to_test_a_gem_is_its_constants_and_signs_and_what_it_may_be_instead():
    for question in ("how do I test a pearl?", "how can I tell if a pearl is real?"):  # were "**Pearl**" and its card
        pearl = Assistant(classifier=None).conversation().ask(question).reply
        assert pearl.startswith(
            "**Testing pearl**: check the stone against pearl's constants and signs, without harm first: RI"
        ), question
        assert "against the teeth" in pearl and "X-radiography shows a bead nucleus" in pearl and "drill hole" in pearl
        assert "Sold as pearl and not pearl: coated glass beads" in pearl and pearl.endswith("laboratory decides.")
    ruby = Assistant(classifier=None).conversation().ask("how do I test a ruby?").reply
    assert ruby.startswith("**Testing ruby**:") and "Chelsea filter: bright red" in ruby


@pytest.mark.parametrize("gem", ["pink sapphire", "ruby", "topaz"])
def test_how_to_test_a_gem_reads_it_without_harm_first_and_keeps_the_scratch_test_for_rough(gem):
    answer = Assistant(classifier=None).conversation().ask(f"how do I test a {gem}?")
    said = answer.reply.split("\n\n")[0]  # was the constants with the hardness among them, and a scratch-test note
    assert "(refractometer); SG " in said and "(hydrostatic balance)" in said and "; hardness " not in said
    assert said.index("(refractometer)") < said.index("is read only by a scratch test")
    assert "keep it for rough material" in said and "you asked about a scratch test" not in answer.to_markdown()


def test_diamond_or_cz_with_nothing_to_go_on_says_how_to_tell_them_and_how_to_spot_a_lab_grown_ruby():
    chat = Assistant(classifier=None).conversation()
    either = chat.ask("is it a real diamond or CZ?")
    assert either.reply.startswith("**Diamond or Cubic Zirconia?**") and "Cubic Zirconia 5.65–5.95" in either.tell_apart
    how = Assistant(classifier=None).conversation().ask("how do I know if my ruby is synthetic?").reply
    assert how.startswith("**Ruby**: a lab-grown corundum has the same constants") and "curved striae" in how


def test_clearing_readings_the_photo_or_a_reading_never_given_is_done_or_said():
    chat = Assistant(classifier=None).conversation()
    chat.ask("RI 1.62, SG 3.06, pink, strong pleochroism")
    cleared = chat.ask("clear all readings")
    assert "left out as you asked: everything." in cleared.notes and not chat.hints
    chat.ask("RI 1.544-1.553, purple")
    nothing = chat.ask("forget the hardness")
    assert any("you had given me no hardness" in n for n in nothing.notes)
    assert not any("left out as you asked" in n for n in nothing.notes)


def test_ignore_the_photo_ranks_by_the_readings_alone(chat_model_dir):
    chat = Assistant.load(chat_model_dir).conversation()
    chat.ask("what is it?", photos=[red_stone_photo()])
    chat.ask("RI 1.718, SG 3.60")
    answer = chat.ask("ignore the photo")
    assert not answer.used_photo and "left out as you asked: your photo." in answer.notes


def test_readings_taken_before_the_first_photo_stay_with_it_and_next_starts_a_new_stone(assistant):
    chat = assistant.conversation()
    chat.ask("a red stone, RI 1.76, SG 4.00")
    answer = chat.ask("now the photo of it", [red_stone_photo()])
    assert answer.used_photo and "RI 1.760" in answer.hints_used and "SG 4.00" in answer.hints_used
    assert any("I took this photo as the stone of your readings" in n for n in answer.notes)
    fresh = chat.ask("next: RI 1.66, SG 3.34")
    assert not fresh.used_photo and fresh.hints_used == ["RI 1.660", "SG 3.34"]


def test_a_general_question_about_another_gem_with_a_stone_in_hand_is_about_that_gem(assistant):
    chat = assistant.conversation()
    stone = chat.ask("what is it?", [red_stone_photo()]).gem
    other = "Tanzanite" if stone != "Tanzanite" else "Peridot"
    about = chat.ask(f"tell me about {other.lower()}")
    assert about.reply == f"**{other}**" and about.description and not about.candidates
    assert any(f"the stone in hand is still {stone}" in n for n in about.notes)
    colours = chat.ask("what colour is peridot?")
    assert colours.reply.startswith("**Peridot** comes in ") or stone == "Peridot"


@pytest.mark.parametrize(
    "text",
    ["Can you give me a fun fact about diamonds for kids?", "tell us something about diamond",
     "could you tell me a bit about diamonds please?", "give me some facts about diamond for my class"],
)  # fmt: skip
def test_facts_asked_about_another_gem_for_a_class_with_a_stone_in_hand_are_about_that_gem(assistant, text):
    chat = assistant.conversation()
    stone = chat.ask("what is it?", [red_stone_photo()]).gem
    assert stone != "Diamond"
    about = chat.ask(text)  # was "**Probably not**: Diamond: <1% …", the odds of the stone in hand being one
    assert about.reply == "**Diamond**" and about.description and not about.candidates
    assert any(f"the stone in hand is still {stone}" in n for n in about.notes)


def test_whether_another_gem_comes_in_a_colour_with_a_stone_in_hand_is_asked_of_that_gem(assistant):
    chat = assistant.conversation()
    stone = chat.ask("what is it?", [red_stone_photo()]).gem
    assert stone not in ("Garnet", "Topaz", "Diamond")
    # each was "**Probably not**: Topaz: <1% …", the odds of the stone in hand being that gem
    white = chat.ask("can garnets be white?")
    assert white.reply.startswith("**Yes, some kinds do**: my facts list Grossular in colourless")
    assert not white.candidates
    assert any(f"the stone in hand is still {stone}" in n for n in white.notes)
    assert chat.ask("does topaz come in blue?").reply.startswith("**Yes**: Topaz comes in")
    assert chat.ask("is there a white garnet?").reply.startswith("**Yes, some kinds do**")
    assert chat.ask("are there green diamonds?").reply.startswith("**My facts list no green diamond**")
    assert chat.ask("could it be blue topaz?").candidates  # the stone in hand: its odds, as before


def test_a_colour_asked_of_a_group_with_no_entry_of_its_own_is_answered_from_its_gems_colours(assistant):
    def ask(text):
        return Assistant(classifier=None).conversation().ask(text).reply

    # each was the help on how to begin
    white = ask("can feldspar be white?")
    assert (
        white.startswith("**Yes, some kinds do**: my facts list ") and "Moonstone in colorless with blue sheen" in white
    )
    assert "Feldspar is a group of minerals; its gems in my facts: Amazonite, Labradorite, Moonstone" in white
    assert ask("can feldspar be purple?").startswith("**My facts list no purple feldspar**: Feldspar is a group")
    assert ask("what colours does feldspar come in?").startswith(
        "**Feldspar**: Feldspar is a group of minerals; my facts list its gems in these colours: Amazonite (green,"
    )
    assert ask("can garnet be white?").startswith("**Yes, some kinds do**: my facts list Grossular")  # its own entry
    chat = assistant.conversation()
    chat.ask("what is it?", [red_stone_photo()])
    assert chat.ask("can feldspar be white?").reply == white  # was "My facts on Ruby do not answer that."


def test_is_there_a_gem_in_a_colour_is_answered_from_its_colours():
    def ask(text):
        return Assistant(classifier=None).conversation().ask(text).reply

    # each was the gem's card, with no yes or no
    assert ask("is there such a thing as blue topaz?").startswith("**Yes**: Topaz comes in")
    assert ask("are there any green diamonds?").startswith("**My facts list no green diamond**")
    assert ask("are there big rubies?").startswith("**Ruby**")  # no colour asked


def test_a_quoted_name_or_how_to_test_another_gem_with_a_stone_in_hand_is_about_that_gem(assistant):
    chat = assistant.conversation()
    stone = chat.ask("what is it?", [red_stone_photo()]).gem
    assert stone not in ("Labradorite", "Pearl", "Reconstructed Turquoise")
    reconstituted = chat.ask("what is 'reconstituted turquoise'?")
    assert reconstituted.reply == "**Reconstructed Turquoise**" and not reconstituted.candidates
    rainbow = chat.ask('what is "rainbow moonstone"?')
    assert rainbow.reply == "**Labradorite**" and any("not moonstone" in n for n in rainbow.notes)
    pearl = chat.ask("how do I know if a pearl is real?")
    assert pearl.reply.startswith("**Testing pearl**") and not pearl.candidates
    assert any(f"the stone in hand is still {stone}" in n for n in pearl.notes)
    assert chat.ask("is it a pearl?").candidates  # of the stone in hand: its odds
    assert chat.ask("how do I know if it is real?").candidates


def test_is_it_a_gem_of_a_line_of_twins_gives_its_own_share_and_the_lines(assistant):
    chat = Assistant(classifier=None).conversation()
    chat.ask("RI 2.42, SG 3.52, singly refractive, colourless")
    reply = chat.ask("is it a diamond?").reply
    assert reply.startswith("Diamond: ") and "together with CVD Diamond" in reply


def test_earlier_stones_are_recalled_with_their_readings_and_the_readings_in_use_are_listed():
    chat = Assistant(classifier=None).conversation()
    chat.ask("RI 1.61-1.62, SG 3.53, colourless")
    chat.ask("next stone: RI 1.544-1.553, purple")
    recap = chat.ask("what was the RI of the first stone?").reply
    assert recap.startswith("Stone 1 was answered ") and "RI 1.610–1.620" in recap  # its readings, and its gem's
    using = chat.ask("what readings are you using?").reply
    assert using.startswith("For this stone I have: purple colour; RI 1.544–1.553")


def test_the_rest_of_a_parcel_is_its_other_stones_ranked_together_not_a_reading_of_the_last_one():
    chat = Assistant(classifier=None).conversation()
    answer = chat.ask("stone 1: RI 1.54 SG 2.65; stone 2: RI 1.76 SG 4.00; the rest are all SG 2.65").reply
    assert answer.startswith("Readings of 2 stones and the rest") and "- **The rest** (SG 2.65)" in answer
    assert "- **Stone 2** (RI 1.760; SG 4.00)" in answer and "The rest are the stones in hand now" in answer
    assert "Readings of" not in Assistant(classifier=None).conversation().ask("the rest of it is SG 2.65").reply


def test_readings_of_several_stones_in_one_message_are_ranked_one_stone_at_a_time():
    chat = Assistant(classifier=None).conversation()
    answer = chat.ask("two stones: stone A RI 1.544-1.553 SG 2.65, stone B RI 1.762-1.770 SG 4.00")
    first, second = answer.reply.split("\n")[1:3]
    assert first.startswith("- **Stone A** (RI 1.544–1.553") and "Quartz" in first and "Corundum" not in first
    assert second.startswith("- **Stone B** (RI 1.762–1.770") and "Corundum" in second
    assert answer.gem.startswith("Corundum") and chat.hints.readings.sg.low == 4.0  # the last one is in hand
    recap = chat.ask("what was stone A?").reply
    assert recap.startswith("So far: Stone A: Quartz") and "Stone B, the one in hand: Corundum" in recap
    assert "Readings of 2 stones" in chat.ask("first one RI 1.54 SG 2.65; second one RI 1.72 SG 3.6").reply
    assert "Readings of 2 stones" in chat.ask("stone one RI 2.42 SG 3.52 and stone two RI 1.718 SR SG 3.60").reply
    other = chat.ask("RI 1.76 SG 4.0 and the other stone RI 1.544-1.553 SG 2.65").reply
    assert "- **The first stone** (RI 1.760; SG 4.00)" in other and "- **The other stone** (RI 1.544–1.553" in other
    for one_stone in (
        "is this stone a ruby? RI 1.76",
        "stone 1 is 2.5 ct, RI 1.76 SG 4.0",
        "stone 1 RI 1.66, stone 2 nice",
    ):
        assert "Readings of" not in chat.ask(one_stone).reply


@pytest.mark.parametrize("reply", ["so?", "hmm", "yes", "👍"])
def test_a_short_reply_gets_the_answer_in_short_not_all_of_it_again(reply):
    chat = Assistant(classifier=None).conversation()
    chat.ask("green, RI 1.654-1.690, SG 3.34")
    answer = chat.ask(reply)
    assert answer.reply.startswith("In short: Peridot (") and not answer.description and not answer.candidates
    assert chat.ask("ok").reply == "Send another photo or a reading whenever you like."


def test_and_mine_asks_of_the_stone_in_hand_what_was_asked_of_a_gem_and_a_poem_is_declined():
    chat = Assistant(classifier=None).conversation()
    chat.ask("red, RI 1.762-1.770, SG 4.00")
    chat.ask("what's the hardness of spinel?")
    assert chat.ask("and mine?").reply.startswith("**Ruby**: Mohs hardness 9")
    poem = chat.ask("write me a poem about diamonds").reply
    assert poem.startswith("I only know about gems and minerals, so I cannot help with that.")


def test_another_photo_of_the_same_stone_keeps_its_readings_and_looks_at_both(assistant):
    chat = assistant.conversation()
    chat.ask("what is it?", [red_stone_photo()])
    chat.ask("RI 1.76")
    answer = chat.ask("another angle of the same stone", [red_stone_photo(seed=3)])
    assert "RI 1.760" in answer.hints_used and len(chat.images) == 2
    assert any("another photo of the same stone" in n for n in answer.notes)


def test_a_correction_goes_to_the_reading_its_number_is_near_and_a_colour_question_repeats_the_one_told():
    chat = Assistant(classifier=None).conversation()
    chat.ask("RI 1.76")
    chat.ask("SG 4.00")
    answer = chat.ask("sorry, I meant 1.72")
    assert "RI 1.720" in answer.hints_used and "SG 4.00" in answer.hints_used
    chat = Assistant(classifier=None).conversation()
    chat.ask("RI 1.62, SG 3.06, pink")
    assert chat.ask("what colour was it again?").reply.startswith("You told me it is pink. ")
    chat.ask("what's the hardness of spinel?")
    chat.ask("where does tanzanite come from?")
    assert "Mohs hardness" not in chat.ask("and mine?").reply  # the question just before asked no quantity


def test_an_imitation_the_person_suspects_is_named_first_in_the_caution():
    from gemlang.fusion import EvidenceModel

    chat = Assistant(None, evidence=EvidenceModel(["Amber", "Ruby"])).conversation()
    chat.image_probs = np.array([0.97, 0.03])
    caution = chat.ask("it feels warm and light, I think it is plastic").caution
    assert caution.startswith("From a photo alone I cannot tell natural Amber from Plastic")
    assert "Glass" not in caution  # no test exposing an imitation the caution did not name


def test_a_constant_named_in_a_question_of_it_is_answered_of_the_stone_answered():
    chat = stone_answered("Ruby", "Spinel")
    first = chat.answers[-1]
    assert chat.ask("what spectrum would it show?").reply.startswith("**Ruby**, in the spectroscope: ")
    assert "moderate to strong red" in chat.ask("and under LWUV?").reply
    assert not chat.hints and chat.ask("what gem is this?").candidates == first.candidates


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("pleochroism of iolite?", "**Iolite**: pleochroism very strong trichroism"),
        ("emrald RI?", "**Emerald**: refractive index 1.565–1.599."),
        ("and kyanite hardness?", "**Kyanite**: Mohs hardness 4–7."),
        ("optic character of zircon?", "**Zircon**: optic character uniaxial positive."),
    ],
)
def test_a_constant_asked_of_a_gem_in_few_words_is_its_value_not_a_reading(question, reply):
    chat = Assistant(None, evidence=EvidenceModel(["Ruby", "Emerald"])).conversation()
    answer = chat.ask(question)
    assert answer.reply.startswith(reply) and not answer.candidates
    assert not chat.hints and not any("gives no number" in n for n in answer.notes)


def test_every_constant_a_message_asks_of_a_gem_is_answered_and_a_bare_one_after_is_of_the_same_gem():
    chat = Assistant(None, evidence=EvidenceModel(["Ruby", "Emerald"])).conversation()
    reply = chat.ask("What are the hardness, SG and RI of spinel, and is it pleochroic?").reply
    assert reply == (
        "**Spinel**: Mohs hardness 8, specific gravity 3.58–3.61, refractive index 1.712–1.720, "
        "pleochroism none (singly refractive)."
    )
    topaz = chat.ask("luster and cleavage of topaz?").reply
    assert topaz == "**Topaz**: lustre vitreous, cleavage perfect basal {001}."
    assert "crystal system orthorhombic" in chat.ask("tell me the RI, SG, crystal system and optic sign of topaz").reply
    reply = chat.ask("Tourmaline RI and birefringence plus optic character?").reply
    assert all(w in reply for w in ("refractive index 1.620", "birefringence 0.014–0.021", "uniaxial negative"))
    chat.ask("What are the RI and birefringence of peridot?")
    answer = chat.ask("optic sign?")
    assert answer.reply.startswith("**Peridot**: optic character biaxial") and not chat.hints


def test_a_crystal_system_named_of_the_stone_or_a_gem_is_answered_from_its_facts():
    chat = stone_answered("Ruby", "Spinel", "Garnet Red")
    # was "My facts on Ruby do not answer that", and the stone's odds of being a ruby
    assert chat.ask("is it cubic?").reply == "**Ruby**: crystal system trigonal."
    assert chat.ask("is ruby trigonal?").reply == "**Yes.** Ruby is trigonal: its crystal system is trigonal."
    assert chat.ask("are garnets cubic?").reply == "**Yes.** Garnet is cubic: its crystal system is cubic."
    assert chat.ask("is it cubic zirconia?").reply.startswith("**Probably not**: Cubic Zirconia")  # a gem, not a system


def test_a_collectors_crystal_system_or_fracture_question_is_answered_from_the_facts():
    # "what crystal system is beryl?" was beryl's bare card, and after readings of a stone its standing in the table
    chat = Assistant(None, evidence=EvidenceModel(["Ruby", "Emerald"])).conversation()
    assert chat.ask("what crystal system is beryl?").reply == "**Beryl**: crystal system hexagonal."
    assert chat.ask("and quartz?").reply == "**Quartz**: crystal system trigonal."
    assert chat.ask("what kind of fracture does it have?").reply == "**Quartz**: fracture conchoidal."
    assert chat.ask("what's the fracture of obsidian?").reply.startswith("**Obsidian**: fracture conchoidal")
    chat = Assistant(classifier=None).conversation()
    chat.ask("hexagonal crystal, glassy, scratches glass")
    assert chat.ask("what crystal system is beryl?").reply == "**Beryl**: crystal system hexagonal."
    chat = Assistant(classifier=None).conversation()
    chat.ask("what is spinel?")
    assert chat.ask("what crystal system?").reply == "**Spinel**: crystal system cubic."


@pytest.mark.parametrize("question", ["what is the habit?", "what's its crystal habit?"])
def test_the_habit_asked_of_the_gem_on_the_table_is_its_habit_then_what_a_habit_is(assistant, question):
    chat = Assistant(classifier=None).conversation()
    chat.ask("what is pyrite?")
    reply = chat.ask(question).reply  # was what a habit is alone, or pyrite's bare card
    assert reply.startswith("**Pyrite**: crystal system cubic. It forms sharp striated cubes")
    assert "\n\n**Crystal habit**: A mineral's habit is" in reply
    chat = assistant.conversation()
    gem = chat.ask("what gem is this?", photos=[red_stone_photo()]).gem.partition(" (")[0]
    assert chat.ask(question).reply.startswith(f"**{gem}**: crystal system")  # the gem answered for the photo
    nothing_on_the_table = Assistant(classifier=None).conversation()
    assert nothing_on_the_table.ask("what is the habit?").reply.startswith("**Crystal habit**: ")
    its = Assistant(classifier=None).conversation().ask("what is its crystal habit?").reply  # was the help text
    assert its.startswith("**Which gem?** Its crystal habit depends on the gem") and "**Crystal habit**: " in its


def test_polishing_the_stone_of_a_photo_at_home_is_answered_from_its_hardness_and_the_tumbling_notes(assistant):
    chat = assistant.conversation()
    gem = chat.ask("what gem is this?", photos=[red_stone_photo()]).gem.partition(" (")[0]
    reply = chat.ask("can I polish it at home?").reply  # was "My facts on … do not answer that. …"
    assert "do not answer that" not in reply and f"{gem} has Mohs hardness" in reply and "rock tumbling" in reply


def test_is_this_a_geode_sent_with_a_photo_says_what_makes_one_above_the_photos_answer(assistant):
    # was the photo's answer alone, of the colour it shows
    answer = assistant.conversation().ask("is this a geode?", photos=[red_stone_photo()])
    assert answer.reply.startswith("Whether your stone is a geode is not something I can tell from a photo")
    assert "**Geode**: A geode is a rounded rock" in answer.reply and answer.candidates


def test_is_this_a_crystal_sent_with_a_photo_is_answered_above_the_photos_answer_as_when_asked_after(assistant):
    for asked, lead in (("is this a crystal?", "**Yes, crystalline**: "), ("is it a mineral?", "**Yes, a mineral**: ")):
        answer = assistant.conversation().ask(asked, photos=[red_stone_photo()])  # was the photo's answer alone
        gem = answer.gem.partition(" (")[0]
        assert answer.reply.startswith(f"{lead}{gem}, the likeliest match for it, is ") and answer.candidates


def test_a_gems_habit_is_what_its_facts_say_of_its_crystals_then_what_a_habit_is():
    # "what is the habit of tourmaline?" was tourmaline's bare card, and after a photo its odds ("Tourmaline: 97% …")
    chat = Assistant(classifier=None).conversation()
    reply = chat.ask("what is the habit of tourmaline?").reply
    assert reply.startswith("**Tourmaline**: crystal system trigonal. Crystals are long, striated prisms")
    assert "\n\n**Crystal habit**: A mineral's habit is" in reply
    assert chat.ask("and of quartz?").reply.startswith("**Quartz**: crystal system trigonal. My facts describe no")
    assert "sharp striated cubes" in chat.ask("what about pyrite?").reply
    assert "sharp striated cubes" in chat.ask("what is the habit?").reply  # was what a habit is alone
    fluorite = Assistant(classifier=None).conversation().ask("what crystal habit does fluorite have?").reply
    assert "octahedral cleavage" not in fluorite  # how it breaks, not how it grows


@pytest.mark.parametrize(
    ("question", "start"),
    [("what shape do tourmaline crystals grow in?", "**Tourmaline**: crystal system trigonal. Crystals are long"),
     ("what do pyrite crystals look like?", "**Pyrite**: crystal system cubic. It forms sharp striated cubes"),
     ("what shape crystals does garnet form?", "**Garnet**: crystal system cubic. My facts describe no crystal habit")],
)  # fmt: skip
def test_the_shape_of_a_gems_crystals_is_its_habit(question, start):
    reply = Assistant(classifier=None).conversation().ask(question).reply  # were the gem's bare card
    assert reply.startswith(start) and "\n\n**Crystal habit**: " in reply


def test_the_shape_to_cut_a_crystal_into_is_how_to_cut_it_not_its_habit():
    reply = Assistant(classifier=None).conversation().ask("what shape should I cut my tourmaline crystal into?").reply
    assert reply.startswith("**Cutting Tourmaline**: ")  # was its crystal habit


@pytest.mark.parametrize(
    "question", ["how can I tell if it's glass?", "how to tell a crystal from glass?", "how do I test for glass?"]
)
def test_how_to_tell_glass_with_no_stone_in_hand_is_glasss_constants_and_signs(question):
    # each was the how-to-begin help
    answer = Assistant(classifier=None).conversation().ask(question)
    assert answer.reply.startswith("**Testing glass (paste)**: ") and "gas bubbles" in answer.reply
    for tool in ("how do I test hardness, does it scratch glass?", "how do I test hardness with a piece of glass?"):
        assert not Assistant(classifier=None).conversation().ask(tool).reply.startswith("**Testing glass")


@pytest.mark.parametrize(
    "before, reply",
    [("what is fluorite?", "**Fluorite**: Fluorite comes in purple"),
     ("I have a fluorite specimen. does it fluoresce?", "**Fluorite**: fluorescence often strong (blue, green")],
)  # fmt: skip
def test_a_bare_what_colour_after_a_gem_asks_its_colours_or_after_its_glow_the_glows(before, reply):
    chat = Assistant(classifier=None).conversation()
    chat.ask(before)
    assert chat.ask("what colour?").reply.startswith(reply)  # was the how-to-begin help


@pytest.mark.parametrize(
    "asked, reply",
    [("what colour is ruby under UV?", "**Ruby**: fluorescence moderate to strong red"),
     ("what colour is emerald under long-wave UV?", "**Emerald**: fluorescence usually inert"),
     ("what colour is diamond under short wave UV?", "**Diamond**: fluorescence inert in most")],
)  # fmt: skip
def test_a_colour_asked_under_uv_is_the_gems_fluorescence_not_its_body_colour(asked, reply):
    assert Assistant(classifier=None).conversation().ask(asked).reply.startswith(reply)  # was "Ruby comes in red, …"


def test_a_question_of_which_one_after_two_gems_compared_is_of_both():
    chat = Assistant(None, evidence=EvidenceModel(["Ruby", "Emerald"])).conversation()
    chat.ask("What is the SG of amber?")
    chat.ask("How do I tell jadeite from nephrite?")
    harder = chat.ask("which one is harder?").reply
    assert "**Jadeite**: Mohs hardness 6.5–7; **Nephrite**: Mohs hardness 6–6.5" in harder
    assert chat.ask("what are their SGs?").reply == (
        "**Jadeite**: specific gravity 3.25–3.36; **Nephrite**: specific gravity 2.90–3.10."
    )
    assert "Amber" not in chat.ask("which one is tougher?").reply  # not the gem asked about before the comparison
    chat.ask("ruby vs spinel")
    assert chat.ask("which is heavier?").reply.startswith("Ruby is heavier than Spinel.")
    spectra = chat.ask("what are their spectra?").reply
    assert spectra.startswith("**Ruby**, in the spectroscope: ") and "**Spinel**, in the spectroscope: " in spectra
    assert chat.ask("and their RIs?").reply == (
        "**Ruby**: refractive index 1.762–1.770; **Spinel**: refractive index 1.712–1.720."
    )
    assert not chat.hints


@pytest.mark.parametrize(
    ("before", "asked", "reply"),
    [("ruby vs spinel", "how hard?", "**Ruby**: Mohs hardness 9; **Spinel**: Mohs hardness 8."),
     ("emerald or aquamarine?", "hardness?", "**Emerald**: Mohs hardness 7.5–8; **Aquamarine**: Mohs hardness"),
     ("what are the birthstones for June?", "hardness?", "**Pearl**: Mohs hardness 2.5–4.5; **Moonstone**: ")],
)  # fmt: skip
def test_a_bare_property_question_after_gems_named_together_asks_it_of_them_all(before, asked, reply):
    chat = Assistant(classifier=None).conversation()
    chat.ask(before)
    assert chat.ask(asked).reply.startswith(reply)  # was the help text: "Send me a photo of the stone …"


@pytest.mark.parametrize(
    "question, reply",
    [("whats harder, topaz or quartz", "Topaz is harder than Quartz."),
     ("which has higher birefringence, peridot or quartz?", "Peridot is higher in birefringence than Quartz."),
     ("which has higher birefringence, peridot or tourmaline?", "Peridot is higher in birefringence than Tourmaline."),
     ("whats harder, emerald or aquamarine", "Neither is harder: both are Mohs 7.5–8."),
     ("whats harder, jade or opal", "Neither is reliably harder: their Mohs hardness ranges overlap."),
     ("what's heavier, diamond or cz?", "Cubic Zirconia is heavier than Diamond."),
     ("which shows more fire, diamond or zircon?", "Diamond is higher in dispersion than Zircon.")],
)  # fmt: skip
def test_which_of_two_gems_is_harder_or_higher_is_answered_whatever_the_wording(question, reply):
    assert Assistant(classifier=None).conversation().ask(question).reply.startswith(reply)


@pytest.mark.parametrize(
    ("question", "reply"),
    [("which is harder, ruby or sapphire?", "Neither is harder: both are Mohs 9."),
     ("which is heavier, quartz or amethyst?", "Neither is heavier: both have specific gravity 2.65."),
     ("which has more birefringence, spinel or garnet?", "Neither is higher in birefringence: both have no"),
     ("which is harder, quartz, amethyst or citrine?", "None is harder: all are Mohs 7.")],
)  # fmt: skip
def test_gems_of_the_same_value_are_said_to_share_it_not_to_overlap(question, reply):
    assert Assistant(classifier=None).conversation().ask(question).reply.startswith(reply)  # was "ranges overlap"


def test_a_gem_and_another_treated_into_it_are_told_apart_by_the_signs_of_treatment_not_the_colour():
    chat = Assistant(classifier=None).conversation()
    heated = chat.ask("how do I tell citrine from heated amethyst?").tell_apart
    assert heated.startswith("Most citrine is amethyst treated into it") and "no dichroism" in heated
    assert "the colour tells them apart" in chat.ask("how do I tell citrine from amethyst?").tell_apart


def test_a_lab_grown_gem_asked_about_is_the_lab_grown_one_or_says_which_there_are():
    chat = Assistant(classifier=None).conversation()
    assert chat.ask("tell me about flux grown synthetic emerald").reply.startswith("**Flux-Grown Emerald**")
    several = chat.ask("tell me about synthetic emerald").reply
    assert several.startswith("**Emerald**: Lab-grown emerald is made in more than one way (Flux-Grown Emerald")
    assert chat.ask("tell me about emerald").reply == "**Emerald**"


@pytest.mark.parametrize(
    ("question", "reply"),
    [("what is a lab ruby?", "**Ruby**: Lab-grown ruby is made in more than one way (Flux-Grown Ruby"),
     ("tell me about lab diamonds", "**Diamond**: Lab-grown diamond is made in more than one way (CVD Diamond"),
     ("what are laboratory sapphires?", "**Sapphire**: Lab-grown sapphire is made in more than one way")],
)  # fmt: skip
def test_a_gem_called_lab_is_its_lab_grown_stones_like_a_gem_called_lab_grown(question, reply):
    assert Assistant(classifier=None).conversation().ask(question).reply.startswith(reply)  # was the natural card


@pytest.mark.parametrize("question", ["can star sapphire be lab-grown?", "are there synthetic star sapphires?"])
def test_the_lab_grown_kinds_follow_a_star_said_first_as_a_sentence_of_their_own(question):
    reply = Assistant(classifier=None).conversation().ask(question).reply
    assert reply.startswith("**Sapphire**: Star sapphires show a six-rayed star")
    assert "sunlight. Lab-grown sapphire is made in more than one way" in reply  # was "sunlight.: Lab-grown"


@pytest.mark.parametrize(
    ("question", "reply"),
    [("tell me about synthetic peridot", "**Peridot**: I have no entry for synthetic peridot: what follows is "
      "natural peridot."),
     ("is there a man-made tanzanite?", "**Tanzanite**: I have no entry for man-made tanzanite"),
     ("tell me about lab peridot", "**Peridot**: I have no entry for lab peridot: what follows is natural peridot."),
     ("are there synthetic peridots?", "**Peridot**: I have no entry for synthetic peridots"),
     ("my peridot is not synthetic, tell me about peridot", "**Peridot**\n"),
     ("From a photo alone I cannot tell natural Ruby from lab-grown corundum",  # quoted: how they are told apart
      "**Ruby**: a lab-grown corundum has the same constants"),
     ("tell me about gilson emerald", "**Flux-Grown Emerald**"),
     ("what is a tairus emerald?", "**Hydrothermal Emerald**")],
)  # fmt: skip
def test_a_lab_grown_gem_the_knowledge_base_lacks_is_said_to_be_missing_before_the_natural_gem(question, reply):
    answer = Assistant(classifier=None).conversation().ask(question)  # was the natural gem's card, silently
    assert (answer.reply + "\n").startswith(reply)


@pytest.mark.parametrize(
    ("question", "gem", "own", "other"),
    [("From a photo alone I cannot tell natural Ruby from lab-grown corundum", "Ruby", "Flux-Grown Ruby",
      "Sapphire"),
     ("how do I tell natural sapphire from lab-grown corundum?", "Sapphire", "Flux-Grown Sapphire", "Ruby")],
)  # fmt: skip
def test_natural_gem_told_from_its_lab_grown_species_is_answered_of_the_gem_and_its_own_twins(
    question, gem, own, other
):
    reply = Assistant(classifier=None).conversation().ask(question).reply  # was under Corundum, every twin listed
    assert reply.startswith(f"**{gem}**: a lab-grown corundum") and own in reply.split("\n")[0]
    assert other not in reply.split("\n")[0], reply[:300]


def test_whether_a_lab_grown_gem_is_treated_is_answered_from_the_lab_grown_stones_not_the_natural_gem():
    def ask(text):
        return Assistant(classifier=None).conversation().ask(text).reply

    ruby = ask("is my lab-grown ruby heated?")  # was natural ruby's treatments and the signs of its heating
    assert ruby.startswith("**Lab-grown ruby**: My sources list no treatment of lab-grown ruby, which does not mean")
    assert "heat treatment" not in ruby and "Flux-Grown Ruby" in ruby
    sapphires = ask("are lab-created sapphires treated?")  # was "Treatments of sapphire: heat treatment; …"
    assert sapphires.startswith("**Lab-grown sapphire**: My sources list no treatment") and "diffusion" not in sapphires
    assert ask("is ruby heated?").startswith("**Ruby**: Treatments of ruby: heat treatment")  # the natural gem
    # was "My sources list no treatment of lab-grown diamond": its post-growth treatments, with their sources
    diamond = Assistant(classifier=None).conversation().ask("is lab-grown diamond treated?")
    assert diamond.reply.startswith("**Lab-grown diamond**: Treatments of CVD diamond: HPHT annealing after growth")
    assert "Treatments of HPHT diamond: HPHT treatment after growth" in diamond.reply and "irradiation" in diamond.reply
    assert any(n.startswith("sources (treatments of CVD Diamond): GIA") for n in diamond.notes)
    # was "… ask about one of them by name. What follows is natural diamond." after both were named: the card is said
    used = Assistant(classifier=None).conversation().ask("what treatments are used on lab-grown diamonds?").reply
    assert used.endswith("The description that follows is of natural diamond, not of the lab-grown stones.")
    assert "ask about one of them by name" not in used


def test_what_colours_a_gem_comes_in_and_whether_it_comes_in_one_are_answered_from_its_colours():
    def ask(text):
        return Assistant(classifier=None).conversation().ask(text).reply

    # each was the gem's name alone, above its card
    assert (
        ask("what colour is peridot?")
        == "**Peridot**: Peridot comes in yellow-green, olive green, lime green or brownish-green."
    )
    assert ask("can sapphire be pink?").startswith("**Yes**: Sapphire comes in blue, yellow, pink")
    green = ask("can a ruby be green?")
    assert (
        green.startswith("**My facts list no green ruby**: Ruby comes in red")
        and "Green corundum is Sapphire." in green
    )
    assert ask("does emerald come in blue?").startswith("**Not blue as such, but bluish-green**")  # a green
    # a group's kinds are each of it: was "**Not blue-green as such, but green**: Garnet comes in …"
    assert ask("does garnet come in blue-green?").startswith(
        "**Yes, some kinds do**: my facts list Tsavorite in bluish-green and Colour-Change Garnet in blue-green "
        "(daylight). Garnet comes in red"
    )
    assert ask("is ruby ever treated?").startswith("**Ruby**: Treatments of ruby")  # a treatment, not a colour


def test_a_white_asked_of_a_group_takes_in_its_kinds_listed_colourless_as_a_white_sapphire_does():
    reply = Assistant(classifier=None).conversation().ask("can garnets be white?").reply  # was Hydrogrossular alone
    assert reply.startswith(
        "**Yes, some kinds do**: my facts list Grossular in colourless (leuco garnet) and Hydrogrossular in white "
        "(pure; colourless)."
    )


def test_is_a_gem_a_colour_or_always_that_colour_is_answered_from_its_colours():
    def ask(text):
        return Assistant(classifier=None).conversation().ask(text).reply

    # each was the gem's name alone, above its card
    assert ask("is amethyst purple? 💜").startswith("**Yes**: Amethyst comes in purple")
    assert ask("is ruby blue?").startswith("**My facts list no blue ruby**")
    assert ask("is sapphire always blue?").startswith("**Not always**: Sapphire comes in blue, yellow")
    assert ask("is peridot always green?").startswith("**Yes**")  # yellow-green and brownish-green are green too
    assert ask("is ruby heated?").startswith("**Ruby**: Treatments of ruby")  # a treatment, not a colour
    # a blend is the hue of its last word: aquamarine's "Blue-green" is a green (was "My facts list no green …")
    assert ask("is aquamarine green?").startswith("**Yes**: Aquamarine comes in blue, blue-green")
    # and its first word a tinge, said as one: each was "Yes", read by the first word
    assert ask("is hiddenite yellow?").startswith("**Not yellow as such, but yellow-green**: Hiddenite comes in")
    assert ask("is coral orange?").startswith("**Not orange as such, but orange-red**: Coral comes in")
    spessartite = ask("is spessartite red?")
    assert spessartite.startswith("**Not red as such, but reddish-orange and red-brown**: Spessartite comes in")
    assert ask("is iolite violet?").startswith("**Yes**: Iolite comes in violet-blue")  # and lavender, a purple
    assert ask("is peridot yellow-green?").startswith("**Yes**: Peridot comes in")  # was its card, no colour read
    reddish = ask("is amethyst reddish purple?")  # a place named in a colour keeps its capital
    assert reddish.startswith("**Not reddish purple as such, but purple, violet, lilac and deep Siberian purple**")
    # a blend asked is met by a listed colour of both hues, whichever is the tinge (was "Not green as such, but …")
    assert ask("is lazurite blue-green?").startswith("**Yes**: Lazurite comes in deep blue, azure blue, violet-blue")
    assert ask("is lazurite green?").startswith("**Not green as such, but greenish-blue**")  # a hue alone is not


def test_a_blend_asked_of_a_gem_is_answered_of_that_blend_not_its_main_hue():
    def ask(text):
        return Assistant(classifier=None).conversation().ask(text).reply

    # was "**My facts list no green ruby**", naming only the hue
    ruby = ask("is ruby blue-green?")
    assert ruby.startswith("**My facts list no blue-green ruby**: Ruby comes in red")
    assert "Blue-green corundum is Sapphire Blue." in ruby  # its "Greenish blue"; not Sapphire's plain "Green"
    assert ask("can ruby be yellow-green?").startswith("**My facts list no yellow-green ruby**")
    # each was "**Yes**", a plain green read as the blend
    assert ask("is peridot blue-green?").startswith("**Not blue-green as such, but yellow-green, olive green")
    assert ask("can sapphire be blue-green?").startswith("**Not blue-green as such, but blue and green**")
    assert ask("is emerald always blue-green?").startswith("**Not always**: Emerald comes in green")
    # a blend in two words: was read by its last word alone ("My facts list no green topaz")
    assert ask("is topaz bluish green?").startswith("**Not bluish green as such, but blue**: Topaz comes in")
    # a gem listed in the blend is still a yes
    assert ask("is emerald blue-green?").startswith("**Yes**: Emerald comes in green, bluish-green")
    assert ask("is aquamarine green-blue?").startswith("**Yes**: Aquamarine comes in")
    assert ask("is ruby green?").startswith("**My facts list no green ruby**")  # one colour: as before


def test_a_gem_name_asked_as_the_colour_of_a_gem_of_another_species_is_that_colour_of_the_gem():
    def ask(text):
        return Assistant(classifier=None).conversation().ask(text).reply

    # each was "**Yes**: Turquoise comes in sky blue …", the longer name taken for the gem asked about
    for asked in ("is sapphire turquoise?", "can sapphire be turquoise?", "does sapphire come in turquoise?"):
        said = ask(asked)
        assert said.startswith("**Not turquoise as such, but blue and green**: Sapphire comes in blue, yellow")
    assert ask("is topaz turquoise?").startswith("**Not turquoise as such, but blue**: Topaz comes in")
    # one species: which of the two it is; a treatment: the gem it was made from
    assert ask("is citrine amethyst?").startswith("**No**: Citrine and Amethyst are both quartz")
    assert ask("is citrine heated amethyst?").startswith("**Amethyst**: Treatments of amethyst")


def test_a_real_one_is_one_of_the_gem_answered_or_discussed_not_a_question_whether_the_stone_is_real():
    for opening in ("RI 2.42", "what is diamond?"):  # a stone answered diamond; diamond talked about
        chat = Assistant(classifier=None).conversation()
        chat.ask(opening)
        scratched = chat.ask("would a real one scratch glass?").reply  # was the caution again, above the ranking
        assert scratched.startswith("Diamond (Mohs 10) is harder than glass (5.5): it scratches glass")


def test_the_colour_one_after_a_gem_was_talked_about_is_that_gem_in_that_colour():
    chat = Assistant(classifier=None).conversation()
    chat.ask("what is sapphire?")
    green = chat.ask("no, I meant the green one").reply  # was "**Onyx Green**"
    assert green.startswith("**Green sapphire**: Sapphire comes in") and "green" in green  # was "**Yes**: …"
    assert chat.ask("how hard is it?").reply == "**Sapphire**: Mohs hardness 9."
    chat = Assistant(classifier=None).conversation()
    chat.ask("what is sapphire?")
    assert chat.ask("the pink one").reply == "**Sapphire Pink**"  # a gem of its own, with its card
    assert Assistant(classifier=None).conversation().ask("can sapphire be green?").reply.startswith("**Yes**: ")
    chat = Assistant(classifier=None).conversation()
    chat.ask("what's the difference between ruby and emerald?")
    assert chat.ask("I meant the green one").reply == "**Emerald**"  # was "**Onyx Green**": the one of the two


def test_the_most_expensive_gem_asked_with_no_stone_is_declined_like_a_price_not_met_with_the_help():
    reply = Assistant(classifier=None).conversation().ask("what is the most expensive gem?").reply
    assert reply.startswith("I do not price stones, nor rank gems by price: value rests on colour, clarity")


def test_how_to_tell_them_apart_after_a_comparison_or_is_x_a_y_tells_the_two_apart():
    chat = Assistant(classifier=None).conversation()
    chat.ask("ruby vs spinel")
    again = chat.ask("how do I tell them apart?")  # was the how-to-begin help
    assert again.reply == "**Ruby or Spinel?**" and again.tell_apart.startswith("To tell Ruby from Spinel:")
    chat = Assistant(classifier=None).conversation()
    chat.ask("is moissanite a diamond?")
    assert chat.ask("how do I tell them apart?").tell_apart.startswith("To tell Moissanite from Diamond:")
    assert chat.ask("which is harder?").reply.startswith("Diamond is harder than Moissanite.")


def test_a_comparison_is_followed_by_another_and_asked_for_the_lower_one_names_it():
    chat = Assistant(classifier=None).conversation()
    chat.ask("whats harder topaz or quartz?")
    assert chat.ask("and which is heavier?").reply.startswith("Topaz is heavier than Quartz.")
    chat.ask("RI of garnet?")
    chat.ask("and of spinel?")
    assert chat.ask("which one has the lower RI?").reply.startswith("Spinel is lower in RI than Garnet.")
    calcite = chat.ask("which is more birefringent, calcite or peridot?").reply
    assert calcite.startswith("Calcite is higher in birefringence than Peridot. **Calcite**: birefringence 0.172")
    assert chat.ask("which is softer, topaz or quartz?").reply.startswith("Quartz is softer than Topaz.")


def test_two_gems_asked_in_turn_are_compared_next():
    chat = Assistant(classifier=None).conversation()
    chat.ask("what is the refractive index of peridot")
    chat.ask("and quartz?")
    assert chat.ask("which one has the higher birefringence?").reply.startswith("Peridot is higher in birefringence")
    chat.ask("what is the SG of sapphire?")
    chat.ask("and emerald?")
    sinks = chat.ask("which sinks in bromoform?").reply
    assert sinks.startswith("Sapphire (SG 3.99–4.01) sinks in bromoform (2.89); Emerald (SG 2.67–2.78) floats in it.")
    assert not chat.hints


def test_weights_in_air_and_water_with_a_question_for_the_sg_are_read_as_the_sg():
    chat = Assistant(None, evidence=EvidenceModel(["Ruby", "Emerald"])).conversation()
    answer = chat.ask("My stone weighs 2.50 g in air and 1.80 g in water, what's the SG?")
    assert answer.hints_used == ["SG 3.57"] and not any("gives no number" in n for n in answer.notes)
    assert answer.to_markdown().count("= 2.50 / (2.50 − 1.80) = 3.57.") == 1  # the arithmetic, shown once


def test_and_another_term_after_a_term_asked_is_the_glossary_again():
    chat = Assistant(None, evidence=EvidenceModel(["Ruby", "Emerald"])).conversation()
    assert chat.ask("What is birefringence?").reply.startswith("**Birefringence**")
    answer = chat.ask("and pleochroism?")
    assert answer.reply.startswith("**Pleochroism**") and not answer.candidates and not chat.hints


@pytest.mark.parametrize(
    ("question", "gem"),
    [
        ("How do I identify flux-grown synthetic ruby?", "Flux-Grown Ruby"),
        ("Kashan flux ruby?", "Kashan Flux Ruby"),
        ("tell me about hydrothermal emerald", "Hydrothermal Emerald"),
        ("I see flux remnants, is it a ruby?", "Ruby"),  # a sign seen, not a name
        ("what is the optic character of gilson lapis?", "Gilson Lapis Lazuli"),  # by its maker; was Lapis Lazuli
        ("what is the RI of verneuil ruby?", "Synthetic Ruby (Verneuil)"),
        ("what is the RI of synthetic spinel?", "Synthetic Spinel (Verneuil)"),
    ],
)
def test_a_lab_grown_stone_named_by_its_growth_is_that_one_not_the_commonest(question, gem):
    from gemlang.assistant import named_gem

    assert named_gem(question).name == gem


def test_a_made_stone_named_by_its_maker_is_answered_from_its_own_entry():
    reply = Assistant(classifier=None).conversation().ask("what is the optic character of gilson lapis?").reply
    assert reply.startswith("**Gilson Lapis Lazuli**: optic character aggregate")  # was natural Lapis Lazuli's


@pytest.mark.parametrize(
    ("question", "named", "not_named"),
    [
        ("which gems show play of colour?", "Opal", "Andalusite"),  # andalusite's play is of pleochroic colours
        ("what stones have horsetail inclusions?", "Andradite", "Peridot"),
        ("which gems show colour change?", "Alexandrite", "Andalusite"),
        ("which gems change colour?", "Alexandrite", "Andalusite"),  # was ranked as a stone that changes colour
        ("which gems show a star?", "Sapphire Blue", "Peridot"),  # star sapphire named beside star ruby
    ],
)
def test_which_gems_show_a_sign_lists_the_gems_whose_facts_name_it(question, named, not_named):
    reply = Assistant(None, evidence=EvidenceModel(["Ruby", "Emerald"])).conversation().ask(question).reply
    assert reply.startswith("**Natural gems whose facts name") and named in reply and not_named not in reply


@pytest.mark.parametrize(
    "question",
    [
        "every cat's eye is chrysoberyl, right?",
        "are cat's eyes always chrysoberyl?",
        "is every cats eye a chrysoberyl?",
    ],
)
def test_every_cats_eye_is_chrysoberyl_is_answered_with_the_gems_that_show_one_and_the_trade_usage(question):
    answer = Assistant(classifier=None).conversation().ask(question)
    assert answer.reply.startswith("**No**: a cat's eye is an effect, not a gem."), answer.reply
    assert "Quartz (Quartz Rutilated, Tigers Eye)" in answer.reply and "Tourmaline" in answer.reply
    assert "\"cat's-eye\" alone means chrysoberyl cat's-eye" in answer.reply
    assert "farlang.com" in answer.notes[0] and "langantiques" in answer.notes[0]


def test_is_it_heated_of_the_stone_in_hand_says_a_laboratory_decides_and_what_a_gemmologist_looks_for():
    chat = stone_answered("Ruby", "Spinel")
    answer = chat.ask("is it heated?")
    assert answer.reply.startswith("Whether this stone was treated shows neither in a photo")
    assert "What a gemmologist looks for: **Ruby, heat treatment**" in answer.reply and "discoid" in answer.reply
    assert any(n.startswith("sources (heat treatment)") for n in answer.notes)
    assert "What a gemmologist looks for" not in chat.ask("is it treated?").reply  # no treatment named: the list


@pytest.mark.parametrize(
    "message",
    ["saphire ri 1.76 sg 3.99 is it heated", "emerald RI 1.577-1.583 SG 2.72 has it been oiled",
     "red RI 1.762-1.770 was it heated or not"],
)  # fmt: skip
def test_a_treatment_question_run_on_after_the_readings_without_its_question_mark_is_answered(message):
    answer = Assistant(classifier=None).conversation().ask(message)
    assert answer.reply.startswith("Whether this stone was treated shows neither in a photo"), answer.reply
    told = Assistant(classifier=None).conversation().ask("red RI 1.762-1.770, the seller heated it").reply
    assert "Whether this stone was treated" not in told  # said, not asked


@pytest.mark.parametrize(
    "question",
    ["this is definitely a diamond right?", "it's a diamond, isn't it?", "surely a diamond?", "diamond, right?",
     "is this a diamond?", "is it a diamond", "so it's a diamond?", "could this be a diamond?"],
)  # fmt: skip
def test_a_confirmation_of_a_gem_from_a_photo_leading_or_plain_says_what_a_photo_cannot_tell_it_from(question):
    answer = stone_answered("Diamond", "Zircon").ask(question)
    assert answer.caution.startswith("From a photo alone I cannot tell natural Diamond from lab-grown diamond or")
    assert "Cubic Zirconia" in answer.caution and "would expose" in answer.caution
    assert stone_answered("Diamond", "Zircon").ask("what is it?").caution == ""  # nothing asked to be confirmed
    assert stone_answered("Diamond", "Zircon").ask("it's a diamond my aunt left me").caution == ""  # told, not asked
    assert stone_answered("Danburite", "Diamond").ask(question).caution == ""  # "Probably not" says it already
    claim = stone_answered("Hessonite", "Garnet Red").ask("Hessonite shows a treacle-like swirl, right?")
    assert claim.caution == ""  # a claim about the gem, not a yes asked for the stone


@pytest.mark.parametrize("question", ["are you 100% sure?", "you sure?", "are you really certain?"])
def test_are_you_sure_of_a_photos_answer_is_answered_no_with_the_look_alikes_and_the_test(question):
    chat = stone_answered("Diamond", "Zircon")
    answer = chat.ask(question)
    assert answer.reply.startswith("No, not for certain: Diamond leads at ")
    assert "cannot tell natural Diamond from" in answer.reply and "would expose Cubic Zirconia" in answer.reply
    assert answer.caution == ""  # said once, as the reply
    assert chat.ask("how sure are you?").reply.startswith("Diamond at ")  # how sure, not yes or no


def test_is_it_real_asked_with_readings_that_point_to_no_imitation_says_what_would_tell():
    chat = stone_answered("Sapphire Blue", "Tanzanite")
    message = "listed as sapphire, my friend said RI 1.76 and it has some silk, is it a real one or did i get scammed"
    assert chat.ask(message).caution.startswith("Nothing you have told me points to an imitation")
    assert stone_answered("Sapphire Blue", "Tanzanite").ask("RI 1.76, blue in natural light").caution == ""


def test_is_it_heated_of_an_aquamarine_says_heating_is_assumed_for_no_laboratory_can_tell():
    chat = stone_answered("Aquamarine", "Topaz")
    answer = chat.ask("is it heated?")
    assert answer.reply.startswith(
        "In aquamarine, heating is common and usually cannot be detected, not even by a gem laboratory, so it is "
        "assumed: gemmological testing can hardly tell"
    ), answer.reply
    assert "a gem laboratory decides" not in answer.reply and "What a gemmologist looks for" not in answer.reply
    assert "Treatments: heat treatment" in answer.reply
    (note,) = [n for n in answer.notes if n.startswith("sources (heating): ")]
    assert "professionaljeweler.com" in note and "just-color.com" in note
    # "is it treated?" names no treatment: a laboratory decides most, and heating, which it cannot, is assumed
    treated = chat.ask("is it treated?").reply
    assert treated.startswith("Whether this stone was treated") and "decides most treatments" in treated
    assert "heating is common and usually cannot be detected" in treated


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("is aquamarine heated?", "**Aquamarine**: Treatments of aquamarine: heat treatment (to reduce green and "
         "enhance blue). In aquamarine, heating is common and usually cannot be detected, not even by a gem"),
        ("how do I detect heated aquamarine?", "**Aquamarine, heating**: common and usually cannot be detected, not "
         "even by a gem laboratory, so it is assumed: "),
        ("is my aquamarine heated?", "**Aquamarine**: In aquamarine, heating is common and usually cannot be"),
        ("is my blue topaz treated?", "**Topaz**: In topaz, irradiation and heating (blue topaz) is common and usually"
         " cannot be detected"),
        ("how do I detect irradiated topaz?", "**Topaz, irradiation and heating (blue topaz)**: common and usually "
         "cannot be detected, not even by a gem laboratory, so it is assumed: no routine gemmological test"),
        ("is my zircon heated?", "**Zircon**: In zircon, heating (blue zircon) is common and usually cannot be"),
    ],
)  # fmt: skip
def test_a_treatment_no_laboratory_can_usually_detect_is_said_to_be_assumed_with_its_sources(question, said):
    answer = Assistant(classifier=None).conversation().ask(question)
    assert answer.reply.startswith(said), answer.reply
    assert "a gem laboratory decides" not in answer.reply
    assert any(n.startswith("sources (") for n in answer.notes)


def test_the_signs_that_still_help_follow_an_undetectable_treatment_and_a_detectable_one_keeps_the_laboratory():
    tanzanite = Assistant(classifier=None).conversation().ask("is my tanzanite heated?").reply
    assert tanzanite.startswith("**Tanzanite**: In tanzanite, heating is common and usually cannot be detected")
    assert "What a gemmologist looks for: **Tanzanite, heating**: at the bench: with the dichroscope" in tanzanite
    blue = Assistant(classifier=None).conversation().ask("is my blue topaz treated?").reply
    assert "What a gemmologist looks for: **Topaz, irradiation and heating (blue topaz)**: at the bench:" in blue
    assert blue.count("no routine gemmological test") == 1  # said once, not again among the signs
    sapphire = Assistant(classifier=None).conversation().ask("is my sapphire heated?").reply
    assert "a gem laboratory decides, from its inclusions" in sapphire and "usually cannot be detected" not in sapphire
    assert "usually cannot be detected" not in Assistant(None).conversation().ask("is my topaz dyed?").reply


def test_whether_a_treatment_lowers_a_gems_value_gets_its_treatments_and_no_price():
    # was "**Sapphire**: Treatments of sapphire: heat treatment; …" alone: the value asked was not answered
    # now the heat-treatment entry, which says from its sources what heating does to the value, and no price
    reply = Assistant(None).conversation().ask("is heated sapphire less valuable?").reply
    assert reply.startswith("**Heat treatment**") and "command a premium" in reply and "$" not in reply
    assert "I do not price" not in Assistant(None).conversation().ask("is sapphire heated?").reply
    worthless = Assistant(None).conversation().ask("is dyed jade worthless?").reply  # "worthless" asks a value too
    assert worthless.startswith("**Jade**: Treatments of jade:") and "I do not price stones" in worthless


@pytest.mark.parametrize(
    "question, lead",
    [("can heat treatment be detected?", "**Heat treatment**: "), ("is heating detectable?", "**Heat treatment**: "),
     ("can a lab tell if it's heated?", "**Heat treatment**: "),  # were '**Treatment**', the help, the gem asked for
     ("is heat treatment permanent?", "**Treatment**: In the trade a treatment (")],
)  # fmt: skip
def test_a_treatment_asked_of_no_gem_is_explained_and_the_gem_asked_for_not_met_with_the_help(question, lead):
    answer = Assistant(None).conversation().ask(question)  # was the how-to-begin help
    assert answer.reply.startswith(lead) and HELP not in answer.reply
    assert "detect" not in question or "no indications of heating" in answer.reply  # how a laboratory finds it
    assert answer.reply.endswith(
        'depend on the gem: name it ("is tanzanite heated?", "how do I detect heated ruby?", '
        '"is blue topaz irradiated?"), or send a photo of the stone.'
    )
    of_the_stone = Assistant(None).conversation().ask("is it irradiated?").reply
    assert of_the_stone.startswith("Which treatments are used, whether they last")


def test_a_gem_whose_facts_list_no_treatment_is_not_said_to_have_none_in_common_use():
    reply = Assistant(None).conversation().ask("How do I detect heated danburite?").reply
    assert reply == "**Danburite**: My sources list no treatment of Danburite, which does not mean it is never treated."
    amber = Assistant(None).conversation().ask("How do I detect heated amber?").reply  # clarified, 'sun spangles'
    assert amber.startswith("**Amber**: Treatments of amber: clarification") and "sun spangle" in amber


def test_a_simulant_dyed_to_imitate_a_gem_is_said_to_be_dyed():
    # was "My sources list no treatment of Dyed Howlite (Turquoise Simulant)": the dye is what makes it a simulant
    howlite = Assistant(None).conversation().ask("is dyed howlite treated?").reply
    assert howlite.startswith("**Dyed Howlite (Turquoise Simulant)**: Treatments of dyed howlite")
    assert "dyeing blue, to imitate turquoise" in howlite
    magnesite = Assistant(None).conversation().ask("is dyed magnesite treated?").reply
    assert "dyeing blue or green, to imitate turquoise" in magnesite and "no treatment" not in magnesite


def test_help_to_deceive_a_buyer_is_refused_and_healing_powers_are_not_claimed():
    chat = Assistant(classifier=None).conversation()
    assert chat.ask("can you tell me how to make fake emeralds to sell as real?").reply.startswith("I cannot help")
    assert chat.ask("how do I pass glass off as diamond without telling the buyer").reply.startswith("I cannot help")
    assert chat.ask("can I sell it as natural ruby?").reply.startswith("**What it may be sold as:**")  # asked honestly
    for deceit in ("I want to sell glass as sapphire on ebay, what should I write?",
                   "how do I make a glass stone look like a diamond to fool a pawn shop?",
                   "how do I dye quartz so buyers think its amethyst",
                   "I want to fill the cracks in my emerald with oil before selling and not tell the buyer",
                   "what's the best way to make a treated stone pass a lab test?"):  # fmt: skip
        assert chat.ask(deceit).reply.startswith("I cannot help"), deceit
    assert chat.ask("the stone has been fracture filled, should I disclose it?").reply.startswith("**Fracture filling")
    assert chat.ask("can I sell lab grown sapphire as sapphire?").reply.startswith("**What it may be sold as:**")
    healing = chat.ask("do crystals have healing powers? will amethyst cure my anxiety?").reply
    assert healing.startswith("No scientific study has shown") and "doctor" in healing
    for claim in ("is it possible to heal with rose quartz?", "will black tourmaline protect me from negative energy?",
                  "my customer says amethyst helps sleep, should I tell them its true?"):  # fmt: skip
        assert chat.ask(claim).reply.startswith("No scientific study has shown"), claim
    assert chat.ask("it has healed fractures, RI 1.76-1.77").candidates  # an inclusion, no healing power


def test_treating_a_stone_oneself_is_said_to_be_beyond_the_facts_with_no_instructions_made_up():
    chat = Assistant(classifier=None).conversation()
    for asked in ("can I heat treat my sapphire myself at home?", "how do I dye agate at home?",
                  "can I heat amethyst in my oven?"):  # fmt: skip
        answer = chat.ask(asked)
        assert answer.reply.startswith("Treating a stone yourself is beyond what my facts cover"), asked
        assert "furnace" in answer.reply and any("themelis.com" in n for n in answer.notes)
    assert not chat.ask("is my sapphire heated?").reply.startswith("Treating a stone yourself")


@pytest.mark.parametrize(
    "asked",
    ["from the photo alone, can you tell if it's glass?", "can you tell from a photo whether my stone is glass?"],
)
def test_whether_a_photo_can_tell_glass_is_answered_honestly_with_what_can(asked):
    reply = Assistant(classifier=None).conversation().ask(asked).reply  # was the how-to-begin help
    assert reply.startswith("A photo cannot tell glass from a gem, but a loupe and two readings can.")
    assert "**Glass or a gem?** Glass (paste) is singly refractive" in reply


@pytest.mark.parametrize(
    "asked", ["can I send a photo of my sea glass?", "would a photo through a magnifying glass help?"]
)
def test_a_photo_sent_of_glass_or_through_a_magnifying_glass_asks_nothing_a_photo_cannot_tell(asked):
    reply = Assistant(classifier=None).conversation().ask(asked).reply  # was 'A photo cannot tell glass from a gem …'
    assert "A photo cannot tell glass" not in reply and "**Glass or a gem?**" not in reply


@pytest.mark.parametrize(
    "asked",
    ["what is beach glass?", "what's sea glass?", "is beach glass valuable?", "is sea glass worth anything?",
     "is my beach glass worth money?"],
)  # fmt: skip
def test_beach_or_sea_glass_asked_after_a_found_stone_is_explained_from_its_entry_not_the_card_again(asked):
    chat = stone_answered("Quartz Rose", "Kunzite")
    answer = chat.ask(asked)  # was the stone's card again, or the price refusal above it
    assert "**Sea glass**: Sea glass is no mineral and no natural gem but man-made glass" in answer.reply
    assert not answer.description and not answer.properties
    assert any(n.startswith("source (sea glass): Wikipedia") for n in answer.notes)
    assert ("I do not price stones or materials" in answer.reply) == ("what" not in asked)


def test_could_it_be_sea_glass_of_the_stone_in_hand_weighs_glass_as_could_it_be_glass_does():
    for asked in ("could it be sea glass?", "is it beach glass?"):
        reply = stone_answered("Quartz Rose", "Glass (Paste)", "Kunzite").ask(asked).reply  # was the card alone
        assert reply.startswith("**Probably not**: Glass (Paste)"), reply[:80]


def test_glass_against_a_gem_and_the_stone_in_hand_against_a_gem_named_are_told_apart():
    chat = Assistant(classifier=None).conversation()
    glass = chat.ask("how do i tell glass from a real gem?").reply
    assert glass.startswith("**Glass or a gem?** Glass (paste) is singly refractive") and "gas bubbles" in glass
    for asked in ("how can I tell glass from gem?", "is it glass or a gem?"):  # were the how-to-begin help
        assert Assistant(classifier=None).conversation().ask(asked).reply.startswith("**Glass or a gem?**"), asked
    terms = chat.ask("difference between a synthetic and a simulant?").reply
    assert terms.startswith("**Synthetic**: ") and "**Simulant**: " in terms
    chat = stone_answered("Emerald", "Aquamarine")
    assert chat.ask("how do I tell it from glass?").reply == "**Emerald or Glass (Paste)?**"
    assert chat.ask("how can i tell if its aquamarine?").reply == "**Emerald or Aquamarine?**"


def test_fire_doubling_and_a_thermal_testers_beep_point_to_moissanite():
    from gemlang.hints import parse_hints

    seen = parse_hints("doubling visible, very high fire, thermal tester says diamond, colourless").readings
    assert set(seen.observations) == {"strong fire (dispersion)", "passes a thermal diamond tester"}
    for not_seen in ("no fire", "little fire"):
        assert parse_hints(not_seen).readings.observations == ()
    for failed in ("it fails the diamond tester", "the diamond tester says not diamond", "the tester didn't beep"):
        assert parse_hints(failed).readings.observations == ("fails a thermal diamond tester",)  # no diamond
    chat = Assistant(classifier=None).conversation()
    assert chat.ask("doubling visible, very high fire, thermal tester says diamond, colourless").gem == "Moissanite"
    beeped = Assistant(None).conversation().ask("colourless, passes the diamond tester")
    leaders = [name for name, _ in beeped.candidates]
    assert {leaders[0], leaders[1]} == {"Diamond (CVD Diamond, HPHT Diamond)", "Moissanite"}
    assert sum(p for _, p in beeped.candidates[:2]) > 0.9  # no other gem passes a thermal tester


def test_readings_that_prove_a_species_the_photo_disagrees_with_name_the_species():
    chat = stone_answered("Kunzite", "Ruby")
    answer = chat.ask("RI 1.762-1.770 SG 4.00 uniaxial -")
    note = next(n for n in answer.notes if "the photo looks most like Kunzite" in n)
    assert "The readings point to corundum (" in note and "together; " in note


def test_signs_of_a_lab_grown_stone_seen_make_it_likely_not_merely_possible():
    chat = Assistant(classifier=None).conversation()
    answer = chat.ask("red stone RI 1.76-1.77, SG 4.0, curved striae and gas bubbles under the loupe")
    assert answer.caution.startswith("likely Synthetic Ruby (Verneuil) (lab-grown): ")
    assert "are its signs, not Ruby's" in answer.caution and "dichroscope" not in answer.tell_apart
    plain = Assistant(classifier=None).conversation().ask("red stone RI 1.76-1.77, SG 4.0").caution
    assert not plain.startswith("likely")  # nothing seen that tells: at most a possibility


@pytest.mark.parametrize(
    ("classes", "colour", "grown"),
    [(("Sapphire Blue", "Tanzanite"), "blue", "Synthetic Sapphire (Verneuil)"),
     (("Ruby", "Spinel"), "red", "Synthetic Ruby (Verneuil)")],
)  # fmt: skip
def test_curved_striae_in_corundum_lead_to_the_melt_grown_stone_and_the_caution_agrees_with_the_header(
    classes, colour, grown
):
    answer = stone_answered(*classes).ask(f"{colour} RI 1.762-1.770 SG 4.00, curved colour banding")
    assert answer.gem == grown and answer.caution.startswith(f"likely {grown} (lab-grown): curved striae are its")


def test_a_sign_of_a_lab_grown_stone_that_the_ranking_does_not_lead_with_makes_it_possible_not_likely():
    from gemlang.assistant import caution

    ranking = [("Garnet Red", 0.83), ("Synthetic Ruby (Verneuil)", 0.07), ("Synthetic Alexandrite", 0.04)]
    said = caution(ranking, parse_hints("curved striae"), EvidenceModel(["Garnet Red", "Ruby"]))
    assert said.startswith("possibly Synthetic Ruby (Verneuil) (lab-grown): curved striae are its signs")
    said = caution(ranking, parse_hints("curved banding"), EvidenceModel(["Garnet Red", "Ruby"]))
    assert said.startswith("possibly Synthetic Ruby (Verneuil) (lab-grown): curved banding is its sign, not")


@pytest.mark.parametrize(
    ("classes", "said"),
    [(("Onyx Red", "Ruby"), "what is this? it has curved banding"), (("Onyx Red", "Ruby"), "curved colour bands"),
     (("Blue Lace Agate", "Sapphire Blue"), "curved bands"), (("Malachite", "Emerald"), "it has curved banding"),
     (("Rhodochrosite", "Spinel"), "curved banding")],
)  # fmt: skip
def test_curved_banding_in_a_banded_material_is_its_own_banding_not_a_melts_striae(classes, said):
    answer = stone_answered(*classes).ask(said)
    assert answer.gem == classes[0] and not answer.unsure and answer.caution == "", answer.caution
    grown = stone_answered("Ruby", "Spinel").ask("what is this? it has curved banding")  # in a ruby: a melt's
    assert grown.gem == "Synthetic Ruby (Verneuil)" and grown.caution.startswith("likely Synthetic Ruby (Verneuil)")


def test_treatments_and_origins_asked_of_the_stone_in_hand_are_answered():
    chat = stone_answered("Tanzanite", "Sapphire Blue")
    assert "**Tanzanite, coating**" in chat.ask("is it coated?").reply
    chat = stone_answered("Emerald", "Aquamarine")
    origin = chat.ask("is it Colombian or Zambian?").reply
    assert origin.startswith("Where a stone was mined shows neither in a photo")
    assert "Colombia is among its known sources. Zambia is among its known sources." in origin


def test_how_sure_after_readings_alone_says_nothing_of_a_photo():
    chat = Assistant(classifier=None).conversation()
    chat.ask("blue, RI 1.718 SR")
    reply = chat.ask("how sure are you?").reply
    assert reply.startswith("Spinel at") and "photo" not in reply


@pytest.mark.parametrize("question", ["what can you do?", "can you identify any rock?", "how does this work"])
def test_what_it_can_and_cannot_name_is_said_when_asked(question):
    reply = Assistant(classifier=None).conversation().ask(question).reply
    assert "I cannot name ordinary rocks" in reply and reply.startswith("No photo model is loaded")
    assert "I cannot name" not in Assistant(classifier=None).conversation().ask("what are you using?").reply


def test_is_it_a_gem_with_kinds_counts_its_kinds_when_another_gem_leads():
    from gemlang.fusion import EvidenceModel

    chat = Assistant(None, evidence=EvidenceModel(["Topaz", "Sapphire Blue"])).conversation()
    chat.image_probs = np.array([0.9, 0.1])
    reply = chat.ask("is it a sapphire?").reply
    assert reply.startswith("Sapphire and its kinds: ") and "the likeliest, Sapphire Blue" in reply


def test_looking_at_photos_none_of_which_can_be_read_is_a_clear_error(assistant):
    from PIL import Image

    from gemlang.data import ImageError

    with pytest.raises(ImageError, match="no photo could be read: .*50 megapixel limit"):
        assistant.look([Image.new("RGB", (8000, 7000))])


def test_an_animated_upload_is_answered_from_its_first_frame_and_says_so(assistant):
    import io

    from conftest import red_stone_photo

    first = red_stone_photo()
    data = io.BytesIO()
    first.save(data, "GIF", save_all=True, append_images=[first.rotate(90)])
    answer = assistant.conversation().ask("what is it?", [data.getvalue()])
    assert any(n.startswith("an animated picture: I looked at its first frame only") for n in answer.notes)


def test_unsure_of_the_colour_of_a_species_the_readings_prove_the_headline_names_the_species():
    from gemlang.fusion import EvidenceModel

    chat = Assistant(None, evidence=EvidenceModel(["Spinel", "Ruby", "Sapphire Pink"])).conversation()
    chat.image_probs = np.array([0.9, 0.05, 0.05])  # the photo says spinel
    answer = chat.ask("RI 1.762-1.770, SG 4.00, uniaxial negative")
    assert answer.unsure and answer.species[0] == "corundum"
    assert answer.summary_markdown().startswith("**I'm not sure which corundum it is**: corundum at ")


def test_a_headline_names_the_species_only_when_no_other_species_keeps_half_its_share():
    from gemlang.fusion import EvidenceModel

    model = EvidenceModel(["Garnet Red", "Spinel"])

    def post(garnet: float, spinel: float, grown: float) -> np.ndarray:
        p = np.zeros(len(model.names))
        p[[model.index[n] for n in ("Garnet Red", "Spinel", "Synthetic Spinel (Verneuil)")]] = garnet, spinel, grown
        return p

    # a garnet photo against spinel readings: the doubt is garnet or spinel, not which spinel
    assert model.species_total("Spinel", post(0.43, 0.49, 0.08), settled=0.5) is None
    assert model.species_total("Spinel", post(0.2, 0.45, 0.35), settled=0.5) == ("spinel", 0.8)


def test_a_term_asked_with_a_gem_photo_is_explained_above_the_answer_and_is_no_reading(assistant):
    from conftest import red_stone_photo

    chat = assistant.conversation()
    answer = chat.ask("what is pleochroism?", [red_stone_photo()])
    assert answer.reply.startswith("**Pleochroism**: ") and answer.gem is not None and not chat.hints


def test_a_photo_without_colour_asks_for_it_until_it_is_told(assistant):
    from conftest import red_stone_photo

    chat = assistant.conversation()
    grey = red_stone_photo().convert("L").convert("RGB")
    assert any("shows no colour at all" in n for n in chat.ask("what is it?", [grey]).notes)
    assert not any("shows no colour at all" in n for n in chat.ask("it's red").notes)


def test_a_photo_without_colour_is_weighed_as_less_sure_and_never_called_an_unknown_stone(assistant, monkeypatch):
    from conftest import red_stone_photo

    from gemlang.scope import NOT_A_GEM_PHOTO, UNKNOWN_MINERAL, ScopeVerdict, seen_without_colour

    probs = np.array([0.9, 0.08, 0.02])
    tempered, verdict = seen_without_colour(probs, ScopeVerdict(UNKNOWN_MINERAL, gem_distance=3.0, closest=["Ruby"]))
    assert tempered.argsort().tolist() == probs.argsort().tolist() and 0.34 < tempered[0] < 0.9
    assert np.isclose(tempered.sum(), 1.0) and not verdict.flagged  # the check cannot judge a grey photo
    # and says so, not that the model has no check; the distances kept
    assert verdict.kind == "unchecked_colourless" and verdict.to_dict()["gem_distance"] == 3.0
    assert seen_without_colour(probs, ScopeVerdict(NOT_A_GEM_PHOTO))[1].kind == NOT_A_GEM_PHOTO  # a portrait
    grey = red_stone_photo().convert("L").convert("RGB")
    sure = np.eye(len(assistant.classifier.classes))[0] * 0.9 + 0.1 / len(assistant.classifier.classes)
    monkeypatch.setattr(assistant, "look", lambda images: (sure, ScopeVerdict(UNKNOWN_MINERAL, closest=["Ruby"])))
    answer = assistant.conversation().ask("what is it?", [grey])
    assert not answer.out_of_scope.flagged and answer.candidates[0][1] < 0.9  # ranked, less sure than it looked


def test_a_gem_asked_about_that_the_evidence_all_but_rules_out_is_answered_probably_not():
    from gemlang.fusion import EvidenceModel

    chat = Assistant(None, evidence=EvidenceModel(["Goshenite", "Diamond"])).conversation()
    chat.image_probs = np.array([0.99, 0.01])
    assert chat.ask("is this a diamond? my bf gave it to me").reply.startswith("**Probably not**: Diamond: ")
    chat.image_probs = np.array([0.5, 0.5])
    assert chat.ask("is it a diamond?").reply.startswith("Diamond: ")


def test_is_it_chalcedony_of_a_kind_of_chalcedony_is_answered_yes_not_probably_not():
    from gemlang.fusion import EvidenceModel

    for classes, question in ((["Blue Lace Agate", "Azurite"], "is it agate?"), (["Carnelian", "Ruby"], "chalcedony?")):
        chat = Assistant(None, evidence=EvidenceModel(classes)).conversation()
        chat.image_probs = np.array([0.99, 0.01])
        reply = chat.ask(question).reply
        assert reply.startswith(f"{classes[0]} is chalcedony, a form of quartz:") and "Probably not" not in reply


def test_a_bare_onyx_counts_every_onyx_and_black_onyx_only_the_black():
    from gemlang.fusion import EvidenceModel

    chat = Assistant(None, evidence=EvidenceModel(["Onyx Red", "Azurite"])).conversation()
    chat.image_probs = np.array([0.99, 0.01])
    assert chat.ask("is this onyx?").reply.startswith("Onyx Red is onyx, a form of quartz: ")
    assert chat.ask("is this black onyx?").reply.startswith("**Probably not**: Onyx Black")


@pytest.mark.parametrize(
    "classes, question, says",
    [(["Tourmaline", "Spinel"], "schorl right?", "Schorl is one kind of Tourmaline, which leads at "),
     (["Garnet Red", "Spinel"], "bohemian garnets maybe? pyrope?", "Garnet Red leads at "),
     (["Garnet Red", "Spinel"], "is it almandine?", "Garnet Red leads at ")],
)  # fmt: skip
def test_a_gem_the_leading_class_holds_or_may_be_is_not_answered_probably_not(classes, question, says):
    from gemlang.fusion import EvidenceModel

    chat = Assistant(None, evidence=EvidenceModel(classes)).conversation()
    chat.image_probs = np.array([0.99, 0.01])
    reply = chat.ask(question).reply
    assert reply.startswith(says) and "Probably not" not in reply, reply


def test_a_black_or_heavier_tourmaline_fits_tourmaline():
    from gemlang.fusion import EvidenceModel

    chat = Assistant(None, evidence=EvidenceModel(["Tourmaline", "Spinel"])).conversation()
    chat.image_probs = np.array([0.99, 0.01])
    black = chat.ask("it's a black crystal, what is it?").to_markdown()
    assert black.startswith("**Tourmaline** (") and "black is not a usual colour" not in black
    ask = Assistant(classifier=None).conversation().ask
    assert ask("what is the specific gravity of tourmaline?").reply == "**Tourmaline**: specific gravity 3.00–3.26."
    heavier = ask("SG 3.18, RI 1.61-1.64, uniaxial negative, yellow").to_markdown()
    assert "rules out Tourmaline" not in heavier and "**Tourmaline (Dravite)** at " in heavier


def test_is_it_real_after_a_failed_tooth_test_is_probably_not_when_unsure():
    from gemlang.fusion import EvidenceModel

    chat = Assistant(None, evidence=EvidenceModel(["Pearl", "Opal"])).conversation()
    chat.image_probs = np.array([0.99, 0.01])  # the photo says pearl
    chat.ask("it feels smooth on my teeth")
    reply = chat.ask("is it real?").reply
    assert reply.startswith("Probably not: the evidence leans to "), reply


@pytest.mark.parametrize(
    "text",
    ["is my ruby real?", "I bought a ruby in Thailand for 20 dollars, is it real?",
     "my ruby cost only 20 dollars, is it real?"],  # not a valuation: whether it is ruby
)  # fmt: skip
def test_is_it_real_of_a_gem_named_says_what_else_is_sold_as_it(text):
    reply = Assistant(classifier=None).conversation().ask(text).reply
    assert reply.startswith("**Ruby?** Nothing you have told me shows whether it is")
    assert "Sold as ruby and not ruby: lab-grown ruby, red spinel, red garnet" in reply


@pytest.mark.parametrize(
    "text",
    ["is this a Kashmir sapphire?", "I was told this is a Sri Lankan sapphire, is that true?",
     "the dealer says it's a Kashmir sapphire, is he right?", "a Ceylon sapphire, can you confirm?"],
)  # fmt: skip
def test_an_origin_claimed_with_no_photo_is_for_a_laboratory_to_decide(text):
    reply = Assistant(classifier=None).conversation().ask(text).reply
    assert reply.startswith("**Sapphire**: Sapphire is known from") and "a gem laboratory decides origin" in reply
    general = Assistant(classifier=None).conversation().ask("What is Kashmir sapphire?").reply
    assert "laboratory" not in general  # a question about the gem, no stone's origin


@pytest.mark.parametrize(
    ("text", "lead"),
    [("is 'Ceylon sapphire' a quality grade?", "**Sapphire**: Sapphire is known from Ceylon (Sri Lanka)"),
     ("what is 'Siam ruby'?", "**Ruby**: Ruby is known from SIAM (Thailand)"),
     ("does 'Burma ruby' mean it is from Burma?", "**Ruby**: Ruby is known from Burma (Myanmar)"),
     ("is 'Kashmir blue' a place of origin?", "**Kashmir** is in India, and by country my sources list these blue"),
     ("What is 'Kashmir' sapphire?", "**Sapphire**: Sapphire is known from Kashmir (India, Pakistan)"),  # was the card:
     ('what is a "Ceylon" sapphire?', "**Sapphire**: Sapphire is known from Ceylon (Sri Lanka)"),  # the place quoted
     ("what does 'Ceylon' mean for sapphire?", "**Sapphire**: Sapphire is known from Ceylon (Sri Lanka)"),  # its
     ("what does Burma mean on a ruby listing?", "**Ruby**: Ruby is known from Burma (Myanmar)")],  # meaning asked
)  # fmt: skip
def test_a_place_in_a_gems_name_asked_as_a_name_says_where_it_points_and_what_the_trade_means_by_it(text, lead):
    # was the gem's localities and its card ("Kashmir blue": "A colour alone (blue) fits too many gems"), or the
    # photo's ranking after one, with never a word that such names also mean a colour or a quality
    for chat in (Assistant(classifier=None).conversation(), stone_answered("Ruby", "Spinel")):
        answer = chat.ask(text)
        assert answer.reply.startswith(lead), answer.reply
        assert "**Origin name**: A place in a gem's name" in answer.reply and "it is no quality grade" in answer.reply
        assert "Only a gem laboratory's origin report settles where a stone was mined" in answer.reply
        assert any(n.startswith("source (origin name): JCK") for n in answer.notes)
        assert not any("is left out" in n for n in answer.notes)  # the name asked about is no claim of a stone


def test_an_origin_claimed_of_the_stone_in_hand_is_for_a_laboratory_to_decide():
    chat = stone_answered("Sapphire Blue", "Kyanite")
    reply = chat.ask("is this a Kashmir sapphire?").reply  # sapphire blue is sapphire: the stone in hand
    assert reply.startswith("Where a stone was mined shows neither in a photo") and "Kashmir is among" in reply
    chat = stone_answered("Ruby", "Spinel")
    answer = chat.ask("I was told it's a Burmese ruby, is that true?")
    assert "a gem laboratory decides origin" in answer.reply
    assert not answer.hints_used and any("for a laboratory to confirm" in n for n in answer.notes)  # told, not found
    seller = stone_answered("Sapphire Blue", "Onyx Black")
    assert not seller.ask("the guy said sri lanka sapphire").hints_used  # a claim weighs nothing


@pytest.mark.parametrize(
    ("classes", "text", "place"),
    [
        (("Emerald", "Peridot"), "it's definitely Colombian right?", "Colombia"),
        (("Emerald", "Peridot"), "from Colombia, isn't it?", "Colombia"),
        (("Sapphire Blue", "Kyanite"), "the seller said its kashmir sapphire, is it?", "Kashmir"),
        (("Ruby", "Spinel"), "Burmese, correct?", "Myanmar"),
    ],
)
def test_a_place_asked_to_be_confirmed_is_answered_as_a_question_and_not_taken_as_evidence(classes, text, place):
    answer = stone_answered(*classes).ask(text)
    assert (
        answer.reply.startswith("Where a stone was mined shows neither in a photo")
        and f"{place} is among" in answer.reply
    )
    assert "so I did not use it" in answer.reply and not answer.hints_used
    assert parse_hints("it's Colombian").countries == ("Colombia",)  # said, not asked: where it was mined


@pytest.mark.parametrize("text", ["ruby? client says it's Burmese", "ruby, client says Burma"])
def test_an_origin_someone_claims_beside_a_gem_asked_is_said_to_be_a_laboratorys_to_decide(text):
    answer = Assistant(classifier=None).conversation().ask(text)  # was the ruby answer alone, the claim in a note
    assert answer.reply.startswith("**Ruby**")
    assert "a gem laboratory decides origin, from its inclusions" in answer.reply
    assert "Ruby is red corundum" in answer.to_markdown()  # the ruby answer kept
    assert any(n.startswith("source (origin):") and "gia.edu" in n for n in answer.notes)


def test_a_place_someone_claims_is_no_evidence_but_a_report_is():
    assert not parse_hints("the owner says it's unheated Ceylon").countries
    assert not parse_hints("she said it was a burma ruby").countries
    assert parse_hints("he said it was mined in Brazil but it is from Colombia").countries == ("Colombia",)
    assert parse_hints("the GIA report says Sri Lanka").countries == ("Sri Lanka",)
    assert not parse_hints("$900 for this natural unheated Burma ruby").countries  # the price asked: an offer
    assert "someone says" in parse_hints("the seller said Thailand, RI 1.76").notes[0]  # no "and" in Thail-and


@pytest.mark.parametrize(
    ("text", "gem"),
    [("is diamond natural or lab-grown? how do I tell", "Diamond"),  # the question after the choice
     ("natural or lab-grown sapphire, how to tell?", "Sapphire"),
     ("how do I tell natural from synthetic spinel?", "Spinel")],  # the natural gem, not the synthetic's card
)  # fmt: skip
def test_how_to_tell_natural_from_lab_grown_in_other_word_orders(text, gem):
    reply = Assistant(classifier=None).conversation().ask(text).reply
    assert reply.startswith(f"**{gem}**:") and "magnification can (" in reply


@pytest.mark.parametrize(
    ("text", "gem"),
    [("how can you tell a synthetic ruby from a natural one?", "Ruby"),
     ("how do you tell a lab-grown emerald from a natural one?", "Emerald"),
     ("how would I tell a lab created sapphire from a real one?", "Sapphire")],
)  # fmt: skip
def test_a_lab_grown_stone_told_from_a_natural_one_is_of_that_gem_not_the_gem_discussed_before(text, gem):
    chat = Assistant(classifier=None).conversation()
    chat.ask("tell me about beryl")  # was "**Synthetic Ruby (Verneuil) or Beryl?**": "a natural one" taken as beryl
    reply = chat.ask(text).reply
    assert reply.startswith(f"**{gem}**:") and "magnification can (" in reply, reply


@pytest.mark.parametrize(
    ("text", "gem", "twin"),
    [("how do I tell natural blue sapphire from lab-grown corundum?", "Blue Sapphire", "Flux-Grown Sapphire"),
     ("your readings cannot tell natural Blue Sapphire from lab-grown corundum", "Blue Sapphire", "Czochralski"),
     ("how do I tell natural amethyst from synthetic?", "Amethyst", "Hydrothermal Quartz"),
     ("can you tell natural emerald from lab-grown emerald?", "Emerald", "Flux-Grown Emerald")],
)  # fmt: skip
def test_natural_said_against_lab_grown_names_the_lab_grown_twins_not_an_imitation_listed_as_natural(text, gem, twin):
    # "Blue spinel (natural and synthetic)", one of blue sapphire's imitations, is not what "natural" asks of
    reply = Assistant(classifier=None).conversation().ask(text).to_markdown()  # the name gemmologists use
    assert reply.startswith(f"**{gem}**:") and "magnification can (" in reply and twin in reply
    assert "spinel" not in reply.lower() and "no facts of" not in reply


def test_the_caution_on_a_photo_says_what_magnification_shows_in_lab_grown_twins():
    chat = stone_answered("Ruby", "Spinel")
    said = chat.ask("how do I know if it's natural or lab grown?").reply  # the caution, said as the reply
    assert "magnification (Flux-Grown Ruby: flux remnants;" in said and "Synthetic Ruby (Verneuil): curved" in said


def test_a_bubble_in_an_emerald_with_emeralds_constants_may_be_one_of_its_three_phase_inclusions():
    answer = (
        Assistant(classifier=None)
        .conversation()
        .ask("green stone RI 1.577 - 1.583 SG 2.71 hardness 7.5, it has a small bubble I can see with a loupe")
    )
    assert "Emerald" in answer.candidates[0][0]  # the beryl line leads, not the assembled stone
    assert "likely Soudé" not in answer.caution and "junction plane" in answer.caution  # what would confirm it


def test_a_natural_gem_named_as_lab_grown_when_none_is_known_is_no_comparison_with_that_gem():
    answer = Assistant(classifier=None).conversation().ask("how can I tell tanzanite from synthetic forsterite?")
    assert answer.reply == "**Tanzanite or synthetic forsterite?**"  # was Tanzanite or Peridot (forsterite)
    assert "synthetic forsterite among tanzanite's imitations" in answer.tell_apart
    ruby = Assistant(classifier=None).conversation().ask("how do I tell ruby from synthetic ruby")
    assert ruby.reply == "**Ruby or Synthetic Ruby (Verneuil)?**"  # a lab-grown ruby is known


def test_why_names_no_gem_ruled_out_that_neither_the_photo_nor_the_readings_gave_a_share():
    chat = Assistant(None, evidence=EvidenceModel(["Topaz", "Quartz", "Rhodonite"])).conversation()
    chat.image_probs = np.array([0.995, 0.004, 0.001])
    chat.ask("what gem is this?")
    assert chat.ask("RI 1.61-1.62, SG 3.53, biaxial +").reasons == []  # was "rules out Rhodonite", a 0% third


@pytest.mark.parametrize(
    "classes, question, says",
    [(["Citrine", "Amethyst"], "is citrine always heated amethyst? seller says 'natural citrine'",
      "My facts on citrine: most on the market is amethyst or smoky quartz turned yellow to orange by heating"),
     (["Onyx Black", "Obsidian"], "is onyx always dyed? this seems too black", "most 'black onyx' is grey agate dyed")],
)  # fmt: skip
def test_always_treated_asked_with_the_stone_in_hand_gets_what_the_gems_facts_say_in_general(classes, question, says):
    from gemlang.fusion import EvidenceModel

    chat = Assistant(None, evidence=EvidenceModel(classes)).conversation()
    chat.image_probs = np.array([0.99, 0.01])
    chat.ask("what is it?")
    reply = chat.ask(question).reply
    assert says in reply and "Whether this stone was treated" not in reply, reply
    assert chat.ask("is it dyed?" if "dyed" in question else "is it heated?").reply.startswith("Whether this stone")


def test_a_choice_of_places_asked_without_its_question_mark_is_answered_and_not_taken_as_told():
    chat = Assistant(classifier=None).conversation()
    chat.ask("purple, RI 1.544-1.553, SG 2.65")
    answer = chat.ask("brazil or uruguay, can you tell from the photo")
    assert "A place asked about is no evidence of where the stone was mined" in answer.reply, answer.reply
    assert not any("found in" in h for h in answer.hints_used)


def test_is_it_heated_amethyst_of_a_citrine_asks_whether_the_stone_in_hand_was_made_so():
    reply = stone_answered("Citrine", "Amethyst").ask("is it heated amethyst?").reply
    assert reply.startswith("Whether this stone was treated shows neither in a photo") and "from amethyst" in reply
    assert "Probably not" not in reply  # not the odds that the citrine is an amethyst


def test_what_about_a_triplet_after_a_doublet_asks_the_same_of_the_triplet():
    chat = stone_answered("Opal", "Gilson Opal")
    assert chat.ask("is it a doublet?").reply.startswith("**Probably not**: the photo fits Opal best")
    assert chat.ask("what about a triplet?").reply.startswith("**Probably not**: the photo fits Opal best")


@pytest.mark.parametrize(
    ("text", "reply"),
    [("is it topaz or citrine?", "**Topaz or Citrine?**"), ("is it ruby or spinel?", "**Ruby or Spinel?**"),
     ("jade or plastic", "**Jade or Plastic?**"), ("synthetic ruby or ruby?", "**Synthetic Ruby (Verneuil) or Ruby?**"),
     ("tanzanite or synthetic forsterite", "**Tanzanite or synthetic forsterite?**"),
     # the choice asked after what was said of the stone: was the last gem's card
     ("the jeweller said real. is it a real diamond or moissanite?", "**Diamond or Moissanite?**"),
     ("I bought it in Bangkok. ruby or spinel?", "**Ruby or Spinel?**")],
)  # fmt: skip
def test_a_choice_between_two_gems_with_no_stone_in_hand_is_how_to_tell_them_apart(text, reply):
    answer = Assistant(classifier=None).conversation().ask(text)
    assert answer.reply == reply and answer.tell_apart  # was one gem's card
    assert not Assistant(classifier=None).conversation().ask("is it from Brazil or Colombia?").tell_apart


def test_are_they_real_of_pearls_named_asks_whether_they_are_pearls():
    reply = Assistant(classifier=None).conversation().ask("my grandmother's pearl necklace, are they real?").reply
    assert reply.startswith("**Pearl?** Nothing you have told me shows whether it is") and "Sold as pearl" in reply


def test_are_they_real_of_two_stones_named_answers_for_each():
    reply = Assistant(classifier=None).conversation().ask("I bought a ruby and a sapphire, are they real?").reply
    assert reply.startswith("**Ruby and Sapphire?** Nothing you have told me shows whether they are")
    assert "Sold as ruby and not ruby" in reply and "Sold as sapphire and not sapphire" in reply  # not "which it is"


@pytest.mark.parametrize(
    ("text", "verdict", "said"),
    [
        ("which shows two colours, iolite or garnet?", "Iolite shows two colours; Garnet does not.", "**Iolite**: ple"),
        ("iolite or garnet, which shows two colours?", "Iolite shows two colours; Garnet does not.", "**Garnet**: ple"),
        (
            "which is doubly refractive, garnet or peridot?",
            "Peridot is doubly refractive; Garnet is not.",
            "**Garnet**",
        ),
        ("which one is isotropic, garnet, spinel or peridot?", "Garnet and Spinel are isotropic; Peridot is not.", ""),
        ("which is birefringent, diamond or zircon?", "Zircon is birefringent; Diamond is not.", "**Zircon**: bire"),
        ("which is uniaxial, quartz or topaz?", "Quartz is uniaxial; Topaz is not.", "**Topaz**: optic character"),
        ("which is pleochroic, ruby or sapphire?", "Both are pleochroic.", "**Ruby**: pleochroism strong"),
        ("which is singly refractive, ruby or peridot?", "Neither is singly refractive.", "**Peridot**: optic"),
        ("which is isotropic, garnet, spinel or diamond?", "All three are isotropic.", "**Diamond**: optic"),
        ("which is uniaxial, topaz, garnet or peridot?", "None of them is uniaxial.", "**Garnet**: optic"),
        ("which shows three colours, iolite or tourmaline?", "Iolite shows three colours; Tourmaline does not.", ""),
    ],
)
def test_which_of_gems_shows_an_optical_property_opens_with_the_verdict_then_gives_each_ones(text, verdict, said):
    said_of = Assistant(classifier=None).conversation().ask(text)  # was each one's with no verdict, or "do not say"
    reply = said_of.reply
    assert reply.startswith(f"{verdict} **") and said in reply and "do not say" not in reply  # not "**Iolite.** **Iol"
    assert reply.count("**") == 2 * (len(said_of.properties[0]) - 1) and "coloured by" not in reply  # each gem's
    assert ("three" in text) == any("britannica.com" in n for n in said_of.notes)  # a uniaxial gem: two at most


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        ("which is pleochroic, jade or garnet?", "**Jade**: pleochroism none in jadeite jade, weak in nephrite"),
        ("which is more birefringent, calcite or peridot?", "Calcite is higher in birefringence than Peridot. **Cal"),
    ],
)
def test_a_choice_of_gems_by_a_quality_of_some_stones_or_by_its_degree_gives_no_verdict_of_having_it(text, lead):
    assert Assistant(classifier=None).conversation().ask(text).reply.startswith(lead)  # not "Both are pleochroic."


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        ("does iolite show three colours?", "**Yes.** **Iolite**: pleochroism very strong trichroism"),
        ("is tourmaline pleochroic?", "**Yes.** **Tourmaline**: pleochroism strong"),
        ("does garnet show two colours?", "**No.** **Garnet**: pleochroism none (isotropic)"),
        ("does tourmaline show three colours?", "**Two, not three.** A uniaxial gem is dichroic"),
        ("is jade pleochroic?", "**Only some stones.** **Jade**: pleochroism none in jadeite jade, weak in nephrite"),
    ],
)
def test_whether_a_gem_is_pleochroic_is_answered_yes_or_no_from_its_pleochroism(text, lead):
    said = Assistant(classifier=None).conversation().ask(text)  # was its card, or its pleochroism with no verdict
    assert said.reply.startswith(lead) and said.properties[0][1:] == (said.reply.split("**")[3],)
    assert ("Two, not three" in said.reply) == any("britannica.com" in n for n in said.notes)


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        ("is peridot uniaxial?", "**No.** **Peridot**: optic character biaxial"),
        ("is garnet singly refractive?", "**Yes.** **Garnet**: optic character isotropic"),
        ("is spinel doubly refractive?", "**No.** **Spinel**: optic character isotropic"),
        ("is quartz uniaxial negative?", "**No.** **Quartz**: optic character uniaxial positive"),
        ("is peridot biaxial positive?", "**Peridot**: optic character biaxial positive or negative"),  # either sign
        ("is jade doubly refractive?", "**Jade**: optic character aggregate"),  # an aggregate: no verdict
    ],
)
def test_whether_a_gem_is_uniaxial_or_singly_refractive_is_answered_yes_or_no_from_its_optic_character(text, lead):
    assert Assistant(classifier=None).conversation().ask(text).reply.startswith(lead)  # was no verdict


@pytest.mark.parametrize(
    "text", ["which changes colour, alexandrite or ruby?", "alexandrite or ruby, which has a colour change?"]
)
def test_which_of_gems_changes_colour_says_each_ones_colour_change_not_a_stone_ranked(text):
    said = Assistant(classifier=None).conversation().ask(text)  # was a stone ranked on "a colour change"
    assert not said.candidates and said.reply.startswith("**Alexandrite**: Its colour change, 'emerald by day")
    assert "\n\n**Ruby**: not that I know of: my facts for ruby name no colour change" in said.reply
    assert said.properties[0] == ("Property", "Alexandrite", "Ruby")


def test_later_review_regressions_stay_fixed():
    def ask(*turns):
        chat = Assistant(classifier=None).conversation()
        return [chat.ask(t) for t in turns][-1]

    assert ask("a red stone with RI 1.76 and SG 4.0").candidates  # a stone's readings, not a list of gems
    assert "RI 1.762–1.765" in ask("RI 1.762-1.770", "the upper edge was 1.765").hints_used  # the edge named
    assert ask("which fluoresces, ruby or garnet?").reply.startswith("**Ruby**: fluorescence")  # asked, not seen
    assert ask("which glows red, ruby or spinel?").reply.startswith("**Ruby**: fluorescence")  # not spinel's card
    assert ask("ruby vs spinel", "which glows?").reply.startswith("**Ruby**: fluorescence")  # the two compared
    assert ask("my grandmother's pearls, are they real?").reply.startswith("**Pearl?**")
    assert ask("a ruby and a sapphire, are they real or fake?").reply.startswith("**Ruby and Sapphire?**")
    opal = stone_answered("Opal", "Gilson Opal")
    assert opal.ask("what about a triplet?").reply.startswith("**Probably not**: the photo fits Opal best")


def test_a_tiny_stone_in_a_large_plain_frame_is_small_in_the_frame_not_a_very_small_photo(assistant):
    from conftest import red_stone_photo
    from PIL import Image

    framed = Image.new("RGB", (800, 800), (255, 255, 255))
    framed.paste(red_stone_photo().resize((60, 50)), (370, 375))
    notes = assistant.conversation().ask("what is it?", framed).notes
    assert any("cropped to the stone" in n for n in notes) and not any("very small" in n for n in notes)


def test_an_emerald_cut_is_a_cut_of_any_stone_not_the_gem():
    chat = Assistant(classifier=None).conversation()
    assert not chat.ask("is it emerald cut or oval?").reply.startswith("**Emerald")
    reply = Assistant(classifier=None).conversation().ask("emerald cut diamond, is it real?").reply
    assert reply.startswith("**Diamond?** Nothing you have told me shows whether it is")  # not "Emerald or Diamond?"


def test_appraisers_questions_get_no_price_refusal_and_disclosure_questions_the_rule():
    chat = Assistant(classifier=None).conversation()
    assert not chat.ask("I'm appraising a ring for insurance, RI 1.762-1.770").reply.startswith("I do not price")
    assert chat.ask("Does glass filling need to be disclosed on the valuation?").reply.startswith(
        "**Glass filling must be disclosed**"
    )
    assert chat.ask("so how should I describe it on the valuation document?").reply.startswith("**What it may be")
    assert chat.ask("can you appraise it?").reply.startswith("I do not price stones")


@pytest.mark.parametrize(
    "text",
    ["cool thx", "ok ty", "thanks man", "gracias!", "thank you, very helpful", "Thanks, that's really helpful!",
     "this is great, thank you", "you've been very helpful"],
)  # fmt: skip
def test_thanks_in_other_words_is_thanks(text):
    chat = Assistant(classifier=None).conversation()
    chat.ask("RI 1.762-1.770, SG 4.00")
    assert chat.ask(text).reply.endswith("Send another photo or a reading whenever you like.")


def test_another_stone_of_the_piece_is_a_new_stone_and_same_readings_carry_over():
    chat = Assistant(classifier=None).conversation()
    chat.ask("dark red, RI 1.79, SR, SG 4.05")
    small = chat.ask("one of the small stones reads 1.74 SR SG 3.78 instead")
    assert small.hints_used == ["RI 1.740", "SG 3.78", "singly refractive"]  # not the centre stone's RI
    assert "stone 1: Garnet (Almandine)" in chat.ask("what's the first stone again?").reply
    brooch = Assistant(classifier=None).conversation()
    brooch.ask("the first stone is RI 1.544-1.553, SG 2.65, purple")
    second = brooch.ask("the second stone in the brooch is yellow with the same readings")
    assert "yellow colour" in second.hints_used and "SG 2.65" in second.hints_used and second.candidates
    assert not brooch.ask("next stone, a yellow one").reply.startswith("Starting over")  # its colour kept


def test_a_reading_that_fits_neither_of_two_gems_leans_to_neither():
    chat = Assistant(classifier=None).conversation()
    chat.ask("RI 2.15 SR SG 5.8")
    assert "leans to" not in chat.ask("could it be YAG or GGG?").reply  # 2.15 is beyond both


@pytest.mark.parametrize(
    ("claim", "reply"),
    [("Peridot is uniaxial, right?", "**No.** Peridot is not uniaxial: its optical character is biaxial"),
     ("and diamond has SG 3.25?", "**No.** Diamond's specific gravity is 3.52, so SG 3.25 does not fit."),
     ("ok so ruby is cubic, right?", "**No.** Ruby is not cubic: its crystal system is trigonal."),
     ("quartz is uniaxial positive, isn't it?", "**Yes.** Quartz is uniaxial"),
     ("is it true that emerald has RI 1.57-1.58?", "**Yes.** Emerald's refractive index is 1.565–1.599."),
     ("amber floats in salt water, right?", "**Yes.** Amber's specific gravity is 1.05–1.09."),  # below 1.13
     ("amber sinks in salt water, right?", "**No.** Amber's specific gravity is 1.05–1.09, so SG above 1.13"),
     ("lapis lazuli leaves a white streak, right?", "**No.** Lapis Lazuli's streak is light blue (on unglazed"),
     ("pyrite is glassy, right?", "**No.** Pyrite's lustre is metallic."),
     ("diamond has an adamantine lustre, right?", "**Yes.** Diamond's lustre is adamantine.")],
)  # fmt: skip
def test_a_claim_about_a_gem_asked_to_be_confirmed_is_checked_not_read_as_a_stone(claim, reply):
    chat = Assistant(classifier=None).conversation()
    assert chat.ask(claim).reply.startswith(reply) and not chat.hints  # no reading of a stone
    assert not chat.ask("my stone is uniaxial, right?").reply.startswith("**")  # the user's stone: a reading


def test_the_value_asked_after_a_gem_was_talked_about_is_that_gems_not_the_glossarys_definition():
    chat = Assistant(classifier=None).conversation()
    chat.ask("what is pyrite?")
    assert chat.ask("what's the streak?").reply == "**Pyrite**: streak greenish black (on unglazed porcelain)."
    assert chat.ask("what is the lustre?").reply == "**Pyrite**: lustre metallic."
    assert Assistant(classifier=None).conversation().ask("what is the lustre?").reply.startswith("**Lustre**: ")


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("what colour is the streak of hematite?", "**Hematite**: streak reddish brown (on unglazed porcelain)."),
        ("which colour streak does pyrite leave?", "**Pyrite**: streak greenish black (on unglazed porcelain)."),
    ],
)
def test_the_colour_of_a_gems_streak_is_its_streak_not_the_colours_it_comes_in(text, said):
    assert Assistant(classifier=None).conversation().ask(text).reply == said  # was "Hematite comes in …" or its card
    unknown = Assistant(classifier=None).conversation().ask("what colour is the streak of peridot?").reply
    assert unknown.startswith("**Peridot**: streak not on record here. A streak is the colour of a mineral's powder")


def test_a_gem_harder_than_the_plate_scratches_it_whatever_its_powder_and_a_softer_one_without_a_record_is_unknown():
    chat = Assistant(classifier=None).conversation()
    chat.ask("what is sapphire?")  # the gem on the table, as a photo's answer puts it
    reply = chat.ask("what's the streak?").reply
    assert reply.startswith("**Sapphire**: streak white (the colour of its powder), though at Mohs 9 it is at least")
    assert "scratches the plate and leaves no streak" in reply  # as ruby's: one species, one answer
    assert chat.ask("what is the streak of ruby?").reply == reply.replace("Sapphire", "Ruby")
    assert chat.ask("what is the streak of diamond?").reply.startswith("**Diamond**: streak none: at Mohs 10 it is")
    assert chat.ask("what is the streak of opal?").reply == "**Opal**: streak white (on unglazed porcelain)."
    assert "not on record" in Assistant(classifier=None).conversation().ask("the streak of sunstone?").reply


def test_a_streak_between_two_gems_asked_is_said_with_their_streaks_and_a_streak_test_question_is_warned():
    chat = Assistant(classifier=None).conversation()
    reply = chat.ask("Lapis or sodalite? the streak is light blue").reply
    assert reply.startswith("Lapis Lazuli: ") and reply.endswith(
        "A light blue streak leans to Lapis Lazuli (light blue), not Sodalite (white), though not enough to settle it."
    )
    asked = Assistant(classifier=None).conversation().ask("should I do a streak test on my cut stone?")
    warned = " ".join(asked.notes) + asked.to_markdown()
    assert "it scratches the stone, so make it only on rough or an inconspicuous spot" in warned
    listed = Assistant(classifier=None).conversation().ask("which gems leave a light blue streak?").reply
    assert listed.startswith("**Natural gems whose facts name a light blue streak**") and "Lapis Lazuli" in listed


def test_streak_chemistry_and_questions_about_other_gems_are_answered_not_read():
    chat = Assistant(classifier=None).conversation()
    assert chat.ask("what colour streak should pyrite give?").reply == (
        "**Pyrite**: streak greenish black (on unglazed porcelain)."
    )
    assert chat.ask("peridot streak?").reply.startswith("**Peridot**: streak not on record here. A streak is")
    assert chat.ask("lapis lazuli streak?").reply == "**Lapis Lazuli**: streak light blue (on unglazed porcelain)."
    polymorphs = chat.ask("is kyanite the same chemistry as andalusite?").reply
    assert polymorphs.startswith("**Yes**: Kyanite and Andalusite are both Al2SiO5, in different crystal structures")
    assert chat.ask("is peridot the same composition as emerald?").reply.startswith("**No**: Peridot and Emerald")
    assert not parse_hints("and what does the doubling look like under a loupe?")  # a question, no doubling seen
    assert not parse_hints("hessonite shows a treacle-like 'heat wave' effect, right?").readings  # of hessonite
    assert parse_hints("it glows red, right?").readings.fluorescence == "red"  # of the stone in hand


@pytest.mark.parametrize(
    ("text", "said"),
    [("Is emerald the same mineral as aquamarine?", "**Yes**: Emerald and Aquamarine are both beryl"),  # was "**No**"
     ("Are ruby and sapphire the same mineral?", "**Yes**: Ruby and Sapphire are both corundum"),  # was a card
     ("are amethyst and citrine the same species?", "**Yes**: Amethyst and Citrine are both quartz"),
     ("is ruby the same mineral as spinel?", "**No**: Ruby and Spinel are different minerals: Ruby corundum")],
)  # fmt: skip
def test_two_gems_asked_to_be_one_mineral_are_answered_by_their_species(text, said):
    assert Assistant(classifier=None).conversation().ask(text).reply.startswith(said)
    assert Assistant(classifier=None).conversation().ask("is ruby the same as sapphire?").reply.startswith("**No**")


def test_bench_signs_of_stabilisation_laser_drilling_and_a_bead_nucleus_are_said():
    turquoise = Assistant(classifier=None).conversation()
    hot = turquoise.ask("turquoise cabochon, a hot point makes it smell of burning plastic")
    assert not (hot.caution or "").startswith("likely Plastic")  # a stabilised stone's polymer too
    assert "Turquoise" in dict(hot.candidates) and any("stabilised (plastic-impregnated)" in n for n in hot.notes)
    pearl = Assistant(classifier=None).conversation()
    pearl.ask("pearl necklace, the drill holes show a bead nucleus with a thin nacre layer, SG 2.72")
    assert "What you saw points to cultured" in pearl.ask("so is it natural or cultured?").reply
    diamond = Assistant(classifier=None).conversation()
    diamond.ask("RI over the limit, SG 3.52, singly refractive")
    assert any(n.startswith("a laser drill hole is") for n in diamond.ask("I see a laser drill hole").notes)


def test_the_sea_and_breaking_are_care_questions_and_a_close_up_is_the_same_stone():
    from gemlang.knowledge.care import care_question

    assert care_question("is it ok to wear in the sea?") and care_question("does it break easy")
    assert not care_question("found on a beach in Sri Lanka")  # no question asked
    from gemlang.assistant.questions import SAME_STONE

    assert SAME_STONE.search("close-up of the same specimen") and SAME_STONE.search("a close-up")
    assert not SAME_STONE.search("a close-up of another stone")


def test_which_is_harder_and_are_they_the_same_after_two_stones_ask_of_both_stones():
    chat = Assistant(classifier=None).conversation()
    chat.ask("RI 1.544-1.553, SG 2.65")
    chat.ask("next stone: RI 1.762-1.770, SG 4.00")
    assert chat.ask("which is harder?").reply.startswith("Corundum is harder than Quartz.")
    assert chat.ask("are they the same stone?").reply.startswith("**No**: Quartz and Corundum are different gems.")
    assert chat.ask("compare them").reply == "**Quartz or Corundum?**"
    assert chat.ask("which is worth more?").reply.startswith("I do not price stones")  # and no odds of either
    assert "%" not in chat.ask("which is worth more?").reply
    assert chat.ask("the second one again?").reply.startswith("So far: stone 1: Quartz")
    assert chat.ask("which test would settle it?").reply.startswith("No further test is needed")  # the stone in hand


def test_are_they_different_after_two_stones_is_answered_yes_and_the_same_gem_twice_is_no_proof_of_one_stone(
    assistant,
):
    chat = Assistant(classifier=None).conversation()
    chat.ask("RI 1.544-1.553, SG 2.65")
    chat.ask("next stone: RI 1.762-1.770, SG 4.00")
    assert chat.ask("are they different?").reply.startswith("**Yes**: Quartz and Corundum are different gems.")
    assert chat.ask("is it the same stone?").reply.startswith("**No**: Quartz and Corundum are different gems.")
    photos = assistant.conversation()
    first = photos.ask("what gem is this?", [red_stone_photo()]).gem
    assert photos.ask("and this one?", [red_stone_photo()]).gem == first  # sent again: taken as a new stone
    for asked in ("is it the same stone?", "are these the same kind?"):
        reply = photos.ask(asked).reply
        assert reply.startswith(f"Both were answered {first}: stone 1: {first} (") and "photos cannot tell" in reply
        assert "another photo of the same stone" in reply  # how to have them looked at as one stone


def test_are_they_the_same_stone_is_answered_of_a_second_stone_whose_gem_name_has_brackets():
    chat = Assistant(classifier=None).conversation()
    chat.ask("RI 1.762-1.770, SG 4.00")
    assert chat.ask("next stone: RI 1.50-1.70, SG 3.0, blue opaque, effervesces in acid").gem == (
        "Dyed Magnesite (Turquoise Simulant)"
    )
    same, different = chat.ask("are they the same stone?").reply, chat.ask("are they different?").reply
    assert same.startswith("**No**: Corundum and Dyed Magnesite (Turquoise Simulant) (dyed magnesite) are different")
    assert different.startswith("**Yes**: Corundum and Dyed Magnesite")


def test_are_they_the_same_stone_of_a_natural_and_a_lab_grown_stone_says_one_mineral_but_two_gems_as_asked():
    chat = Assistant(classifier=None).conversation()
    chat.ask("RI 1.762-1.770, SG 4.00, red")
    chat.ask("next stone: RI 1.762-1.770, SG 4.00, red, curved striae")  # answered Synthetic Ruby (Verneuil)
    same, different = chat.ask("are they the same stone?").reply, chat.ask("are they different?").reply
    assert same.startswith("**No, not as gems**: both are corundum") and different.startswith("**Yes, as gems**")
    assert "one is synthetic ruby (Verneuil), made in a laboratory, and the other natural ruby" in same
    assert "Synthetic Ruby" not in same and "laboratory-grown" in same  # the name in a sentence; how it is sold


@pytest.mark.parametrize("asked", ["what would make you more sure?", "what would it take to be certain?"])
def test_what_would_make_you_more_sure_is_answered_with_the_test_that_would_not_a_no(assistant, asked):
    chat = assistant.conversation()
    chat.ask("what gem is this?", [red_stone_photo()])
    reply = chat.ask(asked).reply
    assert reply.startswith(("Next: ", "A photo is no measurement: to confirm")), reply
    assert chat.ask("are you sure?").reply.startswith(("No, not for certain", "Not very"))  # still a yes or no


@pytest.mark.parametrize(
    "asked", ["how would I confirm?", "how can I be sure?", "how do I make sure?", "how to verify?",
              "is there a test to confirm it?"]
)  # fmt: skip
def test_how_would_i_confirm_leads_with_the_confirming_test_not_the_card_again(assistant, asked):
    readings = Assistant(classifier=None).conversation()
    readings.ask("green stone, RI 1.57-1.58, SG 2.72")
    answer = readings.ask(asked)  # was the whole card again, word for word
    assert answer.reply.startswith("Next: optic sign with a refractometer") and not answer.tell_apart
    chat = assistant.conversation()
    chat.ask("what gem is this?", [red_stone_photo()])
    reply = chat.ask(asked).reply  # was "My facts on … do not answer that."
    assert reply.startswith(("Next: ", "A photo is no measurement: to confirm")), reply
    care = readings.ask("how do I make sure it doesn't chip?").reply  # care, not a test
    assert not care.startswith("Next: ")


def test_a_way_to_verify_the_origin_is_answered_by_the_origin_alone_not_with_a_test_after_it():
    chat = Assistant(classifier=None).conversation()
    chat.ask("RI 1.762-1.770, SG 4.00, red")
    origin = chat.ask("is there a way to verify the origin?").reply  # was the origin, then "Possibly Flux-Grown …"
    assert origin.startswith("Where a stone was mined") and "To confirm" not in origin, origin


def test_a_photos_confirming_readings_name_the_runner_up_they_would_not_rule_out():
    from gemlang.assistant.stone_answers import follow_up

    evidence = EvidenceModel(["Emerald", "Flux-Grown Emerald"])
    answer = Answer("", candidates=[("Emerald", 0.92), ("Flux-Grown Emerald", 0.02)], used_photo=True)
    answer.tell_apart = "Flux-Grown Emerald's RI 1.560–1.563 and SG 2.65–2.66 lie just below Emerald's."
    reply = follow_up("how can I be sure?", answer, evidence)
    assert reply.startswith("A photo is no measurement: to confirm Emerald, take the refractive index (1.565")
    assert reply.endswith(" Flux-Grown Emerald's RI 1.560–1.563 and SG 2.65–2.66 lie just below Emerald's.")


@pytest.mark.parametrize("asked", ["can you see any inclusions?", "is it eye clean?", "does it have flaws?"])
def test_inclusions_asked_of_the_stone_in_hand_are_not_judged_from_a_photo_and_the_loupe_is_named(assistant, asked):
    chat = assistant.conversation()
    gem = chat.ask("what gem is this?", [red_stone_photo()]).gem
    answer = chat.ask(asked)
    assert answer.reply.startswith("I do not judge inclusions from a photo") and "10x loupe" in answer.reply
    assert f"Typical of {gem}: " in answer.reply or f"My facts on {gem} name no typical inclusion" in answer.reply
    assert not answer.description and any(n.startswith("source (loupe)") for n in answer.notes)
    readings = Assistant(classifier=None).conversation()
    readings.ask("RI 1.762-1.770, SG 4.00, red")
    reply = readings.ask(asked).reply
    assert reply.startswith("I have not seen the stone") and "Typical of Ruby: silk (rutile needles at 60°)" in reply


def test_which_one_is_which_of_two_stones_gets_the_summary_of_both():
    chat = Assistant(classifier=None).conversation()
    chat.ask("RI 1.74 SR, SG 3.78")
    chat.ask("next stone: RI 1.76 SR SG 3.84")
    reply = chat.ask("which one is pyrope and which is rhodolite?").reply
    assert (
        reply.startswith("So far: stone 1: Garnet (Pyrope)") and "stone 2, the one in hand: Garnet (Rhodolite)" in reply
    )


@pytest.mark.parametrize(
    "asked, said",
    [
        ("what does a Chelsea filter show on ruby?", "**Ruby**: Chelsea filter: bright red (chromium)."),
        ("what does ruby look like under the Chelsea filter?", "**Ruby**: Chelsea filter: bright red (chromium)."),
        ("is emerald red through the chelsea filter?", "**Emerald**: Chelsea filter: usually pink to red"),
        ("how does spinel react to the chelsea filter?", "My facts on Spinel do not say how it looks through the"),
        # of another gem than the one in hand, with a colour asked: the filter's reaction, not its body colour
        ("what colour is emerald under a chelsea filter?", "**Emerald**: Chelsea filter: usually pink to red"),
        ("what colour is spinel under the chelsea filter?", "My facts on Spinel do not say how it looks through the"),
        ("what colour does ruby show through the CCF?", "**Ruby**: Chelsea filter: bright red (chromium)."),
    ],
)
def test_a_chelsea_reaction_asked_of_a_gem_with_a_stone_in_hand_is_the_gems_not_its_odds(asked, said):
    chat = Assistant(classifier=None).conversation()
    chat.ask("RI 1.76-1.77, SG 4.0, red")
    answer = chat.ask(asked)
    assert answer.reply.startswith(said) and "rank" not in answer.reply
    assert "Chelsea filter" in answer.to_markdown()


def test_a_red_chelsea_reaction_counts_for_demantoid_not_against_it():
    answer = (
        Assistant(classifier=None)
        .conversation()
        .ask("green stone, RI over the limit, red under Chelsea filter, strong dispersion")
    )
    assert answer.gem == "Garnet (Demantoid)" and not answer.unsure
    assert not any("argues against" in n for n in answer.notes)


def test_readings_ending_in_a_gem_right_are_ranked_and_kept_not_fact_checked():
    chat = Assistant(classifier=None).conversation()
    answer = chat.ask("Got a red stone reading 1.718 SR, spinel right?")
    assert answer.candidates and answer.gem == "Spinel" and chat.hints.readings.ri is not None
    told = Assistant(classifier=None).conversation()
    told.ask("Reads SR with RI 1.718 and SG 3.60. Spinel is cubic, isn't it?")
    assert told.ask("what have I told you?").reply.startswith("For this stone I have: RI 1.718; SG 3.60")


@pytest.mark.parametrize(
    ("claim", "reply"),
    [("zircon is uniaxial negative, right?", "**No.** Zircon is not uniaxial negative"),  # the sign checked
     ("Tanzanite is dichroic, right?", "**No.** Tanzanite is not dichroic"),  # trichroic: biaxial
     ("ruby is hexagonal, right?", "**Partly.** Ruby is, loosely, hexagonal"),  # trigonal, hexagonal family
     ("iolite is not pleochroic, right?", "**No.** Iolite is pleochroic:")],  # not "not not pleochroic"
)  # fmt: skip
def test_claims_are_checked_to_the_sign_the_axes_and_the_crystal_family(claim, reply):
    assert Assistant(classifier=None).conversation().ask(claim).reply.startswith(reply)


@pytest.mark.parametrize(
    ("message", "centre", "side", "later", "called"),
    [
        ("ring, red centre stone RI 1.762-1.770 SG 4.00, two colourless side stones RI 2.42 SR", "RI 1.762–1.770",
         "Diamond", "and the side stones?", "The side stones"),
        ("pendant, 3 stones: middle one blue RI 1.762-1.770 SG 4.00, the two outer ones green RI 1.577-1.583",
         "blue colour", "Beryl", "the outer stones, what are they?", "The outer stones"),
        ("two accent diamonds over the limit, SR; the main stone reads RI 1.718 SR, red", "RI 1.718",
         "Diamond", "what about the accent diamonds?", "The accent diamonds"),
    ],
)  # fmt: skip
def test_a_pieces_centre_and_side_stones_in_one_message_are_ranked_apart(message, centre, side, later, called):
    chat = Assistant(classifier=None).conversation()
    answer = chat.ask(message)
    assert centre in answer.hints_used and len([h for h in answer.hints_used if h.startswith("RI ")]) == 1
    assert not any(h in answer.hints_used for h in ("colourless", "green colour", "blue and green colour"))
    assert not any("third decimal" in n or "far apart" in n for n in answer.notes)  # not one stone's readings
    assert answer.reply.startswith(f"**{called}** (") and side in answer.reply.split("apart from the centre stone: ")[1]
    again = chat.ask(later).reply
    assert again.startswith(f"**{called}** (") and again.endswith("The stone in hand is still the centre stone.")
    assert chat.ask("what have I told you?").reply.startswith("For this stone I have: ")
    assert centre in chat.ask("what have I told you?").reply


@pytest.mark.parametrize(
    "message",
    ["ring with a red centre stone RI 1.762-1.770 SG 4.00 and small white side stones that pass the diamond tester",
     "small white side stones that pass the diamond tester and a red centre stone RI 1.762-1.770 SG 4.00"],
)  # fmt: skip
def test_a_pieces_stones_joined_by_and_in_one_clause_keep_their_own_colour_and_tester(message):
    answer = Assistant(classifier=None).conversation().ask(message)
    assert answer.hints_used == ["red colour", "RI 1.762–1.770", "birefringence 0.008", "SG 4.00"]
    assert "(colourless; passes a thermal diamond tester), ranked on their own readings" in answer.reply
    assert "apart from the centre stone: **Diamond (" in answer.reply  # white stones: colourless diamonds
    assert answer.candidates[0][0].startswith("Corundum (Ruby")
    assert piece_parts("the centre stone and the side stones both read 1.76") is None  # said of both
    centre, side, _ = piece_parts("red centre stone with small diamonds around it, RI 1.762-1.770")
    assert "RI 1.762" in centre and side == "with small diamonds around it"  # back to the centre stone's clause


def test_side_stones_named_last_end_with_their_sentence_and_the_question_after_is_the_pieces():
    message = (
        "Ring: centre stone RI 1.762-1.770 SG 4.00 red, with 10 small colourless side stones passing diamond "
        "tester. How do I list these on the appraisal?"
    )
    centre, side, _ = piece_parts(message)
    assert side == "with 10 small colourless side stones passing diamond tester." and "How do I list" in centre
    reply = Assistant(classifier=None).conversation().ask(message).reply
    assert "(colourless; passes a thermal diamond tester), ranked on their own readings" in reply
    assert "apart from the centre stone: **Diamond (" in reply


def test_side_stones_named_beside_the_centre_stone_without_readings_are_left_out_of_its_evidence():
    answer = (
        Assistant(classifier=None).conversation().ask("ring, red centre stone RI 1.762-1.770, colourless side stones")
    )
    assert answer.hints_used[0] == "red colour" and any(
        n.startswith("what you said of the side stones") for n in answer.notes
    )


def test_the_stone_in_hand_stays_when_its_centre_stone_size_or_close_up_is_spoken_of(assistant):
    from conftest import red_stone_photo

    chat = assistant.conversation()
    first = chat.ask("what is it?", red_stone_photo())
    assert chat.ask("What is the centre stone?").candidates == first.candidates  # not "Starting over"
    assert (
        "RI 1.762–1.770" in chat.ask("the centre stone reads RI 1.762-1.770").hints_used
        and chat.image_probs is not None
    )
    assert chat.ask("It's a big stone, about 12 ct, SG 4.00").used_photo
    piece = Assistant(classifier=None).conversation()
    piece.ask("emerald bracelet, the side stones read RI 1.577-1.583, SG 2.72")
    centre = piece.ask("and the centre stone reads RI 1.565-1.570")
    assert "SG 2.72" not in centre.hints_used  # after a side stone, the centre stone is another
    other = Assistant(classifier=None).conversation()
    other.ask("RI 1.544-1.553, SG 2.65, purple")
    assert "SG 2.65" not in other.ask("Another stone, but not the same readings: RI 1.716 SR, red").hints_used
    from gemlang.assistant.questions import SAME_STONE

    assert not SAME_STONE.search("Here's a close-up of the second stone")
    assert not SAME_STONE.search("Close-up of stone 2") and not SAME_STONE.search("Close-up of the next one")


def test_review_regressions_of_places_spectra_valuations_and_signs_stay_fixed():
    assert parse_hints("I was told by GIA that it's from Kashmir, blue").countries  # a laboratory's word
    assert parse_hints("As I said I found it myself in Montana").countries == ("USA",)
    assert "chromium lines near 694 nm" in parse_hints("lines at 692,694 nm").readings.observations
    assert not parse_hints("RI 1,570-1,576").readings.observations  # its 576 is no wavelength
    chat = Assistant(classifier=None).conversation()
    chat.ask("RI 1.762-1.770, SG 4.00, red")
    assert chat.ask("Can you do a valuation of my ring?").reply.startswith("I do not price stones")
    assert not parse_hints("The sapphire came in a plastic gem box, sold as unheated").signs
    assert not parse_hints("Lapis bead, dye concentrated around the drill hole").signs[1:]  # the dye's only
    assert not parse_hints("Under the loupe: no laser drill holes visible").signs
    assert (
        "Andradite"
        in Assistant(classifier=None)
        .conversation()
        .ask("Which gems are harder than glass but softer than quartz?")
        .reply.split("**")[2]
    )  # both bounds: 5.5 to 7, not harder than quartz


def test_second_review_regressions_stay_fixed(assistant):
    from conftest import red_stone_photo

    from gemlang.assistant.questions import SAME_STONE

    cut = Assistant(classifier=None).conversation()
    cut.ask("Emerald cut stone, RI 1.762-1.770, SG 4.00, blue - sapphire, right?")  # a cut, not a claim of emerald
    assert cut.ask("what have I told you?").reply.startswith("For this stone I have: blue colour; RI 1.762–1.770")
    red = Assistant(classifier=None).conversation().ask("Peridot green stone, RI 1.654-1.690, olivine right?")
    assert red.gem == "Peridot" and red.candidates  # ranked, not "Yes. Peridot's refractive index is …"
    negated = Assistant(classifier=None).conversation().ask("ruby is not dichroic, right?").reply
    assert negated.startswith("**No.** Ruby is dichroic")
    small = assistant.conversation()
    small.ask("what is it?", red_stone_photo())
    assert small.ask("It's a small stone and it reads RI 1.762-1.770").used_photo  # its size, not another stone
    ring = assistant.conversation()
    first = ring.ask("what is it?", red_stone_photo())
    ring.ask("The side stones read over the limit, SG 3.52")
    back = ring.ask("What is the centre stone?")
    assert back.candidates == first.candidates and "back to the centre stone" in " ".join(back.notes)
    assert SAME_STONE.search("The other photo was blurry, here's a close-up")  # of the stone in hand
    assert not SAME_STONE.search("here's a close-up of the other stone")
    assert not parse_hints("I found it on eBay, the seller says it is from Ceylon").countries
    assert not parse_hints("No lab report, but the seller says it is from Burma").countries
    assert parse_hints("the GIA report says Sri Lanka").countries == ("Sri Lanka",)
    assert not parse_hints("No sign of laser drilling").signs


@pytest.mark.parametrize(
    ("claim", "reply"),
    [("Hey, spinel is singly refractive, right?", "**Yes.** Spinel is singly refractive"),
     ("I think garnet is singly refractive, right?", "**Yes.** Garnet is singly refractive"),
     ("CZ is cubic, right?", "**Yes.** Cubic Zirconia is cubic"),  # named by another name
     ("Which gems are softer than a knife and heavier than diamond?", "I list gems by one property at a time")],
)  # fmt: skip
def test_claims_after_a_greeting_or_by_another_name_and_mixed_lists_are_answered(claim, reply):
    assert Assistant(classifier=None).conversation().ask(claim).reply.startswith(reply)


@pytest.mark.parametrize(
    "question, gem, said",
    [
        ("how many carats is it?", "Ruby", "carat balance"),
        ("is it stolen?", "Emerald", "stolen-property register"),
        ("is this stone stolen?", "Emerald", "stolen-property register"),
        ("what's the clarity grade?", "Diamond", "graded loose under 10x"),
        ("is it H colour?", "Diamond", "graded loose under 10x"),  # was the card: a colour letter is a grade too
        ("is this one VVS?", "Diamond", "graded loose under 10x"),
        ("how old is this stone?", "Ruby", "formed long before it was cut"),
        ("type?", "Diamond", "infrared spectroscopy"),
        ("was it a good deal at $2000?", "Sapphire Blue", "I do not price stones"),
        ("is it a good investment?", "Opal", "I do not price stones"),  # was the bare card
        ("should I invest in sapphires?", "Sapphire Blue", "I do not price stones"),
        ("what type is it?", "Garnet Red", ""),  # of a garnet: its species, not a diamond's type
        ("how heavy is ruby?", "Ruby", ""),  # the gem's SG, asked in general
    ],
)
def test_what_no_photo_or_reading_settles_is_said_plainly_with_how_to_find_out(question, gem, said):
    from gemlang.assistant.gem_answers import side_answer
    from gemlang.knowledge import get_facts

    answer = side_answer(question, get_facts(gem), general="ruby" in question)
    assert said in answer if said else answer == ""


def test_how_heavy_is_my_stone_asks_its_weight_which_a_scale_gives_and_the_gems_sg_helps_estimate():
    chat = Assistant(classifier=None).conversation()
    mine = chat.ask("how heavy is my emerald?").reply  # was "**Emerald**: specific gravity 2.67–2.78."
    assert "Weigh a loose stone on a carat balance" in mine and "Emerald's specific gravity (2.67–2.78) ×" in mine
    assert chat.ask("how heavy is ruby?").reply == "**Ruby**: specific gravity 3.97–4.05."  # the gem's, in general


@pytest.mark.parametrize("question", ["what does ruby weigh?", "how much does a ruby weigh?"])
def test_what_a_gem_weighs_is_its_size_times_its_sg_with_how_a_stone_is_weighed(question):
    reply = Assistant(classifier=None).conversation().ask(question).reply  # was "**Ruby**" and its card
    assert reply.startswith("**Ruby**: A stone's weight depends on its size, so Ruby has no one weight. Its specific")
    assert "Weigh a loose stone on a carat balance" in reply and "Ruby's specific gravity (3.97–4.05) ×" in reply
    chat = Assistant(classifier=None).conversation()
    chat.ask("what is the RI of spinel?")
    assert chat.ask("how heavy?").reply.startswith("**Spinel**: specific gravity")  # no stone in hand: the gem's SG


@pytest.mark.parametrize(
    "question",
    ["is it synthetic or natural?", "was it made in a lab?", "is this lab-made?", "did it come from a lab?",
     "was this grown?", "is it lab made?", "did this stone come out of a laboratory?"],
)  # fmt: skip
def test_whether_the_stone_answered_is_lab_grown_is_answered_of_it_however_asked(question):
    # "did it come from a lab?", "was this grown?": were the ranking card and the full description
    # were "**A photo cannot say**: Synthetic Ruby (Verneuil) is corundum …" (a fuzzy name) and the ranking card
    reply = stone_answered("Ruby", "Synthetic Ruby (Verneuil)", "Spinel").ask(question).reply
    assert reply.startswith("From a photo alone I cannot tell natural Ruby from lab-grown corundum"), reply[:200]


@pytest.mark.parametrize(
    "question",
    ["how heavy is this stone?", "how heavy is it?", "what does it weigh?", "how many grams is it?", "how heavy?"],
)  # were its SG, or "My facts on Ruby do not answer that."
def test_how_heavy_is_it_after_a_photo_asks_the_stones_weight_not_the_gems_sg(question):
    reply = stone_answered("Ruby", "Spinel").ask(question).reply  # was "**Ruby**: specific gravity 3.97–4.05."
    assert reply.startswith("A photo shows no weight. Weigh a loose stone") and "Ruby's specific gravity" in reply
    assert stone_answered("Ruby", "Spinel").ask("how hard is it?").reply == "**Ruby**: Mohs hardness 9."


@pytest.mark.parametrize(
    ("question", "said"),
    [("how many carats is it?", "Weigh a loose stone on a carat balance"),
     ("what's the weight?", "Weigh a loose stone on a carat balance"),
     ("what does it weigh?", "Weigh a loose stone on a carat balance"),
     ("how many grams is it?", "Weigh a loose stone on a carat balance"),
     ("what clarity grade is it?", "graded loose under 10x"),
     ("is it stolen?", "stolen-property register"),
     ("how old is it?", 'ask "what gem is this?"')],  # a stone's age is told of a gem: which one is asked first
)  # fmt: skip
def test_what_no_photo_settles_is_said_with_how_to_find_out_before_any_photo_too(question, said):
    reply = Assistant(classifier=None).conversation().ask(question).reply  # was the how-to-begin help
    assert said in reply and ("formed long before" not in reply)
    told = "I do not price stones: value rests on colour, clarity, cut, carat weight and origin."  # said, not asked
    assert "carat balance" not in Assistant(classifier=None).conversation().ask(told).reply


@pytest.mark.parametrize(
    ("question", "gem"),
    [("how many carats is my diamond?", "Diamond"), ("how much does my ruby weigh?", "Ruby"),  # were the gem's card
     ("what is the carat weight of my sapphire?", "Sapphire")],
)  # fmt: skip
def test_the_weight_of_my_named_stone_is_weighed_as_the_weight_of_it(question, gem):
    reply = Assistant(classifier=None).conversation().ask(question).reply  # no photo sent: none is said to lack it
    assert reply.startswith(f"**{gem}**: A stone's weight depends on its size, and only a balance or its measurements")
    assert "Weigh a loose stone on a carat balance" in reply and f"{gem}'s specific gravity" in reply


def test_the_weight_asked_is_said_missing_from_a_photo_only_when_a_photo_was_sent():
    # was "**Emerald**: A photo shows no weight. …" with no photo sent
    reply = Assistant(classifier=None).conversation().ask("how heavy is my emerald?").reply
    assert reply.startswith("**Emerald**: A stone's weight depends on its size") and "A photo" not in reply
    assert "Its specific gravity is 2.67–2.78" in reply and "Weigh a loose stone on a carat balance" in reply
    assert stone_answered("Ruby", "Spinel").ask("how heavy is it?").reply.startswith("A photo shows no weight.")


@pytest.mark.parametrize(
    "question",
    ["how do I know the seller isn't lying about the weight?",  # were the how-to-begin help
     "is the seller lying about the carat weight?", "how can I verify the weight the seller gives?"],
)  # fmt: skip
def test_a_sellers_weight_to_be_checked_is_weighed_on_a_carat_balance_or_estimated(question):
    reply = Assistant(classifier=None).conversation().ask(question).reply
    assert reply.startswith("A stone's weight depends on its size, and only a balance or its measurements give it.")
    assert "Weigh a loose stone on a carat balance" in reply


@pytest.mark.parametrize(
    "question", ["I'm sure the weight is 2 ct, what gem is it?", "I know the weight is 3 carats, what is it?"]
)
def test_a_weight_told_is_no_weight_to_be_checked(question):
    reply = Assistant(classifier=None).conversation().ask(question).reply  # was how to weigh a stone
    assert "A photo shows no weight" not in reply


@pytest.mark.parametrize(
    ("question", "said"),
    [("how many carats is this diamond?", "**Diamond**: A stone's weight"),  # were "**Diamond?** Nothing
     ("what colour is this diamond?", "**Diamond**: Diamond comes in colourless"),  # you have told me shows
     ("what clarity is this diamond?", "**Diamond**: Grades need the stone in hand")],  # whether it is"
)  # fmt: skip
def test_a_question_word_before_is_this_gem_asks_of_the_stone_not_whether_it_is_that_gem(question, said):
    assert Assistant(classifier=None).conversation().ask(question).reply.startswith(said)
    assert "Nothing you have told me" in Assistant(classifier=None).conversation().ask("is this diamond real?").reply


@pytest.mark.parametrize(
    ("question", "scale"),
    [("what clarity is my diamond?", "Clarity grades"),  # were the Diamond card
     ("what is my diamond's clarity?", "Clarity grades"), ("what is the clarity of my diamond?", "Clarity grades"),
     ("what colour grade is my diamond?", "Colour grades"),  # was "Diamond comes in colourless, yellow, …"
     ("what colour is my diamond graded?", "Colour grades"), ("what cut grade is my diamond?", "Cut grades"),
     ("is my diamond VS1 or VS2?", "Clarity grades"),
     ("what clarity is my sapphire?", "")],  # the grade is the laboratory's, but the scale is a diamond's
)  # fmt: skip
def test_a_grade_of_my_diamond_is_the_laboratorys_to_give_then_what_its_scale_means(question, scale):
    reply = Assistant(classifier=None).conversation().ask(question).reply
    assert "graded loose under 10x" in reply and "no chat can give them" in reply
    assert f"**{scale}**: " in reply if scale else "**Clarity grades**" not in reply
    assert "comes in colourless" not in reply


@pytest.mark.parametrize(
    ("question", "gem"),
    [("what clarity is my sapphire?", "Sapphire"), ("what grade is my emerald?", "Emerald"),  # were the line and
     ("is my ruby VS1?", "Ruby"), ("what colour grade is my ruby?", "Ruby")],  # the card, as if graded as diamond
)  # fmt: skip
def test_a_grade_of_my_coloured_gem_is_no_diamond_grade_but_colour_first_and_its_clarity_type(question, gem):
    reply = Assistant(classifier=None).conversation().ask(question).reply
    assert reply.startswith(f"**{gem}**: Grades need the stone in hand")
    assert "\n\n**Coloured stone grading**: The letter scales of a diamond's 4Cs are diamond's own" in reply
    assert "hue" in reply and "Type III, almost always included (emerald" in reply
    assert "**Clarity grades**" not in reply and "**Coloured stone grading**" not in (
        Assistant(classifier=None).conversation().ask("what clarity is my diamond?").reply
    )
    weighed = Assistant(classifier=None).conversation().ask(f"what is the carat weight of my {gem.lower()}?").reply
    assert "Weigh a loose stone" in weighed and "**Coloured stone grading**" not in weighed  # no grade asked


@pytest.mark.parametrize(
    "question",
    ["how are coloured stones graded?", "how are colored gemstones graded?"],  # were the how-to-begin help
)
def test_how_coloured_stones_are_graded_is_the_glossarys_entry(question):
    reply = Assistant(classifier=None).conversation().ask(question).reply
    assert reply.startswith("**Coloured stone grading**: The letter scales of a diamond's 4Cs are diamond's own")


@pytest.mark.parametrize(
    ("question", "entries"),
    [("how is clarity graded?", ["Clarity grades", "Coloured stone grading"]),  # were "Grades need the stone in hand"
     ("how is colour graded?", ["Colour grades", "Coloured stone grading"]), ("how is cut graded?", ["Cut grades"]),
     ("how do labs grade colour?", ["Colour grades", "Coloured stone grading"]),  # was the how-to-begin help
     ("how is diamond clarity graded?", ["Clarity grades"]),  # was the Diamond card
     ("how is clarity graded for coloured stones?", ["Coloured stone grading"]),
     ("how are diamonds graded?", ["4Cs"])],  # was the Diamond card
)  # fmt: skip
def test_how_a_quality_is_graded_is_its_scale_for_diamond_and_the_coloured_stone_entry(question, entries):
    answer = Assistant(classifier=None).conversation().ask(question)
    assert [line.split("**")[1] for line in answer.reply.split("\n\n")] == entries
    assert len(answer.notes) == len(entries) and all("<http" in note for note in answer.notes)  # each sourced


@pytest.mark.parametrize(
    ("question", "lead"),
    [("how is emerald clarity graded?", "**Emerald**: Type III of GIA's clarity types, almost always included."),
     ("what is emerald's clarity type?", "**Emerald**: Type III"),  # were the Emerald card
     ("how is the clarity of aquamarine graded?", "**Aquamarine**: Type I of GIA's clarity types, usually eye-clean."),
     ("what clarity grades do sapphires get?", "**Sapphire**: Type II of GIA's clarity types, usually with some"),
     ("what clarity type is tanzanite?", "**Tanzanite**: Type I")],
)  # fmt: skip
def test_clarity_graded_of_a_coloured_gem_puts_its_own_clarity_type_first(question, lead):
    reply = Assistant(classifier=None).conversation().ask(question).reply
    assert reply.startswith(lead) and "\n\n**Coloured stone grading**: The letter scales" in reply
    assert "**Clarity grades**" not in reply  # a diamond's scale is no coloured gem's


@pytest.mark.parametrize(
    ("question", "scale"),
    [("what clarity is it?", "Clarity grades"), ("what colour grade is it?", "Colour grades")],  # were the line alone
)
def test_a_grade_of_the_diamond_in_hand_is_the_laboratorys_to_give_then_what_its_scale_means(question, scale):
    chat = Assistant(classifier=None).conversation()
    chat.ask("RI 2.417, SG 3.52, singly refractive")  # a diamond in hand, from its readings
    reply = chat.ask(question).reply
    assert "graded loose under 10x" in reply and f"\n\n**{scale}**: " in reply
    ruby = Assistant(classifier=None).conversation()
    ruby.ask("RI 1.762-1.770, SG 4.00")
    assert "graded loose under 10x" in (said := ruby.ask(question).reply) and "**Clarity grades**" not in said


def test_the_clarity_of_the_stone_in_hand_is_a_grade_no_photo_shows():
    from gemlang.assistant.gem_answers import side_answer
    from gemlang.knowledge import get_facts

    assert "graded loose under 10x" in side_answer("what clarity is it?", get_facts("Ruby"))  # was "do not answer"
    assert side_answer("what is the clarity of emerald?", get_facts("Emerald"), general=True) == ""


@pytest.mark.parametrize("question", ["should I invest in a refractometer?", "is a good loupe worth investing in?"])
def test_investing_in_an_instrument_is_no_question_of_a_stones_price(question):
    reply = Assistant(classifier=None).conversation().ask(question).reply  # was 'I do not price stones, nor rank …'
    assert "I do not price stones" not in reply


def test_a_take_in_slip_records_what_was_seen_and_measured_and_leaves_origin_and_treatment_open():
    from gemlang.fusion import EvidenceModel

    chat = Assistant(None, evidence=EvidenceModel(["Ruby", "Sapphire Blue"])).conversation()
    chat.ask("RI 1.762-1.770 SG 4.00 red")
    slip = chat.ask("what do I write on the take-in slip?").reply
    assert "RI 1.762–1.770" in slip and "SG 4.00" in slip and "consistent with corundum (not confirmed)" in slip
    assert "any treatment, not determined" in slip
    unsure = Assistant(None, evidence=EvidenceModel(["Ruby"])).conversation()
    unsure.ask("RI 1.54 SG 2.65")
    assert "identity not determined" in unsure.ask("what should I put on the intake form?").reply


def test_natural_asked_of_a_pearl_photo_says_a_photo_cannot_tell_a_cultured_pearl_either(assistant):
    from gemlang.assistant import caution
    from gemlang.hints import parse_hints

    said = caution([("Pearl", 0.99)], parse_hints(""), assistant.evidence, asked=True)
    assert "from a cultured one" in said and "X-radiography" in said
    assert "cultured" not in caution([("Ruby", 0.99)], parse_hints(""), assistant.evidence, asked=True)


def test_another_mineral_named_with_what_is_seen_of_it_is_another_stone():
    galena = Assistant(classifier=None).conversation()
    galena.ask("grey metallic cubes, SG 7.5, hardness 2.5")
    assert galena.ask("what about sphalerite?").gem == "Galena"  # a question about the stone in hand
    other = galena.ask("what about sphalerite? resinous lustre, brown, six directions of cleavage")
    assert "another stone" in " ".join(other.notes)
    told = galena.ask("what have I told you?").reply
    assert told == "For this stone I have: brown colour; a resinous lustre."  # no SG 7.50
    ruby = Assistant(classifier=None).conversation()
    ruby.ask("RI 1.762-1.770, SG 4.00, red")
    assert ruby.ask("How about spinel? RI 1.718, singly refractive").hints_used == ["RI 1.718", "singly refractive"]
    same = Assistant(classifier=None).conversation()
    same.ask("RI 1.762-1.770, SG 4.00, red")
    assert "SG 4.00" in same.ask("what about spinel? it stays dark in the polariscope").hints_used  # of "it"
    assert "SG 4.05" in same.ask("and garnet? SG 4.05").hints_used  # a reading the stone in hand may also give
    assert "RI 1.762–1.770" in same.ask("what about garnet? SG 4.05").hints_used


@pytest.mark.parametrize(
    ("claim", "named"),
    [
        ("does sapphire show a star?", "“Star sapphires show a six-rayed star"),
        ("garnet shows a star, right?", "“Star garnets, found in northern Idaho"),
        ("does quartz show a cat's eye?", "“Where the rutile needles grow parallel, the quartz can be cut as a cat"),
    ],
)
def test_a_phenomenon_claimed_of_a_gem_is_checked_against_every_word_of_its_facts_not_its_loupe_signs_alone(
    claim, named
):
    """What the gem's description or its kinds say it shows, as "can sapphire have a star?" is answered from."""
    reply = Assistant(classifier=None).conversation().ask(claim).reply
    assert reply.startswith("**Yes.**") and named in reply
    # facts name a gem's usual phenomena, not every rarity: no flat "No"
    no_star = Assistant(classifier=None).conversation().ask("does diamond show a star?").reply
    assert no_star.startswith("**Diamond**: not that I know of: my facts for diamond name no star")


def test_a_claimed_loupe_sign_is_checked_and_a_claim_sent_with_a_photo_is_answered_above_the_photos_answer(assistant):
    chat = Assistant(classifier=None).conversation()
    treacly = chat.ask("Hessonite shows a treacly swirl, right?").reply
    assert treacly.startswith("**Yes.** Hessonite's facts name a treacly (heat-wave) texture: “distinctive roiled")
    horsetail = chat.ask("ruby has horsetail inclusions, right?").reply
    assert horsetail == "**No.** Ruby's facts name no horsetail inclusions."
    with_photo = assistant.conversation().ask("Ruby is not dichroic, right?", red_stone_photo())
    assert with_photo.reply.startswith("**No.** Ruby is dichroic") and with_photo.candidates  # then the photo's answer
    assert not assistant.conversation().ask("It's a ruby, right?", red_stone_photo()).reply.startswith("**")


def test_a_treatments_disclosure_asked_with_a_photo_is_answered_above_the_photos_answer(assistant):
    answer = assistant.conversation().ask("Do I need to disclose that it's heated?", red_stone_photo())
    assert answer.reply.startswith("**Heating must be disclosed when it significantly affects") and answer.candidates
    sold = assistant.conversation().ask("can I sell it as ruby?", red_stone_photo())
    assert sold.reply.startswith("**What it may be sold as:**") and sold.candidates
    assert f"My answer for your stone is {sold.gem}" in sold.reply and any("ftc.gov" in n for n in sold.notes)


@pytest.mark.parametrize(
    ("text", "meant"),
    [("est-ce que c'est cher?", "is it expensive?"), ("et comment je nettoie?", "how do I clean it?"),
     ("¿Cómo lo limpio?", "how do I clean it?"), ("wie viel ist er wert?", "is it expensive?")],
)  # fmt: skip
def test_a_question_in_another_language_is_told_to_ask_in_english_not_answered_with_the_card_again(text, meant):
    chat = Assistant(classifier=None).conversation()
    chat.ask("RI 1.762-1.770, SG 4.00, red")
    assert chat.ask(text).reply.endswith(f"If you meant “{meant}”, please ask it in English.")
    assert chat.ask("Is it from Côte d'Ivoire?").reply.startswith("Where a stone was mined")  # English, a French name
    assert chat.ask("la vie en rose").candidates  # two words: no language told


@pytest.mark.parametrize(
    ("asked", "why", "term"),
    [("does it fluoresce under UV?", "why does it do that?", "**Fluorescence**"),
     ("is it pleochroic?", "why is that?", "**Pleochroism**")],
)  # fmt: skip
def test_why_of_a_property_just_answered_explains_it_instead_of_the_answer_again(asked, why, term):
    chat = Assistant(classifier=None).conversation()
    chat.ask("RI 1.762-1.770, SG 4.00")
    chat.ask(asked)
    assert chat.ask(why).reply.startswith(term)


def test_what_the_instruments_at_hand_can_check_is_answered_from_their_entries():
    reply = Assistant(classifier=None).conversation().ask("what can I check with a loupe and a dichroscope?")
    assert reply.reply.startswith("**Loupe**") and "**Dichroscope**" in reply.reply and not reply.candidates
    ranked = Assistant(classifier=None).conversation().ask("RI 1.76, SG 4.0, what can I check with a polariscope?")
    assert ranked.candidates  # readings with the question are ranked


@pytest.mark.parametrize(
    "told",
    ["I don't have a balance, only a loupe", "I only have a loupe, what can I test?", "all I have is a 10x loupe",
     "I've only got a jeweller's loupe", "just a loupe, nothing else"],
)  # fmt: skip
def test_only_a_loupe_at_hand_says_what_it_checks_and_what_needs_other_instruments(told):
    answer = Assistant(classifier=None).conversation().ask(told)
    assert answer.reply.startswith("**With the loupe alone** you can check its doubling of the back facet edges.")
    assert "a refractometer (refractive index, birefringence and optic sign)" in answer.reply
    assert "a dichroscope (pleochroism)" in answer.reply and "**Loupe**: A loupe is" in answer.reply
    assert "scratch" not in answer.reply.split("**Loupe**")[0]  # a test that damages the stone is not suggested
    two = Assistant(classifier=None).conversation().ask("I only have a loupe and a dichroscope, what can I check?")
    assert two.reply.startswith("**With the loupe and the dichroscope alone** you can check its doubling of the back")
    assert "a dichroscope (pleochroism)" not in two.reply and "**Dichroscope**" in two.reply
    said_missing = Assistant(classifier=None).conversation().ask("only a loupe and a UV lamp here, no refractometer")
    assert said_missing.reply.startswith("**With the loupe and the UV lamp alone** you can check its doubling")
    assert "a refractometer (refractive index" in said_missing.reply  # said missing, not at hand


def test_what_an_instrument_can_tell_is_its_entry():
    assert Assistant(classifier=None).conversation().ask("what can a loupe tell me?").reply.startswith("**Loupe**")


def test_a_refractometer_without_a_balance_says_what_it_reads_and_what_the_specific_gravity_needs():
    answer = Assistant(classifier=None).conversation().ask("I have a refractometer but no SG scale. what can I do?")
    read = "you read its refractive index, whether it is singly or doubly refractive (one shadow edge or two)"
    assert answer.reply.startswith(f"**With the refractometer alone** {read}, birefringence and optic sign")
    assert "needs a hydrostatic balance or heavy liquids" in answer.reply and "**Refractometer**" in answer.reply
    assert any(n.startswith("source (hydrostatic weighing)") for n in answer.notes)
    plain = Assistant(classifier=None).conversation().ask("what can I check with a refractometer?").reply
    assert plain.startswith("**Refractometer**")  # no balance said missing: the entry alone, as before


@pytest.mark.parametrize(
    ("asked", "entries"),
    [("what is a microscope used for in gemmology?", ["**Gemmological microscope**"]),
     ("what's the difference between a loupe and a microscope?", ["**Loupe**", "**Gemmological microscope**"]),
     ("what would a gem lab test?", ["**Gem laboratory**"]),
     ("what does a gem laboratory do?", ["**Gem laboratory**"])],
)  # fmt: skip
def test_the_microscope_and_what_a_gem_laboratory_does_are_answered_from_their_entries(asked, entries):
    answer = Assistant(classifier=None).conversation().ask(asked)  # was the help text, or the loupe alone
    assert answer.reply.startswith(entries[0]) and all(e in answer.reply for e in entries)
    assert len(answer.notes) == len(entries) and all("<http" in n for n in answer.notes)


@pytest.mark.parametrize("text", ["Härte 7", "dureza 7", "Harte 7"])
def test_a_trade_word_in_another_language_is_read_beside_the_readings(text):
    answer = Assistant(classifier=None).conversation().ask(text)
    assert answer.candidates and "Mohs hardness 7" in answer.hints_used


def test_gem_colour_and_treatment_words_in_spanish_or_german_are_read_and_a_treatment_asked_is_no_sign():
    chat = Assistant(classifier=None).conversation()
    first = chat.ask("zafiro azul, RI 1,76")
    assert first.members[0][0] == "Sapphire Blue" and "blue colour" in first.hints_used
    heated = chat.ask("¿está calentada?")
    assert heated.reply.startswith("Whether this stone was treated") and not chat.hints.signs
    german = Assistant(classifier=None).conversation().ask("Rauchquarz aus Tschechien, RI 1,544")
    assert "Quartz Smoky" in german.members[0] and "found in Czechia (Czech Republic)" in german.hints_used


@pytest.mark.parametrize(
    "question",
    ["what type of stone is this?", "what type of cut is this?", "what age do sapphires form at?",
     "my ring was stolen, how do I describe it for the police?"],
)  # fmt: skip
def test_ordinary_questions_are_not_taken_for_what_no_photo_settles(question):
    from gemlang.assistant.gem_answers import side_answer
    from gemlang.assistant.limits import TAKE_IN
    from gemlang.knowledge import get_facts

    assert side_answer(question, get_facts("Diamond")) == ""
    assert bool(TAKE_IN.search(question)) == ("police" in question)  # a theft victim gets a record to give


def test_a_mineral_named_with_a_measurement_taken_again_is_the_stone_in_hand():
    chat = Assistant(classifier=None).conversation()
    chat.ask("green, RI 1.577-1.583, SG 2.72")
    again = chat.ask("what about tourmaline? I re-measured and birefringence is 0.018").to_markdown()
    assert "another stone" not in again and "RI 1.577–1.583" in again and "SG 2.72" in again


def test_natural_asked_of_a_gem_nobody_grows_names_its_imitations_not_a_lab_grown_one():
    from gemlang.assistant.answer import Answer
    from gemlang.assistant.stone_answers import natural_or_not
    from gemlang.fusion import EvidenceModel
    from gemlang.knowledge import get_facts

    evidence = EvidenceModel(["Amber"])
    said = natural_or_not(get_facts("Amber"), Answer(""), evidence, parse_hints("SG 1.08, yellow"))
    assert "lab-grown" not in said and "Copal" in said and "Nothing you have told me points to an imitation" in said


def test_side_stones_asked_of_with_nothing_told_of_them_are_not_judged_by_the_centre_stone():
    from gemlang.fusion import EvidenceModel

    chat = Assistant(None, evidence=EvidenceModel(["Ruby", "Diamond"])).conversation()
    chat.ask("red centre stone, RI 1.762-1.770, SG 4.00")
    said = chat.ask("what about the side stones? they look like small diamonds").reply
    assert said.startswith("The photo and readings I have are the centre stone's") and "Probably not" not in said
    assert "RI 1.762–1.770" in chat.ask("what is it?").hints_used  # the centre stone still in hand


@pytest.mark.parametrize(
    "question",
    ["there are two stones in this photo, what are they?", "2 gems in the picture, which is which?",
     "what are these stones?"],
)  # fmt: skip
def test_a_photo_said_to_hold_several_stones_is_answered_for_the_dominant_stone_with_one_photo_each_asked(
    assistant, question
):
    answer = assistant.conversation().ask(question, [red_stone_photo()])
    assert answer.reply.startswith("**Several stones in one photo:**") and "one photo per stone" in answer.reply
    assert answer.candidates and answer.used_photo  # the photo is still answered, as a whole


def test_several_stones_said_of_the_photo_in_hand_keep_it_and_say_what_was_answered(assistant):
    chat = assistant.conversation()
    first = chat.ask("what gem is this?", [red_stone_photo()])
    answer = chat.ask("there were actually two stones in that photo")
    assert answer.reply.startswith("**Several stones in one photo:**") and first.gem in answer.reply
    assert chat.ask("hardness 9").used_photo  # the photo is still the stone in hand


def test_photos_sent_together_said_to_be_two_stones_are_answered_as_one_and_said_so(assistant):
    two = assistant.conversation().ask("which of these two is the better buy?", [red_stone_photo(), red_stone_photo()])
    assert two.reply.startswith("**Several stones in one message:**") and two.candidates
    views = assistant.conversation().ask("what gem is this? front and back", [red_stone_photo(), red_stone_photo()])
    assert "Several stones" not in views.reply  # two views of one stone, as photos sent together are taken
    assert "Several stones" not in assistant.conversation().ask("which one is it?", [red_stone_photo()]).reply


def test_side_stones_of_a_piece_are_no_photo_of_several_stones(assistant):
    chat = assistant.conversation()
    chat.ask("what gem is this?", [red_stone_photo()])
    assert "Several stones" not in chat.ask("what are the side stones?").reply
    assert "Several stones" not in chat.ask("what gem is this?", [red_stone_photo()]).reply


@pytest.mark.parametrize(
    ("claim", "reply"),
    [("is it true that ruby and sapphire are both corundum with hardness 9 and SG 4.00?",
      "**Yes.** Ruby is corundum (Al2O3:Cr). Ruby's specific gravity is 3.97–4.05. Ruby's Mohs hardness is 9. "
      "Sapphire is corundum"),  # each gem the claim is about, and what it is said to be
     ("my textbook says sapphire RI 1.762-1.770 DR 0.008, is that what you have?",
      "**Yes.** Sapphire's refractive index is 1.762–1.770. Sapphire's birefringence is 0.008."),
     ("my notes say nephrite SG 3.34, is that right?",
      "**No.** Nephrite's specific gravity is 2.90–3.10, so SG 3.34 does not fit; it fits Jadeite, the other jade."),
     ("the jeweller says moissanite is 'a type of diamond' is that true",
      "**No.** Moissanite is not diamond: it is moissanite, SiC (silicon carbide), a diamond simulant.")],
)  # fmt: skip
def test_what_a_book_notes_or_a_jeweller_say_of_gems_is_checked_as_a_claim_and_is_no_reading(claim, reply):
    chat = Assistant(classifier=None).conversation()
    chat.ask("RI 1.45 (spot), SG 2.10, amorphous, play of colour")
    held = chat.hints
    assert chat.ask(claim).reply.startswith(reply)
    assert chat.hints == held  # the stone's own readings stay as they were


def test_a_value_asked_to_be_confirmed_beside_a_question_of_the_stone_is_the_gems_and_the_stone_is_answered_too():
    chat = Assistant(classifier=None).conversation()
    chat.ask("SG 2.64, colourless")
    answer = chat.ask("could it be topaz instead? SG 3.53 right")
    assert answer.reply.startswith("**Yes.** Topaz's specific gravity is 3.50–3.57.\n\n**Probably not**: Topaz")
    assert chat.hints.readings.sg.low == 2.64  # not replaced by topaz's 3.53


def test_a_claim_beside_a_comparison_is_answered_first_and_the_comparison_after():
    reply = (
        Assistant(classifier=None)
        .conversation()
        .ask("moissanite vs diamond, the jeweller says moissanite is 'a type of diamond' is that true")
        .reply
    )
    assert reply.startswith("**No.** Moissanite is not diamond") and "**Moissanite or Diamond?**" in reply


def test_what_else_reads_a_value_lists_those_gems_and_a_term_asked_keeps_the_stones_exact_readings():
    chat = Assistant(classifier=None).conversation()
    chat.ask("exam style: RI 1.544-1.553, DR 0.009, uniaxial +, SG 2.65. identify")
    held = chat.hints
    listed = chat.ask("and what else has RI near 1.54 that i could confuse it with").reply
    assert listed.startswith("**Natural gems that read around RI 1.54**") and "Iolite" in listed
    chat.ask("what is 'doubling of back facets' and which stones show it most")
    chat.ask("what does 'DR' mean exactly and why is spinel 0")
    assert chat.hints == held  # not RI 1.540, doubled back facets or "doubly refractive"


def test_which_lab_grown_ones_read_lower_names_them_and_which_the_stones_reading_fits():
    chat = Assistant(classifier=None).conversation()
    chat.ask("RI 1.577-1.583, DR 0.006, uniaxial -, SG 2.72, Chelsea filter red. what is it")
    reply = chat.ask("could it be a synthetic? which ones have lower RI").reply
    assert reply.startswith(
        "**Lab-grown beryl that reads lower than natural beryl (RI 1.577–1.583)**: Flux-Grown Emerald (RI 1.560–1.563"
    )
    assert "Your RI 1.577–1.583 fits natural beryl" in reply and "not Flux-Grown Emerald" in reply
    ruby = Assistant(classifier=None).conversation()
    ruby.ask("RI 1.762-1.770 SG 4.00 red")
    said = ruby.ask("could it be synthetic? which ones have lower RI").reply
    assert "Every lab-grown corundum I know reads within the natural range" in said
    assert not ruby.ask("is it synthetic? tell me more").reply.startswith("**Lab-grown")  # no constant compared


@pytest.mark.parametrize(
    "question, said",
    [("which way should I orient kunzite when cutting?", "**Cutting Kunzite**: It is strongly pleochroic"),
     ("how long should I let opal dry before cutting?", "My facts on Opal do not cover how to cut it"),
     ("where is the c-axis in tourmaline for colour?", "**Cutting Tourmaline**: Seen along the crystal's axis"),
     # the pavilion angle for the gem's RI (were "My facts on … do not cover how to cut it")
     ("what table angle for topaz?", "**Cutting Topaz**: Pavilion mains at 42°"),
     ("what table angle for peridot?", "**Cutting Peridot**: Pavilion mains at 42°"),
     ("what pavilion angle for quartz?", "**Cutting Quartz**: Pavilion mains at 43°: its RI, 1.544–1.553"),
     ("what's a good pavilion angle for diamond?", "**Cutting Diamond**: Pavilion mains at 41°: its RI, 2.417"),
     ("what angle should I cut tourmaline at?", "**Cutting Tourmaline**: Pavilion mains at 42°"),
     # were "My facts on Tanzanite do not cover how to cut it" and Iolite's card
     ("how should I orient tanzanite rough?", "**Cutting Tanzanite**: Its colour changes with the direction"),
     ("how should iolite rough be oriented?", "**Cutting Iolite**: Its very strong trichroism")],
)  # fmt: skip
def test_a_cutters_question_gets_what_the_facts_say_of_cutting_the_gem_or_that_they_do_not(question, said):
    assert Assistant(classifier=None).conversation().ask(question).reply.startswith(said)


def test_tourmaline_is_cut_with_the_table_along_the_c_axis_when_dark_and_across_it_when_light():
    reply = Assistant(classifier=None).conversation().ask("how should I orient a dark green tourmaline for cutting?")
    assert "the table of a dark tourmaline parallel to the c-axis, and that of a light one across it" in reply.reply
    assert "closed c-axis" in reply.reply


def test_how_to_cut_it_after_a_gem_is_answered_is_asked_of_that_gem():
    chat = Assistant(classifier=None).conversation()
    chat.ask("what is tourmaline?")
    assert chat.ask("how should I cut it?").reply.startswith("**Cutting Tourmaline**:")  # was "**Tourmaline**" again
    chat = Assistant(classifier=None).conversation()
    chat.ask("what is sapphire?")
    assert chat.ask("how should I facet it?").reply.startswith("My facts on Sapphire do not cover how to cut it")


def test_which_cut_suits_a_gem_is_answered_from_its_facts_and_the_cabochon_and_faceting_rule():
    chat = Assistant(classifier=None).conversation()
    chat.ask("what is lapis lazuli?")
    lapis = chat.ask("can I facet it?")  # was "**Lapis Lazuli**" again
    assert lapis.reply.startswith("**Cutting Lapis Lazuli**") and "polished into cabochons" in lapis.reply
    assert "opaque stones are cut as cabochons" in lapis.reply and "britannica" in " ".join(lapis.notes)
    chat.ask("what is moonstone?")
    assert "showing a sheen or play of colour are cut as cabochons" in chat.ask("should I cut it as a cabochon?").reply
    star = chat.ask("how is star sapphire cut?").reply
    assert "showing a star are cut as cabochons" in star
    assert star.count("Star sapphires show a six-rayed star") == 1  # of its cut and its cutting, said once
    emerald = chat.ask("what cut is best for emerald?").reply
    assert emerald.startswith("**Cutting Emerald**: Clear transparent material is usually faceted")
    chat.ask("what is tourmaline?")
    worth = chat.ask("is it worth faceting?").reply
    assert worth.startswith("**Cutting Tourmaline**: I do not price stones or rough") and "$" not in worth
    assert "cutters in rock drills" not in chat.ask("how is diamond cut?").reply  # diamond's uses, not its cut
    assert "play of colour are cut as cabochons" in chat.ask("can opal be faceted?").reply
    chat.ask("what is topaz?")
    assert not chat.ask("can it cut glass?").reply.startswith("**Cutting")  # a hardness question
    topaz = chat.ask("how should I prepare topaz rough before cutting?").reply
    assert "do not cover how to cut it" in topaz and "Clear transparent material is usually faceted" in topaz


@pytest.mark.parametrize(
    "question, said",
    [("what polish should I use for sapphire?", "**Polishing Sapphire**: Cutters polish Sapphire with **diamond**."),
     ("is cerium oxide good for polishing tourmaline?",
      "**Polishing Tourmaline**: No: cutters polish Tourmaline with **aluminium oxide**."),
     ("can I use cerium oxide on amethyst?",
      "**Polishing Amethyst**: Yes: cutters polish Amethyst with **cerium oxide**"),
     ("which polishing compound for ruby?", "**Polishing Ruby**: My source does not name Ruby; it names Sapphire"),
     ("what polish should I use for kyanite?", "**Polishing Kyanite**: My source does not name Kyanite")],
)  # fmt: skip
def test_which_compound_polishes_a_gem_is_answered_from_the_sourced_list_or_its_rule_by_hardness(question, said):
    answer = Assistant(classifier=None).conversation().ask(question)  # was the gem's card
    assert answer.reply.startswith(said), answer.reply[:200]
    assert "gemsociety.org/article/just-ask-jeff-diamond-or-oxide-polish" in " ".join(answer.notes)
    if "Kyanite" in said:
        assert "Kyanite is Mohs 4–7" in answer.reply and "hardness 8 and above" in answer.reply


def test_a_childs_follow_ups_on_a_gem_are_answered_from_its_facts():
    chat = Assistant(classifier=None).conversation()
    chat.ask("what is amethyst?")
    assert "colour centres" in chat.ask("what makes it purple?").reply
    assert "colour centres" in chat.ask("how come it's purple").reply
    assert "geodes of southern Brazil formed in basalt" in chat.ask("how did it form?").reply
    chat = Assistant(classifier=None).conversation()
    chat.ask("what is bixbite?")
    assert "the rarest member of the beryl family" in chat.ask("is it rare?").reply
    diamond = Assistant(classifier=None).conversation().ask("is diamond made of coal?").reply  # was "**Diamond**"
    assert diamond.startswith("**Diamond**: Coal has rarely played any part in forming diamond")


@pytest.mark.parametrize(
    "question, said",
    [
        ("what rock is emerald found in?", "**Emerald**: Chromium is most abundant in mafic and ultramafic rocks"),
        ("what kind of rock does ruby form in?", "**Ruby**: The most famous rubies, such as those of Mogok"),
        ("where does topaz form?", "**Topaz**: Topaz forms from fluorine-bearing vapours"),
        ("what is the host rock of emerald?", "**Emerald**: Chromium is most abundant"),
        (
            "what rock is sapphire found in?",
            "**Sapphire**: My facts say how kinds of sapphire form, not sapphire as a "
            "whole. Sapphire Blue and Sapphire Purple: Sapphire is sometimes found in gneiss",
        ),
        ("how is hematite formed?", "**Hematite**: My facts on Hematite say nothing of how or in what rock it forms."),
        ("what rock is it found in?", "**Which gem?** How and in what rock it formed depends on the gem"),
        ("how did this form?", "**Which gem?** How and in what rock it formed depends on the gem"),
    ],
)
def test_what_rock_a_gem_forms_in_is_answered_from_its_formation_facts(question, said):
    """A collector's "what rock is emerald found in?" was a bare card, and "how did this form?" with nothing in hand
    the how-to-begin help."""
    assert Assistant(classifier=None).conversation().ask(question).reply.startswith(said)


@pytest.mark.parametrize(
    "question, said",
    [("What are the RI and birefringence of peridot?", "**Peridot**: refractive index 1.654–1.690, birefringence"),
     ("what are the hardness and SG of ruby?", "**Ruby**: Mohs hardness 9, specific gravity 3.97–4.05"),
     ("what are the price and rarity of ruby?", ""),
     ("In aquamarine, heating is common and usually cannot be detected", "")],
)  # fmt: skip
def test_two_properties_asked_together_are_no_name_of_something_unknown(question, said):
    reply = Assistant(classifier=None).conversation().ask(question).reply  # was "I have no facts on RI, so I …"
    assert reply.startswith(said) and "I have no facts on" not in reply, reply


@pytest.mark.parametrize("question", ["what is the centre stone?", "what's the main stone?", "what is the big stone?"])
def test_a_pieces_stone_asked_with_nothing_in_hand_is_no_name_of_something_unknown(question):
    """Was "I have no facts on centre stone in my knowledge base, so I cannot tell you about it."."""
    reply = Assistant(classifier=None).conversation().ask(question).reply
    assert reply.startswith('Send me a photo of the stone and ask "what gem is this?"') and "no facts on" not in reply


@pytest.mark.parametrize("question", ["what's next?", "what is next?", "what's now?", "what is then?"])
def test_what_next_with_nothing_in_hand_is_no_name_of_something_unknown(question):
    """Was "I have no facts on next in my knowledge base, so I cannot tell you about it."."""
    reply = Assistant(classifier=None).conversation().ask(question).reply
    assert reply.startswith('Send me a photo of the stone and ask "what gem is this?"') and "no facts on" not in reply


@pytest.mark.parametrize("place", ["Sri Lanka", "Brazil"])
def test_rocks_found_in_a_place_are_no_gem_formation_question(place):
    """ "What rocks are found in Brazil?" quoted how one gem found there forms ("My facts on Lemon Quartz say nothing
    of how or in what rock it forms."), then ranked every gem found there as if a stone's locality were given."""
    reply = Assistant(classifier=None).conversation().ask(f"what rocks are found in {place}?").reply
    assert reply.startswith(f"**{place}**: my sources list ")  # the gems found there, as "what gems …" gets


def test_kinds_that_share_a_formation_text_are_named_together_not_told_twice():
    """ "What rock is sapphire found in?" told blue and purple sapphire's one text twice, word for word."""
    reply = Assistant(classifier=None).conversation().ask("what rock is sapphire found in?").reply
    assert "Sapphire Blue and Sapphire Purple: Sapphire is sometimes found in gneiss" in reply
    assert reply.count("found in gneiss") == 1


@pytest.mark.parametrize(
    "question, said",
    [("does quartz twin?", "**Quartz**: My facts on Quartz say nothing of twinning in it; of its kinds, Amethyst: "
      "natural stones usually show angular colour zoning and Brazil-law twinning"),
     ("is staurolite twinned?", "**Staurolite**: Distinctive cross-shaped penetration twins"),
     ("does fluorite twin?", "**Fluorite**: My facts on Fluorite say nothing of twinning."),
     ("is calcite toxic?", "**Calcite**: My facts on Calcite say nothing of whether it is toxic or safe to handle.")],
)  # fmt: skip
def test_twinning_or_toxicity_asked_of_a_gem_is_what_its_facts_say_or_that_they_say_nothing(question, said):
    reply = Assistant(classifier=None).conversation().ask(question).reply  # each was the bare card ("**Quartz**")
    assert reply.startswith(said)


def test_is_that_a_rare_find_is_answered_from_the_gems_rarity_facts_or_says_they_hold_none(assistant):
    chat = assistant.conversation()
    gem = chat.ask("what gem is this?", photos=[red_stone_photo()]).gem.partition(" (")[0]
    reply = chat.ask("is that a rare find?").reply  # was "My facts on … do not answer that. About this stone …"
    assert "do not answer that" not in reply and "rare" in reply and gem in reply  # its facts, or that it has none
    chat = Assistant(classifier=None).conversation()
    chat.ask("what is citrine?")
    assert chat.ask("is it a rare find?").reply.startswith("**Citrine**: Natural citrine is rare")  # was the card
    assert chat.ask("is ruby rare?").reply == "**Ruby**: My facts on Ruby say nothing of how rare it is."
    chat = Assistant(classifier=None).conversation()
    chat.ask("tell me about tanzanite")
    none_said = "**Tanzanite**: My facts on Tanzanite say nothing of how rare it is."
    assert chat.ask("is that a rare find?").reply == none_said  # was the help text, "that" read as no gem
    assert chat.ask("is it common?").reply == none_said  # was its bare card
    assert chat.ask("how hard is that stone?").reply == "**Tanzanite**: Mohs hardness 6.5."


@pytest.mark.parametrize(
    "question", ["how do labs screen CVD or HPHT diamonds?", "how are lab-grown diamonds detected?"]
)
def test_how_lab_grown_diamond_is_screened_says_the_laboratory_instruments(question):
    answer = Assistant(classifier=None).conversation().ask(question)
    assert answer.reply.startswith("**Diamond**: a lab-grown diamond has the same constants"), answer.reply
    assert "**Lab-grown diamond screening**: Lab-grown diamond is screened with laboratory instruments" in answer.reply
    assert "FTIR" in answer.reply and "DiamondView" in answer.reply
    assert any(n.startswith("source (lab-grown diamond screening)") for n in answer.notes)


@pytest.mark.parametrize("gem", ["chrome diopside", "peridot"])
def test_is_it_treated_of_a_gem_with_no_known_treatment_does_not_open_with_a_laboratory_deciding(gem):
    reply = Assistant(classifier=None).conversation().ask(f"is my {gem} treated?").reply
    assert "a gem laboratory decides" not in reply and "My sources list no treatment of" in reply, reply


def test_a_gem_no_photo_was_learnt_from_is_no_probably_not_of_a_photo_of_its_species():
    chat = stone_answered("Sapphire Pink", "Ruby")
    reply = chat.ask("it was sold as padparadscha, is it padparadscha?").reply
    assert reply.startswith("**A photo cannot say**: Padparadscha Sapphire is corundum, as Sapphire Pink is"), reply
    assert "trade name for sapphire of light to medium pinkish-orange to orange-pink" in reply
    assert chat.ask("is it a diamond?").reply.startswith("**Probably not**")  # a photo class, another species


def test_whether_a_gem_is_magnetic_is_answered_from_its_sourced_magnetism():
    chat = Assistant(classifier=None).conversation()
    assert chat.ask("is almandine magnetic?").reply.startswith("**Almandine**: magnet test: a strong neodymium magnet")
    assert chat.ask("is diamond magnetic?").reply == "**Diamond**: magnet test: not on record here."


def test_tourmaline_and_star_diopside_have_a_sourced_magnet_response():
    chat = Assistant(classifier=None).conversation()
    assert chat.ask("is tourmaline magnetic?").reply.startswith(
        "**Tourmaline**: magnet test: a strong neodymium magnet drags it when it is blue (indicolite), green"
    )
    assert chat.ask("is star diopside magnetic?").reply.startswith(
        "**Star Diopside**: magnet test: a magnet draws it only weakly: black star diopside is slightly magnetic"
    )


@pytest.mark.parametrize(
    "gem",
    ["Quartz", "Amethyst", "Citrine", "Quartz Smoky", "Nephrite", "Fluorite", "Tourmaline", "Labradorite", "Opal",
     "Ruby", "Emerald", "Spinel", "Topaz", "Almandine", "Carnelian"],
)  # fmt: skip
def test_common_gems_have_a_sourced_white_streak(gem):
    reply = Assistant(classifier=None).conversation().ask(f"what is the streak of {gem.lower()}?").reply
    assert reply.startswith(f"**{gem}**: streak white (")


@pytest.mark.parametrize(
    "question", ["what is the streak of emerald?", "what colour is aquamarine's streak?", "morganite streak?"]
)
def test_a_beryls_white_streak_cites_the_minerals_reference_entry(question):
    notes = Assistant(classifier=None).conversation().ask(question).notes  # was a popular-science blog's page
    assert any("en.wikipedia.org/wiki/Beryl" in n for n in notes) and not any("biologyinsights" in n for n in notes)


@pytest.mark.parametrize(
    "question",
    ["what is the streak of carnelian?", "onyx streak?", "what colour streak does chalcedony leave?",
     "what streak does bloodstone give?"],
)  # fmt: skip
def test_a_chalcedonys_white_streak_cites_a_museums_quartz_entry(question):
    answer = Assistant(classifier=None).conversation().ask(question)  # was a how-things-work content site
    assert "streak white" in answer.reply
    assert any("oum.ox.ac.uk" in n for n in answer.notes) and not any("htfbw" in n for n in answer.notes)


@pytest.mark.parametrize(
    "question, cited",
    [
        ("what is the streak of almandine?", "skywalker.cochise.edu/wellerr/mineral/garnet"),
        ("what colour streak does tsavorite leave?", "skywalker.cochise.edu/wellerr/mineral/garnet"),
        ("garnet streak?", "skywalker.cochise.edu/wellerr/mineral/garnet"),  # was "streak not on record here"
        ("what is the streak of tourmaline?", "skywalker.cochise.edu/wellerr/mineral/tourmaline"),
        ("what is the streak of spinel?", "a-m.de/englisch/lexikon/mineral/oxide/spinell"),
        ("what streak does jadeite give?", "cochise.edu"),
    ],
)
def test_a_garnets_tourmalines_spinels_or_jadeites_white_streak_cites_a_mineral_reference(question, cited):
    answer = Assistant(classifier=None).conversation().ask(question)  # was a gem seller's information pages
    assert "streak white" in answer.reply
    assert any(cited in n for n in answer.notes) and not any("amezin" in n for n in answer.notes)


def test_natural_or_synthetic_of_a_named_gem_is_answered_by_what_the_readings_cannot_tell():
    chat = Assistant(classifier=None).conversation()
    answer = chat.ask("RI 1.544-1.553, SG 2.65, uniaxial positive, purple, natural amethyst or synthetic?")
    assert answer.reply.startswith("Your readings cannot tell natural Amethyst from lab-grown quartz: ")
    assert not answer.caution  # said once, as the reply


def test_a_stated_metallic_lustre_ranks_the_metallic_gems_and_is_named_among_the_readings_used():
    answer = Assistant(classifier=None).conversation().ask("metallic grey stone, sticks to a magnet, streak is black")
    assert answer.gem == "Magnetite" and answer.probability > 0.7 and "a metallic lustre" in answer.hints_used
    assert not any(name.startswith(("Jet", "Orthoclase")) for name, _ in answer.candidates[:3])  # greasy, vitreous


def test_which_gems_have_a_lustre_lists_the_gems_whose_lustre_names_it_not_a_features_word():
    listed = Assistant(classifier=None).conversation().ask("which gems have a metallic lustre?").reply
    assert listed.startswith("**Natural gems whose facts name a metallic lustre**") and "Pyrite" in listed
    assert "Aventurine" not in listed  # its "metallic platelets" are inclusions, its lustre vitreous


def test_what_lustre_a_named_gem_has_is_answered_from_its_lustre_facts_not_its_card():
    chat = Assistant(classifier=None).conversation()
    assert chat.ask("what lustre does hematite have?").reply == (
        "**Hematite**: lustre metallic (specularite); sub-metallic to dull (earthy)."
    )
    assert chat.ask("is pearl lustre pearly?").reply == "**Pearl**: lustre pearly (nacreous)."
    assert chat.ask("what is the lustre of opal?").reply == "**Opal**: lustre vitreous to resinous."


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("is blue topaz radioactive?", "**Topaz**: Its treatments include irradiation + heat (blue topaz)."),
        ("is irradiated topaz safe to wear?", "**Topaz**: Its treatments include irradiation"),
        ("is irradiation of gems dangerous?", "**Irradiation**: "),
        ("are radioactive gems dangerous?", "**Irradiation**: "),
    ],
)
def test_whether_an_irradiated_gem_is_radioactive_or_harmful_is_answered_from_the_glossary(question, lead):
    # was the bare '**Topaz**' or the how-to-begin help
    answer = Assistant(classifier=None).conversation().ask(question)
    assert answer.reply.startswith(lead), answer.reply
    assert "residual radioactivity decays to safe levels" in answer.reply
    assert "Nuclear Regulatory Commission" in answer.reply
    assert any(n.startswith("source (irradiation): ") for n in answer.notes)


@pytest.mark.parametrize("question", ["are synthetic gems cheaper?", "is lab grown diamond cheaper?"])
def test_whether_lab_grown_stones_are_cheaper_is_what_the_sources_hold_with_no_price(question):
    # was the how-to-begin help, or the ways diamond is grown
    reply = Assistant(classifier=None).conversation().ask(question).reply
    assert reply.startswith("I do not price stones, but my sources compare them: synthetics cost far less than")
    assert "a stone's own value rests on colour" in reply and "**Synthetic**: " in reply


@pytest.mark.parametrize(
    ("question", "term"),
    [("what is smoke treatment of opal?", "Smoke treatment"), ("what does oiling mean for an emerald?", "Oiling"),
     ("what is heat treatment of sapphire?", "Heat treatment"), ("how is ruby heated?", "Heat treatment"),
     ("how is emerald oiled?", "Oiling"), ("how do jewellers heat ruby?", "Heat treatment"),  # was the list
     ("how do they oil emeralds?", "Oiling"),
     ("what does 'unheated' mean for a sapphire?", "Heat treatment"),  # was the list: a seller's word
     ("what is an unheated ruby?", "Heat treatment"),
     ("what is a 'diffused' sapphire?", "Diffusion treatment"),  # was the list
     ("what is a diffused sapphire?", "Diffusion treatment"),  # was the list: unquoted, the treatment too
     ("what is diffusion treated ruby?", "Diffusion treatment"),
     ("what does 'diffusion treated' mean?", "Diffusion treatment"),  # was what a treatment is
     ("what is surface diffusion?", "Diffusion treatment"),
     ("what is 'fracture filled' diamond?", "Fracture filling"),  # was what a treatment is
     ("what does clarity enhanced mean?", "Fracture filling"),
     ("what does 'no heat' mean for a sapphire?", "Heat treatment"),  # was the list of sapphire's treatments
     ("what does no-heat mean on a ruby?", "Heat treatment")],
)  # fmt: skip
def test_a_treatment_asked_to_be_explained_beside_a_gem_gets_its_glossary_entry(question, term):
    # was the gem's treatments list: '**Opal**: Treatments of opal: smoke treatment; …', '**Ruby**: Treatments of
    # ruby: heat treatment; glass filling; flux healing.' for "how is ruby heated?"
    answer = Assistant(classifier=None).conversation().ask(question)
    assert answer.reply.startswith(f"**{term}**: {term} "), answer.reply
    assert any(n.startswith(f"source ({term.lower()}): ") for n in answer.notes)


@pytest.mark.parametrize(
    ("question", "term"),
    [("what does no heat mean on a ruby?", "Heat treatment"),  # was what a gemmologist looks for in the stone
     ("what is a diffused sapphire?", "Diffusion treatment"),  # was the sapphire card
     ("what does minor oil mean on an emerald?", "Clarity enhancement grades")],
)  # fmt: skip
def test_a_treatment_asked_to_be_explained_beside_a_gem_is_explained_with_a_stone_in_hand(question, term):
    from gemlang.fusion import EvidenceModel

    chat = Assistant(None, evidence=EvidenceModel(["Ruby", "Spinel"])).conversation()
    chat.image_probs = np.array([0.9, 0.1])
    answer = chat.ask(question)
    assert answer.reply.startswith(f"**{term}**: "), answer.reply
    assert not answer.candidates
    assert chat.ask("what is the heat treatment of this ruby?").candidates  # asked of the stone: ranked


@pytest.mark.parametrize(
    ("question", "term"),
    [("is a lead glass filled ruby worth buying?", "Lead-glass filling"),  # was the ruby card
     ("should I buy a glass-filled ruby?", "Lead-glass filling"),
     ("what is a glass filled ruby?", "Lead-glass filling"),
     ("are glass-filled rubies worth anything?", "Lead-glass filling"),  # was the ruby card, unpriced
     ("is a composite ruby worth it?", "Lead-glass filling"),  # was "**Ruby**: I do not price stones …" alone
     ("should I buy a heated sapphire?", "Heat treatment"),
     ("is a diffused sapphire worth buying?", "Diffusion treatment"),
     ("is a heated ruby worth less?", "Heat treatment"),  # was the ruby's treatments and that no price is given
     ("is an unheated sapphire worth more?", "Heat treatment"),
     ("does oiling lower the value of an emerald?", "Oiling")],
)  # fmt: skip
def test_whether_to_buy_a_treated_gem_is_answered_by_what_the_treatment_is(question, term):
    answer = Assistant(classifier=None).conversation().ask(question)
    assert answer.reply.startswith(f"**{term}**: "), answer.reply
    assert stone_answered("Ruby", "Spinel").ask(question).reply.startswith(f"**{term}**: ")  # after a photo too
    if term == "Lead-glass filling":  # what it is worth, as its sources say, and no price
        assert "opaque and nearly worthless before the glass goes in" in answer.reply
        assert "some stones hold more lead glass than corundum" in answer.reply  # no consumer blog its source
        assert any("gia.edu/gems-gemology/spring-2021-labnotes-lead-glass" in n for n in answer.notes)
        assert not any("smartshoppingschool" in n or "shopperlib" in n for n in answer.notes)
    if term == "Heat treatment":
        assert "unheated stones of high quality command a premium over heated ones" in answer.reply
        assert "heated at high temperature sold for up to 40% less than unheated ones" in answer.reply  # Hughes
        assert any("ruby-sapphire.com" in n and "igl.org.cn" in n for n in answer.notes)
        assert not any("gem-matrix" in n or "parkerslegacy" in n for n in answer.notes)


@pytest.mark.parametrize(
    ("question", "term"),
    [("my emerald report says moderate clarity enhancement, is that bad?", "Clarity enhancement grades"),  # was how
     ("the cert says minor oil, is that ok?", "Clarity enhancement grades"),  # a laboratory detects the filler
     ("my sapphire certificate says heated, is that bad?", "Heat treatment"),
     ("the listing says diffused, should I worry?", "Diffusion treatment")],
)  # fmt: skip
def test_a_treatment_a_report_is_said_to_name_is_explained_with_or_without_a_stone_in_hand(question, term):
    for chat in (Assistant(classifier=None).conversation(), stone_answered("Ruby", "Spinel")):
        answer = chat.ask(question)
        assert answer.reply.startswith(f"**{term}**: "), answer.reply
    assert Assistant(classifier=None).conversation().ask("the report says RI 1.76 and heated").candidates  # ranked


def test_enhanced_is_said_to_mean_treated():
    reply = Assistant(classifier=None).conversation().ask("what does 'enhanced' mean?").reply
    assert reply.startswith("**Treatment**: In the trade a treatment (also called an enhancement: 'enhanced' means")


@pytest.mark.parametrize(
    ("question", "lead"),
    [("can I trust a certificate from a pawn shop?", "**In-house certificate**: A 'certificate' that the seller, a "),
     ("the jeweller's own certificate says natural, is that enough?", "**In-house certificate**: A 'certificate'"),
     ("is an IGI certificate as good as GIA?", "**Laboratories compared**: Independent laboratories do not grade")],
)  # fmt: skip
def test_who_issued_a_certificate_is_answered_before_what_a_report_is(question, lead):
    # was the general text of a lab report for each
    answer = Assistant(classifier=None).conversation().ask(question)
    assert answer.reply.startswith(lead), answer.reply
    if "IGI" in question:
        assert "on two of those stones GIA and IGI gave the same grades" in answer.reply
        assert "my sources give no wider ranking of laboratories" in answer.reply
    else:
        assert "whoever certifies a stone should have no stake in its sale" in answer.reply
        assert "**Lab report**: A gem laboratory report" in answer.reply  # what an independent one holds, next


@pytest.mark.parametrize(
    "question", ["what does 'minor oil' mean on an emerald certificate?", "what does moderate oil mean for an emerald?"]
)
def test_an_emeralds_grade_of_clarity_enhancement_is_explained_by_its_scale(question):
    # was the general text of a lab report, or emerald's list of treatments
    answer = Assistant(classifier=None).conversation().ask(question)
    assert answer.reply.startswith("**Clarity enhancement grades**: A report grades how much an emerald's clarity")
    assert "'minor' only a little oil or resin in one or two surface-reaching fissures" in answer.reply
    assert any(n.startswith("source (clarity enhancement grades): GIA") for n in answer.notes)


def test_whether_a_photo_shows_a_treatment_is_answered_no_with_the_treatment_and_its_signs():
    # was '**Emerald**: Treatments of emerald: oiling; resin filling; surface coating.'
    reply = Assistant(classifier=None).conversation().ask("can you tell if an emerald is oiled from a photo?").reply
    assert reply.startswith("**Emerald**: Not from a photo: whether a stone was treated shows in no photo")
    assert "**Oiling**: Oiling fills the surface-reaching fissures" in reply
    assert "**Emerald, clarity enhancement (oil or resin)**: at the bench:" in reply


def test_natural_ones_after_a_lab_grown_gems_treatments_asks_the_natural_gems_treatments():
    # was '**Diamond?** Nothing you have told me shows whether it is: …', as if asked whether a stone is diamond
    chat = Assistant(classifier=None).conversation()
    chat.ask("what treatments do lab-grown diamonds get?")
    assert chat.ask("what about natural ones?").reply.startswith("**Diamond**: Treatments of diamond: HPHT")
    chat = Assistant(classifier=None).conversation()
    chat.ask("what treatments does natural ruby get?")
    assert chat.ask("and lab-grown ones?").reply.startswith("**Lab-grown ruby**: My sources list no treatment")


@pytest.mark.parametrize("question", ["is my howlite dyed?", "is this howlite treated?"])
def test_a_gem_whose_name_says_its_treatment_needs_no_laboratory_to_say_so(question):
    # was 'Whether this stone was treated shows neither in a photo nor in the usual readings: a gem laboratory decides'
    reply = Assistant(classifier=None).conversation().ask(question).reply
    assert reply.startswith("**Dyed Howlite (Turquoise Simulant)**: No laboratory is needed to say so: its treatment")
    assert "every blue howlite is dyed" in reply and "a gem laboratory decides" not in reply


def test_whether_moissanite_is_natural_says_natural_moissanite_is_rare_and_gems_are_grown():
    # was the 'not a fake in itself' answer alone, which did not say whether it is natural
    reply = Assistant(classifier=None).conversation().ask("is moissanite natural?").reply
    assert reply.startswith("**In nature**: Natural moissanite is incredibly rare")
    assert "moissanite gems are grown in a laboratory" in reply and "**It is not diamond, but not a fake" in reply
    assert Assistant(None).conversation().ask("is moissanite real?").reply.startswith("**It is not diamond")


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("is Chatham emerald real?", "**Yes and no**: Chatham emerald is a flux-grown synthetic emerald"),
        ("is Chatham emerald natural?", "**No**: Chatham emerald is a flux-grown synthetic emerald"),
        ("is Ramaura ruby synthetic?", "**Yes**: Ramaura is the trade name of a flux-grown synthetic ruby"),
        ("is Kashan ruby natural?", "**No**: lab-grown ruby is made in a laboratory"),
        ("is opalite a real opal?", "**No**: Opalite is a trade name for man-made opalescent glass"),
        ("is opalite real?", "**No**: Opalite is a trade name for man-made opalescent glass"),
        ("is Slocum stone real opal?", "**It is not opal, but not a fake in itself**: Slocum Stone is"),
    ],
)
def test_whether_a_lab_grown_or_imitation_trade_name_is_real_is_answered_from_its_facts(question, verdict):
    # were '**Emerald**', '**Kashan Flux Ruby**', '**Opal**', '**Slocum Stone**' and the ways ruby is grown
    assert Assistant(classifier=None).conversation().ask(question).reply.startswith(verdict)


def test_a_plural_lab_grown_gem_asked_if_real_is_answered_of_one_stone():
    # was 'a lab-grown diamonds is diamond'
    reply = Assistant(classifier=None).conversation().ask("are lab-grown diamonds real diamonds?").reply
    assert reply.startswith("**Yes and no**: a lab-grown diamond is diamond, with the same constants")


def test_the_stones_sold_as_a_gem_keep_abbreviations_and_lower_case_names():
    # was 'cubic Zirconia, gGG (Gadolinium Gallium Garnet), luAG (…)'
    reply = Assistant(classifier=None).conversation().ask("is it a diamond?").reply
    assert "lab-grown diamond, cubic zirconia, GGG (Gadolinium Gallium Garnet), LuAG (Lutetium" in reply
    assert "strontium titanate, synthetic rutile, YAG (Yttrium" in reply


def test_a_heat_map_is_no_heat_treatment():
    chat = Assistant(classifier=None).conversation()
    assert "**Treatment**" not in chat.ask("why is there no heat map?").reply  # the photo's overlay, not heating
    assert "**Heat treatment**" not in chat.ask("why is there no heat map?").reply  # nor a stone sold as "no heat"
    assert chat.ask("can heat treatment be detected?").reply.startswith("**Heat treatment**")


def test_three_gems_listed_as_a_choice_are_compared_and_a_constant_asked_beside_two_is_no_choice():
    chat = Assistant(classifier=None).conversation()
    chat.ask("garnet, spinel or ruby?")  # was "**Spinel**"
    assert chat.ask("how do I tell them apart?").reply == "**Garnet, Spinel or Ruby?**"
    chat.ask("diamond vs moissanite vs CZ")
    assert chat.ask("which is the hardest?").reply.startswith("Diamond is harder than Moissanite and Cubic Zirconia.")
    harder = Assistant(classifier=None).conversation().ask("whats harder, topaz or quartz").reply
    assert harder.startswith("Topaz is harder than Quartz.")


@pytest.mark.parametrize(
    "question, lead, term",
    [("hardness?", "**Which gem?** Mohs hardness depends on the gem", "**Mohs hardness scale**: "),
     ("how hard?", "**Which gem?** Mohs hardness depends on the gem", "**Mohs hardness scale**: "),
     ("RI?", "**Which gem?** Refractive index depends on the gem", "**Refractive index**: "),
     ("optic sign?", "**Which gem?** Optic character depends on the gem", "**Optic sign**: "),
     ("will it chip?", "**Which gem?** Toughness depends on the gem", "**Toughness**: "),
     ("is it tough?", "**Which gem?** Toughness depends on the gem", "**Toughness**: ")],
)  # fmt: skip
def test_a_property_asked_with_no_gem_named_or_in_hand_asks_which_gem_and_says_what_it_means(question, lead, term):
    reply = Assistant(classifier=None).conversation().ask(question).reply  # each was the how-to-begin help
    assert reply.startswith(lead) and term in reply and "no gem is named or in hand" in reply


@pytest.mark.parametrize("said", ["a hard knock can break it", "but it is not tough: a knock can chip or break it"])
def test_a_statement_of_hardness_or_toughness_is_no_property_asked_of_no_gem(said):
    assert "**Which gem?**" not in Assistant(classifier=None).conversation().ask(said).reply  # was, for a moment


def test_how_hard_alone_is_asked_of_the_gem_discussed():
    chat = Assistant(classifier=None).conversation()
    chat.ask("what is ruby?")
    assert chat.ask("how hard?").reply.startswith("**Ruby**: Mohs hardness 9.")  # was the how-to-begin help


def test_a_check_at_a_stall_leads_with_what_eye_loupe_and_dichroscope_show_then_what_needs_instruments():
    chat = Assistant(classifier=None).conversation()
    assert "Tanzanite" in chat.ask("violet-blue stone, SG 3.35, biaxial positive, trichroic").to_markdown()
    reply = chat.ask("how can I check it here at the stall?").reply  # was "… take the refractive index …" alone
    assert reply.startswith("On the spot: turn it in good light") and "trichroism" in reply and "dichroscope" in reply
    assert "Confirming it takes instruments: the refractive index (1.691–1.700)" in reply
    chat = Assistant(classifier=None).conversation()
    chat.ask("red stone, RI 1.762-1.770, SG 4.00")
    reply = chat.ask("can I test it at the market?").reply  # was "My facts on Ruby do not answer that."
    assert reply.startswith("On the spot:") and "with a 10x loupe, look for silk" in reply
    reply = chat.ask("how do I check it without instruments?").reply  # no stall, no seller there
    assert reply.startswith("On the spot:") and "seller" not in reply and "stall" not in reply


@pytest.mark.parametrize("name", ["Malachite", "Lapis Lazuli", "Turquoise"])
def test_the_on_the_spot_check_of_an_opaque_gem_looks_at_its_surface_not_through_a_dichroscope(name):
    from gemlang.assistant.answer import Answer
    from gemlang.assistant.stone_answers import checks_on_the_spot
    from gemlang.knowledge import get_facts

    answer = Answer(message="how can I check it here at the stall?")
    said = checks_on_the_spot(get_facts(name), answer, "the specific gravity")
    assert said.startswith(f"On the spot: with a 10x loupe, look at its surface for what marks {name}: "), said
    assert "shows nothing here: light must pass through a stone" in said and "through a dichroscope it" not in said
    assert "shows Malachite's weak pleochroism" not in said and any("gemstonebuzz" in n for n in answer.notes)


@pytest.mark.parametrize(
    ("message", "noted"),
    [("it's about 2 carats", "Noted: about 2 ct, 0.4 g"), ("weighs 1.5 g", "Noted: 7.5 ct, 1.5 g"),
     ("it weighs two carats", "Noted: 2 ct, 0.4 g"), ("a carat and a half", "Noted: 1.5 ct, 0.3 g")],
)  # fmt: skip
def test_a_weight_told_is_acknowledged_in_a_line_and_the_answer_kept(message, noted):
    chat = Assistant(classifier=None).conversation()
    chat.ask("red stone, RI 1.762-1.770, SG 4.00")
    answer = chat.ask(message)  # was the whole card again
    assert answer.reply.startswith(noted) and "Weight alone does not tell one gem from another" in answer.reply
    assert "Ruby" in answer.gem and not answer.description


@pytest.mark.parametrize(
    ("message", "noted"),
    [("it weighs two carats", "Noted: 2 ct, 0.4 g"), ("half a carat", "Noted: 0.5 ct, 0.1 g"),
     ("a quarter carat", "Noted: 0.25 ct, 0.05 g"), ("it weighs 3 ct", "Noted: 3 ct, 0.6 g")],
)  # fmt: skip
def test_a_weight_told_before_any_photo_or_reading_is_noted_and_said_to_name_no_gem(message, noted):
    reply = Assistant(classifier=None).conversation().ask(message).reply  # was the help text
    assert reply.startswith(noted) and "Weight alone does not identify a gem" in reply and "a photo" in reply


@pytest.mark.parametrize(
    ("message", "noted"),
    [("a 25 pointer", "Noted: 0.25 ct, 0.05 g"),  # was the help text
     ("it weighs 1/2 ct", "Noted: 0.5 ct, 0.1 g"),  # was "Noted: 2 ct"
     ("two stones, one carat each", "Noted: 1 ct each, 2 ct (0.4 g) for the 2 stones"),  # was "Noted: 1 ct"
     ("three stones totalling 2 carats", "Noted: 2 ct, 0.4 g, in total"),  # was "Noted: 2 ct", as of one stone
     ("total carat weight 1.5", "Noted: 1.5 ct, 0.3 g, in total")],  # was the help text
)  # fmt: skip
def test_a_weight_in_points_a_fraction_or_of_several_stones_is_noted_as_such(message, noted):
    reply = Assistant(classifier=None).conversation().ask(message).reply
    assert reply.startswith(noted) and "a photo" in reply
    several = "stones" in message or "total" in message
    assert ("a total weight is of all the stones together" in reply) == ("total" in message)
    assert ("a photo of each stone, in a message of its own" in reply) == several
    assert ("0.67 ct each on average" in reply) == message.startswith("three")


@pytest.mark.parametrize(
    ("message", "noted"),
    [("my ring has fifteen carats of sapphire", "**Sapphire**: Noted: 15 ct, 3 g"),  # were the card, no weight
     ("i have a twelve points diamond", "**Diamond**: Noted: 0.12 ct, 0.024 g"),
     ("a twenty-five pointer diamond", "**Diamond**: Noted: 0.25 ct, 0.05 g"),
     ("a ninety nine carat sapphire", "**Sapphire**: Noted: 99 ct, 19.8 g"),
     ("twelve stones totalling 3 carats, diamonds", "**Diamond**: Noted: 3 ct, 0.6 g, in total"),  # was 1.5 ct
     ("the star sapphire has six points", "**Sapphire**")],  # the points of a star weigh nothing
)  # fmt: skip
def test_a_weight_or_a_count_in_words_beyond_ten_is_read_like_one_in_figures(message, noted):
    reply = Assistant(classifier=None).conversation().ask(message).reply
    assert reply.startswith(noted) and ("Noted" in reply) == ("star" not in message)
    assert "of 12 stones, 0.25 ct each" in reply if message.startswith("twelve stones") else "stones" not in reply


def test_a_count_or_weight_in_words_past_a_hundred_is_read_whole_not_by_its_last_word():
    chat = Assistant(classifier=None).conversation()
    reply = chat.ask("i have one hundred and twenty stones, 6 carats total").reply  # was "of 20 stones, 0.3 ct each"
    assert reply.startswith("Noted: 6 ct, 1.2 g, in total") and "of 120 stones, 0.05 ct each on average" in reply
    assert (
        Assistant(classifier=None)
        .conversation()
        .ask("two hundred and fifty carats of amethyst")
        .reply.startswith("**Amethyst**: Noted: 250 ct, 50 g")
    )  # was 50 ct


def test_a_weight_told_with_a_colour_is_noted_and_said_with_the_colour_to_name_no_gem():
    reply = Assistant(classifier=None).conversation().ask("a carat and a half, blue").reply  # was "A colour alone"
    assert reply.startswith("Noted: 1.5 ct, 0.3 g") and "A colour (blue) and a weight still fit too many" in reply


@pytest.mark.parametrize(
    ("question", "said"),
    [("how many points is a 0.25 carat diamond?", "**0.25 ct is 25 points**: a carat is divided into 100 points"),
     ("is a 50 point diamond half a carat?", "**A 50 point diamond weighs 0.5 ct (0.1 g)**"),  # were Diamond's card
     ("how many carats is 25 points?", "**A 25 point stone weighs 0.25 ct"),
     ("what does 25 points mean?", "**A 25 point stone weighs 0.25 ct (0.05 g)**"),  # were the help text
     ("what does twenty five points mean?", "**A 25 point stone weighs 0.25 ct (0.05 g)**"),
     ("what do 30 points stand for?", "**A 30 point stone weighs 0.3 ct (0.06 g)**"),
     ("what does 1/2 ct tw mean?", "**0.5 ct total weight**: A total carat weight"),  # were the help text
     ("what is ctw?", "**Total carat weight**: A total carat weight (ct tw, ctw"),
     ("what is a 1 ctw diamond ring?", "**1 ct total weight**"),  # was Diamond's card
     ("what is a point in diamond weight?", "**Points**: a carat is divided into 100 points"),  # was Diamond's card
     ("what is the total weight of 3 stones of 0.5 ct?", "**3 stones of 0.5 ct weigh 1.5 ct in total**"),
     ("what size is a 1/2 carat diamond?", "**A 0.5 ct round brilliant diamond** typically measures 5.0 mm")],  # 2 ct
)  # fmt: skip
def test_points_and_a_total_carat_weight_are_worked_out_with_their_sources(question, said):
    answer = Assistant(classifier=None).conversation().ask(question)
    assert answer.reply.startswith(said) and not answer.candidates
    assert "size" in question or any("<http" in n for n in answer.notes)


@pytest.mark.parametrize(
    ("question", "said", "term"),
    [("why does spinel give one reading?", "**Spinel**: optic character isotropic", "**Singly refractive**"),
     ("why does ruby show two readings on the refractometer?", "optic character uniaxial", "**Doubly refractive**"),
     ("why do I get two shadow edges with tourmaline?", "optic character uniaxial", "**Doubly refractive**")],
)  # fmt: skip
def test_why_a_gem_gives_one_or_two_readings_is_its_optic_character_with_what_that_means(question, said, term):
    reply = Assistant(classifier=None).conversation().ask(question).reply  # was the gem's card
    assert said in reply and term in reply and "crystal system" in reply


@pytest.mark.parametrize(
    ("question", "said"),
    [("why does ruby show two readings?", "**Ruby**: birefringence 0.008, optic character uniaxial"),
     ("why do I get two shadow edges with tourmaline?", "**Tourmaline**: birefringence 0.014–0.021")],
)  # fmt: skip
def test_why_a_gem_gives_two_readings_says_the_birefringence_they_differ_by(question, said):
    reply = Assistant(classifier=None).conversation().ask(question).reply  # was its optic character alone
    assert said in reply and "crystal system" in reply
    one = Assistant(classifier=None).conversation().ask("why does spinel give one reading?").reply
    assert "birefringence" not in one.split("\n")[0]


@pytest.mark.parametrize(
    ("question", "said", "term"),
    [("how many readings does peridot give?", "**Peridot** gives two readings on the refractometer: birefringence "
      "0.035–0.038", "**Doubly refractive**"),
     ("how many shadow edges does quartz show?", "**Quartz** gives two readings on the refractometer: birefringence "
      "0.009", "**Doubly refractive**"),
     ("how many readings does spinel give?", "**Spinel** gives one reading on the refractometer",
      "**Singly refractive**")],
)  # fmt: skip
def test_how_many_readings_a_gem_gives_is_one_or_two_by_its_optic_character(question, said, term):
    reply = Assistant(classifier=None).conversation().ask(question).reply  # was the gem's card
    assert reply.startswith(said) and term in reply and "optic character" in reply


@pytest.mark.parametrize(
    "question", ["why does glass give only one reading?", "why do I see only one reading for glass?"]
)
def test_why_a_stone_gives_one_reading_is_what_singly_refractive_means(question):
    chat = Assistant(classifier=None).conversation()
    chat.ask("red stone, RI 1.762-1.770, SG 4.00")
    assert chat.ask(question).reply.startswith("**Singly refractive**: A singly refractive")  # was the corundum card


@pytest.mark.parametrize(
    ("text", "start", "listed"),
    [("what is fake tanzanite made of?", "**Sold as tanzanite, not tanzanite**: synthetic forsterite", "iolite"),
     ("what is fake jade made of?", "**Sold as jade, not jade**: serpentine (bowenite)", "of one of its minerals"),
     ("what are imitation pearls made of?", "**Sold as pearl, not pearl**: coated glass beads", "plastic"),
     ("what imitates diamond?", "**Sold as diamond, not diamond**: lab-grown diamond, cubic zirconia", "moissanite"),
     ("what is amber imitated with?", "**Sold as amber, not amber**: copal", "plastics")],
)  # fmt: skip
def test_what_a_fake_gem_is_made_of_lists_what_is_sold_in_its_place_and_what_tells_them(text, start, listed):
    answer = Assistant(None).conversation().ask(text)  # were the gem's chemistry, or its bare card
    assert answer.reply.startswith(start) and listed in answer.reply, answer.reply[:160]
    assert "own constants and signs" in answer.reply and "chemistry" not in answer.reply


@pytest.mark.parametrize("text", ["what does spinel imitate?", "how do I tell turquoise from howlite?"])
def test_a_gem_that_imitates_or_one_imitation_compared_is_no_list_of_its_imitations(text):
    said = Assistant(None).conversation().ask("what is a simulated diamond?").reply  # the term, then the list
    assert said.startswith("**Simulant**: ") and "**Sold as diamond, not diamond**: " in said
    assert not Assistant(None).conversation().ask(text).reply.startswith("**Sold as")


@pytest.mark.parametrize(
    ("text", "start", "term"),
    [("can you tell if it's fake from a photo?", "**Not from a photo alone.** A lab-grown stone", "**Simulant**: "),
     ("can you tell from a photo if it's synthetic?", "**Not from a photo alone.**", "**Synthetic**: "),
     ("is moissanite a real gem?", "**An imitation, not a natural gem**: Moissanite is a simulant", "**Simulant**: "),
     ("is cubic zirconia a real gemstone?", "**An imitation, not a natural gem**: Cubic zirconia", "**Simulant**: ")],
)  # fmt: skip
def test_fake_from_a_photo_or_an_imitation_asked_to_be_a_real_gem_is_answered_plainly(text, start, term):
    answer = Assistant(None).conversation().ask(text)  # were the help text, or the simulant's bare card
    assert answer.reply.startswith(start) and term in answer.reply, answer.reply[:120]
    assert any(n.startswith("source (") and "<http" in n for n in answer.notes)


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("is a 1 carat sapphire smaller than a 1 carat diamond?",  # was Sapphire's card alone
         "At the same carat weight Sapphire is the smaller: it is denser (SG 3.99–4.01) than Diamond (SG 3.52)"),
        ("which is bigger, a 1 ct ruby or a 1 ct diamond?", "At the same carat weight Ruby is the smaller"),
        ("is a 1ct ruby the same size as a 1ct sapphire?", "At the same carat weight Ruby and Sapphire are about"),
        ("does carat mean size?", "**Carat**: The carat (ct) is the unit in which gems are weighed"),  # was the help
    ],
)  # fmt: skip
def test_a_carat_set_against_a_size_is_a_weight_and_of_two_gems_the_denser_is_the_smaller(question, said):
    answer = Assistant(classifier=None).conversation().ask(question)
    assert answer.reply.startswith(said) and "It is a weight, not a size" in answer.reply
    assert any("iconicjewelry.com" in note for note in answer.notes)


@pytest.mark.parametrize(
    ("question", "said"),
    [("is a 1 carat ruby harder than a 1 carat diamond of the same size?", "Diamond is harder than Ruby"),
     ("is a bigger carat worth more?", "I do not price stones"),
     ("does size affect the price per carat?", "I do not price stones")],
)  # fmt: skip
def test_a_hardness_or_a_price_asked_of_stones_of_a_size_is_answered_not_the_carat(question, said):
    answer = Assistant(classifier=None).conversation().ask(question)  # were the carat entry
    assert said in answer.reply and "**Carat**" not in answer.reply, answer.reply[:120]


def test_a_stones_own_weight_and_size_told_are_no_carat_question():
    told = Assistant(classifier=None).conversation().ask("my stone weighs 2.1 ct and measures 8 mm, what is it?")
    assert "**Carat**" not in told.reply


@pytest.mark.parametrize(
    "question",
    ["is it worth insuring?", "does it need insurance?",  # were "My facts on Emerald do not answer that."
     "what's the difference between replacement value and market value?"],  # was the how-to-begin help
)  # fmt: skip
def test_insuring_a_piece_and_the_values_it_is_given_are_answered_by_the_appraisal_entry(question):
    for chat in (Assistant(classifier=None).conversation(), _after_an_emerald()):
        answer = chat.ask(question)
        assert answer.reply.startswith("**Appraisal**: An appraisal is a written opinion") and "chubb.com" in str(
            answer.notes
        ), question


@pytest.mark.parametrize(
    "question",
    ["what should an insurance schedule list for each stone?", "what do I need for jewellery insurance?",
     "what should my insurance appraisal include?", "what details does my insurer need for my ring?"],
)  # fmt: skip
def test_what_an_insurance_appraisal_lists_for_each_piece_includes_a_photograph_and_a_recognisable_description(
    question,
):
    answer = Assistant(classifier=None).conversation().ask(question)  # was no word on a photograph or the adjuster
    assert answer.reply.startswith("**Appraisal**: ")
    assert "measurements, weight and grades, its treatments" in answer.reply
    assert "a photograph, though not required, makes a lost piece much easier to identify" in answer.reply
    assert "the adjuster relies on the description rather than the figure" in answer.reply
    assert any("gemguide.com" in n and "once it no longer exists" in n for n in answer.notes)


@pytest.mark.parametrize(
    ("question", "said", "source"),
    [("how often should jewellery be reappraised?", "**Reappraisal**: An appraisal gives a value on one date",
      "geolat.com"),  # was the how-to-begin help
     ("how do I measure a mounted stone?", "**Leveridge gauge**: A Leveridge gauge is a dial caliper",
      "octonus.com"),  # was the how-to-begin help
     ("what is a moe gauge?", "**Leveridge gauge**:", "diamondfaculty.com"),  # was "I have no facts on moe gauge"
     ("what causes a window in a gemstone?", "**Coloured stone cut**:", "pricescope.com"),  # was the help
     ("why does my stone look windowed?", "**Coloured stone cut**:", "pricescope.com"),  # was the help
     ("why is my sapphire windowed?", "**Coloured stone cut**:", "pricescope.com"),  # was the sapphire card
     # were the refractive index entry and a ranking of gems by RI
     ("what is the best cut for a low RI stone?", "**Faceting angles**:", "choosing-angles-for-faceting"),
     ("how do I facet high refractive index gems?", "**Faceting angles**:", "choosing-angles-for-faceting"),
     # were the how-to-begin help
     ("what is a good depth percentage?", "**Depth percentage**:", "suratdiamond.com"),
     ("what is the L/W ratio of an oval?", "**Length-to-width ratio**:", "brilliantearth.com"),
     # were the how-to-begin help: "ratio" alone, or a proportion's figure taken for a reading
     ("what ratio should an oval be?", "**Length-to-width ratio**:", "brilliantearth.com"),
     ("what's a good ratio for a pear?", "**Length-to-width ratio**:", "brilliantearth.com"),
     ("is a 1.3 ratio good for an oval?", "**Length-to-width ratio**:", "brilliantearth.com"),
     ("is 64% depth too deep?", "**Depth percentage**:", "suratdiamond.com"),
     ("is a depth of 61.5% good?", "**Depth percentage**:", "suratdiamond.com"),
     # were the Diamond and Sapphire cards: the depth of a cut shape asked
     ("what depth should a round diamond be?", "**Depth percentage**:", "suratdiamond.com"),
     ("what depth should a round diamond have?", "**Depth percentage**:", "suratdiamond.com"),
     ("how deep should a round brilliant be?", "**Depth percentage**:", "suratdiamond.com"),
     ("what's a good depth for an oval sapphire?", "**Depth percentage**:", "suratdiamond.com"),
     ("how much weight is lost cutting rough?", "**Yield**:", "faceting-yield"),
     # were the price refusal and the Diamond card: the entry, its figures said to be coloured gems'
     ("how much of a diamond is lost when cutting?", "**For a diamond**: the figures below are for coloured gems",
      "faceting-yield"),
     ("what percentage of a diamond is wasted in cutting?", "**For a diamond**:", "faceting-yield"),
     ("what is a plot diagram on a grading report?", "**Plotting diagram**:", "4cs.gia.edu"),  # was the report's too
     # were the report's alone: "my" report read as the stone in hand
     ("how do I read the plot on my GIA report?", "**Plotting diagram**:", "4cs.gia.edu"),
     ("what does the plot on my cert show?", "**Plotting diagram**:", "4cs.gia.edu")],
)  # fmt: skip
def test_an_appraisers_and_a_cutters_terms_are_answered_from_the_glossary(question, said, source):
    answer = Assistant(classifier=None).conversation().ask(question)
    assert answer.reply.startswith(said) and source in str(answer.notes), answer.reply
    assert "**Lab report**" not in answer.reply  # "on a grading report" says where the plot is found


@pytest.mark.parametrize(
    "question",
    ["how often should I get my jewelry appraised?",  # was the price refusal
     "how often should jewelry be appraised?", "how often should I get it appraised?"],  # were the appraisal entry
)  # fmt: skip
def test_how_often_to_appraise_is_answered_by_the_reappraisal_entry_with_a_stone_in_hand_or_not(question):
    for chat in (Assistant(classifier=None).conversation(), _after_an_emerald()):
        answer = chat.ask(question)
        assert answer.reply.startswith("**Reappraisal**: An appraisal gives a value on one date"), answer.reply[:200]
        assert "geolat.com" in str(answer.notes)


@pytest.mark.parametrize(
    ("question", "said"),
    [("what is dopping?", "**Dopping**: Dop wax is worked soft"),  # was "**Care depends on the gem**: …"
     ("what's rhodium plating?", "**Rhodium plating**: The stones do not take the plating")],
)  # fmt: skip
def test_a_bench_work_asked_to_be_explained_is_headed_by_the_work_not_by_a_gems_care(question, said):
    answer = Assistant(classifier=None).conversation().ask(question)
    assert answer.reply.startswith(said) and "sources (bench work)" in str(answer.notes), answer.reply[:200]
    # asked of a stone's care, the care heading stays
    is_safe = Assistant(classifier=None).conversation().ask("is dopping safe?").reply
    assert is_safe.startswith("**Care depends on the gem**")


def test_the_market_value_of_a_gem_asked_is_a_price_not_the_appraisal_entry():
    answer = Assistant(classifier=None).conversation().ask("what is the market value of a 1 carat ruby?")
    assert "I do not price stones" in answer.reply and "**Appraisal**" not in answer.reply  # was the appraisal entry


def _after_an_emerald():
    chat = Assistant(classifier=None).conversation()
    chat.ask("green stone, RI 1.577-1.583, SG 2.72")
    return chat


@pytest.mark.parametrize(
    "question",
    ["can it be re-polished? the table is scratched",  # was "My facts on Emerald do not answer that."
     "can a diamond be re-polished in its setting?"],  # was Diamond's card
)  # fmt: skip
def test_repolishing_a_set_stone_is_answered_from_the_repolishing_entry(question):
    for chat in (Assistant(classifier=None).conversation(), _after_an_emerald()):
        answer = chat.ask(question)
        assert answer.reply.startswith("**Repolishing**: Repolishing a worn, scratched or chipped stone is in practice")
        assert "comes out of the mounting first" in answer.reply and "ganoksin.com" in str(answer.notes)


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("what's the weight of a 7x5 oval sapphire?",  # was Sapphire's card
         "each millimetre of depth makes about 0.29 ct"),
        ("what would a 7x5x3.5 mm oval sapphire weigh?", "about 1.01 ct (0.2 g)"),  # 6² x 3.5 x 4.00 x 0.0020
        ("how many carats is a 8x6x4 emerald cut emerald?", "about 1.31 ct"),  # 8 x 6 x 4 x 2.72 x 0.0025
        ("how many carats is a 7x5x3 stone?", "the factor depends on the cut"),
        ("how much does a 10x8 emerald cut aquamarine weigh?", "with Aquamarine's SG"),  # the cut names no emerald
        ("what is the weight of an 8 mm round amethyst 5 mm deep?", "about 1.53 ct"),  # 8² x 5 x 2.65 x 0.0018
        ("what is a 6x4 mm oval in carats?", "**Estimated weight of a 6 × 4 mm oval stone**"),
        ("how do I estimate carat weight from mm size?", "**Estimating carat weight**"),  # was the carat entry
        # a mounted stone, which only measurements weigh: was Emerald's card
        ("how can I estimate the carat weight of a mounted emerald?", "For Emerald, SG 2.67–2.78."),
        # asked as a task, not a question: was Ruby's card
        ("estimate the weight of a 6 x 4 mm oval ruby", "**Estimated weight of a 6 × 4 mm oval ruby**"),
    ],
)  # fmt: skip
def test_a_weight_is_worked_out_from_measurements_with_the_cuts_formula_and_the_gems_sg(question, said):
    answer = Assistant(classifier=None).conversation().ask(question)
    assert said in answer.reply and "gempulse.com" in str(answer.notes), answer.reply


@pytest.mark.parametrize(
    ("question", "said"),
    [("how many carats is a 7 mm round diamond?",  # was only "each millimetre of depth makes about 0.31 ct"
      "**Estimated weight of a 7 mm round diamond**: A 7 mm round brilliant diamond cut to good proportions weighs "
      "about 1.36 ct (worked out from the diamond size chart's 1.25 ct at 6.8 mm)"),  # 1.25 x (7 / 6.8)³
     ("what would a 7 mm round ruby weigh?", "a 7 mm round ruby would weigh about 1.55 ct")],  # 1.36 x 4.01 / 3.52
)  # fmt: skip
def test_the_weight_of_a_round_of_one_diameter_is_read_off_the_diamond_size_chart(question, said):
    answer = Assistant(classifier=None).conversation().ask(question)
    assert said in answer.reply and "diamondsareforeveryone" in str(answer.notes) and "gempulse" in str(answer.notes)


def test_the_weight_asked_of_the_stone_in_hand_gives_the_factors_and_its_measurements_are_worked_out():
    chat = _after_an_emerald()
    assert "oval 0.0020" in chat.ask("what is the weight?").reply  # was "use the formula for its cut", none given
    assert "about 0.59 ct" in chat.ask("it's 7x5x3 mm oval, how much does it weigh?").reply  # 6² x 3 x 2.72 x 0.002


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("what size is a 1 carat diamond?", "**A 1 ct round brilliant diamond** typically measures 6.5 mm across"),
        ("how big is a 2 carat sapphire?", "**A 2 ct round sapphire** is about 7.7 mm across: an estimate"),
        ("how much does a 1 carat ruby weigh in grams?", "**A 1 ct ruby weighs 0.2 g**"),  # were the carat entry
        ("how many carats is 1 gram?", "**1 g is 5 ct**"),
        ("how many grams is 5 carats?", "**5 ct is 1 g**"),
    ],
)  # fmt: skip
def test_the_size_of_a_weight_and_a_weight_in_grams_are_worked_out(question, said):
    assert Assistant(classifier=None).conversation().ask(question).reply.startswith(said)


def test_which_setting_protects_a_gem_is_answered_with_its_own_toughness():
    emerald = Assistant(classifier=None).conversation().ask("is a bezel or a prong setting better for an emerald?")
    assert emerald.reply.startswith("**Protective setting**") and "Emerald (toughness poor" in emerald.reply  # was
    assert "gemsociety.org" in str(emerald.notes)  # "**The bezel**: my facts are of gems, not of the metal"
    after = _after_an_emerald().ask("what setting protects it best?")  # was "My facts on Emerald do not answer that."
    assert after.reply.startswith("**Protective setting**") and "Of the stone itself: Emerald" in after.reply
    opal = Assistant(classifier=None).conversation().ask("can opal be set in a ring?")  # was Opal's card
    assert opal.reply.startswith("**Protective setting**") and "Of the stone itself: Opal" in opal.reply
    loose = Assistant(classifier=None).conversation().ask("is the bezel worn on my emerald?")
    assert loose.reply.startswith("**The bezel**: my facts are of gems")  # the one in hand: still the metal's


@pytest.mark.parametrize(
    ("question", "term"),
    [("what is a tension setting?", "Tension setting"),  # were "I have no facts on tension setting"
     ("what is a channel setting?", "Channel setting"), ("what's pavé?", "Pavé setting"),
     ("what is a halo ring?", "Halo setting"), ("what is a gypsy setting?", "Flush setting"),
     ("what is a cluster ring?", "Cluster setting"),
     ("what is a rub-over setting?", "Protective setting"),  # was the how-to-begin help
     ("is channel setting secure?", "Channel setting"),  # was the how-to-begin help
     ("is pavé setting durable?", "Pavé setting"),  # was "**Care depends on the gem**"
     ("what is a solitaire?", "Solitaire setting"),  # were "I have no facts on solitaire"
     ("what is a solitaire ring?", "Solitaire setting"),
     ("what is a halo on a ring?", "Halo setting"),  # were the how-to-begin help
     ("what is a tension on a ring?", "Tension setting")],
)  # fmt: skip
def test_each_common_setting_is_explained_from_the_glossary(question, term):
    answer = Assistant(classifier=None).conversation().ask(question)
    assert answer.reply.startswith(f"**{term}**: ") and answer.notes and not answer.candidates


@pytest.mark.parametrize(
    ("question", "first", "second"),
    [("tension vs bezel setting", "Tension setting", "Protective setting"),  # were the how-to-begin help
     ("channel setting vs pave", "Channel setting", "Pavé setting"),
     ("flush vs bezel", "Flush setting", "Protective setting"),
     ("halo or cluster setting, which is better?", "Halo setting", "Cluster setting"),  # was Cluster alone
     ("halo vs solitaire", "Halo setting", "Solitaire setting"),  # was the how-to-begin help
     ("opal: bezel or tension?", "Protective setting", "Tension setting")],
)  # fmt: skip
def test_two_settings_compared_by_their_bare_names_are_each_answered_from_their_entries(question, first, second):
    reply = Assistant(classifier=None).conversation().ask(question).reply
    assert reply.startswith(f"**{first}**: ") and f" **{second}**: " in reply
    assert ("Of the stone itself: Opal" in reply) == ("opal" in question)


@pytest.mark.parametrize(
    "question",
    ["what is the difference between a halo and a cluster setting?",  # was the cluster entry alone
     "what's the difference between halo and cluster settings?"],
)  # fmt: skip
def test_two_terms_sharing_their_last_word_said_once_are_each_explained(question):
    reply = Assistant(classifier=None).conversation().ask(question).reply
    assert reply.startswith("**Halo setting**: ") and "**Cluster setting**: " in reply


def test_a_halo_around_an_inclusion_is_no_setting():
    from gemlang.knowledge.care import stone_in_a_setting

    assert stone_in_a_setting("there is a halo around the inclusion in my ring's sapphire, what is it?") == ("", [])


def test_whether_a_named_setting_suits_a_gem_is_that_settings_entry_with_the_gems_toughness():
    opal = Assistant(classifier=None).conversation().ask("is a tension setting ok for opal?")  # was Opal's card
    assert opal.reply.startswith("**Tension setting**") and "only a hard, tough stone" in opal.reply
    assert "Of the stone itself: Opal" in opal.reply
    turquoise = Assistant(classifier=None).conversation().ask("is a flush setting good for turquoise?")
    assert turquoise.reply.startswith("**Flush setting**") and "opal or turquoise" in turquoise.reply
    kinds = Assistant(classifier=None).conversation().ask("what types of settings are there?")  # was the help
    assert kinds.reply.startswith("**Protective setting**")
    listed = "Other settings I can explain: tension, channel, pavé, halo, flush, cluster, solitaire and Tiffany"
    assert listed in kinds.reply


@pytest.mark.parametrize(
    "question",
    ["what setting styles are there?", "what types of settings are there?",
     "what ring setting types are there?", "what are the setting styles?"],  # were the how-to-begin help
)  # fmt: skip
def test_the_settings_listed_name_the_tiffany_setting_the_glossary_explains(question):
    # "what setting styles are there?" was the protective setting alone, and no list named Tiffany
    kinds = Assistant(classifier=None).conversation().ask(question)
    assert kinds.reply.startswith("**Protective setting**")
    assert "solitaire and Tiffany; ask about one by name" in kinds.reply
    tiffany = Assistant(classifier=None).conversation().ask("is a tiffany setting ok for opal?")  # was the Opal card
    assert tiffany.reply.startswith("**Tiffany setting**") and "Of the stone itself: Opal" in tiffany.reply


@pytest.mark.parametrize(
    ("question", "term"),
    [("my ring has a halo setting, what is the centre stone?", "Halo setting"),
     ("what are the side stones in my halo ring?", "Halo setting"),
     ("I have a cluster ring, what are the stones?", "Cluster setting"),
     ("my ring has a bezel setting, what gem is it?", "Protective setting"),
     ("what gem is in my pave ring?", "Pavé setting"),
     ("my engagement ring has a halo, what's the middle stone?", "Halo setting"),  # was the how-to-begin help
     ("my ring has a halo of diamonds, what is the centre stone?", "Halo setting"),  # were the Diamond card
     ("my engagement ring has a diamond halo, what is the center stone?", "Halo setting")],
)  # fmt: skip
def test_the_stone_asked_of_a_named_setting_needs_a_photo_and_the_setting_is_explained(question, term):
    answer = Assistant(classifier=None).conversation().ask(question)  # was the how-to-begin help
    assert answer.reply.startswith("**The setting does not say which gems it holds**: any stone can be set so. Send")
    assert f"\n\n**{term}**: " in answer.reply and answer.notes and not answer.candidates


@pytest.mark.parametrize(
    "question",
    [
        "what's a prong?",
        "what are claws on a ring?",  # were "**Care depends on the gem**"
        "what does bezel set mean?",
    ],  # was the how-to-begin help
)
def test_a_bare_prong_claw_or_bezel_asked_about_is_the_protective_setting_entry(question):
    answer = Assistant(classifier=None).conversation().ask(question)
    assert answer.reply.startswith("**Protective setting**: A setting holds a stone in metal") and answer.notes


@pytest.mark.parametrize(
    ("question", "part"),
    [("one of the prongs is bent, is the stone safe?", "prongs"),  # were ruby's care notes
     ("will the stone fall out of a prong setting?", "setting"), ("the bezel looks thin, should I worry?", "bezel")],
)  # fmt: skip
def test_a_worn_setting_after_a_photo_is_the_jewellers_to_check_then_the_stones_toughness(assistant, question, part):
    chat = assistant.conversation()
    first = chat.ask("what gem is this?", [red_stone_photo()])
    reply = chat.ask(question).reply
    assert reply.startswith(f"**The {part}**: my facts are of gems, not of the metal they are set in")
    assert f"Of the stone itself: {first.gem} (toughness" in reply
    assert "The setting" not in chat.ask("does the colour come out in water?").reply  # no metal asked


@pytest.mark.parametrize(
    "question",
    ["my ring has a halo of diamonds, what is the centre stone?",  # was "**Probably not**: Diamond: <1% …"
     "it's surrounded by small diamonds, what is the main stone?",
     "my ring has a diamond halo, what's the center stone?",
     "the side stones are diamonds, what is the middle stone?",  # was "My facts on Ruby do not answer that."
     "what is the stone in the middle?", "what is the centre stone?", "what's the big stone?"],
)  # fmt: skip
def test_the_centre_stone_asked_of_a_photographed_piece_is_the_stone_in_hand_not_its_side_diamonds(assistant, question):
    chat = assistant.conversation()
    first = chat.ask("what gem is this?", [red_stone_photo()])
    answer = chat.ask(question)
    assert answer.gem == first.gem and answer.candidates == first.candidates
    assert "Diamond" not in answer.reply and "do not answer that" not in answer.reply


@pytest.mark.parametrize(
    ("question", "said"),
    [("is ruby colour natural?", "**Ruby**: Treatments of ruby: heat treatment"),  # were the general treatment entry
     ("is sapphire color natural?", "**Sapphire**: Treatments of sapphire"),
     ("is the topaz colour real?", "**Topaz**: Treatments of topaz")],
)  # fmt: skip
def test_whether_a_named_gems_colour_is_natural_is_answered_with_its_treatments(question, said):
    assert Assistant(classifier=None).conversation().ask(question).reply.startswith(said)


def test_what_an_appraisal_says_of_treatment_is_answered_with_the_disclosure_rule():
    answer = Assistant(classifier=None).conversation().ask("what should a valuation say about treatment?")
    assert answer.reply.startswith("**Appraisal**") and "an appraisal should say what is known of them" in answer.reply
    assert "16 CFR 23.24" in answer.reply and "gemguide.com" in str(answer.notes)  # was nothing on disclosure
    plain = Assistant(classifier=None).conversation().ask("do I need an appraisal?")
    assert "16 CFR 23.24" not in plain.reply  # the rule only where treatment is asked


@pytest.mark.parametrize(
    "text",
    ["is synthetic the same as fake?", "difference between synthetic and fake?",
     "what is the difference between a simulant and a synthetic?"],
)  # fmt: skip
def test_synthetic_and_fake_asked_together_get_both_entries_and_how_they_differ(text):
    answer = Assistant(None).conversation().ask(text)  # was the help text, or the synthetic entry alone
    reply = answer.reply
    assert "**Synthetic**: A synthetic gem is" in reply and "**Simulant**: A simulant, or imitation" in reply
    assert "**Synthetic or simulant**: A synthetic and a simulant differ in what they are" in reply
    assert any("langantiques.com/university/imitation" in n for n in answer.notes)


@pytest.mark.parametrize(
    ("text", "reply"),
    [("is lab-grown the same as synthetic?", "**Yes**: Lab-grown, laboratory-created and synthetic name one thing"),
     ("are lab-created and synthetic the same?", "**Yes**: Lab-grown, laboratory-created and synthetic"),
     ("is lab grown different from lab created?", "**No**: Lab-grown, laboratory-created and synthetic"),
     ("what's the difference between lab-grown and synthetic?", "**Lab-grown or synthetic**: Lab-grown, laboratory")],
)  # fmt: skip
def test_two_names_of_lab_grown_asked_the_same_are_said_to_be_one_thing_with_the_rule(text, reply):
    answer = Assistant(None).conversation().ask(text)  # was the synthetic entry with no plain answer, or the help text
    assert answer.reply.startswith(reply) and '"lab-created" can be wider' in answer.reply
    assert any("section-23.25" in n and "jtv.com" in n for n in answer.notes)
    assert Assistant(None).conversation().ask("what is synthetic?").reply.startswith("**Synthetic**")  # one name


@pytest.mark.parametrize(
    "text", ["what does lab-created mean?", "what is lab-grown?", "what does created mean?", "what's 'lab grown'?"]
)
def test_lab_grown_asked_alone_is_the_entry_of_that_name_with_its_rule(text):
    answer = Assistant(None).conversation().ask(text)  # was the synthetic entry, or the help text for "created"
    assert answer.reply.startswith("**Lab-grown or synthetic**: Lab-grown, laboratory-created and synthetic")
    assert any("section-23.25" in n for n in answer.notes)


@pytest.mark.parametrize(
    ("text", "term"),
    [("is a doublet the same as a triplet?", "**Doublet and triplet**"), ("what is a fake?", "**Simulant**")],
)  # fmt: skip
def test_two_terms_asked_the_same_and_a_fake_asked_are_explained_from_the_glossary(text, term):
    assert Assistant(None).conversation().ask(text).reply.startswith(term)  # were the help text, "no facts on fake"


@pytest.mark.parametrize(
    ("text", "start", "term"),
    [("is amber resin?", "**Yes**: Amber is fossil tree resin, an organic gem.", "**Resin**: "),
     ("is opal silica?", "**Yes**: Opal is hydrated amorphous silica.", "**Mineraloid**: "),
     ("is amethyst a real gem?", "**Yes**: Amethyst is a natural gem, and a mineral (quartz).", "**Gem or mineral**: "),
     ("is sapphire a genuine gemstone?", "**Yes**: Sapphire is a natural gem", "**Gem or mineral**: "),
     ("is crystal glass a gem?", "**An imitation, not a natural gem**: Glass is a simulant", "**Simulant**: ")],
)  # fmt: skip
def test_a_gem_asked_to_be_real_or_the_material_it_is_made_of_is_answered_yes_or_no(text, start, term):
    answer = Assistant(None).conversation().ask(text)  # were bare cards, or the help text
    assert answer.reply.startswith(start) and f"\n\n{term}" in answer.reply, answer.reply[:200]
    assert answer.notes  # the glossary entry's source


@pytest.mark.parametrize(
    ("text", "start", "term"),
    [("is this stone man-made?", "**Man-made?** Nothing you have told me shows whether it is", "**Synthetic**: "),
     ("is it fake?", "**Fake?** Nothing you have told me shows whether it is", "**Simulant**: "),
     ("is my stone natural?", "**Natural?** Nothing you have told me shows whether it is", "**Natural**: "),
     # were the how-to-begin help
     ("is this lab-made?", "**Lab-made?** Nothing you have told me shows whether it is", "**Synthetic**: "),
     ("is this synthetic?", "**Synthetic?** Nothing you have told me shows whether it is", "**Synthetic**: "),
     ("was it made in a lab?", "**Made in a lab?** Nothing you have told me shows whether it is", "**Synthetic**: ")],
)  # fmt: skip
def test_whether_a_stone_not_yet_shown_is_natural_says_what_would_tell_and_what_the_word_means(text, start, term):
    reply = Assistant(None).conversation().ask(text).reply  # was the help text
    assert reply.startswith(start) and "what a 10x loupe shows" in reply and f"\n\n{term}" in reply
    assert "lab-grown" not in Assistant(None).conversation().ask("is it natural or cultured?").reply  # a pearl's
    assert Assistant(None).conversation().ask("dyed stone or an imitation").reply.startswith("**Treatment**")


@pytest.mark.parametrize(
    ("text", "start"),
    [("is lab-grown ruby a real gem?", "**Yes and no**: a lab-grown ruby is corundum"),
     ("are lab diamonds real diamonds?", "**Yes and no**: a lab diamond is diamond"),
     ("is a lab created diamond fake?", "**No**: a lab created diamond is diamond itself, not an imitation"),
     ("the seller swears it's not moissanite, can I trust him?", "**Not moissanite, as you were told?** Nothing"),
     ("the tag says genuine topaz, is it?", "**Genuine topaz, as you were told?** Nothing you have told me"),
     ("is my sapphire natural or lab grown?", "**Sapphire**: a lab-grown corundum has the same constants"),
     # the choice the other way round: was "**No**: lab-grown ruby is made in a laboratory … not natural ruby"
     ("is my ruby synthetic or natural?", "**Ruby**: a lab-grown corundum has the same constants"),
     ("is my emerald lab-grown or natural?", "**Emerald**: most lab-grown beryl has the constants"),
     # one side of the choice asked alone: was the bare Ruby card
     ("is my ruby natural?", "**Ruby**: a lab-grown corundum has the same constants"),
     ("is my diamond natural?", "**Diamond**: a lab-grown diamond has the same constants"),
     ("was my ruby made in a lab?", "**Ruby**: a lab-grown corundum has the same constants")],
)  # fmt: skip
def test_lab_grown_asked_real_or_fake_a_word_it_is_not_an_imitation_and_a_tags_word_are_answered(text, start):
    # were bare cards ("Lab-grown ruby is made in more than one way ..."), and "Moissanite, as you were told?"
    assert Assistant(None).conversation().ask(text).reply.startswith(start)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("is pink sapphire rarer than ruby?", "My facts do not rank pink sapphire and ruby by rarity"),
        (
            "how do I test a yellow sapphire?",
            "**Testing yellow sapphire**: check the stone against yellow sapphire's constants",
        ),
        ("what are the imitations of pink sapphire?", "**Sold as pink sapphire, not pink sapphire**"),
    ],
)
def test_a_class_named_for_its_colour_is_said_by_its_common_name_inside_a_sentence(text, said):
    reply = Assistant(None).conversation().ask(text).reply
    assert said in reply  # was "sapphire pink", "sapphire yellow": the class label, lower-cased
    assert not re.search(r"sapphire (?:pink|yellow)\b", reply)  # the label itself is reworded on display


@pytest.mark.parametrize("text", ["are blue diamonds rare?", "how rare are blue diamonds?", "is a blue diamond rare?"])
def test_how_rare_blue_diamonds_are_is_answered_from_a_sourced_fact_and_another_colour_is_not(text):
    answer = Assistant(None).conversation().ask(text)  # were diamond's bare card, or that its facts say nothing
    assert answer.reply.startswith("**Diamond**: Blue diamonds of natural colour rank with the rarest")
    assert "traces of boron" in answer.reply
    assert "Gems & Gemology 54(2), 2018" in get_facts("Diamond").citations["history"]  # its source
    pink = Assistant(None).conversation().ask("are pink diamonds rare?").reply  # not what is said of blue ones
    assert pink == "**Diamond**: My facts on Diamond say nothing of how rare pink diamond is."
    whole = Assistant(None).conversation().ask("is diamond rare?").reply  # not as if all diamond were as rare
    assert whole.startswith("**Diamond**: My facts do not say how rare diamond is as a whole, only one colour of it:")


def test_a_rarity_fact_that_names_its_gem_is_not_headed_by_the_name_again():
    reply = Assistant(None).conversation().ask("is pink sapphire rarer than ruby?").reply
    assert "What they say of it: pink sapphire was thought exceptionally rare" in reply  # was "pink sapphire: pink …"
    assert (
        "What they say of it: Emerald: its inclusions"
        in Assistant(None).conversation().ask("which is rarer, emerald or tanzanite?").reply
    )  # a fact that does not name its gem keeps the name before it


@pytest.mark.parametrize(
    ("text", "lead"),
    [("I found a ruby in the creek, is it real?", "**A ruby you found?**"),
     ("we dug up some garnets in the backyard, are they real?", "**A garnet you found?**"),
     ("I found a stone, is it an emerald?", "**An emerald you found?**")],
)  # fmt: skip
def test_a_gem_found_is_asked_of_its_constants_and_is_natural_unless_put_there(text, lead):
    answer = Assistant(None).conversation().ask(text)  # was the find note and the gem's card, with no answer
    assert lead in answer.reply and "constants and signs (RI " in answer.reply
    assert "natural, formed by natural processes" in answer.reply and any("source (natural)" in n for n in answer.notes)
    bought = Assistant(None).conversation().ask("I found a great price on a ruby online, is it real?").reply
    assert "you found?" not in bought


@pytest.mark.parametrize(
    ("text", "opens", "alike"),
    [("I found a clear stone, could it be moonstone?", "Whether it is moonstone is shown by moonstone's constants",
      "Natural gems that look like moonstone: chalcedony and labradorite."),
     ("I found a green stone, could it be emerald?", "Whether it is emerald is shown by emerald's constants",
      "Natural gems that look like emerald: tourmaline, hiddenite, chrome diopside and tsavorite."),
     ("I found a ruby in the creek, is it real?", 'so "real" asks whether it is ruby at all',
      "Natural gems that look like ruby: spinel, red garnet and tourmaline.")],
)  # fmt: skip
def test_a_gem_found_is_answered_with_the_natural_gems_taken_for_it_and_real_only_when_asked(text, opens, alike):
    reply = Assistant(None).conversation().ask(text).reply  # was '"real" asks whether …' unasked, no look-alike
    assert opens in reply and alike in reply
    assert ('"real"' in reply) == ("real" in text)


@pytest.mark.parametrize(
    "text", ["I found this stone", "I found this in a river", "we dug up this crystal", "we dug up a green stone"]
)  # a colour it never has (green of a red stone) says nothing of its look-alikes
def test_a_coloured_stone_found_is_told_apart_from_the_natural_gems_that_look_like_it(assistant, tmp_path, text):
    red_stone_photo(tmp_path / "stone.jpg")  # a ruby or a red garnet to the photo
    answer = assistant.conversation().ask(text, [tmp_path / "stone.jpg"])
    top = get_facts(answer.gem)
    # was the runner-up of the photo alone, or nothing: a find is natural, so spinel is what a red one may be instead
    assert answer.tell_apart.startswith(f"Natural gems that look like {top.name.lower().split(' ')[0]}")
    assert "spinel" in answer.tell_apart.split("\n")[0] and f"To tell {top.name} from Spinel: " in answer.tell_apart
    assert "Spinel" in answer.properties[0]
    bought = assistant.conversation().ask("what gem is this?", [tmp_path / "stone.jpg"])
    assert not bought.tell_apart.startswith("Natural gems that look like")


@pytest.mark.parametrize("text", ["I found a green stone, could it be emerald?", "I found this in a river"])
def test_a_find_whose_look_alikes_are_all_man_made_is_told_apart_from_the_natural_gems_taken_for_it(text):
    from gemlang.knowledge.knowledge_base import all_gems
    from gemlang.knowledge.tell_apart import natural_lookalikes

    chat = Assistant(None, evidence=EvidenceModel(["Emerald", "Flux-Grown Emerald"])).conversation()
    chat.image_probs = np.array([0.9, 0.1])
    answer = chat.ask(text)  # emerald's own list names only man-made ones; tourmaline's, tsavorite's … name emerald
    assert answer.tell_apart.startswith("Natural gems that look like emerald: tourmaline and hiddenite.")
    assert "Flux-Grown" not in answer.tell_apart and "Flux-Grown Emerald" not in answer.properties[0]  # was the pair
    natural = natural_lookalikes(get_facts("Emerald"), all_gems())
    assert {"Tourmaline", "Tsavorite"} <= {g.name for g in natural} and all(g.origin == "natural" for g in natural)


@pytest.mark.parametrize(
    ("text", "listed"),
    [("what are the look-alikes of pink tourmaline?",
      ": natural gems taken for it, those seen in pink first, then the nearest in refractive index: ruby and pink "
      "sapphire. Sold in its place: lab-grown tourmaline and glass."),
     ("what are the look-alikes of green tourmaline?", ": natural gems taken for it, those seen in green first, then "
      "the nearest in refractive index: emerald, peridot, andalusite and hiddenite."),
     ("what are the look-alikes of tourmaline?", ": natural gems taken for it, those seen in pink first, then the "
      "nearest in refractive index: ruby, pink sapphire, emerald and peridot. Sold in its place: lab-grown "
      "tourmaline and glass.")],
)  # fmt: skip
def test_the_look_alikes_of_a_colour_of_a_gem_are_those_seen_in_it_natural_gems_first(text, listed):
    reply = Assistant(None).conversation().ask(text).reply  # was "Sold as tourmaline …: emerald (look-alike), …"
    asked = text.removeprefix("what are the look-alikes of ").rstrip("?")
    assert reply.startswith(f"**Look-alikes of {asked}**") and listed in reply and "(look-alike" not in reply


@pytest.mark.parametrize(
    "text",
    ["what are emerald look-alikes?", "what looks like emerald?", "what is mistaken for emerald?",
     "what is emerald often confused with?", "which gems resemble emerald?", "what gems look like emerald?",
     "what can be mistaken for an emerald?"],
)  # fmt: skip
def test_the_look_alikes_of_a_gem_are_answered_however_asked_nearest_first(text):
    reply = Assistant(None).conversation().ask(text).reply  # was emerald's bare card
    assert reply.startswith(
        "**Look-alikes of emerald**: natural gems taken for it, those seen in green first, then "
        "the nearest in refractive index: tourmaline, hiddenite, chrome diopside and tsavorite."
    )
    assert "Sold in its place: lab-grown emerald, green glass (paste)" in reply
    assert not Assistant(None).conversation().ask("what does emerald look like?").reply.startswith("**Look-alikes")


def test_the_natural_gems_taken_for_a_gem_come_in_its_colour_first_then_nearest_in_refractive_index():
    from gemlang.knowledge.knowledge_base import all_gems
    from gemlang.knowledge.tell_apart import natural_lookalikes

    garnet = [g.name for g in natural_lookalikes(get_facts("Garnet"), all_gems())]
    assert garnet.index("Ruby") < 3 and garnet[-1] == "Jade"  # was alphabetical, jade among the first
    pink = [g.name for g in natural_lookalikes(get_facts("Tourmaline"), all_gems(), "green")]
    assert pink[:2] == ["Emerald", "Peridot"]


def test_a_gem_whose_list_names_only_a_phenomenal_kind_of_another_is_no_look_alike_of_it_as_a_whole():
    # "Colour-change garnet" on alexandrite's and diaspore's lists is colour-change garnet, not every garnet
    reply = Assistant(None).conversation().ask("what looks like garnet?").reply
    assert reply.startswith(  # was "alexandrite, ruby, purple sapphire and spinel"
        "**Look-alikes of garnet**: natural gems taken for it, those seen in red first, then the nearest in "
        "refractive index: ruby, spinel and jade."
    )
    from gemlang.knowledge.knowledge_base import all_gems
    from gemlang.knowledge.tell_apart import natural_lookalikes

    assert "Alexandrite" in [g.name for g in natural_lookalikes(get_facts("Colour-Change Garnet"), all_gems())]
    assert "Scapolite" in [g.name for g in natural_lookalikes(get_facts("Cats Eye"), all_gems())]


def test_plastic_and_foiled_glass_are_listed_among_opals_imitations_with_their_source():
    answer = Assistant(None).conversation().ask("the seller says this opal is plastic")
    assert answer.reply.startswith("**Plastic, not opal, as you were told?**")
    assert "opal triplet, glass with metal foil (Slocum stone) and plastic." in answer.reply  # was the assembled only
    assert get_facts("Opal").citations.get("simulants", "").count("cameo.mfa.org/wiki/Imitation_opal") == 1


@pytest.mark.parametrize(
    ("text", "lead"),
    [("a 25 pointer diamond", "**Diamond**: Noted: 0.25 ct, 0.05 g (a carat is 0.2 g)."),
     ("my ruby is about 1.5 ct", "**Ruby**: Noted: about 1.5 ct, 0.3 g (a carat is 0.2 g)."),
     ("tell me about a 3 ct emerald", "**Emerald**: Noted: 3 ct, 0.6 g (a carat is 0.2 g).")],  # not "about 3 ct"
)  # fmt: skip
def test_a_weight_told_with_the_gem_named_is_noted_before_its_card(text, lead):
    answer = Assistant(None).conversation().ask(text)  # was the card alone, the weight unsaid
    assert answer.reply == lead and answer.description


def test_lab_grown_asked_against_a_fake_keeps_the_entry_on_how_synthetics_and_simulants_differ():
    reply = Assistant(None).conversation().ask("is lab-grown different from fake?").reply
    assert "**Lab-grown or synthetic**" in reply and "**Synthetic or simulant**" in reply


def test_a_hyphenated_name_is_lower_cased_whole_inside_a_sentence():
    from gemlang.language.gem_text import lower_name

    names = {
        n: lower_name(get_facts(n)) for n in ("Flux-Grown Ruby", "Maw-Sit-Sit", "LuAG (Lutetium Aluminium Garnet)")
    }
    assert names == {"Flux-Grown Ruby": "flux-grown ruby", "Maw-Sit-Sit": "maw-sit-sit",
                     "LuAG (Lutetium Aluminium Garnet)": "LuAG (lutetium aluminium garnet)"}  # fmt: skip


@pytest.mark.parametrize(
    ("text", "unknown", "said"),
    [
        ("which is harder, ruby or banana?", "banana", "**Ruby**: Mohs hardness 9."),
        ("banana or diamond, which is heavier?", "banana", "**Diamond**: specific gravity 3.52."),
        ("which is pleochroic, iolite or a banana?", "banana", "**Iolite**: pleochroism very strong"),
        ("ruby vs banana", "banana", "**Ruby**"),
        ("which is rarer, ruby or banana?", "banana", "**Ruby**"),
        ("what is the difference between potato and emerald?", "potato", "**Emerald**"),
        ("is ruby harder than banana?", "banana", "**Ruby**: Mohs hardness 9."),
        ("is a diamond heavier than a potato?", "potato", "**Diamond**: specific gravity 3.52."),
        # asked of both, not compared: the gem's answer alone
        ("where do ruby and banana come from?", "banana", "**Ruby**: Ruby comes chiefly from Myanmar"),
        ("are banana and emerald treated?", "banana", "**Emerald**: Treatments of emerald"),
        ("how hard are ruby and potato?", "potato", "**Ruby**: Mohs hardness 9."),
    ],
)
def test_a_choice_of_a_gem_and_a_name_of_nothing_known_says_so_then_gives_the_gems(text, unknown, said):
    reply = Assistant(classifier=None).conversation().ask(text).reply  # was the gem's alone, the other unmentioned
    gem = said.split("**")[1].lower()
    line = f"can answer only for {gem}" if text.startswith(("where", "are", "how")) else f"cannot compare it with {gem}"
    assert reply.startswith(f"I have no facts on {unknown}, so I {line}.\n\n{said}")


@pytest.mark.parametrize(
    "text",
    # "its" is no name of a thing, nor a colour or a metal ("I have no facts on white", "… on platinum")
    ["are ruby and its imitations heated?", "do ruby and white gold go together?",
     "is sapphire and platinum a good combination?",
     "is emerald softer than I thought?", "is diamond more valuable than people think?"],  # "… on I thought"
)  # fmt: skip
def test_a_pronoun_colour_or_metal_said_with_a_gem_is_no_unknown_name(text):
    assert "I have no facts on" not in Assistant(classifier=None).conversation().ask(text).reply


@pytest.mark.parametrize(
    ("text", "order", "names"),
    [
        ("which is harder, ruby or glass?", "Ruby is harder than Glass (Paste).", {"Ruby", "Glass (Paste)"}),
        ("which is lighter, quartz or plastic?", "Plastic is lighter than Quartz.", {"Quartz", "Plastic"}),
    ],
)
def test_a_choice_of_a_gem_and_glass_or_plastic_compares_the_two(text, order, names):
    said = Assistant(classifier=None).conversation().ask(text)  # was the gem's constant alone
    assert said.reply.startswith(order) and set(said.properties[0][1:]) == names


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("which is more pleochroic, iolite or garnet?", "Iolite is more pleochroic than Garnet: Iolite's pleochroism "
         "is very strong; Garnet shows none."),
        ("which has the weaker pleochroism, iolite or tourmaline?", "Tourmaline is less pleochroic than Iolite"),
        ("is sapphire more dichroic than spinel?", "Sapphire is more pleochroic than Spinel"),
        ("which is more pleochroic, peridot or amethyst?", "Neither is more pleochroic: my facts grade both weak."),
        ("which is more pleochroic, ruby or sapphire?", "Neither is reliably more pleochroic: Ruby's pleochroism is "
         "strong; Sapphire's pleochroism is distinct to strong."),
        ("which is most pleochroic, iolite, tourmaline or garnet?", "Iolite is the most pleochroic: Iolite's "
         "pleochroism is very strong; Tourmaline's pleochroism is strong; Garnet shows none."),
        ("which is least pleochroic, iolite, tourmaline or garnet?", "Garnet is the least pleochroic: Garnet "
         "shows none"),
    ],
)  # fmt: skip
def test_a_degree_of_pleochroism_compared_is_decided_by_the_grades_the_facts_give(text, verdict):
    reply = Assistant(classifier=None).conversation().ask(text).reply  # was each gem's pleochroism, no verdict
    assert reply.startswith(verdict)


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("which has stronger pleochroism, emerald or tanzanite?", "Tanzanite is more pleochroic than Emerald"),
        ("which is more pleochroic, emerald or aquamarine?", "Emerald is more pleochroic than Aquamarine: Emerald's "
         "pleochroism is distinct; Aquamarine's pleochroism is weak."),
        ("is corundum less pleochroic than peridot?", "Peridot is less pleochroic than Corundum"),
    ],
)  # fmt: skip
def test_distinct_pleochroism_is_graded_between_weak_and_strong_with_its_source(text, verdict):
    said = Assistant(classifier=None).conversation().ask(text)  # was "My facts do not grade how strong …"
    assert said.reply.startswith(verdict)
    assert any("none, weak, distinct or strong" in note for note in said.notes)


@pytest.mark.parametrize(
    ("text", "order", "names"),
    [
        ("is opal heavier than glass?", "**No**: Glass (Paste) is heavier than Opal.", {"Opal", "Glass (Paste)"}),
        ("is glass denser than opal?", "**Yes**: Glass (Paste) is heavier than Opal.", {"Opal", "Glass (Paste)"}),
        ("is quartz lighter than plastic?", "**No**: Plastic is lighter than Quartz.", {"Quartz", "Plastic"}),
        ("is ruby heavier than glass?", "Neither is reliably heavier", {"Ruby", "Glass (Paste)"}),
    ],
)
def test_a_gem_said_heavier_or_lighter_than_glass_or_plastic_compares_the_two(text, order, names):
    said = Assistant(classifier=None).conversation().ask(text)  # was the gem's specific gravity alone
    assert said.reply.startswith(order) and set(said.properties[0][1:]) == names


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("is ruby heavier than glass?", "but only for some kinds: crown (soda-lime) glass (2.35–2.65) and light flint "
         "(lead) glass (2.85–3.40) are lighter than Ruby (3.97–4.05); flint and dense flint (lead) glass, strass "
         "(3.40–4.50) overlaps it."),
        ("is zircon more refractive than garnet?", "but only for some kinds: high (normal) zircon (1.920–2.010) is "
         "higher in RI than Garnet (1.730–1.890);"),
    ],
)  # fmt: skip
def test_ranges_that_overlap_only_through_some_kinds_of_a_gem_say_which_kinds_do_not(text, kinds):
    reply = Assistant(classifier=None).conversation().ask(text).reply  # was "their … ranges overlap." and no more
    assert reply.startswith("Neither is reliably") and kinds in reply


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        ("is ruby harder than glass?", "Ruby (Mohs 9) is harder than glass (5.5)"),
        ("is ruby harder than a diamond?", "**No**: Diamond is harder than Ruby."),
    ],
)
def test_a_gem_compared_with_glass_or_another_gem_is_no_question_of_its_kind(text, lead):
    reply = Assistant(classifier=None).conversation().ask(text).reply  # was "**No**: Ruby is not glass …"
    assert reply.startswith(lead) and "not glass" not in reply and "different gems" not in reply


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("is spinel more refractive than ruby?", "**No**: Ruby is higher in RI than Spinel. **Spinel**: refractive "
         "index 1.712–1.720; **Ruby**: refractive index 1.762–1.770."),
        ("which is less refractive, quartz or topaz?", "Quartz is lower in RI than Topaz. **Quartz**: refractive "
         "index"),
    ],
)  # fmt: skip
def test_a_gem_more_or_less_refractive_than_another_is_a_question_of_their_ri(text, said):
    reply = Assistant(classifier=None).conversation().ask(text).reply  # was each one's optic character
    assert reply.startswith(said) and "optic character" not in reply


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        ("is topaz lighter than quartz?", "**No**: Quartz is lighter than Topaz."),
        ("is diamond denser than cubic zirconia?", "**No**: Cubic Zirconia is heavier than Diamond."),
        ("is glass heavier than opal?", "**Yes**: Glass (Paste) is heavier than Opal."),
        ("is peridot harder than garnet?", "Neither is reliably harder"),
    ],
)
def test_a_gem_asked_harder_or_heavier_than_another_is_answered_yes_or_no_then_the_order(text, lead):
    reply = Assistant(classifier=None).conversation().ask(text).reply  # was the order alone: "Quartz is lighter …"
    assert reply.startswith(lead)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("which is harder, ruby or steel?", "Ruby (Mohs 9) is harder than a steel knife (5.5)"),
        ("is topaz harder than a steel file?", "Topaz (Mohs 8) is harder than a steel file (6.5)"),
        ("which is softer, opal or a coin?", "Opal (Mohs 5.5–6.5) is harder than a copper coin (3.5)"),
        ("which is harder, emerald or a nail?", "Emerald (Mohs 7.5–8) is harder than a steel nail (5.5)"),
        ("which is harder, emerald or my nail?", "Emerald (Mohs 7.5–8) is harder than a fingernail (2.5)"),
    ],
)
def test_a_gem_compared_in_hardness_with_a_scratch_test_object_says_which_is_harder(text, said):
    reply = Assistant(classifier=None).conversation().ask(text).reply  # was the gem's hardness alone
    assert reply.startswith(said)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("where do ruby and sapphire come from?", ["Ruby", "Sapphire"]),
        ("where are emerald, ruby and alexandrite mined?", ["Emerald", "Ruby", "Alexandrite"]),
        ("where is ruby from and where is sapphire from?", ["Ruby", "Sapphire"]),
        ("where does sapphire come from, and emerald?", ["Sapphire", "Emerald"]),
        ("which countries produce tanzanite and tsavorite?", ["Tanzanite", "Tsavorite"]),
    ],
)
def test_where_two_or_three_gems_come_from_is_answered_for_each_in_the_order_named(text, names):
    said = Assistant(classifier=None).conversation().ask(text)  # was the last one named only, with its card
    assert said.reply == "\n\n".join(f"**{n}**: {n} comes chiefly from {main_sources(get_facts(n))}." for n in names)
    assert said.properties[0] == ("Property", *names) and not said.description


def test_where_two_gems_come_from_beside_a_photo_is_answered_for_each_not_the_last_one_alone():
    from gemlang.fusion import EvidenceModel

    chat = Assistant(None, evidence=EvidenceModel(["Ruby", "Sapphire", "Emerald"])).conversation()
    chat.image_probs = np.array([0.9, 0.05, 0.05])  # the photo says ruby
    reply = chat.ask("where do emerald and sapphire come from?").reply  # was sapphire's alone
    each = [f"**{n}**: {n} comes chiefly from {main_sources(get_facts(n))}." for n in ("Emerald", "Sapphire")]
    assert reply == "\n\n".join(each)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("are ruby and sapphire heated?", ["Ruby", "Sapphire"]),
        ("how are emerald and ruby treated?", ["Emerald", "Ruby"]),
        ("are emerald, ruby and spinel treated?", ["Emerald", "Ruby", "Spinel"]),
    ],
)
def test_how_two_or_three_gems_are_treated_is_answered_for_each_in_the_order_named(text, names):
    said = Assistant(classifier=None).conversation().ask(text)  # was one of them only, with its card
    treated = {n: "; ".join(get_facts(n).treatments).lower() for n in names}
    assert said.reply.split("\n\n") == [f"**{n}**: Treatments of {n.lower()}: {treated[n]}." for n in names]
    assert said.properties[0] == ("Property", *names) and not said.description


@pytest.mark.parametrize("text", ["which countries produce emerald?", "what countries is emerald mined in?"])
def test_which_countries_a_gem_comes_from_is_answered_with_its_sources(text):
    reply = Assistant(classifier=None).conversation().ask(text).reply  # was its card, with no word on where
    assert reply == f"**Emerald**: Emerald comes chiefly from {main_sources(get_facts('Emerald'))}."


def test_a_gem_said_to_be_another_heated_is_no_question_of_each():
    reply = Assistant(classifier=None).conversation().ask("is citrine heated amethyst?").reply
    assert reply.startswith("**Amethyst**: Treatments of amethyst: heat treatment (to citrine)")
    assert "Most citrine is amethyst treated into it" in reply  # the question answered, from citrine's treatments


def test_a_gem_said_to_be_another_heated_is_no_colour_asked_with_a_stone_in_hand():
    reply = stone_answered("Ruby", "Citrine", "Amethyst").ask("is citrine heated amethyst?").reply
    assert not reply.startswith("**Yes**") and "comes in purple" not in reply  # was "**Yes**: Amethyst comes in …"
    assert "Most citrine is amethyst treated into it" in reply, reply


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        ("is diamond or moissanite harder?", "**Diamond or Moissanite?** Diamond is harder than Moissanite. Diamond"),
        ("is topaz or quartz heavier?", "**Topaz or Quartz?** Topaz is heavier than Quartz. Topaz specific gravity"),
        ("is ruby or sapphire harder?", "**Ruby or Sapphire?** Neither is harder: both are Mohs 9. Ruby Mohs"),
        (
            "is spinel or sapphire doubly refractive?",
            "**Spinel or Sapphire?** Sapphire is doubly refractive; Spinel is not.",
        ),
    ],
)
def test_a_yes_no_choice_of_two_gems_by_a_constant_or_quality_opens_with_the_verdict(text, lead):
    assert Assistant(classifier=None).conversation().ask(text).reply.startswith(lead)  # was each one's value alone


def test_a_class_name_holding_a_colour_does_not_rerank_a_photo_as_that_colour():
    chat = stone_answered("Ruby", "Sapphire Blue", "Spinel")
    answer = chat.ask("From a photo alone I cannot tell natural Sapphire Blue from lab-grown corundum")
    assert not chat.hints.colours and "blue colour" not in answer.to_markdown()  # was "Using your photo and blue"


@pytest.mark.parametrize(
    ("question", "start", "twin"),
    [("is my ruby synthetic?", "**Ruby**: a lab-grown corundum", "Kashan Flux Ruby"),
     ("is this sapphire lab-created?", "**Sapphire**: a lab-grown corundum", "Flux-Grown Sapphire"),
     ("are my emeralds synthetic?", "**Emerald**: most lab-grown beryl", "Hydrothermal Emerald")],
)  # fmt: skip
def test_my_gem_asked_to_be_lab_grown_is_told_how_it_is_told_from_its_lab_grown_kinds(question, start, twin):
    reply = Assistant(classifier=None).conversation().ask(question).reply  # was the natural card, with an aside
    assert reply.startswith(start) and twin in reply and "ask about one of them by name" not in reply, reply[:160]


@pytest.mark.parametrize(
    ("text", "start"),
    [("what is the type locality of benitoite?", "**Benitoite**: Its type locality is in San Benito County, "
      "California, at the headwaters of the San Benito River"),
     ("whats the type locality for danburite?", "**Danburite**: its type locality, as its localities note it, is "
      "Danbury, Connecticut, USA."),
     ("what is kunzite's type locality?", "**Kunzite**: The Pala district of San Diego County, California, is the "
      "type locality of kunzite"),
     ("what is the type locality of ruby?", "**Ruby**: my facts do not name its type locality.")],
)  # fmt: skip
def test_a_gems_type_locality_is_answered_from_its_facts_or_said_to_be_unknown(text, start):
    answer = Assistant(None).conversation().ask(text)  # was the gem's bare card
    assert answer.reply.startswith(start), answer.reply[:160]
    assert "**Type locality**: A mineral's type locality is the place where it was first found" in answer.reply
    assert any("tgms.org" in n for n in answer.notes)
    if "benitoite" in text:
        assert any("schoolofrockmining.com" in n for n in answer.notes)


def test_the_crystal_entry_says_not_every_crystal_is_a_mineral():
    answer = Assistant(None).conversation().ask("what is a crystal?")  # said only that every mineral is crystalline
    assert "Nor is every crystal a mineral" in answer.reply and "a lab-grown ruby" in answer.reply
    assert any("scienceholic.org" in n for n in answer.notes)


@pytest.mark.parametrize(
    ("text", "start", "source"),
    [("is quartz piezoelectric?", "**Quartz**, yes, as my facts say: Quartz is piezoelectric", "4to40.com"),
     ("is amethyst piezoelectric?", "**Amethyst**, yes, as my facts on quartz, its species, say: Quartz is "
      "piezoelectric", "4to40.com"),
     ("is tourmaline piezoelectric?", "**Tourmaline**, yes, as my facts say: Tourmaline crystals are preferred",
      "scilit.net"),
     ("is topaz pyroelectric?", "**Topaz**: my facts do not say whether it is pyroelectric.", "")],
)  # fmt: skip
def test_a_crystal_effect_asked_of_a_gem_is_answered_from_its_facts_or_said_unknown(text, start, source):
    answer = Assistant(None).conversation().ask(text)  # was the gem's bare card
    assert answer.reply.startswith(start), answer.reply[:160]
    assert not source or any(source in n for n in answer.notes)


@pytest.mark.parametrize(
    ("text", "start", "named"),
    [("what varieties of quartz are there?", "**The kinds of quartz I have facts on** (", ("Amethyst", "Citrine")),
     ("what are the types of garnet?", "**The kinds of garnet I have facts on** (", ("Almandine", "Tsavorite")),
     ("how many kinds of beryl are there?", "**The kinds of beryl I have facts on** (", ("Emerald", "Morganite")),
     ("what kinds of jade are there?", "**Jade is 2 kinds**: jadeite jade and nephrite jade.", ())],
)  # fmt: skip
def test_the_kinds_of_a_gem_asked_are_the_gems_of_its_species_or_group(text, start, named):
    reply = Assistant(None).conversation().ask(text).reply  # was the gem's bare card
    assert reply.startswith(start) and all(n in reply for n in named), reply[:160]


@pytest.mark.parametrize(
    ("text", "start"),
    [("what is the tenacity of jade?", "**Toughness** (resistance to breaking and chipping; hardness is resistance to "
      "scratching): Jade (toughness exceptional"),
     ("which has better tenacity, jade or diamond?", "**Toughness** (resistance to breaking and chipping; hardness is "
      "resistance to scratching): Jade (toughness exceptional, Mohs 6–7); Diamond (toughness good")],
)  # fmt: skip
def test_tenacity_asked_of_a_gem_is_its_toughness_grade(text, start):
    reply = Assistant(None).conversation().ask(text).reply  # was the gem's bare card
    assert reply.startswith(start), reply[:160]


@pytest.mark.parametrize(
    ("question", "entries"),
    [("how is pearl colour graded?", ["Pearl grading"]),  # was the how-to-begin help
     ("how are pearls graded?", ["Pearl grading"]), ("what are the pearl value factors?", ["Pearl grading"]),
     ("how is sapphire cut graded?", ["Coloured stone cut", "Coloured stone grading"]),  # was the grading entry alone
     ("what is windowing?", ["Coloured stone cut"]),
     ("what is a tiffany setting?", ["Tiffany setting"]),  # was "I have no facts on tiffany setting"
     ("what clarity should I buy?", ["Clarity to buy"]),  # was "Grades need the stone in hand"
     ("what clarity should I look for in a diamond?", ["Clarity to buy"]),  # was the Diamond card
     ("what is the best clarity for the money?", ["Clarity to buy"]),
     ("which clarity is worth buying?", ["Clarity to buy"]),  # was the how-to-begin help
     ("what clarity is worth paying for?", ["Clarity to buy"]),  # was "Grades need the stone in hand"
     ("how is amber graded?", ["Amber grading"]),  # was the Amber card
     ("how is amber colour graded?", ["Amber grading"]),  # was the how-to-begin help
     ("how do you judge amber quality?", ["Amber grading"]),  # was the Amber card
     ("how is amber quality graded?", ["Amber grading"])],
)  # fmt: skip
def test_how_pearls_and_coloured_cuts_are_judged_and_what_clarity_to_buy_are_sourced_entries(question, entries):
    answer = Assistant(classifier=None).conversation().ask(question)
    assert [line.split("**")[1] for line in answer.reply.split("\n\n")] == entries
    assert len(answer.notes) == len(entries) and all("<http" in note for note in answer.notes)  # each sourced


def test_the_entries_say_what_a_buyer_judges():
    ask = Assistant(classifier=None).conversation().ask
    assert "seven value factors" in ask("how is pearl colour graded?").reply
    assert "overtone" in ask("how is pearl colour graded?").reply
    assert "too shallow" in ask("how is sapphire cut graded?").reply
    amber = ask("how is amber graded?")
    assert "reddish amber is worth more than golden" in amber.reply and "clear amber is worth more" in amber.reply
    assert any("gia.edu/JP/amber-quality-factor" in note for note in amber.notes)
    assert "1886" in ask("what is a tiffany setting?").reply and "six" in ask("what is a tiffany setting?").reply
    assert "eye clean" in ask("what clarity should I buy?").reply


@pytest.mark.parametrize(
    "question",
    ["which clarity grade is worth getting?", "what clarity grade should I buy?", "is VS2 worth it?",
     "is SI1 clarity good enough for an engagement ring?", "what's the best clarity grade for the money?"],
)  # fmt: skip
def test_a_clarity_grade_asked_as_a_buyers_choice_is_the_advice_on_what_clarity_to_buy(question):
    reply = Assistant(classifier=None).conversation().ask(question).reply  # was "Grades need the stone in hand"
    assert "**Clarity to buy**: The clarity worth paying for" in reply and "Grades need the stone" not in reply
    in_hand = stone_answered("Diamond", "Moissanite").ask(question).reply  # a stone in hand: the same advice
    assert "**Clarity to buy**" in in_hand and "Grades need the stone" not in in_hand


@pytest.mark.parametrize(
    "question",
    ["which colour grade is worth getting?", "what diamond color should I buy?", "is a G colour worth it?",
     "what's the best colour grade for the money?"],
)  # fmt: skip
def test_a_colour_grade_asked_as_a_buyers_choice_is_the_advice_on_what_colour_to_buy(question):
    answer = Assistant(classifier=None).conversation().ask(question)  # was "Grades need the stone in hand"
    assert (
        "**Colour to buy**: The colour worth paying for" in answer.reply and "Grades need the stone" not in answer.reply
    )
    assert "yellow or rose gold" in answer.reply and any("gempress.co" in note for note in answer.notes)
    in_hand = stone_answered("Diamond", "Moissanite").ask(question).reply  # a stone in hand: the same advice
    assert "**Colour to buy**" in in_hand and "Grades need the stone" not in in_hand


@pytest.mark.parametrize("question", ["what colour grade is my stone?", "what colour sapphire should I buy?"])
def test_the_colour_grade_of_the_stone_or_a_gems_hue_is_not_a_colour_to_buy(question):
    assert "Colour to buy" not in Assistant(classifier=None).conversation().ask(question).reply


@pytest.mark.parametrize(
    "question",
    ["how do you judge diamond quality?", "how do you judge the quality of a diamond?",
     "how do jewellers assess a diamond's quality?"],
)  # fmt: skip
def test_how_a_diamonds_quality_is_judged_is_the_4cs_with_how_each_is_judged(question):
    answer = Assistant(classifier=None).conversation().ask(question)  # was the bare Diamond card
    assert answer.reply.startswith("**4Cs**: The 4Cs are the four qualities a diamond is graded by")
    assert "masterstones" in answer.reply and "seen at 10x" in answer.reply and "table size" in answer.reply
    assert any("kavarjewellers.ca" in note for note in answer.notes)


@pytest.mark.parametrize("question", ["what clarity grade is my stone?", "what clarity grade is it?"])
def test_the_clarity_grade_of_the_stone_in_hand_still_needs_the_stone(question):
    assert Assistant(classifier=None).conversation().ask(question).reply.startswith("Grades need the stone in hand")
    assert "Clarity to buy" not in stone_answered("Diamond", "Moissanite").ask(question).reply


@pytest.mark.parametrize("question", ["what is the center diamond?", "what's the main diamond?"])
def test_a_gem_named_as_the_centre_stone_in_hand_is_whether_the_stone_is_one(question):
    chat = stone_answered("Ruby", "Diamond")
    reply = chat.ask(question).reply  # was the Diamond card, "about Diamond in general"
    assert reply.startswith("**Probably not**: Diamond: ")


@pytest.mark.parametrize(
    "question", ["what is the centre stone?", "what are the side stones?", "what is the main gem?"]
)
def test_a_stone_of_a_piece_asked_with_nothing_in_hand_asks_for_its_photo(question):
    reply = Assistant(classifier=None).conversation().ask(question).reply  # was "I have no facts on centre stone"
    assert reply.startswith("Send me a photo of the stone") and "no facts" not in reply


@pytest.mark.parametrize(
    ("text", "said"),
    [("what is the critical angle of diamond?", "**Diamond**: critical angle 24.4° (sin CA = 1/RI, from its RI 2.417)"),
     ("what is the critical angle of ruby?", "**Ruby**: critical angle 34.4–34.6° (sin CA = 1/RI, from its RI 1.762–")],
)  # fmt: skip
def test_the_critical_angle_of_a_gem_is_worked_out_from_its_refractive_index(text, said):
    answer = Assistant(classifier=None).conversation().ask(text)  # was the gem's bare card
    assert answer.reply.startswith(said) and any("asia-gems.com" in note for note in answer.notes)


@pytest.mark.parametrize(
    ("text", "said"),
    [("what would the spectroscope show?", "**Ruby**, in the spectroscope: A chromium spectrum"),
     ("what would the refractometer show?", "**Ruby**: refractive index 1.762–1.770."),
     ("what would I see in the polariscope?", "**Ruby**: optic character uniaxial negative")],
)  # fmt: skip
def test_what_an_instrument_would_show_of_the_stone_answered_is_its_gems_reading(text, said):
    from gemlang.fusion import EvidenceModel

    chat = Assistant(None, evidence=EvidenceModel(["Ruby", "Spinel"])).conversation()
    chat.image_probs = np.array([0.95, 0.05])
    assert chat.ask("what is it?").gem == "Ruby"
    answer = chat.ask(text)  # was what the instrument is (the glossary), or the stone's card again
    assert answer.reply.startswith(said) and not chat.hints
    assert (
        Assistant(classifier=None)
        .conversation()
        .ask("what would the polariscope show?")
        .reply.startswith(
            "**Polariscope**:"  # no stone answered: what a polariscope shows
        )
    )


@pytest.mark.parametrize(
    ("text", "noted"),
    [("I found a clear crystal, could it be diamond?", True),
     ("we picked up a colourless pebble, is it a diamond?", True),
     ("I found a clear stone, could it be moonstone?", False)],
)  # fmt: skip
def test_a_clear_find_taken_for_diamond_is_noted_as_mostly_quartz_or_glass_with_no_place_named(text, noted):
    answer = Assistant(None).conversation().ask(text)  # was diamond's constants alone: the note needed a beach or creek
    assert ("almost always quartz or glass" in answer.reply) == noted
    assert any("arkansasstateparks.com" in n for n in answer.notes) == noted


def test_a_stone_found_in_a_colour_the_photo_never_shows_is_another_stone_not_ranked_on_it(assistant, tmp_path):
    red_stone_photo(tmp_path / "stone.jpg")  # a ruby or a red garnet to the photo
    chat = assistant.conversation()
    chat.ask("what gem is this?", [tmp_path / "stone.jpg"])
    found = chat.ask("I found a clear stone, could it be moonstone?")  # was "Probably not: Moonstone", on the photo
    assert found.reply.startswith("**A moonstone you found?**") and not found.used_photo
    assert any("stone you found is not the" in n for n in found.notes)
    chat = assistant.conversation()
    chat.ask("what gem is this?", [tmp_path / "stone.jpg"])
    assert chat.ask("I found a red stone, could it be ruby?").used_photo  # the photo's colour: the stone shown


@pytest.mark.parametrize(
    ("text", "gem"),
    [("what gems look similar to emerald?", "emerald"), ("what could I confuse peridot with?", "peridot"),
     ("what do people mistake for sapphire?", "sapphire"), ("name some stones that look like aquamarine", "aquamarine"),
     ("what stones are commonly confused with tanzanite?", "tanzanite")],
)  # fmt: skip
def test_more_ways_of_asking_for_a_gems_look_alikes_get_them(text, gem):
    reply = Assistant(None).conversation().ask(text).reply  # was the gem's bare card
    assert reply.startswith(f"**Look-alikes of {gem}**: natural gems taken for it")


@pytest.mark.parametrize("question", ["what is stabilized turquoise?", "what's stabilised turquoise?"])
def test_a_treated_gem_asked_about_with_a_stone_in_hand_gets_its_treatments_as_without_one(question):
    alone = Assistant(classifier=None).conversation().ask(question).reply
    chat = stone_answered("Ruby", "Sapphire Blue", "Spinel")
    reply = chat.ask(question).reply  # was "**Turquoise**" alone, after a photo
    assert reply == alone and reply.startswith("**Turquoise**: Treatments of turquoise: stabilization"), reply


@pytest.mark.parametrize("question", ["is an oiled emerald worth buying?", "is oiled emerald a good buy?"])
def test_an_oiled_emerald_asked_as_a_buy_is_told_that_the_degree_of_oiling_sets_its_value(question):
    answer = Assistant(classifier=None).conversation().ask(question)  # was what oiling is, with nothing on value
    assert answer.reply.startswith("**Oiling**: Oiling fills") and "minor, moderate or significant" in answer.reply
    assert "untreated command a premium" in answer.reply and any("mardonjewelers.com" in n for n in answer.notes)


@pytest.mark.parametrize(
    ("question", "gem"),
    [
        ("is a treated emerald a bad buy?", "Emerald"),
        ("is dyed jade a good buy?", "Jade"),
        ("does treatment lower an emerald's value?", "Emerald"),
    ],
)
def test_a_treated_gem_asked_as_a_good_or_bad_buy_gets_its_treatments_and_what_value_rests_on(question, gem):
    reply = Assistant(classifier=None).conversation().ask(question).reply  # was the treatments alone
    assert reply.startswith(f"**{gem}**") and "value rests on colour, clarity, cut" in reply, reply


@pytest.mark.parametrize(
    ("question", "gem"),
    [("should I buy a lab grown ruby?", "Ruby"), ("is a synthetic emerald worth buying?", "Emerald")],
)
def test_a_lab_grown_stone_weighed_as_a_buy_is_told_what_it_is_how_its_price_compares_and_how_it_must_be_sold(
    question, gem
):
    answer = Assistant(classifier=None).conversation().ask(question)  # was natural ruby's card, "ask about one"
    assert answer.reply.startswith("I do not price stones, but my sources compare them: synthetics cost far less")
    assert "the same properties" in answer.reply and "16 CFR 23.25" in answer.reply
    assert answer.properties and gem in answer.to_markdown().split("**Key properties**")[1]


@pytest.mark.parametrize(
    "question",
    ["should I buy a lab grown ruby?", "is a synthetic emerald worth buying?", "should I buy a lab-created sapphire?",
     "are synthetic gems cheaper?"],
)  # fmt: skip
def test_a_lab_grown_kind_weighed_as_a_buy_after_a_photo_is_answered_of_that_kind_not_of_the_photo(question):
    chat = stone_answered("Ruby", "Spinel", "Synthetic Ruby (Verneuil)")
    answer = chat.ask(question)  # was "From a photo alone I cannot tell natural Ruby from lab-grown corundum …"
    assert answer.reply.startswith("I do not price stones, but my sources compare them: synthetics cost far less")
    assert not answer.candidates
    # asked of the stone in hand, it is still the photo's answer
    assert chat.ask("is it worth buying if it's synthetic?").reply.startswith("From a photo alone I cannot tell")


@pytest.mark.parametrize("question", ["is a doublet opal worth buying?", "should I buy an opal triplet?"])
def test_a_doublet_or_triplet_weighed_as_a_buy_is_told_what_it_is_and_that_it_is_worth_far_less(question):
    for chat in (Assistant(classifier=None).conversation(), stone_answered("Ruby", "Spinel")):
        answer = chat.ask(question)  # were the opal card, and after a photo the photo's natural-or-not answer
        assert answer.reply.startswith("**Doublet and triplet**: "), answer.reply[:200]
        assert "typically a tenth of the value of the solid equivalent" in answer.reply
        assert any("opal.asn.au" in n for n in answer.notes) and not answer.candidates


@pytest.mark.parametrize(
    "question",
    ["can the stone be reset into a new ring?", "can you reset my grandmother's diamond in a new setting?",
     "could it be remounted in a pendant?"],
)  # fmt: skip
def test_a_stone_reset_in_a_new_mount_is_the_jewellers_resetting_not_the_chat_started_over(question):
    chat = Assistant(classifier=None).conversation()
    chat.ask("green, RI 1.654-1.690, SG 3.34")
    reply = chat.ask(question).reply  # was "Starting over: send a photo of the next stone." (or the gem's card)
    assert reply.startswith("**Resetting a stone**:") and "have the stone examined first" in reply.lower()
    assert chat.hints.readings.ri is not None  # the stone in hand kept
    assert not chat.ask("can you put a new stone in my ring?").reply.startswith("Starting over")
    assert chat.hints.readings.ri is not None
    assert chat.ask("reset").reply == "Starting over: send a photo of the next stone."


@pytest.mark.parametrize("question", ["is it a new stone?", "is this stone new or old?", "is the stone a new one?"])
def test_whether_the_stone_is_new_is_its_age_asked_not_the_chat_started_over(question):
    chat = stone_answered("Ruby", "Spinel")
    reply = chat.ask(question).reply  # was "Starting over: send a photo of the next stone."
    assert reply.startswith("A stone's age does not show: natural Ruby formed long before it was cut")
    assert chat.image_probs is not None  # the stone in hand kept
    assert chat.ask("new stone").reply == "Starting over: send a photo of the next stone."  # the command still


@pytest.mark.parametrize(
    "question",
    ["can you put a new stone in my ring?", "could a jeweller set a new stone in it?",
     "can I change the stone in my ring?", "I want to replace my stone, is that possible?"],
)  # fmt: skip
def test_a_new_stone_for_a_ring_with_a_stone_in_hand_is_the_jewellers_resetting_with_what_the_torch_means_for_it(
    question,
):
    answer = stone_answered("Emerald", "Peridot").ask(question)  # was "My facts on Emerald do not answer that"
    assert answer.reply.startswith("**Resetting a stone**:") and "Have the stone examined first" in answer.reply
    assert "**Emerald**: At the bench, jeweller's torch: Emerald does not take heat" in answer.reply
    assert any(n.startswith("sources (bench work): ") for n in answer.notes) and not answer.description


@pytest.mark.parametrize(
    ("question", "start"),
    [("what is the Kimberley Process?", "**Conflict diamonds**:"),
     ("what is a conflict-free diamond?", "**Conflict diamonds**:"),
     ("are these stones ethically sourced?", "**Ethical sourcing**:"),
     ("is tanzanite ethically mined?", "**Ethical sourcing**:"),
     ("is my sapphire conflict free?", "**Ethical sourcing**:"),  # a coloured stone: was the diamond scheme's entry
     ("are diamonds conflict free?", "**Conflict diamonds**:")],
)  # fmt: skip
def test_conflict_diamonds_and_ethical_sourcing_are_answered_from_sourced_entries(question, start):
    # were "I have no facts on Kimberley Process", the diamond card, or the "send me a photo" fallback
    reply = Assistant(classifier=None).conversation().ask(question)
    assert reply.reply.startswith(start) and "<http" in " ".join(reply.notes)


def test_conflict_free_of_a_coloured_stone_in_hand_is_its_chain_of_custody_the_kimberley_process_only_diamonds():
    ruby = stone_answered("Ruby", "Spinel").ask("is it conflict free?").reply  # led with the diamond scheme
    assert ruby.startswith("**Ethical sourcing**:") and "Diamonds have the Kimberley Process" in ruby
    diamond = stone_answered("Diamond", "Moissanite").ask("is it conflict free?").reply
    assert diamond.startswith("**Conflict diamonds**:")


def test_which_metal_suits_a_stone_is_the_setters_rule_and_said_to_be_taste_for_coloured_stones():
    chat = Assistant(classifier=None).conversation()
    for asked in (
        "what colour stone looks good in yellow gold?",
        "does aquamarine look better in white or yellow gold?",
    ):
        reply = chat.ask(asked).reply  # were the "send me a photo" fallback and the aquamarine card
        assert reply.startswith("**Metal colour**:") and "yellow gold reflects a yellow tint" in reply, asked
    assert not chat.ask("can I clean my ruby in white gold with soap?").reply.startswith("**Metal colour**")


@pytest.mark.parametrize(
    "question",
    ["what's a cheaper alternative to a diamond?", "what can I get instead of a diamond for an engagement ring?",
     "is there a good diamond alternative that doesn't scratch?"],
)  # fmt: skip
def test_alternatives_to_a_diamond_are_named_with_their_hardness_not_the_diamond_card(question):
    reply = Assistant(classifier=None).conversation().ask(question).reply  # was "**Diamond**: I do not price stones"
    assert reply.startswith("**Diamond alternatives**:") and "moissanite (Mohs 9.25–9.5)" in reply
    assert "white (colourless) sapphire (Mohs 9)" in reply and "never as diamond" in reply


def test_a_gems_other_names_and_trade_names_are_said_when_asked(assistant):
    chat = Assistant(classifier=None).conversation()
    chat.ask("what is labradorite?")
    trade = chat.ask("what is it called in the trade?").reply  # was the card again
    assert trade.startswith("**Labradorite**: Labradorite is also called Spectrolite.")
    assert "'rainbow moonstone' is transparent labradorite" in trade
    assert any("gia.edu" in n for n in chat.ask("what's its trade name?").notes)
    peridot = Assistant(classifier=None).conversation().ask("does peridot have any other names?").reply
    assert "also called Olivine" in peridot and "'evening emerald' is peridot" in peridot
    none = Assistant(classifier=None).conversation().ask("what is amethyst also called?").reply
    assert none.startswith("**Amethyst**: My facts give Amethyst no other name")
    chat = assistant.conversation()
    gem = chat.ask("what gem is this?", photos=[red_stone_photo()]).gem.partition(" (")[0]
    reply = chat.ask("what is it called in the trade?").reply  # was the photo's whole card again
    assert gem in reply and ("also called" in reply or "no other name" in reply)
    korean = Assistant(classifier=None).conversation().ask("is korean jade a correct trade name?").reply
    assert korean.startswith("**No**: 'Korean jade' is serpentine")  # a name asked about, as before


def test_a_crystal_or_a_rock_is_answered_of_the_gem_and_told_apart_in_general():
    chat = Assistant(classifier=None).conversation()
    chat.ask("what is labradorite?")
    either = chat.ask("is it a crystal or a rock?").reply  # was the card again
    assert either.startswith("**A mineral**: Labradorite is a naturally occurring") and "**Crystal**:" in either
    lapis = Assistant(classifier=None).conversation().ask("is lapis lazuli a crystal or a rock?").reply
    assert lapis.startswith("**Not a mineral, a rock**: Lapis Lazuli")
    for text in ("what is the difference between a crystal and a rock?", "what's the difference: rocks and crystals?"):
        apart = Assistant(classifier=None).conversation().ask(text).reply  # was "Send me a photo …"
        assert "**Rock**: A rock is a naturally formed" in apart and "**Crystal**: In mineralogy" in apart


def test_polishing_a_stone_at_home_is_answered_as_tumbling_it():
    chat = Assistant(classifier=None).conversation()
    chat.ask("what is jasper?")
    polish = chat.ask("can I polish it?").reply  # was "My facts on Jasper do not answer that …"
    assert "rock tumbling: At about Mohs 7 it is among the easiest stones to tumble" in polish
    beach = Assistant(classifier=None).conversation().ask("how do i polish beach stones?").reply  # was the help text
    assert beach.startswith("**Care depends on the gem**") and "A tumbler grinds stones" in beach
    ruby = Assistant(classifier=None).conversation().ask("can i polish a ruby?").reply
    assert "At Mohs 9 it is very hard to tumble" in ruby
    ring = Assistant(classifier=None).conversation().ask("how do I polish my silver ring?").reply
    assert "tumble" not in ring  # the metal, not a stone


@pytest.mark.parametrize(
    "asked", ["how do I polish my silver ring?", "how do I clean my gold necklace?", "how should I clean silver?"]
)
def test_a_piece_named_by_its_metal_is_not_the_gem_just_discussed(asked):
    chat = Assistant(classifier=None).conversation()
    chat.ask("tell me about ruby")
    piece = chat.ask(asked).reply  # each was "**Caring for Ruby**: …"
    assert piece.startswith("**Care depends on the gem**") and "Ruby" not in piece
    assert chat.ask("how do I polish it?").reply.startswith("**Caring for Ruby**")  # the ruby is still spoken of


@pytest.mark.parametrize(
    "text", ["what makes a stone a gemstone?", "what makes a gem a gem?", "what makes rocks gems?"]
)
def test_what_makes_a_stone_a_gem_is_the_entry_that_says_so(text):
    reply = Assistant(classifier=None).conversation().ask(text).reply  # was "Send me a photo of the stone …"
    assert reply.startswith("**Gem or mineral**:") and "prized for its beauty, durability and rarity" in reply
