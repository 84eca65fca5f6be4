"""Chrome rules on single blocks (data files) and the context pass on whole pages."""

from __future__ import annotations

import pytest

from cleaner import clean, clean_document
from cleaner.chrome import first_rule
from cleaner.chrome.features import block_features
from cleaner.chrome.repetition import repeated_blocks
from cleaner.lexicon import all_stopwords
from tests.conftest import DATA


def _rows(name: str) -> list[str]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


DROP_CASES = [tuple(row.split("\t", 1)) for row in _rows("chrome_drop.tsv")]


@pytest.mark.parametrize(("reason", "block"), DROP_CASES, ids=[b[:40] for _, b in DROP_CASES])
def test_rule_names_chrome(reason: str, block: str) -> None:
    assert first_rule(block_features(block, all_stopwords())) == reason


@pytest.mark.parametrize("block", _rows("chrome_keep.txt"), ids=lambda b: b[:40])
def test_no_rule_fires_on_content(block: str) -> None:
    assert first_rule(block_features(block, all_stopwords())) is None


PROSE = [
    "The committee met on Thursday to discuss the proposal, which would change the way the city "
    "pays for road repairs and could raise local taxes for the first time in a decade.",
    "Several members said they needed more time to study the figures, and the chair agreed to "
    "postpone the vote until the next meeting at the end of the month.",
    "Residents who spoke at the meeting were divided, with some calling the plan overdue and "
    "others warning that families on low incomes would struggle to pay more.",
]


def _page(*blocks: str) -> str:
    return "\n".join(blocks) + "\n"


def test_short_line_between_content_stays() -> None:
    page = _page("Home", "News", "Sport", PROSE[0], "A difficult choice", PROSE[1], PROSE[2],
                 "Privacy Policy")
    assert "A difficult choice" in clean(page)


def test_short_lines_inside_chrome_go() -> None:
    page = _page("Home", "World news", "Weather", "Markets", PROSE[0], PROSE[1], "Terms of Use",
                 "Careers", "Advertise with us", "Contact")
    out = clean(page)
    for chrome_line in ("World news", "Weather", "Markets", "Careers", "Advertise with us"):
        assert chrome_line not in out
    assert PROSE[0] in out and PROSE[1] in out


def test_headline_and_byline_above_prose_stay() -> None:
    page = _page("Menu", "Sections", "Council delays vote on road repair plan", "By Ana Lima",
                 "4 March 2024", *PROSE)
    out = clean(page)
    assert out.startswith("Council delays vote on road repair plan\n\nBy Ana Lima\n\n4 March 2024\n\n")
    assert "Sections" not in out


@pytest.mark.parametrize("model", [None, "builtin"])
def test_a_page_title_that_repeats_its_sidebar_entry_stays_but_the_sidebars_last_item_goes(
        model: str | None) -> None:
    sidebar = ("Overview", "Road repairs", "Budget", "Archive")
    titled = clean_document(_page("Home", "Council", *sidebar, "Road repairs", *PROSE, "Privacy Policy"),
                            model=model)
    kept = [b.text for b, v in zip(titled.blocks, titled.verdicts, strict=True) if v.keep]
    assert kept == ["Road repairs", *PROSE]
    # without the repeat, the line above the prose is the sidebar's last item
    untitled = clean(_page("Home", "Council", *sidebar, *PROSE, "Privacy Policy"), model=model)
    assert untitled.startswith(PROSE[0])


def test_call_to_action_cannot_vouch_for_its_neighbours() -> None:
    page = _page(*PROSE, "Become a member",
                 "Support our newsroom with a monthly donation and help us keep reporting on your city.",
                 "Member benefits")
    result = clean_document(page)
    reasons = {b.text: v.reason for b, v in result.removed()}
    assert reasons["Support our newsroom with a monthly donation and help us keep reporting on your "
                   "city."] == "chrome:donation"
    assert "Member benefits" in reasons


def test_teasers_far_from_the_article_go() -> None:
    teaser = ("Drought forces new limits on water for farms across the valley, and officials say more "
              "restrictions could follow if the dry weather continues into the summer months.")
    page = _page(*PROSE, "Share this article", "Facebook", "Twitter", "Related stories", "Weather",
                 teaser, "Sports", "Contact")
    out = clean(page)
    assert all(p in out for p in PROSE)
    assert teaser not in out


def test_modes_order_by_how_much_they_keep() -> None:
    page = _page("Top stories", "Council news in brief", *PROSE, "More from the council",
                 "Minutes of the last meeting", "Agenda for June")
    kept = {mode: len(clean(page, mode=mode)) for mode in ("precision", "balanced", "recall")}
    assert kept["precision"] <= kept["balanced"] <= kept["recall"]


def test_page_without_prose_keeps_its_longest_blocks() -> None:
    """A tiny page still has a main text; an empty output would lose it."""
    assert clean("Lorem ipsum dolor sit amet, consectetur adipiscing elit sed do eiusmod.\n")


def test_every_block_gets_a_verdict_with_a_score() -> None:
    result = clean_document(_page("Home", *PROSE, "© 2024 Example"))
    assert len(result.verdicts) == len(result.blocks) == 5
    assert all(0.0 <= v.score <= 1.0 for v in result.verdicts)
    assert [v.keep for v in result.verdicts] == [False, True, True, True, False]


