"""Common Crawl WET files: one ``conversion`` record per page, read with warcio.

Each page becomes a JSONL record with its URL, date, record id and cleaned text, so a
WET file goes through the same record path as JSONL (bad records reported, never
fatal). warcio is an optional dependency (``pip install cleaner[wet]``).
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from cleaner.io import CleanerError

WET_SUFFIXES = (".warc.wet.gz", ".warc.wet", ".wet.gz", ".wet")


def is_wet_file(name: str) -> bool:
    return name.endswith(WET_SUFFIXES)


def output_name(name: str) -> str:
    """``CC-MAIN-....warc.wet.gz`` -> ``CC-MAIN-....jsonl.gz`` (plain stays plain)."""
    for suffix in WET_SUFFIXES:
        if name.endswith(suffix):
            return name[: -len(suffix)] + (".jsonl.gz" if suffix.endswith(".gz") else ".jsonl")
    return name + ".jsonl"


def _starts_as_warc(stream: BinaryIO) -> bool:
    """Look at the first record header (through gzip when compressed), then rewind.

    warcio reads almost anything as some kind of record; a file that does not begin
    with a WARC header is refused instead of yielding nonsense.
    """
    head = stream.read(2)
    stream.seek(0)
    if head == b"\x1f\x8b":
        try:
            with gzip.GzipFile(fileobj=stream) as packed:
                head = packed.read(5)
        except (OSError, EOFError, zlib.error):
            head = b""
        stream.seek(0)
    else:
        head = stream.read(5)
        stream.seek(0)
    return head.startswith(b"WARC/")


def wet_records(stream: BinaryIO, source: str) -> Iterator[dict[str, Any]]:
    """The text records of a WET stream (gzip or plain) as dicts: url, date, id, text."""
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        raise CleanerError("reading WET files needs warcio: pip install 'cleaner[wet]'") from None
    if not _starts_as_warc(stream):
        raise CleanerError(f"{source}: not a WARC/WET file (no WARC/1.x header)")
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type != "conversion":
                continue
            headers = record.rec_headers
            body = record.content_stream().read()
            yield {
                "url": headers.get_header("WARC-Target-URI"),
                "date": headers.get_header("WARC-Date"),
                "id": headers.get_header("WARC-Record-ID"),
                "text": body.decode("utf-8", errors="replace"),
            }
    except CleanerError:
        raise
    except Exception as exc:  # warcio raises plain exceptions for broken archives
        raise CleanerError(f"{source}: not a readable WET file ({type(exc).__name__}: {exc})") from None
