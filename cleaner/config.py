"""One frozen configuration object for the whole pipeline.

Every field is documented here and nowhere else; the CLI options and the keyword
arguments of :func:`cleaner.clean` map onto these fields one to one.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from enum import Enum
from typing import Any


class Mode(str, Enum):
    """How hard the chrome stage cuts.

    ``precision`` drops anything doubtful (cleaner output, some article lines lost),
    ``recall`` keeps anything doubtful (every article line, some chrome left),
    ``balanced`` sits between and is the default.
    """

    PRECISION = "precision"
    BALANCED = "balanced"
    RECALL = "recall"


class InputFormat(str, Enum):
    AUTO = "auto"
    TEXT = "text"
    HTML = "html"


@dataclass(frozen=True, slots=True)
class ModeSettings:
    """The numbers a mode stands for. Tuned on the dev pages with ``bench/boilerplate.py``."""

    #: a block whose content score reaches this is kept
    keep_threshold: float
    #: a short block is kept only when this many content blocks sit next to it
    short_needs_neighbours: int
    #: drop short blocks outside the main run of prose (page head and foot)
    trim_outside_main: bool
    #: a cluster of kept text smaller than this share of the article's is dropped
    min_cluster_share: float
    #: how many dropped blocks may part the article from its lead (0: no lead is kept
    #: for being near the article)
    lead_gap: int
    #: keep an article's list of references after its prose (``content:citations``)
    keep_citations: bool


MODE_SETTINGS: dict[Mode, ModeSettings] = {
    # A cluster of a third of the article's prose, and a lead across a photo and its
    # caption, are the article's own in this mode too: on the training pages 0.35 and 8
    # (from 0.5 and 0) keep snippet precision (0.9187 -> 0.9190) and raise recall
    # (0.8833 -> 0.8934); a lower share or a longer gap costs precision.
    Mode.PRECISION: ModeSettings(keep_threshold=0.6, short_needs_neighbours=2,
                                 trim_outside_main=True, min_cluster_share=0.35, lead_gap=8,
                                 keep_citations=False),
    Mode.BALANCED: ModeSettings(keep_threshold=0.5, short_needs_neighbours=1,
                                trim_outside_main=True, min_cluster_share=0.25, lead_gap=8,
                                keep_citations=True),
    Mode.RECALL: ModeSettings(keep_threshold=0.35, short_needs_neighbours=1,
                              trim_outside_main=False, min_cluster_share=0.05, lead_gap=8,
                              keep_citations=True),
}


@dataclass(frozen=True, slots=True)
class CleanerConfig:
    """Settings for one :class:`cleaner.Cleaner`.

    Attributes:
        mode: precision / balanced / recall preset for chrome removal.
        normalize: run Unicode repair (mojibake, control and invisible characters).
        chrome: remove site chrome (banners, menus, footers ...).
        repair: repair damaged tokens (split and glued words, wrap hyphens, spaces).
        input_format: ``auto`` sniffs HTML, ``text`` and ``html`` force one reader.
        language: ISO 639-1 code to use instead of detecting the page language.
        protect: words that repair must never change (compared case-insensitively).
        protect_patterns: regular expressions; repair never touches text they match.
        timeout: seconds one document may take; past it ``DocumentTimeout`` is raised
            (batch reports the file and goes on). None: no limit.
    """

    mode: Mode = Mode.BALANCED
    normalize: bool = True
    chrome: bool = True
    repair: bool = True
    input_format: InputFormat = InputFormat.AUTO
    language: str | None = None
    protect: frozenset[str] = frozenset()
    protect_patterns: tuple[str, ...] = ()
    timeout: float | None = None

    def __post_init__(self) -> None:
        # Accept plain strings from callers, store the enums.
        object.__setattr__(self, "mode", Mode(self.mode))
        object.__setattr__(self, "input_format", InputFormat(self.input_format))
        object.__setattr__(self, "protect", frozenset(w.lower() for w in self.protect))
        object.__setattr__(self, "protect_patterns", tuple(self.protect_patterns))
        for pattern in self.protect_patterns:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"protect pattern {pattern!r} is not a regular expression: {exc}") from None
        if self.timeout is not None and self.timeout <= 0:
            raise ValueError(f"timeout must be positive, got {self.timeout}")
        if self.language is not None and not self.language.isalpha():
            raise ValueError(f"language must be an ISO 639-1 code, got {self.language!r}")

    @property
    def settings(self) -> ModeSettings:
        return MODE_SETTINGS[self.mode]

    def replace(self, **changes: Any) -> CleanerConfig:
        """A copy with some fields changed; unknown names raise ``TypeError``."""
        unknown = set(changes) - {f.name for f in dataclasses.fields(self)}
        if unknown:
            raise TypeError(f"unknown option(s): {', '.join(sorted(unknown))}")
        return dataclasses.replace(self, **changes)


def read_protect_file(text: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """Words and patterns from a ``--protect`` file.

    One entry per line: a word, or ``re:`` followed by a regular expression. Blank
    lines and lines starting with ``#`` are ignored.
    """
    words: set[str] = set()
    patterns: list[str] = []
    for line in text.splitlines():
        entry = line.strip()
        if not entry or entry.startswith("#"):
            continue
        if entry.startswith("re:"):
            patterns.append(entry[3:].strip())
        else:
            words.add(entry)
    return frozenset(words), tuple(patterns)