def _all_blocks() -> list[str]:
    from tests.conftest import SAMPLES

    blocks = [b for _, b in DROP_CASES] + _rows("chrome_keep.txt")
    for page in SAMPLES.glob("*.txt"):
        blocks.extend(line for line in page.read_text(encoding="utf-8").splitlines() if line.strip())
    return blocks


def test_trigger_gate_never_changes_a_decision() -> None:
    """The keyword gate is a speed-up only: gated and ungated rules agree on every block."""
    from cleaner.chrome import RULES
    from cleaner.chrome.rules import PatternRule, block_keys

    for rule in RULES:
        if not isinstance(rule, PatternRule):
            continue
        for phrases in (rule.pattern, rule.weak):
            assert phrases is None or phrases.triggers is not None, f"{rule.reason} is not gated"
        for text in _all_blocks():
            features = block_features(text, all_stopwords())
            gated, ungated = rule.check(features, block_keys(features)), rule.check(features, None)
            assert gated == ungated, (rule.reason, text)


CHINESE_PROSE = (
    "上個週末我們一家人開車到山上的小村子，路上的樹葉已經變成了紅色和黃色，看起來非常漂亮。",
    "村子裡的老房子大多是用木頭蓋的，住在這裡的人們每天早上都會到河邊洗菜，然後在門口聊天。",
    "晚上我們在朋友家吃了一頓很豐盛的晚餐，大家一邊喝茶一邊說著這幾年發生的事情，一直到很晚才休息。",
)


def test_chinese_page_loses_its_menus_and_comment_thread() -> None:
    comments = ["#1 小明 於 2020/01/02 10:00", "好美的地方", "下次也想去看看",
                "#2 阿華 於 2020/01/03 21:15", "照片拍得真好", "謝謝分享",
                "#3 訪客 於 2020/01/05 08:40", "這個季節最適合去了"]
    page = _page("首頁", "旅遊", "美食", "相關文章", "山上的小村子", *CHINESE_PROSE, "全站分類：旅遊日記",
                 "留言列表 (3)", *comments, "回到頂端")
    result = clean_document(page)
    assert result.language == "zh"
    assert all(p in result.text for p in CHINESE_PROSE)  # and repair added no space inside them
    for chrome_line in ("首頁", "相關文章", "全站分類", "留言列表", *comments, "回到頂端"):
        assert chrome_line not in result.text


def test_extracted_text_keeps_its_own_copyright_section() -> None:
    """Inside an extractor's main text, a specification's own licence section is the
    document's; at its foot, a copyright line is the page's leaking in."""
    from cleaner.chrome import classify
    from cleaner.config import Mode

    body = [f"Section {n} explains how a client asks the server for a list of stored files and "
            f"what the server answers." for n in range(1, 13)]
    middle = ["Licence and copyright", "Copyright (c) 2014 Example Trust and the persons named as authors."]
    texts = body[:3] + middle + body[3:] + ["Copyright © 2024 Example Media. All rights reserved."]
    assert first_rule(block_features(middle[1], all_stopwords())) == "chrome:copyright"
    verdicts = classify(texts, "en", Mode.BALANCED, extracted=True)
    assert verdicts[3].keep and verdicts[4].keep
    assert not verdicts[-1].keep and verdicts[-1].reason == "chrome:copyright"


_BODY = [
    f"Paragraph {n} of the report describes how the volunteers counted the birds along the shore "
    "every morning for a month and wrote down what they saw in a shared notebook at the harbour office."
    for n in range(12)
]
_LEAD = ("The spring count of wading birds on the estuary found more curlews than in any year since "
         "the survey began, the volunteers who ran it said on Monday.")
_TEASER = ("A second team counted swallows on the moor and found that they arrived two weeks earlier than "
           "last year, which the team put down to the mild spring.")


def test_a_lead_split_from_its_article_by_a_photo_stays_but_a_distant_island_goes() -> None:
    gap = ["Share", "Facebook", "Twitter", "Photo: Harbour Office", "Listen to this article"]
    page = _page("Home", "News", _LEAD, *gap, *_BODY, "Privacy Policy", "Terms", "Contact",
                 "Cookie settings", "Newsletter", "Jobs", "Imprint", "Sitemap", "Help", _TEASER, "Sitemap")
    kept = clean(page)
    assert _LEAD in kept
    assert _BODY[0] in kept and _BODY[-1] in kept
    assert _TEASER not in kept


#: a site's menu: section labels, each over the headlines of other articles with their
#: authors' names, long enough to pass for prose but no sentence among them
_MENU = ["Nature", "nature", "Birds", "Rivers", "Weather",
         "The long walk home of the grey seals that left the harbour for the open sea last winter Ann Lee",
         "How the old mill on the river became the best place in the county to watch for otters Tom Fox",
         "Towns", "towns", "Markets", "Schools",
         "Why the council wants to move the Saturday market from the square down to the old quay Sam Hill",
         "The bakers of the high street who have kept their ovens going for over a hundred years Ann Lee"]


