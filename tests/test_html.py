"""HTML input: the page's own rendering, and paragraphs the extractor missed put back."""

from __future__ import annotations

import pytest
import trafilatura

from cleaner import Cleaner, html
from cleaner.html import HtmlText, Recovery, render_page

ARTICLE = [
    "Harbour repairs begin after the winter storms",
    "Crews started work on Monday at the old pier, where the storms of January tore away a long "
    "section of the railing and left deep cracks in the concrete along the walkway.",
    "The council set aside most of its spring budget for the work, and the harbour master said "
    "that fishing boats will keep their moorings while the engineers replace the damaged beams.",
    "Residents who walk along the pier each morning will have to use the beach path until June, "
    "when the new railing and the resurfaced walkway are expected to open again.",
]
MENU = ["Home", "News", "Sport", "Weather", "Contact us"]
FOOTER = ["Follow us on social media", "Privacy policy", "© 2024 Coast Gazette. All rights reserved."]


def _parse(markup: str) -> object:
    from trafilatura.utils import load_html

    return load_html(markup)


def test_rendering_breaks_lines_at_blocks_only_and_hides_what_a_reader_never_reads() -> None:
    markup = (
        "<html><head><title>Not shown</title><style>p { color: red }</style></head><body>"
        "<nav><ul><li>Home</li><li><a href='/n'>News</a></li></ul></nav>"
        "<p>A paragraph written\nover two source lines, with <b>bold</b> and <a href='#'>a link</a>.</p>"
        "<div>First block<br>after a break</div>"
        "<script>var hidden = 1;</script><!-- a comment -->"
        "<figure><img src='x.jpg'><figcaption>A photo of the pier</figcaption></figure>"
        "<div class='image-caption'>Credit: the photographer</div>"
        "<table><tr><td>cell one</td><td>cell two</td></tr></table>"
        "</body></html>"
    )
    assert render_page(_parse(markup)).split("\n") == [
        "Home", "News",
        "A paragraph written over two source lines, with bold and a link.",
        "First block", "after a break",
        "cell one", "cell two",
    ]


def test_recovery_puts_back_a_dropped_paragraph_beside_the_extraction_and_nothing_far() -> None:
    comment = ("I walked the pier every day for thirty years and I think the council should have "
               "fixed the railing long before the storms came, not after.")
    page = MENU + ARTICLE + FOOTER + ["Comments"] + ["Reader one"] * 4 + [comment]
    extracted = [ARTICLE[0], ARTICLE[1], ARTICLE[3]]  # the extractor lost the third paragraph
    recovery = Recovery(extracted, page)
    dropped = page.index(ARTICLE[2])
    # Prose near the extraction may come back; the comment, far below it, may not; nor
    # may short lines, however near.
    assert set(recovery.candidates) == {dropped}
    merged, recovered = recovery.merge([True] * len(page))
    assert merged == ARTICLE
    assert recovered == {2}
    assert recovery.merge([False] * len(page)) == (extracted, set())


def test_a_paragraph_before_the_first_extracted_block_goes_first() -> None:
    page = MENU + ARTICLE[1:]
    recovery = Recovery(ARTICLE[2:], page)
    merged, recovered = recovery.merge([True] * len(page))
    assert merged == ARTICLE[1:] and recovered == {0}


def _page(extracted: list[str], page: list[str]) -> HtmlText:
    return HtmlText("\n".join(extracted), "\n".join(page))


def test_recall_mode_recovers_what_the_extractor_missed(monkeypatch: pytest.MonkeyPatch) -> None:
    extracted = [ARTICLE[0], ARTICLE[1], ARTICLE[3]]
    monkeypatch.setattr(html, "read_html",
                        lambda markup, mode, whole_page=False: _page(extracted, MENU + ARTICLE + FOOTER))
    stand_in = "<html><body>stand-in</body></html>"
    result = Cleaner(input_format="html", mode="recall").clean_document(stand_in)
    assert result.text.rstrip("\n").split("\n\n") == ARTICLE
    reasons = {b.text: v.reason for b, v in zip(result.blocks, result.verdicts, strict=True)}
    assert reasons[ARTICLE[2]] == "content:recovered"
    assert reasons[ARTICLE[1]] == "content:extracted"
    # Balanced mode puts the paragraph back too; precision mode keeps to the extractor.
    assert Cleaner(input_format="html", mode="balanced").clean(stand_in).rstrip("\n").split("\n\n") == ARTICLE
    kept = Cleaner(input_format="html", mode="precision").clean(stand_in)
    assert ARTICLE[2] not in kept and ARTICLE[1] in kept


