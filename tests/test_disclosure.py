"""What a stone may be sold as: the FTC rule, then what the evidence showed of the stone, never more."""

from __future__ import annotations

import re

from gemlang.assistant import Assistant
from gemlang.knowledge.disclosure import SOURCES, disclosure_answer


def test_a_synthetic_answered_must_be_sold_as_what_it_is_and_a_natural_one_tested_first():
    chat = Assistant(classifier=None).conversation()
    chat.ask("Parcel of 'rubies', RI 1.762-1.770, SG 4.00, red, curved striae and gas bubbles")
    synthetic = chat.ask("can I sell them as ruby?")
    assert synthetic.reply.startswith("**What it may be sold as:**") and "16 CFR 23.23" in synthetic.reply
    assert "which is not a natural gem: it must be sold as what it is" in synthetic.reply
    assert any("ftc.gov" in note for note in synthetic.notes)
    natural = Assistant(classifier=None).conversation()
    natural.ask("RI 1.762-1.770, SG 4.00, red, silk")
    assert "have it tested, treatments included" in natural.ask("can I sell it as ruby?").reply


def test_no_sale_question_no_answer_and_every_source_is_a_page():
    assert disclosure_answer("what is ruby?", None) == "" and disclosure_answer("RI 1.76", None) == ""
    assert "Nothing here yet shows what the stone is" in disclosure_answer("can I call it a diamond?", None)
    assert all(re.search(r"<https?://[^>]+>$", s) for s in SOURCES)
