"""Chrome removal: pattern rules per family, then the context pass."""

from __future__ import annotations

from cleaner.chrome import appeals, legal, navigation, structure
from cleaner.chrome.context import BlockClass, base_class, resolve
from cleaner.chrome.features import BlockFeatures, block_features
from cleaner.chrome.repetition import repeated_blocks
from cleaner.chrome.rules import PatternRule, RuleFunction, block_keys
from cleaner.config import ModeSettings
from cleaner.document import Verdict
from cleaner.lexicon import all_stopwords, stopword_table

#: pattern rules run in this order; the first that names a block wins
RULES: tuple[RuleFunction, ...] = (
    *structure.RULES,
    *appeals.RULES,
    *legal.RULES,
    *navigation.RULES,
)

__all__ = ["RULES", "classify", "first_rule"]


def first_rule(features: BlockFeatures) -> str | None:
    """The reason id of the first rule that names this block chrome, if any."""
    keys = block_keys(features)
    for rule in RULES:
        reason = rule.check(features, keys) if isinstance(rule, PatternRule) else rule(features)
        if reason:
            return reason
    return None


def classify(texts: list[str], language: str | None, settings: ModeSettings,
             extracted: bool = False) -> list[Verdict]:
    """A verdict for every block of one page.

    ``extracted`` marks text that an HTML extractor already reduced to the main
    content: the page-level context pass would then judge an article against itself,
    so only the rules that name chrome outright apply.
    """
    stopwords = stopword_table().get(language or "", None) or all_stopwords()
    features = [block_features(text, stopwords) for text in texts]
    reasons = [first_rule(f) or repeated for f, repeated in
               zip(features, repeated_blocks(features), strict=True)]
    if extracted:
        return [Verdict(False, r, 0.05) if r else Verdict(True, "content:extracted", 0.8) for r in reasons]
    classes = [BlockClass.BAD if r else base_class(f) for f, r in zip(features, reasons, strict=True)]
    return resolve(features, classes, reasons, settings)
