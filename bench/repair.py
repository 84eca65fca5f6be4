"""Token-repair benchmark: inject damage into clean text, repair it, score it.

Clean text: the ``gold.txt`` files of ``../shared/devdata/readability``. A seeded
generator injects each damage type (alone, and all mixed) at realistic rates; the
repair stage runs alone (``Cleaner(chrome=False)``, i.e. ``cleaner --no-chrome``); input,
output and truth are aligned word by word. Per damage type it prints:

- recall: damage sites restored exactly (case and punctuation included);
- edit precision: changes the system made that restored damage / all changes it made;
- false edits per 10,000 words when the system runs on the undamaged text;
- words per second of the repair stage, and its ratio to ftfy's own speed.

The gold texts have a few typos of their own ("willingto", "later.Ezra"); the ones
checked by hand are listed in ``bench/gold_errata.tsv`` and corrected in the truth first,
so that false edits count changes to correct text only (``--gold-as-published`` skips
that). English and non-English pages are reported apart. With ``--references`` the same
damaged pages also go through ftfy+wordsegment and symspellpy's ``lookup_compound``
(install ``.[bench]``), side by side on the same pages.

    python bench/repair.py
    python bench/repair.py --references --reference-pages 12
"""

from __future__ import annotations

import argparse
import difflib
import random
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import ftfy
import ftfy.bad_codecs

from cleaner import Cleaner
from cleaner.lexicon import detect_language, load_lexicon
from cleaner.normalize import remove_invisible

DEVDATA = Path(__file__).resolve().parent.parent.parent / "shared" / "devdata"
ERRATA = Path(__file__).resolve().parent / "gold_errata.tsv"
TYPES = ("split", "join", "hyphen", "space", "mojibake", "invisible")
RATES = {"split": 0.0075, "join": 0.0075, "hyphen": 0.0025, "space": 0.0025,
         "mojibake": 0.0025, "invisible": 0.0025}
WORD_RE = re.compile(r"[^\W\d_]+")


@dataclass
class Site:
    kind: str
    start: int  # in the truth text
    end: int
    replacement: str
    damaged_start: int = 0
    damaged_end: int = 0


@dataclass
class Damaged:
    truth: str
    text: str
    sites: list[Site]


def _candidates(truth: str, kind: str) -> list[tuple[int, int, str]]:
    """(start, end, damaged form) for every place ``kind`` of damage could go."""
    found: list[tuple[int, int, str]] = []
    if kind == "split":
        for m in WORD_RE.finditer(truth):
            word = m.group()
            if len(word) >= 4:
                found.append((m.start(), m.end(), word))
    elif kind == "join":
        for m in re.finditer(r"(?<![\w-])([^\W\d_]+) ([^\W\d_]+)(?![\w-])", truth):
            found.append((m.start(), m.end(), m.group(1) + m.group(2)))
    elif kind == "hyphen":
        for m in re.finditer(r"(?<![\w-])[^\W\d_]{6,}(?![\w-])", truth):
            found.append((m.start(), m.end(), m.group()))
        for m in re.finditer(r"(?<![\w-])([^\W\d_]{2,})-([^\W\d_]{2,})(?![\w-])", truth):
            found.append((m.start(), m.end(), f"{m.group(1)}- {m.group(2)}"))
    elif kind == "space":
        for m in re.finditer(r"([a-z]{2,}[.!?]) ([A-Z][a-z]+)", truth):
            found.append((m.start(), m.end(), m.group(1) + m.group(2)))
        for m in re.finditer(r"([^\W\d_]+) (\"[^\W\d_]+)", truth):
            found.append((m.start(), m.end(), m.group(1) + m.group(2)))
    elif kind == "mojibake":
        for m in re.finditer(r"\S*[^\x00-\x7f]\S*", truth):
            token = m.group()
            try:
                broken = token.encode("utf-8").decode("sloppy-windows-1252")
            except UnicodeDecodeError:
                continue
            if broken != token:
                found.append((m.start(), m.end(), broken))
    elif kind == "invisible":
        for m in WORD_RE.finditer(truth):
            if len(m.group()) >= 4:
                found.append((m.start(), m.end(), m.group()))
    return found


