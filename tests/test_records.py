"""JSONL records: plain, gzip and zstd, stdin and batch, bad records reported, not dropped
silently."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path
from typing import Any

import pytest

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


def test_a_number_too_long_for_python_is_a_bad_record_not_a_crash() -> None:
    # Found by fuzzing: json.loads raises a plain ValueError past 4,300 digits.
    data = _lines(GOOD, tail='{"id": ' + "4" * 5000 + ', "text": "x"}\n')
    result = run_cli("--format", "jsonl", input_bytes=data)
    assert result.returncode == 1
    stderr = result.stderr.decode("utf-8")
    assert "<stdin>:2: not JSON (a number too long to read)" in stderr and "Traceback" not in stderr
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


def _zstd(data: bytes, frames: int = 1) -> bytes:
    import zstandard

    # A file of several frames, as parallel compressors and `cat a.zst b.zst` write.
    cut = len(data) // frames
    pieces = [data[i * cut:(i + 1) * cut if i < frames - 1 else len(data)] for i in range(frames)]
    return b"".join(zstandard.ZstdCompressor().compress(piece) for piece in pieces)


def _unzstd(data: bytes) -> bytes:
    import zstandard

    return zstandard.ZstdDecompressor().stream_reader(data, read_across_frames=True).read()


def test_zstd_records_through_stdin_and_into_a_zstd_file(tmp_path: Path) -> None:
    result = run_cli("--format", "jsonl", input_bytes=_zstd(_lines(GOOD, dict(GOOD, id="a2")), frames=2))
    assert result.returncode == 0, result.stderr
    assert [json.loads(line)["text"] for line in result.stdout.decode("utf-8").splitlines()] == [EXPECTED] * 2
    target = tmp_path / "out.jsonl.zst"
    result = run_cli("--format", "jsonl", "-o", str(target), input_bytes=_lines(GOOD))
    assert result.returncode == 0, result.stderr
    assert json.loads(_unzstd(target.read_bytes()))["text"] == EXPECTED


def test_batch_cleans_zstd_jsonl_into_zstd(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    (source / "packed.jsonl.zst").write_bytes(_zstd(_lines(GOOD, GOOD)))
    out = tmp_path / "out"
    result = run_cli("batch", str(source), str(out), "--site-key", "none")
    assert result.returncode == 0, result.stderr
    packed = _unzstd((out / "packed.jsonl.zst").read_bytes()).decode("utf-8").splitlines()
    assert [json.loads(line)["text"] for line in packed] == [EXPECTED, EXPECTED]


def test_corrupt_zstd_is_one_clear_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.jsonl.zst"
    broken.write_bytes(_zstd(_lines(GOOD))[:-9] + b"not zstd!")
    result = run_cli("--format", "jsonl", str(broken))
    assert result.returncode == 1
    stderr = result.stderr.decode("utf-8").strip()
    assert stderr.startswith("cleaner: error:") and "zstd" in stderr
    assert "Traceback" not in stderr


def test_zstd_without_the_zstandard_package_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    from cleaner.io import CleanerError, ZstdReader

    real_import = builtins.__import__

    def no_zstandard(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "zstandard":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_zstandard)
    with pytest.raises(CleanerError, match=r"pip install 'cleaner\[zstd\]'"):
        ZstdReader(io.BytesIO(_lines(GOOD)))
