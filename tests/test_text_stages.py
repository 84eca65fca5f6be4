"""Segmentation and normalisation: layouts, line breaks, Unicode repair, untouched text."""

from __future__ import annotations

import textwrap

import pytest

from cleaner import clean, clean_document
from cleaner.normalize import fix_unicode, normalize_block, remove_invisible
from cleaner.segment import segment, unify_line_breaks, wrap_width
from tests.conftest import DATA

PARAGRAPHS = [
    "The first paragraph explains what happened on Monday, when the storm reached the coast "
    "and closed the main road for several hours while crews cleared fallen trees.",
    "The second paragraph describes the damage to the harbour, where two fishing boats sank "
    "and the old pier lost a section of its railing to the waves.",
    "Short line",
    "The third paragraph reports that the council will meet on Friday to decide how to pay "
    "for the repairs, which engineers estimate will take most of the spring.",
]


def _texts(text: str) -> list[str]:
    return [b.text for b in segment(unify_line_breaks(text))]


def test_three_layouts_give_the_same_blocks() -> None:
    one_per_line = "\n".join(PARAGRAPHS)
    blank_lines = "\n\n".join(PARAGRAPHS)
    wrapped = "\n\n".join(textwrap.fill(p, 70) for p in PARAGRAPHS)
    assert _texts(one_per_line) == _texts(blank_lines) == _texts(wrapped) == PARAGRAPHS


def test_wrapped_without_blank_lines_keeps_short_lines_apart() -> None:
    wrapped = "\n".join(textwrap.fill(p, 72) for p in PARAGRAPHS[:2]) + "\nMenu\nContact"
    texts = _texts(wrapped)
    assert texts[-2:] == ["Menu", "Contact"]


def test_line_end_hyphen_is_recorded_for_repair() -> None:
    lines = ["The delegates spent the whole week in long and difficult nego-",
             "tiations about the nuclear-free zone and the other open questions",
             "of the agreement that was finally signed at the end of the month by",
             "all of the six parties that had taken part in the earlier rounds."]
    blocks = segment("\n".join(lines))
    first = blocks[0]
    assert "nego-tiations" in first.text
    assert first.hyphen_breaks and first.text[first.hyphen_breaks[0]] == "-"


def test_hyphen_breaks_resolved_by_repair() -> None:
    lines = ["Carrots, beetroot and spinach all do well in April, as long as the beds were",
             "dug over and weeded during the winter. Water the rows well after sow-",
             "ing, and keep an eye out for birds, which love the young shoots and the",
             "nuclear-free seedlings in the six-party beds that the club planted in May."]
    out = clean("\n".join(lines) + "\n", chrome=False, language="en")
    assert "after sowing, and" in out
    assert "nuclear-free" in out and "six-party" in out


@pytest.mark.parametrize("separator", ["\r\n", "\r", "\u2028", "\n"])
def test_line_endings_are_unified(separator: str) -> None:
    assert _texts(separator.join(PARAGRAPHS)) == PARAGRAPHS


def test_not_wrapped_when_lines_end_sentences() -> None:
    lines = [f"Sentence number {i} ends with a full stop and stays on its own line here." for i in range(8)]
    assert wrap_width(segment.__globals__["_lines"]("\n".join(lines))) is None


def test_mojibake_is_fixed_and_reported() -> None:
    fixed, rule = fix_unicode("We donâ€™t know")
    assert (fixed, rule) == ("We don’t know", "repair:mojibake")


def test_control_characters_are_removed() -> None:
    fixed, rule = fix_unicode("bell\x07 and escape\x1b[31m")
    assert "\x07" not in fixed and rule == "repair:control"


def test_invisible_characters_inside_words() -> None:
    assert remove_invisible("gov\u00adern\u200bment") == "government"
    # Zero-width joiners are meaningful outside Latin text (Persian, emoji) and stay.
    assert remove_invisible("می\u200cخواهم") == "می\u200cخواهم"
    assert remove_invisible("👨\u200d👩") == "👨\u200d👩"


def test_normalize_leaves_typography_alone() -> None:
    text = "“Curly” quotes, ﬁ ligatures, ｆｕｌｌ width and e\u0301 stay."
    assert normalize_block(0, text) == (text, [])


def _unchanged_cases() -> list[str]:
    raw = (DATA / "unchanged.txt").read_text(encoding="utf-8")
    body = "\n".join(line for line in raw.splitlines() if not line.startswith("#"))
    return [case.strip("\n") for case in body.split("=====") if case.strip()]


@pytest.mark.parametrize("text", _unchanged_cases(), ids=lambda t: t[:30])
def test_correct_text_comes_back_unchanged(text: str) -> None:
    assert clean(text + "\n", chrome=False).rstrip("\n") == text


