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
    """Drop a block that matches ``pattern`` and is no longer than ``max_words``.

    The word limit is what keeps a sentence of the article that merely mentions a
    newsletter or a cookie from being cut: chrome lines are short.
    """

    reason: str
    pattern: re.Pattern[str]
    max_words: float

    def __call__(self, features: BlockFeatures) -> str | None:
        if features.words <= self.max_words and self.pattern.search(features.lower):
            return self.reason
        return None


def any_of(phrases: Iterable[str], whole_line: bool = False) -> re.Pattern[str]:
    """One case-insensitive pattern for many phrases (already lower-case regex)."""
    body = "|".join(f"(?:{p})" for p in phrases)
    if whole_line:
        return re.compile(rf"^\W*(?:{body})\W*$")
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)")
