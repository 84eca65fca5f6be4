"""Cleaning inputs of any size with bounded memory.

A page is cleaned whole; an input larger than a window (a dump of many pages, a 1 GB
file) is cut into windows at blank lines, or else at line ends, and each window is
cleaned on its own. An input smaller than a window is one window, so for ordinary
pages streaming changes nothing. A single line longer than a window stays whole: a
line is the smallest unit the cleaner judges.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from cleaner.document import CleanResult
from cleaner.pipeline import Cleaner

WINDOW_CHARS = 1 << 20


def windows(chunks: Iterable[str], window_chars: int = WINDOW_CHARS) -> Iterator[str]:
    """Text cut into pieces of about ``window_chars``, at paragraph or line ends."""
    buffer = ""
    for chunk in chunks:
        buffer += chunk
        while len(buffer) >= window_chars:
            cut = buffer.find("\n\n", window_chars)
            if cut < 0:
                cut = buffer.find("\n", window_chars)
            if cut < 0:
                break  # the current line is longer than a window: read on until it ends
            yield buffer[: cut + 1]
            buffer = buffer[cut + 1:]
    if buffer:
        yield buffer


def clean_stream(cleaner: Cleaner, chunks: Iterable[str], write: Callable[[str], object],
                 on_result: Callable[[CleanResult], None] | None = None,
                 window_chars: int = WINDOW_CHARS, site: str | None = None) -> int:
    """Clean text arriving in chunks, writing as it goes; returns the characters written.

    Window outputs are joined by a blank line, like the blocks inside them.
    """
    written = 0
    for window in windows(chunks, window_chars):
        result = cleaner.clean_document(window, site)
        if on_result is not None:
            on_result(result)
        if result.text:
            piece = ("\n" if written else "") + result.text
            write(piece)
            written += len(piece)
    return written
