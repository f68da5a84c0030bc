"""What the assistant says in one turn: plain data that renders itself as Markdown."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from PIL import Image

from gemlang.fusion import Settings
from gemlang.language.describe import percent
from gemlang.language.gem_text import in_prose
from gemlang.scope import ScopeVerdict

DEFAULT_UNSURE_BELOW = Settings().unsure_below  # when no settings calibrated on held-out photos are at hand
UNSURE_BECAUSE = "I'm not sure because"  # opens each note on evidence about the named gem (none without one)


@dataclass
class Answer:
    """What the assistant says in one turn; the UI decides how to show it."""

    message: str
    candidates: list[tuple[str, float]] = field(default_factory=list)  # best first
    members: list[tuple[str, ...]] = field(default_factory=list)  # the gems behind each candidate, most probable first
    unsure: bool = False
    unsure_below: float = DEFAULT_UNSURE_BELOW
    description: str = ""
    properties: list[tuple[str, ...]] = field(default_factory=list)  # first row is the header
    tell_apart: str = ""
    heatmap: np.ndarray | None = None  # (H, W) in [0, 1]
    overlay: Image.Image | None = None  # the photo with the heat map blended over it
    # What the map is when not exactly what the answer came from (an int8 model, a companion), or why there is
    # none: said with the map, not in the reply, where it would mean nothing to a person asking about a stone.
    heatmap_note: str = ""
    hints_used: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)  # what the readings rule out, and why
    next_test: str = ""  # the one test that would best split the leading gems
    caution: str = ""  # possibly glass, a simulant or lab-grown, and the test that would confirm it
    used_photo: bool = False
    reply: str = ""  # the whole answer when there is nothing to rank (help, unreadable upload)
    notes: list[str] = field(default_factory=list)
    out_of_scope: ScopeVerdict | None = None  # the photo's scope check; None when no photo was used
    species: tuple[str, float] | None = None  # unsure of the gem, not of its species: (species, their share)

    @property
    def gem(self) -> str | None:
        return self.candidates[0][0] if self.candidates else None

    @property
    def probability(self) -> float | None:
        return self.candidates[0][1] if self.candidates else None

    def to_dict(self) -> dict:
        """JSON-safe summary (no images)."""
        return {
            "gem": self.gem,
            "probability": self.probability,
            "unsure": self.unsure,
            "unsure_below": self.unsure_below,
            "candidates": [[name, p] for name, p in self.candidates],
            "members": [list(gems) for gems in self.members],
            "description": self.description,
            "properties": [list(row) for row in self.properties],
            "tell_apart": self.tell_apart,
            "hints_used": self.hints_used,
            "reasons": self.reasons,
            "next_test": self.next_test,
            "caution": self.caution,
            "used_photo": self.used_photo,
            "has_heatmap": self.heatmap is not None,
            "heatmap_note": self.heatmap_note,
            "reply": self.reply,
            "notes": self.notes,
            "out_of_scope": self.out_of_scope.to_dict() if self.out_of_scope is not None else None,
            "species": None if self.species is None else {"name": self.species[0], "probability": self.species[1]},
        }

    def summary_markdown(self) -> str:
        """The chat reply: the headline (or "I'm not sure"), what was used, how to tell the top two apart; gems are
        named as prose names them (`in_prose`), while `candidates` and `to_dict` keep the photo-class labels."""
        parts: list[str] = []
        if self.reply:
            parts.append(self.reply)
        if self.out_of_scope is not None and self.out_of_scope.flagged:
            pass  # the reply says it plainly; no gem is named as an answer
        elif self.candidates:
            name, p = self.candidates[0]
            if self.unsure:
                others = ", ".join(f"{n} ({percent(q)})" for n, q in self.candidates[1:3])
                if self.species is not None:  # the readings settle corundum, not which colour of it
                    kind, share = self.species
                    headline = (
                        f"**I'm not sure which {kind} it is**: {kind} at {percent(share)} together, **{name}** first "
                        f"({percent(p)})" + (f", then {others}." if others else ".")
                    )
                elif p >= self.unsure_below:  # a likely gem the evidence argues over: not "best guess (>99%)"
                    headline = f"**I'm not sure**, though the evidence puts **{name}** at {percent(p)}"
                    headline += f"; then {others}." if others else "."
                else:
                    headline = f"**I'm not sure.** My best guess is **{name}** ({percent(p)})"
                    headline += f", but it could also be {others}." if others else "."
            else:
                runner_up = (
                    f"; next: {self.candidates[1][0]} ({percent(self.candidates[1][1])})"
                    if len(self.candidates) > 1
                    else ""
                )
                headline = f"**{name}** ({percent(p)}){runner_up}"
            if self.hints_used:
                basis = "your photo and " if self.used_photo else "only "
                headline += f"  \n_Using {basis}" + "; ".join(self.hints_used) + "._"
            parts.append(headline)
        why = "; ".join(self.reasons[:4]) + "." if self.reasons else ""
        for label, text in (("Why", why), ("Caution", self.caution), ("Next test", self.next_test),
                            ("How to tell them apart", self.tell_apart)):  # fmt: skip
            if text:
                parts.append(f"**{label}:** {text}")
        if self.notes:
            parts.append("\n".join(f"_Note: {n}_" for n in self.notes))
        return in_prose("\n\n".join(parts))

    def details_markdown(self) -> str:
        """The description and the table of key properties."""
        parts: list[str] = []
        if self.description:
            parts.append(self.description)
        if self.properties:
            header, *rows = self.properties
            table = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
            table += ["| " + " | ".join(row) + " |" for row in rows]
            parts.append("**Key properties**\n\n" + "\n".join(table))
        return in_prose("\n\n".join(parts))

    def to_markdown(self) -> str:
        """Everything: the reply, the ranked candidates, the description and the properties."""
        parts = [self.summary_markdown()]
        if self.candidates:
            rows = [in_prose(f"| {n} | {q:.1%} |") for n, q in self.candidates]
            parts.append("\n".join(["| gem | probability |", "|---|---|", *rows]))
        parts.append(self.details_markdown())
        return "\n\n".join(p for p in parts if p)
