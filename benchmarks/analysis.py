"""Accuracy and speed of the vagueness analysis, printed as tables.

Run: ``.venv/bin/python benchmarks/analysis.py [-v] [--no-profile]``, or ``--dev [-v]`` to
tune: the development split alone, in three folds grouped by organisation, each rule's
precision per language, the test split not even judged; ``--hold-out K`` leaves fold K's
items out of the listing of misses, so that the fold a change is judged by is not read.

Three corpora, each reported on its own:
- the real-text **test split** (``tests/corpus/real``, frozen: the figures to quote),
- the real-text **development split** (the rest of the real text, which rules are tuned on),
- the **self-written** corpus (``tests/corpus/*.toml``: rule examples and regression tests).
An answer counts as flagged when it gets at least one warning or error finding. ``-v``
lists the misclassified items of the development split (never those of the test split).
"""

from __future__ import annotations

import hashlib
import json
import statistics
import sys
import time
import tomllib
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from alignment_tui.analysis.findings import Severity
from alignment_tui.analysis.recognise import fold
from alignment_tui.analysis.text import analyze_text

TODAY = date(2026, 11, 27)
LAYERS = ("values", "vision", "mission", "strategy", "objectives", "execution")
ROOT = Path(__file__).resolve().parent.parent
SELF_WRITTEN = ROOT / "tests" / "corpus"
REAL = SELF_WRITTEN / "real"
# Each batch with a quarter frozen as its test split; the key of its ids in split.toml
# ("en", "fr" for the first, "en_batch2", ... after) and of its hash ("sha256", ...).
BATCHES = (REAL, REAL / "batch2", REAL / "batch3", REAL / "batch4")


@dataclass(frozen=True)
class Item:
    lang: str
    layer: str
    vague: bool
    text: str
    reason: str
    id: str = ""
    org: str = ""
    source: str = ""


@dataclass
class Scores:
    tp: int = 0
    fp: int = 0
    tn: int = 0
    fn: int = 0

    def add(self, vague: bool, flagged: bool) -> None:
        if vague and flagged:
            self.tp += 1
        elif vague:
            self.fn += 1
        elif flagged:
            self.fp += 1
        else:
            self.tn += 1

    @property
    def n(self) -> int:
        return self.tp + self.fp + self.tn + self.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def specificity(self) -> float:
        return self.tn / (self.tn + self.fp) if self.tn + self.fp else 1.0

    @property
    def balanced(self) -> float:
        return (self.recall + self.specificity) / 2


def load_corpus(folder: Path = SELF_WRITTEN) -> list[Item]:
    """Every item of the ``*.toml`` files of ``folder`` (``lang`` at the top of each)."""
    items = []
    for path in sorted(folder.glob("*.toml")):
        data = tomllib.loads(path.read_text("utf-8"))
        if "item" not in data:
            continue
        for row in data["item"]:
            items.append(
                Item(
                    data["lang"],
                    row["layer"],
                    row["label"] == "vague",
                    row["text"],
                    row["reason"],
                    row.get("id", ""),
                    row.get("org", ""),
                    row.get("source", ""),
                )
            )
    return items


def split_ids() -> set[str]:
    """The ids of the frozen test split (both batches)."""
    data = tomllib.loads((REAL / "split.toml").read_text("utf-8"))
    return {i for key, ids in data.items() if isinstance(ids, list) for i in ids}


def batch_suffix(folder: Path) -> str:
    """The suffix of a batch's keys in ``split.toml``: "" for the first, "_batch2" after."""
    return "" if folder == REAL else f"_{folder.name}"


def batch_ids(folder: Path) -> set[str]:
    """The ids of one batch's items."""
    return {i.id for i in load_corpus(folder)}


def split_hash(items: list[Item]) -> str:
    """SHA-256 of the test split's items (id, language, layer, label, text), in id order."""
    rows = sorted((i.id, i.lang, i.layer, i.vague, i.text) for i in items)
    return hashlib.sha256(json.dumps(rows, ensure_ascii=False).encode("utf-8")).hexdigest()


def real_splits() -> tuple[list[Item], list[Item]]:
    """(test split, development split) of the real-text corpus, both batches."""
    items = [i for folder in BATCHES for i in load_corpus(folder)]
    test = split_ids()
    return [i for i in items if i.id in test], [i for i in items if i.id not in test]


def flagged_rules(item: Item, detect: bool) -> set[str]:
    result = analyze_text(item.text, item.layer, None if detect else item.lang, today=TODAY)
    return {f.rule_id for f in result.findings if f.severity is not Severity.info}


@dataclass
class Report:
    by_lang: dict[str, Scores]
    by_lang_given: dict[str, Scores]
    by_layer: dict[tuple[str, str], Scores]
    rules: dict[str, Scores]
    misses: list[tuple[Item, set[str]]]


