"""Language-independent signals of one block, computed once and shared by all rules."""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass

from cleaner.lexicon import CJK_RE, word_tokens

# Every repeated class starts only where its run starts (the look-behinds), so a long
# run of letters is scanned once, not once per position: linear time on any line.
_URL_RE = re.compile(r"(?:https?://|www\.)\S+|(?<![\w-])[\w-]+\.(?:com|org|net|de|fr|es|uk|io|at|ch)\b",
                     re.IGNORECASE)
_EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.-]+\b")
_TERMINAL = frozenset(".!?。！？…:;\"'”’»)")
_DIGIT_RE = re.compile(r"\d")
_FIRST = operator.itemgetter(0)


# Not frozen: a frozen dataclass sets each field through object.__setattr__, and one of
# these is built for every block of every page. Nothing changes one after it is built.
@dataclass(slots=True)
class BlockFeatures:
    """What the rules look at. ``words`` counts CJK characters as half a word each."""

    text: str
    lower: str
    chars: int
    words: float
    tokens: tuple[str, ...]
    #: ``tokens`` in lower case
    lower_tokens: list[str]
    stopword_share: float
    ends_with_punctuation: bool
    capitalised_share: float
    digit_share: float
    alpha_share: float
    uppercase: bool

    # Counted when asked (the line model asks; no rule does): scanning every block
    # that holds a full stop for link shapes took a fifth of the feature time.
    @property
    def url_count(self) -> int:
        return len(_URL_RE.findall(self.text)) if "." in self.text else 0

    @property
    def email_count(self) -> int:
        return len(_EMAIL_RE.findall(self.text)) if "@" in self.text else 0


def is_table_row(text: str) -> bool:
    """A row of a table as extractors and Markdown print one: cells between pipes,
    opening and closing the line ("| Station | Opened | Platforms |"). trafilatura writes
    an article's tables so; a menu set out with pipes has none at its ends."""
    stripped = text.strip()
    return len(stripped) > 2 and stripped[0] == "|" and stripped[-1] == "|" and stripped.count("|") >= 3


def lowered(tokens: tuple[str, ...] | list[str]) -> list[str]:
    """Word tokens in lower case. Tokens hold no spaces, and lower-casing adds none: one
    C-level pass for all of them."""
    return " ".join(tokens).lower().split(" ") if tokens else []


def block_features(text: str, stopwords: frozenset[str]) -> BlockFeatures:
    # Counting with regular expressions and map() over C functions: this runs for every
    # block of every page, and Python-level loops over tokens dominated its cost.
    lower = text.lower()
    tokens = tuple(word_tokens(text))
    lower_tokens = lowered(tokens)
    cjk_chars = [] if text.isascii() else CJK_RE.findall(text)
    cjk = len(cjk_chars)
    # Each word's first character; only letters count as initials ("3D" has none).
    firsts = "".join(map(_FIRST, tokens))
    initials = sum(map(str.isalpha, firsts))
    words = float(len(tokens)) if cjk == 0 else len(tokens) + cjk / 2.0
    if cjk:
        # Unsegmented CJK text has no words to look up; its function characters ("的",
        # "了", "の", "は") are as dense in prose and as rare in menus and titles.
        stop_share = sum(map(stopwords.__contains__, cjk_chars)) / cjk
    else:
        stopword_count = sum(map(stopwords.__contains__, lower_tokens))
        stop_share = stopword_count / len(lower_tokens) if lower_tokens else 0.0
    capitalised = sum(map(str.isupper, firsts))
    chars = len(text)
    non_space = len("".join(text.split())) or 1
    stripped = text.rstrip()
    if text.isascii():
        encoded = text.encode("ascii")
        digits = len(encoded) - len(encoded.translate(None, b"0123456789"))
    else:
        digits = len(_DIGIT_RE.findall(text))
    # Letters are the word characters that are neither digits nor underscores: counted
    # from the tokens already split instead of one more scan of the text.
    letters = sum(map(len, tokens)) - digits - text.count("_")
    return BlockFeatures(
        text=text,
        lower=lower,
        chars=chars,
        words=words,
        tokens=tokens,
        lower_tokens=lower_tokens,
        stopword_share=stop_share,
        ends_with_punctuation=bool(stripped) and stripped[-1] in _TERMINAL,
        capitalised_share=capitalised / initials if initials else 0.0,
        digit_share=digits / non_space,
        alpha_share=letters / non_space,
        uppercase=text.isupper(),
    )


def subject_words(block: BlockFeatures, min_chars: int, stopwords: frozenset[str] = frozenset()) -> set[str]:
    """The words that tell what a block is about: at least ``min_chars`` letters, no
    stopword, no number."""
    return {w for w in block.lower_tokens if len(w) >= min_chars and w not in stopwords and not w.isdigit()}
