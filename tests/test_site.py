"""Site chrome learned from the corpus (``SiteProfile``, ``cleaner learn``, ``--profile``)."""

from __future__ import annotations

import gzip
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from cleaner import Cleaner
from cleaner.io import CleanerError
from cleaner.site import REASON, SiteProfile, line_key
from tests.sitecorpus import QUOTED, build_corpus, template_lines, write_corpus

PAGES = build_corpus()


def _learn(cleaner: Cleaner, pages: list) -> SiteProfile:  # type: ignore[type-arg]
    profile = SiteProfile()
    for page in pages:
        profile.add_page(page.site, cleaner.page_lines(page.text))
    return profile


def _cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "cleaner", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=300)


def test_line_key_folds_case_digits_punctuation_and_space() -> None:
    assert line_key("  Weather: 14°C ") == line_key("weather 3°c")
    assert line_key("© 2024 Harbour Times.") == line_key("—  1999, harbour   times!")
    assert line_key("Home") != line_key("Homes")


def test_profile_is_order_independent_and_merges_by_adding_counts() -> None:
    cleaner = Cleaner()
    whole = _learn(cleaner, PAGES)
    shuffled = PAGES[:]
    random.Random(3).shuffle(shuffled)
    halves = [_learn(cleaner, shuffled[: len(shuffled) // 2]), _learn(cleaner, shuffled[len(shuffled) // 2:])]
    assert SiteProfile.merged(halves) == whole
    assert SiteProfile.merged(reversed(halves)) == whole
    assert whole.pages == {"harbourtimes": 20, "fieldnotes": 20, "valleyledger": 20}
    assert whole != _learn(cleaner, PAGES[:-1])


def test_profile_round_trips_through_json_and_gzip(tmp_path: Path) -> None:
    profile = _learn(Cleaner(), PAGES)
    plain, packed = tmp_path / "p.json", tmp_path / "p.json.gz"
    plain.write_text(profile.to_json())
    packed.write_bytes(gzip.compress(profile.to_json().encode()))
    assert SiteProfile.load(plain) == profile
    assert SiteProfile.load(packed) == profile


@pytest.mark.parametrize("content", ['{"format": "something else"}', "not json", '{"format": '
                         '"cleaner-site-profile", "version": 1, "sites": {"a": {"pages": "x"}}}'])
def test_damaged_profile_is_a_clear_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "p.json"
    path.write_text(content)
    with pytest.raises(CleanerError, match="profile"):
        SiteProfile.load(path)


@pytest.mark.parametrize("mode", ["precision", "balanced", "recall"])
def test_template_lines_go_and_no_article_line_is_lost(mode: str) -> None:
    plain = Cleaner(mode=mode)
    with_profile = plain.with_profile(_learn(plain, PAGES))
    survivors_without_profile = 0
    for page in PAGES:
        before = plain.clean_document(page.text, page.site)
        after = with_profile.clean_document(page.text, page.site)
        kept_before, kept_after = set(before.text.splitlines()), set(after.text.splitlines())
        assert not [line for line in template_lines(page.site) if line in kept_after], page.name
        survivors_without_profile += sum(line in kept_before for line in template_lines(page.site))
        # The body (paragraphs, the quoted sentence, the shared section heading) stays whole ...
        body = page.article[3:]
        assert [line for line in body if line not in kept_after] == [], (page.site, page.name)
        # ... and whatever of the article head the page rules kept, the profile keeps too.
        assert {line for line in page.article if line in kept_before} <= kept_after
        site_removed = {b.text for b, v in zip(after.blocks, after.verdicts, strict=True)
                        if v.reason == REASON}
        assert not site_removed & set(page.article)
    # Without the corpus statistics some template lines do survive: the profile is what removes them.
    assert survivors_without_profile > 0


def test_quoted_sentence_bylines_and_headings_are_protected() -> None:
    cleaner = Cleaner(mode="recall")
    profile = _learn(cleaner, PAGES)
    for page in PAGES:
        flags = profile.site_chrome(page.site, cleaner.page_lines(page.text))
        flagged = {text for text, flag in zip(cleaner.page_lines(page.text), flags, strict=True) if flag}
        assert QUOTED not in flagged
        assert not {line for line in page.article if line.startswith("By ")} & flagged
        assert not {"Introduction", "Background", "What happens next"} & flagged


def test_small_sites_and_unknown_sites_are_left_alone() -> None:
    cleaner = Cleaner(mode="recall")
    few = [p for p in PAGES if p.site == "harbourtimes"][:4]
    profile = _learn(cleaner, few)
    lines = cleaner.page_lines(few[0].text)
    assert not any(profile.site_chrome("harbourtimes", lines))
    assert not any(_learn(cleaner, PAGES).site_chrome("elsewhere.example", lines))


def test_learn_then_batch_with_profile_equals_batch_that_learns(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus, PAGES)
    learned = _cli("learn", str(corpus), "-o", str(tmp_path / "profile.json"), "--jobs", "2")
    assert learned.returncode == 0, learned.stderr
    assert "60 pages of 3 site(s)" in learned.stderr
    assert SiteProfile.load(tmp_path / "profile.json") == _learn(Cleaner(), PAGES)
    with_profile = _cli("batch", str(corpus), str(tmp_path / "a"), "--profile",
                        str(tmp_path / "profile.json"), "--mode", "recall", "--jobs", "1")
    self_learning = _cli("batch", str(corpus), str(tmp_path / "b"), "--mode", "recall", "--jobs", "2")
    no_sites = _cli("batch", str(corpus), str(tmp_path / "c"), "--mode", "recall", "--site-key", "none")
    assert with_profile.returncode == self_learning.returncode == no_sites.returncode == 0
    leftovers = 0
    for page in PAGES:
        relative = Path(page.site) / page.name
        a, b = (tmp_path / "a" / relative).read_text(), (tmp_path / "b" / relative).read_text()
        assert a == b
        assert not [line for line in template_lines(page.site) if line in a.splitlines()]
        leftovers += sum(line in (tmp_path / "c" / relative).read_text().splitlines()
                         for line in template_lines(page.site))
    assert leftovers > 0


def test_jsonl_records_take_their_site_from_the_url(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    with (corpus / "crawl.jsonl").open("w") as out:
        for i, page in enumerate(PAGES):
            out.write(json.dumps({"url": f"https://www.{page.site}.example/story/{i}", "id": i,
                                  "text": page.text}) + "\n")
    done = _cli("batch", str(corpus), str(tmp_path / "out"), "--mode", "recall", "--jobs", "1", "--stats")
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in (tmp_path / "out" / "crawl.jsonl").read_text().splitlines()]
    assert len(records) == len(PAGES)
    for record, page in zip(records, PAGES, strict=True):
        assert not [line for line in template_lines(page.site) if line in record["text"].splitlines()]
        assert all(line in record["text"].splitlines() for line in page.article[3:])
    assert any(REASON in record["cleaner"]["counts"] for record in records)


def test_clean_command_uses_a_profile_for_one_site(tmp_path: Path) -> None:
    profile_path = tmp_path / "profile.json"
    profile_path.write_text(_learn(Cleaner(), PAGES).to_json())
    page = tmp_path / "page.txt"
    page.write_text(PAGES[0].text)
    result = _cli(str(page), "--mode", "recall", "--profile", str(profile_path), "--site", PAGES[0].site)
    assert result.returncode == 0, result.stderr
    assert not [line for line in template_lines(PAGES[0].site) if line in result.stdout.splitlines()]
    broken = tmp_path / "broken.json"
    broken.write_text("{")
    failed = _cli(str(page), "--profile", str(broken))
    assert failed.returncode == 1
    assert "Traceback" not in failed.stderr and "site profile" in failed.stderr


def test_explain_names_site_template_lines(tmp_path: Path) -> None:
    profile_path = tmp_path / "profile.json"
    profile_path.write_text(_learn(Cleaner(mode="recall"), PAGES).to_json())
    page = tmp_path / "page.txt"
    page.write_text(PAGES[0].text)
    shown = _cli("explain", str(page), "--mode", "recall", "--profile", str(profile_path),
                 "--site", PAGES[0].site, "--only-removed")
    assert shown.returncode == 0, shown.stderr
    assert "chrome:site-repeat" in shown.stdout and "Harbour Times" in shown.stdout


def _vocabulary_profile(pages: list[str]) -> SiteProfile:
    profile = SiteProfile()
    for page in pages:
        profile.add_page("docs", [page])
    return profile


def test_corpus_vocabulary_keeps_its_words_whole_and_glue_still_goes() -> None:
    # A field's words the lexicon lacks look like glue on any one page; written on
    # three pages of the corpus they are its vocabulary. Random damage does not recur.
    notes = [f"Release 2.{i}: the worktree command and the lockfile handling got faster." for i in range(3)]
    notes.append("Release 3.0: a fix for thecrash on exit.")
    notes.append("Release 3.1: a fix for thecrash on start.")
    profile = _vocabulary_profile(notes).pruned()
    page = ("Moving a worktree no longer breaks the lockfile.\n\n"
            "We fixed thecrash, andthe docs say how.")
    plain = Cleaner(chrome=False, language="en").clean(page)
    learned = Cleaner(chrome=False, language="en", profile=profile).clean(page)
    assert "work tree" in plain and "lock file" in plain  # what the rules alone do
    assert "worktree" in learned and "lockfile" in learned
    assert "the crash" in learned  # on two pages only: still glue
    assert "and the docs" in learned  # two function words are glue however often written


def test_profile_words_round_trip_and_older_profiles_load(tmp_path: Path) -> None:
    profile = _vocabulary_profile([f"Page {i} about the worktree." for i in range(4)])
    path = tmp_path / "p.json"
    path.write_text(profile.to_json())
    loaded = SiteProfile.load(path)
    assert loaded == profile and loaded.corpus_words(["worktree", "nothing"]) == {"worktree"}
    older = json.loads(profile.to_json())
    del older["words"]
    path.write_text(json.dumps(older))
    assert len(SiteProfile.load(path).words) == 0