@pytest.mark.parametrize("model", [None, "builtin"])
def test_a_menu_of_labels_and_headlines_is_no_lead_but_an_article_head_is(model: str | None) -> None:
    head = ["Curlews return to the estuary in record numbers",
            "The volunteers who count the wading birds each spring had never seen so many on the mud",
            "By Jane Roe", "Sections"]
    chrome = ["Log in", "Subscribe", "Search"]
    page = _page("Harbour Times", *chrome, *_MENU, *chrome, *head, "Photo: Harbour Office", "Share",
                 *_BODY, "Privacy Policy", "Terms", "Contact")
    kept = clean(page, model=model).splitlines()
    assert not set(_MENU) & set(kept)
    assert head[1] in kept and _BODY[0] in kept and _BODY[-1] in kept
    if model is None:  # the model drops titles as the readability gold does
        assert head[0] in kept


_METHOD = [
    "Heat the oil in a wide pan and cook the onion slowly for ten minutes, until it is soft and golden "
    "but not brown, stirring now and then so that it does not catch on the bottom of the pan.",
    "Add the lentils, the stock and the bay leaf, bring everything to the boil and then let it simmer "
    "gently for about twenty-five minutes, until the lentils are tender and most of the stock has gone.",
    "Season the soup with salt and pepper, take out the bay leaf and blend half of it, then stir it back "
    "into the rest so that the soup is thick but still has some texture when you serve it.",
]


def test_a_list_of_quantities_right_above_the_method_stays_but_counts_above_an_article_go() -> None:
    ingredients = ["2 tablespoons olive oil", "1 large onion, chopped", "250 g red lentils",
                   "1½ litres vegetable stock", "1 bay leaf"]
    page = _page("Home", "Recipes", "Soups", "Search", "Red lentil soup", "Print recipe", "Ingredients",
                 *ingredients, *_METHOD, "Privacy Policy", "Terms", "Contact")
    kept = clean(page).splitlines()
    assert set(ingredients) <= set(kept) and _METHOD[0] in kept
    assert "Soups" not in kept
    # Counts and dates above an article are no list of quantities.
    counts = ["12 comments", "March 3, 2024", "Updated 10:15", "3 photos"]
    page = _page("Home", "News", "Search", *counts, *_BODY, "Privacy Policy", "Terms", "Contact")
    kept = clean(page).splitlines()
    assert not set(counts) & set(kept) and _BODY[0] in kept


_OFFER = ["Keep reading with Harbour Pass", "Harbour Pass Digital", "Twelve months", "£48",
          "billed once", "then £6 a month", "Best value", "Every story, every morning",
          "Four weeks", "£1", "for the first four weeks", "Stop whenever you like",
          "Already a subscriber? Log in"]


@pytest.mark.parametrize("mode", ["precision", "balanced", "recall"])
def test_an_article_head_parted_from_its_body_by_a_paywall_offer_stays(mode: str) -> None:
    head = ["Curlews return to the estuary in record numbers", "By Jane Roe", "12.03.2024 18:27", _LEAD]
    page = _page("Home", "News", "Log in", *head, *_OFFER, *_BODY, "Privacy Policy", "Terms", "Contact")
    kept = clean(page, mode=mode)
    assert _LEAD in kept and head[0] in kept
    assert _BODY[0] in kept and _BODY[-1] in kept
    assert not set(_OFFER) & set(kept.splitlines())  # the box itself goes


def test_a_teaser_before_an_offer_box_is_not_taken_for_the_article_head() -> None:
    # No byline or dateline: a headline and a paragraph ahead of the box are a teaser.
    teaser = ["Swallows arrive early on the moor", _TEASER]
    page = _page("Home", "News", *teaser, *_OFFER, *_BODY, "Privacy Policy", "Terms", "Contact")
    assert _TEASER not in clean(page)
    # Prose inside the box (another story) parts the two as well.
    head = ["Curlews return to the estuary in record numbers", "By Jane Roe", "12.03.2024 18:27", _LEAD]
    page = _page("Home", "News", *head, *_OFFER, _TEASER, *_OFFER, *_BODY, "Privacy Policy", "Terms")
    assert _LEAD not in clean(page)


def test_trigger_keys_of_a_word_ended_by_a_lookahead_and_of_a_word_that_runs_on() -> None:
    from cleaner.chrome.rules import trigger_keys

    assert trigger_keys(r"don(?!['’])") == {"don"}
    assert trigger_keys(r"do(?!x)n") is None  # the word goes on after the lookahead
    assert trigger_keys(r"fig\.\s*\d") == {"fig"}


def test_first_rule_skips_only_rules_that_could_not_match() -> None:
    """Word limits and trigger keys are speed-ups: every rule asked in order agrees."""
    from cleaner.chrome import RULES

    for text in _all_blocks() + [" ".join(["word"] * n) + " © 2024" for n in (5, 29, 30, 31, 80)]:
        features = block_features(text, all_stopwords())
        naive = next((reason for rule in RULES if (reason := rule(features))), None)
        assert first_rule(features) == naive, text


def test_see_also_notes_between_sections_do_not_cut_the_article() -> None:
    sections = []
    for name in ("Geography", "Climate", "Wildlife"):
        sections += [name, f"Main article: {name} of the estuary", f"See also: Maps of the {name.lower()}",
                     *(f"{name}: {p}" for p in _BODY[:3])]
    page = _page("Home", "News", *_BODY[:4], *sections, "Privacy Policy", "Terms")
    kept = clean(page)
    for name in ("Geography", "Climate", "Wildlife"):
        assert f"{name}: {_BODY[2]}" in kept
        assert f"\n{name}\n" in f"\n{kept}"
    assert "Main article:" not in kept and "See also:" not in kept


