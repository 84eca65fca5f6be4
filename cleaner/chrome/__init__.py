"""Chrome removal: pattern rules per family, then the context pass."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from cleaner.chrome import appeals, cjk, legal, navigation, structure
from cleaner.chrome.context import BlockClass, base_class, is_list_item, resolve
from cleaner.chrome.features import BlockFeatures, block_features
from cleaner.chrome.model import LineModel, page_features
from cleaner.chrome.navigation import READ_ALSO_LABEL_RE
from cleaner.chrome.repetition import repeated_blocks
from cleaner.chrome.rules import PatternRule, RuleFunction, block_keys
from cleaner.config import MODE_SETTINGS, Mode
from cleaner.document import Verdict
from cleaner.lexicon import all_stopwords, stopword_table
from cleaner.segment import is_code_block
from cleaner.site import REASON as SITE_REPEAT

#: pattern rules run in this order; the first that names a block wins
RULES: tuple[RuleFunction, ...] = (
    *structure.RULES,
    *appeals.RULES,
    *legal.RULES,
    *navigation.RULES,
    *cjk.RULES,
)

__all__ = ["RULES", "PageAnalysis", "analyze", "classify", "first_rule"]


def _plan(rule: RuleFunction) -> tuple[RuleFunction, float, frozenset[str] | None, bool]:
    """(rule, most words it can match, trigger keys of any of its phrases, is a pattern rule)."""
    if not isinstance(rule, PatternRule):
        return rule, math.inf, None, False
    phrases = [p for p in (rule.pattern, rule.weak) if p is not None]
    if any(p.triggers is None for p in phrases):
        return rule, rule.word_limit, None, True
    return rule, rule.word_limit, frozenset().union(*(p.triggers or () for p in phrases)), True


#: the rules in order, with what lets most blocks skip most of them cheaply
_PLAN = tuple(_plan(rule) for rule in RULES)
#: rules every block short enough must try: their phrases start with no known word
_UNGATED = tuple(i for i, (_, _, triggers, _) in enumerate(_PLAN) if triggers is None)
#: longer blocks than this try only the ungated rules
_GATED_MAX_WORDS = max(limit for _, limit, triggers, _ in _PLAN if triggers is not None)


def _gated_by_key() -> dict[str, tuple[int, ...]]:
    by_key: dict[str, list[int]] = {}
    for i, (_, _, triggers, _) in enumerate(_PLAN):
        for key in triggers or ():
            by_key.setdefault(key, []).append(i)
    return {key: tuple(rules) for key, rules in by_key.items()}


#: each trigger key's rules: a block's keys pick the few rules it can match, instead of
#: every rule testing its triggers against the block's keys
_GATED_BY_KEY = _gated_by_key()
_TRIGGER_KEYS = frozenset(_GATED_BY_KEY)


def _candidates(keys: frozenset[str]) -> list[int]:
    """The rules a block with these keys could match, in rule order."""
    found = set(_UNGATED)
    for key in keys & _TRIGGER_KEYS:
        found.update(_GATED_BY_KEY[key])
    return sorted(found)


def first_rule(features: BlockFeatures) -> str | None:
    """The reason id of the first rule that names this block chrome, if any."""
    words = features.words
    # A block longer than every gated rule allows tries the ungated ones alone.
    keys = block_keys(features) if words <= _GATED_MAX_WORDS else None
    for index in _UNGATED if keys is None else _candidates(keys):
        rule, limit, _, is_pattern = _PLAN[index]
        if words > limit:
            continue
        if is_pattern:
            if keys is None:
                keys = block_keys(features)
            reason = rule.check(features, keys)  # type: ignore[attr-defined]  # a PatternRule
        else:
            reason = rule(features)
        if reason:
            return str(reason)
    return None


@dataclass(frozen=True)
class PageAnalysis:
    """What the rules and the context pass make of a page, before any model."""

    features: list[BlockFeatures]
    reasons: list[str | None]
    classes: list[BlockClass]
    #: the rule-based verdicts in balanced mode: the model's main input
    heuristic: list[Verdict]
    #: the page language's most frequent words (all languages' when it is unknown)
    stopwords: frozenset[str]


def _stopwords(language: str | None) -> frozenset[str]:
    return stopword_table().get(language or "", None) or all_stopwords()


def _named_chrome(texts: list[str], language: str | None,
                  site_chrome: Sequence[bool] | None) -> tuple[list[BlockFeatures], list[str | None]]:
    """Every block's features, and the reason a pattern rule or the site's template names it chrome."""
    stopwords = _stopwords(language)
    # A page repeats its chrome ("Share", "Next", a menu printed twice): a fifth of all
    # blocks. Both are pure functions of the text, so each distinct text is read once.
    seen: dict[str, tuple[BlockFeatures, str | None]] = {}
    features: list[BlockFeatures] = []
    named: list[str | None] = []
    for text in texts:
        known = seen.get(text)
        if known is None:
            block = block_features(text, stopwords)
            # a code sample's words are the program's, not the site's ("share", "login")
            known = seen[text] = (block, None if is_code_block(text) else first_rule(block))
        features.append(known[0])
        named.append(known[1])
    site = site_chrome if site_chrome is not None else [False] * len(texts)
    reasons = [reason or (SITE_REPEAT if on_site else None)
               for reason, on_site in zip(named, site, strict=True)]
    return features, reasons


#: rules whose phrases the main text of a document uses too (a specification's own
#: licence and reply-format sections, a list of reference links)
_EDGE_ONLY_REASONS = frozenset({"chrome:copyright", "chrome:link", "chrome:comments"})
#: how far from the start and the end of an extraction the page's own chrome may leak in
EXTRACTED_HEAD_BLOCKS = 3
EXTRACTED_FOOT_BLOCKS = 8


def _stands_in_extracted(reason: str, index: int, count: int) -> bool:
    """An extractor chose the main text already: inside it, only the rules that name
    chrome outright stand; the others only where its edges may hold the page's own."""
    if reason not in _EDGE_ONLY_REASONS:
        return True
    return index < EXTRACTED_HEAD_BLOCKS or index >= count - EXTRACTED_FOOT_BLOCKS


