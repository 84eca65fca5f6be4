"""JSONL records: plain and gzip, stdin and batch, bad records reported, not dropped silently."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from tests.conftest import SAMPLES, run_cli

PAGE = (SAMPLES / "news_donation.txt").read_text(encoding="utf-8")
EXPECTED = (SAMPLES / "news_donation.expected.txt").read_text(encoding="utf-8")
GOOD = {"id": "a1", "url": "https://news.example/a1", "date": "2023-03-14", "text": PAGE, "lang": "en"}


def _lines(*records: object, tail: str = "") -> bytes:
    return ("".join(json.dumps(r) + "\n" for r in records) + tail).encode("utf-8")


def test_jsonl_through_stdin_keeps_other_fields() -> None:
    result = run_cli("--format", "jsonl", input_bytes=_lines(GOOD, dict(GOOD, id="a2")))
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    assert [r["id"] for r in records] == ["a1", "a2"]
    for record in records:
        assert record["text"] == EXPECTED
        assert {k: v for k, v in record.items() if k not in ("text", "id")} == \
            {k: v for k, v in GOOD.items() if k not in ("text", "id")}


def test_gzip_input_and_stats() -> None:
    result = run_cli("--format", "jsonl", "--stats", input_bytes=gzip.compress(_lines(GOOD)))
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert 0.2 < record["cleaner"]["share_removed"] < 0.9
    assert record["cleaner"]["counts"]["chrome:donation"] == 1


def test_text_field_option() -> None:
    record = {"body": PAGE, "text": "not this one"}
    result = run_cli("--format", "jsonl", "--text-field", "body", input_bytes=_lines(record))
    out = json.loads(result.stdout)
    assert out["body"] == EXPECTED and out["text"] == "not this one"


def test_bad_records_are_reported_with_their_line() -> None:
    data = _lines(GOOD, [1, 2, 3], {"id": "n", "text": 42}, {"id": "missing"},
                  tail='{"id": "cut", "text": "tru')
    result = run_cli("--format", "jsonl", input_bytes=data)
    assert result.returncode == 1
    stderr = result.stderr.decode("utf-8")
    assert "<stdin>:2: not a JSON object but list" in stderr
    assert "<stdin>:3: 'text' is int, not a string" in stderr
    assert "<stdin>:4: no 'text' field" in stderr
    assert "<stdin>:5: not JSON" in stderr
    assert "Traceback" not in stderr
    assert [json.loads(line)["id"] for line in result.stdout.decode("utf-8").splitlines()] == ["a1"]


def test_batch_cleans_jsonl_files_and_logs_errors(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    (source / "plain.jsonl").write_bytes(_lines(GOOD, {"id": "bad", "text": None}))
    (source / "packed.jsonl.gz").write_bytes(gzip.compress(_lines(GOOD, GOOD)))
    out = tmp_path / "out"
    result = run_cli("batch", str(source), str(out), "--id-field", "id")
    assert result.returncode == 1  # one bad record
    plain = [json.loads(line) for line in (out / "plain.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["text"] for r in plain] == [EXPECTED]
    packed = gzip.decompress((out / "packed.jsonl.gz").read_bytes()).decode("utf-8").splitlines()
    assert [json.loads(line)["text"] for line in packed] == [EXPECTED, EXPECTED]
    log_text = (out / "cleaner-errors.jsonl").read_text(encoding="utf-8")
    log = [json.loads(line) for line in log_text.splitlines()]
    assert log == [{"input": "plain.jsonl", "line": 2, "id": "bad",
                    "error": "'text' is NoneType, not a string", "record": '{"id": "bad", "text": null}\n'}]


def test_corrupt_gzip_is_one_clear_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.jsonl.gz"
    broken.write_bytes(gzip.compress(_lines(GOOD))[:40])
    result = run_cli("--format", "jsonl", str(broken))
    assert result.returncode == 1
    assert result.stderr.decode("utf-8").strip().startswith("cleaner: error:")
    assert b"Traceback" not in result.stderr
