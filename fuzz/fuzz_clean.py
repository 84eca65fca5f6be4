"""atheris fuzz target: any text through ``clean_document`` (and HTML through its reader),
in every mode.

    python fuzz/fuzz_clean.py -max_total_time=60

Any exception is a crash: the library must clean whatever text it gets.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from cleaner import clean_document


def test_one_input(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    as_html = provider.ConsumeBool()
    # Every mode: recall mode reads an HTML page twice (its extraction and its rendering).
    mode = provider.PickValueInList(["precision", "balanced", "recall"])
    text = provider.ConsumeUnicodeNoSurrogates(provider.remaining_bytes())
    result = clean_document(text, input_format="html" if as_html else "auto", mode=mode)
    if not isinstance(result.text, str) or len(result.blocks) != len(result.verdicts):
        raise AssertionError("malformed result")


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
