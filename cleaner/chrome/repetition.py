"""Page-level repetition: template lines that a page prints again and again.

Forum and comment templates repeat the same short lines for every post ("Reply",
the poster's name, "Joined: <date>", "Messages: <n>"). A short line that recurs
three times in one page, or a "Label: value" line whose label recurs, is chrome.
A line of quoted speech is not: a story's character says the same thing again
('"I would prefer not to."'), a template never speaks in quotation marks.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter

from cleaner.chrome.features import BlockFeatures

_DIGITS_RE = re.compile(r"\d+")
_LABEL_RE = re.compile(r"^([^\W\d][\w .'-]{0,24}):\s*\S")
#: code repeats its keywords and brackets; those lines are judged by context instead
_CODE_RE = re.compile(r"[{}();=<>\[\]]|^[A-Z]+$")
#: a line that is one quoted utterance: it opens on a quotation mark and ends on one,
#: after the utterance's own punctuation ('"I would prefer not to."', "« Non. »")
_SPEECH_RE = re.compile(r"^[\"“”„«»‘‚'][^\n]*[.!?…,]\s?[\"“”»«’']$")

#: only short blocks are judged: article sentences do not recur verbatim
MAX_WORDS = 8
MIN_REPEATS = 3
MIN_LABEL_REPEATS = 2
SECTION_NUMBER_MAX_DIGITS = 4


def _key(text: str) -> str:
    return " ".join(_DIGITS_RE.sub("0", text.lower()).split())


def _label(text: str) -> str | None:
    match = _LABEL_RE.match(text)
    return match.group(1).lower() if match else None


def _numbered_sections(texts: list[str], keys: list[str]) -> set[str]:
    """Keys of lines that number the page's sections: "Step 1", "Step 2", "Step 3" down
    the page, one number each, counting up by one and apart from each other (a pager's
    "Page 1", "Page 2" sit side by side)."""
    positions: dict[str, list[int]] = {}
    for i, key in enumerate(keys):
        if key and "0" in key:
            positions.setdefault(key, []).append(i)
    numbered = set()
    for key, found in positions.items():
        if len(found) < MIN_REPEATS or any(b - a < 2 for a, b in itertools.pairwise(found)):
            continue
        numbers = [_DIGITS_RE.findall(texts[i]) for i in found]
        # A section number is short; a long run of digits is no count (and int() refuses
        # one of thousands of digits).
        if not all(len(n) == 1 and len(n[0]) <= SECTION_NUMBER_MAX_DIGITS for n in numbers):
            continue
        if all(int(b[0]) == int(a[0]) + 1 for a, b in itertools.pairwise(numbers)):
            numbered.add(key)
    return numbered


def repeated_blocks(features: list[BlockFeatures]) -> list[str | None]:
    """``chrome:repeated`` for template lines of this page, None elsewhere."""
    short = [
        f.words <= MAX_WORDS and f.alpha_share > 0.5 and not _CODE_RE.search(f.text)
        and not _SPEECH_RE.match(f.text.strip()) for f in features
    ]
    keys = [_key(f.text) if s else "" for f, s in zip(features, short, strict=True)]
    numbered = _numbered_sections([f.text for f in features], keys)
    if numbered:
        keys = ["" if k in numbered else k for k in keys]
    labels = [_label(f.text) if s and f.words <= 6 else None for f, s in zip(features, short, strict=True)]
    key_counts = Counter(k for k in keys if k)
    label_counts = Counter(lb for lb in labels if lb)
    reasons: list[str | None] = []
    for key, label in zip(keys, labels, strict=True):
        if (key and key_counts[key] >= MIN_REPEATS) or (label and label_counts[label] >= MIN_LABEL_REPEATS):
            reasons.append("chrome:repeated")
        else:
            reasons.append(None)
    return reasons
