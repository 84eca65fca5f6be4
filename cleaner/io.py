"""Reading inputs safely and writing outputs atomically.

Inputs are only ever opened for reading. Outputs go to a temporary file in the
target folder and are renamed over the target once complete, so a reader sees the
old file or the new one, never half of one.
"""

from __future__ import annotations

import codecs
import contextlib
import gzip
import io
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, TextIO

#: exit codes, documented in the README
EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"

#: magic numbers of formats people feed by mistake
_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", "a PNG image"),
    (b"%PDF", "a PDF document"),
    (b"\x7fELF", "an ELF executable"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (ZSTD_MAGIC, "zstd-compressed data"),
    (b"BZh", "bzip2-compressed data"),
    (b"RIFF", "a RIFF (WebP/WAV/AVI) file"),
    (b"\x00\x00\x01\x00", "an icon file"),
)


class CleanerError(Exception):
    """An error with a message fit for the user; the CLI prints it on one line."""

    def __init__(self, message: str, exit_code: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def sniff(head: bytes, name: str, encoding: str = "utf-8") -> tuple[str, int]:
    """The encoding to read with and the BOM length to skip, from the first bytes.

    Binary data is refused here, by magic number or by NUL bytes.
    """
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8", len(codecs.BOM_UTF8)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16", 0
    for magic, kind in _BINARY_MAGIC:
        if head.startswith(magic):
            raise CleanerError(f"{name}: binary input ({kind}), expected text or HTML")
    sample = head[:8192]
    if encoding.replace("-", "").lower() == "utf8" and b"\x00" in sample:
        encoding = _utf16_without_bom(sample) or encoding
        # A few stray NULs in text are damage (normalisation drops them); many are binary.
        if encoding == "utf-8" and sample.count(0) > max(4, len(sample) // 100):
            raise CleanerError(f"{name}: binary input (NUL bytes), expected text or HTML")
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise CleanerError(f"unknown encoding {encoding!r}", exit_code=EXIT_USAGE) from None
    return encoding, 0


def _bad_bytes(name: str, encoding: str, offset: int) -> CleanerError:
    return CleanerError(
        f"{name}: not valid {encoding} (bad byte at offset {offset}); "
        "pass --encoding cp1252 (or the right one) if the file uses another encoding"
    )


def decode(data: bytes, name: str, encoding: str = "utf-8") -> str:
    """Bytes to text: BOMs are honoured, binary data and bad bytes are refused."""
    encoding, skip = sniff(data[:8192], name, encoding)
    try:
        return data[skip:].decode(encoding)
    except UnicodeDecodeError as exc:
        raise _bad_bytes(name, encoding, exc.start + skip) from None


def read_chunks(stream: BinaryIO, name: str, encoding: str = "utf-8",
                chunk_size: int = 1 << 20) -> Iterator[str]:
    """Text of a byte stream, decoded piece by piece: memory stays bounded."""
    head = stream.read(chunk_size)
    encoding, skip = sniff(head[:8192], name, encoding)
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    data = head[skip:]
    consumed = skip
    while True:
        final = not data
        try:
            text = decoder.decode(data, final=final)
        except UnicodeDecodeError as exc:
            raise _bad_bytes(name, encoding, consumed + exc.start) from None
        consumed += len(data)
        if text:
            yield text
        if final:
            return
        data = stream.read(chunk_size)


def empty_input(name: str) -> CleanerError:
    """A page with no bytes at all: a fetch that failed upstream, or the wrong file."""
    return CleanerError(f"{name}: empty input, nothing to clean")


def nonempty(text: str, name: str) -> str:
    """``text`` itself; raises ``empty_input`` when there is none."""
    if not text:
        raise empty_input(name)
    return text


def refuse_empty(chunks: Iterable[str], name: str) -> Iterator[str]:
    """The chunks of one page, passed on; raises ``empty_input`` if there were none."""
    empty = True
    for chunk in chunks:
        empty = False
        yield chunk
    if empty:
        raise empty_input(name)


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 text without a BOM: mostly ASCII, so every other byte is NUL."""
    sample = head[: len(head) // 2 * 2]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def open_input(path: str) -> BinaryIO:
    """A byte stream of a file, or of stdin for ``-``; clear errors for the rest."""
    if path == "-":
        return sys.stdin.buffer
    try:
        if Path(path).is_dir():
            raise IsADirectoryError(path)
        return open(path, "rb")
    except FileNotFoundError:
        raise CleanerError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise CleanerError(f"{path}: is a directory (use `cleaner batch` for folders)") from None
    except PermissionError:
        raise CleanerError(f"{path}: permission denied") from None
    except OSError as exc:
        raise CleanerError(f"{path}: cannot read ({exc.strerror or exc})") from None


@contextlib.contextmanager
def output_handle(path: str) -> Iterator[TextIO]:
    """stdout for ``-``, else a file that appears complete or not at all."""
    if path == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    try:
        with atomic_writer(Path(path)) as handle:
            yield handle
    except OSError as exc:
        raise CleanerError(f"{path}: cannot write ({exc.strerror or exc})") from None


def read_text(path: str, encoding: str = "utf-8") -> str:
    """Text of a file, or of stdin for ``-``."""
    stream = open_input(path)
    try:
        data = stream.read()
    except OSError as exc:
        raise CleanerError(f"{path}: cannot read ({exc.strerror or exc})") from None
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()
    return decode(data, "<stdin>" if path == "-" else path, encoding)


#: zstd level for outputs: zstd's own default, faster than gzip and about as small
ZSTD_LEVEL = 3


def zstandard_module() -> Any:
    """The ``zstandard`` package, imported on first use of a ``.zst`` stream."""
    try:
        import zstandard
    except ImportError:
        raise CleanerError("zstd-compressed data needs the zstandard package: "
                           "pip install 'cleaner[zstd]'") from None
    return zstandard


class ZstdReader(io.RawIOBase):
    """A zstd-decompressing view of a binary stream (every frame of a multi-frame file),
    whose corrupt data raises ``OSError`` as gzip's does."""

    def __init__(self, stream: BinaryIO) -> None:
        zstandard = zstandard_module()
        self._error = zstandard.ZstdError
        self._reader = zstandard.ZstdDecompressor().stream_reader(stream, read_across_frames=True)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        try:
            return int(self._reader.readinto(buffer))
        except self._error as exc:
            raise OSError(f"corrupt zstd data ({exc})") from None

    def close(self) -> None:
        self._reader.close()
        super().close()


@contextlib.contextmanager
def atomic_writer(path: Path) -> Iterator[TextIO]:
    """A text handle whose file appears at ``path`` complete, or not at all.

    A path ending in ``.gz`` gets gzip-compressed text, one ending in ``.zst`` zstd.
    """
    # Before any file exists: a missing zstandard package leaves nothing behind.
    compressor = zstandard_module().ZstdCompressor(level=ZSTD_LEVEL) if path.suffix == ".zst" else None
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        # mkstemp creates 0600; the finished file gets what open() would have given it.
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)
        if path.suffix == ".gz":
            with os.fdopen(fd, "wb") as raw:
                with gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as packed, \
                        io.TextIOWrapper(packed, encoding="utf-8", newline="\n") as handle:
                    yield handle
                raw.flush()
                os.fsync(raw.fileno())
        elif compressor is not None:
            with os.fdopen(fd, "wb") as raw:
                # Closing the text handle closes the compressor's writer, which ends the frame.
                with io.TextIOWrapper(compressor.stream_writer(raw, closefd=False), encoding="utf-8",
                                      newline="\n") as handle:
                    yield handle
                raw.flush()
                os.fsync(raw.fileno())
        else:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                yield handle
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise


def atomic_write(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that the file is either complete or untouched."""
    with atomic_writer(path) as handle:
        handle.write(text)


def write_output(path: str, text: str) -> None:
    """Write to a file atomically, or to stdout for ``-``."""
    if path == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    try:
        atomic_write(Path(path), text)
    except OSError as exc:
        raise CleanerError(f"{path}: cannot write ({exc.strerror or exc})") from None
