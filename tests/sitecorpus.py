"""A generated corpus of three sites with twenty pages each, for site-chrome tests.

Every site has its own template (masthead, menu, newsletter and donation boxes,
footer); article bodies are built from seeded random sentences, so no two are alike.
The traps are built in as well: a long sentence quoted in two articles of one site,
bylines and datelines that recur, and a heading ("Introduction", "Background") that
many articles of a site share.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

SITE_TEMPLATES: dict[str, tuple[list[str], list[str]]] = {
    "harbourtimes": (
        ["Harbour Times", "Home", "Local", "Business", "Sport", "Opinion", "Weather 14°C"],
        ["Harbour Times is an independent newspaper covering the towns and villages along the north "
         "coast, published every day since 1887.",
         "Sign up for the Morning Tide newsletter",
         "The day's harbour news in your inbox before seven.",
         "Harbour Times depends on readers like you. Become a member from 5 a month.",
         "About us", "Contact the newsroom", "Advertise", "Terms of use",
         "© 2024 Harbour Times Media Ltd. All rights reserved."],
    ),
    "fieldnotes": (
        ["Field Notes", "Articles", "Guides", "Podcast", "Shop", "Search the archive"],
        ["Field Notes publishes long reads about landscapes, farming and the people who keep old "
         "crafts alive, written by contributors from across the region.",
         "Enjoyed this piece?",
         "Get our weekly digest of new field guides and essays.",
         "Field Notes is reader supported. Chip in to keep the archive free.",
         "Privacy", "Imprint", "Follow us on Mastodon", "Field Notes 2017 - 2024"],
    ),
    "valleyledger": (
        ["The Valley Ledger", "News", "Council", "Schools", "Courts", "Obituaries",
         "Today's e-edition"],
        ["The Valley Ledger has served the three valley towns since 1921 and is owned by a "
         "trust that reinvests every penny of profit in local reporting.",
         "Stay informed",
         "Our evening bulletin lands at six, every weekday.",
         "Local reporting costs money. Please support the Ledger today.",
         "Corrections policy", "Submit a letter", "Careers", "Sitemap",
         "Copyright 2024 Valley Ledger Publishing"],
    ),
}

_SUBJECTS = ["The regional council", "A group of residents", "The harbour authority", "Local teachers",
             "The new director", "Two volunteers", "The county engineer", "Several shop owners",
             "The football club", "A visiting researcher", "The school board", "Farmers in the valley",
             "The library committee", "A retired pilot", "The water company", "Nurses at the clinic"]
_VERBS = ["approved", "questioned", "described", "rejected", "welcomed", "criticised", "studied",
          "postponed", "funded", "defended", "reviewed", "announced"]
_OBJECTS = ["a plan to widen the coastal road", "the cost of the new ferry terminal",
            "a proposal for longer library hours", "the results of the spring survey",
            "a scheme to restore the old mill", "plans for a second bus route",
            "the budget for road repairs", "a study of the river's water quality",
            "the rules for summer markets", "a pilot project for free school meals",
            "the design of the new footbridge", "a report on rising rents"]
_TAILS = ["after a long debate on Tuesday evening", "despite objections from neighbours",
          "following months of negotiation", "before the holiday season",
          "at a crowded public meeting", "in a letter sent to every household",
          "with support from both parties", "after reviewing the figures again",
          "while the audit is still under way", "to the surprise of many observers"]
_FOLLOW = ["Critics said the timetable was too ambitious for a town of this size.",
           "Supporters argued that the change was overdue and would pay for itself.",
           "A decision on the remaining details is expected next month.",
           "Residents can comment on the proposal until the end of the consultation.",
           "Officials declined to say how much the work would cost in total.",
           "Several speakers asked for an independent review before any money is spent.",
           "The figures will be published in full on the council's website.",
           "Some business owners fear the disruption during construction."]
_NAMES = ["Mara Okafor", "Tomasz Wren", "Aiko Brandt", "Luis Ferreira"]
_MONTHS = ["January", "March", "May", "July", "September", "November"]
_SHARED_HEADINGS = ["Introduction", "Background", "What happens next"]
QUOTED = ("As the former harbour master put it at the time, a town that forgets how its own "
          "waterfront was built will sooner or later pay someone else to rebuild it.")


@dataclass
class Page:
    site: str
    name: str
    text: str
    #: the article's lines: none of them may be removed
    article: list[str] = field(default_factory=list)


def _sentence(rng: random.Random) -> str:
    return (f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)} "
            f"{rng.choice(_TAILS)}. {rng.choice(_FOLLOW)}")


def _article(rng: random.Random, site_index: int, page_index: int) -> list[str]:
    lines = [f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)}".rstrip(".")]
    lines.append(f"By {_NAMES[(page_index + site_index) % len(_NAMES)]}")
    lines.append(f"{rng.choice(_MONTHS)} {rng.randint(1, 28)}, 202{rng.randint(1, 4)}")
    if page_index % 3 != 2:
        lines.append(_SHARED_HEADINGS[site_index % len(_SHARED_HEADINGS)])
    for paragraph in range(rng.randint(4, 7)):
        lines.append(" ".join(_sentence(rng) for _ in range(rng.randint(1, 3))))
        if paragraph == 1 and page_index in (4, 11):
            lines.append(QUOTED)
    return lines


def build_corpus(pages_per_site: int = 20, seed: int = 11) -> list[Page]:
    rng = random.Random(seed)
    pages = []
    for site_index, (site, (header, footer)) in enumerate(SITE_TEMPLATES.items()):
        for page_index in range(pages_per_site):
            article = _article(rng, site_index, page_index)
            text = "\n".join([*header, "", *article, "", *footer]) + "\n"
            pages.append(Page(site, f"page{page_index:02d}.txt", text, article))
    return pages


def write_corpus(root: Path, pages: list[Page]) -> None:
    for page in pages:
        folder = root / page.site
        folder.mkdir(parents=True, exist_ok=True)
        (folder / page.name).write_text(page.text, encoding="utf-8")


def template_lines(site: str) -> list[str]:
    header, footer = SITE_TEMPLATES[site]
    return [*header, *footer]
