"""Unicode repair with the profile corpus builders use.

Fixes mojibake, removes control characters and invisible characters inside words.
Deliberately leaves alone character width, ligatures, curly quotes, line breaks and
Unicode normalisation, so CJK and typographic text come out exactly as they came in.
"""

from __future__ import annotations

import difflib
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable

import ftfy
import ftfy.bad_codecs  # registers the sloppy-windows-1252 codec
from ftfy.badness import is_bad

from cleaner.document import Edit

FTFY_PROFILE = ftfy.TextFixerConfig(
    unescape_html=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    normalization=None,
    explain=True,
)

#: ASCII and C1 controls other than tab/newline, plus terminal escapes: cheap to spot
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
#: soft hyphen, zero-width space, word joiner, BOM inside text, Mongolian vowel separator
INVISIBLE_CHARACTERS = "\u00ad\u200b\u2060\ufeff\u180e"
_INVISIBLE_RE = re.compile(f"[{INVISIBLE_CHARACTERS}]")
#: zero-width (non-)joiners carry meaning in Persian, Indic scripts and emoji;
#: between two Latin letters they are only damage
_LATIN_JOINER_RE = re.compile(r"(?<=[A-Za-z\u00c0-\u024f])[\u200c\u200d](?=[A-Za-z\u00c0-\u024f])")
#: what ``folded`` drops: the invisible characters and the joiners too, which one copy of
#: a text may carry and another not
_FOLDED_AWAY = dict.fromkeys(map(ord, INVISIBLE_CHARACTERS + "\u200c\u200d"))


def folded(text: str) -> str:
    """``text`` as two copies of it compare: NFC, without invisible characters, its
    whitespace collapsed to single spaces. An extractor drops soft hyphens a page holds,
    a benchmark's snippet may keep them."""
    return " ".join(unicodedata.normalize("NFC", text).translate(_FOLDED_AWAY).split())

#: UTF-8 read as a single-byte code page leaves a lead byte (Â-ô in Latin-1 and
#: windows-1252, Р/С in windows-1251) before a continuation byte's character; ftfy's
#: full badness check runs only on text that has such a pair
#: the characters windows-1252 shows for the bytes 0x80-0xBF, UTF-8's continuation bytes
_CP1252_CONTINUATION = ("\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
                        "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122")
_MOJIBAKE_HINT_RE = re.compile(
    f"[\u00c2-\u00f4][{_CP1252_CONTINUATION}]"
    "|[\u0420\u0421\u0432][\u0402-\u045f\u0490\u0491\u00a0-\u00bf\u2013-\u2122]"
)

_CONTROL_STEPS = {"remove_control_chars", "remove_terminal_escapes", "fix_c1_controls"}


# The cheap checks each step starts with; a page none of them fires on skips the steps.
def _has_control(text: str) -> bool:
    return _CONTROL_RE.search(text) is not None  # the range holds ESC, the start of terminal escapes


def _may_be_mojibake(text: str) -> bool:
    return not text.isascii() and _MOJIBAKE_HINT_RE.search(text) is not None


def _has_invisible(text: str) -> bool:
    return not text.isascii() and (_INVISIBLE_RE.search(text) is not None
                                   or _LATIN_JOINER_RE.search(text) is not None)


def fix_unicode(text: str) -> tuple[str, str]:
    """ftfy with the corpus profile; returns the text and the rule id that changed it."""
    if not (_has_control(text) or (_may_be_mojibake(text) and is_bad(text))):
        # One garbled character in a line of correct CJK text is too little for ftfy's
        # badness measure; its run is read back where it becomes that script again.
        if not _may_be_mojibake(text):
            return text, ""
        scripts = _scripts(text)  # once per text: a line may hold thousands of runs
        in_script = _GARBLED_RUN_RE.sub(lambda run: _fix_run_in_script(run, scripts), text)
        return (in_script, "repair:mojibake") if in_script != text else (text, "")
    # Text mixing correct UTF-8 with mojibake is fixed by ftfy only where its
    # inconsistent-UTF-8 pattern matches ("neskuteÄ\x8dnÄ›" would keep its "Ä›"): each
    # garbled run of characters is fixed on its own first, where it is consistent.
    by_word = _GARBLED_RUN_RE.sub(_fix_run, text) if _may_be_mojibake(text) else text
    fixed = ftfy.fix_and_explain(by_word, config=FTFY_PROFILE)
    steps = {name for _action, name in fixed.explanation or []}
    if by_word != text:
        steps.add("fix_encoding")
    result = fixed.text
    if result == text:
        return text, ""
    rule = "repair:control" if steps <= _CONTROL_STEPS else "repair:mojibake"
    return result, rule