def test_a_heading_above_a_main_article_note_stays_after_a_table_of_contents_or_a_caption() -> None:
    # The context pass reads a lone short line after other short lines (a table of
    # contents, a photo caption) as a menu's last item; the hatnote under it says heading.
    page = _page("Home", "News", _LEAD, *_BODY[:3], "Contents", "1 Geography", "2 Weather", "3 Wildlife",
                 "Geography", "Main article: Geography of the estuary", *_BODY[3:6],
                 "A ferry at the north pier", "Weather", "Main article: Weather on the estuary", *_BODY[6:9],
                 "Privacy Policy", "Terms")
    result = clean_document(page, repair=False)
    verdicts = {b.text: v for b, v in zip(result.blocks, result.verdicts, strict=True)}
    for heading in ("Geography", "Weather"):
        assert verdicts[heading].keep and verdicts[heading].reason == "content:heading", heading
    assert not verdicts["Main article: Geography of the estuary"].keep
    assert not verdicts["Privacy Policy"].keep


def test_a_code_sample_between_paragraphs_stays_but_a_sidebar_of_counts_does_not_pass_for_code() -> None:
    from cleaner.chrome.context import BlockClass, _code_run

    code = ["WITH totals AS (", "SELECT region, sum(amount) AS total", "FROM sales", "GROUP BY region", ")",
            "SELECT *", "FROM totals;", "region | total", "north | 120", "south | 95"]
    # Two samples share their lines ("SELECT *"), which the context pass alone takes for
    # a site's repeated chrome, and drops the short lines around them.
    page = _page("Home", "News", *_BODY[:3], *code, *_BODY[3:6], *code, *_BODY[6:9],
                 "Privacy Policy", "Terms")
    kept = clean(page)
    for line in code:
        assert f"\n{line}\n" in f"\n{kept}\n", line
    sidebar = ["Forum", "12:48", "Ferry times changed again (44)", "11:05", "Parking at the pier (7)",
               "10:48", "Where to buy tickets? (12)", "09:00", "Lost and found (3)"]
    for run, expected in ((code, True), (sidebar, False)):
        texts = [_BODY[0], *run, _BODY[1]]
        features = [block_features(t, all_stopwords()) for t in texts]
        classes = [BlockClass.GOOD, *[BlockClass.SHORT] * len(run), BlockClass.GOOD]
        found = _code_run(features, classes, [None] * len(texts), 1)
        assert found == (list(range(1, len(run) + 1)) if expected else [])


def test_a_bulleted_list_of_points_is_kept_whole_but_a_list_of_headlines_is_not_extended() -> None:
    long_items = [f"+ The harbour office now {verb} the ferry timetable for the whole season at once, "
                  "so that visitors can plan their trips to the islands well before they leave home"
                  for verb in ("publishes", "prints", "mails", "posts")]
    short_items = ["+ Added a winter timetable", "+ Added Sunday sailings", "+ Removed the night ferry"]
    page = _page("Home", "News", "Ferry service changes", *short_items, *long_items,
                 "Privacy Policy", "Terms", "Cookie settings", "Imprint")
    kept = clean(page)
    for item in short_items + long_items:
        assert item in kept, item
    from cleaner.chrome.context import BlockClass, _keep_whole_lists
    from cleaner.document import Verdict

    teasers = ["* Harbour Office Says the New Ferry Will Arrive Before the Summer Season Starts in the Bay",
               "* Island Timetable Published Early", "* New Pier Opens on Monday"]
    features = [block_features(t, all_stopwords()) for t in teasers]
    verdicts = [Verdict(True, "content", 0.9), Verdict(False, "chrome:context", 0.3),
                Verdict(False, "chrome:context", 0.3)]
    _keep_whole_lists(features, [BlockClass.GOOD, BlockClass.SHORT, BlockClass.SHORT], verdicts)
    assert [v.keep for v in verdicts] == [True, False, False]


_REFERENCES = [
    '^ Smith, Jane (12 March 2019). "Road repairs and the city budget". The Gazette. Retrieved 2 May 2020.',
    '^ "Council minutes, spring session". City of Example. 2019. Retrieved 14 June 2021.',
    "^ Brown, Tom (2015). Paying for Streets. Example Press. ISBN 978-1-23-456789-7.",
    '^ a b "Local taxes explained". Example Times. Archived from the original on 3 January 2018.',
    "^ Brown 2015, p. 47.",
]


@pytest.mark.parametrize("numbered", [False, True])
def test_an_articles_reference_list_after_see_also_stays_in_balanced_mode(numbered: bool) -> None:
    references = [f"{i}. {ref}" if numbered else ref for i, ref in enumerate(_REFERENCES, 1)]
    page = _page("Home", "Contents", *PROSE, "See also[edit]", "Street maintenance", "Local government",
                 "References[edit]", *references, "Navigation menu", "Log in", "Main page", "Random article",
                 "Retrieved from https://example.org/wiki/Road_repairs")
    result = clean_document(page, mode="balanced")
    kept = {block.text: verdict for block, verdict in zip(result.blocks, result.verdicts, strict=True)
            if verdict.keep}
    assert all(p in kept for p in PROSE)
    assert all(kept[ref].reason == "content:citations" for ref in references)
    assert "References[edit]" in kept
    for chrome in ("Navigation menu", "Main page", "Random article",
                   "Retrieved from https://example.org/wiki/Road_repairs"):
        assert chrome not in kept
    # Precision mode leaves references out; two lines that look like citations are no list.
    assert not any(ref in clean(page, mode="precision") for ref in references)
    short = _page(*PROSE, "See also[edit]", "Street maintenance", "Local government", *references[:2],
                  "Main page", "Random article")
    assert references[0] not in clean(short, mode="balanced")


