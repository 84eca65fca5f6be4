"""Split page text into blocks, whatever its layout.

Three layouts come in: one block per line (Common Crawl WET, most converters),
paragraphs separated by blank lines, and prose hard-wrapped at a fixed width.
All three give the same blocks for the same page: wrapped lines are joined back into
their paragraph, everything else is one block per line, but for a code sample: a
Markdown code block between fences, or a run of lines that read as a program's (``code_runs``),
stays one block with its lines as written.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import NamedTuple

from cleaner.document import Block

_LINE_BREAKS_RE = re.compile(r"\r\n|[\r\u2028\u2029\x85\x0b\x0c]")
_BULLET_RE = re.compile(r"^(?:[-*•·‣▪–—>]|\d{1,3}[.)]|[a-zA-Z][.)])\s")
_SENTENCE_END = ".!?:;\"'”’»)"

#: widths outside this range are not hard wrapping (tweets, or unwrapped paragraphs)
_MIN_WRAP_WIDTH = 30
_MAX_WRAP_WIDTH = 100
#: a line this close to the wrap width counts as filled by the wrapper
_FULL_SLACK = 15


class _Line(NamedTuple):
    """One line, stripped, and where it sits in the page (a tuple: one per line of every
    page, cheaper to build than a frozen dataclass)."""

    text: str
    start: int
    end: int


def unify_line_breaks(text: str) -> str:
    """CRLF, CR, Unicode line and paragraph separators all become ``\\n``."""
    return _LINE_BREAKS_RE.sub("\n", text)


def _lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    offset = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        start = offset + (len(raw) - len(raw.lstrip()))
        lines.append(_Line(stripped, start, start + len(stripped)))
        offset += len(raw) + 1
    return lines


def wrap_width(lines: list[_Line]) -> int | None:
    """The column the text was hard-wrapped at, or None if it was not wrapped."""
    filled = [ln.text for ln in lines if ln.text]
    if len(filled) < 4:
        return None
    # A high percentile, not the maximum: a stray long line (a URL, a footer) must
    # not hide the width the rest of the text was wrapped at.
    lengths = sorted(len(t) for t in filled)
    width = lengths[int(0.95 * (len(lengths) - 1))]
    if not _MIN_WRAP_WIDTH <= width <= _MAX_WRAP_WIDTH:
        return None
    full = [t for t in filled if len(t) >= width - _FULL_SLACK]
    if len(full) < 3 or len(full) / len(filled) < 0.3:
        return None
    # A wrapper cuts mid-sentence; a one-block-per-line page ends its long lines
    # with a full stop. This tells the two apart when both have similar widths.
    open_ended = sum(1 for t in full if t[-1] not in _SENTENCE_END)
    if open_ended / len(full) < 0.6:
        return None
    return width


def _continues(previous: str, following: str, width: int) -> bool:
    """Did the wrapper break here, i.e. would the next word not have fit?"""
    if not previous or not following or _BULLET_RE.match(following):
        return False
    first_word = following.split(maxsplit=1)[0]
    if previous.endswith("-") and len(previous) > 1 and previous[-2].isalpha():
        # A hyphen ending a nearly full line is the wrapper's, whatever the exact width.
        return len(previous) >= width - _FULL_SLACK and following[0].isalpha()
    return len(previous) + 1 + len(first_word) > width


def _unwrapped_chunks(lines: list[_Line], width: int) -> set[int]:
    """Start lines of blank-line separated chunks that are lists, not wrapped prose.

    In a wrapped paragraph every line but the last was filled to the width; a chunk
    with a short line before its end is a list of separate lines (a footer, a menu).
    """
    starts: set[int] = set()
    chunk: list[int] = []
    for i, line in enumerate([*lines, _Line("", 0, 0)]):
        if line.text:
            chunk.append(i)
            continue
        if len(chunk) > 1 and any(len(lines[j].text) < width - _FULL_SLACK for j in chunk[:-1]):
            starts.update(chunk)
        chunk = []
    return starts


#: a Markdown code fence: three or more backticks or tildes opening the line
_FENCE_RE = re.compile(r"(`{3,}|~{3,})")
#: a fence left open this long is no code block (a stray run of backticks)
MAX_FENCED_LINES = 2000
#: shorter fences inside a block are its text (a sample of Markdown); a block whose
#: closing fence is not among the next this many is read as lines (keeps hostile
#: pages of fences linear)
MAX_FENCE_CANDIDATES = 32


def is_code_block(text: str) -> bool:
    """A code sample kept whole by ``segment`` (between fences or not): the one kind of
    block whose text holds line breaks."""
    return "\n" in text


# A program's line in text without fences: a shell or REPL prompt, a statement opening
# with a keyword, an assignment, a call, a line ending as a statement or a block does.
# Each must read as code on its own; a run needs two of them (``code_runs``).
_CODE_START_RE = re.compile(
    r"(?:\$ [a-z./~_-]|>>> |#include\b|#define\b|from [\w.]+ import\b"
    r"|(?:def|class|return|import|elif|else|try|except|finally|function|var|let|const|public|private"
    r"|protected|static|void|package|func|fn|async|await|raise|yield|print|echo|sudo|npm|pip|git|cd|mkdir"
    r"|with|for|while|if|switch|case)\b"
    r"|(?:SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|DROP|FROM|WHERE|ORDER BY|GROUP BY)\s)")
#: a shell's and Python's prompts, as a session printed in a page shows them
_PROMPTS = ("$ ", ">>> ")
_CODE_SYMBOL_RE = re.compile(r"\w\(|[{}\[\]=<>;]")
_KEYWORD_PAREN_RE = re.compile(r"(?<![a-z])[a-z]+ \(")
_CALL_SYNTAX_RE = re.compile(r"\w\(")
_IMPORT_RE = re.compile(r"(?:import [\w.]+(?: as \w+)?|from [\w.]+ import [\w, *]+)")
# Each repeated class starts only where its run starts (the look-behinds): a long line
# is scanned once, not once per position.
_ASSIGNMENT_RE = re.compile(r"(?<![\w.$\[\]\"'-])[\w.$\[\]\"'-]+\s*(?:[-+*/|&]?=|:=)(?!=)")
_CALL_HEAD_RE = re.compile(r"(?<![\w.$])[\w.$]+\(")
_STATEMENT_END_RE = re.compile(r"(?:[{;]|\)\s*\{|=>\s*\{?|\)\s*:)$")
#: what a program's line may be beside those: a closing bracket, a block's end word, an
#: INI section ("[extensions]"), a comment
_CODE_FILLER_RE = re.compile(
    r"[}\])].*|(?:end|fi|done|esac)|\[[\w .:-]+\]|(?://|/\*|\*/|# |-- ).*"
    # an object's property, a list's item ("method: 'POST',", "status_code,")
    r"|(?<![\w\"'$.-])[\w\"'$.-]+\s?:\s?\S.*|(?<![\w.])[\w.]+,"
    # SQL's keywords on lines of their own
    r"|(?:SELECT|FROM|WHERE|GROUP BY|ORDER BY|(?:LEFT |RIGHT |INNER |OUTER )?JOIN|AND|OR|ON|WITH|VALUES|LIMIT"
    r"|HAVING|UNION(?: ALL)?)(?: .*)?")
#: the capitalised words a code sample's line may open with (SQL's)
_SQL_WORDS = ("SELECT", "INSERT", "UPDATE", "DELETE", "CREATE", "ALTER", "DROP", "FROM", "WHERE", "ORDER",
              "GROUP", "LEFT", "RIGHT", "INNER", "OUTER", "JOIN", "AND", "OR", "ON", "WITH", "VALUES",
              "LIMIT", "HAVING", "UNION")


#: a line that opens an SQL statement, as a query printed line by line starts ("SELECT",
#: "SELECT *", "WITH stats AS (", "CREATE TABLE log (")
_SQL_OPENER_RE = re.compile(
    r"SELECT(?: \*| DISTINCT\b.*| [a-z_][\w.]*,?)?|WITH [a-z_]\w* AS \(|INSERT INTO [a-z_\"`].*"
    r"|DELETE FROM [a-z_\"`].*|UPDATE [a-z_]\w* SET\b.*"
    r"|(?:CREATE|ALTER|DROP) (?:TABLE|VIEW|INDEX|SCHEMA)\b.*")


def _reads_as_code(line: str) -> bool:
    if line[0].isupper():
        if not line.startswith(_SQL_WORDS):
            return False  # prose opens with a capital; code with a keyword or a name
        if _SQL_OPENER_RE.fullmatch(line):
            return True
    if _CODE_START_RE.match(line):
        # A keyword opens a hard-wrapped sentence's line too ("if you change it (say,
        # to debug) you"): a statement ends as one, or calls, or imports.
        return (line.startswith(_PROMPTS) or line.endswith((":", "{", ";", "(", ")", ","))
                or _KEYWORD_PAREN_RE.match(line) is not None or _CALL_SYNTAX_RE.search(line) is not None
                or _IMPORT_RE.fullmatch(line) is not None)
    if _ASSIGNMENT_RE.match(line) and len(line.split()) <= 12:
        return True
    if _CALL_HEAD_RE.match(line) and line.endswith((")", ");", "),")):
        return True
    return _STATEMENT_END_RE.search(line) is not None and _CODE_SYMBOL_RE.search(line[:-1]) is not None


#: an indented line of more words than this that opens with a capital is a paragraph of a
#: page that indents them, not a program's line
CODE_PROSE_MIN_WORDS = 6


def _reads_as_sentence(line: str) -> bool:
    return line[0].isupper() and line.count(" ") >= CODE_PROSE_MIN_WORDS - 1


#: after a shell or REPL prompt, or inside an SQL statement, a line that does not open
#: with a capital belongs to the sample up to this many words: the program's output
#: ("updating to branch default", "0 files updated, 0 files merged, ..."), the
#: statement's names and expressions ("axis a", "interval '1 minute' * -1"); unless it
#: ends as a sentence that introduces the next sample does (":")
SESSION_LINE_MAX_WORDS = 16
#: the words that open an SQL statement, on a line of their own or before its first clause
_SQL_STATEMENTS = ("SELECT", "INSERT", "UPDATE", "DELETE", "CREATE", "ALTER", "WITH")


def code_runs(text: str, lines: Sequence[_Line]) -> dict[int, int]:
    """Code samples in text without fences, as extractors print a page's ``<pre>``: runs
    of consecutive lines that each read as a program's or fill one (an indented line, a
    closing bracket, a comment), two of them at least reading as code; or a session, a
    prompt's line or an SQL statement and the lines that go with it (``SESSION_LINE_MAX_WORDS``).
    The first line of each run, and the line after its end."""
    runs: dict[int, int] = {}
    number = 0
    while number < len(lines):
        end, statements, session = number, 0, False
        while end < len(lines) and lines[end].text:
            line = lines[end].text
            # the line's own first character is a space: its row is indented
            indented = lines[end].start > 0 and text[lines[end].start - 1] in " \t"
            # Most lines are prose or labels opening with a capital: they end a run at once.
            if line[0].isupper() and not indented and not line.startswith(_SQL_WORDS):
                break
            if _reads_as_code(line):
                statements += 1
            elif not ((indented and not _reads_as_sentence(line)) or _CODE_FILLER_RE.fullmatch(line)
                      or (session and not line[0].isupper() and line.count(" ") < SESSION_LINE_MAX_WORDS
                          and not line.endswith(":"))):
                break
            session = session or line.startswith(_PROMPTS) or line.startswith(_SQL_STATEMENTS)
            end += 1
        if (statements >= 2 or (session and statements)) and end - number >= 2:
            runs[number] = end
            number = end
        else:
            number = max(number + 1, end)
    return runs


def _fence_end(texts: Sequence[str], closers: list[int], opening: int) -> int | None:
    """The line that closes the code fence opened at line ``opening``, if one does:
    the next run of the same mark, at least as long, within ``MAX_FENCED_LINES``."""
    fence = _FENCE_RE.match(texts[opening])
    if fence is None:
        return None
    mark = fence.group(1)
    if mark[0] == "`" and "`" in texts[opening][len(mark):]:
        return None  # inline code ("```x```"), not a fence: its info string has no backtick
    first = bisect.bisect_right(closers, opening)
    for number in closers[first:first + MAX_FENCE_CANDIDATES]:
        if number >= opening + MAX_FENCED_LINES:
            return None
        if texts[number].startswith(mark):
            return number
    return None


def fenced_blocks(texts: Sequence[str]) -> dict[int, int]:
    """The Markdown code blocks among ``texts`` (lines with their spaces stripped): the
    line each opens on, and the line its fence closes on. A fence inside a block is its
    text; a fence that nothing closes opens no block."""
    # the lines that could close a fence: a run of backticks or tildes alone
    closers = [number for number, text in enumerate(texts)
               if text.startswith(("```", "~~~")) and not text.strip(text[0])]
    blocks: dict[int, int] = {}
    number = 0
    while number < len(texts):
        closing = _fence_end(texts, closers, number) if texts[number].startswith(("```", "~~~")) else None
        if closing is None:
            number += 1
        else:
            blocks[number] = closing
            number = closing + 1
    return blocks


def _code_block(text: str, lines: list[_Line], opening: int, closing: int) -> str:
    """The fenced block's lines as written, indentation kept: the code's own layout is
    its meaning. The fence's own indentation (a block inside a list item) is taken off."""
    line_start = text.rfind("\n", 0, lines[opening].start) + 1
    indent = lines[opening].start - line_start
    rows = text[lines[opening].start:lines[closing].end].split("\n")
    return "\n".join([rows[0], *(_dedent(row, indent).rstrip() for row in rows[1:])])