BIO = ("Jane Roe has covered the harbour and the coast for the Gazette since 2009, and before that "
       "wrote about farming for a weekly paper in the valley.")


def test_balanced_mode_recovers_the_lead_but_nothing_past_the_extractions_end(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # The extractor missed the lead above the body, and left out the author's biography
    # below it: prose both, but only an article's lead lies before its body.
    extracted = [ARTICLE[0], ARTICLE[2], ARTICLE[3]]
    page = [*MENU, *ARTICLE, BIO, *FOOTER]
    monkeypatch.setattr(html, "read_html", lambda markup, mode, whole_page=False: _page(extracted, page))
    stand_in = "<html><body>stand-in</body></html>"
    balanced = Cleaner(input_format="html", mode="balanced").clean_document(stand_in)
    reasons = {b.text: v.reason for b, v in zip(balanced.blocks, balanced.verdicts, strict=True)}
    assert reasons[ARTICLE[1]] == "content:recovered"
    assert BIO not in balanced.text
    assert BIO in Cleaner(input_format="html", mode="recall").clean(stand_in)


def test_recovery_sees_past_invisible_characters_the_extractor_dropped() -> None:
    # The page hyphenates softly; the extraction has the same paragraph without the
    # soft hyphens, and it must not come back as a second copy.
    softened = ARTICLE[1].replace("concrete", "con\u00adcrete").replace("railing", "rail\u00ading")
    page = [*MENU, ARTICLE[0], softened, *ARTICLE[2:]]
    recovery = Recovery(ARTICLE, page)
    assert recovery.candidates == {}
    assert recovery.held[page.index(softened)] == 1


def test_a_paragraph_the_page_repeats_and_the_extraction_holds_once_may_come_back() -> None:
    # A refrain written twice; the extractor kept one copy. The second copy lies past the
    # extraction's end, where balanced mode recovers nothing else.
    page = [*MENU, *ARTICLE, ARTICLE[2], *FOOTER]
    recovery = Recovery(ARTICLE, page, past_end=False)
    second = len(MENU) + len(ARTICLE)
    assert recovery.held[second - 2] == 2 and recovery.held[second] is None
    assert recovery.candidates == {second: 3}
    assert recovery.merge([True] * len(page))[0] == [*ARTICLE, ARTICLE[2]]
    # Both copies extracted: nothing to recover.
    assert Recovery([*ARTICLE, ARTICLE[2]], page, past_end=False).candidates == {}
    # A page that renders the whole article twice (a print copy) repeats a run of
    # paragraphs: none comes back.
    twice = [*MENU, *ARTICLE, *ARTICLE[1:], *FOOTER]
    assert Recovery(ARTICLE, twice, past_end=False).candidates == {}
    # A paragraph written three times is no copy of the article.
    thrice = [*MENU, *ARTICLE, ARTICLE[3], ARTICLE[3], *FOOTER]
    assert set(Recovery(ARTICLE, thrice, past_end=False).candidates) == {second, second + 1}
    # The same when the extraction joins paragraphs into one line.
    joined = [ARTICLE[0], " ".join(ARTICLE[1:])]
    assert Recovery(joined, page, past_end=False).candidates == {second: 1}


def test_balanced_mode_keeps_both_copies_of_a_repeated_paragraph() -> None:
    # On a short page trafilatura keeps one copy of a paragraph written twice.
    markup = (f"<html><body><article><h1>{ARTICLE[0]}</h1><p>{ARTICLE[1]}</p><p>{ARTICLE[1]}</p>"
              "</article></body></html>")
    assert Cleaner(input_format="html", mode="precision").clean(markup).count(ARTICLE[1]) == 1
    assert Cleaner(input_format="html", mode="balanced").clean(markup).count(ARTICLE[1]) == 2


WARNINGS = [
    "Warning: Undefined variable $comments in /var/www/wp-content/plugins/recent/widget.php on line 41",
    "Warning: Undefined variable $trackbacks in /var/www/wp-content/plugins/recent/widget.php on line 42",
]


@pytest.mark.parametrize("mode", ["precision", "balanced", "recall"])
def test_an_extraction_of_nothing_but_chrome_gives_way_to_the_whole_page(
        monkeypatch: pytest.MonkeyPatch, mode: str) -> None:
    # The extractor took a plugin's warnings for the main text; the article lies elsewhere.
    page = [*MENU, *ARTICLE, *WARNINGS, *FOOTER]
    monkeypatch.setattr(html, "read_html", lambda markup, mode, whole_page=False: _page(WARNINGS, page))
    result = Cleaner(input_format="html", mode=mode).clean_document("<html><body>stand-in</body></html>")
    assert all(paragraph in result.text for paragraph in ARTICLE[1:])
    assert "Warning" not in result.text
    assert result.input_format == "html"


def test_rendering_leaves_out_what_the_page_hides() -> None:
    markup = (
        "<html><body><p>The formula <span style='display: none'><math><semantics><mi>x</mi>"
        "<annotation encoding='application/x-tex'>{\\displaystyle x}</annotation></semantics></math>"
        "</span>holds.</p>"
        "<div hidden>A collapsed menu</div><div style='visibility:hidden'>Hidden label</div>"
        "<p>Shown <span style='DISPLAY:NONE'>not shown</span>text</p></body></html>"
    )
    rendered = render_page(_parse(markup))
    assert rendered.split("\n") == ["The formula holds.", "Shown text"]


def test_a_page_the_extractor_finds_nothing_in_is_cleaned_as_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html, "read_html",
                        lambda markup, mode, whole_page=False: _page([], MENU + ARTICLE + FOOTER))
    result = Cleaner(input_format="html").clean_document("<html><body>stand-in</body></html>")
    assert result.input_format == "html"
    assert all(paragraph in result.text for paragraph in ARTICLE[1:])
    assert "Privacy policy" not in result.text and "Contact us" not in result.text


