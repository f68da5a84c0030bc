"""One chat turn: a message and optional photo(s) in, a structured answer out.

The answer is plain data (candidates, notes, heat map); it also renders itself as Markdown
(`Answer.to_markdown()`), the text format chat UIs display, so the Gradio app, `gradio_client` users and
any other chat front end show the same words. No widget or web code lives here.

    assistant = Assistant.load()              # the default model and its evidence-model settings
    chat = assistant.conversation()
    answer = chat.ask("what gem is this?", photos=["stone.jpg"])
    answer.candidates, answer.unsure, answer.to_markdown()
    answer = chat.ask("RI 1.762-1.770, SG 4.00")  # re-ranks the same photo with the readings

Without a photo the answer reads like a gemmologist's determinative table (`gemlang.fusion.table`): gems
that share every constant (the quartz colours, ruby and the sapphires) are one candidate, "Quartz (Amethyst,
Citrine, …)", with their summed probability, split by a colour the person names; `Answer.members` lists the
gems behind each candidate. With a photo the candidates are single gems.

A `Conversation` remembers the last photo's class probabilities and the hints given so far, so a
follow-up ("hardness 9", "found in Sri Lanka", "RI 1.77") re-ranks without a new upload; a new photo
starts a new stone. Photo and readings meet in `gemlang.fusion.EvidenceModel`, which ranks every gem of
the knowledge base and says why ("RI 1.770 rules out Tanzanite (1.691–1.700)"). Parts that are missing in
this installation (an encoder Grad-CAM cannot explain) are left out with a note, never a crash.

The package's parts, each read on its own: `answer` (what one turn says), `questions` (what a message asks),
`gem_answers` (a gem's facts as answers), `stone_answers` (the stone in hand's answers), `models` (the
classifier, evidence model and explainer) and `conversation` (one chat, message by message).
"""

from gemlang.assistant.answer import UNSURE_BECAUSE, Answer
from gemlang.assistant.conversation import MAX_MESSAGE_CHARS, Conversation
from gemlang.assistant.gem_answers import follow_up_colours, property_rows, side_answer, species_word, tell_apart
from gemlang.assistant.models import DEFAULT_FUSION_DIR, Assistant
from gemlang.assistant.questions import MATERIAL_QUESTIONS, gems_compared, named_gem
from gemlang.assistant.stone_answers import (
    HELP,
    caution,
    confirming_readings,
    doubt_note,
    follow_up,
    settled_by_readings,
    withhold_gem,
)

__all__ = [
    "DEFAULT_FUSION_DIR",
    "HELP",
    "MATERIAL_QUESTIONS",
    "MAX_MESSAGE_CHARS",
    "UNSURE_BECAUSE",
    "Answer",
    "Assistant",
    "Conversation",
    "caution",
    "confirming_readings",
    "doubt_note",
    "follow_up",
    "follow_up_colours",
    "gems_compared",
    "named_gem",
    "property_rows",
    "settled_by_readings",
    "side_answer",
    "species_word",
    "tell_apart",
    "withhold_gem",
]
