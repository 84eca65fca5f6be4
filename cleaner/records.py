"""JSONL records: one JSON object per line, the page text in one field.

Records stream through one at a time, so a file of any size runs in bounded memory.
Every other field is kept as it is; the cleaned text replaces the text field, and with
``stats`` a ``cleaner`` object tells what was removed. A line that is not JSON, not an
object, or whose text field is missing or not a string is reported as a
``RecordError``, never dropped silently and never fatal to the run.
"""

from __future__ import annotations

import gzip
import io
import json
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import IO, Any, BinaryIO

from cleaner.document import CleanResult
from cleaner.io import CleanerError
from cleaner.pipeline import Cleaner

GZIP_MAGIC = b"\x1f\x8b"
_MAX_RAW_IN_ERROR = 500


@dataclass(frozen=True, slots=True)
class RecordError:
    line: int
    error: str
    raw: str

    def to_json(self, source: str) -> str:
        return json.dumps({"input": source, "line": self.line, "error": self.error,
                           "record": self.raw[:_MAX_RAW_IN_ERROR]}, ensure_ascii=False)


def open_records(stream: BinaryIO) -> IO[str]:
    """A text view of a JSONL stream, gunzipped when it starts with the gzip magic."""
    buffered: Any = stream if isinstance(stream, io.BufferedReader) else io.BufferedReader(stream)
    if buffered.peek(2)[:2] == GZIP_MAGIC:
        return io.TextIOWrapper(gzip.GzipFile(fileobj=buffered), encoding="utf-8", errors="strict")
    return io.TextIOWrapper(buffered, encoding="utf-8", errors="strict")


def parse_record(line: str, number: int, text_field: str) -> tuple[dict[str, Any], str] | RecordError:
    """The record and its text, or why the line cannot be cleaned."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return RecordError(number, f"not JSON ({exc.msg} at column {exc.colno})", line)
    except RecursionError:
        return RecordError(number, "not JSON (nested too deeply)", line)
    if not isinstance(record, dict):
        return RecordError(number, f"not a JSON object but {type(record).__name__}", line)
    if text_field not in record:
        return RecordError(number, f"no {text_field!r} field", line)
    text = record[text_field]
    if not isinstance(text, str):
        return RecordError(number, f"{text_field!r} is {type(text).__name__}, not a string", line)
    return record, text


def stats(result: CleanResult, original: str) -> dict[str, Any]:
    return {
        "share_removed": round(1 - len(result.text) / len(original), 4) if original else 0.0,
        "counts": {k: v for k, v in result.reason_counts().items() if k.startswith("chrome:")},
        "repairs": len(result.edits),
    }


def clean_records(cleaner: Cleaner, lines: Iterable[str], text_field: str = "text",
                  with_stats: bool = False,
                  sizes: Callable[[int, int], None] | None = None) -> Iterator[str | RecordError]:
    """Cleaned JSONL lines (without newline), or a ``RecordError`` per bad line.

    ``sizes`` hears the length of each record's text before and after cleaning.
    """
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        parsed = parse_record(line, number, text_field)
        if isinstance(parsed, RecordError):
            yield parsed
            continue
        record, text = parsed
        try:
            result = cleaner.clean_document(text)
        except CleanerError as exc:
            yield RecordError(number, str(exc), line)
            continue
        record[text_field] = result.text
        if sizes is not None:
            sizes(len(text.encode("utf-8")), len(result.text.encode("utf-8")))
        if with_stats:
            record["cleaner"] = stats(result, text)
        yield json.dumps(record, ensure_ascii=False)


def decoded_lines(handle: IO[str], source: str) -> Iterator[str]:
    """Lines of a JSONL text stream; undecodable bytes become a clear error."""
    try:
        yield from handle
    except UnicodeDecodeError as exc:
        raise CleanerError(f"{source}: not valid UTF-8 JSONL ({exc.reason})") from None
    except (OSError, EOFError, zlib.error) as exc:  # a truncated or corrupt gzip stream
        raise CleanerError(f"{source}: cannot read ({exc})") from None