def test_a_page_the_renderer_gives_up_on_still_gives_its_text(monkeypatch: pytest.MonkeyPatch) -> None:
    from lxml import etree

    def gives_up(tree: object) -> str:
        raise etree.XSLTApplyError("maximum template depth exceeded")

    import trafilatura

    monkeypatch.setattr(html, "_renderer", lambda: gives_up)
    assert render_page(_parse("<html><body><p>Some text</p></body></html>")) == ""
    # With nothing extracted either, the text comes from the markup with its tags taken out.
    monkeypatch.setattr(trafilatura, "extract", lambda *args, **kwargs: None)
    page = html.read_html("<html><body><nav>Home</nav><p>Some text</p></body></html>", html.Mode.BALANCED)
    assert page == HtmlText("", "Home\nSome text")


def test_an_articles_table_stays_whole() -> None:
    # trafilatura prints a table's rows between pipes; they are the article's data, not
    # a menu set out with separators
    rows = [("Pier", "North", "Railing"), ("Slipway", "East", "Concrete"), ("Lighthouse", "South", "Paint")]
    table = "".join(f"<tr><td>{a}</td><td>{b}</td><td>{c}</td></tr>" for a, b, c in rows)
    markup = (
        "<html><head><title>Harbour repairs</title></head><body>"
        f"<nav><ul>{''.join(f'<li><a href=/{m}>{m}</a></li>' for m in MENU)}</ul></nav>"
        f"<article><h1>{ARTICLE[0]}</h1><p>{ARTICLE[1]}</p>"
        f"<table><tr><th>Site</th><th>Side</th><th>Work</th></tr>{table}</table>"
        f"<p>{ARTICLE[2]}</p><p>{ARTICLE[3]}</p></article>"
        f"<footer>{''.join(f'<p>{f}</p>' for f in FOOTER)}</footer></body></html>"
    )
    extracted = html.read_html(markup, Cleaner().config.mode).extracted
    # the shape this test is about
    assert "| Slipway | East | Concrete |" in [line.strip() for line in extracted.split("\n")]
    out = Cleaner(input_format="html").clean(markup)
    # every row, and on consecutive lines: a blank line would cut the table in pieces
    body = "\n".join(f"| {site} | {side} | {work} |" for site, side, work in rows)
    assert body in out
    assert ARTICLE[3] in out and "Contact us" not in out