#: a linked headline is a line of at most this many words
READ_ALSO_HEADLINE_MAX_WORDS = 25


def _name_inline_read_also(features: list[BlockFeatures], reasons: list[str | None]) -> None:
    """A "Read also:" label on a line of its own, the linked headline on the next, and
    the article going on after them: both lines are one link set into the article
    (``chrome:read-also``), not a related-posts heading that would end it."""
    for i in range(len(features) - 2):
        label, headline, after = features[i], features[i + 1], features[i + 2]
        if (label.words <= 6 and reasons[i] in (None, "chrome:related") and reasons[i + 1] is None
                and reasons[i + 2] is None and READ_ALSO_LABEL_RE.match(label.text)
                and 0 < headline.words <= READ_ALSO_HEADLINE_MAX_WORDS
                and after.ends_with_punctuation and base_class(after) in (BlockClass.NEAR, BlockClass.GOOD)):
            reasons[i] = reasons[i + 1] = "chrome:read-also"


def analyze(texts: list[str], language: str | None,
            site_chrome: Sequence[bool] | None = None) -> PageAnalysis:
    """``site_chrome`` marks the page's lines that its site's template prints (``SiteProfile``)."""
    features, named = _named_chrome(texts, language, site_chrome)
    return _analysis(language, features, *_block_classes(texts, features, named))


def _analysis(language: str | None, features: list[BlockFeatures], reasons: list[str | None],
              classes: list[BlockClass]) -> PageAnalysis:
    """The page's analysis from its blocks' reasons and classes: the balanced rules' verdicts added."""
    heuristic = resolve(features, classes, reasons, MODE_SETTINGS[Mode.BALANCED])
    return PageAnalysis(features, reasons, classes, heuristic, _stopwords(language))