def test_numbered_step_headings_are_sections_but_a_pager_and_reply_buttons_repeat() -> None:
    def reasons(*texts: str) -> list[str | None]:
        return repeated_blocks([block_features(t, all_stopwords()) for t in texts])

    steps = [f"Step {n}" for n in range(1, 5)]
    page = [block for step, body in zip(steps, PROSE * 2, strict=False) for block in (step, body)]
    assert reasons(*page) == [None] * len(page)
    # The same line without its count, a pager's links side by side, numbers out of order:
    # a template's.
    assert reasons("Reply", PROSE[0], "Reply", PROSE[1], "Reply") == ["chrome:repeated", None] * 2 + [
        "chrome:repeated"]
    assert reasons(PROSE[0], "Page 1", "Page 2", "Page 3").count("chrome:repeated") == 3
    assert reasons("12 replies", PROSE[0], "3 replies", PROSE[1], "40 replies").count("chrome:repeated") == 3
    # Thousands of digits are no section number (and no crash: int() refuses them).
    huge = [f"Step {'x' * 5000}{'1' * 4400}{n}" for n in range(1, 4)]
    assert reasons(huge[0], PROSE[0], huge[1], PROSE[1], huge[2]).count("chrome:repeated") == 3
    kept = clean(_page("Home", *PROSE[:1], *(b for s, p in zip(steps, PROSE, strict=False) for b in (s, p))))
    assert all(step in kept for step in steps[:3])


def test_a_line_of_quoted_speech_said_again_is_no_template() -> None:
    def reasons(*texts: str) -> list[str | None]:
        return repeated_blocks([block_features(t, all_stopwords()) for t in texts])

    story = [PROSE[0], '"I will not sign it."', PROSE[1], "“I will not sign it.”", PROSE[2],
             '"I will not sign it."']
    assert reasons(*story) == [None] * len(story)
    assert reasons(PROSE[0], "« Non, merci. »", PROSE[1], "« Non, merci. »", PROSE[2],
                   "« Non, merci. »") == [None] * 6
    # A template's quoted label has no sentence's end; an unquoted line is no speech.
    assert reasons('"Share"', PROSE[0], '"Share"', PROSE[1], '"Share"').count("chrome:repeated") == 3
    assert reasons("I will not sign it.", PROSE[0], "I will not sign it.", PROSE[1],
                   "I will not sign it.").count("chrome:repeated") == 3
    kept = clean(_page("Home", *story, PROSE[0]))
    assert kept.count("not sign it") == 3


_TEASER_BOX = [
    line
    for headline, summary in (
        ("Ferry timetable changes for the winter season",
         "The harbour company will run fewer crossings from November and has asked passengers to book "
         "their seats online before they travel to the quay."),
        ("New cycle path opens along the old railway line",
         "Walkers and cyclists can now follow the disused track from the station to the reservoir, a "
         "route that the town council has planned for many years."),
        ("Library extends its opening hours on Saturdays",
         "From next month the central library will stay open until six in the evening, after readers "
         "asked for more time at the weekend in a survey last spring."),
        ("School choir wins the regional singing contest",
         "The pupils travelled to the county hall with their music teacher and came home with the "
         "trophy and an invitation to sing at the national final in May."),
        ("Market traders welcome the new covered stalls",
         "Stallholders said the roof would keep their goods dry through the winter months and bring "
         "more shoppers into the square on rainy days."),
    )
    for line in (headline, summary)
]


@pytest.mark.parametrize("model", ["none", "builtin"])
@pytest.mark.parametrize("where", ["after", "before"])
def test_a_box_of_teasers_outweighing_a_short_article_goes(where: str, model: str) -> None:
    chrome = ["Share this article", "Facebook", "Twitter", "Email", "Print", "More from the town"]
    blocks = ([*PROSE, *chrome, *_TEASER_BOX] if where == "after"
              else [*_TEASER_BOX, *chrome, *PROSE])
    result = clean_document(_page("Home", "News", *blocks, "Contact", "Privacy Policy"), model=model)
    assert all(p in result.text for p in PROSE)
    reasons = {b.text: v.reason for b, v in result.removed()}
    for line in _TEASER_BOX:
        assert reasons.get(line) == "chrome:related", line


def test_an_article_made_of_headed_short_sections_stays_whole() -> None:
    """The same shape is an article when nothing else on the page reads as one."""
    out = clean(_page("Home", "News", "Share", "Facebook", "Twitter", *_TEASER_BOX, "Contact",
                      "Privacy Policy"))
    assert all(line in out for line in _TEASER_BOX)