def evaluate(items: list[Item]) -> Report:
    by_lang: dict[str, Scores] = defaultdict(Scores)
    given: dict[str, Scores] = defaultdict(Scores)
    by_layer: dict[tuple[str, str], Scores] = defaultdict(Scores)
    rules: dict[str, Scores] = defaultdict(Scores)
    misses = []
    for item in items:
        fired = flagged_rules(item, detect=True)
        flagged = bool(fired)
        by_lang[item.lang].add(item.vague, flagged)
        by_layer[(item.lang, item.layer)].add(item.vague, flagged)
        given[item.lang].add(item.vague, bool(flagged_rules(item, detect=False)))
        for rule in fired:
            rules[rule].add(item.vague, True)
        if flagged != item.vague:
            misses.append((item, fired))
    return Report(dict(by_lang), dict(given), dict(by_layer), dict(rules), misses)


def timings(items: list[Item]) -> list[float]:
    """Milliseconds per answer, each timed on its own with the language detected."""
    out = []
    for item in items:
        fold.cache_clear()  # each answer starts cold: nothing of the previous one is reused
        start = time.perf_counter()
        analyze_text(item.text, item.layer, today=TODAY)
        out.append((time.perf_counter() - start) * 1000)
    return out


def _row(name: str, s: Scores) -> str:
    return f"| {name} | {s.n} | {s.balanced:.2f} | {s.precision:.2f} | {s.recall:.2f} |"


def print_accuracy(title: str, report: Report) -> None:
    print(f"\n### {title}\n")
    print("| language (detected) | n | balanced accuracy | precision | recall |")
    print("|---|---|---|---|---|")
    for lang, s in sorted(report.by_lang.items()):
        print(_row(lang, s))
    for lang, s in sorted(report.by_lang_given.items()):
        print(_row(f"{lang} (language given)", s))
    print("\n| language · layer | n | balanced accuracy | precision | recall |")
    print("|---|---|---|---|---|")
    for lang in sorted(report.by_lang):
        for layer in LAYERS:
            if (lang, layer) in report.by_layer:
                print(_row(f"{lang} · {layer}", report.by_layer[(lang, layer)]))


def print_rules(title: str, report: Report) -> None:
    print(f"\n### {title}\n")
    print("| rule (warning or error) | fired | on vague | precision |")
    print("|---|---|---|---|")
    for rule, s in sorted(report.rules.items(), key=lambda kv: (kv[1].precision, kv[0])):
        print(f"| {rule} | {s.tp + s.fp} | {s.tp} | {s.precision:.2f} |")


FOLDS = 3


def fold_of(item: Item) -> int:
    """The cross-validation fold of a development item, fixed by its organisation (not by
    order): a word fitted to one organisation's wording is not confirmed by the same
    organisation's other statements in another fold."""
    key = item.org or item.id
    return int(hashlib.sha256(key.encode("utf-8")).hexdigest(), 16) % FOLDS


def main_dev(dev: list[Item], verbose: bool = False, hold_out: int | None = None) -> int:
    """The development split alone, whole and fold by fold: tune on two folds, check on the
    third, and keep a change only if the held-out fold agrees."""
    print(f"Real-text development split: {len(dev)} items in {FOLDS} folds (test split not judged)")
    report = evaluate(dev)
    print_accuracy("Development split, all folds", report)
    for k in range(FOLDS):
        folded = evaluate([i for i in dev if fold_of(i) == k])
        print(f"\n### Fold {k}\n")
        print("| language (detected) | n | balanced accuracy | precision | recall |")
        print("|---|---|---|---|---|")
        for lang, s in sorted(folded.by_lang.items()):
            print(_row(lang, s))
    print_rules("Precision of each rule on real text, development split", report)
    for lang in sorted(report.by_lang):
        print_rules(
            f"Precision of each rule, development split, {lang}",
            evaluate([i for i in dev if i.lang == lang]),
        )
    if verbose:
        print_misses(report, hold_out)
    return 0


def print_misses(report: Report, hold_out: int | None = None) -> None:
    """The misclassified items of the development split (never those of the test split),
    each with its fold; those of fold ``hold_out`` are left out."""
    left = "" if hold_out is None else f", fold {hold_out} left out"
    print(f"\nMisclassified (development split{left}):")
    for item, fired in report.misses:
        k = fold_of(item)
        if k == hold_out:
            continue
        label = "vague" if item.vague else "specific"
        print(f"- [fold {k} · {item.id} {item.layer} {label}] {item.text!r} → {sorted(fired)}")


def second_reading(folder: Path = REAL / "batch3") -> dict[str, bool]:
    """A second labeller's blind reading of a batch: id → vague."""
    path = folder / "second-reading.toml"
    if not path.exists():
        return {}
    rows = tomllib.loads(path.read_text("utf-8"))["label"]
    return {row["id"]: row["label"] == "vague" for row in rows}


ORDINALS = {"batch3": "third", "batch4": "fourth"}


