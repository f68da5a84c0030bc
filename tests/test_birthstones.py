"""Birthstones: the modern list, by month or by gem, with its sources."""

from __future__ import annotations

import re

import pytest

from gemlang.assistant import Assistant
from gemlang.knowledge.birthstones import birthstone_answer, sources


def test_a_month_gets_its_gems_and_a_gem_its_month():
    assert birthstone_answer("what is the birthstone for July?").startswith("The birthstone for **July** is ruby,")
    june = birthstone_answer("June birthstone?")
    assert "pearl, moonstone or alexandrite (since the 1950s)" in june and "lists differ" in june
    assert birthstone_answer("birthstone for dec").startswith("The birthstone for **December**")
    assert birthstone_answer("Is tanzanite a birthstone?").startswith("**Tanzanite** is a birthstone for December")
    assert birthstone_answer("what may be the birthstone for october").startswith("The birthstone for **October**")
    listed = birthstone_answer("what are the birthstones?")
    assert listed.count(":") == 13 and "August: peridot, spinel (since 2016) or sardonyx" in listed


@pytest.mark.parametrize(
    "asked",
    ["what is the zodiac stone for leo?", "which gem is for scorpio?", "Gemini birthstone?", "my star sign stone?"],
)
def test_a_zodiac_stone_is_said_to_be_no_fact_held_and_a_month_given_gets_its_birthstone(asked):
    reply = Assistant(classifier=None).conversation().ask(asked).reply  # was the help text, or the whole list
    assert reply.startswith("A zodiac (star-sign) stone is no gemmological fact, and my knowledge base holds no")
    assert reply.endswith('Birthstones go by month: tell me yours ("the birthstone for August?").')
    august = birthstone_answer("what's my zodiac stone? I was born in August")
    assert "no zodiac list" in august
    assert august.endswith("The birthstone for **August** is peridot, spinel (since 2016) or sardonyx, on the modern "
                           "list most jewellers use (lists differ by country and era).")  # fmt: skip
    assert birthstone_answer("can a stone cure cancer?") == ""


def test_a_zodiac_reply_carries_the_birthstone_sources_only_when_it_lists_a_birthstone():
    chat = Assistant(classifier=None).conversation()
    unlisted = chat.ask("what is my zodiac stone?")
    assert not any("birthstone" in n.lower() for n in unlisted.notes)  # was the birthstone lists' sources
    listed = chat.ask("what's my zodiac stone? I was born in August")
    assert any("handmadendesigns" in n for n in listed.notes)


def test_no_birthstone_question_no_answer_and_every_source_is_a_page():
    assert birthstone_answer("what gem is this? RI 1.76") == ""
    assert all(re.search(r"<https?://[^>]+>$", s) for s in sources())


def test_the_chat_answers_a_birthstone_question_with_its_sources():
    answer = Assistant(classifier=None).conversation().ask("What is the birthstone for August?")
    assert answer.reply.startswith("The birthstone for **August** is peridot") and not answer.candidates
    assert any(note.startswith("sources: ") for note in answer.notes)


def test_a_birthstone_asked_with_its_hardness_gets_both():
    from gemlang.assistant import Assistant

    chat = Assistant(classifier=None).conversation()
    reply = chat.ask("im born in july whats my birthstone and how hard is it").reply
    assert reply.startswith("The birthstone for **July** is ruby") and reply.endswith("**Ruby**: Mohs hardness 9.")


@pytest.mark.parametrize(
    ("text", "month", "then"),
    [("what is the birthstone for march and is it durable?", "March", "**Caring for Aquamarine**: Aquamarine (Mohs"),
     ("whats the june birthstone and are they durable?", "June", "**Caring for Pearl**: Pearl (Mohs"),
     ("what's the birthstone for july and is it hard?", "July", "**Yes**: Ruby's Mohs hardness is 9;"),
     ("what's the birthstone for october and can I clean it in an ultrasonic?", "October",
      "**Caring for Opal**: Cleaning — ultrasonic cleaner: never")],
)  # fmt: skip
def test_a_birthstone_asked_and_then_a_question_of_it_gets_both_halves(text, month, then):
    reply = Assistant(classifier=None).conversation().ask(text).reply  # was the month's stones alone
    assert reply.startswith(f"The birthstone for **{month}** is") and f"\n\n{then}" in reply


