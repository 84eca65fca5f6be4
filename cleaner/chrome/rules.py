"""The shape every chrome rule shares, and the registry that runs them in order."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from cleaner.chrome.features import BlockFeatures

#: a rule sees one block's features and answers with a reason id, or None to pass
RuleFunction = Callable[[BlockFeatures], "str | None"]


@dataclass(frozen=True, slots=True)
class PatternRule:
    """Name a block chrome when it matches ``pattern`` and has at most ``max_words``.

    ``pattern`` holds phrases that only chrome uses (calls to action: "sign up for
    our newsletter", "we use cookies"). ``weak`` holds bare topic words ("newsletter",
    "cookies", "donations") that articles use too: they count only in a block of at
    most ``weak_max_words``, i.e. a label or a button, never in a sentence.
    """

    reason: str
    pattern: re.Pattern[str] | None
    max_words: float
    weak: re.Pattern[str] | None = None
    weak_max_words: float = 4

    def __call__(self, features: BlockFeatures) -> str | None:
        if features.words <= self.max_words and self.pattern is not None \
                and self.pattern.search(features.lower):
            return self.reason
        if features.words <= self.weak_max_words and self.weak is not None \
                and self.weak.search(features.lower):
            return self.reason
        return None


def any_of(phrases: Iterable[str], whole_line: bool = False) -> re.Pattern[str]:
    """One case-insensitive pattern for many phrases (already lower-case regex)."""
    body = "|".join(f"(?:{p})" for p in phrases)
    if whole_line:
        return re.compile(rf"^\W*(?:{body})\W*$")
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)")
