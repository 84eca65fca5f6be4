"""Token repair: undo damage that scraping did to words, and nothing else.

Rules (each an id used in edits, explanations and the benchmark):

- ``repair:split``  "nu clear" -> "nuclear"       a stray space inside a word
- ``repair:join``   "ofthe" -> "of the"            two words glued together
- ``repair:hyphen`` "nego- tiations" -> "negotiations", "six- party" -> "six-party"
- ``repair:space``  "talks.The" -> "talks. The", ``seek"not`` -> ``seek "not``

Every rule proposes edits on the block as it came in; proposals are ranked by the
evidence behind them and applied at once without overlaps, so each ``Edit`` carries
offsets into the original block. Word rules need the page language's ``WordModel``
and stay silent without one: text in an unknown language is never touched.

The evidence is a language model: word frequencies from wordfreq, and for English
the probability of each word given the one before it (``scripts/build_bigrams.py``).
An edit is made only when the repaired reading, in its context, is more likely than
the damaged one by a margin of orders of magnitude. The page is evidence too: a
spelling the page uses elsewhere is likely right, an odd token it repeats is a word.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from cleaner.document import Edit
from cleaner.lexicon import COMMON_ZIPF, CompactTable, Lexicon, ascii_translation, stopword_table

LETTERS = r"[^\W\d_]"
_TOKEN_RE = re.compile(rf"{LETTERS}+")
#: scripts whose words are separated by spaces: only there do spaces carry meaning
_SPACED_LETTER = r"[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]"
_QUOTE_RE = re.compile('"')
#: a byte written in hexadecimal, and one just before or after a space
_HEX_PAIR_RE = re.compile(r"[a-f]{2}")
_HEX_BEFORE_RE = re.compile(r"(?<!\S)[0-9a-fA-F]{2} \Z")
_HEX_AFTER_RE = re.compile(r" [0-9a-fA-F]{2}(?!\S)")
#: a single letter on its own just before this point, as in a run "a b c"
_LETTER_RUN_END_RE = re.compile(r"(?<!\S)[a-z] \Z")
#: English inflections a word list may lack for a word it lists ("whitespaces")
_INFLECTIONS = ("s", "es", "d", "ed", "ing")
#: endings written after a quoted word ("option"s, "squash"ed), which are not words
_WORD_ENDINGS = frozenset((*_INFLECTIONS, "er", "ers"))
_QUOTE_GLUE_RE = re.compile(rf'(?<!{_SPACED_LETTER})({_SPACED_LETTER}+)"({_SPACED_LETTER}+)')
_SENTENCE_GLUE_RE = re.compile(
    rf"(?<![\w.@/:`{{<])({LETTERS}{{2,}})([.!?])([A-Z\u00c0-\u00de]{LETTERS}+)(?![\w@/`}}>]|\.\w)"
)
#: the words that open the last sentence of a web reference, and what follows them
_CITATION_WORDS = frozenset({"Retrieved", "Archived", "Accessed", "Abgerufen", "Consulté", "Consultado"})
_CITATION_TAIL_RE = re.compile(r" (?:\d|from |on |am |le |el |[A-Z][a-z]+ \d)")
_SENTENCE_MARK_RE = re.compile(r"[.!?][A-Z\u00c0-\u00de]")
_INLINE_HYPHEN_RE = re.compile(rf"(?<![\w-])({LETTERS}+)- ({LETTERS}+)(?![\w-])")
#: what makes a whitespace-delimited token a URL, address, path, file or domain name, or
#: code identifier; top-level domains are written in lower case: "example.at", but
#: "copying.At" is damage
_PROTECTED_TOKEN_RE = re.compile(
    r"://|[wW]{3}\.|@|\\|_|/|\.(?:com|org|net|html?|php|js|py|io|de|fr|uk|ch|at|ru|info|gov|edu)\b"
)
_NON_SPACE_RE = re.compile(r"\S+")
#: a separator between two words that still lets one predict the other
_SOFT_GAP_RE = re.compile(r"[\s,\"'“”‘’()-]*$")
#: conjunctions after "pre- and post-": a suspended hyphen, not wrap damage
_SUSPENDED_HYPHEN_FOLLOWERS = frozenset(
    {"and", "or", "to", "nor", "vs", "und", "oder", "bis", "sowie", "bzw", "beziehungsweise", "respektive",
     "resp", "als", "wie", "et", "ou", "y", "o", "e", "u"}
)

#: ", Firstname" after a capitalised word: the "Surname, Firstname" of a reference
_CITED_NAME_RE = re.compile(r", [A-Z\u00c0-\u00de][a-z\u00df-\u00ff]+\b")
#: what follows the apostrophe of an English contraction ("it's", "don't", "we've")
_CONTRACTIONS = ("ve", "ll", "re", "s", "t", "d", "m")
#: a contraction or possessive ending, and nothing glued after it
_CONTRACTION_END_RE = re.compile(r"(?:ve|ll|re|s|t|d|m)(?![\w'’])")
#: an English contraction glued to the next word where no word rule sees it: to a
#: capitalised word ("BBC'sNorth", "I’mHaoyu"; a capital inside a token is never the
#: contraction's), or "'s" to an article ("that’sa", "it’san")
_CONTRACTION_GLUE_RE = re.compile(
    r"(?<=[A-Za-z]['’])(?:(ve|ll|re|s|t|d|m)([A-Z][a-z]\w*)|(s)(an?)(?![\w'’]))")

#: a listed token after a contraction's apostrophe this much rarer than the word it
#: ends in is glue ("can'tbe")
CONTRACTION_GLUE_MARGIN = 2.0
#: log10 probability of a word the lexicon does not know
OOV_LOG_PROB = -10.5
#: stupid-backoff penalty for a word pair not in the bigram table
BACKOFF = -0.4
#: how much more likely (log10) the merged reading must be: "nu clear" -> "nuclear"
SPLIT_MARGIN = 2.5
#: the same without bigrams, where "a part" and "apart" cannot be told apart by context
SPLIT_MARGIN_UNIGRAM = 3.0
#: "ofthe" -> "of the"; more when the glued token is itself a known word ("therein")
JOIN_MARGIN = 1.5
JOIN_MARGIN_KNOWN_WORD = 3.0
JOIN_MARGIN_UNIGRAM = 2.5
#: without bigrams, a glued function word of at most this many letters at a token's end
#: needs this much more evidence unless the page writes the word before it on its own
SHORT_ENDING_LENGTH = 3
#: a word this common is a function word whatever the stopword list says (Polish "o")
FUNCTION_WORD_ZIPF = 6.0
TRAILING_FUNCTION_WORD_MARGIN = 1.0
#: a word at least this common is a known word: no camel-case glue ("iPhone"), no
#: identifier; but "I" glued to one this rare is no word, even if listed ("Ithought")
KNOWN_WORD_ZIPF = 2.0
#: how much likelier (log10) the second of two capitalised words glued is after the
#: first than anywhere, for the two to be a phrase written apart ("Supreme Court")
PHRASE_PAIR_LIFT = 1.0
#: a word this common written in capitals ("MUST", "NOT") and glued to a word is cut
#: where the page writes it so on its own this often
KEYWORD_MIN_ZIPF = 5.0
KEYWORD_MIN_WRITTEN = 2
#: each of two words in capitals glued has at least this many letters
CAPITALS_PART_LENGTH = 2
#: a common word glued after a name in camel case has at least this many letters
BRAND_TAIL_MIN_LENGTH = 4
#: ... and "I" glued to a word is listed up to this common ("Ithink", "Iwas")
GLUED_I_MAX_ZIPF = 2.5
#: a glued token as common as this is a word, never split
JOIN_MAX_ZIPF = 4.0
#: ... and this, unless it is two function words ("ofthe" is a common typo)
JOIN_CONTENT_MAX_ZIPF = 3.0
#: the parts of a split must be at least this common
JOIN_PART_ZIPF = 3.0
#: a token longer than this is no two words glued (and cutting it at every letter would
#: cost time quadratic in its length: a megabyte of letters is hostile input, not glue)
MAX_GLUED_LENGTH = 64
#: glued content words this long on both sides are no closed compound
LONG_GLUE_PART = 6
#: the longer an unlisted token, the less likely a word the lexicon missed: evidence
#: per letter beyond UNLISTED_FREE_LENGTH that it is glue
UNLISTED_LENGTH_EVIDENCE = 0.2
UNLISTED_FREE_LENGTH = 8
#: beyond this many letters, each letter of an unlisted token cut into two words of
#: three letters or more is this much more evidence again: English words that long
#: which the lexicon lacks are derivations ("deprioritized", "flightlessness")
LONG_UNLISTED_LENGTH = 10
LONG_UNLISTED_EVIDENCE = 0.4
#: ... and crossing that length is this much evidence at once: on undamaged news text no
#: such token of two words came within 1.0 of the join margin, while glue did
LONG_UNLISTED_STEP = 1.0
#: the same in the other languages, whose word lists lack more long inflected forms
INFLECTED_FREE_LENGTH = 10
#: an unlisted token of two words at least LONG_GLUE_PART long is glue
LONG_GLUE_EVIDENCE = 3.5
#: ... as is an English adverb in -ly closed up with the next word
ADVERB_GLUE_EVIDENCE = 3.5
#: the same for a verb form in -ing or -ed and the next word ("settingtask")
INFLECTED_GLUE_EVIDENCE = 1.5
#: "a" or "an" before a plural is no English: the split reading needs this much more
ARTICLE_PLURAL_MARGIN = 4.0
#: a glued token the page repeats is likelier a word: it needs this much more evidence
REPEATED_TOKEN_MARGIN = 1.5
#: a capitalised glued token may be a name: it needs this much more evidence
NAME_EXTRA_MARGIN = 2.0
#: ... or this common when at least this long
LONG_PART_ZIPF = 2.0
LONG_PART_LENGTH = 7
#: beside a function word, a part may be any listed word at least this long
RARE_PART_ZIPF = 1.0
#: the English article "a" is one letter, and many words open with it ("abed", "amoral"):
#: glued to it, a rare listed word must be at least this long ("agazebo"); shorter rare
#: pieces after an "a" are typos and fragments more often ("aheared" for "adhered")
ARTICLE_RARE_PART_LENGTH = 5
#: in an unlisted English token this long, a long part may be a rare word this common
LONG_TOKEN_LENGTH = 12
RARE_LONG_PART_ZIPF = 1.0
RARE_PART_LENGTH = 4
#: one-letter words ("a", "I", "y", "à") must be very common to count
SINGLE_LETTER_ZIPF = 5.5
#: a two-letter part that is no function word must be this common ("mr", "tv"; not "sn")
TWO_LETTER_PART_ZIPF = 4.5
#: a merged word must be at least this common (and so in the lexicon's fast part)
MERGED_MIN_ZIPF = 2.5
assert MERGED_MIN_ZIPF >= COMMON_ZIPF and JOIN_MAX_ZIPF >= COMMON_ZIPF
#: camel-case identifiers that make a page one that writes code
IDENTIFIERS_ON_CODE_PAGE = 4
#: letters the word after a glued acronym needs, unless it is a function word
ACRONYM_GLUE_MIN_REST = 4
#: a token the page repeats is glue only where the page writes it apart this many times
#: as often: damage is rare, so glue is a small share of a pair's occurrences
REPEATED_GLUE_APART_RATIO = 5
#: ... and a function word glued to a word, more often than whole
FUNCTION_GLUE_APART_RATIO = 1
#: hyphen: a piece that is no word merges into a listed word at least this common
FRAGMENT_MERGED_MIN_ZIPF = 1.5
#: hyphen: merge when the glued word is at most this much rarer than the rarer part
HYPHEN_SLACK = 1.5
#: a word the page writes on its own, glued to a function word: at least this long
PAGE_WORD_MIN_LENGTH = 3
#: letters of a common word that a name glued before it needs
NAME_GLUE_MIN_WORD = 5
#: a spelling the page uses elsewhere counts this much (log10) in its favour
PAGE_EVIDENCE = 1.5
PAGE_EVIDENCE_MAX_ZIPF = 4.5
#: both halves of a split at least this common: they may be two real words
PAIR_OF_WORDS_ZIPF = 4.0
SHORT_WORD_ZIPF = 5.0
#: both readings are real words ("tea spoon" / "teaspoon", "bookshelf" / "book shelf")
TWO_WORDS_EXTRA_MARGIN = 1.5
#: more again when the second word is "or" or "and" after a word: a verb or a noun
#: coordinated with the next one ("compress or decompress", "act or omission") is
#: everyday English, and a stray space right before an agent noun's "or" is rare damage
COORDINATION_EXTRA_MARGIN = 1.0
_COORDINATORS = frozenset({"or", "and"})


@dataclass(frozen=True)
class WordModel:
    """Unigram (and, where available, bigram) log probabilities for one language."""

    lexicon: Lexicon
    bigrams: CompactTable | None = None

    def unigram(self, word: str) -> float:
        found = self.lexicon.log10(word)
        return OOV_LOG_PROB if found is None else found

    def transition(self, previous: str | None, word: str) -> float:
        """log10 P(word | previous), backing off to the unigram."""
        if previous is None or self.bigrams is None:
            return self.unigram(word)
        found = self.bigrams.get(f"{previous} {word}")
        return found if found is not None else BACKOFF + self.unigram(word)

    def zipf(self, word: str) -> float:
        return self.lexicon.zipf(word)

    def common_zipf(self, word: str) -> float:
        """Exact for lower-case words at least ``COMMON_ZIPF`` common, 0 for the rest."""
        return self.lexicon.common_zipf(word)


@dataclass(frozen=True, slots=True)
class Proposal:
    start: int
    end: int
    replacement: str
    rule: str
    gain: float


@dataclass(slots=True)
class _Token:
    start: int
    end: int
    text: str
    lower: str
    #: context words; None at a sentence or clause boundary
    previous: str | None = None
    following: str | None = None
    #: first word of the block or of a sentence: capitalised whatever it is (set where
    #: a capital asks)
    sentence_start: bool = False


_ATTACHING = frozenset("'’-.=&#@_/\\:+*<>[]{}|~^`$%")


def _attached(text: str, token: _Token, allow_hyphen: bool = False, allow_contraction: bool = False) -> bool:
    """Glued to an apostrophe, hyphen, dot or code symbol: part of a bigger unit
    ("it’s", "e-mail", "blanket.js", "fav=1") that word rules must leave alone.
    A split inside a compound ("ten-ye ar-old") may still be mended."""
    before = text[token.start - 1] if token.start else " "
    after = text[token.end] if token.end < len(text) else " "
    if before.isdigit() or after.isdigit():
        return True  # "3ihard", "max669": handles and codes
    if unicodedata.combining(before) or unicodedata.combining(after):
        return True  # "enque\u0302te": a decomposed "enquête", cut at its accent
    if after == "." and token.end + 1 < len(text) and text[token.end + 1].isalnum():
        return True  # "blanket.js", "example.com"; but "century.[12]" ends a sentence
    if allow_hyphen and before == "-":
        # "ten-ye ar": a real compound head before the hyphen, not "n-th row"
        head = re.search(rf"{LETTERS}+$", text[:token.start - 1])
        before = " " if head and len(head.group()) >= 3 else before
    if after == ":" and (token.end + 1 >= len(text) or text[token.end + 1].isspace()):
        after = " "  # "two rules: short lines" ends a clause; "std::map", "key:value" do not
    if allow_contraction and after in "'’" and (
            _CONTRACTION_END_RE.match(text, token.end + 1)
            or (token.text.endswith("s") and not text[token.end + 1:token.end + 2].isalnum())):
        # "Wh at's", "tocustomers’ habits": the contraction ending or the possessive's
        # apostrophe stays on whatever the word becomes
        after = " "
    return before in _ATTACHING or (after in _ATTACHING and after != ".")


def _code_name(text: str, token: _Token) -> bool:
    """A function called or cited ("gethostname(2)", "strlen()"), or an item of a list
    written without spaces ("{showroot,blankboundary}"): names in code, never glue."""
    before = text[token.start - 1] if token.start else " "
    after = text[token.end:token.end + 2]
    if after[:1] == "(":
        return True
    # "said,andleft early": a comma without its space before glue in prose is no list
    return (before in ",{" and after[:1] in (",", "}")) or (after[:1] == "," and after[1:].isalnum())


def _letter_before_quote_is_code(text: str, start: int, letter: str) -> bool:
    """f"Hello", r"\\d": a string prefix in code; "q"uit: a key named in its word. Not
    "a", "I", an encyclopedia's backlinks ("^ a b"Title") or the "s" of a possessive
    ("the mayor's"Green Room")."""
    if letter in "aAI" or (start and text[start - 1] in "'’"):
        return False
    # Only the few characters before: a search from the block's start would make a block
    # of a hundred thousand quotes quadratic.
    return not _LETTER_RUN_END_RE.search(text, max(0, start - 3), start)


def _opens_sentence(text: str, start: int) -> bool:
    """Is the word at ``start`` the first of its block or of a sentence?"""
    # A few characters back are enough, and keep this cheap on a long block.
    window = text[max(0, start - 8):start]
    before = window.rstrip("\"'“‘([")
    if not before:
        return start == len(window)
    ended = before.rstrip()
    return len(ended) < len(before) and ended.rstrip("\"'”’)]").endswith((".", "!", "?", ":"))


def _plain(word: str) -> bool:
    """Lower-case, or capitalised at the first letter only: acronyms are left alone."""
    return word[1:].islower() if len(word) > 1 else (word.islower() or word in ("I", "A"))


def _part_ok(model: WordModel, part: str) -> bool:
    """A lower-case piece of a glued token that is a word on its own."""
    found = model.lexicon.log_frequencies.get_head(part)
    if found is None:
        # A long rare word ("oceanographer") is as sure a word as a short common one.
        return len(part) >= LONG_PART_LENGTH and model.zipf(part) >= LONG_PART_ZIPF
    zipf = found + 9.0
    if len(part) == 1:
        return zipf >= SINGLE_LETTER_ZIPF
    return zipf >= (JOIN_PART_ZIPF if len(part) < LONG_PART_LENGTH else LONG_PART_ZIPF)


@lru_cache(maxsize=64)
def _longest_stopword(language: str) -> int:
    return max(map(len, stopword_table().get(language, ())), default=0)


def _function_word_glue(lexicon: Lexicon, stop: frozenset[str], left: str, right: str) -> bool:
    """A function word glued to a listed word however rare ("theterrariums",
    "changesetswith", "agazebo"); the caller has checked that the lexicon does not list the token."""
    article = left == "a" and lexicon.language == "en"
    if (left in stop and len(left) >= 2 and len(right) >= RARE_PART_LENGTH) or (
            article and len(right) >= ARTICLE_RARE_PART_LENGTH):
        rare = right
    elif right in stop and len(right) >= 3 and len(left) >= RARE_PART_LENGTH:
        rare = left
    else:
        return False
    return lexicon.zipf(rare) >= RARE_PART_ZIPF or (
        lexicon.language == "en" and _inflects_listed_word(lexicon, rare))


def _rare_word_part(part: str, zipf: float) -> bool:
    """A long part of a long unlisted English token that is a rare listed word
    ("implacablyhostile"): the lexicon knows it, and a token that
    long is no word the lexicon forgot. One that opens with a suffix is the tail of a
    derived word ("friend" + "lessness")."""
    return zipf >= RARE_LONG_PART_ZIPF and not part.startswith(_SUFFIX_OPENINGS)


def _word_cuts(model: WordModel, word: str) -> list[int]:
    """Every cut of ``word`` into two parts that are each a word on their own."""
    # The same test as ``_part_ok`` on both parts, short parts first: a set lookup
    # rejects most cuts of most rare words, and only long parts need the slow tail.
    lexicon = model.lexicon
    short_words = lexicon.common_words(JOIN_PART_ZIPF, LONG_PART_LENGTH)
    letters = lexicon.common_words(SINGLE_LETTER_ZIPF, 2)
    two_letters = lexicon.common_words(TWO_LETTER_PART_ZIPF, 3)
    size = len(word)
    cuts = []
    stop = stopword_table().get(lexicon.language, frozenset())
    unlisted: bool | None = None  # asked once, and only when a piece needs it
    rare_parts = size >= LONG_TOKEN_LENGTH and lexicon.language == "en"
    for cut in range(1, size):
        left, right = word[:cut], word[cut:]
        if left in stop or right in stop:
            if unlisted is None:
                unlisted = lexicon.zipf(word) == 0.0
            if unlisted and _function_word_glue(lexicon, stop, left, right):
                cuts.append(cut)
                continue
        if cut < LONG_PART_LENGTH and left not in (letters if cut == 1 else short_words):
            continue
        rest = size - cut
        if rest < LONG_PART_LENGTH and right not in (letters if rest == 1 else short_words):
            continue
        # Two letters that are no function word are mostly abbreviations ("in|sn" of
        # "insn", "cg|it" of "cgit"): only the common ones count as words.
        if (cut == 2 and left not in stop and left not in two_letters) or (
                rest == 2 and right not in stop and right not in two_letters):
            continue
        rare = refused = False
        for part in (left, right):
            if len(part) >= LONG_PART_LENGTH:
                zipf = lexicon.zipf(part)
                if zipf >= LONG_PART_ZIPF:
                    continue
                if rare_parts and _rare_word_part(part, zipf):
                    rare = True
                else:
                    refused = True
        if refused:
            continue
        if rare:
            if unlisted is None:
                unlisted = lexicon.zipf(word) == 0.0
            if not unlisted:
                continue
        cuts.append(cut)
    return cuts


#: English prefixes long enough to pass for a word of their own
_ENGLISH_PREFIXES = frozenset((
    "super", "ultra", "micro", "hyper", "multi", "counter", "under", "inter", "intra", "extra",
    "cyber", "photo", "thermo", "electro", "neuro", "pseudo", "quasi", "macro", "infra", "retro",
    "over", "anti", "semi", "mega", "mini", "meta", "post", "non", "auto", "trans"))
_PREFIX_TUPLE = tuple(sorted(_ENGLISH_PREFIXES))
#: prefixes and particles listed as words too, which English closes up with verbs and
#: nouns: "re" + "compressing", "back" + "porting" is no glue
_ENGLISH_SHORT_PREFIXES = frozenset((
    "re", "un", "de", "dis", "mis", "pre", "in", "im", "co", "sub", "out", "back", "down", "self",
    "cross", "fore", "after"))
_ENGLISH_SHORT_SUFFIXES = frozenset((
    "ness", "ish", "able", "ability", "ly", "ment", "ments", "ism", "ist", "ation", "ization", "isation",
    "ification"))
#: words English also uses as suffixes, closing up with almost any word ("fiftysomething")
_ENGLISH_SUFFIX_WORDS = frozenset((
    "like", "less", "wise", "ward", "wards", "ship", "hood", "fold", "proof", "worthy", "something"))
#: how the tail of a derived word may open ("lessness", "fulness")
_SUFFIX_OPENINGS = tuple(sorted(_ENGLISH_SUFFIX_WORDS | _ENGLISH_SHORT_SUFFIXES | {"ful"}))


def _glue_shape_evidence(model: WordModel, left: str, right: str) -> float:
    """Evidence (log10) that an unlisted token cut into ``left`` + ``right`` is glue.

    English only. The lexicon lists words down to about one in a hundred million, so the
    longer an unlisted token, the likelier glue; and a closed compound of two long
    words that it lacks is rarely a word: new closed compounds
    join short words ("fenceboard") or a prefix. Nor do English adverbs in -ly close
    up with the next word ("leisurelydrove").
    """
    if model.lexicon.language != "en":
        # Languages that inflect more list fewer of their forms, long ones above all,
        # and close up more words: Polish "koronawirusowi", Spanish "contrapreguntada"
        # are words. Only a very long unlisted token is likelier glue.
        return UNLISTED_LENGTH_EVIDENCE * max(0, len(left) + len(right) - INFLECTED_FREE_LENGTH)
    if left in _ENGLISH_PREFIXES or right in _ENGLISH_SUFFIX_WORDS or _prefixed(model, left + right):
        # "supersample", "overfertilize", "fiftysomething": these close up with anything,
        # wherever the best cut lies ("autos" + "election" of "autoselection")
        return 0.0
    if _inflects_listed_word(model.lexicon, left + right):
        return 0.0  # "whitespaces": the lexicon lists "whitespace", not all its forms
    size = len(left) + len(right)
    length = UNLISTED_LENGTH_EVIDENCE * max(0, size - UNLISTED_FREE_LENGTH)
    if size > LONG_UNLISTED_LENGTH and min(len(left), len(right)) >= 3 \
            and left not in _ENGLISH_SHORT_PREFIXES and not right.startswith(_SUFFIX_OPENINGS):
        length += LONG_UNLISTED_STEP + LONG_UNLISTED_EVIDENCE * (size - LONG_UNLISTED_LENGTH)
    evidence = LONG_GLUE_EVIDENCE if min(len(left), len(right)) >= LONG_GLUE_PART else 0.0
    if left.endswith("ly") and len(left) >= 5 and model.common_zipf(left[:-2]) >= JOIN_PART_ZIPF:
        evidence = max(evidence, ADVERB_GLUE_EVIDENCE)
    if _english_inflected(model, left) or (
            _english_plural(model, left) and model.common_zipf("s" + right) < JOIN_PART_ZIPF):
        # Nor on plurals and third persons ("diesdown", "ladiesvote"), unless the "s"
        # may begin the next word as well ("seeshe": "sees he" or "see she").
        evidence = max(evidence, INFLECTED_GLUE_EVIDENCE)
    return evidence + length


#: English verb forms a name is glued to in reported speech and narration, which no
#: name ends with; past tenses in -ed of five letters or more count too ("Harkavymoved")
_NARRATING_VERBS = frozenset((
    "said", "says", "told", "tells", "does", "went", "wrote", "gave", "took", "made", "knew", "found",
    "became", "began", "sent", "spent", "held", "came", "thinks", "thought", "wants", "wanted"))
NAME_VERB_MIN_ZIPF = 4.0
NAME_VERB_NAME_LENGTH = 4


def _name_verb_cut(model: WordModel, word: str) -> int | None:
    """"Ostrovinskitold", "Quennevillewrote": a capitalised name no list knows, glued to a verb
    that narrates (English only; the first cut that leaves such a verb wins)."""
    if model.lexicon.language != "en" or not _plain(word) or model.zipf(word.lower()) > 0.0:
        return None
    lower = word.lower()
    for cut in range(NAME_VERB_NAME_LENGTH, len(lower) - 3):
        verb = lower[cut:]
        if not (verb in _NARRATING_VERBS or (verb.endswith("ed") and len(verb) >= 5)):
            continue
        if model.common_zipf(verb) >= NAME_VERB_MIN_ZIPF and model.zipf(lower[:cut]) < JOIN_PART_ZIPF:
            return cut
    return None


def _prefixed(model: WordModel, word: str) -> bool:
    """An English prefix and a listed word ("autoselection", "preallocated")."""
    if not word.startswith(_PREFIX_TUPLE):  # one test in C for the many words with none
        return False
    return any(word.startswith(prefix) and model.zipf(word[len(prefix):]) > 0.0
               for prefix in _PREFIX_TUPLE if len(word) > len(prefix) + 2)


def _inflects_listed_word(lexicon: Lexicon, word: str) -> bool:
    """A listed word with an English ending the lexicon may lack ("whitespaces",
    "reclones", "sideloaded")."""
    for ending in _INFLECTIONS:
        if not word.endswith(ending) or len(word) - len(ending) < LONG_PART_LENGTH:
            continue
        stem = word[:-len(ending)]
        # "namespacing", "autodetected": the stem's silent "e" goes before -ing and -ed
        if lexicon.zipf(stem) > 0.0 or (ending in ("ing", "ed") and lexicon.zipf(stem + "e") > 0.0):
            return True
    return False


def _english_inflected(model: WordModel, word: str) -> bool:
    """A verb form in -ing or -ed of a common word ("setting", "shared", "refrigerated"):
    English closes compounds up on stems ("setscrew"), almost never on these."""
    if len(word) < 5 or not word.endswith(("ing", "ed")):
        return False
    stem = word[:-3] if word.endswith("ing") else word[:-2]
    stems = [stem, stem + "e"]
    if len(stem) >= 3 and stem[-1] == stem[-2]:
        stems.append(stem[:-1])  # "setting" of "set"
    if word.endswith("ed"):
        stems.append(word[:-1])  # "shared" of "share"
    return any(len(s) >= 3 and model.common_zipf(s) >= JOIN_PART_ZIPF for s in stems)


_CAMEL_STEP_RE = re.compile(r"[a-z][A-Z]")
#: an all-caps run glued to a lower-case word ("NBTwas"); the capital that starts a
#: camel-case word ("XMLHttp") is followed by lower case and so stays with it
_ACRONYM_GLUE_RE = re.compile(r"([A-Z]{2,})([a-z]{2,})")
_ENGLISH_ARTICLES = frozenset({"the", "a", "an"})
#: two words in capitals and a space between ("GROUP BY"); the second is looked ahead
#: at, so that each word pairs with the one before and the one after it
_CAPITAL_PAIR_RE = re.compile(r"(?<![^\W\d_])([A-Z]{2,}) (?=([A-Z]{2,})(?![^\W\d_]))")


def _english_plural(model: WordModel, word: str) -> bool:
    """A plural noun or third person: a common word plus -s ("bases"), -es ("goes",
    "boxes") or -ies for -y ("cities"); not a word that ends in s ("bus")."""
    if len(word) < 4 or not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return False
    stems = [word[:-1]]
    if word.endswith("es"):
        stems.append(word[:-2])
        if word.endswith("ies"):
            stems.append(word[:-3] + "y")
    return any(len(stem) >= 2 and model.common_zipf(stem) >= JOIN_PART_ZIPF for stem in stems)


def _camel_steps(word: str) -> list[int]:
    """Where ``word`` steps from a lower-case letter to a capital ("of|New", "get|Row|Count")."""
    return [i for i in range(1, len(word)) if word[i - 1].islower() and word[i].isupper()]


def _camel_glue_cut(model: WordModel, word: str) -> int | None:
    """Where ``word`` may be two words glued with the second capitalised ("ofNew",
    "thatI"): one lower-to-upper step, a function word on one side; else None."""
    steps = _camel_steps(word)
    # A known word is no glue ("iPhone", "McDonald"), but "andI" is ("Andi" is a name).
    if len(steps) != 1 or (model.zipf(word) >= KNOWN_WORD_ZIPF and word[steps[0]:] != "I"):
        return None
    cut = steps[0]
    left, right = word[:cut], word[cut:]
    if not (_plain(left) and _plain(right)) or len(left) < 2 or (len(right) < 2 and right != "I"):
        return None
    # Identifiers glue content words ("setTimeout", "MaxSize"); glue damage
    # almost always involves a function word ("ofNew", "thatI").
    stop = stopword_table().get(model.lexicon.language, frozenset())
    if left.lower() not in stop and right.lower() not in stop:
        return None
    if _part_ok(model, left.lower()) and _part_ok(model, right.lower()):
        return cut
    return None


def _name_glue_cut(model: WordModel, word: str) -> int | None:
    """Where ``word`` may be a function word glued to a name or acronym the lexicon
    need not know ("byWaite", "theHikurangi", "andCORS"); else None."""
    steps = _camel_steps(word)
    if len(steps) != 1 or model.zipf(word) >= KNOWN_WORD_ZIPF:
        return None
    cut = steps[0]
    left, right = word[:cut], word[cut:]
    if len(left) < 2 or not _plain(left) or len(right) < 3 or not right[1:].isalpha():
        return None
    stop = stopword_table().get(model.lexicon.language, frozenset())
    return cut if left.lower() in stop else None


def _phrase_glue_cut(model: WordModel, word: str) -> int | None:
    """Where ``word`` may be two capitalised words of a phrase English writes apart
    ("SupremeCourt", "PrimeMinister"): both words listed, the pair in the word-pair table and
    far likelier together than apart, the whole in no word list: brands made of a
    phrase are listed, even rare ones ("DoubleClick", "PowerPoint"). Else None."""
    steps = _camel_steps(word)
    if len(steps) != 1 or model.bigrams is None or model.zipf(word.lower()) > 0.0:
        return None
    cut = steps[0]
    left, right = word[:cut], word[cut:]
    if len(left) < 3 or len(right) < 3 or not (_plain(left) and _plain(right) and word.isalpha()):
        return None
    lower_left, lower_right = left.lower(), right.lower()
    pair = model.bigrams.get(f"{lower_left} {lower_right}")
    if pair is None or model.zipf(lower_left) == 0.0:
        return None
    return cut if pair - model.unigram(lower_right) >= PHRASE_PAIR_LIFT else None


def _best_disjoint(proposals: list[Proposal]) -> list[Proposal]:
    """The proposals, best first, that overlap none taken before, in text order.

    Taken spans are kept sorted and never overlap, so only the two around a new one can
    clash with it: a block with a hundred thousand proposals (a line of ``x"y"``) costs
    a bisection each, not a scan of all taken so far.
    """
    starts: list[int] = []
    taken: list[Proposal] = []
    for proposal in proposals:
        k = bisect.bisect_right(starts, proposal.start)
        if k and taken[k - 1].end > proposal.start:
            continue
        if k < len(taken) and taken[k].start < proposal.end:
            continue
        starts.insert(k, proposal.start)
        taken.insert(k, proposal)
    return taken


#: ASCII letters (not digits, not "_")
_ASCII_LETTER_BYTES = ascii_translation(str.isalpha)


def _cased_words(text: str) -> list[str]:
    """The words of ``text`` as written, one for each match of ``_TOKEN_RE``."""
    if text.isascii():
        # A byte translation splits ASCII text several times faster than the regex.
        return text.encode("ascii").translate(_ASCII_LETTER_BYTES).decode("ascii").split()
    return _TOKEN_RE.findall(text)


def _lower_words(text: str) -> list[str]:
    """The block's words in lower case, one for each match of ``_TOKEN_RE`` in ``text``."""
    if text.isascii():
        return _cased_words(text.lower())
    # Lower-casing may change what counts as a letter ("İ"): lower each word on its own.
    return [word.lower() for word in _TOKEN_RE.findall(text)]


#: parts the blocks in a page's run of words: a word match never holds a NUL
_BLOCK_MARK = "\x00"


class _ProtectedSpans:
    """The spans of a block no rule may touch (URLs, addresses, paths, code, the user's
    patterns), found when a rule first asks: most blocks get no proposal at all."""

    __slots__ = ("_patterns", "_spans", "_text")

    def __init__(self, text: str, patterns: tuple[re.Pattern[str], ...]) -> None:
        self._text = text
        self._patterns = patterns
        self._spans: list[tuple[int, int]] | None = None

    def overlap(self, start: int, end: int) -> bool:
        if self._spans is None:
            text = self._text
            # Token by token: a pattern like \S*x\S* would be quadratic on a long token.
            spans = [m.span() for m in _NON_SPACE_RE.finditer(text)
                     if _PROTECTED_TOKEN_RE.search(m.group())] if _PROTECTED_TOKEN_RE.search(text) else []
            for pattern in self._patterns:
                spans.extend(m.span() for m in pattern.finditer(text))
            self._spans = spans
        return any(s < end and start < e for s, e in self._spans)


def _written_apart_more(word: str, count: int, pairs: Counter[str], stop: frozenset[str]) -> bool:
    """The page writes some cut of this unlisted token apart more often than whole
    ("New Zealand" beside "NewZealand"): the page's own spelling says which is damage,
    as it does for splits. Glue at a markup boundary repeats, a citation template's
    "theoriginal" in every reference; a name the page spells whole stays, and so does an
    identifier a page about code writes beside its words ("TaskStatus", "task status").
    A function word and a word ("atbirth" beside "at birth") make no name and no
    identifier: the page need only write them apart more often than whole."""
    for cut in range(1, len(word)):
        left, right = word[:cut], word[cut:]
        ratio = FUNCTION_GLUE_APART_RATIO if left in stop or right in stop else REPEATED_GLUE_APART_RATIO
        if pairs.get(f"{left} {right}", 0) > count * ratio:
            return True
    return False


@dataclass
class Repairer:
    """Repairs the blocks of one page. Build one per page: it holds the page's words."""

    model: WordModel | None
    protect: frozenset[str] = frozenset()
    protect_patterns: tuple[re.Pattern[str], ...] = ()
    page_words: Counter[str] = field(default_factory=Counter)
    #: "w1 w2" for every two words the page puts side by side (where they merge into a word)
    page_pairs: Counter[str] = field(default_factory=Counter)
    #: lower-case words that may be two glued words: rare enough, and long enough
    join_candidates: frozenset[str] = frozenset()
    #: first words of the page's word pairs that merge into a common word ("nu" of "nu clear")
    split_starts: frozenset[str] = frozenset()
    #: each kept block's lower-case words, counted once for the page and reused per block
    block_words: dict[str, list[str]] = field(default_factory=dict)
    #: does the page write code identifiers (camel case there is never glue)? None: not
    #: asked yet; most pages have no camel case to ask about
    identifiers: bool | None = None
    #: the cuts of each join candidate into two words, found once for the page
    word_cuts: dict[str, list[int]] = field(default_factory=dict)
    #: the page's words as written (case kept); counted when a name is first asked about
    cased_words: Counter[str] | None = None
    #: the function words of the page's language, looked up once for the page
    stop: frozenset[str] = frozenset()
    #: the page's distinct blocks as one text, joined when first needed
    page_text: str | None = None
    #: each "word.Word" asked about: does the page write it so, repeatedly?
    dotted_forms: dict[str, bool] = field(default_factory=dict)
    #: the page's pairs of words in capitals written apart by a space ("GROUP BY")
    capital_pairs: frozenset[str] | None = None
    #: each pair of words asked about: may it never be merged? (pages repeat their pairs)
    never_merged: dict[tuple[str, str], bool] = field(default_factory=dict)

    def cuts(self, model: WordModel, word: str) -> list[int]:
        found = self.word_cuts.get(word)
        if found is None:
            found = self.word_cuts[word] = _word_cuts(model, word)
        return found

    @classmethod
    def for_page(cls, model: WordModel | None, texts: list[str],
                 protect: frozenset[str] = frozenset(), protect_patterns: tuple[str, ...] = (),
                 corpus_words: Callable[[Iterable[str]], frozenset[str]] | None = None) -> Repairer:
        """The repairer of one page of ``texts``. ``corpus_words`` picks, of some words,
        those the corpus writes on many pages (``SiteProfile.corpus_words``): they are
        its vocabulary and are never cut, unless two function words ("ofthe")."""
        words: Counter[str] = Counter()
        pairs: Counter[str] = Counter()
        starts: set[str] = set()
        blocks: dict[str, list[str]] = {}
        candidates: frozenset[str] = frozenset()
        stop: frozenset[str] = frozenset()
        if model is not None:
            stop = stopword_table().get(model.lexicon.language, frozenset())
            head = model.lexicon.log_frequencies.head
            blocks = {text: _lower_words(text) for text in texts}
            # The page's words in one run, blocks parted by a mark that is no word, so
            # no pair spans two blocks; a block the page repeats counts every time.
            run: list[str] = []
            for text in texts:
                run += blocks[text]
                run.append(_BLOCK_MARK)
            words.update(run)
            del words[_BLOCK_MARK]
            # Only pairs that merge into a common word, or into a word the page writes
            # whole elsewhere ("Dun marrow" beside "Dunmarrow"), are ever asked about (splits).
            # map, filter and compress run in C: this visits every word pair of the page.
            merged = list(map(str.__add__, run, run[1:]))
            distinct = set(merged)  # a set meets the dicts' keys in C, the smaller side visited
            mergeable = (head.keys() & distinct) | (words.keys() & distinct)
            if mergeable:
                at = list(itertools.compress(range(len(merged)), map(mergeable.__contains__, merged)))
                pairs.update(f"{run[i]} {run[i + 1]}" for i in at)
                starts.update(run[i] for i in at)
            glue = model.lexicon.function_glue()
            # Damage is rare and random: a token the page repeats, or a word of some
            # frequency, is a word ("explicitly" is no "explicit ly"), unless it is two
            # function words glued ("ofthe" is common glue, and twice on a page is glue twice).
            content_max, glue_max = JOIN_CONTENT_MAX_ZIPF - 9.0, JOIN_MAX_ZIPF - 9.0
            found: list[str] = []
            # The page's frequent words (most of any text) are never glue: one set
            # difference in C leaves the few hundred rarer ones to look at.
            frequent = model.lexicon.common_words(JOIN_MAX_ZIPF, MAX_GLUED_LENGTH + 1)
            for word in words.keys() - frequent:
                value = head.get(word, -99.0)
                if not 3 <= len(word) <= MAX_GLUED_LENGTH or value >= glue_max:
                    continue
                count = words[word]
                if (count <= 1 and value < content_max) or word in glue \
                        or (value == -99.0 and _written_apart_more(word, count, pairs, stop)):
                    found.append(word)
            if corpus_words is not None and found:
                vocabulary = corpus_words(found)
                found = [word for word in found if word not in vocabulary or word in glue]
            candidates = frozenset(found)
        return cls(model, protect, tuple(re.compile(p) for p in protect_patterns), words, pairs, candidates,
                   frozenset(starts), blocks, stop=stop)

    # -- evidence ---------------------------------------------------------------

    def _seen_elsewhere(self, word: str, here: int = 1) -> bool:
        return self.page_words.get(word, 0) > here

    def _page_text(self) -> str:
        if self.page_text is None:
            self.page_text = "\n".join(self.block_words)
        return self.page_text

    def _cased(self) -> Counter[str]:
        if self.cased_words is None:
            self.cased_words = Counter(_cased_words(self._page_text()))
        return self.cased_words

    def _written_whole(self, merged: str) -> int:
        """How often the page writes ``merged`` as a word of its own. Camel case is no
        such evidence: "bytesRead", "nextTick" on a page about code are identifiers, and
        its prose "bytes read", "next tick" stay apart."""
        if not self.page_words.get(merged):
            return 0
        cased = self._cased()
        return cased.get(merged, 0) + cased.get(merged.capitalize(), 0) + cased.get(merged.upper(), 0)

    def _repeated_as_word(self, lower: str) -> bool:
        """The page repeats this token and never writes it apart more often: its word."""
        count = self.page_words.get(lower, 0)
        return count > 1 and not _written_apart_more(lower, count, self.page_pairs, self.stop)

    @staticmethod
    def _real_word(model: WordModel, word: str) -> bool:
        """Common enough to stand on its own: "any", "thing", "up"; not "th", "sa"."""
        return model.common_zipf(word) >= (SHORT_WORD_ZIPF if len(word) <= 2 else PAIR_OF_WORDS_ZIPF)

    def _never_merged(self, model: WordModel, left: str, right: str) -> bool:
        """Two lower-case words side by side that no context could make one word."""
        if len(left) < 2 or len(right) < 2:
            return True
        merged = left + right
        apart = self.page_pairs.get(f"{left} {right}", 0)
        if model.common_zipf(merged) < MERGED_MIN_ZIPF:
            # A rare word or a name the page spells whole more than once and more often
            # than apart, split here into pieces that are not both real words: the
            # page's own spelling decides. Any other rare merge is never made.
            whole = self._written_whole(merged)
            return not (whole >= 2 and whole > apart
                        and not (self._real_word(model, left) and self._real_word(model, right)))
        # Two real words the page writes apart more than once ("to morrow" in an old
        # text) are its own usage, not damage; in a language that writes compounds as
        # one word, two real words side by side are always a choice of its writer ("den
        # Kopf schütteln", "nahe liegend", "Moin moin"), and only a fragment is damage.
        if model.lexicon.compounding:
            return model.common_zipf(left) >= JOIN_PART_ZIPF and model.common_zipf(right) >= JOIN_PART_ZIPF
        return apart > 1 and self._real_word(model, left) and self._real_word(model, right)

    @staticmethod
    def _pair_known(model: WordModel, first: str | None, second: str | None) -> bool:
        return (first is not None and second is not None and model.bigrams is not None
                and model.bigrams.get(f"{first} {second}") is not None)

    def split_gain(self, model: WordModel, left: _Token, right: _Token) -> float | None:
        """How much likelier "nuclear" is than "nu clear" here; None if not a candidate.
        The caller has checked that the two may be merged at all (``_never_merged``)."""
        merged = left.lower + right.lower
        z_merged = model.common_zipf(merged)
        if z_merged < MERGED_MIN_ZIPF:
            return SPLIT_MARGIN + PAGE_EVIDENCE  # the page's own spelling
        prev, nxt = left.previous, right.following
        if model.bigrams is None:
            gain = model.unigram(merged) - model.unigram(left.lower) - model.unigram(right.lower)
            # Without context, two common words side by side ("a part") are never merged.
            if min(model.common_zipf(left.lower), model.common_zipf(right.lower)) >= 4.0:
                return None
            gain -= SPLIT_MARGIN_UNIGRAM - SPLIT_MARGIN
        else:
            gain = (model.transition(prev, merged) + model.transition(merged, nxt)
                    - model.transition(prev, left.lower) - model.transition(left.lower, right.lower)
                    - model.transition(right.lower, nxt)) if nxt is not None else (
                    model.transition(prev, merged)
                    - model.transition(prev, left.lower) - model.transition(left.lower, right.lower))
        if self._real_word(model, left.lower) and self._real_word(model, right.lower):
            gain -= TWO_WORDS_EXTRA_MARGIN  # "tea spoon", "time line": both readings are English
        if right.lower in _COORDINATORS and model.lexicon.language == "en" \
                and model.common_zipf(left.lower) >= KNOWN_WORD_ZIPF:
            if model.bigrams is not None and not self._pair_known(model, prev, merged) \
                    and not self._pair_known(model, merged, nxt):
                # "profess or practise": a known word before "or" is merged only where
                # the word pairs know the merged word beside its neighbours ("the
                # professor said"); the words' frequencies alone would always prefer
                # the commoner "professor".
                return None
            gain -= COORDINATION_EXTRA_MARGIN
        # The page spelling a rare word whole elsewhere is evidence; for a common word
        # ("soon", "into") it says nothing.
        if z_merged < PAGE_EVIDENCE_MAX_ZIPF and self._written_whole(merged) > 0:
            gain += PAGE_EVIDENCE
        return gain

    def join_split(self, model: WordModel, token: _Token) -> tuple[int, float] | None:
        """Best cut of a glued token and its gain; None if it is no candidate."""
        lower = token.lower
        cuts = self.cuts(model, lower)
        if not cuts:
            return None
        z_token = model.zipf(lower)
        if z_token >= JOIN_MAX_ZIPF:
            return None
        best: tuple[int, float] | None = None
        stop = self.stop
        # A sentence starting with an article glued to a word no list knows ("Theuser")
        # is no name: names that start with "The" or "A" and a word are known words.
        articles = _ENGLISH_ARTICLES if model.lexicon.language == "en" else frozenset()
        prev, nxt = token.previous, token.following
        whole = 0.0
        if model.bigrams is not None:
            whole = model.transition(prev, lower) + (model.transition(lower, nxt) if nxt is not None else 0.0)
        for cut in cuts:
            left, right = lower[:cut], lower[cut:]
            if (right == "i" or (left == "i" and token.text[0] == "i")) and model.lexicon.language == "en":
                continue  # English writes "I" upper case: "harrisi" is a Latin name, no "harris i"
            if model.bigrams is None:
                gain = model.unigram(left) + model.unigram(right) - model.unigram(lower)
                gain -= JOIN_MARGIN_UNIGRAM - JOIN_MARGIN
                if len(right) <= SHORT_ENDING_LENGTH and not self.page_words.get(left) and (
                        right in stop or model.common_zipf(right) >= FUNCTION_WORD_ZIPF):
                    # Without word pairs to tell them apart, a short function word at the
                    # end is as often a word's own ending ("clopesque" is no "clopes que"):
                    # the page must write the first word on its own.
                    gain -= TRAILING_FUNCTION_WORD_MARGIN
            else:
                split = model.transition(prev, left) + model.transition(left, right)
                if nxt is not None:
                    split += model.transition(right, nxt)
                gain = split - whole
            if z_token > 0 and not (cut == 1 and token.text[0] == "I" and z_token < GLUED_I_MAX_ZIPF
                                    and model.lexicon.language == "en"):
                # A known word needs more evidence; but the English "I" is always upper
                # case, and web text repeats its glue: "Ithought" is a rare typo entry.
                gain -= JOIN_MARGIN_KNOWN_WORD - JOIN_MARGIN
            if left not in stop and right not in stop and (
                    len(left) < LONG_GLUE_PART or len(right) < LONG_GLUE_PART or z_token > 0):
                # "fenceboard", "sunhat": short closed compounds, not glue. Two long words
                # glued into no word at all ("shippingsupport") are damage far more often.
                gain -= TWO_WORDS_EXTRA_MARGIN
            if left in articles and left != "the" and _english_plural(model, right):
                gain -= ARTICLE_PLURAL_MARGIN  # "abases" is no "a bases"
            if z_token == 0.0:
                gain += _glue_shape_evidence(model, left, right)
            opens_sentence = token.sentence_start and left in stop
            if token.text[:1].isupper() and not (len(right) >= 2 and right in stop and len(left) >= 4) \
                    and not (left in stop and (right in stop or left == "i")) \
                    and not (z_token == 0.0 and (left in articles or opens_sentence)):
                # "Hartwell", "Bedora": names the lexicon lacks. A sentence's first word glued
                # to a function word ("Rainfallwas"), or a function word opening a sentence
                # glued to the next ("Byoverriding"), is no name.
                gain -= NAME_EXTRA_MARGIN
            if best is None or gain > best[1]:
                best = (cut, gain)
        if best is not None and self._repeated_as_word(lower):
            # Damage is rare and random: a token the page repeats, and does not write
            # apart more often, is likelier a word (a name, a term: "atime", "init") than
            # the same glue twice.
            best = (best[0], best[1] - REPEATED_TOKEN_MARGIN)
        return best

    def hyphen_choice(self, model: WordModel, left: str, right: str) -> str | None:
        """'merge' for wrap damage, 'keep' for a real compound, None when unsure.

        Wrapping splits words at syllables, leaving fragments ("nego", "tiations") that
        are rare or no words at all; a compound joins two words that are common on their
        own and rare glued together ("nuclearfree"). Typesetters never leave a single
        letter on a line, so "e-mail" keeps its hyphen. The page's own spelling wins.
        """
        if len(left) < 2 or len(right) < 2 or not _plain(right):
            return "keep"
        merged = (left + right).lower()
        hyphenated = f"{left}-{right}".lower()
        if self.page_words.get(merged, 0) > 0:
            return "merge"
        if hyphenated in self.page_words:
            return "keep"
        z_merged = model.zipf(merged)
        z_part = min(model.zipf(left.lower()), model.zipf(right.lower()))
        if z_part == 0.0 and z_merged >= FRAGMENT_MERGED_MIN_ZIPF:
            return "merge"  # "patholo- gically": a piece that is no word at all, of a listed word
        if z_merged < MERGED_MIN_ZIPF:
            return "keep"
        if z_merged >= z_part - HYPHEN_SLACK:
            return "merge"
        return "keep"

    # -- rules --------------------------------------------------------------------

    @staticmethod
    def _token(text: str, matches: list[re.Match[str]], i: int) -> _Token:
        """The word of ``matches[i]`` with the words around it that predict it."""
        match = matches[i]
        token = _Token(match.start(), match.end(), match.group(), match.group().lower())
        if i > 0 and _SOFT_GAP_RE.match(text, matches[i - 1].end(), match.start()):
            token.previous = matches[i - 1].group().lower()
        if i + 1 < len(matches) and _SOFT_GAP_RE.match(text, match.end(), matches[i + 1].start()):
            token.following = matches[i + 1].group().lower()
        return token

    def _free(self, start: int, end: int, spans: _ProtectedSpans, *words: str) -> bool:
        if any(w.lower() in self.protect for w in words):
            return False
        return not spans.overlap(start, end)

    def propose(self, text: str, hyphen_breaks: tuple[int, ...] = ()) -> Iterator[Proposal]:
        model = self.model
        if model is None:
            return
        spans = _ProtectedSpans(text, self.protect_patterns)
        words = self.block_words.get(text)
        if words is None:
            words = _lower_words(text)
        yield from self._hyphens(model, text, hyphen_breaks, spans)
        # Most blocks hold no word that starts a split or may be glue: they are never matched.
        # A lower-case word alone on its line has no neighbours to tell glue from a name
        # by, and no capital of a heading: "kernelpanic" above a post is someone's handle.
        joins = not model.lexicon.compounding and not self.join_candidates.isdisjoint(words) \
            and not (len(words) == 1 and text.strip() == words[0])
        if joins or not self.split_starts.isdisjoint(words):
            matches = list(_TOKEN_RE.finditer(text))
            yield from self._splits(model, text, matches, words, spans)
            if joins:
                yield from self._joins(model, text, matches, words, spans)
        yield from self._sentence_spaces(model, text, spans)
        yield from self._quote_spaces(text, spans)
        if model.lexicon.language == "en" and ("'" in text or "’" in text):
            yield from self._contraction_glue(text, spans)

    def _hyphens(self, model: WordModel, text: str, hyphen_breaks: tuple[int, ...],
                 spans: _ProtectedSpans) -> Iterator[Proposal]:
        for pos in hyphen_breaks:
            left_m = re.search(rf"{LETTERS}+$", text[:pos])
            right_m = re.match(rf"{LETTERS}+", text[pos + 1:])
            if not left_m or not right_m:
                continue
            left, right = left_m.group(), right_m.group()
            end = pos + 1 + right_m.end()
            if self._free(left_m.start(), end, spans, left, right) and \
                    self.hyphen_choice(model, left, right) == "merge":
                yield Proposal(left_m.start(), end, left + right, "repair:hyphen", 5.0)
        for m in _INLINE_HYPHEN_RE.finditer(text) if "- " in text else ():
            left, right = m.group(1), m.group(2)
            if right.lower() in _SUSPENDED_HYPHEN_FOLLOWERS and (
                    model.zipf(left.lower()) >= KNOWN_WORD_ZIPF
                    or model.zipf((left + right).lower()) < MERGED_MIN_ZIPF):
                continue  # "pre- and post-war"; but "underst- and" is a wrapped "understand"
            if not self._free(m.start(), m.end(), spans, left, right):
                continue
            choice = self.hyphen_choice(model, left, right)
            if choice == "merge":
                yield Proposal(m.start(), m.end(), left + right, "repair:hyphen", 5.0)
            elif choice == "keep":
                yield Proposal(m.start(), m.end(), f"{left}-{right}", "repair:hyphen", 5.0)

    def _splits(self, model: WordModel, text: str, matches: list[re.Match[str]], words: list[str],
                spans: _ProtectedSpans) -> Iterator[Proposal]:
        starts, pairs = self.split_starts, self.page_pairs
        for i in list(itertools.compress(range(len(words) - 1), map(starts.__contains__, words))):
            left_match, right_match = matches[i], matches[i + 1]
            left_end = left_match.end()
            if right_match.start() != left_end + 1 or text[left_end] != " ":
                continue
            # Only a pair that makes a common word when merged is a candidate at all.
            if f"{words[i]} {words[i + 1]}" not in pairs or not (
                    _plain(left_match.group()) and right_match.group().islower()):
                continue
            pair = (words[i], words[i + 1])
            refused = self.never_merged.get(pair)
            if refused is None:
                refused = self.never_merged[pair] = self._never_merged(model, *pair)
            if refused:
                continue
            if _HEX_PAIR_RE.fullmatch(words[i]) and _HEX_PAIR_RE.fullmatch(words[i + 1]) and (
                    _HEX_BEFORE_RE.search(text, max(0, left_match.start() - 4), left_match.start())
                    or _HEX_AFTER_RE.match(text, right_match.end())):
                continue  # "de ad be ef", "aa aa 0b": a run of bytes, not a word in pieces
            left, right = self._token(text, matches, i), self._token(text, matches, i + 1)
            if _attached(text, left, allow_hyphen=True) or _attached(text, right, allow_contraction=True):
                continue
            gain = self.split_gain(model, left, right)
            if gain is None or gain < SPLIT_MARGIN:
                continue
            if self._free(left.start, right.end, spans, left.text, right.text, left.text + right.text):
                yield Proposal(left.start, right.end, left.text + right.text, "repair:split", gain)

    def _joins(self, model: WordModel, text: str, matches: list[re.Match[str]], words: list[str],
               spans: _ProtectedSpans) -> Iterator[Proposal]:
        candidates = self.join_candidates
        for i in list(itertools.compress(range(len(words)), map(candidates.__contains__, words))):
            # Cheap first: most rare words have no cut into two words at all; a contraction
            # ending glued to a word ("it'spossible") is the one other kind of join.
            start = matches[i].start()
            word = matches[i].group()
            page_cut: int | None = None
            if not self.cuts(model, words[i]) and not (start and text[start - 1] in "'’") and _plain(word):
                page_cut = self._page_word_cut(model, word)
                if page_cut is None:
                    continue
            token = self._token(text, matches, i)
            if word[:1].isupper() and _CITED_NAME_RE.match(text, token.end):
                continue  # "Cantell, Joanna (2019)": a surname in a reference, not glue
            contraction = self._contraction_cut(model, text, token)
            if contraction is not None:
                if self._free(token.start, token.end, spans, word):
                    yield Proposal(token.start, token.end, f"{word[:contraction]} {word[contraction:]}",
                                   "repair:join", 3.0)
                continue
            # "whenit's" -> "when it's": the contraction ending stays on the second word.
            if _attached(text, token, allow_contraction=True) or _code_name(text, token):
                continue
            if _plain(word):
                token.sentence_start = word[0].isupper() and _opens_sentence(text, token.start)
                found = self.join_split(model, token)
                if found is None or found[1] < JOIN_MARGIN:
                    if page_cut is None:
                        page_cut = self._page_word_cut(model, word)
                    if page_cut is None:
                        continue
                    found = (page_cut, PAGE_EVIDENCE)
                cut = found[0]
                gain = found[1]
            else:
                camel = self._camel_cut(model, token)
                if camel is None:
                    continue
                cut, gain = camel, 3.0
            if self._free(token.start, token.end, spans, word):
                yield Proposal(token.start, token.end, f"{word[:cut]} {word[cut:]}", "repair:join", gain)

    def _page_word_cut(self, model: WordModel, word: str) -> int | None:
        """Where an unlisted token is a word the page writes on its own elsewhere (a
        name, a term) glued to a function word: "Shadwellwith" on a page that names
        Shadwell, "changesetswith" on one about changesets. The longest such word wins."""
        lower = word.lower()
        if model.zipf(lower) > 0.0:
            return None
        stop = self.stop
        # Only a function word after it: a page word and a content word make names and
        # compounds the lexicon lacks ("Fireborn", "Quirkless"). So only the token's last
        # few letters are tried, shortest function word (longest page word) first.
        longest = min(_longest_stopword(model.lexicon.language), len(lower) - PAGE_WORD_MIN_LENGTH)
        for size in range(3, longest + 1):
            if lower[-size:] in stop and self.page_words.get(lower[:-size]):
                return len(lower) - size
        if word[:1].isupper():
            found = self._page_name_word_cut(model, word)
            return found if found is not None else _name_verb_cut(model, word)
        return None

    def _page_name_word_cut(self, model: WordModel, word: str) -> int | None:
        """"Izukuremembered", "Hamiltonmoved": a name the page writes on its own (a rare
        word, or one it only ever capitalises), glued to a long common word after it.
        Short endings make names ("Quirkless", "Fireborn")."""
        lower = word.lower()
        for cut in range(PAGE_WORD_MIN_LENGTH, len(lower) - NAME_GLUE_MIN_WORD + 1):
            if model.common_zipf(lower[cut:]) >= JOIN_PART_ZIPF and (
                    self._page_name(model, lower[:cut]) or self._written_as_name(word[:cut])):
                return cut
        return None

    def _written_as_name(self, word: str) -> bool:
        """The page writes ``word`` capitalised on its own, and never in lower case."""
        cased = self._cased()
        return cased.get(word, 0) > 0 and word.lower() not in cased

    @staticmethod
    def _contraction_cut(model: WordModel, text: str, token: _Token) -> int | None:
        """"it'spossible" -> "it's possible": an English contraction glued to the next word.

        Only where the glued token is no word, or a listed one far rarer than the word
        after the contraction ("tbe" of "can'tbe"), and that word is a common one
        ("it'steam" may be "it's team" or a typo, and stays).
        """
        if model.lexicon.language != "en" or token.start < 2 or text[token.start - 1] not in "'’":
            return None
        if not text[token.start - 2].isalpha() or not token.text.islower():
            return None
        z_token = model.zipf(token.lower)
        for suffix in _CONTRACTIONS:
            rest = token.lower[len(suffix):]
            if not token.lower.startswith(suffix) or not (len(rest) >= 2 or rest == "a"):
                continue
            if z_token == 0.0:
                if _part_ok(model, rest):  # a long rare word too: "author’sidiosyncrasies"
                    return len(suffix)
                continue
            # Web text writes the glue itself often enough for some to be listed ("tbe" of
            # "can'tbe"): a listed token far rarer than the word it ends in is glue.
            z_rest = model.common_zipf(rest)
            if z_rest >= JOIN_PART_ZIPF and z_rest >= z_token + CONTRACTION_GLUE_MARGIN:
                return len(suffix)
        return None

    def _camel_cut(self, model: WordModel, token: _Token) -> int | None:
        """"thatI", "ofNew": one lower-to-upper step between two words, on a page that
        writes no code identifiers."""
        if self._repeated_as_word(token.lower):
            return None
        # Evidence from the page's own writing ("MUST", "GROUP BY", "QuillDesk" written
        # on their own) holds on pages of code as well.
        for find_sure in (self._keyword_cut, self._capitals_pair_cut, self._brand_tail_cut):
            sure = find_sure(model, token.text)
            if sure is not None:
                return sure
        # The kinds of evidence, most specific first; the first that finds a cut wins.
        cut = None
        for find in (self._acronym_cut, _camel_glue_cut, _name_glue_cut, self._page_name_cut,
                     self._page_pair_cut, _phrase_glue_cut, self._brand_head_cut):
            cut = find(model, token.text)
            if cut is not None:
                break
        if cut is not None and self.identifiers is None:
            self.identifiers = self._writes_identifiers(model)
        if cut is not None and self.identifiers:
            # Code names things with function words too ("fromJson", "asObservable"), but
            # not with one glued to a name that the page's prose only ever capitalises
            # ("andBob", "asOAuth" on a page about Bob's commits or OAuth clients).
            name_cut = _name_glue_cut(model, token.text)
            return name_cut if name_cut is not None and self._written_as_name(token.text[name_cut:]) else None
        return cut

    def _keyword_cut(self, model: WordModel, word: str) -> int | None:
        """"repliesMUST", "clientsSHOULD": a common lower-case word glued to a very
        common word in capitals that the page writes so on its own (the "MUST" and
        "SHOULD NOT" of a specification). Code names things with acronyms ("toJSON",
        "innerHTML"), not with these, so this holds on pages of code too."""
        steps = _camel_steps(word)
        if len(steps) != 1:
            return None
        cut = steps[0]
        left, right = word[:cut], word[cut:]
        if len(right) < 2 or not right.isupper() or not right.isalpha() \
                or model.common_zipf(right.lower()) < KEYWORD_MIN_ZIPF:
            return None
        if len(left) < 3 or not left.islower() or model.common_zipf(left) < JOIN_PART_ZIPF:
            return None
        return cut if self._cased().get(right, 0) >= KEYWORD_MIN_WRITTEN else None

    def _brand_tail_cut(self, model: WordModel, word: str) -> int | None:
        """"QuillDeskmakes", "QuillDeska": a name in camel case that the page writes on
        its own, glued to a lower-case word after it (a function word, or a common one
        that is no suffix)."""
        steps = _camel_steps(word)
        if not steps or model.zipf(word.lower()) > 0.0:
            return None
        cased = self._cased()
        for cut in range(len(word) - 1, steps[-1], -1):
            right = word[cut:]
            if not right.isalpha() or not right.islower():
                break
            # A short tail is as often a suffix ("writeHead" + "er", "AsciiDoc" + "tor").
            word_after = (right in self.stop and (len(right) >= 2 or right == "a")) or (
                len(right) >= BRAND_TAIL_MIN_LENGTH and model.common_zipf(right) >= JOIN_PART_ZIPF
                and not right.startswith(_SUFFIX_OPENINGS))
            if word_after and cased.get(word[:cut], 0) > 0:
                return cut
        return None

    def _brand_head_cut(self, model: WordModel, word: str) -> int | None:
        """"startedQuillDesk", "SomeQuillDesk": a function word or common word
        glued to a name in camel case that the page writes on its own."""
        steps = _camel_steps(word)
        if len(steps) < 2 or model.zipf(word.lower()) > 0.0:
            return None
        cased = self._cased()
        for cut in steps[:-1]:
            left, right = word[:cut], word[cut:]
            if not _plain(left) or len(left) < 2:
                continue
            lower = left.lower()
            if (lower in self.stop or model.common_zipf(lower) >= JOIN_PART_ZIPF) and cased.get(right, 0) > 0:
                return cut
        return None

    def _capitals_pair_cut(self, model: WordModel, word: str) -> int | None:
        """"GROUPBY", "MUSTNOT": two words in capitals glued, where the page writes
        the two apart elsewhere ("GROUP BY", "MUST NOT")."""
        if len(word) < 2 * CAPITALS_PART_LENGTH or not word.isupper() or not word.isalpha():
            return None
        lower = word.lower()
        for cut in range(CAPITALS_PART_LENGTH, len(word) - CAPITALS_PART_LENGTH + 1):
            # Written apart by a space, in capitals: "CAN-SPAM" is no "CAN SPAM".
            if self.page_pairs.get(f"{lower[:cut]} {lower[cut:]}") \
                    and f"{word[:cut]} {word[cut:]}" in self._capital_pairs():
                return cut
        return None

    def _capital_pairs(self) -> frozenset[str]:
        if self.capital_pairs is None:
            self.capital_pairs = frozenset(
                f"{m[0]} {m[1]}" for m in _CAPITAL_PAIR_RE.findall(self._page_text()))
        return self.capital_pairs

    def _writes_identifiers(self, model: WordModel) -> bool:
        """Does the page write code identifiers ("getRowCount", "toString" twice)?

        A lower-case first word glued to a capitalised one that the lexicon does not
        know and no glue could make, or the same one twice (where the page does not write
        it apart more often: "ofNew" beside "of New"), looks like code; glue damage
        makes one now and then ("ofGPS"), a page of code several. (Brands are capitalised:
        "YouTube", "iPhone" are known words, "PowerShell" says nothing.) A word glued to a
        name the page writes on its own ("theMetroids", "planetAether") is the glue of a
        page about those names: code names its parts with common words ("onClick").
        """
        seen: set[str] = set()
        evidence = 0
        text = self._page_text()
        for step in _CAMEL_STEP_RE.finditer(text):
            start, end = step.start(), step.end()
            while start > 0 and text[start - 1].isalnum():
                start -= 1
            while end < len(text) and text[end].isalnum():
                end += 1
            word = text[start:end]
            if not word[0].islower() or model.zipf(word) >= KNOWN_WORD_ZIPF:
                continue
            steps = _camel_steps(word)
            if len(steps) == 1 and self._page_name(model, word[steps[0]:].lower()):
                continue
            repeated = word in seen and self._repeated_as_word(word.lower())
            if repeated or _camel_glue_cut(model, word) is None:
                evidence += 1
                if evidence >= IDENTIFIERS_ON_CODE_PAGE:
                    return True
            seen.add(word)
        return False

    def _page_pair_cut(self, model: WordModel, word: str) -> int | None:
        """The page writes the two words apart elsewhere ("Great Barrier ... GreatBarrier")."""
        steps = _camel_steps(word)
        if len(steps) != 1:
            return None
        lower = word.lower()
        return steps[0] if self.page_pairs.get(f"{lower[:steps[0]]} {lower[steps[0]:]}") else None

    def _page_name(self, model: WordModel, lower: str) -> bool:
        """A rare word (a name, a term) the page writes on its own ("aether", "gorea")."""
        return len(lower) >= PAGE_WORD_MIN_LENGTH and model.common_zipf(lower) < JOIN_PART_ZIPF \
            and self.page_words.get(lower, 0) > 0

    def _page_name_cut(self, model: WordModel, word: str) -> int | None:
        """"planetAether", "gameSimon": a common lower-case word glued to a capitalised
        word the page writes on its own elsewhere (on a page that writes no code
        identifiers; a lone "renderFrame" stays where the page never writes "Frame")."""
        steps = _camel_steps(word)
        if len(steps) != 1:
            return None
        cut = steps[0]
        left, right = word[:cut], word[cut:]
        if len(left) < 3 or not left.islower() or not _plain(right):
            return None
        common_left = model.common_zipf(left) >= JOIN_PART_ZIPF
        written = len(right) >= PAGE_WORD_MIN_LENGTH and self.page_words.get(right.lower(), 0) > 0
        return cut if common_left and written else None

    def _acronym_cut(self, model: WordModel, word: str) -> int | None:
        """"ATFenables", "GPIOpins": an acronym the page writes on its own elsewhere,
        glued to a common word after it. Known words stay ("IPsec", "QAnon"); a short
        ending is a suffix more often than a word ("DJing"), unless a function word."""
        match = _ACRONYM_GLUE_RE.fullmatch(word)
        if match is None or model.zipf(word.lower()) > 0.0:
            return None
        acronym, rest = match.groups()
        if not self.page_words.get(acronym.lower()) or model.common_zipf(rest) < JOIN_PART_ZIPF:
            return None
        if len(rest) < ACRONYM_GLUE_MIN_REST and rest not in self.stop:
            return None
        return len(acronym)

    def _sentence_spaces(self, model: WordModel, text: str,
                         spans: _ProtectedSpans) -> Iterator[Proposal]:
        if not _SENTENCE_MARK_RE.search(text):
            return  # a cheap scan first: most blocks have no sentence mark before a capital
        stop = self.stop
        for m in _SENTENCE_GLUE_RE.finditer(text):
            left, mark, right = m.group(1), m.group(2), m.group(3)
            if not _plain(right):
                continue
            z_left, z_right = model.common_zipf(left.lower()), model.common_zipf(right.lower())
            if right in _CITATION_WORDS and _CITATION_TAIL_RE.match(text, m.end()):
                pass  # "The Mozilla Blog.Retrieved 20 April 2015": a reference's access date
            elif left.islower():
                # A common word ends the sentence; what starts the next may be a name.
                if z_right < JOIN_PART_ZIPF and (z_left < JOIN_PART_ZIPF or len(right) < 3):
                    continue
            elif not _plain(left) or (
                    (z_left < JOIN_PART_ZIPF or z_right < 4.5) and right.lower() not in stop):
                # After a capitalised word ("Lisbon.Press") both words must be common, or
                # the next sentence start with a function word ("Dunmore.In"): a rare pair
                # of names glued by a dot is likelier a brand than damage. After an
                # acronym ("IO.Reader") it is a name in code.
                continue
            rest = text[m.end():].lstrip()
            if rest[:1] and rest[0] in "=([{;:<":
                continue  # "exports.Cow = Cow;" is code
            if left.islower() and right.lower() not in stop and self._written_dotted(m.group(0), mark):
                # "net.Socket" throughout a page about code: its writer's form (a module
                # and a class; no sentence starts "It", "The" there)
                continue
            if self._free(m.start(), m.end(), spans, left, right):
                yield Proposal(m.start(), m.end(), f"{left}{mark} {right}", "repair:space", 4.0)

    def _written_dotted(self, found: str, mark: str) -> bool:
        """The page writes this "word.Word" more than once and never more often with the
        space: a lost space is random damage and seldom strikes the same two words twice
        unless the page writes them often ("Zealand. Retrieved" closing every reference),
        while a module and its class ("net.Socket") repeat as they are."""
        # Plain substring counts: a code page's "net.Socket" inside "net.SocketAddress"
        # counts too, which is the same evidence.
        known = self.dotted_forms.get(found)
        if known is None:
            page = self._page_text()
            glued = page.count(found)
            spaced = page.count(found.replace(mark, mark + " ", 1))
            known = self.dotted_forms[found] = glued > 1 and spaced <= glued
        return known

    def _contraction_glue(self, text: str, spans: _ProtectedSpans) -> Iterator[Proposal]:
        for m in _CONTRACTION_GLUE_RE.finditer(text):
            ending, word = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
            if self._free(m.start(), m.end(), spans, ending + word):
                yield Proposal(m.start(), m.end(), f"{ending} {word}", "repair:join", 3.0)

    def _quote_spaces(self, text: str, spans: _ProtectedSpans) -> Iterator[Proposal]:
        if '"' not in text:
            return
        quotes = [m.start() for m in _QUOTE_RE.finditer(text)]
        if not quotes or len(quotes) % 2:
            return  # unbalanced quotes: cannot tell opening from closing
        opening = set(quotes[::2])
        for m in _QUOTE_GLUE_RE.finditer(text):
            before, after = m.group(1), m.group(2)
            if len(before) == 1 and _letter_before_quote_is_code(text, m.start(), before):
                continue
            if m.end(1) not in opening and after in _WORD_ENDINGS:
                continue  # "option"s, "squash"ed: a quoted word with its ending outside
            if not self._free(m.start(), m.end(), spans):
                continue
            spaced = f'{before} "{after}' if m.end(1) in opening else f'{before}" {after}'
            yield Proposal(m.start(), m.end(), spaced, "repair:space", 4.0)

    def repair_block(self, index: int, text: str,
                     hyphen_breaks: tuple[int, ...] = ()) -> tuple[str, list[Edit]]:
        """Repair one block; returns the new text and the edits (offsets into ``text``)."""
        proposals = sorted(self.propose(text, hyphen_breaks), key=lambda p: -p.gain)
        if not proposals:
            return text, []
        accepted = _best_disjoint(proposals)
        pieces: list[str] = []
        edits: list[Edit] = []
        cursor = 0
        for p in accepted:
            pieces.append(text[cursor:p.start])
            pieces.append(p.replacement)
            cursor = p.end
            if text[p.start:p.end] != p.replacement:
                edits.append(Edit(index, p.start, p.end, text[p.start:p.end], p.replacement, p.rule))
        pieces.append(text[cursor:])
        return "".join(pieces), edits