@pytest.mark.parametrize(
    ("text", "then"),
    [("what is the 40th anniversary gem and is it durable?", "**Caring for Ruby**: Ruby (Mohs 9)"),
     ("what's the gem for a 10th anniversary and is it hard?", "**Yes**: Diamond's Mohs hardness is 10,"),
     ("which gem is for our 20th anniversary, and can I wear it every day?", "**Caring for Emerald**: Emerald"),
     ("what is the 15th anniversary gem and how hard is it?", "**Ruby**: Mohs hardness 9.")],  # was the help text
)  # fmt: skip
def test_an_anniversarys_gem_asked_and_then_a_question_of_it_gets_both_halves(text, then):
    chat = Assistant(classifier=None).conversation()
    reply = chat.ask(text).reply  # was "Care depends on the gem"
    assert reply.startswith("For a **") and f"\n\n{then}" in reply
    first, second = re.split(r",? and ", text)
    chat = Assistant(classifier=None).conversation()
    chat.ask(f"{first}?")
    assert chat.ask(second).reply.startswith(then)  # asked apart, the year's gem is the one spoken of


def test_is_it_hard_of_the_gem_spoken_of_gets_its_rank():
    chat = Assistant(classifier=None).conversation()
    chat.ask("what is the birthstone for july?")
    assert chat.ask("is it hard?").reply.startswith("**Yes**: Ruby's Mohs hardness is 9;")  # was ruby's card
    chat.ask("tell me about opal")
    assert chat.ask("are they soft?").reply.startswith("**Moderately**: Opal's Mohs hardness is 5.5–6.5;")


def test_a_month_of_birth_asks_its_birthstone_and_the_gem_is_then_the_one_discussed():
    from gemlang.assistant import Assistant

    chat = Assistant(classifier=None).conversation()
    assert chat.ask("my wife was born in september, what gem?").reply.startswith("The birthstone for **September**")
    assert chat.ask("is it tough enough for a ring?").reply.startswith("**Caring for Sapphire**")


def test_and_another_month_after_a_birthstone_answer_asks_the_same_of_it():
    from gemlang.assistant import Assistant

    chat = Assistant(classifier=None).conversation()
    chat.ask("what's the birthstone for august?")
    assert chat.ask("and feb?").reply.startswith("The birthstone for **February** is amethyst")
    assert not chat.ask("and november?").reply.startswith("The birthstone for **February**")


def test_it_after_a_month_of_several_birthstones_asks_of_each_and_of_no_earlier_gem():
    chat = Assistant(classifier=None).conversation()
    chat.ask("what is the birthstone for october?")  # opal or tourmaline
    fragile = chat.ask("is it fragile?").reply  # was the help text
    assert fragile.startswith("**Caring for Opal**: Opal (Mohs") and "\n\n**Caring for Tourmaline**: " in fragile
    assert chat.ask("how hard is it?").reply == "**Opal**: Mohs hardness 5.5–6.5; **Tourmaline**: Mohs hardness 7–7.5."
    tough = chat.ask("how tough is it?").reply  # was the help text: toughness read "it" apart from care
    assert "Opal (toughness very poor to fair, Mohs 5.5–6.5); Tourmaline (toughness fair" in tough
    chat = Assistant(classifier=None).conversation()
    chat.ask("is tourmaline fragile?")
    chat.ask("what is the birthstone for december?")  # turquoise, zircon or tanzanite
    hard = chat.ask("how hard is it?").reply  # was the help text
    assert "Tourmaline" not in hard and hard.startswith("**Turquoise**: Mohs hardness 5–6; **Zircon**: Mohs")
    assert "**Tanzanite**: Mohs hardness 6.5" in hard
    fragile = chat.ask("is it fragile?").reply
    assert fragile.count("**Caring for ") == 3 and "**Caring for Tanzanite**: Tanzanite (Mohs" in fragile


def test_which_is_the_hardest_after_a_months_birthstones_asks_of_them_not_of_every_gem():
    chat = Assistant(classifier=None).conversation()
    chat.ask("what is the birthstone for june?")  # was the hardest of all: 'Of the natural gems I know, **Diamond …'
    assert chat.ask("which is the hardest?").reply == (  # the hardest named first, then each one's hardness
        "Alexandrite is harder than Pearl and Moonstone. **Pearl**: Mohs hardness 2.5–4.5; **Moonstone**: Mohs "
        "hardness 6–6.5; **Alexandrite**: Mohs hardness 8.5."
    )
    chat.ask("ruby vs spinel")
    assert chat.ask("which is the hardest?").reply.startswith("Ruby is harder than Spinel. **Ruby**: Mohs hardness 9")
    fresh = Assistant(classifier=None).conversation().ask("which is the hardest?").reply
    assert fresh.startswith("Of the natural gems I know, **Diamond (Mohs 10)** is the hardest")