_COMMENTS = [
    ("Harbour Watcher · March 10, 2024 at 12:20 AM",
     "I have walked along that shore for thirty years and never seen so many curlews at once; the "
     "volunteers deserve our thanks for getting up so early every morning to count them properly. "
     "It would be good to know whether the numbers on the other side of the estuary went up too."),
    ("Jo Pike · March 10, 2024 at 1:26 AM",
     "The council should use these figures when it decides on the new car park by the marsh, "
     "because more cars and more people walking their dogs will surely frighten the birds away "
     "again, and then all the good work of the last few years will have been for nothing."),
    ("Sam · March 10, 2024 at 2:56 AM",
     "My children joined the count last year and loved it; they still talk about the morning "
     "when they saw a heron catch an eel right in front of the harbour office window, and they "
     "want to go again next spring as soon as the school holidays begin."),
    ("Rita Cole · March 11, 2024 at 8:41 PM",
     "Does anyone know whether the survey will be repeated in the autumn, when the birds come "
     "back from the north? I would like to help with the counting if they need more people, "
     "and I am sure some of my neighbours would join in as well."),
]


@pytest.mark.parametrize("model", ["none", "builtin"])
def test_a_comment_thread_outweighing_the_article_goes(model: str) -> None:
    """Reply buttons part the posts of a thread; their text, longer than the article's,
    must not be taken for the article."""
    thread = [line for name, comment in _COMMENTS for line in (name, comment, "Reply")]
    article = [_LEAD, *_BODY[:3]]
    page = _page("Home", "News", "Curlews return to the estuary in record numbers", *article,
                 "Share this:", "Facebook", "Twitter", "There are 4 comments", *thread,
                 "Leave a Reply Cancel reply", "Your email address will not be published.")
    result = clean_document(page, model=model)
    assert all(p in result.text for p in article)
    reasons = {b.text: v.reason for b, v in result.removed()}
    for _, comment in _COMMENTS:
        assert reasons.get(comment) == "chrome:comments", comment


_FORUM_POSTS = [
    ("marta_k", "Member", "Our allotment's rain barrel turns green within a week every summer, even with "
     "the lid on. Is there a safe way to keep the water clear for the vegetables without chemicals?"),
    ("oldgrower", "Senior member", "Green water is algae, and algae need light: paint the barrel dark or "
     "wrap it in old carpet, and most of the trouble stops. A barrel in the shade of the shed helps too, "
     "and the water stays perfectly fine for watering beans and courgettes."),
    ("marta_k", "Member", "Thank you, the carpet worked. Two weeks on and the water is still clear, "
     "so the tomatoes get rainwater again."),
]


def test_a_thread_title_above_the_posters_card_stays_but_a_menu_item_above_a_box_does_not() -> None:
    posts = [("Paul", "Ivy had grown over the whole back fence and I could not find where it started, so "
                      "I cut it back bit by bit over two weekends and pulled the roots out by hand."),
             ("Rita", "If the roots go under the fence, dig a trench along it first, otherwise the ivy "
                      "comes back through the gaps within a year and you have to start again.")]
    thread = ["Getting rid of ivy on an old fence"]
    for n, (name, text) in enumerate(posts):
        thread += [name, "Member", f"Joined: Mar {n + 2}, 2021", f"Posts: {40 + n}", text, "Reply"]
    page = _page("Forums", "Log in", "Garden", "Weeds", *thread, "Terms and rules", "Privacy policy")
    kept = clean(page).splitlines()
    assert thread[0] in kept and posts[0][1] in kept and posts[1][1] in kept
    assert "Member" not in kept and "Joined: Mar 2, 2021" not in kept
    # The same layout with a box of links and no poster's card: the line above it is a menu's.
    box = ["Read more", "Share", "Our team"]
    page = _page("Forums", "Log in", "Garden", "Getting rid of ivy on an old fence", *box, posts[0][1],
                 *box, posts[1][1], *box, "Terms and rules")
    assert "Getting rid of ivy on an old fence" not in clean(page).splitlines()


def test_a_table_column_named_comment_does_not_end_the_article_but_a_comments_heading_does() -> None:
    # A table flattened to one cell per line; its last column is headed "Comment".
    table = ["State", "Timestamp", "Comment", "new", "scheduled_at",
             "The task waits in the store until it is due.", "queued", "queued_at + timeout",
             "The task goes back to the queue if no worker has claimed it in time."]
    after = [f"After the table, paragraph {n} explains how the workers report back to the scheduler "
             "once a task is done, and what happens to the failed tasks." for n in range(3)]
    page = _page("Home", "Blog", *_BODY[:8], *table, *after, "Privacy Policy", "Terms", "Contact")
    kept = clean(page)
    assert all(paragraph in kept for paragraph in after)
    _assert_thread_after_article_goes("Comments")


def _assert_thread_after_article_goes(heading: str) -> None:
    comments = [heading, "Anna", "Great write-up, thanks for sharing how the scheduler works.", "Reply",
                "Ben", "Could you say more about what happens to the tasks that time out?", "Reply"]
    page = _page("Home", "Blog", *_BODY[:8], *comments, "Privacy Policy", "Terms", "Contact")
    assert "Great write-up" not in clean(page)