def _block_classes(texts: list[str], features: list[BlockFeatures],
                   named: list[str | None]) -> tuple[list[str | None], list[BlockClass]]:
    """Each block's reason to be chrome (a rule's, or the page's repeats) and its class."""
    code = [is_code_block(text) for text in texts]
    reasons = [None if is_code else reason or repeated
               for reason, repeated, is_code in zip(named, repeated_blocks(features), code, strict=True)]
    _name_inline_read_also(features, reasons)
    # A code sample is no prose to weigh, and no chrome: it goes with the text beside it.
    classes = [BlockClass.NEAR if is_code else BlockClass.BAD if r else base_class(f)
               for f, r, is_code in zip(features, reasons, code, strict=True)]
    return reasons, classes


def classify(texts: list[str], language: str | None, mode: Mode, *, extracted: bool = False,
             model: LineModel | None = None, site_chrome: Sequence[bool] | None = None) -> list[Verdict]:
    """A verdict for every block of one page.

    The rules and the context pass decide in the mode's settings; with a ``model`` the
    trained classifier overrules them where it is sure (``LineModel.keeps``) and where it
    does not defer to them (``LineModel.defers``), and every verdict carries its score.
    ``extracted`` marks text that an HTML extractor already reduced to the main content:
    only rules that name chrome outright apply there, and the site's template lines
    (``site_chrome``).
    """
    if extracted:
        features, reasons = _named_chrome(texts, language, site_chrome)
        verdicts = [Verdict(False, r, 0.05) if r and _stands_in_extracted(r, i, len(reasons))
                    else Verdict(True, "content:extracted", 0.8) for i, r in enumerate(reasons)]
        return _trim_extraction_tail(texts, language, mode, model, features, reasons, verdicts)
    return _classify_text(texts, analyze(texts, language, site_chrome), mode, model)


#: after an extraction's last paragraph of prose, a line this short that the text
#: pipeline drops is the page's own chrome the extractor let through ("Teilen mit:",
#: "Wird geladen", "Schon gelesen?", a related link's headline)
EXTRACTED_TAIL_MAX_WORDS = 12


def _trim_extraction_tail(texts: list[str], language: str | None, mode: Mode, model: LineModel | None,
                          features: list[BlockFeatures], reasons: list[str | None],
                          verdicts: list[Verdict]) -> list[Verdict]:
    """``verdicts`` of an extraction, with the short lines after its last paragraph of
    prose that the text pipeline drops dropped too, where the mode trims the page's
    edges. A list item stays: an article may end on a list of its points, sources or
    ingredients.

    On the training pages (HTML, balanced) snippet precision rose from 0.934 to 0.950
    for 0.009 of recall (F1 0.951 -> 0.955), readability F1 0.9611 -> 0.9614, in both
    halves of the pages; lines before the last prose, or longer ones, cost more recall
    than they gained. Precision mode: snippet precision 0.948 -> 0.958, readability
    precision 0.9705 -> 0.9707 (F1 0.942 -> 0.941)."""
    if not MODE_SETTINGS[mode].trim_outside_main:
        return verdicts  # recall mode keeps the page's edges in text too
    page_reasons, classes = _block_classes(texts, features, reasons)
    prose = [i for i, c in enumerate(classes) if c is BlockClass.GOOD]
    tail = [i for i in range(prose[-1] + 1 if prose else len(texts), len(texts))
            if verdicts[i].keep and 0 < len(texts[i].split()) <= EXTRACTED_TAIL_MAX_WORDS
            and not is_list_item(texts[i])]
    if not tail:
        return verdicts
    as_text = _classify_text(texts, _analysis(language, features, page_reasons, classes), mode, model)
    result = list(verdicts)
    for i in tail:
        if not as_text[i].keep:
            result[i] = Verdict(False, as_text[i].reason, min(verdicts[i].score, as_text[i].score))
    return result


