"""What a stone may be sold as: the FTC rule, then what the evidence showed of the stone, never more."""

from __future__ import annotations

import re

import pytest

from gemlang.assistant import Assistant
from gemlang.knowledge.care import treated_material
from gemlang.knowledge.disclosure import (
    SOURCES,
    TREATMENTS,
    disclosure_answer,
    lab_grown_said,
    trade_rule_answer,
    trade_rules,
)


def test_a_synthetic_answered_must_be_sold_as_what_it_is_and_a_natural_one_tested_first():
    chat = Assistant(classifier=None).conversation()
    chat.ask("Parcel of 'rubies', RI 1.762-1.770, SG 4.00, red, curved striae and gas bubbles")
    synthetic = chat.ask("can I sell them as ruby?")
    assert synthetic.reply.startswith("**What it may be sold as:**") and "16 CFR 23.25" in synthetic.reply
    assert "which is not a natural gem: it must be sold as what it is" in synthetic.reply
    assert any("ftc.gov" in note for note in synthetic.notes)
    natural = Assistant(classifier=None).conversation()
    natural.ask("RI 1.762-1.770, SG 4.00, red, silk")
    assert "have it tested, treatments included" in natural.ask("can I sell it as ruby?").reply


def test_no_sale_question_no_answer_and_every_source_is_a_page():
    assert disclosure_answer("what is ruby?", None) == "" and disclosure_answer("RI 1.76", None) == ""
    assert "Nothing here yet shows what the stone is" in disclosure_answer("can I call it a diamond?", None)
    assert all(re.search(r"<https?://[^>]+>$", s) for s in SOURCES)


@pytest.mark.parametrize(
    "message, asked",
    [("should i sell it or keep it, i dont want to be cheated", False), ("should I sell it on ebay or at a pawn shop?",
     False), ("can I sell lab grown sapphire as sapphire?", True), ("can i call it sapphire when i resell", True),
     ("Can I call it 'natural diamond' on the basis of the thermal tester?", True)],
)  # fmt: skip
def test_the_rule_answers_what_a_stone_may_be_sold_or_called_as_not_whether_to_sell_it(message, asked):
    assert disclosure_answer(message, None).startswith("**What it may be sold as:**") is asked


def test_a_disclosure_question_naming_a_treatment_is_answered_plainly_by_16_cfr_23_22():
    chat = Assistant(classifier=None).conversation()
    oiled = chat.ask("Does the oiling have to be disclosed?")
    assert oiled.reply.startswith("**Oiling must be disclosed**: it is not permanent (“Oiling is stable but not")
    assert "it needs special care (ultrasonic: never" in oiled.reply and "16 CFR 23.24" in oiled.reply
    assert "ecfr.gov" in " ".join(oiled.notes)
    assert chat.ask("must I tell the buyer it was dyed?").reply.startswith("**Dyeing must be disclosed**: it is not")
    assert chat.ask("is irradiation something to disclose?").reply.startswith("**Irradiation must be disclosed where")
    heated = chat.ask("Do heated stones need disclosing to customers?").reply
    assert heated.startswith("**Heating must be disclosed when it significantly affects the stone's value**")
    assert chat.ask("It's oiled, the seller disclosed it").reply.startswith("**What it may be sold as")  # not asked
    assert all(treated_material(material) is not None for _, _, material in TREATMENTS)


def test_a_disclosure_follow_up_naming_no_treatment_asks_of_the_treatment_just_discussed():
    chat = Assistant(classifier=None).conversation()
    chat.ask("RI 1.577-1.583, SG 2.72, green")
    chat.ask("is it oiled?")
    oiled = chat.ask("does it have to be disclosed?")
    assert oiled.reply.startswith("**Oiling must be disclosed**") and "only a gem laboratory can tell" in oiled.reply
    chat.ask("could it be heated?")
    assert chat.ask("must that be disclosed?").reply.startswith("**Heating must be disclosed when")
    care = Assistant(classifier=None).conversation()
    care.ask("RI 1.577-1.583, SG 2.72, green")
    care.ask("is it heat sensitive?")  # a care question, no treatment: the sale rule, as before
    assert care.ask("does it have to be disclosed?").reply.startswith("**What it may be sold as")


