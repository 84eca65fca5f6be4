"""Token repair: undo damage that scraping did to words, and nothing else.

Each rule proposes edits on the original block text; overlapping proposals are
resolved in rule order and all are applied at once, so every ``Edit`` carries offsets
into the block as it came in. Rules that judge words need a ``Lexicon`` for the
page's language and stay silent without one: unknown text is never touched.

The evidence is word frequency: an edit is made only when the repaired reading is
far more likely than the damaged one (``MARGIN`` orders of magnitude), and neither
reading involves a protected word, a URL, an address, a number or code.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from cleaner.document import Edit
from cleaner.lexicon import Lexicon

LETTERS = r"[^\W\d_]"
#: a run of letters that is a whole token: not glued to digits, dots, slashes ...
_WORD = rf"(?<![\w.@/:'’-]){LETTERS}+(?![\w@/'’-]|\.\w)"
_WORD_RE = re.compile(_WORD)
_WORD_PAIR_RE = re.compile(rf"(?<![\w.@/:'’-])({LETTERS}+) ({LETTERS}+)(?![\w@/'’-]|\.\w)")
_INLINE_HYPHEN_RE = re.compile(rf"(?<![\w-])({LETTERS}+)- ({LETTERS}+)(?![\w-])")
_SENTENCE_GLUE_RE = re.compile(rf"(?<![\w.@/:])({LETTERS}{{2,}})([.!?])([A-Z]{LETTERS}+)(?![\w@/.]|'\w)")
_QUOTE_GLUE_RE = re.compile(rf'({LETTERS}+)"({LETTERS}+)')
_SPANS_TO_PROTECT_RE = re.compile(
    r"\S*(?:://|www\.|@|\\|_|/|\.(?:com|org|net|html?|php|js|py|io|de|fr|uk)\b)\S*", re.IGNORECASE
)
#: conjunctions after "pre- and post-": a suspended hyphen, not wrap damage
_SUSPENDED_HYPHEN_FOLLOWERS = frozenset(
    {"and", "or", "und", "oder", "bis", "sowie", "et", "ou", "y", "o", "e", "u", "to", "nor"}
)

#: log10 likelihood ratio a repair needs over the damaged reading
MARGIN = 2.0
#: split words: one of the two parts must be rarer than this to be a fragment
FRAGMENT_ZIPF = 4.0
#: a merged or split result word must be at least this common
KNOWN_ZIPF = 3.0
#: glued words: each part must be at least this common
JOIN_PART_ZIPF = 3.5
#: a hyphen is only removed when the glued word is at least this common ...
MIN_MERGED_ZIPF = 2.5
#: ... and at most this much rarer than the rarer of the two parts
HYPHEN_SLACK = 0.5


@dataclass(frozen=True, slots=True)
class Proposal:
    start: int
    end: int
    replacement: str
    rule: str


@dataclass(frozen=True, slots=True)
class RepairContext:
    text: str
    lexicon: Lexicon | None
    protect: frozenset[str]
    hyphen_breaks: tuple[int, ...]
    protected_spans: tuple[tuple[int, int], ...]

    def is_protected(self, start: int, end: int, *words: str) -> bool:
        if any(w.lower() in self.protect for w in words):
            return True
        return any(s < end and start < e for s, e in self.protected_spans)


RepairRule = Callable[[RepairContext], Iterator[Proposal]]


def _log_prob(lexicon: Lexicon, word: str) -> float:
    """log10 probability of a word; unknown words get a floor below any known one."""
    zipf = lexicon.zipf(word)
    return (zipf if zipf > 0 else 0.0) - 9.0


def _case_like(source: str, replacement: str) -> str:
    """Carry a leading capital over to the repaired text."""
    if source[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def _plain_word(word: str) -> bool:
    """Lower-case, or capitalised only at the first letter: acronyms are left alone."""
    return word[1:].islower() if len(word) > 1 else word.islower()


def hyphen_choice(left: str, right: str, lexicon: Lexicon) -> str | None:
    """'merge' for wrap damage, 'keep' for a real compound, None when unsure.

    Wrapping splits words at syllables, leaving fragments ("nego", "tiations", "ing")
    that are rare or no words at all; a compound joins two words that are common on
    their own and rare glued together ("nuclearfree"). So: merge when the glued word
    is at least about as common as the rarer part, keep the hyphen otherwise.
    Typesetters never leave a single letter on a line, so "e-mail" keeps its hyphen.
    """
    if len(left) < 2 or len(right) < 2 or not _plain_word(right):
        return "keep"
    z_merged = lexicon.zipf(left + right)
    if z_merged < MIN_MERGED_ZIPF:
        return "keep"
    if z_merged >= min(lexicon.zipf(left), lexicon.zipf(right)) - HYPHEN_SLACK:
        return "merge"
    return "keep"


def rule_hyphen(ctx: RepairContext) -> Iterator[Proposal]:
    lexicon = ctx.lexicon
    if lexicon is None:
        return
    text = ctx.text
    for pos in ctx.hyphen_breaks:
        left_m = re.search(rf"{LETTERS}+$", text[:pos])
        right_m = re.match(rf"{LETTERS}+", text[pos + 1:])
        if not left_m or not right_m:
            continue
        left, right = left_m.group(), right_m.group()
        if ctx.is_protected(left_m.start(), pos + 1 + right_m.end(), left, right):
            continue
        if hyphen_choice(left, right, lexicon) == "merge":
            end = pos + 1 + right_m.end()
            yield Proposal(left_m.start(), end, left + right, "repair:hyphen")
    for m in _INLINE_HYPHEN_RE.finditer(text):
        left, right = m.group(1), m.group(2)
        if right.lower() in _SUSPENDED_HYPHEN_FOLLOWERS:
            continue
        if ctx.is_protected(m.start(), m.end(), left, right):
            continue
        choice = hyphen_choice(left, right, lexicon)
        if choice == "merge":
            yield Proposal(m.start(), m.end(), left + right, "repair:hyphen")
        elif choice == "keep":
            yield Proposal(m.start(), m.end(), f"{left}-{right}", "repair:hyphen")


def rule_space(ctx: RepairContext) -> Iterator[Proposal]:
    text = ctx.text
    lexicon = ctx.lexicon
    if lexicon is not None:
        for m in _SENTENCE_GLUE_RE.finditer(text):
            left, right = m.group(1), m.group(3)
            if ctx.is_protected(m.start(), m.end(), left, right) or not _plain_word(right):
                continue
            if lexicon.zipf(left) >= KNOWN_ZIPF and lexicon.zipf(right) >= KNOWN_ZIPF:
                yield Proposal(m.start(), m.end(), f"{left}{m.group(2)} {right}", "repair:space")
    quotes = [i for i, c in enumerate(text) if c == '"']
    if len(quotes) % 2:
        return  # unbalanced quotes: cannot tell opening from closing
    opening = {q for n, q in enumerate(quotes) if n % 2 == 0}
    for m in _QUOTE_GLUE_RE.finditer(text):
        before, after = m.group(1), m.group(2)
        if ctx.is_protected(m.start(), m.end()):
            continue
        spaced = f'{before} "{after}' if m.start(2) - 1 in opening else f'{before}" {after}'
        yield Proposal(m.start(), m.end(), spaced, "repair:space")


def rule_split(ctx: RepairContext) -> Iterator[Proposal]:
    """``nu clear`` -> ``nuclear``: a stray space inside a word."""
    lexicon = ctx.lexicon
    if lexicon is None:
        return
    pos = 0
    text = ctx.text
    while True:
        m = _WORD_PAIR_RE.search(text, pos)
        if not m:
            return
        pos = m.start(2)  # pairs overlap: "a nu clear" checks "a nu", then "nu clear"
        left, right = m.group(1), m.group(2)
        if not right.islower() or not _plain_word(left):
            continue
        z_left, z_right = lexicon.zipf(left), lexicon.zipf(right)
        if min(z_left, z_right) >= FRAGMENT_ZIPF:
            continue
        merged = left + right
        z_merged = lexicon.zipf(merged)
        if z_merged < KNOWN_ZIPF:
            continue
        gain = _log_prob(lexicon, merged) - _log_prob(lexicon, left) - _log_prob(lexicon, right)
        if gain < MARGIN + 1.0 or ctx.is_protected(m.start(), m.end(), left, right, merged):
            continue
        yield Proposal(m.start(), m.end(), merged, "repair:split")


def best_split(word: str, lexicon: Lexicon) -> tuple[str, str, float] | None:
    """The two-word reading of ``word`` with the highest likelihood gain, if any."""
    lower = word.lower()
    whole = _log_prob(lexicon, lower)
    best: tuple[str, str, float] | None = None
    for cut in range(1, len(lower)):
        left, right = lower[:cut], lower[cut:]
        if len(left) == 1 and left not in ("a", "i"):
            continue
        if len(right) == 1 and right not in ("a", "i"):
            continue
        if lexicon.zipf(left) < JOIN_PART_ZIPF or lexicon.zipf(right) < JOIN_PART_ZIPF:
            continue
        gain = _log_prob(lexicon, left) + _log_prob(lexicon, right) - whole
        if best is None or gain > best[2]:
            best = (word[:cut], word[cut:], gain)
    return best


def rule_join(ctx: RepairContext) -> Iterator[Proposal]:
    """``ofthe`` -> ``of the``: two words glued together."""
    lexicon = ctx.lexicon
    if lexicon is None or lexicon.compounding:
        return
    for m in _WORD_RE.finditer(ctx.text):
        word = m.group()
        if len(word) < 5 or not _plain_word(word) or lexicon.zipf(word) >= JOIN_PART_ZIPF:
            continue
        split = best_split(word, lexicon)
        if split is None or split[2] < MARGIN or ctx.is_protected(m.start(), m.end(), word):
            continue
        yield Proposal(m.start(), m.end(), f"{split[0]} {split[1]}", "repair:join")


RULES: dict[str, RepairRule] = {
    "repair:hyphen": rule_hyphen,
    "repair:space": rule_space,
    "repair:split": rule_split,
    "repair:join": rule_join,
}


def _protected_spans(text: str) -> tuple[tuple[int, int], ...]:
    return tuple((m.start(), m.end()) for m in _SPANS_TO_PROTECT_RE.finditer(text))


def repair_block(
    index: int,
    text: str,
    lexicon: Lexicon | None,
    protect: frozenset[str] = frozenset(),
    hyphen_breaks: tuple[int, ...] = (),
) -> tuple[str, list[Edit]]:
    """Repair one block; returns the new text and the edits (offsets into ``text``)."""
    ctx = RepairContext(text, lexicon, protect, hyphen_breaks, _protected_spans(text))
    accepted: list[Proposal] = []
    for rule in RULES.values():
        for proposal in rule(ctx):
            if not any(_overlaps(proposal, other) for other in accepted):
                accepted.append(proposal)
    if not accepted:
        return text, []
    accepted.sort(key=lambda p: (p.start, p.end))
    pieces: list[str] = []
    edits: list[Edit] = []
    cursor = 0
    for p in accepted:
        pieces.append(text[cursor:p.start])
        pieces.append(p.replacement)
        cursor = p.end
        edits.append(Edit(index, p.start, p.end, text[p.start:p.end], p.replacement, p.rule))
    pieces.append(text[cursor:])
    return "".join(pieces), edits


def _overlaps(a: Proposal, b: Proposal) -> bool:
    return a.start < b.end and b.start < a.end
