"""Dask: bags, dataframes and ``cleaner batch --scheduler`` on a real two-process cluster.

Every result must equal the single-process result byte for byte, site chrome learned
per partition and merged included.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from cleaner import Cleaner
from cleaner.site import SiteProfile
from tests.sitecorpus import build_corpus, template_lines, write_corpus

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")
import dask.bag as db  # noqa: E402
import dask.dataframe as dd  # noqa: E402
import pandas as pd  # noqa: E402

from cleaner.dask import clean_bag, clean_dataframe, learn_bag  # noqa: E402

PAGES = build_corpus()
RECORDS = [{"url": f"https://{page.site}.example/{i}", "id": i, "text": page.text}
           for i, page in enumerate(PAGES)]


@pytest.fixture(scope="module")
def cluster() -> Iterator[distributed.Client]:
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                  dashboard_address=None) as local, distributed.Client(local) as client:
        yield client


def _local_profile(mode: str = "recall") -> SiteProfile:
    cleaner = Cleaner(mode=mode)
    profile = SiteProfile()
    for record in RECORDS:
        profile.add_page(f"{record['url'].split('/')[2]}", cleaner.page_lines(record["text"]))
    return profile


def test_bag_of_records_equals_single_process(cluster: distributed.Client) -> None:
    bag = db.from_sequence(RECORDS, npartitions=7)
    profile = learn_bag(bag, mode="recall").compute(scheduler=cluster.get)
    assert profile == _local_profile()
    cleaned = clean_bag(bag, learn_sites=True, mode="recall", with_stats=True).compute(scheduler=cluster.get)
    single = Cleaner(mode="recall", profile=_local_profile())
    assert [r["text"] for r in cleaned] == [single.clean(r["text"], r["url"].split("/")[2]) for r in RECORDS]
    assert [r["id"] for r in cleaned] == [r["id"] for r in RECORDS]
    for record, page in zip(cleaned, PAGES, strict=True):
        assert not [line for line in template_lines(page.site) if line in record["text"].splitlines()]
        assert "chrome:site-repeat" in record["cleaner"]["counts"]


def test_bag_of_strings_and_bad_records(cluster: distributed.Client) -> None:
    texts = [page.text for page in PAGES[:6]]
    cleaned = clean_bag(db.from_sequence(texts, npartitions=3)).compute(scheduler=cluster.get)
    assert cleaned == [Cleaner().clean(text) for text in texts]
    bad = clean_bag(db.from_sequence([{"url": "x"}, {"text": 3}], npartitions=1)).compute(
        scheduler=cluster.get)
    assert bad[0]["cleaner"]["error"] == "no 'text' field"
    assert "not a string" in bad[1]["cleaner"]["error"]


def test_dataframe_equals_single_process(cluster: distributed.Client) -> None:
    frame = pd.DataFrame(RECORDS)
    frame.loc[3, "text"] = None
    df = dd.from_pandas(frame, npartitions=5)
    cleaned = clean_dataframe(df, "text", learn_sites=True, mode="recall").compute(scheduler=cluster.get)
    profile = SiteProfile()
    single = Cleaner(mode="recall")
    for i, record in enumerate(RECORDS):
        if i != 3:
            profile.add_page(record["url"].split("/")[2], single.page_lines(record["text"]))
    single = single.with_profile(profile)
    expected = [single.clean(r["text"], r["url"].split("/")[2]) for i, r in enumerate(RECORDS) if i != 3]
    assert [text for i, text in enumerate(cleaned["text"]) if i != 3] == expected
    assert cleaned["text"].isna().tolist() == [i == 3 for i in range(len(RECORDS))]
    assert list(cleaned["id"]) == list(frame["id"])


def test_batch_on_a_scheduler_equals_local_batch(cluster: distributed.Client, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus, PAGES[::2])
    with (corpus / "records.jsonl").open("w") as out:
        out.writelines(json.dumps(record) + "\n" for record in RECORDS[1::2])
    address = cluster.scheduler.address

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "cleaner", "batch", *args], capture_output=True,
                              text=True, timeout=300)

    on_cluster = run(str(corpus), str(tmp_path / "a"), "--scheduler", address, "--mode", "recall")
    local = run(str(corpus), str(tmp_path / "b"), "--jobs", "1", "--mode", "recall")
    assert on_cluster.returncode == 0, on_cluster.stderr
    assert local.returncode == 0, local.stderr
    outputs = sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*") if p.is_file())
    assert len(outputs) == len(PAGES[::2]) + 1
    for relative in outputs:
        assert (tmp_path / "a" / relative).read_bytes() == (tmp_path / "b" / relative).read_bytes()
    unreachable = run(str(corpus), str(tmp_path / "c"), "--scheduler", "tcp://127.0.0.1:9")
    assert unreachable.returncode != 0
    assert "Traceback" not in unreachable.stderr
    assert "scheduler" in unreachable.stderr