def _damage_form(kind: str, form: str, rng: random.Random) -> str:
    if kind == "split":
        cut = rng.randint(2, len(form) - 2)
        return form[:cut] + " " + form[cut:]
    if kind == "hyphen" and "- " not in form:
        cut = rng.randint(2, len(form) - 3)
        return form[:cut] + "- " + form[cut:]
    if kind == "invisible":
        cut = rng.randint(1, len(form) - 1)
        return form[:cut] + rng.choice(["\u00ad", "\u200b"]) + form[cut:]
    return form


def inject(truth: str, kinds: tuple[str, ...], rng: random.Random) -> Damaged:
    words = max(1, len(truth.split()))
    used: list[tuple[int, int]] = []
    sites: list[Site] = []
    for kind in kinds:
        options = _candidates(truth, kind)
        wanted = min(len(options), round(words * RATES[kind] + rng.random()))
        for start, end, form in rng.sample(options, len(options)):
            if len([s for s in sites if s.kind == kind]) >= wanted:
                break
            if any(start < e + 1 and s < end + 1 for s, e in used):
                continue  # keep sites apart: each must be judged on its own
            used.append((start, end))
            sites.append(Site(kind, start, end, _damage_form(kind, form, rng)))
    sites.sort(key=lambda s: s.start)
    pieces, cursor, offset = [], 0, 0
    for site in sites:
        pieces.append(truth[cursor:site.start])
        site.damaged_start = site.start + offset
        pieces.append(site.replacement)
        site.damaged_end = site.damaged_start + len(site.replacement)
        offset += len(site.replacement) - (site.end - site.start)
        cursor = site.end
    pieces.append(truth[cursor:])
    return Damaged(truth, "".join(pieces), sites)


def _token_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]


def _indices(spans: list[tuple[int, int]], start: int, end: int) -> set[int]:
    return {i for i, (s, e) in enumerate(spans) if s < max(end, start + 1) and start < e}


@dataclass
class Tally:
    sites: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TYPES, 0))
    restored: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TYPES, 0))
    changes: int = 0
    good_changes: int = 0
    clean_words: int = 0
    false_edits: int = 0
    false_examples: list[str] = field(default_factory=list)
    words: int = 0
    seconds: float = 0.0

    def recall(self, kind: str) -> float | None:
        return self.restored[kind] / self.sites[kind] if self.sites[kind] else None

    @property
    def precision(self) -> float | None:
        return self.good_changes / self.changes if self.changes else None


