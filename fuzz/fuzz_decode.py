"""atheris fuzz target: raw bytes through the input reader and the cleaner.

    python fuzz/fuzz_decode.py -max_total_time=60

Bytes are decoded as a file would be (BOMs, UTF-16 sniffing, binary refusal); a
``CleanerError`` is the documented refusal, anything else is a crash.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from cleaner import clean_document
    from cleaner.io import CleanerError, decode


def test_one_input(data: bytes) -> None:
    try:
        text = decode(data, "<fuzz>")
    except CleanerError:
        return
    clean_document(text)


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
