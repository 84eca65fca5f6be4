"""atheris fuzz target: bytes as a JSONL stream (maybe gzip) through the record reader.

    python fuzz/fuzz_records.py -max_total_time=60

A ``RecordError`` or ``CleanerError`` is the documented outcome for bad input;
anything else is a crash.
"""

from __future__ import annotations

import io
import sys

import atheris

with atheris.instrument_imports():
    from cleaner import Cleaner
    from cleaner.io import CleanerError
    from cleaner.records import clean_records, decoded_lines, open_records

CLEANER = Cleaner()


def test_one_input(data: bytes) -> None:
    try:
        lines = decoded_lines(open_records(io.BytesIO(data)), "<fuzz>")
        for _ in clean_records(CLEANER, lines, with_stats=True):
            pass
    except CleanerError:
        return


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