@pytest.mark.parametrize(("lines", "language"), [
    (["The council met on Thursday and the members agreed to postpone the vote."], "en"),
    (["Der Rat hat am Donnerstag getagt und die Abstimmung auf die nächste Sitzung verschoben."], "de"),
    (["我們在山上分享了一壺熱茶，然後慢慢走回村子。", "今天的晚餐是朋友親手做的。"], "zh"),
    (["きのうは友だちと山に行って、きれいな紅葉を見ました。", "夜はみんなでご飯を食べました。"], "ja"),
    (["어제는 친구와 함께 산에 가서 단풍을 보았습니다.", "저녁에는 모두 함께 밥을 먹었습니다."], "ko"),
    # an ad's markup, all Latin letters, left in a Japanese page's text
    (['<span class="promo"><a href="https://ads.example.com/click?campaign=autumn&slot=top">'
      '<img src="https://ads.example.com/banner.png?campaign=autumn" alt="autumn sale"></a></span>',
      "きのうは友だちと山に行って、きれいな紅葉を見ました。"], "ja"),
])
def test_language_of_a_page(lines: list[str], language: str) -> None:
    """Stopword votes for spaced scripts; the script itself for Chinese, Japanese, Korean."""
    from cleaner.lexicon import detect_language

    assert detect_language(lines) == language


def test_no_word_repair_where_words_have_no_spaces() -> None:
    text = "我們在山上分享了一壺熱茶，然後慢慢走回村子。今天的晚餐是朋友親手做的，大家都說很好吃。\n"
    result = clean_document(text, chrome=False)
    assert result.language == "zh"
    assert result.text == text
    assert not result.edits


@pytest.mark.parametrize(("text", "is_html"), [
    ("<!DOCTYPE html>\n<html><body><p>Hello</p></body></html>", True),
    ("\n  <style>\n  .box { color: red; }\n  </style>\n<div>Rest of the page</div>", True),
    ("<p>One paragraph.</p>\n<p>Another <a href='/x'>link</a>.</p>\n<ul><li>item</li></ul>", True),
    # Page text quoting some markup, or carrying an ad's tracking pixel: still text.
    ("<div><img src='https://ads.example/p.gif' width='0'></div>\nHome\nNews\n"
     + "\n".join(f"Line {i} of an article about writing <p> and <div> tags." if i % 9 == 0
                 else f"Line {i} of an article about the harbour festival." for i in range(60)), False),
    ("A tutorial line shows <html> and <body> in a code sample.\n" + "Plain prose line.\n" * 40, False),
])
def test_html_is_sniffed_by_its_start_and_its_markup_density(text: str, is_html: bool) -> None:
    from cleaner.html import looks_like_html

    assert looks_like_html(text) is is_html


_SAMPLE = ["```python", "import tomllib", "", "def load(path):", '    with open(path, "rb") as fh:',
           "        return tomllib.load(fh)", "```"]


def test_a_fenced_code_block_is_one_block_with_its_layout() -> None:
    text = "\n".join([PARAGRAPHS[0], *_SAMPLE, PARAGRAPHS[1]])
    assert _texts(text) == [PARAGRAPHS[0], "\n".join(_SAMPLE), PARAGRAPHS[1]]
    # inside a list item the fence's own indentation is taken off, the code's kept
    nested = "\n".join(["- Install it:", *("  " + line if line else "" for line in _SAMPLE)])
    assert _texts(nested)[1] == "\n".join(_SAMPLE)


@pytest.mark.parametrize("lines", [
    ["```python", "import tomllib", "Share"],               # never closed
    ["```inline```", "import tomllib", "```"],             # code in a line, then a fence left open
    ["````", "import tomllib", "```"],                     # a shorter fence closes nothing
])
def test_fences_that_open_no_code_block_leave_the_lines_alone(lines: list[str]) -> None:
    assert "\n" not in "".join(_texts("\n".join(lines)))


def test_a_tutorials_last_code_sample_stays_whole_and_unrepaired() -> None:
    code = ["```js", "// Share the token, then log in", "const ofthe = login(user);", "",
            "ofthe.share();", "```"]
    page = "\n".join(["Docs", "Blog", "# Logging in", PARAGRAPHS[0], PARAGRAPHS[1], *code,
                      "Share on Twitter", "© 2024 Example"])
    result = clean_document(page)
    assert result.text.endswith(PARAGRAPHS[1] + "\n\n" + "\n".join(code) + "\n")
    assert not result.edits
    code_verdicts = [v for b, v in zip(result.blocks, result.verdicts, strict=True)
                     if b.text.startswith("```")]
    assert [v.reason for v in code_verdicts] == ["content:code"]


def test_a_code_block_beside_dropped_text_only_goes_with_it() -> None:
    page = "\n".join([PARAGRAPHS[0], PARAGRAPHS[1], "Privacy Policy", "Terms of Use", "Contact",
                      "Careers", *_SAMPLE, "Advertise", "Sitemap"])
    assert "tomllib" not in clean(page)


#: a code sample as a page's text prints one without fences: indented, or flattened
_UNFENCED = ["def load(path):", '    with open(path, "rb") as fh:', "        data = tomllib.load(fh)",
             "    return data"]


