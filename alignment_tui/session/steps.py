"""The walk's steps in order and where the user stands: next, back, jump, skip, resume."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

StepKind = Literal["intro", "question", "review", "summary"]


@dataclass(frozen=True)
class Step:
    """One screen of the walk: a layer's intro card, a question, a layer review, the summary."""

    kind: StepKind
    layer: str = ""
    qid: str = ""

    @property
    def key(self) -> str:
        """How the step is written in ``profile.meta.position``: a question id, or kind:layer."""
        if self.kind == "question":
            return self.qid
        if self.kind == "summary":
            return "summary"
        return f"{self.kind}:{self.layer}"


class Steps:
    """The walk's order and the current step: next, back, jump and skip never refuse."""

    def __init__(self, plan: Sequence[tuple[str, Sequence[str]]]) -> None:
        """``plan``: each layer with the ids of its questions, in walk order."""
        steps: list[Step] = []
        for layer, qids in plan:
            steps.append(Step("intro", layer))
            steps.extend(Step("question", layer, qid) for qid in qids)
            steps.append(Step("review", layer))
        steps.append(Step("summary"))
        self.steps: tuple[Step, ...] = tuple(steps)
        self.layers: tuple[str, ...] = tuple(layer for layer, _ in plan)
        self._index_of = {step.key: i for i, step in enumerate(self.steps)}
        self.index = 0

    @property
    def current(self) -> Step:
        return self.steps[self.index]

    @property
    def at_end(self) -> bool:
        return self.index == len(self.steps) - 1

    def next(self) -> Step:
        self.index = min(self.index + 1, len(self.steps) - 1)
        return self.current

    def back(self) -> Step:
        self.index = max(self.index - 1, 0)
        return self.current

    def go(self, key: str) -> bool:
        """Jump to the step with this key (question id, ``intro:LAYER``, …); ``False`` if none."""
        index = self._index_of.get(key)
        if index is None:
            return False
        self.index = index
        return True

    def go_layer(self, layer: str) -> bool:
        """Jump to a layer's intro card."""
        return self.go(f"intro:{layer}")

    def restore(self, position: str) -> None:
        """Land where the user was; an unknown position (another bank) starts at the top."""
        if not self.go(position):
            self.index = 0

    def questions(self, layer: str | None = None) -> list[Step]:
        return [
            s for s in self.steps if s.kind == "question" and (layer is None or s.layer == layer)
        ]

    def progress(self) -> tuple[int, int]:
        """(number of the current question, number of questions), both counted from 1."""
        questions = self.questions()
        done = sum(1 for s in self.steps[: self.index + 1] if s.kind == "question")
        return done, len(questions)
