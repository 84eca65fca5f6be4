"""`cleaner train`: a model trained on examples changes decisions the way they ask."""

from __future__ import annotations

import importlib.metadata
import json
import random
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from cleaner import Cleaner
from cleaner.chrome import classify
from cleaner.chrome.context import BlockClass
from cleaner.chrome.features import block_features
from cleaner.chrome.model import (
    FEATURE_NAMES,
    HEADINGS,
    MODEL_FORMAT,
    NAMED_CHROME,
    LineModel,
    average_logits,
    builtin_model,
    decide,
    model_from,
    topic_shares,
    train,
)
from cleaner.config import Mode
from cleaner.document import Verdict
from tests.conftest import DEVDATA, REPO, SAMPLES, run_cli

WORDS = ["river", "council", "plan", "school", "market", "harbour", "storm", "budget", "library",
         "museum", "station", "road", "bridge", "garden", "teacher", "doctor", "family", "season",
         "winter", "summer", "village", "city", "report", "water", "energy"]


def _paragraph(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(28, 45))]
    return ("The " + " and the ".join(" ".join(words[i:i + 4]) for i in range(0, len(words), 4))
            + " were discussed in the meeting on Monday.")


def _label(rng: random.Random) -> str:
    """A short line between paragraphs: rules keep it as a heading, these users do not."""
    return " ".join(rng.choice(WORDS).title() for _ in range(3))


def _page(rng: random.Random) -> tuple[str, str, list[str]]:
    paragraphs = [_paragraph(rng) for _ in range(6)]
    labels = [_label(rng) for _ in range(3)]
    raw = [paragraphs[0], paragraphs[1], labels[0], paragraphs[2], paragraphs[3], labels[1], paragraphs[4],
           labels[2], paragraphs[5]]
    return "\n".join(raw) + "\n", "\n".join(paragraphs) + "\n", labels


def test_training_round_trip(tmp_path: Path) -> None:
    rng = random.Random(3)
    folder = tmp_path / "examples"
    folder.mkdir()
    for number in range(25):
        raw, clean, _ = _page(rng)
        (folder / f"p{number}.raw.txt").write_text(raw, encoding="utf-8")
        (folder / f"p{number}.clean.txt").write_text(clean, encoding="utf-8")
    model_path = tmp_path / "model.json"
    result = run_cli("train", str(folder), "-o", str(model_path), "--language", "en")
    assert result.returncode == 0, result.stderr
    assert json.loads(model_path.read_text(encoding="utf-8"))["format"] == MODEL_FORMAT

    raw, clean, labels = _page(random.Random(99))  # a page the model never saw
    by_rules = Cleaner(language="en", repair=False).clean(raw)
    by_model = Cleaner(language="en", repair=False, model=model_path).clean(raw)
    assert all(label in by_rules for label in labels)  # the rules keep the labels ...
    assert not any(label in by_model for label in labels)  # ... the trained model drops them
    assert by_model.rstrip("\n").split("\n\n") == clean.strip().split("\n")  # every paragraph stays

    page = tmp_path / "page.txt"
    page.write_text(raw, encoding="utf-8")
    cli = run_cli(str(page), "--model", str(model_path), "--language", "en", "--no-repair")
    assert cli.returncode == 0 and cli.stdout.decode("utf-8") == by_model


def test_training_from_jsonl_and_bad_examples(tmp_path: Path) -> None:
    rng = random.Random(5)
    records = []
    for number in range(12):
        raw, clean, _ = _page(rng)
        records.append(json.dumps({"id": number, "raw": raw, "clean": clean}))
    examples = tmp_path / "examples.jsonl"
    examples.write_text("\n".join(records) + "\n", encoding="utf-8")
    assert run_cli("train", str(examples), "-o", str(tmp_path / "m.json")).returncode == 0
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"raw": "x"}\n', encoding="utf-8")
    result = run_cli("train", str(broken), "-o", str(tmp_path / "m2.json"))
    assert result.returncode == 1 and b"needs string fields" in result.stderr
    result = run_cli("--model", str(broken), input_text="text")
    assert result.returncode == 1 and b"not a usable cleaner model" in result.stderr
    # JSON that Python itself refuses (found by fuzzing the record reader): a clear error.
    refusals = (("long.jsonl", '{"raw": ' + "7" * 5000 + ', "clean": "x"}'), ("deep.jsonl", "[" * 100_000))
    for name, line in refusals:
        refused = tmp_path / name
        refused.write_text(line + "\n", encoding="utf-8")
        result = run_cli("train", str(refused), "-o", str(tmp_path / "m3.json"))
        assert result.returncode == 1 and b"not JSON" in result.stderr and b"Traceback" not in result.stderr
    result = run_cli("--model", str(tmp_path / "deep.jsonl"), input_text="text")
    assert result.returncode == 1 and b"not a usable cleaner model" in result.stderr