def score(damaged: Damaged, output: str, tally: Tally) -> None:
    truth_spans, damaged_spans = _token_spans(damaged.truth), _token_spans(damaged.text)
    truth_tokens = [damaged.truth[s:e] for s, e in truth_spans]
    damaged_tokens = [damaged.text[s:e] for s, e in damaged_spans]
    output_tokens = output.split()
    equal_truth: set[int] = set()
    for tag, i1, i2, _j1, _j2 in difflib.SequenceMatcher(
            None, truth_tokens, output_tokens, autojunk=False).get_opcodes():
        if tag == "equal":
            equal_truth.update(range(i1, i2))
    restored_damaged: set[int] = set()
    for site in damaged.sites:
        tally.sites[site.kind] += 1
        if _indices(truth_spans, site.start, site.end) <= equal_truth:
            tally.restored[site.kind] += 1
            restored_damaged |= _indices(damaged_spans, site.damaged_start, site.damaged_end)
    for tag, i1, i2, _j1, _j2 in difflib.SequenceMatcher(
            None, damaged_tokens, output_tokens, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        tally.changes += 1
        touched = set(range(i1, i2)) if i2 > i1 else {i1 - 1, i1}
        if touched & restored_damaged:
            tally.good_changes += 1


def false_edits(truth: str, output: str) -> list[str]:
    """Each change the system made to the undamaged text, as "before -> after"."""
    before, after = truth.split(), output.split()
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    return [f"{' '.join(before[i1:i2])!r} -> {' '.join(after[j1:j2])!r}"
            for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]


System = Callable[[str], str]


def our_system(language: str | None) -> System:
    cleaner = Cleaner(chrome=False, language=language, input_format="text")
    return cleaner.clean


def ftfy_wordsegment() -> System:
    import wordsegment

    wordsegment.load()
    vocabulary = wordsegment.UNIGRAMS

    def run(text: str) -> str:
        fixed = ftfy.fix_text(text)
        out = []
        for token in fixed.split(" "):
            core = token.strip(".,;:!?\"'()[]“”‘’")
            if core.isalpha() and len(core) > 3 and core.lower() not in vocabulary:
                words = wordsegment.segment(core)
                if len(words) > 1:
                    joined = " ".join(words)
                    if core[0].isupper():
                        joined = joined[0].upper() + joined[1:]
                    token = token.replace(core, joined)
            out.append(token)
        return " ".join(out)

    return run


def symspell_compound() -> System:
    from importlib.resources import files

    from symspellpy import SymSpell

    sym = SymSpell(max_dictionary_edit_distance=2)
    sym.load_dictionary(str(files("symspellpy") / "frequency_dictionary_en_82_765.txt"), 0, 1)
    sym.load_bigram_dictionary(str(files("symspellpy") / "frequency_bigramdictionary_en_243_342.txt"), 0, 2)

    def run(text: str) -> str:
        return "\n".join(sym.lookup_compound(line, max_edit_distance=2)[0].term if line.strip() else line
                         for line in text.split("\n"))

    return run


def evaluate(pages: list[tuple[str, str]], system_for: Callable[[str | None], System],
             kinds_runs: dict[str, tuple[str, ...]], seed: int) -> dict[str, Tally]:
    tallies = {name: Tally() for name in kinds_runs}
    for run_name, kinds in kinds_runs.items():
        tally = tallies[run_name]
        for index, (name, truth) in enumerate(pages):
            rng = random.Random(f"{seed}:{run_name}:{name}:{index}")
            damaged = inject(truth, kinds, rng)
            system = system_for(detect_language(truth.splitlines()))
            system("Loading word lists is start-up work, not throughput.")
            started = time.perf_counter()
            output = system(damaged.text)
            tally.seconds += time.perf_counter() - started
            tally.words += len(damaged.text.split())
            score(damaged, output, tally)
            if run_name == "mixed":
                tally.clean_words += len(truth.split())
                found = false_edits(truth, system(truth))
                tally.false_edits += len(found)
                tally.false_examples += [f"{name}: {edit}" for edit in found]
    return tallies


def _fmt(value: float | None) -> str:
    return "   -  " if value is None else f"{value:6.3f}"


def print_table(title: str, tallies: dict[str, Tally]) -> None:
    print(f"\n{title}")
    header = f"{'damage':10} {'sites':>6} {'recall':>7} {'edit P':>7} {'false/10k':>9} {'words/s':>9}"
    print(header)
    print("-" * len(header))
    for run_name, tally in tallies.items():
        kinds = TYPES if run_name == "mixed" else (run_name,)
        for kind in kinds:
            label = f"{kind}" if run_name != "mixed" else f"mixed:{kind}"
            print(f"{label:10} {tally.sites[kind]:6d} {_fmt(tally.recall(kind)):>7} {'':>7} {'':>9} {'':>9}")
        false_rate = (10000 * tally.false_edits / tally.clean_words) if tally.clean_words else None
        speed = tally.words / tally.seconds if tally.seconds else 0.0
        label = "mixed" if run_name == "mixed" else f"{run_name}*"
        print(f"{label:10} {sum(tally.sites.values()):6d} {'':>7} {_fmt(tally.precision):>7} "
              f"{_fmt(false_rate):>9} {speed:9.0f}")


def load_errata(path: Path = ERRATA) -> dict[str, list[tuple[str, str]]]:
    """Hand-checked corrections of typos in the gold texts, by page."""
    errata: dict[str, list[tuple[str, str]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            page, wrong, right = line.split("\t")
            errata.setdefault(page, []).append((wrong, right))
    return errata


def load_pages(devdata: Path, errata: dict[str, list[tuple[str, str]]] | None = None,
               ) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    english, other = [], []
    for folder in sorted((devdata / "readability").iterdir()):
        gold = folder / "gold.txt"
        if not gold.exists():
            continue
        # Soft hyphens and zero-width spaces in the gold are hyphenation hints of the
        # HTML, not text: the truth is the text without them (what repair:invisible makes).
        text = remove_invisible(gold.read_text(encoding="utf-8"))
        for wrong, right in (errata or {}).get(folder.name, []):
            if text.count(wrong) != 1:
                sys.exit(f"{ERRATA.name}: {wrong!r} is not in {folder.name}/gold.txt exactly once")
            text = text.replace(wrong, right)
        if len(text.split()) < 50:
            continue
        (english if detect_language(text.splitlines()) == "en" else other).append((folder.name, text))
    return english, other


def _has_word_list(text: str) -> bool:
    language = detect_language(text.splitlines())
    return language is not None and load_lexicon(language) is not None


def ftfy_speed(pages: list[tuple[str, str]]) -> float:
    words = sum(len(t.split()) for _, t in pages)
    started = time.perf_counter()
    for _, text in pages:
        ftfy.fix_text(text)
    return words / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--devdata", type=Path, default=DEVDATA)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--references", action="store_true", help="also score ftfy+wordsegment, symspellpy")
    parser.add_argument("--show-false-edits", action="store_true",
                        help="list every change made to the undamaged text")
    parser.add_argument("--gold-as-published", action="store_true",
                        help=f"do not correct the gold's own typos ({ERRATA.name})")
    parser.add_argument("--reference-pages", type=int, default=12,
                        help="English pages for the side-by-side run (references are slow)")
    args = parser.parse_args()
    if not (args.devdata / "readability").is_dir():
        sys.exit(f"no dev data at {args.devdata}")
    errata = {} if args.gold_as_published else load_errata()
    english, other = load_pages(args.devdata, errata)
    runs: dict[str, tuple[str, ...]] = {"mixed": TYPES, **{k: (k,) for k in TYPES}}
    print(f"pages: {len(english)} English, {len(other)} other; seed {args.seed}; "
          f"{sum(map(len, errata.values()))} typos of the gold corrected ({ERRATA.name})")
    print("(* rows: that damage type alone; recall rows are per type, P/false/speed per run)")

    # Warm the word lists so start-up is not timed as repair.
    Cleaner(chrome=False, language="en").clean("warm up")
    print_table("cleaner, English pages", evaluate(english, our_system, runs, args.seed))
    other_tallies = evaluate(other, our_system, {"mixed": TYPES}, args.seed)
    print_table("cleaner, non-English pages", other_tallies)
    # Pages in no language the word lists cover (placeholder Latin, too little text to
    # tell) get Unicode repair only: the word-level recall of the languages repair knows
    # shows apart.
    covered = [(name, text) for name, text in other if _has_word_list(text)]
    print_table(f"cleaner, non-English pages with a word list ({len(covered)} of {len(other)})",
                evaluate(covered, our_system, {"mixed": TYPES}, args.seed))

    mixed_only = {"mixed": TYPES}
    ours = evaluate(english, our_system, mixed_only, args.seed)["mixed"]
    ftfy_wps = ftfy_speed(english)
    our_wps = ours.words / ours.seconds
    if args.show_false_edits:
        print("\nfalse edits on the undamaged English text:")
        for example in ours.false_examples:
            print(f"  {example}")
        print("false edits on the undamaged non-English text:")
        for example in other_tallies["mixed"].false_examples:
            print(f"  {example}")
    print(f"\nspeed: cleaner repair stage {our_wps:,.0f} words/s; ftfy.fix_text alone {ftfy_wps:,.0f} "
          f"words/s; ratio {our_wps / ftfy_wps:.2f}")

    if args.references:
        subset = english[: args.reference_pages]
        segmenter, symspell = ftfy_wordsegment(), symspell_compound()
        systems: dict[str, Callable[[str | None], System]] = {
            "cleaner": our_system,
            "ftfy+wordsegment": lambda _lang: segmenter,
            "symspellpy": lambda _lang: symspell,
        }
        print(f"\nside by side on the first {len(subset)} English pages, mixed damage")
        print(f"{'system':18} " + " ".join(f"{k:>9}" for k in TYPES) + f" {'edit P':>7} {'false/10k':>9} "
              f"{'words/s':>9}")
        for name, factory in systems.items():
            tally = evaluate(subset, factory, mixed_only, args.seed)["mixed"]
            false_rate = 10000 * tally.false_edits / tally.clean_words if tally.clean_words else None
            recalls = " ".join(f"{_fmt(tally.recall(k)):>9}" for k in TYPES)
            print(f"{name:18} {recalls} {_fmt(tally.precision):>7} {_fmt(false_rate):>9} "
                  f"{tally.words / tally.seconds:9.0f}", flush=True)


if __name__ == "__main__":
    main()