def _dedent(row: str, indent: int) -> str:
    leading = len(row) - len(row.lstrip(" "))
    return row[min(leading, indent):]


def _unfenced_block(text: str, lines: list[_Line], opening: int, end: int) -> str:
    """An unfenced code sample's lines as written, the indentation they share taken off."""
    rows = text[text.rfind("\n", 0, lines[opening].start) + 1:lines[end - 1].end].split("\n")
    indent = min(len(row) - len(row.lstrip()) for row in rows)
    return "\n".join(row[indent:].rstrip() for row in rows)


def segment(text: str) -> list[Block]:
    """Blocks of ``text`` (line breaks must already be unified). A code sample, between
    fences or not, is one block, its lines kept as they are (``is_code_block``)."""
    lines = _lines(text)
    width = wrap_width(lines)
    has_chunks = any(not ln.text for ln in lines[1:-1])
    list_lines = _unwrapped_chunks(lines, width) if width is not None and has_chunks else set()
    blocks: list[Block] = []
    parts: list[str] = []
    hyphens: list[int] = []
    start = end = 0

    def flush() -> None:
        if parts:
            blocks.append(Block(len(blocks), "".join(parts), start, end, tuple(hyphens)))
            parts.clear()
            hyphens.clear()

    previous = ""
    code_until = -1
    code_blocks = fenced_blocks([line.text for line in lines]) if "```" in text or "~~~" in text else {}
    unfenced = code_runs(text, lines)
    for number, line in enumerate(lines):
        if number <= code_until:
            continue
        run_end = unfenced.get(number)
        if run_end is not None and not any(number <= opening < run_end for opening in code_blocks):
            flush()
            blocks.append(Block(len(blocks), _unfenced_block(text, lines, number, run_end), line.start,
                                lines[run_end - 1].end))
            code_until = run_end - 1
            previous = ""
            continue
        closing = code_blocks.get(number)
        if closing is not None:
            flush()
            blocks.append(Block(len(blocks), _code_block(text, lines, number, closing), line.start,
                                lines[closing].end))
            code_until = closing
            previous = ""
            continue
        if not line.text:
            flush()
            previous = ""
            continue
        if (parts and width is not None and number not in list_lines
                and _continues(previous, line.text, width)):
            joined = "".join(parts)
            if joined.endswith("-") and joined[-2:-1].isalpha() and line.text[0].isalpha():
                hyphens.append(len(joined) - 1)
            else:
                parts.append(" ")
        else:
            flush()
            start = line.start
        parts.append(line.text)
        end = line.end
        previous = line.text
    flush()
    return blocks
