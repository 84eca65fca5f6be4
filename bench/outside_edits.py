"""What token repair changes in published text that nobody damaged on purpose.

The repair benchmark counts false edits on the dev pages' gold texts, which are news
and blog articles the repair rules were designed on. This script runs the repair stage
alone (``cleaner --no-chrome``) over other text: by default the documentation this
machine has installed (``/usr/share/doc`` and the Python environment's packages:
release notes, API references, READMEs, mostly technical). Such text was proofread, so
nearly every edit is a false one; the few real typos it holds count against us too,
which makes the figure an upper bound. Each file is one document; only those detected
as English are counted (the other languages' repair is tested on the dev pages).

Two runs: each document alone (as ``cleaner`` cleans one page), and with the corpus's
vocabulary learned in a first pass over the same documents (as ``cleaner batch`` does:
a word written on three or more documents is left whole).

    python bench/outside_edits.py
    python bench/outside_edits.py ~/corpus/clean-docs --top 50
"""

from __future__ import annotations

import argparse
import sys
import sysconfig
from collections import Counter
from pathlib import Path

from cleaner import Cleaner
from cleaner.lexicon import detect_language
from cleaner.site import SiteProfile

#: repairs of what normalisation finds (mojibake, controls, invisible characters) are
#: not judgements about words, and documentation holds real ones
WORD_RULES = ("repair:split", "repair:join", "repair:hyphen", "repair:space")
SUFFIXES = (".txt", ".rst", ".md")
#: documents shorter than this are licence stubs and changelog one-liners; longer ones
#: are generated references
MIN_CHARS, MAX_CHARS = 200, 400_000


def default_roots() -> list[Path]:
    return [Path("/usr/share/doc"), Path(sysconfig.get_paths()["purelib"])]


def documents(roots: list[Path]) -> list[Path]:
    found = [path for root in roots if root.is_dir() for path in root.rglob("*")
             if path.suffix in SUFFIXES and path.is_file()]
    return sorted(found)


def _english(roots: list[Path]) -> list[tuple[str, str]]:
    found = []
    for path in documents(roots):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if MIN_CHARS < len(text) < MAX_CHARS and detect_language(text.splitlines()) == "en":
            found.append((path.parent.name, text))
    return found


def _edits(cleaner: Cleaner, docs: list[tuple[str, str]]) -> Counter[tuple[str, str, str]]:
    edits: Counter[tuple[str, str, str]] = Counter()
    for _, text in docs:
        for edit in cleaner.clean_document(text).edits:
            if edit.rule in WORD_RULES:
                edits[(edit.rule, edit.before, edit.after)] += 1
    return edits


def _report(title: str, edits: Counter[tuple[str, str, str]], words: int, top: int) -> None:
    print(f"\n{title}")
    print(f"{'rule':14} {'edits':>6} {'per 10k words':>14}")
    total = 0
    for rule in WORD_RULES:
        count = sum(n for (r, _, _), n in edits.items() if r == rule)
        total += count
        print(f"{rule:14} {count:6d} {count / words * 10_000:14.2f}")
    print(f"{'all':14} {total:6d} {total / words * 10_000:14.2f}")
    for rule in WORD_RULES:
        common = [(before, after, n) for (r, before, after), n in edits.most_common() if r == rule][:top]
        if common:
            print(f"  most frequent {rule}: " + "; ".join(f"{n}x {b!r} -> {a!r}" for b, a, n in common))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("roots", nargs="*", type=Path, help="folders of .txt/.rst/.md files")
    parser.add_argument("--top", type=int, default=25, help="most frequent edits to list per rule")
    args = parser.parse_args()
    roots = args.roots or default_roots()
    docs = _english(roots)
    words = sum(len(text.split()) for _, text in docs)
    if not words:
        sys.exit("outside_edits: no English documents found under " + ", ".join(map(str, roots)))
    print(f"{len(docs)} English documents, {words:,} words under {', '.join(map(str, roots))}")
    alone = Cleaner(chrome=False, input_format="text")
    _report("each document alone", _edits(alone, docs), words, args.top)
    profile = SiteProfile()
    for site, text in docs:
        profile.add_page(site, alone.page_lines(text))
    learned = Cleaner(chrome=False, input_format="text", profile=profile.pruned())
    _report(f"with the corpus vocabulary ({len(learned.profile.words) if learned.profile else 0} words "
            "on 3+ documents)", _edits(learned, docs), words, args.top)


if __name__ == "__main__":
    main()