def print_agreement(folder: Path) -> None:
    """How the second reading of a batch scores against its first labels, as the analysis is
    scored: what a careful reader reaches on this text, the ceiling for any rule set."""
    second = second_reading(folder)
    if not second:
        return
    items = load_corpus(folder)
    which = ORDINALS.get(folder.name, folder.name)
    print(f"\n### Two blind readings of the {which} batch: the second scored against the first\n")
    print("| language | n | agreement | Cohen's kappa | balanced accuracy | precision | recall |")
    print("|---|---|---|---|---|---|---|")
    for lang in ("en", "fr"):
        scores = Scores()
        pairs = [(i.vague, second[i.id]) for i in items if i.lang == lang and i.id in second]
        for first, other in pairs:
            scores.add(first, other)
        n = len(pairs)
        agree = (scores.tp + scores.tn) / n
        a, b = (scores.tp + scores.fn) / n, (scores.tp + scores.fp) / n
        chance = a * b + (1 - a) * (1 - b)
        kappa = (agree - chance) / (1 - chance)
        print(
            f"| {lang} | {n} | {agree:.2f} | {kappa:.2f} | {scores.balanced:.2f} | "
            f"{scores.precision:.2f} | {scores.recall:.2f} |"
        )


def draw_by_organisation(items: list[Item], seed: int, share: float = 0.25) -> list[str]:
    """Draw a test split of whole organisations: shuffled with ``seed``, each one joins while
    the split stays within ``share`` of the items, so no organisation has statements on both
    sides and a word fitted to its wording cannot be confirmed on the test split."""
    import random

    by_org: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        by_org[item.org or item.id].append(item)
    orgs = sorted(by_org)
    random.Random(seed).shuffle(orgs)
    target, drawn = round(len(items) * share), []
    for org in orgs:
        if len(drawn) + len(by_org[org]) <= target:
            drawn.extend(i.id for i in by_org[org])
    return sorted(drawn)


def main_draw(folder: Path, seed: int) -> int:
    """Print the TOML lines of a new batch's test split (``--draw FOLDER SEED``)."""
    suffix = batch_suffix(folder)
    everything = load_corpus(folder)
    picked: list[Item] = []
    for lang in sorted({i.lang for i in everything}):
        ids = draw_by_organisation([i for i in everything if i.lang == lang], seed)
        picked += [i for i in everything if i.id in set(ids)]
        rows = [", ".join(f'"{i}"' for i in ids[k : k + 8]) for k in range(0, len(ids), 8)]
        print(f"{lang}{suffix} = [\n" + "".join(f"  {row},\n" for row in rows) + "]\n")
    print(f'sha256{suffix} = "{split_hash(picked)}"')
    return 0


def main(argv: list[str]) -> int:
    if "--draw" in argv:
        at = argv.index("--draw")
        return main_draw(Path(argv[at + 1]).resolve(), int(argv[at + 2]))
    test, dev = real_splits()
    if "--dev" in argv:
        hold_out = int(argv[argv.index("--hold-out") + 1]) if "--hold-out" in argv else None
        return main_dev(dev, "-v" in argv or "--misses" in argv, hold_out)
    own = load_corpus(SELF_WRITTEN)
    analyze_text("warm-up: load word lists and rules", "values")
    hashes = []
    for number, folder in enumerate(BATCHES, 1):
        ids = batch_ids(folder)
        hashes.append(f"{split_hash([i for i in test if i.id in ids])} (batch {number})")
    print(f"Real-text test split: {len(test)} items; sha256 " + ", ".join(hashes))
    print(f"Real-text development split: {len(dev)} items; self-written corpus: {len(own)} items")
    test_report, dev_report = evaluate(test), evaluate(dev)
    print_accuracy("Real text, test split (the figures to quote)", test_report)
    seen = {i.org for i in dev}
    unseen = [i for i in test if i.org not in seen]
    print_accuracy(
        f"Real text, test split: the {len(unseen)} items from organisations the development "
        "split never saw",
        evaluate(unseen),
    )
    print_accuracy("Real text, development split (tuned on)", dev_report)
    print_accuracy("Self-written corpus (rule examples and regressions)", evaluate(own))
    for folder in BATCHES:
        print_agreement(folder)
    print_rules("Precision of each rule on real text, development split", dev_report)
    print_rules("Precision of each rule on real text, test split", test_report)
    everything = test + dev + own
    ms = timings(everything)
    long_text = " ".join(i.text for i in own if i.lang == "fr")[:1000]
    long_ms = timings([Item("fr", "strategy", True, long_text, "")] * 20)
    print("\n| speed | ms |")
    print("|---|---|")
    print(f"| median per answer ({len(ms)} answers) | {statistics.median(ms):.3f} |")
    print(f"| 95th percentile | {sorted(ms)[int(len(ms) * 0.95)]:.3f} |")
    print(f"| median, 1,000-character answer | {statistics.median(long_ms):.3f} |")
    if "--no-profile" not in argv:
        # analyze_profile on complete profiles and `check` on 1,000 files (its own script).
        import runpy

        print()
        runpy.run_path(str(Path(__file__).with_name("profile_analysis.py")), run_name="bench")[
            "main"
        ]()
    if "-v" in argv or "--misses" in argv:
        print_misses(dev_report)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