def test_which_is_the_most_durable_or_the_cheapest_of_a_months_birthstones_names_an_answer_first():
    chat = Assistant(classifier=None).conversation()
    chat.ask("what is the birthstone for december?")  # turquoise, zircon or tanzanite
    durable = chat.ask("which is the most durable?").reply  # was three full care notes
    assert durable.startswith("**Turquoise, Zircon or Tanzanite?** Zircon is harder than Turquoise and Tanzanite.")
    assert "**Caring for" not in durable and "Tanzanite (Mohs 6.5) is softer than quartz" in durable
    assert chat.ask("which is harder?").reply.startswith("Zircon is harder than Turquoise and Tanzanite. **Turq")
    softest = chat.ask("which is the softest?").reply  # was '**Turquoise**: ; **Zircon**: ; **Tanzanite**: .'
    assert softest.startswith("Turquoise is softer than Zircon and Tanzanite. **Turquoise**: Mohs hardness 5–6;")
    assert chat.ask("which is the lightest?").reply.startswith("Turquoise is lighter than Zircon and Tanzanite.")
    cheapest = chat.ask("which one is the cheapest?").reply  # was the help text
    assert cheapest.startswith("**Turquoise, Zircon or Tanzanite?** I do not price stones, nor rank gems by price")


def test_which_is_tougher_or_more_durable_after_a_months_three_birthstones_asks_of_all_three():
    chat = Assistant(classifier=None).conversation()
    chat.ask("what is the birthstone for december?")  # turquoise, zircon or tanzanite
    tough = chat.ask("which is tougher?").reply  # was the help text, as with two it was not
    assert tough.startswith("**Toughness** (") and "Turquoise (" in tough and "Tanzanite (" in tough
    durable = chat.ask("which one is more durable?").reply  # was each one's whole care notes
    assert durable.startswith("**Turquoise, Zircon or Tanzanite?** Zircon is harder than Turquoise and Tanzanite.")
    assert chat.ask("which is best for a ring?").reply == durable  # was the help text
    chat.ask("what is the birthstone for october?")  # opal or tourmaline: two, compared as before
    assert chat.ask("which is most durable?").reply.startswith(
        "**Opal or Tourmaline?** Tourmaline is harder than Opal."
    )


def test_an_anniversary_gets_its_gem_with_a_word_that_the_lists_differ():
    from gemlang.knowledge.birthstones import anniversary_answer, anniversary_sources

    tenth = anniversary_answer("what gem for a 10th anniversary?")
    assert tenth.startswith("For a **10th** wedding anniversary: diamond, on the American Gem Trade Association's")
    assert "Lists differ: no list is official" in tenth and "(blue sapphire for the 10th)" in tenth
    assert anniversary_answer("our tenth wedding anniversary, which stone?") == tenth
    assert "ruby for the 15th and 40th" in anniversary_answer("is ruby an anniversary stone?")
    assert "names no gem for the 26th" in anniversary_answer("a gift for our 26th anniversary?")
    assert anniversary_answer("happy anniversary!") == "" and anniversary_answer("what gem is this?") == ""
    assert all(re.search(r"<https?://[^>]+>$", s) for s in anniversary_sources())


def test_every_other_gem_an_anniversary_answer_names_is_given_for_that_year_by_a_source():
    from gemlang.knowledge.birthstones import _list, _ordinal, anniversary_sources

    for year, others in _list()["others_for"].items():
        nth = _ordinal(int(year))
        for gem in others:  # "1st … peridot", "diamond for the 1st", with no other year between
            said = rf"\b{nth}\b[^;\d]*\b{gem}\b|\b{gem}\b[^;\d]*\b{nth}\b"
            assert any(re.search(said, s, re.I) for s in anniversary_sources()), f"{gem} for the {nth}"


def test_the_chat_answers_an_anniversary_question_with_or_without_a_stone():
    for readings in ("", "RI 1.762-1.770, SG 4.00"):
        chat = Assistant(classifier=None).conversation()
        if readings:
            chat.ask(readings)
        answer = chat.ask("what gem for a 10th anniversary?")  # was the help text, or the card again
        assert answer.reply.startswith("For a **10th** wedding anniversary: diamond")
        assert any(n.startswith("sources: Carpe Diem with Remi") for n in answer.notes)