@pytest.mark.parametrize("indent", ["", "  "])
def test_a_code_sample_without_fences_is_one_block_with_its_layout(indent: str) -> None:
    text = "\n".join([PARAGRAPHS[0], *(indent + line for line in _UNFENCED), PARAGRAPHS[1]])
    assert _texts(text) == [PARAGRAPHS[0], "\n".join(_UNFENCED), PARAGRAPHS[1]]
    # a shell session and a flattened JavaScript sample, as a renderer prints them
    shell = ["$ hg init shared", "$ hg clone shared work"]
    assert _texts("\n".join([PARAGRAPHS[0], *shell]))[1] == "\n".join(shell)
    script = ['fetch("/submit", {', 'method: "POST",', "headers: {", '"Content-Type": "text/plain"', "},",
              "}).then(function(res) {", "console.log(res.ok);", "});"]
    assert _texts("\n".join([PARAGRAPHS[0], *script, PARAGRAPHS[1]]))[1] == "\n".join(script)


def test_a_shell_session_keeps_what_the_program_printed() -> None:
    session = ["$ hg clone shared work", "updating to branch default",
               "0 files updated, 0 files merged, 0 files removed, 0 files unresolved"]
    texts = _texts("\n".join([PARAGRAPHS[0], *session, PARAGRAPHS[1]]))
    assert texts == [PARAGRAPHS[0], "\n".join(session), PARAGRAPHS[1]]
    assert "\n".join(session) in clean("\n".join([PARAGRAPHS[0], *session, PARAGRAPHS[1]]))
    repl = [">>> len(words)", "42"]
    assert _texts("\n".join([PARAGRAPHS[0], *repl, PARAGRAPHS[1]]))[1] == "\n".join(repl)
    # What the session's text says next is not its output: a capitalised sentence, a
    # line that introduces the next sample, a paragraph that opens in lower case.
    introduces = "and then copy the changes back into the first one:"
    assert _texts("\n".join([*session[:2], introduces]))[-1] == introduces
    assert _texts("\n".join([*session[:2], PARAGRAPHS[1]]))[-1] == PARAGRAPHS[1]
    lower = PARAGRAPHS[1][0].lower() + PARAGRAPHS[1][1:]
    assert _texts("\n".join([session[0], lower]))[-1] == lower


def test_an_sql_query_printed_line_by_line_is_one_block() -> None:
    query = ["WITH months AS (", "SELECT", "shop_id,", "make_range(", "first_day('month', today()),",
             "span '1 month' * 12", ") AS month", "FROM", "months m", "GROUP BY", "month;"]
    assert _texts("\n".join([PARAGRAPHS[0], *query, PARAGRAPHS[1]])) == [
        PARAGRAPHS[0], "\n".join(query), PARAGRAPHS[1]]
    short = ["SELECT *", "FROM monthly_sales", "LIMIT 5;"]
    assert _texts("\n".join([PARAGRAPHS[0], *short, PARAGRAPHS[1]]))[1] == "\n".join(short)


@pytest.mark.parametrize("lines", [
    # capitals that open no statement, and lower-case lines after them
    ["WITH love from Paris", "and all the best", "see you soon"],
    ["SELECT SIZE", "small", "large"],
    # a price is no prompt
    ["$ 25 for the first month", "then $ 30 a month", "cancel at any time"],
    # a contract's clauses end with semicolons; a list of ingredients has colons
    ["the tenant shall pay the rent;", "the landlord shall repair the roof;", "both parties may end it."],
    ["flour: 200 g", "sugar: 50 g", "salt: a pinch"],
    # one line of code alone is just a line
    ["Run it with", "npm install", "and wait."],
    # prose that names code in its sentences
    ["Call print() to see it.", "Then set x = 1 and try again.", "If (and only if) it fails, ask."],
    # a hard-wrapped sentence whose lines open in lower case
    ["The setting is read when the program starts, so",
     "if you change it (for example, to debug a crash) you",
     "for your part must restart it; the cache is kept."],
])
def test_lines_that_only_mention_code_are_not_a_code_sample(lines: list[str]) -> None:
    assert "\n" not in "".join(_texts("\n".join(lines)))


def test_a_code_sample_without_fences_comes_out_whole_and_unrepaired() -> None:
    code = ["with open(path) as ofthe:", "    text = ofthe.read()", "print(len(text))"]
    page = "\n".join([PARAGRAPHS[0], *code, PARAGRAPHS[1]])
    result = clean_document(page)
    assert "\n".join(code) in result.text
    assert not result.edits


def test_a_page_that_indents_its_paragraphs_keeps_them_out_of_a_code_sample() -> None:
    paragraphs = ["It was late when the train came in, and the station was empty.",
                  "Nobody in the class said a word about it until the bell rang."]
    page = "\n".join("    " + line for line in [paragraphs[0], "x = 1", "y = 2", paragraphs[1]])
    texts = _texts(page)
    assert texts[0] == paragraphs[0] and texts[-1] == paragraphs[1]
