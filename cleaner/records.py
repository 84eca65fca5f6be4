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
from cleaner.io import ZSTD_MAGIC, CleanerError, ZstdReader
from cleaner.pipeline import Cleaner
from cleaner.site import SiteProfile, site_of_url

GZIP_MAGIC = b"\x1f\x8b"
_MAX_RAW_IN_ERROR = 500


@dataclass(frozen=True, slots=True)
class RecordError:
    line: int
    error: str
    raw: str
    #: the record's id (``--id-field``) when the line parsed and has one
    id: Any = None

    def to_json(self, source: str) -> str:
        return json.dumps({"input": source, "line": self.line, "id": self.id, "error": self.error,
                           "record": self.raw[:_MAX_RAW_IN_ERROR]}, ensure_ascii=False)


def open_records(stream: BinaryIO) -> IO[str]:
    """A text view of a JSONL stream, decompressed when it starts with the gzip or the
    zstd magic number (whatever the file is called: stdin has no name)."""
    buffered: Any = stream if isinstance(stream, io.BufferedReader) else io.BufferedReader(stream)
    head = buffered.peek(4)[:4]
    if head[:2] == GZIP_MAGIC:
        return io.TextIOWrapper(gzip.GzipFile(fileobj=buffered), encoding="utf-8", errors="strict")
    if head == ZSTD_MAGIC:
        return io.TextIOWrapper(io.BufferedReader(ZstdReader(buffered)), encoding="utf-8", errors="strict")
    return io.TextIOWrapper(buffered, encoding="utf-8", errors="strict")


def parse_record(line: str, number: int, text_field: str,
                 id_field: str | None = None) -> tuple[dict[str, Any], str] | RecordError:
    """The record and its text, or why the line cannot be cleaned."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return RecordError(number, f"not JSON ({exc.msg} at column {exc.colno})", line)
    except RecursionError:
        return RecordError(number, "not JSON (nested too deeply)", line)
    except ValueError:  # Python refuses integers of more than 4,300 digits
        return RecordError(number, "not JSON (a number too long to read)", line)
    if not isinstance(record, dict):
        return RecordError(number, f"not a JSON object but {type(record).__name__}", line)
    record_id = record.get(id_field) if id_field else None
    if text_field not in record:
        return RecordError(number, f"no {text_field!r} field", line, record_id)
    text = record[text_field]
    if not isinstance(text, str):
        return RecordError(number, f"{text_field!r} is {type(text).__name__}, not a string", line, record_id)
    return record, text


def site_from_field(url_field: str) -> Callable[[dict[str, Any]], str | None]:
    """The site of a record: the host of its URL field."""

    def site_of(record: dict[str, Any]) -> str | None:
        url = record.get(url_field)
        return site_of_url(url) if isinstance(url, str) else None

    return site_of


def learn_records(profile: SiteProfile, cleaner: Cleaner, lines: Iterable[str], text_field: str,
                  site_of: Callable[[dict[str, Any]], str | None]) -> None:
    """Count the lines of every record that has a site; bad records are skipped here
    (the cleaning pass reports them)."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        parsed = parse_record(line, number, text_field)
        if isinstance(parsed, RecordError):
            continue
        record, text = parsed
        site = site_of(record)
        if site is not None:
            profile.add_page(site, cleaner.page_lines(text))


def stats(result: CleanResult, original: str) -> dict[str, Any]:
    return {
        "share_removed": round(1 - len(result.text) / len(original), 4) if original else 0.0,
        "counts": {k: v for k, v in result.reason_counts().items() if k.startswith("chrome:")},
        "repairs": len(result.edits),
    }


def clean_records(cleaner: Cleaner, lines: Iterable[str], text_field: str = "text",
                  with_stats: bool = False,
                  sizes: Callable[[int, int], None] | None = None,
                  site_of: Callable[[dict[str, Any]], str | None] | None = None,
                  id_field: str | None = None) -> Iterator[str | RecordError]:
    """Cleaned JSONL lines (without newline), or a ``RecordError`` per bad line.

    ``sizes`` hears the length of each record's text before and after cleaning;
    ``site_of`` names the record's site for the cleaner's ``SiteProfile``.
    """
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        parsed = parse_record(line, number, text_field, id_field)
        if isinstance(parsed, RecordError):
            yield parsed
            continue
        record, text = parsed
        try:
            result = cleaner.clean_document(text, site_of(record) if site_of is not None else None)
        except CleanerError as exc:
            yield RecordError(number, str(exc), line, record.get(id_field) if id_field else None)
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
    except (OSError, EOFError, zlib.error) as exc:  # a truncated or corrupt gzip or zstd stream
        raise CleanerError(f"{source}: cannot read ({exc})") from None
