"""The question bank: bilingual questions per layer, loaded from TOML and validated."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError
from pydantic_core import PydanticCustomError

from alignment_tui.i18n import t
from alignment_tui.model.bank_checks import Found, coherence, from_pydantic
from alignment_tui.model.bank_checks import fitting_kinds as fitting_kinds
from alignment_tui.model.kinds import KINDS as KINDS
from alignment_tui.model.kinds import Kind, answer_path
from alignment_tui.model.profile import LAYERS
from alignment_tui.store.files import MAX_BANK_BYTES, ReadError, read_toml

Signal = Literal["number", "date", "money", "name", "tradeoff", "beneficiary"]


def _not_blank(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("blank", "empty text")
    return value


NonBlank = Annotated[str, AfterValidator(_not_blank)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Localized(_Strict):
    """One text in both languages."""

    fr: NonBlank
    en: NonBlank

    def __call__(self, lang: str) -> str:
        return self.fr if lang == "fr" else self.en


class LocalizedList(_Strict):
    """A list of texts (coach probes) in both languages, at least two in each."""

    fr: Annotated[list[NonBlank], Field(min_length=2)]
    en: Annotated[list[NonBlank], Field(min_length=2)]

    def __call__(self, lang: str) -> list[str]:
        return list(self.fr if lang == "fr" else self.en)


class Option(_Strict):
    value: NonBlank
    label: Localized


class RuleParams(_Strict):
    """Per-question parameters read by the analysis."""

    min_words: Annotated[int, Field(ge=0)] | None = None
    max_words: Annotated[int, Field(ge=1)] | None = None
    expect: list[Signal] = []
    off: list[str] = []


class Question(_Strict):
    id: Annotated[str, Field(pattern=r"^[A-Za-z0-9_][A-Za-z0-9_.\-]*$")]
    kind: Kind
    field: str | None = None
    required: bool = False
    prompt: Localized
    help: Localized
    example_vague: Localized
    example_specific: Localized
    probes: LocalizedList
    rules: RuleParams = RuleParams()
    options: list[Option] = []
    multiple: bool = False
    options_from: Literal["personas", "axes"] | None = None
    layer: str

    @property
    def path(self) -> str:
        """Where the answer lives in the profile: ``field``, or ``answers.ID``."""
        return answer_path(self.field, self.id)


class Intro(_Strict):
    """The card shown before a layer's questions."""

    title: Localized
    what: Localized
    why: Localized
    horizon: Localized
    good: Localized


class LayerBank(_Strict):
    layer: str
    intro: Intro
    questions: list[Question]


class Bank:
    """A whole bank: its layers in walk order, and its questions by id."""

    def __init__(self, layers: list[LayerBank], source: Path | None = None) -> None:
        order = {name: i for i, name in enumerate(LAYERS)}
        self.layers: list[LayerBank] = sorted(layers, key=lambda lb: order[lb.layer])
        self.source = source
        self._by_id = {q.id: q for q in self.questions()}

    def questions(self) -> list[Question]:
        return [q for lb in self.layers for q in lb.questions]

    def question(self, qid: str) -> Question:
        return self._by_id[qid]

    def layer(self, name: str) -> LayerBank | None:
        return next((lb for lb in self.layers if lb.layer == name), None)

    def __repr__(self) -> str:
        where = "built-in" if self.source is None else str(self.source)
        return f"Bank({where}, {len(self._by_id)} questions)"


@dataclass
class BankProblem:
    """One thing wrong in a bank: where (file, line, question, key) and what."""

    file: Path
    question_id: str | None
    key: str | None
    message: str = ""
    code: str = "invalid"
    params: dict[str, Any] = field(default_factory=dict)
    line: int | None = None

    def __post_init__(self) -> None:
        if not self.message:
            self.message = self.text("en")

    def text(self, lang: str) -> str:
        return t(f"bank.problem.{self.code}", lang, **self.params)

    def render(self, lang: str) -> str:
        """``FILE[:LINE]: QUESTION_ID: KEY: message`` (absent parts left out)."""
        where = str(self.file) if self.line is None else f"{self.file}:{self.line}"
        parts = [where, self.question_id, self.key, self.text(lang)]
        return ": ".join(p for p in parts if p)


class BankError(Exception):
    """A bank that cannot be used; ``problems`` lists why."""

    def __init__(self, problems: list[BankProblem], *, unreadable: bool = False) -> None:
        self.problems = problems
        self.unreadable = unreadable
        super().__init__(self.text("en"))

    def text(self, lang: str) -> str:
        """One line for a person: the first problem, and how to see the others."""
        first = self.problems[0].render(lang) if self.problems else ""
        if self.unreadable or len(self.problems) <= 1:
            return first
        folder = self.problems[0].file.parent
        more = t("bank.more_problems", lang, count=len(self.problems) - 1, folder=str(folder))
        return f"{first} {more}"