def _classify_text(texts: list[str], page: PageAnalysis, mode: Mode,
                   model: LineModel | None) -> list[Verdict]:
    """The text pipeline's verdicts on a page it analysed (``classify``)."""
    rules = page.heuristic if mode is Mode.BALANCED else resolve(
        page.features, page.classes, page.reasons, MODE_SETTINGS[mode])
    if model is None:
        return _keep_code_beside_text(texts, _drop_lone_numbers_and_bullets(texts, rules))
    probabilities = model.predict(page_features(page.features, page.classes, page.heuristic, page.stopwords,
                                                model.lexicon))
    verdicts = []
    for probability, by_rules, rule, block in zip(probabilities, rules, page.reasons, page.features,
                                                  strict=True):
        score = float(probability)
        if model.defers(by_rules, rule, block, mode.value):
            verdicts.append(Verdict(by_rules.keep, by_rules.reason, score))
        elif model.keeps(score, by_rules.keep, mode.value):
            verdicts.append(Verdict(True, by_rules.reason if by_rules.keep else "content:model", score))
        else:
            reason = by_rules.reason if not by_rules.keep else (rule or "chrome:model")
            verdicts.append(Verdict(False, reason, score))
    return _keep_code_beside_text(texts, _drop_lone_numbers_and_bullets(texts, verdicts))


#: a number alone on its line: a vote, view or like count, a page of a pager, a chart's
#: axis label ("12", "8,911", "45k"); not a year, which heads a timeline's section
_BARE_COUNT_RE = re.compile(r"\d{1,3}(?:[.,]\d{3})+|\d+(?:[.,]\d)?[kKM]|\d+")
_YEARS = range(1000, 2100)
#: what the context pass kept for where it stands, not for what it says
_KEPT_BY_PLACE = frozenset({"content:context", "content:list", "content:heading", "content:model"})


#: a table flattened to lines sets each value under its label ("Servings" / "40")
LABEL_MAX_WORDS = 3


def _is_label(text: str) -> bool:
    return len(text.split()) <= LABEL_MAX_WORDS and not any(ch.isdigit() for ch in text) \
        and any(ch.isalpha() for ch in text)


#: a list's bullet with no item beside it, as a rendering prints an empty list item
#: (an icon's) or a bullet its converter set apart from the item's text
_LONE_BULLETS = frozenset("*•·‣▪◦-")


def _drop_lone_numbers_and_bullets(texts: list[str], verdicts: list[Verdict]) -> list[Verdict]:
    """A number alone on its line (``chrome:count``) or a bullet alone on its line
    (``chrome:bullet``) says nothing to a reader of the text: it goes where the context
    pass kept it for its neighbours' sake. After the context pass, so that it still
    bridges the article's parts as before."""
    result = verdicts
    for i, (text, verdict) in enumerate(zip(texts, verdicts, strict=True)):
        if not (verdict.keep and verdict.reason in _KEPT_BY_PLACE and len(text) <= 12):
            continue
        stripped = text.strip()
        reason = None
        if stripped in _LONE_BULLETS:
            reason = "chrome:bullet"
        elif _BARE_COUNT_RE.fullmatch(stripped) and not (stripped.isdigit() and int(stripped) in _YEARS) \
                and not (i > 0 and _is_label(texts[i - 1])):
            reason = "chrome:count"
        if reason is not None:
            if result is verdicts:
                result = list(verdicts)
            result[i] = Verdict(False, reason, min(verdict.score, 0.3))
    return result


def _keep_code_beside_text(texts: list[str], verdicts: list[Verdict]) -> list[Verdict]:
    """A code sample (``is_code_block``: fenced, or a run of a program's lines) stays
    (``content:code``) where the text next to it does, above or below it: a tutorial's
    last sample after its last paragraph too. Beside dropped text only (a comment's
    snippet) it goes with that text."""
    code = [is_code_block(text) for text in texts]
    if not any(code):
        return verdicts
    # whether the nearest other block above / below each block is kept (None: there is none)
    above: list[bool | None] = []
    last: bool | None = None
    for is_code, verdict in zip(code, verdicts, strict=True):
        above.append(last)
        if not is_code:
            last = verdict.keep
    below: list[bool | None] = [None] * len(texts)
    last = None
    for i in range(len(texts) - 1, -1, -1):
        below[i] = last
        if not code[i]:
            last = verdicts[i].keep
    result = list(verdicts)
    for i, is_code in enumerate(code):
        if is_code and (above[i] or below[i] or (above[i] is None and below[i] is None)):
            result[i] = Verdict(True, "content:code", max(verdicts[i].score, 0.5))
    return result
