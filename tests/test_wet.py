"""Common Crawl WET files: built here with warcio, cleaned by batch into JSONL."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from warcio.warcwriter import WARCWriter

from tests.conftest import SAMPLES, run_cli

PAGES = {
    "https://news.example/wetlands": (SAMPLES / "news_donation.txt").read_text(encoding="utf-8"),
    "https://blog.example/rewrites": (SAMPLES / "blog_cookie_comments.txt").read_text(encoding="utf-8"),
}


def _wet(path: Path) -> None:
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        info = writer.create_warcinfo_record(path.name, {"software": "tests"})
        writer.write_record(info)
        for url, text in PAGES.items():
            record = writer.create_warc_record(url, "conversion", payload=io.BytesIO(text.encode("utf-8")),
                                               warc_headers_dict={"Content-Type": "text/plain"})
            writer.write_record(record)


def test_wet_file_becomes_clean_jsonl(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    _wet(source / "CC-MAIN-test-00000.warc.wet.gz")
    out = tmp_path / "out"
    result = run_cli("batch", str(source), str(out), "--stats")
    assert result.returncode == 0, result.stderr
    lines = gzip.decompress((out / "CC-MAIN-test-00000.jsonl.gz").read_bytes()).decode("utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["url"] for r in records] == list(PAGES)
    assert all(r["id"].startswith("<urn:uuid:") and r["date"] for r in records)
    expected = (SAMPLES / "news_donation.expected.txt").read_text(encoding="utf-8")
    assert records[0]["text"] == expected
    assert records[1]["text"] == (SAMPLES / "blog_cookie_comments.expected.txt").read_text(encoding="utf-8")
    assert records[0]["cleaner"]["counts"]["chrome:donation"] == 1


def test_broken_wet_file_is_reported(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    (source / "broken.warc.wet").write_bytes(b"this is no archive at all\n" * 20)
    result = run_cli("batch", str(source), str(tmp_path / "out"))
    assert result.returncode == 1
    assert b"not a WARC/WET file" in result.stderr and b"Traceback" not in result.stderr
    assert not (tmp_path / "out" / "broken.jsonl").exists()