def builtin_bank_dir() -> Path:
    """Where the built-in bank lives: inside the installed package, else the repository."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "questions"
    if installed.is_dir():
        return installed
    return package.parent / "questions"


def load_bank(path: str | Path | None = None) -> Bank:
    """The bank in ``path`` (``None``: the built-in one, read once); raises ``BankError``."""
    if path is None:
        return _builtin()
    return _load(Path(path))


@cache
def _builtin() -> Bank:
    bank = _load(builtin_bank_dir())
    bank.source = None
    return bank


def _load(folder: Path) -> Bank:
    layers, problems = _read_folder(folder)
    if problems:
        raise BankError(problems)
    return Bank(layers, folder)


def check_bank(path: str | Path) -> list[BankProblem]:
    """Every problem of the bank in ``path``; ``BankError(unreadable=True)`` if unreadable."""
    return _read_folder(Path(path))[1]


def _read_folder(folder: Path) -> tuple[list[LayerBank], list[BankProblem]]:
    try:
        files = sorted(
            p
            for p in folder.iterdir()
            if p.suffix == ".toml" and not p.name.startswith(".") and not p.is_dir()
        )
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise BankError(
            [BankProblem(folder, None, None, code="unreadable", params={"reason": reason})],
            unreadable=True,
        ) from None
    problems: list[BankProblem] = []
    if not files:
        problems.append(BankProblem(folder, None, None, code="no_files"))
    seen = _Seen()
    layers = [lb for lb in (_read_file(f, problems, seen) for f in files) if lb is not None]
    return layers, problems


@dataclass
class _Seen:
    """What earlier files and questions already claimed: layers, ids, fields."""

    layers: dict[str, Path] = field(default_factory=dict)
    ids: dict[str, Path] = field(default_factory=dict)
    fields: dict[str, str] = field(default_factory=dict)

    def claim(self, file: Path, qid: str | None, path: Any) -> list[BankProblem]:
        found: list[BankProblem] = []
        if qid is not None:
            if qid in self.ids:
                params = {"other": self.ids[qid].name}
                found.append(BankProblem(file, qid, "id", code="duplicate_id", params=params))
            self.ids.setdefault(qid, file)
        if isinstance(path, str) and path:
            if path in self.fields:
                params = {"other": self.fields[path]}
                found.append(BankProblem(file, qid, "field", code="field_twice", params=params))
            self.fields.setdefault(path, qid or "?")
        return found


def _read_file(file: Path, problems: list[BankProblem], seen: _Seen) -> LayerBank | None:

    try:
        data = read_toml(file, MAX_BANK_BYTES)[0]
    except ReadError as exc:
        line = exc.params.pop("line", None)
        problems.append(BankProblem(file, None, None, code=exc.key, params=exc.params, line=line))
        return None
    before = len(problems)
    for key in data:
        if key not in ("layer", "intro", "question"):
            problems.append(BankProblem(file, None, key, code="unknown_key"))
    layer = data.get("layer")
    if not isinstance(layer, str) or layer not in LAYERS:
        params = {"value": str(layer), "layers": ", ".join(LAYERS)}
        problems.append(BankProblem(file, None, "layer", code="bad_layer", params=params))
        layer = None
    elif layer in seen.layers:
        params = {"other": seen.layers[layer].name}
        problems.append(BankProblem(file, None, "layer", code="layer_twice", params=params))
    else:
        seen.layers[layer] = file
    intro: Intro | None = None
    if "intro" not in data:
        problems.append(BankProblem(file, None, "intro", code="missing_key"))
    else:
        try:
            intro = Intro.model_validate(data["intro"])
        except ValidationError as exc:
            problems.extend(_problems(file, None, from_pydantic("intro", exc)))
    questions: list[Question] = []
    raw_questions = data.get("question", [])
    if not isinstance(raw_questions, list) or not all(isinstance(q, dict) for q in raw_questions):
        problems.append(BankProblem(file, None, "question", code="not_questions"))
        raw_questions = []
    if not raw_questions:
        problems.append(BankProblem(file, None, "question", code="no_questions"))
    for index, raw in enumerate(raw_questions):
        question = _read_question(file, index, raw, layer, problems, seen)
        if question is not None:
            questions.append(question)
    if layer is None or intro is None or len(problems) > before:
        return None
    return LayerBank(layer=layer, intro=intro, questions=questions)


def _read_question(
    file: Path,
    index: int,
    raw: dict[str, Any],
    layer: str | None,
    problems: list[BankProblem],
    seen: _Seen,
) -> Question | None:
    raw_id = raw.get("id")
    has_id = isinstance(raw_id, str) and bool(raw_id)
    qid = str(raw_id) if has_id else f"question[{index}]"
    claimed = seen.claim(file, qid if has_id else None, raw.get("field"))
    problems.extend(claimed)
    if "layer" in raw:
        problems.append(BankProblem(file, qid, "layer", code="unknown_key"))
        return None
    try:
        question = Question.model_validate({**raw, "layer": layer or LAYERS[0]})
    except ValidationError as exc:
        problems.extend(_problems(file, qid, from_pydantic(None, exc)))
        return None
    found = coherence(question, layer)
    problems.extend(_problems(file, qid, found))
    return None if found or claimed else question


def _problems(file: Path, qid: str | None, found: list[Found]) -> list[BankProblem]:
    return [BankProblem(file, qid, key, code=code, params=params) for key, code, params in found]