def _constant_model(logit: float, defers_to: frozenset[str] = frozenset({NAMED_CHROME, HEADINGS}),
                    precision_defers_to: frozenset[str] | None = None) -> LineModel:
    """A model whose score is the same for every block: sure of content (logit > 0) or of chrome."""
    width = len(FEATURE_NAMES)
    return LineModel(np.zeros(width), np.ones(width), np.zeros((width, 1)), np.zeros(1), np.zeros(1), logit,
                     {m.value: 0.5 for m in Mode}, {m.value: 0.2 for m in Mode},
                     {m.value: defers_to if m is not Mode.PRECISION or precision_defers_to is None
                      else precision_defers_to for m in Mode})


def test_an_extractors_choice_labels_the_blocks_it_holds_and_leaves_out() -> None:
    from cleaner.train import label_as_extracted

    extracted = ("The harbour ferry will cost a tenth more from April, the council decided on Monday.\n"
                 "Boats will leave every forty minutes instead of every half hour.")
    texts = ["Home", "The harbour ferry will cost a tenth more from April, the council decided on Monday.",
             "Boats will leave every forty minutes instead", "Subscribe to our newsletter", "  ", "ferry"]
    # A line it holds; a long piece of one; chrome it left out; nothing; a short word
    # it holds only inside a sentence, which says nothing either way.
    assert label_as_extracted(texts, extracted) == [0, 1, 1, 0, None, None]


def test_the_rules_stand_unless_the_model_is_sure_beyond_its_margin() -> None:
    assert decide(0.65, True, 0.5, 0.2) and not decide(0.65, False, 0.5, 0.2)  # inside the margin
    assert decide(0.71, False, 0.5, 0.2) and not decide(0.29, True, 0.5, 0.2)  # beyond it
    assert decide(0.5, False, 0.5, 0.0) and not decide(0.49, True, 0.5, 0.0)  # no margin: the model alone


def test_a_sure_model_leaves_what_it_defers_to_the_rules() -> None:
    page = ["Home", "News", "Sport",
            "Ferry fares to rise in spring",
            "The council agreed on Monday to raise the price of the harbour ferry by a tenth from April, "
            "after two years in which the service lost money every month.",
            "Timetable",
            "Boats will leave every forty minutes instead of every half hour, and the last crossing of the "
            "evening moves from eleven to half past ten.",
            "Share on Facebook", "Subscribe to our newsletter", "© 2024 Harbour Times"]
    rules = classify(page, "en", Mode.BALANCED)
    named = {t for t, v in zip(page, rules, strict=True)
             if v.reason in ("chrome:nav", "chrome:share", "chrome:newsletter", "chrome:copyright")}
    assert len(named) == 4 and "Home" in named
    keeps_all = classify(page, "en", Mode.BALANCED, model=_constant_model(30.0))
    drops_all = classify(page, "en", Mode.BALANCED, model=_constant_model(-30.0))
    kept_when_sure = {t for t, v in zip(page, keeps_all, strict=True) if v.keep}
    kept_when_doubting = {t for t, v in zip(page, drops_all, strict=True) if v.keep}
    assert not named & kept_when_sure  # chrome a rule names stays out ...
    assert {"News", "Sport"} <= kept_when_sure  # ... what the context pass dropped comes back
    # Headline and section heading stay; the paragraphs go.
    assert kept_when_doubting == {"Ferry fares to rise in spring", "Timetable"}
    assert all(0.0 <= v.score <= 1.0 for v in keeps_all + drops_all)
    # A model that defers to nothing (one from `cleaner train`) decides every block.
    alone = classify(page, "en", Mode.BALANCED, model=_constant_model(30.0, frozenset()))
    assert all(v.keep for v in alone)
    # What a model defers to is set per mode: here the precision mode leaves it headings
    # too, while the balanced mode keeps them whatever the model says.
    per_mode = _constant_model(-30.0, precision_defers_to=frozenset({NAMED_CHROME}))
    balanced = classify(page, "en", Mode.BALANCED, model=per_mode)
    precise = classify(page, "en", Mode.PRECISION, model=per_mode)
    assert {t for t, v in zip(page, balanced, strict=True) if v.keep} == kept_when_doubting
    assert not any(v.keep for v in precise)


def test_topic_share_tells_the_articles_paragraphs_from_a_teaser_on_another_subject() -> None:
    texts = ["The harbour ferry will cost more from April, the council decided after the ferry lost money.",
             "Ferry passengers said the council should have asked them before raising harbour prices.",
             "Read next: a chef explains why sourdough bread needs patience and a warm kitchen."]
    features = [block_features(t, frozenset()) for t in texts]
    classes = [BlockClass.GOOD, BlockClass.GOOD, BlockClass.NEAR]
    verdicts = [Verdict(True, "content", 0.9)] * 3
    stopwords = frozenset({"will", "from", "after", "said", "should", "have", "them", "before", "read",
                           "next", "explains", "needs"})
    article, other, teaser = topic_shares(features, classes, verdicts, stopwords)
    assert article is not None and other is not None and min(article, other) > 0.2
    assert teaser == 0.0  # sourdough, bread, patience, kitchen: nothing the article talks about
    # One paragraph alone has nothing to share its subject with: no figure, not zero.
    assert topic_shares(features[:1], classes[:1], verdicts[:1], frozenset()) == [None]