def test_waxing_is_answered_from_its_care_notes_with_how_the_trade_discloses_it():
    chat = Assistant(classifier=None).conversation()
    waxed = chat.ask("does the waxing have to be disclosed?")
    assert waxed.reply.startswith("**Waxing must be disclosed**: it is not permanent")
    assert "steam: never" in waxed.reply and "AGTA enhancement codes (W, waxing/oiling" in waxed.reply
    assert any("jtv.com" in note and "gia.edu/lapis" in note for note in waxed.notes)
    paraffin = chat.ask("is paraffin impregnation of turquoise something to disclose?").reply
    assert paraffin.startswith("**Waxing must be disclosed**")
    waxy = Assistant(classifier=None).conversation().ask("it has a waxy lustre, does it need to be disclosed?")
    assert waxy.reply.startswith("**What it may be sold")  # a waxy lustre is no wax
    assert chat.ask("how do I clean waxed jade?").reply.startswith("**Caring for waxed stones**")


def test_a_disclosure_follow_up_looks_back_a_few_messages_of_the_same_stone_and_reads_declared():
    chat = Assistant(classifier=None).conversation()
    chat.ask("RI 1.762-1.770, SG 4.00, blue")
    chat.ask("is it heated?")
    chat.ask("what's the hardness?")
    assert chat.ask("does it have to be disclosed?").reply.startswith("**Heating must be disclosed when")
    chat.ask("is it heated?")
    chat.ask("next stone: RI 1.544-1.553, SG 2.65")  # another stone: its treatment is not known
    assert chat.ask("does it have to be disclosed?").reply.startswith("**What it may be sold as")
    declared = Assistant(classifier=None).conversation().ask("is waxing a treatment that must be declared?")
    assert declared.reply.startswith("**Waxing must be disclosed**")


def test_readings_with_a_sale_question_are_ranked_with_the_rule_above():
    answer = Assistant(classifier=None).conversation().ask("RI 1.762-1.770 SG 4.00 red, can I sell it as ruby?")
    assert answer.reply.startswith("**What it may be sold as:**") and answer.candidates[0][0].startswith("Corundum")
    assert "Nothing here yet shows what the stone is" not in answer.reply


@pytest.mark.parametrize(
    "message", ["can I sell black coral jewellery online?", "is it legal to buy red coral?",
                "can I bring a coral necklace back from Italy?"],
)  # fmt: skip
def test_whether_coral_may_be_traded_gets_its_cites_listing_with_sources_and_no_legal_advice(message):
    answer = Assistant(classifier=None).conversation().ask(message)
    assert answer.reply.startswith("**Coral is traded under CITES rules.**")
    assert "Appendix II" in answer.reply and "Appendix III since 1 July 2008, listed by China" in answer.reply
    assert "not legal advice" in answer.reply and any("cop17-doc-52" in note for note in answer.notes)


def test_no_trade_question_gets_no_trade_rule_and_a_gem_with_none_is_said_to_have_none():
    assert trade_rule_answer("tell me about coral") is None and trade_rule_answer("where can I buy tanzanite?") is None
    assert trade_rule_answer("should I sell my ruby or keep it?") is None  # whether to sell, not whether one may
    ruby, sources = trade_rule_answer("can I sell my ruby online?")
    assert ruby.startswith("**My facts hold no trade rule for Ruby**") and "national rules differ" in ruby
    assert sources == ()
    assert all(re.search(r"<https?://[^>]+>$", s) for rule in trade_rules() for s in rule.sources)


def test_whether_pearls_or_another_gem_may_be_sold_is_answered_not_with_the_card():
    pearls = Assistant(classifier=None).conversation().ask("can I sell pearls online?")  # was "**Pearl**", the card
    assert pearls.reply.startswith("**Most pearls are on no CITES list.**") and "queen conch" in pearls.reply
    assert any("ruigalopim.com" in note for note in pearls.notes)
    amber = Assistant(classifier=None).conversation().ask("is it legal to sell amber?").reply
    assert amber.startswith("**My facts hold no trade rule for Amber**") and "not legal advice" in amber
    chat = Assistant(classifier=None).conversation()
    chat.ask("green, RI 1.654-1.690, SG 3.34")  # the stone in hand, asked of (was "My facts on Peridot do not …")
    assert chat.ask("is it legal to own one?").reply.startswith("**My facts hold no trade rule for Peridot**")


@pytest.mark.parametrize("message", ["is ivory legal?", "can I sell ivory jewellery?"])
def test_whether_ivory_may_be_traded_gets_its_cites_listing_though_it_is_no_gem(message):
    answer = Assistant(classifier=None).conversation().ask(message)  # was the how-to-begin help
    assert answer.reply.startswith("**Elephant ivory is traded under the strictest CITES rules.**")
    assert "Appendix I" in answer.reply and "Ivory Act 2018" in answer.reply and "not legal advice" in answer.reply
    assert any("elephantvoices.org" in note for note in answer.notes)