def test_a_heading_named_response_does_not_end_an_article_but_a_count_of_responses_does() -> None:
    # An API guide's section on what a call returns, after most of its prose.
    after = [f"The response object, paragraph {n}, carries the status code, the headers and a body "
             "that can be read once, as text, as JSON or as raw bytes." for n in range(3)]
    page = _page("Home", "Blog", *_BODY[:8], "Response", *after, "Privacy Policy", "Terms", "Contact")
    kept = clean(page)
    assert all(paragraph in kept for paragraph in after)
    _assert_thread_after_article_goes("2 Responses")


@pytest.mark.parametrize("model", ["none", "builtin"])
def test_every_post_of_a_forum_thread_stays_but_comments_after_an_article_go(model: str) -> None:
    """A post's reply button is no heading announcing the end of the page's text: the
    last, shorter post of a thread stays with the others. Comments under an article
    still go, each one after its own reply button."""
    posts = [line for name, rank, post in _FORUM_POSTS
             for line in (name, rank, "Joined: May 2019", "Messages: 212", post, "Reply")]
    forum = _page("Forums", "Log in", "Register", "Home", "Forums", "Gardening", *posts,
                  "You must log in or register to reply here.", "Terms and rules", "Privacy policy")
    out = clean(forum, model=model)
    for _, _, post in _FORUM_POSTS:
        assert post in out
    thread = [line for name, comment in _COMMENTS for line in (name, comment, "Reply")]
    article = _page("Home", "News", "Curlews return to the estuary in record numbers", _LEAD, *_BODY[:6],
                    "Share this:", "Facebook", *thread, "Privacy Policy")
    result = clean_document(article, model=model)
    assert all(p in result.text for p in (_LEAD, *_BODY[:6]))
    assert not any(comment in result.text for _, comment in _COMMENTS)


@pytest.mark.parametrize("model", [None, "builtin"])
def test_bare_counts_and_bullets_go_but_a_year_heading_and_a_labelled_value_stay(model: str | None) -> None:
    page = _page("Home", "Questions", "Why do curlews return to the same estuary?", "Viewed 12k times",
                 "14", PROSE[0], "2,311", PROSE[1], "*", "2019", PROSE[2], "Servings", "40", _LEAD,
                 "1", "2", "3", "Next", "Privacy Policy")
    result = clean_document(page, model=model)
    verdicts = {b.text: v for b, v in zip(result.blocks, result.verdicts, strict=True)}
    for count in ("14", "2,311", "1", "2", "3", "*"):
        assert not verdicts[count].keep, count
    assert verdicts["14"].reason == "chrome:count" and verdicts["*"].reason == "chrome:bullet"
    assert all(p in result.text for p in (*PROSE, _LEAD))
    assert verdicts["2019"].keep and verdicts["40"].keep


_TICKER = [
    "Live",
    "14:44 Harbour board names a new chair after months of talks",
    "The board said the new chair, a former ferry captain, would take up the post in the spring and "
    "set out her plans for the quay at the first meeting of the year.",
    "14:32 Storm warning for the coast tonight",
    "Forecasters expect gusts of up to eighty miles an hour along the coast from late evening, and "
    "the ferry company has already cancelled the last two crossings of the day.",
    "14:10 Museum reopens its maritime gallery",
    "After two years of repairs the gallery shows the old lifeboat again, together with the logbooks "
    "of its crews and a film about the rescues they carried out in the bay.",
    "13:54 School bus route changes from Monday",
    "Pupils from the villages north of the town will be collected twenty minutes earlier while the "
    "bridge on the main road is closed for repairs over the next six weeks.",
]


#: a feed of short news, each under the time since it was posted
_AGO_TICKER = [
    "Newsroom",
    *[line for n, summary in enumerate(_TICKER[2::2]) for line in (f"{12 * n + 5} minutes ago", summary)],
]


@pytest.mark.parametrize("model", ["none", "builtin"])
@pytest.mark.parametrize("ticker", [_TICKER, _AGO_TICKER], ids=["clock", "ago"])
def test_a_news_ticker_beside_a_short_article_goes_but_a_live_blog_stays(ticker: list[str],
                                                                         model: str) -> None:
    page = _page("Home", "News", *PROSE, "Share", "Facebook", "Newsletter", *ticker, "Contact")
    result = clean_document(page, model=model)
    assert all(p in result.text for p in PROSE)
    summaries = _TICKER[2::2]
    assert not any(line in result.text for line in summaries)
    live_blog = clean(_page("Home", "News", *ticker, "Contact", "Privacy Policy"), model=model)
    assert all(line in live_blog for line in summaries)


@pytest.mark.parametrize("model", ["none", "builtin"])
def test_a_read_also_label_on_its_own_line_is_one_link_not_the_articles_end(model: str) -> None:
    body = [_LEAD, *_BODY[:4]]
    linked = "Swallows arrive two weeks early on the moor"
    page = _page("Home", "News", *body, "Read also:", linked, PROSE[0], "Share", "Facebook",
                 "Privacy Policy")
    result = clean_document(page, model=model)
    reasons = {b.text: v.reason for b, v in result.removed()}
    assert reasons.get("Read also:") == "chrome:read-also" and reasons.get(linked) == "chrome:read-also"
    assert all(p in result.text for p in body) and PROSE[0] in result.text
    # Followed by a list of headlines, the label heads the site's related links.
    headlines = [linked, "Harbour board names a new chair", "Ferry timetable changes for the winter"]
    listed = clean_document(_page("Home", "News", *body, "Read also:", *headlines, "Privacy Policy"),
                            model=model)
    assert {b.text: v.reason for b, v in listed.removed()}.get("Read also:") == "chrome:related"


