"""What the rules of one answer read: its words, hits, numbers, dates and kinds of detail."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence, Set
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from alignment_tui.analysis import lexicon, packs, patterns, registry
from alignment_tui.analysis.dates import find_deadlines
from alignment_tui.analysis.findings import Severity
from alignment_tui.analysis.lexicon import Hit, Token
from alignment_tui.analysis.once import once
from alignment_tui.analysis.recognise import (
    find_amounts,
    find_percentages,
    find_ranges,
    fold,
)
from alignment_tui.analysis.spans import Spans


@dataclass
class Spot:
    """Where a check found its rule's problem, before the message is written: a span
    (``None`` for the whole answer), a severity other than the rule's, message values."""

    start: int | None
    end: int | None
    severity: Severity | None = None
    values: dict[str, str] = field(default_factory=dict)
    weak: bool | None = None  # None: the rule's own evidence strength (data/rules.toml)


DIGIT = re.compile(r"\d")
_MENTION = "signal.mention"  # "words such as", "never say": what follows is named, not used
# A list item's number at the start of a line: "1. ", "2) ", "#3 – " (no measure).
_LIST_NUMBER = re.compile(
    r"^[ \t]*(\d{1,2}[.)]|#\d{1,2}(?:\s?[-–—:.)])?)(?=[ \t]+\S)", re.MULTILINE
)
CLAUSE_END = re.compile(r"[.;!?\n]")  # where a clause ends


def _clause_end(text: str, start: int) -> int:
    m = CLAUSE_END.search(text, start)
    return m.start() if m else len(text)


_QUOTE = re.compile(r"[«\"“”‘]|(?:^|\s)'\w")
_QUOTED = re.compile(r"«[^»]{1,200}»|“[^”]{1,200}”|‘[^’]{1,200}’|\"[^\"]{1,200}\"")
_SLOGAN_SHARE = 0.6  # a quote this long is the answer itself (a slogan), not an example
_SENTENCE_START = frozenset('.!?:;\n•·-*–—>(["«“')
SPECIFICITY_CAP = 4  # rules and the score read at most "three or more" kinds of detail
_TITLE_CASE_SHARE = 0.5  # above this share of capitalised words, capitals name nothing
_BEHAVIOUR_REACH = 30  # characters after a behaviour's verb where its object is looked for
_SUBJECT_WORDS = 3  # a name among the first words is the answer's subject, no detail
# Word-list rules whose phrases are stock wording: a doing said in them is no behaviour.
_STOCK = frozenset({"vague.cliche", "vague.buzzword", "vague.superlative", "vague.vague_verb"})
_HEAVY_MIN = 7  # letters from which a word with an abstract ending reads abstract


@cache
def _year_range(to_words: str) -> re.Pattern[str]:
    """Two years joined by a dash, a slash or a word of ``range_to``."""
    year = r"(?:19|20)\d\d"
    return re.compile(
        rf"(?<![\d.,]){year}\s?(?:[-–—/]|\s(?:{to_words})\s)\s?(?:{year}|\d\d)(?![\d%]|[.,]\d)"
    )


@cache
def heavy_nominal(endings: str) -> re.Pattern[str]:
    """A folded word with an abstract noun's ending (-tion, -ité, -ness…)."""
    return re.compile(rf"\w{{3,}}(?:{endings})$")