_CODE = ["import tomllib", "", "def load(path):", '    with open(path, "rb") as fh:',
         "        return tomllib.load(fh)  # ofthe config"]


def test_an_articles_code_sample_keeps_its_lines_and_is_never_repaired() -> None:
    markup = (
        "<html><head><title>Harbour repairs</title></head><body>"
        f"<nav><ul>{''.join(f'<li><a href=/{m}>{m}</a></li>' for m in MENU)}</ul></nav>"
        f"<article><h1>{ARTICLE[0]}</h1><p>{ARTICLE[1]}</p><p>{ARTICLE[2]}</p>"
        f"<pre><code>{chr(10).join(_CODE)}\n</code></pre><p>{ARTICLE[3]}</p></article>"
        f"<footer>{''.join(f'<p>{f}</p>' for f in FOOTER)}</footer></body></html>"
    )
    result = Cleaner(input_format="html").clean_document(markup)
    # trafilatura prints the sample line by line without its blank line; the page's own
    # lines come back between fences, indentation and blank line included
    assert "```\n" + "\n".join(_CODE) + "\n```" in result.text
    assert not result.edits
    assert result.text.index(ARTICLE[2]) < result.text.index("```") < result.text.index(ARTICLE[3])


def test_a_block_put_back_after_a_code_sample_follows_its_closing_fence() -> None:
    extracted = [ARTICLE[0], ARTICLE[1], "```", *_CODE, "```", ARTICLE[3]]
    # the page renders the sample as one line; the extractor lost the paragraph after it
    page = [*MENU, ARTICLE[0], ARTICLE[1], " ".join(" ".join(_CODE).split()), ARTICLE[2], ARTICLE[3]]
    merged, recovered = Recovery(extracted, page).merge([True] * len(page))
    assert merged == [*extracted[:-1], ARTICLE[2], ARTICLE[3]]
    assert recovered == {len(extracted) - 1}


def test_a_code_sample_the_extractor_left_out_is_not_added() -> None:
    tree = _parse(f"<html><body><p>{ARTICLE[1]}</p><pre>{chr(10).join(_CODE)}</pre></body></html>")
    assert html.fence_code(ARTICLE[1], tree) == ARTICLE[1]
    assert html.fence_code("", tree) == ""


def _article_with_tail(tail: str) -> str:
    body = "".join(f"<p>{paragraph}</p>" for paragraph in ARTICLE[1:])
    return (f"<html><head><title>Pier</title></head><body><nav><a href='/'>Home</a></nav>"
            f"<article><h1>{ARTICLE[0]}</h1>{body}{tail}</article><footer>Contact us</footer></body></html>")


#: other stories' headlines inside the article's element, after its last paragraph
_TRAILING_HEADLINES = ["Lifeboat crew rescues two kayakers", "Ferry fares rise in April",
                       "New cafe opens on the promenade"]


@pytest.mark.parametrize("mode", ["balanced", "precision"])
def test_short_lines_the_extraction_holds_after_the_last_paragraph_go_where_text_would_drop_them(
        mode: str) -> None:
    markup = _article_with_tail("".join(f"<p>{line}</p>" for line in _TRAILING_HEADLINES))
    assert all(line in trafilatura.extract(markup) for line in _TRAILING_HEADLINES)  # the extractor kept them
    result = Cleaner(mode=mode).clean_document(markup)
    assert all(paragraph in result.text for paragraph in ARTICLE[1:])
    removed = {block.text for block, _ in result.removed()}
    assert all(line in removed for line in _TRAILING_HEADLINES)


def test_recall_mode_and_a_closing_list_keep_the_extractions_last_lines() -> None:
    headlines = "".join(f"<p>{line}</p>" for line in _TRAILING_HEADLINES)
    kept = Cleaner(mode="recall").clean(_article_with_tail(headlines))
    assert all(line in kept for line in _TRAILING_HEADLINES)
    tools = ["Hard hats for every visitor", "Sand bags by the gate", "A spare set of keys"]
    listed = _article_with_tail("<ul>" + "".join(f"<li>{item}</li>" for item in tools) + "</ul>")
    assert all(item in Cleaner().clean(listed) for item in tools)