def test_the_builtin_model_ships_small_and_is_chosen_by_name(tmp_path: Path) -> None:
    from importlib import resources

    shipped = resources.files("cleaner").joinpath("data/line_model.json")
    assert len(shipped.read_bytes()) <= 5_000_000
    model = builtin_model()
    assert model_from("builtin") is model and model_from("none") is None and model_from(None) is None
    assert set(model.thresholds) == {m.value for m in Mode} and set(model.margins) == set(model.thresholds)
    raw = (SAMPLES / "news_donation.txt").read_text(encoding="utf-8")
    result = Cleaner(model="builtin").clean_document(raw)
    assert result.text.strip() and all(0.0 <= v.score <= 1.0 for v in result.verdicts)
    cli = run_cli(str(SAMPLES / "news_donation.txt"), "--model", "builtin")
    assert cli.returncode == 0 and cli.stdout.decode("utf-8") == result.text
    # A model file of the first format was trained on other features: it says so.
    old = json.loads(shipped.read_text(encoding="utf-8"))
    old["format"], old["feature_names"] = "cleaner-line-model/1", old["feature_names"][:-4]
    (tmp_path / "old.json").write_text(json.dumps(old), encoding="utf-8")
    refused = run_cli("--model", str(tmp_path / "old.json"), input_text="text")
    assert refused.returncode == 1 and b"trained on other features" in refused.stderr
    # Damage that would only show at the first page is refused when the file is read.
    damage = (({"thresholds": {"balanced": 0.5}}, b"no threshold for the mode(s) precision, recall"),
              ({"hidden_bias": [0.0]}, b"its weights do not fit together"),
              ({"defers_to": {"balanced": ["menus"]}}, b"defers to unknown kinds of verdict: menus"),
              ({"defers_to": "headings"}, b"defers_to holds something other than lists of names"))
    for change, message in damage:
        broken = {**json.loads(shipped.read_text(encoding="utf-8")), **change}
        (tmp_path / "broken.json").write_text(json.dumps(broken), encoding="utf-8")
        refused = run_cli("--model", str(tmp_path / "broken.json"), input_text="text")
        assert refused.returncode == 1 and message in refused.stderr and b"Traceback" not in refused.stderr
    with pytest.raises(Exception, match="no such model file"):
        Cleaner(model=tmp_path / "missing.json")
    # The first files of this format name one deferral for every mode.
    listed = {**json.loads(shipped.read_text(encoding="utf-8")), "defers_to": ["named-chrome"]}
    (tmp_path / "listed.json").write_text(json.dumps(listed), encoding="utf-8")
    everywhere = {m.value: frozenset({NAMED_CHROME}) for m in Mode}
    assert LineModel.load(tmp_path / "listed.json").defers_to == everywhere


@pytest.mark.skipif(not DEVDATA.is_dir(), reason="needs ../shared/devdata")
def test_the_shipped_model_is_what_the_training_script_writes(tmp_path: Path) -> None:
    """The model in the package comes from scripts/train_model.py and nothing else."""
    from importlib import resources

    written = tmp_path / "line_model.json"
    script = REPO / "scripts" / "train_model.py"
    shipped = json.loads(resources.files("cleaner").joinpath("data/line_model.json").read_text("utf-8"))
    teacher = importlib.metadata.version("trafilatura")
    if shipped["trained_with"]["trafilatura"] != teacher:
        pytest.skip(f"the shipped model learnt from trafilatura {shipped['trained_with']['trafilatura']}'s "
                    f"extractions; {teacher} is installed and may choose other text")
    result = subprocess.run([sys.executable, str(script), "--devdata", str(DEVDATA), "--out", str(written)],
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr
    fresh = json.loads(written.read_text(encoding="utf-8"))
    # Byte for byte on the machine that trained it; another numpy or BLAS may round the
    # sixth decimal of a weight differently, which is still the same model.
    assert fresh.keys() == shipped.keys()
    for key, value in shipped.items():
        if isinstance(value, list) and key not in ("feature_names", "defers_to"):
            assert np.allclose(np.asarray(fresh[key]), np.asarray(value), rtol=0, atol=1e-4), key
        else:
            assert fresh[key] == value, key


def test_members_averaged_into_one_perceptron_score_as_their_mean_logit() -> None:
    rng = np.random.default_rng(3)
    rows = rng.normal(size=(60, len(FEATURE_NAMES)))
    labels = (rows[:, 0] + 0.5 * rows[:, 1] > 0).astype(np.int8)
    members = [train(rows, labels, seed=seed, epochs=30, hidden=4) for seed in (1, 2, 3)]
    merged = average_logits(members)
    assert merged.hidden_weights.shape == (len(FEATURE_NAMES), 12)

    def logit(p: np.ndarray) -> np.ndarray:
        return np.log(p / (1 - p))

    expected = np.mean([logit(m.predict(rows)) for m in members], axis=0)
    assert np.allclose(logit(merged.predict(rows)), expected, atol=1e-6)
    # and it loads back as any model does
    assert np.allclose(LineModel.from_json(merged.to_json()).predict(rows), merged.predict(rows))