#: a run of the characters UTF-8 bytes become when read as windows-1252 or Latin-1
_GARBLED_RUN_RE = re.compile(f"[\u00c0-\u00ff{_CP1252_CONTINUATION}]{{2,}}")


def _fix_run(match: re.Match[str]) -> str:
    """The run read back as the UTF-8 it was, when its bytes are valid UTF-8 throughout."""
    run = match.group()
    if not _MOJIBAKE_HINT_RE.search(run):
        return run
    for codec in ("sloppy-windows-1252", "latin-1"):
        try:
            fixed = run.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        return fixed if not is_bad(fixed) else run
    return run


def _scripts(text: str) -> Counter[str]:
    """How many characters of three UTF-8 bytes or more ``text`` holds per script, by
    the first word of their Unicode names: "CJK", "HIRAGANA", "THAI"."""
    return Counter(unicodedata.name(char, "").partition(" ")[0] for char in text if ord(char) >= 0x800)


def _fix_run_in_script(match: re.Match[str], scripts: Counter[str]) -> str:
    """``_fix_run``, kept only where the run becomes characters of three UTF-8 bytes (CJK,
    kana, Hangul, Thai, Devanagari ...) of a script the rest of the text (``scripts``
    counts all of it) is written in. Two bytes would let correct Latin text through
    ("Straße»" holds "ß»", valid UTF-8 for an N'Ko letter); a script the line does not
    use is no repair."""
    run = match.group()
    fixed = _fix_run(match)
    if fixed == run or any(ord(char) < 0x800 for char in fixed):
        return run
    rest = scripts - _scripts(run)
    return fixed if all(rest[script] > 0 for script in _scripts(fixed)) else run


def may_need_normalizing(text: str) -> bool:
    """False when no step could change any block of ``text``: the checks the steps begin
    with, run once over a whole page instead of once per block."""
    return _has_control(text) or _may_be_mojibake(text) or _has_invisible(text)


def remove_invisible(text: str) -> str:
    """Drop soft hyphens and zero-width characters that only break words apart."""
    if not _has_invisible(text):
        return text
    return _LATIN_JOINER_RE.sub("", _INVISIBLE_RE.sub("", text))


_PIECE_RE = re.compile(r"\s+|\S+")


def diff_edits(block: int, before: str, after: str, rule: str) -> list[Edit]:
    """Small edits turning ``before`` into ``after``, offsets into ``before``.

    Aligned word by word (a character-level alignment is quadratic on long blocks),
    then each changed stretch trimmed to the characters that differ.
    """
    old_pieces, new_pieces = _PIECE_RE.findall(before), _PIECE_RE.findall(after)
    old_starts = _starts(old_pieces)
    new_starts = _starts(new_pieces)
    edits = []
    if len(old_pieces) == len(new_pieces):
        # The usual case: fixes inside words, the spacing unchanged; no search needed.
        changed = [(i, i + 1, i, i + 1) for i, (a, b) in enumerate(zip(old_pieces, new_pieces, strict=True))
                   if a != b]
    else:
        matcher = difflib.SequenceMatcher(None, old_pieces, new_pieces, autojunk=False)
        changed = [(i1, i2, j1, j2) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]
    for i1, i2, j1, j2 in changed:
        start, end = old_starts[i1], old_starts[i2]
        old_text, new_text = before[start:end], after[new_starts[j1]:new_starts[j2]]
        prefix = _common_prefix(old_text, new_text)
        suffix = _common_prefix(old_text[prefix:][::-1], new_text[prefix:][::-1])
        edits.append(Edit(block, start + prefix, end - suffix, old_text[prefix:len(old_text) - suffix],
                          new_text[prefix:len(new_text) - suffix], rule))
    return edits


def _starts(pieces: list[str]) -> list[int]:
    """Offset of each piece, and the total length at the end."""
    return list(itertools.accumulate(map(len, pieces), initial=0))


def _common_prefix(a: str, b: str) -> int:
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    return i


NormalizeStep = Callable[[str], tuple[str, str]]


def _invisible_step(text: str) -> tuple[str, str]:
    fixed = remove_invisible(text)
    return fixed, ("repair:invisible" if fixed != text else "")


STEPS: tuple[NormalizeStep, ...] = (fix_unicode, _invisible_step)


def normalize_block(index: int, text: str) -> tuple[str, list[Edit]]:
    """Run every normalisation step on one block, recording an edit only on change."""
    edits: list[Edit] = []
    for step in STEPS:
        fixed, rule = step(text)
        if rule:
            edits.extend(diff_edits(index, text, fixed, rule))
            text = fixed
    return text, edits
