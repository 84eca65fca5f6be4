"""The command line: typer's CliRunner for breadth, real subprocesses for truth."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleaner.cli import app
from tests.conftest import SAMPLES, run_cli

runner = CliRunner()
PAGE = (SAMPLES / "news_donation.txt").read_text(encoding="utf-8")
EXPECTED = (SAMPLES / "news_donation.expected.txt").read_text(encoding="utf-8")


def invoke(*args: str, stdin: str | bytes | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_stdin_to_stdout() -> None:
    code, out, err = invoke(stdin=PAGE)
    assert code == 0 and out == EXPECTED and err == ""


def test_dash_means_stdin() -> None:
    code, out, _ = invoke("-", stdin=PAGE)
    assert code == 0 and out == EXPECTED


def test_file_argument_and_output_file(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    code, out, _ = invoke(str(SAMPLES / "news_donation.txt"), "-o", str(target))
    assert code == 0 and out == ""
    assert target.read_text(encoding="utf-8") == EXPECTED
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]  # no temp file left behind


def test_json_format_is_the_clean_result() -> None:
    code, out, _ = invoke("--format", "json", stdin=PAGE)
    assert code == 0
    payload = json.loads(out)
    assert payload["text"] == EXPECTED
    assert {b["action"] for b in payload["blocks"]} == {"keep", "drop"}
    assert all("reason" in b and "score" in b for b in payload["blocks"])
    assert payload["counts"]["chrome:donation"] == 1


def test_explain_goes_to_stderr_and_data_to_stdout() -> None:
    code, out, err = invoke("--explain", stdin=PAGE)
    assert code == 0 and out == EXPECTED
    assert "chrome:donation" in err and "Support independent journalism" in err
    assert "counts per reason" in err


def test_stage_switches() -> None:
    _, kept_all, _ = invoke("--no-chrome", stdin=PAGE)
    assert "Skip to main content" in kept_all
    damaged = "The nu clear plant reopened in May after repairs and the crews went home.\n"
    _, unrepaired, _ = invoke("--no-repair", "--no-chrome", "--language", "en", stdin=damaged)
    assert "nu clear" in unrepaired
    _, repaired, _ = invoke("--no-chrome", "--language", "en", stdin=damaged)
    assert "nuclear plant" in repaired
    _, raw, _ = invoke("--no-normalize", "--no-chrome", stdin="don\u00e2\u20ac\u2122t stop\n")
    assert "â€™" in raw


def test_html_input_is_detected() -> None:
    html = (SAMPLES / "library_article.html").read_text(encoding="utf-8")
    code, out, _ = invoke("--format", "json", stdin=html)
    assert code == 0 and json.loads(out)["input_format"] == "html"
    code, forced, _ = invoke("--input-format", "text", stdin=html)
    assert code == 0 and forced != json.loads(out)["text"]


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["missing-file.txt"], None, "no such file"),
        (["--mode", "aggressive"], "", "aggressive"),
        (["--format", "xml"], "", "xml"),
        (["--language", "e1"], "text", "language"),
        (["--encoding", "no-such-codec"], "text", "unknown encoding"),
    ],
)
def test_bad_input_gives_one_clear_error(args: list[str], stdin: str | None, message: str) -> None:
    code, _, err = invoke(*args, stdin=stdin)
    assert code != 0
    assert message in err
    assert "Traceback" not in err


def test_binary_and_undecodable_input(tmp_path: Path) -> None:
    png = tmp_path / "image.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Caf\u00e9 cr\u00e8me und Stra\u00dfe".encode("latin-1"))
    code, _, err = invoke(str(png))
    assert code == 1 and "binary input (a PNG image)" in err
    code, _, err = invoke(str(latin1))
    assert code == 1 and "not valid utf-8" in err and "--encoding" in err
    code, out, _ = invoke(str(latin1), "--encoding", "latin-1", "--no-chrome")
    assert code == 0 and "Stra\u00dfe" in out


def test_refuses_to_overwrite_its_input(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    code, _, err = invoke(str(page), "-o", str(page))
    assert code == 2 and "refusing to overwrite" in err
    assert page.read_text(encoding="utf-8") == PAGE


def test_empty_input_is_refused_in_one_line(tmp_path: Path) -> None:
    """No bytes at all is a failed fetch or the wrong file: said, not passed off as clean."""
    code, out, err = invoke(stdin="")
    assert code == 1 and out == "" and "<stdin>: empty input" in err
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    for args in ([str(empty)], ["--format", "json", str(empty)], ["explain", str(empty)]):
        code, _, err = invoke(*args)
        assert code == 1 and "empty input" in err and "Traceback" not in err
    code, out, _ = invoke(stdin="  \n\t\n")  # only whitespace: a page whose text is nothing
    assert code == 0 and out == ""


def _tree(tmp_path: Path) -> Path:
    source = tmp_path / "in"
    (source / "site-a").mkdir(parents=True)
    shutil.copy(SAMPLES / "news_donation.txt", source / "site-a" / "news.txt")
    shutil.copy(SAMPLES / "library_article.html", source / "site-a" / "article.html")
    shutil.copy(SAMPLES / "recipe.txt", source / "recipe.txt")
    (source / "notes.md").write_text("not matched by the default globs", encoding="utf-8")
    return source


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_batch_mirrors_the_tree_and_never_touches_inputs(tmp_path: Path) -> None:
    source = _tree(tmp_path)
    before = _snapshot(source)
    code, out, err = invoke("batch", str(source), str(tmp_path / "out"))
    assert code == 0, err
    assert out == ""
    assert _snapshot(source) == before
    written = _snapshot(tmp_path / "out")
    assert sorted(written) == ["recipe.txt", "site-a/article.txt", "site-a/news.txt"]
    assert written["site-a/news.txt"].decode("utf-8") == EXPECTED
    assert "share removed" in err


def test_batch_reports_bad_files_and_goes_on(tmp_path: Path) -> None:
    source = _tree(tmp_path)
    (source / "broken.txt").write_bytes(b"\xff\xfe\x00\x00garbage\x00\x00")
    (source / "bad-utf8.txt").write_bytes(b"caf\xe9 au lait " * 20)
    (source / "empty.txt").write_bytes(b"")
    code, _, err = invoke("batch", str(source), str(tmp_path / "out"))
    assert code == 1
    assert "bad-utf8.txt" in err and "not valid utf-8" in err
    assert "empty.txt: empty input" in err and not (tmp_path / "out" / "empty.txt").exists()
    assert (tmp_path / "out" / "site-a" / "news.txt").exists()
    assert not (tmp_path / "out" / "bad-utf8.txt").exists()


def test_batch_glob_and_guards(tmp_path: Path) -> None:
    source = _tree(tmp_path)
    code, _, _ = invoke("batch", str(source), str(tmp_path / "md"), "--glob", "*.md")
    assert code == 0 and (tmp_path / "md" / "notes.md").exists()
    code, _, err = invoke("batch", str(source), str(source))
    assert code == 1 and "must differ" in err
    code, _, err = invoke("batch", str(tmp_path / "nowhere"), str(tmp_path / "x"))
    assert code == 1 and "no such folder" in err
    # An output folder inside the input folder is skipped, not cleaned again.
    code, _, _ = invoke("batch", str(source), str(source / "cleaned"))
    assert code == 0
    code, _, _ = invoke("batch", str(source), str(source / "cleaned"))
    assert code == 0 and not (source / "cleaned" / "cleaned").exists()


def test_real_subprocess_clean_and_batch(tmp_path: Path) -> None:
    result = run_cli(input_text=PAGE)
    assert result.returncode == 0 and result.stdout.decode("utf-8") == EXPECTED
    source = _tree(tmp_path)
    result = run_cli("batch", str(source), str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "site-a" / "article.txt").read_text(encoding="utf-8").startswith(
        "Library extends opening hours")
    result = run_cli("missing.txt")
    assert result.returncode == 1
    assert result.stderr.decode("utf-8").strip() == "cleaner: error: missing.txt: no such file"


def test_version_and_help() -> None:
    code, out, _ = invoke("--version")
    assert code == 0 and out.startswith("cleaner ")
    code, out, _ = invoke("--help")
    assert code == 0 and "batch" in out
    code, out, _ = invoke("batch", "--help")
    assert code == 0 and "IN_DIR" in out.upper()


def test_protect_file_keeps_words_and_patterns(tmp_path: Path) -> None:
    damaged = "The nu clear plant and the Acme-Widget nego- tiations ended ofthe year.\n"
    plain = run_cli("--no-chrome", "--language", "en", input_text=damaged)
    assert plain.stdout.decode() == "The nuclear plant and the Acme-Widget negotiations ended of the year.\n"
    protect = tmp_path / "protect.txt"
    protect.write_text("# words and patterns repair must leave alone\nofthe\nre:nu clear\n", encoding="utf-8")
    kept = run_cli("--no-chrome", "--language", "en", "--protect", str(protect), input_text=damaged)
    assert kept.returncode == 0, kept.stderr
    assert kept.stdout.decode() == "The nu clear plant and the Acme-Widget negotiations ended ofthe year.\n"


def test_bad_protect_pattern_and_missing_file_are_clear_errors(tmp_path: Path) -> None:
    protect = tmp_path / "protect.txt"
    protect.write_text("re:([unclosed\n", encoding="utf-8")
    bad = run_cli("--protect", str(protect), input_text="text\n")
    assert bad.returncode == 2
    assert b"not a regular expression" in bad.stderr and b"Traceback" not in bad.stderr
    missing = run_cli("--protect", str(tmp_path / "nope.txt"), input_text="text\n")
    assert missing.returncode == 1
    assert b"nope.txt" in missing.stderr and b"Traceback" not in missing.stderr


def test_learn_refuses_site_key_none_and_missing_folder(tmp_path: Path) -> None:
    none = run_cli("learn", str(SAMPLES), "-o", str(tmp_path / "p.json"), "--site-key", "none")
    assert none.returncode == 2 and b"nothing to learn" in none.stderr
    missing = run_cli("learn", str(tmp_path / "nowhere"), "-o", str(tmp_path / "p.json"))
    assert missing.returncode == 1 and b"no such folder" in missing.stderr
    assert not (tmp_path / "p.json").exists()


def test_error_messages_print_brackets_as_they_are(tmp_path: Path) -> None:
    missing = tmp_path / "[draft]" / "page.txt"
    result = run_cli(str(missing))
    assert result.returncode == 1
    assert f"{missing}: no such file".encode() in result.stderr


def test_scheduler_without_dask_is_a_usage_error(tmp_path: Path) -> None:
    # Dask is a test dependency, so its absence is simulated in a fresh interpreter.
    code = ("import sys; sys.modules['dask'] = None; sys.modules['distributed'] = None\n"
            "from cleaner.cli import main\n"
            f"sys.argv = ['cleaner', 'batch', {str(SAMPLES)!r}, {str(tmp_path / 'out')!r}, "
            "'--scheduler', 'tcp://127.0.0.1:9']\n"
            "main()\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=120, check=False)
    assert result.returncode == 2
    assert b"pip install 'cleaner[dask]'" in result.stderr and b"Traceback" not in result.stderr
