"""The shape every chrome rule shares.

Keyword rules are many alternations, and a regular expression with hundreds of
branches costs a scan per branch at every position. So each phrase list also knows
its *trigger keys*: the first four letters of every word a match can start with. A
block whose words share no key with a rule cannot match it and is never scanned; set
lookups on words already split are an order of magnitude cheaper than the scan.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from cleaner.chrome.features import BlockFeatures

#: a rule sees one block's features and answers with a reason id, or None to pass
RuleFunction = Callable[[BlockFeatures], "str | None"]

KEY_LENGTH = 4
_LITERAL_RE = re.compile(r"[^\W\d_]+")
#: a lookahead that ends a phrase matches nothing itself: the word before it is whole
_FINAL_LOOKAHEAD_RE = re.compile(r"\(\?[!=][^()]*\)")


def word_key(word: str) -> str:
    return word[:KEY_LENGTH]


_KEY = operator.itemgetter(slice(0, KEY_LENGTH))


def block_keys(features: BlockFeatures) -> frozenset[str]:
    return frozenset(map(_KEY, features.lower_tokens))  # word_key of each, in C


def _split_group(body: str) -> tuple[str, str]:
    """``(?:a|b)rest`` -> (``a|b``, ``rest``)."""
    depth = 0
    for i, char in enumerate(body):
        if char == "\\":
            continue
        if char == "(" and (i == 0 or body[i - 1] != "\\"):
            depth += 1
        elif char == ")" and body[i - 1] != "\\":
            depth -= 1
            if depth == 0:
                return body[3:i], body[i + 1:]
    raise ValueError(f"unbalanced group in {body!r}")


def _alternatives(inner: str) -> list[str]:
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for i, char in enumerate(inner):
        escaped = i > 0 and inner[i - 1] == "\\"
        if char == "(" and not escaped:
            depth += 1
        elif char == ")" and not escaped:
            depth -= 1
        if char == "|" and depth == 0 and not escaped:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def trigger_keys(phrase: str) -> frozenset[str] | None:
    """Keys of the words a match of ``phrase`` can start with; None if unknowable."""
    body = phrase.removeprefix("^").removeprefix(r"\W*")
    if body.startswith("(?:"):
        inner, rest = _split_group(body)
        if rest[:1] in ("?", "*"):
            return None
        keys: set[str] = set()
        for alternative in _alternatives(inner):
            found = trigger_keys(alternative + rest)
            if found is None:
                return None
            keys |= found
        return frozenset(keys)
    match = _LITERAL_RE.match(body)
    if not match:
        return None
    literal, after = match.group(), body[match.end():]
    variants = {literal}
    if after[:1] in ("?", "*"):
        variants.add(literal[:-1])
    elif after[:2] in (" ?", "-?"):
        following = _LITERAL_RE.match(after[2:])
        variants.add(literal + (following.group() if following else ""))
    elif (len(literal) < KEY_LENGTH and after and after[0] not in " -'’\\)|$"
          and not _FINAL_LOOKAHEAD_RE.fullmatch(after)):
        return None  # a short literal glued to more pattern: the word is longer than we know
    return frozenset(word_key(v) for v in variants if v)


@dataclass(frozen=True, slots=True)
class Phrases:
    """A compiled phrase list and the trigger keys that gate it (None: always scan)."""

    pattern: re.Pattern[str]
    triggers: frozenset[str] | None
    #: the same phrases where they open the block (None: not asked for)
    leading: re.Pattern[str] | None = None

    def search(self, features: BlockFeatures, keys: frozenset[str] | None) -> bool:
        """``keys`` None: scan without the trigger gate."""
        if keys is not None and self.triggers is not None and self.triggers.isdisjoint(keys):
            return False
        return self.pattern.search(features.lower) is not None

    def opens(self, features: BlockFeatures) -> bool:
        return self.leading is not None and self.leading.match(features.lower) is not None


def raw_pattern(source: str) -> Phrases:
    """A hand-written pattern; its top-level alternatives give the trigger keys."""
    keys: set[str] = set()
    for alternative in _alternatives(source):
        found = trigger_keys(alternative)
        if found is None:
            return Phrases(re.compile(source), None)
        keys |= found
    return Phrases(re.compile(source), frozenset(keys))


def any_of(phrases: Iterable[str], whole_line: bool = False, at_start: bool = False) -> Phrases:
    """One case-insensitive pattern for many phrases (already lower-case regex): anywhere
    in the block, or making up the whole block (one or several of them), or opening it."""
    phrases = list(phrases)
    body = "|".join(f"(?:{p})" for p in phrases)
    if whole_line:
        # A row of labels run together is still only labels ("Jump to RecipePrint Recipe",
        # "Impressum | Datenschutz").
        pattern = re.compile(rf"^\W*(?:{body})(?:\W*(?:{body}))*\W*$")
    else:
        pattern = re.compile(rf"^\W*(?:{body})(?!\w)" if at_start else rf"(?<!\w)(?:{body})(?!\w)")
    leading = re.compile(rf"\W*(?:{body})(?!\w)")
    keys: set[str] = set()
    for phrase in phrases:
        found = trigger_keys(phrase)
        if found is None:
            return Phrases(pattern, None, leading)
        keys |= found
    return Phrases(pattern, frozenset(keys), leading)


#: longer than a button or a label
SENTENCE_WORDS = 8


def reads_as_sentence(features: BlockFeatures) -> bool:
    """Ends like a statement, or is too long for a label. An exclamation is a call to
    the reader ("Watch our channel on YouTube!"), which chrome makes and news rarely."""
    if features.text.rstrip().endswith("!"):
        return False
    return features.words > SENTENCE_WORDS or features.ends_with_punctuation


def never(features: BlockFeatures) -> bool:
    return False


def has_digits(features: BlockFeatures) -> bool:
    """A date, a year, a count: what a metadata or footer line carries."""
    return features.digit_share > 0


#: words that speak to the reader or for the site, in the languages with phrase lists:
#: a call to action has them ("support our reporting", "in your inbox"), a report about
#: donations or newsletters rarely does
_ADDRESS_WORDS = frozenset({
    "you", "your", "yours", "yourself", "we", "our", "ours",
    "du", "dich", "dir", "dein", "deine", "deinen", "deinem", "deiner", "wir", "uns", "unser", "unsere",
    "unseren", "unserem", "unserer", "euch", "euer", "eure",
    "vous", "votre", "vos", "nous", "notre", "nos", "tu", "ton", "ta", "tes", "toi",
    "tú", "tus", "te", "usted", "ustedes", "nosotros", "nuestro", "nuestra", "nuestros", "nuestras",
    "voi", "vostro", "vostra", "noi", "nostro", "nostra", "você", "vocês", "nosso", "nossa",
    # the second person's verb, where the pronoun is dropped ("Debes iniciar sesión ...")
    "debes", "puedes", "devi", "puoi",
    "jij", "jouw", "uw", "wij", "onze",
    "вы", "вас", "вам", "ваш", "ваша", "ваше", "ваши", "мы", "нас", "нам", "наш", "наша", "наше", "наши",
    # Swedish, Danish, Norwegian, Finnish, Polish, Czech, Turkish: not the forms that are
    # also common words of another language ("din", "dig", "my", "os", "me")
    "vi", "oss", "vår", "vårt", "våra", "dina", "ditt", "deg", "dere", "vores", "jer",
    "sinä", "sinun", "sinulle", "teidän", "teille", "meidän", "meille",
    "twój", "twoja", "twoje", "wasz", "wasza", "wasze", "nasz", "nasza", "nasze", "naszych",
    "váš", "vaše", "vašich", "náš", "naše", "našich", "vás", "vám",
    "siz", "sizin", "size", "biz", "bizim", "bize",
})
#: as written: "us" but not "US" (the country); German "Sie", "Ihr" only capitalised and
#: not first (lower case, or opening a sentence, they are "she", "they", "her")
_CASED_ADDRESS_WORDS = frozenset({"us", "Us"})
_FORMAL_GERMAN = frozenset({"Sie", "Ihr", "Ihre", "Ihren", "Ihrem", "Ihrer", "Ihnen"})


def addresses_reader(features: BlockFeatures) -> bool:
    """Does the block speak to its reader (or for the site)?"""
    if not _ADDRESS_WORDS.isdisjoint(features.lower_tokens):
        return True
    tokens = features.tokens
    return not _CASED_ADDRESS_WORDS.isdisjoint(tokens) or not _FORMAL_GERMAN.isdisjoint(tokens[1:])


@dataclass(frozen=True, slots=True)
class ShapeRule:
    """Name a block of at most ``max_words`` chrome where ``pattern`` finds its shape:
    for chrome that opens with no word to gate a phrase list on (a sign, a number)."""

    reason: str
    pattern: re.Pattern[str]
    max_words: float

    def __call__(self, features: BlockFeatures) -> str | None:
        if features.words <= self.max_words and self.pattern.search(features.text):
            return self.reason
        return None


@dataclass(frozen=True, slots=True)
class PatternRule:
    """Name a block chrome when it matches ``pattern`` and has at most ``max_words``.

    ``pattern`` holds phrases that only chrome uses (calls to action: "sign up for
    our newsletter", "we use cookies"). ``weak`` holds bare topic words ("newsletter",
    "cookies", "donations") that articles use too: they count only in a block of at
    most ``weak_max_words``, i.e. a label or a button, never in a sentence.
    """

    reason: str
    pattern: Phrases | None
    max_words: float
    weak: Phrases | None = None
    weak_max_words: float = 4
    #: set for phrases that articles use in their own sentences too: a block that reads
    #: as a sentence is named only where a phrase opens it or this test passes ("Share
    #: this story." is a button, "He posted the video on YouTube." a sentence)
    in_sentences: Callable[[BlockFeatures], bool] | None = None

    @property
    def word_limit(self) -> float:
        """Blocks with more words than this can never match."""
        return max(self.max_words, self.weak_max_words if self.weak is not None else 0)

    def __call__(self, features: BlockFeatures) -> str | None:
        return self.check(features, block_keys(features))

    def check(self, features: BlockFeatures, keys: frozenset[str] | None) -> str | None:
        """The reason, or None; ``keys`` None scans every phrase list (the gate is a speed-up)."""
        if (self.pattern is not None and features.words <= self.max_words
                and self.pattern.search(features, keys)
                and not (self.in_sentences is not None and reads_as_sentence(features)
                         and not self.pattern.opens(features) and not self.in_sentences(features))):
            return self.reason
        if (self.weak is not None and features.words <= self.weak_max_words
                and self.weak.search(features, keys)):
            return self.reason
        return None