def test_a_follow_up_after_an_anniversarys_gem_asks_that_of_another_year():
    chat = Assistant(classifier=None).conversation()
    chat.ask("what gem for a 10th anniversary?")
    for text, year, gem in [
        ("and the 15th?", "15th", "ruby"),
        ("what about the 20th?", "20th", "emerald"),
        ("and for 25 years?", "25th", "silver"),
        ("how about the fortieth?", "40th", "ruby"),
    ]:
        answer = chat.ask(text)  # was the help text
        assert answer.reply.startswith(f"For a **{year}** wedding anniversary: {gem}, "), text
        assert any(n.startswith("sources: Carpe Diem with Remi") for n in answer.notes)
    assert chat.ask("ok and the 30th?").reply.startswith("For a **30th** wedding anniversary: pearl, ")
    assert chat.ask("35th?").reply.startswith("For a **35th** wedding anniversary: emerald, ")
    feb = chat.ask("and feb?")  # names no year: February's birthstone (was the help text), not the whole list again
    assert feb.reply.startswith("The birthstone for **February** is amethyst") and "anniversary" not in feb.reply
    fresh = Assistant(classifier=None).conversation()
    assert "anniversary" not in fresh.ask("and the 15th?").reply  # no anniversary asked before


def test_a_day_after_a_months_birthstone_has_the_months_birthstone_or_is_read_as_an_anniversary():
    chat = Assistant(classifier=None).conversation()
    chat.ask("what is the birthstone for March?")
    answer = chat.ask("and the 15th?")  # was the help text
    said = "Birthstones go by the month, not the day: the birthstone for **March 15th** is aquamarine or bloodstone"
    assert answer.reply.startswith(said)
    assert "\n\nFor a **15th** wedding anniversary: ruby, " in answer.reply
    assert any(n.startswith("sources: Carpe Diem with Remi") for n in answer.notes)
    assert chat.ask("how hard is it?").reply.startswith("**Aquamarine**: Mohs hardness")  # not the anniversary's ruby


@pytest.mark.parametrize(
    ("text", "year"),
    [("what gem for our 10 year anniversary?", "10th"), ("gift for our 25-year wedding anniversary?", "25th"),
     ("what stone for a twelfth anniversary?", "12th"), ("twenty first anniversary gem?", "21st"),
     ("our fifty-fifth anniversary, which stone?", "55th")],
)  # fmt: skip
def test_an_anniversary_year_written_in_years_or_in_words_gets_that_years_gem(text, year):
    from gemlang.knowledge.birthstones import anniversary_answer

    assert anniversary_answer(text).startswith(f"For a **{year}** wedding anniversary: ")


def test_a_stone_given_for_an_anniversary_is_asked_about_not_the_years_gem():
    from gemlang.knowledge.birthstones import anniversary_answer

    for text in ("I got this ring for our anniversary, what gem is it?", "our 10th anniversary gift, is it real?"):
        assert anniversary_answer(text) == ""
    assert anniversary_answer("which gem is it for a 10th anniversary?").startswith("For a **10th** wedding")
    ranked = Assistant(classifier=None).conversation().ask("anniversary ring, red, RI 1.76, what is it?")
    assert ranked.candidates[0][0].startswith("Corundum")  # was the anniversary list
    chat = Assistant(classifier=None).conversation()
    chat.ask("red, RI 1.762-1.770, SG 4.00")
    assert chat.ask("it was an anniversary gift, how do I clean it?").reply.startswith("**Caring for Ruby**")


@pytest.mark.parametrize("question", ["what's its birthstone month?", "which month is its birthstone?"])
def test_its_birthstone_is_answered_for_the_stone_in_hand_not_with_the_whole_list(question):
    chat = Assistant(classifier=None).conversation()
    chat.ask("blue-violet, RI 1.691-1.700, SG 3.35, strong trichroism")
    reply = chat.ask(question).reply
    assert reply.startswith("**Tanzanite** is a birthstone for December (since 2002)") and "January" not in reply
    listed = chat.ask("the birthstones by month, with its sources").reply  # "its" of the list, not of the stone
    assert listed.startswith("The birthstones on the modern list")


@pytest.mark.parametrize(
    ("question", "says"),
    [("what month is emerald?", "**Emerald** is a birthstone for May"),
     ("Which month is peridot for?", "**Peridot** is a birthstone for August"),
     ("what month is it?", ""), ("what month is best?", "")],
)  # fmt: skip
def test_what_month_a_birthstone_is_for_is_its_month(question, says):
    assert birthstone_answer(question).startswith(says) and bool(birthstone_answer(question)) == bool(says)