def test_a_listing_that_says_lab_created_leads_with_the_naming_rule_then_the_readings_answer():
    answer = (
        Assistant(classifier=None)
        .conversation()
        .ask("the listing says lab-created sapphire, RI 1.76, is that ok to call it sapphire?")
    )
    rule, readings = answer.reply.split("\n\n", 1)
    assert rule.startswith("**The listing calls it lab-grown.**") and "16 CFR 23.25" in rule
    assert '"lab-created sapphire" is a fair name, "sapphire" alone is not' in rule
    assert "Sapphire" in readings and any("section-23.25" in note for note in answer.notes)


@pytest.mark.parametrize(
    "message, lead",
    [("seller says it's a synthetic ruby, is that fine?", "**The seller calls it lab-grown.**"),
     ("it was sold as lab grown diamond, SG 3.52", "**It is sold as lab-grown.**"),
     ("the seller says it's not synthetic, RI 1.762-1.770", ""), ("is a lab-grown diamond a real diamond?", "")],
)  # fmt: skip
def test_only_someone_elses_word_that_the_stone_is_lab_grown_gets_the_naming_lead(message, lead):
    assert lab_grown_said(message).startswith(lead) and bool(lab_grown_said(message)) is bool(lead)


@pytest.mark.parametrize(
    "message, rule",
    [('Can I call my stones "natural"?', "16 CFR 23.27"), ("Can I call a stone genuine?", "16 CFR 23.27"),
     ("may I advertise them as genuine gemstones?", "16 CFR 23.27"), ("is it ok to describe my rubies as real?",
     "16 CFR 23.27"), ('Can I call a stone "flawless"?', "16 CFR 23.28"), ("can I write perfect in my listing?",
     "16 CFR 23.28"), ("What must I call a lab-created stone?", "23.25(b)"), ("what should lab grown stones be "
     "called?", "23.25(b)"), ('Can I call a lab grown sapphire "synthetic" or do I have to say "lab-created"?',
     "23.25(c)"), ('Is it ok to say "cultured" for a lab ruby?', '"cultured ruby" alone is not enough')],
)  # fmt: skip
def test_the_words_a_listing_may_use_are_answered_by_the_jewelry_guides_paragraph_on_them(message, rule):
    reply = Assistant(classifier=None).conversation().ask(message)
    assert rule in reply.reply and "Send me a photo" not in reply.reply and "Key properties" not in reply.reply
    assert any("lexbuild.dev" in note or "lexfed.com" in note for note in reply.notes)


def test_a_word_asked_of_the_stone_in_hand_adds_what_the_evidence_showed_and_no_word_no_answer():
    chat = Assistant(classifier=None).conversation()
    chat.ask("RI 1.762-1.770, SG 4.00, red, silk")
    natural = chat.ask("can I call it natural in my shop?").reply
    assert natural.startswith('**"Natural", "genuine" and "real" are for mined stones only.**')
    assert "have it tested, treatments included" in natural
    assert chat.ask("is it natural?").reply != natural  # whether it is, not what it may be called
    sold_as = Assistant(classifier=None).conversation().ask("can I sell lab grown sapphire as sapphire?").reply
    assert sold_as.startswith("**What it may be sold as:**")  # the rule and the evidence


@pytest.mark.parametrize(
    "message, disclosed, code",
    [("How do I word oiling in a listing?", "**Oiling must be disclosed**", "O oiled or resin-infused"),
     ("what should I write about heating in my listing?", "**Heating must be disclosed", "H heated"),
     ("how do I describe dyeing in a listing?", "**Dyeing must be disclosed**", "D dyed"),
     ("how should I word the stabilization on my website?", "**Stabilisation must be disclosed**", "S stabilised")],
)  # fmt: skip
def test_how_to_word_a_treatment_in_a_listing_is_its_disclosure_rule_and_the_trades_codes(message, disclosed, code):
    chat = Assistant(classifier=None).conversation()
    chat.ask("RI 1.565-1.599, SG 2.72, green, three-phase inclusions")
    worded = chat.ask(message)
    assert worded.reply.startswith(disclosed) and "16 CFR 23.24" in worded.reply
    assert "**Enhancement codes**: The American Gem Trade Association's" in worded.reply and code in worded.reply
    assert any("johndyergems.com" in note for note in worded.notes)


def test_a_listing_question_naming_no_treatment_gets_no_disclosure_rule():
    chat = Assistant(classifier=None).conversation()
    chat.ask("is it oiled?")
    assert "must be disclosed" not in chat.ask("how should I describe the colour in my listing?").reply
