"""The data model shared by every stage: blocks, verdicts, edits and the result."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

KEEP = "keep"
DROP = "drop"


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph or line of the page, as segmentation found it.

    ``start``/``end`` are character offsets into the input text (after line endings
    were unified), so a block can always be traced back to its source.
    ``hyphen_breaks`` holds offsets (into ``text``) of hyphens that ended a wrapped
    line: the repair stage decides whether each is a real compound or wrap damage.
    """

    index: int
    text: str
    start: int
    end: int
    hyphen_breaks: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Verdict:
    """Keep or drop one block, with a stable reason id and a content score in [0, 1]."""

    keep: bool
    reason: str
    score: float

    @property
    def action(self) -> str:
        return KEEP if self.keep else DROP


@dataclass(frozen=True, slots=True)
class Edit:
    """One change to the text of a kept block.

    ``start``/``end`` index the block text as it stood when the rule ran; ``rule`` is
    the stable id of the fix (``repair:split``, ``repair:mojibake`` ...).
    """

    block: int
    start: int
    end: int
    before: str
    after: str
    rule: str


@dataclass(slots=True)
class CleanResult:
    """Everything one run of the pipeline decided about a document."""

    text: str
    blocks: list[Block] = field(default_factory=list)
    verdicts: list[Verdict] = field(default_factory=list)
    edits: list[Edit] = field(default_factory=list)
    language: str | None = None
    input_format: str = "text"

    def removed(self) -> list[tuple[Block, Verdict]]:
        return [(b, v) for b, v in zip(self.blocks, self.verdicts, strict=True) if not v.keep]

    def reason_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for verdict in self.verdicts:
            if not verdict.keep:
                counts[verdict.reason] = counts.get(verdict.reason, 0) + 1
        for edit in self.edits:
            counts[edit.rule] = counts.get(edit.rule, 0) + 1
        return dict(sorted(counts.items()))

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "language": self.language,
            "input_format": self.input_format,
            "blocks": [
                {**asdict(b), "hyphen_breaks": list(b.hyphen_breaks), **_verdict_dict(v)}
                for b, v in zip(self.blocks, self.verdicts, strict=True)
            ],
            "edits": [asdict(e) for e in self.edits],
            "counts": self.reason_counts(),
        }

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


def _verdict_dict(verdict: Verdict) -> dict[str, Any]:
    return {"action": verdict.action, "reason": verdict.reason, "score": round(verdict.score, 4)}