@dataclass
class Context:
    """One answer and everything the rules read from it, computed once."""

    text: str
    layer: str
    lang: str
    field: str | None
    today: date
    params: dict[str, float]
    accepted: Sequence[str] = ()
    sure: bool = True  # the text's language is known or clearly detected
    expect: Sequence[str] = ()  # kinds of detail the question asks for (rules.expect)

    @once
    def langs(self) -> tuple[str, ...] | None:
        """The packs whose words and patterns apply: the text's own when its language is
        sure, every pack when it is not (``None``)."""
        return (self.lang,) if self.sure else None

    def words_of(self, name: str) -> frozenset[str]:
        """A word class of the packs that apply."""
        return patterns.words(name, self.langs)

    def search(
        self, name: str, text: str | None = None, pos: int = 0, endpos: int | None = None
    ) -> re.Match[str] | None:
        """The named pattern of the packs that apply, on the folded text (or ``text``)."""
        target = self._target(name) if text is None else text
        return patterns.search(name, target, self.langs, pos, endpos)

    def finditer(self, name: str, text: str | None = None) -> list[re.Match[str]]:
        return patterns.finditer(name, self._target(name) if text is None else text, self.langs)

    def _target(self, name: str) -> str:
        return self.text if name in packs.ON_TEXT else self.folded_text

    @once
    def toks(self) -> list[Token]:
        return lexicon.tokens(self.text)

    @once
    def hits(self) -> list[Hit]:
        found = lexicon.find(
            self.text, self.toks, self.layer, self.accepted, self.lang if self.sure else None
        )
        if self.quoted and self.layer == "execution" and not self.slogan:
            # A quoted word in a plan is an example of what to say or not to say ("we never
            # write 'world-class'"): vague words inside it are not the answer's own.
            found = [
                h for h in found if not self._inside_quote(h) or h.entry.rule.startswith("signal.")
            ]
        mentions = [h for h in found if h.entry.rule == _MENTION]
        if mentions:
            # "Limit words such as possibly or maybe": the words a text names in order to
            # avoid them, up to the end of that clause, are mentioned, not used.
            named = Spans((h.end, _clause_end(self.text, h.end)) for h in mentions)
            found = [
                h for h in found if h.entry.rule.startswith("signal.") or not named.hold(h.start)
            ]
        return found + patterns.signal_hits(self.text, self.where, self.lang if self.sure else None)

    @once
    def quoted(self) -> list[tuple[int, int]]:
        """Spans between quotation marks (« », “ ”, ‘ ’, " ")."""
        return [(m.start(), m.end()) for m in _QUOTED.finditer(self.text)]

    @once
    def slogan(self) -> bool:
        """Quotes that hold most of the answer: the answer itself (a slogan, a quoted
        statement), not an example inside it."""
        inside = sum(e - s for s, e in self.quoted)
        return inside >= _SLOGAN_SHARE * len(self.text.strip())

    def _inside_quote(self, hit: Hit) -> bool:
        return self._quoted_spans.contain(hit.start, hit.end)

    @once
    def _quoted_spans(self) -> Spans:
        return Spans(self.quoted)

    @once
    def where(self) -> dict[str, list[int]]:
        """Each folded word and where it starts."""
        out: dict[str, list[int]] = {}
        for t in self.toks:
            out.setdefault(t.key, []).append(t.start)
        return out

    @once
    def keys(self) -> Set[str]:
        return self.where.keys()

    @once
    def hype(self) -> list[tuple[int, int]]:
        """Numbers of emphasis ("110%", "24/7"): they are no detail."""
        return patterns.hype(self.text, self.layer) if self.digits_raw else []

    @once
    def unmeasured(self) -> list[tuple[int, int]]:
        """Spans whose numbers measure nothing: hype, counts of pillars or values, and the
        numbers of a list's items ("1. Increase our sales", "#3 – Be honest")."""
        if not self.digits_raw and not self.number_words:
            return []
        return sorted(self.hype + patterns.counted(self.text, self.where) + self.list_numbers)

    @once
    def list_numbers(self) -> list[tuple[int, int]]:
        """The numbers that open a list's items ("1. Increase our sales", "#3 – Be honest")."""
        return [m.span(1) for m in _LIST_NUMBER.finditer(self.text)] if self.digits_raw else []

    def ranks(self) -> Iterator[re.Match[str]]:
        """ "#1", « n°1 »: a rank claimed, unless it is the number of a list's first item."""
        items = Spans(self.list_numbers)
        for m in self.finditer("number_one"):
            if not items.hold(m.start()):
                yield m

    @once
    def plain(self) -> str:
        """The text with its unmeasured numbers blanked (same length)."""
        # Built in pieces: rebuilding the whole text once per span was quadratic (an answer
        # of "110% " repeated to 200,000 characters took seconds, a megabyte minutes).
        pieces, at = [], 0
        for start, end in self.unmeasured:
            start = max(start, at)  # spans may overlap
            if end > start:
                pieces += [self.text[at:start], " " * (end - start)]
                at = end
        pieces.append(self.text[at:])
        return "".join(pieces)

    @once
    def by_rule(self) -> dict[str, list[Hit]]:
        out: dict[str, list[Hit]] = {}
        for h in self.hits:
            out.setdefault(h.entry.rule, []).append(h)
        return out

    def of(self, rule: str) -> list[Hit]:
        return self.by_rule.get(rule, [])

    def has(self, rule: str) -> bool:
        return rule in self.by_rule

    @once
    def number_words(self) -> bool:
        """A quantity written in words ("two", « deux »)."""
        return bool(self.search("number_word", self.folded))

    @once
    def words(self) -> int:
        return len(self.toks)

    @once
    def folded_text(self) -> str:
        """The text lower-case and unaccented, offsets unchanged."""
        return fold(self.text)

    @once
    def folded(self) -> str:
        return " ".join(t.key for t in self.toks)

    @once
    def folded_without_deadlines(self) -> str:
        """The folded words with every deadline left out ("by June" is no "by" of means),
        and the numbers that measure nothing ("3 pillars", "110%")."""
        spans = sorted([(s, e) for s, e, _ in self.deadlines] + self.unmeasured + self.periods)
        keep = []
        d = 0
        for t in self.toks:
            while d < len(spans) and spans[d][1] <= t.start:
                d += 1
            if d < len(spans) and spans[d][0] <= t.start < spans[d][1]:
                continue
            keep.append(t.key)
        return " ".join(keep)

    @once
    def periods(self) -> list[tuple[int, int]]:
        """Spans of years ("2015 - 2017", "2024 to 2028", "2025/26"): a period, no quantity."""
        if not self.digits_raw:
            return []
        rx = _year_range(patterns.word_alternation("range_to", self.langs))
        return [m.span() for m in rx.finditer(self.folded_text)]

    @once
    def audience(self) -> bool:
        """A named group other than the company's own staff or shareholders."""
        groups = self.of("signal.audience")
        if not groups:
            return False
        staff = Spans((h.start, h.end) for h in self.of("signal.staff"))
        return any(not staff.hold(h.start) for h in groups)

    @once
    def change(self) -> bool:
        """A change for someone; "help", "enable", « permettre » count only with an audience."""
        return self.has("signal.change") or (self.has("signal.assist") and self.audience)

    @once
    def someone(self) -> bool:
        """ "every child", "no family", « chaque enfant », « aucun élève »: a vision's who."""
        return bool(self.search("every_one", self.folded))

    @once
    def has_number(self) -> bool:
        """A quantity outside any date: "Q1" or "2027" alone measure nothing."""
        if not self.digits and not self.number_words:
            return False
        plain = self.folded_without_deadlines
        return bool(DIGIT.search(plain)) or bool(self.search("number_word", plain))

    @once
    def digits_raw(self) -> bool:
        return bool(DIGIT.search(self.text))

    @once
    def digits(self) -> bool:
        """Digits that may measure something (not "110%" nor "3 pillars")."""
        if not self.digits_raw:
            return False
        return bool(DIGIT.search(self.plain)) if self.unmeasured else True

    @once
    def deadlines(self) -> list[tuple[int, int, date]]:
        found = [(m.start, m.end, m.value) for m in find_deadlines(self.text, self.today)]
        if found and self.unmeasured:  # "since 1998" is no deadline
            unmeasured = Spans(self.unmeasured)
            found = [d for d in found if not unmeasured.hold(d[0])]
        return found

    @once
    def money(self) -> bool:
        return bool(find_amounts(self.plain)) if self.digits else False

    @once
    def percent(self) -> bool:
        return bool(find_percentages(self.plain)) if self.digits else False

    @once
    def ranges(self) -> list[tuple[float, float]]:
        return [m.value for m in find_ranges(self.plain)] if self.digits else []

    @once
    def proper_nouns(self) -> int:
        """Capitalised words inside a sentence (Leeds, LinkedIn), not Title Case headings."""
        text = self.text
        not_proper = self.words_of("not_proper")
        capitals = [t for t in self.toks if text[t.start].isupper() and t.key not in not_proper]
        long_words = sum(1 for t in self.toks if t.end - t.start > 3)
        title_case = len(capitals) > 2 and len(capitals) > _TITLE_CASE_SHARE * max(long_words, 1)
        count = 0
        subject = {t.start for t in self.toks[:_SUBJECT_WORDS]}
        for tok in capitals:
            if tok.end - tok.start < 2 or tok.start in subject:
                continue  # the first words name the subject: the organisation itself
            word = text[tok.start : tok.end]
            if any(c.isupper() for c in word[1:]):
                count += not word.isupper() or len(word) > 3
                continue
            if title_case:
                continue
            k = tok.start - 1
            while k >= 0 and text[k] in " \t":
                k -= 1
            if k >= 0 and text[k] not in _SENTENCE_START:
                count += 1
        return count

    @once
    def example(self) -> bool:
        """A quoted example, or a device that shows a tone ("first names", « on vouvoie »)."""
        if self.has("signal.device"):
            return True
        # Quotes show a tone in a plan; elsewhere they mostly frame a slogan, and a quote that
        # is most of the answer is the slogan itself.
        quoted = self.layer == "execution" and bool(_QUOTE.search(self.text)) and not self.slogan
        padded = f" {self.folded} "
        return quoted or any(f" {k} " in padded for k in self.words_of("for_example"))

    @once
    def specificity(self) -> int:
        """How many kinds of concrete detail the answer holds (numbers, names, choices…)."""
        # Cheapest checks first; past SPECIFICITY_CAP kinds nothing reads the exact count.
        kinds: tuple[Callable[[], bool], ...] = (
            lambda: self.has("signal.tradeoff"),
            lambda: self.audience,
            lambda: self.has("signal.channel"),
            lambda: self.has("signal.insight"),
            lambda: self.proper_nouns > 0,
            lambda: self.example,
            lambda: self.has_number,
            lambda: self.has("signal.cadence") or bool(self.deadlines),
            lambda: self.digits and (self.money or self.percent),
            lambda: self.has("signal.terms"),
        )
        count = 0
        for kind in kinds:
            if kind():
                count += 1
                if count >= SPECIFICITY_CAP:
                    break
        return count

    @once
    def offer(self) -> bool:
        """An offer is named: a thing sold, or a verb of ours whose object is not "products and
        services" or "solutions" (« nous concevons des produits et services… » names nothing)."""
        offers = self.of("signal.offer")
        if not offers:
            return False
        we = self.words_of("we")
        for h in offers:
            span = self.folded_text[h.start : h.end]
            if span.split()[0] not in we and not self.search("generic_offer", span):
                return True
        return not self.search("generic_offer")

    @once
    def behaviour(self) -> bool:
        """Something we do (not "we design products and services", nor "we work together":
        a doing whose words all name nothing is no behaviour)."""
        if not self.has("signal.behaviour"):
            return False
        if not self.offer and self.search("generic_offer"):
            return False
        abstract = {h.start for h in self.of("signal.abstract")}
        # "We set high standards": a doing said in a stock phrase is no behaviour either.
        stock = [h.start for h in self.hits if h.entry.rule in _STOCK]
        stop = patterns.stopwords(self.langs)
        for h in self.of("signal.behaviour"):
            if any(h.start < s < h.end for s in stock):
                continue
            words = [t for t in self.toks if h.start <= t.start < h.end + _BEHAVIOUR_REACH]
            if any(
                t.start not in abstract and t.key not in stop and len(t.key) > 3 for t in words[1:]
            ):
                return True
        return False

    def kinds_of_detail(self) -> dict[str, bool]:
        """Each kind of concrete detail (``DETAIL_KINDS``) and whether the answer holds it."""
        return {name: kind(self) for name, kind in DETAIL_KINDS.items()}

    @once
    def detail_found(self) -> dict[str, bool]:
        return self.kinds_of_detail()

    @once
    def hard_detail(self) -> int:
        """Kinds of detail a reader can check (a number, a date, a name, a channel…)."""
        return sum(1 for name in HARD_KINDS if self.detail_found[name])

    @once
    def soft_detail(self) -> int:
        """Kinds of detail in words (a choice, an audience, a reason, a behaviour, an offer)."""
        return sum(1 for name in DETAIL_KINDS if name not in HARD_KINDS and self.detail_found[name])

    @once
    def detail(self) -> float:
        """How much concrete detail weighs against weak evidence of vagueness: the kinds
        found, each with its weight (``[detail]`` in ``data/rules.toml``: a sum of money or
        an offer's terms says more than a capitalised word)."""
        weights = registry.detail_weights()
        return sum(weights[name] for name, found in self.detail_found.items() if found)

    @once
    def content_words(self) -> int:
        """Words that carry meaning: longer than three letters, not stop words, not numbers."""
        stop = patterns.stopwords(self.langs)
        return sum(
            1 for t in self.toks if len(t.key) > 3 and t.key not in stop and not t.key.isdigit()
        )

    @once
    def heavy(self) -> list[Token]:
        """The words with an abstract noun's ending (-tion, -ité, -ness…)."""
        rx = heavy_nominal(patterns.word_tree("nominal_endings", self.langs))
        return [t for t in self.toks if rx.match(t.key)]

    @once
    def abstract_share(self) -> float:
        """The share of the content words that name nothing one could see or count
        ("potential", "excellence", "empower", « épanouissement »)."""
        if not self.content_words:
            return 0.0
        words = {h.start for h in self.of("signal.abstract")}
        # Heavy nominal words ("revitalisation", « pertinence ») are abstract too.
        stop = patterns.stopwords(self.langs)
        concrete = {h.start for h in self.of("signal.concrete")}
        words |= {
            t.start
            for t in self.heavy
            if len(t.key) >= _HEAVY_MIN
            and t.key not in stop
            and t.start not in concrete  # « logement », "equipment": things, not ideas
        }
        mentioned = self.mentioned
        if mentioned:
            # "We never say excellence or synergy": words named to be banned are not used.
            words = {w for w in words if not mentioned.hold(w)}
        return min(1.0, len(words) / self.content_words)

    @once
    def mentioned(self) -> Spans:
        """The stretches a text names in order to avoid them ("words such as", « à bannir
        : »), each to the end of its clause."""
        return Spans((h.end, _clause_end(self.text, h.end)) for h in self.of(_MENTION))

    @once
    def concrete_share(self) -> float:
        """The share of the content words that name something one can see, touch or count
        (bikes, invoices, the counter) or a doing one can watch (repair, bake, deliver)."""
        if not self.content_words:
            return 0.0
        return len({h.start for h in self.of("signal.concrete")}) / self.content_words

    @once
    def abstract_level(self) -> float:
        """0 to 2: how abstract the answer reads — its share of abstract words (less
        ``concrete_weight`` times its share of concrete ones), from 0 at ``abstract_floor``
        up to 2 at ``abstract_share_high``; ``abstract_share`` is where it counts as 1."""
        if self.content_words < self.params["abstract_min_words"]:
            return 0.0
        share = self.abstract_share - self.params["concrete_weight"] * self.concrete_share
        low, mid, high = (
            self.params[k] for k in ("abstract_floor", "abstract_share", "abstract_share_high")
        )
        if share <= low:
            return 0.0
        if share <= mid:
            return (share - low) / (mid - low)
        return min(2.0, 1.0 + (share - mid) / (high - mid))

    def free_text(self, *fields: str) -> bool:
        """True for ``analyze_text`` and custom answers, or when the field is one of ``fields``."""
        f = self.field
        return not f or f.startswith("answers") or f in fields


# The kinds of concrete detail, by the names ``data/rules.toml`` gives their weights.
DETAIL_KINDS: dict[str, Callable[[Context], bool]] = {
    "money": lambda c: c.digits and (c.money or c.percent),
    "terms": lambda c: c.has("signal.terms"),
    "number": lambda c: c.has_number,
    "time": lambda c: c.has("signal.cadence") or bool(c.deadlines),
    "channel": lambda c: c.has("signal.channel"),
    "example": lambda c: c.example,
    "name": lambda c: c.proper_nouns > 0 or c.has("signal.person"),
    "choice": lambda c: c.has("signal.tradeoff"),
    "change": lambda c: c.change or c.someone,
    "reason": lambda c: c.has("signal.insight"),
    "behaviour": lambda c: c.behaviour,
    "audience": lambda c: c.audience,
    "offer": lambda c: c.offer,
    "beneficiary": lambda c: c.layer in ("vision", "mission") and c.has("signal.beneficiary"),
    "means": lambda c: bool(c.search("gerund", c.folded)),
    "things": lambda c: c.concrete_share >= c.params["concrete_share"],
}
HARD_KINDS = frozenset({"money", "terms", "number", "time", "channel", "example", "name"})
