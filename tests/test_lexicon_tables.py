"""The compact word tables: every way of building one gives the same lookups."""

from __future__ import annotations

import gzip
import random
from importlib import resources

from cleaner.lexicon import CompactTable, _read_bigrams


def _two_decimals(rng: random.Random, count: int) -> list[str]:
    # Every value the shipped tables hold has two decimals; all of -9.99 .. 0.00 occur.
    values = [f"{-i / 100:.2f}" for i in range(1000)]
    return values + [rng.choice(values) for _ in range(count - len(values))]


def test_columns_build_the_same_table_as_items() -> None:
    rng = random.Random(5)
    keys = [f"w{i} x{rng.randrange(10**6)}" for i in range(5000)]
    values = _two_decimals(rng, len(keys))
    from_items = CompactTable(zip(keys, map(float, values), strict=True))
    from_columns = CompactTable.from_columns(keys, values)
    assert len(from_columns) == len(from_items) == len(set(keys))
    for key in keys:
        assert from_columns.get(key) == from_items.get(key)
    assert from_columns.get("not in it") is None and "not in it" not in from_columns


def test_first_of_equal_keys_wins_in_both_builds() -> None:
    keys, values = ["a b", "c d", "a b"], ["-1.00", "-2.50", "-3.00"]
    assert CompactTable.from_columns(keys, values).get("a b") == -1.0
    assert CompactTable(zip(keys, map(float, values), strict=True)).get("a b") == -1.0


def test_buckets_build_the_same_table_as_items() -> None:
    buckets = [(-1.0, ["the", "of"]), (-6.0, ["rare", "words"]), (-8.5, ["rarer", "the"])]
    items = [(key, value) for value, keys in buckets for key in keys]
    for head_min in (float("inf"), -6.5):
        from_items = CompactTable(items, head_min=head_min)
        from_buckets = CompactTable.from_buckets(buckets, head_min=head_min)
        assert len(from_buckets) == len(from_items)
        for key, _ in items:
            assert from_buckets.get(key) == from_items.get(key)
            assert from_buckets.get_head(key) == from_items.get_head(key)


def test_shipped_bigrams_read_as_row_by_row() -> None:
    resource = resources.files("cleaner").joinpath("data/bigrams_en.tsv.gz")
    with resource.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as handle:
        rows = [line.rstrip("\n").partition("\t") for line in handle]
    expected = CompactTable((pair, float(value)) for pair, _, value in rows)
    table = _read_bigrams("en")
    assert len(table) == len(expected) > 100_000
    for pair, _, _ in rows[::97]:
        assert table.get(pair) == expected.get(pair)