@pytest.mark.parametrize("model", ["none", "builtin"])
def test_teasers_printed_right_under_the_article_go_but_its_short_headed_sections_stay(model: str) -> None:
    long_paragraphs = [" ".join([paragraph] * 3) for paragraph in _BODY[:4]]
    teaser_box = _TEASER_BOX[:6]
    result = clean_document(_page("Home", "News", *long_paragraphs, *teaser_box, "Privacy Policy"),
                            model=model)
    assert all(p in result.text for p in long_paragraphs)
    reasons = {b.text: v.reason for b, v in result.removed()}
    assert all(reasons.get(line) == "chrome:related" for line in teaser_box)
    # Sections as short as the paragraphs before them are the article's own.
    same_length = clean(_page("Home", "News", *PROSE, *teaser_box, "Privacy Policy"), model=model)
    assert all(line in same_length for line in teaser_box)


_SLIDES = [
    line
    for number, (headline, caption) in enumerate((
        ("Bakery chain opens its hundredth shop",
         "The family firm started with one oven in a back street and now sells bread in every county, "
         "its founder told shareholders at the annual meeting."),
        ("Airline orders twelve new jets",
         "The carrier expects the aircraft to arrive over three years and says they will burn a fifth "
         "less fuel than the planes they replace."),
        ("Toy maker recalls wooden trains",
         "Parents are asked to return the sets because a small wheel can come loose, although no "
         "injuries have been reported so far."),
        ("Coffee prices climb after poor harvest",
         "Traders blamed frost in the growing regions for the rise, which roasters expect to pass on "
         "to shoppers before the end of the year."),
        ("Shipyard wins navy contract",
         "Hundreds of welders will be hired to build the patrol boats, securing work at the yard "
         "until the next decade."),
        ("Brewery merger approved",
         "Regulators cleared the deal on condition that the combined company sells two of its "
         "smaller labels to a rival."),
    ), start=1)
    for line in (f"{number}/6 {headline}", caption)
]


@pytest.mark.parametrize("model", ["none", "builtin"])
def test_a_slideshow_of_other_news_inside_an_article_goes(model: str) -> None:
    body = [*PROSE[:2], *_SLIDES, PROSE[2], _BODY[0]]
    result = clean_document(_page("Home", "News", *body, "Privacy Policy", "Contact"), model=model)
    reasons = {b.text: v.reason for b, v in result.removed()}
    assert all(reasons.get(line) == "chrome:gallery" for line in _SLIDES)
    assert all(p in result.text for p in (*PROSE, _BODY[0]))


def test_a_slideshow_that_is_the_page_or_shows_the_articles_own_story_stays() -> None:
    alone = clean(_page("Home", "News", "Business in pictures", PROSE[0], *_SLIDES, "Privacy Policy"))
    assert all(line in alone for line in _SLIDES)
    # Around a story about the same firms, the slides are its photos.
    story = ("Shareholders of the bakery chain, the airline, the toy maker, the shipyard and the brewery "
             "heard that coffee prices, jets, wooden trains, navy contracts and the merger decided "
             "their year, and every founder expects the rise in prices to reach shoppers soon.")
    own = clean(_page("Home", "News", story, *_SLIDES, story.replace("Shareholders", "Owners"),
                      "Privacy Policy"))
    assert all(line in own for line in _SLIDES)


def test_counted_lines_that_do_not_count_up_are_no_slideshow() -> None:
    dates = [f"{day}/04/2024 at 9:00 am" for day in range(10, 17)]
    fractions = ["1/2 cup flour", "1/3 cup sugar", "1/4 teaspoon salt", "1/2 cup milk", "1/8 teaspoon nutmeg"]
    for lines in (dates, fractions):
        out = clean(_page(*PROSE, *[f"{line}\n{_BODY[k]}" for k, line in enumerate(lines)], "Privacy Policy"))
        assert all(_BODY[k] in out for k in range(len(lines)))


_SECTION = [
    "The volunteers who counted the birds along the shore every morning say the harbour office "
    "notebook shows far more curlews this month than in the same month of the report before.",
    "Volunteers who want to join the count next spring can leave their names in the notebook at the "
    "harbour office, and the report will name every volunteer who counted the birds along the shore.",
]
_PROMOTION = [
    "Our dealership offers flexible financing on each new hatchback this winter, with seasonal tyres "
    "included and a free inspection after your first twelve months of driving the vehicle.",
    "Visit the showroom on Saturday for coffee, a test drive and a valuation of your present vehicle "
    "by our trained staff, who will explain each financing option in plain language before you "
    "decide anything at all.",
]


@pytest.mark.parametrize("model", ["none", "builtin"])
def test_a_section_set_apart_by_a_figure_stays_with_its_article_but_an_island_on_other_things_goes(
        model: str) -> None:
    figure = ["Share", "Facebook", "Twitter", "Email"]
    for part, kept in ((_SECTION, True), (_PROMOTION, False)):
        page = _page("Home", "News", *_BODY, *figure, *part, "Privacy Policy", "Contact")
        result = clean_document(page, model=model)
        assert all(p in result.text for p in _BODY)
        assert all((p in result.text) == kept for p in part), part[0]
